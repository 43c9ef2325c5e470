"""Readings of real-session calls (issue 11, third pass): each class with cases written before the fix, none of
them a case a rule was written for.  Decided through the API with a session's shape; no file is read."""

from __future__ import annotations

from typing import Any

import pytest

from clearance.api import decide_event_full

PROJECT = "/home/ana/webapp"


def decide(tool_input: dict[str, Any] | str, tool: str = "Bash", project: str = PROJECT) -> tuple[str, list[str]]:
    ti = {"command": tool_input} if isinstance(tool_input, str) else tool_input
    ev = {"hook_event_name": "PreToolUse", "session_id": "s", "cwd": project, "tool_name": tool, "tool_input": ti}
    d = decide_event_full(ev, {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": project}, local_files=False)[0]
    return d.decision, list(d.rules)


# -- a relative write after `cd` to a directory known only at run time ----------------------------------------------
# The working directory is unknown after `cd $DIR`, `cd $_`, `cd -` or `cd ${TMPDIR:-/tmp}/x`: a relative path there
# was read as written under `/` (the known prefix of an unknown path) and denied as a system-wide write.


@pytest.mark.parametrize(
    "command",
    [
        "mkdir -p build/out && cd $_ && echo done > stamp",
        "mkdir /tmp/job && cd $_ && cat > run.json <<'EOF'\n{}\nEOF",
        "cd ${TMPDIR:-/tmp}/work && echo hi > notes.txt",
        "cd $WORKDIR && cp ../template.yml config.yml",
        "cd - && touch .done",
        'cd "$(git rev-parse --show-toplevel)" && echo x > out.log',
        "cd $BUILD_DIR && sed -i 's/a/b/' Makefile.in",
        "cd $X && mkdir -p logs/today",
    ],
)
def test_relative_write_in_an_unknown_directory_is_not_a_write_under_root(command: str) -> None:
    assert decide(command) == ("allow", [])


@pytest.mark.parametrize(
    "command",
    [
        "cd $X && echo 'alias ls=rm' >> .bashrc",
        "cd - && cp x .zprofile",
        "echo 'ssh-ed25519 AAAA x' >> $TARGET/.ssh/authorized_keys",
        "cd $D && echo '[default]' > .aws/credentials",
        "cp ./tool $PREFIX/.local/bin/npm",
    ],
)
def test_a_home_start_up_key_or_program_name_in_an_unknown_directory_asks(command: str) -> None:
    assert decide(command) == ("ask", ["fs.write-unknown-place"])


@pytest.mark.parametrize(
    "command, expected",
    [
        ("cd $X && echo hi >> .git/hooks/pre-commit", "deny"),  # git hooks anywhere stay fs.write-protected
        ("cd $X && rm -rf build", "ask"),  # deletions there stay fs.delete-unknown-target
        ("cd $X && echo x > /etc/hosts", "deny"),  # an absolute path is where it says
        ("cd $X && echo x > ~/Desktop/notes.md", "ask"),
        ("cd $(mktemp -d) && echo x > .bashrc", "allow"),  # a fresh temp directory is nobody's home
    ],
)
def test_what_an_unknown_directory_does_not_hide(command: str, expected: str) -> None:
    assert decide(command)[0] == expected
