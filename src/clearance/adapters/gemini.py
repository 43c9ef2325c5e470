"""Gemini CLI hooks (BeforeTool), see docs/protocols.md.

Input: ``hook_event_name`` "BeforeTool", ``tool_name`` (``run_shell_command``,
``write_file``, ``replace``, ``read_file`` ...), ``tool_input``, ``cwd``,
``session_id``, ``transcript_path``, optional ``mcp_context``.  Output on exit
0: ``{"decision": "allow"|"deny", "reason": ...}``; ``continue: false`` stops
the agent loop.  There is no *ask*: clearance denies with a reason that tells
the agent to ask the user (an empty answer would let YOLO mode run the call).
"""

from __future__ import annotations

from ..errors import Conflict
from ..lazyre import lazy
from ..redact import shown
from .common import Answer, first_str, join_cwd, unreadable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model import Decision

NAME = "gemini"
_URL = lazy(r"https?://[^\s'\"<>]+")
# Gemini CLI's own tools that touch only the agent's state. Gemini CLI 0.61.0 also sends BeforeTool for its topic
# notes and for listing and reading the output of the background processes it started (tests/e2e_agents,
# gemini-builtin-tools): unmapped, each was an unknown tool, which Gemini (whose hooks cannot ask) blocked.
# Not here: invoke_agent, which starts a subagent (judged as Claude Code's Agent, below).
INTERNAL = frozenset(
    {
        "save_memory",
        "write_todos",
        "activate_skill",
        "ask_user",
        "exit_plan_mode",
        "enter_plan_mode",
        "codebase_investigator",
        "update_topic",
        "list_background_processes",
        "read_background_output",
    }
)


def to_event(event: dict[str, Any]) -> dict[str, Any]:
    tool = str(event.get("tool_name", ""))
    ti = event.get("tool_input")
    out = {k: v for k, v in event.items() if k not in ("tool_name", "tool_input")}
    out["hook_event_name"] = "PreToolUse"
    if ti is not None and not isinstance(ti, dict):
        # There but not an object: judged as no arguments, an MCP call went by its name alone (round 9c).
        return unreadable(out, tool, f"tool_input is a JSON {type(ti).__name__}, not an object")
    try:
        return _call(event, tool, ti or {}, out)
    except Conflict as e:
        return unreadable(out, tool, str(e))


def _call(event: dict[str, Any], tool: str, ti: dict[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    path = first_str(ti, "file_path", "absolute_path", "path") if tool != "run_shell_command" else None
    path = path or first_str(ti, "dir_path")
    if tool == "run_shell_command":
        name, new = "Bash", {"command": ti.get("command")}
        d = first_str(ti, "dir_path", "directory")
        if d:
            # The project is found from the session cwd; this one command runs elsewhere.
            out["tool_cwd"] = join_cwd(event.get("cwd"), d)
    elif tool == "write_file":
        name, new = "Write", {"file_path": path, "content": ti.get("content", "")}
    elif tool in ("replace", "edit"):
        name, new = "Edit", {"file_path": path, "old_string": ti.get("old_string", ""), "new_string": ti.get("new_string", "")}
    elif tool == "read_file":
        name, new = "Read", {"file_path": path}
    elif tool == "read_many_files":
        # `paths` and `include` are both lists of paths or globs whose files are read (gemini-cli's ReadManyFilesTool);
        # each is judged on its own, never as one comma-joined string.
        given = [ti.get("paths"), ti.get("include")]
        paths = [str(p) for g in given for p in (g if isinstance(g, list) else [g] if isinstance(g, str) else []) if p]
        name, new = (
            "Glob",
            {
                "pattern": ",".join(paths),
                "patterns": paths,
                "path": ti.get("dir_path") or ".",
                "read_contents": True,  # read_many_files returns the files, not their names
            },
        )
        if len(paths) == 1:
            name, new = "Read", {"file_path": paths[0]}
    elif tool in ("glob", "list_directory", "ls"):
        name, new = "Glob", {"pattern": ti.get("pattern", "*"), "path": path or "."}
    elif tool in ("search_file_content", "grep_search", "grep"):
        name, new = "Grep", {"pattern": ti.get("pattern", ""), "path": path or "."}
    elif tool == "web_fetch":
        urls = _URL.findall(str(ti.get("prompt", "")) + " " + str(ti.get("url", "")))
        name, new = "WebFetch", {"url": urls[0] if urls else "", "prompt": ti.get("prompt", "")}
        if len(urls) > 1:
            name, new = "GeminiWebFetch", {"urls": urls}
    elif tool == "google_web_search":
        name, new = "WebSearch", {"query": ti.get("query", "")}
    elif tool in INTERNAL:
        name, new = "TodoWrite", {}
    elif tool == "invoke_agent":
        # A subagent, whose own tool calls each reach BeforeTool (tests/e2e_agents, coverage): judged as Claude Code's
        # Agent. Unmapped, it was an unknown tool, which Gemini CLI (whose hooks cannot ask) blocked: no subagents.
        name, new = "Agent", {"prompt": ti.get("prompt", ""), "subagent_type": ti.get("agent_name", "")}
    else:
        mcp = event.get("mcp_context")
        if isinstance(mcp, dict) and mcp.get("server_name"):
            name = f"mcp__{mcp.get('server_name')}__{mcp.get('tool_name') or tool}"
        elif tool.startswith("mcp_") and not tool.startswith("mcp__"):
            name = "mcp__" + tool[4:].replace("_", "__", 1)
        else:
            name = tool
        new = ti
    out["tool_name"] = name
    out["tool_input"] = new
    return out


def render_answer(decision: Decision) -> Answer:
    decision = shown(decision)  # its reason quotes the call: no secret in it is read back to the agent
    if decision.defer:
        return Answer(None, 0)  # auto mode disabled: the agent's own permission system decides
    if decision.decision == "allow":
        return Answer({"decision": "allow"}, 0)
    reason = f"clearance: {decision.reason} [{', '.join(decision.rules)}]."
    if decision.decision == "ask":
        reason += " Gemini CLI hooks cannot ask, so the call is blocked: ask the user to approve or run it themselves."
    if decision.hint and not decision.stop:
        reason += " " + decision.hint
    out: dict[str, Any] = {"decision": "deny", "reason": reason}
    if decision.stop:
        out["continue"] = False
        out["stopReason"] = f"clearance: {decision.reason}"
    return Answer(out, 0)
