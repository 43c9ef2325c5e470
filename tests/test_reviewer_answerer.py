"""reviewer/answerer.py: a plain-HTTP reviewer on loopback is asked only when the process holding its port is not one the
agent may have started (run from the project or a temporary folder, or started after the agent). The listeners here
are ordinary sockets of the test process itself; nothing else is started."""

from __future__ import annotations

import json
import os
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from clearance.model import Context
from clearance.reviewer.answerer import agent_start, loopback_port, refused

LINUX = os.path.isdir("/proc/net") and hasattr(os, "getuid")
needs_proc = pytest.mark.skipif(not LINUX, reason="reads /proc")


@pytest.fixture
def listener() -> Iterator[int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield int(s.getsockname()[1])


def _ctx(project: str) -> Context:
    return Context(cwd=project, project_root=project, home="/home/ana")


def test_loopback_port() -> None:
    assert loopback_port("http://127.0.0.1:11434/v1") == 11434
    assert loopback_port("http://localhost/v1") == 80
    assert loopback_port("https://127.0.0.1:8443/v1") is None  # TLS authenticates the server
    assert loopback_port("http://llm.internal:8000/v1") is None


@needs_proc
def test_a_listener_run_from_the_project_is_refused(listener: int) -> None:
    why = refused(listener, _ctx(os.getcwd()), started=lambda: None)
    assert why is not None and f"pid {os.getpid()}" in why and "project or a temporary folder" in why


@needs_proc
def test_a_listener_started_after_the_agent_is_refused(listener: int) -> None:
    why = refused(listener, _ctx("/home/ana/webapp"), started=lambda: 0)
    assert why is not None and "started after the agent" in why


@needs_proc
def test_a_listener_from_elsewhere_started_before_the_agent_is_asked(listener: int) -> None:
    from clearance.reviewer.answerer import _stat

    st = _stat(os.getpid(), "/proc")
    assert st is not None
    assert refused(listener, _ctx("/home/ana/webapp"), started=lambda: st[2] + 1) is None
    assert refused(listener, _ctx("/home/ana/webapp"), started=lambda: None) is None


@needs_proc
def test_nothing_listening_is_nothing_to_refuse() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])  # bound, never listening
    assert refused(port, _ctx(os.getcwd()), started=lambda: 0) is None


def _fake_proc(tmp: Path, uid: int, inode: int = 4242, port: int = 11434) -> str:
    net = tmp / "proc" / "net"
    net.mkdir(parents=True)
    head = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    row = f"   0: 0100007F:{port:04X} 00000000:0000 0A 00000000:00000000 00:00000000 00000000  {uid:5d}        0 {inode} 1 0 100 0 0 10 0\n"
    (net / "tcp").write_text(head + row)
    (net / "tcp6").write_text(head)
    return str(tmp / "proc")


def test_another_users_service_is_not_the_agents(tmp_path: Path) -> None:
    proc = _fake_proc(tmp_path, uid=os.getuid() + 1 if hasattr(os, "getuid") else 1)
    assert refused(11434, _ctx("/home/ana/webapp"), proc=proc, started=lambda: 0) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX")
def test_a_listener_of_this_user_that_cannot_be_found_is_refused(tmp_path: Path) -> None:
    proc = _fake_proc(tmp_path, uid=os.getuid())
    why = refused(11434, _ctx("/home/ana/webapp"), proc=proc, started=lambda: None)
    assert why is not None and "cannot be identified" in why


def test_the_agent_is_the_nearest_ancestor_that_is_no_shell(tmp_path: Path) -> None:
    proc = tmp_path / "proc"
    for pid, comm, ppid, start in ((40, "sh", 30, 900), (30, "claude", 20, 500), (20, "bash", 1, 100)):
        (proc / str(pid)).mkdir(parents=True)
        fields = ["S", str(ppid)] + ["0"] * 17 + [str(start)] + ["0"] * 5
        (proc / str(pid) / "stat").write_text(f"{pid} ({comm}) " + " ".join(fields) + "\n")
    assert agent_start(str(proc), ppid=40) == 500
    assert agent_start(str(proc), ppid=20) is None  # only shells up to init: no agent known


class _FakeLLM(BaseHTTPRequestHandler):
    asked = 0

    def do_POST(self) -> None:
        _FakeLLM.asked += 1
        self.rfile.read(int(self.headers.get("content-length") or 0))
        data = json.dumps({"choices": [{"message": {"content": "ALLOW"}}]}).encode()
        self.send_response(200)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *a: Any) -> None:
        pass


@needs_proc
def test_the_hook_asks_a_person_instead_of_a_reviewer_run_from_the_project(tmp_path: Path) -> None:
    """End to end (the hook's run_answer): the answering process (this test's) runs from the project, so the soft
    denial goes to a person and the reviewer is never called -- where before it answered ALLOW and cleared it."""
    from clearance.hook import Options, run_answer

    srv = ThreadingHTTPServer(("127.0.0.1", 0), _FakeLLM)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        project = os.getcwd()
        policy = tmp_path / "user.toml"
        policy.write_text(f'[reviewer]\nprovider = "openai"\nmodel = "m"\nbase_url = "http://127.0.0.1:{srv.server_address[1]}/v1"\n')
        t = tmp_path / "t.jsonl"
        t.write_text(json.dumps({"type": "user", "message": {"role": "user", "content": "delete the staging bucket acme-staging"}}) + "\n")
        env = {
            "HOME": str(tmp_path / "home"),
            "CLAUDE_PROJECT_DIR": project,
            "CLEARANCE_USER_POLICY": str(policy),
            "CLEARANCE_DB": str(tmp_path / "audit.db"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "CLEARANCE_HEADLESS": "0",
        }
        ev = {
            "hook_event_name": "PreToolUse",
            "tool_name": "Bash",
            "tool_input": {"command": "aws s3 rb s3://acme-staging --force"},
            "cwd": project,
            "session_id": "a1",
            "transcript_path": str(t),
        }
        _FakeLLM.asked = 0
        out = run_answer(json.dumps(ev).encode(), Options(), env).stdout
        assert out is not None
        got = out["hookSpecificOutput"]
        assert got["permissionDecision"] == "ask", got
        assert "project or a temporary folder" in got["permissionDecisionReason"], got
        assert _FakeLLM.asked == 0
    finally:
        srv.shutdown()
        srv.server_close()


def test_doctor_warns_about_a_loopback_service_over_plain_http(tmp_path: Path) -> None:
    from clearance.installer import loopback_lines

    policy = tmp_path / "user.toml"
    policy.write_text('[reviewer]\nprovider = "openai"\nmodel = "m"\nbase_url = "http://127.0.0.1:11434/v1"\n')
    env = {"HOME": str(tmp_path), "CLEARANCE_USER_POLICY": str(policy), "CLEARANCE_SERVER": "http://localhost:8765"}
    lines = loopback_lines(str(tmp_path), env)
    assert len(lines) == 2 and "port 11434" in lines[0] and "team service" in lines[1] and "port 8765" in lines[1]
    policy.write_text('[reviewer]\nprovider = "openai"\nmodel = "m"\nbase_url = "https://llm.internal/v1"\n')
    assert loopback_lines(str(tmp_path), {"HOME": str(tmp_path), "CLEARANCE_USER_POLICY": str(policy)}) == []
