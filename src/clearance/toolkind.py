"""Agent-neutral tool kinds: which kind of tool a call is, read by every call (adapters/claude.py).

Apart from tools.py (which re-exports them), which reads the file effects of the non-shell tools: a Bash call
names its kind without loading that (~28 KB of code, ~0.5 M instructions of a cold hook).
"""

from __future__ import annotations

# Claude Code's tool names (the canonical shape, DESIGN.md section 2) -> kind.
KIND_OF = {
    "Bash": "shell",
    "Write": "write",
    "Edit": "edit",
    "MultiEdit": "edit",
    "NotebookEdit": "edit",
    "Read": "read",
    "NotebookRead": "read",
    "Glob": "search",
    "Grep": "search",
    "LS": "search",
    "WebFetch": "fetch",
    "WebSearch": "search",
    "Task": "agent",
    "Agent": "agent",
    # Work handed to another agent whose own calls reach the hook: Workflow's script (a restricted interpreter: no import(),
    # no `with`) only starts sub-agents (measured, 2.1.332: a workflow agent's Bash call was judged and denied);
    # SendMessage writes to a teammate, a sub-agent or another Claude Code session on this machine; CronCreate enqueues a
    # prompt this agent runs later as a turn of its own.
    "Workflow": "agent",
    "SendMessage": "agent",
    "CronCreate": "agent",
    # Tools that only touch the agent's own state.
    "TodoWrite": "internal",
    "TodoRead": "internal",
    "ExitPlanMode": "internal",
    "BashOutput": "internal",
    "KillShell": "internal",
    "KillBash": "internal",
    "SlashCommand": "internal",
    "Skill": "internal",
    "ListMcpResourcesTool": "internal",
    "ReadMcpResourceTool": "internal",
    "AskUserQuestion": "internal",
    # Claude Code 2.1.332 sends PreToolUse for these too (tests/e2e_agents, claude-builtin-tools): fetching a deferred
    # tool's schema (before each MCP call), listing its agents, reporting review findings to its UI, pacing a /loop.
    "ToolSearch": "internal",
    "ListAgents": "internal",
    "ReportFindings": "internal",
    "ScheduleWakeup": "internal",
    # Its task list (TaskCreate/Get/List/Update; TaskStop ends a background task or teammate it started, as KillShell),
    # its scheduled prompts' list and their removal, and its own git worktree (EnterWorktree: a new worktree of the
    # project's repository, or one `git worktree list` shows; ExitWorktree keeping it or removing a clean one -- removing
    # one with changes is judged as `git worktree remove --force`, adapters/claude.py). Claude Code 2.1.332's deferred tools.
    "TaskCreate": "internal",
    "TaskGet": "internal",
    "TaskList": "internal",
    "TaskUpdate": "internal",
    "TaskStop": "internal",
    "CronList": "internal",
    "CronDelete": "internal",
    "EnterWorktree": "internal",
    "ExitWorktree": "internal",
    # Canonical names adapters use for other agents' tools.
    "ApplyPatch": "edit",
    "GeminiWebFetch": "fetch",
}


def kind_of(tool_name: str) -> str:
    if tool_name.startswith("mcp__"):
        return "mcp"
    return KIND_OF.get(tool_name, "other")
