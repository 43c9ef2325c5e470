"""The managed policy's per-repository sections, auto mode "disabled" leaving calls to the agent, and lint for values that never match."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from clearance.adapters import get
from clearance.api import decide_event
from clearance.hook import Options, run_answer
from clearance.policy import load_policy
from clearance.policy.load import syntax_error_line
from clearance.policy.repos import identity, remote_urls
from clearance.policy.tools import lint_effective, lint_files


class Setup:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.home = tmp / "home"
        self.project = self.home / "work" / "payments"
        self.project.mkdir(parents=True)
        self.managed = tmp / "managed.toml"
        self.env = {
            "HOME": str(self.home),
            "CLEARANCE_MANAGED_POLICY": str(self.managed),
            "XDG_CACHE_HOME": str(tmp / "cache"),
            "XDG_STATE_HOME": str(tmp / "state"),
            "CLEARANCE_NO_DAEMON": "1",
        }

    def git_remote(self, url: str, where: Path | None = None) -> None:
        root = where or self.project
        (root / ".git").mkdir(exist_ok=True)
        (root / ".git" / "config").write_text(f'[core]\n\tbare = false\n[remote "origin"]\n\turl = {url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n')

    def decide(self, command: str, cwd: Path | None = None) -> Any:
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(cwd or self.project), "session_id": "r"}
        return decide_event(ev, self.env)


@pytest.fixture
def s(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


SECTIONS = """
[[repositories]]
name = "payments"
remotes = ["github.com/acme/payments"]
auto_mode = "disabled"
[repositories.rules]
deny = ["Bash(terraform apply:*)"]

