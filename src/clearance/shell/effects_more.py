"""The effects of less usual commands and options (shell/effects.py's helpers no ordinary line reaches: archives
unpacked, trees copied, patches, git plumbing, find's -delete and -exec, compressors, binutils, chmod's modes …),
loaded on first use through effects.py's stubs (issue 16)."""

from __future__ import annotations

from .. import pathstr
from ..lazyre import lazy
from ..model import TOO_LARGE
from ..paths import DYN
from .effects import _BINUTILS, _CONTENT_OPTIONS, _COPIERS, _OPENSSL_OUTPUTS, AUTH_OPTIONS, DELETE, WRITE, Effect, FindDelete, effects, operands
from .ir import Word
from .options import find_roots, find_roots_only, normalise_words, spelled_out

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from ..scope import Scope
    from .ir import SimpleCommand
    from .options import Norm


def _remote_named(name: str, args: list[Word]) -> list[Word]:
    """The files a download names after its URL: `curl -O URL` (also -J, whose server-sent name falls back to it,
    and --remote-name-all) and `wget URL` without -O write the URL path's last part in the directory (curl
    --output-dir, wget -P), `index.html` for wget when the path has none."""
    vals = [a.value for a in spelled_out(name, args)]
    if name == "curl":
        if not any(v in ("--remote-name", "--remote-name-all") or (v[:1] == "-" and v[1:2] != "-" and "O" in v) for v in vals):
            return []
    elif any(v.startswith(("-O", "--output-document", "--spider")) or (v[:1] == "-" and v[1:2] != "-" and v.endswith("O")) for v in vals):
        return []  # wget -O FILE (handled above) or a request that saves nothing
    where = ""
    for i, v in enumerate(vals):
        if v in ("--output-dir", "-P", "--directory-prefix") and i + 1 < len(vals):
            where = vals[i + 1]
        elif v.startswith(("--output-dir=", "--directory-prefix=")):
            where = v.split("=", 1)[1]
    out = []
    for a in args:
        scheme, sep, rest = a.value.partition("://")
        if not sep or not scheme.isalpha():
            continue
        path = rest.split("?", 1)[0].split("#", 1)[0].partition("/")[2]
        base = path.rsplit("/", 1)[-1] or ("index.html" if name == "wget" else "")
        if base and base not in (".", ".."):
            out.append(Word(pathstr.join(where, base) if where else base, a.raw))
    return out


def _many(pattern: str) -> bool:
    """A glob over the root's own entries (`/*`, `/[a-z]*`): it always matches several."""
    head, _, base = pattern.rpartition("/")
    return head == "" and pattern.startswith("/") and any(ch in base for ch in "*?[") and DYN not in pattern


def _name_filters(name: str, vals: list[str]) -> list[str]:
    """The file-name globs a recursive search reads only (rg -g/--glob, grep --include), or [] when it
    reads every file (no filter, an exclusion, a path glob, or hidden files switched on)."""
    if name not in ("rg", "ripgrep", "grep", "egrep", "fgrep"):
        return []
    out: list[str] = []
    flags = ("-g", "--glob", "--iglob") if name in ("rg", "ripgrep") else ("--include",)
    for i, v in enumerate(vals):
        g = None
        if v in flags and i + 1 < len(vals):
            g = vals[i + 1]
        elif v.startswith(tuple(f + "=" for f in flags if f.startswith("--"))):
            g = v.split("=", 1)[1]
        elif v in ("--hidden", "-uu", "-uuu", "--no-ignore-dot", "-.") or (name in ("rg", "ripgrep") and v.startswith("-u")):
            return []
        if g is not None:
            if not g or g.startswith("!") or "/" in g or DYN in g:
                return []
            out.append(g)
    return out


def _names_on_stdin(name: str, vals: list[str]) -> bool:
    short = "".join(v[1:] for v in vals if v.startswith("-") and not v.startswith("--"))
    if name in ("cpio", "afio"):
        return "o" in short or "--create" in vals
    if name == "pax":
        return "w" in short and not [v for v in vals if not v.startswith("-")]
    if name == "zip":
        return "-@" in vals or "--names-stdin" in vals
    for j, v in enumerate(vals):
        nxt = vals[j + 1] if j + 1 < len(vals) else ""
        if v in ("--files-from=-", "--files-from=/dev/stdin", "-T-", "-T/dev/stdin") or (v in ("-T", "--files-from") and nxt in ("-", "/dev/stdin")):
            return name != "rsync" or v.startswith("--files-from")
    return False


def content_option_values(name: str, args: list[Word]) -> list[Word]:
    """The files *name* parses through the options of ``_CONTENT_OPTIONS`` (getopt's reading: ``-mF``, ``-bm F``,
    ``--opt F``, ``--opt=F``; a magic-file list split at colons)."""
    shorts, longs, parsed, flag = _CONTENT_OPTIONS[name]
    found: list[Word] = []
    operands: list[Word] = []
    i = 0
    while i < len(args):
        w, v = args[i], args[i].value
        nxt = args[i + 1] if i + 1 < len(args) else None
        if v == "--":
            operands += args[i + 1 :]
            break
        if v.startswith("--"):
            key, eq, val = v.partition("=")
            if key in longs:
                value = Word(val, w.raw) if eq else nxt
                if key in parsed and value is not None:
                    found.append(value)
                i += 1 if eq else 2
                continue
        elif v.startswith("-") and len(v) > 1:
            for j, ch in enumerate(v[1:], start=1):
                if ch in shorts:
                    glued = v[j + 1 :]
                    value = Word(glued, w.raw) if glued else nxt
                    if "-" + ch in parsed and value is not None:
                        found.append(value)
                    i += 0 if glued else 1
                    break
        else:
            operands.append(w)
        i += 1
    if flag and any(a.value == flag for a in args):
        found += operands
    out: list[Word] = []
    for w in found:
        parts = w.value.split(":") if name == "file" and ":" in w.value else [w.value]
        out += [Word(p, w.raw) for p in parts if p and p != "-"]
    return out


def moved_sources_destination(name: str, vals: list[str]) -> str | None:
    """Where an archiver or copier that deletes its inputs (`zip -m`, `tar --remove-files`, `7z a -sdel`, `rsync
    --remove-source-files`) puts them: the archive, or rsync's destination; None when it cannot be read (a remote
    destination, an archive on standard output). The inputs are moved there, as `mv` moves them (fix14b)."""
    ops = [v for v in vals if not v.startswith("-")]
    if name in ("tar", "bsdtar", "gtar"):
        from .trees import _tar_words

        archive = normalise_words("tar", _tar_words([Word(v, v) for v in vals])).value("file")
        return archive if archive and archive != "-" else None
    if name == "zip":
        return ops[0] if ops and ops[0] != "-" else None
    if name in ("7z", "7za", "7zz"):
        return ops[1] if len(ops) > 1 else None
    if name == "rsync" and len(ops) >= 2:
        dest = ops[-1]
        remote = ":" in dest.split("/", 1)[0] and not dest.startswith(("/", ".", "~"))
        return None if remote else dest
    return None


def _removes_sources(name: str, vals: list[str]) -> bool:
    if name in ("tar", "bsdtar", "gtar"):
        from .trees import _tar_words

        # `--remove-f`, `-cf X --remove-fi D`: GNU tar takes unique prefixes of its long options.
        return normalise_words("tar", _tar_words([Word(v, v) for v in vals])).has("remove-files")
    if name == "zip":
        return any(v in ("-m", "--move") or (v.startswith("-") and not v.startswith("--") and "m" in v[1:]) for v in vals)
    if name in ("7z", "7za", "7zz"):
        return "-sdel" in vals
    if name == "rsync":
        # --remove-sent-files: rsync's older name of the same option (options.c), read through the option table.
        return normalise_words("rsync", [Word(v, v) for v in vals]).has("remove-source-files")
    return False


def authentication_words(name: str, args: list[Word]) -> set[int]:
    """The ids of *args* that are the value of an option of AUTH_OPTIONS (`--cert F`, `--cert=F`): what the program
    authenticates with. None where the command also names a server of its own choosing for the credential."""
    options, subcommands, voiding = AUTH_OPTIONS[name]
    values = [a.value for a in args]
    if subcommands and not any(v in subcommands for v in values[:1]):
        return set()
    if any(v in voiding or v.split("=", 1)[0] in voiding for v in values):
        return set()  # kubectl --kubeconfig K --server https://elsewhere: the token is sent to another host
    out: set[int] = set()
    for i, w in enumerate(args):
        v = w.value
        if v in options and i + 1 < len(args):
            out.add(id(args[i + 1]))
        elif v.split("=", 1)[0] in options and "=" in v:
            out.add(id(w))
    return out


