"""Databases: destructive statements, production hosts, ORM resets."""

from __future__ import annotations

from .. import paths, pathstr
from ..lazyre import IGNORECASE, lazy
from ..model import ASK, SOFT_DENY, TOO_LARGE
from ..paths import DYN
from ..shell.ir import IN_NEW_CONTAINER
from ..shell.programs import INTERPRETERS
from ..shell.sqlclients import CLIENTS, NOT_SQL, PLATFORM_SQL, REDIS, inputs
from ..trust import url_host
from .base import rule
from .cloud import is_production

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..code.sql import Script, Statement
    from ..model import Action
    from ..scope import Scope
    from ..shell.ir import SimpleCommand
    from ..shell.sqlclients import SqlInput

# MongoDB shell calls that destroy a collection or database, or delete every document (`{}` matches all).
# Matched on the JavaScript with its string literals blanked, so a query that mentions them is not one.
# MongoDB's destructive shell helpers, their command documents (`db.runCommand({drop: "users"})`,
# `db.adminCommand({dropDatabase: 1})`), and a delete or an update of every document (an empty filter `{}`).
_MONGO_DESTROY = lazy(
    r"\.drop\s*\(\s*\)|\bdropDatabase\s*\(|\b(?:deleteMany|remove|updateMany|replaceMany)\s*\(\s*\{\s*\}\s*[,)]"
    r"|\b(?:runCommand|adminCommand|command)\s*\(\s*\{\s*[\"']?(?:drop|dropDatabase|dropAllUsersFromDatabase|dropIndexes)[\"']?\s*:",
    IGNORECASE,
)
_REDIS_DESTROY = frozenset({"flushall", "flushdb"})

DB_CLIENTS = CLIENTS
# The SQL rules also read the SQL a platform CLI hands its hosted database (sqlclients.PLATFORM_SQL; gated).
SQL_COMMANDS = tuple(sorted(CLIENTS | set(PLATFORM_SQL)))


def sql_of(cmd: SimpleCommand) -> tuple[str, str]:
    """(inline statement text, connection target text) of a database client call."""
    inp = inputs(cmd)
    return "\n".join(inp.texts), inp.target


