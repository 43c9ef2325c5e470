"""The shell analyser's intermediate representation: words, redirects, simple commands."""

from __future__ import annotations

from ..paths import DYN

# In a word's ``vars``: a variable the line itself sets from text known only when it runs (`read X`, a loop over a
# command's output, `printf -v X`, anything after `source` or `eval`), not the environment's; follows its name.
LINE_SET = "\x00line-set"


class Word:
    """One shell word after static evaluation.

    ``value`` holds the text the shell would produce, with ``DYN`` standing for
    any part only the running shell knows (a variable, a substitution).
    """

    __slots__ = ("value", "raw", "subs", "procsub", "vars", "quoted", "origin")

    def __init__(
        self,
        value: str,
        raw: str,
        subs: list[SimpleCommand] | None = None,
        procsub: bool = False,
        vars: tuple[str, ...] = (),
        quoted: bool = False,
        origin: tuple[Word, ...] = (),
    ) -> None:
        self.value = value
        self.raw = raw
        self.subs = subs or []
        self.procsub = procsub
        self.vars = vars
        self.quoted = quoted
        # What reaches this word through the variables it reads, where a variable's value is a command's output: the
        # words those variables were set from, each with the commands whose output it is in `subs` (`P=$(pgrep x);
        # kill $P`, `for p in $(pgrep -f x)`, `pgrep x | while read p` (a word standing for the pipe),
        # `T=$(gh auth token); H="token $T"; curl -H "$H"`). Read by fed_by (what kill is given) and Word.fed.
        self.origin = origin

    @property
    def dynamic(self) -> bool:
        return DYN in self.value

    @property
    def fed(self) -> tuple[SimpleCommand, ...]:
        """The captured commands whose output reaches this word through a variable (the commands of its origin):
        `T=$(gh auth token); curl -H "Authorization: token $T" …` -- the curl word is fed by `gh auth token`."""
        return tuple(dict.fromkeys(c for o in self.origin for c in o.subs)) if self.origin else ()

    def __repr__(self) -> str:
        return f"Word({self.value.replace(DYN, '$?')!r})"


def carried(w: Word) -> tuple[Word, ...]:
    """What a variable set from *w* holds the output of (its Word.origin from then on): *w* itself when it has a
    command substitution, and whatever reaches *w* through the variables it reads (P=$Q keeps Q's)."""
    return (w, *w.origin) if w.subs and not w.procsub else w.origin


def fed_by(w: Word) -> list[list[SimpleCommand]]:
    """The pipelines whose output the word's value is: its own command substitution, and those of the words the
    variables in it were set from (a loop over `$(pgrep …)`, an assignment of one, `read` from a pipe)."""
    out = [w.subs] if w.subs and not w.procsub else []
    out.extend(o.subs for o in w.origin)
    return out


class Redirect:
    __slots__ = ("op", "target", "fd", "body", "body_quoted")

    def __init__(
        self,
        op: str,
        target: Word | None,
        fd: str = "",
        body: str | None = None,
        body_quoted: bool = False,
    ) -> None:
        self.op = op
        self.target = target
        self.fd = fd
        self.body = body
        self.body_quoted = body_quoted

    @property
    def writes(self) -> bool:
        # `<>` opens the file for writing too (creating it), without truncating it.
        return self.op in (">", ">>", "&>", "&>>", ">|", "<>") and not (self.target is not None and self.target.value.isdigit())

    @property
    def reads(self) -> bool:
        return self.op in ("<", "<>")


# Environment variables whose value programs run as a command (PAGER, EDITOR, GIT_SSH_COMMAND …): shell/unwrap.py judges them.
COMMAND_VARIABLES = frozenset(
    {
        "PAGER",
        "MANPAGER",
        "EDITOR",
        "VISUAL",
        "SUDO_EDITOR",
        "SUDO_ASKPASS",
        "SSH_ASKPASS",
        "BROWSER",
        "PROMPT_COMMAND",
        # Prompt strings: bash expands them, command substitutions included, when it shows them (PS4 at `set -x`).
        "PS0",
        "PS1",
        "PS2",
        "PS4",
        "LESSOPEN",
        "LESSCLOSE",
        "SYSTEMD_PAGER",
        "GIT_SSH_COMMAND",
        "GIT_SSH",
        "GIT_PAGER",
        "GIT_EDITOR",
        "GIT_SEQUENCE_EDITOR",
        "GIT_EXTERNAL_DIFF",
        "GIT_ASKPASS",
        "GIT_PROXY_COMMAND",
        "GIT_EXEC_PATH",
    }
)


