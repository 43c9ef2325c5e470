"""``clearance install`` / ``uninstall`` / ``doctor``: wiring the hook into each agent's settings.

Install merges one hook entry into the agent's JSON settings file, keeps the
original next to it (``<file>.clearance.bak``), is idempotent, prints the diff,
and refuses to touch a file that is not valid JSON.  Uninstall removes exactly
that entry; when nothing else changed, the file comes back byte for byte.

The installed command ends in ``|| exit 2``: if clearance cannot start or
crashes, the shell exits 2, which blocks the call in Claude Code, Codex,
Gemini CLI and Cursor instead of letting it run.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import shlex
import shutil
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MARK = "clearance hook"
HTTP_MARK = "clearance: checking the call"  # statusMessage of the http hook; marks it as ours
DEFAULT_HTTP_URL = "http://127.0.0.1:8765"  # `clearance serve` on this machine


class InstallError(Exception):
    pass


def executable() -> str:
    here = os.path.join(os.path.dirname(sys.executable), "clearance")
    if os.path.exists(here):
        return here
    found = shutil.which("clearance")
    return found or here


def settings_path(agent: str, scope: str, home: str, project: str) -> str:
    base = home if scope == "user" else project
    paths = {
        "claude": os.path.join(base, ".claude", "settings.json"),
        # Codex reads the user's hooks from $CODEX_HOME (default ~/.codex).
        "codex": os.path.join(os.environ.get("CODEX_HOME") or os.path.join(home, ".codex"), "hooks.json")
        if scope == "user"
        else os.path.join(project, ".codex", "hooks.json"),
        "gemini": os.path.join(base, ".gemini", "settings.json"),
        "cursor": os.path.join(base, ".cursor", "hooks.json"),
        # Copilot CLI's user-level hooks directory is $COPILOT_HOME/hooks, by default ~/.copilot/hooks.
        "copilot": os.path.join(os.environ.get("COPILOT_HOME") or os.path.join(home, ".copilot"), "hooks", "clearance.json")
        if scope == "user"
        else os.path.join(project, ".github", "hooks", "clearance.json"),
    }
    return paths[agent]


def fast_launcher() -> list[str] | None:
    """``python -I -S .../clearance/hookrun.py``: the hook without site's start-up cost (None when unavailable)."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hookrun.py")
    if not (os.path.exists(script) and sys.executable and os.path.exists(sys.executable)):
        return None
    return [sys.executable, "-I", "-S", script]


def hook_command(agent: str, exe: str | None = None, shadow: bool = False) -> str:
    """The installed command: the fast launcher by default, ``<exe> hook`` when an executable is given.

    *shadow*: the hook records decisions and answers nothing (``--shadow``), to measure before enforcing.
    """
    fast = fast_launcher() if exe is None else None
    if fast is not None:
        base = f"{shlex.join(fast)} hook --agent {agent}"
    else:
        base = f"{shlex.quote(exe or executable())} hook --agent {agent}"
    if shadow:
        base += " --shadow"
    if agent == "copilot":
        # Copilot CLI reads only a printed deny; a failure prints one.
        fallback = json.dumps({"permissionDecision": "deny", "permissionDecisionReason": "clearance failed to run; blocking"})
        return f"{base} || echo {shlex.quote(fallback)}"
    return f"{base} || exit 2"


def entries(agent: str, command: str) -> list[tuple[str, Any]]:
    """(event key, hook entry) pairs to add: the decision hook, and where the agent has one, the post-tool probe."""
    if agent == "claude":
        hook = {"type": "command", "command": command, "timeout": 30}
        return [("PreToolUse", {"matcher": "*", "hooks": [hook]}), ("PostToolUse", {"matcher": "*", "hooks": [dict(hook)]})]
    if agent == "codex":
        hook = {"type": "command", "command": command, "timeout": 30}
        return [("PreToolUse", {"matcher": ".*", "hooks": [hook]}), ("PostToolUse", {"matcher": ".*", "hooks": [dict(hook)]})]
    if agent == "gemini":
        hook = {"type": "command", "name": "clearance", "command": command, "timeout": 30000}
        return [("BeforeTool", {"matcher": ".*", "hooks": [hook]}), ("AfterTool", {"matcher": ".*", "hooks": [dict(hook)]})]
    if agent == "cursor":
        # The after-call events feed the prompt-injection probe (Cursor reads no answer there).
        return [("preToolUse", {"command": command}), ("afterShellExecution", {"command": command}), ("afterMCPExecution", {"command": command})]
    if agent == "copilot":
        hook = {"type": "command", "bash": command, "timeoutSec": 30}
        return [("preToolUse", hook), ("postToolUse", dict(hook))]  # postToolUse feeds the probe
    raise InstallError(f"unknown agent {agent!r}")


