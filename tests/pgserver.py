"""A throw-away PostgreSQL server on 127.0.0.1 for the tests (Debian's postgresql package)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def unavailable_reason() -> str | None:
    if _bin("initdb") is None or _bin("pg_ctl") is None:
        return "PostgreSQL server binaries not installed (apt-get install postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'clearance[postgres]')"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server"
    return None


class Server:
    """A running test server that a test can stop and start again (same data, same port)."""

    def __init__(self, url: str, stop: list[str], start: list[str], env: dict[str, str]) -> None:
        self.url, self._stop, self._start, self._env = url, stop, start, env

    def stop(self) -> None:
        subprocess.run(self._stop, capture_output=True, env=self._env, check=True)

    def start(self) -> None:
        subprocess.run(self._start, capture_output=True, env=self._env, check=True)


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server; yield a postgresql:// URL; stop and delete it afterwards."""
    with postgres_control() as server:
        yield server.url


@contextmanager
def postgres_control() -> Iterator[Server]:
    """Start a server; yield a Server (url, stop(), start()); stop and delete it afterwards."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    assert initdb and pg_ctl
    base = tempfile.mkdtemp(prefix="clearance-pg-")
    data = os.path.join(base, "data")
    port = _free_port()
    prefix: list[str] = []
    if os.geteuid() == 0:
        import pwd

        pw = pwd.getpwnam("postgres")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    env = dict(os.environ, LC_ALL="C")
    subprocess.run([*prefix, initdb, "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], check=True, capture_output=True, env=env)
    opts = f"-p {port} -k {base} -h 127.0.0.1 -c fsync=off -c max_connections=60"
    start = [*prefix, pg_ctl, "-D", data, "-o", opts, "-l", os.path.join(base, "log"), "-w", "-t", "30", "start"]
    subprocess.run(start, check=True, capture_output=True, env=env)
    try:
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", autocommit=True) as c:
            c.execute("CREATE DATABASE clearance_test")
        stop = [*prefix, pg_ctl, "-D", data, "-m", "fast", "-w", "stop"]
        yield Server(f"postgresql://postgres@127.0.0.1:{port}/clearance_test", stop, start, env)
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"], capture_output=True, env=env)
        shutil.rmtree(base, ignore_errors=True)
