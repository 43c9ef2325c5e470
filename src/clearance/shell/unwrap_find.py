"""Unwrapping find, fd and xargs: the commands they run over the items they find or read.  Loaded the first time a
command needs one of these methods (unwrap.Unwrapper.__getattr__)."""

from __future__ import annotations

from .. import pathstr
from ..lazyre import lazy
from ..paths import DYN
from .ir import NOT_RUN, SimpleCommand, Word
from .options import find_age_bound, find_roots, find_roots_only
from .outputs import literal_stdin, pipeline_output
from .programs import SHELLS
from .unwrap import _FD_EXEC, Unwrapper, _reads_tool_input, _strip_options, basename_command

_FD_VALUE_OPTS = frozenset(
    {
        "-e",
        "--extension",
        "-t",
        "--type",
        "-d",
        "--max-depth",
        "--min-depth",
        "-E",
        "--exclude",
        "-S",
        "--size",
        "-j",
        "--threads",
        "--changed-within",
        "--changed-before",
        "-o",
        "--owner",
        "--base-directory",
        "--search-path",
        "-c",
        "--color",
        "--ignore-file",
        "--max-results",
    }
)


_XARGS_OPTS = frozenset(
    {
        "-I",
        "-n",
        "-L",
        "-P",
        "-s",
        "-d",
        "-E",
        "-a",
        "--arg-file",
        "--max-args",
        "--max-procs",
        "--max-chars",
        "--delimiter",
    }
)  # --replace[=R], --eof[=E], --max-lines[=N], -i[R], -e[E], -l[N]: values only glued (GNU xargs)


def _fd_names(pattern: str, glob: bool, exts: list[str]) -> list[tuple[str, str]]:
    """fd's pattern and extensions as find name tests: ("-name", glob) where the regex is plain, else ("-regex", it)."""
    out: list[tuple[str, str]] = []
    name = ""
    if pattern and pattern not in (".", "^", ".*", "^.*$", "*"):
        if glob:
            name = pattern
            out.append(("-name", pattern))
        else:
            core = pattern.removeprefix("^").removesuffix("$")
            plain = core.replace("\\.", "")
            if any(c in plain for c in "\\*+?[](){}|"):
                out.append(("-regex", pattern))
            else:
                # An unescaped "." matches any one character, itself included: `fd settings.json` is read as the
                # name it spells, as `fd 'settings\.json'` is.
                core = core.replace("\\.", ".")
                # fd matches anywhere in the name; a plain word is read as the name it spells (fd node_modules),
                # a pattern anchored at one end only as the name's end ('\.pyc$') or start ('^test_').
                start, end = pattern.startswith("^"), pattern.endswith("$")
                name = core if start == end else ("*" + core if end else core + "*")
                out.append(("-name", name))
    if exts:
        if name:
            return out  # both a name and extensions: the name already narrows the selection
        out = [("-name", "*." + e) for e in exts if e]
    return out


# What an item of xargs -I or a path of find -exec stands for inside a literal shell script: a variable the script
# does not set, so it is read as a value only known at run time, in the place the text puts it (an argument, or the
# command name, which stays asked about).
_ITEM_VAR = "${__clearance_item}"


_PLAIN_PATH = lazy(r"[A-Za-z0-9_./~+-]+")


_FIND_EXECS = ("-exec", "-execdir", "-ok", "-okdir")


# Words before the program of an -exec that run it unchanged (`-exec env rm {} +`, `-exec nice -n 5 rm`).
_FIND_EXEC_PREFIXES = frozenset({"env", "command", "builtin", "exec", "nice", "nohup", "time", "stdbuf", "ionice", "setsid"})


# -exec programs that remove the file they are given: what they reach is what find selected.
_FIND_REMOVERS = frozenset({"rm", "rmdir", "unlink", "shred", "trash", "trash-put", "gio"})


# Programs that print, copy or send the files find hands them: what they get is what the -name selects (find ~ -name
# '*.pem' -exec cat {} ;  reads ~/**/*.pem, which can match a private key), as for the removers.
_FIND_CONTENT_READERS = frozenset(
    {"cat", "head", "tail", "less", "more", "bat", "batcat", "tac", "nl", "base64", "xxd", "od", "hexdump", "strings", "grep", "egrep", "fgrep"}
    | {"rg", "jq", "yq", "cp", "scp", "rsync", "tar", "zip", "curl", "gpg", "openssl"}
)


