"""Deciding hook events: the one entry point the CLI, the hook and Python callers share."""

from __future__ import annotations

import time

from .adapters.claude import parse_event
from .engine import DEADLINE_S, evaluate
from .model import Decision

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os
    from collections.abc import Callable

    from .model import Action, Context
    from .policy import Policy


def malformed(message: str) -> Decision:
    return Decision("ask", f"The hook event could not be understood ({message}); asking instead of guessing.", ["input.malformed"], "default")


def decide_event(event: object, env: dict[str, str] | os._Environ[str] | None = None) -> Decision:
    """Decide one event in Claude Code's PreToolUse shape.  Never raises."""
    return decide_event_full(event, env)[0]


_LOAD_POLICY: Callable[..., Policy] | None = None


def _load_policy() -> Callable[..., Policy]:
    """policy.load_policy, imported on first use (then kept: an import statement costs microseconds every time)."""
    global _LOAD_POLICY
    from .policy import load_policy

    _LOAD_POLICY = load_policy
    return load_policy


def decide_event_full(
    event: object, env: dict[str, str] | os._Environ[str] | None = None, policy: Policy | None = None, local_files: bool = True
) -> tuple[Decision, Context | None, Policy | None]:
    """The decision plus the context and policy it was made in (for recording).  Never raises.

    ``local_files=False`` (the team service, deciding for another machine) reads no project file.
    """
    t0 = time.perf_counter()
    try:
        action, ctx = parse_event(event, env)
        if not local_files:
            ctx.read_file = None
            ctx.list_dir = None
            ctx.dir_state = None  # nor what a directory holds
            ctx.environ = None  # nor the environment its commands run in
            ctx.realpath = None  # another machine's symlinks are not on this disk
            ctx.owns = None  # nor what its session created
            ctx.git_changes = None  # nor its repositories
            ctx.processes = None  # nor its processes
            ctx.sibling_checkout = None  # nor which checkouts are the project's
            ctx.list_tree = None  # nor the archives and folders it unpacks or copies
            ctx.read_member = None
    except Exception as e:
        from .errors import MalformedEvent

        d = malformed(str(e) if isinstance(e, MalformedEvent) else f"{type(e).__name__}: {e}")
        d.elapsed_ms = (time.perf_counter() - t0) * 1000.0
        return d, None, None
    if policy is None:
        policy = (_LOAD_POLICY or _load_policy())(ctx.project_root, env)
    # The engine's budget counts from the event's arrival (reading it and the policy took some of it).
    budget = max(DEADLINE_S - (time.perf_counter() - t0), DEADLINE_S / 4)
    decision = evaluate(action, ctx, policy, budget_s=budget)
    decision.inputs = lambda: input_texts(action, ctx)
    if decision.decision != "allow" and policy.data.get("reviewer", {}).get("provider"):
        import os

        from .reviewer import review

        decision = review(decision, action, ctx, policy, os.environ if env is None else env)
    return decision, ctx, policy


def input_texts(action: Action, ctx: Context) -> list[str]:
    """The texts a call brought with it: every string of its input, the files clearance read for it (a script, a
    SQL file) and its environment's values -- whatever a reason quotes that is not clearance's own words."""
    out: list[str] = []
    todo: list[object] = [action.tool_input]
    while todo and len(out) < 10_000:
        v = todo.pop()
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            todo.extend(v.keys())
            todo.extend(v.values())
        elif isinstance(v, list):
            todo.extend(v)
    disk: object = getattr(ctx.read_file, "__self__", None)  # context.ProjectFiles (or a test's dict of files)
    texts_read = getattr(disk, "texts_read", None)
    read = texts_read() if callable(texts_read) else disk.values() if isinstance(disk, dict) else ()
    out.extend(t for t in read if isinstance(t, str))
    if ctx.environ is not None:
        out.extend(v for v in ctx.environ.values() if isinstance(v, str))
    return out


def decide(
    tool_name: str,
    tool_input: dict[str, object],
    cwd: str | None = None,
    session_id: str = "",
    env: dict[str, str] | None = None,
) -> Decision:
    """Decide one tool call given in Claude Code's terms (Python API)."""
    import os

    event = {
        "hook_event_name": "PreToolUse",
        "tool_name": tool_name,
        "tool_input": tool_input,
        "cwd": cwd or os.getcwd(),
        "session_id": session_id,
    }
    return decide_event(event, env)
