"""A package manager's own verbs that rewrite package.json's fields (fix19a's open case, fix20a).

`npm pkg set scripts.lint='sh p.b64'`, `npm pkg delete scripts.prelint`, `npm set-script lint CMD`, `pnpm pkg set …`
(pnpm hands `pkg` to npm), `bun pm pkg set …`: the tool writes the package.json of the folder it works in (`--prefix
DIR`, `-C DIR`/`--dir DIR`, `--cwd DIR`, a workspace given by its folder) with those fields changed.  That file is
computed here from the one on the engine's disk and compared as a Write of it is (rules/fs.settings_script_changed):
an entry an agent's project settings run as a hook or helper whose text changes is the agent rewriting what runs
outside any check (fs.write-settings-run-script).  Loaded only for a line that names such a verb.
"""

from __future__ import annotations

import json

from . import pathstr
from .paths import DYN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .scope import Scope
    from .shell.ir import SimpleCommand

_RUNNERS = frozenset({"npm", "pnpm", "bun"})
# Options that name the folder whose package.json the tool works on, and those that take a value it is not.
_FOLDER_OPTIONS = frozenset({"--prefix", "-C", "--dir", "--cwd", "-w", "--workspace"})
_VALUED = frozenset({"--location", "-L", "--userconfig", "--globalconfig", "--filter", "-F"})


def _verb(name: str, ops: list[str]) -> tuple[str, list[str]] | None:
    """("set"|"delete"|"set-script", the words after the verb) for a verb that rewrites package.json's fields."""
    if name == "bun" and ops[:2] == ["pm", "pkg"]:
        ops = ops[1:]  # `bun pm pkg set`
    if ops[:1] == ["pkg"] and len(ops) > 1 and ops[1] in ("set", "delete"):
        return ops[1], ops[2:]
    if name == "npm" and ops[:1] == ["set-script"]:
        return "set-script", ops[1:]
    return None


def _key_path(key: str) -> list[str]:
    """npm's field path: `scripts.lint`, `scripts[lint]`, `scripts["pre:x"]`."""
    out: list[str] = []
    for part in key.replace("]", "").replace("[", ".").split("."):
        part = part.strip("'\"")
        if part:
            out.append(part)
    return out


def _changed(data: dict[str, object], verb: str, words: list[str], as_json: bool) -> bool:
    """Apply the verb to *data* as npm does; False where a word cannot be read (run-time text, bad JSON)."""
    if verb == "set-script":
        if len(words) < 2 or DYN in words[0] or DYN in words[1]:
            return False
        scripts = data.setdefault("scripts", {})
        if not isinstance(scripts, dict):
            return False
        scripts[words[0]] = words[1]
        return True
    for w in words:
        key, sep, value = w.partition("=")
        if (verb == "set" and not sep) or DYN in key:
            return False
        path = _key_path(key)
        if not path:
            return False
        node: object = data
        for part in path[:-1]:
            if not isinstance(node, dict):
                return False
            node = node.setdefault(part, {})
        if not isinstance(node, dict):
            return False
        if verb == "delete":
            node.pop(path[-1], None)
            continue
        if DYN in value:
            node[path[-1]] = DYN  # known when it runs: differs from any text the file holds
            continue
        if as_json:
            try:
                node[path[-1]] = json.loads(value)
            except ValueError:
                return False
        else:
            node[path[-1]] = value
    return True


def entry_changes(cmd: SimpleCommand, sc: Scope) -> str | None:
    """Why *cmd* changes an entry the agents' project settings run, or None (another field, no settings, no disk)."""
    if cmd.name not in _RUNNERS or sc.ctx.read_file is None or cmd.remote is not None:
        return None
    vals = cmd.values()
    folder = cmd.cwd or sc.ctx.cwd
    ops: list[str] = []
    as_json = False
    i = 0
    while i < len(vals):
        v = vals[i]
        opt, eq, glued = v.partition("=")
        if opt in _FOLDER_OPTIONS or opt in _VALUED:
            value = glued if eq else (vals[i + 1] if i + 1 < len(vals) else "")
            i += 1 if eq else 2
            if opt in _FOLDER_OPTIONS:
                if DYN in value or not value:
                    return None
                folder = pathstr.normpath(pathstr.join(folder or "/", value))
            continue
        if v == "--json":
            as_json = True
        elif not v.startswith("-"):
            ops.append(v)
        i += 1
    got = _verb(cmd.name, ops)
    if got is None or folder is None:
        return None
    verb, words = got
    path = pathstr.join(folder, "package.json")
    before = sc.ctx.read_file(path)
    if before is None:
        return None
    try:
        data = json.loads(before)
    except ValueError:
        return None  # npm stops at invalid JSON
    if not isinstance(data, dict) or not _changed(data, verb, words, as_json):
        return None
    from .rules.fs import settings_script_changed

    why = settings_script_changed(path, before, json.dumps(data, indent=2), sc)
    shown = f"{cmd.name} pkg {verb}" if verb != "set-script" else "npm set-script"
    return f"{shown} changes {why}" if why else None