def _js_code(text: str) -> str:
    """JavaScript with the contents of its string literals blanked (linear scan)."""
    out: list[str] = []
    quote = ""
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 2
                continue
            if c == quote:
                quote = ""
                out.append(c)
        elif c in "'\"`":
            quote = c
            out.append(c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


# A Lua script's call of a Redis command (EVAL's script, a `--eval` file, FUNCTION LOAD's library): redis.call('CMD',
# ARG, …) or redis.pcall; group 1 the command, group 2 its arguments.
_LUA_REDIS_CALL = lazy(r"""\bredis\s*\.\s*p?call\s*\(\s*(?:'(\w+)'|"(\w+)")\s*((?:,\s*(?:'[^']*'|"[^"]*"|[^,()'"]+(?:\([^()]*\))?)\s*)*)\)""")
_LUA_ARG = lazy(r"""'([^']*)'|"([^"]*)"|([^,\s][^,]*)""")


def _lua_redis_calls(text: str) -> list[str]:
    """The Redis commands a Lua script in *text* calls, a line each (`flushall`, `del <DYN>`): a literal argument as
    written, any other (a variable, KEYS[1]) a value only known when the script runs."""
    if "call" not in text:
        return []
    out: list[str] = []
    for m in _LUA_REDIS_CALL.finditer(text):
        args = [a.group(1) if a.group(1) is not None else a.group(2) if a.group(2) is not None else DYN for a in _LUA_ARG.finditer(m.group(3))]
        out.append(" ".join([m.group(1) or m.group(2), *args]))
    return out


def _redis_loses(op: str, args: list[str]) -> str | None:
    """A Redis command that loses the server's data by another way than deleting keys (round 18b, from the Redis
    command reference): SHUTDOWN NOSAVE and DEBUG SEGFAULT stop it without saving (what changed since the last save is
    gone), REPLICAOF/SLAVEOF HOST PORT makes it a replica that discards its whole dataset to copy another server's, and
    CONFIG SET dir/dbfilename points its dump file elsewhere (the next save writes over that file). REPLICAOF NO ONE,
    a plain SHUTDOWN (which saves first) and CONFIG GET only read or keep the data."""
    if op == "shutdown" and "nosave" in args:
        return "stops the server without saving: what changed since the last save is lost"
    if op == "debug" and args[:1] in (["segfault"], ["crash-and-recover"]):
        return "crashes the server: what changed since the last save is lost"
    if op in ("replicaof", "slaveof") and len(args) >= 2 and args[:2] != ["no", "one"]:
        return "makes the server a replica of another, discarding its whole dataset"
    if op == "config" and args[:1] == ["set"] and args[1:2] in (["dir"], ["dbfilename"]):
        return "points the server's dump file elsewhere: its next save writes over that file"
    return None


def _other_client(cmd: SimpleCommand, texts: list[str]) -> str | None:
    """Why a redis-cli or mongosh call destroys data, or None."""
    name = cmd.name
    if name in REDIS:
        for text in texts:
            # A script run read-only (EVAL_RO) is refused any command that writes; one stored (SCRIPT LOAD, FUNCTION
            # LOAD) runs at a later call, as a SQL function body does (a person is asked about such stored code elsewhere).
            lua = _lua_redis_calls(text) if not text.lower().startswith(("eval_ro", "function", "script")) else []
            for line in (text.splitlines() or [""]) + lua:
                ops = line.split()
                if not ops:
                    continue
                op = ops[0].lower()
                if op in _REDIS_DESTROY:
                    return f"{name} {ops[0]} deletes every key"
                if op in ("del", "unlink") and any(DYN in k or "*" in k for k in ops[1:]):
                    return f"{name} {ops[0]} deletes keys chosen at run time (every key a scan or pattern returns)"
                loss = _redis_loses(op, [a.lower() for a in ops[1:]])
                if loss:
                    return f"{name} {' '.join(ops[:3])} {loss}"
        return None
    for text in texts:
        m = _MONGO_DESTROY.search(_js_code(text))
        if m:
            return f"{name} runs {text[max(m.start() - 20, 0) : m.end() + 10].strip()!r}, which destroys data"
    return None


_OTHER_FILES = 8  # script files of a mongosh or redis-cli call read


def _other_texts(cmd: SimpleCommand, sc: Scope) -> list[str]:
    """What a redis-cli or mongosh call runs: its typed text, and the text of the files it is given (mongosh's
    `--file F` and `F.js` operands, `< F`, `cat F |`), read through Context.read_file (project and temp files)."""
    inp = inputs(cmd)
    texts = list(inp.texts)
    files = list(inp.files)
    if any(w.procsub for w in cmd.argv):
        # `redis-cli --eval <(echo …)`, `mongosh <(echo …)`: the file bash hands over holds the substitution's output
        from ..shell.outputs import literal_stdin

        texts += [t for w in cmd.argv if w.procsub and (t := literal_stdin(w.subs)) is not None]
    if cmd.name in ("mongosh", "mongo"):
        # mongosh [DB ADDRESS] [FILE.js …]: an operand ending in .js is a script it runs (mongosh --help).
        files += [t for t in texts if t.endswith(".js") and not any(c.isspace() for c in t)]
    if not files or sc.ctx.read_file is None:
        return texts
    from ..scripts_more import _read_named

    for f in files[:_OTHER_FILES]:
        got = _read_named(sc, sc.path(f, cmd))
        if got and got != TOO_LARGE:
            texts.append(got)
    return texts


def _sql_scripts(cmd: SimpleCommand, sc: Scope) -> tuple[SqlInput, list[tuple[str, Script]], list[str]]:
    from ..scripts_more import sql_sources

    return sql_sources(cmd, sc)


def _remote_target(target: str, sc: Scope) -> str | None:
    for t in target.split():
        host = url_host(t.split("host=", 1)[-1]) if ("://" in t or "host=" in t) else t
        host = host.split("@")[-1].split("/")[0].split(":")[0] if host else ""
        if host and not sc.trust.host_is_trusted(host) and ("." in host or is_production(host)) and not host.endswith((".db", ".sqlite", ".sqlite3")):
            return host
    return None


def _safer_sql(where: str) -> dict[str, str]:
    """db.destructive-sql's way for each client: its own backup tool (told `pg_dump` to every client before ux18)."""
    sql = "or run it in a transaction you can roll back"
    return {
        "psql": f"back up first (`pg_dump`), {sql}{where}",
        **dict.fromkeys(("mysql", "mariadb"), f"back up first (`mysqldump`), {sql}{where}"),
        "sqlite3": f"copy the database first (`sqlite3 FILE '.backup /tmp/backup.db'`), {sql}{where}",
        "redis-cli": f"save a snapshot first (`redis-cli --rdb /tmp/dump.rdb`) and delete only the keys you created (`redis-cli DEL KEY`){where}",
        **dict.fromkeys(("mongosh", "mongo"), f"back up first (`mongodump`) and delete only the documents you created, with a filter that names them{where}"),
    }


@rule(
    id="db.destructive-sql",
    title="Dropping, truncating or deleting everything in a database",
    why="DROP, TRUNCATE, DELETE/UPDATE without WHERE (or with an always-true one) and FLUSHALL destroy data that is rarely in version control; backups, if any, are a person's business. Statements are read with a SQL tokenizer from options, here-documents, literal pipes and the files the client runs.",
    verdict=SOFT_DENY,
    alternative="back up first with the database's own dump tool, or run it in a transaction you can roll back, on a dev database",
    alternatives=_safer_sql(", on a dev database"),
    commands=SQL_COMMANDS,
    match=(
        "psql -h prod-db.internal -U admin -c 'DROP SCHEMA public CASCADE'",
        "mysql -u root -e 'DROP DATABASE webapp'",
        "redis-cli -h cache.internal FLUSHDB",
        "redis-cli -h cache.internal flushall",
        "sqlite3 ~/Library/Application\\ Support/Notes/app.db 'DELETE FROM users'",
        "psql -c 'TRUNCATE orders'",
        "mongosh --eval 'db.dropDatabase()'",
        "psql <<'SQL'\nDROP TABLE users;\nSQL",
        "psql -c 'UPDATE users SET admin = true'",
        "redis-cli -h prod.cache KEYS '*' | xargs redis-cli -h prod.cache DEL",
        "psql -c 'drop/**/table users'",
        "mysql -e 'TRUNCATE TABLE `users`'",
        "psql -c 'DELETE FROM users WHERE 1=1'",
        "echo 'DROP TABLE users;' | psql \"$DATABASE_URL\"",
        {"tool_name": "Bash", "tool_input": {"command": "psql -f cleanup.sql"}, "files": {"/home/ana/webapp/cleanup.sql": "DROP TABLE users;"}},
        "npx wrangler d1 execute prod-db --remote --command='DROP TABLE users'",
        "aws rds-data execute-statement --resource-arn arn:x --secret-arn arn:y --sql 'TRUNCATE orders'",
        "turso db shell prod 'DELETE FROM sessions'",
        "heroku pg:psql -a shop -c 'DROP SCHEMA public CASCADE'",
    ),
    no_match=(
        "wrangler d1 execute prod-db --remote --command 'SELECT count(*) FROM users'",
        "aws rds-data execute-statement --resource-arn arn:x --secret-arn arn:y --sql 'SELECT 1'",
        "aws s3 ls",
        "sqlite3 data/dev.sqlite 'select count(*) from users'",
        "psql -c \"INSERT INTO log VALUES ('drop table x')\"",
        "psql postgres://localhost/webapp_dev -c '\\dt'",
        'psql -c "DELETE FROM sessions WHERE expires < now()"',
        "redis-cli GET key",
        "mysql -e 'SHOW TABLES'",
    ),
)
def destructive_sql(cmd: SimpleCommand, sc: Scope) -> str | None:
    why = _destroys(cmd, sc)
    if why is None or dev_database(cmd, sc) is not None:
        return None  # nothing destroyed, or a development database of this machine's: db.destructive-sql-dev
    return why


def _destroys(cmd: SimpleCommand, sc: Scope) -> str | None:
    """Why a database client call destroys data (a destructive statement, FLUSHALL, dropDatabase()), or None."""
    if cmd.name in NOT_SQL:
        return _other_client(cmd, _other_texts(cmd, sc))
    inp, scripts, _ = _sql_scripts(cmd, sc)
    for label, script in scripts:
        stmt = script.destructive()
        if stmt is not None:
            where = f" on {inp.target}" if inp.target else ""
            source = f" (in {label})" if label in inp.files or label.endswith(".sql") else ""
            harm = "grants or revokes privileges wholesale" if stmt.kind == "privilege" else "destroys data"  # GRANT ALL, REVOKE, SUPERUSER
            return f"{cmd.name} runs {stmt.show()!r}{source}{where}, which {harm}"
    return None


_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"})

# A running container's command reached through the default Docker daemon (`docker compose exec db psql …`).
_CONTAINER_EXEC = frozenset({"docker exec target", "docker-compose exec target"})
# Options of docker (and compose) that choose another daemon than this machine's: its containers may be anywhere.
_OTHER_DAEMON = frozenset({"--context", "-c", "-H", "--host"})
_SQLITE_CLIENTS = frozenset({"sqlite3", "duckdb", "litecli"})
_SERVER_CLIENTS = frozenset({"psql", "pgcli", "mysql", "mariadb", "mycli", "dropdb"})


def _url_parts(word: str) -> tuple[str, str]:
    """(host, the rest) of a connection URL `scheme://user:pw@host:port/db?…`, lower-cased; ("", "") for another word."""
    if "://" not in word:
        return "", ""
    rest = word.split("://", 1)[1]
    auth, _, path = rest.partition("/")
    hostport = auth.rsplit("@", 1)[-1]
    host = hostport[1:].split("]", 1)[0] if hostport.startswith("[") else hostport.split(":", 1)[0]
    return host.lower(), path.lower()


def _local_host(host: str) -> bool:
    h = host.lower()
    return h in _LOCAL_HOSTS or h == "[::1]" or (h.startswith("/") and DYN not in h)  # a Unix socket's directory


def _default_daemon(cmd: SimpleCommand) -> bool:
    """Whether the container a `docker exec`/`docker compose exec` runs *cmd* in is one of this machine's daemon: no
    DOCKER_HOST/DOCKER_CONTEXT and none of docker's options that choose another (read from the wrapper's own words,
    before its subcommand)."""
    if any(k in cmd.assigns for k in ("DOCKER_HOST", "DOCKER_CONTEXT")):
        return False
    from ..shell.parse import ParseFailure, parse

    try:
        outer = parse(cmd.text, "/", "/", {}).commands if cmd.text else []
    except ParseFailure:
        return False
    for c in outer:
        vals = c.values()
        if c.name not in ("docker", "podman", "docker-compose", "podman-compose") or "exec" not in vals:
            continue
        if any(k in c.assigns for k in ("DOCKER_HOST", "DOCKER_CONTEXT")):
            return False
        before = vals[: vals.index("exec")]
        if any(v in _OTHER_DAEMON or v.startswith(("--context=", "--host=", "-H")) or is_production(v) for v in before):
            return False
        after = [v for v in vals[vals.index("exec") + 1 :] if not v.startswith("-")]
        return not (after and is_production(after[0]))  # the service or container: `exec prod-db psql`
    return False


def dev_database(cmd: SimpleCommand, sc: Scope) -> str | None:
    """Where a database client call runs, when that is a development database on this machine: a server the line names
    as this machine's (`-h localhost`, `127.0.0.1`, a Unix socket, `postgres://…@localhost/app_dev`), the database of a
    running compose service or container of this machine's Docker (`docker compose exec db psql`), a Redis started with
    no host (redis-cli has no variable that moves it), or a SQLite file in the project or a temp folder.  None where the
    line does not say so -- no host named (PGHOST, ~/.my.cnf, a service file may send it anywhere), another machine,
    a value known only at run time -- or where a word of the target says production (`app_production`, `prod.db`)."""
    name = cmd.name
    remote = cmd.remote
    if remote is not None and not (remote in _CONTAINER_EXEC and _default_daemon(cmd)):
        return None
    inp = inputs(cmd) if name != "dropdb" else None
    target = inp.target if inp is not None else " ".join(v for v in cmd.values() if not v.startswith("-"))
    if DYN in target or any(is_production(w) for w in target.split()):
        return None
    if any(k in cmd.assigns for k in ("PGSERVICE", "PGSERVICEFILE", "MYSQL_HOST", "PGHOST", "PGHOSTADDR")) and not all(
        _local_host(cmd.assigns.get(k, "localhost")) for k in ("PGHOST", "MYSQL_HOST", "PGHOSTADDR")
    ):
        return None
    where = "a running container's database on this machine" if remote is not None else ""
    if name in _SQLITE_CLIENTS:
        words = target.split()
        if remote is not None or len(words) != 1 or words[0] == ":memory:":
            return None
        path = sc.path(words[0], cmd)
        root = sc.ctx.project_root
        if DYN in path or not ((root and paths.is_within(path, root)) or paths.in_temp(path, sc.ctx)):
            return None
        return f"the SQLite file {words[0]}, in the {'project' if root and paths.is_within(path, root) else 'temp folder'}"
    hosts: list[str] = []
    vals = cmd.values()
    for i, v in enumerate(vals):
        nxt = vals[i + 1] if i + 1 < len(vals) else ""
        if v in ("-h", "--host", "-H") and name not in ("mongosh", "mongo"):
            hosts.append(nxt)
        elif v == "--host" or v.startswith("--host="):
            hosts.append(nxt if v == "--host" else v.split("=", 1)[1])
        elif v.startswith("-h") and len(v) > 2 and name in _SERVER_CLIENTS:
            hosts.append(v[2:])
        elif v in ("-S", "--socket") and name in ("mysql", "mariadb"):
            hosts.append(nxt or "?")
        elif v in ("-u", "--uri", "--url") and name in REDIS:
            hosts.append(_url_parts(nxt)[0] or "?")
    for w in [*vals, *cmd.assigns.values()]:
        if "://" in w or "host=" in w:
            hosts.append(_url_parts(w)[0] if "://" in w else w.split("host=", 1)[1].split()[0])
        if "hostaddr=" in w:  # libpq connects to hostaddr, whatever host says (host= is then only for TLS and .pgpass)
            hosts.append(w.split("hostaddr=", 1)[1].split()[0] if w.split("hostaddr=", 1)[1].split() else "?")
    if hosts:
        if not all(_local_host(h) for h in hosts):
            return None
        if remote is None and not all(h.startswith("/") for h in hosts) and _forwarded_elsewhere(cmd, sc):
            return None
        return where or f"a database server on this machine ({hosts[0]})"
    if remote is not None:
        return where  # the container's own server, reached with no host
    if name in REDIS:
        if _forwarded_elsewhere(cmd, sc):
            return None
        return "the Redis server on this machine (redis-cli's default, 127.0.0.1:6379)"
    return None


# Each server client's port when none is given (its documented default).
_DEFAULT_PORTS = {"psql": 5432, "pgcli": 5432, "dropdb": 5432, "mysql": 3306, "mariadb": 3306, "mycli": 3306}
_PORT_VARIABLES = ("PGPORT", "MYSQL_TCP_PORT", "REDISCLI_PORT")


def _client_port(cmd: SimpleCommand) -> int | None:
    """The TCP port a database client connects to: its port option (-p, or mysql's -P; --port), a URL's port, the
    client's variable (PGPORT, MYSQL_TCP_PORT), else its default; -1 for a port given that cannot be read, None for a
    client with no default known here."""
    name = cmd.name
    short = "-P" if name in ("mysql", "mariadb", "mycli") else "-p"
    vals = cmd.values()
    port = ""
    for k in _PORT_VARIABLES:
        v = cmd.assigns.get(k)
        if isinstance(v, str):
            port = v
    for i, v in enumerate(vals):
        if v in (short, "--port") and i + 1 < len(vals):
            port = vals[i + 1]
        elif v.startswith("--port="):
            port = v[len("--port=") :]
        elif v.startswith(short) and len(v) > 2 and v[2:].isdigit():
            port = v[2:]
        elif "://" in v:
            hostport = v.split("://", 1)[1].partition("/")[0].rsplit("@", 1)[-1]
            if hostport.rsplit("]", 1)[-1].count(":") == 1:
                port = hostport.rsplit(":", 1)[1]
    if not port:
        return 6379 if name in REDIS else 27017 if name in ("mongosh", "mongo") else _DEFAULT_PORTS.get(name)
    return int(port) if port.isdigit() and len(port) <= 5 else -1  # -1: given, known only at run time


def _forwarded_elsewhere(cmd: SimpleCommand, sc: Scope) -> bool:
    """Whether the localhost a database client connects to may be another machine's server: the line forwards a local
    port (`ssh -fNL 5432:db.prod:5432 bastion && psql -h localhost …`, `kubectl port-forward svc/pg 5432`), or this
    session forwarded the client's port earlier (provenance `l` records) or a port that cannot be told (round loose15)."""
    if sc.forwarded:
        return True
    owns = sc.ctx.owns
    if owns is None:
        return False
    port = _client_port(cmd)
    return port == -1 or (port is not None and owns(f"l\t{port}"))


@rule(
    id="db.destructive-sql-dev",
    title="Dropping, truncating or deleting everything in a development database on this machine",
    why=(
        "DROP, TRUNCATE, an unbounded DELETE, FLUSHALL or dropdb against a database the line names as this machine's "
        "(`-h localhost`, a Unix socket, a `docker compose exec` service, a SQLite file in the project) destroys data "
        "a developer usually re-creates from migrations and seeds; whether what is in it now matters is the user's to "
        "say, so a person confirms rather than a denial. A database the line does not place (no host: PGHOST or a "
        "service file may send it anywhere), another machine's, or one whose name says production stays "
        "db.destructive-sql (deny)."
    ),
    verdict=ASK,
    alternative="back up first with the database's own dump tool, or run it in a transaction you can roll back",
    alternatives=_safer_sql(""),
    commands=(*SQL_COMMANDS, "dropdb"),
    match=(
        "psql -h localhost -U postgres -d webapp_dev -c 'DROP TABLE users'",
        "mysql -h 127.0.0.1 -u root -e 'DROP DATABASE webapp_test'",
        "psql postgres://postgres:postgres@localhost:5432/webapp_dev -c 'TRUNCATE orders'",
        "docker compose exec db psql -U postgres -c 'DROP TABLE users'",
        "sqlite3 db/dev.sqlite3 'DELETE FROM users'",
        "redis-cli FLUSHALL",
        "dropdb -h localhost webapp_test",
    ),
    no_match=(
        "psql -c 'TRUNCATE orders'",
        "psql -h prod-db.internal -c 'DROP TABLE users'",
        "psql -h localhost -d webapp_production -c 'DROP TABLE users'",
        "docker --context prod compose exec db psql -c 'DROP TABLE users'",
        "DOCKER_HOST=ssh://deploy@app1 docker compose exec db psql -c 'DROP TABLE users'",
        "echo 'DROP TABLE users;' | psql \"$DATABASE_URL\"",
        "sqlite3 ~/Library/Application\\ Support/App/data.db 'DELETE FROM t'",
        "redis-cli -h cache.internal flushall",
        "psql -h localhost -c 'select 1'",
        "dropdb webapp_dev",
    ),
)
def destructive_sql_dev(cmd: SimpleCommand, sc: Scope) -> str | None:
    why = "dropdb deletes a whole database" if cmd.name == "dropdb" else _destroys(cmd, sc)
    where = dev_database(cmd, sc) if why else None
    if where is None:
        return None
    return f"{why}, on {where} (a development database: its data is usually re-created from migrations and seeds)"


def _switched_off(cmd: SimpleCommand, sc: Scope) -> str | None:
    """Why a database client call switches the server's security off (code/sql.SECURITY_SETTINGS for SQL, read with the
    client's SQL reader from every source the client runs; Redis's CONFIG SET and ACL SETUSER), or None."""
    if cmd.name in NOT_SQL:
        return _redis_security_off(cmd, _other_texts(cmd, sc)) if cmd.name in REDIS else None
    inp, scripts, _ = _sql_scripts(cmd, sc)
    for label, script in scripts:
        stmt = script.security_off()
        if stmt is not None:
            where = f" on {inp.target}" if inp.target else ""
            source = f" (in {label})" if label in inp.files or label.endswith(".sql") else ""
            what = "leaves an account with no password" if stmt.target.startswith("PASSWORD") else f"sets {stmt.target} for the whole server"
            return f"{cmd.name} runs {stmt.show()!r}{source}{where}, which {what}: a security setting switched off"
    return None


# Redis's settings that guard the server (redis.conf), with the values that switch the guard off: a password no longer
# asked for (requirepass ""), connections from anywhere answered without one (protected-mode no).
_REDIS_GUARDS = {"requirepass": frozenset({""}), "protected-mode": frozenset({"no"})}


def _redis_security_off(cmd: SimpleCommand, texts: list[str]) -> str | None:
    for text in texts:
        for line in text.splitlines() or [""]:
            ops = [w.strip("'\"") for w in line.split()]
            low = [w.lower() for w in ops]
            if low[:2] == ["config", "set"]:
                pairs = ops[2:]
                for k in range(0, len(pairs), 2):
                    name, value = pairs[k].lower(), pairs[k + 1].lower() if k + 1 < len(pairs) else ""
                    if value in _REDIS_GUARDS.get(name, ()):
                        return f"{cmd.name} CONFIG SET {name} {value or chr(34) * 2}: the server's {name} switched off"
            elif low[:2] == ["acl", "setuser"] and "nopass" in low[3:]:
                return f"{cmd.name} ACL SETUSER {ops[2] if len(ops) > 2 else ''} nopass: the account answers with no password"
    return None


@rule(
    id="db.security-off",
    title="Switching a database server's security off through its client",
    why=(
        "A server-wide setting that guards the database -- encrypted connections (PostgreSQL's ssl, MySQL's "
        "require_secure_transport), how passwords are stored and checked (password_encryption = md5, validate_password), "
        "row-level security, who may connect (hba_file), Redis's requirepass and protected-mode, an account with no "
        "password -- set off from a client call (ALTER SYSTEM, SET GLOBAL/PERSIST, CONFIG SET) stays off for every client "
        "until someone notices. Read with the client's SQL reader from every source it runs. On a development database "
        "of this machine: db.security-off-dev (ask)."
    ),
    verdict=SOFT_DENY,
    alternative="change the server's configuration file under review, or ask the database's owner",
    commands=SQL_COMMANDS,
    match=(
        "psql -h db.internal -c 'ALTER SYSTEM SET ssl = off'",
        "mysql -h prod-db -e 'SET GLOBAL require_secure_transport=OFF'",
        "psql -c \"ALTER SYSTEM SET password_encryption = 'md5'\"",
        "redis-cli -h cache.internal CONFIG SET requirepass ''",
        "redis-cli -h cache.internal config set protected-mode no",
        "mysql -e \"ALTER USER 'root'@'%' IDENTIFIED BY ''\"",
        "mysql -e 'SET PERSIST local_infile = 1'",
    ),
    no_match=(
        "psql -h db.internal -c 'ALTER SYSTEM SET work_mem = 64MB'",
        "mysql -e 'SET GLOBAL max_connections = 500'",
        "mysql -e 'SET SESSION sql_mode = \"\"'",
        "psql -c 'ALTER SYSTEM SET ssl = on'",
        "redis-cli -h cache.internal CONFIG SET maxmemory 2gb",
        "redis-cli -h cache.internal CONFIG GET requirepass",
        "redis-cli -h cache.internal CONFIG SET requirepass s3cr3t-from-vault",
        "psql -h localhost -c 'ALTER SYSTEM SET ssl = off'",
    ),
)
def security_off(cmd: SimpleCommand, sc: Scope) -> str | None:
    why = _switched_off(cmd, sc)
    if why is None or dev_database(cmd, sc) is not None:
        return None  # a development database of this machine's: db.security-off-dev
    return why


@rule(
    id="db.security-off-dev",
    title="Switching the security of a development database on this machine off",
    why=(
        "The same settings as db.security-off on a database the line names as this machine's (`-h localhost`, a Unix "
        "socket, a `docker compose exec` service, redis-cli with no host): a developer's own server, often run without "
        "them on purpose; still a guard switched off for every client of it, so a person confirms."
    ),
    verdict=ASK,
    commands=SQL_COMMANDS,
    match=(
        "psql -h localhost -c 'ALTER SYSTEM SET ssl = off'",
        "redis-cli CONFIG SET requirepass ''",
        "redis-cli CONFIG SET protected-mode no",
        "docker compose exec db mysql -e 'SET GLOBAL require_secure_transport = 0'",
    ),
    no_match=("redis-cli CONFIG SET maxmemory 2gb", "psql -h localhost -c 'SET work_mem = 64MB'", "psql -h db.internal -c 'ALTER SYSTEM SET ssl = off'"),
)
def security_off_dev(cmd: SimpleCommand, sc: Scope) -> str | None:
    why = _switched_off(cmd, sc)
    where = dev_database(cmd, sc) if why else None
    return None if where is None else f"{why}, on {where}"


@rule(
    id="db.cache-flush",
    title="Emptying a remote memcached",
    why=(
        "memcached's `flush_all` (libmemcached's memcflush, or the line typed into a socket) drops every item of the cache "
        "at once: on a shared or production cache every client then falls through to the database together. The data "
        "is regenerated, so a person decides rather than a denial; a cache on this machine is the developer's own."
    ),
    verdict=ASK,
    commands=("memcflush",),
    match=("memcflush --servers=cache.example.com:11211", "nc -q1 cache.example.com 11211 <<< flush_all"),
    no_match=("memcflush --servers=localhost:11211", "nc localhost 11211 <<< flush_all", "nc cache.example.com 11211 <<< stats"),
)
def cache_flush(cmd: SimpleCommand, sc: Scope) -> str | None:
    servers = [v.partition("=")[2] for v in cmd.values() if v.startswith("--servers=")]
    servers += [b for a, b in zip(cmd.values(), cmd.values()[1:], strict=False) if a in ("--servers", "-s")]
    hosts = [h.rsplit(":", 1)[0] if h.count(":") == 1 else h for s in servers for h in s.split(",") if h]
    remote = [h for h in hosts or ["localhost"] if h not in _LOCAL_HOSTS and not sc.trust.host_is_trusted(h)]
    return f"{cmd.name} empties the memcached on {remote[0]}" if remote else None


@rule(
    id="db.production",
    title="Writing to, or opening a shell on, a production or remote database",
    why="A production database serves real users; even a correct-looking write or an interactive session there is a decision for a person.",
    verdict=ASK,
    commands=(*DB_CLIENTS, "pg_restore"),
    match=(
        "psql -h prod-db.internal -U admin",
        "mysql -h db.prod.acme.com -e 'INSERT INTO t VALUES (1)'",
        "psql postgres://admin@prod.acme.io/app -f migrate.sql",
        "pg_restore --clean -d postgresql://prod.example.com/app dump.sql",
    ),
    no_match=(
        "psql postgres://localhost/webapp_dev -c '\\dt'",
        "sqlite3 data/dev.sqlite 'select 1'",
        "psql -h localhost -c 'select 1'",
        "psql -h prod-db.internal -c 'select count(*) from users'",
        "pg_restore --clean -d webapp_dev dump.sql",
        "pg_restore -l dump.sql",
    ),
)
def production_db(cmd: SimpleCommand, sc: Scope) -> str | None:
    if cmd.name == "pg_restore":
        return _restore_into(cmd, sc)
    inp = inputs(cmd)
    host = _remote_target(inp.target, sc)
    if host is None:
        return None
    where = f"{host}, a remote{' production' if is_production(host) else ''} database"
    if inp.interactive:
        return f"{cmd.name} opens a session on {where}"
    if cmd.name in NOT_SQL:
        return None if not _other_client(cmd, _other_texts(cmd, sc)) else f"{cmd.name} writes to {where}"
    _, scripts, unread = _sql_scripts(cmd, sc)
    if unread:
        return f"{cmd.name} runs {unread[0]} on {where}; clearance cannot see its statements"
    for _, script in scripts:
        stmt = script.changes()
        if stmt is not None:
            return f"{cmd.name} writes to {where} ({stmt.show()!r})"
        if script.commands or script.truncated:
            return f"{cmd.name} runs client commands or more SQL than clearance reads on {where}"
    return None


# pg_restore's options that take a value (pg_restore(1)): in a cluster of short options the rest is that value.
_PG_RESTORE_VALUED = "dfhpUjnStIPTLFN"


def _restore_into(cmd: SimpleCommand, sc: Scope) -> str | None:
    """`pg_restore -d TARGET DUMP`: the dump's objects are written into TARGET (with --clean/-c, dropped there first),
    as `psql TARGET -f dump.sql` writes them: a write to a remote database. Without -d it prints a script (or lists the
    archive with -l) and writes nowhere."""
    vals = cmd.values()
    target: list[str] = [v for k, v in cmd.assigns.items() if k in ("PGHOST", "PGDATABASE")]
    clean = has_db = False
    i = 0
    while i < len(vals):
        v = vals[i]
        nxt = vals[i + 1] if i + 1 < len(vals) else ""
        if v.startswith("--"):
            key, eq, value = v[2:].partition("=")
            if key in ("dbname", "host"):
                target.append(value if eq else nxt)
                has_db = has_db or key == "dbname"
                i += 1 if eq else 2
                continue
            clean = clean or key == "clean"
        elif v.startswith("-") and len(v) > 1:
            for k, c in enumerate(v[1:], 1):
                if c in _PG_RESTORE_VALUED:
                    if c in "dh":
                        target.append(v[k + 1 :] or nxt)
                        has_db = has_db or c == "d"
                    if not v[k + 1 :]:
                        i += 1  # the value is the next word
                    break
                clean = clean or c == "c"
        i += 1
    if not has_db:
        return None
    host = _remote_target(" ".join(target), sc)
    if host is None:
        return None
    where = f"{host}, a remote{' production' if is_production(host) else ''} database"
    return f"pg_restore {'drops and rewrites' if clean else 'writes'} the dump's objects in {where}"


_ORM_DESTROY = lazy(
    # Rails' per-database and unchecked variants add a suffix (db:drop:all, db:drop:_unsafe, db:reset:primary).
    r"^(?:db:(?:drop|reset|purge|schema:load|structure:load|seed:replant|truncate_all|migrate:reset|rollback|migrate:undo:all|migrate:fresh|wipe)(?::[\w-]+)?"
    r"|migrate:(?:fresh|reset|refresh|rollback|undo:all)|flush|reset_db|sqlflush|dropdb|db:wipe|schema:drop|database:drop|ecto\.(?:drop|reset))$"
)


# Tools that run migration plugins among other work: only the plugins' goals and tasks concern db.orm-reset.
# (the Maven wrapper is not listed: a program no rule names stays sys.unknown-*'s, which read the same goals and ask.)
_MIGRATING_BUILDERS = frozenset({"dotnet", "mvn", "gradle", "gradlew", "./gradlew", "goose"})


def _empties(cmd: SimpleCommand) -> str | None:
    """A migration tool's line that undoes every migration or drops the database (shell.migrations.empties_database)."""
    from ..shell.migrations import empties_database

    return empties_database(cmd)


def _env_production(cmd: SimpleCommand) -> bool:
    vals = cmd.values()
    for k, v in cmd.assigns.items():
        if k in ("RAILS_ENV", "RACK_ENV", "NODE_ENV", "APP_ENV", "DJANGO_SETTINGS_MODULE", "ENV", "MIX_ENV", "FLASK_ENV") and is_production(v):
            return True
    for i, v in enumerate(vals):
        if v.startswith(("RAILS_ENV=", "--env=", "--environment=", "--settings=", "-e=")) and is_production(v.split("=", 1)[1]):
            return True
        if v in ("--env", "-e", "--environment", "--settings", "--stage") and i + 1 < len(vals) and is_production(vals[i + 1]):
            return True
    return False


@rule(
    id="db.orm-reset",
    title="Dropping or resetting a database through a framework tool",
    why="rake db:reset, prisma migrate reset, manage.py flush and the like wipe the database; against production they destroy real data.",
    verdict=SOFT_DENY,
    alternative="create and apply a new migration (`alembic revision`, `prisma migrate dev`) instead of resetting the database",
    commands=(
        "rake",
        "rails",
        "sequelize",
        "sequelize-cli",
        "prisma",
        "knex",
        "typeorm",
        "manage.py",
        "artisan",
        "mix",
        "alembic",
        "dropdb",
        "php",
        "python",
        "python3",
        "diesel",
        "sqlx",
        "flyway",
        "liquibase",
        # round 18b: migration tools and build tools whose plugins migrate, read by shell.migrations.empties_database
        "goose",
        "dotnet",
        "mvn",
        "gradle",
        "gradlew",
        "./gradlew",
    ),
    match=(
        "rake db:reset RAILS_ENV=production",
        "npx sequelize-cli db:drop --env production",
        "prisma migrate reset --force",
        "dropdb webapp",
        "python manage.py flush --noinput",
        "php artisan migrate:fresh --force",
        "RAILS_ENV=staging bin/rails db:reset",
        "alembic downgrade base",
        "python manage.py migrate app zero",
        "flyway clean",
        "knex migrate:rollback --all",
        "diesel database reset",
        "goose -dir db postgres postgres://db.example.com/app down-to 0",
        "dotnet ef database drop --force",
        "mvn flyway:clean",
    ),
    no_match=(
        "rails db:rollback",
        "php artisan migrate:rollback",
        "rake db:migrate",
        "prisma migrate dev",
        "python manage.py migrate",
        "alembic upgrade head",
        "rails db:seed",
        "prisma generate",
        "knex migrate:rollback",
        "goose down",
        "diesel database setup",
        "dotnet ef database update",
        "mvn clean install",
        "./gradlew flywayMigrate",
    ),
)
def orm_reset(cmd: SimpleCommand, sc: Scope) -> str | None:
    name = cmd.name
    if name not in _MIGRATING_BUILDERS:
        found = _named_reset(cmd, sc)
        if found is not None:
            return found
        ops = [v for v in cmd.values() if not v.startswith("-")]
        if any(_ORM_DESTROY.match(v) and ":rollback" not in v for v in ops[:3]):
            return None  # a named reset the framework refuses in production: db.orm-reset-dev's ask
    wipe = _empties(cmd)
    if wipe is None or _env_of(cmd) in _TEST_ENVS:
        return None  # nothing emptied, or the test database (recreated by every test run)
    if not _env_production(cmd) and name == "mix" and _guarded_reset(cmd, "ecto."):
        return None  # mix's development database: db.orm-reset-dev's ask
    return wipe


def _named_reset(cmd: SimpleCommand, sc: Scope) -> str | None:
    """The resets db.orm-reset knows by name (prisma migrate reset, flyway clean, rake db:reset in production …)."""
    vals = [v for v in cmd.values() if not v.startswith("-")]
    name = cmd.name
    if name == "dropdb":
        return "dropdb deletes a whole database" if dev_database(cmd, sc) is None else None  # db.destructive-sql-dev
    if name == "prisma":
        if vals[:2] == ["migrate", "reset"] or (vals[:2] == ["db", "push"] and "--force-reset" in cmd.values()):
            return "prisma resets the database, deleting its data"
        return None
    if name in ("flyway", "liquibase"):
        if vals[:1] in (["clean"], ["drop-all"], ["dropAll"]):
            return f"{name} {vals[0]} drops every object in the database"
        return None
    if (name.endswith("manage.py") or any(v.endswith("manage.py") for v in vals)) and "migrate" in vals and vals[-1] == "zero":
        return "manage.py migrate … zero unapplies every migration, dropping the app's tables"
    if name == "alembic":
        if vals[:1] == ["downgrade"] and vals[1:2] in (["base"],):
            return "alembic downgrade base drops every migrated table"
        return None
    ops = vals
    if name in ("python", "python3") and not any(v.endswith("manage.py") for v in vals):
        return None
    if name in ("python", "python3", "php") or name.endswith("manage.py"):
        ops = [v for v in vals if not v.endswith(("manage.py", "artisan"))]
    for v in ops[:2]:
        if _ORM_DESTROY.match(v):
            production = _env_production(cmd)
            if ":rollback" in v and not production:
                # Undoing the last migration batch during development: not a wipe of the database.
                return None
            if not production and _guarded_reset(cmd, v):
                return None  # db.orm-reset-dev
            where = " in production" if production else ""
            return f"{name} {v}{where} wipes the database" if ":rollback" not in v else f"{name} {v} rolls back migrations in production"
    return None


# Rails refuses its destructive database tasks where the database's recorded environment is production
# (ActiveRecord::ProtectedEnvironmentError) unless DISABLE_DATABASE_ENVIRONMENT_CHECK is set or the task is the
# `:_unsafe` one; Laravel's migrate:fresh/reset/refresh and db:wipe stop for a confirmation in production unless given
# --force (none can be typed into an agent's tool); mix runs in MIX_ENV=dev unless told otherwise on the line, and a
# production release ships without mix.
_RAILS_TASKS = ("rails", "rake")
_TEST_ENVS = frozenset({"test", "testing"})


def _env_of(cmd: SimpleCommand) -> str | None:
    """The framework environment the line names (RAILS_ENV=test, MIX_ENV=dev, --env=testing), else None."""
    for k, v in cmd.assigns.items():
        if k in ("RAILS_ENV", "RACK_ENV", "MIX_ENV", "APP_ENV"):
            return v.lower()
    vals = cmd.values()
    for i, v in enumerate(vals):
        if v.startswith(("RAILS_ENV=", "RACK_ENV=", "MIX_ENV=", "--env=")):
            return v.split("=", 1)[1].lower()
        if v == "--env" and i + 1 < len(vals):
            return vals[i + 1].lower()
    return None


def _guarded_reset(cmd: SimpleCommand, task: str) -> bool:
    """Whether the framework itself refuses *task* against a production database (see above), and nothing on the
    line lifts that refusal or names an environment other than development or test."""
    env = _env_of(cmd)
    if env is not None and env not in _TEST_ENVS and env not in ("dev", "development", "local"):
        return False
    if cmd.remote is not None and cmd.remote != IN_NEW_CONTAINER:
        return False  # another machine or a running container (`ssh app1 …`, `heroku run …`): its environment is not seen
    name = cmd.name
    vals = cmd.values()
    if cmd.argv and pathstr.basename(cmd.argv[0].raw).startswith("gitlab-"):
        return False  # GitLab's omnibus wrappers (gitlab-rake, gitlab-rails) run the installed, production instance
    if name in _RAILS_TASKS:
        return (
            task.startswith("db:")
            and not task.endswith(":_unsafe")
            and "DISABLE_DATABASE_ENVIRONMENT_CHECK" not in cmd.assigns
            and not any(v.startswith("DISABLE_DATABASE_ENVIRONMENT_CHECK=") for v in vals)
        )
    if name in ("php", "artisan") or name.endswith("artisan"):
        return "--force" not in vals and not any(v.startswith("--force=") for v in vals)
    return name == "mix" and task.startswith("ecto.")


@rule(
    id="db.orm-reset-dev",
    title="Resetting the development database through a framework that refuses it in production",
    why="`rails db:reset`, `php artisan migrate:fresh`, `mix ecto.reset` with no environment named wipe the development "
    "database: the framework refuses them in production by itself (Rails' protected environments, Laravel's "
    "confirmation without --force, mix's default dev environment). Whether the local data there matters is the user's "
    "to say, so a person confirms; against the test database (RAILS_ENV=test, MIX_ENV=test) it is recreated by the "
    "test run and allowed. Production named on the line, or the framework's check lifted, is db.orm-reset (deny).",
    verdict=ASK,
    alternative="create and apply a new migration instead of resetting the database, or reset the test database (RAILS_ENV=test)",
    commands=("rake", "rails", "artisan", "php", "mix"),
    match=(
        "bin/rails db:reset",
        "php artisan migrate:fresh --seed",
        "mix ecto.reset",
        "rake db:drop db:create db:migrate",
        "rails db:schema:load RAILS_ENV=development",
    ),
    no_match=(
        "rails db:reset RAILS_ENV=test",
        "MIX_ENV=test mix ecto.reset",
        "rails db:migrate",
        "rake db:reset RAILS_ENV=production",
        "rails db:drop DISABLE_DATABASE_ENVIRONMENT_CHECK=1",
        "php artisan migrate:fresh --force",
        "php artisan migrate:fresh --env=testing",
    ),
)
def orm_reset_dev(cmd: SimpleCommand, sc: Scope) -> str | None:
    if _env_production(cmd):
        return None
    name = cmd.name
    if name == "mix" and _env_of(cmd) not in _TEST_ENVS and _guarded_reset(cmd, "ecto."):
        wipe = _empties(cmd)
        if wipe is not None:
            return f"{wipe}, in the development database (mix runs in MIX_ENV=dev)"
    vals = [v for v in cmd.values() if not v.startswith("-")]
    ops = [v for v in vals if not v.endswith(("manage.py", "artisan"))] if name == "php" else vals
    for v in ops[:2]:
        if _ORM_DESTROY.match(v) and ":rollback" not in v and _guarded_reset(cmd, v):
            if _env_of(cmd) in _TEST_ENVS:
                return None  # the test database: recreated by every test run
            return f"{name} {v} wipes the development database (the framework refuses it in production)"
    return None


# Verbs of a task name that say it destroys or replaces data (`gitlab:backup:restore`, `data:wipe`, `ecto.drop`).
# Not rollback (undoing the last migration batch), nor clean/clear/clobber (build output, caches).
_TASK_DESTROY_VERBS = frozenset({"drop", "purge", "reset", "restore", "truncate", "wipe", "destroy", "delete", "remove", "prune", "erase", "flush", "nuke"})
# Namespaces whose tasks touch only regenerable files.
_TASK_REGENERABLE = frozenset({"tmp", "log", "logs", "cache", "assets", "webpacker", "sprockets", "doc", "docs", "coverage", "yarn", "javascript", "css"})
_TASK_SEPARATORS = str.maketrans(":._-", "    ")


def _task_names(cmd: SimpleCommand) -> list[str]:
    """The task names a task runner is given: rake's operands, rails' namespaced ones, mix's and artisan's first."""
    name = cmd.name
    ops = [v for v in cmd.values() if not v.startswith("-") and "=" not in v and DYN not in v]
    if name in ("php", "python", "python3"):
        ops = ops[1:] if ops and ops[0].endswith(("artisan", "manage.py")) else []
    if name in ("rake", "invoke", "inv", "fab", "thor"):
        return ops
    if name == "rails":
        return [v for v in ops if ":" in v]
    if name in ("mix", "artisan", "manage.py") or name.endswith(("artisan", "manage.py")) or name in ("php", "python", "python3"):
        return ops[:1]
    return []


@rule(
    id="db.task-destroys",
    title="A task runner's task whose name says it destroys or restores data",
    why="`gitlab-rake gitlab:backup:restore` overwrites the database with a backup, `rake data:wipe` or `mix ecto.drop` "
    "delete it: the project's tasks are code clearance does not read, and their names are the best sign of what they do. "
    "Ask, not deny: the task may be the project's own harmless one; the known database wipes are db.orm-reset. Tasks "
    "of regenerable namespaces (tmp, log, cache, assets) and rollbacks of the last migration are ordinary.",
    verdict=ASK,
    commands=("rake", "rails", "mix", "artisan", "php", "invoke", "inv", "fab", "thor", "manage.py", "python", "python3"),
    match=("gitlab-rake gitlab:backup:restore", "rake data:wipe", "bundle exec rake search:index:delete", "mix data.purge", "php artisan media:purge"),
    no_match=(
        "rake tmp:clear",
        "rails db:rollback",
        "rake spec",
        "rails db:migrate",
        "rake cache:reset",
        "rake assets:clobber",
        "mix test",
        "python manage.py runserver",
    ),
)
def task_destroys(cmd: SimpleCommand, sc: Scope) -> str | None:
    for task in _task_names(cmd):
        if _ORM_DESTROY.match(task):
            return None  # db.orm-reset
        parts = task.lower().translate(_TASK_SEPARATORS).split()
        if parts and parts[0] in _TASK_REGENERABLE:
            continue
        verb = next((p for p in parts if p in _TASK_DESTROY_VERBS), None)
        if verb is not None:
            return f"{cmd.name} runs the task {task!r}, whose name says it {verb}s data"
    return None


@rule(
    id="mcp.destructive-sql",
    title="MCP database tools sent destructive SQL",
    why="A SQL payload sent through an MCP server runs with the server's credentials; DROP/TRUNCATE/unbounded DELETE destroy data just as from psql.",
    verdict=SOFT_DENY,
    scope="action",
    tools=("mcp",),
    match=(
        {"tool_name": "mcp__postgres__query", "tool_input": {"sql": "DROP TABLE users"}},
        {"tool_name": "mcp__db__execute", "tool_input": {"query": "TRUNCATE orders"}},
    ),
    no_match=(
        {"tool_name": "mcp__postgres__query", "tool_input": {"sql": "SELECT * FROM users LIMIT 5"}},
        {"tool_name": "mcp__postgres__query", "tool_input": {"sql": "INSERT INTO notes VALUES ('drop table x')"}},
    ),
)
def mcp_sql(action: Action, sc: Scope) -> str | None:
    # Each distinct string once, in order (the first destructive statement is the same one).
    strings = list(dict.fromkeys(v for v in _strings(action.tool_input) if v.strip()))
    if not strings:
        return None
    from ..code.sql import read, sql_pieces

    for v in (piece for text in strings for piece in sql_pieces(text)):
        script = read(v)
        stmt = script.destructive()
        if stmt is not None:
            return f"{action.tool_name} is sent {stmt.show()!r}, which destroys data"
        server = next((c for c in script.commands if c.server), None)
        if server is not None:
            return f"{action.tool_name} is sent SQL that runs {server.text!r} on the database server ({server.how})"
    return None


def _strings(obj: object, depth: int = 0) -> list[str]:
    if depth > 6:
        return []
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v, depth + 1)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v, depth + 1)]
    return []


