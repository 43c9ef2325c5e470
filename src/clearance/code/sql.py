"""SQL read as a database and its client read it: statements, what each does, and what the client runs.

Text goes through sqlparse's lexer (a maintained tokenizer: comments, quoted identifiers, backticks,
[brackets], dollar-quoted bodies, string literals), and this module reads the token stream:

- statements split at `;` outside strings, bodies and parentheses, each with its *kind* (``KINDS``)
  and its target (the table, schema or database named);
- DELETE/UPDATE without a WHERE of their own, or with one that is always true (`WHERE 1=1`,
  `WHERE true`, `WHERE 'a'='a'`, MySQL's `WHERE 1`, `… OR 1=1`, `x = x`, `x LIKE '%'`);
- MySQL's executable comments (`/*! … */`) read as code; PL/pgSQL bodies of `DO $$ … $$` and the
  strings handed to `EXECUTE`/`PREPARE … FROM` read as SQL; a function body read as stored code
  (what it would destroy is a write until it is called, and a call of it later in the same script runs
  it: CALL p(), SELECT f()); `DELIMITER x` blocks read as the mysql client reads them (a stored
  routine's BEGIN … END body is a body);
- the client's own commands (``Command``): psql `\\! cmd`, `\\setenv PAGER cmd`, `\\o |cmd`,
  `\\g |cmd`, `\\copy … program 'cmd'`; mysql `system cmd`, `\\! cmd`, `pager cmd`; sqlite3
  `.shell`, `.system`, `.output |cmd`, `.once |cmd`; the server's `COPY … TO/FROM PROGRAM 'cmd'`;
  and the files they run as more SQL (`\\i`, `\\ir`, `source`, `\\.`, `.read`) or write (`\\o file`).

Why sqlparse and not sqlglot: ``python -X importtime`` on this machine, with ``re`` already loaded,
puts ``import sqlparse.lexer`` at 16-26 ms and ``import sqlglot.tokens`` at 100-150 ms (it imports
the whole of sqlglot: expressions, parser, generator, optimizer).  The module is imported only when a
database client, a SQL-carrying tool (bq, prisma) or an MCP call with SQL in it is seen.

Pure and bounded: no I/O; text beyond ``MAX_CHARS`` or ``MAX_TOKENS`` is not read (``Script.truncated``).
"""

from __future__ import annotations

import functools
import re

from ..lazyre import lazy
from ..shell.sqlclients import CLICKHOUSE, CLIENT_DIALECTS, MYSQL, PSQL, SQLITE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

# sqlparse scans the whole text for dollar quotes and comments first, then tries its patterns in turn at
# each position: 15-40 µs a token on these loaded 2-core machines (a 45 KB migration is ~15 000 tokens,
# 350 ms).  One text is read up to 16 000 characters and 4 000 tokens: the worst input measured (90 KB of
# `(`, `$$` or `E'\\` handed to psql -c) adds 100-130 ms to the decision; ordinary statements 0.05-0.25 ms.
MAX_CHARS = 16_000
MAX_TOKENS = 4_000
MAX_COMMANDS = 64
MAX_NESTING = 4

DROP = "drop"
TRUNCATE = "truncate"
DELETE_ALL = "delete-all"
UPDATE_ALL = "update-all"
ALTER_DROP = "alter-drop"
PRIVILEGE = "privilege"
# The role attributes (PostgreSQL's CREATE ROLE / ALTER ROLE) that give a role every privilege or exempt it from
# row-level security.
_WIDENING_ROLE_OPTIONS = frozenset({"SUPERUSER", "BYPASSRLS"})
WRITE = "write"
READ = "read"
OTHER = "other"
SECURITY_OFF = "security off"  # a server's security setting switched off (_security_off)
KINDS = (DROP, TRUNCATE, DELETE_ALL, UPDATE_ALL, ALTER_DROP, PRIVILEGE, SECURITY_OFF, WRITE, READ, OTHER)
# Kinds that change something (asked about on a remote database).
CHANGES = frozenset({DROP, TRUNCATE, DELETE_ALL, UPDATE_ALL, ALTER_DROP, PRIVILEGE, SECURITY_OFF, WRITE})

# Server settings that guard the server (PostgreSQL's postgresql.conf, MySQL's system variables, from their reference
# manuals), each with the values that switch that guard off: encryption of connections, how passwords are stored and
# checked, row-level security, which file says who may connect, system catalogs guarded, files read from the client.
# Set for the whole server (PostgreSQL's ALTER SYSTEM, MySQL's SET GLOBAL / PERSIST), not for one session.
_OFF = frozenset({"OFF", "FALSE", "0", "NO"})
_ON = frozenset({"ON", "TRUE", "1", "YES"})
SECURITY_SETTINGS: dict[str, frozenset[str] | None] = {
    "SSL": _OFF,  # PostgreSQL: connections unencrypted
    "REQUIRE_SECURE_TRANSPORT": _OFF,  # MySQL: plain TCP connections accepted
    "PASSWORD_ENCRYPTION": frozenset({"MD5", "OFF", "PLAIN", "FALSE"}),  # PostgreSQL: passwords stored as MD5
    "ROW_SECURITY": _OFF,  # PostgreSQL: row-level security policies not applied
    "ALLOW_SYSTEM_TABLE_MODS": _ON,  # PostgreSQL: the system catalogs writable
    "LOCAL_INFILE": _ON,  # MySQL: the server may ask the client for any file it can read
    "VALIDATE_PASSWORD.POLICY": frozenset({"LOW", "0"}),  # MySQL: password strength not checked
    "VALIDATE_PASSWORD_POLICY": frozenset({"LOW", "0"}),
    "SSL_MIN_PROTOCOL_VERSION": frozenset({"TLSV1", "TLSV1.1"}),  # PostgreSQL: broken TLS versions accepted
    "HBA_FILE": None,  # PostgreSQL: who may connect, read from another file (any value)
}


# Objects whose DROP destroys data or what holds it (or access to it).
_DROPPED_DATA = frozenset(
    {
        "DATABASE",
        "SCHEMA",
        "TABLE",
        "VIEW",
        "MATERIALIZED",
        "INDEX",
        "USER",
        "ROLE",
        "OWNED",
        "FUNCTION",
        "PROCEDURE",
        "EXTENSION",
        "COLLECTION",
        "KEYSPACE",
        "SEQUENCE",
        "TABLESPACE",
        "COLUMNFAMILY",
        "DATASET",
        "STAGE",
        "WAREHOUSE",
    }
)
# ALTER TABLE … DROP X where X holds no rows: a schema change, not destroyed data.
_ALTER_DROP_SCHEMA_ONLY = frozenset(
    {"CONSTRAINT", "DEFAULT", "NOT", "INDEX", "KEY", "PRIMARY", "FOREIGN", "IDENTITY", "EXPRESSION", "CHECK", "TRIGGER", "FULLTEXT", "SPATIAL"}
)
_READS = frozenset({"SELECT", "SHOW", "DESCRIBE", "DESC", "VALUES", "TABLE", "EXPLAIN", "FETCH"})
_WRITES = frozenset(
    {
        "INSERT",
        "REPLACE",
        "MERGE",
        "UPSERT",
        "CREATE",
        "ALTER",
        "COPY",
        "LOAD",
        "COMMENT",
        "RENAME",
        "CALL",
        "EXEC",
        "IMPORT",
        "REFRESH",
        "CLUSTER",
        "REINDEX",
        "SECURITY",
        "LOCK",
        "UNLOAD",
        "PUT",
        "REMOVE",
    }
)
# Words a statement can start with: what `looks_like_sql` accepts as the first word.
_STARTS = (
    _READS
    | _WRITES
    | {"DROP", "TRUNCATE", "DELETE", "UPDATE", "GRANT", "REVOKE", "WITH", "DO", "BEGIN", "COMMIT", "ROLLBACK", "START", "SET", "USE"}
    | {"PRAGMA", "VACUUM", "ANALYZE", "EXECUTE", "PREPARE", "DECLARE", "SAVEPOINT", "RELEASE", "ATTACH", "DETACH"}
)
# Words after which a DELETE/UPDATE is a statement of its own inside procedural code.
_PROCEDURAL_HEADS = frozenset({"BEGIN", "THEN", "ELSE", "LOOP", "DO"})
# Where the condition of a DELETE/UPDATE ends.
_WHERE_END = frozenset({"RETURNING", "LIMIT", "ORDER", "OUTPUT"})

