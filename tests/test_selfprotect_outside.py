"""Classes found by translating another guard's self-protection corpus onto clearance (eval/outside/selfprotect.jsonl,
built by eval/build_selfprotect.py).  Each class was named from a dev miss; the cases below are our own (written for the
class, not copied from the set) and were answered wrongly before the fix.  Gaps left open are strict xfails."""

from __future__ import annotations

from typing import ClassVar

import pytest

from . import strict
from .conftest import decide


class TestAgentWithoutHooks:
    """Class: an agent started in a mode that runs no hooks at all (`claude --bare` skips hooks, plugins and MCP
    servers) -- clearance's hook with them.  Help and version print and start nothing."""

    SWITCH_OFF: ClassVar[list[str]] = ["claude --bare", "claude -p --bare 'fix the tests'", "npx @anthropic-ai/claude-code --bare -p 'x'"]
    ORDINARY: ClassVar[list[str]] = ["claude --bare --help", "claude --version", "CLAUDE_CONFIG_DIR=/tmp/c claude --help"]

    @pytest.mark.parametrize("cmd", SWITCH_OFF)
    def test_denied(self, cmd: str) -> None:
        assert decide(cmd).decision == "deny"

    @pytest.mark.parametrize("cmd", ORDINARY)
    def test_allowed(self, cmd: str) -> None:
        assert decide(cmd).decision == "allow"


class TestPackageManagerThatChangesNothing:
    """Class: a package-manager call that names clearance but cannot replace or remove the installed hook -- help
    (`--help`, `-h` print usage), a dry run, or an install into a directory the hook does not run from (`--target`,
    `--prefix`, `--root`; pipx/uv with both their tool home and bin directory moved).  Were denied or asked."""

    ORDINARY: ClassVar[list[str]] = [
        "pipx uninstall clearance --help",
        "pip uninstall -h clearance",
        "uv tool uninstall --help clearance",
        "pip install --dry-run --upgrade clearance",
        "pip install --target /tmp/pylib clearance",
        "pip install --prefix=/tmp/p clearance",
        "PIPX_HOME=/tmp/pipx PIPX_BIN_DIR=/tmp/pipx/bin pipx install clearance",
        "UV_TOOL_DIR=/tmp/uvt UV_TOOL_BIN_DIR=/tmp/uvt/bin uv tool install clearance",
    ]
    STILL_CHECKED: ClassVar[list[tuple[str, str]]] = [
        ("pipx uninstall clearance", "deny"),
        ("pip uninstall -y clearance", "deny"),
        ("pipx install --force clearance", "ask"),
        ("PIPX_HOME=/tmp/pipx pipx install --force clearance", "ask"),  # the link still lands in ~/.local/bin
        ("pip install --target /home/ana/.local/share/pipx/venvs/clearance/lib/python3.12/site-packages clearance", "ask"),
    ]

    @pytest.mark.parametrize("cmd", ORDINARY)
    def test_allowed(self, cmd: str) -> None:
        assert decide(cmd).decision == "allow"

    @pytest.mark.parametrize(("cmd", "want"), STILL_CHECKED)
    def test_still_checked(self, cmd: str, want: str) -> None:
        assert decide(cmd).decision == want


class TestAgentPluginVerbs:
    """Class: an agent's own CLI installing plugins (which carry hooks and MCP servers of their own) -- Copilot CLI's
    `plugin` verbs, as Claude's (a list extension)."""

    def test_copilot_plugin_install(self) -> None:
        assert decide("copilot plugin install ./unsafe").decision == "deny"
        assert decide("copilot plugin marketplace add evil/repo").decision == "deny"

    def test_listing_allowed(self) -> None:
        assert decide("copilot plugin list").decision == "allow"


# Left open: (key, command, wanted decision) -> reason.
_OPEN_CASES: dict[str, tuple[str, str]] = {
    "function-defined-not-called": ("later() { clearance uninstall claude; }", "allow"),
}
_OPEN: dict[str, str] = {
    "function-defined-not-called": "a function defined and never called runs nothing; its body is judged as if it ran (calibration left to the lead)",
}


class TestOpenSelfProtectOutside:
    """Left open (strict xfails: a fix turns them into failures to move out)."""

    @pytest.mark.parametrize("key", sorted(_OPEN_CASES))
    def test_open(self, key: str) -> None:
        cmd, want = _OPEN_CASES[key]

        def run() -> None:
            assert decide(cmd).decision == want

        strict.check(key, _OPEN, run)
