"""The decision pipeline: Action + Context -> findings -> Decision.

Pure: no I/O, no clock other than the elapsed-time measurement.  Adapters
build the Action and Context, and render the Decision for the agent.
"""

from __future__ import annotations

import time

from .lazyre import lazy
from .model import ASK, HARD_DENY, SOFT_DENY, TOO_LARGE, UNREAD, Action, Context, Decision, Finding, combine
from .paths import DYN, case_insensitive
from .rules import REGISTRY, ensure, load
from .rules import index as rules_index
from .scope import CONTAINERS_OWN, Scope
from .shell.effects import DELETE, READ, WRITE, Effect, effects
from .shell.ir import NOT_RUN
from .shell.limits import PARSE_DEADLINE, ParseFailure, ParseTimeout, TooLarge
from .shell.options import help_request, inert_option

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any

    from .policy import Policy
    from .rules import Index
    from .rules.base import Rule
    from .shell.ir import SimpleCommand

# `NAME() { NAME | NAME & }`: the body is matched from each `()`, and the name before it is compared in
# code. The old `(\S+)\s*\(\)…` rescanned every word of a compact JSON body from each of its characters
# (quadratic: 80 KB took 30 s). A name is a word without shell metacharacters, so the runs scanned from
# different `()` never overlap.
_FORK_BOMB_BODY = lazy(r"\(\)\s*+\{\s*+([^\s|&;<>(){}]++)\s*+\|\s*+\1\s*+&")
# Time budget of one decision, well inside the agents' hook timeouts (Claude Code: 30 s as installed, and
# a hook that times out lets the call run). A decision that cannot finish in time is denied (engine.deadline).
DEADLINE_S = 2.0
_clock = time.perf_counter  # tests replace it to simulate a slow check
# Rule lists, built on first use from the rule index (rules/__init__.py): only the packs whose rules can
# fire on a call are imported. Each list is in a full load's registration order, so findings come out
# in the same order whichever packs an earlier call loaded.
_BY_COMMAND: dict[str, list[tuple[str, Callable[[SimpleCommand, Scope], bool] | None]]] = {}
_LISTS: dict[str, list[Rule]] = {}
_EFFECT_LISTS: dict[str, list[tuple[str, Callable[[Effect, Scope], bool] | None]]] = {}

# Programs that forward a local port to another machine (provenance.forwarded_ports).
_FORWARDERS = frozenset({"ssh", "autossh", "kubectl", "oc", "socat"})


def _rules(select: Callable[[Index], list[str]]) -> list[Rule]:
    """The rules *select* picks from the index, their packs imported; a stale index is rebuilt by a full load."""
    idx = rules_index()
    ids = select(idx)
    if not ensure(idx.modules(ids)):
        from .rules import rebuild

        idx = rebuild()  # a pack registered other rules than the index says: index a full load again
        _REBUILDS[0] += 1
        _BY_COMMAND.clear()
        _LISTS.clear()
        _EFFECT_LISTS.clear()
        _ACTION_LISTS.clear()
        _ANY.clear()
        ids = select(idx)
    return [REGISTRY[i] for i in ids]


# How many times a pack's import found the index stale and it was rebuilt (_rules): a rule list built before is stale.
_REBUILDS = [0]


def _gated(lister: Callable[..., Iterable[tuple[str, Callable[[Any, Scope], bool] | None]]], subject: Any, sc: Scope) -> Iterator[Rule]:
    """The rules of *lister()* whose gate says yes on *subject* (or that have none), their packs imported as they come.
    Where that import finds the index stale (a pack registered other rules than it lists: it is rebuilt), the list is
    asked for again and the rules not yet looked at follow: a rule missing from the stale list is still checked."""
    done: set[str] = set()
    seen = _REBUILDS[0]
    while True:
        for rid, gate in lister():
            if rid in done:
                continue
            done.add(rid)
            if gate is not None and not gate(subject, sc):
                continue  # the rule's first check fails: its pack is not imported for it
            yield REGISTRY.get(rid) or rule_by_id(rid)
            if _REBUILDS[0] != seen:
                break
        else:
            return
        seen = _REBUILDS[0]


def rule_by_id(rid: str) -> Rule:
    """One rule, its pack imported (problem ids raised by the parser, the rule a decision names)."""
    r = REGISTRY.get(rid)
    if r is None:
        if rid in rules_index().module:
            _rules(lambda idx: [rid] if rid in idx.module else [])
        r = REGISTRY[rid]
    return r


def command_rules(name: str) -> list[tuple[str, Callable[[SimpleCommand, Scope], bool] | None]]:
    """The rules about commands named *name*, with their gates for it (rules/gates.py COMMAND_GATES, or NAME_GATES for
    every name of a rule: a gated rule's pack is imported when its gate first says yes); the ungated rules' packs are
    imported now."""
    got = _BY_COMMAND.get(name)
    if got is None:
        from .rules.gates import COMMAND_GATES, NAME_GATES

        _rules(lambda idx: [i for i in idx.by_command.get(name, []) if (i, name) not in COMMAND_GATES and i not in NAME_GATES])
        got = _BY_COMMAND[name] = [(i, COMMAND_GATES.get((i, name)) or NAME_GATES.get(i)) for i in rules_index().by_command.get(name, [])]
    return got


def _list(kind: str) -> list[tuple[str, Callable[[Effect, Scope], bool] | None]]:
    """Rules on effects of one kind ("effect:read"), with their gates (rules/gates.py EFFECT_GATES): the ungated rules'
    packs are imported now, a gated rule's when its gate first says yes (rules on any command: _any_rules)."""
    got = _EFFECT_LISTS.get(kind)
    if got is None:
        from .rules.gates import EFFECT_GATES

        _rules(lambda idx: [i for i in idx.effect_rules(kind[len("effect:") :]) if i not in EFFECT_GATES])
        got = _EFFECT_LISTS[kind] = [(i, EFFECT_GATES.get(i)) for i in rules_index().effect_rules(kind[len("effect:") :])]
    return got


# Rules on any command with their gates (rules/gates.py): a gated rule's pack is imported when its gate first says yes.
# Built whole, then stored in one assignment: decisions on other threads see it complete or not at all.
_ANY: dict[str, list[tuple[str, Callable[[SimpleCommand, Scope], bool] | None]]] = {}


def _any_rules() -> list[tuple[str, Callable[[SimpleCommand, Scope], bool] | None]]:
    got = _ANY.get("any")
    if got is None:
        from .rules.gates import GATES

        _rules(lambda idx: [i for i in idx.any_command if i not in GATES])  # ungated rules: their packs now
        got = _ANY["any"] = [(i, GATES.get(i)) for i in rules_index().any_command]
    return got


def _for_tool(idx: Index, kind: str, tool_name: str) -> list[str]:
    out = []
    for i in idx.action:
        tools = idx.tools[i]
        if tools is None or kind in tools or tool_name in tools:
            out.append(i)
    return out


_ACTION_LISTS: dict[str, list[tuple[str, Callable[[Action, Scope], bool] | None]]] = {}


def _action_list(kind: str, tool_name: str) -> list[tuple[str, Callable[[Action, Scope], bool] | None]]:
    """Action rules for this tool kind or name, with their gates (rules/gates.py ACTION_GATES): the ungated rules'
    packs are imported now, a gated rule's when its gate first says yes."""
    key = f"{kind}:{tool_name}"
    got = _ACTION_LISTS.get(key)
    if got is None:
        from .rules.gates import ACTION_GATES

        _rules(lambda idx: [i for i in _for_tool(idx, kind, tool_name) if i not in ACTION_GATES])
        got = _ACTION_LISTS[key] = [(i, ACTION_GATES.get(i)) for i in _for_tool(rules_index(), kind, tool_name)]
    return got


def action_rules(kind: str, tool_name: str) -> list[Rule]:
    """Action rules for this tool kind or name (and those for every tool)."""
    key = f"action:{kind}:{tool_name}"
    got = _LISTS.get(key)
    if got is None:
        got = _LISTS[key] = _rules(lambda idx: _for_tool(idx, kind, tool_name))
    return got


def _index() -> None:
    """Every pack loaded (``clearance check`` and callers that want the whole REGISTRY)."""
    load()


class ShellAnalysis:
    """Everything the shell analysis found, kept for ``clearance check``."""

    __slots__ = ("commands", "effects", "findings", "error", "too_large", "exported", "cwd", "path_first", "dirs")

    def __init__(self) -> None:
        self.commands: list[SimpleCommand] = []
        # The folder the line leaves its shell in (shell.parse.Script.cwd; None: not known)
        self.cwd: str | None = None
        self.path_first: list[str] = []  # the folders a persisting shell's PATH is left with first (shell/persist.py)
        self.dirs: list[str | None] = []  # pushd's stack as the line leaves it
        self.exported: dict[str, str] = {}  # what the line leaves exported (shell.parse.Script.exported)
        self.effects: list[Effect] = []
        self.findings: list[Finding] = []
        self.too_large = False  # longer, deeper or with more commands than clearance analyses
        self.error: str | None = None


def _finding(r: Rule, message: str, command: str = "", cmd: SimpleCommand | None = None) -> Finding:
    if cmd is not None and cmd.via and r.verdict in ("hard_deny", "soft_deny"):
        dead = next((v for v in cmd.via if v.endswith(NOT_RUN)), None)
        if dead is not None:
            # Code the line holds but bash never runs (a function nothing calls, `false && …`): nothing is harmed by
            # this call, so a person judges the intent (ask); the same command where it runs is denied.
            return Finding(r.id, "ask", f"{message} (in {dead[: -len(NOT_RUN)]}, which does not run as written)", r.category, command)
    if cmd is not None and cmd.depth and r.verdict in ("hard_deny", "soft_deny"):
        from .shell.unwrap import MAY_RUN

        runner = next((v for v in cmd.via if v.endswith(MAY_RUN)), None)
        if runner is not None:
            # A string argument of a program clearance does not model may be data (a message, a query): ask.
            return Finding(r.id, "ask", f"{message} (inside an argument of {runner[: -len(MAY_RUN)]}, which may run it)", r.category, command)
    return Finding(r.id, r.verdict, message, r.category, command)


