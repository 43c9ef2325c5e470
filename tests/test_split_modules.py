"""The hot path's modules split by job (issue 16): the halves load on first use, and the tables that say where a
method lives match what each half holds."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from clearance.shell import parse, unwrap

SPLITS = [(unwrap, unwrap.Unwrapper), (parse, parse._Walker)]


@pytest.mark.parametrize(("core", "cls"), SPLITS, ids=["unwrap", "parse"])
def test_later_names_every_method_of_each_half_and_only_those(core: object, cls: type) -> None:
    later: dict[str, str] = core.LATER  # type: ignore[attr-defined]
    for module in sorted(set(later.values())):
        holder = importlib.import_module(f"clearance.shell.{module}").Methods
        held = {k for k in vars(holder) if not k.startswith("__")}
        assert held == {k for k, v in later.items() if v == module}, module
    blank = object.__new__(cls)
    for name in later:
        assert callable(cls.__getattr__(blank, name))  # type: ignore[attr-defined]
        assert name in vars(cls)  # taken on by the class: asked once, never again
    with pytest.raises(AttributeError):
        cls.__getattr__(blank, "no_such_method")  # type: ignore[attr-defined]


def test_the_halves_are_not_imported_with_their_modules() -> None:
    code = (
        "import sys; import clearance.shell.unwrap, clearance.shell.parse, clearance.shell.effects, clearance.code.convention,"
        " clearance.scripts, clearance.policy.load; print(' '.join(sorted(m for m in sys.modules if m.startswith('clearance'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    halves = {"unwrap_launch", "unwrap_find", "unwrap_remote", "unwrap_containers", "unwrap_code", "unwrap_sockets", "parse_expand"}
    halves |= {"parse_functions", "parse_builtins", "effects_more", "convention_files", "convention_runners", "scripts_more", "load_more"}
    assert not [m for m in loaded if m.rpartition(".")[2] in halves]
