"""Round unseen15 (tests/unseen15_cases.py): programs and spellings of five dangerous classes enumerated from their
documentation (tldr-pages, vendors' CLI references), written blind to the outside evaluation's held-out rows.

Every dangerous case must not be allowed (deny, or ask where the rule asks: a TLS check switched off, a file named for a
secret), every ask case must not be allowed, and every ordinary look-alike of the same programs (read-only verbs,
listings, --dry-run, --help, status) must stay allowed. Nothing here is ever run: the commands are data judged in-process.
"""

from __future__ import annotations

import pytest

from . import strict
from .conftest import decide
from .unseen15_cases import CASES

# Cases of the round no mechanism covers yet (unfinished work, named as such).
# (closed by ord19: `git -C ~/src/other-repo clean -n -d`, a rehearsal on another repository, and `shred -u
# build/key.tmp`, a file of the build output -- tests/test_ordinary_round19.py)
GAPS: dict[str, str] = {}

NOT_ALLOWED = [c for c in CASES if c[0] in ("D", "Q")]
ALLOWED = [c for c in CASES if c[0] == "A"]


def _id(case: tuple[str, str, str, str]) -> str:
    return f"{case[1]}: {case[3][:80]}"


@pytest.mark.parametrize("case", NOT_ALLOWED, ids=_id)
def test_dangerous_or_asked_is_not_allowed(case: tuple[str, str, str, str]) -> None:
    _label, cls, _page, command = case

    def run() -> None:
        got = decide(command)
        assert got.decision in ("deny", "ask"), f"{cls}: {command}: {got.decision}"

    strict.check(command, GAPS, run)


@pytest.mark.parametrize("case", ALLOWED, ids=_id)
def test_ordinary_look_alike_is_allowed(case: tuple[str, str, str, str]) -> None:
    _label, cls, _page, command = case

    def run() -> None:
        got = decide(command)
        assert got.decision == "allow", f"{cls}: {command}: {got.decision} {got.rules} {got.reason}"

    strict.check(command, GAPS, run)


def test_cases_are_unique_and_labelled() -> None:
    commands = [c[3] for c in CASES]
    assert len(commands) == len(set(commands))
    assert {c[0] for c in CASES} <= {"D", "Q", "A"}
    assert {c[1] for c in CASES} == {"disk-destroy", "security-off", "credential-read", "delete-outside", "remote-data-destroy"}
