"""Patterns that re's search skips through at C speed: a class of the characters a match can start with, first.

``re`` searches a pattern that begins with a word boundary, a lookaround or case-insensitive letters by
trying it at every position of the text.  A list of dozens of words (the prompt-injection probe's) costs
that list at every position: 15-50 ms per 100 KB of one-letter words.  A pattern that begins with a plain
character class is searched differently: re's C loop skips every character outside the class before
trying the pattern.  :class:`StartRe` compiles

    (?-i:[the ASCII characters a match can start with, and every non-ASCII one])(?<=(?=(?:PATTERN))(?s:.))

which matches one character where PATTERN matches, at every position where PATTERN matches and nowhere else:
the class holds every ASCII character the pattern's first step accepts (each tried against that step, under
the pattern's flags) and every non-ASCII character (case folding reaches ASCII letters from a few of them).
``search`` finds what the pattern finds at the same start (groups included); the match itself is one
character long, so only its start and groups are the pattern's.  A pattern that can match the empty string,
or whose first step is not read here, is compiled as it is.  ``pattern`` stays the original text (reqlit
reads the words every match holds from it).  tests/test_firststart.py checks the same answers.
"""

from __future__ import annotations

from .lazyre import LazyRe

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Iterator
    from typing import Any


def _first(items: Any, flags: int, state: Any) -> tuple[set[int], bool] | None:
    """The ASCII characters a match of the parsed sequence can start with, and whether it can be empty; None: unknown."""
    from re import _compiler, _constants  # type: ignore[attr-defined]
    from re import _parser as sre  # type: ignore[attr-defined]

    out: set[int] = set()
    for op, av in items:
        if op is _constants.AT or op is _constants.ASSERT or op is _constants.ASSERT_NOT:
            continue  # takes no character: what follows starts the match (a superset of the starts)
        if op in (_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY):
            one = _compiler.compile(sre.SubPattern(state, [(op, av)]), flags)
            out.update(c for c in range(128) if one.fullmatch(chr(c)))
            return out, False
        if op is _constants.SUBPATTERN:
            _group, add, remove, sub = av
            got = _first(sub.data, _compiler._combine_flags(flags, add, remove), state)
        elif op is _constants.ATOMIC_GROUP:
            got = _first(av.data, flags, state)
        elif op is _constants.BRANCH:
            alts = [_first(b.data, flags, state) for b in av[1]]
            if any(a is None for a in alts):
                return None
            got = (set().union(*(a[0] for a in alts if a)), any(a[1] for a in alts if a))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            got = _first(sub.data, flags, state)
            if got is not None and lo == 0:
                got = (got[0], True)
        else:
            return None
        if got is None:
            return None
        out |= got[0]
        if not got[1]:
            return out, False
    return out, True


def start_set(pattern: str, flags: int) -> set[int] | None:
    """The ASCII characters a match of the pattern can start with, or None when it can match the empty string or is not read."""
    from re import _parser as sre  # type: ignore[attr-defined]

    parsed = sre.parse(pattern, flags)
    got = _first(parsed.data, parsed.state.flags, parsed.state)
    if got is None or got[1]:
        return None
    return got[0]


def start_class(pattern: str, flags: int) -> str | None:
    """The character class StartRe puts first, or None when the pattern can match the empty string or is not read."""
    got = start_set(pattern, flags)
    if got is None:
        return None
    return "[" + "".join(f"\\x{c:02x}" for c in sorted(got)) + "\\x80-\\U0010ffff]"


def fast_start(pattern: str, flags: int) -> str:
    cls = start_class(pattern, flags)
    if cls is None:
        return pattern
    return "(?-i:" + cls + ")(?<=(?=(?:" + pattern + "))(?s:.))"


class StartRe(LazyRe):
    """A LazyRe compiled with a class of its first characters in front (the module's docstring): for ``search``
    (whether and where a match starts, its groups) and ``finditer`` over every start, never for a match's end."""

    __slots__ = ()

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            import re

            self._compiled = re.compile(fast_start(self.pattern, self.flags), self.flags)
        return self._compiled


def whole(pattern: str, flags: int = 0) -> StartRe:
    """A StartRe that keeps the whole match: the pattern in group 1 (its own groups follow, numbered from 2).
    :func:`finditer_whole` gives the matches re's finditer gives of the pattern, non-overlapping, each with its end."""
    return StartRe("(" + pattern + ")", flags)


