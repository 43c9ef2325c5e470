"""What a file holds after `sed -i 's/OLD/NEW/' FILE`: the in-place substitutions of a sed that does nothing else,
applied to the file's text as GNU sed applies them (line by line, its basic or extended regular expressions read into
Python's).  Used where the same command line then runs the file (`sed -i 's/x/y/' t.py && python t.py`): what runs is
the edited file, which clearance can then read instead of asking (sameline.written_then_run, engine).  An expression
with repetition is read (the edit is known to be a plain substitution) but not applied: the file after it is then
unknown where the disk is read, and asked about as before."""

from __future__ import annotations

import re
from collections.abc import Callable

from .model import TOO_LARGE

# GNU sed's options a plain in-place substitution uses; any other (-f, -s, -z, -n, --follow-symlinks …) is not read.
_FLAG_LETTERS = frozenset("iEr")
_LONG = ("--in-place", "--regexp-extended", "--expression=", "--posix")
_MAX_TEXT = 100_000
# Only expressions without repetition (no *, +, ?, {m,n}) and no back-reference are read, of at most this many
# characters: each then matches in time bounded by the line's length times its own, whatever the file holds (an
# expression an agent writes must not stall the hook: `s/\(a*\)*b/x/` on a long line backtracks exponentially).
_MAX_PATTERN = 200
_REPEATS = "\x00repeats"  # _regex's answer for an expression read but not applied here


class Sub:
    """One s command: its expression compiled where it is applied here (None: one with repetition, read but not applied)."""

    __slots__ = ("regex", "repl", "count")

    def __init__(self, regex: re.Pattern[str] | None, repl: str, count: int) -> None:
        self.regex = regex
        self.repl = repl
        self.count = count


def plan(argv: list[str]) -> tuple[list[Sub], list[str]] | None:
    """(substitutions, files) of `sed -i [-E] [-e] 's/A/B/[g|N|i]' … FILE…`, or None when the sed does anything else
    (an address, another command, the e/w/p/m flags, a script file, an option it does not read) or a part is dynamic."""
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
    subs: list[Sub] = []
    for script in scripts:
        got = _subs("\n".join(script.split("\n")), ere)
        if got is None:
            return None
        subs += got
    return (subs, files) if subs else None


def apply(subs: list[Sub], text: str) -> str | None:
    """*text* after the substitutions, line by line; None when it is too large to work on."""
    if len(text) > _MAX_TEXT:
        return None
    if any(s.regex is None for s in subs):
        return None
    if not text:
        return text  # no line to edit
    lines = text.split("\n")
    last = lines.pop() if text.endswith("\n") else None  # after the last newline: no line there
    out = []
    for line in lines:
        for s in subs:
            if s.regex is not None:
                line = s.regex.sub(s.repl, line, count=s.count)
        out.append(line)
    return "\n".join(out) + ("\n" if last is not None else "")


def edited_texts(argv: list[str], path_of: Callable[[str], str], read: Callable[[str], str | None]) -> dict[str, str] | None:
    """Each file's text after the edit (keyed by *path_of* its name), or None when one cannot be worked out."""
    got = plan(argv)
    if got is None:
        return None
    subs, files = got
    out: dict[str, str] = {}
    for f in files:
        p = path_of(f)
        before = read(p)
        after = apply(subs, before) if before is not None and before != TOO_LARGE else None
        if after is None:
            return None
        out[p] = after
    return out


def _subs(script: str, ere: bool) -> list[Sub] | None:
    out: list[Sub] = []
    s = script
    n = len(s)
    i = 0
    while i < n:
        while i < n and s[i] in " \t\n;":
            i += 1
        if i >= n:
            break
        if s[i] != "s" or i + 1 >= n or s[i + 1] in "\\\n" or s[i + 1].isalnum():
            return None  # an address or any other command
        delim = s[i + 1]
        i += 2
        parts = []
        for _ in range(2):
            start = i
            while i < n and s[i] != delim:
                if s[i] == "\n":
                    return None
                i += 2 if s[i] == "\\" else 1
            if i >= n:
                return None
            parts.append(s[start:i])
            i += 1
        start = i
        while i < n and s[i] not in ";\n":
            i += 1
        flags = s[start:i].strip()
        count = 1
        icase = False
        for f in flags:
            if f == "g":
                count = 0
            elif f in "iI":
                icase = True
            else:
                return None  # p prints the line into the file twice, N picks an occurrence, e/w/m: not read
        pattern = _regex(parts[0], delim, ere)
        repl = _replacement(parts[1], delim)
        if pattern is None or repl is None:
            return None
        regex = None
        if pattern != _REPEATS:
            try:
                regex = re.compile(pattern, re.IGNORECASE if icase else 0)
            except re.error:
                return None
        out.append(Sub(regex, repl, count))
    return out


_BRE_GNU = "(){}+?|"  # special in a basic expression only when escaped (GNU)


def _regex(p: str, delim: str, ere: bool) -> str | None:
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
                if not ere and d in "+?{":
                    return _REPEATS
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
                return None  # \` \' \cX \dNNN \oNNN \xHH: not read
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
        elif c == "*" or (ere and c in "+?{"):
            return _REPEATS
        else:
            out.append(c)
        i += 1
    return "".join(out) if len(p) <= _MAX_PATTERN else _REPEATS


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


def _replacement(r: str, delim: str) -> str | None:
    """sed's replacement as Python's (re.sub): & the match, \\N a group, \\n a newline."""
    out: list[str] = []
    i = 0
    n = len(r)
    while i < n:
        c = r[i]
        if c == "\\":
            if i + 1 >= n:
                return None
            d = r[i + 1]
            if (esc := gnu_escape(r, i + 1)) is not None:
                out.append(esc[0].replace("\\", "\\\\"))
                i = esc[1]
                continue
            if d in "xodc":
                return None  # an escape without its digits: not read
            i += 2
            if d.isdigit():
                out.append("\\g<" + d + ">")
            elif d == "n":
                out.append("\n")
            elif d == "t":
                out.append("\t")
            elif d in "LUElu":
                return None  # GNU's case conversions: not read
            elif d == "\\":
                out.append("\\\\")
            else:
                out.append(d)  # \& \/ \x: the character itself
            continue
        if c == "&":
            out.append("\\g<0>")
        elif c == "\n":
            out.append("\n")
        else:
            out.append(c)
        i += 1
    return "".join(out)
