"""The effective policy at decision time: trust boundary, explicit rules, auto mode, broken layers."""

from __future__ import annotations

from ..trust import Trust

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .patterns import Pattern

VERDICT_ORDER = ("hard_deny", "deny", "ask", "allow")


class Policy:
    """A merged policy (see load.py) with its rule patterns compiled."""

    __slots__ = ("data", "trust", "rules", "auto_mode", "errors", "sessions", "valid_until")

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        t = data.get("trust", {})
        self.trust = Trust(
            directories=tuple(_expand_home(v, data) for v, _ in t.get("directories", [])),
            git_remotes=tuple(v for v, _ in t.get("git_remotes", [])),
            buckets=tuple(v for v, _ in t.get("buckets", [])),
            domains=tuple(v for v, _ in t.get("domains", [])),
            services=tuple(v for v, _ in t.get("services", [])),
            mcp_servers=tuple(v for v, _ in t.get("mcp_servers", [])),
        )
        self.rules: dict[str, list[tuple[Pattern, str]]] = {}
        # Allow rules granted for one session only: the Pattern's id -> session id (policy/apply.py filters them).
        self.sessions: dict[int, str] = {}
        now = _now()
        # Until when this compiled policy holds: the first expiry of a grant still counted (load_policy's cache).
        self.valid_until = float("inf")
        for verdict in VERDICT_ORDER:
            compiled = []
            for entry in data.get("rules", {}).get(verdict, []):
                from .patterns import Pattern  # only a policy with rules compiles patterns (a cold hook without: ~0.3 ms less)

                # [text, layer] or, for a [[rules.grant]], [text, layer, expires or None, session or ""]
                if len(entry) > 2 and entry[2] is not None:
                    if entry[2] <= now:
                        continue  # an expired grant counts no more
                    self.valid_until = min(self.valid_until, entry[2])
                p = Pattern(entry[0])
                if len(entry) > 3 and entry[3]:
                    self.sessions[id(p)] = entry[3]
                compiled.append((p, entry[1]))
            self.rules[verdict] = compiled
        self.auto_mode = data.get("auto_mode", "enabled")
        self.errors: list[dict[str, Any]] = data.get("errors", [])

    @property
    def has_rules(self) -> bool:
        return any(self.rules.values())

    def source(self, key: str) -> str:
        return str(self.data.get("sources", {}).get(key, "default"))


def _now() -> float:
    import time

    return time.time()


def _expand_home(value: str, data: dict[str, Any]) -> str:
    return value  # '~' is expanded against the context's home when matching (scope.py)


DEFAULT = Policy(
    {
        "auto_mode": "enabled",
        "trust": {},
        "rules": {},
        "errors": [],
    }
)


# Policies compiled in this process, by everything the merged policy is derived from: each layer file's path and
# stamp (size, modification and change times, device and inode: load.LayerFile), the project's identity where the
# managed layer names repositories, and home.  A file that
# changes in any way is another key; a policy is kept no later than its first grant's expiry.
_COMPILED: dict[tuple[Any, ...], Policy] = {}
_COMPILED_MAX = 64


_LOAD: Any = None


def _load_module() -> Any:
    """policy/load.py, imported on first use (then kept: an import statement costs microseconds every time)."""
    global _LOAD
    from . import load

    _LOAD = load
    return load


def load_policy(project_root: str, env: Any = None) -> Policy:
    """The effective policy for a project; never raises (a broken layer is recorded in errors)."""
    try:
        load = _LOAD or _load_module()
        if env is None:
            from ..daemon_path import environ

            env = environ()
        files, ident = load.identify(project_root, env)
        memo = (env.get("HOME") or load.pathstr.expanduser("~"), ident.key() if ident is not None else "", *((lf.path, lf.stamp) for lf in files))
        got = _COMPILED.get(memo)
        if got is not None and (got.valid_until == float("inf") or _now() < got.valid_until):
            return got
        pol = Policy(load.derive(files, ident, env))
        if len(_COMPILED) >= _COMPILED_MAX:
            _COMPILED.clear()
        _COMPILED[memo] = pol
        return pol
    except Exception as e:
        return Policy(
            {"auto_mode": "enabled", "trust": {}, "rules": {}, "errors": [{"layer": "?", "path": "?", "problems": [f"internal error loading policy: {e}"]}]}
        )
