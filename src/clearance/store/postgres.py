"""PostgreSQL store (psycopg 3): the same schema and semantics as SQLite, for teams."""

from __future__ import annotations

import os
import time

from .. import escalation
from . import chain
from .schema import COLUMNS, LATEST, statements
from .sqlite import build_where, to_dict

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


CHAIN_LOCK = 7202  # advisory lock id: the audit chain's writers (7201: migrations)
ADMIN_LOCK = 7203  # the team service's privileged changes (approvals, the first admin)


class PostgresStore:
    def __init__(self, url: str, connect_timeout_s: int = 5, key_file: str | None = None) -> None:
        self.key_file = key_file
        try:
            import psycopg
        except ImportError as e:  # pragma: no cover - depends on the install
            raise RuntimeError("PostgreSQL audit needs psycopg: pip install 'clearance[postgres]'") from e
        self.url = url
        # TCP keepalives and a user timeout: a server that vanishes without closing the connection (a network
        # partition, a host that died) fails the call within ~15 s instead of leaving it waiting for ever.
        self.conn = psycopg.connect(
            url,
            connect_timeout=connect_timeout_s,
            autocommit=True,
            keepalives=1,
            keepalives_idle=5,
            keepalives_interval=2,
            keepalives_count=3,
            tcp_user_timeout=15000,
        )
        # Text comes back as str even from a SQL_ASCII database.
        self.conn.execute("SET client_encoding TO 'UTF8'")
        self._migrate()

    def _migrate(self) -> None:
        c = self.conn
        with c.transaction():
            # One migrator at a time across processes.
            c.execute("SELECT pg_advisory_xact_lock(7201)")
            c.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = c.execute("SELECT MAX(version) FROM schema_version").fetchone()
            current = (row[0] if row else None) or 0
            for version in range(current + 1, LATEST + 1):
                for stmt in statements("postgres", version):
                    c.execute(stmt)
                c.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))

    def record(self, rec: dict[str, Any], limits: tuple[int, int], headless: bool) -> dict[str, Any]:
        c = self.conn
        sid = str(rec.get("session_id", ""))
        key = chain.writer_key(self)
        with c.transaction():
            # Writers of the chain take this lock first (then the session row): one chain, no deadlock.
            c.execute(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})")
            c.execute("INSERT INTO sessions (session_id) VALUES (%s) ON CONFLICT (session_id) DO NOTHING", (sid,))
            row = c.execute("SELECT consecutive_denials, total_denials FROM sessions WHERE session_id = %s FOR UPDATE", (sid,)).fetchone()
            consecutive, total = (row[0], row[1]) if row else (0, 0)
            rec, out, new_c, new_t = escalation.settle(rec, consecutive, total, limits, headless)
            escalate = out["escalate"]
            values = _values(rec)
            inserted = c.execute(
                f"INSERT INTO decisions ({', '.join(COLUMNS)}, chain) VALUES ({', '.join('%s' for _ in COLUMNS)}, %s) RETURNING id",
                (*values, chain.as_column(chain.link(key, chain.head(self), values)) if key else b""),
            ).fetchone()
            # The row's id, for the denial's way forward: `clearance allow ID` names this call, where --last would name
            # whatever the team's latest denial is by then (audit.apply_escalation), as the SQLite store's spool does.
            if inserted is not None:
                out = {**out, "id": int(inserted[0])}
            c.execute(
                "UPDATE sessions SET consecutive_denials = %s, total_denials = %s, decisions = decisions + 1, "
                "escalations = escalations + %s, updated = %s WHERE session_id = %s",
                (new_c, new_t, 1 if escalate else 0, rec["ts"], sid),
            )
        return out

    def record_offline(self, machine: str, rows: list[tuple[str, dict[str, Any]]]) -> tuple[int, int]:
        """Store decisions a machine made offline, as they were decided (no escalation, no session counters), each
        once per (machine, key) and in the hash chain; (stored, duplicates)."""
        c = self.conn
        key = chain.writer_key(self)
        stored = dup = 0
        with c.transaction():
            c.execute(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})")
            prev = chain.head(self)
            for upload_key, rec in rows:
                cur = c.execute(
                    "INSERT INTO offline_uploads (machine, upload_key, received) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", (machine, upload_key, time.time())
                )
                if cur.rowcount == 0:
                    dup += 1
                    continue
                values = _values(rec)
                link = chain.link(key, prev, values) if key else ""
                row = c.execute(
                    f"INSERT INTO decisions ({', '.join(COLUMNS)}, chain) VALUES ({', '.join('%s' for _ in COLUMNS)}, %s) RETURNING id",
                    (*values, chain.as_column(link) if link else b""),
                ).fetchone()
                prev = link or prev
                c.execute("UPDATE offline_uploads SET decision_id = %s WHERE machine = %s AND upload_key = %s", (row[0] if row else 0, machine, upload_key))
                stored += 1
        return stored, dup

    def key(self, create: bool = True) -> bytes:
        return chain.load_key(self.key_file or chain.key_file(None, os.environ), create)

    # -- retention and verification ------------------------------------------------

    def verify(self) -> dict[str, Any]:
        return chain.verify(self, self.key(create=False))

    def maybe_prune(self, audit_cfg: dict[str, Any] | None) -> dict[str, Any] | None:
        """Prune by age at most once a day per store (tracked in audit_meta)."""
        now = time.time()
        if not chain.prune_due(self, now):
            return None
        days, mb = chain.retention(audit_cfg)
        return self.prune(days, mb, now)

    def prune(self, days: float, mb: float = 0, now: float | None = None, vacuum: bool = False) -> dict[str, Any]:
        """Delete decisions older than *days* and anchor them.  By age only: PostgreSQL reuses the space of
        deleted rows after its autovacuum, and a table's size does not drop, so a size limit would prune again
        and again.  *vacuum* runs ``VACUUM decisions`` afterwards."""
        now = time.time() if now is None else now
        c = self.conn
        through = 0
        if days > 0:
            row = c.execute("SELECT MAX(id) FROM decisions WHERE ts < %s", (now - days * chain.DAY_S,)).fetchone()
            through = int(row[0] or 0) if row else 0
        key = self.key()

        def nothing() -> None:
            pass  # the transaction block below begins, commits and rolls back

        with c.transaction():
            c.execute(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})")
            pruned = chain.prune_through(self, key, through, now, nothing, nothing, nothing)
        if vacuum and pruned:
            c.execute("VACUUM decisions")
        return {"pruned": pruned, "through_id": through if pruned else None}

    def session(self, session_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT session_id, consecutive_denials, total_denials, decisions, escalations, updated FROM sessions WHERE session_id = %s", (session_id,)
        ).fetchone()
        if row is None:
            return None
        return dict(zip(("session_id", "consecutive_denials", "total_denials", "decisions", "escalations", "updated"), row))

    def query(self, filters: dict[str, Any], limit: int = 1000) -> list[dict[str, Any]]:
        where, params = build_where(filters, "%s")
        rows = self.conn.execute(f"SELECT id, {', '.join(COLUMNS)} FROM decisions{where} ORDER BY ts DESC, id DESC LIMIT {int(limit)}", params).fetchall()
        return [to_dict(tuple(r)) for r in rows]

    def sessions(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT session_id, consecutive_denials, total_denials, decisions, escalations, updated FROM sessions").fetchall()
        return [dict(zip(("session_id", "consecutive_denials", "total_denials", "decisions", "escalations", "updated"), r)) for r in rows]

    def latest_rule_times(self, session_id: str, rule_ids: tuple[str, ...], since: float) -> dict[str, float]:
        """For each rule id, the time of the session's latest decision since `since` that names it (absent when none).

        Uses the (session_id, ts) index; the prompt-injection probe's outbound guard asks this on PreToolUse."""
        out: dict[str, float] = {}
        for rid in rule_ids:
            row = self.conn.execute(
                "SELECT MAX(ts) FROM decisions WHERE session_id = %s AND ts >= %s AND rules LIKE %s", (session_id, since, f'%"{rid}"%')
            ).fetchone()
            if row is not None and row[0] is not None:
                out[rid] = float(row[0])
        return out

    # -- generic access for the team service's tables ------------------------------

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        self.conn.execute(sql.replace("?", "%s"), params)

    def atomic(self, fn: Any) -> Any:
        """``fn()`` in one transaction holding the admin advisory lock (one privileged change at a time, across processes)."""
        with self.conn.transaction():
            self.conn.execute(f"SELECT pg_advisory_xact_lock({ADMIN_LOCK})")
            return fn()

    def changed(self, sql: str, params: tuple[Any, ...] = ()) -> int:
        """Run a write; the number of rows it changed."""
        return int(self.conn.execute(sql.replace("?", "%s"), params).rowcount)

    def fetchall(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.conn.execute(sql.replace("?", "%s"), params).fetchall()]

    def fetchone(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        row = self.conn.execute(sql.replace("?", "%s"), params).fetchone()
        return tuple(row) if row is not None else None

    def close(self) -> None:
        self.conn.close()


def _values(rec: dict[str, Any]) -> tuple[Any, ...]:
    from .sqlite import _values as sqlite_values

    return sqlite_values(rec)
