"""posixpath's functions on ``str`` paths, and ``os.makedirs``, without importing ``os``.

``import os`` costs a cold hook ~6.4 M instructions of its ~65 M (callgrind, ``python -I -S``): ``os`` builds
``_collections_abc``'s two dozen abstract classes for its ``environ`` mapping, and ``posixpath`` imports ``os``.
The decision path needs only the string functions and a few system calls, which ``posix`` (built in, already
loaded) has.  These are CPython 3.11's ``posixpath`` functions for ``str`` (and ``os.PathLike``) arguments, with
the same answers (tests/test_pathstr.py compares them with posixpath's); the process environment without ``os``
is daemon_path.environ.  Modules on the hook's path import this as ``posixpath`` does its callers; modules that
need more of ``os`` import it where they do.
"""

from __future__ import annotations

from posix import fspath, getcwd, lstat, mkdir, readlink, stat

TYPE_CHECKING = False
if TYPE_CHECKING:
    from os import PathLike

    StrPath = str | PathLike[str]

try:
    from posix import _path_normpath  # type: ignore[attr-defined]  # CPython >= 3.11.7 / 3.12: posixpath's own
except ImportError:  # pragma: no cover - older interpreters
    _path_normpath = None

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def isabs(s: StrPath) -> bool:
    return fspath(s).startswith("/")


def join(a: StrPath, *p: StrPath) -> str:
    """posixpath.join: a part that is absolute discards the parts before it."""
    path: str = fspath(a)
    for part in p:
        b: str = fspath(part)
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p: StrPath) -> tuple[str, str]:
    p = fspath(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p: StrPath) -> str:
    p = fspath(p)
    return p[p.rfind("/") + 1 :]


def dirname(p: StrPath) -> str:
    p = fspath(p)
    head = p[: p.rfind("/") + 1]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def normpath(path: StrPath) -> str:
    """posixpath.normpath: double slashes, `.` and `..` resolved in the string (one or two leading slashes kept)."""
    path = fspath(path)
    if _path_normpath is not None:
        got: str = _path_normpath(path)
        return got or "."
    if path == "":  # pragma: no cover - older interpreters: posixpath's Python version
        return "."
    initial_slashes = 1 if path.startswith("/") else 0
    if initial_slashes and path.startswith("//") and not path.startswith("///"):
        initial_slashes = 2
    comps: list[str] = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial_slashes and not comps) or (comps and comps[-1] == ".."):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = "/".join(comps)
    if initial_slashes:
        path = "/" * initial_slashes + path
    return path or "."


def abspath(path: StrPath) -> str:
    path = fspath(path)
    if not path.startswith("/"):
        path = join(getcwd(), path)
    return normpath(path)


def commonpath(paths: list[str] | tuple[str, ...]) -> str:
    """posixpath.commonpath for str paths."""
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple(map(fspath, paths))
    try:
        (absolute,) = {p[:1] == "/" for p in paths}
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s.split("/") if c and c != "."] for s in paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    return ("/" if absolute else "") + "/".join(common)


def expanduser(path: StrPath) -> str:
    """posixpath.expanduser: `~` from $HOME (else the password database), `~user` from the password database."""
    path = fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    if i == 1:
        from .daemon_path import environ

        home = environ().get("HOME")
        if home is None:
            try:
                import pwd
                from posix import getuid

                home = pwd.getpwuid(getuid()).pw_dir
            except (ImportError, KeyError):
                return path
        userhome: str = home
    else:
        try:
            import pwd

            userhome = pwd.getpwnam(path[1:i]).pw_dir
        except (ImportError, KeyError):
            return path
    userhome = userhome.rstrip("/")
    return (userhome + path[i:]) or "/"


def realpath(filename: StrPath) -> str:
    """posixpath.realpath (not strict): every symbolic link on the way resolved, a loop left as it is."""
    path, _ = _joinrealpath("", fspath(filename), {})
    return abspath(path)


def _joinrealpath(path: str, rest: str, seen: dict[str, str | None]) -> tuple[str, bool]:
    if rest.startswith("/"):
        rest = rest[1:]
        path = "/"
    missing = False  # the path so far cannot be looked at (absent, not a folder, not searchable): nor what is below it
    while rest:
        name, _, rest = rest.partition("/")
        if not name or name == ".":
            continue
        if name == "..":
            missing = False
            if path:
                path, name = split(path)
                if name == "..":
                    path = join(path, "..", "..")
            else:
                path = ".."
            continue
        newpath = join(path, name)
        if missing:
            path = newpath  # (one lstat per name below an absent folder made a deep path quadratic: issue 16, adv16b)
            continue
        try:
            is_link = lstat(newpath).st_mode & _S_IFMT == _S_IFLNK
        except OSError:
            is_link = False
            missing = True
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            known = seen[newpath]
            if known is not None:
                path = known
                continue
            return join(newpath, rest), False  # a loop: the part resolved, and the rest as it is
        seen[newpath] = None
        path, ok = _joinrealpath(path, readlink(newpath), seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def exists(path: StrPath) -> bool:
    try:
        stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path: StrPath) -> bool:
    try:
        lstat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path: StrPath) -> bool:
    try:
        return stat(path).st_mode & _S_IFMT == _S_IFREG
    except (OSError, ValueError):
        return False


def isdir(path: StrPath) -> bool:
    try:
        return stat(path).st_mode & _S_IFMT == _S_IFDIR
    except (OSError, ValueError):
        return False


def getsize(path: StrPath) -> int:
    size: int = stat(path).st_size
    return size


def makedirs(name: str, mode: int = 0o777, exist_ok: bool = False) -> None:
    """os.makedirs: the folder and every missing parent."""
    head, tail = split(name)
    if not tail:
        head, tail = split(head)
    if head and tail and not exists(head):
        try:  # noqa: SIM105 - contextlib is not loaded on the hook's path
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # another process created it meanwhile
        if tail == ".":
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not isdir(name):
            raise


def relpath(path: StrPath, start: StrPath = ".") -> str:
    """posixpath.relpath: *path* from *start* (both made absolute against the working directory)."""
    if not path:
        raise ValueError("no path specified")
    start_list = [x for x in abspath(start).split("/") if x]
    path_list = [x for x in abspath(path).split("/") if x]
    i = 0
    for a, b in zip(start_list, path_list):
        if a != b:
            break
        i += 1
    rel_list = [".."] * (len(start_list) - i) + path_list[i:]
    return join(*rel_list) if rel_list else "."


def fsencode(name: str) -> bytes:
    """os.fsencode for a str: the file system's encoding and error handler."""
    import sys

    return name.encode(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
