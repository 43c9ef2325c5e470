"""Unwrapping launchers and shells: what env, terminals, tmux, screen and the shells (`bash -c`, fish -C, a script on
standard input) run.  Loaded the first time a command needs one of these methods (unwrap.Unwrapper.__getattr__)."""

from __future__ import annotations

from .. import pathstr
from ..paths import DYN
from .ir import SimpleCommand, Word, shell_quote
from .outputs import literal_stdin
from .unwrap import (
    _PRINT_ONLY,
    _PROCESS_MANAGERS,
    _SHARERS,
    _STDIN_NAMES,
    _WRAPPER_CLEARS,
    _WRAPPER_ENVS,
    NO_HOME,
    Unwrapper,
    _fd_name,
    _names,
    _reads_tool_input,
    _setup_generator,
    _strip_options,
    cat_files,
    shell_flags,
)

# fish's options (fish.cpp, getopt "+hPilNnvc:C:p:d:f:D:o:"): the long ones, those that take a value, and the short
# letters that take one.
_FISH_LONG = (
    "command", "init-command", "features", "debug", "debug-output", "debug-stack-frames", "interactive", "login",
    "no-config", "no-execute", "print-rusage-self", "print-debug-categories", "profile", "profile-startup", "private",
    "help", "version",
)  # fmt: skip
_FISH_LONG_VALUE = frozenset({"command", "init-command", "features", "debug", "debug-output", "debug-stack-frames", "profile", "profile-startup"})
_FISH_SHORT_VALUE = frozenset("cCpdfDo")


# pm2's and forever's options that take the next word as their value.
_MANAGER_VALUED = frozenset({"--name", "-n", "--cwd", "--log", "-l", "-o", "-e", "-i", "--interpreter", "-c", "--cron", "--watch-delay", "-p", "--pidFile"})
# concurrently's options that take the next word as their value.
_CONCURRENTLY_VALUED = frozenset(
    {
        "-n",
        "--names",
        "-c",
        "--prefix-colors",
        "-p",
        "--prefix",
        "-s",
        "--success",
        "--restart-tries",
        "-l",
        "--prefix-length",
        "-t",
        "--timestamp-format",
        "--name-separator",
        "--default-input-target",
        "--restart-after",
        "-m",
        "--max-processes",
        "--handle-input",
    }
)


_SHARER_VALUE_OPTS = frozenset(
    {"-p", "-i", "-U", "-c", "-H", "-u", "-g", "-s", "-w", "-t", "-T", "-P", "-C", "-K", "-A", "-d", "-m", "-I", "-b", "-a"}
    | {"--port", "--interface", "--credential", "--uid", "--gid", "--signal", "--cwd", "--client-option", "--address"}
    | {"--ping-interval", "--ssl-cert", "--ssl-key", "--ssl-ca", "--debug", "--max-clients", "--index", "--base-path", "--config"}
)


# tmux commands whose operands the server keeps and runs later (a window's shell, a hook, a key binding).
_TMUX_LATER = frozenset({"set-option", "set", "set-window-option", "setw", "set-hook", "bind-key", "bind", "if-shell", "if"})
# tmux options whose value is a shell command the server runs later: every new window's (default-command), the
# locking program's (lock-command, run after lock-after-time idle seconds), the copy pipe's (copy-command; round 15a).
_TMUX_SHELL_OPTIONS = frozenset({"default-command", "lock-command", "copy-command"})
_TMUX_VALUE_OPTS = frozenset({"-s", "-n", "-t", "-c", "-e", "-x", "-y", "-F", "-l", "-p", "-w"})


# tmux's own options before its command that take a value (`tmux -L NAME`, `-S PATH`, `-f FILE`, `-T FEATURES`, `-c
# SHELL-COMMAND`): the value is no tmux command.
_TMUX_GLOBAL_VALUED = "LSfTc"


