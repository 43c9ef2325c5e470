"""Agent protocol adapters: one module per agent.

Each adapter has ``NAME``, ``to_event(raw) -> dict`` (the call in Claude Code's
PreToolUse shape, which the engine takes as canonical) and a renderer of the
Decision into that agent's answer (stdout JSON and exit code).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

AGENTS = ("claude", "codex", "gemini", "cursor", "copilot")
_CURSOR_EVENTS = ("preToolUse", "beforeShellExecution", "beforeMCPExecution", "beforeReadFile")


def detect(event: object) -> str:
    """Which agent sent this event (when --agent is not given)."""
    if not isinstance(event, dict):
        return "claude"
    if "toolName" in event and "toolArgs" in event:
        return "copilot"
    name = event.get("hook_event_name")
    if name in _CURSOR_EVENTS or "conversation_id" in event or "workspace_roots" in event or "cursor_version" in event:
        return "cursor"
    if name in ("BeforeTool", "AfterTool"):
        return "gemini"
    if "turn_id" in event or event.get("tool_name") in ("apply_patch", "local_shell", "exec_command", "shell"):
        return "codex"
    return "claude"


def get(name: str) -> Any:
    if name not in AGENTS:
        raise ValueError(f"unknown agent {name!r} (known: {', '.join(AGENTS)})")
    module = f"{__name__}.{name}"
    __import__(module)  # not importlib.import_module: importlib and warnings cost ~0.4 ms to import
    return sys.modules[module]
