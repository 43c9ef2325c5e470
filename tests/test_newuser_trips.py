"""What a new user trips over when following README.md and docs/ from a clean copy (a scratch HOME, a fresh venv).

Each test names what the user saw before the fix: a traceback, a hint that led to the wrong call, a check that said
everything was fine while it was not, a message that pointed the wrong way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def cli(tmp: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    e = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_", "CLAUDE_"))}
    e.update(HOME=str(tmp / "home"), PYTHONPATH=str(ROOT / "src"), CLEARANCE_MANAGED_POLICY=str(tmp / "no-managed.toml"), CLEARANCE_NO_DAEMON="1")
    e.update(env or {})
    (tmp / "home").mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "clearance", *args], input=stdin, capture_output=True, text=True, env=e, cwd=cwd or tmp, timeout=120)


def event(command: str, cwd: Path, session: str = "s1") -> str:
    return json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(cwd), "session_id": session})


# -- a mistyped time filter was a Python traceback ---------------------------------------------------------------


@pytest.mark.parametrize("cmd", [["log"], ["stats"], ["report", "--html", "r.html"]])
@pytest.mark.parametrize("flag", ["--since", "--until"])
def test_a_time_filter_the_cli_cannot_read_is_a_message_not_a_traceback(tmp_path: Path, cmd: list[str], flag: str) -> None:
    assert cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", tmp_path)).returncode == 0  # a store to read
    p = cli(tmp_path, *cmd, flag, "yesterday")
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr
    assert "cannot read the time 'yesterday'" in p.stderr and "2h, 3d" in p.stderr


def test_time_filters_the_cli_reads_still_work(tmp_path: Path) -> None:
    assert cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", tmp_path)).returncode == 0
    for value in ("2h", "3d", "2026-11-25", "2026-11-25T10:00:00Z"):
        p = cli(tmp_path, "log", "--since", value)
        assert p.returncode == 0, (value, p.stderr)


# -- a denial by the team service said `clearance allow --last`, which lifted another, local call ----------------


def test_a_denial_by_the_team_service_points_to_the_team_policy_not_to_a_local_allow(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "team.db"))
    svc.add_user("alice", "correct horse battery", "admin")
    client = TestClient(create_app(svc), follow_redirects=False)
    token = svc.create_token("ci", "alice")

    def served(command: str) -> dict[str, str]:
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/webapp", "session_id": "t"}
        r = client.post("/v1/hook", content=json.dumps(ev), headers={"authorization": f"Bearer {token}"})
        out: dict[str, str] = r.json()["hookSpecificOutput"]
        return out

    # Soft denials and asks a local user could lift: through the service the local audit trail holds none of them.
    for command in ("git push --force origin main", "docker system prune -a --volumes", "git push https://github.com/other/x.git main"):
        out = served(command)
        assert out["permissionDecision"] == "deny", (command, out)
        assert "clearance allow" not in out["permissionDecisionReason"], command
        assert "team policy" in out["permissionDecisionReason"], command
    out = served("kubectl apply -f k8s/deployment.yaml")
    assert out["permissionDecision"] == "ask" and "clearance allow" not in out["permissionDecisionReason"]
    assert "team policy" in out["permissionDecisionReason"]
    # A hard denial keeps its own words; ordinary work is allowed as before.
    hard = served("rm -rf ~")
    assert hard["permissionDecision"] == "deny" and "cannot be allowed" in hard["permissionDecisionReason"]
    assert served("npm test")["permissionDecision"] == "allow"


def test_a_local_denial_still_says_clearance_allow_last(tmp_path: Path) -> None:
    home = tmp_path / "home"
    project = home / "webapp"
    project.mkdir(parents=True)
    p = cli(tmp_path, "hook", "--agent", "claude", stdin=event("git push --force origin main", project))
    reason = json.loads(p.stdout)["hookSpecificOutput"]["permissionDecisionReason"]
    assert "`clearance allow 1`" in reason  # the local denial's own id: a local allow, not the team's


# -- the thin client (CLEARANCE_SERVER) set up wrong: doctor said every check passed, the hook's note misled --------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


TEAM_DB: dict[str, str] = {}


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    """A running `clearance serve` on 127.0.0.1: (base URL, an approved token, a token still waiting for approval)."""
    pytest.importorskip("starlette")
    import time
    import urllib.request

    from clearance.server.service import Service

    tmp = tmp_path_factory.mktemp("team")
    db = str(tmp / "team.db")
    svc = Service(db)
    svc.add_user("alice", "correct horse battery", "admin")
    token = svc.create_token("ci", "alice")
    _, pending = svc.propose_token("laptop", "alice")
    svc.store.close()
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "clearance", "serve", "--db", db, "--port", str(port)], env=dict(os.environ, HOME=str(tmp)))
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        raise RuntimeError("clearance serve did not start")
    TEAM_DB[base] = db
    yield base, token, pending
    proc.terminate()
    proc.wait(timeout=10)


def _doctor(tmp: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    assert cli(tmp, "install", "claude").returncode == 0
    # a person at a terminal (under CI=true, doctor fails on the helper's absent managed file: tests/test_newuser16.py)
    return cli(tmp, "doctor", env={"CLEARANCE_HEADLESS": "0", **env})


def test_doctor_checks_the_team_service_the_hook_is_a_client_of(tmp_path: Path, team: tuple[str, str, str]) -> None:
    base, token, pending = team
    good = _doctor(tmp_path, {"CLEARANCE_SERVER": base, "CLEARANCE_TOKEN": token})
    assert good.returncode == 0, good.stdout
    assert f"✓ team service: {base} answers and accepts CLEARANCE_TOKEN" in good.stdout
    cases = {
        "no scheme": ({"CLEARANCE_SERVER": base.removeprefix("http://"), "CLEARANCE_TOKEN": token}, "is not an http(s) URL"),
        "no token": ({"CLEARANCE_SERVER": base}, "CLEARANCE_TOKEN is not set"),
        "pending token": ({"CLEARANCE_SERVER": base, "CLEARANCE_TOKEN": pending}, "not yet approved by a second person"),
        "mistyped token": ({"CLEARANCE_SERVER": base, "CLEARANCE_TOKEN": token[:-3] + "xyz"}, "rejects CLEARANCE_TOKEN"),
        "nothing listening": ({"CLEARANCE_SERVER": f"http://127.0.0.1:{_free_port()}", "CLEARANCE_TOKEN": token}, "does not answer"),
    }
    for name, (env, said) in cases.items():
        d = cli(tmp_path, "doctor", env=env)
        assert d.returncode == 1, (name, d.stdout)
        assert "✗ team service:" in d.stdout and said in d.stdout, (name, d.stdout)
    # The self-tests run locally (each would otherwise be recorded by the service, `rm -rf ~` included, on every doctor
    # run): a refused token is the team-service line's to report, not "self-test failed (blocked: rm -rf ~ True, ls True)".
    d = cli(tmp_path, "doctor", env={"CLEARANCE_SERVER": base})
    assert "✓ claude: self-test passed" in d.stdout and "True" not in d.stdout
    before = _recorded(base, token)
    assert _doctor(tmp_path, {"CLEARANCE_SERVER": base, "CLEARANCE_TOKEN": token}).returncode == 0
    assert _recorded(base, token) == before


def _recorded(base: str, token: str) -> int:
    """How many decisions the service's dashboard lists (read through the database the fixture made)."""
    from clearance.store import open_store

    db = TEAM_DB[base]
    store = open_store(db)
    try:
        return len(store.query({}, 100000))
    finally:
        store.close()