# socat's address types that name a file (socat(1) "ADDRESS TYPES"): data flowing into one is written there.
_SOCAT_FILE_TYPES = frozenset({"open", "gopen", "create", "creat", "file"})


def socat_written(args: list[Word]) -> list[Word]:
    """The files socat writes: its file addresses on the receiving side (with -u the second address, with -U the
    first, else both, data flowing both ways); of a dual address `A!!B`, B."""
    addrs: list[Word] = []
    one_way = ""
    skip = False
    for w in args:
        v = w.value
        if skip:
            skip = False
        elif v in ("-lf", "-L", "-W"):
            skip = True
        elif v.startswith("-") and v != "-" and not addrs:
            one_way = v if v in ("-u", "-U") else one_way
        else:
            addrs.append(w)
    if len(addrs) != 2:
        return []
    receiving = [addrs[1]] if one_way == "-u" else [addrs[0]] if one_way == "-U" else addrs
    out: list[Word] = []
    for w in receiving:
        side = w.value.rpartition("!!")[2]
        kind, colon, rest = side.partition(":")
        if colon and kind.lower() in _SOCAT_FILE_TYPES:
            path = rest.split(",", 1)[0].strip("'\"")
            if path:
                out.append(Word(path, w.raw))
    return out


def file_url_path(v: str) -> str | None:
    """The local path a ``file:`` URL names (empty or local host), or None for any other URL."""
    if v[:7].lower() != "file://":
        return None
    host, slash, path = v[7:].partition("/")
    if not slash or host.lower() not in ("", "localhost", "127.0.0.1"):
        return None
    return "/" + path.split("?", 1)[0].split("#", 1)[0]


_PATCH_REPORTS = frozenset({"--check", "--stat", "--numstat", "--summary", "--abort", "--skip", "--quit", "--show-current-patch"})


# git apply's and git am's long options ("=": takes a value; parse-options reads `--opt V`, `--opt=V` and any unique
# abbreviation of the subcommand's options).
_GIT_APPLY_OPTS = {
    "apply": (
        "allow-empty allow-overlap apply build-fake-ancestor= cached check directory= exclude= ignore-space-change"
        " ignore-whitespace inaccurate-eof include= index intent-to-add no-add numstat quiet recount reject reverse stat"
        " summary unidiff-zero unsafe-paths verbose whitespace= 3way binary allow-binary-replacement"
    ),
    "am": (
        "abort allow-empty committer-date-is-author-date continue directory= empty= exclude= gpg-sign ignore-date"
        " ignore-space-change ignore-whitespace include= interactive keep keep-cr keep-non-patch message-id no-keep-cr"
        " patch-format= quiet quit quoted-cr= reject rerere-autoupdate resolved resolvemsg= scissors show-current-patch"
        " signoff skip utf8 whitespace= 3way no-verify"
    ),
}


def git_apply_values(sub: str, args: list[Word]) -> tuple[str | None, set[int]]:
    """(the root `--directory` names, or None; the ids of the words options of `git apply`/`git am` (*sub*) take as
    their values), read as parse-options reads them: `--directory D`, `--directory=D`, `--dir D`, `-C 3`, `-p 1` --
    so that `--directory .claude` is the root, not a patch file named `.claude`."""
    known = _GIT_APPLY_OPTS.get(sub, "").split()
    names = tuple(o.rstrip("=") for o in known)
    root: str | None = None
    taken: set[int] = set()
    i = 0
    while i < len(args):
        v = args[i].value
        if v == "--":
            break
        if v.startswith("--") and len(v) > 2:
            name, eq, val = v[2:].partition("=")
            full = name if name in names else _unique_prefix(name, names)
            if full is not None and full + "=" in known:
                if not eq and i + 1 < len(args):
                    val = args[i + 1].value
                    taken.add(id(args[i + 1]))
                    i += 1
                if full == "directory":
                    root = val
        elif v in ("-C", "-p") and i + 1 < len(args):
            taken.add(id(args[i + 1]))
            i += 1
        i += 1
    return root, taken


def _unique_prefix(name: str, options: tuple[str, ...]) -> str | None:
    hits = [o for o in options if o.startswith(name)] if name else []
    return hits[0] if len(hits) == 1 else None


# GNU patch's long options (getopt_long takes any unique abbreviation of them).
_PATCH_LONG = (
    "backup backup-if-mismatch basename-prefix batch binary context directory dry-run ed follow-symlinks force forward fuzz"
    " get help ifdef ignore-whitespace input merge no-backup-if-mismatch normal output posix prefix quiet quoting-style"
    " read-only reject-file reject-format remove-empty-files reverse set-time set-utc silent strip suffix unified verbose"
    " version version-control"
)


def patch_long_options(args: list[Word]) -> list[Word]:
    """patch's words with each abbreviated long option spelled out (`--str 1` is `--strip 1`, `--dir=D` `--directory=D`)."""
    out: list[Word] = []
    for w in args:
        v = w.value
        if v == "--":
            out.extend(args[len(out) :])
            break
        if v.startswith("--") and len(v) > 2:
            name, eq, val = v[2:].partition("=")
            options = tuple(_PATCH_LONG.split())
            if name not in options:
                full = _unique_prefix(name, options)
                if full is not None:
                    w = Word("--" + full + eq + val, w.raw)
        out.append(w)
    return out


def series_writes(cmd: SimpleCommand, sc: Scope, patches: str, series: str | None = None, limit: int = 64) -> tuple[list[Word], list[str]]:
    """(the files written, why some are unknown) by applying each patch a quilt series names, in order: `quilt push`,
    `git quiltimport` read *series* (default PATCHES/series) for the patches under the folder *patches*, each with its
    `-pN` (default 1). The series and its patches are project files the agent writes freely: they are read as the patch
    files `git apply` is given are."""
    read = sc.ctx.read_file
    if read is None:
        return [], []
    text = read(sc.path(series or pathstr.join(patches, "series"), cmd))
    if not isinstance(text, str) or text == TOO_LARGE:
        return [], ([f"its series file {series or pathstr.join(patches, 'series')} cannot be read"] if text == TOO_LARGE else [])
    written: list[Word] = []
    unknown: list[str] = []
    for line in text.splitlines()[:limit]:
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        strip = next((_int(w[2:], 1) for w in words[1:] if w.startswith("-p") and w[2:].isdigit()), 1)
        name = pathstr.join(patches, words[0])
        written += patch_targets([Word(name, name)], cmd, sc, strip, unknown, None, None)
    return written, unknown


def _only_reports(flags: list[str]) -> bool:
    """git apply/am options that only report on the patch (or end a session) and write nothing."""
    return any(f.split("=", 1)[0] in _PATCH_REPORTS for f in flags)


def _int(v: str | None, default: int) -> int:
    return int(v) if v is not None and v.isdigit() and len(v) < 4 else default


def patch_targets(
    sources: list[Word],
    cmd: SimpleCommand,
    sc: Scope,
    strip: int,
    unknown: list[str] | None = None,
    streamed: list[str] | None = None,
    missing: list[str] | None = None,
) -> list[Word]:
    """The files a patch writes, read from its text: the patch files named (*sources*), else what the command reads
    on standard input (a here-document, `< FILE`, `cat FILE |`, `-`).  A patch file too large for Context.read_file is
    read for its header lines (Context.list_tree); one that cannot be read even so is said in *unknown*.  A patch that
    is not there names nothing (the command fails).  A patch from a stream nobody can read before it runs (another
    program's output, a process substitution `<(…)`, a name only known at run time) is said in *streamed*; a patch file
    the disk does not have (yet: a download earlier on the line may write it) in *missing*."""
    from ..patchtext import targets

    texts: list[str] = []
    read = sc.ctx.read_file
    files = [w for w in sources if w.value != "-"]
    if len(files) < len(sources) or not sources:
        if cmd.stdin_text:
            texts.append(cmd.stdin_text)
        files += [r.target for r in cmd.redirects if r.op == "<" and r.target is not None]
        cats = [a for src in cmd.stdin_from if pathstr.basename(src.name) == "cat" for a in src.args if not a.value.startswith("-")]
        files += cats
        if cmd.stdin_from and not cats:
            from .outputs import literal_stdin  # `cat <<EOF |`, `printf … |`

            piped = literal_stdin(cmd.stdin_from)
            if piped is not None:
                texts.append(piped)
            elif streamed is not None:
                streamed.append(f"it is the output of {cmd.stdin_from[-1].name}")
    if streamed is not None and any(DYN in w.value for w in files):
        streamed.append("it is read from a stream or a name only known when the command runs")
    if read is not None:
        for w in files[:8]:
            p = sc.word_path(w, cmd)
            if DYN in p:
                continue
            text = read(p)
            if text is None and missing is not None:
                missing.append(f"the patch {w.value} is not on the disk when the command is judged")
            if text == TOO_LARGE:
                heads, why = sc.ctx.list_tree(p, "patch") if sc.ctx.list_tree is not None else ((), "it is larger than clearance reads")
                if why:
                    if unknown is not None:
                        unknown.append(f"the patch {w.value} cannot be read: {why}")
                    continue
                text = "\n".join(heads)
            if text:
                texts.append(text)
    from ..patchtext import links

    over: list[str] = []
    written = [Word(t, t) for text in texts for t in targets(text, strip, over)]
    if over and unknown is not None:
        unknown.append(over[0])
    for text in texts:
        for name, target in links(text, strip)[:64]:
            # A link the patch makes: a later write through it writes where it leads. Inside the tree that is one more
            # file written; out of it (an absolute target, `../` past the top) the patch is judged as one whose files
            # are unknown, as an archive member that is such a link is (treelist: a link leading out of the tree).
            joined = pathstr.normpath(pathstr.join(pathstr.dirname(name), target)) if not target.startswith("/") else target
            if target.startswith("/") or joined == ".." or joined.startswith("../"):
                if unknown is not None:
                    unknown.append(f"it makes {name} a link to {target}, outside the tree it writes")
            else:
                written.append(Word(joined, joined))
    return written


