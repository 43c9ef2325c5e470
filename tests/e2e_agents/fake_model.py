"""A scripted model on 127.0.0.1 that speaks the vendors' streaming APIs, for the real agent programs.

Each request is answered from a script: the first answer is the scripted tool call, any later one
(after the agent returned the tool's result) a short closing message.  Every request body is kept,
so the run can read what the agent sent back (for example the hook's denial text).

- OpenAI Responses (``POST .../responses``, server-sent events): Codex CLI, Copilot CLI (BYOK, offline).
- Anthropic Messages (``POST .../v1/messages``, ``stream: true`` or not): Claude Code.
- Gemini (``POST .../models/M:streamGenerateContent?alt=sse``): Gemini CLI.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Script:
    """What the model does: one tool call, described agent-neutrally."""

    def __init__(self, kind: str, repeat: int = 1, **args: Any) -> None:
        # "shell" (args: command), "write" (args: path, content), "tool" (args: name, arguments), "mcp" (args: tool,
        # arguments: the first offered tool whose name ends with `tool`, however the agent prefixes its MCP tools),
        # "patch" (args: patch: Codex's apply_patch envelope, sent as its freeform tool) or "parallel" (args:
        # calls=[{kind, ...}]: all of them in one model turn, as a model that calls tools in parallel does)
        self.kind = kind
        self.repeat = repeat  # the model calls the tool again after each result, this many times in all
        self.args = args


class FakeModel:
    def __init__(self) -> None:
        self.script: Script | None = None
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"model": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def reset(self, script: Script) -> None:
        with self.lock:
            self.script, self.requests = script, []

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# -- OpenAI Responses -------------------------------------------------------------------


def sub_agent(script: Script | None, prompts: list[str]) -> Script | None:
    """A sub-agent's own script: a "seq" script with sub={"marker": M, "calls": [...]} answers a conversation whose user
    messages (the prompt the main agent gave its sub-agent, never a tool result) contain M with those calls instead.
    sub may be a list of such entries: the one whose marker the latest marked message holds (a message the main agent
    sent the running sub-agent later, Copilot's write_agent, Codex's send_input); its calls follow the tool results the
    conversation already has."""
    sub = script.args.get("sub") if script is not None and script.kind == "seq" else None
    entries = sub if isinstance(sub, list) else [sub] if sub else []
    for p in reversed(prompts):
        found = next((e for e in entries if e["marker"] in p), None)
        if found is not None:
            return Script("seq", calls=found["calls"])
    return script


def current(script: Script | None, answered: int) -> Script | None:
    """The call to make now: a "seq" script makes its calls in order, one per model turn (args: calls=[{kind, ...}])."""
    if script is None or script.kind != "seq":
        return script
    calls = script.args["calls"]
    if answered >= len(calls):
        return None
    spec = dict(calls[answered])
    kind = spec.pop("kind")
    return Script(kind, answered + 1, **spec)


def tool_name(script: Script, names: list[str]) -> str:
    """A "tool" script's name; a list names alternatives (tools renamed between versions): the first the agent offers."""
    want = script.args["name"]
    if isinstance(want, str):
        return want
    return next((n for n in want if n in names), want[0])


def offered(names: list[str], suffix: str) -> str:
    """The agent's own name for an MCP tool (mcp__notes__x, notes__x, notes-x, x)."""
    for n in names:
        if n == suffix or n.endswith(("__" + suffix, "-" + suffix, "_" + suffix, "." + suffix)):
            return n
    return suffix


def _tool_names(tools: list[Any]) -> list[str]:
    out: list[str] = []
    for t in tools:
        if not isinstance(t, dict):
            continue
        if isinstance(t.get("name"), str):
            out.append(t["name"])
        for key in ("tools", "functionDeclarations", "function_declarations"):  # namespaces, Gemini declarations
            out += _tool_names(t.get(key) or [])
        if isinstance(t.get("function"), dict):
            out += _tool_names([t["function"]])
    return out


def parts(script: Script) -> list[Script]:
    """The calls of one model turn: each of a "parallel" script's calls, else the script itself."""
    if script.kind != "parallel":
        return [script]
    out = []
    for call in script.args["calls"]:
        spec = dict(call)
        out.append(Script(spec.pop("kind"), script.repeat, **spec))
    return out


