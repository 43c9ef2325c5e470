"""The project scripts less usual commands run (scripts.py's readers for git aliases, editors' start-up and -S scripts,
Makefiles, SQL clients' files): loaded when script_runs meets one of those commands (issue 16: an ordinary line's
npm or python script does not load them)."""

from __future__ import annotations

from . import pathstr
from .lazyre import lazy
from .model import TOO_LARGE
from .paths import DYN, freely_written, is_within
from .scripts import _read
from .shell.programs import AWKS, EMACSES, GIT_VALUE_OPTIONS, SEDS, VIMS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .code.sql import Script
    from .scope import Scope
    from .shell.ir import SimpleCommand
    from .shell.sqlclients import SqlInput


# Make variables: `$(X)`/`${X}` up to the first closer, and the automatic ones (`$@`, `$<` …).
_MAKE_DOLLAR = lazy(r"\$[({@<^*?%+|]")


_MAKE_CLOSER = lazy(r"[)}]")


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


_MAKE_ASSIGNED = lazy(r"(?m)^[ \t]*(?:(?:export|override|define|private)[ \t]++)*([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*+(?::{1,3}=|[?+!]?=|$)")


def make_assigned(text: str, extra: list[str] | None = None) -> frozenset[str]:
    """Names a makefile sets (NAME = …, :=, ?=, +=, !=, define NAME, export NAME=…) or the command line does (NAME=x)."""
    names = {m.group(1) for m in _MAKE_ASSIGNED.compiled.finditer(text) if m.group(0).rstrip().endswith("=") or m.group(0).lstrip().startswith("define")}
    return frozenset(names | {v.split("=", 1)[0] for v in extra or [] if "=" in v})


def _read_named(sc: Scope, path: str) -> str | None:
    """A file the command line names: read inside the project or a temp directory, generated or not."""
    reader = sc.ctx.read_file
    if path.startswith("/dev/fd/"):
        from .scripts import _fd_text

        return _fd_text(reader, path)
    if reader is None or DYN in path or not (is_within(path, sc.ctx.project_root) or freely_written(path, sc.ctx)):
        return None
    return reader(path)


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


# vim -u NONE|NORC|DEFAULTS: no start-up file at all, or vim's own defaults.vim.
_VIM_NO_RC = frozenset({"NONE", "NORC", "DEFAULTS"})


_VIM_SCRIPT_LINES = 2000
# An Ex command that runs a script file: `:so[urce][!] F`, `:luaf[ile] F` (group 1 the command, 2 the file).
_VIM_SOURCES = lazy(r"^[\s:]*+(so(?:u(?:r(?:c(?:e)?)?)?)?|luaf(?:i(?:l(?:e)?)?)?)!?\s++([^\s|]++)\s*+$")


def _editor_files(vim: bool, vals: list[str], nvim: bool = False) -> list[tuple[str, str]]:
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
        elif nvim and v == "-l" and nxt:
            out.append((v, nxt))  # nvim -l F: the Lua file runs, the words after it are its arguments
            break
        elif vim and (v in ("-c", "--cmd") or v.startswith("+")):
            # `-c 'luafile F'`, `+'so F'`: an Ex command that runs a script file (adversarial round 13c).
            m = _VIM_SOURCES.match(v[1:] if v.startswith("+") else nxt)
            if m is not None:
                out.append(("luafile" if m.group(1).startswith("luaf") else "-S", m.group(2)))
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
    return _editor_files(cmd.name in VIMS, cmd.values(), cmd.name == "nvim")