def test_a_failed_self_test_says_what_failed_and_what_the_hook_said(tmp_path: Path) -> None:

    # A managed policy that asks about everything: `ls` is blocked, and the line says so in words.
    managed = tmp_path / "managed.toml"
    managed.write_text("this is not toml\n")
    d = cli(tmp_path, "doctor", env={"CLEARANCE_MANAGED_POLICY": str(managed)})
    assert "✗ claude: self-test failed: ls was blocked" in d.stdout and "True" not in d.stdout, d.stdout


def test_the_thin_client_says_why_the_service_refused_its_token(tmp_path: Path, team: tuple[str, str, str]) -> None:
    base, token, pending = team
    project = tmp_path / "home" / "proj"
    project.mkdir(parents=True)
    unset = cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", project), env={"CLEARANCE_SERVER": base})
    assert json.loads(unset.stdout)["hookSpecificOutput"]["permissionDecision"] == "ask"
    assert "CLEARANCE_TOKEN is not" in unset.stderr and "revoked" not in unset.stderr
    waiting = cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", project), env={"CLEARANCE_SERVER": base, "CLEARANCE_TOKEN": pending})
    assert json.loads(waiting.stdout)["hookSpecificOutput"]["permissionDecision"] == "ask"
    assert "not yet approved" in waiting.stderr
    ok = cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", project), env={"CLEARANCE_SERVER": base, "CLEARANCE_TOKEN": token})
    assert json.loads(ok.stdout)["hookSpecificOutput"]["permissionDecision"] == "allow"


