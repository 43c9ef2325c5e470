"""The hook as a thin client of the team service (CLEARANCE_SERVER, CLEARANCE_TOKEN).

The event goes to ``POST /v1/hook?envelope=1``; the answer comes back in the
agent's protocol.  Every ten minutes the served managed policy is copied to
``$XDG_CACHE_HOME/clearance/server-policy.toml``, signed (seal.py).  When the
service cannot be reached, the hook decides locally with that cached copy as its
managed layer -- only if its signature verifies -- and says so on stderr; an
unreachable service never becomes an allow.
"""

from __future__ import annotations

import sys

from . import jsonlite as json
from .hookstart import Answer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .daemon_path import Env
    from .hook import Options
    from .model import Decision

# The thin client is a hook process of its own: it imports neither os (~1.2 ms under -I -S) nor paths, pathstr or the
# adapters, and reads the cached managed policy once per call (posix, seal).
REFRESH_S = 600
# The first line of the cached copy names the version of the managed policy the service served (inside the seal).
VERSION_MARK = "# clearance-served-version "


def cache_needs_refresh(now: float, mtime: float, verified: bool, cached_version: int | None, served_version: int | None) -> bool:
    """Whether the cached managed policy must be copied again (pure: remote._refresh_policy does the I/O).

    Copied again when its seal does not verify, when the service just decided with another version than the copy's
    (an approved change or a revert reaches the copy at the machine's next call, not up to ten minutes later), when it
    is older than REFRESH_S, and when it was written "in the future" (a clock set back: its age would stay negative,
    and the copy frozen, until the clock caught up).  A negative *served_version* is a service that cannot read its
    own store: it says nothing about the copy.
    """
    if not verified:
        return True
    if served_version is not None and served_version >= 0 and served_version != cached_version:
        return True
    age = now - mtime
    return age < 0 or age >= REFRESH_S


def cache_path(env: Env) -> str:
    from .daemon_path import cache_dir

    return cache_dir(env) + "/server-policy.toml"


def read_cache(env: Env) -> str | None:
    """The cached managed policy's text when its MAC verifies (seal.py); None when absent, unsigned or tampered.

    The copy lives in the user's cache, which the agent's own user can write: it
    becomes the managed layer only because clearance signed it.
    """
    from .seal import read_sealed

    return read_sealed(cache_path(env), env)