def http_entry(url: str) -> dict[str, Any]:
    """Claude Code's ``type: "http"`` hook, posting PreToolUse events to a ``clearance serve`` at *url*.

    The bearer token comes from $CLEARANCE_TOKEN in Claude Code's environment (only that variable
    may be interpolated).  ``onFailure: "block"`` (Claude Code 2.1.295 and later) blocks the call
    when the service is down, answers non-2xx or times out; older versions let the call run then.
    """
    base = url.rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise InstallError(f"--http needs an http:// or https:// URL, not {url!r}")
    if base.endswith("/v1/hook"):
        base = base[: -len("/v1/hook")]
    from .audit import HEADLESS_VARS

    hook = {
        "type": "http",
        "url": f"{base}/v1/hook?agent=claude",
        # The home the service resolves ``~`` against (server.service.served_home): without it ``~`` is an unknown folder.
        # Whether a person watches (audit.is_headless's variables, server.service.ENV_HEADER): a CI run's repeated
        # denials then stop it at the service as they do locally. Claude Code fills an unset one in as empty (measured, 2.1.332).
        "headers": {"Authorization": "Bearer $CLEARANCE_TOKEN", "X-Clearance-Home": "$HOME", "X-Clearance-Env": env_header_value()},
        "allowedEnvVars": ["CLEARANCE_TOKEN", "HOME", *HEADLESS_VARS],
        "timeout": 30,
        "onFailure": "block",
        "statusMessage": HTTP_MARK,
    }
    return {"matcher": "*", "hooks": [hook]}


def _ours(item: Any) -> bool:
    text = json.dumps(item)
    return MARK in text or HTTP_MARK in text or "hookrun.py hook" in text


def is_stale(item: Any) -> bool:
    """A command hook of ours whose program no longer exists (a moved or deleted checkout or venv).

    The one test shared by ``doctor`` (which reports it) and ``install`` (which replaces it).
    """
    text = json.dumps(item)
    if not (MARK in text or "hookrun.py hook" in text) or HTTP_MARK in text:
        return False
    try:
        words = shlex.split(text.replace('"', " ").replace(",", " "))
    except ValueError:
        return False  # cannot tell: not called stale
    return not any(os.path.exists(tok) for tok in words if tok.startswith("/"))


def is_shadow(item: Any) -> bool:
    """A hook of ours installed with --shadow: it records, and blocks nothing."""
    return _ours(item) and " --shadow" in json.dumps(item)


