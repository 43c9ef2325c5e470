"""Two service processes on one store: same decisions as in-process, one consistent audit trail (bounded load)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("starlette")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load_service import run

from .pgserver import postgres_server, unavailable_reason


def test_two_processes_on_sqlite(tmp_path: Path) -> None:
    res = run(str(tmp_path / "team.db"), processes=2, requests=300, concurrency=6)
    assert res["audit_rows"] == 300 and res["mismatches"] == 0


def test_two_processes_on_postgres() -> None:
    reason = unavailable_reason()
    if reason:
        pytest.skip(f"PostgreSQL test skipped: {reason}")
    with postgres_server() as url:
        res = run(url, processes=2, requests=300, concurrency=6)
    assert res["audit_rows"] == 300 and res["mismatches"] == 0
