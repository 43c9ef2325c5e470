"""Run a Claude Agent SDK agent under clearance (needs `pip install claude-agent-sdk` and an API key).

python examples/claude_agent_sdk_example.py /path/to/project "Fix the failing test"
"""

from __future__ import annotations

import asyncio
import sys

from clearance.integrations.claude_agent_sdk import can_use_tool, pre_tool_use_hook


async def ask_on_terminal(tool_name: str, tool_input: dict, decision) -> bool:  # type: ignore[no-untyped-def]
    answer = input(f"clearance asks: {tool_name} {tool_input} -- {decision.reason}. Allow? [y/N] ")
    return answer.strip().lower() == "y"


async def main(project: str, prompt: str) -> None:
    from claude_agent_sdk import ClaudeAgentOptions, HookMatcher, query

    options = ClaudeAgentOptions(
        cwd=project,
        can_use_tool=can_use_tool(cwd=project, on_ask=ask_on_terminal),
        hooks={"PreToolUse": [HookMatcher(hooks=[pre_tool_use_hook(cwd=project)])]},
    )
    async for message in query(prompt=prompt, options=options):
        print(message)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
