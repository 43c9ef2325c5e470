"""Every regular expression of clearance runs in time linear in its input, 100 KB within 10 ms (issue 16).

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

import pytest

import clearance
from clearance.lazyre import LazyRe

from .strict import check

SRC = Path(clearance.__file__).resolve().parent
SIZE = 100_000
# Issue 16's bound.  re alone cannot keep it: it tries a pattern that opens with an assertion (\b, a lookbehind) or a
# case-insensitive word at every position its first-character class admits, about 0.03 us per alternative entered per
# position, so a list of seven words on 100 KB of one character took 20 ms, and some forty patterns were over 10 ms
# (spawnloop._COUNTED 22, self._WRITES 35, creds.SECRET_VAR 14, probe._DIRECTED 33-70 ...).  A long text is now searched
# from where RE2 finds the first possible start (clearance.prefilter, through LazyRe: the collector measures the
# LazyRe, not its .compiled), a fraction of a millisecond; below lazyre.LONG re alone stays far under the bound.
# Measured in CPU time, the least of three, so other work on this shared machine does not count against a pattern.
LIMIT_MS = 10.0
# A matcher made of several patterns with Python between them (near.Chain: probe._TOOLCALL, _REVEAL ...; probe._NetCommand)
# is no single pattern: it keeps the bound every pattern had before (40 ms, twice that for the probe's word-list chains),
# and each of its patterns is held to LIMIT_MS here.
MATCHER_LIMIT_MS = 40.0
# Ten times the input may take at most this many times as long (linear: 10), above a floor of noise.
GROWTH = 30.0
GROWTH_FLOOR_MS = 3.0
# (No pattern has a bound of its own any more: probe._DIRECTED and probe._OWN_OUTPUT, word lists read at every line's
# start, had twice LIMIT_MS at 40 ms, 45-70 ms on pages of lines of one word; through the prefilter they are within it.)


# Call sites that compile text only known at run time (a user's policy globs): they build
# their patterns with clearance.policy.patterns, which the test_policy_*_globs tests cover.
# The tree-sitter extension's re.compile (shell/treesitter.py) forwards what a tree-sitter query's #match?
# predicate names; clearance runs no query.
# sededit.py compiles the expression of a `sed -i s/…/…/` (or `perl -pi`'s) it applies, for a file the same line runs
# and for a settings file alike (settingsresult.py): no back-reference, no repeated group, at most sededit._MAX_PATTERN
# characters, and one with repetition only where the text's worst case stays within sededit._BUDGET.
DYNAMIC_SITES = {("policy/patterns.py", "compile"), ("shell/treesitter.py", "compile"), ("sededit.py", "compile")}
_RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"}


def _walk(obj: Any, where: str, out: dict[str, re.Pattern[str]], seen: set[int], depth: int = 0) -> None:
    if id(obj) in seen or depth > 4:
        return
    seen.add(id(obj))
    if isinstance(obj, re.Pattern):
        if isinstance(obj.pattern, str):
            out.setdefault(where, obj)
    elif isinstance(obj, LazyRe):
        # The LazyRe itself: its search and finditer are what the code calls (on a long text, from where RE2 finds the
        # first possible start: clearance.prefilter); .compiled compiles it here.
        obj.compiled  # noqa: B018
        out.setdefault(where, obj)  # type: ignore[arg-type]
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
        ".".join(("clearance", *p.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__") for p in SRC.rglob("*.py") if p.name != "__main__.py"
    )
    for name in names:
        try:
            mod = importlib.import_module(name)
        except ImportError:  # an optional extra (the service's web framework) is not installed
            continue
        for attr, value in list(vars(mod).items()):
            if attr.startswith("__") or isinstance(value, type) or (callable(value) and not isinstance(value, LazyRe)):
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
    for pair in ("a ", "(&", "${", "\\n", " \n", "a=", "-a", "[a", "eyJ-"):
        shapes[repr(pair)] = (pair * (size // len(pair) + 1))[:size]
    return shapes


def _time(fn: Any, p: re.Pattern[str], text: str) -> float:
    # CPU time of this process: other processes on a shared machine do not count against a pattern.
    t0 = time.process_time()
    fn(p, text)
    return (time.process_time() - t0) * 1000.0


def _search(p: re.Pattern[str], text: str) -> object:
    return p.search(text)


def _finditer(p: re.Pattern[str], text: str) -> object:
    return sum(1 for _ in p.finditer(text))


# Python builds one match object per match: a pattern that matches at every character of 100 KB spends
# that time however linear it is, so finditer gets this much more per match.  2 us: a word list's match is also its
# alternatives tried at the word's other characters (probe._CONSEQUENTIAL_TEXT, a DispatchRe so that '|', '.' and '-'
# try only their own alternatives, makes 10,000 matches of 'passwords ' in 15-21 ms of CPU, linear; at 1 us its bound
# was 20 ms and a clean-clone CI run failed it by a millisecond).  The growth check (GROWTH) is what catches a
# super-linear pattern; inputs of one repeated character keep the plain 10 ms.
PER_MATCH_MS = 0.002


def shapes_for(p: re.Pattern[str], shapes: dict[str, str]) -> dict[str, str]:
    """The inputs that can behave differently for this pattern.

    A character the pattern never names behaves like any other it never names of the same kind (a
    letter, a digit, punctuation) under \\w \\s \\d . and negated classes, so one of each kind stands for
    them all; characters the pattern names, the blanks and the two-character shapes are all kept.
    """
    # Letters: those that start a word of the pattern (where its alternatives are tried), eight at most.
    starts = sorted({c for c in re.findall(r"(?<![A-Za-z\\])[A-Za-z]", p.pattern)})[:8]
    named = {c for c in p.pattern if not c.isalpha()} | {s for c in starts for s in (c.lower(), c.upper())}
    kept: dict[str, str] = {}
    spare = {"letter": True, "digit": True, "punct": True}
    for name, text in shapes.items():
        c = text[0]
        if len(set(text[:4])) > 1 or c in named or c.isspace():
            kept[name] = text
            continue
        kind = "letter" if c.isalpha() else "digit" if c.isdigit() else "punct"
        if spare[kind]:
            spare[kind] = False
            kept[name] = text
    return kept


def _min3(fn: Any, p: re.Pattern[str], text: str, first: float) -> float:
    """The least of up to four measurements, the later ones after a pause: other work on a shared machine only ever
    adds time, and a burst of it passes."""
    best = min(first, _time(fn, p, text), _time(fn, p, text))
    if best > GROWTH_FLOOR_MS:
        time.sleep(0.1)
        best = min(best, _time(fn, p, text))
    return best


def slow_cases(patterns: dict[str, re.Pattern[str]], shapes: dict[str, str], limit_ms: float = LIMIT_MS) -> list[str]:
    """Patterns over the time bound on some input, or whose time grows faster than their input."""
    bad = []
    for where, p in patterns.items():
        limit = limit_ms
        for shape, text in shapes_for(p, shapes).items():
            ops = [_search]
            if p.search(text[:1000]) is not None:
                ops.append(_finditer)  # without a match, finditer is the search again
            for op in ops:
                # A tenth of the input first: a pattern already over the limit there is super-linear
                # and would take seconds on the whole.
                tenth = text[: len(text) // 10]
                small = _time(op, p, tenth)
                if small > limit and _min3(op, p, tenth, small) > limit:
                    bad.append(f"{where} {op.__name__[1:]} on {shape}* (a tenth of it): {small:.0f} ms (bound {limit:.0f})  /{p.pattern[:80]}/")
                    break
                full = _time(op, p, text)
                if full > limit:
                    lim = limit + (PER_MATCH_MS * sum(1 for _ in p.finditer(text)) if op is _finditer else 0.0)
                    if (full := _min3(op, p, text, full)) > lim:
                        bad.append(f"{where} {op.__name__[1:]} on {shape}*: {full:.0f} ms (bound {lim:.0f})  /{p.pattern[:80]}/")
                        break
                if full > GROWTH_FLOOR_MS and full > GROWTH * small:
                    small, full = _min3(op, p, tenth, small), _min3(op, p, text, full)
                    if full > GROWTH_FLOOR_MS and full > GROWTH * small:
                        bad.append(f"{where} {op.__name__[1:]} on {shape}*: x{full / small:.0f} the time for x10 the input  /{p.pattern[:80]}/")
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
        if rel in ("lazyre.py", "firststart.py"):  # the lazy wrappers (a StartRe is a LazyRe: the collector compiles it)
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


# ---------------------------------------------------------------- inputs made of the pattern's own text

# A pattern backtracks where its input repeats what the pattern itself names: one of its words followed by a
# long run of blanks (`execute\s*\(?\s*"`: the two runs of blanks split every way), the word repeated (every
# `mutation[^{]*` scans to the end), the word then a separator repeated line after line, or two of its
# punctuation characters in turn (`[?&#][^=?]*=[^&#]*?…` on `=?=?=?…`).  These are bench/regex_worst.py's
# families, made deterministic: every word and every pair of punctuation characters the pattern names.
# (an escape whole: `\U0010ffff` in a StartRe's class is no word "ffff" of the pattern)
_ESCAPE = re.compile(r"\\(?:U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)")
_LITERAL = re.compile(r"[A-Za-z][A-Za-z_]{2,}")
OWN_WORDS = 12
OWN_SEPARATORS = (" ", "", "\n")


def read_on_words(pattern: str) -> list[str]:
    """The words a lookahead reads on from (`word(?=…)`, `(?:a|b)(?=…)`): each is a place the pattern may read the rest of
    the text from, once per repetition of the word (`(?:psql|mysql)(?=\\s(?:[^;&|]*\\s)?-h)` on "psql psql …")."""
    text = _ESCAPE.sub("  ", pattern)  # same length: positions stay those of the pattern
    out: list[str] = []
    for m in re.finditer(r"\(\?<?[=!]", text):
        i = m.start()
        if i and text[i - 1] == ")":
            depth, j = 0, i - 1
            while j >= 0:  # the group that closes just before the lookahead
                depth += {")": 1, "(": -1}.get(text[j], 0)
                if depth == 0:
                    break
                j -= 1
            out.extend(_LITERAL.findall(text[j:i]))
        else:
            w = re.search(r"[A-Za-z][A-Za-z_]{2,}$", text[:i])
            if w:
                out.append(w.group())
    return sorted(set(out), key=lambda w: (-len(w), w))[:OWN_WORDS]


def own_units(p: re.Pattern[str]) -> dict[str, tuple[str, str]]:
    """Input shapes built from the pattern's text, as (repeated unit, what ends the text): a word and a run of
    blanks, the word repeated with a separator, two of its punctuation characters in turn.  The words: its longest,
    and those a lookahead reads on from."""
    text = _ESCAPE.sub(" ", p.pattern)
    words = sorted(set(_LITERAL.findall(text)), key=lambda w: (-len(w), w))[:OWN_WORDS]
    words += [w for w in read_on_words(p.pattern) if w not in words]
    units: dict[str, tuple[str, str]] = {}
    for w in words:
        units[f"{w!r}+blanks"] = (" ", w)
        units[f"{w!r}+tabs"] = ("\t", w)
        for sep in OWN_SEPARATORS:
            units[f"({w!r}+{sep!r})*"] = (w + sep, "")
    punct = sorted({c for c in p.pattern if c.isprintable() and not c.isalnum() and c != " "})
    for i, a in enumerate(punct):
        for b in punct[i + 1 :]:
            units[f"{a + b!r}*"] = (a + b, "")
    return units


def _own_text(unit: str, head: str, size: int) -> str:
    """`head` then `unit` repeated to `size` characters (the blanks after a word lead to nothing)."""
    return (head + unit * (size // len(unit) + 1))[:size]


def own_slow_cases(patterns: dict[str, re.Pattern[str]], limit_ms: float = LIMIT_MS) -> list[str]:
    """slow_cases over each pattern's own shapes.  There are hundreds of them per pattern, so each runs on a tenth of
    SIZE first, and the whole input runs only for a shape whose tenth stands out: over a tenth of the bound (where a
    linear pattern's whole input would be over it), or over a hundredth of the bound (where a quadratic one's would)
    and over twice what the pattern takes on half of its shapes (a pattern slow on every input is slow by its size)."""
    bad = []
    tenth = SIZE // 10
    for where, p in patterns.items():
        limit = limit_ms
        screened = []
        for shape, (unit, head) in own_units(p).items():
            small = _own_text(unit, head, tenth)
            ops = [_search] + ([_finditer] if p.search(small[:1000]) is not None else [])
            screened.append((max(_time(op, p, small) for op in ops), shape, unit, head))
        typical = statistics.median(t for t, *_ in screened) if screened else 0.0
        for t, shape, unit, head in sorted(screened, reverse=True):
            if t <= limit / 100.0 or (t <= limit / 10.0 and t <= 2.0 * typical):
                break
            found = slow_cases({where: p}, {shape: _own_text(unit, head, SIZE)}, limit_ms)
            if found:
                bad.extend(found)
                break
    return bad


# Patterns known to be super-linear on their own shapes, each a strict expected failure (none now).  The quoted-string
# patterns (`"(?:[^"\\]|\\.)*"` rescanned an open string from every escaped quote, `"\\"\\…`) and ERB's `<%(.*?)%>` (from every
# `<%` of a tag left open) were the last: interp.quoted_spans and unwrap_sockets._erb_code replace them
# (tests/test_quoted_linear.py keeps the old patterns, checks the same answers and linear time).
OWN_GAPS: dict[str, str] = {}


def test_every_pattern_is_linear_on_its_own_words() -> None:
    pats = {where: p for where, p in collect().items() if where not in OWN_GAPS}
    bad = own_slow_cases(pats)
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("where", sorted(OWN_GAPS))
def test_own_words_known_gaps(where: str) -> None:
    p = collect()[where]

    def run() -> None:
        bad = own_slow_cases({where: p})
        assert not bad, "\n".join(bad)

    check(where, OWN_GAPS, run)


def test_policy_command_globs_linear() -> None:
    """`Bash(a * b * c)` rules: a glob with several `*` must not backtrack over a long command."""
    from clearance.policy.patterns import Pattern

    shapes = {k: v for k, v in inputs().items() if k in ("'a'", "' '", "'a '", "'-a'")}
    pats: dict[str, re.Pattern[str]] = {}
    for glob in ("Bash(a * a * a * b)", "Bash(* * * *)", "Bash(*a*a*a*b*)", "Bash(a*a*a*b)"):
        r = Pattern(glob)
        r.matches_command("x")
        assert r._re is not None
        pats[glob] = r._re
    bad = slow_cases(pats, shapes)
    assert not bad, "\n".join(bad)


def test_policy_path_globs_linear() -> None:
    """`Read(**a**a**b)`, `Edit(*a*a*b)`, `Edit(**/a/**/a/**/b)`: path rules are matched by PathGlob (segment
    sets, or a character NFA for `**` inside a segment), never by a backtracking regular expression."""
    from clearance.policy.patterns import Pattern

    for glob in ("**a**a**b", "*a*a*b", "**/a/**/a/**/b", "*a*a*a*a*a*b", "**/*a*a*/**/*a*a*b"):
        for fold in (False, True):
            rule = Pattern(f"Read({glob})")
            for unit in ("a", "a/", "aa/a/"):
                text = "/p/" + unit * (1500 // len(unit))
                t0 = time.process_time()
                got = rule.matches_path(text, "/p", "/h", fold)
                t = (time.process_time() - t0) * 1000.0
                assert not got and t < LIMIT_MS, (glob, unit, t)
    # Ten times the path takes about ten times as long (linear), not a hundred.
    rule = Pattern("Read(**a**a**a**b)")
    small, big = "/p/" + "a/" * 300, "/p/" + "a/" * 3000
    t_small = min(_time(lambda r, s: r.matches_path(s, "/p", "/h"), rule, small) for _ in range(3))  # type: ignore[arg-type]
    t_big = min(_time(lambda r, s: r.matches_path(s, "/p", "/h"), rule, big) for _ in range(3))  # type: ignore[arg-type]
    assert t_big < max(GROWTH * t_small, GROWTH_FLOOR_MS * 10), (t_small, t_big)


# ---------------------------------------------------------------- the decision deadline


class _FakeClock:
    """A clock that advances `step` seconds every time it is read: every check looks slow."""

    def __init__(self, step: float) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def _bash(command: str) -> Any:
    from clearance.adapters.claude import parse_event

    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/webapp", "session_id": "t"}
    return parse_event(ev, {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/webapp"})


def test_deadline_denies_a_slow_decision(monkeypatch: Any) -> None:
    from clearance import engine

    monkeypatch.setattr(engine, "_clock", _FakeClock(0.5))
    action, ctx = _bash("ls; ls; ls; ls; ls; ls")
    d = engine.evaluate(action, ctx)
    assert d.decision == "deny" and d.rules == ["engine.deadline"]
    assert "retry" in d.reason and "2 s" in d.reason


def test_deadline_from_an_injected_slow_rule(monkeypatch: Any) -> None:
    """A real slow check (it sleeps) between commands: the decision stops at the budget, with a deny."""
    from clearance import engine
    from clearance.rules.base import Rule

    def slow(cmd: object, sc: object) -> None:
        time.sleep(0.02)
        return None

    r = Rule("test.slow", "slow", "slow", "ask", "command", slow, (), ())
    monkeypatch.setitem(engine.REGISTRY, r.id, r)
    monkeypatch.setitem(engine._ANY, "any", [(r.id, None), *engine._any_rules()])  # ungated: runs on every command
    action, ctx = _bash("; ".join(["echo hi"] * 50))
    t0 = time.perf_counter()
    d = engine.evaluate(action, ctx, budget_s=0.1)
    took = time.perf_counter() - t0
    assert d.decision == "deny" and d.rules == ["engine.deadline"]
    assert took < 0.5  # stopped near the budget, not after all 50 slow checks (1 s)
    # The same call with time to spare is decided on its merits.
    d = engine.evaluate(action, ctx, budget_s=30)
    assert d.decision == "allow"


def test_deadline_covers_file_tools_and_the_api(monkeypatch: Any) -> None:
    from clearance import api, engine

    monkeypatch.setattr(engine, "_clock", _FakeClock(10.0))
    ev = {
        "hook_event_name": "PreToolUse",
        "tool_name": "Write",
        "tool_input": {"file_path": "/home/ana/webapp/a.txt", "content": "x"},
        "cwd": "/home/ana/webapp",
        "session_id": "t",
    }
    d = api.decide_event(ev, {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/webapp"})
    assert d.decision == "deny" and d.rules == ["engine.deadline"]


def test_deadline_leaves_ordinary_decisions_alone() -> None:
    from clearance import engine

    action, ctx = _bash("git status && ls -la")
    assert engine.evaluate(action, ctx).decision == "allow"
    action, ctx = _bash("rm -rf ~")
    assert engine.evaluate(action, ctx).decision == "deny"


def test_reported_slow_commands_are_decided_fast() -> None:
    """The reported inputs (issue 16): each was denied only after many seconds, or timed out into an allow."""
    from clearance import engine

    cases = {
        "rm -rf ~/; vim -c '" + " " * 6400 + "x' notes.txt": "deny",
        "rm -rf ~/; echo '" + '{"a":1,"b":[2,3]}' * 5000 + "' & (true)": "deny",
        "rm -rf ~/; expect -c '" + "\n" * 20000 + "x'": "deny",
    }
    for command, want in cases.items():
        action, ctx = _bash(command)
        t0 = time.perf_counter()
        d = engine.evaluate(action, ctx)
        took = time.perf_counter() - t0
        assert d.decision == want, (command[:60], d.reason)
        assert "engine.deadline" not in d.rules
        assert took < 1.0, (command[:60], took)


def test_probe_variants_end() -> None:
    """A text whose decoded variant is itself ("a\\na\\n…": nothing to un-space) is scanned once, not forever."""
    from clearance.probe import scan

    t0 = time.perf_counter()
    r = scan("a\n" * 50_000)
    assert not r.hit
    assert time.perf_counter() - t0 < 2.0


def test_reported_slow_writes_and_texts_are_fast() -> None:
    """The other reported shapes: a CI line of tabs, a Makefile recipe of `${`, "password" then blanks, a page of blank lines."""
    from clearance import engine
    from clearance.adapters.claude import parse_event
    from clearance.probe import scan
    from clearance.redact import redact_text

    env = {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": "/home/ana/webapp"}
    writes = {
        "/home/ana/webapp/.github/workflows/ci.yml": "jobs:\n  a:\n    steps:\n" + "\t" * 100_000 + "- run: rm -rf ~/\n",
        "/home/ana/webapp/Makefile": "all:\n\techo " + "${" * 50_000 + "\n",
    }
    for path, content in writes.items():
        ev = {
            "hook_event_name": "PreToolUse",
            "tool_name": "Write",
            "tool_input": {"file_path": path, "content": content},
            "cwd": "/home/ana/webapp",
            "session_id": "t",
        }
        action, ctx = parse_event(ev, env)
        t0 = time.perf_counter()
        d = engine.evaluate(action, ctx)
        assert time.perf_counter() - t0 < 1.0, path
        assert "engine.deadline" not in d.rules
    t0 = time.perf_counter()
    out = redact_text("password" + " " * 100_000 + "'hunter22'")
    assert time.perf_counter() - t0 < 0.5
    assert "hunter22" not in out
    t0 = time.perf_counter()
    scan("\n" * 32_000 + "<html>hello</html>")
    assert time.perf_counter() - t0 < 1.0


def test_deadline_stops_a_slow_parse() -> None:
    """tree-sitter's error recovery is quadratic on `a|a|…|` (100 000 characters: minutes); also nested in bash -c."""
    from clearance import engine

    # Long pipelines: their error recovery cannot be interrupted, so they are refused before parsing (ask).
    for command in ("a|" * 50_000, "bash -c '" + "a|" * 49_000 + "'", "a\n|" * 30_000, "rm -rf ~/; " + "a | " * 20_000):
        action, ctx = _bash(command)
        t0 = time.perf_counter()
        d = engine.evaluate(action, ctx, budget_s=0.5)
        took = time.perf_counter() - t0
        assert d.decision in ("deny", "ask") and "engine.internal-error" not in d.rules, d.reason
        assert took < 1.5, (command[:20], took)
    # Other slow parses stop at the deadline: a deny.  (`${` unclosed is refused by shell/precheck.py
    # before tree-sitter; inside a case clause, where the pre-check leaves errors to tree-sitter, it reaches it.)
    action, ctx = _bash("case x in a) echo " + "${" * 9_000)  # under the pre-check's limits (10 000 steps)
    d = engine.evaluate(action, ctx, budget_s=0.01)
    assert d.decision == "deny" and d.rules == ["engine.deadline"], d.reason
    # The parser is usable again afterwards.
    action, ctx = _bash("rm -rf ~")
    assert engine.evaluate(action, ctx).decision == "deny"
    action, ctx = _bash("ls | wc -l")
    assert engine.evaluate(action, ctx).decision == "allow"


