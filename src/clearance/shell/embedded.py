"""Shell commands hidden inside other tools' little languages.

awk's ``system()`` and pipes, sed's ``e`` command and ``w`` files, vim's ``-c '!cmd'``,
expect/tclsh ``exec``, AppleScript's ``do shell script``, a Makefile read from
stdin, PowerShell: each runs commands the shell parser never sees as commands.
Each function here returns what it found -- literal shell text to judge as if typed,
files read or written, and reasons why part of the program cannot be seen through --
and the unwrapper turns that into commands and problems.
"""

from __future__ import annotations

from itertools import islice

from ..lazyre import LazyRe, lazy
from .interp import shell_quote, string_end
from .programs import AWKS as AWKS
from .programs import CMDLETS as CMDLETS
from .programs import MAKES as MAKES
from .programs import NAMES as NAMES
from .programs import POWERSHELLS as POWERSHELLS
from .programs import SEDS as SEDS
from .programs import SYSTEM_CALLERS as SYSTEM_CALLERS
from .programs import TCLS as TCLS
from .programs import TEXS as TEXS
from .programs import VIMS as VIMS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator


class Found:
    """What a program in another language does that matters to the shell analysis."""

    __slots__ = ("shell", "opaque", "reads", "writes", "texts")

    def __init__(self) -> None:
        self.shell: list[str] = []
        self.opaque: list[str] = []
        self.reads: list[str] = []
        self.writes: list[str] = []
        self.texts: list[str] = []  # text the program adds to what it edits (sed's a/i/c text, s/// replacements)


# ---------------------------------------------------------------- awk

_AWK_STR = r'"((?:[^"\\]|\\.)*)"'
_AWK_SYSTEM = lazy(r"\bsystem\s*\(")
# system("…") and "…" | getline: the literal's opening (its quote last) and what must follow its closing quote. The
# string between them is found by _string_ends, not by a pattern: a pattern for it rescans to the end of the text from
# every quote, quadratic on `"\"\"\"…` with no closing quote (issue 16: 43 s on 100 KB).
_AWK_SYSTEM_OPEN = lazy(r'\bsystem\s*+\(\s*+"')
_AWK_SYSTEM_CLOSE = lazy(r"(?<!\s)\s*+\)")  # matched right after a closing quote; (?<!\s): one try per run of blanks
_AWK_GETLINE_CLOSE = lazy(r"(?<!\s)\s*+\|&?\s*+getline")
_AWK_GETLINE = lazy(r"(?<!\|)\|&?\s*getline")
_AWK_PRINT = lazy(r"^(?:.*[)\s])?printf?\b")
_AWK_PIPE_LIT = lazy(r"(?<!\|)\|&?(?!\|)\s*" + _AWK_STR)
_AWK_PIPE = lazy(r"(?<!\|)\|&?(?!\|)\s*[^\s\"]")
_AWK_FILE_LIT = lazy(r"(?<![<>=!])>>?\s*" + _AWK_STR)


def _awk_unescape(s: str) -> str:
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def awk_program(argv: list[str]) -> str | None:
    """The program text of an awk command line, or None when it runs a file (-f, -E, an -i naming a path)."""
    texts, files = awk_sources(argv)
    return None if files else "\n".join(texts) if texts else None


def awk_sources(argv: list[str]) -> tuple[list[str], list[str]]:
    """(the program texts, the program files) of an awk command line, read as gawk's getopt_long reads it (optables
    "awk"): -e/--source TEXT, glued (`-eTEXT`, `--source=TEXT`) or abbreviated (`--so=TEXT`); -f/--file, -E/--exec and
    an -i/--include naming a path (a library by its name, `-i inplace`, is gawk's own); mawk's and gawk's `-W NAME`
    spelled `--NAME`; options that take the next word (`-l ordchr`, `-v x=1`) never make it the program. With neither
    text nor file, the first operand is the program (options stop there)."""
    from .ir import Word
    from .options import normalise_words

    words: list[Word] = []
    k = 1
    while k < len(argv):
        a = argv[k]
        if a == "--":
            words += [Word(v, v) for v in argv[k:]]
            break
        if a == "-W" and k + 1 < len(argv):
            a = "--" + argv[k + 1]  # -W exec FILE, -W source=TEXT: the long option of that name
            k += 1
        elif a.startswith("-W") and len(a) > 2:
            a = "--" + a[2:]
        words.append(Word(a, a))
        k += 1
    nc = normalise_words("awk", words)
    texts: list[str] = []
    files: list[str] = []
    for opt, value, _ in nc.opts:
        if value is None:
            continue
        if opt == "source":
            texts.append(value)
        elif opt in ("file", "exec") or (opt == "include" and "/" in value):
            files.append(value)
    if not texts and not files and nc.words:
        texts.append(nc.words[0].value)
    return texts, files


def _awk_statements(program: str) -> list[str]:
    """Split at ``;``, braces and newlines outside string literals (linear time)."""
    out: list[str] = []
    start = 0
    in_string = False
    i = 0
    n = len(program)
    while i < n:
        c = program[i]
        if in_string:
            if c == "\\":
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in ";{}\n":
            out.append(program[start:i])
            start = i + 1
        i += 1
    out.append(program[start:])
    return out


def _string_ends(text: str) -> list[int]:
    """For each position j, where a double-quoted string whose body starts at j ends: the index of its closing quote,
    reading `\\x` as one escaped character (not a newline), or -1 where it never closes. Computed once, right to left (linear)."""
    n = len(text)
    ends = [-1] * (n + 2)
    for j in range(n - 1, -1, -1):
        c = text[j]
        if c == "\\":
            ends[j] = ends[j + 2] if j + 1 < n and text[j + 1] != "\n" else -1  # the pattern's `\\.`: no newline
        else:
            ends[j] = j if c == '"' else ends[j + 1]
    return ends


def _quoted_between(text: str, opening: LazyRe | None, closing: LazyRe) -> list[str]:
    """The bodies of the "…" literals that *opening* (ending at the literal's opening quote; None: any quote opens one)
    leads to and *closing* follows, found where re.finditer would find OPENING + "(?:[^"\\]|\\.)*" + CLOSING, in
    linear time."""
    if '"' not in text:
        return []
    close_rx = closing.compiled
    out: list[str] = []
    pos = 0
    if opening is None:
        # Every quote opens one: where *closing* matches is found first (each place once), then the quotes whose
        # string ends right before one of those places, in order (after a literal, the next is looked for past it).
        closes: dict[int, int] = {}  # where *closing* matches: its end
        c = close_rx.search(text)
        while c is not None:
            closes[c.start()] = c.end()
            c = close_rx.search(text, c.start() + 1)
        if not closes:
            return []
        ends = _string_ends(text)
        for s in [k for k, ch in enumerate(text) if ch == '"' and (e := ends[k + 1]) >= 0 and e + 1 in closes]:
            if s >= pos:
                end = ends[s + 1]
                out.append(text[s + 1 : end])
                pos = max(closes[end + 1], s + 1)
        return out
    lazy_ends: list[int] | None = None
    # The first match of *closing* at or after `looked` (None: there is none), kept until passed: a literal closes at p
    # only where it starts; with none left, no later opening finds one (each literal ends past its opening).
    looked, close = 0, close_rx.search(text)
    while (m := opening.compiled.search(text, pos)) is not None:
        if close is None and m.start() >= looked:
            break
        if lazy_ends is None:
            lazy_ends = _string_ends(text)
        end = lazy_ends[m.end()]
        after = None
        if end >= 0:
            p = end + 1
            if p < looked:
                after = close_rx.match(text, p)  # (before the closing kept: looked at on its own)
            else:
                if close is not None and close.start() < p:
                    looked, close = p, close_rx.search(text, p)
                after = close if close is not None and close.start() == p else None
        if after is not None:
            out.append(text[m.end() : end])
            pos = max(after.end(), m.start() + 1)
        else:
            pos = m.start() + 1
    return out


