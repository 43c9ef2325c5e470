"""The disk side of provenance.py, where the hook runs: repositories, refs, the index, containers and databases.

Everything here answers conservatively: what cannot be read or told (no repository, an unreadable index, a docker
or psql that does not answer) makes an object not the session's own, never its own.  Imported only by the hook's
note step and the provenance reader, so the decision path of other calls never loads it.
"""

from __future__ import annotations

import posix

from . import pathstr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from .provenance import Provenance

MAX_FILE = 4 << 20  # a file edited beyond this is not followed (its edits cannot be discarded as the session's own)
MAX_INDEX = 64 << 20
PROBE_TIMEOUT_S = 3.0


def git_dirs(where: str) -> tuple[str, str, str] | None:
    """(work tree top, its git directory, the repository's common directory) for a directory, read from the
    `.git` entries upwards (a linked worktree's `.git` file names its git directory, whose `commondir` names the
    repository's); None outside a repository.  Read afresh every time (the daemon decides many calls in one process,
    and the session makes repositories and worktrees as it goes)."""
    got = None
    d = pathstr.normpath(where)
    for _ in range(64):
        dot = pathstr.join(d, ".git")
        if pathstr.isdir(dot):
            got = (d, dot, dot)
            break
        if pathstr.isfile(dot):
            try:
                with open(dot, encoding="utf-8") as f:
                    line = f.read(4096).strip()
            except (OSError, UnicodeDecodeError):
                break
            if not line.startswith("gitdir: "):
                break
            gitdir = pathstr.normpath(pathstr.join(d, line[8:]))
            common = gitdir
            try:
                with open(pathstr.join(gitdir, "commondir"), encoding="utf-8") as f:
                    common = pathstr.normpath(pathstr.join(gitdir, f.read(4096).strip()))
            except (OSError, UnicodeDecodeError):
                pass
            got = (d, gitdir, common)
            break
        parent = pathstr.dirname(d)
        if parent == d:
            break
        d = parent
    return got


def common_dir(where: str) -> str | None:
    """The repository a directory belongs to (its common git directory): branches are the repository's, shared by
    all its worktrees."""
    dirs = git_dirs(where)
    return dirs[2] if dirs is not None else None


