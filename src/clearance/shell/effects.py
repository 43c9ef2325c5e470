"""File-system effects of a command: which paths it deletes, writes or reads.

The file tools (Write, Edit, Read ...) produce the same Effect objects, so one
set of rules (rules/fs.py, rules/creds.py) judges paths whichever way they are
touched.
"""

from __future__ import annotations

from .. import pathstr
from ..lazyre import lazy
from ..paths import DYN, PRIVATE_KEY_NAMES, clearance_owned
from ..paths import resolve as resolve_path
from .ir import Word
from .options import EVERYTHING, find_age_bound, find_roots, git_pathspecs, inert_option, normalise, normalise_words, spelled_out
from .outputs_table import DIR, SCRIPTS, TABLE
from .outputs_table import written as table_outputs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from ..scope import Scope
    from .ir import SimpleCommand
    from .options import Norm

# The programs that run a build's install step (installdest.INSTALLERS, kept here so the module loads only for them).
INSTALLERS = frozenset({"make", "gmake", "cmake", "meson", "ninja", "samu"})
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
# The note of a `git rm` deletion without --force: only files committed as they are go, so HEAD has each of them.
GIT_RM_COMMITTED = "git rm"
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


# Code formatters: each file or folder they are given is rewritten in place with its meaning kept (the note FORMATTED:
# fs.write-outside-project asks about no such rewrite; the protected-path rules still judge it). name -> (the options
# that make it write, () when it writes by default; the options that make it only check or print). A list of programs,
# each read from its --help: stylua, prettier, black, ruff format, gofmt, rustfmt, clang-format, shfmt, autopep8,
# isort, yapf, taplo fmt, deno fmt, dprint fmt, biome format, terraform fmt, nixfmt, alejandra, fish_indent.
FORMATTED = "formatted in place"
FORMATTERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "stylua": ((), ("-c", "--check", "--verify", "--stdin-filepath")),
    "prettier": (("--write", "-w"), ()),
    "black": ((), ("--check", "--diff", "-c", "--code")),
    "gofmt": (("-w",), ()),
    "rustfmt": ((), ("--check", "--emit")),
    "clang-format": (("-i",), ()),
    "shfmt": (("-w", "--write"), ()),
    "autopep8": (("-i", "--in-place"), ()),
    "isort": ((), ("--check", "--check-only", "-c", "--diff", "--stdout")),
    "yapf": (("-i", "--in-place"), ()),
    "nixfmt": ((), ("-c", "--check")),
    "alejandra": ((), ("-c", "--check")),
    "fish_indent": (("-w", "--write"), ()),
}
# Formatters that are a subcommand of a wider tool: (tool, subcommand) -> the same.
FORMATTER_SUBCOMMANDS: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    ("ruff", "format"): ((), ("--check", "--diff")),
    ("taplo", "fmt"): ((), ("--check",)),
    ("taplo", "format"): ((), ("--check",)),
    ("deno", "fmt"): ((), ("--check",)),
    ("dprint", "fmt"): ((), ()),
    ("biome", "format"): (("--write", "--fix", "--apply"), ()),
    ("terraform", "fmt"): ((), ("-check", "-diff")),
    ("tofu", "fmt"): ((), ("-check", "-diff")),
}
WRITERS = WRITERS | frozenset(FORMATTERS)


# Devices every system has, none a directory.
_NOT_DIRECTORIES = frozenset({"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty", "/dev/stdout", "/dev/stderr"})


# The note of the deletion a trash tool's emptying makes (trash-empty, gio trash --empty): not a move to the trash.
TRASH_EMPTIED = "trash emptied"


def _empties_trash(name: str, vals: list[str]) -> bool:
    """trash-cli's trash-empty, `gio trash --empty`, macOS trash's -e/--empty, KDE's `ktrash5 --empty`, `gtrash prune`."""
    if name == "trash-empty":
        return True
    if name == "gio":
        return vals[:1] == ["trash"] and "--empty" in vals
    if name in ("trash", "ktrash5", "ktrash6"):
        return "--empty" in vals or (name == "trash" and "-e" in vals)
    return name == "gtrash" and vals[:1] == ["prune"]


# Deleters that take whole directories without a -r flag.
_ALWAYS_RECURSIVE = frozenset({"rimraf", "del-cli", "trash", "trash-put", "gio", "trash-cli", "rmtrash", "gtrash"})


# grep and its forms for compressed files (zgrep, bzgrep, xzgrep, zstdgrep: grep's options, files decompressed on the fly).
_GREPS = frozenset(
    {"grep", "egrep", "fgrep", "ggrep", "zgrep", "zegrep", "zfgrep", "bzgrep", "bzegrep", "bzfgrep", "xzgrep", "xzegrep", "xzfgrep", "zstdgrep", "lzgrep"}
)
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
    fixed = name.endswith("fgrep")
    basic = name in ("grep", "ggrep", "zgrep", "bzgrep", "xzgrep", "zstdgrep", "lzgrep")
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
    "patch": frozenset(
        {"-i", "--input", "-o", "--output", "-p", "--strip", "-d", "--directory", "-r", "--reject-file", "-B", "--prefix", "-D", "--ifdef", "-F", "--fuzz"}
        | {"-V", "--version-control", "-z", "--suffix", "-Y", "--basename-prefix", "-g", "--get", "--quoting-style", "--read-only", "--reject-format"}
    ),
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