_ORM_CODE_DESTROY = lazy(
    r"\b(?:delete_all|destroy_all|drop_table|truncate|purge)\b|\.objects(?:\.all\(\))?\.delete\(\)|\.all\(\)\.delete\(\)|\bdrop_all\(|flush_all|\.drop\(\)",
    IGNORECASE,
)
_CYPHER_DESTROY = lazy(r"\b(?:detach\s+delete|delete\s+\w+\s*$|match\s*\(\s*\w*\s*\)\s*delete|drop\s+(?:database|index|constraint))", IGNORECASE)


def _sql_destroys(cmd: SimpleCommand, sc: Scope) -> Statement | None:
    for _, script in _sql_scripts(cmd, sc)[1]:
        stmt = script.destructive()
        if stmt is not None:
            return stmt
    return None


# SQL handed to an ORM's connection (`ActiveRecord::Base.connection.execute("DROP TABLE users")`, `exec_query %q(...)`).
# The blanks before and after the optional `(` are possessive: two runs of blanks split every way backtrack (`execute` then
# 100 KB of blanks took a minute).
_ORM_SQL_CALL = lazy(r"\b(?:execute|exec_query|exec_update|exec_delete|execute_batch|find_by_sql|raw|executescript)\s*+(?:\(\s*+)?(%[qQ]?[(\[{<]|\"|')")
_CLOSERS = {"(": ")", "[": "]", "{": "}", "<": ">", '"': '"', "'": "'"}


