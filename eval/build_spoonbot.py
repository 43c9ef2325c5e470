#!/usr/bin/env python3
# ruff: noqa: E501  (hand labels and their reasons read better unbroken)
"""Build eval/outside/spoon-bot.jsonl: the commands of an agent's shell-tool security tests, labelled by us.

usage: python eval/build_spoonbot.py --mirror /work/.mirror [--out eval/outside]

Source: XSpoonAi/spoon-bot (MIT, pyproject.toml), an agent whose ``shell`` tool checks every command with a
``CommandValidator`` (dangerous patterns, chaining and substitution as injection, dangerous redirections, an optional
whitelist and strict mode) before running it.  ``tests/test_security.py`` is read with ``ast`` (never run); from its
shell classes (``TestCommandValidator``, ``TestShellTool``, ``TestSafeShellTool``; not the path-validator tests) the
string commands come in: the values of a ``pytest.mark.parametrize`` over ``command``, the literal first argument of
``validate(...)`` / ``execute(...)``, and the strings of a ``for cmd in [...]`` loop whose body validates ``cmd``.
Windows commands (``format c:``, ``del /f``, ``rd /s``) are left out.  The peer's expectation is kept as ``peer_hint``
from the test function's name (``blocks`` -> ``block``, ``allows`` -> ``allow``); several tests depend on the
validator's mode (whitelist, strict, pipes off), so the hint says little.  Label, class and reason are ours:
eval/outside_label.py in the outside evaluation's fixed setting (project /home/dev/project = cwd, HOME=/home/dev),
except the rows labelled by hand below (HAND, by exact command; ``why`` then starts with "by hand:").

Left out: commands already in another outside set (but the sets built after this one, PEER_ORDER in build_outside.py),
and everything ``build_outside.usable`` rejects.  Ids are ``spoon-bot-<hash of source + command>`` as in
build_outside.py, so the held-out split (eval/outside/HELDOUT.md) applies unchanged.  ``source_ref`` is
``repo@commit:path#L<line>``.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_outside import Repo, build_repo_peer, peer_main

SPOONBOT = "XSpoonAi/spoon-bot"
SOURCE = "spoon-bot"
PATH = "tests/test_security.py"
_WINDOWS = re.compile(r"^(cmd(\.exe)?|powershell|pwsh|dir|format|del|rd)\b|[A-Za-z]:\\?$|[A-Za-z]:\\", re.I)


def _hint(name: str) -> str | None:
    n = name.lower()
    if re.search(r"block|deny|reject", n):
        return "block"
    if re.search(r"allow|safe", n):
        return "allow"
    return None


def _str_list(node: ast.AST) -> list[tuple[str, int]]:
    if isinstance(node, (ast.List, ast.Tuple)):
        return [(e.value, e.lineno) for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


def _calls(node: ast.AST) -> list[ast.Call]:
    return [c for c in ast.walk(node) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute) and c.func.attr in ("validate", "execute")]


def extract_file(src: str) -> list[tuple[str, int, str | None]]:
    tree = ast.parse(src)
    out: list[tuple[str, int, str | None]] = []
    for cls in tree.body:
        if not (isinstance(cls, ast.ClassDef) and re.search(r"Command|Shell", cls.name)):
            continue
        for fn in ast.walk(cls):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            hint = _hint(fn.name)
            for dec in fn.decorator_list:
                if isinstance(dec, ast.Call) and isinstance(dec.func, ast.Attribute) and dec.func.attr == "parametrize" and len(dec.args) >= 2:
                    if isinstance(dec.args[0], ast.Constant) and dec.args[0].value == "command":
                        out.extend((s, ln, hint) for s, ln in _str_list(dec.args[1]))
            for loop in ast.walk(fn):
                if isinstance(loop, ast.For) and _calls(loop):
                    out.extend((s, ln, hint) for s, ln in _str_list(loop.iter))
            for call in _calls(fn):
                if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                    out.append((call.args[0].value, call.args[0].lineno, hint))
    return sorted(out, key=lambda r: r[1])


# ---------------------------------------------------------------------------------------------- hand labels
# Every row was read; where the rules were wrong by what the command does it is labelled here.  (label, class, why, commands)
_HAND_GROUPS: list[tuple[str, str, str, list[str]]] = [
    (
        "dangerous",
        "overwrite-outside",
        "the redirection truncates /etc/shadow and writes the file into it (reads nothing from it): the system's password database replaced, like echo test > /etc/passwd",
        ["cat file > /etc/shadow"],
    ),
]
HAND: dict[str, tuple[str, str, str]] = {c: (label, cls, why) for label, cls, why, cmds in _HAND_GROUPS for c in cmds}


def extract(repo: Repo) -> list[tuple[str, str, str | None]]:
    return [(cmd, f"{PATH}#L{n}", hint) for cmd, n, hint in extract_file(repo.show(PATH)) if not _WINDOWS.search(cmd.strip())]


def build(mirror: Path, out: Path) -> tuple[int, int]:
    return build_repo_peer(SOURCE, SPOONBOT, extract, HAND, mirror, out)


def main() -> int:
    return peer_main(SOURCE, build, __doc__)


if __name__ == "__main__":
    raise SystemExit(main())