def _load(path: str) -> tuple[bytes | None, Any]:
    if not os.path.exists(path):
        return None, None
    with open(path, "rb") as f:
        raw = f.read()
    if not raw.strip():
        return raw, {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise InstallError(f"{path} is not valid JSON ({e}); fix or move it first -- clearance will not overwrite it") from None
    if not isinstance(data, dict):
        raise InstallError(f"{path} holds a JSON {type(data).__name__}, not an object; clearance will not overwrite it")
    return raw, data


def _dump(data: Any, like: bytes | None) -> bytes:
    indent: int | str = 2
    if like:
        for line in like.decode("utf-8", "replace").splitlines()[1:]:
            stripped = line.lstrip(" \t")
            if stripped and len(stripped) != len(line):
                ws = line[: len(line) - len(stripped)]
                indent = "\t" if ws.startswith("\t") else len(ws)
                break
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    if like is None or like.endswith(b"\n"):
        text += "\n"
    return text.encode("utf-8")


def _diff(path: str, old: bytes | None, new: bytes | None) -> str:
    a = (old or b"").decode("utf-8", "replace").splitlines(keepends=True)
    b = (new or b"").decode("utf-8", "replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(a, b, fromfile=f"{path} (before)", tofile=f"{path} (after)"))


def _write(path: str, data: bytes) -> None:
    from .fsutil import atomic_write

    atomic_write(path, data, dir_mode=0o755)


def install(
    agent: str,
    scope: str,
    home: str,
    project: str,
    dry_run: bool = False,
    exe: str | None = None,
    http: str | None = None,
    mode: str | None = None,
) -> tuple[str, str]:
    """Returns (path, diff); an empty diff means it was already installed.

    *http*: for Claude Code, the URL of a ``clearance serve`` to install an ``http`` PreToolUse hook
    for (the PostToolUse probe stays a command hook: the service answers PreToolUse only).
    *mode*: ``"shadow"`` (record only) or ``"enforce"``; an installed entry in the other mode is
    replaced.  None keeps the mode of what is installed (enforce for a new install).  A stale entry
    (its program is gone, see ``is_stale``) is always replaced.
    """
    if http is not None and agent != "claude":
        raise InstallError("--http is for Claude Code only (the other agents have command hooks only)")
    path = settings_path(agent, scope, home, project)
    raw, data = _load(path)
    data = {} if data is None else data
    hooks = data.setdefault("hooks", {})
    if not isinstance(hooks, dict):
        raise InstallError(f"{path}: 'hooks' is not an object; clearance will not overwrite it")
    if agent in ("cursor", "copilot"):
        data.setdefault("version", 1)
    added = False
    installed = [x for lst in hooks.values() if isinstance(lst, list) for x in lst if _ours(x)]
    shadow = mode == "shadow" or (mode is None and any(is_shadow(x) for x in installed))
    wanted = entries(agent, hook_command(agent, exe, shadow=shadow))
    if http is not None:
        wanted = [("PreToolUse", http_entry(http)), *[(e, i) for e, i in wanted if e != "PreToolUse"]]
        pre = hooks.get("PreToolUse")
        if isinstance(pre, list) and any(_ours(x) and HTTP_MARK not in json.dumps(x) for x in pre):
            raise InstallError(f"{path}: the command hook is installed; `clearance uninstall claude` first, then install with --http")
    for event, item in wanted:
        lst = hooks.setdefault(event, [])
        if not isinstance(lst, list):
            raise InstallError(f"{path}: hooks.{event} is not a list; clearance will not overwrite it")
        mine = [x for x in lst if _ours(x)]
        # An http hook of ours that is not what this version writes (one from before X-Clearance-Home, another URL)
        # is upgraded where it stands: `clearance install claude --http URL` again is the documented fix.
        outdated = http is not None and event == "PreToolUse" and any(HTTP_MARK in json.dumps(x) and x != item for x in mine)
        if outdated or any(is_stale(x) or (mode is not None and is_shadow(x) != shadow and HTTP_MARK not in json.dumps(x)) for x in mine):
            at = next(i for i, x in enumerate(lst) if _ours(x))
            lst[:] = [x for x in lst if not _ours(x)]  # stale, outdated or in the other mode: replaced in place of the old one
            lst.insert(at, item)
            added = True
            continue
        if not mine:
            lst.append(item)
            added = True
    if not added:
        return path, ""
    new = _dump(data, raw)
    diff = _diff(path, raw, new)
    if not dry_run:
        backup = path + ".clearance.bak"
        if raw is not None and not os.path.exists(backup):
            with open(backup, "wb") as f:
                f.write(raw)
        elif raw is None and not os.path.exists(backup):
            with open(_ensure_dir(backup), "wb") as f:
                f.write(b"")  # marks "the file did not exist before"
        _write(path, new)
    return path, diff


def env_header_value() -> str:
    """X-Clearance-Env as the http hook sends it: each variable audit.is_headless reads, for Claude Code to fill in."""
    from .audit import HEADLESS_VARS

    return ";".join(f"{v}=${v}" for v in HEADLESS_VARS)


def _sends_env(entries: list[Any], url: str) -> bool:
    """Whether the http hook to *url* tells the service when no person watches (X-Clearance-Env, its variables allowed)."""
    from .audit import HEADLESS_VARS

    for e in entries:
        for h in e.get("hooks", []) if isinstance(e, dict) else []:
            if isinstance(h, dict) and h.get("url") == url:
                headers, allowed = h.get("headers"), h.get("allowedEnvVars")
                if not isinstance(headers, dict) or not isinstance(allowed, list):
                    continue
                if any(k.lower() == "x-clearance-env" and v == env_header_value() for k, v in headers.items()) and set(HEADLESS_VARS) <= set(allowed):
                    return True
    return False


def _sends_home(entries: list[Any], url: str) -> bool:
    """Whether the http hook to *url* sends the machine's home (X-Clearance-Home: $HOME, with HOME allowed)."""
    for e in entries:
        for h in e.get("hooks", []) if isinstance(e, dict) else []:
            if isinstance(h, dict) and h.get("url") == url:
                headers, allowed = h.get("headers"), h.get("allowedEnvVars")
                if not isinstance(headers, dict) or not isinstance(allowed, list):
                    continue
                if any(k.lower() == "x-clearance-home" and v == "$HOME" for k, v in headers.items()) and "HOME" in allowed:
                    return True
    return False


def _http_urls(entries: list[Any]) -> list[str]:
    return [h["url"] for e in entries if isinstance(e, dict) for h in e.get("hooks", []) if isinstance(h, dict) and h.get("type") == "http" and h.get("url")]


def _service_up(url: str) -> bool:
    from .remote import _request

    base = url.split("/v1/", 1)[0]
    try:
        status, _ = _request("GET", f"{base}/healthz", "", None, 3.0)
    except (OSError, ValueError):
        return False
    return status == 200


def compile_package(bundle: bool = True) -> bool:
    """Byte-compile clearance when its folder is writable, so the first hook calls do not pay for it, and write the
    hook's bundle of its hot path (bundlebuild.py; best effort: without it the hook imports as usual)."""
    import compileall

    folder = os.path.dirname(os.path.abspath(__file__))
    if not os.access(folder, os.W_OK):
        return False
    try:
        compiled = bool(compileall.compile_dir(folder, quiet=2, workers=1))
    except OSError:
        return False
    if compiled and bundle:
        from .bundlebuild import build

        build(folder)
    return compiled


def _ensure_dir(path: str) -> str:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def uninstall(agent: str, scope: str, home: str, project: str, dry_run: bool = False) -> tuple[str, str]:
    path = settings_path(agent, scope, home, project)
    raw, data = _load(path)
    if data is None:
        return path, ""
    hooks = data.get("hooks")
    if not isinstance(hooks, dict):
        return path, ""
    changed = False
    for event in list(hooks):
        lst = hooks[event]
        if isinstance(lst, list):
            kept = [x for x in lst if not _ours(x)]
            if len(kept) != len(lst):
                changed = True
                hooks[event] = kept
    if not changed:
        return path, ""
    backup = path + ".clearance.bak"
    new: bytes | None = None
    if os.path.exists(backup):
        with open(backup, "rb") as f:
            original = f.read()
        if original == b"":
            # The file did not exist before install: remove it if only our traces remain.
            if _only_skeleton(data, agent):
                new = None
            else:
                new = _dump(_strip_empty(data, agent), raw)
        else:
            try:
                before = json.loads(original.decode("utf-8")) if original.strip() else {}
            except ValueError:
                before = None
            cleaned = _strip_empty(data, agent, before)
            new = original if cleaned == before else _dump(cleaned, raw)
    else:
        new = _dump(_strip_empty(data, agent), raw)
    diff = _diff(path, raw, new)
    if not dry_run:
        if new is None:
            os.remove(path)
        else:
            _write(path, new)
        if os.path.exists(backup):
            os.remove(backup)
    return path, diff


def _strip_empty(data: dict[str, Any], agent: str, before: Any = None) -> dict[str, Any]:
    """Remove the empty containers install created (keep the ones that were there before)."""
    out: dict[str, Any] = json.loads(json.dumps(data))
    before_hooks = before.get("hooks") if isinstance(before, dict) else None
    hooks = out.get("hooks", {})
    for event in list(hooks):
        if hooks[event] == [] and not (isinstance(before_hooks, dict) and event in before_hooks):
            del hooks[event]
    if hooks == {} and not (isinstance(before, dict) and "hooks" in before):
        del out["hooks"]
    if agent in ("cursor", "copilot") and list(out) == ["version"] and not (isinstance(before, dict) and "version" in before):
        del out["version"]
    return out


def _only_skeleton(data: dict[str, Any], agent: str) -> bool:
    return _strip_empty(data, agent) == {}


# -- doctor ----------------------------------------------------------------------

SAMPLES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    # agent -> (an event clearance must deny, an event it must allow)
    "claude": (
        {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "rm -rf ~"}, "cwd": "/tmp", "session_id": "doctor"},
        {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "cwd": "/tmp", "session_id": "doctor"},
    ),
    "codex": (
        {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "rm -rf ~"}, "cwd": "/tmp", "session_id": "doctor", "turn_id": "t"},
        {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "ls"}, "cwd": "/tmp", "session_id": "doctor", "turn_id": "t"},
    ),
    "gemini": (
        {"hook_event_name": "BeforeTool", "tool_name": "run_shell_command", "tool_input": {"command": "rm -rf ~"}, "cwd": "/tmp", "session_id": "doctor"},
        {"hook_event_name": "BeforeTool", "tool_name": "run_shell_command", "tool_input": {"command": "ls"}, "cwd": "/tmp", "session_id": "doctor"},
    ),
    "cursor": (
        {"hook_event_name": "beforeShellExecution", "command": "rm -rf ~", "cwd": "/tmp", "conversation_id": "doctor", "workspace_roots": ["/tmp"]},
        {"hook_event_name": "beforeShellExecution", "command": "ls", "cwd": "/tmp", "conversation_id": "doctor", "workspace_roots": ["/tmp"]},
    ),
    "copilot": (  # toolArgs as an object, as Copilot CLI 1.0.x sends it
        {"timestamp": 0, "cwd": "/tmp", "sessionId": "doctor", "toolName": "bash", "toolArgs": {"command": "rm -rf ~"}},
        {"timestamp": 0, "cwd": "/tmp", "sessionId": "doctor", "toolName": "bash", "toolArgs": {"command": "ls"}},
    ),
}


