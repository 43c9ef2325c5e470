"""Filesystem destruction and writes across the project boundary."""

from __future__ import annotations

import posixpath

from .. import paths
from ..model import ASK, HARD_DENY, SOFT_DENY
from ..paths import DYN
from ..shell.effects import DELETE, WRITE, Effect
from .base import rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..scope import Scope
    from ..shell.ir import SimpleCommand

_HARMLESS_WRITES = ("/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/zero")


def _destructive(e: Effect) -> bool:
    return e.kind == DELETE or (e.kind == WRITE and e.recursive and e.note in ("chmod", "chown", "chgrp"))


def _verb(e: Effect) -> str:
    if e.kind == DELETE:
        return "moves away" if e.note == "moved away" else "deletes"
    return "changes permissions of" if e.note in ("chmod", "chown", "chgrp") else "writes"


def _who(e: Effect) -> str:
    if e.cmd is not None:
        return e.cmd.name
    return f"the {e.note} tool" if e.note else "this call"


def _what(path: str, sc: Scope) -> str:
    """Plain words for a critical path."""
    if path == "/":
        return "the root of the file system"
    if path == sc.ctx.home:
        return "your home directory (~)"
    if path == sc.ctx.project_root:
        return f"the whole project ({sc.show(path)})"
    if paths.is_within(sc.ctx.home, path) or paths.is_within(sc.ctx.project_root, path):
        return f"{path}, which holds your home or the project"
    return f"{path}, a system directory"


_DIR_SUFFIXES = (".d", ".app", ".bundle", ".framework", ".git", ".egg-info")


def _looks_like_file(name: str) -> bool:
    """A name with a short file extension (package-lock.json, notes.md), not a dotfile or a known directory suffix."""
    stem, dot, ext = name.rpartition(".")
    return bool(dot and stem and 1 <= len(ext) <= 5 and ext.isalnum()) and not name.endswith(_DIR_SUFFIXES)


def _brackets_to_star(s: str) -> str:
    r"""Each `[...]` (up to the first `]`) as `*`. String code: the regex `\[[^\]]*\]` rescanned the rest
    of the text from every `[` when no `]` followed (quadratic)."""
    out: list[str] = []
    i = 0
    while True:
        j = s.find("[", i)
        k = s.find("]", j + 1) if j >= 0 else -1
        if k < 0:
            break
        out.append(s[i:j])
        out.append("*")
        i = k + 1
    out.append(s[i:])
    return "".join(out)


def _matches_everything(component: str) -> bool:
    """A glob for one path component that selects (nearly) every entry: ``*``, ``.*``, ``[a-z]*``, ``.[!.]*``."""
    bare = _brackets_to_star(component.replace(DYN, "*"))
    return bare.strip("*?.{},") == ""


def _whole(path: str) -> str:
    """For ``dir/*`` or ``dir/$X`` the directory whose contents are at stake."""
    if DYN in path or paths.has_glob(path):
        return paths.static_prefix(path)
    return path


@rule(
    id="fs.delete-critical",
    title="Deleting the root, a system directory, home, or a parent of the project",
    why="Recursive deletion or permission changes at these paths destroy the machine or the user's data; no task needs it from an agent.",
    verdict=HARD_DENY,
    scope="effect",
    match=(
        "rm -rf /",
        "rm -rf ~",
        "rm -rf ~/*",
        "rm -Rf ${HOME}",
        "rm -rf ../..",
        "sudo rm -rf /opt",
        "rm -rf --no-preserve-root /",
        "chmod -R a-rwx /home/ana",
        "find ~ -maxdepth 1 -exec rm -rf {} \\;",
        "rm -rf /home/ana/webapp",
        "mv ~ /tmp/x",
        "rm -rf ~/.[!.]*",
        "rm -rf ~/[a-z]*",
    ),
    no_match=("rm -rf dist", "rm -rf /tmp/webapp-cache", "rm ~/notes.txt", "ls /"),
)
def delete_critical(e: Effect, sc: Scope) -> str | None:
    if not _destructive(e) or e.path.startswith("/" + DYN):
        return None
    p = e.path
    if paths.is_critical(p, sc.ctx) and (e.recursive or p == "/"):
        return f"{_who(e)} {_verb(e)} {_what(p, sc)}"
    target = _whole(p)
    if target == p or not paths.is_critical(target, sc.ctx):
        return None
    rest = p[len(target) :].lstrip("/")
    everything = "/" not in rest and _matches_everything(rest)
    if everything and (target != sc.ctx.project_root or DYN not in rest):
        if e.note == "find" or (e.cmd is not None and any(v.startswith("find -") for v in e.cmd.via)):
            return f"{_who(e)} deletes what find selects anywhere under {_what(target, sc)}"
        return f"{_who(e)} {_verb(e)} everything in {_what(target, sc)}"
    return None