class _Cached:
    """The cached managed policy as this call found it: its bytes (None when absent or unreadable) and modification
    time, read once for both what is sent (_sections_served) and whether to copy it again (_refresh_policy)."""

    __slots__ = ("data", "mtime")

    def __init__(self, env: Env) -> None:
        import posix

        self.data: bytes | None = None
        self.mtime = 0.0
        try:
            fd = posix.open(cache_path(env), posix.O_RDONLY)
        except OSError:
            return
        try:
            self.mtime = posix.fstat(fd).st_mtime
            chunks = []
            while True:
                chunk = posix.read(fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            self.data = b"".join(chunks)
        except OSError:
            self.data = None
        finally:
            posix.close(fd)

    def version(self) -> int | None:
        """The served version the copy names (VERSION_MARK, the line after the seal); None when it names none."""
        if self.data is None:
            return None
        mark = VERSION_MARK.encode()
        for line in self.data[:4096].split(b"\n")[:3]:
            if line.startswith(mark):
                digits = line[len(mark) :].strip()
                return int(digits) if digits.isdigit() else None
        return None

    def verified(self, env: Env) -> bool:
        """Its seal verifies (seal.read_sealed on these bytes)."""
        from .seal import unseal

        if self.data is None:
            return False
        try:
            text = self.data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as open() in text mode reads it
            return unseal(text, env) is not None
        except UnicodeDecodeError:
            return False


def write_cache(env: Env, text: str) -> bool:
    from .seal import write_sealed

    return write_sealed(cache_path(env), text, env)


def read_envelope(reply: object) -> tuple[dict[str, Any] | None, int, str, int | None]:
    """(stdout, exit code, stderr, served policy version) of the service's ``?envelope=1`` answer (pure).

    ValueError for anything else: a 200 from what is not clearance (a proxy's or portal's page, another service
    on the URL) is no decision -- its ``{}`` would print nothing and leave the call to the agent, its ``{"stdout": 5}``
    would print 5 -- so the caller decides locally, as when the service is unreachable."""
    if not isinstance(reply, dict) or "stdout" not in reply or type(reply.get("exit_code")) is not int:
        raise ValueError("an HTTP 200 that is not clearance's answer")
    stdout, stderr, version = reply["stdout"], reply.get("stderr"), reply.get("policy_version")
    if not (stdout is None or isinstance(stdout, dict)) or not (stderr is None or isinstance(stderr, str)):
        raise ValueError("an HTTP 200 that is not clearance's answer")
    return stdout, int(reply["exit_code"]), stderr or "", version if type(version) is int else None


def read_served_policy(reply: object) -> tuple[str, int | None]:
    """(text, version) of a ``GET /v1/policy`` answer (pure); ValueError when it is not one -- a body without the
    policy's text must not become an empty managed policy in the cache (no hard denials, every trust allowed)."""
    if not isinstance(reply, dict) or not isinstance(reply.get("text"), str):
        raise ValueError("not the served policy")
    version = reply.get("version")
    return reply["text"], version if type(version) is int else None


def _split_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path?query) of an http(s) URL; ValueError for anything else."""
    scheme, sep, rest = url.partition("://")
    scheme = scheme.lower()
    if not sep or scheme not in ("http", "https"):
        raise ValueError(f"not an http(s) URL: {url[:80]!r}")
    hostport, slash, path = rest.partition("/")
    hostport = hostport.rpartition("@")[2]
    if hostport.startswith("["):  # [::1]:8080
        host, _, tail = hostport[1:].partition("]")
        port_text = tail[1:] if tail.startswith(":") else ""
    else:
        host, _, port_text = hostport.partition(":")
    if not host:
        raise ValueError(f"no host in {url[:80]!r}")
    port = int(port_text) if port_text else (443 if scheme == "https" else 80)
    target = "/" + path if slash else "/"
    if "?" in hostport:  # http://host?x
        raise ValueError(f"malformed URL {url[:80]!r}")
    return scheme, host, port, target


def _dechunk(data: bytes) -> bytes:
    out: list[bytes] = []
    while True:
        size_line, _, data = data.partition(b"\r\n")
        size = int(size_line.split(b";")[0].strip() or b"0", 16)
        if size == 0:
            return b"".join(out)
        out.append(data[:size])
        data = data[size + 2 :]


def _request(method: str, url: str, token: str, body: bytes | None, timeout: float) -> tuple[int, bytes]:
    """One HTTP/1.1 request on a raw socket (``http.client`` and ``urllib`` cost ~15 ms to import).

    ``ssl`` (and ``socket``, which it needs) are imported only for https URLs.
    """
    scheme, host, port, target = _split_url(url)
    if any(c in token for c in "\r\n") or any(c in target for c in " \r\n"):
        raise ValueError("a line break or space in the token or URL")
    body = body or b""
    head = (
        f"{method} {target} HTTP/1.1\r\nHost: {host if ':' not in host else '[' + host + ']'}:{port}\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    if scheme == "https":
        import socket
        import ssl

        raw = socket.create_connection((host, port), timeout=timeout)
        sock: Any = ssl.create_default_context().wrap_socket(raw, server_hostname=host)
    else:
        import _socket

        err: OSError | None = None
        sock = None
        name: str | bytes = host.encode("ascii") if host.isascii() else host  # a str host loads the idna codec (and re)
        for family, kind, proto, _, addr in _socket.getaddrinfo(name, port, 0, _socket.SOCK_STREAM):
            s = _socket.socket(family, kind, proto)
            s.settimeout(timeout)
            try:
                s.connect(addr)
            except OSError as e:
                s.close()
                err = e
                continue
            sock = s
            break
        if sock is None:
            raise err or OSError(f"cannot connect to {host}:{port}")
    try:
        sock.sendall(head.encode("latin-1") + body)
        chunks: list[bytes] = []
        size = 0
        while size < 8_100_000:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        sock.close()
    data = b"".join(chunks)
    header, sep, payload = data.partition(b"\r\n\r\n")
    lines = header.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if not sep or len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
        raise ValueError(f"not an HTTP response from {host}:{port}")
    fields = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    if "chunked" in fields.get("transfer-encoding", "").lower():
        payload = _dechunk(payload)
    elif fields.get("content-length", "").isdigit():
        payload = payload[: int(fields["content-length"])]
    return int(parts[1]), payload[:8_000_000]


# After the service did not answer within its timeout, how long the hook decides locally without trying it (the mark's
# age, server.stalled in the state folder).
STALL_BACKOFF_S = 60.0


def _mark(path: str) -> None:
    """Note now as the mark's modification time (made 0600 if new); nothing when the state folder cannot take it."""
    import os

    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return
    try:
        os.utime(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def via_server(raw: bytes, opts: Options) -> Answer | None:
    """The service's answer; or, when it is unreachable, a local decision with the cached managed policy."""
    from .daemon_path import environ

    env = environ()
    base = env["CLEARANCE_SERVER"].rstrip("/")
    token = env.get("CLEARANCE_TOKEN", "")
    timeout = float(env.get("CLEARANCE_SERVER_TIMEOUT", "5"))
    cached_now = _Cached(env)
    try:
        event = json.loads(raw.decode("utf-8"))
        if isinstance(event, dict):
            event.setdefault("home", env.get("HOME", ""))
            from .audit import is_headless

            if is_headless(env, opts.headless):
                event["headless"] = True  # repeated denials stop a CI run at the service too (it cannot see CI=true)
            if env.get("CLAUDE_PROJECT_DIR"):
                event.setdefault("project_root", env["CLAUDE_PROJECT_DIR"])
            repo = _repository(event, env, cached_now)
            if repo is not None:
                event["clearance_repository"] = repo
            raw = json.dumps(event).encode()
    except (UnicodeDecodeError, ValueError):
        pass  # the service answers malformed input itself
    query = "envelope=1" + (f"&agent={opts.agent}" if opts.agent else "")
    import posix  # not os: the thin client's path imports neither os nor the engine (tests/test_import_budget.py)
    import time

    from .daemon_path import state_dir

    stalled = state_dir(env) + "/server.stalled"
    try:
        since = posix.stat(stalled).st_mtime
    except OSError:
        since = 0.0
    problem = ""
    if since and 0 <= time.time() - since < STALL_BACKOFF_S:
        # It did not answer within its timeout a moment ago: a hung service (or a load balancer with no backend) would
        # cost every call that wait. Decided locally at once until a minute has passed, then tried again.
        problem = f"it did not answer within {timeout:g} s at {time.strftime('%H:%M:%S', time.localtime(since))}; not tried again until a minute has passed"
    else:
        try:
            status, body = _request("POST", f"{base}/v1/hook?{query}", token, raw, timeout)
            if since:
                try:  # noqa: SIM105 (not contextlib: the hook's path imports only what it needs)
                    posix.unlink(stalled)  # it answers again
                except OSError:
                    pass
            if status == 200:
                stdout, code, stderr, served = read_envelope(json.loads(body.decode("utf-8")))
                _refresh_policy(base, token, env, cached_now, served)
                _send_offline(env)
                return Answer(stdout, code, stderr)
            if status in (401, 403):
                return _token_rejected(raw, opts, base, status, token, env)
            problem = f"HTTP {status}"
        except (OSError, ValueError) as e:
            problem = f"{type(e).__name__}: {e}"
            if isinstance(e, TimeoutError):
                _mark(stalled)
    import os

    cached = cache_path(env)
    from .hook import run_answer

    local_env = dict(env)
    local_env.pop("CLEARANCE_SERVER", None)
    # Which service this machine is a client of, for self.forged-endpoint: on loopback, a listener the agent starts on
    # its port while it is down would answer for it (listens.own_endpoints).
    local_env["CLEARANCE_TEAM_SERVICE"] = base
    # The record says it was decided while the service was unreachable (rule service.unreachable); the marker makes
    # the next call the service answers send it to the team's trail (outbox.py).
    local_env["CLEARANCE_DECIDED_OFFLINE"] = "1"
    if read_cache(env) is not None:
        local_env["CLEARANCE_MANAGED_POLICY"] = cached
        age = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(cached)))
        version = cached_now.version()
        which = f"the cached managed policy (version {version}) from {age}" if version is not None else f"the cached managed policy from {age}"
        note = f"clearance: the team service at {base} is unreachable ({problem}); decided locally with {which}"
    else:
        from .rejected import POLICY_MISSING_VAR, UNAVAILABLE_VAR, unavailable_mode

        if os.path.exists(cached):
            lost = "the cached copy of the team's policy failed its integrity check (unsigned or changed since clearance wrote it)"
        else:
            lost = "this machine holds no copy of the team's policy (never fetched)"
        if unavailable_mode(env) == "closed":
            # A platform team's deny rules must not quietly fall away in an outage (ux19): every call the built-in
            # rules do not deny is asked -- denied where nobody watches (CI) -- saying why (rejected.when_policy_missing).
            local_env[POLICY_MISSING_VAR] = f"The team service at {base} is unreachable and {lost}"
            then = f"calls the built-in rules do not deny are asked (denied when unattended; {UNAVAILABLE_VAR}=open decides them locally)"
        else:
            then = f"decided locally with the built-in rules ({UNAVAILABLE_VAR}=open)"
        note = f"clearance: the team service at {base} is unreachable ({problem}) and {lost}; {then}"
    answer = run_answer(raw, opts, local_env)
    from .outbox import note_pending

    note_pending(env)
    answer.stderr = "\n".join(x for x in (note, answer.stderr) if x)
    return answer