def test_doctor_says_when_the_named_managed_policy_is_not_there(tmp_path: Path) -> None:
    d = _doctor(tmp_path, {"CLEARANCE_MANAGED_POLICY": str(tmp_path / "mnt" / "managed.toml")})
    assert f"! managed policy: CLEARANCE_MANAGED_POLICY names {tmp_path / 'mnt' / 'managed.toml'}, but there is no such file" in d.stdout
    (tmp_path / "managed.toml").write_text('auto_mode = "enabled"\n')
    assert "! managed policy" not in cli(tmp_path, "doctor", env={"CLEARANCE_MANAGED_POLICY": str(tmp_path / "managed.toml")}).stdout


# -- a repository that tries to loosen: lint quoted Python (`= True`) at line 0, and said only the managed policy may ----


@pytest.mark.parametrize("written", ["allow_project_trust = true", "allow_project_trust=true", "allow_project_trust   =   true"])
def test_a_project_that_trusts_itself_is_refused_at_its_line_in_its_own_words(tmp_path: Path, written: str) -> None:
    project = tmp_path / "home" / "proj"
    project.mkdir(parents=True)
    (project / ".clearance.toml").write_text(f'# the repository\n{written}\n[rules]\nallow = ["Bash(git push --force:*)"]\n')
    p = cli(tmp_path, "policy", "lint", cwd=project)
    assert p.returncode == 1
    first = p.stdout.splitlines()[0]
    assert first.startswith(f"{project / '.clearance.toml'}:2: allow_project_trust = true has no effect"), p.stdout
    assert "a repository cannot trust itself" in first and "True" not in p.stdout
    assert f"{project / '.clearance.toml'}:4: rules.allow: Bash(git push --force:*) has no effect" in p.stdout
    show = cli(tmp_path, "policy", "show", cwd=project).stdout
    assert "project: allow_project_trust = true -- a repository cannot trust itself" in show
    assert "allow_project_trust = false   (default)" in show and 'auto_mode = "enabled"   (default)' in show and "True" not in show


def test_an_auto_mode_a_lower_layer_cannot_turn_back_on_is_quoted_as_written(tmp_path: Path) -> None:
    project = tmp_path / "home" / "proj"
    project.mkdir(parents=True)
    (tmp_path / "managed.toml").write_text('auto_mode = "disabled"\n')
    (project / ".clearance.toml").write_text('\nauto_mode = "enabled"\n')
    p = cli(tmp_path, "policy", "lint", cwd=project, env={"CLEARANCE_MANAGED_POLICY": str(tmp_path / "managed.toml")})
    assert f'{project / ".clearance.toml"}:2: auto_mode = "enabled" has no effect: auto mode was disabled by the managed policy' in p.stdout


