"""Building the Context of a call: cwd, project root, home, temp directories."""

from __future__ import annotations

import posix
import sys

from . import pathstr
from .daemon_path import environ as process_environ
from .daemon_path import is_process_env
from .model import NOT_REGULAR, TOO_LARGE, Context

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os
    from collections.abc import Callable

_ROOTS: dict[str, str] = {}


def git_toplevel(cwd: str) -> str | None:
    """The nearest directory at or above *cwd* holding ``.git`` (a directory or a worktree file)."""
    if cwd in _ROOTS:
        return _ROOTS[cwd] or None
    d = cwd
    found = ""
    for _ in range(64):
        if pathstr.exists(pathstr.join(d, ".git")):
            found = d
            break
        parent = pathstr.dirname(d)
        if parent == d:
            break
        d = parent
    _ROOTS[cwd] = found
    return found or None


# The variables that name the project for the hook, read in this order (Claude Code sets the first for its hooks; the
# other agents' hooks inherit whatever the agent's own environment holds). They decide what "inside the project" is and
# which .clearance.toml is read, so rules/self.py treats them as clearance's own variables (adversarial round 15d).
PROJECT_VARIABLES = ("CLAUDE_PROJECT_DIR", "CLEARANCE_PROJECT_DIR")


def find_project_root(cwd: str, env: dict[str, str] | os._Environ[str]) -> str:
    explicit = next((v for v in (env.get(k) for k in PROJECT_VARIABLES) if v), None)
    if explicit:
        return pathstr.normpath(explicit)
    top = git_toplevel(cwd)
    home = env.get("HOME") or ""
    if top and (top == "/" or (home and (top == home or home.startswith(top.rstrip("/") + "/")))):
        # A repository at the home directory (a dotfiles checkout) or above it is no project: its top would make every
        # file of the user ordinary project work for an agent started in any folder below it that is not a repository.
        return cwd
    return top or cwd


MAX_SCRIPT_BYTES = 64 * 1024
PATH_MAX = 4096
NAME_MAX = 255


def impossible_path(path: str) -> bool:
    """Longer than the kernel accepts (ENAMETOOLONG), or holding a NUL (a part only known at run time, paths.DYN: `cd ~1`
    names a folder of the directory stack): nothing can exist there, so the disk is not asked.

    Keeps every file-system call at the edge bounded: an 80 KB "path" (a sed program read as
    a file name, say) would otherwise cost one lstat per slash in realpath.
    """
    return "\x00" in path or len(path) > PATH_MAX or (len(path) > NAME_MAX and max(map(len, path.split("/"))) > NAME_MAX)


def read_project_file(root: str, path: str, extra_roots: tuple[str, ...] = (), home: str = "") -> str | None:
    """The text of a regular file inside *root*, or inside *extra_roots* but not *home* (no symlink escapes), or None.

    A file larger than MAX_SCRIPT_BYTES reads as model.TOO_LARGE."""
    return ProjectFiles(root, extra_roots, home).read(path)


MAX_LISTED = 2000


def list_project_dir(root: str, path: str) -> list[str] | None:
    """The names in a directory inside *root* (no symlink escapes), at most MAX_LISTED of them, or None."""
    return ProjectFiles(root).listing(path)


