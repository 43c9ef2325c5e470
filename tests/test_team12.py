"""The team service and the way from a denial to a decision, walked as a platform team and a developer would (h-team12).

Each test names the defect it was written for; each failed before its fix.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

PW = "correct horse battery"


# -- an --http install from before X-Clearance-Home ---------------------------------------------------------------


def _old_http_install(home: Path, url: str) -> Path:
    """Claude Code settings as `clearance install claude --http URL` wrote them before the home header."""
    from clearance.installer import install

    path = Path(install("claude", "user", str(home), str(home / "p"), http=url)[0])
    data = json.loads(path.read_text())
    hook = data["hooks"]["PreToolUse"][0]["hooks"][0]
    hook["headers"].pop("X-Clearance-Home")
    hook["allowedEnvVars"] = ["CLEARANCE_TOKEN"]
    data["model"] = "opus"
    path.write_text(json.dumps(data, indent=2))
    return path


def test_installing_again_upgrades_a_stale_http_hook_in_place(tmp_path: Path) -> None:
    """Defect: doctor said "run `clearance install claude --http URL` again", but install saw an http entry of its own
    and changed nothing (an empty diff), so the header was never added."""
    from clearance.installer import install

    home = tmp_path / "ana"
    path = _old_http_install(home, "https://clearance.acme.internal")
    _, diff = install("claude", "user", str(home), str(tmp_path / "p"), http="https://clearance.acme.internal")
    assert "X-Clearance-Home" in diff, diff
    data = json.loads(path.read_text())
    pre = data["hooks"]["PreToolUse"]
    assert len(pre) == 1, pre  # replaced where it was, not added beside it
    hook = pre[0]["hooks"][0]
    assert hook["headers"]["X-Clearance-Home"] == "$HOME" and "HOME" in hook["allowedEnvVars"]
    assert data["model"] == "opus"
    # Once upgraded, installing again is a no-op.
    assert install("claude", "user", str(home), str(tmp_path / "p"), http="https://clearance.acme.internal")[1] == ""


def test_doctor_names_the_exact_command_that_upgrades_a_stale_http_hook(tmp_path: Path) -> None:
    from clearance.installer import doctor

    home = tmp_path / "ana"
    _old_http_install(home, "http://127.0.0.1:9")  # nothing listens: doctor still reads the entry
    ok, lines = doctor(str(home), str(tmp_path / "p"), {"HOME": str(home)})
    text = "\n".join(lines)
    assert "clearance install claude --http http://127.0.0.1:9" in text, text
    stale = [ln for ln in lines if "X-Clearance-Home" in ln]
    assert stale and stale[0].startswith("✗"), stale
    assert not ok


# -- /v1/offline: bounded acceptance per client ------------------------------------------------------------------


def _offline_client(tmp_path: Path) -> tuple[Any, dict[str, str], Any]:
    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "t.db"))
    svc.add_user("alice", PW, "admin")
    token = svc.create_token("laptop", "alice")
    return TestClient(create_app(svc), follow_redirects=False), {"authorization": f"Bearer {token}"}, svc


def _offline_row(command: str) -> dict[str, Any]:
    import time

    return {
        "ts": time.time() - 60,
        "session_id": "s9",
        "agent": "claude",
        "cwd": "/home/ana/p",
        "tool_name": "Bash",
        "tool_input": {"command": command},
        "decision": "allow",
        "raw_decision": "allow",
        "stage": "analysis",
        "rules": ["service.unreachable"],
        "reason": "ok",
    }


def test_one_token_cannot_flood_the_offline_upload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Defect: /v1/offline took any number of uploads from one token (each up to 200 rows into the hash chain), so one
    machine -- or one leaked token -- could fill the team's audit store.  Now each token has a budget of decisions per
    hour (and of requests per minute); past it the answer is 429 with Retry-After, and nothing is stored."""
    from clearance.server import offline

    monkeypatch.setattr(offline, "ROWS_PER_HOUR", 300)
    client, auth, svc = _offline_client(tmp_path)
    first = client.post("/v1/offline", json={"decisions": [_offline_row(f"echo {i}") for i in range(200)]}, headers=auth)
    assert first.status_code == 200 and first.json()["stored"] == 200, first.text
    over = client.post("/v1/offline", json={"decisions": [_offline_row(f"echo b{i}") for i in range(200)]}, headers=auth)
    assert over.status_code == 429, over.text
    assert int(over.headers["retry-after"]) > 0
    body = over.json()
    assert "laptop" in body["error"] and "per hour" in body["error"] and body["retry_after"] > 0, body
    assert len(svc.store.query({"session_id": "s9"})) == 200  # nothing of the refused batch was stored
    # Another machine's token has its own budget.
    other = svc.create_token("ci-runner-1", "alice")
    ok = client.post("/v1/offline", json={"decisions": [_offline_row("echo c")]}, headers={"authorization": f"Bearer {other}"})
    assert ok.status_code == 200, ok.text


