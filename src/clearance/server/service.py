"""The team service's logic, without HTTP: people, tokens, policy versions, decisions.

One ``Service`` per process holds one store connection (SQLite or PostgreSQL);
any number of processes can share a PostgreSQL database.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from typing import Any

from ..store import open_store
from .guard import Guard, GuardedStore, StoreUnavailable, pass_through

ROLES = ("admin", "approver", "viewer")
WEAK_SECRETS = frozenset({"", "admin", "password", "changeme", "secret", "clearance", "123456", "default"})
SESSION_TTL_S = 8 * 3600
LOGIN_WINDOW_S = 60
LOGIN_MAX_FAILURES = 5
LOGIN_MAX_FAILURES_ACCOUNT = 10
_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hash_password(secrets.token_urlsafe(16)))
    return _DUMMY[0]


EMPTY_POLICY = '# Managed policy served by the clearance team service.\nauto_mode = "enabled"\n'


class ServiceError(Exception):
    pass


pass_through(ServiceError)
DEGRADED_REASON = (
    "the team service cannot record decisions right now (its database is unavailable), "
    "so it asks instead of allowing; the decision is kept in the service's spool"
)


def spool_path_for(db_url: str) -> str:
    """serve-spool-<hash of the store URL>.jsonl beside the SQLite file or in the state dir ($CLEARANCE_SPOOL overrides)."""
    from ..store import default_path

    if os.environ.get("CLEARANCE_SPOOL"):
        return os.environ["CLEARANCE_SPOOL"]
    tag = hashlib.sha256(db_url.encode()).hexdigest()[:12]
    if not db_url.startswith(("postgresql://", "postgres://")):
        return os.path.join(os.path.dirname(os.path.abspath(db_url.removeprefix("sqlite://"))), f"serve-spool-{tag}.jsonl")
    return os.path.join(os.path.dirname(default_path(os.environ)), f"serve-spool-{tag}.jsonl")


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    candidate = hash_password(password, bytes.fromhex(salt_hex))
    return hmac.compare_digest(candidate, stored) and bool(digest_hex)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Service:
    def __init__(self, db_url: str, spool: str | None = None, budget_s: float | None = None) -> None:
        self.db_url = db_url
        self.guard = Guard(lambda: _open(db_url), _open(db_url), spool or spool_path_for(db_url), budget_s)
        self.outage = _OutageCounters()
        self.store: Any = GuardedStore(self.guard)
        self._policy_cache: tuple[int, Any] | None = None
        # (version, has [[repositories]] sections, text) of the cached policy, and the per-project policies derived from it
        self._policy_text: tuple[int, bool, str] = (0, False, EMPTY_POLICY)
        self._project_policies: dict[tuple[int, str, str], Any] = {}
        self._token_cache: dict[str, str] = {}
        self.oidc: Any = None  # server/oidc.OidcConfig when single sign-on is configured
        # Its own URL when it listens on loopback only (`clearance serve --host 127.0.0.1`, the default): every client is
        # on this machine, so a listener an agent starts on its port is a forged service (self.forged-endpoint).
        self.loopback_url = ""
        self._impact_lock = threading.Lock()  # one impact replay at a time (change_impact)
        self._impact_guard = threading.Lock()
        self._impact_cache: dict[tuple[Any, ...], dict[str, Any]] = {}
        if self.guard.spooled():
            self.guard.mark_failed(RuntimeError("decisions spooled by an earlier run are waiting to be replayed"))

    # -- people and sessions -------------------------------------------------------

    def _check_new_user(self, name: str, password: str, role: str) -> None:
        if role not in ROLES:
            raise ServiceError(f"unknown role {role!r}")
        if not name.strip() or len(name) > 100:
            raise ServiceError("give a user name (at most 100 characters)")
        _check_password(password)

    def add_user(self, name: str, password: str, role: str, by: str = "bootstrap") -> None:
        """Add a person at once: the operator's path (``clearance user add`` on the server, the first admin, tests).
        The web UI proposes people instead (propose_user), for a second person to approve."""
        self._check_new_user(name, password, role)
        if not self.store.changed(
            "INSERT INTO users (name, pw_hash, role, created, created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
            (name, hash_password(password), role, time.time(), by),
        ):
            raise ServiceError(f"user {name!r} exists")
        self.log(by, "add_user", f"{name} as {role}")

    def add_second_person(self, name: str, password: str, role: str) -> None:
        """The operator's ``clearance user add`` without a proposer: only while fewer than two enabled people can
        approve changes (a lone first admin gets a second person).  Past that, one admin with the database could
        otherwise add an approver of their own and approve their own proposals with it."""
        self._check_new_user(name, password, role)
        pw = hash_password(password)

        def body(st: Any) -> str:
            row = st.fetchone("SELECT COUNT(*) FROM users WHERE role IN ('admin', 'approver') AND disabled = 0")
            deciders = int(row[0]) if row else 0
            if deciders >= 2:
                return f"{deciders} people can already approve changes: propose the account with --by NAME, and another person approves it"
            if not st.changed(
                "INSERT INTO users (name, pw_hash, role, created, created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
                (name, pw, role, time.time(), "cli"),
            ):
                return f"user {name!r} exists"
            _log_in(st, "cli", "add_user", f"{name} as {role} (while fewer than two people could approve)")
            return ""

        refused = self._atomic(body)
        if refused:
            raise ServiceError(refused)

    def bootstrap_admin(self, name: str, password: str) -> bool:
        """Create the first admin unless there is anyone yet; True when this call created it.
        Idempotent across processes starting together on an empty database."""
        self._check_new_user(name, password, "admin")
        pw = hash_password(password)

        def body(st: Any) -> bool:
            row = st.fetchone("SELECT COUNT(*) FROM users")
            if row and int(row[0]):
                return False
            st.execute(
                "INSERT INTO users (name, pw_hash, role, created, created_by) VALUES (?, ?, ?, ?, 'bootstrap') ON CONFLICT (name) DO NOTHING",
                (name, pw, "admin", time.time()),
            )
            _log_in(st, "bootstrap", "add_user", f"{name} as admin (first admin)")
            return True

        return bool(self._atomic(body))

    def _atomic(self, body: Any) -> Any:
        return self.guard.call(lambda st: st.atomic(lambda: body(st)))

    def users(self) -> list[dict[str, Any]]:
        rows = self.store.fetchall("SELECT name, role, created, disabled, created_by FROM users ORDER BY name")
        return [{"name": r[0], "role": r[1], "created": r[2], "disabled": bool(r[3]), "created_by": r[4]} for r in rows]

    # -- change requests for people and tokens ----------------------------------------------

    def _propose(self, kind: str, summary: str, diff: str, payload: dict[str, Any], by: str, text: str = "", base_id: int = 0) -> int:
        def body(st: Any) -> int:
            st.execute(
                "INSERT INTO policy_versions (text, summary, diff, base_id, status, proposed_by, proposed, kind, payload) "
                "VALUES (?, ?, ?, ?, 'proposed', ?, ?, ?, ?)",
                (text, summary[:200], diff, base_id, by, time.time(), kind, json.dumps(payload)),
            )
            row = st.fetchone("SELECT MAX(id) FROM policy_versions WHERE proposed_by = ?", (by,))
            cid = int(row[0]) if row else 0
            _log_in(st, by, f"propose_{kind}", f"change {cid}: {summary}")
            return cid

        return int(self._atomic(body))

    def propose_user(self, name: str, password: str, role: str, by: str) -> int:
        """Propose a new person (their password is kept only as its scrypt hash); a second, earlier person approves."""
        self._check_new_user(name, password, role)
        if self.store.fetchone("SELECT name FROM users WHERE name = ?", (name,)):
            raise ServiceError(f"user {name!r} exists")
        payload = {"action": "add", "name": name, "role": role, "pw_hash": hash_password(password)}
        return self._propose("user", f"add user {name} as {role}", f"+ user {name} ({role})\n", payload, by)

    def propose_user_change(self, action: str, name: str, by: str, role: str = "", password: str = "") -> int:
        """Propose changing a person: role, disable, enable, password (reset), remove. Each ends their web sessions."""
        row = self.store.fetchone("SELECT role, disabled FROM users WHERE name = ?", (name,))
        if row is None:
            raise ServiceError(f"no user {name!r}")
        payload: dict[str, Any] = {"action": action, "name": name}
        if action == "role":
            if role not in ROLES or role == row[0]:
                raise ServiceError(f"choose a new role for {name} ({', '.join(r for r in ROLES if r != row[0])})")
            payload["role"] = role
            summary, diff = f"change {name}'s role to {role}", f"- user {name} ({row[0]})\n+ user {name} ({role})\n"
        elif action in ("disable", "enable", "remove"):
            summary, diff = f"{action} user {name}", f"{'-' if action != 'enable' else '+'} user {name} ({action})\n"
        elif action == "password":
            _check_password(password)
            payload["pw_hash"] = hash_password(password)
            summary, diff = f"reset {name}'s password", f"~ user {name} (new password)\n"
        else:
            raise ServiceError(f"unknown change to a user: {action!r}")
        return self._propose("user", summary, diff, payload, by)

    def propose_token(self, name: str, by: str, days: float = 0) -> tuple[int, str]:
        """A new agent token, shown once now and working once a second person approves the change (and until it expires)."""
        name = name.strip() or "unnamed"
        token = "clr_" + secrets.token_urlsafe(32)
        expires = time.time() + days * 86400 if days > 0 else 0.0

        def body(st: Any) -> int:
            st.execute(
                "INSERT INTO agent_tokens (name, token_hash, created_by, created, approved, expires) VALUES (?, ?, ?, ?, 0, ?)",
                (name, token_hash(token), by, time.time(), expires),
            )
            row = st.fetchone("SELECT id FROM agent_tokens WHERE token_hash = ?", (token_hash(token),))
            return int(row[0]) if row else 0

        tid = int(self._atomic(body))
        until = f" until {time.strftime('%Y-%m-%d', time.gmtime(expires))}" if expires else ""
        return self._propose("token", f"token {name}{until}", f"+ agent token #{tid} {name}{until}\n", {"token_id": tid}, by), token

    def login(self, name: str, password: str, client: str) -> tuple[str, str] | None:
        """(session cookie, csrf token) or None; raises ServiceError when rate-limited."""
        since = time.time() - LOGIN_WINDOW_S
        fails = self.store.fetchone("SELECT COUNT(*) FROM admin_log WHERE action = 'login_failed' AND ts >= ? AND details = ?", (since, client))
        if fails and int(fails[0]) >= LOGIN_MAX_FAILURES:
            raise ServiceError("too many failed logins; wait a minute")
        # Per account too: guessing one person's password from many addresses is limited as well.
        fails = self.store.fetchone("SELECT COUNT(*) FROM admin_log WHERE action = 'login_failed' AND ts >= ? AND user_name = ?", (since, name or "?"))
        if fails and int(fails[0]) >= LOGIN_MAX_FAILURES_ACCOUNT:
            raise ServiceError("too many failed logins; wait a minute")
        row = self.store.fetchone("SELECT pw_hash, disabled FROM users WHERE name = ?", (name,))
        # An unknown name costs the same scrypt as a known one: the time of the answer does not tell which names exist.
        matches = check_password(password, str(row[0]) if row is not None else _dummy_hash())
        if row is None or row[1] or not matches:
            self.log(name or "?", "login_failed", client)
            return None
        cookie = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(24)
        self.store.execute(
            "INSERT INTO web_sessions (id, user_name, csrf, expires) VALUES (?, ?, ?, ?)", (token_hash(cookie), name, csrf, time.time() + SESSION_TTL_S)
        )
        self.log(name, "login", client)
        return cookie, csrf

    # -- single sign-on (server/oidc.py) ------------------------------------------------------

    def oidc_begin(self, redirect_uri: str) -> str:
        """The provider's authorization URL for a new sign-in (state, nonce and PKCE verifier kept in the store)."""
        from .oidc import OidcError, authorization_url, pkce_pair

        if self.oidc is None:
            raise OidcError("single sign-on is not configured")
        state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        verifier, challenge = pkce_pair()
        url = authorization_url(self.oidc, redirect_uri, state, nonce, challenge)
        now = time.time()
        self.store.execute("DELETE FROM oidc_logins WHERE created < ?", (now - 600,))
        self.store.execute(
            "INSERT INTO oidc_logins (state, nonce, verifier, redirect_uri, created) VALUES (?, ?, ?, ?, ?)",
            (token_hash(state), nonce, verifier, redirect_uri, now),
        )
        return url

    def oidc_finish(self, state: str, code: str, client: str) -> tuple[str, str]:
        """(session cookie, csrf token) for a verified sign-in; raises OidcError with a reason to show."""
        from .oidc import OidcError, exchange, role_for, user_name

        if self.oidc is None:
            raise OidcError("single sign-on is not configured")

        def take(st: Any) -> Any:
            row = st.fetchone("SELECT nonce, verifier, redirect_uri, created FROM oidc_logins WHERE state = ?", (token_hash(state),))
            st.execute("DELETE FROM oidc_logins WHERE state = ?", (token_hash(state),))  # single use
            return row

        row = self._atomic(take) if state else None
        if row is None or float(row[3]) < time.time() - 600:
            raise OidcError("this sign-in is unknown or expired; start again")
        claims = exchange(self.oidc, code, str(row[2]), str(row[1]), str(row[0]))
        name, sub = user_name(claims), str(claims["sub"])
        role = role_for(self.oidc, claims)
        if role is None:
            self.log(name, "login_failed", f"{client} (oidc: no group mapped to a role)")
            raise OidcError(f"{name} is in no group that CLEARANCE_OIDC_ROLES maps to a role")

        def account(st: Any) -> str:
            # Refusals are returned, not raised: an exception in a store transaction counts as the store failing.
            me = st.fetchone("SELECT oidc_sub, disabled, role FROM users WHERE name = ?", (name,))
            if me is None:
                st.execute(
                    "INSERT INTO users (name, pw_hash, role, created, created_by, oidc_sub) VALUES (?, ?, ?, ?, ?, ?)",
                    (name, "!", role, time.time(), "oidc", sub),
                )
                _log_in(st, name, "oidc_account", f"created with role {role} from the identity provider's groups")
                return ""
            if not me[0] or str(me[0]) != sub:  # a local account (subject '') is never the provider's, whatever the token says
                return f"an account named {name!r} exists that this identity provider did not create; an admin must remove or rename it first"
            if me[1]:
                return f"the account {name!r} is disabled"
            if str(me[2]) != role:
                st.execute("UPDATE users SET role = ? WHERE name = ?", (role, name))
                _log_in(st, name, "oidc_role", f"role {me[2]} -> {role} from the identity provider's groups")
            return ""

        refused = self._atomic(account)
        if refused:
            self.log(name, "login_failed", f"{client} (oidc: {refused})")
            raise OidcError(refused)
        cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
        self.store.execute(
            "INSERT INTO web_sessions (id, user_name, csrf, expires) VALUES (?, ?, ?, ?)", (token_hash(cookie), name, csrf, time.time() + SESSION_TTL_S)
        )
        self.log(name, "login", f"{client} (oidc)")
        return cookie, csrf

    def session(self, cookie: str | None) -> dict[str, Any] | None:
        if not cookie:
            return None
        row = self.store.fetchone(
            "SELECT s.user_name, s.csrf, s.expires, u.role FROM web_sessions s JOIN users u ON u.name = s.user_name WHERE s.id = ? AND u.disabled = 0",
            (token_hash(cookie),),
        )
        if row is None or float(row[2]) < time.time():
            return None
        return {"user": row[0], "csrf": row[1], "role": row[3]}

    def logout(self, cookie: str) -> None:
        self.store.execute("DELETE FROM web_sessions WHERE id = ?", (token_hash(cookie),))

    # -- agent tokens --------------------------------------------------------------

    def create_token(self, name: str, by: str) -> str:
        token = "clr_" + secrets.token_urlsafe(32)
        self.store.execute(
            "INSERT INTO agent_tokens (name, token_hash, created_by, created, approved) VALUES (?, ?, ?, ?, 1)", (name, token_hash(token), by, time.time())
        )
        self.log(by, "create_token", name)
        return token

    def revoke_token(self, token_id: int, by: str) -> None:
        self.store.execute("UPDATE agent_tokens SET revoked = 1 WHERE id = ?", (token_id,))
        self.log(by, "revoke_token", str(token_id))

    def tokens(self) -> list[dict[str, Any]]:
        rows = self.store.fetchall("SELECT id, name, created_by, created, revoked, approved, expires, last_used FROM agent_tokens ORDER BY id")
        now = time.time()
        out = []
        for r in rows:
            state = "revoked" if r[4] else "pending approval" if not r[5] else "expired" if r[6] and float(r[6]) < now else "active"
            out.append(
                {"id": r[0], "name": r[1], "created_by": r[2], "created": r[3], "revoked": bool(r[4]), "state": state, "expires": r[6], "last_used": r[7]}
            )
        return out

    def issued_token(self, token: str | None) -> bool:
        """Whether the service issued *token* (revoked, expired and not yet approved ones included); False when the
        store cannot say."""
        if not token:
            return False
        try:
            return self.store.fetchone("SELECT 1 FROM agent_tokens WHERE token_hash = ?", (token_hash(token),)) is not None
        except StoreUnavailable:
            return False

    def rejected_decision(self, raw: bytes, agent: str | None, home: str | None = None) -> Any:
        """The decision of a hook event with the served policy, recorded nowhere, or None when it is not a decision
        event: for a token the service issued but no longer accepts, whose hard denials stay denials
        (rejected.when_token_rejected) -- the team's as much as the built-in ones, as on a thin client's machine."""
        _, pending = self.hook_decide(raw, agent, "(rejected token)", self.policy(), home)
        return pending[1] if pending is not None else None

    def token_owner(self, token: str | None) -> str | None:
        if not token:
            return None
        h = token_hash(token)
        try:
            row = self.store.fetchone(
                "SELECT name, last_used FROM agent_tokens WHERE token_hash = ? AND revoked = 0 AND approved = 1 AND (expires = 0 OR expires > ?)",
                (h, time.time()),
            )
            if row is not None and float(row[1] or 0) < time.time() - 60:
                self.store.execute("UPDATE agent_tokens SET last_used = ? WHERE token_hash = ?", (time.time(), h))  # at most once a minute
        except StoreUnavailable:
            # Nobody can revoke a token while the store is down: a token seen valid before still names its user.
            return self._token_cache.get(h)
        if row is None:
            self._token_cache.pop(h, None)
            return None
        self._token_cache[h] = str(row[0])
        return str(row[0])

    # -- the managed policy ----------------------------------------------------------

    def current_policy(self) -> tuple[int, str]:
        row = self.store.fetchone("SELECT id, text FROM policy_versions WHERE status = 'approved' AND kind = 'policy' ORDER BY id DESC LIMIT 1")
        return (int(row[0]), str(row[1])) if row else (0, EMPTY_POLICY)

    def policy(self) -> Any:
        """The effective Policy object of the current approved version (cached per version)."""
        from ..policy import Policy
        from ..policy.load import from_managed_text

        try:
            version, text = self.current_policy()
        except StoreUnavailable:
            if self._policy_cache is not None:
                return self._policy_cache[1]  # the last version read
            version, text = -1, EMPTY_POLICY
        if self._policy_cache is None or self._policy_cache[0] != version:
            self._policy_cache = (version, Policy(from_managed_text(text)))
            self._policy_text = (version, _has_repository_sections(text), text)
            self._project_policies = {}
        return self._policy_cache[1]

    def served_version(self) -> int:
        """The version of the Policy policy() last returned (-1 before any, or when the store could not be read at all)."""
        cached = self._policy_cache
        return int(cached[0]) if cached is not None else -1

    def policy_for_project(self, policy: Any, canonical: dict[str, Any], home: str) -> Any:
        """*policy* with the managed [[repositories]] sections that name the event's project applied.

        Which project: the thin client sends ``clearance_repository`` (its checkout's path, real path, remotes now and
        when first seen, read on the developer's machine by policy/repos.identity); an agent's own http hook sends
        only the event, so only sections naming ``paths`` can match its project_root or cwd.  Derived policies are
        cached per policy version and project (at most PROJECT_POLICIES)."""
        from ..policy import Policy
        from ..policy.load import from_managed_text

        version, has_sections, text = self._policy_text
        if not has_sections or self._policy_cache is None or self._policy_cache[1] is not policy:
            return policy
        ident = claimed_identity(canonical)
        if ident is None:
            return policy
        key = (version, ident.key(), home)
        found = self._project_policies.get(key)
        if found is None:
            found = Policy(from_managed_text(text, ident=ident, home=home))
            if len(self._project_policies) >= PROJECT_POLICIES:
                self._project_policies.pop(next(iter(self._project_policies)))
            self._project_policies[key] = found
        return found

    def propose(self, text: str, by: str, summary: str = "") -> int:
        import tomllib

        from ..policy.load import validate
        from ..policy.tools import _rule_checks

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ServiceError(f"TOML syntax error: {e}") from None
        problems = validate(data, text, "policy") + _rule_checks(data, text, "policy")
        if problems:
            raise ServiceError("; ".join(problems))
        base_id, base_text = self.current_policy()
        diff = "".join(difflib.unified_diff(base_text.splitlines(keepends=True), text.splitlines(keepends=True), "current", "proposed"))
        if not diff:
            raise ServiceError("the proposal changes nothing")
        return self._propose("policy", summary, diff, {}, by, text=text, base_id=base_id)

    def add_trust(self, kind: str, value: str, by: str) -> int:
        """Propose the current policy plus one trusted resource."""
        import tomllib

        if kind not in _TRUST_KEYS or not value.strip():
            raise ServiceError("choose a kind of trusted resource and give a value")
        _, text = self.current_policy()
        data = tomllib.loads(text)
        current = data.get("trust", {}).get(kind, [])
        if value in current:
            raise ServiceError(f"{value} is already trusted")
        return self.propose(_with_list_entry(text, "trust", kind, value.strip()), by, f"trust {kind}: {value.strip()}")

    def entries(self) -> list[tuple[str, str, str]]:
        """(table, key, value) of every trusted resource and rule in the current managed policy."""
        import tomllib

        _, text = self.current_policy()
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return []
        out: list[tuple[str, str, str]] = []
        for table, keys in (("trust", _TRUST_KEYS), ("rules", _RULE_KEYS)):
            section = data.get(table, {})
            for key in keys:
                values = section.get(key, []) if isinstance(section, dict) else []
                out.extend((table, key, v) for v in values if isinstance(v, str))
        return out

    def remove_entry(self, table: str, key: str, value: str, by: str) -> int:
        """Propose the current policy without one trusted resource or rule."""
        if (table, key, value) not in self.entries():
            raise ServiceError(f"{table}.{key} has no entry {value!r}")
        _, text = self.current_policy()
        return self.propose(_with_list_entry(text, table, key, value, remove=True), by, f"remove {table}.{key}: {value}")

    def add_rule(self, verdict: str, pattern: str, by: str) -> int:
        """Propose the current policy plus one rule (validated like any policy text)."""
        from ..policy.patterns import Pattern, PatternError

        if verdict not in ("allow", "ask", "deny", "hard_deny"):
            raise ServiceError("choose allow, ask, deny or hard_deny")
        try:
            Pattern(pattern)
        except PatternError as e:
            raise ServiceError(str(e)) from None
        _, text = self.current_policy()
        return self.propose(_with_list_entry(text, "rules", verdict, pattern.strip()), by, f"rules.{verdict}: {pattern.strip()}")

    def propose_allow(self, decision_id: int, by: str) -> tuple[int, list[str]]:
        """The team's `clearance allow ID`: propose the current policy plus the narrowest allow rule(s) for one audited
        deny or ask (each denied command exactly, or the tool call's target), checked by deciding the call again with
        them.  (change id, rules).  Refused, with the reason, where no allow rule can lift the decision.

        Before, a developer told "the user may ask its admins to allow it in the team policy" left the admin to write
        the rule by hand: no command or page turned a recorded denial into the change that allows exactly it."""
        from ..adapters.claude import parse_event
        from ..allow import AllowError, candidate_rules, refusal, verify
        from ..api import decide_event_full
        from ..policy import Policy
        from ..policy.load import from_managed_text

        row = self.decision(decision_id)
        if row is None:
            raise ServiceError(f"no decision {decision_id} in the audit trail")
        if row["decision"] not in ("deny", "ask"):
            raise ServiceError(f"decision {decision_id} was {row['decision']}: there is nothing to allow")
        if "[REDACTED" in json.dumps(row.get("tool_input")):
            raise ServiceError(f"decision {decision_id} was recorded with secrets redacted, so the exact call is not known; write the rule by hand")
        _, text = self.current_policy()
        policy = Policy(from_managed_text(text))
        event = {
            "hook_event_name": "PreToolUse",
            "tool_name": row["tool_name"],
            "tool_input": row["tool_input"] if isinstance(row["tool_input"], dict) else {},
            "cwd": row["cwd"],
            "session_id": row["session_id"],
        }
        env = {"HOME": served_home(None)}
        now, _, _ = decide_event_full(event, env, policy, local_files=False)
        why = refusal(now)
        if why is not None:
            raise ServiceError(f"decision {decision_id} cannot be allowed: {why}")
        action, ctx = parse_event(event, env)
        try:
            rules = candidate_rules(action, ctx, now)
        except AllowError as e:
            raise ServiceError(str(e)) from None
        after = verify(rules, "managed", action, ctx, policy)
        if after.decision != "allow":
            raise ServiceError(
                f"the rule(s) {', '.join(rules)} would not make decision {decision_id} allowed ({'; '.join(after.lost) or after.reason}); write a rule by hand"
            )
        for r in rules:
            text = _with_list_entry(text, "rules", "allow", r)
        summary = f"allow what decision {decision_id} {'denied' if row['decision'] == 'deny' else 'asked'}: {', '.join(rules)}"
        return self.propose(text, by, summary[:300]), rules

    def set_auto_mode(self, mode: str, by: str) -> int:
        if mode not in ("enabled", "disabled"):
            raise ServiceError("auto mode is enabled or disabled")
        _, text = self.current_policy()
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.split("=", 1)[0].strip() == "auto_mode" and not line.lstrip().startswith("#"):
                lines[i] = f'auto_mode = "{mode}"'
                break
        else:
            lines.insert(0, f'auto_mode = "{mode}"')
        return self.propose("\n".join(lines) + "\n", by, f"auto mode {mode}")

    def decide_change(self, change_id: int, by: str, role: str, approve: bool, comment: str = "", override: bool = False) -> None:
        """Approve or reject a change request, serialised in the database (one decision at a time, across processes).

        An approval needs a different person who existed before the change was proposed and whose own account was
        not created by the proposer, and a comment; a policy change in which lint finds errors (policy/breadth.py:
        an entry that trusts or allows everything, or can never match) also needs *override*, recorded in the admin log."""
        if role not in ("admin", "approver"):
            raise ServiceError("only admins and approvers decide changes")

        overridden: list[str] = []

        def body(st: Any) -> None:
            row = st.fetchone("SELECT proposed_by, status, base_id, kind, payload, proposed, text FROM policy_versions WHERE id = ?", (change_id,))
            if row is None:
                raise ServiceError("no such change")
            proposer, status, base_id, kind, payload, proposed, text = row
            if status != "proposed":
                raise ServiceError(f"change {change_id} is already {status}")
            if approve:
                if proposer == by:
                    raise ServiceError("a change needs a second person: you proposed it")
                me = st.fetchone("SELECT created, created_by, disabled FROM users WHERE name = ?", (by,))
                if me is None or me[2]:
                    raise ServiceError("your account cannot approve changes")
                if me[1] == proposer:
                    raise ServiceError(f"your account was created by {proposer}, who proposed this change: another person must approve it")
                if float(me[0]) >= float(proposed):
                    raise ServiceError("your account did not exist yet when this change was proposed: a person who did must approve it")
                if kind == "user" and json.loads(payload or "{}").get("name") == by:
                    raise ServiceError("a change to your own account needs another person's approval")
                if not comment.strip():
                    raise ServiceError("an approval needs a comment: say what you checked")
                if kind == "policy":
                    cur = st.fetchone("SELECT MAX(id) FROM policy_versions WHERE status = 'approved' AND kind = 'policy'")
                    if int(base_id) != int((cur[0] if cur else 0) or 0):
                        raise ServiceError("the policy changed since this was proposed; propose again on top of the current version")
                    from ..policy.breadth import errors, lint_text

                    found = errors(lint_text(str(text or ""), "managed"))
                    if found and not override:
                        raise ServiceError(
                            "lint finds errors in this policy: "
                            + "; ".join(f"{x.id} (line {x.line}) {x.message}" for x in found[:5])
                            + " -- approve with an explicit override (clearance change approve --override-lint, or the web page's override box) if it is meant"
                        )
                    overridden[:] = [x.id for x in found]
            new = "approved" if approve else "rejected"
            if not st.changed(
                "UPDATE policy_versions SET status = ?, decided_by = ?, decided = ?, comment = ? WHERE id = ? AND status = 'proposed'",
                (new, by, time.time(), comment.strip()[:1000], change_id),
            ):
                raise ServiceError(f"change {change_id} was decided meanwhile")
            data = json.loads(payload) if payload else {}
            if approve:
                _apply(st, kind, data, proposer)
            elif kind == "token":
                st.execute("UPDATE agent_tokens SET revoked = 1 WHERE id = ?", (int(data["token_id"]),))
            verb = "approve" if approve else "reject"
            lint_note = f" [lint override: {', '.join(sorted(set(overridden)))}]" if approve and overridden else ""
            _log_in(st, by, f"{verb}_{kind}", f"change {change_id}: {comment.strip()[:900]}{lint_note}"[:1000])

        self._atomic(body)

    def changes(self) -> list[dict[str, Any]]:
        rows = self.store.fetchall(
            "SELECT id, summary, diff, status, proposed_by, proposed, decided_by, decided, base_id, kind, comment FROM policy_versions ORDER BY id DESC"
        )
        keys = ("id", "summary", "diff", "status", "proposed_by", "proposed", "decided_by", "decided", "base_id", "kind", "comment")
        return [dict(zip(keys, r)) for r in rows]

    def change_text(self, change_id: int) -> tuple[str, str, str] | None:
        """(kind, status, proposed text) of a change request, or None."""
        row = self.store.fetchone("SELECT kind, status, text FROM policy_versions WHERE id = ?", (change_id,))
        return (str(row[0]), str(row[1]), str(row[2])) if row else None

    def change_lints(self, change_id: int) -> list[dict[str, Any]]:
        """Lint findings (policy/breadth.py, judged as the managed layer) of a policy change's text; [] for other kinds."""
        from ..policy.breadth import lint_text

        found = self.change_text(change_id)
        if found is None or found[0] != "policy":
            return []
        return [x.as_dict() for x in lint_text(found[2], "managed")]

    def change_impact(self, change_id: int, calls: int = 500) -> dict[str, Any] | None:
        """What a proposed policy change would have decided differently over the latest *calls* audited calls (None: not a policy change)."""
        from ..policy import Policy
        from ..policy.load import from_managed_text
        from .impact import impact, not_replayed

        found = self.change_text(change_id)
        if found is None or found[0] != "policy":
            return None
        version, current_text = self.current_policy()
        rows = self.store.query({"shadow": False}, calls)
        # Every page load would replay the calls again, in a thread of its own, while the same process decides
        # hook calls: one replay at a time per process, its result kept until the policy or the trail moves on.
        key = (change_id, version, rows[0].get("id") if rows else 0, calls)
        with self._impact_guard:
            if key in self._impact_cache:
                return self._impact_cache[key]
        if not self._impact_lock.acquire(blocking=False):
            return {"busy": True}
        try:
            result = impact(rows, Policy(from_managed_text(current_text)), Policy(from_managed_text(found[2])))
            result["not_replayed"] = not_replayed(current_text, found[2])
        finally:
            self._impact_lock.release()
        with self._impact_guard:
            if len(self._impact_cache) >= 32:
                self._impact_cache.clear()
            self._impact_cache[key] = result
        return result

    def propose_revert(self, version_id: int, by: str) -> int:
        """A change request that puts an earlier approved policy version back (it needs a second person like any other)."""
        found = self.change_text(version_id)
        if found is None or found[0] != "policy" or found[1] != "approved":
            raise ServiceError(f"version {version_id} is not an approved policy version")
        return self.propose(found[2], by, f"revert to version {version_id}")

    def decision(self, decision_id: int) -> dict[str, Any] | None:
        rows = self.store.query({"id": decision_id}, 1)
        return rows[0] if rows else None

    def export(self, since: float | None = None, until: float | None = None, limit: int = 100_000) -> list[dict[str, Any]]:
        """Audited decisions, oldest first, for export as JSON lines."""
        rows: list[dict[str, Any]] = self.store.query({"since": since, "until": until}, limit)
        rows.reverse()
        return rows

    # -- history -------------------------------------------------------------------------

    def log(self, user: str, action: str, details: str = "") -> None:
        self.guard.call(lambda st: _log_in(st, user, action, details))

    def admin_log(self, limit: int = 200, user: str = "", action: str = "", since: float | None = None, before_id: int | None = None) -> list[dict[str, Any]]:
        """The admin history, newest first, filtered by person, action (a prefix: `approve`), time, and paged by id."""
        clauses: list[str] = []
        params: list[Any] = []
        if user:
            clauses.append("user_name = ?")
            params.append(user)
        if action:  # a prefix, compared literally (no LIKE wildcards from the query string)
            clauses.append("SUBSTR(action, 1, ?) = ?")
            params += [len(action), action]
        if since is not None:
            clauses.append("ts >= ?")
            params.append(since)
        if before_id is not None:
            clauses.append("id < ?")
            params.append(before_id)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.store.fetchall(f"SELECT id, ts, user_name, action, details FROM admin_log{where} ORDER BY id DESC LIMIT {int(limit)}", tuple(params))
        return [{"id": r[0], "ts": r[1], "user": r[2], "action": r[3], "details": r[4]} for r in rows]

    # -- decisions -------------------------------------------------------------------------

    def hook(self, raw: bytes, agent: str | None, user: str) -> Any:
        """Decide one hook event with the served managed policy; record it; return the agent's Answer."""
        return self.hook_record(self.hook_decide(raw, agent, user, self.policy()))

    def hook_decide(self, raw: bytes, agent: str | None, user: str, policy: Any, home: str | None = None, env_header: str | None = None) -> tuple[Any, Any]:
        """The decision alone, without the store (the app runs it on a worker thread): (answer, None), or (None, what hook_record needs).

        *home*: the X-Clearance-Home header's value, when the request had one (served_home); *env_header*: the
        X-Clearance-Env header's (headless_from_header: an agent's own http hook in CI)."""
        from ..adapters import detect, get
        from ..adapters.common import Answer
        from ..api import decide_event_full, malformed

        if agent is not None:
            get(agent)  # ValueError for an agent clearance does not know: the app answers 400
        try:
            event = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as e:
            adapter = get(agent or "claude")
            why = "nested too deeply" if isinstance(e, RecursionError) else f"not valid JSON: {str(e)[:100]}"
            return adapter.render_answer(malformed(why)), None
        agent = agent or detect(event)
        adapter = get(agent)
        if not isinstance(event, dict):
            return adapter.render_answer(malformed("the event is not a JSON object")), None
        name = event.get("hook_event_name")
        if agent in ("claude", "codex") and name not in (None, "PreToolUse"):
            return Answer(None, 0), None
        try:
            canonical = adapter.to_event(event)
        except RecursionError:
            return adapter.render_answer(malformed("nested too deeply")), None
        canonical["agent"] = agent
        canonical["user_name"] = user
        if headless_from_header(env_header):
            canonical["headless"] = True
        env = {"HOME": served_home(canonical.get("home"), home)}
        if self.loopback_url:
            env["CLEARANCE_TEAM_SERVICE"] = self.loopback_url
        policy = self.policy_for_project(policy, canonical, env["HOME"])
        if env["HOME"] == UNKNOWN_HOME:
            policy = without_home_entries(policy)
        try:
            decision, ctx, policy = decide_event_full(canonical, env, policy, local_files=False)
        except RecursionError:
            return adapter.render_answer(malformed("nested too deeply")), None
        return None, (adapter, decision, canonical, ctx, policy)

    def hook_record(self, decided: tuple[Any, Any]) -> Any:
        """Record a decision from hook_decide within the store budget and render the agent's Answer.

        When the store fails or stalls, the decision goes to the spool and an allow is answered as ask
        (a denial stands): the agent never waits past the budget and never gets a 500."""
        from ..audit import CONTENT_CHARS, apply_escalation, make_record

        answer, pending = decided
        if pending is None:
            return answer
        adapter, decision, canonical, ctx, policy = pending
        esc = policy.data.get("escalation", {}) if policy is not None else {}
        limits = (int(esc.get("max_consecutive_denials", 3)), int(esc.get("max_total_denials", 20)))
        audit_cfg = policy.data.get("audit", {}) if policy is not None else {}
        chars = audit_cfg.get("max_content_chars", CONTENT_CHARS)
        # The thin client says when no person watches (CI): repeated denials then stop the run instead of asking.  A
        # claim can only make escalation stricter, so it is taken as sent.
        headless = canonical.get("headless") is True
        if headless and decision.decision == "ask" and not decision.defer:
            from ..audit import unanswered

            decision = unanswered(decision)  # nobody watches to answer it: denied, saying so (as the local hook does)
        rec = make_record(decision, canonical, ctx, False, headless, chars if isinstance(chars, int) and chars >= 0 else CONTENT_CHARS)
        job = _RecordJob(self.guard, rec, limits, audit_cfg, headless)
        out = job.run_within(self.guard.budget_s)
        if out is None:
            return adapter.render_answer(apply_escalation(degrade(decision), self.outage.settle(rec, limits, headless)))
        self.outage.clear()
        return adapter.render_answer(apply_escalation(decision, out))

    def store_offline(self, machine: str, rows: list[Any]) -> dict[str, int]:
        """Store the decisions *machine* (the token's name) made while the service was unreachable (server/offline.py):
        {stored, duplicates, refused}.  StoreUnavailable when the store is down (the client sends them again later)."""
        from .offline import accept, upload_key

        now = time.time()
        keyed: list[tuple[str, dict[str, Any]]] = []
        refused = 0
        for row in rows:
            rec = accept(row, machine, now)
            if rec is None:
                refused += 1
            else:
                keyed.append((upload_key(rec), rec))
        stored, dup = self.store.record_offline(machine, keyed) if keyed else (0, 0)
        return {"stored": int(stored), "duplicates": int(dup), "refused": refused}

    def healthy(self) -> dict[str, Any]:
        """Whether decisions can be recorded now, and why not."""
        g = self.guard
        ok = g.healthy()
        out: dict[str, Any] = {"status": "ok" if ok else "degraded", "spooled": g.spooled()}
        if g.failing_since is not None:
            out["store"] = f"unavailable since {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(g.failing_since))}: {g.last_error}"
        if g.spool_failed:
            out["spool"] = f"cannot write {g.spool_path}: decisions are being lost"
        return out


