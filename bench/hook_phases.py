#!/usr/bin/env python3
"""Where a cold ``clearance hook`` spends its time, phase by phase, in fresh ``python -I -S`` processes.

usage: python bench/hook_phases.py [--src DIR ...] [--runs N] [--command CMD]

Each run starts an interpreter as the installed hook does and times, with the process's CPU
clock (steadier than wall time on a shared machine), the steps of one decision: the hook's
first imports, the decision path's imports (adapters, engine, parser, paths), the policy, the
rule index, evaluating (with the rule packs the call needs), and recording it.  Several
``--src`` folders (e.g. this tree's src/ and a ``git archive`` of main) are run interleaved.
Prints the median of each phase, and the rule packs the call imported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import sys, time
src, ev, site = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path[:0] = [src, site]
clock = time.process_time
marks = [("start", clock())]
def mark(name):
    marks.append((name, clock()))
import posix
from clearance import jsonlite as json
from clearance.hook import Options
mark("hook's first imports")
from clearance.api import decide_event_full
mark("decision path imports (adapters, engine, parser, paths, re)")
env = {k.decode(): v.decode() for k, v in posix.environ.items()}
event = json.loads(ev)
event["agent"] = "claude"
from clearance.adapters.claude import parse_event
from clearance.policy import load_policy
action, ctx = parse_event(event, env)
policy = load_policy(ctx.project_root, env)
mark("context and policy")
from clearance.engine import evaluate
import clearance.rules as rules
if hasattr(rules, "index"):
    rules.index()
mark("rule index")
decision = evaluate(action, ctx, policy)
mark("evaluate (rule packs it needs, tree-sitter, rules)")
from clearance.audit import record
decision = record(decision, event, ctx, policy, env)
mark("audit record")
out = {name: (t - marks[i][1]) * 1000.0 for i, (name, t) in enumerate(marks[1:])}
out["total in-process"] = (marks[-1][1] - marks[0][1]) * 1000.0
print(json.dumps({"phases": out, "decision": decision.decision, "sqlite3": "sqlite3" in sys.modules,
                  "packs": sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("clearance.rules."))}))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", action="append", help="a clearance src/ folder (repeatable; default: this tree's)")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--command", default="git status && npm test -- --watch=false | tee out.log")
    a = ap.parse_args()
    srcs = a.src or [str(ROOT / "src")]
    site = next(p for p in sys.path if p.endswith("site-packages"))
    event = json.dumps(
        {"session_id": "phases", "cwd": "/home/ana/webapp", "hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": a.command}}
    )
    scratch = Path(tempfile.mkdtemp(prefix="clearance-phases-"))
    results: dict[str, list[dict[str, object]]] = {s: [] for s in srcs}
    for s in srcs:  # as installed: byte-compiled
        subprocess.run([sys.executable, "-m", "compileall", "-q", s], check=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE=""), stdout=subprocess.DEVNULL)
    for r in range(a.runs + 2):
        for i, s in enumerate(srcs):
            d = scratch / str(i)
            env = dict(
                os.environ,
                HOME="/home/ana",
                CLAUDE_PROJECT_DIR="/home/ana/webapp",
                CLEARANCE_MANAGED_POLICY="/nonexistent/managed.toml",
                CLEARANCE_DB=str(d / "audit.db"),
                XDG_STATE_HOME=str(d / "state"),
                XDG_CACHE_HOME=str(d / "cache"),
                XDG_CONFIG_HOME=str(d / "config"),
            )
            p = subprocess.run([sys.executable, "-I", "-S", "-c", PROBE, s, event, site], capture_output=True, text=True, env=env, check=True)
            if r >= 2:  # two warm-up runs: the caches (policy, rule index) exist, as after the first call
                results[s].append(json.loads(p.stdout.strip().splitlines()[-1]))
    for s, runs in results.items():
        print(f"== {s}: CPU ms, median of {len(runs)} runs ({a.command!r})")
        for name in runs[0]["phases"]:  # type: ignore[union-attr]
            print(f"{statistics.median(float(x['phases'][name]) for x in runs):8.2f}  {name}")  # type: ignore[index]
        last = runs[-1]
        print(f"   decision {last['decision']}; sqlite3 imported: {last['sqlite3']}; rule packs: {', '.join(last['packs'])}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