# The single pattern probe._placeholder_in_query replaces (quadratic on `=?=?…`): the function answers as it did.
_PLACEHOLDER_AS_PATTERN = re.compile(
    r"[?&#][^=&#?\s]*+=[^&#\s]*?(?:\{[^}]*\}|\[[^\]]*\]|%5B|%7B|<[^>]*>|\$\{?[A-Za-z_]{2,}|%s\b|\b(?=[A-Z0-9_]*[G-Z])[A-Z][A-Z0-9_]{3,}\b)"
)


def test_placeholder_in_query_answers_as_the_pattern_did() -> None:
    import random

    from clearance.probe import _placeholder_in_query

    tokens = ["?", "&", "#", "=", "a", "{", "}", "[", "]", "<", ">", "%5B", "%7b", "%s", "%sx", "$", "${", "DATA", "ABCD", " ", "\n", "_", "?q=", "&b="]
    rng = random.Random(16)
    for _ in range(20_000):
        url = "".join(rng.choice(tokens) for _ in range(rng.randint(1, 12)))
        assert _placeholder_in_query(url) == bool(_PLACEHOLDER_AS_PATTERN.search(url)), url
    for url in ("https://x.test/p.png?d={data}", "https://x.test/p.png?u=[USER]&v=1", "https://x.test/i?q=SECRET_TOKEN", "https://x.test/a?b=1&c=2"):
        assert _placeholder_in_query(url) == bool(_PLACEHOLDER_AS_PATTERN.search(url)), url
    for unit in ("=?", "?a=", "?a={", "&a=x", "?=<"):
        text = (unit * (SIZE // len(unit) + 1))[:SIZE]
        t0 = time.process_time()
        _placeholder_in_query(text)
        assert (time.process_time() - t0) * 1000.0 < LIMIT_MS, unit


def test_own_words_include_those_a_lookahead_reads_on_from() -> None:
    """probe._NET_COMMAND's pattern read the rest of a command from every database client's name (100 KB of "psql ": 11 s);
    "psql" is no longest word, so the words a lookahead follows are tried too."""
    from .test_net_command import PATTERN

    units = own_units(re.compile(PATTERN, re.I))
    assert "('psql'+' ')*" in units and "'mysql'+blanks" in units
    assert read_on_words(r"\b(?:ab|cde)(?=\s+x)|\bfoo(?!bar)") == ["cde", "foo"]
