"""Unwrapping interpreters, code strings and clients: python/node/ruby/perl code, embedded languages (awk, sed, jq …),
Emacs Lisp, database clients, rails runner.  Loaded the first time a command needs one of these methods
(unwrap.Unwrapper.__getattr__)."""

from __future__ import annotations

from .. import pathstr
from ..lazyre import DOTALL, lazy
from ..paths import DYN
from .interp import quoted_spans
from .ir import SimpleCommand, Word
from .options import normalise
from .outputs import literal_output, literal_stdin
from .programs import SHELLS, UNREAD_CODE, UNREAD_QUIET
from .unwrap import (
    _STDIN_NAMES,
    MAX_INPUT_LINES,
    MAY_RUN,
    Unwrapper,
    _fd_name,
    _names,
    _reads_tool_input,
    _shell_escape,
    _split_words,
    python_module_code,
    runnable,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .embedded import Found

# vim's Ex commands that run code of an embedded language, and the interpreter one-liner each is judged as.
_VIM_LANGUAGE = lazy(r"^[\s:]*+(py3|python3|pyx|pythonx|py|python|lua|perl|pe|ruby|rub)\s++(\S.*)$", DOTALL)
_VIM_INTERPRETERS = {
    **dict.fromkeys(("py3", "python3", "pyx", "pythonx", "py", "python"), ("python3", "-c")),
    "lua": ("lua", "-e"),
    **dict.fromkeys(("perl", "pe"), ("perl", "-e")),
    **dict.fromkeys(("ruby", "rub"), ("ruby", "-e")),
}


# Launcher scripts a Ruby interpreter may be handed (bin/rails, bin/rake): the tool they start.
_RUBY_LAUNCHERS = frozenset({"rails", "rake", "spring"})


# A script operand that is the program's own standard input under a file name: `bash /dev/stdin <<< CODE`,
# `source /dev/fd/0`, `python3 /proc/self/fd/0` read their code from stdin, as `bash -s` and `python3 -` do.
# Languages whose code clearance parses (code/python.py, js.py, ruby.py, perl.py, php.py): a reverse shell there is
# followed from the socket to the process (interp.runs-received).
_PARSED_LANGUAGES = frozenset({"python", "js", "ruby", "perl", "php"})


# Emacs Lisp calls that run programs or delete files, and its string literals.
_ELISP_CALL = lazy(
    r"\((shell-command|async-shell-command|shell-command-to-string|call-process|start-process|process-lines|delete-directory|delete-file"
    r"|write-file|with-temp-file)\s+([^)]*)"
)


# A module name and import list perl's -M takes as such (`-MFile::Path=rmtree,mkpath`, `-MDevel::Cover=-db,cover_db`).
_PERL_MODULE = lazy(r"[A-Za-z_][\w:]*")


_PERL_IMPORTS = lazy(r"[\w:,.\-/+@%]*")


def _program_from_stdin(values: list[str], lang: str) -> bool:
    """Whether an interpreter given only options reads its program from standard input, as each of them does when
    no code and no script is named (`echo CODE | python3 -u`, `perl -Mstrict <<< CODE`, `R --no-save < …`), read
    with the interpreter's own option table where clearance has one."""
    name = pathstr.basename(values[0]) if values else ""
    if lang == "python":
        from .interp import python_invocation

        return python_invocation(values)[0] == "stdin"
    if lang in ("js", "ruby", "perl", "php"):
        if name in ("deno", "bun"):
            return False  # their subcommands (run, eval, test …) name what runs
        from ..code.interpopts import read

        reading = read(values, lang)
        return reading.code is None and reading.file is None
    if lang == "r":
        return name == "R" and not any(v in ("-f", "-e", "CMD") or v.startswith(("--file=", "-e")) for v in values[1:])
    if lang in ("lua", "julia"):
        code, valued = (
            (("-e",), ("-l",))
            if lang == "lua"
            else (("-e", "-E", "--eval", "-P", "--print"), ("-L", "--load", "-p", "--procs", "-t", "--threads", "-J", "--sysimage"))
        )
        i = 1
        while i < len(values) and values[i].startswith("-") and values[i] != "-":
            if values[i] in code:
                return False
            i += 2 if values[i] in valued else 1
        return i >= len(values)
    return False


# `python -m` modules judged under their full dotted name rather than their package.
_WHOLE_MODULES = frozenset({"http.server", "SimpleHTTPServer", "smtpd", "pyftpdlib", "uploadserver"})


# clearance's own scripts a python command line may name by path: the hook launcher, the CLI's entry points.
_CLEARANCE_SCRIPTS = frozenset({"hookrun.py", "__main__.py", "entry.py", "cli.py", "hook.py", "daemon.py"})


def _clearance_script(path: str) -> bool:
    """*path* is one of clearance's own entry scripts (in a folder named clearance: an installed copy, a checkout)."""
    if DYN in path:
        return False
    head, _, base = path.rstrip("/").rpartition("/")
    return base in _CLEARANCE_SCRIPTS and head.rpartition("/")[2] == "clearance"


class Methods(Unwrapper):
    """The methods Unwrapper takes on from here (unwrap.LATER)."""

    def _rails(self, cmd: SimpleCommand) -> bool:
        """rails runner CODE|FILE and rails console/dbconsole fed on stdin: Ruby (or SQL) run inside the application.

        The command itself stays for the rules on the application's own verbs (db.datastore-destroy reads the
        runner's code for ORM deletions); the code is also judged as the Ruby interpreter would run it.
        False when the command runs no code given to it (the caller judges it as any other command).
        """
        argv = cmd.argv
        sub = argv[1].value
        payload: list[Word] | None = None
        if sub in ("runner", "r"):
            k = 2
            while k < len(argv):
                v = argv[k].value
                if v in ("-e", "--environment"):
                    k += 2
                elif v.startswith("-") and v != "-":
                    k += 1
                else:
                    break
            if k < len(argv) and not argv[k].dynamic:
                code = argv[k]
                v = code.value
                if v.endswith(".rb") or ("/" in v and not any(c in v for c in " ()'\";")):
                    payload = [Word("ruby", "ruby"), code, *argv[k + 1 :]]
                else:
                    payload = [Word("ruby", "ruby"), Word("-e", "-e"), code, *argv[k + 1 :]]
        elif sub in ("console", "c") and (cmd.stdin_text is not None or cmd.stdin_from):
            payload = [Word("ruby", "ruby")]
        elif sub in ("dbconsole", "db") and (cmd.stdin_text is not None or cmd.stdin_from):
            # The database's own client (psql, mysql or sqlite3 by config/database.yml) reads the statements.
            payload = [Word("psql", "psql")]
        if payload is None:
            return False
        self.out.commands.append(cmd)
        self.command(cmd.derive(payload, "rails " + sub))
        return True

    def _system_calls(self, cmd: SimpleCommand, code: str) -> list[str]:
        """The literal command lines *code*'s system()-like calls hand over, each judged as typed one level down, capped at
        ask (MAY_RUN): the code may be data."""
        from . import embedded

        calls = embedded.system_calls(code).shell[:8] if "(" in code or "system" in code else []
        for line in calls:
            self.reparse(line, cmd, cmd.name + MAY_RUN)
        return calls

    def _code_commands(self, cmd: SimpleCommand, code: str) -> None:
        """Code of a language clearance does not read, given to a program it does not model, that holds a command line:
        the literal one a system()-like call hands over (`gimp -b 'import os; os.system("CMD")'`, a plug-in's script),
        judged as typed; and any other string literal that reads as a command line (`janet -e '(os/shell "rm -rf ~")'`,
        `qjs -e 'std.system("…")'`), judged by the commands it holds.  Capped at ask (MAY_RUN): the argument may be data,
        the literal a message.  Each line is judged once."""
        from . import embedded

        calls = self._system_calls(cmd, code)
        if code.lstrip()[:1] in ("'", '"', "`") and code.rstrip()[-1:] == code.lstrip()[:1]:
            return  # the whole argument quoted: read as a command by the caller, not as code holding one
        for lit in embedded.string_literals(code, 16):
            head = lit.split(None, 1)[0] if lit.strip() else ""
            if " " in lit.strip() and runnable(head) and "\n" not in lit and lit not in calls:
                self._reparse_found(cmd, lit, cmd.name + " code" + MAY_RUN)

    def _code_paths(self, cmd: SimpleCommand, code: str) -> None:
        """Code of a language clearance does not read (an argument holding quoted strings, given to a program it does
        not model, or the file calls of the system()-call languages) that names a hidden file of the home or the
        system's configuration may read or write it: judged as `cat` and `tee -a` on it, capped at ask (MAY_RUN)."""
        from . import embedded

        for path in embedded.code_literal_paths(code, self.home):
            word = Word(path, path)
            # one level down, so that MAY_RUN caps what is found at ask (engine._finding)
            self.command(cmd.derive([Word("cat", "cat"), word], cmd.name + MAY_RUN, depth=cmd.depth + 1))
            self.command(cmd.derive([Word("tee", "tee"), Word("-a", "-a"), word], cmd.name + MAY_RUN, depth=cmd.depth + 1))

    def _perl_code(self, cmd: SimpleCommand, options: list[str], via: str) -> None:
        """perl's -MTEXT / -mTEXT options: perl puts `use TEXT;` before the program, so text past a module name and
        its import list (`-M'strict;system(…)'`) is code that runs whatever script follows; judged as `perl -e`."""
        for opt in options[:16]:
            if opt[:2] not in ("-M", "-m") or DYN in opt:
                continue
            body = opt[2:].lstrip("-")
            module, _, imports = body.partition("=")
            if _PERL_MODULE.fullmatch(module) and _PERL_IMPORTS.fullmatch(imports):
                continue
            code = f"use {body};"
            self.command(cmd.derive([Word("perl", "perl"), Word("-e", "-e"), Word(code, code)], f"{via}{opt[:2]}"))

    def _elisp(self, cmd: SimpleCommand, code: str) -> None:
        """emacs --eval CODE: the shell commands, processes and deletions of Emacs Lisp, when literal."""
        for m in _ELISP_CALL.finditer(code):
            fn, rest = m.group(1), m.group(2)
            # Its string literals (interp.quoted_spans: a pattern for them rescans an open string from every escaped quote).
            strings = [bytes(rest[a + 1 : b - 1], "utf-8").decode("unicode_escape") for a, b, _ in quoted_spans(rest, '"')]
            literal = rest.lstrip().startswith('"')
            if not literal or not strings:
                self.out.problems.append(
                    ("shell.embedded-code", f"Emacs Lisp {fn} with a value built at run time; clearance cannot see what it runs or deletes")
                )
            elif fn in ("shell-command", "async-shell-command", "shell-command-to-string"):
                self.reparse(strings[0], cmd, f"emacs ({fn})")
            elif fn in ("call-process", "start-process", "process-lines"):
                prog = strings[1] if fn == "start-process" and len(strings) > 2 else strings[0]
                args = strings[strings.index(prog) + 1 :]
                self.command(cmd.derive([Word(prog, prog), *(Word(a, a) for a in args)], f"emacs ({fn})"))
            elif fn == "delete-directory":
                self.command(cmd.derive([Word("rm", "rm"), Word("-rf", "-rf"), Word(strings[0], strings[0])], f"emacs ({fn})"))
            elif fn == "delete-file":
                self.command(cmd.derive([Word("rm", "rm"), Word(strings[0], strings[0])], f"emacs ({fn})"))
            elif fn in ("write-file", "with-temp-file"):
                # the buffer, or what the form inserts, written to the file named
                self.command(cmd.derive([Word("tee", "tee"), Word(strings[0], strings[0])], f"emacs ({fn})"))

    def _interpreter(self, cmd: SimpleCommand, lang: str) -> None:
        from . import interp  # the language modules load only for a command that needs them (programs.py)

        self.out.commands.append(cmd)
        values = [w.value for w in cmd.argv]
        if lang == "python":
            kind, module, rest = interp.python_invocation(values)
            if kind == "module" and module is not None:
                mod = module if module in _WHOLE_MODULES else module.split(".")[0]
                code = python_module_code(module, values[rest:])
                if code is not None:
                    # python -m timeit STMT, -m pdb -c STMT, -m IPython -c CODE: the module runs its arguments as Python.
                    self.command(cmd.derive([cmd.argv[0], Word("-c", "-c"), Word(code, code)], f"{cmd.name} -m {module}"))
                self.command(cmd.derive([Word(mod, mod)] + cmd.argv[rest:], f"{cmd.name} -m"))
                return
            if kind == "file" and module is not None and _clearance_script(module):
                # `python -I -S …/clearance/hookrun.py hook ARGS` is the installed hook command (installer.hook_command)
                # and `…/clearance/__main__.py ARGS` the CLI: clearance itself, judged as `clearance ARGS` (round 15d).
                self.command(cmd.derive([Word("clearance", module)] + cmd.argv[rest:], f"{cmd.name} {module}"))
                return
        code = interp.code_argument(values, lang)
        if lang in ("js", "ruby", "perl", "php"):
            from ..code.interpopts import local_files, module_urls, read, ruby_un_command

            reading = read(values, lang)
            if lang == "perl" and reading.loads:
                self._perl_code(cmd, [o for o in reading.loads if o[:2] in ("-M", "-m")], f"{cmd.name} ")
            if lang == "ruby" and reading.file is not None and pathstr.basename(reading.file) in _RUBY_LAUNCHERS:
                # ruby bin/rails runner CODE, ruby bin/rake db:drop: the launcher script is the tool it starts.
                tool = pathstr.basename(reading.file)
                self.command(cmd.derive([Word(tool, reading.file), *(Word(v, v) for v in reading.operands)], f"{cmd.name} {reading.file}"))
                return
            if lang == "js" and reading.file is not None and "/" in reading.file:
                from ..rules.agentcli import agent_script

                agent = agent_script(reading.file)
                at = next((k for k in range(1, len(cmd.argv)) if cmd.argv[k].value == reading.file), None)
                if agent is not None and at is not None:
                    # node …/node_modules/@anthropic-ai/claude-code/cli.js ARGS, node -r X $(which claude) ARGS: the
                    # script is the agent's CLI, and node's own options before it are what NODE_OPTIONS would give it
                    # (`-r /tmp/x.js` loads code into the agent, self.agent-extra-code).
                    changes: dict[str, object] = {}
                    if at > 1:
                        given = " ".join(w.value for w in cmd.argv[1:at])
                        before = cmd.assigns.get("NODE_OPTIONS", "")
                        changes["assigns"] = {**cmd.assigns, "NODE_OPTIONS": f"{before} {given}".strip()}
                    self.command(cmd.derive([Word(agent, reading.file), *cmd.argv[at + 1 :]], f"{cmd.name} {agent}", **changes))
                    return
            if lang == "ruby" and (un := ruby_un_command(reading)) is not None:
                # ruby -run -e rm -- -rf DIR: un.rb's file commands are the shell commands they are named after.
                self.command(cmd.derive([Word(w, w) for w in un], f"{cmd.name} -run"))
                return
            if lang == "js":
                self._data_modules(cmd, module_urls(reading))
            for path in local_files(reading, lang):
                # node -r ./setup.js, ruby -r ./x.rb, perl -I. -MLocal: a project file runs first, read like `node x.js`.
                self.command(cmd.derive([cmd.argv[0], Word(path, path)], f"{cmd.name} option"))
        if code is None:
            script = next((w for w in cmd.argv[1:] if not w.value.startswith("-")), None)
            if script is not None and script.procsub:
                # python3 <(generator): the generator's output is the program.
                piped = literal_stdin(script.subs)
                if piped is not None:
                    self._code(cmd, piped, lang)
                else:
                    self.out.problems.append(
                        ("shell.piped-script", f"{cmd.name} runs code read from the output of {_names(script.subs)}; clearance cannot see what it does")
                    )
                return
            if script is not None and (script.value in _STDIN_NAMES or _fd_name(script.value)) and script is cmd.argv[-1]:
                if script.value not in _STDIN_NAMES:
                    self.out.problems.append(
                        ("shell.dynamic-code", f"{cmd.name} runs code from {script.value}, a descriptor whose content clearance cannot see")
                    )
                    return
                values = [*values[:-1], "-"]  # python3 /dev/stdin <<< CODE is python3 - <<< CODE
            if len(values) == 1 or values[-1] == "-" or _program_from_stdin(values, lang):
                # Code from stdin: a here-document we can read, or a pipe.
                piped = literal_stdin(cmd.stdin_from)
                if cmd.stdin_text is not None:
                    self._code(cmd, cmd.stdin_text, lang)
                elif piped is not None:
                    self._code(cmd, piped, lang)  # cat <<'EOF' | python3, echo '...' | node
                elif cmd.stdin_from:
                    self.out.problems.append(
                        ("shell.piped-script", f"{cmd.name} runs code read from the output of {_names(cmd.stdin_from)}; clearance cannot see what it does")
                    )
            return
        self._code(cmd, code, lang)

    def _program_files(self, cmd: SimpleCommand, files: list[str], found: Found) -> list[str]:
        """The text of each program file of awk's -f or sed's -f that is the command's own input or a process
        substitution (`awk -f /dev/stdin <<< CODE`, `sed -f - f <<'EOF'`, `echo CODE | awk -f -`, `awk -f <(echo
        CODE)`): the code typed on the line, judged as the program operand is. A file on the disk is read by the
        scripts (scripts_more.code_file_runs); one whose text is another program's output is code clearance cannot see."""
        texts: list[str] = []
        subs = iter([w for w in cmd.argv[1:] if w.procsub])
        for f in files:
            if f in _STDIN_NAMES or f == "-":
                if cmd.stdin_text is not None:
                    texts.append(cmd.stdin_text)
                elif cmd.stdin_from:
                    piped = literal_stdin(cmd.stdin_from)
                    if piped is not None:
                        texts.append(piped)
                    else:
                        found.opaque.append(f"{cmd.name} runs a program read from the output of {_names(cmd.stdin_from)}")
            elif f == DYN or _fd_name(f):
                w = next(subs, None) if f == DYN else None
                piped = literal_stdin(w.subs) if w is not None else None
                if piped is not None:
                    texts.append(piped)
                else:
                    source = _names(w.subs) if w is not None else f
                    found.opaque.append(f"{cmd.name} runs a program read from {source}, which clearance cannot see")
        return texts

    def _embedded(self, cmd: SimpleCommand) -> None:
        """awk, sed, vim, Tcl, AppleScript, make, PowerShell, script(1), GNU parallel."""
        from . import embedded  # the language modules load only for a command that needs them (programs.py)

        self.out.commands.append(cmd)
        name = cmd.name
        values = [w.value for w in cmd.argv]
        found = embedded.Found()
        label = name
        moved: str | None = cmd.cwd
        if name in embedded.AWKS:
            texts, files = embedded.awk_sources(values)
            program = "\n".join(texts + self._program_files(cmd, files, found)) or None
            if program is not None:
                found = embedded.awk(program)
                if "/inet" in program and embedded.awk_socket_shell(program):
                    self.out.problems.append(("shell.socket-shell", f"{name} opens a network socket and runs what it reads from it as a command"))
                from ..code.membomb import memory_bomb

                bomb = memory_bomb(program, "awk")
                if bomb is not None:
                    self.out.problems.append(("sys.memory-exhaustion", f"{name}: {bomb}"))
        elif name in embedded.SEDS:
            scripts, files = embedded.sed_sources(values)
            for script in scripts + self._program_files(cmd, files, found):
                part = embedded.sed(script)
                found.shell += part.shell
                found.opaque += part.opaque
                found.reads += part.reads
                found.writes += part.writes
        elif name in embedded.VIMS or name == "ed":
            # ed's file operand `!CMD` reads the output of CMD, which the shell runs.
            commands = embedded.vim_commands(values) if name != "ed" else [v for v in values[1:] if v.startswith("!")]
            label = f"{name} -c"
            if name in ("ed", "ex") or any(v in ("-e", "-es", "-s", "-Es", "-E") for v in values[1:]):
                # ed, ex and vim -es read their commands from standard input: `!CMD`, `r !CMD`, `w !CMD` lines run CMD.
                text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
                if text is not None:
                    commands += text.splitlines()
                    label = f"{name} commands"
            found = embedded.vim(commands)
            for ex in commands:
                m = _VIM_LANGUAGE.match(ex)
                if m is not None and m.group(1) in _VIM_INTERPRETERS:
                    # `:py3 CODE`, `:lua CODE`, `:perl CODE`, `:ruby CODE`: the Ex command hands CODE to the language
                    # vim embeds, judged as that interpreter's one-liner (python3 -c CODE …) would be.
                    prog, flag = _VIM_INTERPRETERS[m.group(1)]
                    self.command(cmd.derive([Word(prog, prog), Word(flag, flag), Word(m.group(2), m.group(2))], f"{name} :{m.group(1)}"))
            lua = next((values[k + 1] for k in range(1, len(values) - 1) if values[k] == "-l"), None) if name == "nvim" else None
            if lua in _STDIN_NAMES:
                # nvim -l /dev/stdin: Neovim runs its standard input as a Lua script.
                text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
                if text is not None:
                    self.command(cmd.derive([Word("lua", "lua"), Word("-e", "-e"), Word(text, "-")], "nvim -l"))
            if name in ("ed", "ex") and cmd.stdin_from and literal_stdin(cmd.stdin_from) is None:
                found.opaque.append(f"{name} runs editor commands read from the output of {_names(cmd.stdin_from)}")
        elif name in embedded.TCLS:
            code = embedded.tcl_code(name, values, self._stdin_code(cmd))
            if code is not None:
                found = embedded.tcl(code)
                self._socket_shell(cmd, code)
        elif name in embedded.TEXS:
            found = embedded.tex(values)
            label = f"{name} \\write18"
            if name.startswith(("lua", "dvilua")):
                # LuaTeX's \directlua{CODE}: Lua run by the engine (its os and io libraries; os.execute under -shell-escape)
                for code in embedded.tex_lua(values):
                    self.command(cmd.derive([Word("lua", "lua"), Word("-e", "-e"), Word(code, code)], f"{name} \\directlua"))
        elif name in embedded.SYSTEM_CALLERS:
            code = embedded.option_codes(values, embedded.SYSTEM_CALLERS[name])
            label = f"{name} {embedded.SYSTEM_CALLERS[name][0]}"
            if code is None and not any(not v.startswith("-") for v in values[1:]):
                # No code given and no script file: the language reads its program from standard input (`gnuplot <<< …`).
                code = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
                label = f"{name} reading its input"
            if code is not None:
                found = embedded.system_calls(code)
                self._code_paths(cmd, code)
                self._socket_shell(cmd, code)
                escapes = [b for line in code.splitlines()[:MAX_INPUT_LINES] if (b := _shell_escape(line)) is not None]
                if escapes:
                    self.reparse("\n".join(escapes), cmd, f"{label}{MAY_RUN}")  # gnuplot's `!CMD`
        elif name in UNREAD_CODE:
            code = embedded.unread_code(name, values, self._stdin_code(cmd))
            if code is not None:
                found = embedded.system_calls(code)  # the command lines its system()-like calls name are judged
                if name not in UNREAD_QUIET:
                    found.opaque.append(f"{name} code ({code[:60]!r}) is not analysed by clearance")
                label = f"{name} code"
                self._code_paths(cmd, code)
                self._socket_shell(cmd, code)
        elif name == "osascript":
            code = embedded.osascript_code(values)
            if code is None and len(values) == 1:
                code = cmd.stdin_text
            if code is not None:
                found = embedded.applescript(code)
        elif name in embedded.POWERSHELLS:
            found = embedded.powershell(values)
        elif name in embedded.CMDLETS:
            if name == "iex" and (len(values) == 1 or values[1].startswith("-")):
                return  # Elixir's interactive shell (iex, iex -S mix): PowerShell's iex alias takes code, not options
            found.opaque.append(f"{name} is PowerShell, which clearance does not analyse")
        elif name in embedded.MAKES:
            nc = normalise(cmd)
            for d in nc.workdirs():
                # make -C DIR: the recipes run in DIR (each -C relative to the one before).
                moved = None if (DYN in d or moved is None) else pathstr.normpath(pathstr.join(moved, d))
            for makefile_text in nc.values("eval"):
                # make --eval=TEXT: Makefile text read before the Makefile; its recipes run.
                from ..code.convention_files import make_parse_time

                found.shell += embedded.makefile_recipes(makefile_text) + make_parse_time(makefile_text)  # and its $(shell …), run as it is read
                label = f"{name} --eval"
            for w in nc.words:
                var, eq, shell = w.value.partition("=")
                first = shell.split()[0] if shell.split() else ""
                if eq and var in ("SHELL", "MAKESHELL") and first and pathstr.basename(first) not in SHELLS:
                    # make SHELL=PROG: every recipe runs as `PROG -c RECIPE`.
                    self.reparse(shell, cmd, f"{name} {var}=")
                if eq and var == ".SHELLFLAGS":
                    # make '.SHELLFLAGS=-c "CMD;"': recipes run as `$(SHELL) $(.SHELLFLAGS) RECIPE`, the flags split as
                    # make splits them (quotes and backslashes group): the word after -c is the script, the recipe
                    # only its $0.
                    flags = _split_words(shell)
                    at = next((k for k, f in enumerate(flags) if f.startswith("-") and not f.startswith("--") and "c" in f), None)
                    if at is not None and at + 1 < len(flags):
                        self.reparse(flags[at + 1], cmd, f"{name} .SHELLFLAGS=")
            fed = next((w for k, w in enumerate(cmd.argv[2:], 2) if w.procsub and cmd.argv[k - 1].value in ("-f", "--file", "--makefile")), None)
            if fed is not None:
                # make -f <(printf 'all:\n\tCMD\n'): the substitution's output is the Makefile.
                label = f"{name} -f <(…)"
                text = literal_stdin(fed.subs)
                if text is not None:
                    found.shell = embedded.makefile_recipes(text)
                else:
                    found.opaque.append(f"{name} reads its Makefile from the output of {_names(fed.subs)}; clearance cannot see the recipes")
            elif embedded.make_reads_stdin(values):
                label = f"{name} -f -"
                text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
                if text is not None:
                    found.shell = embedded.makefile_recipes(text)
                else:
                    source = _names(cmd.stdin_from) if cmd.stdin_from else "stdin"
                    found.opaque.append(f"{name} reads its Makefile from {source}; clearance cannot see the recipes")
        elif name == "script":
            text = embedded.script_command(values)
            if text is not None:
                found.shell.append(text)
                label = "script -c"
            elif not any(a.value in ("-V", "--version", "-h", "--help") for a in cmd.argv[1:]):
                # script's shell reads a terminal script makes and fills from its own standard input
                message = "script starts an interactive shell whose commands clearance cannot see"
                if _reads_tool_input(cmd):
                    self.out.idle_shells.append(message)
                else:
                    self.out.problems.append(("shell.interactive-shell", message))
        elif name == "parallel":
            self._parallel(cmd, values)
            return
        for text in found.shell:
            if moved != cmd.cwd:
                self.reparse(text, cmd, label, cwd=moved)
            else:
                self.reparse(text, cmd, label)
        for reason in found.opaque:
            self.out.problems.append(("shell.embedded-code", reason))
        for path in found.reads:
            self.command(cmd.derive([Word("cat", "cat"), Word(path, path)], f"{name} r"))
        for path in found.writes:
            self.command(cmd.derive([Word("tee", "tee"), Word("-a", "-a"), Word(path, path)], f"{name} w"))

    def _sql_client(self, cmd: SimpleCommand) -> bool:
        """A database client: literal piped text becomes its input, and its own commands run.

        `echo 'DROP TABLE t;' | psql`: the text a literal `echo`/`printf`/`cat <<EOF` pipes in is the
        client's input, read like a here-document.  psql `\\! cmd`, `\\o |cmd`, `\\setenv PAGER cmd`,
        `\\copy … program 'cmd'`, mysql `system cmd`, sqlite3 `.shell cmd`, `.output |cmd`: the client
        runs them, so they are judged as typed; `COPY … PROGRAM 'cmd'` runs on the database server.
        Files it runs as more SQL (`\\i x.sql`, `source x.sql`, `.read x.sql`) are read, and files it
        writes (`\\o out.txt`, `.output x`, `tee x`) written, like `cat` and `tee` would.  True when
        the client was handled here (a client whose text is SQL with client commands).
        """
        if cmd.stdin_text is None and len(cmd.stdin_from) == 1 and not any(r.reads and not r.fd for r in cmd.redirects):
            text = literal_output(cmd.stdin_from[0])
            if text is not None:
                cmd.stdin_text = text
        from .sqlclients import CLIENT_DIALECTS, NOT_SQL, inputs  # the language modules load only for a command that needs them (programs.py)

        if cmd.name not in CLIENT_DIALECTS:
            # The other SQL shells (sqlcmd, cockroach sql, snowsql, trino …) have no client commands read here, but the
            # server's own shell (SQL Server's xp_cmdshell, MySQL's sys_exec) runs whichever client sends it.
            texts = inputs(cmd).texts if cmd.name not in NOT_SQL else []
            if any(t.strip() for t in texts):
                from ..code.sql import read

                for text in texts[:8]:
                    for c in read(text).commands if text.strip() else ():
                        if c.server:
                            self.reparse(c.text, cmd, f"{cmd.name} ({c.how}, on the database server)", remote="the database server", cwd=None)
            return False
        from ..code.sql import read

        self.out.commands.append(cmd)
        given = inputs(cmd)
        for opt, command in given.commands:
            self.reparse(command, cmd, f"{cmd.name} {opt}")
        for path in given.writes:
            self.command(cmd.derive([Word("tee", "tee"), Word(path, path)], f"{cmd.name} writes"))
        for text in given.texts:
            if not text.strip():
                continue
            script = read(text, cmd.name)
            if script.truncated:
                self.out.problems.append(
                    ("shell.embedded-code", f"{cmd.name} is handed more SQL or client commands than clearance reads; a person looks at it")
                )
            if script.dynamic:
                self.out.problems.append(
                    ("shell.embedded-code", f"{cmd.name} runs SQL built at run time ({script.dynamic[0][:60]}); which statement it is cannot be known")
                )
            for c in script.commands:
                if c.server:
                    self.reparse(c.text, cmd, f"{cmd.name} ({c.how}, on the database server)", remote="the database server", cwd=None)
                else:
                    self.reparse(c.text, cmd, f"{cmd.name} {c.how}")
            for path in script.files:
                self.command(cmd.derive([Word("cat", "cat"), Word(path, path)], f"{cmd.name} reads"))
            for path in script.writes:
                self.command(cmd.derive([Word("tee", "tee"), Word(path, path)], f"{cmd.name} writes"))
            for path in script.reads:
                self.command(cmd.derive([Word("cat", "cat"), Word(path, path)], f"{cmd.name} reads"))
            for lib in script.libraries:
                # sqlite3 .load F, load_extension('F'), DuckDB LOAD 'F': native code loaded into the client, judged as a
                # library loaded by option is (unwrap._LIBRARY_OPTIONS): one from the project or the system's is use.
                from .unwrap import _SYSTEM_LIBS

                full = pathstr.normpath(pathstr.join(cmd.cwd or "/", lib)) if DYN not in lib else lib
                if "/" in lib and not full.startswith(_SYSTEM_LIBS) and not (cmd.cwd and (full + "/").startswith(cmd.cwd.rstrip("/") + "/")):
                    why = f"{cmd.name} loads {lib}, a shared object from outside the project and the system's libraries"
                    self.out.problems.append(("shell.dynamic-code", why + "; clearance cannot see what it does"))
        return True

    def _parallel(self, cmd: SimpleCommand, values: list[str]) -> None:
        from . import embedded  # the language modules load only for a command that needs them (programs.py)

        template, lines, unknown = embedded.parallel(values)
        if template and any(v in ("--pipe", "--spreadstdin", "--pipepart", "--pipe-part") for v in values):
            # --pipe: parallel's input goes in blocks to the command's standard input, not into its words
            # (`parallel --pipe sh`: each block is a script sh reads). The command keeps parallel's stdin.
            self.command(cmd.derive([Word(t, t) for t in template], "parallel"))
            return
        for text in lines:
            self.reparse(text, cmd, "parallel")
        if unknown and not template:
            # No command given: each input line is a command (`cat jobs.txt | parallel`), as a shell reading a pipe.
            piped = literal_stdin(cmd.stdin_from) if cmd.stdin_from else cmd.stdin_text
            if piped is not None:
                for text in piped.splitlines()[:20]:
                    self.reparse(text, cmd, "parallel")
            elif cmd.stdin_from or "::::" in values or any(v in ("-a", "--arg-file") for v in values):
                self.out.problems.append(("shell.piped-script", "parallel runs every line it reads as a command; clearance cannot see them"))
        if unknown and template:
            item = Word(DYN, "<items read by parallel>")
            words = [Word(t.replace("{}", DYN), t) for t in template]
            if not any("{}" in t for t in template):
                words.append(item)
            self.command(cmd.derive(words, "parallel"))

    def _data_modules(self, cmd: SimpleCommand, urls: list[str]) -> None:
        """Modules given as `data:` URLs (`node --import 'data:text/javascript,CODE'`, `deno run data:…`): the runtime
        decodes and runs the text, judged as `node -e TEXT`."""
        from ..code.interpopts import data_url_text

        for url in urls:
            text = data_url_text(url)
            if text is not None and DYN not in text:
                self.command(cmd.derive([Word("node", "node"), Word("-e", "-e"), Word(text, url)], f"{cmd.name} data: URL module"))

    def _code(self, cmd: SimpleCommand, code: str, lang: str) -> None:
        from . import interp  # the language modules load only for a command that needs them (programs.py)

        if DYN in code and not code.replace(DYN, "").strip():
            # python3 -c "$(cat y.py)", node -e "$CODE": the whole program is a run-time value, as `bash -c "$X"` is.
            self.out.problems.append(("shell.dynamic-code", f"{cmd.name} runs code built at run time; clearance cannot see what it does"))
        facts = interp.analyse(code, lang)
        for i, shell_text in enumerate(facts.shell):
            # a call whose child reads the interpreter's own input: what reads the tool's input there still does
            self.reparse(shell_text, cmd, f"{cmd.name} process call", None, i in facts.inherited)
        for target, name, symbolic in facts.links:
            # os.symlink(T, N), File.symlink, fs.symlinkSync, symlink(): judged as `ln -s T N` typed here (fs.link-to-protected
            # reads where the link leads), with none of the interpreter's own redirections or input.
            words = [Word("ln", "ln"), *([Word("-s", "-s")] if symbolic else []), Word("--", "--"), Word(target, target), Word(name, name)]
            self.command(cmd.derive(words, f"{cmd.name} link", redirects=[], stdin_from=None, stdin_text=None))
        if lang not in _PARSED_LANGUAGES:
            self._socket_shell(cmd, code)  # Lua, R, Julia: read by patterns only, judged language-blind as well
        from ..code.spawnloop import unbounded_spawn

        endless = unbounded_spawn(code, lang)
        if endless is not None:
            self.out.problems.append(("sys.unbounded-spawn", f"{cmd.name}: {endless}"))
        from ..code.membomb import memory_bomb

        bomb = memory_bomb(code, lang)
        if bomb is not None:
            self.out.problems.append(("sys.memory-exhaustion", f"{cmd.name}: {bomb}"))
        # The facts themselves are judged by the interpreter rules.
        facts.source = code
        cmd.code = facts
