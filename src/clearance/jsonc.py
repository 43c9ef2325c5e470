"""Settings files read as VS Code reads them (JSON with comments, trailing commas, and recovery from errors).

Kept apart from jsonlite.py, which every hook process imports to read its event (and the daemon's and the thin
client's paths too): only the rules that read an editor's or agent's settings file need this (rules/self.py,
rules/agentcli.py), so its code and its pattern are loaded by the calls that write one (bench/callgrind_hook.py).
"""

from __future__ import annotations

from .jsonlite import loads
from .lazyre import DOTALL, lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_WS = " \t\n\r"


# The last text converted and its conversion (a str: nothing can change it): the rules that read one Write's settings
# file each converted it again, five times for an agent's settings.json (issue 16, adv16b: ~160 ms for 200 KB).
_LAST_PLAIN: tuple[str | None, str] = (None, "")
_LAST_NO_COMMAS: tuple[str | None, str] = (None, "")


def jsonc_to_json(text: str) -> str:
    """JSON with `//` and `/* */` comments (deno.jsonc, tsconfig, VS Code's settings): the comments removed, strings
    kept whole, with the lexical sets of the readers of these files (jsonc-parser, TypeScript's scanner) where they are
    wider than JSON's (adversarial round 12c): a line break is also CR, U+2028 and U+2029 (it ends a `//` comment, and a
    string left open), and whitespace outside strings is also VT, FF, NBSP, the Unicode spaces and the byte-order mark
    (written out as JSON's own space or line feed). Valid JSON without those characters comes out unchanged."""
    global _LAST_PLAIN
    if _LAST_PLAIN[0] == text:
        return _LAST_PLAIN[1]
    got = _jsonc_to_json(text)
    _LAST_PLAIN = (text, got)
    return got


