"""Generalisation round 13 (metamorphic, second family): the same effect through ANOTHER PROGRAM or route.

eval/metamorphic_programs.py rewrites each dangerous dev row of the outside set by a program with the same effect
(a delete by an interpreter's library, a file printed by a copy to the terminal or a line loop, ...). The classes it
found let through, each with cases written here that no rule was written for, and ordinary look-alikes:

- A file copied or written to the STANDARD OUTPUT DEVICE is printed (cp .env /dev/stdout, dd if=.env of=/dev/fd/1,
  cp .env /dev/tty): a write to the terminal is no copy into a file.
- A perl/ruby LINE LOOP over file operands (-p, or -n with a print) prints them as cat does; -i edits them in place.
- An interpreter's library deleting outside the project what rm would ask for (build output, dependencies, which the
  next build regenerates) is asked as rm's deletion is; inside the project and in temp it stays allowed.
"""

from __future__ import annotations

import pytest

from .conftest import decide

DENY, ASK, ALLOW, NOT_DENY = "deny", "ask", "allow", "not-deny"

CASES: list[tuple[str, str]] = [
    # -- printing through the standard output device --
    ("cp .env /dev/stdout", ASK),
    ("cp .env.production /dev/stderr", ASK),
    ("cp web/.env /dev/fd/1", ASK),
    ("cp .env.local /dev/tty", ASK),
    ("dd if=.env of=/dev/stdout status=none", ASK),
    ("cp ~/.aws/credentials /dev/stdout", DENY),
    ("cp .env .env.bak", ALLOW),  # a copy into a file
    ("cp .env.example /dev/stdout", ALLOW),  # a template
    ("cp README.md /dev/stdout", ALLOW),
    ("dd if=.env of=backup.env", ALLOW),
    # -- a perl/ruby line loop over file operands --
    ("perl -pe 1 .env", ASK),
    ("perl -ne print .env.local", ASK),
    ("ruby -pe 1 config/.env", ASK),
    ("perl -lne 'print' .env", ASK),
    ("perl -pi -e 's/DEBUG=1/DEBUG=0/' .env", ALLOW),  # an edit in place: nothing printed
    ("perl -ne 'print if /PORT/' README.md", ALLOW),
    ("perl -pe 's/a/b/' notes.txt", ALLOW),
    # -- an interpreter's delete outside the project, judged as rm's --
    ("python3 -c 'import shutil; shutil.rmtree(\"/home/user/dist\")'", ASK),
    ('node -e \'require("fs").rmSync("/home/dev/other/node_modules", {recursive: true})\'', ASK),
    ("ruby -rfileutils -e 'FileUtils.rm_rf(\"/home/dev/old/.venv\")'", ASK),
    ("perl -MFile::Path=remove_tree -e 'remove_tree(\"/srv/app/build\")'", ASK),
    ("python3 -c 'import shutil; shutil.rmtree(\"build\")'", ALLOW),
    ("python3 -c 'import shutil; shutil.rmtree(\"/tmp/x\")'", ALLOW),
    ('node -e \'require("fs").rmSync("dist", {recursive: true, force: true})\'', ALLOW),
]


@pytest.mark.parametrize(("command", "expected"), CASES)
def test_equivalent_program(command: str, expected: str) -> None:
    got = decide(command).decision
    if expected == NOT_DENY:
        assert got != DENY, command
    else:
        assert got == expected, command


def test_metamorphic_programs_sample() -> None:
    """The second family rewrites a row of its class and keeps to the row's target (a small deterministic sample)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    from metamorphic_programs import program_rewrites

    got = dict(program_rewrites("rm -rf /etc/nginx", "delete-outside"))
    assert got and all(name == "p_delete" for name in got)
    lines = [new for _, new in program_rewrites("rm -rf /etc/nginx", "delete-outside")]
    assert all("/etc/nginx" in line for line in lines)
    assert program_rewrites("rm -rf /etc/nginx", "credential-read") == []
    assert program_rewrites("cat .{e,x}nv", "credential-read") == []  # a brace the rewrite would quote away
    reads = [new for _, new in program_rewrites("cat ~/.ssh/id_rsa", "credential-read")]
    assert "cp /home/dev/.ssh/id_rsa /dev/stdout" in reads
    assert any(decide(line).decision == DENY for line in reads)
