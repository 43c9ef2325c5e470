"""Finding, reading, validating and merging the policy layers (managed > user > project).

The merged result is a plain JSON-able dict.  The hook reads it from a cache
keyed by the layer files' paths, sizes and modification times, so ``tomllib``
is imported only when a policy file changed.  A cache entry counts only when
its MAC verifies (seal.py); anything else is re-derived from the layer files.
"""

from __future__ import annotations

import posix

from .. import jsonlite as json
from .. import pathstr
from .schema import SCHEMA

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os
    from typing import Any

    Env = dict[str, str] | os._Environ[str]

LAYERS = ("managed", "user", "project")
FORMAT = 8  # bump when the merged shape changes


# os.supports_effective_ids holds os.access where the platform has faccessat (os.py's own test).
_EFFECTIVE_IDS = "HAVE_FACCESSAT" in posix._have_functions  # type: ignore[attr-defined]  # as stat: with the process's effective user


class LayerFile:
    __slots__ = ("name", "path", "stamp")

    def __init__(self, name: str, path: str) -> None:
        self.name = name
        self.path = path
        if not posix.access(path, posix.F_OK, effective_ids=_EFFECTIVE_IDS):
            self.stamp = ""  # most layers are absent: asked without the cost of stat's exception
            return
        try:
            st = posix.stat(path)
            # Which version of which file (the caches' key): an edit that keeps the size and puts the modification
            # time back still moves the change time, and a file renamed over it is another inode.
            self.stamp = f"{st.st_mtime_ns}:{st.st_size}:{st.st_dev}:{st.st_ino}:{st.st_ctime_ns}"
        except OSError:
            self.stamp = ""

    @property
    def exists(self) -> bool:
        return bool(self.stamp)


_LAYER_PATHS: dict[tuple[str, ...], tuple[str, str, str]] = {}


def layer_paths(project_root: str, env: Env) -> tuple[str, str, str]:
    """Where the managed, user and project layers are for this project and environment (names only)."""
    home = env.get("HOME") or pathstr.expanduser("~")
    words = (project_root, home, *(env.get(k) or "" for k in ("CLEARANCE_MANAGED_POLICY", "XDG_CONFIG_HOME", "CLEARANCE_USER_POLICY")))
    got = _LAYER_PATHS.get(words)
    if got is None:
        managed = env.get("CLEARANCE_MANAGED_POLICY") or "/etc/clearance/managed.toml"
        xdg = env.get("XDG_CONFIG_HOME") or pathstr.join(home, ".config")
        user = env.get("CLEARANCE_USER_POLICY") or pathstr.join(xdg, "clearance", "config.toml")
        got = (managed, user, pathstr.join(project_root, ".clearance.toml"))
        if len(_LAYER_PATHS) >= 256:
            _LAYER_PATHS.clear()
        _LAYER_PATHS[words] = got
    return got


def layer_files(project_root: str, env: Env) -> list[LayerFile]:
    return [LayerFile(name, path) for name, path in zip(LAYERS, layer_paths(project_root, env))]


def empty_policy() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "auto_mode": "enabled",
        "sources": {"auto_mode": "default"},
        "allow_user_trust": True,
        "allow_project_trust": False,
        "trust": {k: [] for k in SCHEMA["trust"][0]},
        "rules": {k: [] for k in SCHEMA["rules"][0] if k != "grant"},  # grants join "allow"
        "reviewer": {},
        "reviewer_rules": {k: [] for k in SCHEMA["reviewer"][0]["rules"][0]},
        "escalation": {"max_consecutive_denials": 3, "max_total_denials": 20},
        "probe": {"on_hit": "warn"},
        "audit": {},
        "ignored": [],
        "errors": [],
        "layers": [],
        "repositories": [],
    }


# -- validation --------------------------------------------------------------


# -- merging -----------------------------------------------------------------


# -- loading with a cache -----------------------------------------------------


def enclosing_tops(project_root: str, home: str) -> list[str]:
    """The work trees *project_root* lies inside (directories above it holding ``.git``), nearest first, below *home*
    and the root: where a project is the nearest ``.git`` above the agent's folder (agents that name no project
    folder), `git init` or `touch .git` in a subfolder of a repository made that folder the project (adversarial
    round 14b)."""
    out: list[str] = []
    d = pathstr.dirname(project_root)
    stop = home.rstrip("/")
    for _ in range(32):
        if d in ("/", "", stop) or (stop and stop.startswith(d.rstrip("/") + "/")):
            break
        if posix.access(pathstr.join(d, ".git"), posix.F_OK, effective_ids=_EFFECTIVE_IDS):
            out.append(d)
        parent = pathstr.dirname(d)
        if parent == d:
            break
        d = parent
    return out


def identify(project_root: str, env: Env) -> tuple[list[LayerFile], Any]:
    """The layer files (stat'ed) and the project's identity when the managed layer exists.

    Besides the three layers, the ``.clearance.toml`` of each work tree the project lies inside, as an
    ``enclosing`` layer that only tightens (load_more.merge): a repository's policy still holds in a folder of it
    made a project of its own (`git init`, `touch .git`, a clone there holding its own `.clearance.toml`)."""
    files = layer_files(project_root, env)
    for top in enclosing_tops(project_root, env.get("HOME") or pathstr.expanduser("~")):
        outer = LayerFile("enclosing", pathstr.join(top, ".clearance.toml"))
        if outer.exists:
            files.append(outer)
    ident = None
    if files[0].exists:  # only the managed layer has [[repositories]] sections: which repository this is joins the key
        from .repos import identity

        ident = identity(project_root, env)
    return files, ident