# psql backslash commands that run a shell command from their argument.
_PSQL_PIPES = frozenset({"\\o", "\\out", "\\g", "\\gx", "\\w", "\\write", "\\qecho"})
_PSQL_FILES = frozenset({"\\i", "\\include", "\\ir", "\\include_relative"})
_PAGER_VARIABLES = frozenset({"PAGER", "PSQL_PAGER", "EDITOR", "PSQL_EDITOR", "VISUAL", "PSQL_EDITOR_LINENUMBER_ARG", "SHELL"})
_MYSQL_NAMED = frozenset({"SYSTEM", "SOURCE", "PAGER", "TEE", "DELIMITER"})


class Statement:
    """One SQL statement: its kind (``KINDS``), first word, target and text."""

    __slots__ = ("kind", "verb", "target", "text", "stored")

    def __init__(self, kind: str, verb: str, target: str, text: str, stored: bool = False) -> None:
        self.kind = kind
        self.verb = verb
        self.target = target
        self.text = text
        self.stored = stored  # inside a function body: runs when called, not now

    @property
    def destructive(self) -> bool:
        """Whether running it destroys data: drop, truncate, delete/update of every row, a dropped column, GRANT ALL,
        REVOKE, a role made superuser (or exempt from row-level security)."""
        if self.kind == PRIVILEGE:
            return self.verb in ("REVOKE", "CREATE ROLE", "ALTER ROLE") or " ALL" in f" {self.text.upper()} ".split(" ON ", 1)[0]
        return self.kind in (DROP, TRUNCATE, DELETE_ALL, UPDATE_ALL, ALTER_DROP)

    def show(self) -> str:
        from ..redact import cut

        return cut(" ".join(self.text.split()), 60)

    def __repr__(self) -> str:
        return f"Statement({self.kind}, {self.target!r}, {self.show()!r})"


class Command:
    """A shell command the client (or, for COPY … PROGRAM, the database server) runs."""

    __slots__ = ("text", "how", "server")

    def __init__(self, text: str, how: str, server: bool = False) -> None:
        self.text = text
        self.how = how
        self.server = server

    def __repr__(self) -> str:
        return f"Command({self.how}: {self.text!r}{', server' if self.server else ''})"


class Script:
    """What a piece of SQL text does."""

    __slots__ = ("statements", "commands", "files", "writes", "truncated", "dynamic", "reads", "libraries")

    def __init__(self) -> None:
        self.reads: list[str] = []  # read by the client into the database (\copy … FROM file, \lo_import, readfile())
        # Shared objects the client (an embedded engine) loads into itself: sqlite3's `.load F`, load_extension('F'),
        # DuckDB's LOAD 'F'.
        self.libraries: list[str] = []
        self.dynamic: list[str] = []  # SQL built at run time whose statement cannot be known (EXECUTE chr(68) || …)
        self.statements: list[Statement] = []
        self.commands: list[Command] = []
        self.files: list[str] = []  # run as more SQL (\i, source, .read)
        self.writes: list[str] = []  # written by the client (\o file, .output file, tee file)
        self.truncated = False  # longer than the reader reads

    def destructive(self) -> Statement | None:
        return next((s for s in self.statements if s.destructive), None)

    def security_off(self) -> Statement | None:
        """The first statement that switches a server's security setting off now (not in a stored body)."""
        return next((s for s in self.statements if s.kind == SECURITY_OFF and not s.stored), None)

    def changes(self) -> Statement | None:
        return next((s for s in self.statements if s.kind in CHANGES), None)


# --- tokens -----------------------------------------------------------------------------------

# Token classes of this module: word (keyword or bare name, upper-cased in .up), quoted identifier,
# string, dollar-quoted body, number, punctuation/operator, client-command start, error.
W, ID, S, DOLLAR, N, P, CLIENT, ERR = "w", "id", "s", "$", "n", "p", "client", "err"


class Tok:
    __slots__ = ("cls", "up", "raw", "start", "end")

    def __init__(self, cls: str, up: str, raw: str, start: int, end: int) -> None:
        self.cls = cls
        self.up = up  # upper-cased word, unquoted identifier, string content, punctuation
        self.raw = raw
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"{self.cls}:{self.up}"


def _lexer() -> object:
    from sqlparse.lexer import Lexer

    return Lexer.get_default_instance()  # type: ignore[no-untyped-call]


@functools.lru_cache(maxsize=1)
def _types() -> tuple[object, ...]:
    from sqlparse import tokens as T

    return (
        T.Comment,
        T.Whitespace,
        T.Newline,
        T.Keyword,
        T.Name,
        T.Literal.String.Symbol,
        T.Literal.String,
        T.Literal.Number,
        T.Punctuation,
        T.Operator,
        T.Generic.Command,
        T.Error,
        T.Literal,
        T.Text,
    )


def _unquote_string(raw: str) -> str:
    body = raw
    while body and body[0] not in "'\"":
        body = body[1:]  # E'…', N'…', X'…', U&'…'
    if len(body) >= 2:
        q = body[0]
        return body[1:-1].replace(q + q, q).replace("\\" + q, q)
    return body


def _dollar_body(raw: str) -> str:
    tag_end = raw.find("$", 1)
    tag = raw[: tag_end + 1]
    return raw[len(tag) : len(raw) - len(tag)] if raw.endswith(tag) and len(raw) >= 2 * len(tag) else raw[len(tag) :]


class _Budget:
    __slots__ = ("tokens", "out")

    def __init__(self) -> None:
        self.tokens = 0
        self.out = False


def _tokens(text: str, base: int, budget: _Budget) -> Iterator[tuple[object, str, int]]:
    """(sqlparse type, value, offset) for *text*, counting against *budget*."""
    lexer = _lexer()
    pos = base
    for ttype, value in lexer.get_tokens(text):  # type: ignore[attr-defined]
        budget.tokens += 1
        if budget.tokens > MAX_TOKENS:
            budget.out = True
            return
        yield ttype, value, pos
        pos += len(value)


def _classify(ttype: object, value: str, pos: int) -> list[Tok]:
    Comment, Ws, Nl, Kw, Name, Sym, Str, Num, Punct, Op, GenCmd, Err, Lit, Text = _types()
    end = pos + len(value)
    if ttype in Comment or ttype in Ws or ttype in Nl or ttype in Text:  # type: ignore[operator]
        return []
    if ttype in Kw:  # type: ignore[operator]
        # sqlparse joins some keywords (`IF NOT EXISTS`, `ORDER BY`): one word each here.
        return [Tok(W, w.upper(), w, pos, end) for w in value.split()]
    if ttype in GenCmd:  # type: ignore[operator]
        return [Tok(CLIENT, value, value, pos, end)]
    if ttype in Sym:  # type: ignore[operator]
        return [Tok(ID, value[1:-1].replace('""', '"'), value, pos, end)]
    if ttype in Name:  # type: ignore[operator]
        if value[:1] in ("`", "[", '"') and len(value) >= 2:
            return [Tok(ID, value[1:-1], value, pos, end)]
        return [Tok(W, value.upper(), value, pos, end)]
    if ttype in Str:  # type: ignore[operator]
        return [Tok(S, _unquote_string(value), value, pos, end)]
    if ttype in Num:  # type: ignore[operator]
        return [Tok(N, value, value, pos, end)]
    if ttype in Punct or ttype in Op:  # type: ignore[operator]
        return [Tok(P, value, value, pos, end)]
    if ttype == Lit and value.startswith("$"):
        return [Tok(DOLLAR, _dollar_body(value), value, pos, end)]
    if ttype in Err:  # type: ignore[operator]
        return [Tok(ERR, value, value, pos, end)]
    return [Tok(W, value.upper(), value, pos, end)]


# --- reading ---------------------------------------------------------------------------------


