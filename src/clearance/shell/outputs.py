"""What a command writes to its standard output, when that can be known without running it.

A word computed by a command (``cat $(echo ~/.ssh/id_rsa)``, ``f=$(find ~/.aws -name
credentials)``) or items fed to ``xargs`` (``find ~/.ssh -type f | xargs cat``) name
files as surely as literal words do.  This module reads the producer:

- literal text: ``echo``/``printf`` of literal words, ``cat <<EOF``, ``tee <<EOF``;
- one path computed from a literal one: ``realpath``/``readlink -f``, ``dirname``, ``basename``;
- paths under a known root: ``find ROOT``, ``fd PATTERN ROOT``, ``grep -rl PATTERN ROOT``,
  ``ls -d GLOB`` -- returned as ``ROOT/`` followed by ``DYN`` (some path under ROOT);
- the same through line filters that only select lines (``head``, ``tail``, ``sort``, ``grep PATTERN``).

Anything else is unknown (``None``): the caller keeps ``DYN``.
"""

from __future__ import annotations

from .. import pathstr
from ..paths import DYN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from .ir import SimpleCommand, Word

_GLOB = frozenset("*?[")
# Filters whose output is a selection of their input's lines.
_SELECTORS = frozenset({"head", "tail", "sort", "uniq", "shuf", "tac", "grep", "egrep", "fgrep", "rg"})
# Of those, the ones that keep only some of the lines (a whole listing through them is only some of its names).
_FILTERS = frozenset({"head", "tail", "grep", "egrep", "fgrep", "rg"})
_FIND_PRINTERS = frozenset({"-printf", "-fprintf", "-fprint", "-fprint0", "-ls", "-fls", "-exec", "-execdir", "-ok", "-okdir"})
_MAX_TEXT = 4096


def catted_file(w: Word) -> str | None:
    """The file whose text a word is, when the word is one command substitution that prints a literal file named
    relative to where the command runs: `"$(cat F)"`, `"$(< F)"` (bash reads it as `cat < F`); None otherwise (a file
    named from elsewhere, `$(cat ~/x.sh)`, stays text only known at run time: no reader reads it there)."""
    if w.value != DYN or len(w.subs) != 1 or w.procsub:
        return None
    src = w.subs[0]
    if src.name != "cat" or src.stdin_from:
        return None
    if len(src.argv) == 2 and not src.redirects:
        f = src.argv[1]
    elif len(src.argv) == 1 and len(src.redirects) == 1 and src.redirects[0].reads and not src.redirects[0].fd and src.redirects[0].target is not None:
        f = src.redirects[0].target
    else:
        return None
    v = f.value
    if not v or DYN in v or f.procsub or v.startswith(("-", "/", "~", "../")) or v == ".." or "/../" in v:
        return None
    return v


def literal_stdin(sources: list[SimpleCommand]) -> str | None:
    """The text a single `cat <<EOF`, `echo …` or `printf …` writes into a pipe, when it is literal."""
    if len(sources) != 1:
        return None
    src = sources[0]
    if src.name == "cat" and src.stdin_text is not None and not [a for a in src.args if a.value != "-"]:
        return src.stdin_text
    if src.name in ("true", "false", ":"):
        return ""  # builtins that print nothing, whatever their words (`true | xargs -r rm -rf ~` runs nothing)
    if src.name in ("echo", "printf") and not any(w.dynamic for w in src.args):
        words = [w.value for w in src.args]
        if src.name == "echo":
            return _echo(words)
        if words:
            if words[0] == "-v":
                return None  # printf -v VAR: into a variable, nothing printed
            if words[0] == "--":
                words = words[1:]  # `printf -- -w`: the format is -w
        return _printf(words[0], words[1:]) if words else ""
    return None


