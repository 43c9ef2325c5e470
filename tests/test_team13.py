"""Team service, as a user meets it through Claude Code's own http hook (round 13).

Measured with Claude Code 2.1.332 (tests/e2e_agents/run.py, scenario ``claude-http-hook``): the http hook fills every
``$VAR`` named in ``allowedEnvVars`` into its headers (an unset one as empty), sends "Bearer" alone when
$CLEARANCE_TOKEN is unset, and with ``onFailure: "block"`` shows the model only "HTTP 401 from URL" for a 401.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

PW = "correct horse battery"
PRUNE = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "docker system prune -af --volumes"}, "cwd": "/home/ci/app"}


def _client(tmp_path: Path) -> tuple[Any, str]:
    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "t.db"))
    svc.add_user("alice", PW, "admin")
    return TestClient(create_app(svc), follow_redirects=False), svc.create_token("runner", "alice")


def _headers_as_claude_sends(env: dict[str, str], token: str) -> dict[str, str]:
    """The installed http hook's headers with its $VARs filled in from *env* the way Claude Code does (unset: empty)."""
    import re

    from clearance.installer import http_entry

    hook = http_entry("http://127.0.0.1:9")["hooks"][0]
    env = {**env, "CLEARANCE_TOKEN": token}
    allowed = set(hook["allowedEnvVars"])

    def fill(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(2)
        return env.get(name, "") if name in allowed else ""

    return {k: re.sub(r"\$\{([A-Z_][A-Z0-9_]*)\}|\$([A-Z_][A-Z0-9_]*)", fill, v).strip() for k, v in hook["headers"].items()}


@pytest.mark.parametrize(
    "env",
    [{"CI": "true"}, {"GITHUB_ACTIONS": "true", "CI": ""}, {"CLEARANCE_HEADLESS": "1"}, {"CLAUDE_CODE_ENTRYPOINT": "sdk-cli"}, {"CI": "1"}],
)
def test_claude_code_http_hook_in_ci_is_stopped_not_handed_over(tmp_path: Path, env: dict[str, str]) -> None:
    """Open item: the http hook could not tell the service it runs in CI, so a CI run's repeated denials were handed
    over as an *ask* nobody answers, where the command hook stops the run. The hook now sends X-Clearance-Env with the
    variables audit.is_headless reads; the service reads it as it reads the thin client's ``headless`` claim."""
    client, token = _client(tmp_path)
    headers = _headers_as_claude_sends(env, token)
    answers = [client.post("/v1/hook?agent=claude", content=json.dumps({**PRUNE, "session_id": "ci-1"}), headers=headers).json() for _ in range(4)]
    assert [a["hookSpecificOutput"]["permissionDecision"] for a in answers] == ["deny"] * 4, answers
    assert answers[-1].get("continue") is False and "stopReason" in answers[-1], answers[-1]


@pytest.mark.parametrize(
    "env",
    [{}, {"CI": "false"}, {"CLAUDE_CODE_ENTRYPOINT": "cli"}, {"CI": "true", "CLEARANCE_HEADLESS": "0"}, {"GITHUB_ACTIONS": "false"}],
)
def test_a_developer_at_the_keyboard_is_handed_over_not_stopped(tmp_path: Path, env: dict[str, str]) -> None:
    """Look-alikes: an interactive session (or CLEARANCE_HEADLESS=0 overriding CI) gets the hand-over, never a stop."""
    client, token = _client(tmp_path)
    headers = _headers_as_claude_sends(env, token)
    answers = [client.post("/v1/hook?agent=claude", content=json.dumps({**PRUNE, "session_id": "dev-1"}), headers=headers).json() for _ in range(4)]
    assert all(a.get("continue") is not False for a in answers), answers


@pytest.mark.parametrize("value", ["", "CI", "CI=;X=true", "HOME=/;CI=no", "x" * 2000 + ";CI=true", "ci=true", None])
def test_the_env_header_claims_headless_only_by_the_variables_it_names(value: str | None) -> None:
    from clearance.server.service import headless_from_header

    assert headless_from_header(value) is False
    assert headless_from_header("CI=true;GITHUB_ACTIONS=;CLEARANCE_HEADLESS=;CLAUDE_CODE_ENTRYPOINT=") is True
    assert headless_from_header("CI=;GITHUB_ACTIONS=;CLEARANCE_HEADLESS=;CLAUDE_CODE_ENTRYPOINT=sdk-ts") is True


def test_doctor_flags_an_http_hook_without_the_env_header_in_ci_only(tmp_path: Path) -> None:
    from clearance.installer import doctor, install

    home = tmp_path / "ana"
    path = Path(install("claude", "user", str(home), str(home / "p"), http="http://127.0.0.1:9")[0])
    _, lines = doctor(str(home), str(tmp_path / "p"), {"HOME": str(home), "CI": "true"})
    assert not [ln for ln in lines if "X-Clearance-Env" in ln], lines
    data = json.loads(path.read_text())
    hook = data["hooks"]["PreToolUse"][0]["hooks"][0]
    hook["headers"].pop("X-Clearance-Env")
    path.write_text(json.dumps(data))
    _, lines = doctor(str(home), str(tmp_path / "p"), {"HOME": str(home), "CI": "true"})
    flagged = [ln for ln in lines if "X-Clearance-Env" in ln]
    assert flagged and flagged[0].startswith("✗") and "clearance install claude --http http://127.0.0.1:9" in flagged[0], lines
    _, lines = doctor(str(home), str(tmp_path / "p"), {"HOME": str(home)})
    assert next(ln for ln in lines if "X-Clearance-Env" in ln).startswith("!"), lines
    # Installing again upgrades the entry in place.
    _, diff = install("claude", "user", str(home), str(home / "p"), http="http://127.0.0.1:9")
    assert "X-Clearance-Env" in diff


def test_no_token_is_an_ask_that_names_the_missing_variable(tmp_path: Path) -> None:
    """Confusing step: with $CLEARANCE_TOKEN unset Claude Code sends "Bearer" alone; the 401 reached the model (and the
    user) as "HTTP 401 from URL" and nothing more. The answer is now an ask saying the variable is not set, without the
    engine running (nothing is recorded); an unknown token keeps its own reason."""
    client, _ = _client(tmp_path)
    ev = {**PRUNE, "session_id": "s"}
    for auth in ("Bearer", "Bearer ", "bearer   ", None):
        r = client.post("/v1/hook?agent=claude", content=json.dumps(ev), headers={"authorization": auth} if auth is not None else {})
        assert r.status_code == 200
        out = r.json()["hookSpecificOutput"]
        said = "CLEARANCE_TOKEN is not set" if auth is not None else "no Authorization header"
        assert out["permissionDecision"] == "ask" and said in out["permissionDecisionReason"], out
    r = client.post("/v1/hook?agent=claude", content=json.dumps(ev), headers={"authorization": "Bearer clr_not_issued"})
    assert "not valid" in r.json()["hookSpecificOutput"]["permissionDecisionReason"]
    # Copilot's and Gemini's shapes too, for whoever points another agent's http hook here.
    r = client.post("/v1/hook?agent=gemini", content=json.dumps({**ev, "hook_event_name": "BeforeTool"}), headers={"authorization": "Bearer"})
    assert r.status_code == 200 and "CLEARANCE_TOKEN is not set" in r.text
    r = client.post("/v1/hook?agent=claude&envelope=1", content=json.dumps(ev), headers={"authorization": "Bearer"})
    assert r.status_code == 401  # the thin client explains a 401 itself


# -- session counters while a shared audit store is down -------------------------------------------------------------


def _hook_answer(env: dict[str, str], command: str, session: str) -> dict[str, Any]:
    from clearance import audit
    from clearance.hook import run

    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": env["CLAUDE_PROJECT_DIR"], "session_id": session}
    answer, _ = run(json.dumps(ev).encode(), None, env)
    audit.fold_pending()
    return answer or {}


@pytest.mark.parametrize("headless", ["1", "0"])
def test_a_run_that_keeps_being_denied_is_stopped_while_the_shared_store_is_down(tmp_path: Path, headless: str) -> None:
    """Open item: with `[audit] url` naming a PostgreSQL that is down, the session's counters live in the store, so
    escalation never happened: a CI run denied call after call was never stopped (nor an interactive user handed
    over). The denials are now counted on the machine while the store is down (store/pending.settle_while_down)."""
    pytest.importorskip("psycopg")
    from clearance.store import pending

    from .test_team12 import _closed_port, _fleet_env

    url = f"postgresql://clearance:s3cret@127.0.0.1:{_closed_port()}/clearance"
    env = {**_fleet_env(tmp_path, url), "CLEARANCE_HEADLESS": headless}
    answers = [_hook_answer(env, "docker system prune -af --volumes", "ci-9") for _ in range(4)]
    decisions = [a["hookSpecificOutput"]["permissionDecision"] for a in answers]
    if headless == "1":
        assert decisions == ["deny"] * 4 and answers[-1].get("continue") is False, answers[-1]
    else:
        assert decisions == ["deny", "deny", "deny", "ask"] and "Handing over" in answers[-1]["hookSpecificOutput"]["permissionDecisionReason"], answers
    assert all(a.get("continue") is not False for a in answers[:3])
    # Another session counts on its own; an allowed call resets the consecutive count as with the store up.
    assert _hook_answer(env, "docker system prune -af --volumes", "ci-10").get("continue") is not False
    assert _hook_answer(env, "git status", "ci-11") == {} or _hook_answer(env, "git status", "ci-11")["hookSpecificOutput"]["permissionDecision"] == "allow"
    rows = [json.loads(line) for line in Path(pending.path(url, env)).read_text().splitlines()]
    assert [r["stage"] for r in rows if r["session_id"] == "ci-9"][-1] == "escalation"  # kept as answered


def test_the_outage_counters_are_forgotten_once_what_waited_reached_the_store(tmp_path: Path) -> None:
    from clearance.store import pending

    url = "postgresql://u@127.0.0.1:1/x"
    env = {"HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    rec = {"session_id": "s", "raw_decision": "deny", "decision": "deny", "reason": "r", "stage": "analysis", "ts": 1.0}
    for _ in range(3):
        pending.settle_while_down(url, env, dict(rec), (3, 20), True)
    _, out = pending.settle_while_down(url, env, dict(rec), (3, 20), True)
    assert out["escalate"] and out["stop"], out
    pending._forget_counters(url, env)
    _, out = pending.settle_while_down(url, env, dict(rec), (3, 20), True)
    assert not out["escalate"], out


@pytest.mark.parametrize("headless", [True, False])
def test_the_service_counts_denials_while_its_store_is_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, headless: bool) -> None:
    """Open item: the team service's session counters live in its store; while the store failed, every answer was
    degraded and none escalated, so a CI run denied call after call was never stopped. The service process counts
    them meanwhile (server/service._OutageCounters) and forgets them once a decision is recorded again."""
    import sqlite3

    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "t.db"), spool=str(tmp_path / "spool.jsonl"), budget_s=1.0)
    svc.add_user("alice", PW, "admin")
    token = svc.create_token("runner", "alice")
    client = TestClient(create_app(svc))

    def down(*a: Any, **k: Any) -> Any:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(svc.guard.raw, "record", down)
    ev = {**PRUNE, "session_id": "ci-down", **({"headless": True} if headless else {})}
    answers = [client.post("/v1/hook?agent=claude", content=json.dumps(ev), headers={"authorization": f"Bearer {token}"}).json() for _ in range(4)]
    decisions = [a["hookSpecificOutput"]["permissionDecision"] for a in answers]
    if headless:
        assert decisions == ["deny"] * 4 and answers[-1].get("continue") is False, answers
    else:
        assert decisions[:3] == ["deny"] * 3 and decisions[3] == "ask" and "Handing over" in answers[3]["hookSpecificOutput"]["permissionDecisionReason"]
    assert all(a.get("continue") is not False for a in answers[:3])
    # An ordinary call while down is still asked (unrecorded), never allowed; another session counts on its own.
    other = {**PRUNE, "session_id": "ci-other", **({"headless": True} if headless else {})}
    assert client.post("/v1/hook?agent=claude", content=json.dumps(other), headers={"authorization": f"Bearer {token}"}).json().get("continue") is not False
    assert svc.outage.counts