def _session(body: dict[str, Any]) -> int:
    """The id of the process session Codex's exec_command left running ("$session" in a script's arguments), for write_stdin."""
    import re

    for item in reversed(body.get("input", [])):
        found = re.search(r"session ID (\d+)", str(item.get("output", ""))) if isinstance(item, dict) else None
        if found:
            return int(found.group(1))
    return 0


def _agent_id(body: dict[str, Any]) -> str:
    """The id of the sub-agent Codex's spawn_agent or Copilot's background task started ("$agents" in a script's
    arguments: a list, for wait_agent; "$agent": the id, for send_input, write_agent, read_agent)."""
    import re

    for item in reversed(body.get("input", [])):
        if isinstance(item, dict) and item.get("type") == "function_call_output":
            text = str(item.get("output"))
            try:
                found = json.loads(text)
            except ValueError:
                said = re.search(r"agent_id: ([\w-]+)", text)  # Copilot CLI: "Agent started in background with agent_id: ID."
                if said:
                    return said.group(1)
                continue
            if isinstance(found, dict) and isinstance(found.get("agent_id") or found.get("id"), str):
                return str(found.get("agent_id") or found.get("id"))
    return ""


def _filled(v: Any, body: dict[str, Any]) -> Any:
    return _session(body) if v == "$session" else [_agent_id(body)] if v == "$agents" else _agent_id(body) if v == "$agent" else v


def _responses_tool_call(body: dict[str, Any], script: Script, n: int) -> dict[str, Any]:
    tools = {t.get("name") for t in body.get("tools", []) if isinstance(t, dict)}
    if script.kind == "patch":  # Codex's apply_patch: a freeform (custom) tool whose input is the envelope itself
        return {
            "type": "custom_tool_call",
            "id": f"ctc_{n}",
            "call_id": f"call_{n}",
            "name": "apply_patch",
            "input": script.args["patch"],
            "status": "completed",
        }
    if script.kind == "item":  # an output item as given (Codex's tool_search_call, ...), with this turn's ids
        return {"id": f"ts_{n}", "call_id": f"call_{n}", "status": "completed", **script.args["item"]}
    if script.kind == "mcp":
        call = {"type": "function_call", "id": f"fc_{n}", "call_id": f"call_{n}", "arguments": json.dumps(script.args["arguments"]), "status": "completed"}
        # Codex offers each MCP server's tools in a namespace (mcp__notes), or loads it through tool_search (a deferred
        # tool, gpt-5.5): the call names both.
        found = [t for i in body.get("input", []) if isinstance(i, dict) and i.get("type") == "tool_search_output" for t in i.get("tools") or []]
        for t in [*body.get("tools", []), *found]:
            if isinstance(t, dict) and t.get("type") == "namespace" and script.args["tool"] in _tool_names(t.get("tools") or []):
                return {**call, "name": script.args["tool"], "namespace": t["name"]}
        return {**call, "name": offered(_tool_names(body.get("tools", [])), script.args["tool"])}
    if script.kind == "tool":  # a named tool with its own arguments (Copilot CLI's grep, ...)
        arguments = {k: _filled(v, body) for k, v in script.args["arguments"].items()}
        name = tool_name(script, _tool_names(body.get("tools", [])))
        out = {"type": "function_call", "id": f"fc_{n}", "call_id": f"call_{n}", "name": name, "arguments": json.dumps(arguments), "status": "completed"}
        for t in body.get("tools", []):
            # Codex offers some of its own tools in a namespace too (multi_agent_v1: spawn_agent, wait_agent, ...).
            if isinstance(t, dict) and t.get("type") == "namespace" and name in _tool_names(t.get("tools") or []):
                out["namespace"] = t["name"]
        return out
    if script.kind == "write" and "create" in tools:  # Copilot CLI's file tool
        arguments = {"path": script.args["path"], "file_text": script.args["content"]}
        return {"type": "function_call", "id": f"fc_{n}", "call_id": f"call_{n}", "name": "create", "arguments": json.dumps(arguments), "status": "completed"}
    command = script.args["command"] if script.kind == "shell" else f"cat > {script.args['path']} <<'EOF'\n{script.args['content']}\nEOF"
    if "bash" in tools:  # Copilot CLI
        name, arguments = "bash", {"command": command, "description": "scripted"}
    elif "exec_command" in tools:
        name, arguments = "exec_command", {"cmd": command}
    else:
        name, arguments = "shell", {"command": ["bash", "-lc", command]}
    return {"type": "function_call", "id": f"fc_{n}", "call_id": f"call_{n}", "name": name, "arguments": json.dumps(arguments), "status": "completed"}


