"""Session provenance beyond files (issue 11): branches, pushed branches, worktrees, containers, compose projects,
test databases, and discarding a file's uncommitted changes when every one of them is the session's own edit.

Every test runs a whole session from an empty state directory through the hook (hook.run_answer with a temporary
HOME and XDG_STATE_HOME; one test spawns `python -m clearance hook`), and runs each call the hook allows for real in
a temporary git repository, the way the agent would: the hook sees the disk as it is before each call.  Containers
and databases are answered by stand-in `docker` and `psql` programs on PATH that keep their state in files, so the
hook's probes (provenance_disk.object_exists) meet the same answers a real daemon gives.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clearance.paths import session_state_dir

from .rounds import hook_decision

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


class Session:
    def __init__(self, home: Path, sid: str = "sess-1") -> None:
        self.home = home
        self.project = home / "webapp"
        self.sid = sid
        self.env = {
            "HOME": str(home),
            "CLAUDE_PROJECT_DIR": str(self.project),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "CLEARANCE_HEADLESS": "0",
        }

    def decide(self, tool: str, tool_input: dict[str, Any], cwd: Path | None = None) -> str:
        ev = {"hook_event_name": "PreToolUse", "session_id": self.sid, "cwd": str(cwd or self.project), "tool_name": tool, "tool_input": tool_input}
        return hook_decision(ev, self.env, self.home / "audit.db")

    def bash(self, command: str, run: bool = True) -> str:
        """Decide the call, and run it when it is allowed (as the agent would); returns the decision."""
        d = self.decide("Bash", {"command": command})
        if d == "allow" and run:
            env = dict(os.environ, HOME=str(self.home), GIT_CONFIG_GLOBAL=str(self.home / ".gitconfig"))
            subprocess.run(["bash", "-c", command], cwd=self.project, env=env, capture_output=True, text=True, timeout=60)
        return d

    def edit(self, path: Path, old: str, new: str) -> str:
        d = self.decide("Edit", {"file_path": str(path), "old_string": old, "new_string": new})
        if d == "allow":
            path.write_text(path.read_text().replace(old, new, 1))
        return d

    def write(self, path: Path, content: str) -> str:
        d = self.decide("Write", {"file_path": str(path), "content": content})
        if d == "allow":
            path.write_text(content)
        return d


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home" / "ana"
    p = h / "webapp"
    (p / "src").mkdir(parents=True)
    (h / ".gitconfig").write_text("[user]\n\tname = Ana\n\temail = ana@example.com\n[init]\n\tdefaultBranch = main\n")
    env = dict(os.environ, HOME=str(h), GIT_CONFIG_GLOBAL=str(h / ".gitconfig"))
    (p / "src" / "app.py").write_text("print(1)\n")
    (p / "README.md").write_text("# app\n")
    _git(p, "init", "-q", env=env)
    _git(p, "add", ".", env=env)
    _git(p, "commit", "-qm", "init", env=env)
    _git(p, "branch", "user-feature", env=env)  # the user's branch, there before the session
    return h


def _branches(project: Path) -> set[str]:
    return set(_git(project, "branch", "--format=%(refname:short)").split())


# -- branches and worktrees ----------------------------------------------------------------------------------------


def test_branches_the_session_made_it_may_delete(home: Path) -> None:
    s = Session(home)
    assert s.bash("git checkout -b feat/login") == "allow"
    assert s.bash("git switch -c spike/cache") == "allow"
    assert s.bash("git branch scratch-1 main") == "allow"
    assert {"feat/login", "spike/cache", "scratch-1"} <= _branches(s.project)
    assert s.bash("git checkout main") == "allow"
    assert s.bash("git branch -D feat/login") == "allow"
    assert s.bash("git branch -D spike/cache scratch-1") == "allow"
    assert _branches(s.project) == {"main", "user-feature"}


def test_branches_that_existed_before_stay_asked_or_denied(home: Path) -> None:
    s = Session(home)
    assert s.bash("git branch -D user-feature") == "ask"
    assert s.bash("git checkout -b user-feature") == "allow"  # fails: it exists; nothing is noted
    assert s.bash("git branch -D user-feature") == "ask"
    assert s.bash("git checkout -b main2") == "allow"
    assert s.bash("git branch -D main") == "deny"  # a name near its own is not its own
    assert s.bash("git branch -D main2 user-feature") == "deny"  # one target not its own: the whole command stays


def test_a_branch_is_known_across_the_repositorys_worktrees(home: Path) -> None:
    s = Session(home)
    wt = home / "webapp-wt"
    assert s.bash(f"git worktree add -b wt-branch {wt}") == "allow"
    assert wt.is_dir()
    assert s.bash("git branch helper") == "allow"
    assert s.bash(f"git -C {wt} branch -D helper") == "allow"  # same repository, another worktree
    (wt / "scratch.txt").write_text("uncommitted\n")
    assert s.bash(f"git worktree remove --force {wt}") == "allow"  # its own worktree
    assert not wt.exists()
    assert s.bash("git branch -D wt-branch") == "allow"


def test_a_worktree_that_existed_is_not_its_own(home: Path) -> None:
    wt = home / "user-wt"
    _git(home / "webapp", "worktree", "add", "-q", str(wt), "user-feature", env=dict(os.environ, HOME=str(home)))
    s = Session(home)
    assert s.bash(f"git worktree remove --force {wt}") == "deny"
    assert s.bash(f"rm -rf {wt}") == "deny"


def test_a_worktree_directory_the_session_added_may_be_removed_with_rm(home: Path) -> None:
    s = Session(home)
    wt = home / "tmp-wt"
    assert s.bash(f"git worktree add {wt} -b tmp") == "allow"
    assert s.bash(f"rm -rf {wt}") == "allow"  # the directory is the session's own, like a mkdir


def test_another_session_does_not_own_the_branch(home: Path) -> None:
    a, b = Session(home, "a"), Session(home, "b")
    assert a.bash("git branch experiment") == "allow"
    assert b.bash("git branch -D experiment") == "ask"
    assert a.bash("git branch -D experiment") == "allow"


def test_a_branch_name_reused_after_the_user_made_it_again(home: Path) -> None:
    # The session made and deleted `tmp`; the user then makes `tmp` again by hand. The record still names it: the
    # branch is the session's by name, which is what git itself keys branches by. What the record never does is
    # claim a branch that existed when the session made it (the test above); this documents the limit.
    s = Session(home)
    assert s.bash("git branch tmp") == "allow"
    assert s.bash("git branch -D tmp") == "allow"
    _git(s.project, "branch", "tmp")
    assert s.bash("git branch -D tmp") == "allow"


# -- pushed branches -----------------------------------------------------------------------------------------------


@pytest.fixture
def with_remote(home: Path) -> Path:
    remote = home / "remote.git"
    env = dict(os.environ, HOME=str(home), GIT_CONFIG_GLOBAL=str(home / ".gitconfig"))
    _git(home, "init", "-q", "--bare", str(remote), env=env)
    p = home / "webapp"
    _git(p, "remote", "add", "origin", str(remote), env=env)
    _git(p, "push", "-q", "origin", "main", "user-feature", env=env)
    _git(p, "fetch", "-q", "origin", env=env)
    (home / ".config" / "clearance").mkdir(parents=True)
    (home / ".config" / "clearance" / "config.toml").write_text(f'[trust]\ngit_remotes = ["{remote}"]\n')
    return remote


def _remote_branches(remote: Path) -> set[str]:
    return set(_git(remote, "branch", "--format=%(refname:short)").split())


def test_a_branch_the_session_pushed_it_may_delete_on_the_remote(home: Path, with_remote: Path) -> None:
    s = Session(home)
    assert s.bash("git checkout -b feat/pushed") == "allow"
    assert s.bash("git push -u origin feat/pushed") == "allow"
    assert "feat/pushed" in _remote_branches(with_remote)
    assert s.bash("git push origin --delete feat/pushed") == "allow"
    assert "feat/pushed" not in _remote_branches(with_remote)
    assert s.bash("git checkout -b feat/head") == "allow"
    assert s.bash("git push -u origin HEAD") == "allow"
    assert s.bash("git push origin :feat/head") == "allow"


def test_remote_branches_not_pushed_by_the_session_stay_asked_or_denied(home: Path, with_remote: Path) -> None:
    s = Session(home)
    assert s.bash("git push origin --delete user-feature") == "ask"
    assert s.bash("git push origin --delete main") == "deny"
    assert s.bash("git checkout -b main-copy") == "allow"
    assert s.bash("git push origin main-copy:main") == "allow"  # an ordinary push to main, not a new branch
    assert s.bash("git push origin --delete main") == "deny"
    # A local branch the session made, named like one the remote already had: pushing it is not creating it there.
    assert s.bash("git branch -D user-feature") == "ask"
    _git(s.project, "branch", "-m", "user-feature", "user-feature-old")
    assert s.bash("git checkout -b user-feature") == "allow"
    assert s.bash("git push origin user-feature") == "allow"  # rejected or not, the remote had it
    assert s.bash("git push origin --delete user-feature") == "ask"
    # Deleting its own and someone else's at once stays denied, and so does a forced delete.
    assert s.bash("git checkout -b mine") == "allow"
    assert s.bash("git push origin mine") == "allow"
    assert s.bash("git push origin --delete mine user-feature-old") == "ask"
    assert s.bash("git push --force origin :mine") == "deny"


# -- discarding uncommitted changes -----------------------------------------------------------------------------------


def test_discarding_the_sessions_own_edit(home: Path) -> None:
    s = Session(home)
    app = s.project / "src" / "app.py"
    assert s.edit(app, "print(1)", "print(2)") == "allow"
    assert s.edit(app, "print(2)", "print(3)") == "allow"
    assert s.bash("git checkout -- src/app.py") == "allow"
    assert app.read_text() == "print(1)\n"
    assert s.write(s.project / "README.md", "# new readme\n") == "allow"
    assert s.bash("git restore README.md") == "allow"
    assert (s.project / "README.md").read_text() == "# app\n"


def test_a_bare_path_is_a_discard_as_git_reads_it(home: Path) -> None:
    """`git checkout FILE` without `--` (issue 11, item 4): git reads a word that is no ref as a path."""
    s = Session(home)
    app = s.project / "src" / "app.py"
    readme = s.project / "README.md"
    assert s.bash("git checkout src/app.py") == "ask"  # nothing of the session's: whatever is uncommitted is the user's
    assert s.edit(app, "print(1)", "print(2)") == "allow"
    assert s.bash("git checkout src/app.py") == "allow"  # only the session's own edit is discarded
    readme.write_text("# app\nthe user's line\n")
    assert s.edit(readme, "# app", "# web") == "allow"
    assert s.bash("git checkout README.md") == "ask"
    assert s.bash("git checkout .gitignore") == "ask"
    assert s.bash("git checkout feat/login") == "allow"  # a branch's shape: switching, not discarding


def test_discarding_keeps_asking_when_any_change_is_not_the_sessions(home: Path) -> None:
    s = Session(home)
    app = s.project / "src" / "app.py"
    readme = s.project / "README.md"
    readme.write_text("# app\nthe user's own line\n")  # uncommitted before the session touched it
    assert s.edit(readme, "# app", "# webapp") == "allow"
    assert s.bash("git checkout -- README.md") == "ask"
    assert s.edit(app, "print(1)", "print(2)") == "allow"
    app.write_text(app.read_text() + "# the user typed this in their editor\n")  # between the session's calls
    assert s.bash("git restore src/app.py") == "ask"
    assert s.edit(app, "print(2)", "print(5)") == "allow"  # found the file changed by someone else: the chain is broken
    assert s.bash("git restore src/app.py") == "ask"


def test_discarding_after_a_shell_edit_or_from_a_revision_asks(home: Path) -> None:
    s = Session(home)
    app = s.project / "src" / "app.py"
    assert s.bash("sed -i 's/1/9/' src/app.py") == "allow"  # what the shell writes is not known to clearance
    assert s.bash("git checkout -- src/app.py") == "ask"
    readme = s.project / "README.md"
    assert s.edit(readme, "# app", "# x") == "allow"
    assert s.bash("git checkout HEAD~0 -- README.md") == "ask"  # from a revision, not the index
    assert s.bash("git restore --source=HEAD README.md") == "ask"
    assert s.bash("git checkout -- .") == "deny"  # everything: git.discard-changes, whatever the session edited
    assert app.read_text() == "print(9)\n"


def test_another_session_cannot_discard_the_first_ones_edit(home: Path) -> None:
    a, b = Session(home, "a"), Session(home, "b")
    app = home / "webapp" / "src" / "app.py"
    assert a.edit(app, "print(1)", "print(2)") == "allow"
    assert b.bash("git checkout -- src/app.py") == "ask"


# -- containers, compose projects, volumes, databases --------------------------------------------------------------

_FAKE_DOCKER = r"""#!/bin/sh
# A stand-in for docker: containers, volumes and compose projects are files under $FAKE_DOCKER_STATE.
S="$FAKE_DOCKER_STATE"
case "$1 $2" in
  "container inspect") [ -e "$S/c/$3" ] && exit 0; echo "Error: No such container: $3" >&2; exit 1;;
  "volume inspect") [ -e "$S/v/$3" ] && exit 0; echo "Error: No such volume: $3" >&2; exit 1;;
  "ps -a") p="${5#label=com.docker.compose.project=}"; [ -e "$S/k/$p" ] && echo abc123; exit 0;;
  "volume ls") p="${5#label=com.docker.compose.project=}"; [ -e "$S/kv/$p" ] && echo "${p}_data"; exit 0;;
