"""What the reviewer model sees of a session: the human's own words and the agent's tool calls.

The agent's own prose and every tool output are dropped, so that a compromised
or prompt-injected agent cannot argue its case, and instructions planted in
web pages or files never reach the reviewer.  The view is trimmed from the
end to a token budget, always keeping the first user message (the task).

Claude Code writes much more than the human's words as ``"type": "user"``
records.  A record is a *human turn* only when its structure says so:

- not ``isMeta`` (skill and slash-command expansions, hook feedback, caveats),
  not ``isSidechain`` (a sub-agent's prompt, written by the parent agent),
  not ``isCompactSummary`` / ``isVisibleInTranscriptOnly`` (the model's own
  summary of the conversation after compaction);
- no ``toolUseResult`` and no ``sourceToolUseID`` / ``sourceToolAssistantUUID``
  (the record carries a tool's output or a tool's follow-up);
- ``userType`` absent or ``"external"``;
- content a string, or blocks none of which is a ``tool_result`` (a record
  carrying a tool result is the harness talking, even with a text block beside it).

Inside a human turn, Claude Code wraps what it adds in lower-case tags whose
names have a ``-`` or ``_`` (``<system-reminder>``, ``<task-notification>``,
``<bash-stdout>``, ``<local-command-stdout>``, ``<teammate-message>``,
``<ide_opened_file>`` …).  Text that starts with such a tag is a harness
record; the only human words in one are a slash command's name and arguments
(``<command-name>``/``<command-args>``) and the command typed after ``!``
(``<bash-input>``).  Such elements inside human prose are cut out, from the
opening tag to the *last* closing tag of that name, so a reminder that quotes
a closing tag cannot end early and leave its tail looking like the user's words.
Losing a human sentence makes the reviewer more cautious; reading an agent's
sentence as the human's would not, so every doubt drops text.

Everything that reaches the prompt from the session is escaped by `quote` or
`safe_json`: one JSON string per entry, with line and paragraph separators,
format characters, control characters and ``<``/``>`` written as ``\\uXXXX``, so
no entry can start a line, close a section or pose as another role.
"""

from __future__ import annotations

import json
import re

SYNTHETIC = ("[Request interrupted", "Caveat: The messages below", "This session is being continued from a previous conversation")
_HUMAN_FLAGS_OFF = ("isMeta", "isSidechain", "isCompactSummary", "isVisibleInTranscriptOnly")
_TOOL_KEYS = ("toolUseResult", "tool_use_result", "sourceToolUseID", "sourceToolAssistantUUID")
# A harness tag: lower-case words joined by '-' or '_' (system-reminder, bash-stdout, ide_opened_file).
_TAG = re.compile(r"<([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)(?:\s[^<>]*)?>")


class Entry:
    __slots__ = ("kind", "text")

    def __init__(self, kind: str, text: str) -> None:
        self.kind = kind  # "user", "tool_call" or "note"
        self.text = text

    def __repr__(self) -> str:
        return f"Entry({self.kind}, {self.text[:40]!r})"


def _tokens(text: str) -> int:
    return len(text) // 4 + 1


# -- escaping ----------------------------------------------------------------------------

_SHORT = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\", '"': '\\"'}


def _u(ch: str) -> str:
    o = ord(ch)
    if o <= 0xFFFF:
        return f"\\u{o:04x}"
    o -= 0x10000
    return f"\\u{0xD800 + (o >> 10):04x}\\u{0xDC00 + (o & 0x3FF):04x}"


def _unsafe(ch: str) -> bool:
    """Characters a model may read as structure or that hide text: controls, separators, format and unassigned code points."""
    if ch in "<>":
        return True
    o = ord(ch)
    if 0x20 <= o < 0x7F:
        return False
    import unicodedata

    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn") or (cat == "Zs" and ch != " ")


