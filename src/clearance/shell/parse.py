"""From bash source text to the list of simple commands that will run.

tree-sitter-bash gives the syntax tree; this module walks it and evaluates
words statically (quotes, escapes, ``$'..'``, brace expansion, literal
variables, ``~``), keeping a placeholder for what only the running shell knows.
It records, for every command, the pipeline feeding its stdin, its redirects,
here-documents and the directory it runs in (``cd`` is followed).
"""

from __future__ import annotations

from .. import pathstr
from ..paths import DYN, resolve
from .ir import BASH_BUILTINS, CHANNEL_VARIABLES, NOT_RUN, Redirect, SimpleCommand, Word, command_variable
from .limits import PARSE_DEADLINE as PARSE_DEADLINE
from .limits import ParseFailure as ParseFailure
from .limits import ParseTimeout as ParseTimeout
from .limits import TooLarge as TooLarge
from .outputs import pipeline_output
from .plain import MAX_PLAIN
from .plain import tree as plain_tree
from .treesitter import parser

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_SOURCE = 100_000  # characters; longer input is not analysed
MAX_DEPTH = 150  # syntax-tree nesting
MAX_COMMANDS = 2_000


_REPARSING = frozenset({"eval", "source", ".", "bash", "sh", "zsh", "dash", "ksh", "exec", "command", "builtin", "xargs", "env"})
_KEEP_WHEN_SET = frozenset({":?", "?", ":-", "-", ":=", "="})
# Operators of ${NAME OP word} whose value follows from whether NAME is set (and not null, with the colon).
_ALT_OPS = frozenset({":+", "+", ":-", "-", ":=", "="})
_UNSET = "\0unset"
# The defaults `${TMPDIR:-…}` gives that are the temp directory too (see _expansion).
_TEMP_DEFAULTS = frozenset({"/tmp", "/var/tmp", "/private/tmp"})
_DEFAULT_OPS = frozenset({":-", "-", ":=", "=", ":+", "+"})


_CHUNK = 1 << 16
# Shorter sources parse in well under the budget whatever they hold (4 KB of `a|`: ~0.15 s).
_TIMED_PARSE_MIN = 4096
MAX_PIPES = 1000
PRECHECK_MIN = 1024  # characters; shell/precheck.py runs on longer commands
# Syntax-tree nodes clearance walks (about 3 µs each): the largest command of the evaluation sets has
# 298, the largest of 867 system shell scripts about 8 000 (/usr/bin/ucf, 41 KB); bench/worst_case.py.
MAX_NODES = 15_000


class Script:
    """Result of parsing: the commands, and anything that hid from the analysis."""

    __slots__ = ("commands", "problems")

    def __init__(self) -> None:
        self.commands: list[SimpleCommand] = []
        # (rule id, message): constructs the analyser could not see through.
        self.problems: list[tuple[str, str]] = []


_IDENT_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_IDENT_REST = _IDENT_START | frozenset("0123456789")


def _text_refs(text: str) -> tuple[list[str], bool, bool]:
    """The variables *text* names (``$x``, ``${x…}``), whether it names a positional parameter (``$1``, ``$@``,
    ``${#}``) and whether it holds an expansion clearance cannot follow (``${!x}``: the variable whose name x holds).

    Single-quoted text and ``\\$`` expand nothing (`awk '{print $1}'`), except in text holding a here-document,
    whose body reads a quote as a character: there every ``$`` counts."""
    names: list[str] = []
    positional = indirect = False
    quotes = "<<" not in text
    i, n = 0, len(text)
    dq = False
    while i < n:
        ch = text[i]
        if ch == "\\" and quotes:
            i += 2
            continue
        if ch == "'" and quotes and not dq:
            end = text.find("'", i + 1)
            i = n if end < 0 else end + 1
            continue
        if ch == '"':
            dq = not dq
        if ch != "$":
            i += 1
            continue
        i += 1
        if i < n and text[i] == "{":
            i += 1
            if i < n and text[i] == "!":
                indirect = True
            while i < n and text[i] in "#!":
                i += 1
        if i < n and text[i] in _IDENT_START:
            j = i + 1
            while j < n and text[j] in _IDENT_REST:
                j += 1
            names.append(text[i:j])
            i = j
        elif i < n and text[i] in "0123456789@*#":
            positional = True
    return names, positional, indirect


