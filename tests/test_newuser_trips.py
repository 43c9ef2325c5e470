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
