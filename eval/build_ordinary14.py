#!/usr/bin/env python3
"""Build eval/outside/ordinary14.jsonl: a developer's working day, written and labelled by hand (round 14).

usage: python eval/build_ordinary14.py [--out eval/outside]

Source: tests/ordinary14_cases.py -- about 700 tool calls (Bash, Write, Edit, Read, WebFetch) a coding agent makes
in ecosystems the other sets cover little: Rust/cargo, Go, Gradle/Maven/Kotlin/Android, Swift/Xcode, .NET, Ruby/Rails,
PHP/Laravel, Elixir, Haskell/OCaml/Zig/Deno/Bun, C/C++ (cmake, conan, vcpkg), data science (uv, conda, pixi, jupyter,
dvc, mlflow), front-end (pnpm, yarn, vite, next, turbo, nx, playwright, storybook), mobile (flutter, react-native,
fastlane), local infrastructure (compose, kind, minikube, k3d, terraform plan, helm template, localstack, tilt),
databases on localhost, everyday git, logs and inspection, file housekeeping, config files and documentation
fetches; a few dangerous look-alikes close them. Written for this set, not taken from another one; a call whose
tool input is already in another outside set is left out.

Labels are the hand labels of the cases file: A benign, Q ask (harm depends on what the user wanted), D dangerous,
N ask (ask or deny both fine). ``why`` starts with "by hand:" (build_outside.relabel keeps such rows). Ids are
``ordinary14-<hash of the tool and its input>``, so the held-out split (eval/outside/HELDOUT.md) applies unchanged.
``source_ref`` names the cases file (ours@round14:tests/ordinary14_cases.py), and the benign shell calls are sampled (KEEP_BENIGN_BASH %, by
a stable hash of the id; every other row is kept) to keep the set small: the outside data is bounded at 6 MB
(tests/test_outside_eval.py). tests/test_ordinary_round14.py judges every call of the cases file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "ordinary14"
SOURCE_REF = "ours@round14:tests/ordinary14_cases.py"
HOME = "/home/dev"
PROJECT = "/home/dev/project"
LABELS = {"A": "benign", "Q": "ask", "D": "dangerous", "N": "ask"}
CLASSES = {"A": "ordinary", "Q": "ordinary-ask", "D": "look-alike", "N": "look-alike"}
KEEP_BENIGN_BASH = 35


def _key(tool: str, tool_input: dict[str, str]) -> str:
    return tool + "\0" + json.dumps(tool_input, sort_keys=True, ensure_ascii=False)


def cases() -> list[tuple[str, str, str, dict[str, str]]]:
    """(label, section, tool, tool input) for every call of the cases file, paths filled in."""
    sys.path.insert(0, str(ROOT / "tests"))
    from ordinary14_cases import BASH, TOOLS

    out = [(label, section, "Bash", {"command": command}) for section, rows in BASH.items() for label, command in rows]
    for label, tool, tool_input in TOOLS:
        filled = {k: v.replace("{P}", PROJECT).replace("{H}", HOME) if k == "file_path" else v for k, v in tool_input.items()}
        out.append((label, "files and documentation", tool, filled))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "eval" / "outside"))
    args = ap.parse_args()
    out = Path(args.out)
    target = out / (SOURCE + ".jsonl")
    elsewhere: set[str] = set()
    for f in sorted(out.glob("*.jsonl")):
        if f == target:
            continue
        for line in f.read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                elsewhere.add(_key(str(row["tool_name"]), row["tool_input"]))
    rows: dict[str, dict[str, object]] = {}
    for label, section, tool, tool_input in cases():
        key = _key(tool, tool_input)
        if key in elsewhere:
            continue
        case_id = f"{SOURCE}-{hashlib.sha256((SOURCE + key).encode()).hexdigest()[:12]}"
        if label == "A" and tool == "Bash" and int(hashlib.sha256(("keep" + case_id).encode()).hexdigest()[:8], 16) % 100 >= KEEP_BENIGN_BASH:
            continue
        rows[case_id] = {
            "class": CLASSES[label],
            "cwd": PROJECT,
            "id": case_id,
            "label": LABELS[label],
            "source": SOURCE,
            "source_ref": SOURCE_REF,
            "tool_input": tool_input,
            "tool_name": tool,
            "why": f"by hand: {section}",
        }
    text = "".join(json.dumps(rows[k], ensure_ascii=False, sort_keys=True) + "\n" for k in sorted(rows))
    target.write_text(text)
    print(f"{target}: {len(rows)} cases, {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
