"""Decisions kept on this machine while a shared audit store (the policy's ``[audit] url``, PostgreSQL) is down.

The hook's record (audit.record) cannot write a PostgreSQL store that is down or unreachable.  Instead of losing the
row, it appends it here -- one JSON line per decision in ``audit-pending-<digest of the URL>.jsonl`` in clearance's
state folder (protected from the agent like the rest of it) -- and the decision stands (an allow is recorded, on this
machine, not unrecorded).  A failed connection also opens a breaker (``…-down``, its mtime): for ``BREAKER_S`` seconds
later calls do not try the store at all, so a store that hangs costs one call its connect timeout, not every call.

When the store answers again (the next record that reaches it, the thin client's uploader, ``clearance doctor``),
``flush`` writes what waits, oldest first, through ``record_offline``: as decided (no escalation), in the hash chain,
each row once -- keyed by a digest of its content, so a flush that dies half way and runs again stores nothing twice.
A flush takes the file away first (a rename), so hooks appending meanwhile start a new file; it runs after the hook
has answered, never on the decision's path.
"""

from __future__ import annotations

import contextlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..daemon_path import Env

BREAKER_S = 30.0
MACHINE = "deferred"  # offline_uploads' machine for these rows (the upload key is per row's content)
DEFERRED_RULE = "audit.deferred"  # marks a row written later (its escalation counted on the machine: settle_while_down)
BATCH = 500
MAX_BYTES = 64 * 1024 * 1024  # a store down for weeks does not fill the disk: past this, an allow is asked (audit.record)


class StoreDown(Exception):
    """The breaker is open: the store failed less than BREAKER_S ago (audit.record does not try it)."""

    @classmethod
    def breaker_open(cls) -> StoreDown:
        return cls(f"it failed less than {BREAKER_S:.0f} s ago; not tried again yet")


def keep_after_failure(url: str, env: Env, rec: dict[str, Any], e: Exception) -> str:
    """audit.record could not write *rec* to the shared store *url* (error *e*): open the breaker (unless it was the
    breaker that refused) and keep the row on this machine; the file, or "" where it could not be kept either."""
    import sys

    if not isinstance(e, StoreDown):
        mark_down(url, env)
    try:
        return keep(url, env, rec)
    except OSError as e2:
        sys.stderr.write(f"clearance: could not keep the decision on this machine either ({type(e2).__name__}: {e2})\n")
        return ""


def flush_due(due: dict[str, tuple[str, Any]], drop: Any) -> None:
    """Write what waits for each store in *due* (url -> (key file, env)), emptying it; *drop* closes a store.  Never raises."""
    import sys

    from . import open_store

    while due:
        try:
            url, (key_path, env) = due.popitem()
        except KeyError:
            break
        store = None
        try:
            store = open_store(url, key_path)
            flush(store, url, env)
        except Exception as e:
            sys.stderr.write(f"clearance: could not write the decisions kept on this machine into the audit store ({type(e).__name__}: {e}); they wait\n")
        finally:
            drop(store, None, url)


def row_key(rec: dict[str, Any]) -> str:
    """What makes a row written again a duplicate: a digest of its stored columns (those the hash chain covers)."""
    from .chain import canonical
    from .keys import blake2b
    from .sqlite import _values

    return blake2b(canonical(_values(rec)), digest_size=16).hexdigest()


