"""The rarely raised exceptions live in clearance.errors, made only when raised or caught (errors.py says why).

A decision that raises none of them does not import the module; each is still importable from the module that raises
it, as the same class; and each rare path still answers as before (a malformed event, a decision past its deadline,
two fields that disagree, a patch too large, an audit key that cannot be read).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from clearance import errors
from clearance.adapters import claude, common
from clearance.api import decide_event_full
from clearance.store import keys, spool

HOT = (
    "import sys; from clearance.api import decide_event_full; "
    "d, _, _ = decide_event_full({'tool_name': 'Bash', 'tool_input': {'command': 'git status && pytest -q'}, 'cwd': '/tmp'}, {'HOME': '/tmp'}); "
    "print(d.decision, 'clearance.errors' in sys.modules)"
)


def test_an_ordinary_decision_makes_none_of_them() -> None:
    out = subprocess.run([sys.executable, "-c", HOT], capture_output=True, text=True, timeout=120, check=True).stdout.split()
    assert out == ["allow", "False"], out


@pytest.mark.parametrize(
    ("module", "name"),
    [(claude, "MalformedEvent"), (common, "Conflict"), (common, "PatchTooLarge"), (spool, "NotReady"), (spool, "LockBusy"), (keys, "KeyError_")],
)
def test_importable_where_raised_as_the_same_class(module: object, name: str) -> None:
    assert getattr(module, name) is getattr(errors, name)
    with pytest.raises(AttributeError):
        getattr(module, name + "Nope")


def test_malformed_event_still_explained() -> None:
    d, ctx, _ = decide_event_full({"tool_name": "Bash", "tool_input": {"command": 7}})
    assert d.decision != "allow" and "no command string" in d.reason and ctx is None


def test_two_fields_that_disagree_raise_conflict() -> None:
    with pytest.raises(errors.Conflict):
        common.first_str({"file_path": "a.py", "path": "b.py"}, "file_path", "path")


def test_runaway_line_is_a_parse_failure() -> None:
    from clearance.shell.limits import ParseFailure

    assert issubclass(errors.RunawayLine, ParseFailure) and errors.RunawayLine(3).at == 3


def test_unreadable_spool_key_is_none_unless_created(tmp_path: object) -> None:
    db = str(tmp_path) + "/audit.db"  # type: ignore[operator]
    path = spool.key_path(db)
    import os

    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"short")  # shorter than 16 bytes: KeyError_
    assert spool.spool_key(db, create=False) is None
    with pytest.raises(errors.KeyError_):
        spool.spool_key(db, create=True)


def test_decision_past_its_deadline_raises_decision_timeout() -> None:
    from types import SimpleNamespace

    from clearance.engine import check_deadline

    with pytest.raises(errors.DecisionTimeout):
        check_deadline(SimpleNamespace(deadline=-1.0))  # type: ignore[arg-type]
