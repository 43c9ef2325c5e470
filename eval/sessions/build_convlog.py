#!/usr/bin/env python3
"""Build eval/sessions/convlog.jsonl: Claude Code sessions saved as "Claude Conversation Log" Markdown.

usage: python eval/sessions/build_convlog.py [--mirror /work/.mirror] [--flagged] > eval/sessions/convlog.jsonl

A Claude Code transcript exporter (the claude-conversation-extractor layout) writes each session of
``~/.claude/projects/<project>/`` as Markdown: ``# Claude Conversation Log``, ``Session ID: <id>``, then turns headed
``## 👤 User`` / ``## 🤖 Claude``; every tool call of the assistant is written as ``🔧 Using tool: NAME`` followed by
``Input: {json}`` -- the tool input as Claude Code recorded it, pretty-printed.  Sub-agents' transcripts
(``agent-<id>``) are exported the same way, as sessions of their own.  Found with ``find_string`` on ``Using tool: Bash``
+ ``Input: {``, which led to one developer's repositories that commit every session under ``docs/convos/``
(macOS, Claude Code 2.1, 2026: a C compiler, a Lisp and a memory tester ported to PowerPC Mac OS X 10.4 machines the
sessions reach over ssh).  Only the calls (data) are taken.

Each call becomes the PreToolUse event Claude Code's hook receives: the tool name and input unchanged.  Left out:
calls no hook rule concerns (to-do lists, task lists, sub-agent launches, tool searches, wake-up timers, skills,
questions to the user; prompt2repo.SKIP).

``cwd``: the log does not record it.  Every session ran in the repository's checkout, ``/Users/cell/claude/<repo>``
(the absolute paths of its Read/Edit/Write calls); a Bash call that begins with ``cd DIR &&`` (or ``;``) moves the
session's shell, as Claude Code keeps the shell's directory between calls, and a move out of the project is undone
(Claude Code resets the shell to the project).  ``home`` ``/Users/cell``.  Of one session committed at several
commits the version with most calls is kept.  At most CAP calls per repository, as whole sessions in the order of a
stable hash of their ids.  File bodies cut at a line end before 2,000 characters and secrets replaced by X's of the
same length (build_prompt2repo.redact); commands are never cut.

Labels: session_label.flag picks out calls to read; those are labelled in HAND (by event id, with the reason), the
rest are ``allow`` (a person steered each session).  ``split``: whole sessions, build_public.split_of.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import posixpath
import re
import shlex
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_automaker
import session_label
from build_prompt2repo import SKIP, redact
from build_public import split_of

CAP = 900
# repo, licence (as the repository states it), project directory of its sessions
SOURCES: list[tuple[str, str, str]] = [
    ("cellularmitosis/tcc-darwin8-ppc", "none stated", "/Users/cell/claude/tcc-darwin8-ppc"),
    ("cellularmitosis/janet-darwin8-ppc", "MIT", "/Users/cell/claude/janet-darwin8-ppc"),
    ("cellularmitosis/memtestppc", "none stated", "/Users/cell/claude/memtestppc+"),
]
SKIP_MORE = frozenset({"ScheduleWakeup", "CronCreate", "CronDelete", "SendMessage"})
_TOOL = re.compile(r"^🔧 Using tool: (\S+)\nInput: ", re.M)
_SESSION = re.compile(r"^Session ID: (\S+)", re.M)
_CD = re.compile(r"^\s*cd\s+(\S+)\s*(?:&&|;|\n)")

# Labels of the flagged calls, by event id (see the module's docstring)
HAND: dict[str, tuple[str, str]] = {}


def _git(gitdir: str, *args: str) -> str:
    return subprocess.run(["git", "-C", gitdir, *args], capture_output=True, text=True).stdout


def parse(text: str) -> tuple[str, list[tuple[str, dict[str, object]]]]:
    """(session id, [(tool name, input)]) of one exported log."""
    m = _SESSION.search(text)
    dec = json.JSONDecoder()
    out: list[tuple[str, dict[str, object]]] = []
    for t in _TOOL.finditer(text):
        try:
            inp, _end = dec.raw_decode(text, t.end())
        except ValueError:
            continue
        if isinstance(inp, dict):
            out.append((t.group(1), inp))
    return (m.group(1) if m else ""), out


def next_cwd(cmd: str, cwd: str, project: str) -> str:
    """The shell's directory after *cmd*: a leading ``cd DIR &&`` moves it; Claude Code resets a move out of the project."""
    m = _CD.match(cmd)
    if not m:
        return cwd
    try:
        parts = shlex.split(m.group(1))
    except ValueError:
        return cwd
    if len(parts) != 1 or any(c in parts[0] for c in "$`*?"):
        return cwd
    d = parts[0]
    home = re.match(r"^(/Users/[^/]+|/home/[^/]+)", project)
    if d == "~" or d.startswith("~/"):
        d = (home.group(1) if home else "/root") + d[1:]
    d = posixpath.normpath(posixpath.join(cwd, d))
    return d if d == project or d.startswith(project + "/") else project