# git config's modes that only read (the rest, and KEY VALUE, write).
_GIT_CONFIG_READS = frozenset({"get", "get-all", "get-regexp", "get-urlmatch", "list", "l", "get-color", "get-colorbool", "show-origin", "show-scope"})


_GIT_CONFIG_WRITES = frozenset({"add", "replace-all", "unset", "unset-all", "rename-section", "remove-section", "edit", "e"})


def git_config_writes(nc: Norm) -> bool:
    """Whether `git config …` writes: a write verb (`set`, `unset`, `edit` …), a write option (`--add`, `--unset`,
    `--edit` …) or KEY VALUE. A read verb or option, or one KEY alone (`git config --global user.email`), reads."""
    opts = {o for o, _, level in nc.opts if level >= 1}
    verb = nc.sub[1] if len(nc.sub) > 1 else ""
    if verb in ("get", "list", "get-color") or (not verb and opts & _GIT_CONFIG_READS):
        return False
    return verb in ("set", "unset", "rename-section", "remove-section", "edit") or bool(opts & _GIT_CONFIG_WRITES) or len(nc.pos) >= 2


def git_config_file_write(nc: Norm) -> tuple[str, str] | None:
    """(FILE, the text written) for `git config --file FILE KEY VALUE` (`-f`, `set`, `--add`, `--unset` …), or None.

    Only files other than git's own configuration (.git/config, ~/.gitconfig, …/git/config): what they say is judged
    key by key by the git rules.  The text is the entry as git writes it (`[submodule "x"]` / `path = .claude`), so a
    `.gitmodules` written this way is judged as the same file written by Write."""
    f = nc.value("file")
    if not f or f == "-" or DYN in f:
        return None
    if f.endswith(("/.git/config", "/git/config")) or f in (".git/config", "config") or pathstr.basename(f) == ".gitconfig":
        return None
    if not git_config_writes(nc):
        return None
    pos = nc.pos
    text = ""
    if len(pos) >= 2 and "." in pos[0]:
        section, _, rest = pos[0].partition(".")
        sub, _, key = rest.rpartition(".")
        head = f'[{section} "{sub}"]' if sub else f"[{section}]"
        text = f"{head}\n\t{key} = {pos[1]}\n"
    return f, text


def _git_plumbing_writes(nc: Norm, cmd: SimpleCommand, sc: Scope, tree: str | None, add: Callable[..., None], out: list[Effect]) -> None:
    """The files git's plumbing verbs write where an option or an operand says: `checkout-index [--prefix=P] FILE…`
    writes P+FILE (with -a/--stdin every file of the index, under P), `read-tree --prefix=P -u REV` checks REV out
    under P, `merge-file CURRENT BASE OTHER` writes its result into CURRENT (-p prints it). *tree* is the work tree the
    command names (--work-tree, -C); the files land under it. The options are not in git's option tables: they are
    read from the words git did not know (nc.unknown) and the operands."""
    unknown = list(nc.unknown)
    words = list(nc.words)
    prefix: str | None = None
    for u in unknown:
        if u.startswith("--prefix="):
            prefix = u.split("=", 1)[1]
        elif u == "--prefix" and words:
            prefix = words.pop(0).value  # `--prefix P`: its value was read as the first operand
    verb = nc.sub[0]
    if verb == "merge-file":
        if words and not any(u in ("-p", "--stdout") for u in unknown):
            add(WRITE, _under(tree, words[0]))
        return
    if verb == "read-tree":
        if prefix is not None and "-u" in unknown:
            folder = prefix if prefix.endswith("/") else pathstr.dirname(prefix) or "."
            add(WRITE, _under(tree, Word(folder, folder)), True, note="git read-tree --prefix")
        return
    every = any(u in ("-a", "--all", "--stdin") for u in unknown)
    if prefix is None:
        if tree is not None and (every or words):
            # git --work-tree=D checkout-index …: the index's files are written under D.
            for w in words or [Word(".", ".")]:
                add(WRITE, _under(tree, w), every, note="git checkout-index")
        return
    if every:
        folder = prefix if prefix.endswith("/") else pathstr.dirname(prefix) or "."
        add(WRITE, _under(tree, Word(folder, folder)), True, note="git checkout-index --prefix")
        from .trees import tree_into

        tree_into(_under(tree, Word(folder, folder)), None, "dir", cmd, sc, out, unknown="every file of the index, whose names the hook does not list")
        return
    for w in words:
        add(WRITE, _under(tree, Word(prefix + w.value, w.raw)), note="git checkout-index --prefix")


def _git_tree(nc: Norm, base: str | None) -> str | None:
    """Where the paths of a git command are read from: its --work-tree, beside its --git-dir, or its -C directory."""
    tree = nc.value("work-tree")
    if tree:
        return tree if base is None or tree.startswith(("/", "~")) else pathstr.join(base, tree)
    git_dir = nc.value("git-dir")
    if git_dir:
        parent = pathstr.dirname(git_dir.rstrip("/")) or "."
        return parent if base is None or parent.startswith(("/", "~")) else pathstr.join(base, parent)
    return base


# Options of ordinary filters that name the file they write (sort -o, openssl -out), and the ones that take a value.
_SORT_VALUE = frozenset(
    {"-k", "-t", "-S", "-T", "--key", "--field-separator", "--buffer-size", "--temporary-directory", "--parallel", "--batch-size"}
    | {"--compress-program", "--files0-from", "--random-source", "--sort"}
)


# xxd's options that take a value (single-dash long spellings included); `-o` is an offset, not an output.
_XXD_VALUE = frozenset({"-c", "-cols", "-g", "-groupsize", "-l", "-len", "-s", "-seek", "-o", "-offset", "-n", "-name"})


_UNIQ_VALUE = frozenset({"-f", "-s", "-w", "--skip-fields", "--skip-chars", "--check-chars", "--all-repeated", "--group"})


_YQ_VALUE = frozenset({"-o", "--output-format", "-p", "--input-format", "-I", "--indent", "--from-file", "--expression", "--front-matter"})


def _remote_source(v: str) -> bool:
    """A copier's source on another host, in a container, a bucket or an rclone remote (`host:/x`, `c:/x`, `s3://b/x`)."""
    head = v.split("/", 1)[0]
    return "://" in v or (":" in head and not v.startswith(("/", ".", "~")))