def _send_offline(env: Env) -> None:
    """When an outage left decisions to send (one stat), start the detached uploader (outbox.py): the answer is not
    held up by it."""
    import posix
    import time

    from .daemon_path import state_dir

    try:
        mtime = posix.stat(state_dir(env) + "/offline-pending").st_mtime
    except OSError:
        return
    from .outbox import due, spawn

    if due(mtime, time.time()):
        spawn(env)


def _sections_served(env: Env, cached: _Cached | None = None) -> bool:
    """Whether the managed policy last copied from the service has [[repositories]] sections (a hint only, so the
    copy's seal is not checked here): reading the checkout and its sealed first-seen record costs the thin client
    several milliseconds, spent only when a section could use them.  Until the first copy exists, not sent."""
    data = (cached or _Cached(env)).data
    return data is not None and b"repositories" in data[: 1 << 20]


def _repository(event: dict[str, Any], env: Env, cached: _Cached | None = None) -> dict[str, Any] | None:
    """Which checkout the event comes from, read on this machine for the service's [[repositories]] sections: its
    path and real path, its remotes now and when clearance first met it (policy/repos.identity; the first-seen record
    is sealed in this machine's state folder, which the agent may not write)."""
    if not _sections_served(env, cached):
        return None
    from .context import find_project_root
    from .policy.repos import identity

    root = event.get("project_root")
    if not (isinstance(root, str) and root.startswith("/")):
        cwd = event.get("cwd")
        if not (isinstance(cwd, str) and cwd.startswith("/")):
            return None
        root = find_project_root(cwd, env)
    try:
        ident = identity(root, env)
    except (OSError, ValueError):
        return None
    return {"root": ident.root, "real": ident.real, "remotes": list(ident.remotes), "first": list(ident.first)}


