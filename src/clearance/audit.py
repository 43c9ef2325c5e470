"""Recording decisions and applying escalation, at the edge of the decision path.

The decision is made before anything is written; if the store cannot be
reached a denial or a question stands (it is never turned into an allow), an
allow becomes a question (an unrecorded allow is what blinding the audit trail
would buy), and the failure is reported on stderr.
"""

from __future__ import annotations

import sys
import time

from .redact import reason_shown, redact

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .model import Context, Decision
    from .policy import Policy

# Fields that hold file contents rather than commands: cut shorter in the audit trail.
CONTENT_KEYS = frozenset({"content", "old_string", "new_string", "new_source", "file_text", "old_str", "new_str", "patch", "diff"})
CONTENT_CHARS = 2000

_HEADLESS_ENTRYPOINTS = ("sdk-cli", "sdk-py", "sdk-ts", "sdk")
# The variables is_headless reads: what an agent's own http hook sends the team service (X-Clearance-Env).
HEADLESS_VARS = ("CI", "GITHUB_ACTIONS", "CLEARANCE_HEADLESS", "CLAUDE_CODE_ENTRYPOINT")


def is_headless(env: Any, forced: bool = False) -> bool:
    """No person is watching: --headless, CLEARANCE_HEADLESS, CI, or Claude Code's SDK / -p entry points."""
    if forced:
        return True
    flag = str(env.get("CLEARANCE_HEADLESS", "")).lower()
    if flag in ("1", "true", "yes"):
        return True
    if flag in ("0", "false", "no"):
        return False
    if str(env.get("CI", "")).lower() in ("1", "true", "yes") or env.get("GITHUB_ACTIONS") == "true":
        return True
    return str(env.get("CLAUDE_CODE_ENTRYPOINT", "")) in _HEADLESS_ENTRYPOINTS


def make_record(
    decision: Decision, event: dict[str, Any], ctx: Context | None, shadow: bool, headless: bool, content_chars: int = CONTENT_CHARS
) -> dict[str, Any]:
    tool_input = event.get("tool_input") if isinstance(event.get("tool_input"), dict) else {"raw": str(event.get("tool_input"))[:2000]}
    return {
        "ts": time.time(),
        "session_id": str(event.get("session_id") or (ctx.session_id if ctx else "") or ""),
        "agent": ctx.agent if ctx else str(event.get("agent", "")),
        "cwd": ctx.cwd if ctx else str(event.get("cwd", ""))[:4096],
        "tool_name": str(event.get("tool_name", ""))[:200],
        "tool_input": redact(_bounded(tool_input, content_chars=content_chars)),
        "decision": decision.decision,
        # A call deferred to the agent (auto mode disabled) is recorded as ask, but clearance found nothing against
        # it: for escalation it is ordinary work between denials, not a question (which would count nothing).
        "raw_decision": "allow" if decision.defer else decision.decision,
        # Not a stored column: escalation.settle reads it (a hard denial is never handed over as ask). A policy's own
        # deny rule is one too: "calls that are always denied" (policy/schema.py), which a run of denials made a question
        # for the person the organisation's rule was written against (adversarial round 12b).
        "hard_deny": decision.decision == "deny" and any(_never_handed_over(f, decision.rules) for f in decision.findings),
        "stage": decision.stage,
        "rules": list(decision.rules),
        "reason": reason_shown(decision)[0],  # reasons quote commands, URLs and SQL (clearance's own words kept)
        "elapsed_ms": round(decision.elapsed_ms, 3),
        "shadow": shadow,
        "headless": headless,
        "reviewer_stage": (decision.review or {}).get("stage", ""),
        "tokens_in": (decision.review or {}).get("tokens_in", 0),
        "tokens_out": (decision.review or {}).get("tokens_out", 0),
        "reviewer_ms": (decision.review or {}).get("ms", 0.0),
        "user_name": str(event.get("user_name", "")),
    }


def _never_handed_over(f: Any, driving: list[str]) -> bool:
    """A finding whose denial escalation never turns into a question: a hard denial, or a policy deny rule that drives it."""
    return bool(f.verdict == "hard_deny" or (f.category == "policy" and f.verdict == "soft_deny" and f.rule_id in driving))


