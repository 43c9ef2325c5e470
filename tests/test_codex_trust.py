"""Codex runs a hook only once it is trusted: install trusts clearance's own hook through Codex, doctor fails when it is not.

The fake ``codex app-server`` here speaks the same JSON-RPC as Codex CLI 0.171.0 (``hooks/list``,
``config/batchWrite``); the real one is exercised by tests/e2e_agents (``make e2e``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clearance.installer import CodexError, codex_trust_lines, install, trust_codex_hooks

FAKE = r"""
import hashlib, json, os, sys
home = os.environ["HOME"]
hooks_file = os.path.join(home, ".codex", "hooks.json")
state_file = os.path.join(home, ".codex", "fake-trust.json")
log = os.path.join(home, "fake-codex.log")

def listing():
    state = json.load(open(state_file)) if os.path.exists(state_file) else {}
    hooks = []
    data = json.load(open(hooks_file)) if os.path.exists(hooks_file) else {"hooks": {}}
    names = {"PreToolUse": "pre_tool_use", "PostToolUse": "post_tool_use"}
    for event, groups in data.get("hooks", {}).items():
        for g, group in enumerate(groups):
            for h, hook in enumerate(group.get("hooks", [])):
                key = f"{hooks_file}:{names.get(event, event)}:{g}:{h}"
                digest = "sha256:" + hashlib.sha256(json.dumps(hook, sort_keys=True).encode()).hexdigest()
                trusted = state.get(key)
                status = "untrusted" if trusted is None else ("trusted" if trusted == digest else "modified")
                hooks.append({"key": key, "eventName": event[0].lower() + event[1:], "handlerType": "command", "command": hook["command"],
                              "sourcePath": hooks_file, "source": "user", "enabled": True, "isManaged": False,
                              "currentHash": digest, "trustStatus": status})
    return {"data": [{"cwd": os.getcwd(), "hooks": hooks, "warnings": [], "errors": []}]}

assert sys.argv[1:] == ["app-server"], sys.argv
for line in sys.stdin:
    msg = json.loads(line)
    with open(log, "a") as f:
        f.write(line)
    if "id" not in msg:
        continue
    if msg["method"] == "initialize":
        result = {"userAgent": "fake", "codexHome": os.path.join(home, ".codex")}
    elif msg["method"] == "hooks/list":
        result = listing()
    elif msg["method"] == "config/batchWrite":
        state = json.load(open(state_file)) if os.path.exists(state_file) else {}
        for edit in msg["params"]["edits"]:
            key = edit["keyPath"][len('hooks.state."'):-1]
            state[key] = edit["value"]["trusted_hash"]
        json.dump(state, open(state_file, "w"))
        result = {"status": "ok"}
    else:
        print(json.dumps({"id": msg["id"], "error": {"code": -32601, "message": "unknown"}}), flush=True)
        continue
    print(json.dumps({"id": msg["id"], "result": result}), flush=True)