def _exec_end(argv: list[Word], k: int) -> int:
    """The index of the word that ends the -exec at *k*: `;`, or `+` right after `{}` (elsewhere `+` is an argument)."""
    end = k + 1
    while end < len(argv) and not (argv[end].value in (";", "\\;") or (argv[end].value == "+" and argv[end - 1].value == "{}")):
        end += 1
    return end


def _narrowing_name(pattern: str) -> bool:
    """A -name pattern that selects some names, not (nearly) every one: `*.log`, `pytest-*`; not `*`, `.*`, `[a-z]*`."""
    core = pattern
    while "[" in core and "]" in core[core.index("[") :]:
        core = core[: core.index("[")] + "*" + core[core.index("]", core.index("[")) + 1 :]
    return DYN not in pattern and "/" not in pattern and core.strip("*?.") != ""


def find_selection(argv: list[Word], start: int) -> tuple[str, bool]:
    """What every file find hands its -exec program is known to be: (a -name pattern it matches, or ""; True when it
    is a directory by `-type d`). Only for an expression with one -exec, no alternative (-o, `,`) and no negation,
    from the tests before that -exec (a test after it does not narrow what it is given)."""
    pattern, dirs, execs = "", False, 0
    i = start
    while i < len(argv):
        v = argv[i].value
        if v in ("-o", "-or", ",", "!", "-not"):
            return "", False
        if v in _FIND_EXECS:
            execs += 1
            if execs > 1:
                return "", False
            i = _exec_end(argv, i) + 1
            continue
        if execs == 0 and v in ("-name", "-iname") and i + 1 < len(argv):
            if not pattern and _narrowing_name(argv[i + 1].value):
                pattern = argv[i + 1].value
            i += 2
            continue
        if execs == 0 and v == "-type" and i + 1 < len(argv):
            dirs = dirs or argv[i + 1].value == "d"
            i += 2
            continue
        i += 1
    return pattern, dirs


_MAX_ROOTS = 8  # start points judged one by one (each -exec is judged once per root)


def _plain_root(v: str) -> str:
    """A start point with its redundant separators gone (`/./` and `/.` are `/`, `//etc/` is `/etc/`), as find
    reaches it; `..` is left alone (through a link it is not the parent)."""
    if "/" not in v or DYN in v:
        return v
    parts = [p for p in v.split("/") if p not in ("", ".")]
    lead = "/" if v.startswith("/") else ("./" if v.startswith("./") and parts else "")
    out = lead + "/".join(parts)
    if not out:
        return "." if not v.startswith("/") else "/"
    return out + "/" if v.endswith(("/", "/.")) and out != "/" else out


def _exec_program(inner: list[Word]) -> str:
    """The program an -exec runs, past the words that run it unchanged."""
    for w in inner:
        name = pathstr.basename(w.value)
        if name not in _FIND_EXEC_PREFIXES and not w.value.startswith("-") and "=" not in w.value and not w.value.isdigit():
            return name
    return ""


def _shell_script_index(inner: list[Word]) -> int:
    """The index of the script word in `sh -c SCRIPT …` (also `bash -ec`, `bash --norc -c`, `sh -o pipefail -c`), or -1."""
    if not inner or basename_command(inner[0]).value not in SHELLS:
        return -1
    i = 1
    while i < len(inner):
        v = inner[i].value
        if v in ("-o", "+o", "-O", "+O"):
            i += 2
            continue
        if v == "--" or not v.startswith(("-", "+")) or DYN in v:
            return -1  # a script file or an operand before any -c
        if not v.startswith("--") and "c" in v[1:]:
            return i + 1 if i + 1 < len(inner) else -1
        i += 1
    return -1


def _no_run_if_empty(v: str) -> bool:
    """xargs -r / --no-run-if-empty (alone or in a cluster of flags: -0r, -rt)."""
    return v == "--no-run-if-empty" or (v.startswith("-") and not v.startswith("--") and "r" in v[1:] and all(c in "0prtx" for c in v[1:]))


