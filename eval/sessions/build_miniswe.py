"""mini-swe-agent SWE-bench trajectories as PreToolUse events (part of eval/sessions/public.jsonl).

mini-swe-agent is a bash-only agent: every assistant turn holds exactly one ```bash block, which the harness runs in
the task's repository (``/testbed`` in the SWE-bench container, as ``root``).  The published run of Gemini 3 Pro on
SWE-bench Verified (``*.traj.json``, format ``mini-swe-agent-1``) is committed in gruckion/mini-swe-agent (MIT).  Each
trajectory is one session; each executed command becomes a ``Bash`` event with ``cwd`` /testbed and ``home`` /root
(the container's).  A turn with no block or more than one was rejected by the harness and never ran: it is left out.

At most CAP calls are kept (whole sessions, by a stable hash of the session id), so that this one agent and setting
stays under a third of the set.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess

REPO = "gruckion/mini-swe-agent"
LICENCE = "MIT"
UNDER = "swebench_results/20251118_gemini-3-pro-74pct/trajs/"
CAP = 1500

_BLOCK = re.compile(r"```bash\s*\n(.*?)\n```", re.S)


def _git(gitdir: str, *args: str) -> str:
    return subprocess.run(["git", "-C", gitdir, *args], capture_output=True, text=True, check=True).stdout


def commands(traj: dict[str, object]) -> list[str]:
    out = []
    msgs = traj.get("messages")
    for m in msgs if isinstance(msgs, list) else []:
        if isinstance(m, dict) and m.get("role") == "assistant":
            blocks = _BLOCK.findall(str(m.get("content") or ""))
            if len(blocks) == 1 and blocks[0].strip():
                out.append(blocks[0].strip())
    return out


def collect(mirror: str, split_of, labels: dict[str, tuple[str, str]], redact) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    gitdir = f"{mirror}/{REPO.replace('/', '+')}/repo"
    commit = _git(gitdir, "rev-parse", "HEAD").strip()
    paths = [p for p in _git(gitdir, "ls-tree", "-r", "--name-only", "HEAD", UNDER).splitlines() if p.endswith(".traj.json")]
    sessions = []
    for path in paths:
        try:
            traj = json.loads(_git(gitdir, "show", f"HEAD:{path}"))
        except (json.JSONDecodeError, subprocess.CalledProcessError):
            continue
        cmds = commands(traj)
        if cmds:
            sid = f"mini-swe-agent:{traj.get('instance_id') or path.split('/')[-2]}"
            sessions.append((int(hashlib.sha256(sid.encode()).hexdigest()[:8], 16), sid, path, cmds))
    out: list[dict[str, object]] = []
    total = 0
    for _h, sid, path, cmds in sorted(sessions):
        if total + len(cmds) > CAP:
            continue
        total += len(cmds)
        for i, cmd in enumerate(cmds):
            cid = "ms-" + hashlib.sha256(f"{path}:{i}".encode()).hexdigest()[:20]
            label, why = labels.get(cid, ("allow", ""))
            ev: dict[str, object] = {
                "id": cid,
                "label": label,
                "category": "session-bash",
                "split": split_of(sid),
                "source": {"repo": REPO, "commit": commit, "path": path, "licence": LICENCE, "format": "mini-swe-agent"},
                "home": "/root",
                "hook_event_name": "PreToolUse",
                "session_id": sid,
                "cwd": "/testbed",
                "permission_mode": "default",
                "tool_name": "Bash",
                "tool_input": {"command": redact(cmd)},
            }
            if why:
                ev["why"] = why
            out.append(ev)
    return out