def check_deadline(sc: Scope) -> None:
    """errors.DecisionTimeout when the decision has run past its deadline."""
    if _clock() > sc.deadline:
        from .errors import DecisionTimeout

        raise DecisionTimeout


# The programs rules/net.py's shell_fed_by_socket reads (kept equal to its _SOCKET_WRITERS; a test checks it).
_SOCKET_WRITERS = frozenset({"nc", "ncat", "netcat", "socat", "telnet", "openssl", "cryptcat", "sbd"})


def _fork_bomb(command: str) -> bool:
    """A function defined to pipe itself into itself in the background (`:(){ :|:& };:`)."""
    for m in _FORK_BOMB_BODY.finditer(command):
        j = m.start()
        while j > 0 and command[j - 1].isspace():
            j -= 1
        if command.endswith(m.group(1), 0, j):
            return True
    return False


def _typed_on_terminal(exp: Any, out: ShellAnalysis) -> None:
    """A program on Codex's terminal that runs the commands typed there (shell/terminal.py: a REPL, a debugger, a
    database client, a multiplexer's shell, a pager's `!command`, an editor's `:!cmd`): asked, as a shell or an
    interpreter reading that input is (shell.piped-script), unless the unwrapper already said so for it."""
    from .shell.terminal import typed_commands

    said = " ".join(m for _, m in exp.problems if "write_stdin" in m)
    seen: set[str] = set()
    for cmd in exp.commands:
        if len(cmd.stdin_from) != 1 or cmd.stdin_from[0].name != "write_stdin":
            continue
        how = typed_commands(cmd)
        if how is None or cmd.name in seen or f"{cmd.name} runs" in said:
            continue
        seen.add(cmd.name)
        message = f"{cmd.name} runs what is typed on its terminal ({how}); Codex sends that input (write_stdin) without asking clearance"
        out.findings.append(_finding(rule_by_id("shell.piped-script"), message, cmd.show()))


def _ssh_scripts_read(commands: list[SimpleCommand], sc: Scope) -> set[str]:
    """The questions (unwrap.ssh_script_message) about `ssh HOST < FILE` whose FILE clearance reads (scripts.ssh_script):
    the remote shell's lines are judged as a script's, so the file is not unseen input."""
    if sc.ctx.read_file is None:
        return set()
    from .scripts import ssh_script
    from .shell.unwrap import ssh_script_message, ssh_stdin_script

    out: set[str] = set()
    for c in commands:
        got = ssh_stdin_script(c) if c.name in ("ssh", "autossh") else None
        if got is not None and ssh_script(c, sc):
            out.add(ssh_script_message(*got))
    return out


def analyse_shell(
    command: str,
    sc: Scope,
    script_depth: int = 0,
    typed_input: bool = True,
    persists: bool = False,
    lost_cwd: bool = False,
    dirs: list[str | None] | None = None,
) -> ShellAnalysis:
    """*typed_input* False: the tool runs the command line with an input the agent cannot write to later (Claude Code's
    Bash: `< /dev/null`, or the user's own terminal), so an interactive shell reading only that input runs nothing
    the agent sends (unwrap.Expansion.idle_shells); True (an MCP server, a terminal the agent types into): asked.
    *lost_cwd*: the line runs in a shell session whose folder an earlier call left unknown (shell/persist.py)."""
    # The parser and the unwrapper (~0.3 MB of code) load for a command, not for a Read or an Edit.
    from .shell.parse import MAX_COMMANDS, MAX_LINE_COMMANDS, MAX_LINE_WORDS, parse
    from .shell.unwrap import FOLD_COMMANDS, expand

    out = ShellAnalysis()
    ctx = sc.ctx
    try:
        # The tool call's own line: at most MAX_LINE_COMMANDS commands (a script read from disk: MAX_COMMANDS).
        limit = MAX_LINE_COMMANDS if script_depth == 0 else MAX_COMMANDS
        start = None if lost_cwd else ctx.cwd
        script = parse(command, start, ctx.home, ctx.env, mark_inert=script_depth == 0, max_commands=limit, dirs=dirs)
        out.exported, out.cwd, out.dirs = script.exported, script.cwd, script.dirs
        # On a case-insensitive file system `Git` and `CLEARANCE` run git and clearance (unwrap.basename_command).
        if ctx.live_stdin and script_depth == 0:
            from .shell.terminal import read_from_terminal

            read_from_terminal(script.commands)
        token = FOLD_COMMANDS.set(True) if case_insensitive(ctx.home, ctx) else None
        try:
            exp = expand(script.commands, start, ctx.home, ctx.env, typed_input or script_depth > 0, limit)
        finally:
            if token is not None:
                FOLD_COMMANDS.reset(token)
        over = ""
        if len(exp.commands) > limit:  # with the code its commands run (`bash -c`, eval, here-documents), unwrapped
            over = f"the command holds more than {limit} commands, with the code they run, more than clearance analyses in one line"
        elif script_depth == 0 and sum(len(c.argv) for c in exp.commands) > MAX_LINE_WORDS:
            over = f"the command's commands hold more than {MAX_LINE_WORDS} words, more than clearance analyses in one line"
    except ParseFailure as failure:
        out.error = str(failure)
        out.too_large = isinstance(failure, TooLarge)
        r = rule_by_id("shell.parse-error")
        out.findings.append(_finding(r, f"clearance could not analyse this command: {failure}"))
        return out
    if over:
        # Not analysed command by command (issue 16, adv16c): asked, with the reparse budget's own finding where it ran out.
        out.error, out.too_large = over, True
        out.findings.append(_finding(rule_by_id("shell.parse-error"), f"clearance could not analyse this command: {over}"))
        out.findings += [_finding(rule_by_id(rid), m) for rid, m in exp.problems if rid == "shell.too-many-embedded"]
        return out
    check_deadline(sc)
    if "(" in command and "&" in command and _fork_bomb(command):
        out.findings.append(_finding(rule_by_id("sys.fork-bomb"), "the command defines a function that pipes itself into itself in the background"))
    if ">" in command and len(exp.commands) > 1 and any(c.name in _SOCKET_WRITERS for c in exp.commands):
        from .rules.net import shell_fed_by_socket  # a shell reading a named pipe a socket fills (net.reverse-shell)

        served = shell_fed_by_socket(exp.commands)
        if served:
            out.findings.append(_finding(rule_by_id("net.reverse-shell"), served))
    read_remotely = _ssh_scripts_read(exp.commands, sc) if any(c.name in ("ssh", "autossh") for c in exp.commands) else ()
    for rid, message in script.problems + exp.problems:
        if message in read_remotely:
            continue  # `ssh HOST < deploy.sh` whose file clearance reads: its lines are judged (_check_scripts)
        out.findings.append(_finding(rule_by_id(rid), message))
    if ctx.live_stdin and script_depth == 0:
        _typed_on_terminal(exp, out)
    if typed_input or script_depth:
        # A project script's shell reads the script's input, which its caller may feed: asked as before.
        for message in exp.idle_shells:
            out.findings.append(_finding(rule_by_id("shell.interactive-shell"), message))
    out.commands = exp.commands
    if "PATH" in command:
        from .shell.pathlookup import inherit

        inherit(exp.commands)  # `PATH=./bin:$PATH bash -c lint`: the child shell looks lint up there too
    if ("pkg" in command or "set-script" in command) and sc.ctx.read_file is not None:
        # `npm pkg set scripts.lint=CMD`: package.json rewritten by the tool, compared as its Write is (pkgset.py;
        # imported only for those clients: `go test ./pkg/...` names no package.json).
        for c in exp.commands:
            if c.name in ("npm", "pnpm", "bun"):
                from .pkgset import entry_changes

                why = entry_changes(c, sc)
                if why:
                    out.findings.append(_finding(rule_by_id("fs.write-settings-run-script"), why))
    if (
        persists
        and script_depth == 0
        and (script.kept or script.defined or any(c.via for c in exp.commands) or "hash" in command or "enable" in command or "shopt" in command)
    ):
        # The shell outlives the call (Copilot CLI's bash sessions): what the line leaves for later commands (shell/persist.py).
        from .shell.persist import persisting

        for rid, message in persisting(script.kept, exp.commands, sc, script.defined):
            out.findings.append(_finding(rule_by_id(rid), message))
    if persists and script_depth == 0:
        from .shell.persist import folder_left, path_folders

        out.cwd = folder_left(script.cwd, exp.commands)
        out.path_first = path_folders(script.kept, sc)
    for cmd in exp.commands:
        if cmd.name == "git" and any("remote" in v for v in cmd.values()):
            from .rules.git import added_remote, dropped_remote

            added = added_remote(cmd)
            if added:
                sc.remotes[added[0]] = added[1]
            dropped = dropped_remote(cmd)
            if dropped:
                sc.remotes_dropped.add(dropped)
        if cmd.name == "git" and any(v in ("fetch", "pull") for v in cmd.values()):
            from .shell.options import normalise

            sc.fetches = sc.fetches or normalise(cmd).sub[:1] in (("fetch",), ("pull",))
        if cmd.name == "git" and "push" in cmd.values():
            from .shell.options import normalise

            sc.pushes = sc.pushes or normalise(cmd).sub[:1] == ("push",)
        if cmd.name in _FORWARDERS and cmd.remote is None:
            from .provenance import forwarded_ports

            sc.forwarded.update(forwarded_ports(cmd))
    positions: list[int] = []  # which command of the line each effect comes from
    # A file an earlier command of the line wrote with literal text (`echo 'DROP TABLE t' > q.sql && psql -f q.sql`,
    # `echo FLUSHALL > r && redis-cli < r`): the rules of a later command that read it (the SQL a client runs, the
    # script a shell or interpreter reads on its input) read that text, not the disk's (_same_line_text).
    disk = sc.ctx.read_file
    written: dict[str, str] = {}
    writes = _writes_then_runs(exp.commands)
    try:
        for at, cmd in enumerate(exp.commands):
            if writes and at:
                _same_line_text(exp.commands[at - 1], sc, written)
                sc.ctx.read_file = _overlay(dict(written), disk) if written else disk
            if cmd.argv and ("/" in cmd.argv[0].raw or "PATH" in cmd.assigns) and (sc.links or sc.ctx.realpath is not None):
                from .shell.pathlookup import through_link  # `./bin/cat F` where bin/cat is a link to /bin/rm

                through_link(cmd, sc)
            _command_rules(cmd, exp.commands, sc, out)
            sc.ctx.read_file = disk
            if cmd.name in _INSTALL_RECORDERS:
                from .shell.installdest import record

                record(cmd, sc)  # `./configure --prefix=P && make install`: the later install step writes below P
            got = effects(cmd, sc)
            if cmd.container is not None:
                got = [e for e in got if not e.path.startswith(CONTAINERS_OWN)]  # a new container's own files go with it
            if sc.copies and at:
                # `cp .env /tmp/k && cat /tmp/k`: a read of a copy this line made reads the original's text.
                got += [Effect(READ, sc.copies[e.path], e.raw, e.recursive, e.cmd, e.note) for e in got if e.kind == READ and e.path in sc.copies]
            if len(exp.commands) > 1 and any(e.kind == WRITE for e in got):
                # `cat ~/.ssh/id_rsa > /tmp/k && curl -F f=@/tmp/k …`: what a later command reads there is what this wrote.
                sc.remember_writes(cmd, [e.path for e in got if e.kind == WRITE])
            out.effects.extend(got)
            positions += [at] * len(got)
    finally:
        sc.ctx.read_file = disk
    _names_shown(out.effects, exp.commands)
    check_effects(out.effects, sc, out.findings, exp.commands, positions)
    if lost_cwd and script_depth == 0:
        from .shell.persist import unplaced_changes

        out.findings += [_finding(rule_by_id(rid), m) for rid, m in unplaced_changes(out.effects)]
    if script_depth < SCRIPT_DEPTH and (sc.ctx.read_file is not None or _writes_then_runs(exp.commands)):
        _check_scripts(exp.commands, sc, out.findings, script_depth)
    elif sc.ctx.read_file is not None:
        _scripts_too_deep(exp.commands, sc, out.findings)
    if script_depth < 2:
        _check_written_scripts(exp.commands, sc, out.findings, script_depth)
        if any(e.kind == WRITE for e in out.effects) or any(_may_rewrite(c, sc) for c in exp.commands):
            _check_settings_results(exp.commands, out, positions, sc, script_depth)
    if len(exp.commands) > 1:
        from .rules.gates import download_then_run

        if download_then_run(exp.commands):  # its gate: the net pack is imported only where a downloader ran first
            from .rules.net import downloaded_then_run

            msg = downloaded_then_run(exp.commands, sc)
            if msg:
                out.findings.append(_finding(rule_by_id("rce.download-then-run"), msg))
        from .shell.programs import run_targets

        if any(run_targets(c) or "PATH" in c.assigns for c in exp.commands[1:]):  # written_then_run's first test: a later command runs a file
            from .sameline import written_then_run

            msg = written_then_run(exp.commands, sc)
            if msg:
                out.findings.append(_finding(rule_by_id("shell.written-then-run"), msg))
    return out


