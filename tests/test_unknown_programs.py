"""Programs clearance does not model are not a silent allow (issue 17 part 2).

No rule names these programs: the engine reads their arguments. A known command
name followed by its arguments is the exec-wrapper convention (`PROG [opts] CMD
ARGS`), so that command is judged as typed; a quoted string that parses as a
command may be data, so its findings are capped at ask; protected or outside
paths handed to a program that may write them are asked about; an unknown
client's destructive subcommand is asked about.
"""

from __future__ import annotations

import pytest

from .conftest import decide

# An unknown program followed by a command and its arguments: judged as the command.
RUNS_ITS_ARGUMENTS = [
    "setarch x86_64 rm -rf ~",
    "prlimit --nofile=1024 rm -rf ~",
    "ssh-agent rm -rf ~",
    "watchexec -- rm -rf ~",
    "chpst -u nobody rm -rf ~",
    "cgexec -g cpu:grp rm -rf /",
    "linux64 git push --force origin main",
    "numactl --cpunodebind=0 rm -rf ~/",
    "bwrap --bind / / --dev /dev -- rm -rf ~",
    "mytool run a b c -- git push --force origin main",
]


@pytest.mark.parametrize("command", RUNS_ITS_ARGUMENTS)
def test_a_command_after_an_unknown_program_is_judged_as_typed(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny", (command, d.decision, d.rules)


# A string argument of an unknown program that parses as a command: at least ask.
STRING_COMMANDS = [
    "hyperfine 'rm -rf ~'",
    "sg grp -c 'rm -rf ~'",
    "capsh -- -c 'rm -rf ~'",
    "nodemon --exec 'rm -rf ~'",
    "gdb -batch -ex 'shell rm -rf ~'",
    "sqlite3 x.db '.shell rm -rf ~'",
    "ed -s notes.txt '!rm -rf ~'",
    "concurrently 'npm run dev' 'git push --force origin main'",
]


@pytest.mark.parametrize("command", STRING_COMMANDS)
def test_a_command_string_given_to_an_unknown_program_is_not_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision in ("ask", "deny"), (command, d.decision, d.rules)


# Unknown clients whose subcommand destroys something.
DESTRUCTIVE_VERBS = [
    "mytool delete prod-db",
    "foo-cli destroy --all",
    "acme db drop customers",
    "vaultctl secrets purge --force",
    "restic forget --prune --keep-last 1",
    "zcli users remove bob",
    "orgctl token revoke abc",
    "fleet instances terminate i-123",
]


@pytest.mark.parametrize("command", DESTRUCTIVE_VERBS)
def test_destructive_subcommands_of_unknown_clients_are_asked_about(command: str) -> None:
    d = decide(command)
    assert d.decision in ("ask", "deny"), (command, d.decision, d.rules)


# Unknown programs given protected paths or paths outside the project may write them.
PATHS = [
    "mytool --out ~/.ssh/authorized_keys",
    "dotsync ~/.zshrc",
    "weirdgen -o /home/ana/other-project/config.yml",
    "frob .git/hooks/pre-commit",
]


@pytest.mark.parametrize("command", PATHS)
def test_unknown_programs_given_protected_or_outside_paths_are_asked_about(command: str) -> None:
    d = decide(command)
    assert d.decision in ("ask", "deny"), (command, d.decision, d.rules)


# Ordinary work: programs known not to run their arguments, commands inside data.
ORDINARY = [
    "echo rm -rf x",
    "grep rm file",
    "grep -r 'rm -rf' scripts/",
    "git commit -m 'rm -rf build'",
    "man rm",
    "which rm",
    "type rm",
    "tldr rm",
    "npm run delete-tmp",
    "printf '%s\\n' 'rm -rf ~'",
    "mytool build --release",
    "mytool list",
    "ffmpeg -i in.mp4 out.mp4",
    "mytool --config /tmp/x.yml run",
    "prettier --write src/app.ts",
    "rg 'git push --force' docs/",
    "hyperfine 'npm test'",
    "setarch x86_64 make test",
    "mytool src/app.ts",
]


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary_commands_stay_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (command, d.decision, d.rules)
