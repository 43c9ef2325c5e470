"""The audit spool (store/spool.py): the hook records without SQLite, every reader sees every record."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clearance import audit, cli, paths
from clearance.context import build_context
from clearance.hook import Options, run
from clearance.store import open_store, spool

PROJECT = "/home/ana/webapp"
ROOT = Path(__file__).resolve().parents[1]


def ev(command: str, session: str = "s1") -> bytes:
    return json.dumps(
        {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": PROJECT, "session_id": session}
    ).encode()


def env_for(db: str) -> dict[str, str]:
    return {
        "HOME": "/home/ana",
        "CLAUDE_PROJECT_DIR": PROJECT,
        "CLEARANCE_DB": db,
        "CLEARANCE_HEADLESS": "0",
        "XDG_STATE_HOME": os.path.join(os.path.dirname(db), "state"),
        "XDG_CACHE_HOME": os.path.join(os.path.dirname(db), "cache"),
        "CLEARANCE_MANAGED_POLICY": "/nonexistent/managed.toml",
    }


def decision(answer: dict[str, Any] | None) -> str:
    assert answer is not None
    return str(answer["hookSpecificOutput"]["permissionDecision"])


@pytest.fixture(autouse=True)
def _no_fold_left(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "_due", {})


def test_the_hook_spools_and_readers_fold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    for c in ("ls", "rm -rf ~/x", "git status"):
        run(ev(c), Options(), env_for(db))
    assert not os.path.exists(db)  # nothing opened SQLite
    assert len(Path(db + "-spool").read_bytes().splitlines()) == 3
    assert cli.main(["log", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "rm -rf ~/x" in out and "git status" in out and "3 decision(s)" in out
    assert Path(db + "-spool").read_bytes().count(b"\n") == 1  # only the start line the fold left
    rc = cli.main(["log", "--verify", "--db", db])
    assert rc == 0, capsys.readouterr().out
    store = open_store(db)
    try:
        assert store.session("s1") == {
            "session_id": "s1",
            "consecutive_denials": 0,
            "total_denials": 1,
            "decisions": 3,
            "escalations": 0,
            "updated": store.session("s1")["updated"],
        }  # type: ignore[index]
    finally:
        store.close()


def test_a_hook_process_never_imports_sqlite(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    env = dict(env_for(db), PYTHONPATH=str(ROOT / "src"), PATH=os.environ.get("PATH", ""))
    probe = (
        "import io, json, sys\n"
        "sys.argv = ['clearance', 'hook']\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(open(0, 'rb').read()))\n"
        "out = io.StringIO(); real = sys.stdout; sys.stdout = out\n"
        "from clearance.entry import main\n"
        "main()\n"
        "sys.stdout = real\n"
        "print(json.dumps({'answer': out.getvalue(), 'sqlite': 'sqlite3' in sys.modules}))\n"
    )
    seen = []
    for c in ("ls", "rm -rf ~/x", "ls -la"):
        p = subprocess.run([sys.executable, "-c", probe], input=ev(c), capture_output=True, env=env, timeout=60)
        assert p.returncode == 0, p.stderr
        seen.append(json.loads(p.stdout)["sqlite"])
    # The first call of a day folds and prunes after answering; the others only append.
    assert seen == [True, False, False]
    assert len(Path(db + "-spool").read_bytes().splitlines()) == 3  # the start line and two decisions


def test_the_counters_are_one_record_written_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A denial rewrites its session's counters in place (one pwrite, no temporary file and rename: ~1 ms wall on ext4,
    which flushes data before such a rename); a record from before the fixed width, or longer, is read and wholly
    replaced; a link in the counters' place is replaced, never written through."""
    monkeypatch.setattr(audit, "FOLD_AT", 10**12)
    db = str(tmp_path / "a.db")
    for k, v in env_for(db).items():
        monkeypatch.setenv(k, v)
    run(ev("rm -rf ~/x", "s9"), Options(), None)
    counters = Path(spool._session_file(db, "s9"))
    first = os.stat(counters)
    run(ev("rm -rf ~/y", "s9"), Options(), None)
    assert os.stat(counters).st_ino == first.st_ino  # the same file, written in place
    assert spool.read_counters(db, "s9") == (2, 2) and counters.read_bytes() == b"2 2".rjust(41) + b"\n"
    assert [p.name for p in counters.parent.iterdir() if p.name.endswith(".tmp")] == []
    run(ev("ls", "s9"), Options(), None)  # an allow ends the consecutive run, not the total
    assert spool.read_counters(db, "s9") == (0, 2)
    counters.write_bytes(b"3 7\n")  # the format before
    run(ev("rm -rf ~/z", "s9"), Options(), None)
    assert spool.read_counters(db, "s9") == (4, 8) and len(counters.read_bytes()) == 42
    counters.write_bytes(b"5 9" + b" " * 60 + b"\n")  # longer than a record: its tail goes
    run(ev("rm -rf ~/w", "s9"), Options(), None)
    assert counters.read_bytes() == b"6 10".rjust(41) + b"\n"
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"1 1\nkeep me\n")
    counters.unlink()
    counters.symlink_to(outside)
    run(ev("rm -rf ~/v", "s9"), Options(), None)
    assert outside.read_bytes() == b"1 1\nkeep me\n" and not counters.is_symlink()
    assert spool.read_counters(db, "s9") == (2, 2)  # read through the link as before, then replaced by a file


