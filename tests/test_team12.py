"""The team service and the way from a denial to a decision, walked as a platform team and a developer would (h-team12).

Each test names the defect it was written for; each failed before its fix.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

PW = "correct horse battery"


# -- an --http install from before X-Clearance-Home ---------------------------------------------------------------


def _old_http_install(home: Path, url: str) -> Path:
    """Claude Code settings as `clearance install claude --http URL` wrote them before the home header."""
    from clearance.installer import install

    path = Path(install("claude", "user", str(home), str(home / "p"), http=url)[0])
    data = json.loads(path.read_text())
    hook = data["hooks"]["PreToolUse"][0]["hooks"][0]
    hook["headers"].pop("X-Clearance-Home")
    hook["allowedEnvVars"] = ["CLEARANCE_TOKEN"]
    data["model"] = "opus"
    path.write_text(json.dumps(data, indent=2))
    return path


def test_installing_again_upgrades_a_stale_http_hook_in_place(tmp_path: Path) -> None:
    """Defect: doctor said "run `clearance install claude --http URL` again", but install saw an http entry of its own
    and changed nothing (an empty diff), so the header was never added."""
    from clearance.installer import install

    home = tmp_path / "ana"
    path = _old_http_install(home, "https://clearance.acme.internal")
    _, diff = install("claude", "user", str(home), str(tmp_path / "p"), http="https://clearance.acme.internal")
    assert "X-Clearance-Home" in diff, diff
    data = json.loads(path.read_text())
    pre = data["hooks"]["PreToolUse"]
    assert len(pre) == 1, pre  # replaced where it was, not added beside it
    hook = pre[0]["hooks"][0]
    assert hook["headers"]["X-Clearance-Home"] == "$HOME" and "HOME" in hook["allowedEnvVars"]
    assert data["model"] == "opus"
    # Once upgraded, installing again is a no-op.
    assert install("claude", "user", str(home), str(tmp_path / "p"), http="https://clearance.acme.internal")[1] == ""


def test_doctor_names_the_exact_command_that_upgrades_a_stale_http_hook(tmp_path: Path) -> None:
    from clearance.installer import doctor

    home = tmp_path / "ana"
    _old_http_install(home, "http://127.0.0.1:9")  # nothing listens: doctor still reads the entry
    ok, lines = doctor(str(home), str(tmp_path / "p"), {"HOME": str(home)})
    text = "\n".join(lines)
    assert "clearance install claude --http http://127.0.0.1:9" in text, text
    stale = [ln for ln in lines if "X-Clearance-Home" in ln]
    assert stale and stale[0].startswith("✗"), stale
    assert not ok
