"""probe._LINK_WORDS with possessive words finds the matches the pattern without them found (the same spans)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from clearance import probe

from .test_near import _eval_texts

OLD = re.compile(r"[#?=](?:[A-Za-z:,.'!?]{1,20}[-_+]){6,}[A-Za-z:,.'!?]{1,20}")


def _spans(p: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in p.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["?", "#", "=", "-", "_", "+", "a", "ab", "x" * 19, "y" * 20, "z" * 21, "!", ".", " ", "\n", "é"]), max_size=40))
def test_the_same_matches(parts: list[str]) -> None:
    text = "".join(parts)
    assert _spans(probe._LINK_WORDS.compiled, text) == _spans(OLD, text), text


def test_the_same_matches_on_the_eval_sets() -> None:
    differ: dict[str, int] = {}
    for where, texts in _eval_texts().items():
        for text in texts:
            for v in probe._variants(text[:200_000]):
                if _spans(probe._LINK_WORDS.compiled, v) != _spans(OLD, v):
                    differ[where] = differ.get(where, 0) + 1
    assert not differ, differ


def test_words_of_exactly_twenty() -> None:
    for n in (19, 20, 21):
        text = "?" + ("w" * n + "-") * 6 + "end"
        assert _spans(probe._LINK_WORDS.compiled, text) == _spans(OLD, text), n
