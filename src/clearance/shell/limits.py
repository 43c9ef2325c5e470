"""What parsing a command can end in, and its deadline: what the engine names on every call, Bash or not.

Apart from shell/parse.py (which re-exports them) so that a call without a command (Read, Edit, Write …) does not
load the parser and the unwrapper (~0.3 MB of code) to name them.
"""

from __future__ import annotations

from _contextvars import ContextVar  # not contextvars: that module only re-exports this one (~0.2 M instructions of a cold hook)


class ParseFailure(Exception):
    """The input cannot be understood statically; the message says why."""


class TooLarge(ParseFailure):
    """The input is longer, deeper or holds more commands than clearance analyses."""


class ParseTimeout(Exception):
    """Parsing ran past the decision's deadline (tree-sitter's error recovery is quadratic on some
    invalid inputs: 100 000 characters of `a|` take minutes). Not a ParseFailure: no caller may turn it
    into a finding; the engine answers it with engine.deadline."""


# time.perf_counter() value past which parsing stops; the engine sets it for each decision.
PARSE_DEADLINE: ContextVar[float] = ContextVar("clearance_parse_deadline", default=float("inf"))