def _copied_tree(name: str, args: list[Word], cmd: SimpleCommand, sc: Scope, out: list[Effect]) -> None:
    """The tree a copier brings from another host, a container or a bucket (`scp -r host:x/. .`, `docker cp c:/x/. .`,
    `aws s3 sync s3://b/x .`, `gsutil cp -r`, `rclone copy`): its members cannot be listed from here, so it is one TREE
    effect where it lands -- into the destination itself when what the source holds is copied (a `/.` or `/*` source,
    a sync, `aws s3 cp --recursive`, rclone), else into DEST/NAME (adversarial round 9a)."""
    if name == "gsutil":
        # gsutil's own options before the command (`gsutil -m cp`, `-o Boto:x=y`, `-h Header:v`, `-u project`)
        from .optables import GLOBAL_VALUES

        i = 0
        while i < len(args) and args[i].value.startswith("-"):
            i += 2 if args[i].value in GLOBAL_VALUES["gsutil"] else 1
        args = args[i:]
    vals = [a.value for a in args]
    if name in ("docker", "podman"):
        if vals[:1] != ["cp"]:
            return
        rest = args[1:]
    elif name == "aws":
        if vals[:1] != ["s3"] or len(vals) < 2 or vals[1] not in ("cp", "sync", "mv"):
            return
        if vals[1] != "sync" and "--recursive" not in vals:
            return
        rest = args[2:]
    elif name == "gsutil":
        if not vals or vals[0] not in ("cp", "mv", "rsync") or (vals[0] != "rsync" and not {"-r", "-R"} & set(vals[1:])):
            return
        rest = args[1:]
    elif name == "rclone":
        if not vals or vals[0] not in ("copy", "sync", "move"):
            return
        rest = args[1:]
    elif name == "scp":
        if not any(v[:1] == "-" and v[1:2] != "-" and "r" in v for v in vals):
            return
        rest = args
    else:
        return
    ops = [a for a in rest if not a.value.startswith("-")]
    if len(ops) < 2:
        return
    dest = ops[-1]
    if _remote_source(dest.value):
        return
    from .trees import tree_into

    for src in ops[:-1]:
        v = src.value.rstrip("/")
        if not _remote_source(src.value):
            continue
        whole = name in ("aws", "rclone") or (name == "gsutil" and vals[0] == "rsync")  # these copy what the source holds
        contents = whole or v.endswith(("/.", "/*")) or (src.value.endswith("/") and name != "scp")
        base = pathstr.basename(v)
        landing = dest if contents or not base or ":" in base else Word(dest.value.rstrip("/") + "/" + base, dest.raw)
        tree_into(landing, None, "dir", cmd, sc, out, unknown=f"it comes from {src.value.split(':', 1)[0]}:, which the hook cannot list")


def fetched_tree(name: str, args: list[Word], cmd: SimpleCommand, sc: Scope, out: list[Effect]) -> None:
    """The tree a fetcher or extractor not read elsewhere lands in a folder it is told (adversarial round 15a): a
    template copied from a repository (`degit user/repo .`, `tiged`, `copier copy SRC .`), a recursive download with
    the host folder left out (`wget -r -nH`), `svn export|checkout URL .`, a Debian package's files (`dpkg -x P .`,
    `dpkg-deb -x`), a squashfs image (`unsquashfs -d .`). Its members cannot be listed from here: one TREE effect where
    it lands, asked about where protected files can be among them (fs.unknown-tree), as `aws s3 sync s3://b .` is."""
    from .trees import tree_into

    vals = [a.value for a in args]
    ops = [a for a in args if not a.value.startswith("-")]
    here = Word(".", ".")
    dest: Word | None = None
    if name in ("degit", "tiged"):
        dest = ops[1] if len(ops) > 1 else here  # degit SRC [DEST]
    elif name == "wget":
        flags = "".join(v[1:] for v in vals if v[:1] == "-" and v[1:2] != "-")
        recursive = "r" in flags or "m" in flags or "--recursive" in vals or "--mirror" in vals
        flat = any(v in ("-nH", "--no-host-directories", "-nd", "--no-directories") for v in vals)
        if not (recursive and flat):
            return  # without -nH the tree lands in a new folder named after the host
        dest = next((args[i + 1] for i, v in enumerate(vals) if v in ("-P", "--directory-prefix") and i + 1 < len(vals)), None)
        dest = dest or next((Word(v.split("=", 1)[1], v) for v in vals if v.startswith("--directory-prefix=")), here)
    elif name == "svn":
        if len(ops) < 3 or ops[0].value not in ("export", "checkout", "co"):
            return  # svn export URL: a new folder named after the URL
        dest = ops[2]
    elif name == "copier":
        if len(ops) < 3 or ops[0].value not in ("copy", "create"):
            return  # copier update/recopy re-apply the template the project was made from: its own workflow
        dest = ops[2]
    elif name in ("dpkg", "dpkg-deb"):
        at = next((i for i, v in enumerate(vals) if v in ("-x", "--extract", "-X", "--vextract")), None)
        if at is None or at + 2 >= len(args):
            return
        dest = args[at + 2]
    elif name == "unsquashfs":
        dest = next((args[i + 1] for i, v in enumerate(vals) if v in ("-d", "-dest") and i + 1 < len(vals)), None)
    if dest is None or dest.value.startswith("-"):
        return
    tree_into(dest, None, "dir", cmd, sc, out, unknown=f"{name} fetches or unpacks it when it runs, which the hook cannot list")


def _unpacked_tree(name: str, args: list[Word], cmd: SimpleCommand, sc: Scope, add: Callable[..., None], out: list[Effect]) -> None:
    """What an archiver not read elsewhere unpacks where (adversarial round 9a): a TREE whose members are judged
    where they land when the archive can be listed, asked about where protected files can be among them otherwise."""
    from .trees import tree_into

    vals = [a.value for a in args]
    if name.startswith(("python", "pypy")):
        # python -m zipfile -e ARCHIVE DIR / python -m tarfile -e ARCHIVE [DIR]
        rest = args[2:]
        for i, w in enumerate(rest):
            if w.value in ("-e", "--extract") and i + 1 < len(rest):
                archive = rest[i + 1]
                dest = rest[i + 2] if i + 2 < len(rest) and not rest[i + 2].value.startswith("-") else Word(".", ".")
                add(WRITE, dest, True)
                tree_into(dest, archive, _python_archive_kind(vals[1], archive.value, vals), cmd, sc, out)
        return
    if name in ("ar", "unrar", "unar", "cabextract"):
        _extracted(name, args, cmd, sc, add, out)
        return
    gnu_cpio = name == "cpio"
    if name == "bsdcpio":
        name = "cpio"  # libarchive's cpio takes cpio's words (and, unlike GNU cpio, refuses `..` and absolute names)
    if name == "jar":
        first = vals[0] if vals else ""
        letters = first.lstrip("-") if first and not first.startswith("--") else ""
        if "x" not in letters and "--extract" not in vals:
            return
        jar_file: Word | None = next((args[i + 1] for i, v in enumerate(vals) if v == "--file" and i + 1 < len(vals)), None)
        jar_file = jar_file or next((Word(v.split("=", 1)[1], v) for v in vals if v.startswith("--file=")), None)
        if jar_file is None and "f" in letters and len(args) > 1:
            jar_file = args[1]
        dest = next((args[i + 1] for i, v in enumerate(vals) if v in ("-C", "--dir") and i + 1 < len(vals)), Word(".", "."))
        tree_into(dest, jar_file, "archive", cmd, sc, out, unknown="" if jar_file is not None else "it comes from standard input")
        return
    flags = "".join(v[1:] for v in vals if v[:1] == "-" and v[1:2] != "-")
    longs = {v.split("=", 1)[0] for v in vals if v.startswith("--")}
    if name == "cpio":
        ops = [a for a in args if not a.value.startswith("-")]
        where = next((Word(v.split("=", 1)[1], v) for v in vals if v.startswith("--directory=")), None)
        where = where or next((args[i + 1] for i, v in enumerate(vals) if v == "-D" and i + 1 < len(vals)), None)
        if "p" in flags or "--pass-through" in longs:
            dest = ops[-1] if ops else Word(".", ".")
            add(WRITE, dest, True)
            tree_into(dest, None, "dir", cmd, sc, out, unknown="the files it copies are named on standard input")
        elif ("i" in flags or "--extract" in longs) and "t" not in flags and "--list" not in longs:
            if where is not None:
                add(WRITE, where, True)
            # GNU cpio writes a member's absolute or `..` name as it is unless told --no-absolute-filenames (its manual:
            # --absolute-filenames "is the default"): wherever the folder, what it unpacks may land anywhere.
            # libarchive's bsdcpio refuses them unless told --insecure.
            raw = not any(v.startswith("--no-abs") for v in vals) if gnu_cpio else "--insecure" in vals
            tree_into(where or Word(".", "."), None, "archive-raw" if raw else "archive", cmd, sc, out, unknown="the archive comes from standard input")
        return
    if name == "pax" and "r" in flags:
        pax_file: Word | None = next((args[i + 1] for i, v in enumerate(vals) if v == "-f" and i + 1 < len(vals)), None)
        if "w" in flags:
            ops = [a for a in args if not a.value.startswith("-") and a is not pax_file]
            if ops:
                tree_into(ops[-1], None, "dir", cmd, sc, out, unknown="pax -rw copies the files it is given")
            return
        tree_into(Word(".", "."), pax_file, "archive", cmd, sc, out, unknown="" if pax_file is not None else "the archive comes from standard input")


