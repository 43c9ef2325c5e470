"""What a session created itself: the objects it may change and remove again without being asked.

A path is the session's own when a call of this session that clearance allowed was about to create it: the path
did not exist when the call was decided (checked at that moment, before the call ran) and the call writes it
(the Write tool, `mkdir`, `touch`, `cp`/`mv` to it, a redirection).  A directory made that way owns what is
below it.  Anything that existed before the session is never its own, whatever it did to it later.

Provenance only lowers (one record excepted: ``y``, a resolver variable a call left exported, which makes later ssh-family
calls' names routed -- net.ssh_route): engine.check_effects drops an *ask* or *soft* finding of the rules in LOWERABLE for an
effect on the session's own path (writing into a directory the session made, deleting a fixture it wrote).  Hard
denials are never lowered, and nothing else changes.

I/O sits at the edges, like Context.read_file: ``reader`` gives the engine a pure ``owns(path)`` over what
``load`` read, and ``note`` appends what an allowed call creates.  The record is one small append-only file per
session under clearance's state directory (which the agent cannot write: paths.clearance_owned), kept apart from
the audit store so that how the audit write is batched does not change what a session owns.

Beyond files (``objects``): branches the session created (``git checkout -b``, ``switch -c``, ``branch X``, ``worktree
add -b``) and then pushed, worktrees it added, containers, volumes and compose projects it started, databases it
created (``createdb``).  Each is noted only when the hook, where it runs, sees that it does not exist yet (the branch's
ref in the repository, ``docker … inspect``, ``psql -l``: provenance_disk.py); a probe that cannot answer notes
nothing.  The rules in COMMAND_LOWERABLE then drop an ask or soft denial for a command whose every target is the
session's own (``lowered_command``): ``git branch -D`` of its branches, ``git push --delete`` of a branch it pushed
itself (never a shared one such as main), ``git worktree remove --force`` of its worktree, ``docker compose down -v``
of its project, ``docker volume rm``/``rm -v`` of its volumes and containers, ``dropdb`` of its database.  A file's
uncommitted changes may be discarded (``git checkout -- F``, ``git restore F``) when every change since the index came
from this session's own edits: its first edit found the file as staged, each later edit found it as the session had
left it, it is still as the session left it (``e`` records, checked on disk at the discard).
"""

from __future__ import annotations

from .model import ASK, SOFT_DENY

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .model import Context
    from .shell.effects import Effect
    from .shell.ir import SimpleCommand
    from .shell.options import Norm

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
# Command rules whose finding provenance may drop when every object the command destroys is the session's own.
COMMAND_LOWERABLE = frozenset(
    {
        "git.history-destroy",
        "git.branch-force-delete",
        "git.force-push",
        "git.remote-branch-delete",
        "git.discard-changes",
        "git.discard-file-changes",
        "git.other-repository",
        "cloud.docker-destroy",
        "db.orm-reset",
        "db.destructive-sql-dev",
    }
)
# Object kinds in the record: b a branch (repository, name), r a branch the session pushed (repository, remote,
# name), c a container, v a volume, k a compose project (docker host, name), q a database (server, name), p a program
# the session ran (the machine: "" here, else the ssh host as written; the program's name), h a one-label ssh alias
# the session connected to (net.ssh_alias_reached), l a local port the session forwarded to another machine
# (forwarded_ports), y a resolver variable a call exported (HOSTALIASES, LOCALDOMAIN, RES_OPTIONS: in an agent whose shell
# keeps its environment between calls, every later ssh-family call resolves names through it; the one kind that does
# not lower -- net.ssh_route reads it as a routed name -- so it is read however long the record is, as ``x`` is).
# (``s`` is the record's first line: when the session started, mark_start.)
OBJECT_KINDS = frozenset("brcvkqphly")
# Variables whose export in one call changes what names resolve to in later ones (rules/net._RESOLVER_ENV).
_RESOLVER_VARS = frozenset({"HOSTALIASES", "LOCALDOMAIN", "RES_OPTIONS"})
_PATH_MAX = 4096  # context.PATH_MAX (not imported: the decision path reads provenance without context's imports)
MAX_ENTRIES = 5000  # a session's record is read whole on every call: bounded
# Branches that are everybody's: never the session's own, whatever it ran (git.py's _SHARED_BRANCHES and prefixes).
_SHARED = frozenset({"main", "master", "develop", "development", "dev", "trunk", "stable", "production", "prod", "staging", "head", "gh-pages"})


def shared_branch(name: str) -> bool:
    low = name.lower().removeprefix("refs/heads/")
    return not low or low in _SHARED or low.startswith(("release", "main", "master", "hotfix"))