def _open(db_url: str) -> Any:
    """The service's store; on PostgreSQL a lock wait gives up after 10 s, so the store thread is never stuck for ever."""
    store = open_store(db_url)
    if db_url.startswith(("postgresql://", "postgres://")):
        store.execute("SET lock_timeout = '10s'")
    return store


def _check_password(password: str) -> None:
    if password.lower() in WEAK_SECRETS or len(password) < 10:
        raise ServiceError("refusing a default, empty or short password (at least 10 characters)")


def _log_in(st: Any, user: str, action: str, details: str = "") -> None:
    from ..redact import redact_text

    st.execute("INSERT INTO admin_log (ts, user_name, action, details) VALUES (?, ?, ?, ?)", (time.time(), user, action, redact_text(details)[:1000]))


def _apply(st: Any, kind: str, data: dict[str, Any], proposer: str) -> None:
    """The effect of an approved change to people or tokens (in the approval's transaction)."""
    if kind == "token":
        st.execute("UPDATE agent_tokens SET approved = 1 WHERE id = ? AND revoked = 0", (int(data["token_id"]),))
        return
    if kind != "user":
        return
    name, action = str(data["name"]), data["action"]
    if action == "add":
        if not st.changed(
            "INSERT INTO users (name, pw_hash, role, created, created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
            (name, data["pw_hash"], data["role"], time.time(), proposer),
        ):
            raise ServiceError(f"user {name!r} exists")
        return
    if action == "role":
        st.execute("UPDATE users SET role = ? WHERE name = ?", (data["role"], name))
    elif action in ("disable", "enable"):
        st.execute("UPDATE users SET disabled = ? WHERE name = ?", (1 if action == "disable" else 0, name))
    elif action == "password":
        st.execute("UPDATE users SET pw_hash = ? WHERE name = ?", (data["pw_hash"], name))
    elif action == "remove":
        st.execute("DELETE FROM users WHERE name = ?", (name,))
    st.execute("DELETE FROM web_sessions WHERE user_name = ?", (name,))  # every change to a person ends their sessions


