"""clearance's own running processes, read from the process table (the I/O edge).

A signal aimed at a bare process id (`kill -STOP 4242`) or at a pattern that does not name clearance
(`pkill -STOP -f hookrun`) is aimed at clearance when the process it reaches is clearance's: the warm
daemon, the team service, or a hook that has been running long enough to be found and targeted (one
holding the audit lock, say).  The engine cannot know what a number is; the hook, running on the same
machine, can: it lists clearance's processes here and the rule (rules/self.py, self.signal-clearance)
matches the command's targets against them.

Processes younger than MIN_AGE seconds are left out: they are this decision's own hook and the hooks of
tool calls the agent runs in parallel, gone before the command runs.  Linux reads /proc; macOS asks `ps`;
elsewhere nothing is known and the command is judged as written.
"""

from __future__ import annotations

import os
import sys

# A clearance process younger than this is a hook deciding a call right now (this one, or a parallel one).
MIN_AGE = 3.0
# At most this many processes are read (a machine with more is still judged, on the first ones).
MAX_PROCS = 20000

# (pid, process group, command name, argv)
Proc = tuple[int, int, str, tuple[str, ...]]


def is_clearance(argv: tuple[str, ...] | list[str]) -> bool:
    """Whether a command line runs clearance: its console script, `python -m clearance`, its hook launcher, or a
    shell wrapper running `clearance hook|daemon|serve` (the installed hook commands)."""
    if not argv:
        return False
    base = argv[0].rsplit("/", 1)[-1]
    if base == "clearance":
        return True
    python = base.startswith(("python", "pypy"))
    for i, a in enumerate(argv[:16]):
        if python and a == "-m" and i + 1 < len(argv) and argv[i + 1].split(".", 1)[0] == "clearance":
            return True
        if python and a.endswith(("/clearance/hookrun.py", "/clearance/__main__.py", "/bin/clearance")):
            return True
        if i > 0 and argv[i - 1] == "-c" and base in ("sh", "bash", "dash", "zsh") and any(("clearance " + v) in a for v in ("hook", "daemon", "serve")):
            return True
    return False


def _linux() -> list[Proc]:
    try:
        with open("/proc/uptime", "rb") as fh:
            uptime = float(fh.read().split()[0])
        tick = os.sysconf("SC_CLK_TCK")
        names = [n for n in os.listdir("/proc") if n.isdigit()][:MAX_PROCS]
    except (OSError, ValueError):
        return []
    out: list[Proc] = []
    for n in names:
        try:
            with open(f"/proc/{n}/cmdline", "rb") as fh:
                raw = fh.read(8192)
            if b"clearance" not in raw:
                continue
            argv = tuple(a.decode("utf-8", "replace") for a in raw.rstrip(b"\0").split(b"\0"))
            if not is_clearance(argv):
                continue
            with open(f"/proc/{n}/stat", "rb") as fh:
                stat = fh.read(4096).decode("utf-8", "replace")
            # pid (comm) state ppid pgrp ... starttime is the 22nd field; comm may hold spaces and parentheses.
            comm = stat[stat.index("(") + 1 : stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2 :].split()
            if uptime - int(fields[19]) / tick < MIN_AGE:
                continue
            out.append((int(n), int(fields[2]), comm, argv))
        except (OSError, ValueError, IndexError):
            continue
    return out


def _ps() -> list[Proc]:
    import subprocess

    try:
        p = subprocess.run(
            # By absolute path: a `ps` on the agent's PATH (a project's bin/) would run inside the hook.
            [next((x for x in ("/bin/ps", "/usr/bin/ps") if os.path.exists(x)), "/bin/ps"), "-axo", "pid=,pgid=,etime=,comm=,args="],
            capture_output=True,
            timeout=2.0,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    out: list[Proc] = []
    for line in p.stdout.decode("utf-8", "replace").splitlines()[:MAX_PROCS]:
        if "clearance" not in line:
            continue
        parts = line.split(None, 4)
        if len(parts) < 5 or not parts[0].isdigit() or not parts[1].isdigit():
            continue
        argv = tuple(parts[4].split())
        if not is_clearance(argv) or _etime(parts[2]) < MIN_AGE:
            continue
        out.append((int(parts[0]), int(parts[1]), parts[3].rsplit("/", 1)[-1], argv))
    return out


def _etime(s: str) -> float:
    """ps's elapsed time ([[dd-]hh:]mm:ss) in seconds."""
    days, _, rest = s.rpartition("-")
    total = 0.0
    for part in rest.split(":"):
        total = total * 60 + float(part or 0) if part.replace(".", "", 1).isdigit() else total
    return total + (int(days) * 86400 if days.isdigit() else 0)


def clearance_processes() -> tuple[Proc, ...]:
    """clearance's own processes older than MIN_AGE: (pid, process group, command name, argv)."""
    if sys.platform.startswith("linux"):
        return tuple(_linux())
    if sys.platform == "darwin" or "bsd" in sys.platform:
        return tuple(_ps())
    return ()
