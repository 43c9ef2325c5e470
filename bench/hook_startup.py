#!/usr/bin/env python3
"""Cold ``clearance hook`` process, start to answer, over N runs (default 60).

usage: python bench/hook_startup.py [--runs N] [--hook CMD] [--json]

Each run spawns a new process with a PreToolUse event on stdin and waits for
its answer, as Claude Code does for every tool call.  Prints min, p50, p90 and
p99 in milliseconds, and the same for a bare interpreter start for reference.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVENTS = [
    {"tool_name": "Bash", "tool_input": {"command": "git status && npm test -- --watch=false | tee out.log"}},
    {"tool_name": "Bash", "tool_input": {"command": "rm -rf ~/projects"}},
    {"tool_name": "Edit", "tool_input": {"file_path": "/home/ana/webapp/app/page.tsx", "old_string": "a", "new_string": "b"}},
]


def measure(cmd: list[str], payloads: list[bytes], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for i in range(runs):
        data = payloads[i % len(payloads)]
        t0 = time.perf_counter()
        p = subprocess.run(cmd, input=data, capture_output=True, env=env)
        times.append((time.perf_counter() - t0) * 1000.0)
        if p.returncode != 0:
            raise SystemExit(f"{cmd} failed: {p.stderr.decode()[:500]}")
    return times


RECORD_PROBE = r"""
import json, os, sys, time
from clearance.api import decide_event_full
event = json.loads(sys.argv[1])
d, ctx, policy = decide_event_full(event, os.environ)
t0 = time.perf_counter()
from clearance.audit import record
record(d, event, ctx, policy, os.environ)
sys.stdout.write(repr((time.perf_counter() - t0) * 1000.0))
"""


def measure_record(payloads: list[bytes], runs: int, env: dict[str, str]) -> list[float]:
    """In a fresh process each time, as the hook: the time of audit.record (store modules' import, open, key, record, close)."""
    times = []
    for i in range(runs):
        p = subprocess.run([sys.executable, "-c", RECORD_PROBE, payloads[i % len(payloads)].decode()], capture_output=True, env=env)
        if p.returncode != 0:
            raise SystemExit(f"record probe failed: {p.stderr.decode()[:500]}")
        times.append(float(p.stdout))
    return times


def summary(ts: list[float]) -> dict[str, float]:
    s = sorted(ts)
    q = statistics.quantiles(s, n=100)
    return {
        "runs": len(s),
        "min": round(s[0], 2),
        "p50": round(statistics.median(s), 2),
        "p90": round(q[89], 2),
        "p99": round(q[98], 2),
        "mean": round(statistics.fmean(s), 2),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=60)
    ap.add_argument("--hook", default=str(ROOT / ".venv" / "bin" / "clearance") + " hook")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--with-policy", action="store_true", help="load the example managed and user policies")
    ap.add_argument("--daemon", action="store_true", help="also measure with `clearance daemon` running (warm engine on a Unix socket)")
    ap.add_argument("--record", action="store_true", help="also measure the recording step alone (audit.record in a fresh process)")
    a = ap.parse_args()
    env = dict(os.environ, HOME="/home/ana", CLAUDE_PROJECT_DIR="/home/ana/webapp", CLEARANCE_MANAGED_POLICY="/nonexistent/managed.toml")
    env.pop("XDG_CONFIG_HOME", None)
    import tempfile

    # Every decision is recorded, as in real use, in a scratch audit store.
    scratch = tempfile.mkdtemp(prefix="clearance-bench-db-")
    env["CLEARANCE_DB"] = os.path.join(scratch, "clearance.db")
    env["XDG_STATE_HOME"] = os.path.join(scratch, "state")  # the audit key goes here too
    if a.with_policy:
        # The example managed and user policies, read through the policy cache as in real use.
        import tempfile

        tmp = tempfile.mkdtemp(prefix="clearance-bench-")
        env["CLEARANCE_MANAGED_POLICY"] = str(ROOT / "examples" / "policies" / "managed.toml")
        env["CLEARANCE_USER_POLICY"] = str(ROOT / "examples" / "policies" / "user.toml")
        env["XDG_CACHE_HOME"] = tmp
        # The cache key lives in the state directory (seal.py); without one nothing is cached.
        env["XDG_STATE_HOME"] = os.path.join(tmp, "state")
    payloads = []
    for ev in EVENTS:
        full = {"session_id": "bench", "cwd": "/home/ana/webapp", "hook_event_name": "PreToolUse", "permission_mode": "default", **ev}
        payloads.append(json.dumps(full).encode())
    hook = shlex.split(a.hook)
    measure(hook, payloads, 3, env)  # warm the page cache
    py = [str(Path(hook[0]).parent / "python"), "-c", "pass"] if Path(hook[0]).parent.joinpath("python").exists() else [sys.executable, "-c", "pass"]
    env["CLEARANCE_NO_DAEMON"] = "1"
    res = {"hook": summary(measure(hook, payloads, a.runs, env)), "python_floor": summary(measure(py, [b""], a.runs, env))}
    if a.record:
        res["record"] = summary(measure_record(payloads, a.runs, env))
    if a.daemon:
        import tempfile

        sock = os.path.join(tempfile.mkdtemp(prefix="clearance-daemon-"), "d.sock")
        denv = dict(env, CLEARANCE_DAEMON_SOCKET=sock, XDG_STATE_HOME=os.path.dirname(sock))  # the daemon's key, in scratch space
        denv.pop("CLEARANCE_NO_DAEMON")
        proc = subprocess.Popen([hook[0], "daemon", "--socket", sock], env=denv, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                if os.path.exists(sock):
                    break
                time.sleep(0.05)
            measure(hook, payloads, 3, denv)
            res["hook_with_daemon"] = summary(measure(hook, payloads, a.runs, denv))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    if a.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:13s} runs={v['runs']}  min={v['min']:.1f} ms  p50={v['p50']:.1f} ms  p90={v['p90']:.1f} ms  p99={v['p99']:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
