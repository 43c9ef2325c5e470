"""The command line: decide (JSONL contract and --table), check, rules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    e = dict(os.environ, HOME="/home/ana", CLEARANCE_MANAGED_POLICY="/nonexistent")
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "clearance", *args], input=stdin, capture_output=True, text=True, env=e, timeout=60)


def test_decide_follows_the_jsonl_contract() -> None:
    lines = [
        json.dumps({"id": "a1", "hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "rm -rf ~"}, "cwd": "/home/ana/webapp"}),
        "not json",
        "",
        json.dumps({"id": 7, "tool_name": "Read", "tool_input": {"file_path": "/home/ana/webapp/README.md"}, "cwd": "/home/ana/webapp", "extra": [1]}),
    ]
    p = cli("decide", stdin="\n".join(lines) + "\n")
    assert p.returncode == 0
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert len(out) == 3  # blank lines are skipped; every other line gets an answer
    assert set(out[0]) == {"id", "decision", "reason", "rules", "stage", "elapsed_ms"}
    assert out[0]["id"] == "a1" and out[0]["decision"] == "deny" and out[0]["rules"] == ["fs.delete-critical"] and out[0]["stage"] == "analysis"
    assert out[1]["decision"] == "ask" and out[1]["rules"] == ["input.malformed"] and "id" not in out[1]
    assert out[2]["id"] == 7 and out[2]["decision"] == "allow" and out[2]["stage"] == "default"


def test_decide_table_is_readable() -> None:
    p = cli("decide", "--table", stdin=(ROOT / "examples" / "sample-actions.jsonl").read_text(), env={"HOME": "/home/dev"})
    assert p.returncode == 0
    assert "27 actions: 10 allowed, 13 denied, 4 asked" in p.stdout  # .env read: asked; MCP PR: allowed (15b)


def test_check_explains_and_can_answer_in_json(tmp_path: Path) -> None:
    project = tmp_path / "webapp"  # a folder that exists: --cwd names one (tests/test_ux19.py)
    project.mkdir()
    home = {"HOME": str(tmp_path)}
    p = cli("check", "--cwd", str(project), "--", "sudo bash -c 'rm -rf ~/old'", env=home)
    assert "(via sudo > bash -c)" in p.stdout and "fs.delete-outside-project" in p.stdout and "decision  DENY" in p.stdout
    j = json.loads(cli("check", "--json", "--cwd", str(project), "--", "git push -f", env=home).stdout)
    assert j["decision"] == "deny" and j["findings"][0]["rule"] == "git.force-push" and j["commands"][0]["argv"] == ["git", "push", "-f"]
    assert cli("check", "--exit-code", "--", "rm -rf ~").returncode == 3
    assert cli("check").returncode == 2


def test_rules_listing_and_one_rule() -> None:
    listing = cli("rules").stdout
    assert "fs.delete-critical" in listing and "hard_deny" in listing
    one = cli("rules", "git.force-push").stdout
    assert "Why:" in one and "Must match:" in one and "git push --force-with-lease origin main" in one
    assert cli("rules", "no.such-rule").returncode == 2
