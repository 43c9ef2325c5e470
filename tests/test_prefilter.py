"""The RE2 prefilter (clearance.prefilter): a long text is searched from where RE2 finds the first possible start, and
every answer is the one ``re`` gives alone (spans, groups, every finditer match), with google-re2 and without it."""

from __future__ import annotations

import random
import re
import sys
import time
from typing import Any

import pytest

from clearance import lazyre, prefilter
from clearance.lazyre import LazyRe

from .test_regex_bounds import collect

re2 = pytest.importorskip("re2")


def _lazies() -> dict[str, LazyRe]:
    return {w: p for w, p in collect().items() if isinstance(p, LazyRe)}


def _spans(ms: Any) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in ms]


def _texts(p: LazyRe, rng: random.Random, n: int) -> list[str]:
    """Texts of the pattern's own words (in both cases), its characters, and the non-ASCII characters Python's case
    folding and classes treat apart (dotted and dotless i, the Kelvin sign, the long s, a no-break space, an Arabic digit, a combining accent)."""
    words = re.findall(r"[A-Za-z_]{2,}", p.pattern)[:40] or ["a"]
    alphabet = sorted({c for c in p.pattern if c.isprintable()}) + list("\u0130\u0131\u212a\u017fé\u00df\u00a0\u2028\u0663\u0301\n \t")
    plain = [c for c in alphabet if c.isascii()]
    out = []
    for k in range(n):
        chars = plain if k % 2 else alphabet  # half of them ASCII: there the prefilter keeps word boundaries
        parts = []
        for _ in range(rng.randint(1, 12)):
            if rng.random() < 0.4:
                w = rng.choice(words)
                parts.append(w.upper() if rng.random() < 0.3 else w)
            else:
                parts.append("".join(rng.choice(chars) for _ in range(rng.randint(1, 4))))
        out.append("".join(parts))
    return out


def test_every_pattern_answers_as_re_does(monkeypatch: Any) -> None:
    """Every LazyRe of the package, on texts of its own words and characters, through the prefilter (LONG = 0: every
    text is long): search and finditer give re's matches."""
    monkeypatch.setattr(lazyre, "LONG", 0)
    rng = random.Random(16)
    pats = _lazies()
    assert len(pats) > 400
    unfiltered = []
    for where, p in pats.items():
        p._relaxed = None
        for text in _texts(p, rng, 120):
            got, want = p.search(text), p.compiled.search(text)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (where, text)
            assert _spans(p.finditer(text)) == _spans(p.compiled.finditer(text)), (where, text)
            assert p.findall(text) == p.compiled.findall(text), (where, text)
        if p._relaxed is not None and False in p._relaxed:
            unfiltered.append(where)
    assert not unfiltered  # every pattern of the package has an RE2 prefilter


def test_relaxed_patterns_accept_every_start() -> None:
    """Class by class, the prefilter's pattern accepts wherever re's does: the constructs RE2 lacks or reads otherwise."""
    cases = [
        (r"(?<![\w$.])kill\s*+\(", 0, ["x kill(", "kill  (", "_kill("]),
        (r"\bfoo(?!bar)\b", re.I, ["FOO baz", "xfoo", "foobar foo"]),
        (r"(?>a+)b|(\w)\1", 0, ["aab", "ééx", "\u0663\u0663"]),
        (r"[^\W\d]\s\S", re.I, ["é\u00a0x", "\u212a\u2028y", "ß\x1cz"]),
        (r"is|sk", re.I, ["\u0130S", "\u017f\u212a", "\u0131s"]),
        (r"[a-z]{2,3000}x{5}(?:y{0,64}){0,64}", re.I, ["\u0131\u212axxxxx", "abxxxxxyy"]),
        (r"^a$|(?m:^b$)", 0, ["a", "c\nb\n"]),
        (r"\b(\w++)\s*+=\s*+\1\b|(?i:(x)\2)|(y)(?i:\3)|(\bz\b)-\4", 0, ["ab = ab", "é=é", "xX", "yY", "z-zz"]),
        (r"\bab\B|\Bc\b|x$|^y|\Aw|v\Z|(?:s$)|t$\n?|(?m:u$\n^)", re.I, ["ab_", "xab9", "éabc", "_c", "x\n", "q\ny", "w", "v", "s\n", "t\n", "u\n\n"]),
        (r"(?s:.)é|.\u00e9", re.I, ["\nÉ", "xé"]),
        (r"\bab\w*(?=\s+(?:\S+\s+){0,2}?cd\b)|(x(?=y))|z(?=w)\w|(?:q(?=r))+", re.I, ["ab  cd", "abx e f cd", "xy", "zww", "qrqr"]),
    ]
    for pattern, flags, texts in cases:
        for bounds in (False, True):
            relaxed = prefilter.compile_relaxed(pattern, flags, bounds)
            assert relaxed is not None, pattern
            py = re.compile(pattern, flags)
            for text in texts:
                if bounds and not text.isascii():
                    continue
                for i in range(len(text) + 1):
                    if py.match(text, i):
                        assert relaxed.match(text, i) is not None, (pattern, text, i)
                first = py.search(text)
                start = prefilter.first_start(relaxed, text)
                assert start is not None and (first is None or 0 <= start <= first.start()), (pattern, text)


