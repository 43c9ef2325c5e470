#!/usr/bin/env python3
"""Bytes per recorded decision in the SQLite audit store, and where they go.

usage: python bench/audit_size.py [--decisions N] [--sessions S] [--writes F] [--content-chars C] [--json]

Decides the development corpus (../shared/corpus/actions.jsonl) cycled to N
events over S sessions, records each decision through one open store (as
``clearance decide --stateful`` does), checkpoints the WAL and reports the file
size per decision, the average stored length of each column, and (where SQLite
has the dbstat table) the bytes per decision of the table and of each index.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.decide_stateful import events  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--decisions", type=int, default=20_000)
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--writes", type=float, default=0.0, help="share of events that are Write calls carrying a file of 0.8-15 k characters")
    ap.add_argument("--content-chars", type=int, default=None, help="[audit] max_content_chars (default: clearance's own)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    from clearance.api import decide_event_full
    from clearance.audit import make_record
    from clearance.store import open_store

    tmp = tempfile.mkdtemp(prefix="clearance-bench-size-")
    env = {"HOME": "/home/ana", "XDG_STATE_HOME": tmp, "CLEARANCE_MANAGED_POLICY": "/nonexistent/managed.toml"}
    os.environ.update(env)
    db = os.path.join(tmp, "size.db")
    store = open_store(db)
    evs = events(a.decisions, a.sessions, a.writes)
    decided = [decide_event_full(e, env) for e in evs[: min(len(evs), 2000)]]  # deciding is not what is measured
    kw = {"content_chars": a.content_chars} if a.content_chars is not None else {}
    t0 = time.perf_counter()
    for i, e in enumerate(evs):
        d, ctx, _ = decided[i % len(decided)]
        store.record(make_record(d, e, ctx, False, False, **kw), (3, 20), False)
    record_s = time.perf_counter() - t0
    store.close()
    c = sqlite3.connect(db)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = os.path.getsize(db)
    n = a.decisions
    cols = [r[1] for r in c.execute("PRAGMA table_info(decisions)")]
    avg = {col: round(c.execute(f"SELECT AVG(LENGTH(CAST({col} AS BLOB))) FROM decisions").fetchone()[0] or 0, 1) for col in cols}
    objects: dict[str, float] = {}
    try:
        for name, pages in c.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"):
            objects[name] = round(pages / n, 1)
    except sqlite3.OperationalError:
        pass  # SQLite built without dbstat
    res = {
        "decisions": n,
        "file_bytes": size,
        "bytes_per_decision": round(size / n, 1),
        "mb_per_million": round(size / n * 1e6 / 1e6, 1),
        "record_ms_each": round(record_s / n * 1000, 3),
        "avg_column_bytes": avg,
        "object_bytes_per_decision": objects,
    }
    if a.json:
        print(json.dumps(res))
    else:
        print(
            f"{n} decisions: {size} bytes = {res['bytes_per_decision']} bytes/decision ({res['mb_per_million']} MB per million); record {res['record_ms_each']} ms each"
        )
        print("average stored bytes per column: " + ", ".join(f"{k}={v}" for k, v in sorted(avg.items(), key=lambda kv: -kv[1])))
        if objects:
            print("bytes per decision by table/index: " + ", ".join(f"{k}={v}" for k, v in objects.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
