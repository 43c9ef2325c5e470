"""Adversarial round on the managed [[repositories]] sections, auto mode "disabled" deferring, and the team service's
single sign-on, proxy handling and command line: each case reproduced an escape or a breakage first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clearance.policy import load_policy

from .test_policy_repos import Setup


@pytest.fixture
def s(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


def _remotes(s: Setup, *urls: str, where: Path | None = None) -> None:
    root = where or s.project
    (root / ".git").mkdir(exist_ok=True)
    body = "[core]\n\tbare = false\n" + "".join(f'[remote "r{i}"]\n\turl = {u}\n' for i, u in enumerate(urls))
    (root / ".git" / "config").write_text(body)


def _bash(s: Setup, command: str, cwd: Path | None = None) -> Any:
    return s.decide(command, cwd)


# -- several sections: a tighter one is not undone by a looser one later in the file ---------------------------


@pytest.mark.parametrize(
    "managed",
    [
        # specific first, general later: the general section's "enabled" must not re-enable payments
        'auto_mode = "disabled"\n[[repositories]]\nremotes = ["github.com/acme/payments"]\nauto_mode = "disabled"\n'
        '[[repositories]]\nremotes = ["github.com/acme/*"]\nauto_mode = "enabled"\n',
        # a path section and a remote section naming the same checkout
        '[[repositories]]\npaths = ["~/work/payments"]\nauto_mode = "disabled"\n[[repositories]]\nremotes = ["github.com/acme/*"]\nauto_mode = "enabled"\n',
        # top level enabled, the only disabling section first
        '[[repositories]]\nname = "locked"\nremotes = ["github.com/acme/payments"]\nauto_mode = "disabled"\n'
        '[[repositories]]\nname = "all"\npaths = ["~/**"]\nauto_mode = "enabled"\n',
    ],
)
def test_a_disabling_section_wins_over_an_enabling_one_whatever_the_order(s: Setup, managed: str) -> None:
    s.managed.write_text(managed)
    _remotes(s, "https://github.com/acme/payments.git")
    d = _bash(s, "ls")
    assert d.decision == "ask" and d.defer, d.reason


# -- the agent cannot pick its own section by editing the checkout's remotes ---------------------------------------

LENIENT = """
auto_mode = "disabled"
[[repositories]]
name = "sandbox"
remotes = ["github.com/acme/sandbox"]
auto_mode = "enabled"
[repositories.trust]
domains = ["uploads.sandbox.dev"]
[repositories.rules]
allow = ["Bash(make deploy:*)"]
"""


def _loosened(s: Setup) -> bool:
    pol = load_policy(str(s.project), s.env)
    return pol.auto_mode == "enabled" or any(v == "uploads.sandbox.dev" for v, _ in pol.data["trust"]["domains"])


def test_the_lenient_section_applies_to_its_own_checkout(s: Setup) -> None:
    s.managed.write_text(LENIENT)
    _remotes(s, "https://github.com/acme/sandbox.git")
    d = _bash(s, "ls")
    assert d.decision == "allow" and not d.defer
    assert _bash(s, "make deploy").decision == "allow"


@pytest.mark.parametrize(
    "after",
    [
        ("https://github.com/acme/payments.git", "https://github.com/acme/sandbox.git"),  # git remote add x <sandbox>
        ("git@github.com:acme/sandbox.git",),  # git remote remove origin && git remote add origin <sandbox>
        ("https://github.com/acme/sandbox", "https://evil.example/x.git"),
    ],
)
def test_remotes_changed_after_first_sight_do_not_loosen(s: Setup, after: tuple[str, ...]) -> None:
    s.managed.write_text(LENIENT)
    _remotes(s, "https://github.com/acme/payments.git")
    first = _bash(s, "ls")  # the hook sees the checkout as it was cloned
    assert first.defer
    _remotes(s, *after)  # what `git remote add/remove/rename` (all allowed) can do next
    d = _bash(s, "ls")
    assert d.decision == "ask" and d.defer, d.reason
    assert not _loosened(s)


def test_a_remote_added_to_a_strict_checkout_still_tightens(s: Setup) -> None:
    s.managed.write_text('[[repositories]]\nremotes = ["github.com/acme/payments"]\n[repositories.rules]\ndeny = ["Bash(make deploy:*)"]\n')
    _remotes(s, "https://github.com/acme/payments.git")
    assert _bash(s, "ls").decision == "allow"
    _remotes(s, "https://github.com/someone/fork.git")  # origin removed, a fork added: the deny rule still applies
    assert _bash(s, "make deploy").decision == "deny"


def test_a_second_remote_of_another_owner_keeps_loosening_off(s: Setup) -> None:
    s.managed.write_text(LENIENT)
    _remotes(s, "https://github.com/acme/sandbox.git", "https://github.com/acme/payments.git")
    d = _bash(s, "ls")
    assert d.defer  # every remote must be inside the lenient section for it to loosen
    assert "sandbox" in " ".join(str(x) for x in load_policy(str(s.project), s.env).data["ignored"])


# -- a path section follows the checkout through symbolic links and `..` ------------------------------------------


def test_a_symlinked_checkout_gets_its_strict_path_section(s: Setup) -> None:
    s.managed.write_text('[[repositories]]\npaths = ["~/work/payments"]\nauto_mode = "disabled"\n')
    link = s.home / "p"
    link.symlink_to(s.project)
    assert _bash(s, "ls", cwd=link).defer
    (s.home / "work" / "x").mkdir()
    assert _bash(s, "ls", cwd=s.home / "work" / "x" / ".." / "payments").defer


def test_a_symlink_into_a_lenient_path_does_not_loosen_another_checkout(s: Setup) -> None:
    s.managed.write_text('auto_mode = "disabled"\n[[repositories]]\npaths = ["~/sandbox/**"]\nauto_mode = "enabled"\n')
    (s.home / "sandbox").mkdir()
    link = s.home / "sandbox" / "payments"
    link.symlink_to(s.project)
    assert _bash(s, "ls", cwd=link).defer
    real = s.home / "sandbox" / "toy"
    real.mkdir()
    assert not _bash(s, "ls", cwd=real).defer


# -- auto mode disabled: ordinary calls are not denials in a row ---------------------------------------------------


def test_deferred_calls_reset_the_consecutive_denials(s: Setup, tmp_path: Path) -> None:
    from clearance.hook import Options, run_answer

    s.managed.write_text('auto_mode = "disabled"\n[escalation]\nmax_consecutive_denials = 2\n')
    env = {**s.env, "CLEARANCE_DB": str(tmp_path / "audit.db")}
    opts = Options(["--agent", "claude", "--db", str(tmp_path / "audit.db")])

    def run(command: str) -> Any:
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(s.project), "session_id": "esc"}
        import json

        return run_answer(json.dumps(ev).encode(), opts, env)

    denied = "git push --force origin main"
    for _ in range(4):  # deny, ordinary work, deny, ordinary work ...: never "in a row"
        a = run(denied)
        assert "escalation" not in str(a.stdout), a.stdout
        assert run("ls").stdout is None  # deferred: no answer


# -- single sign-on: ID tokens, accounts ----------------------------------------------------------------------------

ISSUER = "https://login.acme.dev/"  # Auth0 and others publish their issuer with a trailing slash


def _idp(issuer: str = ISSUER) -> tuple[Any, Any]:
    import time

    pytest.importorskip("joserfc")
    from joserfc.jwk import KeySet, RSAKey

    from clearance.server.oidc import OidcConfig

    key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    cfg = OidcConfig(issuer, "clearance")
    doc = {"issuer": issuer, "authorization_endpoint": issuer + "authorize", "token_endpoint": issuer + "token", "jwks_uri": issuer + "jwks"}
    cfg._discovery = (time.monotonic(), doc)
    cfg._jwks = KeySet([key]).as_dict(private=False)
    return cfg, key


def _token(key: Any, header: dict[str, Any] | None = None, **claims: Any) -> str:
    import time

    from joserfc import jwt

    body = {"iss": ISSUER, "aud": "clearance", "sub": "s1", "exp": int(time.time()) + 300, "iat": int(time.time()), "nonce": "n1", **claims}
    return jwt.encode(header or {"alg": "RS256", "kid": "k1"}, body, key)


def test_an_issuer_with_a_trailing_slash_signs_people_in() -> None:
    from clearance.server.oidc import verify_id_token

    cfg, key = _idp()
    assert verify_id_token(cfg, _token(key), "n1")["sub"] == "s1"


@pytest.mark.parametrize(
    "claims",
    [
        {"iss": "https://login.acme.dev.evil/"},
        {"iss": "https://login.acme.dev"},  # the same issuer, spelt otherwise: a token for another tenant's config
        {"aud": "another-client"},
        {"aud": ["another-client", "clearance"], "azp": "another-client"},  # issued to another client
        {"nonce": "replayed"},
        {"exp": 1},
    ],
)
def test_id_tokens_for_someone_else_are_refused(claims: dict[str, Any]) -> None:
    from clearance.server.oidc import OidcError, verify_id_token

    cfg, key = _idp()
    with pytest.raises(OidcError):
        verify_id_token(cfg, _token(key, **claims), "n1")


def test_algorithm_confusion_is_refused() -> None:
    import base64
    import hashlib
    import hmac
    import json

    from clearance.server.oidc import OidcError, verify_id_token

    cfg, key = _idp()
    good = _token(key)
    _, body, _ = good.split(".")

    def b64(d: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()

    none = b64({"alg": "none", "kid": "k1"}) + "." + body + "."
    pem = key.as_pem(private=False)
    hs_head = b64({"alg": "HS256", "kid": "k1"})
    mac = hmac.new(pem, f"{hs_head}.{body}".encode(), hashlib.sha256).digest()
    hs = f"{hs_head}.{body}." + base64.urlsafe_b64encode(mac).rstrip(b"=").decode()
    for forged in (none, hs):
        with pytest.raises(OidcError):
            verify_id_token(cfg, forged, "n1")


def test_an_empty_provider_subject_does_not_take_over_a_local_account(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clearance.server import oidc
    from clearance.server.oidc import OidcConfig, OidcError, parse_roles
    from clearance.server.service import Service
    from tests.test_server import PW

    svc = Service(str(tmp_path / "t.db"))
    svc.add_user("alice", PW, "admin")  # a local account: its oidc_sub is ''
    # joserfc refuses a token with an empty sub; the account step must not rely on it (defence in depth)
    svc.oidc = OidcConfig("https://idp.example", "clearance", roles=parse_roles("*=admin"))
    monkeypatch.setattr(oidc, "exchange", lambda *a: {"sub": "", "preferred_username": "alice"})
    monkeypatch.setattr(oidc, "authorization_url", lambda cfg, r, state, n, c: "https://idp.example/authorize?state=" + state)
    state = svc.oidc_begin("https://clearance/cb").split("state=", 1)[1]
    with pytest.raises(OidcError, match="exists"):
        svc.oidc_finish(state, "code", "1.2.3.4")


# -- the address login limits count ---------------------------------------------------------------------------------


def test_a_forged_forwarded_for_line_before_the_proxys_own_is_not_the_client() -> None:
    pytest.importorskip("starlette")
    from starlette.requests import Request

    from clearance.server.app import client_address, forwarded_for, trusted_proxies

    trusted = trusted_proxies("10.0.0.1")
    # A proxy that adds its own X-Forwarded-For line (rather than appending to the client's) behind it:
    # HTTP reads repeated fields as one comma-separated list, in order.
    scope = {"type": "http", "headers": [(b"x-forwarded-for", b"6.6.6.6"), (b"x-forwarded-for", b"203.0.113.9")], "client": ("10.0.0.1", 1)}
    assert client_address("10.0.0.1", forwarded_for(Request(scope)), trusted) == "203.0.113.9"


# -- the command line keeps two persons for every privileged change --------------------------------------------------


def test_cli_user_add_without_a_proposer_is_only_for_a_lone_admin(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from clearance.cli import main
    from clearance.server.service import Service
    from tests.test_server import PW

    db = str(tmp_path / "team.db")
    svc = Service(db)
    svc.bootstrap_admin("alice", PW)
    monkeypatch.setattr("sys.stdin", io.StringIO(PW + "\n"))
    assert main(["user", "add", "bob", "--role", "admin", "--db", db]) == 0  # the operator gets a lone admin a second person
    # alice, alone at the keyboard, must not make herself an approver of her own changes now
    monkeypatch.setattr("sys.stdin", io.StringIO(PW + "\n"))
    assert main(["user", "add", "alice2", "--role", "approver", "--db", db]) != 0
    assert "--by" in capsys.readouterr().err
    assert "alice2" not in [u["name"] for u in Service(db).users()]


# -- the impact preview is not a way to load the decision path -------------------------------------------------------


def test_impact_is_worked_out_once_and_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from clearance.server import impact as impact_mod
    from clearance.server.service import Service
    from tests.test_server import PW

    svc = Service(str(tmp_path / "t.db"))
    svc.add_user("alice", PW, "admin")
    cid = svc.propose('[rules]\ndeny = ["Bash(npm test:*)"]\n', "alice", "deny npm test")
    calls: list[int] = []
    release = threading.Event()
    started = threading.Event()

    def slow(rows: Any, current: Any, proposed: Any) -> dict[str, Any]:
        calls.append(1)
        started.set()
        release.wait(10)
        return {"replayed": 0, "changed": []}

    monkeypatch.setattr(impact_mod, "impact", slow)
    first: list[Any] = []
    t = threading.Thread(target=lambda: first.append(svc.change_impact(cid)))
    t.start()
    assert started.wait(10)
    assert svc.change_impact(cid) == {"busy": True}  # a second page load does not start a second replay
    release.set()
    t.join(10)
    assert first and first[0]["replayed"] == 0
    for _ in range(5):
        assert svc.change_impact(cid) == first[0]  # reloads read the result kept for this policy version and trail
    assert len(calls) == 1
    svc.store.execute("UPDATE policy_versions SET status = 'approved' WHERE id = ?", (cid,))
    cid2 = svc.propose('[rules]\nask = ["Bash(npm test:*)"]\n', "alice", "ask npm test")
    svc.change_impact(cid2)
    assert len(calls) == 2


# -- messages on the sign-in page are the service's own ----------------------------------------------------------------


def test_the_callback_error_parameter_cannot_write_the_login_page(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.oidc import OidcConfig
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "t.db"))
    svc.oidc = OidcConfig("https://idp.example", "clearance")
    c = TestClient(create_app(svc), follow_redirects=False)
    lure = "Your account is locked. Call the help desk at +1 555 0100 and read them your password"
    r = c.get("/login/oidc/callback", params={"error": lure})
    assert r.status_code == 401 and "help desk" not in r.text
    r = c.get("/login/oidc/callback", params={"error": "access_denied"})
    assert "access_denied" in r.text


def test_allow_last_after_deferred_work_finds_the_denial(s: Setup, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The denial says `clearance allow --last`; with auto mode disabled the agent's next ordinary calls are
    recorded as ask, and --last must not pick one of them."""
    import json

    from clearance.cli import main
    from clearance.hook import Options, run_answer

    s.managed.write_text('auto_mode = "disabled"\n')
    db = str(tmp_path / "audit.db")
    opts = Options(["--agent", "claude", "--db", db])
    for command in ("git push --force origin main", "ls", "cat README.md"):
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(s.project), "session_id": "x"}
        run_answer(json.dumps(ev).encode(), opts, s.env)
    for k, v in s.env.items():
        monkeypatch.setenv(k, v)
    capsys.readouterr()
    assert main(["explain", "--last", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "git push --force" in out and "auto-mode-disabled" not in out


@pytest.mark.parametrize(
    "url",
    [
        "ssh://git@github.com:22/acme/payments.git",
        "git@github.com:/acme/payments.git",
        "https://github.com//acme/payments",
        "https://github.com/acme/sandbox/../payments",  # curl resolves the dots: this fetches acme/payments
        "https://github.com/acme/./payments/",
    ],
)
def test_another_spelling_of_the_remote_gets_its_strict_section(s: Setup, url: str) -> None:
    s.managed.write_text('[[repositories]]\nremotes = ["github.com/acme/payments"]\nauto_mode = "disabled"\n')
    _remotes(s, url)
    assert _bash(s, "ls").defer


def test_dots_in_a_remote_do_not_reach_a_lenient_section(s: Setup) -> None:
    s.managed.write_text(LENIENT)
    _remotes(s, "https://github.com/acme/sandbox/../payments")
    assert _bash(s, "ls").defer


# -- markup from agents and proposals stays text on the new pages ------------------------------------------------------


def test_decision_page_impact_table_and_rules_escape_what_agents_and_proposers_write(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service
    from tests.test_server import PW, hook, login

    svc = Service(str(tmp_path / "t.db"))
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", PW, "approver")
    token = svc.create_token("ci", "alice")
    c = TestClient(create_app(svc), follow_redirects=False)
    evil = "npm test '<script>alert(1)</script>' \"><img src=x onerror=alert(2)>"
    hook(c, token, evil)
    cid = svc.propose('[rules]\ndeny = ["Bash(npm test:*)", "Bash(<b>x</b>:*)"]\n', "alice", "<i>deny</i> npm test")
    login(c, "bob")
    did = svc.export()[-1]["id"]
    for url in (f"/decisions/{did}", f"/changes/{cid}", "/changes", "/"):
        text = c.get(url).text
        assert "<script>alert(1)" not in text and "<img src=x" not in text and "<b>x</b>" not in text and "<i>deny</i>" not in text, url
    assert "&lt;script&gt;" in c.get(f"/decisions/{did}").text
    export = c.get("/audit/export").text
    assert "<script>" in export  # JSON lines keep the text as it was (served as JSON, not HTML)
    assert c.get("/audit/export").headers["content-type"].startswith(("application/x-ndjson", "application/jsonl", "application/json"))


def test_lower_layers_cannot_reenable_or_add_sections(s: Setup) -> None:
    s.managed.write_text('[[repositories]]\nremotes = ["github.com/acme/payments"]\nauto_mode = "disabled"\n')
    _remotes(s, "https://github.com/acme/payments.git")
    (s.project / ".clearance.toml").write_text(
        'auto_mode = "enabled"\n[[repositories]]\nremotes = ["github.com/acme/payments"]\nauto_mode = "enabled"\n[repositories.trust]\ndomains = ["x.dev"]\n'
    )
    user = s.home / ".config" / "clearance"
    user.mkdir(parents=True)
    (user / "config.toml").write_text('auto_mode = "enabled"\n')
    pol = load_policy(str(s.project), s.env)
    assert pol.auto_mode == "disabled"
    assert not pol.data["trust"]["domains"]
    assert _bash(s, "ls").defer


# -- lint: what a picky admin writes ---------------------------------------------------------------------------------


def test_lint_reads_a_sections_trust_and_leaves_internal_git_hosts_alone(tmp_path: Path) -> None:
    from clearance.policy.tools import lint_files

    f = tmp_path / "managed.toml"
    f.write_text(
        '[trust]\ngit_remotes = ["gitserver/team/repo", "ssh://git@gitserver:2222/team/repo", "gitserver:2222/team/x"]\n'
        '[[repositories]]\nremotes = ["github.com/acme/sandbox"]\n[repositories.trust]\ndomains = ["https://uploads.sandbox.dev/"]\n'
    )
    out = "\n".join(lint_files([str(f)]))
    assert "repositories.trust.domains entry 'https://uploads.sandbox.dev/' never matches" in out and "'uploads.sandbox.dev'" in out
    for fine in ("gitserver/team/repo", "ssh://git@gitserver:2222/team/repo", "gitserver:2222/team/x"):
        assert f"entry {fine!r}" not in out, out
