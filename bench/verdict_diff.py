#!/usr/bin/env python3
"""Every decision (verdict, rule ids, reason) over the corpora, recorded or compared with an earlier record.

usage: python bench/verdict_diff.py --record FILE [CORPUS ...]   write one JSON line per case
       python bench/verdict_diff.py --check FILE [CORPUS ...]    decide again and list every difference (exit 1)

CORPUS: JSONL files or globs (default: the shared corpus, eval/outside, eval/code, eval/sessions/public.jsonl).
Each case is decided twice: as its scoring script decides it, and with the real file system (see bench/corpora.py).
A speed change must leave the record unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys

from corpora import ALL, cases


def decisions(patterns: list[str]) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for local in (False, True):
        for c in cases(patterns, local=local):
            d = c.decide()
            key = f"{'local' if local else 'eval'}|{c.key}"
            out[key] = {"k": key, "decision": d.decision, "rules": list(d.rules), "reason": d.reason, "defer": bool(getattr(d, "defer", False))}
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="*", default=ALL)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--record")
    g.add_argument("--check")
    a = ap.parse_args()
    now = decisions(a.corpus)
    if a.record:
        with open(a.record, "w", encoding="utf-8") as fh:
            for rec in now.values():
                fh.write(json.dumps(rec) + "\n")
        print(f"recorded {len(now)} decisions in {a.record}")
        return 0
    with open(a.check, encoding="utf-8") as fh:
        before = {r["k"]: r for r in map(json.loads, fh) if r}
    diffs = 0
    for k in sorted(set(before) | set(now)):
        b, n = before.get(k), now.get(k)
        if b != n:
            diffs += 1
            if diffs <= 30:
                print(f"DIFF {k}\n  before: {json.dumps(b)[:300]}\n  now:    {json.dumps(n)[:300]}")
    print(f"{len(now)} decisions, {diffs} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
