"""Readings of real-session calls (issue 11, item 2): each class with cases no rule was written for.

Decided through the API with the recorded shape of a session (HOME, project, cwd); no file is read.
"""

from __future__ import annotations

from typing import Any

import pytest

from clearance.api import decide_event_full


def decide(tool_input: dict[str, Any] | str, project: str = "/home/ana/webapp", home: str = "/home/ana", tool: str = "Bash") -> str:
    ti = {"command": tool_input} if isinstance(tool_input, str) else tool_input
    ev = {"hook_event_name": "PreToolUse", "session_id": "s", "cwd": project, "tool_name": tool, "tool_input": ti}
    return decide_event_full(ev, {"HOME": home, "CLAUDE_PROJECT_DIR": project}, local_files=False)[0].decision


# -- a Windows drive in WSL: the user's own folders beside the system's ------------------------------------------------

WSL_PROJECT = "/mnt/c/python/cctrace"
WSL_USER_PROJECT = "/mnt/c/Users/jim/code/app"


@pytest.mark.parametrize(
    "command, project, expected",
    [
        ("mkdir -p /mnt/c/python/test-import-session", WSL_PROJECT, "allow"),  # a sibling of the project
        ("mkdir -p /mnt/c/dev/scratch/a/b", WSL_PROJECT, "allow"),
        ("mkdir -p /mnt/d/data/exports", "/home/jim/app", "allow"),
        ("cp out.csv /mnt/c/python/other-tool/data.csv", WSL_PROJECT, "ask"),  # outside the project: asked, target named
        ("echo done > /mnt/d/work/STATUS.md", WSL_PROJECT, "ask"),
        ("mkdir -p /mnt/c/Users/jim/Desktop/exports", WSL_USER_PROJECT, "allow"),  # the project's account
        ("cp a.txt /mnt/c/Users/jim/Documents/a.txt", WSL_USER_PROJECT, "ask"),
        # stays system-wide
        ("mkdir -p /mnt/c/Windows/Temp/x", WSL_PROJECT, "deny"),
        ("cp tool.dll '/mnt/c/Program Files/Tool/tool.dll'", WSL_PROJECT, "deny"),
        ("cp x '/mnt/c/program files (x86)/y'", WSL_PROJECT, "deny"),
        ("echo x > /mnt/c/ProgramData/app/config.ini", WSL_PROJECT, "deny"),
        ("echo x > /mnt/c/notes.txt", WSL_PROJECT, "deny"),  # the drive's root
        ("mkdir -p /mnt/c/Users/bob/Desktop/x", WSL_USER_PROJECT, "deny"),  # another account's home
        ("mkdir -p /mnt/c/Users/jim/Desktop/x", WSL_PROJECT, "deny"),  # whose account it is cannot be told
        ("mkdir -p /mnt/cdrom/x/y", WSL_PROJECT, "deny"),  # not a drive letter
    ],
)
def test_windows_drive_folders(command: str, project: str, expected: str) -> None:
    assert decide(command, project, home="/home/jim") == expected