def _python_archive_kind(module: str, archive: str, vals: list[str]) -> str:
    """How `python -m tarfile -e` / `-m zipfile -e` names what it unpacks: zipfile drops `..` and a leading /, tarfile
    (before Python 3.14, without `--filter data|tar`) writes them as the archive gives them."""
    if module != "tarfile":
        return "archive"
    for i, v in enumerate(vals):
        chosen = v.split("=", 1)[1] if v.startswith("--filter=") else vals[i + 1] if v == "--filter" and i + 1 < len(vals) else None
        if chosen in ("data", "tar"):
            return "archive"
    return "archive-raw"


def _extracted(name: str, args: list[Word], cmd: SimpleCommand, sc: Scope, add: Callable[..., None], out: list[Effect]) -> None:
    """`ar x A [MEMBER…]`, `unrar x|e A [FILE…] [DEST/]`, `unar [-o DIR] A`, `cabextract [-d DIR] CAB…`: the members land in
    the working directory or the folder named, judged as a tree (its listing, or asked where protected files can be)."""
    from .trees import tree_into

    vals = [a.value for a in args]
    if name == "ar":
        # ar KEYS[MODS] ARCHIVE [MEMBER…] (the keys with or without a dash); binutils' --output=DIR extracts there
        keys_at = next((i for i, v in enumerate(vals) if not v.startswith("--")), None)
        if keys_at is None or "x" not in vals[keys_at].lstrip("-"):
            return
        ops = [a for a in args[keys_at + 1 :] if not a.value.startswith("--")]
        where = next((Word(v.split("=", 1)[1], v) for v in vals if v.startswith("--output=")), Word(".", "."))
        if len(ops) > 1:
            for m in ops[1:]:
                add(WRITE, Word(where.value.rstrip("/") + "/" + m.value, m.raw) if where.value != "." else m)
        elif ops:
            tree_into(where, ops[0], "archive", cmd, sc, out)
        return
    ops = [a for a in args if not a.value.startswith("-")]
    if name == "unrar":
        if not ops or ops[0].value not in ("x", "e"):
            return
        rest = ops[1:]
        dest = rest[-1] if len(rest) > 1 and rest[-1].value.endswith("/") else Word(".", ".")
        if rest:
            tree_into(dest, rest[0], "archive", cmd, sc, out)
        return
    flag = "-o" if name == "unar" else "-d"
    into = next((args[i + 1] for i, v in enumerate(vals) if v in (flag, "--output-directory", "--directory") and i + 1 < len(vals)), None)
    archives = [a for a in ops if a is not into]
    for a in archives[:1] if name == "unar" else archives:
        tree_into(into or Word(".", "."), a, "archive", cmd, sc, out)


def _written_by_option(name: str, args: list[Word], add: Callable[..., None]) -> None:
    """`dpkg -x DEB DIR`, and the local destination of `scp`, `docker cp`, `aws s3 cp`, `gsutil cp`, `rclone copy`:
    files these programs write (the output options of others are outputs_table.py's)."""
    vals = [a.value for a in args]
    if name in _COPIERS:
        sub = vals[0] if vals and "" not in _COPIERS[name] else ""
        if sub not in _COPIERS[name]:
            return
        if name == "aws" and (len(vals) < 2 or vals[1] not in ("cp", "mv", "sync")):
            return
        ops = [a for a in args[(2 if name == "aws" else 1 if sub else 0) :] if not a.value.startswith("-")]
        if len(ops) >= 2:
            dest = ops[-1]
            head = dest.value.split("/", 1)[0]
            if "://" not in dest.value and (":" not in head or dest.value.startswith(("/", ".", "~"))):
                add(WRITE, dest, dest.value.endswith("/") or name in ("rclone", "gsutil"))
            if sub in ("mv", "move", "moveto") or (name == "aws" and vals[1] == "mv"):
                # A move takes its local sources away (`rclone moveto ~/.claude remote:x`): each a deletion, as mv's.
                for src in ops[:-1]:
                    h = src.value.split("/", 1)[0]
                    if "://" not in src.value and (":" not in h or src.value.startswith(("/", ".", "~"))):
                        add(DELETE, src, True, note="moved away")
        return
    if name == "dpkg":
        for i, v in enumerate(vals):
            if v in ("-x", "--extract", "-X", "--vextract") and i + 2 < len(vals):
                add(WRITE, args[i + 2], True)  # dpkg -x DEB DIR


def _binutils_outputs(name: str, args: list[Word], add: Callable[..., None]) -> None:
    """The files objcopy and strip write: `objcopy /bin/true ~/.local/bin/x` writes x; `strip -o OUT IN`, `strip F`."""
    valued = _BINUTILS[name]
    ops: list[Word] = []
    out: Word | None = None
    i = 0
    while i < len(args):
        v = args[i].value
        if v in ("--help", "--version", "-h", "-V"):
            return
        if v == "-o" and i + 1 < len(args):
            out = args[i + 1]
        elif v.startswith("-o") and len(v) > 2 and "strip" in name:
            out = Word(v[2:], args[i].raw)
        elif v.startswith("--output-file="):
            out = Word(v.split("=", 1)[1], args[i].raw)
        if v in valued and i + 1 < len(args):
            i += 2
            continue
        if not v.startswith("-") or v == "-":
            ops.append(args[i])
        i += 1
    if out is not None:
        add(WRITE, out)
    elif "objcopy" in name:
        if ops:
            add(WRITE, ops[1] if len(ops) > 1 else ops[0])
    else:
        for w in ops:
            add(WRITE, w)


_COMPRESSOR_VALUE = frozenset(
    {"-S", "--suffix", "-T", "--threads", "-F", "--format", "-C", "--check", "-M", "--memlimit", "-b", "--blocksize", "-p", "--processes"}
)


_COMPRESSOR_KEEP = frozenset({"--stdout", "--to-stdout", "--keep", "--list", "--test", "--help", "--version"})


_COMPRESSED_SUFFIXES = (".gz", ".tgz", ".z", ".bz2", ".xz", ".txz", ".lzma", ".lz", ".Z")


def _compressed_in_place(name: str, args: list[Word], add: Callable[..., None]) -> None:
    """`gzip FILE`, `xz -d FILE.xz`, `bzip2 -r DIR`: each operand is removed (replaced by its compressed or
    decompressed twin); `-c`, `-k`, `-l`, `-t` (and their long spellings) leave it in place."""
    ops, flags = operands(args, _COMPRESSOR_VALUE)
    if flags & _COMPRESSOR_KEEP or any(f[:1] == "-" and f[1:2] != "-" and set(f[1:]) & set("cklthV") for f in flags):
        return
    recursive = bool(flags & {"--recursive"}) or any(f[:1] == "-" and f[1:2] != "-" and "r" in f for f in flags)
    for w in ops:
        if w.value != "-":
            # Judged as a rewrite, not a deletion: the data comes back with the reverse command, but a settings or
            # policy file replaced by FILE.gz is gone for whoever reads it by name.
            add(WRITE, w, recursive)
            expand = "un" in name or bool(flags & {"-d", "--decompress", "--uncompress"})
            if expand and (suffix := next((x for x in _COMPRESSED_SUFFIXES if w.value.endswith(x) and len(w.value) > len(x)), None)):
                add(WRITE, Word(w.value[: -len(suffix)], w.raw))  # gunzip F.gz writes F


def _output_operands(name: str, args: list[Word], add: Callable[..., None]) -> None:
    """The file a reading filter writes besides its standard output: `sort -o F`, `uniq IN OUT`, `yq -i EXPR F`, `openssl … -out F`."""
    if name == "openssl":
        for i, w in enumerate(args[:-1]):
            if w.value in _OPENSSL_OUTPUTS:
                add(WRITE, args[i + 1])
        return
    if name == "sort":
        for i, w in enumerate(args):
            v = w.value
            nxt = args[i + 1] if i + 1 < len(args) else None
            if v.startswith("--output="):
                add(WRITE, Word(v.split("=", 1)[1], w.raw))
            elif v == "--output" and nxt is not None:
                add(WRITE, nxt)
            elif v.startswith("-") and not v.startswith("--") and "o" in v[1:]:
                k = v.index("o", 1)
                if any(f"-{c}" in _SORT_VALUE for c in v[1:k]):
                    continue  # -to: the o is -t's value
                if v[k + 1 :]:
                    add(WRITE, Word(v[k + 1 :], w.raw))  # -oFILE, -uoFILE
                elif nxt is not None:
                    add(WRITE, nxt)
        return
    with_value = {"uniq": _UNIQ_VALUE, "xxd": _XXD_VALUE}.get(name, _YQ_VALUE)
    ops, flags = operands(args, with_value)
    if name in ("uniq", "xxd") and len(ops) >= 2:
        add(WRITE, ops[1])  # uniq INPUT OUTPUT, xxd [-r] INFILE OUTFILE
    elif name == "yq" and flags & {"-i", "--inplace"}:
        # yq -i EXPR FILE…; with --from-file the expression is not an operand.
        for w in ops if "--from-file" in flags else ops[1:]:
            add(WRITE, w)


