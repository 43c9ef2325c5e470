"""The home a team service decides with comes from what it knows, never from a guess out of the working directory.

Found by h-user11: for Claude Code's own ``http`` hook the service guessed the home from cwd (cwd /root/... -> /root;
/home/NAME/... -> /home/NAME; else the service's own HOME), so ``~`` could mean another folder than on the developer's
machine -- a write to ``~/proj/a.txt`` by a user whose home is /home/bob, from /root/proj, was judged a write inside
the project.  The home now comes from the event (the thin client sends its HOME) or from the ``X-Clearance-Home`` header
the installed http hook sends (Claude Code interpolates $HOME); without either, ``~`` is an unknown folder
(server.service.UNKNOWN_HOME), outside the project and every trusted directory.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from clearance.server.app import create_app
from clearance.server.service import UNKNOWN_HOME, Service, served_home

PW = "correct horse battery"


@pytest.fixture
def team(tmp_path: Any) -> tuple[Service, TestClient, str]:
    svc = Service(str(tmp_path / "team.db"))
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", PW, "approver")
    cid = svc.propose('[trust]\ndirectories = ["~/shared"]\n[rules]\nallow = ["Edit(~/notes/**)"]\n', "alice")
    svc.decide_change(cid, "bob", "approver", True, "ok")
    token = svc.create_token("laptop", "alice")
    return svc, TestClient(create_app(svc), follow_redirects=False), token


def _http_hook(client: TestClient, token: str, command: str, cwd: str, home: str | None = None, path: str = "/v1/hook?agent=claude") -> str:
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": cwd, "session_id": "h"}
    headers = {"authorization": f"Bearer {token}"}
    if home is not None:
        headers["x-clearance-home"] = home
    r = client.post(path, content=json.dumps(ev), headers=headers)
    assert r.status_code == 200, r.text
    body = r.json() if r.content else {}
    if "decision" in body:  # /v1/decide
        return str(body["decision"])
    return str(body.get("hookSpecificOutput", {}).get("permissionDecision", "allow"))


@pytest.mark.parametrize(
    ("command", "cwd"),
    [
        ("echo x > ~/proj/a.txt", "/root/proj"),  # guessed /root: ~/proj was the project
        ("echo x > ~/shared/a.txt", "/home/bob/proj"),  # guessed /home/bob: ~/shared was the trusted directory
        ("cp notes.txt ~/proj/", "/Users/ana/proj"),
        ("echo x >> ~/w/notes.txt", "/home/ana/w"),
        ("sed -i s/a/b/ ~/shared/conf.txt", "/home/ana/w"),
    ],
)
def test_without_a_known_home_tilde_is_an_unknown_folder_not_a_guess(team: tuple[Service, TestClient, str], command: str, cwd: str) -> None:
    _, client, token = team
    assert _http_hook(client, token, command, cwd) == "ask"
    assert _http_hook(client, token, command, cwd, path="/v1/decide") == "ask"


def test_the_header_the_installed_hook_sends_names_the_home(team: tuple[Service, TestClient, str]) -> None:
    _, client, token = team
    assert _http_hook(client, token, "echo x > ~/proj/a.txt", "/root/proj", home="/root") == "allow"
    assert _http_hook(client, token, "echo x > ~/proj/a.txt", "/root/proj", home="/home/bob") == "ask"
    assert _http_hook(client, token, "echo x > ~/shared/a.txt", "/home/bob/proj", home="/home/bob") == "allow"
    assert _http_hook(client, token, "echo x > ~/proj/a.txt", "/root/proj", home="/root", path="/v1/decide") == "allow"
    edit = {"hook_event_name": "PreToolUse", "tool_name": "Edit", "cwd": "/home/bob/proj", "session_id": "h"}
    # A program file: an Edit of a document in the user's own folders is allowed on its own (fs.write-outside-project).
    edit["tool_input"] = {"file_path": "~/notes/todo.py", "old_string": "a", "new_string": "b"}
    headers = {"authorization": f"Bearer {token}"}
    decided = client.post("/v1/decide", content=json.dumps(edit), headers=headers).json()["decision"]
    assert decided == "ask", decided  # the allow rule names a folder of an unknown home
    assert client.post("/v1/decide", content=json.dumps(edit), headers={**headers, "x-clearance-home": "/home/bob"}).json()["decision"] == "allow"
    # rm -rf ~ stays a denial whether the home is known or not.
    assert _http_hook(client, token, "rm -rf ~", "/root/proj") == "deny"
    assert _http_hook(client, token, "rm -rf ~", "/root/proj", home="/root") == "deny"


def test_the_thin_clients_home_in_the_event_wins() -> None:
    assert served_home("/home/bob", "/root") == "/home/bob"
    assert served_home(None, "/home/bob") == "/home/bob"
    for bad in ("", "relative/home", "/home/../root", "/home/a\x00b", "$HOME", "/", "~"):
        assert served_home(bad, None) == UNKNOWN_HOME, bad
    assert served_home(None, None) == UNKNOWN_HOME


def test_the_installed_http_hook_sends_home() -> None:
    from clearance.installer import http_entry

    hook = http_entry("https://clearance.acme.internal")["hooks"][0]
    assert hook["headers"]["X-Clearance-Home"] == "$HOME"
    assert "HOME" in hook["allowedEnvVars"] and "CLEARANCE_TOKEN" in hook["allowedEnvVars"]


def test_doctor_names_an_http_hook_that_does_not_send_home(tmp_path: Any) -> None:
    from clearance.installer import _sends_home, http_entry

    new = http_entry("https://clearance.acme.internal")
    old = json.loads(json.dumps(new))
    old["hooks"][0]["headers"].pop("X-Clearance-Home")
    old["hooks"][0]["allowedEnvVars"] = ["CLEARANCE_TOKEN"]
    url = new["hooks"][0]["url"]
    assert _sends_home([new], url) and not _sends_home([old], url)
