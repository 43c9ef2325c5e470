"""The id a spooled decision gets is taken by appending its line (agents16): the line ends with the id (`, "n": ID}`),
the next hook reads it from the spool's end, and the next-id file is written only by the store's own writers after a
commit.  Per decision the hook wrote and renamed that file (0.5-2 ms on ext4, which flushes a file replaced by rename).
Ids stay unique and in order across concurrent hooks, folds, direct inserts and offline uploads, and each denial
names the row it became."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from clearance.store import spool
from clearance.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[1]


def _rec(sid: str = "s", decision: str = "allow", cmd: str = "git status") -> dict[str, object]:
    return {"ts": 1.0, "session_id": sid, "raw_decision": decision, "decision": decision, "tool": "Bash", "input": cmd}


def _next_id_file(db: str) -> Path:
    return Path(spool.sessions_dir(db)) / spool.NEXT_ID


def test_a_spooled_decision_writes_no_next_id_file(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    ids = [spool.append(db, _rec(), (3, 20), False)[0]["id"] for _ in range(5)]
    assert ids == [1, 2, 3, 4, 5]
    assert not _next_id_file(db).exists()  # the spool's last line says it
    SqliteStore(db).close()  # a reader folds: the store's writer sets the file after its commit
    assert _next_id_file(db).read_text().strip() == "6"
    stat = _next_id_file(db).stat()
    ids += [spool.append(db, _rec(), (3, 20), False)[0]["id"] for _ in range(3)]
    assert ids[5:] == [6, 7, 8]
    assert _next_id_file(db).stat().st_mtime_ns == stat.st_mtime_ns and _next_id_file(db).stat().st_ino == stat.st_ino


def test_ids_hold_across_folds_direct_inserts_and_uploads(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    given = [spool.append(db, _rec("h"), (3, 20), False)[0]["id"] for _ in range(2)]  # 1, 2 (no store yet)
    store = SqliteStore(db)  # folds 1, 2
    try:
        given.append(store.record(_rec("direct"), (3, 20), False)["id"])  # 3, inserted by the store itself
        given.append(spool.append(db, _rec("h"), (3, 20), False)[0]["id"])  # 4
        stored, _ = store.record_offline("laptop", [("k1", _rec("offline"))])  # folds 4 first, then takes 5
        assert stored == 1
        given.append(spool.append(db, _rec("h"), (3, 20), False)[0]["id"])  # 6
        store.fold()
        rows = {r["id"]: r["session_id"] for r in store.query({}, 100)}
    finally:
        store.close()
    assert given == [1, 2, 3, 4, 6]
    assert rows == {1: "h", 2: "h", 3: "direct", 4: "h", 5: "offline", 6: "h"}


def test_a_line_from_before_the_id_was_spooled_falls_back_to_the_file(tmp_path: Path) -> None:
    """A spool an older hook wrote (its lines end with `"esc": 0}`) and a store whose writer set the file."""
    db = str(tmp_path / "a.db")
    SqliteStore(db).close()
    spool.write_next_id(db, 40)
    line = json.dumps({"rec": {**_rec(), "id": 39, "n": 99}, "c": 0, "t": 0, "esc": 0}).encode()  # a record's own "n" is not the id
    assert spool._line_id(line + b" " + b"0" * spool.MAC_HEX + b"\n") == 0
    assert spool.append(db, _rec(), (3, 20), False)[0]["id"] == 40
    assert spool.append(db, _rec(), (3, 20), False)[0]["id"] == 41


def test_concurrent_hooks_never_share_an_id(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    code = (
        "import sys\n"
        "from clearance.store import spool\n"
        "for i in range(25):\n"
        "    out, _ = spool.append(sys.argv[1], {'ts': 1.0, 'session_id': sys.argv[2], 'raw_decision': 'deny', 'decision': 'deny',"
        " 'tool': 'Bash', 'input': f'rm -rf ~/{i}'}, (3, 20), True)\n"
        "    print(out['id'])\n"
        "    if i == 12 and sys.argv[2] == 'p0':\n"
        "        from clearance.store.sqlite import SqliteStore\n"
        "        SqliteStore(sys.argv[1]).close()\n"  # a reader folds while the others append
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    procs = [subprocess.Popen([sys.executable, "-c", code, db, f"p{n}"], env=env, stdout=subprocess.PIPE, text=True) for n in range(4)]
    said = {f"p{n}": [int(x) for x in p.communicate(timeout=120)[0].split()] for n, p in enumerate(procs)}
    every = sorted(i for ids in said.values() for i in ids)
    assert every == list(range(1, 101))
    store = SqliteStore(db)
    try:
        rows = {r["id"]: r["session_id"] for r in store.query({}, 200)}
    finally:
        store.close()
    assert all(rows[i] == sid for sid, ids in said.items() for i in ids)  # each id is the row its hook named
