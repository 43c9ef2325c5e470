"""Round 11d: ordinary developer calls judged on the main of the round's tightening merges (a007f90..5ca9099: editors'
and agents' settings files, env files read as loaders read them, command variables, TMPDIR, global installs from
local folders, settings hard links, Codex's terminal programs, brace expansion, package-manager settings, secret store
names, credential helpers, cloud verbs, net transfer and SQL rules, compiler options, `0<` redirects, pkill's regex
reading, URLs with run-time text after the port).

About 330 ordinary calls were judged for Claude Code and Codex; the refusals the merges added fall into two classes,
fixed here with the dangerous look-alikes that stay refused. Calls a developer expects allowed that main still refuses
by design (a REPL or pager started on Codex's terminal, which the agent types into unseen) are not listed.
"""

from __future__ import annotations

from typing import Any

import pytest

from clearance.adapters import codex

from .conftest import PROJECT, decide

ALLOW = "allow"
PKG = {
    PROJECT + "/package.json": '{"scripts": {"dev": "vite", "serve": "webpack serve --mode development", "start": "node server.js", "test": "jest"}}',
}


def claude(command: str, files: dict[str, str] | None = None) -> tuple[str, list[str]]:
    example: dict[str, Any] = {"tool_name": "Bash", "tool_input": {"command": command}}
    if files is not None:
        example["files"] = files
    d = decide(example)
    return d.decision, d.rules


def codex_call(command: str) -> tuple[str, list[str]]:
    """A Codex exec_command call (it gives the command a terminal the model types into)."""
    ev = codex.to_event({"hook_event_name": "PreToolUse", "tool_name": "exec_command", "tool_input": {"cmd": command}, "cwd": PROJECT, "session_id": "t"})
    d = decide({k: v for k, v in ev.items() if k not in ("hook_event_name", "cwd", "session_id")})
    return d.decision, d.rules


# --- Class 1: pkill -f patterns that match no more than an allowed word (sys.kill-by-word, ask since 48e7bfe) --------
# The regex reading asked every bracket, escape and repetition. An escaped mark is the mark (`server\.js`), a
# one-character bracket is the character (`[v]ite`, the idiom that keeps pgrep/pkill from matching its own line), and
# pieces joined by `.*` match only lines holding every piece -- a subset of what the narrow piece alone kills.
KILL_ORDINARY = [
    "pkill -f 'node server\\.js'",
    "pkill -f 'node.*server.js'",
    "pkill -f 'webpack.*serve'",
    "pkill -f '[v]ite'",
    "pkill -f '[j]est'",
    "pkill -9 -f 'node.*server\\.js'",
    "pkill -f 'vite.*--port'",
]
# Dangerous look-alikes: a piece that names no project program, a class, a wide bracket, a lone `.*`.
KILL_ASKED = [
    "pkill -f '[c]hrome'",
    "pkill -f 'c.*e'",
    "pkill -f 'node.*'",
    "pkill -f '.*'",
    "pkill -f 'python.*'",
    "pkill -f '[a-z]ite'",
    "pkill -f 'node\\s'",
    "pkill -f 'vite|[c]hrome'",
    "pkill -f 'chrome.*--type'",
]


@pytest.mark.parametrize("command", KILL_ORDINARY)
def test_kill_patterns_as_narrow_as_a_word_are_ordinary(command: str) -> None:
    assert claude(command, PKG) == (ALLOW, [])


@pytest.mark.parametrize("command", KILL_ASKED)
def test_kill_patterns_wider_than_the_project_stay_asked(command: str) -> None:
    verdict, rules = claude(command, PKG)
    assert verdict == "ask" and "sys.kill-by-word" in rules, (verdict, rules)


# --- Class 2: lftp's batch form on Codex's terminal (shell.piped-script via shell/terminal.py, since the merges) ----
# `lftp -e 'CMDS; quit' HOST` is lftp's documented way to run a transfer and leave: the session ends with the commands,
# so nothing the agent types reaches lftp's `!command`. Only -c and -f were read as a batch.
LFTP_ORDINARY = [
    "lftp -e 'mirror /pub/data ./data; quit' ftp.example.com",
    "lftp -u anonymous, -e 'mget *.csv; bye' ftp.example.com",
    "lftp -e 'set ftp:ssl-allow no; mirror /releases ./releases; exit' ftp.example.com",
    "lftp -e 'get file.tar.gz && quit' ftp.example.com",
]
# Look-alikes: commands that leave the session open, or run a shell on the terminal before quitting.
LFTP_ASKED = [
    "lftp -e 'mirror /pub ./pub' ftp.example.com",
    "lftp -e 'quit; mirror /pub ./pub' ftp.example.com",
    "lftp -e '!sh; quit' ftp.example.com",
    "lftp ftp.example.com",
]


@pytest.mark.parametrize("command", LFTP_ORDINARY)
def test_lftp_batch_that_quits_is_ordinary_on_codex(command: str) -> None:
    assert codex_call(command) == (ALLOW, [])
    assert claude(command) == (ALLOW, [])


@pytest.mark.parametrize("command", LFTP_ASKED)
def test_lftp_sessions_left_open_stay_asked_on_codex(command: str) -> None:
    assert codex_call(command)[0] == "ask"


