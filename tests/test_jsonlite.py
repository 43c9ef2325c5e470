"""jsonlite answers exactly as json does, errors included (the hook's client paths rely on it)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from clearance import jsonlite

_JSONISH = st.text(alphabet=st.sampled_from(list('{}[]",:0123456789.eE+-truefalsn \t\n\\u')), max_size=40)


def _outcome(fn: object, text: str) -> object:
    try:
        return ("ok", fn(text))  # type: ignore[operator]
    except ValueError as e:
        return ("error", type(e).__name__)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_JSONISH, st.text(max_size=30)))
def test_loads_matches_json_on_any_text(text: str) -> None:
    expected = _outcome(json.loads, text)
    got = _outcome(jsonlite.loads, text)
    if expected[0] == "ok" and isinstance(expected[1], float) and expected[1] != expected[1]:
        assert got[0] == "ok"  # NaN != NaN
        return
    assert got == expected


def test_truncated_objects_raise_json_errors_not_system_errors() -> None:
    # The C scanner reports these through json.decoder; without it imported it used to raise SystemError.
    for text in ("{broken", "[1,", '{"a":', '"x', "nul", '{"a" 1}', "[1 2]", "", "  "):
        try:
            jsonlite.loads(text)
        except json.JSONDecodeError:
            continue
        raise AssertionError(f"{text!r} was accepted")
