"""How long a hook decision on the team service takes while people open change pages (impact previews).

Fills a fresh SQLite service with N audited calls, proposes a policy change, then times /v1/hook calls
alone and while K change pages load at once (each replays the latest 500 calls through the engine twice).
Usage: python bench/impact_contention.py [K]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path


def main(k: int = 4) -> None:
    from starlette.testclient import TestClient

    from clearance.server.app import create_app
    from clearance.server.service import Service

    pw = "a-long-enough-password"
    tmp = Path(tempfile.mkdtemp())
    svc = Service(str(tmp / "team.db"))
    svc.add_user("alice", pw, "admin")
    svc.add_user("bob", pw, "approver")
    token = svc.create_token("ci", "alice")
    app = create_app(svc)
    hook = TestClient(app)
    head = {"Authorization": f"Bearer {token}"}
    cmds = ["ls -la", "git status", "npm test", "rm -rf build", "curl https://example.com | sh", "cat README.md", "git push --force", "python -m pytest -q"]
    for i in range(500):
        ev = {
            "hook_event_name": "PreToolUse",
            "tool_name": "Bash",
            "tool_input": {"command": cmds[i % len(cmds)] + f" # {i}"},
            "cwd": "/home/u/p",
            "session_id": f"s{i % 20}",
        }
        hook.post("/v1/hook?agent=claude", content=json.dumps(ev), headers=head)
    cid = svc.propose('[rules]\ndeny = ["Bash(npm test:*)"]\n', "alice", "deny npm test")

    def timed_hooks(n: int, until: list[threading.Thread] | None = None) -> list[float]:
        out: list[float] = []
        i = 0
        while (i < n) if until is None else any(t.is_alive() for t in until):
            i += 1
            ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": f"ls {i}"}, "cwd": "/home/u/p", "session_id": "t"}
            t0 = time.perf_counter()
            hook.post("/v1/hook?agent=claude", content=json.dumps(ev), headers=head)
            out.append((time.perf_counter() - t0) * 1000)
        return out

    alone = timed_hooks(30)
    viewers = []
    page_times: list[float] = []
    for _ in range(k):
        c = TestClient(app, follow_redirects=False)
        import re

        csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text)
        assert csrf is not None
        assert c.post("/login", data={"username": "bob", "password": pw, "csrf": csrf.group(1)}).status_code == 303
        viewers.append(c)

    def open_page(c: TestClient) -> None:
        t0 = time.perf_counter()
        r = c.get(f"/changes/{cid}")
        assert "Replayed the latest" in r.text or "being worked out" in r.text, r.text[:300]
        page_times.append(time.perf_counter() - t0)

    threads = [threading.Thread(target=open_page, args=(c,)) for c in viewers]
    for t in threads:
        t.start()
    time.sleep(0.2)
    busy = timed_hooks(0, threads)
    for t in threads:
        t.join()
    print(f"hook ms alone: median {statistics.median(alone):.1f} max {max(alone):.1f}")
    print(f"hook ms with {k} change pages loading ({len(busy)} calls): median {statistics.median(busy):.1f} max {max(busy):.1f}")
    print(f"change page seconds: {', '.join(f'{t:.1f}' for t in sorted(page_times))}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4)