def _echo(words: list[str]) -> str | None:
    """bash's builtin echo: leading words made only of -n/-e/-E are options (the last of -e/-E wins); with -e the
    escapes of _unescape are read, and `\\c` ends the output."""
    escapes = False
    k = 0
    while k < len(words) and len(words[k]) > 1 and words[k][0] == "-" and all(c in "neE" for c in words[k][1:]):
        for c in words[k][1:]:
            if c in "eE":
                escapes = c == "e"
        k += 1
    text = " ".join(words[k:])
    if not escapes:
        # Without -e bash prints backslashes as typed, but sh (dash) and zsh read \\0NNN, \\c (zsh also \\x) in every
        # echo: where the shell that runs it is not known, such text is not known either.
        return None if any(e in text for e in ("\\0", "\\x", "\\c", "\\u", "\\U")) else text
    got = _unescape(text, "e")
    return None if got is None else got[0]


_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def _unescape(text: str, mode: str) -> tuple[str, bool] | None:
    """Backslash escapes as bash's printf reads them: *mode* "f" in a format (`\\NNN`: one to three octal digits,
    `\\"` `\\'` `\\?` their character), "b" in a %b argument (`\\0NNN` or `\\NNN`, `\\c` ends all output), "e" for
    `echo -e` (octal only as `\\0NNN`).
    Returns (text, stopped by \\c), or None for an escape not read here (a \\u beyond Unicode)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        e = text[i + 1]
        if e in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[e])
            i += 2
        elif e == "c" and mode in "be":
            return "".join(out), True
        elif e in "\"'?" and mode == "f":
            out.append(e)
            i += 2
        elif e == "x":
            j = i + 2
            while j < n and j < i + 4 and text[j] in "0123456789abcdefABCDEF":
                j += 1
            if j == i + 2:
                out.append("\\x")  # no digit: the backslash and the x stay
            else:
                out.append(chr(int(text[i + 2 : j], 16)))
            i = j
        elif e in "01234567" and (mode != "e" or e == "0"):
            start = i + 2 if (mode in "be" and e == "0") else i + 1
            j = start
            while j < n and j < start + 3 and text[j] in "01234567":
                j += 1
            out.append(chr(int(text[start:j] or "0", 8) & 0xFF))
            i = j
        elif e in "uU":
            # \uHHHH, \UHHHHHHHH (bash 4.2+): one to four or eight hex digits, the character they number.
            j = i + 2
            while j < n and j < i + (6 if e == "u" else 10) and text[j] in "0123456789abcdefABCDEF":
                j += 1
            if j == i + 2:
                out.append("\\" + e)  # no digit: kept as written
            else:
                code = int(text[i + 2 : j], 16)
                if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                    return None
                out.append(chr(code))
            i = j
        else:
            out.append("\\" + e)  # not an escape: kept as written
            i += 2
    return "".join(out), False


def _quote(arg: str) -> str:
    """%q: the argument quoted so that the shell reads it back as one word (bash writes backslashes; the word is the same)."""
    if arg.startswith("~"):
        # A word's value keeps an unquoted tilde unexpanded (`printf %q ~` got the home directory): left bare, so that
        # the text read back names what printf was given.
        head, slash, rest = arg.partition("/")
        return head + slash + (_quote(rest) if rest else "")
    if arg and all(c.isalnum() or c in "@%+=:,./-_" for c in arg):
        return arg
    return "'" + arg.replace("'", "'\\''") + "'"


def _printf(fmt: str, args: list[str]) -> str | None:
    """bash's printf FORMAT ARGS with the directives %s, %b, %q and %% (else None): the format's escapes are read,
    the format is reused until the arguments run out, a missing argument is empty, `\\c` in a %b argument ends
    all output (printf '%s\\n' a b -> "a\\nb\\n"; printf '%b' 'rm\\c -rf /' -> "rm"; printf '%q' 'rm -rf /' -> one word)."""
    parts: list[tuple[str, str]] = []  # (literal text, directive or "")
    i = 0
    lit: list[str] = []
    while i < len(fmt):
        c = fmt[i]
        if c == "%":
            d = fmt[i + 1 : i + 2]
            if d == "%":
                lit.append("%")
                i += 2
                continue
            if d not in ("s", "b", "q"):
                return None  # %d, %5s, %(fmt)T, ...: not computed here
            parts.append(("".join(lit), d))
            lit = []
            i += 2
            continue
        lit.append(c)
        i += 1
    parts.append(("".join(lit), ""))
    decoded: list[tuple[str, str]] = []
    for text, d in parts:
        got = _unescape(text, "f")
        if got is None:
            return None
        decoded.append((got[0], d))
    n = sum(1 for _, d in decoded if d)
    out: list[str] = []
    k = 0
    while True:
        for text, d in decoded:
            out.append(text)
            if not d:
                continue
            arg = args[k] if k < len(args) else ""
            k += 1
            if d == "s":
                out.append(arg)
            elif d == "q":
                out.append(_quote(arg) if k <= len(args) else "''")
            else:
                got = _unescape(arg, "b")
                if got is None:
                    return None
                out.append(got[0])
                if got[1]:
                    return "".join(out)
        if n == 0 or k >= len(args):
            return "".join(out)


def literal_output(cmd: SimpleCommand) -> str | None:
    """What a literal `cat <<EOF`, `echo …`, `printf …` or `tee <<EOF` writes, when it is literal."""
    if cmd.name in ("cat", "tee") and cmd.stdin_text is not None:
        if cmd.name == "cat" and [a for a in cmd.args if a.value != "-"]:
            return None
        return cmd.stdin_text
    if cmd.name == "tee" and cmd.stdin_from:
        return literal_stdin(cmd.stdin_from)
    return literal_stdin([cmd]) if cmd.name in ("echo", "printf") else None


def _operands(cmd: SimpleCommand) -> list[str] | None:
    """The operands of a command with only flag options (no option takes a value), or None when one is dynamic."""
    out: list[str] = []
    ended = False
    for w in cmd.args:
        v = w.value
        if not ended and v == "--":
            ended = True
        elif not ended and v.startswith("-") and len(v) > 1:
            continue
        elif DYN in v:
            return None
        else:
            out.append(v)
    return out


def _under(root: str) -> str:
    return root.rstrip("/") + "/" + DYN


def _writes_stdout_elsewhere(cmd: SimpleCommand) -> bool:
    return any(r.writes and r.fd in ("", "1") for r in cmd.redirects)


# kubectl's options before or after its subcommand that take the next word (a namespace, a selector, a format ...).
_KUBE_VALUED = frozenset(
    {"-n", "--namespace", "-l", "--selector", "-o", "--output", "--field-selector", "--context", "--kubeconfig", "--cluster"}
    | {"--user", "-s", "--server", "--token", "--as", "--as-group", "-f", "--filename", "-k", "--kustomize", "--sort-by"}
    | {"--template", "--chunk-size", "--request-timeout", "-L", "--label-columns", "--subresource", "--raw"}
)  # fmt: skip


def _kube_names(cmd: SimpleCommand) -> str | None:
    """What `kubectl get TYPE -o name` prints: one `TYPE/NAME` line per resource (`secret/db`), the names only known
    when it runs -- `TYPE/` + DYN for each type asked for (a comma list gives one line each), or the operand itself
    when it names the resource (`secret/db`). None for any other kubectl command or format."""
    vals = [w.value for w in cmd.args]
    out = ""
    ops: list[str] = []
    i = 0
    while i < len(vals):
        v = vals[i]
        i += 1
        if v in _KUBE_VALUED:
            if v in ("-o", "--output") and i < len(vals):
                out = vals[i]
            i += 1
        elif v.startswith(("-o=", "--output=")):
            out = v.partition("=")[2]
        elif v.startswith("-o") and not v.startswith("--"):
            out = v[2:]
        elif not v.startswith("-"):
            ops.append(v)
    if out != "name" or ops[:1] != ["get"] or len(ops) < 2 or any(DYN in o for o in ops[1:]):
        return None
    kind = ops[1]
    if "/" in kind:
        return "\n".join(ops[1:])  # `kubectl get secret/db configmap/app -o name`: the operands as they are
    return "\n".join(t + "/" + DYN for t in kind.split(",")[:16] if t)


def command_output(cmd: SimpleCommand, depth: int = 0) -> str | None:
    """What *cmd* writes to stdout: literal text, or ``ROOT/`` + DYN for paths under ROOT; None when unknown."""
    if depth > 8 or _writes_stdout_elsewhere(cmd):
        return None
    name = pathstr.basename(cmd.name)
    if name in ("echo", "printf", "cat", "tee"):
        text = literal_output(cmd)
        return text if text is None or len(text) <= _MAX_TEXT else None
    if name in ("base64", "rev"):
        return _decoded_output(cmd, name, depth)
    if name == "pwd":
        # The directory the command runs in, when the parser knows it (`rm -rf $(pwd)/build`).
        if cmd.cwd is None or DYN in cmd.cwd or any(not w.value.startswith("-") for w in cmd.args):
            return None
        return cmd.cwd
    if name == "mktemp":
        return _mktemp(cmd)
    if name in ("which", "command", "type"):
        # which NAME, command -v NAME, type -P NAME: where the program NAME is (its directory does not matter to
        # what runs: `$(which rm) -rf ~` is rm).
        ops = _operands(cmd)
        flags = [w.value for w in cmd.args if w.value.startswith("-")]
        if name == "command" and "-v" not in flags:
            return None
        if name == "type" and not any(f in ("-P", "-p") for f in flags):
            return None
        if ops is None or len(ops) != 1 or "/" in ops[0] or not ops[0]:
            return None
        return "/usr/bin/" + ops[0]
    if name in ("realpath", "readlink", "dirname", "basename", "abspath"):
        ops = _operands(cmd)
        if ops is None or len(ops) != 1 or (name == "readlink" and not any(w.value.startswith("-") for w in cmd.args)):
            return None
        p = ops[0]
        if name == "dirname":
            stripped = p.rstrip("/")
            return pathstr.dirname(stripped) or "." if stripped else "/"
        if name == "basename":
            return pathstr.basename(p.rstrip("/")) or "/"
        if not p.startswith(("/", "~")) and cmd.cwd is not None and DYN not in cmd.cwd:
            p = pathstr.join(cmd.cwd, p)
        return pathstr.normpath(p) if p.startswith("/") else p
    if name == "find":
        from .options import find_age_bound, find_roots

        roots, i = find_roots(cmd.args)
        expr = [w.value for w in cmd.args[i:]]
        if any(v in _FIND_PRINTERS for v in expr):
            return None
        if len(roots) > 1 or (roots and roots[0].dynamic):
            return None
        root = roots[0].value if roots else "."
        pattern = _one_name(expr)
        # find ROOT -name PAT prints only paths whose last part matches PAT: ROOT/**/PAT (`rm -rf $(find . -name
        # __pycache__)` is judged as `rm -rf ./**/__pycache__`); otherwise some path under ROOT.
        if pattern:
            return root.rstrip("/") + "/**/" + pattern
        # find ROOT -mtime +7 prints the files older than a bound: some paths somewhere under ROOT, not all of them.
        return root.rstrip("/") + "/**/" + DYN if find_age_bound(expr, 0) and not any(ch in root for ch in "*?[") else _under(root)
    if name in ("fd", "fdfind"):
        ops = _operands(cmd)
        if ops is not None and len(ops) == 2:
            return _under(ops[1])
        return None
    if name in ("grep", "egrep", "rg") and _lists_files(cmd):
        ops = _operands(cmd)
        if ops is not None and len(ops) == 2:
            return _under(ops[1])
        return None
    if name == "ls":
        ops = _operands(cmd)
        if ops is not None and len(ops) == 1 and (_GLOB & set(ops[0]) or any(w.value.startswith("-") and "d" in w.value for w in cmd.args)):
            return ops[0]
        if ops is not None and ops in ([], ["."], ["./"]):
            return _listing(cmd)
        return None
    if name == "kubectl":
        return _kube_names(cmd)
    if name in _SELECTORS and cmd.stdin_from and not _file_operands(cmd):
        up = pipeline_output(cmd.stdin_from, depth + 1)
        if up is not None and (DYN in up or "\n" not in up.rstrip("\n")) and not (_whole_listing(up) and name in _FILTERS):
            return up
    return None


# ls options that change only which entries are named and in what order, or mark a name with one trailing character
# (-F/-p: `dir/`, the same entry): the output is still one name a line when it goes to a pipe.
_LS_NAME_FLAGS = frozenset("1aAftrSUXvcuFpGhHLNq")
_LS_NAME_LONG = frozenset({"--all", "--almost-all", "--reverse", "--classify", "--indicator-style=slash", "--quoting-style=literal", "--literal"})


def _listing(cmd: SimpleCommand) -> str | None:
    """What `ls` with no operand (or `.`) prints: the names of the entries of the folder it runs in, one a line, which
    is what the glob `*` names there (`* .*` under -a/-A: hidden entries too; bash and rm leave out `.` and `..`).
    None when an option prints more than names (-l, -R, -s, -i, -m ...), or -d (`.` itself)."""
    hidden = False
    for w in cmd.args:
        v = w.value
        if v in ("--", ".", "./"):
            continue
        if v.startswith("--"):
            if v not in _LS_NAME_LONG:
                return None
            hidden = hidden or v in ("--all", "--almost-all")
            continue
        if not set(v[1:]) <= _LS_NAME_FLAGS:
            return None
        hidden = hidden or bool(set(v[1:]) & set("aAf"))  # -f is -aU
    return "* .*" if hidden else "*"


def _whole_listing(text: str) -> bool:
    """Whether *text* is a folder's whole listing as _listing gives it (a selection of its lines is only some names)."""
    return text in ("*", "* .*")


