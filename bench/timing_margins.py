#!/usr/bin/env python3
"""How close each timing bound of the test suite is to failing (informational; not run in CI).

usage: python bench/timing_margins.py [--regex] [--tests] [--scale K ...] [--top N] [--only TEXT ...] [--own] [-k EXPR]

CI runs the suite on a shared 2-core machine, where a case measured at 90% of its bound on an idle one fails.  Two
tables, worst first:

--regex   every compiled pattern of the package (tests/test_regex_bounds.py's collector) over every input shape that
          test uses (and, with --own, the pattern's own shapes, screened on a tenth of the size as that test does): each
          pattern's worst CPU time (least of three) against its bound, LIMIT_MS plus the per-match allowance of finditer.
--tests   each timed test (the modules that read process_time, thread_time or perf_counter) run with the clock the test
          reads multiplied by K (only the test module's own `time`; the engine's deadlines are untouched): a test that
          passes at K measured every case under 1/K of its bound.  The default scales 1.33 and 2 bucket each test as
          over 75%, 50-75% or under 50% of its bound.

Without --regex or --tests both run.  Run it on an idle machine: CPU time leaves out other processes but not the
cache and memory traffic they cause.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# The test modules whose assertions bound a measured time (server, daemon and subprocess tests wait on wall-clock
# deadlines and are left out: scaling their clock measures nothing about the code).
TIMED = (
    "test_regex_bounds",
    "test_quoted_linear",
    "test_net_command",
    "test_near",
    "test_glob_bounds",
    "test_prefilter",
    "test_caesar_scan",
    "test_worst16",
    "test_repeat_linear16",
    "test_scan_linear16",
    "test_adversarial_time16b",
    "test_adversarial_time16c",
    "test_adversarial_perf",
    "test_precheck",
    "test_probe_prechecks",
    "test_interp_prechecks",
    "test_awk_literals",
    "test_code_sql",
    "test_adversarial_sql",
    "test_code_tree",
    "test_fuzz",
    "test_probe",
    "test_secrets_content",
    "test_firststart",
)
_SCALED = ("process_time", "thread_time", "perf_counter")
# Tests whose timed span is a wait (a lock held by another process, a sleep): scaling their clock measures no code.
_WAITS = ("test_a_held_spool_lock",)

# The pytest plugin a --tests run loads (written to a temporary file: -p needs an importable module).
_PLUGIN = f"""
import os, time, types

K = float(os.environ["TIMING_MARGINS_K"])


class _Scaled(types.ModuleType):
    def __getattr__(self, name):
        real = getattr(time, name)
        if name in {set(_SCALED)!r}:
            return lambda: real() * K
        return real


def pytest_collection_modifyitems(items):
    proxy = _Scaled("time")
    for item in items:
        mod = getattr(item, "module", None)
        if mod is not None and getattr(mod, "time", None) is time:
            mod.time = proxy