def blocked(agent: str, stdout: str, code: int) -> bool:
    """Does this hook answer stop the call in that agent?"""
    if code == 2:
        return True
    try:
        out = json.loads(stdout) if stdout.strip() else {}
    except ValueError:
        return False
    if agent == "claude":
        return out.get("hookSpecificOutput", {}).get("permissionDecision") in ("deny", "ask")
    if agent == "gemini":
        return out.get("decision") in ("deny", "block")
    if agent == "cursor":
        return out.get("permission") in ("deny", "ask")
    if agent == "copilot":
        return out.get("permissionDecision") == "deny"
    return False


def doctor(home: str, project: str, env: dict[str, str]) -> tuple[bool, list[str]]:
    import subprocess

    lines: list[str] = []
    ok = True
    exe = executable()
    lines.append(f"clearance executable: {exe} {'(found)' if os.path.exists(exe) else '(MISSING)'}")
    any_installed = False
    for agent in SAMPLES:
        for scope in ("user", "project"):
            path = settings_path(agent, scope, home, project)
            if not os.path.exists(path):
                continue
            try:
                _, data = _load(path)
            except InstallError as e:
                ok = False
                lines.append(f"✗ {agent} ({scope}): {e}")
                continue
            entries = [x for lst in (data.get("hooks") or {}).values() if isinstance(lst, list) for x in lst if _ours(x)]
            if not entries:
                lines.append(f"- {agent} ({scope}): {path} exists, clearance is not installed there")
                continue
            any_installed = True
            for url in _http_urls(entries):
                reachable = _service_up(url)
                ok = ok and reachable
                lines.append(
                    f"{'✓' if reachable else '✗'} {agent} ({scope}): http hook to {url} "
                    + (
                        "(the service answers /healthz)"
                        if reachable
                        else "(the service does not answer: Claude Code blocks every call, or with a version before 2.1.295 lets them run)"
                    )
                )
                if not _sends_home(entries, url):
                    ok = False
                    fix = f"clearance install claude --http {url.split('/v1/', 1)[0]}{' --scope project' if scope == 'project' else ''}"
                    lines.append(
                        f"✗ {agent} ({scope}): the http hook to {url} does not send X-Clearance-Home (installed by an older clearance), "
                        f"so the service does not know this machine's home and judges ~ as an unknown folder; run `{fix}`: "
                        "it upgrades the entry in place"
                    )
                if not _sends_env(entries, url):
                    fix = f"clearance install claude --http {url.split('/v1/', 1)[0]}{' --scope project' if scope == 'project' else ''}"
                    from .audit import is_headless

                    headless = is_headless(env)
                    ok = ok and not headless
                    lines.append(
                        f"{'✗' if headless else '!'} {agent} ({scope}): the http hook to {url} does not send X-Clearance-Env "
                        "(installed by an older clearance), so in CI the service cannot tell that no person watches: repeated "
                        f"denials are handed over as questions nobody answers instead of ending the run; run `{fix}`: it upgrades the entry in place"
                    )
                if reachable:  # Claude Code sends $CLEARANCE_TOKEN from its own environment, which is this shell's
                    token_ok, token_line = _token_check(url.split("/v1/", 1)[0], env.get("CLEARANCE_TOKEN", ""), "Claude Code's http hook")
                    ok = ok and token_ok
                    lines.append(f"{'✓' if token_ok else '✗'} {agent} ({scope}): {token_line}")
            if any(is_stale(x) for x in entries):
                ok = False
                lines.append(
                    f"✗ {agent} ({scope}): the hook command in {path} points to a clearance that does not exist; "
                    f"run `clearance install {agent}{' --scope project' if scope == 'project' else ''}` again (it replaces the stale entry)"
                )
                continue
            if any(is_shadow(x) for x in entries):
                lines.append(
                    f"✓ {agent} ({scope}): hook installed in {path} in SHADOW mode: decisions are recorded, nothing is blocked "
                    f"(`clearance install {agent} --enforce` switches it on)"
                )
                continue
            lines.append(f"✓ {agent} ({scope}): hook installed in {path}")
            if agent == "codex":
                trusted, trust_lines = codex_trust_lines(scope, home, project, env, fix=False)
                ok = ok and trusted
                lines.extend(trust_lines)
            lines.extend(x for x in unhooked_tool_lines(agent, home, project) if x not in lines)
    served_ok, served_lines = service_lines(env)
    ok = ok and served_ok
    lines.extend(served_lines)
    # The self-tests run the local engine: through CLEARANCE_SERVER each sample (an `rm -rf ~` among them) would land in
    # the team's audit trail under this machine's token on every doctor run; the line above checked the service.
    local_env = {k: v for k, v in env.items() if k != "CLEARANCE_SERVER"}
    for agent, (bad, good) in SAMPLES.items():
        results = []
        said = ""
        for sample in (bad, good):
            p = subprocess.run(
                [exe, "hook", "--agent", agent, "--no-audit"], input=json.dumps(sample), capture_output=True, text=True, env=local_env, timeout=60
            )
            results.append(blocked(agent, p.stdout, p.returncode))
            said = said or next((x for x in p.stderr.splitlines() if x.strip()), "")
        if results == [True, False]:
            lines.append(f"✓ {agent}: self-test passed (rm -rf ~ blocked, ls allowed)")
        else:
            ok = False
            what = " and ".join(w for w, bad_result in (("rm -rf ~ was not blocked", not results[0]), ("ls was blocked", results[1])) if bad_result)
            lines.append(f"✗ {agent}: self-test failed: {what}" + (f" (the hook said: {said})" if said else ""))
    from .policy.tools import lint_effective

    named = env.get("CLEARANCE_MANAGED_POLICY")
    if named and not os.path.exists(named):
        from .audit import is_headless

        # In CI nobody reads a "!": a runner whose managed policy is not where the job says (a path mistyped, the
        # file not yet copied there) would run the agent without the organisation's rules, so doctor fails there.
        unattended = is_headless(env)
        ok = ok and not unattended
        lines.append(
            f"{'✗' if unattended else '!'} managed policy: CLEARANCE_MANAGED_POLICY names {named}, but there is no such file: "
            "no managed policy applies (the built-in rules and the user's file decide)"
            + ("; in an unattended run (CI) that is a failure: put the file there or unset the variable" if unattended else "")
        )
    problems = lint_effective(project, env)
    if problems:
        ok = False
        lines.append(f"✗ policy: {len(problems)} problem(s); run `clearance policy lint`")
        lines.extend(f"    {p}" for p in problems[:5])
    else:
        lines.append("✓ policy: no problems")
    lines.extend(loopback_lines(project, env))
    shown, waiting = "(not resolved)", 0
    try:
        from .policy import load_policy
        from .redact import redact_text
        from .store import open_store, pending, resolve_url

        audit_cfg = load_policy(project, env).data.get("audit", {})
        url = resolve_url(None, audit_cfg, env)
        shown = redact_text(url)  # a PostgreSQL URL's password is not for the screen (or the ticket it is pasted into)
        waiting = pending.count(url, env) if pending.is_remote(url) else 0
        from .store.keys import key_file

        st = open_store(url, key_file(audit_cfg, env))
        try:
            if waiting:
                stored = pending.flush(st, url, env)
                lines.append(f"✓ audit store: {stored} decision(s) kept on this machine while it was down are now written to it")
        finally:
            st.close()
        lines.append(f"✓ audit store: {shown}")
    except Exception as e:
        ok = False
        lines.append(f"✗ audit store: {shown}: {type(e).__name__}: {e}")
        if waiting:
            lines.append(
                f"    {waiting} decision(s) made while it is down wait on this machine ({pending.path(url, env)}); "
                "they are written to it when it answers again (the next hook call, or `clearance doctor`)"
            )
    if not any_installed:
        ok = False  # nothing is protected: say so in the exit status too
        lines.append("✗ no agent has clearance installed yet: `clearance install claude` (or codex, gemini, cursor, copilot)")
    codex_cfg = os.path.join(os.path.dirname(settings_path("codex", "user", home, project)), "config.toml")
    if os.path.exists(settings_path("codex", "user", home, project)) and os.path.exists(codex_cfg):
        features = _toml_table(codex_cfg, "features")
        for key in ("hooks", "codex_hooks"):  # `hooks` is the key since 0.1xx, `codex_hooks` its deprecated alias
            if features.get(key) is False:
                ok = False
                lines.append(f"✗ codex: hooks are switched off in ~/.codex/config.toml ([features] {key} = false)")
    return ok, lines