# Environment variables programs read as options or as the place they write (TAR_OPTIONS is prepended to tar's
# command line, TAPE is its default archive, RSYNC_RSH its -e): shell/unwrap.py adds them to the command's words.
OPTION_VARIABLES = frozenset({"TAR_OPTIONS", "TAPE", "RSYNC_RSH", "RSYNC_CONNECT_PROG"})
# Channels whose value is kept when a later assignment on a path that may not run (one branch of an if, a loop's
# body, after && or ||) empties it: either value may be the one the program sees, and the non-empty one acts.
CHANNEL_VARIABLES = OPTION_VARIABLES | COMMAND_VARIABLES


# bash's builtin commands (bash(1) SHELL BUILTIN COMMANDS): found before the hash table and PATH.
BASH_BUILTINS = frozenset(
    [
        ":",
        ".",
        "[",
        "alias",
        "bg",
        "bind",
        "break",
        "builtin",
        "caller",
        "cd",
        "command",
        "compgen",
        "complete",
        "compopt",
        "continue",
        "declare",
        "dirs",
        "disown",
        "echo",
        "enable",
        "eval",
        "exec",
        "exit",
        "export",
        "false",
        "fc",
        "fg",
        "getopts",
        "hash",
        "help",
        "history",
        "jobs",
        "kill",
        "let",
        "local",
        "logout",
        "mapfile",
        "popd",
        "printf",
        "pushd",
        "pwd",
        "read",
        "readarray",
        "readonly",
        "return",
        "set",
        "shift",
        "shopt",
        "source",
        "suspend",
        "test",
        "times",
        "trap",
        "true",
        "type",
        "typeset",
        "ulimit",
        "umask",
        "unalias",
        "unset",
        "wait",
    ]
)


# Variable names whose value is a program by convention across tools, whatever the tool (AWS_PAGER, GH_EDITOR,
# KUBE_EDITOR, HGEDITOR, BAT_PAGER, SVN_EDITOR, DELTA_PAGER, XYZ_ASKPASS, BORG_RSH-like *_SSH_COMMAND, *_BROWSER):
# the tool runs the value through a shell when it pages, edits, asks for a password or opens a page.
_COMMAND_SUFFIXES = ("PAGER", "EDITOR", "ASKPASS", "SSH_COMMAND", "BROWSER")


def command_variable(name: str) -> bool:
    """Whether the environment variable *name* holds a command programs run (listed, or by its name's shape)."""
    return name in COMMAND_VARIABLES or name == "FCEDIT" or (name.isupper() and name.endswith(_COMMAND_SUFFIXES))


# The environment variables whose presence clearance is shown (context.py keeps them from the hook's environment when
# set): for these, a variable the shell was not given is known not to be exported; for any other it is unknown.
ENV_SHOWN = ("TMPDIR", "USER", "LOGNAME", "KUBECONFIG", "VIRTUAL_ENV", "CLEARANCE_TEAM_SERVICE")
# The variables a terminal program sets in the environment of what runs inside it (the agent, and so its hook): which
# tmux pane, screen session, kitty window, wezterm pane or zellij session the agent itself is in (context.py keeps them
# when set; rules/self.terminal-input). Not in ENV_SHOWN: a command may be given one the hook was not.
TERMINAL_VARIABLES = ("TMUX", "TMUX_PANE", "STY", "KITTY_WINDOW_ID", "WEZTERM_PANE", "ZELLIJ", "ZELLIJ_SESSION_NAME", "WINDOWID")


# A label in `via` of a command that does not run as the line is written: a function body no call can reach, the
# operand of `false &&`, a branch under `if false`, what follows a top-level `exit`.  Its findings are capped at ask
# (engine._finding): nothing is harmed by this call, and the intent is a person's to judge.
NOT_RUN = " (not run as written)"


# SimpleCommand.remote of a command run in a container started for it (`docker run`, `kubectl run`): its files are the
# container's own, except where a host folder is bound into it (SimpleCommand.container); its network is the host's.
IN_NEW_CONTAINER = "a new container"
# Where a container's named volume (`-v pgdata:/data`, `--volumes-from db`) is read from: no host folder (a DYN path),
# nor the container's own files (which go with it): what is deleted there outlives the container.
NAMED_VOLUME = "/" + DYN + "volume:"


class Container:
    """Where a command started in a new container runs: its working directory there, and the host folders bound into
    it as (folder in the container, folder on the host), both as written."""

    __slots__ = ("workdir", "mounts")

    def __init__(self, workdir: str, mounts: tuple[tuple[str, str], ...]) -> None:
        self.workdir = workdir
        self.mounts = mounts


