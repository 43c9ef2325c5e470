"""Session provenance (issue 11, item 2): what a session created itself it may change and remove again.

Whole sessions run through the hook (hook.run_answer, in-process) against a real temporary home that starts with
an empty state directory: every call is decided, recorded, and what an allowed call creates is noted before it
runs (the directory it names does not exist yet on disk, just as when the agent runs it, since nothing here runs
the calls: the tests create on disk what the call would have created).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from clearance.hook import Options, run_answer
from clearance.paths import session_state_dir
from clearance.provenance import Provenance, creations, parse


class Session:
    def __init__(self, home: Path, sid: str = "sess-1") -> None:
        self.home = home
        self.project = home / "webapp"
        self.sid = sid
        self.env = {"HOME": str(home), "CLAUDE_PROJECT_DIR": str(self.project), "XDG_STATE_HOME": str(home / ".local" / "state")}

    def call(self, tool: str, tool_input: dict[str, Any]) -> str:
        ev = {"hook_event_name": "PreToolUse", "session_id": self.sid, "cwd": str(self.project), "tool_name": tool, "tool_input": tool_input}
        opts = Options(["--db", str(self.home / "audit.db")])
        ans = run_answer(json.dumps(ev).encode(), opts, self.env)
        out = ans.stdout or {}
        spec = out.get("hookSpecificOutput", {}) if isinstance(out, dict) else {}
        return str(spec.get("permissionDecision", "allow")) if isinstance(spec, dict) else "allow"

    def bash(self, command: str) -> str:
        return self.call("Bash", {"command": command})

    def write(self, path: Path, content: str = "x\n") -> str:
        return self.call("Write", {"file_path": str(path), "content": content})


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home" / "ana"
    (h / "webapp" / "src").mkdir(parents=True)
    (h / "webapp" / "src" / "app.py").write_text("print(1)\n")
    (h / "webapp" / ".git").mkdir()
    return h


def test_a_directory_the_session_made_is_its_own(home: Path) -> None:
    s = Session(home)
    tools = home / "claude_sessions"
    assert s.bash(f"mkdir -p {tools}") == "allow"
    tools.mkdir()  # the call ran
    assert s.write(tools / "export.py", "print('export')\n") == "allow"  # outside the project, but in its own directory
    (tools / "export.py").write_text("print('export')\n")
    assert s.bash(f"chmod +x {tools}/export.py") == "allow"
    assert s.bash(f"cp src/app.py {tools}/export.py") == "allow"
    assert s.bash(f"rm -rf {tools}") == "allow"  # a deletion outside the project, of what the session made


def test_what_existed_before_is_never_the_sessions(home: Path) -> None:
    notes = home / "notes"
    notes.mkdir()
    (notes / "todo.md").write_text("keep\n")
    s = Session(home)
    assert s.bash(f"mkdir -p {notes}") == "allow"  # exists: not noted
    assert s.write(notes / "todo.md") == "ask"  # over a file of the user's (a new one there is allowed: round 12)
    assert s.bash(f"rm -rf {notes}") == "deny"


def test_other_sessions_do_not_share_it(home: Path) -> None:
    a, b = Session(home, "sess-a"), Session(home, "sess-b")
    d = home / "scratch"
    assert a.bash(f"mkdir {d}") == "allow"
    d.mkdir()
    assert b.bash(f"rm -rf {d}") == "deny"
    assert a.bash(f"rm -rf {d}") == "allow"


def test_in_project_fixture_the_session_made(home: Path) -> None:
    s = Session(home)
    assert s.bash("mkdir fixtures_tmp") == "allow"
    (home / "webapp" / "fixtures_tmp").mkdir()
    assert s.write(home / "webapp" / "fixtures_tmp" / "a.json", "{}") == "allow"
    assert s.bash("rm -rf fixtures_tmp") == "allow"  # fs.mass-delete-in-project, lowered for its own directory
    assert s.bash("rm -rf src") == "deny"  # the project's own sources stay denied


def test_hard_denials_are_never_lowered(home: Path) -> None:
    s = Session(home)
    d = home / "work2"
    assert s.bash(f"mkdir -p {d}") == "allow"
    d.mkdir()
    assert s.write(d / ".git" / "hooks" / "pre-commit", "#!/bin/sh\nexit 0\n") == "deny"
    assert s.write(d / ".bashrc", "alias ls=rm\n") == "allow"  # an ordinary file in its own directory
    assert s.write(home / ".bashrc", "alias ls=rm\n") == "deny"  # home's start-up file: never its own


def test_a_program_on_path_is_never_just_its_own(home: Path) -> None:
    s = Session(home)
    bindir = home / ".local" / "bin"
    assert s.bash(f"mkdir -p {bindir}") == "allow"  # absent until now: the session made it
    bindir.mkdir(parents=True)
    assert s.write(bindir / "newtool", "#!/bin/sh\necho hi\n") == "ask"  # on PATH: every later task may run it
    (home / "scratch-notes.md").write_text("mine\n")
    assert s.write(home / "scratch-notes.md") == "ask"  # over a file of the user's


def test_denied_or_asked_calls_note_nothing(home: Path) -> None:
    s = Session(home)
    target = home / "Desktop" / "status.sh"
    target.parent.mkdir()
    assert s.write(target) == "ask"  # a program in a folder of the user's: nothing noted even if the user then approves
    target.write_text("x\n")
    assert s.bash(f"rm {target}") == "deny"


def test_the_record_is_clearance_owned(home: Path) -> None:
    s = Session(home)
    assert s.bash(f"mkdir {home}/x1") == "allow"
    # The records follow the audit store the hook is given (--db): paths.session_state_dir.
    rec = Path(session_state_dir(str(home), {**s.env, "CLEARANCE_DB": str(home / "audit.db")})) / "provenance"
    assert rec.is_relative_to(home / ".local" / "state" / "clearance")
    files = list(rec.iterdir())
    lines = files[0].read_text().splitlines() if len(files) == 1 else []
    assert lines[0].startswith("s\t") and lines[1:] == [f"d\t{home}/x1"]  # the session's first call, then what it made
    assert s.bash(f"echo 'd\t/' >> {files[0]}") == "deny"  # the agent cannot add to it
    assert os.stat(rec).st_mode & 0o077 == 0


def test_pure_parts() -> None:
    p = parse("d\t/home/a/t\nf\t/home/a/n.md\nbogus\n")
    assert p.owns("/home/a/t") and p.owns("/home/a/t/x/y") and p.owns("/home/a/n.md")
    assert not p.owns("/home/a") and not p.owns("/home/a/tt") and not p.owns("/home/a/t*") and not p.owns("relative")
    assert not Provenance().owns("/x")
    assert creations([]) == []
