"""The way from a denial to a decision, walked as a new developer with the real agents (tests/e2e_agents, agents14).

Found: an agent denied three times ran `clearance allow --last` itself.  That was denied (self.clearance-cli, a hard
denial) and became the latest denial, so the person's own `clearance allow --last` -- the command every denial had told
them to run -- named the agent's attempt and was refused, with no word of the call they had read about.  --last still
never moves on by itself (the person must see what they allow); the refusal now names the latest earlier decision of
that session that can be allowed, with its id.  And `clearance log` shows the grant behind an allow it made.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_ux_journeys import User


@pytest.fixture
def user(tmp_path: Path) -> User:
    return User(tmp_path)


def test_allow_last_after_the_agent_tried_it_points_to_the_denial_the_person_read(user: User) -> None:
    assert user.hook("git reset --hard HEAD~3")["permissionDecision"] == "deny"
    own = user.hook("clearance allow --last")  # the agent's own attempt
    assert own["permissionDecision"] == "deny" and "self.clearance-cli" in own["permissionDecisionReason"]
    p = user.run("allow", "--last")
    assert p.returncode == 1, p.stdout
    assert "decision 2 cannot be allowed" in p.stderr, p.stderr
    assert "`clearance allow 1`" in p.stderr and "git reset --hard HEAD~3" in p.stderr, p.stderr
    assert not user.user_file.exists()  # a pointer, nothing written
    ok = user.run("allow", "1")
    assert ok.returncode == 0, ok.stderr
    assert user.hook("git reset --hard HEAD~3")["permissionDecision"] == "allow"


def test_the_pointer_skips_other_hard_denials(user: User) -> None:
    user.hook("docker system prune -a --volumes")  # allowable: the one to name
    user.hook("rm -rf ~")  # hard
    user.hook("clearance uninstall claude")  # hard
    p = user.run("allow", "--last")
    assert p.returncode == 1
    assert "`clearance allow 1`" in p.stderr and "docker system prune" in p.stderr, p.stderr


def test_the_pointer_stays_in_the_refused_call_s_session(user: User, monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from clearance.cli import _latest_allowable

    user.hook("git push --force origin main", session="other")  # allowable, but another session's
    user.hook("clearance allow --last", session="s1")
    import os

    for k in list(os.environ):
        if k.startswith(("XDG_", "CLEARANCE_")):
            monkeypatch.delenv(k)
    for k, v in user.env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.chdir(user.project)
    args = argparse.Namespace(db=None, project=False, session=False, for_=None, last=True, id=None)
    refused = {"id": 2, "session_id": "s1"}
    assert _latest_allowable(args, refused) == ""
    assert "`clearance allow 1`" in _latest_allowable(args, {"id": 2, "session_id": "other"})


def test_no_pointer_when_nothing_before_can_be_allowed(user: User) -> None:
    user.hook("rm -rf ~")
    user.hook("clearance allow --last")
    p = user.run("allow", "--last")
    assert p.returncode == 1 and "cannot be allowed" in p.stderr
    assert "you can allow" not in p.stderr, p.stderr


def test_a_named_id_gets_no_pointer(user: User) -> None:
    user.hook("git reset --hard HEAD~3")
    user.hook("clearance allow --last")
    p = user.run("allow", "2")
    assert p.returncode == 1 and "you can allow" not in p.stderr, p.stderr


def test_log_shows_the_grant_behind_an_allow(user: User) -> None:
    user.hook("git reset --hard HEAD~3")
    assert user.run("allow", "--last").returncode == 0
    assert user.hook("git reset --hard HEAD~3")["permissionDecision"] == "allow"
    user.hook("ls -la")
    lines = user.run("log").stdout.splitlines()
    granted = next(x for x in lines if x.split()[:1] == ["2"])
    assert "by user:Bash(git reset --hard HEAD~3)" in granted, granted
    plain = next(x for x in lines if x.split()[:1] == ["3"])
    assert plain.rstrip().endswith("ls -la"), plain  # an ordinary allow stays blank


@pytest.mark.parametrize("command", ["terraform apply -auto-approve", "pulumi up --yes", "cdk destroy --force", "terraform destroy"])
def test_the_safer_way_of_an_unattended_apply_fits_an_apply_too(command: str, tmp_path: Path) -> None:
    """Found as a platform admin: `terraform apply -auto-approve` was told to run `terraform plan -destroy` and let the
    user "run the destroy" -- the rule's safer way spoke of one of the forms it denies only."""
    from clearance import decide

    d = decide("Bash", {"command": command}, cwd=str(tmp_path))
    assert d.decision == "deny" and d.rules == ["cloud.iac-destroy"]
    assert "apply or destroy it themselves" in d.hint and "run the destroy" not in d.hint, d.hint


@pytest.mark.parametrize("command", ["git reset --hard HEAD~3", "rm -rf ~", "clearance allow --last"])
def test_codex_reason_reaches_the_model_without_a_doubled_full_stop(command: str, tmp_path: Path) -> None:
    """Codex 0.171.0 hands the model "…PreToolUse hook: REASON. Command: CMD" (measured, the model's next request); the
    reason's own closing full stop made it "`clearance allow --last`.. Command: git reset --hard HEAD~3"."""
    from clearance import decide
    from clearance.adapters.codex import render_answer

    ans = render_answer(decide("Bash", {"command": command}, cwd=str(tmp_path)))
    assert ans.exit_code == 2 and ans.stderr.startswith("clearance denied: ")
    said = ans.stderr + ". Command: " + command  # as Codex quotes it
    assert ".." not in said and "clearance" in said, said
