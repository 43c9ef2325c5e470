"""Deleting a project directory, judged by what it would lose (issue 11): provenance_disk.dir_state on a real disk.

Written before the fix, none of these names is in a rule: a directory git has in full is recoverable (ask), a
directory the session's own program made after the session began is its own (allow), one holding work git does not
have keeps the soft denial, and without a disk (the team service, the eval replay) a top-level directory is asked.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from clearance import provenance
from clearance.api import decide_event_full
from clearance.paths import state_dir
from clearance.provenance_disk import WALK_MAX, dir_state

SID = "dir-state-session"


def _git(cwd: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@e")
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    home = tmp_path / "home"
    home.mkdir()
    proj = home / "proj"
    proj.mkdir()
    _git(proj, "init", "-q")
    (proj / "README.md").write_text("x\n")
    for d, names in {"docs": ["index.rst", "conf.py"], "lib": ["a.py", "b.py"], "examples/basic": ["run.sh"]}.items():
        (proj / d).mkdir(parents=True)
        for n in names:
            (proj / d / n).write_text(f"{d}/{n}\n")
    _git(proj, "add", "-A")
    _git(proj, "commit", "-qm", "init")
    env = {"HOME": str(home), "CLAUDE_PROJECT_DIR": str(proj), "PATH": "/usr/bin:/bin"}
    return proj, env


def _start(env: dict[str, str]) -> None:
    provenance.mark_start(state_dir(env["HOME"], env), SID)
    time.sleep(0.02)  # entries made from here on are younger than the session's first call


def _decide(cmd: str, proj: Path, env: dict[str, str], disk: bool = True) -> tuple[str, list[str]]:
    ev = {"hook_event_name": "PreToolUse", "session_id": SID, "tool_name": "Bash", "tool_input": {"command": cmd}, "cwd": str(proj)}
    d = decide_event_full(ev, env, local_files=disk)[0]
    return d.decision, list(d.rules)


def test_a_directory_git_has_in_full_is_asked_not_denied(project: tuple[Path, dict[str, str]]) -> None:
    proj, env = project
    _start(env)
    for cmd in ("rm -rf docs", "rm -rf lib/", "rm -r examples"):
        assert _decide(cmd, proj, env) == ("ask", ["fs.delete-source-subdirectory"]), cmd


def test_uncommitted_work_keeps_the_denial(project: tuple[Path, dict[str, str]]) -> None:
    proj, env = project
    (proj / "lib" / "a.py").write_text("edited, not committed\n")
    (proj / "docs" / "draft.rst").write_text("never added\n")  # untracked, older than the session
    _start(env)
    for cmd in ("rm -rf lib", "rm -rf docs"):
        assert _decide(cmd, proj, env) == ("deny", ["fs.mass-delete-in-project"]), cmd
    assert dir_state(str(proj / "lib"), str(proj), None) == "dirty"


def test_a_folder_the_sessions_program_made_is_its_own(project: tuple[Path, dict[str, str]]) -> None:
    proj, env = project
    _start(env)
    # made by a program the session ran (sphinx-quickstart, a reproduction script), not by a write clearance saw
    subprocess.run(
        ["sh", "-c", "mkdir -p new_docs/_build reproduce_issue/case && echo a > new_docs/conf.py && echo b > reproduce_issue/case/t.py"], cwd=proj, check=True
    )
    for cmd in ("rm -rf new_docs", "rm -rf reproduce_issue", "rm -rf reproduce_issue/case", "rm -rf new_docs reproduce_issue"):
        assert _decide(cmd, proj, env)[0] == "allow", cmd


def test_an_untracked_folder_older_than_the_session_is_not_its_own(project: tuple[Path, dict[str, str]]) -> None:
    proj, env = project
    (proj / "notes").mkdir()
    (proj / "notes" / "ideas.md").write_text("the user's own\n")
    _start(env)
    (proj / "notes" / "new.md").write_text("one file the session added\n")
    assert _decide("rm -rf notes", proj, env) == ("deny", ["fs.mass-delete-in-project"])
    assert _decide("rm -rf notes", proj, env, disk=False) == ("ask", ["fs.delete-source-subdirectory"])


def test_no_session_start_means_nothing_is_the_sessions(project: tuple[Path, dict[str, str]]) -> None:
    proj, env = project
    (proj / "scratch").mkdir()
    (proj / "scratch" / "x").write_text("x")
    assert _decide("rm -rf scratch", proj, env) == ("deny", ["fs.mass-delete-in-project"])


def test_the_project_git_and_links_keep_their_verdict(project: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    proj, env = project
    _start(env)
    assert dir_state(str(proj), str(proj), 0) == "unknown"
    assert dir_state(str(proj / ".git"), str(proj), 0) == "unknown"
    outside = tmp_path / "photos"
    outside.mkdir()
    os.symlink(outside, proj / "pics")
    assert dir_state(str(proj / "pics"), str(proj), 0) == "unknown"
    assert _decide("rm -rf .", proj, env)[0] == "deny"
    assert _decide("rm -rf *", proj, env)[0] == "deny"


def test_too_large_to_look_at_keeps_the_denial(project: tuple[Path, dict[str, str]]) -> None:
    proj, env = project
    _start(env)
    big = proj / "generated_by_session"
    big.mkdir()
    for i in range(WALK_MAX + 5):
        (big / f"f{i}").write_bytes(b"")
    assert dir_state(str(big), str(proj), 0) == "unknown"
    assert _decide("rm -rf generated_by_session", proj, env) == ("deny", ["fs.mass-delete-in-project"])


def test_a_tracked_file_changed_to_the_same_size_is_seen(project: tuple[Path, dict[str, str]]) -> None:
    proj, _env = project
    f = proj / "lib" / "b.py"
    f.write_text("lib/X.py\n")  # same length, other bytes
    assert dir_state(str(proj / "lib"), str(proj), None) == "dirty"
    _git(proj, "checkout", "--", "lib/b.py")
    assert dir_state(str(proj / "lib"), str(proj), None) == "clean"


def test_generated_files_in_a_tracked_folder_do_not_count(project: tuple[Path, dict[str, str]]) -> None:
    proj, _env = project
    (proj / "lib" / "__pycache__").mkdir()
    (proj / "lib" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert dir_state(str(proj / "lib"), str(proj), None) == "clean"


def test_without_a_disk_a_top_level_directory_is_asked(project: tuple[Path, dict[str, str]]) -> None:
    proj, env = project
    for cmd in ("rm -rf reproduce_issue", "rm -rf new_docs", "rm -rf site-copy/"):
        assert _decide(cmd, proj, env, disk=False) == ("ask", ["fs.delete-source-subdirectory"]), cmd
    for cmd in ("rm -rf .", "rm -rf *"):
        assert _decide(cmd, proj, env, disk=False)[0] == "deny", cmd


def test_session_start_is_the_first_call_only(tmp_path: Path) -> None:
    st = str(tmp_path / "state")
    provenance.mark_start(st, "s")
    first = provenance.started(st, "s")
    time.sleep(0.01)
    provenance.mark_start(st, "s")
    assert first is not None and provenance.started(st, "s") == first
    assert provenance.started(st, "other") is None


def test_touching_an_old_folder_does_not_make_it_the_sessions(project: tuple[Path, dict[str, str]]) -> None:
    """Where the file system keeps birth times (statx), changing every entry of a folder older than the session
    (touch, chmod) does not make it new: the status-change time would (the documented gap elsewhere)."""
    from clearance.provenance_disk import _birth_reader

    proj, env = project
    old = proj / "drafts"
    old.mkdir()
    (old / "a.md").write_text("the user's\n")
    birth = _birth_reader()
    if birth is None or birth(str(old / "a.md")) is None:
        pytest.skip("no birth time on this system")
    _start(env)
    for p in (old, old / "a.md"):
        os.utime(p)
        os.chmod(p, 0o755)
    assert _decide("rm -rf drafts", proj, env) == ("deny", ["fs.mass-delete-in-project"])
