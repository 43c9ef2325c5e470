"""pathstr.py answers as posixpath (and os.makedirs, os.fsencode) do: the hook's path no longer imports os."""

from __future__ import annotations

import itertools
import os
import posixpath
from pathlib import Path

import pytest

from clearance import pathstr

PARTS = [
    "",
    "/",
    "//",
    "///",
    ".",
    "..",
    "a",
    "a/",
    "/a",
    "a/b",
    "a//b/",
    "./a",
    "../a",
    "a/./b/../c",
    "/../x",
    "//x/y",
    "~",
    "~/x",
    "~root/y",
    "é/ü",
    "a\udcff",
]


def test_string_functions_match_posixpath() -> None:
    for p in PARTS:
        for name in ("basename", "dirname", "split", "normpath", "isabs"):
            assert getattr(pathstr, name)(p) == getattr(posixpath, name)(p), (name, p)
    for a, b in itertools.product(PARTS, repeat=2):
        assert pathstr.join(a, b) == posixpath.join(a, b), (a, b)
        assert pathstr.join(a, b, a) == posixpath.join(a, b, a), (a, b)
    assert pathstr.join("x") == posixpath.join("x")
    for a, b in itertools.product([p for p in PARTS if p.startswith("/")], repeat=2):
        assert pathstr.commonpath([a, b]) == posixpath.commonpath([a, b]), (a, b)
        assert pathstr.relpath(a, b) == posixpath.relpath(a, b), (a, b)
    for a, b in itertools.product([p for p in PARTS if p and not p.startswith("/")], repeat=2):
        assert pathstr.commonpath([a, b]) == posixpath.commonpath([a, b]), (a, b)
        assert pathstr.relpath(a, b) == posixpath.relpath(a, b), (a, b)
    with pytest.raises(ValueError):
        pathstr.commonpath(["/a", "b"])
    with pytest.raises(ValueError):
        pathstr.commonpath([])
    with pytest.raises(ValueError):
        pathstr.relpath("")
    assert pathstr.fsencode("a\udcff/é") == os.fsencode("a\udcff/é")


def test_path_like_arguments(tmp_path: Path) -> None:
    assert pathstr.join(tmp_path, "x") == posixpath.join(tmp_path, "x")
    assert pathstr.normpath(tmp_path / ".." / "y") == posixpath.normpath(tmp_path / ".." / "y")
    assert pathstr.dirname(tmp_path) == posixpath.dirname(tmp_path)


def test_expanduser_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    for home in ("/home/ana", "/home/ana/", "/", ""):
        monkeypatch.setenv("HOME", home)
        for p in PARTS + ["~", "~/", "~nosuchuser-xyz/a", "~root"]:
            assert pathstr.expanduser(p) == posixpath.expanduser(p), (home, p)
    monkeypatch.delenv("HOME")
    for p in ("~", "~/a", "x"):
        assert pathstr.expanduser(p) == posixpath.expanduser(p), p


def test_disk_functions_match(tmp_path: Path) -> None:
    (tmp_path / "d" / "e").mkdir(parents=True)
    (tmp_path / "f").write_text("12345")
    (tmp_path / "up").symlink_to("d/e/..")
    (tmp_path / "abs").symlink_to(tmp_path / "f")
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    (tmp_path / "dangling").symlink_to("nowhere/x")
    (tmp_path / "self").symlink_to(".")
    names = [
        "",
        "d",
        "d/e",
        "f",
        "up",
        "up/e",
        "up/../f",
        "abs",
        "abs/x",
        "loop1",
        "loop1/x",
        "dangling",
        "dangling/y",
        "self/self/d",
        "missing",
        "d/../f",
        "f/",
        "../x",
    ]
    for n in names:
        p = f"{tmp_path}/{n}" if n else str(tmp_path)
        for name in ("exists", "lexists", "isfile", "isdir", "realpath", "abspath"):
            assert getattr(pathstr, name)(p) == getattr(posixpath, name)(p), (name, n)
        if posixpath.exists(p):
            assert pathstr.getsize(p) == posixpath.getsize(p), n
    assert pathstr.realpath("relative/../x") == posixpath.realpath("relative/../x")
    assert pathstr.abspath("a/../b") == posixpath.abspath("a/../b")
    assert pathstr.isfile("a\x00b") is False and pathstr.exists("a\x00b") is False


def test_makedirs(tmp_path: Path) -> None:
    target = f"{tmp_path}/a/b/c"
    pathstr.makedirs(target, mode=0o700)
    assert os.path.isdir(target) and os.stat(target).st_mode & 0o777 == 0o700
    pathstr.makedirs(target, exist_ok=True)
    pathstr.makedirs(f"{tmp_path}/x/./", exist_ok=True)
    assert os.path.isdir(f"{tmp_path}/x")
    with pytest.raises(FileExistsError):
        pathstr.makedirs(target)
    (tmp_path / "file").write_text("")
    with pytest.raises(FileExistsError):
        pathstr.makedirs(f"{tmp_path}/file", exist_ok=True)
    with pytest.raises(NotADirectoryError):
        pathstr.makedirs(f"{tmp_path}/file/sub", exist_ok=True)
