"""Which repository a project is, for the managed policy's per-repository sections.

A ``[[repositories]]`` section of the managed policy applies to the projects it names by git
remote (``github.com/acme/payments``, ``github.com/acme/*``) or by directory
(``~/work/payments``, ``/srv/checkouts/**``).  The project's remotes are read from its git
configuration (``.git/config``, or a worktree's common directory): the file system is read
here, at the edge, and the merge stays a function of its inputs.
"""

from __future__ import annotations

import fnmatch
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_CONFIG_BYTES = 256 * 1024


class Identity:
    """A project's root directory and the normalised URLs of its git remotes."""

    __slots__ = ("root", "remotes")

    def __init__(self, root: str, remotes: tuple[str, ...] = ()) -> None:
        self.root = root.rstrip("/") or "/"
        self.remotes = remotes

    def key(self) -> str:
        return self.root + "|" + ",".join(self.remotes)


def _git_dir(root: str) -> str | None:
    dot = os.path.join(root, ".git")
    if os.path.isdir(dot):
        return dot
    try:
        with open(dot, encoding="utf-8") as f:
            first = f.readline(4096).strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not first.startswith("gitdir:"):
        return None
    gd = first[len("gitdir:") :].strip()
    gd = gd if os.path.isabs(gd) else os.path.normpath(os.path.join(root, gd))
    try:
        with open(os.path.join(gd, "commondir"), encoding="utf-8") as f:
            common = f.readline(4096).strip()
        return common if os.path.isabs(common) else os.path.normpath(os.path.join(gd, common))
    except OSError:
        return gd


def remote_urls(config_text: str) -> list[str]:
    """The ``url`` values of ``[remote "NAME"]`` sections of a git config file."""
    urls: list[str] = []
    in_remote = False
    for raw in config_text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            head = line[1:].split("]", 1)[0].strip()
            in_remote = head.split(None, 1)[0].lower() == "remote" if head else False
            continue
        if in_remote:
            key, eq, value = line.partition("=")
            if eq and key.strip().lower() in ("url", "pushurl"):
                v = value.strip()
                if len(v) > 1 and v[0] == v[-1] == '"':
                    v = v[1:-1]
                urls.append(v)
    return urls


def identity(root: str) -> Identity:
    """The project at *root*: its path and its remotes (none when it is not a git checkout or the config is unreadable)."""
    from ..trust import normalise_remote

    gd = _git_dir(root)
    remotes: list[str] = []
    if gd is not None:
        try:
            with open(os.path.join(gd, "config"), "rb") as f:
                text = f.read(MAX_CONFIG_BYTES).decode("utf-8", "replace")
            remotes = sorted({normalise_remote(u) for u in remote_urls(text) if u})
        except OSError:
            pass
    return Identity(root, tuple(remotes))


def _path_matches(root: str, pattern: str, home: str) -> bool:
    pat = pattern.rstrip("/") or "/"
    if pat.startswith("~"):
        pat = home.rstrip("/") + pat[1:]
    if pat.endswith("/**"):
        base = pat[:-3]
        return root == base or root.startswith(base + "/") or fnmatch.fnmatchcase(root, pat)
    return root == pat or fnmatch.fnmatchcase(root, pat)


def section_matches(section: dict[str, Any], ident: Identity, home: str) -> bool:
    from ..trust import normalise_remote

    for pat in section.get("remotes", []) or []:
        p = normalise_remote(pat)
        if any(fnmatch.fnmatchcase(r, p) for r in ident.remotes):
            return True
    return any(_path_matches(ident.root, pat, home) for pat in section.get("paths", []) or [])


def section_name(section: dict[str, Any], index: int) -> str:
    name = section.get("name")
    if isinstance(name, str) and name:
        return name
    first = [*(section.get("remotes") or []), *(section.get("paths") or [])]
    return first[0] if first else f"#{index + 1}"
