#!/usr/bin/env python3
"""Cline's Markdown task exports (``cline_task_<date>.md``) committed to public repositories, as hook events.

usage: python eval/sessions/build_public.py --set cline > eval/sessions/cline.jsonl   (with build_cline_task.py)

Cline (the VS Code agent; Roo Code and its forks write the same shape) exports a task as Markdown: turns headed
``**User:**`` / ``**Assistant:**`` separated by ``---`` lines.  The assistant asks for a tool in XML inside its
text (``<execute_command><command>…</command></execute_command>``, ``<write_to_file><path>…</path><content>…
</content></write_to_file>``, ``<replace_in_file>`` with SEARCH/REPLACE blocks …) and the next user turn starts with
its result (``[execute_command for '…'] Result:``).  Cline runs one tool per assistant message, the first; a later
one in the same message never reaches the user or a hook, so only the first is taken.  The task's directory is named
in its first user turn (``# Current Working Directory (/home/…) Files``).  The export does not escape a file's text: a
task that read other exports holds their turns inside its own, so such an export is left out (one, in
chang-ren-bang/theme-park-simulator: it wrote a README from the others).

This module also holds the XML-to-event mapping that build_cline_task.py (the task JSON) uses.  Each call becomes the
PreToolUse event a Claude Code hook would get for the same act (clearance has no Cline adapter): ``execute_command``
→ ``Bash`` (a ``<cwd>`` parameter → ``tool_cwd``), ``read_file`` → ``Read``, ``write_to_file`` → ``Write``,
``replace_in_file`` / ``apply_diff`` → ``Edit`` (one block) or ``MultiEdit``, ``insert_content`` → ``Edit``,
``list_files`` / ``list_code_definition_names`` → ``LS``, ``search_files`` → ``Grep``, ``use_mcp_tool`` →
``mcp__<server>__<tool>``; paths relative to the task's directory are made absolute.  Left out: the conversation tools
(``ask_followup_question``, ``attempt_completion``, ``plan_mode_respond``, ``new_task`` …) and ``browser_action`` (a
browser the extension drives; no hook sees it).  File bodies are cut at a line end before 2,000 characters and
secrets redacted (build_automaker); commands are never cut.

Labels: HAND in session_label.py (by id) for the calls session_label.flag picks out, read one by one; the rest
``allow`` (the user steered every task).  ``split``: whole sessions, build_public.split_of.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import subprocess
from collections.abc import Callable

import build_automaker

# repo, licence (as the repository states it), home of the recorded user, at most this many calls
SOURCES: list[tuple[str, str, str, int]] = [
    ("chang-ren-bang/theme-park-simulator", "none stated", "/home/ben", 900),
]

TOOLS = (
    "execute_command",
    "read_file",
    "write_to_file",
    "replace_in_file",
    "apply_diff",
    "insert_content",
    "search_and_replace",
    "list_files",
    "list_code_definition_names",
    "search_files",
    "use_mcp_tool",
    "browser_action",
    "access_mcp_resource",
    "ask_followup_question",
    "attempt_completion",
    "plan_mode_respond",
    "plan_mode_response",
    "new_task",
    "switch_mode",
    "update_todo_list",
    "fetch_instructions",
    "load_mcp_documentation",
    "condense",
    "new_rule",
    "report_bug",
    "web_fetch",
)
# tools no hook sees: the conversation itself, and the browser the extension drives
UNSEEN = frozenset(TOOLS) - {
    "execute_command",
    "read_file",
    "write_to_file",
    "replace_in_file",
    "apply_diff",
    "insert_content",
    "search_and_replace",
    "list_files",
    "list_code_definition_names",
    "search_files",
    "use_mcp_tool",
    "web_fetch",
}
_OPEN = re.compile(r"<(" + "|".join(TOOLS) + r")>")
_READS_EXPORT = re.compile(r"\[read_file for '[^']*cline_task_")
_CWD = re.compile(r"# Current (?:Working|Workspace) Directory \(([^)\n]+)\)")
# SEARCH/REPLACE blocks: Cline 2024 and Roo (``<<<<<<< SEARCH`` … ``>>>>>>> REPLACE``), Cline 2026 (``------- SEARCH`` …
# ``+++++++ REPLACE``)
_SR = re.compile(r"(?:<<<<<<<|-------) SEARCH[^\n]*\n(.*?)\n?=======\n(.*?)\n?(?:>>>>>>>|\+\+\+\+\+\+\+) REPLACE", re.S)
_ROO_META = re.compile(r"\A(?::start_line:\s*\d+\s*\n)?(?::end_line:\s*\d+\s*\n)?(?:-------\s*\n)?")


def _param(body: str, name: str, greedy: bool = False) -> str | None:
    start = body.find(f"<{name}>")
    if start < 0:
        return None
    start += len(name) + 2
    end = body.rfind(f"</{name}>") if greedy else body.find(f"</{name}>", start)
    if end < start:
        return None
    v = body[start:end]
    return v[1:] if v.startswith("\n") else v


def first_call(text: str) -> tuple[str, str] | None:
    """The first tool call in an assistant message's text, outside <thinking>: (tool, the XML body)."""
    text = re.sub(r"<thinking>.*?</thinking>", "", text, flags=re.S)
    m = _OPEN.search(text)
    if not m:
        return None
    tool = m.group(1)
    end = text.rfind(f"</{tool}>")
    if end < m.end():
        return None  # cut off: Cline would not run it
    return tool, text[m.end() : end]