# The programs whose runs record install directories for a later install step (shell/installdest.RECORDERS).
_INSTALL_RECORDERS = frozenset({"configure", "cmake", "meson"})


def _command_rules(cmd: SimpleCommand, commands: list[SimpleCommand], sc: Scope, out: ShellAnalysis) -> None:
    """The rules that read *cmd* itself (its program's rules, then those for any command)."""
    check_deadline(sc)
    ctx = sc.ctx
    own = ctx.owns is not None
    # `git reset --hard --help`, `rsync -n --delete …`: the program only prints or tests (its arguments' effects go too);
    # `gcloud projects delete --help`, `aws rds delete-db-instance help`: the CLI only prints its usage.
    for r in _gated(lambda name=cmd.name: command_rules(name), cmd, sc) if not (inert_option(cmd) or help_request(cmd)) else ():
        msg = r.check(cmd, sc)
        if msg and r.id == "creds.print-token" and cmd.piped:
            from .rules.creds import token_fed_to_its_login

            msg = None if token_fed_to_its_login(cmd, commands) else msg  # `… | docker login --password-stdin`
        elif msg and r.id == "creds.print-token" and cmd.captured:
            from .rules.creds import token_sent_home

            msg = None if token_sent_home(cmd, commands) else msg  # `T=$(gh auth token); curl -H "Authorization: …$T" api`
        elif msg and r.id == "sys.broad-kill" and cmd.name == "kill":
            from .rules.system import kill_picked_by

            picked = kill_picked_by(cmd, commands)
            if picked:
                # `for p in /proc/[0-9]*; do grep -q NAME $p/cmdline && kill ${p#/proc/}; done`: a kill by name, as `pkill
                # -f NAME` is -- asked (sys.kill-by-word), not denied as every process of the user
                out.findings.append(_finding(rule_by_id("sys.kill-by-word"), f"{msg}, those {picked} picks", cmd.show(), cmd))
                msg = None
        elif msg and r.id == "sys.kill-by-word" and cmd.name != "kill":
            from .rules.system import restarted_by_line, started_by_session

            # `pkill -x qemu-system-ppc; qemu-system-ppc …`, or a program this session ran earlier on that machine
            msg = None if restarted_by_line(cmd, commands, sc) or started_by_session(cmd, sc) else msg
        if msg and own:
            from .provenance import COMMAND_LOWERABLE, lowered_command  # the session's own branches, containers, databases

            if r.id in COMMAND_LOWERABLE and lowered_command(r.id, r.verdict, cmd, ctx):
                msg = None
        if msg:
            out.findings.append(_finding(r, msg, cmd.show(), cmd))
    for r in _gated(_any_rules, cmd, sc):
        check_deadline(sc)
        msg = r.check(cmd, sc)
        if msg:
            out.findings.append(_finding(r, msg, cmd.show(), cmd))


def _check_settings_results(commands: list[SimpleCommand], out: ShellAnalysis, positions: list[int], sc: Scope, depth: int) -> None:
    """cp, mv, sed -i, jq > tmp && mv, curl -o into an agent's settings or an env file: the text it is left with, judged
    as a Write of it is (settingsresult.py, loaded only for such a line)."""
    from .rules.gates import content_judged, content_judged_folder, unknown

    if any(e.kind == WRITE and (content_judged(e.path) or content_judged_folder(e.path)) for e in out.effects):
        from .settingsresult import check_results

        check_results(commands, out.effects, positions, sc, out.findings, _judge_written, depth)
    if any(unknown(c) and _may_rewrite(c, sc) for c in commands):
        from .settingsresult import unmodelled_in_place

        unmodelled_in_place(commands, out.effects, sc, out.findings)


def _may_rewrite(cmd: SimpleCommand, sc: Scope) -> bool:
    """*cmd* is given an in-place option (`sed -i`, `json -I`), or is a program clearance does not model given an agent's
    or editor's settings file (which it may rewrite in place by default: settingsresult.unmodelled_in_place)."""
    if any(w.value in _IN_PLACE_OPTIONS for w in cmd.args):
        return True
    if not any(w.value.endswith(_SETTINGS_SUFFIXES) for w in cmd.args):
        return False
    from .rules.gates import unknown

    if not unknown(cmd) or any(w.value in _NO_WRITE_OPTIONS for w in cmd.args):
        return False
    vals = cmd.values()
    # an operand, not an option's value (`json -f opencode.json KEY` reads the file it is given with -f)
    files = [v for k, v in enumerate(vals) if _settings_operand(v, cmd, sc) and not (k and vals[k - 1].startswith("-") and "=" not in vals[k - 1])]
    # the text it would put there is on the line too (`sd FIND REPLACE FILE`): a program given the file alone reads,
    # checks or opens it (`jsonlint F`, `prettier --check F`, `open F`)
    others = [w.value for w in cmd.args if not w.value.startswith("-") and w.value not in files]
    return bool(files) and bool(others)


def _settings_operand(v: str, cmd: SimpleCommand, sc: Scope) -> bool:
    """*v* names an agent's or editor's settings file (gates.content_judged, env files aside): a program clearance does
    not model given one may rewrite it in place by default (`sd FIND REPLACE .zed/settings.json`, round 11b)."""
    from .rules.gates import content_judged, env_file

    if not v or v.startswith("-") or DYN in v or not v.endswith(_SETTINGS_SUFFIXES):
        return False
    path = sc.path(v, cmd)
    return content_judged(path) and not env_file(path)


# Options that, in the programs that have one, show a change instead of making it (sd -p, prettier --check, --dry-run).
_NO_WRITE_OPTIONS = frozenset({"-p", "--preview", "--check", "--dry-run", "--diff", "--list-different"})


# The endings of the settings files content_judged reads (JSON, JSONC, TOML, YAML, a VS Code workspace): a word with
# none is no settings file, and no path is resolved for it.
_SETTINGS_SUFFIXES = (".json", ".jsonc", ".json5", ".toml", ".yaml", ".yml", ".code-workspace")


# An option that, in the programs that have one, makes the program rewrite the files it is given (sed's and perl's -i,
# the json tool's -I, --in-place): settingsresult.unmodelled_in_place reads it in programs clearance does not model.
_IN_PLACE_OPTIONS = frozenset({"-i", "-I", "--in-place", "--inplace"})


# Findings about what the analysis cannot see (variables, computed paths): normal inside scripts.
_OPACITY_CATEGORIES = frozenset({"shell", "interp"})
_OPACITY_RULES = frozenset({"fs.delete-unknown-target"})


def strongest_denial(found: list[Finding]) -> Finding | None:
    """The denial that names code written or run elsewhere (a script, a file run by convention): a hard one first."""
    worst = [f for f in found if f.verdict in (HARD_DENY, SOFT_DENY)]
    return min(worst, key=lambda x: 0 if x.verdict == HARD_DENY else 1) if worst else None