# Editors and in-place filters: every file operand is (or may be) written.
_EDITORS = frozenset({"ed", "ex", "vi", "vim", "nvim", "view", "nano", "pico", "emacs", "micro", "kak", "hx", "sponge", "joe", "mg"})
_VIM_READONLY = ("-R", "-M")
_VIM_FAMILY = frozenset({"vi", "vim", "nvim", "view", "ex"})
_EDITOR_READONLY = {"vi": _VIM_READONLY, "vim": _VIM_READONLY, "nvim": _VIM_READONLY, "view": _VIM_READONLY, "nano": ("-v", "--view")}
_EDITOR_OPT_VALUE = frozenset({"-c", "--cmd", "-S", "-u", "-U", "-i", "-T", "-w", "-W", "-s", "-t", "-q", "-r", "--eval", "-l", "--load", "-f", "--funcall"})
# Options that give an editor something to do besides what is typed into it: commands, scripts, typed keys from a file,
# a keystroke record, another editor's session (vim --remote), kakoune's -e and emacs's --script / -x.
_EDITOR_GIVEN = ("+", "--cmd", "--eval", "--load", "--funcall", "--script", "--remote", "--servername", "--listen")
# Programs whose operands are names they look up (a file name pattern, a program, a process), not files they open:
# `locate id_rsa` searches for the name.
_NAME_LOOKUPS = frozenset({"locate", "plocate", "mlocate", "slocate", "whereis", "which", "apropos", "man", "pgrep", "pkill", "killall", "type", "hash"})

# vim's options that name a file it writes besides the ones it edits (adversarial round 14c): -w/-W the keystroke record
# (-W truncates it at the start), -i the viminfo (Neovim's ShaDa) file written at exit, -V{N}{file} the verbose log,
# --log the channel log. `vim -W ~/.claude/settings.json` emptied the agent's settings while its operands were judged.
_VIM_WRITTEN_VALUE = frozenset({"-w", "-W", "-i", "--log"})


def _vim_option_files(args: list[Word], add: Callable[..., None]) -> None:
    for i, w in enumerate(args):
        v = w.value
        if v == "--":
            return
        target = None
        if v in _VIM_WRITTEN_VALUE and i + 1 < len(args):
            target = args[i + 1]
        elif v.startswith(("-w", "-W", "-i")) and len(v) > 2 and not v.startswith("--") and not v[2:].isdigit():
            target = Word(v[2:], v[2:])  # -wFILE (a bare -wNUMBER sets the window height)
        elif v.startswith("--log="):
            target = Word(v[6:], v[6:])
        elif v.startswith("-V") and len(v) > 2:
            rest = v[2:].lstrip("0123456789")
            target = Word(rest, rest) if rest else None
        if target is not None and target.value and target.value != "NONE":
            add(WRITE, target, note="vim")


# Commands that only list or use a path without revealing its contents.
# Programs whose every operand is a file they print: a bare name is a path too (`cd ~/.ssh && cat id_rsa`).
# The compressed-file printers of gzip, bzip2, xz, lzip, zstd and lz4 (zcat FILE.gz is gunzip -c: it prints the file, as cat
# prints a plain one; a rotated log, a dump) and their pagers (zless, bzless, xzless).
DECOMPRESSING_PRINTERS = frozenset(
    {"zcat", "gzcat", "zless", "zmore", "bzcat", "bzless", "bzmore", "xzcat", "xzless", "xzmore", "lzcat", "lzless", "zstdcat", "zstdless", "lz4cat"}
)
PRINTERS = (
    frozenset({"cat", "tac", "nl", "less", "more", "head", "tail", "base64", "base32", "xxd", "od", "hexdump", "strings", "bat", "batcat", "view"})
    | DECOMPRESSING_PRINTERS
)
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
        # deleters that overwrite before unlinking: the file's data is destroyed, never shown (their deletion is judged)
        "shred",
        "srm",
        "unlink",
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


def _installer_script(name: str, args: list[Word]) -> tuple[str, list[Word]] | None:
    """(script, its words) where *name* runs a project script whose words outputs_table.SCRIPTS reads: `./setup.py …`,
    `python3 setup.py …` (no interpreter option before it)."""
    base = pathstr.basename(name)
    if base in SCRIPTS:
        return base, args
    if args and base.startswith(("python", "pypy")) and pathstr.basename(args[0].value) in SCRIPTS and _PYTHON_NAME.fullmatch(base):
        return pathstr.basename(args[0].value), args[1:]
    return None


_PYTHON_NAME = lazy(r"python(?:[23](?:\.\d+)?)?|pypy3?")


