"""The Hypothesis profile CI runs with (tests/conftest.py): the same examples on every run."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers())
def _explicitly_set(x: int) -> None:
    pass


def test_the_ci_profile_is_derandomized() -> None:
    profile = settings.get_profile("clearance-ci")
    assert profile.derandomize is True
    assert profile.database is None


def test_explicit_settings_inherit_the_loaded_profile() -> None:
    # what a test module's decorator builds after conftest loaded the profile: only what it names is its own
    before = settings._current_profile
    settings.load_profile("clearance-ci")
    try:
        own = settings(max_examples=3, deadline=None)
        assert own.derandomize is True and own.database is None and own.max_examples == 3
    finally:
        settings.load_profile(before or "default")


@pytest.mark.skipif(not os.environ.get("CI"), reason="only under CI, where conftest loads the profile")
def test_under_ci_the_decorated_tests_are_derandomized() -> None:
    used = _explicitly_set._hypothesis_internal_use_settings  # type: ignore[attr-defined]
    assert settings().derandomize is True
    assert used.derandomize is True and used.max_examples == 3
