"""What a file holds after an in-place edit: the one reading of `sed -i` scripts (and of `perl -pi`'s substitutions)
that clearance applies to a file's text, as GNU sed applies them (line by line, its basic or extended regular
expressions read into Python's).

Used where the same command line then runs the file (`sed -i 's/x/y/' t.py && python t.py`: what runs is the edited
file, which clearance can then read instead of asking; sameline.written_then_run, engine._check_scripts_in) and
where it leaves a file clearance judges by what it says (settingsresult: `sed -i 's/ask/allow/' opencode.json`).

A script is read when it is made only of `s///` (flags g, i/I, 1), `d` and one-line `a`/`i`/`c`, each with at most one
address (a line number, `$`, or /REGEX/); anything else (another command, the e/w/p/m flags, a range) is not.

Bounded time (tests/test_regex_bounds.py DYNAMIC_SITES): the agent writes the expression and may write the file, so
an expression must not stall the hook.  A back-reference, a repeated group (`(a*)*`) or an expression of over
_MAX_PATTERN characters is not applied; an expression with repetition (`.*`, `[^"]*`) only where the text is small
enough that its worst case (a line's length to the power of its repetitions plus one) stays within _BUDGET.  Where an
edit is not applied its result is unknown, and the callers ask as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .model import TOO_LARGE

# GNU sed's options a plain in-place edit uses; any other (-f, -s, -z, -n, --follow-symlinks …) is not read.
_FLAG_LETTERS = frozenset("iEr")
_LONG = ("--in-place", "--regexp-extended", "--expression=", "--posix")
_MAX_TEXT = 512 * 1024
_MAX_PATTERN = 200
# Steps of the regular-expression engine an edit with repetition may take at the most (see the module's text).
_BUDGET = 10_000_000
_NESTED_REPEAT = re.compile(r"\)[*+?{]")
_BACKREF = re.compile(r"\\[1-9]")


class Sub:
    """One substitution: the expression, the replacement as literal pieces and group numbers (0: the match), how many
    matches a line (0: all), and how many repetition operators the expression holds.  A plain class, not a NamedTuple
    or a dataclass: those import typing, and a decision on another thread importing it at the same moment sees a
    half-initialised module (the daemon and the service decide on several threads)."""

    __slots__ = ("regex", "repl", "times", "repeats")

    def __init__(self, regex: re.Pattern[str], repl: list[str | int], times: int, repeats: int) -> None:
        self.regex = regex
        self.repl = repl
        self.times = times
        self.repeats = repeats


# (address: None, a line number, "$" or a compiled pattern; the command letter; its argument: a Sub or a text)
Command = tuple[object, str, object]


def plan(argv: list[str]) -> tuple[list[Command], list[str]] | None:
    """(program, files) of `sed -i [-E] [-e SCRIPT]… [SCRIPT] FILE…`, or None when the sed does anything else (a
    script file, an option it does not read, a script not read here: see the module's text)."""
    scripts: list[str] = []
    files: list[str] = []
    ere = in_place = given = False
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("-e", "--expression") and i + 1 < len(argv):
            scripts.append(argv[i + 1])
            given = True
            i += 2
            continue
        if a.startswith("--expression="):
            scripts.append(a.split("=", 1)[1])
            given = True
        elif a.startswith("--"):
            if not a.startswith(_LONG):
                return None
            in_place = in_place or a.startswith("--in-place")
            ere = ere or a == "--regexp-extended"
        elif a.startswith("-") and len(a) > 1:
            letters = a[1:]
            if letters.startswith("i"):
                in_place = True  # -i or -iSUFFIX (a backup copy)
                letters = ""
            elif letters.endswith("i") and set(letters) <= _FLAG_LETTERS:
                in_place = True
            if letters.endswith("e") and set(letters[:-1]) <= _FLAG_LETTERS and i + 1 < len(argv):
                in_place = in_place or "i" in letters
                ere = ere or "E" in letters or "r" in letters
                scripts.append(argv[i + 1])
                given = True
                i += 2
                continue
            if not set(letters) <= _FLAG_LETTERS:
                return None
            ere = ere or "E" in letters or "r" in letters
        else:
            files.append(a)
        i += 1
    if not given and files:
        scripts, files = [files[0]], files[1:]
    if not in_place or not scripts or not files:
        return None
    got = program("\n".join(scripts), ere)
    return (got, files) if got else None


def edited_texts(argv: list[str], path_of: Callable[[str], str], read: Callable[[str], str | None]) -> dict[str, str] | None:
    """Each file's text after the edit (keyed by *path_of* its name), or None when one cannot be worked out."""
    got = plan(argv)
    if got is None:
        return None
    commands, files = got
    out: dict[str, str] = {}
    for f in files:
        p = path_of(f)
        before = read(p)
        after = apply(before, commands) if before is not None and before != TOO_LARGE else None
        if after is None:
            return None
        out[p] = after
    return out


def program(script: str, ere: bool) -> list[Command] | None:
    """The commands of a sed script made only of `s///`, `d` and one-line `a`/`i`/`c` with at most one address; None
    for anything else."""
    from .shell.embedded import _sed_text

    out: list[Command] = []
    s, i, n = script, 0, len(script)
    while i < n:
        while i < n and s[i] in " \t\n;":
            i += 1
        if i >= n:
            break
        addr: object = None
        if s[i] == "/":
            j = until(s, i + 1, "/")
            if j < 0:
                return None
            pat = _regex(s[i + 1 : j], "/", ere)
            if pat is None:
                return None
            addr, i = pat, j + 1
        elif s[i].isdigit():
            j = i
            while j < n and s[j].isdigit():
                j += 1
            addr, i = int(s[i:j]), j
        elif s[i] == "$":
            addr, i = "$", i + 1
        if i >= n:
            return None
        c = s[i]
        i += 1
        if c == "d":
            out.append((addr, "d", None))
        elif c in "aic":
            # The text runs to the first newline a backslash does not escape (`a\` then the text on the next line).
            j = i
            while True:
                end = s.find("\n", j)
                end = n if end < 0 else end
                if end < n and s[j:end].endswith("\\") and not s[j:end].endswith("\\\\"):
                    j = end + 1
                    continue
                break
            raw = s[i:end].lstrip(" \t")
            raw = raw[2:] if raw.startswith("\\\n") else raw[1:] if raw.startswith("\\") else raw
            out.append((addr, c, _sed_text(raw)))
            i = end
        elif c == "s" and i < n and s[i] not in "\\\n" and not s[i].isalnum():
            delim = s[i]
            j = until(s, i + 1, delim)
            k = until(s, j + 1, delim) if j >= 0 else -1
            if k < 0:
                return None
            fl = ""
            m = k + 1
            while m < n and s[m] not in ";\n}":
                fl += s[m]
                m += 1
            fl = fl.strip()
            if set(fl) - set("gIi0123456789"):
                return None  # p prints the line into the file twice, e/w/m: not read
            digits = "".join(ch for ch in fl if ch.isdigit())
            if digits and (int(digits) != 1 or "g" in fl):
                return None  # s/X/Y/2: the second match only
            sub = _sub(s[i + 1 : j], s[j + 1 : k], delim, ere, fl)
            if sub is None:
                return None
            out.append((addr, "s", sub))
            i = m
        else:
            return None
    return out


def _sub(pattern: str, replacement: str, delim: str, ere: bool, flags: str) -> Sub | None:
    pat = _regex(pattern, delim, ere, ignore_case="i" in flags.lower())
    rep = _replacement(replacement)
    if pat is None or rep is None or any(isinstance(x, int) and x > pat.groups for x in rep):
        return None
    return Sub(pat, rep, 0 if "g" in flags else 1, repeats(pat.pattern))


def until(s: str, i: int, delim: str) -> int:
    """The index of the next unescaped *delim* from *i*, or -1."""
    while i < len(s):
        if s[i] == "\\":
            i += 2
            continue
        if s[i] == delim:
            return i
        i += 1
    return -1


_BRE_GNU = "(){}+?|"  # special in a basic expression only when escaped (GNU)


def _regex(p: str, delim: str, ere: bool, ignore_case: bool = False) -> re.Pattern[str] | None:
    """A sed expression (BRE, or ERE with -E) as a Python one; None where it uses what is not read here."""
    out: list[str] = []
    i = 0
    n = len(p)
    while i < n:
        c = p[i]
        if c == "\\":
            if i + 1 >= n:
                return None
            d = p[i + 1]
            i += 2
            if d == delim or d in ".*[]^$\\/":
                out.append(re.escape(d))
            elif d in _BRE_GNU:
                out.append(re.escape(d) if ere else d)
            elif d == "n":
                out.append("\\n")
            elif d == "t":
                out.append("\\t")
            elif d in "wWsSbB":
                out.append("\\" + d)
            elif d in "<>":
                out.append("\\b")
            else:
                return None  # \` \' \cX \dNNN \oNNN \xHH, a back-reference: not read
            continue
        if c == "[":
            j = i + 1
            if j < n and p[j] == "^":
                j += 1
            if j < n and p[j] == "]":
                j += 1
            while j < n and p[j] != "]":
                if p[j] == "[" and j + 1 < n and p[j + 1] in ":.=":
                    return None  # [[:alpha:]], [[.x.]], [[=e=]]
                j += 1
            if j >= n:
                return None
            body = p[i + 1 : j].replace("\\", "\\\\")
            if body.startswith("^"):
                body = "^" + body[1:].replace("[", "\\[")
            else:
                body = body.replace("[", "\\[")
            out.append("[" + body + "]")
            i = j + 1
            continue
        if c == "^" and i > 0 and not (out and out[-1] in ("(", "|")):
            return None  # a ^ inside a basic expression is a literal character, an anchor in Python's
        if c == "$" and i < n - 1 and not p.startswith(("\\)", "\\|", ")", "|"), i + 1):
            return None
        if c in _BRE_GNU and not ere:
            out.append(re.escape(c))
        elif c == "*" and (not out or out[-1] in ("^", "(")):
            out.append("\\*")  # a leading * is literal
        else:
            out.append(c)
        i += 1
    return compiled("".join(out), ignore_case) if len(p) <= _MAX_PATTERN else None


def compiled(pattern: str, ignore_case: bool) -> re.Pattern[str] | None:
    """*pattern* compiled, or None where it is not, or may backtrack without end (a repeated group: `(a*)*`), or is
    longer than is applied here, or refers back to a group (Perl's `\\1`)."""
    if len(pattern) > 2 * _MAX_PATTERN or _NESTED_REPEAT.search(pattern) or _BACKREF.search(pattern):
        return None
    try:
        return re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    except re.error:
        return None


def repeats(pattern: str) -> int:
    """How many repetition operators a Python expression holds (outside brackets, not escaped)."""
    count = 0
    i = 0
    bracket = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if bracket:
            bracket = c != "]"
        elif c == "[":
            bracket = True
            i += 2 if pattern[i + 1 : i + 2] == "]" else 1
            continue
        elif c in "*+?{":
            count += 1
        i += 1
    return count


_CONTROL = {"a": "\a", "f": "\f", "v": "\v", "r": "\r"}
_RADIX = {"x": (16, 2, "0123456789abcdefABCDEF"), "o": (8, 3, "01234567"), "d": (10, 3, "0123456789")}


def gnu_escape(s: str, i: int) -> tuple[str, int] | None:
    r"""The character GNU sed's escape at *s[i]* (the letter after the backslash) stands for, and where the text goes on:
    `\xHH`, `\oNNN`, `\dNNN`, `\cX`, `\a`, `\f`, `\v`, `\r` (adversarial round 10c: `s/ask/\x61llow/` writes
    "allow"); None for any other letter, or an escape without its digits."""
    d = s[i]
    if d in _CONTROL:
        return _CONTROL[d], i + 1
    if d == "c":
        return (chr(ord(s[i + 1].upper()) ^ 0x40), i + 2) if i + 1 < len(s) else None
    if d not in _RADIX:
        return None
    base, most, digits = _RADIX[d]
    j = i + 1
    while j < len(s) and j - i - 1 < most and s[j] in digits:
        j += 1
    if j == i + 1:
        return None
    code = int(s[i + 1 : j], base)
    return (chr(code), j) if code < 256 else None


def _replacement(rep: str) -> list[str | int] | None:
    """A sed replacement as literal pieces and group numbers (`&` is 0); None for GNU's case conversions (\\U, \\L)."""
    out: list[str | int] = []
    i = 0
    while i < len(rep):
        ch = rep[i]
        if ch == "\\" and i + 1 < len(rep):
            nx = rep[i + 1]
            esc = gnu_escape(rep, i + 1)
            if esc is not None:
                out.append(esc[0])
                i = esc[1]
                continue
            if nx in "xodc":
                return None  # an escape without its digits: not read
            if nx.isdigit():
                out.append(int(nx))
            elif nx in "ULulE":
                return None
            else:
                out.append("\n" if nx in "n\n" else "\t" if nx == "t" else nx)
            i += 2
            continue
        out.append(0 if ch == "&" else ch)
        i += 1
    return out


def _expander(rep: list[str | int]) -> Callable[[re.Match[str]], str]:
    def expand(m: re.Match[str]) -> str:
        return "".join(p if isinstance(p, str) else (m.group(p) or "") for p in rep)

    return expand


def _bounded(lines: list[str], commands: list[Command]) -> bool:
    """Whether every expression of *commands* matches the lines in bounded time (see the module's text)."""
    worst = max((c[2].repeats for c in commands if isinstance(c[2], Sub)), default=0)
    worst = max([worst] + [repeats(c[0].pattern) for c in commands if isinstance(c[0], re.Pattern)])
    if worst == 0:
        return True
    cost = 0
    for ln in lines:
        cost += (len(ln) + 1) ** (worst + 1)
        if cost > _BUDGET:
            return False
    return True


def apply(text: str, commands: list[Command]) -> str | None:
    """*text* after the commands, line by line; None when it is too large to work on in bounded time."""
    if len(text) > _MAX_TEXT:
        return None
    if not text:
        return text  # no line to edit
    lines = text.split("\n")
    trailing = text.endswith("\n")
    if trailing:
        lines.pop()
    if not _bounded(lines, commands):
        return None
    out: list[str] = []
    last = len(lines)
    for no, ln in enumerate(lines, 1):
        before: list[str] = []
        after: list[str] = []
        deleted = False
        for addr, c, arg in commands:
            if addr is not None:
                if isinstance(addr, int) and addr != no:
                    continue
                if addr == "$" and no != last:
                    continue
                if isinstance(addr, re.Pattern) and not addr.search(ln):
                    continue
            if c == "d":
                deleted = True
                break
            if c == "a":
                after.append(str(arg))
            elif c == "i":
                before.append(str(arg))
            elif c == "c":
                after.append(str(arg))
                deleted = True
                break
            elif c == "s" and isinstance(arg, Sub):
                ln = arg.regex.sub(_expander(arg.repl), ln, count=arg.times)
        out += before
        if not deleted:
            out.append(ln)
        out += after
    return "\n".join(out) + ("\n" if trailing else "")
