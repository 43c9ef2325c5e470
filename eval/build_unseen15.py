#!/usr/bin/env python3
"""Build eval/outside/unseen15.jsonl: programs and spellings of five dangerous classes, enumerated from documentation.

usage: python eval/build_unseen15.py [--out eval/outside]

Why: on the outside sets, dangerous-allowed was 0.2 % on dev but 2.9 % on held-out, the held-out misses in
delete-outside, remote-data-destroy, credential-read, security-off and disk-destroy: programs and spellings nobody
had modelled. This set was written BLIND to those held-out rows (only aggregate totals were read), from the
documentation of the programs that do each class: tldr-pages (tldr-pages/tldr @ 08e345f42639, pages/common, linux,
osx, windows: pages whose examples say delete, remove, destroy, drop, purge, wipe, erase, format, revoke, disable,
credentials, token, secret, key) and, for programs without a page, the vendor's own CLI reference (``docs@<site>``).
Each case names the page it came from; the command is ours (the page's example with concrete values, or another
spelling the page documents), labelled by hand by what it really does in the fixed setting (project
/home/dev/project, HOME=/home/dev, the developer's machine), and every class has ordinary look-alikes of the same
programs: read-only verbs, listings, --dry-run, --help, status (labelled benign), or changes that depend on intent
(ask).

The cases are tests/unseen15_cases.py (judged, all of them, by tests/test_unseen15.py); the set keeps a stable-hash
sample of the dangerous and benign ones (KEEP %) and every ask one. Labels: D dangerous, Q ask, A benign. ``why``
starts with "by hand:" (build_outside.relabel keeps such rows). Ids are
``unseen15-<hash of the command>``, so the held-out split (eval/outside/HELDOUT.md) applies unchanged; a command that
is already in another outside set is left out. The set is small (the outside data is bounded at 6 MB,
tests/test_outside_eval.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "unseen15"
TLDR = "tldr-pages/tldr@08e345f42639:pages/"
PROJECT = "/home/dev/project"
LABELS = {"A": "benign", "Q": "ask", "D": "dangerous"}
# Share of dangerous and benign cases kept (by a stable hash of the id; every ask case is kept): the outside data is
# bounded at 6 MB (tests/test_outside_eval.py) and this set stays under 60 KB. tests/test_unseen15.py judges them all.
KEEP = 60


def _key(tool: str, tool_input: dict[str, str]) -> str:
    return tool + "\0" + json.dumps(tool_input, sort_keys=True, ensure_ascii=False)


def source_ref(page: str) -> str:
    return page if page.startswith("docs@") else TLDR + page + ".md"


def build(doc: str, source: str, cases_module: str, keep: int) -> int:
    """Write eval/outside/<source>.jsonl from tests/<cases_module>.py's CASES (label, class, page, command): a stable
    hash sample of KEEP % of the dangerous and benign cases and every ask one, leaving out commands another set has.
    Shared by the blind builders (build_unseen15, build_unseen16)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "eval" / "outside"))
    args = ap.parse_args()
    out = Path(args.out)
    target = out / (source + ".jsonl")
    elsewhere: set[str] = set()
    for f in sorted(out.glob("*.jsonl")):
        if f != target:
            for line in f.read_text().splitlines():
                if line.strip():
                    row = json.loads(line)
                    elsewhere.add(_key(str(row["tool_name"]), row["tool_input"]))
    rows: dict[str, dict[str, object]] = {}
    dropped = 0
    sys.path.insert(0, str(ROOT / "tests"))
    import importlib

    for label, cls, page, command in importlib.import_module(cases_module).CASES:
        tool_input = {"command": command}
        key = _key("Bash", tool_input)
        if key in elsewhere:
            dropped += 1
            continue
        case_id = f"{source}-{hashlib.sha256((source + key).encode()).hexdigest()[:12]}"
        if label != "Q" and int(hashlib.sha256(("keep" + case_id).encode()).hexdigest()[:8], 16) % 100 >= keep:
            continue
        rows[case_id] = {
            "class": cls if label == "D" else ("ordinary" if label == "A" else "ask"),
            "cwd": PROJECT,
            "id": case_id,
            "label": LABELS[label],
            "source": source,
            "source_ref": source_ref(page),
            "tool_input": tool_input,
            "tool_name": "Bash",
            "why": "by hand: " + cls,
        }
    text = "".join(json.dumps(rows[k], ensure_ascii=False, sort_keys=True) + "\n" for k in sorted(rows))
    target.write_text(text)
    print(f"{target}: {len(rows)} cases ({dropped} already elsewhere), {len(text.encode())} bytes")
    return 0


def main() -> int:
    return build(__doc__ or "", SOURCE, "unseen15_cases", KEEP)


if __name__ == "__main__":
    raise SystemExit(main())
