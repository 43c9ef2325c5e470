"""The hook events real agent programs sent (captured by tests/e2e_agents/run.py --save-fixtures), decided again.

Each fixture names the agent and version that sent it and the answer clearance gave in that run.
"""

from __future__ import annotations

import json
import os
import posixpath
import shutil
from pathlib import Path
from typing import Any

import pytest

from clearance.adapters import detect
from clearance.hook import Options, run_answer
from clearance.installer import blocked

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "agents").glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(path.read_text())
    return record


def test_there_are_fixtures_from_real_agents() -> None:
    agents = {load(p)["agent"] for p in FIXTURES}
    assert {"claude", "codex", "copilot", "gemini"} <= agents


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_the_real_event_is_decided_as_in_the_run(path: Path) -> None:
    record = load(path)
    event = record["event"]
    home = posixpath.dirname(event["cwd"])  # the throwaway HOME held the project
    env = {"HOME": home, "CLEARANCE_HEADLESS": "0", "CLEARANCE_DB": os.environ["CLEARANCE_DB"], "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    made: list[str] = []  # what this test puts on the disk, removed after
    if record["expect"] == "ask":
        # The ask scenario's `echo hi > ~/notes-outside.txt` writes over a file of the user's: a new file where the disk
        # shows nothing is allowed since ord19 (the throwaway home of the run may be gone: it is made again, with the file).
        path = posixpath.join(event.get("cwd") or home + "/proj", ".git")
        first = path
        while not os.path.lexists(posixpath.dirname(first)):
            first = posixpath.dirname(first)
        if not os.path.lexists(first):
            made.append(first)
        os.makedirs(path, exist_ok=True)
        target = Path(home, "notes-outside.txt")
        if not target.exists():
            target.write_text("the user's notes\n")
            made.insert(0, str(target))
    try:
        answer = run_answer(json.dumps(event).encode(), Options(["--agent", record["agent"]]), env)
    finally:
        for m in made:
            shutil.rmtree(m) if os.path.isdir(m) else os.remove(m)
    stdout = json.dumps(answer.stdout) if answer.stdout is not None else ""
    expect = record["expect"]
    if expect == "ask" and record["agent"] == "claude":
        # Claude Code is the one of these agents whose hooks can ask: the answer says ask, not deny.
        assert answer.stdout is not None and answer.stdout["hookSpecificOutput"]["permissionDecision"] == "ask", stdout  # type: ignore[index]
        return
    # Codex, Gemini CLI and Copilot CLI hooks cannot ask: an ask blocks the call there, with the reason.
    assert blocked(record["agent"], stdout, answer.exit_code) == (expect in ("deny", "ask")), (record["scenario"], stdout, answer.exit_code)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_the_agent_is_recognised_from_its_own_event(path: Path) -> None:
    record = load(path)
    assert detect(record["event"]) == record["agent"]
