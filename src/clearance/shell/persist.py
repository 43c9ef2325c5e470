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
from ..paths import DYN, in_temp
from .programs import INTERPRETERS, SHELLS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..scope import Scope
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


def _body_temp_file(body: str, sc: Scope) -> str | None:
    """A program or script in a temporary folder that a function's body (its text) runs, or None."""
    from .limits import ParseFailure
    from .parse import parse

    try:
        script = parse(body, sc.ctx.cwd, sc.ctx.home, sc.ctx.env, level=1)
    except (ParseFailure, RecursionError):
        return None
    return next((f for c in script.commands[:64] if (f := _temp_file(c, sc)) is not None), None)
