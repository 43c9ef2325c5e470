"""Every regular expression of clearance runs in time linear in its input.

A slow decision is an allow (the agent runs the tool when the hook times out), so no
input may make a pattern backtrack.  The collector walks every module of the package
and finds each compiled pattern (module globals, lazy wrappers, containers at module
level); a static check makes sure no pattern is compiled inside a function, where the
collector could not see it.  Each pattern then runs over 100 KB of every repeated
printable character and a few two-character alternations.
"""

from __future__ import annotations

import ast
import importlib
import re
import statistics
import time
from pathlib import Path
from typing import Any

import clearance
from clearance.lazyre import LazyRe

SRC = Path(clearance.__file__).resolve().parent
SIZE = 100_000
LIMIT_MS = 10.0

# Call sites that compile text only known at run time (a user's policy globs): they build
# their patterns with clearance.policy.patterns, which test_policy_globs_linear covers.
DYNAMIC_SITES = {("policy/patterns.py", "compile")}
_RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"}


def _walk(obj: Any, where: str, out: dict[str, re.Pattern[str]], seen: set[int], depth: int = 0) -> None:
    if id(obj) in seen or depth > 4:
        return
    seen.add(id(obj))
    if isinstance(obj, re.Pattern):
        if isinstance(obj.pattern, str):
            out.setdefault(where, obj)
    elif isinstance(obj, LazyRe):
        out.setdefault(where, obj.compiled)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            _walk(v, f"{where}[{k!r}]", out, seen, depth + 1)
    elif isinstance(obj, (tuple, list, set, frozenset)):
        for i, v in enumerate(obj):
            _walk(v, f"{where}[{i}]", out, seen, depth + 1)
    elif type(obj).__module__.startswith("clearance.") and not isinstance(obj, type):
        # Rule objects and other instances the package keeps at module level.
        names = list(getattr(type(obj), "__slots__", ())) + list(getattr(obj, "__dict__", {}))
        for n in names:
            if hasattr(obj, n):
                _walk(getattr(obj, n), f"{where}.{n}", out, seen, depth + 1)


def collect() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern the package holds, by location (module:NAME[key])."""
    out: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()
    # Every .py file, also in folders without __init__.py (pkgutil skips namespace packages).
    names = sorted(
        ".".join(("clearance", *p.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__")
        for p in SRC.rglob("*.py")
        if p.name != "__main__.py"
    )
    for name in names:
        try:
            mod = importlib.import_module(name)
        except ImportError:  # an optional extra (the service's web framework) is not installed
            continue
        for attr, value in list(vars(mod).items()):
            if attr.startswith("__") or isinstance(value, type) or callable(value) and not isinstance(value, LazyRe):
                continue
            _walk(value, f"{name}:{attr}", out, seen)
    from clearance.rules.base import REGISTRY

    for rid, r in REGISTRY.items():
        _walk(r, f"rule {rid}", out, seen)
    return out


def inputs(size: int = SIZE) -> dict[str, str]:
    shapes = {repr(chr(c)): chr(c) * size for c in range(32, 127)}
    for c in "\n\t\r":
        shapes[repr(c)] = c * size
    for pair in ("a ", "(&", "${", "\\n", " \n", "a\n", "a=", "a:", "a/", "%4", "-a", "a.", "\t\n", "a,", "a'", '"a', "(a", "[a"):
        shapes[repr(pair)] = (pair * (size // len(pair) + 1))[:size]
    return shapes


def _time(fn: Any, p: re.Pattern[str], text: str) -> float:
    # CPU time of this process: other processes on a shared machine do not count against a pattern.
    t0 = time.process_time()
    fn(p, text)
    return (time.process_time() - t0) * 1000.0


def _time3(fn: Any, p: re.Pattern[str], text: str, limit_ms: float) -> float:
    t = _time(fn, p, text)
    if t > limit_ms:  # measure twice more before blaming the pattern
        t = statistics.median([t, _time(fn, p, text), _time(fn, p, text)])
    return t


def _search(p: re.Pattern[str], text: str) -> object:
    return p.search(text)


def _finditer(p: re.Pattern[str], text: str) -> object:
    return sum(1 for _ in p.finditer(text))


def slow_cases(patterns: dict[str, re.Pattern[str]], shapes: dict[str, str], limit_ms: float = LIMIT_MS) -> list[str]:
    bad = []
    for where, p in patterns.items():
        for shape, text in shapes.items():
            for op in (_search, _finditer):
                # A tenth of the input first: a pattern that is already over the limit there is
                # super-linear, and would take seconds on the whole.
                t = _time3(op, p, text[: len(text) // 10], limit_ms)
                if t > limit_ms:
                    bad.append(f"{where} {op.__name__[1:]} on {shape}* (a tenth): {t:.0f} ms  /{p.pattern[:80]}/")
                    break
                t = _time3(op, p, text, limit_ms)
                if t > limit_ms:
                    bad.append(f"{where} {op.__name__[1:]} on {shape}*: {t:.0f} ms  /{p.pattern[:80]}/")
                    break
    return bad


def test_collector_finds_every_pattern() -> None:
    pats = collect()
    assert len(pats) >= 150, sorted(pats)
    where = " ".join(pats)
    for expected in ("clearance.engine:_FORK_BOMB", "clearance.redact:_PATTERNS", "clearance.probe:_DELIM", "clearance.shell.embedded:_VIM_BANG"):
        assert expected in where


def test_no_pattern_compiled_inside_a_function() -> None:
    """Patterns live at module level, where the collector (and the next reader) sees them."""
    found = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel == "lazyre.py":
            continue
        tree = ast.parse(path.read_text())
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "re"
                    and node.func.attr in _RE_CALLS
                    and (rel, node.func.attr) not in DYNAMIC_SITES
                ):
                    found.append(f"{rel}:{node.lineno} re.{node.func.attr}")
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "lazy":
                    found.append(f"{rel}:{node.lineno} lazy(...)")
    assert not found, found


def test_every_pattern_is_linear() -> None:
    pats = collect()
    bad = slow_cases(pats, inputs())
    assert not bad, "\n".join(bad)


def test_policy_globs_linear() -> None:
    from clearance.policy.patterns import Pattern, path_glob_regex

    shapes = {k: v for k, v in inputs().items() if k in ("'a'", "' '", "'/'", "'a/'", "'*'")}
    pats: dict[str, re.Pattern[str]] = {}
    for glob in ("Bash(a * a * a * a)", "Bash(* * * *)", "Bash(*a*a*a*a*)"):
        r = Pattern(glob)
        r.matches_command("x")
        assert r._re is not None
        pats[glob] = r._re
    for glob in ("**/a/**/a/**/a/**", "**a**a**a**", "*a*a*a*a*"):
        pats[glob] = re.compile(path_glob_regex(glob, "/p", "/h"))
    bad = slow_cases(pats, shapes)
    assert not bad, "\n".join(bad)
