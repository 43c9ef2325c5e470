"""The thin client's HTTP transport: a raw-socket HTTP/1.1 request (no http.client/urllib), TLS only for https."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearance.remote import _dechunk, _request, _split_url


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    chunked = False

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        reply = json.dumps({"path": self.path, "auth": self.headers.get("authorization"), "got": body.decode(), "host": self.headers.get("host")}).encode()
        self.send_response(201)
        self.send_header("content-type", "application/json")
        if self.chunked:
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()
            half = len(reply) // 2
            for part in (reply[:half], reply[half:]):
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("content-length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

    def log_message(self, *args: object) -> None:
        pass


class _Chunked(_Handler):
    chunked = True


def _serve(handler: type[_Handler], context: ssl.SSLContext | None = None) -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(params=[_Handler, _Chunked])
def port(request: pytest.FixtureRequest) -> Iterator[int]:
    yield from _serve(request.param)


def test_post_with_body_token_and_query(port: int) -> None:
    status, body = _request("POST", f"http://127.0.0.1:{port}/v1/hook?envelope=1&agent=codex", "tok-1", b'{"a": 1}', 5.0)
    assert status == 201
    got = json.loads(body)
    assert got == {"path": "/v1/hook?envelope=1&agent=codex", "auth": "Bearer tok-1", "got": '{"a": 1}', "host": f"127.0.0.1:{port}"}


def test_unreachable_and_bad_input_raise_oserror_or_valueerror() -> None:
    with pytest.raises(OSError):
        _request("GET", "http://127.0.0.1:9/v1/policy", "t", None, 1.0)
    for bad in ("ftp://x/", "http:///x", "127.0.0.1:8080"):
        with pytest.raises(ValueError):
            _split_url(bad)
    with pytest.raises(ValueError):
        _request("GET", "http://127.0.0.1:9/", "t\r\nX-Injected: 1", None, 1.0)


def test_split_url() -> None:
    assert _split_url("http://localhost:8700") == ("http", "localhost", 8700, "/")
    assert _split_url("https://team.example/v1/hook?x=1") == ("https", "team.example", 443, "/v1/hook?x=1")
    assert _split_url("http://[::1]:81/p") == ("http", "::1", 81, "/p")
    assert _dechunk(b"3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n") == b"abcde"


def test_http_client_does_not_import_tls_or_http_client(port: int) -> None:
    code = (
        "import sys; from clearance.remote import _request;"
        f"s, b = _request('POST', 'http://127.0.0.1:{port}/v1/hook', 't', b'{{}}', 5.0);"
        "print(s, sorted(m for m in ('ssl', '_ssl', 'http.client', 'urllib.parse', 'email', 'json', 're') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, env=dict(os.environ))
    assert out.stdout.strip() == "201 []", out.stderr


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_https_verifies_the_certificate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)]
        + ["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(cert), str(key))
    for port in _serve(_Handler, ctx):
        with pytest.raises(ssl.SSLError):  # not trusted yet
            _request("POST", f"https://localhost:{port}/v1/hook", "t", b"{}", 5.0)
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        status, body = _request("POST", f"https://localhost:{port}/v1/hook", "t", b"{}", 5.0)
        assert status == 201 and json.loads(body)["auth"] == "Bearer t"