def degrade(decision: Any) -> Any:
    """The answer when a decision cannot be recorded: an allow becomes ask; ask and deny stand."""
    if decision.decision == "allow":
        decision.decision = "ask"
        decision.reason = DEGRADED_REASON
        decision.rules = [*decision.rules, "service.store_unavailable"]
    return decision


class _OutageCounters:
    """Sessions' denials counted in this process while the store cannot take decisions (their counters live there):
    a headless run denied again and again is still stopped, an interactive one handed over. Per process and bounded;
    forgotten once a decision is recorded again (the store's counters take over; the spooled rows are counted there
    when replayed)."""

    MAX_SESSIONS = 10_000

    def __init__(self) -> None:
        import threading

        self.lock = threading.Lock()
        self.counts: dict[str, tuple[int, int]] = {}

    def settle(self, rec: dict[str, Any], limits: tuple[int, int], headless: bool) -> dict[str, Any]:
        from ..escalation import settle

        sid = str(rec.get("session_id") or "")
        with self.lock:
            consecutive, total = self.counts.get(sid, (0, 0))
            _, out, new_c, new_t = settle(rec, consecutive, total, limits, headless)
            if len(self.counts) >= self.MAX_SESSIONS and sid not in self.counts:
                self.counts.clear()
            self.counts[sid] = (new_c, new_t)
        return out

    def clear(self) -> None:
        if self.counts:
            with self.lock:
                self.counts.clear()


