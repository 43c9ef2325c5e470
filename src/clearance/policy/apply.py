"""Applying the explicit policy rules, auto mode and broken layers to the built-in findings.

Order (DESIGN.md section 1): explicit rules first -- hard_deny > deny > ask > allow -- then the
built-in analysis.  An allow rule clears the built-in *ask* and *soft_deny* findings of the
commands (or the call) it covers, never a hard denial and never what the analyser could not
see through.  ``Bash(npm test:*)`` covers the simple command ``npm test``, not the
``rm -rf ~`` chained after it.
"""

from __future__ import annotations

from ..model import ASK, HARD_DENY, SOFT_DENY, Decision, Finding, combine
from ..paths import case_insensitive
from ..shell.effects import DELETE, READ, WRITE
from ..trust import url_host
from .patterns import Pattern, allow_matches, command_text, deny_texts, rule_words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model import Action
    from ..scope import Scope
    from ..shell.effects import Effect
    from ..shell.ir import SimpleCommand
    from . import Policy

_VERDICT = {"hard_deny": HARD_DENY, "deny": SOFT_DENY, "ask": ASK}
_WORD = {"hard_deny": "hard-denies", "deny": "denies", "ask": "requires a person for", "allow": "allows"}


def _readings(c: SimpleCommand) -> list[list[str]]:
    """The command's words as rules see them (`clean.sh -x`), and as typed when the name was a path (`./clean.sh -x`)."""
    values = [w.value for w in c.argv]
    out = [values]
    raw = c.argv[0].raw if c.argv else ""
    if raw != values[0] and "/" in raw and not any(ch in raw for ch in "'\"$`\\"):
        out.append([raw, *values[1:]])
    return out


def _texts(c: SimpleCommand) -> list[str]:
    """Texts deny and ask rules are matched against (also with `--opt=value` read as `--opt value`)."""
    out: list[str] = []
    for words in _readings(c):
        out.append(command_text(words))
        out += deny_texts(words)
    return out


def _named_rule_ids(p: Pattern, sc: Scope, cache: dict[str, frozenset[str] | None]) -> frozenset[str] | None:
    """Rule ids the built-in analysis raises for exactly the words *p* names (None: it names the whole command).

    ``Bash(git push origin *)`` names ``git push origin``: a finding that push raises on its own
    (none) is cleared, while ``git.force-push``, raised by a ``--force`` or ``+main`` the wildcard
    let in, stands.
    """
    if p.text in cache:
        return cache[p.text]
    words, whole = rule_words(p)
    ids: frozenset[str] | None = None
    if not whole:
        from ..engine import analyse_shell

        source = " ".join(_quote(w) for w in words)
        ids = frozenset(f.rule_id for f in analyse_shell(source, sc).findings) if source else frozenset()
    cache[p.text] = ids
    return ids


def _raised_by_words(p: Pattern, sc: Scope, cache: dict[str, frozenset[str] | None]) -> frozenset[str]:
    """Rule ids the built-in analysis raises for the words *p* names, alone (no redirect, no context around them)."""
    key = "words:" + (p.text or "")
    if key not in cache:
        from ..engine import analyse_shell

        source = " ".join(_quote(w) for w in rule_words(p)[0])
        cache[key] = frozenset(f.rule_id for f in analyse_shell(source, sc).findings) if source else frozenset()
    return cache[key] or frozenset()


def _quote(word: str) -> str:
    if word and all(ch.isalnum() or ch in "-_./=:@%+,~" for ch in word):
        return word
    return "'" + word.replace("'", "'\\''") + "'"


def _matches(p: Pattern, action: Action, commands: list[SimpleCommand], effects: list[Effect], sc: Scope) -> str | None:
    """What the pattern matched in this call (for the message), or None."""
    kind = p.kind
    if kind == "bash":
        if action.kind != "shell":
            return None
        for c in commands:
            for text in _texts(c):
                if p.matches_command(text):
                    return text
        return None
    if kind in ("read", "edit"):
        if p.matches_tool(action.tool_name) and p.arg is None:
            return action.tool_name
        wanted = (READ,) if kind == "read" else (WRITE, DELETE)
        for e in effects:
            if e.kind in wanted and p.matches_path(e.path, sc.ctx.project_root, sc.ctx.home, case_insensitive(e.path, sc.ctx)):
                return sc.show(e.path)
        return None
    if kind == "fetch":
        if action.tool_name != "WebFetch":
            return None
        url = action.tool_input.get("url")
        if isinstance(url, str) and p.matches_host(url_host(url)):
            return url
        return None
    if p.matches_tool(action.tool_name):
        return action.tool_name
    return None