def editor_code(name: str, path: str, text: str, lua: bool = False) -> str:
    """The command line that runs what the editor *name*'s script file *path* holds, as its typed commands are judged:
    `vim -c LINE …`, `emacs --batch --eval CODE`, `lua -e CODE` for Lua (`nvim -u init.lua`, *lua*: `nvim -l F`,
    `:luafile F`); TOO_LARGE past what clearance reads."""
    from .shell.interp import shell_quote  # only for an editor given a script file

    if text == TOO_LARGE:
        return text
    if name not in VIMS:
        return f"{name} --batch --eval {shell_quote(text)}"
    if path.endswith(".lua") or lua:
        # nvim -l F, -u init.lua, :luafile F: the Lua code judged as `lua -e CODE` is (adversarial round 13c).
        return "lua -e " + shell_quote(text)
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
        if not path or not (is_within(path, sc.ctx.project_root) or freely_written(path, sc.ctx)):
            out.append((label, UNREAD))
            continue
        text = _read_named(sc, path)
        code = editor_code(cmd.name, path, text, opt in ("-l", "luafile")) if text is not None else ""
        if code:
            out.append((label, code))
    return out


_MAX_TARGETS = 50


def makefile_targets(text: str, targets: list[str], environment: frozenset[str] | None = None, overrides: dict[str, str] | None = None) -> list[str]:
    """The recipe lines of *targets* (the first target when none is named) and of their prerequisites, read as make
    reads the makefile (shell.embedded.make_text; *overrides*: the command line's NAME=VALUE)."""
    from .shell.embedded import make_text

    lines = (text if text == TOO_LARGE else make_text(text, overrides)).split("\n")
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
    # A target without a rule of its own is made by a pattern rule that matches it (`%:`, `%.o: %.c`).
    patterns = [t for t in order if t.count("%") == 1]
    for t in targets:
        if t not in rules:
            pre, _, post = next(((p.partition("%")) for p in patterns if t.startswith(p.partition("%")[0]) and t.endswith(p.partition("%")[2])), ("", "", ""))
            if _:
                rules[t] = rules[pre + "%" + post]
                prereqs[t] = [d.replace("%", t[len(pre) : len(t) - len(post)]) for d in prereqs.get(pre + "%" + post, [])]
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
        if v.startswith(("--file=", "--makefile=")) or (v.startswith("-f") and len(v) > 2 and not v.startswith("--")):
            # `--file=x.mk`, `-fx.mk`: the same option (adversarial round 15b: the default makefile was read instead)
            makefile = v.partition("=")[2] if v.startswith("--") else v[2:]
            i += 1
            continue
        if v in ("-C", "--directory") and i + 1 < len(vals):
            directory = sc.path(vals[i + 1], cmd)
            i += 2
            continue
        if v.startswith("--directory=") or (v.startswith("-C") and len(v) > 2):
            directory = sc.path(v.partition("=")[2] if v.startswith("--") else v[2:], cmd)  # round 15b: the = and glued forms
            i += 1
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


def _include_dirs(vals: list[str]) -> tuple[str, ...]:
    """The folders `-I DIR` (`-IDIR`, `--include-dir=DIR`) adds to where make looks for an included makefile."""
    out: list[str] = []
    for i, v in enumerate(vals):
        if v in ("-I", "--include-dir") and i + 1 < len(vals):
            out.append(vals[i + 1])
        elif v.startswith("--include-dir="):
            out.append(v.partition("=")[2])
        elif v.startswith("-I") and len(v) > 2:
            out.append(v[2:])
    return tuple(out)


def _with_includes(text: str, directory: str, sc: Scope, seen: set[str], search: tuple[str, ...] = ()) -> str:
    """*text* with each `include F`, `-include F`, `sinclude F` line followed by F's text: make reads the included
    file where the line stands, so its targets and recipes are the makefile's own. Names are literal (no variables or
    patterns), relative to the folder make runs in, each read once, at most _MAX_INCLUDED in all; a file not found or
    too large leaves the line as it is (what it would define stays unread)."""
    if "include" not in text:
        return text
    from .code.convention_files import make_includes

    out: list[str] = []
    for line in text.splitlines():
        out.append(line)
        for inc in make_includes(line):
            # Where make finds it: the name itself, then each -I folder (adversarial round 15b).
            for where in (directory, *search)[: 1 if inc.startswith("/") else None]:
                p = pathstr.normpath(pathstr.join(directory, where, inc))
                if p in seen or len(seen) > _MAX_INCLUDED:
                    break
                body = _read_named(sc, p)
                if body is None:
                    continue
                seen.add(p)
                if body != TOO_LARGE:
                    out.append(_with_includes(body, directory, sc, seen, search))
                break
    return "\n".join(out) + "\n"


