"""Programs that run commands typed on their terminal (engine._typed_on_terminal).

Codex's exec_command keeps a process running on a terminal the model types into through write_stdin, for which no
hook call comes (tests/e2e_agents, codex-stdin-session). A program started there that reads commands from its
terminal is a shell in disguise: a REPL or a debugger runs the code typed at it (irb, `python3 -i x.py`, pdb, gdb's
`shell`), a database client its statements and its own shell escape (sqlite3's `.shell`, psql's `\\!`), a file-transfer
client its `!` escape, a terminal multiplexer the shell it starts (tmux, screen), a pager its `!command` (less), an
editor its `:!command` (vim; `git commit` and `git rebase -i` open one). A program reading data, or nothing, stays
ordinary work (cat, pytest, a server).

Codex runs exec_command with PAGER, GIT_PAGER and GH_PAGER set to `cat` (its UNIFIED_EXEC_ENV, codex-rs
core/src/unified_exec): `git log`, `man ls`, `gh pr view` start no pager there unless the line names one
(`GIT_PAGER=less git log`).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .ir import SimpleCommand, Word

# REPLs whose interpreter has no entry in programs.INTERPRETERS: a session unless given a file to run or code.
_REPLS = frozenset(
    {
        "irb",
        "pry",
        "ghci",
        "iex",
        "jshell",
        "ipython",
        "ipython3",
        "bpython",
        "ptpython",
        "swipl",
        "utop",
        "ocaml",
        "gnuplot",
        "groovysh",
        "kotlinc",
        "amm",
        "psysh",
    }
)
# Debuggers: a session unless told to run a batch (the options that do).
_DEBUGGERS = {
    "gdb": ("-batch", "--batch", "-x", "--command"),
    "cgdb": ("-batch", "--batch"),
    "lldb": ("-b", "--batch", "-s", "--source"),
    "jdb": (),
    "pdb": (),
    "ipdb": (),
    "rdbg": ("--nonstop", "-n"),
    "dlv": ("--headless",),
}
# File-transfer and remote-session clients with a local shell escape (`!cmd`): a session unless run as a batch.
_TRANSFER = {"ftp": ("-s",), "sftp": ("-b",), "lftp": ("-c", "-f"), "telnet": (), "tftp": ()}
# Terminal multiplexers: the shell they start reads the terminal; their subcommands that start or attach a session.
_MULTIPLEXERS = {
    "tmux": frozenset({"new", "new-session", "attach", "attach-session", "a", "at", "att", "attach-sess"}),
    "byobu": frozenset({"new", "new-session", "attach", "attach-session", "a", "at"}),
    "zellij": frozenset({"attach", "a", "options"}),
}
_TMUX_VALUED = frozenset({"-L", "-S", "-f", "-c", "-T"})
# Programs that start the user's shell on the terminal (a project's environment manager's `shell`, nix's), by the
# subcommand that does ("" for the program itself), and the options that run one command instead (round 11d).
_SHELL_STARTERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "nix-shell": ("", ("--run", "--command")),
    "nix": ("develop", ("-c", "--command")),
    "poetry": ("shell", ()),
    "pipenv": ("shell", ()),
    "hatch": ("shell", ()),
    "devbox": ("shell", ("--print-env",)),
    "pixi": ("shell", ()),
}
# Programs whose own grammar opens a console on the terminal: an application's REPL or its database's client started by
# the framework's management command, a build tool's REPL or shell (round 13, term13). Each program's grammar: "sub"
# (its first operand is the subcommand: `manage.py shell`, `flask --app web shell`) or "list" (each operand is a command
# it runs in turn, none starts its shell: `sbt`, `sbt compile console`); per subcommand ("" for none given) the options
# that hand it the code or command to run instead (it runs that and exits: `manage.py shell -c CODE`), and whether an
# operand is that command (`npx cowsay`, `dotnet fsi build.fsx`) rather than what the console opens on (`scrapy shell
# URL`, `cabal repl lib`).
_CONSOLES: dict[str, tuple[str, dict[str, tuple[tuple[str, ...], bool]]]] = {
    # Django's manage.py, django-admin and `python -m django`: dbshell hands the words after `--` to the database client
    "django": (
        "sub",
        {
            "shell": (("-c", "--command"), False),
            "shell_plus": (("-c", "--command"), False),
            "dbshell": (("-c", "-e", "--command", "--execute", "-f", "--file"), False),
        },
    ),
    "flask": ("sub", {"shell": ((), False)}),
    # Laravel's artisan: tinker (PsySH) unless --execute; `artisan db` starts the database's own client
    "artisan": ("sub", {"tinker": (("--execute",), False), "db": ((), False)}),
    "scrapy": ("sub", {"shell": (("-c",), False)}),
    "jupyter": ("sub", {"console": ((), False)}),
    "lein": ("sub", {"repl": ((":headless",), False)}),
    "stack": ("sub", {"ghci": ((), False), "repl": ((), False)}),
    "cabal": ("sub", {"repl": ((), False), "v2-repl": ((), False), "new-repl": ((), False), "v1-repl": ((), False)}),
    "rebar3": ("sub", {"shell": ((), False)}),
    "bundle": ("sub", {"console": ((), False)}),
    "dotnet": ("sub", {"fsi": ((), True)}),
    "dune": ("sub", {"utop": ((), False)}),
    # npm exec / npx with no command: an interactive shell in the package's environment (npm's docs)
    "npm": ("sub", {"exec": (("-c", "--call"), True), "x": (("-c", "--call"), True)}),
    "npx": ("list", {"": (("-c", "--call"), True)}),
    # a shell or a database console on a machine or service the tool manages, unless given the command to run
    "vagrant": ("sub", {"ssh": (("-c", "--command"), False)}),
    "minikube": ("sub", {"ssh": ((), True)}),
    "multipass": ("sub", {"shell": ((), False)}),
    "lando": ("sub", {"ssh": (("-c", "--command"), False)}),
    "ddev": ("sub", {"ssh": ((), False), "mysql": (("-e", "--execute"), False), "psql": (("-c", "--command"), False)}),
    "fly": ("sub", {"ssh console": (("-C", "--command"), False), "postgres connect": ((), False), "pg connect": ((), False)}),
    "heroku": ("sub", {"pg:psql": (("-c", "--command", "-f", "--file"), False)}),
    "railway": ("sub", {"connect": ((), False), "shell": ((), False)}),
    "bb": ("sub", {"repl": ((), False)}),
    "scala-cli": ("sub", {"repl": ((), False)}),
    "sbt": ("list", {"": ((), False), "shell": ((), False), "console": ((), False), "consoleQuick": ((), False), "consoleProject": ((), False)}),
}
# The scripts and program names that are one of those grammars' launchers.
_LAUNCHERS = {"manage.py": "django", "django-admin": "django", "django-admin.py": "django", "artisan": "artisan", "flyctl": "fly"}
# The options before a subcommand that take a value, where the grammars have them (`flask --app web shell`).
_CONSOLE_VALUED = frozenset({"--app", "-A", "-e", "--env-file", "--settings", "--pythonpath", "-w", "--workspace", "-p", "--package", "--prefix"})
# Container engines read with docker's options (_container).
_CONTAINER_ENGINES = frozenset({"docker", "podman", "nerdctl"})
_HELP = frozenset({"-h", "--help", "help", "-V", "--version", "version"})


# Mail readers and senders: their `!command` and compose mode's `~!command` run a shell command (round 11d).
_MAILERS = frozenset({"mail", "mailx", "s-nail", "nail", "Mail"})
# The hosts that are this machine: a login shell there is a local shell the hook does not see (round 11d).
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", "ip6-localhost"})
# Pagers: `!command` runs a shell command (less, more, most), unless their output is not a terminal.
PAGERS = frozenset({"less", "more", "most", "pg", "lv"})
# Editors and file managers with a command to run a shell command (nano's ^R^X, micro's `run`, kakoune's `!`, helix's
# `:sh`, ranger's `!`, mc's subshell): a list extension beside programs.VIMS and EMACSES.
_EDITORS = frozenset({"nano", "pico", "micro", "joe", "jed", "mcedit", "kak", "hx", "helix", "ne", "mg", "zile", "mc", "ranger", "nnn", "vifm", "lf"})
# Programs that open the user's editor on a file by default (crontab -e, visudo …), by the words that do.
_EDITOR_OPENERS = {
    "crontab": ("-e",),
    "visudo": (),
    "vipw": (),
    "vigr": (),
    "sudoedit": (),
    "kubectl": ("edit",),
    "oc": ("edit",),
    "systemctl": ("edit",),
    "virsh": ("edit",),
}
# An editor that reads no terminal (git's documented no-op editors, a print).
_NO_EDITOR = frozenset({"true", ":", "cat", "false"})
# Vim's Ex commands that end the session (a `-c CMD` / `+CMD` batch).
_QUITS = frozenset({"q", "q!", "qa", "qa!", "qall", "quit", "quitall", "wq", "wq!", "wqa", "wqall", "x", "x!", "xa", "xall", "cq", "exit"})
# Python modules that are a REPL or a debugger (`python3 -m pdb x.py`, `-m asyncio`: asyncio's REPL).
_PY_SESSIONS = frozenset({"pdb", "ipdb", "pudb", "code", "IPython", "ptpython", "bpython", "asyncio"})
_PY_VALUED = frozenset({"-W", "-X", "-Q"})
_PYTEST_DEBUG = ("--pdb", "--trace")


def typed_commands(cmd: SimpleCommand) -> str | None:
    """How *cmd*, its input being a terminal the agent types into, runs what is typed there (a phrase for the
    message); None for a program that reads data or nothing from it."""
    from .programs import CLIENTS, EMACSES, INTERPRETERS, SYSTEM_CALLERS, TCLS, UNREAD_CODE, VIMS, interpreter_alias

    name = cmd.name.rsplit("/", 1)[-1]
    vals = cmd.values()
    pager = _pager_set(cmd)
    if pager:
        return f"the pager {pager} it is given, whose `!command` runs a shell command"
    if name in PAGERS:
        if cmd.piped or cmd.captured or cmd.assigns.get("LESSSECURE") == "1":
            return None  # its output is not a terminal: it prints the file and exits
        return "a pager's `!command` runs a shell command"
    if name in VIMS or name in EMACSES or name in _EDITORS:
        return None if _editor_batch(name, vals, name in VIMS) else "an editor's command to run a shell command (`:!cmd`)"
    if name in _EDITOR_OPENERS:
        words = _EDITOR_OPENERS[name]
        if (not words or any(w in vals for w in words)) and not _editor_off(cmd, ("VISUAL", "EDITOR")):
            return "the editor it opens, whose command to run a shell command (`:!cmd`) runs what is typed"
        return None
    if name == "git":
        return _git(cmd, vals)
    if name in _MULTIPLEXERS or name == "screen":
        return "the shell it starts" if _multiplexer_session(name, vals) else None
    if name in _DEBUGGERS:
        return None if any(v.split("=", 1)[0] in _DEBUGGERS[name] for v in vals) else "a debugger runs the commands typed at it (gdb's `shell`)"
    if name in _SHELL_STARTERS:
        sub, batch = _SHELL_STARTERS[name]
        if (not sub or _operands(vals)[:1] == [sub]) and not any(v.split("=", 1)[0] in batch for v in vals):
            return "the shell it starts"
        return None
    if name in _MAILERS:
        return "its `!command` and `~!command` run a shell command"
    if name in ("ssh", "autossh"):
        return _local_login(cmd)
    if name in _TRANSFER:
        if any(v in _TRANSFER[name] for v in vals) or any("://" in v for v in vals):
            return None  # a batch file, or a URL fetched and gone
        if name == "lftp" and _lftp_quits(vals):
            return None  # `lftp -e 'mirror …; quit' HOST`: its commands end the session
        return "its `!command` runs a local shell command"
    if name in ("pytest", "py.test"):
        return "pytest's debugger (--pdb) runs the Python typed at it" if any(v in _PYTEST_DEBUG for v in vals) else None
    if name in _CONTAINER_ENGINES:
        return _container(cmd)
    if name in _LAUNCHERS or name in _CONSOLES:
        return _console(_LAUNCHERS.get(name, name), vals)
    lang = INTERPRETERS.get(name) or interpreter_alias(name)
    if lang == "python":
        return _python(vals)
    if lang == "js":
        if name in ("deno", "bun") and vals[:1] == ["repl"]:
            return "its REPL runs the code typed at it"
        if vals[:1] == ["inspect"] or (any(v in ("-i", "--interactive") for v in vals) and _operands(vals)):
            return "its REPL or debugger runs the code typed at it"
        return None
    if lang == "perl":
        return "perl's debugger (-d) runs the Perl typed at it" if "-d" in vals else None
    if lang is not None:
        at = _script_at(vals)
        if 0 <= at < len(vals) and vals[at].rsplit("/", 1)[-1] in _LAUNCHERS:
            return _console(_LAUNCHERS[vals[at].rsplit("/", 1)[-1]], vals[at + 1 :])  # `php artisan tinker`
    if name in CLIENTS:
        return _client(cmd, name, vals)
    code_opts: tuple[str, ...] | None = None
    if name in _REPLS:
        code_opts = ("-e", "-c", "--eval", "-x")
    elif name in UNREAD_CODE and name not in ("crystal", "nim", "tcc"):
        code_opts = UNREAD_CODE[name]
    elif name in SYSTEM_CALLERS and name != "ghc":
        code_opts = SYSTEM_CALLERS[name]
    elif name in TCLS or name in ("dc", "erl"):
        code_opts = ("-e", "-f", "-eval", "-noshell", "-noinput")
    if code_opts is None:
        return None
    if name in ("iex", "pry"):
        return "its REPL runs the code typed at it"  # iex -S mix, pry -r FILE: a session after loading
    if any(v.split("=", 1)[0] in code_opts for v in vals) or _operands(vals):
        return None
    return "its REPL runs the code typed at it"


def _console(program: str, vals: list[str]) -> str | None:
    """The console *program* (a _CONSOLES grammar) opens given the words *vals* after its name, as a phrase; None
    where they name no console, hand it the code or command to run instead, or ask for its help."""
    grammar, subs = _CONSOLES[program]
    if any(v in _HELP for v in vals):
        return None
    ops: list[int] = []
    k = 0
    while k < len(vals):
        v = vals[k]
        if v in _CONSOLE_VALUED and not ops:
            k += 2  # `flask --app web shell`: the option's value, not the subcommand
            continue
        if v != "--" and (not v.startswith("-") or v == "-"):
            ops.append(k)
        k += 1
    if grammar == "list":
        words = [vals[k] for k in ops]
        named = [w for w in words if w in subs and w]
        if named:
            return f"its console (`{program} {named[0]}`) runs the code or commands typed at it"
        if "" not in subs or (words and not subs[""][1]):
            return None  # `sbt compile test`: the commands named run, no shell starts
        sub, rest = "", vals
    elif not ops:
        if "" not in subs:
            return None
        sub, rest = "", vals
    else:
        n = 2 if len(ops) > 1 and f"{vals[ops[0]]} {vals[ops[1]]}" in subs else 1  # `fly ssh console`
        sub, rest = " ".join(vals[j] for j in ops[:n]), vals[ops[n - 1] + 1 :]
        if sub not in subs:
            return None
        ops = ops[n:]
    batch, runs = subs[sub]
    if any(v.split("=", 1)[0] in batch for v in rest):
        return None
    if runs and ops:
        return None  # `npx cowsay hi`, `dotnet fsi build.fsx`: the command or script given runs
    what = f"{program} {sub}".strip()
    return f"its console (`{what}`) runs the code or commands typed at it"


# The language each console and REPL reads (its input, a terminal's or a pipe's), by the interpreter whose reading
# judges it (term13: `echo CODE | python3 manage.py shell` ran unread). A SQL console is read as the database client;
# a language clearance does not read as that language's program of programs.UNREAD_CODE (asked, its literal
# system()-like calls and hidden paths judged).
CONSOLE_LANGUAGES = {
    "django shell": "python3",
    "django shell_plus": "python3",
    "django dbshell": "psql",
    "flask shell": "python3",
    "scrapy shell": "python3",
    "jupyter console": "python3",
    "artisan tinker": "php",
    "artisan db": "psql",
    "bundle console": "ruby",
    "lein repl": "clojure",
    "bb repl": "bb",
    "irb": "ruby",
    "pry": "ruby",
    "ipython": "python3",
    "ipython3": "python3",
    "bpython": "python3",
    "ptpython": "python3",
    "psysh": "php",
    "jshell": "jshell",
}


def fed_console(cmd: SimpleCommand) -> str | None:
    """The interpreter whose reading judges what *cmd*'s console or REPL is fed on its input (`echo CODE | python3
    manage.py shell` -> python3, `php artisan tinker <<< CODE` -> php, `jshell <<< CODE` -> jshell); None where
    *cmd* opens no console CONSOLE_LANGUAGES knows the language of, or is handed its code another way."""
    from .programs import INTERPRETERS, interpreter_alias

    name = cmd.name.rsplit("/", 1)[-1]
    vals = cmd.values()
    if name in CONSOLE_LANGUAGES:
        return CONSOLE_LANGUAGES[name] if not _operands(vals) and typed_commands(cmd) is not None else None
    program, rest = _LAUNCHERS.get(name, name), vals
    lang = INTERPRETERS.get(name) or interpreter_alias(name)
    if lang in ("python", "php"):
        at = _script_at(vals) if lang == "php" else next((k for k, v in enumerate(vals) if not v.startswith("-")), -1)
        if lang == "python" and "-m" in vals[:-1]:
            at = vals.index("-m") + 1
        if not 0 <= at < len(vals):
            return None
        program, rest = _LAUNCHERS.get(vals[at].rsplit("/", 1)[-1], vals[at]), vals[at + 1 :]
    if program not in _CONSOLES or _console(program, rest) is None:
        return None
    for sub, language in CONSOLE_LANGUAGES.items():
        head, _, word = sub.partition(" ")
        if head == program and word in _operands(rest)[:1]:
            return language
    return None


def _container(cmd: SimpleCommand) -> str | None:
    """A container engine handing the terminal to a container's own command: `run -i IMAGE` with no command (the
    image's: a shell or a REPL in the base images, `docker run -it ubuntu`), `start -i`, `attach` (unless --no-stdin).
    Without -i the container's input is closed (docker's run reference), and a command given is judged as written
    (unwrap_containers: `docker run -it ubuntu bash`)."""
    from .options import normalise_words

    words = list(cmd.args)
    at = next((k for k, w in enumerate(words) if not w.value.startswith("-")), -1)
    if at >= 0 and words[at].value == "container":
        del words[at]  # docker container run: docker run
    nc = normalise_words("docker", words)
    if nc.has("help"):
        return None
    if nc.sub == ("run",) and nc.has("interactive") and len(nc.words) == 1 and not nc.has("detach") and not nc.value("entrypoint"):
        return "the image's own command (a shell or a REPL in the base images) runs what is typed"
    if nc.sub == ("start",) and nc.has("interactive"):
        return "the container's own command runs what is typed"
    if nc.sub == ("attach",) and not nc.has("no-stdin"):
        return "the container's own command runs what is typed"
    return None


def _script_at(vals: list[str]) -> int:
    """Where the script an interpreter runs stands among its words (php's `-f FILE`, after `-d K=V`); -1 for none."""
    k = 0
    while k < len(vals):
        v = vals[k]
        if v == "-f":
            return k + 1
        if v in ("-d", "-c", "-z", "-I", "-r"):
            k += 2
        elif v.startswith("-"):
            k += 1
        else:
            return k
    return -1


def _operands(vals: list[str]) -> list[str]:
    return [v for v in vals if not v.startswith("-") and not v.startswith("+")]


def _pager_set(cmd: SimpleCommand) -> str:
    """The pager a variable on the line names (`GIT_PAGER=less git log`, `MANPAGER=less man ls`), if a terminal one."""
    for key, value in cmd.assigns.items():
        if key.endswith("PAGER") and value.split():
            prog = value.split()[0].rsplit("/", 1)[-1]
            if prog in PAGERS:
                return prog
    return ""


def _editor_off(cmd: SimpleCommand, keys: tuple[str, ...]) -> bool:
    """The first of *keys* set on the line names a no-op editor (`GIT_EDITOR=true`)."""
    for key in keys:
        value = cmd.assigns.get(key)
        if value is not None:
            return (value.split() or [""])[0].rsplit("/", 1)[-1] in _NO_EDITOR
    return False


def _lftp_quits(vals: list[str]) -> bool:
    """lftp's `-e CMDS` runs CMDS and then reads the terminal, unless CMDS end with quit, exit or bye (its documented
    batch form, `lftp -e 'mirror /pub ./pub; quit' HOST`); a `!command` among them is a shell on the terminal."""
    cmds = [vals[k + 1] for k in range(len(vals) - 1) if vals[k] == "-e"]
    if not cmds:
        return False
    parts = [p.strip() for c in cmds for p in c.replace("&&", ";").replace("||", ";").split(";")]
    parts = [p for p in parts if p]
    if not parts or any(p.startswith("!") or p.split()[0] in ("shell", "local") for p in parts):
        return False
    return parts[-1].split()[0] in ("quit", "exit", "bye")


def _editor_batch(name: str, vals: list[str], vim: bool) -> bool:
    """An editor run as a batch: vim's Ex commands ending in a quit (`vim -c wq x`, `+q`), `--headless`, emacs's
    `--batch`, nano's restricted mode."""
    if any(v in ("--batch", "-batch", "--script", "--headless", "--help", "--version", "-h") for v in vals):
        return True
    if name in ("nano", "pico") and any(v in ("-R", "--restricted") for v in vals):
        return True
    if vim:
        cmds = [vals[k + 1] for k in range(len(vals) - 1) if vals[k] == "-c"] + [v[1:] for v in vals if v.startswith("+") and len(v) > 1]
        return bool(cmds) and cmds[-1].strip().split("|")[-1].strip() in _QUITS
    return False


def _git(cmd: SimpleCommand, vals: list[str]) -> str | None:
    """git's commands that open the editor on a terminal: commit without a message, rebase -i, an annotated tag
    without one, config --edit; none where the line sets a no-op editor."""
    from .programs import git_subcommand_at

    i = git_subcommand_at(vals)
    if i >= len(vals):
        return None
    sub, rest = vals[i], vals[i + 1 :]
    shorts = "".join(v[1:] for v in rest if v.startswith("-") and not v.startswith("--"))
    longs = {v.split("=", 1)[0] for v in rest if v.startswith("--")}
    if sub == "commit":
        given = bool(set("mFC") & set(shorts)) or bool(longs & {"--message", "--file", "--reuse-message", "--no-edit", "--dry-run", "--fixup"})
        opens = not given or "e" in shorts or "--edit" in longs
    elif sub == "rebase":
        opens = "i" in shorts or bool(longs & {"--interactive", "--edit-todo"})
        if opens and _editor_off(cmd, ("GIT_SEQUENCE_EDITOR",)):
            return None
    elif sub == "tag":
        opens = bool(set("asu") & set(shorts) or longs & {"--annotate", "--sign", "--local-user"}) and not (
            set("mF") & set(shorts) or longs & {"--message", "--file"}
        )
    elif sub == "config":
        opens = "e" in shorts or "--edit" in longs
    else:
        return None
    if not opens or _editor_off(cmd, ("GIT_EDITOR", "VISUAL", "EDITOR")):
        return None
    return f"the editor git {sub} opens, whose command to run a shell command (`:!cmd`) runs what is typed"


def _multiplexer_session(name: str, vals: list[str]) -> bool:
    """tmux/byobu with no command or new-session/attach without -d; zellij with none or attach; screen unless it lists,
    sends a command to a session or starts one detached (-d -m)."""
    if name == "screen":
        flags = "".join(v[1:] for v in vals if v.startswith("-") and not v.startswith("--"))
        if any(v in ("-ls", "-list", "-wipe", "-X", "-Q", "-v", "--version", "-h", "--help") for v in vals):
            return False
        return not ("d" in flags and "m" in flags) and "D" not in flags.replace("DR", "")
    i = 0
    while i < len(vals) and vals[i].startswith("-"):
        i += 2 if vals[i] in _TMUX_VALUED else 1
    if i >= len(vals):
        return not any(v in ("-V", "--version", "-h", "--help") for v in vals)
    sub, rest = vals[i], vals[i + 1 :]
    if sub not in _MULTIPLEXERS[name]:
        return False
    return not any(v.startswith("-") and not v.startswith("--") and "d" in v for v in rest)


def _python(vals: list[str]) -> str | None:
    """python -i with a script or module, python -m pdb (a REPL's or a debugger's module), python -m pytest --pdb.
    Without a script, a module or code python reads its program from the terminal (unwrap's reading, not here)."""
    interactive = False
    k = 0
    while k < len(vals):
        v = vals[k]
        if v == "-m" and k + 1 < len(vals):
            module, rest = vals[k + 1], vals[k + 2 :]
            if module in _PY_SESSIONS:
                return "a REPL's or debugger's module runs the Python typed at it"
            if module in _CONSOLES:
                return _console(module, rest)  # `python3 -m django shell`
            if module == "pytest" and any(a in _PYTEST_DEBUG for a in rest):
                return "pytest's debugger (--pdb) runs the Python typed at it"
            return "python -i runs the Python typed at it once the module ends" if interactive else None
        if v.startswith("-c") and not v.startswith("--"):
            return None
        if v in _PY_VALUED:
            k += 2
            continue
        if not v.startswith("-") or v == "-":
            if v.rsplit("/", 1)[-1] in _LAUNCHERS and not interactive:
                return _console(_LAUNCHERS[v.rsplit("/", 1)[-1]], vals[k + 1 :])  # `python3 manage.py shell`
            return "python -i runs the Python typed at it once the script ends" if interactive and v != "-" else None
        if not v.startswith("--") and "i" in v[1:]:
            interactive = True
        k += 1
    return None


def _client(cmd: SimpleCommand, name: str, vals: list[str]) -> str | None:
    """A database client given no statements (`sqlite3 app.db`, `psql app`): a session running what is typed, its
    client commands with their shell escape (psql's `\\!`, sqlite3's `.shell`, mysql's `system`) among them."""
    if name == "bq" or (name == "cockroach" and vals[:1] != ["sql"]) or (name == "clickhouse" and vals[:1] not in (["client"], ["local"])):
        return None
    if any(v in ("--help", "-help", "--version", "-version", "-V") for v in vals):
        return None
    from .sqlclients import inputs

    given = inputs(cmd)
    if any(t.strip() for t in given.texts) or given.files:
        return None
    return "a database client runs the statements and client commands typed at it (psql's `\\!`, sqlite3's `.shell`)"


def _local_login(cmd: SimpleCommand) -> str | None:
    """`ssh localhost` with no remote command: the login shell it opens on this machine runs what is typed (a remote
    host's is judged as an upload of the typed input, net.upload-untrusted)."""
    from .unwrap import _SSH_OPTS, _strip_options

    i = _strip_options(cmd.argv, 1, _SSH_OPTS | {"-M"} if cmd.name.rsplit("/", 1)[-1] == "autossh" else _SSH_OPTS)
    if i >= len(cmd.argv) or len(cmd.argv) > i + 1:
        return None  # no host, or a remote command (judged as written: _remote_command_reads_no_code below)
    host = cmd.argv[i].value.rpartition("@")[2].lower()
    return "the login shell it opens on this machine" if host in _LOOPBACK or host.startswith("127.") else None


# What engine.analyse_shell asks of a call on Codex's live terminal (ctx.live_stdin) -- kept here, loaded for those calls
# only, rather than in engine.py, which every hook process loads (bench/callgrind_hook.py).
def read_from_terminal(commands: list[SimpleCommand]) -> None:
    """Each command whose standard input is not a pipe, a here-document or a file reads the live terminal: judged as
    reading the output of a program clearance cannot see (named write_stdin, the tool that types into it), so a shell
    or an interpreter there runs unseen code while a program reading data stays ordinary."""
    from .ir import SimpleCommand, Word

    for cmd in commands:
        if cmd.stdin_from or cmd.stdin_text is not None or any(r.reads and r.fd in ("", "0") for r in cmd.redirects):
            continue
        if _remote_command_reads_no_code(cmd):
            continue
        cmd.stdin_from = [SimpleCommand([Word("write_stdin", "write_stdin")], cwd=cmd.cwd)]


def _remote_command_reads_no_code(cmd: SimpleCommand) -> bool:
    """`ssh HOST 'make test'` on Codex's terminal: ssh hands what is typed to the remote command the line names, which
    is judged as written; typed input is unseen code only where that command reads code from its input. The remote
    line is read as a local one on the terminal is: a command of it whose input is ssh's (not a pipe, a file or a
    here-document of the remote line) reads code if it is a shell, an interpreter, a database client, a wrapper that may
    start one (`ssh HOST bash -s`, `ssh HOST psql app`, `ssh HOST sudo sh`), or a program shell/terminal.py reads as
    running what is typed on its terminal (an editor, a pager, a REPL, a multiplexer: `ssh HOST vim notes.txt`,
    round 10d). With no remote command the login shell reads it (`ssh HOST`), as a local shell would (round ord10d:
    `ssh build 'make test'` was denied)."""
    if cmd.name not in ("ssh", "autossh"):
        return False
    from .limits import ParseFailure
    from .parse import parse
    from .programs import INTERPRETERS, interpreter_alias
    from .unwrap import _SSH_OPTS, SHELLS, _strip_options
    from .unwrap_code import _program_from_stdin

    # where the host stands, read as unwrap._ssh reads it (autossh's -M PORT besides ssh's valued options)
    i = _strip_options(cmd.argv, 1, _SSH_OPTS | {"-M"} if cmd.name == "autossh" else _SSH_OPTS)
    words = [w.value for w in cmd.argv[i + 1 :]]  # after the host: the remote command
    if words and words[0] == "--":
        words = words[1:]
    if not words:
        return False
    try:
        # ssh joins its words with blanks and the remote shell reads the line (unwrap._ssh reads it so)
        remote = parse(" ".join(words), None, "~").commands
    except ParseFailure:
        return False
    wrappers = ("sudo", "doas", "env", "exec", "nohup", "xargs", "command")
    tty = _ssh_remote_tty(cmd.argv[1:i], _SSH_OPTS)
    for c in remote:
        if c.stdin_from or c.stdin_text is not None or any(r.reads and r.fd in ("", "0") for r in c.redirects):
            continue  # its input is the remote line's own, not what is typed
        if not tty:
            c.piped = True  # no terminal on the host (ssh allocates one for a command only with -t): a pager prints and exits
        first = c.name.rsplit("/", 1)[-1]
        lang = INTERPRETERS.get(first) or interpreter_alias(first)
        if lang is not None and _program_from_stdin([first, *c.values()], lang):
            return False  # `ssh HOST python3`: the interpreter's program is what is typed
        if first in SHELLS and not any(v.startswith("-") and not v.startswith("--") and "c" in v for v in c.values()):
            return False  # a shell given no -c reads its commands from its input (`ssh HOST bash -s`)
        if not first or first in wrappers or typed_commands(c) is not None:
            return False
    return True


def _ssh_remote_tty(opts: list[Word], valued: frozenset[str] | set[str]) -> bool:
    """ssh's options ask for a terminal on the host for the remote command: a -t in a cluster (`-t`, `-tt`, `-At`),
    or `-o RequestTTY=yes|force` (ssh gives a command none by default)."""
    j = 0
    while j < len(opts):
        v = opts[j].value
        j += 1
        if not v.startswith("-") or v.startswith("--") or len(v) < 2:
            continue
        for k, ch in enumerate(v[1:], 1):
            if ch == "t":
                return True
            if "-" + ch in valued:
                value = v[k + 1 :]
                if not value and j < len(opts):
                    value = opts[j].value
                    j += 1
                key, _, got = value.replace(" ", "=", 1).partition("=")
                if ch == "o" and key.strip().lower() == "requesttty" and got.strip().lower() in ("yes", "force"):
                    return True
                break
    return False
