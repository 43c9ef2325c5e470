"""Reading the audit trail: time filters, statistics and the self-contained HTML report."""

from __future__ import annotations

import collections
import html
import json
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Tools that Claude Code's default mode prompts for; an allow there is a prompt saved.
PROMPTING_TOOLS = frozenset({"Bash", "Write", "Edit", "MultiEdit", "NotebookEdit", "WebFetch"})


def parse_time(text: str, now: float | None = None) -> float:
    """'2h', '3d', '45m', '30s' ago, or an ISO date/time (UTC), or epoch seconds."""
    now = time.time() if now is None else now
    t = text.strip()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    if t and t[-1] in units and t[:-1].replace(".", "", 1).isdigit():
        return now - float(t[:-1]) * units[t[-1]]
    try:
        return float(t)
    except ValueError:
        pass
    import calendar

    for fmt in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return float(calendar.timegm(time.strptime(t, fmt)))
        except ValueError:
            continue
    raise ValueError(f"cannot read the time {text!r} (use 2h, 3d, 2026-11-25 or 2026-11-25T10:00:00Z)")


def prompts_saved(rows: list[dict[str, Any]]) -> int:
    return sum(
        1 for r in rows if r["decision"] == "allow" and not r.get("shadow") and (r["tool_name"] in PROMPTING_TOOLS or str(r["tool_name"]).startswith("mcp__"))
    )


def stats(rows: list[dict[str, Any]], sessions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    by_decision = collections.Counter(r["decision"] for r in rows)
    by_stage = collections.Counter(r["stage"] for r in rows)
    by_tool = collections.Counter(r["tool_name"] for r in rows)
    rules = collections.Counter(rule for r in rows if r["decision"] != "allow" for rule in (r["rules"] or []))
    per_session: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for r in rows:
        per_session[r["session_id"]][r["decision"]] += 1
    escalations = sum(1 for r in rows if r["stage"] == "escalation")
    causes = top_causes(rows)
    return {
        "decisions": len(rows),
        "by_decision": dict(by_decision),
        "by_stage": dict(by_stage),
        "by_tool": dict(by_tool.most_common(10)),
        "top_rules": rules.most_common(10),
        "prompts_saved": prompts_saved(rows),
        "escalations": escalations,
        "sessions": len(per_session),
        "denials_per_session": sorted(((s, c["deny"]) for s, c in per_session.items()), key=lambda x: -x[1])[:10],
        "shadow": sum(1 for r in rows if r.get("shadow")),
        "tokens_in": sum(int(r.get("tokens_in") or 0) for r in rows),
        "tokens_out": sum(int(r.get("tokens_out") or 0) for r in rows),
        "reviewed": sum(1 for r in rows if r.get("reviewer_stage")),
        "by_rule": causes["by_rule"],
        "by_mcp_server": causes["by_mcp_server"],
        "by_host": causes["by_host"],
    }


# -- what to trust or fix -------------------------------------------------------------------------------------

# Rules a trust key lowers (docs/policy.md): an ask or denial of theirs is a candidate for trust rather than a fix.
TRUST_LOWERS = {
    "mcp.side-effect": "trust.mcp_servers",
    "mcp.destructive": "trust.mcp_servers",
    "net.post-untrusted": "trust.services",
    "net.upload-untrusted": "trust.services",
    "net.http-delete": "trust.services",
    "net.credential-unknown-host": "trust.services",
}
_HTTP_CLIENTS = frozenset({"curl", "wget", "http", "https", "xh"})
_COPIERS = frozenset({"scp", "rsync", "sftp"})
TOP = 10


def _server(tool_name: str) -> str | None:
    parts = tool_name.split("__", 2)
    return parts[1] if len(parts) == 3 and parts[0] == "mcp" and parts[1] else None


def _service_key(url: str) -> str:
    """host, or host:port when the URL writes a port: what trust.domains or trust.services take."""
    from .trust import split_url

    parts = split_url(url)
    if parts is None:
        return ""
    host = parts[0]
    authority = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1]
    explicit = authority.rsplit("]", 1)[-1].count(":") == 1
    return f"{host}:{authority.rsplit(':', 1)[1]}" if explicit else host


