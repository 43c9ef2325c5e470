"""ux19, from a denial to a decision and the team service: the journey walked as a developer and a platform engineer
would (a fresh HOME, the CLI, the hook and the service as subprocesses), each defect found on the way reproduced here
first."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
_PW = "Hunter2pass9"  # the secrets ux18 used
_GH = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Dev:
    """A developer's machine: a home, a git project, no policy."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.home = tmp / "home"
        self.project = self.home / "webapp"
        self.project.mkdir(parents=True)
        subprocess.run(["git", "init", "-q", str(self.project)], check=True)
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("XDG_", "CLEARANCE_")) and k not in ("HOME", "PYTHONPATH", "CLAUDE_PROJECT_DIR", "CI", "GITHUB_ACTIONS")
        }
        self.env.update(
            HOME=str(self.home),
            PYTHONPATH=str(ROOT / "src"),
            CLEARANCE_MANAGED_POLICY=str(tmp / "no-managed.toml"),
            CLEARANCE_NO_DAEMON="1",
            CLEARANCE_HEADLESS="0",
            USER="ana",
        )

    def run(self, *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "clearance", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=dict(self.env, **(env or {})),
            cwd=str(cwd or self.project),
            timeout=120,
        )

    def event(self, command: str, session: str = "s1") -> str:
        return json.dumps(
            {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(self.project), "session_id": session}
        )

    def hook(self, command: str, session: str = "s1", env: dict[str, str] | None = None) -> dict[str, str]:
        p = self.run("hook", "--agent", "claude", stdin=self.event(command, session), env=env)
        assert p.returncode == 0, p.stderr
        out: dict[str, str] = json.loads(p.stdout)["hookSpecificOutput"]
        return out


@pytest.fixture
def dev(tmp_path: Path) -> Dev:
    return Dev(tmp_path)


# -- 1. The reason told to the agent is redacted as the audit record is --------------------------------------------------------
# A reason quotes what the call names: the SQL statement it runs, the database URL, a path. The audit record's reason was
# redacted, the one sent back to the agent was not: `mysql -e "UPDATE users SET password='…'"` was denied with the
# password in the reason, `psql postgres://admin:…@db/app -c 'DROP TABLE users'` with the URL's credentials. Each
# adapter's answer (and the decision record of `clearance decide` / the service's /v1/decide) now goes through
# redact.shown.

_QUOTING_REASONS = [
    f"mysql -h db.prod -e \"UPDATE users SET password='{_PW}' WHERE 1=1; DROP TABLE sessions\"",
    f"psql postgres://admin:{_PW}@db.prod.example.com/app -c 'DROP TABLE users'",
    f"rm -rf /srv/app/{_GH}",
    # A statement quoted cut short (60 characters): the token's format was lost in the cut, before any redaction.
    f"psql -h db.prod -c \"UPDATE accounts SET api_key='{_GH}'\"",
    f"sqlite3 ~/app.db \"UPDATE users SET password = '{_PW}' -- reset every account's password at once\"",
]


@pytest.mark.parametrize("agent", ["claude", "codex", "gemini", "cursor", "copilot"])
@pytest.mark.parametrize("command", _QUOTING_REASONS)
def test_reason_told_to_the_agent_is_redacted(tmp_path: Path, agent: str, command: str) -> None:
    from clearance.adapters import get
    from clearance.api import decide

    home = tmp_path / "home"
    (home / "webapp").mkdir(parents=True)
    d = decide("Bash", {"command": command}, cwd=str(home / "webapp"), env={"HOME": str(home), "CLEARANCE_HEADLESS": "0"})
    assert d.decision == "deny", (d.decision, d.reason)
    told = _answer_text(get(agent).render_answer(d))
    assert _PW not in told and _GH not in told and "[REDACTED" in told, told
    assert _PW not in json.dumps(d.to_record(None)) and _GH not in json.dumps(d.to_record(None))


