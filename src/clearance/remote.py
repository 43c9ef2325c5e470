"""The hook as a thin client of the team service (CLEARANCE_SERVER, CLEARANCE_TOKEN).

The event goes to ``POST /v1/hook?envelope=1``; the answer comes back in the
agent's protocol.  Every ten minutes the served managed policy is copied to
``$XDG_CACHE_HOME/clearance/server-policy.toml``, signed (seal.py).  When the
service cannot be reached, the hook decides locally with that cached copy as its
managed layer -- only if its signature verifies -- and says so on stderr; an
unreachable service never becomes an allow.
"""

from __future__ import annotations

import json
import os
import sys
import time

from .adapters.common import Answer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .hook import Options

REFRESH_S = 600


def cache_path(env: dict[str, str] | os._Environ[str]) -> str:
    home = env.get("HOME") or os.path.expanduser("~")
    return os.path.join(env.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"), "clearance", "server-policy.toml")


def read_cache(env: dict[str, str] | os._Environ[str]) -> str | None:
    """The cached managed policy's text when its MAC verifies (seal.py); None when absent, unsigned or tampered.

    The copy lives in the user's cache, which the agent's own user can write: it
    becomes the managed layer only because clearance signed it.
    """
    from .seal import read_sealed

    return read_sealed(cache_path(env), env)


def write_cache(env: dict[str, str] | os._Environ[str], text: str) -> bool:
    from .seal import write_sealed

    return write_sealed(cache_path(env), text, env)


def _request(method: str, url: str, token: str, body: bytes | None, timeout: float) -> tuple[int, bytes]:
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    conn_cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = conn_cls(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)
    try:
        path = parts.path + ("?" + parts.query if parts.query else "")
        conn.request(method, path, body=body, headers={"authorization": f"Bearer {token}", "content-type": "application/json"})
        resp = conn.getresponse()
        return resp.status, resp.read(8_000_000)
    finally:
        conn.close()


def via_server(raw: bytes, opts: Options) -> Answer | None:
    """The service's answer; or, when it is unreachable, a local decision with the cached managed policy."""
    env = os.environ
    base = env["CLEARANCE_SERVER"].rstrip("/")
    token = env.get("CLEARANCE_TOKEN", "")
    timeout = float(env.get("CLEARANCE_SERVER_TIMEOUT", "5"))
    try:
        event = json.loads(raw.decode("utf-8"))
        if isinstance(event, dict):
            event.setdefault("home", env.get("HOME", ""))
            if env.get("CLAUDE_PROJECT_DIR"):
                event.setdefault("project_root", env["CLAUDE_PROJECT_DIR"])
            raw = json.dumps(event).encode()
    except (UnicodeDecodeError, ValueError):
        pass  # the service answers malformed input itself
    query = "envelope=1" + (f"&agent={opts.agent}" if opts.agent else "")
    problem = ""
    try:
        status, body = _request("POST", f"{base}/v1/hook?{query}", token, raw, timeout)
        if status == 200:
            reply = json.loads(body.decode("utf-8"))
            _refresh_policy(base, token, env)
            return Answer(reply.get("stdout"), int(reply.get("exit_code", 0)), str(reply.get("stderr") or ""))
        problem = f"HTTP {status}"
    except (OSError, ValueError) as e:
        problem = f"{type(e).__name__}: {e}"
    cached = cache_path(env)
    from .hook import run_answer

    local_env = dict(env)
    local_env.pop("CLEARANCE_SERVER", None)
    if read_cache(env) is not None:
        local_env["CLEARANCE_MANAGED_POLICY"] = cached
        age = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(cached)))
        note = f"clearance: the team service at {base} is unreachable ({problem}); decided locally with the cached managed policy from {age}"
    elif os.path.exists(cached):
        note = (
            f"clearance: the team service at {base} is unreachable ({problem}) and the cached managed policy failed its integrity check "
            "(unsigned or changed since clearance wrote it); decided locally with the built-in rules"
        )
    else:
        note = f"clearance: the team service at {base} is unreachable ({problem}) and no managed policy is cached; decided locally with the built-in rules"
    answer = run_answer(raw, opts, local_env)
    answer.stderr = "\n".join(x for x in (note, answer.stderr) if x)
    return answer


def _refresh_policy(base: str, token: str, env: dict[str, str] | os._Environ[str]) -> None:
    path = cache_path(env)
    try:
        if os.path.exists(path) and time.time() - os.path.getmtime(path) < REFRESH_S and read_cache(env) is not None:
            return
        status, body = _request("GET", f"{base}/v1/policy", token, None, 3.0)
        if status != 200:
            return
        text = json.loads(body.decode("utf-8")).get("text", "")
        if not write_cache(env, text):
            sys.stderr.write("clearance: could not refresh the cached managed policy\n")
    except (OSError, ValueError):
        sys.stderr.write("clearance: could not refresh the cached managed policy\n")