def _responses_events(body: dict[str, Any], script: Script | None) -> list[tuple[str, dict[str, Any]]]:
    # Outputs answering a call this model made (Codex also adds call-less outputs of its own, e.g. its goal_objective
    # after create_goal; Copilot CLI its own read_agent call and output when a background agent goes idle).
    answered = sum(
        1
        for i in body.get("input", [])
        if isinstance(i, dict)
        and i.get("type") in ("function_call_output", "custom_tool_call_output", "tool_search_output")
        and str(i.get("call_id") or "").startswith("call_")
    )
    prompts = [json.dumps(i.get("content")) for i in body.get("input", []) if isinstance(i, dict) and i.get("role") == "user"]
    script = current(sub_agent(script, prompts), answered)
    if script is None or answered >= script.repeat:
        item: dict[str, Any] = {
            "type": "message",
            "id": "msg_1",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": "done", "annotations": []}],
        }
        items = [item]
    else:
        items = [_responses_tool_call(body, one, 10 * (answered + 1) + i) for i, one in enumerate(parts(script))]
    response = {"id": "resp_1", "object": "response", "status": "in_progress", "output": [], "model": body.get("model", "fake")}
    usage = {
        "input_tokens": 10,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": 5,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 15,
    }
    out: list[tuple[str, dict[str, Any]]] = [("response.created", {"type": "response.created", "response": response})]
    for i, one in enumerate(items):
        out.append(("response.output_item.added", {"type": "response.output_item.added", "output_index": i, "item": one}))
        out.append(("response.output_item.done", {"type": "response.output_item.done", "output_index": i, "item": one}))
    out.append(("response.completed", {"type": "response.completed", "response": dict(response, status="completed", output=items, usage=usage)}))
    return out


# -- Anthropic Messages -----------------------------------------------------------------


def _anthropic_content(body: dict[str, Any], script: Script | None) -> list[dict[str, Any]]:
    answered = sum(
        1
        for m in body.get("messages", [])
        if isinstance(m, dict) and isinstance(m.get("content"), list)
        for c in m["content"]
        if isinstance(c, dict) and c.get("type") == "tool_result"
    )
    tools = {t.get("name") for t in body.get("tools", []) if isinstance(t, dict)}
    prompts = [
        c if isinstance(c, str) else str(c.get("text", ""))
        for m in body.get("messages", [])
        if isinstance(m, dict) and m.get("role") == "user"
        for c in (m["content"] if isinstance(m.get("content"), list) else [m.get("content")])
        if isinstance(c, str) or (isinstance(c, dict) and c.get("type") == "text")
    ]
    script = current(sub_agent(script, prompts), answered)
    if script is None or answered >= script.repeat or not tools:
        return [{"type": "text", "text": "done"}]
    return [_anthropic_call(body, one, f"toolu_{answered + 1:02d}{'' if i == 0 else chr(96 + i)}") for i, one in enumerate(parts(script))]


def _anthropic_call(body: dict[str, Any], script: Script, ident: str) -> dict[str, Any]:
    if script.kind == "shell":
        return {"type": "tool_use", "id": ident, "name": "Bash", "input": {"command": script.args["command"], "description": "scripted"}}
    if script.kind in ("mcp", "tool"):
        # Claude Code defers MCP tools behind ToolSearch: the model calls them by their full name.
        name = (
            offered(_tool_names(body.get("tools", [])), script.args["tool"]) if script.kind == "mcp" else tool_name(script, _tool_names(body.get("tools", [])))
        )
        if script.kind == "mcp" and name == script.args["tool"]:
            name = f"mcp__{script.args.get('server', 'notes')}__{name}"
        return {"type": "tool_use", "id": ident, "name": name, "input": script.args["arguments"]}
    return {"type": "tool_use", "id": ident, "name": "Write", "input": {"file_path": script.args["path"], "content": script.args["content"]}}


