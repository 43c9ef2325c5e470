"""More of what a new user trips over walking README.md and docs/team.md from a clean clone (scratch HOME, fresh venv).

Each test names what the user saw before the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_newuser_trips import cli, event

# -- a --db naming a file that is not a SQLite database (a policy file, a log, /etc/passwd) was sqlite3's traceback


@pytest.mark.parametrize(
    "cmd",
    [["log"], ["stats"], ["explain", "1"], ["allow", "1"], ["log", "--verify"], ["log", "--prune"], ["report", "--html", "r.html"]],
)
def test_a_db_that_is_not_a_database_is_one_line_not_a_traceback(tmp_path: Path, cmd: list[str]) -> None:
    not_a_db = tmp_path / "policy.toml"
    not_a_db.write_text('[rules]\nask = ["Bash(npm install:*)"]\n')
    p = cli(tmp_path, *cmd, "--db", str(not_a_db))
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr
    assert f"{not_a_db} is not an audit store (not a SQLite database)" in p.stderr
    assert not_a_db.read_text().startswith("[rules]")  # left as it was
    folder = cli(tmp_path, *cmd, "--db", str(tmp_path))
    assert folder.returncode == 2 and "is a directory, not an audit store" in folder.stderr and "Traceback" not in folder.stderr


def test_a_damaged_store_is_one_line_and_a_real_store_still_reads(tmp_path: Path) -> None:
    assert cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", tmp_path)).returncode == 0
    store = tmp_path / "home" / ".local" / "state" / "clearance" / "clearance.db"
    assert "git status" in cli(tmp_path, "log", "--db", str(store)).stdout
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # the header of one, the rest not
    p = cli(tmp_path, "log", "--db", str(damaged))
    assert p.returncode == 2 and "Traceback" not in p.stderr and "the audit store cannot be read" in p.stderr, p.stderr


# -- `clearance change approve 1 --by bob` without --db opened this machine's own audit trail and said "no user 'bob'";
#    `token list` / `change list` there printed "(none)", as if the team had no tokens or changes


def test_team_commands_on_a_store_with_nobody_in_it_say_it_is_not_the_team_database(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    assert cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", tmp_path)).returncode == 0  # the local trail exists
    for args in (
        ("change", "approve", "1", "--by", "bob", "--comment", "checked"),
        ("token", "list"),
        ("change", "list"),
        ("user", "list"),
        ("token", "propose", "ci", "--by", "alice"),
    ):
        p = cli(tmp_path, *args)
        assert p.returncode == 1, (args, p.stderr)
        assert "has no people in it, so it is not a team service's database" in p.stderr, (args, p.stderr)
        assert "this machine's own audit trail" in p.stderr and "--db or CLEARANCE_DB" in p.stderr
        assert "no user 'bob'" not in p.stderr and "(none)" not in p.stdout
    # the team's own database still answers, and the operator's first `user add` still makes a person in a new one
    db = tmp_path / "team.db"
    assert cli(tmp_path, "user", "add", "alice", "--role", "admin", "--db", str(db), stdin="correct horse battery\n").returncode == 0
    listed = cli(tmp_path, "user", "list", "--db", str(db))
    assert listed.returncode == 0 and "alice" in listed.stdout
    via_env = cli(tmp_path, "token", "list", env={"CLEARANCE_DB": str(db)})
    assert via_env.returncode == 0 and "(none)" in via_env.stdout


# -- `clearance serve --db NEW/PATH` without CLEARANCE_ADMIN_PASSWORD refused to start but left the folders and an empty
#    database behind; `--db /etc/passwd` and `--port 99999` were tracebacks


def test_serve_refusing_to_start_leaves_nothing_and_bad_arguments_are_messages(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    target = tmp_path / "srv" / "team" / "t.db"
    for password in ("", "short"):
        p = cli(tmp_path, "serve", "--db", str(target), env={"CLEARANCE_ADMIN_PASSWORD": password} if password else None)
        assert p.returncode == 2 and "refusing to start" in p.stderr and "CLEARANCE_ADMIN_PASSWORD" in p.stderr, p.stderr
        assert not (tmp_path / "srv").exists()
    not_a_db = tmp_path / "org.toml"
    not_a_db.write_text("auto_mode = 'enabled'\n")
    q = cli(tmp_path, "serve", "--db", str(not_a_db), env={"CLEARANCE_ADMIN_PASSWORD": "a long unique passphrase"})
    assert q.returncode == 2 and "Traceback" not in q.stderr and "not a SQLite database" in q.stderr and "--db" in q.stderr, q.stderr
    for port in ("99999", "0", "http"):
        r = cli(tmp_path, "serve", "--db", str(target), "--port", port)
        assert r.returncode == 2 and "Traceback" not in r.stderr and "--port" in r.stderr, (port, r.stderr)


# -- `clearance status` said "did you mean stats?": a person checking the installation wants doctor


@pytest.mark.parametrize(
    ("typed", "meant"), [("status", "doctor"), ("health", "doctor"), ("logs", "log"), ("why", "explain"), ("setup", "install"), ("remove", "uninstall")]
)
def test_the_words_people_try_first_name_the_command_that_does_it(tmp_path: Path, typed: str, meant: str) -> None:
    p = cli(tmp_path, typed)
    assert p.returncode == 2 and f"`clearance {meant}`" in p.stderr, p.stderr
    assert "did you mean stats" not in p.stderr


def test_a_near_miss_still_gets_did_you_mean(tmp_path: Path) -> None:
    assert "did you mean stats?" in cli(tmp_path, "stat").stderr
    assert "did you mean deny?" in cli(tmp_path, "log", "--decision", "denied").stderr


# -- `clearance install claude --enforce` after `--shadow` said "installed in … (a new file: …)": the file was there, and
#    what changed was the mode


def test_switching_shadow_and_enforce_says_what_changed(tmp_path: Path) -> None:
    settings = tmp_path / "home" / ".gemini" / "settings.json"
    first = cli(tmp_path, "install", "gemini", "--shadow")
    assert first.returncode == 0 and "(a new file: `clearance uninstall gemini` removes it)" in first.stdout
    on = cli(tmp_path, "install", "gemini", "--enforce")
    assert on.returncode == 0 and "updated in" in on.stdout and "enforcing now" in on.stdout, on.stdout
    assert "a new file" not in on.stdout and "--shadow" not in settings.read_text()
    off = cli(tmp_path, "install", "gemini", "--shadow")
    assert "shadow mode now" in off.stdout and "--enforce` switches it on" in off.stdout and "--shadow" in settings.read_text()
    assert "nothing to do" in cli(tmp_path, "install", "gemini", "--shadow").stdout
    assert cli(tmp_path, "uninstall", "gemini").returncode == 0 and not settings.exists()  # the first install made the file


# -- `clearance policy test managed.toml` (the policy in place of its cases) printed "passed: 0 mismatch(es)", exit 0:
#    a CI step that tests nothing was green; a missing file said "[Errno 2] …"


def test_policy_test_with_no_cases_fails_and_says_why(tmp_path: Path) -> None:
    policy = tmp_path / "managed.toml"
    policy.write_text('[trust]\ndomains = ["*.acme.internal"]\n[rules]\nhard_deny = ["Bash(terraform destroy:*)"]\n')
    p = cli(tmp_path, "policy", "test", str(policy))
    assert p.returncode == 2 and "no cases in it" in p.stderr and "looks like a policy file" in p.stderr and "passed" not in p.stdout, p
    empty = tmp_path / "cases.toml"
    empty.write_text("# nothing yet\n")
    q = cli(tmp_path, "policy", "test", str(empty))
    assert q.returncode == 2 and "no cases in it" in q.stderr and "looks like a policy file" not in q.stderr
    missing = cli(tmp_path, "policy", "test", str(tmp_path / "nothere.toml"))
    assert missing.returncode == 2 and f"no such file: {tmp_path / 'nothere.toml'}" in missing.stderr and "Errno" not in missing.stderr
    # a real file of cases still runs, and passes
    empty.write_text('[[case]]\ncommand = "git status"\nexpect = "allow"\n[[case]]\ncommand = "terraform destroy -auto-approve"\nexpect = "deny"\n')
    ok = cli(tmp_path, "policy", "test", str(empty), env={"CLEARANCE_MANAGED_POLICY": str(policy)})
    assert ok.returncode == 0 and "passed: 0 mismatch(es)" in ok.stdout, ok.stdout + ok.stderr


# -- the README had no word on running an agent in CI: an admin pieced it together from docs/audit.md and docs/team.md


def test_the_readme_ci_section_names_what_the_hook_reads_and_commands_that_exist(tmp_path: Path) -> None:
    import re
    import shlex

    from clearance.audit import HEADLESS_VARS, is_headless
    from clearance.cli import build_parser

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    section = readme.split("## Unattended runs (CI)", 1)[1].split("\n## ", 1)[0]
    for var, value in (("CI", "true"), ("GITHUB_ACTIONS", "true"), ("CLEARANCE_HEADLESS", "1")):
        assert f"`{var}={value}`" in section and var in HEADLESS_VARS and is_headless({var: value})
    assert not is_headless({})
    commands = re.findall(r"(clearance [a-z]+[^`#&\n]*)", section.split("```yaml", 1)[1].split("```", 1)[0])
    assert len(commands) >= 4
    for line in commands:
        words = shlex.split(line.strip())[1:]
        build_parser().parse_args(words)  # argparse exits on a command or option that does not exist
    # and what it promises: an ask in such a run is a denial naming the record a person may allow
    home = tmp_path / "home"
    project = home / "app"
    project.mkdir(parents=True)
    p = cli(tmp_path, "hook", "--agent", "claude", stdin=event("kubectl apply -f k8s/deployment.yaml", project), env={"GITHUB_ACTIONS": "true"})
    out = p.stdout
    assert '"permissionDecision": "deny"' in out and "No person is watching this run" in out and "clearance allow 1" in out, out


# -- `clearance check -- git push --force origin main` said "The user may allow exactly this: `clearance allow --last`";
#    check records nothing, so the person's `clearance allow --last` granted the agent's earlier kubectl apply for good


def test_check_does_not_send_the_user_to_allow_last(tmp_path: Path) -> None:
    home = tmp_path / "home"
    project = home / "app"
    project.mkdir(parents=True)
    assert cli(tmp_path, "hook", "--agent", "claude", stdin=event("kubectl apply -f k8s/deployment.yaml", project)).returncode == 0
    for command in ("git push --force origin main", "kubectl apply -f other.yaml"):
        p = cli(tmp_path, "check", "--", command, cwd=project)
        assert p.returncode == 0 and "next" in p.stdout, p.stdout
        assert "allow --last`." not in p.stdout and "may run `clearance allow --last`" not in p.stdout, p.stdout
        assert "`clearance check` records nothing" in p.stdout and "`clearance allow ID`" in p.stdout
        j = cli(tmp_path, "check", "--json", "--", command, cwd=project)
        assert "records nothing" in j.stdout and "exactly this: `clearance allow --last`" not in j.stdout
    log = cli(tmp_path, "log")
    assert "git push --force" not in log.stdout  # check recorded nothing, as it says
    # the hook's own denial still names the record to allow
    hooked = cli(tmp_path, "hook", "--agent", "claude", stdin=event("git push --force origin main", project))
    assert "`clearance allow 2`" in hooked.stdout, hooked.stdout


# -- before a managed policy goes out, an admin without a team service had no way to see what it would change: the impact
#    preview existed only for the service's change requests (`clearance change show`)


def test_policy_impact_replays_the_trail_with_the_new_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    project = home / "app"
    project.mkdir(parents=True)
    for command in ("git status", "kubectl apply -f k8s/deployment.yaml", "terraform destroy -auto-approve", "aws s3 cp b.tgz s3://acme-dev-x/"):
        assert cli(tmp_path, "hook", "--agent", "claude", stdin=event(command, project)).returncode == 0
    new = tmp_path / "new-managed.toml"
    new.write_text('[trust]\nbuckets = ["s3://acme-dev-*"]\n[rules]\nhard_deny = ["Bash(terraform destroy:*)"]\nallow = ["Bash(kubectl apply:*)"]\n')
    p = cli(tmp_path, "policy", "impact", str(new), cwd=project)
    assert p.returncode == 0, p.stderr
    out = p.stdout
    assert "replayed the latest 4 audited calls" in out and "3 calls would be decided differently" in out, out
    assert "kubectl apply -f k8s/deployment.yaml   ask → allow" in out
    assert "terraform destroy -auto-approve   deny → deny (hard)" in out
    assert "aws s3 cp b.tgz s3://acme-dev-x/   deny → allow" in out
    assert "git status" not in out  # the same before and after
    # the trail is left as it was: a replay records nothing
    assert cli(tmp_path, "log", "--json").stdout.count("\n") == 4
    # a file that changes nothing, a file that is not there, a broken one
    same = tmp_path / "same.toml"
    same.write_text("auto_mode = 'enabled'\n")
    assert "0 calls would be decided differently" in cli(tmp_path, "policy", "impact", str(same), cwd=project).stdout
    missing = cli(tmp_path, "policy", "impact", str(tmp_path / "nothere.toml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text("[rules\n")
    b = cli(tmp_path, "policy", "impact", str(broken), cwd=project)
    # a file the hook could not load would make it ask for everything: a deployment script must see it fail
    assert b.returncode == 1 and "lint " in b.stdout and "TOML syntax error" in b.stdout, b.stdout
    assert "would not load" in b.stdout and "policy.broken" in b.stdout, b.stdout
    unknown = tmp_path / "unknown-key.toml"
    unknown.write_text("[polcy]\nx = 1\n")
    k = cli(tmp_path, "policy", "impact", str(unknown), cwd=project)
    assert k.returncode == 1 and "would not load" in k.stdout, k.stdout
    # the user layer too
    user = tmp_path / "user.toml"
    user.write_text('[rules]\ndeny = ["Bash(git status)"]\n')
    u = cli(tmp_path, "policy", "impact", str(user), "--layer", "user", cwd=project)
    assert "git status   allow → deny" in u.stdout and "comparing the user layer" in u.stdout, u.stdout


def test_clearance_alone_shows_the_commands_and_first_steps(tmp_path: Path) -> None:
    p = cli(tmp_path)
    assert p.returncode == 2 and "first steps:" in p.stdout and "clearance install claude" in p.stdout, p.stdout + p.stderr
    assert "arguments are required" not in p.stderr