class ProjectFiles:
    """The project's files as one decision sees them (Context.read_file and Context.list_dir): read from the disk on
    first use, with the roots' symbolic links resolved once.  A Context, and so this, lives for one decision: the
    same file asked for twice in it is read once, and the next decision reads the disk again."""

    __slots__ = ("root", "extra_roots", "home", "cache_roots", "_real_roots", "_texts", "_lists")

    def __init__(self, root: str, extra_roots: tuple[str, ...] = (), home: str = "", cache_roots: tuple[str, ...] = ()) -> None:
        self.root = root
        self.extra_roots = extra_roots
        self.home = home
        # The home caches (paths.HOME_CACHES), where the agent writes data unasked: read like the temporary folder.
        self.cache_roots = cache_roots
        self._real_roots: dict[str, str] = {}
        self._texts: dict[str, str | None] = {}
        self._lists: dict[str, list[str] | None] = {}

    def _real_root(self, path: str) -> str:
        got = self._real_roots.get(path)
        if got is None:
            got = self._real_roots[path] = pathstr.realpath(path)
        return got

    def read(self, path: str) -> str | None:
        if path in self._texts:
            return self._texts[path]
        text = self._read(path)
        if len(self._texts) < 256:
            self._texts[path] = text
        return text

    def texts_read(self) -> list[str]:
        """The texts this decision read (redact.reason_shown: what a reason may quote that is not clearance's own)."""
        return [t for t in self._texts.values() if t is not None]

    def _read(self, path: str) -> str | None:
        if impossible_path(path):
            return None
        try:
            real = pathstr.realpath(path)
            if real.startswith(("/dev/", "/proc/")) and real != "/dev/null" and self._lexically_inside(path):
                # A link in the project to a device or a descriptor (`ln -s /dev/stdin run.sh`, then `bash run.sh < p`):
                # what the program reads there is only known when it runs (adversarial round 18a).
                return NOT_REGULAR
            kind = posix.stat(real).st_mode & 0o170000
            if kind != 0o100000 and kind not in _UNREADABLE_KINDS:
                return None  # asked first: no root is resolved for a file that is not there (or a folder)
            inside = _within(real, self._real_root(self.root)) or (
                any(_within(real, self._real_root(r)) for r in self.extra_roots) and not (self.home and _within(real, self._real_root(self.home)))
            )
            if not inside and self.home and _user_run_file(path, self.home):
                inside = _within(real, self._real_root(self.home))  # a dotfile may be a link into a dotfiles checkout in home
            if not inside and self.cache_roots and any(_within(path, c) for c in self.cache_roots):
                # A file in a home cache (`bash ~/.cache/notes/x`): read where it really is, in that cache (round 18a).
                inside = any(_within(real, self._real_root(c)) for c in self.cache_roots)
            if not inside:
                return None
            if kind != 0o100000:
                # A FIFO, a socket or a device where a file is read: what it holds is only known when the program
                # reads it -- a writer the agent left waiting on a FIFO (`mkfifo run.sh; base64 -d p > run.sh &`) hands
                # `bash run.sh` text clearance never saw (adversarial round 18a: read as no file, the run was allowed).
                # Never opened here (opening a FIFO waits for its writer); judged as a script clearance cannot read,
                # and never taken for a large file clearance's calibration skips (model.NOT_REGULAR, fix19a).
                return NOT_REGULAR
            if pathstr.getsize(real) > MAX_SCRIPT_BYTES:
                return TOO_LARGE  # a script too long to read is not a script with nothing in it
            with open(real, "rb") as fh:
                data = fh.read(MAX_SCRIPT_BYTES + 1)
            return data.decode("utf-8", "replace")
        except OSError:
            return None

    def _lexically_inside(self, path: str) -> bool:
        return _within(path, self.root) or any(_within(path, r) for r in (*self.extra_roots, *self.cache_roots))

    def listing(self, path: str) -> list[str] | None:
        if path in self._lists:
            got = self._lists[path]
            return None if got is None else list(got)
        names = self._list(path)
        if len(self._lists) < 64:
            self._lists[path] = None if names is None else list(names)
        return names

    def _list(self, path: str) -> list[str] | None:
        if impossible_path(path):
            return None
        try:
            real = _realpath(path)  # memoised for the decision, from the folder's answer (a `cd` chain lists each folder)
            if not _within(real, self._real_root(self.root)):
                return None
            with posix.scandir(real) as it:
                names: list[str] = []
                for entry in it:
                    names.append(entry.name)
                    if len(names) >= MAX_LISTED:
                        break
            return names
        except OSError:
            return None


