"""Adversarial round on the per-call rule loading and the audit spool: a process holding the spool's lock,
the rule index cache, and lazy vs full loading on names reached through paths, quoting and wrappers.

A slow hook is an allow (the agent runs the tool when the hook times out), so nothing the hook does may
wait without bound on something another process of the same user can hold.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clearance import audit
from clearance.hook import Options, run
from clearance.store import spool

from .test_audit_spool import decision, env_for, ev

ROOT = Path(__file__).resolve().parents[1]
HOLD = "import fcntl, os, sys, time\nfd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)\nfcntl.flock(fd, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(float(sys.argv[2]))\n"


@pytest.fixture(autouse=True)
def _no_fold_left(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "_due", {})


def _hold(path: str, seconds: float = 60.0) -> subprocess.Popen[str]:
    """Another process of the same user holding the spool's lock (`flock DB-sessions/.lock sleep 1000 &`)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    p = subprocess.Popen([sys.executable, "-c", HOLD, path, str(seconds)], stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stdout.readline().strip() == "held"
    return p


def _too_long(*_: object) -> None:
    raise AssertionError("waited on the spool's lock for over 20 s")


def _stop(p: subprocess.Popen[str]) -> None:
    p.kill()
    p.wait()


@pytest.mark.skipif(not spool.supported("/x.db"), reason="flock")
def test_a_held_spool_lock_does_not_hang_the_hook(tmp_path: Path) -> None:
    """The hook waits a bounded time for the lock, then asks (an unrecorded allow is never given)."""
    db = str(tmp_path / "a.db")
    run(ev("ls"), Options(), env_for(db))  # the sessions folder exists
    holder = _hold(os.path.join(spool.sessions_dir(db), spool.LOCK_NAME))
    try:
        child = (
            "import json, sys, time\n"
            f"sys.path.insert(0, {str(ROOT)!r})\n"
            "from clearance.hook import Options, run\n"
            "from tests.test_audit_spool import env_for, ev\n"
            "t = time.perf_counter()\n"
            f"answer, _ = run(ev('ls'), Options(), env_for({db!r}))\n"
            "print(json.dumps([time.perf_counter() - t, answer]))\n"
        )
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
        try:
            out = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True, text=True, timeout=20)
        except subprocess.TimeoutExpired:
            pytest.fail("the hook waited on the spool's lock for over 20 s (a hook that times out lets the call run)")
        elapsed, answer = json.loads(out.stdout.strip().splitlines()[-1])
        assert elapsed < spool.LOCK_WAIT_S + 3.0
        assert decision(answer) == "ask"  # could not record: a person confirms, never an unrecorded allow
    finally:
        _stop(holder)


@pytest.mark.skipif(not spool.supported("/x.db"), reason="flock")
def test_a_held_spool_lock_bounds_the_append_and_the_fold(tmp_path: Path) -> None:
    from clearance.store.sqlite import SqliteStore

    db = str(tmp_path / "a.db")
    run(ev("ls"), Options(), env_for(db))
    holder = _hold(os.path.join(spool.sessions_dir(db), spool.LOCK_NAME))
    signal.signal(signal.SIGALRM, _too_long)
    signal.alarm(20)
    try:
        t = time.perf_counter()
        with pytest.raises(OSError):
            spool.append(db, {"session_id": "s", "decision": "allow", "ts": time.time()}, (3, 20), False)
        assert time.perf_counter() - t < spool.LOCK_WAIT_S + 2.0
        t = time.perf_counter()
        with pytest.raises(OSError):
            SqliteStore(db).close()  # opening folds: also bounded
        assert time.perf_counter() - t < spool.LOCK_WAIT_S + 2.0
    finally:
        signal.alarm(0)
        _stop(holder)
    store = SqliteStore(db)  # released: the spooled line is folded as before
    try:
        assert store.fetchone("SELECT COUNT(*) FROM decisions")[0] == 1
    finally:
        store.close()


def test_the_lock_wait_is_well_inside_the_hook_timeout() -> None:
    from clearance.engine import DEADLINE_S

    assert DEADLINE_S + spool.LOCK_WAIT_S < 10.0  # Claude Code's installed hook timeout is 30 s


# -- an audit store the user's policy puts elsewhere ----------------------------------------------------

RECORDS = "/home/ana/records/audit.db"
TO_STORE = [
    f"rm -f {RECORDS}-spool",
    f"rm -rf {RECORDS}-sessions",
    f": > {RECORDS}-spool",
    f"truncate -s 0 {RECORDS}-spool",
    f"mv {RECORDS} /tmp/old.db",
    f"cp /dev/null {RECORDS}-sessions/0123456789abcdef0123456789abcdef",
    f"sqlite3 {RECORDS} 'DELETE FROM decisions'",
    {"tool_name": "Write", "tool_input": {"file_path": f"{RECORDS}-sessions/0123456789abcdef0123456789abcdef", "content": "0 0\n"}},
]