class _Reader:
    def __init__(self, client: str, budget: _Budget) -> None:
        self.client = client
        self.budget = budget
        self.script = Script()
        self.user_vars: dict[str, tuple[str, bool]] = {}  # MySQL's SET @q = expr: (text, known)
        # Stored routines the script defines (CREATE FUNCTION/PROCEDURE with a body), by upper-cased name: their body's
        # statements with what each would do when run; a call later in the script (CALL p(), SELECT f()) runs them.
        self.routines: dict[str, list[tuple[str, str, str, str]]] = {}
        self.body: list[tuple[str, str, str, str]] | None = None  # the routine body being read

    def run(self, text: str, procedural: bool = False, stored: bool = False, level: int = 0) -> None:
        """Read *text*: statements into the script, client commands on the way."""
        current: list[Tok] = []
        pos = 0
        n = len(text)
        while pos < n:
            restart: int | None = None
            line_start = text.rfind("\n", 0, pos) + 1
            at_line_start = not text[line_start:pos].strip()
            for ttype, value, at in _tokens(text[pos:], pos, self.budget):
                toks = _classify(ttype, value, at)
                if not toks:
                    at_line_start = at_line_start or "\n" in value  # whitespace and comments
                    continue
                first = toks[0]
                if level == 0 and self.client and self._client_start(first, at_line_start, not current):
                    eol = text.find("\n", at)
                    eol = n if eol < 0 else eol
                    self._client_command(text[at:eol].strip(), current, level)
                    self._statement(current, text, procedural, stored, level)
                    current = []
                    restart = eol + 1
                    break
                at_line_start = False
                if first.cls == P and first.up == ";":
                    self._statement(current, text, procedural, stored, level)
                    current = []
                    continue
                current.extend(toks)
            if restart is None or self.script.truncated or self.budget.out:
                break  # the whole text was read, or as much as is read
            pos = restart
        self._statement(current, text, procedural, stored, level)

    def _client_start(self, tok: Tok, at_line_start: bool, empty: bool) -> bool:
        if tok.cls == CLIENT or (tok.cls == ERR and tok.up == "\\"):
            return True
        if not (at_line_start and empty):
            return False
        if self.client == SQLITE:
            return tok.cls == P and tok.up == "."
        if self.client == MYSQL:
            return tok.cls == W and tok.up in _MYSQL_NAMED
        return False

    def _client_command(self, line: str, current: list[Tok], level: int) -> None:
        s = self.script
        if len(s.commands) + len(s.files) + len(s.writes) >= MAX_COMMANDS:
            s.truncated = True
            return
        head, _, rest = line.partition(" ")
        rest = rest.strip()
        word = head.lower()
        if self.client == SQLITE and word.startswith("."):
            word = _sqlite_dot(word)
            if word in (".shell", ".system"):
                s.commands.append(Command(rest, word))
            elif word == ".load" and rest:
                s.libraries.append(_unquote_word(_sqlite_args(rest)[0]))
            elif word in (".backup", ".save") and rest:
                s.writes.append(_unquote_word(rest.split()[-1]))
            elif word == ".restore" and rest:
                # .restore [DB] FILE: the open database's content is replaced by FILE's (what it held is gone).
                args = _sqlite_args(rest)
                s.statements.append(Statement(DROP, ".RESTORE", args[0] if len(args) > 1 else "main", line))
            elif word in (".output", ".once", ".import", ".excel", ".log") and rest:
                args = [a for a in _sqlite_args(rest) if not a.startswith("-")]
                target = (args[0] if args else "") if word == ".import" else _unquote_word(rest)
                if rest.startswith("|") and word != ".import":
                    s.commands.append(Command(rest[1:].strip(), word))
                elif target.startswith("|"):
                    s.commands.append(Command(target[1:].strip(), word))
                elif word != ".import" and not target.startswith("-"):
                    s.writes.append(target)
                elif word == ".import" and target and not target.startswith("-"):
                    s.reads.append(_unquote_word(target))  # .import FILE TABLE: the file's lines become rows
            elif word == ".read" and rest:
                target = _unquote_word(rest)
                if target.startswith("|"):
                    s.commands.append(Command(target[1:].strip(), word))
                else:
                    s.files.append(target)
            return
        if self.client == MYSQL and not word.startswith("\\"):
            # The named forms of mysql's commands; the backslash forms are case-sensitive (\P pager, \p print).
            head = {"system": "\\!", "source": "\\.", "pager": "\\P", "tee": "\\T"}.get(word, head)
            word = head.lower()
        if word.startswith("\\!"):
            body = line[2:].strip() if line.startswith("\\!") else rest
            if body:
                s.commands.append(Command(body, "\\!"))
            return
        if self.client == MYSQL:
            if word == "\\." and rest:
                s.files.append(_unquote_word(rest.rstrip(";")))
            elif head.startswith("\\P"):
                if rest:
                    s.commands.append(Command(rest.rstrip(";"), "pager"))
            elif head.startswith("\\T") and rest:
                s.writes.append(_unquote_word(rest.rstrip(";")))
            return
        # psql: backquoted text in a meta-command's arguments runs as a shell command (`\set x `cmd``).
        pieces = rest.split("`")
        for k in range(1, len(pieces) - 1, 2):
            if pieces[k].strip():
                s.commands.append(Command(pieces[k].strip(), f"`…` in {head}"))
        if word in _PSQL_FILES and rest:
            s.files.append(_unquote_word(rest))
        elif word in _PSQL_PIPES and rest:
            if rest.startswith("|"):
                s.commands.append(Command(rest[1:].strip(), word))
            elif word not in ("\\qecho",):
                s.writes.append(_unquote_word(rest))
        elif word == "\\setenv" and rest:
            var, _, value = rest.partition(" ")
            if var in _PAGER_VARIABLES and value.strip():
                s.commands.append(Command(_unquote_word(value.strip()), f"\\setenv {var}"))
        elif word == "\\copy":
            self._copy(line[len(head) :], client_side=True)
        elif word == "\\lo_import" and rest:
            s.reads.append(_unquote_word(rest))
        elif word == "\\lo_export" and len(rest.split()) > 1:
            s.writes.append(_unquote_word(rest.split(None, 1)[1]))
        elif word == "\\gexec":
            # Each value the query returns runs as a statement: its select list is read as the SQL it builds.
            k = next((i + 1 for i, t in enumerate(current) if t.cls == W and t.up == "SELECT"), -1)
            if k > 0 and k < len(current):
                text, known = _expression(current, k, self.user_vars)
                if not known:
                    if len(s.dynamic) < MAX_COMMANDS:
                        s.dynamic.append(" ".join(t.raw for t in current[k : k + 12]) + " \\gexec")
                elif looks_like_sql(text):
                    self.run(text, level=level + 1)
                return
            for t in current:
                if t.cls == S and looks_like_sql(t.up):
                    self.run(t.up, level=level + 1)

    def _copy(self, text: str, client_side: bool) -> None:
        """COPY/\\copy … TO/FROM PROGRAM 'cmd': the program runs (on the server for COPY)."""
        toks = [t for ty, v, at in _tokens(text, 0, self.budget) for t in _classify(ty, v, at)]
        for i, t in enumerate(toks[:-1]):
            if t.cls == W and t.up == "PROGRAM" and toks[i + 1].cls == S:
                how = "\\copy … program" if client_side else "COPY … PROGRAM"
                self.script.commands.append(Command(toks[i + 1].up, how, server=not client_side))
                return
        for i, t in enumerate(toks[:-1]):
            if client_side and t.cls == W and t.up == "TO" and toks[i + 1].cls in (S, W) and toks[i + 1].up not in ("STDOUT", "PSTDOUT"):
                self.script.writes.append(toks[i + 1].up if toks[i + 1].cls == S else toks[i + 1].raw)
                return
            if client_side and t.cls == W and t.up == "FROM" and toks[i + 1].cls in (S, W) and toks[i + 1].up not in ("STDIN", "PSTDIN"):
                self.script.reads.append(toks[i + 1].up if toks[i + 1].cls == S else toks[i + 1].raw)
                return

    def _statement(self, toks: list[Tok], text: str, procedural: bool, stored: bool, level: int) -> None:
        if procedural:
            # BEGIN … END blocks of PL/pgSQL and stored procedures: the statements are what is inside.
            while toks and toks[0].cls == W and toks[0].up in _PROCEDURAL_HEADS | {"DECLARE"}:
                toks = toks[1:]
            if toks and toks[0].cls == W and toks[0].up == "END":
                return
        if not toks:
            return
        raw = text[toks[0].start : toks[-1].end] if toks[-1].end <= len(text) else " ".join(t.raw for t in toks)
        kind, verb, target = _kind(toks, procedural)
        if self.body is not None and stored and len(self.body) < MAX_COMMANDS:
            self.body.append((kind, verb, target, raw))
        if stored and kind in CHANGES:
            kind = WRITE
        self.script.statements.append(Statement(kind, verb, target, raw, stored))
        if not stored and self.routines:
            self._calls(toks, verb)
        if verb == "COPY":
            # An embedded engine (DuckDB, read in sqlite3's dialect) is its own server: COPY … TO 'F' writes F here.
            self._copy(raw, client_side=self.client == SQLITE)
        self._server_shell(toks)
        if self.client == SQLITE:
            self._sqlite_files(toks, verb)
        if self.client == CLICKHOUSE:
            # clickhouse-client and clickhouse-local write `… INTO OUTFILE 'F'` on this machine, not the server's.
            for i in range(len(toks) - 2):
                if toks[i].up == "INTO" and toks[i + 1].up == "OUTFILE" and toks[i + 2].cls == S:
                    self.script.writes.append(toks[i + 2].up)
        if level >= MAX_NESTING:
            return
        self._nested(toks, verb, procedural, stored, level)

    def _server_shell(self, toks: list[Tok]) -> None:
        """A database server's own shell, as COPY … PROGRAM is PostgreSQL's: SQL Server's `EXEC xp_cmdshell 'cmd'`
        (`master..xp_cmdshell`, `N'cmd'`), MySQL's lib_mysqludf_sys `sys_exec('cmd')` / `sys_eval('cmd')`: the command
        runs on the server."""
        for i, t in enumerate(toks[:-1]):
            if t.cls != W or t.up.rsplit(".", 1)[-1] not in _SERVER_SHELLS:
                continue
            k = i + 1
            while k < len(toks) and toks[k].up in ("(", "N", "@COMMAND_STRING", "="):
                k += 1
            if k < len(toks) and toks[k].cls == S:
                self.script.commands.append(Command(toks[k].up, t.up.rsplit(".", 1)[-1].lower(), server=True))

    def _sqlite_files(self, toks: list[Tok], verb: str) -> None:
        """Files the sqlite3 shell itself reads or writes for a statement: readfile(), writefile(), VACUUM INTO."""
        s = self.script
        for i in range(len(toks) - 2):
            t = toks[i]
            if t.cls == W and t.up in ("READFILE", "WRITEFILE") and toks[i + 1].up == "(" and toks[i + 2].cls in (S, ID):
                (s.reads if t.up == "READFILE" else s.writes).append(toks[i + 2].up)
            elif verb == "VACUUM" and t.cls == W and t.up == "INTO" and toks[i + 1].cls in (S, ID):
                s.writes.append(toks[i + 1].up)
        for i in range(len(toks) - 2):
            # load_extension('F') (sqlite3), LOAD 'F' (DuckDB): a shared object loaded into the client's own process.
            t = toks[i]
            if t.cls == W and t.up == "LOAD_EXTENSION" and toks[i + 1].up == "(" and toks[i + 2].cls == S:
                s.libraries.append(toks[i + 2].up)
        if verb == "LOAD" and len(toks) >= 2 and toks[1].cls in (S, ID):
            s.libraries.append(toks[1].up)
        if verb == "VACUUM" and len(toks) >= 2 and toks[-2].up == "INTO" and toks[-1].cls in (S, ID):
            s.writes.append(toks[-1].up)
        if verb == "EXPORT" and len(toks) >= 3 and toks[1].up == "DATABASE" and toks[2].cls in (S, ID):
            s.writes.append(toks[2].up.rstrip("/") + "/")  # DuckDB's EXPORT DATABASE 'D': a folder of files written
        for i in range(len(toks) - 3):
            # The sqlite3 shell's edit(TEXT, EDITOR): it runs `EDITOR TMPFILE` through system(), EDITOR a command line.
            if toks[i].cls == W and toks[i].up == "EDIT" and toks[i + 1].up == "(":
                depth, k = 0, i + 2
                while k < len(toks) and not (depth == 0 and toks[k].up in (",", ")")):
                    depth += {"(": 1, ")": -1}.get(toks[k].up, 0)
                    k += 1
                if k + 1 < len(toks) and toks[k].up == "," and toks[k + 1].cls == S:
                    s.commands.append(Command(toks[k + 1].up + " /tmp/sqlite-edit.txt", "edit()"))
        for i in range(len(toks) - 2):
            # DuckDB's table functions that scan files (read_csv('F'), read_text(['A', 'B']), parquet_scan('F')) and a
            # file named as a table (`FROM 'F'`, a replacement scan): the file is read here, `~` its user's home.
            t = toks[i]
            if t.cls in (W, ID) and toks[i + 1].up == "(" and (t.up.startswith("READ_") or t.up in _FILE_SCANS):
                arg = toks[i + 2]
                if arg.cls == S:
                    s.reads.append(arg.up)
                elif arg.raw.startswith("["):
                    # A list of files (read_csv(['a.csv', 'b.csv'])), which the lexer reads as one bracketed name.
                    s.reads += [m.group(1).replace("''", "'") for m in _QUOTED.finditer(arg.raw)]
            elif t.up in ("FROM", "JOIN") and toks[i + 1].cls == S and verb != "COPY":
                s.reads.append(toks[i + 1].up)

    def _nested(self, toks: list[Tok], verb: str, procedural: bool, stored: bool, level: int) -> None:
        """Bodies and strings the statement runs as SQL: DO $$ … $$, function bodies, EXECUTE 'sql'."""
        if verb == "SET" and len(toks) > 4 and toks[1].up == "@" and toks[3].up in ("=", ":="):
            self.user_vars[toks[2].up] = _expression(toks, 4, self.user_vars)
        for k in _executed_at(toks, verb, procedural):
            text, known = _expression(toks, k, self.user_vars)
            if not known:
                if len(self.script.dynamic) < MAX_COMMANDS:
                    self.script.dynamic.append(" ".join(t.raw for t in toks[k : k + 12]))
            elif text.strip():
                self.run(text, procedural=False, stored=stored, level=level + 1)
        for t in toks:
            if t.cls == DOLLAR and (verb in ("DO", "CREATE") or procedural):
                name = _routine_name(toks) if verb == "CREATE" and not stored else ""
                outer, self.body = self.body, ([] if name else self.body)
                try:
                    self.run(t.up, procedural=True, stored=stored or verb == "CREATE", level=level + 1)
                finally:
                    if name and self.body is not None:
                        self.routines[name] = self.body
                    self.body = outer

    def _calls(self, toks: list[Tok], verb: str) -> None:
        """A routine this script defined, called (CALL p(), CALL p, SELECT f(...), PERFORM f()): its body runs now."""
        called: list[str] = []
        for i, t in enumerate(toks):
            if t.cls not in (W, ID) or t.up not in self.routines:
                continue
            bare = verb == "CALL" and i == 1
            if bare or (i + 1 < len(toks) and toks[i + 1].cls == P and toks[i + 1].up == "("):
                called.append(t.up)
        for name in called[:8]:
            for kind, verb_, target, raw in self.routines[name]:
                self.script.statements.append(Statement(kind, verb_, target, f"{raw} (in {name.lower()}, called)"))