# The user's own files that decide what a command or a tool call runs, read by name at the use as the project's are
# (relative to home): git's global configuration (an alias `git p` runs), Claude Code's user-level custom commands and
# skills (their !`CMD` lines).
USER_RUN_FILES = (".gitconfig", ".config/git/config")
USER_RUN_FOLDERS = (".claude/commands/", ".claude/skills/")
# And the package and build tools' settings files that are credential stores by name because a registry token may be
# one of their entries (creds.read-secret-file): read so that one holding settings alone (save-exact=true, nodeLinker,
# JVM flags, a credsStore helper's name) is judged by what it holds. A list extension: the stores in key/value form
# whose reading developers ask for; a file that is a credential whole (.netrc, a key, a token file) is not read.
# Nothing else in home is read.
USER_SETTINGS_STORES = (".npmrc", ".yarnrc", ".yarnrc.yml", ".docker/config.json", ".gradle/gradle.properties", ".pypirc", ".config/gh/hosts.yml")


# The kinds of file (stat's S_IFMT) that hold no text on disk yet hand a reader text: FIFO, character device, socket
# (opened as a file on some systems: /dev/fd, /proc/PID/fd), block device.
_UNREADABLE_KINDS = (0o010000, 0o020000, 0o140000, 0o060000)


def _user_run_file(path: str, home: str) -> bool:
    rel = path[len(home) + 1 :] if path.startswith(home.rstrip("/") + "/") else ""
    return (
        bool(rel)
        and "/../" not in "/" + rel
        and (rel in USER_RUN_FILES or rel in USER_SETTINGS_STORES or (rel.startswith(USER_RUN_FOLDERS) and rel.endswith(".md")))
    )


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
    env = process_environ() if env is None else env
    # What the disk said belongs to one decision: a long-lived process (the daemon, serve) must see a symbolic link
    # or a repository made since its last decision (`ls dist`, then `ln -s ~ dist`, then `rm -rf dist/*`).
    _REAL.clear()
    _ROOTS.clear()
    if not isinstance(cwd, str) or not cwd.startswith("/"):
        cwd = posix.getcwd()
    cwd = pathstr.normpath(cwd)
    home = env.get("HOME") or pathstr.expanduser("~")
    home = pathstr.normpath(home)
    tmpdirs = ["/tmp", "/var/tmp", "/private/tmp"]
    tmp = env.get("TMPDIR")
    if tmp and tmp.startswith("/") and pathstr.normpath(tmp) not in ("/", home):
        from .paths import fit_temp_dir

        if fit_temp_dir(pathstr.normpath(tmp), home):
            tmpdirs.append(pathstr.normpath(tmp))
    from .shell.ir import ENV_SHOWN, TERMINAL_VARIABLES

    # (and the variables that say which terminal the agent runs in: rules/self.terminal-input tells its own pane or
    # window from another session by them; not in ENV_SHOWN, whose absence means "not exported")
    words = {k: env[k] for k in (*ENV_SHOWN, *TERMINAL_VARIABLES) if env.get(k)}
    root = pathstr.normpath(project_root) if project_root else find_project_root(cwd, env)
    from .paths import HOME_CACHES

    caches = tuple(pathstr.join(home, c) for c in HOME_CACHES)
    xdg_cache = env.get("XDG_CACHE_HOME")
    if xdg_cache and xdg_cache.startswith(home + "/"):
        caches += (pathstr.normpath(xdg_cache),)
    files = ProjectFiles(root, tuple(tmpdirs), home, caches) if root not in ("/", home) else None
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
        read_file=files.read if files is not None else None,
        # CLEARANCE_PLATFORM: the agent's machine when it is not this one (tests, the team service).
        platform=env.get("CLEARANCE_PLATFORM") or sys.platform,
        owned=_owned(home, env) + _moved_git_dirs(root),
        realpath=_realpath,
        owns=_owns(home, env, session_id),
        shell_dir=_shell_dir(home, env, session_id),
        list_dir=files.listing if files is not None else None,
        git_changes=_git_probe(),
        tmux_pane=_tmux_pane,
        processes=_processes_once(),
        dir_state=_dir_state(root, home, env, session_id) if root not in ("/", home) else None,
        changed_in_session=_changed_in_session(home, env, session_id) if files is not None else None,
        # Only the process's own environment is the agent's: the daemon is sent a copy with secrets left out
        # (daemon_path.forwarded_env), and a dict passed in (tests, a service) is not what the commands see.
        environ=env if is_process_env(env) else None,
        sibling_checkout=_sibling(root, home) if root not in ("/", home) else None,
        list_tree=_tree_lister() if files is not None else None,
        read_member=_member_reader() if files is not None else None,
    )


