"""Whether a person watches the agent that runs this hook, read from the agent's own process.

Claude Code says so in its environment (``CLAUDE_CODE_ENTRYPOINT=sdk-cli`` under ``-p``: audit.is_headless).
Gemini CLI, Codex and Copilot CLI say nothing to their hooks (measured with Gemini CLI 0.61.0 ``-p``, Codex
0.171.0 ``exec`` and Copilot CLI 1.0.102 ``-p``: no event field, no variable).  Each decides it from its own
command line and terminal, so clearance reads the same: the hook's nearest ancestor process that is the agent
(the hook runs under ``sh -c``, the agent may run under its node wrapper), its argv from /proc, and for Gemini
CLI whether its standard input and output are a terminal.  The rules are the agents' own (their bundled code):

- Codex: the ``exec`` subcommand (alias ``e``) and ``review`` run without a person (``codex`` alone is its terminal UI; the
  app server an IDE drives has a person behind it).
- Copilot CLI: ``-p``/``--prompt`` (``-pTEXT``, ``--prompt=TEXT``) or its input or output not a terminal runs one
  prompt and exits; ``--headless`` runs it as a server a program drives (``--server``, ``--acp``: a client or an
  editor, where a person may answer, are not inferred).
- Gemini CLI: ``-p``/``--prompt``, or its input or output not a terminal, unless ``-i``/``--prompt-interactive``
  or an ACP mode (an editor drives it) (its ``isHeadlessMode`` and ``interactive``).  A task given as its positional
  argument is the prompt of a headless run only without a terminal: at one, Gemini CLI 0.61.0 starts its UI with it
  ("Positional arguments now default to interactive mode": ``promptInteractive = query``).

Only a sign that nobody watches is ever inferred; anything unreadable means "don't know" (a person may be there).
Headless can only make clearance stricter (an ask becomes a denial, repeated denials stop the run), so a process
that fakes it gains nothing.  No ``os`` import: this runs in the hook's process (posix only).
"""

from __future__ import annotations

import posix

# How many ancestors to look through: the hook's shell (`sh -c "clearance hook … || exit 2"`), a shell it may run
# under, the agent.
DEPTH = 4
_TTY_PREFIXES = ("/dev/pts/", "/dev/tty", "/dev/console")
# What may stand between the hook and the agent: the shell that runs the hook's command line.  Any other process
# (a test runner the agent started, a script that calls `clearance hook`) ends the search: its hooks are not the
# agent's, and a person may be watching it.
_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ash", "ksh", "mksh", "busybox"})


def _argv(pid: int) -> list[str]:
    try:
        fd = posix.open(f"/proc/{pid}/cmdline", posix.O_RDONLY)
    except OSError:
        return []
    try:
        raw = posix.read(fd, 65536)
    finally:
        posix.close(fd)
    return [x.decode("utf-8", "surrogateescape") for x in raw.split(b"\0")[:-1]] if raw else []


def _parent(pid: int) -> int:
    try:
        fd = posix.open(f"/proc/{pid}/stat", posix.O_RDONLY)
    except OSError:
        return 0
    try:
        raw = posix.read(fd, 4096)
    finally:
        posix.close(fd)
    fields = raw.rpartition(b")")[2].split()  # the command name may hold spaces and parentheses
    try:
        return int(fields[1])
    except (IndexError, ValueError):
        return 0


def _base(path: str) -> str:
    return path.rpartition("/")[2]


def _agent_args(agent: str, argv: list[str]) -> list[str] | None:
    """The agent's own arguments when *argv* is the agent's process (its program or a node script of it), else None."""
    if not argv:
        return None
    first = _base(argv[0])
    if first in ("node", "nodejs", "bun", "deno") or first.startswith("node"):
        # node [node options] SCRIPT ARGS: the script names the agent
        for i, a in enumerate(argv[1:], 1):
            if not a.startswith("-"):
                return argv[i + 1 :] if _names(agent, a) else None
        return None
    return argv[1:] if _names(agent, argv[0]) else None


