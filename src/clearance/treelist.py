"""The names in a tree a command is about to unpack or copy (an archive's members, a directory's contents): the I/O edge.

Read by the hook (context.build_context fills Context.list_tree) when a command extracts an archive or copies a directory
tree, so that the engine can judge every member that lands somewhere (`tar xf x.tar` planting `.claude/settings.json`)
as the write it is.  Only names are read, never contents, within fixed bounds (members, bytes of a compressed stream,
time); tarfile and zipfile are imported here only, on this path.  Whatever cannot be listed within them is answered
with the reason, and the engine treats the tree as unknown.
"""

from __future__ import annotations

import os
import stat
import time

from . import pathstr

MAX_MEMBERS = 2000
# A compressed tar is read through to list it; a zip or a plain tar is listed from its directory or headers.
MAX_STREAM_BYTES = 32 * 1024 * 1024
MAX_SECONDS = 0.3
# Members whose text is read (they land where a tool loads them), per decision, and the most read of each.
MAX_READ = 32
MAX_MEMBER_BYTES = 64 * 1024
# A patch too large for Context.read_file is read this far for the lines that name its files.
MAX_PATCH_BYTES = 8 * 1024 * 1024
_PATCH_HEADS = ("diff --git ", "+++ ", "--- ", "*** ", "Index: ", "rename from ", "rename to ", "copy to ")

# (members, why not): the relative paths, or () and the reason they could not be listed.
Listing = tuple[tuple[str, ...], str]