def _sibling(root: str, home: str) -> Callable[[str], tuple[str, str] | None]:
    """policy/repos.sibling_checkout for this project, looked at only when a write outside the project is judged."""
    seen: dict[str, tuple[str, str] | None] = {}

    def sibling(path: str) -> tuple[str, str] | None:
        if path not in seen:
            from .policy.repos import sibling_checkout

            if len(seen) >= 64:
                seen.clear()
            seen[path] = sibling_checkout(path, root, home)
        return seen[path]

    return sibling


def _member_reader() -> Callable[[str, str, str], str | None]:
    """The text of a member of a tree listed in this decision (treelist.read_member), at most MAX_READ of them."""
    count = [0]

    def read_member(path: str, kind: str, member: str) -> str | None:
        from .treelist import MAX_READ
        from .treelist import read_member as reader

        if count[0] >= MAX_READ or impossible_path(path):
            return None
        count[0] += 1
        return reader(path, kind, member)

    return read_member


def _tree_lister() -> Callable[[str, str], tuple[tuple[str, ...], str]]:
    """What an extraction or a tree copy would create (treelist.py, imported only when one is judged); one answer per
    tree and decision."""
    seen: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {}

    def list_tree(path: str, kind: str) -> tuple[tuple[str, ...], str]:
        got = seen.get((path, kind))
        if got is None:
            if impossible_path(path):
                return (), "its name is longer than a path can be"
            from .treelist import list_tree as lister

            got = seen[(path, kind)] = lister(path, kind)
        return got

    return list_tree


def _processes() -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    """clearance's own processes (procs.py, imported only when a signal or a process tool is judged)."""
    from .procs import clearance_processes

    return clearance_processes()


def _processes_once() -> Callable[[], tuple[tuple[int, int, str, tuple[str, ...]], ...]]:
    """_processes, read once per decision: each `kill N` of a line read the whole process table again (~150 files,
    ~8 ms of wall time each: 500 `kill N` ran past the engine's deadline and were denied; issue 16, adv16b)."""
    got: list[tuple[tuple[int, int, str, tuple[str, ...]], ...]] = []

    def processes() -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
        if not got:
            got.append(_processes())
        return got[0]

    return processes


