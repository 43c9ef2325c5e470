"""Human-readable output: decision tables and explanations."""

from __future__ import annotations

import json

from .paths import DYN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .engine import ShellAnalysis
    from .model import Action, Context, Decision

_MARK = {"allow": "allow", "deny": "DENY ", "ask": "ask  "}


def _clip(s: str, n: int) -> str:
    s = s.replace("\n", "⏎")
    return s if len(s) <= n else s[: n - 1] + "…"


def describe_input(tool: str, ti: object) -> str:
    if not isinstance(ti, dict):
        return ""
    for k in ("command", "file_path", "notebook_path", "url", "query", "pattern", "prompt"):
        v = ti.get(k)
        if isinstance(v, str):
            return v
    return json.dumps(ti)


def decision_table(rows: list[tuple[dict[str, object], dict[str, object]]]) -> str:
    lines = [f"{'decision':8s}  {'tool':10s}  {'input':58s}  reason", "-" * 130]
    counts = {"allow": 0, "deny": 0, "ask": 0}
    for event, rec in rows:
        dec = str(rec.get("decision"))
        counts[dec] = counts.get(dec, 0) + 1
        tool = str(event.get("tool_name", "?"))
        what = describe_input(tool, event.get("tool_input"))
        reason = str(rec.get("reason", ""))
        lines.append(f"{_MARK.get(dec, dec):8s}  {_clip(tool, 10):10s}  {_clip(what, 58):58s}  {_clip(reason, 90)}")
    total = sum(counts.values())
    lines.append("-" * 130)
    lines.append(f"{total} actions: {counts['allow']} allowed, {counts['deny']} denied, {counts['ask']} asked")
    return "\n".join(lines) + "\n"


def explain(action: Action, ctx: Context, decision: Decision, analysis: ShellAnalysis | None) -> str:
    out = [f"tool      {action.tool_name} ({action.kind})", f"cwd       {ctx.cwd}", f"project   {ctx.project_root}", f"home      {ctx.home}"]
    if analysis is not None:
        if analysis.error:
            out.append(f"parse     FAILED: {analysis.error}")
        else:
            out.append(f"commands  {len(analysis.commands)} simple command(s) will run:")
            for c in analysis.commands:
                via = f"   (via {' > '.join(c.via)})" if c.via else ""
                where = "" if c.cwd == ctx.cwd else f"   [in {c.cwd or 'an unknown directory'}]"
                out.append(f"  - {c.show()}{via}{where}")
        if analysis.effects:
            out.append("paths:")
            seen = set()
            for e in analysis.effects:
                key = (e.kind, e.path)
                if key in seen:
                    continue
                seen.add(key)
                p = e.path.replace(DYN, "$?")
                out.append(f"  - {e.kind:6s} {p}{'  (recursive)' if e.recursive else ''}")
    if decision.findings:
        out.append("findings:")
        for f in decision.findings:
            out.append(f"  - {f.rule_id} [{f.verdict}] {f.message}")
    else:
        out.append("findings: none")
    out.append(f"decision  {decision.decision.upper()} ({decision.stage}): {decision.reason}")
    return "\n".join(out)
