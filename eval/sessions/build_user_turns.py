#!/usr/bin/env python3
"""Build eval/sessions/user_turns.jsonl: the human messages of each session of public.jsonl, placed among its calls.

One line per session that has any: ``{"session_id", "source", "turns": [{"before": K, "text": ...}]}`` where K is the
number of the session's calls (in public.jsonl order) that came before the message, so that call number N of a
session (0-based, in file order) was preceded by the turns with ``before <= N``.  public.jsonl is read, not changed:
ids and splits stay as they are.  The source file of each session is read again from the snapshots (``--mirror``).

Only text a person typed is kept:

- Claude Code transcripts (``type: user`` entries): string content or ``text`` items; not ``tool_result`` items, not
  ``isMeta`` entries, not harness text (``<command-…>``, ``<local-command-…>``, ``<system-reminder>``, "Caveat: …",
  "[Request interrupted …", the summary of a continued session);
- cctrace Markdown exports (``### 👤 User`` sections): the same, and not sections holding a ``**Tool Result:**``;
- in both, not the message right after a slash command's ``<command-name>`` tags: that is the command file's body
  (``.claude/commands/*.md``) which the harness expands, not what the person typed -- and a file an agent can write;
- SpecStory/Cursor exports: the ``_**User**_`` segments;
- mini-swe-agent trajectories: the task statement (the first ``user`` message's ``<pr_description>``; the
  harness's instructions around it are not the user's words);
- Automaker logs: none (the log holds the agent's run only).

Credentials a person pasted are replaced by X's of the same length (build_automaker.redact_str, build_public._TOKEN).

    python eval/sessions/build_user_turns.py > eval/sessions/user_turns.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

_HARNESS = re.compile(
    r"^\s*(<command-|<local-command-|<system-reminder>|<bash-|Caveat: |\[Request interrupted|This session is being "
    r"continued|<user-prompt-submit-hook>|<task-notification>)"
)
_MD_SECTION = re.compile(r"### 👤 User\n(.*?)(?=\n---\n|\Z)", re.S)
_SS_SEP = re.compile(r"\n---\n")
_PR = re.compile(r"<pr_description>\s*(.*?)\s*</pr_description>", re.S)


def _git(gitdir: str, *args: str) -> str:
    return subprocess.run(["git", "-C", gitdir, *args], capture_output=True, text=True, check=True).stdout


def human(text: str) -> bool:
    t = text.strip()
    return bool(t) and not _HARNESS.match(t) and "**Tool Result" not in t


def _place(offsets: list[int], msgs: list[tuple[int, str]]) -> list[dict[str, object]]:
    """Turns with ``before`` = how many call offsets lie before the message's offset."""
    out = []
    for off, text in msgs:
        out.append({"before": sum(1 for o in offsets if 0 <= o < off), "text": text.strip()})
    return out


def transcript_turns(text: str, ids: list[str]) -> list[dict[str, object]]:
    msgs: list[tuple[int, str]] = []
    pos = 0
    after_slash = False
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(rec, dict) or rec.get("type") != "user" or rec.get("isSidechain") or rec.get("isMeta"):
            continue
        if rec.get("isCompactSummary") or rec.get("toolUseResult") is not None:
            continue
        if after_slash:  # the entry after a slash command's tags is the command file's body, expanded by the harness
            after_slash = False
            continue
        content = (rec.get("message") or {}).get("content")
        parts = [content] if isinstance(content, str) else [str(c.get("text") or "") for c in content or [] if isinstance(c, dict) and c.get("type") == "text"]
        for p in parts:
            if human(p):
                msgs.append((start, p))
            after_slash = after_slash or _SLASH.match(p) is not None
    return _place([text.find(f'"{i}"') for i in ids], msgs)


_SLASH = re.compile(r"^\s*<command-(message|name)>")


def markdown_turns(text: str, ids: list[str]) -> list[dict[str, object]]:
    msgs: list[tuple[int, str]] = []
    after_slash = False
    for m in _MD_SECTION.finditer(text):
        body = m.group(1)
        # the section after a slash command's tags is the command file's body, expanded by the harness
        if human(body) and not after_slash:
            msgs.append((m.start(), body))
        after_slash = _SLASH.match(body) is not None
    return _place([text.find(f"(ID: {i})") for i in ids], msgs)


def specstory_turns(text: str, workspace: str, home: str) -> list[dict[str, object]]:
    import build_specstory

    msgs: list[tuple[int, str]] = []
    offsets: list[int] = []
    pos = 0
    for seg in _SS_SEP.split(text):
        s = seg.strip()
        if s.startswith("_**User**_"):
            body = s[len("_**User**_") :]
            if human(body):
                msgs.append((pos, body))
        else:
            # count the calls this segment yields exactly as the builder does (ids are by index)
            n = len(build_specstory.calls(seg, workspace, home))
            offsets += [pos] * n
        pos += len(seg) + 5
    return _place(offsets, msgs)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--calls", default=str(Path(__file__).resolve().parent / "public.jsonl"))
    a = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import build_automaker
    import build_specstory
    from build_public import _TOKEN

    sessions: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in Path(a.calls).read_text(encoding="utf-8").splitlines():
        ev = json.loads(line)
        sessions[str(ev["session_id"])].append(ev)
    ss_sources = {repo: (ws, home) for repo, _lic, ws, home in build_specstory.SOURCES}
    for sid, evs in sessions.items():
        src = evs[0]["source"]
        assert isinstance(src, dict)
        gitdir = f"{a.mirror}/{str(src['repo']).replace('/', '+')}/repo"
        fmt, path = src.get("format"), str(src["path"])
        if fmt == "automaker" or path.endswith("agent-output.md"):
            continue
        text = _git(gitdir, "show", f"{src['commit']}:{path}")
        ids = [str(e["id"]) for e in evs]
        if fmt == "mini-swe-agent":
            msgs = json.loads(text).get("messages") or []
            first = next((str(m.get("content") or "") for m in msgs if m.get("role") == "user"), "")
            m = _PR.search(first)
            turns = [{"before": 0, "text": m.group(1)}] if m else []
        elif fmt == "specstory-cursor":
            ws, home = ss_sources[str(src["repo"])]
            turns = specstory_turns(text, ws, home)
        elif path.endswith(".jsonl"):
            turns = transcript_turns(text, ids)
        else:
            turns = markdown_turns(text, ids)
        for t in turns:  # a credential a person pasted is replaced by X's, as in public.jsonl
            t["text"] = _TOKEN.sub(lambda m: m.group(1) + "X" * len(m.group(2)), build_automaker.redact_str(str(t["text"])))
        if turns:
            print(json.dumps({"session_id": sid, "source": src, "calls": len(ids), "turns": turns}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
