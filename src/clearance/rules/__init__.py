"""Rule packs, one module each.  ``load()`` imports them all into REGISTRY; ``index()`` says which pack holds what.

A new pack is one line: its module name in PACKS.  Everything else follows from the rules'
own ``@rule`` declarations:

The hook decides one call per process, and importing every pack costs it ~7 ms of a ~45 ms
call, so the engine imports only the packs whose rules can fire on the call: the packs with
rules for the command names it sees, with rules on any command whose cheap first check
(gates.py, run without importing the pack) passes, on file effects of the kinds they declare,
or on the tool's kind (engine.py asks through ``index()``).  The index -- for every rule, in the order a
full load registers them: its module, scope, command names and tools -- is computed by a full
load and kept in clearance's cache directory, sealed (seal.py: trusted because its MAC
verifies, never because it exists) and keyed by the name, size and mtime of every ``.py``
file in this folder and by PACKS, so an edited or added pack rebuilds it.  Where it cannot be
read or written, every call loads everything, as before.  A pack whose rules are not those
the index lists is caught on import (``ensure``) and everything is loaded and indexed again.
"""

from __future__ import annotations

from _thread import RLock

from .base import REGISTRY, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

# The order rules run in: by pack in this order, then as each pack declares them (a pack imported by an
# earlier one, as net imports creds, comes before it here so that this is also a full load's order).
PACKS = ("shell", "fs", "git", "cloud", "db", "publish", "creds", "net", "system", "interp", "tools", "convention", "self")
# 2: effect rules' effect kinds; 3: the cache holds the index's tables, not its rows; 4: by_command packed in two strings
INDEX_VERSION = 4
INDEX_NAME = "rules-index.marshal"
_loaded = False
# Packs are imported on first use by whichever thread needs them (the daemon and the team service decide on
# worker threads). A module is in sys.modules while it is still registering its rules, so a second thread
# that took "in sys.modules" for "loaded" would look up rules not registered yet: imports, registration
# and the index check are one critical section. Re-entrant: a pack's import may import another pack.
_LOCK = RLock()


def load() -> dict[str, Rule]:
    """Every pack, imported (the CLI, ``clearance rules``, tests)."""
    global _loaded
    if not _loaded:
        with _LOCK:
            for name in PACKS:
                __import__(f"{__name__}.{name}")  # not importlib: it imports warnings (~2 ms on the hook path)
            _loaded = True
    return REGISTRY


class _Commands(dict[str, list[str]]):
    """Index.by_command read from the cache: each name's rule ids decoded on first use. The cache keeps the table as two
    strings (the names; each name's positions in the registration order), which split in C: the same table as a
    marshalled dict of lists was ~0.3 ms of every cold hook call (662 names interned, 662 lists built) where a call
    looks up a few names (bench/callgrind_hook.py). A dict (not a Mapping: _collections_abc is not loaded by then)
    whose values are the positions' text until read."""

    __slots__ = ("_order",)

    def __init__(self, names: str, ids: str, order: list[str]) -> None:
        super().__init__(zip(names.split("\n"), ids.split("\n")) if names else ())  # type: ignore[arg-type]
        self._order = order

    def __getitem__(self, name: str) -> list[str]:
        got: list[str] | str = super().__getitem__(name)
        if isinstance(got, str):
            got = [self._order[int(i)] for i in got.split(",") if i]
            super().__setitem__(name, got)
        return got

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[name] if name in self else default  # noqa: SIM401 (self.get is this method)

    def items(self) -> list[tuple[str, list[str]]]:  # type: ignore[override]
        return [(k, self[k]) for k in self]

    def values(self) -> list[list[str]]:  # type: ignore[override]
        return [self[k] for k in self]


def _packed(by_command: Mapping[str, list[str]], order: list[str]) -> list[str]:
    """_Commands' two strings for *by_command*."""
    at = {rid: str(i) for i, rid in enumerate(order)}
    return ["\n".join(by_command), "\n".join(",".join(at[i] for i in ids) for ids in by_command.values())]


