"""``clearance daemon``: the engine kept warm behind a Unix socket (mode 0600, folder 0700).

Enabling: the daemon creates (or reuses) its key file, ``daemon_path.key_path()`` --
``$XDG_STATE_HOME/clearance/daemon.key``, by default ``~/.local/state/clearance/daemon.key``,
32 random bytes in hex, mode 0600.  The hook talks to a daemon only when that file exists.

Protocol (one request per connection; the client shuts down its write side):
  request  JSON {"nonce": hex, "argv": [...], "env": {...}, "raw": event text}
  reply    "<hex HMAC-SHA256(key, nonce || body)>\\n" + body, body = JSON {"stdout", "exit_code", "stderr"}
The hook checks the MAC against the nonce it just sent; a listener without the key (one the
agent started on the socket path, say) cannot answer, and the hook decides in-process.

The hook forwards only where-things-are variables (``daemon_path.forwarded_env``), never
secrets: the reviewer's API keys come from the daemon's own environment.

Requests are served concurrently by a bounded pool of threads; each thread has its own
tree-sitter parser (shell/treesitter.py), so one slow decision does not hold up the others.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import socketserver
import stat
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from .daemon_path import ACK, PROTOCOL, has_credentials, is_secret, key_path, mac, socket_path
from .hook import Options, run_answer

WORKERS = 8
MAX_REQUEST = 16 * 1024 * 1024


class DaemonKeyError(Exception):
    pass


def load_or_create_key(path: str | None = None) -> bytes:
    """The daemon's key; created (mode 0600, folder 0700) when missing.  A key others can read is refused."""
    path = path or key_path()
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if os.stat(folder).st_uid == os.getuid():
        os.chmod(folder, 0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as f:
            f.write(os.urandom(32).hex() + "\n")
    return read_key(path)


def read_key(path: str) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        st = os.fstat(fd)
        if st.st_uid != os.getuid() or stat.S_IMODE(st.st_mode) & 0o077:
            raise DaemonKeyError(f"{path} must belong to you and be readable by you only (chmod 600), or be removed so that a new one is made")
        data = os.read(fd, 4096).strip()
    finally:
        os.close(fd)
    if len(data) < 32:
        raise DaemonKeyError(f"{path} is too short to be a daemon key; remove it so that a new one is made")
    return data


def _environment(sent: object) -> dict[str, str]:
    """The request's variables (secrets dropped), plus the daemon's own secrets (reviewer API keys, a store URL with a password)."""
    env = {k: v for k, v in os.environ.items() if is_secret(k) or has_credentials(v)}
    if isinstance(sent, dict):
        env.update({str(k): str(v) for k, v in sent.items() if not is_secret(str(k)) and not has_credentials(str(v))})
    return env


_held: dict[str, object] = {}
_held_lock = threading.Lock()


def _hold_store(opts: Options, env: dict[str, str]) -> None:
    """Keep one connection open to each SQLite audit store the daemon writes to.

    audit.record opens and closes the store for every decision; when that closes the last
    connection, SQLite checkpoints and deletes the WAL file, which cost ~5-20 ms a call here
    (about 1 ms with a connection held).  The held connection is never used.
    """
    if not opts.audit:
        return
    from .store import open_store, resolve_url

    url = resolve_url(opts.db, None, env)
    if url.startswith(("postgresql://", "postgres://")) or url in _held:
        return
    with _held_lock:
        if url not in _held and len(_held) < 16:
            try:
                _held[url] = open_store(url)
            except Exception:  # the decision's own attempt will report it
                _held[url] = None


def answer_request(data: bytes, key: bytes, peer: int = 0) -> bytes:
    """One request's bytes -> the signed reply.  *peer*: the hook process that sent it (its parent is the agent's
    side, read when an answer needs to know whether a person watches: hook.headless_for)."""
    nonce = ""
    try:
        req = json.loads(data.decode("utf-8"))
        if not isinstance(req, dict):
            raise ValueError("the request is not a JSON object")
        nonce = str(req.get("nonce") or "")
        if not nonce:
            raise ValueError("the request has no nonce")
        opts, env = Options(req.get("argv") or []), _environment(req.get("env"))
        if peer > 1:
            from .unattended import _parent

            opts.agent_pid = _parent(peer)
        _hold_store(opts, env)
        answer = run_answer(str(req.get("raw", "")).encode("utf-8", "surrogateescape"), opts, env)
        reply: dict[str, object] = {"stdout": answer.stdout, "exit_code": answer.exit_code, "stderr": answer.stderr, "protocol": PROTOCOL}
    except Exception as e:
        reply = {"error": f"{type(e).__name__}: {e}"}
    body = json.dumps(reply).encode()
    return mac(key, nonce.encode() + body).encode() + b"\n" + body


def _peer_pid(sock: socket.socket) -> int:
    """The process on the other end of a Unix socket (SO_PEERCRED; 0 where there is none or it is not visible here)."""
    opt = getattr(socket, "SO_PEERCRED", None)
    if opt is None:
        return 0
    try:
        cred = sock.getsockopt(socket.SOL_SOCKET, opt, 12)
    except OSError:
        return 0
    return int.from_bytes(cred[0:4], sys.byteorder)


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_REQUEST:
            chunk = self.request.recv(1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        self.request.sendall(answer_request(b"".join(chunks), self.server.key, _peer_pid(self.request)))
        from . import audit

        audit.fold_pending()  # after the reply, when the spool has grown past audit.FOLD_AT (readers fold on open)


class _Server(socketserver.UnixStreamServer):
    """Accepts on one thread, decides on a bounded pool of WORKERS threads."""

    def __init__(self, path: str, key: bytes, workers: int = WORKERS) -> None:
        self.key = key
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="clearance-daemon")
        super().__init__(path, _Handler)

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        try:
            request.sendall(ACK)  # on the accepting thread: alive, whatever the pool is busy with (hook._via_daemon)
        except OSError:
            self.shutdown_request(request)
            return
        self.pool.submit(self._work, request, client_address)

    def _work(self, request: socket.socket, client_address: object) -> None:
        try:
            self.finish_request(request, client_address)  # type: ignore[arg-type]
        except Exception:
            self.handle_error(request, client_address)  # type: ignore[arg-type]
        finally:
            self.shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)


