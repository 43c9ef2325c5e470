"""Issue 14, from a denial to a decision: each journey walked as a user would, with a fresh HOME and the CLI as a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clearance.engine import analyse_shell
from clearance.model import Context
from clearance.policy import DEFAULT, Policy, load_policy
from clearance.policy.tools import lint_files
from clearance.rules import load
from clearance.scope import Scope

ROOT = Path(__file__).resolve().parents[1]


class User:
    """A fresh machine: a home, a git project, no policy, no audit store yet."""

    def __init__(self, tmp: Path) -> None:
        self.home = tmp / "home"
        self.project = self.home / "webapp"
        self.project.mkdir(parents=True)
        (self.project / "src").mkdir()
        (self.project / "src" / "app.py").write_text("print('hi')\n")
        subprocess.run(["git", "init", "-q", str(self.project)], check=True)
        # A developer at a terminal: not headless, even when the suite runs in CI (CI=true hands repeated denials over as denials).
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("XDG_", "CLEARANCE_")) and k not in ("HOME", "PYTHONPATH", "CLAUDE_PROJECT_DIR", "CI", "GITHUB_ACTIONS")
        }
        self.env.update(
            HOME=str(self.home), PYTHONPATH=str(ROOT / "src"), CLEARANCE_MANAGED_POLICY=str(tmp / "no-managed.toml"), CLEARANCE_NO_DAEMON="1", USER="ana"
        )
        self.user_file = self.home / ".config" / "clearance" / "config.toml"

    def run(self, *args: str, stdin: str = "", cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        e = dict(self.env, **(env or {}))
        return subprocess.run(
            [sys.executable, "-m", "clearance", *args], input=stdin, capture_output=True, text=True, env=e, cwd=str(cwd or self.project), timeout=120
        )

    def hook(self, command: str, session: str = "s1") -> dict[str, str]:
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(self.project), "session_id": session}
        p = self.run("hook", "--agent", "claude", stdin=json.dumps(ev))
        assert p.returncode == 0, p.stderr
        out: dict[str, str] = json.loads(p.stdout)["hookSpecificOutput"]
        return out


@pytest.fixture
def user(tmp_path: Path) -> User:
    return User(tmp_path)


# -- 1. a denial with a way forward, explain, allow ----------------------------------------------


def test_soft_denial_to_allowed_in_three_steps(user: User) -> None:
    # The denial says what was found, the safer way, and exactly how the user may allow it.
    ans = user.hook("docker system prune -a --volumes")
    reason = ans["permissionDecisionReason"]
    assert ans["permissionDecision"] == "deny"
    assert "[cloud.docker-destroy]" in reason and "Safer:" in reason and "docker image prune" in reason
    assert "`clearance allow 1`" in reason  # the decision's own id (the hook gives it before recording)
    assert reason.count(". ") <= 4 and len(reason) < 400  # short enough for an agent UI

    # The log is a table with a header, the decision id and the reason.
    log = user.run("log")
    assert log.returncode == 0, log.stderr
    header, _, row = log.stdout.splitlines()[:3]
    assert header.split()[:4] == ["id", "time", "(UTC)", "decision"]
    assert row.split()[0] == "1" and "DENY" in row and "docker system prune" in row and "cloud.docker-destroy" in row
    assert json.loads(user.run("log", "--json").stdout.splitlines()[0])["id"] == 1

    # explain shows the rule, its rationale, the alternative and whether the user may allow it.
    ex = user.run("explain", "1")
    assert ex.returncode == 0, ex.stderr
    assert "Removing all containers" in ex.stdout and "why:" in ex.stdout and "safer:" in ex.stdout
    assert "yes: `clearance allow 1`" in ex.stdout

    # allow writes the narrowest rule, with who, from which decision, and until when.
    al = user.run("allow", "--last", "--for", "8h", "--reason", "clean CI runner")
    assert al.returncode == 0, al.stderr
    assert "Bash(docker system prune -a --volumes)" in al.stdout
    import tomllib

    grants = tomllib.loads(user.user_file.read_text())["rules"]["grant"]
    assert len(grants) == 1
    g = grants[0]
    assert g["allow"] == "Bash(docker system prune -a --volumes)" and g["by"] == "ana" and g["decision"] == 1
    assert "clean CI runner" in g["reason"] and 7.9 * 3600 < g["expires"].timestamp() - time.time() < 8.1 * 3600
    assert user.run("policy", "lint").returncode == 0

    # The same call is now allowed; a broader one is not; the allow never lifts a hard denial next to it.
    assert user.hook("docker system prune -a --volumes")["permissionDecision"] == "allow"
    assert user.hook("docker system prune -a --volumes --force")["permissionDecision"] == "deny"
    chk = user.run("check", "--", "docker system prune -a --volumes && rm -rf ~")
    assert "decision  DENY" in chk.stdout
    assert "user:Bash(docker system prune -a --volumes) matched but lost: fs.delete-critical [hard_deny] on `rm -rf ~` is a hard denial" in chk.stdout


def test_an_ask_tells_how_to_stop_being_asked_and_allow_takes_an_id(user: User) -> None:
    ans = user.hook("kubectl apply -f k8s/deploy.yaml")
    assert ans["permissionDecision"] == "ask"
    assert "kubectl diff" in ans["permissionDecisionReason"] and "`clearance allow 1`" in ans["permissionDecisionReason"]
    user.hook("ls")  # a later allowed call: --last still finds the ask, an id names it exactly
    dry = user.run("allow", "1", "--dry-run")
    assert dry.returncode == 0 and "would allow: Bash(kubectl apply -f k8s/deploy.yaml)" in dry.stdout
    assert not user.user_file.exists()
    assert user.run("allow", "2").returncode == 1  # decision 2 was allowed: nothing to allow
    assert "did you mean" not in user.run("allow", "99").stderr and "no decision 99" in user.run("allow", "99").stderr


def test_hard_denial_is_refused_with_the_reason(user: User) -> None:
    ans = user.hook("rm -rf ~")
    reason = ans["permissionDecisionReason"]
    assert ans["permissionDecision"] == "deny" and "cannot be allowed" in reason and "clearance allow" not in reason
    al = user.run("allow", "--last")
    assert al.returncode == 1 and "hard denial" in al.stderr and "fs.delete-critical" in al.stderr
    assert not user.user_file.exists()
    assert "no: " in user.run("explain", "--last").stdout


def test_project_layer_cannot_loosen_unless_the_policy_lets_it(user: User) -> None:
    user.hook("git push --force origin main")
    al = user.run("allow", "--last", "--project")
    assert al.returncode == 1 and "allow_project_trust" in al.stderr
    assert not (user.project / ".clearance.toml").exists()


def test_managed_policy_that_forbids_user_trust_is_respected(user: User, tmp_path: Path) -> None:
    managed = tmp_path / "managed.toml"
    managed.write_text("allow_user_trust = false\n")
    user.env["CLEARANCE_MANAGED_POLICY"] = str(managed)
    ans = user.hook("docker volume prune -f")
    assert ans["permissionDecision"] == "deny" and "clearance allow" not in ans["permissionDecisionReason"]
    al = user.run("allow", "--last")
    assert al.returncode == 1 and "allow_user_trust = false" in al.stderr


def test_session_grant_counts_only_in_its_session(user: User) -> None:
    user.hook("docker volume rm pgdata", session="s-one")
    al = user.run("allow", "--last", "--session")
    assert al.returncode == 0, al.stderr
    assert user.hook("docker volume rm pgdata", session="s-one")["permissionDecision"] == "allow"
    assert user.hook("docker volume rm pgdata", session="s-two")["permissionDecision"] == "deny"


def test_the_agent_may_not_allow_for_itself(user: User) -> None:
    for cmd in ("clearance allow --last", "clearance allow 3 --for 8h", f"{sys.executable} -m clearance allow --last"):
        ans = user.hook(cmd)
        assert ans["permissionDecision"] == "deny" and "self.clearance-cli" in ans["permissionDecisionReason"], cmd
    assert user.hook("clearance explain --last")["permissionDecision"] == "allow"


# -- 2. grants: expiry and lint ----------------------------------------------------------------------


def _decide(user: User, command: str) -> str:
    from clearance.api import decide_event

    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(user.project)}
    env = dict(user.env, XDG_CACHE_HOME=str(user.home / ".cache"))
    return decide_event(ev, env).decision


def test_expired_grants_are_ignored_and_linted(user: User) -> None:
    user.user_file.parent.mkdir(parents=True)
    user.user_file.write_text(
        '[[rules.grant]]\nallow = "Bash(docker volume rm old)"\nexpires = 2020-01-01T00:00:00Z\n\n'
        '[[rules.grant]]\nallow = "Bash(docker volume rm new)"\nexpires = 2999-01-01T00:00:00Z\n'
    )
    assert _decide(user, "docker volume rm old") == "deny"
    assert _decide(user, "docker volume rm new") == "allow"
    problems = lint_files([str(user.user_file)])
    assert len(problems) == 1 and "expired on 2020-01-01" in problems[0] and ":2:" in problems[0]
    shown = user.run("policy", "show").stdout
    assert "EXPIRED" in shown and "until 2999-01-01" in shown


def test_a_grant_expires_while_the_policy_cache_is_warm(user: User) -> None:
    soon = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 2))
    user.user_file.parent.mkdir(parents=True)
    user.user_file.write_text(f'[[rules.grant]]\nallow = "Bash(docker volume rm pgdata)"\nexpires = {soon}\n')
    assert _decide(user, "docker volume rm pgdata") == "allow"
    time.sleep(2.5)
    assert _decide(user, "docker volume rm pgdata") == "deny"  # same cached policy file, expiry checked per decision


@pytest.mark.parametrize(
    "bad",
    [
        "[[rules.grant]]\nexpires = 2030-01-01T00:00:00Z\n",  # no allow
        '[[rules.grant]]\nallow = "Bash(ls)"\nexpires = "tomorrow"\n',  # not a date-time
        '[[rules.grant]]\nallow = "Bash(ls)"\nuntil = 2030-01-01T00:00:00Z\n',  # unknown key
        '[[rules.grant]]\nallow = "Nope(x)"\n',  # bad rule
        '[rules]\ngrant = ["Bash(ls)"]\n',  # not tables
    ],
)
def test_malformed_grants_break_the_layer_with_a_line(user: User, bad: str) -> None:
    user.user_file.parent.mkdir(parents=True)
    user.user_file.write_text(bad)
    problems = lint_files([str(user.user_file)])
    assert problems and all(re.search(r"config\.toml:\d+: ", p) for p in problems), problems
    assert _decide(user, "ls") == "ask"  # a broken layer never means allow


@pytest.mark.parametrize(
    ("rule", "by"),
    [
        ("Bash(rm -rf ~)", "fs.delete-critical"),
        ("Bash(rm -rf /:*)", "fs.delete-critical"),
        ("Bash(clearance uninstall claude)", "self.clearance-cli"),
        ("Bash(git push --force origin main:*)", None),  # soft: an allow can win
        ("Bash(docker compose down:*)", None),
    ],
)
def test_lint_flags_allow_rules_that_can_never_win(user: User, rule: str, by: str | None) -> None:
    f = user.home / "p.toml"
    f.write_text(f'[rules]\nallow = ["{rule}"]\n')
    problems = lint_files([str(f)])
    if by is None:
        assert problems == []
    else:
        assert len(problems) == 1 and "can never take effect" in problems[0] and by in problems[0] and ":2:" in problems[0]


# -- 3. alternatives and placeholders ---------------------------------------------------------------

_PLACEHOLDER = {"FILE": "src/app.py", "FILES": "dist/a.js", "DIR": "build", "NAME": "web-1", "PID": "4242"}


def _alternative_commands(text: str) -> list[str]:
    return [re.sub(r"\b[A-Z]{3,}\b", lambda m: _PLACEHOLDER.get(m.group(0), m.group(0)), c) for c in re.findall(r"`([^`]+)`", text)]


def test_alternatives_exist_for_the_most_hit_rules_and_do_not_raise_their_rule(tmp_path: Path) -> None:
    reg = load()
    for rid in ("git.force-push", "git.discard-changes", "fs.delete-source-subdirectory", "cloud.docker-destroy", "cloud.kube-delete", "db.destructive-sql"):
        assert reg[rid].alternative, rid
    home = str(tmp_path)
    ctx = Context(f"{home}/webapp", f"{home}/webapp", home)
    checked = 0
    for r in reg.values():
        if not r.alternative:
            continue
        assert not r.alternative.endswith("."), r.id  # the message adds the full stop
        for cmd in _alternative_commands(r.alternative):
            found = analyse_shell(cmd, Scope(ctx, DEFAULT.trust)).findings
            assert r.id not in {f.rule_id for f in found}, (r.id, cmd, found)
            assert not any(f.verdict == "hard_deny" for f in found), (r.id, cmd, found)
            checked += 1
    assert checked >= 15


@pytest.mark.parametrize(
    "command",
    [
        'bash -c "$X"',
        'eval "$(cat f)"',
        'rm -rf "$DIR"/x',
        'sh -c "rm -rf $HOME_DIR/.ssh"',
        'python -c "import os; os.system(\\"rm -rf \\" + os.environ[\\"D\\"])"',
        "rm -rf $(ls)",
        "cd $D && rm -rf src",
        'X=r; Y=m; bash -c "$X$Y -rf ~/old-$N"',
        "make clean",
    ],
)
def test_no_internal_placeholder_reaches_the_agent_or_the_user(user: User, command: str) -> None:
    (user.project / "Makefile").write_text("clean:\n\trm -rf $(OUT) ~/x\n")
    ans = user.hook(command)
    reason = ans["permissionDecisionReason"]
    for leak in ("\x00", "__clearance_dynamic", "$?"):
        assert leak not in reason, (command, reason)
    out = user.run("check", "--json", "--", command).stdout
    for leak in ("\\u0000", "__clearance_dynamic", "$?"):
        assert leak not in out, (command, out)
    if "…" in reason and ans["permissionDecision"] != "allow":
        assert "clearance allow" not in reason  # an exact rule cannot name a run-time value: never promised


# -- 4. learnability -------------------------------------------------------------------------------


def test_every_help_has_a_description_and_examples(user: User) -> None:
    from clearance.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "cmd")
    names = list(sub.choices)  # type: ignore[union-attr]
    assert {"allow", "explain"} <= set(names)
    for name in names:
        p = user.run(name, "--help")
        assert p.returncode == 0 and "examples:" in p.stdout and "usage: clearance " + name in p.stdout, name
    helps = {a: user.run("policy", a, "--help").stdout for a in ("show", "lint", "test", "schema")}
    assert len(set(helps.values())) == 4 and "can never take effect" not in helps["show"] and "hard denial" in helps["lint"]
    bare = user.run("policy")
    assert bare.returncode == 2 and all(a in bare.stdout for a in ("show", "lint", "test", "schema"))


def test_did_you_mean(user: User) -> None:
    p = user.run("lgo")
    assert p.returncode == 2 and "did you mean log" in p.stderr
    assert "did you mean lint" in user.run("policy", "lnt").stderr
    r = user.run("rules", "git.forcepush")
    assert r.returncode == 2 and "did you mean git.force-push" in r.stderr
    user.hook("ls")
    assert "did you mean git.force-push" in user.run("log", "--rule", "git.forcepush").stderr


def test_empty_store_and_mistyped_db(user: User) -> None:
    for cmd in ("log", "stats"):
        p = user.run(cmd)
        assert "clearance doctor" in (p.stdout + p.stderr) and "hook may not be installed" in (p.stdout + p.stderr), cmd
    state = user.home / ".local" / "state" / "clearance"
    assert not (state / "clearance.db").exists()  # reading never creates the store
    missing = user.home / "audti.db"
    p = user.run("log", "--db", str(missing))
    assert p.returncode == 2 and "no audit store at" in p.stderr and not missing.exists()
    user.hook("ls")
    p = user.run("log", "--decision", "deny")
    assert p.returncode == 0 and "no decisions match" in p.stdout


def test_postgres_url_without_psycopg_names_the_extra(user: User, tmp_path: Path) -> None:
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "psycopg.py").write_text("raise ImportError('No module named psycopg')\n")
    env = {"PYTHONPATH": f"{blocker}{os.pathsep}{ROOT / 'src'}"}
    p = user.run("log", "--db", "postgresql://nobody@127.0.0.1:1/x", env=env)
    assert p.returncode == 2 and "pip install 'clearance[postgres]'" in p.stderr and "Traceback" not in p.stderr


def _settings(user: User) -> dict[str, object]:
    data: dict[str, object] = json.loads((user.home / ".claude" / "settings.json").read_text())
    return data


def test_doctor_install_shadow_enforce_and_stale(user: User) -> None:
    d = user.run("doctor")
    assert d.returncode == 1 and "no agent has clearance installed" in d.stdout
    assert user.run("install", "claude", "--shadow").returncode == 0
    assert "--shadow" in json.dumps(_settings(user))
    d = user.run("doctor")
    assert "SHADOW mode" in d.stdout and "--enforce" in d.stdout
    assert user.run("install", "claude").stdout.startswith("clearance is already installed")  # keeps the mode
    assert user.run("install", "claude", "--enforce").returncode == 0
    assert "--shadow" not in json.dumps(_settings(user))
    assert "SHADOW" not in user.run("doctor").stdout
    # A stale entry (a moved venv): doctor reports it, install replaces it, and both then agree.
    s = _settings(user)
    for event in ("PreToolUse", "PostToolUse"):
        s["hooks"][event][0]["hooks"][0]["command"] = "/gone/venv/bin/clearance hook --agent claude || exit 2"  # type: ignore[index]
    (user.home / ".claude" / "settings.json").write_text(json.dumps(s, indent=2))
    d = user.run("doctor")
    assert d.returncode == 1 and "does not exist" in d.stdout and "replaces the stale entry" in d.stdout
    i = user.run("install", "claude")
    assert i.returncode == 0 and "/gone/venv" in i.stdout  # the diff shows the old entry going
    s = _settings(user)
    assert "/gone/venv" not in json.dumps(s) and len(s["hooks"]["PreToolUse"]) == 1  # type: ignore[index]
    assert "does not exist" not in user.run("doctor").stdout


def test_allow_works_on_a_policy_file_that_already_has_rules(user: User, tmp_path: Path) -> None:
    user.user_file.parent.mkdir(parents=True)
    user.user_file.write_text('[trust]\ndomains = ["api.acme.com"]\n\n[rules]\nask = ["Bash(npm publish:*)"]\nallow = ["Bash(make test)"]\n')
    user.hook("git reset --hard HEAD~1")
    al = user.run("allow", "--last")
    assert al.returncode == 0, al.stderr
    pol = load_policy(str(user.project), dict(user.env, XDG_CACHE_HOME=str(tmp_path / "c")))
    assert isinstance(pol, Policy) and [p.text for p, _ in pol.rules["allow"]] == ["Bash(make test)", "Bash(git reset --hard HEAD~1)"]
    assert pol.rules["ask"][0][0].text == "Bash(npm publish:*)"


def _tool_hook(user: User, tool: str, tool_input: dict[str, object]) -> dict[str, str]:
    ev = {"hook_event_name": "PreToolUse", "tool_name": tool, "tool_input": tool_input, "cwd": str(user.project), "session_id": "s1"}
    p = user.run("hook", "--agent", "claude", stdin=json.dumps(ev))
    out: dict[str, str] = json.loads(p.stdout)["hookSpecificOutput"]
    return out


def test_allow_for_file_and_mcp_tools_names_the_target(user: User) -> None:
    (user.home / "notes").mkdir(exist_ok=True)  # the user's own folder, there before the session (not the session's own)
    target = str(user.home / "notes" / "todo.md")
    # files of the user's that are there (a new file there loses nothing and is allowed since round 12)
    (user.home / "notes" / "todo.md").write_text("old\n")
    (user.home / "notes" / "todo.md.bak").write_text("older\n")
    # A write over a file in the user's own tree outside the project is asked about (fs.write-outside-project).
    assert _tool_hook(user, "Write", {"file_path": target, "content": "x"})["permissionDecision"] == "ask"
    al = user.run("allow", "--last")
    assert al.returncode == 0 and f"Edit(/{target})" in al.stdout, al.stdout + al.stderr
    assert _tool_hook(user, "Write", {"file_path": target, "content": "y"})["permissionDecision"] == "allow"
    assert _tool_hook(user, "Write", {"file_path": target + ".bak", "content": "y"})["permissionDecision"] == "ask"  # exactly that file
    assert _tool_hook(user, "mcp__db__execute_sql", {"sql": "DROP TABLE users"})["permissionDecision"] == "deny"
    al = user.run("allow", "--last", "--for", "1h")
    assert al.returncode == 0 and "every call of mcp__db__execute_sql" in al.stdout


def test_a_redacted_call_is_not_allowed_blindly(user: User) -> None:
    ans = user.hook("docker volume rm pgdata && echo API_TOKEN=abcd1234secret")
    assert ans["permissionDecision"] == "deny"
    al = user.run("allow", "--last")
    assert al.returncode == 1 and "redacted" in al.stderr


def test_bad_duration_is_a_clear_error(user: User) -> None:
    user.hook("docker volume rm pgdata")
    al = user.run("allow", "--last", "--for", "eight hours")
    assert al.returncode == 1 and "30m, 8h, 2d or 1w" in al.stderr
