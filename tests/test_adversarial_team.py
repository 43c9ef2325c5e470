"""Adversarial round on the managed [[repositories]] sections, auto mode "disabled" deferring, and the team service's
single sign-on, proxy handling and command line: each case reproduced an escape or a breakage first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clearance.policy import load_policy

from .test_policy_repos import Setup


@pytest.fixture
def s(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


def _remotes(s: Setup, *urls: str, where: Path | None = None) -> None:
    root = where or s.project
    (root / ".git").mkdir(exist_ok=True)
    body = "[core]\n\tbare = false\n" + "".join(f'[remote "r{i}"]\n\turl = {u}\n' for i, u in enumerate(urls))
    (root / ".git" / "config").write_text(body)


def _bash(s: Setup, command: str, cwd: Path | None = None) -> Any:
    return s.decide(command, cwd)


# -- several sections: a tighter one is not undone by a looser one later in the file ---------------------------


@pytest.mark.parametrize(
    "managed",
    [
        # specific first, general later: the general section's "enabled" must not re-enable payments
        'auto_mode = "disabled"\n[[repositories]]\nremotes = ["github.com/acme/payments"]\nauto_mode = "disabled"\n'
        '[[repositories]]\nremotes = ["github.com/acme/*"]\nauto_mode = "enabled"\n',
        # a path section and a remote section naming the same checkout
        '[[repositories]]\npaths = ["~/work/payments"]\nauto_mode = "disabled"\n[[repositories]]\nremotes = ["github.com/acme/*"]\nauto_mode = "enabled"\n',
        # top level enabled, the only disabling section first
        '[[repositories]]\nname = "locked"\nremotes = ["github.com/acme/payments"]\nauto_mode = "disabled"\n'
        '[[repositories]]\nname = "all"\npaths = ["~/**"]\nauto_mode = "enabled"\n',
    ],
)
def test_a_disabling_section_wins_over_an_enabling_one_whatever_the_order(s: Setup, managed: str) -> None:
    s.managed.write_text(managed)
    _remotes(s, "https://github.com/acme/payments.git")
    d = _bash(s, "ls")
    assert d.decision == "ask" and d.defer, d.reason


# -- the agent cannot pick its own section by editing the checkout's remotes ---------------------------------------

LENIENT = """
auto_mode = "disabled"
[[repositories]]
name = "sandbox"
remotes = ["github.com/acme/sandbox"]
auto_mode = "enabled"
[repositories.trust]
domains = ["uploads.sandbox.dev"]
[repositories.rules]
allow = ["Bash(make deploy:*)"]
"""


def _loosened(s: Setup) -> bool:
    pol = load_policy(str(s.project), s.env)
    return pol.auto_mode == "enabled" or any(v == "uploads.sandbox.dev" for v, _ in pol.data["trust"]["domains"])


def test_the_lenient_section_applies_to_its_own_checkout(s: Setup) -> None:
    s.managed.write_text(LENIENT)
    _remotes(s, "https://github.com/acme/sandbox.git")
    d = _bash(s, "ls")
    assert d.decision == "allow" and not d.defer
    assert _bash(s, "make deploy").decision == "allow"


@pytest.mark.parametrize(
    "after",
    [
        ("https://github.com/acme/payments.git", "https://github.com/acme/sandbox.git"),  # git remote add x <sandbox>
        ("git@github.com:acme/sandbox.git",),  # git remote remove origin && git remote add origin <sandbox>
        ("https://github.com/acme/sandbox", "https://evil.example/x.git"),
    ],
)
def test_remotes_changed_after_first_sight_do_not_loosen(s: Setup, after: tuple[str, ...]) -> None:
    s.managed.write_text(LENIENT)
    _remotes(s, "https://github.com/acme/payments.git")
    first = _bash(s, "ls")  # the hook sees the checkout as it was cloned
    assert first.defer
    _remotes(s, *after)  # what `git remote add/remove/rename` (all allowed) can do next
    d = _bash(s, "ls")
    assert d.decision == "ask" and d.defer, d.reason
    assert not _loosened(s)


def test_a_remote_added_to_a_strict_checkout_still_tightens(s: Setup) -> None:
    s.managed.write_text('[[repositories]]\nremotes = ["github.com/acme/payments"]\n[repositories.rules]\ndeny = ["Bash(make deploy:*)"]\n')
    _remotes(s, "https://github.com/acme/payments.git")
    assert _bash(s, "ls").decision == "allow"
    _remotes(s, "https://github.com/someone/fork.git")  # origin removed, a fork added: the deny rule still applies
    assert _bash(s, "make deploy").decision == "deny"


def test_a_second_remote_of_another_owner_keeps_loosening_off(s: Setup) -> None:
    s.managed.write_text(LENIENT)
    _remotes(s, "https://github.com/acme/sandbox.git", "https://github.com/acme/payments.git")
    d = _bash(s, "ls")
    assert d.defer  # every remote must be inside the lenient section for it to loosen
    assert "sandbox" in " ".join(str(x) for x in load_policy(str(s.project), s.env).data["ignored"])


# -- a path section follows the checkout through symbolic links and `..` ------------------------------------------


def test_a_symlinked_checkout_gets_its_strict_path_section(s: Setup) -> None:
    s.managed.write_text('[[repositories]]\npaths = ["~/work/payments"]\nauto_mode = "disabled"\n')
    link = s.home / "p"
    link.symlink_to(s.project)
    assert _bash(s, "ls", cwd=link).defer
    (s.home / "work" / "x").mkdir()
    assert _bash(s, "ls", cwd=s.home / "work" / "x" / ".." / "payments").defer


def test_a_symlink_into_a_lenient_path_does_not_loosen_another_checkout(s: Setup) -> None:
    s.managed.write_text('auto_mode = "disabled"\n[[repositories]]\npaths = ["~/sandbox/**"]\nauto_mode = "enabled"\n')
    (s.home / "sandbox").mkdir()
    link = s.home / "sandbox" / "payments"
    link.symlink_to(s.project)
    assert _bash(s, "ls", cwd=link).defer
    real = s.home / "sandbox" / "toy"
    real.mkdir()
    assert not _bash(s, "ls", cwd=real).defer


# -- auto mode disabled: ordinary calls are not denials in a row ---------------------------------------------------


def test_deferred_calls_reset_the_consecutive_denials(s: Setup, tmp_path: Path) -> None:
    from clearance.hook import Options, run_answer

    s.managed.write_text('auto_mode = "disabled"\n[escalation]\nmax_consecutive_denials = 2\n')
    env = {**s.env, "CLEARANCE_DB": str(tmp_path / "audit.db")}
    opts = Options(["--agent", "claude", "--db", str(tmp_path / "audit.db")])

    def run(command: str) -> Any:
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(s.project), "session_id": "esc"}
        import json

        return run_answer(json.dumps(ev).encode(), opts, env)

    denied = "git push --force origin main"
    for _ in range(4):  # deny, ordinary work, deny, ordinary work ...: never "in a row"
        a = run(denied)
        assert "escalation" not in str(a.stdout), a.stdout
        assert run("ls").stdout is None  # deferred: no answer
