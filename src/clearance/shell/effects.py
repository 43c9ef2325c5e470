"""File-system effects of a command: which paths it deletes, writes or reads.

The file tools (Write, Edit, Read ...) produce the same Effect objects, so one
set of rules (rules/fs.py, rules/creds.py) judges paths whichever way they are
touched.
"""

from __future__ import annotations

from .. import pathstr
from ..model import TOO_LARGE
from ..paths import DYN, clearance_owned
from ..paths import resolve as resolve_path
from .ir import Word
from .options import EVERYTHING, find_age_bound, find_roots, git_pathspecs, inert_option, normalise, normalise_words, spelled_out
from .outputs_table import DIR, TABLE
from .outputs_table import written as table_outputs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from ..scope import Scope
    from .ir import SimpleCommand
    from .options import Norm

DELETE = "delete"
WRITE = "write"
READ = "read"
# A tree whose contents clearance could not list lands in the path (an archive unpacked, a folder copied): the note says why.
TREE = "tree"


class Effect:
    __slots__ = ("kind", "path", "raw", "recursive", "cmd", "note", "names_only", "query")

    def __init__(
        self,
        kind: str,
        path: str,
        raw: str,
        recursive: bool = False,
        cmd: SimpleCommand | None = None,
        note: str = "",
        names_only: bool = False,
        query: str | None = None,
    ) -> None:
        self.kind = kind
        self.path = path
        self.raw = raw
        self.recursive = recursive
        self.cmd = cmd
        self.note = note
        # A read that answers with the names of what it matches (a listing), never their contents.
        self.names_only = names_only
        # What a names-only search looks for in the files' contents (the Grep tool's regular expression); None: not known.
        self.query = query

    def __repr__(self) -> str:
        return f"Effect({self.kind}, {self.path.replace(DYN, '$?')!r}, recursive={self.recursive})"


# rmdir removes only empty directories: a deletion, never of contents.
_DELETERS = frozenset({"rm", "rmdir", "unlink", "shred", "srm", "trash", "trash-put", "gio", "rimraf", "del-cli", "trash-cli", "rmtrash", "gtrash", "trash-rm"})
DELETERS = _DELETERS
_COMPRESSORS_NAMES = ("gzip", "gunzip", "pigz", "unpigz", "bzip2", "bunzip2", "xz", "unxz", "lzma", "unlzma", "lzip", "compress", "uncompress")
# Commands whose file effects this module reads (besides the deleters).
WRITERS = frozenset(
    {
        "mv",
        "cp",
        "install",
        "ln",
        "chattr",
        "chmod",
        "chown",
        "chgrp",
        "setfacl",
        "truncate",
        "mkfifo",
        "mknod",
        "dd",
        "link",
        *_COMPRESSORS_NAMES,
        "sed",
        "rsync",
        "tar",
        "unzip",
        "7z",
        "7za",
        "7zz",
        "bsdtar",
        "gtar",
        "curl",
        "wget",
    }
)


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


# Devices every system has, none a directory.
_NOT_DIRECTORIES = frozenset({"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty", "/dev/stdout", "/dev/stderr"})


def _many(pattern: str) -> bool:
    """A glob over the root's own entries (`/*`, `/[a-z]*`): it always matches several."""
    head, _, base = pattern.rpartition("/")
    return head == "" and pattern.startswith("/") and any(ch in base for ch in "*?[") and DYN not in pattern


# Deleters that take whole directories without a -r flag.
_ALWAYS_RECURSIVE = frozenset({"rimraf", "del-cli", "trash", "trash-put", "gio", "trash-cli", "rmtrash", "gtrash"})


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


_GREPS = frozenset({"grep", "egrep", "fgrep", "ggrep"})
# grep's short options that take a value: in a cluster (`-rA3`, `-rem`) the rest of the word is that value.
_GREP_VALUED = frozenset("efmABCdD")
_RG_NAMES_ONLY = frozenset({"-l", "--files-with-matches", "--files-without-match", "-c", "--count", "--count-matches", "-q", "--quiet"})
_GREP_NAMES_ONLY = frozenset({"--files-with-matches", "--files-without-match", "--count", "--quiet", "--silent"})


# Commands that only pass text on or summarise it: names piped into them are still only shown (`grep -rl x ~ | head`).
# Anything else (xargs, a `while read` loop, a shell) may open the files named.
TEXT_FILTERS = frozenset({"head", "tail", "sort", "uniq", "wc", "grep", "egrep", "fgrep", "cut", "tr", "nl", "column", "less", "more", "cat"})


def search_reading(name: str, vals: list[str]) -> tuple[bool, bool, str | None] | None:
    """How grep or rg reads what it is given: (recursive, names only, the pattern it looks for as a regular expression
    of the Grep tool's kind, or None when not known).  Names only: `-l`, `-L`, `-c`, `-q` answer with file names,
    counts or a status, never lines.  grep's short options are read as clusters (`-rih`, `-Ril`, `-rA3`); `-d recurse`
    recurses.  None for other programs."""
    rg = name in ("rg", "ripgrep")
    if not rg and name not in _GREPS:
        return None
    deep = rg
    names = False
    fixed = name == "fgrep"
    basic = name in ("grep", "ggrep")
    patterns: list[str] = []
    from_file = False
    operands: list[str] = []
    i = 0
    while i < len(vals):
        v = vals[i]
        if v == "--":
            operands += vals[i + 1 :]
            break
        if v.startswith("--"):
            key, eq, val = v.partition("=")
            if key in ("--regexp", "--file") and not eq and i + 1 < len(vals):
                val, i = vals[i + 1], i + 1
            if key == "--regexp":
                patterns.append(val)
            elif key == "--file":
                from_file = True
            elif key == "--recursive" or key == "--dereference-recursive" or (key == "--directories" and val == "recurse"):
                deep = True
            elif key in ("--fixed-strings",):
                fixed = True
            elif key in ("--extended-regexp", "--perl-regexp"):
                basic = False
            names = names or key in _GREP_NAMES_ONLY or (rg and key in _RG_NAMES_ONLY)
        elif v.startswith("-") and len(v) > 1:
            if rg:
                names = names or v in _RG_NAMES_ONLY
                if v in ("-e", "-f", "-g", "-t", "-T", "-m", "-A", "-B", "-C", "-j", "-M", "--type") and i + 1 < len(vals):
                    if v == "-e":
                        patterns.append(vals[i + 1])
                    from_file = from_file or v == "-f"
                    i += 1
                fixed = fixed or v == "-F"
            else:
                for k, ch in enumerate(v[1:], 1):
                    if ch in _GREP_VALUED:
                        val = v[k + 1 :]
                        if not val and i + 1 < len(vals):
                            val, i = vals[i + 1], i + 1
                        if ch == "e":
                            patterns.append(val)
                        elif ch == "f":
                            from_file = True
                        elif ch == "d" and val == "recurse":
                            deep = True
                        break
                    deep = deep or ch in "rR"
                    names = names or ch in "lLcq"
                    fixed = fixed or ch == "F"
                    basic = basic and ch not in "EP"
        else:
            operands.append(v)
        i += 1
    if not patterns and not from_file and operands:
        patterns = operands[:1]
    query: str | None = None
    if len(patterns) == 1 and not from_file and DYN not in patterns[0]:
        q = patterns[0]
        if fixed:
            q = "".join("\\" + c if c in ".*+?{}()[]^$|\\" else c for c in q)
        elif basic and any("\\" + c in q for c in "|(){}?+"):
            q = ""  # a basic expression's \| and \( are its alternatives and groups: not read
        query = q or None
    return deep, names, query


