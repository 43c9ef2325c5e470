"""Other checkouts of the project's own repository are the user's work (issue 11): a linked worktree, a clone with
the project's remote, a task tool's clone of the project.  Writes there are allowed like writes in the project;
their git internals, deletions of whole trees and every other repository stay as they were.

Whole sessions through the hook (hook.run_answer, in-process) against a real temporary home with an empty state
directory; the repositories are made of their `.git` entries (no git binary is run)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .rounds import hook_decision


def _repo(top: Path, *remotes: str) -> Path:
    git = top / ".git"
    git.mkdir(parents=True)
    conf = "[core]\n\tbare = false\n"
    for i, url in enumerate(remotes):
        conf += f'[remote "{"origin" if i == 0 else f"r{i}"}"]\n\turl = {url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n'
    (git / "config").write_text(conf)
    (git / "HEAD").write_text("ref: refs/heads/main\n")
    (top / "src").mkdir(exist_ok=True)
    (top / "src" / "app.ts").write_text("export {}\n")
    return top


def _worktree(project: Path, top: Path, name: str) -> Path:
    gd = project / ".git" / "worktrees" / name
    gd.mkdir(parents=True)
    (gd / "commondir").write_text("../..\n")
    (gd / "HEAD").write_text(f"ref: refs/heads/{name}\n")
    top.mkdir(parents=True)
    (top / ".git").write_text(f"gitdir: {gd}\n")
    (top / "src").mkdir()
    return top


class Agent:
    def __init__(self, home: Path, project: Path) -> None:
        self.home, self.project = home, project
        self.env = {"HOME": str(home), "CLAUDE_PROJECT_DIR": str(project), "XDG_STATE_HOME": str(home / ".local" / "state")}

    def call(self, tool: str, tool_input: dict[str, Any], cwd: Path | None = None) -> str:
        ev = {"hook_event_name": "PreToolUse", "session_id": "s1", "cwd": str(cwd or self.project), "tool_name": tool, "tool_input": tool_input}
        return hook_decision(ev, self.env, self.home / "audit.db")

    def bash(self, command: str, cwd: Path | None = None) -> str:
        return self.call("Bash", {"command": command}, cwd)

    def write(self, path: Path) -> str:
        return self.call("Write", {"file_path": str(path), "content": "x\n"})


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home" / "ana"


def test_a_linked_worktree_of_the_project(home: Path) -> None:
    project = _repo(home / "dev" / "webapp", "git@github.com:ana/webapp.git")
    wt = _worktree(project, home / "dev" / "webapp-fix-login", "fix-login")
    a = Agent(home, project)
    assert a.write(wt / "src" / "login.ts") == "allow"
    assert a.bash(f"cp src/app.ts {wt}/src/app.ts") == "allow"
    assert a.bash("sed -i 's/a/b/' src/app.ts && echo ok > NOTES.md", cwd=wt) == "allow"
    assert a.write(wt / ".git") != "allow"  # the worktree's link to its git directory: never lowered
    assert a.bash(f"rm -rf {wt}/src") != "allow"  # a whole tree: as before


def test_a_clone_with_the_projects_remote(home: Path) -> None:
    project = _repo(home / "dev" / "webapp", "https://github.com/ana/webapp")
    clone = _repo(home / "review" / "webapp-pr-12", "git@github.com:ana/webapp.git")
    a = Agent(home, project)
    assert a.write(clone / "src" / "fix.ts") == "allow"
    assert a.bash(f"mv {clone}/src/app.ts {clone}/src/app.old.ts") == "allow"  # a rename inside that checkout
    assert a.bash(f"mv {clone}/src/app.ts {home}/Desktop/") == "ask"  # out of it: as before
    assert a.write(clone / ".git" / "hooks" / "pre-commit") == "deny"
    assert a.write(clone / ".claude" / "settings.json") == "deny"


def test_a_task_tools_clone_of_the_project(home: Path) -> None:
    project = _repo(home / "Projects" / "minsky", "https://github.com/ed/minsky.git")
    task = _repo(home / ".local" / "state" / "minsky" / "git" / "task#001", str(home / "Projects" / "minsky"))
    task2 = _repo(home / ".local" / "state" / "minsky" / "git" / "task#002", f"file://{home}/Projects/minsky/.git")
    a = Agent(home, project)
    assert a.bash(f"cd {task} && cp {project}/src/app.ts src/ && echo done > process.md") == "allow"
    assert a.bash("mkdir -p process/tasks/002 && bun run ../cli.ts git pr --path . > process/tasks/002/pr.md", cwd=task2) == "allow"
    assert a.bash("minsky git pr --path .", cwd=task2) == "allow"  # an unknown program given that checkout
    assert a.bash("mv src/app.ts src/app.ts.bak && touch src/app.ts", cwd=task) == "allow"


def test_other_repositories_and_plain_folders_are_still_asked(home: Path) -> None:
    project = _repo(home / "dev" / "webapp", "git@github.com:ana/webapp.git")
    other = _repo(home / "dev" / "billing", "git@github.com:ana/billing.git")
    fork = _repo(home / "dev" / "webapp-fork", "git@github.com:someone/webapp.git")
    local_other = _repo(home / "dev" / "scratch", str(home / "dev" / "billing"))
    (home / "notes").mkdir(parents=True)
    a = Agent(home, project)
    assert a.write(other / "src" / "x.ts") == "ask"
    assert a.write(fork / "src" / "x.ts") == "ask"  # same name, another remote
    assert a.write(local_other / "src" / "x.ts") == "ask"  # a clone of another local repository
    (home / "notes" / "todo.md").write_text("mine\n")  # a file of the user's (a new note is allowed: round 12)
    assert a.write(home / "notes" / "todo.md") == "ask"
    assert a.bash(f"rm {other}/src/app.ts") == "deny"


def test_home_as_a_checkout_is_never_a_sibling(home: Path) -> None:
    # a dotfiles repository whose work tree is home itself, even with the project's remote
    project = _repo(home / "dev" / "webapp", "git@github.com:ana/webapp.git")
    _repo(home, "git@github.com:ana/webapp.git")
    a = Agent(home, project)
    (home / "notes.md").write_text("mine\n")  # a file of the user's (a new note is allowed: round 12)
    assert a.write(home / "notes.md") == "ask"
    assert a.write(home / ".bashrc") == "deny"


def test_without_a_disk_nothing_is_a_sibling() -> None:
    from clearance.api import decide_event_full

    ev = {
        "hook_event_name": "PreToolUse",
        "session_id": "s",
        "cwd": "/home/ana/dev/webapp",
        "tool_name": "Write",
        "tool_input": {"file_path": "/home/ana/dev/webapp-fix/src/a.ts", "content": "x"},
    }
    env = {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/dev/webapp"}
    assert decide_event_full(ev, env, local_files=False)[0].decision == "ask"


def test_git_in_another_checkout_of_the_project(home: Path) -> None:
    project = _repo(home / "dev" / "webapp", "git@github.com:ana/webapp.git")
    wt = _worktree(project, home / "dev" / "webapp-fix", "fix")
    other = _repo(home / "dev" / "billing", "git@github.com:ana/billing.git")
    a = Agent(home, project)
    assert a.bash(f"git -C {wt} commit -am 'fix login'") == "allow"
    assert a.bash(f"git -C {other} commit -am wip") == "ask"  # git.other-repository, as before