def _tmux_pane(socket: str, target: str) -> str | None:
    """The id of the pane tmux types into for *target* on the server at *socket* (`display-message -p -t`: a session's
    or window's active pane), or None when tmux does not answer in half a second."""
    import subprocess

    try:
        got = subprocess.run(
            ["tmux", "-S", socket, "display-message", "-p", "-t", target, "#{pane_id}"],
            capture_output=True,
            text=True,
            timeout=0.5,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    pane = got.stdout.strip()
    return pane if got.returncode == 0 and pane.startswith("%") and pane[1:].isdigit() else None


def _git_probe() -> Callable[[str, str, str], tuple[str, ...] | None]:
    """What a git command would rewrite (gitprobe.py, imported only when a git verb that rewrites the tree is judged);
    one state per decision: its answers and its time budget."""
    state: dict[tuple[str, str, str], object] = {}

    def git_changes(directory: str, kind: str, rev: str) -> tuple[str, ...] | None:
        from .gitprobe import changed

        return changed(directory, kind, rev, state)

    return git_changes


def _dir_state(root: str, home: str, env: dict[str, str] | os._Environ[str], session_id: object) -> Callable[[str], str]:
    """What deleting a project directory would lose (provenance_disk.dir_state), looked at only when a rule asks."""

    seen: dict[str, str] = {}

    def state(path: str) -> str:
        got = seen.get(path)
        if got is None:
            from .paths import session_state_dir
            from .provenance import started
            from .provenance_disk import dir_state

            start = started(session_state_dir(home, env), session_id) if isinstance(session_id, str) and session_id else None
            got = seen[path] = dir_state(path, root, start)
        return got

    return state


def _changed_in_session(home: str, env: dict[str, str] | os._Environ[str], session_id: object) -> Callable[[str], bool] | None:
    """Whether a file changed since the session's first call (provenance.started): its status-change time, which no
    one but root can set back, is later. A file that cannot be looked at, or a session with no recorded start, counts
    as changed."""
    if not isinstance(session_id, str) or not session_id:
        return None
    start: list[int | None] = []

    def changed(path: str) -> bool:
        if not start:
            from .paths import session_state_dir
            from .provenance import started

            start.append(started(session_state_dir(home, env), session_id))
        if start[0] is None:
            return True
        try:
            return posix.stat(path).st_ctime_ns >= start[0]
        except (OSError, ValueError):
            return True

    return changed


def _owns(home: str, env: dict[str, str] | os._Environ[str], session_id: object) -> Callable[[str], bool] | None:
    """The session's own paths (provenance.py), read from clearance's state directory on first use."""
    if not isinstance(session_id, str) or not session_id:
        return None
    key = (home, env.get("XDG_STATE_HOME") or "", env.get("CLEARANCE_DB") or "")
    got = _PROVENANCE.get(key)
    if got is None:
        from .paths import session_state_dir
        from .provenance import reader

        if len(_PROVENANCE) >= 64:
            _PROVENANCE.clear()
        got = _PROVENANCE[key] = (session_state_dir(home, env), reader)
    return got[1](got[0], session_id)


# The key of the folders a persisting shell's line put first on PATH (provenance ``w``; shell/persist.py): no shell
# key holds a "$" (engine.shell_key).  Here, not in persist: the engine looks it up for every call that writes.
PATH_KEY = "$PATH"


def _shell_dir(home: str, env: dict[str, str] | os._Environ[str], session_id: object) -> Callable[[str], str | None] | None:
    """Where the session's persisting shells were left (provenance ``w``), read on first use: only a persisting shell's
    call asks (engine._evaluate)."""
    if not isinstance(session_id, str) or not session_id:
        return None
    from .paths import session_state_dir
    from .provenance import shell_dirs

    return shell_dirs(session_state_dir(home, env), session_id)


# (home, $XDG_STATE_HOME, $CLEARANCE_DB) -> (where the session records are, provenance.reader): names only, no file read.
_PROVENANCE: dict[tuple[str, str, str], tuple[str, Callable[[str, str], Callable[[str], bool]]]] = {}


_REAL: dict[str, str] = {}


def _realpath(path: str) -> str:
    """The path with every symlink resolved (memoised for one decision: build_context clears it); the path itself on error."""
    got = _REAL.get(path)
    if got is None:
        if impossible_path(path):
            return path
        try:
            # From its folder's answer where this decision has one: `cd d0; cd d1; …` 2,000 times resolved each longer
            # working directory from the root again (issue 16, adv16b: quadratic, 1.4 s).
            cut = path.rfind("/")
            name = path[cut + 1 :]
            above = _REAL.get(path[:cut]) if cut > 0 and name not in ("", ".", "..") else None
            got = pathstr.realpath(path) if above is None else pathstr.abspath(pathstr._joinrealpath(above, name, {})[0])
        except (OSError, ValueError):
            got = path
        if len(_REAL) < 4096:
            _REAL[path] = got
    return got


_OWNED: dict[tuple[str | None, ...], tuple[tuple[str, str, str], ...]] = {}  # the names only: no disk
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
    # the agents' settings folders moved by their variables (paths.AGENT_HOME_VARIABLES)
    "CLAUDE_CONFIG_DIR",
    "CODEX_HOME",
    "COPILOT_HOME",
    "CURSOR_CONFIG_DIR",
)


