"""shell/plain.py builds tree-sitter-bash's own tree for plain command lines: compared node by node."""

from __future__ import annotations

import glob
import json
import random
from pathlib import Path
from typing import Any

import pytest

from clearance.shell import plain
from clearance.shell.treesitter import parser

ROOT = Path(__file__).resolve().parents[1]


def _same(mine: Any, real: Any, where: str = "") -> None:
    here = f"{where}/{real.type}@{real.start_byte}"
    assert (mine.type, mine.is_named, mine.start_byte, mine.end_byte) == (real.type, real.is_named, real.start_byte, real.end_byte), here
    assert mine.text == real.text, here
    assert (mine.is_missing, mine.has_error, mine.child_count) == (real.is_missing, real.has_error, real.child_count), here
    assert tuple(mine.start_point) == tuple(real.start_point), here
    assert mine.descendant_count == real.descendant_count, here
    assert (mine.parent is None) == (real.parent is None), here
    for attr in ("prev_sibling", "next_sibling"):
        a, b = getattr(mine, attr), getattr(real, attr)
        assert (a is None) == (b is None), here
        if a is not None:
            assert (a.type, a.start_byte, a.end_byte) == (b.type, b.start_byte, b.end_byte), here
    for i, (m, r) in enumerate(zip(mine.children, real.children)):
        assert mine.field_name_for_child(i) == real.field_name_for_child(i), here
        _same(m, r, here)
    for f in ("name", "argument", "body", "value", "redirect", "operator"):
        a, b = mine.child_by_field_name(f), real.child_by_field_name(f)
        assert (a is None) == (b is None), (here, f)
        if a is not None:
            assert (a.start_byte, a.type) == (b.start_byte, b.type), (here, f)


def _check(text: str) -> bool:
    """Compare the trees where plain.tree builds one; whether it did."""
    data = text.encode("utf-8", "surrogatepass")
    mine = plain.tree(data)
    if mine is None:
        return False
    real = parser().parse(data)
    assert not real.root_node.has_error, text
    try:
        _same(mine.root_node, real.root_node)
    except AssertionError as e:
        raise AssertionError(f"{text!r}: {e}") from None
    return True


def _commands(obj: Any) -> list[str]:
    if isinstance(obj, dict):
        out = []
        for k, v in obj.items():
            if k == "command" and isinstance(v, str):
                out.append(v)
            else:
                out.extend(_commands(v))
        return out
    if isinstance(obj, list):
        return [c for v in obj for c in _commands(v)]
    return []


def _corpus() -> list[str]:
    found: list[str] = []
    for path in sorted(glob.glob(str(ROOT / "eval" / "**" / "*.jsonl"), recursive=True)) + ["/work/shared/corpus/actions.jsonl"]:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            try:
                found.extend(_commands(json.loads(line)))
            except ValueError:
                continue
    return list(dict.fromkeys(found))


def test_corpus_commands() -> None:
    commands = _corpus()
    built = sum(_check(c) for c in commands)
    assert built > 200, built  # the corpora hold many plain lines


ALPHABET = [
    "a",
    "b",
    "f",
    "0",
    "1",
    "-1",
    "0x",
    "09",
    "0X",
    "-0x",
    "git",
    "x1",
    "-",
    "--",
    "=",
    "~",
    "/",
    ".",
    ":",
    "@",
    "%",
    "+",
    ",",
    "^",
    "*",
    "?",
    "_",
    " ",
    " ",
    " ",
    "\t",
    ";",
    "|",
    "&&",
    "||",
    "if",
    "do",
    "time",
    "export",
    "!",
    "#",
    "&",
    "'",
    "$",
    "{",
    "}",
    "[",
    "(",
    ">",
    "\\",
    "\n",
]


def test_generated_lines() -> None:
    rng = random.Random(16)
    built = 0
    for _ in range(30000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12)))
        built += _check(text)
    assert built > 1000, built


@pytest.mark.parametrize(
    "text",
    [
        "git status", "rm -rf ~/projects", "git status && npm test -- --watch=false | tee out.log", "ls -la src; cat a | head -20;",
        "a || b && c | d | e; f", "python -m pytest -q tests/", "ls *.py x?", "cmd a=b c,d e:f @g h%i +j ^k",
    ],
)  # fmt: skip
def test_plain(text: str) -> None:
    assert _check(text)


@pytest.mark.parametrize(
    "text",
    [
        "", " ", "a b ", " a", "a  &", "a & b", "a;;b", ";a", "a &&", "a |", "a |& b", "if true", "export A=b", "A=b cmd",
        "a%b c", "+x", "echo 'q'", "echo $HOME", "a > f", "a\nb", "a # c", "! a", "{ a; }", "(a)", "a\\ b", "é",
        "time make", "declare -x a", "unset A", "a=b",
    ],
)  # fmt: skip
def test_not_plain_or_same(text: str) -> None:
    _check(text)  # either not built, or built the same as tree-sitter


BUILTINS = [
    "let",
    "test",
    "eval",
    "source",
    "exec",
    "command",
    "builtin",
    "alias",
    "trap",
    "shopt",
    "readarray",
    "mapfile",
    "return",
    "break",
    "continue",
    "exit",
    "wait",
    "true",
    "false",
    "nohup",
    "sudo",
    "env",
    "xargs",
    "in",
    "esac",
    "fi",
    "done",
    "then",
    "else",
    "elif",
    "do",
    "case",
    "select",
    "until",
    "while",
    "for",
    "if",
    "function",
    "coproc",
    "time",
    "declare",
    "typeset",
    "export",
    "readonly",
    "local",
    "unset",
    "unsetenv",
    "integer",
    "getopts",
    "printf",
    "echo",
    "read",
    "cd",
    "pushd",
    "popd",
    "kill",
    "jobs",
    "bg",
    "fg",
    "disown",
    "umask",
    "ulimit",
    "hash",
    "type",
    "enable",
    "compgen",
    "complete",
    "bind",
    "times",
    "shift",
    "set",
]


def test_builtins_and_reserved_words_anywhere() -> None:
    """A reserved word or a builtin bash or tree-sitter-bash reads apart is either refused or read as tree-sitter reads it."""
    for w in BUILTINS:
        for text in (w, f"{w} x", f"{w} x=1 y", f"a && {w} b", f"a | {w}", f"{w}; b", f"{w} -1 2"):
            _check(text)