@rule(
    id="fs.write-protected",
    title="Writing or deleting credentials, shell start-up files, git internals or agent settings",
    why="These files grant access or run code at every shell start or git operation; changing them is how an agent would widen its own permissions or persist.",
    verdict=HARD_DENY,
    scope="effect",
    match=(
        "echo 'export PATH=/tmp/evil:$PATH' >> ~/.zshrc",
        "mv ~/.ssh /tmp/old",
        "cp hook.sh .git/hooks/post-checkout",
        "echo '{}' > ~/.claude/settings.json",
        "rm -rf .git/",
        "echo x >> ~/.ssh/authorized_keys",
        {"tool_name": "Write", "tool_input": {"file_path": "/home/ana/.zshrc", "content": "x"}},
        {"tool_name": "Edit", "tool_input": {"file_path": "/home/ana/webapp/.claude/settings.json", "old_string": "a", "new_string": "b"}},
        {"tool_name": "Write", "tool_input": {"file_path": "/home/ana/webapp/.git/config", "content": "x"}},
    ),
    no_match=(
        "cat ~/.zshrc",
        "echo hi > notes.txt",
        "git commit -m x",
        {"tool_name": "Write", "tool_input": {"file_path": "/home/ana/webapp/src/a.py", "content": "x"}},
    ),
)
def write_protected(e: Effect, sc: Scope) -> str | None:
    if e.kind not in (DELETE, WRITE):
        return None
    target = _whole(e.path)
    why = paths.protected_reason(target, sc.ctx) or paths.protected_reason(e.path, sc.ctx)
    if why is None and posixpath.basename(target) == ".git" and e.kind == DELETE:
        why = "the repository's history (.git)"
    if why is None:
        return None
    return f"{_who(e)} {_verb(e)} {sc.show(target)}: {why}"


@rule(
    id="fs.delete-outside-project",
    title="Deleting or moving files outside the project",
    why="Outside the project and the temp directory an agent has no mandate; deleted files there are usually not in version control.",
    verdict=SOFT_DENY,
    scope="effect",
    match=(
        "rm -rf /var/www",
        "rm -rf ~/Desktop ~/Downloads",
        "rm ~/notes.txt",
        "rm -rf ~/projects",
        "ssh web1 'rm -rf /srv/app'",
        "printf x | xargs rm -rf ~/old",
        "rm ~/*.txt",
    ),
    no_match=("rm -rf /tmp/webapp-cache", "rm -rf /tmp/build-*", "rm app/legacy.ts", "rm -rf node_modules", "rm -rf ~/.cache/pip"),
)
def delete_outside(e: Effect, sc: Scope) -> str | None:
    if not _destructive(e):
        return None
    target = _whole(e.path)
    if e.path.startswith("/" + DYN + "remote:"):
        return f"{_who(e)} deletes {e.raw!r} on a remote host ({e.cmd.remote if e.cmd else '?'}), outside the project"
    if target.startswith("/" + DYN):
        return None
    if target != e.path and sc.in_temp(e.path) and not _matches_everything(e.path[len(target) :].lstrip("/")):
        return None  # /tmp/build-*: a glob inside the temp directory
    if e.note != "moved away" and paths.is_home_cache(target, sc.ctx):
        return None  # rm -rf ~/.cache/pip, chown -R ~/.npm: regenerable
    if sc.outside(target) and not paths.is_critical(target, sc.ctx):
        return f"{_who(e)} {_verb(e)} {sc.show(target)}, outside the project ({sc.show(sc.ctx.project_root)})"
    # A glob right below a critical directory (``~/*.txt``, ``/etc/*.conf``) that is not
    # everything in it (fs.delete-critical covers that) is still outside the project.
    if target != e.path and DYN not in e.path and sc.outside(e.path) and delete_critical(e, sc) is None:
        return f"{_who(e)} {_verb(e)} {sc.show(e.path)}, outside the project ({sc.show(sc.ctx.project_root)})"
    return None