_RECURSIVE_READERS = frozenset({"rg", "ag", "ack", "tar", "zip", "7z", "tree", "fd", "fdfind", "ripgrep"})
READERS = _RECURSIVE_READERS
_OPT_VALUE = {
    "cp": frozenset({"-t", "--target-directory", "-S", "--suffix"}),
    "mv": frozenset({"-t", "--target-directory", "-S", "--suffix"}),
    "install": frozenset({"-t", "-m", "-o", "-g", "--mode", "--owner", "--group", "-S"}),
    "ln": frozenset({"-t", "-S"}),
    "chmod": frozenset({"--reference"}),
    "chown": frozenset({"--reference", "--from"}),
    "chgrp": frozenset({"--reference"}),
    "truncate": frozenset({"-s", "--size", "-r", "--reference"}),
    "touch": frozenset({"-d", "-t", "-r", "--date", "--reference"}),
    "mkdir": frozenset({"-m", "--mode"}),
    "tee": frozenset(),
    "rsync": frozenset(
        {
            "-e",
            "--rsh",
            "--exclude",
            "--include",
            "--filter",
            "-f",
            "--exclude-from",
            "--include-from",
            "--files-from",
            "--chmod",
            "--chown",
            "--rsync-path",
            "--backup-dir",
            "--log-file",
            "--port",
            "--password-file",
            "--timeout",
            "-T",
            "--temp-dir",
        }
    ),
    "sed": frozenset({"-e", "-f", "--expression", "--file", "-l"}),
    "patch": frozenset({"-i", "--input", "-o", "--output", "-p", "-d", "--directory", "-r", "--reject-file", "-B", "-D", "-F", "-V", "-z", "--suffix"}),
}
# Programs of METADATA_ONLY whose option makes them parse another file, echoing its lines back in their errors or
# listing: program -> (short options that take a value, long options that take a value, the options among them whose
# value is a file parsed, a flag after which the operands are such files).  From each program's manual: file(1) -m
# magic files (colon-separated) and -f a list of names; GNU wc/du --files0-from names; ssh/scp/sftp -F configuration
# (ssh reports each line's first word it cannot read); sftp -b batch commands (echoed); rsync --files-from names;
# tree --fromfile (the operands are listings it prints).
_CONTENT_OPTIONS: dict[str, tuple[str, frozenset[str], frozenset[str], str]] = {
    "file": (
        "efFmP",
        frozenset({"--magic-file", "--files-from", "--separator", "--exclude", "--exclude-quiet", "--parameter"}),
        frozenset({"-m", "-f", "--magic-file", "--files-from"}),
        "",
    ),
    "wc": ("", frozenset({"--files0-from"}), frozenset({"--files0-from"}), ""),
    "du": (
        "BdtX",
        frozenset({"--files0-from", "--block-size", "--max-depth", "--threshold", "--exclude-from", "--exclude", "--time-style", "--time"}),
        frozenset({"--files0-from"}),
        "",
    ),
    "ssh": ("BbcDEeFIiJLlmOoPpQRSWw", frozenset(), frozenset({"-F"}), ""),
    "scp": ("cDFiJloPSX", frozenset(), frozenset({"-F"}), ""),
    "sftp": ("BbcDFiJloPRSX", frozenset(), frozenset({"-F", "-b"}), ""),
    "rsync": ("efTBM", frozenset(_OPT_VALUE["rsync"]), frozenset({"--files-from"}), ""),
    "tree": ("LPIoHT", frozenset({"--charset", "--filelimit", "--timefmt", "--sort", "--infofile", "--hintro", "--houtro"}), frozenset(), "--fromfile"),
}


# Archivers that take the names of the files they read from standard input: cpio -o (--create), pax -w, afio -o;
# tar -T - (--files-from -); zip -@ (--names-stdin); rsync --files-from=-.
_NAMES_ON_STDIN = frozenset({"cpio", "pax", "afio", "tar", "gtar", "bsdtar", "zip", "rsync"})


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


# Editors and in-place filters: every file operand is (or may be) written.
_EDITORS = frozenset({"ed", "ex", "vi", "vim", "nvim", "view", "nano", "pico", "emacs", "micro", "kak", "hx", "sponge", "joe", "mg"})
_VIM_READONLY = ("-R", "-M")
_EDITOR_READONLY = {"vi": _VIM_READONLY, "vim": _VIM_READONLY, "nvim": _VIM_READONLY, "view": _VIM_READONLY, "nano": ("-v", "--view")}
_EDITOR_OPT_VALUE = frozenset({"-c", "--cmd", "-S", "-u", "-U", "-i", "-T", "-w", "-W", "-s", "-t", "-q", "-r", "--eval", "-l", "--load", "-f", "--funcall"})
# Commands that only list or use a path without revealing its contents.
# Programs whose every operand is a file they print: a bare name is a path too (`cd ~/.ssh && cat id_rsa`).
PRINTERS = frozenset({"cat", "tac", "nl", "less", "more", "head", "tail", "base64", "base32", "xxd", "od", "hexdump", "strings", "bat", "batcat", "view"})
METADATA_ONLY = frozenset(
    {
        "ls",
        "stat",
        "file",
        "test",
        "[",
        "[[",
        "ssh",
        "ssh-add",
        "ssh-keygen",
        "ssh-copy-id",
        "chmod",
        "chown",
        "chgrp",
        "mkdir",
        "touch",
        "du",
        "realpath",
        "readlink",
        "basename",
        "dirname",
        "wc",
        "find",
        "cd",
        "pushd",
        "lsattr",
        "getfacl",
        "tree",
        "exa",
        "eza",
        "echo",
        "printf",
        "git",
        "sftp",
        "rsync",
        "scp",
        "mv",
        "rm",
        "rmdir",
        "export",
        "ssh-agent",
        "kill",
        # writers that never read their operands: tee copies stdin into them, truncate sets their size
        "tee",
        "truncate",
        "mkfifo",
        "mknod",
    }
)


def operands(args: list[Word], with_value: frozenset[str] = frozenset()) -> tuple[list[Word], set[str]]:
    """Split arguments into operands and the set of short/long flags seen."""
    ops: list[Word] = []
    flags: set[str] = set()
    i = 0
    end_opts = False
    while i < len(args):
        w = args[i]
        v = w.value
        if not end_opts and v == "--":
            end_opts = True
        elif not end_opts and v.startswith("--") and len(v) > 2:
            key = v.split("=", 1)[0]
            flags.add(key)
            if key in with_value and "=" not in v:
                i += 1
        elif not end_opts and v.startswith("-") and len(v) > 1 and DYN not in v[:2]:
            if v[:2] in with_value:
                flags.add(v[:2])
                if len(v) == 2:
                    i += 1
            else:
                # A cluster as getopt reads it: flags until one that takes a value, which is the rest of the word or,
                # at its end, the next word (`rsync -avze CMD`, `cp -rt DIR`).
                for k, ch in enumerate(v[1:], 1):
                    flags.add("-" + ch)
                    if "-" + ch in with_value:
                        if k == len(v) - 1:
                            i += 1
                        break
        else:
            ops.append(w)
        i += 1
    return ops, flags


# The programs _removes_sources knows an option of (it is False for every other name).
# Programs that never read their standard input (nor print it): a file redirected into one is opened and left unread.
# Not date (date -f - echoes what it cannot parse), cp or mv (an operand /dev/stdin is read), rm (-i reads answers).
_STDIN_UNREAD = frozenset({"chmod", "chown", "chgrp", "mkdir", "rmdir", "touch", "ln", "ls", "pwd", "true", "false", "sleep", "echo", "kill"})
_SOURCE_REMOVERS = frozenset({"tar", "bsdtar", "gtar", "zip", "7z", "7za", "7zz", "rsync"})


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
        return "--remove-source-files" in vals
    return False


_REAL_ROOTS: dict[str, str] = {}


def _through_link(p: str, sc: Scope, kind: str, follow: bool = False) -> str | None:
    """Where a path inside the project really is when a symlink in its directories leads out of the project, or None.

    `dist -> ~` makes `rm -rf dist/*` a deletion of ~/*. The last component of a deleted path is not followed
    (rm removes the link itself); a glob or an unknown part is resolved up to where it starts. Only on the
    machine the hook runs on (ctx.realpath); the team service keeps paths as written.
    """
    from .. import paths

    rp = sc.ctx.realpath
    root = sc.ctx.project_root
    if rp is None or not root or not p.startswith("/") or not sc.inside_project(p):
        return None
    if DYN in p or paths.has_glob(p):
        head = paths.static_prefix(p)
    else:
        head = pathstr.dirname(p) if kind == DELETE and not follow else p
    if not head or head == "/" or not paths.is_within(head, root) or (head == root and not follow):
        return None
    real_root = _REAL_ROOTS.get(root)
    if real_root is None:
        real_root = _REAL_ROOTS[root] = rp(root) or root
    real = rp(head)
    if not real or paths.is_within(real, real_root) or paths.is_within(real, root):
        return None
    return real.rstrip("/") + p[len(head) :]


