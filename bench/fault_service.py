"""Fault behaviour of ``clearance serve``: the database goes away (PostgreSQL stopped and started again, or an
SQLite store locked) while agents keep calling; measures answer times, status codes and decisions during and
after the fault, when /healthz recovers, and whether every decision reached the audit trail.

usage: python bench/fault_service.py [--store postgres|sqlite] [--outage 5] [--threads 4] [--json]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
PW = "correct horse battery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(db: str, fault_on: Callable[[], None], fault_off: Callable[[], None], outage_s: float, threads: int, home: str) -> dict[str, Any]:
    from clearance.server.service import Service

    svc = Service(db, spool=os.path.join(home, "setup-spool.jsonl"))
    svc.add_user("alice", PW, "admin")
    token = svc.create_token("bench", "alice")
    svc.store.close()
    port = _free_port()
    env = dict(os.environ, HOME=home, PYTHONPATH=os.path.join(os.path.dirname(__file__), "..", "src"))
    proc = subprocess.Popen([sys.executable, "-m", "clearance", "serve", "--db", db, "--port", str(port)], env=env, stderr=subprocess.PIPE)
    phase = ["before"]
    results: list[tuple[str, float, int, str]] = []
    stop = threading.Event()

    def get(path: str) -> int:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            c.request("GET", path)
            return c.getresponse().status
        finally:
            c.close()

    for _ in range(200):
        try:
            if get("/healthz") == 200:
                break
        except OSError:
            time.sleep(0.05)

    def client(n: int) -> None:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = 0
        while not stop.is_set():
            i += 1
            cmd = "rm -rf ~" if i % 5 == 0 else f"ls -la src/{n}/{i}"
            ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": cmd}, "cwd": "/home/ana/w", "session_id": f"b{n}"}
            t0 = time.perf_counter()
            try:
                c.request("POST", "/v1/hook", body=json.dumps(ev), headers={"authorization": f"Bearer {token}", "content-type": "application/json"})
                r = c.getresponse()
                body = r.read()
                took = time.perf_counter() - t0
                dec = json.loads(body)["hookSpecificOutput"]["permissionDecision"] if r.status == 200 else "-"
                results.append((phase[0], took, r.status, dec))
            except (OSError, ValueError, http.client.HTTPException):
                results.append((phase[0], time.perf_counter() - t0, 0, "-"))
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            time.sleep(0.005)

    workers = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    time.sleep(2)
    phase[0] = "outage"
    fault_on()
    time.sleep(min(3.0, outage_s / 2))  # the first call that meets the fault opens the breaker within the 2 s budget
    health_during = get("/healthz")
    time.sleep(outage_s - min(3.0, outage_s / 2))
    phase[0] = "after"
    t_back = time.perf_counter()
    fault_off()
    healthy_after = None
    while time.perf_counter() - t_back < 30:
        if get("/healthz") == 200:
            healthy_after = time.perf_counter() - t_back
            break
        time.sleep(0.05)
    time.sleep(2)
    stop.set()
    for w in workers:
        w.join()
    time.sleep(1.5)  # the last spooled decisions are replayed
    proc.terminate()
    proc.wait(10)
    svc = Service(db, spool=os.path.join(home, "setup-spool.jsonl"))
    row = svc.store.fetchone("SELECT COUNT(*) FROM decisions")
    recorded = int(row[0]) if row else 0
    import glob

    left = 0
    for path in glob.glob(os.path.join(home, ".local", "state", "clearance", "serve-spool-*")):
        with open(path, "rb") as f:
            left += sum(1 for _ in f)
    out: dict[str, Any] = {
        "healthz_during_outage": health_during,
        "healthz_200_after_s": healthy_after,
        "requests": len(results),
        "recorded": recorded,
        "still_spooled": left,
    }
    for ph in ("before", "outage", "after"):
        rs = [r for r in results if r[0] == ph]
        times = sorted(r[1] for r in rs)
        statuses: dict[str, int] = {}
        decisions: dict[str, int] = {}
        for r in rs:
            statuses[str(r[2])] = statuses.get(str(r[2]), 0) + 1
            decisions[r[3]] = decisions.get(r[3], 0) + 1
        out[ph] = {
            "requests": len(rs),
            "status": statuses,
            "decisions": decisions,
            "p50_ms": round(times[len(times) // 2] * 1000, 1) if times else None,
            "p99_ms": round(times[int(len(times) * 0.99)] * 1000, 1) if times else None,
            "max_ms": round(times[-1] * 1000, 1) if times else None,
        }
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", choices=["postgres", "sqlite"], default="postgres")
    ap.add_argument("--outage", type=float, default=5.0)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    home = tempfile.mkdtemp(prefix="clearance-fault-")
    if a.store == "postgres":
        from tests.pgserver import postgres_control, unavailable_reason

        why = unavailable_reason()
        if why:
            print(why, file=sys.stderr)
            return 2
        ctx: AbstractContextManager[Any] = postgres_control()
    else:
        ctx = nullcontext(None)
    with ctx as server:
        if server is not None:
            out = run(server.url, server.stop, server.start, a.outage, a.threads, home)
        else:
            db = os.path.join(home, "team.db")
            locker: list[sqlite3.Connection] = []

            def lock() -> None:
                c = sqlite3.connect(db, isolation_level=None)
                c.execute("BEGIN EXCLUSIVE")
                locker.append(c)

            def unlock() -> None:
                locker[0].execute("ROLLBACK")
                locker[0].close()

            out = run(db, lock, unlock, a.outage, a.threads, home)
    out["store"] = a.store
    print(json.dumps(out, indent=None if a.json else 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
