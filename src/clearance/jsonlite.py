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
    """JSON with comments (`//`, `/* */`) as plain JSON: jsonc.jsonc_to_json, loaded by the rules that read such a file
    (not by the event, daemon or thin-client paths this module serves)."""
    from .jsonc import jsonc_to_json as convert

    return convert(text)
