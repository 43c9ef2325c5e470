"""probe._NET_COMMAND answers as the pattern it replaced: a network program's name after the start or a separator.

The old pattern matched from the separator (`(?:^|[\\s;&|…])` then the list of programs), so every blank of a command
was a place to try the whole list (80 ms per 100 KB of blanks); the new one starts at the name, behind a lookbehind
for the separator, and re skips every character no name starts with.  Only whether it matches is used (is_outbound).
The reference is the current list behind the old prefix, so a program added to the list is checked too.
"""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearance import probe

from .test_near import _eval_texts

_NEW_PREFIX = "(?<![^\\s;&|(`$'\\\"/])"
_OLD_PREFIX = "(?:^|[\\s;&|(`$'\\\"/])(?=[cwnsrfthxalgiImdIpe])"
assert probe._NET_COMMAND.pattern.startswith(_NEW_PREFIX)
OLD = re.compile(_OLD_PREFIX + probe._NET_COMMAND.pattern[len(_NEW_PREFIX) :], re.I)

_WORDS = sorted(set(re.findall(r"[A-Za-z][\w:.-]*", re.sub(r"\\.", " ", probe._NET_COMMAND.pattern))))
_GLUE = [" ", "", "\n", "\t", ";", "&", "|", "(", "`", "$", "'", '"', "/", "-", ".", "x", "\u00a0", "\u017f", "\u212a", "\u0130", "://", " -h ", "("]


def _same(text: str) -> bool:
    return (probe._NET_COMMAND.search(text) is not None) == (OLD.search(text) is not None)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.sampled_from(_WORDS), st.booleans()), min_size=1, max_size=6), st.sampled_from(_GLUE))
def test_the_same_answer_on_commands_of_its_words(parts: list[tuple[str, str, bool]], end: str) -> None:
    text = "".join(g + (w.upper() if up else w) for g, w, up in parts) + end
    assert _same(text), text


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_the_same_answer_on_any_text(text: str) -> None:
    assert _same(text), text


def test_the_same_answer_on_the_eval_sets() -> None:
    """Counts only (the held-out texts are not looked at one by one)."""
    differ: dict[str, int] = {}
    found = 0
    for where, texts in _eval_texts().items():
        for text in texts:
            for line in text[:200_000].splitlines():
                found += OLD.search(line) is not None
                if not _same(line):
                    differ[where] = differ.get(where, 0) + 1
    assert not differ, differ
    assert found


def test_blanks_are_not_tried() -> None:
    for unit in (" ", "|", ";", "\n", "\t"):
        text = unit * 100_000
        t0 = time.process_time()
        assert probe._NET_COMMAND.search(text) is None
        assert (time.process_time() - t0) * 1000.0 < 10.0, unit