def _abs(path: str, cwd: str) -> str:
    path = path.strip()
    return posixpath.normpath(path if path.startswith("/") else posixpath.join(cwd, path))


def _edits(diff: str) -> list[dict[str, str]]:
    out = []
    for m in _SR.finditer(diff):
        old = _ROO_META.sub("", m.group(1))
        out.append({"old_string": old, "new_string": m.group(2)})
    return out


def events_of(tool: str, params: dict[str, object], cwd: str) -> list[tuple[str, dict[str, object]]]:
    """The hook events (tool name, tool_input) for one Cline call; [] when no hook sees it or it cannot be read."""

    def p(name: str) -> str:
        v = params.get(name)
        return v if isinstance(v, str) else ""

    if tool in UNSEEN:
        return []
    if tool == "execute_command":
        cmd = p("command").strip()
        if not cmd:
            return []
        ti: dict[str, object] = {"command": cmd}
        if p("cwd").strip():
            ti["tool_cwd"] = _abs(p("cwd"), cwd)
        return [("Bash", ti)]
    if tool == "read_file":
        files = params.get("files")
        if isinstance(files, list) and files:
            return [("Read", {"file_path": _abs(f, cwd)}) for f in files if isinstance(f, str) and f.strip()]
        return [("Read", {"file_path": _abs(p("path"), cwd)})] if p("path").strip() else []
    raw = p("path") or p("absolutePath")  # Cline 2026 names the file by absolutePath
    path = _abs(raw, cwd) if raw.strip() else ""
    if tool == "write_to_file" and path:
        return [("Write", {"file_path": path, "content": p("content")})]
    if tool in ("replace_in_file", "apply_diff") and path:
        edits = _edits(p("diff"))
        if not edits:
            return []
        if len(edits) == 1:
            return [("Edit", {"file_path": path, **edits[0]})]
        return [("MultiEdit", {"file_path": path, "edits": edits})]
    if tool == "insert_content" and path:
        return [("Edit", {"file_path": path, "old_string": "", "new_string": p("content")})]
    if tool == "search_and_replace" and path:
        return [("Edit", {"file_path": path, "old_string": p("search"), "new_string": p("replace")})]
    if tool in ("list_files", "list_code_definition_names"):
        return [("LS", {"path": path or cwd})]
    if tool == "search_files":
        ti = {"pattern": p("regex"), "path": path or cwd}
        if p("file_pattern").strip():
            ti["glob"] = p("file_pattern").strip()
        return [("Grep", ti)]
    if tool == "use_mcp_tool" and p("server_name").strip() and p("tool_name").strip():
        try:
            args = json.loads(p("arguments") or "{}")
        except ValueError:
            args = {"arguments": p("arguments")}
        return [(f"mcp__{p('server_name').strip()}__{p('tool_name').strip()}", args if isinstance(args, dict) else {"arguments": args})]
    if tool == "web_fetch" and p("url").strip():
        return [("WebFetch", {"url": p("url").strip(), "prompt": ""})]
    return []


def params_of(tool: str, body: str) -> dict[str, object]:
    """The parameters of an XML tool call (the file bodies and diffs up to their last closing tag)."""
    out: dict[str, object] = {}
    for name in ("command", "cwd", "path", "regex", "file_pattern", "server_name", "tool_name", "url", "search", "replace"):
        v = _param(body, name)
        if v is not None:
            out[name] = v
    for name in ("content", "diff", "arguments"):
        v = _param(body, name, greedy=True)
        if v is not None:
            out[name] = v
    if tool == "read_file" and "<args>" in body:
        out["files"] = re.findall(r"<file>\s*<path>(.*?)</path>", body, re.S)
    return out


