#!/usr/bin/env python3
"""Per-decision latency of every way to run clearance, this tree against a base revision, in ONE run.

usage: python bench/compare.py [--base REV] [--rounds N] [--json] [--no-base] [--no-ccsn]

Versions: ``this`` (this tree's src/) and ``base`` (REV, default ``main``, extracted with
``git archive`` into a temporary folder and run with PYTHONPATH pointing at its src/ -- the
same interpreter and dependencies, so only the code differs; both byte-compiled first, as an
installation is), and cc-safety-net when its
``cc-safety-net`` command is installed (``npm install -g cc-safety-net``).

Paths, each measured as the agent sees it (spawn, event on stdin, answer on stdout):
  floor     ``python -I -S -c pass`` of the same interpreter (the least a Python hook can cost)
  cold      ``clearance hook``, deciding in-process (audit record in a scratch SQLite file), run
            as installed: ``python -I -S .../hookrun.py hook`` where the tree has it (with the hot
            path's bundle where the tree builds one), else as the console script does
            (``python <launcher> hook``; also shown for this tree)
  daemon    ``clearance hook`` with ``clearance daemon`` running
  thin      ``clearance hook`` as a thin client of ``clearance serve`` (CLEARANCE_SERVER)
  http      one ``POST /v1/hook`` on a kept-alive connection (Claude Code's ``type: "http"`` hook)
  ccsn      ``cc-safety-net hook --claude-code``
Rounds are interleaved (every path and version once per round, cycling three events) so that
load from other processes spreads evenly.  Informational: it checks answers, not thresholds.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVENTS = [
    {"tool_name": "Bash", "tool_input": {"command": "git status && npm test -- --watch=false | tee out.log"}},
    {"tool_name": "Bash", "tool_input": {"command": "rm -rf ~/projects"}},
    {"tool_name": "Edit", "tool_input": {"file_path": "/home/ana/webapp/app/page.tsx", "old_string": "a", "new_string": "b"}},
]
EXPECT = ["allow", "deny", "allow"]
ADMIN_PW = "bench-admin-password-1"
LAUNCHER = "import sys\ntry:\n    from clearance.entry import main\nexcept ImportError:\n    from clearance.cli import main\nsys.exit(main())\n"


def payloads(session: str = "bench") -> list[bytes]:
    """The events of one round, in a session of their own (escalation turns a session's 4th denial into ask)."""
    out = []
    for ev in EVENTS:
        full = {"session_id": session, "cwd": "/home/ana/webapp", "hook_event_name": "PreToolUse", "permission_mode": "default", **ev}
        out.append(json.dumps(full).encode())
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _decision(stdout: bytes) -> str:
    try:
        return str(json.loads(stdout)["hookSpecificOutput"]["permissionDecision"])
    except (ValueError, KeyError, TypeError):
        return "?"


class Version:
    """One clearance source tree, run by this interpreter with PYTHONPATH=<src>."""

    def __init__(self, name: str, src: Path, scratch: Path) -> None:
        self.name = name
        self.src = src
        self.dir = scratch / name
        self.dir.mkdir(parents=True)
        self.launcher = self.dir / "clearance_launcher.py"
        self.launcher.write_text(LAUNCHER)
        self.env = dict(
            os.environ,
            PYTHONPATH=str(src),
            HOME="/home/ana",
            CLAUDE_PROJECT_DIR="/home/ana/webapp",
            CLEARANCE_MANAGED_POLICY="/nonexistent/managed.toml",
            CLEARANCE_DB=str(self.dir / "audit.db"),
            XDG_STATE_HOME=str(self.dir / "state"),
            XDG_CACHE_HOME=str(self.dir / "cache"),
            XDG_CONFIG_HOME=str(self.dir / "config"),
            CLEARANCE_DAEMON_SOCKET=str(self.dir / "run" / "d.sock"),
            CLEARANCE_NO_DAEMON="1",
        )
        for k in ("CLEARANCE_SERVER", "CLEARANCE_TOKEN", "XDG_RUNTIME_DIR"):
            self.env.pop(k, None)
        self.console = [sys.executable, str(self.launcher), "hook"]  # what a console script runs
        fast = src / "clearance" / "hookrun.py"  # what `clearance install` writes, where the tree has it
        self.hook = [sys.executable, "-I", "-S", str(fast), "hook"] if fast.exists() else self.console
        # As installed: byte-compiled (pip compiles wheels; `clearance install` compiles the package).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE=""))
        if (src / "clearance" / "bundlebuild.py").exists():  # and the hook's bundle, as `clearance install` writes it
            build = f"import sys; sys.path.insert(0, {str(src)!r}); from clearance.bundlebuild import main; sys.exit(main())"
            subprocess.run([sys.executable, "-I", "-S", "-c", build], check=True, stdout=subprocess.DEVNULL)
        self.procs: list[subprocess.Popen[bytes]] = []
        self.port = 0
        self.token = ""

    def start_daemon(self) -> dict[str, str]:
        env = dict(self.env)
        env.pop("CLEARANCE_NO_DAEMON")
        sock = Path(env["CLEARANCE_DAEMON_SOCKET"])
        self.procs.append(subprocess.Popen([sys.executable, str(self.launcher), "daemon", "--socket", str(sock)], env=env, stderr=subprocess.DEVNULL))
        for _ in range(400):
            if sock.exists():
                break
            time.sleep(0.025)
        return env

    def start_serve(self) -> dict[str, str]:
        db = str(self.dir / "team.db")
        code = (
            "import sys; from clearance.server.service import Service; s = Service(sys.argv[1]); "
            f"s.users() or s.add_user('admin', {ADMIN_PW!r}, 'admin'); print(s.create_token('bench', 'admin'))"
        )
        self.token = subprocess.run([sys.executable, "-c", code, db], env=self.env, capture_output=True, text=True, check=True).stdout.strip()
        self.port = _free_port()
        cmd = [sys.executable, str(self.launcher), "serve", "--db", db, "--port", str(self.port)]
        self.procs.append(subprocess.Popen(cmd, env=dict(self.env, CLEARANCE_ADMIN_PASSWORD=ADMIN_PW), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for _ in range(400):
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.025)
        return dict(self.env, CLEARANCE_SERVER=f"http://127.0.0.1:{self.port}", CLEARANCE_TOKEN=self.token)

    def stop(self) -> None:
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                p.wait(timeout=10)


@contextlib.contextmanager
def base_tree(rev: str, scratch: Path) -> Iterator[Path]:
    """The base revision's src/, extracted with ``git archive`` (nothing is added to the repository)."""
    dest = scratch / "base-tree"
    dest.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    yield dest / "src"


def summary(ts: list[float]) -> dict[str, float]:
    s = sorted(ts)
    q = statistics.quantiles(s, n=100) if len(s) > 1 else [s[0]] * 99
    return {"n": len(s), "p50": round(statistics.median(s), 2), "p90": round(q[89], 2), "p99": round(q[98], 2), "min": round(s[0], 2)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="main", help="git revision to compare with (default: main)")
    ap.add_argument("--no-base", action="store_true")
    ap.add_argument("--no-ccsn", action="store_true")
    ap.add_argument("--rounds", type=int, default=60)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    data = payloads()
    scratch = Path(tempfile.mkdtemp(prefix="clearance-compare-"))
    versions = [Version("this", ROOT / "src", scratch)]
    stack = contextlib.ExitStack()
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}  # CPU time of the spawned process (steadier than wall time on a busy machine)
    wrong: dict[str, int] = {}
    try:
        if not a.no_base:
            base_sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", a.base], capture_output=True, text=True, check=True).stdout.strip()
            versions.append(Version(f"base({a.base}={base_sha})", stack.enter_context(base_tree(a.base, scratch)), scratch))
        # (label, argv, env, expected-check?) for every spawned path
        spawned: list[tuple[str, list[str], dict[str, str]]] = [("floor", [sys.executable, "-I", "-S", "-c", "pass"], dict(os.environ))]
        https: list[tuple[str, Version]] = []
        for v in versions:
            spawned.append((f"{v.name} cold", v.hook, v.env))
            if v.hook != v.console:
                spawned.append((f"{v.name} cold, console script", v.console, v.env))
            spawned.append((f"{v.name} daemon", v.hook, v.start_daemon()))
            spawned.append((f"{v.name} thin", v.hook, v.start_serve()))
            https.append((f"{v.name} http", v))
        ccsn = None if a.no_ccsn else shutil.which("cc-safety-net")
        if ccsn:
            home = scratch / "ccsn-home"
            home.mkdir()
            spawned.append(("cc-safety-net", [ccsn, "hook", "--claude-code"], dict(os.environ, HOME=str(home))))
        conns = {label: http.client.HTTPConnection("127.0.0.1", v.port, timeout=30) for label, v in https}
        for _label, argv, env in spawned:  # warm the page cache and the daemons
            for d in data:
                subprocess.run(argv, input=d, capture_output=True, env=env)
        t_start = time.perf_counter()
        for r in range(a.rounds + 1):
            i = r % len(data)
            for label, argv, env in spawned:
                event = payloads(f"b{r}-{label}")[i]
                ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                p = subprocess.run(argv, input=event, capture_output=True, env=env)
                dt = (time.perf_counter() - t0) * 1000.0
                ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                if r == 0:
                    continue  # one more warm-up round
                times.setdefault(label, []).append(dt)
                cpu.setdefault(label, []).append((ru1.ru_utime + ru1.ru_stime - ru0.ru_utime - ru0.ru_stime) * 1000.0)
                if label != "floor" and not label.startswith("cc-safety-net") and _decision(p.stdout) != EXPECT[i]:
                    wrong[label] = wrong.get(label, 0) + 1
            # Alternate the order, so neither service is always the one asked right after the other's. (The http
            # figure of "this" runs ~0.5 ms above the same code extracted elsewhere -- `--base HEAD` shows it: the
            # checkout's location, not its code, costs that; compare versions by their extracted trees.)
            for label, v in https if r % 2 == 0 else reversed(https):
                conn = conns[label]
                event = payloads(f"b{r}-{label}")[i]
                t0 = time.perf_counter()
                conn.request("POST", "/v1/hook", body=event, headers={"authorization": f"Bearer {v.token}", "content-type": "application/json"})
                body = conn.getresponse().read()
                dt = (time.perf_counter() - t0) * 1000.0
                if r == 0:
                    continue
                times.setdefault(label, []).append(dt)
                if _decision(body) != EXPECT[i]:
                    wrong[label] = wrong.get(label, 0) + 1
        wall = time.perf_counter() - t_start
    finally:
        for v in versions:
            v.stop()
        stack.close()
        shutil.rmtree(scratch, ignore_errors=True)
    res = {label: summary(ts) for label, ts in times.items()}
    floor = res["floor"]["p50"]
    cpu_floor = statistics.median(cpu["floor"])
    for label, s in res.items():
        s["x_floor"] = round(s["p50"] / floor, 2) if floor else 0.0
        s["wrong"] = wrong.get(label, 0)
        if label in cpu:
            s["cpu_p50"] = round(statistics.median(cpu[label]), 2)
            s["cpu_x_floor"] = round(s["cpu_p50"] / cpu_floor, 2) if cpu_floor else 0.0
    if a.json:
        print(json.dumps({"rounds": a.rounds, "seconds": round(wall, 1), "results": res}))
        return 0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{a.rounds} interleaved rounds in {wall:.1f} s (load average {load:.1f} on {os.cpu_count()} CPUs); ms per decision")
    print("x floor = p50 / p50 of `python -I -S -c pass`; cpu = user+sys time of the spawned process (not the daemon's or server's)")
    print(f"{'path':34s} {'p50':>8s} {'p90':>8s} {'p99':>8s} {'min':>8s} {'x floor':>8s} {'cpu p50':>8s} {'cpu x':>6s}  wrong")
    for label, s in res.items():
        cpu_cols = f"{s['cpu_p50']:8.2f} {s['cpu_x_floor']:6.2f}" if "cpu_p50" in s else f"{'':8s} {'':6s}"
        print(
            f"{label:34s} {s['p50']:8.2f} {s['p90']:8.2f} {s['p99']:8.2f} {s['min']:8.2f} {s['x_floor']:8.2f} {cpu_cols}  {s['wrong'] if label != 'floor' else ''}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
