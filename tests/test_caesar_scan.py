"""probe._caesar_shift finds the shifted word that an alternation of all of them found, in time linear in the text.

The alternation of the hundred shifted forms of "ignore", "previous", "instructions" and "disregard" (kept here as the
reference) tried every word at every position: 27 ms per 100 KB of letters.  The scanner looks for each word once
with str.find and keeps the first start (the longer word where two start together, as the alternation's order did).
"""

from __future__ import annotations

import random
import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from clearance import probe

from .test_near import _eval_texts

_REFERENCE = re.compile("|".join(sorted(probe._CAESAR_INDEX, key=len, reverse=True)))


def _reference_shift(low: str) -> int:
    m = _REFERENCE.search(low)
    return probe._CAESAR_INDEX[m.group(0)] if m else 0


_PIECES = sorted(probe._CAESAR_INDEX) + [w[: len(w) // 2] for w in probe._CAESAR_INDEX] + [" ", "", "x", "e", "\n"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_the_same_shift_on_shifted_words(parts: list[str]) -> None:
    low = "".join(parts)
    assert probe._caesar_shift(low) == _reference_shift(low), low


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=60))
def test_the_same_shift_on_any_letters(low: str) -> None:
    assert probe._caesar_shift(low) == _reference_shift(low), low


def test_the_same_shift_on_the_eval_sets() -> None:
    """Every text of the probe's evaluation sets, lower-cased, and its rot13 and shift-by-3 forms: counts only."""
    import codecs

    differ: dict[str, int] = {}
    shifted = 0
    abc = "abcdefghijklmnopqrstuvwxyz"
    by3 = str.maketrans(abc, abc[3:] + abc[:3])
    for where, texts in _eval_texts().items():
        for text in texts:
            low = text[:20_000].lower()
            for v in (low, codecs.encode(low, "rot13"), low.translate(by3)):
                got = probe._caesar_shift(v)
                shifted += bool(got)
                if got != _reference_shift(v):
                    differ[where] = differ.get(where, 0) + 1
    assert not differ, differ
    assert shifted


def test_linear_on_every_repeated_shape() -> None:
    """100 KB of every character, every pair of letters and every shifted word repeated: under 10 ms each."""
    rng = random.Random(16)
    letters = "abcdefghijklmnopqrstuvwxyz"
    units = [*letters, " ", "\n", *(rng.choice(letters) + rng.choice(letters) for _ in range(40)), *rng.sample(sorted(probe._CAESAR_INDEX), 20)]
    units += [w[:-1] for w in rng.sample(sorted(probe._CAESAR_INDEX), 20)]  # each a word short of a match
    worst = 0.0
    for unit in units:
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        t = min(_timed(text) for _ in range(3))
        worst = max(worst, t)
    assert worst < 10.0, worst


def _timed(text: str) -> float:
    t0 = time.process_time()
    probe._caesar_shift(text)
    return (time.process_time() - t0) * 1000.0