def apply(
    policy: Policy,
    action: Action,
    commands: list[SimpleCommand],
    effects: list[Effect],
    findings: list[Finding],
    sc: Scope,
) -> Decision:
    explicit: list[Finding] = []
    for verdict in ("hard_deny", "deny", "ask"):
        for p, layer in policy.rules.get(verdict, []):
            what = _matches(p, action, commands, effects, sc)
            if what is not None:
                explicit.append(Finding(f"{layer}:{p.text}", _VERDICT[verdict], f"the {layer} policy {_WORD[verdict]} {p.text} ({what})", "policy"))

    allowed_by: list[str] = []
    matched: list[str] = []
    allow = policy.rules.get("allow", [])
    if allow and policy.sessions:  # grants for one session count only in that session
        allow = [(p, layer) for p, layer in allow if policy.sessions.get(id(p), sc.ctx.session_id) == sc.ctx.session_id]
    if allow:
        findings, allowed_by, matched = _clear_with_allow_rules(allow, action, commands, effects, findings, sc)

    decision = combine(explicit + findings)
    if decision.decision != "allow" and matched:
        decision.lost = [f"{m} matched but lost: {_why_lost(decision, explicit, m in allowed_by)}" for m in matched]
    if explicit and decision.rules and decision.rules[0] in {f.rule_id for f in explicit}:
        decision.stage = "policy"
    if decision.decision == "allow" and allowed_by:
        decision.stage = "policy"
        decision.rules = allowed_by
        # The rule itself follows in decision.rules (shown as "[user:Bash(…)]"): the reason names its layer only.
        decision.reason = f"Allowed by an allow rule of the {allowed_by[0].split(':', 1)[0]} policy."

    if decision.decision == "allow":
        if policy.errors:
            err = policy.errors[0]
            first = err["problems"][0] if err.get("problems") else "cannot be loaded"
            return Decision(
                "ask",
                f"The {err['layer']} policy file is broken ({first}); clearance asks until it is fixed (run `clearance policy lint`).",
                ["policy.broken"],
                "policy",
                decision.findings,
            )
        if policy.auto_mode == "disabled":
            # Clearance allows nothing on its own: the call goes to the agent's own permission rules and
            # prompts, as if clearance were not installed (the adapter answers nothing); its denials still hold.
            deferred = Decision(
                "ask",
                f"Auto mode is disabled by the {policy.source('auto_mode')} policy; the agent's own permission settings decide.",
                ["policy.auto-mode-disabled"],
                "policy",
                decision.findings,
            )
            deferred.defer = True
            return deferred
    return decision


def _cleared(f: Finding, covered: dict[str, frozenset[str] | None]) -> bool:
    if not f.command or f.command not in covered:
        return False
    named = covered[f.command]
    return named is None or f.rule_id in named


def _why_lost(decision: Decision, explicit: list[Finding], covers_all: bool) -> str:
    """Why an allow rule that matched did not make the call allowed."""
    top = decision.findings[0] if decision.findings else None
    for f in decision.findings:
        if decision.rules and f.rule_id == decision.rules[0]:
            top = f
            break
    if top is None:
        return f"the call is {decision.decision} ({decision.reason})"
    what = f"{top.rule_id} [{top.verdict}]" + (f" on `{top.command}`" if top.command else "")
    if top in explicit:
        return f"the policy rule {what} is stronger than any allow rule"
    if top.verdict == HARD_DENY:
        return f"{what} is a hard denial, which no allow rule clears"
    if top.category in ("shell", "interp"):
        return f"{what}: clearance cannot see what this runs, and an allow rule only clears what it names"
    if not covers_all:
        return f"{what} was raised by a part of the call the rule does not name ({top.command or top.message})"
    return f"{what} was raised by words the rule's wildcard lets through, not by the words it names"