def _answer_text(answer: object) -> str:
    return json.dumps([getattr(answer, "stdout", None), getattr(answer, "stderr", "")])


def test_hook_answer_and_audit_hold_no_secret_from_a_reason(dev: Dev) -> None:
    for i, command in enumerate(_QUOTING_REASONS):
        out = dev.hook(command, session=f"r{i}")
        assert out["permissionDecision"] == "deny", out
        assert _PW not in out["permissionDecisionReason"] and _GH not in out["permissionDecisionReason"], out
    shown = dev.run("log", "--json").stdout + dev.run("explain", "--last").stdout
    assert _PW not in shown and _GH not in shown
    assert _GH[:20] not in shown and _GH[:20] not in out["permissionDecisionReason"]  # not even a token's cut prefix


def test_a_cut_message_redacts_before_it_cuts() -> None:
    from clearance.redact import cut

    for text in (f"DELETE FROM tokens WHERE value='{_GH}' AND owner='bob'", f"curl -H 'Authorization: Bearer {_GH}' https://x"):
        short = cut(text, 40)
        assert len(short) <= 40 and _GH[:12] not in short, short
    assert cut("ls -la", 40) == "ls -la"


# -- 2. A hung daemon costs a bounded time, once a minute -------------------------------------------------------------------
# A daemon that accepts (or whose socket's backlog accepts: a stopped process) but never answers held every hook call
# for 10 s (CLEARANCE_DAEMON_TIMEOUT) before it decided in-process, and the next call waited again. The daemon now
# acknowledges a connection as it accepts it (one byte, before the pool decides); a hook that has no acknowledgement
# within DAEMON_ACK_S decides in-process, and notes the daemon as stalled in the state folder, so the calls of the
# next minute do not try it; a daemon that is busy (acknowledged, deciding) is still waited for.


def _hung_daemon(dev: Dev, mode: str) -> tuple[dict[str, str], socket.socket]:
    state = dev.home / ".local" / "state" / "clearance"
    state.mkdir(parents=True, mode=0o700)
    key = state / "daemon.key"
    key.write_text("k" * 64)
    key.chmod(0o600)
    path = dev.tmp / "d.sock"
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(str(path))
    srv.listen(8)
    if mode == "accepts":
        import threading

        held: list[socket.socket] = []

        def accept() -> None:
            while True:
                try:
                    held.append(srv.accept()[0])  # and never a byte back
                except OSError:
                    return

        threading.Thread(target=accept, daemon=True).start()
    env = {"CLEARANCE_NO_DAEMON": "", "CLEARANCE_DAEMON_SOCKET": str(path)}
    return env, srv


@pytest.mark.parametrize("mode", ["accepts", "backlog"])
def test_a_hung_daemon_costs_a_bounded_time_once(dev: Dev, mode: str) -> None:
    import time

    env, srv = _hung_daemon(dev, mode)
    try:
        t0 = time.monotonic()
        first = dev.run("hook", "--agent", "claude", stdin=dev.event("rm -rf ~/"), env=env)
        t1 = time.monotonic()
        second = dev.run("hook", "--agent", "claude", stdin=dev.event("git status"), env=env)
        t2 = time.monotonic()
    finally:
        srv.close()
    assert json.loads(first.stdout)["hookSpecificOutput"]["permissionDecision"] == "deny"  # decided in-process, as ever
    assert json.loads(second.stdout)["hookSpecificOutput"]["permissionDecision"] == "allow"
    assert t1 - t0 < 6.0, t1 - t0  # the acknowledgement's wait (1 s) and a cold in-process decision; was 10 s and more
    assert "did not acknowledge" in first.stderr and "in-process" in first.stderr, first.stderr
    assert "stalled" in second.stderr and "in-process" in second.stderr, second.stderr  # not tried again this minute
    assert (dev.home / ".local" / "state" / "clearance" / "daemon.stalled").exists()
    assert t2 - t1 < t1 - t0 + 0.5, (t1 - t0, t2 - t1)


