"""A HOME that does not exist is never created by clearance's caches (seal.key): a service user's `/nonexistent`, or a
recorded session's home replayed by the evaluations, stays absent, and decisions are the same without the caches."""

from __future__ import annotations

from pathlib import Path

from clearance import seal


def test_no_key_and_no_folder_under_a_missing_home(tmp_path: Path) -> None:
    home = tmp_path / "absent-home"
    env = {"HOME": str(home)}
    assert seal.key(env) is None
    assert not home.exists()
    assert seal.write_sealed(str(home / ".cache" / "clearance" / "x"), "body", env) is False
    assert not home.exists()


def test_an_existing_home_gets_its_key(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    k = seal.key(env)
    assert k is not None and len(k) == 32
    assert (tmp_path / ".local" / "state" / "clearance" / seal.KEY_NAME).exists()


def test_an_explicit_state_folder_is_used_whatever_home_is(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "absent-home"), "XDG_STATE_HOME": str(tmp_path / "state")}
    assert seal.key(env) is not None
    assert not (tmp_path / "absent-home").exists()