def effects(cmd: SimpleCommand, sc: Scope) -> list[Effect]:
    out: list[Effect] = []
    name = cmd.name
    args = cmd.args
    inert = inert_option(cmd)
    if inert:
        name, args = "", []  # `rm --help`, `rsync -n …`: only its redirections act
    reads_data = True
    not_read: set[int] = set()  # words that name an output, not something read (sort -o FILE)

    # The path of a word resolved before (code that reads one file thousands of times) is not resolved again.
    resolved: dict[tuple[object, ...], str] = {}

    def add(kind: str, w: Word, recursive: bool = False, note: str = "") -> None:
        key = (kind, w.value, w.raw[:2], len(sc.links))
        p = resolved.get(key)
        if p is None:
            p = sc.word_path(w, cmd)
            if kind != READ and sc.ctx.realpath is not None:
                # `rm -rf link/`: a trailing slash makes rm (and find) go through the link to what it points to.
                p = _through_link(p, sc, kind, follow=w.value.endswith(("/", "/."))) or p
            resolved[key] = p
        out.append(Effect(kind, p, w.value, recursive, cmd, note))

    if name in ("rm", "rmdir"):
        # Read as GNU rm reads them: --rec, -rf, --recursive=…, -- before operands.
        nc = normalise(cmd)
        for w in nc.words:
            add(DELETE, w, nc.has("recursive"))
    elif _empties_trash(name, [a.value for a in args]):
        # Emptying the trash deletes for good what was put there to be restorable: the trash folder's files go.
        trash_dir = "~/.Trash" if name == "trash" else "~/.local/share/Trash/files"
        add(DELETE, Word(trash_dir, trash_dir), True, TRASH_EMPTIED)
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
            if name == "mv" or (name in ("cp", "install") and not recursive):
                # cp .env /tmp/k: the copy holds what the original does (Scope.copies); a later read of it reads that.
                for w, where in landed:
                    if DYN not in w.value and not any(ch in w.value for ch in "*?["):
                        sc.remember_copy(sc.word_path(where, cmd), sc.word_path(w, cmd))
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
    elif name in FORMATTERS or (name, args[0].value if args else "") in FORMATTER_SUBCOMMANDS:
        from .effects_more import formatted

        formatted(name, args, add)
    elif name in _EDITORS:
        # vim -c ':%s/a/b/|wq' FILE, ed -s FILE < script, sponge FILE: the file operands are written.
        # ed -s / ex -s / vim -es: silent mode, not vim's "-s SCRIPTIN".
        silent = name in ("ed", "ex", "sponge") or any(a.value.startswith("-") and "e" in a.value[1:] and not a.value.startswith("--") for a in args)
        ops, _ = operands(args, _EDITOR_OPT_VALUE - {"-s"} if silent else _EDITOR_OPT_VALUE)
        # view, vim -R / -M, nano -v: the file opened read-only, with no command given to run in it (-c, +CMD, -S, -s,
        # -w, --eval …): what is shown is read; a person can still force a write, as from any program they open.
        given = any(
            a.value in _EDITOR_OPT_VALUE
            or a.value.startswith(_EDITOR_GIVEN)
            or (name == "kak" and a.value == "-e")
            or (name == "emacs" and a.value == "-x")
            # vim's clustered short options (`ex -sc CMD`, `vim -Nu FILE`): a command, a script or a record among them
            or (name in _VIM_FAMILY and a.value.startswith("-") and not a.value.startswith("--") and any(ch in "cSuUwWT" for ch in a.value[1:]))
            for a in args
        )
        readonly = not given and (
            (not silent and (name == "view" or any(a.value in _EDITOR_READONLY.get(name, ()) for a in args)))
            # Nothing reaches it: an editor (ed, ex and vim -es read their commands from that input) whose only input
            # is the tool's, which nobody types into, reads end-of-file and exits without writing (vim and nano print
            # the file first).  sponge writes what it reads, even nothing.
            or (cmd.untyped and name != "sponge")
        )
        shown = None
        if not readonly and name in _VIM_FAMILY:
            # vim -es -c '%p' -c 'q!' FILE: commands that print and quit read the file, as cat does; in silent batch
            # mode what a command prints goes to the output.
            from .effects_more import vim_reads_only

            readonly, prints = vim_reads_only(args, cmd)
            shown = prints if readonly and given and silent else None
        for w in ops:
            if not w.value.startswith("+"):
                if shown is not None:
                    add(READ, w, note=name + " prints" if shown else name)
                else:
                    add(READ if readonly else WRITE, w, note=name)
        if name in _VIM_FAMILY:
            _vim_option_files(args, add)
    elif name == "clearance":
        # clearance report --html FILE writes FILE; --db FILE creates a SQLite store there when there is none.
        # clearance's own store is left to self.clearance-cli, which knows which subcommands only read it.
        # The readers (log, stats, report, explain) open --db read-only and never create it (store/sqlite.py): a read.
        sub = next((a.value for a in args if not a.value.startswith("-")), "")
        reader = sub in ("log", "stats", "report", "explain") and not any(
            len(a.value.partition("=")[0]) >= 4 and "--prune".startswith(a.value.partition("=")[0]) for a in args
        )
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
            add(READ if opt == "--db" and reader else WRITE, target, note="clearance " + opt)
    elif name == "patch":
        from .effects_more import patch_long_options

        args = patch_long_options(args)  # `--str 1`, `--dir D`: getopt_long's abbreviations spelled out
        ops, _ = operands(args, _OPT_VALUE["patch"])
        for i, w in enumerate(args):
            if w.value in ("-o", "--output") and i + 1 < len(args):
                add(WRITE, args[i + 1], note=name)
        if ops:
            add(WRITE, ops[0], note=name)  # patch FILE [PATCHFILE]
        else:
            # patch [-pN] [-i PATCHFILE] < PATCHFILE: the files the patch names are written (patchtext.py).
            strip, sources, where = -1, [], None  # -1: no -p given (patchtext._strip)
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
            missing: list[str] = []
            # patch -d DIR: the patch's files are under DIR (patch changes to DIR first, as `git apply --directory`).
            root = where.value if where is not None else None
            for target in patch_targets(sources, cmd, sc, strip, unread, streamed, missing):
                add(WRITE, _under(root, target), note=name)
            if streamed and where is not None:
                add(WRITE, where, True, note=name)  # an unread patch lands under DIR whatever it holds
            for why in unread[:1]:
                from .trees import tree_into

                tree_into(where or Word(".", "."), None, "patch", cmd, sc, out, unknown=why)
            if not unread:
                _unread_patch_outside(where or Word(".", "."), streamed + missing, cmd, sc, out)
    elif name == "quilt" and args and args[0].value == "push":
        # quilt push [-a|N]: the series' patches applied in turn (effects_more.series_writes); QUILT_PATCHES names the folder.
        from .effects_more import series_writes

        folder = cmd.assigns.get("QUILT_PATCHES") or sc.ctx.env.get("QUILT_PATCHES") or "patches"
        series_written, series_why = series_writes(cmd, sc, folder, cmd.assigns.get("QUILT_SERIES") or sc.ctx.env.get("QUILT_SERIES"))
        for sw in series_written:
            add(WRITE, sw, note="quilt push")
        if series_why:
            from .trees import tree_into

            tree_into(Word(".", "."), None, "patch", cmd, sc, out, unknown=series_why[0])
    elif name in ("stg", "stgit") and args and args[0].value == "import":
        # stg import [-p N] FILE: the patch file applied as `git apply` applies it.
        vals = [a.value for a in args]
        stg_strip = next(
            (_int(v[2:] or (vals[i + 1] if i + 1 < len(vals) else ""), 1) for i, v in enumerate(vals) if v == "-p" or (v[:2] == "-p" and v[2:].isdigit())), 1
        )
        stg_files = [a for a in args[1:] if not a.value.startswith("-") and not a.value.isdigit()]
        stg_unread: list[str] = []
        for st in patch_targets(stg_files, cmd, sc, stg_strip, stg_unread, [], []):
            add(WRITE, st, note="stg import")
    elif name in ("apply_patch", "applypatch"):
        # Codex's apply_patch run through the shell (`apply_patch "$PATCH"`, `apply_patch <<'EOF'`): Codex applies the
        # envelope itself; every file it names is written (patchtext.py).
        from ..patchtext import targets

        text = args[0].value if args else (cmd.stdin_text or "")
        over: list[str] = []
        for t in targets(text, 0, over):
            add(WRITE, Word(t, t), note=name)
        if over:
            from .trees import tree_into

            tree_into(Word(".", "."), None, "patch", cmd, sc, out, unknown=over[0])
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
    elif name in _DOTFILE_APPLIERS:
        from .effects_more import dotfiles_applied

        dotfiles_applied(name, args, cmd, sc, out)
    elif name in _COPIERS or name == "dpkg":
        _written_by_option(name, args, add)
        _copied_tree(name, args, cmd, sc, out)
        if name == "dpkg":
            from .effects_more import fetched_tree

            fetched_tree(name, args, cmd, sc, out)
    elif name in _FETCHED_TREES:
        from .effects_more import fetched_tree

        fetched_tree(name, args, cmd, sc, out)
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
                # (--remove-source-files deletes the sources, not what is at the destination: below)
                if any(f.startswith("--delete") or f == "--del" for f in flags):
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
        fetched_from = len(out)
        args = spelled_out(name, args)  # `curl --output-d DIR`, `wget --directory-p=DIR`: the options in full
        if name == "wget":
            from .effects_more import fetched_tree

            fetched_tree(name, args, cmd, sc, out)  # wget -r -nH: the tree it downloads into the folder (round 15a)
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
        for e in out[fetched_from:]:
            if e.kind == WRITE and len(sc.downloaded) < 64:
                sc.downloaded.add(e.path)  # (Scope.downloaded: what a later command loads from it came from the network)
    script = _installer_script(name, args)
    if script is not None:
        name, args = script  # `python3 setup.py install --prefix=D`: the script's words are an installer's (outputs_table.SCRIPTS)
    # A dry run still writes its plan or log (`terraform plan -out=F`, `rsync -n --log-file=F`); help and version do not.
    dry = inert and cmd.name in TABLE and not any(w in inert for w in ("help", "version", "-h", "-V"))
    if name in TABLE or name in SCRIPTS or dry:
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
    if name in INSTALLERS:
        from .installdest import destinations

        # `./configure --prefix=P && make install`, `cmake --install b --prefix P`, `meson install --destdir S`: the
        # directories the build recorded or the line names, below DESTDIR (installdest.py).
        for installed, raw, note in destinations(cmd, sc) or ():
            add(WRITE, Word(installed, raw), True, note=note or cmd.name)
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
            if fd is not None and fd.roots_only:
                # -maxdepth 0: the starting point itself, a file or an empty directory (-delete empties nothing),
                # as `rm -d ROOT` deletes it; a glob root, each of its matches.
                out.append(Effect(DELETE, root, w.value, False, cmd, note="find"))
                continue
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
            # Without --force git removes only tracked files identical to the branch's tip with nothing staged
            # (git-rm(1)): every file that goes has its copy in HEAD (GIT_RM_COMMITTED).
            for w in _pathspec_words(nc, cmd, sc, git_base, nc.words + listed):
                add(DELETE, w, nc.has("r"), note="" if nc.has("force") else GIT_RM_COMMITTED)
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
        elif nc.sub == ("subtree",) and nc.words and nc.words[0].value in ("add", "pull", "merge"):
            # git subtree add|pull|merge --prefix=P REPO REF: the fetched tree is checked out under P in the work tree,
            # as `git read-tree --prefix=P -u` is (round 12a: `--prefix=.claude` planted the agent's settings unasked).
            # git's option tables do not know subtree (a script shipped with git): its words are read here.
            subtree_words = [w.value for w in nc.words]
            prefix: str | None = None
            for k, v in enumerate(subtree_words):
                following = subtree_words[k + 1] if k + 1 < len(subtree_words) else None
                if v.startswith("--prefix="):
                    prefix = v.split("=", 1)[1]
                elif v in ("--prefix", "-P") and following is not None:
                    prefix = following
                elif v.startswith("-P") and len(v) > 2:
                    prefix = v[2:]
            if prefix:
                add(WRITE, _under(git_base, Word(prefix, prefix)), True, note="git subtree")
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
            unread, streamed, missing = [], [], []
            # --directory=D (or `--directory D`, or an abbreviation, as parse-options reads them): every path of the
            # patch is prefixed with D (git apply's root inside the work tree); a word an option takes is no patch file.
            from .effects_more import git_apply_values

            apply_root, taken = git_apply_values(nc.sub[0], args)
            patch_base = _under(git_base, Word(apply_root, apply_root)).value if apply_root else git_base
            for target in patch_targets([w for w in nc.words if id(w) not in taken], cmd, sc, strip, unread, streamed, missing):
                add(WRITE, _under(patch_base, target), note="git " + nc.sub[0])
            if streamed and apply_root:
                # A patch nobody can read lands under D whatever it holds: D is written, as `tar -x -C D` writes D.
                add(WRITE, _under(git_base, Word(apply_root, apply_root)), True, note="git " + nc.sub[0])
            elif (streamed or missing) and "--unsafe-paths" in nc.unknown and nc.sub == ("apply",):
                # ... and allowed outside the work tree, it may land anywhere.
                unread.append(f"{(streamed + missing)[0]}, and --unsafe-paths lets it write outside the work tree")
                patch_base = "/"
            elif not unread and not apply_root:
                # Outside a work tree git apply writes relative to the folder it runs in, as patch does.
                _unread_patch_outside(_under(git_base, Word(".", ".")), streamed + missing, cmd, sc, out)
            for why in unread[:1]:
                # The files an unread patch changes are unknown: asked about where protected files can be among them.
                from .trees import tree_into

                tree_into(Word(patch_base, patch_base) if patch_base == "/" else _under(patch_base, Word(".", ".")), None, "patch", cmd, sc, out, unknown=why)
        elif nc.sub == ("quiltimport",):
            # git quiltimport [--patches DIR] [--series FILE]: each patch of the series committed onto the work tree.
            from .effects_more import series_writes

            series_folder = nc.value("patches") or cmd.assigns.get("QUILT_PATCHES") or sc.ctx.env.get("QUILT_PATCHES") or "patches"
            series_written, series_why = series_writes(cmd, sc, series_folder, nc.value("series"))
            for sw in series_written:
                add(WRITE, _under(git_base, sw), note="git quiltimport")
            if series_why:
                from .trees import tree_into

                tree_into(_under(git_base, Word(".", ".")), None, "patch", cmd, sc, out, unknown=series_why[0])
        elif nc.sub in (("checkout-index",), ("read-tree",), ("merge-file",)):
            _git_plumbing_writes(nc, cmd, sc, _git_tree(nc, git_base), add, out)
        elif nc.sub[:1] == ("config",):
            written = git_config_file_write(nc)
            if written is not None:
                # git config --file FILE KEY VALUE writes FILE (the keys of git's own config files are the git rules' concern).
                add(WRITE, _under(git_base, Word(written[0], written[0])), note="git config")
            else:
                elsewhere = _git_dir_config(nc, cmd)
                if elsewhere is not None:
                    add(WRITE, _under(git_base, Word(elsewhere, elsewhere)), note="git config")
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
    if cmd.inner:
        not_read |= payload_words(cmd)
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
        # A bare name is a path to a program that deletes what it reads (`zip -rm a.zip src`, `tar --remove-files -cf
        # a.tar src`): read only when spelled as one (`src/`), the delete went unseen, and the archive it went into was
        # noted as the session's own (adversarial round 14b).
        removes = name in _SOURCE_REMOVERS and _removes_sources(name, [a.value for a in args])
        if removes and name in ("7z", "7za", "7zz"):
            not_read |= {id(w) for w in [a for a in args if not a.value.startswith("-")][:1]}  # 7z's command letter (`a`), not a file
        # An interpreter's one-liner (`python3 -c TEXT`, `node -e TEXT`) is its program, not a file it opens: the files
        # the code opens are its facts' reads, added below -- where a parser read it. Code read by patterns only (Julia,
        # Lua, R) keeps its text read as a path too: a file it opens in a way the patterns miss is still seen there.
        source = getattr(cmd.code, "source", "") if cmd.code is not None and getattr(cmd.code, "parsed", False) else ""
        for i, w in enumerate(args):
            v = w.value
            if id(w) in not_read or (source and v == source):
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
            # A bare word that is an SSH private key's file name (`sort id_rsa`, `diff /dev/null id_rsa`) names that file
            # for any program, as `cat id_rsa` does: no program takes `id_rsa` as a pattern or a subcommand.
            bare = ((name in PRINTERS or removes) and v and DYN not in v and "=" not in v) or (v in PRIVATE_KEY_NAMES and name not in _NAME_LOOKUPS)
            if "/" in v or v.startswith(("~", ".")) or bare or sc.protected_bare_word(v, cmd):
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
    base_name = pathstr.basename(name)
    for default in _default_env_file(base_name, [w.value for w in args]) if base_name in _DEFAULT_ENV_FILE else ():
        add(READ, Word(default, default), note="default file")
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
    if name in _REMOTE_COPIERS and args:
        _remote_reads(name, args, cmd, out)
    return out


