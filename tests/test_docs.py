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


def test_readme_counts_the_rules_there_are() -> None:
    # A new user compares `clearance rules` with the README: it said 117 rules when there were 179.
    import re

    found = re.search(r"^(\d+) rules in (\d+) packs", (ROOT / "README.md").read_text(), re.M)
    assert found is not None
    packs = [p.stem for p in (ROOT / "src" / "clearance" / "rules").glob("*.py") if p.stem not in ("__init__", "base", "gates", "credtext")]
    assert (int(found.group(1)), int(found.group(2))) == (len(load()), len(packs)), "README.md's rule count is stale"
