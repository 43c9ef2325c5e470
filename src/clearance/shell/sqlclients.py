"""Where a database client's statements come from: options, operands, stdin, files; where it connects.

`psql -c SQL`, `mysql -e SQL`, `sqlite3 DB SQL`, `sqlcmd -Q SQL`, here-documents and literal pipes
(``SimpleCommand.stdin_text``: the unwrapping stage puts a literal `echo`/`printf`/`cat <<EOF`
pipe there), `psql -f FILE`, `sqlite3 -init FILE`, `< FILE`, `cat FILE |`; `bq query`, `prisma db
execute --stdin/--file`.  Pure: the files are named here and read by the caller through
``Context.read_file``; the SQL is read by ``clearance.code.sql``.
"""

from __future__ import annotations

from ..lazyre import lazy
from ..paths import DYN
from .programs import CLICKHOUSE as CLICKHOUSE
from .programs import CLIENT_DIALECTS as CLIENT_DIALECTS
from .programs import CLIENTS as CLIENTS
from .programs import MYSQL as MYSQL
from .programs import PLATFORM_SQL as PLATFORM_SQL
from .programs import PSQL as PSQL
from .programs import SQLITE as SQLITE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .ir import SimpleCommand

# Clients whose input is not SQL: read by their own rules.
NOT_SQL = frozenset({"mongosh", "mongo", "redis-cli", "valkey-cli", "keydb-cli"})
REDIS = frozenset({"redis-cli", "valkey-cli", "keydb-cli"})

_SQL_OPTS = frozenset({"-c", "--command", "-e", "--execute", "--eval", "-q", "--query", "-Q", "-cmd", "--cmd"})
# Clients that read their options the way sqlite3 does (whole words, `-csv`, `-echo`): no value is ever glued.
_NO_GLUED_VALUES = frozenset({"duckdb"})
_FILE_OPTS = frozenset({"-f", "--file", "-init", "--init", "-i", "--input-file", "--queries-file"})
_TARGET_OPTS = frozenset({"-h", "--host", "-H", "--server", "-S", "-d", "--dbname", "-D", "--database", "-u", "--uri", "--url"})
_VALUE_OPTS = frozenset(
    {
        "-U",
        "--username",
        "--user",
        "-p",
        "--port",
        "-P",
        "-W",
        "-o",
        "--output",
        "-v",
        "--set",
        "--variable",
        "-F",
        "--field-separator",
        "-R",
        "-n",
        "-a",
        "--authenticationDatabase",
        "--password",
        "-T",
        "--table-attr",
        "-separator",
        "-nullvalue",
        "-newline",
        "--format",
        "--project_id",
        "--location",
        "--dataset_id",
    }
)
_ENV_TARGETS = ("PGHOST", "DATABASE_URL", "MYSQL_HOST", "PGDATABASE", "REDIS_URL", "PGSERVICE")


class SqlInput:
    """The SQL a client call runs: inline texts, files named, what cannot be read, the connection target."""

    __slots__ = ("texts", "files", "unread", "target", "interactive", "commands", "writes", "prefix")

    def __init__(self) -> None:
        self.commands: list[tuple[str, str]] = []  # (option, shell command) the client runs: mysql --pager=CMD
        self.writes: list[str] = []  # files an option makes it write: mysql --tee=FILE
        self.texts: list[str] = []
        self.files: list[str] = []  # paths as written (relative to the command's directory)
        self.unread: list[str] = []  # why some input cannot be seen (the output of a program, a dynamic path)
        self.target: str = ""
        self.interactive = False  # no statements given: a session whose statements nobody sees yet
        self.prefix = ""  # what the client runs before any input (psql -v as `\set` lines)


def _looks_like_target(v: str, name: str, have_target: bool) -> bool:
    return (
        "://" in v
        or "@" in v
        or "host=" in v
        or v.endswith((".db", ".sqlite", ".sqlite3", ".duckdb"))
        or (name in ("sqlite3", "duckdb", "litecli") and not have_target)
    )