@pytest.mark.parametrize("call", TO_STORE, ids=str)
def test_an_audit_store_placed_by_the_user_policy_is_clearance_owned(tmp_path: Path, call: object) -> None:
    """`[audit] url` in the user's policy moves the store, its spool and its counters: they are protected there too."""
    from .conftest import ENV, decide

    pol = tmp_path / "user.toml"
    pol.write_text(f'[audit]\nurl = "sqlite://{RECORDS}"\n')
    env = dict(ENV, CLEARANCE_USER_POLICY=str(pol), CLEARANCE_MANAGED_POLICY=str(tmp_path / "none.toml"))
    d = decide(call, env=env)
    assert d.decision == "deny" and any(f.verdict == "hard_deny" for f in d.findings), (d.decision, [(f.rule_id, f.verdict) for f in d.findings])


# -- a process holding SQLite's write lock ------------------------------------------------------------

SQLITE_HOLD = (
    "import sqlite3, sys, time\n"
    "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "c.execute('BEGIN IMMEDIATE')\n"
    "print('held', flush=True)\n"
    "time.sleep(60)\n"
)


@pytest.mark.skipif(not spool.supported("/x.db"), reason="flock")
def test_a_held_sqlite_lock_does_not_slow_every_call(tmp_path: Path) -> None:
    """A process holding the store's write lock (python's sqlite3 `BEGIN IMMEDIATE`, allowed today) made every
    hook call past FOLD_AT wait SQLite's 10 s busy timeout after answering: the fold is optional, so it waits briefly."""
    from clearance.store.sqlite import SqliteStore

    db = str(tmp_path / "a.db")
    env = env_for(db)
    run(ev("ls"), Options(), env)
    SqliteStore(db).close()
    while spool.pending(db) <= audit.FOLD_AT:
        spool.append(db, {"session_id": "s", "decision": "allow", "raw_decision": "allow", "ts": time.time(), "pad": "x" * 2000}, (3, 20), False)
    holder = subprocess.Popen([sys.executable, "-c", SQLITE_HOLD, db], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        penv = dict(os.environ, **env, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
        t = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "clearance", "hook"], input=ev("ls"), env=penv, capture_output=True, timeout=40)
        elapsed = time.perf_counter() - t
    finally:
        _stop(holder)  # type: ignore[arg-type]
    assert json.loads(p.stdout)["hookSpecificOutput"]["permissionDecision"] == "allow"
    assert b"stays spooled" in p.stderr  # the fold gave up; the next reader folds
    assert elapsed < audit.FOLD_WAIT_S + 4.0, elapsed
    store = SqliteStore(db)  # released: everything spooled is folded
    try:
        assert spool.pending(db) < 200
    finally:
        store.close()


# -- lazy vs full rule loading ----------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks a child per command")
def test_names_reached_through_paths_quoting_and_wrappers_decide_as_a_full_load(tmp_path: Path) -> None:
    """Each command decided by a fresh process that imports only the packs it needs, and by a full load:
    `/usr/bin/rm`, `\\rm`, `command rm`, busybox applets, `env -S`, functions, `$'\\x72m'`, names from
    variables, effects of any command, and clearance's own files (bench/lazy_diff.py runs this over
    tests/test_cases.py and eval/ too)."""
    from bench.lazy_diff import ADVERSARIAL, ADVERSARIAL_TOOLS, compare

    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_STATE_HOME=str(tmp_path / "state"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p)
    diffs = compare([*ADVERSARIAL, *ADVERSARIAL_TOOLS], env)
    assert not diffs, diffs[:3]


# Issue 16's bound: no input up to the engine's size limits takes a decision over 100 ms (bench/worst_case.py runs
# every shape). These were the slowest: 100 KB of braces or backquotes, which tree-sitter makes a node of nearly
# every character of (~100 ms a parse, and a second one for the text), refused by the pre-check's node count; and
# a sed script of 100 000 one-letter commands (~75 ms to walk), read up to MAX_SED_COMMANDS and asked about.
_BOUNDED = [
    "case x in a) echo " + "{" * 99_980,
    "[[ -n $x ]] && echo " + "{}" * 49_980,
    "case $1 in a) ;; esac; echo " + "}" * 99_960,
    "(bash -c '" + "}" * 99_980 + "') &",
    "case x in a) echo " + "`a" * 49_990,
    "}" * 99_999,
    "sed -e '" + "%" * 99_980 + "' f",
    "sed -e '" + "&" * 99_980 + "' f",
]


@pytest.mark.parametrize("command", _BOUNDED, ids=lambda c: repr(c[:24] + c[-6:]))
def test_pathological_commands_are_decided_well_inside_the_bound(command: str) -> None:
    from clearance.api import decide_event

    env = {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/webapp"}
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/webapp", "session_id": "b"}
    decide_event(dict(ev, tool_input={"command": "ls"}), env)  # the parser and the packs loaded
    t0 = time.thread_time()
    d = decide_event(ev, env)
    spent = time.thread_time() - t0
    assert d.decision == "ask"  # too large to read is asked about, never allowed unread
    # ~3-25 ms of CPU when idle (before: 100-130 ms); CPU time, so a loaded machine slows it little
    assert spent < 0.07, f"{spent * 1000:.0f} ms"