class Provenance:
    """The session's own paths (files it created, directories it made, which own what is below them), objects, edits.

    *repo* maps a directory to the repository it belongs to (its git common directory, read from disk by the hook;
    the directory itself when None), so that a branch made in one directory of a repository is known in another.
    *discardable* answers at the I/O edge whether a file's changes are all the session's own (``e`` keys); None:
    never (the eval replay, which has no disk)."""

    __slots__ = ("files", "dirs", "objects", "edits", "repo", "discardable", "real", "absent", "foreign", "_foreign_set", "_foreign_sorted", "shells")

    def __init__(
        self,
        files: Iterable[str] = (),
        dirs: Iterable[str] = (),
        objects: Iterable[str] = (),
        edits: dict[str, tuple[str, str, bool]] | None = None,
        repo: Callable[[str], str | None] | None = None,
        discardable: Callable[[str, tuple[str, str, bool]], bool] | None = None,
        real: Callable[[str], str] | None = None,
        absent: Callable[[str], bool] | None = None,
        foreign: Iterable[str] = (),
    ) -> None:
        self.files = frozenset(files)
        self.dirs = frozenset(dirs)
        self.objects = frozenset(objects)
        # path -> (git blob id before the session's first edit, after its last edit ("?": unknown), chain broken)
        self.edits = edits or {}
        self.repo = repo
        self.discardable = discardable
        # Where a path really leads, asked afresh (never memoised: the session makes links as it goes); None: as written.
        self.real = real
        # Whether a path does not exist now, before the call runs (``n<TAB>/path``: a directory an earlier step of the
        # same command line makes is then its own for the later steps); None: never taken to be absent.
        self.absent = absent
        # Where a move of the session put what existed before it (``x`` lines): data that is not the session's own,
        # though it now lies in (or under the name of) something the session made.
        self.foreign = tuple(foreign)
        # The same as a set and sorted: a record of 40,000 moves was read entry by entry for each path asked about
        # (issue 16, adv16b); an ancestor is looked up, a descendant found by bisection.
        self._foreign_set = frozenset(self.foreign)
        self._foreign_sorted = sorted(self._foreign_set)
        # The folder each persisting shell of the session was last left in (``w`` lines; "?": not known).
        self.shells: dict[str, str] = {}

    def owns(self, key: str) -> bool:
        """Whether *key* is the session's own: an absolute path, or an object key ``KIND<TAB>…`` (OBJECT_KINDS; for
        ``b`` and ``r`` the second field is a directory of the repository), or ``e<TAB>/path``: every uncommitted
        change of the file is the session's, or ``n<TAB>/path``: the path does not exist now, or ``m<TAB>/path``: a move of
        this session put data that existed before at, in or above the path (it is not the session's, whatever its name)."""
        if key.startswith("n\t/"):
            p = key[2:]
            return self.absent is not None and "\x00" not in p and self.absent(p)
        if key.startswith("m\t/"):
            return bool(self.foreign) and self._holds_foreign(key[2:])
        if not key.startswith("/"):
            return self._owns_object(key)
        path = key
        if "\x00" in path or any(c in path for c in "*?["):
            return False  # a computed or glob path is not a known object
        if len(path) > _PATH_MAX:
            # Longer than the kernel accepts: nothing can have been made there. Walked up one slice per slash, the
            # 90 KB path `~/a/a/…` of a Write took 0.6 s per question (issue 16, adv16b: quadratic).
            return False
        top = path if path in self.files or path in self.dirs else ""
        parent = path
        while self.dirs:
            cut = parent.rfind("/")
            if cut <= 0:
                break
            parent = parent[:cut]
            if parent in self.dirs:
                top = parent
        if not top:
            return False
        if self.foreign and self._holds_foreign(path):
            # `mkdir t && mv src t/` then `rm -rf t`: the directory is the session's, what was moved into it is not.
            return False
        return self.real is None or self._leads_where_it_says(path, top)

    def _holds_foreign(self, path: str) -> bool:
        """Whether *path* is, lies in, or holds a place a move put data that existed before (a ``x`` entry): any entry
        F with paths.is_within(path, F) or paths.is_within(F, path)."""
        got = self._foreign_set
        if "/" in got or path in got or (path == "/" and got):
            return True
        cut = path.find("/", 1)
        while cut > 0:
            if path[:cut] in got:
                return True  # an entry above it
            cut = path.find("/", cut + 1)
        from bisect import bisect_left

        below = path + "/"
        at = bisect_left(self._foreign_sorted, below)
        return at < len(self._foreign_sorted) and self._foreign_sorted[at].startswith(below)  # an entry under it

    def _leads_where_it_says(self, path: str, top: str) -> bool:
        """No symlink at or below the session's own top-most directory (or file) on the way to *path*: a link the
        session put there (`ln -s ~/photos scratch/p`, or its directory replaced by one) does not make what the link
        reaches its own.  Links above it (a temp directory that is a link) are followed alike on both sides."""
        assert self.real is not None
        base = top[: top.rfind("/")] or "/"
        try:
            want = self.real(base).rstrip("/") + path[len(base.rstrip("/")) :]
            return self.real(path) == want
        except (OSError, ValueError):
            return False

    def _owns_object(self, key: str) -> bool:
        from .paths import DYN

        kind, _, rest = key.partition("\t")
        if not rest or DYN in rest or "\n" in rest or "\x00" in rest:
            return False
        if kind == "e":
            chain = self.edits.get(rest)
            return chain is not None and self.discardable is not None and self.discardable(rest, chain)
        if kind in ("b", "r"):
            where, _, name = rest.partition("\t")
            top = self.repo(where) if self.repo is not None else where
            return top is not None and f"{kind}\t{top}\t{name}" in self.objects
        return kind in OBJECT_KINDS and key in self.objects


