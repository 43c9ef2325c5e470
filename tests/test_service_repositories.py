"""The team service applies the managed policy's [[repositories]] sections to the project an event comes from.

An agent's own http hook sends only the event, so sections naming checkout ``paths`` match its project_root or cwd;
the thin client also sends what it read on the developer's machine (remotes now and when first seen), so sections
naming ``remotes`` apply too -- tightening on any sign, loosening only when every sign agrees, as locally."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from clearance.server.service import Service, claimed_identity

PW = "correct horse battery"
OK = "checked the diff"

POLICY = """
[[repositories]]
name = "payments"
remotes = ["github.com/acme/payments"]
[repositories.rules]
deny = ["Bash(make deploy:*)"]

[[repositories]]
name = "locked"
paths = ["/srv/locked/**"]
auto_mode = "disabled"

[[repositories]]
name = "sandbox"
remotes = ["github.com/acme/sandbox"]
[repositories.rules]
allow = ["Bash(terraform apply)"]
"""


@pytest.fixture
def svc(tmp_path: Path) -> Service:
    s = Service(str(tmp_path / "team.db"), spool=str(tmp_path / "spool.jsonl"))
    s.add_user("alice", PW, "admin")
    s.add_user("bob", PW, "approver")
    cid = s.propose(POLICY, "alice", "repository sections")
    s.decide_change(cid, "bob", "approver", True, OK)
    return s


def decide(svc: Service, command: str, cwd: str = "/home/ana/webapp", **extra: Any) -> Any:
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": cwd, "session_id": "s", **extra}
    return svc.hook(json.dumps(ev).encode(), "claude", "alice")


def verdict(answer: Any) -> str | None:
    return None if answer.stdout is None else str(answer.stdout["hookSpecificOutput"]["permissionDecision"])


def repo(root: str, remotes: list[str], first: list[str] | None = None) -> dict[str, Any]:
    return {"clearance_repository": {"root": root, "real": root, "remotes": remotes, "first": remotes if first is None else first}}


def test_a_path_section_applies_to_an_agents_own_http_hook(svc: Service) -> None:
    # auto mode disabled for /srv/locked: the agent's own permission system decides (no answer)
    assert verdict(decide(svc, "npm test", cwd="/srv/locked/app")) is None
    assert verdict(decide(svc, "npm test", cwd="/srv/other")) == "allow"
    # project_root counts as well as the cwd
    assert verdict(decide(svc, "npm test", cwd="/tmp/build", project_root="/srv/locked/app")) is None


def test_a_remote_section_tightens_on_the_remotes_the_thin_client_read(svc: Service) -> None:
    root = "/home/ana/payments"
    assert verdict(decide(svc, "make deploy ENV=prod", cwd=root, **repo(root, ["git@github.com:acme/payments.git"]))) == "deny"
    # any sign tightens: a remote seen first, even when origin has been replaced since
    assert verdict(decide(svc, "make deploy", cwd=root, **repo(root, ["github.com/ana/fork"], ["https://github.com/acme/payments"]))) == "deny"
    # another repository, or an http hook that sends no remotes: the section does not apply
    assert verdict(decide(svc, "make deploy", cwd=root, **repo(root, ["github.com/acme/web"]))) != "deny"
    assert verdict(decide(svc, "make deploy", cwd=root)) != "deny"


def test_a_remote_section_loosens_only_when_every_sign_agrees(svc: Service) -> None:
    root = "/home/ana/sandbox"
    assert verdict(decide(svc, "terraform apply", cwd=root, **repo(root, ["https://github.com/acme/sandbox.git"]))) == "allow"
    # an origin the agent pointed at the sandbox since clearance first met the checkout does not loosen
    moved = repo(root, ["https://github.com/acme/sandbox.git"], ["https://github.com/acme/payments.git"])
    assert verdict(decide(svc, "terraform apply", cwd=root, **moved)) != "allow"
    # nor does a second remote added beside it
    added = repo(root, ["https://github.com/acme/sandbox.git", "https://evil.example/x.git"])
    assert verdict(decide(svc, "terraform apply", cwd=root, **added)) != "allow"


def test_a_malformed_claim_is_no_claim() -> None:
    for bad in ({"root": "relative"}, {"root": 7}, "x", {"root": "/a\x00b"}):
        ident = claimed_identity({"clearance_repository": bad, "cwd": "/home/ana/p"})
        assert ident is not None and ident.root == "/home/ana/p" and ident.remotes == ()
    many = claimed_identity({"clearance_repository": {"root": "/p", "remotes": [f"github.com/a/r{i}" for i in range(500)]}})
    assert many is not None and len(many.remotes) == 32
    assert claimed_identity({"cwd": "relative"}) is None


def test_project_policies_follow_a_new_policy_version(svc: Service) -> None:
    root = "/home/ana/payments"
    claim = repo(root, ["github.com/acme/payments"])
    assert verdict(decide(svc, "make deploy", cwd=root, **claim)) == "deny"
    cid = svc.propose("", "alice", "no sections")
    svc.decide_change(cid, "bob", "approver", True, OK)
    assert verdict(decide(svc, "make deploy", cwd=root, **claim)) != "deny"


def test_the_thin_client_sends_what_it_reads_on_this_machine(tmp_path: Path) -> None:
    from clearance.remote import _repository

    project = tmp_path / "payments"
    project.mkdir()
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    subprocess.run(["git", "-C", str(project), "remote", "add", "origin", "git@github.com:acme/payments.git"], check=True)
    env = {"HOME": str(tmp_path / "home"), "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    # nothing is read or sent until the service's policy (copied to the cache) has sections that could use it
    assert _repository({"cwd": str(project / "src")}, env) is None
    (tmp_path / "cache" / "clearance").mkdir(parents=True)
    (tmp_path / "cache" / "clearance" / "server-policy.toml").write_text(POLICY)
    claim = _repository({"cwd": str(project / "src")}, env)
    assert claim is not None
    assert claim["root"] == str(project) and claim["remotes"] == ["github.com/acme/payments"] and claim["first"] == ["github.com/acme/payments"]
    # the origin replaced afterwards: the first-seen record (sealed in the state folder) still says payments
    subprocess.run(["git", "-C", str(project), "remote", "set-url", "origin", "https://github.com/acme/sandbox"], check=True)
    again = _repository({"cwd": str(project)}, env)
    assert again is not None and again["remotes"] == ["github.com/acme/sandbox"] and again["first"] == ["github.com/acme/payments"]
    assert _repository({"cwd": "relative"}, env) is None


def test_v1_decide_applies_sections_too(svc: Service) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from clearance.server.app import create_app

    cid, token = svc.propose_token("ci", "alice")
    svc.decide_change(cid, "bob", "approver", True, OK)
    client = TestClient(create_app(svc))
    root = "/home/ana/payments"
    ev = {"tool_name": "Bash", "tool_input": {"command": "make deploy"}, "cwd": root, **repo(root, ["github.com/acme/payments"])}
    r = client.post("/v1/decide", content=json.dumps(ev), headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.json()["decision"] == "deny"
    hook = client.post("/v1/hook?agent=claude", content=json.dumps({"hook_event_name": "PreToolUse", **ev}), headers={"authorization": f"Bearer {token}"})
    assert hook.json()["hookSpecificOutput"]["permissionDecision"] == "deny"
