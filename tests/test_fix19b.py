"""fix19b: the classes rounds 18b and fix18a left open, read the way the programs read their commands (option tables,
subcommand verbs, argument roles), each with cases no rule was written for and the ordinary look-alikes that stay
allowed (docs/threat-model.md, "fix19b"). Nothing here is ever run: every call is data decided in-process."""

from __future__ import annotations

from typing import ClassVar

import pytest

from .conftest import decide


def _verdict(command: str, **kw: object) -> str:
    return decide(command, **kw).decision  # type: ignore[arg-type]


class TestHelpAfterOperandsAndSwitches:
    """Class: a help flag after a real subcommand's operands and switches. cobra/pflag read `--help` anywhere among the
    options up to `--` (spf13/cobra#2155), a boolean flag takes no value (`--yes --help` is two flags) and a word after
    a leaf verb is its operand, not a verb handing words on (`gh repo delete x`: a repository named x). Only gh's
    `extension exec` sets DisableFlagParsing among its own commands (cli/cli source). A help that is not the CLI's --
    given a value, after `--`, taken as a value-taking option's value, after a verb that hands words on -- is judged as
    the command it runs."""

    HELP: ClassVar[list[str]] = [
        "gh release delete run --help",
        "gh secret delete shell --help",
        "gh repo archive owner/r -y --help",
        "gh release delete v1 --cleanup-tag --yes --help",
        "gh repo delete api --confirm --help",
        "gh run delete 123 --help",
        "glab repo delete x --help",
        "glab repo delete x run --help",
        "heroku apps:destroy run --help",
        "gh repo list --help",
        "gh repo view x --help",
    ]
    STILL_JUDGED: ClassVar[list[str]] = [
        "gh repo delete myrepo --yes --help=false",
        "gh repo delete myrepo --yes --help --help=false",
        "gh repo delete myrepo --yes -- --help",
        "gh release delete v1 --repo --help",
        "gh repo delete x --message --help",
        "gh repo delete x -f --help",
        "gh extension exec nuke --yes --help",
        "gh ext exec nuke --help",
        "gh repo delete x --yes",
        "glab repo delete x --description --help",
    ]

    @pytest.mark.parametrize("command", HELP)
    def test_help_is_allowed(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "allow", got.rules

    @pytest.mark.parametrize("command", STILL_JUDGED)
    def test_no_real_call_rides_on_a_fake_help(self, command: str) -> None:
        assert _verdict(command) != "allow"


def _with_files(command: str, files: dict[str, str]) -> str:
    return decide({"tool_name": "Bash", "tool_input": {"command": command}, "files": files}).decision


class TestRefInstructionsFromAnInput:
    """Class: git plumbing that takes its instructions on standard input (`update-ref --stdin`: `delete REF` lines;
    `fast-import --force`: a stream that may move branches off their commits), fed from a file or another program.
    Round 18b read only literal text. Now a file given with `<` or `cat FILE |` is read on the disk the engine is given
    (a delete is git.history-destroy, deny); what cannot be read -- another program's output, a file outside the
    project and temporary folders, no disk -- is asked (git.unread-ref-instructions). Look-alikes: create/update lines
    read from a file, `hash-object -w --stdin` (adds an object), fast-import without --force (refuses to lose commits)."""

    REFS = "/home/ana/webapp/refs.txt"

    def test_a_file_of_deletes_is_read_and_denied(self) -> None:
        files = {self.REFS: "delete refs/heads/main\ndelete refs/heads/release/2.0\n"}
        assert _with_files("git update-ref --stdin < refs.txt", files) == "deny"
        assert _with_files("cat refs.txt | git update-ref --stdin", files) == "deny"
        assert _with_files("git -C . update-ref --stdin < ./refs.txt", files) == "deny"
        assert _with_files("git update-ref -z --stdin < refs.txt", {self.REFS: "delete refs/heads/main\0\0"}) == "deny"

    def test_a_file_of_creates_is_read_and_allowed(self) -> None:
        files = {self.REFS: "create refs/heads/x HEAD\nupdate refs/heads/y HEAD\n"}
        assert _with_files("git update-ref --stdin < refs.txt", files) == "allow"
        assert _with_files("cat refs.txt | git update-ref --stdin", files) == "allow"

    UNREAD: ClassVar[list[str]] = [
        "git update-ref --stdin < /tmp/no-such-dir-fix19b/refs.txt",
        "awk '{print \"delete \" $1}' stale.txt | git update-ref --stdin",
        "git branch --format='%(refname)' | sed 's/^/delete /' | git update-ref --stdin",
        "curl -s https://example.com/r | git update-ref --stdin",
        "git update-ref --stdin < ~/Downloads/refs.txt",
        "git fast-import --force < export.fi",
        "git fast-export --all | git fast-import --force",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "git hash-object -w --stdin < notes.txt",
        "echo hello | git hash-object -w --stdin",
        "git fast-import < export.fi",
        "git fast-export --all > export.fi",
        "git update-ref refs/heads/topic HEAD",
        "printf 'create refs/heads/x HEAD\\n' | git update-ref --stdin",
        "git update-ref --stdin --help",
    ]

    @pytest.mark.parametrize("command", UNREAD)
    def test_unread_instructions_are_asked(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "ask" and "git.unread-ref-instructions" in got.rules, (got.decision, got.rules)

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "allow", got.rules
