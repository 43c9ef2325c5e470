"""git pathspecs read as git reads them (options.pathspec / git_pathspecs, used by effects.py and the git rules).

`:/` and `:(top)` anchor a pathspec at the top of the work tree, `:!x`/`:^x`/`:(exclude)x` exclude (a list of only
exclusions is the whole tree less them), `*` matches "/" unless `:(literal)`, `**` under `:(glob)` is every path.
"""

from __future__ import annotations

import pytest

from clearance.shell.options import EVERYTHING, git_pathspecs, pathspec

from .conftest import decide


@pytest.mark.parametrize(
    ("value", "pattern", "magic"),
    [
        (":/", "", {"top"}),
        (":/src", "src", {"top"}),
        (":!x", "x", {"exclude"}),
        (":^x", "x", {"exclude"}),
        (":/!:x", "x", {"top", "exclude"}),
        (":(top,glob)src/**", "src/**", {"top", "glob"}),
        (":(exclude)node_modules", "node_modules", {"exclude"}),
        (":(attr:text)x", "x", {"attr"}),
        (":(top", ":(top", set()),  # unclosed: git refuses it
        ("src/a.ts", "src/a.ts", set()),
    ],
)
def test_pathspec_magic(value: str, pattern: str, magic: set[str]) -> None:
    assert pathspec(value) == (pattern, frozenset(magic))


def test_literal_pathspecs_have_no_magic() -> None:
    assert pathspec(":/", literal=True) == (":/", frozenset())


@pytest.mark.parametrize(
    ("values", "want"),
    [
        ([":/"], [(EVERYTHING, True)]),
        ([":(top)"], [(EVERYTHING, True)]),
        ([":/*"], [(EVERYTHING, True)]),
        (["*"], [(EVERYTHING, False)]),
        ([":(glob)**"], [(EVERYTHING, False)]),
        ([":(literal)*"], [("*", False)]),
        ([":!x"], [(EVERYTHING, False)]),  # only exclusions: everything else
        ([":!x", "src"], [("src", False)]),
        ([":/lib"], [("lib", True)]),
        (["./"], [(EVERYTHING, False)]),
    ],
)
def test_what_pathspecs_name(values: list[str], want: list[tuple[str, bool]]) -> None:
    assert git_pathspecs(values) == want


DENIED = [
    "git rm -r ':/'",
    "git rm -r ':(top)'",
    "git rm -rf ':!x'",
    "git rm -r ':(glob)**'",
    "git rm -r ':/*'",
    "cd src && git rm -r ':/'",  # the top of the work tree, not src
    "git checkout -- ':/*'",
    "git checkout ':/'",
    "git checkout ':(top)'",
    "git checkout HEAD -- ':/'",
    "git checkout main -- ':(exclude)src'",
    "git restore ':/'",
    "git restore ':!package.json'",
    "git restore --source=HEAD~3 ':/'",
    "git clean -fdx ':/'",
]
ASKED = [
    "git restore -- ':(top)src'",
    "git checkout -- src/a.ts",
    # --pathspec-from-file: the paths come from a file (unknown) or from stdin (read when literal)
    "git rm -r --pathspec-from-file=list.txt",
    "git checkout --pathspec-from-file=list.txt",
    "printf 'a.txt\\n' | git restore --pathspec-from-file=-",
]
DENIED += ["git restore --pathspec-from-file=- <<< ':/'", "echo ':/' | git checkout --pathspec-from-file=- HEAD"]
ALLOWED = [
    "git rm ':(top)README.md'",
    "git rm -r --cached ':/'",
    "git add ':/'",
    "git add -A ':!dist'",
    "git diff -- ':!package-lock.json'",
    "git log -- ':(top)src'",
    "git stash push -- ':/'",
    "git rm src/old.ts",
    "git restore --staged --pathspec-from-file=list.txt",
    "git add --pathspec-from-file=list.txt",
]


@pytest.mark.parametrize("command", DENIED)
def test_pathspec_magic_that_discards_everything_is_denied(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny", (command, d.decision, d.rules)


@pytest.mark.parametrize("command", ASKED)
def test_pathspec_of_some_files_is_asked(command: str) -> None:
    d = decide(command)
    assert d.decision == "ask", (command, d.decision, d.rules)


@pytest.mark.parametrize("command", ALLOWED)
def test_ordinary_pathspecs_are_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (command, d.decision, d.rules)