def loopback_lines(project: str, env: dict[str, str]) -> list[str]:
    """A warning for each of clearance's services the policy or CLEARANCE_SERVER puts on loopback over plain HTTP:
    nothing authenticates who answers there (an API key is sent to the server and proves nothing about it), so a
    program the agent starts on the port while the real one is down answers for clearance. The hook denies the
    listeners it can read (rule self.forged-endpoint) and, on Linux, refuses a reviewer whose process the agent may
    have started (reviewer/answerer.py); elsewhere it cannot look (docs/threat-model.md)."""
    from .ownports import endpoint_port
    from .policy import load_policy

    try:
        data = load_policy(project, env).data
    except Exception:
        return []
    rev = data.get("reviewer") or {}
    named = [("reviewer", rev.get("base_url")), ("team service", env.get("CLEARANCE_SERVER"))]
    out = []
    for what, url in named:
        if not isinstance(url, str) or not url.lower().startswith("http://") or endpoint_port(url) is None:
            continue
        look = "its process is checked before each review" if what == "reviewer" and os.path.isdir("/proc/net") else "nothing checks who answers"
        out.append(
            f"! {what} on loopback over plain HTTP ({url}): a program the agent starts on port {endpoint_port(url)} while it is down "
            f"would answer for it; listeners the agent starts there are denied, {look}. Keep it running, or serve it over HTTPS"
        )
    return out