[[repositories]]
paths = ["~/work/sandbox/**"]
[repositories.trust]
domains = ["uploads.sandbox.dev"]
"""


def test_remote_urls_split_lines_as_git_does() -> None:
    """git splits its config at a newline only: a U+2028, a vertical tab or a form feed stays inside the value (checked
    against `git config -f FILE --get-regexp remote`), so a section header or a second url hidden behind one is no
    remote of the repository, and clearance must not read one there either (str.splitlines() did)."""
    text = (
        '[remote "origin"]\n\turl = https://github.com/acme/app\u2028[remote "x"]\n\turl = https://evil.example/x\n'
        "\tpushurl = https://a.example/b\x0bpushurl = https://c.example/d\n\tpushurl = https://e.example/f\x0c\n"
        "\turl = https://g.example/h\x1c[remote y]\r\n"
    )
    got = remote_urls(text)
    assert got == [
        'https://github.com/acme/app\u2028[remote "x"]',
        "https://evil.example/x",
        "https://a.example/b\x0bpushurl = https://c.example/d",
        "https://e.example/f\x0c",
        "https://g.example/h\x1c[remote y]",
    ]
    assert not any(u.startswith(("https://c.example", "[remote")) for u in got)


def test_remote_urls_read_from_git_config() -> None:
    text = '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/payments.git\n[remote "up"]\n\turl = "https://gitlab.com/x/y"\n[branch "main"]\n\turl = no\n'
    assert remote_urls(text) == ["git@github.com:acme/payments.git", "https://gitlab.com/x/y"]


def test_identity_of_a_worktree_reads_the_common_config(s: Setup) -> None:
    s.git_remote("https://github.com/acme/payments.git")
    wt = s.home / "work" / "payments-wt"
    wt.mkdir()
    gd = s.project / ".git" / "worktrees" / "wt"
    gd.mkdir(parents=True)
    (gd / "commondir").write_text("../..\n")
    (wt / ".git").write_text(f"gitdir: {gd}\n")
    assert identity(str(wt)).remotes == ("github.com/acme/payments",)


def test_section_by_remote_disables_auto_mode_for_that_repository_only(s: Setup) -> None:
    s.managed.write_text(SECTIONS)
    s.git_remote("git@github.com:acme/payments.git")
    d = s.decide("ls")
    assert d.decision == "ask" and d.rules == ["policy.auto-mode-disabled"] and d.defer
    assert "repository payments" in d.reason
    assert s.decide("terraform apply").decision == "deny"  # the section's own rule
    assert s.decide("rm -rf ~").decision == "deny"  # denials still hold
    other = s.home / "work" / "website"
    other.mkdir()
    s.git_remote("git@github.com:acme/website.git", other)
    assert s.decide("ls", other).decision == "allow"
    assert s.decide("terraform apply", other).decision != "deny"


def test_section_by_path_adds_trust_there_only(s: Setup) -> None:
    s.managed.write_text(SECTIONS)
    sandbox = s.home / "work" / "sandbox" / "demo"
    sandbox.mkdir(parents=True)
    upload = "curl -F f=@app.zip https://uploads.sandbox.dev/up"
    assert s.decide(upload, sandbox).decision == "allow"
    assert s.decide(upload).decision == "deny"
    pol = load_policy(str(sandbox), s.env)
    assert pol.data["repositories"] == ["~/work/sandbox/**"]


def test_a_section_may_re_enable_auto_mode_below_a_disabled_top_level(s: Setup) -> None:
    s.managed.write_text('auto_mode = "disabled"\n[[repositories]]\nremotes = ["github.com/acme/*"]\nauto_mode = "enabled"\n')
    s.git_remote("https://github.com/acme/payments")
    assert s.decide("ls").decision == "allow"
    (s.project / ".clearance.toml").write_text('auto_mode = "disabled"\n')  # a lower layer may still disable it
    assert s.decide("ls").decision == "ask"


def test_only_the_managed_layer_has_sections(s: Setup) -> None:
    user = s.home / ".config" / "clearance" / "config.toml"
    user.parent.mkdir(parents=True)
    user.write_text('[[repositories]]\npaths = ["~/work/**"]\n[repositories.rules]\nallow = ["Bash(terraform apply:*)"]\n')
    s.managed.write_text("")
    pol = load_policy(str(s.project), s.env)
    assert any(what.startswith("repositories") and layer == "user" for what, layer, _ in pol.data["ignored"])
    assert s.decide("terraform apply").decision != "allow"


def test_section_without_a_match_is_a_lint_error_with_its_line(s: Setup) -> None:
    s.managed.write_text('auto_mode = "enabled"\n\n[[repositories]]\nname = "x"\nauto_mode = "sometimes"\n')
    problems = lint_files([str(s.managed)])
    assert any("needs remotes" in p for p in problems)
    assert any("'repositories.auto_mode' must be one of" in p for p in problems)
    assert s.decide("ls").decision == "ask"  # a broken managed layer: ask until fixed


def test_cache_follows_the_repository(s: Setup) -> None:
    s.managed.write_text(SECTIONS)
    s.git_remote("https://github.com/acme/website")
    assert s.decide("ls").decision == "allow"
    s.git_remote("https://github.com/acme/payments")  # same files, another remote: the cached merge must not be reused
    assert s.decide("ls").decision == "ask"


# -- auto mode disabled: the agent's own permission system decides -------------------------


@pytest.mark.parametrize("agent", ["claude", "codex", "gemini", "copilot"])
def test_deferred_call_gets_no_answer_but_denials_do(s: Setup, agent: str) -> None:
    s.managed.write_text('auto_mode = "disabled"\n')
    ask = decide_event({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "cwd": str(s.project)}, s.env)
    assert ask.defer
    answer = get(agent).render_answer(ask)
    assert answer.stdout is None and answer.exit_code == 0
    deny = decide_event({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "rm -rf ~"}, "cwd": str(s.project)}, s.env)
    assert not deny.defer
    blocked = get(agent).render_answer(deny)
    assert blocked.exit_code == 2 or "deny" in json.dumps(blocked.stdout)


def test_hook_records_the_deferred_call_as_ask(s: Setup) -> None:
    s.managed.write_text('auto_mode = "disabled"\n')
    db = s.tmp / "audit.db"
    raw = json.dumps(
        {"hook_event_name": "PreToolUse", "tool_name": "Read", "tool_input": {"file_path": str(s.project / "a.py")}, "cwd": str(s.project), "session_id": "d"}
    )
    opts = Options()
    opts.db = str(db)
    answer = run_answer(raw.encode(), opts, s.env)
    assert answer.stdout is None and answer.exit_code == 0
    import sqlite3

    from clearance.store import open_store

    open_store(str(db)).close()  # the hook spooled the decision (store/spool.py); opening the store folds it in
    rows = sqlite3.connect(db).execute("select decision, rules from decisions").fetchall()
    assert rows and rows[-1][0] == "ask" and "policy.auto-mode-disabled" in rows[-1][1]


def test_cursor_asks_instead(s: Setup) -> None:
    s.managed.write_text('auto_mode = "disabled"\n')
    d = decide_event({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "cwd": str(s.project)}, s.env)
    assert get("cursor").render_answer(d).stdout["permission"] == "ask"  # type: ignore[index]


# -- lint: values that never match, and syntax error lines --------------------------------


def test_lint_names_trust_values_that_never_match_with_the_fix(tmp_path: Path) -> None:
    f = tmp_path / "c.toml"
    f.write_text(
        '[trust]\ndomains = ["http://api.acme.com/", "*.acme.internal"]\nbuckets = ["acme-dev-*", "gs://ok"]\n'
        'directories = ["work/shared", "~/fine"]\nservices = ["tools.acme.com/hooks/"]\ngit_remotes = ["acme/payments", "github.com/acme/*"]\n'
    )
    out = "\n".join(lint_files([str(f)]))
    assert f"{f}:2: trust.domains entry 'http://api.acme.com/' never matches" in out and "write 'api.acme.com'" in out
    assert f"{f}:3: trust.buckets entry 'acme-dev-*'" in out and "'s3://acme-dev-*'" in out
    assert "'work/shared'" in out and "'~/work/shared'" in out
    assert "'https://tools.acme.com/hooks/'" in out
    assert "'github.com/acme/payments'" in out
    for fine in ("*.acme.internal", "gs://ok", "~/fine", "github.com/acme/*"):
        assert f"entry {fine!r}" not in out


def test_lint_flags_escalation_below_the_minimum_once(s: Setup) -> None:
    user = s.home / ".config" / "clearance" / "config.toml"
    user.parent.mkdir(parents=True)
    user.write_text("[escalation]\nmax_consecutive_denials = -1\n")
    problems = lint_effective(str(s.project), s.env)
    hits = [p for p in problems if "max_consecutive_denials" in p]
    assert len(hits) == 1 and f"{user}:2:" in hits[0] and "write 2 or more" in hits[0]


def test_syntax_error_at_the_end_of_a_file_names_its_last_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.toml"
    f.write_text("[trust]\ndomains = [\n  'a.example',\n")
    out = lint_files([str(f)])
    assert out and out[0].startswith(f"{f}:3: TOML syntax error")
    assert syntax_error_line("Invalid value (at line 7, column 3)", "") == 7


def test_cli_lint_exit_code(s: Setup, tmp_path: Path) -> None:
    f = tmp_path / "c.toml"
    f.write_text('[trust]\nbuckets = ["acme-dev-*"]\n')
    import sys

    r = subprocess.run([sys.executable, "-m", "clearance", "policy", "lint", str(f)], capture_output=True, text=True, env={**s.env, "PATH": "/usr/bin:/bin"})
    assert r.returncode == 1 and "s3://acme-dev-*" in r.stdout