def asked_side_effect(found: list[Finding]) -> Finding | None:
    """The first finding a person is asked about for what the code does (a deploy, sudo, a cluster change),
    not for what the analysis cannot see inside it (its variables, computed paths)."""
    return next((f for f in found if f.category not in _OPACITY_CATEGORIES and f.rule_id not in _OPACITY_RULES), None)


# code/convention.LINE_TEXT with the "; it" a convention run's label is given (kept equal: a test checks it).
_LINE_TEXT = " (given on the command line); it"
_NESTED_RULES = frozenset({"shell.script-content", "code.convention-run"})
_TEST_MODULE = "a test module pytest collects and runs; it"  # code/convention.TEST_MODULE, as labelled by _check_scripts
_TEST_SOURCE = "a test source its language's test runner compiles and runs; it"  # code/convention.TEST_SOURCE (go/cargo/mix test)
_INSTALLED_SCRIPT = "a shell script of an installed tree"  # scripts.INSTALLED_SCRIPT: `source .venv/bin/activate`
_IMPORTED_MODULE = "a module a test module imports; it"  # code/convention.IMPORTED_MODULE: only what disables clearance


def disables_clearance(rule_id: str) -> bool:
    """A finding about clearance itself: its files, library, processes and the agents' hook settings (self.*), a
    write or link of a protected file (the agents' settings, shell start-up files, git hooks), or a delete of a
    critical one (clearance's files, the agents' settings, the home folder).  What counts in
    a project module no command line names (code/convention.SOURCE_WRITTEN): an application module
    reading a token from the environment and sending it to its API is everyday code, not the agent switching off its
    overseer."""
    return rule_id.startswith("self.") or rule_id in _DISABLES_CLEARANCE


_DISABLES_CLEARANCE = frozenset({"fs.write-protected", "fs.link-to-protected", "fs.delete-critical", "interp.delete-critical"})
# A module the script loads (scripts._loaded, code/localmods.py): library code passes its parameters to dangerous APIs every
# day, so in one only what would be denied or asked about when typed counts, not what the analysis cannot resolve.
_LOADED = ", which loads "
# Opacity findings a script run by name is still asked about for: what its code reaches and cannot be resolved.
_CARRIED_FROM_SCRIPTS = frozenset({"interp.opaque", "shell.interactive-shell"})


def _path_of(sc: Scope, cmd: SimpleCommand, name: str) -> str:
    return sc.path(name, cmd)


def _interpreted_runs(commands: list[SimpleCommand], sc: Scope) -> dict[str, tuple[str, str]]:
    """The files later commands of the line run with an interpreter (`python3 t.py`, `node x.js`): path -> (program, language)."""
    from .shell.programs import INTERPRETERS, run_targets

    out: dict[str, tuple[str, str]] = {}
    for c in commands[1:]:
        lang = INTERPRETERS.get(c.name)
        if lang is not None:
            for t in run_targets(c):
                out.setdefault(sc.path(t, c), (c.name, lang))
    return out


def _judge_interpreted(path: str, text: str, runner: tuple[str, str], cmd: SimpleCommand, sc: Scope, findings: list[Finding], depth: int) -> None:
    """The text `sed -i 's/x/NEW/' t.py` adds to a file a later command of the line runs with an interpreter, where
    _check_scripts cannot read the file as the edit leaves it (no disk, an edit sededit does not apply): judged as that
    interpreter's one-liner would be.  A literal written there (`printf … > t.py; python t.py`) is read whole by
    _check_scripts (_same_line_text), and so is a file sededit edits."""
    from .shell.ir import shell_quote
    from .shell.programs import CODE_OPTIONS

    name, lang = runner
    options = CODE_OPTIONS.get(lang)
    if not options or not text.strip():
        return
    analysis = analyse_shell(f"{name} {options[0]} {shell_quote(text)}", sc, depth + 1)
    f = strongest_denial(analysis.findings)
    if f is not None:
        shown = path.rsplit("/", 1)[-1]
        msg = f"{shown}, which {name} runs on this line, holds code clearance denies when run directly: {f.message} ({f.rule_id})"
        findings.append(_finding(rule_by_id("write.dangerous-script"), msg, cmd.show()))


def _check_written_scripts(commands: list[SimpleCommand], sc: Scope, findings: list[Finding], depth: int) -> None:
    """`cat > x.sh <<EOF`, `printf … > Makefile`, `tee .envrc <<EOF`: a script written by the shell is judged like one written by Write.
    A file the same line then executes (`./x`, `sh x`, a hook option naming it) is a shell script whatever its name:
    a file without a `#!` line that is executed runs in /bin/sh (bash, and execvp's ENOEXEC fallback)."""
    ran: set[str] = set()
    compiled: set[str] = set()
    edited: dict[str, SimpleCommand] = {}
    handed: dict[str, SimpleCommand] = {}
    interpreted: dict[str, tuple[str, str]] = {}
    if len(commands) > 1:
        from .shell.programs import EMACSES, VIMS, run_targets, source_targets

        ran = {sc.path(t, c) for c in commands[1:] for t in run_targets(c, shell_only=True)}
        interpreted = _interpreted_runs(commands, sc)
        compiled = {sc.path(t, c) for c in commands[1:] for t in source_targets(c)}
        # `fastfetch -c /tmp/t.jsonc`, `PROG --config=F`: a file handed to a program clearance does not model, which
        # may run what the file says (_judge_handed).
        if _writes_then_runs(commands):
            from .shell.unwrap import known_program

            handed = {p: c for c in commands[1:] if c.name and not known_program(c.name) for p in _named_files(c, sc)}
        if any(c.name in VIMS or c.name in EMACSES for c in commands[1:]):
            from .scripts_more import editor_sources  # only for a line with an editor: scripts.py stays off ordinary lines

            # vim -S F, emacs -l F later on the line: the file written here is the editor's script (its commands run).
            edited = {sc.path(f, c): c for c in commands[1:] for _, f in editor_sources(c) if DYN not in f}
    for cmd in commands:
        check_deadline(sc)
        targets = [r.target.value for r in cmd.redirects if r.writes and r.target is not None and DYN not in r.target.value]
        if cmd.name == "tee":
            targets += [w.value for w in cmd.args if not w.value.startswith("-") and DYN not in w.value]
        if cmd.name == "tee" or any(r.target is not None and r.target.value == DYN for r in cmd.redirects):
            targets += _runner_env_targets(cmd)
        edits = None
        if cmd.name in ("sed", "gsed") and any(w.value.startswith("-") for w in cmd.args):
            from .shell.embedded import sed_edits

            # sed -i '$a TEXT' FILE, sed -i 's/X/TEXT/' FILE: the text sed adds is written into FILE, judged as a Write of it.
            edits = sed_edits(_sed_scripts_read(cmd, sc))
        if cmd.name == "git" and cmd.args:
            from . import pathstr
            from .shell.effects import git_config_file_write
            from .shell.options import normalise

            nc = normalise(cmd)
            written = git_config_file_write(nc) if nc.sub[:1] == ("config",) else None
            if written is not None and written[1]:
                # git config --file .gitmodules submodule.x.path .claude: the entry git writes, judged as a Write of it.
                base = next((v for o, v, level in nc.opts if o == "C" and level == 0 and v), None)
                edits = ([pathstr.join(base, written[0]) if base and not written[0].startswith(("/", "~")) else written[0]], written[1])
        # Whether _check_scripts reads these files as this command leaves them when a later command runs them: a literal
        # (_same_line_text), a sed edit applied to the disk's text (_same_line_edit); else only the text added is judged.
        overlaid = edits is None
        if not overlaid and cmd.name in ("sed", "gsed") and sc.ctx.read_file is not None:
            from .sameline import sed_edit_known

            overlaid = sed_edit_known(cmd, sc)
        if edits is None and cmd.name in ("cp", "mv", "install", "rsync") and sc.ctx.read_file is not None:
            from .sameline import copied_text

            # cp /tmp/c.py conftest.py, mv /tmp/x .venv/bin/pytest: the file gets the source's text, judged as a Write of
            # it where the hook can read the source (the project, a temporary folder; adversarial round 15a)
            edits = copied_text(cmd, sc)
        if edits is not None:
            targets, text = [t for t in edits[0] if DYN not in t], edits[1]
            if cmd.name in ("sed", "gsed"):
                targets += _runner_env_targets(cmd)  # sed -i '$a NAME=…' "$GITHUB_ENV"
        elif not targets:
            continue
        else:
            from .shell.unwrap import literal_output

            got = literal_output(cmd)
            if got is None and cmd.name == "cat" and sc.ctx.read_file is not None:
                from .sameline import copied_text

                got = (copied_text(cmd, sc) or ([], None))[1]  # cat /tmp/c.py > conftest.py
            if got is None:
                continue
            text = got
        for t in targets:
            path = sc.path(t, cmd)
            if path in compiled:
                _judge_compiled(path, text, cmd, sc, findings)
            if path in edited:
                _judge_editor_script(path, text, edited[path], cmd, sc, findings, depth)
            if path in handed and path not in ran:
                _judge_handed(path, text, handed[path], cmd, sc, findings, depth)
            if path in interpreted and path not in ran and not overlaid:
                _judge_interpreted(path, text, interpreted[path], cmd, sc, findings, depth)
            if _judge_written(path, text, cmd, sc, findings, depth, path in ran):
                break
            if overlaid and edits is not None and cmd.name in ("sed", "gsed") and path not in ran:
                _judge_sed_result(path, cmd, sc, findings)
    # Members of an unpacked archive or a copied folder that land where a tool loads them (treelist, Context.read_member):
    # their text is judged as the same file written by Write would be.
    landed, sc.landed = sc.landed, []
    for path, text, cmd in landed:
        check_deadline(sc)
        _judge_written(path, text, cmd, sc, findings, depth)


