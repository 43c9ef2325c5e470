"""MCP tools that run a shell command (desktop-commander's start_process, a terminal server's execute_command).

The command such a tool runs is a command the agent typed, through another door: it is analysed as the Bash tool's
would be (engine.check_action), and every finding stands -- a server the policy trusts (trust.mcp_servers) may be
written to, never run code through.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Action

# Input fields that carry a shell command line in the MCP servers that run one.
COMMAND_KEYS = ("command", "cmd", "shell_command", "commandLine", "command_line")
MAX_CHARS = 100_000


def shell_command(action: Action) -> str | None:
    """The shell command an MCP tool call runs, or None."""
    ti = action.tool_input
    for key in COMMAND_KEYS:
        v = ti.get(key)
        if isinstance(v, str) and v.strip():
            return v[:MAX_CHARS]
        if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
            import shlex

            return shlex.join(v)[:MAX_CHARS]  # an argv list: the program and its arguments
    return None
