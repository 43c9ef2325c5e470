"""The team's way from a denial to a decision (agents14, walked as a platform admin).

A developer whose call the team service denied is told to ask the admins to allow it in the team policy; the admin had
to write that rule by hand.  `clearance change propose --allow ID --by NAME` (Service.propose_allow) now proposes the
current team policy plus the narrowest allow rule for exactly that call -- the rule `clearance allow ID` would write on
a machine -- checked by deciding the call again, refused where no allow rule can lift it; a second person approves it as
any change.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clearance.server.service import Service, ServiceError

ROOT = Path(__file__).resolve().parents[1]
PW = "correct horse battery staple 42"


def _svc(tmp_path: Path) -> Service:
    svc = Service(str(tmp_path / "team.db"))
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", "another long passphrase 7", "approver")
    return svc


def _hook(svc: Service, tool: str, tool_input: dict[str, object], token: str) -> dict[str, object]:
    from starlette.testclient import TestClient

    from clearance.server.app import create_app

    ev = {"hook_event_name": "PreToolUse", "tool_name": tool, "tool_input": tool_input, "cwd": "/home/ana/webapp", "session_id": "s1", "home": "/home/ana"}
    with TestClient(create_app(svc)) as client:
        r = client.post("/v1/hook?agent=claude", json=ev, headers={"authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    out: dict[str, object] = r.json()
    return out


def _decision(out: dict[str, object]) -> str:
    hso = out.get("hookSpecificOutput")
    return str(hso.get("permissionDecision")) if isinstance(hso, dict) else str(out)


@pytest.fixture
def team(tmp_path: Path) -> tuple[Service, str]:
    svc = _svc(tmp_path)
    token = svc.create_token("laptop", "alice")
    assert token
    return svc, token


@pytest.mark.parametrize(
    ("tool", "tool_input", "rule"),
    [
        ("Bash", {"command": "terraform apply -auto-approve"}, "Bash(terraform apply -auto-approve)"),
        ("Bash", {"command": "cd infra && git push --force origin main"}, "Bash(git push --force origin main)"),
        ("Bash", {"command": "kubectl delete deployment web"}, "Bash(kubectl delete deployment web)"),
    ],
)
def test_a_denied_call_becomes_a_change_that_allows_exactly_it(team: tuple[Service, str], tool: str, tool_input: dict[str, object], rule: str) -> None:
    svc, token = team
    assert _decision(_hook(svc, tool, tool_input, token)) == "deny"
    did = svc.store.query({}, 1)[0]["id"]
    cid, rules = svc.propose_allow(did, "alice")
    assert rules == [rule]
    change = next(c for c in svc.changes() if c["id"] == cid)
    assert change["status"] == "proposed" and rule in change["diff"] and f"decision {did}" in change["summary"]
    assert _decision(_hook(svc, tool, tool_input, token)) == "deny"  # nothing changes before a second person approves
    svc.decide_change(cid, "bob", "approver", True, "checked the call")
    assert _decision(_hook(svc, tool, tool_input, token)) == "allow"
    # Exactly that call: a neighbour stays denied.
    other = {"command": str(tool_input["command"]) + " --extra"} if tool == "Bash" else tool_input
    assert _decision(_hook(svc, tool, other, token)) != "allow"


def test_a_hard_denial_is_refused_with_the_reason(team: tuple[Service, str]) -> None:
    svc, token = team
    assert _decision(_hook(svc, "Bash", {"command": "rm -rf ~"}, token)) == "deny"
    did = svc.store.query({}, 1)[0]["id"]
    with pytest.raises(ServiceError, match=r"cannot be allowed.*hard denial"):
        svc.propose_allow(did, "alice")
    assert not svc.changes()


def test_an_allowed_or_missing_decision_is_refused(team: tuple[Service, str]) -> None:
    svc, token = team
    assert _decision(_hook(svc, "Bash", {"command": "ls -la"}, token)) == "allow"
    did = svc.store.query({}, 1)[0]["id"]
    with pytest.raises(ServiceError, match="nothing to allow"):
        svc.propose_allow(did, "alice")
    with pytest.raises(ServiceError, match="no decision 999"):
        svc.propose_allow(999, "alice")


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "PYTHONPATH": str(ROOT / "src"), "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "clearance", *args], capture_output=True, text=True, env=env, timeout=120)


def test_the_cli_and_the_refusal_on_the_developer_s_side_name_it(team: tuple[Service, str], tmp_path: Path) -> None:
    svc, token = team
    assert _decision(_hook(svc, "Bash", {"command": "npm publish"}, token)) == "deny"
    did = svc.store.query({}, 1)[0]["id"]
    db = str(tmp_path / "team.db")
    svc.store.close()
    refused = _cli("allow", str(did), "--db", db, home=tmp_path)
    assert refused.returncode == 1 and f"clearance change propose --allow {did} --by NAME" in refused.stderr, refused.stderr
    p = _cli("change", "propose", "--allow", str(did), "--by", "alice", "--db", db, home=tmp_path)
    assert p.returncode == 0 and "allow Bash(npm publish)" in p.stdout and "clearance change show" in p.stdout, p.stdout + p.stderr
    show = _cli("change", "show", p.stdout.split()[1].rstrip(":"), "--db", db, home=tmp_path)
    assert "Bash(npm publish)" in show.stdout and "deny → allow" in show.stdout, show.stdout
    nobody = _cli("change", "propose", "--allow", str(did), "--by", "mallory", "--db", db, home=tmp_path)
    assert nobody.returncode != 0


def test_the_decision_page_proposes_it_for_admins_only(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from clearance.server.app import create_app

    from .test_server import PW as SPW
    from .test_server import login

    svc = Service(str(tmp_path / "team.db"))
    for name, role in (("alice", "admin"), ("bob", "approver"), ("vic", "viewer")):
        svc.add_user(name, SPW, role)
    token = svc.create_token("laptop", "alice")
    client = TestClient(create_app(svc), follow_redirects=False)
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "npm publish"}, "cwd": "/home/ana/webapp", "session_id": "w"}
    assert client.post("/v1/hook", json=ev, headers={"authorization": f"Bearer {token}"}).json()["hookSpecificOutput"]["permissionDecision"] == "deny"
    did = svc.store.query({}, 1)[0]["id"]
    csrf = login(client, "vic")
    assert "propose-allow" not in client.get(f"/decisions/{did}").text
    assert client.post(f"/decisions/{did}/allow", data={"csrf": csrf}).status_code == 403
    client.cookies.clear()
    csrf = login(client, "alice")
    assert "propose-allow" in client.get(f"/decisions/{did}").text
    assert client.post(f"/decisions/{did}/allow", data={"csrf": "wrong"}).status_code == 403
    r = client.post(f"/decisions/{did}/allow", data={"csrf": csrf})
    assert r.status_code == 303 and r.headers["location"].startswith("/changes/"), r.text
    change = client.get(r.headers["location"]).text
    assert "Bash(npm publish)" in change and "deny" in change
    assert svc.changes()[0]["status"] == "proposed"