def parse(
    text: str,
    repo: Callable[[str], str | None] | None = None,
    discardable: Callable[[str, tuple[str, str, bool]], bool] | None = None,
    real: Callable[[str], str] | None = None,
) -> Provenance:
    """The record's lines: ``f<TAB>/path`` for a created file, ``d<TAB>/path`` for a made directory, ``KIND<TAB>…``
    for an object, ``e<TAB>/path<TAB>before<TAB>after`` for an edit of a file that existed (git blob ids)."""
    files: list[str] = []
    dirs: list[str] = []
    objects: list[str] = []
    edits: dict[str, tuple[str, str, bool]] = {}
    # Split at "\n" only, the one separator note() writes and keeps out of names: str.splitlines() also splits at "\r",
    # "\x0b", "\x1c", "\x85", U+2028 ..., which a created file's name may hold -- `Write src<U+2028>x` was read as the
    # entries `f<TAB>…/src` and `x`, making the project's src the session's own (adversarial round 13d).
    lines = text.split("\n")
    # What a move put in the session's own places counts however long the record is: past MAX_ENTRIES only the
    # entries that take ownership away are read (a record padded with creations must not push them out).
    foreign = [line[2:] for line in lines if line.startswith("x\t/")]
    objects.extend(line for line in lines[MAX_ENTRIES:] if line.startswith("y\t"))
    shells: dict[str, str] = {}
    for line in lines:
        if line.startswith("w\t"):
            # Where a persisting shell was left (``w<TAB>shell<TAB>/dir`` or ``?``): the last line for a shell counts,
            # however long the record is.
            key, _, where = line[2:].partition("\t")
            shells[key] = where
    for line in lines[:MAX_ENTRIES]:
        kind, _, rest = line.partition("\t")
        if kind in ("x", "w"):
            continue
        if kind == "e":
            f, _, hashes = rest.partition("\t")
            before, _, after = hashes.partition("\t")
            if not f.startswith("/") or not before or not after:
                continue
            had = edits.get(f)
            # Each edit must find the file as the session's previous one left it; else someone else changed it between.
            edits[f] = (before, after, False) if had is None else (had[0], after, had[2] or had[1] == "?" or had[1] != before)
        elif kind in OBJECT_KINDS and len(kind) == 1:
            objects.append(line)
        elif rest.startswith("/"):
            (dirs if kind == "d" else files).append(rest)
    got = Provenance(files, dirs, objects, edits, repo, discardable, real, foreign=foreign)
    got.shells = shells
    return got


def creations(effs: list[Effect], ctx: Context | None = None) -> list[tuple[str, str]]:
    """What a call would create if its targets do not exist yet: (kind, path), kind ``d`` for ``mkdir``.  A target
    that exists when the hook notes it is an edit of that file (``provenance_disk.note``).

    ``mkdir -p a/b/c`` and the Write tool (``_TOOLS_MAKING_PARENTS``) make every missing directory above their target
    too: with *ctx*, the ancestors are listed
    first (outermost first), each noted only if it does not exist either, never the root, a system directory, home,
    the project, a temp directory or anything above them (``_parent_candidates``)."""
    if not effs:
        return []
    from .paths import DYN, has_glob
    from .shell.effects import DELETE, WRITE

    out: list[tuple[str, str]] = []
    for e in effs:
        if e.kind != WRITE or e.recursive or DYN in e.path or has_glob(e.path) or not e.path.startswith("/"):
            continue
        if e.note in ("chmod", "chown", "chgrp"):
            continue  # changes an existing file
        kind = "d" if e.cmd is not None and e.cmd.name == "mkdir" else "f"
        makes_parents = (kind == "d" and e.cmd is not None and _makes_parents(e.cmd)) or (e.cmd is None and e.note in _TOOLS_MAKING_PARENTS)
        if makes_parents and ctx is not None:
            out += [("d", p) for p in _parent_candidates(e.path, ctx) if ("d", p) not in out]
        out.append((kind, e.path))
    if any((e.kind == DELETE and e.note.startswith("moved")) or (e.cmd is not None and getattr(e.cmd.code, "moved", None)) for e in effs):
        from .provenance_moves import moved_in  # only where a command moves something (not on ordinary calls)

        out += moved_in(effs, ctx)
    return out


# File tools that make every missing directory above the file they create, as `mkdir -p` does: Claude Code's Write,
# and apply_patch's added files.  An Edit changes a file that exists and makes nothing.
_TOOLS_MAKING_PARENTS = frozenset({"Write", "apply_patch"})


def _makes_parents(cmd: SimpleCommand) -> bool:
    """`mkdir -p` / `--parents` (alone or among short flags: `-pv`); words after `--` are operands."""
    for w in cmd.args:
        v = w.value
        if v == "--":
            return False
        if v == "--parents" or (v.startswith("-") and not v.startswith("--") and "p" in v[1:].split("m", 1)[0]):
            return True
    return False


def _parent_candidates(path: str, ctx: Context) -> list[str]:
    """The directories above *path* that `mkdir -p` would make if missing, outermost first: those below the
    nearest ancestor that is the root, a system directory, home, the project, a temp directory, or above one of
    them (paths.is_critical) -- such an anchor exists whatever the replay or the hook sees.  At most 16."""
    from . import pathstr
    from .paths import is_critical, is_within

    out: list[str] = []
    d = pathstr.dirname(path.rstrip("/"))
    while d and d != "/" and len(out) < 16:
        if is_critical(d, ctx) or d == ctx.project_root or any(is_within(t, d) for t in ctx.tmpdirs):
            break
        out.append(d)
        d = pathstr.dirname(d)
    return out[::-1]


# -- objects beyond files: which a command creates, which it destroys ------------------------------------------------


def _where(cmd: SimpleCommand, ctx: Context, nc: Norm | None = None) -> str | None:
    """The directory a command works in (its cd, then git -C and the like), or None when only known at run time."""
    from . import pathstr
    from .paths import DYN

    base = cmd.cwd or ctx.cwd
    for d in nc.workdirs() if nc is not None else ():
        base = pathstr.join(base, d)
    if not base.startswith("/") or DYN in base:
        return None
    return pathstr.normpath(base)


