"""An OpenAI Agents SDK agent whose shell tool is guarded by clearance (needs `pip install openai-agents`).

python examples/openai_agents_example.py /path/to/project "Clean the build output"
"""

from __future__ import annotations

import subprocess
import sys

from clearance.integrations.openai_agents import clearance_guardrail


def build(project: str):  # type: ignore[no-untyped-def]
    from agents import Agent, function_tool

    guard = clearance_guardrail(cwd=project, tool_map={"run_shell": "Bash", "write_file": "Write:path"})

    @function_tool(tool_input_guardrails=[guard])
    def run_shell(command: str) -> str:
        """Run a shell command in the project."""
        p = subprocess.run(["bash", "-c", command], cwd=project, capture_output=True, text=True, timeout=300)
        return (p.stdout + p.stderr)[-4000:]

    @function_tool(tool_input_guardrails=[guard])
    def write_file(path: str, content: str) -> str:
        """Write a file."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        return "written"

    return Agent(name="builder", instructions="You maintain this project.", tools=[run_shell, write_file])


if __name__ == "__main__":
    from agents import Runner

    result = Runner.run_sync(build(sys.argv[1]), sys.argv[2])
    print(result.final_output)
