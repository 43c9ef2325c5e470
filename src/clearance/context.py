"""Building the Context of a call: cwd, project root, home, temp directories."""

from __future__ import annotations

import functools
import os
import sys

from .model import TOO_LARGE, Context

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

_ROOTS: dict[str, str] = {}


def git_toplevel(cwd: str) -> str | None:
    """The nearest directory at or above *cwd* holding ``.git`` (a directory or a worktree file)."""
    if cwd in _ROOTS:
        return _ROOTS[cwd] or None
    d = cwd
    found = ""
    for _ in range(64):
        if os.path.exists(os.path.join(d, ".git")):
            found = d
            break
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    _ROOTS[cwd] = found
    return found or None


def find_project_root(cwd: str, env: dict[str, str] | os._Environ[str]) -> str:
    explicit = env.get("CLAUDE_PROJECT_DIR") or env.get("CLEARANCE_PROJECT_DIR")
    if explicit:
        return os.path.normpath(explicit)
    return git_toplevel(cwd) or cwd


MAX_SCRIPT_BYTES = 64 * 1024
PATH_MAX = 4096
NAME_MAX = 255


def impossible_path(path: str) -> bool:
    """Longer than the kernel accepts (ENAMETOOLONG): nothing can exist there, so the disk is not asked.

    Keeps every file-system call at the edge bounded: an 80 KB "path" (a sed program read as
    a file name, say) would otherwise cost one lstat per slash in realpath.
    """
    return len(path) > PATH_MAX or any(len(part) > NAME_MAX for part in path.split("/"))


def read_project_file(root: str, path: str, extra_roots: tuple[str, ...] = (), home: str = "") -> str | None:
    """The text of a regular file inside *root*, or inside *extra_roots* but not *home* (no symlink escapes), or None.

    A file larger than MAX_SCRIPT_BYTES reads as model.TOO_LARGE."""
    if impossible_path(path):
        return None
    try:
        real = os.path.realpath(path)
        inside = _within(real, os.path.realpath(root)) or (
            any(_within(real, os.path.realpath(r)) for r in extra_roots) and not (home and _within(real, os.path.realpath(home)))
        )
        if not inside or not os.path.isfile(real):
            return None
        if os.path.getsize(real) > MAX_SCRIPT_BYTES:
            return TOO_LARGE  # a script too long to read is not a script with nothing in it
        with open(real, "rb") as fh:
            data = fh.read(MAX_SCRIPT_BYTES + 1)
        return data.decode("utf-8", "replace")
    except OSError:
        return None


MAX_LISTED = 2000


def list_project_dir(root: str, path: str) -> list[str] | None:
    """The names in a directory inside *root* (no symlink escapes), at most MAX_LISTED of them, or None."""
    if impossible_path(path):
        return None
    try:
        real = os.path.realpath(path)
        if not _within(real, os.path.realpath(root)):
            return None
        with os.scandir(real) as it:
            names: list[str] = []
            for entry in it:
                names.append(entry.name)
                if len(names) >= MAX_LISTED:
                    break
        return names
    except OSError:
        return None


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def build_context(
    cwd: object,
    env: dict[str, str] | os._Environ[str] | None = None,
    session_id: object = "",
    transcript_path: object = "",
    permission_mode: object = "",
    agent: str = "claude",
    project_root: str | None = None,
) -> Context:
    env = os.environ if env is None else env
    if not isinstance(cwd, str) or not cwd.startswith("/"):
        cwd = os.getcwd()
    cwd = os.path.normpath(cwd)
    home = env.get("HOME") or os.path.expanduser("~")
    home = os.path.normpath(home)
    tmpdirs = ["/tmp", "/var/tmp", "/private/tmp"]
    tmp = env.get("TMPDIR")
    if tmp and tmp.startswith("/") and os.path.normpath(tmp) not in ("/", home):
        tmpdirs.append(os.path.normpath(tmp))
    words = {k: env[k] for k in ("TMPDIR", "USER", "LOGNAME", "KUBECONFIG", "VIRTUAL_ENV") if env.get(k)}
    root = os.path.normpath(project_root) if project_root else find_project_root(cwd, env)
    return Context(
        cwd=cwd,
        project_root=root,
        home=home,
        tmpdirs=tuple(tmpdirs),
        session_id=session_id if isinstance(session_id, str) else str(session_id),
        transcript_path=transcript_path if isinstance(transcript_path, str) else "",
        permission_mode=permission_mode if isinstance(permission_mode, str) else "",
        agent=agent,
        env=words,
        # No project (the root is / or home itself): no script is read.
        # Scripts the agent may have written to a temp directory are read too.
        read_file=functools.partial(read_project_file, root, extra_roots=tuple(tmpdirs), home=home) if root not in ("/", home) else None,
        # CLEARANCE_PLATFORM: the agent's machine when it is not this one (tests, the team service).
        platform=env.get("CLEARANCE_PLATFORM") or sys.platform,
        owned=_owned(home, env),
        realpath=_realpath,
        owns=_owns(home, env, session_id),
        list_dir=functools.partial(list_project_dir, root) if root not in ("/", home) else None,
        dir_state=_dir_state(root, home, env, session_id) if root not in ("/", home) else None,
        # Only the process's own environment is the agent's: the daemon is sent a copy with secrets left out
        # (daemon_path.forwarded_env), and a dict passed in (tests, a service) is not what the commands see.
        environ=env if env is os.environ else None,
    )


