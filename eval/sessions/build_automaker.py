"""Automaker agent logs committed to public repositories, as PreToolUse events (part of eval/sessions/public.jsonl).

Automaker (an app that has the Claude Agent SDK implement one "feature" of a project at a time) writes every tool call
of a run into ``.automaker/features/<feature>/agent-output.md`` as ``🔧 Tool: NAME`` followed by ``Input: {json}``.
Some users commit that folder.  Each file is one session: the calls of one agent run in the user's project, in order.
The tool names are Claude Code's own (Bash, Read, Edit, Write, Glob, Grep, WebFetch, mcp__…), so the calls become
hook events unchanged.

Only the calls (data) are taken.  A repository is used when its logs are verbatim (every ``Input:`` block is the JSON
the agent sent, indented as written; repositories whose Markdown a formatter rewrote are left out) and its project
lives on a POSIX path (Windows paths such as ``C:\\Users\\…`` or ``/c/Code/…`` are left out: the hook's path rules are
POSIX).  ``cwd`` is the recorded project (``root`` below, read off the absolute paths of the logs), or the git worktree
under ``<root>/.worktrees/`` when most of a session's paths are there; ``home`` is the home the root lies in.

Per repository at most CAP calls (or the per-source cap in SOURCES) are kept, as whole sessions chosen by a stable hash of the session id, so that
Automaker as a whole stays near a third of the set and no repository is more than about a twelfth of it.  Very long
file bodies (a whole file handed to Write, the text of an Edit) are cut to MAX_STRING characters at a line end;
secrets are replaced by ``X``s of the same length (``redact_str``).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections import Counter

MARK = "🔧 Tool: "
CAP = 550
MAX_STRING = 2000

# repo, licence as the repository states it, project root recorded in the logs, at most this many calls (CAP if 0)
SOURCES: list[tuple[str, str, str, int]] = [
    ("fabwebdev/Chartwarden", "none stated", "/Users/fabrice/Sites/chartwarden/Chartwarden", 0),
    ("codeverlan/castro", "none stated", "/Users/tyler-lcsw/projects/castro", 0),
    ("pdeszynski/legal-adviser", "none stated", "/Users/piteer/workspace/radca-prawny/legal", 0),
    ("yinkev/praDeep", "AGPL-3.0", "/Users/kyin/Projects/praDeep", 0),
    # issue 11, third pass (h-sess2): five more projects, fewer calls each so that Automaker stays under half the set
    ("meggarmind/RESIDIO", "none stated", "/home/feyijimiohioma/projects/Residio", 300),
    ("prvious/sage", "none stated", "/Users/clovismuneza/Apps/sage", 300),
    ("Eslamasabry/LinGet", "GPL-3.0", "/home/eslam/Storage/Code/LinGet", 300),
    ("vincentserpoul/youtun4", "MIT", "/Users/vsm/workspace/trials-agent/youtun4", 300),
    ("popemkt/nxus", "none stated", "/home/popemkt/repos/nxus", 300),
]

SKIP = frozenset(
    {
        "TodoWrite",
        "TodoRead",
        "ExitPlanMode",
        "EnterPlanMode",
        "Task",
        "Agent",
        "AskUserQuestion",
        "KillShell",
        "KillBash",
        "BashOutput",
        "TaskOutput",
        "TaskStop",
        "Skill",
        "",
    }
)

# Bodies of files handed to Write / Edit / MultiEdit, cut to MAX_STRING characters; commands are never cut.
_BODIES = frozenset({"content", "old_string", "new_string"})

# Secrets: a credential typed into a call is replaced by X's of the same length (the rules see the same shape).
_SECRET = re.compile(
    r"(?<![A-Za-z0-9_-])(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}"
    r"|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}"
    r"|AKIA[0-9A-Z]{16}|xox[abpr]-[A-Za-z0-9-]{10,}"
    r"|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"
    r"|sk_(?:live|test)_[A-Za-z0-9]{16,}|re_[A-Za-z0-9]{8}_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35})"
)
# password in a URL (scheme://user:PASSWORD@host) and KEY=value assignments of secret-named variables
_URL_PW = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s'\"]+:)([^@\s'\"]{3,})(@)")
_ASSIGN = re.compile(r"((?:SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|APIKEY|PRIVATE_KEY)[A-Z_]*\s*[=:]\s*['\"]?)([A-Za-z0-9_\-+/=.]{12,})")


def redact_str(s: str) -> str:
    s = _SECRET.sub(lambda m: "X" * len(m.group(0)), s)
    s = _URL_PW.sub(lambda m: m.group(1) + ("X" * len(m.group(2)) if m.group(2) not in ("password", "postgres") else m.group(2)) + m.group(3), s)
    return _ASSIGN.sub(lambda m: m.group(1) + "X" * len(m.group(2)), s)


def _cut(s: str) -> str:
    """A file body longer than MAX_STRING, cut at the last line end before it (the rules read the start of a file)."""
    if len(s) <= MAX_STRING:
        return s
    end = s.rfind("\n", 0, MAX_STRING)
    return s[: end + 1 if end > 0 else MAX_STRING]


def _clean(v: object, key: str = "") -> object:
    if isinstance(v, str):
        return redact_str(_cut(v) if key in _BODIES else v)
    if isinstance(v, dict):
        return {k: _clean(x, k) for k, x in v.items()}
    if isinstance(v, list):
        return [_clean(x) for x in v]
    return v


def parse(text: str) -> list[tuple[str, dict[str, object]]] | None:
    """The calls of one log, or None when any Input block is not verbatim JSON (a reformatted or cut log)."""
    out: list[tuple[str, dict[str, object]]] = []
    dec = json.JSONDecoder()
    i = 0
    while True:
        j = text.find(MARK, i)
        if j < 0:
            return out
        k = text.find("\n", j)
        if k < 0:
            return None
        name = text[j + len(MARK) : k].strip()
        if not text.startswith("Input: {", k + 1):
            return None
        try:
            obj, end = dec.raw_decode(text, k + 8)
        except json.JSONDecodeError:
            return None
        block = text[k + 8 : end]
        if not isinstance(obj, dict) or (obj and not block.startswith('{\n  "')):
            return None
        out.append((name, obj))
        i = end


def _git(gitdir: str, *args: str) -> str:
    return subprocess.run(["git", "-C", gitdir, *args], capture_output=True, text=True, check=True).stdout


def _stable(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest()[:8], 16)


def _cwd(root: str, calls: list[tuple[str, dict[str, object]]]) -> str:
    trees: Counter[str] = Counter()
    n = 0
    for _name, ti in calls:
        for key in ("file_path", "path", "notebook_path"):
            v = ti.get(key)
            if isinstance(v, str) and v.startswith(root + "/"):
                n += 1
                rest = v[len(root) + 1 :].split("/")
                if len(rest) > 2 and rest[0] == ".worktrees":
                    trees[f"{root}/.worktrees/{rest[1]}"] += 1
    if trees:
        tree, c = trees.most_common(1)[0]
        if c * 2 > n:
            return tree
    return root


def collect(mirror: str, split_of, labels: dict[str, tuple[str, str]]) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    out: list[dict[str, object]] = []
    for repo, licence, root, cap in SOURCES:
        gitdir = f"{mirror}/{repo.replace('/', '+')}/repo"
        home = "/".join(root.split("/")[:3])
        # the newest committed version of every log (a log grows while the feature is worked on)
        latest: dict[str, str] = {}
        commit = ""
        for line in _git(gitdir, "log", "--all", "--format=C %H", "--name-only", "--", ".automaker/features/*/agent-output.md").splitlines():
            if line.startswith("C "):
                commit = line[2:]
            elif line.strip() and line.strip() not in latest:
                try:
                    _git(gitdir, "cat-file", "-e", f"{commit}:{line.strip()}")
                except subprocess.CalledProcessError:
                    continue  # deleted in this commit; an older version is taken
                latest[line.strip()] = commit
        sessions = []
        for path, c in latest.items():
            calls = parse(_git(gitdir, "show", f"{c}:{path}"))
            if not calls:
                continue
            # Automaker logs a file the agent patched through its own editor as ``Write`` of ``/dev/null`` with no
            # content: an artefact of the log, not a call the hook would see.
            # The id of a call is its place among all the calls of the log, so ids do not move when SKIP changes.
            kept = [(i, n, ti) for i, (n, ti) in enumerate(calls) if n not in SKIP and not (n == "Write" and ti.get("file_path") == "/dev/null")]
            if not kept:
                continue
            feature = path.split("/")[-2]
            sid = f"automaker:{repo}:{feature}"
            sessions.append((_stable(sid), sid, path, c, calls, kept))
        total = 0
        for _h, sid, path, c, calls, kept in sorted(sessions):
            if total + len(kept) > (cap or CAP):
                continue
            total += len(kept)
            cwd = _cwd(root, calls)
            for i, name, ti in kept:
                cid = "am-" + hashlib.sha256(f"{repo}:{path}:{i}".encode()).hexdigest()[:20]
                label, why = labels.get(cid, ("allow", ""))
                ev: dict[str, object] = {
                    "id": cid,
                    "label": label,
                    "category": f"session-{name.lower()}",
                    "split": split_of(sid),
                    "source": {"repo": repo, "commit": c, "path": path, "licence": licence, "format": "automaker"},
                    "home": home,
                    "hook_event_name": "PreToolUse",
                    "session_id": sid,
                    "cwd": cwd,
                    "permission_mode": "default",
                    "tool_name": name,
                    "tool_input": _clean(ti),
                }
                if why:
                    ev["why"] = why
                out.append(ev)
    return out
