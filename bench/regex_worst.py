#!/usr/bin/env python3
"""The worst case of every regular expression of clearance over generated inputs.

usage: python bench/regex_worst.py [--size N] [--top K] [--random N] [--only TEXT ...] [--json]

Every compiled pattern of the package (found the way tests/test_regex_bounds.py finds them) runs
``search`` and ``finditer`` over inputs of --size characters (default 100 000): every printable
character repeated, two-character alternations, the pattern's own literal words repeated with
separators or followed by a long run of blanks, and random strings over the pattern's alphabet.
The functions that replace patterns which were super-linear (scanners(): string literals, ERB tags, URL
placeholders) run over every character and pair of characters of their alphabet, and random strings over it.
The script prints, per pattern and per scanner, the input shape that took longest, slowest first.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.test_regex_bounds import collect, inputs  # noqa: E402

_WORD = re.compile(r"[A-Za-z][A-Za-z_-]{2,}")


def _fill(unit: str, size: int) -> str:
    return (unit * (size // max(len(unit), 1) + 1))[:size]


def shapes_for(p: re.Pattern[str], size: int, rng: random.Random, n_random: int) -> dict[str, str]:
    """Inputs built from the pattern itself: its literal words repeated, a word then blanks, random text over its alphabet."""
    out: dict[str, str] = {}
    words = sorted({w.lower() for w in _WORD.findall(p.pattern)})[:12]
    for w in words:
        for sep in (" ", "", "\n", "-", "="):
            out[f"({w!r}+{sep!r})*"] = _fill(w + sep, size)
        out[f"{w!r}+blanks"] = w + " " * (size - len(w) - 1) + "x"
        out[f"{w!r}+tabs"] = w + "\t" * (size - len(w) - 1) + "x"
    alphabet = sorted({c for c in p.pattern if c.isprintable()} | set(" \n\t"))
    for i in range(n_random):
        unit = "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 12)))
        out[f"random{i}({unit!r})*"] = _fill(unit, size)
    return out


def _time(fn: object, text: str) -> float:
    t0 = time.process_time()
    fn(text)  # type: ignore[operator]
    return (time.process_time() - t0) * 1000.0


def worst(p: re.Pattern[str], shapes: dict[str, str], cap_ms: float) -> tuple[float, str, str]:
    """The slowest (ms, shape, operation); a shape over cap_ms on a tenth of its size is not run whole."""
    best = (0.0, "", "")

    def finditer(text: str) -> int:
        return sum(1 for _ in p.finditer(text))

    for name, text in shapes.items():
        for op_name, fn in (("search", p.search), ("finditer", finditer)):
            t = _time(fn, text[: len(text) // 10])
            if t > cap_ms:
                t, name = t * 100, name + " (extrapolated x100 from a tenth: super-linear)"
            else:
                t = _time(fn, text)
            if t > best[0]:
                best = (t, name, op_name)
    return best


def scanners() -> dict[str, tuple[Callable[[str], object], str]]:
    """The functions that replace patterns which were super-linear (issue 16), by name: (the function, the characters
    its inputs are built from).  They run over the same inputs as the patterns."""
    from clearance import probe
    from clearance.code import convention_files
    from clearance.probe import _placeholder_in_query
    from clearance.rules.self import _blank_literals
    from clearance.shell import embedded, interp, unwrap_sockets

    return {
        "scanner interp.quoted_spans": (interp.quoted_spans, "'\"`\\ a\n"),
        "scanner interp.quoted_spans (one line, %q{})": (_blank_literals, "'\"\\%qQ{}() a\n"),
        "scanner convention_files._cmake_tokens": (convention_files._cmake_tokens, '"\\ a\n'),
        "scanner convention_files._rust_args": (lambda t: convention_files._rust_args(".args([" + t, 0), '"\\ a,]'),
        "scanner embedded._argv_after": (lambda t: embedded._argv_after(t, 0), "\"\\ a()#'`"),
        "scanner embedded.awk (_quoted_between)": (embedded.awk, '"\\ a|()systemgetline'),
        "scanner unwrap_sockets._erb_code": (unwrap_sockets._erb_code, "<%=->- a\n"),
        "scanner probe._placeholder_in_query": (_placeholder_in_query, "?&#=a{}[]<>%$_ SECRET"),
        "scanner probe._caesar_shift": (probe._caesar_shift, "abcdefghijklmnopqrstuvwxyz \n"),
        # the verb-near-object matchers (near.AnyOf) as scan() runs them; their parts are measured as patterns too
        "matcher probe._REVEAL": (probe._REVEAL.search, "".join(sorted(set("show print dump system your instructions.\n")))),
        "matcher probe._ACTION": (probe._ACTION.search, "".join(sorted(set("read cat show .env passwords.\n")))),
        "matcher probe._TOOLCALL": (probe._TOOLCALL.search, "".join(sorted(set("email send data@x.co append token reply.\n")))),
    }


def scanner_shapes(alphabet: str, size: int, rng: random.Random, n_random: int) -> dict[str, str]:
    """Every character of the alphabet repeated, every pair of them in turn, random strings over it."""
    out = {f"{c!r}*": c * size for c in alphabet}
    for i, a in enumerate(alphabet):
        for b in alphabet[i + 1 :]:
            out[f"{a + b!r}*"] = _fill(a + b, size)
    for i in range(n_random):
        unit = "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 12)))
        out[f"random{i}({unit!r})*"] = _fill(unit, size)
    return out


def worst_call(fn: Callable[[str], object], shapes: dict[str, str], cap_ms: float) -> tuple[float, str]:
    """The slowest (ms, shape) of a function; a shape over cap_ms on a tenth of its size is not run whole."""
    best = (0.0, "")
    for name, text in shapes.items():
        t = _time(fn, text[: len(text) // 10])
        if t > cap_ms:
            t, name = t * 100, name + " (extrapolated x100 from a tenth: super-linear)"
        else:
            t = _time(fn, text)
        best = max(best, (t, name))
    return best


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--random", type=int, default=6, help="random shapes per pattern")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--only", nargs="+", default=[], help="only the patterns whose location contains one of these")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    patterns = collect()
    common = inputs(a.size)
    rows = []
    t0 = time.perf_counter()
    for where, p in patterns.items():
        if a.only and not any(o in where for o in a.only):
            continue
        shapes = dict(common)
        shapes.update(shapes_for(p, a.size, rng, a.random))
        ms, shape, op = worst(p, shapes, cap_ms=200.0)
        rows.append({"pattern": where, "worst_ms": round(ms, 2), "shape": shape, "op": op, "regex": p.pattern[:70]})
    for name, (fn, alphabet) in scanners().items():
        if a.only and not any(o in name for o in a.only):
            continue
        ms, shape = worst_call(fn, scanner_shapes(alphabet, a.size, rng, a.random * 4), cap_ms=200.0)
        rows.append({"pattern": name, "worst_ms": round(ms, 2), "shape": shape, "op": "call", "regex": ""})
    rows.sort(key=lambda r: -float(r["worst_ms"]))  # type: ignore[arg-type]
    if a.json:
        print(json.dumps(rows))
        return 0
    print(f"{len(rows)} patterns x their inputs of {a.size} characters, in {time.perf_counter() - t0:.0f} s (CPU ms per call)")
    print(f"{'ms':>9}  {'op':8}  {'pattern':48}  worst input")
    for r in rows[: a.top]:
        print(f"{r['worst_ms']:9.1f}  {r['op']:8}  {r['pattern'][:48]:48}  {str(r['shape'])[:60]}")
    over = [r for r in rows if float(r["worst_ms"]) > 10.0]  # type: ignore[arg-type]
    print(f"worst: {rows[0]['worst_ms']} ms ({rows[0]['pattern']}); {len(over)} pattern(s) over 10 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