def _platform(cmd: SimpleCommand, vals: list[str], out: SqlInput) -> SqlInput:
    """`wrangler d1 execute DB --command SQL`, `aws rds-data execute-statement --sql SQL`, `turso db shell DB SQL` …"""
    subs = PLATFORM_SQL[cmd.name]
    words = [v for v in vals if not v.startswith("-")]
    for sub, (sql_opts, file_opts, operand) in subs.items():
        # The verb after the program's own options, whose values are words too (`aws --region us-east-1 rds-data …`).
        at = next((k for k in range(len(words) - len(sub) + 1) if tuple(words[k : k + len(sub)]) == sub), -1)
        if at < 0:
            continue
        out.interactive = operand < 0 and not sql_opts and not file_opts
        rest = words[at + len(sub) :]
        if operand >= 0 and len(rest) > operand:
            out.texts.append(rest[operand])
        for i, v in enumerate(vals):
            opt, eq, glued = v.partition("=")
            value = glued if eq and opt.startswith("--") else vals[i + 1] if i + 1 < len(vals) else None
            if value is None:
                continue
            if opt in sql_opts or v in sql_opts:
                out.texts.append(value)
            elif opt in file_opts or v in file_opts:
                _file(out, value)
        if cmd.name == "wrangler" and "--remote" in vals:
            out.target = f"{rest[0] if rest else 'd1'} (Cloudflare D1, remote)"
        return out
    return out


def inputs(cmd: SimpleCommand) -> SqlInput:
    """Where *cmd* (a database client, `bq query`, `prisma db execute`, a platform's SQL verb) takes its statements from."""
    out = SqlInput()
    vals = cmd.values()
    name = cmd.name
    target: list[str] = []
    if name == "prisma":
        return _prisma(cmd, vals, out)
    if name in PLATFORM_SQL:
        return _platform(cmd, vals, out)
    if name in _READ_BY_TABLE:
        target = _by_table(cmd, out)
        vals = []  # read above, through the option model
    ops_start = 0
    if name == "bq":
        ops = [v for v in vals if not v.startswith("-")]
        if not ops or ops[0] not in ("query", "q"):
            return out
        ops_start = vals.index(ops[0]) + 1
    i = ops_start
    while i < len(vals):
        v = vals[i]
        nxt = vals[i + 1] if i + 1 < len(vals) else ""
        if v in _SQL_OPTS and i + 1 < len(vals):
            out.texts.append(nxt)
            i += 2
            continue
        if v in _FILE_OPTS and i + 1 < len(vals):
            _file(out, nxt, cmd)
            i += 2
            continue
        if name in ("mysql", "mariadb") and v.startswith(("--pager=", "--tee=")):
            opt, _, value = v.partition("=")
            if value and opt == "--pager":
                out.commands.append((opt, value))  # the client pipes its output through this command
            elif value:
                out.writes.append(value)
        elif v.startswith(("--command=", "--execute=", "--eval=", "--query=")):
            out.texts.append(v.split("=", 1)[1])
        elif v[:2] in _SQL_OPTS and len(v) > 2 and name not in _NO_GLUED_VALUES:
            # hive -e'SQL', sqlcmd -Q'SQL', clickhouse-client -q'SQL', snowsql -q'SQL', cockroach sql -e'SQL': a short
            # option's value glued to it, as their parsers (commons-cli, getopt, click, optparse, pflag, boost) take it.
            out.texts.append(v[2:])
        elif v.startswith("--file="):
            _file(out, v.split("=", 1)[1], cmd)
        elif name in ("psql", "pgcli", "usql") and v.startswith("-f") and len(v) > 2 and not v.startswith("--"):
            _file(out, v[2:])
        elif name in ("psql", "pgcli", "usql") and v.startswith("-c") and len(v) > 2 and not v.startswith("--"):
            out.texts.append(v[2:])
        elif v in _TARGET_OPTS and nxt:
            target.append(nxt)
            i += 2
            continue
        elif v in _VALUE_OPTS and nxt:
            i += 2
            continue
        elif v.startswith(("--host=", "--dbname=", "--uri=", "--url=", "--database=")):
            target.append(v.split("=", 1)[1])
        elif v.startswith("-h") and len(v) > 2:
            target.append(v[2:])
        elif not v.startswith("-") or v == "-":
            if name == "bq" or (name not in ("psql", "pgcli", "usql", "mysql", "mariadb", "mycli") and not _looks_like_target(v, name, bool(target))):
                out.texts.append(v)
            elif _looks_like_target(v, name, bool(target)) or name in ("psql", "pgcli", "usql", "mysql", "mariadb", "mycli"):
                target.append(v)  # psql DBNAME [USER], mysql DBNAME
        i += 1
    if DYN in out.texts:
        from .outputs import catted_file

        for w in cmd.argv[1:]:
            f = catted_file(w) if w.value == DYN else None
            if f is not None and DYN in out.texts:
                # psql -c "$(cat F)", mysql -e "$(< F)": F's text is the statements, read as `-f F` is
                out.texts.remove(DYN)
                out.files.append(f)
    if name in REDIS:
        out.texts = [" ".join(_redis_words(vals))]
        # redis-cli --eval FILE [KEYS , ARGS]: the Lua script in FILE runs on the server.
        out.files += [vals[k + 1] for k in range(len(vals) - 1) if vals[k] == "--eval"]
    n_texts = len(out.texts)
    _stdin(cmd, out)
    if out.prefix:
        out.texts[n_texts:] = [out.prefix + t for t in out.texts[n_texts:]]
    env_target = " ".join(f"{k}={v}" for k, v in cmd.assigns.items() if k in _ENV_TARGETS)
    out.target = " ".join(target + [env_target]).strip()
    out.interactive = not any(t.strip() for t in out.texts) and not out.files and not out.unread
    return out