def _abs(where: str, p: str, ctx: Context) -> str | None:
    from . import pathstr
    from .paths import DYN

    if not p or DYN in p:
        return None
    if p == "~" or p.startswith("~/"):
        p = ctx.home + p[1:]
    return pathstr.normpath(pathstr.join(where, p))


def _word_ok(v: str | None) -> bool:
    from .paths import DYN

    return bool(v) and DYN not in (v or "") and not any(c in (v or "") for c in "\t\n\x00")


def _docker_host(cmd: SimpleCommand, nc: Norm) -> str:
    """Which container engine a command talks to: the program (docker or podman) and, as written, --host/-H,
    --context, DOCKER_HOST or DOCKER_CONTEXT (``docker@`` for the default daemon)."""
    tool = "podman" if cmd.name.startswith("podman") else "docker"
    where = nc.value("host") or nc.value("context") or cmd.assigns.get("DOCKER_HOST") or cmd.assigns.get("DOCKER_CONTEXT") or ""
    return f"{tool}@{where}"


def _compose_project(cmd: SimpleCommand, nc: Norm, ctx: Context) -> str | None:
    """The compose project a command acts on: -p, COMPOSE_PROJECT_NAME, else the project directory's name as compose
    normalises it (the directory of the first -f file, --project-directory, or the working directory)."""
    from . import pathstr

    name = nc.value("project-name") or cmd.assigns.get("COMPOSE_PROJECT_NAME")
    if not name:
        where = _where(cmd, ctx, nc)
        if where is None:
            return None
        files = nc.values("file")
        if files and files[0] != "-":
            where = _abs(where, pathstr.dirname(files[0]) or ".", ctx)
        if where is None:
            return None
        name = "".join(c for c in pathstr.basename(where).lower() if c in _COMPOSE_NAME_CHARS)
    return name if _word_ok(name) else None


_COMPOSE_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


def _docker_norm(cmd: SimpleCommand) -> Norm:
    from .shell.ir import Word
    from .shell.options import normalise, normalise_words

    return normalise_words("docker", [Word("compose", "compose"), *cmd.args]) if cmd.name.endswith("-compose") else normalise(cmd)


def _db_server(cmd: SimpleCommand, opts: dict[str, str]) -> str:
    host = opts.get("host") or cmd.assigns.get("PGHOST") or ""
    port = opts.get("port") or cmd.assigns.get("PGPORT") or ""
    return f"{host}:{port}" if port else host


_PG_VALUE_OPTS = {
    "-h": "host",
    "--host": "host",
    "-p": "port",
    "--port": "port",
    "-U": "username",
    "--username": "username",
    "-O": "owner",
    "--owner": "owner",
    "-T": "template",
    "--template": "template",
    "-E": "encoding",
    "--encoding": "encoding",
    "-D": "tablespace",
    "--tablespace": "tablespace",
    "-l": "locale",
    "--locale": "locale",
    "--lc-collate": "lc-collate",
    "--lc-ctype": "lc-ctype",
    "--maintenance-db": "maintenance-db",
    "-S": "strategy",
    "--strategy": "strategy",
    "--icu-locale": "icu-locale",
    "--locale-provider": "locale-provider",
    "--builtin-locale": "builtin-locale",
}


def _pg_command(cmd: SimpleCommand) -> tuple[dict[str, str], list[str]] | None:
    """createdb/dropdb read as they read their words: (options with values, operands); None for a word not understood."""
    opts: dict[str, str] = {}
    ops: list[str] = []
    words = cmd.values()
    i = 0
    while i < len(words):
        w = words[i]
        if w.startswith("--") and "=" in w:
            k, _, v = w.partition("=")
            if k not in _PG_VALUE_OPTS:
                return None
            opts[_PG_VALUE_OPTS[k]] = v
        elif w in _PG_VALUE_OPTS:
            if i + 1 >= len(words):
                return None
            opts[_PG_VALUE_OPTS[w]] = words[i + 1]
            i += 1
        elif w[:2] in _PG_VALUE_OPTS and len(w) > 2 and not w.startswith("--"):
            opts[_PG_VALUE_OPTS[w[:2]]] = w[2:]
        elif w.startswith("-"):
            if w not in ("-e", "--echo", "-i", "--interactive", "-f", "--force", "--if-exists", "-w", "--no-password", "-W", "--password"):
                return None
            opts[w.lstrip("-")] = ""
        else:
            ops.append(w)
        i += 1
    return opts, ops


