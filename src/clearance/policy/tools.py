"""Tools for policy authors: show, lint, test, schema."""

from __future__ import annotations

import json
import os

from .load import LAYERS, _toml, layer_files, load, read_layer
from .patterns import Pattern, PatternError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def show(project_root: str, env: Any, as_json: bool = False) -> str:
    pol = load(project_root, env, use_cache=False)
    if as_json:
        return json.dumps(pol, indent=2)
    out: list[str] = []
    out.append("Layers (highest first):")
    for lay in pol["layers"]:
        state = "loaded" if lay["loaded"] else ("BROKEN" if lay["exists"] else "absent")
        out.append(f"  {lay['name']:9s} {state:7s} {lay['path']}")
    for err in pol["errors"]:
        out.append(f"\nBROKEN {err['layer']} layer: clearance answers ask instead of allow until it is fixed")
        out.extend(f"  {p}" for p in err["problems"])
    src = pol["sources"]
    out.append("")
    out.append(f"auto_mode = {_toml(pol['auto_mode'])}   ({src.get('auto_mode', 'default')})")
    if pol.get("repositories"):
        out.append(f"repositories = {', '.join(pol['repositories'])}   (managed [[repositories]] sections for this project)")
    out.append(f"allow_user_trust = {_toml(pol['allow_user_trust'])}   ({src.get('allow_user_trust', 'default')})")
    out.append(f"allow_project_trust = {_toml(pol['allow_project_trust'])}   ({src.get('allow_project_trust', 'default')})")
    out.append("\n[trust]  (plus the project's own origin remote, for ordinary pushes)")
    for key, items in pol["trust"].items():
        for v, layer in items:
            out.append(f"  {key:12s} {v:40s} ({layer})")
    out.append("\n[rules]")
    for verdict in ("hard_deny", "deny", "ask", "allow"):
        for entry in pol["rules"][verdict]:
            v, layer = entry[0], entry[1]
            extra = ""
            if len(entry) > 2 and entry[2] is not None:
                import time

                expired = entry[2] <= time.time()
                extra = f"  {'EXPIRED' if expired else 'until'} {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(entry[2]))}"
            if len(entry) > 3 and entry[3]:
                extra += f"  session {entry[3]}"
            out.append(f"  {verdict:10s} {v:40s} ({layer}){extra}")
    out.append("\n[reviewer.rules]")
    for verdict, items in pol["reviewer_rules"].items():
        for v, layer in items:
            out.append(f"  {verdict:10s} {v}   ({layer})")
    if pol["reviewer"]:
        out.append("\n[reviewer]")
        for k, v in pol["reviewer"].items():
            out.append(f"  {k} = {_toml(v)}   ({src.get('reviewer.' + k)})")
    out.append("\n[escalation]")
    for k, v in pol["escalation"].items():
        out.append(f"  {k} = {v}   ({src.get('escalation.' + k, 'default')})")
    if pol["audit"]:
        out.append("\n[audit]")
        for k, v in pol["audit"].items():
            out.append(f"  {k} = {_toml(v)}   ({src.get('audit.' + k)})")
    if pol["ignored"]:
        out.append("\nIgnored (a lower layer may not loosen what is above it):")
        for what, layer, why in pol["ignored"]:
            out.append(f"  {layer}: {what} -- {why}")
    return "\n".join(out)


def lint_files(paths: list[str], layers: dict[str, str] | None = None, default_layer: str = "file") -> list[str]:
    """Problems in the given policy files: keys, types, patterns, dead and shadowed rules, and entries that trust
    everything or match nothing (policy/breadth.py: an id each, an error in the managed layer, else a warning).
    *layers* names the layer of each path (default *default_layer*)."""
    from .breadth import lint
    from .load import LayerFile

    problems: list[str] = []
    for path in paths:
        lf = LayerFile("file", path)
        if not lf.exists:
            problems.append(f"{path}:0: no such file")
            continue
        data, errs, text = read_layer(lf)
        problems.extend(errs)
        if data is None:
            continue
        problems.extend(_rule_checks(data, text, path))
        problems.extend(x.text(path) for x in lint(data, text, (layers or {}).get(path, default_layer)))
    return problems