def _dir_state(root: str, home: str, env: dict[str, str] | os._Environ[str], session_id: object) -> Callable[[str], str]:
    """What deleting a project directory would lose (provenance_disk.dir_state), looked at only when a rule asks."""

    seen: dict[str, str] = {}

    def state(path: str) -> str:
        got = seen.get(path)
        if got is None:
            from .paths import state_dir
            from .provenance import started
            from .provenance_disk import dir_state

            start = started(state_dir(home, env), session_id) if isinstance(session_id, str) and session_id else None
            got = seen[path] = dir_state(path, root, start)
        return got

    return state


def _owns(home: str, env: dict[str, str] | os._Environ[str], session_id: object) -> Callable[[str], bool] | None:
    """The session's own paths (provenance.py), read from clearance's state directory on first use."""
    if not isinstance(session_id, str) or not session_id:
        return None
    from .paths import state_dir
    from .provenance import reader

    return reader(state_dir(home, env), session_id)


_REAL: dict[str, str] = {}


def _realpath(path: str) -> str:
    """The path with every symlink resolved (memoised for the process); the path itself on error."""
    got = _REAL.get(path)
    if got is None:
        if impossible_path(path):
            return path
        try:
            got = os.path.realpath(path)
        except (OSError, ValueError):
            got = path
        if len(_REAL) < 4096:
            _REAL[path] = got
    return got


_OWNED: dict[tuple[str, ...], tuple[tuple[str, str, str], ...]] = {}
_OWNED_ENV = (
    "XDG_CONFIG_HOME",
    "XDG_STATE_HOME",
    "XDG_CACHE_HOME",
    "XDG_RUNTIME_DIR",
    "CLEARANCE_USER_POLICY",
    "CLEARANCE_MANAGED_POLICY",
    "CLEARANCE_DB",
    "CLEARANCE_DAEMON_SOCKET",
    "CLEARANCE_AUDIT_KEY_FILE",
)


def _owned(home: str, env: dict[str, str] | os._Environ[str]) -> tuple[tuple[str, str, str], ...]:
    """clearance's own paths for this home and environment (memoised: the daemon builds many contexts)."""
    key = (home, *(env.get(k) or "" for k in _OWNED_ENV))
    got = _OWNED.get(key)
    if got is None:
        from .paths import clearance_paths

        pkg = os.path.dirname(os.path.abspath(__file__))
        # An installed copy (not a checkout the agent may be developing) is clearance's own code,
        # and so is the virtualenv it is installed in (its interpreter and console script run the hook).
        installed = pkg if os.sep + "site-packages" + os.sep in pkg or os.sep + "dist-packages" + os.sep in pkg else ""
        venv = sys.prefix if installed and sys.prefix != sys.base_prefix and pkg.startswith(sys.prefix + os.sep) else ""
        owned = clearance_paths(home, {k: env[k] for k in _OWNED_ENV if env.get(k)}, installed, venv)
        # The I/O edge: where a path is a symlink (~/.config -> a dotfiles checkout), its real
        # location is clearance's too; the engine itself compares strings only.
        real = []
        for p, why, kind in owned:
            try:
                rp = os.path.realpath(p)
            except (OSError, ValueError):
                continue
            if rp != p and all(rp != q for q, _, _ in owned):
                real.append((rp, why, kind))
        got = _OWNED[key] = owned + tuple(real)
    return got
