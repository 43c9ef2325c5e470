"""The corpora the timing and verdict benches decide, each case decided the way its scoring script decides it.

``cases(paths)`` turns JSONL files (or globs) into ``Case`` objects whose ``decide()`` returns the Decision:
  eval/outside/*.jsonl     decide_event_full, HOME=/home/dev, CLAUDE_PROJECT_DIR=/home/dev/project, no project file read
  eval/code/*.jsonl        adapter -> policy -> engine, the case's ``files`` served as the project's files
  eval/sessions/*.jsonl    decide_event_full, the recorded home and cwd, no project file read
  anything else            decide_event with HOME=/home/ana, USER=ana and the real file system (the shared corpus)
With ``local=True`` every case goes through decide_event with the real file system instead (symlinks resolved, project
files read from disk), as the hook decides.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "corpus" / "actions.jsonl"
if not SHARED.exists():  # a worktree outside /work/wt: the shared folder is /work/shared
    SHARED = Path("/work/shared/corpus/actions.jsonl")
ALL = [
    str(SHARED),
    "eval/outside/*.jsonl",
    "eval/code/*.jsonl",
    "eval/sessions/public.jsonl",
    "eval/sessions/cline.jsonl",
    "eval/sessions/prompt2repo.jsonl",
    "eval/sessions/convlog.jsonl",
    "eval/sessions/console.jsonl",
]

OUTSIDE_ENV = {"HOME": "/home/dev", "CLAUDE_PROJECT_DIR": "/home/dev/project", "PATH": "/usr/bin:/bin"}
SHARED_ENV = {"HOME": "/home/ana", "USER": "ana"}
SESSION_META = ("id", "label", "category", "split", "source", "home", "why")


class Case:
    __slots__ = ("corpus", "key", "what", "decide")

    def __init__(self, corpus: str, key: str, what: str, decide: Callable[[], Any]) -> None:
        self.corpus = corpus
        self.key = key
        self.what = what
        self.decide = decide


def expand(patterns: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in patterns:
        hits = sorted(glob.glob(p if os.path.isabs(p) else str(ROOT / p)))
        if not hits:
            raise SystemExit(f"no corpus file matches {p}")
        out += [Path(h) for h in hits if h.endswith(".jsonl")]
    return out


def kind_of(path: Path) -> str:
    parts = path.resolve().parts
    if "eval" in parts:
        sub = parts[parts.index("eval") + 1] if parts.index("eval") + 1 < len(parts) else ""
        if sub in ("outside", "code", "sessions"):
            return sub
    return "shared"


def _outside(c: dict[str, Any], local: bool) -> Callable[[], Any]:
    from clearance.api import decide_event_full

    ev = {"hook_event_name": "PreToolUse", "session_id": "outside-eval", "tool_name": c["tool_name"], "tool_input": c["tool_input"], "cwd": c["cwd"]}
    return lambda: decide_event_full(ev, dict(OUTSIDE_ENV), local_files=local)[0]


def _code(c: dict[str, Any], local: bool) -> Callable[[], Any]:
    from clearance.adapters.claude import parse_event
    from clearance.api import decide_event_full, malformed
    from clearance.engine import evaluate
    from clearance.policy import load_policy

    ev = {"hook_event_name": "PreToolUse", "session_id": "code-eval", "tool_name": c["tool_name"], "tool_input": c["tool_input"], "cwd": c["cwd"]}
    files: dict[str, str] = c.get("files", {})
    if local:
        return lambda: decide_event_full(ev, dict(OUTSIDE_ENV))[0]

    def run() -> Any:
        try:
            action, ctx = parse_event(ev, dict(OUTSIDE_ENV))
        except Exception as e:
            return malformed(str(e))
        ctx.read_file = lambda p: files.get(os.path.normpath(p))
        ctx.realpath = None
        return evaluate(action, ctx, load_policy(ctx.project_root, dict(OUTSIDE_ENV)))

    return run


def _session(c: dict[str, Any], local: bool) -> Callable[[], Any]:
    from clearance.api import decide_event_full

    ev = {k: v for k, v in c.items() if k not in SESSION_META}
    env = {"HOME": str(c.get("home") or "/home/user"), "CLAUDE_PROJECT_DIR": str(c.get("cwd") or "")}
    return lambda: decide_event_full(ev, dict(env), local_files=local)[0]


def _shared(c: dict[str, Any], local: bool) -> Callable[[], Any]:
    from clearance.api import decide_event

    return lambda: decide_event(c, dict(SHARED_ENV))


MAKERS = {"outside": _outside, "code": _code, "sessions": _session, "shared": _shared}


def cases(patterns: list[str], local: bool = False) -> list[Case]:
    out: list[Case] = []
    for path in expand(patterns):
        kind = kind_of(path)
        name = path.stem if kind == "shared" else f"{kind}/{path.stem}"
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            c = json.loads(line)
            if "tool_name" not in c:
                continue  # a side file's record (eval/sessions/user_turns.jsonl), not an event
            what = json.dumps(c.get("tool_input"))[:80]
            out.append(Case(name, f"{name}:{c.get('id', i)}:{i}", what, MAKERS[kind](c, local)))
    return out
