"""The case-running scaffolding the adversarial round files share: tool calls built as data, each judged in-process by
conftest.decide, a case that must not be allowed (with strict xfails for the gaps a round leaves open, tests/strict.py)
and an ordinary look-alike that must stay allowed. Nothing here is ever run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import strict
from .conftest import decide


def write(path: str, content: str) -> dict[str, Any]:
    return {"tool_name": "Write", "tool_input": {"file_path": path, "content": content}}


def run(command: str, files: dict[str, str]) -> dict[str, Any]:
    return {"tool_name": "Bash", "tool_input": {"command": command}, "files": files}


def json_key(example: Any) -> str:
    """A case's key in a round's gaps: the command itself, or its event as JSON (first 300 characters)."""
    return example if isinstance(example, str) else json.dumps(example, sort_keys=True)[:300]


def command_key(example: Any) -> str:
    """The key of rounds 13a and 13c: the command, then the files the case puts on disk."""
    if isinstance(example, str):
        return example
    return example["tool_input"]["command"] + " :: " + " | ".join(f"{k}={v!r}" for k, v in example.get("files", {}).items())


def ids(cases: list[Any], key: Any = json_key) -> list[str]:
    return [key(c)[:100] for c in cases]


def not_allowed(example: Any, gaps: dict[str, str], key: Any = json_key) -> None:
    def check() -> None:
        got = decide(example).decision
        assert got in ("deny", "ask"), f"{key(example)}: {got}"

    strict.check(key(example), gaps, check)


def allowed(example: Any, key: Any = json_key) -> None:
    got = decide(example)
    assert got.decision == "allow", f"{key(example)}: {got.decision} {got.rules} {got.reason}"


def hook_decision(event: dict[str, Any], env: dict[str, str], db: Path, options: tuple[str, ...] = ()) -> str:
    """The permission the real hook answers for *event* (hook.run_answer: decided, recorded in *db*, provenance
    noted in the state folder *env* names); no answer is the agent's default, allow."""
    from clearance.hook import Options, run_answer

    ans = run_answer(json.dumps(event).encode(), Options(["--db", str(db), *options]), env)
    out = ans.stdout or {}
    spec = out.get("hookSpecificOutput", {}) if isinstance(out, dict) else {}
    return str(spec.get("permissionDecision", "allow")) if isinstance(spec, dict) else "allow"


class HookSession:
    """One agent session through the real hook in a scratch home: project `HOME/webapp` unless named, state under
    `HOME/.local/state`, audit in `HOME/audit.db`; *extra_env* adds to the hook's environment."""

    def __init__(self, home: Path, sid: str, project: Path | None = None, extra_env: dict[str, str] | None = None) -> None:
        self.home = home
        self.project = project or home / "webapp"
        self.sid = sid
        self.env = {"HOME": str(home), "CLAUDE_PROJECT_DIR": str(self.project), "XDG_STATE_HOME": str(home / ".local" / "state"), **(extra_env or {})}

    def call(self, tool: str, tool_input: dict[str, Any], cwd: Path | None = None) -> str:
        ev = {"hook_event_name": "PreToolUse", "session_id": self.sid, "cwd": str(cwd or self.project), "tool_name": tool, "tool_input": tool_input}
        return hook_decision(ev, self.env, self.home / "audit.db")

    def bash(self, command: str, cwd: Path | None = None) -> str:
        return self.call("Bash", {"command": command}, cwd)


def scratch_home(tmp_path: Path, util: bool = True) -> Path:
    """`tmp/home/ana` with a project `webapp` (a `.git` folder, src/app.py, src/lib[/util.py], docs/notes.md not in git)."""
    h = tmp_path / "home" / "ana"
    (h / "webapp" / "src" / "lib").mkdir(parents=True)
    (h / "webapp" / "src" / "app.py").write_text("print(1)\n")
    if util:
        (h / "webapp" / "src" / "lib" / "util.py").write_text("X = 1\n")
    (h / "webapp" / "docs").mkdir()
    (h / "webapp" / "docs" / "notes.md").write_text("work not in git\n")
    (h / "webapp" / ".git").mkdir()
    return h


def in_session(*calls: Any, shell: str = "") -> list[Any]:
    """The decisions of *calls* made one after the other in one persisting shell session (Copilot CLI's bash session):
    each a command line (or a whole event), judged in-process with the session's record of where its shell was left
    (provenance ``w``) kept as the hook keeps it -- noted as the line leaves it when allowed, unknown when asked
    (the folders put first on PATH: kept either way), nothing when denied."""
    from clearance.adapters.claude import parse_event
    from clearance.engine import evaluate
    from clearance.policy import load_policy

    from .conftest import ENV, event

    state: dict[str, str] = {}
    out = []
    for c in calls:
        ex = (
            c
            if isinstance(c, dict)
            else {"tool_name": "Bash", "tool_input": {"command": c, "tty": True, "persists": True, **({"shell": shell} if shell else {})}}
        )
        files = ex.get("files") if isinstance(ex, dict) else None
        if files is not None:
            ex = {k: v for k, v in ex.items() if k != "files"}  # project files on "disk", as conftest.decide gives them
        action, ctx = parse_event(event(ex), ENV)
        ctx.shell_dir = state.get
        if files is not None:
            ctx.read_file = files.get
        d = evaluate(action, ctx, load_policy(ctx.project_root, ENV))
        for k, p in d.creates:
            key, _, where = p.partition("\t")
            if k == "w" and d.decision != "deny":
                state[key] = where if d.decision == "allow" or key == "$PATH" else "?"
        out.append(d)
    return out