def events_of(
    session: str, calls: list[tuple[str, dict[str, object]]], project: str, src: dict[str, str], prefix: str, hand: dict[str, tuple[str, str]]
) -> list[dict[str, object]]:
    """The PreToolUse events of one session's calls, in order, with the shell's directory followed through ``cd``."""
    evs: list[dict[str, object]] = []
    cwd = project
    home = re.match(r"^(/Users/[^/]+|/home/[^/]+)", project)
    for i, (name, inp) in enumerate(calls):
        if name in SKIP or name in SKIP_MORE:
            continue
        eid = prefix + hashlib.sha256(f"{session}\0{i}".encode()).hexdigest()[:20]
        ti = redact(build_automaker._clean(dict(inp)))
        ev: dict[str, object] = {
            "id": eid,
            "hook_event_name": "PreToolUse",
            "session_id": session,
            "tool_name": name,
            "tool_input": ti,
            "cwd": cwd,
            "home": home.group(1) if home else "/root",
            "source": src,
            "split": split_of(session),
        }
        if cwd != project:
            ev["project_dir"] = project
        label, why = hand.get(eid, ("allow", ""))
        ev["label"] = label
        if label != "allow" or why:
            ev["why"] = why
        evs.append(ev)
        if name == "Bash" and isinstance(inp.get("command"), str):
            cwd = next_cwd(str(inp["command"]), cwd, project)
    return evs


def cap(sessions: list[tuple[str, list[dict[str, object]]]], limit: int) -> list[dict[str, object]]:
    """Whole sessions in the order of a stable hash of their ids, while they fit under *limit* calls."""
    kept: list[dict[str, object]] = []
    for _h, _sid, evs in sorted((hashlib.sha256(s.encode()).hexdigest(), s, e) for s, e in sessions):
        if len(kept) + len(evs) <= limit:
            kept += evs
    return kept


def collect(mirror: str) -> list[dict[str, object]]:
    events: list[dict[str, object]] = []
    for repo, licence, project in SOURCES:
        gitdir = f"{mirror}/{repo.replace('/', '+')}/repo"
        best: dict[str, tuple[int, str, str, list[tuple[str, dict[str, object]]]]] = {}
        commit = ""
        for line in _git(gitdir, "log", "--all", "--format=C %H", "--name-only", "--", "*.md").splitlines():
            if line.startswith("C "):
                commit = line[2:]
                continue
            path = line.strip()
            if not path.endswith(".md"):
                continue
            text = _git(gitdir, "show", f"{commit}:{path}")
            if not text.startswith("# Claude Conversation Log"):
                continue
            sid, cs = parse(text)
            if sid and cs and (sid not in best or len(cs) > best[sid][0]):
                best[sid] = (len(cs), commit, path, cs)
        sessions = []
        for sid, (_n, commit, path, cs) in best.items():
            src = {"repo": repo, "commit": commit, "path": path, "licence": licence, "format": "claude-convlog"}
            evs = events_of(f"convlog:{sid}", cs, project, src, "cl-", HAND)
            if evs:
                sessions.append((f"convlog:{sid}", evs))
        events += cap(sessions, CAP)
    return events


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--flagged", action="store_true", help="list the calls session_label.flag picks out (to label them in HAND)")
    a = ap.parse_args()
    events = collect(a.mirror)
    if a.flagged:
        for e in events:
            why = session_label.flag(e)
            if why:
                print(e["id"], e["split"], e["label"], why, json.dumps(e["tool_input"], ensure_ascii=False)[:300])
        return 0
    for e in events:
        print(json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
