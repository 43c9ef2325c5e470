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


# -- `clearance daemon --socket PATH`: an existing file at PATH was deleted (taken for a stale socket), the folder of
#    PATH was turned 0700 (`--socket /tmp/d.sock` would have closed /tmp to everyone else), missing folders were made
#    without a word, a folder as PATH was "[Errno 21] Is a directory", and nothing said the hook would not use it


def _daemon(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run `clearance daemon ARGS` until it listens (or fails): its exit code (None: it was listening) and stderr."""
    import subprocess
    import sys
    import threading
    import time

    from tests.test_newuser_trips import ROOT

    e = {k: v for k, v in os.environ.items() if not k.startswith(("CLEARANCE_", "XDG_"))}
    e.update(HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT / "src"), **(env or {}))
    (tmp_path / "home").mkdir(exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-m", "clearance", "daemon", *args], env=e, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr or ()), daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and not any("listening on" in line for line in lines):
        time.sleep(0.1)
    if proc.poll() is None:
        time.sleep(0.5)  # the lines printed after "listening on"
        proc.terminate()
        proc.wait(timeout=30)
        reader.join(timeout=30)
        return -1, "".join(lines)
    reader.join(timeout=30)
    return proc.returncode, "".join(lines)


def test_daemon_socket_on_an_existing_file_leaves_the_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("important\n")
    code, err = _daemon(tmp_path, "--socket", str(notes))
    assert code == 1 and "exists and is not a socket" in err, err
    assert notes.read_text() == "important\n"


def test_daemon_socket_in_a_shared_folder_leaves_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    sock = shared / "d.sock"
    code, err = _daemon(tmp_path, "--socket", str(sock))
    assert code == -1, err  # it listened
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert f"CLEARANCE_DAEMON_SOCKET={sock}" in err  # the hook looks elsewhere unless told


@pytest.mark.parametrize("missing", ["nope/d.sock", "nope/deeper/d.sock"])
def test_daemon_socket_in_a_missing_folder_is_refused_not_made(tmp_path: Path, missing: str) -> None:
    code, err = _daemon(tmp_path, "--socket", str(tmp_path / missing))
    assert code == 1 and "does not exist" in err and "mkdir -m 700" in err, err
    assert not (tmp_path / "nope").exists()


def test_daemon_socket_naming_a_folder_says_what_to_give(tmp_path: Path) -> None:
    code, err = _daemon(tmp_path, "--socket", str(tmp_path))
    assert code == 1 and "is a folder" in err and "Errno" not in err, err
    assert str(tmp_path / "daemon.sock") in err


def test_daemon_default_socket_still_makes_its_own_private_folder(tmp_path: Path) -> None:
    run = tmp_path / "xdg-run"
    run.mkdir(mode=0o700)
    sock = run / "clearance" / "daemon.sock"
    code, err = _daemon(tmp_path, "--socket", str(sock), env={"XDG_RUNTIME_DIR": str(run)})
    assert code == -1, err
    assert stat.S_IMODE(sock.parent.stat().st_mode) == 0o700
    assert "CLEARANCE_DAEMON_SOCKET" not in err  # the hook finds it there by itself
