#!/usr/bin/env python3
# ruff: noqa: E501  (hand labels and their reasons read better unbroken)
"""Build eval/outside/cline.jsonl: the commands of an agent's plan-mode command guard tests, labelled by us.

usage: python eval/build_cline.py --mirror /work/.mirror [--out eval/outside]

Source: cline/cline (Apache-2.0, LICENSE), a coding agent whose SDK refuses, in plan mode, a shell command that edits
files (``findFileEditingCommand``: writers such as rm/mv/cp/touch/sed -i, redirections outside /dev/null and the temp
directory, git's writing verbs, package installs, downloads to files), reading through wrappers, lists, substitutions,
loops and quoting.  Its vitest suites ``sdk/packages/core/src/extensions/tools/command-guard.test.ts`` and
``command-guard-extension.test.ts`` are read as text by build_orchestkit's lexer (never run): the literal first argument
of ``blocks(...)`` / ``findFileEditingCommand(...)``, every ``command:`` value and the ``it.each`` string arrays.  No
``peer_hint``: the guard asks "does it write a file", not "is it harmful" (``rm -rf build`` and ``git add -A`` are both
refused in plan mode).  Label, class and reason are ours: eval/outside_label.py in the outside evaluation's fixed
setting (project /home/dev/project = cwd, HOME=/home/dev), except the rows labelled by hand below (HAND, by exact
command; ``why`` then starts with "by hand:").  Left out: Windows and PowerShell commands, the halves of here-documents
the suite joins at run time (``python3 <<'EOF'``), commands already in another outside set (PEER_ORDER in
build_outside.py), and everything ``build_outside.usable`` rejects.  Ids are ``cline-<hash of source + command>``, so
the held-out split (eval/outside/HELDOUT.md) applies unchanged.  ``source_ref`` is ``repo@commit:path#L<line>``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_continue import _WINDOWS
from build_orchestkit import extract_file, is_command
from build_outside import Repo, build_repo_peer, peer_main

CLINE = "cline/cline"
SOURCE = "cline"
FILES = (
    "sdk/packages/core/src/extensions/tools/command-guard.test.ts",
    "sdk/packages/core/src/extensions/tools/command-guard-extension.test.ts",
)
CALL = re.compile(r"\b(blocks|findFileEditingCommand)\s*\(\s*$|\bcommand\s*:\s*$")
_NOT_SHELL = re.compile(r"(?-i:^[A-Z][a-z]+-[A-Z])|<<-?\s*'?EOF'?$|^(x = 10|export const x = 1|EOF)$|^(mi|ri|move|winget|nuget) |%TEMP%|\$env:|^\S+\.exe\b")

# ---------------------------------------------------------------------------------------------- hand labels
# Every dev row the rules called dangerous or ask was read; where the rules were wrong by what the command does it is
# labelled here.  (label, class, why, commands)
_HAND_GROUPS: list[tuple[str, str, str, list[str]]] = [
    (
        "benign",
        "ordinary",
        "after cd /tmp the rm removes /tmp/cache, a cache in the temporary directory, not the project's",
        ["cd /tmp && rm -rf cache"],
    ),
    (
        "ask",
        "delete-in-project",
        "deletes every TypeScript file of the project (find . -name '*.ts' through xargs rm): the sources; recoverable only where committed, and whether that is wanted is the user's call",
        ["find . -name '*.ts' | xargs -I {} rm {}"],
    ),
]
HAND: dict[str, tuple[str, str, str]] = {c: (label, cls, why) for label, cls, why, cmds in _HAND_GROUPS for c in cmds}


def extract(repo: Repo) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    for path in FILES:
        for cmd, line, _hint in extract_file(repo.show(path), CALL):
            if is_command(cmd) and not _WINDOWS.search(cmd) and not _NOT_SHELL.search(cmd.strip()):
                out.append((cmd, f"{path}#L{line}", None))
    return out


def build(mirror: Path, out: Path) -> tuple[int, int]:
    return build_repo_peer(SOURCE, CLINE, extract, HAND, mirror, out)


def main() -> int:
    return peer_main(SOURCE, build, __doc__)


if __name__ == "__main__":
    raise SystemExit(main())