def test_a_working_daemon_clears_the_stall_mark(dev: Dev, tmp_path: Path) -> None:
    """After the back-off, a daemon that answers again is used, and the mark is gone."""
    import time

    path = tmp_path / "w.sock"
    env = {"CLEARANCE_NO_DAEMON": "", "CLEARANCE_DAEMON_SOCKET": str(path)}
    daemon = subprocess.Popen([sys.executable, "-m", "clearance", "daemon", "--socket", str(path)], env=dict(dev.env, **env), stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            if path.exists():
                break
            time.sleep(0.1)
        mark = dev.home / ".local" / "state" / "clearance" / "daemon.stalled"
        mark.write_text("")
        os.utime(mark, (time.time() - 61, time.time() - 61))  # stalled more than a minute ago
        p = dev.run("hook", "--agent", "claude", stdin=dev.event("git status"), env=env)
        assert json.loads(p.stdout)["hookSpecificOutput"]["permissionDecision"] == "allow", p.stderr
        assert "stalled" not in p.stderr and not mark.exists(), p.stderr
        mark.write_text("")  # fresh: the daemon is not tried
        p = dev.run("hook", "--agent", "claude", stdin=dev.event("git status"), env=env)
        assert "stalled" in p.stderr and mark.exists(), p.stderr
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)


# -- 3. A --cwd that names no folder is an error -------------------------------------------------------------------------------
# `clearance check --cwd /nonexistent -- rm -rf build` answered "ALLOW", the project taken to be /nonexistent, with exit 0:
# a typo in the folder judged the call somewhere else without a word. The same for doctor, policy and install. Every
# --cwd now names a folder that exists, or the command stops with what is wrong (exit 2, argparse's usage error).


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--cwd", "{missing}", "--", "rm", "-rf", "build"),
        ("check", "--cwd", "{file}", "--", "ls"),
        ("doctor", "--cwd", "{missing}"),
        ("policy", "show", "--cwd", "{missing}"),
        ("policy", "lint", "--cwd", "{file}"),
        ("install", "claude", "--scope", "project", "--dry-run", "--cwd", "{missing}"),
    ],
)
def test_cwd_that_is_no_folder_is_an_error(dev: Dev, args: tuple[str, ...]) -> None:
    missing, file = dev.tmp / "no-such-folder", dev.project / "README"
    file.write_text("x")
    argv = [a.format(missing=missing, file=file) for a in args]
    p = dev.run(*argv)
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    named = missing if "{missing}" in args else file
    assert f"--cwd: {named}" in p.stderr and ("no such folder" in p.stderr or "not a folder" in p.stderr), p.stderr
    assert "Traceback" not in p.stderr and "ALLOW" not in p.stdout


def test_cwd_that_is_a_folder_still_works(dev: Dev) -> None:
    p = dev.run("check", "--cwd", str(dev.project), "--", "rm", "-rf", "build")
    assert p.returncode == 0 and "ALLOW" in p.stdout, p.stderr


# -- 4. The team service: a malformed request takes the team's store down -------------------------------------------------------
# Sending malformed requests to every endpoint (tests below; 5 identities x 44 paths x 4 methods x 15 bodies and 9 forms,
# no 500 and no traceback) found one class: a number the store cannot hold. `GET /decisions/99999999999999999999999` (any
# signed-in viewer) or an offline upload with `"tokens_in": 10**30` or a NaN (any agent token) raised OverflowError
# / a NOT NULL failure in the store, which the guard took for an outage: the service answered 503 to everyone and every
# developer's calls were asked ("the team service cannot record decisions") until the probe reopened the store -- and
# the request could be sent again every half second. A value the store refuses is now the request's fault
# (guard.RequestRejected: 400, the store stays up), and the offline checker keeps numbers within what the store holds.