class _Disk:
    """lstat and realpath for one look at clearance's paths: each directory's lstat made once (the paths share most of
    their directories: ``…/audit.db``, ``…/audit.db-wal``, ``…/audit.db-shm`` …), for the same answers as
    ``pathstr.realpath`` (which lstats every component of every path again)."""

    __slots__ = ("modes", "real")

    def __init__(self) -> None:
        self.modes: dict[str, int | None] = {}  # path -> st_mode from lstat, None where lstat failed
        self.real: dict[str, str] = {"": "/", "/": "/"}  # a normal absolute directory -> its realpath

    def mode(self, path: str) -> int | None:
        if path in self.modes:
            return self.modes[path]
        try:
            got: int | None = posix.lstat(path).st_mode
        except (OSError, ValueError):
            got = None
        self.modes[path] = got
        return got

    def realpath(self, path: str) -> str:
        """``pathstr.realpath(path)``: for a normal absolute path, the real location of its directory (memoised) joined
        with its last name when that is no symbolic link; anything else (a link, ``..``, a relative path) as
        ``pathstr.realpath`` resolves it."""
        got = self.real.get(path)
        if got is not None:
            return got
        if not path.startswith("/") or path != pathstr.normpath(path) or path.startswith("//"):
            return pathstr.realpath(path)
        parent, _, name = path.rpartition("/")
        where = self.realpath(parent or "/")
        joined = where + name if where == "/" else f"{where}/{name}"
        mode = self.mode(joined)
        got = pathstr.realpath(path) if mode is not None and mode & 0o170000 == 0o120000 else joined
        self.real[path] = got
        return got


def _linked_prefixes(owned: tuple[tuple[str, str, str], ...], home: str, disk: _Disk) -> list[str]:
    """The directories below *home* on the way to clearance's paths that are symbolic links (one lstat per distinct
    directory): where the agent's user can make a link between two decisions."""
    seen: set[str] = set()
    links: list[str] = []
    for p, _, _ in owned:
        d = p
        while d.startswith(home + "/") and d not in seen:
            seen.add(d)
            mode = disk.mode(d)
            if mode is not None and mode & 0o170000 == 0o120000:
                links.append(d)
            d = pathstr.dirname(d)
    return links


def _real_locations(paths: tuple[tuple[str, str, str], ...], owned: tuple[tuple[str, str, str], ...], disk: _Disk) -> list[tuple[str, str, str]]:
    real = []
    for p, why, kind in paths:
        try:
            rp = disk.realpath(p)
        except (OSError, ValueError):
            continue
        if rp != p and all(rp != q for q, _, _ in owned):
            real.append((rp, why, kind))
    return real


def install_locations(pkg: str, prefix: str, base_prefix: str, executable: str, isfile: Callable[[str], bool]) -> tuple[str, str]:
    """(the installed package's folder, the virtualenv it is installed in), each "" where there is none.

    An installed copy (not a checkout the agent may be developing) is clearance's own code, and so is the virtualenv
    it is installed in: its interpreter runs the hook (installer.hook_command names it), its pyvenv.cfg says where the
    standard library comes from, its site-packages hold the parser the hook loads. The hook runs as ``python -I -S``,
    where sys.prefix is the base interpreter's (site sets the virtualenv's), so the virtualenv is also the folder above
    the package's ``lib/pythonX.Y/site-packages`` or the interpreter's ``bin/``, where that folder has a pyvenv.cfg
    (adversarial round 11c: a project `.venv` clearance was installed in was the agent's to rewrite)."""
    installed = pkg if "/" + "site-packages" + "/" in pkg or "/" + "dist-packages" + "/" in pkg else ""
    if not installed:
        return "", ""
    if prefix != base_prefix and pkg.startswith(prefix + "/"):
        return installed, prefix
    for top in (pkg.rpartition("/lib/")[0], executable.rpartition("/")[0].rpartition("/")[0]):
        if top and top != "/" and pkg.startswith(top + "/") and isfile(top + "/pyvenv.cfg"):
            return installed, top
    return installed, ""


