"""GitHub Copilot CLI hooks (preToolUse), see docs/protocols.md.

Input: ``timestamp``, ``cwd``, ``toolName`` (``bash``, ``edit``, ``view``,
``create`` ...), ``toolArgs`` -- an object (Copilot CLI 1.0.x; a JSON string in older
versions: both are read).  grep / glob name their directories in ``paths``, a string or a list.  Output: ``{"permissionDecision":
"deny", "permissionDecisionReason": ...}``; only "deny" is processed, so *ask*
becomes a deny that tells the agent to ask the user.
"""

from __future__ import annotations

import shlex

from ..errors import Conflict
from ..redact import shown
from .common import END_TURN, Answer, first_str, parse_json_object, unreadable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model import Decision

NAME = "copilot"
# Copilot CLI's own tools that touch only the agent's state. Copilot CLI 1.0.102 also sends preToolUse for its
# documentation, its session database (the todos), its history of past sessions, its background agents' status and
# skills (tests/e2e_agents, copilot-builtin-tools): unmapped, each was an unknown tool, which Copilot (whose hooks
# cannot ask) blocked. Not here: task and write_agent, which start or steer another agent (judged as Claude Code's
# Agent, below).
INTERNAL = frozenset(
    {
        "report_intent",
        "think",
        "update_todo",
        "task_complete",
        "read_bash",
        "list_bash",
        "stop_bash",
        "fetch_copilot_cli_documentation",
        "sql",
        "session_store_sql",
        "list_agents",
        "read_agent",
        "skill",
    }
)


def to_event(event: dict[str, Any]) -> dict[str, Any]:
    tool = str(event.get("toolName", ""))
    args = parse_json_object(event.get("toolArgs"))
    cwd = event.get("cwd") or event.get("workingDirectory")  # workingDirectory: the SDK's name for it
    out: dict[str, Any] = {"hook_event_name": "PreToolUse", "cwd": cwd, "session_id": event.get("sessionId") or event.get("session_id") or ""}
    if args is None:
        out["tool_name"], out["tool_input"] = tool or "?", "unparseable toolArgs"
        return out
    try:
        return _call(tool, args, out)
    except Conflict as e:
        return unreadable(out, tool, str(e))


