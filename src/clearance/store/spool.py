"""The audit spool: the hook records a decision without SQLite, the next reader folds it into the store.

Recording a decision in SQLite costs the cold hook ~10 ms (``import sqlite3`` ~5 ms, opening the
file, the transaction); appending a line to a file costs ~0.3 ms.  So for a SQLite store at ``DB``:

- ``DB-spool`` holds the decisions not yet in the store, one line each: the record as JSON, a space,
  and a MAC (keyed BLAKE2b under the audit chain's key, personalised ``clearance-spool``) over the
  previous line's MAC and this line's JSON.  A line changed, inserted, reordered or removed between
  two others no longer verifies; the first line links to the last line folded (kept in the store's
  ``audit_meta``), so lines removed from the front are found too.
- ``DB-sessions/`` holds each session's denial counters (escalation.py needs the consecutive and total
  denials of the session): one small file per session, named by a hash of the session id.  These files
  are the counters; the store's ``sessions`` table is their copy, written when lines are folded.
- Every writer holds an exclusive ``flock`` on ``DB-sessions/.lock`` while it reads the counters, appends
  its line and writes the counters, so concurrent hooks count each denial once, as the store's transaction
  did.  A process that also writes SQLite takes SQLite's write lock first (see ``lock``).

Folding (``fold``) runs whenever a SQLite store is opened -- ``clearance log``, ``stats``, ``report``,
``--verify``, ``allow``, the daemon, the team service -- so every reader sees every record; the hook folds
after it has answered once the spool passes ``FOLD_BYTES``.  It inserts the lines in one transaction
(extending the hash chain, synchronous=FULL), records the last line's MAC, then replaces the spool by a
file holding one start line that links to it.  Lines that do not verify are still folded (they are
evidence) outside the hash chain, and what was wrong is noted in ``audit_meta``; ``--verify`` reports both.

What a crash loses: nothing that was appended.  A crash between the append and the counters' write
leaves the session one denial short; a crash in a fold before its commit leaves the spool as it was, and
after its commit the lines already folded are recognised by their MAC and skipped.  Lines are not
fsynced one by one (SQLite in WAL mode with synchronous=NORMAL did not sync each commit either): a power
loss may lose the last lines, as it could lose the last transactions before.  docs/audit-spool.md has more.
"""

from __future__ import annotations

import posix

from .. import pathstr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..errors import LockBusy as LockBusy
    from ..errors import NotReady as NotReady

SPOOL_SUFFIX = "-spool"
SESSIONS_SUFFIX = "-sessions"
READY = ".ready"
FOLD_BYTES = 64 * 1024
GENESIS = ""
MAC_HEX = 32


