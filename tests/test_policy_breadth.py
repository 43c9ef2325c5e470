"""Policy entries that trust everything or can never match: stable lint ids, in `clearance policy lint`, in
`clearance change show`, in the web editor, and an approval that needs an explicit override.

Found by h-user11: the team service accepted ``domains = ["*"]``, ``Bash(:*)``, ``git_remotes = [""]`` and
``directories = ["/"]`` without a word.  The class is an entry whose reach, asked of clearance's own matchers, is
everything (PL101, PL102) or nothing (PL201, PL202) -- found by probing with unrelated values, not by a list of
spellings; the cases below include spellings no check names.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clearance.policy.breadth import lint_text

SRC = str(Path(__file__).resolve().parents[1] / "src")
PW = "correct horse battery"

LOOSE = [
    ('[trust]\ndomains = ["*"]\n', "PL101"),
    ('[trust]\ndomains = ["*.*"]\n', "PL101"),
    ('[trust]\ndirectories = ["/"]\n', "PL101"),
    ('[trust]\ndirectories = ["/*"]\n', "PL101"),
    ('[trust]\ngit_remotes = ["*"]\n', "PL101"),
    ('[trust]\ngit_remotes = ["**"]\n', "PL101"),
    ('[trust]\nbuckets = ["s3://*"]\n', "PL101"),
    ('[trust]\nservices = ["*:*"]\n', "PL101"),
    ('[rules]\nallow = ["Bash(*)"]\n', "PL102"),
    ('[rules]\nallow = ["Bash"]\n', "PL102"),
    ('[rules]\nallow = ["Read(//**)"]\n', "PL102"),
    ('[rules]\nallow = ["Edit(//**)"]\n', "PL102"),
    ('[rules]\nallow = ["Write"]\n', "PL102"),
    ('[rules]\nallow = ["mcp__*"]\n', "PL102"),
    ('[[rules.grant]]\nallow = "Bash(*)"\nuntil = "2099-01-01"\n', "PL102"),
    ('[[repositories]]\nremotes = ["github.com/acme/*"]\n[repositories.trust]\ndomains = ["*"]\n', "PL101"),
    ('[trust]\ngit_remotes = [""]\n', "PL201"),
    ('[trust]\ndomains = ["  "]\n', "PL201"),
    ('[rules]\nallow = ["Bash(:*)"]\n', "PL202"),
    ('[rules]\ndeny = ["Bash( :*)"]\n', "PL202"),
    ('[rules]\nhard_deny = ["Bash( rm -rf *)"]\n', "PL202"),
    ('[rules]\nallow = ["WebFetch(domain:*)"]\n', "PL202"),
]

ORDINARY = [
    '[trust]\ndomains = ["api.acme.com", "*.acme.com"]\n',
    '[trust]\ndirectories = ["~/work", "/srv/data"]\n',
    '[trust]\ngit_remotes = ["github.com/acme/*"]\n',
    '[trust]\nbuckets = ["s3://acme-dev-*"]\n',
    '[trust]\nservices = ["localhost:3000", "https://ci.acme.internal/api"]\n',
    '[rules]\nallow = ["Bash(npm test:*)", "Bash(git status)", "Read(~/notes/**)", "Edit(/srv/data/**)", "WebFetch(domain:docs.acme.com)"]\n',
    '[rules]\nallow = ["Read(/**)", "Edit(**)"]\n',  # the project's own files (Claude Code's /path is project-relative)
    '[rules]\ndeny = ["Bash(*)"]\nhard_deny = ["Bash(terraform destroy:*)"]\n',
]


@pytest.mark.parametrize(("text", "lint_id"), LOOSE)
def test_an_entry_that_reaches_everything_or_nothing_is_named_by_its_id(text: str, lint_id: str) -> None:
    found = lint_text(text, "managed")
    assert [x.id for x in found] == [lint_id], (text, [x.as_dict() for x in found])
    assert found[0].severity == "error" and found[0].line > 0 and found[0].why
    assert [x.severity for x in lint_text(text, "project")] == ["warning"]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_entries_stay_clean(text: str) -> None:
    assert lint_text(text, "managed") == []


def test_policy_lint_command_prints_the_ids(tmp_path: Path) -> None:
    f = tmp_path / "org.toml"
    f.write_text('[trust]\ndomains = ["*"]\ngit_remotes = [""]\n[rules]\nallow = ["Bash(:*)"]\n')
    env = dict(os.environ, PYTHONPATH=SRC, XDG_CONFIG_HOME=str(tmp_path / "cfg"), HOME=str(tmp_path))
    p = subprocess.run([sys.executable, "-m", "clearance", "policy", "lint", "--managed", str(f)], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 1, p.stderr
    assert f"{f}:2: PL101 error:" in p.stdout and f"{f}:3: PL201 error:" in p.stdout and f"{f}:5: PL202 error:" in p.stdout, p.stdout
    plain = subprocess.run([sys.executable, "-m", "clearance", "policy", "lint", str(f)], capture_output=True, text=True, env=env, timeout=120)
    assert "PL101 warning:" in plain.stdout, plain.stdout


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=SRC)
    return subprocess.run([sys.executable, "-m", "clearance", *args, "--db", str(db)], capture_output=True, text=True, timeout=120, env=env)


def test_a_change_that_trusts_everything_is_proposed_but_approved_only_with_an_override(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    from clearance.server.service import Service, ServiceError

    db = tmp_path / "team.db"
    svc = Service(str(db))
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", PW, "approver")
    cid = svc.propose('[trust]\ndomains = ["*"]\n', "alice", "trust the web")
    assert [x["id"] for x in svc.change_lints(cid)] == ["PL101"]
    with pytest.raises(ServiceError, match="PL101"):
        svc.decide_change(cid, "bob", "approver", True, "looked")
    svc.store.close()

    shown = _cli(db, "change", "show", str(cid))
    assert shown.returncode == 0 and "PL101 error" in shown.stdout and "--override-lint" in shown.stdout, shown.stdout
    refused = _cli(db, "change", "approve", str(cid), "--by", "bob", "--comment", "read it")
    assert refused.returncode == 1 and "PL101" in refused.stderr, refused.stderr
    ok = _cli(db, "change", "approve", str(cid), "--by", "bob", "--comment", "we mean it", "--override-lint")
    assert ok.returncode == 0, ok.stderr
    svc = Service(str(db))
    assert svc.current_policy()[1] == '[trust]\ndomains = ["*"]\n'
    assert any("override" in r["details"] and "PL101" in r["details"] for r in svc.admin_log())
    f = tmp_path / "loose.toml"
    f.write_text('[trust]\ngit_remotes = [""]\n')
    proposed = _cli(db, "change", "propose", "--policy", str(f), "--by", "alice")
    assert proposed.returncode == 0 and f"{f}:2: PL201 error:" in proposed.stderr, proposed.stderr
    # A clean change needs no override.
    clean = svc.propose('[trust]\ndomains = ["api.acme.com"]\n', "alice")
    assert svc.change_lints(clean) == []
    svc.decide_change(clean, "bob", "approver", True, "fine")


def test_the_web_editor_and_change_page_show_the_findings_and_need_the_override(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    import re

    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "team.db"))
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", PW, "approver")
    client = TestClient(create_app(svc), follow_redirects=False)

    def login(user: str) -> str:
        page = client.get("/login")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        assert client.post("/login", data={"username": user, "password": PW, "csrf": csrf}).status_code == 303
        return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]

    csrf = login("alice")
    text = '[trust]\ndirectories = ["/"]\n'
    assert "PL101 error" in client.post("/policy/lint", data={"text": text, "csrf": csrf}).text
    cid = svc.propose(text, "alice")
    client.post("/logout", data={"csrf": csrf})
    client.cookies.clear()
    csrf_b = login("bob")
    page = client.get(f"/changes/{cid}").text
    assert "PL101" in page and 'id="override-lint"' in page
    refused = client.post(f"/changes/{cid}/approve", data={"csrf": csrf_b, "comment": "looked"})
    assert refused.status_code == 400 and "PL101" in refused.text
    assert client.post(f"/changes/{cid}/approve", data={"csrf": csrf_b, "comment": "meant", "override_lint": "1"}).status_code == 303
    assert svc.current_policy()[1] == text
