"""firststart.StartRe finds what its pattern finds: the same start positions, with the same groups.

A StartRe puts a class of the characters its pattern can start with in front, so that re's search skips the others
in C (the probe's word lists, tried at every position before: 15-50 ms per 100 KB of one-letter words).  Each StartRe
of the code base is checked against its own pattern (as a lookahead at every position, which finds every start):
on texts made of the pattern's own words and of the characters around them, and on the probe's evaluation sets
(counts only: the held-out texts are not looked at one by one).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearance import probe
from clearance.firststart import DispatchRe, StartRe, branches, dispatch, fast_start, start_class

from .test_near import _eval_texts
from .test_regex_bounds import collect


def _start_res() -> dict[str, StartRe]:
    from clearance.lazyre import LazyRe

    out: dict[str, StartRe] = {}
    seen: set[int] = set()

    def walk(obj: object, where: str, depth: int = 0) -> None:
        if id(obj) in seen or depth > 4:
            return
        seen.add(id(obj))
        if isinstance(obj, StartRe):
            out[where] = obj
        elif isinstance(obj, LazyRe):
            return
        elif isinstance(obj, (tuple, list)):
            for i, v in enumerate(obj):
                walk(v, f"{where}[{i}]", depth + 1)
        elif type(obj).__module__.startswith("clearance."):
            for n in getattr(type(obj), "__slots__", ()):
                if hasattr(obj, n):
                    walk(getattr(obj, n), f"{where}.{n}", depth + 1)

    for name, value in vars(probe).items():
        walk(value, name)
    return out


STARTS = _start_res()
REFERENCE = {where: re.compile("(?=" + s.pattern + ")", s.flags) for where, s in STARTS.items()}
_WORD = re.compile(r"[^\W\d_]{2,}")
WORDS = sorted({w for s in STARTS.values() for w in _WORD.findall(re.sub(r"\\.", " ", s.pattern))})
GLUE = [
    " ",
    "  ",
    "\n",
    "\t",
    ".",
    ". ",
    ",",
    ":",
    "!",
    "-",
    "_",
    "|",
    "@",
    "#",
    "<",
    ">",
    "(",
    "'",
    '"',
    "/",
    "$",
    "`",
    "",
    "\u00a0",
    "ſ",
    "K",
    "İ",
    "ı",
    "a",
    "é",
    "x-",
]


def _spans(p: re.Pattern[str], text: str) -> list[tuple[int, tuple[tuple[int, int], ...]]]:
    return [(m.start(), tuple(m.span(g) for g in range(1, p.groups + 1))) for m in p.finditer(text)]


def test_every_start_re_of_the_probe_is_transformed() -> None:
    assert len(STARTS) >= 30, sorted(STARTS)
    for where, s in STARTS.items():
        assert start_class(s.pattern, s.flags) is not None, where
        if isinstance(s, DispatchRe):
            inner = dispatch(s.pattern, s.flags)
            assert inner is not None and s.compiled.pattern == "(?-i:" + str(start_class(s.pattern, s.flags)) + ")(?<=(?=" + inner + ")(?s:.))", where
        else:
            assert s.compiled.pattern == fast_start(s.pattern, s.flags) != s.pattern, where


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GLUE), st.booleans()), min_size=1, max_size=10), st.sampled_from(sorted(STARTS)))
def test_the_same_starts_and_groups(parts: list[tuple[str, str, bool]], where: str) -> None:
    text = "".join((w.upper() if up else w) + g for w, g, up in parts)
    assert _spans(STARTS[where].compiled, text) == _spans(REFERENCE[where], text), (where, text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40), st.sampled_from(sorted(STARTS)))
def test_the_same_starts_on_any_text(text: str, where: str) -> None:
    assert _spans(STARTS[where].compiled, text) == _spans(REFERENCE[where], text), (where, text)


def test_the_same_first_match_on_the_eval_sets() -> None:
    """The first match (start and groups) of every StartRe on every text of the probe's eval sets: counts only."""
    differ: dict[str, int] = {}
    for where_set, texts in _eval_texts().items():
        for text in texts:
            for v in probe._variants(text[:200_000]):
                for where, s in STARTS.items():
                    a, b = REFERENCE[where].search(v), s.compiled.search(v)
                    if (a and (a.start(), a.groups())) != (b and (b.start(), b.groups())):
                        differ[f"{where_set} {where}"] = differ.get(f"{where_set} {where}", 0) + 1
    assert not differ, differ


