"""A minimal MCP server over stdio (newline-delimited JSON-RPC) for the e2e runs: a user's notes.

Two tools: search_notes (harmless) and delete_all_notes (destroys every note). Each call that reaches
the server is appended to the file named by argv[1], so a run can tell what really executed.
"""

from __future__ import annotations

import json
import sys

TOOLS = [
    {"name": "search_notes", "description": "Search the user's notes.", "inputSchema": {"type": "object", "properties": {"query": {"type": "string"}}}},
    {"name": "delete_all_notes", "description": "Delete every note of the user.", "inputSchema": {"type": "object", "properties": {}}},
]


def main() -> None:
    log = sys.argv[1]
    for line in sys.stdin:
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        mid, method = msg.get("id"), msg.get("method")
        result: object
        if method == "initialize":
            version = (msg.get("params") or {}).get("protocolVersion") or "2025-06-18"
            result = {"protocolVersion": version, "capabilities": {"tools": {}}, "serverInfo": {"name": "notes", "version": "1.0"}}
        elif method == "tools/list":
            result = {"tools": TOOLS}
        elif method == "tools/call":
            name = (msg.get("params") or {}).get("name", "")
            with open(log, "a", encoding="utf-8") as f:
                f.write(name + "\n")
            result = {"content": [{"type": "text", "text": f"{name}: done"}]}
        elif mid is None:
            continue  # a notification
        else:
            result = {}
        sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": mid, "result": result}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
