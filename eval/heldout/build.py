#!/usr/bin/env python3
"""Build eval/heldout/injections.jsonl: a held-out prompt-injection set the probe's patterns were not written against.

usage: python eval/heldout/build.py [WHEEL_DIR]

Sources (public PyPI packages; their data is read from the wheels with `ast`, no code of theirs runs):
  garak-multilingual 0.1.0        Apache-2.0  Turkish and multilingual (de es fr ru ar zh fa tr) injection and jailbreak probes
  jailbreak-corpus-mini-py 0.1.0  MIT         small English jailbreak / injection fixture set
  nullsec-promptinject 0.1.0      MIT         payload library: extraction, override, jailbreak, indirect, tool abuse, 6 languages
and, kept apart as a *blind* set (its texts were never displayed while the probe was changed):
  ctxsentry 0.5.0 (sdist)         MIT         benchmark/: 20 malicious and 25 benign repository files aimed at coding agents,
                                              copied to eval/heldout/ctxsentry/ with its cases.jsonl and LICENSE
Without WHEEL_DIR the wheels are fetched with `pip download --no-deps` into a temporary directory.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGES = ("garak-multilingual==0.1.0", "jailbreak-corpus-mini-py==0.1.0", "nullsec-promptinject==0.1.0")
SDISTS = ("ctxsentry==0.5.0",)


def _member(wheel: Path, suffix: str) -> str:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith(suffix))
        return z.read(name).decode("utf-8")


def _value(node: ast.AST, names: dict[str, object]) -> object:
    """A literal, a module-level string constant, or their concatenation with '+'."""
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _value(node.left, names) + _value(node.right, names)  # type: ignore[operator]
    if isinstance(node, ast.List):
        return [_value(e, names) for e in node.elts]
    if isinstance(node, ast.Dict):
        return {_value(k, names): _value(v, names) for k, v in zip(node.keys, node.values) if k is not None}
    return ast.literal_eval(node)


def garak(wheel: Path) -> list[dict[str, str]]:
    tree = ast.parse(_member(wheel, "garak_multilingual/payloads.py"))
    out = []
    names: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Constant):
            names[node.targets[0].id] = node.value.value
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List) and isinstance(node.targets[0], ast.Name):
            group = node.targets[0].id
            items = _value(node.value, names)
            assert isinstance(items, list)
            for i, item in enumerate(items):
                if isinstance(item, dict) and "prompt" in item:
                    lang = item.get("lang") or ("tr" if group.startswith("TURKISH") else "en")
                    out.append({"source": "garak-multilingual", "id": f"{group.lower()}-{i}", "lang": lang, "category": group.lower(), "text": item["prompt"]})
    return out


def corpus_mini(wheel: Path) -> list[dict[str, str]]:
    data = json.loads(_member(wheel, "jailbreak_corpus_mini/corpus.json"))
    return [{"source": "jailbreak-corpus-mini", "id": r["id"], "lang": "en", "category": r["category"], "text": r["prompt"]} for r in data]


def nullsec(wheel: Path) -> list[dict[str, str]]:
    tree = ast.parse(_member(wheel, "nullsec_promptinject/payloads.py"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Payload":
            try:
                args = [ast.literal_eval(a) for a in node.args]
            except ValueError:
                continue  # one payload is computed at import time (a base64 expression): left out
            text, category, lang = args[0], args[1], args[2] if len(args) > 2 else "en"
            out.append({"source": "nullsec-promptinject", "id": f"{category}-{len(out)}", "lang": lang, "category": category, "text": text})
    return out


def main() -> int:
    if len(sys.argv) > 1:
        wheels = Path(sys.argv[1])
    else:
        wheels = Path(tempfile.mkdtemp())
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(wheels), *PACKAGES], check=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-d", str(wheels), *SDISTS], check=True)
    found = {w.name.split("-")[0]: w for w in wheels.glob("*.whl")}
    rows = garak(found["garak_multilingual"]) + corpus_mini(found["jailbreak_corpus_mini_py"]) + nullsec(found["nullsec_promptinject"])
    with open(HERE / "injections.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} texts written to {HERE / 'injections.jsonl'}")
    ctx(next(wheels.glob("ctxsentry-*.tar.gz")))
    return 0


def ctx(sdist: Path) -> None:
    import shutil
    import tarfile

    dest = HERE / "ctxsentry"
    shutil.rmtree(dest, ignore_errors=True)
    with tarfile.open(sdist) as t:
        for m in t.getmembers():
            parts = m.name.split("/", 1)
            if not m.isfile() or len(parts) < 2 or not (parts[1].startswith("benchmark/") or parts[1] == "LICENSE"):
                continue
            target = dest / parts[1].removeprefix("benchmark/")
            target.parent.mkdir(parents=True, exist_ok=True)
            f = t.extractfile(m)
            if f is not None:
                target.write_bytes(f.read())
    print(f"ctxsentry benchmark copied to {dest}")


if __name__ == "__main__":
    sys.exit(main())
