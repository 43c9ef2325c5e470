"""The policy file format: every key, its type, and the JSON Schema derived from it.

One description serves validation (load.py), lint messages, ``clearance policy
schema`` and docs/policy.md.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

LIST = "list[str]"

# key -> (type, description). A dict type is a table of its own.
SCHEMA: dict[str, Any] = {
    "auto_mode": (
        ("enabled", "disabled"),
        "Managed layer: whether clearance may allow calls on its own. 'disabled' turns every allow into ask; denials still apply. Lower layers may only disable.",
    ),
    "allow_user_trust": (bool, "Managed layer: whether the user file may add allow rules and trusted resources (default true)."),
    "allow_project_trust": (
        bool,
        "Managed layer (or user layer without a managed file): whether the project's .clearance.toml may add allow rules and trusted resources (default false).",
    ),
    "trust": (
        {
            "directories": (LIST, "Globs of directories outside the project where writes are ordinary work (e.g. '~/work/shared/**')."),
            "git_remotes": (LIST, "Git remotes that are the organisation's own, host/path globs (e.g. 'github.com/acme/*')."),
            "buckets": (LIST, "Storage buckets that are the organisation's own (e.g. 's3://acme-dev-*', 'gs://acme-ci', 'az://acmestore/builds')."),
            "domains": (LIST, "Hosts that are the organisation's own (e.g. '*.acme.internal', 'api.acme.com')."),
            "services": (LIST, "Internal service URLs with a path prefix (e.g. 'https://tools.acme.com/hooks/')."),
        },
        "The trust boundary: destinations that are ordinary work rather than exfiltration.",
    ),
    "rules": (
        {
            "allow": (LIST, "Calls clearance allows even where its built-in analysis would ask or soft-deny (never a hard denial)."),
            "ask": (LIST, "Calls that always need a person."),
            "deny": (LIST, "Calls that are always denied."),
            "hard_deny": (LIST, "Calls that are always denied and that no layer or reviewer can clear."),
        },
        "Rules in Claude Code's permission syntax: Bash(npm test:*), Read(~/.ssh/**), Edit(/docs/**), WebFetch(domain:example.com), mcp__github__*.",
    ),
    "reviewer": (
        {
            "provider": (("anthropic", "openai"), "Reviewer model API: Anthropic Messages or any OpenAI-compatible chat-completions endpoint."),
            "model": (str, "Model name."),
            "base_url": (str, "Endpoint base URL (for OpenAI-compatible servers: vLLM, Ollama, llama.cpp, LiteLLM)."),
            "api_key_env": (str, "Name of the environment variable holding the API key (never the key itself)."),
            "timeout_s": (float, "Per-call timeout in seconds."),
            "max_tokens": (int, "Output token limit per call."),
            "rules": (
                {
                    "allow": (LIST, "Plain-language descriptions of what the reviewer may allow."),
                    "soft_deny": (LIST, "Plain-language descriptions of what needs clear user intent."),
                    "hard_deny": (LIST, "Plain-language descriptions of what is never allowed."),
                },
                "Plain-language rules for the reviewer model.",
            ),
        },
        "The optional reviewer model (issue 5).",
    ),
    "probe": (
        {
            "on_hit": (
                ("warn", "deny-next-outbound"),
                "What a confident prompt-injection hit in a tool's output does: 'warn' tells the agent (default); 'deny-next-outbound' also "
                "denies the session's next outbound call (WebFetch, WebSearch, MCP tools, shell commands that reach the network) within an hour. "
                "The strictest layer wins. Needs the audit store.",
            ),
        },
        "The prompt-injection probe on tool outputs (PostToolUse).",
    ),
    "escalation": (
        {
            "max_consecutive_denials": (int, "Consecutive denials in a session before auto mode hands over (default 3, at least 2). Managed policy, or user policy when allow_user_trust; never the project."),
            "max_total_denials": (int, "Total denials in a session before auto mode hands over (default 20, at least 2). Managed policy, or user policy when allow_user_trust; never the project."),
        },
        "When auto mode hands control back to a person (issue 4).",
    ),
    "audit": (
        {
            "url": (str, "postgresql://... for a team store; default is SQLite under $XDG_STATE_HOME/clearance/."),
            "enabled": (bool, "Record decisions (default true)."),
            "retention_days": (int, "Delete decisions older than this many days (default 365; 0 keeps them forever). Checked at most once a day per store."),
            "max_mb": (
                int,
                "Keep the SQLite store under this many megabytes by deleting the oldest decisions (default 1024; 0: no limit). Not for PostgreSQL.",
            ),
            "max_content_chars": (
                int,
                "Characters of file contents (Write content, Edit strings, notebook sources) kept per field, with the length and a digest of the whole (default 2000; 0: up to 20 000 like commands).",
            ),
            "key_file": (str, "The secret that keys the audit hash chain (default: audit.key in clearance's state directory, created 0600)."),
        },
        "The audit trail (issue 4): where, retention, and the key of its hash chain.",
    ),
}

# Value checks beyond the type, by dotted key: a problem message, or None.
CHECKS: dict[str, Any] = {
    "audit.retention_days": lambda v: None if v >= 0 else "must be 0 (keep forever) or a number of days",
    "audit.max_mb": lambda v: None if v >= 0 else "must be 0 (no limit) or a number of megabytes",
    "audit.max_content_chars": lambda v: None if v >= 0 else "must be 0 (the general 20 000 limit) or a number of characters",
    "audit.key_file": lambda v: None if v.strip() else "must be a path",
}

MANAGED_ONLY = frozenset({"allow_user_trust", "allow_project_trust"})


def json_schema() -> dict[str, Any]:
    def conv(spec: Any) -> dict[str, Any]:
        typ, desc = spec
        if isinstance(typ, dict):
            return {
                "type": "object",
                "description": desc,
                "additionalProperties": False,
                "properties": {k: conv(v) for k, v in typ.items()},
            }
        if isinstance(typ, tuple):
            return {"enum": list(typ), "description": desc}
        if typ == LIST:
            return {"type": "array", "items": {"type": "string"}, "description": desc}
        name = {bool: "boolean", int: "integer", float: "number", str: "string"}[typ]
        return {"type": name, "description": desc}

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://clearance.dev/schema/policy.json",
        "title": "clearance policy",
        "type": "object",
        "additionalProperties": False,
        "properties": {k: conv(v) for k, v in SCHEMA.items()},
    }