# Copiers that fetch from another machine or a container by a `HOST:PATH` source (scp, rsync over ssh, docker/podman
# cp CONTAINER:PATH, kubectl cp POD:PATH): the file is read there, as `ssh HOST cat PATH` reads it.
_REMOTE_COPIERS = frozenset({"scp", "rsync", "docker", "podman", "kubectl", "oc"})


def _remote_reads(name: str, args: list[Word], cmd: SimpleCommand, out: list[Effect]) -> None:
    vals = [a.value for a in args]
    if name in ("docker", "podman", "kubectl", "oc"):
        if vals[:1] != ["cp"]:
            return
        vals = vals[1:]
    ops = [v for v in vals if not v.startswith("-")]
    for v in ops[:-1]:
        head, colon, where = v.partition(":")
        if not colon or not head or not where or "://" in v or DYN in v:
            continue
        if v.startswith(("/", ".", "~")) or (len(head) == 1 and head.isalpha()):
            continue  # a local path with a colon in it, or a Windows drive
        # a relative path there is under the remote account's home (scp, rsync) or the container's working folder
        there = where if where.startswith(("/", "~")) else "~/" + where
        out.append(Effect(READ, "/" + DYN + "remote:" + there, v, False, cmd, "copied from another machine"))


# dotenv CLIs read the working directory's .env when no option names a file (python-dotenv's `dotenv list`, `get KEY`:
# -f/--file; dotenv-cli's `dotenv -p KEY`: -e; dotenvx's `get`: -f/--env-file): a read the words do not show, added
# where a named file would be (round 11b: `dotenv list` printed the project's secrets unseen). By the options that name
# another file; --help and --version read none.
_DEFAULT_ENV_FILE: dict[str, frozenset[str]] = {
    "dotenv": frozenset({"-e", "-f", "--file"}),
    "dotenvx": frozenset({"-f", "--env-file"}),
}


