"""Copilot CLI's real tool shapes (schemas read from @github/copilot 1.0.102's runtime):

grep and glob take ``paths``: one directory as a string or a list of them (default: cwd), and
``toolArgs`` reaches a command hook as an object.  A search is judged over every directory it names.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from clearance.adapters import copilot
from clearance.hook import Options, run_answer

PROJECT = "/home/ana/webapp"
ENV = {"HOME": "/home/ana", "CLEARANCE_HEADLESS": "0"}


def answer(event: dict[str, Any]) -> Any:
    env = dict(ENV, CLEARANCE_DB=os.environ["CLEARANCE_DB"], XDG_CACHE_HOME=os.environ["XDG_CACHE_HOME"])
    return run_answer(json.dumps(event).encode(), Options(["--agent", "copilot"]), env)


def ev(tool: str, args: dict[str, Any], as_string: bool = False) -> dict[str, Any]:
    return {"sessionId": "s1", "timestamp": 1, "cwd": PROJECT, "toolName": tool, "toolArgs": json.dumps(args) if as_string else args}


DENIED = [
    ("grep", {"pattern": "BEGIN", "paths": ["/home/ana/.ssh"]}),
    ("grep", {"pattern": "BEGIN", "paths": "/home/ana/.ssh"}),
    ("grep", {"pattern": "BEGIN", "paths": [".", "/home/ana/.ssh"]}),
    ("grep", {"pattern": "token", "paths": ["src", "/home/ana/.aws"], "output_mode": "content"}),
    ("glob", {"pattern": "**/*", "paths": ["/home/ana/.ssh", "src"]}),
    # Copilot expands a leading ~ itself: the shell line made of several paths keeps it unquoted
    ("grep", {"pattern": "BEGIN", "paths": [".", "~/.ssh"]}),
    ("grep", {"pattern": "aws_secret", "paths": ["src", "~/.aws/"], "output_mode": "content"}),
    ("glob", {"pattern": "id_*", "paths": ["~/.ssh", "~/backup keys"]}),
    ("grep", {"pattern": "x", "paths": ["src", 7]}),  # not a list of strings: never judged as a search of "."
]
ALLOWED = [
    ("grep", {"pattern": "TODO", "paths": ["src", "tests"]}),
    ("grep", {"pattern": "TODO"}),
    ("glob", {"pattern": "**/*.ts", "paths": "src"}),
    ("glob", {"pattern": "**/*.ts", "paths": []}),
]


@pytest.mark.parametrize(("tool", "args"), DENIED)
@pytest.mark.parametrize("as_string", [False, True])
def test_a_search_over_a_secret_folder_is_blocked_whatever_else_it_names(tool: str, args: dict[str, Any], as_string: bool) -> None:
    a = answer(ev(tool, args, as_string))
    assert a.stdout is not None and a.stdout["permissionDecision"] == "deny", (args, a.stdout)


@pytest.mark.parametrize(("tool", "args"), ALLOWED)
def test_an_ordinary_search_runs(tool: str, args: dict[str, Any]) -> None:
    a = answer(ev(tool, args))
    assert (a.exit_code, a.stdout) == (0, None), (args, a.stdout)


def test_each_named_directory_is_seen() -> None:
    out = copilot.to_event(ev("grep", {"pattern": "x", "paths": ["src", "/home/ana/.ssh"]}))
    text = json.dumps(out["tool_input"])
    assert "src" in text and "/home/ana/.ssh" in text


def test_working_directory_when_cwd_is_absent() -> None:
    event = {"sessionId": "s1", "timestamp": 1, "workingDirectory": PROJECT, "toolName": "bash", "toolArgs": {"command": "ls"}}
    assert copilot.to_event(event)["cwd"] == PROJECT


# -- headless escalation in agents whose hooks cannot end a run (measured by make e2e) ---------


def _stopping() -> Any:
    from clearance.model import Decision

    d = Decision("deny", "Stopping the run: auto mode has denied 3 calls in a row", ["fs.delete-outside-project"], "escalation")
    d.stop = True
    return d


def test_codex_escalation_blocks_and_tells_the_model_to_end_its_turn() -> None:
    from clearance.adapters import codex

    a = codex.render_answer(_stopping())
    # Codex 0.171.0 rejects continue:false on PreToolUse ("unsupported"): nothing on stdout, exit 2 blocks.
    assert a.exit_code == 2 and a.stdout is None
    assert "end your turn" in a.stderr and "Stopping the run" in a.stderr


def test_copilot_escalation_blocks_and_tells_the_model_to_end_its_turn() -> None:
    a = copilot.render_answer(_stopping())
    assert a.stdout is not None and a.stdout["permissionDecision"] == "deny"
    assert "end your turn" in a.stdout["permissionDecisionReason"]


OWN_TOOLS = [
    ("fetch_copilot_cli_documentation", {}),
    ("sql", {"description": "Query todos", "query": "SELECT * FROM todos WHERE status = 'pending'"}),
    ("sql", {"description": "Add todo", "query": "INSERT INTO todos (id, title) VALUES ('t1', 'write tests')"}),
    ("session_store_sql", {"query": "SELECT * FROM sessions ORDER BY created_at DESC LIMIT 5", "source": "local"}),
    ("list_agents", {}),
    ("read_agent", {"agent_id": "a1", "wait": True}),
    ("skill", {"skill": "pdf"}),
]


@pytest.mark.parametrize(("tool", "args"), OWN_TOOLS, ids=[f"{t}-{i}" for i, (t, _) in enumerate(OWN_TOOLS)])
def test_copilot_own_tools_are_allowed(tool: str, args: dict[str, Any]) -> None:
    # Copilot CLI 1.0.102 sends preToolUse for these (tests/e2e_agents, copilot-builtin-tools): read as unknown tools
    # they were asked about, which a Copilot hook can only do by blocking.
    a = answer(ev(tool, args))
    assert a.exit_code == 0 and (a.stdout is None or a.stdout.get("permissionDecision") in (None, "allow")), a.stdout


@pytest.mark.parametrize(("tool", "args"), [("task", {"prompt": "delete the old branches"}), ("write_agent", {"agent_id": "a1", "message": "go on"})])
def test_copilot_tools_that_steer_another_agent_are_judged_as_agent(tool: str, args: dict[str, Any]) -> None:
    # Measured (tests/e2e_agents, coverage): the sub-agent's own tool calls each reach preToolUse and are judged there,
    # so starting or instructing one is Claude Code's Agent, allowed; unknown, Copilot (which cannot ask) blocked it.
    a = answer(ev(tool, args))
    assert (a.exit_code, a.stdout) == (0, None), a.stdout
