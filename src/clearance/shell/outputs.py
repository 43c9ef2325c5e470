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

import posixpath

from ..paths import DYN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .ir import SimpleCommand

_GLOB = frozenset("*?[")
# Filters whose output is a selection of their input's lines.
_SELECTORS = frozenset({"head", "tail", "sort", "uniq", "shuf", "tac", "grep", "egrep", "fgrep", "rg"})
_FIND_PRINTERS = frozenset({"-printf", "-fprintf", "-fprint", "-fprint0", "-ls", "-fls", "-exec", "-execdir", "-ok", "-okdir"})
_MAX_TEXT = 4096


def literal_stdin(sources: list[SimpleCommand]) -> str | None:
    """The text a single `cat <<EOF`, `echo …` or `printf …` writes into a pipe, when it is literal."""
    if len(sources) != 1:
        return None
    src = sources[0]
    if src.name == "cat" and src.stdin_text is not None and not [a for a in src.args if a.value != "-"]:
        return src.stdin_text
    if src.name in ("echo", "printf") and not any(w.dynamic for w in src.args):
        if src.name == "echo":
            return _echo([w.value for w in src.args])
        words = [w.value for w in src.args]
        if words:
            if words[0] == "-v":
                return None  # printf -v VAR: into a variable, nothing printed
            if words[0] == "--":
                words = words[1:]  # `printf -- -w`: the format is -w
            return _printf(words[0], words[1:]) if words else ""
        return ""
    return None


def _echo(words: list[str]) -> str:
    r"""What bash's echo prints: leading -n/-e/-E (and their combinations) are options; with -e, escapes are decoded
    (`\0NNN` octal, `\xHH`, `\uHHHH`, `\c` ends the output)."""
    escapes = False
    while words and len(words[0]) > 1 and words[0][0] == "-" and set(words[0][1:]) <= set("neE"):
        for f in words[0][1:]:
            escapes = True if f == "e" else False if f == "E" else escapes
        words = words[1:]
    text = " ".join(words)
    if not escapes or "\\" not in text:
        return text
    from .parse import decode_ansi_c

    # echo's own escapes first: \0NNN (up to three octal digits after the 0), \c (nothing after it is printed), and
    # \NNN without the 0 printed as it is; the rest decode as in $'…'.
    kept: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c != "\\" or i + 1 >= n:
            kept.append(c)
            i += 1
            continue
        e = text[i + 1]
        if e == "c":
            break
        if e == "0":
            j = i + 2
            while j < n and j < i + 5 and text[j] in "01234567":
                j += 1
            ch = chr(int(text[i + 2 : j] or "0", 8) & 0xFF)
            kept.append("\\\\" if ch == "\\" else ch)
            i = j
        elif e in "1234567\"'?":
            kept.append("\\\\" + e)  # not escapes to echo: printed as they are
            i += 2
        else:
            kept.append(text[i : i + 2])
            i += 2
    return decode_ansi_c("".join(kept))


def _printf(fmt: str, args: list[str]) -> str | None:
    """printf FORMAT ARGS with only %s and %% directives (else None): the format is reused until the arguments run out
    (printf '%s\\n' a b -> "a\\nb\\n"; printf '%s/.ssh/%s' ~ id_rsa -> "~/.ssh/id_rsa")."""
    if "\\" in fmt:
        # The format's escapes as printf decodes them (\n, \xHH, \uHHHH, \NNN octal …); one that makes a % is not computed.
        from .parse import decode_ansi_c

        decoded = decode_ansi_c(fmt.replace("\\c", "\\\\c"))
        if decoded.count("%") != fmt.count("%"):
            return None
        fmt = decoded
    pieces = fmt.split("%%")
    if any("%b" in p for p in pieces):
        # %b is %s with the argument's escapes decoded as echo -e decodes them.
        kinds = [p[k + 1] for p in pieces for k in range(len(p) - 1) if p[k] == "%" and p[k + 1] in "sb"]
        pieces = [p.replace("%b", "%s") for p in pieces]
        if kinds:
            args = [_echo(["-e", a]) if kinds[j % len(kinds)] == "b" else a for j, a in enumerate(args)]
    n = sum(p.count("%s") for p in pieces)
    if any("%" in p.replace("%s", "") for p in pieces):
        return None  # %d, %q, ...: not computed here
    if n == 0 or not args:
        return "%".join(p.replace("%s", "") for p in pieces)
    out: list[str] = []
    for k in range(0, len(args), n):
        chunk = iter(args[k : k + n])
        out.append("%".join("".join(part + (next(chunk, "") if i < len(p.split("%s")) - 1 else "") for i, part in enumerate(p.split("%s"))) for p in pieces))
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


def command_output(cmd: SimpleCommand, depth: int = 0) -> str | None:
    """What *cmd* writes to stdout: literal text, or ``ROOT/`` + DYN for paths under ROOT; None when unknown."""
    if depth > 8 or _writes_stdout_elsewhere(cmd):
        return None
    name = posixpath.basename(cmd.name)
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
            return posixpath.dirname(stripped) or "." if stripped else "/"
        if name == "basename":
            return posixpath.basename(p.rstrip("/")) or "/"
        if not p.startswith(("/", "~")) and cmd.cwd is not None and DYN not in cmd.cwd:
            p = posixpath.join(cmd.cwd, p)
        return posixpath.normpath(p) if p.startswith("/") else p
    if name == "find":
        from .options import find_roots

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
        return root.rstrip("/") + "/**/" + pattern if pattern else _under(root)
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
        return None
    if name in _SELECTORS and cmd.stdin_from and not _file_operands(cmd):
        up = pipeline_output(cmd.stdin_from, depth + 1)
        if up is not None and (DYN in up or "\n" not in up.rstrip("\n")):
            return up
    return None


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
        return posixpath.join(cmd.cwd, template)
    return posixpath.join(tmpdir or "/tmp", template or "tmp.XXXXXXXXXX")


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
    if posixpath.basename(cmd.name) in ("grep", "egrep", "fgrep", "rg"):
        return len(ops) > 1  # the pattern, then files
    if posixpath.basename(cmd.name) in ("head", "tail"):
        # -n N / -c N: the number is an operand to _operands; a file is what is left beside it.
        return any(not o.lstrip("+-").isdigit() for o in ops)
    return bool(ops)


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


def pipeline_output(cmds: list[SimpleCommand], depth: int = 0) -> str | None:
    """What a list of commands (a substitution's, or the upstream of a pipe) writes, when one command writes it all.

    Every command but the last must feed a pipe (``find … | head -1``); a second command writing beside it
    (``$(cd x; ls)``) or a nested substitution makes the output unknown.
    """
    if not cmds or any(not c.piped for c in cmds[:-1]):
        return None
    return command_output(cmds[-1], depth)
