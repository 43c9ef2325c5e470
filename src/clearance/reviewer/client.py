"""Two small HTTP clients: Anthropic Messages and OpenAI-compatible chat completions.

Standard library only (http.client), imported only when a reviewer runs.  Any
failure -- timeout, connection error, HTTP error, rate limit, a body that does
not parse -- raises ReviewerError, which the caller turns into *ask*.
"""

from __future__ import annotations

import http.client
import json
import time
from typing import Any
from urllib.parse import urlsplit


class ReviewerError(Exception):
    pass


class Reply:
    __slots__ = ("cut", "ms", "text", "tokens_in", "tokens_out")

    def __init__(self, text: str, tokens_in: int, tokens_out: int, ms: float, cut: bool = False) -> None:
        self.text = text
        self.tokens_in = tokens_in
        self.tokens_out = tokens_out
        self.ms = ms
        # The model stopped at max_tokens: what it would have said last is missing.
        self.cut = cut


def _post(url: str, headers: dict[str, str], body: dict[str, object], timeout_s: float) -> dict[str, object]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ReviewerError(f"bad reviewer URL {url!r}")
    conn_cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = conn_cls(parts.hostname, parts.port, timeout=timeout_s)
    path = parts.path + ("?" + parts.query if parts.query else "")
    try:
        conn.request("POST", path, body=json.dumps(body).encode(), headers={"content-type": "application/json", **headers})
        resp = conn.getresponse()
        raw = resp.read(4_000_000)
    except TimeoutError as e:
        raise ReviewerError(f"the reviewer did not answer within {timeout_s:g} s") from e
    except (OSError, http.client.HTTPException) as e:
        raise ReviewerError(f"cannot reach the reviewer ({type(e).__name__}: {e})") from e
    finally:
        conn.close()
    if resp.status == 429:
        raise ReviewerError("the reviewer is rate-limited (HTTP 429)")
    if resp.status >= 400:
        raise ReviewerError(f"the reviewer answered HTTP {resp.status}")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise ReviewerError("the reviewer's answer is not JSON") from e
    if not isinstance(data, dict):
        raise ReviewerError("the reviewer's answer is not a JSON object")
    return data


def anthropic(base_url: str, api_key: str, model: str, system: str, user: str, max_tokens: int, timeout_s: float) -> Reply:
    t0 = time.perf_counter()
    url = base_url.rstrip("/") + "/v1/messages"
    data = _post(
        url,
        {"x-api-key": api_key, "anthropic-version": "2023-06-01"},
        {"model": model, "max_tokens": max_tokens, "temperature": 0, "system": system, "messages": [{"role": "user", "content": user}]},
        timeout_s,
    )
    try:
        blocks: Any = data["content"]
        text = "".join(str(b.get("text", "")) for b in blocks if isinstance(b, dict) and b.get("type") == "text")
        usage: Any = data.get("usage") or {}
        tin, tout = int(usage.get("input_tokens", 0)), int(usage.get("output_tokens", 0))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise ReviewerError("the reviewer's answer has no content") from e
    return Reply(text, tin, tout, (time.perf_counter() - t0) * 1000.0, data.get("stop_reason") == "max_tokens")


def openai_compatible(base_url: str, api_key: str, model: str, system: str, user: str, max_tokens: int, timeout_s: float) -> Reply:
    t0 = time.perf_counter()
    base = base_url.rstrip("/")
    if not base.endswith("/v1") and "/v1/" not in base + "/":
        base += "/v1"
    headers = {"authorization": f"Bearer {api_key}"} if api_key else {}
    data = _post(
        base + "/chat/completions",
        headers,
        {"model": model, "max_tokens": max_tokens, "temperature": 0, "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}]},
        timeout_s,
    )
    try:
        choices: Any = data["choices"]
        text = choices[0]["message"]["content"]
        cut = choices[0].get("finish_reason") == "length"
        usage: Any = data.get("usage") or {}
        tin, tout = int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0))
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as e:
        raise ReviewerError("the reviewer's answer has no message") from e
    if not isinstance(text, str):
        raise ReviewerError("the reviewer's message is not text")
    return Reply(text, tin, tout, (time.perf_counter() - t0) * 1000.0, cut)
