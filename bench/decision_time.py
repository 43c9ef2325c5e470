#!/usr/bin/env python3
"""Per-decision time of the engine over a corpus (in-process, warm).

usage: python bench/decision_time.py [CORPUS.jsonl] [--repeat N] [--json]

Every event is decided --repeat times (default 20); the script prints the
median, p90 and p99 of the per-decision time and the slowest events.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from clearance.api import decide_event  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "actions.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    events = [json.loads(line) for line in Path(a.corpus).read_text().splitlines() if line.strip()]
    env = {"HOME": "/home/ana", "USER": "ana"}
    for ev in events:  # warm-up: loads the parser and the rules
        decide_event(ev, env)
    per_event: list[tuple[float, str]] = []
    samples: list[float] = []
    for ev in events:
        ts = []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            decide_event(ev, env)
            ts.append((time.perf_counter() - t0) * 1000.0)
        samples.extend(ts)
        per_event.append((statistics.median(ts), json.dumps(ev.get("tool_input"))[:80]))
    q = statistics.quantiles(samples, n=100)
    res = {
        "events": len(events),
        "decisions": len(samples),
        "median_ms": round(statistics.median(samples), 4),
        "p90_ms": round(q[89], 4),
        "p99_ms": round(q[98], 4),
    }
    if a.json:
        print(json.dumps(res))
        return 0
    print(f"{res['events']} events x {a.repeat}: median {res['median_ms']:.3f} ms, p90 {res['p90_ms']:.3f} ms, p99 {res['p99_ms']:.3f} ms per decision")
    print("slowest events (median ms):")
    for t, what in sorted(per_event, reverse=True)[:5]:
        print(f"  {t:7.3f}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