def _make(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    found, targets = _makefile(cmd, sc, vals)
    if found is None:
        return []
    search = _include_dirs(vals)
    text = found[1] if found[1] == TOO_LARGE else _with_includes(found[1], pathstr.dirname(found[0]), sc, {found[0]}, search)
    extra = cmd.assigns.get("MAKEFILES", "")
    if extra and text != TOO_LARGE:
        # MAKEFILES: makefiles make reads before the others (their rules count; never the default goal). Read as
        # `include` lines would be (adversarial round 15b).
        front = _with_includes("include " + extra + "\n", pathstr.dirname(found[0]), sc, {found[0]}, search)
        text = front.partition("\n")[2] + text
    found = (found[0], text)
    assigned = [v for v in vals if "=" in v and not v.startswith("-")]
    overrides = {a.partition("=")[0]: a.partition("=")[2] for a in assigned if a.partition("=")[0].isidentifier()}
    recipes = makefile_targets(found[1], targets, make_assigned(found[1], assigned), overrides)
    label = f"make {' '.join(targets)}".strip()
    return [(label, "\n".join(recipes))] if recipes else []


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
    from .redact import cut

    return cut(" ".join(text.split()), 40)


def _sql_client_commands(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """Shell commands inside the SQL files a client runs (`\\! cmd` in x.sql): judged like a script's."""
    _, found, _ = sql_sources(cmd, sc)
    inline = len([t for t in sql_sources(cmd, sc)[0].texts if t.strip()])
    out: list[tuple[str, str]] = []
    for label, script in found[inline:]:
        if script.commands:
            out.append((f"{cmd.name} running {label}", "\n".join(c.text for c in script.commands)))
    return out


# --- code a program reads from a file (shell/programs.CODE_FILES) --------------------------------


def code_file_runs(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """`tclsh x.tcl`, `awk -f x.awk`, `sed -f x.sed`, `ed f < x.ed`, `gdb -x cmds`, `m4 x.m4`: the command line that
    gives the file's text the way the typed form is read (on standard input, as the program operand, as -e/-ex), for
    the shell analysis to judge as it judges that text typed. A file clearance may not read (outside the project and the
    temp directories) or that is not there adds nothing."""
    from .shell.interp import shell_quote
    from .shell.programs import CODE_FILES

    names, form = CODE_FILES[cmd.name]
    argv = [w.value for w in cmd.argv]
    if any(DYN in w.value and not w.procsub for w in cmd.argv):
        return []
    fed = iter([w for w in cmd.argv[1:] if w.procsub])  # `tclsh <(echo CODE)`, `gdb -x <(…)`: each in its order
    valued = _CODE_FILE_VALUE_OPTIONS.get(cmd.name, frozenset())
    opts: list[str] = [argv[0]]
    operands: list[str] = []
    files: list[str] = []
    stopped = False
    i = 1
    while i < len(argv):
        a = argv[i]
        opt, eq, value = a.partition("=")
        if stopped:
            pass  # the script's own arguments
        elif a in names and a.startswith("-") and i + 1 < len(argv):
            files.append(argv[i + 1])
            i += 1
        elif eq and opt in names and opt.startswith("--"):
            files.append(value)
        elif form == "-e" and a.startswith("-") and not a.startswith("--") and len(a) > 2 and a.endswith("f") and i + 1 < len(argv):
            opts.append(a[:-1])  # sed -nf FILE: -n, and -f FILE
            files.append(argv[i + 1])
            i += 1
        elif a in valued and i + 1 < len(argv):
            opts += [a, argv[i + 1]]
            i += 1
        elif a.startswith("-") and a != "-":
            opts.append(a)
        elif "" in names or "*" in names:
            files.append(a)
            stopped = "*" not in names
        else:
            operands.append(a)
        i += 1
    if not files and "<" in names:
        files = [r.target.value for r in cmd.redirects if r.reads and r.target is not None and not r.fd and r.op == "<"][:1]
    out: list[tuple[str, str]] = []
    texts = []
    for f in files[:4]:
        if f == DYN or f in _STDIN_FILES or f == "-":
            # The program's file is a process substitution or its own input: the text this line gives it (a literal
            # generator, a here-document, a literal pipe), judged as the same code typed (awk and sed: read as typed by
            # unwrap_code._program_files).
            if cmd.name in AWKS or cmd.name in SEDS:
                continue
            from .shell.outputs import literal_stdin

            w = next(fed, None) if f == DYN else None
            if w is not None:
                text = literal_stdin(w.subs)
            elif f == DYN:
                text = None
            else:
                text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
            if text is not None:
                texts.append(("<(…)" if f == DYN else f, text))
            continue
        text = _read_named(sc, sc.path(f, cmd))
        if text is None or text == TOO_LARGE or "\x00" in text[:8192]:
            if text == TOO_LARGE:
                out.append((f"{cmd.name} {f}", TOO_LARGE))
            continue
        texts.append((f, text))
    if not texts:
        return out
    head = " ".join(shell_quote(v) for v in opts)
    rest = "".join(" " + shell_quote(v) for v in operands)
    shown = ", ".join(f for f, _ in texts)
    code = "\n".join(t for _, t in texts)
    if form == "stdin":
        line = f"{head}{rest} <<< {shell_quote(code)}"
    elif form == "program":
        line = f"{head} -- {shell_quote(code)}{rest}"
    elif form == "-e":
        line = f"{head} -e {shell_quote(code)}{rest}"
    else:
        lines = [x.strip() for x in code.splitlines() if x.strip() and not x.strip().startswith("#")][:500]
        line = " ".join([head, *(f"-ex {shell_quote(x)}" for x in lines)]) + rest
    return [*out, (f"{cmd.name} {shown} (the code in the file)", line)]


# The names under which a program opens its own standard input as a file.
_STDIN_FILES = frozenset({"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0", "/proc/thread-self/fd/0"})

# The options of CODE_FILES programs that take the next word as their value (awk(1), sed(1), gdb(1)).
_AWK_VALUED = frozenset({"-F", "-v", "--assign", "--field-separator", "-W"})
_CODE_FILE_VALUE_OPTIONS = {
    **dict.fromkeys(("awk", "gawk", "mawk", "nawk"), _AWK_VALUED),
    **dict.fromkeys(("sed", "gsed"), frozenset({"-l", "--line-length", "-e", "--expression"})),
    "gdb": frozenset(
        {"-p", "--pid", "-cd", "-d", "--directory", "-s", "--symbols", "-e", "--exec", "-se", "-c", "--core", "-ex", "--ex", "-iex", "--iex"}
        | {"-ix", "--ix", "-eval-command", "--eval-command"}
    ),
    **dict.fromkeys(("m4",), frozenset({"-D", "-U", "-I", "-d", "-o", "--debugfile", "-l", "-L", "-t", "-F", "-R"})),
}


# --- sources a toolchain builds and runs (`go run`, `cargo run`) ---------------------------------------------------

# go run's build flags that take the next word as their value (`go help build`).
_GO_VALUED = frozenset(
    {"-C", "-exec", "-tags", "-ldflags", "-gcflags", "-asmflags", "-gccgoflags", "-o", "-mod", "-modfile", "-overlay", "-p"}
    | {"-pkgdir", "-buildmode", "-compiler", "-installsuffix", "-toolexec", "-pgo", "-covermode", "-coverpkg", "-buildvcs"}
)
# cargo run's options that take the next word as their value (`cargo help run`).
_CARGO_VALUED = frozenset(
    {"--bin", "--example", "-p", "--package", "--manifest-path", "-F", "--features", "-j", "--jobs", "--target", "--target-dir"}
    | {"--profile", "--color", "--config", "-Z", "--message-format", "--lockfile-path"}
)
_MAX_SOURCES = 12


def compiled_sources(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """`go run x.go`, `go run .`, `cargo run [--bin NAME]`: the project's sources the toolchain builds and runs, each
    judged as its language's code given to an interpreter of it (`yaegi -e`, `rust-script -e`: shell/interp.py reads
    Go and Rust by patterns), as `python x.py` is judged by its file. A file written earlier in the line or the
    session is read as it is then (the engine's same-line text, the disk)."""
    from .scripts import _as_one_liner

    vals = cmd.values()
    if cmd.name == "go":
        found = _go_sources(cmd, sc, vals)
        interpreter, lang = "yaegi", "go"
    else:
        found = _cargo_sources(cmd, sc, vals)
        interpreter, lang = "rust-script", "rust"
    out = []
    root = sc.ctx.project_root
    for path in found[:_MAX_SOURCES]:
        text = _read_named(sc, path)
        if text is None or text == TOO_LARGE or "\x00" in text[:8192]:
            continue
        shown = path[len(root) + 1 :] if path.startswith(root + "/") else path
        out.append((f"{cmd.name} run, which builds {shown}", _as_one_liner(interpreter, lang, text)))
    return out


def _listed(sc: Scope, folder: str, suffix: str) -> list[str]:
    names = sc.ctx.list_dir(folder) if sc.ctx.list_dir is not None else None
    return [pathstr.join(folder, n) for n in sorted(names or []) if n.endswith(suffix)]


def _go_sources(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[str]:
    at = next((i for i, v in enumerate(vals[:3]) if v == "run"), None)
    if at is None:
        return []
    i, base = at + 1, cmd.cwd or sc.ctx.cwd
    while i < len(vals) and vals[i].startswith("-"):
        if vals[i] == "-C" and i + 1 < len(vals):
            base = sc.path(vals[i + 1], cmd)
        i += 2 if vals[i] in _GO_VALUED else 1
    files = []
    while i < len(vals) and vals[i].endswith(".go") and DYN not in vals[i]:
        files.append(pathstr.normpath(pathstr.join(base, vals[i])))  # go run a.go b.go ARGS: the files, then the program's
        i += 1
    if files or i >= len(vals):
        return files
    package = vals[i]
    if DYN in package or not (package == "." or package.startswith(("./", "../", "/"))) or "..." in package:
        return []  # a module path (example.com/tool@latest): fetched, not the project's
    folder = pathstr.normpath(pathstr.join(base, package))
    return [f for f in _listed(sc, folder, ".go") if not f.endswith("_test.go")]


def _cargo_sources(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[str]:
    i = 0
    while i < len(vals) and vals[i].startswith(("-", "+")):
        i += 2 if vals[i] in _CARGO_VALUED else 1
    if i >= len(vals) or vals[i] != "run":
        return []
    crate, main = cmd.cwd or sc.ctx.cwd, ""
    j = i + 1
    while j < len(vals) and vals[j] != "--":
        v, value = vals[j], vals[j + 1] if j + 1 < len(vals) else ""
        opt, eq, glued = v.partition("=")
        if eq:
            v, value = opt, glued
        if DYN in value:
            return []
        if v == "--manifest-path" and value:
            crate = pathstr.dirname(sc.path(value, cmd))
        elif v == "--bin" and value:
            main = f"src/bin/{value}.rs"
        elif v == "--example" and value:
            main = f"examples/{value}.rs"
        j += 1 if eq or v not in _CARGO_VALUED else 2
    src = pathstr.join(crate, "src")
    # The binary's root file, the build script cargo runs first, and the modules beside main.rs (`mod x;`).
    roots = [pathstr.join(crate, main or "src/main.rs"), pathstr.join(crate, "build.rs")]
    return list(dict.fromkeys([*roots, *_listed(sc, src, ".rs")]))
