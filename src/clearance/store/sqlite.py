"""SQLite store: WAL mode, one transaction per decision, safe across many hook processes."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time

from .. import escalation
from . import chain, spool
from .schema import COLUMNS, LATEST, statements

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


_UPSERT_SESSION = (
    "INSERT INTO sessions (session_id, consecutive_denials, total_denials, decisions, escalations, updated) VALUES (?, ?, ?, 1, ?, ?) "
    "ON CONFLICT(session_id) DO UPDATE SET consecutive_denials = excluded.consecutive_denials, total_denials = excluded.total_denials, "
    "decisions = sessions.decisions + 1, escalations = sessions.escalations + excluded.escalations, updated = excluded.updated"
)


def _keep_live_denials(c: sqlite3.Connection, aged: int, by_size: int) -> int:
    """How far pruning by size may go, up to *by_size*: not past a denial or question, younger than the age limit
    (above *aged*), of a session that goes on after it -- one with a decision beyond *by_size*. Otherwise an agent
    could write enough bulky calls (about 50 000 of 20 KB at the default 1024 MB) that the next daily prune drops the
    rows recording what it was refused (adversarial round 14b). The store may stay above the size limit while such a
    session lasts; once it ends, its rows are pruned as any others."""
    row = c.execute(
        "SELECT MIN(id) FROM decisions WHERE id > ? AND id <= ? AND decision IN ('deny', 'ask')"
        " AND session_id IN (SELECT DISTINCT session_id FROM decisions WHERE id > ?)",
        (aged, by_size, by_size),
    ).fetchone()
    return by_size if row is None or row[0] is None else int(row[0]) - 1


class SqliteStore:
    def __init__(self, path: str, timeout_s: float = 10.0, key_file: str | None = None, read_only: bool = False) -> None:
        self.url = path
        self.key_file = key_file
        self.spooled = False
        if read_only and not spool.pending(path):
            # A reader (`clearance log`, `stats`, `report`, `explain`) of a store nothing waits to join: opened
            # read-only, so reading one never writes it, never makes an empty one where there was none.  A store
            # with spooled decisions is opened to write them in first (the hooks' records, as any reader does).
            if not os.path.isfile(path) or os.path.getsize(path) == 0:
                raise FileNotFoundError(f"no audit store at {path} (nothing was ever recorded there; a reader creates none)")
            import urllib.parse

            self.timeout_s = timeout_s
            self.conn = sqlite3.connect(f"file:{urllib.parse.quote(path)}?mode=ro", uri=True, timeout=timeout_s, isolation_level=None, check_same_thread=False)
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout_s * 1000)}")
            return
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        self.timeout_s = timeout_s
        new = not os.path.exists(path) or os.path.getsize(path) == 0
        # One connection per store; the team service uses it from its event-loop thread only.
        self.conn = sqlite3.connect(path, timeout=timeout_s, isolation_level=None, check_same_thread=False)
        self.conn.execute(f"PRAGMA busy_timeout = {int(timeout_s * 1000)}")
        if new:
            # Before the first table: pruning can then hand freed pages back with PRAGMA incremental_vacuum.
            self.conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        # Many hook processes may open a new store at the same moment; switching to WAL and the
        # first migration can then see SQLITE_BUSY without the busy handler being consulted.
        self._retrying(self._set_wal)
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self._retrying(self._migrate)
        # Decisions the hooks spooled (spool.py) join the store whenever it is opened: every reader sees them all.
        self.spooled = spool.supported(path)
        if self.spooled:
            spool.adopt(self)
            self.fold()
            if spool.read_next_id(path) is None:
                lk = spool.lock(path)
                try:
                    self._set_next_id()  # a store from before spool.NEXT_ID: hooks name their decisions' ids from now on
                except (OSError, sqlite3.Error):
                    pass
                finally:
                    spool.unlock(lk)

    def _set_wal(self) -> None:
        mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise sqlite3.OperationalError(f"cannot switch {self.url} to WAL mode (got {mode})")

    def _retrying(self, fn: Any) -> Any:
        """Run *fn*, retrying while SQLite reports the database locked or busy, up to the timeout."""
        import random

        deadline = time.monotonic() + self.timeout_s
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as e:
                text = str(e).lower()
                if ("locked" not in text and "busy" not in text) or time.monotonic() > deadline:
                    raise
                time.sleep(0.005 + random.random() * 0.02)

    def _migrate(self) -> None:
        c = self.conn
        c.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = c.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = row[0] or 0
        if current >= LATEST:
            return
        c.execute("BEGIN IMMEDIATE")
        try:
            row = c.execute("SELECT MAX(version) FROM schema_version").fetchone()
            current = row[0] or 0
            for version in range(current + 1, LATEST + 1):
                for stmt in statements("sqlite", version):
                    c.execute(stmt)
                c.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
            c.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.OperationalError):
                c.execute("ROLLBACK")  # SQLite may already have rolled back a busy transaction
            raise

    def record(self, rec: dict[str, Any], limits: tuple[int, int], headless: bool) -> dict[str, Any]:
        """Insert one decision and update its session's counters atomically; returns the escalation outcome.

        A store with a spool (spool.py) folds what hooks spooled first, in the same transaction, and takes the
        session's counters from beside the spool, where the hooks keep them.
        """
        if self.spooled:
            got: dict[str, Any] = self._spool_transaction((rec, limits, headless))
            return got
        done: dict[str, Any] = self._retrying(lambda: self._record(rec, limits, headless))
        return done

    def fold(self) -> int:
        """Move spooled decisions into the store (spool.py); how many."""
        if not self.spooled or spool.pending(self.url) == 0:
            return 0
        n: int = self._spool_transaction(None)
        return n

    def _spool_transaction(self, record: tuple[dict[str, Any], tuple[int, int], bool] | None) -> Any:
        """One write transaction: the spool's lines, then *record*; SQLite's lock first, then the spool's (spool.lock)."""
        c = self.conn
        full = spool.pending(self.url) > 0  # folding empties the spool after the commit: make the commit durable first

        def once() -> Any:
            c.execute("BEGIN IMMEDIATE")
            lk = None
            try:
                lk = spool.lock(self.url)
                folded = spool.collect(self)
                if folded is None and record is None:
                    c.execute("ROLLBACK")
                    return 0
                key = chain.writer_key(self) if (record is not None or (folded is not None and folded.rows)) else None
                prev = chain.head(self)
                n = 0
                if folded is not None:
                    for rec, consecutive, total, escalated, verified in folded.rows:
                        # A line whose spool MAC does not verify is kept as evidence, outside the chain: --verify names it.
                        prev = self._insert(rec, key if verified else None, prev)
                        c.execute(_UPSERT_SESSION, (str(rec.get("session_id", "")), consecutive, total, 1 if escalated else 0, float(rec.get("ts") or 0)))
                    n = len(folded.rows)
                    if folded.problems:
                        spool.note_problems(self, folded.problems, time.time())
                    chain.set_meta(self, "spool_head", folded.head)
                out: Any = n
                sid, new_c, new_t = "", 0, 0
                if record is not None:
                    rec, limits, headless = record
                    sid = str(rec.get("session_id", ""))
                    consecutive, total = spool.read_counters(self.url, sid)
                    rec, out, new_c, new_t = escalation.settle(rec, consecutive, total, limits, headless)
                    self._insert(rec, key, prev)
                    out = {**out, "id": int(c.execute("SELECT last_insert_rowid()").fetchone()[0])}
                    c.execute(_UPSERT_SESSION, (sid, new_c, new_t, 1 if out["escalate"] else 0, rec["ts"]))
                c.execute("COMMIT")
                with contextlib.suppress(OSError, sqlite3.Error):
                    self._set_next_id()
                if record is not None:
                    spool.write_counters(self.url, sid, new_c, new_t)
                if folded is not None:
                    spool.replace(self.url, folded.head)
                if folded is not None and folded.problems:
                    import sys

                    sys.stderr.write(f"clearance: the audit spool of {self.url} had problems ({'; '.join(folded.problems)}); --verify reports them\n")
                return out
            except BaseException:
                with contextlib.suppress(sqlite3.OperationalError):
                    c.execute("ROLLBACK")  # SQLite may already have rolled back a busy transaction
                raise
            finally:
                if lk is not None:
                    spool.unlock(lk)

        if full:
            c.execute("PRAGMA synchronous = FULL")
        try:
            return self._retrying(once)
        finally:
            if full:
                c.execute("PRAGMA synchronous = NORMAL")

    def _insert(self, rec: dict[str, Any], key: bytes | None, prev: str) -> str:
        """One decision row, linked to *prev* when there is a key; the chain value the next row links to.  A spooled
        record keeps the id its hook gave it (and named to the person: spool.NEXT_ID) when that id is free."""
        values = _values(rec)
        link = chain.link(key, prev, values) if key else ""
        rid = rec.get("id")
        if isinstance(rid, int) and rid > 0 and self.conn.execute("SELECT 1 FROM decisions WHERE id = ?", (rid,)).fetchone() is None:
            self.conn.execute(
                f"INSERT INTO decisions (id, {', '.join(COLUMNS)}, chain) VALUES (?, {', '.join('?' for _ in COLUMNS)}, ?)",
                (rid, *values, chain.as_column(link) if link else b""),
            )
        else:
            self.conn.execute(
                f"INSERT INTO decisions ({', '.join(COLUMNS)}, chain) VALUES ({', '.join('?' for _ in COLUMNS)}, ?)",
                (*values, chain.as_column(link) if link else b""),
            )
        return link or prev

    def _set_next_id(self) -> None:
        """After a commit, under the spool's lock: the id the next decision gets (spool.NEXT_ID)."""
        row = self.conn.execute("SELECT MAX(id) FROM decisions").fetchone()
        seq = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'decisions'").fetchone()
        spool.write_next_id(self.url, max(int(row[0] or 0) if row else 0, int(seq[0] or 0) if seq else 0) + 1)

    def record_offline(self, machine: str, rows: list[tuple[str, dict[str, Any]]]) -> tuple[int, int]:
        """Store decisions a machine made offline, as they were decided (no escalation, no session counters), each
        once per (machine, key) and in the hash chain; (stored, duplicates)."""
        c = self.conn
        key = chain.writer_key(self)
        self.fold()  # the ids hooks gave what they spooled stay theirs

        def once() -> tuple[int, int]:
            c.execute("BEGIN IMMEDIATE")
            lk = spool.lock(self.url) if self.spooled else None  # hooks give ids from spool.NEXT_ID: none taken twice
            try:
                stored = dup = 0
                prev = chain.head(self)
                for upload_key, rec in rows:
                    cur = c.execute(
                        "INSERT INTO offline_uploads (machine, upload_key, received) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        (machine, upload_key, time.time()),
                    )
                    if cur.rowcount == 0:
                        dup += 1
                        continue
                    prev = self._insert(rec, key, prev)
                    c.execute(
                        "UPDATE offline_uploads SET decision_id = (SELECT MAX(id) FROM decisions) WHERE machine = ? AND upload_key = ?", (machine, upload_key)
                    )
                    stored += 1
                c.execute("COMMIT")
                if lk is not None:
                    with contextlib.suppress(OSError, sqlite3.Error):
                        self._set_next_id()
            except BaseException:
                with contextlib.suppress(sqlite3.OperationalError):
                    c.execute("ROLLBACK")
                raise
            finally:
                if lk is not None:
                    spool.unlock(lk)
            return stored, dup

        done: tuple[int, int] = self._retrying(once)
        return done

    def key(self, create: bool = True) -> bytes:
        return chain.load_key(self.key_file or chain.key_file(None, os.environ), create)

    def _record(self, rec: dict[str, Any], limits: tuple[int, int], headless: bool) -> dict[str, Any]:
        c = self.conn
        sid = str(rec.get("session_id", ""))
        key = chain.writer_key(self)
        c.execute("BEGIN IMMEDIATE")
        try:
            row = c.execute("SELECT consecutive_denials, total_denials FROM sessions WHERE session_id = ?", (sid,)).fetchone()
            consecutive, total = (row[0], row[1]) if row else (0, 0)
            rec, out, new_c, new_t = escalation.settle(rec, consecutive, total, limits, headless)
            escalate = out["escalate"]
            values = _values(rec)
            # The chain's head is read in the same write transaction as the insert: one chain across processes.
            c.execute(
                f"INSERT INTO decisions ({', '.join(COLUMNS)}, chain) VALUES ({', '.join('?' for _ in COLUMNS)}, ?)",
                (*values, chain.as_column(chain.link(key, chain.head(self), values)) if key else b""),
            )
            out = {**out, "id": int(c.execute("SELECT last_insert_rowid()").fetchone()[0])}  # the denial names it (audit.LAST)
            c.execute(_UPSERT_SESSION, (sid, new_c, new_t, 1 if escalate else 0, rec["ts"]))
            c.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.OperationalError):
                c.execute("ROLLBACK")  # SQLite may already have rolled back a busy transaction
            raise
        return out

    # -- retention and verification ------------------------------------------------

    def verify(self) -> dict[str, Any]:
        return chain.verify(self, self.key(create=False))

    def size_bytes(self) -> int:
        """Bytes in use (pages that hold data; free pages excluded)."""
        c = self.conn
        pages = c.execute("PRAGMA page_count").fetchone()[0] - c.execute("PRAGMA freelist_count").fetchone()[0]
        return int(pages) * int(c.execute("PRAGMA page_size").fetchone()[0])

    def maybe_prune(self, audit_cfg: dict[str, Any] | None) -> dict[str, Any] | None:
        """Prune by the policy's retention at most once a day per store (tracked in audit_meta)."""
        now = time.time()
        if not chain.prune_due(self, now):
            return None
        days, mb = chain.retention(audit_cfg)
        out: dict[str, Any] | None = self._retrying(lambda: self.prune(days, mb, now))
        if self.spooled and out is not None:
            out["sessions_pruned"] = spool.prune_sessions(self.url, days, now)  # counters of sessions idle beyond retention
        return out

    def prune(self, days: float, mb: float, now: float | None = None, vacuum: bool = False) -> dict[str, Any]:
        """Delete decisions older than *days* and the oldest beyond *mb* megabytes (0: no limit); anchor them.

        Freed pages go back to the file system with ``PRAGMA incremental_vacuum``; with *vacuum*, a
        database created before incremental vacuum is converted (``VACUUM``, which rewrites the file).
        """
        now = time.time() if now is None else now
        c = self.conn
        before = os.path.getsize(self.url) if os.path.exists(self.url) else 0
        through = 0
        if days > 0:
            row = c.execute("SELECT MAX(id) FROM decisions WHERE ts < ?", (now - days * chain.DAY_S,)).fetchone()
            through = int(row[0] or 0)
        if mb > 0:
            used, limit = self.size_bytes(), mb * 1024 * 1024
            if used > limit:
                count = c.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
                if count:
                    # Down to 90% of the limit, so the next prune is not due the next day.
                    n = min(count, int((used - 0.9 * limit) / (used / count)) + 1)
                    row = c.execute("SELECT id FROM decisions ORDER BY id LIMIT 1 OFFSET ?", (n - 1,)).fetchone()
                    by_size = int(row[0]) if row else 0
                    if by_size > through:
                        through = max(through, _keep_live_denials(c, through, by_size))
        key = self.key()

        def begin() -> None:
            c.execute("BEGIN IMMEDIATE")

        def commit() -> None:
            c.execute("COMMIT")

        def rollback() -> None:
            with contextlib.suppress(sqlite3.OperationalError):
                c.execute("ROLLBACK")

        pruned = chain.prune_through(self, key, through, now, begin, commit, rollback)
        mode = c.execute("PRAGMA auto_vacuum").fetchone()[0]
        if mode == 2:
            if pruned:
                c.executescript("PRAGMA incremental_vacuum;")  # execute() would step it once: one page
        elif vacuum:
            c.execute("PRAGMA auto_vacuum = INCREMENTAL")
            c.execute("VACUUM")  # converts the file; from now on incremental_vacuum frees pages
        if vacuum:
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the command: give the space back now
        elif pruned:
            c.execute("PRAGMA wal_checkpoint(PASSIVE)")  # the hook: never wait for other readers
        after = os.path.getsize(self.url) if os.path.exists(self.url) else 0
        return {"pruned": pruned, "through_id": through if pruned else None, "bytes_before": before, "bytes_after": after}

    def session(self, session_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT session_id, consecutive_denials, total_denials, decisions, escalations, updated FROM sessions WHERE session_id = ?", (session_id,)
        ).fetchone()
        if row is None:
            return None
        return dict(zip(("session_id", "consecutive_denials", "total_denials", "decisions", "escalations", "updated"), row))

    def query(self, filters: dict[str, Any], limit: int = 1000) -> list[dict[str, Any]]:
        where, params = build_where(filters, "?")
        sql = f"SELECT id, {', '.join(COLUMNS)} FROM decisions{where} ORDER BY ts DESC, id DESC LIMIT {int(limit)}"
        rows = self.conn.execute(sql, params).fetchall()
        return [to_dict(r) for r in rows]

    def sessions(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT session_id, consecutive_denials, total_denials, decisions, escalations, updated FROM sessions").fetchall()
        return [dict(zip(("session_id", "consecutive_denials", "total_denials", "decisions", "escalations", "updated"), r)) for r in rows]

    def latest_rule_times(self, session_id: str, rule_ids: tuple[str, ...], since: float) -> dict[str, float]:
        """For each rule id, the time of the session's latest decision since `since` that names it (absent when none).

        Uses the (session_id, ts) index; the prompt-injection probe's outbound guard asks this on PreToolUse."""
        out: dict[str, float] = {}
        for rid in rule_ids:
            row = self.conn.execute(
                "SELECT MAX(ts) FROM decisions WHERE session_id = ? AND ts >= ? AND rules LIKE ?", (session_id, since, f'%"{rid}"%')
            ).fetchone()
            if row is not None and row[0] is not None:
                out[rid] = float(row[0])
        return out

    # -- generic access for the team service's tables ------------------------------

    def atomic(self, fn: Any) -> Any:
        """``fn()`` in one write transaction that excludes every other writer (BEGIN IMMEDIATE), committed when it returns."""
        c = self.conn

        def once() -> Any:
            c.execute("BEGIN IMMEDIATE")
            try:
                out = fn()
                c.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.OperationalError):
                    c.execute("ROLLBACK")
                raise
            return out

        return self._retrying(once)

    def changed(self, sql: str, params: tuple[Any, ...] = ()) -> int:
        """Run a write; the number of rows it changed."""
        return int(self.conn.execute(sql, params).rowcount)

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        self.conn.execute(sql, params)

    def fetchall(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.conn.execute(sql, params).fetchall()]

    def fetchone(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        row = self.conn.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def close(self) -> None:
        self.conn.close()


def _values(rec: dict[str, Any]) -> tuple[Any, ...]:
    out = []
    for col in COLUMNS:
        v = rec.get(col)
        if col in ("tool_input", "rules"):
            v = json.dumps(v if v is not None else ({} if col == "tool_input" else []), separators=(",", ":"))
        elif col in ("shadow", "headless"):
            v = 1 if v else 0
        elif v is None:
            v = 0 if col in ("tokens_in", "tokens_out", "reviewer_ms", "elapsed_ms") else ""
        out.append(v)
    return tuple(out)


def build_where(filters: dict[str, Any], ph: str) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for key in ("session_id", "decision", "agent", "tool_name", "stage", "user_name"):
        if filters.get(key):
            clauses.append(f"{key} = {ph}")
            params.append(filters[key])
    if filters.get("id") is not None:
        clauses.append(f"id = {ph}")
        params.append(int(filters["id"]))
    if filters.get("rule"):
        clauses.append(f"rules LIKE {ph}")
        params.append(f'%"{filters["rule"]}"%')
    if filters.get("since") is not None:
        clauses.append(f"ts >= {ph}")
        params.append(float(filters["since"]))
    if filters.get("until") is not None:
        clauses.append(f"ts <= {ph}")
        params.append(float(filters["until"]))
    if filters.get("before_id") is not None:
        # Keyset paging: the page after the one that ended at this id (ids grow with time).
        clauses.append(f"id < {ph}")
        params.append(int(filters["before_id"]))
    if filters.get("shadow") is not None:
        clauses.append(f"shadow = {ph}")
        params.append(1 if filters["shadow"] else 0)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def to_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    d = dict(zip(("id", *COLUMNS), row))
    for col in ("tool_input", "rules"):
        with contextlib.suppress(ValueError):
            d[col] = json.loads(d[col]) if isinstance(d[col], str) else d[col]
    d["shadow"] = bool(d["shadow"])
    d["headless"] = bool(d["headless"])
    d["time"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(d["ts"]))
    return d
