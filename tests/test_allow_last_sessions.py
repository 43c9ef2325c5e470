"""`clearance allow --last` with two agents at work: the latest denial may be the other session's.

Found walking a developer's day: two Claude Code sessions side by side; the person reads session A's denial ("The
user may allow exactly this: `clearance allow --last`"), runs it, and writes a grant for what session B was denied a
moment later -- a call the person never saw.  --last now refuses when the latest denials of several sessions are that
close together, and lists them with their ids.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.allow import rivals_of_last

from .test_ux_journeys import User


@pytest.fixture
def user(tmp_path: Path) -> User:
    return User(tmp_path)


def test_allow_last_refuses_when_another_session_was_denied_just_before(user: User) -> None:
    a = user.hook(f"rm -rf {user.home}/old-a", session="session-a")
    b = user.hook(f"rm -rf {user.home}/old-b", session="session-b")
    assert a["permissionDecision"] == b["permissionDecision"] == "deny"
    p = user.run("allow", "--last")
    assert p.returncode != 0, p.stdout
    assert "old-a" in p.stderr and "old-b" in p.stderr and "session-a" in p.stderr and "session-b" in p.stderr, p.stderr
    assert "clearance allow 1" in p.stderr and "clearance allow 2" in p.stderr, p.stderr
    assert not user.user_file.exists()
    # Naming the decision works as before.
    ok = user.run("allow", "1")
    assert ok.returncode == 0, ok.stderr
    assert "old-a" in user.user_file.read_text() and "old-b" not in user.user_file.read_text()


def test_allow_last_in_one_session_works_as_before(user: User) -> None:
    user.hook(f"rm -rf {user.home}/old-a", session="session-a")
    user.hook(f"rm -rf {user.home}/old-b", session="session-a")
    p = user.run("allow", "--last")
    assert p.returncode == 0, p.stderr
    assert "old-b" in user.user_file.read_text()


def _row(i: int, sid: str, ts: float, decision: str = "deny") -> dict[str, object]:
    return {"id": i, "session_id": sid, "ts": ts, "decision": decision}


@pytest.mark.parametrize(
    ("rows", "want"),
    [
        ([], []),
        ([_row(3, "a", 100.0)], []),
        ([_row(3, "a", 100.0), _row(2, "a", 90.0)], []),  # one session
        ([_row(3, "b", 100.0), _row(2, "a", 90.0)], [3, 2]),  # another session ten seconds before
        ([_row(4, "b", 100.0), _row(3, "b", 99.0), _row(2, "a", 90.0), _row(1, "a", 80.0)], [4, 2]),  # each session's latest
        ([_row(3, "b", 10_000.0), _row(2, "a", 100.0)], []),  # hours apart: the latest is the one the person just saw
        ([_row(3, "b", 100.0), _row(2, "", 95.0)], [3, 2]),  # a call without a session id is a session of its own
    ],
)
def test_rivals_of_last(rows: list[dict[str, object]], want: list[int]) -> None:
    assert [r["id"] for r in rivals_of_last(rows)] == want


def test_a_grant_for_a_handed_over_call_records_why_it_was_denied(user: User) -> None:
    for name in ("a", "b", "c", "d"):
        out = user.hook(f"rm -rf {user.home}/old-{name}", session="s1")
    assert out["permissionDecision"] == "ask" and "Handing over" in out["permissionDecisionReason"]
    p = user.run("allow", "--last")
    assert p.returncode == 0, p.stderr
    grant = user.user_file.read_text()
    assert "old-d" in grant and "Handing over" not in grant, grant
    assert "outside the project" in grant, grant


def test_a_handed_over_call_tells_the_person_the_ways_to_approve_it(user: User) -> None:
    """The person asked after repeated denials read "The user may allow exactly this: `clearance allow --last`" -- the
    agent's words, and only the lasting way; approving once is the dialog's, and for this session only is `--session`."""
    for name in ("a", "b", "c"):
        user.hook(f"rm -rf {user.home}/old-{name}", session="s1")
    out = user.hook(f"rm -rf {user.home}/old-d", session="s1")
    assert out["permissionDecision"] == "ask"
    said = out["permissionDecisionReason"]
    assert "The user may allow exactly this" not in said, said
    assert "`clearance allow 4`" in said and "--session" in said, said  # the handed-over call's own id


def test_an_ask_names_the_session_only_way_too(user: User) -> None:
    said = user.hook("kubectl apply -f k8s/deploy.yaml")["permissionDecisionReason"]
    assert "To allow it from now on, the user may run `clearance allow 1`" in said and "--session" in said, said