@rule(
    id="fs.write-outside-project",
    title="Writing files outside the project and the temp directory",
    why="Writes outside the project change the user's machine beyond the task: other repositories, system files, dotfiles.",
    verdict=SOFT_DENY,
    scope="effect",
    match=(
        {"tool_name": "Edit", "tool_input": {"file_path": "/home/ana/other/app.py", "old_string": "x", "new_string": "y"}},
        {"tool_name": "Write", "tool_input": {"file_path": "/etc/environment", "content": "X=1"}},
        "echo x > ~/other/file.txt",
        "cp app/a.ts /usr/local/bin/a",
        "echo 'ana ALL=(ALL) NOPASSWD: ALL' | sudo tee /etc/hosts",
    ),
    no_match=(
        "echo hello > /tmp/out.txt",
        "cp app/a.ts app/b.ts",
        "npm test > /dev/null 2>&1",
        {"tool_name": "Write", "tool_input": {"file_path": "app/x.ts", "content": "x"}},
    ),
)
def write_outside(e: Effect, sc: Scope) -> str | None:
    if e.kind != WRITE or _destructive(e):
        return None
    p = e.path
    if p in _HARMLESS_WRITES or p.startswith(("/dev/fd/", "/proc/self/fd/")):
        return None
    if p.startswith("/" + DYN + "remote:"):
        return None
    target = _whole(p)
    if target.startswith("/" + DYN):
        return None
    if paths.is_home_cache(target, sc.ctx) and not paths.protected_reason(target, sc.ctx):
        return None  # ~/.cache/tool/x: regenerable
    if sc.outside(target):
        return f"{_who(e)} writes {sc.show(target)}, outside the project ({sc.show(sc.ctx.project_root)})"
    return None


@rule(
    id="fs.mass-delete-in-project",
    title="Deleting a source directory or everything in the project",
    why="Recursive deletion of a non-generated directory in the project destroys work that may not be committed; build outputs and caches are exempt.",
    verdict=SOFT_DENY,
    scope="effect",
    match=("rm -rf app/", "rm -rf src", "rm -r ./lib", "rm -rf *", "mv src /tmp/src-old"),
    no_match=(
        "rm -rf .next",
        "rm -rf dist/ coverage/",
        "rm app/legacy.ts",
        "rm -rf node_modules",
        "rm -rf app/__pycache__",
        "mv app/old.tsx app/new.tsx",
        "rm -rf package-lock.json",
        "mkdir -p tmp && mv *.log tmp/",
    ),
)
def mass_delete(e: Effect, sc: Scope) -> str | None:
    if e.kind != DELETE or not sc.inside_project(e.path):
        return None
    p = e.path
    if DYN in p:
        return None  # fs.delete-unknown-target
    if e.note == "moved away" and e.cmd is not None:
        # Moving things around inside the project is ordinary; moving a directory out is deletion.
        dest = sc.path(e.cmd.argv[-1].value, e.cmd)
        if sc.inside_project(dest):
            return None
    glob = paths.has_glob(p)
    if glob and not _matches_everything(posixpath.basename(p)):
        return None  # rm -rf *.egg-info, src/*.py: a pattern, judged by fs.glob-delete-sources
    if not e.recursive and not glob:
        return None
    if not glob and _looks_like_file(posixpath.basename(p)):
        return None  # rm -rf package-lock.json: one file, whatever the flags say
    target = _whole(p)
    if paths.is_generated(target, sc.ctx.project_root):
        return None
    if target == sc.ctx.project_root:
        return f"{_who(e)} deletes everything in the project"
    if glob and paths.is_generated(p, sc.ctx.project_root):
        return None
    if _depth(target, sc) >= 2:
        return None  # fs.delete-source-subdirectory
    return f"{_who(e)} recursively deletes {sc.show(target)}, a source directory of the project; delete specific files or ask the user"


