"""What a git command would change in the work tree, asked of git itself (the I/O edge).

`git checkout BRANCH`, `git merge REV`, `git reset --hard REV`, `git stash pop`, `git cherry-pick REV`
rewrite whatever files differ between the work tree and another revision, and the command line does
not name them: a branch whose `.claude/settings.json` or `.git`-hooks directory differs changes the
agent's settings without a write the engine can see.  Where the hook runs on the developer's machine it
asks git which paths would change; the engine (rules/self.py, self.git-settings-change) judges them.

Only the hook builds this (context.build_context, as `Context.git_changes`); the team service and the
tests without a repository get None and judge the command as written.  It runs only for the git verbs
that rewrite the tree, with a time limit, and with every repository setting that could run a program
(fsmonitor, external diff, textconv, hooks) switched off: the hook must never run the agent's code.
"""

from __future__ import annotations

import os

from .context import git_toplevel

# Seconds one git query may take; past it the answer is "unknown" (context: UNKNOWN below).
TIMEOUT = 2.0
# The kinds of question (kind, rev):
#   tree    paths where the work tree differs from REV (checkout/switch/reset --hard)
#   merge   paths REV changed since it forked from HEAD (merge, rebase, pull of a fetched upstream)
#   commit  paths commit REV changed (cherry-pick, revert), or a range A..B
#   stash   paths a stash entry holds, untracked ones included (stash pop/apply)
#   index   paths where the work tree differs from the index (checkout-index -a, checkout .)
#   hooks   the directory core.hooksPath names, when it is set (a one-element answer)
#   untracked  untracked files, and with rev "ignored" the ignored ones too (stash -u / stash --all takes them away)
#   tracked    every tracked file (sparse-checkout set: those outside the cone leave the work tree)
KINDS = ("tree", "merge", "commit", "stash", "index", "hooks", "untracked", "tracked")
# Kinds whose rev is a mode word or empty, never handed to git as a revision.
_NO_REV = ("index", "hooks", "untracked", "tracked")
# A git query that did not answer in time: the caller cannot tell what changes.
TIMED_OUT = ("\0timeout",)

_SAFE = (
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "diff.external=",
    "-c",
    "core.untrackedCache=false",
    "-c",
    "diff.renames=false",
)
# Seconds all git queries of one decision may take together (a `git cherry-pick` of a hundred revisions must not
# hold the hook past its deadline): past it every answer is TIMED_OUT, which the rule asks about.
BUDGET = 4.0
# The key under which a decision's state (its answers so far, the seconds spent) keeps the time spent.
_SPENT = ("\0spent", "", "")


def _git(top: str, args: list[str], state: dict[tuple[str, str, str], object], safe: tuple[str, ...] = _SAFE) -> tuple[int, str] | None:
    import time

    spent = state.get(_SPENT, 0.0)
    left = BUDGET - (spent if isinstance(spent, float) else 0.0)
    if left <= 0:
        return None
    t0 = time.monotonic()
    try:
        return _run(top, args, safe, min(TIMEOUT, left))
    finally:
        state[_SPENT] = BUDGET - left + (time.monotonic() - t0)


def trusted_path(top: str, path: str | None = None) -> list[str]:
    """The PATH entries the hook may run programs from when it asks git about the repository at *top*: absolute ones,
    outside the repository, outside temporary folders. A project's own `bin/`, `.venv/bin` or `node_modules/.bin` on
    PATH (an activated virtualenv, direnv's PATH_add) and /tmp are the agent's to write: a `git` planted there would run
    inside the hook at every decision, and so would a `git-lfs` that a filter attribute makes git start (round 9a)."""
    real_top = os.path.realpath(top)
    temps = [os.path.realpath(t) for t in ("/tmp", "/var/tmp", "/dev/shm", "/private/tmp", "/private/var/folders", os.environ.get("TMPDIR") or "/tmp")]
    out: list[str] = []
    for d in (os.environ.get("PATH", os.defpath) if path is None else path).split(os.pathsep):
        if not d or not os.path.isabs(d):
            continue
        real = os.path.realpath(d)
        if real == real_top or real.startswith(real_top.rstrip("/") + "/"):
            continue
        if any(real == t or real.startswith(t.rstrip("/") + "/") for t in temps):
            continue
        out.append(d)
    return out