def objects(commands: list[SimpleCommand], ctx: Context) -> list[tuple[str, str]]:
    """What the commands would create beyond files: (kind, key) for the record (OBJECT_KINDS, and ``d`` for a
    worktree's directory).  Pure; whether each exists already is asked where the hook notes them."""
    from .shell.options import normalise

    out: list[tuple[str, str]] = []
    for cmd in commands:
        if _may_be_stopped_by_name(cmd):
            # A program the session itself ran (`ssh box 'setsid qemu-system-ppc … &'`), on this machine or on the host:
            # a later `pkill -x NAME` there stops what the session started (rules/system.started_by_session).
            out.append(("p", f"{cmd.remote or ''}\t{cmd.name}"))
        if cmd.remote is not None:
            continue  # another machine's objects
        name = cmd.name
        if name in ("ssh", "autossh", "kubectl", "oc", "socat"):
            # A local port forwarded to another machine: a database client's localhost there is that machine, for
            # the rest of the session (rules/db.dev_database).
            out.extend(("l", str(port)) for port in forwarded_ports(cmd))
        if name in ("ssh", "scp", "rsync", "sftp"):
            # A machine the session reached through an alias only the user's configuration resolves: a later upload
            # there is not a question of where the files go (net.upload-own-host).
            from .rules.net import ssh_alias_reached

            alias = ssh_alias_reached(cmd)
            if alias is not None:
                out.append(("h", alias))
            continue
        if name == "git":
            nc = normalise(cmd)
            where = _where(cmd, ctx, nc)
            if where is None or nc.unknown or nc.ambiguous:
                continue
            sub = nc.sub
            made = None
            if sub == ("checkout",):
                made = nc.value("b") or nc.value("B")
            elif sub == ("switch",):
                made = nc.value("create") or nc.value("force-create")
            elif sub == ("branch",) and nc.pos and all(o in ("t", "track", "f", "force", "q", "quiet", "create-reflog") for o, _, _ in nc.opts if _ > 0):
                made = nc.pos[0]
            elif sub == ("worktree", "add") and nc.pos:
                made = nc.value("b") or nc.value("B")
                wt = _abs(where, nc.pos[0], ctx)
                if wt is not None:
                    out.append(("d", wt))
            if _word_ok(made) and not (made or "").startswith("-"):
                out.append(("b", f"{where}\t{made}"))
            if sub == ("push",) and len(nc.pos) >= 2 and not nc.has("delete", "mirror", "prune", "all", "tags", "force"):
                for ref in nc.pos[1:]:
                    # Only a branch pushed under its own name (`git push -u origin feat`, `HEAD`, `feat:feat`): pushed
                    # under another name it may update a branch this clone has never fetched.
                    src, colon, dst = ref.partition(":")
                    dst = dst if colon else src
                    if src != dst and not (src == "HEAD" and not colon):
                        continue
                    if _word_ok(src) and not src.startswith(("+", "-")) and _word_ok(nc.pos[0]):
                        out.append(("r", f"{where}\t{nc.pos[0]}\t{src}\t{dst}"))
        elif name in ("docker", "podman", "docker-compose", "podman-compose"):
            nc = _docker_norm(cmd)
            host = _docker_host(cmd, nc)
            if nc.sub in (("run",), ("create",), ("container", "run"), ("container", "create")):
                cname = nc.value("name")
                if _word_ok(cname):
                    out.append(("c", f"{host}\t{cname}"))
                for v in nc.values("volume"):
                    vol = v.split(":", 1)[0]
                    if ":" in v and _word_ok(vol) and not vol.startswith(("/", ".", "~", "$")):
                        out.append(("v", f"{host}\t{vol}"))
            elif nc.sub[:1] == ("volume",) and nc.pos[:1] == ["create"] and len(nc.pos) == 2 and _word_ok(nc.pos[1]):
                out.append(("v", f"{host}\t{nc.pos[1]}"))
            elif nc.sub[:2] == ("compose", "up"):
                proj = _compose_project(cmd, nc, ctx)
                if proj is not None:
                    out.append(("k", f"{host}\t{proj}"))
        elif name == "createdb":
            pg = _pg_command(cmd)
            if pg is not None and len(pg[1]) >= 1 and _word_ok(pg[1][0]):
                out.append(("q", f"{_db_server(cmd, pg[0])}\t{pg[1][0]}"))
    return out


def exported_objects(exported: dict[str, str], ctx: Context | None = None) -> list[tuple[str, str]]:
    """(``y``, NAME) for each resolver variable a line leaves exported with a value (`export LOCALDOMAIN=x`), and
    RSYNC_RSH when the remote shell it names routes the connection elsewhere (`export RSYNC_RSH='ssh -o
    HostName=203.0.113.9'`, another program): the session's shell may keep it for every later call (net.ssh_route
    reads the record)."""
    out = [("y", k) for k in sorted(_RESOLVER_VARS) if exported.get(k)]
    rsh = exported.get("RSYNC_RSH", "")
    if rsh and ctx is not None:
        from .paths import DYN

        if DYN in rsh:
            out.append(("y", "RSYNC_RSH"))  # known only at run time: any program
        else:
            from .rules.net import ssh_route
            from .shell.ir import shell_quote
            from .shell.parse import parse

            cmds = parse(f"rsync -e {shell_quote(rsh)} . h:", ctx.cwd, ctx.home).commands
            reached, why = ssh_route(cmds[0], "h") if cmds else ("", "unread")
            if why or reached != "h":  # another program, or `-o HostName=ADDR`: the name typed is not where it goes
                out.append(("y", "RSYNC_RSH"))
    return out


def forwarded_ports(cmd: SimpleCommand) -> list[int]:
    """The local ports *cmd* forwards to another machine: ssh's -L/-D (and -o LocalForward), `kubectl|oc port-forward`,
    socat's TCP-LISTEN (listens.listen_ports, read by each program's own grammar); at most 64."""
    if cmd.name not in ("ssh", "autossh", "kubectl", "oc", "socat"):
        return []
    from .listens import listen_ports

    return sorted({port for port, _ in listen_ports(cmd)})[:64]


def _may_be_stopped_by_name(cmd: SimpleCommand) -> bool:
    """Whether *cmd* runs a program whose name a kill by name could later use to stop it: a plain name of four or more
    letters, run as the user, and not a program clearance models, a shell or an interpreter (sys.kill-by-word never
    allows those). What else the name matches is judged at the kill (rules/system._one_program)."""
    name = cmd.name
    if cmd.elevated or len(name) < 4 or len(name) > 64 or not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
        return False
    from .shell.programs import interpreter_alias, shadows_routine
    from .shell.unwrap import runnable

    return not (runnable(name) or shadows_routine(name) or interpreter_alias(name) is not None)