def _depth(path: str, sc: Scope) -> int:
    rel = path[len(sc.ctx.project_root) :].strip("/")
    return len(rel.split("/")) if rel else 0


@rule(
    id="fs.delete-source-subdirectory",
    title="Deleting a nested source directory of the project",
    why="Removing an old module during a refactor is ordinary, but the directory may hold uncommitted work; a person confirms. Top-level source directories are fs.mass-delete-in-project.",
    verdict=ASK,
    scope="effect",
    match=("rm -rf src/legacy/old_module", "rm -r app/components", "rm -rf src/legacy/*", "mv src/legacy /tmp/"),
    no_match=("rm -rf src", "rm -rf app/__pycache__", "rm -rf packages/web/node_modules", "rm src/legacy/a.py", "mv src/legacy src/old"),
)
def delete_source_subdirectory(e: Effect, sc: Scope) -> str | None:
    if e.kind != DELETE or not sc.inside_project(e.path) or DYN in e.path:
        return None
    if e.note == "moved away" and (e.cmd is None or sc.inside_project(sc.path(e.cmd.argv[-1].value, e.cmd))):
        return None  # moved within the project
    p = e.path
    if paths.has_glob(p):
        if not _matches_everything(posixpath.basename(p)):
            return None  # fs.glob-delete-sources
        p = _whole(p)
    elif not e.recursive or _looks_like_file(posixpath.basename(p)):
        return None
    if paths.is_generated(p, sc.ctx.project_root) or _depth(p, sc) < 2 or paths.protected_reason(p, sc.ctx):
        return None
    return f"{_who(e)} deletes {sc.show(p)} and everything in it, a source directory of the project"


@rule(
    id="fs.glob-delete-sources",
    title="Deleting project files by a wildcard that selects source files",
    why="`rm src/*.py` removes every file the pattern matches, committed or not; build outputs, logs and caches are exempt, the rest is for a person to confirm.",
    verdict=ASK,
    scope="effect",
    match=("rm src/*.py", "shred -u app/*.ts", "rm -f lib/*.rb", "truncate -s 0 src/*.py", "rm -rf src/*.py"),
    no_match=("rm -f *.log", "rm dist/*.js", "rm -f app/__pycache__/*.pyc", "rm /tmp/*.txt", "rm app/legacy.ts", "rm -f coverage/*.json", "rm -rf *.egg-info"),
)
def glob_delete_sources(e: Effect, sc: Scope) -> str | None:
    wipes = e.kind == WRITE and e.cmd is not None and e.cmd.name in ("truncate", "shred")
    if not (e.kind == DELETE or wipes) or e.note == "moved away" or DYN in e.path:
        return None
    p = e.path
    if not paths.has_glob(p) or not sc.inside_project(p):
        return None
    base = posixpath.basename(p)
    if _matches_everything(base):
        return None  # fs.mass-delete-in-project / fs.delete-source-subdirectory
    if paths.is_generated(p, sc.ctx.project_root) or any(_glob_match(base, j) for j in _JUNK_PATTERNS):
        return None
    return f"{_who(e)} {'empties' if wipes else 'deletes'} every file matching {sc.show(p)} in the project"


