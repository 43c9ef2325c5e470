"""File-system effects of a command: which paths it deletes, writes or reads.

The file tools (Write, Edit, Read ...) produce the same Effect objects, so one
set of rules (rules/fs.py, rules/creds.py) judges paths whichever way they are
touched.
"""

from __future__ import annotations

import posixpath

from ..paths import DYN
from .ir import Word

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from ..scope import Scope
    from .ir import SimpleCommand

DELETE = "delete"
WRITE = "write"
READ = "read"


class Effect:
    __slots__ = ("kind", "path", "raw", "recursive", "cmd", "note")

    def __init__(self, kind: str, path: str, raw: str, recursive: bool = False, cmd: SimpleCommand | None = None, note: str = "") -> None:
        self.kind = kind
        self.path = path
        self.raw = raw
        self.recursive = recursive
        self.cmd = cmd
        self.note = note

    def __repr__(self) -> str:
        return f"Effect({self.kind}, {self.path.replace(DYN, '$?')!r}, recursive={self.recursive})"


_DELETERS = frozenset({"rm", "rmdir", "unlink", "shred", "srm", "trash", "trash-put", "gio", "rimraf", "del-cli", "trash-cli", "rmtrash", "gtrash", "trash-rm"})
# Deleters that take whole directories without a -r flag.
_ALWAYS_RECURSIVE = frozenset({"rmdir", "rimraf", "del-cli", "trash", "trash-put", "gio", "trash-cli", "rmtrash", "gtrash"})
_RECURSIVE_READERS = frozenset({"rg", "ag", "ack", "tar", "zip", "7z", "tree", "fd", "fdfind", "ripgrep"})
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
# Editors and in-place filters: every file operand is (or may be) written.
_EDITORS = frozenset({"ed", "ex", "vi", "vim", "nvim", "view", "nano", "pico", "emacs", "micro", "kak", "hx", "sponge", "joe", "mg"})
_EDITOR_OPT_VALUE = frozenset({"-c", "--cmd", "-S", "-u", "-U", "-i", "-T", "-w", "-W", "-s", "-t", "-q", "-r", "--eval", "-l", "--load", "-f", "--funcall"})
# Commands that only list or use a path without revealing its contents.
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
                for ch in v[1:]:
                    flags.add("-" + ch)
        else:
            ops.append(w)
        i += 1
    return ops, flags


def _removes_sources(name: str, vals: list[str]) -> bool:
    if name in ("tar", "bsdtar", "gtar"):
        return "--remove-files" in vals
    if name == "zip":
        return any(v in ("-m", "--move") or (v.startswith("-") and not v.startswith("--") and "m" in v[1:]) for v in vals)
    if name in ("7z", "7za", "7zz"):
        return "-sdel" in vals
    if name == "rsync":
        return "--remove-source-files" in vals
    return False


