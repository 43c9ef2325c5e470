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
from .model import TOO_LARGE, not_regular
from .paths import DYN, freely_written, is_generated, is_within
from .shell.programs import CLIENT_DIALECTS as SQL_DIALECTS
from .shell.programs import CODE_FILES, CODE_OPTIONS, CONFIG_CODE_FILES, EMACSES, INTERPRETERS, UNREAD_SOURCES, VIMS, may_run_a_script
from .shell.programs import NODE_RUNNERS as _NODE_RUNNERS
from .shell.unwrap import _STDIN_NAMES, SHELLS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .scope import Scope
    from .shell.ir import SimpleCommand

_SHELL_SHEBANG = lazy(r"^#!\s*(?:/usr/bin/env\s+(?:-\S+\s+)*)?(?:/\S*/)?(?:ba|z|k|da|mk)?sh\b")
_NPM_SHORTHANDS = frozenset({"test", "start", "stop", "restart", "t", "tst"})


def _read(sc: Scope, path: str) -> str | None:
    reader = sc.ctx.read_file
    if path.startswith("/dev/fd/"):
        return _fd_text(reader, path)
    if reader is None or DYN in path or not (is_within(path, sc.ctx.project_root) or freely_written(path, sc.ctx)):
        return None
    if is_within(path, sc.ctx.project_root) and is_generated(path, sc.ctx.project_root):
        return None  # node_modules/.bin/jest, .venv/bin/pytest: installed tools, not scripts anyone wrote here
    return reader(path)


def _fd_text(reader: object, path: str) -> str | None:
    """A process substitution's literal output named /dev/fd/N (shell.outputs.FdReader), never a descriptor of the hook's."""
    from .shell.outputs import FdReader

    return reader(path) if isinstance(reader, FdReader) else None


