"""A denial names its own record on every store (agents16): the PostgreSQL store and a SQLite store written without
its spool said `clearance allow --last`, which by the time a person reads it may name another call (a teammate's,
another session's); the spool's path already named the decision's id."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance import hook
from clearance.audit import record
from clearance.model import Decision

from .pgserver import postgres_server, unavailable_reason

REFUSED = "git reset --hard HEAD~3"


def _event(home: Path, sid: str) -> bytes:
    return json.dumps({"session_id": sid, "cwd": str(home), "hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": REFUSED}}).encode()


def _named(text: str) -> str:
    return text.rpartition("`clearance allow ")[2].partition("`")[0]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    reason = unavailable_reason()
    if reason:
        pytest.skip(f"PostgreSQL test skipped: {reason}")
    with postgres_server() as url:
        yield url


def test_a_postgres_denial_names_its_decision_id(pg_url: str, tmp_path: Path) -> None:
    from clearance.store import open_store

    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "CLEARANCE_NO_DAEMON": "1", "CLEARANCE_DB": pg_url, "CLEARANCE_HEADLESS": "0"}
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    said = []
    for sid in ("pg-a", "pg-b", "pg-a"):
        answer = hook.run_answer(_event(tmp_path, sid), hook.Options(["--agent", "codex"]), env)
        text = json.dumps(answer.stdout) + answer.stderr
        assert "--last" not in text, text
        said.append(_named(text))
    store = open_store(pg_url)
    try:
        rows = {str(r["id"]): r for r in store.query({}, 100)}
    finally:
        store.close()
    assert all(s.isdigit() for s in said) and len(set(said)) == 3
    assert [rows[s]["session_id"] for s in said] == ["pg-a", "pg-b", "pg-a"]


def test_a_sqlite_store_recorded_without_its_spool_names_the_id_too(tmp_path: Path) -> None:
    """A store without its spool (no flock): the row's id is known after the insert."""
    from clearance.store.sqlite import SqliteStore

    db = str(tmp_path / "audit.db")
    store = SqliteStore(db)
    store.spooled = False  # as where flock is missing: each decision is one SQLite transaction
    stores = {db: store}
    env = {"HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    try:
        ids = []
        for i in range(3):
            from clearance.engine import LIFT_DENY

            d = Decision("deny", "rewrites history", ["git.reset-hard"], "rules")
            d.hint = LIFT_DENY
            event = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": REFUSED}, "session_id": f"s{i}", "cwd": str(tmp_path)}
            out = record(d, event, None, None, env, db, False, False, stores)
            ids.append(_named(out.hint))
        rows = {str(r["id"]): r["session_id"] for r in store.query({}, 10)}
    finally:
        store.close()
    assert [rows[i] for i in ids] == ["s0", "s1", "s2"]
