"""The case-running scaffolding the adversarial round files share: tool calls built as data, each judged in-process by
conftest.decide, a case that must not be allowed (with strict xfails for the gaps a round leaves open, tests/strict.py)
and an ordinary look-alike that must stay allowed. Nothing here is ever run."""

from __future__ import annotations

import json
from typing import Any

from . import strict
from .conftest import decide


def write(path: str, content: str) -> dict[str, Any]:
    return {"tool_name": "Write", "tool_input": {"file_path": path, "content": content}}


def run(command: str, files: dict[str, str]) -> dict[str, Any]:
    return {"tool_name": "Bash", "tool_input": {"command": command}, "files": files}


def json_key(example: Any) -> str:
    """A case's key in a round's gaps: the command itself, or its event as JSON (first 300 characters)."""
    return example if isinstance(example, str) else json.dumps(example, sort_keys=True)[:300]


def command_key(example: Any) -> str:
    """The key of rounds 13a and 13c: the command, then the files the case puts on disk."""
    if isinstance(example, str):
        return example
    return example["tool_input"]["command"] + " :: " + " | ".join(f"{k}={v!r}" for k, v in example.get("files", {}).items())


def ids(cases: list[Any], key: Any = json_key) -> list[str]:
    return [key(c)[:100] for c in cases]


def not_allowed(example: Any, gaps: dict[str, str], key: Any = json_key) -> None:
    def check() -> None:
        got = decide(example).decision
        assert got in ("deny", "ask"), f"{key(example)}: {got}"

    strict.check(key(example), gaps, check)


def allowed(example: Any, key: Any = json_key) -> None:
    got = decide(example)
    assert got.decision == "allow", f"{key(example)}: {got.decision} {got.rules} {got.reason}"
