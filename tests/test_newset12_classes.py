"""Mechanism classes found among the dev disagreements of eval/outside/{kramme,claude-guardrails,spoon-bot}.jsonl.

Each class is read by its mechanism: the cases were written for the class (other programs, spellings and places of the
same kind) before the fix, with the ordinary commands of the same shape that must keep their verdict.

A  a directory listing fed to a command as its operands: `ls` with no operand (or `.`) prints the names of the entries
   of the folder it runs in, one a line, which is what the glob `*` stands for (`.*` too under -a/-A).  Handed to
   xargs or substituted unquoted (`ls | xargs rm -rf`, `rm -rf $(ls)`), the command gets every entry of that folder,
   so it is judged as the same command typed with the glob (`rm -rf *`): a whole project wiped is denied, the
   temporary folder's scratch stays allowed, `ls *.log | xargs rm -f` is `rm -f *.log`.  It was an unknown target
   (asked) whatever the folder.  What is not the folder's names stays unknown: a listing of another folder (its names
   are relative to it, not to where the delete runs), long or recursive formats (`-l`, `-R`: words that are not
   names), and a listing filtered by grep/head (some of the names, not all; sort keeps them all).
   With -I the item is a value where the token stands alone (`-I{} rm -rf {}`); a token inside a longer word names
   another file per item (`mv {} {}.bak`, `cp {} old_{}`), which no glob stands for, so that stays unknown.
B  every entry of the project moved into a folder of the project (`mv * dst/`, `mv -t old/ *`, and through A `mv $(ls)
   sub/`): nothing leaves the project, the entries are one `mv` away from where they were.  It was denied as the whole
   project moved away (fs.delete-critical), like `mv * ../elsewhere/`, `mv * ~/backup/` or `mv * /tmp/x/`, which stay
   denied.
GAPS  cases of these classes left as they are, with the reason.
"""

from __future__ import annotations

import pytest

from .conftest import decide
from .strict import check

# (listing form, the same command typed with the glob): each pair must get the same verdict.
SAME_AS_GLOB = [
    ("ls | xargs rm -rf", "rm -rf *"),
    ("ls -1 | xargs rm -rf", "rm -rf *"),
    ("ls . | xargs rm -r", "rm -r *"),
    ("ls -t | xargs -I{} rm -rf {}", "rm -rf *"),
    ("ls -1 | xargs -n1 rm -rf", "rm -rf *"),
    ("ls -A | xargs rm -rf", "rm -rf * .*"),
    ("rm -rf $(ls)", "rm -rf *"),
    ("rm -rf `ls -1`", "rm -rf *"),
    ("cd ~ && ls | xargs rm -rf", "cd ~ && rm -rf *"),
    ("cd /etc && ls | xargs rm -rf", "cd /etc && rm -rf *"),
    ("cd /tmp/scratch && ls | xargs rm -rf", "cd /tmp/scratch && rm -rf *"),
    ("ls *.log | xargs rm -f", "rm -f *.log"),
    ("ls -d build* | xargs rm -rf", "rm -rf build*"),
    ("ls | xargs chmod 644", "chmod 644 *"),
    ("ls | xargs wc -l", "wc -l *"),
    ("ls | sort -r | xargs rm -rf", "rm -rf *"),
]

DENIED = [
    "ls | xargs rm -rf",
    "ls -A | xargs rm -rf",
    "ls -1 | xargs -I % rm -rf %",
    "rm -rf $(ls)",
    "cd ~ && ls -1 | xargs rm -rf",
    "cd ~/.ssh && ls | xargs rm -f",
]

ALLOWED = [
    "ls *.log | xargs rm -f",
    "ls | xargs wc -l",
    "ls | xargs -n1 echo",
    "ls -1 | xargs -I{} echo {}",
    "cd /tmp/scratch && ls | xargs rm -rf",
    "ls | xargs grep -l TODO",
]

# Not the folder's own names: the target stays unknown (asked), never denied as a whole-project delete.
ASKED = [
    "ls src | xargs rm -rf",
    "ls -l | xargs rm -rf",
    "ls -R | xargs rm -rf",
    "ls | grep foo | xargs rm -rf",
    "ls | head -3 | xargs rm -rf",
    "ls $DIR | xargs rm -rf",
]

# A per-item name built around the token (each entry renamed or copied beside itself): not what a glob names.
NOT_DENIED = [
    "ls | xargs -I {} mv {} {}.bak",
    "ls | xargs -I % mv % old_%",
    "ls | xargs -I{} cp {} {}.orig",
    "ls | xargs -i mv {} backup/{}",
]

# B: moved within the project (allowed) or out of it (denied).
MOVES = [
    ("mv * dst/", "allow"),
    ("mv * archive/2024/", "allow"),
    ("mv -t old/ *", "allow"),
    ("mv $(ls) subdir/", "allow"),
    ("ls | xargs -I{} mv {} subdir/", "allow"),
    ("mv * ../elsewhere/", "deny"),
    ("mv * ~/backup/", "deny"),
    ("mv * /tmp/x/", "deny"),
    ("ls | xargs -I{} mv {} /tmp/x/", "deny"),
]

GAPS: dict[str, str] = {}


def _expect(cmd: str, want: tuple[str, ...]) -> None:
    d = decide({"tool_name": "Bash", "tool_input": {"command": cmd}})
    assert d.decision in want, (cmd, d.decision, [f.rule_id for f in d.findings])


@pytest.mark.parametrize(("listing", "typed"), SAME_AS_GLOB)
def test_listing_is_judged_as_the_glob(listing: str, typed: str) -> None:
    def run() -> None:
        a = decide({"tool_name": "Bash", "tool_input": {"command": listing}})
        b = decide({"tool_name": "Bash", "tool_input": {"command": typed}})
        assert a.decision == b.decision, (listing, a.decision, typed, b.decision)

    check(listing, GAPS, run)


@pytest.mark.parametrize("cmd", DENIED)
def test_denied(cmd: str) -> None:
    check(cmd, GAPS, lambda: _expect(cmd, ("deny",)))


@pytest.mark.parametrize("cmd", ALLOWED)
def test_allowed(cmd: str) -> None:
    check(cmd, GAPS, lambda: _expect(cmd, ("allow",)))


@pytest.mark.parametrize("cmd", NOT_DENIED)
def test_per_item_names_are_not_the_glob(cmd: str) -> None:
    check(cmd, GAPS, lambda: _expect(cmd, ("ask", "allow")))


@pytest.mark.parametrize(("cmd", "want"), MOVES)
def test_moves_of_everything(cmd: str, want: str) -> None:
    check(cmd, GAPS, lambda: _expect(cmd, (want,)))


@pytest.mark.parametrize("cmd", ASKED)
def test_not_the_folders_names_stays_unknown(cmd: str) -> None:
    check(cmd, GAPS, lambda: _expect(cmd, ("ask",)))