def _printed_vars(sources: list[SimpleCommand]) -> tuple[str, ...]:
    """The variables whose values the commands feeding a pipe print: the words of `echo`/`printf` (`echo $TOKEN`,
    `printf %s "$KEY"`) and the names `printenv` is given."""
    got: list[str] = []
    for c in sources:
        if c.name in ("echo", "printf"):
            got += [v for w in c.args for v in w.vars]
        elif c.name == "printenv":
            got += [w.value for w in c.args if not w.value.startswith("-") and DYN not in w.value]
    return tuple(dict.fromkeys(got))


def _xargs_items(text: str, opts: list[Word], by_line: bool) -> list[str]:
    """How xargs cuts its input into items: at NULs with -0, at the -d delimiter, one a line with -I, else at blanks.

    With -0 or -d the item keeps its blanks: `printf 'rm -rf ~' | xargs -0 sh -c` hands sh the whole line.
    """
    delim: str | None = None
    vals = [w.value for w in opts]
    for k, v in enumerate(vals):
        if v in ("-0", "--null") or (v.startswith("-") and not v.startswith("--") and "0" in v[1:] and v[1:2] not in ("d", "I", "n", "L", "P", "s", "E", "a")):
            delim = "\0"
        elif v in ("-d", "--delimiter") and k + 1 < len(vals):
            delim = vals[k + 1]
        elif v.startswith("--delimiter="):
            delim = v.partition("=")[2]
        elif v.startswith("-d") and len(v) > 2:
            delim = v[2:]
    if delim is not None:
        delim = {"\\n": "\n", "\\t": "\t", "\\0": "\0"}.get(delim, delim)
        parts = text.split(delim) if delim else [text]
        if parts and parts[-1] in ("", "\n"):
            parts = parts[:-1]  # the terminator after the last item
        return [p for p in parts if p]
    return [x for x in text.splitlines() if x] if by_line else text.split()


