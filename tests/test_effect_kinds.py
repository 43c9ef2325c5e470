"""Effect rules run only on the effect kinds they declare (rules.base.Rule.effects), so a call whose effects are all
reads does not import the packs of rules on writes and deletions.  Declaring a kind too few would hide a finding:
here every effect rule's check runs on every effect of the eval sets' commands, and a rule that finds something
in an effect of a kind it did not declare fails the test."""

from __future__ import annotations

import json
from pathlib import Path

from clearance.adapters.claude import parse_event
from clearance.engine import analyse_shell
from clearance.rules import index, load
from clearance.scope import Scope
from clearance.shell.effects import DELETE, READ, TREE, WRITE
from clearance.tools import action_effects

ROOT = Path(__file__).resolve().parents[1]
ENV = {"HOME": "/home/dev", "CLAUDE_PROJECT_DIR": "/home/dev/project"}


def _events() -> list[dict[str, object]]:
    out = []
    for f in sorted((ROOT / "eval" / "outside").glob("*.jsonl")):
        for line in f.read_text().splitlines():
            if line.strip():
                c = json.loads(line)
                out.append({"hook_event_name": "PreToolUse", "session_id": "t", "tool_name": c["tool_name"], "tool_input": c["tool_input"], "cwd": c["cwd"]})
    return out


def test_every_effect_rule_declares_its_kinds() -> None:
    registry = load()
    for rid in index().effect:
        kinds = registry[rid].effects
        assert kinds is None or (kinds and kinds <= {READ, WRITE, DELETE, TREE}), rid


def test_no_effect_rule_finds_anything_in_a_kind_it_did_not_declare() -> None:
    registry = load()
    rules = [registry[i] for i in index().effect if registry[i].effects is not None]
    seen: dict[str, int] = {}
    for ev in _events():
        action, ctx = parse_event(ev, dict(ENV))
        ctx.read_file = None
        sc = Scope(ctx)
        if action.kind == "shell":
            effects = analyse_shell(str(action.tool_input.get("command", "")), sc).effects
        else:
            effects = action_effects(action, sc)
        for e in effects:
            seen[e.kind] = seen.get(e.kind, 0) + 1
            for r in rules:
                if e.kind not in r.effects:  # type: ignore[operator]
                    assert r.check(e, sc) is None, (r.id, e, ev["tool_input"])
    assert all(seen.get(k, 0) > 100 for k in (READ, WRITE, DELETE)), seen
