"""Scripted provisioning of the team service: `clearance user`, `clearance token`, `clearance change`, through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")

PW = "correct horse battery"


def cli(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clearance", *args, "--db", str(db)], input=stdin, capture_output=True, text=True, timeout=60)


def test_people_tokens_and_changes_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    assert cli(db, "user", "add", "alice", "--role", "admin", stdin=PW + "\n").returncode == 0
    assert cli(db, "user", "add", "bob", "--role", "approver", stdin=PW + "\n").returncode == 0
    time.sleep(0.01)
    r = cli(db, "user", "add", "dan", "--role", "viewer", "--by", "alice", stdin=PW + "\n")
    assert r.returncode == 0 and "waits for a second person" in r.stdout
    cid = int(r.stdout.split()[1].rstrip(":"))
    assert "dan" not in cli(db, "user", "list").stdout  # not before approval
    listed = json.loads(cli(db, "change", "list", "--json").stdout)
    assert [c["id"] for c in listed] == [cid]
    mine = cli(db, "change", "approve", str(cid), "--by", "alice", "--comment", "me")
    assert mine.returncode == 1 and "second person" in mine.stderr
    assert cli(db, "change", "approve", str(cid), "--by", "bob").returncode == 1  # an approval needs a comment
    ok = cli(db, "change", "approve", str(cid), "--by", "bob", "--comment", "known colleague")
    assert ok.returncode == 0, ok.stderr
    users = {u["name"]: u for u in json.loads(cli(db, "user", "list", "--json").stdout)}
    assert users["dan"]["role"] == "viewer" and users["dan"]["created_by"] == "alice"

    t = cli(db, "token", "propose", "ci-runners", "--days", "30", "--by", "alice", "--json")
    made = json.loads(t.stdout)
    assert made["token"].startswith("clr_")
    tokens = json.loads(cli(db, "token", "list", "--json").stdout)
    assert tokens[0]["state"] == "pending approval"
    assert cli(db, "change", "approve", str(made["change"]), "--by", "bob", "--comment", "CI needs it").returncode == 0
    assert json.loads(cli(db, "token", "list", "--json").stdout)[0]["state"] == "active"
    assert cli(db, "token", "revoke", str(tokens[0]["id"]), "--by", "alice").returncode == 0
    assert json.loads(cli(db, "token", "list", "--json").stdout)[0]["state"] == "revoked"
    assert cli(db, "token", "revoke", "999", "--by", "alice").returncode == 1

    d = cli(db, "user", "disable", "dan", "--by", "alice")
    assert d.returncode == 0
    did = int(d.stdout.split()[1].rstrip(":"))
    assert cli(db, "change", "reject", str(did), "--by", "bob").returncode == 0
    assert "rejected" in cli(db, "change", "list", "--all").stdout
    assert cli(db, "user", "role", "dan").returncode == 2  # who proposes it?
    table = cli(db, "user", "list").stdout
    assert table.splitlines()[0].split() == ["name", "role", "state", "created_by"] and "dan" in table