pytest.importorskip("starlette")

_TEAM_PW = "correct horse battery"


@pytest.fixture
def team(tmp_path: Path) -> tuple[Any, Any, str]:
    import re

    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "team.db"))
    svc.add_user("alice", _TEAM_PW, "admin")
    svc.add_user("vic", _TEAM_PW, "viewer")
    token = svc.create_token("laptop-ana", "alice")
    client = TestClient(create_app(svc), follow_redirects=False, raise_server_exceptions=False)
    page = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    assert client.post("/login", data={"username": "vic", "password": _TEAM_PW, "csrf": csrf}).status_code == 303
    return svc, client, token


def _hook_allows(client: Any, token: str) -> bool:
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "git status"}, "cwd": "/home/ana/webapp", "session_id": "t"}
    r = client.post("/v1/hook", content=json.dumps(ev), headers={"authorization": f"Bearer {token}"})
    return bool(r.status_code == 200 and r.json()["hookSpecificOutput"]["permissionDecision"] == "allow")


@pytest.mark.parametrize("path", ["/decisions/99999999999999999999999", "/sessions/x?before=99999999999999999999999", "/?before=99999999999999999999999"])
def test_a_number_the_store_cannot_hold_is_the_requests_fault(team: tuple[Any, Any, str], path: str) -> None:
    _svc, client, token = team
    r = client.get(path)
    assert r.status_code < 500 and "Traceback" not in r.text, (r.status_code, r.text[:300])
    assert client.get("/healthz").json()["status"] == "ok"
    assert _hook_allows(client, token)


@pytest.mark.parametrize(
    "field,value", [("tokens_in", 10**30), ("tokens_out", 2**63), ("elapsed_ms", float("nan")), ("reviewer_ms", float("inf")), ("elapsed_ms", 1e400)]
)
def test_an_offline_upload_cannot_take_the_store_down(team: tuple[Any, Any, str], field: str, value: float) -> None:
    import time

    _svc, client, token = team
    row = {
        "ts": time.time() - 10, "session_id": "s", "agent": "claude", "cwd": "/x", "tool_name": "Bash", "tool_input": {"command": "ls"},
        "decision": "allow", "raw_decision": "allow", "stage": "default", "rules": [], "reason": "r", "elapsed_ms": 1.0, "shadow": False,
        "headless": False, "reviewer_stage": "", "tokens_in": 0, "tokens_out": 0, "reviewer_ms": 0.0, "user_name": "", "id": 1, field: value,
    }  # fmt: skip
    r = client.post("/v1/offline", content=json.dumps({"decisions": [row]}), headers={"authorization": f"Bearer {token}", "content-type": "application/json"})
    assert r.status_code in (200, 400), (r.status_code, r.text)
    assert client.get("/healthz").json()["status"] == "ok"
    assert _hook_allows(client, token)


# The same class on the command line: an id past 64 bits given to the team's store (or the local one) was a traceback
# (OverflowError; in `change approve|propose --allow`, the service's RequestRejected). Now: what is wrong, exit 1 or 2.


@pytest.mark.parametrize(
    "args",
    [
        ("explain", "99999999999999999999999"),
        ("allow", "99999999999999999999999", "--dry-run"),
        ("change", "approve", "99999999999999999999999", "--by", "bob", "--comment", "x"),
        ("change", "propose", "--allow", "99999999999999999999999", "--by", "alice"),
        ("change", "show", "-3"),
        ("explain", "-3"),
    ],
)
def test_an_id_past_the_stores_range_is_an_error(dev: Dev, args: tuple[str, ...]) -> None:
    from clearance.server.service import Service

    db = dev.tmp / "team.db"
    svc = Service(str(db))
    svc.add_user("alice", _TEAM_PW, "admin")
    svc.add_user("bob", _TEAM_PW, "approver")
    svc.store.close()
    dev.hook("git status")  # a local store with a decision in it
    p = dev.run(*args, *(("--db", str(db)) if args[0] == "change" else ()))
    assert p.returncode in (1, 2) and "Traceback" not in p.stderr, (p.returncode, p.stderr)
    assert "id" in p.stderr or "no change" in p.stderr or "no decision" in p.stderr, p.stderr


