"""Schema and versioned migrations, shared by SQLite and PostgreSQL.

Each migration is (version, statements); ``{id}``, ``{real}`` and ``{json}``
are filled per dialect.  A store applies the migrations above the version it
finds in ``schema_version``, in one transaction each.
"""

from __future__ import annotations

DIALECT = {
    "sqlite": {"id": "INTEGER PRIMARY KEY AUTOINCREMENT", "real": "REAL", "json": "TEXT", "blob": "BLOB", "empty_blob": "x''"},
    "postgres": {"id": "BIGSERIAL PRIMARY KEY", "real": "DOUBLE PRECISION", "json": "TEXT", "blob": "BYTEA", "empty_blob": "''"},
}

MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            """CREATE TABLE IF NOT EXISTS decisions (
                id {id},
                ts {real} NOT NULL,
                session_id TEXT NOT NULL DEFAULT '',
                agent TEXT NOT NULL DEFAULT '',
                cwd TEXT NOT NULL DEFAULT '',
                tool_name TEXT NOT NULL DEFAULT '',
                tool_input {json} NOT NULL DEFAULT '{{}}',
                decision TEXT NOT NULL,
                raw_decision TEXT NOT NULL,
                stage TEXT NOT NULL,
                rules {json} NOT NULL DEFAULT '[]',
                reason TEXT NOT NULL DEFAULT '',
                elapsed_ms {real} NOT NULL DEFAULT 0,
                shadow INTEGER NOT NULL DEFAULT 0,
                headless INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX IF NOT EXISTS decisions_ts ON decisions (ts)",
            "CREATE INDEX IF NOT EXISTS decisions_session ON decisions (session_id, ts)",
            """CREATE TABLE IF NOT EXISTS sessions (
                session_id TEXT PRIMARY KEY,
                consecutive_denials INTEGER NOT NULL DEFAULT 0,
                total_denials INTEGER NOT NULL DEFAULT 0,
                decisions INTEGER NOT NULL DEFAULT 0,
                escalations INTEGER NOT NULL DEFAULT 0,
                updated {real} NOT NULL DEFAULT 0
            )""",
        ],
    ),
    (
        2,
        [
            "ALTER TABLE decisions ADD COLUMN reviewer_stage TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE decisions ADD COLUMN tokens_in INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE decisions ADD COLUMN tokens_out INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE decisions ADD COLUMN reviewer_ms {real} NOT NULL DEFAULT 0",
        ],
    ),
]
MIGRATIONS.append(
    (
        3,
        [
            "ALTER TABLE decisions ADD COLUMN user_name TEXT NOT NULL DEFAULT ''",
            # The team service (clearance serve): people, their web sessions, agent tokens, policy versions, admin history.
            """CREATE TABLE IF NOT EXISTS users (
                name TEXT PRIMARY KEY,
                pw_hash TEXT NOT NULL,
                role TEXT NOT NULL,
                created {real} NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE IF NOT EXISTS web_sessions (
                id TEXT PRIMARY KEY,
                user_name TEXT NOT NULL,
                csrf TEXT NOT NULL,
                expires {real} NOT NULL
            )""",
            """CREATE TABLE IF NOT EXISTS agent_tokens (
                id {id},
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                created_by TEXT NOT NULL,
                created {real} NOT NULL,
                revoked INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE IF NOT EXISTS policy_versions (
                id {id},
                text TEXT NOT NULL,
                summary TEXT NOT NULL DEFAULT '',
                diff TEXT NOT NULL DEFAULT '',
                base_id INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL,
                proposed_by TEXT NOT NULL,
                proposed {real} NOT NULL,
                decided_by TEXT NOT NULL DEFAULT '',
                decided {real} NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE IF NOT EXISTS admin_log (
                id {id},
                ts {real} NOT NULL,
                user_name TEXT NOT NULL,
                action TEXT NOT NULL,
                details TEXT NOT NULL DEFAULT ''
            )""",
        ],
    )
)
MIGRATIONS.append(
    (
        4,
        [
            # The keyed hash chain (store/chain.py), a 16-byte MAC per row: rows written before this migration are outside it.
            "ALTER TABLE decisions ADD COLUMN chain {blob} NOT NULL DEFAULT {empty_blob}",
            "CREATE TABLE IF NOT EXISTS audit_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "INSERT INTO audit_meta (name, value) SELECT 'chain_start', CAST(COALESCE(MAX(id), 0) AS TEXT) FROM decisions",
            # One row per prune: the chain value of the last pruned decision, how many, and a MAC over both.
            """CREATE TABLE IF NOT EXISTS audit_anchors (
                id {id},
                ts {real} NOT NULL,
                through_id BIGINT NOT NULL,
                pruned BIGINT NOT NULL,
                last_chain TEXT NOT NULL,
                mac TEXT NOT NULL
            )""",
        ],
    )
)
MIGRATIONS.append(
    (
        5,
        [
            # Every privileged change of the team service is a change request in policy_versions: kind says what it
            # changes (policy, user, token), payload what exactly (JSON); approvals carry a comment.
            "ALTER TABLE policy_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'policy'",
            "ALTER TABLE policy_versions ADD COLUMN payload TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE policy_versions ADD COLUMN comment TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE users ADD COLUMN created_by TEXT NOT NULL DEFAULT ''",
            # A token proposed and not yet approved does not work (approved = 0).
            "ALTER TABLE agent_tokens ADD COLUMN approved INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE agent_tokens ADD COLUMN expires {real} NOT NULL DEFAULT 0",
            "ALTER TABLE agent_tokens ADD COLUMN last_used {real} NOT NULL DEFAULT 0",
        ],
    )
)
MIGRATIONS.append(
    (
        6,
        [
            # Sign-in through the organisation's OpenID Connect provider (server/oidc.py): logins under way (state, nonce,
            # PKCE verifier; single use, ten minutes) and the provider's subject of each account it signs in.
            """CREATE TABLE IF NOT EXISTS oidc_logins (
                state TEXT PRIMARY KEY,
                nonce TEXT NOT NULL,
                verifier TEXT NOT NULL,
                redirect_uri TEXT NOT NULL,
                created {real} NOT NULL
            )""",
            "ALTER TABLE users ADD COLUMN oidc_sub TEXT NOT NULL DEFAULT ''",
        ],
    )
)
MIGRATIONS.append(
    (
        7,
        [
            # Decisions a thin client made while the team service was unreachable, uploaded later (server/offline.py):
            # one row per machine (the token's name) and content key, so a retried or resent upload is stored once.
            """CREATE TABLE IF NOT EXISTS offline_uploads (
                machine TEXT NOT NULL,
                upload_key TEXT NOT NULL,
                decision_id BIGINT NOT NULL DEFAULT 0,
                received {real} NOT NULL,
                PRIMARY KEY (machine, upload_key)
            )""",
        ],
    )
)
LATEST = MIGRATIONS[-1][0]

COLUMNS = (
    "ts",
    "session_id",
    "agent",
    "cwd",
    "tool_name",
    "tool_input",
    "decision",
    "raw_decision",
    "stage",
    "rules",
    "reason",
    "elapsed_ms",
    "shadow",
    "headless",
    "reviewer_stage",
    "tokens_in",
    "tokens_out",
    "reviewer_ms",
    "user_name",
)


def statements(dialect: str, version: int) -> list[str]:
    for v, stmts in MIGRATIONS:
        if v == version:
            return [s.format(**DIALECT[dialect]) for s in stmts]
    raise KeyError(version)
