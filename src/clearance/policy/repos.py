"""Which repository a project is, for the managed policy's per-repository sections.

A ``[[repositories]]`` section of the managed policy applies to the projects it names by git
remote (``github.com/acme/payments``, ``github.com/acme/*``) or by directory
(``~/work/payments``, ``/srv/checkouts/**``).  The project's remotes are read from its git
configuration (``.git/config``, or a worktree's common directory): the file system is read
here, at the edge, and the merge stays a function of its inputs.
"""

from __future__ import annotations

import fnmatch
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_CONFIG_BYTES = 256 * 1024


class Identity:
    """A project's root directory (as given, and with symbolic links resolved), the normalised URLs of its git
    remotes now, and the remotes clearance saw the first time it met this checkout (``first``)."""

    __slots__ = ("root", "real", "remotes", "first")

    def __init__(self, root: str, remotes: tuple[str, ...] = (), real: str = "", first: tuple[str, ...] | None = None) -> None:
        self.root = _clean(root)
        self.real = _clean(real) if real else self.root
        self.remotes = remotes
        self.first = remotes if first is None else first

    def key(self) -> str:
        return self.root + "|" + self.real + "|" + ",".join(self.remotes) + "|" + ",".join(self.first)


def _clean(path: str) -> str:
    """A directory without `.`, `..` and trailing slashes (`/srv/ci/../payments/` is `/srv/payments`)."""
    if path.startswith("/"):
        path = os.path.normpath(path)
    return path.rstrip("/") or "/"


def _git_dir(root: str) -> str | None:
    dot = os.path.join(root, ".git")
    if os.path.isdir(dot):
        return dot
    try:
        with open(dot, encoding="utf-8") as f:
            first = f.readline(4096).strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not first.startswith("gitdir:"):
        return None
    gd = first[len("gitdir:") :].strip()
    gd = gd if os.path.isabs(gd) else os.path.normpath(os.path.join(root, gd))
    try:
        with open(os.path.join(gd, "commondir"), encoding="utf-8") as f:
            common = f.readline(4096).strip()
        return common if os.path.isabs(common) else os.path.normpath(os.path.join(gd, common))
    except OSError:
        return gd


def remote_urls(config_text: str) -> list[str]:
    """The ``url`` values of ``[remote "NAME"]`` sections of a git config file, its lines read as git reads them: split
    at a newline only and trimmed of ASCII blanks (str.splitlines() also splits at U+2028, a vertical tab or a form
    feed, which git keeps inside the value: a second url or a section header hidden there is none to git)."""
    urls: list[str] = []
    in_remote = False
    for raw in config_text.split("\n"):
        line = raw.strip(" \t\r")
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            head = line[1:].split("]", 1)[0].strip()
            in_remote = head.split(None, 1)[0].lower() == "remote" if head else False
            continue
        if in_remote:
            key, eq, value = line.partition("=")
            if eq and key.strip(" \t").lower() in ("url", "pushurl"):
                v = value.strip(" \t\r")
                if len(v) > 1 and v[0] == v[-1] == '"':
                    v = v[1:-1]
                urls.append(v)
    return urls


def canonical_remote(url: str) -> str:
    """host/path of a remote as the server reads it: trust.normalise_remote, then ssh's default port dropped,
    repeated slashes collapsed and `.`/`..` resolved (curl and git's http client resolve them before asking:
    `https://github.com/acme/sandbox/../payments` fetches acme/payments)."""
    from .. import pathstr
    from ..trust import normalise_remote

    r = normalise_remote(url)
    host, sep, path = r.partition("/")
    if not sep:
        return r
    if host.endswith(":22"):
        host = host[:-3]
    path = pathstr.normpath("/" + path).lstrip("/")
    return f"{host}/{path}" if path and path != "." else host


def identity(root: str, env: Any = None) -> Identity:
    """The project at *root*: its path, its real path and its remotes (none when it is not a git checkout or the
    config is unreadable).  With *env*, also the remotes first seen for this checkout (``first_seen``)."""
    remotes = _remotes_of(root)
    real = os.path.realpath(root) if root.startswith("/") else root
    first = first_seen(_clean(real), tuple(remotes), env) if env is not None else None
    if env is not None and root.startswith("/"):
        # The remotes of the work trees the project lies inside count as its first remotes: a section for the
        # repository still tightens a folder of it made a project of its own (`git init` or a clone there), and loosens
        # only when they match it too (adversarial round 14b).
        from .load import enclosing_tops

        outer = [r for top in enclosing_tops(_clean(root), env.get("HOME") or os.path.expanduser("~")) for r in _remotes_of(top)]
        if outer:
            first = tuple(sorted({*(remotes if first is None else first), *outer}))
    return Identity(root, tuple(remotes), real, first)