def test_the_collector_measures_what_runs() -> None:
    """tests/test_regex_bounds.py times the StartRe itself (what scan() runs: its compiled form, through the prefilter
    on a long text), not the pattern text."""
    pats = collect()
    assert pats["clearance.probe:_IGNORE"] is probe._IGNORE
    assert probe._IGNORE.compiled.pattern == fast_start(probe._IGNORE.pattern, probe._IGNORE.flags)


# ---------------------------------------------------------------- firststart.whole: StartRes that keep the whole match

WHOLES = {"_DIRECTED": probe._DIRECTED, "_ADDR_HINT": probe._ADDR_HINT, "_OWN_OUTPUT": probe._OWN_OUTPUT}
# the patterns as they were (plain re.finditer over them): the pattern inside whole()'s group 1, without _DIRECTED's
# lookaheads for the two letters its branches read next (probe._TWO_LETTERS: they only restate what follows)
WHOLE_REFERENCE = {n: re.compile(p.pattern[1:-1].replace(probe._TWO_LETTERS, ""), p.flags) for n, p in WHOLES.items()}


def _whole_spans(name: str, text: str, pos: int = 0, endpos: int | None = None) -> tuple[list[object], list[object]]:
    from clearance.firststart import finditer_whole

    end = len(text) if endpos is None else endpos
    got = [(m.span(1), m.groups()[1:]) for m in finditer_whole(WHOLES[name], text, pos, endpos)]
    want = [(m.span(), m.groups()) for m in WHOLE_REFERENCE[name].finditer(text, pos, end)]
    return got, want


def test_whole_keeps_the_pattern_text() -> None:
    assert probe._DIRECTED.pattern.count(probe._TWO_LETTERS) == 4
    for name, p in WHOLES.items():
        assert p.pattern.replace(probe._TWO_LETTERS, "") == "(" + WHOLE_REFERENCE[name].pattern + ")"
        assert p.compiled.groups == WHOLE_REFERENCE[name].groups + 1


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GLUE), st.booleans()), min_size=1, max_size=12),
    st.sampled_from(sorted(WHOLES)),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_whole_finds_the_matches_finditer_found(parts: list[tuple[str, str, bool]], name: str, lo: int, cut: int) -> None:
    text = "".join((w.upper() if up else w) + g for w, g, up in parts)
    got, want = _whole_spans(name, text)
    assert got == want, (name, text)
    hi = max(lo, len(text) - cut)
    got, want = _whole_spans(name, text, lo, hi)
    assert got == want, (name, text, lo, hi)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40), st.sampled_from(sorted(WHOLES)))
def test_whole_finds_the_same_on_any_text(text: str, name: str) -> None:
    got, want = _whole_spans(name, text)
    assert got == want, (name, text)


def test_whole_finds_the_same_on_the_eval_sets() -> None:
    """Every match (span and groups) on every text of the probe's eval sets, in every form scan() reads: counts only."""
    differ: dict[str, int] = {}
    found = 0
    for where_set, texts in _eval_texts().items():
        for text in texts:
            for v in probe._variants(text[:200_000]):
                for name in WHOLES:
                    got, want = _whole_spans(name, v)
                    found += len(want)
                    if got != want:
                        differ[f"{where_set} {name}"] = differ.get(f"{where_set} {name}", 0) + 1
    assert not differ, differ
    assert found


# ---------------------------------------------------------------- DispatchRe: the alternatives behind their first characters


