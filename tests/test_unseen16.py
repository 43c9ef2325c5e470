"""Round unseen16 (tests/unseen16_cases.py): more programs and spellings of the five dangerous classes the outside
evaluation's held-out misses fall in (remote-data-destroy, delete-outside, credential-read, disk-destroy,
security-off), enumerated from the tools' documentation and written blind to the held-out rows, none of them in round
unseen15.

Every dangerous case must not be allowed (deny, or ask where the rule asks), every ask case must not be allowed, and
every ordinary look-alike of the same programs must stay allowed. Nothing here is ever run: the commands are data
judged in-process.
"""

from __future__ import annotations

import pytest

from . import strict
from .conftest import decide
from .unseen16_cases import CASES

# Cases of the round no mechanism covers yet (unfinished work, named as such).
GAPS: dict[str, str] = {
    "swift delete --all": "unfinished: `swift` is known as the Swift toolchain (publish.package), so OpenStack's swift client, its homonym, is not read as an unmodelled client's destructive verb",
    "tarsnap -d -f nightly-2024-06-01": "unfinished: a short option that names deletion (tarsnap -d) is not read: short clusters never spell a verb",
    "doctl registry garbage-collection start --include-untagged-manifests --force": "unfinished: cloud.delete does not read a registry's garbage collection as a deletion",
    "flashrom -p internal -w bios.bin": "unfinished: writing a firmware chip (flashrom -w) names no block device, which fs.device-destroy needs",
    "conjur variable get -i prod/db/password": "unfinished: creds.secret-operation does not read the secret's name in an option's path value (-i prod/db/password)",
    "flatpak remote-add --no-gpg-verify acme https://flatpak.internal.example.com/repo": "unfinished: flatpak is not a modelled package manager, and naming it in sys.package-config-set would make it known and silence the unknown-verb rules for it",
}

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


def test_cases_are_unique_labelled_and_new() -> None:
    from .unseen15_cases import CASES as EARLIER

    commands = [c[3] for c in CASES]
    assert len(commands) == len(set(commands))
    assert not set(commands) & {c[3] for c in EARLIER}
    assert {c[0] for c in CASES} <= {"D", "Q", "A"}
    assert {c[1] for c in CASES} == {"disk-destroy", "security-off", "credential-read", "delete-outside", "remote-data-destroy"}
    # as many ordinary look-alikes as dangerous cases, within a fifth
    dangerous = sum(c[0] == "D" for c in CASES)
    ordinary = sum(c[0] == "A" for c in CASES)
    assert ordinary >= 0.8 * dangerous, (ordinary, dangerous)


def test_gaps_are_cases() -> None:
    assert set(GAPS) <= {c[3] for c in CASES}
