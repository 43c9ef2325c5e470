"""Decisions a thin client made while the team service was unreachable reach the team's audit trail.

Found by h-user11 (left open): the outage's decisions were written to the machine's own trail and stayed there, so
the team's audit missed exactly the calls nobody at the service saw.  The hook marks them (rule
``service.unreachable`` in the local record); on the next call the service answers, the hook starts a detached
uploader (after answering, never on the decision's path) that sends those not yet sent in bounded batches.  The
service stores each once -- keyed per machine by the row's content, so a retry or a resent batch never duplicates --
marked as decided offline, under the machine the token names whatever the rows claim.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from .pgserver import postgres_server, unavailable_reason
from .test_team_fallback import SRC, Team

OFFLINE = "service.unreachable"


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    t = Team(tmp_path)
    t.start()
    try:
        yield t
    finally:
        t.stop()


def _hook(home: Path, team: Team, command: str, session: str = "s1") -> tuple[dict[str, Any], str, float]:
    project = home / "proj"
    project.mkdir(parents=True, exist_ok=True)
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(project), "session_id": session}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_"))}
    env.update(HOME=str(home), PYTHONPATH=SRC, CLEARANCE_SERVER=team.base, CLEARANCE_TOKEN=team.token)
    t0 = time.monotonic()
    p = subprocess.run(
        [sys.executable, "-m", "clearance", "hook", "--agent", "claude"], input=json.dumps(ev), capture_output=True, text=True, env=env, timeout=60
    )
    took = time.monotonic() - t0
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)["hookSpecificOutput"], p.stderr, took


def _team_rows(team: Team) -> list[dict[str, Any]]:
    from clearance.store import open_store

    st = open_store(team.db)
    try:
        return [r for r in st.query({"rule": OFFLINE}) if r["session_id"] == "s1"]
    finally:
        st.close()


def _wait_rows(team: Team, n: int, timeout: float = 30.0) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    rows = _team_rows(team)
    while len(rows) < n and time.monotonic() < deadline:
        time.sleep(0.2)
        rows = _team_rows(team)
    return rows


def test_outage_decisions_reach_the_team_trail_once(tmp_path: Path, team: Team) -> None:
    home = tmp_path / "ana"
    assert _hook(home, team, "ls")[0]["permissionDecision"] == "allow"  # served: nothing to upload
    team.stop()
    for command in ("terraform destroy -auto-approve", "git status", "rm -rf ~"):
        _, note, _ = _hook(home, team, command)
        assert "unreachable" in note
    assert _team_rows(team) == []  # the service was down: nothing reached it yet
    team.start()
    served, _, _ = _hook(home, team, "git log")
    assert served["permissionDecision"] == "allow"
    rows = _wait_rows(team, 3)
    assert sorted(r["tool_input"]["command"] for r in rows) == ["git status", "rm -rf ~", "terraform destroy -auto-approve"], rows
    assert {r["user_name"] for r in rows} == {"laptop"}  # the machine the token names
    by_command = {r["tool_input"]["command"]: r for r in rows}
    assert by_command["rm -rf ~"]["decision"] == "deny" and by_command["git status"]["decision"] == "allow"
    # The next calls (and another upload) never duplicate them.
    _hook(home, team, "git diff")
    _hook(home, team, "git show")
    time.sleep(3)
    assert len(_team_rows(team)) == 3
    # The team's `clearance log` shows them as decided offline on that machine.
    env = dict(os.environ, PYTHONPATH=SRC)
    log = subprocess.run([sys.executable, "-m", "clearance", "log", "--db", team.db], capture_output=True, text=True, env=env, timeout=60)
    assert "decided offline on laptop" in log.stdout, log.stdout


def test_a_later_outage_is_sent_too_and_the_served_call_is_not_slowed(tmp_path: Path, team: Team) -> None:
    home = tmp_path / "ana"
    team.stop()
    _hook(home, team, "git status")
    team.start()
    _hook(home, team, "ls")
    assert len(_wait_rows(team, 1)) == 1
    team.stop()
    _hook(home, team, "git branch")
    team.start()
    _, _, took = _hook(home, team, "ls")
    assert len(_wait_rows(team, 2)) == 2
    assert took < 10


def _client(tmp_path: Path) -> tuple[Any, str, Any]:
    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "t.db"))
    svc.add_user("alice", "correct horse battery", "admin")
    token = svc.create_token("laptop", "alice")
    return TestClient(create_app(svc), follow_redirects=False), token, svc


def _row(command: str, **extra: Any) -> dict[str, Any]:
    row = {
        "ts": time.time() - 60,
        "session_id": "s9",
        "agent": "claude",
        "cwd": "/home/ana/p",
        "tool_name": "Bash",
        "tool_input": {"command": command},
        "decision": "allow",
        "raw_decision": "allow",
        "stage": "analysis",
        "rules": [OFFLINE],
        "reason": "ok",
        "elapsed_ms": 0.1,
    }
    row.update(extra)
    return row


def test_a_client_cannot_upload_rows_for_another_machine_nor_duplicate_them(tmp_path: Path) -> None:
    client, token, svc = _client(tmp_path)
    auth = {"authorization": f"Bearer {token}"}
    rows = [_row("git status", user_name="build-server"), _row("ls", machine="build-server", rules=[])]
    assert client.post("/v1/offline", json={"decisions": rows}).status_code == 401
    first = client.post("/v1/offline", json={"decisions": rows}, headers=auth)
    assert first.status_code == 200 and first.json() == {"stored": 2, "duplicates": 0, "refused": 0}, first.text
    again = client.post("/v1/offline", json={"decisions": rows}, headers=auth)
    assert again.json() == {"stored": 0, "duplicates": 2, "refused": 0}
    stored = svc.store.query({"session_id": "s9"})
    assert {r["user_name"] for r in stored} == {"laptop"} and all(OFFLINE in r["rules"] for r in stored), stored
    assert svc.store.verify()["ok"], svc.store.verify()  # in the team's hash chain
    # Rows that are not decisions are refused one by one; a batch above the bound is refused whole.
    odd = [_row("x", decision="yes"), _row("y", ts="soon"), "not a row", _row("z", tool_input="rm")]
    assert client.post("/v1/offline", json={"decisions": odd}, headers=auth).json()["refused"] == 4
    big = [_row(f"echo {i}") for i in range(201)]
    assert client.post("/v1/offline", json={"decisions": big}, headers=auth).status_code == 413
    assert client.post("/v1/offline", json={"rows": []}, headers=auth).status_code == 400


def test_a_failed_upload_waits_before_the_next_try(tmp_path: Path) -> None:
    import os as _os

    from clearance.outbox import RETRY_S, _later, due, marker_path

    env = {"HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    (tmp_path / "state" / "clearance").mkdir(parents=True)
    _later(env)
    mtime = _os.stat(marker_path(env)).st_mtime
    now = time.time()
    assert not due(mtime, now) and due(mtime, now + RETRY_S + 1)


def test_postgres_stores_each_offline_decision_once_in_the_chain() -> None:
    reason = unavailable_reason()
    if reason:
        pytest.skip(f"PostgreSQL test skipped: {reason}")
    from clearance.server.service import Service

    with postgres_server() as url:
        svc = Service(url)
        rows = [_row("git status", user_name="build-server"), _row("rm -rf ~", decision="deny", raw_decision="deny")]
        assert svc.store_offline("laptop", rows) == {"stored": 2, "duplicates": 0, "refused": 0}
        assert svc.store_offline("laptop", rows) == {"stored": 0, "duplicates": 2, "refused": 0}
        assert svc.store_offline("desktop", rows[:1]) == {"stored": 1, "duplicates": 0, "refused": 0}  # another machine's own
        stored = svc.store.query({"session_id": "s9"})
        assert sorted(r["user_name"] for r in stored) == ["desktop", "laptop", "laptop"]
        assert svc.store.verify()["ok"]
        svc.store.close()