# --- Ordinary calls in the round's areas that main allows: plain asserts, so a later tightening fails here ----------
CLAUDE_ALLOWED = [
    "EDITOR=vim git commit -m 'x'",
    "GIT_PAGER=cat git log -5",
    "CC=clang CXX=clang++ cmake -S . -B build",
    "TMPDIR=./tmp npm test",
    "mkdir -p .tmp && TMPDIR=.tmp go test ./...",
    "npm link ../shared-lib",
    "pnpm link --global",
    "pip install -e .",
    "cargo install --path .",
    "mkdir -p src/{components,hooks,utils}",
    "cp config.{yml,yml.bak}",
    "bun test --preload ./test/setup.ts",
    "cat pnpm-workspace.yaml",
    "terraform show",
    "terraform state list",
    "jq '.resources | length' terraform.tfstate",
    "cp .dev.vars.example .dev.vars",
    "git check-ignore credentials.json",
    "pass ls",
    "glab auth status",
    "aws ec2 describe-instances",
    "aws sts get-caller-identity",
    "curl -s 'http://localhost:8123/' --data-binary 'SELECT count() FROM events'",
    'curl "http://127.0.0.1:${PORT:-8080}/healthz"',
    "wget ftp://ftp.gnu.org/gnu/hello/hello-2.12.tar.gz",
    "gcc -O2 -o app main.c",
    "rake -T",
    "rpm --eval '%{_libdir}'",
    "sort 0< data.txt",
    "pkill -f 'node server.js'",
    "python3 -i script.py",
    "psql -d dev -c '\\dt'",
]


@pytest.mark.parametrize("command", CLAUDE_ALLOWED)
def test_round_areas_ordinary_calls_stay_allowed(command: str) -> None:
    assert claude(command, PKG) == (ALLOW, [])


WRITES_ALLOWED = [
    (
        ".vscode/settings.json",
        '{\n  "terminal.integrated.defaultProfile.linux": "zsh",\n  "terminal.integrated.profiles.linux": {"zsh": {"path": "/bin/zsh"}}\n}\n',
    ),
    (".vscode/settings.json", '{\n  "terminal.integrated.env.linux": {"PYTHONPATH": "${workspaceFolder}/src"}\n}\n'),
    (".envrc", 'export EDITOR=vim\nexport TMPDIR="$PWD/.tmp"\n'),
    (".env", "EDITOR=code --wait\nPORT=3000\n"),
    ("bunfig.toml", '[test]\npreload = ["./test/setup.ts"]\ncoverage = true\n'),
    ("pnpm-workspace.yaml", 'packages:\n  - "packages/*"\nonlyBuiltDependencies:\n  - esbuild\n'),
    (".yarnrc.yml", "nodeLinker: node-modules\n"),
    ("config/secrets.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  DB_HOST: postgres\n"),
    ("Makefile", "CC ?= gcc\nCFLAGS = -O2 -Wall\napp: main.c\n\t$(CC) $(CFLAGS) -o app main.c\n"),
    ("mise.toml", '[tools]\nnode = "20"\n[env]\nEDITOR = "vim"\n'),
]


@pytest.mark.parametrize(("path", "content"), WRITES_ALLOWED)
def test_round_areas_ordinary_writes_stay_allowed(path: str, content: str) -> None:
    d = decide({"tool_name": "Write", "tool_input": {"file_path": PROJECT + "/" + path, "content": content}})
    assert (d.decision, d.rules) == (ALLOW, [])


# --- Found on the way: a pkill -f pattern naming no word was allowed (a mark is a path, `node ` several words) ------
# `pkill -f /` matches every command line holding a path, `pkill -f ' '` every one with an argument, `pkill -f 'node '`
# every node process (the agent's own CLI among them). A pattern is judged by its words: none of three letters or
# more is asked, and surrounding blanks do not make a word a phrase.
KILL_NO_WORD = ["pkill -f /", "pkill -f ' '", "pkill -f 'x.y'", "pkill -f 'node '", "pkill -f ' python3 '"]
KILL_NAMED = ["pkill -f app.py", "pkill -f 'python manage.py runserver'", "pkill -f ./bin/server", "pkill -f 'vite '"]


@pytest.mark.parametrize("command", KILL_NO_WORD)
def test_kill_patterns_naming_no_word_are_asked(command: str) -> None:
    verdict, rules = claude(command, PKG)
    assert verdict != ALLOW and "sys.kill-by-word" in rules, (verdict, rules)


@pytest.mark.parametrize("command", KILL_NAMED)
def test_kill_patterns_naming_a_program_stay_allowed(command: str) -> None:
    assert claude(command, PKG) == (ALLOW, [])


# --- Class 3: data sent to a local server whose port is a variable (net.post-untrusted, ask since d201625) ----------
# Run-time text after the port can leave the host unknown (`http://localhost:${PORT}` with PORT='@evil.example' sends
# to evil.example). Closed in round 12 (net._environment_port): one parameter expansion filling the port field, of a
# variable the line does not assign, is the environment's port (tests/test_ordinary_round12.py has the look-alikes).
POST_TO_RUNTIME_PORT = [
    'curl -X POST "http://localhost:${PORT}/api/todos" -H \'Content-Type: application/json\' -d \'{"title":"x"}\'',
    "curl -X POST http://localhost:$PORT/api/login -d 'u=a'",
    "curl -s -X PUT \"http://127.0.0.1:${API_PORT:-3000}/items/1\" -d '{}'",
    "curl \"http://localhost:${PORT}/api\" -d 'a=1'",
]
POST_LOCAL_ALLOWED = [
    "curl -X POST http://localhost:3000/api/todos -d '{}'",
    'curl "http://localhost:${PORT}/api/users"',
    "curl -X POST \"http://localhost:3000/api/users/$USER_ID\" -d '{}'",
]


@pytest.mark.parametrize("command", POST_TO_RUNTIME_PORT)
def test_post_to_a_local_server_on_a_variable_port(command: str) -> None:
    assert claude(command) == (ALLOW, []), claude(command)


@pytest.mark.parametrize("command", POST_LOCAL_ALLOWED)
def test_local_requests_with_a_literal_authority_stay_allowed(command: str) -> None:
    assert claude(command) == (ALLOW, [])