def _one_name(expr: list[str]) -> str | None:
    """The single -name pattern every printed path matches, when the expression is one chain of tests holding one."""
    if any(v in ("-o", "-or", ",", "(", ")", "!", "-not") for v in expr):
        return None
    names = [expr[k + 1] for k, v in enumerate(expr[:-1]) if v == "-name"]
    if len(names) != 1 or "/" in names[0] or DYN in names[0] or not names[0]:
        return None
    return names[0]


def _mktemp(cmd: SimpleCommand) -> str | None:
    """The new file or directory mktemp creates: TEMPLATE in the cwd, or under -p/--tmpdir DIR (or the temp directory
    with -t, --tmpdir or no template). Its X's are random; the name stands for one that did not exist before."""
    vals = [w.value for w in cmd.args]
    if any(DYN in v for v in vals):
        return None
    tmpdir: str | None = None
    template = ""
    under_tmp = False
    i = 0
    while i < len(vals):
        v = vals[i]
        if v == "-p" and i + 1 < len(vals):
            tmpdir, i = vals[i + 1], i + 2
            continue
        if v.startswith("--tmpdir"):
            under_tmp = True
            tmpdir = v.partition("=")[2] or None
        elif v.startswith("-p") and len(v) > 2:
            tmpdir = v[2:]
        elif v == "-t" or (v.startswith("-") and not v.startswith("--") and "t" in v[1:]):
            under_tmp = True
        elif not v.startswith("-"):
            template = v
        i += 1
    if template and "/" in template:
        return None
    if template and tmpdir is None and not under_tmp:
        if cmd.cwd is None or DYN in cmd.cwd:
            return None
        return pathstr.join(cmd.cwd, template)
    return pathstr.join(tmpdir or "/tmp", template or "tmp.XXXXXXXXXX")