def quote(text: str) -> str:
    """`text` as one JSON-style string literal that is safe inside the reviewer's prompt."""
    out = ['"']
    for ch in text:
        if ch in _SHORT:
            out.append(_SHORT[ch])
        elif _unsafe(ch):
            out.append(_u(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def safe_json(obj: object, limit: int = 0) -> str:
    """JSON of `obj` (cut to `limit` characters when given) with the same characters escaped as `quote`.

    ``<``, ``>`` and the unsafe characters can only occur inside JSON strings, so
    writing them as ``\\uXXXX`` keeps the JSON valid."""
    raw = json.dumps(obj, ensure_ascii=False)
    if limit and len(raw) > limit:
        raw = raw[:limit] + "…"
    return "".join(_u(ch) if _unsafe(ch) else ch for ch in raw)


# -- which words are the human's ---------------------------------------------------------


def _inner(text: str, name: str) -> str:
    """The text between the first ``<name …>`` and the ``</name>`` after it (string search: linear)."""
    start = 0
    while True:
        i = text.find("<" + name, start)
        if i < 0:
            return ""
        j = i + 1 + len(name)
        if j < len(text) and (text[j] == ">" or text[j].isspace()):
            close = text.find(">", j)
            if close < 0 or "<" in text[j:close]:
                return ""
            end = text.find("</" + name + ">", close + 1)
            return text[close + 1 : end].strip() if end >= 0 else ""
        start = j


def human_text(text: str) -> str | None:
    """The human's own words in the text of a human-turn record, or None when there are none."""
    s = text.strip()
    if not s or s.startswith(SYNTHETIC):
        return None
    m = _TAG.match(s)
    if m:
        name = m.group(1)
        if name in ("command-name", "command-message"):
            cmd = _inner(s, "command-name") or _inner(s, "command-message")
            args = _inner(s, "command-args")
            return f"(ran the command {cmd}{' ' + args if args else ''})" if cmd else None
        if name == "bash-input":
            cmd = _inner(s, "bash-input")
            return f"(ran in a shell: {cmd})" if cmd else None
        return None  # a harness record: notification, command output, reminder, peer message
    # Human prose with harness elements inside: cut each from its opening tag to the last closing tag of its name.
    parts: list[str] = []
    pos = 0
    while True:
        m = _TAG.search(s, pos)
        if not m:
            parts.append(s[pos:])
            break
        parts.append(s[pos : m.start()])
        close = s.rfind(f"</{m.group(1)}>", m.end())
        if close < 0:
            break  # unclosed: everything after the tag is dropped
        pos = close + len(m.group(1)) + 3
    out = "".join(parts).strip()
    return out or None


def _human_record(row: dict[str, object]) -> bool:
    if any(row.get(k) for k in _HUMAN_FLAGS_OFF) or any(k in row for k in _TOOL_KEYS):
        return False
    return row.get("userType") in (None, "external")


def _user_texts(row: dict[str, object], msg: dict[str, object]) -> list[str]:
    content = msg.get("content")
    if isinstance(content, str):
        return [content]
    if not isinstance(content, list):
        return []
    blocks = [b for b in content if isinstance(b, dict)]
    if any(b.get("type") == "tool_result" for b in blocks):
        return []  # a tool's output, whatever text rides with it
    return [str(b.get("text", "")) for b in blocks if b.get("type") == "text"]


# How much of a transcript is read: its last MAX_BYTES (issue 16, adv16b). The whole file up to 20 MB was read from
# its start and every line parsed: 1.5 s for a view of 20 MB of tool calls, and past 20 MB the newest turns -- the
# user's latest words -- went unseen. Now the end is read, and a line is parsed only where it can give the view an
# entry it keeps (below).
MAX_BYTES = 8_000_000
# Rows that are never a human turn, told without parsing them: a tool's output or follow-up (_TOOL_KEYS, a tool_result
# block) and the harness's meta records. Inside a JSON string these words are escaped (\"...\"), so only a key or a
# value of the row itself holds them; a human row with such a value somewhere is dropped, as every doubt drops text.
_NOT_HUMAN = re.compile(rb'"(?:toolUseResult|tool_use_result|sourceToolUseID|sourceToolAssistantUUID|tool_result)"|"isMeta": ?true')


def _tail(path: str, max_bytes: int) -> bytes | None:
    """The file's last *max_bytes* bytes from a line's start (its first partial line dropped), or None."""
    try:
        with open(path, "rb") as f:
            end = f.seek(0, 2)
            start = max(0, end - max_bytes)
            f.seek(start)
            data = f.read(max_bytes)
    except OSError:
        return None
    if start:
        cut = data.find(b"\n")
        data = data[cut + 1 :] if cut >= 0 else b""
    return data


# Of a transcript longer than the part read from its end, the part read from its start for the session's first human
# words (the task): adversarial round 15b found a view of the end alone, or of the start alone, judged without them.
HEAD_BYTES = 2_000_000


def _task(path: str, max_bytes: int) -> list[Entry]:
    """The first human row's words when the file is longer than *max_bytes* (so the tail read missed its start): read
    from the first min(HEAD_BYTES, max_bytes // 4) bytes, whole lines only; [] when the file is shorter or has none."""
    try:
        with open(path, "rb") as f:
            if f.seek(0, 2) <= max_bytes:
                return []
            f.seek(0)
            head = f.read(min(HEAD_BYTES, max_bytes // 4))
    except OSError:
        return []
    for line in head.split(b"\n")[:-1]:  # a line cut by the bound is dropped whole
        if b'"queued_command"' in line or _may_be_human(line):
            row = _row(line)
            first = [e for e in _row_entries(row) if e.kind == "user"] if row is not None else []
            if first:
                return first
    return []


def _may_be_human(line: bytes) -> bool:
    return b'"user"' in line and _NOT_HUMAN.search(line) is None


def _row(line: bytes) -> dict[str, object] | None:
    try:
        row = json.loads(line.decode("utf-8", "replace"))
    except ValueError:
        return None
    return row if isinstance(row, dict) else None


def _row_entries(row: dict[str, object]) -> list[Entry]:
    """The entries of one transcript row (the human's words, the agent's tool calls), in order."""
    entries: list[Entry] = []
    att = row.get("attachment")
    if row.get("type") == "attachment" and isinstance(att, dict):
        # A prompt the human typed while the agent was working (queued, then delivered).
        if att.get("type") == "queued_command" and att.get("commandMode") == "prompt" and _human_record(row) and isinstance(att.get("prompt"), str):
            t = human_text(str(att["prompt"]))
            if t:
                entries.append(Entry("user", t))
        return entries
    msg = row.get("message")
    if not isinstance(msg, dict):
        return entries
    role = row.get("type") or msg.get("role")
    if role == "user":
        if not _human_record(row):
            return entries
        for raw in _user_texts(row, msg):
            t = human_text(raw)
            if t:
                entries.append(Entry("user", t))
    elif role == "assistant" and not row.get("isMeta"):
        content = msg.get("content")
        if not isinstance(content, list):
            return entries
        for b in content:
            if isinstance(b, dict) and b.get("type") == "tool_use":
                entries.append(Entry("tool_call", f"{quote(str(b.get('name', '?')))} {safe_json(b.get('input', {}), 2000)}"))
    return entries


def read_view(path: str, max_bytes: int = MAX_BYTES, budget_tokens: int = 6000) -> list[Entry]:
    """The entries of the transcript's last *max_bytes*, for trim() with a budget up to *budget_tokens*.

    Read from the end, parsing only rows that may give an entry. trim() keeps the first user message, then the latest
    user messages, then the latest of everything, each newest first until one does not fit; what it chooses or passes
    over costs at least what is counted here (a user message at most what trim() counts for a first one cut short).
    So once the entries after a row cost more than the budget, its tool calls are never chosen: one "skipped_tool"
    entry stands for them (trim's second round stops there, the gap is marked). Once the user messages after it cost
    more too, nothing before is chosen but the first user message: a "skipped" entry stands for the rest, and the first
    human row is looked for from the start -- of the file, when the tail did not reach it (_task)."""
    data = _tail(path, max_bytes) if path else None
    if not data:
        return []
    lines = data.split(b"\n")
    newest_first: list[list[Entry]] = []
    spent = users = 0
    cap = budget_tokens // 2 + 1  # what trim() counts for the first user message at most
    stop = -1
    for at in range(len(lines) - 1, -1, -1):
        line = lines[at]
        tool = b'"tool_use"' in line
        if not (tool or b'"queued_command"' in line or _may_be_human(line)):
            continue
        if spent > budget_tokens and users > budget_tokens:
            stop = at
            break
        if tool and spent > budget_tokens:
            if not newest_first or newest_first[-1][0].kind != "skipped_tool":
                newest_first.append([Entry("skipped_tool", "")])
            continue
        row = _row(line)
        got = _row_entries(row) if row is not None else []
        if got:
            newest_first.append(got)
            for e in got:
                cost = min(_tokens(e.text), cap) if e.kind == "user" else _tokens(e.text)
                spent += cost
                users += cost if e.kind == "user" else 0
    out = [e for got in reversed(newest_first) for e in got]
    task = _task(path, max_bytes)
    if task:  # the tail did not reach the file's start: the session's task from its start, the gap marked
        return [*task, Entry("skipped", ""), *out]
    if stop < 0:
        return out
    for line in lines[: stop + 1]:
        if b'"queued_command"' in line or _may_be_human(line):
            row = _row(line)
            first = [e for e in _row_entries(row) if e.kind == "user"] if row is not None else []
            if first:
                return [*first, Entry("skipped", ""), *out]
    return [Entry("skipped", ""), *out]


def trim(entries: list[Entry], budget_tokens: int = 6000) -> list[Entry]:
    """Keep the first user message and as many of the latest entries as fit in the budget, the user's first.

    The human's words are chosen before the agent's tool calls: the latest user messages take the budget, newest
    first, and the tool calls fill what is left. Chosen together, newest first, a run of long tool calls (each input
    is the agent's, shown up to 2,000 characters) pushed the user's later words -- "not prod", "stop" -- out of the
    view, and the reviewer judged on the first message alone (adversarial round 12b)."""
    if not entries:
        return []
    first_user = next((i for i, e in enumerate(entries) if e.kind == "user"), None)
    used = 0
    first = None
    if first_user is not None:
        first = entries[first_user]
        if _tokens(first.text) > budget_tokens // 2:
            first = Entry("user", first.text[: (budget_tokens // 2) * 4] + "…")
        used = _tokens(first.text)
    chosen: set[int] = set()
    for kind in ("user", None):
        for i in range(len(entries) - 1, -1, -1):
            if i == first_user or i in chosen:
                continue
            if entries[i].kind == "skipped" or (kind is None and entries[i].kind == "skipped_tool"):
                break  # rows read_view did not parse: none of them fits (it read until the budget was spent)
            if kind is not None and entries[i].kind != kind:
                continue
            cost = _tokens(entries[i].text)
            if used + cost > budget_tokens:
                break
            chosen.add(i)
            used += cost
    kept: list[Entry] = []
    gap = False
    for i, e in enumerate(entries):
        if i == first_user and first is not None:
            kept.append(first)
        elif i in chosen:
            if gap:
                kept.append(Entry("note", "[earlier messages omitted]"))
                gap = False
            kept.append(e)
        elif first_user is not None and i > first_user:
            gap = True  # left out: the next entry kept says so
    return kept


def render(entries: list[Entry]) -> str:
    """One line per entry: ``USER: "<escaped>"``, ``AGENT TOOL CALL: "<name>" <escaped JSON>`` or a note in brackets."""
    out = []
    for e in entries:
        if e.kind == "user":
            out.append(f"USER: {quote(e.text)}")
        elif e.kind == "tool_call":
            out.append(f"AGENT TOOL CALL: {e.text}")  # escaped when read
        else:
            out.append(f"[{e.text.strip('[]')}]")
    return "\n".join(out)


def user_messages(entries: list[Entry]) -> list[str]:
    return [e.text for e in entries if e.kind == "user"]


__all__ = ["Entry", "human_text", "human_turn_since", "quote", "read_view", "render", "safe_json", "trim", "user_messages"]


def human_turn_since(path: str, since: float, max_bytes: int = MAX_BYTES) -> bool:
    """Whether the session's transcript holds a human turn (as read_view reads them) stamped after *since* (epoch
    seconds). False when the transcript is absent, unreadable or not in Claude Code's format: no sign the user spoke.
    Its last *max_bytes* are read, from the end; only the rows that may be human turns are parsed (issue 16, adv16b:
    every row after *since* was, 320 ms for 20 MB of tool calls)."""
    if not path:
        return False
    from datetime import datetime

    data = _tail(path, max_bytes)
    if not data:
        return False
    for line in reversed(data.split(b"\n")):
        if b'"timestamp"' not in line or not _may_be_human(line):
            continue
        row = _row(line)
        if row is None:
            continue
        try:
            when = datetime.fromisoformat(str(row.get("timestamp"))).timestamp()
        except (ValueError, AttributeError, TypeError):
            continue
        if when <= since:
            return False  # rows are in time order: nothing later is left to read
        msg = row.get("message")
        if row.get("type") != "user" or not isinstance(msg, dict) or not _human_record(row):
            continue
        if any(human_text(t) for t in _user_texts(row, msg)):
            return True
    return False


def view_for(path: str, budget_tokens: int = 6000) -> tuple[str, list[Entry]]:
    entries = trim(read_view(path, budget_tokens=budget_tokens), budget_tokens) if path else []
    return render(entries), entries
