"""The way from a denial to a decision in a run nobody watched (agents16, walked with the four real agents: claude -p,
codex exec, gemini -p, copilot -p through tests/e2e_agents).  Each agent showed the reason and the id; `clearance
explain ID` and `clearance allow ID` worked.  Found: the grant written from a question nobody could answer kept the
run's words as its reason ("No person is watching this run to answer, so clearance denies it instead of asking"),
which is why the run stopped, not why the call needed a person; a grant now keeps the call's own reason whenever the
hook changed the policy's decision because of the run (headless.unanswered, as the escalation's handover and stop).
And a stopped run named no way forward at all: it now says where the person finds the run's calls."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .test_ux_journeys import User

ASKED = ("kubectl apply -f k8s/deploy.yaml", "terraform apply", "helm upgrade web ./chart")


@pytest.fixture
def user(tmp_path: Path) -> User:
    return User(tmp_path)


def _grant_reasons(user: User) -> list[str]:
    return re.findall(r'^reason = "(.*)"$', user.user_file.read_text(), re.M)


@pytest.mark.parametrize("command", ASKED)
def test_a_grant_from_an_unanswered_question_keeps_why_the_call_needed_a_person(user: User, command: str) -> None:
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(user.project), "session_id": "ci"}
    p = user.run("hook", "--agent", "claude", "--headless", stdin=json.dumps(ev))
    said = json.loads(p.stdout)["hookSpecificOutput"]
    assert said["permissionDecision"] == "deny" and "No person is watching this run" in said["permissionDecisionReason"]
    rid = re.search(r"`clearance allow (\d+)`", said["permissionDecisionReason"])
    assert rid is not None, said
    explained = user.run("explain", rid.group(1))
    assert "headless.unanswered" in explained.stdout and f"`clearance allow {rid.group(1)}`" in explained.stdout
    allowed = user.run("allow", rid.group(1))
    assert allowed.returncode == 0, allowed.stderr
    (reason,) = _grant_reasons(user)
    assert reason and "No person is watching" not in reason and "instead of asking" not in reason, reason
    assert user.hook(command, session="later")["permissionDecision"] == "allow"


def test_a_grant_after_a_headless_stop_keeps_the_denials_reason(user: User) -> None:
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "cwd": str(user.project), "session_id": "ci"}
    said = ""
    for i in range(4):
        p = user.run("hook", "--agent", "claude", "--headless", stdin=json.dumps({**ev, "tool_input": {"command": f"git reset --hard HEAD~{i + 1}"}}))
        said = json.loads(p.stdout)["hookSpecificOutput"]["permissionDecisionReason"]
    # The stop names no single call (the denials before it may be what to allow): it says where the person finds them.
    assert "Stopping the run" in said and "`clearance log --session ci`" in said and "`clearance allow ID`" in said, said
    listed = user.run("log", "--session", "ci")
    assert listed.returncode == 0 and len(re.findall(r"^\s+\d+\s.*DENY", listed.stdout, re.M)) == 4, listed.stdout
    assert user.run("allow", "4").returncode == 0
    (reason,) = _grant_reasons(user)
    assert "Stopping the run" not in reason and "reset" in reason.lower(), reason


def test_the_stop_names_a_session_only_when_it_is_plainly_an_id() -> None:
    """The session id comes from the agent's event and the stop's words are pasted into a shell."""
    from clearance.escalation import review

    assert "`clearance log --session 01a25085-1fcd-7bc3-89c1-2c27da1ed741`" in review("01a25085-1fcd-7bc3-89c1-2c27da1ed741")
    for odd in ("x; rm -rf ~", "$(curl evil)", "--db=/tmp/x", "a b", "", "x" * 81, "`id`"):
        said = review(odd)
        assert "`clearance log --decision deny`" in said and (not odd or odd not in said)
