"""The real agent programs with clearance installed, when they are in ~/.cache/clearance-e2e (``make e2e`` installs them).

Skipped, with the reason, when an agent is not installed there; this test never installs anything.
"""

from __future__ import annotations

import pytest

from . import run
from .fake_model import FakeModel


@pytest.mark.parametrize("agent", sorted(run.AGENTS))
def test_real_agent_scenarios(agent: str) -> None:
    spec = run.AGENTS[agent]
    binary = run.find_binary(agent)
    if binary is None:
        pytest.skip(f"{spec['package']}@{spec['version']} is not installed in {run.prefix(agent)}: `make e2e` installs it")
    model = FakeModel()
    results: list[run.Result] = []
    try:
        for name in run.SCENARIOS[agent]:
            run.scenario(agent, name, binary, model, results, keep=False)
    finally:
        model.close()
    failed = [f"{r.name}: {'; '.join(r.notes)}" for r in results if not r.ok]
    assert results and not failed, "\n".join(failed)
