"""``json.loads``/``json.dumps`` (default options) on the C accelerator alone.

The ``json`` package imports ``re`` (with ``enum`` and ``functools``: ~5 ms of a ~10 ms
client call).  The hook's daemon and thin-client paths need nothing else that imports
``re``, so they use this module; the results are the same as ``json``'s, and on any
error (or without ``_json``) the real ``json`` runs and raises its own exception.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_WS = " \t\n\r"


class _Options:
    """What ``_json.make_scanner`` reads from a JSONDecoder (the defaults of ``json.loads``)."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int

    @staticmethod
    def parse_constant(name: str) -> float:
        return {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}[name]


def _not_serializable(o: object) -> object:
    raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")


try:
    import _json

    _scan: Any = _json.make_scanner(_Options())  # type: ignore[arg-type]
    _encode: Any = _json.make_encoder(None, _not_serializable, _json.encode_basestring_ascii, None, ": ", ", ", False, False, True)
except (ImportError, AttributeError, TypeError):  # pragma: no cover - a Python without the accelerator
    _scan = _encode = None


def loads(text: str | bytes) -> Any:
    if _scan is not None:
        s = text.decode("utf-8") if isinstance(text, (bytes, bytearray)) else text
        try:
            obj, end = _scan(s, len(s) - len(s.lstrip(_WS)))
            if not s[end:].strip(_WS):
                return obj
        except Exception:  # StopIteration, ValueError, RecursionError, and SystemError: the C scanner
            pass  # reports some errors through json.decoder, which is not imported here
    import json

    return json.loads(text)  # the same answer, or json's own error


def dumps(obj: object) -> str:
    if _encode is not None:
        if isinstance(obj, str):
            return str(_json.encode_basestring_ascii(obj))
        try:
            return "".join(_encode(obj, 0))
        except (TypeError, ValueError, RecursionError):
            pass
    import json

    return json.dumps(obj)


def jsonc_to_json(text: str) -> str:
    """JSON with `//` and `/* */` comments (deno.jsonc, tsconfig): the comments removed, strings kept whole."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j == -1 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j == -1 else j + 2
        else:
            j = i
            while j < n and text[j] not in '"/':
                j += 1
            if j == i:
                out.append(c)
                j += 1
            else:
                out.append(text[i:j])
            i = j
    return "".join(out)