# Clients read through their option tables (shell/optables.py): clustered short options (`psql -Xqc SQL`), glued
# values (`mysql -e'SQL'`), unique prefixes of long options (`psql --comm=SQL`, `mysql --exe=SQL`).
_READ_BY_TABLE = frozenset({"psql", "mysql", "mariadb", "sqlite3"})


def _by_table(cmd: SimpleCommand, out: SqlInput) -> list[str]:
    """Read a client modelled in the option tables; returns the connection target's words."""
    from .options import normalise

    nc = normalise(cmd)
    target: list[str] = []
    pos = nc.pos
    if cmd.name == "psql":
        # -v NAME=VALUE: the reader sees them as the `\set` lines psql makes of them (its variables are put in).
        sets = "".join(_psql_set(v) for v in nc.values("set"))
        out.texts += [sets + t for t in nc.values("command")]
        out.prefix = sets
        for f in nc.values("file"):
            _file(out, f, cmd)
        out.writes += [v for v in nc.values("output") + nc.values("log-file") if v]
        target += nc.values("dbname") + nc.values("host") + pos[:1]  # psql [DBNAME [USERNAME]]
        if not nc.has("no-psqlrc"):
            rc = cmd.assigns.get("PSQLRC")
            if rc:
                _file(out, rc)  # a start-up file of the caller's choosing is run first
    elif cmd.name == "sqlite3":
        out.texts += nc.values("cmd") + pos[1:]  # -cmd runs before the operands
        for f in nc.values("init"):
            _file(out, f)
        target += pos[:1]
    else:  # mysql, mariadb
        out.texts += nc.values("init-command") + nc.values("init-command-add") + nc.values("execute")
        for cmdline in nc.values("pager"):
            if cmdline:
                out.commands.append(("--pager", cmdline))  # the client pipes its output through this command
        out.writes += [v for v in nc.values("tee") if v]
        target += nc.values("host") + nc.values("database") + nc.values("socket") + pos[:1]
    return target


def _psql_set(assignment: str) -> str:
    name, eq, value = assignment.partition("=")
    if not eq or not name or DYN in name or "\n" in value:
        return ""
    return "\\set " + name + " '" + value.replace("\\", "\\\\").replace("'", "''") + "'\n"


# redis-cli options that take a value (redis-cli --help).
_REDIS_VALUE_OPTS = frozenset(
    {"-h", "-p", "-s", "-a", "-u", "-r", "-i", "-n", "-d", "-D", "--user", "--pass", "--askpass-file", "--cacert", "--cacertdir"}
    | {"--cert", "--key", "--sni", "--tls-ciphers", "--tls-ciphersuites", "--pattern", "--quoted-pattern", "--count", "--rdb", "--eval"}
    | {"--functions-rdb", "--memkeys-samples", "--lru-test"}
)


def _redis_words(vals: list[str]) -> list[str]:
    """The command words of a redis-cli call: its options and their values left out (`-n 0 FLUSHALL` is FLUSHALL)."""
    words: list[str] = []
    i = 0
    while i < len(vals):
        v = vals[i]
        if v in _REDIS_VALUE_OPTS:
            i += 2
            continue
        if not v.startswith("-") or words:
            words.append(v)
        i += 1
    return words


