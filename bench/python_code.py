#!/usr/bin/env python3
"""Time of reading Python code: a project file run as `python3 tool.py` (scripts.py's path) and the analyser alone.

usage: python bench/python_code.py [--kb 64] [--repeat 20]

The file is built from ordinary script code (imports, functions, subprocess and file calls,
f-strings, pathlib) repeated up to the size asked for; the engine reads it through
Context.read_file as the hook does.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from clearance.adapters.claude import parse_event  # noqa: E402
from clearance.code import python  # noqa: E402
from clearance.engine import evaluate  # noqa: E402
from clearance.policy import load_policy  # noqa: E402

CHUNK = '''
import os, sys, json, shutil, subprocess
from pathlib import Path

BUILD_{n} = Path("build") / "out{n}"


def step_{n}(name: str, verbose: bool = False) -> dict:
    """Build one part and report."""
    target = BUILD_{n} / f"{{name}}.json"
    cmd = ["python3", "-m", "compileall", "-q", str(BUILD_{n})]
    if verbose:
        print(" ".join(cmd))
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    data = {{"name": name, "code": result.returncode, "out": result.stdout[-200:]}}
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w") as f:
        json.dump(data, f, indent=2)
    for old in sorted(BUILD_{n}.glob("*.tmp")):
        print("stale", old)
    return data
'''


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    parts: list[str] = []
    n = 0
    while sum(map(len, parts)) < a.kb * 1024 - 2000:
        parts.append(CHUNK.format(n=n))
        n += 1
    code = "".join(parts) + "\nif __name__ == '__main__':\n    step_0(sys.argv[1] if len(sys.argv) > 1 else 'all')\n"
    env = {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/webapp"}
    event = {
        "hook_event_name": "PreToolUse",
        "tool_name": "Bash",
        "tool_input": {"command": "python3 tools/build.py"},
        "cwd": "/home/ana/webapp",
        "session_id": "b",
    }
    files = {"/home/ana/webapp/tools/build.py": code}
    action, ctx = parse_event(event, env)
    ctx.read_file = files.get
    policy = load_policy(ctx.project_root, env)
    d = evaluate(action, ctx, policy)
    # Wall time and CPU time: on a shared machine the CPU time is the steadier of the two.
    engine: list[tuple[float, float]] = []
    alone: list[tuple[float, float]] = []
    facts = None
    for _ in range(a.repeat):
        for out, run in ((engine, lambda: evaluate(action, ctx, policy)), (alone, lambda: python.analyse(code))):
            w, c = time.perf_counter(), time.process_time()
            facts = run() if out is alone else (run(), facts)[1]
            out.append(((time.perf_counter() - w) * 1000, (time.process_time() - c) * 1000))
    print(f"{len(code)} characters of Python, {n} chunks; decision {d.decision} {d.rules}; parsed={facts is not None and facts.parsed}")
    for label, xs in (("python3 tools/build.py through the engine", engine), ("code.python.analyse alone", alone)):
        wall, cpu = statistics.median(x[0] for x in xs), statistics.median(x[1] for x in xs)
        print(f"{label:42} median {wall:6.1f} ms wall, {cpu:6.1f} ms CPU (max {max(x[0] for x in xs):.1f} ms wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