def _hosts(row: dict[str, Any]) -> list[str]:
    """The hosts a recorded call sends to, read from its input by structure (the shell command parsed)."""
    ti = row.get("tool_input")
    if not isinstance(ti, dict):
        return []
    if row["tool_name"] in ("WebFetch", "GeminiWebFetch") and isinstance(ti.get("url"), str):
        return [k for k in [_service_key(ti["url"])] if k]
    command = ti.get("command")
    if not isinstance(command, str) or not command:
        return []
    from .paths import DYN
    from .rules.net import _scp_parts, http_transfer
    from .shell.parse import ParseFailure, parse
    from .shell.unwrap import expand

    try:
        script = parse(command[:20_000], "/", "/", {})
        commands = expand(script.commands, "/", "/", {}).commands
    except (ParseFailure, RecursionError, ValueError):
        return []
    out: list[str] = []
    for c in commands:
        if c.name in _HTTP_CLIENTS:
            out.extend(_service_key(u) for u in http_transfer(c).urls)
        elif c.name in _COPIERS:
            host = _scp_parts(c)[1]
            if host:
                out.append(host)
    return [h for h in dict.fromkeys(out) if h and DYN not in h]


def _group(counts: dict[str, dict[str, Any]], key: str, row: dict[str, Any]) -> None:
    e = counts.setdefault(key, {"ask": 0, "deny": 0, "rules": collections.Counter()})
    e[row["decision"]] += 1
    for rule in row["rules"] or []:
        e["rules"][rule] += 1


def _ranked(counts: dict[str, dict[str, Any]], name: str) -> list[dict[str, Any]]:
    items = sorted(counts.items(), key=lambda kv: (-(kv[1]["ask"] + kv[1]["deny"]), kv[0]))[:TOP]
    out = []
    for k, e in items:
        rules = dict(e["rules"].most_common())
        trust = sorted({TRUST_LOWERS[r] for r in rules if r in TRUST_LOWERS})
        out.append({name: k, "ask": e["ask"], "deny": e["deny"], "rules": rules, "trust": trust})
    return out


