"""The team service's logic, without HTTP: people, tokens, policy versions, decisions.

One ``Service`` per process holds one store connection (SQLite or PostgreSQL);
any number of processes can share a PostgreSQL database.
"""

from __future__ import annotations

import difflib
import hashlib
import hmac
import json
import os
import secrets
import time
from typing import Any

from ..store import open_store

ROLES = ("admin", "approver", "viewer")
WEAK_SECRETS = frozenset({"", "admin", "password", "changeme", "secret", "clearance", "123456", "default"})
SESSION_TTL_S = 8 * 3600
LOGIN_WINDOW_S = 60
LOGIN_MAX_FAILURES = 5
EMPTY_POLICY = '# Managed policy served by the clearance team service.\nauto_mode = "enabled"\n'


class ServiceError(Exception):
    pass


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
    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.store = open_store(db_url)
        self._policy_cache: tuple[int, Any] | None = None

    # -- people and sessions -------------------------------------------------------

    def add_user(self, name: str, password: str, role: str, by: str = "bootstrap") -> None:
        if role not in ROLES:
            raise ServiceError(f"unknown role {role!r}")
        if password.lower() in WEAK_SECRETS or len(password) < 10:
            raise ServiceError("refusing a default, empty or short password (at least 10 characters)")
        if self.store.fetchone("SELECT name FROM users WHERE name = ?", (name,)):
            raise ServiceError(f"user {name!r} exists")
        self.store.execute("INSERT INTO users (name, pw_hash, role, created) VALUES (?, ?, ?, ?)", (name, hash_password(password), role, time.time()))
        self.log(by, "add_user", f"{name} as {role}")

    def users(self) -> list[dict[str, Any]]:
        rows = self.store.fetchall("SELECT name, role, created, disabled FROM users ORDER BY name")
        return [{"name": r[0], "role": r[1], "created": r[2], "disabled": bool(r[3])} for r in rows]

    def login(self, name: str, password: str, client: str) -> tuple[str, str] | None:
        """(session cookie, csrf token) or None; raises ServiceError when rate-limited."""
        since = time.time() - LOGIN_WINDOW_S
        fails = self.store.fetchone("SELECT COUNT(*) FROM admin_log WHERE action = 'login_failed' AND ts >= ? AND details = ?", (since, client))
        if fails and int(fails[0]) >= LOGIN_MAX_FAILURES:
            raise ServiceError("too many failed logins; wait a minute")
        row = self.store.fetchone("SELECT pw_hash, disabled FROM users WHERE name = ?", (name,))
        if row is None or row[1] or not check_password(password, str(row[0])):
            self.log(name or "?", "login_failed", client)
            return None
        cookie = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(24)
        self.store.execute(
            "INSERT INTO web_sessions (id, user_name, csrf, expires) VALUES (?, ?, ?, ?)", (token_hash(cookie), name, csrf, time.time() + SESSION_TTL_S)
        )
        self.log(name, "login", client)
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
        self.store.execute("INSERT INTO agent_tokens (name, token_hash, created_by, created) VALUES (?, ?, ?, ?)", (name, token_hash(token), by, time.time()))
        self.log(by, "create_token", name)
        return token

    def revoke_token(self, token_id: int, by: str) -> None:
        self.store.execute("UPDATE agent_tokens SET revoked = 1 WHERE id = ?", (token_id,))
        self.log(by, "revoke_token", str(token_id))

    def tokens(self) -> list[dict[str, Any]]:
        rows = self.store.fetchall("SELECT id, name, created_by, created, revoked FROM agent_tokens ORDER BY id")
        return [{"id": r[0], "name": r[1], "created_by": r[2], "created": r[3], "revoked": bool(r[4])} for r in rows]

    def token_owner(self, token: str | None) -> str | None:
        if not token:
            return None
        row = self.store.fetchone("SELECT name FROM agent_tokens WHERE token_hash = ? AND revoked = 0", (token_hash(token),))
        return str(row[0]) if row else None

    # -- the managed policy ----------------------------------------------------------

    def current_policy(self) -> tuple[int, str]:
        row = self.store.fetchone("SELECT id, text FROM policy_versions WHERE status = 'approved' ORDER BY id DESC LIMIT 1")
        return (int(row[0]), str(row[1])) if row else (0, EMPTY_POLICY)

    def policy(self) -> Any:
        """The effective Policy object of the current approved version (cached per version)."""
        from ..policy import Policy
        from ..policy.load import from_managed_text

        version, text = self.current_policy()
        if self._policy_cache is None or self._policy_cache[0] != version:
            self._policy_cache = (version, Policy(from_managed_text(text)))
        return self._policy_cache[1]

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
        self.store.execute(
            "INSERT INTO policy_versions (text, summary, diff, base_id, status, proposed_by, proposed) VALUES (?, ?, ?, ?, 'proposed', ?, ?)",
            (text, summary[:200], diff, base_id, by, time.time()),
        )
        row = self.store.fetchone("SELECT MAX(id) FROM policy_versions WHERE proposed_by = ?", (by,))
        change_id = int(row[0]) if row else 0
        self.log(by, "propose_policy", f"change {change_id}: {summary}")
        return change_id

    def add_trust(self, kind: str, value: str, by: str) -> int:
        """Propose the current policy plus one trusted resource."""
        import tomllib

        if kind not in ("directories", "git_remotes", "buckets", "domains", "services") or not value.strip():
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

    def decide_change(self, change_id: int, by: str, role: str, approve: bool) -> None:
        row = self.store.fetchone("SELECT proposed_by, status, base_id FROM policy_versions WHERE id = ?", (change_id,))
        if row is None:
            raise ServiceError("no such change")
        if row[1] != "proposed":
            raise ServiceError(f"change {change_id} is already {row[1]}")
        if role not in ("admin", "approver"):
            raise ServiceError("only admins and approvers decide changes")
        if approve and row[0] == by:
            raise ServiceError("a change needs a second person: you proposed it")
        current_id, _ = self.current_policy()
        if approve and int(row[2]) != current_id:
            raise ServiceError("the policy changed since this was proposed; propose again on top of the current version")
        status = "approved" if approve else "rejected"
        self.store.execute(
            "UPDATE policy_versions SET status = ?, decided_by = ?, decided = ? WHERE id = ? AND status = 'proposed'", (status, by, time.time(), change_id)
        )
        self.log(by, f"{status[:-1] if approve else 'reject'}_policy", f"change {change_id}")

    def changes(self) -> list[dict[str, Any]]:
        rows = self.store.fetchall(
            "SELECT id, summary, diff, status, proposed_by, proposed, decided_by, decided, base_id FROM policy_versions ORDER BY id DESC"
        )
        keys = ("id", "summary", "diff", "status", "proposed_by", "proposed", "decided_by", "decided", "base_id")
        return [dict(zip(keys, r)) for r in rows]

    # -- history -------------------------------------------------------------------------

    def log(self, user: str, action: str, details: str = "") -> None:
        from ..redact import redact_text

        self.store.execute(
            "INSERT INTO admin_log (ts, user_name, action, details) VALUES (?, ?, ?, ?)", (time.time(), user, action, redact_text(details)[:1000])
        )

    def admin_log(self, limit: int = 200) -> list[dict[str, Any]]:
        rows = self.store.fetchall(f"SELECT ts, user_name, action, details FROM admin_log ORDER BY id DESC LIMIT {int(limit)}")
        return [{"ts": r[0], "user": r[1], "action": r[2], "details": r[3]} for r in rows]

    # -- decisions -------------------------------------------------------------------------

    def hook(self, raw: bytes, agent: str | None, user: str) -> Any:
        """Decide one hook event with the served managed policy; record it; return the agent's Answer."""
        return self.hook_record(self.hook_decide(raw, agent, user, self.policy()))

    def hook_decide(self, raw: bytes, agent: str | None, user: str, policy: Any) -> tuple[Any, Any]:
        """The decision alone, without the store (the app runs it on a worker thread): (answer, None), or (None, what hook_record needs)."""
        from ..adapters import detect, get
        from ..adapters.common import Answer
        from ..api import decide_event_full, malformed

        try:
            event = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            adapter = get(agent or "claude")
            return adapter.render_answer(malformed(f"not valid JSON: {str(e)[:100]}")), None
        agent = agent or detect(event)
        adapter = get(agent)
        if not isinstance(event, dict):
            return adapter.render_answer(malformed("the event is not a JSON object")), None
        name = event.get("hook_event_name")
        if agent in ("claude", "codex") and name not in (None, "PreToolUse"):
            return Answer(None, 0), None
        canonical = adapter.to_event(event)
        canonical["agent"] = agent
        canonical["user_name"] = user
        env = {"HOME": str(canonical.get("home") or _home_of(str(canonical.get("cwd") or "")))}
        decision, ctx, policy = decide_event_full(canonical, env, policy, local_files=False)
        return None, (adapter, decision, canonical, ctx, policy)

    def hook_record(self, decided: tuple[Any, Any]) -> Any:
        """Record a decision from hook_decide (on the thread that owns the store) and render the agent's Answer."""
        from ..audit import record_in

        answer, pending = decided
        if pending is None:
            return answer
        adapter, decision, canonical, ctx, policy = pending
        try:
            decision = record_in(self.store, decision, canonical, ctx, policy)
        except Exception as e:
            import sys

            sys.stderr.write(f"clearance serve: could not record a decision ({type(e).__name__}: {e})\n")
        return adapter.render_answer(decision)


def _home_of(cwd: str) -> str:
    """The home of the machine the event came from: sent by the thin client, else read from cwd."""
    parts = cwd.split("/")
    if len(parts) > 2 and parts[1] in ("home", "Users") and parts[2]:
        return "/".join(parts[:3])
    if cwd.startswith("/root"):
        return "/root"
    return os.environ.get("HOME", "/root")


_TRUST_KEYS = ("directories", "git_remotes", "buckets", "domains", "services")
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
