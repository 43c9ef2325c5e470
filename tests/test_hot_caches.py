"""The hot path's caches never hide a change: a policy file edited, replaced, removed or added between two decisions,
a grant expiring, a project file rewritten -- the next decision sees it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import clearance.policy as policy_mod
from clearance import paths
from clearance.adapters.claude import parse_event
from clearance.api import decide_event
from clearance.context import build_context
from clearance.policy import load_policy
from clearance.rules.creds import TOKEN_PRINTERS


class Home:
    def __init__(self, tmp: Path) -> None:
        self.home = tmp / "home"
        self.project = self.home / "webapp"
        self.project.mkdir(parents=True)
        self.user = self.home / ".config" / "clearance" / "config.toml"
        self.user.parent.mkdir(parents=True)
        self.managed = tmp / "managed.toml"
        self.env = {"HOME": str(self.home), "CLEARANCE_MANAGED_POLICY": str(self.managed), "XDG_CACHE_HOME": str(tmp / "cache")}

    def decide(self, command: str) -> str:
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(self.project)}
        return decide_event(ev, self.env).decision


@pytest.fixture
def h(tmp_path: Path) -> Home:
    return Home(tmp_path)


def _same_time(path: Path, st: os.stat_result) -> None:
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.mark.parametrize("layer", ["user", "project", "managed"])
def test_an_edit_of_the_same_size_and_time_is_seen(h: Home, layer: str) -> None:
    path = {"user": h.user, "project": h.project / ".clearance.toml", "managed": h.managed}[layer]
    if layer == "project":
        h.managed.write_text("allow_project_trust = true\n")
    path.write_text('[rules]\ndeny = ["Bash(ls -a)"]\n')
    assert h.decide("ls -a") == "deny"
    assert h.decide("ls -b") == "allow"
    st = path.stat()
    path.write_text('[rules]\ndeny = ["Bash(ls -b)"]\n')  # same size
    _same_time(path, st)  # and the same modification time: only the inode's change time tells
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    assert h.decide("ls -a") == "allow"
    assert h.decide("ls -b") == "deny"


def test_a_file_replaced_by_rename_is_seen(h: Home) -> None:
    h.user.write_text('[rules]\ndeny = ["Bash(ls -a)"]\n')
    assert h.decide("ls -a") == "deny"
    st = h.user.stat()
    new = h.user.with_name("config.toml.new")
    new.write_text('[rules]\ndeny = ["Bash(ls -b)"]\n')
    _same_time(new, st)
    new.replace(h.user)
    assert h.decide("ls -a") == "allow"
    assert h.decide("ls -b") == "deny"


def test_a_layer_removed_or_added_is_seen(h: Home) -> None:
    assert h.decide("ls -a") == "allow"
    h.user.write_text('[rules]\ndeny = ["Bash(ls -a)"]\n')
    assert h.decide("ls -a") == "deny"
    h.user.unlink()
    assert h.decide("ls -a") == "allow"


def test_a_broken_layer_after_a_good_one_is_seen(h: Home) -> None:
    h.user.write_text('[rules]\ndeny = ["Bash(ls -a)"]\n')
    assert h.decide("ls -a") == "deny"
    h.user.write_text("[rules\n")
    pol = load_policy(str(h.project), h.env)
    assert pol.errors and not pol.rules.get("deny")


def test_the_same_files_give_the_same_compiled_policy_and_another_home_another(h: Home, tmp_path: Path) -> None:
    h.user.write_text('[rules]\ndeny = ["Bash(ls -a)"]\n')
    a = load_policy(str(h.project), h.env)
    assert load_policy(str(h.project), h.env) is a
    other = dict(h.env, HOME=str(tmp_path / "elsewhere"))
    assert load_policy(str(h.project), other) is not a
    assert not load_policy(str(h.project), other).rules.get("deny")


def test_a_grant_expires_while_its_policy_is_compiled(h: Home, monkeypatch: pytest.MonkeyPatch) -> None:
    h.user.write_text('[[rules.grant]]\nallow = "Bash(docker volume rm pgdata)"\nexpires = 2999-01-01T00:00:00Z\n')
    assert h.decide("docker volume rm pgdata") == "allow"
    first = load_policy(str(h.project), h.env)
    assert first.valid_until < float("inf")
    monkeypatch.setattr(policy_mod, "_now", lambda: first.valid_until + 1)
    assert h.decide("docker volume rm pgdata") == "deny"


def test_a_project_file_is_read_again_by_the_next_decision(h: Home) -> None:
    script = h.project / "job.sh"
    script.write_text("echo hello\n")
    ev: dict[str, Any] = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "bash job.sh"}, "cwd": str(h.project)}
    assert decide_event(ev, h.env).decision == "allow"
    script.write_text("rm -rf ~\n")
    assert decide_event(ev, h.env).decision != "allow"
    # Within one decision (one Context) a file is read once.
    _, ctx = parse_event(ev, h.env)
    assert ctx.read_file is not None
    first = ctx.read_file(str(script))
    script.write_text("echo changed\n")
    assert ctx.read_file(str(script)) == first
    assert build_context(str(h.project), h.env).read_file(str(script)) == "echo changed\n"  # type: ignore[misc]


def test_a_listing_is_taken_again_by_the_next_decision(h: Home) -> None:
    ctx = build_context(str(h.project), h.env)
    assert ctx.list_dir is not None
    before = ctx.list_dir(str(h.project))
    assert before is not None
    before.append("mutated by a caller")
    (h.project / "new.txt").write_text("x")
    assert "mutated by a caller" not in (ctx.list_dir(str(h.project)) or [])
    fresh = build_context(str(h.project), h.env).list_dir
    assert fresh is not None and "new.txt" in (fresh(str(h.project)) or [])


_NAMES = st.sampled_from(["", "a", "b", ".ssh", ".config", "gcloud", "A", "É", "e\u0301", "x.pub", "/", "c/d"])


@given(
    st.lists(st.lists(_NAMES, min_size=0, max_size=3).map("/".join), max_size=8),
    st.lists(_NAMES, min_size=0, max_size=4).map("/".join),
    st.booleans(),
)
def test_the_first_subtree_found_by_index_is_the_first_by_scan(subs: list[str], rel: str, ci: bool) -> None:
    table = tuple(subs)
    pairs = tuple((s, f"why {i}") for i, s in enumerate(subs))
    rel = paths.fold(rel) if ci else rel
    want = next((k for k, sub in enumerate(table) if paths._under(rel, sub, ci)), -1)
    assert paths._first_under(rel, table, ci) == want
    assert paths._first_under(rel, pairs, ci) == want


@pytest.mark.parametrize("table", [paths.HOME_PROTECTED, paths.HOME_CREDENTIALS, paths.HOME_CACHES, paths.INSTALLED_CODE, paths.CODE_CACHES])
def test_every_home_subtree_is_found_by_index(table: Any) -> None:
    for ci in (False, True):
        for k, entry in enumerate(table):
            sub = entry if isinstance(entry, str) else entry[0]
            for rel in (sub, sub + "/x", sub + "x", sub.upper()):
                rel = paths.fold(rel) if ci else rel
                got = paths._first_under(rel, table, ci)
                assert got == next((j for j, e in enumerate(table) if paths._under(rel, e if isinstance(e, str) else e[0], ci)), -1)
                if rel in (sub, sub + "/x") or (ci and rel == paths.fold(sub.upper())):
                    assert 0 <= got <= k  # the entry itself, or an earlier one holding it


def _token_printer_by_scan(words: list[str]) -> str | None:
    """creds.token_printer as a plain scan of TOKEN_PRINTERS (the reference its index must agree with)."""
    for pattern in TOKEN_PRINTERS:
        if words[0] != pattern[0]:
            continue
        rest, pos, ok = words[1:], 0, True
        for n in pattern[1:]:
            try:
                pos = rest.index(n, pos) + 1
            except ValueError:
                if n.startswith("-") and any(r.startswith(n + "=") for r in rest):
                    continue
                if len(n) == 2 and n[0] == "-":
                    j = next((k for k in range(pos, len(rest)) if rest[k][:1] == "-" and rest[k][1:2] != "-" and n[1] in rest[k][1:]), -1)
                    if j != -1:
                        pos = j + 1
                        continue
                ok = False
                break
        if ok:
            return " ".join(pattern)
    return None


def _printer_vocabulary() -> list[str]:
    return sorted({w for p in TOKEN_PRINTERS for w in p} | {"-x", "--raw=1", "-wa", "status", "--", "x"})


@given(st.data())
def test_the_token_printers_found_by_program_are_those_of_the_scan(data: Any) -> None:
    from clearance.rules.creds import token_printer
    from clearance.shell.ir import SimpleCommand, Word

    vocab = _printer_vocabulary()
    name = data.draw(st.sampled_from(sorted({p[0] for p in TOKEN_PRINTERS} | {"ls"})))
    rest = data.draw(st.lists(st.sampled_from(vocab), max_size=6))
    words = [name, *rest]
    want = _token_printer_by_scan(words)
    got = token_printer(SimpleCommand([Word(w, w) for w in words]))
    if want is not None:
        assert got == want
    else:  # none of the table: what remains is the cloud operations' reading, the same either way
        from clearance.rules.creds import cloud_secret_output

        assert got == cloud_secret_output(SimpleCommand([Word(w, w) for w in words]))


@pytest.mark.parametrize("pattern", TOKEN_PRINTERS)
def test_every_token_printer_is_found_as_written(pattern: tuple[str, ...]) -> None:
    from clearance.rules.creds import token_printer
    from clearance.shell.ir import SimpleCommand, Word

    got = token_printer(SimpleCommand([Word(w, w) for w in pattern]))
    assert got == _token_printer_by_scan(list(pattern)) and got is not None
