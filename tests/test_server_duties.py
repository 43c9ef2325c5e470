"""Separation of duties in the team service: every privileged change (policy, people, tokens) is a change request that
a different person who existed before it was proposed approves, with a comment; approvals and the first admin are
serialised in the database; logins do not reveal which names exist and are limited per account."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from clearance.server.app import create_app
from clearance.server.service import Service, ServiceError

from .pgserver import postgres_server, unavailable_reason

PW = "correct horse battery"
OK = "checked the diff"


@pytest.fixture
def svc(tmp_path: Path) -> Service:
    s = Service(str(tmp_path / "team.db"), spool=str(tmp_path / "spool.jsonl"))
    s.add_user("alice", PW, "admin")
    s.add_user("bob", PW, "approver")
    return s


def client_for(svc: Service) -> TestClient:
    return TestClient(create_app(svc), follow_redirects=False)


def login(client: TestClient, user: str, password: str = PW) -> str:
    page = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    r = client.post("/login", data={"username": user, "password": password, "csrf": csrf})
    assert r.status_code == 303, r.text
    home = client.get("/")
    return re.search(r'name="csrf" value="([^"]+)"', home.text).group(1)  # type: ignore[union-attr]


def change_id(r: Any) -> int:
    assert r.status_code == 303, r.text
    return int(r.headers["location"].rsplit("/", 1)[1])


def hook(client: TestClient, token: str, command: str) -> Any:
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/w", "session_id": "d"}
    return client.post("/v1/hook", content=json.dumps(ev), headers={"authorization": f"Bearer {token}"})


def test_one_admin_cannot_approve_through_an_account_they_added(svc: Service) -> None:
    alice, bob = client_for(svc), client_for(svc)
    ca, cb = login(alice, "alice"), login(bob, "bob")
    # Adding a person is a change request: alice2 does not exist until someone else approves.
    cid = change_id(alice.post("/users", data={"csrf": ca, "name": "alice2", "password": PW, "role": "approver"}))
    assert "alice2" not in [u["name"] for u in svc.users()]
    with pytest.raises(ServiceError, match="second person"):
        svc.decide_change(cid, "alice", "admin", True, OK)
    assert bob.post(f"/changes/{cid}/approve", data={"csrf": cb, "comment": OK}).status_code == 303
    assert [u["created_by"] for u in svc.users() if u["name"] == "alice2"] == ["alice"]
    time.sleep(0.01)
    # alice proposes a policy change; the account she brought in cannot approve it.
    pid = svc.set_auto_mode("disabled", "alice")
    alice2 = client_for(svc)
    c2 = login(alice2, "alice2")
    r = alice2.post(f"/changes/{pid}/approve", data={"csrf": c2, "comment": OK})
    assert r.status_code == 400 and "created by alice" in r.text
    assert [c["status"] for c in svc.changes() if c["id"] == pid] == ["proposed"]
    assert bob.post(f"/changes/{pid}/approve", data={"csrf": cb, "comment": OK}).status_code == 303
    assert [c["comment"] for c in svc.changes() if c["id"] == pid] == [OK]


def test_an_account_newer_than_the_change_cannot_approve_it(svc: Service) -> None:
    pid = svc.set_auto_mode("disabled", "alice")
    time.sleep(0.01)
    svc.add_user("carol", PW, "admin", by="cli")
    with pytest.raises(ServiceError, match="did not exist"):
        svc.decide_change(pid, "carol", "admin", True, OK)
    with pytest.raises(ServiceError, match="comment"):
        svc.decide_change(pid, "bob", "approver", True, "  ")
    svc.decide_change(pid, "bob", "approver", True, OK)


def test_tokens_work_only_after_a_second_person_approves(svc: Service) -> None:
    alice, bob = client_for(svc), client_for(svc)
    ca, cb = login(alice, "alice"), login(bob, "bob")
    page = alice.post("/tokens", data={"csrf": ca, "name": "ci-runner"})
    token = re.search(r'id="new-token">([^<]+)<', page.text).group(1)  # type: ignore[union-attr]
    cid = int(re.search(r'href="/changes/(\d+)"', page.text).group(1))  # type: ignore[union-attr]
    assert _rejected(hook(alice, token, "ls"))
    assert alice.post(f"/changes/{cid}/approve", data={"csrf": ca, "comment": OK}).status_code == 400
    assert bob.post(f"/changes/{cid}/approve", data={"csrf": cb, "comment": OK}).status_code == 303
    assert hook(alice, token, "ls").json()["hookSpecificOutput"]["permissionDecision"] == "allow"
    assert [t["state"] for t in svc.tokens() if t["name"] == "ci-runner"] == ["active"]
    assert [t["last_used"] > 0 for t in svc.tokens() if t["name"] == "ci-runner"] == [True]


def test_an_expired_token_stops_working(svc: Service) -> None:
    cid, token = svc.propose_token("short", "alice", days=1)
    svc.decide_change(cid, "bob", "approver", True, OK)
    c = client_for(svc)
    assert hook(c, token, "ls").status_code == 200
    svc.store.execute("UPDATE agent_tokens SET expires = ? WHERE name = 'short'", (time.time() - 1,))
    assert _rejected(hook(c, token, "ls"))


def test_user_lifecycle_changes_are_approved_and_end_sessions(svc: Service) -> None:
    svc.add_user("dan", PW, "viewer")
    dan = client_for(svc)
    login(dan, "dan")
    assert dan.get("/").status_code == 200
    time.sleep(0.01)
    for action, extra in (("role", {"role": "approver"}), ("password", {"password": "another long passphrase"}), ("disable", {})):
        cid = svc.propose_user_change(action, "dan", "alice", **extra)
        svc.decide_change(cid, "bob", "approver", True, OK)
    assert [(u["role"], u["disabled"]) for u in svc.users() if u["name"] == "dan"] == [("approver", True)]
    assert dan.get("/").status_code == 303  # the session ended
    assert svc.login("dan", "another long passphrase", "1.2.3.4") is None  # disabled
    cid = svc.propose_user_change("remove", "dan", "alice")
    svc.decide_change(cid, "bob", "approver", True, OK)
    assert "dan" not in [u["name"] for u in svc.users()]


def _race(fns: list[Callable[[], Any]]) -> list[str]:
    barrier = threading.Barrier(len(fns))
    out: list[str] = ["?"] * len(fns)

    def run(i: int) -> None:
        barrier.wait()
        try:
            fns[i]()
            out[i] = "ok"
        except ServiceError as e:
            out[i] = str(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(fns))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return out


def _approvals_are_serialised(url: str, tmp_path: Path) -> None:
    a = Service(url, spool=str(tmp_path / "a.jsonl"))
    b = Service(url, spool=str(tmp_path / "b.jsonl"))  # a second process: its own connection
    assert _race([lambda: a.bootstrap_admin("root", PW), lambda: b.bootstrap_admin("root2", PW)]) == ["ok", "ok"]
    assert len(a.users()) == 1  # exactly one first admin, and neither start crashed
    a.add_user("alice", PW, "admin")
    a.add_user("bob", PW, "approver")
    a.add_user("carol", PW, "approver")
    time.sleep(0.01)
    first = a.add_trust("buckets", "s3://one", "alice")
    second = a.add_trust("buckets", "s3://two", "alice")  # both on the same base version
    results = _race([lambda: a.decide_change(first, "bob", "approver", True, OK), lambda: b.decide_change(second, "carol", "approver", True, OK)])
    assert sorted(r == "ok" for r in results) == [False, True], results
    third = a.set_auto_mode("disabled", "alice")
    results = _race([lambda: a.decide_change(third, "bob", "approver", True, OK), lambda: b.decide_change(third, "carol", "approver", True, OK)])
    assert sorted(r == "ok" for r in results) == [False, True], results
    assert [c["decided_by"] for c in a.changes() if c["id"] == third] in (["bob"], ["carol"])


def test_approvals_and_the_first_admin_are_serialised_on_sqlite(tmp_path: Path) -> None:
    _approvals_are_serialised(str(tmp_path / "race.db"), tmp_path)


@pytest.mark.skipif(unavailable_reason() is not None, reason=str(unavailable_reason()))
def test_approvals_and_the_first_admin_are_serialised_on_postgresql(tmp_path: Path) -> None:
    with postgres_server() as url:
        _approvals_are_serialised(url, tmp_path)


def test_login_time_does_not_reveal_which_names_exist(svc: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    from clearance.server import service as mod

    checked: list[str] = []
    real = mod.check_password

    def counting(password: str, stored: str) -> bool:
        checked.append(stored)
        return real(password, stored)

    monkeypatch.setattr(mod, "check_password", counting)
    assert svc.login("alice", "wrong password here", "10.0.0.1") is None
    assert svc.login("nobody-by-this-name", "wrong password here", "10.0.0.2") is None
    assert len(checked) == 2 and all(h.startswith("scrypt$") for h in checked)  # the same scrypt work either way
    times = {}
    for name in ("alice", "nobody-by-this-name"):
        t0 = time.perf_counter()
        svc.login(name, "wrong password here", "10.0.0.3")
        times[name] = time.perf_counter() - t0
    assert times["nobody-by-this-name"] > 0.5 * times["alice"], times


def test_failed_logins_are_limited_per_account_across_addresses(svc: Service) -> None:
    for i in range(10):
        assert svc.login("alice", "wrong password here", f"10.0.1.{i}") is None
    with pytest.raises(ServiceError, match="too many"):
        svc.login("alice", PW, "10.0.2.1")
    assert svc.login("bob", PW, "10.0.2.1") is not None  # other accounts are not affected


def test_the_users_page_proposes_lifecycle_changes(svc: Service) -> None:
    svc.add_user("carol", PW, "approver")
    alice, bob, carol = client_for(svc), client_for(svc), client_for(svc)
    ca, cb, cc = login(alice, "alice"), login(bob, "bob"), login(carol, "carol")
    assert "Propose user" in alice.get("/users").text
    time.sleep(0.01)
    cid = change_id(alice.post("/users", data={"csrf": ca, "action": "role", "name": "bob", "role": "admin"}))
    assert [u["role"] for u in svc.users() if u["name"] == "bob"] == ["approver"]  # nothing changes before approval
    r = bob.post(f"/changes/{cid}/approve", data={"csrf": cb, "comment": OK})
    assert r.status_code == 400 and "your own account" in r.text
    r = carol.post(f"/changes/{cid}/approve", data={"csrf": cc, "comment": OK})
    assert r.status_code == 303
    assert [u["role"] for u in svc.users() if u["name"] == "bob"] == ["admin"]
    assert bob.get("/").status_code == 303  # bob's role changed: his session ended
    page = alice.post("/users", data={"csrf": ca, "action": "role", "name": "nobody"})
    assert page.status_code == 200 and "no user" in page.text


def _rejected(r: Any) -> bool:
    """A token that does not (or no longer) work: a valid ask in Claude Code's shape, never a non-2xx its http hook would run the tool on."""
    out = r.json()["hookSpecificOutput"]
    return bool(r.status_code == 200 and out["permissionDecision"] == "ask" and "token" in out["permissionDecisionReason"])
