"""Every non-interactive mode of the agents' own command lines (agents16), read from their installed code: Copilot CLI
1.0.102 runs one prompt and exits with -p *or without a terminal* (piped input, output to a file), and `--headless`
is its server mode with a program driving it; Gemini CLI 0.61.0 takes a positional task as the headless prompt only
without a terminal (at one, its UI starts with it).  Each case runs a process whose argv and terminal are the agent's."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from clearance.unattended import _argv, unattended

SLEEP = "import time; time.sleep(30)"
COPILOT = "/usr/local/lib/node_modules/@github/copilot-linux-x64/copilot"
GEMINI = "/usr/local/bin/gemini"


@pytest.fixture
def terminal() -> Iterator[int]:
    """The far end of a pseudo-terminal: a process given it as input and output sits at a terminal."""
    leader, follower = pty.openpty()
    try:
        yield follower
    finally:
        os.close(follower)
        os.close(leader)


def _agent(argv0: str, args: tuple[str, ...], tty: int | None) -> subprocess.Popen[bytes]:
    io = tty if tty is not None else subprocess.DEVNULL
    p = subprocess.Popen([argv0, "-c", SLEEP, *args], executable=sys.executable, stdin=io, stdout=io)
    for _ in range(200):
        if _argv(p.pid)[:1] == [argv0]:
            break
        time.sleep(0.01)
    return p


def _mode(agent: str, argv0: str, args: tuple[str, ...], tty: int | None) -> str:
    p = _agent(argv0, args, tty)
    try:
        return unattended(agent, p.pid)
    finally:
        p.kill()
        p.wait()


@pytest.mark.parametrize(
    ("args", "want"),
    [
        (("--headless", "--port", "4321"), "copilot --headless"),
        (("--headless", "--stdio"), "copilot --headless"),
        (("--allow-all-tools",), "copilot with no terminal"),  # `echo TASK | copilot --allow-all-tools`
        (("-i", "fix it", "--yolo"), "copilot with no terminal"),  # -i does not keep a prompt-mode run interactive
        (("-i", "-p is a flag"), "copilot with no terminal"),  # the -i prompt is a value, not -p
        (("--prompt", "fix it"), "copilot -p"),
    ],
)
def test_copilot_without_a_person(args: tuple[str, ...], want: str) -> None:
    assert _mode("copilot", COPILOT, args, None) == want


@pytest.mark.parametrize(
    ("args", "want"),
    [
        ((), ""),  # its terminal UI
        (("-i", "fix it"), ""),
        (("--server", "--port", "4321"), ""),  # an SDK client drives it: a person may answer through it
        (("--acp",), ""),
        (("--headless",), "copilot --headless"),  # at a terminal or not: a program drives it
        (("-p", "fix it"), "copilot -p"),
        (("-pfix it",), "copilot -p"),
    ],
)
def test_copilot_at_a_terminal(terminal: int, args: tuple[str, ...], want: str) -> None:
    assert _mode("copilot", COPILOT, args, terminal) == want


@pytest.mark.parametrize(
    ("args", "tty", "want"),
    [
        (("fix the failing test",), True, ""),  # a positional task at a terminal: its UI starts with it
        (("--yolo", "fix the failing test"), True, ""),
        (("fix the failing test",), False, "gemini with no terminal"),  # the same task piped: a one-shot run
        (("-p", "fix the failing test"), True, "gemini -p"),
        (("--prompt=fix it",), True, "gemini -p"),
        (("-i", "fix it"), False, ""),  # asked for its UI
        (("--acp",), False, ""),  # an editor drives it
    ],
)
def test_gemini_with_a_task_argument(terminal: int, args: tuple[str, ...], tty: bool, want: str) -> None:
    assert _mode("gemini", GEMINI, args, terminal if tty else None) == want


@pytest.mark.parametrize(
    ("args", "want"),
    [
        (("review", "--uncommitted"), "codex review"),  # "Run a code review non-interactively" (codex 0.171.0 --help)
        (("--remote-auth-token-env", "review", "exec"), "codex exec"),  # an option's value is not the subcommand
        (("--remote-auth-token-env", "TOKEN", "review"), "codex review"),
        (("resume", "--last"), ""),  # its terminal UI again
        (("fix the review comments",), ""),  # a prompt for the terminal UI
    ],
)
def test_codex_subcommands(terminal: int, args: tuple[str, ...], want: str) -> None:
    assert _mode("codex", "/usr/local/bin/codex", args, terminal) == want