def _names(agent: str, path: str) -> bool:
    base = _base(path)
    stem = base.partition(".")[0]
    if agent == "codex":
        return stem == "codex" or "/@openai/codex" in path
    if agent == "gemini":
        return stem == "gemini" or "/@google/gemini-cli" in path
    if agent == "copilot":
        return stem == "copilot" or "/@github/copilot" in path
    return False


def _tty(pid: int, fd: int) -> bool | None:
    try:
        target = posix.readlink(f"/proc/{pid}/fd/{fd}")
    except OSError:
        return None
    return target.startswith(_TTY_PREFIXES)


def _codex(args: list[str]) -> str:
    # Codex's options before the subcommand that take a value (clap: `-c k=v`, `-m MODEL` …).
    takes_value = {"-c", "--config", "-m", "--model", "-p", "--profile", "-s", "--sandbox", "-a", "--ask-for-approval"}
    takes_value |= {"-C", "--cd", "-i", "--image", "--add-dir", "--enable", "--disable", "--local-provider", "--remote"}
    takes_value |= {"--remote-auth-token-env"}
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            return ""
        if a.startswith("-"):
            i += 2 if a in takes_value else 1
            continue
        if a in ("exec", "e"):
            return "codex exec"
        return "codex review" if a == "review" else ""  # "Run a code review non-interactively" (its --help)
    return ""


def _copilot(args: list[str], pid: int) -> str:
    # Copilot CLI 1.0.102 (cli-main.js): --server, --headless (and --ahp-host, --environment-host) start its server mode,
    # --acp its editor protocol; otherwise it runs one prompt and exits when -p is given or its standard input or output
    # is not a terminal (`!h && !e.acp && (!l || !!u)`, l = stdout.isTTY && stdin.isTTY), whatever -i says.
    flags = []
    skip = False
    for a in args:
        if a == "--":
            break
        if skip:  # the value of -i/--interactive: a prompt, which may start with a dash
            skip = False
            continue
        skip = a in ("-i", "--interactive")
        flags.append(a)
    if "--headless" in flags:
        return "copilot --headless"  # its own name for the mode: a program drives it, nobody at a terminal
    if any(a in ("--acp", "--server", "--ahp-host") or a.startswith("--environment-host") for a in flags):
        return ""  # an editor or a client program drives it: a person may answer through it
    if any(a in ("-p", "--prompt") or a.startswith("--prompt=") or (a.startswith("-p") and not a.startswith("--")) for a in flags):
        return "copilot -p"
    if _tty(pid, 0) is False or _tty(pid, 1) is False:
        return "copilot with no terminal"
    return ""


def _gemini(args: list[str], pid: int) -> str:
    if any(a in ("-i", "--prompt-interactive", "--acp", "--experimental-acp") or a.startswith("--prompt-interactive=") for a in args):
        return ""
    if any(a in ("-p", "--prompt") or a.startswith("--prompt=") for a in args):
        return "gemini -p"
    if _tty(pid, 0) is False or _tty(pid, 1) is False:
        return "gemini with no terminal"
    return ""


def unattended(agent: str | None, start: int = 0) -> str:
    """How clearance knows nobody watches *agent* (its mode, e.g. "codex exec"), or "" when it does not know that.

    *start*: the process to begin from (default: the hook's parent)."""
    if agent not in ("codex", "gemini", "copilot"):
        return ""
    pid = start or posix.getppid()
    for _ in range(DEPTH):
        if pid <= 1:
            return ""
        argv = _argv(pid)
        args = _agent_args(agent, argv)
        if args is not None:
            if agent == "codex":
                return _codex(args)
            if agent == "copilot":
                return _copilot(args, pid)
            return _gemini(args, pid)
        if not argv or _base(argv[0]).lstrip("-") not in _SHELLS:
            return ""  # not the agent's shell: whatever runs this hook, it is not the agent itself
        pid = _parent(pid)
    return ""
