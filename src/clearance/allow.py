"""`clearance allow` and `clearance explain`: from an audited decision to a rule, and back.

`allow` turns a denied or asked call into the narrowest allow rule that makes exactly that call
pass, checks it by deciding the call again with the rule added, and appends it to a layer file as a
``[[rules.grant]]`` table recording who allowed what, from which decision, why, and until when.
It refuses what no allow rule can lift (hard denials, what the analyser cannot see through) and
layers the managed policy does not let loosen.  Never on the hook path.
"""

from __future__ import annotations

import os
import time

from .model import HARD_DENY

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .model import Action, Context, Decision
    from .policy import Policy


class AllowError(Exception):
    """Why no rule was written (shown to the user as is)."""


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> float:
    """'8h', '30m', '2d', '1w', '90s' -> seconds."""
    t = text.strip().lower()
    if len(t) >= 2 and t[-1] in _UNITS:
        try:
            n = float(t[:-1])
        except ValueError:
            n = -1
        if n > 0:
            return n * _UNITS[t[-1]]
    raise AllowError(f"--for {text!r}: give a duration such as 30m, 8h, 2d or 1w")


# How close together the latest denials of two sessions must be for `--last` to be ambiguous: a person who runs
# `clearance allow --last` reads a denial they saw minutes ago, not one from an hour back.
RIVAL_WINDOW_S = 15 * 60


def rivals_of_last(rows: list[dict[str, Any]], window_s: float = RIVAL_WINDOW_S) -> list[dict[str, Any]]:
    """The latest denied or asked row of each session, newest first, when more than one session has one within
    *window_s* of the newest (pure; *rows* newest first); [] when --last names one call without doubt."""
    if not rows:
        return []
    newest = float(rows[0]["ts"])
    latest: dict[str, dict[str, Any]] = {}
    for r in rows:
        if newest - float(r["ts"]) > window_s:
            break
        latest.setdefault(str(r.get("session_id") or ""), r)
    return list(latest.values()) if len(latest) > 1 else []


def served_by(row: dict[str, Any]) -> str:
    """The machine (the token's name) a team service decided this row for; "" for a decision made on a machine."""
    return str(row.get("user_name") or "")


def decided_offline(row: dict[str, Any]) -> bool:
    """Whether a client of a team service decided this row itself, because the service was unreachable (remote.py)."""
    rules = row.get("rules")
    return isinstance(rules, list) and "service.unreachable" in rules


def team_decided(row: dict[str, Any], env: Any) -> bool:
    """Whether the team's policy, not this machine's files, is the way to lift this row: the service decided it, or
    this machine decided it during an outage and is still the service's client (CLEARANCE_SERVER): a grant in the
    user's file would count only during the next outage."""
    return bool(served_by(row)) or (decided_offline(row) and bool(str(env.get("CLEARANCE_SERVER", "") or "").strip()))


def team_refusal(row: dict[str, Any]) -> str:
    """Why a grant on this machine cannot lift a decision of the team service, and what can (pure)."""
    if decided_offline(row) and not served_by(row):  # this machine's own row: the service's trail numbers it its own way
        return (
            f"decision {row['id']} was made on this machine while the team service was unreachable, with the team policy it had cached "
            "(or the built-in rules); a grant in this machine's files would count only during outages, since the service never reads "
            "them. Ask the service's admins to allow it in the team policy: the hook sends the decision to the service's trail once it "
            "answers (`clearance log --db` there marks it decided offline), and `clearance change propose --allow ID --by NAME` with "
            "that trail's id proposes exactly this call"
        )
    if decided_offline(row):
        return (
            f"decision {row['id']} was made on {served_by(row)} while the team service was unreachable, with its cached team policy; "
            "a grant in that machine's files would count only during outages, since the service never reads them. Ask the service's "
            f"admins to allow it in the team policy (`clearance change propose --allow {row['id']} --by NAME` proposes exactly this call; "
            "`clearance change show ID` shows what the change would decide differently, and a second person approves it)"
        )
    return (
        f"decision {row['id']} was made by the team service for {served_by(row)}, with the team policy; the service never reads "
        "this machine's policy files, so a grant here would change nothing there. Ask the service's admins to allow it in the "
        f"team policy (`clearance change propose --allow {row['id']} --by NAME` proposes exactly this call; `clearance change show ID` "
        "shows what the change would decide differently, and a second person approves it)"
    )


