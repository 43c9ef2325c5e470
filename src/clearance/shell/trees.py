"""What unpacking an archive (tar, unzip, 7z) or copying a folder (cp -r, rsync) lands where: each member a write.

Apart from effects.py because an ordinary call unpacks and copies no tree: its ~20 KB of code loads for the
commands that do (effects.py imports it where it reads them).
"""

from __future__ import annotations

from .. import pathstr
from ..paths import DYN
from .effects import TREE, WRITE, Effect, _int, _through_link
from .ir import Word
from .options import normalise_words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from ..scope import Scope
    from .ir import SimpleCommand


# tar's old-style first word (`tar xzf A.tgz -C out`): each letter an option, those taking a value take the next words in turn.
_TAR_VALUE_LETTERS = frozenset("fCTXbHIgNLVK")


def _tar_words(args: list[Word]) -> list[Word]:
    first = args[0].value if args else ""
    if not first or first.startswith("-") or not first.isalpha():
        return args
    out: list[Word] = []
    rest = list(args[1:])
    for ch in first:
        out.append(Word("-" + ch, "-" + ch))
        if ch in _TAR_VALUE_LETTERS and rest:
            out.append(rest.pop(0))
    return out + rest


def tar(cmd: SimpleCommand, sc: Scope, add: Callable[..., None], out: list[Effect]) -> None:
    args = cmd.args
    if not args:
        return
    # Read through tar's option table (GNU getopt_long): `-C DIR -xf A` bundles the mode after the directory,
    # `--direc=DIR` is an abbreviation, `xzf A` the old style; the last -C is where members land.
    nc = normalise_words("tar", _tar_words(args))
    extracting = nc.has("extract")
    where = nc.value("directory")
    target = None
    if where is not None:
        target = next((w for w in args if w.value == where), None) or Word(where, where)
    if not extracting:
        return
    dest = target if target is not None else Word(".", ".")
    add(WRITE, dest, True)
    if nc.has("to-stdout") or nc.has("to-command"):
        # tar xOf: the members go to standard output; --to-command=CMD: to CMD's input (CMD judged as a command of its
        # own, unwrap._OPTION_COMMANDS): no member is written as a file
        return
    archive = nc.value("file")
    unknown = ""
    if nc.has("transform") or (cmd.name == "bsdtar" and any(a.value == "-s" or (a.value.startswith("-s") and len(a.value) > 2) for a in args)):
        unknown = "its members are renamed as they are unpacked"
    elif nc.has("absolute-names") or (cmd.name == "bsdtar" and any(a.value in ("--insecure", "--absolute-paths") for a in args)):
        # (bsdtar's long names for -P, which GNU tar's option table does not know: round 20a)
        unknown = "-P writes members at the absolute paths they name"
        dest = Word("/", dest.raw)
    strip = _int(nc.value("strip-components") or "0", 0)
    excluded = _excludes(args, ("--exclude-from", "-X", "--files-from", "-T", "--exclude-vcs", "--exclude-tag", "--anchored", "--no-wildcards"))
    tree_into(dest, None if archive in (None, "-") else Word(archive, archive), "archive", cmd, sc, out, strip=strip, unknown=unknown, excluded=excluded)


def unzip(cmd: SimpleCommand, sc: Scope, add: Callable[..., None], out: list[Effect]) -> None:
    """unzip [-opts] ARCHIVE [members] [-x excluded] [-d DIR]: what lands where (-j: every member in DIR itself)."""
    args = cmd.args
    archive: Word | None = None
    dest: Word | None = None
    flags = ""
    i = 0
    while i < len(args):
        v = args[i].value
        if v == "-d" and i + 1 < len(args):
            dest = args[i + 1]
            i += 2
            continue
        if v in ("-P", "-O", "-I") and i + 1 < len(args):
            i += 2
            continue
        if v == "-x":
            i += 1
            while i < len(args) and not args[i].value.startswith("-"):
                i += 1
            continue
        if v.startswith("-") and len(v) > 1:
            flags += v[1:]
        elif archive is None:
            archive = args[i]
        i += 1
    if dest is not None:
        add(WRITE, dest, True)
    if set(flags) & set("lptvcCzZ"):
        return  # listing, testing, printing: nothing is written
    where = dest if dest is not None else Word(".", ".")
    # `-:` keeps the members' `../` (Info-ZIP drops it otherwise; a leading / it drops either way)
    kind = "archive-dotdot" if ":" in flags else "archive"
    tree_into(where, archive, kind, cmd, sc, out, flat="j" in flags, unknown="" if archive is not None else "no archive is named")


