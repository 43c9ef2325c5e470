"""Round 16 of the new-user trial: a developer (install, denials, explain, allow, log, stats, policy) and a platform
admin (serve, [[repositories]], the daemon, managed layers, CI) walking README.md and docs/ from a clean clone.

Each test names what the user saw before the fix."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from tests.test_newuser_trips import cli, event

PASSWORD = {"CLEARANCE_ADMIN_USER": "alice", "CLEARANCE_ADMIN_PASSWORD": "a long unique passphrase here"}


# -- `clearance serve` on a port already in use printed "clearance serve: http://127.0.0.1:PORT", created the first
#    admin in a new database, and only then failed with uvicorn's "[Errno 98] … address already in use" (exit 3)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_serve_on_a_port_in_use_says_so_first_and_leaves_nothing(tmp_path: Path, host: str) -> None:
    pytest.importorskip("uvicorn")
    taken = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        db = tmp_path / "team" / "team.db"
        p = cli(tmp_path, "serve", "--db", str(db), "--host", host, "--port", str(port), env=PASSWORD)
    finally:
        taken.close()
    assert p.returncode == 2, p.stderr
    assert f"port {port} on {host} is already in use" in p.stderr and "choose another --port" in p.stderr
    assert "http://" not in p.stderr and "created the first admin" not in p.stderr and "Errno" not in p.stderr
    assert not db.exists() and not db.parent.exists()  # nothing opened or made


@pytest.mark.parametrize(
    ("host", "said"),
    [("10.255.255.254", "is not an address of this machine"), ("no-such-host.invalid", "cannot listen on --host 'no-such-host.invalid'")],
)
def test_serve_on_an_address_it_cannot_listen_on_is_one_line(tmp_path: Path, host: str, said: str) -> None:
    pytest.importorskip("uvicorn")
    p = cli(tmp_path, "serve", "--db", str(tmp_path / "team.db"), "--host", host, "--port", "18799", env=PASSWORD)
    assert p.returncode == 2 and said in p.stderr and "Traceback" not in p.stderr, p.stderr
    assert not (tmp_path / "team.db").exists()


# -- `clearance daemon --socket PATH`: an existing file at PATH was deleted (taken for a stale socket), the folder of
#    PATH was turned 0700 (`--socket /tmp/d.sock` would have closed /tmp to everyone else), missing folders were made
#    without a word, a folder as PATH was "[Errno 21] Is a directory", and nothing said the hook would not use it


def _until(tmp_path: Path, args: tuple[str, ...], marker: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run `clearance ARGS` until its stderr says *marker* (then stop it: -1) or it exits (its code); and its stderr."""
    import subprocess
    import sys
    import threading
    import time

    from tests.test_newuser_trips import ROOT

    e = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_"))}
    e.update(HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT / "src"), **(env or {}))
    (tmp_path / "home").mkdir(exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-m", "clearance", *args], env=e, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr or ()), daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and not any(marker in line for line in lines):
        time.sleep(0.1)
    if proc.poll() is None:
        time.sleep(0.5)  # the lines printed right after the marker
        proc.terminate()
        proc.wait(timeout=30)
        reader.join(timeout=30)
        return -1, "".join(lines)
    reader.join(timeout=30)
    return proc.returncode, "".join(lines)


def _daemon(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """`clearance daemon ARGS` until it listens (-1) or fails (its exit code), and its stderr."""
    return _until(tmp_path, ("daemon", *args), "listening on", env)


def test_daemon_socket_on_an_existing_file_leaves_the_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("important\n")
    code, err = _daemon(tmp_path, "--socket", str(notes))
    assert code == 1 and "exists and is not a socket" in err, err
    assert notes.read_text() == "important\n"


def test_daemon_socket_in_a_shared_folder_leaves_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    sock = shared / "d.sock"
    code, err = _daemon(tmp_path, "--socket", str(sock))
    assert code == -1, err  # it listened
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert f"CLEARANCE_DAEMON_SOCKET={sock}" in err  # the hook looks elsewhere unless told


@pytest.mark.parametrize("missing", ["nope/d.sock", "nope/deeper/d.sock"])
def test_daemon_socket_in_a_missing_folder_is_refused_not_made(tmp_path: Path, missing: str) -> None:
    code, err = _daemon(tmp_path, "--socket", str(tmp_path / missing))
    assert code == 1 and "does not exist" in err and "mkdir -m 700" in err, err
    assert not (tmp_path / "nope").exists()


def test_daemon_socket_naming_a_folder_says_what_to_give(tmp_path: Path) -> None:
    code, err = _daemon(tmp_path, "--socket", str(tmp_path))
    assert code == 1 and "is a folder" in err and "Errno" not in err, err
    assert str(tmp_path / "daemon.sock") in err


def test_daemon_default_socket_still_makes_its_own_private_folder(tmp_path: Path) -> None:
    run = tmp_path / "xdg-run"
    run.mkdir(mode=0o700)
    sock = run / "clearance" / "daemon.sock"
    code, err = _daemon(tmp_path, "--socket", str(sock), env={"XDG_RUNTIME_DIR": str(run)})
    assert code == -1, err
    assert stat.S_IMODE(sock.parent.stat().st_mode) == 0o700
    assert "CLEARANCE_DAEMON_SOCKET" not in err  # the hook finds it there by itself


# -- a path written with `.` or `..` in it (or blank, or relative) was compared as text with paths that never hold
#    them: a [[repositories]] section `paths = ["~/work/../work/payments"]` with auto_mode = "disabled" silently never
#    applied, `paths = [""]` was read as "/" and tightened every project, `deny = ["Read(~/notes/../secrets/**)"]`
#    denied nothing, and `clearance policy lint` said "no problems found" for all of them


def _checkout(home: Path, rel: str) -> Path:
    import subprocess

    root = home / rel
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


@pytest.mark.parametrize(
    "written",
    ["~/work/../work/payments", "~/work/./payments", "~/elsewhere/../work/payments/", "~/work/x/../**", "~/./work/payments/../payments"],
)
def test_a_dotted_repositories_path_tightens_what_it_spells_and_lint_names_it(tmp_path: Path, written: str) -> None:
    home = tmp_path / "home"
    root = _checkout(home, "work/payments")
    managed = tmp_path / "managed.toml"
    managed.write_text(f'[[repositories]]\nname = "payments"\npaths = ["{written}"]\n[repositories.rules]\ndeny = ["Bash(make deploy:*)"]\n')
    env = {"CLEARANCE_MANAGED_POLICY": str(managed), "CLEARANCE_HEADLESS": "0"}
    p = cli(tmp_path, "hook", "--agent", "claude", stdin=event("make deploy", root), env=env)
    assert '"permissionDecision": "deny"' in p.stdout and "make deploy" in p.stdout, p.stdout + p.stderr
    lint = cli(tmp_path, "policy", "lint", env=env)
    assert lint.returncode == 1 and "PL203 error" in lint.stdout + lint.stderr, lint.stdout + lint.stderr
    assert "`.` or `..` segment" in lint.stdout + lint.stderr


def test_a_dotted_repositories_path_never_loosens(tmp_path: Path) -> None:
    home = tmp_path / "home"
    root = _checkout(home, "work/sandbox")
    managed = tmp_path / "managed.toml"
    managed.write_text('[[repositories]]\npaths = ["~/work/x/../sandbox"]\n[repositories.rules]\nallow = ["Bash(kubectl apply:*)"]\n')
    env = {"CLEARANCE_MANAGED_POLICY": str(managed), "CLEARANCE_HEADLESS": "0"}
    p = cli(tmp_path, "hook", "--agent", "claude", stdin=event("kubectl apply -f k.yaml", root), env=env)
    assert '"permissionDecision": "ask"' in p.stdout, p.stdout
    show = cli(tmp_path, "policy", "show", env=env, cwd=root).stdout
    # and `policy show` says why, rather than "a section loosens only when every remote of the checkout … is one it names"
    assert "rules.allow: Bash(kubectl apply:*) -- its path '~/work/x/../sandbox' has a `.` or `..` segment" in show, show


@pytest.mark.parametrize(("written", "said"), [("", "is blank"), ("  ", "is blank"), ("work/other", "is relative"), ("./other", "is relative")])
def test_a_blank_or_relative_repositories_path_names_no_checkout_and_lint_says_so(tmp_path: Path, written: str, said: str) -> None:
    home = tmp_path / "home"
    root = _checkout(home, "work/payments")
    managed = tmp_path / "managed.toml"
    managed.write_text(f'[[repositories]]\npaths = ["{written}"]\nauto_mode = "disabled"\n')
    env = {"CLEARANCE_MANAGED_POLICY": str(managed), "CLEARANCE_HEADLESS": "0"}
    p = cli(tmp_path, "hook", "--agent", "claude", stdin=event("git status", root), env=env)
    assert '"permissionDecision": "allow"' in p.stdout, p.stdout  # before: "" was "/", every project's auto mode off
    lint = cli(tmp_path, "policy", "lint", env=env)
    assert lint.returncode == 1 and "PL203" in lint.stdout and said in lint.stdout, lint.stdout + lint.stderr


@pytest.mark.parametrize(
    ("rule", "fix"),
    [
        ("Read(~/notes/../secrets/**)", "Read(~/secrets/**)"),
        ("Edit(~/a/./b/**)", "Edit(~/a/b/**)"),
        ("Read(//etc/./shadow)", "Read(//etc/shadow)"),
        ("Write(/src/../vendor/**)", "Write(/vendor/**)"),
        ("Read(~/../other/**)", None),
    ],
)
def test_a_path_rule_with_dot_segments_is_flagged_with_its_plain_form(tmp_path: Path, rule: str, fix: str | None) -> None:
    from clearance.policy.breadth import RULE_NEVER_MATCHES, lint_text

    found = lint_text(f'[rules]\ndeny = ["{rule}"]\n', "managed")
    assert [x.id for x in found] == [RULE_NEVER_MATCHES] and found[0].severity == "error"
    assert (f"write {fix}" in found[0].message) if fix else ("write" not in found[0].message)
    user = lint_text(f'[rules]\nask = ["{rule}"]\n', "user")
    assert [x.severity for x in user] == ["warning"]


@pytest.mark.parametrize("rule", ["Read(./src/**)", "Edit(/docs/**)", "Read(~/.ssh/**)", "Read(//etc/shadow)", "Edit(src/.github/**)", "Read(~/..config)"])
def test_plain_path_rules_are_not_flagged(rule: str) -> None:
    from clearance.policy.breadth import lint_text

    assert lint_text(f'[rules]\ndeny = ["{rule}"]\n', "managed") == []


def test_a_dotted_trusted_directory_names_its_plain_form() -> None:
    from clearance.policy.trustlint import trust_problems

    text = '[trust]\ndirectories = ["~/work/../shared/**", "/srv/./data", "~/fine/**"]\n'
    import tomllib

    found = trust_problems(tomllib.loads(text), text, "p.toml")
    assert len(found) == 2 and "write '~/shared/**'" in found[0] and "write '/srv/data'" in found[1], found


# -- `clearance allow ID` with a typo in the user's own policy file said "the rule(s) … would not make this call
#    allowed (The user policy file is broken …); write a rule by hand (docs/policy.md)" -- by hand, into the broken
#    file; `clearance explain` said "allow yes"; a file that is not UTF-8 was "config.toml:0: cannot read the file
#    ('utf-8' codec can't decode byte 0xff in position 0: invalid start byte)"


@pytest.mark.parametrize("broken", ["[rules\n", '[rules]\nallow = ["Bash(ls"]\n', '[rules]\nallow = "Bash(ls)"\n', "\xff\xfe[rules]\n"])
def test_allow_with_a_broken_user_file_says_to_fix_that_file_first(tmp_path: Path, broken: str) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    env = {"CLEARANCE_HEADLESS": "0"}
    assert '"deny"' in cli(tmp_path, "hook", "--agent", "claude", stdin=event("git push --force origin main", root), env=env).stdout
    config = tmp_path / "home" / ".config" / "clearance" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_bytes(broken.encode("latin-1"))
    p = cli(tmp_path, "allow", "1", env=env)
    assert p.returncode == 1 and "your user policy file is broken" in p.stderr and "fix it first" in p.stderr, p.stderr
    assert "write a rule by hand" not in p.stderr and f"{config}:" in p.stderr
    assert config.read_bytes() == broken.encode("latin-1")  # left as it was
    explained = cli(tmp_path, "explain", "1", env=env).stdout
    assert "allow     not now: your user policy file is broken" in explained, explained
    config.unlink()
    ok = cli(tmp_path, "allow", "1", env=env)
    assert ok.returncode == 0 and "Bash(git push --force origin main)" in ok.stdout, ok.stderr


def test_allow_with_a_broken_managed_file_names_it_not_the_users(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    env = {"CLEARANCE_HEADLESS": "0"}
    assert '"deny"' in cli(tmp_path, "hook", "--agent", "claude", stdin=event("git push --force origin main", root), env=env).stdout
    managed = tmp_path / "managed.toml"
    managed.write_text("[trust\n")
    p = cli(tmp_path, "allow", "1", env={**env, "CLEARANCE_MANAGED_POLICY": str(managed)})
    assert p.returncode == 1 and "the managed policy file is broken" in p.stderr and str(managed) in p.stderr, p.stderr
    assert not (tmp_path / "home" / ".config" / "clearance" / "config.toml").exists()


def test_a_policy_file_that_is_not_utf8_names_its_line_and_byte(tmp_path: Path) -> None:
    config = tmp_path / "home" / ".config" / "clearance" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_bytes(b'[rules]\nask = ["Bash(caf\xe9)"]\n')
    p = cli(tmp_path, "policy", "lint")
    assert p.returncode == 1 and f"{config}:2: not UTF-8 text (byte 0xe9" in p.stdout + p.stderr, p.stdout + p.stderr
    assert "codec" not in p.stdout + p.stderr


# -- README "Unattended runs (CI)": a runner whose CLEARANCE_MANAGED_POLICY names a file that is not there (a mistyped
#    path, a step that did not copy it) passed `clearance doctor` with a "!" nobody reads, and the agent then ran
#    without the organisation's rules; and the job set the variable on the agent's step only, so doctor and
#    `policy test` checked a different policy from the one the agent ran under


def test_doctor_in_ci_fails_when_the_named_managed_policy_is_missing(tmp_path: Path) -> None:
    assert cli(tmp_path, "install", "claude").returncode == 0
    named = tmp_path / "etc" / "acme" / "clearance.toml"
    p = cli(tmp_path, "doctor", env={"CLEARANCE_MANAGED_POLICY": str(named), "CI": "true"})
    assert p.returncode == 1 and f"✗ managed policy: CLEARANCE_MANAGED_POLICY names {named}, but there is no such file" in p.stdout, p.stdout
    named.parent.mkdir(parents=True)
    named.write_text('[rules]\nhard_deny = ["Bash(terraform destroy:*)"]\n')
    assert cli(tmp_path, "doctor", env={"CLEARANCE_MANAGED_POLICY": str(named), "GITHUB_ACTIONS": "true"}).returncode == 0
    person = cli(tmp_path, "doctor", env={"CLEARANCE_MANAGED_POLICY": str(tmp_path / "nope.toml"), "CLEARANCE_HEADLESS": "0", "CI": ""})
    assert person.returncode == 0 and "! managed policy" in person.stdout  # a person reads the warning


def test_readme_ci_job_gives_every_clearance_step_the_managed_policy() -> None:
    from tests.test_newuser_trips import ROOT

    readme = (ROOT / "README.md").read_text()
    job = readme[readme.index("## Unattended runs (CI)") :]
    job = job[job.index("```yaml") + 7 : job.index("```", job.index("```yaml") + 7)]
    lines = job.splitlines()
    env_at = [i for i, line in enumerate(lines) if line.split("#")[0].strip() == "env:"]
    assert env_at, job
    # the variable is set for the job (before its first step), not on one step's env
    first_step = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- "))
    assert env_at[0] < first_step and "CLEARANCE_MANAGED_POLICY" in "\n".join(lines[env_at[0] : first_step]), job


# -- single sign-on set up with CLEARANCE_OIDC_ISSUER=idp.example (no scheme) started the service, and every sign-in
#    then failed with "unknown url type"; without CLEARANCE_OIDC_ROLES it started and let nobody in, without a word


@pytest.mark.parametrize("name", ["CLEARANCE_OIDC_ISSUER", "CLEARANCE_OIDC_REDIRECT_URI"])
def test_an_oidc_url_without_its_scheme_is_refused_at_start(tmp_path: Path, name: str) -> None:
    pytest.importorskip("uvicorn")
    env = {**PASSWORD, "CLEARANCE_OIDC_ISSUER": "https://idp.example", "CLEARANCE_OIDC_CLIENT_ID": "x", "CLEARANCE_OIDC_ROLES": "*=viewer"}
    env[name] = "idp.example/callback" if "REDIRECT" in name else "idp.example"
    p = cli(tmp_path, "serve", "--db", str(tmp_path / "team.db"), "--port", "18798", env=env)
    assert p.returncode == 2 and f"{name} must be a URL with its scheme" in p.stderr, p.stderr
    assert "http://127.0.0.1" not in p.stderr


def test_oidc_without_roles_says_nobody_can_sign_in(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = str(free.getsockname()[1])
    free.close()
    env = {**PASSWORD, "CLEARANCE_OIDC_ISSUER": "https://idp.example", "CLEARANCE_OIDC_CLIENT_ID": "x"}
    code, err = _until(tmp_path, ("serve", "--db", str(tmp_path / "team.db"), "--port", port), "clearance serve: http://", env)
    assert code == -1, err
    assert "CLEARANCE_OIDC_ROLES is not set, so no group maps to a role and nobody can sign in" in err
    code, err = _until(
        tmp_path, ("serve", "--db", str(tmp_path / "team.db"), "--port", port), "clearance serve: http://", {**env, "CLEARANCE_OIDC_ROLES": "*=viewer"}
    )
    assert code == -1 and "CLEARANCE_OIDC_ROLES" not in err, err


# -- a store URL of a scheme clearance does not open (mysql://, sqlite://x with two slashes, postgresql+psycopg://,
#    PostgreSQL://) was taken for a SQLite file's path: `serve --db mysql://…` created the first admin in a folder
#    named `mysql:` in the working directory, the hook with CLEARANCE_DB or [audit] url = "mysql://…" kept the trail
#    there, and `policy lint` found nothing

WRONG_URLS = ["mysql://u:pw@db.internal/audit", "sqlite://team.db", "postgresql+psycopg://u:pw@h/db", "PostgreSQL://u:pw@h/db", "https://audit.acme.dev/db"]


@pytest.mark.parametrize("url", WRONG_URLS)
def test_a_store_url_of_another_scheme_is_named_and_nothing_is_made(tmp_path: Path, url: str) -> None:
    work = tmp_path / "proj"
    work.mkdir()
    before = sorted(p.name for p in work.iterdir())
    for args in (("log", "--db", url), ("stats", "--db", url)):
        p = cli(tmp_path, *args, cwd=work)
        assert p.returncode == 2 and "is not an audit store clearance can open" in p.stderr and "Traceback" not in p.stderr, p.stderr
        assert ":pw@" not in p.stderr  # the password is masked
    hook = cli(tmp_path, "hook", "--agent", "claude", stdin=event("ls", work), env={"CLEARANCE_DB": url, "CLEARANCE_HEADLESS": "0"}, cwd=work)
    assert '"permissionDecision": "ask"' in hook.stdout and "is not an audit store clearance can open" in hook.stderr, hook.stdout + hook.stderr
    assert sorted(p.name for p in work.iterdir()) == before  # no `mysql:` folder in the project


@pytest.mark.parametrize("url", WRONG_URLS[:2])
def test_serve_with_a_store_url_of_another_scheme_refuses_before_anything(tmp_path: Path, url: str) -> None:
    p = cli(tmp_path, "serve", "--db", url, "--port", "18797", env=PASSWORD)
    assert p.returncode == 2 and "is not an audit store clearance can open" in p.stderr and "created the first admin" not in p.stderr, p.stderr
    assert sorted(x.name for x in tmp_path.iterdir()) == ["home"]


def test_an_audit_url_of_another_scheme_breaks_its_layer_and_lint_names_it(tmp_path: Path) -> None:
    managed = tmp_path / "managed.toml"
    managed.write_text('[audit]\nurl = "mysql://u:secret@db.internal/audit"\n')
    env = {"CLEARANCE_MANAGED_POLICY": str(managed), "CLEARANCE_HEADLESS": "0"}
    lint = cli(tmp_path, "policy", "lint", env=env)
    assert lint.returncode == 1 and f"{managed}:2: 'audit.url' names no store" in lint.stdout, lint.stdout
    assert "secret" not in lint.stdout
    work = tmp_path / "proj"
    work.mkdir()
    hook = cli(tmp_path, "hook", "--agent", "claude", stdin=event("ls", work), env=env, cwd=work)
    assert '"permissionDecision": "ask"' in hook.stdout and "policy.broken" in hook.stdout
    assert list(work.iterdir()) == []


@pytest.mark.parametrize("url", ["postgresql://u:pw@h:5432/db", "postgres://h/db", "sqlite:////var/lib/c.db", "/var/lib/c.db", "team.db", "C:\\\\a\\\\b.db"])
def test_store_urls_clearance_opens_are_not_flagged(url: str) -> None:
    from clearance.store import url_problem

    assert url_problem(url) is None


# -- a [[repositories]] remote written without its host (`acme/payments`, as on GitHub's page) or blank matched no
#    checkout: its section's deny rules silently never applied, and lint said "no problems found"


@pytest.mark.parametrize("written", ["acme/payments", "acme/payments.git"])
def test_a_hostless_repositories_remote_tightens_and_lint_names_the_host(tmp_path: Path, written: str) -> None:
    import subprocess

    home = tmp_path / "home"
    root = _checkout(home, "work/payments")
    subprocess.run(["git", "-C", str(root), "remote", "add", "origin", "git@github.com:acme/payments.git"], check=True)
    managed = tmp_path / "managed.toml"
    managed.write_text(f'[[repositories]]\nremotes = ["{written}"]\n[repositories.rules]\ndeny = ["Bash(make deploy:*)"]\nallow = ["Bash(kubectl apply:*)"]\n')
    env = {"CLEARANCE_MANAGED_POLICY": str(managed), "CLEARANCE_HEADLESS": "0"}
    p = cli(tmp_path, "hook", "--agent", "claude", stdin=event("make deploy", root), env=env)
    assert '"permissionDecision": "deny"' in p.stdout, p.stdout + p.stderr
    q = cli(tmp_path, "hook", "--agent", "claude", stdin=event("kubectl apply -f k.yaml", root), env=env)
    assert '"permissionDecision": "ask"' in q.stdout, q.stdout  # it never loosens: any host may hold an acme/payments
    lint = cli(tmp_path, "policy", "lint", env=env)
    assert lint.returncode == 1 and "PL203 error" in lint.stdout and "has no host" in lint.stdout and "'github.com/acme/payments'" in lint.stdout, lint.stdout
    other = _checkout(home, "work/other")
    subprocess.run(["git", "-C", str(other), "remote", "add", "origin", "git@github.com:acme/other.git"], check=True)
    r = cli(tmp_path, "hook", "--agent", "claude", stdin=event("make deploy", other), env=env)
    assert '"permissionDecision": "deny"' not in r.stdout, r.stdout  # another repository is not named


@pytest.mark.parametrize(("written", "said"), [("", "is blank"), ("payments", "names no repository")])
def test_a_blank_or_bare_repositories_remote_is_flagged(written: str, said: str) -> None:
    from clearance.policy.breadth import REPOSITORY_PATH_NAMES_NOTHING, lint_text

    found = lint_text(f'[[repositories]]\nremotes = ["{written}"]\nauto_mode = "disabled"\n', "managed")
    assert [x.id for x in found] == [REPOSITORY_PATH_NAMES_NOTHING] and said in found[0].message


@pytest.mark.parametrize(
    "written",
    ["github.com/acme/payments", "https://github.com/acme/payments.git", "git@github.com:acme/*", "gitserver/team/repo", "gitlab.acme.dev/platform/*"],
)
def test_repositories_remotes_with_their_host_are_not_flagged(written: str) -> None:
    from clearance.policy.breadth import lint_text

    assert lint_text(f'[[repositories]]\nremotes = ["{written}"]\n', "managed") == []
