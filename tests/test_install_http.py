"""`clearance install claude --http`: Claude Code's http hook to a local `clearance serve`, failing closed."""

from __future__ import annotations

import http.client
import importlib.util
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.installer import HTTP_MARK, InstallError, _service_up, compile_package, install, uninstall

ORIGINAL = b'{\n  "permissions": {\n    "allow": [\n      "Bash(npm test:*)"\n    ]\n  }\n}\n'


def test_http_install_shape_idempotent_and_uninstall(tmp_path: Path) -> None:
    home, project = str(tmp_path / "h"), str(tmp_path / "p")
    settings = Path(home) / ".claude" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_bytes(ORIGINAL)
    path, diff = install("claude", "user", home, project, exe="/opt/c/bin/clearance", http="http://127.0.0.1:8765/")
    assert diff and path == str(settings)
    data = json.loads(settings.read_text())
    assert data["hooks"]["PreToolUse"] == [
        {
            "matcher": "*",
            "hooks": [
                {
                    "type": "http",
                    "url": "http://127.0.0.1:8765/v1/hook?agent=claude",
                    "headers": {
                        "Authorization": "Bearer $CLEARANCE_TOKEN",
                        "X-Clearance-Home": "$HOME",
                        "X-Clearance-Env": "CI=$CI;GITHUB_ACTIONS=$GITHUB_ACTIONS;CLEARANCE_HEADLESS=$CLEARANCE_HEADLESS;CLAUDE_CODE_ENTRYPOINT=$CLAUDE_CODE_ENTRYPOINT",
                    },
                    "allowedEnvVars": ["CLEARANCE_TOKEN", "HOME", "CI", "GITHUB_ACTIONS", "CLEARANCE_HEADLESS", "CLAUDE_CODE_ENTRYPOINT"],
                    "timeout": 30,
                    "onFailure": "block",
                    "statusMessage": HTTP_MARK,
                }
            ],
        }
    ]
    # The probe (PostToolUse) stays a command hook: the service answers PreToolUse only.
    assert data["hooks"]["PostToolUse"][0]["hooks"][0]["type"] == "command"
    assert install("claude", "user", home, project, exe="/opt/c/bin/clearance", http="http://127.0.0.1:8765")[1] == ""
    assert install("claude", "user", home, project, exe="/opt/c/bin/clearance")[1] == ""  # already installed (as http)
    assert uninstall("claude", "user", home, project)[1]
    assert settings.read_bytes() == ORIGINAL


def test_http_install_refusals(tmp_path: Path) -> None:
    home, project = str(tmp_path / "h"), str(tmp_path / "p")
    with pytest.raises(InstallError, match="Claude Code only"):
        install("codex", "user", home, project, http="http://127.0.0.1:8765")
    with pytest.raises(InstallError, match="http:// or https://"):
        install("claude", "user", home, project, http="127.0.0.1:8765")
    install("claude", "user", home, project, exe="/opt/c/bin/clearance")
    with pytest.raises(InstallError, match="uninstall claude` first"):
        install("claude", "user", home, project, http="http://127.0.0.1:8765")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, str]]:
    pytest.importorskip("starlette")
    import uvicorn

    from clearance.server.app import create_app
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "team.db"))
    svc.add_user("alice", "correct horse battery", "admin")
    token = svc.create_token("laptop", "alice")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(svc), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    for _ in range(250):
        if server.started:
            break
        time.sleep(0.02)
    yield port, token
    server.should_exit = True