def _judge_sed_result(path: str, cmd: SimpleCommand, sc: Scope, findings: list[Finding]) -> None:
    """`sed -i 's#/usr/bin#/tmp/py/bin#' .venv/pyvenv.cfg`: where the edit is worked out on the disk's text (sededit), the
    file as it leaves it is judged for code run later from the temporary folder (write.deferred-temp-code), counting
    only what the edit newly makes so: the added fragment alone (`/tmp/py/bin`) names no key (round 14c, fix15)."""
    from functools import partial

    from .rules.tools import deferred_temp_code
    from .sededit import edited_texts

    reader = sc.ctx.read_file
    if reader is None or any(f.rule_id == "write.deferred-temp-code" for f in findings):
        return
    after = (edited_texts([w.value for w in cmd.argv], partial(_path_of, sc, cmd), reader) or {}).get(path)
    before = reader(path)
    if after is None or before is None or before == TOO_LARGE:
        return
    msg = deferred_temp_code(path, after, sc)
    if msg and not deferred_temp_code(path, before, sc):
        findings.append(_finding(rule_by_id("write.deferred-temp-code"), f"{cmd.name}: {msg}", cmd.show()))


def _named_files(cmd: SimpleCommand, sc: Scope) -> list[str]:
    """The files a command's words name: its operands and the values of its options (`-c F`, `--config=F`, `-cF` is
    not read), resolved."""
    out = []
    for v in cmd.values()[:32]:
        if v.startswith("--") and "=" in v:
            v = v.split("=", 1)[1]
        elif v.startswith("-") and ":" in v and v.rpartition(":")[2][:1] in ("/", ".", "~"):
            v = v.rpartition(":")[2]  # `tshark -Xlua_script:/tmp/x.lua`: an option naming a file after a colon
        if v and not v.startswith("-") and DYN not in v:
            out.append(sc.path(v, cmd))
    return out


def _judge_handed(path: str, text: str, program: SimpleCommand, cmd: SimpleCommand, sc: Scope, findings: list[Finding], depth: int) -> None:
    """A file written on this line with literal text and then handed to a program clearance does not model
    (`echo '{"text": "exec rm -rf ~"}' > /tmp/t.jsonc; fastfetch -c /tmp/t.jsonc`): the program may run what the file
    says, so its quoted strings are read as that program's quoted arguments are (the command lines, system() calls and
    socket-and-shell code in them), capped at ask: the file may be data."""
    from .shell.embedded import quoted_literals, socket_shell
    from .shell.interp import shell_quote

    name = path.rsplit("/", 1)[-1]
    if socket_shell(text):
        msg = f"{name}, which {program.name} is given on this line, is code that connects a network socket and runs a shell or what it receives"
        findings.append(Finding("shell.socket-shell", "ask", msg, rule_by_id("shell.socket-shell").category, cmd.show()))
        return
    literals = quoted_literals(text)
    if not literals:
        return
    analysis = analyse_shell(program.name + " " + " ".join(shell_quote(x) for x in literals), sc, depth + 1)
    f = strongest_denial(analysis.findings) or asked_side_effect(analysis.findings)
    if f is None:
        return
    msg = f"{name}, which {program.name} is given on this line, holds what it may run: {f.message} ({f.rule_id})"
    findings.append(Finding("write.dangerous-script", "ask", msg, rule_by_id("write.dangerous-script").category, cmd.show()))


def _judge_editor_script(path: str, text: str, editor: SimpleCommand, cmd: SimpleCommand, sc: Scope, findings: list[Finding], depth: int) -> None:
    """An editor's script file written and then sourced on the same line (`printf … > /tmp/s.vim; vim -S /tmp/s.vim`):
    its commands judged as the editor's typed ones, as when the file is on the disk (scripts._editor_scripts)."""
    from .scripts_more import editor_code

    code = editor_code(editor.name, path, text)
    if not code:
        return
    r = rule_by_id("shell.script-content")
    name = path.rsplit("/", 1)[-1]
    if code == TOO_LARGE:
        findings.append(_finding(r, f"{name}, which {editor.name} runs on this line, is more than clearance reads; a person looks at it", cmd.show()))
        return
    analysis = analyse_shell(code, sc, depth + 1)
    f = strongest_denial(analysis.findings)
    if analysis.too_large or f is not None:
        why = f"a command clearance denies when typed: {f.message} ({f.rule_id})" if f is not None else "code clearance cannot analyse"
        findings.append(_finding(r, f"{name}, which {editor.name} runs on this line, runs {why}", cmd.show()))


def _runner_env_targets(cmd: SimpleCommand) -> list[str]:
    """A CI runner's file of variables for later steps, named by its variable (`>> "$GITHUB_ENV"`, `tee -a $GITHUB_ENV`,
    `sed -i … $GITHUB_ENV`):
    the path gates.env_file knows it by, so the text written there is judged as an env file's (adversarial round 16g)."""
    from .rules.gates import RUNNER_ENV_VARS

    words = [r.target for r in cmd.redirects if r.writes and r.target is not None]
    if cmd.name in ("tee", "sed", "gsed"):
        words += [w for w in cmd.args if not w.value.startswith("-")]
    return [RUNNER_ENV_VARS[w.vars[0]] for w in words if w.value == DYN and len(w.vars) == 1 and w.vars[0] in RUNNER_ENV_VARS]


def _judge_compiled(path: str, text: str, cmd: SimpleCommand, sc: Scope, findings: list[Finding]) -> None:
    """Source of a language clearance does not read (Go, Java, Swift), written and then run on the same line: code that
    connects a socket and starts a shell is a reverse shell (shell.socket-shell); the hidden files of the home and the
    system's configuration its string literals name may be read or written (asked, as such a name in a one-liner's code
    is: shell/embedded.code_literal_paths)."""
    from . import paths
    from .shell.embedded import code_literal_paths, socket_shell

    if socket_shell(text):
        name = path.rsplit("/", 1)[-1]
        msg = f"{name}, run on this line, is code that connects a network socket and starts a shell (a reverse or bind shell)"
        findings.append(_finding(rule_by_id("shell.socket-shell"), msg, cmd.show()))
        return
    for p in code_literal_paths(text, sc.ctx.home):
        why = paths.protected_reason(p, sc.ctx) or paths.credential_reason(p, sc.ctx)
        if why:
            name = path.rsplit("/", 1)[-1]
            msg = f"{name}, run on this line, is code clearance does not read that names {sc.show(p)} ({why}); it may read or write it"
            findings.append(Finding("write.dangerous-script", "ask", msg, rule_by_id("write.dangerous-script").category, cmd.show()))
            return


def _judge_written(path: str, text: str, cmd: SimpleCommand, sc: Scope, findings: list[Finding], depth: int, run: bool = False) -> bool:
    """The checks a Write of *text* into *path* gets, for a file the shell writes; True when a script finding ends the search."""
    from .rules.convention import convention_verdict
    from .rules.fs import git_config_verdict, package_config_verdict
    from .rules.self import agent_launch_verdict, env_write, hook_environment, hook_loaders, hook_locations, sourced_environment, submodule_into_protected
    from .rules.tools import _SETTINGS_SUFFIXES, auto_approve_verdict, script_verdict

    msg = submodule_into_protected(path, text, sc)
    if msg:
        findings.append(_finding(rule_by_id("self.submodule-into-settings"), f"{cmd.name}: {msg}", cmd.show()))
    msg = env_write(path, text, sc, hook_environment)
    if msg:
        findings.append(_finding(rule_by_id("self.hook-environment-file"), f"{cmd.name}: {msg}", cmd.show()))
    msg = env_write(path, text, sc, hook_locations)
    if msg:
        findings.append(_finding(rule_by_id("self.hook-locations-file"), f"{cmd.name}: {msg}", cmd.show()))
    msg = env_write(path, text, sc, hook_loaders)
    if msg:
        findings.append(_finding(rule_by_id("self.loader-environment-file"), f"{cmd.name}: {msg}", cmd.show()))
    msg = env_write(path, text, sc, lambda p, t: sourced_environment(p, t, sc))
    if msg:
        findings.append(_finding(rule_by_id("self.sourced-environment-file"), f"{cmd.name}: {msg}", cmd.show()))
    msg = package_config_verdict(path, text, sc)
    if msg:
        findings.append(_finding(rule_by_id("write.package-config"), f"{cmd.name} writes {msg}", cmd.show()))
    msg = git_config_verdict(path, text, sc)
    if msg:
        findings.append(_finding(rule_by_id("write.git-config-code"), f"{cmd.name} writes {msg}", cmd.show()))
    msg = auto_approve_verdict(path, text)
    if msg:
        findings.append(_finding(rule_by_id("write.agent-auto-approve"), f"{cmd.name} writes {msg}", cmd.show()))
    launch = agent_launch_verdict(path, text, sc, depth) if path.endswith(_SETTINGS_SUFFIXES) else (None, None)
    if launch[0]:
        findings.append(_finding(rule_by_id("self.agent-launch-settings"), f"{cmd.name}: {launch[0]}", cmd.show()))
    elif launch[1]:
        findings.append(_finding(rule_by_id("self.agent-launch-settings-code"), f"{cmd.name}: {launch[1]}", cmd.show()))
    if not run:  # a file run later, not by this line (whose run reads the file as it is now)
        from .rules.tools import deferred_temp_code

        msg = deferred_temp_code(path, text, sc)
        if msg:
            findings.append(_finding(rule_by_id("write.deferred-temp-code"), f"{cmd.name}: {msg}", cmd.show()))
    msg = script_verdict(path, text, sc, depth, run)
    if msg:
        findings.append(_finding(rule_by_id("write.dangerous-script"), msg, cmd.show()))
        return True
    msg = convention_verdict(path, text, sc, depth)
    if msg:
        findings.append(_finding(rule_by_id("write.convention-code"), f"{cmd.name}: {msg}", cmd.show()))
        return True
    return False