_ROUTINES = frozenset({"FUNCTION", "PROCEDURE"})


def _routine_name(toks: list[Tok]) -> str:
    """The upper-cased name of the routine a CREATE [OR REPLACE] [DEFINER=…] FUNCTION/PROCEDURE statement defines, or ""."""
    for i, t in enumerate(toks[:24]):
        if t.cls == W and t.up in _ROUTINES:
            j = i + 1
            while j < len(toks) and toks[j].cls == W and toks[j].up in ("IF", "NOT", "EXISTS"):
                j += 1
            name = ""
            while j < len(toks) and toks[j].cls in (W, ID):
                name = toks[j].up  # schema.name: the last part
                if j + 2 < len(toks) and toks[j + 1].up == ".":
                    j += 2
                    continue
                break
            return name
    return ""


# DuckDB's table functions that read the files they are given, beyond its read_* family (read_csv, read_parquet,
# read_json, read_text, read_blob, read_xlsx …).
# Calls that run a shell command on the database server (_Reader._server_shell).
_SERVER_SHELLS = frozenset({"XP_CMDSHELL", "SYS_EXEC", "SYS_EVAL"})
_QUOTED = lazy(r"'((?:[^']|'')*)'")
_FILE_SCANS = frozenset({"PARQUET_SCAN", "PARQUET_METADATA", "PARQUET_SCHEMA", "PARQUET_FILE_METADATA", "SNIFF_CSV", "ST_READ", "ICEBERG_SCAN", "DELTA_SCAN"})

# MySQL's client reads `DELIMITER x` lines: until the next one, statements end at x, and `;` is part of a statement
# (the body of a stored routine).
_DELIMITER_LINE = lazy(r"^[ \t]*delimiter[ \t]+(\S+)[ \t]*$", re.IGNORECASE)
_ROUTINE_HEAD = lazy(r"^\s*CREATE\b[^;]*?\b(?:PROCEDURE|FUNCTION|TRIGGER|EVENT)\b", re.IGNORECASE)
_BODY_START = lazy(r"\bBEGIN\b", re.IGNORECASE)
_BODY_QUOTE = "$clearance_body$"


