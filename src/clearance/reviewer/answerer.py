"""Who answers on the reviewer's loopback port: a reviewer the agent could have started is not asked.

A reviewer on loopback over plain HTTP (`[reviewer] base_url = "http://127.0.0.1:11434/v1"`) is authenticated by
nothing: an API key is sent *to* the server and proves nothing about it, and any program of the agent's user may
listen on the port while the real server is down (rule self.forged-endpoint denies the commands that visibly do so;
this is the check for the ways it cannot see: a compiled program, code it does not read, a listener started before
the policy named the port). Before the reviewer is called, on Linux, the listening sockets on the port are read from
/proc/net/tcp and tcp6, and for each one of this user's the process that holds it (/proc/PID/fd) is looked at. It
is refused -- the reviewer is not called and the call goes to a person -- when

- its executable, its working directory or the script it runs lies in the agent's project or a temporary folder;
- it was started after the agent (the hook's nearest ancestor that is not a shell) was: the agent, or someone while
  the agent ran, started it, and clearance cannot tell which;
- its process cannot be found (hidden, or gone).

A listener of another user (a system service such as Linux's `ollama` user) is not the agent's doing: the agent runs
as the user and starts no process as another without sudo or a container engine, which other rules judge. HTTPS
with a verified certificate authenticates the server itself, so it is not looked at. Where /proc does not exist
(macOS, Windows) nothing is looked at: docs/threat-model.md says so, and `clearance doctor` warns about such a reviewer.
Only runs when the reviewer is actually consulted: the hook's hot path never imports it.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model import Context

_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "fish", "ksh", "env", "timeout", "nohup", "setsid", "clearance"})
_MAX_PROCS = 8192


def loopback_port(base_url: str) -> int | None:
    """The port of a plain-HTTP reviewer URL on loopback; None for HTTPS or another host."""
    from ..ownports import endpoint_port

    if not base_url.lower().startswith("http://"):
        return None
    return endpoint_port(base_url)


def _listeners(port: int, proc: str) -> list[tuple[int, int]]:
    """(inode, uid) of each listening TCP socket on *port* (any address)."""
    out = []
    for name in ("tcp", "tcp6"):
        try:
            with open(f"{proc}/net/{name}", encoding="ascii", errors="replace") as f:
                lines = f.read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) < 10 or parts[3] != "0A":
                continue
            try:
                p = int(parts[1].rsplit(":", 1)[1], 16)
                if p == port:
                    out.append((int(parts[9]), int(parts[7])))
            except ValueError:
                continue
    return out


def _holder(inode: int, uid: int, proc: str) -> int | None:
    """The process of user *uid* that holds socket *inode*, or None."""
    want = f"socket:[{inode}]"
    try:
        pids = [n for n in os.listdir(proc) if n.isdigit()][:_MAX_PROCS]
    except OSError:
        return None
    for pid in pids:
        try:
            if os.stat(f"{proc}/{pid}").st_uid != uid:
                continue
            fds = os.listdir(f"{proc}/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"{proc}/{pid}/fd/{fd}") == want:
                    return int(pid)
            except OSError:
                continue
    return None


def _stat(pid: int, proc: str) -> tuple[str, int, int] | None:
    """(comm, parent pid, start time in clock ticks since boot) of *pid*."""
    try:
        with open(f"{proc}/{pid}/stat", encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return None
    comm = text[text.find("(") + 1 : text.rfind(")")]
    rest = text[text.rfind(")") + 2 :].split()
    try:
        return comm, int(rest[1]), int(rest[19])
    except (IndexError, ValueError):
        return None


def agent_start(proc: str = "/proc", ppid: int | None = None) -> int | None:
    """Start time of the hook's nearest ancestor that is not a shell or a launcher (the agent), None if none is found."""
    pid = os.getppid() if ppid is None else ppid
    for _ in range(16):
        if pid <= 1:
            return None
        st = _stat(pid, proc)
        if st is None:
            return None
        comm, parent, start = st
        if comm not in _SHELLS:
            return start
        pid = parent
    return None


def _inside(path: str, roots: tuple[str, ...]) -> bool:
    return any(r and r != "/" and (path == r or path.startswith(r.rstrip("/") + "/")) for r in roots)


def refused(port: int, ctx: Context, proc: str = "/proc", started: Callable[[], int | None] | None = None) -> str | None:
    """Why the answerer on loopback *port* is not asked, or None (nothing to object to, or nothing to look at)."""
    if not os.path.isdir(f"{proc}/net"):
        return None
    me = os.getuid()
    roots = (ctx.project_root, *ctx.tmpdirs)
    agent = (started or (lambda: agent_start(proc)))()
    for inode, uid in _listeners(port, proc):
        if uid != me:
            continue  # another user's service: not one the agent can start
        pid = _holder(inode, uid, proc)
        if pid is None:
            return f"the program listening on port {port} cannot be identified"
        where = []
        for link in ("exe", "cwd"):
            try:
                where.append(os.readlink(f"{proc}/{pid}/{link}"))
            except OSError:
                return f"the program listening on port {port} (pid {pid}) cannot be identified"
        try:
            with open(f"{proc}/{pid}/cmdline", "rb") as f:
                argv = [a.decode("utf-8", "replace") for a in f.read().split(b"\0") if a]
        except OSError:
            argv = []
        cwd = where[1]
        where += [a if a.startswith("/") else cwd.rstrip("/") + "/" + a for a in argv[1:3] if not a.startswith("-")]
        inside = next((w for w in where if _inside(os.path.normpath(w), roots)), None)
        if inside is not None:
            return f"the program listening on port {port} (pid {pid}) runs from {inside}, in the project or a temporary folder"
        st = _stat(pid, proc)
        if agent is not None and st is not None and st[2] > agent:
            return f"the program listening on port {port} (pid {pid}) was started after the agent was"
    return None