def test_installed_http_hook_gets_claude_answers(served: tuple[int, str], tmp_path: Path) -> None:
    """What Claude Code sends for the installed entry (POST url, the header with $CLEARANCE_TOKEN filled in) gets a 2xx Claude answer."""
    port, token = served
    home = str(tmp_path / "h")
    install("claude", "user", home, str(tmp_path), exe="/opt/c/bin/clearance", http=f"http://127.0.0.1:{port}")
    hook = json.loads((Path(home) / ".claude" / "settings.json").read_text())["hooks"]["PreToolUse"][0]["hooks"][0]
    url = hook["url"].split(f"127.0.0.1:{port}", 1)[1]
    headers = {k: v.replace("$CLEARANCE_TOKEN", token).replace("$HOME", "/home/ana") for k, v in hook["headers"].items()}
    for command, expected in (("rm -rf ~/", "deny"), ("git status", "allow")):
        ev = {"session_id": "s", "hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/w"}
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("POST", url, body=json.dumps(ev), headers={**headers, "content-type": "application/json"})
        r = conn.getresponse()
        assert r.status == 200
        assert json.loads(r.read())["hookSpecificOutput"]["permissionDecision"] == expected
    assert _service_up(f"http://127.0.0.1:{port}/v1/hook?agent=claude")
    # Without the token (what Claude Code sends when $CLEARANCE_TOKEN is unset: "Bearer" alone) the answer is an ask
    # whose reason names the missing variable; a 401 reached the model as "HTTP 401" and nothing more.
    for auth in ("Bearer ", "Bearer", ""):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        ev = {"session_id": "s", "hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "git status"}, "cwd": "/home/ana/w"}
        conn.request("POST", url, body=json.dumps(ev), headers={"authorization": auth} if auth else {})
        r = conn.getresponse()
        assert r.status == 200
        out = json.loads(r.read())["hookSpecificOutput"]
        said = "CLEARANCE_TOKEN is not set" if auth else "no Authorization header"
        assert out["permissionDecision"] == "ask" and said in out["permissionDecisionReason"], out
    # The thin client (envelope) still gets the 401 it explains itself.
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("POST", url + "&envelope=1", body="{}", headers={"authorization": "Bearer "})
    assert conn.getresponse().status == 401


def test_service_down_is_reported() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert not _service_up(f"http://127.0.0.1:{port}/v1/hook")


def test_compile_package_writes_bytecode() -> None:
    import clearance.hook

    assert compile_package()
    cached = importlib.util.cache_from_source(clearance.hook.__file__)
    assert Path(cached).exists()


def test_default_command_is_the_fast_launcher_and_answers(tmp_path: Path) -> None:
    """The installed command runs `python -I -S .../hookrun.py hook`: no site, no PYTHON* variables; it decides like `clearance hook`."""
    import os
    import subprocess
    import sys

    from clearance.installer import hook_command

    home, project = str(tmp_path / "h"), str(tmp_path / "p")
    path, _ = install("claude", "user", home, project)
    command = json.loads(Path(path).read_text())["hooks"]["PreToolUse"][0]["hooks"][0]["command"]
    assert command == hook_command("claude") and " -I -S " in command and command.endswith("hookrun.py hook --agent claude || exit 2")
    assert install("claude", "user", home, project)[1] == ""  # recognised as ours: idempotent
    # PYTHONPATH pointing at a decoy clearance is ignored (-I).
    decoy = tmp_path / "decoy" / "clearance"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("raise SystemExit('decoy imported')\n")
    env = dict(os.environ, HOME="/home/ana", CLEARANCE_DB=str(tmp_path / "a.db"), PYTHONPATH=str(decoy.parent), CLEARANCE_NO_DAEMON="1")
    for cmd, expected in (("rm -rf ~/", "deny"), ("ls -la", "allow")):
        ev = {"session_id": "s", "hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": cmd}, "cwd": "/home/ana/w"}
        p = subprocess.run(["bash", "-c", command], input=json.dumps(ev), capture_output=True, text=True, env=env, timeout=60)
        assert p.returncode == 0, p.stderr
        assert json.loads(p.stdout)["hookSpecificOutput"]["permissionDecision"] == expected
    # Without the launcher file the shell exits 2: blocked, not allowed.
    broken = command.replace("hookrun.py", "missing-hookrun.py")
    p = subprocess.run(["bash", "-c", broken], input="{}", capture_output=True, text=True, env=env, timeout=60)
    assert p.returncode == 2
    assert sys.executable in command


def test_fast_launcher_skips_site(tmp_path: Path) -> None:
    """hookrun.py finds the package and tree-sitter itself (a venv's site-packages too): site is not imported."""
    import os
    import subprocess
    import sys

    from clearance.installer import fast_launcher

    launcher = fast_launcher()
    assert launcher is not None
    if sys.prefix == sys.base_prefix:
        pytest.skip("not in a virtual environment: where tree-sitter lives depends on the distribution, and site may be needed")
    ev = {"session_id": "s", "hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "rm -rf ~/"}, "cwd": "/home/ana/w"}
    env = dict(os.environ, HOME="/home/ana", CLEARANCE_DB=str(tmp_path / "a.db"), CLEARANCE_NO_DAEMON="1")
    p = subprocess.run([launcher[0], "-X", "importtime", *launcher[1:], "hook"], input=json.dumps(ev), capture_output=True, text=True, env=env, timeout=60)
    assert json.loads(p.stdout)["hookSpecificOutput"]["permissionDecision"] == "deny", p.stderr[-500:]
    imported = {line.rsplit("|", 1)[1].strip() for line in p.stderr.splitlines() if line.startswith("import time:")}
    assert "site" not in imported and "sitecustomize" not in imported, sorted(imported)
    assert launcher[0] == sys.executable