def payload_words(cmd: SimpleCommand) -> set[int]:
    """The words of a wrapper that are its payload's (`env cp a b`, `nice -n 5 tar …`, `timeout 60 ssh-keygen …`,
    the script of `sh -c 'SCRIPT'`): the payload is the next command of the expansion and is judged as itself, so its
    words are no files the wrapper shows (metamorphic round 12: `env chmod -R /` read `/` and `nice cp
    --attributes-only ~/.ssh/id_rsa m` read the key, as `cat` would, where both unwrapped are allowed).  A script that
    could not be parsed has no payload here and stays read as before.  The payload's program word stays read by the
    wrapper: where a wrapper's options are not all known it may be an option's value (`dotenv -f .env list` took
    `.env` for the program)."""
    words = {id(w) for w in cmd.args}
    got = {id(w) for c in cmd.inner for w in c.argv[1:] if id(w) in words}
    if any(c.via[-1:] == (cmd.name + " -c",) for c in cmd.inner):
        from .unwrap import shell_flags

        sf = shell_flags(cmd.argv)
        if sf.command and sf.operands < len(cmd.argv):
            got.add(id(cmd.argv[sf.operands]))
    return got


def _default_env_file(name: str, vals: list[str]) -> list[str]:
    """The files a dotenv CLI reads that its words do not show as operands: `.env` when no option names a file, and a
    file named glued to its option (`--file=.env.prod`, `-f.env`; adversarial round 12c: `dotenv --file=.env list`
    printed it unseen). python-dotenv's `-e`/`--export` takes true or false, not a file (its `dotenv -e true list`
    reads .env)."""
    named = _DEFAULT_ENV_FILE.get(name)
    if named is None or not vals:
        return []
    out: list[str] = []
    default = True
    skip = False
    for v in vals:
        if skip:
            skip = False
            if v.lower() not in ("true", "false"):
                default = False  # `-f FILE`: an operand, read as one
            continue
        if v == "--":
            break  # the command it runs: its words are that command's
        if v in ("-h", "--help", "-V", "--version"):
            return []
        if v in named:
            skip = True
            continue
        opt, eq, given = v.partition("=")
        if eq and opt in named:
            pass
        elif len(v) > 2 and v[:2] in named and not v.startswith("--"):
            given = v[2:]
        else:
            continue
        if given.lower() not in ("true", "false"):
            default = False
            if given:
                out.append(given)
    return out + [".env"] if default else out


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
    # (--no-index is an unknown option where the subcommand has no table, a known one in grep's)
    outside = "--no-index" in flags or nc.has("no-index") or (sub == "diff" and any(w.value.startswith(("/", "~")) for w in words))
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


