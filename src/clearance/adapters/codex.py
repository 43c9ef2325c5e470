"""OpenAI Codex CLI hooks (PreToolUse), see docs/protocols.md.

Input is Claude-compatible (``hook_event_name``, ``tool_name``, ``tool_input``,
``cwd``, ``session_id``, ``turn_id``).  Codex cannot *ask* from a hook (it
rejects ``permissionDecision: "ask"`` and runs the call), so clearance blocks
with exit code 2 and a reason that tells the agent to ask the user.
"""

from __future__ import annotations

from ..errors import Conflict, PatchTooLarge
from ..redact import shown
from .common import END_TURN, Answer, command_string, first_str, join_cwd, patch_files, unreadable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model import Decision

NAME = "codex"
SHELL_TOOLS = frozenset({"Bash", "shell", "local_shell", "exec_command", "container.exec", "unified_exec"})
# Codex's own tools that touch only its thread's state or ask the user (Codex 0.171.0 sends PreToolUse for each): judged
# as the agent's internal tools. Unmapped, each was an unknown tool, which Codex (whose hooks cannot ask) blocked.
# Shell tools that run their command with no input and end with it (older Codex's `shell`, `local_shell`, the container's).
_NO_INPUT_TOOLS = frozenset({"shell", "local_shell", "container.exec"})
INTERNAL = frozenset(
    {"get_goal", "create_goal", "update_goal", "request_user_input", "wait_agent", "close_agent", "resume_agent", "list_agents", "interrupt_agent"}
)
# Codex's sub-agent tools (its multi_agent_v1 namespace, whose name Codex 0.171.0 sends either bare or glued to the
# tool's: `multi_agent_v1wait_agent`). Starting or instructing a sub-agent is judged as Claude Code's Agent: the
# sub-agent's own tool calls each reach PreToolUse (tests/e2e_agents, coverage). Unmapped, each was an unknown tool,
# which Codex (whose hooks cannot ask) blocked: no sub-agents at all.
_AGENT_NAMESPACE = "multi_agent_v1"
SUB_AGENT = frozenset({"spawn_agent", "send_input", "followup_task", "send_message"})