def is_remote(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def _base(url: str, env: Env) -> str:
    from ..daemon_path import state_dir
    from .keys import blake2b

    return f"{state_dir(env)}/audit-pending-{blake2b(url.encode('utf-8', 'surrogatepass'), digest_size=8).hexdigest()}"


def path(url: str, env: Env) -> str:
    return _base(url, env) + ".jsonl"


def down_recently(url: str, env: Env, now: float) -> bool:
    """Whether the store failed less than BREAKER_S seconds ago (one stat)."""
    import posix

    try:
        return now - posix.stat(_base(url, env) + "-down").st_mtime < BREAKER_S
    except OSError:
        return False


def mark_down(url: str, env: Env) -> None:
    import posix

    with contextlib.suppress(OSError):
        fd = posix.open(_base(url, env) + "-down", posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o600)
        posix.close(fd)
        posix.utime(_base(url, env) + "-down")


def mark_up(url: str, env: Env) -> None:
    import posix

    with contextlib.suppress(OSError):
        posix.unlink(_base(url, env) + "-down")


def _counters_file(url: str, env: Env, session_id: str) -> str:
    from .keys import blake2b

    return f"{_base(url, env)}-sessions/{blake2b(session_id.encode('utf-8', 'surrogatepass'), digest_size=16).hexdigest()}"


def settle_while_down(url: str, env: Env, rec: dict[str, Any], limits: tuple[int, int], headless: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """Escalation for a decision the store cannot take now: the session's denials counted on this machine while the
    store is down (beside the pending file), so a headless run that keeps being denied is stopped and a person is
    handed over as with the store up. (record as answered, outcome).  Counting is best effort: a file that cannot be
    read counts from zero, two hooks at once may count one denial once."""
    import posix

    from .. import escalation

    sid = str(rec.get("session_id") or "")
    where = _counters_file(url, env, sid)
    try:
        with open(where, "rb") as f:
            parts = f.read(64).split()
        consecutive, total = int(parts[0]), int(parts[1])
    except (OSError, ValueError, IndexError):
        consecutive, total = 0, 0
    rec, out, new_c, new_t = escalation.settle(rec, consecutive, total, limits, headless)
    if (new_c, new_t) != (consecutive, total):
        with contextlib.suppress(OSError):
            steps = where.split("/")[:-1]
            for i in range(2, len(steps) + 1):  # the state folder and its parents, then the counters' own
                with contextlib.suppress(FileExistsError):
                    posix.mkdir("/".join(steps[:i]), 0o700)
            tmp = f"{where}.{posix.getpid()}.tmp"
            fd = posix.open(tmp, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o600)
            try:
                posix.write(fd, f"{new_c} {new_t}\n".encode())
            finally:
                posix.close(fd)
            posix.replace(tmp, where)
    return rec, out


def _forget_counters(url: str, env: Env) -> None:
    """The outage's counters, once what waited reached the store (its own counters take over from there)."""
    import posix

    folder = f"{_base(url, env)}-sessions"
    with contextlib.suppress(OSError):
        for name in posix.listdir(folder):
            with contextlib.suppress(OSError):
                posix.unlink(f"{folder}/{name}")


def keep(url: str, env: Env, rec: dict[str, Any]) -> str:
    """Append *rec* to the pending file (one write on an O_APPEND descriptor); its path.  Raises OSError."""
    import posix

    from .. import jsonlite as json
    from ..daemon_path import state_dir

    row = {k: v for k, v in rec.items() if k != "hard_deny"}
    rules = list(row.get("rules") or [])
    row["rules"] = rules if DEFERRED_RULE in rules else [*rules, DEFERRED_RULE]
    line = (json.dumps(row) + "\n").encode("utf-8", "surrogatepass")
    with contextlib.suppress(FileExistsError):
        posix.mkdir(state_dir(env), 0o700)
    p = path(url, env)
    fd = posix.open(p, posix.O_WRONLY | posix.O_CREAT | posix.O_APPEND, 0o600)
    try:
        if posix.fstat(fd).st_size + len(line) > MAX_BYTES:
            raise OSError(f"{p} holds {MAX_BYTES // (1024 * 1024)} MB of decisions waiting for the store; bring the store back")
        if posix.write(fd, line) != len(line):
            raise OSError(f"short write to {p}")
        posix.fsync(fd)
    finally:
        posix.close(fd)
    return p


def count(url: str, env: Env) -> int:
    """How many decisions wait (lines in the pending and flushing files)."""
    n = 0
    for p in (path(url, env), path(url, env) + ".flushing"):
        with contextlib.suppress(OSError), open(p, "rb") as f:
            n += sum(1 for line in f if line.strip())
    return n


def waiting(url: str, env: Env) -> bool:
    import posix

    for p in (path(url, env), path(url, env) + ".flushing"):
        try:
            posix.stat(p)
            return True
        except OSError:
            pass
    return False


def flush(store: Any, url: str, env: Env) -> int:
    """Write what waits into *store* (open, reachable); the number of rows stored.  One flush at a time (a lock; a
    busy lock returns 0 at once).  Raises what the store raises: the file stays for the next try."""
    import fcntl
    import posix

    from .. import jsonlite as json

    p = path(url, env)
    flushing = p + ".flushing"
    try:
        lock = posix.open(_base(url, env) + ".lock", posix.O_WRONLY | posix.O_CREAT, 0o600)
    except OSError:
        return 0
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return 0  # another process is flushing
        stored = 0
        for _ in range(3):  # a file left by a flush that died, then what was appended since
            try:
                posix.stat(flushing)
            except OSError:
                try:
                    posix.rename(p, flushing)  # appends from now on start a new file
                except OSError:
                    break  # nothing waits
            rows: list[tuple[str, dict[str, Any]]] = []
            with open(flushing, "rb") as f:
                for raw in f:
                    try:
                        rec = json.loads(raw.decode("utf-8", "surrogatepass"))
                    except ValueError:
                        continue  # a line cut by a crash mid-write: nothing to store
                    if isinstance(rec, dict) and isinstance(rec.get("ts"), (int, float)):
                        rows.append((row_key(rec), rec))
            for i in range(0, len(rows), BATCH):
                stored += int(store.record_offline(MACHINE, rows[i : i + BATCH])[0])
            posix.unlink(flushing)
        mark_up(url, env)
        _forget_counters(url, env)
        return stored
    finally:
        posix.close(lock)