# -- 5. Authentication, checked as a platform engineer would (no defect found; kept as the contract) -----------------------------
# One `clearance serve` is one team: an identity of another team's service -- its agent token, its signed-in session -- is
# unknown here; an agent token reads no audit page; a viewer reads the dashboard and exports nothing.


def test_identities_of_another_team_and_agent_tokens_read_no_audit(tmp_path: Path) -> None:
    import re

    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    def team(name: str) -> tuple[Any, Any, str]:
        svc = Service(str(tmp_path / f"{name}.db"))
        svc.add_user("alice", _TEAM_PW, "admin")
        svc.add_user("vic", _TEAM_PW, "viewer")
        return svc, TestClient(create_app(svc), follow_redirects=False, raise_server_exceptions=False), svc.create_token(f"{name}-laptop", "alice")

    _a, a, token_a = team("a")
    _b, b, token_b = team("b")
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "cat secret-plan.txt"}, "cwd": "/home/ana/a", "session_id": "x"}
    assert a.post("/v1/hook?envelope=1", content=json.dumps(ev), headers={"authorization": f"Bearer {token_a}"}).status_code == 200
    for path in ("/v1/policy", "/v1/decide", "/v1/offline", "/v1/hook?envelope=1"):  # team b's token, no token, a wrong one
        for auth in (f"Bearer {token_b}", "", "Bearer clr_wrong", f"Basic {token_a}"):
            r = a.request("GET" if path == "/v1/policy" else "POST", path, content=b"{}", headers={"authorization": auth} if auth else {})
            assert r.status_code == 401 and "Traceback" not in r.text, (path, auth, r.status_code, r.text[:200])
    for path in ("/", "/decisions/1", "/sessions/x", "/audit/export", "/history"):
        r = a.get(path, headers={"authorization": f"Bearer {token_a}"})  # an agent token is no sign-in
        assert r.status_code == 303 and r.headers["location"] == "/login" and "secret-plan" not in r.text, (path, r.status_code)
    page = b.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    assert b.post("/login", data={"username": "vic", "password": _TEAM_PW, "csrf": csrf}).status_code == 303
    for name, value in b.cookies.items():  # team b's session, presented to team a
        a.cookies.set(name, value)
    for path in ("/", "/decisions/1", "/audit/export"):
        r = a.get(path)
        assert r.status_code == 303 and "secret-plan" not in r.text, (path, r.status_code)
    a.cookies.clear()
    page = a.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    assert a.post("/login", data={"username": "vic", "password": _TEAM_PW, "csrf": csrf}).status_code == 303
    assert "secret-plan" in a.get("/").text  # team a's own viewer reads its dashboard
    assert a.get("/audit/export").status_code == 403  # and exports nothing


def test_malformed_requests_to_every_endpoint_get_a_clear_answer(team: tuple[Any, Any, str]) -> None:
    """Every route the app has (its own list: a route added later is included), signed in as a viewer and with no,
    an agent's or a wrong bearer token, with malformed bodies and path values: never a 5xx, never a traceback, and the
    store stays up (the path value past 64 bits took it down before)."""
    import re

    _svc, client, token = team
    paths: list[str] = []
    for route in client.app.routes:
        path = getattr(route, "path", "")
        for value in ("1", "99999999999999999999999", "x%00y"):
            paths.append(re.sub(r"\{[^}]+\}", value, path))
    bodies = [b"", b"{", b"[]", b"\xff\xfe", b"[" * 3000, json.dumps({"decisions": [{"ts": "x"}, 5]}).encode(), b"csrf=bad&text=%00"]
    seen = 0
    for auth in ({}, {"authorization": f"Bearer {token}"}, {"authorization": "Bearer clr_wrong"}):
        for path in dict.fromkeys(paths):
            for method, body in [("GET", None), *(("POST", b) for b in bodies)]:
                for ctype in ("application/json", "application/x-www-form-urlencoded") if body is not None else (None,):
                    r = client.request(method, path, content=body, headers={**auth, **({"content-type": ctype} if ctype else {})})
                    seen += 1
                    assert r.status_code < 500 and "Traceback" not in r.text, (method, path, body, r.status_code, r.text[:200])
    assert seen > 1000
    assert client.get("/healthz").json()["status"] == "ok" and _hook_allows(client, token)