def replay_row(row: dict[str, Any], env: Any, policy: Policy | None = None) -> tuple[Action, Context, Policy, Decision]:
    """Decide an audited call again, now, with the effective policy (or *policy*: the team's) (no reviewer)."""
    from .adapters.claude import parse_event
    from .engine import evaluate
    from .policy import load_policy

    event = {
        "hook_event_name": "PreToolUse",
        "tool_name": row["tool_name"],
        "tool_input": row["tool_input"] if isinstance(row["tool_input"], dict) else {},
        "cwd": row["cwd"],
        "session_id": row["session_id"],
    }
    action, ctx = parse_event(event, env)
    if policy is None:
        policy = load_policy(ctx.project_root, env)
    return action, ctx, policy, evaluate(action, ctx, policy)


def candidate_rules(action: Action, ctx: Context, decision: Decision, why: dict[str, str] | None = None) -> list[str]:
    """The narrowest rules naming what drove the decision: each denied simple command exactly, or the tool call's target.

    *why*, when given, receives each Bash rule's own reason: the message of the finding raised on its command."""
    from .engine import analyse_shell
    from .policy.patterns import command_text
    from .scope import Scope

    if action.kind == "shell":
        driving = set(decision.rules)
        # Every command that raised what must be cleared: the driving findings and every other ask or soft denial (a
        # denied command next to an asked one: naming only the first left the question, and verify refused).
        stopping = [f for f in decision.findings if f.command and (f.rule_id in driving or f.verdict in ("ask", "soft_deny"))]
        shown = {f.command for f in stopping}
        if not shown:
            raise AllowError("clearance cannot tie this decision to one command of the call; write a rule by hand (docs/policy.md)")
        from .paths import DYN
        from .policy import DEFAULT

        out: list[str] = []
        for c in analyse_shell(str(action.tool_input.get("command", "")), Scope(ctx, DEFAULT.trust)).commands:
            if c.show() not in shown:
                continue
            values = [w.value for w in c.argv]  # the words as rules see them (policy/apply.py _readings)
            if any(DYN in v for v in values):
                raise AllowError(f"`{c.show()}` holds a value known only at run time; an exact rule cannot name it")
            if any(ch in v for v in values for ch in "()\n"):
                raise AllowError(f"`{c.show()}` cannot be written as a Claude Code rule; write a rule by hand (docs/policy.md)")
            into = [(r.op, r.target.raw) for r in c.redirects if r.writes and r.target is not None]
            if into:
                # A Bash rule names the command's words, not where its output goes: `Bash(echo hi)` would let the same
                # words write anywhere, so the policy does not let it clear what the redirect raises (policy/apply.py).
                raise AllowError(
                    f"`{c.show()}` writes through a redirect ({into[0][0]} {into[0][1]}), which no allow rule can name "
                    "(a Bash rule names the command's words, and would let them write anywhere); approve the call once when "
                    "your agent asks, or run it yourself"
                )
            rule = f"Bash({command_text(values)})"  # rules match the words joined by spaces, as typed
            if rule not in out:
                out.append(rule)
                if why is not None:
                    mine = [f for f in stopping if f.command == c.show()]
                    why[rule] = next((f.message for f in mine if f.rule_id in driving), mine[0].message if mine else "")
        return out
    ti = action.tool_input
    if action.kind in ("write", "edit"):
        path = ti.get("file_path") or ti.get("notebook_path")
        if isinstance(path, str) and path.startswith("/"):
            return [f"Edit(/{path})"]  # `//abs` is an absolute path in Claude Code's syntax
    if action.kind == "read":
        path = ti.get("file_path") or ti.get("path")
        if isinstance(path, str) and path.startswith("/"):
            return [f"Read(/{path})"]
    if action.tool_name == "WebFetch":
        from .trust import url_host

        host = url_host(str(ti.get("url", "")))
        if host:
            return [f"WebFetch(domain:{host})"]
    if action.tool_name.startswith("mcp__"):
        return [action.tool_name]
    raise AllowError(f"clearance does not know how to name this {action.tool_name} call in a rule; write one by hand (docs/policy.md)")


