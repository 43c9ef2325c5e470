#!/usr/bin/env python3
"""Cline's own task records (``tasks/<id>/api_conversation_history.json``) committed to public repositories, as hook events.

usage: python eval/sessions/build_public.py --set cline > eval/sessions/cline.jsonl   (with build_cline_md.py)

Cline keeps each task in its extension storage as ``api_conversation_history.json``: the messages sent to the model,
a list of ``{"role", "content"}`` with content blocks.  Older Cline (2024) asks for tools in XML inside the
assistant's ``text`` blocks (the same XML as its Markdown export, build_cline_md.py); newer Cline (2026) uses the
API's ``tool_use`` blocks with the same tool names and parameters.  Cline runs the first tool of an assistant message
only, so one call per message is taken; the XML is mapped to events by build_cline_md.events_of (the task's directory
from ``# Current Working Directory (…)`` in its first user message; paths made absolute).  The task id is the
directory name; of several committed versions of one task the one with the most calls is kept.  At most the
per-source cap of calls per repository, as whole tasks in the order of a stable hash.

Labels and split: as build_cline_md.py (session_label.HAND, build_public.split_of).
"""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
from collections.abc import Callable

from build_cline_md import _CWD, cap_sessions, events_of, first_call, git, make_event, params_of

# repo, licence (as the repository states it), home of the recorded user, at most this many calls.  thetom42 worked
# on macOS and in a dev container (/workspaces/…, the container's user not recorded: the devcontainer images'
# default vscode user is assumed); gmfstu in a GitHub Codespace (/home/codespace, named in its README).
SOURCES: list[tuple[str, str, str, int]] = [
    ("thetom42/stock-portfolio", "none stated", "", 900),
    ("gmfstu/Online-Card-Architecture", "none stated", "/home/codespace", 900),
]


def _home(cwd: str, default: str) -> str:
    m = re.match(r"^(/Users/[^/]+|/home/[^/]+)(/|$)", cwd)
    if m:
        return m.group(1)
    return default or ("/home/vscode" if cwd.startswith("/workspaces/") else "/home/user")


def calls(history: object) -> tuple[str, list[tuple[int, str, dict[str, object]]]]:
    """(the task's directory, [(message index, tool, params)]) of one api_conversation_history.json."""
    if not isinstance(history, list):
        return "", []
    cwd = ""
    out: list[tuple[int, str, dict[str, object]]] = []
    for i, msg in enumerate(history):
        if not isinstance(msg, dict):
            continue
        content = msg.get("content")
        blocks = [{"type": "text", "text": content}] if isinstance(content, str) else content if isinstance(content, list) else []
        if msg.get("role") == "user" and not cwd:
            for b in blocks:
                m = _CWD.search(str(b.get("text") or "")) if isinstance(b, dict) else None
                if m:
                    cwd = m.group(1).rstrip("/")
                    break
            continue
        if msg.get("role") != "assistant":
            continue
        for b in blocks:
            if not isinstance(b, dict):
                continue
            inp = b.get("input")
            if b.get("type") == "tool_use" and isinstance(inp, dict):
                params: dict[str, object] = dict(inp)
                args = params.get("args")
                if b.get("name") == "read_file" and isinstance(args, str):
                    params["files"] = re.findall(r"<path>(.*?)</path>", args, re.S)
                out.append((i, str(b.get("name")), params))
                break
            if b.get("type") == "text":
                got = first_call(str(b.get("text") or ""))
                if got:
                    out.append((i, got[0], params_of(*got)))
                    break
    return cwd, out


def collect(mirror: str, split_of: Callable[[str], str], hand: dict[str, tuple[str, str]]) -> list[dict[str, object]]:
    events: list[dict[str, object]] = []
    for repo, licence, home, cap in SOURCES:
        gitdir = f"{mirror}/{repo.replace('/', '+')}/repo"
        best: dict[str, tuple[int, str, str]] = {}  # task id -> (calls, commit, path)
        commit = ""
        for line in git(gitdir, "log", "--all", "--format=C %H", "--name-only").splitlines():
            if line.startswith("C "):
                commit = line[2:]
                continue
            path = line.strip()
            if not path.endswith("api_conversation_history.json"):
                continue
            try:
                hist = json.loads(git(gitdir, "show", f"{commit}:{path}"))
            except (subprocess.CalledProcessError, ValueError):
                continue
            m = re.search(r"(\d{13})", path)  # the task id (ms since the epoch), also in an exported copy's folder name
            task = m.group(1) if m else posixpath.dirname(path)
            n = len(calls(hist)[1])
            if task not in best or n > best[task][0]:
                best[task] = (n, commit, path)
        sessions = []
        for task, (_n, commit, path) in sorted(best.items()):
            cwd, cs = calls(json.loads(git(gitdir, "show", f"{commit}:{path}")))
            if not cwd.startswith("/"):
                continue  # no directory recorded, or a Windows one (the hook's path rules are POSIX)
            session = f"cline:{repo}:{task}"
            src = {"repo": repo, "commit": commit, "path": path, "licence": licence, "format": "cline-task"}
            evs = []
            for i, tool, params in cs:
                for j, (name, ti) in enumerate(events_of(tool, params, cwd)):
                    evs.append(make_event("ct-", session, f"{i}:{j}", name, ti, cwd, _home(cwd, home), src, split_of, hand))
            if evs:
                sessions.append((session, evs))
        events += cap_sessions(sessions, cap)
    return events
