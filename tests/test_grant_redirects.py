"""An exact Bash grant names a command's words, not where its redirect writes (agents15, found walking from a denial to
`clearance allow ID`): `clearance allow` of `echo hi > ~/notes.txt` wrote `Bash(echo hi)`, which then allowed
`echo hi > /etc/x` and any other target.  The grant no longer clears what a redirect raises; `clearance allow` and
`explain` say no such rule can be written, and the denial does not offer one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from clearance.api import decide_event


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "proj").mkdir()
    subprocess.run(["git", "init", "-q", str(tmp_path / "proj")], check=True)
    cfg = tmp_path / ".config" / "clearance"
    cfg.mkdir(parents=True)
    grants = ["echo hi", "printf x", "make", "git push --force origin main", "cp README.md /tmp/r.md"]
    cfg.joinpath("config.toml").write_text("".join(f'[[rules.grant]]\nallow = "Bash({g})"\nby = "x"\n' for g in grants))
    # The targets outside the project hold the user's files (a new file where the disk shows nothing is allowed, ord19).
    (tmp_path / "Desktop").mkdir()
    for name in ("notes-outside.txt", "other.txt", "Desktop/x.txt", "build-errors.log"):
        (tmp_path / name).write_text("the user's\n")
    return tmp_path


def _decide(home: Path, cmd: str) -> str:
    ev = {"tool_name": "Bash", "tool_input": {"command": cmd}, "cwd": str(home / "proj"), "session_id": "g", "hook_event_name": "PreToolUse"}
    return decide_event(ev, {"HOME": str(home), "PATH": "/usr/bin:/bin"}).decision


@pytest.mark.parametrize(
    "cmd",
    [
        "echo hi > /etc/motd.d/x",  # a system file
        "echo hi > ~/notes-outside.txt",  # outside the project: still the person's question
        "echo hi >> ~/other.txt",
        "printf x > ~/Desktop/x.txt",
        "make 2> ~/build-errors.log",
        "echo hi &> /var/tmp/../../etc/x",
    ],
)
def test_a_grant_of_the_words_does_not_cover_where_they_write(home: Path, cmd: str) -> None:
    assert _decide(home, cmd) != "allow", cmd


@pytest.mark.parametrize(
    "cmd",
    [
        "echo hi",
        "make",
        "echo hi > out.txt",  # inside the project: nothing to lift
        "echo hi > /dev/null",
        "git push --force origin main",  # what the words raise is still cleared by the exact grant
        "cp README.md /tmp/r.md",
    ],
)
def test_what_the_words_raise_is_still_granted(home: Path, cmd: str) -> None:
    assert _decide(home, cmd) == "allow", cmd


def test_the_denial_offers_no_grant_it_cannot_write(tmp_path: Path) -> None:
    (tmp_path / "proj").mkdir()
    (tmp_path / "notes.txt").write_text("the user's\n")
    ev = {"tool_name": "Bash", "tool_input": {"command": "echo hi > ~/notes.txt"}, "cwd": str(tmp_path / "proj"), "session_id": "g"}
    d = decide_event({**ev, "hook_event_name": "PreToolUse"}, {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert d.decision == "ask" and "clearance allow" not in d.hint
    cp = {**ev, "tool_input": {"command": "cp notes.md ~/notes.txt"}, "hook_event_name": "PreToolUse"}
    assert "clearance allow --last" in decide_event(cp, {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}).hint  # its target is a word
