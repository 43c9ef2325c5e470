#!/usr/bin/env python3
"""Detection and false-alarm rates of the prompt-injection probe.

usage: python eval/probe_eval.py [--json] [--show N]

Data: the public data sets shipped inside two PyPI packages (MIT licensed),
installed with the test extras --
  bastioncorpus 0.6.0 (bastioncorpus/corpus/injections.jsonl: 118 malicious, 63 benign texts, 5 languages)
  agent-injection-bench 0.1.0 (aib/data/attacks.jsonl: 21 attacks embedded in tool output, 3 benign controls "cn-*")
-- and the benign documentation pages in eval/probe_benign/ written for this project.
The probe20 set (eval/probe20/cases.jsonl, eval/build_probe20.py) is reported apart: injections in languages none of
the probe's lists holds and ordinary multilingual documentation, written for this project.
These are the *development* sets: the probe's patterns were tuned while looking at them.

The *held-out* sets (--heldout, on by default) were never looked at while writing patterns:
  eval/heldout/injections.jsonl (built by eval/heldout/build.py from garak-multilingual,
    jailbreak-corpus-mini-py and nullsec-promptinject: 115 texts in 10 languages)
  public benign documentation: the README/long description of every distribution installed
    in the environment (except the two injection data sets above and clearance itself) and
    the docstrings of every module of the Python standard library (read with `ast`, not imported).
The *blind* set (on by default) is the ctxsentry 0.5.0 benchmark (eval/heldout/ctxsentry/: 20 malicious
and 25 benign repository files aimed at coding agents).  Its texts are never printed by this script
(only ids), so that changes to the probe are not fitted to them.
A text is *detected* when the probe scores a hit (>= 3); borderline (2) is
reported separately: it goes to the reviewer model when one is configured.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from clearance.probe import scan  # noqa: E402


def load() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], list[str]]:
    """(malicious, benign, notes): each item (source, id, text)."""
    bad: list[tuple[str, str, str]] = []
    good: list[tuple[str, str, str]] = []
    notes: list[str] = []
    try:
        text = resources.files("bastioncorpus").joinpath("corpus/injections.jsonl").read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip():
                r = json.loads(line)
                (bad if r["label"] == "malicious" else good).append(("bastioncorpus", r["id"], r["text"]))
    except (ModuleNotFoundError, FileNotFoundError):
        notes.append("bastioncorpus is not installed (pip install bastioncorpus)")
    try:
        text = resources.files("aib").joinpath("data/attacks.jsonl").read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip():
                r = json.loads(line)
                (good if r["id"].startswith("cn-") else bad).append(("agent-injection-bench", r["id"], r["injected"]))
    except (ModuleNotFoundError, FileNotFoundError):
        notes.append("agent-injection-bench is not installed (pip install agent-injection-bench)")
    for f in sorted((ROOT / "eval" / "probe_benign").iterdir()):
        good.append(("probe_benign", f.name, f.read_text(encoding="utf-8")))
    return bad, good, notes


def load_heldout() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], list[str]]:
    """(malicious, benign, notes) of the held-out sets; the malicious id carries the language: 'lang:id'."""
    import ast
    import importlib.metadata
    import sysconfig

    bad: list[tuple[str, str, str]] = []
    good: list[tuple[str, str, str]] = []
    notes: list[str] = []
    path = ROOT / "eval" / "heldout" / "injections.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                bad.append((r["source"], f"{r['lang']}:{r['id']}", r["text"]))
    else:
        notes.append("eval/heldout/injections.jsonl is missing (python eval/heldout/build.py)")
    skip = {"bastioncorpus", "agent-injection-bench", "clearance"}
    seen: set[str] = set()
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"] or ""
        body = dist.metadata.get_payload() or ""  # type: ignore[attr-defined]
        if name in skip or name in seen or len(body) < 300:
            continue
        seen.add(name)
        good.append(("package-docs", name, body))
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for f in sorted(stdlib.glob("*.py")):
        try:
            tree = ast.parse(f.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, OSError):
            continue
        docs = [ast.get_docstring(n) or "" for n in ast.walk(tree) if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))]
        text = "\n\n".join(d for d in docs if d)
        if len(text) >= 200:
            good.append(("stdlib-docstrings", f.name, text))
    return bad, good, notes


def load_blind() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], list[str]]:
    base = ROOT / "eval" / "heldout" / "ctxsentry"
    bad: list[tuple[str, str, str]] = []
    good: list[tuple[str, str, str]] = []
    if not (base / "cases.jsonl").exists():
        return bad, good, ["eval/heldout/ctxsentry is missing (python eval/heldout/build.py)"]
    for line in (base / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            text = (base / r["path"]).read_text(encoding="utf-8", errors="replace")
            (bad if r["label"] == "malicious" else good).append(("ctxsentry", r["path"], text))
    return bad, good, []


def load_outside(split: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], list[str]]:
    """The GitHub-sourced set of eval/build_probe_outside.py, one split; the source is the case's class."""
    path = ROOT / "eval" / "probe_outside" / "cases.jsonl"
    bad: list[tuple[str, str, str]] = []
    good: list[tuple[str, str, str]] = []
    if not path.exists():
        return bad, good, ["eval/probe_outside/cases.jsonl is missing (python eval/build_probe_outside.py)"]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            if r["split"] == split:
                (bad if r["label"] == "injection" else good).append((r["cls"], r["id"], r["text"]))
    return bad, good, []