def test_one_token_cannot_hammer_the_offline_upload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clearance.server import offline

    monkeypatch.setattr(offline, "REQUESTS_PER_MINUTE", 3)
    client, auth, _ = _offline_client(tmp_path)
    codes = [client.post("/v1/offline", json={"decisions": [_offline_row(f"echo {i}")]}, headers=auth).status_code for i in range(5)]
    assert codes == [200, 200, 200, 429, 429], codes


def test_an_oversized_offline_body_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """Defect: the 4 MB bound was checked after the whole body was read into memory (any size a client sent).  A declared
    Content-Length over the bound is refused unread; a body without one is read no further than the bound."""
    import anyio

    from clearance.server.app import create_app
    from clearance.server.service import Service

    client, auth, _ = _offline_client(tmp_path)
    big = b'{"decisions": [' + b" " * 5_000_000 + b"]}"
    r = client.post("/v1/offline", content=big, headers={**auth, "content-type": "application/json"})
    assert r.status_code == 413 and "MB" in r.json()["error"], r.text

    svc = Service(str(tmp_path / "t.db"))
    app = create_app(svc)
    token = auth["authorization"].encode()
    for declared in (True, False):
        sent = 0
        answers: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            nonlocal sent
            sent += 1_000_000
            assert sent < 50_000_000, "the service kept reading an endless body"
            return {"type": "http.request", "body": b" " * 1_000_000, "more_body": True}

        async def send(message: dict[str, Any], answers: list[dict[str, Any]] = answers) -> None:
            answers.append(message)

        headers = [(b"authorization", token), (b"content-type", b"application/json")]
        if declared:
            headers.append((b"content-length", b"999999999999"))
        scope = {
            "type": "http",
            "method": "POST",
            "path": "/v1/offline",
            "raw_path": b"/v1/offline",
            "query_string": b"",
            "headers": headers,
            "http_version": "1.1",
            "scheme": "http",
            "server": ("127.0.0.1", 8765),
            "client": ("127.0.0.1", 5000),
            "root_path": "",
        }

        async def run(scope: dict[str, Any] = scope, send: Any = send, receive: Any = receive) -> None:
            await app(scope, receive, send)

        anyio.run(run)
        assert answers[0]["status"] == 413, answers
        assert sent <= (1_000_000 if declared else 5_000_000), sent


