#!/usr/bin/env python3
"""``clearance decide --stateful``: events per second, recording every decision in a scratch SQLite store.

usage: python bench/decide_stateful.py [--events N] [--sessions S] [--json]

The events are the development corpus (../shared/corpus/actions.jsonl, else a
built-in mix) cycled to N lines, spread over S sessions.  The command runs once
as a subprocess, as a batch job would; the time includes start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("CLEARANCE_BENCH_CORPUS") or ROOT.parent / "shared" / "corpus" / "actions.jsonl")
FALLBACK = [
    {"tool_name": "Bash", "tool_input": {"command": "git status && npm test"}},
    {"tool_name": "Bash", "tool_input": {"command": "rm -rf ~/projects"}},
    {"tool_name": "Edit", "tool_input": {"file_path": "/home/ana/webapp/app/page.tsx", "old_string": "a", "new_string": "b"}},
]


SIZES = (800, 2500, 6000, 15000)  # characters of the files a Write event carries


def source_text(chars: int, seed: int) -> str:
    """Code-like text of about *chars* characters (distinct per seed, so nothing compresses by accident)."""
    lines = []
    i = 0
    while sum(len(x) + 1 for x in lines) < chars:
        lines.append(f"    result_{seed}_{i} = compute(value_{i % 7}, options={{'retry': {i % 5}, 'name': 'item-{seed}-{i}'}})")
        i += 1
    return "\n".join(lines)[:chars]


def events(n: int, sessions: int, writes: float = 0.0) -> list[dict[str, object]]:
    """The corpus cycled to *n* events; with *writes*, that share of them are Write calls carrying a file (SIZES)."""
    base: list[dict[str, object]] = []
    if CORPUS.exists():
        base = [json.loads(x) for x in CORPUS.read_text().splitlines() if x.strip()]
    base = base or [dict(e) for e in FALLBACK]
    out = []
    for i in range(n):
        e = dict(base[i % len(base)])
        for k in ("label", "category"):
            e.pop(k, None)
        e.update({"id": f"e{i}", "session_id": f"bench-{i % sessions}", "cwd": "/home/ana/webapp", "hook_event_name": "PreToolUse"})
        if writes and int((i + 1) * writes) != int(i * writes):
            size = SIZES[i % len(SIZES)]
            e.update({"tool_name": "Write", "tool_input": {"file_path": f"/home/ana/webapp/src/mod_{i}.py", "content": source_text(size, i)}})
        out.append(e)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=3000)
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="clearance-bench-decide-")
    feed = "".join(json.dumps(e) + "\n" for e in events(a.events, a.sessions)).encode()
    env = dict(os.environ, HOME="/home/ana", XDG_STATE_HOME=tmp, CLEARANCE_MANAGED_POLICY="/nonexistent/managed.toml", CLEARANCE_HEADLESS="0")
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    db = os.path.join(tmp, "bench.db")
    res: dict[str, object] = {"events": a.events}
    for mode, extra in (("stateless", []), ("stateful", ["--stateful", "--db", db])):
        t0 = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "clearance", "decide", *extra], input=feed, capture_output=True, env=env)
        dt = time.perf_counter() - t0
        if p.returncode != 0 or b"could not record" in p.stderr:
            raise SystemExit(f"decide {mode} failed: {p.stderr.decode()[:500]}")
        lines = p.stdout.decode().splitlines()
        assert len(lines) == a.events, (mode, len(lines))
        res[mode] = {"seconds": round(dt, 3), "events_per_s": round(a.events / dt, 1)}
    if a.json:
        print(json.dumps(res))
    else:
        for mode in ("stateless", "stateful"):
            r = res[mode]
            assert isinstance(r, dict)
            print(f"{mode:9s} {a.events} events in {r['seconds']:.2f} s = {r['events_per_s']:.0f} events/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