# -- 6. A hung team service costs its timeout once a minute, not every call ---------------------------------------------------------
# As the daemon of section 2: a service that accepts and never answers (a wedged process, a load balancer with no
# backend) cost every hook call CLEARANCE_SERVER_TIMEOUT (5 s) before it decided locally with the cached policy.
# A timeout now marks the service stalled in the state folder (server.stalled) and, for a minute, the hook decides
# locally at once (saying so; the decisions are recorded for the team's trail as any outage's); then it tries again.


def test_a_hung_team_service_costs_its_timeout_once_a_minute(dev: Dev) -> None:
    import threading
    import time

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    held: list[object] = []

    def accept() -> None:
        while True:
            try:
                held.append(srv.accept())
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    env = {"CLEARANCE_SERVER": f"http://127.0.0.1:{srv.getsockname()[1]}", "CLEARANCE_TOKEN": "clr_test", "CLEARANCE_SERVER_TIMEOUT": "2"}
    env["CLEARANCE_SERVER_UNAVAILABLE"] = "open"  # no team policy cached here: decided locally (fix20a: asked by default)
    mark = dev.home / ".local" / "state" / "clearance" / "server.stalled"
    try:
        t0 = time.monotonic()
        first = dev.run("hook", "--agent", "claude", stdin=dev.event("rm -rf ~/"), env=env)
        t1 = time.monotonic()
        second = dev.run("hook", "--agent", "claude", stdin=dev.event("git status"), env=env)
        t2 = time.monotonic()
        os.utime(mark, (time.time() - 61, time.time() - 61))
        third = dev.run("hook", "--agent", "claude", stdin=dev.event("git status"), env=env)
        t3 = time.monotonic()
    finally:
        srv.close()
    assert json.loads(first.stdout)["hookSpecificOutput"]["permissionDecision"] == "deny"
    assert json.loads(second.stdout)["hookSpecificOutput"]["permissionDecision"] == "allow"
    assert t1 - t0 >= 2.0 and "timed out" in first.stderr, (t1 - t0, first.stderr)
    assert "not tried again" in second.stderr and "decided locally" in second.stderr, second.stderr
    assert t2 - t1 < t1 - t0 - 1.0, (t1 - t0, t2 - t1)  # no wait for the service
    assert t3 - t2 >= 2.0 and "timed out" in third.stderr, (t3 - t2, third.stderr)  # a minute on: tried again


def test_clearances_own_guidance_survives_the_redaction(team: tuple[Any, Any, str]) -> None:
    """What clearance itself says is no secret: the service's 'no token' answer named the variable to set after
    'no token:', which the secret-assignment pattern took for `token: VALUE` once the agent's answer was redacted (the
    e2e run's model no longer read 'CLEARANCE_TOKEN is not set'). Said without the colon now."""
    _svc, client, _token = team
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "cwd": "/home/ana/webapp", "session_id": "t"}
    r = client.post("/v1/hook", content=json.dumps(ev), headers={"authorization": "Bearer "})
    reason = r.json()["hookSpecificOutput"]["permissionDecisionReason"]
    assert "CLEARANCE_TOKEN is not set" in reason and "[REDACTED" not in reason, reason
