"""Replaying Claude Code transcripts: what clearance would have done in past sessions.

A transcript is the JSONL file Claude Code keeps per session under
``~/.claude/projects/<project>/<session>.jsonl``: one object per line with
``type`` (``user``, ``assistant``, ...), ``message`` (``role`` and ``content``
blocks), ``cwd``, ``sessionId`` and ``timestamp``.  Assistant messages carry
``tool_use`` blocks (``id``, ``name``, ``input``); the following user message
carries the matching ``tool_result`` (``tool_use_id``, ``content``,
``is_error``).  When the person rejected a permission prompt, the result is an
error whose text starts with "The user doesn't want to proceed with this tool use".
"""

from __future__ import annotations

import json
import os

from .reports import PROMPTING_TOOLS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

REJECTION_MARKERS = ("The user doesn't want to proceed with this tool use", "The user doesn't want to take this action right now")


class ToolCall:
    __slots__ = ("id", "name", "input", "cwd", "session_id", "timestamp", "rejected", "file", "line")

    def __init__(self, id: str, name: str, input: dict[str, Any], cwd: str, session_id: str, timestamp: str, file: str, line: int) -> None:
        self.id = id
        self.name = name
        self.input = input
        self.cwd = cwd
        self.session_id = session_id
        self.timestamp = timestamp
        self.rejected = False
        self.file = file
        self.line = line


def _result_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(str(b.get("text", "")) for b in content if isinstance(b, dict))
    return ""


def read_transcript(path: str) -> tuple[list[ToolCall], list[str]]:
    """Tool calls in order, and problems with lines that could not be read."""
    calls: dict[str, ToolCall] = {}
    order: list[ToolCall] = []
    problems: list[str] = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                problems.append(f"{path}:{lineno}: not JSON")
                continue
            if not isinstance(row, dict):
                continue
            msg = row.get("message")
            if not isinstance(msg, dict) or not isinstance(msg.get("content"), list):
                continue
            for block in msg["content"]:
                if not isinstance(block, dict):
                    continue
                if block.get("type") == "tool_use" and row.get("type") == "assistant":
                    raw_input = block.get("input")
                    tool_input: dict[str, Any] = raw_input if isinstance(raw_input, dict) else {}
                    call = ToolCall(
                        str(block.get("id", "")),
                        str(block.get("name", "")),
                        tool_input,
                        str(row.get("cwd", "")),
                        str(row.get("sessionId", "")),
                        str(row.get("timestamp", "")),
                        path,
                        lineno,
                    )
                    calls[call.id] = call
                    order.append(call)
                elif block.get("type") == "tool_result":
                    answered = calls.get(str(block.get("tool_use_id", "")))
                    text = _result_text(block.get("content"))
                    if answered is not None and block.get("is_error") and text.startswith(REJECTION_MARKERS):
                        answered.rejected = True
    return order, problems


def expand_paths(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                out.extend(os.path.join(root, f) for f in sorted(files) if f.endswith(".jsonl"))
        else:
            out.append(p)
    return out


def replay(paths: list[str], env: Any = None) -> dict[str, Any]:
    from .api import decide_event

    files = expand_paths(paths)
    results: list[dict[str, Any]] = []
    problems: list[str] = []
    sessions: set[str] = set()
    for path in files:
        calls, probs = read_transcript(path)
        problems.extend(probs)
        for c in calls:
            sessions.add(c.session_id)
            event = {"hook_event_name": "PreToolUse", "tool_name": c.name, "tool_input": c.input, "cwd": c.cwd or os.getcwd(), "session_id": c.session_id}
            d = decide_event(event, env)
            results.append({"call": c, "decision": d.decision, "rules": d.rules, "reason": d.reason})
    counts = {k: sum(1 for r in results if r["decision"] == k) for k in ("allow", "deny", "ask")}
    spared = sum(1 for r in results if r["decision"] == "allow" and (r["call"].name in PROMPTING_TOOLS or r["call"].name.startswith("mcp__")))
    rejected = [r for r in results if r["call"].rejected]
    return {
        "files": len(files),
        "sessions": len(sessions),
        "calls": len(results),
        "counts": counts,
        "prompts_spared": spared,
        "denied": [r for r in results if r["decision"] == "deny"],
        "asked": [r for r in results if r["decision"] == "ask"],
        "rejected": rejected,
        "rejected_agree": sum(1 for r in rejected if r["decision"] != "allow"),
        "problems": problems,
    }


def _brief(call: ToolCall) -> str:
    for k in ("command", "file_path", "url", "query", "pattern"):
        v = call.input.get(k)
        if isinstance(v, str):
            v = v.replace("\n", "⏎")
            return v if len(v) <= 90 else v[:87] + "..."
    return json.dumps(call.input)[:90]


def summary_text(r: dict[str, Any]) -> str:
    c = r["counts"]
    n = r["calls"] or 1
    out = [
        f"{r['calls']} tool calls in {r['sessions']} session(s) from {r['files']} transcript file(s)",
        f"  allow {c['allow']:5d} ({100 * c['allow'] / n:.0f}%)   ask {c['ask']:5d} ({100 * c['ask'] / n:.0f}%)   deny {c['deny']:5d} ({100 * c['deny'] / n:.0f}%)",
        f"prompts a person would have been spared: {r['prompts_spared']} (calls of prompting tools that clearance allows)",
    ]
    if r["rejected"]:
        out.append(f"calls the person rejected: {len(r['rejected'])}; clearance would also have stopped {r['rejected_agree']} of them")
        for x in r["rejected"]:
            mark = "agrees" if x["decision"] != "allow" else "WOULD ALLOW"
            out.append(f"  [{mark}] {x['call'].name}: {_brief(x['call'])} -> {x['decision']}")
    if r["denied"]:
        out.append("calls clearance would have denied:")
        for x in r["denied"]:
            out.append(f"  {x['call'].name}: {_brief(x['call'])}")
            out.append(f"      {', '.join(x['rules'])}: {x['reason'][:140]}")
    if r["asked"]:
        out.append("calls clearance would have asked about:")
        for x in r["asked"][:20]:
            out.append(f"  {x['call'].name}: {_brief(x['call'])} ({', '.join(x['rules'])})")
    for p in r["problems"][:10]:
        out.append(f"warning: {p}")
    return "\n".join(out)


def summary_json(r: dict[str, Any]) -> dict[str, Any]:
    def row(x: dict[str, Any]) -> dict[str, Any]:
        c = x["call"]
        return {
            "tool_name": c.name,
            "tool_input": c.input,
            "session_id": c.session_id,
            "file": c.file,
            "line": c.line,
            "decision": x["decision"],
            "rules": x["rules"],
            "reason": x["reason"],
            "rejected_by_person": c.rejected,
        }

    return {
        "files": r["files"],
        "sessions": r["sessions"],
        "calls": r["calls"],
        "counts": r["counts"],
        "prompts_spared": r["prompts_spared"],
        "rejected": len(r["rejected"]),
        "rejected_agree": r["rejected_agree"],
        "denied": [row(x) for x in r["denied"]],
        "asked": [row(x) for x in r["asked"]],
        "problems": r["problems"],
    }
