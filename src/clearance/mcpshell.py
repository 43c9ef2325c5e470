"""MCP tools that run a shell command (desktop-commander's start_process, a terminal server's execute_command).

The command such a tool runs is a command the agent typed, through another door: it is analysed as the Bash tool's
would be (engine.check_action), and every finding stands -- a server the policy trusts (trust.mcp_servers) may be
written to, never run code through.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Action

# Input fields that carry a shell command line in the MCP servers that run one.
COMMAND_KEYS = ("command", "cmd", "shell_command", "commandLine", "command_line")
MAX_CHARS = 100_000


def shell_command(action: Action) -> str | None:
    """The shell command an MCP tool call runs, or None."""
    ti = action.tool_input
    for key in COMMAND_KEYS:
        v = ti.get(key)
        if isinstance(v, str) and v.strip():
            return v[:MAX_CHARS]
        if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
            import shlex

            return shlex.join(v)[:MAX_CHARS]  # an argv list: the program and its arguments
    return None


# git MCP servers (the reference mcp-server-git, git-mcp-server and the like): the verbs that change the work tree or a
# remote, read as the git command each stands for.  Read-only tools (status, diff, log, show) are not mapped.
_GIT_VERBS = frozenset({"checkout", "switch", "reset", "restore", "clean", "push", "stash", "rebase", "merge", "pull"})
# Input fields that name the revision or branch, in the spellings these servers use.
_REV_KEYS = ("branch_name", "branch", "branchOrPath", "target", "ref", "revision", "commit", "rev", "upstream")
_PATH_KEYS = ("paths", "files", "file")  # "path" is the repository in these servers


def _git_verb(tool_name: str) -> str | None:
    """The git verb an MCP tool stands for: `mcp__git__git_checkout`, `mcp__git__checkout`, `mcp__repo__git_reset`."""
    parts = tool_name.split("__")
    if len(parts) < 3:
        return None
    server, tool = parts[1].lower(), parts[-1].lower()
    if tool.startswith("git_"):
        verb = tool[4:]
    elif "git" in server.replace("-", "_").split("_"):
        verb = tool
    else:
        return None
    return verb if verb in _GIT_VERBS else None


def git_command(action: Action) -> str | None:
    """The git command line a git MCP server's checkout/reset/clean/push tool runs, or None (judged as the shell's)."""
    import shlex

    verb = _git_verb(action.tool_name)
    if verb is None:
        return None
    ti = action.tool_input
    words = ["git"]
    repo = next((ti[k] for k in ("repo_path", "repoPath", "path") if isinstance(ti.get(k), str)), None)
    if isinstance(repo, str) and repo.strip():
        words += ["-C", repo]
    words.append(verb)
    mode = ti.get("mode")
    if verb == "reset" and isinstance(mode, str) and mode.strip("-") in ("hard", "soft", "mixed", "keep", "merge"):
        words.append("--" + mode.strip("-"))
    for flag, keys in (("--force", ("force",)), ("-d", ("directories", "dirs")), ("-x", ("ignored",)), ("--dry-run", ("dryRun", "dry_run"))):
        if any(ti.get(k) is True for k in keys):
            words.append(flag)
    new = ti.get("newBranch") or ti.get("new_branch") or ti.get("create")
    if verb in ("checkout", "switch") and isinstance(new, str) and new:
        words += ["-b" if verb == "checkout" else "-c", new]
    remote = ti.get("remote")
    if verb in ("push", "pull") and isinstance(remote, str) and remote:
        words.append(remote)
    rev = next((ti[k] for k in _REV_KEYS if isinstance(ti.get(k), str) and ti[k]), None)
    if rev is not None:
        words.append(rev)
    paths = next((ti[k] for k in _PATH_KEYS if isinstance(ti.get(k), (str, list)) and ti[k]), None)
    if verb in ("checkout", "restore", "reset") and paths:
        words += ["--", *([paths] if isinstance(paths, str) else [p for p in paths if isinstance(p, str)])]
    return shlex.join(words)[:MAX_CHARS]
