"""Whether a person watches is read from the agent's process only when the answer needs it (agents16): a deny or an
ask (an ask becomes a denial, repeated denials stop the run), never for an allow, which is most calls.  The hook that
decides itself reads its parent; the daemon reads the parent of the hook that asked it (SO_PEERCRED); the team
service is told before it decides (it cannot read this machine's processes)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance import hook, unattended
from clearance.daemon import answer_request, load_or_create_key

ASKED = "kubectl apply -f k8s/deploy.yaml"  # a cluster change: harmful only if the user did not want it
REFUSED = "git reset --hard HEAD~3"
ALLOWED = ("git status", "ls -la src", "pytest -q tests/test_auth.py")


def _event(home: Path, cmd: str, sid: str = "s") -> bytes:
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


def _child(pid: int) -> int:
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int(d.joinpath("stat").read_text().rpartition(")")[2].split()[1]) == pid:
                    return int(d.name)
            except (OSError, IndexError, ValueError):
                continue
    return 0


@pytest.fixture
def codex_exec() -> Iterator[tuple[int, int]]:
    """(`codex exec` as Codex's parser reads it: a bash named codex, its child: a process the agent started)."""
    agent = subprocess.Popen(["/usr/local/bin/codex", "-c", "sleep 30; true", "exec", "go"], executable="/bin/bash")
    try:
        kid = 0
        for _ in range(300):
            kid = _child(agent.pid)
            if kid:
                break
            time.sleep(0.01)
        assert kid
        yield agent.pid, kid
    finally:
        agent.kill()
        agent.wait()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The processes unattended.py was asked about."""
    seen: list[int] = []
    real = unattended.unattended

    def counting(agent: str | None, start: int = 0) -> str:
        seen.append(start)
        return real(agent, start)

    monkeypatch.setattr(unattended, "unattended", counting)
    return seen


def test_an_allow_never_reads_the_agents_process(home: Path, codex_exec: tuple[int, int], reads: list[int]) -> None:
    opts = hook.Options(["--agent", "codex"])
    opts.agent_pid = codex_exec[0]
    for cmd in ALLOWED:
        answer = hook.run_answer(_event(home, cmd), opts, _env(home))
        assert answer.exit_code == 0 and "No person is watching" not in answer.stderr
    assert reads == []


def test_an_ask_reads_it_once_and_is_denied(home: Path, codex_exec: tuple[int, int], reads: list[int]) -> None:
    opts = hook.Options(["--agent", "codex"])
    opts.agent_pid = codex_exec[0]
    answer = hook.run_answer(_event(home, ASKED), opts, _env(home))
    assert "No person is watching this run" in answer.stderr and "`clearance allow 1`" in answer.stderr
    assert reads == [codex_exec[0]]


def test_repeated_denials_stop_an_unattended_run(home: Path, codex_exec: tuple[int, int], reads: list[int]) -> None:
    said = []
    for _ in range(4):
        opts = hook.Options(["--agent", "codex"])
        opts.agent_pid = codex_exec[0]
        said.append(hook.run_answer(_event(home, REFUSED, "stop"), opts, _env(home)).stderr)
    assert "Stopping the run" in said[-1] and "no person is watching" in said[-1]
    assert len(reads) == 4


def test_an_explicit_person_watching_is_not_read(home: Path, codex_exec: tuple[int, int], reads: list[int]) -> None:
    opts = hook.Options(["--agent", "codex"])
    opts.agent_pid = codex_exec[0]
    answer = hook.run_answer(_event(home, ASKED), opts, {**_env(home), "CLEARANCE_HEADLESS": "0"})
    assert "No person is watching" not in answer.stderr and reads == []


def test_the_hook_process_under_codex_exec(home: Path) -> None:
    """`sh -c HOOK` under `codex exec`: the ask is denied as nobody can answer it, the allow is answered as before."""
    import os

    src = str(Path(hook.__file__).resolve().parents[1])
    out = {}
    for cmd in (ASKED, "git status"):
        (home / "event.json").write_bytes(_event(home, cmd))
        line = f"{sys.executable} -m clearance hook --agent codex < {home / 'event.json'}; true"
        env = {**_env(home), "PYTHONPATH": src}
        p = subprocess.run(["/usr/local/bin/codex", "-c", line, "exec", "go"], executable="/bin/bash", capture_output=True, text=True, env=env, timeout=60)
        out[cmd] = p.stderr
    assert "No person is watching this run" in out[ASKED]
    assert out["git status"] == "" and os.path.exists(home / "event.json")


def test_the_daemon_reads_the_agent_of_the_hook_that_asked(tmp_path: Path, home: Path, codex_exec: tuple[int, int], reads: list[int]) -> None:
    key = load_or_create_key(str(tmp_path / "state" / "k"))
    env = {"HOME": str(home), "CLEARANCE_DB": str(tmp_path / "a.db")}

    def ask(cmd: str, peer: int) -> str:
        req = {"nonce": "n", "argv": ["--agent", "codex"], "env": env, "raw": _event(home, cmd).decode()}
        return str(json.loads(answer_request(json.dumps(req).encode(), key, peer).partition(b"\n")[2])["stderr"])

    assert "No person is watching" not in ask("git status", codex_exec[1]) and reads == []
    assert "No person is watching this run" in ask(ASKED, codex_exec[1])  # the peer's parent is `codex exec`
    assert reads == [codex_exec[0]]
    assert "No person is watching" not in ask(ASKED, 0)  # no peer known: a person may be there
