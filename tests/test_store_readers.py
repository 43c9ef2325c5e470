"""Reading an audit store never writes it (agents15): `clearance log`/`stats`/`report`/`explain --db FILE` open FILE
read-only, refuse a missing or empty one with a clear error (creating nothing), and the engine judges them as reads
of FILE (before: "clearance writes /srv/team.db", denied, for an agent's read-only look at a team store)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clearance.api import decide_event
from clearance.store.sqlite import SqliteStore


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"), "CLEARANCE_NO_DAEMON": "1"}
    return subprocess.run([sys.executable, "-m", "clearance", *args], env=env, capture_output=True, text=True, timeout=120, cwd=str(home))


@pytest.mark.parametrize("sub", [["log"], ["stats"], ["explain", "1"], ["report", "--html", "r.html"]])
def test_a_missing_or_empty_store_is_an_error_and_stays_missing(tmp_path: Path, sub: list[str]) -> None:
    missing, empty = tmp_path / "srv" / "team.db", tmp_path / "empty.db"
    empty.write_bytes(b"")
    for db in (missing, empty):
        p = _cli(tmp_path, *sub, "--db", str(db))
        assert p.returncode != 0 and "no audit store at" in p.stderr, p.stderr
    assert not missing.exists() and not missing.parent.exists()
    assert empty.read_bytes() == b"" and not Path(str(empty) + "-wal").exists()


def test_reading_a_store_changes_no_byte_of_it(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    store = SqliteStore(str(db))
    try:
        rec = {"ts": 1.0, "session_id": "s", "agent": "claude", "cwd": "/p", "tool_name": "Bash", "tool_input": {"command": "ls"}, "decision": "allow"}
        store.record({**rec, "raw_decision": "allow", "rules": [], "reason": "ok", "stage": "default"}, (3, 20), False)
    finally:
        store.close()
    db.chmod(0o444)  # a store the reader may not write: read-only all the same
    before = db.read_bytes()
    for sub in (["log", "--json"], ["stats"], ["explain", "1"]):
        p = _cli(tmp_path, *sub, "--db", str(db))
        assert p.returncode == 0, p.stderr
    assert db.read_bytes() == before
    assert json.loads(_cli(tmp_path, "log", "--json", "--db", str(db)).stdout.splitlines()[0])["tool_input"] == {"command": "ls"}


def _decide(home: Path, cmd: str) -> str:
    (home / "proj").mkdir(exist_ok=True)
    event = {"tool_name": "Bash", "tool_input": {"command": cmd}, "cwd": str(home / "proj"), "session_id": "r", "hook_event_name": "PreToolUse"}
    return decide_event(event, {"HOME": str(home), "PATH": "/usr/bin:/bin"}).decision


@pytest.mark.parametrize(
    "cmd",
    [
        "clearance log --db /srv/team.db",
        "clearance log --json --limit 5 --db=/srv/team.db",
        "clearance explain 12 --db /srv/team.db",
        "clearance stats --db /var/lib/clearance/audit.db",
        "clearance report --db /srv/team.db --html report.html",
    ],
)
def test_the_readers_are_reads(tmp_path: Path, cmd: str) -> None:
    assert _decide(tmp_path, cmd) == "allow"


@pytest.mark.parametrize(
    "cmd",
    [
        "clearance hook --db /srv/team.db",  # records into it
        "clearance log --prune --db /srv/team.db",  # deletes from it
        "clearance report --db /srv/team.db --html /etc/report.html",  # writes the page
        "clearance log --db ~/.ssh/id_ed25519",  # a key is read all the same
    ],
)
def test_writers_and_secrets_stay_refused(tmp_path: Path, cmd: str) -> None:
    assert _decide(tmp_path, cmd) != "allow"