class _RecordJob:
    """One decision's write: the caller waits at most the budget; whatever happens, the decision ends in the store or the spool."""

    def __init__(self, guard: Guard, rec: dict[str, Any], limits: tuple[int, int], audit_cfg: dict[str, Any], headless: bool = False) -> None:
        import threading

        self.guard, self.rec, self.limits, self.audit_cfg, self.headless = guard, rec, limits, audit_cfg, headless
        self.lock = threading.Lock()
        self.state = "queued"  # running, abandoned (the caller spooled it), done, spooled

    def _degraded_rec(self) -> dict[str, Any]:
        rec = dict(self.rec)
        if rec.get("decision") == "allow":
            rec["decision"] = "ask"
            rec["reason"] = DEGRADED_REASON
            rec["rules"] = [*(rec.get("rules") or []), "service.store_unavailable"]
        return rec

    def _write(self, store: Any) -> dict[str, Any] | None:
        with self.lock:
            if self.state == "abandoned":
                return None
            self.state = "running"
        try:
            out: dict[str, Any] = store.record(self.rec, self.limits, self.headless)
        except Exception as e:
            with self.lock:
                self.state = "spooled"
            self.guard.mark_failed(e)
            self.guard.spool(self._degraded_rec(), self.limits, self.headless)
            return None
        with self.lock:
            self.state = "done"
        with contextlib.suppress(Exception):
            store.maybe_prune(self.audit_cfg)
        return out

    def run_within(self, budget_s: float) -> dict[str, Any] | None:
        """The escalation outcome, or None when the decision was spooled (the answer must degrade)."""
        import concurrent.futures

        if self.guard.failing_since is not None:
            self.state = "abandoned"
            self.guard.spool(self._degraded_rec(), self.limits, self.headless)
            return None
        fut = self.guard.submit(self._write)
        try:
            out: dict[str, Any] | None = fut.result(timeout=budget_s)
            return out
        except concurrent.futures.TimeoutError:
            pass
        except Exception as e:
            self.guard.mark_failed(e)
        with self.lock:
            state = self.state
            if state == "queued":
                self.state = "abandoned"
            elif state == "running":
                # The write is waiting in the store (a lock, a stall): it reads the record once it gets through,
                # so it records what the agent was answered.
                self.rec.update(self._degraded_rec())
        if state == "queued":
            self.guard.spool(self._degraded_rec(), self.limits, self.headless)
        # running: the write settles it (store, or spool on failure); done/spooled: already settled
        self.guard.mark_failed(TimeoutError(f"no answer within {budget_s:g} s"))
        return None


