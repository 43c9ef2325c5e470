"""A symlink inside the project that leads out of it: deletions and writes through it are judged where they land.

Issue 17, item 4 (`ln -s ~ dist && rm -rf dist/*`), for links made before the command: shell/effects.py resolves
the directories of a deleted or written path on the machine the hook runs on. rm and find go through a link only
where their words do (a trailing slash, a glob below it, find -L/-H); removing the link itself is ordinary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.api import decide_event_full


def _setup(tmp_path: Path) -> tuple[dict[str, str], Path]:
    home = tmp_path / "home"
    project = home / "webapp"
    (project / "src").mkdir(parents=True)
    (home / "Documents").mkdir()
    (home / "Documents" / "thesis.tex").write_text("x")
    (project / "dist").symlink_to(home)
    (project / "docs").symlink_to(home / "Documents")
    (project / "build").mkdir()
    env = {"HOME": str(home), "CLAUDE_PROJECT_DIR": str(project), "XDG_STATE_HOME": str(tmp_path / "s"), "XDG_CACHE_HOME": str(tmp_path / "c")}
    return env, project


def _decide(command: str, env: dict[str, str], project: Path, local: bool = True) -> str:
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(project), "session_id": "t"}
    return decide_event_full(ev, env, local_files=local)[0].decision


@pytest.mark.parametrize(
    ("command", "want"),
    [
        ("rm -rf dist/*", "deny"),  # ~/*
        ("rm -rf dist/", "deny"),  # a trailing slash goes through the link: rm empties ~
        ("rm -rf dist/webapp", "deny"),  # the project itself, through the link
        ("find dist/ -delete", "deny"),
        ("find -L dist -delete", "deny"),
        ("rm -rf docs/*", "deny"),  # ~/Documents/*
        ("rm docs/thesis.tex", "deny"),
        ("rm -rf $(echo docs)/*", "deny"),
        ("rm -rf dist", "allow"),  # the link itself
        ("rm docs", "allow"),
        ("find dist -name x -delete", "allow"),  # find does not enter a link given as a starting point
        ("rm -rf build/*", "allow"),
        ("rm -rf build/", "allow"),
    ],
)
def test_deletions_through_links_are_judged_where_they_land(tmp_path: Path, command: str, want: str) -> None:
    env, project = _setup(tmp_path)
    assert _decide(command, env, project) == want, command


def test_without_the_disk_paths_are_judged_as_written(tmp_path: Path) -> None:
    env, project = _setup(tmp_path)
    assert _decide("rm docs/thesis.tex", env, project, local=False) == "allow"