def _git_base(opts: list[tuple[str, str | None, int]]) -> str | None:
    """The directory `git -C a -C b` works in (each -C relative to the one before), or None."""
    base: str | None = None
    for o, v, level in opts:
        if o == "C" and level == 0 and v:
            base = v if base is None or v.startswith(("/", "~")) else pathstr.join(base, v)
    return base


# Copiers whose last operand is the local destination unless it names a remote (host:, container:, s3://, gs://, remote:).
_COPIERS: dict[str, frozenset[str]] = {
    "scp": frozenset({""}),
    "docker": frozenset({"cp"}),
    "podman": frozenset({"cp"}),
    "aws": frozenset({"s3"}),
    "gsutil": frozenset({"cp", "mv", "rsync"}),
    "rclone": frozenset({"copy", "sync", "move", "copyto", "moveto"}),
}


# Fetchers and extractors whose tree lands in a folder they are told (effects_more.fetched_tree, round 15a).
_FETCHED_TREES = frozenset({"degit", "tiged", "svn", "copier", "dpkg-deb", "unsquashfs"})  # and wget, with curl


# Dotfile managers that write the home folder from a source tree (effects_more.dotfiles_applied).
_DOTFILE_APPLIERS = frozenset({"chezmoi", "home-manager"})


# Archivers whose extraction lands a tree: cpio's copy-in (-i) and pass-through (-p DIR), pax's read mode (-r), jar's
# extract (x). Python's `-m zipfile -e A DIR` and `-m tarfile -e A [DIR]` are read with them.
# Extractors of other formats, read so too (round 12a: `cd ~ && ar x /tmp/x.a` landed members in the home folder unseen):
# ar's x, unrar's x/e, unar, cabextract, libarchive's bsdcpio (cpio's words).
_UNPACKERS = frozenset({"cpio", "pax", "jar", "ar", "unrar", "unar", "cabextract", "bsdcpio"})