PROJECT_POLICIES = 256
MAX_CLAIMED_REMOTES = 32


def _has_repository_sections(text: str) -> bool:
    import tomllib

    try:
        sections = tomllib.loads(text).get("repositories")
    except (tomllib.TOMLDecodeError, AttributeError):
        return False
    return isinstance(sections, list) and bool(sections)


def claimed_identity(canonical: dict[str, Any]) -> Any:
    """The project an event comes from, as policy/repos.Identity: what the thin client read on the developer's
    machine (``clearance_repository``), else the event's project_root or cwd with no remotes; None without any."""
    from ..policy.repos import Identity, canonical_remote

    def path(v: object) -> str:
        return v if isinstance(v, str) and v.startswith("/") and len(v) <= 4096 and "\x00" not in v else ""

    def remotes(v: object) -> tuple[str, ...]:
        if not isinstance(v, list):
            return ()
        return tuple(sorted({canonical_remote(r) for r in v[:MAX_CLAIMED_REMOTES] if isinstance(r, str) and 0 < len(r) <= 1024}))

    claim = canonical.get("clearance_repository")
    if isinstance(claim, dict) and path(claim.get("root")):
        root = path(claim.get("root"))
        now = remotes(claim.get("remotes"))
        first = remotes(claim.get("first")) if "first" in claim else now
        return Identity(root, now, path(claim.get("real")) or root, first)
    root = path(canonical.get("project_root")) or path(canonical.get("cwd"))
    return Identity(root) if root else None


