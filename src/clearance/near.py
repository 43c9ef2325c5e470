"""Phrases near each other, found in time linear in the text.

A pattern such as ``\\b(?:reveal|print|show)\\b[^.\\n]{0,60}(?:system\\s+prompt|…)`` tries its list of
objects at every position of the window after every verb: on a page of "show show show …" each position
is tried up to sixty times (100 KB: 190 ms), and a chain of two windows (verb, then a noun within 80
characters, then an address within 60 more) up to 4,800 times (100 KB of "email ": 1.8 s).

:class:`Chain` asks the same question in one pass per part: where each part (a verb list, a noun list, …)
matches, found once over the text, then which of those matches follow one of the previous part's within
the gap, with no stop (a full stop, a line break) between them.  Only whether a match exists is answered,
which is all the probe asks of these patterns.  :class:`AnyOf` is a pattern's top-level alternation:
branches without a window stay one regular expression, each window becomes a Chain.

Each part must end where its match ends whichever alternative matched (words closed by ``\\b``): the
part's first match at a position stands for all of them there.  The last part may start anywhere in a range
(a group named ``till`` marks its last start): ``[\\w.+-]+@…`` may start at any character of the run before
its ``@``, and tried at each of them it would read the run once per character (quadratic); read from the run's
first character only, it reads it once.  tests/test_near.py keeps the patterns
these replace and checks the same answers on generated texts and on the probe's evaluation sets.
"""

from __future__ import annotations

from .firststart import StartRe
from .lazyre import LazyRe

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re


class Chain:
    """Part 0, then part 1 starting 0 to gaps[0] characters after part 0 ends with no stop in between, and so on.

    *stop* matches at the positions a gap may not cover (``[.\\n]`` for ``[^.\\n]{0,N}``).  The pattern this
    is equivalent to (``part0(?:gap){0,N}part1…``) is kept as ``pattern`` for reqlit's required words."""

    __slots__ = ("flags", "gap_text", "gaps", "parts", "pattern", "stop")

    def __init__(self, parts: tuple[str, ...], gaps: tuple[int, ...], stop: str, gap_text: str, flags: int) -> None:
        if len(gaps) != len(parts) - 1:
            raise ValueError("one gap between each two parts")
        if any("(?P<till>" in p for p in parts[:-1]):
            raise ValueError("only the last part may start in a range (its end is not kept)")
        # every position where a part starts, with where its match ends in group 1 (a StartRe matches one character
        # where its pattern starts, so finditer finds overlapping ones; re skips the characters no part starts with)
        self.parts = tuple(StartRe("(" + p + ")", flags) for p in parts)
        self.gaps = gaps
        self.stop = LazyRe(stop, flags)
        self.gap_text = gap_text
        self.flags = flags
        self.pattern = "(?:" + "".join(p if i == 0 else f"{gap_text}{{0,{gaps[i - 1]}}}{p}" for i, p in enumerate(parts)) + ")"

    def found(self, text: str) -> bool:
        stop = self.stop.compiled
        ends: list[int] = []
        for m in self.parts[0].finditer(text):  # (on a long text from where RE2 finds a first possible start)
            ends.append(m.end(1))
        for gap, part in zip(self.gaps, self.parts[1:]):
            if not ends:
                return False
            # reach(e): the last start the gap after an end e allows (e + gap, or the first stop at or after e)
            ends.sort()
            next_stop = -1  # the first stop at or after the last end looked at (len(text) for none)
            reach: list[int] = []
            for e in ends:
                if next_stop < e:
                    s = stop.search(text, e)
                    next_stop = s.start() if s else len(text)
                reach.append(min(e + gap, next_stop))
            new_ends: list[int] = []
            i = 0
            best = -1  # the furthest reach of the ends at or before the start looked at
            n = len(ends)
            covered = -1  # the last start of a range already looked at (the starts inside it add nothing)
            compiled = part.compiled
            till = compiled.groupindex.get("till")
            # a range may start before the first end (an address whose run holds the noun before it): from the text's start
            # (or from where RE2 finds the part's first possible start in a long text: none before it)
            first_possible = part.possible_start(text)
            if first_possible < 0:
                return False
            for m in compiled.finditer(text, max(first_possible, 0 if till is not None else ends[0])):
                start = first = m.start()
                if till is not None and m.start(till) >= 0:
                    start = m.start(till)  # the part starts anywhere from first to start
                elif start <= covered:
                    continue
                while i < n and ends[i] <= start:
                    best = max(best, reach[i])
                    i += 1
                if best >= first:
                    new_ends.append(m.end(1))
                covered = max(covered, start)
            ends = new_ends
        return bool(ends)


class AnyOf:
    """A pattern's top-level alternation: *plain* (one regular expression, or None) or any of *chains*.
    ``search`` answers whether the text holds a match (True) or not (None), as ``re`` answers truthiness."""

    __slots__ = ("chains", "flags", "pattern", "plain")

    def __init__(self, plain: LazyRe | None, chains: tuple[Chain, ...]) -> None:
        self.plain = plain
        self.chains = chains
        self.flags = chains[0].flags if chains else plain.flags if plain is not None else 0
        branches = ([plain.pattern] if plain is not None else []) + [c.pattern for c in chains]
        self.pattern = "(?:" + "|".join(branches) + ")"

    def search(self, text: str) -> bool | None:
        if self.plain is not None and self.plain.search(text) is not None:
            return True
        return True if any(c.found(text) for c in self.chains) else None


def chain_of(parts: tuple[str, ...], gaps: tuple[int, ...], flags: int, *, stop: str = r"[.\n]", gap_text: str = r"[^.\n]") -> Chain:
    return Chain(parts, gaps, stop, gap_text, flags)


def compiled_parts(m: AnyOf) -> list[re.Pattern[str]]:
    """Every regular expression *m* runs (for the bound tests)."""
    out = [m.plain.compiled] if m.plain is not None else []
    for c in m.chains:
        out.extend(p.compiled for p in c.parts)
        out.append(c.stop.compiled)
    return out
