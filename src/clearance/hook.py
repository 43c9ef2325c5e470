"""``clearance hook``: one event on stdin, the agent's answer on stdout.

This module is the per-call hot path.  It imports only json, os, sys and the
engine (which loads tree-sitter's C extensions directly); tests/test_import_budget.py
keeps it that way.  Whatever happens, it prints an answer and exits 0: a
crash would let Claude Code run the tool (a non-blocking hook error).
"""

from __future__ import annotations

import json
import sys

MAX_EVENT_BYTES = 8 * 1024 * 1024


def _answer(obj: object) -> None:
    sys.stdout.write(json.dumps(obj))
    sys.stdout.write("\n")
    sys.stdout.flush()


def run(raw: bytes, agent: str | None = None) -> tuple[dict[str, object] | None, str]:
    """Decide one raw event; returns (answer for stdout or None, message for stderr)."""
    from .adapters.claude import render
    from .api import decide_event, malformed

    if len(raw) > MAX_EVENT_BYTES:
        d = malformed(f"the event is {len(raw)} bytes, more than {MAX_EVENT_BYTES}")
        return render(d), "clearance: event too large; answered ask"
    try:
        text = raw.decode("utf-8")
        event = json.loads(text)
    except (UnicodeDecodeError, ValueError) as e:
        d = malformed(f"not valid JSON: {str(e)[:120]}")
        return render(d), f"clearance: malformed hook event ({str(e)[:200]}); answered ask"
    name = event.get("hook_event_name", "PreToolUse") if isinstance(event, dict) else "PreToolUse"
    if name not in ("PreToolUse", None) and isinstance(name, str):
        # Other events (PostToolUse, ...) are not decisions; answer nothing.
        return None, ""
    decision = decide_event(event)
    msg = ""
    if decision.rules and decision.rules[0] in ("input.malformed", "engine.internal-error"):
        msg = "clearance: " + decision.reason
    return render(decision), msg


def main(argv: list[str] | None = None) -> int:
    try:
        raw = sys.stdin.buffer.read(MAX_EVENT_BYTES + 1)
        answer, message = run(raw)
    except Exception as e:
        answer = {
            "hookSpecificOutput": {
                "hookEventName": "PreToolUse",
                "permissionDecision": "ask",
                "permissionDecisionReason": f"clearance failed ({type(e).__name__}); asking instead of guessing",
            }
        }
        message = f"clearance: internal error {type(e).__name__}: {e}"
    if message:
        sys.stderr.write(message + "\n")
    if answer is not None:
        _answer(answer)
    return 0
