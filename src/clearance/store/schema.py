"""Schema and versioned migrations, shared by SQLite and PostgreSQL.

Each migration is (version, statements); ``{id}``, ``{real}`` and ``{json}``
are filled per dialect.  A store applies the migrations above the version it
finds in ``schema_version``, in one transaction each.
"""

from __future__ import annotations

DIALECT = {
    "sqlite": {"id": "INTEGER PRIMARY KEY AUTOINCREMENT", "real": "REAL", "json": "TEXT"},
    "postgres": {"id": "BIGSERIAL PRIMARY KEY", "real": "DOUBLE PRECISION", "json": "TEXT"},
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
)


def statements(dialect: str, version: int) -> list[str]:
    for v, stmts in MIGRATIONS:
        if v == version:
            return [s.format(**DIALECT[dialect]) for s in stmts]
    raise KeyError(version)