def _mysql_delimited(text: str) -> str:
    """*text* with MySQL's DELIMITER blocks read as the client reads them: each statement ended by the block's delimiter,
    and a stored routine's BEGIN … END body quoted as a body (as PostgreSQL's $$ … $$), so that the `;` inside it do not
    end the CREATE statement and the body is read as stored code."""
    if "delimiter" not in text.lower():
        return text
    out: list[str] = []
    delim = ";"
    pending = ""
    for line in text.splitlines(keepends=True):
        m = _DELIMITER_LINE.compiled.match(line.rstrip("\r\n"))
        if m is not None:
            out.append(pending)
            pending = ""
            delim = m.group(1)
            continue
        if delim == ";":
            out.append(line)
            continue
        pending += line
        while delim in pending:
            statement, pending = pending.split(delim, 1)
            out.append(_quoted_body(statement) + ";")
    out.append(pending)
    return "".join(out)


def _quoted_body(statement: str) -> str:
    if _BODY_QUOTE in statement or _ROUTINE_HEAD.compiled.match(statement) is None:
        return statement
    m = _BODY_START.compiled.search(statement)
    if m is None:
        return statement
    return statement[: m.start()] + _BODY_QUOTE + statement[m.start() :] + _BODY_QUOTE


def _executed_at(toks: list[Tok], verb: str, procedural: bool) -> list[int]:
    """Where an expression starts whose value runs as SQL: EXECUTE expr in PL/pgSQL, EXECUTE IMMEDIATE expr,
    EXEC(expr), sp_executesql expr, PREPARE name FROM expr. A top-level EXECUTE name runs a prepared statement."""
    out: list[int] = []
    for i, t in enumerate(toks):
        if t.cls != W:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None:
            break
        if t.up in ("EXECUTE", "EXEC") and nxt.cls == W and nxt.up == "IMMEDIATE":
            out.append(i + 2)
        elif (
            (t.up == "EXECUTE" and procedural)
            or (t.up in ("EXECUTE", "EXEC") and (nxt.up == "(" or nxt.cls == S or (nxt.up in ("E", "N") and i + 2 < len(toks) and toks[i + 2].cls == S)))
            or t.up == "SP_EXECUTESQL"
            or (t.up == "FROM" and verb == "PREPARE")
        ):
            out.append(i + 1)  # EXECUTE expr in PL/pgSQL; EXEC('sql'), EXECUTE 'sql' where a string is taken
    return out[:MAX_COMMANDS]


_PLACEHOLDER = " x "  # a value only known at run time, read as a name


def _expression(toks: list[Tok], k: int, user_vars: dict[str, tuple[str, bool]]) -> tuple[str, bool]:
    """The text of the string expression at toks[k] (literals joined by ||, concat(), format()), and whether its
    statement can be known: a computed part stands for a name; a computed first part hides the statement."""
    parts: list[str] = []
    known = True
    j = k
    n = len(toks)
    while j < n:
        t = toks[j]
        if t.cls == P and t.up == "(":
            j += 1
            continue
        nxt = toks[j + 1] if j + 1 < n else None
        if t.cls == S:
            parts.append(t.up)
            j += 1
        elif t.cls == W and t.up in ("E", "N", "B", "X") and nxt is not None and nxt.cls == S and nxt.start == t.end:
            parts.append(_e_string(nxt.raw) if t.up == "E" else nxt.up)
            j += 2
        elif t.cls == W and t.up == "U" and nxt is not None and nxt.up == "&" and j + 2 < n and toks[j + 2].cls == S:
            parts.append(_u_string(toks[j + 2].up))
            j += 3
        elif t.cls == DOLLAR:
            parts.append(t.up)
            j += 1
        elif t.cls == W and t.up in ("FORMAT", "CONCAT") and nxt is not None and nxt.up == "(":
            j += 2
            continue  # its arguments are the parts; format's %I/%s/%L stand for names
        elif t.cls == P and t.up == "@" and nxt is not None and nxt.cls == W:
            text, ok = user_vars.get(nxt.up, (_PLACEHOLDER, False))
            parts.append(text)
            known = known and (ok or bool(parts[:-1]))
            j += 2
        else:
            if not parts:
                known = False  # the statement's first words are computed
            parts.append(_PLACEHOLDER)
            depth = 0
            while j < n:  # skip the computed term (a name, a call with its arguments)
                u = toks[j]
                if u.cls == P and u.up == "(":
                    depth += 1
                elif u.cls == P and u.up == ")":
                    depth -= 1
                    if depth <= 0:
                        j += 1
                        break
                elif depth == 0 and j > k and u.cls == P and u.up in ("||", ",", "+"):
                    break
                elif depth == 0 and u.cls != P and j + 1 < n and toks[j + 1].up != "(":
                    j += 1
                    break
                j += 1
        while j < n and toks[j].cls == P and toks[j].up == ")":
            j += 1
        if j < n and toks[j].cls == P and toks[j].up in ("||", ",", "+"):  # + joins strings in T-SQL
            j += 1
            continue
        break
    text = "".join(parts).replace("%I", "x").replace("%s", "x").replace("%L", "'x'")
    return text, known


def _e_string(raw: str) -> str:
    """The value of an E'…' string: C-style escapes (\\n, \\xHH, \\ooo, \\uXXXX), '' a quote."""
    body = raw[raw.find("'") + 1 : -1] if raw.endswith("'") else raw[raw.find("'") + 1 :]
    out: list[str] = []
    i, n = 0, len(body)
    simple = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}
    while i < n:
        c = body[i]
        if c == "'" and body.startswith("''", i):
            out.append("'")
            i += 2
        elif c == "\\" and i + 1 < n:
            e = body[i + 1]
            width = {"x": 2, "u": 4, "U": 8}.get(e, 0)
            if width:
                digits = ""
                while len(digits) < width and i + 2 + len(digits) < n and body[i + 2 + len(digits)] in "0123456789abcdefABCDEF":
                    digits += body[i + 2 + len(digits)]
                out.append(chr(int(digits, 16)) if digits and int(digits, 16) < 0x110000 else e)
                i += 2 + len(digits)
            elif e in "01234567":
                digits = e
                while len(digits) < 3 and i + 1 + len(digits) < n and body[i + 1 + len(digits)] in "01234567":
                    digits += body[i + 1 + len(digits)]
                out.append(chr(int(digits, 8)))
                i += 1 + len(digits)
            else:
                out.append(simple.get(e, e))
                i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _u_string(body: str) -> str:
    """The value of a U&'…' string: \\XXXX and \\+XXXXXX escapes (the default escape character)."""
    out: list[str] = []
    i, n = 0, len(body)
    while i < n:
        if body[i] == "\\" and i + 1 < n:
            width = 6 if body[i + 1] == "+" else 4
            start = i + 2 if width == 6 else i + 1
            digits = body[start : start + width]
            if len(digits) == width and all(c in "0123456789abcdefABCDEF" for c in digits) and int(digits, 16) < 0x110000:
                out.append(chr(int(digits, 16)))
                i = start + width
                continue
            if body[i + 1] == "\\":
                out.append("\\")
                i += 2
                continue
        out.append(body[i])
        i += 1
    return "".join(out)


def _unquote_word(text: str) -> str:
    t = text.strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "'\"":
        return t[1:-1]
    return t.split()[0] if t.split() else t


def _depths(toks: list[Tok]) -> list[int]:
    out: list[int] = []
    d = 0
    for t in toks:
        if t.cls == P and t.up == ")":
            d = max(d - 1, 0)
        out.append(d)
        if t.cls == P and t.up == "(":
            d += 1
    return out


def _name_at(toks: list[Tok], i: int) -> str:
    """The (possibly dotted) identifier starting at toks[i]."""
    parts: list[str] = []
    while i < len(toks) and toks[i].cls in (W, ID, S, N) and not (toks[i].cls == W and toks[i].up in ("WHERE", "SET", "USING", "AS")):
        parts.append(toks[i].up if toks[i].cls in (ID, S) else toks[i].raw)
        if i + 2 < len(toks) and toks[i + 1].cls == P and toks[i + 1].up == ".":
            i += 2
            continue
        break
    return ".".join(parts)