def _glob_match(name: str, pattern: str) -> bool:
    """Is the deletion pattern *name* (itself a glob) covered by the junk pattern?"""
    if name == pattern:
        return True
    suffix = pattern[1:]
    return pattern.startswith("*") and bool(suffix) and not any(c in suffix for c in "*?[") and name.endswith(suffix)


@rule(
    id="fs.delete-unknown-target",
    title="Deleting a path that is only known at run time",
    why="When the target comes from a variable, a substitution or xargs input, clearance cannot check it against the project boundary.",
    verdict=ASK,
    scope="effect",
    match=("rm -rf $TARGET", "cat targets.txt | xargs -I{} rm -rf {}", "ls | xargs rm -rf"),
    no_match=("rm -rf dist", "find . -name '*.pyc' -delete"),
)
def delete_unknown(e: Effect, sc: Scope) -> str | None:
    if e.kind != DELETE or DYN not in e.path or e.path.startswith("/" + DYN + "remote:"):
        return None
    if e.note == "find" or (e.cmd is not None and any(v.startswith("find -") for v in e.cmd.via)):
        return None  # judged with the find expression by fs.find-delete-sources
    if e.path.startswith("/" + DYN):
        return f"{_who(e)} deletes {e.raw.replace(DYN, '$?')!r} in a directory only known at run time"
    if sc.outside(paths.static_prefix(e.path)):
        return None  # fs.delete-outside-project / fs.delete-critical
    return f"{_who(e)} deletes {e.raw.replace(DYN, '$?')!r}, a path only known at run time"


_JUNK_PATTERNS = (
    "*.log",
    "*.tmp",
    "*.pyc",
    "*.pyo",
    "*.orig",
    "*.rej",
    "*.bak",
    "*.swp",
    "*~",
    ".DS_Store",
    "__pycache__",
    "*.class",
    "*.o",
    "*.obj",
    "Thumbs.db",
    "*.egg-info",
    ".pytest_cache",
    "node_modules",
    "*.tsbuildinfo",
    "*.cache",
    "*.map",
    "*.gcda",
    "*.gcno",
    "coverage",
    "dist",
    "build",
    ".mypy_cache",
    ".ruff_cache",
)
_FIND_VALUE_OPTS = frozenset({"-name", "-iname", "-path", "-ipath", "-regex", "-iregex", "-wholename", "-iwholename"})


def _find_deletes(cmd: SimpleCommand) -> bool:
    vals = cmd.values()
    if "-delete" in vals:
        return True
    for i, v in enumerate(vals):
        if v in ("-exec", "-execdir", "-ok", "-okdir") and i + 1 < len(vals):
            inner = posixpath.basename(vals[i + 1])
            if inner in ("rm", "shred", "unlink", "rmdir"):
                return True
    return False


@rule(
    id="fs.find-delete-sources",
    title="find deleting source files, or everything, in the project",
    why="A find expression that deletes every file or every source file of a kind is a mass deletion of work; cleaning logs and caches is not.",
    verdict=SOFT_DENY,
    commands=("find",),
    match=("find . -type f -name '*.ts' -delete", "find . -delete", "find src -name '*.py' -exec rm {} +"),
    no_match=(
        "find . -name '*.log' -mtime +7 -delete",
        "find . -name '__pycache__' -exec rm -rf {} +",
        "find app -name '*.tsx'",
        "find . -name '*.orig' -delete",
    ),
)
def find_delete_sources(cmd: SimpleCommand, sc: Scope) -> str | None:
    if not _find_deletes(cmd):
        return None
    vals = cmd.values()
    roots = []
    for v in vals:
        if v.startswith("-") or v in ("(", "!"):
            break
        roots.append(v)
    roots = roots or ["."]
    resolved = [sc.path(r, cmd) for r in roots]
    if not all(sc.inside_project(p) for p in resolved):
        return None  # the effect rules judge deletions outside the project
    patterns = [vals[i + 1] for i, v in enumerate(vals[:-1]) if v in _FIND_VALUE_OPTS]
    if all(paths.is_generated(p, sc.ctx.project_root) for p in resolved):
        return None
    if patterns and all(any(p == j or (p.endswith(j.lstrip("*")) and j.startswith("*")) for j in _JUNK_PATTERNS) for p in patterns):
        return None
    what = ", ".join(patterns) if patterns else "every file"
    return f"find deletes {what} under {', '.join(sc.show(p) for p in resolved)}; delete specific files or ask the user"


