"""Trust entries that can never match what clearance compares them with, and the fix for each.

``[trust]`` values are compared with what the analysis extracts from a call: a host for
``domains`` (``api.acme.com``, never a URL), a ``scheme://bucket`` for ``buckets``, an
absolute or ``~`` path for ``directories``, a URL prefix or ``host:port`` for ``services``, a
server name (``notes``, not ``mcp__notes__*``) for ``mcp_servers``.  A value of the
wrong shape loads without error and silently trusts nothing; lint says so, with the value
that would work.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

BUCKET_SCHEMES = ("s3://", "gs://", "az://", "r2://", "oss://", "cos://", "b2://", "hf://")


def domain_fix(value: str) -> str | None:
    """The host a ``domains`` entry should be, or None when it already is one."""
    v = value.strip()
    host = v
    if "://" in host:
        host = host.split("://", 1)[1]
    host = host.split("/", 1)[0].split("?", 1)[0]
    if "@" in host:
        host = host.rsplit("@", 1)[1]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]  # a port: hosts are compared without one
    if host != v or not host:
        return host or None
    if any(c.isspace() for c in v):
        return v.split()[0]
    return None


def bucket_fix(value: str) -> str | None:
    v = value.strip()
    if v.startswith(BUCKET_SCHEMES):
        return None
    if v.startswith("arn:aws:s3:::"):
        return "s3://" + v[len("arn:aws:s3:::") :]
    if v.startswith("https://") and ".s3." in v:
        return "s3://" + v.split("://", 1)[1].split(".s3.", 1)[0]
    return "s3://" + v.lstrip("/")


def directory_fix(value: str) -> str | None:
    from .breadth import _plain_path, dotted

    v = value.strip()
    if v.startswith(("/", "~")):
        # paths are compared with `.` and `..` read: `~/work/../shared/**` matches nothing; `~/shared/**` is meant
        return _plain_path(v) if dotted(v) else None
    if v.startswith("$HOME"):
        return "~" + v[len("$HOME") :]
    return "~/" + v.lstrip("./")


def service_fix(value: str) -> str | None:
    """A service is a URL prefix (``https://host/path``) or a ``host:port`` (``localhost:3000``, ``devbox.local:*``)."""
    from ..trust import parse_service

    v = value.strip()
    if parse_service(v) is not None:
        return None
    return "https://" + v


_MCP_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-*?[]!")


def mcp_server_fix(value: str) -> str | None:
    """An MCP server as the agent names it in ``mcp__<server>__<tool>``: not the tool name, no spaces or dots."""
    v = value.strip()
    if v.startswith("mcp__"):
        v = v[5:].split("__", 1)[0]
    elif v.startswith("mcp_"):
        v = v[4:]
    v = "".join(c if c in _MCP_NAME_CHARS else "_" for c in v)
    return v if v != value else None


def remote_fix(value: str) -> str | None:
    """git remotes are compared as host/owner/repo: a bare owner or repo name matches nothing."""
    from ..trust import normalise_remote

    norm = normalise_remote(value)
    parts = norm.split("/")
    first = parts[0]
    # host/owner/repo: a first part with a dot, a port or a glob is a host, and so is any first part of three or
    # more (an internal `gitserver/team/repo`); only owner/repo, two parts without a host, certainly lacks one.
    if "/" in norm and ("." in first or ":" in first or first == "localhost" or "*" in first or len(parts) >= 3):
        return None
    return "github.com/" + norm if "/" in norm or norm else None


_FIXES = {
    "domains": (domain_fix, "is compared with a host name"),
    "buckets": (bucket_fix, "is compared with a scheme://bucket URI"),
    "directories": (directory_fix, "is compared with absolute paths, their `.` and `..` read"),
    "services": (service_fix, "is compared with a URL prefix"),
    "git_remotes": (remote_fix, "is compared with host/owner/repo"),
    "mcp_servers": (mcp_server_fix, "is compared with the server's name in mcp__<server>__<tool> (the agent turns other characters into _)"),
}


def _other_problem(key: str, v: str) -> str | None:
    """What a value of the right shape still gets wrong."""
    if key == "domains" and domain_fix(v) is not None and v.count(":") == 1 and "://" not in v:
        return f"one port of a host goes in trust.services ('{v}' in services); domains are compared without a port"
    if key == "mcp_servers" and v.strip() and not v.strip().strip("*?"):
        return "trusts every MCP server, including servers added later; name the servers (or use rules.allow = ['mcp__*'] knowingly)"
    if key == "services" and "://" not in v and v.split(":", 1)[0].strip("*.") == "":
        return "trusts that port on every host; name the host"
    return None


def trust_problems(data: dict[str, Any], text: str, path: str) -> list[str]:
    """'file:line: trust.KEY entry … never matches …; write … instead' for every entry of the wrong shape."""
    out: list[str] = []
    tables: list[tuple[str, Any]] = [("trust", data.get("trust", {}))]
    sections = data.get("repositories")
    if isinstance(sections, list):  # a managed [[repositories]] section's trust is compared the same way
        tables += [("repositories.trust", s.get("trust", {})) for s in sections if isinstance(s, dict)]
    for where, trust in tables:
        out.extend(_table_problems(where, trust, text, path))
    return out


def _table_problems(where: str, trust: Any, text: str, path: str) -> list[str]:
    from .load import _line_of_value

    out: list[str] = []
    for key, (fix, compared) in _FIXES.items():
        for v in trust.get(key, []) if isinstance(trust, dict) and isinstance(trust.get(key), list) else []:
            if not isinstance(v, str):
                continue
            other = _other_problem(key, v)
            if other:
                out.append(f"{path}:{_line_of_value(text, v)}: {where}.{key} entry {v!r} {other}")
                continue
            better = fix(v)
            if better is not None and better != v:
                out.append(f"{path}:{_line_of_value(text, v)}: {where}.{key} entry {v!r} never matches: it {compared}; write {better!r} instead")
    return out
