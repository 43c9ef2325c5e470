"""Class found by eval/outside/shellfirm.jsonl's dev misses: a partitioning or formatting tool read by its name alone.

fs.disk-wipe denied every fdisk/sfdisk/parted/gdisk/sgdisk call but those with `-l`, `--list` or `print` anywhere in it.
That denied the tools' report-only modes (sfdisk's `--dump`, `--json`, `--show-size`, `--verify`; fdisk's
`--list-details`, `--getsz`, `-v` for its version; sgdisk's `--print`, `--info`), and the same tools and mkfs pointed at an
image file in the project or a temp dir (building a disk image touches no disk), while letting through a write that only
mentions one of those words: sgdisk's `-l` is `--load-backup` (it writes a saved table over the disk) and parted runs
every command it is given, `print` after `mklabel` included.  The cases below are our own, written for the class."""

from __future__ import annotations

from typing import ClassVar

import pytest

from .conftest import decide


class TestReportOnlyModes:
    """The mode, not the program, decides: a report-only option (alone or with modifiers such as --force, --unit,
    --output, --script) reads the partition table and writes nothing."""

    ORDINARY: ClassVar[list[str]] = [
        "sfdisk --dump /dev/nvme0n1 > parts.sfdisk",
        "sfdisk -J /dev/sdb",
        "sfdisk --show-size /dev/sdc",
        "sfdisk --verify /dev/sdb",
        "sfdisk -F /dev/sdb",
        "sfdisk -d --force /dev/sdb",
        "sfdisk -lu S /dev/sdb",
        "fdisk -x /dev/nvme0n1",
        "fdisk --getsz /dev/sdb",
        "fdisk -V",
        "fdisk -l -o Device,Size /dev/sdb",
        "parted --version",
        "parted -s /dev/sdb unit MB print free",
        "sgdisk -p /dev/sdb",
        "sgdisk --info=2 /dev/sdb",
        "sgdisk -v /dev/nvme0n1",
        "sgdisk --backup=table.gpt /dev/sdb",
        "gdisk -l /dev/sdc",
    ]
    STILL_DENIED: ClassVar[list[str]] = [
        "sgdisk -l table.gpt /dev/sdb",  # --load-backup: writes the saved table over the disk
        "sgdisk -p -Z /dev/sdb",  # prints, then zaps every table
        "parted -s /dev/sdb mklabel msdos print",  # parted runs both commands
        "parted /dev/sdb rm 2 print",
        "parted -a optimal /dev/sdb mklabel gpt",  # -a takes a value: the device is /dev/sdb, not `optimal`
        "sgdisk -n 1:0:0 /dev/sdb",
        "sfdisk --delete /dev/sdb 2",
        "sfdisk -d -N 1 /dev/sdb",  # -N re-writes one partition from the script on stdin
        "sfdisk /dev/sdb < layout.sfdisk",
        "sfdisk -d /dev/sda | sfdisk /dev/sdb",  # the second sfdisk writes sdb
        "fdisk -w always /dev/sdc",
        "fdisk -u /dev/sdc",  # -u's unit is attached or absent: /dev/sdc is the disk, opened for editing
        "fdisk -c -b 2048 /dev/sdc",
        "gdisk /dev/sdc",
        "parted",  # no device: parted opens the first disk it finds
    ]

    @pytest.mark.parametrize("cmd", ORDINARY)
    def test_allowed(self, cmd: str) -> None:
        assert decide(cmd).decision == "allow", cmd

    @pytest.mark.parametrize("cmd", STILL_DENIED)
    def test_denied(self, cmd: str) -> None:
        assert decide(cmd).decision == "deny", cmd


class TestImageFiles:
    """Partitioning or formatting a regular file in the project or a temp dir (a disk image being built) touches no
    disk; a device, a file outside the project, or a target the hook cannot resolve stays denied."""

    ORDINARY: ClassVar[list[str]] = [
        "mkfs.ext4 -F /tmp/rootfs.img",
        "mkfs.vfat -C build/efi.img 65536",
        "mkfs -t ext4 out/disk.img",
        "mkswap /tmp/swap.img",
        "sfdisk build/disk.img < layout.sfdisk",
        "parted -s out/disk.img mklabel gpt mkpart primary ext4 1MiB 100%",
        "sgdisk -Z /tmp/vm.raw",
        "fdisk images/sd.img",
        "wipefs -a /tmp/old.img",
        "parted --align optimal -s /tmp/disk.img mklabel gpt",
        "sgdisk -n 1:0:+100M -t 1:ef00 /tmp/vm.raw",
        "mkfs.xfs",  # no target: usage
    ]
    STILL_DENIED: ClassVar[list[str]] = [
        "mkfs.ext4 -F /dev/sdb1",
        "mkfs -t ext4 /dev/sdc",
        "sgdisk -Z /dev/sdb",
        "mkfs.ext4 ~/backups/vault.img",  # a file outside the project: not this class's to allow
        "mkfs.ext4 $DISK",
        "cd /dev && mkfs.ext4 sdb1",
        "parted -s /tmp/disk.img mklabel gpt && mkfs.ext4 /dev/sdb1",
    ]

    @pytest.mark.parametrize("cmd", ORDINARY)
    def test_allowed(self, cmd: str) -> None:
        assert decide(cmd).decision == "allow", cmd

    @pytest.mark.parametrize("cmd", STILL_DENIED)
    def test_denied(self, cmd: str) -> None:
        assert decide(cmd).decision == "deny", cmd