def _rule_checks(data: dict[str, Any], text: str, path: str) -> list[str]:
    from .load import _line_of_value

    entries: list[tuple[str, Pattern, str, int]] = []
    for verdict in ("hard_deny", "deny", "ask", "allow"):
        for v in _rule_texts(data, verdict):
            try:
                entries.append((verdict, Pattern(v), path, _line_of_value(text, v)))
            except PatternError:
                continue  # already reported by validation
    from .trustlint import trust_problems

    return (
        trust_problems(data, text, path)
        + _escalation_checks(data, text, path)
        + shadowed(entries)
        + never_wins(entries)
        + wildcard_unnamed(entries)
        + _expired(data, text, path)
    )


def _escalation_checks(data: dict[str, Any], text: str, path: str) -> list[str]:
    """Escalation limits below the minimum load (they are raised to it) but never mean what they say."""
    from .load import line_of
    from .load_more import ESCALATION_MINIMUM

    out = []
    for key, value in data.get("escalation", {}).items():
        if isinstance(value, int) and not isinstance(value, bool) and value < ESCALATION_MINIMUM:
            out.append(
                f"{path}:{line_of(text, ['escalation', key])}: escalation.{key} = {value} is raised to the minimum, {ESCALATION_MINIMUM} "
                f"(a lower limit would hand every denial to a person); write {ESCALATION_MINIMUM} or more"
            )
    return out


def _rule_texts(data: dict[str, Any], verdict: str) -> list[str]:
    """A layer's rules of one verdict; allow includes the [[rules.grant]] entries."""
    rules = data.get("rules", {})
    out = [v for v in rules.get(verdict, []) if isinstance(v, str)]
    if verdict == "allow":
        out += [g["allow"] for g in rules.get("grant", []) if isinstance(g, dict) and isinstance(g.get("allow"), str)]
    return out


def _expired(data: dict[str, Any], text: str, path: str) -> list[str]:
    import time

    from .load import _line_of_value, grant_expiry

    out = []
    for g in data.get("rules", {}).get("grant", []):
        exp = grant_expiry(g)
        if exp is not None and exp <= time.time():
            when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(exp))
            out.append(f"{path}:{_line_of_value(text, g['allow'])}: rules.grant {g['allow']!r} expired on {when} and no longer takes effect")
    return out


def never_wins(entries: list[tuple[str, Pattern, str, int]], project_root: str | None = None) -> list[str]:
    """Allow rules that name something a built-in hard denial always catches: they can never take effect."""
    from ..context import build_context
    from ..engine import analyse_shell
    from ..model import HARD_DENY
    from ..scope import Scope
    from ..trust import Trust
    from .patterns import rule_words

    out: list[str] = []
    sc: Scope | None = None
    for verdict, p, path, line in entries:
        if verdict != "allow" or p.kind != "bash":
            continue
        words, _ = rule_words(p)
        if not words:
            continue
        if sc is None:
            root = project_root or os.getcwd()
            sc = Scope(build_context(root, project_root=root), Trust())
        from .apply import _quote

        hard = [f for f in analyse_shell(" ".join(_quote(w) for w in words), sc).findings if f.verdict == HARD_DENY]
        if hard:
            f = hard[0]
            out.append(
                f"{path}:{line}: rules.allow {p.text!r} can never take effect: {f.rule_id} always hard-denies it "
                f"({f.message}), and no allow rule clears a hard denial"
            )
    return out


