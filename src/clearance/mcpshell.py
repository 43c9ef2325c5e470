"""MCP tools that run a shell command (desktop-commander's start_process, a terminal server's execute_command).

The command such a tool runs is a command the agent typed, through another door: it is analysed as the Bash tool's
would be (engine.check_action), and every finding stands -- a server the policy trusts (trust.mcp_servers) may be
written to, never run code through.
"""

from __future__ import annotations

from .lazyre import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Action

# Input fields that carry a shell command line in the MCP servers that run one.
COMMAND_KEYS = ("command", "cmd", "shell_command", "commandLine", "command_line", "commandline", "shellCommand")
MAX_CHARS = 100_000


# Keys of the argument list a server passes to the program it starts (mcp-server-commands' `{command, args}`, Node's
# spawn(file, args)), and keys naming that program where no command key does (`spawn {executable, args}`).
_ARGV_KEYS = ("args", "argv", "arguments")
_PROGRAM_KEYS = ("executable", "program", "binary", "file", "exe", "bin")


def _argv(ti: dict[str, object]) -> list[str] | None:
    return next((v for k in _ARGV_KEYS if isinstance(v := ti.get(k), list) and v and all(isinstance(x, str) for x in v)), None)


def shell_command(action: Action) -> str | None:
    """The shell command an MCP tool call runs, or None: the command line with the argument list given beside it
    (`{command: "rm", args: ["-rf", "~"]}` runs `rm -rf ~`, adversarial round 10c), or a program a tool that starts
    one names under another key with its arguments (`spawn {executable: "rm", args: […]}`)."""
    import shlex

    ti = action.tool_input
    argv = _argv(ti)
    for key in COMMAND_KEYS:
        v = ti.get(key)
        if isinstance(v, str) and v.strip():
            return (v + " " + shlex.join(argv) if argv else v)[:MAX_CHARS]
        if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
            return shlex.join(v + (argv or []))[:MAX_CHARS]  # an argv list: the program and its arguments
    if argv is None:
        return None
    program = next((v for k in _PROGRAM_KEYS if isinstance(v := ti.get(k), str) and v.strip()), None)
    if program is not None and set(_name_words(action.tool_name)[1]) & (RUNS_CODE | {"start", "process"}):
        return shlex.join([program, *argv])[:MAX_CHARS]
    return None


# Code handed to a tool that runs it (adversarial round 10a): a REPL's `eval {code}`, a sandbox's `python {code}`, a
# terminal server's `bash {script}`, desktop-commander's `interact_with_process {pid, input}` (text typed into a process
# started earlier). The words of the server's and tool's names say which language reads it; the input's key where it is.
_CODE_KEYS = ("code", "script", "source", "expression", "snippet", "program", "cell_source", "statement", "function")
# Keys holding text typed into a running process (its standard input, a terminal's keys).
_TYPED_KEYS = ("input", "keys", "text", "data", "stdin")
# Words of a tool's name that say it runs the code or command it is given, or types text into a running process.
RUNS_CODE = frozenset(
    {"execute", "exec", "run", "eval", "evaluate", "shell", "script", "command", "cmd", "spawn", "interact", "invoke", "launch", "repl", "stdin"}
)
_TYPES_INTO = frozenset({"interact", "stdin", "send", "type", "write", "input", "keys"})
# Words that say the code runs in a browser page (Playwright's browser_evaluate), not on this machine.
_IN_BROWSER = frozenset({"browser", "page", "playwright", "puppeteer", "chrome", "chromium", "selenium", "webview", "tab"})
# A language named by a word of the server's or tool's name -> how the shell runs a one-liner of it ("" : a shell line).
_LANGUAGES = {
    "python": "python3 -c",
    "python3": "python3 -c",
    "py": "python3 -c",
    "ipython": "python3 -c",
    "jupyter": "python3 -c",
    "notebook": "python3 -c",
    "node": "node -e",
    "nodejs": "node -e",
    "js": "node -e",
    "javascript": "node -e",
    "ruby": "ruby -e",
    "perl": "perl -e",
    "php": "php -r",
    "lua": "lua -e",
    "powershell": "pwsh -Command",
    "pwsh": "pwsh -Command",
    "bash": "",
    "sh": "",
    "zsh": "",
    "shell": "",
    "terminal": "",
    "tmux": "",
}


_SPLIT = lazy(r"[a-z0-9]+")
_CAMEL = lazy(r"([a-z0-9])([A-Z])")


def _name_words(tool_name: str) -> tuple[list[str], list[str]]:
    """The words of an MCP call's server name and of its tool name (camelCase, snake_case, kebab-case split)."""
    parts = tool_name.split("__", 2)
    server, tool = (parts[1], parts[2]) if len(parts) == 3 else ("", tool_name)
    return _SPLIT.findall(_CAMEL.sub(r"\1 \2", server).lower()), _SPLIT.findall(_CAMEL.sub(r"\1 \2", tool).lower())


