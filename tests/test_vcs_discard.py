"""Uncommitted work discarded through git's plumbing and through Mercurial and Subversion (git.discard-changes,
vcs.discard-changes).  Cases written for the class; none is taken from an evaluation set."""

from __future__ import annotations

import pytest

from .conftest import decide

DISCARDS = [
    "git read-tree -u --reset HEAD",
    "git read-tree --reset -u origin/main",
    "git checkout-index -a -f",
    "git checkout-index --all --force",
    "hg update --clean",
    "hg up -C default",
    "chg update --clean tip",
    "hg revert --all --no-backup",
    "hg revert -a -C",
    "hg purge --all",
    "hg clean --files",
    "svn revert -R .",
    "svn revert --depth=infinity src",
    "svn cleanup --remove-unversioned",
]
ORDINARY = [
    "git read-tree HEAD",
    "git checkout-index -a --prefix=/tmp/export/",
    "hg update default",
    "hg revert --all",
    "hg revert app.py",
    "hg purge --print",
    "hg status",
    "svn revert app.c",
    "svn up",
    "svn cleanup",
]


@pytest.mark.parametrize("command", DISCARDS)
def test_discard_denied(command: str) -> None:
    assert decide(command).decision == "deny"


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary(command: str) -> None:
    assert decide(command).decision == "allow"