def _clear_with_allow_rules(
    allow: list[tuple[Pattern, str]],
    action: Action,
    commands: list[SimpleCommand],
    effects: list[Effect],
    findings: list[Finding],
    sc: Scope,
) -> tuple[list[Finding], list[str], list[str]]:
    """(findings kept, allow rules to name as the reason when the call ends up allowed, every allow rule that matched)."""
    used: list[str] = []
    if action.kind == "shell":
        # command -> rule ids its allow rule may clear (None: every ask/soft finding of that command)
        covered: dict[str, frozenset[str] | None] = {}
        cache: dict[str, frozenset[str] | None] = {}
        for c in commands:
            readings = _readings(c)
            # KUBECONFIG=… before the command chooses what a pinned --context chose; so may one the shell may export
            # (SimpleCommand.unsure_env, marked "?": policy/patterns._targets_hold)
            assigned = (*c.assigns, *("?" + n for n in c.unsure_env))
            for p, layer in allow:
                if p.kind == "bash" and any(allow_matches(p, words, assigned) for words in readings):
                    covered[c.show()] = _named_rule_ids(p, sc, cache)
                    if covered[c.show()] is None and any(r.writes for r in c.redirects):
                        # An exact rule names the command's words, not where its output goes: `Bash(echo hi)` is no
                        # grant for `echo hi > /etc/x` (found walking from a denial to `clearance allow ID`, agents15).
                        covered[c.show()] = _raised_by_words(p, sc, cache)
                    if f"{layer}:{p.text}" not in used:
                        used.append(f"{layer}:{p.text}")
                    break
        if not covered:
            return findings, [], []
        kept = [f for f in findings if f.verdict == HARD_DENY or not _cleared(f, covered)]
        # Only name the allow rules when every command of the call is covered.
        all_covered = all(c.show() in covered for c in commands if not c.inner)
        return kept, used if all_covered else [], used
    named: frozenset[str] | None = None  # rule ids the allow rules that matched name (None: every one)
    cleared_all = False
    for p, layer in allow:
        if _matches(p, action, commands, effects, sc) is None:
            continue
        if p.kind in ("read", "edit") and p.arg is not None and not _every_target(p, action, allow, effects, sc):
            continue  # one file of a patch is what the rule names, the others are not
        used.append(f"{layer}:{p.text}")
        twin = None if p.arg is None else _named_twin(p, action)
        if twin is None:
            cleared_all = True
        else:
            named = (named or frozenset()) | _raised_by(twin, sc)
    if not used:
        return findings, [], []
    kept = [f for f in findings if f.verdict == HARD_DENY or (not cleared_all and f.rule_id not in (named or frozenset()))]
    return kept, used, used


# The fields of a file tool that carry what is written rather than where (audit.CONTENT_KEYS, and MultiEdit's edits).
_CONTENT_KEYS = frozenset({"content", "old_string", "new_string", "new_source", "file_text", "old_str", "new_str", "patch", "diff", "edits"})


def _named_twin(p: Pattern, action: Action) -> Action | None:
    """The call cut down to what the allow rule *p* names, or None when it names all of it.

    ``Edit(src/**)`` names the file written, not what is written in it; ``WebFetch(domain:H)`` names the domain, not
    the host its wildcard lets through nor the URL's path and query. A finding the call raises only through what the
    rule does not name stands, as a finding raised by the words after a Bash rule's prefix does (adversarial round
    12b: a secret in the query string of a URL on an allowed domain, a script that pipes a download into a shell
    written under an allowed folder). A rule with no argument (``WebFetch``, an MCP tool's name, whose syntax has no
    way to name its arguments) names every call of the tool, as ``Bash`` does."""
    from ..model import Action as ActionClass

    ti = action.tool_input
    if p.kind in ("read", "edit"):
        if p.kind == "read":
            return None
        return ActionClass(action.kind, action.tool_name, _without_content(ti))
    if p.kind == "fetch":
        from urllib.parse import urlsplit

        # The domain the rule names, not the host it let through: `domain:*.nip.io` (or `domain:nip.io`, which covers
        # its subdomains) does not name 169.254.169.254.nip.io.
        domain = (p.arg or "").partition(":")[2].strip().lstrip("*.")
        url = ti.get("url")
        scheme = urlsplit(url).scheme if isinstance(url, str) and url.startswith(("http://", "https://")) else "https"
        return ActionClass(action.kind, action.tool_name, {"url": f"{scheme}://{domain}/", "prompt": ""})
    return None


def _without_content(obj: Any) -> Any:
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k in _CONTENT_KEYS:
                out[k] = [] if isinstance(v, list) else "" if isinstance(v, str) else v
            else:
                out[k] = _without_content(v)
        return out
    if isinstance(obj, list):
        return [_without_content(v) for v in obj]
    return obj


def _raised_by(twin: Action, sc: Scope) -> frozenset[str]:
    """The rule ids the built-in analysis raises for *twin* (a non-shell call)."""
    from ..engine import check_action, check_effects
    from ..tools import action_effects

    found: list[Finding] = []
    check_effects(action_effects(twin, sc), sc, found)
    check_action(twin, sc, found)
    return frozenset(f.rule_id for f in found)


def _every_target(p: Pattern, action: Action, allow: list[tuple[Pattern, str]], effects: list[Effect], sc: Scope) -> bool:
    """Whether the file rules among *allow* cover every file the call writes (or reads, for a Read rule)."""
    wanted = (READ,) if p.kind == "read" else (WRITE, DELETE)
    rules = [q for q, _ in allow if q.kind == p.kind and q.arg is not None]
    for e in effects:
        if e.kind not in wanted:
            continue
        ci = case_insensitive(e.path, sc.ctx)
        if not any(q.matches_path(e.path, sc.ctx.project_root, sc.ctx.home, ci) for q in rules):
            return False
    return True
