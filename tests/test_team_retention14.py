"""`clearance log --prune` on a team service's store keeps what the team's approved policy keeps (agents14).

Found as a platform admin: with `[audit] retention_days = 45` approved in the team policy, `clearance log --prune --db
team.db` pruned by the 365 days of the admin's own machine, and `--retention-days 10` (deleting what the team keeps)
was not refused.  The service itself prunes by the team policy; the command now does too.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from clearance import cli
from clearance.store import open_store

from .test_audit_chain import env, fill

__all__ = ["env"]

PW = "correct horse battery staple 42"


def _team(tmp_path: Path, audit: str) -> str:
    from clearance.server.service import Service

    db = str(tmp_path / "team.db")
    svc = Service(db)
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", "another long passphrase 7", "approver")
    if audit:
        cid = svc.propose(audit, "alice")
        svc.decide_change(cid, "bob", "approver", True, "checked")
    svc.store.close()
    fill(db, 3, ts=time.time() - 60 * 86400)
    fill(db, 2, ts=time.time() - 20 * 86400)
    fill(db, 1)
    return db


def test_prune_of_a_team_store_uses_the_team_retention(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db = _team(tmp_path, "[audit]\nretention_days = 45\n")
    assert cli.main(["log", "--prune", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "pruned 3 decision(s)" in out and "older than 45 day(s)" in out and "team policy's (version" in out, out
    assert len(open_store(db).query({})) == 3


def test_prune_of_a_team_store_may_not_delete_what_the_team_keeps(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db = _team(tmp_path, "[audit]\nretention_days = 45\n")
    assert cli.main(["log", "--prune", "--retention-days", "10", "--db", db]) == 2
    assert "the team policy (version" in capsys.readouterr().err
    assert len(open_store(db).query({})) == 6
    assert cli.main(["log", "--prune", "--retention-days", "90", "--db", db]) == 0  # keeping more is fine
    assert len(open_store(db).query({})) == 6


def test_a_team_without_a_retention_keeps_the_default(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db = _team(tmp_path, "")
    # The admin's own machine keeps only 5 days: that is no reason to prune the team's trail.
    (tmp_path / "home" / ".config" / "clearance").mkdir(parents=True)
    (tmp_path / "home" / ".config" / "clearance" / "config.toml").write_text("[audit]\nretention_days = 5\n")
    assert cli.main(["log", "--prune", "--db", db]) == 0
    assert "pruned 0 decision(s)" in capsys.readouterr().out
    assert len(open_store(db).query({})) == 6


def test_a_local_store_still_prunes_by_the_local_policy(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    fill(db, 2, ts=time.time() - 20 * 86400)
    fill(db, 1)
    (tmp_path / "home" / ".config" / "clearance").mkdir(parents=True)
    (tmp_path / "home" / ".config" / "clearance" / "config.toml").write_text("[audit]\nretention_days = 5\n")
    assert cli.main(["log", "--prune", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "pruned 2 decision(s)" in out and "team" not in out, out
