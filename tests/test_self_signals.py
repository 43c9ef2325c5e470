"""Signals sent to clearance's own processes: self-protection against switching clearance off by stopping it."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance import procs
from clearance.api import decide_event

from .conftest import ENV, decide, event

# Signals sent to clearance's own processes (the daemon, the team service, a hook holding a lock): written before
# the rule, from the adversarial round's open item "kill -STOP / pkill -STOP -f clearance is allowed".
SIGNALS_TO_CLEARANCE = [
    "pkill -STOP -f clearance",
    "pkill -f 'clearance daemon'",
    "pkill -9 -f 'clearance serve'",
    "kill -STOP $(pgrep -f 'clearance daemon')",
    "kill -9 `pgrep -f clearance`",
    "pgrep -f clearance | xargs kill -STOP",
    "kill $(cat ~/.local/state/clearance/daemon.pid)",
    "killall -STOP -r clearance",
]
SIGNALS_ELSEWHERE = ["pkill -f 'node server.js'", "kill -9 1234", "pkill -f vite", "kill %1", "pgrep -f clearance"]


@pytest.mark.parametrize("command", SIGNALS_TO_CLEARANCE)
def test_signals_to_clearance_processes_are_denied(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny" and "self.signal-clearance" in d.rules, (command, d.rules)


@pytest.mark.parametrize("command", SIGNALS_ELSEWHERE)
def test_other_signals_are_not_self_protection(command: str) -> None:
    assert "self.signal-clearance" not in decide(command).rules


# -- processes reached by id or by a pattern that does not name clearance --------------------------------------------
# Written before the fix, from the adversarial round's open item: `kill -STOP PID` with a bare number was allowed even
# when the number was clearance's daemon or a hook holding the audit lock.  Here a real process runs clearance's hook
# launcher's name (…/clearance/hookrun.py) and the real process table is read (procs.py).


@pytest.fixture
def hook_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc")
    launcher = tmp_path / "clearance" / "hookrun.py"
    launcher.parent.mkdir()
    launcher.write_text("import time\ntime.sleep(60)\n")
    p = subprocess.Popen([sys.executable, str(launcher), "hook"], start_new_session=True)
    monkeypatch.setattr(procs, "MIN_AGE", 0.0)
    deadline = time.monotonic() + 10
    while not any(pid == p.pid for pid, _, _, _ in procs.clearance_processes()) and time.monotonic() < deadline:
        time.sleep(0.02)  # until the child has exec'd the launcher
    try:
        yield p.pid
    finally:
        p.kill()
        p.wait()


BY_ID = [
    "kill -STOP {pid}",
    "kill -9 {pid}",
    "kill -s STOP {pid}",
    "kill -STOP -- -{pid}",
    "kill -TERM {pid} 99999999",
    "/bin/kill -STOP {pid}",
    "pkill -STOP -f hookrun",
    "pkill -STOP -f 'python.* hook$'",
    "pkill -STOP -f HOOKRUN -i",
    "killall -STOP hookrun.py",
    "kill -STOP $(pgrep -f hookrun)",
    "pgrep -f hookrun.py | xargs kill -STOP",
    "strace -p {pid}",
    "renice -n 19 -p {pid}",
    "ionice -c 3 -p {pid}",
    "taskset -p 1 {pid}",
]


@pytest.mark.parametrize("command", BY_ID)
def test_signals_reaching_a_running_clearance_process_are_denied(command: str, hook_process: int) -> None:
    d = decide_event(event(command.format(pid=hook_process)), ENV)
    assert d.decision == "deny" and "self.signal-clearance" in d.rules, (command, d.rules, d.reason)


@pytest.mark.parametrize("command", ["kill -STOP 99999999", "kill -9 -- -99999999", "pkill -f 'node server.js'", "renice -n 19 -p 99999999", "kill %1"])
def test_other_processes_stay_as_before(command: str, hook_process: int) -> None:
    assert "self.signal-clearance" not in decide_event(event(command), ENV).rules


def test_a_hook_deciding_right_now_is_not_counted(tmp_path: Path) -> None:
    """This decision's own hook and parallel ones are younger than MIN_AGE: a pattern that matches them is not a denial."""
    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc")
    launcher = tmp_path / "clearance" / "hookrun.py"
    launcher.parent.mkdir()
    launcher.write_text("import time\ntime.sleep(60)\n")
    p = subprocess.Popen([sys.executable, str(launcher), "hook"])
    try:
        assert all(pid != p.pid for pid, _, _, _ in procs.clearance_processes())
    finally:
        p.kill()
        p.wait()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["/home/a/.local/bin/clearance", "daemon"], True),
        (["python3", "-m", "clearance", "serve"], True),
        (["/venv/bin/python", "-I", "-S", "/venv/lib/python3.12/site-packages/clearance/hookrun.py", "hook"], True),
        (["sh", "-c", "clearance hook || exit 2"], True),
        (["grep", "clearance", "notes.md"], False),
        (["vim", "/src/clearance/hookrun.py"], False),
        (["python3", "-m", "clearance_tools"], False),
    ],
)
def test_what_counts_as_clearance(argv: list[str], expected: bool) -> None:
    assert procs.is_clearance(argv) is expected
