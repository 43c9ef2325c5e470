"""Decisions a thin client made while the team service was unreachable, uploaded later (pure but for the store call).

The hook records an outage's decisions on the machine with the rule ``service.unreachable`` (remote.py) and, at the
next call the service answers, a detached process (clearance/offline.py) sends those not yet sent to
``POST /v1/offline``.  Here each row is checked and normalised (``accept``): only the audit columns, the types they are
stored as, a decision that is a decision, a time that is not in the future; the machine is the token's name, whatever
the row says (``user_name`` is overwritten: a client cannot write rows for another machine); the rule
``service.unreachable`` marks it as decided offline.  The key that makes a resent row a duplicate is computed here from
the normalised row, so the client cannot choose it.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

OFFLINE_RULE = "service.unreachable"
MAX_ROWS = 200  # per request: the client sends in batches of at most this many
MAX_AGE_S = 400 * 86_400.0  # older rows are refused (a clock set wrong, or a replay of long-pruned history)
FUTURE_S = 600.0
_TEXT = {"session_id": 200, "agent": 40, "cwd": 4096, "tool_name": 200, "stage": 40, "reason": 4000, "reviewer_stage": 40}
_DECISIONS = ("allow", "deny", "ask")


def accept(row: object, machine: str, now: float) -> dict[str, Any] | None:
    """The record to store for one uploaded row, or None when it is not a decision record."""
    import json

    if not isinstance(row, dict):
        return None
    ts = row.get("ts")
    if not isinstance(ts, (int, float)) or isinstance(ts, bool) or not (now - MAX_AGE_S <= float(ts) <= now + FUTURE_S):
        return None
    decision, raw = row.get("decision"), row.get("raw_decision", row.get("decision"))
    if decision not in _DECISIONS or raw not in _DECISIONS:
        return None
    tool_input = row.get("tool_input")
    rules = row.get("rules", [])
    if not isinstance(tool_input, dict) or not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        return None
    if len(json.dumps(tool_input)) > 200_000:
        return None
    rec: dict[str, Any] = {"ts": float(ts), "decision": decision, "raw_decision": raw, "tool_input": tool_input}
    for col, limit in _TEXT.items():
        v = row.get(col, "")
        if not isinstance(v, str):
            return None
        rec[col] = v[:limit]
    rules = [r[:200] for r in rules[:50]]
    rec["rules"] = rules if OFFLINE_RULE in rules else [*rules, OFFLINE_RULE]
    for col in ("elapsed_ms", "reviewer_ms"):
        v = row.get(col, 0)
        rec[col] = float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 else 0.0
    for col in ("tokens_in", "tokens_out"):
        v = row.get(col, 0)
        rec[col] = int(v) if type(v) is int and v >= 0 else 0
    rec["shadow"] = row.get("shadow") is True or row.get("shadow") == 1
    rec["headless"] = row.get("headless") is True or row.get("headless") == 1
    rec["user_name"] = machine  # the token's machine, never the row's claim
    return rec


def upload_key(rec: dict[str, Any]) -> str:
    """What makes a resent row a duplicate: a digest of the normalised row (the columns the hash chain covers)."""
    from ..store.chain import canonical
    from ..store.keys import blake2b
    from ..store.sqlite import _values

    return blake2b(canonical(_values(rec)), digest_size=16).hexdigest()
