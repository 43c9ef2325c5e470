#!/usr/bin/env python3
"""Build eval/outside/roo-code.jsonl: the commands of an IDE agent's command auto-approval tests, labelled by us.

usage: python eval/build_roocode.py --mirror /work/.mirror [--out eval/outside]

Source: RooCodeInc/Roo-Code (Apache-2.0, LICENSE), a VS Code coding agent (Kilo Code is its fork) that auto-approves a
terminal command when every part of it matches the user's allow list and none the deny list, and never when it holds a
"dangerous substitution" (``${var@P}``, ``${!var}``, escapes inside parameter defaults, here-strings of command
substitutions, zsh's ``=(...)`` and glob qualifiers).  Its vitest suites are read as text by build_orchestkit's lexer
(never run): the literal first argument of ``parseCommand``, ``containsDangerousSubstitution``, ``getCommandDecision``,
``isAutoApprovedSingleCommand``, ``isAutoDeniedSingleCommand``, ``validateCommand``, ``extractPatternsFromCommand``,
... , every ``command:`` value and ``const command = '...'``, and the flat string arrays, of
``webview-ui/src/utils/__tests__/command-validation.spec.ts`` as it was before its removal (at ``OLD``, the parent of
6e6341346e7c), ``src/core/auto-approval/__tests__/commands.spec.ts`` (at ``OLD_AUTO``, before 6cfa82f57103 replaced it,
and at HEAD) and ``webview-ui/src/utils/__tests__/command-parser.spec.ts`` (HEAD).  No ``peer_hint``: the decisions
depend on the allow and deny lists each test configured.  Label, class and reason are ours: eval/outside_label.py in
the outside evaluation's fixed setting (project /home/dev/project = cwd, HOME=/home/dev), except the rows labelled by
hand below (HAND, by exact command; ``why`` then starts with "by hand:").  Left out: Windows and PowerShell commands,
commands already in another outside set (PEER_ORDER in build_outside.py), and everything ``build_outside.usable``
rejects (zsh's ``=(cmd)`` and ``*(e:cmd:)`` do not parse as bash).  Ids are ``roo-code-<hash of source + command>``,
so the held-out split (eval/outside/HELDOUT.md) applies unchanged.  ``source_ref`` is ``repo@commit:path#L<line>``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_continue import _WINDOWS
from build_orchestkit import extract_file, is_command
from build_outside import Repo, build_peer, hand_count, peer_main, write

ROO = "RooCodeInc/Roo-Code"
SOURCE = "roo-code"
OLD = "23856a587402001e6243ed21fa991b3ec3d2b203"
OLD_AUTO = "6cfa82f57103caa854db5a2b002ea01e1f21937b^"
FILES = (
    (OLD, "webview-ui/src/utils/__tests__/command-validation.spec.ts"),
    (OLD_AUTO, "src/core/auto-approval/__tests__/commands.spec.ts"),
    ("HEAD", "src/core/auto-approval/__tests__/commands.spec.ts"),
    ("HEAD", "webview-ui/src/utils/__tests__/command-parser.spec.ts"),
)
CALL = re.compile(
    r"\b(containsDangerousSubstitution|getCommandDecision|getSingleCommandDecision|isAutoApprovedSingleCommand|isAutoDeniedSingleCommand"
    r"|isAutoApproved|isAutoDenied|parseCommand|validateCommand|getValidationDetails|requiresUserInput|extractPatternsFromCommand"
    r"|findLongestPrefixMatch)\s*\(\s*$|\bcommand\s*:\s*$|\bconst\s+\w*[cC]ommand\w*\s*=\s*$"
)
_NOT_SHELL = re.compile(r"(?-i:^[A-Z][a-z]+-[A-Z])|\|\s*Select-String|^Echo$")

# ---------------------------------------------------------------------------------------------- hand labels
# Every dev row the rules called dangerous or ask was read; where the rules were wrong by what the command does it is
# labelled here.  (label, class, why, commands)
_HAND_GROUPS: list[tuple[str, str, str, list[str]]] = [
    (
        "benign",
        "ordinary",
        "git push --dry-run (-n) does everything but send the update: nothing is published (git-push(1))",
        ["git push --dry-run", "git push --dry-run origin main", "git status && git push --dry-run"],
    ),
]
HAND: dict[str, tuple[str, str, str]] = {c: (label, cls, why) for label, cls, why, cmds in _HAND_GROUPS for c in cmds}


def extract(repo: Repo) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    for rev, path in FILES:
        commit = repo._run("rev-parse", rev).strip()
        for cmd, line, _hint in extract_file(repo._run("show", f"{commit}:{path}"), CALL):
            if is_command(cmd) and not _WINDOWS.search(cmd) and not _NOT_SHELL.search(cmd.strip()):
                out.append((cmd, f"{commit}:{path}#L{line}", None))
    return out


def build(mirror: Path, out: Path) -> tuple[int, int]:
    repo = Repo(mirror, ROO)
    cases = build_peer(SOURCE, ROO, extract(repo), HAND, out)
    for c in cases:  # the rows come from three commits: repo@commit:path
        c["source_ref"] = str(c["source_ref"]).replace(f"{ROO}:", f"{ROO}@", 1)
    write(out / f"{SOURCE}.jsonl", cases)
    return len(cases), hand_count(cases)


def main() -> int:
    return peer_main(SOURCE, build, __doc__)


if __name__ == "__main__":
    raise SystemExit(main())