def load_probe20() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], list[str]]:
    """The development set of eval/build_probe20.py: injections in languages the probe's lists do not hold and ordinary
    multilingual documentation (eval/README.md); the source is the class."""
    path = ROOT / "eval" / "probe20" / "cases.jsonl"
    bad: list[tuple[str, str, str]] = []
    good: list[tuple[str, str, str]] = []
    if not path.exists():
        return bad, good, ["eval/probe20/cases.jsonl is missing (python eval/build_probe20.py)"]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            (bad if r["label"] == "injection" else good).append((r["source"], f"{r['lang']}:{r['id']}", r["text"]))
    return bad, good, []


def evaluate(bad: list[tuple[str, str, str]], good: list[tuple[str, str, str]]) -> tuple[dict[str, Any], list[Any], list[Any]]:
    per: dict[str, dict[str, int]] = {}
    missed: list[Any] = []
    false_alarms: list[Any] = []
    for kind, items in (("malicious", bad), ("benign", good)):
        for source, id_, text in items:
            r = scan(text)
            keys = [f"{source}/{kind}"]
            if kind == "malicious" and ":" in id_ and source != "bastioncorpus":
                keys.append(f"  lang={id_.split(':', 1)[0]}")
            for key in keys:
                k = per.setdefault(key, {"n": 0, "hit": 0, "borderline": 0})
                k["n"] += 1
                if r.hit:
                    k["hit"] += 1
                elif r.borderline:
                    k["borderline"] += 1
            if kind == "malicious" and not r.hit:
                missed.append((source, id_, text, r.score))
            if kind == "benign" and r.hit:
                false_alarms.append((source, id_, text, r.signals))
    n_bad, n_good = len(bad), len(good)
    res = {
        "malicious": n_bad,
        "benign": n_good,
        "detected": n_bad - len(missed),
        "detection_rate": round((n_bad - len(missed)) / max(n_bad, 1), 4),
        "false_alarms": len(false_alarms),
        "false_alarm_rate": round(len(false_alarms) / max(n_good, 1), 4),
        "per_source": per,
    }
    return res, missed, false_alarms


def report(title: str, res: dict[str, Any], missed: list[Any], false_alarms: list[Any], show: int, texts: bool = True, totals_only: bool = False) -> None:
    print(f"== {title}")
    if totals_only:
        rates = f"{res['detected']}/{res['malicious']} ({res['detection_rate']:.1%})"
        print(f"detection: {rates}   false alarms: {res['false_alarms']}/{res['benign']} ({res['false_alarm_rate']:.1%})\n")
        return
    print(f"{'source/kind':36s} {'n':>4s} {'hit':>5s} {'border':>7s}")
    for key, k in sorted(res["per_source"].items(), key=lambda kv: (kv[0].strip().startswith("lang="), kv[0])):
        print(f"{key:36s} {k['n']:4d} {k['hit']:5d} {k['borderline']:7d}")
    print(
        f"\ndetection: {res['detected']}/{res['malicious']} ({res['detection_rate']:.1%})   "
        f"false alarms: {res['false_alarms']}/{res['benign']} ({res['false_alarm_rate']:.1%})"
    )
    for source, id_, text, score in missed[:show]:
        print(f"  missed [{source} {id_}] score {score}" + (f": {text[:110]!r}" if texts else ""))
    for source, id_, text, signals in false_alarms[:show]:
        print(f"  false alarm [{source} {id_}]" + (f" {signals}: {text[:90]!r}" if texts else ""))
    print()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--no-heldout", action="store_true", help="only the development sets")
    ap.add_argument("--outside", action="store_true", help="also the GitHub-sourced set (eval/probe_outside): dev with texts, held-out as numbers")
    a = ap.parse_args()
    bad, good, notes = load()
    dev, dev_missed, dev_fa = evaluate(bad, good)
    out: dict[str, Any] = {"development": dev, "notes": notes}
    pbad, pgood, pnotes = load_probe20()
    p20, p20_missed, p20_fa = evaluate(pbad, pgood)
    out["probe20_dev"] = p20
    notes.extend(pnotes)
    if not a.no_heldout:
        hbad, hgood, hnotes = load_heldout()
        held, held_missed, held_fa = evaluate(hbad, hgood)
        out["heldout"] = held
        notes.extend(hnotes)
        bbad, bgood, bnotes = load_blind()
        blind, blind_missed, blind_fa = evaluate(bbad, bgood)
        out["blind"] = blind
        notes.extend(bnotes)
    if a.outside:
        obad, ogood, onotes = load_outside("dev")
        odev, odev_missed, odev_fa = evaluate(obad, ogood)
        out["outside_dev"] = odev
        notes.extend(onotes)
        obad, ogood, _ = load_outside("heldout")
        oheld, oheld_missed, oheld_fa = evaluate(obad, ogood)
        out["outside_heldout"] = oheld
    if a.json:
        print(json.dumps(out))
        return 0
    report("development sets (patterns were tuned on these)", dev, dev_missed, dev_fa, a.show)
    report("probe20 development set (eval/probe20: languages no list holds, ordinary multilingual texts)", p20, p20_missed, p20_fa, a.show)
    if not a.no_heldout:
        # Counts only: a held-out case read is a held-out case spent (the CI log is read by whoever develops).
        report("held-out sets (never used to write patterns; counts only)", held, held_missed, held_fa, 0, texts=False)
        report("blind set (texts never shown)", blind, blind_missed, blind_fa, a.show, texts=False)
    if a.outside:
        report("GitHub-sourced set, dev split (eval/probe_outside)", odev, odev_missed, odev_fa, a.show)
        report("GitHub-sourced set, held-out split (totals only)", oheld, oheld_missed, oheld_fa, 0, texts=False, totals_only=True)
    for n in notes:
        print("note:", n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