def test_the_uploader_waits_as_long_as_the_service_says(tmp_path: Path) -> None:
    """A 429's retry_after dates the outbox's marker, so the next try is not before the service accepts it."""
    import os
    import time

    from clearance.outbox import RETRY_S, _later, marker_path

    env = {"HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    (tmp_path / "state" / "clearance").mkdir(parents=True)
    _later(env, 1800.0)
    assert os.stat(marker_path(env)).st_mtime > time.time() + RETRY_S + 1000


# -- the policy's [audit] url (a shared PostgreSQL) is down ------------------------------------------------------


def _fleet_env(tmp_path: Path, url: str) -> dict[str, str]:
    import os

    project = tmp_path / "proj"
    project.mkdir(exist_ok=True)
    managed = tmp_path / "managed.toml"
    managed.write_text(f'[audit]\nurl = "{url}"\n')
    env = {"HOME": str(tmp_path), "CLAUDE_PROJECT_DIR": str(project), "CLEARANCE_HEADLESS": "1", "PATH": os.environ.get("PATH", "")}
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"), CLEARANCE_MANAGED_POLICY=str(managed))
    return env


def _ci_hook(env: dict[str, str], command: str, session: str = "ci-1") -> str:
    from clearance import audit
    from clearance.hook import run

    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": env["CLAUDE_PROJECT_DIR"], "session_id": session}
    answer, _ = run(json.dumps(ev).encode(), None, env)
    audit.fold_pending()  # what the hook does after answering
    return "allow" if answer is None else str(answer.get("hookSpecificOutput", {}).get("permissionDecision", "allow"))


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_down_audit_store_neither_loses_the_row_nor_blocks_the_fleet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Defect: with `[audit] url` naming a PostgreSQL that is down, every decision was lost (not recorded anywhere) and
    every allow became an ask -- in CI (headless) a stopped run for each ordinary call.  Now the row is kept on the
    machine (store/pending.py), the allow stands, and a failed connect opens a breaker so the next calls do not
    wait for the store at all."""
    pytest.importorskip("psycopg")
    from clearance.store import pending

    url = f"postgresql://clearance:s3cret@127.0.0.1:{_closed_port()}/clearance"
    env = _fleet_env(tmp_path, url)
    assert _ci_hook(env, "git status") == "allow"
    assert _ci_hook(env, "rm -rf ~") == "deny"  # a denial stays a denial
    assert pending.count(url, env) == 2
    rows = [json.loads(line) for line in Path(pending.path(url, env)).read_text().splitlines()]
    assert [r["tool_input"]["command"] for r in rows] == ["git status", "rm -rf ~"]
    assert all(pending.DEFERRED_RULE in r["rules"] for r in rows)
    assert "s3cret" not in Path(pending.path(url, env)).name

    import clearance.store as store_mod

    def no_connect(*a: Any, **k: Any) -> Any:
        raise AssertionError("the breaker is open: the store must not be tried again yet")

    monkeypatch.setattr(store_mod, "open_store", no_connect)
    assert _ci_hook(env, "ls") == "allow"
    assert pending.count(url, env) == 3


def test_rows_kept_while_the_store_was_down_reach_it_once_when_it_is_back(tmp_path: Path) -> None:
    from .pgserver import postgres_control, unavailable_reason

    if unavailable_reason():
        pytest.skip(unavailable_reason() or "")
    from clearance.store import open_store, pending

    with postgres_control() as server:
        env = _fleet_env(tmp_path, server.url)
        assert _ci_hook(env, "git log") == "allow"  # recorded directly
        server.stop()
        assert _ci_hook(env, "git status") == "allow"
        assert _ci_hook(env, "terraform destroy -auto-approve") in ("ask", "deny")
        assert pending.count(server.url, env) == 2
        server.start()
        (Path(pending._base(server.url, env) + "-down")).unlink()  # the breaker's 30 s have passed
        assert _ci_hook(env, "git diff") == "allow"  # reaches the store; what waited follows after the answer
        assert not pending.waiting(server.url, env)
        st = open_store(server.url, str(tmp_path / "state" / "clearance" / "audit.key"))
        try:
            got = [r["tool_input"]["command"] for r in st.query({"session_id": "ci-1"})]
            assert sorted(got) == sorted(["git log", "git status", "terraform destroy -auto-approve", "git diff"]), got
            deferred = st.query({"rule": pending.DEFERRED_RULE})
            assert len(deferred) == 2
            assert st.verify()["ok"], st.verify()
            # A flush that died after its commit and runs again stores nothing twice.
            Path(pending.path(server.url, env) + ".flushing").write_text(
                "\n".join(json.dumps({k: v for k, v in r.items() if k not in ("id", "time", "chain")}) for r in deferred) + "\n"
            )
            assert pending.flush(st, server.url, env) == 0
            assert len(st.query({"session_id": "ci-1"})) == 4
        finally:
            st.close()


def test_doctor_says_what_waits_for_a_down_store_and_never_prints_its_password(tmp_path: Path) -> None:
    """Defects: `clearance doctor` printed the audit URL with its password (`✓ audit store: postgresql://u:PASS@…`),
    and said nothing of decisions waiting for a store that is down."""
    pytest.importorskip("psycopg")
    from clearance.installer import doctor

    url = f"postgresql://clearance:s3cret@127.0.0.1:{_closed_port()}/clearance"
    env = _fleet_env(tmp_path, url)
    _ci_hook(env, "git status")
    ok, lines = doctor(env["HOME"], env["CLAUDE_PROJECT_DIR"], env)
    text = "\n".join(lines)
    assert "s3cret" not in text, text
    store = [ln for ln in lines if "audit store" in ln]
    assert store and store[0].startswith("✗"), text
    assert "1 decision(s) made while it is down wait on this machine" in text, text
    assert not ok


# -- a team database that is down when an admin starts the service or reads the trail ---------------------------


def _cli(*args: str, env_extra: dict[str, str] | None = None) -> Any:
    import os
    import subprocess
    import sys

    src = str(Path(__file__).resolve().parent.parent / "src")
    env = dict(os.environ, PYTHONPATH=src, CLEARANCE_ADMIN_USER="alice", CLEARANCE_ADMIN_PASSWORD="a long unique passphrase", **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "clearance", *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("command", [["serve", "--port", "1"], ["log"], ["stats"], ["log", "--verify"]])
def test_a_down_team_database_is_a_clear_error_not_a_traceback(command: list[str]) -> None:
    """Defect: `clearance serve` (and log, stats, ...) on a PostgreSQL that is down died with a psycopg traceback;
    now one line says which store (password hidden), what failed and what to do, exit 2."""
    pytest.importorskip("psycopg")
    url = f"postgresql://clearance:s3cret@127.0.0.1:{_closed_port()}/clearance"
    p = _cli(*command, "--db", url)
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert "Traceback" not in p.stderr, p.stderr
    assert "s3cret" not in p.stderr + p.stdout
    assert "cannot open the audit store" in p.stderr and "127.0.0.1" in p.stderr, p.stderr


def test_serve_never_prints_the_database_password(tmp_path: Path) -> None:
    from clearance.cli import shown_url

    assert shown_url("postgresql://clearance:s3cret@db.internal:5432/clearance") == "postgresql://clearance:***@db.internal:5432/clearance"
    assert shown_url("/var/lib/clearance/team.db") == "/var/lib/clearance/team.db"


# -- a developer reads the team's trail: a decision of the team service is not lifted by a local grant -----------


def _team_with_denials(tmp_path: Path) -> tuple[str, list[int]]:
    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    db = str(tmp_path / "team.db")
    svc = Service(db)
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", PW, "approver")
    cid = svc.propose('[rules]\ndeny = ["Bash(terraform destroy*)"]\n', "alice")
    svc.decide_change(cid, "bob", "approver", True, "ok")
    token = svc.create_token("ana-laptop", "alice")
    client = TestClient(create_app(svc), follow_redirects=False)
    for command in ("docker system prune -af --volumes", "terraform destroy -auto-approve"):
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/app", "session_id": "t1"}
        r = client.post("/v1/hook?agent=claude", content=json.dumps(ev), headers={"authorization": f"Bearer {token}", "x-clearance-home": "/home/ana"})
        assert r.json()["hookSpecificOutput"]["permissionDecision"] == "deny", r.text
    ids = [int(r["id"]) for r in svc.store.query({"session_id": "t1"})]
    svc.store.close()
    return db, sorted(ids)


def test_allow_refuses_a_team_service_decision_and_says_who_can_lift_it(tmp_path: Path) -> None:
    """Defect: `clearance explain ID --db TEAM` said "allow: yes: `clearance allow ID`" for a call the team service
    denied, and `clearance allow ID --db TEAM` wrote a grant into the developer's own config -- which the service never
    reads, so the call stayed denied while the developer was told "allowed".  Now allow refuses (exit 1) and both
    name the way that works: the team policy, changed by its admins."""
    db, (prune, destroy) = _team_with_denials(tmp_path)
    home = tmp_path / "ana"
    home.mkdir()
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "XDG_STATE_HOME": str(home / "state")}
    p = _cli("allow", str(prune), "--db", db, env_extra=env)
    assert p.returncode == 1, p.stdout + p.stderr
    assert "team service" in p.stderr and "ana-laptop" in p.stderr and "clearance change propose" in p.stderr, p.stderr
    assert not (home / ".config" / "clearance" / "config.toml").exists()
    p = _cli("explain", str(destroy), "--db", db, env_extra=env)
    assert p.returncode == 0, p.stderr
    now = next(ln for ln in p.stdout.splitlines() if ln.startswith("now"))
    assert "team policy" in now and "DENY" in now and "managed:Bash(terraform destroy*)" in p.stdout, p.stdout
    allow = next(ln for ln in p.stdout.splitlines() if ln.startswith("allow"))
    assert allow.startswith("allow     no:") and "admins" in allow, allow


# -- impact analysis before any call was recorded ----------------------------------------------------------------


def test_impact_with_nothing_recorded_says_it_cannot_tell_not_zero_changes(tmp_path: Path) -> None:
    """Defect: a change proposed before any agent was wired said "replayed the latest 0 audited calls ... 0 calls would
    be decided differently" -- read by an approver as "this change is harmless".  Now it says there is nothing to
    replay and how to check the change instead, on the change page and in `clearance change show`."""
    import re

    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    db = str(tmp_path / "team.db")
    svc = Service(db)
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", PW, "approver")
    cid = svc.propose('[rules]\nallow = ["Bash(terraform destroy*)"]\n', "alice")
    p = _cli("change", "show", str(cid), "--db", db)
    assert p.returncode == 0, p.stderr
    assert "0 calls would be decided differently" not in p.stdout, p.stdout
    assert "no audited calls to replay" in p.stdout and "clearance policy test" in p.stdout, p.stdout
    client = TestClient(create_app(svc), follow_redirects=False)
    page = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    assert client.post("/login", data={"username": "bob", "password": PW, "csrf": csrf}).status_code == 303
    html = client.get(f"/changes/{cid}").text
    assert "No audited calls to replay" in html and "0 calls would be decided differently" not in html, html


# -- a CI runner on the team service: repeated denials stop the run (DESIGN.md §1, escalation) ---------------------


def test_a_ci_runner_on_the_team_service_is_stopped_not_handed_over(tmp_path: Path) -> None:
    """Defect (DESIGN.md: "in a headless session (CI) they stop the run"): the service recorded every call as
    interactive, so a CI runner's thin client (CI=true) got the interactive hand-over -- an *ask* nobody in CI can
    answer -- after three denials, where the local hook stops the run.  The thin client now says it is headless (as it
    says its home); a claim can only make escalation stricter (stop instead of ask)."""
    import os
    import subprocess
    import sys

    from .test_team_fallback import SRC, Team

    team = Team(tmp_path)
    team.start()
    try:
        home = tmp_path / "runner"
        (home / "app").mkdir(parents=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_", "CI", "GITHUB_"))}
        env.update(HOME=str(home), PYTHONPATH=SRC, CLEARANCE_SERVER=team.base, CLEARANCE_TOKEN=team.token, CI="true")
        answers = []
        for _ in range(4):
            ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "docker system prune -af --volumes"}}
            ev.update(cwd=str(home / "app"), session_id="ci-run-42")
            p = subprocess.run(
                [sys.executable, "-m", "clearance", "hook", "--agent", "claude"], input=json.dumps(ev), capture_output=True, text=True, env=env, timeout=60
            )
            answers.append(json.loads(p.stdout))
        assert [a["hookSpecificOutput"]["permissionDecision"] for a in answers] == ["deny"] * 4, answers
        assert answers[-1].get("continue") is False and "stopReason" in answers[-1], answers[-1]
    finally:
        team.stop()


def test_an_empty_team_trail_says_how_to_wire_an_agent_not_to_install_a_local_hook(tmp_path: Path) -> None:
    """Confusing step: `clearance log --db TEAM` before any agent called the service said "the hook may not be
    installed, or runs with --no-audit; run `clearance doctor`" -- advice for a developer's machine, not a team store."""
    from clearance.server.service import Service

    db = str(tmp_path / "team.db")
    svc = Service(db)
    svc.add_user("alice", PW, "admin")
    svc.store.close()
    for cmd in ("log", "stats"):
        p = _cli(cmd, "--db", db)
        assert p.returncode == 0, p.stderr
        assert "Wire each agent" in p.stdout and "clearance token list" in p.stdout and "--no-audit" not in p.stdout, p.stdout


def test_the_rows_kept_for_a_down_store_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store down for weeks must not fill the disk: past pending.MAX_BYTES nothing more is kept, and an allow is
    asked (unrecorded) as before -- a denial stays a denial."""
    pytest.importorskip("psycopg")
    from clearance.store import pending

    monkeypatch.setattr(pending, "MAX_BYTES", 2000)
    url = f"postgresql://clearance@127.0.0.1:{_closed_port()}/clearance"
    env = _fleet_env(tmp_path, url)
    answers = [_ci_hook(env, f"git log -n {i}") for i in range(8)]
    assert answers[0] == "allow" and answers[-1] == "ask", answers
    assert Path(pending.path(url, env)).stat().st_size <= 2000
    assert _ci_hook(env, "rm -rf ~") == "deny"


def test_impact_names_what_a_replay_cannot_show(tmp_path: Path) -> None:
    """Confusing step: a change that raises the denial limits to 100 (or turns the audit off) replayed as "0 calls
    would be decided differently" -- the replay decides each call alone, so escalation, audit, reviewer and probe
    settings never show in it.  The impact now names the changed sections it does not cover."""
    from clearance.server.service import Service

    db = str(tmp_path / "team.db")
    svc = Service(db)
    svc.add_user("alice", PW, "admin")
    token = svc.create_token("laptop", "alice")
    assert token
    import time

    from clearance.audit import record_in
    from clearance.model import Decision

    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "cwd": "/home/a/p", "session_id": "s", "ts": time.time()}
    record_in(svc.store, Decision("allow", "ok", [], "analysis"), ev, None, None)
    cid = svc.propose("[escalation]\nmax_consecutive_denials = 100\n[audit]\nretention_days = 1\n", "alice")
    effect = svc.change_impact(cid)
    assert effect is not None and effect["replayed"] == 1
    assert effect["not_replayed"] == ["audit", "escalation"], effect
    p = _cli("change", "show", str(cid), "--db", db)
    assert "not replayed: [audit], [escalation]" in p.stdout, p.stdout


def test_an_uploaded_outage_decision_is_explained_as_decided_offline() -> None:
    from clearance.allow import team_refusal

    text = team_refusal({"id": 7, "user_name": "laptop", "rules": ["fs.delete-outside-project", "service.unreachable"]})
    assert "while the team service was unreachable" in text and "laptop" in text and "only during outages" in text
    assert "made by the team service for laptop" in team_refusal({"id": 8, "user_name": "laptop", "rules": []})


def test_installing_the_http_hook_without_a_token_says_what_is_missing(tmp_path: Path) -> None:
    """Confusing step: `clearance install claude --http URL` with no CLEARANCE_TOKEN in the environment said only
    "installed"; Claude Code then sent "Bearer " with nothing, the service answered 401, and onFailure=block blocked
    every call with no word of why.  Install now says the token is missing and how to get one."""
    home = tmp_path / "ana"
    home.mkdir()
    p = _cli("install", "claude", "--http", "http://127.0.0.1:9", env_extra={"HOME": str(home), "CLEARANCE_TOKEN": ""})
    assert p.returncode == 0, p.stderr
    out = p.stdout + p.stderr
    assert "CLEARANCE_TOKEN is not set" in out and "Tokens" in out and "clearance doctor" in out, out
    p = _cli("install", "claude", "--http", "http://127.0.0.1:9", env_extra={"HOME": str(home), "CLEARANCE_TOKEN": "clr_x"})
    assert "CLEARANCE_TOKEN is not set" not in p.stdout + p.stderr


def test_doctor_on_a_thin_client_counts_the_outage_decisions_waiting_to_be_sent(tmp_path: Path) -> None:
    """Confusing step: after an outage, nothing told the developer (or the admin helping them) whether the outage's
    decisions had reached the team's trail yet."""
    import os
    import subprocess
    import sys

    from .test_team_fallback import SRC, Team

    team = Team(tmp_path)
    home = tmp_path / "ana"
    (home / "app").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_", "CI", "GITHUB_"))}
    env.update(HOME=str(home), PYTHONPATH=SRC, CLEARANCE_SERVER=team.base, CLEARANCE_TOKEN=team.token)
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "git status"}, "cwd": str(home / "app"), "session_id": "o"}
    for _ in range(2):  # the service is not started: decided locally
        subprocess.run(
            [sys.executable, "-m", "clearance", "hook", "--agent", "claude"], input=json.dumps(ev), capture_output=True, text=True, env=env, timeout=60
        )
    team.start()
    try:
        from clearance.installer import service_lines

        _, lines = service_lines(env)
        assert any("2 decision(s) made here while it was unreachable wait" in ln for ln in lines), lines
    finally:
        team.stop()
