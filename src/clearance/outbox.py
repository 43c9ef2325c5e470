"""Send the decisions this machine made while the team service was unreachable to the service's audit trail.

remote.via_server decides an outage's calls locally; their records carry the rule ``service.unreachable``
(audit.record, with CLEARANCE_DECIDED_OFFLINE set) and leave a marker, ``offline-pending`` in clearance's state
folder.  At the next call the service answers, the hook sees the marker (one stat) and starts this module in a
detached process (``spawn``: its own session, no stdin/stdout/stderr, so the agent never waits for it), which sends
the marked rows not yet sent, oldest first, in batches of at most ``BATCH``, to ``POST /v1/offline``, and remembers
the last local id the service acknowledged (``offline-sent``).  A retry after a lost answer resends rows the service
already has: it stores each once (server/offline.py).  The whole run is capped at ``CAP_S`` seconds (SIGALRM), one run
at a time (a lock file); whatever it could not send waits for the next call the service answers.
"""

from __future__ import annotations

import contextlib
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .daemon_path import Env

OFFLINE_RULE = "service.unreachable"
OFFLINE_ENV = "CLEARANCE_DECIDED_OFFLINE"
BATCH = 200
MAX_BATCHES = 25
CAP_S = 30
LOCK_STALE_S = 120.0
RETRY_S = 300.0  # after a failed run (the service refused the upload, or went away again), the next try waits this long


def marker_path(env: Env) -> str:
    from .daemon_path import state_dir

    return state_dir(env) + "/offline-pending"


def note_pending(env: Env) -> None:
    """Leave the marker: an outage decision waits to be sent."""
    import posix

    with contextlib.suppress(OSError):
        posix.close(posix.open(marker_path(env), posix.O_WRONLY | posix.O_CREAT, 0o600))


def due(mtime: float, now: float) -> bool:
    """Whether a marker with this modification time asks for a run now (pure): a failed run dates it RETRY_S ahead,
    so a service that answers decisions but not uploads (an older version, a store that is down) is not sent a
    process per call."""
    return mtime <= now


MAX_WAIT_S = 3600.0  # the longest a service's Retry-After postpones the next try


def _later(env: Env, wait: float = RETRY_S) -> None:
    """Leave the marker dated *wait* seconds ahead (RETRY_S, or what a 429 said, at most MAX_WAIT_S): try again then."""
    import posix
    import time

    note_pending(env)
    with contextlib.suppress(OSError):
        t = time.time() + min(max(wait, RETRY_S), MAX_WAIT_S)
        posix.utime(marker_path(env), (t, t))


def spawn(env: Env) -> bool:
    """Start ``main`` in a detached process with this process's import path; False when it cannot be started."""
    import posix

    code = f"import sys; sys.path[:0] = {[p for p in sys.path if p]!r}; from clearance.outbox import main; main()"
    try:
        null = posix.open("/dev/null", posix.O_RDWR)
    except OSError:
        return False
    try:
        actions = [(posix.POSIX_SPAWN_DUP2, null, fd) for fd in (0, 1, 2)]
        posix.posix_spawn(sys.executable, [sys.executable, "-I", "-S", "-c", code], dict(env), file_actions=actions, setsid=True)
    except (OSError, ValueError, TypeError):
        return False
    finally:
        posix.close(null)
    return True


def _lock(path: str) -> int | None:
    import posix
    import time

    for _ in range(2):
        try:
            return posix.open(path, posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL, 0o600)
        except FileExistsError:
            try:
                if time.time() - posix.stat(path).st_mtime < LOCK_STALE_S:
                    return None  # another run is under way
                posix.unlink(path)
            except OSError:
                return None
        except OSError:
            return None
    return None


def _read_sent(path: str) -> tuple[int, int]:
    """(inode of the audit database, last local id the service acknowledged)."""
    try:
        with open(path, encoding="ascii") as f:
            ino, last = f.read().split()[:2]
        return int(ino), int(last)
    except (OSError, ValueError):
        return 0, 0


def _write_sent(path: str, ino: int, last: int) -> None:
    import posix

    tmp = f"{path}.{posix.getpid()}"
    try:
        with open(tmp, "w", encoding="ascii") as f:
            f.write(f"{ino} {last}\n")
        posix.rename(tmp, path)
    except OSError:
        pass


