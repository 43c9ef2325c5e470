"""The audit key file (shared by the store's hash chain and the hook's spool) and the built-in BLAKE2b.

Split from chain.py so that the hook's audit write (store/spool.py, audit.py) reads its key without
importing the chain's verification and pruning, and the store's schema (chain.py re-exports all of it).
"""

from __future__ import annotations

import posix
import time

from .. import pathstr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..errors import KeyError_ as KeyError_

try:
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - CPython always has it; hashlib costs ~3 ms more to import
    from hashlib import blake2b as blake2b

KEY_BYTES = 32
_keys: dict[str, bytes] = {}


def _key_error(message: str) -> Exception:
    from ..errors import KeyError_

    return KeyError_(message)


def __getattr__(name: str) -> object:
    """KeyError_, made on first use (errors.py says why)."""
    if name == "KeyError_":
        from ..errors import KeyError_

        return KeyError_
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_key_file(env: Any) -> str:
    from . import default_path

    return pathstr.join(pathstr.dirname(default_path(env)), "audit.key")


def key_file(audit_cfg: dict[str, Any] | None, env: Any) -> str:
    """$CLEARANCE_AUDIT_KEY_FILE, then the policy's [audit] key_file, then <state dir>/audit.key."""
    for candidate in (env.get("CLEARANCE_AUDIT_KEY_FILE"), (audit_cfg or {}).get("key_file")):
        if candidate:
            return pathstr.expanduser(str(candidate))
    return default_key_file(env)


def load_key(path: str, create: bool = True) -> bytes:
    """The secret in *path*; with *create*, a new random one written 0600 if there is none yet."""
    cached = _keys.get(path)
    if cached is not None:
        return cached
    try:
        key = _read_key(path)
    except FileNotFoundError:
        if not create:
            raise _key_error(f"no audit key at {path}") from None
        key = _create_key(path)
    if len(key) < 16:
        raise _key_error(f"the audit key {path} is shorter than 16 bytes")
    _keys[path] = key
    return key


def _create_key(path: str) -> bytes:
    folder = pathstr.dirname(path)
    if folder:
        pathstr.makedirs(folder, mode=0o700, exist_ok=True)
    key = posix.urandom(KEY_BYTES)
    tmp = f"{path}.{posix.getpid()}.tmp"
    fd = posix.open(tmp, posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL, 0o600)
    try:
        posix.write(fd, key)
        posix.fsync(fd)
    finally:
        posix.close(fd)
    try:
        posix.link(tmp, path)  # atomic, and never replaces a key another process created first
    except FileExistsError:
        key = _read_key(path)
    except OSError:
        # No hard links on this file system: create the key in place; readers wait for its bytes.
        try:
            fd = posix.open(path, posix.O_WRONLY | posix.O_CREAT | posix.O_EXCL, 0o600)
        except FileExistsError:
            key = _read_key(path)
        else:
            try:
                posix.write(fd, key)
                posix.fsync(fd)
            finally:
                posix.close(fd)
    finally:
        posix.unlink(tmp)
    return key


def _read_key(path: str) -> bytes:
    """The key's bytes; a key another process is still writing in place is waited for (briefly)."""
    for _ in range(50):
        with open(path, "rb") as f:
            key = f.read()
        if key:  # one write of the whole key: empty means it is not there yet
            break
        time.sleep(0.002)
    return key
