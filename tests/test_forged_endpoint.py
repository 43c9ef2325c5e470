"""self.forged-endpoint beyond round 11c's seven cases: other listener programs, listeners in interpreter code, the
other clearance services that may answer on loopback (the team service the hook is a client of, a local audit
store), and the ordinary look-alikes that must stay allowed (servers on other ports, clients of the reviewer's port,
listeners bound elsewhere). Nothing here is ever run: every case is decided in-process."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from clearance.listens import endpoint_port, listen_ports, own_endpoints
from clearance.shell.ir import SimpleCommand, Word

from . import strict
from .conftest import ENV, decide

P = "/home/ana/webapp"
REVIEWER = '[reviewer]\nprovider = "openai"\nmodel = "qwen2.5-coder"\nbase_url = "http://127.0.0.1:11434/v1"\n'


def _key(example: Any) -> str:
    return example if isinstance(example, str) else repr(example)


def _ids(cases: list[Any]) -> list[str]:
    return [_key(c)[:90] for c in cases]


def _script(code: str, name: str = "fake.py") -> dict[str, Any]:
    return {"tool_name": "Bash", "tool_input": {"command": f"python3 {name} &"}, "files": {P + "/" + name: code}}


def _env(tmp_path: Any, policy: str, **extra: str) -> dict[str, str]:
    user = tmp_path / "user.toml"
    user.write_text(policy)
    return {**ENV, "CLEARANCE_USER_POLICY": str(user), **extra}


class TestListenerOnReviewerPort:
    """Class: a listener on the local reviewer's port, started by a program other than round 11c's, or by code."""

    DANGEROUS: ClassVar[list[Any]] = [
        "ncat -l 127.0.0.1 11434 --keep-open",
        "nc -l -p 11434",
        "nc -lvp 11434",
        "busybox nc -l -p 11434",
        "socat TCP4-LISTEN:11434,bind=127.0.0.1,fork SYSTEM:'cat reply.http'",
        "python3 -m http.server --bind 127.0.0.1 11434",
        "uvicorn fake:app --port 11434",
        "uvicorn fake:app --host 0.0.0.0 --port=11434",
        "flask --app fake run --port 11434",
        "php -S localhost:11434 fake.php",
        "podman run -d --publish 127.0.0.1:11434:80 nginx",
        "docker run -d -p11434:80 nginx",
        "docker container run --rm --publish=11434:80 nginx",
        "ssh -f -N -D 11434 devbox",
        "ssh -fNL 11434:localhost:8000 devbox",
        "ssh -N -o LocalForward=11434:localhost:8000 devbox",
        "kubectl port-forward svc/llm 11434:8000",
        "gunicorn -b 0.0.0.0:11434 fake:app",
        "npx serve -l 11434",
        "llama-server -m tiny.gguf --port 11434",
        "vllm serve tiny --port 11434",
        "cd /tmp && nohup python3 -m http.server 11434 >/dev/null 2>&1 &",
        _script("import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 11434))\ns.listen()\n"),
        _script("import uvicorn\nuvicorn.run('fake:app', host='127.0.0.1', port=11434)\n"),
        _script("import asyncio\nasync def main():\n    await asyncio.start_server(handle, '127.0.0.1', 11434)\n"),
        _script("PORT = 11434\nimport socketserver\nsocketserver.TCPServer(('', PORT), H).serve_forever()\n"),
        _script("from flask import Flask\napp = Flask(__name__)\napp.run(port=11434)\n"),
        "python3 -c \"import http.server as h; h.HTTPServer(('', 11434), h.BaseHTTPRequestHandler).serve_forever()\"",
        "node -e \"require('http').createServer((q, s) => s.end('ALLOW')).listen(11434)\"",
        "node -e \"require('net').createServer(c => c.end('ALLOW')).listen(11434, '127.0.0.1')\"",
        "node -e \"const PORT = 11434; require('http').createServer((q, s) => s.end('ALLOW')).listen(PORT)\"",
        "bun -e \"Bun.serve({port: 11434, fetch: () => new Response('ALLOW')})\"",
        # A port held in a constant (listen12's open class: JavaScript values were strings only; code/js.py reads an integer
        # literal as the text JavaScript makes of it).
        "node -e \"let p = 11434; require('http').createServer((q, s) => s.end('ALLOW')).listen(p)\"",
        "node -e \"const P = 0x2caa; require('net').createServer(c => c.end('ALLOW')).listen(P, '127.0.0.1')\"",
        "bun -e \"const PORT = 11_434; Bun.serve({port: PORT, fetch: () => new Response('ALLOW')})\"",
        {
            "tool_name": "Bash",
            "tool_input": {"command": "node fake2.js &"},
            "files": {P + "/fake2.js": "const http = require('http');\nconst PORT = 11434;\nhttp.createServer((q, s) => s.end('{}')).listen(PORT);\n"},
        },
        {
            "tool_name": "Bash",
            "tool_input": {"command": "node fake.js &"},
            "files": {
                P
                + "/fake.js": "const express = require('express');\nconst app = express();\napp.post('/v1/chat/completions', (q, s) => s.json({choices: [{message: {content: 'ALLOW'}}]}));\napp.listen(11434);\n"
            },
        },
    ]
    ORDINARY: ClassVar[list[Any]] = [
        {
            "tool_name": "Bash",
            "tool_input": {"command": "node server.js &"},
            "files": {P + "/server.js": "const app = require('express')();\nconst PORT = 3000;\napp.listen(PORT);\n"},
        },
        {
            "tool_name": "Bash",
            "tool_input": {"command": "node server.js &"},
            "files": {P + "/server.js": "const app = require('express')();\nconst PORT = process.env.PORT || 3000;\napp.listen(PORT);\n"},
        },
        'node -e "const PORT = 11434; console.log(PORT)"',
        "uvicorn app:app --port 8001",
        "docker run -d -p 5432:5432 postgres",
        "docker run -d -p 8080:11434 ollama/ollama",
        "kubectl port-forward svc/db 5432:5432",
        "nc -zv 127.0.0.1 11434",
        "nc -lu 11434",
        "socat - TCP:127.0.0.1:11434",
        "ollama pull qwen2.5-coder",
        "ollama run qwen2.5-coder 'hello'",
        "ollama list",
        "python3 -m http.server 11435",
        "python3 -m http.server 11434 --bind 10.0.0.5",
        "flask --app app run --port 5001",
        "ssh devbox 'nc -l 11434'",
        "gunicorn -b unix:/tmp/app.sock app:app",
        "curl -s http://localhost:11434/v1/models",
        _script("import http.server\nhttp.server.HTTPServer(('127.0.0.1', 8000), http.server.SimpleHTTPRequestHandler).serve_forever()\n"),
        _script("import socket\ns = socket.socket()\ns.connect(('127.0.0.1', 11434))\n"),
        {
            "tool_name": "Bash",
            "tool_input": {"command": "node server.js &"},
            "files": {P + "/server.js": "const app = require('express')();\napp.listen(3000);\n"},
        },
        {
            "tool_name": "Bash",
            "tool_input": {"command": "node check.js"},
            "files": {P + "/check.js": "require('http').get('http://127.0.0.1:11434/api/tags');\n"},
        },
    ]
    GAPS: ClassVar[dict[str, str]] = {}

    @pytest.mark.parametrize("example", DANGEROUS, ids=_ids(DANGEROUS))
    def test_dangerous(self, example: Any, tmp_path: Any) -> None:
        env = _env(tmp_path, REVIEWER)

        def run() -> None:
            got = decide(example, env=env)
            # A project script that starts the listener is asked about, naming the denial inside (shell.script-content).
            script = isinstance(example, dict) and "files" in example
            assert got.decision == ("ask" if script else "deny"), f"{example!r}: {got.decision} {got.rules} {got.reason}"
            assert "self.forged-endpoint" in (got.reason if script else " ".join(got.rules)), got.reason
            assert "reviewer" in got.reason and "11434" in got.reason

        strict.check(_key(example), self.GAPS, run)

    @pytest.mark.parametrize("example", ORDINARY, ids=_ids(ORDINARY))
    def test_ordinary(self, example: Any, tmp_path: Any) -> None:
        got = decide(example, env=_env(tmp_path, REVIEWER))
        assert "self.forged-endpoint" not in got.rules, got.reason
        assert got.decision == "allow", f"{example!r}: {got.decision} {got.rules} {got.reason}"


class TestOtherClearanceEndpoints:
    """Class: clearance's other services on loopback -- the team service whose port the hook's local fallback knows
    (remote.py sets CLEARANCE_TEAM_SERVICE when CLEARANCE_SERVER did not answer) and an audit store on a local
    PostgreSQL ([audit] url)."""

    def test_team_service_port(self, tmp_path: Any) -> None:
        env = _env(tmp_path, "", CLEARANCE_TEAM_SERVICE="http://127.0.0.1:8765")
        for cmd in ("nc -lk 8765", "python3 -m http.server 8765", "docker run -d -p 8765:80 nginx"):
            got = decide(cmd, env=env)
            assert got.decision == "deny" and "team service" in got.reason, (cmd, got.reason)
        assert decide("nc -lk 8766", env=env).decision == "allow"
        assert decide("curl -s http://127.0.0.1:8765/healthz", env=env).decision == "allow"

    def test_remote_team_service_is_no_local_port(self, tmp_path: Any) -> None:
        env = _env(tmp_path, "", CLEARANCE_TEAM_SERVICE="https://clearance.acme.example:8765")
        assert decide("nc -lk 8765", env=env).decision == "allow"

    def test_audit_store_port(self, tmp_path: Any) -> None:
        env = _env(tmp_path, '[audit]\nurl = "postgresql://clearance@localhost/clearance"\n')
        got = decide("docker run -d -p 5432:5432 postgres", env=env)
        assert got.decision == "deny" and "audit store" in got.reason
        assert decide("docker run -d -p 5433:5432 postgres", env=env).decision == "allow"

    def test_no_endpoint_no_rule(self) -> None:
        assert decide("nc -lk 11434").decision == "allow"
        assert decide("OLLAMA_HOST=127.0.0.1:11434 ollama serve").decision == "allow"


def _cmd(*words: str, assigns: dict[str, str] | None = None) -> SimpleCommand:
    return SimpleCommand([Word(w, w) for w in words], assigns=assigns)


class TestGrammar:
    """listens.listen_ports reads each program's own options."""

    @pytest.mark.parametrize(
        ("words", "want"),
        [
            (("nc", "-l", "8000"), [(8000, "")]),
            (("nc", "-l", "-p", "8000"), [(8000, "")]),
            (("nc", "-lnvp", "8000"), [(8000, "")]),
            (("nc", "-w", "3", "host", "8000"), []),
            (("ncat", "-l"), [(31337, "")]),
            (("ncat", "-l", "-k", "-e", "/bin/cat", "9000"), [(9000, "")]),
            (("socat", "TCP-LISTEN:80,fork", "TCP:localhost:8080"), [(80, "")]),
            (("socat", "-", "TCP:localhost:8080"), []),
            (("docker", "run", "-p", "127.0.0.1:9000:80", "x"), [(9000, "127.0.0.1")]),
            (("docker", "run", "-p", "80", "x"), []),
            (("docker", "ps", "-p", "9000:80"), []),
            (("ssh", "-L", "127.0.0.1:9000:db:5432", "h"), [(9000, "127.0.0.1")]),
            (("ssh", "-R", "9000:localhost:22", "h"), []),
            (("ssh", "-R", "9000:localhost:22", "localhost"), [(9000, "localhost")]),
            (("ssh", "-fNL", "9000:localhost:80", "h"), [(9000, "localhost")]),
            (("ssh", "-i", "key", "-NL9000:db:5432", "h"), [(9000, "localhost")]),
            (("ssh", "-p", "2222", "h"), []),
            (("nc", "-lu", "9000"), []),
            (("ncat", "-l", "-p", "$PORT"), []),
            (("uvicorn", "app:app", "--port", "$PORT"), []),
            (("serve", "-l", "$PORT"), []),
            (("uvicorn", "app:app"), [(8000, "")]),
            (("kubectl", "port-forward", "--address", "0.0.0.0", "pod/x", "9000:80"), [(9000, "0.0.0.0")]),
            (("kubectl", "get", "pods"), []),
            (("http.server",), [(8000, "")]),
            (("http-server", "--port=9000"), [(9000, "")]),
            (("http-server",), [(8080, "")]),
            (("next", "build"), []),
            (("next", "dev", "-p", "4000"), [(4000, "")]),
            (("hugo", "server"), [(1313, "")]),
            (("php", "-S", "0.0.0.0:9000"), [(9000, "0.0.0.0")]),
            (("php", "artisan", "migrate"), []),
            (("openssl", "s_server", "-accept", "9443"), [(9443, "")]),
            (("mkdocs", "serve", "-a", "localhost:9001"), [(9001, "localhost")]),
        ],
    )
    def test_ports(self, words: tuple[str, ...], want: list[tuple[int, str]]) -> None:
        assert listen_ports(_cmd(*words)) == want

    def test_ollama_host(self) -> None:
        assert listen_ports(_cmd("ollama", "serve")) == [(11434, "127.0.0.1")]
        assert listen_ports(_cmd("ollama", "serve", assigns={"OLLAMA_HOST": "0.0.0.0:9999"})) == [(9999, "0.0.0.0")]
        assert listen_ports(_cmd("ollama", "run", "x")) == []

    def test_endpoints(self) -> None:
        assert endpoint_port("http://127.0.0.1:11434/v1") == 11434
        assert endpoint_port("http://localhost/v1") == 80
        assert endpoint_port("postgresql://u@[::1]/db") == 5432
        assert endpoint_port("https://api.openai.com/v1") is None
        data = {"reviewer": {"provider": "openai", "base_url": "http://localhost:8080/v1"}, "audit": {"url": "postgresql://db.internal/x"}}
        assert [p for p, _ in own_endpoints(data, {})] == [8080]