def awk(program: str) -> Found:
    found = Found()
    literal = 0
    for opening, closing in ((_AWK_SYSTEM_OPEN, _AWK_SYSTEM_CLOSE), (None, _AWK_GETLINE_CLOSE)):
        for body in _quoted_between(program, opening, closing):
            found.shell.append(_awk_unescape(body))
            literal += 1
    calls = len(_AWK_SYSTEM.findall(program)) + len(_AWK_GETLINE.findall(program))
    for stmt in _awk_statements(program):
        if "print" not in stmt or not _AWK_PRINT.match(stmt.strip()):
            continue
        pipe = _AWK_PIPE_LIT.search(stmt)
        if pipe:
            found.shell.append(_awk_unescape(pipe.group(1)))
        elif _AWK_PIPE.search(stmt) and "getline" not in stmt:
            calls += 1
        out = _AWK_FILE_LIT.search(stmt)
        if out and out.group(1) not in ("/dev/stdout", "/dev/stderr"):
            found.writes.append(_awk_unescape(out.group(1)))
    if calls > literal:
        found.opaque.append("awk runs a command built at run time (system(), a pipe to or from a command)")
    return found


# ---------------------------------------------------------------- sed

_SED_FILE_CMDS = frozenset("rRwW")
_SED_LABEL_CMDS = frozenset(":btT")


def sed_scripts(argv: list[str]) -> list[str] | None:
    """The sed scripts on a command line; None when one comes from a file (-f)."""
    scripts, files = sed_sources(argv)
    return None if files else scripts


def sed_sources(argv: list[str]) -> tuple[list[str], list[str]]:
    """(the scripts, the script files) of a sed command line, read as GNU sed's getopt_long reads it (optables "sed"):
    -e/--expression TEXT glued or not and abbreviated (`--expr=TEXT`, `-ne TEXT`, `-e1d`), -f/--file FILE (`-nf FILE`);
    with neither, the first operand is the script."""
    from .ir import Word
    from .options import normalise_words

    nc = normalise_words("sed", [Word(v, v) for v in argv[1:]])
    scripts = [v for o, v, _ in nc.opts if o == "expression" and v is not None]
    files = [v for o, v, _ in nc.opts if o == "file" and v is not None]
    if not scripts and not files and nc.words:
        scripts.append(nc.words[0].value)
    return scripts, files


def _sed_address(s: str, i: int) -> int:
    n = len(s)
    if (i < n and s[i] == "/") or (i + 1 < n and s[i] == "\\"):
        delim = s[i] if s[i] == "/" else s[i + 1]
        i += 1 if s[i] == "/" else 2
        while i < n and s[i] != delim:
            i += 2 if s[i] == "\\" else 1
        i += 1
        while i < n and s[i] in "IM":
            i += 1
    else:
        while i < n and (s[i].isdigit() or s[i] in "$~+"):
            i += 1
    return i


def _rest_of_line(s: str, i: int) -> tuple[str, int]:
    end = s.find("\n", i)
    if end == -1:
        end = len(s)
    return s[i:end].strip(), end


