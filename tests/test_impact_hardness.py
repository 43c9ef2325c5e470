"""The impact preview of a policy change shows denials that become hard, and hard denials that become soft.

Found walking an admin's day: a change adding `hard_deny = ["Bash(terraform destroy:*)"]` previewed as "0 calls would
be decided differently" for the terraform destroy calls in the trail -- denied before, denied after -- although after
it nobody can hand them to a person (escalation), grant them (`clearance allow`) or clear them with an allow rule;
and removing such a rule, which gives all of that back, was just as silent.
"""

from __future__ import annotations

from typing import Any

from clearance.policy import Policy
from clearance.policy.load import from_managed_text
from clearance.server.impact import impact

BASE = 'auto_mode = "enabled"\n'
HARD = 'auto_mode = "enabled"\n[rules]\nhard_deny = ["Bash(terraform destroy:*)"]\n'


def _rows(*commands: str) -> list[dict[str, Any]]:
    return [
        {"id": i + 1, "ts": 1000.0 + i, "tool_name": "Bash", "tool_input": {"command": c}, "cwd": "/home/ana/infra", "session_id": "s"}
        for i, c in enumerate(commands)
    ]


def _policy(text: str) -> Policy:
    return Policy(from_managed_text(text))


def test_a_denial_that_becomes_hard_is_a_change() -> None:
    rows = _rows("terraform destroy -auto-approve", "ls", "rm -rf ~/")
    got = impact(rows, _policy(BASE), _policy(HARD))
    assert [(c["tool_input"]["command"], c["before"], c["after"]) for c in got["changed"]] == [("terraform destroy -auto-approve", "deny", "deny (hard)")]
    assert got["before"] == {"deny": 2, "allow": 1} and got["after"] == {"deny": 2, "allow": 1}  # the counts keep their meaning


def test_a_hard_denial_that_becomes_soft_is_a_change() -> None:
    rows = _rows("terraform destroy -auto-approve", "rm -rf ~/")
    got = impact(rows, _policy(HARD), _policy(BASE))
    assert [(c["tool_input"]["command"], c["before"], c["after"]) for c in got["changed"]] == [("terraform destroy -auto-approve", "deny (hard)", "deny")]


def test_nothing_changes_nothing() -> None:
    rows = _rows("terraform destroy -auto-approve", "rm -rf ~/", "ls")
    assert impact(rows, _policy(HARD), _policy(HARD))["changed"] == []
