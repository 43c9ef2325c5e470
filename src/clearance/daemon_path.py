"""Where the daemon's socket lives (imported by the hook's fast path, so kept tiny)."""

from __future__ import annotations

import os


def socket_path(env: dict[str, str] | os._Environ[str] | None = None) -> str:
    env = os.environ if env is None else env
    explicit = env.get("CLEARANCE_DAEMON_SOCKET")
    if explicit:
        return explicit
    run = env.get("XDG_RUNTIME_DIR")
    if run:
        return os.path.join(run, "clearance", "daemon.sock")
    home = env.get("HOME") or os.path.expanduser("~")
    return os.path.join(env.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"), "clearance", "daemon.sock")
