"""Scripts a command runs from the project: `bash x.sh`, `./x.sh`, `make target`, `npm run name`.

Running a script the agent wrote earlier is the two-step form of typing its commands.
This module finds which project file a command would run and the shell code in it;
the engine analyses that code like a typed command. Reading the files is the one piece
of I/O, and it comes in through ``Context.read_file`` so the decision stays a pure
function of its inputs (tests pass a dictionary; the hook reads project files).
"""

from __future__ import annotations

from . import jsonlite as json
from . import pathstr
from .lazyre import lazy
from .model import TOO_LARGE
from .paths import DYN, is_generated, is_within
from .shell.programs import CLIENT_DIALECTS as SQL_DIALECTS
from .shell.programs import CODE_OPTIONS, EMACSES, GIT_VALUE_OPTIONS, INTERPRETERS, VIMS, may_run_a_script
from .shell.programs import NODE_RUNNERS as _NODE_RUNNERS
from .shell.unwrap import SHELLS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .code.sql import Script
    from .scope import Scope
    from .shell.ir import SimpleCommand
    from .shell.sqlclients import SqlInput

_SHELL_SHEBANG = lazy(r"^#!\s*(?:/usr/bin/env\s+(?:-\S+\s+)*)?(?:/\S*/)?(?:ba|z|k|da|mk)?sh\b")
# Make variables: `$(X)`/`${X}` up to the first closer, and the automatic ones (`$@`, `$<` …).
_MAKE_DOLLAR = lazy(r"\$[({@<^*?%+|]")
_MAKE_CLOSER = lazy(r"[)}]")
_NPM_SHORTHANDS = frozenset({"test", "start", "stop", "restart", "t", "tst"})


def _make_vars_dynamic(text: str, environment: frozenset[str] | None = None) -> str:
    r"""Every make variable as a value only known at run time -- except, with *environment*, a plain `$(NAME)` that is
    not in it: make imports the environment as variables, so a name the makefile never sets (`$(HOME)`) is the
    environment variable, `${NAME}` to the shell analysis.  *environment* holds the names the makefile does set.

    What ``re.sub(r"\$[({][^)}]*[)}]|\$[@<^*?%+|]", …)`` did, in linear time: that pattern rescanned
    the rest of the line from every `${` when no closer followed (a recipe full of `${`: quadratic).
    """
    out: list[str] = []
    pos = 0
    closers = True  # once no `)`/`}` follows a `$(`, none follows any later one
    dollar = _MAKE_DOLLAR.compiled
    while (m := dollar.search(text, pos)) is not None:
        s = m.start()
        if text[s + 1] in "({":
            c = _MAKE_CLOSER.compiled.search(text, s + 2) if closers else None
            if c is None:
                closers = False
                out.append(text[pos : s + 1])
                pos = s + 1
                continue
            end = c.end()
        else:
            end = s + 2
        out.append(text[pos:s])
        name = text[s + 2 : end - 1] if text[s + 1] in "({" else ""
        if name == "MAKE":
            out.append("make")  # the make program itself (a recursive make): its targets are read as `make` is
        elif environment is not None and name.isidentifier() and name.isascii() and name not in environment and name not in _MAKE_OWN:
            out.append("${" + name + "}")
        else:
            out.append("${__clearance_dynamic}")
        pos = end
    out.append(text[pos:])
    return "".join(out)


make_vars_dynamic = _make_vars_dynamic
# Variables make defines itself (GNU make's manual, "Variables Used by Implicit Rules" and "Special Variables").
_MAKE_OWN = frozenset(
    {"CURDIR", "MAKE", "MAKEFLAGS", "MAKEFILE_LIST", "MAKECMDGOALS", "MAKELEVEL", "MAKEFILES", "VPATH", "SHELL", "SUFFIXES"}
    | {"AR", "AS", "CC", "CXX", "CPP", "FC", "M2C", "PC", "CO", "GET", "LEX", "YACC", "LINT", "MAKEINFO", "TEX", "RM", "LD"}
    | {"ARFLAGS", "ASFLAGS", "CFLAGS", "CXXFLAGS", "CPPFLAGS", "FFLAGS", "LDFLAGS", "LDLIBS", "LFLAGS", "YFLAGS"}
)
_MAKE_ASSIGNED = lazy(r"(?m)^[ \t]*(?:(?:export|override|define|private)[ \t]+)*([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(?::{1,3}=|[?+!]?=|$)")


