"""context._Disk: clearance's own paths resolved with one lstat per directory, the same answers as os.path.realpath."""

from __future__ import annotations

import os
from pathlib import Path

from clearance.context import _Disk


def _tree(tmp: Path) -> list[str]:
    (tmp / "home/.config/clearance").mkdir(parents=True)
    (tmp / "dotfiles/claude").mkdir(parents=True)
    (tmp / "real/state").mkdir(parents=True)
    (tmp / "file").write_text("x")
    os.symlink(tmp / "dotfiles/claude", tmp / "home/.claude")  # absolute link
    os.symlink("../real/state", tmp / "home/state")  # relative link
    os.symlink("state", tmp / "home/state2")  # a link to a link
    os.symlink(tmp / "nowhere", tmp / "home/dangling")
    os.symlink("loop2", tmp / "home/loop1")
    os.symlink("loop1", tmp / "home/loop2")
    t = str(tmp)
    return [
        f"{t}/home/.config/clearance",
        f"{t}/home/.config/clearance/policy.toml",
        f"{t}/home/.claude",
        f"{t}/home/.claude/settings.json",
        f"{t}/home/state/clearance/audit.db",
        f"{t}/home/state2/clearance/audit.db-wal",
        f"{t}/home/dangling/x",
        f"{t}/home/loop1/x",
        f"{t}/file/below",
        f"{t}/missing/a/b",
        f"{t}/home/../real/state",
        f"{t}/home/./state",
        f"{t}//home/state",
        "relative/path",
        "/",
        "/etc/clearance",
    ]


def test_realpath_as_os(tmp_path: Path) -> None:
    paths = _tree(tmp_path)
    disk = _Disk()
    for p in paths + paths:  # twice: the memoised answers too
        assert disk.realpath(p) == os.path.realpath(p), p


def test_modes_as_lstat(tmp_path: Path) -> None:
    paths = _tree(tmp_path)
    disk = _Disk()
    for p in paths:
        try:
            want: int | None = os.lstat(p).st_mode
        except OSError:
            want = None
        assert disk.mode(p) == want, p