def _lists_files(cmd: SimpleCommand) -> bool:
    """grep -l / -L / rg --files: the output is file names, not lines."""
    for w in cmd.args:
        v = w.value
        if v in ("--files-with-matches", "--files-without-match", "--files"):
            return True
        if v.startswith("-") and not v.startswith("--") and ("l" in v[1:] or "L" in v[1:]):
            return True
    return False


def _file_operands(cmd: SimpleCommand) -> bool:
    """Whether a line filter reads files of its own rather than its stdin (`grep x FILE`, `head FILE`)."""
    ops = _operands(cmd)
    if ops is None:
        return True
    if pathstr.basename(cmd.name) in ("grep", "egrep", "fgrep", "rg"):
        return len(ops) > 1  # the pattern, then files
    if pathstr.basename(cmd.name) in ("head", "tail"):
        # -n N / -c N: the number is an operand to _operands; a file is what is left beside it.
        return any(not o.lstrip("+-").isdigit() for o in ops)
    return bool(ops)


def pipeline_output(cmds: list[SimpleCommand], depth: int = 0) -> str | None:
    """What a list of commands (a substitution's, or the upstream of a pipe) writes, when one command writes it all.

    Every command but the last must feed a pipe (``find … | head -1``); a second command writing beside it
    (``$(cd x; ls)``) or a nested substitution makes the output unknown.
    """
    if not cmds or any(not c.piped for c in cmds[:-1]):
        return None
    return command_output(cmds[-1], depth)