def ref_exists(common: str, ref: str) -> bool | None:
    """Whether *ref* (`refs/heads/x`) exists, loose or packed; None when it cannot be told (a reftable repository)."""
    if pathstr.isdir(pathstr.join(common, "reftable")):
        return None
    if pathstr.lexists(pathstr.join(common, ref)):
        return True
    try:
        with open(pathstr.join(common, "packed-refs"), encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.rstrip("\n").endswith(" " + ref):
                    return True
    except FileNotFoundError:
        return False
    except OSError:
        return None
    return False


def tracked_remotes(common: str) -> list[tuple[str, str]]:
    """(branch, remote) for each branch of the repository at *common* whose upstream is a remote (branch.<b>.remote)
    other than origin or the repository itself (`.`): where `git push` sends it under push.default=upstream
    (rules/git.push-target-change). The config's lines split at a newline only, as git splits them."""
    try:
        with open(pathstr.join(common, "config"), encoding="utf-8", errors="replace", newline="") as f:
            text = f.read(1 << 16)
    except OSError:
        return []
    out: list[tuple[str, str]] = []
    branch = None
    for raw in text.split("\n"):
        line = raw.strip(" \t\r")
        if line.startswith("["):
            name, _, sub = line[1:].split("]", 1)[0].strip().partition(" ")
            branch = sub.strip().strip('"') if name.lower() == "branch" and sub.strip() else None
            continue
        key, eq, value = line.partition("=")
        remote = value.strip(" \t").strip('"')
        if branch and eq and key.strip(" \t").lower() == "remote" and remote not in ("origin", ".", ""):
            out.append((branch, remote))
    return out[:16]


def current_branch(gitdir: str) -> str | None:
    try:
        with open(pathstr.join(gitdir, "HEAD"), encoding="utf-8") as f:
            head = f.read(4096).strip()
    except (OSError, UnicodeDecodeError):
        return None
    return head[16:] if head.startswith("ref: refs/heads/") else None


def git_object(kind: str, key: str, record: Provenance) -> str | None:
    """The record line's body for a branch (``b``: where, name) or a pushed branch (``r``: where, remote, src, dst)
    when it is new; None when it existed, is not the session's, or cannot be told."""
    from .provenance import shared_branch

    where, _, rest = key.partition("\t")
    dirs = git_dirs(where)
    if dirs is None:
        return None
    _top, gitdir, common = dirs
    if kind == "b":
        name = rest
        if shared_branch(name) or ref_exists(common, "refs/heads/" + name) is not False:
            return None
        return f"{common}\t{name}"
    remote, _, refs = rest.partition("\t")
    src, _, dst = refs.partition("\t")
    if src == "HEAD":
        src = current_branch(gitdir) or ""
        if dst == "HEAD":
            dst = src
    if not src or not dst or shared_branch(dst) or "/" in remote:
        return None
    if f"b\t{common}\t{src}" not in record.objects:
        return None  # only a branch the session made itself, pushed first by the session
    if ref_exists(common, f"refs/remotes/{remote}/{dst}") is not False:
        return None  # the remote had it already (as far as this clone knows)
    return f"{common}\t{remote}\t{dst}"


# -- files and the index -------------------------------------------------------------------------------------------


def blob_id(data: bytes) -> str:
    import hashlib

    return hashlib.sha1(b"blob %d\x00" % len(data) + data, usedforsecurity=False).hexdigest()


def file_blob(path: str) -> str | None:
    """The git blob id of a regular file's contents now; None for anything else or too large."""
    import stat

    try:
        st = posix.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE:
            return None
        with open(path, "rb") as f:
            return blob_id(f.read(MAX_FILE + 1))
    except OSError:
        return None


def blob_after(path: str, tool_input: object) -> str | None:
    """The blob id the file will have after a Write/Edit/MultiEdit of it (from the tool's input and the file now);
    None when the call is anything else or the result cannot be computed."""
    if not isinstance(tool_input, dict) or tool_input.get("file_path") != path:
        return None
    content = tool_input.get("content")
    if isinstance(content, str) and "old_string" not in tool_input:
        return blob_id(content.encode("utf-8"))
    try:
        with open(path, "rb") as f:
            before = f.read(MAX_FILE + 1).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    from .patchtext import apply_edits

    text = apply_edits(before, tool_input)
    return None if text is None else blob_id(text.encode("utf-8"))


def _index_entries(gitdir: str) -> tuple[list[tuple[bytes, str, int, int, int, int]], float] | None:
    """Every entry of the index (git's format, versions 2 to 4): (path, blob id, flags, mtime s, mtime ns, size),
    and the index file's own mtime; None when it cannot be read."""
    try:
        with open(pathstr.join(gitdir, "index"), "rb") as f:
            st = posix.fstat(f.fileno())
            data = f.read(MAX_INDEX + 1)
    except OSError:
        return None
    if len(data) > MAX_INDEX or len(data) < 12 or data[:4] != b"DIRC":
        return None
    version = int.from_bytes(data[4:8], "big")
    count = int.from_bytes(data[8:12], "big")
    if version not in (2, 3, 4):
        return None
    out: list[tuple[bytes, str, int, int, int, int]] = []
    pos, prev = 12, b""
    for _ in range(count):
        start = pos
        if pos + 62 > len(data):
            return None
        mtime_s = int.from_bytes(data[pos + 8 : pos + 12], "big")
        mtime_ns = int.from_bytes(data[pos + 12 : pos + 16], "big")
        size = int.from_bytes(data[pos + 36 : pos + 40], "big")
        sha = data[pos + 40 : pos + 60].hex()
        flags = int.from_bytes(data[pos + 60 : pos + 62], "big")
        pos += 62
        if flags & 0x4000 and version >= 3:
            pos += 2
        if version == 4:
            strip, pos = _varint(data, pos)
            end = data.find(b"\x00", pos)
            if end < 0 or strip > len(prev):
                return None
            name = prev[: len(prev) - strip] + data[pos:end]
            pos = end + 1
        else:
            end = data.find(b"\x00", pos)
            if end < 0:
                return None
            name = data[pos:end]
            pos = start + ((62 + (2 if flags & 0x4000 and version >= 3 else 0) + len(name)) // 8 + 1) * 8
        prev = name
        out.append((name, sha, flags, mtime_s, mtime_ns, size))
    return out, st.st_mtime


def index_blob(gitdir: str, rel: str) -> str | None:
    """The blob id the index holds for *rel* at stage 0; None when the path is not there, is in conflict, or the
    index cannot be read."""
    got = _index_entries(gitdir)
    if got is None:
        return None
    want = rel.encode("utf-8")
    found = None
    for name, sha, flags, _s, _ns, _size in got[0]:
        if name == want:
            if flags & 0x3000:
                return None  # a merge conflict: stages 1-3
            found = sha
    return found


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    c = data[pos]
    pos += 1
    val = c & 127
    while c & 128 and pos < len(data):
        c = data[pos]
        pos += 1
        val = ((val + 1) << 7) | (c & 127)
    return val, pos


def discardable(path: str, chain: tuple[str, str, bool]) -> bool:
    """Whether every uncommitted change of *path* is the session's own: its first edit found the file as the index
    holds it, no one changed it between the session's edits, and it is still as the session's last edit left it."""
    before, after, broken = chain
    if broken or after == "?":
        return False
    if file_blob(path) != after:
        return False
    dirs = git_dirs(pathstr.dirname(path))
    if dirs is None:
        return False
    top, gitdir, _ = dirs
    rel = pathstr.relpath(path, top)
    if rel.startswith(".."):
        return False
    return index_blob(gitdir, rel) == before


# -- what deleting a project directory would lose ----------------------------------------------------------------

WALK_MAX = 2000  # entries looked at below a directory before giving up ("unknown": the rule's verdict stands)
WALK_BUDGET_S = 0.05


def dir_state(path: str, project_root: str, start_ns: int | None) -> str:
    """What `rm -rf PATH` would lose, looked at on disk within WALK_MAX entries and WALK_BUDGET_S:

    - ``own``: nothing in it is tracked by git and every entry (the directory too) was made after the session's
      first call (*start_ns*): the session's own product, like a directory provenance.py saw it make;
    - ``clean``: every file in it is tracked and as the index holds it (the index is what `git checkout` restores;
      generated files -- caches, build output -- aside): it can be had back;
    - ``generated``: nothing in it is tracked and its tool marks it as a cache at its top, with a mark older than the
      session (a ``CACHEDIR.TAG`` with the standard's signature, or a ``.gitignore`` ignoring everything, as pytest,
      mypy, ruff, uv and virtualenv write them): regenerable output, whatever its name;
    - ``ignored``: nothing in it is tracked and a ``.gitignore`` of the repository names it (or a directory above it):
      build output or local data the project keeps out of git; git has no copy, but it is not the project's source;
    - ``dirty``: anything else (an untracked file that existed before the session, a modified file, a nested
      repository, no repository at all);
    - ``file``: a regular file (`rm -rf Makefile`): one file, as `rm Makefile` deletes it;
    - ``unknown``: the project itself, `.git`, a symlink, nothing there, or too large or slow to look at.

    An entry's age is its birth time (macOS's st_birthtime, Linux's statx where the file system keeps one), else its
    status-change time, which is the later of its creation and any change since: there, a file older than the
    session that the session changed looks new (a gap: touching every file of an untracked folder, then deleting it)."""
    import stat
    import time

    from .paths import is_generated

    path = pathstr.normpath(path)
    root = pathstr.normpath(project_root)
    if path == root or not path.startswith(root.rstrip("/") + "/") or "/.git/" in path + "/":
        return "unknown"
    deadline = time.perf_counter() + WALK_BUDGET_S
    try:
        top = posix.lstat(path)
    except OSError:
        return "unknown"
    if stat.S_ISREG(top.st_mode):
        return "file"  # one regular file, whatever -r says: deleting it is `rm FILE`
    if not stat.S_ISDIR(top.st_mode):
        return "unknown"
    entries: list[tuple[str, posix.stat_result]] = [("", top)]
    stack = [""]
    while stack:
        rel = stack.pop()
        try:
            with posix.scandir(pathstr.join(path, rel) if rel else path) as it:
                for e in it:
                    if len(entries) >= WALK_MAX or time.perf_counter() > deadline:
                        return "unknown"
                    sub = f"{rel}/{e.name}" if rel else e.name
                    st = e.stat(follow_symlinks=False)
                    entries.append((sub, st))
                    if stat.S_ISDIR(st.st_mode):
                        stack.append(sub)
        except OSError:
            return "unknown"
    dirs = git_dirs(pathstr.dirname(path))
    tracked: dict[bytes, tuple[str, int, int, int, int]] = {}
    index_mtime = 0.0
    nested = any(name == ".git" for name, _ in entries[1:] if "/" not in name)
    if dirs is not None and not nested:
        wtop, gitdir, _ = dirs
        prefix = (pathstr.relpath(path, wtop) + "/").encode("utf-8")
        got = _index_entries(gitdir)
        if got is None:
            return "unknown"
        index_mtime = got[1]
        for name, sha, flags, m_s, m_ns, size in got[0]:
            if name.startswith(prefix):
                tracked[name[len(prefix) :]] = (sha, flags, m_s, m_ns, size)
    if not tracked:
        if nested:
            return "dirty"
        if start_ns is not None and _tool_marked(path, start_ns):
            return "generated"
        if start_ns is not None and _all_new(path, entries, start_ns):
            return "own"
        if dirs is not None and _ignored(path, dirs[0]):
            return "ignored"
        return "dirty"
    for rel, st in entries[1:]:
        if time.perf_counter() > deadline:
            return "unknown"
        if stat.S_ISDIR(st.st_mode) or is_generated(f"{path}/{rel}", root):
            continue
        want = tracked.get(rel.encode("utf-8"))
        if want is None or want[1] & 0x3000:
            return "dirty"  # untracked, or in conflict
        sha, _flags, m_s, m_ns, size = want
        if st.st_size != size:
            return "dirty"
        if m_s == int(st.st_mtime) and m_ns == st.st_mtime_ns % 1_000_000_000 and st.st_mtime < index_mtime:
            continue  # as git itself reads it: same size and time, written before the index was
        if stat.S_ISLNK(st.st_mode):
            try:
                now = blob_id(pathstr.fsencode(posix.readlink(pathstr.join(path, rel))))
            except OSError:
                return "unknown"
        else:
            got_blob = file_blob(pathstr.join(path, rel))
            if got_blob is None:
                return "unknown"
            now = got_blob
        if now != sha:
            return "dirty"
    return "clean"


def _all_new(path: str, entries: list[tuple[str, posix.stat_result]], start_ns: int) -> bool:
    """Every entry (the directory too) was made after the session's first call."""
    birth = _birth_reader()
    for rel, st in entries:
        born = getattr(st, "st_birthtime", None)
        t = int(born * 1e9) if isinstance(born, float) else None
        if t is None and birth is not None:
            t = birth(pathstr.join(path, rel) if rel else path)
        if (st.st_ctime_ns if t is None else t) < start_ns:
            return False
    return True


_CACHEDIR_SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"  # https://bford.info/cachedir/


def _tool_marked(path: str, start_ns: int) -> bool:
    """The directory's tool marks it as a cache at its top: a ``CACHEDIR.TAG`` beginning with the standard's signature
    (cargo, ruff, pytest), or a ``.gitignore`` whose one pattern is ``*`` (pytest, mypy, ruff, uv, virtualenv,
    Python 3.13's venv). The mark must be a regular file whose status last changed before the session's first call:
    one the session wrote, moved or touched is not the tool's (the status-change time, not the birth time, so that a
    mark moved into a folder of the user's does not count)."""
    import stat

    for name in ("CACHEDIR.TAG", ".gitignore"):
        f = pathstr.join(path, name)
        try:
            st = posix.lstat(f)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or st.st_size > 4096 or st.st_ctime_ns >= start_ns:
            continue
        try:
            with open(f, "rb") as fh:
                text = fh.read(4096)
        except OSError:
            continue
        if name == "CACHEDIR.TAG":
            if text.startswith(_CACHEDIR_SIGNATURE):
                return True
        elif [ln for ln in (raw.strip() for raw in text.decode("utf-8", "replace").splitlines()) if ln and not ln.startswith("#")] == ["*"]:
            return True
    return False


def _ignored(path: str, top: str) -> bool:
    """A ``.gitignore`` from the work tree's top down to the directory's parent names the directory or a directory
    above it (the last pattern that matches decides, a ``!`` pattern re-including; patterns read as git does for
    names and anchored paths, ``**/`` leading; a wildcard in an anchored path may match across ``/``, which only
    widens what is asked rather than denied)."""
    from fnmatch import fnmatchcase

    rel = pathstr.relpath(path, top)
    if rel.startswith("..") or rel == ".":
        return False
    parts = rel.split("/")
    for depth in range(1, len(parts) + 1):  # the directory and each directory above it, from the top down
        verdict = None
        for base_n in range(depth):  # .gitignore files of the top and the directories down to the candidate's parent
            base = pathstr.join(top, *parts[:base_n])
            try:
                with open(pathstr.join(base, ".gitignore"), encoding="utf-8", errors="replace") as fh:
                    lines = fh.read(65536).splitlines()
            except OSError:
                continue
            sub = "/".join(parts[base_n:depth])
            name = parts[depth - 1]
            for raw in lines:
                pat = raw.strip()
                if not pat or pat.startswith("#"):
                    continue
                negate = pat.startswith("!")
                pat = pat[1:] if negate else pat
                pat = pat.rstrip("/")
                while pat.startswith("**/"):
                    pat = pat[3:]
                if not pat:
                    continue
                hit = fnmatchcase(sub, pat.lstrip("/")) if "/" in pat else fnmatchcase(name, pat)
                if hit:
                    verdict = not negate
        if verdict:
            return True
    return False


_BIRTH: list[object] = []


def _birth_reader() -> Callable[[str], int | None] | None:
    """Linux's birth time through statx(2) (posix.stat has none before Python 3.12's platforms), found once per
    process; None where the C library has no statx.  The reader answers None where the file system keeps none."""
    if _BIRTH:
        got = _BIRTH[0]
        return got if callable(got) else None
    reader = None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        statx = libc.statx
        buf = ctypes.create_string_buffer(256)

        def reader_fn(p: str) -> int | None:
            # statx(AT_FDCWD, p, AT_SYMLINK_NOFOLLOW, STATX_BTIME, &buf): stx_mask at 0, stx_btime at 80 (sec, nsec)
            if statx(-100, pathstr.fsencode(p), 0x100, 0x800, buf) != 0:
                return None
            raw = buf.raw
            if not int.from_bytes(raw[0:4], "little") & 0x800:
                return None
            return int.from_bytes(raw[80:88], "little", signed=True) * 1_000_000_000 + int.from_bytes(raw[88:92], "little")

        reader = reader_fn
    except (OSError, AttributeError, ImportError):
        reader = None
    _BIRTH.append(reader)
    return reader


# -- containers, volumes, compose projects, databases --------------------------------------------------------------


def object_exists(kind: str, key: str) -> bool | None:
    """Whether a container (c), volume (v), compose project (k) or database (q) exists now, asked of docker/podman
    or psql with a short timeout; None when it cannot be told (not installed, another daemon, no answer)."""
    host, _, name = key.partition("\t")
    if kind in "cvk":
        tool, _, where = host.partition("@")
        if where or tool not in ("docker", "podman"):
            return None  # another daemon than the default: not probed
        if kind == "c":
            return _inspect([tool, "container", "inspect", name])
        if kind == "v":
            return _inspect([tool, "volume", "inspect", name])
        label = f"label=com.docker.compose.project={name}"
        a = _listing([tool, "ps", "-a", "-q", "--filter", label])
        b = _listing([tool, "volume", "ls", "-q", "--filter", label])
        if a is None or b is None:
            return None
        return bool(a or b)
    if kind == "q":
        server, _, port = host.partition(":")
        argv = ["psql", "-w", "-lqtA"] + (["-h", server] if server else []) + (["-p", port] if port else [])
        out = _listing(argv)
        if out is None:
            return None
        return any(line.split("|", 1)[0] == name for line in out)
    return None


def _run(argv: list[str]) -> tuple[int, str, str] | None:
    import subprocess

    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return p.returncode, p.stdout, p.stderr


def _inspect(argv: list[str]) -> bool | None:
    got = _run(argv)
    if got is None:
        return None
    rc, _out, err = got
    if rc == 0:
        return True
    return False if "no such" in err.lower() else None


def _listing(argv: list[str]) -> list[str] | None:
    got = _run(argv)
    if got is None or got[0] != 0:
        return None
    return [line for line in got[1].splitlines() if line.strip()]
