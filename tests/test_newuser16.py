"""Round 16 of the new-user trial: a developer (install, denials, explain, allow, log, stats, policy) and a platform
admin (serve, [[repositories]], the daemon, managed layers, CI) walking README.md and docs/ from a clean clone.

Each test names what the user saw before the fix."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from tests.test_newuser_trips import cli, event

PASSWORD = {"CLEARANCE_ADMIN_USER": "alice", "CLEARANCE_ADMIN_PASSWORD": "a long unique passphrase here"}


# -- `clearance serve` on a port already in use printed "clearance serve: http://127.0.0.1:PORT", created the first
#    admin in a new database, and only then failed with uvicorn's "[Errno 98] … address already in use" (exit 3)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_serve_on_a_port_in_use_says_so_first_and_leaves_nothing(tmp_path: Path, host: str) -> None:
    pytest.importorskip("uvicorn")
    taken = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        db = tmp_path / "team" / "team.db"
        p = cli(tmp_path, "serve", "--db", str(db), "--host", host, "--port", str(port), env=PASSWORD)
    finally:
        taken.close()
    assert p.returncode == 2, p.stderr
    assert f"port {port} on {host} is already in use" in p.stderr and "choose another --port" in p.stderr
    assert "http://" not in p.stderr and "created the first admin" not in p.stderr and "Errno" not in p.stderr
    assert not db.exists() and not db.parent.exists()  # nothing opened or made


@pytest.mark.parametrize(
    ("host", "said"),
    [("10.255.255.254", "is not an address of this machine"), ("no-such-host.invalid", "cannot listen on --host 'no-such-host.invalid'")],
)
def test_serve_on_an_address_it_cannot_listen_on_is_one_line(tmp_path: Path, host: str, said: str) -> None:
    pytest.importorskip("uvicorn")
    p = cli(tmp_path, "serve", "--db", str(tmp_path / "team.db"), "--host", host, "--port", "18799", env=PASSWORD)
    assert p.returncode == 2 and said in p.stderr and "Traceback" not in p.stderr, p.stderr
    assert not (tmp_path / "team.db").exists()