def test_escalation_counts_every_denial_across_processes(tmp_path: Path) -> None:
    """Four processes deny in one session at once: the counters see each denial exactly once, without SQLite."""
    db = str(tmp_path / "a.db")
    env = dict(env_for(db), PYTHONPATH=str(ROOT / "src"), PATH=os.environ.get("PATH", ""), CLEARANCE_HEADLESS="1")
    code = (
        "import json, sys\n"
        "from clearance.hook import Options, run\n"
        "from clearance import audit\n"
        "audit.FOLD_AT = 10**12\n"
        "for i in range(10):\n"
        "    ev = {'hook_event_name': 'PreToolUse', 'tool_name': 'Bash', 'tool_input': {'command': f'rm -rf ~/d{sys.argv[1]}-{i}'}, 'cwd': '/home/ana/webapp', 'session_id': 'shared'}\n"
        "    run(json.dumps(ev).encode(), Options(), None)\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(n)], env=env) for n in range(4)]
    for p in procs:
        assert p.wait(timeout=120) == 0
    assert spool.read_counters(db, "shared") == (40, 40)
    store = open_store(db)
    try:
        rows = store.query({"session_id": "shared"}, 100)
        assert len(rows) == 40
        assert store.session("shared")["total_denials"] == 40  # type: ignore[index]
        # 3 consecutive denials is the limit: every later one in this headless run stops it.
        assert sum(1 for r in rows if r["stage"] == "escalation") == 37
        assert store.verify()["ok"]
    finally:
        store.close()


def test_nothing_is_lost_or_doubled_when_a_fold_dies_after_its_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "a.db")
    for c in ("ls", "rm -rf ~/x"):
        run(ev(c), Options(), env_for(db))
    real = os.replace

    def crash(src: str, dst: str) -> None:
        if dst.endswith("-spool"):
            raise OSError("power cut")
        real(src, dst)

    monkeypatch.setattr(spool.posix, "replace", crash)
    with pytest.raises(OSError):
        open_store(db)  # the fold commits, then dies before emptying the spool
    monkeypatch.setattr(spool.posix, "replace", real)
    run(ev("git status"), Options(), env_for(db))
    store = open_store(db)
    try:
        assert [r["tool_input"]["command"] for r in store.query({}, 10)] == ["git status", "rm -rf ~/x", "ls"]
        assert store.verify()["ok"]
    finally:
        store.close()


def test_a_changed_or_removed_spool_line_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    for c in ("ls", "rm -rf ~/x", "git status"):
        run(ev(c), Options(), env_for(db))
    path = Path(db + "-spool")
    lines = path.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace(b'"decision": "deny"', b'"decision": "allow"')
    path.write_bytes(b"".join(lines))
    assert cli.main(["log", "--verify", "--db", db]) == 1
    out = capsys.readouterr().out
    assert "BROKEN" in out and "decision 2 has no chain value" in out
    # Decisions removed from the front of the spool before a fold: the chain no longer starts where the last fold ended.
    run(ev("ls -l"), Options(), env_for(db))
    run(ev("ls -a"), Options(), env_for(db))
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[2:]))  # the start line and the first decision gone
    assert cli.main(["log", "--verify", "--db", db]) == 1
    capsys.readouterr()
    store = open_store(db)
    try:
        assert [r["tool_input"]["command"] for r in store.query({}, 10)][:1] == ["ls -a"]
        noted = spool.problems_noted(store)
        assert any("does not link to where the last fold ended" in p for p in noted), noted
        res = store.verify()
        assert not res["ok"] and res["broken"] >= 1 + len(noted)
    finally:
        store.close()
    # A spooled decision removed with the start line: the next one no longer links to the last fold.
    db2 = str(tmp_path / "b.db")
    for c in ("ls", "ls -l"):
        run(ev(c), Options(), env_for(db2))
    open_store(db2).close()
    run(ev("ls -a"), Options(), env_for(db2))
    Path(db2 + "-spool").write_bytes(b"")  # the start line removed: the next decision no longer links to the last fold
    run(ev("ls -t"), Options(), env_for(db2))
    assert cli.main(["log", "--verify", "--db", db2]) == 1
    assert "BROKEN" in capsys.readouterr().out
    store = open_store(db2)
    try:
        assert any("does not link to where the last fold ended" in p for p in spool.problems_noted(store))
    finally:
        store.close()


def test_a_store_from_before_the_spool_keeps_its_counters(tmp_path: Path) -> None:
    """Sessions counted in SQLite by an older clearance go on counting: the store copies them out once."""
    import sqlite3

    db = str(tmp_path / "a.db")
    store = open_store(db)
    store.close()
    # Make it look like an older store: counters only in the table, no sessions folder.
    c = sqlite3.connect(db)
    c.execute("INSERT INTO sessions (session_id, consecutive_denials, total_denials, decisions, escalations, updated) VALUES ('old', 3, 3, 3, 0, 0)")
    c.commit()
    c.close()
    import shutil

    shutil.rmtree(db + "-sessions")
    answer, _ = run(ev("rm -rf ~/y", "old"), Options(), env_for(db))
    assert decision(answer) == "ask"  # the 4th denial in a row is handed over
    assert spool.read_counters(db, "old") == (4, 4)


def test_the_spool_and_the_counters_are_clearance_owned(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    ctx = build_context(PROJECT, {"HOME": "/home/ana", "CLEARANCE_DB": db})
    ctx.owned = paths.clearance_paths("/home/ana", {"CLEARANCE_DB": db})
    for p in (db + "-spool", db + "-sessions/0123", db + "-sessions/spool.key"):
        assert paths.clearance_owned(p, ctx), p
    default = "/home/ana/.local/state/clearance/clearance.db"
    ctx.owned = paths.clearance_paths("/home/ana", {})
    assert paths.clearance_owned(default + "-spool", ctx) and paths.clearance_owned(default + "-sessions/x", ctx)
