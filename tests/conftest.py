from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# CI runs are repeatable: with CI set (.ci/run sets it), every property test draws the same examples on
# every run (derandomize: a seed from the test's own code) and keeps no example database between runs.
# A test's own @settings(...) inherits whatever it does not set from the profile loaded here, because
# this file is imported before the test modules whose decorators build those settings
# (tests/test_hypothesis_profile.py checks it).
settings.register_profile("clearance-ci", settings.get_profile("ci"), derandomize=True, database=None)
# Outside CI, as under it (Hypothesis's "ci" profile), a strategy's generation time is not a failure: on a shared
# 2-core machine under load the too_slow health check failed cheap strategies (test_awk_literals) at random.
settings.register_profile("clearance-local", suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("clearance-ci" if os.environ.get("CI") else "clearance-local")

from clearance.adapters.claude import parse_event
from clearance.api import decide_event
from clearance.engine import evaluate
from clearance.model import Decision
from clearance.policy import load_policy

HOME = "/home/ana"
PROJECT = "/home/ana/webapp"
ENV = {"HOME": HOME, "CLAUDE_PROJECT_DIR": PROJECT, "USER": "ana"}


def event(example: Any, cwd: str = PROJECT) -> dict[str, Any]:
    if isinstance(example, str):
        return {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": example}, "cwd": cwd, "session_id": "t"}
    ev = {"hook_event_name": "PreToolUse", "cwd": cwd, "session_id": "t"}
    ev.update(example)
    return ev


def git_answers(answers: dict[str, list[str]], root: str = PROJECT) -> Any:
    """A stand-in for gitprobe.changed: REV -> the files (relative to *root*) that differ there; other revisions are unknown.
    The key "index" answers for the index, "hooks" names core.hooksPath, "untracked:" / "untracked:ignored" the untracked
    (and ignored) files, "tracked" every tracked file."""

    def probe(directory: str, kind: str, rev: str) -> tuple[str, ...] | None:
        key = {"index": "index", "hooks": "hooks", "untracked": "untracked:" + rev, "tracked": "tracked"}.get(kind, rev)
        if key not in answers:
            return () if kind == "hooks" else None
        return tuple(root + "/" + p for p in answers[key])

    return probe


def decide(example: Any, cwd: str = PROJECT, env: dict[str, str] | None = None) -> Decision:
    if isinstance(example, dict) and "policy" in example:
        # A rule example that needs a user policy (its TOML text): e.g. a reviewer on loopback (self.forged-endpoint).
        import hashlib
        import tempfile

        example = dict(example)
        text: str = example.pop("policy")
        path = os.path.join(tempfile.gettempdir(), "clearance-example-" + hashlib.sha256(text.encode()).hexdigest()[:16] + ".toml")
        if not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        env = {**(env or ENV), "CLEARANCE_USER_POLICY": path}
    if isinstance(example, dict) and "git" in example:
        # A rule example that needs git's answer about what a revision changes (gitprobe.py).
        example = dict(example)
        answers: dict[str, list[str]] = example.pop("git")
        action, ctx = parse_event(event(example, cwd), env or ENV)
        ctx.git_changes = git_answers(answers)
        return evaluate(action, ctx, load_policy(ctx.project_root, env or ENV))
    if isinstance(example, dict) and "files" in example:
        # A rule example that needs project files on "disk" (scripts a command runs).
        example = dict(example)
        files: dict[str, str] = example.pop("files")
        action, ctx = parse_event(event(example, cwd), env or ENV)
        ctx.read_file = files.get
        ctx.list_dir = lambda d: sorted({k[len(d) + 1 :].split("/", 1)[0] for k in files if k.startswith(d.rstrip("/") + "/")}) or None
        return evaluate(action, ctx, load_policy(ctx.project_root, env or ENV))
    # Every other example is decided on the test disk (_machine_scratch): what this machine's /tmp, /var/tmp and
    # /home/ana hold -- a stray /tmp/o.json another run left -- is not the example's.
    _TEST_DISK.append(True)
    try:
        return decide_event(event(example, cwd), env or ENV)
    finally:
        _TEST_DISK.pop()


# Set while conftest.decide decides an example without files of its own: the scratch folders of this machine (its
# temporary folders and the test HOME) read as empty, but for the folders pytest made for the running tests (tmp_path):
# an example's answer never depends on what another run, a developer or a parallel job left in /tmp (fix20b: a stray
# /tmp/o.json turned round 9d's `mv /tmp/o.json .vscode/settings.json` from asked into allowed).
_TEST_DISK: list[bool] = []
_SCRATCH_ROOTS = ("/tmp/", "/var/tmp/", HOME + "/")
_BASETEMP: list[str] = []


def _machine_scratch(path: str) -> bool:
    """*path* is in this machine's scratch folders (not a folder pytest made for this run) while an example is decided
    on the test disk."""
    if not _TEST_DISK or not isinstance(path, str) or not path.startswith(_SCRATCH_ROOTS):
        return False
    return not any(path == b or path.startswith(b + "/") for b in _BASETEMP)


@pytest.fixture
def run() -> Any:
    return decide


# Test modules that bound a decision's CPU time (thread_time/process_time).  A collection of the garbage the whole
# test session has made lands inside whichever measurement triggers it (0.57 s for a 0.055 s decision in a clean-clone
# CI run of the full suite); a hook process has no such heap.  Their tests run with the collector off, after one collection.
CPU_TIMED_MODULES = (
    "test_adversarial_time16b",
    "test_adversarial_time16c",
    "test_worst16",
    "test_repeat_linear16",
    "test_scan_linear16",
    "test_quoted_linear",
    "test_net_command",
    "test_regex_bounds",
    "test_prefilter",
    "test_timing_margins",
)


@pytest.fixture(autouse=True)
def _no_collector_in_timed_tests(request: pytest.FixtureRequest) -> Any:
    if not request.module.__name__.endswith(CPU_TIMED_MODULES):
        yield
        return
    import gc

    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.fixture(autouse=True)
def _private_provenance(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a session created (provenance.py) is noted per test in a scratch directory, so that one test's allowed
    `mkdir` never makes another test's deletion the session's own (tests/test_provenance.py uses real homes)."""
    if request.module.__name__.endswith(("test_provenance", "test_provenance_objects")):
        return
    import hashlib

    from clearance import provenance

    scratch = str(tmp_path_factory.mktemp("provenance"))
    monkeypatch.setattr(provenance, "_record_path", lambda state, sid: scratch + "/" + hashlib.sha256((state + "\0" + sid).encode()).hexdigest()[:32])


def _nothing_at(path: str) -> bool:
    """The test disk's answer to "is nothing at *path*?" (provenance's ``n`` key): the user's home outside the project
    is taken to be full -- every path there exists -- so a write to `~/Desktop/STATUS.md` is decided as over a file
    of the user's, whatever this machine's /home/ana holds; elsewhere the real disk answers.  A test that needs a new
    path in home says so with its own ``ctx.owns`` (tests/test_ordinary_round12.py, test_session_refusals.py)."""
    from clearance import pathstr

    if (path == HOME or path.startswith(HOME + "/")) and not (path == PROJECT or path.startswith(PROJECT + "/")):
        return False
    if _machine_scratch(path):
        return True  # the test disk's temporary folders hold nothing but what the example gives
    return not pathstr.lexists(path)


def stand_in_reader(real_reader: Any) -> Any:
    """provenance.reader with the hook's look at the disk for new paths (its ``absent``) going to _nothing_at: the home
    outside the project is full.  (tests/test_lazy_rules.py's child interpreter installs it too.)"""

    def reader(state_dir: str, session_id: str) -> Any:
        owns = real_reader(state_dir, session_id)

        def owns_on_test_disk(key: str) -> bool:
            if key.startswith("n\t/"):
                return "\x00" not in key and _nothing_at(key[2:])
            return bool(owns(key))

        return owns_on_test_disk

    return reader


@pytest.fixture(autouse=True)
def _test_disk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Decisions look at the test disk (stand_in_reader) for whether a path is new, and conftest.decide's examples read
    no file of this machine's scratch folders (_machine_scratch)."""
    if not _BASETEMP:
        _BASETEMP.append(str(tmp_path_factory.getbasetemp().resolve()))
        _BASETEMP.append(str(tmp_path_factory.getbasetemp()))
    from clearance import context

    real_read, real_list = context.ProjectFiles._read, context.ProjectFiles._list
    monkeypatch.setattr(context.ProjectFiles, "_read", lambda self, path: None if _machine_scratch(path) else real_read(self, path))
    monkeypatch.setattr(context.ProjectFiles, "_list", lambda self, path: None if _machine_scratch(path) else real_list(self, path))
    if request.module.__name__.endswith(("test_provenance", "test_provenance_objects")):
        return
    from clearance import provenance

    monkeypatch.setattr(provenance, "reader", stand_in_reader(provenance.reader))
    monkeypatch.setattr(context, "_PROVENANCE", {})


@pytest.fixture(autouse=True)
def _private_audit_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test writes to a real home directory's audit store."""
    monkeypatch.setenv("CLEARANCE_DB", str(tmp_path_factory.mktemp("audit") / "clearance.db"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    # Keys clearance creates on first use (seal.py) go to a scratch state directory, not a real home's.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))


@pytest.fixture(autouse=True)
def _no_live_clearance_processes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A decision judged in-process does not see the machine's running clearance processes (procs.py): a daemon or
    `clearance serve` that another test run, a developer or a parallel job left running would otherwise turn
    `pkill -f serve` from allowed into denied (self.signal-clearance) depending on the machine. test_self_signals
    starts its own processes and reads the real table."""
    if request.module.__name__.endswith("test_self_signals"):
        return
    from clearance import procs

    monkeypatch.setattr(procs, "clearance_processes", lambda: ())
