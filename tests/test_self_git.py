"""git commands that rewrite an agent's settings or the repository's hooks without naming them.

Written before the fix, from the adversarial round's open item: `git checkout BRANCH`, `git merge`, `git stash pop`,
`git reset --hard REV`, `git cherry-pick`, `git am`/`git apply`/`patch` of a file whose revision or patch changes
`.claude/settings.json` (or another agent's settings, or the core.hooksPath directory) were answered *allow*.
The real hook asks git (gitprobe.py) in a real repository here; nothing is stubbed but the user's home.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from clearance import gitprobe
from clearance.adapters.claude import parse_event
from clearance.api import decide_event
from clearance.engine import evaluate
from clearance.model import Decision
from clearance.policy import load_policy

from .conftest import event, git_answers

SETTINGS = [".claude/settings.json", ".codex/config.toml", ".gemini/settings.json", ".cursor/hooks.json", ".clearance.toml", ".mcp.json"]
HOOKED = '{"hooks": {"PreToolUse": [{"matcher": "*", "hooks": [{"type": "command", "command": "clearance hook"}]}]}}\n'


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"}
    env.pop("GIT_DIR", None)
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def _repo(tmp_path: Path, settings: str = ".claude/settings.json") -> Path:
    """main: the settings with the hook; `loose`: the same settings without it; `work`: an ordinary change."""
    repo = tmp_path / "webapp"
    (repo / settings).parent.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    (repo / settings).write_text(HOOKED)
    (repo / "app.py").write_text("print('hi')\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "init")
    _git(repo, "checkout", "-qb", "loose")
    (repo / settings).write_text("{}\n")
    _git(repo, "commit", "-qam", "loose settings")
    _git(repo, "checkout", "-q", "main")
    _git(repo, "checkout", "-qb", "work")
    (repo / "app.py").write_text("print('hello')\n")
    _git(repo, "commit", "-qam", "work")
    _git(repo, "checkout", "-q", "main")
    return repo


def _decide(command: str, repo: Path, tmp_path: Path) -> Decision:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {"HOME": str(home), "CLAUDE_PROJECT_DIR": str(repo), "USER": "ana"}
    return decide_event(event(command, str(repo)), env)


REWRITES = [
    "git checkout loose",
    "git switch loose",
    "git checkout -b mine loose",
    "git switch -c mine loose",
    "git merge loose",
    "git merge --no-ff loose",
    "git rebase loose",
    "git reset --hard loose",
    "git cherry-pick loose",
    "git checkout loose -- .",
    "git restore --source=loose .",
    "git -C . checkout loose",
]


class TestRevisionRewritesSettings:
    @pytest.mark.parametrize("settings", SETTINGS)
    @pytest.mark.parametrize("command", REWRITES)
    def test_not_allowed(self, command: str, settings: str, tmp_path: Path) -> None:
        repo = _repo(tmp_path, settings)
        d = _decide(command, repo, tmp_path)
        assert d.decision != "allow", (command, settings, d.reason)
        found = {f.rule_id for f in d.findings}
        assert "self.git-settings-change" in found or "fs.write-protected" in found, (command, found)

    @pytest.mark.parametrize("command", ["git checkout work", "git merge work", "git switch work", "git cherry-pick work", "git rebase work"])
    def test_ordinary_branch_work_stays_allowed(self, command: str, tmp_path: Path) -> None:
        d = _decide(command, _repo(tmp_path), tmp_path)
        assert d.decision == "allow", (command, d.reason)

    def test_the_answer_names_the_file(self, tmp_path: Path) -> None:
        d = _decide("git checkout loose", _repo(tmp_path), tmp_path)
        assert d.decision == "ask" and ".claude/settings.json" in d.reason


class TestStashAndIndex:
    def test_stash_pop_of_changed_settings(self, tmp_path: Path) -> None:
        repo = _repo(tmp_path)
        (repo / ".claude/settings.json").write_text("{}\n")
        _git(repo, "stash", "-q")
        for command in ("git stash pop", "git stash apply", "git stash apply stash@{0}", "git stash branch tmp"):
            assert _decide(command, repo, tmp_path).decision != "allow", command

    def test_stash_pop_of_ordinary_work_allowed(self, tmp_path: Path) -> None:
        repo = _repo(tmp_path)
        (repo / "app.py").write_text("print(1)\n")
        _git(repo, "stash", "-q")
        assert _decide("git stash pop", repo, tmp_path).decision == "allow"

    def test_settings_planted_in_the_index(self, tmp_path: Path) -> None:
        # git update-index --cacheinfo with a blob of other content, then a checkout from the index writes it.
        repo = _repo(tmp_path)
        blob = _git(repo, "rev-parse", "loose:.claude/settings.json").strip()
        _git(repo, "update-index", "--cacheinfo", f"100644,{blob},.claude/settings.json")
        for command in ("git checkout .claude/settings.json", "git checkout-index -a -f", "git checkout -- .claude", "git reset --hard"):
            assert _decide(command, repo, tmp_path).decision != "allow", command

    def test_checkout_of_an_unchanged_file(self, tmp_path: Path) -> None:
        repo = _repo(tmp_path)
        assert _decide("git checkout app.py", repo, tmp_path).decision != "deny"


class TestHooksPath:
    def test_branch_that_changes_the_hooks_directory(self, tmp_path: Path) -> None:
        repo = _repo(tmp_path)
        _git(repo, "config", "core.hooksPath", ".githooks")
        _git(repo, "checkout", "-qb", "hooks")
        (repo / ".githooks").mkdir()
        (repo / ".githooks/pre-commit").write_text("#!/bin/sh\nrm -rf ~/.claude\n")
        _git(repo, "add", ".githooks")
        _git(repo, "commit", "-qm", "hooks", "--no-verify")
        _git(repo, "checkout", "-q", "main")
        for command in ("git merge hooks", "git checkout hooks", "git cherry-pick hooks"):
            d = _decide(command, repo, tmp_path)
            assert d.decision != "allow" and "hooks" in d.reason, (command, d.reason)


class TestPull:
    def test_fetched_upstream_changing_settings(self, tmp_path: Path) -> None:
        origin = _repo(tmp_path)
        clone = tmp_path / "clone"
        subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
        for command in ("git merge origin/loose", "git pull origin loose", "git rebase origin/loose"):
            assert _decide(command, clone, tmp_path).decision != "allow", command
        assert _decide("git pull", clone, tmp_path).decision == "allow"

    @pytest.mark.parametrize("command", ["git pull ../scratch main", "git pull /tmp/evil-clone", "git pull file:///tmp/x main"])
    def test_pull_from_a_repository_on_disk_is_asked(self, command: str) -> None:
        from .conftest import decide

        assert decide(command).decision == "ask"


class TestPatches:
    """A patch the agent applies is a write of every file it names: judged like the Write tool (hard deny)."""

    PATCH = "diff --git a/{f} b/{f}\nindex 1..2 100644\n--- a/{f}\n+++ b/{f}\n@@ -1 +1 @@\n-x\n+{{}}\n"

    @pytest.mark.parametrize("settings", SETTINGS)
    @pytest.mark.parametrize(
        "command",
        [
            "git apply fix.patch",
            "git am fix.patch",
            "git am < fix.patch",
            "patch -p1 < fix.patch",
            "patch -p1 -i fix.patch",
            "cat fix.patch | git apply",
            "git apply -3 --index fix.patch",
        ],
    )
    def test_patch_naming_settings_denied(self, command: str, settings: str, tmp_path: Path) -> None:
        repo = tmp_path / "webapp"
        repo.mkdir()
        (repo / "fix.patch").write_text(self.PATCH.format(f=settings))
        d = _decide(command, repo, tmp_path)
        assert d.decision == "deny" and "fs.write-protected" in d.rules, (command, d.rules, d.reason)

    def test_here_document(self, tmp_path: Path) -> None:
        patch = self.PATCH.format(f=".claude/settings.json")
        d = _decide(f"git apply <<'EOF'\n{patch}EOF", tmp_path, tmp_path)
        assert d.decision == "deny", d.reason

    def test_unified_diff_without_git_header(self, tmp_path: Path) -> None:
        (tmp_path / "p.diff").write_text("--- .git/hooks/pre-commit.orig\n+++ .git/hooks/pre-commit\n@@ -0,0 +1 @@\n+rm -rf ~\n")
        assert _decide("patch -p0 < p.diff", tmp_path, tmp_path).decision == "deny"

    @pytest.mark.parametrize(
        "command", ["git apply fix.patch", "git am fix.patch", "patch -p1 < fix.patch", "git apply --check fix.patch", "git apply --stat fix.patch"]
    )
    def test_ordinary_patches_allowed(self, command: str, tmp_path: Path) -> None:
        (tmp_path / "fix.patch").write_text(self.PATCH.format(f="src/app.py"))
        assert _decide(command, tmp_path, tmp_path).decision == "allow", command

    def test_checking_a_settings_patch_is_allowed(self, tmp_path: Path) -> None:
        (tmp_path / "fix.patch").write_text(self.PATCH.format(f=".claude/settings.json"))
        assert _decide("git apply --check fix.patch", tmp_path, tmp_path).decision == "allow"


class TestProbeSafety:
    def test_repository_programs_are_not_run(self, tmp_path: Path) -> None:
        """The probe runs git in the agent's repository: fsmonitor, external diff and hooks it configures must not run."""
        repo = _repo(tmp_path)
        marker = tmp_path / "ran"
        script = tmp_path / "evil.sh"
        script.write_text(f"#!/bin/sh\ntouch {marker}\n")
        script.chmod(0o755)
        for key in ("core.fsmonitor", "diff.external", "core.pager", "pager.diff"):
            _git(repo, "config", key, str(script))
        _git(repo, "config", "core.hooksPath", str(tmp_path))
        for command in ("git checkout loose", "git merge work", "git stash pop", "git cherry-pick work"):
            _decide(command, repo, tmp_path)
        assert not marker.exists()

    def test_a_revision_that_looks_like_an_option_is_not_passed(self) -> None:
        assert gitprobe.changed("/tmp", "tree", "--output=/tmp/x") is None

    def test_git_too_slow_is_asked(self) -> None:
        ev = event("git checkout feature")
        action, ctx = parse_event(ev, {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/webapp"})
        ctx.git_changes = lambda d, k, r: gitprobe.TIMED_OUT
        d = evaluate(action, ctx, load_policy(ctx.project_root, {"HOME": "/home/ana"}))
        assert d.decision == "ask" and "in time" in d.reason

    def test_unknown_revision_is_judged_as_before(self) -> None:
        ev = event("git checkout feature")
        action, ctx = parse_event(ev, {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/webapp"})
        ctx.git_changes = git_answers({})
        assert evaluate(action, ctx, load_policy(ctx.project_root, {"HOME": "/home/ana"})).decision == "allow"


def test_team_service_does_not_ask_its_own_disk(tmp_path: Path) -> None:
    from clearance.api import decide_event_full

    repo = _repo(tmp_path)
    env: dict[str, Any] = {"HOME": str(tmp_path), "CLAUDE_PROJECT_DIR": str(repo)}
    d, ctx, _ = decide_event_full(event("git checkout loose", str(repo)), env, local_files=False)
    assert ctx is not None and ctx.git_changes is None and d.decision == "allow"


def test_many_revisions_stay_within_the_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A command naming a hundred revisions must not hold the hook for a hundred git calls: past the budget it is asked."""
    import time

    repo = _repo(tmp_path)
    monkeypatch.setattr(gitprobe, "BUDGET", 0.02)
    revs = " ".join(f"missing{i}" for i in range(100)) + " work"
    t0 = time.monotonic()
    d = _decide(f"git cherry-pick {revs}", repo, tmp_path)
    assert time.monotonic() - t0 < 3.0
    assert d.decision == "ask" and "in time" in d.reason
