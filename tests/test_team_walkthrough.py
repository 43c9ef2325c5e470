"""docs/team.md, followed step by step as a new admin would, with the commands it gives.

SQLite stands in for PostgreSQL (section 1 says a single machine may; the PostgreSQL path is covered by
tests/test_server_faults.py and test_audit_chain.py). Each step names the section it follows.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")

DOC = Path(__file__).resolve().parents[1] / "docs" / "team.md"
ALICE_PW = "a long unique passphrase"
BOB_PW = "bob's own long passphrase"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clearance", *args], input=stdin, capture_output=True, text=True, env=env, timeout=120)


class Served:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.db = str(tmp / "team.db")
        self.port = _port()
        self.env = {**os.environ, "HOME": str(tmp / "home"), "CLEARANCE_DB": self.db, "CLEARANCE_NO_DAEMON": "1"}
        (tmp / "home").mkdir()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, extra: dict[str, str]) -> subprocess.Popen[bytes]:
        env = {**self.env, **extra}
        proc = subprocess.Popen(
            [sys.executable, "-m", "clearance", "serve", "--db", self.db, "--host", "127.0.0.1", "--port", str(self.port)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(150):
            if proc.poll() is not None:
                return proc
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    self.proc = proc
                    return proc
            except OSError:
                time.sleep(0.1)
        proc.kill()
        raise RuntimeError("the service did not start")

    def request(self, method: str, path: str, body: object = None, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        data = json.dumps(body).encode() if body is not None else None
        c.request(method, path, body=data, headers={"content-type": "application/json", **(headers or {})})
        r = c.getresponse()
        return r.status, r.read()

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    s = Served(tmp_path)
    yield s
    s.stop()


def _hook(s: Served, token: str, command: str, cwd: str = "/home/ana/webapp") -> tuple[int, dict[str, object] | None]:
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": cwd, "session_id": "walk"}
    status, body = s.request("POST", "/v1/hook", ev, {"authorization": f"Bearer {token}"})
    return status, (json.loads(body) if body else None)


def _decision(answer: dict[str, object] | None) -> str:
    assert answer is not None
    return str(answer["hookSpecificOutput"]["permissionDecision"])  # type: ignore[index]


def test_the_team_guide_step_by_step(served: Served) -> None:
    doc = DOC.read_text()
    for heading in ("## 1. Database", "## 2. Install and start", "## 3. Tokens for agents", "## 4. Wire each agent", "## 5. Change the policy"):
        assert heading in doc  # the steps this walk follows are still the guide's

    # 2. The first start refuses a default or missing password ...
    refused = served.start({"CLEARANCE_ADMIN_USER": "alice", "CLEARANCE_ADMIN_PASSWORD": "changeme"})
    assert refused.wait(timeout=30) == 2 and b"CLEARANCE_ADMIN_PASSWORD" in (refused.stderr.read() if refused.stderr else b"")
    # ... and creates the first admin with a real one.
    served.start({"CLEARANCE_ADMIN_USER": "alice", "CLEARANCE_ADMIN_PASSWORD": ALICE_PW})
    assert served.request("GET", "/healthz")[0] == 200

    # 2. A lone first admin gets a second person from the operator's command line.
    added = _cli(served.env, "user", "add", "bob", "--role", "approver", "--db", served.db, stdin=BOB_PW + "\n")
    assert added.returncode == 0, added.stderr
    time.sleep(0.05)  # approvals need people who existed before the change
    # ... and from now on adding people is a change request.
    again = _cli(served.env, "user", "add", "carol", "--role", "viewer", "--db", served.db, stdin="carol's long passphrase\n")
    assert again.returncode != 0

    # 3. A token per machine: proposed by an admin, shown once, working after a second person approves.
    proposed = _cli(served.env, "token", "propose", "laptop-ana", "--by", "alice", "--json", "--db", served.db)
    made = json.loads(proposed.stdout)
    token = made["token"]
    status, _ = served.request("POST", "/v1/hook?envelope=1", {"tool_name": "Bash", "tool_input": {"command": "ls"}}, {"authorization": f"Bearer {token}"})
    assert status == 401  # not approved yet
    ok = _cli(served.env, "change", "approve", str(made["change"]), "--by", "bob", "--comment", "laptop of a known colleague", "--db", served.db)
    assert ok.returncode == 0, ok.stderr

    # 4. Claude Code's http hook: what clearance decides, in Claude Code's shape.
    assert _decision(_hook(served, token, "rm -rf ~")[1]) == "deny"
    assert _decision(_hook(served, token, "npm test")[1]) == "allow"
    assert _decision(_hook(served, token, "aws s3 cp build.zip s3://acme-dev-artifacts/")[1]) == "deny"

    # 4. Every agent: the thin client (CLEARANCE_SERVER, CLEARANCE_TOKEN) prints the agent's answer.
    thin = subprocess.run(
        [sys.executable, "-m", "clearance", "hook", "--agent", "claude"],
        input=json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "rm -rf ~"}, "cwd": str(served.tmp / "home")}),
        capture_output=True,
        text=True,
        env={**served.env, "CLEARANCE_SERVER": f"http://127.0.0.1:{served.port}", "CLEARANCE_TOKEN": token},
        timeout=60,
    )
    assert '"deny"' in thin.stdout, thin.stdout + thin.stderr

    # 5. Change the policy: a proposal, its impact before approval, a second person's approval.
    text = '[trust]\nbuckets = ["s3://acme-dev-*"]\n'
    from clearance.server.service import Service

    svc = Service(served.db)
    cid = svc.propose(text, "alice", "the team's dev bucket")
    impact = svc.change_impact(cid)
    assert impact is not None and any("acme-dev-artifacts" in json.dumps(c["tool_input"]) for c in impact["changed"])
    ok = _cli(served.env, "change", "approve", str(cid), "--by", "bob", "--comment", "bucket checked with the platform team", "--db", served.db)
    assert ok.returncode == 0, ok.stderr
    deadline = time.monotonic() + 10
    while _decision(_hook(served, token, "aws s3 cp build.zip s3://acme-dev-artifacts/")[1]) != "allow":
        assert time.monotonic() < deadline, "the approved policy did not reach the service"
        time.sleep(0.2)

    # 3. Revoking a token takes effect at the next call: an agent's http hook then gets a valid ask, never a 401 it would run the tool on.
    tid = json.loads(_cli(served.env, "token", "list", "--json", "--db", served.db).stdout)[0]["id"]
    assert _cli(served.env, "token", "revoke", str(tid), "--by", "alice", "--db", served.db).returncode == 0
    status, answer = _hook(served, token, "npm test")
    assert status == 200 and _decision(answer) == "ask"

    # 6. Watch: the history says who did what, with the comments.
    history = " ".join(f"{h['action']} {h['details']}" for h in svc.admin_log())
    for action in ("propose_token", "approve_token", "propose_policy", "approve_policy", "revoke_token"):
        assert action in history, action
    assert re.search(r"bucket checked with the platform team", history)
