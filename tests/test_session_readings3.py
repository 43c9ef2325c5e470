"""Readings of real-session calls (issue 11, third pass): each class with cases written before the fix, none of
them a case a rule was written for.  Decided through the API with a session's shape; no file is read."""

from __future__ import annotations

from typing import Any

import pytest

from clearance.api import decide_event_full

from . import strict

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


# -- a names-only Grep over a tree that holds secrets: judged by what its pattern can match -----------------------
# files_with_matches / count over home lists which files hold the pattern, secret files among them.  A pattern whose
# every match is a phrase of words (and that names no secret) can only match ordinary text: no key, token or
# password value holds a space, and the lines around them are named by words the pattern would have to use.


def grep(pattern: str, **extra: str) -> tuple[str, list[str]]:
    ti = {"pattern": pattern, "path": "/home/ana", "output_mode": "files_with_matches", **extra}
    return decide(ti, tool="Grep")


@pytest.mark.parametrize(
    "pattern",
    [
        "quarterly budget review",
        "Acta de sesion|orden del dia",
        "import React from",
        "TODO: clean up later",
        "\\bmeeting notes\\b",
        "Dear hiring manager",
        "version 2\\.1 release notes",
    ],
)
def test_a_phrase_search_over_home_lists_ordinary_files(pattern: str) -> None:
    assert grep(pattern) == ("allow", [])
    assert grep(pattern, output_mode="count") == ("allow", [])


@pytest.mark.parametrize(
    "pattern",
    [
        "BEGIN RSA PRIVATE KEY",  # names key material
        "aws_secret_access_key",
        "password = hunter",
        "api key for staging",
        "meeting notes|AKIA",  # one alternative holds no phrase
        "(?x) meeting notes",  # spaces mean nothing in extended mode
        "(meeting notes)?",  # an optional group requires nothing
        "meeting\\snotes",  # \s is a class: no literal phrase is required
        "Bearer ey",
        "ghp_",
        "login ana password",  # .netrc: the words before a password value
        "client secret is",
    ],
)
def test_a_search_that_can_reach_secret_values_still_asks(pattern: str) -> None:
    got = grep(pattern)
    assert got[0] == "ask" and got[1] == ["creds.list-secret-names"], got


def test_the_phrase_does_not_open_contents() -> None:
    # content mode shows the matching lines: judged as a read of home, as before
    assert decide({"pattern": "quarterly budget review", "path": "/home/ana", "output_mode": "content"}, tool="Grep")[0] != "allow"


# -- chmod, chown, touch between writing a script and running it change no content --------------------------------
# shell.written-then-run asks when a command line writes a file from content clearance cannot read and runs it.
# `chmod +x` after a here-document was read as that writer: the content is the here-document, judged as written.


@pytest.mark.parametrize(
    "command, expected",
    [
        ("cat > /tmp/check.sh <<'EOF'\n#!/bin/bash\ncurl -s http://localhost:3000/health\nEOF\nchmod +x /tmp/check.sh\n/tmp/check.sh", "allow"),
        ("cat > scripts/smoke.sh <<'EOF'\nnpm test\nEOF\nchmod 755 scripts/smoke.sh && ./scripts/smoke.sh", "allow"),
        ("printf '#!/bin/sh\\necho ok\\n' > t.sh && chmod u+x t.sh && touch t.sh && ./t.sh", "allow"),
        # the content is judged: written with literal text and run on the same line, it is typed in two steps and gets the
        # denial the line gets typed (round 10, engine._check_scripts), as `printf 'rm -rf ~' | sh` does
        ("cat > /tmp/x.sh <<'EOF'\nrm -rf ~\nEOF\nchmod +x /tmp/x.sh && /tmp/x.sh", "deny"),
        ("echo cm0gLXJmIH4= | base64 -d > t.sh; chmod +x t.sh; ./t.sh", "ask"),  # the writer is still base64
        ("cp /tmp/dl.sh run.sh && chmod +x run.sh && ./run.sh", "ask"),
    ],
)
def test_a_mode_change_is_not_the_writer(command: str, expected: str) -> None:
    assert decide(command)[0] == expected


# -- grep and rg as the programs read their options -----------------------------------------------------------------
# grep's short options come in clusters: `-rih` recurses as `-r` does (it was read as no recursion: the lines of every
# file in home were allowed); `-l`, `-L`, `-c`, `-q` answer with names, counts or a status (a listing, judged as the
# Grep tool's files_with_matches mode, the pattern included).


@pytest.mark.parametrize(
    "command",
    [
        "grep -rih aws_secret ~",
        "grep -Rn 'BEGIN' ~",
        "grep -rHA3 token ~",
        "grep -d recurse password ~",
        "grep -sriE 'api[_-]?key' ~",
        "egrep -rn 'secret' ~",
    ],
)
def test_a_recursive_content_search_of_home_is_a_read_of_it(command: str) -> None:
    assert decide(command) == ("deny", ["creds.read-secret-file"])


@pytest.mark.parametrize(
    "command",
    [
        "grep -rl 'quarterly budget review' ~",
        "grep -Ril 'meeting notes' ~ 2>/dev/null | head -20",
        "rg -l 'Acta de sesion' ~",
        "rg --files-with-matches 'release notes for' ~",
        "grep -rlF 'hello world' ~",
        "grep -rc 'meeting notes' ~",
        "grep -rl -e 'meeting notes' ~",
    ],
)
def test_a_phrase_listing_of_home_is_allowed(command: str) -> None:
    assert decide(command) == ("allow", [])


