"""Single sign-on through a real OpenID Connect provider on 127.0.0.1 (oidc-provider-mock): code flow with PKCE,
ID token verified, groups mapped to roles, accounts created and updated, and the ways a sign-in must fail."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
mock = pytest.importorskip("oidc_provider_mock")
import httpx
from starlette.testclient import TestClient

from clearance.server.app import OIDC_STATE, create_app
from clearance.server.oidc import OidcConfig, OidcError, parse_roles, role_for
from clearance.server.service import Service
from tests.test_server import PW

USERS = [
    mock.User(sub="sub-ana", claims={"preferred_username": "ana", "groups": ["platform-admins", "eng"]}),
    mock.User(sub="sub-sam", claims={"preferred_username": "sam", "groups": ["security"]}),
    mock.User(sub="sub-eve", claims={"preferred_username": "eve", "groups": ["marketing"]}),
    mock.User(sub="sub-bob", claims={"preferred_username": "bob", "groups": ["platform-admins"]}),
]


@pytest.fixture(scope="module")
def issuer() -> Iterator[str]:
    with mock.run_server_in_thread(user_claims=USERS) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def svc(tmp_path: Path, issuer: str) -> Service:
    s = Service(str(tmp_path / "team.db"))
    s.add_user("alice", PW, "admin")
    s.add_user("bob", PW, "approver")  # a local account: the provider's "bob" must not take it over
    s.oidc = OidcConfig(issuer, "clearance", "client-secret", parse_roles("platform-admins=admin,security=approver,eng=viewer"))
    return s


@pytest.fixture
def client(svc: Service) -> TestClient:
    return TestClient(create_app(svc), follow_redirects=False)


def sign_in(client: TestClient, sub: str, tamper: Any = None) -> Any:
    start = client.get("/login/oidc")
    assert start.status_code == 303, start.text
    authorize = start.headers["location"]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(authorize).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"][0] and query["nonce"][0]
    answer = httpx.post(authorize, data={"sub": sub})  # the person picks an identity on the provider's page
    assert answer.status_code in (302, 303), answer.text
    back = urllib.parse.urlsplit(answer.headers["location"])
    params = dict(urllib.parse.parse_qsl(back.query))
    if tamper:
        params = tamper(params)
    return client.get(back.path + "?" + urllib.parse.urlencode(params))


def who(client: TestClient) -> str:
    m = re.search(r'<span class="who">([^<]+?) <form', client.get("/").text)
    return m.group(1).strip() if m else ""


def test_login_page_offers_single_sign_on(client: TestClient, issuer: str) -> None:
    assert f"Sign in with {issuer}" in client.get("/login").text


def test_sign_in_creates_the_account_with_the_role_its_groups_map_to(client: TestClient, svc: Service) -> None:
    done = sign_in(client, "sub-ana")
    assert done.status_code == 200 and 'url=/"' in done.text
    assert who(client) == "ana (admin)"
    ana = next(u for u in svc.users() if u["name"] == "ana")
    assert ana["role"] == "admin" and ana["created_by"] == "oidc"
    history = client.get("/history").text
    assert "oidc_account" in history and "(oidc)" in history
    # no local password for an account the provider made
    assert svc.login("ana", "!", "1.2.3.4") is None


def test_role_follows_the_groups_at_each_sign_in(client: TestClient, svc: Service) -> None:
    sign_in(client, "sub-sam")
    assert who(client) == "sam (approver)"
    svc.oidc.roles = parse_roles("security=viewer")
    client.cookies.clear()
    sign_in(client, "sub-sam")
    assert who(client) == "sam (viewer)"
    assert "oidc_role" in [h["action"] for h in svc.admin_log()]


def test_people_in_no_mapped_group_are_refused(client: TestClient) -> None:
    r = sign_in(client, "sub-eve")
    assert r.status_code == 401 and "no group" in r.text
    assert who(client) == ""


def test_an_existing_local_account_is_not_taken_over(client: TestClient) -> None:
    r = sign_in(client, "sub-bob")
    assert r.status_code == 401 and "exists" in r.text
    assert who(client) == ""


def test_disabled_accounts_stay_out(client: TestClient, svc: Service) -> None:
    sign_in(client, "sub-ana")
    svc.store.execute("UPDATE users SET disabled = 1 WHERE name = 'ana'")
    client.cookies.clear()
    r = sign_in(client, "sub-ana")
    assert r.status_code == 401 and "disabled" in r.text


def test_state_is_single_use_and_bound_to_the_browser(client: TestClient) -> None:
    r = sign_in(client, "sub-ana", tamper=lambda p: {**p, "state": "forged"})
    assert r.status_code == 400 and "not started in this browser" in r.text
    # a callback replayed from another browser (no state cookie) is refused
    start = client.get("/login/oidc")
    state = client.cookies.get(OIDC_STATE)
    answer = httpx.post(start.headers["location"], data={"sub": "sub-ana"})
    callback = answer.headers["location"]
    other = TestClient(client.app, follow_redirects=False)
    assert other.get(urllib.parse.urlsplit(callback).path + "?" + urllib.parse.urlsplit(callback).query).status_code == 400
    ok = client.get(urllib.parse.urlsplit(callback).path + "?" + urllib.parse.urlsplit(callback).query)
    assert ok.status_code == 200 and state
    again = client.get(urllib.parse.urlsplit(callback).path + "?" + urllib.parse.urlsplit(callback).query)
    assert again.status_code in (400, 401)  # the state was used up


def test_a_code_for_another_client_or_a_forged_token_fails(svc: Service, issuer: str) -> None:
    from clearance.server.oidc import verify_id_token

    cfg = OidcConfig(issuer, "someone-else")
    with pytest.raises(OidcError):
        verify_id_token(cfg, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "n")
    with pytest.raises(OidcError):
        verify_id_token(cfg, "not a token", "n")


def test_provider_down_is_a_clear_error(tmp_path: Path) -> None:
    s = Service(str(tmp_path / "t.db"))
    s.oidc = OidcConfig("http://127.0.0.1:9", "clearance")
    c = TestClient(create_app(s), follow_redirects=False)
    r = c.get("/login/oidc")
    assert r.status_code == 502 and "cannot be reached" in r.text


def test_role_mapping_and_configuration() -> None:
    cfg = OidcConfig("https://idp", "c", roles=parse_roles("a=admin, *=viewer"))
    assert role_for(cfg, {"groups": ["a"]}) == "admin" and role_for(cfg, {"groups": []}) == "viewer"
    assert role_for(OidcConfig("https://idp", "c", roles=parse_roles("a=admin")), {"groups": "b"}) is None
    for bad in ("a=root", "=admin", "admin"):
        with pytest.raises(OidcError):
            parse_roles(bad)
    assert OidcConfig.from_env({}) is None
    with pytest.raises(OidcError):
        OidcConfig.from_env({"CLEARANCE_OIDC_ISSUER": "https://idp"})
