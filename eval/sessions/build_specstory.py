"""Cursor agent chats exported by SpecStory, as PreToolUse events (part of eval/sessions/public.jsonl).

SpecStory saves each Cursor chat as ``.specstory/history/<date>-<title>.md``; some users commit that folder.  In the
2025 export format the agent's tool calls are blocks between ``---`` separators:

- a terminal command: a ```bash block followed by a plain ``` block holding the terminal's output, whose first line is
  the shell prompt (``user@host DIR % command``).  A command with no output block is left out: the export does not say
  whether it ran (the user may have rejected it);
- ``Read file: PATH`` (relative to the workspace) -> ``Read``;
- ``<summary>Listed directory PATH •`` -> ``LS``; ``<summary>Grep search for "PATTERN" •`` -> ``Grep``.

Edits are shown as bare ```diff blocks without the file's name and semantic searches have no hook tool: both are left
out.  ``cwd`` follows the terminal: it starts at the workspace and moves with every ``cd`` the commands make (Cursor's
terminal is persistent), checked against the directory name in the prompt of the recorded output; when they disagree
the directory of that name seen first is taken (the workspace if the prompt names it), and so is it when the followed
path ends in a doubled name (``.../app/app``) that the prompt cannot tell from its parent.  The project
(``project_dir``, passed as CLAUDE_PROJECT_DIR) stays the workspace.  ``home`` is the recorded user's
(``/Users/<user>``, from the paths).

Each chat file is one session; of several committed versions of a file the fullest is kept.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import subprocess

# repo, licence as stated, workspace (Cursor's open folder, read off the paths in the chats), home
SOURCES: list[tuple[str, str, str, str]] = [
    ("edobry/minsky", "none stated", "/Users/edobry/Projects/minsky", "/Users/edobry"),
    (
        "maloneype/yposfgold-community-platform",
        "none stated",
        "/Users/paulmaloney/Library/CloudStorage/Dropbox/iCloud/RiverTies/development-projects/yposfgold-community-platform.com",
        "/Users/paulmaloney",
    ),
]
CAP = 1500

_SEP = re.compile(r"\n---\n")
_BASH = re.compile(r"\A\s*```bash\n(.*?)\n```\s*\n```\n(.*)", re.S)
_PROMPT = re.compile(r"\A\S+@\S+ (\S+) % ")
_READ = re.compile(r"^Read file: (\S.*?)\s*$", re.M)
_LS = re.compile(r"<summary>Listed directory (.+?) • ")
_GREP = re.compile(r'<summary>Grep search for "(.+?)" • ')
_CD = re.compile(r"(?:^|&&|;|\n)\s*cd\s+(\"[^\"]+\"|'[^']+'|[^\s;&|]+)")


def _git(gitdir: str, *args: str) -> str:
    return subprocess.run(["git", "-C", gitdir, *args], capture_output=True, text=True, check=True).stdout


def _resolve(base: str, p: str, home: str) -> str:
    p = p.strip("\"'")
    if p in ("~", "$HOME"):
        return home
    if p.startswith(("~/", "$HOME/")):
        p = home + p[p.index("/") :]
    return posixpath.normpath(posixpath.join(base, p))


def calls(text: str, workspace: str, home: str) -> list[tuple[str, str, dict[str, object]]]:
    """(cwd, tool, input) of every call of one exported chat, in order."""
    out: list[tuple[str, str, dict[str, object]]] = []
    cwd = prev = workspace
    seen: dict[str, str] = {posixpath.basename(workspace): workspace}
    for seg in _SEP.split(text):
        m = _BASH.match(seg)
        if m:
            cmd, output = m.group(1).strip(), m.group(2).lstrip("\n")
            p = _PROMPT.match(output)
            if p and p.group(1) != posixpath.basename(cwd):
                cwd = seen.get(p.group(1), cwd)
            elif p and posixpath.basename(posixpath.dirname(cwd)) == p.group(1) and seen.get(p.group(1)) != cwd:
                cwd = seen[p.group(1)]  # X/X: a `cd X` that a fresh shell did not carry over; the prompt cannot tell apart
            out.append((cwd, "Bash", {"command": cmd}))
            for d in _CD.findall(cmd):
                if "$" in d.replace("$HOME", "") or "`" in d:
                    continue
                cwd, prev = (prev, cwd) if d == "-" else (_resolve(cwd, d, home), cwd)
                seen.setdefault(posixpath.basename(cwd), cwd)
            continue
        s = seg.strip()
        if s.startswith("Read file: "):
            for f in _READ.findall(s):
                out.append((cwd, "Read", {"file_path": _resolve(workspace, f, home)}))
        elif s.startswith("<details>"):
            ls, grep = _LS.search(s), _GREP.search(s)
            if ls:
                out.append((cwd, "LS", {"path": _resolve(workspace, ls.group(1), home)}))
            elif grep:
                out.append((cwd, "Grep", {"pattern": grep.group(1), "path": workspace}))
    return out


def collect(mirror: str, split_of, labels: dict[str, tuple[str, str]], redact) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    out: list[dict[str, object]] = []
    for repo, licence, workspace, home in SOURCES:
        gitdir = f"{mirror}/{repo.replace('/', '+')}/repo"
        best: dict[str, tuple[int, str, list[tuple[str, str, dict[str, object]]]]] = {}
        commit = ""
        for line in _git(gitdir, "log", "--all", "--format=C %H", "--name-only", "--", ".specstory/history").splitlines():
            if line.startswith("C "):
                commit = line[2:]
                continue
            path = line.strip()
            if not path.endswith(".md"):
                continue
            try:
                text = _git(gitdir, "show", f"{commit}:{path}")
            except subprocess.CalledProcessError:
                continue  # deleted in this commit
            got = calls(text, workspace, home)
            if got and (path not in best or len(got) > best[path][0]):
                best[path] = (len(got), commit, got)
        order = sorted(best, key=lambda p: hashlib.sha256(f"specstory:{repo}:{p}".encode()).hexdigest())
        total = 0
        for path in order:
            n, commit, got = best[path]
            if total + n > CAP:
                continue
            total += n
            sid = f"specstory:{repo}:{path.rsplit('/', 1)[-1][:-3]}"
            for i, (cwd, tool, ti) in enumerate(got):
                cid = "ss-" + hashlib.sha256(f"{repo}:{path}:{i}".encode()).hexdigest()[:20]
                label, why = labels.get(cid, ("allow", ""))
                if tool == "Bash":
                    ti = {"command": redact(str(ti["command"]))}
                ev: dict[str, object] = {
                    "id": cid,
                    "label": label,
                    "category": f"session-{tool.lower()}",
                    "split": split_of(sid),
                    "source": {"repo": repo, "commit": commit, "path": path, "licence": licence, "format": "specstory-cursor"},
                    "home": home,
                    "hook_event_name": "PreToolUse",
                    "session_id": sid,
                    "cwd": cwd,
                    "project_dir": workspace,
                    "permission_mode": "default",
                    "tool_name": tool,
                    "tool_input": ti,
                }
                if why:
                    ev["why"] = why
                out.append(ev)
    return out