# A program's options naming what it authenticates with (a client certificate and its key, a CA bundle, an SSH key, a
# kubeconfig): the program loads the file to sign or verify a connection, and its content reaches neither the output
# nor the peer (a TLS client sends the certificate, which is public). Not read as printing the file, as `ssh -i KEY`
# is not: `curl --cert ~/.certs/c.pem URL`, `kubectl --kubeconfig ~/.kube/config get pods`. A declarative table of
# the programs' options (as outputs_table.py is for their outputs); program -> (options, subcommands it holds for or
# () for all, options that send the credential elsewhere and void it).
AUTH_OPTIONS: dict[str, tuple[frozenset[str], tuple[str, ...], frozenset[str]]] = {
    "curl": (frozenset({"--cert", "-E", "--key", "--cacert", "--capath", "--proxy-cert", "--proxy-key", "--proxy-cacert", "--crlfile"}), (), frozenset()),
    "wget": (frozenset({"--certificate", "--private-key", "--ca-certificate", "--ca-directory", "--crl-file"}), (), frozenset()),
    "http": (frozenset({"--cert", "--cert-key", "--verify"}), (), frozenset()),
    "https": (frozenset({"--cert", "--cert-key", "--verify"}), (), frozenset()),
    "openssl": (frozenset({"-cert", "-key", "-CAfile", "-CApath"}), ("s_client", "s_time"), frozenset()),
    "ansible": (frozenset({"--private-key", "--key-file"}), (), frozenset()),
    "ansible-playbook": (frozenset({"--private-key", "--key-file"}), (), frozenset()),
    "kubectl": (frozenset({"--kubeconfig"}), (), frozenset({"--server", "-s", "--token"})),
    "helm": (frozenset({"--kubeconfig"}), (), frozenset({"--kube-apiserver", "--kube-token"})),
    "docker": (frozenset({"--tlscert", "--tlskey", "--tlscacert"}), (), frozenset()),
}


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


