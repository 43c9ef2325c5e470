"""A policy change from the command line, with what it would change shown before anyone approves it.

Found walking an admin's day with the CLI: `clearance change approve 3 --by bob` approved a policy change that the
approver could not see from the command line -- `change list` shows a one-line summary, not the diff nor the impact
preview the web page shows -- and a policy kept in a repository could only be proposed by pasting it into the browser.
`clearance change show ID` prints the diff and, for a proposed policy change, the impact preview; `clearance change
propose --policy FILE --by NAME` proposes a managed policy from a file, checked as the web page checks it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("starlette")

PW = "correct horse battery"
SRC = str(Path(__file__).resolve().parents[1] / "src")


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=SRC)
    return subprocess.run([sys.executable, "-m", "clearance", *args, "--db", str(db)], capture_output=True, text=True, timeout=120, env=env)


def test_propose_show_and_approve_a_policy_from_the_command_line(tmp_path: Path) -> None:
    from clearance.server.service import Service

    db = tmp_path / "team.db"
    svc = Service(str(db))
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", PW, "approver")
    token = svc.create_token("laptop", "alice")
    assert svc.token_owner(token) == "laptop"
    for command in ("aws s3 cp build.zip s3://acme-dev-artifacts/", "ls", "terraform destroy -auto-approve"):
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/infra", "session_id": "s"}
        svc.hook(json.dumps(ev).encode(), "claude", "laptop")
    svc.store.close()

    policy = tmp_path / "org.toml"
    policy.write_text('auto_mode = "enabled"\n\n[trust]\nbuckets = ["s3://acme-dev-*"]\n\n[rules]\nhard_deny = ["Bash(terraform destroy:*)"]\n')
    p = cli(db, "change", "propose", "--policy", str(policy), "--by", "alice", "--comment", "trust the dev buckets")
    assert p.returncode == 0, p.stderr
    cid = int(p.stdout.split()[1].rstrip(":"))
    assert f"clearance change show {cid}" in p.stdout

    shown = cli(db, "change", "show", str(cid))
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "proposed by alice" in out and "trust the dev buckets" in out
    assert '+buckets = ["s3://acme-dev-*"]' in out  # the diff
    assert "replayed the latest 3 audited calls" in out.lower()
    assert "s3://acme-dev-artifacts" in out and "deny → allow" in out
    assert "terraform destroy -auto-approve" in out and "deny → deny (hard)" in out
    as_json = json.loads(cli(db, "change", "show", str(cid), "--json").stdout)
    assert as_json["id"] == cid and len(as_json["impact"]["changed"]) == 2

    ok = cli(db, "change", "approve", str(cid), "--by", "bob", "--comment", "read the impact")
    assert ok.returncode == 0, ok.stderr
    after = cli(db, "change", "show", str(cid)).stdout
    assert "approved by bob" in after and "read the impact" in after and "replayed" not in after.lower()


def test_a_broken_policy_file_is_refused_at_its_line(tmp_path: Path) -> None:
    from clearance.server.service import Service

    db = tmp_path / "team.db"
    svc = Service(str(db))
    svc.add_user("alice", PW, "admin")
    svc.store.close()
    bad = tmp_path / "bad.toml"
    bad.write_text('auto_mode = "enabled"\n[rules]\ndeny = ["Bash(rm -rf /*"]\n')
    p = cli(db, "change", "propose", "--policy", str(bad), "--by", "alice")
    assert p.returncode == 1 and "policy:3" in p.stderr and "Tool(argument)" in p.stderr, p.stderr
    missing = cli(db, "change", "propose", "--policy", str(tmp_path / "nope.toml"), "--by", "alice")
    assert missing.returncode != 0 and "nope.toml" in missing.stderr
    assert cli(db, "change", "show", "99").returncode == 1
