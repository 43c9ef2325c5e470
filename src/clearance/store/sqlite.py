"""SQLite store: WAL mode, one transaction per decision, safe across many hook processes."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time

from .. import escalation
from .schema import COLUMNS, LATEST, statements

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class SqliteStore:
    def __init__(self, path: str, timeout_s: float = 10.0) -> None:
        self.url = path
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        self.timeout_s = timeout_s
        # One connection per store; the team service uses it from its event-loop thread only.
        self.conn = sqlite3.connect(path, timeout=timeout_s, isolation_level=None, check_same_thread=False)
        self.conn.execute(f"PRAGMA busy_timeout = {int(timeout_s * 1000)}")
        # Many hook processes may open a new store at the same moment; switching to WAL and the
        # first migration can then see SQLITE_BUSY without the busy handler being consulted.
        self._retrying(self._set_wal)
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self._retrying(self._migrate)

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
        """Insert one decision and update its session's counters atomically; returns the escalation outcome."""
        out: dict[str, Any] = self._retrying(lambda: self._record(rec, limits, headless))
        return out

    def _record(self, rec: dict[str, Any], limits: tuple[int, int], headless: bool) -> dict[str, Any]:
        c = self.conn
        sid = str(rec.get("session_id", ""))
        c.execute("BEGIN IMMEDIATE")
        try:
            row = c.execute("SELECT consecutive_denials, total_denials FROM sessions WHERE session_id = ?", (sid,)).fetchone()
            consecutive, total = (row[0], row[1]) if row else (0, 0)
            rec, out, new_c, new_t = escalation.settle(rec, consecutive, total, limits, headless)
            escalate = out["escalate"]
            c.execute(
                f"INSERT INTO decisions ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})",
                _values(rec),
            )
            c.execute(
                "INSERT INTO sessions (session_id, consecutive_denials, total_denials, decisions, escalations, updated) VALUES (?, ?, ?, 1, ?, ?) "
                "ON CONFLICT(session_id) DO UPDATE SET consecutive_denials = excluded.consecutive_denials, total_denials = excluded.total_denials, "
                "decisions = sessions.decisions + 1, escalations = sessions.escalations + excluded.escalations, updated = excluded.updated",
                (sid, new_c, new_t, 1 if escalate else 0, rec["ts"]),
            )
            c.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.OperationalError):
                c.execute("ROLLBACK")  # SQLite may already have rolled back a busy transaction
            raise
        return out

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
            v = json.dumps(v if v is not None else ({} if col == "tool_input" else []))
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