def effects(cmd: SimpleCommand, sc: Scope) -> list[Effect]:
    out: list[Effect] = []
    name = cmd.name
    args = cmd.args
    inert = inert_option(cmd)
    if inert:
        name, args = "", []  # `rm --help`, `rsync -n …`: only its redirections act
    reads_data = True
    not_read: set[int] = set()  # words that name an output, not something read (sort -o FILE)

    def add(kind: str, w: Word, recursive: bool = False, note: str = "") -> None:
        p = sc.word_path(w, cmd)
        if kind != READ and sc.ctx.realpath is not None:
            # `rm -rf link/`: a trailing slash makes rm (and find) go through the link to what it points to.
            p = _through_link(p, sc, kind, follow=w.value.endswith(("/", "/."))) or p
        out.append(Effect(kind, p, w.value, recursive, cmd, note))

    if name in ("rm", "rmdir"):
        # Read as GNU rm reads them: --rec, -rf, --recursive=…, -- before operands.
        nc = normalise(cmd)
        for w in nc.words:
            add(DELETE, w, nc.has("recursive"))
    elif name in _DELETERS:
        ops, flags = operands(args)
        if name == "gio" and ops and ops[0].value in ("copy", "move") and len(ops) >= 3:
            # gio copy|move SOURCE… DEST: DEST is written (as cp and mv); move removes its sources.
            add(WRITE, ops[-1], True)
            ops = ops[1:-1] if ops[0].value == "move" else []
        elif name == "gio" and (not ops or ops[0].value not in ("trash", "remove")):
            ops = []
        elif name == "gio":
            ops = ops[1:]
        recursive = bool(flags & {"-r", "-R", "--recursive"}) or name in _ALWAYS_RECURSIVE
        for w in ops:
            add(DELETE, w, recursive)
    elif name in ("mv", "cp", "install", "ln"):
        target_dir = None
        # Read through the program's option table (GNU getopt_long): `install -Dt DIR`, `ln -sft DIR`, `--target-d=DIR`;
        # -T (--no-target-directory): the destination is the copy itself, never a folder to copy into -- `cp -rT
        # /tmp/stage .` puts what /tmp/stage holds in `.` (adversarial round 9a).
        nc = normalise(cmd)
        ops = nc.words
        flags = {"-r"} if nc.has("recursive", "archive") else set()
        itself = name in ("mv", "cp") and nc.has("no-target-directory")
        t = nc.value("target-directory")
        if t is not None:
            target_dir = next((w for w in args if w.value == t), None) or Word(t, t)
        if target_dir is not None:
            dest: Word | None = target_dir
            sources = ops
        elif len(ops) >= 2 and ops[-1].value in _NOT_DIRECTORIES and (len(ops) > 2 or _many(ops[0].value)) and name in ("mv", "cp"):
            # mv /* /dev/null: several sources need a directory to go into; onto a device mv and cp stop at
            # "target '/dev/null' is not a directory" before they move or copy anything.
            dest, sources = None, []
        elif len(ops) >= 2:
            dest, sources = ops[-1], ops[:-1]
        elif name == "ln" and ops:
            dest, sources = None, []
        else:
            dest, sources = None, []
        recursive = bool(flags & {"-r", "-R", "--recursive", "-a", "--archive"}) or name == "mv"
        if dest is not None:
            if dest.value.startswith("--target-directory="):
                dest = Word(dest.value.split("=", 1)[1], dest.raw)
            into_dir = not itself and (
                target_dir is not None
                or dest.value.endswith(("/", "/.", "/.."))
                or dest.value in (".", "..")  # always directories: cp -r /tmp/x/.claude . writes ./.claude
                or len(sources) > 1  # cp a b DIR: with several sources the destination is a directory
                or dest.value.rstrip("/") in sc.ctx.tmpdirs
            )
            landed: list[tuple[Word, Word]] = []  # (source, where it lands)
            if into_dir and sources and DYN not in dest.value:
                # cp/mv x y z DIR/: each source lands inside the directory.
                for w in sources:
                    base = pathstr.basename(w.value.rstrip("/"))
                    if base and DYN not in base and base not in (".", ".."):
                        add(WRITE, Word(dest.value.rstrip("/") + "/" + base, dest.raw), recursive)
                    else:
                        add(WRITE, dest, recursive)
                    # What a glob matches lands in the directory under names only known when it runs.
                    glob = any(ch in base for ch in "*?[")
                    landed.append((w, dest if glob or not base or DYN in base or base in (".", "..") else Word(dest.value.rstrip("/") + "/" + base, dest.raw)))
            else:
                add(WRITE, dest, recursive)
                landed = [(w, dest) for w in sources]
            if name == "ln":
                # The later commands of the line name the link; what they change is what it points at (Scope.links).
                symbolic = any(a.value in ("-s", "--symbolic") or (a.value[:1] == "-" and a.value[1:2] != "-" and "s" in a.value) for a in args)
                for w, where in landed:
                    link = sc.word_path(where, cmd)
                    if symbolic and not w.value.startswith(("/", "~")):
                        pointed = resolve_path(w.value, pathstr.dirname(link), sc.ctx.home)  # relative to the link's folder
                    else:
                        pointed = sc.word_path(w, cmd)
                    sc.remember_link(link, pointed)
            if name == "cp" and recursive:
                # cp -r DIR/. . and cp -a stage/* .: what the copied folders hold lands too.
                for w, where in landed:
                    from .trees import tree_into

                    tree_into(where, w, "dir", cmd, sc, out)
        # cp --attributes-only creates files with the sources' mode, owner and times, never their contents.
        reads_data = name == "cp" and not normalise(cmd).has("attributes-only")
        for w in sources:
            if name == "mv":
                add(DELETE, w, True, note="moved away")
            elif reads_data or name == "install":
                add(READ, w, recursive)
    elif name == "ditto":
        # ditto SRC... DST (macOS): what each SRC folder holds is copied into DST itself, as `cp -RT` does (with
        # --keepParent, SRC itself into DST); -c makes DST an archive of SRC, -x unpacks the archive SRC into DST.
        ops, flags = operands(args, frozenset({"--arch", "--bom"}))
        if len(ops) >= 2:
            dest = ops[-1]
            add(WRITE, dest, True)
            for w in ops[:-1]:
                add(READ, w, True)
            if "-c" not in flags:
                from .trees import tree_into

                for w in ops[:-1]:
                    keep = "--keepParent" in flags and "-x" not in flags
                    landing = Word(dest.value.rstrip("/") + "/" + pathstr.basename(w.value.rstrip("/")), dest.raw) if keep else dest
                    tree_into(landing, w, "archive" if "-x" in flags else "dir", cmd, sc, out)
    elif name == "chattr":
        # chattr -i FILE / +a FILE: the attribute change looks like an option.
        recursive = any(w.value == "-R" for w in args)
        for w in args:
            v = w.value
            if v.startswith("-") and (v in ("-R", "-V", "-f", "-v", "-p") or v[1:].isdigit()):
                continue
            if v[:1] in "-+=" and v[1:].isalpha():
                continue
            add(WRITE, w, recursive, note=name)
    elif name == "chmod":
        mode, files, recursive = chmod_parts(cmd)
        # A mode that only adds permissions for the owner (u+w, +x) takes nothing away: an ordinary write.
        # One that only takes rights from the group and others (600, 700, go-rwx) opens nothing: "chmod -".
        note = "chmod" if mode is None else "chmod +" if _only_adds(mode) else "chmod -" if _only_restricts(mode, recursive) else "chmod"
        for w in files:
            add(WRITE, w, recursive, note=note)
    elif name in ("chown", "chgrp"):
        nc = normalise(cmd)
        recursive = nc.has("recursive")
        skip = 0 if nc.has("reference") else 1
        for w in nc.words[skip:]:
            add(WRITE, w, recursive, note=name)
    elif name == "setfacl":
        ops, flags = operands(args, _OPT_VALUE.get(name, frozenset()))
        recursive = bool(flags & {"-R", "--recursive"})
        for w in ops[1:]:
            add(WRITE, w, recursive, note=name)
    elif name in ("nc", "ncat", "netcat"):
        # nc -lU PATH: listening on a Unix socket creates a file there (a listener on clearance's daemon socket answers its hook).
        vals = [a.value for a in args]
        short = "".join(v[1:] for v in vals if v.startswith("-") and not v.startswith("--"))
        ops = [a for a in args if not a.value.startswith("-")]
        if ops and ("l" in short or "--listen" in vals) and ("U" in short or "--unixsock" in vals):
            add(WRITE, ops[-1], note=name)
    elif name in ("touch", "mkdir", "truncate", "tee", "mkfifo", "mknod"):
        ops, flags = operands(args, _OPT_VALUE.get(name, frozenset()))
        if name == "mknod":
            ops = ops[:1]
        for w in ops:
            add(WRITE, w)
    elif name == "sort":
        # sort -o FILE / --output=FILE writes FILE (after reading every input, so it may be one of them)
        i = 0
        while i < len(args):
            w = args[i]
            v = w.value
            nxt = args[i + 1] if i + 1 < len(args) else None
            if v == "--":
                break
            if v.startswith("--"):
                key, eq, val = v.partition("=")
                if "--output".startswith(key) and len(key) > 3:  # getopt_long: --out, --output
                    target = Word(val, w.raw) if eq else nxt
                    if target is not None:
                        add(WRITE, target)
                        not_read.add(id(w) if eq else id(target))
                    i += 1 if eq else 2
                    continue
            elif v.startswith("-") and len(v) > 1:
                for j, ch in enumerate(v[1:], start=1):
                    if ch in "ktoST":  # options with a value, glued (-o.env) or the next word
                        glued = v[j + 1 :]
                        if ch == "o":
                            target = Word(glued, w.raw) if glued else nxt
                            if target is not None:
                                add(WRITE, target)
                                not_read.add(id(w) if glued else id(target))
                        if not glued:
                            i += 1
                        break
            i += 1
    elif name == "xargs":
        # xargs reads its items from stdin or from -a/--arg-file FILE; the rest of its words are the command it runs
        # (judged as that command), never files it reads.
        for k, w in enumerate(args):
            v = w.value
            not_read.add(id(w))
            if v in ("-a", "--arg-file") and k + 1 < len(args) and not args[k + 1].procsub:
                add(READ, args[k + 1])
            elif v.startswith("--arg-file="):
                add(READ, Word(v.split("=", 1)[1], w.raw))
    elif name in _EDITORS:
        # vim -c ':%s/a/b/|wq' FILE, ed -s FILE < script, sponge FILE: the file operands are written.
        # ed -s / ex -s / vim -es: silent mode, not vim's "-s SCRIPTIN".
        silent = name in ("ed", "ex", "sponge") or any(a.value.startswith("-") and "e" in a.value[1:] and not a.value.startswith("--") for a in args)
        ops, _ = operands(args, _EDITOR_OPT_VALUE - {"-s"} if silent else _EDITOR_OPT_VALUE)
        # view, vim -R / -M, nano -v: the file opened read-only, with no command given to run in it (-c, +CMD, -S, -s,
        # -w, --eval …): what is shown is read; a person can still force a write, as from any program they open.
        readonly = (
            not silent
            and (name == "view" or any(a.value in _EDITOR_READONLY.get(name, ()) for a in args))
            and not any(a.value in _EDITOR_OPT_VALUE or a.value.startswith(("+", "--cmd", "--eval", "--load", "--funcall")) for a in args)
        )
        for w in ops:
            if not w.value.startswith("+"):
                add(READ if readonly else WRITE, w, note=name)
    elif name == "clearance":
        # clearance report --html FILE writes FILE; --db FILE creates a SQLite store there when there is none.
        # clearance's own store is left to self.clearance-cli, which knows which subcommands only read it.
        for i, w in enumerate(args):
            opt, eq, val = w.value.partition("=")
            # argparse takes any unambiguous prefix (`--htm`, `--d`).
            opt = next((o for o in ("--html", "--db") if len(opt) >= 3 and o.startswith(opt) and opt != "--h"), "")
            if not opt:
                continue
            target = Word(val, val) if eq else (args[i + 1] if i + 1 < len(args) else None)
            if target is None or "://" in target.value or target.value in ("", ":memory:"):
                continue
            if opt == "--db" and clearance_owned(sc.word_path(target, cmd), sc.ctx) is not None:
                continue
            add(WRITE, target, note="clearance " + opt)
    elif name == "patch":
        ops, _ = operands(args, _OPT_VALUE["patch"])
        for i, w in enumerate(args):
            if w.value in ("-o", "--output") and i + 1 < len(args):
                add(WRITE, args[i + 1], note=name)
        if ops:
            add(WRITE, ops[0], note=name)  # patch FILE [PATCHFILE]
        else:
            # patch [-pN] [-i PATCHFILE] < PATCHFILE: the files the patch names are written (patchtext.py).
            strip, sources, where = 0, [], None
            for i, w in enumerate(args):
                v = w.value
                if v in ("-i", "--input", "-p", "--strip", "-d", "--directory") and i + 1 < len(args):
                    if v in ("-i", "--input"):
                        sources.append(args[i + 1])
                    elif v in ("-d", "--directory"):
                        where = args[i + 1]
                    else:
                        strip = _int(args[i + 1].value, 0)
                elif v.startswith("--input="):
                    sources.append(Word(v[8:], v[8:]))
                elif v.startswith("--directory="):
                    where = Word(v[12:], v[12:])
                elif v.startswith("--strip="):
                    strip = _int(v[8:], 0)
                elif v.startswith("-p") and v[2:].isdigit():
                    strip = int(v[2:])
                elif v.startswith("-d") and len(v) > 2:
                    where = Word(v[2:], v[2:])
            unread: list[str] = []
            streamed: list[str] = []
            # patch -d DIR: the patch's files are under DIR (patch changes to DIR first, as `git apply --directory`).
            root = where.value if where is not None else None
            for target in patch_targets(sources, cmd, sc, strip, unread, streamed):
                add(WRITE, _under(root, target), note=name)
            if streamed and where is not None:
                add(WRITE, where, True, note=name)  # an unread patch lands under DIR whatever it holds
            for why in unread[:1]:
                from .trees import tree_into

                tree_into(where or Word(".", "."), None, "patch", cmd, sc, out, unknown=why)
    elif name in ("apply_patch", "applypatch"):
        # Codex's apply_patch run through the shell (`apply_patch "$PATCH"`, `apply_patch <<'EOF'`): Codex applies the
        # envelope itself; every file it names is written (patchtext.py).
        from ..patchtext import targets

        text = args[0].value if args else (cmd.stdin_text or "")
        for t in targets(text, 0):
            add(WRITE, Word(t, t), note=name)
    elif name in ("awk", "gawk") and any(a.value == "inplace" or a.value in ("-iinplace", "--include=inplace") for a in spelled_out("gawk", args)):
        # gawk -i inplace PROGRAM FILE...: the files are rewritten.
        ops, _ = operands(args, frozenset({"-i", "--include", "-f", "--file", "-v", "--assign", "-F", "--field-separator"}))
        for w in ops[1:]:
            add(WRITE, w, note=name)
    elif name == "dd":
        for w in args:
            if w.value.startswith("of="):
                add(WRITE, Word(w.value[3:], w.raw))
            elif w.value.startswith("if="):
                add(READ, Word(w.value[3:], w.raw))
    elif name in ("sort", "uniq", "yq", "openssl", "xxd"):
        _output_operands(name, args, add)
        if name == "openssl":
            # -out FILE, -keyout FILE name what openssl writes (a new key, a certificate), not what it shows.
            not_read |= {id(args[i + 1]) for i, w in enumerate(args[:-1]) if w.value in _OPENSSL_OUTPUTS}
    elif name == "link":
        ops, _ = operands(args)
        if len(ops) == 2:
            add(WRITE, ops[1])  # link FILE1 FILE2: FILE2 made a hard link of FILE1 (as ln)
    elif name in _COMPRESSORS:
        _compressed_in_place(name, args, add)
    elif name in _BINUTILS:
        _binutils_outputs(name, args, add)
    elif name in _COPIERS or name == "dpkg":
        _written_by_option(name, args, add)
        _copied_tree(name, args, cmd, sc, out)
    elif name in _UNPACKERS or (name.startswith(("python", "pypy")) and [a.value for a in args[:2]] in (["-m", "zipfile"], ["-m", "tarfile"])):
        _unpacked_tree(name, args, cmd, sc, add, out)
    elif name in ("perl", "ruby") and any(a.value[:1] == "-" and "i" in a.value for a in args):
        # perl -pi -e, perl -i.bak -pe, ruby -i -pe: the files after the code are rewritten in place,
        # found with the interpreter's own option table.
        from ..code.interpopts import read

        reading = read([name, *(a.value for a in args)], name)
        if reading.inplace and reading.operands:
            for w in args[len(args) - len(reading.operands) :]:
                add(WRITE, w)
    elif name == "sed":
        # Read through GNU sed's option table: `--in-pl`, `-ni`, `-Ei` are -i as sed reads them.
        nc = normalise_words("sed", args)
        ops = nc.words
        inplace = nc.has("in-place")
        if inplace and ops and ops[0].value == "":
            ops = ops[1:]  # BSD sed -i ''
        has_script_opt = nc.has("expression", "file")
        files = ops if has_script_opt else ops[1:]
        for w in files:
            if w.value == "":
                continue
            add(WRITE if inplace else READ, w)
    elif name == "rsync":
        ops, flags = operands(args, _OPT_VALUE["rsync"])
        if len(ops) >= 2:
            dest = ops[-1]
            if ":" not in dest.value.split("/", 1)[0] or dest.value.startswith(("/", ".", "~")):
                add(WRITE, dest, True)
                # --del is rsync's own alias of --delete-during (popt takes no other abbreviation)
                if any(f.startswith("--delete") or f in ("--del", "--remove-source-files") for f in flags):
                    add(DELETE, dest, True, note="rsync --delete")
            # -r, -a and the grouped forms (-avz) copy whole trees: what lies under a source is read, as with cp -r.
            recursive = bool(flags & {"-r", "-a", "--recursive", "--archive"}) or any(f[:1] == "-" and f[1:2] != "-" and ("r" in f or "a" in f) for f in flags)
            for w in ops[:-1]:
                if ":" not in w.value.split("/", 1)[0]:
                    add(READ, w, recursive)
            if recursive and (":" not in dest.value.split("/", 1)[0] or dest.value.startswith(("/", ".", "~"))):
                from .trees import _excludes, tree_into

                for w in ops[:-1]:
                    # rsync SRC/ DEST copies what SRC holds into DEST; rsync SRC DEST copies SRC itself into DEST/SRC.
                    remote = ":" in w.value.split("/", 1)[0] and not w.value.startswith(("/", ".", "~"))
                    into = dest.value if w.value.endswith("/") or remote else dest.value.rstrip("/") + "/" + pathstr.basename(w.value)
                    tree_into(
                        Word(into, dest.raw),
                        None if remote else w,
                        "dir",
                        cmd,
                        sc,
                        out,
                        unknown="it comes from another host" if remote else "",
                        excluded=_excludes(args, _RSYNC_FILTERS),
                    )
    elif name in ("tar", "bsdtar", "gtar"):
        from .trees import tar

        tar(cmd, sc, add, out)
    elif name == "unzip":
        from .trees import unzip

        unzip(cmd, sc, add, out)
    elif name in ("7z", "7za", "7zz"):
        from .trees import sevenzip

        sevenzip(cmd, sc, add, out)
    elif name == "socat":
        for w in socat_written(args):
            add(WRITE, w)
    elif name in ("curl", "wget"):
        args = spelled_out(name, args)  # `curl --output-d DIR`, `wget --directory-p=DIR`: the options in full
        out_flag = "o" if name == "curl" else "O"
        for i, w in enumerate(args):
            v = w.value
            if v[:7].lower() == "file://":
                # A file: URL is a local read (`curl file:///home/ana/.netrc`): the path after the (empty or local) host.
                rest = v[7:]
                host, slash, path = rest.partition("/")
                if slash and host.lower() in ("", "localhost", "127.0.0.1"):
                    add(READ, Word("/" + path.split("?", 1)[0].split("#", 1)[0], w.raw))
                continue
            nxt = args[i + 1] if i + 1 < len(args) else None
            if v.startswith(("--output-document=", "--output=")):
                add(WRITE, Word(v.split("=", 1)[1], w.raw))
            elif v in ("--output", "--output-document", "-P", "--directory-prefix") and nxt is not None:
                if nxt.value != "-":
                    add(WRITE, nxt)
            elif v.startswith("-") and not v.startswith("--") and v.endswith(out_flag) and nxt is not None and nxt.value != "-":
                add(WRITE, nxt)  # -o FILE, and grouped short flags such as -sLo FILE / -qO FILE
        for w in _remote_named(name, args):
            add(WRITE, w)
    # A dry run still writes its plan or log (`terraform plan -out=F`, `rsync -n --log-file=F`); help and version do not.
    dry = inert and cmd.name in TABLE and not any(w in inert for w in ("help", "version", "-h", "-V"))
    if name in TABLE or dry:
        # The output, log, trace, dump and archive files the program's options or operands name (outputs_table.py),
        # besides what the branches above read (tar's members, curl's -o).
        outs = table_outputs(cmd.name, cmd.args, cmd.assigns) if dry else table_outputs(name, args, cmd.assigns)
        if outs is not None:
            have = {(e.kind, e.path) for e in out}
            for w, kind in outs.written:
                add(WRITE, w, kind == DIR or w.value.endswith("/"), note=cmd.name)
                if (WRITE, out[-1].path) in have:
                    out.pop()
                else:
                    have.add((WRITE, out[-1].path))
            not_read |= outs.outputs
    if name == "find":
        # -fprint/-fprint0/-fls/-fprintf FILE: find writes its output into FILE (`find . -fls /etc/passwd`).
        for i, a in enumerate(args[:-1]):
            if a.value in ("-fprint", "-fprint0", "-fls", "-fprintf"):
                add(WRITE, args[i + 1])
        _find_selected_protected(cmd, sc, out)
    if name == "find" and any(a.value == "-delete" for a in args):
        fd = find_delete(cmd)
        roots, expr_at = find_roots(args)
        # One name pattern before -delete selects what goes (`find /tmp -name '*.log' -delete` is /tmp/**/*.log).
        selected = fd.patterns[0] if fd is not None and fd.narrowed and len(fd.patterns) == 1 and "/" not in fd.patterns[0] else ""
        # Only files older (or newer) than a bound go (`find /tmp -type f -mtime +7 -delete`): some files somewhere
        # below the root, whose names are not known -- not everything in it.
        aged = not selected and find_age_bound([a.value for a in args], expr_at)
        for w in roots or [Word(".", ".")] if fd is not None else []:
            root = sc.word_path(w, cmd)
            if sc.ctx.realpath is not None:
                # find follows a starting point that is a link when it ends in "/" or with -H/-L.
                follows = w.value.endswith("/") or any(a.value in ("-H", "-L") for a in args[:expr_at])
                root = _through_link(root, sc, DELETE, follow=follows) or root
            if selected and DYN not in root:
                out.append(Effect(DELETE, root.rstrip("/") + "/**/" + selected, w.value, True, cmd, note="find"))
                continue
            if aged and DYN not in root and not any(ch in w.value for ch in "*?["):
                out.append(Effect(DELETE, root.rstrip("/") + "/**/" + DYN, w.value, True, cmd, note="find"))
                continue
            # "/*" rather than "/" + DYN: the latter marks an unknown working directory. A glob root (`find ~/* -delete`)
            # deletes its matches themselves, as `rm -rf ~/*` would.
            whole = "/*" if root == "/" else root if any(ch in w.value for ch in "*?[") else root + "/" + DYN
            out.append(Effect(DELETE, whole, w.value, True, cmd, note="find"))
    elif name == "git":
        nc = normalise(cmd)
        git_base = _git_base(nc.opts)
        listed = [Word(v, v) for v in pathspecs_from_file(nc, cmd)]
        if nc.sub == ("rm",) and not nc.has("cached") and not nc.has("dry-run"):
            for w in _pathspec_words(nc, cmd, sc, git_base, nc.words + listed):
                add(DELETE, w, nc.has("r"))
        elif nc.sub == ("mv",) and len(nc.words) >= 2 and not nc.has("dry-run"):
            # git mv SRC... DEST: as mv, the sources are moved away and the destination written.
            *sources, dest = _pathspec_words(nc, cmd, sc, git_base, nc.words)
            for w in sources:
                add(DELETE, w, True, note="moved away")
            add(WRITE, dest, True)
        elif nc.sub == ("submodule", "add") and nc.words:
            # git submodule add URL [PATH]: a clone into PATH (by default the URL's last part), as git clone URL PATH.
            url = nc.words[0].value
            dest = nc.words[1] if len(nc.words) >= 2 else Word(pathstr.basename(url.rstrip("/")).removesuffix(".git"), url)
            if dest.value:
                _new_checkout(_under(git_base, dest), cmd, sc, add)
        elif nc.sub == ("submodule", "update") and sc.ctx.read_file is not None:
            # git submodule update [--init]: a checkout into each path .gitmodules names -- which only git reads, so
            # `path = .claude` there is `git submodule add URL .claude` later (read where the hook can read the project).
            top = sc.word_path(Word(git_base or ".", git_base or "."), cmd)
            for p in gitmodules_paths(sc.ctx.read_file(top.rstrip("/") + "/.gitmodules") or "")[:64]:
                _new_checkout(_under(top, Word(p, p)), cmd, sc, add)
        elif nc.sub == ("worktree", "add") and nc.words:
            _new_checkout(_under(git_base, nc.words[0]), cmd, sc, add)  # git worktree add PATH [REV]: a checkout into PATH
        elif nc.sub == ("init",):
            # git init [--separate-git-dir G] [DIR]: a repository created at DIR (its .git, or DIR itself with --bare) and
            # the repository's own folder at G (config, hooks, objects): as a checkout is, where it lands matters.
            for w in [*nc.words[:1], *(Word(g, g) for g in nc.values("separate-git-dir") if g)]:
                _new_checkout(_under(git_base, w), cmd, sc, add)
        elif nc.sub == ("clone",):
            for g in nc.values("separate-git-dir"):
                if g:
                    _new_checkout(_under(git_base, Word(g, g)), cmd, sc, add)  # the repository's folder, apart from DEST
            if len(nc.words) >= 2:
                add(WRITE, _under(git_base, nc.words[1]), True)
        elif nc.sub in (("checkout",), ("restore",)) and not nc.has("patch"):
            # git checkout [TREE] -- PATHS, git restore [--source=TREE] PATHS: the paths are rewritten from the tree.
            paths = nc.words[nc.dashdash :] if nc.dashdash >= 0 else (nc.words if nc.sub == ("restore",) else [])
            if nc.sub == ("checkout",) and nc.dashdash < 0 and len(nc.words) >= 2 and not nc.unknown and not nc.has("b", "B", "orphan", "detach"):
                paths = nc.words[1:]  # git checkout TREE PATH...: one operand switches branches, more are paths
            if nc.sub == ("restore",) and nc.has("staged") and not nc.has("worktree"):
                paths, listed = [], []  # only the index changes
            for w in _pathspec_words(nc, cmd, sc, git_base, paths + listed):
                add(WRITE, w, True)
        elif nc.sub in (("apply",), ("am",)) and not _only_reports(nc.unknown):
            # The files the patch names are written (patchtext.py); git strips one leading component unless -p says otherwise.
            vals = [a.value for a in args]
            strip = next(
                (_int(v[2:] or (vals[i + 1] if i + 1 < len(vals) else ""), 1) for i, v in enumerate(vals) if v == "-p" or (v[:2] == "-p" and v[2:].isdigit())),
                1,
            )
            unread, streamed = [], []
            # --directory=D: every path of the patch is prefixed with D (git apply's root inside the work tree).
            apply_root = next((u.split("=", 1)[1] for u in nc.unknown if u.startswith("--directory=")), None)
            patch_base = _under(git_base, Word(apply_root, apply_root)).value if apply_root else git_base
            for target in patch_targets(list(nc.words), cmd, sc, strip, unread, streamed):
                add(WRITE, _under(patch_base, target), note="git " + nc.sub[0])
            if streamed and apply_root:
                # A patch nobody can read lands under D whatever it holds: D is written, as `tar -x -C D` writes D.
                add(WRITE, _under(git_base, Word(apply_root, apply_root)), True, note="git " + nc.sub[0])
            elif streamed and "--unsafe-paths" in nc.unknown and nc.sub == ("apply",):
                # ... and allowed outside the work tree, it may land anywhere.
                unread.append(f"{streamed[0]}, and --unsafe-paths lets it write outside the work tree")
                patch_base = "/"
            for why in unread[:1]:
                # The files an unread patch changes are unknown: asked about where protected files can be among them.
                from .trees import tree_into

                tree_into(Word(patch_base, patch_base) if patch_base == "/" else _under(patch_base, Word(".", ".")), None, "patch", cmd, sc, out, unknown=why)
        elif nc.sub in (("checkout-index",), ("read-tree",), ("merge-file",)):
            _git_plumbing_writes(nc, cmd, sc, _git_tree(nc, git_base), add, out)
        elif nc.sub[:1] == ("config",):
            written = git_config_file_write(nc)
            if written is not None:
                # git config --file FILE KEY VALUE writes FILE (the keys of git's own config files are the git rules' concern).
                add(WRITE, _under(git_base, Word(written[0], written[0])), note="git config")
        for w, deep in git_file_reads(nc, cmd):
            # Files git reads from outside its object store: diff/grep --no-index, a message -F FILE, blame --contents,
            # hash-object, a blob REV:PATH of the repository -C/--git-dir name (`git diff --no-index ~/.ssh/id_rsa x`).
            add(READ, _under(_git_tree(nc, git_base), w), deep, note="git " + nc.sub[0])
        if nc.sub[:1] in _RECURSING and sc.ctx.read_file is not None and _recurses(args):
            # git pull/checkout/switch/reset/merge --recurse-submodules: a `submodule update` of each submodule afterwards, into
            # the paths .gitmodules names (what a fetched commit changes in .gitmodules is not on disk yet: threat-model).
            top = sc.word_path(Word(git_base or ".", git_base or "."), cmd)
            for p in gitmodules_paths(sc.ctx.read_file(top.rstrip("/") + "/.gitmodules") or "")[:64]:
                _new_checkout(_under(top, Word(p, p)), cmd, sc, add)

    if name in _NAMES_ON_STDIN and _names_on_stdin(name, [a.value for a in args]):
        # echo ~/.ssh/id_rsa | cpio -o, tar -cf - -T -, zip -@ out.zip: the files named on standard input are read
        # into the archive; named by literal text, they are known.
        from .outputs import literal_stdin

        names_text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
        for line in (names_text or "").replace("\0", "\n").splitlines()[:64]:
            if line.strip():
                add(READ, Word(line.strip(), line.strip()), note=name + " names on stdin")
    if name in AUTH_OPTIONS:
        not_read |= authentication_words(name, args)
    if name == "date":
        # date -r FILE (--reference): the file's modification time, not its text -- nor a recursion into it.
        not_read |= {id(args[i + 1]) for i, w in enumerate(args[:-1]) if w.value in ("-r", "--reference")}
        not_read |= {id(w) for w in args if w.value.startswith("--reference=")}
    if name in _CONTENT_OPTIONS:
        # file -m F, wc --files0-from F, ssh -F F: a program that shows only metadata parses the file an option names
        # and echoes its lines back in errors or listings (a key's lines are read as names, configuration words).
        for w in content_option_values(name, args):
            add(READ, w, note=name + " option")
    # Reading: any path-like operand of a command that shows contents.
    if name not in METADATA_ONLY and not (name == "cp" and not reads_data):
        search = search_reading(name, [a.value for a in args])
        deep = name in _RECURSIVE_READERS or any(a.value in ("-r", "-R", "--recursive", "-rl", "-ri", "-rn", "-Rn", "-rni", "-rin") for a in args)
        names, query = False, None
        if search is not None:
            # names answered only where they are shown: captured by `$(…)` they become words another command reads
            deep, names, query = search[0] or deep, search[1] and not cmd.captured, search[2]
        only = _name_filters(name, [a.value for a in args]) if deep else []
        # tar -C DIR: the directory it works in from there on (the files named after it are read there), not a file it reads.
        in_dir = _tar_dirs(args) if name in ("tar", "bsdtar", "gtar") else None
        for i, w in enumerate(args):
            v = w.value
            if id(w) in not_read:
                continue
            if in_dir is not None:
                if in_dir[i] is None:
                    continue
                if in_dir[i] and not v.startswith(("-", "/", "~")):
                    v = pathstr.join(in_dir[i] or "", v)
            if v.startswith("-") and "=" in v:
                v = v.split("=", 1)[1]
            elif v.startswith("-") or (v.startswith("@") and len(v) == 1):
                continue
            if v.startswith("@"):
                v = v[1:]  # curl -d @file
            if "/" in v or v.startswith(("~", ".")) or (name in PRINTERS and v and DYN not in v and "=" not in v) or sc.protected_bare_word(v, cmd):
                if "://" in v:
                    local = file_url_path(v) if name not in ("curl", "wget") else None
                    if local is None:
                        continue
                    v = local  # lynx -dump file:///home/ana/.netrc, aws … --payload file:///…: a local read
                if only:
                    # rg -g '*.md' DIR, grep -r --include='*.py' DIR: only files of those names are read.
                    base = sc.word_path(Word(v, w.raw), cmd)
                    out.extend(Effect(READ, base.rstrip("/") + "/**/" + g, v, False, cmd, names_only=names, query=query) for g in only)
                    continue
                out.append(Effect(READ, sc.word_path(Word(v, w.raw), cmd), v, deep, cmd, names_only=names, query=query))
    for r in cmd.redirects:
        if r.target is None:
            continue
        if r.writes:
            add(WRITE, r.target, note="redirect")
        elif r.reads:
            if r.op == "<" and r.fd in ("", "0") and pathstr.basename(name) in _STDIN_UNREAD:
                continue  # `chmod 600 x < FILE`: the shell opens FILE, the program never reads its input
            add(READ, r.target, note="redirect")
    if name in _SOURCE_REMOVERS and _removes_sources(name, [w.value for w in args]):
        # tar --remove-files, zip -m, 7z -sdel, rsync --remove-source-files: what is read is then deleted.
        for e in [e for e in out if e.kind == READ and e.note != "redirect"]:
            out.append(Effect(DELETE, e.path, e.raw, True, cmd, "moved into an archive or copy"))
    facts = cmd.code
    if facts is not None:
        # Files an interpreter one-liner opens or writes are judged like cat and tee on them.
        for p in getattr(facts, "writes", ()):
            # A directory the code makes (os.makedirs, Path.mkdir: interp.made_dir) is judged as `mkdir` makes it.
            add(WRITE, Word(p, p), note="mkdir" if p.endswith("/") and p != "/" else "code")
        for p in getattr(facts, "reads", ()):
            add(READ, Word(p, p), note="code")
        trees = getattr(facts, "trees", ())
        if trees:
            from .trees import tree_into

            for landing, origin, kind in trees[:16]:
                # shutil.copytree(src, '.', dirs_exist_ok=True), tarfile…extractall(): the tree lands as cp -rT and tar x land it.
                whence = Word(str(origin), str(origin)) if origin else None
                tree_into(Word(str(landing), str(landing)), whence, str(kind), cmd, sc, out, unknown="" if origin else "the code opens the archive itself")
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


