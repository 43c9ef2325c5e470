r"""Quoted strings and ERB tags are found in linear time, as the patterns that found them before did.

Seven patterns read a string literal as `"((?:[^"\\]|\\.)*)"` (or ERB's tag as `<%[=-]?(.*?)-?%>`) and were tried at
every quote: on a string left open, every escaped quote inside it (`"\"\"\…`) started the same failing scan to the end of
the text, quadratic (issue 16; tests/test_regex_bounds.py's own-words test found them).  interp.quoted_spans reads each
string once, left to right; unwrap_sockets._erb_code finds each tag's `%>` once.  The old patterns are kept here: on
random texts the functions give what the patterns gave, and on the inputs that made the patterns slow they stay linear.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearance.code import convention_files
from clearance.rules import self as self_rules
from clearance.shell import embedded, interp, unwrap_sockets

from .conftest import decide
from .test_regex_bounds import GROWTH, GROWTH_FLOOR_MS, LIMIT_MS, SIZE, _own_text, own_units

# The patterns as they were (before issue 16's fix).
OLD_STRING = re.compile(r"""'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`""")  # interp._STRING
OLD_DQ = re.compile(r"\"((?:[^\"\\]|\\.)*)\"")  # convention_files._RS_STRING, unwrap_code._ELISP_STRING
OLD_CMAKE = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|([^\s\"]+)")  # convention_files._CMAKE_TOKEN
OLD_ARGV = re.compile(r'"((?:[^"\\]|\\.)*)"' + r"|(\(\s*(?:list|vector)\b|'\(|`\(|#\()|(\))")  # embedded._ARGV_TOKEN
OLD_CODE_LITERAL = re.compile(r"""'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|%[qQ]?\{[^{}]*\}|%[qQ]?\([^()]*\)""")  # rules.self
OLD_ERB = re.compile(r"<%[=-]?(.*?)-?%>", re.DOTALL)  # unwrap_sockets._ERB_TAG
OLD_RS_ARG = convention_files._RS_ARG.compiled


def old_string_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in OLD_STRING.finditer(text)]


def old_string_end(text: str) -> int:
    m = OLD_STRING.match(text)
    return m.end() if m else -1


def old_cmake(text: str) -> list[tuple[str, bool]]:
    return [(m.group(1), True) if m.group(1) is not None else (m.group(2), False) for m in OLD_CMAKE.finditer(text)]


def old_elisp(text: str) -> list[str]:
    return OLD_DQ.findall(text)


def new_elisp(text: str) -> list[str]:
    return [text[a + 1 : b - 1] for a, b, _ in interp.quoted_spans(text, '"')]


def old_blank(text: str) -> str:
    return OLD_CODE_LITERAL.sub(lambda m: self_rules._blank_code(m.group(0)), text)


def old_erb(text: str) -> list[str]:
    return [m.group(1) for m in OLD_ERB.finditer(text)]


def old_argv_after(code: str, at: int) -> list[str]:
    """embedded._argv_after as it was."""
    words: list[str] = []
    depth = 0
    while len(words) < 64:
        while at < len(code) and code[at].isspace():
            at += 1
        m = OLD_ARGV.match(code, at)
        if m is None:
            break
        at = m.end()
        if m.group(1) is not None:
            words.append(m.group(1))
        elif m.group(2) is not None:
            depth += 1
        elif depth == 0:
            break
        else:
            depth -= 1
    return words


def old_rust_args(text: str, pos: int) -> tuple[list[str], bool]:
    """convention_files._rust_args as it was."""
    args: list[str] = []
    literal = True
    for _ in range(64):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        m = OLD_RS_ARG.match(text, pos)
        if m is None:
            break
        close = text.find("]" if m.group(2) else ")", m.end())
        if close == -1:
            break
        inner = text[m.end() : close]
        if m.group(1) in ("arg", "args"):
            strings = [s.group(1) for s in OLD_DQ.finditer(inner)]
            if OLD_DQ.sub("", inner).replace(",", "").strip():
                literal = False
            args.extend(strings)
        pos = close + 1
        if m.group(2):
            pos = text.find(")", pos) + 1 or pos
    return args, literal