def _kind(toks: list[Tok], procedural: bool) -> tuple[str, str, str]:
    """(kind, verb, target) of one statement's tokens."""
    i = 0
    verb = toks[0].up if toks[0].cls == W else ""
    if verb == "EXPLAIN":
        # EXPLAIN ANALYZE runs the statement.
        j = 1
        analyze = False
        while j < len(toks) and ((toks[j].cls == W and toks[j].up in ("ANALYZE", "ANALYSE", "VERBOSE", "QUERY", "PLAN", "FOR")) or toks[j].cls == P):
            analyze = analyze or toks[j].up in ("ANALYZE", "ANALYSE")
            j += 1
        if not analyze or j >= len(toks):
            return READ, verb, ""
        i = j
        verb = toks[i].up if toks[i].cls == W else ""
    off = _security_off(toks, i)
    if off:
        return SECURITY_OFF, verb, off
    depths = _depths(toks)
    worst: tuple[str, str, str] | None = None
    # Every DELETE/UPDATE that heads a statement of its own (a CTE's, a subquery's, a procedural body's).
    for k in range(i, len(toks)):
        t = toks[k]
        if t.cls != W or t.up not in ("DELETE", "UPDATE"):
            continue
        prev = toks[k - 1] if k > i else None
        head = k == i or (prev is not None and ((prev.cls == P and prev.up in ("(", ")")) or (procedural and prev.cls == W and prev.up in _PROCEDURAL_HEADS)))
        if not head:
            continue
        found = _dml(toks, depths, k)
        if found[0] in (DELETE_ALL, UPDATE_ALL) and worst is None:
            worst = found
        if k == i:
            return worst or found
    if worst is not None:
        return worst
    if verb == "DROP":
        return _drop(toks, i)
    if verb in ("CREATE", "ALTER") and i + 1 < len(toks) and toks[i + 1].up in ("ROLE", "USER"):
        # CREATE|ALTER ROLE|USER … SUPERUSER / BYPASSRLS (PostgreSQL): every privilege on every object, or row-level
        # security switched off for the role -- a grant of all, as GRANT ALL is.
        if any(depths[k] == 0 and t.cls == W and t.up in _WIDENING_ROLE_OPTIONS for k, t in enumerate(toks[i + 2 :], i + 2)):
            return PRIVILEGE, f"{verb} ROLE", _name_at(toks, i + 2)
    if verb == "TRUNCATE":
        j = i + 1
        while j < len(toks) and toks[j].cls == W and toks[j].up in ("TABLE", "ONLY"):
            j += 1
        return TRUNCATE, verb, _name_at(toks, j)
    if verb == "ALTER":
        return _alter(toks, depths, i)
    if verb in ("GRANT", "REVOKE"):
        return PRIVILEGE, verb, ""
    if verb == "WITH":
        for k in range(i + 1, len(toks)):
            if depths[k] == 0 and toks[k].cls == W and toks[k].up in _WRITES | {"INSERT"}:
                return WRITE, toks[k].up, ""
        return READ, verb, ""
    if verb in ("DROP", "TRUNCATE"):
        return OTHER, verb, ""
    if verb == "COPY":
        return WRITE, verb, _name_at(toks, i + 1)
    if verb == "CREATE" and len(toks) > i + 3 and toks[i + 1].up == "OR" and toks[i + 2].up == "REPLACE":
        # CREATE OR REPLACE TABLE (MariaDB, DuckDB, BigQuery, Snowflake…): the table it replaces is dropped with its rows
        # (a temporary one holds nothing that lasts; a view or a function holds no data).
        j = i + 3
        while j < len(toks) and toks[j].cls == W and toks[j].up in ("TRANSIENT", "EXTERNAL", "SNAPSHOT", "GLOBAL", "LOCAL"):
            j += 1
        if j < len(toks) and toks[j].cls == W and toks[j].up == "TABLE":
            return DROP, "CREATE OR REPLACE TABLE", _name_at(toks, j + 1)
    if verb in _WRITES:
        return WRITE, verb, ""
    if verb == "PRAGMA":
        return (WRITE if any(t.up == "=" for t in toks) else READ), verb, ""
    if verb in _READS:
        return READ, verb, ""
    return OTHER, verb, ""


def _security_off(toks: list[Tok], i: int) -> str:
    """The server setting a statement switches off for the whole server (SECURITY_SETTINGS: `ALTER SYSTEM SET ssl =
    off`, `SET GLOBAL require_secure_transport=OFF`, `SET PERSIST local_infile=1`, `SET @@global.x = …`), or MySQL's
    `ALTER USER … IDENTIFIED BY ''` / `SET PASSWORD … = ''` (an account with no password), as "NAME=VALUE"; "" else."""
    words = [t.up for t in toks[i:]]
    if words[:1] == ["ALTER"] and words[1:2] == ["USER"] and "IDENTIFIED" in words:
        k = words.index("IDENTIFIED")
        given = toks[i + k + 2] if i + k + 2 < len(toks) and words[k + 1 : k + 2] == ["BY"] else None
        return "PASSWORD=''" if given is not None and given.cls == S and given.up == "" else ""
    if words[:2] == ["SET", "PASSWORD"]:
        last = toks[-1]
        return "PASSWORD=''" if last.cls == S and last.up == "" and "=" in words else ""
    if words[:3] == ["ALTER", "SYSTEM", "SET"]:
        rest, scoped = toks[i + 3 :], True
    elif words[:1] == ["SET"]:
        rest, scoped = toks[i + 1 :], False
    else:
        return ""
    # One or more assignments, split at top-level commas: [GLOBAL|PERSIST|PERSIST_ONLY|SESSION|LOCAL] name (=|TO) value;
    # MySQL: an assignment with no scope word takes the last one given before it.
    glob = scoped
    for part in _split(rest, ",", P):
        ups = [t.up for t in part]
        while ups and ups[0] in ("GLOBAL", "PERSIST", "PERSIST_ONLY", "SESSION", "LOCAL"):
            glob, ups, part = scoped or ups[0] not in ("SESSION", "LOCAL"), ups[1:], part[1:]
        if ups[:1] == ["@@"] and len(ups) > 2 and ups[1] in ("GLOBAL", "PERSIST", "PERSIST_ONLY") and ups[2] == ".":
            glob, ups, part = True, ups[3:], part[3:]
        if not glob:
            continue  # a session's own setting
        eq = next((k for k, u in enumerate(ups) if u in ("=", "TO", ":=")), -1)
        if eq <= 0:
            continue
        name = "".join(ups[:eq])
        if name not in SECURITY_SETTINGS:
            continue
        value = " ".join(t.up.upper() for t in part[eq + 1 :])
        weak = SECURITY_SETTINGS[name]
        if weak is None or value.strip("'\"") in weak or (name == "PASSWORD_ENCRYPTION" and value == ""):
            return f"{name.lower()}={value.lower()}"
    return ""


def _drop(toks: list[Tok], i: int) -> tuple[str, str, str]:
    j = i + 1
    temporary = False
    obj = ""
    while j < len(toks) and toks[j].cls == W and toks[j].up in ("TEMPORARY", "TEMP", "MATERIALIZED", "UNLOGGED", "FOREIGN", "EXTERNAL", "GLOBAL"):
        temporary = temporary or toks[j].up in ("TEMPORARY", "TEMP")
        obj = obj or (toks[j].up if toks[j].up == "MATERIALIZED" else "")
        j += 1
    if j < len(toks) and toks[j].cls == W:
        obj = obj or toks[j].up
        j += 1
    while j < len(toks) and toks[j].cls == W and toks[j].up in ("VIEW", "IF", "EXISTS", "CONCURRENTLY", "FAMILY"):
        j += 1
    target = _name_at(toks, j)
    # CASCADE drops what depends on the object too: a type's, a domain's or an extension's columns in every table.
    cascade = any(t.cls == W and t.up == "CASCADE" for t in toks[j:])
    if temporary or (obj not in _DROPPED_DATA and not cascade):
        return WRITE, "DROP", target
    return DROP, "DROP", target


def _alter(toks: list[Tok], depths: list[int], i: int) -> tuple[str, str, str]:
    target = _name_at(toks, i + 2) if len(toks) > i + 2 else ""
    if i + 1 < len(toks) and toks[i + 1].up == "TABLE":
        j = i + 2
        while j < len(toks) and toks[j].cls == W and toks[j].up in ("IF", "EXISTS", "ONLY"):
            j += 1
        target = _name_at(toks, j)
        for k in range(j, len(toks) - 1):
            if depths[k] == 0 and toks[k].cls == W and toks[k].up == "DROP":
                nxt = toks[k + 1]
                if nxt.cls in (W, ID) and not (nxt.cls == W and nxt.up in _ALTER_DROP_SCHEMA_ONLY):
                    return ALTER_DROP, "ALTER", target
    return WRITE, "ALTER", target


