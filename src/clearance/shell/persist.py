"""What a command line leaves behind in a shell that outlives the tool call.

Copilot CLI runs the agent's commands in bash sessions that live on (a `sessionId`; Codex's terminal sessions are
marked the same way by their adapter, `tool_input["tty"]`): a PATH, an alias, a function, a trap or a prompt command
set by one call decides what every later call of the session runs, while the hook judges each later call by its own
words (`git status`). clearance reads the definitions' code when they are made (unwrap: `alias`, `trap`,
`PROMPT_COMMAND`, `PS0`-`PS4`, function bodies), but a program or script they name by a path in a temporary folder
is what the agent can fill afterwards without the hook reading it -- a download (`curl -o /tmp/bin/git URL`) or a copy
is no write clearance judges for its code. Such a definition, or a PATH that puts a temporary folder before the
system's, is asked about (shell.dynamic-code) in a session that persists; in a shell that ends with the call it
changes nothing later and stays as before.
"""

from __future__ import annotations

from .. import pathstr
from ..context import PATH_KEY as PATH_KEY  # (in context: the engine reads it for every call that writes)
from ..paths import DYN, in_temp
from .programs import INTERPRETERS, SHELLS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..model import Context
    from ..scope import Scope
    from .effects import Effect
    from .ir import SimpleCommand

# The `via` labels of code a definition keeps for later (unwrap.reparse, parse's function bodies).
_DEFERRED = ("trap", "alias", "PROMPT_COMMAND=", "PS0=", "PS1=", "PS2=", "PS4=", "function ")


def _deferred(cmd: SimpleCommand) -> str | None:
    """The definition that keeps *cmd* for later commands of the shell, or None."""
    for v in cmd.via:
        if v.startswith(_DEFERRED):
            return v.split(",", 1)[0].rstrip("=")
    return None


def _temp_file(cmd: SimpleCommand, sc: Scope) -> str | None:
    """A program or script *cmd* runs from a temporary folder: its own path, or the file a shell, an interpreter or
    `source` is given."""
    raw = cmd.argv[0].raw if cmd.argv else ""
    if "/" in raw and DYN not in raw:
        p = sc.path(cmd.argv[0].value if cmd.argv[0].value.startswith("/") else raw, cmd)
        if in_temp(p, sc.ctx):
            return p
    if cmd.name in SHELLS or cmd.name in INTERPRETERS or cmd.name in ("source", "."):
        for w in cmd.argv[1:]:
            v = w.value
            if v.startswith("-") or DYN in v or "/" not in v:
                continue
            p = sc.path(v, cmd)
            if in_temp(p, sc.ctx):
                return p
            break
    return None


def _quoted(value: str) -> str:
    """*value* as one double-quoted shell word on one line (a value known only at run time: `$_`)."""
    for a, b in (("\\", "\\\\"), ('"', '\\"'), ("$", "\\$"), ("`", "\\`"), ("\n", " ")):
        value = value.replace(a, b)
    return '"' + value.replace(DYN, "$_") + '"'