class Index:
    """Which module registers each rule, and what the rule looks at; ``order`` is a full load's registration order."""

    __slots__ = ("order", "module", "tools", "by_command", "any_command", "effect", "effect_kinds", "action", "_commands")

    def __init__(self, rules: list[list[Any]] | list[tuple[str, str, str, list[str] | None, list[str] | None, list[str] | None]]) -> None:
        # One pass: this runs on every hook call (the rows come from the cache).
        self.order: list[str] = []
        self.module: dict[str, str] = {}
        self.tools: dict[str, list[str] | None] = {}
        self.by_command: dict[str, list[str]] = {}
        by_command: dict[str, list[str]] = {}
        self.any_command: list[str] = []
        self.effect: list[str] = []
        self.effect_kinds: dict[str, list[str] | None] = {}
        self.action: list[str] = []
        self._commands: dict[str, frozenset[str] | None] | None = None
        for rid, mod, scope, commands, tools, effects in rules:
            self.order.append(rid)
            self.module[rid] = mod
            if scope == "command":
                if commands is None:
                    self.any_command.append(rid)
                else:
                    for c in commands:
                        by_command.setdefault(c, []).append(rid)
            elif scope == "effect":
                self.effect.append(rid)
                self.effect_kinds[rid] = effects
            elif scope == "action":
                self.action.append(rid)
                self.tools[rid] = tools
        self.by_command = by_command

    _TABLES = ("module", "tools", "by_command", "any_command", "effect", "effect_kinds", "action")

    def tables(self) -> dict[str, Any]:
        """What the cache keeps: the tables as built (``order`` is the order of ``module``)."""
        got = {k: getattr(self, k) for k in self._TABLES}
        got["by_command"] = _packed(self.by_command, list(self.module))
        return got

    @classmethod
    def from_tables(cls, tables: dict[str, Any]) -> Index:
        """The index from its cached tables, without a pass over the rows (~1.3 M instructions of a cold hook's ~66 M)."""
        self = cls([])
        for k in cls._TABLES:
            if not isinstance(tables[k], list if k == "by_command" else type(getattr(self, k))):
                raise TypeError(k)
            setattr(self, k, tables[k])
        self.order = list(self.module)
        names, ids = self.by_command  # type: ignore[misc]
        if not isinstance(names, str) or not isinstance(ids, str) or names.count("\n") != ids.count("\n"):
            raise TypeError("by_command")
        self.by_command = _Commands(names, ids, self.order)
        return self

    @property
    def commands(self) -> dict[str, frozenset[str] | None]:
        """Each rule's command names (None: any command, or not a command rule)."""
        if self._commands is None:
            got: dict[str, set[str]] = {}
            for c, ids in self.by_command.items():
                for i in ids:
                    got.setdefault(i, set()).add(c)
            self._commands = {i: (frozenset(got[i]) if i in got else None) for i in self.order}
        return self._commands

    def effect_rules(self, kind: str) -> list[str]:
        """The effect rules that look at effects of this kind."""
        return [i for i in self.effect if self.effect_kinds[i] is None or kind in self.effect_kinds[i]]  # type: ignore[operator]

    def modules(self, ids: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(self.module[i] for i in ids))

    def command_names(self) -> frozenset[str]:
        """Every command name some rule is about."""
        return frozenset(self.by_command)


def _module_of(r: Rule) -> str:
    """The pack module whose import registers *r*."""
    mod = getattr(r.check, "__module__", "") or ""
    if mod.startswith(f"{__name__}.") and mod != f"{__name__}.base":
        return mod.rsplit(".", 1)[-1]
    return r.module  # problem rules: the pack that declared them


def _rows(registry: Mapping[str, Rule]) -> list[tuple[str, str, str, list[str] | None, list[str] | None, list[str] | None]]:
    """One row per rule, by pack in PACKS order, then in each pack's own order (whatever order the packs were imported in)."""
    rank = {p: i for i, p in enumerate(PACKS)}
    rules = sorted(registry.values(), key=lambda r: rank.get(_module_of(r), len(PACKS)))  # stable: keeps each pack's order
    return [
        (
            r.id,
            _module_of(r),
            r.scope,
            sorted(r.commands) if r.commands is not None else None,
            sorted(r.tools) if r.tools is not None else None,
            sorted(r.effects) if r.effects is not None else None,
        )
        for r in rules
    ]


