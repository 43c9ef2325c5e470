"""The keyed hash chain over audit records, its key file, verification and pruning.

Each decision row stores ``chain = MAC(key, previous row's chain || canonical
row content)``, computed in the write transaction that inserts it (SQLite
``BEGIN IMMEDIATE``, PostgreSQL an advisory lock), so concurrent writers extend
one chain.  The MAC is keyed BLAKE2b (RFC 7693; 128-bit tag) with a 32-byte
secret from a key file in clearance's state directory, created 0600 on first
use: without the key, a changed, inserted or deleted row cannot be re-chained.

Pruning deletes a prefix of the chain and writes an anchor: the chain value
of the last pruned row, how many rows were pruned, and a MAC over that and the
previous anchor, so the trail that remains still verifies.
"""

from __future__ import annotations

import time

from .keys import KEY_BYTES as KEY_BYTES
from .keys import _create_key as _create_key
from .keys import _keys as _keys
from .keys import _read_key as _read_key
from .keys import blake2b as blake2b
from .keys import default_key_file as default_key_file
from .keys import key_file as key_file
from .keys import load_key as load_key
from .schema import COLUMNS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

TAG_BYTES = 16
GENESIS = ""
REAL_COLUMNS = frozenset({"ts", "elapsed_ms", "reviewer_ms"})
INT_COLUMNS = frozenset({"shadow", "headless", "tokens_in", "tokens_out"})
DAY_S = 86_400.0


def canonical(values: tuple[Any, ...] | list[Any]) -> bytes:
    """The bytes a row's MAC covers: its columns in COLUMNS order, typed as stored, as ASCII JSON."""
    out: list[Any] = []
    for col, v in zip(COLUMNS, values):
        if col in REAL_COLUMNS:
            out.append(float(v or 0))
        elif col in INT_COLUMNS:
            out.append(int(v or 0))
        else:
            out.append("" if v is None else str(v))
    import json  # not at import: the hook's spool path needs the key, not json (~2 ms)

    return json.dumps(out, separators=(",", ":")).encode()


def link(key: bytes, prev: str, values: tuple[Any, ...] | list[Any]) -> str:
    return blake2b(prev.encode() + b"\n" + canonical(values), key=key, digest_size=TAG_BYTES).hexdigest()


def as_column(chain_hex: str) -> bytes:
    """The column value: the 16 bytes of the MAC (hex in memory, in anchors and in --verify's output)."""
    return bytes.fromhex(chain_hex)


def as_hex(value: Any) -> str:
    """A chain column read back (bytes from SQLite, bytes or memoryview from PostgreSQL) as hex."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return "" if value is None else str(value)


def anchor_mac(key: bytes, prev_mac: str, ts: float, through_id: int, pruned: int, last_chain: str) -> str:
    import json

    msg = json.dumps(["anchor", prev_mac, float(ts), int(through_id), int(pruned), last_chain], separators=(",", ":")).encode()
    return blake2b(msg, key=key, digest_size=TAG_BYTES).hexdigest()


# -- verification -------------------------------------------------------------------


def verify(store: Any, key: bytes, batch: int = 5000) -> dict[str, Any]:
    """Walk the chain in id order; the first break and how many links are broken.

    Works on any store with ``fetchall``/``fetchone`` (SQLite and PostgreSQL).
    """
    row = store.fetchone("SELECT value FROM audit_meta WHERE name = 'chain_start'")
    chain_start = int(row[0]) if row else 0
    res: dict[str, Any] = {"ok": True, "checked": 0, "before_chain": 0, "pruned": 0, "anchors": 0, "broken": 0, "first_break": None, "head": None}

    def broken(row_id: int | None, problem: str) -> None:
        res["ok"] = False
        res["broken"] += 1
        if res["first_break"] is None:
            res["first_break"] = {"id": row_id, "problem": problem}

    prev = GENESIS
    prev_mac = GENESIS
    through = 0
    for aid, ts, through_id, pruned, last_chain, mac in store.fetchall("SELECT id, ts, through_id, pruned, last_chain, mac FROM audit_anchors ORDER BY id"):
        res["anchors"] += 1
        res["pruned"] += int(pruned)
        if mac != anchor_mac(key, prev_mac, ts, through_id, pruned, last_chain) or int(through_id) < through:
            broken(None, f"prune anchor {aid} was changed or forged (its MAC does not match)")
        prev_mac, prev, through = mac, last_chain, max(through, int(through_id))
    last_id = max(chain_start, through)
    cols = ", ".join(COLUMNS)
    after = 0
    while True:
        rows = store.fetchall(f"SELECT id, {cols}, chain FROM decisions WHERE id > ? ORDER BY id LIMIT {int(batch)}", (after,))
        if not rows:
            break
        for r in rows:
            rid, values, stored = int(r[0]), r[1:-1], as_hex(r[-1])
            after = rid
            if rid <= chain_start and not stored:
                res["before_chain"] += 1
                continue
            res["checked"] += 1
            if rid <= through:
                broken(rid, f"decision {rid} lies in the pruned range (ids up to {through}) but is present: it was inserted afterwards")
                continue
            if not stored:
                # Writers link past such a row (see head()), so the chain goes on from the row before it.
                why = "by hand, by an older clearance, without the key, or folded from a spool line that did not verify"
                broken(rid, f"decision {rid} has no chain value: it was inserted without the chain ({why})")
                last_id = rid
                continue
            if stored != link(key, prev, values):
                if rid != last_id + 1:
                    broken(rid, f"decisions {last_id + 1}..{rid - 1} are missing before decision {rid} (deleted), or decision {rid} was changed")
                else:
                    broken(rid, f"decision {rid} was changed after it was written (or written with another key)")
            prev, last_id = stored, rid
            res["head"] = {"id": rid, "chain": stored}

    if store.fetchone("SELECT 1 FROM audit_meta WHERE name = 'spool_problems'") is not None:
        from .spool import problems_noted

        for problem in problems_noted(store):  # what folding the hooks' spool found (store/spool.py)
            broken(None, f"audit spool: {problem}")
    issued = _issued_max_id(store)
    if issued is not None and issued > last_id:
        broken(last_id + 1, f"decisions {last_id + 1}..{issued} were issued but are missing: the newest rows were deleted")
    return res


def _issued_max_id(store: Any) -> int | None:
    """SQLite's AUTOINCREMENT high-water mark (rolled back with the transaction, so no gaps); None elsewhere."""
    if not hasattr(store, "conn") or store.url.startswith(("postgresql://", "postgres://")):
        return None
    try:
        row = store.fetchone("SELECT seq FROM sqlite_sequence WHERE name = 'decisions'")
    except Exception:
        return None
    return int(row[0]) if row else None