def test_folds_and_categories_beyond_ascii() -> None:
    """_ASCII_FOLDS holds every non-ASCII character re.I pairs with an ASCII letter, and _WIDE's classes every non-ASCII
    character \\d, \\w and \\s match (checked over every code point)."""
    letters = re.compile(r"[a-z]", re.I)
    folds = {chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000 and letters.fullmatch(chr(c))}
    assert folds == set("".join(prefilter._ASCII_FOLDS.values()))
    for ch in folds:
        lower = {k for k, v in prefilter._ASCII_FOLDS.items() if ch in v}
        assert lower and all(re.fullmatch(k, ch, re.I) for k in lower)
    for name, py in (("CATEGORY_DIGIT", r"\d"), ("CATEGORY_WORD", r"\w"), ("CATEGORY_SPACE", r"\s")):
        wide = re2.compile("[" + prefilter._WIDE[name] + "]")
        mine = re.compile(py)
        missing = [hex(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000 and mine.fullmatch(chr(c)) and not wide.fullmatch(chr(c))]
        assert not missing, (name, missing[:10])


def test_without_re2_the_search_runs_in_re(monkeypatch: Any) -> None:
    """google-re2 missing (or a text RE2 cannot read, a lone surrogate): the same answers, from re alone."""
    monkeypatch.setattr(lazyre, "LONG", 0)
    p = LazyRe(r"\bkill\s*\(")
    text = "x " * 100 + "kill (1)"
    monkeypatch.setattr(prefilter, "_UNAVAILABLE", True)
    assert prefilter.compile_relaxed(p.pattern, p.flags) is None
    m = p.search(text)
    assert m is not None and m.span() == (200, 206) and p._relaxed == [None, False]
    monkeypatch.setattr(prefilter, "_UNAVAILABLE", False)
    q = LazyRe(r"\bkill\s*\(")
    for t in (text, "\ud800" + text):
        m = q.search(t)
        assert m is not None and m.group() == "kill (" and m.start() == len(t) - 8
        assert [x.start() for x in q.finditer(t)] == [len(t) - 8]
    assert q.search("\ud800" + "x " * 100) is None


def test_short_texts_never_import_re2() -> None:
    """An ordinary call's texts are short: re alone, no RE2 pattern compiled."""
    p = LazyRe(r"\b(?:rm|del)\s+-")
    assert p.search("a " * 100 + "rm -rf x") is not None
    assert p._relaxed is None


def test_long_texts_are_searched_in_linear_time() -> None:
    """What re alone took 15-40 ms for on 100 KB (a word list tried at every position) is a millisecond or two."""
    from clearance.code import spawnloop
    from clearance.rules import creds
    from clearance.rules import self as self_rules

    for p, unit in ((self_rules._WRITES, "."), (spawnloop._COUNTED, "("), (creds.SECRET_VAR, "P")):
        text = unit * 100_000
        p.search(text)  # compiled
        t0 = time.process_time()
        assert p.search(text) is None
        took = (time.process_time() - t0) * 1000.0
        t0 = time.process_time()
        p.compiled.search(text)
        alone = (time.process_time() - t0) * 1000.0
        assert took < alone / 3, (p.pattern[:40], took, alone)


def test_after_a_match_the_rest_is_searched_from_re2s_next_start() -> None:
    """finditer asks RE2 again after a match: "SYSTEM NOTE" then 100 KB of blanks (every blank a possible first
    character) took re 10-17 ms from the match on (the clean-clone CI of stop 29 failed on it); past HOP_MATCHES matches
    re goes on alone and the matches are still re's."""
    from clearance import probe

    p = probe._DELIM
    for head in ("SYSTEMHINWEIS", " SYSTEM NOTE"):
        text = (head + "\t" * 100_000)[:100_000]
        list(p.finditer(text))
        t0 = time.process_time()
        got = list(p.finditer(text))
        took = (time.process_time() - t0) * 1000.0
        assert len(got) == 1 and took < 3.0, (head, took)
    many = ("SYSTEM NOTE" + " " * 300) * 200
    assert len(many) > lazyre.LONG
    assert _spans(p.finditer(many)) == _spans(p.compiled.finditer(many))
    assert len(_spans(p.finditer(many))) == 200 > lazyre.HOP_MATCHES


def test_folds_of_every_cased_character() -> None:
    """prefilter.folds holds every character re.I matches a non-ASCII literal with: those of the same lower case (one
    pass over every code point), and re's extra cases."""
    import _sre

    by_lower: dict[int, set[int]] = {}
    for c in range(sys.maxunicode + 1):
        if _sre.unicode_iscased(c):
            by_lower.setdefault(_sre.unicode_tolower(c), set()).add(c)
    missing = {}
    for group in by_lower.values():
        for c in group:
            if c >= 128 and not group <= prefilter.folds(c):
                missing[hex(c)] = sorted(hex(x) for x in group - prefilter.folds(c))
    assert not missing, list(missing.items())[:10]
    # and re agrees on a sample: the Greek sigmas, the Kelvin sign, the dotted capital I
    for c in (0x3C3, 0x3C2, 0x212A, 0x130, 0x438, 0x1E9E):
        pattern = re.compile(re.escape(chr(c)), re.I)
        assert {x for x in range(sys.maxunicode + 1) if not 0xD800 <= x < 0xE000 and pattern.fullmatch(chr(x))} <= prefilter.folds(c)


def test_chains_and_wholes_answer_as_re_does(monkeypatch: Any) -> None:
    """The probe's matchers of several patterns (near.AnyOf: a plain pattern and chains of parts) and firststart.whole's
    finditer_whole read a long text from the prefilter's first possible start: the same answers as re alone."""
    from clearance import probe
    from clearance.firststart import finditer_whole

    anyofs = {n: getattr(probe, n) for n in ("_REVEAL", "_ACTION", "_TOOLCALL", "_IGNORE_ML_LATIN")}
    wholes = {"_DIRECTED": probe._DIRECTED, "_ADDR_HINT": probe._ADDR_HINT, "_OWN_OUTPUT": probe._OWN_OUTPUT}
    from .test_near import _eval_texts

    # the probe's evaluation texts (only whether the answers agree is compared, none is looked at) and random ones
    evals = [t for texts in _eval_texts().values() for t in texts]
    rng = random.Random(61)
    hits = 0
    for name, m in {**anyofs, **wholes}.items():
        for text in _texts(LazyRe(m.pattern, m.flags), rng, 100) + evals:
            answers = []
            for long in (10**9, 0):
                monkeypatch.setattr(lazyre, "LONG", long)
                if name in anyofs:
                    answers.append(bool(m.search(text)))
                else:
                    answers.append([(x.span(1), x.groups()[1:]) for x in finditer_whole(m, text)])
            assert answers[0] == answers[1], name
            hits += bool(answers[0])
    assert hits > 100  # texts the matchers find something in
