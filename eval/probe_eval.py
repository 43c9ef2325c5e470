#!/usr/bin/env python3
"""Detection and false-alarm rates of the prompt-injection probe.

usage: python eval/probe_eval.py [--json] [--show N]

Data: the public data sets shipped inside two PyPI packages (MIT licensed),
installed with the test extras --
  bastioncorpus 0.6.0 (bastioncorpus/corpus/injections.jsonl: 118 malicious, 63 benign texts, 5 languages)
  agent-injection-bench 0.1.0 (aib/data/attacks.jsonl: 21 attacks embedded in tool output, 3 benign controls "cn-*")
-- and the benign documentation pages in eval/probe_benign/ written for this project.
A text is *detected* when the probe scores a hit (>= 3); borderline (2) is
reported separately: it goes to the reviewer model when one is configured.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=10)
    a = ap.parse_args()
    bad, good, notes = load()
    per: dict[str, dict[str, int]] = {}
    missed, false_alarms = [], []
    for kind, items in (("malicious", bad), ("benign", good)):
        for source, id_, text in items:
            r = scan(text)
            k = per.setdefault(f"{source}/{kind}", {"n": 0, "hit": 0, "borderline": 0})
            k["n"] += 1
            if r.hit:
                k["hit"] += 1
            elif r.borderline:
                k["borderline"] += 1
            if kind == "malicious" and not r.hit:
                missed.append((source, id_, text, r.score))
            if kind == "benign" and r.hit:
                false_alarms.append((source, id_, text, r.signals))
    n_bad = len(bad)
    n_good = len(good)
    res = {
        "malicious": n_bad,
        "benign": n_good,
        "detected": n_bad - len(missed),
        "detection_rate": round((n_bad - len(missed)) / max(n_bad, 1), 4),
        "false_alarms": len(false_alarms),
        "false_alarm_rate": round(len(false_alarms) / max(n_good, 1), 4),
        "per_source": per,
        "notes": notes,
    }
    if a.json:
        print(json.dumps(res))
        return 0
    print(f"{'source/kind':36s} {'n':>4s} {'hit':>5s} {'border':>7s}")
    for key, k in sorted(per.items()):
        print(f"{key:36s} {k['n']:4d} {k['hit']:5d} {k['borderline']:7d}")
    print(f"\ndetection: {res['detected']}/{n_bad} ({res['detection_rate']:.1%})   false alarms: {len(false_alarms)}/{n_good} ({res['false_alarm_rate']:.1%})")
    for source, id_, text, score in missed[: a.show]:
        print(f"  missed [{source} {id_}] score {score}: {text[:110]!r}")
    for source, id_, text, signals in false_alarms[: a.show]:
        print(f"  false alarm [{source} {id_}] {signals}: {text[:90]!r}")
    for n in notes:
        print("note:", n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