def rows_after(store: Any, last: int, limit: int = BATCH) -> list[dict[str, Any]]:
    """The marked local rows after id *last*, oldest first, as the service's /v1/offline takes them."""
    from .store.schema import COLUMNS
    from .store.sqlite import to_dict

    cols = ", ".join(("id", *COLUMNS))
    got = store.fetchall(f"SELECT {cols} FROM decisions WHERE id > ? AND rules LIKE ? ORDER BY id LIMIT {int(limit)}", (last, f'%"{OFFLINE_RULE}"%'))
    out = []
    for row in got:
        d = to_dict(row)
        d.pop("time", None)
        out.append(d)
    return out


class Later(Exception):
    """The service refused the upload for now (429): send again after ``wait`` seconds."""

    def __init__(self, wait: float) -> None:
        super().__init__(f"retry after {wait:.0f} s")
        self.wait = wait


def _retry_after(answer: bytes) -> float:
    """The seconds a 429's body asks to wait (its ``retry_after``); RETRY_S when it does not say."""
    from . import jsonlite as json

    try:
        v = json.loads(answer.decode("utf-8", "replace")).get("retry_after")
    except (ValueError, AttributeError):
        return RETRY_S
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0 else RETRY_S


def upload(env: Env, base: str, token: str, timeout: float = 10.0) -> tuple[int, bool]:
    """Send what is pending: (rows the service acknowledged, whether everything marked is sent)."""
    import posix

    from . import jsonlite as json
    from .daemon_path import state_dir
    from .remote import _request
    from .store import open_store, resolve_url
    from .store.keys import key_file

    url = resolve_url(None, None, env)
    if url.startswith(("postgresql://", "postgres://")):
        # An outage recorded in a shared database is already off the machine -- but for what was kept on the machine
        # while that database was down too (store/pending.py): write it now.
        from .store import pending

        if pending.waiting(url, env):
            shared = open_store(url, key_file(None, env))
            try:
                pending.flush(shared, url, env)
            finally:
                shared.close()
        return 0, True
    try:
        ino = posix.stat(url).st_ino
    except OSError:
        return 0, True
    sent_path = state_dir(env) + "/offline-sent"
    known_ino, last = _read_sent(sent_path)
    if known_ino != ino:
        last = 0  # another database (recreated): start over; the service drops what it already has
    store = open_store(url, key_file(None, env))
    acked = 0
    try:
        if hasattr(store, "fold"):
            store.fold()  # the hook may have spooled the outage's records
        for _ in range(MAX_BATCHES):
            rows = rows_after(store, last)
            if not rows:
                return acked, True
            body = json.dumps({"decisions": [{k: v for k, v in r.items() if k != "id"} for r in rows]}).encode()
            status, answer = _request("POST", f"{base}/v1/offline", token, body, timeout)
            if status == 429:  # the token's upload budget is spent: wait as long as the service says
                raise Later(_retry_after(answer))
            if status != 200:
                return acked, False
            last = int(rows[-1]["id"])
            acked += len(rows)
            _write_sent(sent_path, ino, last)
        return acked, not rows_after(store, last, 1)
    finally:
        store.close()


def main() -> None:
    """The detached run: capped, locked, and leaving the marker in place for what it could not send."""
    import posix
    import signal

    from .daemon_path import environ, state_dir

    signal.alarm(CAP_S)
    env = environ()
    base = env.get("CLEARANCE_SERVER", "").rstrip("/")
    token = env.get("CLEARANCE_TOKEN", "")
    if not base or not token:
        return
    lock_path = state_dir(env) + "/offline-upload.lock"
    fd = _lock(lock_path)
    if fd is None:
        return
    try:
        with contextlib.suppress(OSError):
            posix.unlink(marker_path(env))  # an outage from now on leaves a new marker
        done, wait = False, RETRY_S
        try:
            _, done = upload(env, base, token)
        except Later as e:
            wait = e.wait
        except Exception:
            done = False
        if not done:
            _later(env, wait)
    finally:
        posix.close(fd)
        with contextlib.suppress(OSError):
            posix.unlink(lock_path)