class Methods(Unwrapper):
    """The methods Unwrapper takes on from here (unwrap.LATER)."""

    def _xargs(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        i = _strip_options(argv, 1, _XARGS_OPTS)
        replace = None
        for j in range(1, i):
            a = argv[j].value
            if a == "-I" and j + 1 < len(argv):
                replace = argv[j + 1].value
            elif a.startswith("-I") and len(a) > 2:
                replace = a[2:]
            elif a.startswith("-i"):
                replace = a[2:] or "{}"
            elif a == "--replace" or a.startswith("--replace="):
                replace = a.partition("=")[2] or "{}"
        self.out.commands.append(cmd)
        inner = argv[i:] or [Word("echo", "echo")]
        finder = next((c for c in cmd.stdin_from if c.name == "find"), None)
        if finder is not None and basename_command(inner[0]).value in ("rm", "shred", "unlink", "rmdir", "rimraf"):
            # find … | xargs rm is find … -exec rm {} +: judge it with the find expression.
            if replace:
                args = [Word(w.value.replace(replace, "{}"), w.raw, w.subs, w.procsub, w.vars, w.quoted) for w in inner]
            else:
                args = [*inner, Word("{}", "{}")]
            synth = [*finder.argv, Word("-exec", "-exec"), *args, Word("+", "+")]
            self.command(cmd.derive(synth, "xargs"))
            return
        arg_file = next((argv[j + 1] for j in range(1, i - 1) if argv[j].value in ("-a", "--arg-file")), None)
        text: str | None
        if arg_file is not None:
            # xargs -a <(echo FILE) cat: the items are what the process substitution prints.
            text = pipeline_output(arg_file.subs) if arg_file.procsub else None
        elif cmd.stdin_from:
            text = literal_stdin(cmd.stdin_from)
        elif cmd.stdin_text is None and not self.typed_input and _reads_tool_input(cmd):
            # `xargs rm` reading the tool's own input (Claude Code's `< /dev/null`): no item reaches it from the agent
            text = ""
        else:
            text = cmd.stdin_text  # xargs cat <<< FILE, a here-document of names
        items = _xargs_items(text, argv[1:i], bool(replace)) if text is not None and DYN not in text else None
        if items == [] and (replace or any(_no_run_if_empty(w.value) for w in argv[1:i])):
            return  # `printf '' | xargs -r rm -rf /`: no item, and -r (or -I) runs nothing then
        if items is not None and len(items) <= 20 and (items or not replace):
            # GNU xargs without -r runs the command once with no item (`printf '' | xargs rm -rf /` is `rm -rf /`).
            # echo a b | xargs rm: the items are known.
            for it in items or [""]:
                w = Word(it, it)
                if not it:
                    new = list(inner)
                elif replace:
                    new = [Word(x.value.replace(replace, it), x.raw, x.subs, x.procsub, x.vars, x.quoted) if replace in x.value else x for x in inner]
                else:
                    new = [*inner, w]
                self.command(cmd.derive(new, "xargs"))
            return
        # Paths a producer prints (`find ~/.aws -type f | xargs cat`): some path under its root; else unknown.
        if arg_file is not None:
            produced = pipeline_output(arg_file.subs) if arg_file.procsub else None
        else:
            produced = pipeline_output(cmd.stdin_from) if cmd.stdin_from else None
        if produced is not None and DYN not in produced and "/**/" not in produced and any(ch in produced for ch in "*?["):
            # `ls | xargs rm -rf`, `ls *.log | xargs rm -f`: a listing prints the names its glob stands for, one a line;
            # xargs hands them on as the command typed with the glob would get them (`rm -rf *`, `rm -f *.log`).
            # A literal `sh -c` script that holds the item reads it as a value, not as a glob (below).
            globs = produced.split()
            si = _shell_script_index(inner) if replace else -1
            as_value = replace is not None and si >= 0 and replace in inner[si].value
            # A token inside a longer word names another file per item (`mv {} {}.bak`): no glob stands for those.
            per_item = replace is not None and any(replace in w.value and w.value != replace for w in inner)
            if _xargs_items("\n".join(globs) + "\n", argv[1:i], bool(replace)) == globs and not as_value and not per_item:
                for g in globs:
                    w = Word(g, g)
                    if replace:
                        new = [Word(x.value.replace(replace, g), x.raw, x.subs, x.procsub, x.vars, x.quoted) if replace in x.value else x for x in inner]
                    else:
                        new = [*inner, w]
                    self.command(cmd.derive(new, "xargs"))
                return
        some = produced if produced is not None and (DYN in produced or "/**/" in produced) else DYN
        # The items are the values of the variables the producer prints (`echo $TOKEN | xargs whois -h HOST`): the
        # words they fill carry those variables, as `whois -h HOST $TOKEN` does (metamorphic round 12).
        printed = () if arg_file is not None else _printed_vars(cmd.stdin_from)
        item = Word(some, "<items read by xargs>", vars=printed)
        if replace:
            # A literal `sh -c` script gets each item as a value in its text, read like "$1" (_ITEM_VAR); every other
            # word holds the items read (a value only known at run time unless the input was literal).
            si = _shell_script_index(inner)
            new = [
                Word(w.value.replace(replace, _ITEM_VAR if k == si else some), w.raw, w.subs, w.procsub, w.vars + printed, w.quoted)
                if replace in w.value
                else w
                for k, w in enumerate(inner)
            ]
        else:
            new = list(inner) + [item]
        self.command(cmd.derive(new, "xargs"))

    def _fd(self, cmd: SimpleCommand) -> None:
        """fd [pattern] [path…] -x/-X cmd args: read as the find command it stands for.

        `fd -e tmp -X rm` is `find . -name '*.tmp' -exec rm {} +`: the same rules judge what it
        deletes (junk, sources, everything under home), with fd's pattern and extensions as names.
        """
        self.out.commands.append(cmd)
        argv = cmd.argv
        k = next(j for j, a in enumerate(argv) if a.value in _FD_EXEC)
        positional: list[str] = []
        exts: list[str] = []
        roots_opt: list[str] = []
        glob = False
        j = 1
        while j < k:
            v = argv[j].value
            if v.startswith("-"):
                name, eq, glued = v.partition("=")
                value = glued if eq else (argv[j + 1].value if j + 1 < k else "")
                if name in ("-e", "--extension"):
                    exts.append(value.lstrip("."))
                elif name in ("--search-path",):
                    roots_opt.append(value)
                elif name in ("-g", "--glob"):
                    glob = True
                elif name.startswith("-e") and not name.startswith("--") and len(name) > 2:
                    exts.append(name[2:].lstrip("."))
                    j += 1
                    continue
                j += 1 if eq or name not in _FD_VALUE_OPTS else 2
                continue
            positional.append(v)
            j += 1
        roots = roots_opt or positional[1:] or ["."]
        inner = argv[k + 1 :]
        if not inner:
            return
        names = _fd_names(positional[0] if positional else "", glob, exts)
        expr: list[Word] = []
        for n, (test, pattern) in enumerate(names):
            expr += ([Word("-o", "-o")] if n else []) + [Word(test, test), Word(pattern, pattern)]
        if len(names) > 1:
            expr = [Word("(", "("), *expr, Word(")", ")")]
        if not any("{" in w.value for w in inner):
            inner = [*inner, Word("{}", "{}")]
        end = "+" if argv[k].value in ("-X", "--exec-batch") else ";"
        synth = [Word("find", "find"), *(Word(r, r) for r in roots[:10]), *expr, Word("-exec", "-exec")]
        synth += [Word(w.value.replace("{/}", "{}").replace("{//}", ".").replace("{.}", "{}").replace("{/.}", "{}"), w.raw) for w in inner]
        self._find(cmd.derive([*synth, Word(end, end)], "fd " + argv[k].value))

    def _find(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        self.out.commands.append(cmd)
        found, start = find_roots(argv[1:])
        # Every start point is searched: `find a / -exec rm -rf {} +` removes under / too (metamorphic round 12: several
        # roots were read as `.`); `/./`, `/.` and `//etc` are the paths they name.
        roots = [_plain_root(w.value) for w in found][:_MAX_ROOTS] or ["."]
        j = start + 1
        selected, dirs = find_selection(argv, j)
        values = [w.value for w in argv]
        roots_only = find_roots_only(values, j)
        # An -exec without its terminator makes find fail before it looks at a file ("missing argument"); the command
        # it names is still judged, capped at ask: nothing runs now, a retry with the `;` would run it.
        k = j
        while k < len(argv):
            a = argv[k].value
            if a in _FIND_EXECS:
                # `;` ends the command, `+` only right after a `{}` (elsewhere it is an argument).
                end = _exec_end(argv, k)
                inner = argv[k + 1 : end]
                for root_desc in roots if inner else ():
                    # From "/" the placeholder is "/*", not "/<dynamic>" (the mark of a directory known only at run time).
                    base = root_desc.rstrip("/")
                    placeholder = (base + "/" + DYN if base else "/*") if root_desc else DYN
                    program = _exec_program(inner)
                    if selected and base and DYN not in base and (program in _FIND_REMOVERS or program in _FIND_CONTENT_READERS):
                        # find /tmp -name 'pytest-*' -exec rm -rf {} +: what goes is what the name selects under the
                        # root, as with -delete (effects.py), not everything below it.
                        placeholder = base + "/**/" + selected
                    elif not selected and base and DYN not in base and program in _FIND_REMOVERS and find_age_bound(values, j):
                        # find /tmp -type f -mtime +7 -exec rm {} +: the files older than a bound, somewhere below the root.
                        placeholder = base + "/**/" + DYN
                    elif dirs and program in ("chmod", "chgrp", "chown"):
                        placeholder += "/"  # find -type d -exec chmod g+s {} +: each one a directory
                    if any(ch in base for ch in "*?[") or (roots_only and base and DYN not in base):
                        # find /usr/* -exec rm {}: a glob root's own matches are found first, then what is under them.
                        # With -maxdepth 0 the starting point alone is given (`find f -maxdepth 0 -exec rm {} +`: rm f).
                        placeholder = base
                    # In a literal `sh -c` script the path found is a value in the text (under the root when it is plain).
                    si = _shell_script_index(inner)
                    in_script = base + "/" + _ITEM_VAR if root_desc and base and _PLAIN_PATH.fullmatch(base) else _ITEM_VAR
                    new = [
                        Word(w.value.replace("{}", in_script if k == si else placeholder), w.raw, w.subs, w.procsub, w.vars, w.quoted)
                        for k, w in enumerate(inner)
                    ]
                    # Without its terminator find fails before it looks at a file ("missing argument to -exec"):
                    # the command is judged, capped at ask (NOT_RUN: a retry with the `;` would run it).
                    self.command(cmd.derive(new, "find " + a + (" with no terminator" + NOT_RUN if end >= len(argv) else "")))
                k = end + 1
                continue
            k += 1
