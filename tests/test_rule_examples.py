"""Every rule's own examples: each must-match example triggers the rule, each must-not-match does not."""

from __future__ import annotations

import json
from typing import Any

import pytest

from clearance.rules import load

from .conftest import decide

RULES = load()
MATCH = [(r.id, ex) for r in RULES.values() for ex in r.match]
NO_MATCH = [(r.id, ex) for r in RULES.values() for ex in r.no_match]


def _ids(d: Any) -> set[str]:
    return {f.rule_id for f in d.findings} | set(d.rules)


def _label(x: Any) -> str:
    return x if isinstance(x, str) else json.dumps(x)


@pytest.mark.parametrize(("rule_id", "example"), MATCH, ids=[f"{r}:{_label(e)[:50]}" for r, e in MATCH])
def test_rule_matches_its_examples(rule_id: str, example: Any) -> None:
    d = decide(example)
    assert rule_id in _ids(d), f"{rule_id} did not fire on {_label(example)!r}: {d.decision} {d.rules} {d.reason}"
    assert d.decision != "allow", f"{_label(example)!r} matched {rule_id} but was allowed"


@pytest.mark.parametrize(("rule_id", "example"), NO_MATCH, ids=[f"{r}:{_label(e)[:50]}" for r, e in NO_MATCH])
def test_rule_ignores_its_counter_examples(rule_id: str, example: Any) -> None:
    d = decide(example)
    assert rule_id not in _ids(d), f"{rule_id} fired on {_label(example)!r}: {d.reason}"


def test_every_rule_is_documented() -> None:
    for r in RULES.values():
        assert r.id.count(".") == 1 and r.id == r.id.lower(), r.id
        assert r.title and r.why and r.match