def to_event(event: dict[str, Any]) -> dict[str, Any]:
    tool = str(event.get("tool_name", ""))
    ti = event.get("tool_input")
    ti = ti if isinstance(ti, dict) else {}
    out = dict(event)
    out["hook_event_name"] = "PreToolUse"
    if tool.startswith(_AGENT_NAMESPACE) and tool[len(_AGENT_NAMESPACE) :].lstrip("._/-") in SUB_AGENT | INTERNAL:
        tool = tool[len(_AGENT_NAMESPACE) :].lstrip("._/-")
    if tool in SHELL_TOOLS and ti.get("command") is not None and ti.get("cmd") is not None and ti["command"] != ti["cmd"]:
        # The shell tool reads `command`, exec_command `cmd`: two that disagree are never guessed between (round 9c).
        return unreadable(out, tool, "the tool input gives 'command' and 'cmd' different values")
    if tool in SHELL_TOOLS and (patch := _shell_patch(ti.get("command") if ti.get("command") is not None else ti.get("cmd"))) is not None:
        # Codex intercepts apply_patch given to its shell tool and applies the envelope itself: it is the patch tool,
        # run in the call's workdir, where the envelope's relative paths are read (round 9c: dropping it judged
        # `settings.json` with workdir ~/.claude as the project's).
        try:
            where = first_str(ti, "workdir", "working_directory")
        except Conflict as e:
            return unreadable(out, tool, str(e))
        if where:
            out["tool_cwd"] = join_cwd(event.get("cwd"), where)
        tool, ti = "apply_patch", {"input": patch}
    if tool in SHELL_TOOLS:
        cmd = command_string(ti.get("command")) or command_string(ti.get("cmd"))
        env = ti.get("env")
        if cmd is not None and isinstance(env, dict) and env:
            # The Responses API's local_shell action carries the command's own environment: judged as `export K=V;
            # SCRIPT`, so a preload or a git configuration is read as if typed before the script (round 9c).
            if not all(isinstance(k, str) and k.isidentifier() and isinstance(v, str) for k, v in env.items()):
                return unreadable(out, tool, "env is not a map of variable names to strings")
            import shlex

            cmd = "export " + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items()) + "\n" + cmd
        out["tool_name"] = "Bash"
        out["tool_input"] = {"command": cmd} if cmd is not None else {}
        if cmd is not None and tool not in _NO_INPUT_TOOLS and ti.get("tty") is not False:
            # Codex keeps a process started with a terminal (exec_command's tty) running, and the model types into it
            # through write_stdin, for which Codex 0.171.0 sends no PreToolUse (tests/e2e_agents, codex-stdin-session):
            # what the command reads from its input is unseen (`python3` is a REPL there, not a program reading an
            # empty input). Codex's event names the call Bash and leaves tty out: only an explicit tty: false (closed
            # input) is known to have no terminal, besides the tools that never keep one. Both marks: an interactive shell there is not idle (tty, engine's
            # typed_input) and what reads the terminal reads unseen input (tool_stdin, Context.live_stdin).
            out["tool_input"]["tty"] = True
            out["tool_stdin"] = "terminal"
        try:
            where = first_str(ti, "workdir", "working_directory")
        except Conflict as e:
            return unreadable(out, tool, str(e))
        if where:
            # The project is found from the session cwd; this one command runs elsewhere (`working_directory`: the
            # Responses API's local_shell action, round 9c).
            out["tool_cwd"] = join_cwd(event.get("cwd"), where)
    elif tool == "view_image":
        # Codex's view_image reads a local file (`path`) and shows it to the model: a Read of that file, whose relative
        # path or ~ the engine resolves as for any Read.
        try:
            path = first_str(ti, "path", "file_path")
        except Conflict as e:
            return unreadable(out, tool, str(e))
        out["tool_name"] = "Read"
        out["tool_input"] = {"file_path": path}
    elif tool in INTERNAL:
        out["tool_name"], out["tool_input"] = "TodoWrite", {}
    elif tool in SUB_AGENT:
        # The task given (`message`, or structured `items`), read as the prompt of a sub-agent.
        import json

        task = ti.get("message") if isinstance(ti.get("message"), str) else json.dumps(ti.get("items") or ti.get("message") or "")
        out["tool_name"], out["tool_input"] = "Agent", {"prompt": task, "description": tool}
    elif tool == "apply_patch":
        patch = ti.get("command") or ti.get("input") or ti.get("patch") or ""
        if isinstance(patch, list):
            patch = "\n".join(str(p) for p in patch)
        try:
            files = patch_files(str(patch))
        except PatchTooLarge as e:
            return unreadable(out, tool, str(e))
        out["tool_name"] = "ApplyPatch"
        out["tool_input"] = {"files": [{"kind": k, "path": p, "content": c} if c else {"kind": k, "path": p} for k, p, c in files]}
    return out


_PATCH_PROGRAMS = ("apply_patch", "applypatch")


def _shell_patch(command: object) -> str | None:
    """The envelope of a shell call Codex runs as apply_patch: argv `["apply_patch", PATCH]`, or a script that is only
    `apply_patch <<'EOF' … EOF` (as `bash -lc` gives it). None for anything else."""
    if isinstance(command, list) and len(command) == 2 and command[0] in _PATCH_PROGRAMS and isinstance(command[1], str):
        return command[1]
    script = command_string(command)
    if script is None:
        return None
    head, _, body = script.strip().partition("\n")
    words = head.replace("<<", " << ").split()
    if len(words) != 3 or words[0] not in _PATCH_PROGRAMS or words[1] != "<<":
        return None
    delim = words[2].strip("'\"")
    text, _, end = body.rpartition("\n")
    return text if end.strip() == delim and delim else None


def render_answer(decision: Decision) -> Answer:
    decision = shown(decision)  # its reason quotes the call: no secret in it is read back to the agent
    if decision.defer:
        return Answer(None, 0)  # auto mode disabled: the agent's own permission system decides
    if decision.decision == "allow":
        return Answer(None, 0)
    verb = "denied" if decision.decision == "deny" else "needs a person's approval"
    reason = f"clearance {verb}: {decision.reason} [{', '.join(decision.rules)}]."
    if decision.decision == "ask":
        reason += " Codex hooks cannot ask, so the call is blocked: ask the user to approve or run it themselves."
    if decision.hint and not decision.stop:
        reason += " " + decision.hint
    if decision.stop:
        # Codex 0.171.0 rejects continue:false on PreToolUse (and PostToolUse's does not end
        # `codex exec`): exit 2 blocks, the reason asks the model to end its turn.
        reason += END_TURN
    # Codex quotes the reason as "…hook: REASON. Command: CMD" (0.171.0, measured: tests/e2e_agents, the model's next
    # request): a reason that ends its own sentence reached the model as "….. Command:".
    return Answer(None, 2, reason.removesuffix("."))