@rule(
    id="fs.disk-wipe",
    title="Overwriting, formatting or partitioning a disk",
    why="Writing to a block device or creating a file system destroys everything on it, beyond any recovery from version control.",
    verdict=HARD_DENY,
    commands=("dd", "mkfs", "wipefs", "fdisk", "sfdisk", "parted", "sgdisk", "gdisk", "blkdiscard", "shred", "hdparm", "cryptsetup", "mkswap", "badblocks")
    + tuple("mkfs." + t for t in ("ext2", "ext3", "ext4", "xfs", "btrfs", "vfat", "fat", "ntfs", "exfat", "f2fs"))
    + ("diskutil", "tmutil", "lvremove", "vgremove", "pvremove", "zpool", "zfs", "btrfs"),
    match=(
        "dd if=/dev/urandom of=/dev/nvme0n1",
        "mkfs -t xfs /dev/sdc",
        "wipefs -a /dev/sda",
        "mkfs.ext4 /dev/sdb1",
        "shred -n 3 /dev/sda",
        "diskutil eraseDisk JHFS+ X /dev/disk2",
        "zpool destroy tank",
        "lvremove -f vg/lv",
        "tmutil delete /Volumes/TM/Backups.backupdb/x",
    ),
    no_match=("dd if=/dev/zero of=test.img bs=1M count=10", "shred secret.txt", "fdisk -l", "diskutil list", "zfs list", "btrfs subvolume list /"),
)
def disk_wipe(cmd: SimpleCommand, sc: Scope) -> str | None:
    name = cmd.name
    vals = cmd.values()
    ops = [v for v in vals if not v.startswith("-")]
    if name == "diskutil":
        verb = ops[0] if ops else ""
        if verb.lower().startswith(("erase", "zerodisk", "randomdisk", "secureerase", "partitiondisk", "reformat", "deletevolume", "apfs")) and not (
            verb == "apfs" and not any(o.lower().startswith(("delete", "erase")) for o in ops[1:2])
        ):
            return f"diskutil {' '.join(ops[:2])} erases a disk or volume"
        return None
    if name == "tmutil":
        return "tmutil delete removes Time Machine backups" if ops[:1] in (["delete"], ["deletelocalsnapshots"]) else None
    if name in ("lvremove", "vgremove", "pvremove"):
        return f"{name} removes a logical volume layer and its data"
    if name in ("zpool", "zfs"):
        return f"{name} {ops[0]} destroys a storage pool or dataset" if ops[:1] in (["destroy"], ["labelclear"]) else None
    if name == "btrfs":
        return "btrfs deletes a subvolume" if ops[:2] in (["subvolume", "delete"], ["subvol", "delete"]) else None
    if name == "dd":
        for v in vals:
            if v.startswith("of=/dev/") and v[8:] not in ("null", "zero", "stdout", "stderr"):
                return f"dd writes the device {v[3:]}"
        return None
    if name in ("fdisk", "sfdisk", "parted", "gdisk", "sgdisk") and any(v in ("-l", "--list", "print") for v in vals):
        return None
    if name == "shred" and not any(v.startswith("/dev/") for v in vals):
        return None
    if name == "hdparm" and not any("erase" in v or "trim" in v for v in vals):
        return None
    if name == "cryptsetup" and not any(v in ("luksFormat", "erase", "luksErase") for v in vals):
        return None
    devices = [v for v in vals if v.startswith("/dev/")]
    return f"{name} {'writes ' + devices[0] if devices else 'changes disks or file systems'}"