# binutils that rewrite an object file: objcopy IN [OUT] (IN itself without OUT), strip [-o OUT] FILE… (each FILE in
# place without -o).  The short options that take their value from the next word (binutils' getopt strings).
_BINUTILS: dict[str, frozenset[str]] = {
    "objcopy": frozenset({"-I", "-O", "-B", "-F", "-j", "-R", "-K", "-N", "-L", "-G", "-W", "-b", "-i"}),
    "strip": frozenset({"-F", "-I", "-O", "-R", "-K", "-N", "-o"}),
}
_BINUTILS["llvm-objcopy"] = _BINUTILS["objcopy"]
_BINUTILS["llvm-strip"] = _BINUTILS["strip"]
_BINUTILS["eu-strip"] = _BINUTILS["strip"]


# Compressors that replace each FILE operand by FILE.gz (with -d, FILE.gz by FILE) unless told to keep it; zstd, lz4 and
# lzop keep their input unless given --rm (not modelled: unknown programs given a protected path are asked about).
_COMPRESSORS = frozenset(_COMPRESSORS_NAMES)


# openssl's options whose value is a file it writes: -out (every command), -keyout (req: the new private key).
_OPENSSL_OUTPUTS = frozenset({"-out", "--out", "-keyout", "--keyout"})


# -- what a find expression deletes ------------------------------------------------------------


class FindDelete:
    """What a find expression deletes: read in order up to its first deleting action (-delete, -exec rm …)."""

    __slots__ = ("patterns", "exact", "weak", "empty_only", "narrowed", "kind", "roots_only")

    def __init__(self) -> None:
        self.kind = DELETE  # WRITE when the action rewrites what is selected (-exec sed -i … {}, -exec cp X {})
        self.patterns: list[str] = []  # positive name/path/regex tests before the action
        self.exact = False  # -inum, -samefile, -empty
        self.weak = False  # -mtime, -size, -user …
        self.empty_only = False  # only empty directories or files can go (-empty, -type d with -delete or rmdir)
        self.narrowed = True  # every alternative (-o) before the action has a selecting test
        self.roots_only = False  # -maxdepth 0: only the starting points themselves can go (`find f -maxdepth 0 -delete`)


# rsync's filter options other than --exclude: with any of them, what is left out is not read here.
_RSYNC_FILTERS = ("--include", "--filter", "-f", "--exclude-from", "--include-from", "-F", "--cvs-exclude", "-C", "--files-from")


# -- on first use: the helpers for less usual commands and options (effects_more.py), which an ordinary line never
# reaches (issue 16).


def _remote_named(name: str, args: list[Word]) -> list[Word]:
    from .effects_more import _remote_named

    return _remote_named(name, args)


def _many(pattern: str) -> bool:
    from .effects_more import _many

    return _many(pattern)


def _name_filters(name: str, vals: list[str]) -> list[str]:
    from .effects_more import _name_filters

    return _name_filters(name, vals)


def _names_on_stdin(name: str, vals: list[str]) -> bool:
    from .effects_more import _names_on_stdin

    return _names_on_stdin(name, vals)


def content_option_values(name: str, args: list[Word]) -> list[Word]:
    from .effects_more import content_option_values

    return content_option_values(name, args)


def _removes_sources(name: str, vals: list[str]) -> bool:
    from .effects_more import _removes_sources

    return _removes_sources(name, vals)


def authentication_words(name: str, args: list[Word]) -> set[int]:
    from .effects_more import authentication_words

    return authentication_words(name, args)


def socat_written(args: list[Word]) -> list[Word]:
    from .effects_more import socat_written

    return socat_written(args)


def file_url_path(v: str) -> str | None:
    from .effects_more import file_url_path

    return file_url_path(v)


def _only_reports(flags: list[str]) -> bool:
    from .effects_more import _only_reports

    return _only_reports(flags)


def _int(v: str | None, default: int) -> int:
    from .effects_more import _int

    return _int(v, default)


