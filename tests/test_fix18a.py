"""fix18a: the classes issue 15's rounds 17a-17c left open, each with cases no rule was written for and the ordinary
look-alikes that stay allowed (docs/threat-model.md, "Closed after round 17 (fix18a)"). Nothing here is ever run:
every call is data decided in-process, or by the real hook in a scratch home (its session record on disk)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest

from .conftest import decide
from .rounds import HookSession, scratch_home


def _bash(command: str, shell: str = "") -> dict[str, Any]:
    return {"command": command, "tty": True, "persists": True, **({"shell": shell} if shell else {})}


def test_the_hook_follows_a_persisting_shell_between_calls(tmp_path: Path) -> None:
    """Through the real hook: what one call of a persisting shell leaves (its folder, pushd's stack) is in the session's
    record on disk, and the next call of that shell is judged from there. (The folders first on its PATH: in-process in
    test_adversarial_round17a.py -- the scratch home lies in a temporary folder, whose PATH entries are asked anyway.)"""
    home = scratch_home(tmp_path)
    s = HookSession(home, "sess-fix18a", extra_env={"CLEARANCE_HEADLESS": "0"})
    assert s.call("Bash", _bash("cd ~/.claude")) == "allow"
    assert s.call("Bash", _bash("echo x > settings.json")) == "deny"
    assert s.call("Bash", _bash("echo x > settings.json", shell="other")) == "allow"  # another bash session: the project
    assert s.call("Bash", _bash("cd " + str(s.project))) == "allow"
    assert s.call("Bash", _bash("echo x > notes.txt")) == "allow"
    assert s.call("Bash", _bash("pushd src")) == "allow"
    assert s.call("Bash", _bash("popd")) == "allow"
    assert s.call("Bash", _bash("echo x > notes.txt")) == "allow"
    assert s.call("Bash", _bash("popd")) == "allow"  # past the stack: the folder is not known any more
    assert s.call("Bash", _bash("echo x > notes.txt")) == "ask"
    assert s.call("Bash", _bash("cd " + str(s.project) + " && ls")) == "allow"
    assert s.call("Bash", _bash("echo x > notes.txt")) == "allow"
    # Claude Code's Bash (a shell that ends with the call) is never moved.
    assert s.bash("cd ~/.claude") == "allow"
    assert s.bash("echo x > notes.txt") == "allow"


def test_copilot_names_the_bash_session_a_call_runs_in() -> None:
    from clearance.adapters import copilot
    from clearance.engine import shell_key

    ev = copilot.to_event({"toolName": "bash", "toolArgs": {"command": "cd src", "sessionId": "main"}, "cwd": "/home/ana/webapp"})
    assert ev["tool_input"] == {"command": "cd src", "tty": True, "persists": True, "shell": "main"}
    ev = copilot.to_event({"toolName": "bash", "toolArgs": {"command": "ls"}, "cwd": "/home/ana/webapp"})
    assert "shell" not in ev["tool_input"]
    # No key can be mistaken for the record's own: PATH_KEY, a stack's mark, a tab or a newline.
    assert shell_key({"shell": "$PATH"}) == " PATH" and shell_key({"shell": "a\tb\nc\x1f"}) == "a b c "


class TestRunnerFileFromTheLine:
    """Class: the file of a task runner or build tool that runs its own file (code/convention: just, task, cmake -P,
    rake -f ...) given as a process substitution: bash gives the program /dev/fd/63, whose text is the substitution's
    output, while the runners resolved the word to a path known only at run time and read nothing (round 17b's open
    `just --justfile <(…)`). Fixed: code/convention.runs names each process substitution as bash does (/dev/fd/63, 62,
    ...), reads its literal output for that file, and such text is the line's own (LINE_TEXT): judged as the same code
    typed, not capped at ask as a project file's is."""

    CASES: ClassVar[list[str]] = [
        "just --justfile <(printf 'x:\\n  rm -rf ~\\n') x",
        "just -f <(printf 'default:\\n  rm -rf ~\\n')",
        "just --justfile <(printf 'x:\\n  git push --force origin main\\n') x",
        "task -t <(printf 'version: 3\\ntasks:\\n  default:\\n    cmds:\\n      - rm -rf ~\\n')",
        "cmake -P <(echo 'execute_process(COMMAND rm -rf /home/ana)')",
        "rake -f <(echo 'task :default do; system(\"rm -rf ~\"); end')",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "just --justfile <(printf 'x:\\n  echo hi\\n') x",
        "cmake -P <(echo 'message(hi)')",
        "task -t <(printf 'version: 3\\ntasks:\\n  default:\\n    cmds:\\n      - echo hi\\n')",
        "diff <(just --list) expected.txt",
    ]

    # The other readers of a program's file (scripts.script_runs: sqlite3 -init, tmux -f, vim -u; rules/db's redis-cli
    # --eval and mongosh files): the same naming (shell.outputs.fd_named, FdReader), judged as the file form is.
    READ_AS_THE_FILE: ClassVar[list[str]] = [
        "sqlite3 -init <(echo '.shell rm -rf ~') app.db",
        "sqlite3 app.db -init <(echo '.shell rm -rf ~')",
        "tmux -f <(echo \"run-shell 'rm -rf ~'\") new -d",
        "redis-cli -h cache.internal --eval <(echo 'redis.call(\"FLUSHALL\")')",
        "mongosh --host prod.example <(echo 'db.dropDatabase()')",
    ]
    STILL_ORDINARY: ClassVar[list[str]] = [
        "sqlite3 -init <(echo '.mode csv') app.db",
        "tmux -f <(echo 'set -g mouse on') new -d",
        "redis-cli --eval <(echo 'return redis.call(\"GET\", KEYS[1])') , k",
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_denied_as_typed(self, command: str) -> None:
        assert decide(command).decision == "deny"

    @pytest.mark.parametrize("command", READ_AS_THE_FILE)
    def test_other_readers(self, command: str) -> None:
        assert decide(command).decision != "allow"

    @pytest.mark.parametrize("command", STILL_ORDINARY)
    def test_other_readers_ordinary(self, command: str) -> None:
        assert decide(command).decision == "allow"

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary_allowed(self, command: str) -> None:
        assert decide(command).decision == "allow"

    def test_the_mark_is_one(self) -> None:
        from clearance import engine
        from clearance.code import convention

        assert engine._LINE_TEXT == convention.LINE_TEXT + "; it"


class TestDatabaseSecuritySwitchedOff:
    """Class: a database server's security switched off through its own client, read as the server reads the
    statement (code/sql: ALTER SYSTEM SET, SET GLOBAL/PERSIST with MySQL's carried scope, ALTER USER … IDENTIFIED BY '')
    and Redis's CONFIG SET / ACL SETUSER: allowed on main, every form. Fixed: db.security-off (deny) and
    db.security-off-dev (ask, a server the line names as this machine's)."""

    DENIED: ClassVar[list[str]] = [
        "redis-cli -h prod CONFIG SET requirepass ''",
        "redis-cli -h cache.internal config set protected-mode no",
        "redis-cli -h cache.internal CONFIG SET maxmemory 1gb requirepass ''",
        "redis-cli -h cache.internal ACL SETUSER default on nopass",
        'mysql -e "SET GLOBAL require_secure_transport=OFF"',
        'mysql -h prod -e "SET GLOBAL max_connections = 500, require_secure_transport = 0"',
        "mysql -e 'SET @@global.local_infile = 1'",
        "mysql -e 'SET GLOBAL validate_password.policy = LOW'",
        'psql -c "ALTER SYSTEM SET ssl = off"',
        "psql -h prod -c \"ALTER SYSTEM SET password_encryption TO 'md5'\"",
        "psql -c \"ALTER SYSTEM SET hba_file = '/tmp/hba.conf'\"",
        "echo 'ALTER SYSTEM SET row_security = off;' | psql -h db.internal",
        "psql -h db.internal <<'SQL'\nALTER SYSTEM SET ssl = off;\nSELECT pg_reload_conf();\nSQL",
    ]
    ASKED: ClassVar[list[str]] = [
        "redis-cli CONFIG SET requirepass ''",
        "redis-cli config set protected-mode no",
        "psql -h localhost -c 'ALTER SYSTEM SET ssl = off'",
        "docker compose exec db mysql -e 'SET GLOBAL require_secure_transport = 0'",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "redis-cli CONFIG GET requirepass",
        "redis-cli CONFIG SET maxmemory 2gb",
        "redis-cli -h cache.internal CONFIG SET requirepass s3cr3t",
        'mysql -e "SET GLOBAL max_connections=500"',
        "mysql -e \"SET SESSION sql_mode=''\"",
        "mysql -e 'SET GLOBAL a = 1, SESSION require_secure_transport = 0'",
        "psql -c \"ALTER SYSTEM SET work_mem = '64MB'\"",
        "psql -c 'ALTER SYSTEM SET ssl = on'",
        "psql -c \"SELECT name, setting FROM pg_settings WHERE name = 'ssl'\"",
        "psql -c \"INSERT INTO notes VALUES ('ALTER SYSTEM SET ssl = off')\"",
    ]

    @pytest.mark.parametrize("command", DENIED)
    def test_denied(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "deny" and "db.security-off" in got.rules, (got.rules, got.reason)

    @pytest.mark.parametrize("command", ASKED)
    def test_asked_on_this_machines_database(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "ask" and "db.security-off-dev" in got.rules, (got.rules, got.reason)

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary_allowed(self, command: str) -> None:
        assert decide(command).decision == "allow"


class TestRunnerPathFile:
    """Class: the CI runner's $GITHUB_PATH, each line of which the runner puts first on PATH for every later step of the
    job (an agent's step and the hook it runs included), written by the shell or by interpreter code: `/tmp/bin` there
    makes every later step's `git` whatever is put in /tmp/bin, as `PATH=/tmp/bin:$PATH` in $GITHUB_ENV or an .envrc
    does (asked). On main every form was allowed. Fixed: gates.RUNNER_ENV_VARS names it (its `add_path_` file, read by
    env_views as that PATH set in the runner's env file), so it is judged where $GITHUB_ENV is: shell redirections,
    tee/sed, and code's os.environ / process.env / ENV."""

    CASES: ClassVar[list[str]] = [
        'echo "/tmp/bin" >> "$GITHUB_PATH"',
        "printf '%s\\n' /tmp/x >> $GITHUB_PATH",
        "tee -a $GITHUB_PATH <<< /var/tmp/bin",
        'python3 -c \'import os; open(os.environ["GITHUB_PATH"],"a").write("/tmp/bin\\n")\'',
        'node -e \'require("fs").appendFileSync(process.env.GITHUB_PATH, "/tmp/bin\\n")\'',
        'ruby -e \'File.write(ENV["GITHUB_PATH"], "/tmp/bin\\n", mode: "a")\'',
    ]
    ORDINARY: ClassVar[list[str]] = [
        'echo "$HOME/.local/bin" >> $GITHUB_PATH',
        'echo "/opt/tool/bin" >> "$GITHUB_PATH"',
        'echo "$PWD/node_modules/.bin" >> $GITHUB_PATH',
        'echo "FOO=bar" >> $GITHUB_ENV',
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_not_allowed(self, command: str) -> None:
        assert decide(command).decision == "ask"

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary_allowed(self, command: str) -> None:
        assert decide(command).decision == "allow"


class TestHelpFlagAfterARealSubcommand:
    """Class: a help flag after a real subcommand with positional words (`gh repo delete x --help`). gh parses with
    cobra/pflag, which reads `-h`/`--help` anywhere among the options up to `--` and then prints the usage without
    running the command (spf13/cobra #2155: `prog sub --myflag -h` shows sub's help). Checked on main: no destructive
    call rides on it -- a help flag taken as an option's value, after `--`, given to an extension or after a verb that
    hands its words to another program is judged as the command it runs. Left open (strict xfails): false denials where
    clearance cannot tell an argument from a verb that hands words on (a repository named `x` or `run`) or a boolean
    flag from one that takes a value (`--yes --help`): gh's own option and command tables are not modelled."""

    STILL_JUDGED: ClassVar[list[str]] = [
        "gh repo delete myrepo -- --help",
        "gh repo delete myrepo --yes",
        "gh nuke --help",
        "gh extension exec nuke --help",
        "gh repo delete myrepo --help=false",
    ]
    HELP: ClassVar[list[str]] = [
        "gh repo delete myrepo --help",
        "gh release delete v1.0 --help",
        "gh secret delete TOKEN --help",
        "gh repo delete --help",
        "gh help repo delete",
        "gh repo delete x --help",
        "gh repo delete owner/myrepo --yes --help",
    ]
    GAPS: ClassVar[dict[str, str]] = {}  # both closed by fix19b (tests/test_fix19b.py)

    @pytest.mark.parametrize("command", STILL_JUDGED)
    def test_no_real_call_rides_on_help(self, command: str) -> None:
        assert decide(command).decision != "allow"

    @pytest.mark.parametrize("command", HELP)
    def test_help_is_allowed(self, command: str) -> None:
        from . import strict

        def check() -> None:
            got = decide(command)
            assert got.decision == "allow", got.rules

        strict.check(command, self.GAPS, check)


class TestFilteredKillOverTheProcessTable:
    """Class: a loop over the process table (`for p in /proc/[0-9]*`, `$(ls /proc …)`) whose kill is picked by a test of
    the process's own files (`grep -q NAME $p/cmdline &&`, `if grep -q node $p/comm`, `[ "$(cat $p/comm)" = vite ]`,
    `[[ $(readlink $d/exe) == */python3 ]]`): the processes matching a name, as `pkill -f NAME` is -- denied on main as
    every process of the user (sys.broad-kill), a false deny. Calibrated (fix18a): asked (sys.kill-by-word), as a
    filtered kill of the user's own processes is; the loop with no test stays denied. (A test whose result does not
    guard the kill -- `x=$(cat $p/comm); kill …` -- is asked too: not allowed, though a deny would be right.)"""

    ASKED: ClassVar[list[str]] = [
        "for p in /proc/[0-9]*; do grep -q myserver $p/cmdline 2>/dev/null && kill ${p#/proc/}; done",
        "for p in /proc/[0-9]*; do if grep -q node $p/comm; then kill ${p##*/}; fi; done",
        'for p in /proc/[0-9]*; do [ "$(cat $p/comm)" = vite ] && kill ${p#/proc/}; done',
        "for d in /proc/[0-9]*; do if [[ $(readlink $d/exe) == */python3 ]]; then kill -TERM ${d##*/}; fi; done",
        "for p in $(ls /proc | grep -E '^[0-9]+$'); do grep -qa dev-server /proc/$p/cmdline && kill $p; done",
    ]
    DENIED: ClassVar[list[str]] = [
        "for p in /proc/[0-9]*; do kill -9 ${p#/proc/}; done",
        "for p in /proc/[0-9]*; do echo $p; kill ${p#/proc/}; done",
        "ls /proc | grep -E '^[0-9]+$' | xargs kill -STOP",
        "kill -9 -1",
    ]

    @pytest.mark.parametrize("command", ASKED)
    def test_asked_as_a_kill_by_name(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "ask" and got.rules[0] == "sys.kill-by-word", got.rules

    @pytest.mark.parametrize("command", DENIED)
    def test_every_process_still_denied(self, command: str) -> None:
        assert decide(command).decision == "deny"


class TestOptionValueIsADestinationOrLoadedCode:
    """Class: an option whose value is where the program writes, or a configuration or script it loads and obeys.
    Checked on main: most were read already (curl -D/--trace, wget -o, git --output, ssh -E -> written; ssh -F,
    sqlite3 -init, vim -u/-S, `source F` in vim -c, tmux -f, gdb -x -> the file read from the project or a temporary
    folder and judged; git -c core.hooksPath=/tmp/h -> denied). Two gaps closed here: (a) rsync's folders it writes
    into (--backup-dir, --temp-dir, --partial-dir; rsync(1)) were no destination: `rsync -b --backup-dir=~/.claude/hooks`
    was allowed -- now outputs_table's `dirs` of rsync (denied in the agents' and clearance's folders); (b) a
    configuration in a temporary folder in a format no reader of clearance's judges, whose settings choose what runs
    (npm's --userconfig: script-shell; wgetrc, screenrc, lldb's command files, gpg.conf): code from elsewhere, asked
    unread (programs.CONFIG_CODE_FILES). A config of the project's or the user's own stays as ordinary as the defaults
    the program reads anyway (the calibration of `bash ~/Downloads/x.sh`: the agent cannot put a file there unasked)."""

    DENIED: ClassVar[list[str]] = [
        "rsync -b --backup-dir=~/.claude/hooks -a src/ dst/",
        "rsync -a --backup --backup-dir=/home/ana/.config/clearance src/ /tmp/dst/",
        "rsync -a --temp-dir=~/.claude src/ /tmp/dst/",
        "rsync -a --partial-dir=~/.claude/hooks src/ /tmp/dst/",
        "rsync -a -T ~/.codex src/ /tmp/dst/",
    ]
    ASKED: ClassVar[list[str]] = [
        "npm --userconfig /tmp/npmrc install",
        "NPM_CONFIG_USERCONFIG=/tmp/npmrc npm ci",
        "wget --config=/tmp/wgetrc https://example.com/x",
        "WGETRC=/tmp/w wget https://example.com/x",
        "screen -c /tmp/screenrc -dmS x",
        "lldb -s /tmp/cmds ./app",
        "gpg --options /tmp/gpg.conf -d x.gpg",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "rsync -b --suffix=.bak -a src/ dst/",
        "rsync -a --backup-dir=/tmp/bak -b src/ dst/",
        "rsync -a --partial-dir=.rsync-partial src/ /tmp/dst/",
        "npm --userconfig .npmrc.ci install",
        "wget --config=config/wgetrc https://example.com/x",
        "screen -dmS dev npm run dev",
        "lldb ./app",
        "gpg -d secrets.gpg",
    ]

    @pytest.mark.parametrize("command", DENIED)
    def test_denied(self, command: str) -> None:
        assert decide(command).decision == "deny"

    @pytest.mark.parametrize("command", ASKED)
    def test_asked(self, command: str) -> None:
        assert decide(command).decision == "ask"

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary_allowed(self, command: str) -> None:
        assert decide(command).decision == "allow"


class TestOpenAfterFix18a:
    """What fix18a found and left open (strict xfails, "unfinished (fix18a)"): a program whose own file format no reader
    of clearance's judges at all, from any source (ninja's build file, a nix expression's shellHook run by nix-shell)."""

    CASES: ClassVar[list[str]] = [
        "ninja -f <(printf 'rule r\\n  command = rm -rf ~\\nbuild x: r\\n')",
        "nix-shell <(echo 'with import <nixpkgs> {}; mkShell { shellHook = \"rm -rf ~\"; }')",
    ]
    # Both read since fix19a (code/convention_runners._ninja, _nix_shell; more cases in tests/test_fix19a.py).
    GAPS: ClassVar[dict[str, str]] = {}

    @pytest.mark.parametrize("command", CASES)
    def test_not_allowed(self, command: str) -> None:
        from . import strict

        def check() -> None:
            assert decide(command).decision != "allow"

        strict.check(command, self.GAPS, check)