def sevenzip(cmd: SimpleCommand, sc: Scope, add: Callable[..., None], out: list[Effect]) -> None:
    """7z x ARCHIVE [-oDIR] (full paths) and 7z e ARCHIVE (every member in DIR itself)."""
    args = cmd.args
    dest: Word | None = None
    for w in args:
        if w.value.startswith("-o"):
            dest = Word(w.value[2:], w.raw)
            add(WRITE, dest, True)
    ops = [w for w in args if not w.value.startswith("-")]
    if not ops or ops[0].value not in ("x", "e") or any(w.value == "-so" for w in args):
        return
    archive = ops[1] if len(ops) > 1 else None
    tree_into(dest or Word(".", "."), archive, "archive", cmd, sc, out, flat=ops[0].value == "e", unknown="" if archive is not None else "no archive is named")


def _excludes(args: list[Word], unmodelled: tuple[str, ...]) -> tuple[str, ...]:
    """The --exclude patterns of rsync or tar, or () when other filter options make what is left unknown to this reading
    (--include, --filter, --exclude-from …: every member is then judged)."""
    got: list[str] = []
    vals = [a.value for a in args]
    for i, v in enumerate(vals):
        if v.startswith(unmodelled) or v in unmodelled:
            return ()
        if v == "--exclude" and i + 1 < len(vals):
            got.append(vals[i + 1])
        elif v.startswith("--exclude="):
            got.append(v.split("=", 1)[1])
    return tuple(p for p in got if p and DYN not in p)


def _excluded(parts: list[str], patterns: tuple[str, ...]) -> bool:
    """Whether a member (its path's components) is left out by an --exclude pattern: a pattern without a slash matches
    any component (and so everything below it), one with a slash a leading part of the path."""
    import fnmatch

    for p in patterns:
        pat = p.rstrip("/")
        if "/" not in pat:
            if any(fnmatch.fnmatchcase(c, pat) for c in parts):
                return True
        elif any(fnmatch.fnmatchcase("/".join(parts[:k]), pat.lstrip("/")) for k in range(1, len(parts) + 1)):
            return True
    return False


