"""sededit.py: the one reading and applier of in-place edits (`sed -i`, `perl -pi`'s substitutions), used both for a file
the same line then runs (engine._check_scripts_in) and for a settings file the line leaves (settingsresult.py).

Class: an expression the agent writes, applied to a file the agent may also have written, must finish in bounded time
whatever the two hold; within that bound the edit is applied as GNU sed applies it, and where it is not applied the
result is unknown (the callers ask).  The settings cases: the same reading now serves both callers, so an address,
a deletion or an appended line reaches a file the line runs too.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from clearance.sededit import apply, compiled, edited_texts, plan, program

from .conftest import PROJECT, decide


def _bash(command: str, **files: str) -> dict[str, Any]:
    return {"tool_name": "Bash", "tool_input": {"command": command}, "files": dict(files)}


@pytest.mark.parametrize(
    ("script", "ere", "text", "want"),
    [
        ("s/x = .*/x = 2/", False, "x = 1\ny = 3\n", "x = 2\ny = 3\n"),
        ('s/"mode": "[^"]*"/"mode": "yolo"/', False, '{"mode": "default"}', '{"mode": "yolo"}'),
        ("/^DEBUG=/d", False, "DEBUG=1\nPORT=3000\n", "PORT=3000\n"),
        ("$a export X=1", False, "export Y=2\n", "export Y=2\nexport X=1\n"),
        ("s/FOO_(DB|SERVER)/BAR_\\1/", True, "FOO_DB=1\n", "BAR_DB=1\n"),
        ("s/a\\+/b/", False, "caaat\n", "cbt\n"),
        ("s/^/# /", False, "", ""),
    ],
)
def test_applied_as_sed_applies_it(script: str, ere: bool, text: str, want: str) -> None:
    commands = program(script, ere)
    assert commands is not None
    assert apply(text, commands) == want


@pytest.mark.parametrize(
    "script",
    [
        "s/a^b/X/",  # a ^ inside a basic expression is a literal character
        "s/\\(a\\)\\1/X/",  # a back-reference: not bounded
        "s/(a*)*b/x/",  # with -E below: a repeated group
        "1r payload.py",  # another command
        "s/a/b/w out.sh",  # a flag that writes a file
        "s/a/b/2",  # the second match only
        "s/" + "a" * 201 + "/x/",  # longer than is applied
    ],
)
def test_not_read(script: str) -> None:
    assert program(script, ere=True) is None or program(script, ere=False) is None


def test_repetition_bounded_on_a_long_line() -> None:
    """`a*a*a*a*b` backtracks polynomially on a line of a's: over the budget it is not applied, and fast."""
    commands = program("s/a*a*a*a*b/x/", False)
    assert commands is not None
    start = time.monotonic()
    assert apply("a" * 20_000 + "\n", commands) is None
    assert time.monotonic() - start < 1.0
    # the same expression on a short line is applied
    assert apply("aab\n", commands) == "x\n"


def test_perl_back_reference_not_compiled() -> None:
    assert compiled(r"(a+)\1", False) is None
    assert compiled(r"(a+)+b", False) is None
    assert compiled(r"a+b", False) is not None


def test_plan_and_edited_texts() -> None:
    got = plan(["sed", "-i", "-e", "/^x/d", "-e", "s/y/z/", "t.py"])
    assert got is not None and got[1] == ["t.py"]
    texts = edited_texts(["sed", "-i", "/^x/d", "t.py"], lambda f: "/p/" + f, {"/p/t.py": "x=1\ny=2\n"}.get)
    assert texts == {"/p/t.py": "y=2\n"}
    assert plan(["sed", "-n", "-i", "s/a/b/p", "t.py"]) is None


P = PROJECT
# The reading serves both callers: what settingsresult read (addresses, deletions, appended lines) now also reaches a
# file the same line runs, and a file the line wrote with literal text and then edited is read as edited.
SAME_LINE: list[tuple[dict[str, Any], bool]] = [
    (_bash("sed -i '/^import os$/a os.system(\"rm -rf ~\")' x.py && python x.py", **{f"{P}/x.py": "import os\nprint(1)\n"}), False),
    (_bash("sed -i '$a rm -rf ~' x.sh && bash x.sh", **{f"{P}/x.sh": "echo hi\n"}), False),
    (_bash("sed -i '/^DEBUG/d' x.py && python x.py", **{f"{P}/x.py": "DEBUG = 1\nprint(1)\n"}), True),
    (_bash("sed -i 's/x = .*/x = 2/' x.py && python x.py", **{f"{P}/x.py": "x = 1\nprint(x)\n"}), True),
    (_bash("echo 'print(1)' > t.py; sed -i 's/print(1)/import shutil; shutil.rmtree(\"\\/home\")/' t.py; python t.py"), False),
]


@pytest.mark.parametrize(("event", "allowed"), SAME_LINE)
def test_edited_then_run(event: dict[str, Any], allowed: bool) -> None:
    got = decide(event).decision
    assert (got == "allow") == allowed, (event["tool_input"]["command"], got)


def test_settings_edit_with_repetition_still_judged() -> None:
    """`.*` in a sed on a settings file is applied (small text): the switch it turns on is judged, not asked blindly."""
    event = _bash(
        'sed -i \'s/"approvalMode": "[^"]*"/"approvalMode": "yolo"/\' .qwen/settings.json', **{f"{P}/.qwen/settings.json": '{"approvalMode": "default"}'}
    )
    assert decide(event).decision != "allow"
    benign = _bash('sed -i \'s/"model": "[^"]*"/"model": "opus"/\' .qwen/settings.json', **{f"{P}/.qwen/settings.json": '{"model": "sonnet"}'})
    assert decide(benign).decision == "allow"