def script_runs(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """(label, shell code) for each project script *cmd* would run; a process substitution given as the file
    (`sqlite3 -init <(…)`, `tmux -f <(…)`) is read as bash hands it over, /dev/fd/N holding its literal output."""
    if sc.ctx.read_file is None or not any(w.procsub for w in cmd.argv):
        return _script_runs(cmd, sc)
    from .shell.outputs import FdReader, fd_named

    named, fds = fd_named(cmd)
    disk = sc.ctx.read_file
    sc.ctx.read_file = FdReader(disk, fds)
    try:
        return _script_runs(named, sc)
    finally:
        sc.ctx.read_file = disk


def _script_runs(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    raw = cmd.argv[0].raw if cmd.argv else ""
    if sc.ctx.read_file is None or cmd.remote is not None or cmd.cwd is None or not may_run_a_script(cmd.name, raw, cmd.values()):
        return []  # (the engine asks may_run_a_script before it imports this module)
    name = cmd.name
    vals = cmd.values()
    if "/" in raw and DYN not in raw and (name in SHELLS or name in INTERPRETERS or name in CODE_FILES or name in UNREAD_SOURCES):
        # `./sh`, `/tmp/bash`, `/tmp/x/python3`: a file of the project or the temporary folder named like a shell or an
        # interpreter is the script it holds, not that program (adversarial round 15a: `tmux set -g default-shell
        # /tmp/sh`, `screen -X shell /tmp/sh` and `/tmp/sh` itself ran unread a script `/tmp/x.sh` would be read for).
        found = _executable(cmd, sc, raw)
        if found:
            return found
    if name in CONFIG_CODE_FILES:
        found = _config_from_temp(cmd, sc)
        if found:
            return found
    if name in CODE_FILES:
        # tclsh x.tcl, awk -f x.awk, sed -f x.sed, ed f < x.ed: the file is judged as the same code typed.
        from .scripts_more import code_file_runs

        found = code_file_runs(cmd, sc)
        return found if name not in VIMS else found + _editor_scripts(cmd, sc)
    if name in SHELLS or name in ("source", "."):
        return _shell_script(cmd, sc, vals)
    if name == "autoload":
        # zsh's `autoload -U /tmp/fns/deploy` makes the file's text the body of the function `deploy`, which the line or
        # a later one calls by name: judged as the file sourced (adversarial round 15e: it ran unread).
        texts = [(v, _read(sc, sc.path(v, cmd))) for v in vals if "/" in v and v[:1] not in "-+" and DYN not in v]
        return [(f"autoload {v}", t) for v, t in texts if t is not None]
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

    if name in ("go", "cargo"):
        # go run x.go, cargo run: the project's sources the toolchain builds and runs, judged as their language's code.
        from .scripts_more import compiled_sources

        return compiled_sources(cmd, sc)
    lang = INTERPRETERS.get(name)
    if lang is not None:
        return _interpreter_file(cmd, sc, vals, lang)
    if name in FILE_RUNNERS:
        return _file_runner(cmd, sc)
    if name in UNREAD_SOURCES:
        return _unread_sources(cmd, sc, vals)
    if name in ("tmux", "tmate"):
        return _tmux_files(cmd, sc, vals)
    if name == "systemd-tmpfiles":
        return _tmpfiles_lines(cmd, sc, vals)
    if name in ("find", "chown", "chgrp") or (name == "rsync" and _keeps_dirlinks(vals)):
        return _links_followed(cmd, sc, vals)
    return []


def _config_from_temp(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """`npm --userconfig /tmp/npmrc install`, `wget --config=/tmp/w`, `screen -c /tmp/rc`, `lldb -s /tmp/cmds`,
    WGETRC=/tmp/w: a configuration in a temporary folder whose settings choose what the program runs or writes, in a
    format clearance does not read (programs.CONFIG_CODE_FILES): code from elsewhere, asked unread (model.UNREAD)."""
    from .model import UNREAD

    options, variables = CONFIG_CODE_FILES[cmd.name]
    vals = cmd.values()
    given = [v for k, v in cmd.assigns.items() if k in variables]
    for i, v in enumerate(vals):
        opt, eq, value = v.partition("=")
        if eq and opt in options:
            given.append(value)
        elif v in options and i + 1 < len(vals):
            given.append(vals[i + 1])
    out: list[tuple[str, str]] = []
    for f in given[:4]:
        p = sc.path(f, cmd) if DYN not in f else f
        if DYN in p or sc.in_temp(p):
            out.append((f"{cmd.name} loads {f}, a configuration in a temporary folder (or known only at run time) that chooses what it runs", UNREAD))
    return out


def _keeps_dirlinks(vals: list[str]) -> bool:
    """rsync -K / --keep-dirlinks: a link to a folder on the receiving side is written through, as that folder."""
    return "--keep-dirlinks" in vals or any(v[:1] == "-" and v[1:2] != "-" and "K" in v for v in vals)


_FIND_ACTIONS = ("-exec", "-execdir", "-ok", "-okdir")


def _links_followed(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    """`find -L DIR -delete` (or `-follow`, `-exec CMD {} +`), `chown -RL OWNER DIR`: a traversal told to follow symbolic
    links acts on what each link under DIR leads to. Each link leading out of DIR (the hook lists them: treelist
    "links") is judged as the same action typed on its target (adversarial round 15c: `build/cache -> ~/.config/
    clearance` then `find -L build -delete` was allowed, `find build/cache/ -delete` denied)."""
    from .shell.interp import shell_quote as q

    lister = sc.ctx.list_tree
    if lister is None:
        return []
    if cmd.name == "find":
        i = 0
        while (i < len(vals) and vals[i] in ("-H", "-L", "-P", "-D", "-O")) or (i < len(vals) and vals[i][:2] in ("-D", "-O") and len(vals[i]) > 2):
            i += 2 if vals[i] in ("-D", "-O") else 1
        roots = []
        while i < len(vals) and not vals[i].startswith(("-", "(", "!")):
            roots.append(vals[i])
            i += 1
        expr = vals[i:]
        actions: list[str] = []
        if "-delete" in expr:
            actions.append("rm -rf {}")
        for j, v in enumerate(expr):
            if v in _FIND_ACTIONS:
                words = []
                for w in expr[j + 1 :]:
                    if w in (";", "+", "\\;"):
                        break
                    words.append(w)
                if words:
                    actions.append(" ".join("{}" if w == "{}" else q(w) for w in words))
        roots = roots or ["."]
    elif cmd.name == "rsync":
        # rsync -K SRC DEST: what lands in DEST under a link to a folder lands in that folder (its --delete there too):
        # judged as the same copy into the link's target (fix16, round 15c's open item).
        last = max((i for i, v in enumerate(vals) if not v.startswith("-")), default=-1)
        if last < 1 or ":" in vals[last]:
            return []
        words = [("-" + v[1:].replace("K", "")) if v[:1] == "-" and v[1:2] != "-" else v for i, v in enumerate(vals) if i != last and v != "--keep-dirlinks"]
        actions = [" ".join(["rsync", *(q(w) for w in words if w != "-"), "{}/"])]
        roots = [vals[last]]
    else:
        flags = "".join(v[1:] for v in vals if v[:1] == "-" and v[1:2] != "-")
        ops = [v for v in vals if not v.startswith("-")]
        if "R" not in flags and "--recursive" not in vals:
            return []
        actions = [f"{cmd.name} -R {q(ops[0])} {{}}"] if ops else []
        roots = ops[1:]
    if not actions:
        return []
    out = []
    for root in roots[:8]:
        if DYN in root:
            continue
        targets, _why = lister(sc.path(root, cmd), "links")
        for t in targets[:16]:
            out.append((f"{cmd.name} following the links under {root}", "\n".join(a.replace("{}", q(t)) for a in actions)))
    return out


def _tmpfiles_lines(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    """`systemd-tmpfiles --create|--remove FILE`: each line of the configuration is a file operation on its path
    (tmpfiles.d(5)), judged as the shell command that does it (adversarial round 15c: `L+ ~/.claude/settings.json - - -
    - /dev/null` in /tmp/x.conf replaced the agent's settings with a link to nothing, the call allowed). `f`/`F`/`w`
    write, `L` links (`+`: replacing what is there), `C` copies, `d`/`v`/`q` make folders, `z`/`Z` set modes, `p+`
    replaces with a pipe; with --remove, `r`/`R` delete and `D` empties. Other types (attributes, devices) are left."""
    from .shell.interp import shell_quote as q

    create, remove = "--create" in vals, "--remove" in vals
    out = []
    for v in vals[:32]:
        if v.startswith("-") or DYN in v:
            continue
        text = _read(sc, sc.path(v, cmd))
        if text is None or text == TOO_LARGE:
            continue
        lines = []
        for line in text.splitlines()[:500]:
            f = line.split()
            if len(f) < 2 or f[0].startswith("#"):
                continue
            kind, plus, path = f[0][0], "+" in f[0][1:], f[1]
            mode = f[2] if len(f) > 2 and f[2] != "-" else ""
            arg = " ".join(f[6:]) if len(f) > 6 else ""
            p = q(path)
            if create and kind in "fFw":
                lines.append(f"truncate -s 0 {p}" if kind in "Fw" or plus else f"touch {p}")
            elif create and kind == "L":
                lines.append(f"ln -s{'fn' if plus else ''} {q(arg or '/usr/share/factory' + path)} {p}")
            elif create and kind == "C":
                lines.append((f"rm -rf {p}; " if plus else "") + f"cp -r {q(arg or '/usr/share/factory' + path)} {p}")
            elif create and kind in "dDvqQ":
                lines.append(f"mkdir -p {p}")
            elif create and kind in "zZ" and mode:
                lines.append(f"chmod {'-R ' if kind == 'Z' else ''}{q(mode.lstrip('~:'))} {p}")
            elif create and kind == "p" and plus:
                lines.append(f"rm -f {p}; mkfifo {p}")
            elif remove and kind in "rR":
                lines.append(f"rm -{'rf' if kind == 'R' else 'f'} {p}")
            elif remove and kind == "D":
                lines.append(f"rm -rf {p}/*")
        if lines:
            out.append((f"{cmd.name} {v}", "\n".join(lines)))
    return out


def _tmux_files(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    """`tmux source-file FILE`, `tmux -f FILE new`: the tmux commands of a configuration file, each judged as typed
    after `tmux` (what a window's default-command, a hook, a binding keeps for later is read there; round 15a)."""
    out = []
    for i, v in enumerate(vals[:-1]):
        if v not in ("source-file", "source", "-f"):
            continue
        j = i + 1
        while v != "-f" and j < len(vals) - 1 and vals[j].startswith("-"):
            j += 2 if vals[j] == "-t" else 1  # source-file [-Fnqv] [-t PANE] PATH
        target = vals[j]
        text = None if DYN in target else _read(sc, sc.path(target, cmd))
        if text is None or text == TOO_LARGE:
            continue
        lines = [x.strip() for x in text.splitlines()[:500] if x.strip() and not x.lstrip().startswith("#")]
        if lines:
            out.append((f"{cmd.name} {v} {target}", "\n".join("tmux " + x for x in lines)))
    return out


# The shells among them, whose typed form (`pwsh -c`, `nu -c`) the shell analysis reads as that shell.
_UNREAD_TYPED = {"pwsh": "pwsh -c", "powershell": "pwsh -c", "nu": "nu -c"}


def _unread_sources(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    """`groovy x.groovy`, `swift x.swift`, `java X.java`, `zig run x.zig`: each source file of a language clearance does
    not read that the command runs (UNREAD_SOURCES), read language-blind as the code of `jrunscript -e` is (the command
    lines its system()-like calls name, the hidden files of home it names), quietly: an ordinary script stays allowed."""
    from .shell.embedded import quoted_literals, string_literals
    from .shell.interp import shell_quote
    from .shell.programs import ROUTINE_PROGRAMS, SHELLS
    from .shell.unwrap import MAY_RUN

    suffixes = UNREAD_SOURCES[cmd.name]
    home = sc.ctx.home.rstrip("/")
    out: list[tuple[str, str]] = []
    files = 0
    for v in vals[:16]:
        if v.startswith("-") or not v.endswith(suffixes) or DYN in v:
            continue
        text = _read(sc, sc.path(v, cmd))
        if text is None or text == TOO_LARGE or "\x00" in text[:8192]:
            continue
        text = text[:200_000]
        label = f"{cmd.name} {v} (the code in the file, not analysed as its language)"
        out.append((label, _UNREAD_TYPED.get(cmd.name, "jrunscript -e") + " " + shell_quote(text)))
        # A string literal that is a command line of a program the shell knows ("rm -rf ~/.x" handed to
        # ProcessBuilder, Runtime.exec, `.execute()`, System.cmd), and one that is a hidden file of home joined to the
        # home folder at run time (`NSHomeDirectory() + "/.claude/settings.json"`): what the code may run or write,
        # judged capped at ask (MAY_RUN).
        for lit in dict.fromkeys([*quoted_literals(text), *(x for x in string_literals(text, quotes='"') if " " in x.strip() and "\n" not in x)]):
            first = pathstr.basename(lit.split()[0]) if lit.split() else ""
            if first in ROUTINE_PROGRAMS or first in SHELLS or first in INTERPRETERS or first in ("pkill", "killall", "clearance"):
                out.append((label + MAY_RUN, lit))
        if home:
            from .paths import self_protected_reason

            for lit in string_literals(text):
                if lit.startswith("/.") and " " not in lit and DYN not in lit and self_protected_reason(home + lit, sc.ctx):
                    # only what would disable clearance: `user.home + "/.gradle/x"` is read every day
                    out.append((label + MAY_RUN, "tee -a " + shell_quote(home + lit) + " < /dev/null"))
        files += 1
        if files == 4:
            break
    return out


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


_SCRIPT_SUFFIXES = {
    "python": (".py",),
    "js": (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx"),
    "ruby": (".rb",),
    "perl": (".pl", ".pm"),
    "php": (".php",),
    # The languages whose one-liners are read and whose script files ran unread (adversarial round 13a): a file is
    # judged as its text given to -e.
    "lua": (".lua",),
    "r": (".R", ".r"),
    "julia": (".jl",),
    "go": (".go",),
    "rust": (".rs",),
}
_SHEBANG_LANG = lazy(r"^#!\s*(?:/usr/bin/env\s+(?:-\S+\s+)*)?(?:/\S*/)?(python[\d.]*|node|ruby|perl|php)\b")


def _as_one_liner(name: str, lang: str, code: str) -> str:
    """A command line that runs *code* the way the interpreter one-liner analysis reads it."""
    from .shell.interp import shell_quote  # only for a command that runs a script file (shell/programs.py)

    option = "eval" if name == "deno" else CODE_OPTIONS[lang][0]
    return f"{name} {option} {shell_quote(code)}"


def _stdin_program(cmd: SimpleCommand, sc: Scope, lang: str) -> list[tuple[str, str]]:
    """`python3 < t.py`, `node < x.js`: an interpreter given no program reads it from its input; a file redirected
    there is the program, whatever its name, judged as its text given to -c/-e."""
    files = [r.target.value for r in cmd.redirects if r.op == "<" and not r.fd and r.target is not None and DYN not in r.target.value]
    if not files:
        return []
    text = _read(sc, sc.path(files[-1], cmd))
    if text == TOO_LARGE:
        return [(f"{cmd.name} < {files[-1]}", TOO_LARGE)]  # the program it is given, unread: asked (engine)
    if text is None or "\x00" in text[:8192]:
        return []
    return [(f"{cmd.name} < {files[-1]}", _as_one_liner(cmd.name, lang, text))]


def _interpreter_file(cmd: SimpleCommand, sc: Scope, vals: list[str], lang: str) -> list[tuple[str, str]]:
    suffixes = _SCRIPT_SUFFIXES.get(lang)
    if not suffixes:
        return []
    if lang == "python":
        from .shell.interp import python_invocation  # only for an interpreter command (shell/programs.py)

        # python3 -W ignore tool.py, python -X dev tool.py: options read with CPython's own table.
        kind, script, _ = python_invocation([cmd.name, *vals])
        if kind not in ("file", "code", "module") or (kind == "file" and script in _STDIN_NAMES):
            return _stdin_program(cmd, sc, lang)  # (python3 /dev/stdin < x.py is python3 < x.py)
        vals = [script] if kind == "file" and script is not None else []
    if lang in ("js", "ruby", "perl", "php"):
        # The script operand as the interpreter finds it (option values skipped: node -r dotenv/config x.js).
        from .code.interpopts import read

        reading = read([cmd.name, *vals], lang)
        v = reading.file
        if reading.code is None and (v is None or v in _STDIN_NAMES):
            return _stdin_program(cmd, sc, lang)
        if reading.code is not None or v is None:
            return []
        path = sc.path(v, cmd)
        text = _read(sc, path)
        if text is None:
            return []
        if not v.endswith(suffixes) and lang == "php" and not not_regular(text) and (v.endswith(".phar") or text == TOO_LARGE or "<?php" not in text[:8192]):
            return []  # a PHP archive (composer.phar) or a file that opens no PHP tag: not a PHP script clearance reads
        if not v.endswith(suffixes) and not _source_text(v, text):
            return []
        if text == TOO_LARGE:
            return [(f"{cmd.name} {v}", TOO_LARGE)]  # a named script clearance cannot read is asked about (engine)
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
        if text == TOO_LARGE:
            # A named script larger than clearance reads, or no regular file (a FIFO a writer waits on), is asked about
            # as a shell script is (engine); it was wrapped as a one-liner of the marker and allowed (round 18a).
            return [(f"{cmd.name} {v}", TOO_LARGE)]
        # Modules the script imports from its own directory run with it (python3 main.py → helper.py).
        return [(f"{cmd.name} {v}", _as_one_liner(cmd.name, lang, text)), *_loaded(cmd, sc, v, lang, path, text)]
    return []


# An interpreter runs the file it is given as its language whatever the file's name (`perl /tmp/x.cow`, `node bin/www`,
# `python3 manage`): a file without the language's suffix is read too (adversarial: a script written on the line under
# another suffix ran unread), unless it is an archive or binary the interpreter runs otherwise (a zipapp, a PHP archive)
# or larger than clearance reads (a bundle: not asked about for its size, as a named script is).
_ARCHIVE_SUFFIXES = (".pyz", ".pyzw", ".zip", ".egg", ".whl", ".phar", ".jar", ".node", ".so", ".wasm", ".gz", ".tgz")


def _source_text(name: str, text: str) -> bool:
    if not_regular(text):
        return True  # a FIFO, socket or device is no bundle: what it holds is handed over when it runs (fix19a)
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
    from .scripts_more import _read_named

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


def _shell_script(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    operands: list[str] = []
    from_stdin = False
    for v in vals:
        if v.startswith("-") and not operands:
            if "c" in v[1:] and not v.startswith("--"):
                return []  # bash -c: the unwrapper already reads the code
            if "s" in v[1:] and not v.startswith("--"):
                from_stdin = True  # sh -s ARGS: the script is standard input, the operands are its arguments
            continue
        operands.append(v)
    # `bash /dev/stdin < x.sh`, `source /dev/fd/0 < x.sh`, `sh -s arg < x.sh`: standard input named as the script file,
    # or taken by -s, is the script as in `sh < x.sh` (adversarial round 18a: the name was read as a file, none found).
    named_stdin = bool(operands) and operands[0] in _STDIN_NAMES
    if from_stdin or named_stdin or (cmd.name not in ("source", ".") and (not operands or operands[0] == "-")):
        # sh < clean.sh: the script comes in on stdin from a file.
        source = next((r.target.value for r in cmd.redirects if r.reads and r.target is not None and not r.fd), None)
        if source is None:
            from .shell.unwrap import cat_files

            # cat a.sh b.sh | sh: the files, one after the other, are the script.
            texts = [(w.value, _read(sc, sc.path(w.value, cmd))) for w in cat_files(cmd.stdin_from)]
            return [(f"cat {v} | {cmd.name}", t) for v, t in texts if t is not None]
        text = _read(sc, sc.path(source, cmd))
        return [(f"{cmd.name} < {source}", text)] if text is not None else []
    if not operands:
        return []
    path = sc.path(operands[0], cmd)
    text = _read(sc, path)
    if text is None and sc.ctx.read_file is not None and DYN not in path and is_within(path, sc.ctx.project_root):
        # `source .venv/bin/activate`, `. venv/bin/postactivate`, `bash node_modules/x/setup.sh`: shell code of an
        # installed tree (skipped as an installed tool by _read) that a shell runs now; what a checkout or an archive put
        # there was never read as a write (issue 15, round 14c). Read for a hard denial only (engine._INSTALLED_SCRIPT).
        text = sc.ctx.read_file(path)
        return [(f"{cmd.name} {operands[0]}, {INSTALLED_SCRIPT}", text)] if text is not None and text != TOO_LARGE else []
    return [(f"{cmd.name} {operands[0]}", text)] if text is not None else []


# The label of a shell script of an installed tree a shell runs (engine._INSTALLED_SCRIPT: only a hard denial counts).
INSTALLED_SCRIPT = "a shell script of an installed tree"


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
    return _other_shebang(raw, path, text)


def _other_shebang(raw: str, path: str, text: str) -> list[tuple[str, str]]:
    """`./x` whose first line runs another program on it (`#!/usr/bin/awk -f`, `#!/usr/bin/env tclsh`, `#!/usr/bin/env
    -S lua5.4`): the kernel runs `PROGRAM ARGS ./x`, judged as that command line is, with the file read by what that
    program runs (CODE_FILES, the interpreters, make, cmake -P by convention)."""
    if not text.startswith("#!"):
        return []
    from .shell.interp import shell_quote  # only for a project file run by its path

    words = text[2:].split("\n", 1)[0].split()
    if words and pathstr.basename(words[0]) == "env":
        words = words[1:]
        while words and words[0].startswith("-"):
            words = words[1:]  # env -S PROGRAM ARGS (-S: the rest of the line split into words)
    if not words:
        return []
    name = pathstr.basename(words[0])
    if DYN in name or "\x00" in text[:8192]:
        return []
    return [(raw, " ".join(shell_quote(w) for w in [name, *words[1:], path]))]


# The options that choose the folder whose package.json a package manager runs (npm's --prefix, pnpm's -C/--dir, yarn's
# and bun's --cwd) and the workspace members it runs in instead (npm -w/--workspace, pnpm --filter): (program, option).
_PACKAGE_DIR_OPTIONS = {
    "npm": ("--prefix",),
    "pnpm": ("-C", "--dir"),
    "yarn": ("--cwd",),
    "bun": ("--cwd",),
}
_PACKAGE_MEMBER_OPTIONS = {"npm": ("-w", "--workspace"), "pnpm": ("--filter", "-F")}
_PACKAGE_ALL_MEMBERS = {"npm": ("--workspaces", "-ws"), "pnpm": ("-r", "--recursive")}


def _package_dirs(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> tuple[list[str], list[str]]:
    """The values left once the folder options are taken out, and the folders whose package.json the command runs
    (where it runs, unless an option or npm's prefix variable names another folder or workspace members).  Read only
    where it runs, `npm run lint --prefix /tmp/x`, `pnpm -C /tmp/x lint`, `npm -w packages/a run lint` ran a script no
    rule had read (adversarial round 15b)."""
    name = cmd.name
    dir_opts = _PACKAGE_DIR_OPTIONS.get(name, ())
    member_opts = _PACKAGE_MEMBER_OPTIONS.get(name, ())
    base = cmd.cwd or sc.ctx.cwd
    prefix = cmd.assigns.get("npm_config_prefix") or cmd.assigns.get("NPM_CONFIG_PREFIX") if name == "npm" else None
    members: list[str] = []
    every = False
    rest: list[str] = []
    i = 0
    while i < len(vals):
        v = vals[i]
        opt, eq, value = v.partition("=") if v.startswith("--") else (v, "", "")
        if opt in dir_opts or opt in member_opts:
            if not eq:
                if i + 1 >= len(vals):
                    break
                value = vals[i + 1]
                i += 1
            if opt in dir_opts:
                prefix = value
            elif value.startswith((".", "/")) or "/" in value:
                members.append(value)
            i += 1
            continue
        if v in _PACKAGE_ALL_MEMBERS.get(name, ()):
            every = True
        rest.append(v)
        i += 1
    if prefix:
        base = sc.path(prefix, cmd) if DYN not in prefix else ""
    dirs = [pathstr.normpath(pathstr.join(base, m)) for m in members if DYN not in m] if base else []
    if base and every:
        dirs += _workspace_members(base, sc)[:16]
    return rest, (dirs or ([base] if base else []))


def _package_script(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    vals, dirs = _package_dirs(cmd, sc, vals)
    if not dirs:
        return []
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
    out: list[tuple[str, str]] = []
    for d in dirs:
        out += _scripts_named(cmd, sc, ("pre" + script, script, "post" + script), f"{cmd.name} run ", d)
    return out


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
    if text == TOO_LARGE:
        # A package.json clearance cannot read (past its bound, or a FIFO a writer waits on): the scripts it runs are
        # unknown, so asked about (engine), never taken as none (adversarial round 18a).
        return [(label + keys[len(keys) // 2], TOO_LARGE)]
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


# -- on first use: the readers of less usual commands' scripts (scripts_more.py), which an ordinary line's npm or python
# script never reaches (issue 16).


def _git_alias(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    from .scripts_more import _git_alias

    return _git_alias(cmd, sc)


def _editor_scripts(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    from .scripts_more import _editor_scripts

    return _editor_scripts(cmd, sc)


def _make(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[tuple[str, str]]:
    from .scripts_more import _make

    return _make(cmd, sc, vals)


def _sql_client_commands(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    from .scripts_more import _sql_client_commands

    return _sql_client_commands(cmd, sc)