def tree_into(
    dest: Word,
    source: Word | None,
    kind: str,
    cmd: SimpleCommand,
    sc: Scope,
    out: list[Effect],
    strip: int = 0,
    flat: bool = False,
    unknown: str = "",
    excluded: tuple[str, ...] = (),
) -> None:
    """What unpacking an archive (*kind* "archive") or copying a folder ("dir") *source* into *dest* creates: every member
    a write of the path it lands on, judged as any write is; a tree that cannot be listed (standard input, a name only
    known at run time, no file yet, too large, an unknown format) one TREE effect on *dest* that says why.

    Where no disk is read (ctx.list_tree None: the team service, another machine) a named tree is not judged; a tree
    from standard input is unknown on any machine.

    *kind* "archive-raw" / "archive-dotdot": an extractor that keeps the members' `..` (and absolute) names, so that
    a member lands wherever it says, whatever the folder (adversarial round 20a: `unzip -: x.zip`, `cpio -i`,
    `python3 -m tarfile -e x.tar`, in a temporary folder too): each member that leaves the folder is judged where it
    lands, and a tree that cannot be listed is one unknown tree over the whole file system, as `tar -P`'s is."""
    base = sc.word_path(dest, cmd)
    if sc.ctx.realpath is not None:
        base = _through_link(base, sc, WRITE, follow=True) or base
    from ..paths import is_within, static_prefix

    escaping = kind in ("archive-raw", "archive-dotdot")
    # A name only known at run time (`rsync -a $SRC /srv/out/`, `tar -C "$D"`): judged by the folder it certainly lands under.
    known = static_prefix(base) if DYN in base else base
    elsewhere = sc.in_temp(known) and not sc.inside_project(known)
    if elsewhere and not escaping:
        return  # nothing in a temporary directory is loaded by convention
    if not is_within(sc.ctx.project_root, known) and not is_within(sc.ctx.home, known):
        if sc.ctx.list_dir is None or sc.ctx.list_dir(known) is None:
            # A folder that is not there yet (or not the project's): the tree is new, and nothing in it is loaded as the agent's
            # settings or replaces a file -- as with `git clone URL DIR`.
            if not escaping:
                return
            elsewhere = True
    why = unknown
    members: tuple[str, ...] = ()
    if not why:
        if source is None:
            why = "it comes from standard input"
        else:
            src = sc.word_path(source, cmd)
            from ..paths import has_glob

            if DYN in src or has_glob(src):
                why = "its name is only known when the command runs"
            elif sc.ctx.list_tree is None:
                if not escaping:
                    return
                why = "the hook does not read this machine's disk"
            else:
                members, why = sc.ctx.list_tree(src, kind)
    if why:
        if escaping:
            why += f"; {cmd.name} keeps the members' `..`{' and absolute' if kind == 'archive-raw' else ''} names, so any of them may land anywhere"
            base = "/"
        out.append(Effect(TREE, base, dest.value, True, cmd, note=why))
        return
    top = base.rstrip("/")
    if escaping:
        # Members that leave the folder (`../x`, `/abs/x`): each judged where it lands; in a temporary or new folder the
        # rest is nothing loaded by convention.
        for m in members:
            if m.startswith("/") or m == ".." or m.startswith("../"):
                landing = m if m.startswith("/") else pathstr.normpath(top + "/" + m)
                out.append(Effect(WRITE, landing, m, False, cmd, note=cmd.name))
        members = tuple(m for m in members if not (m.startswith("/") or m.startswith("../")))
        if elsewhere:
            return
        kind = "archive"
    # A member inside a visible folder the tree brings new (`release-2.1/...`) lands in a new project, as a clone into a new
    # folder does: that folder is one write.  Hidden folders (`.git`, `.claude`, `.vscode`) are where tools look for their
    # settings, so their members are judged one by one, as is every member of a folder that is already there.
    here: set[str] | None = None
    inert: dict[str, bool] = {}
    for m in members:
        parts = m.split("/")[strip:]
        if not parts or (excluded and _excluded(m.split("/"), excluded)):
            continue
        if flat:
            parts = parts[-1:]
        if len(parts) > 1:
            first = parts[0]
            new = inert.get(first)
            if new is None:
                if here is None:
                    here = set((sc.ctx.list_dir(top or "/") if sc.ctx.list_dir is not None else None) or ())
                new = inert[first] = first not in here and not first.startswith(".")
                if new:
                    out.append(Effect(WRITE, top + "/" + first, first, True, cmd, note=cmd.name))
            if new:
                continue
        landing = top + "/" + "/".join(parts)
        out.append(Effect(WRITE, landing, m, False, cmd, note=cmd.name))
        if source is not None and sc.ctx.read_member is not None and _loaded_by_convention(landing, parts):
            text = sc.ctx.read_member(sc.word_path(source, cmd), kind, m)
            if text:
                sc.landed.append((landing, text, cmd))


def _loaded_by_convention(path: str, parts: list[str]) -> bool:
    """Whether a tool loads the file at *path* by its name (a hidden file or folder, a build or task file, a package
    manager's configuration): what a tree brings there is judged by its text, as a Write of it is."""
    if any(p.startswith(".") for p in parts):
        return True
    from ..code.convention import role
    from ..pkgconfig import config_tool

    return role(path) is not None or config_tool(path) is not None
