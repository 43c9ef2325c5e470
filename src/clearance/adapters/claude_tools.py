"""Claude Code's tools judged as the call they amount to (Monitor, ExitWorktree, Workflow): claude.to_event imports
this module only for those tools, so the hook's ordinary calls do not load their code (bench/callgrind_hook.py)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def as_call(event: dict[str, Any]) -> dict[str, Any]:
    """The event with a Monitor, ExitWorktree or Workflow call replaced by the call it amounts to, where it is one."""
    tool = event.get("tool_name")
    ti = event.get("tool_input")
    if isinstance(ti, dict):
        got = _monitor(ti) if tool == "Monitor" else _exit_worktree(ti, event.get("cwd")) if tool == "ExitWorktree" else _workflow(ti)
        if got is not None:
            return {**event, "tool_name": got[0], "tool_input": got[1]}
    return event


def _workflow(ti: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """Workflow given `scriptPath` reads that file as its script (its compile errors quote it back to the model): judged
    as a Read of it. A script given inline, or a saved workflow by name, only starts sub-agents (tools.KIND_OF)."""
    path = ti.get("scriptPath")
    return ("Read", {"file_path": path}) if isinstance(path, str) and path else None


def _monitor(ti: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """Monitor (2.1.332, a deferred tool) runs `command` in the background and streams its output, or opens the
    WebSocket `ws.url` and streams its frames: a background Bash call, or a fetch of that URL (ws -> http, wss ->
    https: the same host and path). Both or neither stays the unknown tool (asked)."""
    what = f"Monitor: {ti.get('description')}" if isinstance(ti.get("description"), str) else "Monitor"
    cmd, ws = ti.get("command"), ti.get("ws")
    if isinstance(cmd, str) and ws is None:
        return "Bash", {"command": cmd, "run_in_background": True, "description": what}
    url = ws.get("url") if isinstance(ws, dict) else None
    if cmd is None and isinstance(url, str):
        scheme, sep, rest = url.partition("://")
        mapped = {"ws": "http", "wss": "https"}.get(scheme.lower())
        return "WebFetch", {"url": f"{mapped}://{rest}" if mapped and sep else url, "prompt": what}
    return None


def _exit_worktree(ti: dict[str, Any], cwd: object) -> tuple[str, dict[str, Any]] | None:
    """ExitWorktree (2.1.332) leaves the worktree EnterWorktree made; with action "remove" and discard_changes true it
    deletes it with its uncommitted changes: `git worktree remove --force` of the worktree the session is in (its
    cwd). Keeping it, or removing a clean one (Claude Code refuses otherwise), only ends the agent's worktree session."""
    if ti.get("action") != "remove" or ti.get("discard_changes") in (None, False):
        return None
    import shlex

    where = cwd if isinstance(cwd, str) and cwd.startswith("/") else "."
    return "Bash", {"command": f"git worktree remove --force {shlex.quote(where)}", "description": "ExitWorktree: remove, discarding changes"}
