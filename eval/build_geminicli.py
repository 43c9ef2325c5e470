#!/usr/bin/env python3
"""Build eval/outside/gemini-cli.jsonl: the commands of an agent CLI's shell-policy tests, labelled by us.

usage: python eval/build_geminicli.py --mirror /work/.mirror [--out eval/outside]

Source: google-gemini/gemini-cli (Apache-2.0, LICENSE), Google's terminal coding agent, whose ``run_shell_command``
tool goes through a policy engine (allow / ask / deny rules over command prefixes, with the command split into its
pipelines, lists and substitutions) and through shell-utils (splitting, command roots, redirections, shell wrappers,
substitution detection).  Its vitest suites are read as text by build_orchestkit's lexer (never run): the literal first
argument of the shell-utils helpers (``getCommandRoots``, ``splitCommands``, ``hasRedirection``, ``stripShellWrapper``,
``parseCommandDetails``, ...), every ``command: '...'`` value, and the flat string arrays of
``packages/core/src/utils/shell-utils.test.ts``, ``packages/core/src/policy/shell-safety*.test.ts``,
``shell-substitution.test.ts``, ``policy-engine.test.ts`` and ``packages/core/src/tools/shell.test.ts``.  No
``peer_hint``: every expectation there depends on the rules the test configured (``git log`` allowed under a
``git log`` prefix rule, asked under none), so it says nothing of the command.  Label, class and reason are ours:
eval/outside_label.py in the outside evaluation's fixed setting (project /home/dev/project = cwd, HOME=/home/dev),
except the rows labelled by hand below (HAND, by exact command; ``why`` then starts with "by hand:").  Left out:
Windows and PowerShell commands, the suite's MCP tool names (``mcp_server_tool1``), commands already in another outside
set (PEER_ORDER in build_outside.py), and everything ``build_outside.usable`` rejects.  Ids are
``gemini-cli-<hash of source + command>``, so the held-out split (eval/outside/HELDOUT.md) applies unchanged.
``source_ref`` is ``repo@commit:path#L<line>``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_continue import _WINDOWS
from build_orchestkit import extract_file, is_command
from build_outside import Repo, build_repo_peer, peer_main

GEMINI = "google-gemini/gemini-cli"
SOURCE = "gemini-cli"
FILES = (
    "packages/core/src/utils/shell-utils.test.ts",
    "packages/core/src/policy/shell-safety.test.ts",
    "packages/core/src/policy/shell-safety-regression.test.ts",
    "packages/core/src/policy/shell-substitution.test.ts",
    "packages/core/src/policy/policy-engine.test.ts",
    "packages/core/src/tools/shell.test.ts",
)
CALL = re.compile(
    r"\b(getCommandRoots?|hasRedirection|stripShellWrapper|splitCommands|parseCommandDetails|normalizeCommand|isCommandAllowed"
    r"|checkCommandPermissions|isShellInvocationAllowlisted|detectCommandSubstitution)\s*\(\s*$|\bcommand\s*:\s*$"
)
_NOT_SHELL = re.compile(r"^mcp_|^\w+_tool\d?$|(?-i:^[A-Z][a-z]+-[A-Z])|Write-Host|^switch -regex|@\(|^\S+\.exe\b|^dir$", re.I)

# ---------------------------------------------------------------------------------------------- hand labels
# Every dev row the rules called dangerous or ask was read; where the rules were wrong by what the command does it is
# labelled here.  (label, class, why, commands)
_HAND_GROUPS: list[tuple[str, str, str, list[str]]] = []
HAND: dict[str, tuple[str, str, str]] = {c: (label, cls, why) for label, cls, why, cmds in _HAND_GROUPS for c in cmds}


def extract(repo: Repo) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    for path in FILES:
        for cmd, line, _hint in extract_file(repo.show(path), CALL):
            if is_command(cmd) and not _WINDOWS.search(cmd) and not _NOT_SHELL.search(cmd.strip()):
                out.append((cmd, f"{path}#L{line}", None))
    return out


def build(mirror: Path, out: Path) -> tuple[int, int]:
    return build_repo_peer(SOURCE, GEMINI, extract, HAND, mirror, out)


def main() -> int:
    return peer_main(SOURCE, build, __doc__)


if __name__ == "__main__":
    raise SystemExit(main())