def _orm_sql_destroys(code: str) -> str | None:
    """The first destructive statement in SQL strings the code hands to a database connection, or None."""
    if not code:
        return None
    from ..code.sql import read

    for m in _ORM_SQL_CALL.finditer(code):
        opener = m.group(1)[-1]
        end = code.find(_CLOSERS[opener], m.end())
        text = code[m.end() : end if end >= 0 else len(code)]
        stmt = read(text).destructive()
        if stmt is not None:
            return stmt.show()
    return None


# SQL handed to any database driver in an interpreter's one-liner: psycopg2/PyMySQL `cursor.execute('SQL')`, node pg's
# `client.query('SQL')`, Ruby PG's `conn.exec("SQL")`, SQLAlchemy's `text('SQL')`. Only a destructive statement read
# from the string counts, so a call of the same name on anything else is left alone.
_DRIVER_SQL_CALL = lazy(r"\b(?:execute|executemany|executescript|exec|exec_params|query|text|raw|sql|unsafe)\s*\(\s*([\"'`])")
# Drivers' own calls that delete a whole database or store.
_DRIVER_DESTROY = lazy(r"\.(?:drop_database|dropDatabase|flushall|flushdb|flushAll|flushDb)\s*\(")


def _driver_sql_destroys(code: str) -> str | None:
    """The first destructive statement a one-liner hands a database driver, or None."""
    from ..code.sql import read

    for m in _DRIVER_SQL_CALL.finditer(code):
        quote = m.group(1)
        end = code.find(quote, m.end())
        stmt = read(code[m.end() : end if end >= 0 else len(code)]).destructive()
        if stmt is not None:
            return stmt.show()
    return None