def pathspecs_from_file(nc: Norm, cmd: SimpleCommand) -> list[str]:
    """The pathspecs `--pathspec-from-file=FILE` adds: from stdin (`-`) when it is literal, else one unknown."""
    if not nc.has("pathspec-from-file"):
        return []
    source = nc.value("pathspec-from-file") or ""
    text: str | None = None
    if source == "-":
        from .outputs import pipeline_output

        text = cmd.stdin_text if cmd.stdin_text is not None else pipeline_output(cmd.stdin_from) if cmd.stdin_from else None
    if text is None or DYN in text:
        return [DYN]
    sep = "\0" if nc.has("pathspec-file-nul") else "\n"
    return [p for p in text.split(sep) if p][:50] or []


def literal_pathspecs(nc: Norm, cmd: SimpleCommand) -> bool:
    """git --literal-pathspecs or GIT_LITERAL_PATHSPECS=1: `:` is not magic."""
    return nc.has("literal-pathspecs") or cmd.assigns.get("GIT_LITERAL_PATHSPECS", "") not in ("", "0")


def _pathspec_words(nc: Norm, cmd: SimpleCommand, sc: Scope, base: str | None, words: list[Word]) -> list[Word]:
    """The paths git pathspecs name (options.git_pathspecs), relative to where git works.

    `:/x` and `:(top)x` start at the top of the work tree: the project's root when git works inside the project
    (where its repository is), else the directory git was moved to.
    """
    specs = git_pathspecs([w.value for w in words], literal_pathspecs(nc, cmd))
    if not any(top or p != w.value for (p, top), w in zip(specs, words, strict=False)) and len(specs) == len(words):
        return [_under(base, w) for w in words]
    out: list[Word] = []
    for p, top in specs:
        if top:
            here = sc.path(base or ".", cmd)
            root = sc.ctx.project_root if sc.ctx.project_root and sc.inside_project(here) else here
            out.append(Word(root if p == EVERYTHING else pathstr.join(root, p), p))
        else:
            out.append(_under(base, Word(p, p)))
    return out


