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
    }


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
        out.extend(f"  {c:5d}  {rule}" for rule, c in s["top_rules"])
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
