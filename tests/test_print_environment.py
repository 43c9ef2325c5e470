"""The whole environment printed into the transcript (creds.print-environment): asked where a variable is secret or
where the environment cannot be seen; allowed where the hook sees none.  Cases written for the class."""

from __future__ import annotations

import pytest

from .conftest import decide

DUMPS = ["env", "printenv", "export -p", "declare -x", "declare -p", "set", "env -0", "printenv -0"]
ORDINARY = [
    "env | grep -i node",
    "printenv PATH",
    "env > /tmp/env.txt",
    "set -e",
    "set -euo pipefail",
    "env NODE_ENV=test npm test",
    "export X=1",
    "declare -a arr",
]


@pytest.mark.parametrize("command", DUMPS)
def test_dump_asked_when_unseen(command: str) -> None:
    assert decide(command).decision == "ask"


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary(command: str) -> None:
    assert decide(command).decision == "allow"


def _env_with(environ: dict[str, str]) -> str:
    from clearance.engine import evaluate
    from clearance.policy import load_policy

    from .conftest import ENV, event, parse_event

    action, ctx = parse_event(event("env"), ENV)
    ctx.environ = environ
    return evaluate(action, ctx, load_policy(ctx.project_root, ENV)).decision


def test_seen_environment_decides() -> None:
    assert _env_with({"PATH": "/usr/bin", "HOME": "/home/ana", "LANG": "C.UTF-8"}) == "allow"
    assert _env_with({"PATH": "/usr/bin", "GITHUB_TOKEN": "ghp_" + "a" * 36}) == "ask"
    assert _env_with({"PATH": "/usr/bin", "SOME_SETTING": "sk-ant-api03-" + "b" * 80}) == "ask"  # a secret by its value