def _app_eval_code(cmd: SimpleCommand, ops: list[str]) -> str | None:
    """Code an application console evaluates from an option: `mix run -e CODE`, `php artisan tinker --execute=CODE`."""
    vals = cmd.values()
    if cmd.name == "mix" and ops[:1] == ["run"]:
        flags: tuple[str, ...] = ("-e", "--eval")
    elif (cmd.name == "php" and ops[:2] and ops[0].endswith("artisan") and ops[1:2] == ["tinker"]) or (cmd.name.endswith("artisan") and ops[:1] == ["tinker"]):
        flags = ("--execute",)
    else:
        return None
    for i, v in enumerate(vals):
        if v in flags and i + 1 < len(vals):
            return vals[i + 1]
        for f in flags:
            if f.startswith("--") and v.startswith(f + "="):
                return v[len(f) + 1 :]
    return None


def _stdin_code(cmd: SimpleCommand) -> str:
    """The text a command reads on stdin when it is literal (a here-document, `echo CODE |`), else ""."""
    if cmd.stdin_text is not None:
        return cmd.stdin_text
    from ..shell.outputs import pipeline_output

    return (pipeline_output(cmd.stdin_from) or "") if cmd.stdin_from else ""


def _datastore_op(cmd: SimpleCommand, sc: Scope) -> str | None:
    """Why this data-store CLI call destroys data, or None."""
    name = cmd.name
    vals = cmd.values()
    ops = [v for v in vals if not v.startswith("-")]
    first = ops[0] if ops else ""
    if name in ("rails", "rake") and first in ("runner", "r") and len(ops) > 1:
        code = " ".join(ops[1:])
        if _ORM_CODE_DESTROY.search(code):
            return f"rails runner runs {code[:60]!r}, which deletes records"
        sql = _orm_sql_destroys(code)
        if sql:
            return f"rails runner hands the database {sql!r}, which destroys data"
    if name == "rails" and first in ("console", "c"):
        code = _stdin_code(cmd)
        if _ORM_CODE_DESTROY.search(code):
            return "rails console is fed ORM code that deletes records"
        sql = _orm_sql_destroys(code)
        if sql:
            return f"rails console hands the database {sql!r}, which destroys data"
    if name.endswith("manage.py") or (name in ("python", "python3") and any(v.endswith("manage.py") for v in ops)):
        if ("shell" in ops and any(_ORM_CODE_DESTROY.search(v) for v in vals)) or _ORM_CODE_DESTROY.search(_stdin_code(cmd)):
            return "manage.py shell runs ORM code that deletes records"
        return None
    evaluated = _app_eval_code(cmd, ops)
    if evaluated is not None and _ORM_CODE_DESTROY.search(evaluated):
        return f"{name} evaluates {evaluated[:60]!r} in the application, which deletes records"
    if name == "prisma" and ops[:2] == ["db", "execute"]:
        stmt = _sql_destroys(cmd, sc)
        return f"prisma db execute runs {stmt.show()!r}, which destroys data" if stmt is not None else None
    if name == "bq":
        if first in ("rm", "remove"):
            return "bq rm deletes a BigQuery dataset or table"
        stmt = _sql_destroys(cmd, sc) if first in ("query", "q") else None
        return f"bq query runs {stmt.show()!r}, which destroys data" if stmt is not None else None
    if name == "influx" and first == "delete":
        return "influx delete removes time series data"
    if name == "etcdctl" and first in ("del", "delete"):
        return "etcdctl del deletes keys" + (" under a prefix" if "--prefix" in vals else "")
    if name == "consul" and ops[:2] == ["kv", "delete"]:
        return "consul kv delete removes configuration keys"
    if name == "vault" and (ops[:2] in (["kv", "destroy"], ["kv", "delete"], ["kv", "metadata"]) or ops[:2] == ["secrets", "disable"] or first == "delete"):
        return f"vault {' '.join(ops[:2])} destroys secrets"
    if name in ("kafka-topics", "kafka-topics.sh") and "--delete" in vals:
        return "kafka-topics --delete deletes a topic and its messages"
    if name == "rabbitmqctl" and first in ("purge_queue", "delete_queue", "reset", "force_reset", "delete_vhost"):
        return f"rabbitmqctl {first} deletes queued messages or broker state"
    if name == "neo4j-admin" and ("delete" in ops or "drop" in ops):
        return "neo4j-admin deletes a database"
    if name == "cypher-shell" and _CYPHER_DESTROY.search(" ".join(ops) + " " + (cmd.stdin_text or "")):
        return "cypher-shell runs a query that deletes nodes"
    lang = INTERPRETERS.get(name)
    if lang in ("python", "js", "ruby", "php", "perl"):
        from ..shell.interp import code_argument

        code = code_argument([name, *vals], lang) or ""
        if ":memory:" in code or (lang == "python" and "sqlite3" in code):
            code = ""  # an in-memory database holds nothing; Python's sqlite3 calls are judged with their file (code/python.py)
        sql = _driver_sql_destroys(code) if code else None
        if sql:
            return f"{name} code hands a database {sql!r}, which destroys data"
        hit = _DRIVER_DESTROY.search(code) if code else None
        if hit:
            return f"{name} code calls {hit.group(0)[1:].rstrip('( ')}(), which deletes a whole database or every key"
    return None