esac
exit 0
"""

_FAKE_PSQL = r"""#!/bin/sh
# A stand-in for psql -lqtA: one database a line in $FAKE_PG_STATE.
cat "$FAKE_PG_STATE" 2>/dev/null | sed 's/$/|ana|UTF8|libc|C|C|||/'
"""


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bindir = tmp_path / "fakebin"
    bindir.mkdir()
    for name, text in (("docker", _FAKE_DOCKER), ("psql", _FAKE_PSQL)):
        f = bindir / name
        f.write_text(text)
        f.chmod(f.stat().st_mode | stat.S_IXUSR)
    state = tmp_path / "docker-state"
    for d in ("c", "v", "k", "kv"):
        (state / d).mkdir(parents=True)
    monkeypatch.setenv("PATH", f"{bindir}:{os.environ.get('PATH', '')}")
    monkeypatch.setenv("FAKE_DOCKER_STATE", str(state))
    monkeypatch.setenv("FAKE_PG_STATE", str(tmp_path / "pg-databases"))
    (tmp_path / "pg-databases").write_text("postgres\nappdb\n")
    return state


def test_a_compose_project_and_containers_the_session_started(home: Path, fakes: Path) -> None:
    s = Session(home)
    assert s.bash("docker compose -p itest up -d", run=False) == "allow"
    assert s.bash("docker compose -p itest down -v", run=False) == "allow"
    assert s.bash("docker run -d --name pg-test -v pgtest-data:/var/lib/postgresql/data postgres:16", run=False) == "allow"
    assert s.bash("docker rm -fv pg-test", run=False) == "allow"
    assert s.bash("docker volume rm pgtest-data", run=False) == "allow"
    assert s.bash("docker volume create scratch-vol", run=False) == "allow"
    assert s.bash("docker volume rm scratch-vol", run=False) == "allow"
    # The project named by its directory, as compose names it.
    assert s.bash("docker compose up -d", run=False) == "allow"
    assert s.bash("docker compose down -v", run=False) == "allow"


def test_containers_and_projects_that_existed_stay_denied(home: Path, fakes: Path) -> None:
    (fakes / "kv" / "shop").touch()  # the user's project: down earlier, its volume with data kept
    (fakes / "v" / "userdata").touch()
    (fakes / "c" / "devdb").touch()
    s = Session(home)
    assert s.bash("docker compose -p shop up -d", run=False) == "allow"
    assert s.bash("docker compose -p shop down -v", run=False) == "deny"
    assert s.bash("docker run -d --name devdb -v userdata:/data postgres", run=False) == "allow"  # fails: name in use
    assert s.bash("docker rm -v devdb", run=False) == "deny"
    assert s.bash("docker volume rm userdata", run=False) == "deny"
    assert s.bash("docker volume prune -f", run=False) == "deny"  # everything: never the session's
    assert s.bash("DOCKER_HOST=ssh://prod docker compose -p itest2 up -d", run=False) == "allow"
    assert s.bash("DOCKER_HOST=ssh://prod docker compose -p itest2 down -v", run=False) == "deny"  # not probed


def test_no_answer_from_docker_means_not_its_own(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    s = Session(home)
    assert s.bash("docker compose -p itest up -d", run=False) == "allow"
    assert s.bash("docker compose -p itest down -v", run=False) == "deny"


def test_a_test_database_the_session_created(home: Path, fakes: Path) -> None:
    s = Session(home)
    assert s.bash("createdb app_test", run=False) == "allow"
    assert s.bash("dropdb app_test", run=False) == "allow"
    assert s.bash("createdb appdb", run=False) == "allow"  # exists: createdb fails, nothing noted
    assert s.bash("dropdb appdb", run=False) == "deny"
    assert s.bash("createdb -h localhost app_it", run=False) == "allow"
    assert s.bash("PGHOST=prod.example.com dropdb app_it", run=False) == "deny"  # another server's database
    assert s.bash("dropdb -h localhost app_it", run=False) == "allow"


# -- the real entry point ------------------------------------------------------------------------------------------


def test_through_the_clearance_hook_process(home: Path) -> None:
    s = Session(home)
    src = Path(__file__).resolve().parents[1] / "src"
    env = dict(os.environ, **s.env, PYTHONPATH=str(src), CLEARANCE_NO_DAEMON="1")
    env.pop("CLEARANCE_DB", None)

    def hook(command: str) -> str:
        ev = {"hook_event_name": "PreToolUse", "session_id": "proc", "cwd": str(s.project), "tool_name": "Bash", "tool_input": {"command": command}}
        p = subprocess.run([sys.executable, "-m", "clearance", "hook"], input=json.dumps(ev), capture_output=True, text=True, env=env, timeout=60)
        out = json.loads(p.stdout) if p.stdout.strip() else {}
        d = str(out.get("hookSpecificOutput", {}).get("permissionDecision", "allow"))
        if d == "allow":
            subprocess.run(["bash", "-c", command], cwd=s.project, env=dict(os.environ, HOME=str(home)), capture_output=True, timeout=60)
        return d

    assert hook("git checkout -b proc-branch && mkdir -p build/fixtures") == "allow"
    assert hook("git checkout main && git branch -D proc-branch") == "allow"
    assert hook("git branch -D user-feature") == "ask"
    assert (home / ".local" / "state" / "clearance" / "provenance").is_dir()


# -- adversarial round: claiming what is not the session's ----------------------------------------------------------


def test_a_symlink_in_its_own_directory_does_not_make_the_target_its_own(home: Path) -> None:
    photos = home / "photos"
    photos.mkdir()
    (photos / "a.jpg").write_text("jpeg")
    s = Session(home)
    scratch = home / "scratch"
    assert s.bash(f"mkdir {scratch}") == "allow"
    assert s.bash(f"ln -s {photos} {scratch}/p") in ("allow", "ask")
    (scratch / "p").is_symlink() or (scratch / "p").symlink_to(photos)
    assert s.bash(f"rm -rf {scratch}/p/") == "deny"
    assert s.bash(f"rm -rf {scratch}/p/a.jpg") == "deny"
    assert s.bash(f"rm -rf {scratch}/../photos") == "deny"
    # Its own directory replaced by a link: what the link reaches is still not its own.
    other = home / "scratch2"
    assert s.bash(f"mkdir {other}") == "allow"
    other.rmdir()
    other.symlink_to(photos)
    assert s.bash(f"rm -rf {other}/a.jpg") == "deny"
    assert s.bash(f"rm -rf {other}/") == "deny"
    assert (photos / "a.jpg").exists()


def test_pushing_under_another_name_is_not_creating_a_remote_branch(home: Path, with_remote: Path) -> None:
    s = Session(home)
    assert s.bash("git checkout -b local-tmp") == "allow"
    # A branch the remote has but this clone never fetched: pushed under that name, it is updated, not created.
    env = dict(os.environ, HOME=str(home), GIT_CONFIG_GLOBAL=str(home / ".gitconfig"))
    _git(s.project, "push", "-q", str(with_remote), "main:colleague-work", env=env)
    assert s.bash("git push origin local-tmp:colleague-work") == "allow"
    assert s.bash("git push origin --delete colleague-work") == "ask"
    assert "colleague-work" in _remote_branches(with_remote)


def test_objects_named_only_at_run_time_or_through_other_options(home: Path) -> None:
    s = Session(home)
    assert s.bash("git branch own-1") == "allow"
    assert s.bash('git branch -D "$(git branch --show-current)"') == "deny"  # which branch: only known at run time
    assert s.bash("git branch -D -r origin/own-1") == "deny"  # remote-tracking refs are not the session's branches
    assert s.bash("git branch -D own-1") == "allow"


def test_a_worktree_onto_an_existing_directory_claims_nothing(home: Path) -> None:
    d = home / "existing"
    d.mkdir()
    (d / "keep.txt").write_text("keep\n")
    s = Session(home)
    assert s.bash(f"git worktree add {d} -b wt-e") == "allow"  # git refuses: the directory is not empty
    assert s.bash(f"rm -rf {d}") == "deny"
    assert (d / "keep.txt").exists()


def test_the_record_cannot_be_written_through_the_agents_tools(home: Path) -> None:
    s = Session(home)
    assert s.bash("git branch mine") == "allow"
    rec = next((Path(session_state_dir(str(home), {**s.env, "CLEARANCE_DB": str(home / "audit.db")})) / "provenance").iterdir())
    assert s.bash(f"printf 'b\\t{home}/webapp/.git\\tuser-feature\\n' >> {rec}") == "deny"
    assert s.write(rec, f"b\t{home}/webapp/.git\tuser-feature\n") == "deny"
    assert s.bash("git branch -D user-feature") == "ask"


def test_one_file_not_the_sessions_keeps_the_whole_discard_asked(home: Path) -> None:
    s = Session(home)
    app = s.project / "src" / "app.py"
    assert s.edit(app, "print(1)", "print(2)") == "allow"
    (s.project / "README.md").write_text("# app\nthe user's line\n")
    assert s.bash("git checkout -- src/app.py README.md") == "ask"
    assert s.bash("git checkout -- src/") == "ask"  # a directory: every file in it, not only the session's
    assert s.bash("git restore --staged --worktree src/app.py") == "ask"  # the index too: staged work is lost
    assert s.bash("git restore --worktree src/app.py") == "allow"


def test_a_branch_of_the_same_name_in_another_repository_is_not_its_own(home: Path) -> None:
    other = home / "other-repo"
    other.mkdir()
    env = dict(os.environ, HOME=str(home), GIT_CONFIG_GLOBAL=str(home / ".gitconfig"))
    _git(other, "init", "-q", env=env)
    (other / "f").write_text("x\n")
    _git(other, "add", ".", env=env)
    _git(other, "commit", "-qm", "i", env=env)
    _git(other, "branch", "shared-name", env=env)
    s = Session(home)
    assert s.bash("git branch shared-name") == "allow"
    assert s.bash(f"git -C {other} branch -D shared-name") in ("ask", "deny")
    assert "shared-name" in set(_git(other, "branch", "--format=%(refname:short)").split())
    assert s.bash("git branch -D shared-name") == "allow"