def tmux_command_start(vals: list[str]) -> int:
    """The index in *vals* (argv's values, the program's name first) of tmux's command, past its own options and their
    values (`tmux -L dev send-keys …`: the command is send-keys, not dev; `-uLdev` glued), or len(vals)."""
    j = 1
    while j < len(vals) and vals[j].startswith("-") and vals[j] != "--":
        w = vals[j]
        j += 1
        for k, ch in enumerate(w[1:], 1):
            if ch in _TMUX_GLOBAL_VALUED:
                if k == len(w) - 1:
                    j += 1  # the value is the next word
                break
    if j < len(vals) and vals[j] == "--":
        j += 1
    return j


def _tmux_shell_command_option(word: str) -> bool:
    """Whether *word* is tmux's -c with its value in the next word (`-c`, `-uc`)."""
    return word[:1] == "-" and word.endswith("c") and all(ch.isalnum() and ch not in _TMUX_GLOBAL_VALUED for ch in word[1:-1])


_TMUX_KEY_NAMES = frozenset({"Enter", "C-m", "C-j", "C-c", "Escape", "Tab", "Space", "BSpace", "KPEnter"})


# Variables naming a file a shell reads and runs as it starts, input or none: bash's BASH_ENV (a non-interactive
# bash), sh's ENV (an interactive one), zsh's ZDOTDIR (its .zshenv), HOME and XDG_CONFIG_HOME (where every shell and
# fish look for their start-up files); and the history file an interactive shell trims to HISTFILESIZE as it starts.
_STARTUP_VARIABLES = ("BASH_ENV", "ENV", "ZDOTDIR", "HOME", "XDG_CONFIG_HOME", "HISTFILE", "HISTFILESIZE")


# fish's options whose value is a command line it runs (-C/--init-command before the shell reads its input; the long
# form of -c): judged as that line.
_FISH_CODE = ("-C", "--init-command", "--command")


def _startup_file(cmd: SimpleCommand, options: list[Word]) -> bool:
    """Whether the shell is given a start-up file of its own choosing (BASH_ENV=…, --rcfile, --init-file): that file
    runs even when no command reaches its input."""
    return any(k in cmd.assigns for k in _STARTUP_VARIABLES) or any(w.value.startswith(("--rcfile", "--init-file")) for w in options)


def _env_split_string(a: str) -> str | None:
    """The STRING of env's -S/--split-string when *a* carries the option: "" when it is in the next word, None otherwise."""
    head, eq, value = a.partition("=")
    if len(head) > 2 and "--split-string".startswith(head):
        # GNU env reads its long options as getopt_long does: any prefix of one (`--s`, `--split`) is that option
        return value if eq else ""
    if a.startswith("-") and not a.startswith("--"):
        for j, ch in enumerate(a[1:], 1):
            if ch == "S":
                return a[j + 1 :]
            if ch in "uC" or not ch.isalnum():  # an option that takes the rest of the word as its own value
                return None
    return None


def _env_escapes(text: str) -> str:
    r"""env -S's own escapes in *text*, as the shell text it is read as: `\_` separates words outside quotes and is a
    space inside double quotes (either way a blank here), `\c` ends the string (GNU env(1) "-S"); in single quotes no
    escape but `\\` and `\'` is read. `env -S'rm\_-rf\_/home/ana'` is `rm -rf /home/ana`."""
    if "\\" not in text:
        return text
    out: list[str] = []
    quote = ""
    k = 0
    while k < len(text):
        ch = text[k]
        if ch == "'" and quote != '"':
            quote = "" if quote == "'" else "'"
        elif ch == '"' and quote != "'":
            quote = "" if quote == '"' else '"'
        elif ch == "\\" and k + 1 < len(text) and quote != "'":
            nxt = text[k + 1]
            if nxt == "_":
                out.append(" ")
                k += 2
                continue
            if nxt == "c":
                break
            out.append(text[k : k + 2])
            k += 2
            continue
        out.append(ch)
        k += 1
    return "".join(out)


