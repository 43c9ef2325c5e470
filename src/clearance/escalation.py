"""Escalation: when auto mode keeps denying, hand control back to a person.

Pure functions; the stores call ``step`` inside the transaction that updates the
session's counters, so the decision and the counters always agree.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DEFAULT_LIMITS = (3, 20)
# Below these a handover would follow almost every denial: a limit of 0 turns every deny into ask.
MIN_LIMITS = (2, 2)


def step(raw_decision: str, consecutive: int, total: int, limits: tuple[int, int]) -> tuple[bool, int, int]:
    """(escalate this call?, new consecutive denials, new total denials).

    A denial escalates when the session already reached either limit; an
    allowed call resets the consecutive count; *ask* changes nothing.
    """
    if raw_decision == "deny":
        escalate = consecutive >= limits[0] or total >= limits[1]
        return escalate, consecutive + 1, total + 1
    if raw_decision == "allow":
        return False, 0, total
    return False, consecutive, total


def handover(rec: dict[str, Any], consecutive: int, total: int, limits: tuple[int, int], headless: bool) -> dict[str, Any]:
    """The fields of an escalated record: ask in an interactive session, stop when headless."""
    if consecutive >= limits[0]:
        why = f"auto mode has denied {consecutive} calls in a row in this session"
    else:
        why = f"auto mode has denied {total} calls in this session"
    original = str(rec.get("reason", ""))
    if headless:
        return {
            "decision": "deny",
            "stage": "escalation",
            "stop": True,
            "reason": f"Stopping the run: {why} and no person is watching this headless session. Last denial: {original.rstrip('.')}. "
            + review(str(rec.get("session_id") or "")),
        }
    return {
        "decision": "ask",
        "stage": "escalation",
        "stop": False,
        "reason": f"Handing over to you: {why}. This call was denied because: {original}",
    }


def review(session: str) -> str:
    """The way from a stopped run to a decision, for the person who reads why it stopped (the stop names no single call:
    the denials before it may be what to allow).  A session id the agent sent is named only when it is plainly an id
    (it is pasted into a shell)."""
    plain = 0 < len(session) <= 80 and all(c.isalnum() or c in "-_.:" for c in session) and not session.startswith("-")
    where = f"`clearance log --session {session}`" if plain else "`clearance log --decision deny`"
    return f"A person may review the run's calls with {where} and allow one with `clearance allow ID`."


def sane(limits: tuple[int, int]) -> tuple[int, int]:
    """*limits* raised to the minimums, whatever the caller passed."""
    return (max(int(limits[0]), MIN_LIMITS[0]), max(int(limits[1]), MIN_LIMITS[1]))


def settle(
    rec: dict[str, Any],
    consecutive: int,
    total: int,
    limits: tuple[int, int],
    headless: bool,
    hard: bool | None = None,
) -> tuple[dict[str, Any], dict[str, Any], int, int]:
    """For a store's transaction: (record to write, outcome for the hook, new consecutive, new total).

    *hard* says the denial is a hard one (a hard_deny finding or a hard_deny policy rule); when it
    is None the record's ``hard_deny`` field says so. A hard denial still counts, and still stops a
    headless run, but is never handed over as *ask*: a string of denied credential reads must not
    make the next `rm -rf ~` a question.
    """
    if hard is None:
        hard = bool(rec.get("hard_deny"))
    limits = sane(limits)
    escalate, new_c, new_t = step(str(rec["raw_decision"]), consecutive, total, limits)
    if escalate and hard and not headless:
        escalate = False
    out: dict[str, Any] = {"escalate": escalate, "consecutive": consecutive, "total": total}
    if escalate:
        out.update(handover(rec, consecutive, total, limits, headless))
        rec = {**rec, "decision": out["decision"], "stage": out["stage"], "reason": out["reason"]}
    return rec, out, new_c, new_t