def patch_targets(
    sources: list[Word],
    cmd: SimpleCommand,
    sc: Scope,
    strip: int,
    unknown: list[str] | None = None,
    streamed: list[str] | None = None,
    missing: list[str] | None = None,
) -> list[Word]:
    from .effects_more import patch_targets

    return patch_targets(sources, cmd, sc, strip, unknown, streamed, missing)


def _unread_patch_outside(base: Word, reasons: list[str], cmd: SimpleCommand, sc: Scope, out: list[Effect]) -> None:
    """A patch nobody can read before it runs (from a stream, or a file not on the disk yet) applied in a folder
    outside the project: its files are unknown, and they land under *base* (git apply outside a work tree and patch
    write relative to the folder they run in). Judged as an unknown tree there (fs.unknown-tree asks where protected
    files lie below: `cd ~/.config && curl … | git apply`). In the project a streamed patch stays ordinary work
    (`gh pr diff 12 | git apply`): its members are the project's files."""
    if not reasons:
        return
    where = sc.word_path(base, cmd)
    if DYN in where or sc.inside_project(where):
        return
    from .trees import tree_into

    tree_into(base, None, "patch", cmd, sc, out, unknown=reasons[0])


def git_config_file_write(nc: Norm) -> tuple[str, str] | None:
    from .effects_more import git_config_file_write

    return git_config_file_write(nc)


def _git_plumbing_writes(nc: Norm, cmd: SimpleCommand, sc: Scope, tree: str | None, add: Callable[..., None], out: list[Effect]) -> None:
    from .effects_more import _git_plumbing_writes

    return _git_plumbing_writes(nc, cmd, sc, tree, add, out)


def _git_tree(nc: Norm, base: str | None) -> str | None:
    from .effects_more import _git_tree

    return _git_tree(nc, base)


def _copied_tree(name: str, args: list[Word], cmd: SimpleCommand, sc: Scope, out: list[Effect]) -> None:
    from .effects_more import _copied_tree

    return _copied_tree(name, args, cmd, sc, out)


def _unpacked_tree(name: str, args: list[Word], cmd: SimpleCommand, sc: Scope, add: Callable[..., None], out: list[Effect]) -> None:
    from .effects_more import _unpacked_tree

    return _unpacked_tree(name, args, cmd, sc, add, out)


def _written_by_option(name: str, args: list[Word], add: Callable[..., None]) -> None:
    from .effects_more import _written_by_option

    return _written_by_option(name, args, add)


def _binutils_outputs(name: str, args: list[Word], add: Callable[..., None]) -> None:
    from .effects_more import _binutils_outputs

    return _binutils_outputs(name, args, add)


def _compressed_in_place(name: str, args: list[Word], add: Callable[..., None]) -> None:
    from .effects_more import _compressed_in_place

    return _compressed_in_place(name, args, add)


def _output_operands(name: str, args: list[Word], add: Callable[..., None]) -> None:
    from .effects_more import _output_operands

    return _output_operands(name, args, add)


def _new_checkout(w: Word, cmd: SimpleCommand, sc: Scope, add: Callable[..., None]) -> None:
    from .effects_more import _new_checkout

    return _new_checkout(w, cmd, sc, add)


def gitmodules_paths(text: str) -> list[str]:
    from .effects_more import gitmodules_paths

    return gitmodules_paths(text)


def _under(base: str | None, w: Word) -> Word:
    from .effects_more import _under

    return _under(base, w)


def chmod_parts(cmd: SimpleCommand) -> tuple[str | None, list[Word], bool]:
    from .effects_more import chmod_parts

    return chmod_parts(cmd)


def find_delete(cmd: SimpleCommand, acts: Callable[[list[Word]], str] | None = None) -> FindDelete | None:
    from .effects_more import find_delete

    return find_delete(cmd, acts)


def _find_selected_protected(cmd: SimpleCommand, sc: Scope, out: list[Effect]) -> None:
    from .effects_more import _find_selected_protected

    return _find_selected_protected(cmd, sc, out)


def _only_restricts(mode: str, recursive: bool) -> bool:
    from .effects_more import _only_restricts

    return _only_restricts(mode, recursive)


def _only_adds(mode: str) -> bool:
    from .effects_more import _only_adds

    return _only_adds(mode)


def _tar_dirs(args: list[Word]) -> list[str | None]:
    from .effects_more import _tar_dirs

    return _tar_dirs(args)


def _git_dir_config(nc: Norm, cmd: SimpleCommand) -> str | None:
    """The file `git --git-dir=D config KEY VALUE` (or GIT_DIR=D) writes, D/config, when D is not a repository's `.git`
    folder (whose config the git rules judge key by key), or None (adversarial round 20a: `git --git-dir=~/.config/git
    config …` wrote git's global configuration, `--git-dir=~/.config/clearance` a file in clearance's policy folder,
    while `git config --global` and `--file ~/.config/git/config` were asked)."""
    if nc.has("global", "system", "file", "blob") or not git_config_writes(nc):
        return None
    d = nc.value("git-dir") or cmd.assigns.get("GIT_DIR")
    if not d or DYN in d:
        return None
    d = d.rstrip("/") or "/"
    if d.rpartition("/")[2] == ".git":
        return None
    return d + ("/config.worktree" if nc.has("worktree") else "/config")


def git_config_writes(nc: Norm) -> bool:
    from .effects_more import git_config_writes

    return git_config_writes(nc)