def _new_checkout(w: Word, cmd: SimpleCommand, sc: Scope, add: Callable[..., None]) -> None:
    """A checkout git creates at *w* (submodule add, worktree add): git refuses a path that holds files, so it only creates
    -- a write where it lands in the project or on a protected path (a new `.claude/`), not a question for every
    worktree made beside the project (`git worktree add ../feature`)."""
    from ..paths import protected_reason

    p = sc.word_path(w, cmd)
    if not sc.outside(p) or protected_reason(p, sc.ctx) is not None:
        add(WRITE, w, True)


def gitmodules_paths(text: str) -> list[str]:
    """The `path = …` values of a .gitmodules file (git's config syntax: blanks around `=`, optional quotes)."""
    out: list[str] = []
    for line in text[:100_000].splitlines():
        key, eq, value = line.strip().partition("=")
        if eq and key.strip().lower() == "path":
            v = value.split(" #", 1)[0].split(" ;", 1)[0].strip().strip('"').strip()
            if v:
                out.append(v)
    return out


def _under(base: str | None, w: Word) -> Word:
    """*w* read relative to *base* (a directory git moved into), when it is relative."""
    if base is None or w.value.startswith(("/", "~")):
        return w
    return Word(pathstr.join(base, w.value), w.raw)


# The last command chmod_parts read and its answer: the rules ask for each effect of one chmod (fs._locks_out_owner),
# and reading its words each time was quadratic (`chmod 755` of 2,000 folders: 0.9 s; issue 16, adv16c).
_LAST_CHMOD: tuple[object, object, int, tuple[str | None, list[Word], bool] | None] = (None, None, 0, None)


def chmod_parts(cmd: SimpleCommand) -> tuple[str | None, list[Word], bool]:
    """(mode, files, recursive) of chmod, which reads -w, -x, -rwx and -755 as modes, not options (GNU chmod.c)."""
    global _LAST_CHMOD
    last = _LAST_CHMOD
    if last[0] is cmd and last[1] is cmd.argv and last[2] == len(cmd.argv) and last[3] is not None:
        return last[3][0], list(last[3][1]), last[3][2]
    got = _chmod_parts(cmd)
    _LAST_CHMOD = (cmd, cmd.argv, len(cmd.argv), got)
    return got[0], list(got[1]), got[2]


def _chmod_parts(cmd: SimpleCommand) -> tuple[str | None, list[Word], bool]:
    words: list[Word] = []
    mode_words: list[str] = []
    for w in cmd.args:
        v = w.value
        if len(v) > 1 and v[0] == "-" and v[1] in "rwxXstugoa0123456789,+=-" and v[1:2] != "-" and not v.startswith("--"):
            if not any(c in v[1:] for c in "RcfvHLP") or any(c in v[1:] for c in "wxXstugoa,+=0123456789"):
                mode_words.append(v)
                continue
        words.append(w)
    nc = normalise_words("chmod", words)
    ops = nc.words
    if nc.has("reference"):
        return None, ops, nc.has("recursive")
    if mode_words:
        return ",".join(mode_words), ops, nc.has("recursive")
    if not ops:
        return None, [], nc.has("recursive")
    return ops[0].value, ops[1:], nc.has("recursive")


_FIND_VALUE_OPTS = frozenset({"-name", "-iname", "-path", "-ipath", "-regex", "-iregex", "-wholename", "-iwholename"})


# find's primaries that take one argument (GNU findutils), so that `-name -delete` is not read as the action.
_FIND_ARG = _FIND_VALUE_OPTS | frozenset(
    {
        "-type", "-xtype", "-maxdepth", "-mindepth", "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-used",
        "-size", "-user", "-group", "-uid", "-gid", "-perm", "-inum", "-samefile", "-newer", "-anewer", "-cnewer",
        "-links", "-fstype", "-printf", "-fprint", "-fprint0", "-fls", "-regextype", "-context", "-lname", "-ilname",
        "-files0-from", "-D", "-fprintf",
    }
)  # fmt: skip


def _newer_xy(v: str) -> bool:
    """GNU find's -newerXY REFERENCE family (`-newermt 2024-01-01`, `-newerct`, `-newerBm FILE`): one argument each."""
    return len(v) == 8 and v.startswith("-newer") and v[6] in "aBcm" and v[7] in "aBcmt"


# Tests that select a few files by what they are rather than by name: one inode, one file, empty files.
_FIND_EXACT = frozenset({"-inum", "-samefile"})


# Tests that narrow by age, size or owner: a subset of every kind of file.
_FIND_WEAK = frozenset(
    {
        "-mtime",
        "-mmin",
        "-atime",
        "-amin",
        "-ctime",
        "-cmin",
        "-used",
        "-size",
        "-user",
        "-group",
        "-uid",
        "-gid",
        "-newer",
        "-anewer",
        "-cnewer",
        "-links",
        "-perm",
    }
)


_FIND_DELETERS = ("rm", "shred", "unlink", "rmdir", "truncate")  # truncate: the file stays, its contents go


_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "busybox"})


# Words that run the command after them unchanged (`find . -exec env rm -rf {} ;`).
_EXEC_PREFIXES = frozenset({"env", "command", "builtin", "exec", "nice", "nohup", "sudo", "doas", "time", "stdbuf", "ionice", "setsid"})


def _script_deleter(script: str) -> str:
    """The first deleting program a `sh -c` script given to find -exec runs, or ""."""
    from .parse import parse

    try:
        inner = parse(script[:4000], "/", "/", {}).commands
    except Exception:  # an unreadable script is judged elsewhere (the unwrapping stage reparses it)
        return ""
    return next((c.name for c in inner if c.name in _FIND_DELETERS), "")


# Programs that, run by find's -exec, act as a test of the file (grep finds a pattern in it, test/cmp compare).
_FIND_TESTERS = frozenset({"grep", "egrep", "fgrep", "rg", "test", "[", "cmp", "diff"})


def find_delete(cmd: SimpleCommand, acts: Callable[[list[Word]], str] | None = None) -> FindDelete | None:
    """The deletion a find command performs, or None when it deletes nothing.

    With *acts* (an -exec program's words to DELETE, WRITE or ""), an -exec whose program rewrites or removes the file it
    is given is the action too, of that kind: `-exec sed -i … {} +`, `-exec cp X {} ;`, `-execdir mv {} x ;`."""
    args = cmd.args
    _, i = find_roots(args)
    fd = FindDelete()
    fd.roots_only = find_roots_only([a.value for a in args], i)
    negate = False
    branch_has = False
    dirs_only = False
    # -type d and -empty narrow the alternative they are in: `-type d -o -name '*.py' -delete` deletes .py files.
    branch_empty = False
    while i < len(args):
        v = args[i].value
        if v in ("!", "-not"):
            negate = True
            i += 1
            continue
        if v in ("-o", "-or", ","):
            # `,` evaluates both sides for every file: what follows it is not narrowed by what precedes it.
            fd.narrowed = fd.narrowed and branch_has
            branch_has = dirs_only = branch_empty = False
        elif v == "-delete":
            fd.narrowed = fd.narrowed and branch_has
            fd.empty_only = dirs_only or branch_empty
            return fd
        elif v in ("-exec", "-execdir", "-ok", "-okdir"):
            j = i + 1
            while j < len(args):
                w = args[j].value
                if not (w in _EXEC_PREFIXES or "=" in w or (j > i + 1 and (w.startswith("-") or w.isdigit()))):
                    break
                j += 1  # -exec env X=1 rm, -exec command rm, -exec nice -n 5 rm
            inner = pathstr.basename(args[j].value) if j < len(args) else ""
            if inner in _SHELLS and j + 2 < len(args) and args[j + 1].value == "-c":
                inner = _script_deleter(args[j + 2].value)  # -exec sh -c 'rm "$1"' _ {} \;
            end = next((e for e in range(j, len(args)) if args[e].value in (";", "+")), len(args))
            if inner in _FIND_DELETERS:
                fd.narrowed = fd.narrowed and branch_has
                fd.empty_only = branch_empty or inner == "rmdir"
                suffix = _derived_suffix(args[j + 1 : end])
                if suffix:
                    # `-name '*.py' -exec rm -f {}c`: the files deleted are the selected names with the suffix.
                    fd.patterns = [p + suffix for p in fd.patterns]
                return fd
            kind = acts(args[j:end]) if acts is not None and inner not in _FIND_TESTERS else ""
            if kind:
                fd.narrowed = fd.narrowed and branch_has
                fd.kind = kind
                return fd
            if inner in _FIND_TESTERS and not negate:
                # -exec grep -q PATTERN {} \; is a test: only files it succeeds on reach what follows.
                fd.exact = branch_has = True
            while i < len(args) and args[i].value not in (";", "+"):
                i += 1
        elif v in _FIND_ARG or _newer_xy(v):
            val = args[i + 1].value if i + 1 < len(args) else ""
            if not negate:
                if v in _FIND_VALUE_OPTS and val.strip("*.") != "" and DYN not in val:
                    fd.patterns.append(val)
                    branch_has = True
                elif v in _FIND_EXACT:
                    fd.exact = branch_has = True
                elif v in _FIND_WEAK or _newer_xy(v):
                    fd.weak = True
                elif v == "-type" and val == "d":
                    dirs_only = True
            i += 1
        elif v == "-empty" and not negate:
            fd.exact = branch_empty = branch_has = True
        negate = False
        i += 1
    return None


