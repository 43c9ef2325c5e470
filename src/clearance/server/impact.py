"""What a proposed managed policy would have decided differently over the recent audit trail.

The same engine decides every recorded call twice, with the current and with the proposed policy
(the service's own way of deciding: no project files, the home derived from the working directory).
Recorded inputs are what the audit keeps -- redacted secrets, file contents cut to the configured
length -- so a call whose decision depended on the cut part can come out differently; the preview
says how many calls it replayed and from when.
"""

from __future__ import annotations

import json
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_CALLS = 2000
BUDGET_S = 20.0


def _event(row: dict[str, Any]) -> dict[str, Any]:
    tool_input = row.get("tool_input")
    if isinstance(tool_input, str):
        try:
            tool_input = json.loads(tool_input)
        except ValueError:
            tool_input = {}
    return {
        "hook_event_name": "PreToolUse",
        "tool_name": row.get("tool_name") or "",
        "tool_input": tool_input if isinstance(tool_input, dict) else {},
        "cwd": row.get("cwd") or "/",
        "session_id": row.get("session_id") or "",
    }


HARD_LABEL = "deny (hard)"

# Sections a replay of single calls cannot show: denial limits act over a session, the audit settings on the trail,
# the reviewer and the probe outside the engine's deciding of a recorded call.
NOT_REPLAYED = ("audit", "escalation", "probe", "reviewer")


def not_replayed(current_text: str, proposed_text: str) -> list[str]:
    """The sections of NOT_REPLAYED the proposal changes (pure; TOML that does not parse counts as changing all)."""
    import tomllib

    try:
        before, after = tomllib.loads(current_text), tomllib.loads(proposed_text)
    except tomllib.TOMLDecodeError:
        return list(NOT_REPLAYED)
    return [k for k in NOT_REPLAYED if before.get(k) != after.get(k)]


def outcome(decision: str, hard: bool) -> str:
    """How the preview names a decision (pure): a hard denial apart from a soft one -- a change between them is a
    change an approver must see (a hard denial is never handed to a person, granted or cleared by an allow rule)."""
    return HARD_LABEL if decision == "deny" and hard else decision


def _decide(event: dict[str, Any], policy: Any) -> tuple[str, list[str], bool]:
    from ..api import decide_event_full
    from .service import served_home

    env = {"HOME": served_home(event.get("home"))}
    d, _, _ = decide_event_full(event, env, policy, local_files=False)
    return d.decision, list(d.rules), any(f.verdict == "hard_deny" for f in d.findings)


def impact(rows: list[dict[str, Any]], current: Any, proposed: Any, budget_s: float = BUDGET_S, decide: Any = None) -> dict[str, Any]:
    """{replayed, since, before: {decision: n}, after: {...}, changed: [...], rules_gained, rules_lost, complete}.

    The counts are by decision (allow, ask, deny); *changed* also lists a denial that becomes hard or soft.
    *decide(event, side)* decides one call with *current* or *proposed* (default: the service's way, a Policy each);
    `clearance policy impact` passes the machine's own (its layers, its disk)."""
    decide = decide or _decide
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    gained: dict[str, int] = {}
    lost: dict[str, int] = {}
    changed: list[dict[str, Any]] = []
    start = time.monotonic()
    replayed = 0
    since = None
    complete = True
    for row in rows[:MAX_CALLS]:
        if time.monotonic() - start > budget_s:
            complete = False
            break
        if row.get("shadow") or not row.get("tool_name"):
            continue
        ev = _event(row)
        a, ra, hard_a = decide(ev, current)
        b, rb, hard_b = decide(ev, proposed)
        replayed += 1
        ts = row.get("ts")
        if isinstance(ts, (int, float)):
            since = ts if since is None else min(since, ts)
        before[a] = before.get(a, 0) + 1
        after[b] = after.get(b, 0) + 1
        for r in set(rb) - set(ra):
            gained[r] = gained.get(r, 0) + 1
        for r in set(ra) - set(rb):
            lost[r] = lost.get(r, 0) + 1
        if outcome(a, hard_a) != outcome(b, hard_b):
            changed.append(
                {
                    "id": row.get("id"),
                    "tool_name": ev["tool_name"],
                    "tool_input": ev["tool_input"],
                    "cwd": ev["cwd"],
                    "before": outcome(a, hard_a),
                    "after": outcome(b, hard_b),
                    "rules": rb or ra,
                }
            )
    return {
        "replayed": replayed,
        "since": since,
        "before": before,
        "after": after,
        "changed": changed,
        "rules_gained": dict(sorted(gained.items(), key=lambda kv: -kv[1])),
        "rules_lost": dict(sorted(lost.items(), key=lambda kv: -kv[1])),
        "complete": complete and len(rows) <= MAX_CALLS,
    }
