"""The refusals real users met most in the recorded sessions (eval/score_sessions.py, dev split), by class.

A  an Edit of a document outside the project in a folder of the user's (`repo/../docs/api-spec.md`, 11 of the 34
   fs.write-outside-project asks of the sessions' dev split, with no disk): the call holds the text it replaces, so the
   change can be undone exactly, and a document is read by people, never run.  Still asked or denied: a Write or a
   copy (it may replace what exists), code, a dot-directory on the way (settings other programs read), a bin directory,
   a program's folder of home (~/Library), an agent's instruction file (CLAUDE.md, AGENTS.md: read by every later
   session below it).
   Closed in round 12 for the Write tool (fs._new_file_in_users_folder): a new file where the hook sees on disk that nothing is there
   (any file in a folder that does not exist yet either: `~/claude_sessions/export.py`; a file that is not a program
   in a folder that exists) loses nothing.  Decided here with a disk stand-in (``_disk``); without a disk it stays
   asked.  tests/test_ordinary_round12.py has more cases and the look-alikes.
C  `rm -rf` of a nested source directory (fs.delete-source-subdirectory, 22 bare dev asks of the sessions): with no
   disk nothing says whether git has it (the team service and the eval replay keep asking: what it holds decides the
   harm, and an untracked data folder looks the same).  Where the hook sees the disk and git's index holds every file
   of the directory as it is, `git checkout -- DIR` brings it back: allowed (it was asked with no word of git).  Kept:
   a modified or untracked file in it, an ignored folder (local data or build output: which, cannot be seen), a
   top-level directory (issue 11's calibration), and every case without a disk.
B  a URL whose authority ends in run-time text (`'http://localhost:8000' + p`): p may be `@evil.example/`, which makes
   the rest user-info and evil.example the host, so the host is unknown (trust.url_host kept only `localhost`).  A
   literal `/` after the port closes the authority (`'http://localhost:8000/' + p` stays on localhost).

The cases are our own; nothing here is ever run: every case is decided in-process.
"""

from __future__ import annotations

from typing import Any

import pytest

from clearance.adapters.claude import parse_event
from clearance.engine import evaluate
from clearance.model import Decision
from clearance.policy import load_policy
from clearance.trust import split_url, url_host

from .conftest import ENV, HOME, event
from .strict import check


def _edit(path: str) -> dict[str, Any]:
    return {"tool_name": "Edit", "tool_input": {"file_path": path, "old_string": "old text", "new_string": "new text"}}


def _write(path: str) -> dict[str, Any]:
    return {"tool_name": "Write", "tool_input": {"file_path": path, "content": "text\n"}}


def _no_disk(example: Any) -> Decision:
    """Decided as the team service does: no disk, so whether a path exists is not known."""
    action, ctx = parse_event(event(example), ENV)
    ctx.owns = None
    ctx.read_file = None
    ctx.realpath = None
    ctx.dir_state = None
    ctx.sibling_checkout = None
    return evaluate(action, ctx, load_policy(ctx.project_root, ENV))


def _disk(example: Any, absent: tuple[str, ...]) -> Decision:
    """Decided as the hook does with a disk on which exactly *absent* (and what is below them) does not exist."""
    action, ctx = parse_event(event(example), ENV)
    ctx.owns = lambda k: k.startswith("n\t") and any(k[2:] == a or k[2:].startswith(a + "/") for a in absent)
    return evaluate(action, ctx, load_policy(ctx.project_root, ENV))


# -- A: writes outside the project that lose nothing ---------------------------------------------------------------

EDITS_OF_DOCUMENTS = [
    f"{HOME}/webapp/../docs/api-spec.md",  # the task's documents beside the repository
    f"{HOME}/docs/test-coverage.md",
    f"{HOME}/notes/meeting notes.md",
    f"{HOME}/Projects/wiki/setup.rst",
    f"{HOME}/Documents/journal.org",
]


@pytest.mark.parametrize("path", EDITS_OF_DOCUMENTS)
def test_edit_of_a_document_in_the_users_folders_is_allowed_without_disk(path: str) -> None:
    d = _no_disk(_edit(path))
    assert d.decision == "allow", d.reason


NEW_FILES = [
    (_write(f"{HOME}/claude_sessions/export_session.py"), (f"{HOME}/claude_sessions", f"{HOME}/.git")),  # a new file in a new folder
    (_write(f"{HOME}/w2t86/README.md"), (f"{HOME}/w2t86/README.md",)),  # a new document beside the repository
    ("mkdir -p ~/reports && echo done > ~/reports/run.txt", (f"{HOME}/reports",)),
    ("cp dist/report.html ~/shared-out/report.html", (f"{HOME}/shared-out",)),
    (_write(f"{HOME}/webapp/../CHANGES.txt"), (f"{HOME}/CHANGES.txt",)),
]