def effects(cmd: SimpleCommand, sc: Scope) -> list[Effect]:
    out: list[Effect] = []
    name = cmd.name
    args = cmd.args

    def add(kind: str, w: Word, recursive: bool = False, note: str = "") -> None:
        out.append(Effect(kind, sc.word_path(w, cmd), w.value, recursive, cmd, note))

    if name in _DELETERS:
        ops, flags = operands(args)
        if name == "gio" and (not ops or ops[0].value not in ("trash", "remove")):
            ops = []
        elif name == "gio":
            ops = ops[1:]
        recursive = bool(flags & {"-r", "-R", "--recursive"}) or name in _ALWAYS_RECURSIVE
        for w in ops:
            add(DELETE, w, recursive)
    elif name in ("mv", "cp", "install", "ln"):
        ops, flags = operands(args, _OPT_VALUE[name])
        target_dir = None
        for i, w in enumerate(args):
            if w.value in ("-t", "--target-directory") and i + 1 < len(args):
                target_dir = args[i + 1]
            elif w.value.startswith("--target-directory="):
                target_dir = w
        if target_dir is not None:
            dest: Word | None = target_dir
            sources = ops
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
            into_dir = target_dir is not None or dest.value.endswith("/") or dest.value.rstrip("/") in sc.ctx.tmpdirs
            if into_dir and sources and DYN not in dest.value:
                # cp/mv x y z DIR/: each source lands inside the directory.
                for w in sources:
                    base = posixpath.basename(w.value.rstrip("/"))
                    if base and DYN not in base and base not in (".", ".."):
                        add(WRITE, Word(dest.value.rstrip("/") + "/" + base, dest.raw), recursive)
                    else:
                        add(WRITE, dest, recursive)
            else:
                add(WRITE, dest, recursive)
        for w in sources:
            if name == "mv":
                add(DELETE, w, True, note="moved away")
            elif name != "ln":
                add(READ, w, recursive)
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
    elif name in ("chmod", "chown", "chgrp", "setfacl"):
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
    elif name in _EDITORS:
        # vim -c ':%s/a/b/|wq' FILE, ed -s FILE < script, sponge FILE: the file operands are written.
        # ed -s / ex -s / vim -es: silent mode, not vim's "-s SCRIPTIN".
        silent = name in ("ed", "ex", "sponge") or any(a.value.startswith("-") and "e" in a.value[1:] and not a.value.startswith("--") for a in args)
        ops, _ = operands(args, _EDITOR_OPT_VALUE - {"-s"} if silent else _EDITOR_OPT_VALUE)
        for w in ops:
            if not w.value.startswith("+"):
                add(WRITE, w, note=name)
    elif name == "patch":
        ops, _ = operands(args, _OPT_VALUE["patch"])
        for i, w in enumerate(args):
            if w.value in ("-o", "--output") and i + 1 < len(args):
                add(WRITE, args[i + 1], note=name)
        if ops:
            add(WRITE, ops[0], note=name)  # patch FILE [PATCHFILE]
    elif name in ("awk", "gawk") and any(a.value == "inplace" or a.value in ("-iinplace", "--include=inplace") for a in args):
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
    elif name == "sed" or (name == "perl" and any(a.value.startswith("-pi") or a.value == "-i" for a in args)):
        ops, flags = operands(args, _OPT_VALUE["sed"])
        inplace = "-i" in flags or "--in-place" in flags
        if name == "sed" and inplace and ops and ops[0].value == "":
            ops = ops[1:]  # BSD sed -i ''
        has_script_opt = bool(flags & {"-e", "--expression", "-f", "--file"}) or name == "perl"
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
                if any(f.startswith("--delete") or f == "--remove-source-files" for f in flags):
                    add(DELETE, dest, True, note="rsync --delete")
            for w in ops[:-1]:
                if ":" not in w.value.split("/", 1)[0]:
                    add(READ, w)
    elif name == "tar":
        _tar(cmd, sc, add)
    elif name in ("unzip", "7z", "bsdtar"):
        for i, w in enumerate(args):
            if w.value == "-d" and i + 1 < len(args):
                add(WRITE, args[i + 1], True)
            elif w.value.startswith("-o") and name == "7z":
                add(WRITE, Word(w.value[2:], w.raw), True)
    elif name in ("curl", "wget"):
        out_flag = "o" if name == "curl" else "O"
        for i, w in enumerate(args):
            v = w.value
            nxt = args[i + 1] if i + 1 < len(args) else None
            if v.startswith(("--output-document=", "--output=")):
                add(WRITE, Word(v.split("=", 1)[1], w.raw))
            elif v in ("--output", "--output-document", "-P", "--directory-prefix") and nxt is not None:
                if nxt.value != "-":
                    add(WRITE, nxt)
            elif v.startswith("-") and not v.startswith("--") and v.endswith(out_flag) and nxt is not None and nxt.value != "-":
                add(WRITE, nxt)  # -o FILE, and grouped short flags such as -sLo FILE / -qO FILE
    elif name == "find" and any(a.value == "-delete" for a in args):
        roots = []
        for w in args:
            if w.value.startswith("-") or w.value in ("(", "!"):
                break
            roots.append(w)
        for w in roots or [Word(".", ".")]:
            root = sc.word_path(w, cmd)
            # "/*" rather than "/" + DYN: the latter marks an unknown working directory.
            out.append(Effect(DELETE, "/*" if root == "/" else root + "/" + DYN, w.value, True, cmd, note="find"))
    elif name == "git" and args and args[0].value == "rm" and not any(a.value == "--cached" for a in args):
        ops, flags = operands(args[1:], frozenset({"--pathspec-from-file"}))
        for w in ops:
            add(DELETE, w, bool(flags & {"-r"}))
    elif name == "git" and args and args[0].value == "clone":
        ops, _ = operands(
            args[1:],
            frozenset(
                {
                    "-b",
                    "--branch",
                    "-o",
                    "--origin",
                    "--depth",
                    "-c",
                    "--config",
                    "--reference",
                    "--separate-git-dir",
                    "-u",
                    "--upload-pack",
                    "--template",
                    "-j",
                    "--jobs",
                    "--filter",
                }
            ),
        )
        if len(ops) >= 2:
            add(WRITE, ops[1], True)

    # Reading: any path-like operand of a command that shows contents.
    if name not in METADATA_ONLY:
        deep = name in _RECURSIVE_READERS or any(a.value in ("-r", "-R", "--recursive", "-rl", "-ri", "-rn", "-Rn", "-rni", "-rin") for a in args)
        for w in args:
            v = w.value
            if v.startswith("-") and "=" in v:
                v = v.split("=", 1)[1]
            elif v.startswith("-") or (v.startswith("@") and len(v) == 1):
                continue
            if v.startswith("@"):
                v = v[1:]  # curl -d @file
            if "/" in v or v.startswith("~") or v.startswith("."):
                if "://" in v:
                    continue
                out.append(Effect(READ, sc.word_path(Word(v, w.raw), cmd), v, deep, cmd))
    for r in cmd.redirects:
        if r.target is None:
            continue
        if r.writes:
            add(WRITE, r.target, note="redirect")
        elif r.reads:
            add(READ, r.target, note="redirect")
    if _removes_sources(name, [w.value for w in args]):
        # tar --remove-files, zip -m, 7z -sdel, rsync --remove-source-files: what is read is then deleted.
        for e in [e for e in out if e.kind == READ and e.note != "redirect"]:
            out.append(Effect(DELETE, e.path, e.raw, True, cmd, "moved into an archive or copy"))
    facts = cmd.code
    if facts is not None:
        # Files an interpreter one-liner opens or writes are judged like cat and tee on them.
        for p in getattr(facts, "writes", ()):
            add(WRITE, Word(p, p), note="code")
        for p in getattr(facts, "reads", ()):
            add(READ, Word(p, p), note="code")
    return out


def _tar(cmd: SimpleCommand, sc: Scope, add: Callable[..., None]) -> None:
    args = cmd.args
    if not args:
        return
    first = args[0].value
    mode = first.lstrip("-")
    extracting = "x" in mode if not first.startswith("--") else any(a.value in ("--extract", "--get") for a in args)
    if any(a.value in ("-x", "--extract", "--get") for a in args):
        extracting = True
    target = None
    for i, w in enumerate(args):
        if w.value in ("-C", "--directory") and i + 1 < len(args):
            target = args[i + 1]
        elif w.value.startswith("--directory="):
            target = Word(w.value.split("=", 1)[1], w.raw)
    if extracting:
        add(WRITE, target if target is not None else Word(".", "."), True)