def clean(ti: dict[str, object]) -> dict[str, object]:
    return build_automaker._clean(ti)  # type: ignore[return-value]


def git(gitdir: str, *args: str) -> str:
    return subprocess.run(["git", "-C", gitdir, *args], capture_output=True, text=True, check=True).stdout


def turns(text: str) -> list[tuple[str, str]]:
    """(role, text) of each turn of an export."""
    parts = re.split(r"\n---\n\n\*\*(User|Assistant):\*\*\n", "\n---\n\n" + text.lstrip("\ufeff"))
    return [(parts[i].lower(), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


def make_event(
    prefix: str,
    session: str,
    key: str,
    tool: str,
    ti: dict[str, object],
    cwd: str,
    home: str,
    src: dict[str, str],
    split_of: Callable[[str], str],
    hand: dict[str, tuple[str, str]],
) -> dict[str, object]:
    """One PreToolUse event with its id (stable: a hash of the session and the call's place in it), label and split."""
    eid = prefix + hashlib.sha256(f"{session}\0{key}".encode()).hexdigest()[:20]
    ti = clean(ti)
    tool_cwd = ti.pop("tool_cwd", None)
    label, why = hand.get(eid, ("allow", ""))
    ev: dict[str, object] = {
        "id": eid,
        "label": label,
        "category": f"session-{tool.lower()}",
        "split": split_of(session),
        "source": src,
        "home": home,
        "hook_event_name": "PreToolUse",
        "session_id": session,
        "cwd": cwd,
        "permission_mode": "default",
        "tool_name": tool,
        "tool_input": ti,
    }
    if isinstance(tool_cwd, str) and tool_cwd != cwd:
        ev["tool_cwd"] = tool_cwd
    if why:
        ev["why"] = why
    return ev


def cap_sessions(sessions: list[tuple[str, list[dict[str, object]]]], cap: int) -> list[dict[str, object]]:
    """Whole sessions, in the order of a stable hash of their ids, while they fit in *cap* calls."""
    out: list[dict[str, object]] = []
    for _h, evs in sorted((hashlib.sha256(sid.encode()).hexdigest(), evs) for sid, evs in sessions):
        if len(out) + len(evs) <= cap:
            out += evs
    return out


def collect(mirror: str, split_of: Callable[[str], str], hand: dict[str, tuple[str, str]]) -> list[dict[str, object]]:
    events: list[dict[str, object]] = []
    for repo, licence, home, cap in SOURCES:
        gitdir = f"{mirror}/{repo.replace('/', '+')}/repo"
        best: dict[str, tuple[int, str, str]] = {}  # export file name -> (calls, commit, path): its fullest version
        log = git(gitdir, "log", "--all", "--format=C %H", "--name-only")
        commit = ""
        for line in log.splitlines():
            if line.startswith("C "):
                commit = line[2:]
                continue
            path = line.strip()
            if not re.search(r"(?:^|/)cline_task_[^/]*\.md$", path):
                continue
            try:
                text = git(gitdir, "show", f"{commit}:{path}")
            except subprocess.CalledProcessError:
                continue
            n = sum(1 for role, t in turns(text) if role == "assistant" and first_call(t))
            name = posixpath.basename(path)
            if name not in best or n > best[name][0]:
                best[name] = (n, commit, path)
        sessions = []
        for name, (_n, commit, path) in sorted(best.items()):
            text = git(gitdir, "show", f"{commit}:{path}")
            ts = turns(text)
            m = _CWD.search(text)
            if not ts or not m or _READS_EXPORT.search(text):
                continue  # an export that read other exports holds their turns, unescaped, inside its own: left out
            cwd = m.group(1).rstrip("/")
            session = f"cline-md:{repo}:{name}"
            src = {"repo": repo, "commit": commit, "path": path, "licence": licence, "format": "cline-md"}
            evs = []
            for i, (role, t) in enumerate(ts):
                got = first_call(t) if role == "assistant" else None
                if not got:
                    continue
                tool, body = got
                for j, (name2, ti) in enumerate(events_of(tool, params_of(tool, body), cwd)):
                    evs.append(make_event("cm-", session, f"{i}:{j}", name2, ti, cwd, home, src, split_of, hand))
            if evs:
                sessions.append((session, evs))
        events += cap_sessions(sessions, cap)
    return events