def refusal(decision: Decision) -> str | None:
    """Why no allow rule can lift this decision, or None."""
    if decision.decision == "allow":
        return "clearance allows this call now; there is nothing to allow"
    for f in decision.findings:
        if f.verdict == HARD_DENY:
            return f"{f.message} [{f.rule_id}] is a hard denial: no allow rule lifts it. If it is really wanted, run it yourself."
    driving = set(decision.rules)
    for f in decision.findings:
        if f.rule_id in driving and f.category == "policy":
            layer = f.rule_id.split(":", 1)[0]
            who = {
                "managed": "it is in the managed policy, which your organisation's admins change (`clearance policy show` says where)",
                "project": "change that rule in the repository's .clearance.toml instead",
            }.get(layer, "change that rule in your policy file instead (`clearance policy show` says where)")
            return f"{f.message}: a policy deny or ask rule is stronger than any allow rule; {who}"
        if f.rule_id in driving and (f.category in ("shell", "interp") or f.rule_id == "fs.delete-unknown-target"):
            return f"{f.message} [{f.rule_id}]: clearance cannot see what this runs, and an allow rule clears only what it names"
    if decision.stage == "policy" and decision.rules and decision.rules[0].startswith("policy."):
        return decision.reason
    return None


def layer_permission(policy: Policy, layer: str) -> str | None:
    """Why this layer may not add allow rules, or None."""
    data = policy.data
    if layer == "user" and not data.get("allow_user_trust", True):
        return "the managed policy sets allow_user_trust = false: allow rules in your user file have no effect; ask your platform team"
    if layer == "project" and not data.get("allow_project_trust", False):
        return "a repository's .clearance.toml may not loosen clearance (allow_project_trust is false); use --user (the default) for your own machine"
    return None


def broken_layer(policy: Policy, layer: str) -> str | None:
    """Why no allow rule can help while a policy file is broken, or None.  Before, `clearance allow ID` with a typo in
    the user file said "the rule(s) … would not make this call allowed …; write a rule by hand" -- sending the user to
    write by hand into the very file that was broken."""
    errors = policy.errors
    if not errors:
        return None
    err = next((e for e in errors if e.get("layer") == layer), errors[0])
    first = err["problems"][0] if err.get("problems") else f"{err.get('path', '?')} cannot be loaded"
    if err.get("layer") == layer:
        return (
            f"your {layer} policy file is broken ({first}); `clearance allow` writes into it, so fix it first "
            "(`clearance policy lint` lists every problem), then run this again. Until then clearance asks about every call it would allow."
        )
    return (
        f"the {err.get('layer')} policy file is broken ({first}): clearance asks about every call it would allow until it is fixed, "
        f"and no allow rule in the {layer} layer changes that; fix it or ask whoever keeps it (`clearance policy lint`)"
    )


def verify(rules: list[str], layer: str, action: Action, ctx: Context, policy: Policy) -> Decision:
    """The call decided again with the new rules in the given layer."""
    import copy

    from .engine import evaluate
    from .policy import Policy as PolicyClass

    data = copy.deepcopy(policy.data)
    data.setdefault("rules", {}).setdefault("allow", [])
    for r in rules:
        data["rules"]["allow"].append([r, layer])
    return evaluate(action, ctx, PolicyClass(data))


