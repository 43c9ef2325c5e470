"""Regular expressions compiled on first use.

Compiling the rule packs' patterns at import would cost the per-call hook a few
milliseconds for patterns most calls never reach (SQL statements, token formats).
Importing ``re`` itself (with ``enum``, ``functools`` and ``collections``) costs about 5 ms
of a cold hook, and an ordinary call compiles no pattern at all, so ``re`` is imported on
the first compile.  The flags are re's values (tests/test_lazyre.py checks them), here
so that a module can name them without importing ``re``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Iterator
    from typing import Any

# A text this long is searched from where RE2 finds the first possible start (clearance.prefilter): below it ``re``
# alone stays within a few milliseconds (about 0.35 us per character at worst), and importing re2 would cost more.
LONG = 16_384
# finditer over a long text asks RE2 again where the next match can start, after a match, when re finds none in the
# next HOP_WINDOW characters, for the first HOP_MATCHES matches (LazyRe._finditer_hopping).
HOP_MATCHES = 8
HOP_WINDOW = 2048

# re.RegexFlag's values: re.compile takes them as plain ints.
A = ASCII = 256
I = IGNORECASE = 2  # noqa: E741
M = MULTILINE = 8
S = DOTALL = 16
X = VERBOSE = 64


class LazyRe:
    __slots__ = ("_compiled", "_relaxed", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._relaxed: Any = None  # RE2 prefilters (clearance.prefilter), for other text and for ASCII text: None until a long text, False if none

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            import re

            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    @property
    def groups(self) -> int:
        return self.compiled.groups

    def possible_start(self, text: str) -> int:
        """Where a match can first start in a long text (-1: nowhere), found by RE2 (clearance.prefilter); 0 for a
        short text, or where RE2 is not at hand."""
        if len(text) < LONG:
            return 0
        bounds = text.isascii()  # on ASCII text RE2's word boundaries are Python's, and the prefilter keeps them
        if self._relaxed is None:
            self._relaxed = [None, None]
        relaxed = self._relaxed[bounds]
        if relaxed is None:
            from .prefilter import compile_relaxed

            relaxed = self._relaxed[bounds] = compile_relaxed(self.pattern, self.flags, bounds) or False
        if relaxed is False:
            return 0
        from .prefilter import first_start

        start = first_start(relaxed, text)
        return 0 if start is None else start

    def search(self, text: str) -> re.Match[str] | None:
        start = self.possible_start(text)
        return None if start < 0 else self.compiled.search(text, start)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        start = self.possible_start(text)
        if start < 0:
            return iter(())
        if len(text) < LONG or not self._relaxed or not self._relaxed[text.isascii()]:
            return self.compiled.finditer(text, start)
        return self._finditer_hopping(text, start)

    def _finditer_hopping(self, text: str, pos: int) -> Iterator[re.Match[str]]:
        """finditer over a long text that, before each of its first HOP_MATCHES matches, asks RE2 where the next one
        can start when re finds none in the next HOP_WINDOW characters: a match followed by a long stretch of
        characters the pattern's first step accepts (blanks after "SYSTEM NOTE") was scanned by re one position at a
        time (15 ms over 100 KB).  Each ask reads the rest of the text once (0.2-0.7 ms over 100 KB), so dense matches
        never ask and re's own finditer takes over after HOP_MATCHES.  The matches are re's: re's search from a
        position reads ^, word boundaries and lookbehinds in the whole text, and RE2's next start is never after re's."""
        from .prefilter import first_start

        compiled, relaxed = self.compiled, self._relaxed[text.isascii()]
        for _ in range(HOP_MATCHES):
            if len(text) - pos >= LONG and compiled.search(text, pos, pos + HOP_WINDOW) is None:
                nxt = first_start(relaxed, text, pos)
                if nxt is not None:
                    if nxt < 0:
                        return
                    pos = nxt
            m = compiled.search(text, pos)
            if m is None:
                return
            yield m
            pos = m.end()
            if pos == m.start():  # an empty match: re's own iteration decides what may follow it
                rest = compiled.finditer(text, pos)
                if (first := next(rest, None)) is not None and first.span() != m.span():
                    yield first
                yield from rest
                return
        yield from compiled.finditer(text, pos)

    def findall(self, text: str) -> list[str]:
        start = self.possible_start(text)
        return [] if start < 0 else self.compiled.findall(text, start)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(repl, text)


def lazy(pattern: str, flags: int = 0) -> LazyRe:
    return LazyRe(pattern, flags)