_PATCH_REPORTS = frozenset({"--check", "--stat", "--numstat", "--summary", "--abort", "--skip", "--quit", "--show-current-patch"})


def _only_reports(flags: list[str]) -> bool:
    """git apply/am options that only report on the patch (or end a session) and write nothing."""
    return any(f.split("=", 1)[0] in _PATCH_REPORTS for f in flags)


def _int(v: str | None, default: int) -> int:
    return int(v) if v is not None and v.isdigit() and len(v) < 4 else default


def patch_targets(
    sources: list[Word], cmd: SimpleCommand, sc: Scope, strip: int, unknown: list[str] | None = None, streamed: list[str] | None = None
) -> list[Word]:
    """The files a patch writes, read from its text: the patch files named (*sources*), else what the command reads
    on standard input (a here-document, `< FILE`, `cat FILE |`, `-`).  A patch file too large for Context.read_file is
    read for its header lines (Context.list_tree); one that cannot be read even so is said in *unknown*.  A patch that
    is not there names nothing (the command fails).  A patch from a stream nobody can read before it runs (another
    program's output, a process substitution `<(…)`, a name only known at run time) is said in *streamed*."""
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
            if text == TOO_LARGE:
                heads, why = sc.ctx.list_tree(p, "patch") if sc.ctx.list_tree is not None else ((), "it is larger than clearance reads")
                if why:
                    if unknown is not None:
                        unknown.append(f"the patch {w.value} cannot be read: {why}")
                    continue
                text = "\n".join(heads)
            if text:
                texts.append(text)
    return [Word(t, t) for text in texts for t in targets(text, strip)]


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