@rule(
    id="db.datastore-destroy",
    title="Destroying data through ORMs, warehouses, key-value stores, brokers and graph databases",
    why="rails runner 'User.delete_all', bq rm, etcdctl del --prefix, vault kv destroy, kafka-topics --delete and the like destroy data exactly as DROP TABLE does, through a tool the SQL check does not see.",
    verdict=SOFT_DENY,
    commands=(
        "rails",
        "rake",
        "manage.py",
        "python",
        "python3",
        "prisma",
        "bq",
        "influx",
        "etcdctl",
        "consul",
        "vault",
        "kafka-topics",
        "kafka-topics.sh",
        "rabbitmqctl",
        "neo4j-admin",
        "cypher-shell",
        "mix",
        "php",
        "artisan",
        "node",
        "nodejs",
        "ruby",
        "perl",
        "deno",
        "bun",
    ),
    match=(
        "rails runner 'User.delete_all'",
        "bundle exec rails r 'Project.destroy_all'",
        "rails c <<< 'User.delete_all'",
        "mix run -e 'Repo.delete_all(User)'",
        "php artisan tinker --execute='User::truncate();'",
        "echo 'User.objects.all().delete()' | python manage.py shell",
        "bin/rails runner 'ActiveRecord::Base.connection.execute(%q(DROP TABLE users))'",
        "python manage.py shell -c 'from app.models import User; User.objects.all().delete()'",
        "npx prisma db execute --stdin <<< 'DROP TABLE users'",
        "bq rm -f -t dataset.table",
        "etcdctl del --prefix /",
        "vault kv destroy -versions=1 secret/app",
        "kafka-topics --bootstrap-server k:9092 --delete --topic orders",
        "rabbitmqctl purge_queue jobs",
        "cypher-shell 'MATCH (n) DETACH DELETE n'",
        "python3 -c \"import psycopg2; psycopg2.connect('host=prod').cursor().execute('DROP TABLE users')\"",
        "node -e \"new (require('pg').Client)().query('TRUNCATE orders')\"",
        "python3 -c \"import redis; redis.Redis('prod').flushall()\"",
    ),
    no_match=(
        "rails runner 'puts User.count'",
        "rails runner 'ActiveRecord::Base.connection.execute(%q(SELECT 1))'",
        "bq query 'SELECT 1'",
        "etcdctl get --prefix /",
        "vault kv get secret/app/config",
        "kafka-topics --list --bootstrap-server k:9092",
        "python manage.py migrate",
        "python3 -c \"import psycopg2; psycopg2.connect('').cursor().execute('SELECT 1')\"",
        "python3 -c \"print('DROP TABLE users')\"",
    ),
)
def datastore_destroy(cmd: SimpleCommand, sc: Scope) -> str | None:
    return _datastore_op(cmd, sc)