def persisting(kept: dict[str, str], commands: list[SimpleCommand], sc: Scope, defined: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(rule id, why) for each way later commands of a persisting shell would run code clearance does not read, or start
    an agent whose hook obeys what the line set: *kept*, the variables the line leaves in its shell (shell/parse.Script),
    judged by the env-file rules as an .envrc's; the rest shell.dynamic-code."""
    found: list[tuple[str, str]] = []
    out: list[str] = []
    if kept:
        # The variables the line sets stay in the session's environment for every later command, as an .envrc's do for
        # every later shell of its folder: judged as that file's text is (rules/self.py's env-file checks).
        from ..rules.self import hook_environment, hook_loaders, hook_locations

        text = "".join(f"export {k}={_quoted(v)}\n" for k, v in list(kept.items())[:64])
        as_envrc = pathstr.join(sc.ctx.cwd or sc.ctx.project_root or "/", ".envrc")
        for rid, check in (
            ("self.hook-environment-file", hook_environment),
            ("self.hook-locations-file", hook_locations),
            ("self.loader-environment-file", hook_loaders),
        ):
            msg = check(as_envrc, text)
            if msg:
                found.append(
                    (
                        rid,
                        "in a shell session that outlives this call, what the line sets stays for every later command: "
                        + msg.replace(".envrc would set", "it would set"),
                    )
                )
                break
    path = kept.get("PATH")
    if path is not None:
        for entry in path.split(":"):
            if DYN in entry:
                break  # the PATH it had: what comes after is searched after the system's folders
            if not entry:
                continue
            p = pathstr.normpath(entry if entry.startswith("/") else pathstr.join(sc.ctx.cwd or "/", entry))
            if in_temp(p, sc.ctx):
                out.append(
                    f"PATH puts {sc.show(p)}, a temporary folder, before the system's programs in a shell session that outlives this call:"
                    " every later command of the session runs what is put there under a program's name, which clearance does not read"
                )
                break
    for cmd in commands:
        if cmd.name == "hash" and any(w.value == "-p" for w in cmd.argv[1:2]) and len(cmd.argv) > 2:
            p = sc.path(cmd.argv[2].value, cmd)
            if DYN not in p and in_temp(p, sc.ctx):
                name = cmd.argv[3].value if len(cmd.argv) > 3 else "a name"
                out.append(f"hash -p makes {name} run {sc.show(p)}, a temporary file, for every later command of this shell session")
            continue
        kept_by = _deferred(cmd)
        if kept_by is None:
            continue
        f = _temp_file(cmd, sc)
        if f is not None:
            out.append(
                f"{kept_by} keeps {sc.show(f)}, a file in a temporary folder, to run in later commands of a shell session that outlives this call;"
                " what is put there afterwards runs unread"
            )
        if len(out) >= 4:
            break
    shadow = _shadowed_changers(commands, defined or {}) or _cd_searches(kept, commands)
    if shadow:
        out.append(
            f"{shadow} stays in a shell session that outlives this call: "
            + (
                "every later cd of the session runs it instead of the shell's builtin"
                if not shadow.startswith(("CDPATH", "shopt"))
                else "a later `cd NAME` of the session may go to another folder than NAME"
            )
            + ", so the folder later commands run in is not the one their words say"
        )
    for name, body in (defined or {}).items():
        # A function the line defines stays in the session whether or not the line calls it (its body, read here as
        # run or as never called, runs again at every later call by name; bash itself calls command_not_found_handle).
        f = _body_temp_file(body, sc)
        if f is not None:
            out.append(
                f"function {name} keeps {sc.show(f)}, a file in a temporary folder, to run in later commands of a shell session that outlives"
                " this call; what is put there afterwards runs unread"
            )
    return found + [("shell.dynamic-code", m) for m in dict.fromkeys(out)]


# The builtins clearance follows to know where a persisting shell's later commands run (folder_left), and the two that
# run them: a function or alias of one of these names, or the builtin switched off (`enable -n cd`), outlives the call.
_FOLLOWED = frozenset({"cd", "pushd", "popd", "builtin", "command"})


def _shadowed_changers(commands: list[SimpleCommand], defined: dict[str, str]) -> str | None:
    """The definition (`function cd`, `alias cd`, `enable -n cd`) by which the line makes a later `cd` (pushd, popd,
    `builtin cd`, `command cd`) of its session not the builtin that moves the shell, or None (adversarial round 19a:
    `function cd { :; }` in one call, `cd /tmp && rm -f config.toml` in the next, deleted in the folder the shell
    stayed in)."""
    for name in defined:
        if name in _FOLLOWED:
            return f"function {name}"
    for cmd in commands:
        if cmd.name == "alias":
            for w in cmd.argv[1:]:
                name = w.value.split("=", 1)[0]
                if "=" in w.value and name in _FOLLOWED:
                    return f"alias {name}"
        elif cmd.name == "enable":
            vals = [w.value for w in cmd.argv[1:]]
            flags = "".join(v[1:] for v in vals if v.startswith("-") and v != "--")
            if "n" in flags and not any(c in flags for c in "ap"):
                hit = next((v for v in vals if v in _FOLLOWED), None)
                if hit is not None:
                    return f"enable -n {hit}"
    return None


def _cd_searches(kept: dict[str, str], commands: list[SimpleCommand]) -> str | None:
    """A CDPATH or a shell option (`shopt -s cdable_vars`, `autocd`) the line leaves in its session, by which a later
    `cd NAME` (or, interactive, a folder's bare name) goes somewhere else than NAME (adversarial round 20a: `CDPATH=~/.config`
    in one call, `cd clearance && rm -f config.toml` in the next, deleted clearance's policy)."""
    cdpath = kept.get("CDPATH")
    if cdpath and cdpath.strip(":."):
        return f"CDPATH={cdpath}"
    for cmd in commands:
        if cmd.name == "shopt":
            vals = cmd.values()
            flags = "".join(v[1:] for v in vals if v.startswith("-") and v != "--")
            hit = next((v for v in vals if v in ("cdable_vars", "autocd")), None)
            if hit is not None and "s" in flags and "o" not in flags:
                return f"shopt -s {hit}"
    return None


def _body_temp_file(body: str, sc: Scope) -> str | None:
    """A program or script in a temporary folder that a function's body (its text) runs, or None."""
    from .limits import ParseFailure
    from .parse import parse

    try:
        script = parse(body, sc.ctx.cwd, sc.ctx.home, sc.ctx.env, level=1)
    except (ParseFailure, RecursionError):
        return None
    return next((f for c in script.commands[:64] if (f := _temp_file(c, sc)) is not None), None)


# The folder a persisting shell is left in. Copilot CLI's bash session keeps its working directory between calls, while
# the hook resolves a later call's relative paths against the event's cwd: `cd ~/.claude` in one call and
# `echo x > settings.json` in the next wrote the agent's settings as the project's settings.json (round 17a). The
# folder a line leaves its shell in is noted in the session's record (provenance ``w``), and the next call of that shell
# starts there; a cd clearance cannot follow leaves it unknown, and a later relative write or delete is then asked.

_CHANGERS = ("cd", "pushd", "popd")


def folder_left(cwd: str | None, commands: list[SimpleCommand]) -> str | None:
    """The folder the line leaves its shell in: the parse's (shell.parse.Script.cwd), or None (not known) when code the
    line runs in this same shell -- a sourced file -- changes it where the parse does not follow."""
    for cmd in commands:
        if cmd.name in _CHANGERS and any(v.startswith(("source", ".")) for v in cmd.via):
            return None
    return cwd


# The record of a shell's pushd stack: its key with this mark (engine.shell_key keeps control characters out of keys),
# the folders joined by STACK_SEP ("?" for one not known).
STACK_MARK = "\x1f"
STACK_SEP = "\x1e"


def session_folder(ctx: Context, key: str) -> tuple[bool, list[str | None]]:
    """Start the call in the folder the session's shell was left in (ctx.cwd moved there): (whether that folder is not
    known -- a cd an earlier call made that clearance could not follow, or a line asked about, which may have run or
    not --, pushd's stack as it was left)."""
    if ctx.shell_dir is None:
        return False, []
    got = ctx.shell_dir(key)
    stack = ctx.shell_dir(key + STACK_MARK)
    dirs: list[str | None] = [d if d.startswith("/") and DYN not in d else None for d in stack.split(STACK_SEP)] if stack else []
    if got == "?":
        return True, dirs
    if got and got.startswith("/") and DYN not in got:
        ctx.cwd = got
    return False, dirs


def stack_text(dirs: list[str | None]) -> str:
    """pushd's stack as its record holds it (the last 32 folders)."""
    return STACK_SEP.join(d if d is not None and STACK_SEP not in d else "?" for d in dirs[-32:])


def unplaced_changes(effects: list[Effect]) -> list[tuple[str, str]]:
    """(rule id, why) for the writes and deletes of paths relative to a session folder that is not known."""
    from .effects import DELETE, WRITE

    out: list[tuple[str, str]] = []
    for e in effects:
        if e.kind not in (WRITE, DELETE) or not e.path.startswith("/" + DYN) or e.path.startswith("/" + DYN + "remote:"):
            continue
        rid = "fs.write-unknown-place" if e.kind == WRITE else "fs.delete-unknown-target"
        verb = "writes" if e.kind == WRITE else "deletes"
        who = e.cmd.name if e.cmd is not None else "the command"
        out.append(
            (
                rid,
                f"{who} {verb} {e.raw or 'a path'} relative to this shell session's folder, which an earlier call left where clearance"
                " could not follow it: where it lands is known only when it runs",
            )
        )
        if len(out) >= 4:
            break
    return out


# The session's PATH: the folders a line puts before the system's in a persisting shell. A project folder there
# (`export PATH=$PWD/.bin:$PATH`) is ordinary work, as an .envrc's `PATH_add bin` is; what a later call puts in it under
# a command's name (`curl -so .bin/git URL`) runs instead of that command in every later call of the session, as a
# program put in ~/.local/bin does. The folders are noted (provenance ``w`` under PATH_KEY) and a later write of a
# command's name into one is judged as a write into a bin folder on the user's PATH (rules/fs.write-installed-code).


def path_folders(kept: dict[str, str], sc: Scope) -> list[str]:
    """The folders *kept*'s PATH puts before the PATH the shell had (at most 16, absolute)."""
    path = kept.get("PATH")
    if path is None:
        return []
    had = set((sc.ctx.env.get("PATH") or "").split(":")) - {""}
    out: list[str] = []
    for entry in path.split(":"):
        if DYN in entry or entry in had:
            break
        if not entry:
            continue
        p = pathstr.normpath(entry if entry.startswith("/") else pathstr.join(sc.ctx.cwd or "/", entry))
        if p not in out:
            out.append(p)
        if len(out) >= 16:
            break
    return out


def session_path_programs(effects: list[Effect], folders: list[str]) -> list[tuple[str, str]]:
    """(rule id, why) for each write of a command's name into a folder an earlier call put first on this session's PATH."""
    from ..rules.fs import _known_commands
    from .effects import WRITE

    out: list[tuple[str, str]] = []
    for e in effects:
        if e.kind != WRITE:
            continue
        parent, name = pathstr.split(e.path)
        if parent in folders and name in _known_commands():
            out.append(
                (
                    "fs.write-installed-code",
                    f"{e.path} is a program named {name} in a folder an earlier call put first on this shell session's PATH: it runs instead"
                    f" of {name} in every later command of the session",
                )
            )
            if len(out) >= 4:
                break
    return out