def _toml_str(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + "".join(ch if ch >= " " else f"\\u{ord(ch):04x}" for ch in out) + '"'


def _toml_time(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def grant_text(rule: str, by: str, decision_id: int | None, reason: str, expires: float | None, session: str, now: float) -> str:
    lines = ["", "[[rules.grant]]", f"allow = {_toml_str(rule)}"]
    if expires is not None:
        lines.append(f"expires = {_toml_time(expires)}")
    if session:
        lines.append(f"session = {_toml_str(session)}")
    lines.append(f"by = {_toml_str(by)}")
    lines.append(f"added = {_toml_time(now)}")
    if decision_id is not None:
        lines.append(f"decision = {int(decision_id)}")
    lines.append(f"reason = {_toml_str(reason[:300])}")
    return "\n".join(lines) + "\n"


def append_grants(path: str, texts: list[str]) -> None:
    """Append grant tables to a layer file, refusing to leave it broken."""
    import tomllib

    try:
        with open(path, encoding="utf-8") as f:
            old = f.read()
    except FileNotFoundError:
        old = ""
    new = old + ("" if not old or old.endswith("\n") else "\n") + "".join(texts)
    try:
        tomllib.loads(new)
    except tomllib.TOMLDecodeError as e:
        raise AllowError(f"{path}: adding the rule would not be valid TOML here ({e}); add it by hand") from e
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".clearance.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(new)
    os.replace(tmp, path)


def layer_path(layer: str, project_root: str, env: Any) -> str:
    from .policy.load import layer_files

    for lf in layer_files(project_root, env):
        if lf.name == layer:
            return str(lf.path)
    raise AllowError(f"no {layer} layer")  # pragma: no cover - the layers are fixed


def who(env: Any) -> str:
    name = env.get("USER") or env.get("LOGNAME") or ""
    if not name:
        import getpass

        try:
            name = getpass.getuser()
        except Exception:
            name = "unknown"
    return str(name)


def liftable_text(decision: Decision, policy: Policy, row: dict[str, Any], action: Action | None = None, ctx: Context | None = None) -> str:
    """One line for `clearance explain`: may the user allow this, and how (with the call: as `clearance allow` would)."""
    why = refusal(decision)
    if why is not None:
        return f"no: {why}"
    if action is not None and ctx is not None:
        try:
            candidate_rules(action, ctx, decision)
        except AllowError as e:
            return f"no: {e}"
    blocked = layer_permission(policy, "user") or broken_layer(policy, "user")
    if blocked is not None:
        return f"not now: {blocked}" if policy.errors else f"no: {blocked}"
    return f"yes: `clearance allow {row['id']}` (add --for 8h to make it expire, --session for this session only)"


# Rules the hook adds after the policy's decision, about the run rather than the call (audit.unanswered, escalation).
RUN_RULES = ("headless.unanswered", "escalation.handover", "escalation.stop")


def _said_of_the_run(rules: Any) -> bool:
    return isinstance(rules, list) and any(r in RUN_RULES for r in rules)


def allow_row(row: dict[str, Any], layer: str, session: bool, for_: str | None, reason: str, env: Any, dry_run: bool = False) -> list[str]:
    """Write the narrowest allow rule for an audited call; returns the lines to print.  Raises AllowError."""
    if team_decided(row, env):
        raise AllowError(team_refusal(row))
    now = time.time()
    expires = now + parse_duration(for_) if for_ else (now + 86400 if session else None)
    action, ctx, policy, decision = replay_row(row, env)
    why = refusal(decision)
    if why is not None:
        raise AllowError(f"decision {row['id']} cannot be allowed: {why}")
    blocked = layer_permission(policy, layer)
    if blocked is not None:
        raise AllowError(blocked)
    broken = broken_layer(policy, layer)
    if broken is not None:
        raise AllowError(broken)
    sid = str(row.get("session_id") or "") if session else ""
    if session and not sid:
        raise AllowError(f"decision {row['id']} was recorded without a session id; --session cannot apply, use --for instead")
    import json

    if "[REDACTED" in json.dumps(row.get("tool_input")):
        raise AllowError(f"decision {row['id']} was recorded with secrets redacted, so the exact call is not known; write the rule by hand (docs/policy.md)")
    own: dict[str, str] = {}
    rules = candidate_rules(action, ctx, decision, own)
    after = verify(rules, layer, action, ctx, policy)
    if after.decision != "allow":
        detail = "; ".join(after.lost) or after.reason
        raise AllowError(f"the rule(s) {', '.join(rules)} would not make this call allowed ({detail}); write a rule by hand (docs/policy.md)")
    path = layer_path(layer, ctx.project_root, env)
    # A call handed over after repeated denials, or denied because nobody was there to answer it, was recorded with words
    # about the run ("Stopping the run: ...", "No person is watching this run ..."): the grant keeps why the call itself
    # was stopped, as the policy decides it now.
    denied = decision.reason if row.get("stage") == "escalation" or _said_of_the_run(row.get("rules")) else row.get("reason")

    def note(rule: str) -> str:
        # A call of several commands: each grant says why its own command was stopped, not the first one's reason.
        said = own.get(rule) if len(rules) > 1 and own.get(rule) else denied
        return str(said or "")[:200] + (f" -- {reason}" if reason else "")

    texts = [grant_text(r, who(env), int(row["id"]) if row.get("id") is not None else None, note(r), expires, sid, now) for r in rules]
    until = f" until {_toml_time(expires)}" if expires is not None else ""
    scope = f" in session {sid}" if sid else ""
    lines = [f"{'would allow' if dry_run else 'allowed'}{scope}{until}: {r}" for r in rules]
    if action.tool_name.startswith("mcp__"):
        lines.append(f"note: a rule cannot name an MCP call's arguments: this allows every call of {action.tool_name} (use --for or --session to limit it)")
    lines.append(f"{'would write to' if dry_run else 'written to'} {path}:")
    lines.extend("  " + x for t in texts for x in t.strip("\n").splitlines())
    if not dry_run:
        append_grants(path, texts)
        lines.append("`clearance policy show` lists it; delete the [[rules.grant]] table to take it back.")
    return lines
