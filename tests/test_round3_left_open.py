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