def _derived_suffix(words: list[Word]) -> str:
    """The suffix an -exec's words add to the name of the file found (`rm -f {}c`, `rm {}.map`, `rm {}.bak`), or "":
    each is another file, named after the found one (the compiled .pyc beside a .py, its source map, its backup), so
    what is deleted is the selection's names with the suffix.  `{}` alone, `{}/…` (the file found, or what is in it),
    a prefix (`./{}`, `/tmp/{}`: the unwrapped -exec judges where that is) or two different suffixes are "" (round
    ord18)."""
    named = [w.value for w in words if "{}" in w.value]
    if not named or any(not v.startswith("{}") or v.count("{}") != 1 for v in named):
        return ""
    suffixes = {v[2:] for v in named}
    suffix = suffixes.pop() if len(suffixes) == 1 else ""
    return "" if not suffix or "/" in suffix or DYN in suffix else suffix


_FIND_NAME_TESTS = frozenset({"-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename"})


def _find_selected_protected(cmd: SimpleCommand, sc: Scope, out: list[Effect]) -> None:
    """`find . -name settings.json -exec rm {} +`, `find ~ -name .claude -delete`: a deleting find whose name or path tests
    select a protected file or folder below its root deletes it -- judged as deleting that path, which the name alone
    (no glob, nothing protected in the words) never showed."""
    fd = find_delete(cmd, lambda words: _exec_acts(words, cmd, sc))
    if fd is None or not fd.narrowed or not fd.patterns or fd.roots_only:
        return  # with -maxdepth 0 nothing below a starting point is reached
    from ..paths import has_glob, protected_below

    args = cmd.args
    roots, expr_at = find_roots(args)
    # The name tests of each alternative (-o): a path is selected when every test of one alternative matches it.
    branches: list[list[tuple[str, str]]] = [[]]
    for i in range(expr_at, len(args) - 1):
        v = args[i].value
        if v in ("-o", "-or"):
            branches.append([])
        elif v in _FIND_NAME_TESTS and not (i > 0 and args[i - 1].value in ("!", "-not")) and DYN not in args[i + 1].value:
            branches[-1].append((v, args[i + 1].value))
    branches = [b for b in branches if b]
    if not branches:
        return
    for w in roots or [Word(".", ".")]:
        root = sc.word_path(w, cmd)
        if DYN in root or has_glob(root):
            continue
        shown = w.value.rstrip("/") or "/"
        for c in protected_below(root, sc.ctx):
            printed = shown + "/" + c[len(root.rstrip("/")) + 1 :]
            if sc.ctx.list_dir is not None and _absent(c, root, sc.ctx.list_dir):
                continue  # where the disk can be listed (the project, at the hook), only what is there can be selected
            if any(all(_find_test(t, pat, c, printed) for t, pat in b) for b in branches):
                out.append(Effect(fd.kind, c, w.value, True, cmd, note="find"))


# Where find's -exec program is asked what it does to the file it is given: a path nothing else can name.
_FIND_ITEM = "/.clearance-find-selected"


def _exec_acts(words: list[Word], cmd: SimpleCommand, sc: Scope) -> str:
    """DELETE or WRITE when the program find's -exec runs removes or rewrites the file it is given ({}), else "".

    Read through the effects model itself (sed -i, cp X {}, mv {} Y, tee, truncate …), not a list of programs."""
    if not words or not any("{}" in w.value for w in words):
        return ""
    given = [Word(w.value.replace("{}", _FIND_ITEM), w.raw.replace("{}", _FIND_ITEM)) for w in words]
    kinds = {e.kind for e in effects(cmd.derive(given, "find -exec"), sc) if e.path == _FIND_ITEM or e.path.startswith(_FIND_ITEM + "/")}
    return DELETE if DELETE in kinds else WRITE if WRITE in kinds else ""


def _absent(path: str, root: str, list_dir: Callable[[str], list[str] | None]) -> bool:
    """Whether a listing shows *path* missing: its nearest listable ancestor (at or below *root*) lacks the next name."""
    child = path
    parent = pathstr.dirname(path)
    while len(parent) >= len(root.rstrip("/")) and parent != child:
        names = list_dir(parent)
        if names is not None:
            return pathstr.basename(child) not in names
        child, parent = parent, pathstr.dirname(parent)
    return False


def _find_test(test: str, pat: str, path: str, printed: str) -> bool:
    """find's -name/-path test (and their -i forms) on *path*, printed by find as *printed*."""
    import fnmatch

    subject = pathstr.basename(path) if test in ("-name", "-iname") else printed
    if test.startswith("-i"):
        return fnmatch.fnmatchcase(subject.lower(), pat.lower())
    return fnmatch.fnmatchcase(subject, pat)


def _only_restricts(mode: str, recursive: bool) -> bool:
    """Whether a chmod mode gives the group and others nothing and leaves the owner able to read (and, recursively,
    to enter directories): 600, 0700, 400, go-rwx, o-w. A setuid, setgid or sticky bit is not a restriction."""
    if DYN in mode:
        return False
    if mode.isdigit():
        digits = mode.lstrip("0") if len(mode) == 4 else mode
        if len(mode) not in (3, 4) or (len(mode) == 4 and mode[0] != "0") or len(digits) > 3 or digits[-2:] != "00":
            return False
        owner = digits[-3] if len(digits) == 3 else "0"
        return owner == "7" or (owner in "46" and not recursive)
    for clause in mode.split(","):
        who, minus, perms = clause.partition("-")
        if not minus or not who or who.strip("go") or not perms or perms.strip("rwxX"):
            return False
    return True


def _only_adds(mode: str) -> bool:
    """Whether a symbolic chmod mode only adds permissions that open nothing to others: u+w, +x, u+rwX, a+rX, go+r."""
    if DYN in mode:
        return False
    for clause in mode.split(","):
        who, plus, perms = clause.partition("+")
        if not plus or who.strip("ugoa") or not perms or perms.strip("rwxX"):
            return False
        if "w" in perms and who.strip("u"):
            return False  # write for the group or others: a widening
    return True


def _tar_dirs(args: list[Word]) -> list[str | None]:
    """For each of tar's words, the -C directory in force ("" for none), or None for the word that names it."""
    out: list[str | None] = []
    cur = ""
    take = False
    for w in args:
        v = w.value
        if take:
            out.append(None)
            cur = v if v.startswith(("/", "~")) or not cur else pathstr.join(cur, v)
            take = False
        elif v in ("-C", "--directory"):
            out.append(None)
            take = True
        elif v.startswith("--directory="):
            out.append(None)
            d = v.split("=", 1)[1]
            cur = d if d.startswith(("/", "~")) or not cur else pathstr.join(cur, d)
        else:
            out.append(cur)
    return out