def lowered_command(rule_id: str, verdict: str, cmd: SimpleCommand, ctx: Context) -> bool:
    """Whether a command rule's finding is dropped: every object the command destroys is the session's own."""
    owns = ctx.owns
    if owns is None or rule_id not in COMMAND_LOWERABLE or verdict not in LOWERABLE_VERDICTS or cmd.remote is not None:
        return False
    targets = destroyed(rule_id, cmd, ctx)
    return bool(targets) and all(owns(t) for t in targets)


def destroyed(rule_id: str, cmd: SimpleCommand, ctx: Context) -> list[str]:
    """The keys of what *cmd* destroys (or, for git.other-repository, works in) for *rule_id*; [] when it touches
    something provenance cannot name."""
    from .shell.options import normalise

    if rule_id.startswith("git."):
        if cmd.name != "git":
            return []
        nc = normalise(cmd)
        where = _where(cmd, ctx, nc)
        if where is None or nc.unknown or nc.ambiguous:
            return []
        if rule_id in ("git.history-destroy", "git.branch-force-delete") and nc.sub == ("branch",) and nc.pos:
            if not (nc.has("D") or (nc.has("delete") and nc.has("force"))) or any(
                o in ("r", "remotes", "m", "M", "c", "C", "move", "copy") for o, _, lv in nc.opts if lv > 0
            ):
                return []
            if any(shared_branch(b) for b in nc.pos):
                return []
            return [f"b\t{where}\t{b}" for b in nc.pos]
        if rule_id in ("git.force-push", "git.remote-branch-delete") and nc.sub == ("push",) and len(nc.pos) >= 2:
            if nc.has("force", "mirror", "prune", "all", "tags", "force-with-lease", "force-if-includes"):
                return []
            remote, refs = nc.pos[0], nc.pos[1:]
            if nc.has("delete"):
                names = refs
            elif all(r.startswith(":") for r in refs):
                names = [r[1:] for r in refs]
            else:
                return []
            if any(shared_branch(b) or ":" in b for b in names):
                return []
            return [f"r\t{where}\t{remote}\t{b}" for b in names]
        if rule_id == "git.discard-changes" and nc.sub == ("worktree", "remove") and len(nc.pos) == 1:
            wt = _abs(where, nc.pos[0], ctx)
            return [wt] if wt is not None and wt != ctx.project_root else []
        if rule_id == "git.discard-file-changes":
            return _discarded_files(nc, where, ctx)
        if rule_id == "git.other-repository":
            # git -C DIR in a directory the session made itself (a worktree it added, a repository it cloned or init'ed).
            from . import pathstr

            places, base = [], cmd.cwd or ctx.cwd
            for d in nc.workdirs():
                base = pathstr.normpath(pathstr.join(base, d))
                places.append(base)
            return places
        return []
    if rule_id == "cloud.docker-destroy" and cmd.name in ("docker", "podman", "docker-compose", "podman-compose"):
        if any(w.subs for w in cmd.args):
            return []  # $(docker ps -aq): whatever the command lists at run time
        nc = _docker_norm(cmd)
        host = _docker_host(cmd, nc)
        if nc.sub[:2] in (("compose", "down"), ("compose", "rm")) and not nc.pos:
            proj = _compose_project(cmd, nc, ctx)
            return [f"k\t{host}\t{proj}"] if proj is not None else []
        if nc.sub in (("rm",), ("container", "rm")) and nc.pos and not nc.has("all"):
            return [f"c\t{host}\t{c}" for c in nc.pos]
        if nc.sub[:2] in (("volume", "rm"), ("volume", "remove")) and nc.pos:
            return [f"v\t{host}\t{v}" for v in nc.pos]
        return []
    if rule_id in ("db.orm-reset", "db.destructive-sql-dev") and cmd.name == "dropdb":
        pg = _pg_command(cmd)
        if pg is None or len(pg[1]) != 1:
            return []
        return [f"q\t{_db_server(cmd, pg[0])}\t{pg[1][0]}"]
    return []


def _discarded_files(nc: Norm, where: str, ctx: Context) -> list[str]:
    """``e`` keys of the files `git checkout -- F` / `git restore F` reset to the index; [] for any other source (a
    revision, --staged, patch mode, a pathspec that is not a plain path)."""
    sub = nc.sub[:1]
    if nc.has("patch", "p", "merge", "m", "ours", "theirs", "pathspec-from-file", "overlay", "force", "f"):
        return []
    if sub == ("restore",):
        if nc.has("source", "staged") or not nc.pos:
            return []
        paths = nc.pos
    elif sub == ("checkout",):
        from .rules.git import path_shaped

        if nc.dashdash < 0 and len(nc.pos) == 1 and path_shaped(nc.pos[0]) and not nc.has("b", "B", "orphan", "detach"):
            paths = nc.pos  # `git checkout tox.ini`: git reads a word that is no ref as a path, from the index
        elif nc.dashdash != 0:
            return []  # `git checkout REV -- F` (a revision before --), or `git checkout REV F`: not from the index
        else:
            paths = nc.after_dashdash()
    else:
        return []
    out: list[str] = []
    for p in paths:
        if not p or p.startswith(":") or any(c in p for c in "*?[") or p in (".", "./"):
            return []
        a = _abs(where, p, ctx)
        if a is None:
            return []
        out.append(f"e\t{a}")
    return out