def _sed_scripts_read(cmd: SimpleCommand, sc: Scope) -> list[str]:
    """sed's argv with each `-f SCRIPT` (`--file=SCRIPT`) replaced by `-e` and the script's text, where the hook can read
    it: `sed -i -f x.sed .envrc` adds what x.sed says.  A script it cannot read stays as it is (the edit is unknown)."""
    argv = [w.value for w in cmd.argv]
    if sc.ctx.read_file is None:
        return argv
    out = argv[:1]
    i = 1
    while i < len(argv):
        a = argv[i]
        name = None
        if a in ("-f", "--file") and i + 1 < len(argv):
            name, i = argv[i + 1], i + 1
        elif a.startswith("--file="):
            name = a[7:]
        elif a.startswith("-") and not a.startswith("--") and a.endswith("f") and len(a) > 2 and i + 1 < len(argv):
            out.append(a[:-1])  # -nf SCRIPT: -n, then -f SCRIPT
            name, i = argv[i + 1], i + 1
        if name is not None:
            text = sc.ctx.read_file(sc.path(name, cmd)) if DYN not in name and name != "-" else None
            if text is None or text == TOO_LARGE:
                out += ["-f", name]
            else:
                out += ["-e", text]
        else:
            out.append(a)
        i += 1
    return out


_SCRIPT_READERS: tuple[Callable[..., bool], Callable[..., list[tuple[str, str]]], str, Callable[..., bool]] | None = None


def _script_readers() -> tuple[Callable[..., bool], Callable[..., list[tuple[str, str]]], str, Callable[..., bool]]:
    """What _check_scripts uses, imported on its first call (an import statement costs microseconds every time)."""
    global _SCRIPT_READERS
    if _SCRIPT_READERS is None:
        from .code import has_js_config, may_run_by_convention
        from .model import TOO_LARGE

        _SCRIPT_READERS = (may_run_by_convention, _script_runs, TOO_LARGE, has_js_config)
    return _SCRIPT_READERS