# The name of the thin client's copy of the served managed policy (remote.cache_path).
SERVED_COPY = "/clearance/server-policy.toml"


def load(project_root: str, env: Env | None = None, use_cache: bool = True) -> dict[str, Any]:
    if env is None:
        from ..daemon_path import environ

        env = environ()
    files, ident = identify(project_root, env)
    return derive(files, ident, env, use_cache)


def derive(files: list[LayerFile], ident: Any, env: Env, use_cache: bool = True) -> dict[str, Any]:
    """The merged policy of the layer files *identify* found (from the sealed cache when it holds their key)."""
    if not any(lf.exists for lf in files):
        pol = empty_policy()
        pol["layers"] = [{"name": lf.name, "path": lf.path, "exists": False, "loaded": False} for lf in files]
        return pol
    key = cache_key(files, ident)
    cache_path = None
    if use_cache:
        import zlib

        home = env.get("HOME") or pathstr.expanduser("~")
        cache_dir = pathstr.join(env.get("XDG_CACHE_HOME") or pathstr.join(home, ".cache"), "clearance", "policy")
        # crc32 names the file; the full key inside it decides whether it is the right one.
        cache_path = pathstr.join(cache_dir, f"{zlib.crc32(key.encode()):08x}-{len(key)}.json")
        from ..seal import read_sealed

        # Trusted only when its MAC verifies: the agent can write files in its own user's cache.
        body = read_sealed(cache_path, env)
        if body is not None:
            try:
                cached: dict[str, Any] = json.loads(body)
                if isinstance(cached, dict) and cached.get("format") == FORMAT and cached.get("cache_key") == key:
                    return cached
            except ValueError:
                pass
    layers = []
    for lf in files:
        if lf.exists:
            data, problems, _ = read_layer(lf)
            layers.append((lf, data, problems))
        else:
            layers.append((lf, None, []))
    pol = merge(layers, ident, env.get("HOME") or pathstr.expanduser("~"))
    pol["cache_key"] = key
    if files and files[0].name == "managed" and files[0].path.endswith(SERVED_COPY):
        # The thin client deciding while the team service is down (remote.py): the team's policy, so a denial is
        # lifted in the team's policy, not by a local grant the service never reads once it is back (engine.guide).
        pol["served"] = "cached"
    if cache_path is not None:
        from ..seal import write_sealed

        write_sealed(cache_path, json.dumps(pol), env)  # a read-only cache only costs time
    return pol


class _TextLayer:
    """A layer that comes from text (the team service's database) rather than a file."""

    __slots__ = ("name", "path", "stamp")

    def __init__(self, name: str, path: str) -> None:
        self.name = name
        self.path = path
        self.stamp = "text"

    @property
    def exists(self) -> bool:
        return True


def from_managed_text(text: str, where: str = "managed policy (server)", ident: Any = None, home: str = "") -> dict[str, Any]:
    """Merge a managed policy given as TOML text; a broken text is recorded as a broken layer.

    With *ident* (policy/repos.Identity), the [[repositories]] sections that name that project apply, as in merge()."""
    import tomllib

    lf = _TextLayer("managed", where)
    problems: list[str] = []
    data: dict[str, Any] | None
    try:
        data = tomllib.loads(text)
        problems = validate(data, text, where)
        if problems:
            data = None
    except tomllib.TOMLDecodeError as e:
        data, problems = None, [f"{where}: TOML syntax error: {e}"]
    pol = merge([(lf, data, problems)], ident, home)  # type: ignore[list-item]
    # Decided by the team service: its audit trail and this policy are the service's, so the way to lift a denial is
    # the team's change process, not `clearance allow` on the developer's machine (which would find another call).
    pol["served"] = True
    return pol


# -- on first use: reading and merging policy files (load_more.py), which a call with no policy layer on disk never
# reaches (issue 16).


def line_of(text: str, path: list[str]) -> int:
    from .load_more import line_of

    return line_of(text, path)


def validate(data: dict[str, Any], text: str, where: str) -> list[str]:
    from .load_more import validate

    return validate(data, text, where)


def grant_expiry(g: dict[str, Any]) -> float | None:
    from .load_more import grant_expiry

    return grant_expiry(g)


def _line_of_value(text: str, value: str) -> int:
    from .load_more import _line_of_value

    return _line_of_value(text, value)


def syntax_error_line(msg: str, text: str) -> int:
    from .load_more import syntax_error_line

    return syntax_error_line(msg, text)


def read_layer(lf: LayerFile) -> tuple[dict[str, Any] | None, list[str], str]:
    from .load_more import read_layer

    return read_layer(lf)


def merge(layers: list[tuple[LayerFile, dict[str, Any] | None, list[str]]], ident: Any = None, home: str = "") -> dict[str, Any]:
    from .load_more import merge

    return merge(layers, ident, home)


def _toml(value: object) -> str:
    from .load_more import _toml

    return _toml(value)


def cache_key(files: list[LayerFile], ident: Any) -> str:
    from .load_more import cache_key

    return cache_key(files, ident)