def _record_path(state_dir: str, session_id: str) -> str:
    from .daemon_path import _sha256  # the built-in SHA-256: hashlib loads OpenSSL (~2.5 ms)

    return state_dir + "/provenance/" + str(_sha256()(session_id.encode()).hexdigest())[:32]


def mark_start(state_dir: str, session_id: str) -> None:
    """I/O edge, every call the hook decides: the session's record begins with ``s<TAB>NS``, the wall-clock time of
    the first call it saw (posix.open with O_EXCL: one failed open on every later call).  ``started`` reads it back."""
    import posix
    import time

    from . import pathstr

    if not session_id:
        return
    path = _record_path(state_dir, session_id)
    flags = posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL | getattr(posix, "O_NOFOLLOW", 0)
    try:
        fd = posix.open(path, flags, 0o600)
    except FileNotFoundError:
        try:
            pathstr.makedirs(pathstr.dirname(path), mode=0o700, exist_ok=True)
            fd = posix.open(path, flags, 0o600)
        except OSError:
            return
    except OSError:
        return  # FileExistsError: not the first call
    try:
        posix.write(fd, f"s\t{time.time_ns()}\n".encode())
    finally:
        posix.close(fd)


def started(state_dir: str, session_id: str) -> int | None:
    """When the session's first call was seen (ns since the epoch), or None: no record, or one begun before the
    hook marked starts (its first line is then something else)."""
    if not session_id:
        return None
    try:
        with open(_record_path(state_dir, session_id), "rb") as f:
            first = f.readline(64)
    except OSError:
        return None
    if not first.startswith(b"s\t"):
        return None
    try:
        return int(first[2:].strip())
    except ValueError:
        return None


def load(state_dir: str, session_id: str, disk: bool = True) -> Provenance:
    """I/O edge: the session's record (empty when there is none); with *disk*, branches are matched by repository
    and discards checked against the file and the index (provenance_disk.py)."""
    if not session_id:
        return Provenance()
    try:
        with open(_record_path(state_dir, session_id), encoding="utf-8", newline="") as f:  # no "\r" made "\n" (parse)
            text = f.read(1 << 20)
            if f.read(1):
                return Provenance()  # larger than is read: its last lines (a move's ``x``) would go unseen; owns nothing
    except (OSError, UnicodeDecodeError):
        return Provenance()
    if not disk:
        return parse(text)
    from . import pathstr

    return parse(text, _common_dir, _discardable, pathstr.realpath)


def _common_dir(where: str) -> str | None:
    from .provenance_disk import common_dir  # on first use: a record of new files only (the commonest) needs none of it

    return common_dir(where)


def _discardable(path: str, chain: tuple[str, str, bool]) -> bool:
    from .provenance_disk import discardable

    return discardable(path, chain)


def reader(state_dir: str, session_id: str) -> Callable[[str], bool]:
    """The ``Context.owns`` callable: the record is read on first use, once per call."""
    cache: list[Provenance] = []

    def owns(path: str) -> bool:
        if not cache:
            from . import pathstr

            cache.append(load(state_dir, session_id))
            cache[0].absent = lambda p: not pathstr.lexists(p)
        return cache[0].owns(path)

    return owns


def shell_dirs(state_dir: str, session_id: str) -> Callable[[str], str | None]:
    """The ``Context.shell_dir`` callable: where the session's persisting shell *key* was left, read on first use."""
    cache: list[Provenance] = []

    def shell_dir(key: str) -> str | None:
        if not cache:
            cache.append(load(state_dir, session_id, disk=False))
        return cache[0].shells.get(key)

    return shell_dir


def note(
    state_dir: str,
    session_id: str,
    created: list[tuple[str, str]],
    exists: Callable[[str], bool] | None = None,
    tool_input: object = None,
    probe: Callable[[str, str], bool | None] | None = None,
) -> int:
    """I/O edge: append what an allowed call creates (targets that do not exist now, before it runs), and the Write
    and Edit tools' edits of files that exist (git blob ids before and after, the latter computed from the input).
    *exists* and *probe* (whether an object exists: True, False, or None when it cannot be told) are for tests."""
    from . import pathstr

    if not session_id or not created:
        return 0
    exists = exists or pathstr.lexists
    lines: list[str] = []
    record: list[Provenance] = []
    for k, p in created:
        if "\n" in p or "\x00" in p:
            continue
        if k == "x":
            if "\t" not in p and p.startswith("/"):
                lines.append(f"x\t{p}")
        elif k in ("f", "d"):
            if "\t" in p:
                continue
            if not exists(p):
                lines.append(f"{k}\t{p}")
            elif k == "f" and isinstance(tool_input, dict) and tool_input.get("file_path") == p:
                # An edit by the Write/Edit tools. A shell write is not noted: it leaves the file unlike the session's
                # last noted edit, which is what the discard check compares, so it keeps the ask by itself.
                from . import provenance_disk as disk  # here: a new file (the commonest creation) needs none of it

                before = disk.file_blob(p)
                if before is not None:
                    lines.append(f"e\t{p}\t{before}\t{disk.blob_after(p, tool_input) or '?'}")
        elif k in ("b", "r"):
            from . import provenance_disk as disk

            if not record:
                record.append(load(state_dir, session_id))
            got = disk.git_object(k, p, record[0])
            if got is not None:
                lines.append(f"{k}\t{got}")
        elif k == "w":
            if p.count("\t") == 1:
                lines.append(f"w\t{p}")  # the folder a persisting shell is left in: the latest line counts
        elif k in ("p", "h", "l", "y"):
            # A program the session ran, an ssh alias it reached: noted once (the evidence is the call itself, as a
            # restart on the same line is).
            if p.count("\t") == (1 if k == "p" else 0):
                if not record:
                    record.append(load(state_dir, session_id))
                if not record[0].owns(f"{k}\t{p}") and f"{k}\t{p}" not in lines:
                    lines.append(f"{k}\t{p}")
        elif k in OBJECT_KINDS:
            from . import provenance_disk as disk

            if (probe or disk.object_exists)(k, p) is False:
                lines.append(f"{k}\t{p}")
    if not lines:
        return 0
    path = _record_path(state_dir, session_id)
    try:
        pathstr.makedirs(pathstr.dirname(path), mode=0o700, exist_ok=True)
        with open(path, "a", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in lines))
    except OSError:
        return 0
    return len(lines)


