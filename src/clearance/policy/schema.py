"""The policy file format: every key, its type, and the JSON Schema derived from it.

One description serves validation (load.py), lint messages, ``clearance policy
schema`` and docs/policy.md.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

LIST = "list[str]"
GRANTS = "list[grant]"
REPOS = "list[repository]"

# The fields of one [[rules.grant]] entry (written by `clearance allow`): name -> (types, description).
GRANT_FIELDS: dict[str, Any] = {
    "allow": ("str", "The allow rule, in Claude Code's permission syntax (required)."),
    "expires": ("datetime", "When the rule stops counting (a TOML date-time, e.g. 2026-12-06T18:00:00Z); absent: never."),
    "session": ("str", "Only in this agent session (the hook event's session_id)."),
    "by": ("str", "Who allowed it."),
    "added": ("datetime", "When it was allowed."),
    "decision": ("int", "The audited decision it was allowed from (`clearance explain ID`)."),
    "reason": ("str", "What clearance had said about the call."),
}

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
            "services": (
                LIST,
                "Services by host and port ('localhost:3000', '192.168.1.*:8080', 'devbox.local:*') or by URL prefix "
                "('https://tools.acme.com/hooks/'): requests with data to them are ordinary work, and so is an HTTP DELETE of one resource.",
            ),
            "mcp_servers": (
                LIST,
                "MCP servers by the name the agent gives them (mcp__<server>__<tool>), globs (e.g. 'notes', 'memory*'): their write tools "
                "are ordinary work; deleting one object is asked instead of denied; deleting everything, secrets in the input and running code are not lowered.",
            ),
        },
        "The trust boundary: destinations that are ordinary work rather than exfiltration.",
    ),
    "rules": (
        {
            "allow": (LIST, "Calls clearance allows even where its built-in analysis would ask or soft-deny (never a hard denial)."),
            "ask": (LIST, "Calls that always need a person."),
            "deny": (LIST, "Calls that are always denied."),
            "hard_deny": (LIST, "Calls that are always denied and that no layer or reviewer can clear."),
            "grant": (
                GRANTS,
                "Allow rules with a record of who allowed them, from which decision, and optionally until when (`expires`) or for "
                "which session: [[rules.grant]] tables written by `clearance allow`. Same effect and same layer limits as rules.allow; "
                "an expired grant is ignored.",
            ),
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
            "max_consecutive_denials": (
                int,
                "Consecutive denials in a session before auto mode hands over (default 3, at least 2). Managed policy, or user policy when allow_user_trust; never the project.",
            ),
            "max_total_denials": (
                int,
                "Total denials in a session before auto mode hands over (default 20, at least 2). Managed policy, or user policy when allow_user_trust; never the project.",
            ),
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

# The fields of one [[repositories]] section of the managed policy (trust and rules take the top-level tables' keys, without grants).
REPOSITORY_FIELDS: dict[str, Any] = {
    "name": (str, "A label for messages and `clearance policy show`."),
    "remotes": (LIST, "Git remotes of the repositories this section is for, host/owner/repo globs (e.g. 'github.com/acme/payments', 'github.com/acme/*')."),
    "paths": (LIST, "Checkout directories this section is for, globs ('~/work/payments', '/srv/ci/**')."),
    "auto_mode": (("enabled", "disabled"), "Auto mode for these repositories, whatever the top-level auto_mode says (lower layers may still disable it)."),
    "trust": (SCHEMA["trust"][0], "Trusted resources added for these repositories."),
    "rules": ({k: v for k, v in SCHEMA["rules"][0].items() if k != "grant"}, "Rules added for these repositories."),
}
SCHEMA["repositories"] = (
    REPOS,
    "Managed layer: [[repositories]] sections, each matched by git remote or checkout directory, that set auto mode, trust and rules "
    "for those repositories only. A project matching several gets all of them; 'disabled' wins over 'enabled'. What loosens needs every remote (now and when first seen) or the real path to match.",
)

# Value checks beyond the type, by dotted key: a problem message, or None.
CHECKS: dict[str, Any] = {
    "audit.retention_days": lambda v: None if v >= 0 else "must be 0 (keep forever) or a number of days",
    "audit.max_mb": lambda v: None if v >= 0 else "must be 0 (no limit) or a number of megabytes",
    "audit.max_content_chars": lambda v: None if v >= 0 else "must be 0 (the general 20 000 limit) or a number of characters",
    "audit.key_file": lambda v: None if v.strip() else "must be a path",
    "audit.url": lambda v: _store_url_problem(v),
}


def _store_url_problem(url: str) -> str | None:
    from ..store import url_problem

    problem = url_problem(url)
    return None if problem is None else "names no store: " + problem.split(": ", 1)[1]


MANAGED_ONLY = frozenset({"allow_user_trust", "allow_project_trust", "repositories"})


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
        if typ == REPOS:
            fields = {k: conv(v) for k, v in REPOSITORY_FIELDS.items()}
            return {"type": "array", "items": {"type": "object", "additionalProperties": False, "properties": fields}, "description": desc}
        if typ == GRANTS:
            props = {k: {"type": "integer" if t == "int" else "string", "description": d} for k, (t, d) in GRANT_FIELDS.items()}
            item = {"type": "object", "additionalProperties": False, "required": ["allow"], "properties": props}
            return {"type": "array", "items": item, "description": desc}
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
