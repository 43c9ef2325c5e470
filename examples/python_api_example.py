"""clearance from Python: decide tool calls in Claude Code's terms.

python examples/python_api_example.py
"""

from __future__ import annotations

import os

import clearance

project = os.getcwd()
for tool, tool_input in [
    ("Bash", {"command": "pytest -q"}),
    ("Bash", {"command": "git push --force origin main"}),
    ("Write", {"file_path": os.path.expanduser("~/.bashrc"), "content": "alias ls=rm"}),
    ("WebFetch", {"url": "https://docs.python.org/3/", "prompt": "summarise"}),
]:
    d = clearance.decide(tool, tool_input, cwd=project, session_id="example")
    print(f"{d.decision:5s} {tool:8s} {d.rules} {d.reason}")
