"""The thin client's fallback decides with the team policy as it is, not as it was.

When the team service cannot be reached, the hook decides locally with its cached copy of the served managed policy.
Found by walking an admin's day: an approved change (a new hard_deny) reached the machines' caches only up to ten
minutes later, and a clock set back left a copy "from the future" that was never refreshed; in both, a service
outage let the machine decide with the superseded policy -- a call the team now hard-denies was only soft-denied,
and a grant the user wrote for it (`clearance allow --last`) allowed it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from clearance.remote import cache_needs_refresh

PW = "correct horse battery"
SRC = str(Path(__file__).resolve().parents[1] / "src")
HARD = 'auto_mode = "enabled"\nallow_user_trust = true\n\n[rules]\nhard_deny = ["Bash(terraform destroy:*)"]\n'


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Team:
    def __init__(self, tmp: Path) -> None:
        from clearance.server.service import Service

        self.db = str(tmp / "team.db")
        self.home = tmp / "srv"
        self.home.mkdir()
        svc = Service(self.db)
        svc.add_user("alice", PW, "admin")
        svc.add_user("bob", PW, "approver")
        self.token = svc.create_token("laptop", "alice")
        svc.store.close()
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = dict(os.environ, HOME=str(self.home), PYTHONPATH=SRC)
        self.proc = subprocess.Popen([sys.executable, "-m", "clearance", "serve", "--db", self.db, "--port", str(self.port)], env=env)
        for _ in range(200):
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("clearance serve did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None

    def approve(self, text: str) -> None:
        from clearance.server.service import Service

        svc = Service(self.db)
        try:
            cid = svc.propose(text, "alice", "terraform destroy is never cleared")
            svc.decide_change(cid, "bob", "approver", True, "read the impact")
        finally:
            svc.store.close()


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    t = Team(tmp_path)
    t.start()
    try:
        yield t
    finally:
        t.stop()


def _hook(home: Path, team: Team, command: str) -> tuple[dict[str, object], str]:
    project = home / "proj"
    project.mkdir(parents=True, exist_ok=True)
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(project), "session_id": "s1"}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_"))}
    env.update(HOME=str(home), PYTHONPATH=SRC, CLEARANCE_SERVER=team.base, CLEARANCE_TOKEN=team.token)
    p = subprocess.run(
        [sys.executable, "-m", "clearance", "hook", "--agent", "claude"], input=json.dumps(ev), capture_output=True, text=True, env=env, timeout=60
    )
    assert p.returncode == 0, p.stderr
    out: dict[str, object] = json.loads(p.stdout)["hookSpecificOutput"]
    return out, p.stderr


def _grant(home: Path) -> None:
    """What `clearance allow --last` writes after a local (fallback) soft denial of the call."""
    cfg = home / ".config" / "clearance"
    cfg.mkdir(parents=True, exist_ok=True)
    (cfg / "config.toml").write_text('[rules]\nallow = ["Bash(terraform destroy -auto-approve)"]\n')


def test_an_approved_change_reaches_the_cache_at_the_next_call(tmp_path: Path, team: Team) -> None:
    home = tmp_path / "ana"
    assert _hook(home, team, "ls")[0]["permissionDecision"] == "allow"  # the cache now holds version 0
    team.approve(HARD)
    served, _ = _hook(home, team, "terraform destroy -auto-approve")
    assert served["permissionDecision"] == "deny" and "cannot be allowed" in str(served["permissionDecisionReason"])
    team.stop()
    _grant(home)
    local, note = _hook(home, team, "terraform destroy -auto-approve")
    assert "unreachable" in note and "cached managed policy" in note
    assert local["permissionDecision"] == "deny", local
    assert "managed:Bash(terraform destroy:*)" in str(local["permissionDecisionReason"]), local


def test_a_cache_written_by_a_clock_ahead_of_now_is_refreshed(tmp_path: Path, team: Team) -> None:
    home = tmp_path / "ben"
    assert _hook(home, team, "ls")[0]["permissionDecision"] == "allow"
    cache = home / ".cache" / "clearance" / "server-policy.toml"
    assert cache.exists()
    # The clock was a day ahead when the copy was written, and has been set right since.
    ahead = time.time() + 86400
    os.utime(cache, (ahead, ahead))
    team.approve(HARD)
    _hook(home, team, "ls")
    team.stop()
    _grant(home)
    local, note = _hook(home, team, "terraform destroy -auto-approve")
    assert "cached managed policy" in note
    assert local["permissionDecision"] == "deny" and "managed:Bash(terraform destroy:*)" in str(local["permissionDecisionReason"]), local


@pytest.mark.parametrize(
    ("age_s", "verified", "cached_version", "served_version", "refresh"),
    [
        (5.0, True, 3, 3, False),  # fresh, same version: nothing to do
        (5.0, True, 3, 4, True),  # the service serves a newer version
        (5.0, True, 4, 3, True),  # a revert: a different version is all it takes
        (5.0, True, None, 3, True),  # a copy from before versions were recorded
        (5.0, True, 3, None, False),  # a service that does not say: the ten-minute rule alone
        (700.0, True, 3, 3, True),  # older than ten minutes
        (700.0, True, 3, None, True),
        (-60.0, True, 3, 3, True),  # written "in the future": a clock set back
        (-86400.0, True, 3, None, True),
        (5.0, False, 3, 3, True),  # the seal does not verify
        (5.0, True, 3, -1, False),  # the service's store is down: it cannot say which version it serves
    ],
)
def test_cache_needs_refresh(age_s: float, verified: bool, cached_version: int | None, served_version: int | None, refresh: bool) -> None:
    now = 1_000_000.0
    assert cache_needs_refresh(now, now - age_s, verified, cached_version, served_version) is refresh


class _Fake:
    """A server on 127.0.0.1 that answers every request 200 with one body: what sits at CLEARANCE_SERVER is not clearance."""

    def __init__(self, body: bytes) -> None:
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", "0")))
                self.send_response(200)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


NOT_CLEARANCE = [b"{}", b"[]", b"null", b'"ok"', b'{"stdout": 5, "exit_code": 0}', b'{"stdout": null, "exit_code": null}', b'{"exit_code": 0}', b'{"ok": true}']


@pytest.mark.parametrize("body", NOT_CLEARANCE, ids=[b.decode() for b in NOT_CLEARANCE])
def test_a_200_that_is_not_clearance_is_decided_locally_and_keeps_the_cached_policy(body: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clearance.hook import Options
    from clearance.remote import cache_path, read_cache, via_server, write_cache

    fake = _Fake(body)
    home = tmp_path / "home"
    (home / "proj").mkdir(parents=True)
    env = {"HOME": str(home)}
    Path(cache_path(env)).parent.mkdir(parents=True)
    assert write_cache(env, HARD)
    for k in [k for k in os.environ if k.startswith(("CLEARANCE_", "XDG_"))]:
        monkeypatch.delenv(k)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("CLEARANCE_SERVER", fake.base)
    monkeypatch.setenv("CLEARANCE_TOKEN", "clr_x")
    try:
        for command, want in (("ls", "allow"), ("terraform destroy -auto-approve", "deny")):
            ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(home / "proj"), "session_id": "n"}
            answer = via_server(json.dumps(ev).encode(), Options(["--agent", "claude"]))
            assert answer is not None
            assert "decided locally with the cached managed policy" in answer.stderr, answer.stderr
            assert isinstance(answer.stdout, dict), answer.stdout
            assert answer.stdout["hookSpecificOutput"]["permissionDecision"] == want, (command, answer.stdout)
        assert read_cache(env) == HARD  # not replaced by an empty policy
    finally:
        fake.close()


def test_read_envelope_accepts_what_the_service_sends() -> None:
    from clearance.remote import read_envelope, read_served_policy

    assert read_envelope({"stdout": None, "exit_code": 0, "stderr": ""}) == (None, 0, "", None)
    assert read_envelope({"stdout": {"a": 1}, "exit_code": 2, "stderr": "why", "policy_version": 7}) == ({"a": 1}, 2, "why", 7)
    assert read_envelope({"stdout": None, "exit_code": 0, "stderr": None, "policy_version": True}) == (None, 0, "", None)
    assert read_served_policy({"version": 3, "text": "x = 1\n"}) == ("x = 1\n", 3)
    for bad in ({}, {"version": 3}, {"text": None}, [], "text"):
        with pytest.raises(ValueError):
            read_served_policy(bad)


class _Refuse(_Fake):
    def __init__(self) -> None:
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", "0")))
                body = b'{"error": "a valid bearer token is required"}'
                self.send_response(401)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.mark.parametrize(
    ("command", "want", "said"),
    [
        ("rm -rf ~/", "deny", "fs.delete-critical"),  # built-in hard denial
        ("terraform destroy -auto-approve", "deny", "managed:Bash(terraform destroy:*)"),  # the team's, from the cached copy
        ("ls", "ask", "rejected this machine's token"),
        ("rm -rf ~/old-checkout", "ask", "rejected this machine's token"),  # a soft denial: the person's, as before
    ],
)
def test_a_rejected_token_never_makes_a_hard_denial_a_question(command: str, want: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Revoked, expired, not yet approved or mistyped: the machine asks a person rather than decide on its own --
    but what clearance never allows stays denied; a person asked "rm -rf ~?" with only "token rejected" as the reason
    could approve it."""
    from clearance.hook import Options
    from clearance.remote import cache_path, via_server, write_cache

    refuse = _Refuse()
    home = tmp_path / "home"
    (home / "proj").mkdir(parents=True)
    env = {"HOME": str(home)}
    Path(cache_path(env)).parent.mkdir(parents=True)
    assert write_cache(env, HARD)
    for k in [k for k in os.environ if k.startswith(("CLEARANCE_", "XDG_"))]:
        monkeypatch.delenv(k)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("CLEARANCE_SERVER", refuse.base)
    monkeypatch.setenv("CLEARANCE_TOKEN", "clr_revoked")
    try:
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(home / "proj"), "session_id": "r"}
        answer = via_server(json.dumps(ev).encode(), Options(["--agent", "claude"]))
        assert answer is not None and isinstance(answer.stdout, dict)
        out = answer.stdout["hookSpecificOutput"]
        assert out["permissionDecision"] == want, out
        assert said in out["permissionDecisionReason"], out
        assert "rejected CLEARANCE_TOKEN" in answer.stderr
    finally:
        refuse.close()