def _gitdir_line(path: str) -> str | None:
    """The directory a `.git` file (or a worktree's `commondir`) names, absolute; None when *path* is no such file."""
    try:
        fd = posix.open(path, posix.O_RDONLY | getattr(posix, "O_NOFOLLOW", 0) | getattr(posix, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if posix.fstat(fd).st_mode & 0o170000 != 0o100000:
            return None  # a folder (the usual .git), a FIFO, a device: nothing named
        first = posix.read(fd, 4096).decode("utf-8", "replace").split("\n", 1)[0].strip()
    except OSError:
        return None
    finally:
        posix.close(fd)
    if path.endswith("/.git"):
        if not first.startswith("gitdir:"):
            return None
        first = first[len("gitdir:") :].strip()
    if not first:
        return None
    base = pathstr.dirname(path)
    return pathstr.normpath(first if first.startswith("/") else pathstr.join(base, first))


def _moved_git_dirs(root: str) -> tuple[tuple[str, str, str], ...]:
    """The project's git directory where it does not lie in a folder named `.git`: a `.git` file at the project's root
    naming it (`git init --separate-git-dir DIR`, `git clone --separate-git-dir`), and the common directory a
    worktree's names. Its config, hooks and info are what a `.git/` path holds, so they are protected as such
    (paths.AGENT_ALIAS entries for ".git"): adversarial round 15d moved the project's git directory to /tmp with an
    allowed `git init --separate-git-dir /tmp/g`, after which `>> /tmp/g/config` (core.fsmonitor) was allowed."""
    if not root or root == "/":
        return ()
    gd = _gitdir_line(pathstr.join(root, ".git"))
    if gd is None:
        return ()
    from .paths import AGENT_ALIAS

    found = [gd]
    common = _gitdir_line(pathstr.join(gd, "commondir"))
    if common is not None:
        found.append(common)
    out: list[tuple[str, str, str]] = []
    for d in found:
        for p in dict.fromkeys((d, pathstr.realpath(d))):
            if ".git" not in p.split("/") and p != "/":
                out.append((p, ".git", AGENT_ALIAS))
    return tuple(out)


# (home, $XDG_…) -> where clearance's paths lead, resolved once per process (links above home or outside it).
_OWNED_REAL: dict[tuple[str | None, ...], list[tuple[str, str, str]]] = {}


def _owned(home: str, env: dict[str, str] | os._Environ[str]) -> tuple[tuple[str, str, str], ...]:
    """clearance's own paths for this home and environment: the names, and where links outside home lead, memoised (the
    daemon builds many contexts); links below home, and the agents' folders linked elsewhere, read again for every
    decision -- a link made since the last one (`ln -s ~/dotfiles/claude ~/.claude`) is seen at the next."""
    key = (home, *map(env.get, _OWNED_ENV))
    owned = _OWNED.get(key)
    if owned is None:
        from .paths import clearance_paths

        installed, venv = install_locations(pathstr.dirname(pathstr.abspath(__file__)), sys.prefix, sys.base_prefix, sys.executable, pathstr.isfile)
        owned = _OWNED[key] = clearance_paths(home, {k: env[k] for k in _OWNED_ENV if env.get(k)}, installed, venv)
    # The I/O edge: where a path is a symlink (~/.config -> a dotfiles checkout), its real
    # location is clearance's too; the engine itself compares strings only.
    disk = _Disk()
    base = _OWNED_REAL.get(key)
    if base is None:
        base = _OWNED_REAL[key] = _real_locations(owned, owned, disk)
    real = list(base)
    links = _linked_prefixes(owned, home, disk)
    if links:
        moved = tuple(o for o in owned if any(o[0] == d or o[0].startswith(d + "/") for d in links))
        real += [r for r in _real_locations(moved, owned, disk) if r not in real]
    # The agents' own folders linked elsewhere (~/.claude -> ~/dotfiles/claude): their settings are judged there too
    # (paths.AGENT_ALIAS entries; the engine compares the folder's name, which the real location lacks).
    from .paths import AGENT_ALIAS, AGENT_SETTINGS_DIRS

    for folder in sorted(AGENT_SETTINGS_DIRS):
        link = pathstr.join(home, folder)
        try:
            mode = disk.mode(link)
            if mode is not None and mode & 0o170000 == 0o120000:
                rp = pathstr.realpath(link)
                if rp != link and rp != "/":
                    real.append((rp, folder, AGENT_ALIAS))
        except (OSError, ValueError):
            continue
    return owned + tuple(real) if real else owned