@pytest.mark.parametrize(
    "command",
    [
        "grep -rl password ~",
        "rg -l AKIA ~",
        "grep -rlq 'ghp_' ~",
        "grep -rl 'meeting notes\\|ABCD1234' ~",  # a basic expression's \| is an alternative: not read, asked
        "grep -rl -f patterns.txt ~",  # patterns from a file: not known
        "grep -rl 'meeting notes' ~/.ssh",  # inside a secrets folder
    ],
)
def test_a_listing_aimed_at_or_inside_secrets_asks(command: str) -> None:
    assert decide(command) == ("ask", ["creds.list-secret-names"])


def test_a_listing_of_a_secret_file_stays_denied() -> None:
    assert decide("grep -l password ~/.ssh/id_rsa")[0] == "deny"
    assert decide("grep -c x ~/.aws/credentials")[0] == "deny"


@pytest.mark.parametrize(
    "command, expected",
    [
        # the names are shown: piped only through commands that pass text on
        ("grep -rl 'meeting notes' ~ | sort | uniq", "allow"),
        ("grep -rl 'meeting notes' ~ | head -5", "allow"),
        # the names are used to open the files: a read of what they name, as before
        ("cat $(grep -rl aws_secret ~/.aws)", "deny"),
        ("grep -rl 'meeting notes' ~ | xargs cat", "deny"),
        ("grep -rl 'meeting notes' ~ | sort | xargs cat", "deny"),
        ("x=$(grep -rl 'meeting notes' ~); cat $x", "deny"),
        ("for f in $(grep -rl 'meeting notes' ~); do cat $f; done", "deny"),
        ("grep -rl 'meeting notes' ~ | head -3 | while read f; do cat \"$f\"; done", "deny"),
        ("vim `grep -rl 'meeting notes' ~`", "deny"),
    ],
)
def test_a_listing_is_one_only_while_its_names_are_only_shown(command: str, expected: str) -> None:
    assert decide(command)[0] == expected


@pytest.mark.parametrize(
    "command, expected",
    [
        ("grep -q API_KEY .env", "allow"),  # a status: no value reaches the transcript
        ("grep -c SECRET .env.local", "allow"),
        ("grep -l DATABASE_URL .env .env.production", "allow"),
        ("grep API_KEY .env", "ask"),  # the line, value included: creds.read-env-file as before
        ("grep -c . ~/.aws/credentials", "deny"),  # a secret file itself stays denied, even for a count
    ],
)
def test_a_names_or_count_grep_of_an_env_file_prints_no_value(command: str, expected: str) -> None:
    assert decide(command)[0] == expected


# -- macOS's per-user temp directory, known by its shape --------------------------------------------------------------
# `mktemp` and `$TMPDIR` answer /var/folders/XX/NAME/T/… on macOS.  Where `$TMPDIR` is not known (the team service, the
# eval replay, a hook whose agent did not pass it), work there was denied as a system-wide write.


def mac(command: str) -> str:
    ev = {"hook_event_name": "PreToolUse", "session_id": "s", "cwd": "/Users/ana/app", "tool_name": "Bash", "tool_input": {"command": command}}
    return decide_event_full(ev, {"HOME": "/Users/ana", "CLAUDE_PROJECT_DIR": "/Users/ana/app"}, local_files=False)[0].decision


@pytest.mark.parametrize(
    "command, expected",
    [
        ("echo '{}' > /var/folders/qz/8k2x_l1d3vb5gq0000gn/T/tmp.Ab12/config.json", "allow"),
        ("mkdir -p /private/var/folders/qz/8k2x_l1d3vb5gq0000gn/T/build && cp dist/app.js /private/var/folders/qz/8k2x_l1d3vb5gq0000gn/T/build/", "allow"),
        ("rm -rf /var/folders/qz/8k2x_l1d3vb5gq0000gn/T/tmp.Ab12", "allow"),
        ("cd /var/folders/qz/8k2x_l1d3vb5gq0000gn/T && npm init -y > log.txt", "allow"),
        # the temp directory itself, its siblings and what only looks alike are not temp
        ("rm -rf /var/folders/qz/8k2x_l1d3vb5gq0000gn/T", "deny"),
        ("echo x > /var/folders/qz/8k2x_l1d3vb5gq0000gn/C/com.apple.x/f", "deny"),
        ("echo x > /var/folders/qzz/8k2x/T/f", "deny"),
        ("echo x > /var/folders/T/f", "deny"),
    ],
)
def test_the_macos_user_temp_directory(command: str, expected: str) -> None:
    assert mac(command) == expected


# -- a readable sed edit, then the file run --------------------------------------------------------------------------
# (closed in round 10: the hook applies the substitution to the file it reads, sededit.py, and judges what runs)

SED_THEN_RUN = [
    "sed -i 's/result = a.join(b)/# result = a.join(b)/' repro.py\npython repro.py",
    "sed -i \"s/open(p, 'r')/open(p, 'r', encoding='utf-8')/\" fix.py && python3 fix.py",
]
XFAIL: dict[str, str] = {}


@pytest.mark.parametrize("command", SED_THEN_RUN)
def test_a_readable_sed_edit_then_run(command: str) -> None:
    def run() -> None:
        assert decide(command)[0] == "allow"

    strict.check(command, XFAIL, run)