def service_lines(env: dict[str, str]) -> tuple[bool, list[str]]:
    """With CLEARANCE_SERVER set, the hook is a thin client of the team service: is its URL one the hook can use, does
    the service answer, and does it take CLEARANCE_TOKEN?  Each of these failing changes every decision silently
    (decided locally, or asked), so doctor says which."""
    from .remote import _request, _split_url

    server = env.get("CLEARANCE_SERVER", "")
    if not server:
        return True, []
    base = server.rstrip("/")
    try:
        _split_url(base + "/healthz")
    except ValueError:
        return False, [
            f"✗ team service: CLEARANCE_SERVER={server!r} is not an http(s) URL, so every hook call is decided locally; "
            "write it as https://HOST or http://HOST:PORT"
        ]
    try:
        _request("GET", f"{base}/healthz", "", None, 3.0)
    except (OSError, ValueError) as e:
        copy, line = _policy_copy_line(env, False)
        if copy:
            return False, [f"✗ team service: {base} does not answer ({type(e).__name__}: {e}); the hook decides locally with the cached managed policy", line]
        return False, [f"✗ team service: {base} does not answer ({type(e).__name__}: {e}); {line}"]
    token_ok, line = _token_check(base, env.get("CLEARANCE_TOKEN", ""), "the hook")
    out = [f"{'✓' if token_ok else '✗'} team service: {line}"]
    out.append(_policy_copy_line(env, True)[1])
    waiting = _outage_waiting(env)
    if waiting:
        out.append(
            f"- team service: {waiting} decision(s) made here while it was unreachable wait to be sent to the team's trail; "
            "the next hook call the service answers sends them (a refused upload is tried again after five minutes, or when the service says)"
        )
    return token_ok, out


def _policy_copy_line(env: dict[str, str], reachable: bool) -> tuple[bool, str]:
    """(a verified copy is cached, what doctor says about the copy of the team's policy the hook decides with when
    the service cannot be reached, and what an outage does without one: CLEARANCE_SERVER_UNAVAILABLE, rejected.py)."""
    from .rejected import UNAVAILABLE_VAR, unavailable_mode
    from .remote import cache_path, read_cache

    if read_cache(env) is not None:
        return True, f"✓ team policy: a verified copy is cached ({cache_path(env)}); during an outage the hook decides with it"
    lost = "the cached copy failed its integrity check" if os.path.exists(cache_path(env)) else "no copy is cached yet"
    if unavailable_mode(env) == "closed":
        then = "while the service cannot be reached, every call the built-in rules do not deny is asked (denied when unattended, as in CI)"
    else:
        then = f"while the service cannot be reached, the built-in rules alone decide ({UNAVAILABLE_VAR}=open): the team's deny rules do not apply"
    if reachable:
        return False, f"- team policy: {lost} (the next hook call the service answers copies it); {then}"
    return False, f"{lost}, so {then}"


def _outage_waiting(env: dict[str, str]) -> int:
    """How many outage decisions (rule service.unreachable) this machine has not yet sent to the service; 0 when none
    or the trail cannot be read."""
    from .daemon_path import state_dir
    from .outbox import _read_sent, marker_path, rows_after
    from .store import open_store, resolve_url

    if not os.path.exists(marker_path(env)):
        return 0
    url = resolve_url(None, None, env)
    if url.startswith(("postgresql://", "postgres://")) or not os.path.exists(url):
        return 0
    try:
        ino, last = _read_sent(state_dir(env) + "/offline-sent")
        st = open_store(url)
        try:
            return len(rows_after(st, last if ino == os.stat(url).st_ino else 0, 100_000))
        finally:
            st.close()
    except Exception:
        return 0


