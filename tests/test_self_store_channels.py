"""Code that reaches clearance's audit store and state by any channel: holding its lock, replacing its files.

Written before the fix, from the adversarial round's open item: a Python one-liner holding the SQLite audit store
(`BEGIN EXCLUSIVE` then sleep) was allowed, and so were the same in node, ruby and perl, a FIFO put in place of the
store's journal, the path built from pieces or matched by a glob, and `flock` on the store.  What a held lock does
to decisions (an allow still recorded, never an unrecorded allow, never past the hook's deadline) is in
tests/test_adversarial_perf.py; here, that the agent's calls which would hold or replace it are denied.
"""

from __future__ import annotations

import pytest

from .conftest import decide

DB = "/home/ana/.local/state/clearance/clearance.db"
HOLD = "c.execute('BEGIN EXCLUSIVE'); time.sleep(1e9)"

REACHES_THE_STORE = [
    f"python3 -c \"import sqlite3,time; c=sqlite3.connect('{DB}'); {HOLD}\"",
    f"python3 -c \"import sqlite3,time,os; c=sqlite3.connect(os.path.expanduser('~/.local/state/clearance/clearance.db')); {HOLD}\"",
    f"python3 -c \"import sqlite3,time; c=sqlite3.connect('{DB}', isolation_level=None); c.execute('begin immediate'); time.sleep(1e9)\"",
    f"python3 -c \"import sqlite3,time; c=sqlite3.connect('file:{DB}?mode=rw', uri=True); {HOLD}\"",
    f"python3 -c \"import sqlite3,time; p='/home/ana/.local/state/'+'clearance/clearance.db'; c=sqlite3.connect(p); {HOLD}\"",
    f"python3 -c \"import sqlite3,time,os; c=sqlite3.connect(os.path.join('/home/ana', '.local/state', 'clearance', 'clearance.db')); {HOLD}\"",
    f"python3 -c \"import sqlite3,time,glob; c=sqlite3.connect(glob.glob('/home/ana/.local/state/*/clearance.db')[0]); {HOLD}\"",
    f"python3 -c \"import sqlite3,time,glob; c=sqlite3.connect(glob.glob('/home/ana/.local/state/c*/*.db')[0]); {HOLD}\"",
    f"python3 -c \"import sqlite3,time,glob; c=sqlite3.connect(glob.glob('/home/ana/.local/**/clearance.db', recursive=True)[0]); {HOLD}\"",
    f"cd ~/.local/state/clearance && python3 -c \"import sqlite3,time; c=sqlite3.connect('clearance.db'); {HOLD}\"",
    f"python3 - <<'PY'\nimport sqlite3, time\nc = sqlite3.connect('{DB}')\nc.execute('BEGIN EXCLUSIVE')\ntime.sleep(1e9)\nPY",
    f"python3 -c \"import sqlite3; sqlite3.connect('{DB}').execute('PRAGMA journal_mode=DELETE')\"",
    f"python3 -c \"import fcntl,time; f=open('{DB}-sessions/.lock'); fcntl.flock(f, fcntl.LOCK_EX); time.sleep(1e9)\"",
    "python3 -c \"import os; os.mkfifo(os.path.expanduser('~/.local/state/clearance/clearance.db-wal'))\"",
    "node -e \"const D=require('better-sqlite3'); const d=new D(process.env.HOME+'/.local/state/clearance/clearance.db'); d.exec('BEGIN EXCLUSIVE'); setInterval(()=>{},1e9)\"",
    "ruby -e \"require 'sqlite3'; db=SQLite3::Database.new(File.expand_path('~/.local/state/clearance/clearance.db')); db.execute('BEGIN EXCLUSIVE'); sleep\"",
    'perl -MDBI -e \'$d=DBI->connect("dbi:SQLite:dbname=$ENV{HOME}/.local/state/clearance/clearance.db"); $d->do("BEGIN EXCLUSIVE"); sleep 1e9\'',
    "flock -x ~/.local/state/clearance/clearance.db sleep infinity",
    f"flock {DB}-sessions/.lock sleep 100000",
    "flock -w 5 ~/.local/state/clearance/clearance.db-sessions/.lock -c 'sleep 1e9'",
    f"sqlite3 {DB} 'BEGIN EXCLUSIVE; SELECT 1;'",
    f"sqlite3 -cmd 'begin exclusive' {DB}",
    f"ln -sf /dev/null {DB}",
    f"cp /dev/null {DB}",
    f"truncate -s 0 {DB}",
    f"mkfifo {DB}-wal",
    "ln -s ~/.local/state/clearance st && python3 -c \"import sqlite3,time; c=sqlite3.connect('st/clearance.db'); c.execute('BEGIN EXCLUSIVE')\"",
]

ORDINARY = [
    f"python3 -c \"import sqlite3; print(sqlite3.connect('{DB}').execute('select count(*) from decisions').fetchall())\"",
    f"sqlite3 -readonly {DB} 'select count(*) from decisions'",
    "python3 -c \"import sqlite3,time; c=sqlite3.connect('app.db'); c.execute('BEGIN EXCLUSIVE'); c.execute('delete from t where id = 1'); c.commit()\"",
    "python3 -c \"import glob; print(glob.glob('/home/ana/.local/state/*'))\"",
    "python3 -c \"import glob,os; [os.remove(p) for p in glob.glob('build/*.o')]\"",
    "flock /tmp/build.lock make",
    "python3 -c \"import fcntl; f=open('/tmp/my.lock','w'); fcntl.flock(f, fcntl.LOCK_EX)\"",
    "clearance log --limit 5",
]


@pytest.mark.parametrize("command", REACHES_THE_STORE)
def test_reaching_the_store_is_denied(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny", (command, d.rules, d.reason)


@pytest.mark.parametrize("command", ORDINARY)
def test_reading_it_and_other_databases_stay_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (command, d.rules, d.reason)