"""


def fake_codex(tmp_path: Path) -> str:
    path = tmp_path / "bin" / "codex"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!{sys.executable}\n{FAKE}")
    path.chmod(0o755)
    return str(path)


def env_for(tmp_path: Path, codex: str | None) -> dict[str, str]:
    env = dict(os.environ, HOME=str(tmp_path), CLEARANCE_MANAGED_POLICY=str(tmp_path / "none.toml"))
    env.pop("CLEARANCE_CODEX", None)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if not os.path.exists(os.path.join(p, "codex")))
    if codex:
        env["CLEARANCE_CODEX"] = codex
    return env


def test_install_trusts_only_its_own_hook_and_doctor_sees_it(tmp_path: Path) -> None:
    codex = fake_codex(tmp_path)
    hooks_file = tmp_path / ".codex" / "hooks.json"
    hooks_file.parent.mkdir()
    other = {"type": "command", "command": "my-own-logger", "timeout": 5}
    hooks_file.write_text(json.dumps({"hooks": {"PreToolUse": [{"matcher": ".*", "hooks": [other]}]}}))
    env = env_for(tmp_path, codex)
    p = subprocess.run([sys.executable, "-m", "clearance", "install", "codex"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "✓ codex (user): Codex trusts and runs the hook" in p.stdout
    state = json.loads((tmp_path / ".codex" / "fake-trust.json").read_text())
    assert sorted(k.split(":")[-3] for k in state) == ["post_tool_use", "pre_tool_use"]
    assert all(not k.endswith("pre_tool_use:0:0") for k in state), "the user's own hook is not trusted by clearance"
    d = subprocess.run([sys.executable, "-m", "clearance", "doctor"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert "✓ codex (user): Codex trusts and runs the hook" in d.stdout, d.stdout


def test_doctor_fails_on_an_untrusted_or_modified_hook(tmp_path: Path) -> None:
    codex = fake_codex(tmp_path)
    env = env_for(tmp_path, codex)
    install("codex", "user", str(tmp_path), str(tmp_path))
    d = subprocess.run([sys.executable, "-m", "clearance", "doctor"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert d.returncode == 1 and "Codex will NOT run the hook (preToolUse: untrusted" in d.stdout, d.stdout
    trust_codex_hooks(codex, "user", str(tmp_path), str(tmp_path), env)
    assert codex_trust_lines("user", str(tmp_path), str(tmp_path), env, fix=False)[0]
    # A change to the hook's definition (here its timeout) makes Codex drop the trust: "modified".
    hooks_file = tmp_path / ".codex" / "hooks.json"
    hooks_file.write_text(hooks_file.read_text().replace('"timeout": 30', '"timeout": 31'))
    ok, lines = codex_trust_lines("user", str(tmp_path), str(tmp_path), env, fix=False)
    assert not ok and "modified" in lines[0]


def test_doctor_fails_when_codex_cannot_be_asked(tmp_path: Path) -> None:
    env = env_for(tmp_path, None)
    install("codex", "user", str(tmp_path), str(tmp_path))
    ok, lines = codex_trust_lines("user", str(tmp_path), str(tmp_path), env, fix=False)
    assert not ok and "cannot ask Codex" in lines[0]
    p = subprocess.run([sys.executable, "-m", "clearance", "install", "codex"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert p.returncode == 0 and "trust it in codex's /hooks" in p.stdout, "without codex, install prints the one step left"


def test_an_edited_hook_command_is_never_trusted(tmp_path: Path) -> None:
    codex = fake_codex(tmp_path)
    env = env_for(tmp_path, codex)
    install("codex", "user", str(tmp_path), str(tmp_path))
    hooks_file = tmp_path / ".codex" / "hooks.json"
    hooks_file.write_text(hooks_file.read_text().replace("|| exit 2", "; curl example.invalid || exit 2"))
    try:
        trust_codex_hooks(codex, "user", str(tmp_path), str(tmp_path), env)
    except CodexError as e:
        assert "not this clearance's" in str(e)
    else:
        raise AssertionError("an edited hook command was trusted")
    assert not (tmp_path / ".codex" / "fake-trust.json").exists()


def test_a_codex_that_never_answers_is_a_clear_error(tmp_path: Path) -> None:
    silent = tmp_path / "bin" / "codex"
    silent.parent.mkdir()
    silent.write_text(f"#!{sys.executable}\nimport sys, time\nsys.stdin.read()\n")
    silent.chmod(0o755)
    install("codex", "user", str(tmp_path), str(tmp_path))
    pidfile = tmp_path / "pid"
    silent.write_text(f"#!{sys.executable}\nimport os, sys\nopen({str(pidfile)!r}, 'w').write(str(os.getpid()))\nsys.stdin.read()\n")
    try:
        trust_codex_hooks(str(silent), "user", str(tmp_path), str(tmp_path), env_for(tmp_path, str(silent)), timeout=1.0)
    except CodexError as e:
        assert "did not answer initialize" in str(e)
    else:
        raise AssertionError("no error")
    # The app-server that never answered is not left running (it held full test runs open).
    pid = int(pidfile.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_codex_home_is_where_the_user_hooks_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clearance.installer import settings_path

    monkeypatch.setenv("CODEX_HOME", str(tmp_path / "ch"))
    assert settings_path("codex", "user", "/home/ana", "/home/ana/p") == str(tmp_path / "ch" / "hooks.json")
    assert settings_path("codex", "project", "/home/ana", "/home/ana/p") == "/home/ana/p/.codex/hooks.json"
    monkeypatch.delenv("CODEX_HOME")
    assert settings_path("codex", "user", "/home/ana", "/home/ana/p") == "/home/ana/.codex/hooks.json"


def test_project_scope_needs_a_project_the_user_trusts_in_codex(tmp_path: Path) -> None:
    from clearance.installer import codex_project_trusted, codex_trust_lines

    home, project = tmp_path / "home", tmp_path / "home" / "proj"
    project.mkdir(parents=True)
    (home / ".codex").mkdir()
    ok, lines = codex_trust_lines("project", str(home), str(project), {"PATH": "/nonexistent"}, fix=False)
    assert not ok and "trust_level" in lines[0] and "codex exec --trust" in lines[0]
    (home / ".codex" / "config.toml").write_text(f'model = "x"\n[projects."{project}"]\ntrust_level = "trusted"\n')
    assert codex_project_trusted(str(home), str(project), {})
    (home / ".codex" / "config.toml").write_text(f'[projects."{project}"]\ntrust_level = "untrusted"\n')
    assert not codex_project_trusted(str(home), str(project), {})
    (home / ".codex" / "config.toml").write_text("[projects\n")  # broken: not trusted, no crash
    assert not codex_project_trusted(str(home), str(project), {})


def test_install_and_doctor_name_codex_web_search_which_no_hook_sees(tmp_path: Path) -> None:
    # Codex's web search is the model provider's hosted tool: no local call, no PreToolUse (measured with Codex 0.171.0,
    # tests/e2e_agents coverage). clearance says so, with Codex's own switch, until the user turned it off.
    codex = fake_codex(tmp_path)
    env = env_for(tmp_path, codex)
    p = subprocess.run([sys.executable, "-m", "clearance", "install", "codex"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert p.returncode == 0 and 'web_search = "disabled"' in p.stdout, p.stdout + p.stderr
    d = subprocess.run([sys.executable, "-m", "clearance", "doctor"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert "! codex: its web search runs at the model provider" in d.stdout, d.stdout
    cfg = tmp_path / ".codex" / "config.toml"
    cfg.write_text('web_search = "disabled"\n' + (cfg.read_text() if cfg.exists() else ""))  # top-level keys go before tables
    d = subprocess.run([sys.executable, "-m", "clearance", "doctor"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert "web search" not in d.stdout, d.stdout
