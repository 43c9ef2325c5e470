"""Where the daemon's socket and key live, and the MAC both sides compute (imported by the hook's fast path, so kept tiny).

The key file is what "the user enabled the daemon" means: ``clearance daemon`` creates
``$XDG_STATE_HOME/clearance/daemon.key`` (default ``~/.local/state/clearance/daemon.key``,
mode 0600 in a 0700 folder).  The hook talks to a daemon only when that file exists, and
believes an answer only when it carries HMAC-SHA256(key, nonce || reply) for the nonce the
hook just sent -- a listener the agent started on the socket path cannot produce it.
"""

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Mapping
    from typing import Any

    Env = dict[str, str] | os._Environ[str]

# Environment variables never sent to the daemon: the daemon takes reviewer keys from its own environment.
SECRET_MARKERS = ("KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "AUTH", "COOKIE", "SESSION")


# What a request and its reply mean.  2: the daemon reads whether a person watches from the hook's parent process
# (hook.headless_for); a daemon of protocol 1 did not, so behind a new hook its asks stayed asks in `codex exec`.
# The hook believes only a reply of its own protocol and otherwise decides in-process (hook._via_daemon).
PROTOCOL = 2
# The byte the daemon sends as it accepts a connection, before its reply (hook._via_daemon: a daemon that accepted but
# never acknowledges costs the hook a short wait, not its whole timeout).  Not a hex digit: an earlier daemon's reply
# starts with its proof.
ACK = b"+"

_SNAPSHOT: list[dict[str, str]] = []


def environ() -> "Env":
    """The process environment: ``os.environ`` where ``os`` is imported, else (the hook's process: ``import os`` is
    ~6.4 M instructions of a ~65 M cold hook under ``-I -S``) one copy of it, decoded as ``os`` decodes it, made once
    (nothing in that process changes its environment)."""
    os_module = sys.modules.get("os")
    if os_module is not None:
        env: Env = os_module.environ
        return env
    if not _SNAPSHOT:
        import posix

        _SNAPSHOT.append({k.decode("utf-8", "surrogateescape"): v.decode("utf-8", "surrogateescape") for k, v in posix.environ.items()})
    return _SNAPSHOT[0]


def is_process_env(env: object) -> bool:
    """*env* is what ``environ()`` gives: the process's own environment (not a dict a test or a service passed in)."""
    os_module = sys.modules.get("os")
    return (os_module is not None and env is os_module.environ) or (bool(_SNAPSHOT) and env is _SNAPSHOT[0])


def _join(*parts: str) -> str:
    """pathstr.join for relative later parts."""
    out = parts[0]
    for p in parts[1:]:
        out = out + p if not out or out.endswith("/") else out + "/" + p
    return out


def _home(env: "Mapping[str, str]") -> str:
    home = env.get("HOME")
    if home:
        return home
    from .pathstr import expanduser

    return expanduser("~")


def socket_path(env: "Env | None" = None) -> str:
    env = environ() if env is None else env
    explicit = env.get("CLEARANCE_DAEMON_SOCKET")
    if explicit:
        return explicit
    run = env.get("XDG_RUNTIME_DIR")
    if run:
        return _join(run, "clearance", "daemon.sock")
    return _join(env.get("XDG_CACHE_HOME") or _join(_home(env), ".cache"), "clearance", "daemon.sock")


def state_dir(env: "Mapping[str, str] | None" = None) -> str:
    """clearance's protected state folder: $XDG_STATE_HOME/clearance, default ~/.local/state/clearance."""
    env = environ() if env is None else env
    return _join(env.get("XDG_STATE_HOME") or _join(_home(env), ".local", "state"), "clearance")


def cache_dir(env: "Mapping[str, str] | None" = None) -> str:
    """clearance's cache folder: $XDG_CACHE_HOME/clearance, default ~/.cache/clearance (paths.cache_dir, without paths)."""
    env = environ() if env is None else env
    return _join(env.get("XDG_CACHE_HOME") or _join(_home(env), ".cache"), "clearance")


def key_path(env: "Env | None" = None) -> str:
    return _join(state_dir(env), "daemon.key")


def is_secret(name: str) -> bool:
    upper = name.upper()
    return any(m in upper for m in SECRET_MARKERS)


def has_credentials(value: str) -> bool:
    """A URL with a user:password part (``postgresql://app:pw@db/x``)."""
    _, sep, rest = value.partition("://")
    netloc = rest.split("/", 1)[0]
    return bool(sep) and "@" in netloc and ":" in netloc.rpartition("@")[0]


def forwarded_env(env: "Env") -> dict[str, str]:
    """The variables the hook sends to the daemon: where things are and who runs, never a secret."""
    return {
        k: v
        for k, v in env.items()
        if (k.startswith(("CLEARANCE_", "XDG_", "CLAUDE_")) or k in ("HOME", "TMPDIR", "USER", "LOGNAME", "CI", "GITHUB_ACTIONS"))
        and not is_secret(k)
        and not has_credentials(v)
    }


_SHA256: "list[Callable[[bytes], Any]]" = []


def _sha256() -> "Callable[[bytes], Any]":
    """The built-in SHA-256, found once per process (the daemon MACs every request; a failed import is not cached,
    and each one searches every folder of sys.path)."""
    if not _SHA256:
        if sys.version_info >= (3, 12):
            try:
                from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]
            except ImportError:  # pragma: no cover - a build without the built-in hashes
                from hashlib import sha256  # type: ignore[assignment,unused-ignore]
        else:
            try:
                from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
            except ImportError:  # pragma: no cover - a build without the built-in hashes
                from hashlib import sha256  # type: ignore[assignment,unused-ignore]
        _SHA256.append(sha256)
    return _SHA256[0]


def mac(key: bytes, msg: bytes) -> str:
    """HMAC-SHA256 (RFC 2104) as hex, on the built-in SHA-256: ``hmac``/``hashlib`` cost ~5 ms to import (OpenSSL)."""
    h = _sha256()
    if len(key) > 64:
        key = h(key).digest()
    key = key.ljust(64, b"\0")
    inner = h(bytes(b ^ 0x36 for b in key) + msg).digest()
    return str(h(bytes(b ^ 0x5C for b in key) + inner).hexdigest())
