"""Emptying every file of a folder, or the files a command lists (truncate, shred): asked, as rm of the same is
judged as a mass deletion.  Cases written for the class."""

from __future__ import annotations

import pytest

from .conftest import decide

EMPTIES = ["truncate -s 0 *", "truncate -s0 src/*", "truncate -s 0 $(git ls-files)", "truncate --size=0 $(find . -type f)", "shred $(git ls-files)"]
ORDINARY = ["truncate -s 0 app.log", "truncate -s 0 *.log", "truncate -s 0 logs/*", "truncate -s 1G disk.img"]


@pytest.mark.parametrize("command", EMPTIES)
def test_empties_asked(command: str) -> None:
    assert decide(command).decision in ("ask", "deny")


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary(command: str) -> None:
    assert decide(command).decision == "allow"
