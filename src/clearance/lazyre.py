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

# re.RegexFlag's values: re.compile takes them as plain ints.
A = ASCII = 256
I = IGNORECASE = 2  # noqa: E741
M = MULTILINE = 8
S = DOTALL = 16
X = VERBOSE = 64


class LazyRe:
    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            import re

            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    @property
    def groups(self) -> int:
        return self.compiled.groups

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[str]:
        return self.compiled.findall(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(repl, text)


def lazy(pattern: str, flags: int = 0) -> LazyRe:
    return LazyRe(pattern, flags)
