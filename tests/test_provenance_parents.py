"""`mkdir -p` makes every missing directory above its target (issue 11: nested fixtures deleted by name were asked).

Whole sessions through the hook from an empty state directory (test_provenance.Session): the directories `mkdir -p`
would create are noted when they do not exist yet, outermost first; one that existed stays the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.model import Context
from clearance.provenance import _makes_parents, _parent_candidates
from clearance.shell.parse import parse

from .test_provenance import Session


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home" / "ana"
    (h / "webapp" / "src").mkdir(parents=True)
    (h / "webapp" / "src" / "app.py").write_text("print(1)\n")
    (h / "webapp" / ".git").mkdir()
    return h


def test_the_outer_directory_mkdir_p_made_is_the_sessions(home: Path) -> None:
    s = Session(home)
    assert s.bash("mkdir -p repro/real_dir repro/test_root") == "allow"
    (home / "webapp" / "repro" / "real_dir").mkdir(parents=True)
    (home / "webapp" / "repro" / "test_root").mkdir()
    assert s.bash("mkdir -p repro/ignored_dir/build") == "allow"
    (home / "webapp" / "repro" / "ignored_dir" / "build").mkdir(parents=True)
    assert s.bash("rm -rf repro/ignored_dir repro/real_dir") == "allow"  # made by `mkdir -p` as parents
    assert s.bash("rm -rf repro") == "allow"
    assert s.bash("rm -rf src") == "deny"  # the project's own sources stay as they were


def test_outside_the_project_in_home(home: Path) -> None:
    s = Session(home)
    assert s.bash(f"mkdir -pv {home}/exports/2025/july") == "allow"
    (home / "exports" / "2025" / "july").mkdir(parents=True)
    assert s.write(home / "exports" / "README.md") == "allow"  # in a directory the session made
    assert s.bash(f"rm -rf {home}/exports") == "allow"
    (home / "Desktop").mkdir()
    assert s.write(home / "Desktop" / "status.sh") == "ask"  # home itself never becomes the session's


def test_a_parent_that_existed_stays_the_users(home: Path) -> None:
    notes = home / "notes"
    notes.mkdir()
    (notes / "todo.md").write_text("keep\n")
    s = Session(home)
    assert s.bash(f"mkdir --parents {notes}/2025/drafts") == "allow"
    (notes / "2025" / "drafts").mkdir(parents=True)
    assert s.write(notes / "2025" / "a.md") == "allow"  # 2025 did not exist: made by this call
    assert s.write(notes / "todo.md") == "ask"  # notes existed (a new file there is allowed since round 12)
    assert s.bash(f"rm -rf {notes}") == "deny"


def test_without_p_no_parent_is_made(home: Path) -> None:
    s = Session(home)
    (home / "work").mkdir()
    assert s.bash(f"mkdir {home}/work/out") == "allow"
    (home / "work" / "out").mkdir()
    assert s.write(home / "work" / "out" / "r.txt") == "allow"
    (home / "work" / "r.txt").write_text("mine\n")
    assert s.write(home / "work" / "r.txt") == "ask"


CTX = Context(cwd="/home/ana/webapp", project_root="/home/ana/webapp", home="/home/ana")


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/home/ana/webapp/a/b/c", ["/home/ana/webapp/a", "/home/ana/webapp/a/b"]),
        ("/home/ana/x/y", ["/home/ana/x"]),
        ("/home/ana/x", []),  # home is an anchor
        ("/tmp/job/out", ["/tmp/job"]),  # the temp directory is one
        ("/var/tmp/a/b", ["/var/tmp/a"]),
        ("/opt/tool/lib", ["/opt/tool"]),  # a system directory is, whatever is below it
        ("/srv/data/x", ["/srv/data"]),
    ],
)
def test_the_parents_considered_stop_at_anchors(path: str, expected: list[str]) -> None:
    assert _parent_candidates(path, CTX) == expected


@pytest.mark.parametrize(
    "command, expected",
    [
        ("mkdir -p a/b", True),
        ("mkdir -vp a/b", True),
        ("mkdir --parents a/b", True),
        ("mkdir -pm 700 a/b", True),
        ("mkdir -m 755 a/b", False),
        ("mkdir -m755 a", False),
        ("mkdir a/b", False),
        ("mkdir -- -p", False),
    ],
)
def test_which_mkdir_makes_parents(command: str, expected: bool) -> None:
    cmd = parse(command, cwd="/home/ana/webapp", home="/home/ana").commands[0]
    assert _makes_parents(cmd) is expected


# -- a directory an earlier step of the same command line makes -------------------------------------------------------
# `mkdir -p ~/x && cd ~/x && echo … > f`: the write is into a directory the line itself makes (absent when the hook
# decides), so it creates a file in the session's own directory, like one made by an earlier call.


@pytest.mark.parametrize(
    "command",
    [
        "mkdir -p {h}/tmp-test && cd {h}/tmp-test && echo hi > notes.txt",
        "mkdir -p {h}/claude_sessions && cp src/app.py {h}/claude_sessions/export.py",
        "mkdir {h}/out && printf 'a\\n' > {h}/out/a.txt && echo done",
        "cd {h} && mkdir -p reports/2025 && cd reports/2025 && echo x > r.md",
        "mkdir -pv {h}/exports/q3 && ls && python3 -m tool > {h}/exports/q3/dump.json",
    ],
)
def test_a_write_into_what_the_same_line_makes(home: Path, command: str) -> None:
    assert Session(home).bash(command.format(h=home)) == "allow"


@pytest.mark.parametrize(
    "command, expected",
    [
        ("mkdir -p {h}/notes && echo x > {h}/notes/todo.md", "ask"),  # notes existed: the user's
        # the write comes first (it fails: no folder yet): allowed since ord19, every command of the line being inert
        # (provenance.alone_in_call); with a command that may make links, it is asked
        ("echo x > {h}/new/f.txt && mkdir -p {h}/new", "allow"),
        ("echo x > {h}/new/f.txt && cp -rs {h}/notes {h}/new", "ask"),
        ("mkdir -p {h}/x && ln -s {h}/notes/todo.md {h}/x/f && echo x >> {h}/x/f", "ask"),  # a link may be made between
        ("mkdir -p {h}/x && tar xf a.tar -C {h}/x && echo x > {h}/x/f", "ask"),
        ("mkdir -p {h}/x && bash -c 'ln -s ../notes/todo.md {h}/x/f' && echo x >> {h}/x/f", "ask"),
        ("mkdir -p {h}/x && echo a > {h}/x/f && ln -sf {h}/notes/todo.md {h}/x/f && cat src/app.py >> {h}/x/f", "ask"),
        ("mkdir -p {h}/.local/bin && cp tool {h}/.local/bin/git", "deny"),  # a program on PATH: never the session's alone
        ("mkdir -p {h}/y && echo x > {h}/y/../notes/todo.md", "ask"),
    ],
)
def test_what_the_same_line_does_not_make_its_own(home: Path, command: str, expected: str) -> None:
    (home / "notes").mkdir()
    (home / "notes" / "todo.md").write_text("keep\n")
    assert Session(home).bash(command.format(h=home)) == expected


def test_without_a_record_the_line_is_judged_as_before() -> None:
    from clearance.api import decide_event_full

    ev = {"hook_event_name": "PreToolUse", "session_id": "s", "cwd": "/home/ana/webapp", "tool_name": "Bash"}
    ev["tool_input"] = {"command": "mkdir -p ~/tmp-test && cd ~/tmp-test && echo hi > f"}
    d = decide_event_full(ev, {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/webapp"}, local_files=False)[0]
    assert d.decision == "ask"  # the team service: whether ~/tmp-test existed cannot be seen


# -- the directories a file tool makes for its file ---------------------------------------------------------------------
# The Write tool (and apply_patch's added files) makes every missing directory above the file, like `mkdir -p`: a
# verification test written into a new `tests/Browser/QuickTask/` and then removed with `rm -rf tests/Browser/QuickTask`
# deletes only what the session made (issue 11, third pass).  A directory that existed stays the user's.


def test_a_directory_the_write_tool_made_is_the_sessions(home: Path) -> None:
    s = Session(home)
    f = home / "webapp" / "tests" / "Browser" / "QuickTask" / "QuickTaskTest.php"
    assert s.write(f) == "allow"
    f.parent.mkdir(parents=True)
    f.write_text("x\n")
    assert s.bash("rm -rf tests/Browser/QuickTask") == "allow"
    assert s.bash("rm -rf tests") == "allow"  # tests/ did not exist either: the Write made it


@pytest.mark.parametrize(
    "rel, removed",
    [
        ("e2e/tmp-verify/check.spec.ts", "e2e/tmp-verify"),
        ("scripts/repro/issue_41/run.py", "scripts/repro"),
        ("docs/drafts/2025/notes.md", "docs/drafts"),
    ],
)
def test_nested_new_directories_of_a_write(home: Path, rel: str, removed: str) -> None:
    s = Session(home)
    f = home / "webapp" / rel
    assert s.write(f) == "allow"
    f.parent.mkdir(parents=True)
    f.write_text("x\n")
    assert s.bash(f"rm -rf {removed}") == "allow"


def test_a_directory_that_existed_before_the_write_stays_the_users(home: Path) -> None:
    lib = home / "webapp" / "src" / "lib"
    lib.mkdir()
    (lib / "util.py").write_text("keep\n")
    s = Session(home)
    f = lib / "gen" / "out.py"
    assert s.write(f) == "allow"
    f.parent.mkdir()
    f.write_text("x\n")
    assert s.bash("rm -rf src/lib/gen") == "allow"  # made by the Write
    assert s.bash("rm -rf src/lib") != "allow"  # existed, holds the user's file
    assert s.bash("rm -rf src") != "allow"


def test_an_edit_makes_no_directory(home: Path) -> None:
    s = Session(home)
    d = home / "webapp" / "pkg"
    assert s.call("Edit", {"file_path": str(d / "m.py"), "old_string": "a", "new_string": "b"}) == "allow"
    d.mkdir()
    (d / "m.py").write_text("b\n")
    assert s.bash("rm -rf pkg") != "allow"  # Edit changes a file that exists; it makes no directory


def test_the_replay_takes_a_directory_with_something_seen_below_it_to_have_existed() -> None:
    # eval/score_sessions.py has no disk: a Read of tests/Browser/Dashboard/x.php shows tests/Browser existed, so a
    # Write of tests/Browser/New/y.php makes only tests/Browser/New (and `rm -rf tests/Browser` stays asked)
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("score_sessions", Path(__file__).resolve().parents[1] / "eval" / "score_sessions.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score_sessions"] = mod
    spec.loader.exec_module(mod)
    r = mod.Replay()
    env = {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/webapp"}

    def call(tool: str, ti: dict[str, object]) -> str:
        ev = {"hook_event_name": "PreToolUse", "session_id": "s", "cwd": "/home/ana/webapp", "tool_name": tool, "tool_input": ti}
        return str(r.decide(ev, env).decision)

    assert call("Read", {"file_path": "/home/ana/webapp/tests/Browser/Dashboard/x.php"}) == "allow"
    assert call("Write", {"file_path": "/home/ana/webapp/tests/Browser/New/y.php", "content": "<?php\n"}) == "allow"
    assert r.dirs == {"/home/ana/webapp/tests/Browser/New"}
    assert call("Bash", {"command": "rm -rf tests/Browser/New"}) == "allow"
    assert call("Bash", {"command": "rm -rf tests/Browser"}) != "allow"
