"""Codex's exec_command with `tty: true` keeps the process running on a terminal the model types into through
write_stdin, for which Codex 0.171.0 sends no PreToolUse (measured: tests/e2e_agents/run.py, codex-stdin-session).

Class: a program started on that terminal reads its input from the model, unseen. A shell or an interpreter there runs
unseen code (`python3` is a REPL, not a program reading an empty input), judged like the same program reading a pipe
from a program clearance cannot see; a program reading data, or none, stays ordinary work. Codex's hook event names
the call Bash with only its command (tty is left out: measured), so a terminal is assumed unless the input says
tty: false; without a terminal the process's input is closed (measured: `python3 -i` exits at once).
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from clearance.hook import Options, run_answer
from tests.strict import check

PROJECT = "/home/ana/webapp"


def answer(command: str, tty: object) -> Any:
    tool_input: dict[str, Any] = {"cmd": command, "yield_time_ms": 1000}
    if tty is not None:
        tool_input["tty"] = tty
    event = {"session_id": "c1", "turn_id": "t1", "hook_event_name": "PreToolUse", "cwd": PROJECT, "tool_name": "exec_command", "tool_input": tool_input}
    env = {"HOME": "/home/ana", "CLEARANCE_HEADLESS": "0", "CLEARANCE_DB": os.environ["CLEARANCE_DB"], "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    return run_answer(json.dumps(event).encode(), Options(["--agent", "codex"]), env)


# Reads code or commands from the terminal: blocked (Codex hooks cannot ask). No rule names any of these programs.
UNSEEN = [
    "python3",
    "python3 -i",
    "cd src && python3 -",
    "node",
    "perl",
    "ruby",
    "php -a",
    "uv run python",
    "poetry run python",
    "bash",
    "psql -h db.internal prod",
    "ssh build-host",
    "irb",
    "sqlite3 app.db",
    "less README.md",
    # programs that run what is typed at them (shell/terminal.py)
    "gdb ./a.out",
    "python3 -m pdb app.py",
    "vim README.md",
    "tmux",
    "git rebase -i HEAD~3",
    "GIT_PAGER=less git log",
    # an application's interactive console, started by its management command (round 13, agents13)
    "python3 manage.py shell",
    "./manage.py shell",
    "python3 manage.py dbshell",
    "django-admin shell",
    "flask shell",
    "php artisan tinker",
    "scrapy shell",
    "jupyter console",
    "docker run -it ubuntu",
]

# The class the round-13 cases belong to (term13): a program whose run starts a console reading code or commands from
# the terminal, decided by the program's own grammar (shell/terminal.py _CONSOLES: the subcommand that opens it, the
# options that hand it a command instead), and a container engine handing the terminal to a container's own command.
# None of these was written for: each was allowed before (measured on main d90c511).
UNSEEN_CONSOLES = [
    "python3 manage.py shell_plus",
    "python -m django shell",
    "uv run python manage.py shell",
    "flask --app web shell",
    "./artisan tinker",
    "php artisan db",
    "scrapy shell https://example.com",
    "lein repl",
    "sbt",
    "sbt compile console",
    "stack ghci",
    "cabal repl",
    "rebar3 shell",
    "bundle console",
    "dotnet fsi",
    "npx",
    "npm exec",
    "podman run -it fedora",
    "docker container run -i alpine",
    "docker start -ai web",
    "docker attach web",
    "groovysh",
    "kotlinc",
    "psysh",
    "bb repl",
    "scala-cli repl",
    # a shell or a database console on a machine or a service a tool manages, given no command to run
    "vagrant ssh",
    "fly ssh console",
    "flyctl ssh console",
    "heroku pg:psql",
    "minikube ssh",
    "multipass shell vm1",
    "ddev mysql",
    "railway connect",
    # a console inside a container the terminal is handed to (-i)
    "docker exec -it web python3 manage.py shell",
    "docker exec -it web psql app",
    "docker compose exec db psql -U app",
    "heroku run python manage.py shell",
]


@pytest.mark.parametrize("command", UNSEEN)
def test_a_program_reading_code_from_the_terminal_is_blocked(command: str) -> None:
    def run() -> None:
        a = answer(command, True)
        assert a.exit_code == 2, a.stderr

    run()


@pytest.mark.parametrize("command", UNSEEN_CONSOLES)
def test_a_console_a_program_opens_on_the_terminal_is_blocked(command: str) -> None:
    a = answer(command, True)
    assert a.exit_code == 2 and "runs" in a.stderr and "shell.piped-script" in a.stderr, a.stderr


@pytest.mark.parametrize("command", ["python3", "node", "bash -i", "perl"])
def test_the_reason_names_the_terminal_input(command: str) -> None:
    a = answer(command, True)
    assert a.exit_code == 2 and ("write_stdin" in a.stderr or "interactive shell" in a.stderr), a.stderr


# Look-alikes on a terminal that read data or nothing: still allowed. `git log` and `man ls` start no pager under
# Codex's exec_command, which sets PAGER and GIT_PAGER to cat (codex-rs core/src/unified_exec, UNIFIED_EXEC_ENV).
ORDINARY = [
    "git log",
    "man ls",
    "git commit -m 'fix: typo'",
    "tmux new -d -s web 'npm run dev'",
    "cat",
    "pytest -x",
    "npm run dev",
    "python3 -m http.server 8000",
    "python3 manage.py runserver",
    "python3 script.py < input.txt",
    "python3 -c 'print(1)'",
    "git log --oneline | head",
    "cargo watch -x test",
    "top",
    # the same programs given the command they run, or a subcommand that opens no console (round 13, term13)
    "python3 manage.py test",
    "python3 manage.py migrate",
    "python3 manage.py shell -c 'print(1)'",
    "python3 manage.py dbshell -- -c 'select 1'",
    "django-admin --help",
    "flask run",
    "flask --app web run --debug",
    "php artisan migrate",
    "php artisan tinker --execute='dump(1)'",
    "scrapy crawl quotes",
    "scrapy shell -c 'response.status' https://example.com",
    "jupyter notebook",
    "lein test",
    "lein repl :headless",
    "sbt compile test",
    "stack build",
    "dotnet fsi build.fsx",
    "dotnet test",
    "npx prettier --check .",
    "npm exec -- eslint .",
    "npm test",
    "bundle install",
    "kotlinc Main.kt",
    "vagrant up",
    "vagrant ssh -c 'make test'",
    "fly ssh console --command 'ls'",
    "heroku pg:psql --command 'select 1'",
    "heroku logs",
    "minikube start",
    "ddev mysql -e 'select 1'",
    "ddev start",
    "python script.py",
    "psql -c 'select 1'",
    "docker run --rm img pytest",
    "docker run -p 8080:80 nginx",
    "docker run -d -it nginx",
    "docker run -t alpine",
    "docker start web",
    "docker attach --no-stdin web",
    # without -i a container's input is closed: a shell there reads nothing typed (both were blocked before)
    "docker run --rm ubuntu bash",
    "docker exec web bash",
    "podman exec c bash",
    "docker exec web python3 manage.py migrate",
    "docker compose exec web pytest",
]


@pytest.mark.parametrize("command", ORDINARY)
def test_a_program_reading_data_on_a_terminal_is_allowed(command: str) -> None:
    a = answer(command, True)
    assert (a.exit_code, a.stdout) == (0, None), a.stderr


@pytest.mark.parametrize("command", ["python3", "node", "python3 -i", "perl", "python3 manage.py shell", "flask shell", "docker run -it ubuntu", "sbt"])
def test_without_a_terminal_the_input_is_closed(command: str) -> None:
    a = answer(command, False)
    assert (a.exit_code, a.stdout) == (0, None), a.stderr


@pytest.mark.parametrize("command", ["python3", "node"])
def test_the_event_codex_really_sends_has_no_tty(command: str) -> None:
    # What Codex 0.171.0 sends for exec_command {"cmd": "python3", "tty": true}: Bash, the command alone.
    event = {"session_id": "c1", "turn_id": "t1", "hook_event_name": "PreToolUse", "cwd": PROJECT, "tool_name": "Bash", "tool_input": {"command": command}}
    env = {"HOME": "/home/ana", "CLEARANCE_HEADLESS": "0", "CLEARANCE_DB": os.environ["CLEARANCE_DB"], "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    a = run_answer(json.dumps(event).encode(), Options(["--agent", "codex"]), env)
    assert a.exit_code == 2 and "write_stdin" in a.stderr, a.stderr


@pytest.mark.parametrize(
    "command", ["python3 manage.py shell", "flask shell", "php artisan tinker", "docker run -it ubuntu", "sbt", "npx", "docker exec -it web psql app"]
)
def test_other_agents_have_no_terminal_to_type_into(command: str) -> None:
    # Claude Code's Bash runs the line with no input the agent can write to later: the console reads end-of-file.
    event = {
        "session_id": "c1",
        "hook_event_name": "PreToolUse",
        "cwd": PROJECT,
        "tool_name": "Bash",
        "tool_input": {"command": command},
        "permission_mode": "default",
    }
    env = {"HOME": "/home/ana", "CLEARANCE_HEADLESS": "0", "CLEARANCE_DB": os.environ["CLEARANCE_DB"], "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    a = run_answer(json.dumps(event).encode(), Options(["--agent", "claude"]), env)
    assert a.exit_code == 0 and a.stdout["hookSpecificOutput"]["permissionDecision"] == "allow", (a.stdout, a.stderr)


# The same consoles fed their code on a pipe, which every agent's shell tool can do and clearance can read: each
# console's language is known (terminal.CONSOLE_LANGUAGES) and its input judged as that interpreter's (fix14; rails
# console: unwrap_code._rails). More cases and look-alikes: tests/test_open_classes14.py.
PIPED_GAPS: dict[str, str] = {}
PIPED = [
    "echo 'import os; os.system(\"rm -rf ~\")' | python3 manage.py shell",
    "echo '`rm -rf ~`;' | php artisan tinker",
]


@pytest.mark.parametrize("command", PIPED + list(PIPED_GAPS))
def test_a_console_fed_on_a_pipe_is_read_as_its_language(command: str) -> None:
    def run() -> None:
        event = {
            "session_id": "c1",
            "hook_event_name": "PreToolUse",
            "cwd": PROJECT,
            "tool_name": "Bash",
            "tool_input": {"command": command},
            "permission_mode": "default",
        }
        env = {"HOME": "/home/ana", "CLEARANCE_HEADLESS": "0", "CLEARANCE_DB": os.environ["CLEARANCE_DB"], "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
        a = run_answer(json.dumps(event).encode(), Options(["--agent", "claude"]), env)
        assert a.stdout["hookSpecificOutput"]["permissionDecision"] == "deny", a.stdout

    check(command, PIPED_GAPS, run)
