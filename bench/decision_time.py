#!/usr/bin/env python3
"""Per-decision time of the engine over one or more corpora (in-process, warm).

usage: python bench/decision_time.py [CORPUS ...] [--repeat N] [--cpu] [--json] [--all]

CORPUS: JSONL files or globs (default: the shared corpus).  ``--all``: the shared corpus, eval/outside/*.jsonl,
eval/code/*.jsonl and eval/sessions/public.jsonl.  Each case is decided as its scoring script decides it
(bench/corpora.py), --repeat times (default 20); the script prints the median, p90 and p99 of the per-decision time
for each corpus file and overall, and the slowest events.  ``--cpu`` times with the process's CPU clock
(time.process_time: steadier on a shared machine, where other processes take turns on the cores) instead of the
wall clock.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from corpora import ALL, SHARED, cases


def summary(samples: list[float], n_events: int) -> dict[str, float | int]:
    q = statistics.quantiles(samples, n=100) if len(samples) > 1 else [samples[0]] * 99
    return {
        "events": n_events,
        "decisions": len(samples),
        "median_ms": round(statistics.median(samples), 4),
        "p90_ms": round(q[89], 4),
        "p99_ms": round(q[98], 4),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="*")
    ap.add_argument("--all", action="store_true", help="every corpus: " + " ".join(ALL))
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--cpu", action="store_true", help="CPU time of the process instead of wall time")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    todo = cases(ALL if a.all else (a.corpus or [str(SHARED)]))
    clock = time.process_time if a.cpu else time.perf_counter
    for c in todo:  # warm-up: loads the parser and the rules
        c.decide()
    per_event: list[tuple[float, str, str]] = []
    by_corpus: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for c in todo:
        ts = []
        for _ in range(a.repeat):
            t0 = clock()
            c.decide()
            ts.append((clock() - t0) * 1000.0)
        by_corpus.setdefault(c.corpus, []).extend(ts)
        counts[c.corpus] = counts.get(c.corpus, 0) + 1
        per_event.append((statistics.median(ts), c.corpus, c.what))
    res: dict[str, object] = {name: summary(s, counts[name]) for name, s in by_corpus.items()}
    everything = [t for s in by_corpus.values() for t in s]
    overall = summary(everything, len(todo))
    res["overall"] = overall
    if a.json:
        print(json.dumps(res if len(by_corpus) > 1 else overall))
        return 0
    clock_name = "CPU" if a.cpu else "wall"
    for name, r in res.items():
        assert isinstance(r, dict)
        print(
            f"{name:24s} {r['events']:5d} events x {a.repeat}: median {r['median_ms']:.3f} ms, p90 {r['p90_ms']:.3f} ms, p99 {r['p99_ms']:.3f} ms ({clock_name})"
        )
    print("slowest events (median ms):")
    for t, corpus, what in sorted(per_event, reverse=True)[:5]:
        print(f"  {t:7.3f}  {corpus}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
