"""How firejail's options change the home its payload sees (firejail(1)). One reader for the payload's environment
(unwrap_launch.payload_env: `~` of the payload's words) and for agents started without their settings
(rules/self: self.hookless-agent), so the two cannot read the same option differently."""

from __future__ import annotations

# firejail expands these itself in its own option values (`--blacklist=~/.claude`, `--whitelist='${HOME}/src'`).
_HOME_MARKS = ("${HOME}", "$HOME", "~")


def expand(path: str, home: str) -> str:
    """*path* with a leading home mark replaced by *home*, as firejail reads its option values."""
    for mark in _HOME_MARKS:
        if path == mark or path.startswith(mark + "/"):
            return home + path[len(mark) :]
    return path


def replaces_home(opt: str, val: str, home: str) -> bool:
    """Whether firejail's option *opt*=*val* leaves its payload without the caller's home files: --private-home=LIST
    (a new home holding copies of LIST alone), --whitelist=PATH under the home (a new home holding PATH alone), and
    --blacklist or --tmpfs over the home or a folder above it. (--private=DIR gives the payload DIR as its home;
    its readers treat that themselves, as the caller's own home given as DIR hides nothing.)"""
    if opt == "--private-home":
        return True
    home = home.rstrip("/")
    if not home or not val:
        return False
    path = expand(val, home).rstrip("/") or "/"
    if opt == "--whitelist":
        return path.startswith(home + "/")
    if opt in ("--blacklist", "--tmpfs"):
        return path.startswith("/") and (path == "/" or path == home or home.startswith(path + "/"))
    return False