def _jsonc_to_json(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            m = _STRING.compiled.match(text, i)  # one left open ends at its line's end
            j = m.end() if m else n
            out.append(text[i:j])
            i = j
        elif text.startswith("//", i):
            m = _LINE_END.compiled.search(text, i + 2)
            i = m.start() if m else n
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j == -1 else j + 2
        else:
            j = i
            while j < n and text[j] not in '"/':
                j += 1
            if j == i:
                out.append(c)
                j += 1
            else:
                out.append(text[i:j].translate(_JSONC_SPACE))
            i = j
    return "".join(out)


# jsonc-parser's line breaks and its whitespace beyond JSON's (its scanner's isLineBreak and isWhitespace; TypeScript's
# scanner has the same sets), outside strings written as JSON's line feed and space.
_STRING = lazy('"(?:[^"\\\\\n\r\u2028\u2029]|\\\\.)*+"?', DOTALL)
_LINE_END = lazy("[\n\r\u2028\u2029]", 0)
_JSONC_SPACE = {0x2028: "\n", 0x2029: "\n"} | {c: " " for c in (0x0B, 0x0C, 0xA0, 0x1680, *range(0x2000, 0x200C), 0x202F, 0x205F, 0x3000, 0xFEFF)}


def loads_jsonc(text: str) -> Any:
    """*text* read as VS Code reads its settings (its jsonc-parser, `parseTree` with error recovery): comments and
    trailing commas allowed, and a syntax error does not lose the file -- a missing comma is passed over, a stray token
    skipped to the next `,` or closing bracket, a member without a value dropped; a repeated key's last value wins.
    Strict JSON first (the C scanner); the recovering reader only where that fails. None where nothing reads."""
    plain = jsonc_to_json(text)
    try:
        return loads(_drop_trailing_commas(plain))
    except (ValueError, RecursionError):
        pass
    if len(plain) > _RECOVER_MAX:
        return None  # a broken file this large is no editor's settings: read as nothing, as before (bounded time)
    global _LAST_RECOVERED
    if _LAST_RECOVERED[0] == plain:
        return _LAST_RECOVERED[1]  # the rules that read the same Write's settings ask in turn (a Python pass each)
    got = _Recovering(plain).document()
    _LAST_RECOVERED = (plain, got)
    return got


# The recovering reader is Python token by token (~70 ms per 64 KB of brackets): settings files are a few kilobytes.
_RECOVER_MAX = 64_000
_LAST_RECOVERED: tuple[str | None, Any] = (None, None)


def _drop_trailing_commas(text: str) -> str:
    """`,` before `}` or `]` (outside strings) left out."""
    if "," not in text:
        return text
    global _LAST_NO_COMMAS
    if _LAST_NO_COMMAS[0] == text:
        return _LAST_NO_COMMAS[1]
    got = _without_trailing_commas(text)
    _LAST_NO_COMMAS = (text, got)
    return got


def _without_trailing_commas(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
            continue
        if c == ",":
            j = i + 1
            while j < n and text[j] in _WS:
                j += 1
            if j < n and text[j] in "}]":
                i += 1
                continue
        out.append(c)
        i += 1
    return "".join(out)


# jsonc-parser's tokens: a string (unterminated: to its line's end), a bracket or separator, any other run of characters
# (a number, a literal, a stray word).
_TOKEN = lazy(r'[ \t\n\r]*+(?:("(?:[^"\\\n\r\u2028\u2029]|\\.)*"?)|([{}\[\]:,])|([^ \t\n\r,:{}\[\]"]++))?', DOTALL)
_LITERALS = {"true": True, "false": False, "null": None}


class _Recovering:
    """A JSON reader that recovers from errors as jsonc-parser does (comments already removed), over its tokens."""

    __slots__ = ("tokens", "at", "depth")

    def __init__(self, text: str) -> None:
        # (kind, text): kind '"' a string, '' a word, else the bracket or separator itself
        self.tokens: list[tuple[str, str]] = []
        for m in _TOKEN.finditer(text):
            if m.group(1) is not None:
                self.tokens.append(('"', m.group(1)))
            elif m.group(2) is not None:
                self.tokens.append((m.group(2), m.group(2)))
            elif m.group(3) is not None:
                self.tokens.append(("", m.group(3)))
        self.at = 0
        self.depth = 0

    def document(self) -> Any:
        return self._value() if self.tokens else None

    def _peek(self) -> str:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else "end"

    def _skip_member(self) -> None:
        """Past tokens to the next `,`, `}` or string (jsonc-parser's recovery inside an object)."""
        while self._peek() not in (",", "}", '"', "end"):
            self.at += 1

    def _value(self) -> Any:
        kind = self._peek()
        if kind == "end":
            return None
        text = self.tokens[self.at][1]
        self.at += 1
        if kind == '"':
            raw = text[1:-1] if len(text) > 1 and text.endswith('"') else text[1:]
            if "\\" not in raw:
                return raw
            try:
                got = loads('"' + raw + '"')
                return got if isinstance(got, str) else raw
            except (ValueError, RecursionError):
                return raw
        if kind in "{[" and kind:
            if self.depth >= 200:
                self.at = len(self.tokens)
                return None
            self.depth += 1
            try:
                return self._object() if kind == "{" else self._array()
            finally:
                self.depth -= 1
        if kind == "":
            if text in _LITERALS:
                return _LITERALS[text]
            try:
                number = loads(text)
                return number if isinstance(number, (int, float)) else None
            except (ValueError, RecursionError):
                return None
        return None  # a lone separator or closing bracket: passed over

    def _object(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while True:
            kind = self._peek()
            if kind == "end":
                return out
            if kind == "}":
                self.at += 1
                return out
            if kind in (",", "]"):
                self.at += 1  # a missing member's comma, a stray closing bracket: read on
                continue
            if kind != '"':
                self.at += 1
                self._skip_member()  # not a property name: to the next member
                continue
            key = self._value()
            if self._peek() == ":":
                self.at += 1
                if self._peek() not in (",", "}", "end"):
                    out[key] = self._value()
            else:
                self._skip_member()  # no colon: the member has no value
            # a missing comma is an error jsonc-parser passes over: the next member is read

    def _array(self) -> list[Any]:
        out: list[Any] = []
        while True:
            kind = self._peek()
            if kind == "end":
                return out
            if kind == "]":
                self.at += 1
                return out
            if kind in (",", "}", ":"):
                self.at += 1
                continue
            out.append(self._value())
