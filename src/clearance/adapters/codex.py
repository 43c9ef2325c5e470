"""OpenAI Codex CLI hooks (PreToolUse), see docs/protocols.md.

Input is Claude-compatible (``hook_event_name``, ``tool_name``, ``tool_input``,
``cwd``, ``session_id``, ``turn_id``).  Codex cannot *ask* from a hook (it
rejects ``permissionDecision: "ask"`` and runs the call), so clearance blocks
with exit code 2 and a reason that tells the agent to ask the user.
"""

from __future__ import annotations

from .common import END_TURN, Answer, command_string, join_cwd, patch_files

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model import Decision

NAME = "codex"
SHELL_TOOLS = frozenset({"Bash", "shell", "local_shell", "exec_command", "container.exec", "unified_exec"})


def to_event(event: dict[str, Any]) -> dict[str, Any]:
    tool = str(event.get("tool_name", ""))
    ti = event.get("tool_input")
    ti = ti if isinstance(ti, dict) else {}
    out = dict(event)
    out["hook_event_name"] = "PreToolUse"
    if tool in SHELL_TOOLS:
        cmd = command_string(ti.get("command")) or command_string(ti.get("cmd"))
        out["tool_name"] = "Bash"
        out["tool_input"] = {"command": cmd} if cmd is not None else {}
        if isinstance(ti.get("workdir"), str) and ti["workdir"]:
            # The project is found from the session cwd; this one command runs elsewhere.
            out["tool_cwd"] = join_cwd(event.get("cwd"), ti["workdir"])
    elif tool == "apply_patch":
        patch = ti.get("command") or ti.get("input") or ti.get("patch") or ""
        if isinstance(patch, list):
            patch = "\n".join(str(p) for p in patch)
        out["tool_name"] = "ApplyPatch"
        out["tool_input"] = {"files": [{"kind": k, "path": p, "content": c} if c else {"kind": k, "path": p} for k, p, c in patch_files(str(patch))]}
    return out


def render_answer(decision: Decision) -> Answer:
    if decision.defer:
        return Answer(None, 0)  # auto mode disabled: the agent's own permission system decides
    if decision.decision == "allow":
        return Answer(None, 0)
    verb = "denied" if decision.decision == "deny" else "needs a person's approval"
    reason = f"clearance {verb}: {decision.reason} [{', '.join(decision.rules)}]"
    if decision.decision == "ask":
        reason += " Codex hooks cannot ask, so the call is blocked: ask the user to approve or run it themselves."
    if decision.hint and not decision.stop:
        reason += " " + decision.hint
    if decision.stop:
        # Codex 0.171.0 rejects continue:false on PreToolUse (and PostToolUse's does not end
        # `codex exec`): exit 2 blocks, the reason asks the model to end its turn.
        reason += END_TURN
    return Answer(None, 2, reason)
