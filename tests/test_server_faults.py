"""The team service fails safe: a stalled, restarted or full database never yields a 500, an answer past the
hook timeout, an allow it could not record, or a lost record; /healthz says when decisions cannot be recorded."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from clearance.server.app import create_app
from clearance.server.service import Service

from .pgserver import postgres_control, unavailable_reason

PW = "correct horse battery"
BUDGET = 1.0


def hook(client: TestClient, token: str, command: str) -> tuple[Any, float]:
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/webapp", "session_id": "f"}
    t0 = time.monotonic()
    r = client.post("/v1/hook", content=json.dumps(ev), headers={"authorization": f"Bearer {token}"})
    return r, time.monotonic() - t0


def decision_of(r: Any) -> str:
    assert r.status_code == 200, r.text
    return str(r.json()["hookSpecificOutput"]["permissionDecision"])


def wait_healthy(client: TestClient, within_s: float) -> float:
    t0 = time.monotonic()
    while time.monotonic() - t0 < within_s:
        if client.get("/healthz").status_code == 200:
            return time.monotonic() - t0
        time.sleep(0.1)
    raise AssertionError(f"/healthz not 200 within {within_s} s: {client.get('/healthz').text}")


def recorded(svc: Service) -> int:
    row = svc.store.fetchone("SELECT COUNT(*) FROM decisions")
    assert row is not None
    return int(row[0])


def test_a_locked_sqlite_store_answers_within_budget_and_loses_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "team.db")
    svc = Service(db, spool=str(tmp_path / "spool.jsonl"), budget_s=BUDGET)
    svc.add_user("alice", PW, "admin")
    token = svc.create_token("laptop", "alice")
    client = TestClient(create_app(svc))
    assert decision_of(hook(client, token, "ls")[0]) == "allow"
    locker = sqlite3.connect(db, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # a stall: every writer waits (busy timeout 10 s)
    answers = []
    for cmd in ("ls -la", "rm -rf ~", "git status"):
        r, took = hook(client, token, cmd)
        assert took < BUDGET + 1.0, f"{cmd} took {took:.1f} s"
        answers.append(decision_of(r))
    assert answers == ["ask", "deny", "ask"]  # allows become ask; the denial stands
    said = hook(client, token, "ls -l")[0].json()["hookSpecificOutput"]["permissionDecisionReason"]
    assert said.startswith("clearance: the team service cannot record") and "clearance: clearance:" not in said, said
    assert client.get("/healthz").status_code == 503
    locker.execute("ROLLBACK")
    locker.close()
    wait_healthy(client, 15)
    assert recorded(svc) == 5  # the four from the stall were replayed from the spool (or written late), none lost
    rows = svc.store.query({}, 10)
    assert sorted(r["decision"] for r in rows) == ["allow", "ask", "ask", "ask", "deny"]
    assert not any(str(r["reason"]).startswith("clearance:") for r in rows)
    assert decision_of(hook(client, token, "ls")[0]) == "allow"


def test_decisions_that_cannot_even_be_spooled_make_healthz_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "not-a-dir").write_text("")
    svc = Service(str(tmp_path / "team.db"), spool=str(tmp_path / "not-a-dir" / "spool.jsonl"), budget_s=BUDGET)  # the spool cannot be written
    svc.add_user("alice", PW, "admin")
    token = svc.create_token("laptop", "alice")
    client = TestClient(create_app(svc))
    assert client.get("/healthz").status_code == 200

    def full(*a: Any, **k: Any) -> Any:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(svc.guard.raw, "record", full)
    r, took = hook(client, token, "ls")
    assert decision_of(r) == "ask" and took < BUDGET + 1.0
    health = client.get("/healthz")
    assert health.status_code == 503 and "lost" in health.text


def test_deeply_nested_input_is_asked_not_a_500(tmp_path: Path) -> None:
    svc = Service(str(tmp_path / "team.db"), spool=str(tmp_path / "spool.jsonl"))
    svc.add_user("alice", PW, "admin")
    token = svc.create_token("laptop", "alice")
    client = TestClient(create_app(svc))
    deep = '{"a":' * 100_000 + "1" + "}" * 100_000
    raw = '{"hook_event_name": "PreToolUse", "tool_name": "mcp__x__y", "cwd": "/home/ana", "tool_input": ' + deep + "}"
    r = client.post("/v1/hook", content=raw, headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.json()["hookSpecificOutput"]["permissionDecision"] in ("ask", "deny")
    r = client.post("/v1/decide", content=raw, headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.json()["decision"] in ("ask", "deny")
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "cwd": "/home/ana"}
    r = client.post("/v1/hook?agent=nosuchagent", content=json.dumps(ev), headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 400 and "nosuchagent" in r.text


@pytest.mark.skipif(unavailable_reason() is not None, reason=str(unavailable_reason()))
def test_a_postgresql_restart_degrades_to_ask_and_recovers_by_itself(tmp_path: Path) -> None:
    with postgres_control() as server:
        svc = Service(server.url, spool=str(tmp_path / "spool.jsonl"), budget_s=BUDGET)
        svc.add_user("alice", PW, "admin")
        token = svc.create_token("laptop", "alice")
        client = TestClient(create_app(svc))
        assert decision_of(hook(client, token, "ls")[0]) == "allow"
        server.stop()
        times = []
        for cmd in ("ls", "rm -rf ~", "git status", "ls -la"):
            r, took = hook(client, token, cmd)
            times.append(took)
            assert decision_of(r) == ("deny" if cmd.startswith("rm") else "ask")
        assert max(times) < BUDGET + 1.0, times
        assert client.get("/healthz").status_code == 503
        server.start()
        wait_healthy(client, 20)  # reconnects by itself: no restart of the service
        assert decision_of(hook(client, token, "ls")[0]) == "allow"
        assert recorded(svc) == 6


@pytest.mark.parametrize("status", [401, 403])
def test_a_rejected_token_makes_the_thin_client_ask_not_decide_locally(status: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import http.server
    import threading

    from clearance.hook import Options
    from clearance.remote import via_server

    class Refuse(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", "0")))
            body = b'{"error": "a valid bearer token is required"}'
            self.send_response(status)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Refuse)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("CLEARANCE_SERVER", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("CLEARANCE_TOKEN", "clr_revoked")
    try:
        for command, agent in (("ls", None), ("git status", "claude"), ("ls", "gemini")):
            ev = {
                "hook_event_name": "PreToolUse" if agent != "gemini" else "BeforeTool",
                "tool_name": "Bash",
                "tool_input": {"command": command},
                "cwd": str(tmp_path),
            }
            opts = Options(["--agent", agent] if agent else [])
            answer = via_server(json.dumps(ev).encode(), opts)
            assert answer is not None
            assert "rejected CLEARANCE_TOKEN" in answer.stderr and "decided locally" not in answer.stderr
            out = json.loads(answer.stdout) if isinstance(answer.stdout, str) else answer.stdout
            text = json.dumps(out)
            assert "allow" not in text and ("ask" in text or answer.exit_code != 0), text
    finally:
        server.shutdown()
        server.server_close()


def test_a_spool_left_by_a_stopped_process_is_replayed_at_the_next_start(tmp_path: Path) -> None:
    db, spool = str(tmp_path / "team.db"), str(tmp_path / "spool.jsonl")
    first = Service(db, spool=spool)
    rec = {"ts": time.time(), "session_id": "s1", "decision": "ask", "raw_decision": "allow", "stage": "default", "tool_name": "Bash"}
    assert first.guard.spool(rec, (3, 20), False)
    # A process that died while replaying left its work file (pid 2**22 + 1 is above Linux's pid_max default).
    Path(f"{spool}.replaying-{2**22 + 1}").write_text(json.dumps({"rec": {**rec, "session_id": "s2"}, "limits": [3, 20], "headless": False}) + "\n")
    first.guard.close()
    second = Service(db, spool=spool, budget_s=BUDGET)
    client = TestClient(create_app(second))
    assert client.get("/healthz").status_code == 503  # spooled decisions wait to be replayed
    wait_healthy(client, 10)
    assert sorted(r["session_id"] for r in second.store.query({}, 10)) == ["s1", "s2"]
    assert second.guard.spooled() == 0


@pytest.mark.skipif(unavailable_reason() is not None, reason=str(unavailable_reason()))
def test_a_stalled_postgresql_store_answers_within_budget_and_loses_nothing(tmp_path: Path) -> None:
    import psycopg

    from clearance.store.postgres import CHAIN_LOCK

    with postgres_control() as server:
        svc = Service(server.url, spool=str(tmp_path / "spool.jsonl"), budget_s=BUDGET)
        svc.add_user("alice", PW, "admin")
        token = svc.create_token("laptop", "alice")
        client = TestClient(create_app(svc))
        assert decision_of(hook(client, token, "ls")[0]) == "allow"
        with psycopg.connect(server.url, autocommit=True) as other:
            other.execute(f"SELECT pg_advisory_lock({CHAIN_LOCK})")  # every decision's write waits for this lock
            for cmd in ("ls -la", "rm -rf ~"):
                r, took = hook(client, token, cmd)
                assert took < BUDGET + 1.0, f"{cmd} took {took:.1f} s"
                assert decision_of(r) == ("deny" if cmd.startswith("rm") else "ask")
            assert client.get("/healthz").status_code == 503
            other.execute(f"SELECT pg_advisory_unlock({CHAIN_LOCK})")
        wait_healthy(client, 20)
        assert recorded(svc) == 3
        assert sorted(r["decision"] for r in svc.store.query({}, 10)) == ["allow", "ask", "deny"]