def _token_check(base: str, token: str, who: str) -> tuple[bool, str]:
    """Does the service at *base* take this token?  (ok, what to say)"""
    from .remote import _request

    if not token:
        return False, (
            f"{base} answers, but CLEARANCE_TOKEN is not set in this environment: the service refuses {who}'s calls and every call is asked or blocked; "
            "set it to this machine's token (an admin proposes one: `clearance token propose NAME`, a second person approves it)"
        )
    try:
        status, _ = _request("GET", f"{base}/v1/policy", token, None, 3.0)
    except (OSError, ValueError) as e:
        return False, f"{base} did not answer with the token ({type(e).__name__}: {e})"
    if status in (401, 403):
        return False, (
            f"{base} rejects CLEARANCE_TOKEN (HTTP {status}: not yet approved by a second person, revoked, expired or "
            f"mistyped): every call {who} sends is asked or blocked; `clearance token list` on the service shows its state"
        )
    if status != 200:
        return False, f"{base} answered HTTP {status} to the token check"
    return True, f"{base} answers and accepts CLEARANCE_TOKEN; {who}'s calls are decided there"


def _toml_table(path: str, name: str) -> dict[str, Any]:
    import tomllib

    try:
        with open(path, "rb") as f:
            table = tomllib.load(f).get(name)
    except (OSError, ValueError):
        return {}
    return table if isinstance(table, dict) else {}


def unhooked_tool_lines(agent: str, home: str, project: str) -> list[str]:
    """Tools of an agent that no hook of its sees (measured: tests/e2e_agents, coverage), with the agent's own setting
    that turns each off; none once it is off. Codex CLI 0.171.0's web search is a tool the model provider runs (the
    Responses API's hosted web_search): no local tool call, so no PreToolUse, and no query is judged."""
    if agent != "codex":
        return []
    import tomllib

    cfg = os.path.join(os.path.dirname(settings_path("codex", "user", home, project)), "config.toml")
    try:
        with open(cfg, "rb") as f:
            mode = tomllib.load(f).get("web_search")
    except (OSError, ValueError):
        mode = None
    if mode == "disabled":
        return []
    return [
        "! codex: its web search runs at the model provider, not on this machine, so no hook sees it (a search query is "
        f'never judged); to turn it off, add web_search = "disabled" to {cfg} (docs/protocols.md, "What reaches the hook")'
    ]


# -- Codex hook trust ------------------------------------------------------------
#
# Codex runs a non-managed command hook only after the user trusted its exact definition:
# ``[hooks.state."<source path>:<event>:<group>:<handler>"] trusted_hash = "sha256:..."`` in
# ~/.codex/config.toml.  An untrusted or changed ("modified") hook is skipped without a word in
# ``codex exec``.  clearance never computes that hash: it asks Codex's own app-server
# (``hooks/list`` gives each hook's ``currentHash`` and ``trustStatus``) and writes the trust
# back through it (``config/batchWrite``), the path Codex's /hooks screen takes.  Only hooks
# whose command is clearance's own are ever trusted.  Measured with Codex CLI 0.171.0.

CODEX_ENV = "CLEARANCE_CODEX"  # path of the codex executable, when it is not on PATH


class CodexError(Exception):
    pass


def codex_executable(env: dict[str, str]) -> str | None:
    given = env.get(CODEX_ENV)
    if given:
        return given if os.path.exists(given) else None
    return shutil.which("codex", path=env.get("PATH"))


