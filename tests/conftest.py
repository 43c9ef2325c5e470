from __future__ import annotations

from typing import Any

import pytest

from clearance.api import decide_event
from clearance.model import Decision

HOME = "/home/ana"
PROJECT = "/home/ana/webapp"
ENV = {"HOME": HOME, "CLAUDE_PROJECT_DIR": PROJECT, "USER": "ana"}


def event(example: Any, cwd: str = PROJECT) -> dict[str, Any]:
    if isinstance(example, str):
        return {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": example}, "cwd": cwd, "session_id": "t"}
    ev = {"hook_event_name": "PreToolUse", "cwd": cwd, "session_id": "t"}
    ev.update(example)
    return ev


def decide(example: Any, cwd: str = PROJECT, env: dict[str, str] | None = None) -> Decision:
    return decide_event(event(example, cwd), env or ENV)


@pytest.fixture
def run() -> Any:
    return decide