def git_program(top: str, path: str | None = None) -> str | None:
    """The git the hook runs: the first on the trusted PATH (trusted_path)."""
    for d in trusted_path(top, path):
        exe = os.path.join(d, "git")
        if os.path.isfile(exe) and os.access(exe, os.X_OK):
            return exe
    return None


def _run(top: str, args: list[str], safe: tuple[str, ...], timeout: float) -> tuple[int, str] | None:
    import subprocess

    git = git_program(top)
    if git is None:
        return (-1, "")  # as git missing: no answer, the revision's effect stays unknown
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"})
    # The programs git starts itself (a filter's `git-lfs`, `git-*` helpers) are looked up on PATH too.
    env["PATH"] = os.pathsep.join(trusted_path(top))
    try:
        p = subprocess.run(
            [git, "-C", top, *safe, *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    except OSError:
        return (-1, "")
    return p.returncode, p.stdout.decode("utf-8", "surrogateescape")


def _rev_ok(rev: str) -> bool:
    """A revision git may be handed as an argument (never an option, never empty)."""
    return bool(rev) and not rev.startswith("-") and "\0" not in rev and "\n" not in rev and len(rev) < 512


def changed(directory: str, kind: str, rev: str, state: dict[tuple[str, str, str], object] | None = None) -> tuple[str, ...] | None:
    """Absolute paths the operation *kind* with *rev* would rewrite in the repository at *directory*.

    None when it cannot be known (no repository, an unknown revision, git missing); TIMED_OUT when git
    did not answer within TIMEOUT or the decision's BUDGET is spent.  *state* is one decision's: its answers
    so far and the time spent (a long-lived daemon must neither reuse an answer about a work tree that has
    changed since, nor run out of budget).
    """
    if kind not in KINDS or (kind not in _NO_REV and not _rev_ok(rev)):
        return None
    top = git_toplevel(directory) if directory.startswith("/") else None
    if top is None:
        return None
    state = {} if state is None else state
    key = (top, kind, rev)
    if key in state:
        got = state[key]
        return got if isinstance(got, tuple) else None
    got = _ask(top, kind, rev, state)
    state[key] = got
    return got


def _ask(top: str, kind: str, rev: str, state: dict[tuple[str, str, str], object]) -> tuple[str, ...] | None:
    if kind == "hooks":
        # `git config --get` runs no program; the -c overrides would answer for the repository's own setting.
        r = _git(top, ["config", "--get", "core.hooksPath"], state, ())
        if r is None:
            return TIMED_OUT
        code, out = r
        value = out.strip()
        if code != 0 or not value:
            return ()
        return (os.path.normpath(os.path.join(top, os.path.expanduser(value))),)
    base = ["diff", "--name-only", "--no-ext-diff", "--no-textconv", "--no-renames", "-z"]
    if kind == "tree":
        args = [*base, rev, "--"]
    elif kind == "merge":
        args = [*base, "HEAD..." + rev, "--"]
    elif kind == "commit":
        args = [*base, *rev.split("..", 1), "--"] if ".." in rev else ["show", "--format=", "--name-only", "--no-renames", "-z", "-m", rev, "--"]
    elif kind == "stash":
        args = ["stash", "show", "--name-only", "--include-untracked", "-z", rev]
    elif kind == "untracked":
        args = ["ls-files", "--others", "-z"] + ([] if rev == "ignored" else ["--exclude-standard"])
    elif kind == "tracked":
        args = ["ls-files", "-z"]
    else:
        args = [*base, "--"]
    r = _git(top, args, state)
    if r is None:
        return TIMED_OUT
    code, out = r
    if code != 0:
        return None
    names = {n for n in out.split("\0") if n}
    return tuple(sorted(os.path.join(top, n) for n in names))