def _fingerprint() -> list[object] | None:
    """Name, size and mtime of every .py file of this folder, and PACKS; None where the folder cannot be listed."""
    import posix

    here = __file__.rpartition("/")[0]
    try:
        names = sorted(n for n in posix.listdir(here) if n.endswith(".py"))
        files: list[object] = []
        for n in names:
            st = posix.stat(f"{here}/{n}")
            files.append([n, st.st_size, st.st_mtime_ns])
    except OSError:
        return None
    return [INDEX_VERSION, list(PACKS), files]


def _cache_path(env: Mapping[str, str]) -> str:
    from ..paths import cache_dir

    home = env.get("HOME") or ""
    return f"{cache_dir(home, env)}/{INDEX_NAME}" if home else ""


_INDEX: list[Index] = []


def index(env: Mapping[str, str] | None = None) -> Index:
    """The rule index: from the sealed cache when it verifies and matches the packs on disk, else by a full load."""
    if _INDEX:
        return _INDEX[0]
    if env is None:
        from ..daemon_path import environ

        env = environ()
    fp = _fingerprint()
    path = _cache_path(env) if fp is not None else ""
    got = _read(path, fp, env) if path else None
    if got is None:
        got = rebuild(env, path, fp)
    _INDEX.append(got)
    return got


def _read(path: str, fp: list[object] | None, env: Mapping[str, str]) -> Index | None:
    from marshal import loads  # built in; its tables load ~10 times faster than the same in JSON

    from ..seal import read_sealed_bytes

    body = read_sealed_bytes(path, env)  # read only when its MAC verifies
    if body is None:
        return None
    try:
        data = loads(body)
        if not isinstance(data, dict) or data.get("fingerprint") != fp:
            return None
        return Index.from_tables(data["index"])
    except (ValueError, EOFError, KeyError, TypeError, IndexError):
        return None


def rebuild(env: Mapping[str, str] | None = None, path: str | None = None, fp: list[object] | None = None) -> Index:
    """Load every pack, index it, and write the sealed cache (best effort: a read-only cache only costs time)."""
    if env is None:
        from ..daemon_path import environ

        env = environ()
    rows = _rows(load())
    got = Index(rows)
    if fp is None:
        fp = _fingerprint()
    if path is None:
        path = _cache_path(env) if fp is not None else ""
    if path and fp is not None:
        from marshal import dumps

        from ..seal import write_sealed_bytes

        write_sealed_bytes(path, dumps({"fingerprint": fp, "index": got.tables()}), env)
    _INDEX[:] = [got]
    return got


_validated: set[str] = set()


def ensure(modules: Iterable[str]) -> bool:
    """Import these packs; False when a pack registered rules other than the index says (the caller re-indexes)."""
    with _LOCK:
        return _ensure(modules)


def _ensure(modules: Iterable[str]) -> bool:
    import sys

    idx = _INDEX[0] if _INDEX else index()
    fresh = False
    for m in modules:
        name = f"{__name__}.{m}"
        if name not in sys.modules or m not in _validated:
            fresh = True
        # Always through the import system, even where the name is in sys.modules: a pack another thread is
        # still importing directly (engine's and the code readers' helpers import packs outside this lock) is
        # there half-registered, and __import__ waits for its initialisation; a look at sys.modules does not.
        __import__(name)
    if not fresh:
        return True
    # Every pack imported since the last check (a pack may import another), against the index.
    mods = set(idx.module.values())
    todo = [m for m in mods if m not in _validated and f"{__name__}.{m}" in sys.modules]
    if not todo:
        return True
    have: dict[str, set[str]] = {}
    for r in tuple(REGISTRY.values()):  # a snapshot: a pack imported directly (engine's helpers) may register meanwhile
        have.setdefault(_module_of(r), set()).add(r.id)
    for m in todo:
        if have.get(m, set()) != {i for i, mod in idx.module.items() if mod == m}:
            return False
        _validated.add(m)
    return not (set(have) - mods)


__all__ = ["REGISTRY", "Rule", "load", "PACKS", "Index", "index", "ensure", "rebuild"]