@pytest.mark.parametrize(
    ("command", "token_kind", "want"),
    [
        ("rm -rf ~/", "revoked", "deny"),  # a built-in hard denial stays a denial
        ("ls", "revoked", "ask"),
        ("rm -rf ~/old-checkout", "revoked", "ask"),  # a soft denial: the person's, as before
        ("rm -rf ~/", "pending", "deny"),
        ("rm -rf ~/", "never issued", "ask"),  # a token the service never issued: no engine for strangers
        ("terraform destroy -auto-approve", "revoked", "deny"),  # the team's hard denial, as on the thin client
        ("terraform destroy -auto-approve", "never issued", "ask"),
    ],
)
def test_an_http_hook_with_a_rejected_token_keeps_hard_denials(command: str, token_kind: str, want: str, tmp_path: Path) -> None:
    """Claude Code's own http hook with a token the service issued but no longer accepts got ask for every call, a hard
    denial included.  The service decides such a call with the served policy (recorded nowhere) only to keep a hard
    denial -- built-in or the team's -- a denial; a token it never issued still gets the plain ask, without the engine."""
    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "team.db"))
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", PW, "approver")
    svc.decide_change(svc.propose(HARD, "alice", "never clear terraform destroy"), "bob", "approver", True, "ok")
    if token_kind == "pending":
        _, token = svc.propose_token("laptop", "alice")
    else:
        token = svc.create_token("laptop", "alice")
    if token_kind == "revoked":
        svc.revoke_token(svc.tokens()[0]["id"], "alice")
    if token_kind == "never issued":
        token = "clr_" + "x" * 40
    client = TestClient(create_app(svc))
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/proj", "session_id": "h"}
    r = client.post("/v1/hook?agent=claude", content=json.dumps(ev), headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 200
    out = r.json()["hookSpecificOutput"]
    assert out["permissionDecision"] == want, out
    if want == "ask":
        assert "token is not valid" in out["permissionDecisionReason"], out
    assert svc.store.query({}, 10) == []  # recorded nowhere, as before


def test_a_denial_decided_locally_while_the_service_is_down_points_to_the_team_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While the service is down the machine decides with the team's cached policy; a soft denial then said "The user
    may allow exactly this: `clearance allow --last`" -- a grant the service never reads once it is back, so the call
    is allowed during outages only.  The way to lift it is the team's policy, as when the service decides."""
    from clearance.hook import Options
    from clearance.remote import cache_path, via_server, write_cache

    home = tmp_path / "home"
    (home / "proj").mkdir(parents=True)
    env = {"HOME": str(home)}
    Path(cache_path(env)).parent.mkdir(parents=True)
    assert write_cache(env, 'auto_mode = "enabled"\n')
    for k in [k for k in os.environ if k.startswith(("CLEARANCE_", "XDG_"))]:
        monkeypatch.delenv(k)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("CLEARANCE_SERVER", f"http://127.0.0.1:{_free_port()}")  # nothing listens
    monkeypatch.setenv("CLEARANCE_TOKEN", "clr_x")
    for command in (f"rm -rf {home}/old-checkout", "git push --force origin main"):
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(home / "proj"), "session_id": "d"}
        answer = via_server(json.dumps(ev).encode(), Options(["--agent", "claude"]))
        assert answer is not None and isinstance(answer.stdout, dict)
        assert "unreachable" in answer.stderr
        out = answer.stdout["hookSpecificOutput"]
        assert out["permissionDecision"] == "deny", out
        assert "clearance allow" not in out["permissionDecisionReason"] and "team policy" in out["permissionDecisionReason"], out


def test_the_local_log_of_a_machine_the_team_service_decides_for_says_where_its_decisions_are(tmp_path: Path) -> None:
    """`clearance log` on a machine whose hook is a client of the team service said "no decisions recorded yet: the
    hook may not be installed" -- its calls are decided and recorded by the service; only what was decided here
    while the service was unreachable is in the local log."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_"))}
    env.update(HOME=str(home), PYTHONPATH=SRC, CLEARANCE_SERVER="https://clearance.acme.internal", CLEARANCE_TOKEN="clr_x")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "clearance", *args], capture_output=True, text=True, env=env, timeout=60)

    for args in (("log",), ("explain", "--last"), ("allow", "--last")):
        p = run(*args)
        said = p.stdout + p.stderr
        assert "may not be installed" not in said, (args, said)
        assert "https://clearance.acme.internal" in said and "team service" in said, (args, said)