def _anthropic_events(body: dict[str, Any], content: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    stop = "tool_use" if any(c["type"] == "tool_use" for c in content) else "end_turn"
    message = {
        "id": "msg_01",
        "type": "message",
        "role": "assistant",
        "model": body.get("model", "fake"),
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 10, "output_tokens": 1},
    }
    events: list[tuple[str, dict[str, Any]]] = [("message_start", {"type": "message_start", "message": message})]
    for i, block in enumerate(content):
        if block["type"] == "text":
            events.append(("content_block_start", {"type": "content_block_start", "index": i, "content_block": {"type": "text", "text": ""}}))
            events.append(("content_block_delta", {"type": "content_block_delta", "index": i, "delta": {"type": "text_delta", "text": block["text"]}}))
        else:
            start = {"type": "tool_use", "id": block["id"], "name": block["name"], "input": {}}
            events.append(("content_block_start", {"type": "content_block_start", "index": i, "content_block": start}))
            delta = {"type": "input_json_delta", "partial_json": json.dumps(block["input"])}
            events.append(("content_block_delta", {"type": "content_block_delta", "index": i, "delta": delta}))
        events.append(("content_block_stop", {"type": "content_block_stop", "index": i}))
    events.append(("message_delta", {"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None}, "usage": {"output_tokens": 5}}))
    events.append(("message_stop", {"type": "message_stop"}))
    return events


# -- Gemini generateContent ------------------------------------------------------------------


def _gemini_call(body: dict[str, Any], script: Script) -> dict[str, Any]:
    if script.kind == "shell":
        return {"functionCall": {"name": "run_shell_command", "args": {"command": script.args["command"], "description": "scripted"}}}
    if script.kind == "write":
        return {"functionCall": {"name": "write_file", "args": {"file_path": script.args["path"], "content": script.args["content"]}}}
    if script.kind == "mcp":
        return {"functionCall": {"name": offered(_tool_names(body.get("tools", [])), script.args["tool"]), "args": script.args["arguments"]}}
    return {"functionCall": {"name": tool_name(script, _tool_names(body.get("tools", []))), "args": script.args["arguments"]}}


def _gemini_chunk(body: dict[str, Any], script: Script | None) -> dict[str, Any]:
    answered = sum(
        1 for c in body.get("contents", []) if isinstance(c, dict) for part in c.get("parts", []) if isinstance(part, dict) and "functionResponse" in part
    )
    prompts = [
        str(part.get("text", ""))
        for c in body.get("contents", [])
        if isinstance(c, dict) and c.get("role") == "user"
        for part in c.get("parts", [])
        if isinstance(part, dict) and "text" in part
    ]
    script = current(sub_agent(script, prompts), answered)
    if script is None or answered >= script.repeat:
        found: list[dict[str, Any]] = [{"text": "done"}]
    else:
        found = [_gemini_call(body, one) for one in parts(script)]
    return {
        "candidates": [{"content": {"role": "model", "parts": found}, "finishReason": "STOP", "index": 0}],
        "usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 5, "totalTokenCount": 15},
        "modelVersion": "gemini-2.5-pro",
    }


class _Handler(BaseHTTPRequestHandler):
    model: FakeModel
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _sse(self, events: list[tuple[str, dict[str, Any]]]) -> None:
        data = b"".join(f"event: {name}\ndata: {json.dumps(payload)}\n\n".encode() for name, payload in events)
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("cache-control", "no-cache")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            self._json(200, {"data": [], "models": []})
        else:
            self._json(404, {"error": "not found"})

    def do_HEAD(self) -> None:
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        path = self.path.split("?", 1)[0]
        with self.model.lock:
            self.model.requests.append({"path": path, "body": body})
            script = self.model.script
        if path.endswith(":streamGenerateContent"):
            chunk = _gemini_chunk(body, script)
            data = f"data: {json.dumps(chunk)}\r\n\r\n".encode()
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif path.endswith(":generateContent"):
            self._json(200, _gemini_chunk(body, script))
        elif path.endswith(":countTokens"):
            self._json(200, {"totalTokens": 10})
        elif path.endswith("/responses"):
            self._sse(_responses_events(body, script))
        elif path.endswith("/messages/count_tokens"):
            self._json(200, {"input_tokens": 10})
        elif path.endswith("/messages"):
            content = _anthropic_content(body, script)
            if body.get("stream"):
                self._sse(_anthropic_events(body, content))
            else:
                stop = "tool_use" if any(c["type"] == "tool_use" for c in content) else "end_turn"
                self._json(
                    200,
                    {
                        "id": "msg_01",
                        "type": "message",
                        "role": "assistant",
                        "model": body.get("model", "fake"),
                        "content": content,
                        "stop_reason": stop,
                        "stop_sequence": None,
                        "usage": {"input_tokens": 10, "output_tokens": 5},
                    },
                )
        else:
            self._json(404, {"error": f"fake model: no route {path}"})
