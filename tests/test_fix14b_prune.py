"""Pruning by size keeps the denials and questions of a session that goes on (fix14b, adversarial round 14b's open
item): an agent writing enough bulky calls must not push the rows recording what it was refused out of the audit
trail at the next daily prune. Rows of sessions that ended are pruned by size as before; age-based pruning is not
changed; the chain still verifies."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clearance.store import open_store

from .test_audit_chain import env, rec  # noqa: F401  (the fixture)


def _fill(db: str, rows: list[dict[str, object]]) -> None:
    store = open_store(db)
    try:
        for r in rows:
            store.record(r, (3, 20), False)
    finally:
        store.close()


def _denied(i: int, session: str) -> dict[str, object]:
    r = rec(i, session=session)
    r["decision"] = r["raw_decision"] = "deny"
    r["rules"] = ["self.audit-store"]
    return r


def _ids(db: str, decision: str) -> list[str]:
    return [r[0] for r in sqlite3.connect(db).execute("SELECT session_id FROM decisions WHERE decision = ?", (decision,))]


def test_a_live_sessions_denial_outlasts_its_bulky_calls(tmp_path: Path, env: dict[str, str]) -> None:  # noqa: F811
    db = str(tmp_path / "a.db")
    _fill(db, [rec(0, session="agent"), _denied(1, "agent")] + [rec(i, session="agent", big=4000) for i in range(2, 600)])
    store = open_store(db)
    try:
        res = store.prune(0, 1)
        assert res["pruned"] == 1  # only the allowed row before the denial
        assert _ids(db, "deny") == ["agent"]
        assert store.verify()["ok"]
    finally:
        store.close()


def test_an_ended_sessions_rows_are_pruned_by_size(tmp_path: Path, env: dict[str, str]) -> None:  # noqa: F811
    db = str(tmp_path / "a.db")
    _fill(db, [_denied(0, "old")] + [rec(i, session="old", big=4000) for i in range(1, 50)] + [rec(i, session="new", big=4000) for i in range(50, 600)])
    store = open_store(db)
    try:
        res = store.prune(0, 1)
        assert res["pruned"] > 200 and store.size_bytes() <= 1024 * 1024
        assert _ids(db, "deny") == []
        assert store.verify()["ok"]
    finally:
        store.close()


def test_an_ask_of_a_live_session_is_kept_too(tmp_path: Path, env: dict[str, str]) -> None:  # noqa: F811
    db = str(tmp_path / "a.db")
    asked = rec(100, session="agent")
    asked["decision"] = asked["raw_decision"] = "ask"
    _fill(db, [rec(i, session="other", big=4000) for i in range(100)] + [asked] + [rec(i, session="agent", big=4000) for i in range(101, 600)])
    store = open_store(db)
    try:
        res = store.prune(0, 1)
        assert res["pruned"] == 100  # the other session's rows before the question
        assert _ids(db, "ask") == ["agent"]
        assert store.verify()["ok"]
    finally:
        store.close()