def _call(tool: str, args: dict[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    path = first_str(args, "path", "file_path", "filePath")
    if tool == "powershell":
        # PowerShell is not bash: judged as a PowerShell invocation, which clearance does not
        # analyse (shell.embedded-code), rather than mis-read as a bash command line.
        cmd = args.get("command")
        out["tool_name"], out["tool_input"] = "Bash", {"command": "pwsh -Command " + shlex.quote(cmd) if isinstance(cmd, str) else None}
    elif tool in ("bash", "shell", "write_bash"):
        # "tty": a bash session the agent can write to later (write_bash), so an interactive shell started in it runs
        # what is typed then (engine.analyse_shell's typed_input). "persists": the session's shell outlives the call and
        # runs the next command of the same session, keeping what this one set (shell/persist.py), its folder too: "shell"
        # names the session (its bash tool's sessionId / shellId), so each session's folder is followed apart.
        shell = args.get("sessionId", args.get("shellId", ""))
        out["tool_name"], out["tool_input"] = "Bash", {"command": args.get("command"), "tty": True, "persists": True}
        if isinstance(shell, str | int) and str(shell):
            out["tool_input"]["shell"] = str(shell)
    elif tool in ("edit", "str_replace", "str_replace_editor") and isinstance(args.get("file_text"), str) and args.get("command") in (None, "create"):
        # str_replace_editor's `create` command (and an edit given the whole text) writes file_text: judged as Write,
        # never as an Edit of two empty strings.
        out["tool_name"], out["tool_input"] = "Write", {"file_path": path, "content": args["file_text"]}
    elif tool in ("edit", "str_replace", "str_replace_editor"):
        out["tool_name"], out["tool_input"] = "Edit", {"file_path": path, "old_string": args.get("old_str", ""), "new_string": args.get("new_str", "")}
    elif tool == "create":
        out["tool_name"], out["tool_input"] = "Write", {"file_path": path, "content": args.get("file_text", "")}
    elif tool == "view":
        out["tool_name"], out["tool_input"] = "Read", {"file_path": path}
    elif tool in ("grep", "glob"):
        _search(out, tool, args)
    elif tool in ("web_fetch", "fetch"):
        out["tool_name"], out["tool_input"] = "WebFetch", {"url": args.get("url", ""), "prompt": ""}
    elif tool in INTERNAL:
        out["tool_name"], out["tool_input"] = "TodoWrite", {}
    elif tool in ("task", "write_agent"):
        # A sub-agent started (task) or told more (write_agent), whose own tool calls each reach preToolUse
        # (tests/e2e_agents, coverage): judged as Claude Code's Agent. Unmapped, each was an unknown tool, which Copilot
        # CLI (whose hooks cannot ask) blocked: no sub-agents.
        prompt = args.get("prompt") if tool == "task" else args.get("message")
        out["tool_name"], out["tool_input"] = "Agent", {"prompt": prompt if isinstance(prompt, str) else "", "subagent_type": args.get("agent_type", "")}
    elif "/" in tool or ("-" in tool and tool.count("-") >= 1 and not tool.startswith("-")):
        server, _, name = tool.replace("/", "-").partition("-")
        out["tool_name"], out["tool_input"] = f"mcp__{server}__{name}", args
    else:
        out["tool_name"], out["tool_input"] = tool, args
    return out


def output_event(event: dict[str, Any]) -> dict[str, Any]:
    """A postToolUse event (``toolResult``) in the PostToolUse shape the probe reads. Copilot CLI reads no answer to
    it: the probe records a hit, for the [probe] switch (round 9c)."""
    args = parse_json_object(event.get("toolArgs"))
    return {
        "hook_event_name": "PostToolUse",
        "session_id": event.get("sessionId") or event.get("session_id") or "",
        "cwd": event.get("cwd") or event.get("workingDirectory"),
        "tool_name": str(event.get("toolName") or "tool"),
        "tool_input": args or {},
        "tool_response": event.get("toolResult"),
    }


def _search(out: dict[str, Any], tool: str, args: dict[str, Any]) -> None:
    """grep / glob over ``paths`` (one directory or a list; default the cwd), or an older ``path``.

    One directory: clearance's Grep / Glob.  Several: the equivalent ripgrep command line, so
    that each directory is judged (a list is never read as its first entry, nor as ".").
    """
    given = args.get("paths", args.get("path"))
    if given is None:
        given = []
    paths = [given] if isinstance(given, str) else given
    pattern = args.get("pattern", "")
    if not isinstance(paths, list) or not all(isinstance(p, str) and p for p in paths) or not isinstance(pattern, str):
        out["tool_name"], out["tool_input"] = tool.capitalize(), f"unparseable toolArgs: paths={given!r}"
        return
    if len(paths) <= 1:
        out["tool_name"], out["tool_input"] = tool.capitalize(), {"pattern": pattern, "path": paths[0] if paths else "."}
        return
    flags = ["-e", pattern] if tool == "grep" else ["--files", "-g", pattern]
    out["tool_name"], out["tool_input"] = "Bash", {"command": " ".join([shlex.join(["rg", *flags, "--"]), *map(_path_word, paths)])}


def _path_word(path: str) -> str:
    """*path* as a shell word that names the same file: Copilot's tools expand a leading ``~`` themselves, which a
    quoted ``'~/.ssh'`` would not do in a shell (a quoted tilde is a name), so it stays outside the quotes."""
    if path == "~" or path.startswith("~/"):
        rest = path[2:]
        return "~/" + shlex.quote(rest) if rest else "~/"
    return shlex.quote(path)


def render_answer(decision: Decision) -> Answer:
    decision = shown(decision)  # its reason quotes the call: no secret in it is read back to the agent
    if decision.defer:
        return Answer(None, 0)  # auto mode disabled: the agent's own permission system decides
    if decision.decision == "allow":
        return Answer(None, 0)
    reason = f"clearance: {decision.reason} [{', '.join(decision.rules)}]."
    if decision.stop:
        reason += END_TURN  # Copilot CLI's hooks have no field that ends a run
    elif decision.decision == "ask":
        reason += " Copilot CLI hooks can only deny, so the call is blocked: ask the user to approve or run it themselves."
    if decision.hint and not decision.stop:
        reason += " " + decision.hint
    return Answer({"permissionDecision": "deny", "permissionDecisionReason": reason}, 0)