# -- retention ----------------------------------------------------------------------


def retention(audit_cfg: dict[str, Any] | None) -> tuple[float, float]:
    """(days, MB) from the policy's [audit] table; 0 keeps everything.  Defaults: 365 days, 1024 MB."""
    cfg = audit_cfg or {}

    def num(name: str, default: float) -> float:
        v = cfg.get(name, default)
        return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 else default

    return num("retention_days", 365.0), num("max_mb", 1024.0)


def prune_through(
    store: Any, key: bytes, through_id: int, now: float, begin: Callable[[], None], commit: Callable[[], None], rollback: Callable[[], None]
) -> int:
    """Delete decisions with id <= *through_id* and anchor them; in the caller's write transaction."""
    begin()
    try:
        n = int((store.fetchone("SELECT COUNT(*) FROM decisions WHERE id <= ?", (through_id,)) or (0,))[0])
        if n:
            last = store.fetchone("SELECT chain FROM decisions WHERE id <= ? AND LENGTH(chain) > 0 ORDER BY id DESC LIMIT 1", (through_id,))
            prev = store.fetchone("SELECT mac, last_chain FROM audit_anchors ORDER BY id DESC LIMIT 1")
            prev_mac, prev_chain = (str(prev[0]), str(prev[1])) if prev else (GENESIS, GENESIS)
            last_chain = as_hex(last[0]) if last else prev_chain
            store.execute("DELETE FROM decisions WHERE id <= ?", (through_id,))
            mac = anchor_mac(key, prev_mac, now, through_id, n, last_chain)
            store.execute("INSERT INTO audit_anchors (ts, through_id, pruned, last_chain, mac) VALUES (?, ?, ?, ?, ?)", (now, through_id, n, last_chain, mac))
        set_meta(store, "last_prune", repr(now))
        commit()
    except BaseException:
        rollback()
        raise
    return n


def set_meta(store: Any, name: str, value: str) -> None:
    store.execute("DELETE FROM audit_meta WHERE name = ?", (name,))
    store.execute("INSERT INTO audit_meta (name, value) VALUES (?, ?)", (name, value))


def prune_due(store: Any, now: float, every_s: float = DAY_S) -> bool:
    row = store.fetchone("SELECT value FROM audit_meta WHERE name = 'last_prune'")
    try:
        last = float(row[0]) if row else 0.0
    except ValueError:
        last = 0.0
    return now - last >= every_s or now < last


def now() -> float:
    return time.time()


def writer_key(store: Any) -> bytes | None:
    """The key for recording; None (and a warning) when it cannot be read or created: the decision is then
    recorded outside the chain, which ``clearance log --verify`` reports, rather than not at all."""
    try:
        key: bytes = store.key()
    except Exception as e:
        from ..errors import KeyError_

        if not isinstance(e, (OSError, KeyError_)):
            raise
        import sys

        sys.stderr.write(f"clearance: no audit key ({type(e).__name__}: {e}); this decision is recorded outside the hash chain\n")
        return None
    return key


def head(store: Any) -> str:
    """The chain value the next decision links to: the newest chained row, else the newest anchor, else genesis."""
    row = store.fetchone("SELECT chain FROM decisions WHERE LENGTH(chain) > 0 ORDER BY id DESC LIMIT 1")
    if row:
        return as_hex(row[0])
    row = store.fetchone("SELECT last_chain FROM audit_anchors ORDER BY id DESC LIMIT 1")
    return str(row[0]) if row else GENESIS