def finditer_whole(p: StartRe, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches ``re.compile(pattern).finditer(text, pos, endpos)`` finds, for a StartRe made by :func:`whole`:
    the match at every start the StartRe finds, except those starting inside the previous one (re goes on from its
    end).  Read each one's span and groups from group 1 on: ``m.span(1)``, ``m.groups()[1:]``."""
    if pos == 0 and endpos is None:  # the whole text: from where RE2 finds a first possible start, on a long one
        pos = p.possible_start(text)
        if pos < 0:
            return
    end = pos
    for m in p.compiled.finditer(text, pos, len(text) if endpos is None else endpos):
        if m.start() >= end:
            end = m.end(1)
            yield m


def branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (inside one enclosing ``(?:…)`` when the whole is one), as text."""
    while True:
        depth, i, in_class, cut = 0, 0, False, 0
        out: list[str] = []
        whole_group = False
        while i < len(pattern):
            c = pattern[i]
            if c == "\\":
                i += 2
                continue
            if in_class:
                in_class = c != "]"
            elif c == "[":
                in_class = True
                i += 1 + (pattern[i + 1 : i + 2] == "^")
                if pattern[i : i + 1] == "]":
                    i += 1  # a ] first in a class is a member
                continue
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0 and i == len(pattern) - 1 and not out and pattern.startswith("(?:") and _closes_first(pattern):
                    whole_group = True
            elif c == "|" and depth == 0:
                out.append(pattern[cut:i])
                cut = i + 1
            i += 1
        if whole_group:
            pattern = pattern[3:-1]
            continue
        out.append(pattern[cut:])
        return out


def _closes_first(pattern: str) -> bool:
    """Whether the group the pattern opens with closes at its last character (``(?:a)|(?:b)`` is not one group)."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (pattern[i + 1 : i + 2] == "^")
            if pattern[i : i + 1] == "]":
                i += 1
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i == len(pattern) - 1
        i += 1
    return False


def dispatch(pattern: str, flags: int) -> str | None:
    """The pattern as one branch per group of first characters: each holds, behind a class of those characters, only
    the alternatives that can start with them (re's BRANCH skips a branch whose class does not hold the character
    without entering it), and a last branch for every non-ASCII character holds them all.  It matches (one character)
    where the pattern matches, as StartRe's form does; None when an alternative's first step is not read."""

    alts = branches(pattern)
    if len(alts) < 2:
        return None
    starts: list[set[int]] = []
    for alt in alts:
        # (the set itself: compiling its class, with every non-ASCII character in it, took ~3 ms an alternative, 60-90 ms
        # for the probe's _CONSEQUENTIAL_TEXT on first use; issue 16)
        got = start_set(alt, flags)
        if got is None:
            return None
        starts.append(got)
    by_set: dict[tuple[int, ...], list[int]] = {}
    for c in range(128):
        which = tuple(i for i, s in enumerate(starts) if c in s)
        if which:
            by_set.setdefault(which, []).append(c)
    parts = []
    for which, chars in by_set.items():
        cls = "[" + "".join(f"\\x{c:02x}" for c in chars) + "]"
        parts.append("(?-i:" + cls + ")(?<=(?=(?:" + "|".join(alts[i] for i in which) + "))(?s:.))")
    parts.append("(?-i:[\\x80-\\U0010ffff])(?<=(?=(?:" + pattern + "))(?s:.))")
    return "(?:" + "|".join(parts) + ")"


class DispatchRe(StartRe):
    """A StartRe whose pattern's alternatives are tried only at the characters they can start with (:func:`dispatch`):
    for a list of alternatives that mostly start with different characters, and no groups (they would be repeated)."""

    __slots__ = ()

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            import re

            cls = start_class(self.pattern, self.flags)
            inner = dispatch(self.pattern, self.flags)
            if cls is None or inner is None or re.compile(self.pattern, self.flags).groups:
                raise ValueError("DispatchRe: a pattern of alternatives whose first steps are read, without groups")
            self._compiled = re.compile("(?-i:" + cls + ")(?<=(?=" + inner + ")(?s:.))", self.flags)
        return self._compiled
