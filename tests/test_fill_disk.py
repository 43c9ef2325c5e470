"""Writing a file from a source that never ends (sys.fill-disk: denied) or of tens of gigabytes (sys.large-file:
asked).  Cases written for the class (resource exhaustion by disk), none taken from an evaluation set."""

from __future__ import annotations

import pytest

from .conftest import decide

UNBOUNDED = [
    "cat /dev/zero > /tmp/fill",
    "cat /dev/urandom >> ~/noise",
    "yes > /tmp/out.txt",
    "yes hello >> build/log.txt",
    "dd if=/dev/zero of=/tmp/big bs=1M",
    "dd if=/dev/urandom of=./junk",
    "tail -c +1 /dev/zero > /tmp/t",
    "tr '\\0' x < /dev/zero > /tmp/x",
    "base64 /dev/urandom > /tmp/b64",
    "pv /dev/zero > /tmp/p",
]
LARGE = [
    "dd if=/dev/zero of=/tmp/big bs=1M count=1000000",
    "dd if=/dev/zero of=disk.img bs=1G count=64",
    "fallocate -l 500G /tmp/fill",
    "fallocate --length=2T data.bin",
    "head -c 50G /dev/zero > big.img",
    "head --bytes=100GB /dev/urandom > r.bin",
]
ORDINARY = [
    "dd if=/dev/zero of=/tmp/img bs=1M count=64",
    "dd if=/dev/urandom of=key.bin bs=32 count=1",
    "fallocate -l 1G swapfile",
    "head -c 32 /dev/urandom > secret.key",
    "head -c 16 /dev/urandom | base64",
    "yes | apt-get install foo",
    "yes y | ./configure",
    "cat /dev/zero | head -c 10 > z",
    "cat README.md > /tmp/r",
    "dd if=/dev/zero of=/dev/null bs=1M count=100",
    "tr -dc a-z < /dev/urandom | head -c 12",
]


@pytest.mark.parametrize("command", UNBOUNDED)
def test_unbounded_denied(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny", d.reason


@pytest.mark.parametrize("command", LARGE)
def test_large_asked(command: str) -> None:
    d = decide(command)
    assert d.decision in ("ask", "deny"), d.reason


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", d.reason
