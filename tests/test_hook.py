"""The Claude Code hook: exact output shape, malformed input, never a crash or a silent allow."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clearance.hook import run

ENV = {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/webapp", "PATH": os.environ.get("PATH", "/usr/bin")}


@pytest.fixture(autouse=True, scope="module")
def _a_person_watches() -> Any:
    """These tests read the answer a person watching gets: in a CI run (CI=true) every ask is a headless denial
    (hook.run_answer, audit.is_headless), which tests/test_hook.py's test_malformed_input_denied_when_nobody_watches checks."""
    old = os.environ.get("CLEARANCE_HEADLESS")
    os.environ["CLEARANCE_HEADLESS"] = "0"
    yield
    if old is None:
        os.environ.pop("CLEARANCE_HEADLESS", None)
    else:
        os.environ["CLEARANCE_HEADLESS"] = old


def hook_process(stdin: bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    exe = Path(sys.executable).parent / "clearance"
    cmd = [str(exe), "hook"] if exe.exists() else [sys.executable, "-m", "clearance", "hook"]
    full = dict(env or ENV)
    full.setdefault("CLEARANCE_DB", os.environ["CLEARANCE_DB"])
    return subprocess.run(cmd, input=stdin, capture_output=True, env=full, timeout=30)


def pre(tool: str, tool_input: object, **extra: object) -> bytes:
    ev = {
        "session_id": "s1",
        "transcript_path": "/tmp/t.jsonl",
        "cwd": "/home/ana/webapp",
        "permission_mode": "default",
        "hook_event_name": "PreToolUse",
        "tool_name": tool,
        "tool_input": tool_input,
    }
    ev.update(extra)
    return json.dumps(ev).encode()


def answer(raw: bytes) -> dict[str, object]:
    out, _ = run(raw)
    assert out is not None
    hso = out["hookSpecificOutput"]
    assert isinstance(hso, dict)
    assert set(hso) == {"hookEventName", "permissionDecision", "permissionDecisionReason"}
    assert hso["hookEventName"] == "PreToolUse"
    assert hso["permissionDecision"] in ("allow", "deny", "ask")
    assert isinstance(hso["permissionDecisionReason"], str) and hso["permissionDecisionReason"]
    return hso


def test_allow_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/ana")
    monkeypatch.setenv("CLAUDE_PROJECT_DIR", "/home/ana/webapp")
    assert answer(pre("Bash", {"command": "npm test", "description": "run tests"}))["permissionDecision"] == "allow"


def test_deny_reason_tells_the_agent_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/ana")
    monkeypatch.setenv("CLAUDE_PROJECT_DIR", "/home/ana/webapp")
    hso = answer(pre("Bash", {"command": "rm -rf ~"}))
    assert hso["permissionDecision"] == "deny"
    reason = str(hso["permissionDecisionReason"])
    assert "fs.delete-critical" in reason and "another way" in reason


@pytest.mark.parametrize(
    ("tool", "tool_input"),
    [
        ("Write", {"file_path": "/home/ana/webapp/src/a.ts", "content": "x"}),
        ("Edit", {"file_path": "/home/ana/webapp/src/a.ts", "old_string": "a", "new_string": "b", "replace_all": False}),
        ("MultiEdit", {"file_path": "/home/ana/webapp/src/a.ts", "edits": [{"old_string": "a", "new_string": "b"}]}),
        ("NotebookEdit", {"notebook_path": "/home/ana/webapp/nb.ipynb", "new_source": "x", "cell_id": "1"}),
        ("Read", {"file_path": "/home/ana/webapp/README.md"}),
        ("Glob", {"pattern": "**/*.ts"}),
        ("Grep", {"pattern": "TODO", "path": "/home/ana/webapp/src", "output_mode": "content"}),
        ("WebFetch", {"url": "https://docs.python.org/3/", "prompt": "summarise"}),
        ("WebSearch", {"query": "python tomllib"}),
        ("Task", {"description": "d", "prompt": "p", "subagent_type": "general-purpose"}),
        ("Agent", {"description": "d", "prompt": "p"}),
        ("mcp__github__get_issue", {"owner": "acme", "repo": "web", "issue_number": 1}),
    ],
)
def test_every_claude_tool_is_covered(tool: str, tool_input: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/ana")
    monkeypatch.setenv("CLAUDE_PROJECT_DIR", "/home/ana/webapp")
    assert answer(pre(tool, tool_input))["permissionDecision"] == "allow"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"not json",
        b"[]",
        b"null",
        b"{}",
        b'{"tool_name": 3}',
        b'{"tool_name": "Bash", "tool_input": "rm -rf ~"}',
        b'{"tool_name": "Bash", "tool_input": {}}',
        b'{"tool_name": "Bash", "tool_input": {"command": ["rm", "-rf", "~"]}}',
        b'{"tool_name": "Write", "tool_input": {"content": "x"}}',
        b"\xff\xfe\x00garbage",
        b'{"tool_name": "Bash", "tool_input": {"command": "ls"}',
    ],
)
def test_malformed_input_asks(raw: bytes) -> None:
    hso = answer(raw)
    assert hso["permissionDecision"] == "ask"


@pytest.mark.parametrize("raw", [b"not json", b"{}", b'{"tool_name": "Bash", "tool_input": {}}'])
def test_malformed_input_denied_when_nobody_watches(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a headless run (CI, -p, exec) nobody answers an ask: a malformed event is denied, never allowed."""
    monkeypatch.setenv("CLEARANCE_HEADLESS", "1")
    hso = answer(raw)
    assert hso["permissionDecision"] == "deny"


def test_other_events_get_no_decision() -> None:
    out, msg = run(json.dumps({"hook_event_name": "PostToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "tool_response": {}}).encode())
    assert out is None and msg == ""


def test_process_allow_and_exit_zero() -> None:
    p = hook_process(pre("Bash", {"command": "git status"}))
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["hookSpecificOutput"]["permissionDecision"] == "allow"


def test_process_malformed_asks_and_explains_on_stderr() -> None:
    p = hook_process(b"{broken")
    assert p.returncode == 0
    assert json.loads(p.stdout)["hookSpecificOutput"]["permissionDecision"] == "ask"
    assert b"malformed" in p.stderr


def test_process_one_megabyte_command_asks() -> None:
    p = hook_process(pre("Bash", {"command": "echo " + "a" * 1_000_000}))
    assert p.returncode == 0
    assert json.loads(p.stdout)["hookSpecificOutput"]["permissionDecision"] == "ask"