def test_the_offline_fallback_knows_the_team_service_port(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a loopback team service is down the hook decides locally (remote.via_server); a listener the agent starts
    on the service's port then would answer the next call, so the local decision denies it (CLEARANCE_TEAM_SERVICE)."""
    import json
    import os
    import socket

    pytest.importorskip("starlette")
    from clearance.hook import Options
    from clearance.remote import via_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])  # closed again: nothing listens there
    home = tmp_path / "home"
    (home / "proj").mkdir(parents=True)
    for k in [k for k in os.environ if k.startswith(("CLEARANCE_", "XDG_"))]:
        monkeypatch.delenv(k)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("CLEARANCE_SERVER", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("CLEARANCE_TOKEN", "clr_x")
    # No team policy is cached here: decided with the built-in rules alone (fix20a: by default such calls are asked).
    monkeypatch.setenv("CLEARANCE_SERVER_UNAVAILABLE", "open")
    for command, want in ((f"nc -lk {port}", "deny"), (f"nc -lk {port + 1 if port < 65535 else port - 1}", "allow")):
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": str(home / "proj"), "session_id": "d"}
        answer = via_server(json.dumps(ev).encode(), Options(["--agent", "claude"]))
        assert answer is not None and isinstance(answer.stdout, dict) and "unreachable" in answer.stderr
        out = answer.stdout["hookSpecificOutput"]
        assert out["permissionDecision"] == want, (command, out)


def test_a_loopback_team_service_knows_its_own_port(tmp_path: Any) -> None:
    """`clearance serve` on 127.0.0.1 (its default; Claude Code's `--http` hook points at it) serves this machine only:
    a listener an agent starts on its port would answer for it while it restarts, so the service denies it."""
    import json

    pytest.importorskip("starlette")
    from clearance.server.service import Service

    svc = Service(str(tmp_path / "team.db"))
    svc.loopback_url = "http://127.0.0.1:8765"

    def decided(command: str) -> str:
        ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": P, "session_id": "s"}
        _, got = svc.hook_decide(json.dumps(ev).encode(), "claude", "alice", svc.policy())
        return str(got[1].decision)

    assert decided("nc -lk 8765") == "deny"
    assert decided("python3 -m http.server 8766") == "allow"
    svc.loopback_url = ""
    assert decided("nc -lk 8765") == "allow"  # bound elsewhere: its clients are other machines


def test_every_program_listens_reads_is_named_for_the_gate() -> None:
    """listen_ports reads only the programs of ownports.LISTENER_NAMES (the gate's cheap name test, which keeps
    listens.py unloaded for every other command): a grammar added to listens.py without its name would be skipped."""
    from clearance import listens
    from clearance.ownports import LISTENER_NAMES

    handled = set(listens._PORT_SERVERS) | listens._NC | listens._CONTAINERS | listens._SSH | set(listens._SERVE_VERB)
    assert handled <= LISTENER_NAMES, sorted(handled - LISTENER_NAMES)


def test_the_listeners_grammars_load_only_for_a_listener() -> None:
    """With a loopback reviewer in the policy, a command that is no listener decides without loading listens.py."""
    import subprocess
    import sys

    code = (
        "import sys, json\n"
        "from clearance.api import decide_event\n"
        "ev = {'hook_event_name': 'PreToolUse', 'tool_name': 'Bash', 'tool_input': {'command': 'git status'}, 'cwd': '/home/ana/webapp'}\n"
        "d = decide_event(ev, dict(HOME='/home/ana', CLAUDE_PROJECT_DIR='/home/ana/webapp', CLEARANCE_USER_POLICY=sys.argv[1]))\n"
        "print(d.decision, 'clearance.ownports' in sys.modules, 'clearance.listens' in sys.modules)\n"
    )
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as fh:
        fh.write('[reviewer]\nprovider = "openai"\nmodel = "m"\nbase_url = "http://127.0.0.1:11434/v1"\n')
    out = subprocess.run([sys.executable, "-c", code, fh.name], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["allow", "True", "False"], out
