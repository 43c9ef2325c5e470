"""Nobody watches the run (agents15): Gemini CLI -p, Codex exec and Copilot CLI -p tell their hooks nothing, so the hook
reads the agent's own command line (unattended.py); an ask in a headless run is denied with how a person allows it;
a denial names its record's id (`clearance allow ID`), which the hook gives before spooling it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clearance import hook
from clearance.unattended import _argv, unattended

SLEEP = "import time; time.sleep(30)"


def _process(argv0: str, *args: str) -> subprocess.Popen[bytes]:
    """A process whose argv is the agent's (python runs `-c SLEEP`; the agent's parser reads the rest)."""
    p = subprocess.Popen([argv0, "-c", SLEEP, *args], executable=sys.executable, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    for _ in range(200):  # until the exec shows in /proc
        if _argv(p.pid)[:1] == [argv0]:
            break
        time.sleep(0.01)
    return p


@pytest.mark.parametrize(
    ("agent", "argv0", "args", "want"),
    [
        ("codex", "/opt/node_modules/@openai/codex-linux-x64/vendor/x86_64/codex/codex", ("exec", "--json", "fix it"), "codex exec"),
        ("codex", "/usr/local/bin/codex", ("-m", "gpt-5", "e", "fix it"), "codex exec"),
        ("copilot", "/usr/local/lib/node_modules/@github/copilot-linux-x64/copilot", ("-p", "fix it", "--allow-all-tools"), "copilot -p"),
        ("copilot", "/usr/bin/copilot", ("--prompt=fix it",), "copilot -p"),
        ("gemini", "/usr/local/bin/gemini", ("-p", "fix it", "--yolo"), "gemini -p"),
        # Gemini CLI runs without its UI when its input or output is not a terminal (its isHeadlessMode)
        ("gemini", "/usr/local/bin/gemini", ("--yolo",), "gemini with no terminal"),
    ],
)
def test_the_agents_own_non_interactive_modes(agent: str, argv0: str, args: tuple[str, ...], want: str) -> None:
    p = _process(argv0, *args)
    try:
        assert unattended(agent, p.pid) == want
    finally:
        p.kill()
        p.wait()


@pytest.mark.parametrize(
    ("agent", "argv0", "args"),
    [
        ("codex", "/usr/local/bin/codex", ("fix the exec path",)),  # the terminal UI with a prompt that says exec
        ("codex", "/usr/local/bin/codex", ("-m", "exec")),  # a value, not the subcommand
        ("codex", "/usr/local/bin/codex", ("app-server",)),  # an editor drives it: a person is there
        # (copilot -i at a terminal: tests/test_unattended16.py; without one Copilot CLI runs the prompt and exits)
        ("copilot", "/usr/bin/copilot", ("--server", "--port", "4321")),  # an SDK client drives it
        ("copilot", "/usr/bin/copilot", ("--acp",)),
        ("gemini", "/usr/local/bin/gemini", ("--experimental-acp",)),  # Zed drives it
        ("gemini", "/usr/local/bin/gemini", ("-i", "fix it")),
        ("codex", "/usr/bin/vim", ("exec",)),  # not the agent at all
    ],
)
def test_a_person_may_be_there(agent: str, argv0: str, args: tuple[str, ...]) -> None:
    p = _process(argv0, *args)
    try:
        assert unattended(agent, p.pid) == ""
    finally:
        p.kill()
        p.wait()


def _child(pid: int) -> int:
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int(d.joinpath("stat").read_text().rpartition(")")[2].split()[1]) == pid:
                    return int(d.name)
            except (OSError, IndexError, ValueError):
                continue
    return 0


def test_only_shells_stand_between_the_hook_and_the_agent(tmp_path: Path) -> None:
    """`sh -c HOOK` under the agent is found; a test runner under `codex exec` that starts a hook is not the agent's."""
    # bash named codex: `codex -c CMD exec go` as the agent's parser reads it; `; true` keeps bash from exec'ing CMD
    shell = subprocess.Popen(["/usr/local/bin/codex", "-c", "sh -c 'sleep 30; true'; true", "exec", "go"], executable="/bin/bash")
    runner = subprocess.Popen(["/usr/local/bin/codex", "-c", "sleep 30; true", "exec", "go"], executable="/bin/bash")
    try:
        kids = {}
        for _ in range(300):
            for p in (shell, runner):
                kid = _child(p.pid)
                if kid:
                    kids[p.pid] = kid
            if len(kids) == 2:
                break
            time.sleep(0.01)
        assert unattended("codex", kids[shell.pid]) == "codex exec"  # sh -c under codex exec
        assert unattended("codex", kids[runner.pid]) == ""  # a python under codex exec: not the agent's hook shell
    finally:
        for p in (shell, runner):
            p.kill()
            p.wait()