def _local_decision(event: object, agent: str, env: Env) -> Decision | None:
    """This machine's own decision of *event* (built-in rules, the cached managed policy when its seal verifies, the
    user's and project's files), recorded nowhere; None when the event cannot be read."""
    from .adapters import get
    from .api import decide_event_full

    if not isinstance(event, dict):
        return None
    local_env = dict(env)
    local_env["CLEARANCE_TEAM_SERVICE"] = str(local_env.pop("CLEARANCE_SERVER", "") or "")
    local_env.pop("CLEARANCE_MANAGED_POLICY", None)
    if read_cache(env) is not None:
        local_env["CLEARANCE_MANAGED_POLICY"] = cache_path(env)
    try:
        canonical = get(agent).to_event(event)
    except Exception:
        return None
    if not isinstance(canonical, dict):
        return None
    canonical["agent"] = agent
    decision, _, _ = decide_event_full(canonical, local_env)
    return decision


def _token_rejected(raw: bytes, opts: Options, base: str, status: int, token: str = "", env: Env | None = None) -> Answer:
    """The service is up and refuses this machine's token (revoked, expired, wrong): ask the person, every time --
    except for a hard denial, which stays a denial (rejected.when_token_rejected).

    Deciding locally here would keep a machine whose token an admin revoked deciding on its own for good."""
    from .adapters import detect, get
    from .model import Decision

    if token:
        note = (
            f"clearance: the team service at {base} rejected CLEARANCE_TOKEN (HTTP {status}: not yet approved by a second person, "
            "revoked, expired or mistyped); `clearance token list` on the service shows its state, an admin proposes a new one"
        )
    else:
        note = (
            f"clearance: CLEARANCE_SERVER is set but CLEARANCE_TOKEN is not, and the team service at {base} refuses calls without one "
            f"(HTTP {status}); set CLEARANCE_TOKEN to this machine's token"
        )
    reason = f"The team service rejected this machine's token (HTTP {status}), so clearance cannot decide this call; asking you instead."
    asked = Decision("ask", reason, ["service.token_rejected"], "default")
    try:
        event = json.loads(raw.decode("utf-8"))
        agent = opts.agent or (detect(event) if isinstance(event, dict) else "claude")
        local = _local_decision(event, agent, env) if env is not None else None
        from .rejected import when_token_rejected

        answer: Answer = get(agent).render_answer(when_token_rejected(local, asked))
    except (UnicodeDecodeError, ValueError, RecursionError):
        answer = get(opts.agent or "claude").render_answer(asked)
    answer.stderr = "\n".join(x for x in (note, answer.stderr) if x)
    return answer


def _refresh_policy(base: str, token: str, env: Env, cached: _Cached | None = None, served_version: int | None = None) -> None:
    import time

    cached = cached or _Cached(env)
    try:
        if not cache_needs_refresh(time.time(), cached.mtime, cached.verified(env), cached.version(), served_version):
            return
        status, body = _request("GET", f"{base}/v1/policy", token, None, 3.0)
        if status != 200:
            return
        text, version = read_served_policy(json.loads(body.decode("utf-8")))
        if version is not None:
            text = f"{VERSION_MARK}{version}\n{text}"
        if not write_cache(env, text):
            sys.stderr.write("clearance: could not refresh the cached managed policy\n")
    except (OSError, ValueError):
        sys.stderr.write("clearance: could not refresh the cached managed policy\n")
