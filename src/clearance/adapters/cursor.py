"""Cursor hooks (preToolUse, beforeShellExecution, beforeMCPExecution, beforeReadFile), see docs/protocols.md.

Input: ``hook_event_name``, ``conversation_id``, ``generation_id``,
``workspace_roots``, plus per event ``tool_name``/``tool_input`` (preToolUse,
beforeMCPExecution), ``command``/``cwd`` (beforeShellExecution) or
``file_path`` (beforeReadFile).  Output: ``{"permission": "allow"|"deny"|"ask",
"user_message": ..., "agent_message": ...}``.  Cursor can ask.
"""

from __future__ import annotations

from ..errors import Conflict
from ..redact import shown
from .common import Answer, first_str, parse_json_object, unreadable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model import Decision

NAME = "cursor"
EVENTS = frozenset({"preToolUse", "beforeShellExecution", "beforeMCPExecution", "beforeReadFile"})
_TOOLS = {
    "Shell": "Bash",
    "Terminal": "Bash",
    "Write": "Write",
    "StrReplace": "Edit",
    "Edit": "Edit",
    "MultiEdit": "Edit",
    "Read": "Read",
    "Delete": "Delete",
    "Grep": "Grep",
    "Glob": "Glob",
    "LS": "Glob",
    "WebFetch": "WebFetch",
    "WebSearch": "WebSearch",
    "Task": "Task",
    "TodoWrite": "TodoWrite",
    "EditNotebook": "NotebookEdit",
}


def to_event(event: dict[str, Any]) -> dict[str, Any]:
    name = str(event.get("hook_event_name", ""))
    roots = event.get("workspace_roots")
    cwd = event.get("cwd") or (roots[0] if isinstance(roots, list) and roots and isinstance(roots[0], str) else None)
    out: dict[str, Any] = {
        "hook_event_name": "PreToolUse",
        "session_id": event.get("conversation_id") or event.get("session_id") or "",
        "cwd": cwd,
    }
    if isinstance(roots, list) and roots and isinstance(roots[0], str):
        out["project_root"] = roots[0]
    given = event.get("tool_input")
    if name in ("beforeMCPExecution", "preToolUse") and given not in (None, "") and parse_json_object(given) is None:
        # There but unreadable: judged as no arguments, an MCP call went by its name alone (round 9c).
        return unreadable(out, str(event.get("tool_name") or ""), "tool_input is neither an object nor a JSON object")
    try:
        return _call(event, name, out)
    except Conflict as e:
        return unreadable(out, str(event.get("tool_name") or ""), str(e))


def _call(event: dict[str, Any], name: str, out: dict[str, Any]) -> dict[str, Any]:
    if name == "beforeShellExecution":
        out["tool_name"], out["tool_input"] = "Bash", {"command": event.get("command")}
    elif name == "beforeReadFile":
        out["tool_name"], out["tool_input"] = "Read", {"file_path": event.get("file_path")}
    elif name == "beforeMCPExecution":
        server = event.get("server_name") or event.get("server") or "cursor"
        tool = event.get("tool_name") or "tool"
        out["tool_name"] = f"mcp__{server}__{tool}"
        out["tool_input"] = parse_json_object(event.get("tool_input")) or {}
    else:
        tool = str(event.get("tool_name", ""))
        ti = parse_json_object(event.get("tool_input")) or {}
        mapped = _TOOLS.get(tool)
        if tool.startswith("MCP:") or tool.startswith("mcp__"):
            out["tool_name"] = tool if tool.startswith("mcp__") else "mcp__" + tool[4:].replace(":", "__", 1)
            out["tool_input"] = ti
        elif mapped == "Bash":
            out["tool_name"], out["tool_input"] = "Bash", {"command": ti.get("command")}
        elif mapped in ("Write", "Edit", "Read", "NotebookEdit"):
            path = first_str(ti, "file_path", "path", "target_file", "target_notebook")
            new = {"file_path": path, **{k: v for k, v in ti.items() if k not in ("file_path", "path")}}
            # The text written under whichever name the tool gives it (content, contents, file_text, code_edit;
            # old_str/new_str): the content checks read `content` and `new_string`, so no spelling slips past them.
            text = first_str(ti, "content", "contents", "file_text", "code_edit", "text")
            if mapped == "Write" and text is not None:
                new["content"] = text
            if mapped == "Edit":
                for ours, theirs in (("old_string", "old_str"), ("new_string", "new_str")):
                    if ours not in new and isinstance(ti.get(theirs), str):
                        new[ours] = ti[theirs]
                if "new_string" not in new and text is not None and "edits" not in new:
                    new["new_string"] = text
            out["tool_name"], out["tool_input"] = mapped, new
        elif mapped == "Delete":
            path = first_str(ti, "file_path", "path", "target_file") or ""
            out["tool_name"], out["tool_input"] = "Bash", {"command": "rm -- " + _quote(path)}
        elif mapped is not None:
            out["tool_name"], out["tool_input"] = mapped, ti
        else:
            out["tool_name"], out["tool_input"] = tool, ti
    return out


OUTPUT_EVENTS = frozenset({"afterShellExecution", "afterMCPExecution"})


def output_event(event: dict[str, Any]) -> dict[str, Any]:
    """An after-call event (a shell command's output, an MCP tool's result) in the PostToolUse shape the probe reads.
    Cursor reads no answer to it: the probe records a hit, for the [probe] switch (round 9c)."""
    name = str(event.get("hook_event_name", ""))
    roots = event.get("workspace_roots")
    shell = name == "afterShellExecution"
    return {
        "hook_event_name": "PostToolUse",
        "session_id": event.get("conversation_id") or event.get("session_id") or "",
        "cwd": event.get("cwd") or (roots[0] if isinstance(roots, list) and roots and isinstance(roots[0], str) else None),
        "tool_name": "Bash" if shell else f"mcp__{event.get('server_name') or event.get('server') or 'cursor'}__{event.get('tool_name') or 'tool'}",
        "tool_input": {"command": event.get("command")} if shell else parse_json_object(event.get("tool_input")) or {},
        "tool_response": event.get("output") if shell else event.get("result_json"),
    }


def _quote(s: str) -> str:
    import shlex

    return shlex.quote(s)


def render_answer(decision: Decision) -> Answer:
    decision = shown(decision)  # its reason quotes the call: no secret in it is read back to the agent
    # Auto mode disabled (decision.defer) is answered as ask here: Cursor has no "no decision" answer for its hooks.
    reason = f"clearance: {decision.reason}" + (f" [{', '.join(decision.rules)}]" if decision.rules else "")
    out: dict[str, Any] = {"permission": decision.decision}
    if decision.decision != "allow":
        out["user_message"] = reason
        hint = decision.hint or ("Try another way, or ask the user to run it." if decision.decision == "deny" else "")
        out["agent_message"] = reason + (". " + hint if hint else "")
    if decision.stop:
        out["continue"] = False
    return Answer(out, 0)
