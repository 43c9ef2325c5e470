"""What a session created itself: the objects it may change and remove again without being asked.

A path is the session's own when a call of this session that clearance allowed was about to create it: the path
did not exist when the call was decided (checked at that moment, before the call ran) and the call writes it
(the Write tool, `mkdir`, `touch`, `cp`/`mv` to it, a redirection).  A directory made that way owns what is
below it.  Anything that existed before the session is never its own, whatever it did to it later.

Provenance only lowers: engine.check_effects drops an *ask* or *soft* finding of the rules in LOWERABLE for an
effect on the session's own path (writing into a directory the session made, deleting a fixture it wrote).  Hard
denials are never lowered, and nothing else changes.

I/O sits at the edges, like Context.read_file: ``reader`` gives the engine a pure ``owns(path)`` over what
``load`` read, and ``note`` appends what an allowed call creates.  The record is one small append-only file per
session under clearance's state directory (which the agent cannot write: paths.clearance_owned), kept apart from
the audit store so that how the audit write is batched does not change what a session owns.
"""

from __future__ import annotations

from .model import ASK, SOFT_DENY

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .model import Context
    from .shell.effects import Effect

# Findings provenance may drop for the session's own paths (all ask or soft denials about the project boundary
# and deletions); the verdict is checked again where they are dropped.
LOWERABLE = frozenset(
    {
        "fs.write-outside-project",
        "fs.delete-outside-project",
        "fs.delete-outside-recoverable",
        "fs.mass-delete-in-project",
        "fs.delete-source-subdirectory",
    }
)
LOWERABLE_VERDICTS = frozenset({ASK, SOFT_DENY})
MAX_ENTRIES = 5000  # a session's record is read whole on every call: bounded


class Provenance:
    """The session's own paths: files it created and directories it made (which own what is below them)."""

    __slots__ = ("files", "dirs")

    def __init__(self, files: Iterable[str] = (), dirs: Iterable[str] = ()) -> None:
        self.files = frozenset(files)
        self.dirs = frozenset(dirs)

    def owns(self, path: str) -> bool:
        if not path.startswith("/") or "\x00" in path or any(c in path for c in "*?["):
            return False  # a computed or glob path is not a known object
        if path in self.files or path in self.dirs:
            return True
        parent = path
        while True:
            cut = parent.rfind("/")
            if cut <= 0:
                return False
            parent = parent[:cut]
            if parent in self.dirs:
                return True


def parse(text: str) -> Provenance:
    """The record's lines: ``f<TAB>/path`` for a created file, ``d<TAB>/path`` for a made directory."""
    files: list[str] = []
    dirs: list[str] = []
    for line in text.splitlines()[:MAX_ENTRIES]:
        kind, _, path = line.partition("\t")
        if path.startswith("/"):
            (dirs if kind == "d" else files).append(path)
    return Provenance(files, dirs)


def creations(effs: list[Effect]) -> list[tuple[str, str]]:
    """What a call would create if its targets do not exist yet: (kind, path), kind ``d`` for ``mkdir``."""
    if not effs:
        return []
    from .paths import DYN, has_glob
    from .shell.effects import WRITE

    out: list[tuple[str, str]] = []
    for e in effs:
        if e.kind != WRITE or e.recursive or DYN in e.path or has_glob(e.path) or not e.path.startswith("/"):
            continue
        if e.note in ("chmod", "chown", "chgrp"):
            continue  # changes an existing file
        kind = "d" if e.cmd is not None and e.cmd.name == "mkdir" else "f"
        out.append((kind, e.path))
    return out


def _record_path(state_dir: str, session_id: str) -> str:
    import hashlib

    return state_dir + "/provenance/" + hashlib.sha256(session_id.encode()).hexdigest()[:32]


def load(state_dir: str, session_id: str) -> Provenance:
    """I/O edge: the session's record (empty when there is none)."""
    if not session_id:
        return Provenance()
    try:
        with open(_record_path(state_dir, session_id), encoding="utf-8") as f:
            return parse(f.read(1 << 20))
    except (OSError, UnicodeDecodeError):
        return Provenance()


def reader(state_dir: str, session_id: str) -> Callable[[str], bool]:
    """The ``Context.owns`` callable: the record is read on first use, once per call."""
    cache: list[Provenance] = []

    def owns(path: str) -> bool:
        if not cache:
            cache.append(load(state_dir, session_id))
        return cache[0].owns(path)

    return owns


def note(state_dir: str, session_id: str, created: list[tuple[str, str]], exists: Callable[[str], bool] | None = None) -> int:
    """I/O edge: append what an allowed call creates (targets that do not exist now, before it runs)."""
    import os

    if not session_id or not created:
        return 0
    exists = exists or os.path.lexists
    new = [(k, p) for k, p in created if not exists(p)]
    if not new:
        return 0
    path = _record_path(state_dir, session_id)
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with open(path, "a", encoding="utf-8") as f:
            f.write("".join(f"{k}\t{p}\n" for k, p in new if "\n" not in p and "\t" not in p))
    except OSError:
        return 0
    return len(new)


def lowered(rule_id: str, verdict: str, e: Effect, ctx: Context) -> bool:
    """Whether a finding of *rule_id* on effect *e* is dropped: the session's own object, a lowerable rule."""
    owns = ctx.owns
    if owns is None or rule_id not in LOWERABLE or verdict not in LOWERABLE_VERDICTS or not owns(e.path):
        return False
    from .paths import home_bin_program

    # A program in a bin directory on the user's PATH runs for every later task, whoever made the directory.
    return home_bin_program(e.path, ctx) is None