def make_assigned(text: str, extra: list[str] | None = None) -> frozenset[str]:
    """Names a makefile sets (NAME = …, :=, ?=, +=, !=, define NAME, export NAME=…) or the command line does (NAME=x)."""
    names = {m.group(1) for m in _MAKE_ASSIGNED.compiled.finditer(text) if m.group(0).rstrip().endswith("=") or m.group(0).lstrip().startswith("define")}
    return frozenset(names | {v.split("=", 1)[0] for v in extra or [] if "=" in v})


def _read(sc: Scope, path: str) -> str | None:
    reader = sc.ctx.read_file
    if reader is None or DYN in path or not (is_within(path, sc.ctx.project_root) or sc.in_temp(path)):
        return None
    if is_within(path, sc.ctx.project_root) and is_generated(path, sc.ctx.project_root):
        return None  # node_modules/.bin/jest, .venv/bin/pytest: installed tools, not scripts anyone wrote here
    return reader(path)


def _read_named(sc: Scope, path: str) -> str | None:
    """A file the command line names: read inside the project or a temp directory, generated or not."""
    reader = sc.ctx.read_file
    if reader is None or DYN in path or not (is_within(path, sc.ctx.project_root) or sc.in_temp(path)):
        return None
    return reader(path)


def script_runs(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """(label, shell code) for each project script *cmd* would run."""
    raw = cmd.argv[0].raw if cmd.argv else ""
    if sc.ctx.read_file is None or cmd.remote is not None or cmd.cwd is None or not may_run_a_script(cmd.name, raw, cmd.values()):
        return []  # (the engine asks may_run_a_script before it imports this module)
    name = cmd.name
    vals = cmd.values()
    if name in SHELLS or name in ("source", "."):
        return _shell_script(cmd, sc, vals)
    if name in SQL_DIALECTS:
        return _sql_client_commands(cmd, sc)
    if "/" in raw and DYN not in raw:
        return _executable(cmd, sc, raw)
    if name == "git":
        return _git_alias(cmd, sc)
    if name in VIMS or name in EMACSES:
        return _editor_scripts(cmd, sc)
    if name in ("ssh", "autossh"):
        return ssh_script(cmd, sc)
    if name in ("make", "gmake"):
        return _make(cmd, sc, vals)
    if name in _NODE_RUNNERS:
        found = _package_script(cmd, sc, vals)
        if found or name != "bun":
            return found  # bun x.js runs a file, like node

    lang = INTERPRETERS.get(name)
    if lang is not None:
        return _interpreter_file(cmd, sc, vals, lang)
    if name in FILE_RUNNERS:
        return _file_runner(cmd, sc)
    return []


def ssh_script(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """`ssh HOST < deploy.sh`, `ssh HOST 'bash -s' < ci.sh` (unwrap.ssh_stdin_script): the lines of a file of this
    machine that the remote shell runs, read where a script run here would be (the project, temp). They are judged
    as commands typed here are: what deletes, writes or sends is judged as it would be on this machine, never less."""
    from .shell.unwrap import ssh_stdin_script

    got = ssh_stdin_script(cmd)
    if got is None or cmd.remote is not None or cmd.cwd is None:
        return []
    host, source = got
    text = _read(sc, sc.path(source, cmd))
    return [(f"ssh {host} < {source}", text)] if text is not None else []


def _git_alias(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """`git NAME ARGS` where NAME is no git command and the repository's configuration has `alias.NAME`: git runs the
    alias's words with ARGS after them (`p = push` makes `git p --force` a force push), or with `!` the shell command
    followed by ARGS. Aliases set for the one call (`-c alias.NAME=…`) are read by the shell analysis (shell/unwrap.py)."""
    from .shell.programs import GIT_BUILTINS

    vals = [w.value for w in cmd.argv]
    i, dirs = 1, []
    while i < len(vals) and vals[i].startswith("-"):
        if vals[i] == "-C" and i + 1 < len(vals):
            dirs.append(vals[i + 1])
        i += 2 if vals[i] in GIT_VALUE_OPTIONS else 1
    if i >= len(vals) or vals[i] in GIT_BUILTINS:
        return []  # git runs its own command of that name: an alias never hides one (git-config(1), alias.*)
    alias = vals[i]
    if DYN in alias or not alias.replace("-", "").replace("_", "").isalnum() or any(DYN in d for d in dirs) or "GIT_DIR" in cmd.assigns:
        return []
    if any(o.startswith("alias.") for o in cmd.values() if "=" in o) or any(k.startswith("GIT_CONFIG") for k in cmd.assigns):
        return []  # an alias given for this call (the shell analysis reads those)
    where = cmd.cwd or sc.ctx.cwd
    for d in dirs:
        where = pathstr.normpath(pathstr.join(where, d))
    root = sc.ctx.project_root
    value = None
    while value is None and is_within(where, root):
        text = _read_named(sc, f"{where}/.git/config")
        if text is not None:
            value = _git_config_value(text, "alias", alias.lower()) if text != TOO_LARGE else None
            break
        where = pathstr.dirname(where)
    shown = f"{where[len(root) + 1 :]}/.git/config" if where.startswith(root + "/") else ".git/config"
    if value is None and sc.ctx.read_file is not None:
        # No alias in the repository's own configuration: the user's global one (~/.gitconfig, read after
        # ~/.config/git/config, so it wins), read by name (context.USER_RUN_FILES); include.path is not followed.
        for name in (".gitconfig", ".config/git/config"):
            text = sc.ctx.read_file(f"{sc.ctx.home}/{name}")
            value = _git_config_value(text, "alias", alias.lower()) if text and text != TOO_LARGE else None
            if value is not None:
                shown = "~/" + name
                break
    if not value:
        return []
    from .shell.interp import shell_quote

    rest = " ".join(shell_quote(v) for v in vals[i + 1 :])
    label = f"git {alias}, an alias in {shown},"
    if value.startswith("!"):
        return [(label, f"{value[1:]} {rest}".strip())]  # git runs `sh -c 'VALUE "$@"' VALUE ARGS`
    before = " ".join(shell_quote(v) for v in vals[1:i])
    return [(label, " ".join(x for x in ("git", before, value, rest) if x))]


def _git_config_value(text: str, section: str, key: str) -> str | None:
    """The last value of SECTION.KEY in a git configuration file, read as git reads one: sections and keys are
    case-insensitive, `"…"` quotes keep spaces and `#`/`;`, a backslash escapes, an unquoted `#` or `;` starts a comment."""
    found = None
    current = ""
    for raw in text[:200_000].splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            end = line.find("]")
            head = line[1:end] if end != -1 else line[1:]
            current = head.strip().lower()
            line = line[end + 1 :].strip() if end != -1 else ""
            if not line:
                continue
        if current != section:
            continue
        name, eq, value = line.partition("=")
        if name.strip().lower() != key or not eq:
            continue
        out: list[str] = []
        quoted = False
        j = 0
        value = value.strip()
        while j < len(value):
            ch = value[j]
            if ch == "\\" and j + 1 < len(value):
                nxt = value[j + 1]
                out.append({"n": "\n", "t": "\t", "b": "\b"}.get(nxt, nxt))
                j += 2
                continue
            if ch == '"':
                quoted = not quoted
            elif ch in "#;" and not quoted:
                break
            else:
                out.append(ch)
            j += 1
        found = "".join(out).strip()
    return found


_SCRIPT_SUFFIXES = {
    "python": (".py",),
    "js": (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx"),
    "ruby": (".rb",),
    "perl": (".pl", ".pm"),
    "php": (".php",),
}
_SHEBANG_LANG = lazy(r"^#!\s*(?:/usr/bin/env\s+(?:-\S+\s+)*)?(?:/\S*/)?(python[\d.]*|node|ruby|perl|php)\b")


def _as_one_liner(name: str, lang: str, code: str) -> str:
    """A command line that runs *code* the way the interpreter one-liner analysis reads it."""
    from .shell.interp import shell_quote  # only for a command that runs a script file (shell/programs.py)

    option = "eval" if name == "deno" else CODE_OPTIONS[lang][0]
    return f"{name} {option} {shell_quote(code)}"


def _interpreter_file(cmd: SimpleCommand, sc: Scope, vals: list[str], lang: str) -> list[tuple[str, str]]:
    suffixes = _SCRIPT_SUFFIXES.get(lang)
    if not suffixes:
        return []
    if lang == "python":
        from .shell.interp import python_invocation  # only for an interpreter command (shell/programs.py)

        # python3 -W ignore tool.py, python -X dev tool.py: options read with CPython's own table.
        kind, script, _ = python_invocation([cmd.name, *vals])
        vals = [script] if kind == "file" and script is not None else []
    if lang in ("js", "ruby", "perl", "php"):
        # The script operand as the interpreter finds it (option values skipped: node -r dotenv/config x.js).
        from .code.interpopts import read

        reading = read([cmd.name, *vals], lang)
        v = reading.file
        if reading.code is not None or v is None:
            return []
        path = sc.path(v, cmd)
        text = _read(sc, path)
        if text is None:
            return []
        if not v.endswith(suffixes) and lang == "php" and (v.endswith(".phar") or text == TOO_LARGE or "<?php" not in text[:8192]):
            return []  # a PHP archive (composer.phar) or a file that opens no PHP tag: not a PHP script clearance reads
        if not v.endswith(suffixes) and not _source_text(v, text):
            return []
        # ruby -Ilib app.rb: `require 'x'` finds lib/x.rb
        dirs = [sc.path(o[2:], cmd) for o in reading.loads if o.startswith("-I") and len(o) > 2 and DYN not in o] if lang == "ruby" else []
        return [(f"{cmd.name} {v}", _as_one_liner(cmd.name, lang, text)), *_loaded(cmd, sc, v, lang, path, text, dirs)]
    for v in vals:
        if v in CODE_OPTIONS[lang] or v in ("-m", "-"):
            return []  # one-liners and modules are analysed elsewhere
        if v.startswith("-"):
            continue
        path = sc.path(v, cmd)
        text = _read(sc, path)
        if text is None or (not v.endswith(suffixes) and not _source_text(v, text)):
            return []
        # Modules the script imports from its own directory run with it (python3 main.py → helper.py).
        return [(f"{cmd.name} {v}", _as_one_liner(cmd.name, lang, text)), *_loaded(cmd, sc, v, lang, path, text)]
    return []


# An interpreter runs the file it is given as its language whatever the file's name (`perl /tmp/x.cow`, `node bin/www`,
# `python3 manage`): a file without the language's suffix is read too (adversarial: a script written on the line under
# another suffix ran unread), unless it is an archive or binary the interpreter runs otherwise (a zipapp, a PHP archive)
# or larger than clearance reads (a bundle: not asked about for its size, as a named script is).
_ARCHIVE_SUFFIXES = (".pyz", ".pyzw", ".zip", ".egg", ".whl", ".phar", ".jar", ".node", ".so", ".wasm", ".gz", ".tgz")


def _source_text(name: str, text: str) -> bool:
    return text != TOO_LARGE and not name.endswith(_ARCHIVE_SUFFIXES) and "\x00" not in text[:8192] and not text.startswith("PK\x03\x04")


# Programs that run a file named by one of their options as another language's script: cowsay's and cowthink's cow file
# (`-f FILE`; a name without a slash is looked up in COWPATH, the system's cows) is Perl it evaluates (GTFOBins: cowsay).
FILE_RUNNERS: dict[str, tuple[tuple[str, ...], str]] = {"cowsay": (("-f",), "perl"), "cowthink": (("-f",), "perl")}


def file_runner_targets(cmd: SimpleCommand) -> list[str]:
    """The files *cmd* (a FILE_RUNNERS program) runs as its language: each value of its options, as a path."""
    options, _ = FILE_RUNNERS[cmd.name]
    vals = cmd.values()
    out = []
    for i, v in enumerate(vals):
        if v in options and i + 1 < len(vals):
            out.append(vals[i + 1])
        elif any(v.startswith(o) and len(v) > len(o) for o in options if len(o) == 2):
            out.append(v[2:])  # -fFILE (getopt's glued value)
    return [t for t in out if "/" in t and DYN not in t]


def _file_runner(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    _, lang = FILE_RUNNERS[cmd.name]
    interpreter = next(n for n, language in INTERPRETERS.items() if language == lang)
    out = []
    for t in file_runner_targets(cmd)[:4]:
        text = _read_named(sc, sc.path(t, cmd))
        if text is not None and _source_text(t, text):
            out.append((f"{cmd.name} -f {t} (run as {lang})", _as_one_liner(interpreter, lang, text)))
    return out


def _loaded(cmd: SimpleCommand, sc: Scope, v: str, lang: str, path: str, text: str, load_dirs: list[str] | None = None) -> list[tuple[str, str]]:
    """The project files the script at *path* loads (its local imports, followed: code/localmods.py), each as a one-liner."""
    if text == TOO_LARGE:
        return []
    from .code.localmods import loaded

    root = sc.ctx.project_root
    cwd = cmd.cwd or sc.ctx.cwd
    out = []
    got = loaded(lang, path, text, cwd, lambda c: _read(sc, c), sc.ctx.list_dir, load_dirs)
    for p, t in got:
        shown = p[len(root) + 1 :] if p.startswith(root + "/") else p
        out.append((f"{cmd.name} {v}, which loads {shown}", _as_one_liner(cmd.name, lang, t)))
    if got.unread is not None:
        from .model import UNREAD

        shown = got.unread[len(root) + 1 :] if got.unread.startswith(root + "/") else got.unread
        out.append((f"{cmd.name} {v} loads {shown} past the {len(got)} modules clearance reads", UNREAD))
    return out


# vim -u NONE|NORC|DEFAULTS: no start-up file at all, or vim's own defaults.vim.
_VIM_NO_RC = frozenset({"NONE", "NORC", "DEFAULTS"})
_VIM_SCRIPT_LINES = 2000


def _editor_files(vim: bool, vals: list[str]) -> list[tuple[str, str]]:
    """(option, file) of each script file the editor sources at start: vim's `-S F` (alone: Session.vim) and `-u F`,
    Emacs's `-l F`/`--load F` and `--script F`.  An Emacs library named without a folder or a suffix (`-l ert`) is one
    of Emacs's own, found on its load-path."""
    out: list[tuple[str, str]] = []
    for i, v in enumerate(vals):
        opt, eq, val = v.partition("=")
        nxt = val if eq else (vals[i + 1] if i + 1 < len(vals) else "")
        if vim and v in ("-S", "-u"):
            if v == "-S" and (not nxt or nxt.startswith("-")):
                nxt = "Session.vim"
            if nxt and nxt not in _VIM_NO_RC:
                out.append((v, nxt))
        elif not vim and opt in ("-l", "-load", "--load", "-script", "--script") and nxt:
            if "/" in nxt or nxt.endswith((".el", ".elc")) or opt.endswith("script"):
                out.append((opt, nxt))
    return out[:16]


def _vim_lines(text: str) -> list[str] | None:
    """The Ex commands of a vim script, one per command (continuation lines joined, comments and blanks left out);
    None past what clearance reads."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("\\") and lines:
            lines[-1] += " " + line[1:].lstrip()
        elif line and not line.startswith('"'):
            lines.append(line)
        if len(lines) > _VIM_SCRIPT_LINES:
            return None
    return lines


def editor_sources(cmd: SimpleCommand) -> list[tuple[str, str]]:
    """(option, file) of each script file the editor *cmd* sources at start (`vim -S F`, `emacs -l F`); none for others."""
    if cmd.name not in VIMS and cmd.name not in EMACSES:
        return []
    return _editor_files(cmd.name in VIMS, cmd.values())


def editor_code(name: str, path: str, text: str) -> str:
    """The command line that runs what the editor *name*'s script file *path* holds, as its typed commands are judged:
    `vim -c LINE …`, `emacs --batch --eval CODE`; TOO_LARGE past what clearance reads; "" for Lua (`nvim -u init.lua`),
    which clearance does not read, as it does not read `lua x.lua`."""
    from .shell.interp import shell_quote  # only for an editor given a script file

    if text == TOO_LARGE:
        return text
    if name not in VIMS:
        return f"{name} --batch --eval {shell_quote(text)}"
    if path.endswith(".lua"):
        return ""
    lines = _vim_lines(text)
    if lines is None:
        return TOO_LARGE
    return "vim " + " ".join("-c " + shell_quote(line) for line in lines) if lines else ""


def _editor_scripts(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """An editor's script files (`vim -S F`, `vim -u F`, `emacs -l F`): their Ex commands or Emacs Lisp run as the ones
    typed with `-c`/`--eval` do, so they are judged as those are (`vim -c CMD …`, `emacs --batch --eval CODE`).  A file
    clearance cannot read (outside the project and temp, or named at run time) is code it does not follow: asked about;
    one in the project or temp that is not there runs nothing (written on the same line: engine._check_written_scripts)."""
    from .model import UNREAD

    out: list[tuple[str, str]] = []
    for opt, f in editor_sources(cmd):
        label = f"{cmd.name} {opt} {f}"
        path = sc.path(f, cmd) if DYN not in f else ""
        if not path or not (is_within(path, sc.ctx.project_root) or sc.in_temp(path)):
            out.append((label, UNREAD))
            continue
        text = _read_named(sc, path)
        code = editor_code(cmd.name, path, text) if text is not None else ""
        if code:
            out.append((label, code))
    return out


def _shell_script(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    operands: list[str] = []
    for v in vals:
        if v.startswith("-") and not operands:
            if "c" in v[1:] and not v.startswith("--"):
                return []  # bash -c: the unwrapper already reads the code
            continue
        operands.append(v)
    if not operands or operands[0] == "-":
        # sh < clean.sh: the script comes in on stdin from a file.
        source = next((r.target.value for r in cmd.redirects if r.reads and r.target is not None and not r.fd), None)
        if source is None and cmd.name not in ("source", "."):
            from .shell.unwrap import cat_files

            # cat a.sh b.sh | sh: the files, one after the other, are the script.
            texts = [(w.value, _read(sc, sc.path(w.value, cmd))) for w in cat_files(cmd.stdin_from)]
            return [(f"cat {v} | {cmd.name}", t) for v, t in texts if t is not None]
        if source is None or cmd.name in ("source", "."):
            return []
        text = _read(sc, sc.path(source, cmd))
        return [(f"{cmd.name} < {source}", text)] if text is not None else []
    path = sc.path(operands[0], cmd)
    text = _read(sc, path)
    return [(f"{cmd.name} {operands[0]}", text)] if text is not None else []


def _executable(cmd: SimpleCommand, sc: Scope, raw: str) -> list[tuple[str, str]]:
    path = sc.path(raw.strip("'\""), cmd)
    text = _read(sc, path)
    if text is None:
        return []
    if text == TOO_LARGE:
        return [(raw, text)]
    if _SHELL_SHEBANG.match(text) or (not text.startswith("#!") and path.endswith((".sh", ".bash"))):
        return [(raw, text)]
    m = _SHEBANG_LANG.match(text)
    if m:
        name = m.group(1)
        lang = INTERPRETERS.get(name) or ("python" if name.startswith("python") else None)
        if lang is not None:
            return [(raw, _as_one_liner(name, lang, text))]
    return []


_MAX_TARGETS = 50


def makefile_targets(text: str, targets: list[str], environment: frozenset[str] | None = None) -> list[str]:
    """The recipe lines of *targets* (the first target when none is named) and of their prerequisites."""
    lines = text.splitlines()
    rules: dict[str, list[str]] = {}
    prereqs: dict[str, list[str]] = {}
    order: list[str] = []
    current: list[list[str]] = []
    for line in lines:
        if line.startswith("\t"):
            for body in current:
                body.append(line[1:])
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        head, sep, rest = line.partition(":")
        if not sep or rest.startswith("=") or "=" in head:
            current = []
            continue
        current = []
        for t in head.split():
            if t.startswith(".") and t not in (".",):
                continue
            body = rules.setdefault(t, [])
            current.append(body)
            if t not in order:
                order.append(t)
        inline = rest.partition(";")
        deps = [d for d in inline[0].replace("|", " ").split() if "$" not in d and "%" not in d]
        for t in head.split():
            prereqs.setdefault(t, []).extend(deps)
        if inline[1]:
            for body in current:
                body.append(inline[2])
    wanted: list[str] = []
    pending = list(targets or order[:1])
    while pending and len(wanted) < _MAX_TARGETS:
        t = pending.pop(0)
        if t in wanted:
            continue
        wanted.append(t)
        pending.extend(d for d in prereqs.get(t, []) if d in rules)
    if any(t not in wanted for t in pending):
        return [TOO_LARGE]  # more prerequisites than clearance reads: what the rest runs is unknown, never harmless
    out: list[str] = []
    for t in wanted:
        for line in rules.get(t, []):
            text = line.strip().lstrip("@-+").strip()
            if text:
                out.append(_make_vars_dynamic(text.replace("$$", "\x01"), environment).replace("\x01", "$"))
    return out


def makefile_path(cmd: SimpleCommand, sc: Scope) -> tuple[str, str] | None:
    """(path, text) of the makefile *cmd* (make, gmake) reads, or None (read from stdin, not found)."""
    return _makefile(cmd, sc, cmd.values())[0]


def _makefile(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> tuple[tuple[str, str] | None, list[str]]:
    directory = cmd.cwd or sc.ctx.cwd
    makefile = None
    targets: list[str] = []
    i = 0
    while i < len(vals):
        v = vals[i]
        if v in ("-f", "--file", "--makefile") and i + 1 < len(vals):
            makefile = vals[i + 1]
            i += 2
            continue
        if v in ("-C", "--directory") and i + 1 < len(vals):
            directory = sc.path(vals[i + 1], cmd)
            i += 2
            continue
        if v in ("-j", "--jobs", "-l", "-o", "-W", "-I") and i + 1 < len(vals) and not vals[i + 1].startswith("-"):
            i += 2
            continue
        if not v.startswith("-") and "=" not in v:
            targets.append(v)
        i += 1
    if makefile in ("-", "/dev/stdin"):
        return None, targets
    candidates = [makefile] if makefile else ["GNUmakefile", "makefile", "Makefile"]
    for c in candidates:
        path = pathstr.normpath(pathstr.join(directory, c)) if c and not c.startswith("/") else c
        if not path:
            continue
        # A makefile named with -f is read even in a build directory: make runs it whoever generated it.
        text = _read(sc, path) if not makefile else _read_named(sc, path)
        if text is not None:
            return (path, text), targets
    return None, targets


_MAX_INCLUDED = 8  # makefiles read through `include` lines, per make command


def _with_includes(text: str, directory: str, sc: Scope, seen: set[str]) -> str:
    """*text* with each `include F`, `-include F`, `sinclude F` line followed by F's text: make reads the included
    file where the line stands, so its targets and recipes are the makefile's own. Names are literal (no variables or
    patterns), relative to the folder make runs in, each read once, at most _MAX_INCLUDED in all; a file not found or
    too large leaves the line as it is (what it would define stays unread)."""
    if "include" not in text:
        return text
    from .code.convention import make_includes

    out: list[str] = []
    for line in text.splitlines():
        out.append(line)
        for inc in make_includes(line):
            p = pathstr.normpath(pathstr.join(directory, inc))
            if p in seen or len(seen) > _MAX_INCLUDED:
                continue
            seen.add(p)
            body = _read_named(sc, p)
            if body and body != TOO_LARGE:
                out.append(_with_includes(body, directory, sc, seen))
    return "\n".join(out) + "\n"


def _make(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    found, targets = _makefile(cmd, sc, vals)
    if found is None:
        return []
    text = found[1] if found[1] == TOO_LARGE else _with_includes(found[1], pathstr.dirname(found[0]), sc, {found[0]})
    found = (found[0], text)
    recipes = makefile_targets(found[1], targets, make_assigned(found[1], [v for v in vals if "=" in v and not v.startswith("-")]))
    label = f"make {' '.join(targets)}".strip()
    return [(label, "\n".join(recipes))] if recipes else []


def _package_script(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    ops = [v for v in vals if not v.startswith("-")]
    lifecycle = False
    if not ops:
        if cmd.name != "yarn":
            return []
        lifecycle = True  # bare `yarn` installs
    elif ops[0] in ("install", "i", "ci", "add") and len(ops) == 1:
        lifecycle = True  # installing the project runs its own lifecycle scripts
    if lifecycle:
        return _lifecycle(cmd, sc)
    if ops[0] in ("run", "run-script", "rum", "urn"):
        if len(ops) < 2:
            return []
        script = ops[1]
    elif ops[0] in _NPM_SHORTHANDS:
        script = {"t": "test", "tst": "test"}.get(ops[0], ops[0])
    elif cmd.name in ("yarn", "pnpm", "bun") and ops[0] not in (
        "install",
        "add",
        "remove",
        "exec",
        "dlx",
        "x",
        "create",
        "init",
        "why",
        "info",
        "upgrade",
        "up",
    ):
        script = ops[0]
    else:
        return []
    return _scripts_named(cmd, sc, ("pre" + script, script, "post" + script), f"{cmd.name} run ")


def _lifecycle(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    keys = ("preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare")
    out = _scripts_named(cmd, sc, keys, f"{cmd.name} install runs the project's ")
    # Workspace members are installed with the root, and their lifecycle scripts run too.
    for member in _workspace_members(cmd.cwd or sc.ctx.cwd, sc)[:16]:
        out += _scripts_named(cmd, sc, keys, f"{cmd.name} install runs the workspace member {member.rsplit('/', 1)[-1]}'s ", member)
    return out


def _workspace_members(directory: str, sc: Scope) -> list[str]:
    """Directories of the workspace members package.json `workspaces` (or pnpm-workspace.yaml `packages`) names:
    literal paths, and `dir/*` globs listed through ``Context.list_dir``."""
    patterns: list[object] = []
    text = _read(sc, pathstr.join(directory, "package.json"))
    if text and text != TOO_LARGE:
        try:
            ws = json.loads(text).get("workspaces")
        except (ValueError, AttributeError):
            ws = None
        patterns = ws if isinstance(ws, list) else (ws.get("packages", []) if isinstance(ws, dict) else [])
    pnpm = _read(sc, pathstr.join(directory, "pnpm-workspace.yaml"))
    if pnpm and pnpm != TOO_LARGE:
        patterns += [line.strip()[2:].strip().strip("'\"") for line in pnpm.splitlines() if line.strip().startswith("- ")]
    out: list[str] = []
    for pat in patterns[:16]:
        if not isinstance(pat, str) or DYN in pat or pat.startswith(("!", "/")) or ".." in pat:
            continue
        if pat.endswith(("/*", "/**")) and "*" not in pat.rsplit("/", 1)[0]:
            parent = pathstr.normpath(pathstr.join(directory, pat.rsplit("/", 1)[0]))
            names = sc.ctx.list_dir(parent) if sc.ctx.list_dir is not None else None
            out += [f"{parent}/{n}" for n in sorted(names or []) if not n.startswith(".") and "." not in n]
        elif "*" not in pat:
            out.append(pathstr.normpath(pathstr.join(directory, pat)))
    return out


def _scripts_named(cmd: SimpleCommand, sc: Scope, keys: tuple[str, ...], label: str, directory: str | None = None) -> list[tuple[str, str]]:
    directory = directory or cmd.cwd or sc.ctx.cwd
    text = _read(sc, pathstr.join(directory, "package.json"))
    if text is None:
        return []
    try:
        scripts = json.loads(text).get("scripts")
    except (ValueError, AttributeError):
        return []
    if not isinstance(scripts, dict):
        return []
    out = []
    for key in keys:
        body = scripts.get(key)
        if isinstance(body, str):
            out.append((label + key, body))
    return out


# --- SQL scripts of database clients ---------------------------------------------------------------

_SQL_MAX_FILES = 16
_SQL_MAX_DEPTH = 3
_SQL_MAX_CHARS = 64_000  # over all files of one call: each is read up to code.sql.MAX_TOKENS
_sql_last: list[object] = []


def sql_sources(cmd: SimpleCommand, sc: Scope) -> tuple[SqlInput, list[tuple[str, Script]], list[str]]:
    """What a database client call runs: (its input, (label, script) for each text and readable file, what cannot be read).

    Files come from `-f`, `< file`, `cat file |` and, inside the SQL, `\\i`, `source`, `.read`; they are read
    through ``Context.read_file`` (project and temp files only) and followed three levels deep.
    """
    if len(_sql_last) == 3 and _sql_last[0] is cmd and _sql_last[1] is sc:
        return _sql_last[2]  # type: ignore[return-value]
    from .code.sql import read
    from .shell.sqlclients import inputs

    inp = inputs(cmd)
    client = cmd.name
    found: list[tuple[str, Script]] = []
    unread = list(inp.unread)
    queue: list[tuple[str, str, int]] = []  # (path as written, directory of the file naming it, depth)
    for text in inp.texts:
        if text.strip():
            script = read(text, client)
            found.append((_short(text), script))
            queue += [(f, "", 1) for f in script.files]
    queue = [(f, "", 0) for f in inp.files] + queue
    seen: set[str] = set()
    budget = _SQL_MAX_CHARS
    while queue and len(seen) < _SQL_MAX_FILES:
        written, parent, depth = queue.pop(0)
        path = _sql_path(sc, cmd, written, parent)
        if path in seen:
            continue
        seen.add(path)
        content = _read(sc, path) if path else None
        if content is None or content == TOO_LARGE:
            unread.append(written + (" (larger than clearance reads)" if content == TOO_LARGE else ""))
            continue
        if len(content) > budget:
            unread.append(written + " (more SQL than clearance reads in one call)")
            continue
        budget -= len(content)
        script = read(content, client)
        if script.truncated:
            unread.append(written + " (read in part: longer than clearance reads)")
        found.append((written, script))
        if depth < _SQL_MAX_DEPTH:
            queue += [(f, pathstr.dirname(path), depth + 1) for f in script.files]
    result = (inp, found, unread)
    _sql_last[:] = [cmd, sc, result]
    return result


def _sql_path(sc: Scope, cmd: SimpleCommand, written: str, parent: str) -> str:
    if DYN in written:
        return ""
    path = sc.path(written, cmd)
    if parent and not written.startswith(("/", "~")) and sc.ctx.read_file is not None and _read(sc, path) is None:
        path = pathstr.normpath(pathstr.join(parent, written))  # \ir: relative to the including file
    return path


def _short(text: str) -> str:
    t = " ".join(text.split())
    return t if len(t) <= 40 else t[:37] + "..."


def _sql_client_commands(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """Shell commands inside the SQL files a client runs (`\\! cmd` in x.sql): judged like a script's."""
    _, found, _ = sql_sources(cmd, sc)
    inline = len([t for t in sql_sources(cmd, sc)[0].texts if t.strip()])
    out: list[tuple[str, str]] = []
    for label, script in found[inline:]:
        if script.commands:
            out.append((f"{cmd.name} running {label}", "\n".join(c.text for c in script.commands)))
    return out