# The home of a machine the service knows nothing about: a folder no machine has, so ``~/x`` lies outside the project
# and outside every trusted directory (``~/shared`` in the policy expands to a folder nothing reaches either).
UNKNOWN_HOME = "/nonexistent/clearance-unknown-home"
HOME_HEADER = "x-clearance-home"
# What an agent's own http hook says of its environment (`clearance install claude --http` writes
# "CI=$CI;GITHUB_ACTIONS=$GITHUB_ACTIONS;..." and Claude Code fills the values in): read only for whether a person watches.
ENV_HEADER = "x-clearance-env"


def headless_from_header(value: object) -> bool:
    """Whether the X-Clearance-Env header says no person watches (audit.is_headless over the variables it names; pure).
    A claim that can only make escalation stricter, so it is taken as sent, as the thin client's ``headless`` is."""
    from ..audit import HEADLESS_VARS, is_headless

    if not isinstance(value, str) or len(value) > 1024:
        return False
    env: dict[str, str] = {}
    for part in value.split(";"):
        name, eq, val = part.partition("=")
        if eq and name.strip() in HEADLESS_VARS:
            env[name.strip()] = val.strip()
    return is_headless(env)


def without_home_entries(policy: Any) -> Any:
    """*policy* without what it trusts or allows relative to home (``~/shared`` in trust.directories, ``Edit(~/x/**)``
    in rules.allow), for a call whose home the service does not know: ``~`` in the call and ``~`` in the policy would
    both expand to UNKNOWN_HOME and agree, so ``~/shared/a`` would be trusted although nobody knows which folder it is.
    Denials and asks relative to home stay (they only tighten)."""
    from ..policy import Policy
    from ..trust import Trust

    if policy is None:
        return policy
    t = policy.trust
    dirs = tuple(d for d in t.directories if not d.startswith("~"))
    allow = policy.rules.get("allow", [])
    kept = [(p, layer) for p, layer in allow if not (p.arg or "").startswith("~")]
    if len(dirs) == len(t.directories) and len(kept) == len(allow):
        return policy
    out = object.__new__(Policy)
    for slot in Policy.__slots__:
        setattr(out, slot, getattr(policy, slot))
    out.trust = Trust(dirs, t.git_remotes, t.buckets, t.domains, t.services, t.trust_origin, t.mcp_servers)
    out.rules = {**policy.rules, "allow": kept}
    return out