NEW_FILE_GAPS: dict[str, str] = {
    # "0" (a program in a folder new right in home, home no work tree) closed by ord19: fs._new_file_in_users_folder
    # "3" (a shell line's new file, `cp … ~/shared-out/report.html`) closed by ord19: provenance.alone_in_call
}


@pytest.mark.parametrize("i", [str(i) for i in range(len(NEW_FILES))])
def test_a_new_file_in_the_users_folders_is_allowed_where_the_disk_shows_it_new(i: str) -> None:
    example, absent = NEW_FILES[int(i)]

    def run() -> None:
        d = _disk(example, absent)
        assert d.decision == "allow", d.reason

    check(i, NEW_FILE_GAPS, run)


STILL_ASKED_WITHOUT_DISK = [
    _write(f"{HOME}/w2t86/README.md"),  # may replace a README that exists
    _write(f"{HOME}/claude_sessions/export_session.py"),
    _edit(f"{HOME}/other-project/src/app.py"),  # code another project runs
    _edit(f"{HOME}/.config/tool/notes.md"),  # inside a dot-directory: settings or state of a program
    _edit(f"{HOME}/.claude/commands/export.md"),  # an agent's command
    _edit(f"{HOME}/CLAUDE.md"),  # instructions every session below home reads
    _edit(f"{HOME}/Work/AGENTS.md"),
    _edit(f"{HOME}/Library/Application Support/App/notes.md"),
    _edit(f"{HOME}/bin/README.md"),
    "cp README.md ~/notes/todo.md",  # overwrites what may exist
    "echo x >> ~/notes/todo.md",
    _edit(f"{HOME}/other-project/requirements.txt"),  # a .txt a program reads: pip installs what it names
    _edit(f"{HOME}/other-project/CMakeLists.txt"),  # a .txt cmake runs
]


@pytest.mark.parametrize("example", STILL_ASKED_WITHOUT_DISK)
def test_writes_that_may_replace_or_steer_stay_asked_without_disk(example: Any) -> None:
    d = _no_disk(example)
    assert d.decision in ("ask", "deny"), d.reason


STILL_ASKED_WITH_DISK = [
    (_write(f"{HOME}/olddir/tool.py"), (f"{HOME}/olddir/tool.py",)),  # a new program in a folder that exists
    (_write(f"{HOME}/notes/todo.md"), ()),  # replaces a document that exists
    ("cp README.md ~/notes/todo.md", ()),
    (_write(f"{HOME}/newdir/CLAUDE.md"), (f"{HOME}/newdir",)),  # an agent's instructions for everything below
    (_write(f"{HOME}/bin/newtool"), (f"{HOME}/bin/newtool",)),  # a program on PATH
    (_write(f"{HOME}/.envrc"), (f"{HOME}/.envrc",)),  # direnv runs it on entering home
    (_write(f"{HOME}/new/.github/workflows/ci.yml"), (f"{HOME}/new",)),
    (_write(f"{HOME}/.claude/commands/export.md"), (f"{HOME}/.claude/commands/export.md",)),
]


@pytest.mark.parametrize(("example", "absent"), STILL_ASKED_WITH_DISK)
def test_writes_that_replace_or_steer_stay_asked_with_disk(example: Any, absent: tuple[str, ...]) -> None:
    d = _disk(example, absent)
    assert d.decision in ("ask", "deny"), d.reason


DENIED_EITHER_WAY = [
    (_write(f"{HOME}/.bashrc"), (f"{HOME}/.bashrc",)),
    (_edit(f"{HOME}/.bashrc"), ()),
    (_write(f"{HOME}/.ssh/authorized_keys"), (f"{HOME}/.ssh/authorized_keys",)),
    (_edit(f"{HOME}/.ssh/config"), ()),
    (_write(f"{HOME}/.config/autostart/x.desktop"), (f"{HOME}/.config/autostart",)),
    (_write(f"{HOME}/.local/bin/git"), (f"{HOME}/.local/bin/git",)),
    (_write(f"{HOME}/Library/LaunchAgents/x.plist"), (f"{HOME}/Library/LaunchAgents/x.plist",)),
    (_write("/etc/cron.d/job"), ("/etc/cron.d/job",)),
]


@pytest.mark.parametrize(("example", "absent"), DENIED_EITHER_WAY)
def test_protected_and_system_files_stay_denied(example: Any, absent: tuple[str, ...]) -> None:
    assert _disk(example, absent).decision == "deny"
    assert _no_disk(example).decision == "deny"


# -- B: run-time text in a URL's authority -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["http://localhost:8000\x00", "https://api.local:443\x00/x", "http://[::1]:8080\x00", "localhost:3000\x00", "http://user@localhost:80\x00"],
)
def test_run_time_text_after_the_port_leaves_the_host_unknown(url: str) -> None:
    assert "\x00" in url_host(url)
    parts = split_url(url)
    assert parts is not None and "\x00" in parts[0]