class SimpleCommand:
    """One command that will run, after wrappers are unwrapped."""

    __slots__ = (
        "argv",
        "assigns",
        "redirects",
        "stdin_from",
        "stdin_text",
        "cwd",
        "via",
        "elevated",
        "remote",
        "depth",
        "text",
        "code",
        "piped",
        "inner",
        "captured",
        "bound",
        "container",
        "ownstdin",
        "untyped",
        "unsure_env",
    )

    def __init__(
        self,
        argv: list[Word],
        assigns: dict[str, str] | None = None,
        redirects: list[Redirect] | None = None,
        stdin_from: list[SimpleCommand] | None = None,
        stdin_text: str | None = None,
        cwd: str | None = None,
        via: tuple[str, ...] = (),
        elevated: bool = False,
        remote: str | None = None,
        depth: int = 0,
        text: str = "",
    ) -> None:
        self.argv = argv
        self.assigns = assigns or {}
        self.redirects = redirects or []
        self.stdin_from = stdin_from or []
        self.stdin_text = stdin_text
        self.cwd = cwd
        self.via = via
        self.elevated = elevated
        self.remote = remote
        self.depth = depth
        self.text = text
        # What an interpreter one-liner's code does (shell.interp.CodeFacts), when it has code.
        self.code: object = None
        # True when stdout feeds the next command of a pipeline.
        self.piped = False
        # Commands this one runs on its behalf (a wrapper's payload, a shell's -c script).
        self.inner: list[SimpleCommand] = []
        # True when stdout is taken by a substitution (`$(…)`, backticks, `<(…)`): it becomes words or a file, not output.
        self.captured = False
        # For `trap`: the variables its handler is read with (parse._bind_traps), else None.
        self.bound: dict[str, str] | None = None
        # For a command run in a container started for it (`docker run IMAGE CMD`, remote == IN_NEW_CONTAINER): the
        # container's working directory and the host folders bound into it (Scope.path reads its paths through them).
        self.container: Container | None = None
        # True when the command reads the standard input the agent's tool gave the whole command line: it stands at the
        # top of the script (no pipe, loop, group, function body or substitution around it) and no `exec` before it
        # moved the script's descriptors (parse._tool_input).  Its own redirections are not counted here.
        self.ownstdin = False
        # True when, besides, nothing can be typed into that input later (engine.analyse_shell's typed_input False:
        # Claude Code's `< /dev/null`) and the command runs as the user: a program that would read what a person types
        # reads end-of-file (set by unwrap.Unwrapper.command).
        self.untyped = False
        # Variables that may be in the command's environment though clearance cannot tell: a name assigned earlier in the
        # script without export whose export attribute the agent's shell may have given it (one not in ENV_SHOWN), and
        # "*" after `source FILE` / `eval` (they may export anything). policy/patterns reads them against a pinned target.
        self.unsure_env: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.argv[0].value if self.argv else ""

    @property
    def args(self) -> list[Word]:
        return self.argv[1:]

    def values(self) -> list[str]:
        return [w.value for w in self.argv[1:]]

    def derive(self, argv: list[Word], via: str, **changes: object) -> SimpleCommand:
        """A new command that runs *argv* on behalf of this one (a wrapper's payload)."""
        new = SimpleCommand(
            argv,
            assigns=dict(self.assigns),
            redirects=self.redirects,
            stdin_from=self.stdin_from,
            stdin_text=self.stdin_text,
            cwd=self.cwd,
            via=self.via + (via,),
            elevated=self.elevated,
            remote=self.remote,
            depth=self.depth,
            text=self.text,
        )
        new.piped = self.piped
        new.captured = self.captured
        new.container = self.container
        new.ownstdin = self.ownstdin
        new.untyped = self.untyped
        for k, v in changes.items():
            setattr(new, k, v)
        self.inner.append(new)
        return new

    def runs(self) -> list[SimpleCommand]:
        """This command and everything it runs on its behalf, recursively."""
        out = [self]
        for c in self.inner:
            out.extend(c.runs())
        return out

    def show(self) -> str:
        s = " ".join(w.value.replace(DYN, "…") for w in self.argv)
        if len(s) <= 160:
            return s
        from ..redact import cut

        return cut(s, 160)

    def __repr__(self) -> str:
        return f"SimpleCommand({self.show()!r}, via={self.via})"


_SAFE_PUNCT = dict.fromkeys(map(ord, "-_./~=:@%+,"))  # the punctuation a word may hold and stay unquoted (deleted by translate)


# A word quoted for a command line the shell reader reads again (code turned into a one-liner: code/convention.py,
# scripts.py, the interpreter readers).  Here, not in shell/interp.py, so that code/convention.py's toolchain readers
# need not import the interpreter one-liner analysis (~46 KB of code) to quote a word.
def shell_quote(s: str) -> str:
    if s and ((rest := s.translate(_SAFE_PUNCT)) == "" or rest.isalnum()):  # (all(c.isalnum() or c in "-_./~=:@%+,"))
        return s
    if DYN in s:
        # Double quotes, so that the dynamic marker stays a run-time value when re-parsed.
        parts = [p.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`") for p in s.split(DYN)]
        return '"' + DYN.join(parts) + '"'
    return "'" + s.replace("'", "'\"'\"'") + "'"