def code_command(action: Action) -> tuple[str, bool] | None:
    """The shell line that runs the code an MCP tool is given, and whether its language is unknown (text typed into a
    process clearance cannot name, code for a runner that says no language): ``mcp__node__eval {code}`` is
    ``node -e CODE``, ``mcp__terminal__bash {script}`` the script itself, ``interact_with_process {input}`` the input
    read as a shell line and unknown. None when the tool runs no code given in its input, or runs it in a browser page."""
    import shlex

    server, tool = _name_words(action.tool_name)
    words = set(server) | set(tool)
    if words & _IN_BROWSER:
        return None
    ti = action.tool_input
    runs = set(tool) & (RUNS_CODE | _TYPES_INTO) or (tool and set(tool) <= _LANGUAGES.keys())
    if not runs:
        return None  # a code-shaped key on a tool that says it neither runs nor types anything (a formatter, a linter)
    shell_tool = bool(set(tool) & {lang for lang, runner in _LANGUAGES.items() if not runner})
    keys: tuple[str, ...] = _CODE_KEYS + (_TYPED_KEYS if set(tool) & _TYPES_INTO or shell_tool else ())
    text = next((v for k in keys if isinstance(v := ti.get(k), str) and v.strip()), None)
    lang = next((w for w in (*tool, *server) if w in _LANGUAGES), None)
    argv = next((v for k in ("args", "argv", "arguments") if isinstance(v := ti.get(k), list) and v and all(isinstance(x, str) for x in v)), None)
    if text is None and argv is not None and tool and set(tool) <= _LANGUAGES.keys():
        # A tool named as the program it runs (`sh {args: ["-c", …]}`, `python {args: ["x.py"]}`): that program's argv.
        program = (_LANGUAGES[tool[0]] or tool[0]).split()[0]
        return shlex.join([program, *argv])[:MAX_CHARS], False
    if text is None:
        return None
    typed = bool(set(tool) & _TYPES_INTO) and not set(tool) & {"eval", "evaluate", "exec", "execute", "run"}
    text = text[:MAX_CHARS]
    if lang is None or typed:
        # Which program reads the text is not known (a process started earlier, a runner naming no language): read as
        # the shell line a terminal would run, and asked about whatever it says.
        return text, True
    runner = _LANGUAGES[lang]
    return (f"{runner} {shlex.quote(text)}" if runner else text), False


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


# GitHub MCP servers (github/github-mcp-server, the reference server-github): the tools that write an issue, a pull
# request, a comment or a review, read as the gh command each stands for (`create_issue {owner, repo, title, body}` is
# `gh issue create --repo owner/repo --title … --body …`).  What the CLI may do the server may do: the call is judged
# as that command line is (its text by net.exfil-secrets), and mcp.side-effect leaves it (ordinary round 15b: five
# issues the user's session filed on its own repository were asked, where `gh issue create` is allowed).  Merging,
# pushing files, writing a branch's files, creating or forking a repository and every deletion are not mapped: they
# stay mcp.side-effect's question or mcp.destructive's denial.
_GH_TOOLS = {
    ("create", "issue"): ("issue", "create"),
    ("update", "issue"): ("issue", "edit"),
    ("add", "issue", "comment"): ("issue", "comment"),
    ("create", "pull", "request"): ("pr", "create"),
    ("update", "pull", "request"): ("pr", "edit"),
    ("create", "pull", "request", "review"): ("pr", "review"),
    ("add", "pull", "request", "review", "comment"): ("pr", "review"),
    ("create", "and", "submit", "pull", "request", "review"): ("pr", "review"),
    ("add", "comment", "to", "pending", "review"): ("pr", "review"),
}
_GH_NUMBER_KEYS = ("issue_number", "issueNumber", "pull_number", "pullNumber", "number")
_GH_REVIEW = {"APPROVE": "--approve", "REQUEST_CHANGES": "--request-changes", "COMMENT": "--comment"}


def _gh_server(tool_name: str) -> tuple[str, ...] | None:
    """The words of a GitHub MCP server's tool name (`mcp__github__create_issue`: create, issue), or None."""
    server, tool = _name_words(tool_name)
    return tuple(tool) if "github" in server else None


def gh_command(action: Action) -> str | None:
    """The gh command line a GitHub MCP server's issue, pull-request, comment or review tool stands for, or None."""
    import shlex

    words = _gh_server(action.tool_name)
    sub = _GH_TOOLS.get(words) if words is not None else None
    if sub is None:
        return None
    ti = action.tool_input
    argv = ["gh", *sub]
    number = next((ti[k] for k in _GH_NUMBER_KEYS if isinstance(ti.get(k), (int, str)) and not isinstance(ti.get(k), bool)), None)
    if sub[1] in ("edit", "comment", "review"):
        if number is None:
            return None
        state = ti.get("state")
        if sub[1] == "edit" and isinstance(state, str) and state.lower() in ("closed", "open"):
            argv[2] = "close" if state.lower() == "closed" else "reopen"
        argv.append(str(number))
    owner, repo = ti.get("owner"), ti.get("repo")
    if isinstance(owner, str) and isinstance(repo, str) and owner and repo:
        argv += ["--repo", f"{owner}/{repo}"]
    if sub[1] == "review":
        event = ti.get("event")
        argv.append(_GH_REVIEW.get(event.upper(), "--comment") if isinstance(event, str) else "--comment")
    for key, flag in (("title", "--title"), ("body", "--body"), ("head", "--head"), ("base", "--base")):
        v = ti.get(key)
        if isinstance(v, str) and (key in ("title", "body") or v):
            argv += [flag, v]
    return shlex.join(argv)[:MAX_CHARS]