# One-way digests: what is piped into them does not come out (`h=$(echo -n "$pw" | sha256sum | cut -c1-64)`).
_DIGESTS = frozenset({"md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "b2sum", "b3sum", "shasum", "cksum", "md5", "sha256", "sha512"})


def _digest_tail(node: Any) -> str | None:
    """For a value that is one `$( … | DIGEST | … )`, the text of the pipeline from the digest on (what the value is
    made of: the digest's output and what the later commands add), else None."""
    if node.type != "command_substitution":
        return None
    inner = [k for k in node.children if k.is_named]
    if len(inner) != 1 or inner[0].type != "pipeline":
        return None
    elements = [k for k in inner[0].children if k.is_named]
    for i in range(len(elements) - 1, 0, -1):
        e = elements[i]
        if e.type != "command":
            continue
        name = e.child_by_field_name("name")
        words = [_text(k) for k in e.children if k.is_named]
        if name is not None and (_text(name) in _DIGESTS or words[:2] == ["openssl", "dgst"]):
            return " ".join(_text(k) for k in elements[i:])
    return None


def _settable(value: str) -> str | None:
    """The variable a command word may set: the word is a name (`read TOKEN`, `mapfile TOKEN`), an option glued
    to one (`printf -vTOKEN`) or an assignment (`eval TOKEN=…`, `let TOKEN+=1`, `declare TOKEN[0]=…`)."""
    if value.startswith("-v"):
        value = value[2:]
    end = 0
    while end < len(value) and value[end] in _IDENT_REST:
        end += 1
    if not end or value[0] not in _IDENT_START or (end < len(value) and value[end] not in "=+["):
        return None
    return value[:end]


# Nodes that leave a command's standard input the script's own: a list (`a && b`, `a; b`), `! cmd`, the command's
# own redirections (judged on the command).  A pipe, loop, group, subshell, function body, substitution or
# here-document around a command may give it other input.
_SAME_INPUT = frozenset({"program", "list", "negated_command", "redirected_statement"})


def _tool_input(node: Any) -> bool:
    """Whether the command at *node* reads the standard input of the whole script (see SimpleCommand.ownstdin)."""
    n = node.parent
    while n is not None:
        if n.type not in _SAME_INPUT:
            return False
        n = n.parent
    return True


class _State:
    __slots__ = (
        "vars",
        "cwd",
        "home",
        "script",
        "level",
        "env",
        "source",
        "exported",
        "sources",
        "outer_refs",
        "opaque",
        "export_names",
        "namerefs",
        "cond",
        "cased",
        "locals",
        "hashed",
        "disabled",
        "unset",
        "readonly",
        "fds",
        "fd_openers",
        "physical",
        "traps",
        "read_write",
        "stdin_moved",
    )

    def __init__(self, cwd: str | None, home: str, script: Script, level: int, env: dict[str, str]) -> None:
        self.vars: dict[str, str] = {}
        # An `exec` with redirections ran: the script's own descriptors (its standard input among them) may be others
        # from then on.
        self.stdin_moved = False
        # Each `trap` command with the variables known when it ran (see _bind_traps).
        self.traps: list[tuple[SimpleCommand, dict[str, str]]] = []
        # Byte offsets of the `<>` operators read as `< ` (tree-sitter-bash has no `<>`; _read_write_redirects).
        self.read_write: frozenset[int] = frozenset()
        # Variables this script exports: the environment of every later command (export PIP_INDEX_URL=…; pip install).
        self.exported: dict[str, str] = {}
        # Names given the export attribute before they had a value (`export NAME; NAME=x`): later assignments export.
        self.export_names: set[str] = set()
        # declare -n REF=NAME: assigning REF assigns NAME.
        self.namerefs: dict[str, str] = {}
        # Per function being read: the values its `local` (and declare/typeset) names had outside it, put back after.
        self.locals: list[dict[str, str | None]] = []
        # readonly NAME: later assignments and unset fail, the value stays.
        self.readonly: set[str] = set()
        # Names `unset` here (and not assigned since): known to be unset.
        self.unset: set[str] = set()
        # `hash -p PATH NAME`: NAME runs PATH from then on (a builtin of that name first, unless `enable -n` took it);
        # assigning PATH or `hash -r` empties the table.
        self.hashed: dict[str, Word] = {}
        self.disabled: set[str] = set()
        # declare -l / -u NAME: NAME's values are lower- / upper-cased.
        self.cased: dict[str, str] = {}
        # Depth of code that may not run (a branch of an if or case, a loop body, the right of && or ||).
        self.cond = 0
        # `set -P` / `set -o physical`: every later cd walks links physically (as `cd -P`).
        self.physical = False
        self.cwd = cwd
        self.home = home
        self.script = script
        self.level = level  # nesting of re-parsed strings (bash -c, eval, ...)
        self.env = env
        self.source = b""
        # Where the value of a variable this script assigned came from: the variables of the environment its
        # text names (`h=$(echo -n "$pw" | sha256sum)`: those of $pw). A variable named here stands for them.
        self.sources: dict[str, tuple[str, ...]] = {}
        self.outer_refs: tuple[str, ...] | None = None  # see _Walker.outer_refs
        # Variables set some way other than an assignment (a loop, `read X`, `printf -v X`): their values come from
        # where clearance does not follow, so what is assigned from them keeps standing for itself. None: any variable
        # (after `source`, `eval`).
        self.opaque: set[str] | None = set()
        # Descriptors 3 and up that `exec` opened here (None once closed), and the exec redirect that opened each one
        # while nothing has used it in a way clearance cannot follow (`>&$fd`): closed unused, it sent nothing.
        self.fds: dict[str, Redirect | None] = {}
        self.fd_openers: dict[str, tuple[SimpleCommand, Redirect]] = {}


_ANSI = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "e": "\x1b", "E": "\x1b", "\\": "\\", "'": "'", '"': '"', "?": "?"}


def decode_ansi_c(body: str) -> str:
    """Decode the inside of a ``$'...'`` word as bash does."""
    out: list[str] = []
    i, n = 0, len(body)
    while i < n:
        c = body[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        i += 2
        if e in _ANSI:
            out.append(_ANSI[e])
        elif e == "x":
            j = i
            while j < n and j < i + 2 and body[j] in "0123456789abcdefABCDEF":
                j += 1
            out.append(chr(int(body[i:j], 16)) if j > i else "\\x")
            i = j
        elif e in "uU":
            width = 4 if e == "u" else 8
            j = i
            while j < n and j < i + width and body[j] in "0123456789abcdefABCDEF":
                j += 1
            try:
                out.append(chr(int(body[i:j], 16)) if j > i else "\\" + e)
            except (ValueError, OverflowError):
                out.append("?")
            i = j
        elif e in "01234567":
            j = i - 1
            while j < n and j < i + 2 and body[j] in "01234567":
                j += 1
            out.append(chr(int(body[i - 1 : j], 8) & 0xFF))
            i = j
        elif e == "c" and i < n:
            out.append(chr(ord(body[i]) & 0x1F))
            i += 1
        else:
            out.append("\\" + e)
    return "".join(out)


_PROTECT = str.maketrans({"{": "\ue0fb", ",": "\ue0fc", "}": "\ue0fd"})
_UNPROTECT = str.maketrans({"\ue0fb": "{", "\ue0fc": ",", "\ue0fd": "}"})


def _protected(value: str, flags: dict[str, bool]) -> str:
    return value.translate(_PROTECT) if flags["protect"] else value


def _unescape_unquoted(text: str, protect: bool = False) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            if text[i + 1] != "\n":
                out.append(text[i + 1].translate(_PROTECT) if protect else text[i + 1])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _unescape_dquoted(text: str) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in '$`"\\\n':
            if text[i + 1] != "\n":
                out.append(text[i + 1])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def expand_braces(value: str, limit: int = 64) -> list[str]:
    """Bash brace expansion of one word: ``{a,b}c`` -> ``ac bc``; ``{1..3}``."""
    start = value.find("{")
    if start == -1:
        return [value]
    depth = 0
    for j in range(start, len(value)):
        ch = value[j]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                inner = value[start + 1 : j]
                pre, post = value[:start], value[j + 1 :]
                alts = _split_top(inner)
                if len(alts) < 2:
                    seq = _sequence(inner)
                    if seq is None:
                        rest = expand_braces(post, limit)
                        return [pre + "{" + inner + "}" + r for r in rest][:limit]
                    alts = seq
                out: list[str] = []
                for a in alts:
                    for r in expand_braces(pre + a + post, limit):
                        out.append(r)
                        if len(out) >= limit:
                            return out
                return out
    return [value]


def _split_top(inner: str) -> list[str]:
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in inner:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def _sequence(inner: str) -> list[str] | None:
    a, sep, b = inner.partition("..")
    if not sep or ".." in b:
        return None
    if a.lstrip("-").isdigit() and b.lstrip("-").isdigit():
        x, y = int(a), int(b)
        step = 1 if y >= x else -1
        if abs(y - x) > 64:
            return [str(x), DYN]
        return [str(i) for i in range(x, y + step, step)]
    if len(a) == 1 and len(b) == 1:
        x, y = ord(a), ord(b)
        step = 1 if y >= x else -1
        return [chr(i) for i in range(x, y + step, step)]
    return None


def _text(node: Any) -> str:
    t: bytes = node.text
    return t.decode("utf-8", "replace")


_POSITIONAL = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "#", "@", "*")
# How often one function's body is read with the words of a call; past that it is read once with unknown words.
_CALLS_READ = 8


class _Walker:
    def __init__(self, st: _State) -> None:
        self.st = st
        self.pending: list[Any] = []
        # Functions the script defines: the body and the directory it was defined in. A body is read where the
        # function is called, with the call's words as $1, $2 …; bodies no call reached (called through a
        # wrapper, xargs, another shell, or never) are read once at the end with their parameters unknown.
        self.functions: dict[str, tuple[Any, str | None]] = {}
        self.calls: dict[str, int] = {}
        self.active: set[str] = set()
        self.generic: set[str] = set()
        # While a body is read for a call: the environment variables its words name (what $1, $2 … are made of).
        self.arg_sources: tuple[str, ...] | None = None
        # Whether code that cannot run as written is marked (NOT_RUN): the tool call's own line only, never a file a
        # later command may source or call into.  The byte spans of the line's function definitions.
        self.mark_inert = False
        self.def_spans: list[tuple[int, int]] = []
        self._plain: bool | None = None

    def _mark(self, start: int, why: str) -> None:
        label = why + NOT_RUN
        for c in self.st.script.commands[start:]:
            if label not in c.via:
                c.via = (*c.via, label)

    def _outside_definitions(self) -> bytes:
        data: bytes = self.st.source or b""
        out, at = [], 0
        for a, b in sorted(self.def_spans):
            if a >= at:
                out.append(data[at:a])
                at = b
        out.append(data[at:])
        return b" ".join(out)

    def plain_line(self) -> bool:
        """No construct that can change what a name runs or call a function by a name computed at run time: no
        expansion or substitution, eval, source, trap, alias, enable, shopt, declare/typeset (-f, -F) or compgen."""
        if self._plain is None:
            rest = self._outside_definitions()
            words = set(rest.replace(b";", b" ").replace(b"&", b" ").replace(b"|", b" ").replace(b"(", b" ").split())
            self._plain = b"$" not in rest and b"`" not in rest and not words & _DYNAMIC_CALLERS
        # A function named false, true, : or exit (defined so far) changes what those do.
        return self._plain and not any(n in self.functions for n in ("false", "true", ":", "exit", "["))

    def uncallable(self, name: str) -> bool:
        """A function no call in the line can reach: its name appears nowhere outside the definitions, the line calls
        nothing by a computed name, and bash or zsh do not call it by themselves (command_not_found_handle, chpwd …)."""
        if name in _IMPLICIT_FUNCTIONS or name.startswith("TRAP"):
            return False
        return self.plain_line() and name.encode() not in self._outside_definitions()

    def define(self, node: Any) -> None:
        name_node = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name_node is None or body is None:
            for c in node.children:
                if c.is_named:
                    self.walk(c, 1, None)
            return
        name = _text(name_node)
        self.def_spans.append((node.start_byte, node.end_byte))
        if name in self.functions and self.calls.get(name, 0) == 0 and name not in self.generic:
            self._plain = None
            self.read_body(name, None, 1)  # redefined before any call: the first body is read as never called
        self.functions[name] = (body, self.st.cwd)
        self.calls[name] = 0
        self.generic.discard(name)

    def call(self, name: str, args: list[Word] | None, depth: int) -> None:
        """Read the body of function *name* for a call with *args* (None: words only known at run time)."""
        n = self.calls.get(name, 0)
        if name in self.active or n >= _CALLS_READ:
            if name not in self.generic:
                self.read_body(name, None, depth)
            return
        self.calls[name] = n + 1
        self.read_body(name, args, depth)

    def read_body(self, name: str, args: list[Word] | None, depth: int) -> None:
        body, cwd = self.functions[name]
        st = self.st
        saved = {k: st.vars[k] for k in _POSITIONAL if k in st.vars}
        for k in _POSITIONAL:
            st.vars.pop(k, None)
        if args is None:
            self.generic.add(name)
            saved_cwd = st.cwd
            st.cwd = cwd
        else:
            for n in range(9):
                st.vars[str(n + 1)] = args[n].value if n < len(args) else ""
            st.vars["#"] = str(len(args))
        saved_sources = self.arg_sources
        self.arg_sources = None if args is None else self.words_sources(args)
        self.active.add(name)
        st.locals.append({})  # what the body declares local is the caller's again after it returns
        try:
            self.walk(body, depth + 1, None)
        finally:
            for k, old in st.locals.pop().items():
                if old is None:
                    st.vars.pop(k, None)
                else:
                    st.vars[k] = old
            self.arg_sources = saved_sources
            self.active.discard(name)
            for k in _POSITIONAL:
                st.vars.pop(k, None)
            st.vars.update(saved)
            if args is None:
                st.cwd = saved_cwd

    def words_sources(self, words: list[Word]) -> tuple[str, ...]:
        """The environment variables the text of *words* names, each variable this script assigned standing for its
        own sources (the same reading as record_sources)."""
        found: list[str] = []
        for w in words:
            found.extend(w.vars)
            names, positional, _indirect = _text_refs(w.raw)
            for n in names:
                found.extend(self.st.sources.get(n, (n,)))
            if positional:
                found.extend(self.arg_sources if self.arg_sources is not None else self.outer_refs() if self.st.level == 0 else (DYN,))
        return tuple(dict.fromkeys(found))

    def finish(self) -> None:
        """Read the bodies no call reached, with their parameters unknown."""
        for _ in range(len(self.functions) + 8):
            left = [n for n in self.functions if self.calls.get(n, 0) == 0 and n not in self.generic]
            if not left:
                return
            for name in left:
                start = len(self.st.script.commands)
                self.read_body(name, None, 1)
                if self.mark_inert and self.uncallable(name):
                    self._mark(start, f"function {name}, which nothing calls")

    def trailing(self, cmd: SimpleCommand, nodes: list[Any], depth: int) -> None:
        """Handle the nodes tree-sitter nested inside a here-document redirect of *cmd*."""
        upstream = [cmd]
        for n in nodes:
            if n.type in ("file_redirect", "herestring_redirect", "heredoc_redirect"):
                cmd.redirects = [*cmd.redirects, self.redirect(n, depth)]
            elif n.type == "pipeline":
                for c in n.children:
                    if c.is_named:
                        start = len(self.st.script.commands)
                        self.walk(c, depth + 1, list(upstream))
                        produced = self.st.script.commands[start:]
                        for p in upstream:
                            p.piped = True
                        upstream = upstream + produced
            elif n.type in ("command", "redirected_statement") and upstream[-1] is cmd and n.prev_sibling is not None and n.prev_sibling.type == "|":
                self.walk(n, depth + 1, [cmd])
                cmd.piped = True
            else:
                self.walk(n, depth + 1, None)

    # -- words ---------------------------------------------------------------

    def word(self, node: Any, depth: int, protect: bool = False, unsplit: bool = False) -> Word:
        """Evaluate one word; with *protect*, quoted and escaped ``{``, ``,``, ``}``
        (and those from expansions) come back as stand-ins brace expansion skips."""
        if depth <= MAX_DEPTH and node.type == "word":
            # Most words are plain: what _eval makes of one, without the bookkeeping substitutions need.
            raw = _text(node)
            value = _unescape_unquoted(raw, protect)
            if "[" in value:
                self.subscript_code(value)
            return Word(value, raw)
        subs: list[SimpleCommand] = []
        vars_: list[str] = []
        # unsplit: a context bash does not split into words (the value of an assignment).
        flags = {"procsub": False, "quoted": False, "protect": protect, "in_dq": unsplit}
        value = self._eval(node, depth, subs, vars_, flags)
        if "[" in value and flags["quoted"]:
            self.subscript_code(value)
        return Word(value, _text(node), subs, flags["procsub"], tuple(vars_), flags["quoted"])

    def subscript_code(self, value: str) -> None:
        """A word that spells an array element whose subscript runs a command: `'a[$(rm -rf ~)]'`.

        Bash evaluates a subscript as arithmetic wherever it takes the word as a variable name (`test -v`,
        `[[ -v ]]`, `read`, `printf -v`, `declare`, a nameref) or meets a variable holding it in arithmetic
        (`i='a[$(cmd)]'; (( i ))`, `$((i))`, `let i`, `[[ $i -eq 1 ]]`): the substitution in it runs, quoted or not.
        The subscript is judged as the command it runs, wherever such a word appears.
        """
        inner = _subscript_with_code(value)
        if inner is not None:
            self.evaluated_later(inner, "an array subscript bash evaluates")

    def evaluated_later(self, text: str, why: str) -> None:
        """Text bash expands as a double-quoted string later (a subscript, a prompt string): its substitutions are judged as typed."""
        st = self.st
        if DYN in text:
            st.script.problems.append(("shell.dynamic-code", f"{why} holds code built at run time; clearance cannot see what it does"))
            text = text.replace(DYN, "${__clearance_dynamic}")
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        try:
            inner = parse(f': "{quoted}"', st.cwd, st.home, st.env, st.level + 1, dict(st.vars))
        except ParseFailure as e:
            st.script.problems.append(("shell.parse-error", f"{why}: {e}"))
            return
        st.script.problems.extend(inner.problems)
        for c in inner.commands:
            if c.argv and c.argv[0].value == ":" and not c.assigns:
                continue
            c.via = (why, *c.via)
            st.script.commands.append(c)

    def _var(self, name: str) -> str:
        st = self.st
        name = st.namerefs.get(name, name)  # declare -n REF=NAME: $REF reads NAME
        if name in st.vars:
            return st.vars[name]
        if name == "HOME":
            return st.home
        if name == "PWD":
            return st.cwd if st.cwd is not None else DYN
        if name in st.env:
            return st.env[name]
        return DYN

    def _eval(self, node: Any, depth: int, subs: list[SimpleCommand], vars_: list[str], flags: dict[str, bool]) -> str:
        if depth > MAX_DEPTH:
            raise TooLarge("the command is nested too deeply to analyse")
        t = node.type
        if t == "word":
            return _unescape_unquoted(_text(node), flags["protect"])
        if t == "number" or t == "file_descriptor":
            return _text(node)
        if t == "raw_string":
            flags["quoted"] = True
            return _protected(_text(node)[1:-1], flags)
        if t == "ansi_c_string":
            flags["quoted"] = True
            return _protected(decode_ansi_c(_text(node)[2:-1]), flags)
        if t in ("string", "translated_string"):
            flags["quoted"] = True
            parts: list[str] = []
            raw: bytes = node.text
            base = node.start_byte
            pos = 2 if raw.startswith(b'$"') else 1
            end = len(raw) - 1 if len(raw) > pos and raw.endswith(b'"') else len(raw)
            for c in node.children:
                ct = c.type
                if ct == '"' or ct == '$"':
                    continue
                # Text between the parts is content too: tree-sitter leaves blank-only content
                # (`" "`) to the closing quote's token.
                if c.start_byte - base > pos:
                    parts.append(_protected(_unescape_dquoted(raw[pos : c.start_byte - base].decode("utf-8", "replace")), flags))
                if ct == "string_content":
                    parts.append(_protected(_unescape_dquoted(_text(c)), flags))
                else:
                    outer, flags["in_dq"] = flags.get("in_dq", False), True
                    parts.append(_protected(self._eval(c, depth + 1, subs, vars_, flags), flags))
                    flags["in_dq"] = outer
                pos = max(pos, c.end_byte - base)
            if end > pos:
                parts.append(_protected(_unescape_dquoted(raw[pos:end].decode("utf-8", "replace")), flags))
            return "".join(parts)
        if t == "concatenation":
            return "".join(self._eval(c, depth + 1, subs, vars_, flags) for c in node.children)
        if t == "simple_expansion":
            name = _text(node)[1:]
            vars_.extend(self.st.sources.get(name, (name,)))
            return _protected(self._var(name), flags)
        if t == "expansion":
            return _protected(self._expansion(node, depth, subs, vars_, flags), flags)
        if t in ("command_substitution", "process_substitution"):
            if t == "process_substitution":
                flags["procsub"] = True
            inner = self.substitution(node, depth)
            subs.extend(inner)
            if t == "command_substitution":
                # `cat $(echo ~/.ssh/id_rsa)`, `"$(find ~/.aws -name credentials)"`: the word is what the
                # substitution prints when that is known (text, or some path under a root); unquoted text
                # that would split into several words stays unknown.
                out = pipeline_output(inner)
                if out is not None:
                    out = out.rstrip("\n")
                    if out and (DYN in out or flags.get("in_dq") or not any(ch in out for ch in " \t\n")):
                        return _protected(out, flags)
            return DYN
        if t == "arithmetic_expansion":
            subs.extend(self.substitution(node, depth))
            return DYN
        if t == "brace_expression":
            # `{1..3}`; tree-sitter folds an escape before it into its `{` token (`\${1..3}`).
            return "".join(
                self._eval(c, depth + 1, subs, vars_, flags) if c.is_named else _unescape_unquoted(_text(c), flags["protect"]) for c in node.children
            )
        if t in ("$", '"'):
            nxt = node.next_sibling
            while nxt is not None and nxt.type == "concatenation" and nxt.child_count:
                nxt = nxt.children[0]
            raw_tok: bytes = node.text
            if (
                t == "$"
                and raw_tok.endswith(b"$")
                and not raw_tok.endswith(b"\\$")
                and nxt is not None
                and nxt.type == "string"
                and nxt.start_byte == node.end_byte
            ):
                # $"..." is a (locale-translated) double-quoted string; tree-sitter may fold a prefix into the `$` token (`-$""`).
                return _unescape_unquoted(raw_tok[:-1].decode("utf-8", "replace"), flags["protect"])
            return _unescape_unquoted(_text(node), flags["protect"])
        # Anything else (extglob patterns, regexes, ...) is taken literally,
        # but substitutions inside it still run.
        for c in node.children:
            if c.type in ("command_substitution", "process_substitution"):
                subs.extend(self.substitution(c, depth + 1))
        return _text(node)

    def _var_state(self, name: str) -> str | None:
        """A variable's value when it is known to be set, "\0unset" when it is known not to be, None when unknown."""
        st = self.st
        if name not in st.vars and st.exported.get(name) == "":
            return _UNSET  # `unset x` (an empty export without an assignment is only written by unset)
        if name in st.vars or name in ("HOME", "PWD") or name in st.env:
            value = self._var(name)
            return None if DYN in value else value
        return None

    def _alternative(self, node: Any) -> str | None:
        """${NAME:+word}, ${NAME-word}, ...: the value of the expansion when NAME's state is known and the word is
        literal text (no expansion, quote or pattern in it), else None (the caller keeps its general reading)."""
        kids = node.children
        if len(kids) < 4 or kids[1].type != "variable_name" or kids[2].type not in _ALT_OPS or kids[-1].type != "}":
            return None
        name, op = _text(kids[1]), kids[2].type
        state = self._var_state(name)
        if state is None:
            return None
        word = "".join(_text(c) for c in kids[3:-1])
        if any(ch in word for ch in "$`\\\"'*?[{}") or "\n" in word:
            return None
        null = state == _UNSET or (op.startswith(":") and state == "")
        if op in (":+", "+"):
            return "" if null else word
        if not null:
            return state  # ${NAME-word}, ${NAME:=word}: the variable's own value
        if op in (":=", "="):
            self.st.vars[name] = word
        return word

    def _expansion(self, node: Any, depth: int, subs: list[SimpleCommand], vars_: list[str], flags: dict[str, bool]) -> str:
        # ${NAME}, ${NAME:-default}, ${NAME:=x}, ${#NAME}, ${NAME/x/y} ...
        if self._backquoted_operand(node):
            return DYN
        kids = node.children
        if len(kids) == 5 and kids[1].type == "variable_name" and kids[2].type in ("%", "%%", "#", "##") and kids[3].type in ("regex", "word"):
            value, pattern = self._var(_text(kids[1])), _text(kids[3])
            if DYN not in value and not any(ch in pattern for ch in "$`'\"\\[") and pattern:
                vars_.append(_text(kids[1]))
                return _trim(value, pattern, kids[2].type)
        if len(kids) >= 4 and kids[1].type == "variable_name" and kids[2].type in _DEFAULT_OPS and kids[-1].type == "}":
            picked = self._default_expansion(_text(kids[1]), kids[2].type, kids[3:-1], depth, subs, vars_, flags)
            if picked is not None:
                return picked
        alt = self._alternative(node)
        if alt is not None:
            vars_.append(_text(node.children[1]))
            return alt
        if (
            len(kids) == 5
            and kids[2].type == ":-"
            and _text(kids[1]) == "TMPDIR"
            and kids[3].type == "word"
            and _text(kids[3]).rstrip("/") in _TEMP_DEFAULTS
            and self._var_state("TMPDIR") is None
        ):
            # ${TMPDIR:-/tmp} where TMPDIR is not known (the team service, the eval replay): set and not empty it
            # names the temp directory (POSIX's definition of the variable), else the default does. Either way the
            # temp directory; mktemp (outputs.py) reads it the same way.
            vars_.append("TMPDIR")
            return _text(kids[3]).rstrip("/")
        if len(kids) == 4 and kids[1].type == "#" and kids[2].type == "variable_name" and kids[3].type == "}":
            # ${#NAME}: the length of NAME's value, a number; the value itself is not in the word.
            value = self._var(_text(kids[2]))
            return DYN if DYN in value else str(len(value))
        name = ""
        plain = True
        for c in node.children:
            if c.type == "variable_name":
                name = _text(c)
            elif c.type in ("${", "}"):
                continue
            elif name and plain and c.type in _KEEP_WHEN_SET and c.type == node.children[2].type:
                # ${HOME:?}, ${HOME:-x}: the variable's own value whenever it is set and known.
                known = self._var(name)
                if DYN not in known and known:
                    vars_.extend(self.st.sources.get(name, (name,)))
                    return known
                plain = False
            else:
                plain = False
                for cc in _descendants(c):
                    if cc.type in ("command_substitution", "process_substitution"):
                        subs.extend(self.substitution(cc, depth + 1))
        if name:
            if any(c.type in (":=", "=", "!") for c in node.children):
                # ${X:=$Y} assigns X; ${!X} is the variable whose name X holds: X stands for itself.
                self._set_opaque(name)
            vars_.extend(self.st.sources.get(name, (name,)))
        if name and plain:
            return self._var(name)
        kids = [c.type for c in node.children]
        if name and "@" in kids and kids[kids.index("@") + 1 : kids.index("@") + 2] == ["P"]:
            # ${x@P}: x's value is expanded as a prompt string, command substitutions included.
            self.evaluated_later(self._var(name), f"${{{name}@P}}")
        return DYN

    def _quoted_compound(self, node: Any, depth: int) -> None:
        """`declare -a 'a=($(cmd))'`, `local -a a='(…)'`, `declare -A 'm=([k]=$(cmd))'`: with -a or -A, bash re-reads a
        quoted compound assignment and expands its elements (bash 5.2 warns "quoted compound array assignment
        deprecated", and runs them). The quoted text is judged as the expansion it gets."""
        for c in node.children[1:]:
            if c.type == "variable_assignment" and len(c.children) >= 3 and c.children[-1].type in ("string", "raw_string"):
                value = self.word(c.children[-1], depth + 1).value
            elif c.type in ("string", "raw_string", "concatenation"):
                value = self.word(c, depth + 1).value.partition("=")[2]
            else:
                continue
            if value.startswith("(") and value.endswith(")") and ("$" in value or "`" in value):
                self.evaluated_later(value[1:-1], "a quoted compound array assignment")

    def _backquoted_operand(self, node: Any) -> bool:
        """A backquoted command in the operand of ``${…}`` (`${x:-`cmd`}`, `${x/a/`cmd`}`): tree-sitter-bash reads the
        operand as a plain word, bash runs the command when it expands the operand. Each one is judged as typed (as
        `$(cmd)` there is); the expansion's value is then only known at run time."""
        stack = list(node.children)
        while stack:
            n = stack.pop()
            if n.type in ("command_substitution", "process_substitution"):
                continue  # read by substitution(); a backquote inside it is its own text
            if n.type in ("word", "regex") and "`" in _text(n).replace("\\`", ""):
                break
            stack.extend(n.children)
        else:
            return False
        # The operand is every piece after the operator (a `$VAR` inside the backquotes splits it into several).
        kids = node.children
        op = next((k for k, c in enumerate(kids) if k > 0 and not c.is_named and c.type not in ("${", "}")), None)
        if op is None or kids[-1].type != "}":
            return False
        raw: bytes = node.text
        self.evaluated_later(
            raw[kids[op].end_byte - node.start_byte : kids[-1].start_byte - node.start_byte].decode("utf-8", "replace"), "a backquoted command in ${…}"
        )
        return True

    def _default_expansion(
        self, name: str, op: str, operand: list[Any], depth: int, subs: list[SimpleCommand], vars_: list[str], flags: dict[str, bool]
    ) -> str | None:
        """`${NAME:-WORD}`, `${NAME-WORD}`, `${NAME:=WORD}`, `${NAME=WORD}`, `${NAME:+WORD}`, `${NAME+WORD}` when whether
        NAME is set (and empty) is known here: the value or WORD, as bash picks (None when it is not known)."""
        target = self.st.namerefs.get(name, name)
        if target in self.st.unset:
            is_set, value = False, ""
        elif target in self.st.vars and DYN not in self.st.vars[target]:
            is_set, value = True, self.st.vars[target]
        else:
            return None
        vars_.append(name)
        colon = op.startswith(":")
        present = is_set and (bool(value) or not colon)
        if op.endswith("+"):
            use_word = present
        else:
            use_word = not present
        if not use_word:
            return value if not op.endswith("+") else ""
        word = "".join(self._eval(c, depth + 1, subs, vars_, flags) for c in operand)
        if op.endswith("="):
            self.st.vars[target] = word
            self.st.unset.discard(target)
            # what it is made of: `: ${TOKEN:=$GITHUB_TOKEN}` makes TOKEN a copy of the token (record_sources)
            self.record_sources(target, "".join(_text(c) for c in operand))
        return word

    def substitution(self, node: Any, depth: int) -> list[SimpleCommand]:
        """Walk the commands inside ``$( )``, backticks or ``<( )``; they run too."""
        saved_cwd = self.st.cwd
        saved_pending, self.pending = self.pending, []
        start = len(self.st.script.commands)
        for c in node.children:
            if c.type == "file_redirect":
                # `$(< FILE)`: bash's shorthand for `$(cat FILE)`, the file's contents.
                self.st.script.commands.append(SimpleCommand([Word("cat", "cat")], redirects=[self.redirect(c, depth)], cwd=self.st.cwd, text=_text(node)))
            elif c.is_named:
                self.walk(c, depth + 1, None)
        for n in self.pending:
            self.walk(n, depth + 1, None)
        self.pending = saved_pending
        self.st.cwd = saved_cwd
        inner = self.st.script.commands[start:]
        for c in inner:
            c.captured = True
        return inner

    # -- statements ----------------------------------------------------------

    def walk(self, node: Any, depth: int, pipe_src: list[SimpleCommand] | None) -> None:
        if depth > MAX_DEPTH:
            raise TooLarge("the command is nested too deeply to analyse")
        if len(self.st.script.commands) > MAX_COMMANDS:
            raise TooLarge("the command holds too many commands to analyse")
        t = node.type
        if t == "command":
            self.command(node, depth, pipe_src, [])
        elif t == "function_definition":
            self.define(node)
        elif t == "redirected_statement":
            self.redirected(node, depth, pipe_src)
        elif t == "pipeline":
            upstream: list[SimpleCommand] = list(pipe_src or [])
            elements = [c for c in node.children if c.is_named]
            for k, c in enumerate(elements):
                start = len(self.st.script.commands)
                self.walk(c, depth + 1, list(upstream) if upstream else None)
                produced = self.st.script.commands[start:]
                if k < len(elements) - 1:
                    for cmd in produced:
                        cmd.piped = True
                # A command whose standard output a redirection sends elsewhere (`curl URL > f | sh`) writes nothing
                # into the pipe: bash connects the pipe first, then performs the command's redirections.
                upstream.extend(cmd for cmd in produced if not _output_elsewhere(cmd))
        elif t == "variable_assignment":
            self.assignment(node, depth)
        elif t == "unset_command":
            # `unset HOME; claude …`: what follows runs without the variable (no longer the value clearance assumes).
            # `unset -f NAME` removes a function of that name, not the variable.
            if any(c.type == "word" and _text(c).startswith("-") and "f" in _text(c) for c in node.children[1:]):
                return
            for c in node.children[1:]:
                name = _text(c)
                if c.is_named:
                    self.word(c, depth + 1)  # unset 'a[$(cmd)]': the subscript is evaluated
                if c.type in ("variable_name", "word") and name.isidentifier() and name not in self.st.readonly:
                    self.st.exported[name] = ""  # absent: for what reads it, as good as empty
                    self.st.vars.pop(name, None)
                    self.st.sources.pop(name, None)
                    self.st.unset.add(name)
        elif t == "declaration_command" and _listing(node):
            # `declare -p`, `export -p`, `typeset -x`, bare `set`-like listings: a command that prints variables (the
            # environment among them) to its output, which a pipe or a redirection carries on.
            self.command(node, depth, pipe_src, [])
        elif t == "declaration_command":
            keyword = _text(node.children[0]) if node.children else ""
            global_ = any(c.type == "word" and _text(c).startswith("-") and "g" in _text(c) for c in node.children[1:])
            if self.st.locals and keyword in ("local", "declare", "typeset") and not global_:
                scope = self.st.locals[-1]
                for c in node.children:
                    local = _text(c.children[0]) if c.type == "variable_assignment" and c.children else _text(c) if c.type == "variable_name" else ""
                    if local.isidentifier() and local not in scope:
                        scope[local] = self.st.vars.get(local)
            flags = [_text(c) for c in node.children[1:] if c.type == "word" and _text(c).startswith("-")]
            exporting = keyword == "export" or (keyword in ("declare", "typeset") and any("x" in f for f in flags))
            if keyword == "export" and any("n" in f and not f.startswith("--") for f in flags):
                # `export -n NAME`: NAME keeps its value here but is no longer in the environment of what runs.
                exporting = False
                for c in node.children[1:]:
                    name = _text(c.children[0]) if c.type == "variable_assignment" and c.children else _text(c)
                    if c.type in ("variable_assignment", "variable_name", "word") and name.isidentifier():
                        self.st.exported.pop(name, None)
                        self.st.export_names.discard(name)
            making_readonly = keyword == "readonly" or (keyword in ("declare", "typeset") and any("r" in f and not f.startswith("--") for f in flags))
            nameref = keyword in ("declare", "typeset", "local") and any("n" in f and not f.startswith("--") for f in flags)
            for f in flags if keyword in ("declare", "typeset", "local") else ():
                # -l / -u: the variable's values are lower- or upper-cased on every assignment.
                case = "l" if "l" in f else "u" if "u" in f else ""
                if case and not f.startswith("--"):
                    for c in node.children:
                        if c.type == "variable_assignment" and c.children:
                            self.st.cased[_text(c.children[0])] = case
                        elif c.type in ("variable_name", "word") and _text(c).isidentifier():
                            self.st.cased[_text(c)] = case
            if any(("a" in f or "A" in f) and not f.startswith("--") for f in flags):
                self._quoted_compound(node, depth)
            # bash expands every word of a declaration before it assigns any: in `export A=rm B=$A`, B gets the old A.
            before = dict(self.st.vars)
            for c in node.children:
                if c.type == "variable_assignment" and nameref:
                    ref = _text(c.children[0]) if c.children else ""
                    target = _text(c).partition("=")[2].strip("'\"")
                    if ref.isidentifier() and target.isidentifier():
                        self.st.namerefs[ref] = target
                        self.st.sources.pop(ref, None)  # `local -n ref=TOKEN`: ref is another name for TOKEN
                    else:
                        self.subscript_code(target)  # `typeset -n r='a[$(cmd)]'; r=1`: the subscript runs at the assignment
                elif c.type == "variable_assignment":
                    now = self.st.vars
                    self.st.vars = dict(before)
                    try:
                        name, value = self.assignment(c, depth + 1)
                        got = self.st.vars.get(name, value) if name and name != DYN else value
                    finally:
                        self.st.vars = now
                    if name and name != DYN:
                        now[name] = got
                    if making_readonly and name and name != DYN:
                        self.st.readonly.add(name)
                    if exporting and name and name != DYN:
                        self.st.exported[name] = value
                        self.st.export_names.add(name)
                elif exporting and c.type in ("variable_name", "word") and _text(c) in self.st.vars:
                    self.st.exported[_text(c)] = self.st.vars[_text(c)]  # export NAME after NAME=value
                    self.st.export_names.add(_text(c))
                elif exporting and c.type in ("variable_name", "word") and _text(c).isidentifier():
                    self.st.export_names.add(_text(c))  # export NAME before any value: a later NAME=value exports
                elif c.is_named:
                    self.walk(c, depth + 1, None)
        elif t == "subshell":
            saved = self.st.cwd
            for c in node.children:
                if c.is_named:
                    self.walk(c, depth + 1, pipe_src)
            self.st.cwd = saved
        elif t in ("for_statement", "select_statement"):
            self.st.cond += 1
            try:
                self._for(node, depth)
            finally:
                self.st.cond -= 1
        elif t in ("command_substitution", "process_substitution", "arithmetic_expansion"):
            self.substitution(node, depth)
        elif t in ("word", "string", "concatenation", "raw_string", "expansion", "simple_expansion"):
            # Words in loops, case subjects, tests: evaluate for the substitutions they run.
            self.word(node, depth)
        elif t == "heredoc_body":
            self.heredoc_subs(node, depth)
        elif t == "comment":
            return
        else:
            cond = t in _MAY_NOT_RUN
            self.st.cond += cond
            dead = _dead_children(node, t) if self.mark_inert and t in _DEAD_PARENTS else {}
            if dead and not self.plain_line():
                dead = {}  # the line's text is read only where something would be marked
            try:
                for i, c in enumerate(node.children):
                    if c.is_named:
                        start = len(self.st.script.commands)
                        self.walk(c, depth + 1, pipe_src if t in ("negated_command", "compound_statement") else None)
                        if i in dead:
                            self._mark(start, dead[i])
            finally:
                self.st.cond -= cond

    def _for(self, node: Any, depth: int) -> None:
        var = ""
        items: list[str] | None = []
        for c in node.children:
            if c.type == "variable_name":
                var = _text(c)
                self.st.vars[var] = DYN
                self._set_opaque(var)
            elif c.type in ("do_group", "compound_statement"):
                if var and items and 1 < len(items) <= _LOOP_ITEMS and not any(DYN in i for i in items):
                    # `for d in build /etc; do rm -rf $d; done`: a few literal items, the body once for each.
                    for item in items:
                        self.st.vars[var] = item
                        self.walk(c, depth + 1, None)
                    continue
                if var:
                    # `for f in ~/.ssh/id_*; do cat $f; done`: one item (a glob stands for its matches), or
                    # some path under the items' common directory.
                    self.st.vars[var] = _loop_value(items) if items else DYN
                self.walk(c, depth + 1, None)
            elif c.is_named:
                if c.type in ("word", "string", "concatenation", "raw_string", "expansion", "simple_expansion", "command_substitution"):
                    w = self.word(c, depth + 1)
                    if items is not None:
                        items.append(w.value)
                else:
                    items = None
                    self.walk(c, depth + 1, None)

    def assignment(self, node: Any, depth: int) -> tuple[str, str]:
        name = ""
        value = ""
        for c in node.children:
            if c.type == "variable_name" and not name:
                name = _text(c)
            elif c.type == "subscript":
                name = DYN
                # a[$(cmd)]=1: the subscript's substitutions run.
                for cc in _descendants(c):
                    if cc.type in ("command_substitution", "process_substitution"):
                        self.substitution(cc, depth + 1)
            elif c.type not in ("=", "+="):
                value = self.word(c, depth + 1, unsplit=True).value
        name = self.st.namerefs.get(name, name)
        if name in self.st.cased and DYN not in value:
            value = value.lower() if self.st.cased[name] == "l" else value.upper()
        if name in CHANNEL_VARIABLES and self.st.cond and not value:
            # Emptied where it may not run: the value set before may still be the one the program sees.
            value = self.st.vars.get(name, "")
        if name in self.st.readonly:
            return name, self.st.vars.get(name, value)  # bash refuses: the value stays
        if name == "PATH":
            self.st.hashed.clear()  # bash empties its hash table when PATH is assigned
        if name and name != DYN:
            self.st.unset.discard(name)
            appended = "+=" in _text(node)[: len(name) + 2]
            self.st.vars[name] = value if not appended else DYN
            if name in self.st.export_names:
                self.st.exported[name] = self.st.vars[name]
            value_nodes = [c for c in node.children if c.type not in ("variable_name", "=", "+=")]
            digest = _digest_tail(value_nodes[0]) if len(value_nodes) == 1 else None
            self.record_sources(name, digest if digest is not None else _text(node)[len(name) + 1 :], appended)
            if command_variable(name):
                # EDITOR=…; export GIT_SSH_COMMAND=…: a command later programs run, judged where it is set.
                self.st.script.commands.append(SimpleCommand([Word(":", ":")], assigns={name: value}, cwd=self.st.cwd, text=_text(node)))
        if name == "IFS":
            self.st.script.problems.append(("shell.ifs-change", "the command changes IFS, so its words do not split the way they read"))
        return name, value

    def record_sources(self, name: str, text: str, appended: bool = False) -> None:
        """Remember which environment variables the value assigned to *name* comes from (st.sources).

        Its text names variables (each stands for its own sources when this script assigned it) or positional
        parameters: at the top level those hold what the script's own commands pass to its functions, so they
        stand for every variable the script names and never assigns. Nested scripts (bash -c, a script file)
        get theirs from outside, and ``${!x}`` names a variable only known when it runs: such a value is
        recorded as nothing, so the name keeps standing for itself.
        """
        st = self.st
        names, positional, indirect = _text_refs(text)
        args: tuple[str, ...] = ()
        if positional:
            # In a body read for a call: what the call's words name; else (the top level) every variable the script
            # names and never assigns; a nested script's parameters come from outside (not followed).
            args = self.arg_sources if self.arg_sources is not None else self.outer_refs() if st.level == 0 else (DYN,)
        opaque = st.opaque
        if indirect or opaque is None or DYN in args or any(n in opaque for n in names) or any(n in opaque for n in args):
            st.sources.pop(name, None)
            return
        found: list[str] = []
        if appended:
            found.extend(st.sources.get(name, (name,)))
        for n in names:
            found.extend(st.sources.get(n, (n,)))
        found.extend(args)
        st.sources[name] = tuple(dict.fromkeys(found))

    def _set_opaque(self, name: str) -> None:
        self.st.sources.pop(name, None)
        if self.st.opaque is not None:
            self.st.opaque.add(name)

    def outer_refs(self) -> tuple[str, ...]:
        """Every variable the whole script names but never assigns (what its function arguments may carry)."""
        st = self.st
        if st.outer_refs is None:
            text = st.source.decode("utf-8", "replace")
            names = _text_refs(text)[0]
            st.outer_refs = tuple(n for n in dict.fromkeys(names) if (n + "=") not in text and (n + "+=") not in text)
        return st.outer_refs

    def heredoc_subs(self, node: Any, depth: int) -> None:
        for c in node.children:
            if c.type in ("command_substitution", "expansion", "simple_expansion", "arithmetic_expansion"):
                self.word(c, depth + 1)

    def redirect(self, node: Any, depth: int, extra: list[Word] | None = None) -> Redirect:
        t = node.type
        if t == "heredoc_redirect":
            delim = ""
            body = ""
            quoted = False
            # tree-sitter-bash glues a body whose first line starts with a backslash (`\\rm -rf ~`,
            # psql's `\\! cmd`) onto the words of the `<<EOF` line and leaves heredoc_body short or
            # empty: the body is then taken from the source, from the line after `<<EOF` to the end line.
            text: bytes = node.text
            base = node.start_byte
            start = next((c for c in node.children if c.type == "heredoc_start"), None)
            end = next((c for c in node.children if c.type == "heredoc_end"), None)
            line_end = text.find(b"\n", start.end_byte - base) + base if start is not None else -1
            glued = [
                c
                for c in node.children
                if c.is_named and c.type not in ("heredoc_start", "heredoc_body", "heredoc_end") and line_end >= base and c.end_byte > line_end
            ]
            for c in node.children:
                if c.type == "heredoc_start":
                    delim = _text(c)
                    quoted = any(q in delim for q in "'\"\\")
                elif c.type == "heredoc_body":
                    body = _text(c)
                    if not quoted and not glued:
                        self.heredoc_subs(c, depth)
                elif c.is_named and c.type != "heredoc_end":
                    if c in glued:
                        if c.start_byte < line_end:
                            # `<<EOF | cmd` whose cmd swallowed the body's first line: not read the way bash reads it.
                            self.st.script.problems.append(
                                ("shell.parse-error", "a here-document whose first line starts with a backslash follows other commands on its line")
                            )
                        continue
                    # tree-sitter-bash nests what follows `<<EOF` on the same line
                    # (more redirects, `| cmd`, `&& cmd`) inside the heredoc node.
                    self.pending.append(c)
            if glued and end is not None:
                body = text[line_end - base + 1 : end.start_byte - base].decode("utf-8", "replace")
                if not quoted and ("$" in body or "`" in body):
                    self.st.script.problems.append(
                        ("shell.dynamic-code", "a here-document whose first line starts with a backslash expands values clearance does not evaluate")
                    )
            return Redirect("<<", None, body=body, body_quoted=quoted)
        if t == "herestring_redirect":
            target = None
            for c in node.children:
                if c.is_named:
                    target = self.word(c, depth + 1)
            return Redirect("<<<", target, body=target.value if target else "")
        op = ""
        fd = ""
        target = None
        for c in node.children:
            if c.type == "file_descriptor" and target is None and not op:
                fd = _text(c)
            elif not c.is_named:
                op = _text(c).strip()
                if op == "<" and c.start_byte in self.st.read_write:
                    op = "<>"  # `N<>FILE` opens FILE for reading and writing on N (standard input without N)
            elif target is None:
                target = self.word(c, depth + 1)
            else:
                # tree-sitter attaches the words after a redirect's target to the redirect (`rm -rf >x /`,
                # `rm -rf 2>/dev/null ~/x`): bash passes them to the command as arguments.
                w = self.word(c, depth + 1)
                if extra is not None:
                    extra.append(w)
        if op == ">&" and target is not None and not target.value.isdigit() and target.value != "-":
            op = ">"
        return Redirect(op, target, fd)

    def redirected(self, node: Any, depth: int, pipe_src: list[SimpleCommand] | None) -> None:
        body = None
        redirects: list[Redirect] = []
        extra: list[Word] = []
        for c in node.children:
            if c.type in ("file_redirect", "heredoc_redirect", "herestring_redirect"):
                redirects.append(self.redirect(c, depth, extra))
            elif c.is_named and body is None:
                body = c
        while body is not None and body.type == "list":
            # tree-sitter hangs `a && cat > f <<EOF` 's redirections on the whole list; bash binds them to the last
            # command (a list is not a compound command): the rest runs without them.
            named = [c for c in body.children if c.is_named]
            if len(named) < 2:
                break
            for c in named[:-1]:
                self.walk(c, depth + 1, None)
            body = named[-1]
            depth += 1
        if body is not None and (body.type == "command" or (body.type == "declaration_command" and _listing(body))):
            start = len(self.st.script.commands)
            self.command(body, depth + 1, pipe_src, redirects, extra)
            after = body.next_sibling
            if after is not None and after.type == "heredoc_redirect" and len(self.st.script.commands) > start:
                gap = self.st.source[body.end_byte : after.start_byte]
                if gap.strip() == b"-":
                    # tree-sitter drops a lone `-` before `<<` (`python - <<EOF`); bash passes it.
                    cmd = self.st.script.commands[start]
                    cmd.argv = [*cmd.argv, Word("-", "-")]
            return
        start = len(self.st.script.commands)
        if body is not None:
            self.walk(body, depth + 1, pipe_src)
        cmds = self.st.script.commands[start:]
        if self.pending:
            nodes, self.pending = self.pending, []
            if cmds:
                self.trailing(cmds[0], nodes, depth)
            else:
                for n in nodes:
                    self.walk(n, depth + 1, None)
        if cmds:
            # A redirect on a compound statement applies to what runs inside it.
            for cmd in cmds:
                cmd.redirects = cmd.redirects + redirects
        else:
            self.st.script.commands.append(SimpleCommand([Word(":", ":")], redirects=redirects, cwd=self.st.cwd, text=_text(node)))

    def command(self, node: Any, depth: int, pipe_src: list[SimpleCommand] | None, redirects: list[Redirect], extra: list[Word] | None = None) -> None:
        argv: list[Word] = []
        argv_nodes: list[list[Any]] = []
        group: list[Any] = []
        assigns: dict[str, str] = {}
        redirects = list(redirects)
        prev_end = node.start_byte
        source = self.st.source
        last_end = -1  # where the last word's nodes (argv_nodes[-1]) end
        for c in node.children:
            ct = c.type
            start = c.start_byte
            if start > prev_end and source[prev_end:start].strip(b" \t\r\n\\"):
                # tree-sitter skipped text without a token (it drops `\$` after a quote, for one): bash reads it.
                lost = source[prev_end:start].decode("utf-8", "replace").strip()[:30]
                raise ParseFailure(f"clearance cannot read part of the command the way bash does ({lost!r})")
            if start > prev_end and b"\n" in source[prev_end:start]:
                k = source[prev_end:start].replace(b"\\\n", b"  ").find(b"\n")
                if k >= 0:
                    # A newline ends a command in bash; tree-sitter sometimes reads on into the next line (`a | b | c {}
                    # "$d"` then `rm -rf ~ >f`: rm's words became c's arguments). parse() marks the end and reads again.
                    raise _RunawayLine(prev_end + k)
            prev_end = c.end_byte
            if ct == "variable_assignment":
                name, value = "", ""
                for cc in c.children:
                    if cc.type == "variable_name" and not name:
                        name = _text(cc)
                    elif cc.type not in ("=", "+=") and cc.is_named:
                        value = self.word(cc, depth + 1).value
                if name and not argv_nodes and not group and _assignable(name):
                    assigns[name] = value
                elif name:
                    # `1A=2 cmd`: not a name bash assigns to, so the word is the command bash looks up (and fails).
                    group = [c]
            elif ct in ("file_redirect", "heredoc_redirect", "herestring_redirect"):
                redirects.append(self.redirect(c, depth))
            elif ct == "command_name":
                group = list(c.children)
            elif ct != "comment":
                # Unnamed tokens are words too: tree-sitter makes `==`, `=~` and `\$` tokens of their own.
                if ct == "regex" and any(ch in _text(c) for ch in "'\"\\$`"):
                    # `cmd ==$'x'`: tree-sitter reads a [[ ]] pattern where bash reads a word.
                    raise ParseFailure(f"clearance cannot read the word {_text(c)[:30]!r} the way bash does")
                group = [c]
            else:
                continue
            if group:
                # tree-sitter sometimes leaves parts of one word as siblings (`''\$`): bash reads one word.
                first = start if group[0] is c else group[0].start_byte
                if argv_nodes and last_end == first:
                    argv_nodes[-1].extend(group)
                else:
                    if argv_nodes:
                        argv.extend(self.argwords(argv_nodes.pop(), depth + 1))
                    argv_nodes.append(group)
                last_end = prev_end if group[-1] is c else group[-1].end_byte
                group = []
        if argv_nodes:
            argv.extend(self.argwords(argv_nodes.pop(), depth + 1))
        if extra:
            argv.extend(extra)  # words tree-sitter left on a redirect: arguments (see redirect())
        if "IFS" in assigns and (not argv or argv[0].value in _REPARSING):
            # A global IFS change, or one for a command that re-splits text (eval, a shell, source):
            # later words do not split the way they read. `IFS= read -r line` changes nothing here.
            self.st.script.problems.append(("shell.ifs-change", "the command changes IFS, so its words do not split the way they read"))
        if not argv:
            # Only assignments: they set shell variables for what follows.
            self.st.vars.update(assigns)
            for name in assigns:
                self.st.sources.pop(name, None)
            if redirects:
                self.st.script.commands.append(SimpleCommand([Word(":", ":")], redirects=redirects, cwd=self.st.cwd, text=_text(node)))
            return
        stdin_text = None
        for r in redirects:
            if r.op in ("<<", "<<<"):
                stdin_text = r.body
        first = argv[0].value
        if first in self.st.hashed and (first not in BASH_BUILTINS or first in self.st.disabled):
            argv[0] = self.st.hashed[first]
        if first in ("hash", "enable"):
            self._lookup_table(first, [w.value for w in argv[1:]], argv[1:])
        elif first in ("printf", "read") and not pipe_src:
            self._assigning_builtin(first, argv[1:], redirects)
        elif first == "let":
            # Every argument of `let` is an arithmetic expression: a subscript anywhere in it is evaluated
            # (`let 'x=a[$(cmd)]'`, `let 'n+=b[`cmd`]'`), not only a word that is one NAME[…].
            for w in argv[1:]:
                for inner in _arith_subscripts_with_code(w.value):
                    self.evaluated_later(inner, "an array subscript bash evaluates")
        opening: list[Redirect] = []
        if first == "exec" and redirects:
            self.st.stdin_moved = True
        if first == "exec" and len(argv) == 1 and redirects and not pipe_src:
            opening = self._exec_descriptors(redirects)
        elif self.st.fds:
            used = self._use_descriptors(redirects)
            if used is None and not any(w.subs for w in argv):
                # A redirection to a closed descriptor fails, and bash then does not run the command.
                argv, redirects = [Word(":", ":")], []
            else:
                # A command that runs inherits the open descriptors (a script may write to 3): what exec opened
                # stays judged on the exec.
                self.st.fd_openers.clear()
                redirects = used if used is not None else redirects
        if self.st.exported:
            assigns = {**self.st.exported, **assigns}
        cmd = SimpleCommand(
            argv,
            assigns=assigns,
            redirects=redirects,
            stdin_from=pipe_src,
            stdin_text=stdin_text,
            cwd=self.st.cwd,
            depth=self.st.level,
            text=_text(node),
        )
        # (`coproc CMD` feeds CMD from a pipe the script writes to)
        cmd.ownstdin = not pipe_src and not self.st.stdin_moved and first != "coproc" and _tool_input(node)
        self.st.script.commands.append(cmd)
        if cmd.name == "trap":
            self.st.traps.append((cmd, dict(self.st.vars)))
        for r in opening:
            self.st.fd_openers[r.fd] = (cmd, r)
        if cmd.name in ("source", ".", "eval"):
            self.st.sources.clear()  # code run in this shell may set any variable
            self.st.opaque = None
        else:
            # `read TOKEN`, `printf -v TOKEN`, `mapfile TOKEN`: a command given the name may set it.
            for w in argv[1:]:
                settable = _settable(w.value)
                if settable:
                    self._set_opaque(settable)
        if cmd.name in self.functions and not cmd.via:
            self.call(cmd.name, cmd.args, depth)
        if cmd.name in ("cd", "pushd") and not cmd.stdin_from:
            self._follow_cd(cmd)
        elif cmd.name == "set" and cmd.args:
            self.st.physical = _physical_set(cmd, self.st.physical)
        elif cmd.name in ("source", ".") and cmd.args:
            self._activate(cmd.args[0].value)
        elif cmd.name == "deactivate":
            self.st.exported.pop("VIRTUAL_ENV", None)
        if self.pending:
            nodes, self.pending = self.pending, []
            self.trailing(cmd, nodes, depth)

    def _exec_descriptors(self, redirects: list[Redirect]) -> list[Redirect]:
        """`exec` with redirections only: it sets this shell's descriptors. Note what 3 and up now name; a descriptor
        closed or opened again unused (`exec 3>/dev/tcp/h/p; exec 3>&-`) drops the redirect that opened it, which sent
        nothing. Returns the redirects that open a descriptor anew."""
        opening = []
        for r in redirects:
            fd = r.fd
            if not (fd.isdigit() and int(fd) >= 3):
                continue
            if self.st.cond:
                # In a branch or loop: it may or may not happen; what fd names is no longer known for sure.
                self.st.fds.pop(fd, None)
                self.st.fd_openers.pop(fd, None)
                continue
            earlier = self.st.fd_openers.pop(fd, None)
            if earlier is not None:
                earlier[0].redirects = [x for x in earlier[0].redirects if x is not earlier[1]]
            if r.op in (">&-", "<&-"):
                self.st.fds[fd] = None
            elif r.op in (">&", "<&") and r.target is not None and r.target.value.isdigit() and r.target.value in self.st.fds:
                self.st.fds[fd] = self.st.fds[r.target.value]
                self.st.fd_openers.pop(r.target.value, None)  # the copy keeps what it opened
            elif r.op in (">", ">>", ">|", "<", "<>") and r.target is not None and DYN not in r.target.value:
                self.st.fds[fd] = r
                opening.append(r)
            else:
                self.st.fds.pop(fd, None)
        return opening

    def _use_descriptors(self, redirects: list[Redirect]) -> list[Redirect] | None:
        """A command's redirections with `>&N` / `<&N` for a descriptor `exec` opened here replaced by the file it
        names (`exec 3>/dev/tcp/h/p; env >&3` is `env > /dev/tcp/h/p`); None when one names a closed descriptor."""
        out = []
        for r in redirects:
            if r.op in (">&", "<&") and r.target is not None:
                n = r.target.value
                if n in self.st.fds:
                    opened = self.st.fds[n]
                    if opened is None:
                        return None
                    self.st.fd_openers.pop(n, None)  # used: what it opened stays judged on the exec as well
                    out.append(Redirect("<" if r.op == "<&" else opened.op if opened.op not in ("<", "<>") else ">", opened.target, fd=r.fd))
                    continue
                if not n.isdigit() and n != "-":
                    self.st.fd_openers.clear()  # `>&$fd`: a use clearance cannot follow
            out.append(r)
        return out

    def _assigning_builtin(self, name: str, words: list[Word], redirects: list[Redirect]) -> None:
        """Builtins that set variables from literal text: `printf -v NAME FORMAT ARGS…` and `read [-r] NAME… <<< TEXT`
        (words split on blanks, the last name taking the rest)."""
        from .outputs import literal_stdin

        vals = [w.value for w in words]
        if any(DYN in v for v in vals):
            return
        if name == "printf":
            if len(vals) >= 3 and vals[0] == "-v" and vals[1].isidentifier():
                out = literal_stdin([SimpleCommand([Word("printf", "printf"), *words[2:]])])
                if out is not None and vals[1] not in self.st.readonly:
                    self.st.vars[vals[1]] = out
                    self.st.unset.discard(vals[1])
            return
        text = next((r.body for r in redirects if r.op == "<<<" and r.body is not None), None)
        names: list[str] = []
        j = 0
        while j < len(vals):
            v = vals[j]
            if v in ("-r", "-s", "-e"):
                j += 1
                continue
            if v.startswith("-"):
                return  # -a, -d, -n, -u …: not modelled
            names.append(v)
            j += 1
        if text is None or DYN in text or not names or not all(n.isidentifier() for n in names):
            return
        line = text.split("\n", 1)[0]
        parts = line.split(None, len(names) - 1)
        for k, n in enumerate(names):
            if n not in self.st.readonly:
                self.st.vars[n] = parts[k].strip() if k < len(parts) else ""
                self.st.unset.discard(n)

    def _lookup_table(self, name: str, vals: list[str], words: list[Word]) -> None:
        """`hash -p PATH NAME…` makes each NAME run PATH, `hash -r` forgets them; `enable -n NAME` turns the builtin
        NAME off (so a hashed or on-disk NAME runs instead), `enable NAME` on again."""
        if name == "hash":
            if "-r" in vals:
                self.st.hashed.clear()
            for j, v in enumerate(vals):
                if v == "-p" and j + 2 < len(vals):
                    for other in vals[j + 2 :]:
                        self.st.hashed[other] = words[j + 1]
                    return
            return
        off = any(v.startswith("-") and "n" in v for v in vals)
        for v in vals:
            if not v.startswith("-"):
                (self.st.disabled.add if off else self.st.disabled.discard)(v)

    def argwords(self, nodes: list[Any], depth: int) -> list[Word]:
        """The words one shell word becomes (*nodes* are its adjacent parts)."""
        braces = b"{" in nodes[0].text if len(nodes) == 1 else any(b"{" in n.text for n in nodes)
        parts = [self.word(n, depth, braces) for n in nodes]
        if len(parts) == 1:
            w = parts[0]
        else:
            w = Word(
                "".join(p.value for p in parts),
                "".join(p.raw for p in parts),
                [s for p in parts for s in p.subs],
                any(p.procsub for p in parts),
                tuple(v for p in parts for v in p.vars),
                any(p.quoted for p in parts),
            )
        node = nodes[0]
        if len(nodes) == 1 and node.type in ("simple_expansion", "expansion") and DYN not in w.value and any(c in w.value for c in " \t\n"):
            # An unquoted expansion is split into fields: cmd="rm -rf ~"; $cmd runs rm.
            value = w.value.translate(_UNPROTECT)
            return [Word(part, w.raw, w.subs, w.procsub, w.vars, False) for part in value.split()]
        if not braces:
            return [w]
        # Brace expansion comes before quote removal: `{a,'b c'}` is two words, `'{'a,b}` one.
        values = expand_braces(w.value) if "{" in w.value and ("," in w.value or ".." in w.value) else [w.value]
        if len(values) > 1 and not w.quoted:
            values = [v for v in values if v] or [""]  # `{a,}`: an unquoted empty word disappears
        return [Word(v.translate(_UNPROTECT), w.raw, w.subs, w.procsub, w.vars, w.quoted) for v in values]

    def _follow_cd(self, cmd: SimpleCommand) -> None:
        args = [a.value for a in cmd.args if not a.value.startswith("-") or a.value == "-"]
        if not args:
            self.st.cwd = self.st.home
            return
        target = args[0]
        if target == "-" or DYN in target or (self.st.cwd is None and not target.startswith("/")):
            self.st.cwd = None
            return
        if self.st.cwd is None:
            # An absolute folder is known wherever the shell was (a new container's shell, a folder named at run time):
            # `docker run -v ~/data:/d alpine sh -c 'cd /d && rm -rf *'` deletes in /d.
            self.st.cwd = target if _dotdot(target) and _physical_cd(cmd, self.st.physical) else resolve(target, "/", self.st.home)
            return
        here = resolve(target, self.st.cwd, self.st.home)
        if (_dotdot(target) and _physical_cd(cmd, self.st.physical)) or (_dotdot(self.st.cwd) and not target.startswith(("/", "~"))):
            # `cd -P d/..` resolves d's link before going up (bash's physical walk): the folder is kept as spelled, and
            # the paths under it are read as the kernel reads a `..` after a link (Scope._physical). A relative cd from
            # there stays spelled after it.
            if target == "~" or target.startswith("~/"):
                here = self.st.home + target[1:]
            elif target.startswith("/"):
                here = target
            elif not target.startswith("~"):
                here = self.st.cwd.rstrip("/") + "/" + target
        self.st.cwd = self._cdpath(cmd, target, here)

    def _activate(self, script: str) -> None:
        """`source ENV/bin/activate` exports VIRTUAL_ENV=ENV and puts ENV/bin first on PATH: later pip installs go there."""
        head, _, base = script.rpartition("/")
        if not base.startswith("activate") or not head.endswith("bin"):
            return
        env = pathstr.dirname(head)
        if DYN in env or (self.st.cwd is None and not env.startswith(("/", "~"))):
            self.st.exported["VIRTUAL_ENV"] = DYN
            return
        self.st.exported["VIRTUAL_ENV"] = resolve(env or ".", self.st.cwd or "/", self.st.home)

    def _cdpath(self, cmd: SimpleCommand, target: str, here: str) -> str | None:
        """Where `cd TARGET` lands when CDPATH is set: bash tries each entry before the working directory.

        A target that starts with `/`, `.` or `..` is not searched. Otherwise the first entry that is not the working
        directory is followed (`CDPATH=~ cd .ssh` is `cd ~/.ssh`), and a problem is raised: which entry holds the
        directory is only known on disk, so the words after it may run somewhere else.
        """
        st = self.st
        first = target.split("/", 1)[0]
        if target.startswith(("/", "~")) or first in (".", ".."):
            return here
        cdpath = cmd.assigns.get("CDPATH")
        if cdpath is None:
            cdpath = st.vars.get("CDPATH", st.exported.get("CDPATH", st.env.get("CDPATH")))
        if not cdpath:
            return here
        if DYN in cdpath:
            st.script.problems.append(("shell.cdpath", f"cd {target} searches CDPATH, which is only known at run time"))
            return None
        cwd = st.cwd or ""
        for entry in cdpath.split(":"):
            base = resolve(entry, cwd, st.home) if entry not in ("", ".") else cwd
            if base != cwd:
                landed = resolve(target, base, st.home)
                st.script.problems.append(("shell.cdpath", f"cd {target} searches CDPATH={cdpath}: it may land in {landed} rather than {here}"))
                return landed
        return here


_LOOP_ITEMS = 4
# Words that can call a function or change what a name runs without naming it literally in the line.
_DYNAMIC_CALLERS = frozenset(
    {
        b"eval",
        b"source",
        b".",
        b"trap",
        b"alias",
        b"enable",
        b"shopt",
        b"declare",
        b"typeset",
        b"compgen",
        b"complete",
        b"bind",
        b"exec",
        b"command_not_found_handle",
    }
)
# Functions bash or zsh call by themselves, without a call in the text.
_IMPLICIT_FUNCTIONS = frozenset({"command_not_found_handle", "command_not_found_handler", "chpwd", "precmd", "preexec", "periodic", "zshexit", "zshaddhistory"})
_DEAD_PARENTS = frozenset({"list", "if_statement", "while_statement", "program"})


def _literal_status(node: Any) -> bool | None:
    """The exit status a node certainly has: `false` fails, `true` and `:` succeed; anything else is unknown."""
    if node.type != "command":
        return None
    text = _text(node).strip()
    return False if text == "false" else True if text in ("true", ":") else None


def _dead_children(node: Any, t: str) -> dict[int, str]:
    """The children of *node* that bash never runs, by index, with why: the operand after `false &&` or `true ||`
    (the status carries on through a chain), the body under `if false` / `while false` (and the other branches under
    `if true`), and what follows a top-level `exit`."""
    kids = node.children
    dead: dict[int, str] = {}
    if t == "list":
        status: bool | None = None
        op = ""
        for i, c in enumerate(kids):
            if not c.is_named:
                op = _text(c)
                continue
            if op and status is not None and ((op == "&&" and status is False) or (op == "||" and status is True)):
                dead[i] = f"the operand after `{'false &&' if status is False else 'true ||'}`"
                continue  # skipped: the status stays what it was
            status = _literal_status(c)
        return dead
    if t in ("if_statement", "while_statement"):
        then = next((i for i, c in enumerate(kids) if not c.is_named and _text(c) in ("then", "do")), None)
        conds = [c for c in kids[: then if then is not None else 0] if c.is_named]
        if t == "while_statement":
            # Every statement before `do` is the condition (`while false; true; do` loops: the last one decides).
            conds = [c for c in kids if c.is_named and c.type != "do_group"]
        # `if false & then`: a condition sent to the background succeeds (the job started), whatever it runs.
        status = _literal_status(conds[0]) if len(conds) == 1 and not _backgrounded(kids, kids.index(conds[0])) else None
        if status is None:
            return dead
        # tree-sitter-bash reads `until` as a while_statement too: its body runs while the condition fails.
        until = t == "while_statement" and bool(kids) and _text(kids[0]) == "until"
        for i, c in enumerate(kids):
            if not c.is_named or c in conds:
                continue
            branch = c.type in ("elif_clause", "else_clause")
            if t == "while_statement" and c.type == "do_group" and status is until:
                dead[i] = "the body of `until true`" if until else "the body of `while false`"
            elif t == "if_statement" and status is False and not branch:
                dead[i] = "the branch under `if false`"
            elif t == "if_statement" and status is True and branch:
                dead[i] = "a branch `if true` never takes"
        return dead
    ended = False
    for i, c in enumerate(kids):
        if not c.is_named:
            continue
        if ended:
            dead[i] = "what follows `exit`"
        elif c.type == "command" and (_text(c).strip() == "exit" or _text(c).startswith(("exit ", "exit\t"))):
            ended = not _backgrounded(kids, i)  # `exit &` leaves a background subshell, not the shell
    return dead


def _backgrounded(kids: list[Any], i: int) -> bool:
    """Whether the statement kids[i] is sent to the background (`&` after it)."""
    return i + 1 < len(kids) and not kids[i + 1].is_named and _text(kids[i + 1]) == "&"


# Syntax whose parts may not run: branches, loop bodies, the operands of && and ||.
_MAY_NOT_RUN = frozenset(
    {"list", "if_statement", "elif_clause", "else_clause", "case_statement", "case_item", "while_statement", "c_style_for_statement", "do_group"}
)


def _output_elsewhere(cmd: SimpleCommand) -> bool:
    """Whether the last redirection of the command's standard output (and none of its error output into it) sends
    it to a file: what it prints does not reach a pipe."""
    away = False
    for r in cmd.redirects:
        target = r.target.value if r.target is not None else ""
        if r.fd in ("", "1") and r.op in (">", ">>", ">|", "&>", "&>>") and DYN not in target:
            away = target not in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
        elif r.fd in ("", "1") and r.op == ">&":
            away = False if target.isdigit() or DYN in target else away  # 1>&2, >&3: elsewhere, but judge it
        elif r.fd == "2" and r.op == ">&" and target == "1":
            return False  # its error output follows into the pipe
    return away


def _listing(node: Any) -> bool:
    """A declaration (`declare`, `typeset`, `export`, `readonly`, `local`) with options only: it lists, it sets nothing."""
    rest = node.children[1:]
    return all(c.type == "word" and _text(c).startswith("-") for c in rest)


def _trim(value: str, pattern: str, op: str) -> str:
    """`${V%PAT}` (shortest suffix), `${V%%PAT}` (longest), `${V#PAT}` (shortest prefix), `${V##PAT}` (longest) with a
    glob PAT of `*` and `?`, as bash removes them."""
    import fnmatch

    n = len(value)
    if op.startswith("%"):
        cuts = range(n, -1, -1) if op == "%" else range(0, n + 1)
        for i in cuts:
            if fnmatch.fnmatchcase(value[i:], pattern):
                return value[:i]
    else:
        cuts = range(0, n + 1) if op == "#" else range(n, -1, -1)
        for i in cuts:
            if fnmatch.fnmatchcase(value[:i], pattern):
                return value[i:]
    return value


def _assignable(name: str) -> bool:
    """Whether bash assigns to *name* (letters, digits and _, not starting with a digit)."""
    plain = name.replace("_", "a")
    return plain.isascii() and plain.isalnum() and not name[0].isdigit()


def _loop_value(items: list[str]) -> str:
    """What a loop variable stands for in the body: the one item, or some path under the items' common directory."""
    if len(items) == 1:
        return items[0]
    if any(DYN in i for i in items):
        return DYN
    common = pathstr.commonpath(items) if all(i.startswith("/") for i in items) or not any(i.startswith("/") for i in items) else ""
    if not common or common in (".", "/") or common in items:
        return DYN
    return common + "/" + DYN


def _subscript_with_code(value: str) -> str | None:
    """The subscript of NAME[SUBSCRIPT] (optionally followed by `=…` or `+=…`) when it holds `$(` or a backtick."""
    k = value.find("[")
    if k <= 0 or not (value[:k].isidentifier() and value[:k].isascii()):
        return None
    end = value.rfind("]")
    if end <= k:
        return None
    rest = value[end + 1 :]
    if rest and not rest.startswith(("=", "+=")):
        return None
    inner = value[k + 1 : end]
    return inner if ("$(" in inner or "`" in inner) else None


def _arith_subscripts_with_code(expr: str) -> list[str]:
    """The subscripts of every NAME[…] inside an arithmetic expression that hold `$(` or a backtick."""
    out = []
    for k, ch in enumerate(expr):
        if ch != "[" or k == 0 or not (expr[k - 1].isalnum() or expr[k - 1] == "_"):
            continue
        start = k
        while start > 0 and (expr[start - 1].isalnum() or expr[start - 1] == "_"):
            start -= 1
        inner = _subscript_with_code(expr[start : _closing_bracket(expr, k) + 1])
        if inner is not None:
            out.append(inner)
    return out


def _closing_bracket(text: str, k: int) -> int:
    """The index of the `]` that closes the `[` at *k* (the last character when it is never closed)."""
    level = 0
    for j in range(k, len(text)):
        if text[j] == "[":
            level += 1
        elif text[j] == "]":
            level -= 1
            if level == 0:
                return j
    return len(text) - 1


def _descendants(node: Any) -> list[Any]:
    out = []
    stack = [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(n.children)
    return out


def _first_error(node: Any) -> Any:
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type == "ERROR" or n.is_missing:
            return n
        if n.has_error:
            stack.extend(reversed(n.children))
    return None


_KEEPS_CONTINUATIONS = frozenset({"raw_string", "ansi_c_string", "comment"})


def _ansi_c_end(data: bytes, start: int) -> int:
    """Where bash ends the ``$'..'`` string starting at *start* (the closing quote, or len)."""
    i, n = start + 2, len(data)
    while i < n:
        b = data[i]
        if b == 0x5C:
            i += 2
        elif b == 0x27:
            return i
        else:
            i += 1
    return n


def _join_continuations(data: bytes, root: Any, blanks: bool = True) -> bytes:
    """*data* rewritten so tree-sitter reads it as bash does.

    ``\\\\`` inside ``$'..'``: tree-sitter reads ``\\\\'`` as an escaped quote
    and runs the string on (``$'\\\\' ; rm -rf / ; '`` would hide the ``rm``);
    bash reads an escaped backslash. It is rewritten ``\\x5c``, the same byte.

    Backslash-newline pairs bash removes while reading:
    Bash keeps them inside single quotes, ``$'..'``, comments and the bodies of
    here-documents with a quoted delimiter; everywhere else (unquoted words,
    double quotes, backticks, ``$( )``, unquoted here-document bodies) the pair
    disappears. Backslashes pair up left to right (``\\<newline>`` is an escaped
    backslash followed by a newline).
    """
    kept: list[tuple[int, int]] = []
    leaves: list[tuple[int, int]] = []
    ansi: list[int] = []
    stack = [root]
    while stack:
        n = stack.pop()
        t = n.type
        if not n.child_count:
            leaves.append((n.start_byte, n.end_byte))
        if t in _KEEPS_CONTINUATIONS:
            if t == "ansi_c_string" and b"\\\\" in data[n.start_byte + 2 : _ansi_c_end(data, n.start_byte)]:
                ansi.append(n.start_byte)
            kept.append((n.start_byte, n.end_byte))
            continue
        if t == "heredoc_redirect":
            quoted = False
            for c in n.children:
                if c.type == "heredoc_start":
                    quoted = any(q in _text(c) for q in "'\"\\")
                elif c.type == "heredoc_body" and quoted:
                    kept.append((c.start_byte, c.end_byte))
        if n.child_count:
            stack.extend(n.children)
    if ansi:
        # The first such string only: what follows it was read under the wrong ending.
        start = min(ansi)
        end = _ansi_c_end(data, start)
        body = data[start + 2 : end]
        fixed = bytearray()
        j = 0
        while j < len(body):
            if body[j] == 0x5C and j + 1 < len(body):
                fixed += b"\\x5c" if body[j + 1] == 0x5C else body[j : j + 2]
                j += 2
            else:
                fixed.append(body[j])
                j += 1
        return data[: start + 2] + bytes(fixed) + data[end:]
    if not blanks:
        return data
    kept.sort()
    leaves.sort()
    out = bytearray()
    i, n_ = 0, len(data)
    k = 0
    lf = 0
    while i < n_:
        while k < len(kept) and kept[k][1] <= i:
            k += 1
        if k < len(kept) and kept[k][0] <= i:
            end = kept[k][1]
            out += data[i:end]
            i = end
            continue
        b = data[i]
        if b == 0x5C and i + 1 < n_:  # backslash
            if data[i + 1] == 0x0A:
                i += 2
                continue
            if data[i + 1] in (0x20, 0x09):
                while lf < len(leaves) and leaves[lf][1] <= i:
                    lf += 1
                if lf >= len(leaves) or leaves[lf][0] > i:
                    # Outside every token: tree-sitter skipped it as a blank; bash reads a quoted blank.
                    out += b"' '" if data[i + 1] == 0x20 else b"'\t'"
                    i += 2
                    continue
            out += data[i : i + 2]
            i += 2
            continue
        out.append(b)
        i += 1
    return bytes(out)


_NAME_START = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_NAME_REST = _NAME_START | frozenset(b"0123456789")


def _offset_param(data: bytes, p: int) -> tuple[int, int] | None:
    """The span of the name in a ``$name``, ``$1`` or ``$#`` at *p* (after blanks), or None."""
    n = len(data)
    while p < n and data[p] in b" \t":
        p += 1
    if p + 1 >= n or data[p] != 0x24:
        return None
    s = e = p + 1
    if data[s] in _NAME_START:
        while e < n and data[e] in _NAME_REST:
            e += 1
        return s, e
    if data[s] in b"0123456789#@*":
        return s, s + 1
    return None


def _brace_offsets(data: bytes, root: Any) -> bytes:
    """*data* with each ``$x`` that opens a substring offset (``${s:$i:1}``, ``${a[@]: $1}``)
    rewritten ``${x}``, the same expansion to bash.

    tree-sitter-bash's grammar wants a word, number or ``${..}`` after the ``:`` and reports a
    missing ``}`` before a ``$``, so an ordinary loop over a string's characters could not be
    read at all. Only the places where tree-sitter reported that missing ``}`` are rewritten.
    """
    edits: list[tuple[int, int, bytes]] = []
    stack = [root]
    while stack:
        n = stack.pop()
        if n.is_missing and n.type == "}" and n.parent is not None and n.parent.type == "expansion":
            p = n.start_byte
            q = p
            while q > n.parent.start_byte and data[q - 1] in b" \t":
                q -= 1
            name = _offset_param(data, p)
            if name and q > 0 and data[q - 1 : q] == b":":
                s, e = name
                edits.append((s - 1, e, b"${" + data[s:e] + b"}"))
        elif n.has_error:
            stack.extend(n.children)
    for start, end, text in sorted(edits, reverse=True):
        data = data[:start] + text + data[end:]
    return data


class _RunawayLine(ParseFailure):
    """tree-sitter read a command on past a newline where bash ends it (at byte *at*)."""

    def __init__(self, at: int) -> None:
        super().__init__("clearance cannot read the command the way bash does (a command runs on past the end of its line)")
        self.at = at


# How often parse() marks the end of a command tree-sitter read on past, and reads the text again.
_RUNAWAY_RETRIES = 16


def _too_many_nodes(count: int) -> TooLarge:
    return TooLarge(f"the command has {count} syntax nodes, more than the {MAX_NODES} clearance analyses")


def _parse_bytes(data: bytes) -> Any:
    """tree-sitter's tree of *data*, stopped at the decision's deadline (PARSE_DEADLINE) for sources
    long enough to take a while; ParseTimeout when it ran out."""
    deadline = PARSE_DEADLINE.get()
    if deadline == float("inf") or len(data) <= _TIMED_PARSE_MIN:
        return parser().parse(data)
    from time import perf_counter

    # A progress callback only works with a read callback (tree-sitter ignores it for bytes).
    try:
        tree = parser().parse(lambda off, _pt: data[off : off + _CHUNK], progress_callback=lambda *_: perf_counter() > deadline)
    except ValueError:  # "Parsing failed": the callback cancelled it
        if perf_counter() <= deadline:
            raise
        tree = None
    if tree is None:
        parser().reset()  # a cancelled parse would otherwise resume on the next call
        raise ParseTimeout
    if tree.root_node.descendant_count > MAX_NODES:
        # Refused anyway (parse() below): not parsed a second time for its text (100 KB of `}`: ~100 ms each).
        raise _too_many_nodes(tree.root_node.descendant_count)
    if tree.root_node.has_error:
        # Asked about anyway (only the first error's text is read): parsing again would not reuse
        # the tree's ERROR nodes and would cost as much as the first parse (100 KB of `[`: ~100 ms).
        return tree
    # Nodes of a tree read through a callback fetch their text through it (slow): the same tree
    # again from the bytes, reusing the first one, gives text straight from memory.
    return parser().parse(data, old_tree=tree)


def _dotdot(value: str) -> bool:
    """A `..` component in a path."""
    return value == ".." or value.startswith("../") or value.endswith("/..") or "/../" in value


def _physical_set(cmd: SimpleCommand, physical: bool) -> bool:
    """Whether cd is physical after this `set`: `-P` / `-o physical` turn it on, `+P` / `+o physical` off."""
    vals = cmd.values()
    for i, v in enumerate(vals):
        if v == "--":
            break
        if len(v) < 2 or v[0] not in "-+" or not v[1:].isalpha():
            continue
        if "P" in v[1:] or (v.endswith("o") and i + 1 < len(vals) and vals[i + 1] == "physical"):
            physical = v[0] == "-"  # -P, -eP, -o physical, -eo physical (and + to turn it off)
    return physical


def _physical_cd(cmd: SimpleCommand, physical: bool = False) -> bool:
    """`cd -P` (the last of -L and -P given wins, `-LP` included): the physical walk through links; *physical* is the
    shell's default (`set -P`)."""
    for a in cmd.args:
        v = a.value
        if v == "--" or not v.startswith("-") or v == "-" or v.startswith("--"):
            break
        for ch in v[1:]:
            if ch in "LP":
                physical = ch == "P"
    return physical


def parse(
    source: str,
    cwd: str | None,
    home: str,
    env: dict[str, str] | None = None,
    level: int = 0,
    vars: dict[str, str] | None = None,
    mark_inert: bool = False,
) -> Script:
    """Parse *source* and return every simple command in it (not yet unwrapped).  With *mark_inert* (the tool call's
    own line), commands that cannot run as written carry NOT_RUN in their `via`.

    Raises ParseFailure when the text is not valid bash or is too large or
    deep to analyse; callers turn that into *ask*.

    A plain command line (shell/plain.py: words and ``&&``, ``||``, ``|``, ``;``) is walked in the tree
    plain.py builds, the same tree tree-sitter builds, without loading tree-sitter; whatever goes wrong
    with it, the line is parsed again by tree-sitter, whose reading decides.
    """
    if len(source) <= MAX_PLAIN and source.isascii():
        fast = plain_tree(source.encode("ascii"))
        if fast is not None:
            try:
                return _parse(source, cwd, home, env, level, vars, fast, mark_inert)
            except Exception:  # the fast path never decides a failure: tree-sitter's tree does
                pass
    return _parse(source, cwd, home, env, level, vars, None, mark_inert)


def _parse(
    source: str,
    cwd: str | None,
    home: str,
    env: dict[str, str] | None,
    level: int,
    vars: dict[str, str] | None,
    fast: Any,
    mark_inert: bool = False,
) -> Script:
    if len(source) > MAX_SOURCE:
        raise TooLarge(f"the command is {len(source)} characters long, more than the {MAX_SOURCE} clearance analyses")
    if "\x00" in source:
        raise ParseFailure("the command contains a NUL byte")
    if source.count("|") > MAX_PIPES:
        # tree-sitter's error recovery in a long pipeline is quadratic and cannot be interrupted
        # (8 000 characters of `a|`: 3 s; 100 000: minutes, so the hook timed out into an allow).
        raise TooLarge(f"the command has more than {MAX_PIPES} `|`, more than clearance analyses")
    if len(source) > PRECHECK_MIN:
        # tree-sitter's error recovery is super-linear on long malformed text (100 KB of `)`: a
        # minute): bash's own reading, in one pass, rejects it first (shell/precheck.py).
        from .precheck import MAX_STEPS, TooManySteps, syntax_error

        try:
            problem = syntax_error(source, MAX_NODES)
        except TooManySteps:
            raise TooLarge(
                f"the command has more than {MAX_STEPS} quotes, substitutions and operators or {MAX_NODES} words and brackets, more than clearance analyses"
            ) from None
        if problem:
            raise ParseFailure(f"the command is not valid bash: {problem}")
    data = source.encode("utf-8", "surrogatepass")
    tree = fast if fast is not None else _parse_bytes(data)
    if b"\\\n" in data or b"\\ " in data or b"\\\t" in data or (b"$'" in data and b"\\\\" in data):
        # Blanks and continuations only on a clean tree: the node ranges that say where bash keeps
        # text as is (quotes, comments) mean nothing in a tree with errors, which is asked about anyway.
        # Bash removes backslash-newline before it splits words (`r\<newline>m` is `rm`),
        # and `\<space>` between words is a word holding a space; tree-sitter reads both
        # as blanks. Rewrite them as bash reads them, then parse again.
        for _ in range(64):
            joined = _join_continuations(data, tree.root_node, not tree.root_node.has_error)
            if joined == data:
                break
            data = joined
            tree = _parse_bytes(data)
        else:
            raise TooLarge("the command has too many escapes to analyse")
    if tree.root_node.has_error and b"${" in data:
        for _ in range(8):
            fixed = _brace_offsets(data, tree.root_node)
            if fixed == data:
                break
            data = fixed
            tree = _parse_bytes(data)
    read_write: frozenset[int] = frozenset()
    if tree.root_node.has_error and b"<>" in data:
        fixed, read_write = _read_write_redirects(data)
        if read_write:
            data = fixed
            tree = _parse_bytes(data)
    if b"0<" in data:
        fixed = _fd0_input_redirects(data, _heredoc_bodies(tree.root_node) if b"<<" in data else ())
        if fixed != data:
            again = _parse_bytes(fixed)
            if not again.root_node.has_error or tree.root_node.has_error:
                data, tree = fixed, again  # (`(( 0<n ))` is arithmetic, not a redirection: kept where it parsed)
    for _ in range(_RUNAWAY_RETRIES):
        root = tree.root_node
        if root.descendant_count > MAX_NODES:
            raise _too_many_nodes(root.descendant_count)
        if root.has_error:
            bad = _first_error(root)
            where = ""
            if bad is not None:
                col = bad.start_point[1] + 1
                row = bad.start_point[0] + 1
                snippet = _text(bad)[:30] if bad.type == "ERROR" else "missing " + bad.type
                where = f" at line {row}, column {col} ({snippet!r})"
            raise ParseFailure("the command is not valid bash" + where)
        if b"<<" in data:
            _here_documents_as_bash(data, root)
        script = Script()
        st = _State(cwd, home, script, level, env or {})
        st.source = data
        st.read_write = read_write
        if vars:
            st.vars.update(vars)
        try:
            walker = _Walker(st)
            walker.mark_inert = mark_inert
            walker.walk(root, 0, None)
            walker.finish()
            _bind_traps(st)
        except RecursionError:
            raise TooLarge("the command is nested too deeply to analyse") from None
        except _RunawayLine as e:
            # Say where the command ends (`;` before the newline, what bash reads there) and read it again.
            data = data[: e.at] + b";" + data[e.at :]
            read_write = frozenset(k + 1 if k >= e.at else k for k in read_write)
            tree = _parse_bytes(data)
            continue
        fn = b"(" in data or b"function" in data
        if (b"&" in data and (fn or b"while" in data or b"until" in data or b"for" in data)) or (b"|" in data and fn):
            from .spawn import unbounded_spawn

            why = unbounded_spawn(root)
            if why is not None:
                script.problems.append(("sys.unbounded-spawn", why))
        return script
    raise ParseFailure("clearance cannot read the command the way bash does (commands run on past the end of their lines)")


def _here_documents_as_bash(data: bytes, root: Any) -> None:
    """Raises ParseFailure unless tree-sitter reads each here-document's body from the line bash reads it from
    to the same delimiter line.  bash reads the pending bodies at the next newline token of the parser that read
    the `<<`: after a word that holds a newline (quotes, backticks, `${ }`), after the `)` of a `$( )`, but at
    the first newline inside `( )` `{ }` `[[ ]]` or a case (shell/precheck.py, _own_parser); tree-sitter's
    scanner reads them elsewhere on some of these, which would take commands for a body (hidden from the
    judgement) or a body for commands.  Where the pre-check cannot follow bash and a body was pending across
    such a newline, the command is asked about too."""
    from .precheck import here_documents

    spans, crossed = here_documents(data.decode("utf-8", "surrogateescape"))
    if spans is None:
        if crossed:
            raise ParseFailure("clearance cannot tell where bash reads a here-document that is pending across a newline inside a word or a nested command")
        return
    seen: list[tuple[int, int]] = []
    at = data.find(b"<<")
    while at >= 0:  # every here-document of tree-sitter's starts with its `<<` or `<<-` token
        token = root.descendant_for_byte_range(at, at + 2)
        node = token.parent if token is not None and token.type in ("<<", "<<-") else None
        at = data.find(b"<<", at + 2)
        if node is None or node.type != "heredoc_redirect":
            continue
        kids = node.children
        start = next((c for c in kids if c.type == "heredoc_start"), None)
        end = next((c for c in kids if c.type == "heredoc_end"), None)
        if start is not None and end is not None:
            # the body, and what tree-sitter glued onto the `<<` line from the lines below it (a first line
            # that starts with a backslash: Walker.redirect reads the body from the source then)
            rows = [
                c.start_point[0]
                for c in kids
                if c.type == "heredoc_body" or (c.is_named and c.type not in ("heredoc_start", "heredoc_end") and c.start_point[0] > start.start_point[0])
            ]
            seen.append((min(rows, default=end.start_point[0]), end.start_point[0]))
    lines = data.split(b"\n")

    def from_text(first: int, end: int) -> tuple[int, int]:
        # tree-sitter starts a body at its first line that holds more than blanks
        while first < end and not lines[first].strip():
            first += 1
        return first, end

    if sorted(from_text(*r) for r in seen) != [from_text(*r) for r in spans]:
        raise ParseFailure("tree-sitter does not read the here-documents where bash reads them (a body taken for commands, or commands for a body)")


def _read_write_redirects(data: bytes) -> tuple[bytes, frozenset[int]]:
    """*data* with each `<>` redirection operator (`exec 3<>/dev/tcp/h/p`, `sh -i 5<> FILE`: open for reading and
    writing) written `< `, the same length, and the offsets of those operators: tree-sitter-bash has no `<>` and
    fails the whole line, and the walker reads an operator at one of these offsets back as `<>`.  An operator is
    one outside quotes and comments, after a blank, an operator character or a descriptor number, not before `(`."""
    out = bytearray(data)
    spots: set[int] = set()
    quote = 0
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if quote:
            if b == quote:
                quote = 0
            elif b == 0x5C and quote == 0x22:
                i += 1
            i += 1
            continue
        if b == 0x5C:
            i += 2
            continue
        if b in (0x27, 0x22):
            quote = b
        elif b == 0x23 and (i == 0 or data[i - 1] in b" \t\n;&|("):
            while i < n and data[i] != 0x0A:
                i += 1
            continue
        elif b == 0x3C and data[i + 1 : i + 2] == b">" and data[i + 2 : i + 3] not in (b"(", b">"):
            j = i
            while j > 0 and data[j - 1 : j].isdigit():
                j -= 1
            if j == 0 or data[j - 1] in b" \t\n;&|()":
                out[i + 1] = 0x20
                spots.add(i)
            i += 2
            continue
        i += 1
    return bytes(out), frozenset(spots)


def _heredoc_bodies(root: Any) -> list[tuple[int, int]]:
    """The byte spans of the here-documents' bodies: text a program reads, not the shell's words."""
    out: list[tuple[int, int]] = []
    todo = [root]
    seen = 0
    while todo and seen < MAX_NODES:
        node = todo.pop()
        seen += 1
        if node.type == "heredoc_body":
            out.append((node.start_byte, node.end_byte))
            continue
        todo.extend(node.children)
    return out


def _fd0_input_redirects(data: bytes, skip: list[tuple[int, int]] | tuple[()] = ()) -> bytes:
    """*data* with the descriptor number of each `0<` redirection (`bash 0< x.sh`, `0<&3`, `0<<EOF`) written as
    blanks, the same length: standard input is every `<` operator's default, so `<` means the same, and tree-sitter-bash
    reads a `0` before `<` as a word of its own -- an argument (`bash 0`, a script named 0) where bash opens the file
    as the command's input. A number is one outside quotes, comments and here-documents' bodies (*skip*) that starts a
    word, of zeros only."""
    out = bytearray(data)
    quote = 0
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if quote:
            if b == quote:
                quote = 0
            elif b == 0x5C and quote == 0x22:
                i += 1
            i += 1
            continue
        if b == 0x5C:
            i += 2
            continue
        if b in (0x27, 0x22):
            quote = b
        elif b == 0x23 and (i == 0 or data[i - 1] in b" \t\n;&|("):
            while i < n and data[i] != 0x0A:
                i += 1
            continue
        elif b == 0x30 and (i == 0 or data[i - 1] in b" \t\n;&|") and not any(a <= i < z for a, z in skip):
            j = i
            while j < n and data[j] == 0x30:
                j += 1
            if data[j : j + 1] == b"<" and data[j + 1 : j + 2] != b"(":
                out[i:j] = b" " * (j - i)
            i = j
            continue
        i += 1
    return bytes(out)


def _bind_traps(st: _State) -> None:
    """A trap's handler runs later in this shell, with the variables as they are then: at the end of the line for
    EXIT, anywhere after the trap for a signal. A variable is bound for the handler (`t=$(mktemp -d); trap 'rm -rf
    "$t"' EXIT`) when its value is known and the same when the trap is set and at the end, and nothing else set it
    in a way clearance does not follow (`read`, a loop, `printf -v`; anything after `source` or `eval`)."""
    opaque = st.opaque
    for cmd, seen in st.traps:
        if opaque is None:
            return
        cmd.bound = {k: v for k, v in seen.items() if DYN not in v and st.vars.get(k) == v and k not in opaque} or None


def join_cwd(cwd: str | None, sub: str, home: str) -> str | None:
    if cwd is None or DYN in sub:
        return None
    return resolve(sub, cwd, home) if sub else pathstr.normpath(cwd)