def served_home(*claims: object) -> str:
    """The home of the machine an event came from (pure): the first claim that is an absolute, normalised directory
    path -- the event's ``home`` (the thin client sends its HOME), then the ``X-Clearance-Home`` header (Claude Code's
    http hook as `clearance install claude --http` writes it interpolates $HOME) -- else UNKNOWN_HOME.

    Never a guess from the working directory: cwd /root/proj does not say the home is /root (it may be /home/bob),
    and a wrong home turns ``~/proj/a.txt`` into a file of the project or ``~/shared`` into a trusted directory."""
    for claim in claims:
        if not isinstance(claim, str) or not claim.startswith("/") or claim == "/" or len(claim) > 4096 or "\x00" in claim:
            continue
        parts = claim.rstrip("/").split("/")[1:]
        if any(p in ("", ".", "..") for p in parts):
            continue
        return claim.rstrip("/")
    return UNKNOWN_HOME


_TRUST_KEYS = ("directories", "git_remotes", "buckets", "domains", "services", "mcp_servers")  # policy/schema.py [trust]
_RULE_KEYS = ("allow", "ask", "deny", "hard_deny")


def _with_list_entry(text: str, table: str, key: str, value: str, remove: bool = False) -> str:
    """The policy text with one more (or one less) string in ``[table] key = [...]`` (comments elsewhere survive)."""
    import tomllib

    data = tomllib.loads(text)
    current = list(data.get(table, {}).get(key, []))
    values = [v for v in current if v != value] if remove else [*current, value]
    line = f"{key} = {json.dumps(values)}"
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.strip() == f"[{table}]"), None)
    if start is None:
        return text.rstrip("\n") + f"\n\n[{table}]\n{line}\n"
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("[")), len(lines))
    for i in range(start + 1, end):
        if "=" in lines[i] and lines[i].split("=", 1)[0].strip() == key:
            j = i
            while "]" not in lines[j].split("#", 1)[0] and j + 1 < end:
                j += 1  # a list written over several lines
            lines[i : j + 1] = [line]
            return "\n".join(lines) + "\n"
    lines.insert(start + 1, line)
    return "\n".join(lines) + "\n"