def _file(out: SqlInput, path: str, cmd: SimpleCommand | None = None) -> None:
    if path in ("-", "/dev/stdin", "/dev/fd/0"):
        return  # stdin: read below
    if cmd is not None and DYN in path:
        text = _procsub_text(cmd, path)
        if text is not None:
            out.texts.append(text)  # psql -f <(echo 'SQL'): the generator's literal output is the script
            return
    if DYN in path:
        out.unread.append(f"a file named at run time ({path.replace(DYN, '…')})")
    else:
        out.files.append(path)


# A string literal of a query (`'DROP TABLE '`, `'TRUNCATE %I;'`), and the placeholders format() and printf fill.
_SQL_LITERAL = lazy(r"'((?:[^']|''){1,400})'")
_PLACEHOLDER = lazy(r"%[-0-9]{0,4}[IiLsd]")


def _generated_statements(source: SimpleCommand) -> str:
    """The statements a query writes out when its output is run as SQL by the client it is piped into: each string
    literal of the query that starts a statement, its placeholders and concatenations standing for a name. Only what
    reads as a statement of its own is kept (`'SELECT 1'`, `'DROP TABLE x'`); a plain value is not SQL."""
    made: list[str] = []
    for text in inputs(source).texts:
        for m in _SQL_LITERAL.finditer(text):
            piece = _PLACEHOLDER.sub("x", m.group(1).replace("''", "'")).strip()
            first = piece.split(None, 1)[0].upper() if piece else ""
            if first in ("DROP", "TRUNCATE", "DELETE", "UPDATE", "ALTER", "GRANT", "REVOKE"):
                made.append(piece.rstrip(";") + (" x" if piece.rstrip(";").split()[-1].upper() in _TRAILING else "") + ";")
    return "\n".join(made)


# Words a generated statement's literal ends on before the concatenated name (`'DROP TABLE ' || name`).
_TRAILING = frozenset({"TABLE", "DATABASE", "SCHEMA", "VIEW", "INDEX", "FROM", "TRUNCATE", "ONLY", "SEQUENCE", "EXISTS", "CASCADE"})


def _procsub_text(cmd: SimpleCommand, value: str) -> str | None:
    """The literal output of the process substitution *cmd* names by the file *value* (`-f <(echo SQL)`)."""
    from .outputs import literal_stdin

    for w in cmd.argv[1:]:
        if w.procsub and w.subs and (w.value == value or w.value.endswith("=" + value)):
            return literal_stdin(w.subs)
    return None


def _stdin(cmd: SimpleCommand, out: SqlInput) -> None:
    if cmd.stdin_text is not None:
        out.texts.append(cmd.stdin_text)
        return
    src = next((r.target for r in cmd.redirects if r.reads and r.target is not None and not r.fd), None)
    if src is not None:
        if src.procsub and src.subs:
            from .outputs import literal_stdin

            text = literal_stdin(src.subs)  # psql < <(echo 'SQL'): the generator's literal output is the input
            if text is not None:
                out.texts.append(text)
            else:
                out.unread.append(f"its input {src.raw}")
        elif src.procsub or src.dynamic:
            out.unread.append(f"its input {src.raw}")
        else:
            _file(out, src.value)
        return
    if not cmd.stdin_from:
        return
    if len(cmd.stdin_from) == 1:
        source = cmd.stdin_from[0]
        files = [a.value for a in source.args if not a.value.startswith("-")]
        if source.name == "cat" and files and not source.stdin_from and source.stdin_text is None:
            for f in files:
                _file(out, f)  # cat x.sql | psql: the file is the script
            return
        if source.name in CLIENT_DIALECTS and source.name not in NOT_SQL:
            made = _generated_statements(source)
            if made:
                out.texts.append(made)  # psql -At -c "SELECT 'DROP TABLE ' || …" | psql: the statements it writes
    names = ", ".join(dict.fromkeys(c.name.replace(DYN, "…") for c in cmd.stdin_from if c.name)) or "a pipe"
    out.unread.append(f"the output of {names}")


def _prisma(cmd: SimpleCommand, vals: list[str], out: SqlInput) -> SqlInput:
    ops = [v for v in vals if not v.startswith("-")]
    if ops[:2] != ["db", "execute"]:
        return out
    for j, v in enumerate(vals):
        if v == "--file" and j + 1 < len(vals):
            _file(out, vals[j + 1])
        elif v.startswith("--file="):
            _file(out, v.split("=", 1)[1])
        elif v == "--stdin":
            _stdin(cmd, out)
        elif v == "--url" and j + 1 < len(vals):
            out.target = vals[j + 1]
    out.interactive = False
    return out