"""


def run_tests(scales: list[float], only: list[str], select: str = "") -> list[tuple[float, str, str]]:
    """Each timed test's bucket: (the least share of its bound it is known to exceed, test id, note)."""
    files = [f"tests/{m}.py" for m in TIMED if not only or any(o in m for o in only)]
    passed_at: dict[str, float] = {}
    failed_at: dict[str, tuple[float, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "timing_margins_plugin.py").write_text(_PLUGIN)
        for k in sorted(scales):
            env = {**os.environ, "TIMING_MARGINS_K": str(k), "PYTHONPATH": f"{tmp}{os.pathsep}{ROOT / 'src'}", "CI": "true"}
            pick = ["-k", select] if select else []
            cmd = [sys.executable, "-m", "pytest", "-q", "-p", "timing_margins_plugin", "-p", "no:cacheprovider", "-rfEp", "--tb=no", *pick, *files]
            t0 = time.perf_counter()
            proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
            _parse_summary(proc.stdout, k, passed_at, failed_at)
            if proc.returncode not in (0, 1):
                sys.exit(f"pytest ended with {proc.returncode}:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
            print(f"  scale {k}: {time.perf_counter() - t0:.0f} s, {sum(1 for v in failed_at.values() if v[0] == k)} failing", file=sys.stderr)
    rows = []
    for test in sorted(set(passed_at) | set(failed_at)):
        if any(w in test for w in _WAITS):
            continue
        if test in failed_at:
            k, note = failed_at[test]
            rows.append((1.0 / k, test, f"fails with the clock x{k}: over {100 / k:.0f}% of its bound  {note}"))
        else:
            k = passed_at[test]
            rows.append((0.0, test, f"passes with the clock x{k}: under {100 / k:.0f}%"))
    return sorted(rows, reverse=True)


def _parse_summary(out: str, k: float, passed_at: dict[str, Any], failed_at: dict[str, Any]) -> None:
    for line in out.splitlines():
        m = re.match(r"^FAILED (tests/\S+?)(?: - (.*))?$", line)
        if m and m.group(1) not in failed_at:
            failed_at[m.group(1)] = (k, (m.group(2) or "")[:100])
    for line in out.splitlines():
        m = re.match(r"^PASSED (tests/\S+)", line)
        if m and m.group(1) not in failed_at:
            passed_at[m.group(1)] = max(k, passed_at.get(m.group(1), 0.0))


def run_regex(only: list[str], own: bool) -> list[tuple[float, str, str]]:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    import gc

    from tests import test_regex_bounds as rb

    pats = rb.collect()
    shapes = rb.inputs()
    gc.collect()
    gc.disable()
    rows = []
    for where, p in pats.items():
        if only and not any(o in where for o in only):
            continue
        cases = dict(rb.shapes_for(p, shapes))
        if own:
            tenth = rb.SIZE // 10
            screened = sorted(((rb._time(rb._search, p, rb._own_text(u, h, tenth)), s, u, h) for s, (u, h) in rb.own_units(p).items()), reverse=True)
            for _, s, u, h in screened[:3]:
                cases[f"own {s}"] = rb._own_text(u, h, rb.SIZE)
        worst = (0.0, "", 0.0, 0.0)
        for shape, text in cases.items():
            ops = [rb._search] + ([rb._finditer] if p.search(text[:1000]) is not None else [])
            for op in ops:
                t = min(rb._time(op, p, text) for _ in range(3))
                bound = rb.LIMIT_MS + (rb.PER_MATCH_MS * sum(1 for _ in p.finditer(text)) if op is rb._finditer else 0.0)
                if t / bound > worst[0]:
                    worst = (t / bound, f"{op.__name__[1:]} on {shape}", t, bound)
        rows.append((worst[0], where, f"{worst[2]:.1f} ms / {worst[3]:.1f} ms  {worst[1]}  /{p.pattern[:50]}/"))
    gc.enable()
    return sorted(rows, reverse=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--regex", action="store_true")
    ap.add_argument("--tests", action="store_true")
    ap.add_argument("--own", action="store_true", help="also each pattern's own shapes (slower)")
    ap.add_argument("--scale", type=float, nargs="*", default=[1.33, 2.0])
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("-k", dest="select", default="", help="--tests: only the tests pytest -k selects")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    both = not a.regex and not a.tests
    out: dict[str, list[tuple[float, str, str]]] = {}
    if a.regex or both:
        out["regex"] = run_regex(a.only, a.own)
    if a.tests or both:
        out["tests"] = run_tests(a.scale, a.only, a.select)
    if a.json:
        print(json.dumps(out, indent=1))
        return
    for name, rows in out.items():
        print(f"\n== {name}: worst {a.top} of {len(rows)} (measured / bound)")
        for ratio, what, note in rows[: a.top]:
            print(f"{ratio:6.0%}  {what[:70]:70}  {note}")


if __name__ == "__main__":
    main()