def _prints_nothing_fetched(c: SimpleCommand) -> bool:
    """A network client that hands nothing it fetched to its stdout whatever its configuration says: `nc -z` only
    probes a port (no data either way), `curl --version` / `wget --help` print their own text and exit before any
    transfer.  (`wget URL` and `curl -o f URL` write a file, but a ~/.wgetrc or .curlrc, which HOME=/tmp can
    move, may set the output to stdout: those stay shell.piped-script.)"""
    if c.stdin_from or not c.args:
        return False
    if c.name in ("curl", "wget"):
        return c.args[0].value in ("--version", "--help", "-V", "-h", "--manual", "-M")
    return c.name in ("nc", "ncat", "netcat") and any(v.startswith("-") and not v.startswith("--") and "z" in v[1:] and DYN not in v for v in c.values())


class Methods(Unwrapper):
    """The methods Unwrapper takes on from here (unwrap.LATER)."""

    def _screen_command(self, cmd: SimpleCommand) -> bool:
        """`screen -X stuff TEXT` types TEXT into a session's shell (`\\n` and `^M` end a line, as tmux send-keys'
        Enter does); `screen -X exec CMD ARGS` runs CMD in the window. True when one was read."""
        vals = [w.value for w in cmd.argv]
        k = next((j for j in range(1, len(vals) - 2) if vals[j] == "-X"), None)
        if k is None or vals[k + 1] not in ("stuff", "exec", "screen", "shell", "defshell"):
            return False
        self.out.commands.append(cmd)
        if vals[k + 1] == "stuff":
            self.reparse(vals[k + 2].replace("\\n", "\n").replace("\\r", "\n").replace("^M", "\n"), cmd, "screen -X stuff")
        elif vals[k + 1] in ("shell", "defshell"):
            # The program every later window of the session starts (adversarial round 15a), as tmux's default-shell.
            self.command(cmd.derive(cmd.argv[k + 2 : k + 3], f"screen -X {vals[k + 1]}"))
        else:
            # `screen -X exec CMD ARGS` runs CMD in the window; `screen -X screen CMD ARGS` in a new window.
            self.command(cmd.derive(cmd.argv[k + 2 :], f"screen -X {vals[k + 1]}"))
        return True

    def _launcher(self, cmd: SimpleCommand) -> None:
        """Programs that run a command later or elsewhere: terminals, tmux, entr, start-stop-daemon, at."""
        self.out.commands.append(cmd)
        name = cmd.name
        argv = cmd.argv
        vals = [w.value for w in argv]
        if name in ("at", "batch"):
            if cmd.stdin_text is not None:
                self.reparse(cmd.stdin_text, cmd, f"{name} job", stdin_text=None)
            elif cmd.stdin_from:
                self._stdin_script(cmd)
            return
        if name in _SHARERS:
            # ttyd/gotty [OPTIONS] CMD ARGS, upterm host [--force-command CMD] -- CMD, sshx --shell PROGRAM: what the
            # shared terminal runs (judged as a command, as a terminal's -e is).
            if name in ("ttyd", "gotty"):
                i = _strip_options(argv, 1, _SHARER_VALUE_OPTS)
                if i < len(argv):
                    self.command(cmd.derive(argv[i:], name))
            elif name == "upterm":
                for j, v in enumerate(vals):
                    if v == "--force-command" and j + 1 < len(vals):
                        self.reparse(vals[j + 1], cmd, "upterm --force-command")
                if "--" in vals and vals.index("--") + 1 < len(vals):
                    self.command(cmd.derive(argv[vals.index("--") + 1 :], "upterm host"))
            else:
                for j, v in enumerate(vals):
                    if v == "--shell" and j + 1 < len(vals):
                        self.command(cmd.derive([argv[j + 1]], "sshx --shell"))
            return
        if name in ("tmux", "tmate"):
            start = tmux_command_start(vals)
            top = next((j for j in range(1, start) if _tmux_shell_command_option(vals[j])), 0)
            if top and top + 1 < len(vals):
                # tmux -c CMD: the client runs CMD with the default shell, as sh -c, with its own input (no session)
                self.reparse(vals[top + 1], cmd, f"{name} -c", None, True)
                return
            sub = vals[start] if start < len(vals) else ""
            if sub in (
                "new",
                "new-session",
                "new-window",
                "neww",
                "split-window",
                "splitw",
                "respawn-pane",
                "respawn-window",
                "run-shell",
                "run",
                "display-popup",
                "popup",
                "pipe-pane",
                "pipep",
            ):
                # The shell command is the last operand; options with values come before it.
                j = start + 1
                while j < len(vals) and vals[j].startswith("-"):
                    j += 2 if vals[j] in _TMUX_VALUE_OPTS else 1
                if j < len(vals):
                    self.reparse(" ".join(vals[j:]), cmd, f"tmux {sub}")
            elif sub in _TMUX_LATER:
                # A command the server keeps and runs later, outside any hook (adversarial round 14a): the option
                # default-command (every new window's shell command) or default-shell (its program), a hook's or a key
                # binding's tmux command, if-shell's shell command and tmux commands.
                j = start + 1
                while j < len(vals) and vals[j].startswith("-"):
                    j += 2 if vals[j] in ("-t", "-T", "-N") else 1
                kept = vals[j:]
                if sub in ("set-option", "set", "set-window-option", "setw"):
                    if len(kept) >= 2 and kept[0] in _TMUX_SHELL_OPTIONS:
                        # A new window's shell reads that window's terminal, the user's, not the agent's input.
                        self.reparse(kept[1] + " < /dev/null", cmd, f"tmux {sub} {kept[0]}")
                    elif len(kept) >= 2 and kept[0] in ("default-shell", "editor"):
                        self.command(cmd.derive([argv[j + 1]], f"tmux {sub} {kept[0]}"))
                    elif len(kept) >= 2 and kept[0].startswith("command-alias") and "=" in kept[1]:
                        # command-alias[N] 'NAME=COMMAND': the tmux command NAME runs from then on (round 15a)
                        self.reparse("tmux " + kept[1].split("=", 1)[1], cmd, f"tmux {sub} command-alias")
                    elif len(kept) >= 2:
                        # A format's #(COMMAND) runs at every refresh of the status line (status-right, …).
                        for part in kept[1].split("#(")[1:4]:
                            if ")" in part:
                                self.reparse(part[: part.rindex(")")], cmd, f"tmux {sub} {kept[0]}")
                elif sub in ("if-shell", "if"):
                    if kept:
                        self.reparse(kept[0], cmd, f"tmux {sub}")
                    for later in kept[1:3]:
                        self.reparse("tmux " + later, cmd, f"tmux {sub}")
                elif len(kept) >= 2:  # set-hook NAME COMMAND, bind-key KEY COMMAND [ARGS]
                    self.reparse("tmux " + " ".join(shell_quote(v) for v in kept[1:]) if len(kept) > 2 else "tmux " + kept[1], cmd, f"tmux {sub}")
            elif sub in ("send-keys", "send"):
                j = start + 1
                while j < len(vals) and vals[j].startswith("-"):
                    j += 2 if vals[j] in ("-t", "-N", "-c") else 1
                keys = [v for v in vals[j:] if v not in _TMUX_KEY_NAMES]
                if keys:
                    self.reparse(" ".join(keys), cmd, "tmux send-keys")
            return
        if name in _PROCESS_MANAGERS:
            self._process_manager(cmd, name, argv, vals)
            return
        if name == "entr":
            if "-s" in vals:
                k = vals.index("-s")
                if k + 1 < len(vals):
                    self.reparse(vals[k + 1], cmd, "entr -s")
                return
            i = _strip_options(argv, 1, frozenset())
            if i < len(argv):
                self.command(cmd.derive(argv[i:], "entr"))
            return
        if name == "start-stop-daemon":
            exe = None
            for j, v in enumerate(vals):
                if v in ("--exec", "-x", "--startas", "-a") and j + 1 < len(vals):
                    exe = argv[j + 1]
            if exe is not None and ("--start" in vals or "-S" in vals):
                rest = argv[vals.index("--") + 1 :] if "--" in vals else []
                self.command(cmd.derive([exe, *rest], "start-stop-daemon"))
            return
        # Terminal emulators: `xterm -e cmd args`, `gnome-terminal -- cmd`, `kitty cmd`.
        if "--" in vals:
            rest = argv[vals.index("--") + 1 :]
        elif "-e" in vals or "-x" in vals or "--command" in vals:
            k = next(j for j, v in enumerate(vals) if v in ("-e", "-x", "--command"))
            rest = argv[k + 1 :]
        elif name in ("kitty", "wezterm", "foot"):
            i = _strip_options(argv, 1, frozenset({"--title", "-T", "--class", "-o", "--directory", "-d"}))
            rest = argv[i:]
            if rest and rest[0].value == "start":
                rest = rest[1:]
        else:
            rest = []
        if len(rest) == 1 and " " in rest[0].value:
            self.reparse(rest[0].value, cmd, name)
        elif rest:
            self.command(cmd.derive(rest, name))

    def _process_manager(self, cmd: SimpleCommand, name: str, argv: list[Word], vals: list[str]) -> None:
        """What a process manager starts: `pm2 start|restart CMD [-- ARGS]` (a command line with spaces runs in a shell,
        a script by its interpreter, a program with the arguments after --), `forever start [-c PROG] SCRIPT`,
        `concurrently "CMD" "CMD"…` (each operand a command line), `nodemon --exec|-x "CMD"` (fix16)."""
        if name == "nodemon":
            for j, v in enumerate(vals[:-1]):
                if v in ("--exec", "-x"):
                    self.reparse(vals[j + 1], cmd, "nodemon --exec")
            return
        if name == "concurrently":
            skip = False
            for v in vals[1:]:
                if skip:
                    skip = False
                elif v in _CONCURRENTLY_VALUED:
                    skip = True
                elif not v.startswith("-"):
                    self.reparse(v, cmd, "concurrently")
            return
        end = vals.index("--") if "--" in vals else len(vals)
        # (pm2 start --name web CMD, forever start -c sh X: an option's value is not the command)
        ops = [j for j in range(1, end) if not vals[j].startswith("-") and vals[j - 1] not in _MANAGER_VALUED]
        if len(ops) < 2 or vals[ops[0]] not in ("start", "restart", "reload"):
            return
        j = ops[1]
        target = vals[j]
        if DYN in target:
            return
        label = f"{name} {vals[ops[0]]}"
        forever_prog = next((vals[k + 1] for k, v in enumerate(vals[:-1]) if v == "-c" and name == "forever"), None)
        rest = argv[vals.index("--") + 1 :] if "--" in vals else []
        if forever_prog is not None:
            self.reparse(f"{forever_prog} {shell_quote(target)}", cmd, label)
        elif any(c in target for c in " ;|&"):
            self.reparse(target, cmd, label)
        elif target.endswith((".js", ".cjs", ".mjs", ".ts", ".py", ".sh")):
            runner = "python3" if target.endswith(".py") else "bash" if target.endswith(".sh") else "node"
            self.command(cmd.derive([Word(runner, runner), argv[j], *rest], label))
        elif not target.endswith((".json", ".yml", ".yaml", ".config.js")):
            self.command(cmd.derive([argv[j], *rest], label))

    def _env(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        i = 1
        assigns = dict(cmd.assigns)
        cwd = cmd.cwd
        while i < len(argv):
            a = argv[i].value
            if a in ("-u", "--unset"):
                if i + 1 < len(argv):
                    assigns.pop(argv[i + 1].value, None)
                i += 2
            elif a.startswith("--unset=") or (a.startswith("-u") and len(a) > 2 and not a.startswith("--")):
                assigns.pop(a.split("=", 1)[1] if a.startswith("--") else a[2:], None)
                i += 1
            elif a in ("-i", "--ignore-environment", "-"):
                assigns = {}  # the program starts with only the VAR=value words that follow
                i += 1
            elif (a in ("-C", "--chdir") and i + 1 < len(argv)) or a.startswith("--chdir=") or (a.startswith("-C") and len(a) > 2):
                glued = a.startswith("--chdir=") or (a.startswith("-C") and len(a) > 2)
                target = a.split("=", 1)[1] if a.startswith("--chdir=") else a[2:] if glued else argv[i + 1].value
                # An absolute folder is known from an unknown one (`env -C /d rm -rf x` in a new container's shell).
                cwd = None if (DYN in target or (cwd is None and not target.startswith("/"))) else pathstr.normpath(pathstr.join(cwd or "/", target))
                i += 1 if glued else 2
            elif (split := _env_split_string(a)) is not None and (split or i + 1 < len(argv)):
                # -S STRING, -SSTRING, -vS STRING, --split-string=STRING: env splits STRING into words and runs them
                # with the words that follow (getopt reads a glued or clustered value the same as a separate one).
                self.out.commands.append(cmd)
                rest = " ".join([split, *(w.value for w in argv[i + 1 :])] if split else [w.value for w in argv[i + 1 :]])
                rest = _env_escapes(rest)
                # env expands ${NAME} from the environment, where IFS is not (shells set it, they do not export it)
                self.reparse(rest, cmd, "env -S", {"IFS": ""})
                return
            elif a.startswith("-") and a != "-":
                i += 1
            elif "=" in a and not a.startswith("="):
                k, _, v = a.partition("=")
                assigns[k] = v
                i += 1
            else:
                break
        self.out.commands.append(cmd)
        if i < len(argv):
            self.command(cmd.derive(argv[i:], "env", assigns=assigns, cwd=cwd))

    def _fish_code(self, cmd: SimpleCommand) -> bool:
        """The lines fish runs from its options, read as fish reads them (getopt_long, "+" mode: options end at the
        first operand or `--`): -c/--command CMD and -C/--init-command CMD, each as often as given, the value glued
        (`-c'CMD'`, `-ic CMD`, `--command=CMD`) or the next word, a long option by any prefix that names only it
        (`--com`, `--init`; an ambiguous one is fish's error: nothing runs); none under -n/--no-execute.  True when
        a -c gave fish its commands (it then runs them and exits, reading no script or input)."""
        vals = [w.value for w in cmd.argv[1:]]
        found: list[tuple[str, str]] = []
        commands = noexec = False
        j = 0
        while j < len(vals):
            v = vals[j]
            if v == "--" or not v.startswith("-") or v == "-":
                break
            if v.startswith("--"):
                head, eq, val = v[2:].partition("=")
                names = [o for o in _FISH_LONG if o.startswith(head)] if head not in _FISH_LONG else [head]
                if len(names) != 1:
                    return True  # fish: unknown or ambiguous option, it stops with an error
                name = names[0]
                if name in _FISH_LONG_VALUE and not eq:
                    if j + 1 >= len(vals):
                        return True  # option requires an argument: fish stops
                    val, j = vals[j + 1], j + 1
                if name in ("command", "init-command"):
                    found.append((f"fish --{name}", val))
                    commands = commands or name == "command"
                noexec = noexec or name == "no-execute"
                j += 1
                continue
            k = 1
            while k < len(v):
                ch = v[k]
                if ch in _FISH_SHORT_VALUE:
                    val = v[k + 1 :]
                    if not val:
                        if j + 1 >= len(vals):
                            return True
                        val, j = vals[j + 1], j + 1
                    if ch in "cC":
                        found.append((f"fish -{ch}", val))
                        commands = commands or ch == "c"
                    break
                noexec = noexec or ch == "n"
                k += 1
            j += 1
        if not noexec:
            for label, text in found:
                self.reparse(text, cmd, label, None, True)
        return commands or noexec

    def _shell(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        name = cmd.name
        sf = shell_flags(argv)
        i = sf.operands
        code = argv[i] if sf.command and i < len(argv) else None
        reads_stdin = sf.stdin
        self.out.commands.append(cmd)
        if name == "fish" and self._fish_code(cmd):
            return  # fish -c: the lines given were read above; it reads no script and no input
        if sf.noexec and name != "busybox":
            return  # `bash -n`, `sh -n -c '…'`: commands are read, never run (a syntax check)
        if sf.command and code is None and name != "busybox":
            return  # `bash -c` with no operand: "option requires an argument", nothing runs
        if name == "busybox" and code is None:
            if i < len(argv):
                self.command(cmd.derive(argv[i:], "busybox"))
            return
        if code is not None:
            # sh -c SCRIPT ARG0 ARG1 …: the words after the script are $0, $1, … inside it. A word only partly known
            # (the path find hands over, `~/Documents/<found>`) is bound as such, as it would be typed in the script.
            given = argv[i + 1 : i + 11]
            bound = {str(k): w.value for k, w in enumerate(given)}
            if len(given) == 2:
                bound["@"] = bound["*"] = given[1].value  # one argument: "$@" is that word
            # Its input is the script's commands' (`bash -c 'psql app' <<< SQL`), but not where xargs started it: GNU
            # xargs reads its input itself and gives the command /dev/null (`echo 'rm -rf /' | xargs bash -c`).
            self.reparse(code.value, cmd, f"{name} -c", bound or None, True, given_input=cmd.via[-1:] != ("xargs",))
            return
        if i < len(argv) and not reads_stdin:
            script = argv[i]
            if script.procsub:
                self._stdin_script(cmd, script.subs)  # bash <(generator): the generator's output is the script
                return
            if script.value not in _STDIN_NAMES:
                if _fd_name(script.value):
                    self.out.problems.append(
                        ("shell.dynamic-code", f"{name} runs a script from {script.value}, a descriptor whose content clearance cannot see")
                    )
                return  # runs a script file: judged as running project code
        # The shell reads its commands from stdin.
        if cmd.stdin_text is not None:
            self.reparse(cmd.stdin_text, cmd, f"{name} <<here-document", stdin_text=None)
        elif cmd.stdin_from:
            self._stdin_script(cmd)
        elif (src := next((r.target for r in cmd.redirects if r.reads and r.target is not None and not r.fd), None)) is not None:
            if src.procsub:
                self._stdin_script(cmd, src.subs)  # bash < <(generator): the generator's output runs
            elif src.dynamic:
                self.out.problems.append(("shell.dynamic-code", f"{name} runs a script whose file is only known at run time ({src.raw})"))
            # sh < script.sh: runs a script file, like `sh script.sh` (read by clearance.scripts)
        elif cmd.container is not None and not cmd.container.mounts:
            return  # `docker run -it ubuntu bash`: a shell in a new container with nothing of the host's, gone with it
        elif not any(w.value in _PRINT_ONLY for w in argv[1:i]):
            # `bash --version`, `zsh --help`: printed and gone (dash and ash refuse the option and exit): no shell starts
            message = f"{name} starts an interactive shell whose commands clearance cannot see"
            if _reads_tool_input(cmd) and not _startup_file(cmd, argv[1:i]):
                self.out.idle_shells.append(message)  # its input is the tool's: see Expansion.idle_shells
            else:
                self.out.problems.append(("shell.interactive-shell", message))

    def _stdin_script(self, cmd: SimpleCommand, sources: list[SimpleCommand] | None = None) -> None:
        """A shell reading its script from a pipe: only literal echo/printf text can be judged."""
        piped = sources is None
        sources = cmd.stdin_from if sources is None else sources
        if _setup_generator(sources) and cmd.name in ("source", "."):
            return  # source <(kubectl completion bash)
        if piped and cmd.name not in ("source", ".") and cat_files(sources):
            # cat a.sh b.sh | sh: runs those files, as `sh a.sh` does (read by clearance.scripts).  A process
            # substitution (`bash <(cat /tmp/x)`) stays unseen code (tests/test_adversarial_round4.py).
            return
        if piped and sources and all(_prints_nothing_fetched(c) for c in sources):
            return  # nc -z host 22 | sh, curl --version | sh: nothing fetched reaches the shell
        text = literal_stdin(sources)
        if text is not None:
            how = "a here-document" if sources[0].name == "cat" else "a pipe"
            self.reparse(text, cmd, f"{cmd.name} reading {how}", stdin_from=[])
            return
        # Remote code and decoded payloads get their own rules (rce.*, obf.*);
        # anything else piped into a shell is still code clearance cannot see.
        self.out.problems.append(
            ("shell.piped-script", f"{cmd.name} runs commands read from the output of {_names(sources)}; clearance cannot see what they are")
        )


def _firejail_replaces_home(v: str, home: str) -> bool:
    from .firejail import replaces_home

    opt, eq, val = v.partition("=")
    return bool(eq) and replaces_home(opt, val, home)


def payload_env(name: str, opts: list[Word], assigns: dict[str, str], home: str = "") -> dict[str, str] | None:
    """The environment a launcher gives its payload (unwrap._launched_env: only for the launchers of _WRAPPER_ENVS and
    _WRAPPER_CLEARS, so this code loads for them alone), read from its options (the variables it sets, an emptied
    environment, a home of the payload's own); None where it passes the caller's on unchanged."""
    sets = _wrapper_env(opts, _WRAPPER_ENVS[name]) if name in _WRAPPER_ENVS else {}
    clears, homes = _WRAPPER_CLEARS.get(name, ((), ()))
    vals = [w.value for w in opts]
    cleared = any(v in clears for v in vals)
    unset: list[str] = []
    for j, v in enumerate(vals):
        if v in homes or (name == "firejail" and v.startswith("--") and _firejail_replaces_home(v, home)):
            sets["HOME"] = NO_HOME
        elif any(v.startswith(h + "=") for h in homes):
            # firejail expands a leading `~` itself: `--private=~` is the caller's own home, passed on unchanged
            if v.partition("=")[2].rstrip("/") != "~":
                sets["HOME"] = v.partition("=")[2]
        elif name == "bwrap" and v == "--setenv" and j + 2 < len(vals):
            sets[vals[j + 1]] = vals[j + 2]
        elif name == "bwrap" and v == "--unsetenv" and j + 1 < len(vals):
            unset.append(vals[j + 1])
    if not sets and not cleared and not unset:
        return None
    out = {"HOME": NO_HOME} if cleared else dict(assigns)
    for var in unset:
        out.pop(var, None)
        if var == "HOME":
            out["HOME"] = NO_HOME
    out.update(sets)
    return out


def _wrapper_env(opts: list[Word], names: tuple[str, ...]) -> dict[str, str]:
    """The variables the wrapper's options set for its payload (NAME=VALUE; a bare NAME passes the caller's on)."""
    out: dict[str, str] = {}
    for j, w in enumerate(opts):
        v = w.value
        given: str | None = None
        for n in names:
            if v == n and j + 1 < len(opts):
                given = opts[j + 1].value
            elif v.startswith(n + "="):
                given = v[len(n) + 1 :]
            elif not n.startswith("--") and v.startswith(n) and len(v) > len(n):
                given = v[len(n) :]
        if given is None and v in ("-p", "--property") and j + 1 < len(opts) and opts[j + 1].value.startswith("Environment="):
            given = opts[j + 1].value[len("Environment=") :]
        elif given is None and v.startswith("--property=Environment="):
            given = v[len("--property=Environment=") :]
        for item in (given or "").split():
            var, eq, value = item.strip("'\"").partition("=")
            if eq and var.isidentifier():
                out[var] = value
    return out