def wildcard_unnamed(entries: list[tuple[str, Pattern, str, int]], project_root: str | None = None) -> list[str]:
    """Allow rules whose wildcard sits inside a word (`Bash(rm -rf ~/cache/*)`): the rule names only the words before
    it (`rm -rf`, patterns.rule_words), so what a finding says of the matched path stands. Tried on a sample of what
    the wildcard matches (`*` as `x`): a question or soft denial the sample raises and the named words do not is
    named, with the ways that do take effect."""
    from ..context import build_context
    from ..engine import analyse_shell
    from ..model import ASK, SOFT_DENY
    from ..scope import Scope
    from ..trust import Trust
    from .apply import _quote
    from .patterns import rule_words

    out: list[str] = []
    sc: Scope | None = None
    for verdict, p, path, line in entries:
        a = (p.arg or "").strip()
        if verdict != "allow" or p.kind != "bash" or a.endswith(":*"):
            continue
        inside = next((w for w in a.split() if "*" in w and w != "*"), None)
        if inside is None:
            continue
        if sc is None:
            root = project_root or os.getcwd()
            sc = Scope(build_context(root, project_root=root), Trust())
        words, _ = rule_words(p)
        named = {f.rule_id for f in analyse_shell(" ".join(_quote(w) for w in words), sc).findings} if words else set()
        sample = " ".join(w.replace("*", "x") for w in a.split())
        stays = [f for f in analyse_shell(sample, sc).findings if f.verdict in (ASK, SOFT_DENY) and f.rule_id not in named]
        if stays:
            f = stays[0]
            out.append(
                f"{path}:{line}: rules.allow {p.text!r} names only `{' '.join(words)}` (its wildcard sits inside {inside!r}), so what "
                f"a finding says of the matched words stands: `{sample}` is still {'asked' if f.verdict == ASK else 'denied'} "
                f"({f.rule_id}: {f.message}); for a place, trust it ([trust] directories), or allow exact commands"
            )
    return out


def shadowed(entries: list[tuple[str, Pattern, str, int]]) -> list[str]:
    """Rules that can never take effect: duplicates, and rules covered by an equal or stronger one."""
    order = {"hard_deny": 0, "deny": 1, "ask": 2, "allow": 3}
    out: list[str] = []
    for i, (verdict, p, path, line) in enumerate(entries):
        for j, (sv, q, qpath, _) in enumerate(entries):
            if i == j or order[sv] > order[verdict] or (order[sv] == order[verdict] and j > i):
                continue
            if _covers(q, p):
                what = "repeats" if q.text == p.text else "is shadowed by"
                where = "" if qpath == path else f" in {qpath}"
                out.append(f"{path}:{line}: rules.{verdict} {p.text!r} {what} rules.{sv} {q.text!r}{where} and never takes effect")
                break
    return out


def _covers(q: Pattern, p: Pattern) -> bool:
    """Does every call *p* matches also match *q* (conservatively)?"""
    if q.tool != p.tool and not (q.tool.startswith("mcp__") and p.tool.startswith("mcp__")):
        return False
    if q.tool.startswith("mcp__"):
        return q.matches_tool(p.tool.replace("*", "x"))
    if q.arg is None:
        return True
    if p.arg is None:
        return False
    if q.tool == "Bash":
        if q.arg.endswith(":*"):
            prefix = q.arg[:-2].rstrip()
            body = p.arg[:-2].rstrip() if p.arg.endswith(":*") else p.arg.replace("*", "")
            return body == prefix or body.startswith(prefix + " ")
        if "*" not in q.arg:
            return p.arg == q.arg
        return "*" not in p.arg and q.matches_command(p.arg)
    return q.arg == p.arg or (q.arg.endswith("/**") and p.arg.startswith(q.arg[:-2]))


