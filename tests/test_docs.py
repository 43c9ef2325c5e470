"""Documentation generated from the code stays in sync with it."""

from __future__ import annotations

from pathlib import Path

from clearance.render import rules_markdown
from clearance.rules import load

ROOT = Path(__file__).resolve().parents[1]


def test_rule_reference_is_up_to_date() -> None:
    expected = rules_markdown(list(load().values()))
    actual = (ROOT / "docs" / "rules.md").read_text()
    assert actual == expected, "docs/rules.md is stale: run `clearance rules --markdown > docs/rules.md`"
