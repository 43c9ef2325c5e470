"""Authenticating clearance's caches: trusted because signed, never because they exist.

clearance runs as the agent's own user, so its caches (the merged policy, the
reviewer's verdicts, the team service's managed policy) are files the agent
could write.  Each entry carries a MAC -- keyed BLAKE2b, a standard keyed hash
that needs no OpenSSL import on the hook path -- under a key kept in
clearance's state directory (``$XDG_STATE_HOME/clearance/cache.key``, created
0600 on first use).  That directory is clearance-owned (paths.clearance_owned):
writing it is hard denied, reading the key is credential access.  An entry
whose MAC does not verify is ignored and re-derived.

Sealed text is ``MAGIC + hex MAC + "\\n" + body``; MAGIC starts with ``#`` so a
sealed TOML file still parses as TOML.
"""

from __future__ import annotations

import posix

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

MAGIC = "# clearance-seal "
KEY_NAME = "cache.key"
_KEYS: dict[str, bytes] = {}


def key_path(env: Mapping[str, str]) -> str:
    from .daemon_path import state_dir  # paths.state_dir's folder, without paths or pathstr (the thin client: remote.py)

    return state_dir(env) + "/" + KEY_NAME


def key(env: Mapping[str, str], create: bool = True) -> bytes | None:
    """The cache key (32 random bytes), created 0600 on first use; None when it cannot be had."""
    path = key_path(env)
    k = _KEYS.get(path)
    if k is not None:
        return k
    try:
        with open(path, "rb") as f:
            k = f.read(64)
    except FileNotFoundError:
        if not create:
            return None
        from . import pathstr

        home = env.get("HOME") or pathstr.expanduser("~")
        if not env.get("XDG_STATE_HOME") and not pathstr.isdir(home):
            # A home that does not exist (a service user's /nonexistent, a recorded session's /home/dev) is never made:
            # no key, so no sealed cache is written or trusted; each call derives what it needs.
            return None
        k = posix.urandom(32)
        try:
            pathstr.makedirs(pathstr.dirname(path), mode=0o700, exist_ok=True)
            fd = posix.open(path, posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL, 0o600)
        except FileExistsError:
            return key(env, create=False)  # another hook created it first
        except OSError:
            return None
        with open(fd, "wb") as f:
            f.write(k)
    except OSError:
        return None
    if len(k) < 16:
        return None
    _KEYS[path] = k
    return k


def _mac(k: bytes, body: bytes) -> str:
    from _blake2 import blake2b

    return blake2b(body, key=k[:64], digest_size=32, person=b"clearance-cache").hexdigest()


def seal(body: str, env: Mapping[str, str]) -> str | None:
    """*body* with its MAC in front; None when no key is available (then nothing is cached)."""
    k = key(env)
    if k is None:
        return None
    return MAGIC + _mac(k, body.encode("utf-8")) + "\n" + body


def unseal(text: str, env: Mapping[str, str]) -> str | None:
    """The body of a sealed text whose MAC verifies, else None (unsigned, tampered, or no key)."""
    if not text.startswith(MAGIC):
        return None
    head, nl, body = text.partition("\n")
    if not nl:
        return None
    k = key(env, create=False)
    if k is None:
        return None
    from _operator import _compare_digest

    want = _mac(k, body.encode("utf-8"))
    got = head[len(MAGIC) :].strip()
    return body if _compare_digest(want.encode(), got.encode("ascii", "replace")) else None


def read_sealed(path: str, env: Mapping[str, str]) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            return unseal(f.read(), env)
    except (OSError, UnicodeDecodeError):
        return None


def read_sealed_bytes(path: str, env: Mapping[str, str]) -> bytes | None:
    """As read_sealed, for a binary body (the head line is the same)."""
    try:
        with open(path, "rb") as f:
            text = f.read()
    except OSError:
        return None
    head, nl, body = text.partition(b"\n")
    if not nl or not head.startswith(MAGIC.encode()):
        return None
    k = key(env, create=False)
    if k is None:
        return None
    from _operator import _compare_digest

    return body if _compare_digest(_mac(k, body).encode(), head[len(MAGIC) :].strip()) else None


def write_sealed_bytes(path: str, body: bytes, env: Mapping[str, str]) -> bool:
    """As write_sealed, for a binary body."""
    k = key(env)
    if k is None:
        return False
    from .fsutil import atomic_write

    try:
        atomic_write(path, (MAGIC + _mac(k, body) + "\n").encode() + body)
    except OSError:
        return False
    return True


def write_sealed(path: str, body: str, env: Mapping[str, str]) -> bool:
    """Write *body* sealed (atomically); False when it could not be written or signed."""
    text = seal(body, env)
    if text is None:
        return False
    from .fsutil import atomic_write

    try:
        atomic_write(path, text)
    except OSError:
        return False
    return True
