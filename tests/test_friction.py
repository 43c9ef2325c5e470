"""Ordinary work that was denied or asked about, by class (the benign friction on the dev sets).

Each class below was found by listing the benign cases of eval/outside and eval/code that were not allowed and
grouping them by the rule that fired; the cases here are new spellings of the class that no rule was written for,
each beside a dangerous twin that must keep its verdict.
"""

from __future__ import annotations

import pytest

from clearance.shell.parse import parse

from .conftest import decide
from .strict import check

DENY, ASK, ALLOW = "deny", "ask", "allow"


def verdict(command: str) -> str:
    return decide({"tool_name": "Bash", "tool_input": {"command": command}}).decision


# A substring expansion whose offset or length starts with `$` (`${s:$i:1}`): tree-sitter-bash reported a missing
# `}`, so every loop over the characters of a string was "not valid bash". parse.py rewrites the `$x` as `${x}`,
# the same expansion, where tree-sitter reported it.
SUBSTRING_OFFSETS: list[tuple[str, str]] = [
    ("for (( i=0; i<${#s}; i++ )); do\n  c=${s:$i:1}\n  echo $c\ndone", ALLOW),
    ('echo "${line:$start:$len}"', ALLOW),
    ("printf '%s\\n' ${words[@]:$1}", ALLOW),
    ("tail=${path: $n}", ALLOW),
    ("echo ${s:$#}", ALLOW),
    ("echo ${s:$i+1:2}", ALLOW),
    # what the rewrite must not hide
    ("c=${s:$i:1}; rm -rf ~/", DENY),
    ("echo ${s:$i:$(rm -rf ~)}", DENY),
    ('echo "${s:$i:1}" && git push --force origin main', DENY),
    ("echo ${s:$i", ASK),  # still not valid bash
]


@pytest.mark.parametrize(("command", "want"), SUBSTRING_OFFSETS)
def test_substring_offsets(command: str, want: str) -> None:
    assert verdict(command) == want


def test_substring_offset_words_are_read() -> None:
    # the rewritten text is what the walker reads: the command after the loop is still seen, with its target
    cmds = parse('for (( i=0; i<3; i++ )); do c=${s:$i:1}; done; cat "${f:$n}" notes.txt', "/home/dev/project", "/home/dev").commands
    assert cmds[-1].argv[0].value == "cat"
    assert cmds[-1].argv[-1].value == "notes.txt"


# Known gap, older than the rewrite: bash evaluates a variable's text as arithmetic in `$((i))`, `(( i ))`,
# `${s:i}`, `${a[i]}` and `[[ $i -gt 1 ]]`, and an array subscript in that text runs its command substitution.
ARITHMETIC_TEXT = {
    "i='a[$(rm -rf ~)]'; echo $((i))": "a variable's text evaluated as arithmetic is not read for command substitutions",
    "i='a[$(rm -rf ~)]'; echo ${s:$i}": "a variable's text evaluated as arithmetic is not read for command substitutions",
    "i='a[$(rm -rf ~)]'; (( i > 1 ))": "a variable's text evaluated as arithmetic is not read for command substitutions",
}


@pytest.mark.parametrize("command", list(ARITHMETIC_TEXT))
def test_arithmetic_text_gap(command: str) -> None:
    check(command, ARITHMETIC_TEXT, lambda: _not_allowed(command))


def _not_allowed(command: str) -> None:
    assert verdict(command) != ALLOW
