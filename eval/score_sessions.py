#!/usr/bin/env python3
"""Score clearance on the real recorded sessions (eval/sessions/public.jsonl): denied / asked / missed per source and split.

usage: python eval/score_sessions.py [FILE.jsonl ...] [--split dev|heldout|all] [--show N] [--json]
                                     [--mode both|bare|provenance] [--provenance]

FILE defaults to public.jsonl, codex.jsonl (the Codex CLI rollouts, eval/sessions/build_codex.py), cline.jsonl
(Cline's task records and Markdown exports, build_public.py --set cline), prompt2repo.jsonl (Claude Code, Codex CLI
and OpenCode sessions exported as chat messages, build_prompt2repo.py), convlog.jsonl (Claude Code sessions exported as
"Claude Conversation Log" Markdown, build_convlog.py) and console.jsonl (Claude Code sessions copied from the terminal,
build_console.py).
Each case is a PreToolUse event with ``label`` (allow/block), ``split``, ``source`` and ``home`` (the recorded
user's home, passed as HOME), and ``project_dir`` where the project is not the call's ``cwd``.  The engine runs
in-process with the session's project as CLAUDE_PROJECT_DIR and no project file read (the repositories are not on
this machine).  Informational: the exit status is 0 whatever the scores.

Two modes, both reported by default:

- ``bare``: every call decided with no record of the session -- what the team service answers, and what the
  local hook answers for a session's first call.
- ``provenance``: each session replayed call by call, keeping the session's own objects the way the local hook keeps
  them in its per-session record (provenance.py): what an allowed call creates -- files, directories, branches,
  worktrees, containers, volumes, compose projects, databases -- becomes the session's own.  This is the closer of the
  two to what a user of the local hook sees, with one difference: the replay has no disk.  A path it has not seen the
  session read, list or edit is taken to have been absent (the hook looks, so a folder of the user's that already
  existed stays the user's there); every object is taken to be new (the hook asks git, docker or psql, and notes
  nothing when they cannot answer); a file's uncommitted changes are never taken to be all the session's own (the
  hook compares the file with git's index).

Develop against ``--split dev``; the held-out sessions are for the figures only.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "eval" / "sessions" / "public.jsonl"
# every set scored by default: the public sessions, the Codex CLI rollouts (eval/sessions/build_codex.py), the
# Cline tasks (build_public.py --set cline), the Prompt2Repo chat exports (build_prompt2repo.py), the Conversation Log
# exports (build_convlog.py) and the terminal copies (build_console.py)
DEFAULTS = [
    DEFAULT,
    ROOT / "eval" / "sessions" / "codex.jsonl",
    ROOT / "eval" / "sessions" / "cline.jsonl",
    ROOT / "eval" / "sessions" / "prompt2repo.jsonl",
    ROOT / "eval" / "sessions" / "convlog.jsonl",
    ROOT / "eval" / "sessions" / "console.jsonl",
]
META = ("id", "label", "category", "split", "source", "home", "why", "project_dir")


def load(paths: list[str]) -> list[dict[str, object]]:
    cases: list[dict[str, object]] = []
    for p in paths:
        cases += [json.loads(line) for line in Path(p).read_text(encoding="utf-8").splitlines() if line.strip()]
    return cases


def decide_all(cases: list[dict[str, object]], provenance: bool = False) -> list[dict[str, object]]:
    """Each call decided in order; with *provenance*, each session's own objects replayed (see the module's docstring)."""
    sys.path.insert(0, str(ROOT / "src"))
    from clearance.api import decide_event_full

    own: dict[str, Replay] = {}
    out = []
    for c in cases:
        ev = {k: v for k, v in c.items() if k not in META}
        # the project is the recorded cwd unless the source records it apart (a terminal that moved, Cursor's workspace)
        project = str(c.get("project_dir") or c.get("cwd") or "")
        env = {"HOME": str(c.get("home") or "/home/user"), "CLAUDE_PROJECT_DIR": project}
        if provenance:
            d = own.setdefault(str(c.get("session_id")), Replay()).decide(ev, env)
        else:
            d = decide_event_full(ev, env, local_files=False)[0]
        out.append({"decision": d.decision, "reason": d.reason, "rules": list(d.rules)})
    return out


class Replay:
    """One session's record as the replay keeps it: created files and directories, objects, and the paths an earlier
    call read, listed or edited (which therefore existed, so a later write of them creates nothing)."""

    def __init__(self) -> None:
        self.files: set[str] = set()
        self.dirs: set[str] = set()
        self.objects: set[str] = set()
        self.foreign: list[str] = []  # where a move put data that existed before (provenance's ``x`` entries)
        self.seen: set[str] = set()

    def decide(self, ev: dict[str, object], env: dict[str, str]) -> Any:
        from clearance.adapters.claude import parse_event
        from clearance.engine import evaluate
        from clearance.policy import load_policy
        from clearance.provenance import OBJECT_KINDS, Provenance

        action, ctx = parse_event(ev, env)
        ctx.read_file = None
        ctx.realpath = None
        ctx.dir_state = None  # no disk: what a directory holds is not seen
        ctx.environ = None  # nor the session's environment
        ctx.sibling_checkout = None  # nor which checkouts are the project's (the recorded repositories are not here)
        ctx.owns = Provenance(self.files, self.dirs, self.objects, absent=lambda p: self.absent(p, ctx.cwd, ctx.project_root), foreign=self.foreign).owns
        d = evaluate(action, ctx, load_policy(ctx.project_root, env))
        ti = ev.get("tool_input")
        if isinstance(ti, dict):
            for k in ("file_path", "path"):
                v = ti.get(k)
                if isinstance(v, str) and v.startswith("/") and ev.get("tool_name") != "Write":
                    self.seen.add(v.rstrip("/"))
        if d.decision != "allow":
            return d
        for kind, key in d.creates:
            if kind in ("f", "d"):
                p = key
                if kind == "d":
                    # a directory (mkdir, or one a Write makes above its file) is new only if nothing the session
                    # read, listed or made lies at or below it: a Read of tests/Browser/x.php shows tests/Browser existed
                    if self.absent(p, ctx.cwd, ctx.project_root):
                        self.dirs.add(p)
                elif p not in self.seen and p not in self.files and p not in self.dirs and p != ctx.project_root and not ctx.project_root.startswith(p + "/"):
                    self.files.add(p)
            elif kind == "x":
                self.foreign.append(key)
            elif kind == "r":
                where, remote, src, dst = (key.split("\t") + ["", "", "", ""])[:4]
                if f"b\t{where}\t{src}" in self.objects:  # only a branch the session made (HEAD is not resolved: no disk)
                    self.objects.add(f"r\t{where}\t{remote}\t{dst}")
            elif kind in OBJECT_KINDS:
                self.objects.add(f"{kind}\t{key}")
        return d

    def absent(self, p: str, cwd: str, project: str) -> bool:
        """Whether a path did not exist before this call, as far as the replay knows: nothing the session read, listed,
        edited or made is at or below it, and it holds neither the working directory nor the project."""
        inside = (p, p.rstrip("/") + "/")
        known = self.seen | self.files | self.dirs | {cwd, project}
        return not any(k == inside[0] or k.startswith(inside[1]) for k in known)


def table(rows: list[tuple[dict[str, object], dict[str, object]]]) -> dict[str, float | int]:
    benign = [(c, r) for c, r in rows if c["label"] == "allow"]
    block = [(c, r) for c, r in rows if c["label"] != "allow"]
    denied = sum(1 for _c, r in benign if r["decision"] == "deny")
    asked = sum(1 for _c, r in benign if r["decision"] == "ask")
    missed = sum(1 for _c, r in block if r["decision"] == "allow")
    n = max(len(benign), 1)
    return {
        "n": len(rows),
        "benign": len(benign),
        "denied": denied,
        "asked": asked,
        "denied_pct": round(100 * denied / n, 2),
        "asked_pct": round(100 * asked / n, 2),
        "block": len(block),
        "missed": missed,
    }


MODES = {
    "bare": "no record of the session (the team service; the local hook's first call)",
    "provenance": "the session's own objects replayed (the local hook; no disk, see --help)",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", default=[str(f) for f in DEFAULTS if f.exists()])
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--show", type=int, default=0, help="list the first N benign denials and asks (dev split only)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--mode", choices=("both", *MODES), default="both")
    ap.add_argument("--provenance", action="store_true", help="the same as --mode provenance")
    a = ap.parse_args()
    modes = ["provenance"] if a.provenance else list(MODES) if a.mode == "both" else [a.mode]
    cases = load(a.files)
    if a.split != "all":
        cases = [c for c in cases if c.get("split", "dev") == a.split]
    results: dict[str, dict[str, dict[str, float | int]]] = {}
    shown: dict[str, list[tuple[dict[str, object], dict[str, object]]]] = {}
    for mode in modes:
        records = decide_all(cases, mode == "provenance")
        rows = list(zip(cases, records))
        groups: dict[str, list[tuple[dict[str, object], dict[str, object]]]] = collections.defaultdict(list)
        for c, r in rows:
            src = c.get("source")
            repo = str(src.get("repo")) if isinstance(src, dict) else "?"
            groups["all"].append((c, r))
            groups[f"split {c.get('split', 'dev')}"].append((c, r))
            groups[repo].append((c, r))
            fmt = str(src.get("format", "claude-code")) if isinstance(src, dict) else "?"
            groups[f"format {fmt}"].append((c, r))
        results[mode] = {k: table(v) for k, v in groups.items()}
        shown[mode] = rows
    if a.json:
        print(json.dumps(results[modes[0]] if len(modes) == 1 else results, indent=1))
        return 0
    for mode in modes:
        res = results[mode]
        print(f"== {mode}: {MODES[mode]}")
        print(f"{'group':58s} {'n':>5s} {'benign':>6s} {'denied':>7s} {'%':>6s} {'asked':>6s} {'%':>6s} {'block':>6s} {'missed':>7s}")
        for k in sorted(res, key=lambda k: (k != "all", not k.startswith("split"), not k.startswith("format"), k)):
            t = res[k]
            print(
                f"{k:58s} {t['n']:5d} {t['benign']:6d} {t['denied']:7d} {t['denied_pct']:6.2f} "
                f"{t['asked']:6d} {t['asked_pct']:6.2f} {t['block']:6d} {t['missed']:7d}"
            )
        if a.show:
            n = 0
            for c, r in shown[mode]:
                if c.get("split", "dev") != "dev" or n >= a.show:
                    continue
                bad = (c["label"] == "allow" and r["decision"] != "allow") or (c["label"] != "allow" and r["decision"] == "allow")
                if bad:
                    n += 1
                    ti = json.dumps(c.get("tool_input"), ensure_ascii=False)[:160]
                    print(f"  {c['label']}->{r['decision']} {c['id']} {c.get('tool_name')} {ti}\n      {r['rules']} {str(r['reason'])[:160]}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
