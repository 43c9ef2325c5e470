"""Claude Agent SDK: a ``can_use_tool`` callback and a PreToolUse hook backed by clearance.

    from claude_agent_sdk import ClaudeAgentOptions, HookMatcher
    from clearance.integrations.claude_agent_sdk import can_use_tool, pre_tool_use_hook

    options = ClaudeAgentOptions(
        can_use_tool=can_use_tool(cwd="/path/to/project"),
        hooks={"PreToolUse": [HookMatcher(hooks=[pre_tool_use_hook(cwd="/path/to/project")])]},
    )

The SDK is imported only when a callback runs; without it the callbacks return
objects with the same fields (``behavior``, ``message``, ``updated_input``).
An *ask* has no person to go to inside an SDK program unless you pass
``on_ask``; by default it is denied with the reason.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from ..api import decide
from ..model import Decision

AskHandler = Callable[[str, dict[str, Any], Decision], Awaitable[bool]]


class _Allow:
    behavior = "allow"

    def __init__(self, updated_input: dict[str, Any] | None = None) -> None:
        self.updated_input = updated_input


class _Deny:
    behavior = "deny"

    def __init__(self, message: str = "", interrupt: bool = False) -> None:
        self.message = message
        self.interrupt = interrupt


def _result_types() -> tuple[Any, Any]:
    try:
        from claude_agent_sdk import PermissionResultAllow, PermissionResultDeny

        return PermissionResultAllow, PermissionResultDeny
    except ImportError:
        return _Allow, _Deny


def can_use_tool(
    cwd: str | None = None, session_id: str = "agent-sdk", on_ask: AskHandler | None = None
) -> Callable[[str, dict[str, Any], Any], Awaitable[Any]]:
    """A ``can_use_tool`` callback: allow, deny with clearance's reason, or hand *ask* to ``on_ask``."""

    async def callback(tool_name: str, tool_input: dict[str, Any], context: Any = None) -> Any:
        allow_cls, deny_cls = _result_types()
        d = decide(tool_name, tool_input, cwd=cwd, session_id=session_id)
        if d.decision == "allow":
            return allow_cls(updated_input=tool_input)
        if d.decision == "ask" and on_ask is not None and await on_ask(tool_name, tool_input, d):
            return allow_cls(updated_input=tool_input)
        return deny_cls(message=f"clearance: {d.reason} [{', '.join(d.rules)}]", interrupt=d.stop)

    return callback


def pre_tool_use_hook(cwd: str | None = None) -> Callable[[dict[str, Any], str | None, Any], Awaitable[dict[str, Any]]]:
    """A PreToolUse hook callback returning Claude Code's ``hookSpecificOutput`` answer."""
    from ..adapters.claude import render

    async def hook(input_data: dict[str, Any], tool_use_id: str | None, context: Any = None) -> dict[str, Any]:
        raw_input = input_data.get("tool_input")
        tool_input: dict[str, Any] = raw_input if isinstance(raw_input, dict) else {}
        d = decide(
            str(input_data.get("tool_name", "")),
            tool_input,
            cwd=input_data.get("cwd") or cwd,
            session_id=str(input_data.get("session_id", "agent-sdk")),
        )
        return render(d)

    return hook
