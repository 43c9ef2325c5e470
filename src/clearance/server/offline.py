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
MAX_BODY = 4_000_000  # bytes per request: refused from Content-Length, else once this much has been read
# Per token and per service process (a client's machine sends at most outbox.MAX_BATCHES batches per run, one run at a
# time): an outage of a day on a busy CI runner drains in a few hours, one machine or a leaked token cannot fill the store.
REQUESTS_PER_MINUTE = 60
ROWS_PER_HOUR = 20_000
MAX_AGE_S = 400 * 86_400.0  # older rows are refused (a clock set wrong, or a replay of long-pruned history)
FUTURE_S = 600.0
# Numbers a row may carry (elapsed_ms, tokens_in ...): within what a 64-bit store column holds; anything else counts as 0.
MAX_NUMBER = 2**63 - 1
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
        rec[col] = float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v < MAX_NUMBER else 0.0
    for col in ("tokens_in", "tokens_out"):
        v = row.get(col, 0)
        rec[col] = int(v) if type(v) is int and 0 <= v < MAX_NUMBER else 0  # (a column holds 64 bits: 10**30 failed the store)
    rec["shadow"] = row.get("shadow") is True or row.get("shadow") == 1
    rec["headless"] = row.get("headless") is True or row.get("headless") == 1
    rec["user_name"] = machine  # the token's machine, never the row's claim
    return rec


def upload_key(rec: dict[str, Any]) -> str:
    """What makes a resent row a duplicate: a digest of the normalised row (the columns the hash chain covers)."""
    from ..store.pending import row_key

    return row_key(rec)


class Budget:
    """Uploads per token: at most REQUESTS_PER_MINUTE requests a minute and ROWS_PER_HOUR decisions an hour (sliding
    windows, in this process).  ``charge`` answers 0 and counts the upload, or the seconds to wait (nothing counted)."""

    def __init__(self) -> None:
        import threading

        self._lock = threading.Lock()
        self._seen: dict[str, list[tuple[float, int]]] = {}

    def charge(self, owner: str, rows: int, now: float) -> float:
        with self._lock:
            past = [(t, n) for t, n in self._seen.get(owner, []) if t > now - 3600.0]
            recent = [t for t, _ in past if t > now - 60.0]
            if len(recent) >= REQUESTS_PER_MINUTE:
                self._seen[owner] = past
                return max(1.0, recent[-REQUESTS_PER_MINUTE] + 60.0 - now)
            if sum(n for _, n in past) + rows > ROWS_PER_HOUR:
                # Wait until enough of the hour's rows have aged out for this batch (at most an hour).
                need, wait = sum(n for _, n in past) + rows - ROWS_PER_HOUR, 3600.0
                for t, n in past:
                    need -= n
                    if need <= 0:
                        wait = t + 3600.0 - now
                        break
                self._seen[owner] = past
                return max(1.0, wait)
            past.append((now, rows))
            self._seen[owner] = past
            return 0.0