# -- `clearance policy test examples/policies/cases.toml` as --help showed it: 7 failures, with no word of which policy ---


def test_policy_test_says_which_files_decided_and_the_documented_command_passes(tmp_path: Path) -> None:
    cases = str(ROOT / "examples" / "policies" / "cases.toml")
    bare = cli(tmp_path, "policy", "test", cases)
    assert bare.returncode == 1
    assert "decided with: managed absent" in bare.stdout and "CLEARANCE_MANAGED_POLICY / CLEARANCE_USER_POLICY" in bare.stdout
    examples = {"CLEARANCE_MANAGED_POLICY": str(ROOT / "examples/policies/managed.toml"), "CLEARANCE_USER_POLICY": str(ROOT / "examples/policies/user.toml")}
    named = cli(tmp_path, "policy", "test", cases, env=examples)
    assert named.returncode == 0 and "decided with" not in named.stdout, named.stdout
    assert "CLEARANCE_USER_POLICY=examples/policies/user.toml" in cli(tmp_path, "policy", "test", "--help").stdout


# -- agents that cannot ask: "… [cloud.kube-change] Gemini CLI hooks cannot ask …", then "To stop asking" after a block --


def test_an_ask_turned_into_a_block_reads_as_sentences_and_says_how_to_allow_it(tmp_path: Path) -> None:
    from clearance.adapters import get
    from clearance.api import decide_event_full

    home = tmp_path / "home"
    project = home / "proj"
    project.mkdir(parents=True)
    env = {"HOME": str(home), "CLEARANCE_MANAGED_POLICY": str(tmp_path / "none.toml"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    for command in ("kubectl apply -f k8s/deployment.yaml", "helm upgrade web ./chart", "terraform apply"):
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(project), "session_id": "s"}
        d = decide_event_full(ev, env)[0]
        assert d.decision == "ask", command
        for agent in ("codex", "gemini", "copilot"):
            answer = get(agent).render_answer(d)
            text = answer.stderr if agent == "codex" else json.dumps(answer.stdout)
            assert f"[{d.rules[0]}]. " in text, (agent, text)
            assert "To stop asking" not in text and "To allow it from now on, the user may run `clearance allow --last`" in text, (agent, text)


# -- the first start of `clearance serve` named only the password, though the user name matters as much -----------


@pytest.mark.parametrize(("password", "said"), [("", "is not set"), ("short", "is too short or a default"), ("changeme", "is too short or a default")])
def test_serve_refusing_a_first_admin_names_both_variables(tmp_path: Path, password: str, said: str) -> None:
    pytest.importorskip("starlette")
    env = {"CLEARANCE_ADMIN_PASSWORD": password} if password else {}
    p = cli(tmp_path, "serve", "--db", str(tmp_path / "t.db"), "--port", str(_free_port()), env=env)
    assert p.returncode == 2
    assert f"CLEARANCE_ADMIN_PASSWORD {said}" in p.stderr and "CLEARANCE_ADMIN_USER (now 'admin')" in p.stderr


# -- `clearance allow` on a call the managed policy denies said "change that rule instead": a developer cannot ------


@pytest.mark.parametrize(("layer", "said"), [("managed", "your organisation's admins change"), ("user", "change that rule in your policy file")])
def test_allow_refusing_a_policy_rule_says_who_changes_it(tmp_path: Path, layer: str, said: str) -> None:
    home = tmp_path / "home"
    project = home / "proj"
    project.mkdir(parents=True)
    rules = '[rules]\ndeny = ["Bash(npm publish:*)"]\n'
    managed = tmp_path / "managed.toml"
    user_file = tmp_path / "user.toml"
    (managed if layer == "managed" else user_file).write_text(rules)
    env = {"CLEARANCE_MANAGED_POLICY": str(managed), "CLEARANCE_USER_POLICY": str(user_file)}
    ans = json.loads(cli(tmp_path, "hook", "--agent", "claude", stdin=event("npm publish --dry-run", project), env=env).stdout)
    assert ans["hookSpecificOutput"]["permissionDecision"] == "deny"
    p = cli(tmp_path, "allow", "--last", env=env)
    assert p.returncode == 1 and said in p.stderr, p.stderr


def test_doctor_checks_the_token_an_http_hook_sends(tmp_path: Path, team: tuple[str, str, str]) -> None:
    base, token, pending = team
    assert cli(tmp_path, "install", "claude", "--http", base).returncode == 0
    good = cli(tmp_path, "doctor", env={"CLEARANCE_TOKEN": token})
    assert "✓ claude (user): " + base + " answers and accepts CLEARANCE_TOKEN" in good.stdout, good.stdout
    for env, said in (({}, "CLEARANCE_TOKEN is not set"), ({"CLEARANCE_TOKEN": pending}, "not yet approved")):
        d = cli(tmp_path, "doctor", env=env)
        assert d.returncode == 1 and f"✗ claude (user): {base}" in d.stdout and said in d.stdout, d.stdout


# -- other slips at the command line: a report into a folder that is not there was a traceback; --limit 0 said "no decisions recorded yet"


def test_report_into_a_missing_folder_and_a_limit_below_one_are_messages(tmp_path: Path) -> None:
    assert cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", tmp_path)).returncode == 0
    p = cli(tmp_path, "report", "--html", str(tmp_path / "no" / "such" / "r.html"))
    assert p.returncode == 1 and "Traceback" not in p.stderr and "cannot write" in p.stderr and "No such file or directory" in p.stderr
    for bad in ("0", "-1", "ten"):
        q = cli(tmp_path, "log", "--limit", bad)
        assert q.returncode == 2 and "--limit" in q.stderr and "no decisions recorded" not in q.stdout, bad
    assert "git status" in cli(tmp_path, "log", "--limit", "1").stdout


# -- team provisioning slips: a mistyped --db listed "(none)" (and left an empty database there); --by with a typo filed a change
#    under a name nobody holds; a PostgreSQL URL without psycopg was a traceback


def _team_cli(tmp: Path, db: Path | str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return cli(tmp, *args, "--db", str(db), stdin=stdin)


def test_team_commands_refuse_a_database_that_is_not_there_and_a_person_who_is_not(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    db = tmp_path / "team.db"
    pw = "correct horse battery\n"
    assert _team_cli(tmp_path, db, "user", "add", "alice", "--role", "admin", stdin=pw).returncode == 0  # the operator's first person
    assert _team_cli(tmp_path, db, "user", "add", "vic", "--role", "viewer", stdin=pw).returncode == 0
    typo = tmp_path / "tema.db"
    for args in (("user", "list"), ("token", "list"), ("change", "list"), ("token", "propose", "ci", "--by", "alice")):
        p = _team_cli(tmp_path, typo, *args)
        assert p.returncode == 1 and "no team database at" in p.stderr and "(none)" not in p.stdout, args
    assert not typo.exists()
    for args, said in (
        (("token", "propose", "ci", "--by", "alcie"), "no user 'alcie'"),
        (("token", "propose", "ci", "--by", "vic"), "vic is viewer; only admins may do this"),
        (("user", "disable", "vic", "--by", "nobody"), "no user 'nobody'"),
        (("user", "add", "dan", "--role", "viewer", "--by", "alcie"), "no user 'alcie'"),
        (("change", "approve", "1", "--by", "vic", "--comment", "x"), "only admins and approvers may do this"),
    ):
        p = _team_cli(tmp_path, db, *args, stdin=pw)
        assert p.returncode == 1 and said in p.stderr, (args, p.stderr)
    assert "(none)" in _team_cli(tmp_path, db, "change", "list").stdout  # nothing was filed
    ok = _team_cli(tmp_path, db, "token", "propose", "ci", "--by", "alice")
    assert ok.returncode == 0 and ok.stdout.startswith("clr_")
    pg = _team_cli(tmp_path, "postgresql://127.0.0.1:1/none", "user", "list")
    assert pg.returncode == 1 and "Traceback" not in pg.stderr


# -- install into a settings file that did not exist said "(backup: …bak)" of an empty file ------------------------


def test_install_says_when_it_made_the_file_and_when_it_kept_a_backup(tmp_path: Path) -> None:
    fresh = cli(tmp_path, "install", "gemini")
    assert fresh.returncode == 0 and "(a new file: `clearance uninstall gemini` removes it)" in fresh.stdout and "backup" not in fresh.stdout
    settings = tmp_path / "home" / ".claude" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"model": "x"}\n')
    kept = cli(tmp_path, "install", "claude")
    assert kept.returncode == 0 and f"(backup: {settings}.clearance.bak)" in kept.stdout
    assert cli(tmp_path, "uninstall", "gemini").returncode == 0 and not (tmp_path / "home" / ".gemini" / "settings.json").exists()


def test_an_allow_by_a_policy_rule_names_the_rule_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    project = home / "proj"
    project.mkdir(parents=True)
    user_file = tmp_path / "user.toml"
    user_file.write_text('[rules]\nallow = ["Bash(git push --force origin main)"]\n')
    p = cli(tmp_path, "hook", "--agent", "claude", stdin=event("git push --force origin main", project), env={"CLEARANCE_USER_POLICY": str(user_file)})
    out = json.loads(p.stdout)["hookSpecificOutput"]
    assert out["permissionDecision"] == "allow"
    assert out["permissionDecisionReason"] == "clearance: Allowed by an allow rule of the user policy. [user:Bash(git push --force origin main)]"


# -- `clearance hook` typed at a terminal waited for input without a word ------------------------------------------


def test_hook_at_a_terminal_says_what_it_waits_for(tmp_path: Path) -> None:
    import pty

    primary, secondary = pty.openpty()
    e = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_", "CLAUDE_"))}
    e.update(HOME=str(tmp_path), PYTHONPATH=str(ROOT / "src"), CLEARANCE_MANAGED_POLICY=str(tmp_path / "none.toml"), CLEARANCE_NO_DAEMON="1")
    e["CLEARANCE_HEADLESS"] = "0"  # a person at the terminal (in a CI run, CI=true would make every ask a headless denial)
    proc = subprocess.Popen([sys.executable, "-m", "clearance", "hook"], stdin=secondary, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e)
    os.write(primary, b"\x04")  # Ctrl-D: an empty event
    out, err = proc.communicate(timeout=60)
    os.close(primary)
    os.close(secondary)
    assert "reading one hook event as JSON on stdin" in err.decode()
    assert json.loads(out)["hookSpecificOutput"]["permissionDecision"] == "ask"  # an empty event is still never an allow
    piped = cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", tmp_path))
    assert "reading one hook event" not in piped.stderr


def test_a_repositories_section_naming_nothing_is_reported_at_its_header(tmp_path: Path) -> None:
    managed = tmp_path / "managed.toml"
    managed.write_text('[[repositories]]\npaths = ["~/work/a"]\n\n# the next one names nothing\n[[repositories]]\nremotes = []\nauto_mode = "disabled"\n')
    p = cli(tmp_path, "policy", "lint", str(managed))
    assert p.returncode == 1 and f"{managed}:5: a [[repositories]] section needs remotes" in p.stdout, p.stdout


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ('allow_user_trust = "yes"', "'allow_user_trust' must be true or false, not \"yes\""),
        ('[escalation]\nmax_total_denials = "5"', "'escalation.max_total_denials' must be a whole number, not \"5\""),
        ("[audit]\nenabled = 1", "'audit.enabled' must be true or false, not 1"),
    ],
)
def test_a_value_of_the_wrong_type_is_named_in_toml_words(tmp_path: Path, written: str, said: str) -> None:
    f = tmp_path / "p.toml"
    f.write_text(written + "\n")
    p = cli(tmp_path, "policy", "lint", str(f))
    assert p.returncode == 1 and said in p.stdout, p.stdout
