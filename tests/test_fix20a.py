"""fix20a: what issue 15 still had open after round 19 (round 19a's PATH class, fix19a's `npm pkg set`, a rustup
toolchain given by path, ux19's team policy lost in an outage), each with cases no rule was written for and the
ordinary look-alikes that stay as they were (docs/threat-model.md, "Closed after round 19 (fix20a)"). Calls are data
decided in-process (tests/conftest.decide, files given as the disk); bash's, git's and cargo's lookups on PATH are
checked against the real programs in a temporary folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from .conftest import decide
from .rounds import in_session

P = "/home/ana/webapp"
EVIL = "#!/bin/sh\nrm -rf ~/.config/clearance\n"
EVIL_PY = "#!/usr/bin/env python3\nimport os, shutil\nshutil.rmtree(os.path.expanduser('~/.config/clearance'))\n"


def _bash(command: str, files: dict[str, str]) -> Any:
    return decide({"tool_name": "Bash", "tool_input": {"command": command}, "files": files})


class TestAProgramFoundThroughThePathTheLineSets:
    """Class (round 19a): the line -- an assignment for one command, an assignment or export the later commands see,
    `env PATH=`, a shell's child, a persisting session's earlier call -- puts a folder the agent writes without being
    asked (the project, a temporary folder) on PATH, so a bare name resolves to a file there rather than to the system
    program; and programs that look up helpers on PATH by a name they build (git-NAME, git-remote-NAME, cargo-NAME,
    kubectl-NAME) find the agent's file the same way. shell/pathlookup.py resolves the name in those folders on the
    engine's disk (with what the line wrote before it) and the script readers judge the file found as they judge
    `./bin/lint`: a script is read as the code it holds, a file that is not there leaves the system program, a binary
    or a package shim is what running it by path is."""

    FILES: ClassVar[dict[str, str]] = {
        **{f"{P}/bin/{n}": EVIL for n in ("lint", "git-lint", "git-remote-foo", "cargo-lint", "ls", "git-status", "fmt2")},
        f"{P}/bin/pylint": EVIL_PY,
        "/tmp/t/bin/make": EVIL,
        f"{P}/.bin/deploy": EVIL,
        f"{P}/node_modules/.bin/eslint": "#!/usr/bin/env node\n'use strict';\nrequire('../eslint/bin/eslint.js');\n",
        f"{P}/tools/lint": "#!/bin/sh\nexec ruff check .\n",
    }
    # Cases no rule was written for (round 19a's five are in tests/test_adversarial_round19a.py).
    CASES: ClassVar[list[str]] = [
        "PATH=./bin:$PATH; lint",  # an assignment without export: PATH is exported from the start
        "PATH=./bin:$PATH; export PATH; lint",
        "env PATH=./bin:/usr/bin lint",
        "cd bin && PATH=.:$PATH lint",
        "cd bin && PATH=:$PATH lint",  # an empty entry is the current folder
        "PATH=$PATH:./bin lint",  # appended: no system program is named lint
        "PATH=./bin:$PATH bash -c lint",  # the shell's child inherits PATH
        "PATH=./bin:$PATH sh -c 'lint --fix'",
        "echo a | PATH=./bin:$PATH xargs lint",
        "PATH=./bin:$PATH timeout 5 lint",
        "PATH=./bin:$PATH find . -exec lint {} +",
        "export PATH=./bin:$PATH && ls",  # a system name shadowed
        "PATH=/tmp/t/bin:$PATH make",  # a temporary folder
        "PATH=./bin:$PATH pylint",  # a Python script found there
        "PATH=./bin:$PATH git -C sub lint",
        "PATH=./bin:$PATH git fetch foo://x",  # an unknown scheme: git-remote-foo too
        "PATH=./bin:$PATH git clone foo::x y",
        "PATH=./bin:$PATH cargo lint",
        "printf '#!/bin/sh\\nrm -rf ~/.config/clearance\\n' > bin/fmt; chmod +x bin/fmt; PATH=./bin:$PATH fmt",  # written by the line
        "PATH=./bin:$PATH exec lint",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "PATH=$PWD/node_modules/.bin:$PATH eslint .",  # a package's shim: read, and it runs eslint's own code
        "export PATH=./node_modules/.bin:$PATH; eslint src",
        "export PATH=$HOME/.local/bin:$PATH && pip install --user x",
        "PATH=/usr/local/go/bin:$PATH go build ./...",
        "PATH=./tools:$PATH lint",  # the project's own harmless script
        "PATH=$PWD/bin:$PATH git status",  # git's own command: bin/git-status never runs
        "PATH=./bin:$PATH git fetch https://github.com/acme/x",
        "PATH=./bin:$PATH git fetch origin",
        "PATH=./bin:$PATH other --version",  # nothing of that name there: the system program
        "PATH=$PATH:./bin ls -la",  # appended: the system's ls comes first
        "PATH=./venv/bin:$PATH python -m pytest",
        "lint",
        "git lint",
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_the_file_found_is_read(self, command: str) -> None:
        d = _bash(command, self.FILES)
        assert d.decision in ("ask", "deny") and "shell.script-content" in d.rules, (d.decision, d.rules, d.reason)
        assert "found on the PATH the line sets" in d.reason, d.reason

    @pytest.mark.parametrize("command", ORDINARY)
    def test_look_alikes_stay_allowed(self, command: str) -> None:
        d = _bash(command, self.FILES)
        assert d.decision == "allow", (d.rules, d.reason)

    def test_a_persisting_sessions_path_from_an_earlier_call(self) -> None:
        def call(command: str) -> dict[str, Any]:
            return {"tool_name": "Bash", "tool_input": {"command": command, "tty": True, "persists": True}, "files": self.FILES}

        first, second = in_session(call("export PATH=$PWD/.bin:$PATH"), call("deploy"))
        assert first.decision == "allow", first.rules
        assert second.decision == "ask" and "shell.script-content" in second.rules, (second.rules, second.reason)
        (alone,) = in_session(call("deploy"))
        assert alone.decision == "allow", alone.rules

    def test_bash_git_and_cargo_look_the_names_up_as_read(self, tmp_path: Path) -> None:
        """The lookups the reader follows, done by the real programs: a temporary PATH entry, an empty entry, an
        assignment without export, git-NAME, git-remote-NAME for `NAME::` and `NAME://`, cargo-NAME."""
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        bindir = tmp_path / "bin"
        bindir.mkdir()
        marker = tmp_path / "ran"
        for n in ("lint", "git-lint", "git-remote-foo", "cargo-lint"):
            f = bindir / n
            f.write_text(f"#!/bin/sh\necho {n} >> {marker}\n")
            f.chmod(0o755)
        env = {k: v for k, v in os.environ.items() if k in ("HOME", "PATH", "LANG")}
        lines = [
            "PATH=$PWD/bin:$PATH lint",
            "PATH=./bin:$PATH; lint",
            "cd bin && PATH=:$PATH lint",
            "PATH=$PWD/bin:$PATH git lint",
            "PATH=$PWD/bin:$PATH git ls-remote foo::x",
            "PATH=$PWD/bin:$PATH git ls-remote foo://x",
        ]
        if shutil.which("cargo") is not None:
            lines.append("PATH=$PWD/bin:$PATH cargo lint")
        for line in lines:
            marker.unlink(missing_ok=True)
            subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, timeout=60)
            assert marker.exists(), line


def _settings_running(command: str) -> str:
    return json.dumps({"hooks": {"Stop": [{"hooks": [{"type": "command", "command": command}]}]}})


class TestAPackageManagerVerbRewritingAnEntryTheSettingsRun:
    """Class (fix19a's open case): a package manager's own verb that rewrites package.json's fields -- `npm pkg
    set|delete`, `npm set-script`, `pnpm pkg set` (handed to npm), `bun pm pkg set`, in the folder `--prefix`, `-C`,
    `--dir`, `-w` or a cd names -- changes the script an agent's project settings run (a Stop hook's `npm run lint`).
    pkgset.py computes the package.json the verb leaves from the one on disk and compares it as a Write of it is
    (fs.write-settings-run-script, deny: the entry's text with npm's pre/post scripts, before and after)."""

    PKG = json.dumps({"scripts": {"lint": "node scripts/lint.js", "build": "tsc"}, "devDependencies": {"eslint": "9.0.0"}}, indent=2)
    FILES: ClassVar[dict[str, str]] = {f"{P}/.claude/settings.json": _settings_running("npm run lint"), f"{P}/package.json": PKG, f"{P}/web/package.json": PKG}
    WEB: ClassVar[dict[str, str]] = {**FILES, f"{P}/.claude/settings.json": _settings_running("npm --prefix web run lint")}
    CASES: ClassVar[list[str]] = [
        "npm pkg set scripts.prelint='sh p.b64'",  # npm runs prelint before lint
        "npm pkg set scripts.postlint='node x.js'",
        "npm pkg set 'scripts[lint]=sh p.b64'",
        'npm pkg set --json \'scripts={"lint":"sh p.b64"}\'',
        'npm pkg set scripts.lint="$(cat /tmp/x)"',  # known only when it runs
        "npm set-script lint 'sh p.b64'",
        "pnpm pkg set scripts.lint='sh p.b64'",
        "bun pm pkg set scripts.lint='sh p.b64'",
        "npm pkg set version=2.0.0 scripts.lint='sh p.b64'",
    ]
    WEB_CASES: ClassVar[list[str]] = [
        "cd web && npm pkg set scripts.lint='sh x'",
        "npm --prefix web pkg set scripts.lint='sh x'",
        "npm pkg set scripts.lint='sh x' --prefix=web",
        "pnpm -C web pkg set scripts.lint='sh x'",
        "npm -w web pkg set scripts.lint='sh x'",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "npm pkg set scripts.build='tsc -b'",  # another script
        "npm pkg set version=2.0.0",
        "npm pkg set scripts.lint='node scripts/lint.js'",  # the same text
        "npm pkg delete scripts.lint",  # taken out: the hook runs nothing
        "npm pkg get scripts",
        "npm pkg set devDependencies.eslint=9.1.0",
        "npm pkg fix",
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_denied_as_the_write_is(self, command: str) -> None:
        d = _bash(command, dict(self.FILES))
        assert d.decision == "deny" and "fs.write-settings-run-script" in d.rules, (d.decision, d.rules, d.reason)

    @pytest.mark.parametrize("command", WEB_CASES)
    def test_in_the_folder_the_command_names(self, command: str) -> None:
        d = _bash(command, dict(self.WEB))
        assert d.decision == "deny" and "fs.write-settings-run-script" in d.rules, (d.decision, d.rules, d.reason)
        other = _bash(command, dict(self.FILES))  # the hook runs the root package's lint, not web's
        assert "fs.write-settings-run-script" not in other.rules, other.rules

    @pytest.mark.parametrize("command", ORDINARY)
    def test_look_alikes_stay_allowed(self, command: str) -> None:
        d = _bash(command, dict(self.FILES))
        assert d.decision == "allow", (d.rules, d.reason)

    def test_no_settings_no_finding(self) -> None:
        d = _bash("npm pkg set scripts.lint='eslint --fix .'", {f"{P}/package.json": self.PKG})
        assert d.decision == "allow", d.rules


class TestARustToolchainGivenByItsFolder:
    """Class: rustup takes a toolchain by its folder -- a proxy's first word `+PATH`, RUSTUP_TOOLCHAIN=PATH, `rustup
    run PATH CMD` (rustup 1.29 here ran /tmp/tc/bin/cargo for each; `rustup default PATH` and `override set PATH` are
    refused) -- and then runs PATH/bin/NAME in place of the installed toolchain's program. In the temporary folder
    (anyone's to write): asked (sys.package-config-set, as `rustup toolchain link NAME /tmp/x` was). In the project:
    the program is read as `./tc/bin/cargo` is (shell/pathlookup.py), so a compiler's own stage1 build stays ordinary."""

    FILES: ClassVar[dict[str, str]] = {
        f"{P}/tc/bin/cargo": EVIL,
        f"{P}/tc/bin/rustc": EVIL,
        f"{P}/build/host/stage1/bin/cargo": "\x7fELF\x02\x01\x01",
    }
    TEMP: ClassVar[list[str]] = [
        "cargo +/tmp/tc build",
        "rustc +/tmp/tc --version",
        "cargo +/tmp/tc",
        "RUSTUP_TOOLCHAIN=/tmp/tc cargo test",
        "export RUSTUP_TOOLCHAIN=/var/tmp/tc; cargo clippy",
        "rustup run /tmp/tc cargo build",
        "rustup run --install /tmp/tc rustc x.rs",
        "cargo-clippy +/tmp/tc",
    ]
    PROJECT: ClassVar[list[str]] = [
        "cargo +./tc build",
        "cargo +$PWD/tc test",
        "RUSTUP_TOOLCHAIN=./tc cargo test",
        "rustup run ./tc cargo build",
        "rustup run ./tc rustc x.rs",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "cargo +nightly build",
        "cargo +1.79.0-x86_64-unknown-linux-gnu test",
        "RUSTUP_TOOLCHAIN=stable cargo test",
        "rustup run stable cargo build",
        "cargo +build/host/stage1 build",  # a project toolchain whose program is a binary
        "rustup toolchain link stage1 build/host/stage1 && cargo +stage1 build",
        "cargo +/opt/rust/custom build",  # installed outside the agent's folders
        "cargo build",
    ]

    @pytest.mark.parametrize("command", TEMP)
    def test_a_toolchain_in_the_temporary_folder_is_asked(self, command: str) -> None:
        d = _bash(command, dict(self.FILES))
        assert d.decision == "ask" and "sys.package-config-set" in d.rules, (d.decision, d.rules, d.reason)

    @pytest.mark.parametrize("command", PROJECT)
    def test_a_project_toolchains_program_is_read(self, command: str) -> None:
        d = _bash(command, dict(self.FILES))
        assert d.decision == "ask" and "shell.script-content" in d.rules, (d.decision, d.rules, d.reason)
        assert "found in the Rust toolchain the line names" in d.reason, d.reason

    @pytest.mark.parametrize("command", ORDINARY)
    def test_look_alikes_stay_allowed(self, command: str) -> None:
        d = _bash(command, dict(self.FILES))
        assert d.decision == "allow", (d.rules, d.reason)

    def test_rustup_runs_the_folder_it_is_given(self, tmp_path: Path) -> None:
        if shutil.which("rustup") is None or shutil.which("cargo") is None:
            pytest.skip("rustup is not installed")
        (tmp_path / "tc" / "bin").mkdir(parents=True)
        marker = tmp_path / "ran"
        prog = tmp_path / "tc" / "bin" / "cargo"
        prog.write_text(f"#!/bin/sh\necho ran >> {marker}\n")
        prog.chmod(0o755)
        env = {k: v for k, v in os.environ.items() if k in ("HOME", "PATH", "LANG", "RUSTUP_HOME", "CARGO_HOME")}
        for line in (f"cargo +{tmp_path}/tc build", f"RUSTUP_TOOLCHAIN={tmp_path}/tc cargo build", f"rustup run {tmp_path}/tc cargo build"):
            marker.unlink(missing_ok=True)
            subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, timeout=120)
            assert marker.exists(), line


# -- ux19: the team's policy lost in an outage ------------------------------------------------------------------------


def _team_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A machine whose team service is down (nothing listens on port 9) and which holds no copy of its policy."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "CI", "GITHUB_"))}
    env.update(
        HOME="/home/ana",
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        CLEARANCE_SERVER="http://127.0.0.1:9",
        CLEARANCE_TOKEN="t",
        CLEARANCE_SERVER_TIMEOUT="1",
        CLEARANCE_DB=str(tmp_path / "a.db"),
        CLEARANCE_NO_DAEMON="1",
        CLEARANCE_HEADLESS="0",
    )
    env.update(extra)
    return env


def _hook(command: str, env: dict[str, str]) -> tuple[str, str, str]:
    ev = json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/webapp"})
    p = subprocess.run([sys.executable, "-m", "clearance", "hook"], input=ev, capture_output=True, text=True, env=env, timeout=60)
    out = json.loads(p.stdout)["hookSpecificOutput"]
    return out["permissionDecision"], out.get("permissionDecisionReason", ""), p.stderr


def _audit_rows(env: dict[str, str]) -> list[dict[str, Any]]:
    import sqlite3

    con = sqlite3.connect(env["CLEARANCE_DB"])
    try:
        cols = [r[1] for r in con.execute("PRAGMA table_info(decisions)")]
        return [dict(zip(cols, row, strict=True)) for row in con.execute("SELECT * FROM decisions ORDER BY id")]
    finally:
        con.close()


class TestTheTeamsPolicyLostInAnOutage:
    """ux19's finding: with a team service configured but unreachable and no valid copy of its policy on the machine
    (never fetched, or one that failed its integrity check), the team's deny rules fell away and the built-in rules
    alone decided -- `git push origin main`, `make deploy` allowed -- said on stderr only. A platform team relying
    on its deny rules in unattended CI expects no quiet loosening: by default (CLEARANCE_SERVER_UNAVAILABLE=closed)
    every call the built-in rules do not deny is asked, so denied where nobody watches, with the cause in the reason,
    the audit row (service.team-policy-unavailable) and `clearance doctor`; `=open` keeps deciding locally."""

    ORDINARY: ClassVar[list[str]] = ["git push origin main", "ls -la", "make deploy"]

    @pytest.mark.parametrize("command", ORDINARY)
    def test_no_copy_asks_what_the_built_ins_allow(self, tmp_path: Path, command: str) -> None:
        env = _team_env(tmp_path)
        decision, reason, stderr = _hook(command, env)
        assert decision == "ask", (decision, reason, stderr)
        assert "unreachable" in reason and "no copy of the team's policy" in reason and "CLEARANCE_SERVER_UNAVAILABLE" in reason, reason
        assert "asked" in stderr and "no copy of the team's policy" in stderr, stderr
        rows = _audit_rows(env)
        assert rows and "service.team-policy-unavailable" in rows[-1]["rules"] and "service.unreachable" in rows[-1]["rules"], rows[-1:]

    def test_unattended_it_is_denied(self, tmp_path: Path) -> None:
        decision, reason, _ = _hook("git push origin main", _team_env(tmp_path, CI="true", CLEARANCE_HEADLESS="1"))
        assert decision == "deny" and "team's policy" in reason, (decision, reason)

    def test_a_denial_stays_a_denial(self, tmp_path: Path) -> None:
        decision, reason, _ = _hook("rm -rf ~/", _team_env(tmp_path))
        assert decision == "deny", (decision, reason)

    def test_a_copy_that_fails_its_check_counts_as_none(self, tmp_path: Path) -> None:
        from clearance.remote import cache_path

        env = _team_env(tmp_path)
        Path(cache_path(env)).parent.mkdir(parents=True)
        Path(cache_path(env)).write_text('[rules]\nallow = ["Bash"]\n')  # planted, unsigned
        decision, reason, stderr = _hook("ls", env)
        assert decision == "ask" and "integrity check" in reason and "integrity check" in stderr, (decision, reason, stderr)

    def test_a_verified_copy_decides_as_before(self, tmp_path: Path) -> None:
        from clearance.remote import write_cache

        env = _team_env(tmp_path)
        assert write_cache(env, '[rules]\ndeny = ["Bash(terraform apply:*)"]\n')
        assert _hook("ls -la", env)[0] == "allow"
        assert _hook("terraform apply -auto-approve", env)[0] == "deny"

    def test_open_decides_locally(self, tmp_path: Path) -> None:
        env = _team_env(tmp_path, CLEARANCE_SERVER_UNAVAILABLE="open")
        decision, _, stderr = _hook("ls -la", env)
        assert decision == "allow" and "CLEARANCE_SERVER_UNAVAILABLE=open" in stderr, stderr
        assert _hook("rm -rf ~/", env)[0] == "deny"

    def test_a_typo_never_loosens(self) -> None:
        from clearance.rejected import unavailable_mode

        assert unavailable_mode({"CLEARANCE_SERVER_UNAVAILABLE": "opne"}) == "closed"
        assert unavailable_mode({}) == "closed"
        assert unavailable_mode({"CLEARANCE_SERVER_UNAVAILABLE": " Open "}) == "open"

    def test_doctor_says_so(self, tmp_path: Path) -> None:
        from clearance.installer import service_lines

        ok, lines = service_lines(_team_env(tmp_path))
        text = "\n".join(lines)
        assert not ok and "no copy is cached yet" in text and "asked" in text, text
        ok, lines = service_lines(_team_env(tmp_path, CLEARANCE_SERVER_UNAVAILABLE="open"))
        assert "the team's deny rules do not apply" in "\n".join(lines), lines
