"""What the disk said is remembered for one decision only: a long-lived process (the daemon, serve) deciding many
calls must see a symbolic link or a repository made since its previous decision."""

from __future__ import annotations

import os
from pathlib import Path

from clearance.api import decide_event


def _bash(command: str, project: Path, home: Path) -> str:
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(project), "session_id": "s"}
    return decide_event(ev, {"HOME": str(home), "CLAUDE_PROJECT_DIR": str(project)}).decision


def test_a_link_made_after_an_earlier_decision_is_followed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "photos").mkdir(parents=True)
    project = home / "proj"
    (project / "dist").mkdir(parents=True)
    (project / "dist" / "a.js").write_text("x")
    assert _bash("rm -rf dist/*", project, home) == "allow"  # a build folder of the project
    # between two calls in the same process, the folder becomes a link to the user's home
    for f in (project / "dist").iterdir():
        f.unlink()
    (project / "dist").rmdir()
    os.symlink(home, project / "dist")
    assert _bash("rm -rf dist/*", project, home) != "allow"


def test_a_repository_made_after_an_earlier_decision_is_seen(tmp_path: Path) -> None:
    from clearance.context import build_context, git_toplevel

    outer = tmp_path / "outer"
    sub = outer / "sub"
    sub.mkdir(parents=True)
    (outer / ".git").mkdir()
    build_context(str(sub), {"HOME": str(tmp_path)})
    assert git_toplevel(str(sub)) == str(outer)
    (sub / ".git").mkdir()
    build_context(str(sub), {"HOME": str(tmp_path)})
    assert git_toplevel(str(sub)) == str(sub)
