"""Claude Code hook protocol (PreToolUse), see docs/protocols.md.

Input: one JSON object on stdin with ``hook_event_name``, ``tool_name``,
``tool_input``, ``cwd``, ``session_id``, ``transcript_path``, ``permission_mode``.
Output: ``{"hookSpecificOutput": {"hookEventName": "PreToolUse",
"permissionDecision": "allow|deny|ask", "permissionDecisionReason": "..."}}``
on stdout with exit code 0.
"""

from __future__ import annotations

from ..context import build_context
from ..model import Action, Context, Decision
from ..redact import shown
from ..toolkind import kind_of
from .common import MAX_PATCH_FILES, Answer, input_too_large

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os
    from typing import Any

    from ..errors import MalformedEvent as MalformedEvent


def _malformed(message: str) -> Exception:
    """errors.MalformedEvent: the event does not have the shape of a PreToolUse event."""
    from ..errors import MalformedEvent

    return MalformedEvent(message)


def __getattr__(name: str) -> object:
    """MalformedEvent, made on first use (errors.py says why)."""
    if name == "MalformedEvent":
        from ..errors import MalformedEvent

        return MalformedEvent
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def parse_event(event: object, env: dict[str, str] | os._Environ[str] | None = None) -> tuple[Action, Context]:
    if not isinstance(event, dict):
        raise _malformed(f"the hook event is a JSON {type(event).__name__}, not an object")
    tool_name = event.get("tool_name")
    if not isinstance(tool_name, str) or not tool_name:
        raise _malformed("the hook event has no tool_name")
    tool_input = event.get("tool_input")
    if tool_input is None:
        tool_input = {}
    if not isinstance(tool_input, dict):
        raise _malformed(f"tool_input of {tool_name} is a JSON {type(tool_input).__name__}, not an object")
    too_large = input_too_large(tool_input)
    if too_large:
        raise _malformed(f"the {tool_name} call: {too_large}")
    kind = kind_of(tool_name)
    if kind == "shell" and not isinstance(tool_input.get("command"), str):
        raise _malformed("the Bash call has no command string")
    if tool_name == "ApplyPatch":
        files = tool_input.get("files")
        if not files:
            raise _malformed("the patch names no file")
        if isinstance(files, list) and len(files) > MAX_PATCH_FILES:
            # Each file is a write judged alone (issue 16, adv16b): thousands are not cut short, they are asked.
            raise _malformed(f"the patch names {len(files)} files, more than clearance judges one by one ({MAX_PATCH_FILES})")
    elif kind in ("write", "edit", "read") and not any(isinstance(tool_input.get(k), str) for k in ("file_path", "notebook_path")):
        raise _malformed(f"the {tool_name} call has no file_path")
    if kind in ("write", "edit", "read") and len({v for k in ("file_path", "notebook_path", "path") if isinstance(v := tool_input.get(k), str) and v}) > 1:
        # NotebookEdit writes notebook_path, the engine read file_path first: two names for the file that disagree are
        # never guessed between (adversarial round 9c).
        raise _malformed(f"the {tool_name} call names two different files")
    elif kind == "fetch" and not (isinstance(tool_input.get("url"), str) or isinstance(tool_input.get("urls"), list)):
        raise _malformed(f"the {tool_name} call has no url")
    root = event.get("project_root")
    ctx = build_context(
        event.get("cwd"),
        env,
        project_root=root if isinstance(root, str) and root.startswith("/") else None,
        session_id=event.get("session_id", ""),
        transcript_path=event.get("transcript_path", ""),
        permission_mode=event.get("permission_mode", ""),
        agent=str(event.get("agent") or "claude"),
    )
    tool_cwd = event.get("tool_cwd")
    if isinstance(tool_cwd, str) and tool_cwd.startswith("/"):
        # Gemini's dir_path, Codex's workdir: the command runs there; the project stays the session's.
        from .. import pathstr

        ctx.cwd = pathstr.normpath(tool_cwd)
    if event.get("tool_stdin") == "terminal":
        ctx.live_stdin = True  # set by the Codex adapter (an exec_command given a terminal)
    return Action(kind, tool_name, tool_input), ctx


NAME = "claude"


def to_event(event: dict[str, Any]) -> dict[str, Any]:
    """Claude Code's events are the canonical shape; three of its tools are judged as the call they amount to
    (claude_tools.py: imported only for those tools, so an ordinary call does not load their code)."""
    if event.get("tool_name") in ("Monitor", "ExitWorktree", "Workflow"):
        from .claude_tools import as_call

        return as_call(event)
    return event


def render_answer(decision: Decision) -> Answer:
    decision = shown(decision)  # its reason quotes the call: no secret in it is read back to the agent
    if decision.defer:
        return Answer(None, 0)  # auto mode disabled: the agent's own permission system decides
    return Answer(render(decision), 0)


def render(decision: Decision, event_name: str = "PreToolUse") -> dict[str, Any]:
    out: dict[str, Any] = {
        "hookSpecificOutput": {
            "hookEventName": event_name,
            "permissionDecision": decision.decision,
            "permissionDecisionReason": _reason(decision),
        }
    }
    if decision.stop:
        # Headless escalation: stop the whole run, not just this call.
        out["continue"] = False
        out["stopReason"] = f"clearance: {decision.reason}"
    return out


def _reason(decision: Decision) -> str:
    rules = f" [{', '.join(decision.rules)}]" if decision.rules else ""
    hint = getattr(decision, "hint", "")
    if decision.decision == "deny" and not decision.stop:
        return f"clearance: {decision.reason}{rules}. {hint or 'Try another way, or ask the user to run it.'}"
    return f"clearance: {decision.reason}{rules}" + (f". {hint}" if hint and decision.decision == "ask" else "")
