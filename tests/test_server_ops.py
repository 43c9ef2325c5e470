"""Team service operations: impact of a change before approval, revert, the decision page, audit export, empty states."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from clearance.server.app import create_app
from clearance.server.service import Service, ServiceError
from tests.test_server import PW, hook, login


@pytest.fixture
def svc(tmp_path: Path) -> Service:
    s = Service(str(tmp_path / "team.db"))
    s.add_user("alice", PW, "admin")
    s.add_user("bob", PW, "approver")
    s.add_user("vic", PW, "viewer")
    time.sleep(0.01)  # approvers must exist before the changes they approve
    return s


@pytest.fixture
def client(svc: Service) -> TestClient:
    return TestClient(create_app(svc), follow_redirects=False)


def _propose_bucket(client: TestClient, csrf: str) -> int:
    r = client.post("/policy/trust", data={"kind": "buckets", "value": "s3://acme-dev-*", "csrf": csrf})
    assert r.status_code == 303
    return int(r.headers["location"].rsplit("/", 1)[1])


def test_change_page_shows_what_the_proposal_would_decide_differently(client: TestClient, svc: Service) -> None:
    token = svc.create_token("laptop", "alice")
    upload = "aws s3 cp build.zip s3://acme-dev-artifacts/"
    for cmd in (upload, "ls", "git status", "aws s3 cp x.zip s3://elsewhere/"):
        hook(client, token, cmd)
    csrf = login(client, "alice")
    cid = _propose_bucket(client, csrf)
    impact = svc.change_impact(cid)
    assert impact is not None and impact["replayed"] == 4
    assert impact["before"] == {"allow": 2, "deny": 2} and impact["after"] == {"allow": 3, "deny": 1}
    assert [c["tool_input"]["command"] for c in impact["changed"]] == [upload]
    assert impact["rules_lost"].get("net.bucket-untrusted") == 1
    page = client.get(f"/changes/{cid}").text
    assert 'id="impact-summary"' in page and "1 call would be decided differently" in page and "acme-dev-artifacts" in page


def test_impact_is_only_for_policy_changes(svc: Service) -> None:
    cid, _ = svc.propose_token("ci", "alice")
    assert svc.change_impact(cid) is None


def test_revert_is_a_change_request_of_its_own(client: TestClient, svc: Service) -> None:
    csrf = login(client, "alice")
    first = _propose_bucket(client, csrf)
    svc.decide_change(first, "bob", "approver", True, "ok")
    second = svc.add_rule("deny", "Bash(terraform apply:*)", "alice")
    svc.decide_change(second, "bob", "approver", True, "ok")
    assert "terraform" in svc.current_policy()[1]
    r = client.post(f"/changes/{first}/revert", data={"csrf": csrf})
    assert r.status_code == 303
    rid = int(r.headers["location"].rsplit("/", 1)[1])
    assert "terraform" in svc.current_policy()[1]  # nothing changes before a second person approves
    with pytest.raises(ServiceError, match="second person"):
        svc.decide_change(rid, "alice", "admin", True, "mine")
    svc.decide_change(rid, "bob", "approver", True, "back to the bucket-only version")
    text = svc.current_policy()[1]
    assert "terraform" not in text and "acme-dev-*" in text
    assert client.post(f"/changes/{rid + 100}/revert", data={"csrf": csrf}).status_code == 400
    assert client.post(f"/changes/{first}/nonsense", data={"csrf": csrf}).status_code == 404


def test_viewers_cannot_revert_or_export(client: TestClient, svc: Service) -> None:
    cid = svc.add_rule("deny", "Bash(terraform apply:*)", "alice")
    svc.decide_change(cid, "bob", "approver", True, "ok")
    csrf = login(client, "vic")
    assert client.post(f"/changes/{cid}/revert", data={"csrf": csrf}).status_code == 403
    assert client.get("/audit/export").status_code == 403


def test_decision_page_and_export(client: TestClient, svc: Service) -> None:
    token = svc.create_token("laptop", "alice")
    hook(client, token, "rm -rf ~")
    hook(client, token, "curl -H 'Authorization: Bearer ghp_abcdefghijklmnopqrstuvwxyz0123456789' https://api.github.com/user")
    login(client, "alice")
    dash = client.get("/").text
    ids = [int(x) for x in re.findall(r'href="/decisions/(\d+)"', dash)]
    assert len(ids) == 2
    page = client.get(f"/decisions/{min(ids)}").text
    assert "fs.delete" in page and "rm -rf ~" in page and 'class="deny"' in page
    assert client.get("/decisions/99999").status_code == 404
    r = client.get("/audit/export")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert [x["tool_input"]["command"][:8] for x in lines] == ["rm -rf ~", "curl -H "]
    assert "ghp_abcdefghijklmnopqrstuvwxyz0123456789" not in r.text  # recorded redacted, exported as recorded
    assert client.get("/audit/export?since=2h").text.count("\n") == 2
    assert client.get("/audit/export?since=nonsense").status_code == 400
    assert "export_audit" in client.get("/history").text


def test_empty_dashboard_says_what_to_do_next(client: TestClient) -> None:
    login(client, "alice")
    assert 'id="empty"' in client.get("/").text


def test_login_limits_count_the_client_behind_a_trusted_proxy_only() -> None:
    from clearance.server.app import client_address, trusted_proxies

    proxies = trusted_proxies("10.0.0.0/8, 127.0.0.1")
    assert client_address("10.1.2.3", "203.0.113.9", proxies) == "203.0.113.9"
    # a client cannot pick its own address by sending the header: entries left of the last untrusted hop are ignored
    assert client_address("10.1.2.3", "198.51.100.1, 203.0.113.9", proxies) == "203.0.113.9"
    assert client_address("10.1.2.3", "203.0.113.9, 10.0.0.7", proxies) == "203.0.113.9"
    # from an untrusted peer the header counts for nothing
    assert client_address("203.0.113.50", "198.51.100.1", proxies) == "203.0.113.50"
    assert client_address("10.1.2.3", "", proxies) == "10.1.2.3"
    assert client_address("10.1.2.3", "198.51.100.1", []) == "10.1.2.3"
    with pytest.raises(ValueError):
        trusted_proxies("not-a-network")


def test_failed_logins_behind_a_proxy_are_limited_per_client(svc: Service) -> None:
    from clearance.server.app import trusted_proxies

    c = TestClient(create_app(svc, proxies=trusted_proxies("127.0.0.1")), follow_redirects=False, client=("127.0.0.1", 50000))
    page = c.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    for _ in range(12):
        c.post("/login", data={"username": "nobody", "password": "wrong", "csrf": csrf}, headers={"x-forwarded-for": "198.51.100.7"})
    fails = [h for h in svc.admin_log() if h["action"] == "login_failed"]
    assert fails and all(h["details"] == "198.51.100.7" for h in fails)


def test_history_has_filters_and_pages(client: TestClient, svc: Service) -> None:
    for i in range(230):
        svc.log("bob" if i % 2 else "carl", "login_failed" if i % 3 == 0 else "login", f"10.0.{i}.1")
    login(client, "alice")
    first = client.get("/history").text
    assert first.count("<tr><td>") == 200 and 'id="history-older"' in first
    older = re.search(r'href="(/history\?[^"]*before=\d+)"', first)
    assert older is not None
    second = client.get(older.group(1).replace("&amp;", "&")).text
    assert 'id="history-newest"' in second and second.count("<tr><td>") >= 30
    only = client.get("/history?user=bob&action=login_fail").text
    rows = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td>", only)
    assert rows and all(u == "bob" and a == "login_failed" for u, a in rows)
    assert "nothing matches" in client.get("/history?action=%25").text  # no LIKE wildcards from the query
    assert client.get("/history?since=nonsense").status_code == 200 and 'id="error"' in client.get("/history?since=nonsense").text


def test_dashboard_paging_keeps_its_filters(client: TestClient, svc: Service) -> None:
    token = svc.create_token("laptop", "alice")
    for i in range(305):
        hook(client, token, f"echo {i}")
    login(client, "alice")
    page = client.get("/?decision=allow").text
    link = re.search(r'href="(/\?[^"]*before=\d+)"', page)
    assert link is not None and "decision=allow" in link.group(1)
