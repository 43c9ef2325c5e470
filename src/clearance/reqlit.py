"""The literal text a regular expression's every match must hold, read from the pattern itself.

A pattern such as ``\\b(?:ignore|disregard)\\s+…`` cannot use the regular-expression engine's
literal-prefix search (a word boundary first, or case-insensitive letters), so ``search`` tries it
at every position: about 30 ms per 100 KB each.  :func:`required` reads the parsed pattern and
returns a set of strings of which every match contains at least one; when the text (case-folded
the way ``re`` folds it, :func:`fold`) contains none, the pattern cannot match and need not run.
``str.__contains__`` checks a handful of words over 100 KB in well under a millisecond.

The answer is derived, never written by hand, so it follows the pattern when the pattern changes;
tests/test_probe_prechecks.py checks that skipping never changes a result.
"""

from __future__ import annotations

import re
from re import _parser as sre  # type: ignore[attr-defined]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_LITERAL = sre.LITERAL
_BRANCH = sre.BRANCH
_SUBPATTERN = sre.SUBPATTERN
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ATOMIC = sre.ATOMIC_GROUP
_IN = sre.IN
_RANGE = sre.RANGE

_cache: dict[tuple[str, int], frozenset[str] | None] = {}
_fold_table: dict[int, int] | None = None


def _table() -> dict[int, int]:
    """re's extra case-insensitive equivalences (dotless i and i, long s and s, …) mapped to one representative."""
    global _fold_table
    if _fold_table is None:
        from re import _casefix  # type: ignore[attr-defined]

        table: dict[int, int] = {}
        for lo, others in _casefix._EXTRA_CASES.items():
            rep = min((lo, *others))
            for c in (lo, *others):
                if c != rep:
                    table[c] = rep
        _fold_table = table
    return _fold_table


def fold(text: str) -> str:
    """*text* with every character mapped as re's IGNORECASE compares it: simple lower case, then
    one representative of re's extra equivalences.  Two characters re.I matches to each other
    fold to the same character."""
    if text.isascii():
        return text.lower()
    import _sre  # type: ignore[import-not-found]

    table = _table()
    mapping = {}
    for ch in set(text):
        c = ord(ch)
        if c >= 128:
            low = _sre.unicode_tolower(c)
            low = table.get(low, low)
            if low != c:
                mapping[c] = low
    return text.translate(mapping).lower() if mapping else text.lower()


def _fold_char(c: int) -> str:
    return fold(chr(c))


def _need(items: Any) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence *items* holds; None when unknown."""
    best: frozenset[str] | None = None

    def better(cand: frozenset[str] | None) -> None:
        nonlocal best
        if cand is None or not cand or any(not s for s in cand):
            return
        if best is None or (min(map(len, cand)), -len(cand)) > (min(map(len, best)), -len(best)):
            best = cand

    run: list[str] = []
    for op, av in items:
        if op is _LITERAL:
            run.append(_fold_char(av))
            continue
        if run:
            better(frozenset({"".join(run)}))
            run = []
        if op is _SUBPATTERN:
            better(_need(av[3]))
        elif op is _ATOMIC:
            better(_need(av))
        elif op is _BRANCH:
            alts = [_need(b) for b in av[1]]
            if all(a is not None for a in alts):
                better(frozenset().union(*alts))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            better(_need(av[2]))
        elif op is _IN:
            better(_small_set(av))
    if run:
        better(frozenset({"".join(run)}))
    return best


def _small_set(av: Any) -> frozenset[str] | None:
    """The characters of a class like ``[01]`` or ``[.-]`` (a few literals, no negation or category)."""
    chars: set[str] = set()
    for op, arg in av:
        if op is _LITERAL:
            chars.add(_fold_char(arg))
        elif op is _RANGE and arg[1] - arg[0] < 4:
            chars.update(_fold_char(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return frozenset(chars) if 0 < len(chars) <= 4 else None


def required(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Folded strings one of which every match of *pattern* holds (compare with fold(text)), or None."""
    key = (pattern, flags)
    if key not in _cache:
        try:
            parsed = sre.parse(pattern, flags)
        except re.error:
            _cache[key] = None
        else:
            _cache[key] = _need(parsed.data)
    return _cache[key]


# The last text may_match looked in and, for each string looked for, whether it is there: the patterns of one scan share
# most of their words, and one look per word and text is enough.  Looking is linear, but CPython's substring search
# steps one character at a time where the text's characters fall in the word's filter (`t` and `4` share its bucket:
# a word with a `t` in 100 KB of `4`s, 0.1-0.6 ms a look, ~30 looks per pattern of a scan).  One tuple, replaced whole.
_looked: tuple[str, dict[str, bool]] = ("", {})


def may_match(pattern: str, flags: int, folded: str) -> bool:
    """False only when *pattern* cannot match the text whose fold() is *folded*."""
    global _looked
    need = required(pattern, flags)
    if need is None:
        return True
    last = _looked
    if last[0] is not folded:
        last = _looked = (folded, {})
    seen = last[1]
    for s in need:
        there = seen.get(s)
        if there is None:
            # a character the text lacks is found missing at memchr's speed (the text of one repeated character)
            there = seen[s] = all(c in folded for c in s) and s in folded
        if there:
            return True
    return False
