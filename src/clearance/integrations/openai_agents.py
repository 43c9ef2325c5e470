"""OpenAI Agents SDK: a tool input guardrail backed by clearance.

    from agents import Agent, function_tool
    from clearance.integrations.openai_agents import clearance_guardrail

    guard = clearance_guardrail(cwd="/path/to/project", tool_map={"run_shell": "Bash"})

    @function_tool(tool_input_guardrails=[guard])
    def run_shell(command: str) -> str: ...

``tool_map`` names the Claude Code tool each of your function tools behaves
like (``Bash``, ``Write``, ``Read``, ``WebFetch`` ...) and, optionally, which
argument holds the command or path; unmapped tools are judged as MCP-style
tools by their name.  A denial rejects the call with clearance's reason, which
the model sees; an *ask* is rejected too unless ``allow_ask`` is true.
"""

from __future__ import annotations

import json
from typing import Any

from ..api import decide
from ..model import Decision

_ARG = {"Bash": "command", "Write": "file_path", "Edit": "file_path", "Read": "file_path", "WebFetch": "url", "WebSearch": "query"}


def judge(
    tool_name: str, arguments: str | dict[str, Any], tool_map: dict[str, str] | None = None, cwd: str | None = None, session_id: str = "openai-agents"
) -> Decision:
    """Decide a function-tool call described by its name and JSON arguments."""
    args: dict[str, Any]
    if isinstance(arguments, dict):
        args = arguments
    else:
        try:
            parsed = json.loads(arguments or "{}")
        except ValueError:
            parsed = None
        args = parsed if isinstance(parsed, dict) else {"raw": arguments}
    spec = (tool_map or {}).get(tool_name)
    if spec is None:
        return decide(f"mcp__agent__{tool_name}", args, cwd=cwd, session_id=session_id)
    claude_tool, _, arg = spec.partition(":")
    key = _ARG.get(claude_tool, "")
    source = arg or key
    tool_input = dict(args)
    if key and source in args:
        tool_input[key] = args[source]
    return decide(claude_tool, tool_input, cwd=cwd, session_id=session_id)


def clearance_guardrail(tool_map: dict[str, str] | None = None, cwd: str | None = None, allow_ask: bool = False) -> Any:
    """A ``ToolInputGuardrail`` for ``function_tool(tool_input_guardrails=[...])``."""
    from agents import ToolGuardrailFunctionOutput, tool_input_guardrail

    @tool_input_guardrail  # type: ignore[untyped-decorator]
    def clearance(data: Any) -> Any:
        ctx = data.context
        d = judge(ctx.tool_name, ctx.tool_arguments, tool_map, cwd)
        info = {"decision": d.decision, "rules": d.rules, "reason": d.reason}
        if d.decision == "allow" or (d.decision == "ask" and allow_ask):
            return ToolGuardrailFunctionOutput.allow(output_info=info)
        return ToolGuardrailFunctionOutput.reject_content(f"clearance: {d.reason} [{', '.join(d.rules)}]", output_info=info)

    return clearance