@pytest.mark.parametrize("url", ["http://localhost:8000/\x00", "http://localhost:8000/api?q=\x00", "http://\x00@localhost:8000/x"])
def test_a_closed_authority_keeps_its_host(url: str) -> None:
    assert url_host(url) == "localhost"
    parts = split_url(url)
    assert parts is not None and parts[0] == "localhost"


UNKNOWN_HOST_CODE = [
    "python3 -c \"import requests,sys; p=sys.argv[1]; requests.get('http://localhost:8000' + p)\" x",
    "node -e \"const B='http://localhost:5000'; const p=process.argv[1]; fetch(B + p)\" x",
    'python3 -c "import requests,os; requests.get(f\'http://localhost:8000{os.environ[\\"P\\"]}\')"',
]
KNOWN_HOST_CODE = [
    "python3 -c \"import requests,sys; p=sys.argv[1]; requests.get('http://localhost:8000/' + p)\" x",
    "node -e \"const B='http://localhost:5000/'; const p=process.argv[1]; fetch(B + p)\" x",
    "node -e \"const B='http://localhost:5000'; fetch(B + '/api/health')\"",
]


@pytest.mark.parametrize("cmd", UNKNOWN_HOST_CODE)
def test_code_reaching_a_host_that_run_time_text_may_change_is_asked(cmd: str) -> None:
    d = _disk(cmd, ())
    assert d.decision == "ask" and "interp.network" in d.rules, d.reason


@pytest.mark.parametrize("cmd", KNOWN_HOST_CODE)
def test_code_reaching_localhost_with_a_closed_authority_is_allowed(cmd: str) -> None:
    d = _disk(cmd, ())
    assert d.decision == "allow", d.reason


# -- C: a nested directory git has in full ----------------------------------------------------------------------------


def _git(cwd: Any, *args: str) -> None:
    import os
    import subprocess

    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@e")
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Any) -> tuple[Any, dict[str, str]]:
    home = tmp_path / "home"
    proj = home / "proj"
    files = {
        "src/app/dashboard/page.tsx": "x\n",
        "src/app/dashboard/layout.tsx": "x\n",
        "apps/backend/src/modules/subscriptions/services/billing.ts": "x\n",
        "tests/Browser/QuickTask/QuickTaskTest.php": "x\n",
        "docs/index.md": "x\n",
        "src/lib/util.py": "x\n",
    }
    for rel, text in files.items():
        (proj / rel).parent.mkdir(parents=True, exist_ok=True)
        (proj / rel).write_text(text)
    (proj / ".gitignore").write_text("data/local/\n")
    _git(proj, "init", "-q")
    _git(proj, "add", "-A")
    _git(proj, "commit", "-qm", "init")
    return proj, {"HOME": str(home), "CLAUDE_PROJECT_DIR": str(proj), "PATH": "/usr/bin:/bin"}


def _rm(cmd: str, proj: Any, env: dict[str, str], disk: bool = True) -> Decision:
    from clearance.api import decide_event_full

    ev = {"hook_event_name": "PreToolUse", "session_id": "refusals-c", "tool_name": "Bash", "tool_input": {"command": cmd}, "cwd": str(proj)}
    return decide_event_full(ev, env, local_files=disk)[0]


@pytest.mark.parametrize(
    "cmd",
    [
        "rm -rf src/app/dashboard",
        "rm -rf apps/backend/src/modules/subscriptions/services",
        "rm -rf tests/Browser/QuickTask",
        "rm -r src/lib/",
    ],
)
def test_a_nested_directory_git_has_in_full_is_allowed_with_a_disk(repo: tuple[Any, dict[str, str]], cmd: str) -> None:
    proj, env = repo
    d = _rm(cmd, proj, env)
    assert d.decision == "allow", d.reason


def test_without_a_disk_the_same_deletion_is_asked(repo: tuple[Any, dict[str, str]]) -> None:
    proj, env = repo
    assert _rm("rm -rf src/app/dashboard", proj, env, disk=False).decision == "ask"


def test_what_git_cannot_give_back_stays_asked_or_denied(repo: tuple[Any, dict[str, str]]) -> None:
    proj, env = repo
    (proj / "src/app/dashboard/page.tsx").write_text("edited, not committed\n")
    (proj / "src/lib/notes.txt").write_text("never added\n")
    (proj / "data/local/run1").mkdir(parents=True)
    (proj / "data/local/run1/results.csv").write_text("1,2\n")
    (proj / "data/raw/2024").mkdir(parents=True)
    (proj / "data/raw/2024/survey.csv").write_text("1,2\n")
    for cmd in ("rm -rf src/app/dashboard", "rm -rf src/lib", "rm -rf data/local/run1", "rm -rf data/raw/2024", "rm -rf docs"):
        assert _rm(cmd, proj, env).decision in ("ask", "deny"), cmd
