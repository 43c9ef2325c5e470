"""Test runners' output folders are generated (issue 11, third pass: Automaker sessions clean Playwright's results).

Playwright writes every run's attachments, traces and screenshots to `test-results/` (its default `outputDir`, emptied
by Playwright itself at the start of each run), the HTML report to `playwright-report/` and sharded results to
`blob-report/`.  Deleting them, or some of them by a pattern, removes nothing a run does not make again: like `dist/`
or `coverage/` (paths.GENERATED_DIRS).  The same patterns on source folders stay asked.  Cases written for the class,
not copied from the set (which had `rm -rf test-results/emergency-broadcast-*`).
"""

from __future__ import annotations

import pytest

from .conftest import decide

GENERATED = [
    "rm -rf test-results/checkout-flow-*",
    "rm -rf test-results",
    "rm -rf e2e/test-results/*-chromium",
    "rm -rf playwright-report/*",
    "rm -f blob-report/*.zip",
    "rm -rf apps/web/test-results/login-*-webkit && npx playwright test",
]

STILL_ASKED = [
    "rm -rf src/checkout-*",
    "rm -f e2e/*.spec.ts",
    "rm -rf tests/results-*/",
]


@pytest.mark.parametrize("cmd", GENERATED)
def test_runner_output_is_generated(cmd: str) -> None:
    assert decide(cmd).decision == "allow", decide(cmd)


@pytest.mark.parametrize("cmd", STILL_ASKED)
def test_the_same_patterns_on_sources_are_still_asked(cmd: str) -> None:
    assert decide(cmd).decision != "allow", decide(cmd)