def list_tree(path: str, kind: str) -> Listing:
    """The relative paths of what unpacking (*kind* "archive") or copying (*kind* "dir") *path* creates, or ((), why not);
    for a patch (*kind* "patch"), the header lines that name the files it writes (patchtext.targets reads them).

    "archive" names members as GNU tar and unzip write them (a leading / dropped, a name with `..` refused). An extractor
    that keeps the names as the archive gives them (adversarial round 20a) is listed with *kind* "archive-raw" (`..`
    and absolute names kept: cpio -i, Python's tarfile without a filter) or "archive-dotdot" (`..` kept, a leading /
    dropped: `unzip -:`); such a member is named `../x` or `/abs/x`.

    A member that is a link leading out of the tree is a reason not to list it: what follows it lands elsewhere."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return (), "it is not there to be read before it runs"
    if kind == "dir":
        if not stat.S_ISDIR(st.st_mode):
            return (), ""  # a file copied by name: its write is judged as written
        return _walk(path)
    if kind == "links":
        return _links_out(path) if stat.S_ISDIR(st.st_mode) else ((), "")
    if not stat.S_ISREG(st.st_mode):
        return (), "it is not a regular file"
    if kind == "patch":
        return _patch(path, st.st_size)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return (), "it cannot be read"
    keep = kind[len("archive-") :] if kind.startswith("archive-") else ""
    if head.startswith(b"PK"):
        return _zip(path, keep)
    return _tar(path, st.st_size, head, keep)


def _clean(name: str, keep: str = "") -> str | None:
    """A member name as the extractor writes it (leading / and ./ dropped), or None for one it refuses (..).

    *keep* "dotdot": `..` is kept (`../x`, what escapes the folder); "raw": an absolute name is kept too (`/abs/x`)."""
    name = name.replace("\\", "/")
    if keep == "raw" and name.startswith("/"):
        n = pathstr.normpath(name)
        return n if n != "/" else None
    if keep:
        n = pathstr.normpath(name.lstrip("/"))
        return n if n not in (".", "..") else None
    n = pathstr.normpath("/" + name.lstrip("/"))[1:]
    if not n or n == ".":
        return None
    if n.split("/", 1)[0] == "..":
        return None
    return n


def _escapes(member: str, target: str) -> bool:
    if not target or target.startswith("/"):
        return bool(target)
    joined = pathstr.normpath(pathstr.join(pathstr.dirname(member), target))
    return joined == ".." or joined.startswith("../")


def _zip(path: str, keep: str = "") -> Listing:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                return (), f"it has more than {MAX_MEMBERS} members"
            out = []
            for info in infos:
                n = _clean(info.filename, keep)
                if n is None:
                    continue
                if stat.S_ISLNK(info.external_attr >> 16):
                    if info.file_size > 4096:
                        return (), "a member is a link clearance cannot read"
                    if _escapes(n, zf.read(info).decode("utf-8", "replace")):
                        return (), f"the member {n} is a link out of the tree"
                out.append(n)
            return tuple(out), ""
    except Exception:  # a damaged or unknown archive: bad zip, bad headers, unsupported compression
        return (), "it is not an archive clearance can list"


def _tar(path: str, size: int, head: bytes, keep: str = "") -> Listing:
    compressed = head.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"\x28\xb5\x2f\xfd"))
    if head.startswith(b"\x28\xb5\x2f\xfd"):
        return (), "it is compressed with zstd, which clearance cannot list"
    if compressed and size > MAX_STREAM_BYTES:
        return (), f"it is a compressed archive over {MAX_STREAM_BYTES // (1024 * 1024)} MiB"
    import tarfile

    deadline = time.monotonic() + MAX_SECONDS
    out: list[str] = []
    try:
        with tarfile.open(path, "r:*") as tf:
            for m in tf:
                if len(out) >= MAX_MEMBERS:
                    return (), f"it has more than {MAX_MEMBERS} members"
                if time.monotonic() > deadline:
                    return (), "listing it took too long"
                n = _clean(m.name, keep)
                if n is None:
                    continue
                if (m.issym() and _escapes(n, m.linkname)) or (m.islnk() and _clean(m.linkname) is None):
                    return (), f"the member {n} is a link out of the tree"
                out.append(n)
    except Exception:  # not a tar, a truncated one, an unknown compression
        return (), "it is not an archive clearance can list"
    return tuple(out), ""


def _walk(top: str) -> Listing:
    """The entries under a directory, as cp -R and rsync -a copy them (links copied as links, not followed)."""
    deadline = time.monotonic() + MAX_SECONDS
    out: list[str] = []
    stack = [""]
    while stack:
        rel = stack.pop()
        try:
            with os.scandir(os.path.join(top, rel) if rel else top) as it:
                for entry in it:
                    r = rel + "/" + entry.name if rel else entry.name
                    out.append(r)
                    if len(out) > MAX_MEMBERS:
                        return (), f"it holds more than {MAX_MEMBERS} files"
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(r)
        except OSError:
            return (), "a directory in it cannot be read"
        if time.monotonic() > deadline:
            return (), "listing it took too long"
    return tuple(out), ""


def _links_out(top: str) -> Listing:
    """Where the symbolic links under a directory lead, for those that lead out of it (their real paths): what a
    traversal following links (`find -L`, `chown -RL`) acts on beyond the folder it is given (adversarial round 15c).
    Within the same bounds as _walk; past them the reason is given and the tree is unknown."""
    deadline = time.monotonic() + MAX_SECONDS
    real_top = os.path.realpath(top)
    out: list[str] = []
    stack = [""]
    seen = 0
    while stack:
        rel = stack.pop()
        try:
            with os.scandir(os.path.join(top, rel) if rel else top) as it:
                for entry in it:
                    r = rel + "/" + entry.name if rel else entry.name
                    seen += 1
                    if seen > MAX_MEMBERS * 5:
                        return (), f"it holds more than {MAX_MEMBERS * 5} files"
                    if entry.is_symlink():
                        target = os.path.realpath(entry.path)
                        if target != real_top and not target.startswith(real_top.rstrip("/") + "/") and target not in out:
                            out.append(target)
                    elif entry.is_dir(follow_symlinks=False) and entry.name != ".git":
                        stack.append(r)
        except OSError:
            return (), "a directory in it cannot be read"
        if time.monotonic() > deadline:
            return (), "listing it took too long"
    return tuple(out), ""


def _patch(path: str, size: int) -> Listing:
    if size > MAX_PATCH_BYTES:
        return (), f"it is a patch over {MAX_PATCH_BYTES // (1024 * 1024)} MiB"
    try:
        with open(path, "rb") as fh:
            text = fh.read(MAX_PATCH_BYTES).decode("utf-8", "replace")
    except OSError:
        return (), "it cannot be read"
    heads = []
    for line in text.splitlines():
        if line.startswith(("new file mode 120000", "new mode 120000")):
            return (), "it makes a symbolic link, which may lead out of the tree"  # (patchtext.links reads its target)
        if line.lower().startswith("content-transfer-encoding:") and line.split(":", 1)[1].strip().lower() in ("base64", "quoted-printable"):
            return (), "it holds a mail whose body is encoded"  # (patchtext._mime_decoded reads it)
        if line.lstrip(" \t").startswith(_PATCH_HEADS):
            heads.append(line)
    return tuple(heads), ""


def read_member(path: str, kind: str, member: str) -> str | None:
    """The text of *member* of the archive or folder *path* (as list_tree named it), or None: not found, not a regular
    file, larger than MAX_MEMBER_BYTES, or unreadable."""
    try:
        if kind == "dir":
            full = os.path.join(path, member)
            st = os.lstat(full)
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_MEMBER_BYTES:
                return None
            with open(full, "rb") as fh:
                return fh.read(MAX_MEMBER_BYTES).decode("utf-8", "replace")
        with open(path, "rb") as fh:
            head = fh.read(8)
        if head.startswith(b"PK"):
            import zipfile

            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    if _clean(info.filename) == member and not info.is_dir() and info.file_size <= MAX_MEMBER_BYTES:
                        return zf.read(info).decode("utf-8", "replace")
            return None
        if os.path.getsize(path) > MAX_STREAM_BYTES:
            return None
        import tarfile

        with tarfile.open(path, "r:*") as tf:
            for m in tf:
                if _clean(m.name) == member:
                    if not m.isreg() or m.size > MAX_MEMBER_BYTES:
                        return None
                    got = tf.extractfile(m)
                    return got.read(MAX_MEMBER_BYTES).decode("utf-8", "replace") if got is not None else None
    except Exception:  # a damaged archive: the member is not read
        return None
    return None