def __getattr__(name: str) -> object:
    """NotReady and LockBusy, made on first use (errors.py says why)."""
    if name in ("NotReady", "LockBusy"):
        from .. import errors

        return getattr(errors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def supported(path: str) -> bool:
    """A SQLite file (not PostgreSQL, not in memory) on a system with flock."""
    if not path or path == ":memory:" or path.startswith(("postgresql://", "postgres://", "file:")) or "://" in path:
        return False  # another scheme is no file (store.url_problem): its "spool" made folders named `mysql:` in the cwd
    try:
        import fcntl  # noqa: F401
    except ImportError:
        return False
    return True


def spool_path(db: str) -> str:
    return db + SPOOL_SUFFIX


def sessions_dir(db: str) -> str:
    return db + SESSIONS_SUFFIX


KEY_NAME = "spool.key"
PRUNED = ".pruned"
DAY_S = 86_400.0


def key_path(db: str) -> str:
    """The spool's MAC key: beside it, so whoever folds verifies with the writer's key whatever its environment."""
    return pathstr.join(sessions_dir(db), KEY_NAME)


def spool_key(db: str, create: bool) -> bytes | None:
    from .keys import load_key

    try:
        return load_key(key_path(db), create)
    except OSError:
        if create:
            raise
        return None
    except Exception as e:
        from ..errors import KeyError_

        if create or not isinstance(e, KeyError_):
            raise
        return None


def prune_due(db: str, now: float) -> bool:
    """Whether a day has passed since the hook last had the store pruned (a file's mtime: no SQLite needed)."""
    try:
        return now - posix.stat(pathstr.join(sessions_dir(db), PRUNED)).st_mtime >= DAY_S
    except OSError:
        return True


def mark_pruned(db: str) -> None:
    p = pathstr.join(sessions_dir(db), PRUNED)
    with open(p, "wb"):
        pass
    posix.utime(p)


# The id the next decision gets in the store: a hook that spools a decision gives it its id at once, so the denial it
# prints can name it (`clearance allow ID`).  Two places say it, both read under the lock: the file NEXT_ID beside
# the counters, which every writer of the store sets after its commit (SqliteStore._set_next_id: a fold, a direct
# insert), and the spool's own last line, which ends with the id its hook gave (`, "n": ID}`) -- appending the line
# is what takes the id, so a hook writes no other file for it (a write and a rename per spooled decision saved).
# The next id is past both.  A store from before the file has none until it is next opened, and the hook then names
# no id (`--last` instead).
NEXT_ID = "next-id"
# How much of the spool's end holds its last line's id and MAC: `, "n": ` + up to 20 digits + `} ` + MAC + newline.
_TAIL = 32 + MAC_HEX


def read_next_id(db: str, fd: int = -1) -> int | None:
    """The id the next decision gets (caller holds ``lock``); None when not known.  *fd*: the spool, when open."""
    n = _spooled_id(db, fd)
    try:
        with open(pathstr.join(sessions_dir(db), NEXT_ID), "rb") as f:
            m = int(f.read(32).strip())
        if m > 0:
            return max(m, n + 1) if n else m
    except (OSError, ValueError):
        pass
    if n:
        return n + 1
    if (not pathstr.exists(db) or pathstr.getsize(db) == 0) and pending(db) == 0:
        return 1  # no store and nothing spooled yet: its first row is 1
    return None


def _spooled_id(db: str, fd: int) -> int:
    """The id the spool's last line gave its decision (0: none, e.g. a fold's start line or a line from before)."""
    own = fd < 0
    if own:
        try:
            fd = posix.open(spool_path(db), posix.O_RDONLY | getattr(posix, "O_NOFOLLOW", 0))
        except OSError:
            return 0
    try:
        size = posix.fstat(fd).st_size
        tail = posix.pread(fd, min(size, _TAIL), max(0, size - _TAIL))
    except OSError:
        return 0
    finally:
        if own:
            posix.close(fd)
    return _line_id(tail)


def _line_id(tail: bytes) -> int:
    body = tail[: -(MAC_HEX + 2)]  # the line without ` MAC\n`
    if not body.endswith(b"}"):
        return 0
    before, _, digits = body[:-1].rpartition(b', "n": ')
    return int(digits) if before and digits.isdigit() and len(digits) <= 20 else 0


def write_next_id(db: str, n: int) -> None:
    path = pathstr.join(sessions_dir(db), NEXT_ID)
    tmp = f"{path}.{posix.getpid()}.tmp"
    fd = posix.open(tmp, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o600)
    try:
        posix.write(fd, f"{int(n)}\n".encode())
    finally:
        posix.close(fd)
    posix.replace(tmp, path)


def mac(key: bytes, prev: str, body: bytes) -> str:
    from _blake2 import blake2b

    return blake2b(prev.encode() + b"\n" + body, key=key[:64], digest_size=MAC_HEX // 2, person=b"clearance-spool").hexdigest()


LOCK_NAME = ".lock"
# How long anyone waits for the lock.  Holders keep it for an append (well under a millisecond) or a fold
# (one SQLite transaction); a process holding it longer -- any process of the agent's user can flock a file
# it can open -- must not hold the hook past its timeout, which lets the call run: the wait ends, the
# append raises, and the hook asks instead of an unrecorded allow (audit.record).
LOCK_WAIT_S = 3.0


def lock(db: str, wait_s: float = LOCK_WAIT_S) -> int:
    """An exclusive lock on the store's spool and counters (a file that is never replaced); LockBusy after *wait_s*.

    Lock order: a process that also writes SQLite takes SQLite's write lock (BEGIN IMMEDIATE) first, so
    that a hook, which takes only this lock, never waits behind a process waiting for SQLite.
    """

    path = pathstr.join(sessions_dir(db), LOCK_NAME)
    try:
        fd = posix.open(path, posix.O_RDWR | posix.O_CREAT | getattr(posix, "O_NOFOLLOW", 0), 0o600)
    except FileNotFoundError:
        pathstr.makedirs(sessions_dir(db), mode=0o700, exist_ok=True)
        fd = posix.open(path, posix.O_RDWR | posix.O_CREAT | getattr(posix, "O_NOFOLLOW", 0), 0o600)
    try:
        _acquire(fd, wait_s)
    except BaseException:
        posix.close(fd)
        raise
    return fd


def _acquire(fd: int, wait_s: float) -> None:
    """flock without blocking, retried with growing pauses until *wait_s* has passed (flock has no timeout)."""
    import fcntl
    import time

    deadline = time.monotonic() + wait_s
    pause = 0.0005
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            left = deadline - time.monotonic()
            if left <= 0:
                from ..errors import LockBusy

                raise LockBusy(f"the audit spool's lock was held by another process for {wait_s:g} s") from None
            time.sleep(min(pause, left))
            pause = min(pause * 2, 0.05)


def unlock(fd: int) -> None:
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        posix.close(fd)


def _session_file(db: str, session_id: str) -> str:
    from _blake2 import blake2b

    return pathstr.join(sessions_dir(db), blake2b(session_id.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest())


def read_counters(db: str, session_id: str) -> tuple[int, int]:
    try:
        with open(_session_file(db, session_id), "rb") as f:
            return _counters(f.read(_RECORD))
    except OSError:
        return 0, 0


def _counters(raw: bytes) -> tuple[int, int]:
    try:
        parts = raw.split()
        return int(parts[0]), int(parts[1])
    except (ValueError, IndexError):
        return 0, 0


# A session's counters are one fixed-width record, "CONSECUTIVE TOTAL" right-aligned in 41 bytes and a newline, written
# in place by one pwrite at offset 0 (under the lock, as every writer of them): a process dying mid-call leaves the
# record as it was or as it is meant to be (a single write of a few bytes to a regular file is not split), and a shorter
# value never leaves an older longer one's tail (a record from before, "3 7\n", is shorter than this width and wholly
# covered).  A temporary file and a rename over the old one cost ~120 us of CPU and ~1.1 ms wall per denial on ext4,
# which flushes the new file's data before such a rename (measured on this machine's ext4): in place, ~6 us.  A power
# cut, unsynced as the spool's lines are, may keep the old record (the 42 bytes lie in the file's first sector).
_RECORD = 42
_RW = posix.O_RDWR | getattr(posix, "O_NOFOLLOW", 0) | getattr(posix, "O_NONBLOCK", 0)


def _record(consecutive: int, total: int) -> bytes:
    return f"{int(consecutive)} {int(total)}".encode().rjust(_RECORD - 1) + b"\n"


def _open_counters(db: str, session_id: str, create: bool) -> int:
    """The session's counters file open for reading and writing, never through a link; -1 where there is none and
    *create* is false."""
    try:
        return posix.open(_session_file(db, session_id), _RW | (posix.O_CREAT if create else 0), 0o600)
    except FileNotFoundError:
        if create:
            raise
        return -1


def _put_counters(fd: int, consecutive: int, total: int, before: bytes) -> None:
    """Write the record in place (*before*: what the file held, read from offset 0)."""
    record = _record(consecutive, total)
    posix.pwrite(fd, record, 0)
    if len(before) > len(record):
        posix.ftruncate(fd, len(record))  # a longer record from before: nothing of it after this one


def write_counters(db: str, session_id: str, consecutive: int, total: int) -> None:
    try:
        fd = _open_counters(db, session_id, create=True)
    except OSError:
        _replace_counters(db, session_id, consecutive, total)
        return
    try:
        _put_counters(fd, consecutive, total, posix.pread(fd, 64, 0))
    finally:
        posix.close(fd)


def _replace_counters(db: str, session_id: str, consecutive: int, total: int) -> None:
    """Replace whatever is in the counters' place (a link, a FIFO) by a file holding the record."""
    path = _session_file(db, session_id)
    tmp = f"{path}.{posix.getpid()}.tmp"
    fd = posix.open(tmp, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o600)
    try:
        posix.write(fd, _record(consecutive, total))
    finally:
        posix.close(fd)
    posix.replace(tmp, path)


def _last_mac(fd: int) -> str:
    """The MAC ending the spool's last line (GENESIS for an empty spool)."""
    size = posix.fstat(fd).st_size
    if size < MAC_HEX + 1:
        return GENESIS
    tail = posix.pread(fd, MAC_HEX + 1, size - MAC_HEX - 1)
    return tail[:MAC_HEX].decode("ascii", "replace")


def _ready(db: str) -> bool:
    """Whether the session counters are in the sessions folder (a new store: made so here)."""
    folder = sessions_dir(db)
    if pathstr.exists(pathstr.join(folder, READY)):
        return True
    if pathstr.exists(db) and pathstr.getsize(db) > 0:
        return False  # an existing store: its counters are copied by the store itself (adopt)
    pathstr.makedirs(folder, mode=0o700, exist_ok=True)
    with open(pathstr.join(folder, READY), "wb"):
        pass
    return True


def _usable(db: str) -> None:
    """The store a spool feeds must be a file SQLite can write: a database replaced by a directory or a device
    (/dev/full) would take spooled decisions that can never be folded, so the hook refuses (and asks)."""
    try:
        st = posix.stat(db)
    except FileNotFoundError:
        return
    if st.st_mode & 0o170000 != 0o100000:
        raise OSError(f"the audit store {db} is not a regular file")


def append(db: str, rec: dict[str, Any], limits: tuple[int, int], headless: bool) -> tuple[dict[str, Any], int]:
    """Record one decision: (the escalation outcome, the spool's size after the append).  Raises on failure."""
    from .. import escalation
    from .. import jsonlite as json

    _usable(db)
    lk = lock(db)
    cfd = -1  # the session's counters, read and (for a denial) written through one descriptor; -1: no file yet
    try:
        if not _ready(db):
            from ..errors import NotReady

            raise NotReady(db)
        key = spool_key(db, create=True)
        assert key is not None
        sid = str(rec.get("session_id", ""))
        try:
            cfd = _open_counters(db, sid, create=False)
            before = posix.pread(cfd, 64, 0) if cfd >= 0 else b""
        except OSError:
            before = None  # a link in their place: read through it as before, replaced when written
        consecutive, total = _counters(before) if before is not None else read_counters(db, sid)
        rec, out, new_c, new_t = escalation.settle(rec, consecutive, total, limits, headless)
        fd = posix.open(spool_path(db), posix.O_RDWR | posix.O_APPEND | posix.O_CREAT | getattr(posix, "O_NOFOLLOW", 0), 0o600)
        try:
            nid = read_next_id(db, fd)
            line = {"rec": rec, "c": new_c, "t": new_t, "esc": 1 if out["escalate"] else 0}
            if nid is not None:
                line["rec"] = {**rec, "id": nid}
                line["n"] = nid  # last: the next hook reads it from the spool's end (read_next_id)
                out = {**out, "id": nid}
            body = json.dumps(line).encode()
            posix.write(fd, body + b" " + mac(key, _last_mac(fd), body).encode() + b"\n")  # one write, O_APPEND, under the lock
            size = posix.fstat(fd).st_size
        finally:
            posix.close(fd)
        if (new_c, new_t) != (consecutive, total):  # unchanged (an allow after an allow): no write
            if before is None:
                _replace_counters(db, sid, new_c, new_t)
            else:
                if cfd < 0:
                    cfd = _open_counters(db, sid, create=True)
                _put_counters(cfd, new_c, new_t, before)
    finally:
        if cfd >= 0:
            posix.close(cfd)
        unlock(lk)
    return out, size


def pending(db: str) -> int:
    """Bytes waiting in the spool (0 when there is none)."""
    try:
        return posix.stat(spool_path(db)).st_size
    except OSError:
        return 0


# -- folding (with the store open) ------------------------------------------------------


def _parse(raw: bytes) -> list[tuple[bytes, str]]:
    out = []
    for line in raw.split(b"\n"):
        if not line:
            continue
        body, _, tag = line.rpartition(b" ")
        out.append((body, tag.decode("ascii", "replace")))
    return out


class Folded:
    """What the spool holds beyond the last fold: (record, consecutive, total, escalated, verified) rows, the new head, problems."""

    __slots__ = ("rows", "head", "problems")

    def __init__(self, rows: list[tuple[dict[str, Any], int, int, bool, bool]], head: str, problems: list[str]) -> None:
        self.rows, self.head, self.problems = rows, head, problems


def collect(store: Any) -> Folded | None:
    """Read and check the spool (the caller holds ``lock`` and SQLite's write transaction); None when there is nothing to fold."""
    import json

    db = store.url
    try:
        with open(spool_path(db), "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        return None
    lines = _parse(raw)
    if not lines:
        return None
    key = spool_key(db, create=False)
    row = store.fetchone("SELECT value FROM audit_meta WHERE name = 'spool_head'")
    expected = str(row[0]) if row else GENESIS
    tags = [t for _, t in lines]
    start = 0
    if expected and expected in tags:
        start = tags.index(expected) + 1  # folded before a crash kept the spool from being replaced
    rows: list[tuple[dict[str, Any], int, int, bool, bool]] = []
    problems: list[str] = []
    prev = expected if start == 0 else tags[start - 1]
    linked = False  # the first line was checked against the last fold's head
    for body, tag in lines[start:]:
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        if isinstance(data, dict) and "start" in data and not linked:  # written by the last fold: it links to that fold's head
            if str(data["start"]) != prev:
                problems.append("the spool does not begin where the last fold ended: lines were removed or the spool replaced before folding")
            if key is None or tag != mac(key, str(data["start"]), body):
                problems.append("the spool's start line does not verify")
            prev, linked = tag, True
            continue
        ok = key is not None and tag == mac(key, prev, body)
        if not ok and not linked:
            problems.append("the spool's first decision does not link to where the last fold ended: lines were removed before it, or it was changed")
        prev, linked = tag, True
        if not isinstance(data, dict) or not isinstance(data.get("rec"), dict):
            problems.append(f"a spool line is not a decision record ({len(body)} bytes)")
            continue
        rows.append((data["rec"], int(data.get("c", 0)), int(data.get("t", 0)), bool(data.get("esc")), ok))
    bad = sum(1 for r in rows if not r[4])
    if bad:
        problems.append(f"{bad} spooled decision(s) do not verify against the spool's MACs (changed, inserted or reordered before folding)")
    if not rows and not problems and start == 0:
        return None  # only the start line the last fold wrote
    return Folded(rows, tags[-1], problems)


def replace(db: str, head: str) -> None:
    """After the fold's commit (under ``lock``): the spool becomes one start line linked to *head*."""
    import json

    key = spool_key(db, create=True)
    assert key is not None
    body = json.dumps({"start": head}, separators=(",", ":")).encode()
    tmp = pathstr.join(sessions_dir(db), f".fold.{posix.getpid()}")  # inside a folder clearance owns
    fd = posix.open(tmp, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o600)
    try:
        posix.write(fd, body + b" " + mac(key, head, body).encode() + b"\n")
        posix.fsync(fd)
    finally:
        posix.close(fd)
    posix.replace(tmp, spool_path(db))


def note_problems(store: Any, problems: list[str], ts: float) -> None:
    """Keep what a fold found wrong with the spool in the store (``--verify`` reports it); in the fold's transaction."""
    import json

    from .chain import set_meta

    row = store.fetchone("SELECT value FROM audit_meta WHERE name = 'spool_problems'")
    try:
        seen = json.loads(row[0]) if row else []
    except ValueError:
        seen = ["an earlier note about the spool was unreadable"]
    seen = [*seen, *(f"{_when(ts)}: {p}" for p in problems)][-100:]
    set_meta(store, "spool_problems", json.dumps(seen))


def problems_noted(store: Any) -> list[str]:
    import json

    row = store.fetchone("SELECT value FROM audit_meta WHERE name = 'spool_problems'")
    try:
        got = json.loads(row[0]) if row else []
    except ValueError:
        return ["the note about the spool's problems was changed (unreadable)"]
    return [str(x) for x in got] if isinstance(got, list) else ["the note about the spool's problems was changed"]


def _when(ts: float) -> str:
    import time

    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def adopt(store: Any) -> None:
    """Copy an existing store's session counters to its sessions folder, once (then hooks can spool)."""
    db = store.url
    folder = sessions_dir(db)
    if pathstr.exists(pathstr.join(folder, READY)):
        return
    fd = lock(db)
    try:
        if pathstr.exists(pathstr.join(folder, READY)):
            return
        pathstr.makedirs(folder, mode=0o700, exist_ok=True)
        for sid, consecutive, total in store.fetchall("SELECT session_id, consecutive_denials, total_denials FROM sessions"):
            if not pathstr.exists(_session_file(db, str(sid))):
                write_counters(db, str(sid), int(consecutive), int(total))
        with open(pathstr.join(folder, READY), "wb"):
            pass
    finally:
        unlock(fd)


def prune_sessions(db: str, days: float, now: float) -> int:
    """Remove the counters of sessions idle for more than *days* (0: keep them); how many were removed."""
    if days <= 0:
        return 0
    folder = sessions_dir(db)
    n = 0
    try:
        names = posix.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if name in (READY, NEXT_ID, KEY_NAME, PRUNED) or name.startswith("."):
            continue
        p = pathstr.join(folder, name)
        try:
            if now - posix.stat(p).st_mtime > days * 86_400.0:
                posix.unlink(p)
                n += 1
        except OSError:
            pass
    return n