# (old, new) pairs: the same answer on every text.
PAIRS: dict[str, tuple[Callable[[str], Any], Callable[[str], Any]]] = {
    "interp._string_spans": (old_string_spans, interp._string_spans),
    "interp.string_end": (old_string_end, lambda t: interp.string_end(t, 0) if t[:1] in ("'", '"', "`") else -1),
    "convention_files._cmake_tokens": (old_cmake, convention_files._cmake_tokens),
    "convention_files._rust_args": (lambda t: old_rust_args(t, 0), lambda t: convention_files._rust_args(t, 0)),
    "unwrap_code elisp strings": (old_elisp, new_elisp),
    "embedded._argv_after": (lambda t: old_argv_after(t, 0), lambda t: embedded._argv_after(t, 0)),
    "rules.self._blank_literals": (old_blank, self_rules._blank_literals),
    "unwrap_sockets._erb_code": (old_erb, unwrap_sockets._erb_code),
}

_PIECES = st.sampled_from(
    ['"', "'", "`", "\\", "\n", " ", "a", "(", ")", "{", "}", "%", "q", "Q", "[", "]", ",", "-", "=", "<%", "%>", "#(", "'(", "(list ", ".arg(", ".args(["]
)
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_the_same_answers_as_the_patterns(text: str) -> None:
    for name, (old, new) in PAIRS.items():
        assert new(text) == old(text), name


def test_the_same_answers_on_hand_written_cases() -> None:
    cases = [
        "",
        '"a" "b"',
        '"a\\"b" x',
        '"open \\"still\\" open',
        "'it''s' \"q\" `t`",
        "\"left 'open 'inner' \"",
        '"a\\\nb" "c"',  # a backslash before a newline ends no string in the old patterns
        "'x\ny' \"z\"",
        "%q{a b} %Q(c d) %{e} %(f) %q{ %(g}",
        "<% a %> <%= b -%> <%- c %> <%# open",
        "<%%> <%-%> <%--%> <%=%> <%",
        '(list "a" "b") "c")',
        '.arg("sh").args(["-c", "rm -rf ~/"])',
        '.args(["a", b])',
    ]
    for text in cases:
        for name, (old, new) in PAIRS.items():
            assert new(text) == old(text), (name, text)


# ---------------------------------------------------------------- linear time

# The functions that replace the patterns, with the patterns whose own shapes (tests/test_regex_bounds.own_units) made
# them slow: each runs on all those shapes.
LINEAR: dict[str, tuple[re.Pattern[str], Callable[[str], Any]]] = {
    "convention_files._CMAKE_TOKEN": (OLD_CMAKE, convention_files._cmake_tokens),
    "convention_files._RS_STRING": (OLD_DQ, lambda t: convention_files._rust_args(".args([" + t, 0)),
    "interp._STRING": (OLD_STRING, interp._string_spans),
    "embedded._ARGV_TOKEN": (OLD_ARGV, lambda t: embedded._argv_after(t, 0)),
    "unwrap_code._ELISP_STRING": (OLD_DQ, new_elisp),
    "rules.self._CODE_LITERAL": (OLD_CODE_LITERAL, self_rules._blank_literals),
    "unwrap_sockets._ERB_TAG": (OLD_ERB, unwrap_sockets._erb_code),
}
# Python steps per string found, where the pattern's loop ran in C: 100 KB of `''` (50,000 empty strings) takes some
# 60 ms on a loaded machine, so the bound is the whole decision's goal.
BOUND_MS = 100.0


def _cpu_ms(fn: Callable[[str], Any], text: str) -> float:
    best = float("inf")
    for attempt in range(4):  # again only while near the bound, after a pause (a shared machine only adds)
        if attempt:
            time.sleep(0.05 * attempt)
        t0 = time.process_time()
        fn(text)
        best = min(best, (time.process_time() - t0) * 1000.0)
        if best < BOUND_MS / 4:
            break
    return best