# Commands that make no link and change no file's place: between a `mkdir` and a write into what it made, nothing can
# have put a symbolic link there (which the hook, deciding before the line runs, could not see).
_INERT = frozenset({"mkdir", "cd", "pushd", "popd", "echo", "printf", "true", ":", "pwd", "ls", "test", "["})


def made_in_call(effs: list[Effect], commands: list[SimpleCommand], positions: list[int], ctx: Context) -> dict[int, str]:
    """For the effects of one command line (by index): the directory an earlier `mkdir` of the same line makes that
    the write lies in -- absent now (``owns("n<TAB>…")``), with only inert commands (``_INERT``) between that `mkdir`
    and the writing command (*positions*: the index in *commands* of the command each effect comes from).  A write
    there creates a file in a directory the session is making: its own, like a directory made by an earlier call."""
    owns = ctx.owns
    if owns is None or not any(e.cmd is not None and e.cmd.name == "mkdir" for e in effs):
        return {}
    from .paths import is_within
    from .shell.effects import WRITE

    if len(positions) != len(effs):
        return {}
    made: list[tuple[str, int]] = []
    out: dict[int, str] = {}
    for n, e in enumerate(effs):
        at = positions[n]
        if e.kind == WRITE and made and e.cmd is not None and e.cmd.name != "mkdir":
            start = at
            while start > 0 and commands[start].via:
                start -= 1  # `python3 -m tool > f`, `sudo cp`: the payload is the wrapper's own process, after it
            for d, where in made:
                if where < start and is_within(e.path, d) and all(commands[k].name in _INERT for k in range(where + 1, start)):
                    out[n] = d
                    break
        if e.kind == WRITE and e.cmd is not None and e.cmd.name == "mkdir":
            made += [(p, at) for k, p in creations([e], ctx) if k == "d" and owns("n\t" + p)]
    return out


def alone_in_call(effs: list[Effect], commands: list[SimpleCommand], positions: list[int], ctx: Context) -> set[int]:
    """For the effects of one command line (by index): the writes of one file, non-recursive, by the only command of the
    line that is not inert (``_INERT``; its wrappers aside: `sudo tee F`) and that makes no tree (an archive's member
    may be a link). The hook looks at the disk before the line runs; with nothing else on the line, nothing can have
    made the path a link to a file of the user's between that look and the write (`cp dist/a.tgz ~/Downloads/a.tgz`,
    `npm run report > ~/out/r.json`: the shell opens the file before the program runs)."""
    if ctx.owns is None or len(positions) != len(effs):
        return set()
    from .shell.effects import TREE, WRITE

    busy = [k for k, c in enumerate(commands) if c.name not in _INERT]
    trees = {positions[m] for m, x in enumerate(effs) if x.kind == TREE or x.recursive}
    out: set[int] = set()
    for n, e in enumerate(effs):
        if e.kind != WRITE or e.recursive or e.cmd is None:
            continue
        at = positions[n]
        start = at
        while start > 0 and commands[start].via:
            start -= 1  # `sudo tee F`, `python3 -m tool > F`: the wrappers are the writer's own process
        if (busy and (busy[0] < start or busy[-1] > at)) or at in trees:
            continue
        out.add(n)
    return out


def lowered_in_call(rule_id: str, verdict: str, e: Effect, ctx: Context) -> bool:
    """Whether a finding on a write into a directory the same command line makes (made_in_call) is dropped: only
    fs.write-outside-project's ask, never for a program on PATH."""
    if rule_id != "fs.write-outside-project" or verdict not in LOWERABLE_VERDICTS:
        return False
    from .paths import home_bin_program

    return home_bin_program(e.path, ctx) is None


def lowered_removal(rule_id: str, verdict: str) -> bool:
    """Whether a finding on the removal of a path the same line creates, absent before it runs (sameline.made_then_removed),
    is dropped: what goes is only what the line made."""
    return rule_id in LOWERABLE and verdict in LOWERABLE_VERDICTS


def lowered(rule_id: str, verdict: str, e: Effect, ctx: Context) -> bool:
    """Whether a finding of *rule_id* on effect *e* is dropped: the session's own object, a lowerable rule."""
    owns = ctx.owns
    if owns is None or rule_id not in LOWERABLE or verdict not in LOWERABLE_VERDICTS or not owns(e.path):
        return False
    from .paths import home_bin_program

    # A program in a bin directory on the user's PATH runs for every later task, whoever made the directory.
    return home_bin_program(e.path, ctx) is None