def make_server(path: str, key: bytes, workers: int = WORKERS, own_folder: bool = True) -> _Server:
    """Bind the socket (mode 0600); a live daemon on *path* is an error, a stale socket is removed.

    With *own_folder* (clearance's own socket folder) the folder is made and kept 0700.  A folder the user named with
    `--socket` is theirs: it must exist, and its mode is left alone (before, `--socket ~/shared/d.sock` made the
    missing folders without a word and turned an existing one 0700)."""
    folder = os.path.dirname(path) or "."
    if own_folder:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    elif not os.path.isdir(folder):
        raise OSError(f"the folder {folder} does not exist; make it first (mkdir -m 700 {folder}) or give --socket a path in a folder that exists")
    if os.path.isdir(path):
        raise OSError(f"{path} is a folder; --socket takes the socket's own path, e.g. {os.path.join(path, 'daemon.sock')}")
    if os.path.lexists(path):
        if not stat.S_ISSOCK(os.lstat(path).st_mode):
            # Never removed: only a socket a daemon left behind is (before, `--socket notes.txt` deleted the file).
            raise OSError(f"{path} exists and is not a socket; it is left as it is -- give --socket a new path")
        try:
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            probe.connect(path)
            probe.close()
            raise OSError(f"something is already listening on {path}")
        except ConnectionRefusedError:
            os.remove(path)  # a stale socket from a daemon that died
    old = os.umask(0o177)
    try:
        server = _Server(path, key, workers)
    finally:
        os.umask(old)
    os.chmod(path, 0o600)
    return server


def serve(path: str | None = None) -> int:
    default = os.path.abspath(socket_path({k: v for k, v in os.environ.items() if k != "CLEARANCE_DAEMON_SOCKET"}))
    found = os.path.abspath(socket_path())  # where the hook looks: CLEARANCE_DAEMON_SOCKET, else the default
    path = os.path.abspath(path) if path else found
    own_folder = path == default
    try:
        key = load_or_create_key()
    except (OSError, DaemonKeyError) as e:
        print(f"clearance daemon: {e}", file=sys.stderr)
        return 1
    try:
        server = make_server(path, key, own_folder=own_folder)
    except OSError as e:
        print(f"clearance daemon: {f'{path}: {e.strerror}' if e.strerror else e}", file=sys.stderr)
        return 1
    # Warm the engine: parser, rules and policy code are loaded once.
    run_answer(
        json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "true"}, "cwd": "/"}).encode(), Options(["--no-audit"])
    )
    print(f"clearance daemon: listening on {path} (key: {key_path()})", file=sys.stderr)
    if path != found:
        print(
            f"clearance daemon: the hook looks for the daemon at {found}; it uses this one only where the agent runs with "
            f"CLEARANCE_DAEMON_SOCKET={path} (docs/protocols.md, the daemon and its key)",
            file=sys.stderr,
        )

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if os.path.exists(path):
            os.remove(path)
    return 0