def slow_shapes(fn: Callable[[str], Any], old: re.Pattern[str]) -> list[str]:
    units = own_units(old)
    for extra in ('"\\', "'\\", "`\\", "<%", "<%=", '"', "'", "''", '""', "%{", "%q(", '"\\\n', "\\"):
        units[repr(extra)] = (extra, "")
    screened = sorted(((_cpu_ms(fn, _own_text(u, h, SIZE // 10)), s, u, h) for s, (u, h) in units.items()), reverse=True)
    bad = []
    for small, shape, unit, head in screened[:6]:  # the slowest on a tenth of the size, then the whole
        if small > BOUND_MS:  # already over on a tenth: super-linear, and seconds on the whole
            bad.append(f"{shape}: {small:.1f} ms on {SIZE // 10}")
            continue
        full = _cpu_ms(fn, _own_text(unit, head, SIZE))
        if full > BOUND_MS or (full > GROWTH_FLOOR_MS and full > GROWTH * max(small, LIMIT_MS / 100)):
            bad.append(f"{shape}: {small:.1f} ms on {SIZE // 10}, {full:.1f} ms on {SIZE}")
    return bad


def test_linear_on_the_shapes_that_made_the_patterns_slow() -> None:
    bad = {name: found for name, (old, fn) in LINEAR.items() if (found := slow_shapes(fn, old))}
    assert not bad, bad


def test_unclosed_strings_in_decisions_are_fast() -> None:
    """Whole decisions over the shapes that took seconds: an open string of escaped quotes where each function reads it."""
    run = '"\\' * 40_000
    cases = {
        "emacs": "emacs --batch --eval '(shell-command \"" + run + "'",
        "sbcl": 'sbcl --eval \'(sb-ext:run-program "/bin/sh" (list "' + run + "'",
        "python": "python3 -c 'x = \"" + run + "'",
        "erb": "erb <<< '" + "<%" * 40_000 + "'",
    }
    for name, command in cases.items():
        decide(command[:80] + "'")  # the modules this kind of call loads, loaded before it is timed
        t0 = time.process_time()
        d = decide(command)
        took = (time.process_time() - t0) * 1000.0
        assert "engine.deadline" not in d.rules, name
        assert took < 2000.0, (name, took)  # the patterns took tens of seconds here; parsing 80 KB of shell takes some 100 ms


def test_literals_are_still_read() -> None:
    assert decide("emacs --batch --eval '(shell-command \"rm -rf ~/\")'").decision == "deny"
    assert decide("erb <<< '<%= `rm -rf ~/` %>'").decision != "allow"
    assert decide('sbcl --non-interactive --eval \'(sb-ext:run-program "/bin/rm" (list "-rf" "/home/ana"))\'').decision != "allow"
    assert decide("emacs --batch --eval '(message \"hello\")'").decision == "allow"


# ---------------------------------------------------------------- literals of code clearance does not read (no escapes)


def old_literals(text: str, quotes: str) -> list[str]:
    """embedded._literals as it was: each quote character looked for again after every string (quadratic)."""
    out: list[str] = []
    i = 0
    while True:
        starts = [k for k in (text.find(q, i) for q in quotes) if k >= 0]
        if not starts:
            return out
        k = min(starts)
        end = text.find(text[k], k + 1)
        if end < 0:
            return out
        out.append(text[k + 1 : end])
        i = end + 1


def old_called_literals(code: str, limit: int = 16) -> list[str]:
    """embedded.called_literals as it was: also a copy of all the text before each literal (quadratic)."""
    out: list[str] = []
    i = 0
    while len(out) < limit:
        starts = [k for k in (code.find(q, i) for q in embedded._QUOTES) if k >= 0]
        if not starts:
            break
        k = min(starts)
        end = code.find(code[k], k + 1)
        if end < 0:
            break
        if code[k] == "`" or code[:k].rstrip()[-1:] == "(":
            out.append(code[k + 1 : end])
        i = end + 1
    return out


_CODE_PIECES = st.sampled_from(['"', "'", "`", " ", "\n", "(", ")", "a", "f(", "x = ", "\\"])


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_CODE_PIECES, max_size=40).map("".join), st.integers(0, 4))
def test_literals_as_before(text: str, limit: int) -> None:
    assert list(embedded._literals(text, embedded._QUOTES)) == old_literals(text, embedded._QUOTES)
    assert list(embedded._literals(text, "\"'")) == old_literals(text, "\"'")
    assert embedded.called_literals(text, limit) == old_called_literals(text, limit)
    assert embedded.called_literals(text) == old_called_literals(text)


def test_literals_linear() -> None:
    """100 KB of one quote character (50,000 empty strings): each kind of quote looked for again after every one, and
    the text before each copied, took seconds."""
    fns: dict[str, Callable[[str], Any]] = {
        "called_literals": embedded.called_literals,
        "string_literals": embedded.string_literals,
        "quoted_literals": embedded.quoted_literals,
    }
    for name, fn in fns.items():
        for unit in ('"', "'", "`", '" ', "( ''", "`a"):
            small, full = (_cpu_ms(fn, _own_text(unit, "", size)) for size in (SIZE // 10, SIZE))
            assert full < BOUND_MS and (full < GROWTH_FLOOR_MS or full < GROWTH * max(small, LIMIT_MS / 100)), (name, unit, small, full)