def test_branches_splits_the_top_level_only() -> None:
    assert branches(r"(?:a|b)") == ["a", "b"]
    assert branches(r"(?:a)|(?:b)") == ["(?:a)", "(?:b)"]
    assert branches(r"a[|]b|\|c|(?:d|e)f|[]|]g|[^]|]h") == ["a[|]b", r"\|c", "(?:d|e)f", "[]|]g", "[^]|]h"]
    assert branches(r"(?:(?:x|y))") == ["x", "y"]
    for p in (r"(?:a|b)", r"a[|]b|\|c|(?:d|e)f|[]|]g", probe._CONSEQUENTIAL_TEXT.pattern, probe._NET_PHRASES.pattern):
        # the alternatives are the pattern: joined again they match what it matches
        joined = re.compile("(?:" + "|".join(branches(p)) + ")", re.I)
        for text in ("a|b", "|c", "ef", "]g", "x h", "curl x", "send .env", "| sh", "a@b.co"):
            assert bool(joined.search(text)) == bool(re.search(p, text, re.I)), (p, text)


def test_dispatch_is_faster_where_few_alternatives_start() -> None:
    """_CONSEQUENTIAL_TEXT at '|', '.', '-' (60 ms per 100 KB as a StartRe): under the plain bound."""
    for unit in ("|", ".", "-", "a.", "x-"):
        text = (unit * 100_000)[:100_000]
        t = min(_cpu(probe._CONSEQUENTIAL_TEXT.compiled.search, text) for _ in range(3))
        assert t < 40.0, (unit, t)


def _cpu(fn: object, text: str) -> float:
    import time

    t0 = time.process_time()
    fn(text)  # type: ignore[operator]
    return (time.process_time() - t0) * 1000.0


# ---------------------------------------------------------------- restated steps: the patterns without them


# probe._IGNORE, _PERSONA and _ADDRESSED as they were: without the lookahead for two letters (probe._TWO_LETTERS), and
# _IGNORE with its runs of blanks before a word not taken whole (`[\s,]++`, `\s++`: the word that follows cannot start
# with a blank or a comma).
def _before(p: StartRe) -> re.Pattern[str]:
    return re.compile(p.pattern.replace(probe._TWO_LETTERS, "", 1).replace(r"[\s,]++", r"[\s,]+").replace(r"\s++)", r"\s+)"), p.flags)


RESTATED = {"_IGNORE": probe._IGNORE, "_PERSONA": probe._PERSONA, "_ADDRESSED": probe._ADDRESSED}
BEFORE = {name: _before(p) for name, p in RESTATED.items()}


def _restated_same(name: str, text: str) -> bool:
    a, b = RESTATED[name].compiled.search(text), BEFORE[name].search(text)
    return (a is None) == (b is None) and (a is None or b is None or a.start() == b.start())


def test_restated_patterns_are_the_patterns_they_were() -> None:
    assert r"[\s,]++" in probe._IGNORE.pattern and "++" not in BEFORE["_IGNORE"].pattern
    for name, p in RESTATED.items():
        assert p.pattern.startswith(probe._TWO_LETTERS) and probe._TWO_LETTERS not in BEFORE[name].pattern, name


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([*GLUE, ", ", " ,\t", "'s "]), st.booleans()), min_size=1, max_size=10),
    st.sampled_from(sorted(RESTATED)),
)
def test_restated_patterns_find_what_they_found(parts: list[tuple[str, str, bool]], name: str) -> None:
    text = "".join((w.upper() if up else w) + g for w, g, up in parts)
    assert _restated_same(name, text), (name, text)


def test_restated_patterns_find_what_they_found_on_the_eval_sets() -> None:
    """Every form scan() reads of every eval text (counts only)."""
    differ: dict[str, int] = {}
    found = dict.fromkeys(RESTATED, 0)
    for where_set, texts in _eval_texts().items():
        for text in texts:
            for v in probe._variants(text[:200_000]):
                for name in RESTATED:
                    found[name] += BEFORE[name].search(v) is not None
                    if not _restated_same(name, v):
                        differ[f"{where_set} {name}"] = differ.get(f"{where_set} {name}", 0) + 1
    assert not differ, differ
    assert found["_IGNORE"] and found["_PERSONA"], found  # (no eval text holds an _ADDRESSED phrase)