def test_claude_and_unknown_processes_are_not_guessed() -> None:
    assert unattended("claude") == ""  # Claude Code says so itself (CLAUDE_CODE_ENTRYPOINT)
    assert unattended("codex", 2**22 + 17) == ""  # no such process


def _event(home: Path, cmd: str, sid: str, agent: str = "codex") -> bytes:
    if agent == "copilot":  # Copilot CLI 1.0.102's own shape (tests/fixtures/agents)
        return json.dumps({"sessionId": sid, "timestamp": 1, "cwd": str(home / "proj"), "toolName": "bash", "toolArgs": {"command": cmd}}).encode()
    return json.dumps(
        {"session_id": sid, "cwd": str(home / "proj"), "hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": cmd}}
    ).encode()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "proj").mkdir()
    subprocess.run(["git", "init", "-q", str(tmp_path / "proj")], check=True)
    return tmp_path


def _env(home: Path) -> dict[str, str]:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "CLEARANCE_NO_DAEMON": "1"}


@pytest.mark.parametrize("agent", ["codex", "copilot", "claude"])
def test_an_ask_nobody_can_answer_is_denied_with_the_way_to_allow_it(home: Path, agent: str) -> None:
    asked = "kubectl apply -f k8s/deploy.yaml"  # a cluster change: harmful only if the user did not want it
    watched = hook.run_answer(_event(home, asked, "w", agent), hook.Options(["--agent", agent]), _env(home))
    alone = hook.run_answer(_event(home, asked, "h", agent), hook.Options(["--agent", agent, "--headless"]), _env(home))
    text = json.dumps(alone.stdout) + alone.stderr
    assert "No person is watching this run" in text and "`clearance allow 2`" in text
    if agent == "claude":
        assert watched.stdout is not None and watched.stdout["hookSpecificOutput"]["permissionDecision"] == "ask"  # type: ignore[index]
        assert alone.stdout is not None and alone.stdout["hookSpecificOutput"]["permissionDecision"] == "deny"  # type: ignore[index]
    assert "No person is watching" not in json.dumps(watched.stdout) + watched.stderr


def test_an_explicit_interactive_setting_wins(home: Path) -> None:
    assert not hook.unattended_run("codex", {"CLEARANCE_HEADLESS": "0"})


def test_a_denial_names_its_record_and_the_id_holds_across_folds(home: Path) -> None:
    from clearance.store.sqlite import SqliteStore

    env = _env(home)
    opts = hook.Options(["--agent", "codex"])
    ids = []
    for i in range(5):
        a = hook.run_answer(_event(home, "git reset --hard HEAD~3", f"s{i}"), opts, env)
        ids.append(a.stderr.rpartition("`clearance allow ")[2].partition("`")[0])
        if i == 2:  # a reader folds the spool between calls
            SqliteStore(str(home / ".local" / "state" / "clearance" / "clearance.db")).close()
    store = SqliteStore(str(home / ".local" / "state" / "clearance" / "clearance.db"))
    try:
        rows = {r["id"]: r for r in store.query({}, 100)}
    finally:
        store.close()
    assert ids == ["1", "2", "3", "4", "5"]
    assert all(rows[int(i)]["session_id"] == f"s{n}" for n, i in enumerate(ids))


def test_the_team_service_denies_a_headless_clients_ask_as_the_local_hook_does(tmp_path: Path) -> None:
    """A CI runner's thin client says it is headless: the service answers its ask with the same denial, saying why."""
    import os

    from .test_team_fallback import SRC, Team

    team = Team(tmp_path)
    team.start()
    try:
        home = tmp_path / "runner"
        (home / "app").mkdir(parents=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_", "CI", "GITHUB_"))}
        env.update(HOME=str(home), PYTHONPATH=SRC, CLEARANCE_SERVER=team.base, CLEARANCE_TOKEN=team.token)
        said = []
        for ci in ("", "true"):
            ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "kubectl apply -f k8s/deploy.yaml"}}
            ev.update(cwd=str(home / "app"), session_id=f"run-{ci}")
            p = subprocess.run(
                [sys.executable, "-m", "clearance", "hook", "--agent", "claude"],
                input=json.dumps(ev),
                capture_output=True,
                text=True,
                env={**env, "CI": ci},
                timeout=60,
            )
            said.append(json.loads(p.stdout)["hookSpecificOutput"])
        assert said[0]["permissionDecision"] == "ask" and "No person is watching" not in said[0]["permissionDecisionReason"]
        assert said[1]["permissionDecision"] == "deny" and "No person is watching this run" in said[1]["permissionDecisionReason"]
    finally:
        team.stop()
