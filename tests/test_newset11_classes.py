"""Mechanism classes found among the dev misses of eval/outside/{continue,sh-guard,agent-command-guard}.jsonl.

Each class is read by its mechanism: the cases were written for the class (other programs and spellings of the same
kind) before the fix, with the ordinary commands of the same programs that must stay allowed.

A  file systems made by the other makers: e2fsprogs' mke2fs, dosfstools' mkdosfs and mkfs.msdos, ntfs-3g's mkntfs,
   exfat-utils' mkexfatfs, util-linux's rarer mkfs.* (minix, bfs, cramfs), and the BSD/macOS newfs family (newfs,
   newfs_hfs, newfs_apfs, newfs_msdos, newfs_exfat, newfs_udf): a device named is erased like mkfs.ext4's; their
   report-only modes (mkntfs -n, newfs -N), help, and a disk image in the project stay allowed.
GAPS  cases of these classes left as they are, with the reason.
"""

from __future__ import annotations

import pytest

from .conftest import decide
from .strict import check

DENIED = [
    # -- A: a file system made on a device
    "newfs /dev/ada1p1",
    "newfs_apfs /dev/disk3s1",
    "newfs_msdos -F 32 /dev/disk4s1",
    "newfs_exfat /dev/disk4s1",
    "newfs_hfs -v Backup /dev/rdisk2s2",
    "newfs_udf /dev/disk5",
    "mke2fs -t ext4 /dev/sdb1",
    "mkdosfs /dev/sdc1",
    "mkfs.msdos /dev/sdc1",
    "mkntfs -f /dev/sdd1",
    "mkntfs --fast --label Data /dev/sdd1",
    "mkfs.minix /dev/sdb2",
    "mkexfatfs /dev/sde1",
    "mkfs.bfs /dev/sdb3",
    "sudo newfs_hfs -J /dev/disk2s2",
]

ALLOWED = [
    # -- A: report-only modes, help, and disk images in the project or the temporary folder
    "mke2fs -n /dev/sdb1",
    "mkntfs -n /dev/sdd1",
    "mkntfs --no-action /dev/sdd1",
    "newfs -N /dev/ada1p1",
    "newfs_msdos -N /dev/disk4s1",
    "newfs_hfs -N /dev/disk2s2",
    "mke2fs -F rootfs.img",
    "mkdosfs -C disk.img 1440",
    "mkfs.msdos /tmp/floppy.img",
    "newfs_hfs --help",
    "man newfs_hfs",
    "mkntfs --version",
]

GAPS: dict[str, str] = {}


@pytest.mark.parametrize("cmd", DENIED)
def test_denied(cmd: str) -> None:
    check(cmd, GAPS, lambda: _expect(cmd, ("deny",)))


@pytest.mark.parametrize("cmd", ALLOWED)
def test_allowed(cmd: str) -> None:
    check(cmd, GAPS, lambda: _expect(cmd, ("allow",)))


def _expect(cmd: str, want: tuple[str, ...]) -> None:
    got = decide(cmd)
    assert got.decision in want, f"{cmd!r}: {got.decision} ({', '.join(got.rules)}: {got.reason})"