def dotfiles_applied(name: str, args: list[Word], cmd: SimpleCommand, sc: Scope, out: list[Effect]) -> None:
    """What a dotfile manager writes into the home folder from a source the command chooses: `chezmoi apply|update
    --source DIR` (or a --config naming one) and `chezmoi init --apply|--one-shot REPO` write every file of the source
    (`dot_claude/settings.json` becomes ~/.claude/settings.json) into the destination (home, or --destination);
    `home-manager switch --flake F` (or -f FILE) activates a configuration that writes home files and runs its
    activation scripts. The source is not a tree clearance lists: one unknown tree into the destination (fs.unknown-tree
    asks where protected files can land). The user's own configuration, named by no option, stays theirs to apply."""
    from .trees import tree_into

    vals = [a.value for a in args]
    ops = [v for v in vals if not v.startswith("-")]
    # The verb: the first operand that is one (`chezmoi --source /tmp/d apply`: the option's value comes first).
    verb = next((v for v in ops if v in ("apply", "update", "init", "switch")), ops[0] if ops else "")

    def value(*names: str) -> str | None:
        for i, v in enumerate(vals):
            for n in names:
                if v == n and i + 1 < len(vals):
                    return vals[i + 1]
                if n.startswith("--") and v.startswith(n + "="):
                    return v.split("=", 1)[1]
                if not n.startswith("--") and v.startswith(n) and len(v) > len(n):
                    return v[len(n) :]
        return None

    if name == "chezmoi":
        source = value("--source", "-S") or value("--config", "-c")
        applies = verb in ("apply", "update") and source is not None
        applies = applies or (verb == "init" and any(v in ("--apply", "-a", "--one-shot") for v in vals))
        if not applies:
            return
        dest = value("--destination", "-D") or "~"
        why = f"chezmoi {verb} writes the files of {source or 'the repository it clones'} into it"
        tree_into(Word(dest, dest), None, "dir", cmd, sc, out, unknown=why)
        return
    if name == "home-manager":
        if verb != "switch":
            return  # build and news write nothing into home
        config = value("--flake") or value("-f", "--file")
        if config is None:
            return
        why = f"home-manager {verb} activates the configuration {config}, which writes home files and runs its scripts"
        tree_into(Word("~", "~"), None, "dir", cmd, sc, out, unknown=why)


# vim's Ex commands that leave the file as it was on disk: printing lines (`%p`, `1,5p`, `g/re/p`, `=`, `#`), options
# (`set nomore`), moving about, and quitting without writing. A buffer change alone (`d`, `s/a/b/`) is kept from
# the disk by a quit that does not write; everything else (a write, `x`, `update`, `saveas`, `normal`, `execute`,
# `call`, `echo` of a function, `redir`, `source`, a script language) is read as a write of the file.
_EX_READONLY = frozenset(
    {
        "p", "pr", "pri", "prin", "print", "P", "Print", "l", "li", "lis", "list", "nu", "num", "numb", "numbe", "number",
        "#", "=", "z", "se", "set", "setl", "setlocal", "q", "q!", "qa", "qa!", "qal", "qall", "quit", "quit!", "quita",
        "quitall", "quitall!", "cq", "cq!", "", "d", "de", "del", "dele", "delet", "delete", "s", "su", "substitute",
        "noh", "nohlsearch", "k", "ma", "mark",
    }
)  # fmt: skip
# The commands of that list that print lines of the file (`:%p`, `:g/re/nu`): the file goes to the output, as cat prints it.
_EX_PRINTS = frozenset({"p", "pr", "pri", "prin", "print", "P", "Print", "l", "li", "lis", "list", "nu", "num", "numb", "numbe", "number", "#", "z"})
_EX_QUITS = frozenset({"q", "q!", "qa", "qa!", "qal", "qall", "quit", "quit!", "quita", "quitall", "quitall!", "cq", "cq!"})
_EX_GLOBALS = frozenset({"g", "gl", "glo", "glob", "globa", "global", "v", "vg", "vgl", "vglo", "vglob", "vgloba", "vglobal"})
_EX_NAME = lazy(r"[a-zA-Z]+!?|[#=]|")


def _ex_range_end(part: str) -> int:
    """Where the line range before an Ex command ends: numbers, `.`, `$`, `%`, marks, searches, offsets (`:1,$`,
    `:'a,'b`, `:/x/+1`)."""
    i = 0
    while i < len(part):
        ch = part[i]
        if ch.isspace() or ch in "0123456789.$%,;+-":
            i += 1
        elif ch == "'" and i + 1 < len(part):
            i += 2
        elif ch in "/?":
            j = i + 1
            while j < len(part) and part[j] != ch:
                j += 2 if part[j] == "\\" else 1
            i = j + 1
        else:
            break
    return min(i, len(part))


def _ex_readonly(text: str, depth: int = 0) -> tuple[bool, bool, bool]:
    """(whether every Ex command of *text* leaves the file on disk as it was, whether the last one quits, whether one
    prints the file's lines)."""
    quits = prints = False
    for piece in text.split("|"):
        part = piece.strip().lstrip(":").strip()
        part = part[_ex_range_end(part) :]
        m = _EX_NAME.match(part)
        name = m.group(0) if m is not None else ""
        rest = part[len(name) :]
        if name.rstrip("!") in _EX_GLOBALS and depth == 0:
            # g/re/CMD, v!/re/CMD: CMD (print by default) on every matching line.
            rest = rest.lstrip()
            if not rest or rest[0].isalnum() or rest[0] in '\\"|':
                return False, False, False
            sep = rest[0]
            end = rest.find(sep, 1)
            inner = rest[end + 1 :] if end > 0 else ""
            ok, _, shown = _ex_readonly(inner, depth + 1)
            if not ok:
                return False, False, False
            quits = False
            prints = prints or shown or not inner.strip()
            continue
        if name not in _EX_READONLY or "\\=" in rest or (not name and rest.strip()):
            return False, False, False  # `:s/x/\=writefile(…)/` evaluates an expression; `:%!cmd` is no command of the list
        if name.startswith("se") and "aw" in rest:
            return False, False, False  # 'autowrite' / 'autowriteall': `:quit` then writes the file
        quits = name in _EX_QUITS
        prints = prints or name in _EX_PRINTS
    return True, quits, prints


def vim_reads_only(args: list[Word], cmd: SimpleCommand) -> tuple[bool, bool]:
    """Whether vim (or ex) is given only Ex commands that leave its files on disk as they were, and nothing else to do:
    `vim -es -c '%p' -c 'q!' FILE`, `ex -s +'g/TODO/p' +q FILE` read FILE as cat does. Its standard input gives no
    more commands (the tool's input, or /dev/null: after the last command vim reads end-of-file and exits, quitting or
    not), and no script, vimrc or keystroke record is given (-S, -u, -s SCRIPTIN, -W …). Second: whether a command
    prints the file's lines (the last one quitting: otherwise vim prints its screen, not the lines)."""
    from .embedded import vim_commands

    values = [a.value for a in args]
    commands = vim_commands(["vim", *values])
    if not commands:
        return False, False
    i = 0
    while i < len(values):
        v = values[i]
        if v in ("-c", "--cmd"):
            i += 2
            continue
        if v.startswith("+"):
            i += 1
            continue
        if v.startswith("--") and v not in ("--clean", "--noplugin", "--not-a-term", "--headless", "--"):
            return False, False
        if v.startswith("-") and not v.startswith("--") and v != "-" and any(ch not in "esEnNRXZmMlbAHFdyL" for ch in v[1:]):
            return False, False  # -S, -u, -U, -i, -w, -W, -T, -t, -q, -r, -c clustered: more than the commands read here
        i += 1
    stdin_given = cmd.stdin_text is not None or bool(cmd.stdin_from)
    stdin_given = stdin_given or any(r.op == "<" and r.fd in ("", "0") and (r.target is None or r.target.value != "/dev/null") for r in cmd.redirects)
    stdin_given = stdin_given or any(r.op in ("<<", "<<<", "<<-") for r in cmd.redirects)
    if stdin_given or not (cmd.untyped or any(r.op == "<" and r.target is not None and r.target.value == "/dev/null" for r in cmd.redirects)):
        return False, False
    quits = prints = False
    for c in commands:
        ok, quits, shown = _ex_readonly(c)
        if not ok:
            return False, False
        prints = prints or shown
    # Commands that do not quit leave vim reading its next keys from that input, where it finds end-of-file and exits
    # without writing (as `vim FILE` alone does: effects' untyped editor): `vim +42 FILE`, `vim +/main FILE` move the
    # cursor and change nothing on disk (ord18: denied under /etc while `vim /etc/hosts` was allowed, fix19b).
    return True, quits and prints


def formatted(name: str, args: list[Word], add: Callable[..., None]) -> None:
    """A code formatter's in-place rewrite of the files and folders it is given (effects.FORMATTERS): each operand is
    written, with what is below it, noted FORMATTED -- unless no writing option is given where one is needed, or an
    option only checks or prints. An option's value is read as an operand too (a formatter's options name few files)."""
    from .effects import FORMATTED, FORMATTER_SUBCOMMANDS, FORMATTERS

    words = list(args)
    spec = FORMATTERS.get(name)
    if spec is None:
        spec = FORMATTER_SUBCOMMANDS[(name, words[0].value)]
        words = words[1:]
    writes, checks = spec
    vals = [w.value.split("=", 1)[0] for w in words]
    if (writes and not any(v in writes for v in vals)) or any(v in checks for v in vals):
        return
    for w in words:
        if w.value and not w.value.startswith("-"):
            add(WRITE, w, True, FORMATTED)