def _dml(toks: list[Tok], depths: list[int], k: int) -> tuple[str, str, str]:
    """DELETE/UPDATE at toks[k]: every row (no WHERE of its own, or an always-true one) or a write."""
    verb = toks[k].up
    d = depths[k]
    end = k + 1
    while end < len(toks) and depths[end] >= d:
        end += 1
    j = k + 1
    while j < end and toks[j].cls == W and toks[j].up in ("FROM", "ONLY", "LOW_PRIORITY", "QUICK", "IGNORE", "TOP"):
        j += 1
    target = _name_at(toks, j)
    where = next((m for m in range(k + 1, end) if depths[m] == d and toks[m].cls == W and toks[m].up == "WHERE"), None)
    if verb == "UPDATE" and not any(depths[m] == d and toks[m].cls == W and toks[m].up == "SET" for m in range(k + 1, end)):
        return WRITE, verb, target  # UPDATE STATISTICS and the like
    every = DELETE_ALL if verb == "DELETE" else UPDATE_ALL
    if where is None:
        return every, verb, target
    stop = next((m for m in range(where + 1, end) if depths[m] == d and toks[m].cls == W and toks[m].up in _WHERE_END), end)
    if _truth(toks[where + 1 : stop]) is True:
        return every, verb, target
    return WRITE, verb, target


# --- always-true conditions -------------------------------------------------------------------


def _split(toks: list[Tok], word: str, cls: str = W) -> list[list[Tok]]:
    """*toks* split at each *word* of class *cls* (W: a keyword, P: a punctuation mark) outside parentheses."""
    parts: list[list[Tok]] = [[]]
    d = 0
    for t in toks:
        if t.cls == P and t.up == "(":
            d += 1
        elif t.cls == P and t.up == ")":
            d -= 1
        if d == 0 and t.cls == cls and t.up == word:
            parts.append([])
        else:
            parts[-1].append(t)
    return parts


def _wrapped(toks: list[Tok]) -> bool:
    if len(toks) < 2 or toks[0].up != "(" or toks[-1].up != ")" or toks[0].cls != P:
        return False
    d = 0
    for n, t in enumerate(toks):
        if t.cls == P and t.up == "(":
            d += 1
        elif t.cls == P and t.up == ")":
            d -= 1
            if d == 0 and n != len(toks) - 1:
                return False
    return True


def _truth(toks: list[Tok], depth: int = 0) -> bool | None:
    """True when the condition holds for every row, False when for none, None when it depends on the row."""
    if not toks or depth > 20:
        return None
    ors = _split(toks, "OR")
    if len(ors) > 1:
        vals = [_truth(p, depth + 1) for p in ors]
        return True if True in vals else (False if all(v is False for v in vals) else None)
    ands = _split(toks, "AND")
    if len(ands) > 1:
        vals = [_truth(p, depth + 1) for p in ands]
        return False if False in vals else (True if all(v is True for v in vals) else None)
    if _wrapped(toks):
        return _truth(toks[1:-1], depth + 1)
    if toks[0].cls == W and toks[0].up == "NOT":
        v = _truth(toks[1:], depth + 1)
        return None if v is None else not v
    if len(toks) == 1:
        return _value_truth(toks[0])
    ops = [n for n, t in enumerate(toks) if t.cls == P and t.up in ("=", "==", "<>", "!=", "<", ">", "<=", ">=")]
    if len(ops) == 1:
        n = ops[0]
        left, right, op = toks[:n], toks[n + 1 :], toks[n].up
        return _compare(left, right, op)
    if len(toks) >= 3 and toks[-2].cls == W and toks[-2].up in ("LIKE", "ILIKE") and toks[-1].cls == S and toks[-1].up and set(toks[-1].up) == {"%"}:
        return True  # x LIKE '%': every row with a value
    return None


def _literal(toks: list[Tok]) -> object:
    if _wrapped(toks):
        return _literal(toks[1:-1])
    if len(toks) == 2 and toks[0].cls == P and toks[0].up == "-" and toks[1].cls == N:
        v = _literal(toks[1:])
        return -v if isinstance(v, float) else None
    if len(toks) != 1:
        return None
    t = toks[0]
    if t.cls == N:
        try:
            return float(t.up)
        except ValueError:
            return None
    if t.cls == S:
        return t.up
    if t.cls == W and t.up in ("TRUE", "FALSE"):
        return 1.0 if t.up == "TRUE" else 0.0
    return None


def _value_truth(t: Tok) -> bool | None:
    v = _literal([t])
    if isinstance(v, float):
        return v != 0
    return None


def _compare(left: list[Tok], right: list[Tok], op: str) -> bool | None:
    a, b = _literal(left), _literal(right)
    if a is not None and b is not None and type(a) is type(b):
        if op in ("=", "=="):
            return a == b
        if op in ("<>", "!="):
            return a != b
        x, y = (a, b) if isinstance(a, float) and isinstance(b, float) else (str(a), str(b))
        return {"<": x < y, ">": x > y, "<=": x <= y, ">=": x >= y}.get(op)  # type: ignore[operator]
    if a is None and b is None and left and [t.up for t in left] == [t.up for t in right] and all(t.cls in (W, ID, P) for t in left):
        # x = x: every row whose x is not NULL.
        return op in ("=", "==", "<=", ">=")
    return None


# Where a statement may start inside a longer string: after a quote, a newline or a `;`.
_PIECE_START = lazy(r"['\"\n;]")


# --- entry points ------------------------------------------------------------------------------


def _executable_comments(text: str) -> str:
    """MySQL runs the text of `/*! … */` and `/*!50001 … */`: unwrap it (other comments stay comments)."""
    if "/*!" not in text:
        return text
    out: list[str] = []
    pos = 0
    while True:
        s = text.find("/*!", pos)
        if s < 0:
            break
        e = text.find("*/", s + 3)
        if e < 0:
            break
        body = text[s + 3 : e]
        k = 0
        while k < len(body) and k < 6 and body[k].isdigit():
            k += 1
        out.append(text[pos:s])
        out.append(" " + body[k:] + " ")
        pos = e + 2
    out.append(text[pos:])
    return "".join(out)


