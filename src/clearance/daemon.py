"""``clearance daemon``: the engine kept warm behind a Unix socket (mode 0600).

The hook (hook.main) sends the raw event, its options and the environment
variables that matter; the daemon answers with the same Answer the hook would
have computed in-process.  Requests are served one at a time: the parser is
not shared between threads.
"""

from __future__ import annotations

import json
import os
import socket
import socketserver
import sys

from .daemon_path import socket_path
from .hook import Options, run_answer


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        try:
            data = b""
            while True:
                chunk = self.request.recv(1 << 16)
                if not chunk:
                    break
                data += chunk
                if len(data) > 16 * 1024 * 1024:
                    break
            req = json.loads(data.decode("utf-8"))
            env = {k: str(v) for k, v in (req.get("env") or {}).items()}
            answer = run_answer(str(req.get("raw", "")).encode("utf-8", "surrogateescape"), Options(req.get("argv") or []), env)
            reply = {"stdout": answer.stdout, "exit_code": answer.exit_code, "stderr": answer.stderr}
        except Exception as e:
            reply = {"error": f"{type(e).__name__}: {e}"}
        self.request.sendall(json.dumps(reply).encode())


def serve(path: str | None = None) -> int:
    path = path or socket_path()
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    os.chmod(folder, 0o700)
    if os.path.exists(path):
        try:
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            probe.connect(path)
            probe.close()
            print(f"clearance daemon: already running on {path}", file=sys.stderr)
            return 1
        except OSError:
            os.remove(path)  # a stale socket from a daemon that died
    old = os.umask(0o177)
    try:
        server = socketserver.UnixStreamServer(path, _Handler)
    finally:
        os.umask(old)
    os.chmod(path, 0o600)
    # Warm the engine: parser, rules and policy code are loaded once.
    run_answer(
        json.dumps({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "true"}, "cwd": "/"}).encode(), Options(["--no-audit"])
    )
    print(f"clearance daemon: listening on {path}", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if os.path.exists(path):
            os.remove(path)
    return 0
