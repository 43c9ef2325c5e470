"""The warm daemon: same answers as in-process, socket mode 0600, fallback when it is gone."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path


def test_daemon_answers_and_falls_back(tmp_path: Path) -> None:
    sock = tmp_path / "run" / "d.sock"
    env = dict(os.environ, HOME="/home/ana", CLAUDE_PROJECT_DIR="/home/ana/webapp", CLEARANCE_DAEMON_SOCKET=str(sock), CLEARANCE_DB=str(tmp_path / "a.db"))
    env.pop("CLEARANCE_NO_DAEMON", None)
    proc = subprocess.Popen([sys.executable, "-m", "clearance", "daemon", "--socket", str(sock)], env=env, stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            if sock.exists():
                break
            time.sleep(0.05)
        assert sock.exists(), proc.stderr.read().decode() if proc.stderr else ""
        assert stat.S_IMODE(sock.stat().st_mode) == 0o600
        assert stat.S_IMODE(sock.parent.stat().st_mode) == 0o700
        ev = json.dumps(
            {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "rm -rf ~"}, "cwd": "/home/ana/webapp", "session_id": "d"}
        )
        p = subprocess.run([sys.executable, "-m", "clearance", "hook"], input=ev, capture_output=True, text=True, env=env, timeout=30)
        assert json.loads(p.stdout)["hookSpecificOutput"]["permissionDecision"] == "deny"
        codex = json.dumps(
            {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "git push -f"}, "cwd": "/home/ana/webapp", "turn_id": "t"}
        )
        p2 = subprocess.run([sys.executable, "-m", "clearance", "hook", "--agent", "codex"], input=codex, capture_output=True, text=True, env=env, timeout=30)
        assert p2.returncode == 2 and "git.force-push" in p2.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    # The daemon is gone (its socket removed or stale): the hook decides in-process.
    ev = json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "cwd": "/home/ana/webapp"})
    p3 = subprocess.run([sys.executable, "-m", "clearance", "hook"], input=ev, capture_output=True, text=True, env=env, timeout=30)
    assert json.loads(p3.stdout)["hookSpecificOutput"]["permissionDecision"] == "allow"


def test_remote_service_unreachable_uses_cached_policy(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        HOME="/home/ana",
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        CLEARANCE_SERVER="http://127.0.0.1:9",
        CLEARANCE_TOKEN="t",
        CLEARANCE_SERVER_TIMEOUT="1",
        CLEARANCE_DB=str(tmp_path / "a.db"),
        CLEARANCE_NO_DAEMON="1",
    )
    from clearance.remote import write_cache

    assert write_cache(env, '[rules]\ndeny = ["Bash(ls:*)"]\n')  # signed, as the hook writes it (tests/test_self_protection.py)
    ev = json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "cwd": "/home/ana/webapp"})
    p = subprocess.run([sys.executable, "-m", "clearance", "hook"], input=ev, capture_output=True, text=True, env=env, timeout=30)
    assert json.loads(p.stdout)["hookSpecificOutput"]["permissionDecision"] == "deny"
    assert "unreachable" in p.stderr and "cached managed policy" in p.stderr