def _script_runs(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """scripts.script_runs, imported only for a command that may run a project file by its name (shell/programs.py
    may_run_a_script, the first test script_runs makes): `git status` or `ls` do not load scripts.py (~39 KB of code)."""
    from .shell.programs import may_run_a_script

    if not may_run_a_script(cmd.name, cmd.argv[0].raw if cmd.argv else "", cmd.values()):
        return []
    from .scripts import script_runs

    return script_runs(cmd, sc)


# How many files deep clearance follows scripts that run scripts (`npm run ci` → `npm run build` → `npm run clean` →
# `./clean.sh`); a script run deeper than that is asked about, never taken as harmless (_scripts_too_deep).
SCRIPT_DEPTH = 6


def _scripts_too_deep(commands: list[SimpleCommand], sc: Scope, findings: list[Finding]) -> None:
    """At SCRIPT_DEPTH: a command that runs yet another project script is asked about (what that one runs is not read)."""
    _, script_runs, _, _ = _script_readers()
    for cmd in commands:
        check_deadline(sc)
        runs = script_runs(cmd, sc)
        if runs:
            r = rule_by_id("shell.script-content")
            why = f"{runs[0][0]} runs scripts nested more than {SCRIPT_DEPTH} files deep, further than clearance follows"
            findings.append(_finding(r, why + "; a person looks at them", cmd.show()))
            return


def _writes_then_runs(commands: list[SimpleCommand]) -> bool:
    """Whether a command before the last writes a file through a redirection or tee (the cheap test before
    _same_line_text reads what it writes): a file the line writes may be the script a later command runs."""
    return len(commands) > 1 and any(c.name == "tee" or any(r.writes for r in c.redirects) for c in commands[:-1])


def _same_line_text(cmd: SimpleCommand, sc: Scope, written: dict[str, str]) -> None:
    """Note in *written* the literal text *cmd* writes to a file (`echo CODE > /tmp/t.py`, `cat > x.js <<EOF`,
    `printf … | tee x.rb`): the file a later command of the line runs holds that text, not what is on the disk now."""
    if cmd.name != "tee" and not any(r.writes for r in cmd.redirects):
        return
    from .shell.unwrap import literal_output

    text = literal_output(cmd)
    for r in cmd.redirects:
        if r.writes and r.target is not None and not r.fd and DYN not in r.target.value:
            path = sc.word_path(r.target, cmd)
            if text is None:
                written.pop(path, None)  # written from content clearance cannot read: the disk's text is not it either
            else:
                written[path] = written.get(path, "") + text if r.op in (">>", "&>>") else text
    if cmd.name == "tee":
        append = any(w.value in ("-a", "--append") for w in cmd.args)
        for w in cmd.args:
            if not w.value.startswith("-") and DYN not in w.value:
                path = sc.path(w.value, cmd)
                if text is None:
                    written.pop(path, None)
                else:
                    written[path] = written.get(path, "") + text if append else text


def _may_pick_toolchain(cmd: SimpleCommand) -> bool:
    """`cargo +TOOLCHAIN …`, RUSTUP_TOOLCHAIN=…, `rustup run …`: a Rust toolchain that may be named by its folder
    (shell/pathlookup.py reads its program; imported only then)."""
    return (len(cmd.argv) > 1 and cmd.argv[1].value[:1] == "+") or "RUSTUP_TOOLCHAIN" in cmd.assigns or cmd.name == "rustup"


def _check_scripts(commands: list[SimpleCommand], sc: Scope, findings: list[Finding], depth: int) -> None:
    """Project scripts the commands run (bash x.sh, ./x.sh, make, npm run): their commands are judged too.  A file an
    earlier command of the line wrote with literal text (`echo CODE > /tmp/t.py; python3 /tmp/t.py`) is read as that
    text: what runs is what was just written, whether or not clearance may read the disk.  A file a sed of the line
    edits in place (`sed -i 's/x/y/' t.py && python t.py`) is read, where the disk is, as the edit leaves it (sededit)."""
    disk = sc.ctx.read_file
    written: dict[str, str] = {}
    try:
        _check_scripts_in(commands, sc, findings, depth, disk, written)
    finally:
        sc.ctx.read_file = disk


def _same_line_edit(cmd: SimpleCommand, sc: Scope, written: dict[str, str], edited: dict[str, str], disk: Callable[[str], str | None]) -> None:
    """Note in *edited* each file a `sed -i` edits, as it leaves it (sededit): read from what the line wrote before it,
    else the disk.  A file the line wrote with literal text and sed then edits is no longer that literal text."""
    from functools import partial

    from .sededit import edited_texts

    argv = [w.value for w in cmd.argv]
    if any(DYN in v for v in argv):
        return
    for p, text in (edited_texts(argv, partial(_path_of, sc, cmd), _overlay({**edited, **written}, disk)) or {}).items():
        edited[p] = text
        written.pop(p, None)


def _check_scripts_in(
    commands: list[SimpleCommand], sc: Scope, findings: list[Finding], depth: int, disk: Callable[[str], str | None] | None, written: dict[str, str]
) -> None:
    may_run_by_convention, script_runs, TOO_LARGE, has_js_config = _script_readers()
    lister = sc.ctx.list_dir
    before: SimpleCommand | None = None
    writes = _writes_then_runs(commands)
    session_path = None
    if sc.ctx.shell_dir is not None:
        from .context import PATH_KEY

        session_path = sc.ctx.shell_dir(PATH_KEY)  # the folders earlier calls put first on a persisting shell's PATH
    # A sed editing a file in place before the last command: those after it read the file as the edit leaves it.
    edits = disk is not None and any(c.name in ("sed", "gsed") for c in commands[:-1])
    edited: dict[str, str] = {}
    for cmd in commands:
        if before is not None and (writes or edits):
            if writes:
                prior = dict(written)
                _same_line_text(before, sc, written)
                for p in set(prior) | set(written):
                    if prior.get(p) != written.get(p):
                        edited.pop(p, None)
            if edits and disk is not None and before.name in ("sed", "gsed"):
                _same_line_edit(before, sc, written, edited, disk)
            if written or edited:
                sc.ctx.read_file = _overlay({**edited, **written}, disk)
        before = cmd
        if sc.ctx.read_file is None:
            continue
        # A script named on the command line "runs"; a file run by convention is named by its role first.
        found = [(rule_by_id("shell.script-content"), label, code) for label, code in script_runs(cmd, sc)]
        if "PATH" in cmd.assigns or session_path or _may_pick_toolchain(cmd):
            # `PATH=$PWD/bin:$PATH lint`, `git lint` -> git-lint there, `cargo +./tc build` -> tc/bin/cargo: the file
            # found is what runs (shell/pathlookup.py).
            from .shell.pathlookup import found_on_path

            for run in found_on_path(cmd, sc, session_path):
                where = "on the PATH the line sets" if run.via[-1:] == ("PATH",) else "in the Rust toolchain the line names"
                found += [(rule_by_id("shell.script-content"), f"{label} ({run.name}, found {where})", code) for label, code in script_runs(run, sc)]
        if may_run_by_convention(cmd.name, cmd.argv[0].value if cmd.argv else "", cmd.values(), bool(cmd.assigns)) or (
            # `eslint .`, `npx vite build`: the program loads its JavaScript configuration from the directory it runs in.
            lister is not None and cmd.cwd is not None and cmd.remote is None and has_js_config(cmd.name, lister(cmd.cwd))
        ):
            from .code.convention import runs  # only for toolchains: other commands never import it

            found += [(rule_by_id("code.convention-run"), label + "; it", code) for label, code in runs(cmd, sc)]
        for rule, label, code in found:
            # A test module: only a hard denial counts, and one too large to read is skipped (code/convention.TEST_MODULE).
            imported = label.endswith(_IMPORTED_MODULE)
            test = imported or label.endswith((_TEST_MODULE, _TEST_SOURCE, _INSTALLED_SCRIPT))
            if code == TOO_LARGE and test:
                continue
            if code == TOO_LARGE:
                unread = f"{label} runs a script clearance cannot read (larger than it reads, or no regular file); a person looks at it"
                findings.append(_finding(rule, unread, cmd.show()))
                continue
            if code == UNREAD:
                if not test:
                    findings.append(_finding(rule, f"{label}: code further than clearance follows; a person looks at it", cmd.show()))
                continue
            check_deadline(sc)
            if (label, code) in sc.scripts_read:
                continue  # read once per decision: a script reached again (fan-out, a cycle) adds nothing new
            if len(sc.scripts_read) < 4096:
                sc.scripts_read.add((label, code))
            analysis = analyse_shell(code, sc, depth + 1)
            if analysis.too_large and test:
                continue
            if analysis.too_large:
                findings.append(_finding(rule, f"{label} runs a script clearance cannot analyse ({analysis.error}); a person looks at it", cmd.show()))
                continue
            inner = [g for g in analysis.findings if disables_clearance(g.rule_id)] if imported else analysis.findings
            f = strongest_denial(inner)
            if f is not None and ((written and _runs_written(cmd, sc, written)) or label.endswith(_LINE_TEXT)):
                # The file was written on this line with literal text: the agent's own code, typed in two steps, not a
                # script of the project's; judged as the same code piped to the program would be (`echo CODE | python3`).
                findings.append(Finding(f.rule_id, f.verdict, f"{label} runs what this line just wrote: {f.message}", f.category, cmd.show()))
                continue
            if f is not None and (not test or f.verdict == HARD_DENY):
                findings.append(_finding(rule, f"{label} runs a command clearance denies when typed: {f.message} ({f.rule_id})", cmd.show()))
                continue
            # Side effects a person is asked about when typed (a deploy, sudo, a cluster change) are asked
            # about here too; what the analysis cannot see inside a script (its variables) is not.
            # A script that runs another script (`bash a.sh` → `bash b.sh`, a postinstall → `node setup.js`): what the inner
            # one was asked about for is what this one runs.
            if test:
                continue
            nested = [f for f in inner if f.rule_id in _NESTED_RULES]
            if nested:
                findings.append(_finding(rule, f"{label} runs, through another file: {nested[0].message}", cmd.show()))
                continue
            f = asked_side_effect(inner)
            if f is None and rule.id == "shell.script-content" and _LOADED not in label:
                # Interpreter code reaching a dangerous API with arguments it cannot resolve (shutil.rmtree(sys.argv[1]),
                # execSync(process.argv[2])), or handing the terminal to a shell, is asked about in a script run by name
                # as it is when typed (python -c).
                f = next((x for x in inner if x.rule_id in _CARRIED_FROM_SCRIPTS), None)
            if f is not None:
                findings.append(_finding(rule, f"{label} runs a command clearance asks about when typed: {f.message} ({f.rule_id})", cmd.show()))


def _runs_written(cmd: SimpleCommand, sc: Scope, written: dict[str, str]) -> bool:
    """Whether *cmd* names (runs) a file an earlier command of its line wrote with literal text."""
    raw = cmd.argv[0].raw.strip("'\"") if cmd.argv else ""
    names = [raw] if "/" in raw else []
    # `bash < x.txt`, `python3 < t.py`: the file given on the program's input is what it runs.
    names += [r.target.value for r in cmd.redirects if r.op == "<" and not r.fd and r.target is not None]
    return any(DYN not in v and sc.path(v, cmd) in written for v in [*names, *cmd.values()])


def _overlay(written: dict[str, str], disk: Callable[[str], str | None] | None) -> Callable[[str], str | None]:
    """A reader that answers with the text the line wrote for the files in *written*, with *disk* for the others."""

    def read(path: str) -> str | None:
        text = written.get(path)
        if text is not None:
            return text
        return disk(path) if disk is not None else None

    return read


def _names_shown(effs: list[Effect], commands: list[SimpleCommand]) -> None:
    """A names-only listing (`grep -rl`, `rg -c`) piped on stays one only when every command reading its output just
    passes text on (effects.TEXT_FILTERS): `| head` shows the names, `| xargs cat` opens the files."""
    from .shell.effects import TEXT_FILTERS

    for e in effs:
        if not e.names_only or e.cmd is None or not e.cmd.piped:
            continue
        todo, seen = [e.cmd], 0
        while todo and seen < 64:  # the whole chain: `| sort | xargs cat` opens them too
            src = todo.pop()
            seen += 1
            readers = [c for c in commands if any(u is src or src in u.inner for u in c.stdin_from)]
            if not readers or any(c.name not in TEXT_FILTERS or c.via for c in readers):
                e.names_only = False
                break
            todo += [c for c in readers if c.piped]


def check_effects(
    effs: list[Effect], sc: Scope, findings: list[Finding], commands: list[SimpleCommand] | None = None, positions: list[int] | None = None
) -> None:
    if not effs:
        return
    own = sc.ctx.owns is not None
    fresh: dict[int, str] = {}
    if own:
        # the session's own objects: an ask or soft denial on them is dropped
        from .provenance import alone_in_call, lowered, lowered_in_call, lowered_removal, made_in_call

        fresh = made_in_call(effs, commands, positions, sc.ctx) if commands and positions else {}
        if commands and positions:
            sc.alone = frozenset(id(effs[n]) for n in alone_in_call(effs, commands, positions, sc.ctx))
    remade: dict[int, bool] = {}
    if commands and positions and len(commands) > 1:
        kinds = [e.kind for e in effs]
        if WRITE in kinds and DELETE in kinds[kinds.index(WRITE) + 1 :]:
            from .sameline import made_then_removed  # `touch ~/x && rm ~/x`: the line removes what it made

            remade = made_then_removed(effs, commands, positions, sc)
            sc.remade = frozenset(id(effs[n]) for n in remade if effs[n].kind == DELETE)
    # An effect equal to one judged before (generated code reads one file thousands of times) has the same findings:
    # they are repeated, not found again (every effect still counts).
    judged: dict[tuple[object, ...], list[Finding]] = {}
    try:
        for n, e in enumerate(effs):
            check_deadline(sc)
            key = (e.kind, e.path, e.raw, e.recursive, id(e.cmd), e.note, e.names_only, e.query, n in fresh, id(e) in sc.alone, remade.get(n))
            again = judged.get(key)
            if again is not None:
                findings.extend(Finding(f.rule_id, f.verdict, f.message, f.category, f.command) for f in again)
                continue
            start = len(findings)
            for r in _gated(lambda kind=e.kind: _list("effect:" + kind), e, sc):
                msg = r.check(e, sc)
                if msg and not (
                    own
                    and (
                        lowered(r.id, r.verdict, e, sc.ctx)
                        or (n in fresh and lowered_in_call(r.id, r.verdict, e, sc.ctx))
                        or (remade.get(n) and lowered_removal(r.id, r.verdict))
                    )
                ):
                    findings.append(_finding(r, msg, e.cmd.show() if e.cmd is not None else "", e.cmd))
            judged[key] = findings[start:]
    finally:
        sc.alone = frozenset()
        sc.remade = frozenset()


def check_action(action: Action, sc: Scope, findings: list[Finding]) -> None:
    if action.kind == "mcp":
        from .mcpshell import code_command, gh_command, git_command, shell_command

        # a git server's checkout/reset is the shell's git; a GitHub server's new issue or comment is gh's
        command = shell_command(action) or git_command(action) or gh_command(action)
        if command is None and (code := code_command(action)) is not None:
            command = code[0]  # code a server runs (`eval {code}`, `python {code}`): judged as the one-liner it is
        if command is not None:
            findings.extend(analyse_shell(command, sc).findings)  # a command run through the server is a command
        from .tools import mcp_file_twin

        twin = mcp_file_twin(action)  # a filesystem server's write is the Write tool's: its text is judged as such
        if twin is not None:
            check_action(twin, sc, findings)
    for r in _gated(lambda: _action_list(action.kind, action.tool_name), action, sc):
        check_deadline(sc)
        msg = r.check(action, sc)
        if msg:
            f = _finding(r, msg)
            if action.kind == "mcp" and sc.trust.mcp_servers:
                from .rules.tools import on_trusted_server  # trust.mcp_servers: what it lowers, what it never does

                kept = on_trusted_server(f, action, sc)
                if kept is None:
                    continue
                f = kept
            findings.append(f)


def timed_out(budget_s: float) -> Decision:
    return Decision(
        "deny",
        f"clearance could not finish analysing this call within its {budget_s:g} s budget, so it is denied rather than let through"
        " unanalysed; retry it, or split it into smaller, simpler calls",
        ["engine.deadline"],
        "default",
    )


def evaluate(action: Action, ctx: Context, policy: Policy | None = None, budget_s: float | None = None) -> Decision:
    """Decide one action.  Never raises: an internal error becomes *ask*, running out of time *deny*."""
    t0 = time.perf_counter()
    if policy is None:
        from .policy import DEFAULT

        policy = DEFAULT
    pol = policy
    budget = DEADLINE_S if budget_s is None else budget_s
    token = PARSE_DEADLINE.set(time.perf_counter() + budget)
    try:
        url = pol.data.get("audit", {}).get("url")
        if url:
            from .paths import with_audit_store

            with_audit_store(ctx, url)  # the store the policy moved is clearance's too
        if pol.data.get("served") or "CLEARANCE_TEAM_SERVICE" in ctx.env:
            from .paths import with_served_copy

            with_served_copy(ctx)  # a team client's copy of the team's policy: not re-derived during an outage
        sc = Scope(ctx, pol.trust)
        sc.deadline = _clock() + budget
        rev = pol.data.get("reviewer")
        if url or (rev and rev.get("base_url")) or "CLEARANCE_TEAM_SERVICE" in ctx.env:
            from .ownports import own_endpoints

            sc.own_ports = own_endpoints(pol.data, ctx.env)  # clearance's loopback services (self.forged-endpoint)
        if ctx.platform.startswith(("darwin", "win32", "cygwin", "msys")) or ctx.home.startswith("/Users/"):
            action = _as_spelled(action, ctx)
        decision = _evaluate(action, sc, pol)
    except ParseTimeout:
        decision = timed_out(budget)
    except Exception as exc:
        from .errors import DecisionTimeout

        if isinstance(exc, DecisionTimeout):
            decision = timed_out(budget)
        else:
            decision = Decision(
                "ask",
                f"clearance hit an internal error ({type(exc).__name__}: {exc}); asking instead of guessing",
                ["engine.internal-error"],
                "default",
            )
    finally:
        PARSE_DEADLINE.reset(token)
    guide(decision, pol, "CLEARANCE_TEAM_SERVICE" in ctx.env)
    decision.elapsed_ms = (time.perf_counter() - t0) * 1000.0
    return decision


def _as_spelled(action: Action, ctx: Context) -> Action:
    """*action* with the file paths of its input spelled as the rules spell them (paths.role_spelling), on a file system
    that compares names case-insensitively: the rules that read a tool's input by name (write.dangerous-script's
    `Makefile`, `package.json`, `.husky/`) then see `MAKEFILE`, `Package.JSON`, `.Husky/` as the files they are. A copy:
    the call itself, as recorded and shown, keeps its own spelling."""
    from .paths import role_spelling, win32_name

    def spelled(v: str) -> str:
        if ctx.platform.startswith(("win32", "cygwin", "msys")):
            v = win32_name(v)  # `Makefile.` and `Makefile ` are the Makefile (Scope.path does the same for effects)
        return role_spelling(v, ctx)

    ti = action.tool_input
    new = dict(ti)
    for key in ("file_path", "path", "notebook_path"):
        v = ti.get(key)
        if isinstance(v, str) and v.startswith("/"):
            new[key] = spelled(v)
    files = ti.get("files")
    if isinstance(files, list):
        new["files"] = [
            {**f, "path": spelled(f["path"])} if isinstance(f, dict) and isinstance(f.get("path"), str) and f["path"].startswith("/") else f for f in files
        ]
    if new == ti:
        return action
    return Action(action.kind, action.tool_name, new)


# What the analysis writes for a value only known at run time; never shown to a person or an agent.
_PLACEHOLDERS = (DYN, "${__clearance_dynamic}", "$__clearance_dynamic")


def plain(text: str) -> str:
    """Text for people: run-time placeholders shown as `…`."""
    for p in _PLACEHOLDERS:
        if p in text:
            text = text.replace(p, "…")
    return text


def liftable(decision: Decision, policy: Policy) -> bool:
    """Whether the user may lift this deny/ask with an allow rule in their own policy file."""
    if decision.decision == "allow" or not decision.findings or not policy.data.get("allow_user_trust", True):
        return False
    for f in decision.findings:
        if f.verdict == HARD_DENY:
            return False
    driving = set(decision.rules)
    for f in decision.findings:
        # What must be cleared for the call to be allowed: the findings driving the decision and every other ask or
        # soft denial (`git push origin --delete x; kubectl delete ns y`: the push's question stays once the delete
        # is allowed, so `clearance allow` names both commands, allow.candidate_rules).
        if f.rule_id not in driving and f.verdict not in (ASK, SOFT_DENY):
            continue
        if f.category in _OPACITY_CATEGORIES or f.rule_id in _OPACITY_RULES or f.category == "policy" or f.rule_id not in REGISTRY:
            return False  # allow rules never clear what the analyser cannot see through, nor another rule
        if DYN in f.command or "…" in f.command:
            return False  # `clearance allow` writes exact rules: a value known only at run time cannot be named
        if f.command and f.command in decision.redirected:
            return False  # a Bash rule names the words, not where the redirect writes (policy/apply.py)
    return True


# How the user lifts a deny or an ask on their own machine (audit.apply_escalation turns the first into the second
# when a denial is handed to a person: approving once is the agent's dialog, these are the lasting ways).
LIFT_DENY = "The user may allow exactly this: `clearance allow --last`."
LIFT_ASK = "To allow it from now on, the user may run `clearance allow --last` (with `--session`: for this session only)."


def guide(decision: Decision, policy: Policy, team_client: bool = False) -> None:
    """Give a deny/ask its way forward (decision.hint) and keep placeholders out of what is shown.

    *team_client*: decided on a machine whose hook is a client of a team service, in its stead (remote.py: the service
    is unreachable). Its lasting way is the team's policy even when no copy of it is cached: a grant in the user's
    own file counts only during outages, since the service never reads it."""
    lift = liftable(decision, policy)
    decision.reason = plain(decision.reason)
    for f in decision.findings:
        f.message = plain(f.message)
    if decision.decision == "allow" or not decision.rules:
        return
    r = rule_by_id(decision.rules[0]) if decision.rules[0] in rules_index().module else REGISTRY.get(decision.rules[0])
    driving = next((f.command for f in decision.findings if f.rule_id == decision.rules[0] and f.command), "")
    safer = r.safer(driving) if r is not None else ""
    parts = [f"Safer: {safer}."] if safer else []
    hard = any(f.verdict == "hard_deny" for f in decision.findings)
    served = policy.data.get("served", False)  # decided by the team service: the team's policy, not the user's file
    if not served and team_client:
        served = "offline"
    if decision.decision == "deny":
        if hard:
            parts.append("Try another way: this cannot be allowed, and if the user needs it, they run it themselves.")
        elif lift and served == "cached":
            parts.append("Decided with the team policy while the team service is unreachable: the user may ask its admins to allow it in the team policy.")
        elif lift and served == "offline":
            parts.append("Decided on this machine while the team service is unreachable: the user may ask its admins to allow it in the team policy.")
        elif lift and served:
            parts.append("The team service decided this: the user may ask its admins to allow it in the team policy.")
        elif lift:
            parts.append(LIFT_DENY)
        elif not parts:
            parts.append("Try another way, or ask the user to run it.")
    elif lift and served:  # worded for every agent: Codex, Gemini CLI and Copilot CLI turn an ask into a block
        parts.append("To allow it from now on, the user may ask the team service's admins to allow it in the team policy.")
    elif lift:
        parts.append(LIFT_ASK)
    decision.hint = " ".join(parts)


def _evaluate(action: Action, sc: Scope, policy: Policy) -> Decision:
    findings: list[Finding] = []
    commands: list[SimpleCommand] = []
    effs: list[Effect] = []
    exported: dict[str, str] = {}
    shell_moved: list[tuple[str, str]] = []  # the folder a persisting shell is left in (provenance ``w``)
    if action.kind == "shell":
        cmd = action.tool_input.get("command")
        if not isinstance(cmd, str):
            return Decision("ask", "The shell call has no command string to analyse.", ["input.malformed"], "default")
        # "tty": the adapter's mark for a tool whose command the agent can type into later (Codex's exec_command,
        # Copilot's bash with write_bash)
        tty = bool(action.tool_input.get("tty"))
        # "persists": a shell that outlives the call (Copilot CLI's bash sessions); Codex's exec_command starts a new
        # process each call, so what its line exports ends with it
        persists = bool(action.tool_input.get("persists"))
        lost = False
        dirs: list[str | None] = []
        key = shell_key(action.tool_input)
        if persists and sc.ctx.shell_dir is not None:
            # The session's shell starts where an earlier call left it (provenance's ``w`` records), not in the event's cwd.
            from .shell.persist import session_folder

            lost, dirs = session_folder(sc.ctx, key)
        analysis = analyse_shell(cmd, sc, typed_input=tty, persists=persists, lost_cwd=lost, dirs=dirs)
        exported = analysis.exported
        if persists and (analysis.cwd != (None if lost else sc.ctx.cwd) or (analysis.error and _may_change_folder(cmd))):
            shell_moved = [("w", key + "\t" + ((not analysis.error and analysis.cwd) or "?"))]
        if persists and not analysis.error and analysis.dirs != dirs:
            from .shell.persist import STACK_MARK, stack_text

            shell_moved.append(("w", key + STACK_MARK + "\t" + stack_text(analysis.dirs)))
        if analysis.path_first:
            from .shell.persist import PATH_KEY

            had = (sc.ctx.shell_dir(PATH_KEY) or "") if sc.ctx.shell_dir is not None else ""
            joined = ":".join(dict.fromkeys([*had.split(":"), *analysis.path_first]).keys() - {""})
            shell_moved.append(("w", PATH_KEY + "\t" + joined))
        findings, commands, effs = analysis.findings, analysis.commands, analysis.effects
        if action.tool_input.get("dangerouslyDisableSandbox") not in (None, False):
            # The call asks to leave the sandbox the user switched on: the user's question, never answered allow here
            # (adversarial round 10a). Only such calls load the rule's pack.
            r = rule_by_id("self.sandbox-escape")
            msg = r.check(action, sc)
            if msg:
                findings = [*findings, _finding(r, msg)]
    else:
        from .tools import action_effects

        effs = action_effects(action, sc)
        check_effects(effs, sc, findings)
        check_action(action, sc, findings)
    path_first = [p for k, p in shell_moved if p.startswith("$PATH\t")]
    if (sc.ctx.shell_dir is not None or path_first) and any(e.kind == WRITE for e in effs):
        from .context import PATH_KEY

        # The folders earlier calls put first on a persisting shell's PATH, and this line's own.
        folders = path_first[0].partition("\t")[2] if path_first else sc.ctx.shell_dir(PATH_KEY) if sc.ctx.shell_dir is not None else None
        if folders:
            from .shell.persist import session_path_programs

            findings = findings + [_finding(rule_by_id(rid), m) for rid, m in session_path_programs(effs, folders.split(":"))]
    if policy.has_rules or policy.errors or policy.auto_mode != "enabled":
        from .policy.apply import apply

        decision = apply(policy, action, commands, effs, findings, sc)
    else:
        decision = combine(findings)
    if decision.decision != "allow" and commands:
        decision.redirected = frozenset(c.show() for c in commands if any(r.writes for r in c.redirects))
    if sc.ctx.owns is not None and decision.decision == "allow":
        from .provenance import creations, exported_objects, objects

        decision.creates = creations(effs, sc.ctx) + objects(commands, sc.ctx) + exported_objects(exported, sc.ctx)
    # Noted whatever the answer (hook.py: an asked line may run or not, so the folder is then unknown).
    decision.creates += shell_moved
    return decision


def _may_change_folder(command: str) -> bool:
    """Whether a line clearance could not parse names a builtin that changes the shell's folder."""
    return any(w in command for w in ("cd", "pushd", "popd"))


def shell_key(tool_input: dict[str, Any]) -> str:
    """Which of the agent's persisting shells a call runs in (the adapter's ``shell``: Copilot CLI's bash session id)."""
    key = tool_input.get("shell")
    return "".join(c if c.isprintable() and c not in "\t$" else " " for c in key[:200]) if isinstance(key, str) else ""