def _bounded(obj: Any, limit: int = 20_000, content_chars: int = CONTENT_CHARS, key: str = "") -> Any:
    """Keep very large inputs from bloating the store: long strings are cut.

    File contents (Write's content, Edit's old/new strings, notebook sources) are cut at
    *content_chars* (0: the general limit) and keep their length and a BLAKE2b digest of the
    whole, so the row still tells what was written without storing every file in full.
    """
    if isinstance(obj, str):
        if key in CONTENT_KEYS and 0 < content_chars < len(obj):
            from .store.keys import blake2b

            digest = blake2b(obj.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
            return obj[:content_chars] + f"... [{len(obj) - content_chars} more characters; {len(obj)} in all, blake2b-128 {digest}]"
        return obj if len(obj) <= limit else obj[:limit] + f"... [{len(obj) - limit} more characters]"
    if isinstance(obj, dict):
        return {k: _bounded(v, limit, content_chars, str(k)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_bounded(v, limit, content_chars, key) for v in obj[:200]]
    return obj


def record(
    decision: Decision,
    event: dict[str, Any],
    ctx: Context | None,
    policy: Policy | None,
    env: Any = None,
    db: str | None = None,
    shadow: bool = False,
    headless: bool = False,
    stores: dict[str, Any] | None = None,
) -> Decision:
    """Record the decision; apply escalation from the session's counters.  Never raises.

    With *stores* (url -> open store), a batch keeps one connection per store open
    across calls (``clearance decide --stateful``); the caller closes them.
    """
    if env is None:
        from .daemon_path import environ

        env = environ()
    audit_cfg = policy.data.get("audit", {}) if policy is not None else {}
    if audit_cfg.get("enabled") is False and not db:
        return decision
    esc = policy.data.get("escalation", {}) if policy is not None else {}
    limits = (int(esc.get("max_consecutive_denials", 3)), int(esc.get("max_total_denials", 20)))
    store = None
    url = ""
    rec: dict[str, Any] | None = None
    try:
        from .store import open_store, resolve_url
        from .store.keys import key_file

        url = resolve_url(db, audit_cfg, env)
        chars = audit_cfg.get("max_content_chars", CONTENT_CHARS)
        if stores is None:
            path = _spool_path(url)
            if path:
                rec = make_record(decision, event, ctx, shadow, headless, chars if isinstance(chars, int) and chars >= 0 else CONTENT_CHARS)
                if env.get("CLEARANCE_DECIDED_OFFLINE"):  # a thin client's outage (remote.py): sent to the team's trail later (outbox.py)
                    rec["rules"] = [*rec["rules"], "service.unreachable"]
                out = _spooled(path, key_file(audit_cfg, env), rec, limits, headless, audit_cfg)
                if out is not None:
                    return apply_escalation(decision, out)
        rec = make_record(decision, event, ctx, shadow, headless, chars if isinstance(chars, int) and chars >= 0 else CONTENT_CHARS)
        if env.get("CLEARANCE_DECIDED_OFFLINE"):  # a thin client's outage (remote.py): sent to the team's trail later (outbox.py)
            rec["rules"] = [*rec["rules"], "service.unreachable"]
        store = stores.get(url) if stores is not None else None
        if store is None:
            if url.startswith(("postgresql://", "postgres://")):
                from .store import pending

                if pending.down_recently(url, env, rec["ts"]):
                    raise pending.StoreDown.breaker_open()  # the breaker is open: kept on the machine without waiting for a connect
            store = open_store(url, key_file(audit_cfg, env))
            if stores is not None:
                stores[url] = store
        out = store.record(rec, limits, headless)
        if url.startswith(("postgresql://", "postgres://")):
            from .store import pending

            if pending.waiting(url, env):
                _flush_due[url] = (key_file(audit_cfg, env), env)  # the store answers again: what waits follows it
    except Exception as e:
        _drop(store, stores, url)
        kept, settled = _keep_pending(url, env, rec, e, limits, headless)
        if kept:
            # A shared store that is down: the row waits on this machine and follows when the store answers
            # (store/pending.py); the decision stands -- it is recorded, so an allow is not an unrecorded allow --
            # and the session's denials are counted here meanwhile (escalation: a headless run is still stopped).
            sys.stderr.write(
                f"clearance: the audit store is unreachable ({type(e).__name__}: {e}); the decision is kept in {kept} "
                "and written to the store when it answers again\n"
            )
            return apply_escalation(decision, settled) if settled is not None else decision
        if decision.decision == "allow" and event.get("hook_event_name", "PreToolUse") == "PreToolUse" and not shadow:
            # An allow nobody can read back later is what filling the disk or replacing the database
            # would buy: a person confirms the call instead (a denial or a question stands as it is).
            from .model import Decision as Asked

            sys.stderr.write(f"clearance: could not record the decision in the audit store ({type(e).__name__}: {e}); asking instead of allowing unrecorded\n")
            return Asked(
                "ask",
                f"clearance could not record this call in its audit trail ({type(e).__name__}); a person confirms it instead of an unrecorded allow",
                [*decision.rules, "audit.unrecorded"],
                "default",
                decision.findings,
                decision.elapsed_ms,
            )
        sys.stderr.write(f"clearance: could not record the decision in the audit store ({type(e).__name__}: {e}); the decision stands\n")
        return decision
    try:
        store.maybe_prune(audit_cfg)  # at most once a day per store
    except Exception as e:
        sys.stderr.write(f"clearance: could not prune the audit store ({type(e).__name__}: {e})\n")
    if stores is None:
        _drop(store, None, url)
    return apply_escalation(decision, out)


# The hook and the daemon append to the spool (store/spool.py) instead of opening SQLite; past this many
# bytes they fold the spool into the store after answering (fold_pending). Readers fold whenever they open it.
FOLD_AT = 64 * 1024
# How long the hook's fold waits for SQLite (its busy timeout) after answering.  The fold is optional -- the
# spool keeps the lines for the next reader -- so a process holding the store's write lock must not make
# every call wait SQLite's usual 10 s (tests/test_adversarial_perf.py).
FOLD_WAIT_S = 1.0
_due: dict[str, tuple[str, dict[str, Any]]] = {}


def _spool_path(url: str) -> str:
    """The SQLite file a store URL names, when decisions to it can go through its spool; else ""."""
    from .store.spool import supported

    path = url[len("sqlite:///") - 1 :] if url.startswith("sqlite:///") else url
    return path if supported(path) else ""


def _spooled(path: str, key_path: str, rec: dict[str, Any], limits: tuple[int, int], headless: bool, audit_cfg: dict[str, Any]) -> dict[str, Any] | None:
    """Append to the spool; None when the store must record it itself (a store whose counters are not yet copied out)."""
    from .store import spool

    try:
        out, size = spool.append(path, rec, limits, headless)
    except spool.NotReady:
        return None  # a store from before the spool: opening it copies the counters
    if size > FOLD_AT or spool.prune_due(path, rec["ts"]):
        _due[path] = (key_path, audit_cfg)  # retention is applied at most once a day, as before
    return out


def fold_pending() -> None:
    """Fold the spools that grew past FOLD_AT into their stores, and write what waited for a shared store that answers
    again (the hook calls this after answering).  Never raises."""
    if _flush_due:
        flush_deferred()
    while _due:
        try:
            path, (key_path, audit_cfg) = _due.popitem()
        except KeyError:
            break  # another of the daemon's threads took the last one
        store = None
        try:
            from .store.spool import mark_pruned
            from .store.sqlite import SqliteStore

            store = SqliteStore(path, timeout_s=FOLD_WAIT_S, key_file=key_path)  # opening folds
            store.maybe_prune(audit_cfg)
            mark_pruned(path)
        except Exception as e:
            sys.stderr.write(f"clearance: could not fold the audit spool into {path} ({type(e).__name__}: {e}); it stays spooled\n")
        finally:
            _drop(store, None, path)


_flush_due: dict[str, tuple[str, Any]] = {}


def _keep_pending(url: str, env: Any, rec: dict[str, Any] | None, e: Exception, limits: tuple[int, int], headless: bool) -> tuple[str, dict[str, Any] | None]:
    """Keep *rec* on this machine when *url* is a shared store that could not be reached: (the file, or "", and the
    escalation outcome from the session's denials counted here while the store is down)."""
    if rec is None or not url.startswith(("postgresql://", "postgres://")):
        return "", None  # (store/pending.py is loaded only where a shared store is configured)
    from .store import pending

    settled, out = pending.settle_while_down(url, env, rec, limits, headless)
    kept = pending.keep_after_failure(url, env, settled, e)
    return kept, out if kept else None


def flush_deferred() -> None:
    """Write the decisions kept while a shared store was down into it, now that it answers (after the answer).  Never raises."""
    from .store import pending

    pending.flush_due(_flush_due, _drop)


def _drop(store: Any, stores: dict[str, Any] | None, url: str) -> None:
    """Close a store (and forget it in the batch's cache, so the next call opens it anew)."""
    if stores is not None:
        stores.pop(url, None)
    if store is not None:
        import contextlib

        with contextlib.suppress(Exception):  # closing a broken connection must not hide the decision
            store.close()


def record_in(store: Any, decision: Decision, event: dict[str, Any], ctx: Context | None, policy: Policy | None, headless: bool = False) -> Decision:
    """Record with an open store (the team service keeps one per process)."""
    esc = policy.data.get("escalation", {}) if policy is not None else {}
    limits = (int(esc.get("max_consecutive_denials", 3)), int(esc.get("max_total_denials", 20)))
    audit_cfg = policy.data.get("audit", {}) if policy is not None else {}
    chars = audit_cfg.get("max_content_chars", CONTENT_CHARS)
    rec = make_record(decision, event, ctx, False, headless, chars if isinstance(chars, int) and chars >= 0 else CONTENT_CHARS)
    out = store.record(rec, limits, headless)
    if hasattr(store, "maybe_prune"):
        try:
            store.maybe_prune(audit_cfg)  # at most once a day per store
        except Exception as e:
            sys.stderr.write(f"clearance: could not prune the audit store ({type(e).__name__}: {e})\n")
    return apply_escalation(decision, out)


def apply_escalation(decision: Decision, out: dict[str, Any]) -> Decision:
    rid = out.get("id")
    if out.get("escalate"):
        decision.decision = out["decision"]
        decision.stage = "escalation"
        decision.reason = out["reason"]
        decision.stop = bool(out.get("stop"))
        decision.rules = [*decision.rules, "escalation.handover" if not decision.stop else "escalation.stop"]
        if decision.decision == "ask":
            from .engine import LIFT_ASK, LIFT_DENY

            decision.hint = decision.hint.replace(LIFT_DENY, LIFT_ASK)  # now a person's question, as any ask
    if isinstance(rid, int) and rid > 0 and LAST in decision.hint:
        decision.hint = decision.hint.replace(LAST, f"`clearance allow {rid}`")  # the record's id, known when it was spooled
    return decision


# How a hint names the decision when its id is not known (a store that gives none before the row is written).
LAST = "`clearance allow --last`"


# The answer to a question nobody is there to answer (a headless run: audit.is_headless, unattended.py).
UNANSWERED = "No person is watching this run to answer, so clearance denies it instead of asking."
LIFT_UNANSWERED = "A person may allow it with `clearance allow --last` and run the agent again."


def unanswered(decision: Decision) -> Decision:
    """An ask in a headless run becomes a denial that says why and how a person allows it (Claude Code -p, Codex
    exec, Gemini CLI -p and Copilot CLI -p block an ask anyway, with no word of who could approve it)."""
    from .engine import LIFT_ASK

    decision.decision = "deny"
    decision.reason = f"{decision.reason.rstrip('.')}. {UNANSWERED}"
    decision.rules = [*decision.rules, "headless.unanswered"]
    if LIFT_ASK in decision.hint:
        decision.hint = decision.hint.replace(LIFT_ASK, LIFT_UNANSWERED)
    elif "policy.broken" in decision.rules:  # asked because a policy file does not load: the file is what to fix
        decision.hint = f"{decision.hint} A person fixes the policy file and runs the agent again.".strip()
    elif "the user may ask the team service" not in decision.hint:
        decision.hint = f"{decision.hint} If it is wanted, a person runs it themselves.".strip()
    return decision