def lint_effective(project_root: str, env: Any) -> list[str]:
    """Problems of every layer file, plus rules shadowed across layers and entries a layer may not set."""
    from .load import LayerFile, _line_of_value, identify, line_of

    # The layers and the policy of every work tree the project lies inside (the `enclosing` layers, read as project
    # files: a folder of a repository made its own project keeps them; fix14b).
    files = [lf for lf in identify(project_root, env)[0] if lf.exists]
    problems = lint_files([lf.path for lf in files], {lf.path: "project" if lf.name == "enclosing" else lf.name for lf in files})
    entries: list[tuple[str, Pattern, str, int]] = []
    texts: dict[str, str] = {}
    for lf in files:
        data, _, text = read_layer(LayerFile(lf.name, lf.path))
        texts[lf.name] = text
        if data is None:
            continue
        for verdict in ("hard_deny", "deny", "ask", "allow"):
            for v in _rule_texts(data, verdict):
                try:
                    entries.append((verdict, Pattern(v), lf.path, _line_of_value(text, v)))
                except PatternError:
                    continue
    for msg in shadowed(entries):
        if msg not in problems:
            problems.append(msg)
    pol = load(project_root, env, use_cache=False)
    paths = {lf.name: lf.path for lf in files}
    for what, layer, why in pol["ignored"]:
        if what.startswith("escalation.") and why.startswith("raised to the minimum"):
            continue  # lint_files said so, with the fix
        value = what.split(": ", 1)[-1]
        line = _line_of_value(texts.get(layer, ""), value)
        if not line and " = " in what:  # `key = value` as written with other spacing: the key's own line
            line = line_of(texts.get(layer, ""), what.split(" = ", 1)[0].split("."))
        problems.append(f"{paths.get(layer, layer)}:{line}: {what} has no effect: {why}")
    return problems


def run_tests(path: str, project_root: str, env: Any) -> tuple[int, list[str]]:
    """Run a file of cases; returns (failures, report lines)."""
    from ..api import decide_event

    cases = _read_cases(path)
    lines: list[str] = []
    failures = 0
    for i, case in enumerate(cases, 1):
        expect = case.get("expect") or case.get("decision")
        tool = case.get("tool") or case.get("tool_name") or ("Bash" if "command" in case else None)
        if expect not in ("allow", "deny", "ask") or not tool:
            failures += 1
            lines.append(f"case {i}: needs 'expect' (allow|deny|ask) and a tool or command")
            continue
        tool_input = case.get("input") or case.get("tool_input") or {}
        if "command" in case:
            tool_input = {"command": case["command"]}
        for key in ("file_path", "url", "query", "pattern"):
            if key in case:
                tool_input = {**tool_input, key: case[key]}
        cwd = case.get("cwd") or project_root
        event = {"hook_event_name": "PreToolUse", "tool_name": tool, "tool_input": tool_input, "cwd": cwd, "session_id": "policy-test"}
        d = decide_event(event, env)
        label = case.get("name") or json.dumps(tool_input)[:70]
        if d.decision == expect:
            lines.append(f"ok    {label}: {d.decision}")
        else:
            failures += 1
            lines.append(f"FAIL  {label}: expected {expect}, got {d.decision} ({', '.join(d.rules)}: {d.reason})")
    return failures, lines


def _read_cases(path: str) -> list[dict[str, Any]]:
    with open(path, "rb") as f:
        raw = f.read()
    if path.endswith((".yaml", ".yml")):
        import yaml

        data = yaml.safe_load(raw)
    elif path.endswith(".json"):
        data = json.loads(raw)
    else:
        import tomllib

        data = tomllib.loads(raw.decode("utf-8"))
    policy_keys = ("rules", "trust", "auto_mode", "repositories", "reviewer", "escalation", "audit")
    looks_like_policy = isinstance(data, dict) and any(k in data for k in policy_keys)
    if isinstance(data, dict):
        data = data.get("case") or data.get("cases") or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of cases ([[case]] in TOML, a list in YAML)")
    cases = [c for c in data if isinstance(c, dict)]
    if not cases:
        # A file with no case passed as "0 mismatch(es)": a policy file given in place of its cases was a green CI step.
        hint = (
            " (this looks like a policy file: the policy under test is the effective one, or the files named by "
            "CLEARANCE_MANAGED_POLICY / CLEARANCE_USER_POLICY)"
            if looks_like_policy
            else ""
        )
        raise ValueError(f"{path}: no cases in it; write [[case]] tables with command (or tool + file_path/url/input) and expect = allow|deny|ask{hint}")
    return cases


def user_layer_path(env: Any) -> str:
    return layer_files(os.getcwd(), env)[1].path


__all__ = ["LAYERS", "lint_effective", "lint_files", "run_tests", "show"]