def _sed_text(raw: str) -> str:
    """The text sed writes for *raw* (an a/i/c text or an s/// replacement): `\\n` and an escaped newline are newlines,
    `\\t` a tab, any other escaped character itself."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            out.append("\n" if nxt in "n\n" else "\t" if nxt == "t" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _letters(flags: str) -> str:
    """The option letters of a short-option cluster, up to its first value (-Ei, -ni, -i.bak)."""
    end = 0
    while end < len(flags) and flags[end].isalpha():
        end += 1
        if flags[end - 1] in "ilef":
            break  # -i, -l, -e and -f take what follows as their value
    return flags[:end]


def sed_edits(argv: list[str]) -> tuple[list[str], str] | None:
    """(files, text) of a sed that edits files in place (-i) and adds text to them (a/i/c, s/// replacements); None otherwise."""
    in_place = any(a.startswith("--in-place") or (a[:1] == "-" and a[1:2].isalpha() and "i" in _letters(a[1:])) for a in argv[1:])
    scripts = sed_scripts(argv) if in_place else None
    if not scripts:
        return None
    texts = [t for t in sed("\n".join(scripts)).texts if t]  # sed joins its -e scripts with newlines
    if not texts:
        return None
    given = any(
        a in ("-e", "--expression") or a.startswith("--expression=") or (a.startswith("-") and not a.startswith("--") and a.endswith("e")) for a in argv[1:]
    )
    files: list[str] = []
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("-e", "--expression", "-l", "--line-length") or (a.startswith("-") and not a.startswith("--") and a.endswith("e") and len(a) > 1):
            i += 2
            continue
        if not a.startswith("-") or a == "-":
            files.append(a)
        i += 1
    files = files if given else files[1:]
    return (files, "\n".join(texts) + "\n") if files else None


# Commands of a sed script past which it is not read (about 1 µs each: 100 000 one-letter commands took ~75 ms of a
# decision's 100 ms, issue 16); longer scripts are asked about.
MAX_SED_COMMANDS = 5_000


def sed(script: str) -> Found:
    """Walk a sed script command by command (GNU syntax)."""
    found = Found()
    s = script
    n = len(s)
    i = 0
    commands = 0
    while i < n:
        while i < n and s[i] in " \t\n;{}":
            i += 1
        if i >= n:
            break
        commands += 1
        if commands > MAX_SED_COMMANDS:
            found.opaque.append(f"the sed script has more than {MAX_SED_COMMANDS} commands, more than clearance reads")
            break
        if s[i] == "#":
            _, i = _rest_of_line(s, i)
            continue
        i = _sed_address(s, i)
        while i < n and s[i] in " \t":
            i += 1
        if i < n and s[i] == ",":
            i = _sed_address(s, i + 1)
        while i < n and s[i] in " \t!":
            i += 1
        if i >= n:
            break
        c = s[i]
        i += 1
        if c in "sy":
            if i >= n:
                break
            delim = s[i]
            i += 1
            parts = []
            for _ in range(2):
                start = i
                while i < n and s[i] != delim:
                    i += 2 if s[i] == "\\" else 1
                parts.append(s[start:i])
                i += 1
            if c == "s" and parts[1]:
                found.texts.append(_sed_text(parts[1]))
            flags_start = i
            while i < n and s[i] not in ";\n}" and s[i] not in "wW":
                i += 1
            flags = s[flags_start:i]
            if c == "s" and "e" in flags:
                found.opaque.append("sed's s///e flag runs the edited text as a shell command")
            if i < n and s[i] in "wW" and c == "s":
                target, i = _rest_of_line(s, i + 1)
                found.writes.append(target)
        elif c == "e":
            text, i = _rest_of_line(s, i)
            if text:
                found.shell.append(text)
            else:
                found.opaque.append("sed's e command runs the pattern space as a shell command")
        elif c in _SED_FILE_CMDS:
            target, i = _rest_of_line(s, i)
            if target and target not in ("/dev/stdout", "/dev/stderr", "/dev/stdin"):
                (found.reads if c in "rR" else found.writes).append(target)
        elif c in "aic":
            # Text, not commands: `a\` then the text on the next line, or GNU's `a text` / `a\text` on the same one.
            # The text runs to the first newline not escaped by a backslash: `\` at a line's end continues it.
            if i < n and s[i] == "\\":
                i += 1
                if i < n and s[i] == "\n":
                    i += 1
            else:
                while i < n and s[i] in " \t":
                    i += 1  # GNU's one-line form drops the blanks before the text
            start = i
            while i < n and s[i] != "\n":
                i += 2 if s[i] == "\\" else 1
            found.texts.append(_sed_text(s[start:i]))
        elif c in _SED_LABEL_CMDS:
            while i < n and s[i] not in ";\n":
                i += 1
        elif c in "qQlL":
            while i < n and (s[i].isdigit() or s[i] in " \t"):
                i += 1
    return found


# ---------------------------------------------------------------- vim

# Possessive runs (*+ ++): the blanks are taken once; overlapping [\s:]* \s* \s* made "<6,400 blanks>x" cubic.
# `:w !cmd` pipes into a command, `:w!` forces a write: only a blank before the `!` makes it a command (`:r!cmd` reads one).
_VIM_BANG = lazy(r"^[\s:]*+(?:sil(?:ent)?!?\s++)?(?:(?:\d++|%|\$|'<,'>)?\s*+(?:r(?:ead)?\s*+|w(?:rite)?\s++)?)!(.*)$", 0)
_VIM_OPAQUE = lazy(
    r"\b(?:system|systemlist|libcall|job_start|jobstart|termopen)\s*\(|^[\s:]*(?:exe(?:cute)?|ter(?:minal)?|py(?:thon)?3?|pyx|lua|perl|ruby|so(?:urce)?|norm(?:al)?!?|call|let|au(?:tocmd)?)\b"
)


# An Ex command that writes the buffer to a file it names (`:w! F`, `:write >> F`, `:wq F`, `:x F`, `:saveas F`,
# `:update F`): group 1 the file. `:w !cmd` (a pipe into a command) is _VIM_BANG's; a bare `:w` writes the file edited.
_VIM_WRITE = lazy(
    r"^[\s:]*+(?:sil(?:ent)?!?\s++)?(?:\d++|%|\$|'<,'>)?(?:,\d++|,\$)?\s*+"
    r"(?:w(?:r(?:i(?:te?)?)?)?|wq|x(?:it?)?|exi(?:t)?|sav(?:e(?:a(?:s)?)?)?|up(?:d(?:a(?:te?)?)?)?)!?\s++(?:>>\s*+)?([^\s!|][^|]*)$",
    0,
)


def vim_commands(argv: list[str]) -> list[str]:
    out: list[str] = []
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("-c", "--cmd") and i + 1 < len(argv):
            out.append(argv[i + 1])
            i += 2
            continue
        if a.startswith("+"):
            out.append(a[1:] or "$")  # `+` alone: the last line (vim's +[num] with no number)
        i += 1
    return out


# Vim script's file functions with literal operands (`call delete(expand("~/x"), "rf")`, `rename(A, B)`,
# `writefile(L, F)`, `system("cmd")`): the shell command each is, so that what they reach is judged as typed (adversarial
# round 13c: `vim -S x.vim` holding `call delete(...)` removed clearance's policy; a file's `call` was not asked as a
# typed one is). A literal is '…' or "…", alone or inside expand(); an operand built otherwise adds nothing here.
_VIM_FUNC = lazy(r"\b(delete|rename|writefile|system|systemlist|filecopy)\s*+\(")
_VIM_LIT = lazy(r"""(?:expand\(\s*+)?(?:'([^'\n]*+)'|"([^"\\\n]*+)")(?:\s*+\))?""")


# `let NAME = EXPR` (a script's, a global's, a buffer's … variable) and the terms of a concatenation (`.`, `..`).
_VIM_LET = lazy(r"(?m)^[ \t:]*+let\s++((?:[gswbtl]:)?[A-Za-z_]\w*+)\s*+(\.\.?)?=\s*+(.+)$")
_VIM_VAR = lazy(r"(?:[gswbtl]:)?[A-Za-z_]\w*+")
_VIM_HOME = frozenset({"$HOME", 'expand("~")', "expand('~')", 'expand("$HOME")', "expand('$HOME')"})


def _vim_value(expr: str, env: dict[str, str]) -> str | None:
    """The value of a Vim expression made of literals, expand() of a literal, $HOME and the variables *env* holds,
    joined with `.` or `..`; None where a part is built otherwise (a function's result, an option)."""
    out = []
    for term in _vim_terms(expr):
        m = _VIM_LIT.fullmatch(term)
        if m is not None:
            out.append(m.group(1) if m.group(1) is not None else m.group(2))
        elif term in _VIM_HOME:
            out.append("~")
        elif _VIM_VAR.fullmatch(term) and term in env:
            out.append(env[term])
        else:
            return None
    return "".join(out) if out else None


def _vim_terms(expr: str) -> list[str]:
    """The terms of a concatenation, split at `.`/`..` outside quotes and parentheses."""
    terms, depth, start, j = [], 0, 0, 0
    while j < len(expr):
        ch = expr[j]
        if ch in "'\"":
            end = expr.find(ch, j + 1)
            j = end if end >= 0 else len(expr)
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch == "." and not depth and (j == 0 or expr[j - 1] == " " or expr[j + 1 : j + 2] in (" ", ".")):
            terms.append(expr[start:j].strip())
            j += 2 if expr[j + 1 : j + 2] == "." else 1
            start = j
            continue
        j += 1
    terms.append(expr[start:].strip())
    return [t for t in terms if t]


def _vim_lets(text: str) -> dict[str, str]:
    """The variables a Vim script sets with `let` to a value _vim_value knows, in order (a later `let` wins; one set
    to a value it cannot know is forgotten); `let x .= EXPR` appends."""
    env: dict[str, str] = {}
    for m in islice(_VIM_LET.finditer(text), 200):
        name, append, expr = m.group(1), m.group(2), m.group(3).split('"', 1)[0] if m.group(3).count('"') % 2 else m.group(3)
        value = _vim_value(expr.strip(), env)
        if value is None:
            env.pop(name, None)
        else:
            env[name] = env.get(name, "") + value if append else value
    return env


def _vim_args(text: str, i: int, env: dict[str, str] | None = None) -> list[str | None]:
    """The operands of the call whose arguments start at *i*: each one's value where it is made of literals and the
    variables *env* holds (`let p = expand("~") . "/x"`), None for one built otherwise."""
    args: list[str | None] = []
    depth = 0
    start = i
    j = i
    while j < len(text):
        ch = text[j]
        if ch in "'\"":
            end = text.find(ch, j + 1)
            j = end if end >= 0 else len(text)
        elif ch in "([{":
            depth += 1
        elif ch in ")]}" and depth:
            depth -= 1
        elif ch in ",)" and not depth:
            args.append(_vim_value(text[start:j].strip(), env or {}))
            if ch == ")":
                return args
            start = j + 1
        j += 1
    return args


def _vim_path(p: str) -> str:
    return p if p.startswith(("~/", "$HOME/")) and "'" not in p and " " not in p else shell_quote(p)


def _vim_functions(text: str, found: Found, env: dict[str, str] | None = None) -> None:
    for m in islice(_VIM_FUNC.finditer(text), 32):
        name = m.group(1)
        args = _vim_args(text, m.end(), env)
        first = args[0] if args else None
        if name in ("system", "systemlist"):
            if first:
                found.shell.append(first)
        elif name == "delete" and first:
            flags = args[1] if len(args) > 1 else ""
            found.shell.append(("rm -rf -- " if flags and "r" in flags else "rm -f -- ") + _vim_path(first))
        elif name in ("rename", "filecopy") and first and len(args) > 1 and args[1]:
            found.shell.append(("mv -- " if name == "rename" else "cp -- ") + _vim_path(first) + " " + _vim_path(args[1]))
        elif name == "writefile" and len(args) > 1 and args[1]:
            found.writes.append(args[1])


# Ex commands that write a file they name other than the buffer's: `:redir > F` (the messages after it), `:wviminfo F`,
# `:wshada F`, `:mksession F`, `:mkvimrc F`, `:mkexrc F` (`:redir => var` and `:redir @a` write no file).
_VIM_FILE_OUT = lazy(
    r"^[\s:]*+(?:sil(?:ent)?!?\s++)?(?:redi(?:r)?!?\s*+>>?|wv(?:iminfo)?!?|wsh(?:ada)?!?|mks(?:ession)?!?|mkv(?:imrc)?!?|mk(?:exrc)?!?)"
    r"\s*+([^\s|=>@][^|]*)$",
    0,
)

# Options that name a file vim writes (adversarial round 14c): 'viminfofile' (Neovim's 'shadafile') at exit,
# 'verbosefile' at once, the `n` item of 'viminfo'/'shada'. `:set viminfofile=~/.claude/settings.json` then `:q`
# wrote the agent's settings as `:wviminfo` does.
_VIM_SET_FILE = lazy(r"^[\s:]*+(?:sil(?:ent)?!?\s++)?(?:se(?:t)?|setg(?:lobal)?|setl(?:ocal)?)!?\s++(.*)$")
_VIM_FILE_OPTION = lazy(r"(?:^|\s)(?:viminfofile|vif|verbosefile|vfile|shadafile|sdf)=((?:\\ |\S)+)|(?:^|\s)(?:viminfo|vi|shada|sd)[+^]?=\S*?,n((?:\\ |\S)+)")


def vim(commands: list[str]) -> Found:
    found = Found()
    # The variables the commands set (a -S file's `let`s, -c 'let …'), for the operands built from them.
    env = _vim_lets("\n".join(commands)) if any("let" in c for c in commands) else {}
    for c in commands:
        if "(" in c:
            _vim_functions(c, found, env)
        for part in c.split("|") if "!" not in c else [c]:
            m = _VIM_BANG.match(part)
            w = _VIM_WRITE.match(part) if m is None else None
            if m:
                found.shell.append(m.group(1).strip())
            elif w:
                found.writes.append(w.group(1).strip())
            elif (out := _VIM_FILE_OUT.match(part)) is not None:
                found.writes.append(out.group(1).strip())
            elif (opt := _VIM_SET_FILE.match(part)) is not None:
                for m2 in _VIM_FILE_OPTION.finditer(opt.group(1)):
                    f = (m2.group(1) or m2.group(2) or "").replace("\\ ", " ")
                    if f and f != "NONE":
                        found.writes.append(f)
            elif _VIM_OPAQUE.search(part):
                found.opaque.append(f"vim runs {part.strip()!r}, an Ex command clearance does not analyse")
    return found


# ---------------------------------------------------------------- Tcl / expect

# The blanks after a command separator stop at a newline (itself a separator): from every newline of a
# run of newlines, \s* scanned the whole run again (quadratic). A newline-free run finds the same commands.
_TCL_EXEC = lazy(r"(?:^|[\[;{\n])[^\S\n]*+(?:exec|spawn)\s++([^\]\n;}]+)")
_TCL_SEND = lazy(r"(?:^|[\[;{\n])[^\S\n]*+send\b")
_TCL_OPAQUE = lazy(r"\b(?:file\s+(?:delete|rename|copy|attributes)|socket|open\s+\"?\||eval|uplevel|subst|source|interp|http::geturl)\b")


# Tcl's file commands with literal operands (`file delete -force ~/.config/x`, `open .claude/settings.json w`): the
# shell command each one is, so that what they reach is judged as typed (adversarial round 13a: `open PATH w` and `file
# delete` reached clearance's files from a script and from a here-string). The words end at `]`, `;`, a newline or `}`.
_TCL_FILE = lazy(r"(?:^|[\[;{\n])[^\S\n]*+(file\s++(?:delete|rename|copy|link|mkdir)|open)\s++((?:\{[^{}\n]*+\}|[^\]\n;{}])++)")
_TCL_SHELL = {"file delete": "rm -rf --", "file rename": "mv --", "file copy": "cp -r --", "file mkdir": "mkdir -p --"}
_TCL_WRITE_MODES = lazy(r"^[wa]|\+|WRONLY|RDWR|CREAT|TRUNC|APPEND")


def _tcl_words(text: str) -> list[str] | None:
    """The words of a Tcl command's literal operands ("…" and {…} grouped); None where one is built at run time."""
    words: list[str] = []
    i = 0
    text = text.strip()
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        close = {'"': '"', "{": "}"}.get(text[i])
        if close is not None:
            j = text.find(close, i + 1)
            if j < 0:
                return None
            words.append(text[i + 1 : j])
            i = j + 1
            continue
        j = i
        while j < len(text) and not text[j].isspace():
            j += 1
        words.append(text[i:j])
        i = j
    if any("$" in w or "[" in w or "\\" in w for w in words):
        return None
    return words


def _tcl_file_commands(code: str, found: Found) -> None:
    for m in _TCL_FILE.finditer(code):
        verb = " ".join(m.group(1).split())
        words = _tcl_words(m.group(2))
        if not words:
            continue
        if verb == "open":
            if len(words) > 1 and _TCL_WRITE_MODES.search(" ".join(words[1:])):
                found.writes.append(words[0])
            else:
                found.reads.append(words[0])  # `open PATH` / `open PATH r`: a read (cal14: a key read unseen)
            continue
        operands = [w for w in words if not w.startswith("-")]
        if verb == "file link":
            # file link ?-symbolic|-hard? LINK TARGET
            if len(operands) == 2:
                found.shell.append(f"ln -s -- {shell_words([operands[1], operands[0]])}")
            continue
        if operands:
            found.shell.append(f"{_TCL_SHELL[verb]} {shell_words(operands)}")


def shell_words(words: list[str]) -> str:
    """*words* quoted for the shell; a leading `~/` left to expand (Tcl 8 opens `~/x` in the home, as the shell does)."""
    out = []
    for w in words:
        tilde = "~/" if w.startswith("~/") else ""
        rest = w[len(tilde) :]
        out.append(tilde + "'" + rest.replace("'", "'\\''") + "'")
    return " ".join(out)


def tcl(code: str) -> Found:
    found = Found()
    _tcl_file_commands(code, found)
    for m in _TCL_EXEC.finditer(code):
        words = m.group(1).strip()
        if "$" in words or "[" in words:
            found.opaque.append(f"Tcl runs a command built at run time ({words[:60]!r})")
        else:
            found.shell.append(words.replace("{", "'").replace("}", "'"))
    if _TCL_OPAQUE.search(code):
        found.opaque.append("the Tcl code deletes files, opens sockets or evaluates code clearance does not analyse")
    if _TCL_SEND.search(code):
        found.opaque.append("expect types input into the program it spawned; clearance cannot judge what that input does")
    return found


def tcl_code(name: str, argv: list[str], stdin_text: str | None) -> str | None:
    for j, a in enumerate(argv[1:], start=1):
        if a == "-c" and j + 1 < len(argv):
            return argv[j + 1]
    operands = [a for a in argv[1:] if not a.startswith("-")]
    if operands:
        return None  # runs a script file
    return stdin_text


# ---------------------------------------------------------------- system() in other languages

# A call of a process function, written the way each of these languages calls: `(system "cmd")`, `(ext:shell "cmd")`,
# `(uiop:run-program "cmd")` in Lisp; `system("cmd")`, `unix("cmd")` in Octave, S-Lang and gnuplot;
# `System.Process.callCommand "cmd"` in Haskell; Java's `Runtime.getRuntime().exec("cmd")` (jrunscript, jjs).  Group 1 is
# the literal command line when one follows.
_CALL_NAMES = r"(?:system\*?|shell|run-shell-command|run-program|launch-program|callCommand|spawnCommand|unix|shell_cmd|popen|exec)"
_SYSTEM_CALL = lazy(r"(?:\(\s*+(?:[\w-]++:{1,2})?" + _CALL_NAMES + r"(?=\s)|(?<![\w:*-])" + _CALL_NAMES + r"(?=\s*+[(\"]))\s*+\(?\s*+(?:" + _AWK_STR + ")?")


# Lisp process calls that take a program and its arguments apart (SBCL's and CCL's run-program with an argument list,
# Racket's and Guile's system* and process* with one string each): the words after the program are its arguments.
_ARGV_CALL = lazy(r"(?:run-program|launch-program|system\*)\s*$")
# After the program: a string (interp.string_end: read once, where a pattern for it would rescan an open string from every
# escaped quote), or the opening of a list or vector of strings (`(list`, `'(`, `#(`, `(vector`), or its closing;
# anything else (a keyword argument, a variable) ends the arguments.
_ARGV_BRACKET = lazy(r"(\(\s*+(?:list|vector)\b|'\(|`\(|#\()|(\))")


def _argv_after(code: str, at: int) -> list[str]:
    """The literal argument strings after a Lisp process call's program, at *at* in *code* (see _ARGV_CALL)."""
    words: list[str] = []
    depth = 0
    while len(words) < 64:
        while at < len(code) and code[at].isspace():
            at += 1
        if code.startswith('"', at):
            end = string_end(code, at)
            if end < 0:
                break
            words.append(code[at + 1 : end - 1])
            at = end
            continue
        m = _ARGV_BRACKET.compiled.match(code, at)
        if m is None:
            break
        at = m.end()
        if m.group(1) is not None:
            depth += 1
        elif depth == 0:
            break  # the call's own closing parenthesis
        else:
            depth -= 1
    return words


def option_codes(argv: list[str], options: tuple[str, ...]) -> str | None:
    """The code given to *options*, every time one is given (`sbcl --eval A --eval B` runs both), a line each; None
    when none is."""
    found: list[str] = []
    j = 1
    while j < len(argv):
        a = argv[j]
        if a in options and j + 1 < len(argv):
            found.append(argv[j + 1])
            j += 2
            continue
        found += [a[len(o) + 1 :] for o in options if o.startswith("--") and a.startswith(o + "=")][:1]
        j += 1
    return "\n".join(found) if found else None


def option_code(argv: list[str], options: tuple[str, ...]) -> str | None:
    """The code given to one of *options* (``-e CODE``, ``--eval=CODE``); None when none is."""
    for j, a in enumerate(argv[1:], start=1):
        if a in options and j + 1 < len(argv):
            return argv[j + 1]
        for o in options:
            if o.startswith("--") and a.startswith(o + "="):
                return a[len(o) + 1 :]
    return None


def unread_code(name: str, argv: list[str], stdin_text: str | None) -> str | None:
    """The one-liner a program of UNREAD_CODE is given (`elixir -e CODE`, `crystal eval CODE`, `nim e --eval:CODE`,
    `tcc -run - <<< CODE`), or None when it runs a file or nothing."""
    from .programs import UNREAD_CODE

    options = UNREAD_CODE[name]
    if name == "nim":
        return next((a[len("--eval:") :] for a in argv[1:] if a.startswith("--eval:")), None) or option_code(argv, options)
    if name == "tcc":
        at = next((j for j, a in enumerate(argv) if a == "-run"), None)
        if at is None or at + 1 >= len(argv) or argv[at + 1] != "-":
            return None  # tcc -run FILE.c: a source file, judged as running project code
        return stdin_text if stdin_text is not None else ""
    code = option_code(argv, options)
    if code is None and stdin_text is not None and not any(not a.startswith("-") for a in argv[1:]):
        return stdin_text  # `echo CODE | jjs`: no code option and no script file, the program reads its input
    return code


# Code of any language that makes a network connection: a socket API (socket(), java.net.Socket, TCPSocket, TCPClient,
# fsockopen, Go's net.Dial and syscall.Socket, Lua's socket.tcp, zsh's ztcp) or a socket path (bash's /dev/tcp/, gawk's
# /inet/tcp/).
_CODE_SOCKET = lazy(r"(?i)socket|fsockopen|\bdial(?:tcp|udp)?\s*\(|/inet/tcp/|/dev/tcp/|\bztcp\b|tcpclient|tcplistener")
# Code that starts a shell: a string literal naming one as the program (`"/bin/sh"`, `'bash'`, `"sh -i"`, `"cmd.exe"`),
# or a shell's path unquoted (Tcl's `exec /bin/sh`).
_CODE_SHELL = lazy(
    r"""["'`](?:/usr)?(?:/bin/)?(?:ba|da|z|k|c|tc|fi|mk)?sh(?:\s+-[il]+)?["'`]|["'`](?:cmd|powershell|pwsh)(?:\.exe)?["'`]"""
    r"|(?<![\w/.-])/(?:usr/)?bin/(?:ba|da|z|k|c|tc|fi|mk)?sh\b"
)


# Code that runs a command it computes (`io.popen(r)`, `os.execute(cmd)`, Tcl's `exec $c`): with a socket, what the
# peer sends is what runs.
# Possessive blanks around the optional `(` (two runs of blanks split every way backtrack: `spawn` then 100 KB of blanks).
_CODE_RUNS_COMPUTED = lazy(r"\b(?:popen|system|execute|exec|spawn)\s*+(?:\(\s*+)?[A-Za-z_$]")


def socket_shell(code: str) -> bool:
    """Whether code of a language clearance does not read both connects a network socket and starts a shell, or runs
    a command it computes: the two halves of a reverse (or bind) shell, whichever language joins them (Go's
    syscall.Dup2, Java's stream copying, Python's pty.spawn run by gimp or gdb, Lua's io.popen of what it received).
    Language-blind: the socket API and the shell's name or the computed command, not the wiring."""
    if not _CODE_SOCKET.search(code):
        return False
    return bool(_CODE_SHELL.search(code)) or bool(_CODE_RUNS_COMPUTED.search(code))


# gawk's network special files: a variable given `/inet/tcp/…` is a socket (`s = "/inet/tcp/0/HOST/PORT"`), and a command
# run as a coprocess or a pipe (`c |& getline`, `c | getline`, `print … | c`, `system(c)`) from a variable that is not
# that socket runs what the variable holds: read from the socket, what the peer sent.
_AWK_SOCKET_VAR = lazy(r"\b([A-Za-z_]\w*)\s*=\s*\"/inet[46]?/(?:tcp|udp)/")
_AWK_RUNS_VAR = lazy(r"\b([A-Za-z_]\w*)\s*\|&?\s*getline|\|&?\s*([A-Za-z_]\w*)\s*[;}\n)]|\bsystem\s*\(\s*([A-Za-z_]\w*)\s*\)")


def awk_socket_shell(program: str) -> bool:
    """Whether an awk program opens a gawk network socket and runs, as a command, a variable other than the socket's:
    a remote shell (the command comes from the peer), as GTFOBins' gawk reverse and bind shells are."""
    sockets = {m.group(1) for m in _AWK_SOCKET_VAR.finditer(program)}
    if not sockets and "/inet" not in program:
        return False
    for m in _AWK_RUNS_VAR.finditer(program):
        var = m.group(1) or m.group(2) or m.group(3)
        if var and var not in sockets and var not in ("getline", "close", "print", "printf"):
            return True
    return False


# A shell and its -c handed their code as an argument list, in any language's spelling of one: Elixir's
# `System.cmd("sh", ["-c", CODE])`, Go's `exec.Command("sh", "-c", CODE)`, Java's `new ProcessBuilder("bash", "-c", CODE)`,
# Rust's `Command::new("sh").arg("-c").arg(CODE)`, Crystal's `Process.run("sh", ["-c", CODE])`: the literals in order,
# whatever the call around them (fix14b's open item: Elixir is not parsed, the command string was not read as shell).
_ARGV_SHELL = lazy(
    r"""(["'])(?:/usr)?(?:/bin/)?(?:ba|da|z|k|mk)?sh\1[\s,(\[]*+(?:\.args?\(\s*+\[?\s*+)?(["'])-[a-z]*c\2"""
    r"""[\s,)\]]*+(?:\.args?\(\s*+\[?\s*+)?(?:"((?:[^"\\\n]|\\.)*+)"|'((?:[^'\\\n]|\\.)*+)')"""
)


def system_calls(code: str) -> Found:
    """The command lines a one-liner hands to its language's system()-like calls; a call whose command is not a
    literal makes the code opaque."""
    found = Found()
    if "-" in code and "sh" in code:
        for m in _ARGV_SHELL.finditer(code):
            line = m.group(3) if m.group(3) is not None else m.group(4)
            found.shell.append(_awk_unescape(line))
    for m in _SYSTEM_CALL.finditer(code):
        if m.group(1) is not None:
            head = code[m.start() : m.start(1) - 1]
            words = _argv_after(code, m.end()) if head.startswith("(") and _ARGV_CALL.search(head) else []
            if words:
                # (sb-ext:run-program "/bin/rm" (list "-rf" "/home/ana")), (system* "rm" "-rf" DIR): a program and its
                # arguments, no shell between them.
                found.shell.append(" ".join(shell_quote(_awk_unescape(w)) for w in [m.group(1), *words]))
            else:
                found.shell.append(_awk_unescape(m.group(1)))
        else:
            found.opaque.append(f"the code runs a command built at run time ({m.group(0).strip()[:60]!r})")
    return found


# ---------------------------------------------------------------- gdb

_GDB_COMMAND_OPTS = frozenset({"-ex", "--ex", "-eval-command", "--eval-command", "-iex", "--iex", "-init-eval-command", "--init-eval-command"})
# dump/append [FORMAT] [memory|value] FILE …  (gdb "Dumping Data to Files")
_GDB_FORMATS = frozenset({"binary", "ihex", "srec", "tekhex", "verilog"})


def gdb_commands(argv: list[str]) -> list[str]:
    """The gdb commands given on its command line (-ex CMD, --eval-command=CMD, -iex CMD), in order; none after
    --args (the words there are the program and its arguments)."""
    out: list[str] = []
    j = 1
    while j < len(argv):
        a = argv[j]
        if a == "--args":
            break
        if a in _GDB_COMMAND_OPTS and j + 1 < len(argv):
            out.append(argv[j + 1])
            j += 2
            continue
        opt, eq, value = a.partition("=")
        if eq and opt in _GDB_COMMAND_OPTS:
            out.append(value)
        j += 1
    return out


def gdb(commands: list[str]) -> Found:
    """What gdb's own commands do: `!CMD`, `shell CMD` and `pipe GDBCMD | CMD` run CMD through the shell, `python CODE`
    (`py`, `pi`) runs Python, `dump`/`append … FILE` write FILE."""
    found = Found()
    for c in commands:
        text = c.strip()
        head, _, rest = text.partition(" ")
        if text.startswith("!"):
            found.shell.append(text[1:])
        elif head == "shell":
            found.shell.append(rest)
        elif head in ("pipe", "|") and "|" in rest:
            found.shell.append(rest.split("|", 1)[1])
        elif head in ("python", "py", "python-interactive", "pi") and rest.strip():
            found.shell.append("python3 -c " + shell_quote(rest))
        elif head in ("dump", "append"):
            words = rest.split()
            while words and (words[0] in _GDB_FORMATS or words[0] in ("memory", "value")):
                words = words[1:]
            if words:
                found.writes.append(words[0])
    return found


# ---------------------------------------------------------------- TeX

_TEX_SHELL_ESCAPE = frozenset({"-shell-escape", "--shell-escape", "-enable-write18", "--enable-write18"})
_TEX_NO_SHELL_ESCAPE = frozenset({"-no-shell-escape", "--no-shell-escape", "-disable-write18", "--disable-write18"})
_TEX_WRITE18 = lazy(r"\\write18\s*+\{")
_TEX_PIPE_INPUT = lazy(r"\\input\s*+\{?\|\s*+\"([^\"]*)\"")


def _braced(text: str, start: int) -> str | None:
    """The text up to the brace that closes the one opened just before *start*, or None when it is not closed."""
    depth = 1
    for i in range(start, min(len(text), start + 10_000)):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[start:i]
    return None


def tex(argv: list[str]) -> Found:
    """A TeX engine's shell escapes in the document text on its command line, when shell escape is on (the last of
    -shell-escape / -no-shell-escape wins); restricted mode (the default) runs only a list of safe programs."""
    found = Found()
    enabled = False
    for a in argv[1:]:
        if a in _TEX_SHELL_ESCAPE:
            enabled = True
        elif a in _TEX_NO_SHELL_ESCAPE:
            enabled = False
    if not enabled:
        return found
    for a in argv[1:]:
        if a.startswith("-") or "\\" not in a:
            continue
        for m in _TEX_WRITE18.finditer(a):
            body = _braced(a, m.end())
            if body is None or "\\" in body:
                found.opaque.append("TeX runs a shell command built from macros (\\write18)")
            else:
                found.shell.append(body)
        for m in _TEX_PIPE_INPUT.finditer(a):
            found.shell.append(m.group(1))
    return found


_TEX_DIRECTLUA = lazy(r"\\(?:directlua|luaexec|luadirect)\s*+\{")


def tex_lua(argv: list[str]) -> list[str]:
    """The Lua code of each \\directlua{…} (\\luaexec, \\luadirect) in the document text on a LuaTeX command line."""
    out: list[str] = []
    for a in argv[1:]:
        if a.startswith("-") or "\\" not in a:
            continue
        for m in _TEX_DIRECTLUA.finditer(a):
            body = _braced(a, m.end())
            if body is not None:
                out.append(body)
    return out


# ---------------------------------------------------------------- AppleScript

_AS_SHELL_LIT = lazy(r"do\s+shell\s+script\s+" + _AWK_STR + r"(?=\s*(?:$|\n|with\b|user\b|password\b|administrator\b|altering\b))")
_AS_SHELL = lazy(r"do\s+shell\s+script|doShellScript|\$\.system|NSTask|Process\(\)")
_AS_HARMLESS = lazy(r"^\s*(?:display\s+(?:notification|dialog|alert)|say|beep|get\s+volume\s+settings|set\s+volume|return|log)\b")


def applescript(code: str) -> Found:
    found = Found()
    literal = [m.group(1) for m in _AS_SHELL_LIT.finditer(code)]
    found.shell.extend(_awk_unescape(t) for t in literal)
    if len(_AS_SHELL.findall(code)) > len(literal):
        found.opaque.append("the AppleScript runs a shell command built at run time")
    rest = _AS_SHELL_LIT.sub("", code)
    for line in rest.replace(";", "\n").splitlines():
        if line.strip() and not _AS_HARMLESS.match(line) and not _AS_SHELL.search(line):
            found.opaque.append(f"AppleScript {line.strip()[:60]!r} can control any application; clearance does not analyse it")
            break
    return found


def osascript_code(argv: list[str]) -> str | None:
    parts = [argv[j + 1] for j, a in enumerate(argv[:-1]) if a == "-e"]
    return "\n".join(parts) if parts else None


# ---------------------------------------------------------------- make

_MAKE_INLINE = lazy(r"^[^:=#\t][^:=#]*::?[^=;]*;(.*)$")
# Where str.splitlines() ends a line and make does not: make ends one at "\n" only, and the shell it hands a recipe
# line to reads these as part of a word.
_NOT_MAKE_BREAKS = str.maketrans({c: " " for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})
_MAKE_PREFIX = lazy(r"^[ \t]*(?:override[ \t]+)?\.RECIPEPREFIX[ \t]*(?::{1,3}|[?+])?=[ \t]?(.?)")
_MAKE_DEF = lazy(r"^[ \t]*(?:(?:export|override|private)[ \t]+)*(\.?[A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(:{1,3}=|[?+!]?=)[ \t]*(.*)$")
_MAKE_DEFINE = lazy(r"^[ \t]*(?:(?:export|override|private)[ \t]+)*define[ \t]+([A-Za-z_][A-Za-z0-9_.-]*)")
_MAKE_EXPORT = lazy(r"(?m)^[ \t]*(?:override[ \t]+)?export[ \t]+([A-Za-z_][A-Za-z0-9_]*)")
_MAKE_REF = lazy(r"\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]")
_MAKE_MAX_LINES = 20_000  # a makefile past this is read as it stands


def make_text(text: str, overrides: dict[str, str] | None = None) -> str:
    """A makefile's text as make reads it, in the shape the recipe readers take (lines, recipe lines led by a tab):
    lines end at "\n" only (a form feed, `\r`, U+2028 are part of the line, so `echo a<FF>; rm …` is one recipe line);
    the lines led by `.RECIPEPREFIX`'s character are the recipes; a recipe's `$(NAME)` of a variable the makefile
    (or the command line's NAME=VALUE, in *overrides*) sets literally is its value -- one more recipe line for each
    other value it is given, each line of a `define` block a recipe line of its own --, and `$(shell CMD)` in a
    recipe is the shell's `` `CMD` ``.  Before, such a recipe was read as nothing, or its command as a value
    only known at run time, and `make test` ran what no rule had seen (adversarial round 15b)."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    if not text.isascii() or any(c in text for c in "\r\x0b\x0c\x1c\x1d\x1e"):
        text = text.translate(_NOT_MAKE_BREAKS)
    lines = text.split("\n")
    if len(lines) > _MAKE_MAX_LINES:
        return text
    # .RECIPEPREFIX: the lines led by its character are recipe lines (an empty value is the tab again).
    if ".RECIPEPREFIX" in text:
        prefix = "\t"
        for i, line in enumerate(lines):
            m = _MAKE_PREFIX.match(line)
            if m:
                prefix = m.group(1) or "\t"
            elif prefix != "\t" and line.startswith(prefix):
                lines[i] = "\t" + line[1:]
    if "$" not in text and "SHELL" not in text and "export" not in text:
        return "\n".join(lines)
    values: dict[str, list[str]] = {k: [v] for k, v in (overrides or {}).items()}
    shell_set: set[str] = set()
    block_name = ""
    body: list[str] = []
    for line in lines:
        if block_name:
            if line.strip() == "endef":
                values.setdefault(block_name, []).append("\n".join(body))
                block_name = ""
            else:
                body.append(line)
            continue
        if line.startswith("\t"):
            continue
        m = _MAKE_DEFINE.match(line) if "define" in line else None
        if m:
            block_name, body = m.group(1), []
            continue
        m = _MAKE_DEF.match(line)
        if m:
            name, op, value = m.group(1), m.group(2), m.group(3).strip()
            if op == "!=":
                shell_set.add(name)  # a command's output: known at run time only
            elif op == "+=" and values.get(name):
                values[name][-1] += " " + value
            else:
                values.setdefault(name, []).append(value)
    for name in shell_set:
        values.pop(name, None)
    # SHELL, .SHELLFLAGS and exported variables: make runs each recipe line as `$(SHELL) $(.SHELLFLAGS) LINE` with them
    # in the environment (`.SHELLFLAGS = -c 'rm …'`, `SHELL = /tmp/sh`, `export BASH_ENV = …` run before any line):
    # that command, with a line doing nothing, leads each rule's recipe.
    runner = ""
    exported = [m.group(1) for m in _MAKE_EXPORT.finditer(text)]
    if "SHELL" in values or ".SHELLFLAGS" in values or exported:
        from .interp import shell_quote

        env = " ".join(f"{n}={shell_quote(values[n][-1])}" for n in dict.fromkeys(exported) if n in values and n.isidentifier())
        shell = values.get("SHELL", ["/bin/sh"])[-1] or "/bin/sh"
        runner = f"{env} {shell} {values.get('.SHELLFLAGS', ['-c'])[-1]} :".strip()
    out: list[str] = []
    for line in lines:
        if not line.startswith("\t") or ("$" not in line and not runner):
            out.append(line)
            continue
        if runner and out and not out[-1].startswith("\t"):
            out.append("\t" + runner)
        for variant in _make_expand(line[1:], values)[:16] if "$" in line else [line[1:]]:
            out.extend("\t" + part for part in variant.split("\n"))
    return "\n".join(out)


def _make_expand(line: str, values: dict[str, list[str]], depth: int = 0) -> list[str]:
    """*line* with its references to *values* replaced (the first value; one more line per other value), nested
    references to a depth of four; `$(shell CMD)` as `` `CMD` ``."""
    if "$(shell " in line or "${shell " in line:
        line = _make_shell_calls(line)
    if depth > 4 or ("$(" not in line and "${" not in line):
        return [line]
    refs = [m for m in _MAKE_REF.finditer(line) if m.group(1) in values and line[m.start() - 1 : m.start()] != "$"]
    if not refs:
        return [line]
    first: list[str] = []
    pos = 0
    alternates: list[str] = []
    for m in refs:
        vals = values[m.group(1)]
        first.append(line[pos : m.start()])
        first.append(vals[0])
        for other in vals[1:4]:
            alternates.append(line[: m.start()] + other + line[m.end() :])
        pos = m.end()
    first.append(line[pos:])
    out = _make_expand("".join(first), values, depth + 1)
    for alt in alternates:
        if len(out) >= 16:
            break
        out.extend(_make_expand(alt, values, depth + 1))
    return out[:16]


def _make_shell_calls(line: str) -> str:
    """`$(shell CMD)` (or `${shell CMD}`) as the shell's `` `CMD` ``: make runs CMD when it expands the recipe line."""
    out: list[str] = []
    pos = 0
    while True:
        i = min((j for j in (line.find("$(shell ", pos), line.find("${shell ", pos)) if j >= 0), default=-1)
        if i < 0:
            out.append(line[pos:])
            return "".join(out)
        opener, closer = line[i + 1], ")" if line[i + 1] == "(" else "}"
        depth, j = 0, i + 1
        while j < len(line):
            depth += line[j] == opener
            depth -= line[j] == closer
            if depth == 0:
                break
            j += 1
        out.append(line[pos:i])
        out.append("`" + line[i + len("$(shell ") : j].strip() + "`")
        pos = j + 1


def makefile_recipes(text: str) -> list[str]:
    text = make_text(text)
    out: list[str] = []
    # (only a recipe line or a rule line with `:` and `;` holds a command: the others are passed over in one comprehension)
    for line in [line for line in text.splitlines() if line[:1] == "\t" or (";" in line and ":" in line)]:
        if line.startswith("\t"):
            body = line[1:]
        else:
            m = _MAKE_INLINE.match(line)
            if not m:
                continue
            body = m.group(1)
        body = body.strip().lstrip("@-+").strip()
        if body:
            out.append(body.replace("$$", "$"))
    return out


def make_reads_stdin(argv: list[str]) -> bool:
    for j, a in enumerate(argv[1:], start=1):
        if a in ("-f", "--file", "--makefile") and j + 1 < len(argv) and argv[j + 1] in ("-", "/dev/stdin"):
            return True
        if a in ("-f-", "--file=-", "--makefile=-", "-f/dev/stdin"):
            return True
    return False


# ---------------------------------------------------------------- PowerShell


def powershell(argv: list[str]) -> Found:
    found = Found()
    for j, a in enumerate(argv[1:], start=1):
        low = a.lower()
        if low in ("-encodedcommand", "-enc", "-ec", "-e", "-en", "-encoded"):
            found.opaque.append("PowerShell runs a base64-encoded command; clearance cannot see what it does")
            return found
        if low in ("-command", "-c", "-com", "-comm", "-comman"):
            code = " ".join(argv[j + 1 :])
            found.opaque.append(f"PowerShell code ({code[:60]!r}) is not analysed by clearance")
            return found
        if low in ("-file", "-f"):
            return found  # runs a script file, like `bash script.sh`
        if low in ("-version", "-v", "--version", "-help", "-h", "--help", "-?", "/?"):
            return found  # prints its version or usage and exits
        if not a.startswith("-"):
            found.opaque.append(f"PowerShell code ({' '.join(argv[j:])[:60]!r}) is not analysed by clearance")
            return found
    found.opaque.append("PowerShell starts an interactive shell whose commands clearance cannot see")
    return found


# ---------------------------------------------------------------- script(1), GNU parallel


def script_command(argv: list[str]) -> str | None:
    for j, a in enumerate(argv[1:], start=1):
        if a in ("-c", "--command") and j + 1 < len(argv):
            return argv[j + 1]
        if a.startswith("--command="):
            return a.split("=", 1)[1]
        if a.startswith("-") and not a.startswith("--") and a.endswith("c") and j + 1 < len(argv):
            return argv[j + 1]
    return None


_PARALLEL_VALUE_OPTS = frozenset(
    {
        "-j",
        "-P",
        "--jobs",
        "-S",
        "--sshlogin",
        "--joblog",
        "--delay",
        "--timeout",
        "-N",
        "-n",
        "-L",
        "--colsep",
        "-C",
        "--tagstring",
        "--results",
        "--tmpdir",
        "--workdir",
        "--env",
        "--halt",
        "--retries",
        "-a",
        "--arg-file",
    }
)
MAX_PARALLEL_ITEMS = 20


def parallel(argv: list[str]) -> tuple[list[str], list[str], bool]:
    """GNU parallel's command template, the command lines it would run for its literal
    ``:::`` items, and whether some inputs are unknown (stdin, ``::::`` files, ``-a``)."""
    i = 1
    replace = "{}"
    arg_file = False
    while i < len(argv) and argv[i].startswith("-"):
        a = argv[i]
        if a in ("-I", "--replace") and i + 1 < len(argv):
            replace = argv[i + 1]
        if a in ("-a", "--arg-file"):
            arg_file = True
        i += 2 if a in _PARALLEL_VALUE_OPTS or a in ("-I", "--replace") else 1
    template: list[str] = []
    while i < len(argv) and argv[i] not in (":::", "::::", ":::+", "::::+"):
        template.append(argv[i])
        i += 1
    items: list[str] = []
    unknown = arg_file or i >= len(argv)
    while i < len(argv):
        if argv[i] in ("::::", "::::+"):
            unknown = True
        elif argv[i] not in (":::", ":::+"):
            items.append(argv[i])
        i += 1
    text = " ".join(template)
    if not text:
        # No command: every input is itself a command line (`parallel ::: 'rm -rf /' 'make'`).
        return [], items[:MAX_PARALLEL_ITEMS], True
    lines: list[str] = []
    for item in items[:MAX_PARALLEL_ITEMS]:
        q = shell_quote(item)
        lines.append(text.replace(replace, q) if replace in text else f"{text} {q}")
    if len(items) > MAX_PARALLEL_ITEMS:
        unknown = True
    words = [w for t in template for w in t.split()]
    return words, lines, unknown


# ---------------------------------------------------------------- fzf
# fzf's actions whose argument is a shell command line it runs (fzf(1) "AVAILABLE ACTIONS": execute, execute-silent,
# become, reload, reload-sync, preview, change-preview, and the transform family, which runs its command to compute
# actions); an argument is enclosed by a pair (`()`, `[]`, `{}`, `<>`) or one of fzf's quote characters, or follows a
# colon to the end of the binding string.
_FZF_RUNS = frozenset({"execute", "execute-silent", "become", "reload", "reload-sync", "preview", "change-preview", "transform"})
_FZF_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_FZF_QUOTES = frozenset("~!@#$%^&*;/|")


def _fzf_runs(action: str) -> bool:
    return action in _FZF_RUNS or action.startswith(("transform-", "bg-transform"))


def fzf_bind_commands(spec: str) -> list[str]:
    """The command lines an fzf `--bind` string runs: `KEY:ACTION(CMD)`, `KEY:ACTION+ACTION[CMD]`, `KEY:ACTION:CMD`,
    bindings joined by commas."""
    out: list[str] = []
    i, n = 0, len(spec)
    while i < n:
        colon = spec.find(":", i + 1)  # the key (its first character may be `:` or `,` itself)
        if colon < 0:
            break
        i = colon + 1
        while i < n:  # ACTION[+ACTION…]
            j = i
            while j < n and (spec[j].isalnum() or spec[j] in "-_"):
                j += 1
            name, c = spec[i:j], spec[j] if j < n else ""
            if c in _FZF_PAIRS or (c and c in _FZF_QUOTES):
                end = spec.find(_FZF_PAIRS.get(c, c), j + 1)
                end = n if end < 0 else end
                if _fzf_runs(name):
                    out.append(spec[j + 1 : end])
                j = end + 1
                c = spec[j] if j < n else ""
            elif c == ":":
                if _fzf_runs(name):
                    out.append(spec[j + 1 :])  # ACTION:CMD takes the rest of the string
                return [t for t in out if t.strip()]
            i = j + 1
            if c != "+":
                break
    return [t for t in out if t.strip()]


# ---------------------------------------------------------------- code clearance does not read
_QUOTES = "\"'`"


def _literal_pattern(quotes: str) -> str:
    """A string of each quote character whole, else that quote alone (one with no closing quote: where reading stops)."""
    return "|".join(f"{q}[^{q}]*+{q}" for q in quotes) + "|[" + quotes + "]"


# The quote sets the callers use, each read in one finditer (a Python step per string found, not a find per quote
# character and string: 100 KB of '"' in quoted_literals ~24 -> ~17 ms); another set goes through the loop below.
_LITERAL = {quotes: lazy(_literal_pattern(quotes)) for quotes in (_QUOTES, "\"'", '"', "'")}


def _literal_spans(text: str, quotes: str) -> Iterator[tuple[int, int]]:
    """(opening, closing) of the quoted strings of *text* (between two of the same quote character, no escapes read), in
    order.  The next of each quote character is looked for once and kept until passed: linear (looking for each again
    after every string rescanned the rest of the text for a quote it does not hold, quadratic on 100 KB of double quotes, issue 16)."""
    pattern = _LITERAL.get(quotes)
    if pattern is not None:
        for m in pattern.compiled.finditer(text):
            k, end = m.span()
            if end - k < 2:  # a quote never closed
                return
            yield k, end - 1
        return
    nxt = {q: text.find(q) for q in quotes}
    i = 0
    while True:
        k = -1
        for q in quotes:
            at = nxt[q]
            if 0 <= at < i:
                at = nxt[q] = text.find(q, i)
            if at >= 0 and (k < 0 or at < k):
                k = at
        if k < 0:
            return
        end = text.find(text[k], k + 1)
        if end < 0:
            return
        yield k, end
        i = end + 1


def _literals(text: str, quotes: str) -> Iterator[str]:
    """The quoted strings of *text* (between two of the same quote character, no escapes read), in order."""
    return (text[k + 1 : end] for k, end in _literal_spans(text, quotes))


def called_literals(code: str, limit: int = 16) -> list[str]:
    """The string literals of code handed to a call (`f("…")`, `system('…')`) or run as a command (a `…` backquote or
    template literal, `$`…``): what a runner's system()-like call may run. A value of a data file (`{"k": "…"}`, a
    list item) is none of these."""
    out: list[str] = []
    i = 0
    # _TO_CALLED reads the text up to the next literal that may be one (a backquote, or a quote after `(` and blanks),
    # strings that are not read whole in C: a Python step per such literal, not per string (100 KB of '"', 50,000
    # empty strings, ~32 ms).  A quote it stops at that is never closed ends the reading, as before.
    while len(out) < limit:
        m = _TO_CALLED.compiled.match(code, i)
        assert m is not None  # (it matches empty)
        k = m.end()
        if k >= len(code):
            break
        if code[k] == "(":
            k = _BLANKS.compiled.match(code, k + 1).end()  # type: ignore[union-attr]  # (it matches empty)
        end = code.find(code[k], k + 1)
        if end < 0:
            break
        if code[k] == "`" or m.end() < k:
            out.append(code[k + 1 : end])
        i = end + 1
    return out


# What called_literals passes over: characters that open no string, strings of '…' and "…" read whole, and a `(` not
# followed (blanks aside) by a quote.  It stops at a backquote, a `(` before a quote, and a quote that is never closed.
# (a run of `(` in one step, up to the last one before a quote, and the text after each `(` in the same step: one
# character at a time took ~3 ms on 100 KB of `(&`, now ~1.4)
_TO_CALLED = lazy(r"""(?:[^"'`(]++|"[^"]*+"|'[^']*+'|\(\(*(?!\s*+["'`])[^"'`(]*+(?:\((?!\s*+["'`])[^"'`(]*+)*+)*+""")
_BLANKS = lazy(r"\s*+")


def string_literals(code: str, limit: int = 64, quotes: str = "") -> list[str]:
    """The quoted strings of a program's code ("…", '…' or `…`, or only *quotes*; no escapes read), in order, at most
    *limit*."""
    return list(islice(_literals(code, quotes or _QUOTES), limit))


def quoted_literals(text: str, limit: int = 32) -> list[str]:
    """The quoted strings of a file's text (JSON, YAML, INI values, code) that hold a blank: what could be a command line
    a program runs from its configuration.  Escapes are not undone; at most *limit*."""
    return list(islice((lit for lit in _literals(text, "\"'") if " " in lit.strip() and "\n" not in lit), limit))


def code_literal_paths(code: str, home: str) -> list[str]:
    """The string literals of a program's code that name the hidden configuration of the user's home (`"~/.x"`,
    `'$HOME/.x'`, `"/home/ana/.x"`) or of the system (`"/etc/x"`): what code of a language clearance does not read
    (Octave's fopen, Java's FileWriter from jrunscript, a Puppet `file` resource) may open, read or write."""
    out: list[str] = []
    for lit in string_literals(code):
        if len(out) >= 16:
            break
        for prefix in ("~/", "$HOME/", "${HOME}/", home.rstrip("/") + "/"):
            if lit.startswith(prefix) and lit[len(prefix) : len(prefix) + 1] == "." and home:
                out.append(home.rstrip("/") + "/" + lit[len(prefix) :])
                break
        else:
            if lit.startswith("/etc/") and " " not in lit:
                out.append(lit)
    return out
