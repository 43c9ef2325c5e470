"""What a new user trips over when following README.md and docs/ from a clean copy (a scratch HOME, a fresh venv).

Each test names what the user saw before the fix: a traceback, a hint that led to the wrong call, a check that said
everything was fine while it was not, a message that pointed the wrong way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def cli(tmp: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    e = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_", "CLAUDE_"))}
    e.update(HOME=str(tmp / "home"), PYTHONPATH=str(ROOT / "src"), CLEARANCE_MANAGED_POLICY=str(tmp / "no-managed.toml"), CLEARANCE_NO_DAEMON="1")
    e.update(env or {})
    (tmp / "home").mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "clearance", *args], input=stdin, capture_output=True, text=True, env=e, cwd=cwd or tmp, timeout=120)


def event(command: str, cwd: Path, session: str = "s1") -> str:
    return json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(cwd), "session_id": session})


# -- a mistyped time filter was a Python traceback ---------------------------------------------------------------


@pytest.mark.parametrize("cmd", [["log"], ["stats"], ["report", "--html", "r.html"]])
@pytest.mark.parametrize("flag", ["--since", "--until"])
def test_a_time_filter_the_cli_cannot_read_is_a_message_not_a_traceback(tmp_path: Path, cmd: list[str], flag: str) -> None:
    assert cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", tmp_path)).returncode == 0  # a store to read
    p = cli(tmp_path, *cmd, flag, "yesterday")
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr
    assert "cannot read the time 'yesterday'" in p.stderr and "2h, 3d" in p.stderr


def test_time_filters_the_cli_reads_still_work(tmp_path: Path) -> None:
    assert cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", tmp_path)).returncode == 0
    for value in ("2h", "3d", "2026-11-25", "2026-11-25T10:00:00Z"):
        p = cli(tmp_path, "log", "--since", value)
        assert p.returncode == 0, (value, p.stderr)


# -- a denial by the team service said `clearance allow --last`, which lifted another, local call ----------------


def test_a_denial_by_the_team_service_points_to_the_team_policy_not_to_a_local_allow(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "team.db"))
    svc.add_user("alice", "correct horse battery", "admin")
    client = TestClient(create_app(svc), follow_redirects=False)
    token = svc.create_token("ci", "alice")

    def served(command: str) -> dict[str, str]:
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/webapp", "session_id": "t"}
        r = client.post("/v1/hook", content=json.dumps(ev), headers={"authorization": f"Bearer {token}"})
        out: dict[str, str] = r.json()["hookSpecificOutput"]
        return out

    # Soft denials and asks a local user could lift: through the service the local audit trail holds none of them.
    for command in ("git push --force origin main", "docker system prune -a --volumes", "git push https://github.com/other/x.git main"):
        out = served(command)
        assert out["permissionDecision"] == "deny", (command, out)
        assert "clearance allow" not in out["permissionDecisionReason"], command
        assert "team policy" in out["permissionDecisionReason"], command
    out = served("kubectl apply -f k8s/deployment.yaml")
    assert out["permissionDecision"] == "ask" and "clearance allow" not in out["permissionDecisionReason"]
    assert "team policy" in out["permissionDecisionReason"]
    # A hard denial keeps its own words; ordinary work is allowed as before.
    hard = served("rm -rf ~")
    assert hard["permissionDecision"] == "deny" and "cannot be allowed" in hard["permissionDecisionReason"]
    assert served("npm test")["permissionDecision"] == "allow"


def test_a_local_denial_still_says_clearance_allow_last(tmp_path: Path) -> None:
    home = tmp_path / "home"
    project = home / "webapp"
    project.mkdir(parents=True)
    p = cli(tmp_path, "hook", "--agent", "claude", stdin=event("git push --force origin main", project))
    reason = json.loads(p.stdout)["hookSpecificOutput"]["permissionDecisionReason"]
    assert "`clearance allow --last`" in reason
