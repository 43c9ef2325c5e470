"""What a machine whose team-service token is refused is answered (revoked, expired, not yet approved, mistyped), and
one whose team service is unreachable with no valid copy of the team's policy (when_policy_missing).

A person decides (*ask*), since nothing may go on deciding for a machine an admin cut off -- except a hard denial,
which stays a denial: a question would hand `rm -rf ~` to whoever clicks yes with only "token rejected" for a
reason.  Used by the thin client (remote.py, deciding on the machine) and by the service for an agent's own http
hook (server/app.py, with the served policy, for a token it issued).  Pure.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Decision


def when_token_rejected(local: Decision | None, asked: Decision) -> Decision:
    """*local* when it is a hard denial, else *asked*."""
    if local is not None and local.decision == "deny" and any(f.verdict == "hard_deny" for f in local.findings):
        return local
    return asked


# CLEARANCE_SERVER_UNAVAILABLE: what a machine whose team service cannot be reached, and which holds no valid copy of
# the team's policy (never fetched, or one that failed its integrity check), does with a call the built-in rules and
# the user's own files do not deny: "closed" (the default) asks -- denied where nobody watches, as in CI -- since a
# deny rule of the team's may cover it; "open" decides it with those rules alone, as before fix20a.
UNAVAILABLE_VAR = "CLEARANCE_SERVER_UNAVAILABLE"
POLICY_MISSING_VAR = "CLEARANCE_TEAM_POLICY_MISSING"  # set by remote.py for the local decision: why there is no policy
POLICY_MISSING_RULE = "service.team-policy-unavailable"


def unavailable_mode(env: object) -> str:
    """ "open" or "closed" (the default, and what any other value means: a typo never loosens)."""
    get = getattr(env, "get", None)
    value = get(UNAVAILABLE_VAR) if get is not None else None
    return "open" if isinstance(value, str) and value.strip().lower() == "open" else "closed"


_AGAIN = (
    "When the team service answers again its policy decides; to allow it from now on, the user may ask the team "
    "service's admins to allow it in the team policy."
)


def when_policy_missing(local: Decision, why: str) -> Decision:
    """*local* when it denies; else an ask saying the team's policy could not be applied and why (*why*)."""
    from .model import Decision

    if local.decision == "deny":
        return local
    reason = (
        f"{why}, so the team's own deny and ask rules cannot be applied to this call; asking instead "
        f"({UNAVAILABLE_VAR}=closed). On this machine alone it would be: {local.decision} ({local.reason})"
    )
    out = Decision("ask", reason, [POLICY_MISSING_RULE, *local.rules], "default", list(local.findings))
    # The way forward: an ask keeps the one engine.guide gave it (worded for a team client, none where no rule can
    # name it); an allow's is that the team's policy decides again once the service answers.
    out.hint = local.hint if local.decision == "ask" else _AGAIN
    return out