# git verbs whose --recurse-submodules updates the submodules' checkouts.
_RECURSING = frozenset({("pull",), ("checkout",), ("switch",), ("reset",), ("merge",), ("rebase",), ("restore",), ("read-tree",)})


def _recurses(args: list[Word]) -> bool:
    """--recurse-submodules given (and not =no / =false / --no-recurse-submodules after it)."""
    on = False
    for a in args:
        v = a.value
        if v == "--recurse-submodules" or (v.startswith("--recurse-submodules=") and v.split("=", 1)[1] not in ("no", "false", "0", "off")):
            on = True
        elif v == "--no-recurse-submodules" or v.startswith("--recurse-submodules="):
            on = False
    return on


# git subcommands whose option names a file whose text it reads (a message, a file standing for a blob), by option.
_GIT_FILE_OPTIONS: dict[str, frozenset[str]] = {
    "commit": frozenset({"-F", "--file", "-t", "--template"}),
    "tag": frozenset({"-F", "--file"}),
    "notes": frozenset({"-F", "--file"}),
    "merge": frozenset({"-F", "--file"}),
    "blame": frozenset({"--contents"}),
    "annotate": frozenset({"--contents"}),
}


# git verbs that print the text of the paths they are limited to (see git_file_reads), and their options that print
# none of it (names, counts, or an exit status only).
_GIT_PRINTS_PATHS = frozenset({"blame", "annotate", "log", "show", "diff"})
_GIT_NO_TEXT = frozenset(
    {"--stat", "--shortstat", "--numstat", "--name-only", "--name-status", "--quiet", "--exit-code", "-s", "--no-patch", "--summary", "--dirstat"}
)


