"""What a machine whose team-service token is refused is answered (revoked, expired, not yet approved, mistyped).

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
