"""The audit trail's keyed hash chain, --verify, retention (age, size), anchors, migration of old stores."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clearance import cli
from clearance.store import open_store
from clearance.store.chain import canonical, load_key
from clearance.store.schema import COLUMNS, MIGRATIONS, statements

from .pgserver import postgres_server, unavailable_reason

PROJECT = "/home/ana/webapp"


def rec(i: int, ts: float | None = None, session: str = "s", reason: str = "fine", big: int = 0) -> dict[str, Any]:
    return {
        "ts": time.time() if ts is None else ts,
        "session_id": session,
        "agent": "claude",
        "cwd": PROJECT,
        "tool_name": "Bash",
        "tool_input": {"command": f"ls {i}", "content": "x" * big},
        "decision": "allow",
        "raw_decision": "allow",
        "stage": "analysis",
        "rules": [],
        "reason": reason,
        "elapsed_ms": 0.5,
        "shadow": False,
        "headless": False,
    }


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The key goes to this test's own state directory; the policy is empty."""
    state = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLEARANCE_MANAGED_POLICY", str(tmp_path / "none.toml"))
    monkeypatch.delenv("CLEARANCE_AUDIT_KEY_FILE", raising=False)
    monkeypatch.delenv("CLEARANCE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    return {"key": str(state / "clearance" / "audit.key")}


def fill(db: str, n: int, **kw: Any) -> None:
    store = open_store(db)
    try:
        for i in range(n):
            store.record(rec(i, **kw), (3, 20), False)
    finally:
        store.close()


def verify_cli(db: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    rc = cli.main(["log", "--verify", "--db", db])
    return rc, capsys.readouterr().out


# -- the chain and --verify ------------------------------------------------------------


def test_intact_chain_verifies_and_the_key_is_private(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    fill(db, 5)
    key = Path(env["key"])
    assert key.exists() and stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    rc, out = verify_cli(db, capsys)
    assert rc == 0 and "audit chain intact: 5 decision(s) checked" in out and "head: decision 5" in out
    chains = [r[0] for r in sqlite3.connect(db).execute("SELECT chain FROM decisions ORDER BY id")]
    assert len(set(chains)) == 5 and all(isinstance(c, bytes) and len(c) == 16 for c in chains)


@pytest.mark.parametrize(
    "tamper, first_id, words",
    [
        ("UPDATE decisions SET reason = 'nothing to see' WHERE id = 3", 3, "was changed"),
        ("UPDATE decisions SET decision = 'deny' WHERE id = 1", 1, "was changed"),
        ("UPDATE decisions SET ts = ts - 3600 WHERE id = 4", 4, "was changed"),
        ("DELETE FROM decisions WHERE id = 2", 3, "2..2 are missing"),
        ("DELETE FROM decisions WHERE id IN (2, 3)", 4, "2..3 are missing"),
        ("DELETE FROM decisions WHERE id = 1", 2, "1..1 are missing"),
        ("DELETE FROM decisions WHERE id = 5", 5, "5..5 were issued but are missing"),
        ("INSERT INTO decisions (ts, decision, raw_decision, stage) VALUES (1, 'allow', 'allow', 'analysis')", 6, "no chain value"),
    ],
)
def test_tampering_through_sqlite_is_found(
    tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str], tamper: str, first_id: int, words: str
) -> None:
    db = str(tmp_path / "a.db")
    fill(db, 5)
    c = sqlite3.connect(db)
    c.execute(tamper)
    c.commit()
    res = open_store(db).verify()
    assert not res["ok"] and res["first_break"]["id"] == first_id and words in res["first_break"]["problem"], res
    rc, out = verify_cli(db, capsys)
    assert rc == 1 and "audit chain BROKEN" in out and words in out


def test_rechaining_without_the_key_does_not_pass(tmp_path: Path, env: dict[str, str]) -> None:
    """A same-user attacker who recomputes a plain hash chain (or one with a key of their own) is caught."""
    import hashlib

    db = str(tmp_path / "a.db")
    fill(db, 4)
    c = sqlite3.connect(db)
    c.execute("UPDATE decisions SET reason = 'edited' WHERE id = 2")
    prev = ""
    cols = ", ".join(COLUMNS)
    for attempt in ("plain", "own-key"):
        for row in c.execute(f"SELECT id, {cols} FROM decisions ORDER BY id").fetchall():
            msg = prev.encode() + b"\n" + canonical(row[1:])
            digest = hashlib.sha256(msg).hexdigest()[:32] if attempt == "plain" else hashlib.blake2b(msg, key=b"k" * 32, digest_size=16).hexdigest()
            c.execute("UPDATE decisions SET chain = ? WHERE id = ?", (bytes.fromhex(digest), row[0]))
            prev = digest
        c.commit()
        res = open_store(db).verify()
        assert not res["ok"] and res["first_break"]["id"] == 1 and res["broken"] == 4


def test_verify_without_the_key_is_an_error_not_a_pass(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    fill(db, 2)
    os.unlink(env["key"])
    from clearance.store import chain

    chain._keys.clear()
    assert cli.main(["log", "--verify", "--db", db]) == 2
    assert "no audit key" in capsys.readouterr().err
    assert not Path(env["key"]).exists()  # --verify never creates a key


def test_key_unavailable_records_outside_the_chain(tmp_path: Path, env: dict[str, str], capfd: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    store = open_store(db, str(blocker / "audit.key"))  # a key cannot be created under a file
    store.record(rec(0), (3, 20), False)
    store.close()
    assert "recorded outside the hash chain" in capfd.readouterr().err
    assert len(open_store(db).query({})) == 1  # the decision is still recorded
    fill(db, 2)  # the key is back: the chain goes on past the unchained row
    res = open_store(db).verify()
    assert not res["ok"] and res["first_break"]["id"] == 1 and "no chain value" in res["first_break"]["problem"]
    assert res["broken"] == 1 and res["checked"] == 3


def test_concurrent_key_creation_agrees(tmp_path: Path) -> None:
    """Many hook processes starting at once create one key between them."""
    path = tmp_path / "st" / "audit.key"
    code = f"from clearance.store.chain import load_key; import sys; sys.stdout.write(load_key({str(path)!r}).hex())"
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=dict(os.environ)) for _ in range(6)]
    keys = {p.communicate(timeout=60)[0].decode() for p in procs}
    assert keys == {path.read_bytes().hex()} and not list(path.parent.glob("*.tmp"))
    assert load_key(str(path), create=False) == path.read_bytes()


def test_old_store_migrates_and_old_rows_are_outside_the_chain(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "old.db")
    c = sqlite3.connect(db, isolation_level=None)
    c.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for v in (1, 2, 3):
        for stmt in statements("sqlite", v):
            c.execute(stmt)
        c.execute("INSERT INTO schema_version VALUES (?)", (v,))
    for i in range(3):
        c.execute("INSERT INTO decisions (ts, decision, raw_decision, stage, reason) VALUES (?, 'allow', 'allow', 'analysis', ?)", (time.time(), f"old {i}"))
    c.close()
    fill(db, 4)
    rc, out = verify_cli(db, capsys)
    assert rc == 0 and "4 decision(s) checked" in out and "3 recorded before the chain began" in out
    assert [r[0] for r in sqlite3.connect(db).execute("SELECT version FROM schema_version ORDER BY version")] == [v for v, _ in MIGRATIONS]
    assert len(open_store(db).query({})) == 7


# -- retention -------------------------------------------------------------------------


def test_prune_by_age_keeps_the_chain_verifiable(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    old = time.time() - 40 * 86400
    fill(db, 6, ts=old)
    fill(db, 4)
    assert cli.main(["log", "--prune", "--retention-days", "30", "--max-mb", "0", "--db", db]) == 0
    assert "pruned 6 decision(s)" in capsys.readouterr().out
    assert len(open_store(db).query({})) == 4
    rc, out = verify_cli(db, capsys)
    assert rc == 0 and "4 decision(s) checked" in out and "6 pruned under 1 anchor(s)" in out
    fill(db, 2)  # the chain goes on after the anchor
    assert open_store(db).verify()["ok"]
    # Deleting more of the oldest rows after pruning is still found ...
    c = sqlite3.connect(db)
    c.execute("DELETE FROM decisions WHERE id = 7")
    c.commit()
    res = open_store(db).verify()
    assert not res["ok"] and res["first_break"]["id"] == 8 and "7..7 are missing" in res["first_break"]["problem"]


def test_anchors_cannot_be_forged_or_dropped(tmp_path: Path, env: dict[str, str]) -> None:
    db = str(tmp_path / "a.db")
    fill(db, 5, ts=time.time() - 10 * 86400)
    fill(db, 3)
    open_store(db).prune(5, 0)
    c = sqlite3.connect(db)
    # Hide two more rows by moving the anchor forward with the chain value of the last hidden one.
    last = c.execute("SELECT chain FROM decisions WHERE id = 7").fetchone()[0].hex()
    c.execute("DELETE FROM decisions WHERE id <= 7")
    c.execute("UPDATE audit_anchors SET through_id = 7, pruned = 7, last_chain = ?", (last,))
    c.commit()
    res = open_store(db).verify()
    assert not res["ok"] and "anchor" in res["first_break"]["problem"]
    c.execute("DELETE FROM audit_anchors")
    c.commit()
    assert not open_store(db).verify()["ok"]


def test_prune_by_size_shrinks_the_file(tmp_path: Path, env: dict[str, str]) -> None:
    db = str(tmp_path / "a.db")
    fill(db, 600, big=4000)  # about 2.5 MB
    store = open_store(db)
    try:
        res = store.prune(0, 1)
        assert res["pruned"] > 200 and res["bytes_after"] < 1.1 * 1024 * 1024 < res["bytes_before"], res
        assert store.size_bytes() <= 1024 * 1024
        assert store.verify()["ok"]
    finally:
        store.close()


def test_old_database_is_converted_to_incremental_vacuum_by_the_command(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    sqlite3.connect(db).execute("PRAGMA user_version = 0").close()  # an existing file: no auto_vacuum chosen
    sqlite3.connect(db).execute("CREATE TABLE x (y)").close()
    fill(db, 300, big=4000, ts=time.time() - 100 * 86400)
    fill(db, 10, big=4000)
    assert sqlite3.connect(db).execute("PRAGMA auto_vacuum").fetchone()[0] == 0
    before = os.path.getsize(db)
    assert cli.main(["log", "--prune", "--retention-days", "30", "--db", db]) == 0
    assert os.path.getsize(db) < before / 5
    assert sqlite3.connect(db).execute("PRAGMA auto_vacuum").fetchone()[0] == 2
    assert verify_cli(db, capsys)[0] == 0


def test_automatic_prune_runs_at_most_once_a_day(tmp_path: Path, env: dict[str, str]) -> None:
    db = str(tmp_path / "a.db")
    fill(db, 3, ts=time.time() - 400 * 86400)
    store = open_store(db)
    try:
        first = store.maybe_prune({})  # default retention: 365 days
        assert first is not None and first["pruned"] == 3
        store.record(rec(9, ts=time.time() - 400 * 86400), (3, 20), False)
        assert store.maybe_prune({}) is None  # checked today already
        store.execute("UPDATE audit_meta SET value = ? WHERE name = 'last_prune'", (repr(time.time() - 2 * 86400),))
        again = store.maybe_prune({"retention_days": 365})
        assert again is not None and again["pruned"] == 1
        assert store.maybe_prune({"retention_days": 0}) is None
        assert store.verify()["ok"]
    finally:
        store.close()


def test_hook_prunes_by_policy(tmp_path: Path, env: dict[str, str]) -> None:
    from clearance.hook import Options, run

    db = str(tmp_path / "a.db")
    fill(db, 5, ts=time.time() - 20 * 86400)
    managed = tmp_path / "managed.toml"
    managed.write_text("[audit]\nretention_days = 10\n")
    e = {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": PROJECT, "CLEARANCE_DB": db, "CLEARANCE_MANAGED_POLICY": str(managed)}
    e.update(XDG_STATE_HOME=os.environ["XDG_STATE_HOME"], XDG_CACHE_HOME=str(tmp_path / "cache"))
    ev = json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "cwd": PROJECT, "session_id": "h"})
    run(ev.encode(), Options(), e)
    from clearance import audit

    assert db in audit._due  # the first spooled call of a day: the hook prunes once it has answered
    audit.fold_pending()  # what hook.main does after writing the answer
    rows = open_store(db).query({})
    assert len(rows) == 1 and rows[0]["session_id"] == "h"
    assert open_store(db).verify()["pruned"] == 5


def test_retention_keys_are_validated(tmp_path: Path) -> None:
    from clearance.policy import tools

    bad = tmp_path / "bad.toml"
    bad.write_text('[audit]\nretention_days = -1\nmax_mb = "big"\nkey_file = " "\n')
    problems = "\n".join(tools.lint_files([str(bad)]))
    assert "audit.retention_days' must be 0" in problems and "audit.max_mb' must be a whole number" in problems and "audit.key_file' must be a path" in problems
    good = tmp_path / "good.toml"
    good.write_text('[audit]\nretention_days = 90\nmax_mb = 0\nkey_file = "~/.local/state/clearance/audit.key"\n')
    assert not tools.lint_files([str(good)])


# -- decide --stateful: one connection for the batch ---------------------------------------


def test_decide_stateful_opens_the_store_once(tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from clearance.store import sqlite as sqlite_store

    opened: list[str] = []
    real_init = sqlite_store.SqliteStore.__init__

    def counting_init(self: Any, path: str, *a: Any, **kw: Any) -> None:
        opened.append(path)
        real_init(self, path, *a, **kw)

    monkeypatch.setattr(sqlite_store.SqliteStore, "__init__", counting_init)
    # An interactive session: under CI=true the run is headless and escalation stops it (deny) instead of asking.
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("CLEARANCE_HEADLESS", "0")
    db = str(tmp_path / "a.db")
    lines = [json.dumps({"id": i, "tool_name": "Bash", "tool_input": {"command": f"rm -rf ~/d{i}"}, "cwd": PROJECT, "session_id": "batch"}) for i in range(5)]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\nnot json\n"))
    assert cli.main(["decide", "--stateful", "--db", db]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o["decision"] for o in out] == ["deny", "deny", "deny", "ask", "ask", "ask"]
    assert opened == [db]
    assert open_store(db).verify()["checked"] == 5


# -- PostgreSQL ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    reason = unavailable_reason()
    if reason:
        pytest.skip(f"PostgreSQL test skipped: {reason}")
    with postgres_server() as url:
        yield url


def test_postgres_chain_prune_and_tamper(pg_url: str, env: dict[str, str]) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as c:
        c.execute("DROP TABLE IF EXISTS decisions, sessions, schema_version, audit_meta, audit_anchors CASCADE")
    store = open_store(pg_url)
    try:
        for i in range(5):
            store.record(rec(i, ts=time.time() - 50 * 86400), (3, 20), False)
        for i in range(3):
            store.record(rec(i), (3, 20), False)
        assert store.verify()["ok"] and store.verify()["checked"] == 8
        assert store.prune(30, 0)["pruned"] == 5
        res = store.verify()
        assert res["ok"] and res["checked"] == 3 and res["pruned"] == 5
        store.execute("UPDATE decisions SET reason = 'edited' WHERE id = 7")
        res = store.verify()
        assert not res["ok"] and res["first_break"]["id"] == 7
    finally:
        store.close()


# -- what a row stores -------------------------------------------------------------------


def test_file_contents_are_cut_with_length_and_digest_commands_are_not() -> None:
    import hashlib

    from clearance.audit import make_record
    from clearance.model import Decision

    body = "".join(f"line {i}: value = compute({i})\n" for i in range(400))  # ~11 000 characters
    long_cmd = "echo " + "a" * 9000
    d = Decision("allow", "ordinary", [], "analysis")
    write = make_record(d, {"tool_name": "Write", "tool_input": {"file_path": "/p/x.py", "content": body}}, None, False, False)
    stored = write["tool_input"]["content"]
    assert stored.startswith(body[:2000]) and len(stored) < 2200
    assert f"{len(body)} in all" in stored and hashlib.blake2b(body.encode(), digest_size=16).hexdigest() in stored
    edits = {"file_path": "/p/x.py", "edits": [{"old_string": body, "new_string": "x"}]}
    multi = make_record(d, {"tool_name": "MultiEdit", "tool_input": edits}, None, False, False)
    assert len(multi["tool_input"]["edits"][0]["old_string"]) < 2200 and multi["tool_input"]["edits"][0]["new_string"] == "x"
    bash = make_record(d, {"tool_name": "Bash", "tool_input": {"command": long_cmd}}, None, False, False)
    assert bash["tool_input"]["command"] == long_cmd  # commands keep up to 20 000 characters
    full = make_record(d, {"tool_name": "Write", "tool_input": {"file_path": "/p/x.py", "content": body}}, None, False, False, content_chars=0)
    assert full["tool_input"]["content"] == body


def test_policy_sets_the_content_limit(tmp_path: Path, env: dict[str, str]) -> None:
    from clearance.hook import Options, run

    db = str(tmp_path / "a.db")
    managed = tmp_path / "managed.toml"
    managed.write_text("[audit]\nmax_content_chars = 100\n")
    e = {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": PROJECT, "CLEARANCE_DB": db, "CLEARANCE_MANAGED_POLICY": str(managed)}
    e.update(XDG_STATE_HOME=os.environ["XDG_STATE_HOME"], XDG_CACHE_HOME=str(tmp_path / "cache"))
    content = "print('hello')\n" * 50
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Write", "tool_input": {"file_path": f"{PROJECT}/a.py", "content": content}, "cwd": PROJECT}
    run(json.dumps({**ev, "session_id": "w"}).encode(), Options(), e)
    row = open_store(db).query({})[0]
    assert row["tool_input"]["content"].startswith(content[:100]) and f"{len(content)} in all" in row["tool_input"]["content"]
    raw = sqlite3.connect(db).execute("SELECT tool_input FROM decisions").fetchone()[0]
    assert '":"' in raw and '", "' not in raw  # compact JSON
    assert open_store(db).verify()["ok"]


def test_chain_holds_with_writers_and_a_prune_at_once(tmp_path: Path, env: dict[str, str]) -> None:
    db = str(tmp_path / "a.db")
    fill(db, 200, ts=time.time() - 30 * 86400)
    penv = dict(os.environ)
    procs = []
    for p in range(4):
        lines = [json.dumps({"tool_name": "Bash", "tool_input": {"command": f"ls {p}-{i}"}, "cwd": PROJECT, "session_id": f"w{p}"}) for i in range(40)]
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "clearance", "decide", "--stateful", "--db", db],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=penv,
            )
        )
        assert procs[-1].stdin is not None
        procs[-1].stdin.write(("\n".join(lines) + "\n").encode())
    pruner = subprocess.run(
        [sys.executable, "-m", "clearance", "log", "--prune", "--retention-days", "7", "--max-mb", "0", "--db", db],
        capture_output=True,
        env=penv,
        timeout=120,
    )
    for pr in procs:
        assert pr.stdin is not None
        pr.stdin.close()
        err = pr.stderr.read() if pr.stderr else b""
        assert pr.wait(timeout=120) == 0 and b"could not" not in err, err
    assert pruner.returncode == 0 and b"pruned 200 decision(s)" in pruner.stdout, pruner.stderr
    res = open_store(db).verify()
    assert res["ok"] and res["checked"] == 160 and res["pruned"] == 200, res


def test_prune_may_not_delete_more_than_the_managed_policy_keeps(tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "a.db")
    fill(db, 3, ts=time.time() - 50 * 86400)
    managed = tmp_path / "managed.toml"
    managed.write_text("[audit]\nretention_days = 90\n")
    monkeypatch.setenv("CLEARANCE_MANAGED_POLICY", str(managed))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert cli.main(["log", "--prune", "--retention-days", "30", "--db", db]) == 2
    assert len(open_store(db).query({})) == 3
    assert cli.main(["log", "--prune", "--retention-days", "120", "--db", db]) == 0  # keeping more is fine
    assert cli.main(["log", "--prune", "--db", db]) == 0
    assert len(open_store(db).query({})) == 3
    managed.write_text("[audit]\nretention_days = 0\n")  # keep forever
    assert cli.main(["log", "--prune", "--retention-days", "10", "--db", db]) == 2
    assert len(open_store(db).query({})) == 3
    managed.write_text("[audit]\nretention_days = 40\n")
    assert cli.main(["log", "--prune", "--db", db]) == 0
    assert len(open_store(db).query({})) == 0


def test_postgres_old_store_migrates(pg_url: str, env: dict[str, str]) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as c:
        c.execute(
            "DROP TABLE IF EXISTS decisions, sessions, schema_version, audit_meta, audit_anchors, users, web_sessions, agent_tokens, policy_versions, admin_log CASCADE"
        )
        c.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for v in (1, 2, 3):
            for stmt in statements("postgres", v):
                c.execute(stmt)
            c.execute("INSERT INTO schema_version VALUES (%s)", (v,))
        for i in range(2):
            c.execute(
                "INSERT INTO decisions (ts, decision, raw_decision, stage, reason) VALUES (%s, 'allow', 'allow', 'analysis', %s)", (time.time(), f"old {i}")
            )
    store = open_store(pg_url)
    try:
        for i in range(3):
            store.record(rec(i), (3, 20), False)
        res = store.verify()
        assert res["ok"] and res["checked"] == 3 and res["before_chain"] == 2, res
        assert [r[0] for r in store.fetchall("SELECT version FROM schema_version ORDER BY version")] == [v for v, _ in MIGRATIONS]
    finally:
        store.close()