def git_file_reads(nc: Norm, cmd: SimpleCommand) -> list[tuple[Word, bool]]:
    """The files a git command reads whole, outside its object store, with whether recursively: the two paths of
    `diff --no-index` (implied when a path is absolute: git leaves the work tree for it), the paths `grep --no-index`
    searches, the files `hash-object` hashes, a message file (`commit -F FILE`), `blame --contents FILE`, and the file
    a blob REV:PATH of `show`/`cat-file` was committed as (under -C, --work-tree or beside --git-dir: another repository)."""
    sub = nc.sub[0] if nc.sub else ""
    out: list[tuple[Word, bool]] = []
    flags = nc.unknown
    words = [w for w in nc.words if w.value and w.value != "-"]
    outside = "--no-index" in flags or (sub == "diff" and any(w.value.startswith(("/", "~")) for w in words))
    if sub in ("diff", "grep") and outside:
        out += [(w, True) for w in words]
    elif sub == "hash-object" and "--stdin-paths" not in flags:
        out += [(w, False) for w in words]
    elif sub in ("show", "cat-file"):
        for w in words:
            rev, sep, path = w.value.partition(":")
            if sep and path and "://" not in w.value and not (not rev and path.startswith("/")):
                out.append((Word(path, w.raw), False))
    if sub in _GIT_PRINTS_PATHS and not any(f in _GIT_NO_TEXT for f in flags):
        # Verbs that print the committed text of the paths they are limited to: every line with its commit (blame,
        # annotate), the patches that touched it (`log -p -- .env`), a commit's or a range's changes to it (`show REV --
        # .env`, `diff REV -- .env`). What they print of a secret file is its values, as `git show REV:.env` prints them.
        if sub != "log" or any(f in ("-p", "-u", "--patch", "--patch-with-stat", "--patch-with-raw", "--follow") or f.startswith("-L") for f in flags):
            after = nc.after_dashdash()
            named = [w for w in words if w.value in after] if after else words[-1:] if sub in ("blame", "annotate") else []
            out += [(w, False) for w in named]
    options = _GIT_FILE_OPTIONS.get(sub)
    if options:
        args = cmd.args
        for i, a in enumerate(args):
            v = a.value
            name, eq, value = v.partition("=")
            if eq and name in options and name.startswith("--"):
                out.append((Word(value, a.raw), False))
            elif v in options and i + 1 < len(args):
                out.append((args[i + 1], False))
            elif v[:2] == "-F" and len(v) > 2 and "-F" in options:
                out.append((Word(v[2:], a.raw), False))
    return [(w, deep) for w, deep in out if w.value and w.value != "-"]


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


def _git_base(opts: list[tuple[str, str | None, int]]) -> str | None:
    """The directory `git -C a -C b` works in (each -C relative to the one before), or None."""
    base: str | None = None
    for o, v, level in opts:
        if o == "C" and level == 0 and v:
            base = v if base is None or v.startswith(("/", "~")) else pathstr.join(base, v)
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


# Copiers whose last operand is the local destination unless it names a remote (host:, container:, s3://, gs://, remote:).
_COPIERS: dict[str, frozenset[str]] = {
    "scp": frozenset({""}),
    "docker": frozenset({"cp"}),
    "podman": frozenset({"cp"}),
    "aws": frozenset({"s3"}),
    "gsutil": frozenset({"cp", "mv", "rsync"}),
    "rclone": frozenset({"copy", "sync", "move", "copyto", "moveto"}),
}


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


# Archivers whose extraction lands a tree: cpio's copy-in (-i) and pass-through (-p DIR), pax's read mode (-r), jar's
# extract (x). Python's `-m zipfile -e A DIR` and `-m tarfile -e A [DIR]` are read with them.
_UNPACKERS = frozenset({"cpio", "pax", "jar"})


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
                dest = rest[i + 2] if i + 2 < len(rest) else Word(".", ".")
                add(WRITE, dest, True)
                tree_into(dest, archive, "archive", cmd, sc, out)
        return
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
            tree_into(where or Word(".", "."), None, "archive", cmd, sc, out, unknown="the archive comes from standard input")
        return
    if name == "pax" and "r" in flags:
        pax_file: Word | None = next((args[i + 1] for i, v in enumerate(vals) if v == "-f" and i + 1 < len(vals)), None)
        if "w" in flags:
            ops = [a for a in args if not a.value.startswith("-") and a is not pax_file]
            if ops:
                tree_into(ops[-1], None, "dir", cmd, sc, out, unknown="pax -rw copies the files it is given")
            return
        tree_into(Word(".", "."), pax_file, "archive", cmd, sc, out, unknown="" if pax_file is not None else "the archive comes from standard input")


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
        return
    if name == "dpkg":
        for i, v in enumerate(vals):
            if v in ("-x", "--extract", "-X", "--vextract") and i + 2 < len(vals):
                add(WRITE, args[i + 2], True)  # dpkg -x DEB DIR


# binutils that rewrite an object file: objcopy IN [OUT] (IN itself without OUT), strip [-o OUT] FILE… (each FILE in
# place without -o).  The short options that take their value from the next word (binutils' getopt strings).
_BINUTILS: dict[str, frozenset[str]] = {
    "objcopy": frozenset({"-I", "-O", "-B", "-F", "-j", "-R", "-K", "-N", "-L", "-G", "-W", "-b", "-i"}),
    "strip": frozenset({"-F", "-I", "-O", "-R", "-K", "-N", "-o"}),
}
_BINUTILS["llvm-objcopy"] = _BINUTILS["objcopy"]
_BINUTILS["llvm-strip"] = _BINUTILS["strip"]
_BINUTILS["eu-strip"] = _BINUTILS["strip"]


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


# Compressors that replace each FILE operand by FILE.gz (with -d, FILE.gz by FILE) unless told to keep it; zstd, lz4 and
# lzop keep their input unless given --rm (not modelled: unknown programs given a protected path are asked about).
_COMPRESSORS = frozenset(_COMPRESSORS_NAMES)
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


# openssl's options whose value is a file it writes: -out (every command), -keyout (req: the new private key).
_OPENSSL_OUTPUTS = frozenset({"-out", "--out", "-keyout", "--keyout"})


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


def chmod_parts(cmd: SimpleCommand) -> tuple[str | None, list[Word], bool]:
    """(mode, files, recursive) of chmod, which reads -w, -x, -rwx and -755 as modes, not options (GNU chmod.c)."""
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


# -- what a find expression deletes ------------------------------------------------------------

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


class FindDelete:
    """What a find expression deletes: read in order up to its first deleting action (-delete, -exec rm …)."""

    __slots__ = ("patterns", "exact", "weak", "empty_only", "narrowed", "kind")

    def __init__(self) -> None:
        self.kind = DELETE  # WRITE when the action rewrites what is selected (-exec sed -i … {}, -exec cp X {})
        self.patterns: list[str] = []  # positive name/path/regex tests before the action
        self.exact = False  # -inum, -samefile, -empty
        self.weak = False  # -mtime, -size, -user …
        self.empty_only = False  # only empty directories or files can go (-empty, -type d with -delete or rmdir)
        self.narrowed = True  # every alternative (-o) before the action has a selecting test


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
            if inner in _FIND_DELETERS:
                fd.narrowed = fd.narrowed and branch_has
                fd.empty_only = branch_empty or inner == "rmdir"
                return fd
            end = next((e for e in range(j, len(args)) if args[e].value in (";", "+")), len(args))
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
        elif v in _FIND_ARG:
            val = args[i + 1].value if i + 1 < len(args) else ""
            if not negate:
                if v in _FIND_VALUE_OPTS and val.strip("*.") != "" and DYN not in val:
                    fd.patterns.append(val)
                    branch_has = True
                elif v in _FIND_EXACT:
                    fd.exact = branch_has = True
                elif v in _FIND_WEAK:
                    fd.weak = True
                elif v == "-type" and val == "d":
                    dirs_only = True
            i += 1
        elif v == "-empty" and not negate:
            fd.exact = branch_empty = branch_has = True
        negate = False
        i += 1
    return None


_FIND_NAME_TESTS = frozenset({"-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename"})


def _find_selected_protected(cmd: SimpleCommand, sc: Scope, out: list[Effect]) -> None:
    """`find . -name settings.json -exec rm {} +`, `find ~ -name .claude -delete`: a deleting find whose name or path tests
    select a protected file or folder below its root deletes it -- judged as deleting that path, which the name alone
    (no glob, nothing protected in the words) never showed."""
    fd = find_delete(cmd, lambda words: _exec_acts(words, cmd, sc))
    if fd is None or not fd.narrowed or not fd.patterns:
        return
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


# rsync's filter options other than --exclude: with any of them, what is left out is not read here.
_RSYNC_FILTERS = ("--include", "--filter", "-f", "--exclude-from", "--include-from", "-F", "--cvs-exclude", "-C", "--files-from")