class _AppServer:
    """A JSON-RPC session with ``codex app-server`` over stdio (one JSON object a line)."""

    def __init__(self, codex: str, home: str, cwd: str, env: dict[str, str], timeout: float) -> None:
        import queue
        import subprocess
        import threading

        self.timeout = timeout
        self.next_id = 0
        self.lines: queue.Queue[str | None] = queue.Queue()
        run_env = dict(env, HOME=home)
        try:
            self.proc = subprocess.Popen(
                [codex, "app-server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=run_env, cwd=cwd
            )
        except OSError as e:
            raise CodexError(f"could not start `{codex} app-server`: {e}") from None

        def pump() -> None:
            assert self.proc.stdout is not None
            for line in self.proc.stdout:
                self.lines.put(line)
            self.lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        try:
            self.call("initialize", {"clientInfo": {"name": "clearance", "version": "1"}})
            self._send({"jsonrpc": "2.0", "method": "initialized"})
        except BaseException:
            self.close()  # no caller holds a session that failed to start: the app-server must not outlive it
            raise

    def _send(self, message: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(message) + "\n")
            self.proc.stdin.flush()
        except OSError as e:
            raise CodexError(f"codex app-server closed its input: {e}") from None

    def call(self, method: str, params: dict[str, Any]) -> Any:
        import queue
        import time

        self.next_id += 1
        ident = self.next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        deadline = time.monotonic() + self.timeout
        while True:
            left = deadline - time.monotonic()
            try:
                line = self.lines.get(timeout=max(left, 0.01))
            except queue.Empty:
                raise CodexError(f"codex app-server did not answer {method} within {self.timeout:.0f} s") from None
            if line is None:
                raise CodexError(f"codex app-server exited before answering {method}")
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if not isinstance(message, dict) or message.get("id") != ident:
                continue  # a notification, or a server request clearance does not answer
            if "error" in message:
                raise CodexError(f"codex app-server {method}: {message['error']}")
            return message.get("result")

    def close(self) -> None:
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout=3)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def _codex_ours(hooks_result: Any, source: str) -> list[dict[str, Any]]:
    """clearance's command hooks from a ``hooks/list`` answer, from the file *source*."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    data = hooks_result.get("data") if isinstance(hooks_result, dict) else None
    for entry in data if isinstance(data, list) else []:
        for hook in entry.get("hooks", []) if isinstance(entry, dict) else []:
            if not isinstance(hook, dict) or not isinstance(hook.get("key"), str) or hook["key"] in seen:
                continue
            same_file = os.path.realpath(str(hook.get("sourcePath", ""))) == os.path.realpath(source)
            if hook.get("handlerType") == "command" and _ours(hook.get("command", "")) and same_file:
                seen.add(hook["key"])
                out.append(hook)
    return out


def codex_hook_status(codex: str, scope: str, home: str, project: str, env: dict[str, str], timeout: float = 20.0) -> list[dict[str, Any]]:
    """Codex's own account of clearance's hooks: key, eventName, trustStatus, enabled, currentHash."""
    server = _AppServer(codex, home, project, env, timeout)
    try:
        return _codex_ours(server.call("hooks/list", {"cwds": [project]}), settings_path("codex", scope, home, project))
    finally:
        server.close()


def trust_codex_hooks(codex: str, scope: str, home: str, project: str, env: dict[str, str], timeout: float = 20.0) -> list[dict[str, Any]]:
    """Trust clearance's own Codex hooks that are untrusted or modified; returns Codex's account afterwards.

    Raises CodexError when Codex cannot be asked or a hook is still not trusted afterwards.
    """
    source = settings_path("codex", scope, home, project)
    server = _AppServer(codex, home, project, env, timeout)
    try:
        hooks = _codex_ours(server.call("hooks/list", {"cwds": [project]}), source)
        if not hooks:
            raise CodexError(f"Codex does not list clearance's hooks from {source} (hooks switched off, or the project is not trusted by Codex?)")
        edits = []
        expected = hook_command("codex")
        for hook in hooks:
            if hook.get("trustStatus") in ("trusted", "managed"):
                continue
            key = hook["key"]
            if hook.get("command") != expected:
                # Only the command this clearance writes is trusted, never an edited one.
                raise CodexError(f"hook {key} runs {hook.get('command')!r}, not this clearance's {expected!r}; `clearance uninstall codex`, then install again")
            if '"' in key or "\\" in key or not str(hook.get("currentHash", "")).startswith("sha256:"):
                raise CodexError(f"cannot write the trust of hook {key!r}")
            edits.append({"keyPath": f'hooks.state."{key}"', "mergeStrategy": "upsert", "value": {"trusted_hash": hook["currentHash"]}})
        if edits:
            server.call("config/batchWrite", {"edits": edits})
            hooks = _codex_ours(server.call("hooks/list", {"cwds": [project]}), source)
    finally:
        server.close()
    pending = [h for h in hooks if h.get("trustStatus") not in ("trusted", "managed") or h.get("enabled") is False]
    if pending:
        raise CodexError("Codex still does not run " + ", ".join(f"{h['key']} ({h.get('trustStatus')}, enabled={h.get('enabled')})" for h in pending))
    return hooks


CODEX_MANUAL = f"`clearance install codex` with codex on PATH (or {CODEX_ENV}=/path/to/codex), or trust it in codex's /hooks"


def codex_project_trusted(home: str, project: str, env: dict[str, str]) -> bool:
    """Whether the user trusts *project* in Codex (``[projects."<path>"] trust_level = "trusted"`` in its config.toml):
    Codex 0.171.0 ignores an untrusted project's .codex/ folder, hooks included."""
    import tomllib

    base = env.get("CODEX_HOME") or os.path.join(home, ".codex")
    try:
        with open(os.path.join(base, "config.toml"), "rb") as f:
            cfg = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return False
    projects = cfg.get("projects", {})
    entry = projects.get(project) or projects.get(os.path.realpath(project)) if isinstance(projects, dict) else None
    return isinstance(entry, dict) and entry.get("trust_level") == "trusted"


def codex_trust_lines(scope: str, home: str, project: str, env: dict[str, str], fix: bool) -> tuple[bool, list[str]]:
    """Doctor / install report on whether Codex will really run clearance's hook; *fix* trusts it first."""
    manual = CODEX_MANUAL
    if scope == "project" and not codex_project_trusted(home, project, env):
        # Not done for the user: trusting a project also lets its own Codex configuration and MCP servers run.
        return False, [
            f"✗ codex (project): Codex ignores the .codex/ folder of a project you have not trusted, so it will not run the hook. "
            f'Trust this project in Codex (run `codex exec --trust` in it once, or add [projects."{project}"] trust_level = "trusted" '
            "to ~/.codex/config.toml), then run `clearance install codex --scope project` again; or install for your user (`clearance install codex`)"
        ]
    codex = codex_executable(env)
    if codex is None:
        return False, [f"✗ codex ({scope}): cannot ask Codex whether it runs the hook (no codex on PATH); it skips an untrusted hook silently. Fix: {manual}"]
    try:
        hooks = trust_codex_hooks(codex, scope, home, project, env) if fix else codex_hook_status(codex, scope, home, project, env)
    except CodexError as e:
        return False, [f"✗ codex ({scope}): {e}. Codex skips an untrusted hook silently. Fix: {manual}"]
    if not hooks:
        return False, [f"✗ codex ({scope}): Codex does not list clearance's hook (hooks switched off, or an untrusted project layer); it will not run it"]
    bad = [h for h in hooks if h.get("trustStatus") not in ("trusted", "managed") or h.get("enabled") is False]
    if bad:
        states = ", ".join(f"{h.get('eventName')}: {h.get('trustStatus')}{'' if h.get('enabled', True) else ', disabled'}" for h in bad)
        return False, [f"✗ codex ({scope}): Codex will NOT run the hook ({states}); `codex exec` skips it without a word. Fix: {manual}"]
    return True, [f"✓ codex ({scope}): Codex trusts and runs the hook ({', '.join(sorted(str(h.get('eventName')) for h in hooks))}; {codex})"]
