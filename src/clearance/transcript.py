"""What the reviewer model sees of a session: the user's words and the agent's tool calls.

The agent's own prose and every tool output are dropped, so that a compromised
or prompt-injected agent cannot argue its case, and instructions planted in
web pages or files never reach the reviewer.  The view is trimmed from the
end to a token budget, always keeping the first user message (the task).
"""

from __future__ import annotations

import json

SYNTHETIC = ("[Request interrupted", "<command-name>", "<local-command-stdout>", "Caveat: The messages below")


class Entry:
    __slots__ = ("kind", "text")

    def __init__(self, kind: str, text: str) -> None:
        self.kind = kind  # "user" or "tool_call"
        self.text = text

    def __repr__(self) -> str:
        return f"Entry({self.kind}, {self.text[:40]!r})"


def _tokens(text: str) -> int:
    return len(text) // 4 + 1


def read_view(path: str, max_bytes: int = 20_000_000) -> list[Entry]:
    entries: list[Entry] = []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            data = f.read(max_bytes)
    except OSError:
        return entries
    for line in data.splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if not isinstance(row, dict) or row.get("isMeta"):
            continue
        msg = row.get("message")
        if not isinstance(msg, dict):
            continue
        content = msg.get("content")
        role = row.get("type") or msg.get("role")
        if role == "user":
            texts: list[str] = []
            if isinstance(content, str):
                texts.append(content)
            elif isinstance(content, list):
                # tool_result blocks are tool outputs: never shown to the reviewer
                texts.extend(str(b.get("text", "")) for b in content if isinstance(b, dict) and b.get("type") == "text")
            for t in texts:
                if t.strip() and not t.lstrip().startswith(SYNTHETIC):
                    entries.append(Entry("user", t.strip()))
        elif role == "assistant" and isinstance(content, list):
            for b in content:
                if isinstance(b, dict) and b.get("type") == "tool_use":
                    args = json.dumps(b.get("input", {}), ensure_ascii=False)
                    if len(args) > 2000:
                        args = args[:2000] + "…"
                    entries.append(Entry("tool_call", f"{b.get('name', '?')} {args}"))
    return entries


def trim(entries: list[Entry], budget_tokens: int = 6000) -> list[Entry]:
    """Keep the first user message and as many of the latest entries as fit in the budget."""
    if not entries:
        return []
    first_user = next((i for i, e in enumerate(entries) if e.kind == "user"), None)
    kept: list[Entry] = []
    used = 0
    if first_user is not None:
        first = entries[first_user]
        if _tokens(first.text) > budget_tokens // 2:
            first = Entry("user", first.text[: (budget_tokens // 2) * 4] + "…")
        used = _tokens(first.text)
    tail: list[Entry] = []
    for i in range(len(entries) - 1, -1, -1):
        if i == first_user:
            continue
        cost = _tokens(entries[i].text)
        if used + cost > budget_tokens:
            break
        tail.append(entries[i])
        used += cost
    tail.reverse()
    if first_user is not None:
        kept.append(first)
        if tail and entries.index(tail[0]) > first_user + 1:
            kept.append(Entry("note", "[earlier messages omitted]"))
    kept.extend(tail)
    return kept


def render(entries: list[Entry]) -> str:
    out = []
    for e in entries:
        if e.kind == "user":
            out.append(f"USER: {e.text}")
        elif e.kind == "tool_call":
            out.append(f"AGENT TOOL CALL: {e.text}")
        else:
            out.append(e.text)
    return "\n".join(out)


def user_messages(entries: list[Entry]) -> list[str]:
    return [e.text for e in entries if e.kind == "user"]


__all__ = ["Entry", "read_view", "render", "trim", "user_messages"]


def view_for(path: str, budget_tokens: int = 6000) -> tuple[str, list[Entry]]:
    entries = trim(read_view(path), budget_tokens) if path else []
    return render(entries), entries