def top_causes(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Asks and denials grouped by rule, by MCP server and by host (with the trust key that would lower them)."""
    by_rule: dict[str, dict[str, Any]] = {}
    by_server: dict[str, dict[str, Any]] = {}
    by_host: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["decision"] not in ("ask", "deny"):
            continue
        rules = r["rules"] or []
        for rule in rules:
            e = by_rule.setdefault(rule, {"ask": 0, "deny": 0, "rules": collections.Counter()})
            e[r["decision"]] += 1
        server = _server(str(r["tool_name"]))
        if server is not None:
            _group(by_server, server, r)
        elif any(x.startswith(("net.", "web.")) for x in rules):
            for host in _hosts(r):
                _group(by_host, host, r)
    ranked_rules = sorted(by_rule.items(), key=lambda kv: (-(kv[1]["ask"] + kv[1]["deny"]), kv[0]))[:TOP]
    return {
        "by_rule": [{"rule": k, "ask": e["ask"], "deny": e["deny"], "trust": TRUST_LOWERS.get(k, "")} for k, e in ranked_rules],
        "by_mcp_server": _ranked(by_server, "server"),
        "by_host": _ranked(by_host, "host"),
    }


def _cause_lines(entries: list[dict[str, Any]], name: str) -> list[str]:
    out = []
    for e in entries:
        rules = ", ".join(f"{r} {c}" for r, c in list(e["rules"].items())[:3])
        line = f"  {e['ask'] + e['deny']:5d}  {e[name]}  (ask {e['ask']}, deny {e['deny']}: {rules})"
        if name == "server" and "trust.mcp_servers" in e["trust"]:
            line += f' -- trust it: trust.mcp_servers = ["{e[name]}"], or `clearance allow ID` for one call'
        elif name == "host" and e["trust"]:
            key = "trust.services" if ":" in e[name] else "trust.domains"  # one port of a host, or the whole host
            line += f' -- if it is yours: {key} = ["{e[name]}"], or `clearance allow ID` for one call'
        out.append(line)
    return out


def stats_text(s: dict[str, Any]) -> str:
    n = s["decisions"] or 1
    out = [f"{s['decisions']} decisions in {s['sessions']} sessions ({s['shadow']} in shadow mode)"]
    for k in ("allow", "deny", "ask"):
        v = s["by_decision"].get(k, 0)
        out.append(f"  {k:6s} {v:6d}  {100 * v / n:5.1f}%")
    out.append(f"prompts saved (calls Claude Code would have asked about, allowed by clearance): {s['prompts_saved']}")
    out.append(f"hand-overs by escalation: {s['escalations']}")
    out.append(f"decisions that needed a model: {s['reviewed']} ({100 * s['reviewed'] / n:.1f}%), tokens in {s['tokens_in']}, out {s['tokens_out']}")
    out.append("by stage: " + ", ".join(f"{k} {v}" for k, v in sorted(s["by_stage"].items())))
    if s["top_rules"]:
        out.append("top rules (deny and ask):")
        split = {e["rule"]: e for e in s.get("by_rule", [])}
        for rule, c in s["top_rules"]:
            e = split.get(rule)
            out.append(f"  {c:5d}  {rule}" + (f"  (ask {e['ask']}, deny {e['deny']})" if e else ""))
    if s.get("by_mcp_server"):
        out.append("asks and denials by MCP server:")
        out.extend(_cause_lines(s["by_mcp_server"], "server"))
    if s.get("by_host"):
        out.append("asks and denials by host:")
        out.extend(_cause_lines(s["by_host"], "host"))
    if s["denials_per_session"]:
        out.append("denials per session:")
        out.extend(f"  {c:5d}  {sid or '(no session id)'}" for sid, c in s["denials_per_session"] if c)
    return "\n".join(out)


# -- HTML ----------------------------------------------------------------------

_COLORS = {"allow": "#2e7d32", "ask": "#f9a825", "deny": "#c62828"}


def _bucket_size(span: float) -> tuple[float, str]:
    for size, fmt in ((300, "%H:%M"), (3600, "%d %H:00"), (21600, "%m-%d %H:00"), (86400, "%Y-%m-%d"), (7 * 86400, "%Y-%m-%d")):
        if span / size <= 48:
            return size, fmt
    return 30 * 86400, "%Y-%m"


def _timeline_svg(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "<p>No decisions recorded yet.</p>"
    t0 = min(r["ts"] for r in rows)
    t1 = max(r["ts"] for r in rows)
    size, fmt = _bucket_size(max(t1 - t0, 1))
    start = t0 - (t0 % size)
    n = int((t1 - start) // size) + 1
    buckets: list[collections.Counter[str]] = [collections.Counter() for _ in range(n)]
    for r in rows:
        buckets[int((r["ts"] - start) // size)][r["decision"]] += 1
    top = max(sum(b.values()) for b in buckets) or 1
    w, h, pad = 720, 220, 30
    bw = (w - pad) / n
    parts = [f'<svg class="chart" id="timeline" viewBox="0 0 {w} {h + 40}" role="img" aria-label="Decisions over time">']
    for i, b in enumerate(buckets):
        y = float(h)
        for kind in ("allow", "ask", "deny"):
            v = b.get(kind, 0)
            if not v:
                continue
            bh = (h - 10) * v / top
            y -= bh
            label = time.strftime(fmt, time.gmtime(start + i * size))
            parts.append(
                f'<rect x="{pad + i * bw + 1:.1f}" y="{y:.1f}" width="{max(bw - 2, 1):.1f}" height="{bh:.1f}" fill="{_COLORS[kind]}">'
                f"<title>{label}: {v} {kind}</title></rect>"
            )
    parts.append(f'<line x1="{pad}" y1="{h}" x2="{w}" y2="{h}" stroke="#999"/>')
    parts.append(f'<text x="0" y="14" font-size="11">{top}</text><text x="0" y="{h}" font-size="11">0</text>')
    for i in range(0, n, max(1, n // 6)):
        parts.append(f'<text x="{pad + i * bw:.1f}" y="{h + 16}" font-size="11">{html.escape(time.strftime(fmt, time.gmtime(start + i * size)))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _bars_svg(items: list[tuple[str, int]], color: str, chart_id: str) -> str:
    if not items:
        return "<p>Nothing to show.</p>"
    top = max(v for _, v in items) or 1
    row = 24
    w = 720
    parts = [f'<svg class="chart" id="{chart_id}" viewBox="0 0 {w} {row * len(items) + 10}" role="img">']
    for i, (label, v) in enumerate(items):
        bw = (w - 370) * v / top
        y = i * row + 4
        parts.append(f'<text x="0" y="{y + 15}" font-size="12">{html.escape(label[:48])}</text>')
        parts.append(f'<rect x="320" y="{y}" width="{bw:.1f}" height="{row - 6}" fill="{color}"><title>{v}</title></rect>')
        parts.append(f'<text x="{324 + bw:.1f}" y="{y + 15}" font-size="12">{v}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _friction_svg(rows: list[dict[str, Any]]) -> str:
    """Share of calls not allowed (asked or denied), per session, most friction first."""
    per: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for r in rows:
        per[r["session_id"] or "(none)"][r["decision"]] += 1
    items = []
    for sid, c in per.items():
        total = sum(c.values())
        items.append((f"{sid} ({total} calls)", round(100 * (c["ask"] + c["deny"]) / total)))
    items.sort(key=lambda x: -x[1])
    return _bars_svg(items[:12], "#6a1b9a", "friction")


def report_html(rows: list[dict[str, Any]], title: str = "clearance report") -> str:
    s = stats(rows)
    n = s["decisions"] or 1
    cards = "".join(
        f'<div class="card"><div class="num" style="color:{_COLORS[k]}">{s["by_decision"].get(k, 0)}</div><div>{k} ({100 * s["by_decision"].get(k, 0) / n:.0f}%)</div></div>'
        for k in ("allow", "ask", "deny")
    )
    cards += f'<div class="card"><div class="num">{s["prompts_saved"]}</div><div>prompts saved</div></div>'
    cards += f'<div class="card"><div class="num">{s["escalations"]}</div><div>hand-overs</div></div>'
    denied = [r for r in rows if r["decision"] != "allow"][:50]
    table = "".join(
        f"<tr><td>{html.escape(r['time'])}</td><td>{html.escape(r['session_id'][:16])}</td><td>{html.escape(r['tool_name'])}</td>"
        f"<td><code>{html.escape(_brief(r['tool_input']))}</code></td><td class='{r['decision']}'>{r['decision']}</td>"
        f"<td>{html.escape(', '.join(r['rules'] or []))}</td><td>{html.escape(r['reason'][:160])}</td></tr>"
        for r in denied
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body{{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:24px;color:#222;max-width:1100px}}
h1{{font-size:22px}} h2{{font-size:17px;margin-top:28px}}
.cards{{display:flex;gap:12px;flex-wrap:wrap}} .card{{border:1px solid #ddd;border-radius:8px;padding:10px 16px;min-width:110px}}
.num{{font-size:28px;font-weight:600}} .chart{{width:100%;max-width:760px;display:block}}
table{{border-collapse:collapse;font-size:12px;width:100%}} td,th{{border-bottom:1px solid #eee;padding:4px;text-align:left;vertical-align:top}}
td.deny{{color:#c62828;font-weight:600}} td.ask{{color:#a67c00;font-weight:600}} code{{font-size:11px}}
.legend span{{display:inline-block;margin-right:14px}} .legend i{{display:inline-block;width:10px;height:10px;margin-right:4px}}
</style></head><body>
<h1>{html.escape(title)}</h1>
<p>{s["decisions"]} decisions in {s["sessions"]} sessions, generated {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}.</p>
<div class="cards">{cards}</div>
<h2>Decisions over time</h2>
<div class="legend"><span><i style="background:{_COLORS["allow"]}"></i>allow</span><span><i style="background:{_COLORS["ask"]}"></i>ask</span><span><i style="background:{_COLORS["deny"]}"></i>deny</span></div>
{_timeline_svg(rows)}
<h2>Top rules (deny and ask)</h2>
{_bars_svg([(r, c) for r, c in s["top_rules"]], "#c62828", "rules")}
<h2>Friction: share of calls not allowed, per session (%)</h2>
{_friction_svg(rows)}
<h2>Latest calls not allowed</h2>
<table><tr><th>time (UTC)</th><th>session</th><th>tool</th><th>input</th><th>decision</th><th>rules</th><th>reason</th></tr>{table}</table>
</body></html>
"""


def _brief(tool_input: Any) -> str:
    if isinstance(tool_input, dict):
        for k in ("command", "file_path", "url", "query", "pattern"):
            if isinstance(tool_input.get(k), str):
                v = str(tool_input[k])
                return v if len(v) < 120 else v[:117] + "..."
    text = json.dumps(tool_input)
    return text if len(text) < 120 else text[:117] + "..."
