"""Human-readable output: decision tables and explanations."""

from __future__ import annotations

import json

from .paths import DYN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .engine import ShellAnalysis
    from .model import Action, Context, Decision
    from .rules.base import Rule

_MARK = {"allow": "allow", "deny": "DENY ", "ask": "ask  "}


def shown(text: str) -> str:
    """*text* as a terminal shows it literally: control characters (ESC, CR, backspace, C1), format characters (bidi
    overrides, zero-width) and line and paragraph separators written as ``\\xNN``/``\\uNNNN``, newlines as ⏎.

    What the agent wrote (a command, a path, a reason quoting them) reaches the person reading `clearance log`,
    `explain` or `allow`: raw, `\\r` and `ESC[2K` erased a denied call's row and drew another in its place, and an OSC
    sequence could set the terminal's title or clipboard (adversarial round 14b)."""
    if text.isascii() and text.isprintable():
        return text
    import unicodedata

    out = []
    for ch in text:
        if ch == "\n":
            out.append("⏎")
        elif ch == "\t" or (ch.isprintable() and ch != "\x7f") or unicodedata.category(ch) in ("Zs", "Mn", "Mc", "Me"):
            out.append(ch)
        else:
            o = ord(ch)
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}")
    return "".join(out)


def _clip(s: str, n: int) -> str:
    s = shown(s)
    return s if len(s) <= n else s[: n - 1] + "…"


def describe_input(tool: str, ti: object) -> str:
    """The part of a tool's input a table shows, as a terminal shows it literally (`shown`)."""
    if not isinstance(ti, dict):
        return ""
    for k in ("command", "file_path", "notebook_path", "url", "query", "pattern", "prompt"):
        v = ti.get(k)
        if isinstance(v, str):
            return shown(v)
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


def log_table(rows: list[dict[str, object]]) -> str:
    """The audit trail as a table: id, time, decision, tool, what, and the reason with its rules."""
    lines = [f"{'id':>6s}  {'time (UTC)':19s}  {'decision':8s}  {'tool':10s}  {'input':48s}  reason", "-" * 140]
    for r in rows:
        dec = _MARK.get(str(r["decision"]), str(r["decision"])).strip()
        if r.get("shadow"):
            dec += "*"
        what = describe_input(str(r["tool_name"]), r["tool_input"])
        rules = r.get("rules") or []
        reason = str(r.get("reason") or "") if dec != "allow" else ""
        if rules and dec != "allow":
            reason += f" [{', '.join(str(x) for x in rules)}]" if isinstance(rules, list) else ""
        elif rules and isinstance(rules, list) and r.get("stage") == "policy":
            # An allow a rule made (a grant `clearance allow` wrote, a policy allow): which one, so the person sees
            # their grant at work and what to delete to take it back; an ordinary allow stays blank.
            reason = f"by {', '.join(str(x) for x in rules)}"
        if isinstance(rules, list) and "service.unreachable" in rules:
            # Decided on the machine while the team service was unreachable, uploaded later (server/offline.py).
            who = f" on {r['user_name']}" if r.get("user_name") else ""
            reason = f"(decided offline{who}) {reason}".rstrip()
        when = str(r["time"]).replace("T", " ").rstrip("Z")
        lines.append(f"{r['id']!s:>6s}  {when:19s}  {dec:8s}  {_clip(str(r['tool_name']), 10):10s}  {_clip(what, 48):48s}  {_clip(reason, 100)}")
    shadow = any(r.get("shadow") for r in rows)
    lines.append("-" * 140)
    lines.append(
        f"{len(rows)} decision(s), oldest first"
        + ("; * = shadow mode (recorded, not enforced)" if shadow else "")
        + ". `clearance explain ID` shows one in full."
    )
    return "\n".join(lines)


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
                p = e.path.replace(DYN, "…")
                out.append(f"  - {e.kind:6s} {p}{'  (recursive)' if e.recursive else ''}")
    if decision.findings:
        out.append("findings:")
        for f in decision.findings:
            out.append(f"  - {f.rule_id} [{f.verdict}] {f.message}")
    else:
        out.append("findings: none")
    out.append(f"decision  {decision.decision.upper()} ({decision.stage}): {decision.reason}")
    return "\n".join(out)


def _example(x: object) -> str:
    text = x if isinstance(x, str) else json.dumps(x)
    text = text if len(text) <= 150 else text[:147] + "..."
    return "`` " + text.replace("\n", "⏎") + " ``"


def rules_markdown(rules: list[Rule]) -> str:
    """The rule reference: one section per rule, grouped by pack."""
    out = [
        "# Rule reference",
        "",
        "Generated by `clearance rules --markdown`; tests/test_docs.py fails when it is out of date.",
        "Verdicts: `hard_deny` and `soft_deny` answer *deny*, `ask` answers *ask*. Every example below runs in the test suite.",
        "",
    ]
    packs: dict[str, list[Rule]] = {}
    for r in sorted(rules, key=lambda r: r.id):
        packs.setdefault(r.module, []).append(r)
    out.append("| id | verdict | title |")
    out.append("|---|---|---|")
    for r in sorted(rules, key=lambda r: r.id):
        out.append(f"| [`{r.id}`](#{r.id.replace('.', '')}) | {r.verdict} | {r.title} |")
    out.append("")
    for pack, items in sorted(packs.items()):
        out.append(f"## Pack `{pack}` (src/clearance/rules/{pack}.py)")
        out.append("")
        for r in items:
            out.append(f"### {r.id}")
            out.append("")
            out.append(f"**{r.title}** — verdict `{r.verdict}`, scope `{r.scope}`.")
            out.append("")
            out.append(f"Why: {r.why}")
            out.append("")
            if r.alternative:
                out.append(f"Safer: {r.alternative}.")
                out.append("")
            for program, way in r.alternatives.items():
                out.append(f"Safer with `{program}`: {way}.")
                out.append("")
            out.append("Must match: " + "; ".join(_example(m) for m in r.match))
            out.append("")
            if r.no_match:
                out.append("Must not match: " + "; ".join(_example(m) for m in r.no_match))
                out.append("")
    return "\n".join(out) + "\n"
