"""Allow rules clear only what they name (issue 15 part 7).

An allow rule with a prefix or a wildcard covers the words it names; findings raised by the
words the prefix lets through (a later ``--context``, ``--force``, ``+refspec``, ``--delete``,
``-v``) stand, and options are read as the program reads them (``--opt=value`` is ``--opt value``,
a pinned option repeated with another value is not the rule's command).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clearance.api import decide_event
from clearance.policy import load_policy
from clearance.policy.patterns import Pattern, allow_matches, normalise_options, pins_hold


class Setup:
    def __init__(self, tmp: Path) -> None:
        self.home = tmp / "home"
        self.project = self.home / "webapp"
        self.project.mkdir(parents=True)
        self.user = self.home / ".config" / "clearance" / "config.toml"
        self.user.parent.mkdir(parents=True)
        self.env = {"HOME": str(self.home), "CLEARANCE_MANAGED_POLICY": str(tmp / "managed.toml"), "XDG_CACHE_HOME": str(tmp / "cache")}

    def rules(self, **lists: list[str]) -> None:
        body = "[rules]\n" + "".join(f"{k} = {v!r}\n".replace("'", '"') for k, v in lists.items())
        self.user.write_text(body)

    def decide(self, command: str) -> Any:
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(self.project), "session_id": "p"}
        return decide_event(ev, self.env)


@pytest.fixture
def s(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


def test_normalise_options() -> None:
    assert normalise_options(["kubectl", "--context=prod", "-n", "x", "--", "--a=b"]) == ["kubectl", "--context", "prod", "-n", "x", "--", "--a=b"]


@pytest.mark.parametrize(
    ("rule", "command", "covered"),
    [
        ("Bash(kubectl --context dev apply:*)", "kubectl --context dev apply -f k8s/", True),
        ("Bash(kubectl --context dev apply:*)", "kubectl --context=dev apply -f k8s/", True),
        ("Bash(kubectl --context=dev apply:*)", "kubectl --context dev apply -f k8s/", True),
        ("Bash(kubectl --context dev apply:*)", "kubectl --context dev apply -f k8s/ --context=prod", False),
        ("Bash(kubectl --context dev apply:*)", "kubectl --context dev apply -f k8s/ --context prod", False),
        ("Bash(kubectl -n staging delete pod:*)", "kubectl -n staging delete pod web -n prod", False),
        ("Bash(kubectl -n staging delete pod:*)", "kubectl -n staging delete pod web -- -n prod", True),
        ("Bash(helm --kube-context dev upgrade *)", "helm --kube-context dev upgrade app ./chart --kube-context=prod", False),
    ],
)
def test_pinned_options(rule: str, command: str, covered: bool) -> None:
    assert allow_matches(Pattern(rule), command.split()) is covered


def test_pins_ignore_unpinned_rules() -> None:
    assert pins_hold(Pattern("Bash(npm run build:*)"), ["npm", "run", "build", "--", "--prod"])


def test_later_context_is_not_cleared(s: Setup) -> None:
    s.rules(allow=["Bash(kubectl --context dev apply:*)"])
    assert s.decide("kubectl --context dev apply -f k8s/").decision == "allow"
    assert s.decide("kubectl --context=dev apply -f k8s/").decision == "allow"
    assert s.decide("kubectl --context dev apply --prune --all -f empty/ --context=prod").decision == "ask"
    assert s.decide("kubectl --context dev apply -f k8s/ --context prod").decision == "ask"


@pytest.mark.parametrize(
    "command",
    [
        "git push origin --force main",
        "git push origin -f main",
        "git push origin +main",
        "git push origin main:main +release",
        "git push origin --delete main",
        "git push origin :release/1.0",
        "git push origin --force-with-lease main",
    ],
)
def test_wildcard_push_rule_keeps_force_and_delete_denied(s: Setup, command: str) -> None:
    s.rules(allow=["Bash(git push origin *)"])
    baseline = s.decide(command).decision
    assert baseline == "deny", command


@pytest.mark.parametrize("command", ["git push origin --delete old-branch", "git push origin :old-branch"])
def test_wildcard_push_rule_keeps_a_feature_branch_deletion_asked(s: Setup, command: str) -> None:
    # git.remote-branch-delete (round 15) is raised by the `--delete`/`:` the wildcard lets through: not cleared
    s.rules(allow=["Bash(git push origin *)"])
    assert s.decide(command).decision == "ask", command


def test_wildcard_push_rule_still_allows_a_push(s: Setup) -> None:
    s.rules(allow=["Bash(git push origin *)"])
    assert s.decide("git push origin feature/x").decision == "allow"


@pytest.mark.parametrize("command", ["docker compose down -v", "docker compose down --volumes", "docker compose down --remove-orphans -v"])
def test_prefix_rule_keeps_volume_deletion(s: Setup, command: str) -> None:
    s.rules(allow=["Bash(docker compose down:*)"])
    assert s.decide(command).decision == "deny", command


def test_prefix_rule_clears_what_it_names(s: Setup) -> None:
    s.rules(allow=["Bash(docker compose down:*)", "Bash(kubectl apply:*)"])
    assert s.decide("docker compose down --remove-orphans").decision == "allow"
    assert s.decide("kubectl apply -f k8s/").decision == "allow"


def test_exact_rule_names_the_whole_command(s: Setup) -> None:
    s.rules(allow=["Bash(docker compose down -v)", "Bash(git push --force origin main)"])
    assert s.decide("docker compose down -v").decision == "allow"
    assert s.decide("git push --force origin main").decision == "allow"
    assert s.decide("git push --force origin release").decision == "deny"


def test_deny_rules_read_normalised_options(s: Setup) -> None:
    s.rules(deny=["Bash(kubectl --context prod:*)"])
    assert s.decide("kubectl --context=prod get pods").decision == "deny"
    assert s.decide("kubectl --context prod get pods").decision == "deny"
    assert s.decide("kubectl --context=dev get pods").decision == "allow"


def test_policy_loads(s: Setup) -> None:
    s.rules(allow=["Bash(git push origin *)"])
    assert load_policy(str(s.project), s.env).errors == []
