"""The rule type and the registry every rule pack adds to.

A rule has a stable id (``pack.what``), a one-line title, the reason it
exists, a verdict, and examples that must and must not trigger it.  The test
suite runs every example through the whole engine (tests/test_rule_examples.py),
and ``clearance rules`` lists and explains them.

Scopes say what a rule's check looks at:

- ``command``: one unwrapped shell command (``check(cmd, sc)``);
- ``effect``: one file-system effect of a shell command or a file tool (``check(effect, sc)``);
- ``action``: one non-shell tool call (``check(action, sc)``);
- ``problem``: raised by the parser/unwrapper when it cannot see through something;
  its check is never called, the rule only documents the id.
"""

from __future__ import annotations

from ..model import VERDICTS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    CheckFn = Callable[[Any, Any], "str | None"]


class Rule:
    __slots__ = (
        "id",
        "title",
        "why",
        "verdict",
        "scope",
        "commands",
        "tools",
        "effects",
        "check",
        "match",
        "no_match",
        "category",
        "module",
        "alternative",
        "alternatives",
    )

    def __init__(
        self,
        id: str,
        title: str,
        why: str,
        verdict: str,
        scope: str,
        check: CheckFn,
        match: tuple[Any, ...],
        no_match: tuple[Any, ...],
        commands: frozenset[str] | None = None,
        tools: frozenset[str] | None = None,
        category: str = "",
        alternative: str = "",
        effects: frozenset[str] | None = None,
        alternatives: dict[str, str] | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self.why = why
        self.verdict = verdict
        self.scope = scope
        self.check = check
        self.match = match
        self.no_match = no_match
        self.commands = commands
        self.tools = tools
        # An effect rule's effect kinds (read, write, delete; None: every kind): the engine runs it, and imports
        # its pack, only for effects of these kinds.  Its check answers None for any other kind.
        self.effects = effects
        self.category = category or id.split(".", 1)[0]
        # A safer way to the same goal, told to the agent with the denial; commands in `backticks`
        # are run through the engine by the tests (they must not raise this rule).
        self.alternative = alternative
        # The safer way for one program of several the rule covers (`mysql`: mysqldump, not pg_dump), by the program's
        # name; `alternative` for the rest (safer()).
        self.alternatives = dict(alternatives or {})
        mod = getattr(check, "__module__", "") or ""
        self.module = mod.rsplit(".", 1)[-1] if mod.startswith("clearance.rules.") else "shell"

    def safer(self, command: str = "") -> str:
        """The safer way told for *command* (a finding's simple command, or a recorded input): the way of the first of
        its words that names a program in ``alternatives`` (a wrapper's words come first: `docker compose exec db
        mysql …` is mysql's), else the rule's default."""
        if self.alternatives and command:
            for word in command.split():
                way = self.alternatives.get(word.rsplit("/", 1)[-1])
                if way:
                    return way
        return self.alternative


REGISTRY: dict[str, Rule] = {}


def rule(
    id: str,
    title: str,
    why: str,
    verdict: str,
    scope: str = "command",
    commands: tuple[str, ...] | frozenset[str] | None = None,
    tools: tuple[str, ...] | None = None,
    match: tuple[Any, ...] = (),
    no_match: tuple[Any, ...] = (),
    alternative: str = "",
    effects: tuple[str, ...] | None = None,
    alternatives: dict[str, str] | None = None,
) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as the check of a new rule."""

    def deco(fn: CheckFn) -> CheckFn:
        if fn.__name__.startswith("_"):
            # A private helper placed between @rule(...) and the rule's function.
            raise ValueError(f"rule {id}: @rule decorates the helper {fn.__name__}, not the rule's check")
        register(
            Rule(
                id,
                title,
                why,
                verdict,
                scope,
                fn,
                tuple(match),
                tuple(no_match),
                frozenset(commands) if commands is not None else None,
                frozenset(tools) if tools is not None else None,
                alternative=alternative,
                effects=frozenset(effects) if effects is not None else None,
                alternatives=alternatives,
            )
        )
        return fn

    return deco


def _raised_by_the_analyser(subject: Any, scope: Any) -> str | None:
    """Problem rules are raised by the parser and unwrapper, never checked directly."""
    return None


def problem_rule(id: str, title: str, why: str, verdict: str, match: tuple[Any, ...], no_match: tuple[Any, ...] = ()) -> None:
    import sys

    r = Rule(id, title, why, verdict, "problem", _raised_by_the_analyser, match, no_match)
    # Documented where it is declared (rules/shell.py), not where its placeholder check lives.
    caller = sys._getframe(1).f_globals.get("__name__", "")
    r.module = caller.rsplit(".", 1)[-1] if caller.startswith("clearance.rules.") else "shell"
    register(r)


def register(r: Rule) -> None:
    if r.id in REGISTRY:
        raise ValueError(f"duplicate rule id {r.id}")
    if r.verdict not in VERDICTS:
        raise ValueError(f"rule {r.id}: unknown verdict {r.verdict}")
    if not r.title or not r.why:
        raise ValueError(f"rule {r.id}: a rule needs a title and a rationale")
    if not r.match:
        raise ValueError(f"rule {r.id}: a rule needs at least one example that must match")
    REGISTRY[r.id] = r