def _decoded_output(cmd: SimpleCommand, name: str, depth: int) -> str | None:
    """What `base64 -d` or `rev` writes when what it reads is literal (`printf cm0gLXJmIC8= | base64 -d`,
    `base64 -d <<< …`): the decoded text, when it is text."""
    flags = [w.value for w in cmd.args if w.value.startswith("-")]
    if [w for w in cmd.args if not w.value.startswith("-") and w.value != "-"]:
        return None  # reads a file
    if name == "base64" and not any(f in ("-d", "--decode", "-D") or (f.startswith("-") and not f.startswith("--") and "d" in f) for f in flags):
        return None
    if name == "rev" and flags:
        return None
    text = cmd.stdin_text if cmd.stdin_text is not None else pipeline_output(cmd.stdin_from, depth + 1) if cmd.stdin_from else None
    if text is None or DYN in text:
        return None
    if name == "rev":
        return "\n".join(line[::-1] for line in text.split("\n"))
    import base64
    import binascii

    try:
        raw = base64.b64decode("".join(text.split()), validate=not any("i" in f for f in flags if not f.startswith("--")))
        return raw.decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


def fd_named(cmd: SimpleCommand) -> tuple[SimpleCommand, dict[str, Word]]:
    """*cmd* with each word that is a process substitution named as bash names it to the program (/dev/fd/63, 62, …),
    and those names' words: what a program reads from such a file is the substitution's output."""
    from copy import copy

    from .ir import Word

    fds: dict[str, Word] = {}
    argv: list[Word] = []
    for w in cmd.argv:
        if w.procsub and w.value == DYN and len(fds) < 8:
            name = f"/dev/fd/{63 - len(fds)}"
            fds[name] = w
            w = Word(name, w.raw)
        argv.append(w)
    named = copy(cmd)
    named.argv = argv
    return named, fds


class FdReader:
    """Context.read_file while a command given process substitutions is read (fd_named): /dev/fd/N is the literal output
    of the substitution bash names so (None where it is not literal), every other path the disk's reader's."""

    __slots__ = ("disk", "texts")

    def __init__(self, disk: Callable[[str], str | None] | None, fds: dict[str, Word]) -> None:
        self.disk = disk
        self.texts = {k: literal_stdin(w.subs) for k, w in fds.items()}

    def __call__(self, path: str) -> str | None:
        if path.startswith("/dev/fd/"):
            return self.texts.get(path)
        return self.disk(path) if self.disk is not None else None
