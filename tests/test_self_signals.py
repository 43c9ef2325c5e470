"""Signals sent to clearance's own processes: self-protection against switching clearance off by stopping it."""

from __future__ import annotations

import pytest

from .conftest import decide

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
