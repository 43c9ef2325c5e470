"""Strict expected failures for tables of known gaps (XFAIL dicts): the case runs, and one that passes fails the test
until it is moved out of the table, so a fix never goes unnoticed (``pytest.xfail()`` alone skips the check)."""

from __future__ import annotations

from collections.abc import Callable

import pytest


def check(key: str, gaps: dict[str, str], run: Callable[[], None]) -> None:
    """Run *run*; for a key in *gaps* a failing assertion is the expected failure, a pass is an error."""
    if key not in gaps:
        run()
        return
    try:
        run()
    except AssertionError:
        pytest.xfail(gaps[key])
    pytest.fail(f"passes now: remove it from the known gaps ({gaps[key]})")