def _postgres_lexed(text: str, standard_strings: bool = True) -> str:
    """*text* as PostgreSQL lexes it, in a form sqlparse reads the same way (same length, so offsets hold).

    Two places where sqlparse's lexer reads differently from the server: block comments nest in
    PostgreSQL (`/* /* */ DROP … */` is one comment; `/* /* */ */ DROP` runs the DROP), and in a standard
    string a backslash is an ordinary character (`'C:\\'` ends at the second quote; sqlparse reads `\\'` as
    an escaped quote and runs the string on over the statements after it). Comments become blanks (newlines
    kept); a backslash in a standard string becomes `/`. E'…' strings keep their escapes; quoted identifiers,
    dollar quotes and psql meta-commands (a backslash outside quotes, to the end of its line) are kept as written.
    For SQL whose server is not known (an MCP tool's argument) only the comments are read this way: a
    backslash in a string is an escape in MySQL.
    """
    if "/*" not in text and "\\" not in text:
        return text
    out = list(text)
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c == "-" and text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c == "/" and text.startswith("/*", i):
            depth, j = 0, i
            while j < n:
                if text.startswith("/*", j):
                    depth += 1
                    j += 2
                elif text.startswith("*/", j):
                    depth -= 1
                    j += 2
                    if depth == 0:
                        break
                else:
                    j += 1
            for k in range(i, min(j, n)):
                if out[k] != "\n":
                    out[k] = " "
            i = j
        elif c == "'":
            escapes = not standard_strings or (i > 0 and text[i - 1] in "eE" and not (i > 1 and (text[i - 2].isalnum() or text[i - 2] == "_")))
            j = i + 1
            while j < n:
                if escapes and text[j] == "\\":
                    j += 2
                    continue
                if text[j] == "'":
                    if text.startswith("''", j):
                        j += 2
                        continue
                    break
                if text[j] == "\\" and standard_strings:
                    out[j] = "/"
                j += 1
            i = j + 1
        elif c == '"':
            j = text.find('"', i + 1)
            i = n if j < 0 else j + 1
        elif c == "$":
            k = i + 1
            while k < n and (text[k].isalpha() or text[k] == "_" or (k > i + 1 and text[k].isdigit())):
                k += 1
            if k >= n or text[k] != "$" or (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")):
                i += 1  # $1, a name with a dollar: no quote
                continue
            tag = text[i : k + 1]
            j = text.find(tag, k + 1)
            i = n if j < 0 else j + len(tag)
        elif c == "\\":
            j = text.find("\n", i)
            i = n if j < 0 else j  # a psql meta-command: its own quoting, to the end of the line
        else:
            i += 1
    return "".join(out)


# sqlite3's dot-commands (shell.c, 3.4x). It takes abbreviations, each command with its own rule; an abbreviation
# is read here as the riskiest command it can stand for, so `.sys` and `.sh` are `.system`/`.shell`.
_SQLITE_DOTS = [
    "shell",
    "system",
    "output",
    "once",
    "excel",
    "log",
    "import",
    "read",
    "backup",
    "save",
    "archive",
    "auth",
    "bail",
    "binary",
    "cd",
    "changes",
    "check",
    "clone",
    "connection",
    "crlf",
    "databases",
    "dbconfig",
    "dbinfo",
    "dbtotxt",
    "dump",
    "echo",
    "eqp",
    "exit",
    "expert",
    "explain",
    "filectrl",
    "fullschema",
    "headers",
    "help",
    "imposter",
    "indexes",
    "intck",
    "iotrace",
    "limit",
    "lint",
    "load",
    "mode",
    "nonce",
    "nullvalue",
    "open",
    "parameter",
    "print",
    "progress",
    "prompt",
    "quit",
    "recover",
    "restore",
    "scanstats",
    "schema",
    "separator",
    "session",
    "sha3sum",
    "show",
    "stats",
    "tables",
    "timeout",
    "timer",
    "trace",
    "unmodule",
    "version",
    "vfsinfo",
    "vfslist",
    "vfsname",
    "width",
]


def _sqlite_dot(word: str) -> str:
    name = word[1:]
    if not name or name in _SQLITE_DOTS:
        return word
    return "." + next((d for d in _SQLITE_DOTS if d.startswith(name)), name)


def _sqlite_args(rest: str) -> list[str]:
    """A dot-command's arguments as sqlite3 splits them: blanks between, '…' and "…" quote."""
    out: list[str] = []
    i, n = 0, len(rest)
    while i < n:
        if rest[i].isspace():
            i += 1
            continue
        q = rest[i] if rest[i] in "'\"" else ""
        j = rest.find(q, i + 1) if q else i
        if q:
            j = n if j < 0 else j
            out.append(rest[i + 1 : j])
            i = j + 1
            continue
        while j < n and not rest[j].isspace():
            j += 1
        out.append(rest[i:j])
        i = j
    return out


def _psql_unquote(arg: str) -> str:
    """A psql meta-command's arguments as psql reads them: '…' quoted parts joined ('' a quote, \\x escapes kept)."""
    out: list[str] = []
    i, n = 0, len(arg)
    while i < n:
        c = arg[i]
        if c == "'":
            j = i + 1
            while j < n:
                if arg.startswith("''", j):
                    out.append("'")
                    j += 2
                elif arg[j] == "\\" and j + 1 < n:
                    out.append(arg[j + 1])
                    j += 2
                elif arg[j] == "'":
                    break
                else:
                    out.append(arg[j])
                    j += 1
            i = j + 1
        elif c.isspace():
            i += 1  # \set joins its arguments without separators
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _psql_interpolated(text: str) -> str:
    r"""*text* with psql's variables put in as psql does before sending it: `\set q 'DROP TABLE t'` then `:q`,
    `:'v'` (a literal) and `:"v"` (an identifier). Variables set on the command line (`psql -v`) reach here as
    `\set` lines (shell/sqlclients.py). Strings, quoted names, dollar quotes and comments are left alone, as psql does."""
    if ":" not in text or "\\set" not in text:
        return text
    variables: dict[str, str] = {}
    out: list[str] = []
    size = 0
    n = len(text)
    i = 0
    start = 0
    while i < n:
        c = text[i]
        if c == "-" and text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c == "'" or c == '"':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if (c == "'" and text[j] == "\\" and i > 0 and text[i - 1] in "eE") else 1
            i = j + 1
        elif c == "\\":
            j = text.find("\n", i)
            j = n if j < 0 else j
            head, _, rest = text[i:j].partition(" ")
            if head == "\\set":
                name, _, value = rest.strip().partition(" ")
                if name and len(variables) < MAX_COMMANDS:
                    variables[name] = _psql_unquote(value.strip())
            i = j
        elif c == ":" and i + 1 < n and text[i + 1] != ":" and (i == 0 or text[i - 1] != ":"):
            q = text[i + 1] if text[i + 1] in "'\"" else ""
            k = i + 1 + len(q)
            m = k
            while m < n and (text[m].isalnum() or text[m] == "_"):
                m += 1
            name = text[k:m]
            if name in variables and (not q or text[m : m + 1] == q):
                value = variables[name]
                if q == "'":
                    value = "'" + value.replace("'", "''") + "'"
                elif q == '"':
                    value = '"' + value.replace('"', '""') + '"'
                out.append(text[start:i])
                out.append(value)
                size += i - start + len(value)
                i = m + len(q)
                start = i
                if size > MAX_CHARS:
                    break  # read up to the bound: the caller cuts the text there
            else:
                i += 1
        else:
            i += 1
    out.append(text[start:])
    return "".join(out)


@functools.lru_cache(maxsize=64)
def read(text: str, client: str = "") -> Script:
    """What *text* does when handed to *client* (a program name or dialect; "" for a server or driver)."""
    dialect = CLIENT_DIALECTS.get(client, client if client in (PSQL, MYSQL, SQLITE) else "")
    budget = _Budget()
    reader = _Reader(dialect, budget)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        reader.script.truncated = True
    try:
        text = _executable_comments(text)
        if dialect == PSQL:
            text = _psql_interpolated(text)
            if len(text) > MAX_CHARS:
                text = text[:MAX_CHARS]
                reader.script.truncated = True
        if dialect in (PSQL, ""):
            text = _postgres_lexed(text, standard_strings=dialect == PSQL)
        if dialect == MYSQL:
            text = _mysql_delimited(text)
        reader.run(text)
    except RecursionError:  # pragma: no cover - bounded by MAX_NESTING
        reader.script.truncated = True
    if budget.out:
        reader.script.truncated = True
    return reader.script


def looks_like_sql(text: str) -> bool:
    """Whether *text* starts with a SQL statement (after comments): a string worth reading as SQL."""
    return _looks_like_sql(text[:400])


_FIRST_WORD = re.compile(r"\w+")


# The answer depends on the first 400 characters alone: a head seen before is not lexed again (issue 16, adv16: an MCP
# call of 100 strings of quotes was 25,600 lexings of the same 200 characters, ~350 ms).
@functools.lru_cache(maxsize=1024)
def _looks_like_sql(text: str) -> bool:
    text = text.lstrip()
    if text[:1].isalpha():
        if _FIRST_WORD.match(text).group().upper() not in _STARTS:  # type: ignore[union-attr]  # (a letter matches)
            return False  # the first token is that word, or a part of it that a word character follows: not a statement's
    elif text[:1] not in ("-", "/"):
        return False  # no word or comment first: the first token is not a statement's word (a string of quotes: no lexing)
    head = _postgres_lexed(text[:200], standard_strings=False)  # comments nest: /* /* */ */ DROP
    budget = _Budget()
    for ttype, value, at in _tokens(head, 0, budget):
        for tok in _classify(ttype, value, at):
            if tok.cls != W:
                return False
            if tok.up not in _STARTS:
                return False
            nxt = head[tok.end : tok.end + 1]
            return nxt == "" or nxt.isspace() or nxt in ";(/-*"
    return False


def sql_pieces(text: str, limit: int = 16) -> list[str]:
    """The parts of a string that start like SQL: the whole string, or a quoted argument or line inside it.

    `SELECT …` is SQL; so are `DROP TABLE x` in `psql -c 'DROP TABLE x'` (a command line sent to an MCP
    tool) and a line of a multi-line message that starts a statement.  Prose that only mentions the words
    (`never drop table users`) starts no piece.
    """
    if looks_like_sql(text):
        return [text]
    pieces: list[str] = []
    size = 0
    for k, m in enumerate(_PIECE_START.finditer(text)):
        if k >= 256 or len(pieces) >= limit or size >= MAX_CHARS:
            break  # bounded: a string of quotes is not read 100 000 times
        quote = m.group() if m.group() in "'\"" else ""
        start = m.end()
        if looks_like_sql(text[start : start + 200]):
            end = text.find(quote, start) if quote else -1
            if end > start:
                pieces.append(text[start:end])
                size += end - start
            else:
                pieces.append(text[start:])  # the rest of the string: it holds every later start too
                break
    return pieces
