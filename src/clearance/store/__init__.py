"""The audit trail and per-session state: SQLite by default, PostgreSQL for teams.

Both stores implement the same small interface and the same schema (schema.py),
with versioned migrations.  ``record`` writes one decision and updates the
session's denial counters in a single transaction, so concurrent hook processes
neither lose nor double-count an update.
"""

from __future__ import annotations

from .. import pathstr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Protocol

    class Store(Protocol):
        url: str

        def record(self, rec: dict[str, Any], limits: tuple[int, int], headless: bool) -> dict[str, Any]: ...

        def session(self, session_id: str) -> dict[str, Any] | None: ...

        def query(self, filters: dict[str, Any], limit: int = 1000) -> list[dict[str, Any]]: ...

        def sessions(self) -> list[dict[str, Any]]: ...

        def latest_rule_times(self, session_id: str, rule_ids: tuple[str, ...], since: float) -> dict[str, float]: ...

        def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None: ...

        def fetchall(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]: ...

        def fetchone(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None: ...

        def close(self) -> None: ...

        def atomic(self, fn: Any) -> Any: ...

        def changed(self, sql: str, params: tuple[Any, ...] = ()) -> int: ...

        def key(self, create: bool = True) -> bytes: ...

        def verify(self) -> dict[str, Any]: ...

        def maybe_prune(self, audit_cfg: dict[str, Any] | None) -> dict[str, Any] | None: ...

        def prune(self, days: float, mb: float, now: float | None = None, vacuum: bool = False) -> dict[str, Any]: ...


def default_path(env: Any) -> str:
    home = env.get("HOME") or pathstr.expanduser("~")
    state = env.get("XDG_STATE_HOME") or pathstr.join(home, ".local", "state")
    return pathstr.join(state, "clearance", "clearance.db")


def resolve_url(explicit: str | None, policy_audit: dict[str, Any] | None, env: Any) -> str:
    """--db, then $CLEARANCE_DB, then the policy's [audit] url, then the default SQLite file."""
    for candidate in (explicit, env.get("CLEARANCE_DB"), (policy_audit or {}).get("url")):
        if candidate:
            return str(candidate)
    return default_path(env)


def url_problem(url: str) -> str | None:
    """Why *url* names no audit store clearance can open, or None.  A URL of another scheme (`mysql://`, `https://`,
    `postgresql+psycopg://`, `sqlite://x.db` with two slashes) was taken for a SQLite file's path: the hook, `serve`
    and `log` made folders named `mysql:` in the working directory and kept the trail there, without a word."""
    scheme, sep, rest = url.partition("://")
    if not sep or url.startswith(("postgresql://", "postgres://", "sqlite:///")):
        return None
    shown = url
    at = rest.rfind("@")
    if at > 0 and ":" in rest[:at]:  # user:password@ -- the password is not for the screen
        shown = f"{scheme}://{rest[: rest.index(':')]}:***{rest[at:]}"
    if scheme.lower() in ("postgresql", "postgres"):
        fix = f"write the scheme in lower case: {scheme.lower()}://{shown.partition('://')[2]}"
    elif scheme.lower() == "sqlite":
        fix = f"a SQLite URL has three slashes before its absolute path (sqlite:///{rest.lstrip('/')} is /{rest.lstrip('/')}), or give the file's path alone"
    elif scheme.lower().startswith(("postgresql+", "postgres+")):
        fix = f"write postgresql://{shown.partition('://')[2]} (no driver suffix)"
    else:
        fix = "clearance keeps its audit trail in PostgreSQL (postgresql://USER:PASSWORD@HOST:PORT/DATABASE) or a SQLite file (its path)"
    return f"{shown} is not an audit store clearance can open: {fix}"


def open_store(url: str, key_file: str | None = None, read_only: bool = False) -> Store:
    """The store at *url*; *key_file* keys its hash chain (default: audit.key in clearance's state directory).
    *read_only*: a SQLite file is opened read-only (mode=ro) unless spooled decisions wait to join it; a missing
    or empty file is FileNotFoundError, never created.  A URL of a scheme clearance does not open is StoreUrlError."""
    problem = url_problem(url)
    if problem:
        from ..errors import StoreUrlError

        raise StoreUrlError(problem)
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(url, key_file=key_file)
    from .sqlite import SqliteStore

    path = url[len("sqlite:///") - 1 :] if url.startswith("sqlite:///") else url
    return SqliteStore(path, key_file=key_file, read_only=read_only)
