#!/usr/bin/env python3
"""Score clearance on the code evaluation (eval/code/*.jsonl): code inside commands, and code run by convention.

usage: python eval/score_code.py [--json] [--show N] [--split dev|heldout|all] [FILES ...]

Each case runs in-process (adapter -> engine) with HOME=/home/dev, CLAUDE_PROJECT_DIR=/home/dev/project.  The files a
case names (``files``: absolute path -> text: the script ``python3 job.py`` runs, the conftest.py pytest will load,
the SQL file of ``psql -f``) are what Context.read_file returns; every other file reads as absent.

Metrics (overall, dev / held-out, per source, per language, per class) as in eval/score_outside.py:
  dangerous_allowed  % of dangerous cases answered allow (the headline miss rate)
  dangerous_asked    % of dangerous cases answered ask (softer than wanted; not a miss)
  ask_allowed        % of ask-labelled cases answered allow
  benign_denied      % of benign cases answered deny (false positive, costly)
  benign_asked       % of benign cases answered ask (friction)

The held-out 30 % is the same stable hash of the id as eval/outside (eval/outside/HELDOUT.md).
Informational: the exit status is 0 unless the script itself fails.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CODE = ROOT / "eval" / "code"
sys.path.insert(0, str(ROOT / "eval"))
from score_outside import ENV, is_heldout, metrics, table  # noqa: E402

Row = tuple[dict[str, Any], str]


def load(files: list[Path]) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for f in files:
        cases += [json.loads(line) for line in f.read_text().splitlines() if line.strip()]
    return cases


TIMES_MS: list[float] = []  # engine time per decided case (evaluate only), for the timing line


def decide_case(case: dict[str, Any]) -> str:
    """clearance's verdict on one case, its files served through Context.read_file."""
    sys.path.insert(0, str(ROOT / "src"))
    from clearance.adapters.claude import parse_event
    from clearance.engine import evaluate
    from clearance.policy import load_policy

    event = {"hook_event_name": "PreToolUse", "session_id": "code-eval", "tool_name": case["tool_name"], "tool_input": case["tool_input"], "cwd": case["cwd"]}
    files: dict[str, str] = case.get("files", {})
    try:
        action, ctx = parse_event(event, dict(ENV))
    except Exception:
        return "ask"  # the hook answers ask for an event it cannot read
    ctx.read_file = lambda p: files.get(os.path.normpath(p))
    ctx.realpath = None
    policy = load_policy(ctx.project_root, dict(ENV))
    t0 = time.perf_counter()
    decision = evaluate(action, ctx, policy).decision
    TIMES_MS.append((time.perf_counter() - t0) * 1000.0)
    return decision


def timing() -> dict[str, float]:
    if not TIMES_MS:
        return {}
    t = sorted(TIMES_MS)
    return {"median_ms": round(t[len(t) // 2], 3), "p99_ms": round(t[min(len(t) - 1, int(len(t) * 0.99))], 3), "max_ms": round(t[-1], 3)}


def run_clearance(cases: list[dict[str, Any]]) -> list[str]:
    return [decide_case(c) for c in cases]


def grouped(rows: list[Row], key: str) -> dict[str, dict[str, object]]:
    by: dict[str, list[Row]] = collections.defaultdict(list)
    for r in rows:
        by[str(r[0][key])].append(r)
    return {k: metrics(v) for k, v in sorted(by.items())}


def report_of(rows: list[Row]) -> dict[str, Any]:
    dev = [r for r in rows if not is_heldout(str(r[0]["id"]))]
    held = [r for r in rows if is_heldout(str(r[0]["id"]))]
    by_class: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for c, d in rows:
        if c["label"] != "benign":
            by_class[f"{c['label']}:{c['class']}"][d] += 1
    return {
        "overall": metrics(rows),
        "dev": metrics(dev),
        "heldout": metrics(held),
        "per_source": grouped(rows, "source"),
        "per_source_heldout": grouped(held, "source"),
        "per_language": grouped(rows, "language"),
        "per_class": {k: dict(v) for k, v in sorted(by_class.items())},
    }


def misses(rows: list[Row], split: str) -> list[Row]:
    shown = [r for r in rows if split == "all" or is_heldout(str(r[0]["id"])) == (split == "heldout")]
    return [r for r in shown if r[0]["label"] == "dangerous" and r[1] == "allow"] + [r for r in shown if r[0]["label"] == "benign" and r[1] == "deny"]


def one_line(c: dict[str, Any]) -> str:
    ti = c["tool_input"]
    text = ti.get("command") or f"{c['tool_name']} {ti.get('file_path')}"
    extra = f" [files: {', '.join(Path(p).name for p in c.get('files', {}))}]" if c.get("files") else ""
    return str(text).replace("\n", "\\n")[:160] + extra


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="list the first N misses (dangerous allowed, then benign denied)")
    ap.add_argument("--split", choices=("all", "dev", "heldout"), default="all", help="which cases to list with --show")
    a = ap.parse_args()
    cases = load(a.files or sorted(CODE.glob("*.jsonl")))
    rows = list(zip(cases, run_clearance(cases)))
    report = report_of(rows)
    report["engine_time"] = timing()
    worst = misses(rows, a.split)
    if a.json:
        report["worst"] = [{"id": c["id"], "label": c["label"], "class": c["class"], "decision": d, "case": one_line(c)} for c, d in worst[: a.show]]
        print(json.dumps(report, indent=1))
        return 0
    print(table("Code evaluation: overall", {"all": report["overall"], "dev": report["dev"], "heldout": report["heldout"]}))
    print()
    print(table("Per source", report["per_source"]))
    print()
    print(table("Per language", report["per_language"]))
    print()
    print("engine time per case (evaluate only, first run in this process):", report["engine_time"])
    print()
    print("## Per class (dangerous and ask cases: decisions)\n")
    for k, v in report["per_class"].items():
        print(f"- {k}: " + ", ".join(f"{d} {n}" for d, n in sorted(v.items())))
    if a.show:
        print(f"\n## Misses ({a.split}, first {a.show})\n")
        for c, d in worst[: a.show]:
            print(f"- [{c['label']}/{c['class']}/{c['language']}] {d}: `{one_line(c)}` ({c['id']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