def _remotes_of(root: str) -> list[str]:
    """The normalised remote URLs of the checkout at *root* (none when it is not one or its config is unreadable)."""
    gd = _git_dir(root)
    if gd is None:
        return []
    try:
        with open(os.path.join(gd, "config"), "rb") as f:
            text = f.read(MAX_CONFIG_BYTES).decode("utf-8", "replace")
        return sorted({canonical_remote(u) for u in remote_urls(text) if u})
    except OSError:
        return []


def first_seen(real_root: str, remotes: tuple[str, ...], env: Any) -> tuple[str, ...]:
    """The remotes of *real_root* when clearance first met it, kept sealed in its state folder (which the agent
    may not write); recorded now when there is no verified record.

    The remotes are in ``.git/config``, which the agent changes with ordinary commands (``git remote add``,
    ``remove``, ``rename`` are allowed): a section that loosens must not be one the agent picked for itself."""
    import hashlib
    import json

    from ..paths import state_dir
    from ..seal import read_sealed, write_sealed

    home = env.get("HOME") or os.path.expanduser("~")
    name = hashlib.blake2b(real_root.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
    path = os.path.join(state_dir(home, env), "repos", name + ".json")
    body = read_sealed(path, env)
    if body is not None:
        try:
            data = json.loads(body)
            if isinstance(data, dict) and data.get("root") == real_root and isinstance(data.get("remotes"), list):
                return tuple(str(r) for r in data["remotes"])
        except ValueError:
            pass
    write_sealed(path, json.dumps({"root": real_root, "remotes": list(remotes)}), env)
    return remotes


def _path_matches(root: str, pattern: str, home: str, within: bool = False) -> bool:
    """Whether the project at *root* is the one *pattern* names (`/**`: or one inside it). With *within* (to tighten),
    a project inside the named folder is named too: a subfolder of `~/work/payments` made its own project (`git init`
    there, a clone) keeps the section's deny and ask rules (fix14b; round 14b's open item)."""
    if not pattern.strip():
        return False  # a blank entry names no checkout (before, it was read as "/": every project, to tighten)
    pat = pattern.rstrip("/") or "/"
    if pat.startswith("~"):
        pat = home.rstrip("/") + pat[1:]
    if within and pat.startswith("/") and _dotted(pat):
        # To tighten, `~/work/../work/payments` names what it spells once `.` and `..` are read, as the checkout's own
        # path is (lint flags the entry: PL203); it never loosens, since a symbolic link can make `..` lead elsewhere.
        pat = os.path.normpath(pat)
    if pat.endswith("/**"):
        base = pat[:-3]
        return root == base or root.startswith(base + "/") or fnmatch.fnmatchcase(root, pat)
    if within and "*" not in pat and "?" not in pat and "[" not in pat and root.startswith(pat.rstrip("/") + "/"):
        return True
    return root == pat or fnmatch.fnmatchcase(root, pat)


def _dotted(path: str) -> bool:
    """Whether *path* has a `.` or `..` segment."""
    return any(seg in (".", "..") for seg in path.split("/"))


def section_matches(section: dict[str, Any], ident: Identity, home: str, loosen: bool = False) -> bool:
    """Does *section* name this project?

    To tighten (``loosen`` false: auto mode disabled, ask/deny rules) any sign is enough: one remote now or when
    first seen, the checkout's path as given or with symbolic links resolved.  To loosen (auto mode enabled,
    trust, allow rules) every sign must agree: every remote now and when first seen (at least one), or both
    paths -- so an added remote, a replaced origin or a symbolic link cannot put a checkout under a lenient section."""
    pats = [canonical_remote(p) for p in section.get("remotes", []) or []]
    paths = section.get("paths", []) or []
    if not loosen:
        # To tighten, `acme/payments` (no host) names acme/payments on any host, as a person reads it (lint flags it:
        # PL203); it never loosens, since any server may hold an acme/payments.
        pats += ["*/" + p for p in pats if p.count("/") == 1 and "." not in p.split("/")[0] and ":" not in p]

    def remote(r: str) -> bool:
        return any(fnmatch.fnmatchcase(r, p) for p in pats if p)

    def path(root: str) -> bool:
        return any(_path_matches(root, p, home, within=not loosen) for p in paths)

    every = (*ident.remotes, *ident.first)
    if not loosen:
        return any(remote(r) for r in every) or path(ident.root) or path(ident.real)
    by_remote = bool(pats) and bool(ident.remotes) and bool(ident.first) and all(remote(r) for r in every)
    return by_remote or (bool(paths) and path(ident.root) and path(ident.real))


def why_not_loosened(ident: Identity, section: dict[str, Any] | None = None) -> str:
    """Why a section that names this project only tightens it."""
    dotted = [p for p in (section or {}).get("paths") or [] if isinstance(p, str) and _dotted(p.strip().rstrip("/"))]
    if dotted:
        # before, a `..` in the section's path was explained as a remote or symbolic-link mismatch
        return f"its path {dotted[0]!r} has a `.` or `..` segment, which names a checkout only to tighten (PL203: write it without)"
    hostless = [r for r in (section or {}).get("remotes") or [] if isinstance(r, str) and canonical_remote(r).count("/") == 1 and "." not in r.split("/")[0]]
    if hostless:
        return f"its remote {hostless[0]!r} has no host, which names a repository only to tighten (PL203: write host/owner/repo)"
    if ident.real != ident.root:
        where = f"the checkout is {ident.real} (through a symbolic link)"
    else:
        where = ""
    if ident.first != ident.remotes:
        now = ", ".join(ident.remotes) or "none"
        then = ", ".join(ident.first) or "none"
        return f"the checkout's remotes ({now}) are not those clearance first saw ({then}); a section loosens only for the repository as first seen"
    return (where + "; " if where else "") + "a section loosens only when every remote of the checkout (and its real path) is one it names"


def section_name(section: dict[str, Any], index: int) -> str:
    name = section.get("name")
    if isinstance(name, str) and name:
        return name
    first = [*(section.get("remotes") or []), *(section.get("paths") or [])]
    return first[0] if first else f"#{index + 1}"


def _checkout_top(path: str) -> str | None:
    """The work tree a path (which need not exist yet) lies in: the nearest directory holding `.git`, itself or above."""
    d = os.path.normpath(path)
    for _ in range(64):
        if os.path.lexists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent
    return None


def _tracked(path: str, top: str) -> bool:
    """Whether the file *path* is in the index of the work tree *top* (git has a copy to restore it from)."""
    from ..provenance_disk import git_dirs, index_blob

    rel = os.path.relpath(os.path.normpath(path), top)
    dirs = git_dirs(top)
    if dirs is None or rel.startswith("..") or rel == "." or rel.split("/", 1)[0] == ".git":
        return False
    return index_blob(dirs[1], rel) is not None


def _common_dir(top: str) -> str | None:
    gd = _git_dir(top)
    return os.path.realpath(gd) if gd is not None else None


def _remotes(top: str) -> list[str]:
    """The remote URLs of the repository whose work tree is *top*, as written in its config."""
    gd = _git_dir(top)
    if gd is None:
        return []
    try:
        with open(os.path.join(gd, "config"), "rb") as f:
            return [u for u in remote_urls(f.read(MAX_CONFIG_BYTES).decode("utf-8", "replace")) if u]
    except OSError:
        return []


def _local_path(url: str, base: str) -> str | None:
    """Where a remote URL that names a directory on this machine (`/x/repo`, `../repo`, `file:///x/repo`) leads."""
    if url.startswith("file://"):
        url = url[7:]
    elif "://" in url or (":" in url.split("/", 1)[0] and not url.startswith((".", "/"))):
        return None  # a network remote (`host:path`, `https://…`)
    p = os.path.normpath(os.path.join(base, url))
    return os.path.realpath(p[:-4] if p.endswith(".git") and not os.path.isdir(p) else p)


def sibling_checkout(path: str, root: str, home: str) -> tuple[str, str] | None:
    """(its work tree, why) when *path*, outside the project at *root*, lies in another checkout of the project's own
    repository, else None:
    a linked worktree sharing its git directory, a clone with one of its remotes, or a clone of the project itself
    (a task tool's per-task clone); and in the work tree that holds the project (the project a folder of it), a file
    git tracks there (in its index: recoverable as the project's files are), not a new file or a folder -- so a monorepo
    or a checkout above the project does not make every path in it the project's.  Read at the edge, from the `.git`
    entries, configs and index; never home or the root, nor a checkout above home."""
    top = _checkout_top(path)
    mine = _checkout_top(os.path.join(root, "x"))
    if top is None or mine is None or top in ("/", os.path.normpath(home)) or os.path.normpath(home).startswith(top.rstrip("/") + "/"):
        return None
    if top == mine:
        return (top, "a file git tracks in the work tree that holds the project") if _tracked(path, top) else None
    if mine.startswith(top.rstrip("/") + "/"):
        return None
    common, my_common = _common_dir(top), _common_dir(mine)
    if common is None or my_common is None:
        return None
    if common == my_common:
        return top, "a worktree of the project's repository"
    mine_real = os.path.realpath(mine)
    theirs = _remotes(top)
    for url in theirs:
        local = _local_path(url, top)
        if local is not None and local in (mine_real, os.path.realpath(os.path.join(mine, ".git")), os.path.dirname(my_common)):
            return top, "a clone of the project"
    # network remotes only: two relative local URLs read alike from different places
    shared = {canonical_remote(u) for u in theirs if _local_path(u, top) is None}
    shared &= {canonical_remote(u) for u in _remotes(mine) if _local_path(u, mine) is None}
    shared.discard("")
    if shared:
        return top, f"a clone of {sorted(shared)[0]}, as the project is"
    return None
