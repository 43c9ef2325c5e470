"""Options end at `--` (issue 16's pipe path, and reading a command as the program reads it).

npm, pnpm and yarn hand every word after `--` to the script they run (`npm test -- --watch=false`): such a word is
no setting of the package manager, so sys.package-config-set and its gate (rules/gates.sets_package_config) stop
reading options there -- and the gate no longer imports pkgconfig.py for an ordinary test run. The same words before
`--` are still the package manager's own settings. creds.print-secret-var and creds.grep-environment are gated by
their first tests (a variable given to echo/printf, a pipe from an environment dumper), so `echo done` or
`git diff | head` import no creds pack.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import decide
from tests.test_lazy_rules import _build_index, _env

SCRIPT_ARGUMENTS = [
    "npm test -- --strict-ssl=false",
    "npm run build -- --registry=http://registry.example.com",
    "pnpm test -- --script-shell=/tmp/x",
    "yarn test -- --no-strict-ssl",
    "npm run lint -- --fix --max-warnings=0",
    "npm exec -- eslint --cache .",
]
STILL_SETTINGS = [
    "npm install --strict-ssl=false -- lodash",
    "npm ci --no-strict-ssl",
    "npm test --script-shell=/tmp/x",
    "npm config set -- strict-ssl false",
    "pnpm install --script-shell=/tmp/x",
    "poetry install --strictSsl=false",
]
VARIABLES = ["echo $AWS_SECRET_ACCESS_KEY", "printf '%s' \"$OPENAI_API_KEY\"", "printenv GITHUB_TOKEN", "env | grep -i token"]
ORDINARY = ["echo done", 'echo "$HOME"', "printenv PATH", "git diff HEAD~1 | head -50", "cat log.txt | grep token"]


@pytest.mark.parametrize("command", SCRIPT_ARGUMENTS)
def test_words_after_the_end_of_options_are_the_scripts(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (command, d.rules, d.reason)


@pytest.mark.parametrize("command", STILL_SETTINGS)
def test_the_same_options_before_it_are_settings(command: str) -> None:
    d = decide(command)
    assert d.decision != "allow" and "sys.package-config-set" in d.rules, (command, d.rules)


@pytest.mark.parametrize("command", VARIABLES)
def test_secret_variables_printed_stay_refused(command: str) -> None:
    d = decide(command)
    assert d.decision != "allow" and any(r.startswith("creds.") for r in d.rules), (command, d.rules)


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary_printing_is_allowed(command: str) -> None:
    assert decide(command).decision == "allow"


def test_a_test_run_with_script_options_does_not_load_the_package_settings_reader(tmp_path: Path) -> None:
    env = _env(tmp_path)
    _build_index(env)
    code = (
        "import sys; from clearance.api import decide; "
        "d = decide('Bash', {'command': 'git status && npm test -- --watch=false | tee out.log'}, cwd='/home/ana/webapp', "
        "env={'HOME': '/home/ana'}); print(d.decision, 'clearance.pkgconfig' in sys.modules, 'clearance.rules.creds' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=True).stdout.split()
    assert out == ["allow", "False", "False"], out
