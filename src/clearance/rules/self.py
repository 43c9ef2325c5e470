"""Self-protection: an agent must not change what decides for it.

clearance runs as the agent's own user, so every file it trusts is a file the
agent can reach.  Writes, deletions, renames, links and permission changes of
those files are judged in one place, ``paths.clearance_owned`` (through
fs.write-protected); this pack covers the other channels: clearance's own CLI,
the package manager that installed it, and database or interpreter access to
its audit trail.  docs/threat-model.md says what this can and cannot defend.
"""

from __future__ import annotations

import posixpath
import re

from .. import paths
from ..lazyre import lazy
from ..model import ASK, HARD_DENY
from .base import rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..scope import Scope
    from ..shell.ir import SimpleCommand

# Subcommands that only read or explain (and `install`/`uninstall --dry-run`, which print a diff).
READ_ONLY = frozenset({"check", "explain", "log", "stats", "rules", "doctor", "replay", "report", "--version", "--help", "-h", "-V", "help"})
POLICY_READ_ONLY = frozenset({"show", "lint", "test", "schema"})


def _subcommand(vals: list[str]) -> tuple[str, list[str]]:
    for i, v in enumerate(vals):
        if not v.startswith("-") or v in ("--version", "--help", "-h"):
            return v, vals[i + 1 :]
    return "", []


def _scratch_db(rest: list[str], cmd: SimpleCommand, sc: Scope) -> bool:
    """--db names a local file that is not clearance's audit trail (a test's scratch store)."""
    db = ""
    for i, v in enumerate(rest):
        if v == "--db" and i + 1 < len(rest):
            db = rest[i + 1]
        elif v.startswith("--db="):
            db = v[5:]
    if not db or "://" in db or paths.DYN in db:
        return False
    return paths.clearance_owned(sc.path(db, cmd), sc.ctx) is None


@rule(
    id="self.clearance-cli",
    title="The agent reconfiguring, uninstalling or replacing clearance",
    why=(
        "clearance decides what the agent may do; an agent that removes the hook from its settings, starts its own daemon or team "
        "service, adds users, or records decisions into the audit trail has switched off or forged its own oversight. "
        "An agent that runs `clearance allow` would lift its own denials. Reading commands (check, explain, log, stats, rules, "
        "policy show|lint|test, doctor, --dry-run of install/uninstall) stay allowed."
    ),
    verdict=HARD_DENY,
    commands=("clearance",),
    match=(
        "clearance uninstall claude",
        "clearance install codex --scope project",
        "python -m clearance uninstall gemini",
        "clearance daemon --socket /tmp/c.sock",
        "clearance serve --port 9000",
        "echo pw | clearance user add eve --role admin",
        "echo '{}' | clearance hook",
        "clearance decide --stateful < events.jsonl",
        "clearance hook --db ~/.local/state/clearance/clearance.db < event.json",
        "clearance hook --db postgresql://audit.internal/clearance < event.json",
        "clearance log --prune --retention-days 0",
        "clearance log --max-mb 1 --prune",
        "clearance allow --last",
        "clearance allow 42 --for 8h --session",
        "python3 -m clearance allow --last --dry-run",
    ),
    no_match=(
        "clearance check -- git push",
        "clearance log --limit 20",
        "clearance log --verify",
        "clearance stats",
        "clearance rules fs.write-protected",
        "clearance policy show",
        "clearance policy lint",
        "clearance doctor",
        "clearance uninstall claude --dry-run",
        "clearance hook --no-audit < event.json",
        "clearance hook --db /tmp/scratch.db < event.json",
        "clearance decide < events.jsonl",
        "clearance --version",
        "clearance explain 42",
        "clearance explain --last",
    ),
)
def clearance_cli(cmd: SimpleCommand, sc: Scope) -> str | None:
    vals = cmd.values()
    sub, rest = _subcommand(vals)
    if sub == "log" and any(v == "--prune" or v.startswith("--prune=") for v in rest):
        return "clearance log --prune deletes decisions from the audit trail; only the user prunes it"
    if sub in READ_ONLY or sub == "":
        return None
    if sub == "policy":
        if not rest or rest[0] in POLICY_READ_ONLY:
            return None
        return f"clearance policy {rest[0]} changes clearance's policy; only the user does that"
    if sub in ("install", "uninstall"):
        if "--dry-run" in rest:
            return None
        return f"clearance {sub} changes which agents clearance oversees; only the user does that"
    if sub == "hook":
        if "--no-audit" in rest or _scratch_db(rest, cmd, sc):
            return None
        return "clearance hook run by the agent records a decision into the audit trail and the session's escalation state"
    if sub == "decide":
        if "--stateful" not in rest or _scratch_db(rest, cmd, sc):
            return None
        return "clearance decide --stateful records decisions into the audit trail and the session's escalation state"
    if sub == "daemon":
        return "a clearance daemon started by the agent would answer for the hook with whatever environment the agent gave it"
    if sub == "serve":
        return "clearance serve started by the agent would be a team service the agent controls"
    if sub == "user":
        return "clearance user changes who may approve and administer the team service"
    if sub == "allow":
        return "clearance allow loosens clearance's policy; the agent may not allow things for itself, only the user does"
    return f"clearance {sub} is not a reading command; only the user runs it"


_PIP = frozenset({"pip", "pip3", "pipx", "uv", "poetry", "pdm", "conda", "mamba", "brew", "pipenv", "rye"})
_UNINSTALL = frozenset({"uninstall", "remove", "rm"})


def _names_clearance(words: list[str]) -> bool:
    for w in words:
        base = w.split("[", 1)[0].split("=", 1)[0].split("<", 1)[0].split(">", 1)[0].split("@", 1)[0].lower()
        if base == "clearance":
            return True
    return False


@rule(
    id="self.uninstall",
    title="Uninstalling or replacing the clearance package",
    why=(
        "Without the package the hook command fails, and agents treat a failing hook as a non-blocking error: every call is allowed. "
        "Uninstalling is hard denied; installing or upgrading clearance from the agent's side is asked about, since what gets "
        "installed decides every later call."
    ),
    verdict=HARD_DENY,
    commands=tuple(_PIP),
    match=("pip uninstall -y clearance", "pipx uninstall clearance", "uv tool uninstall clearance", "uv pip uninstall clearance", "brew uninstall clearance"),
    no_match=("pip uninstall -y requests", "pip install clearance-extras", "uv remove httpx", "pipx list"),
)
def uninstall(cmd: SimpleCommand, sc: Scope) -> str | None:
    vals = [v for v in cmd.values() if not v.startswith("-")]
    if not any(v in _UNINSTALL for v in vals[:3]):
        return None
    i = next(i for i, v in enumerate(vals) if v in _UNINSTALL)
    if _names_clearance(vals[i + 1 :]):
        return f"{cmd.name} {vals[i]} clearance removes the hook that oversees the agent; only the user does that"
    return None


@rule(
    id="self.reinstall",
    title="Installing or upgrading the clearance package from the agent's side",
    why="What gets installed is the code that decides every later call; a person confirms the source and version.",
    verdict=ASK,
    commands=tuple(_PIP),
    match=("pip install -U clearance", "pipx install --force git+https://example.com/fork/clearance", "uv tool install clearance==0.1"),
    no_match=("pip install -U requests", "pip install -e .", "pipx install ruff"),
)
def reinstall(cmd: SimpleCommand, sc: Scope) -> str | None:
    vals = [v for v in cmd.values() if not v.startswith("-")]
    if not any(v in ("install", "upgrade", "add", "reinstall") for v in vals[:3]):
        return None
    i = next(i for i, v in enumerate(vals) if v in ("install", "upgrade", "add", "reinstall"))
    targets = vals[i + 1 :]
    if _names_clearance(targets) or any(t.rstrip("/").endswith("/clearance") or "/clearance.git" in t or "/clearance@" in t for t in targets):
        return f"{cmd.name} {vals[i]} replaces clearance's own code"
    return None


_SQL_READ = lazy(
    r"^\s*(?:select|explain|with\s+\w+\s+as\s*\(\s*select|pragma\s+\w+(?:\s*\(\s*\w+\s*\))?\s*$|\.(?:schema|tables|indexes|headers|mode|dump|show|help)\b)",
    re.I,
)
_DB_TOOLS = ("sqlite3", "sqlite", "litecli", "sqlite-utils", "sqlitebrowser", "sqlite_web", "datasette")


def _read_only_sql(sql: str) -> bool:
    statements = [s for s in sql.split(";") if s.strip()]
    return bool(statements) and all(_SQL_READ.match(s) for s in statements)


def _owned_db(path: str, sc: Scope) -> str | None:
    why = paths.clearance_owned(path, sc.ctx)
    if why is None:
        return None
    # The audit database, or any file in clearance's state, policy or cache directories.
    return why


@rule(
    id="self.audit-db",
    title="Changing clearance's audit database with a database tool",
    why=(
        "The audit trail is the record a platform team relies on and the state session escalation counts on; deleting or "
        "rewriting rows hides what the agent did. Read-only queries (-readonly, SELECT, .schema) stay allowed; `clearance log` reads it too."
    ),
    verdict=HARD_DENY,
    commands=_DB_TOOLS,
    match=(
        "sqlite3 ~/.local/state/clearance/clearance.db 'DELETE FROM decisions'",
        "sqlite3 ~/.local/state/clearance/clearance.db",
        "sqlite-utils insert ~/.local/state/clearance/clearance.db decisions rows.json",
        "sqlite3 ~/.local/state/clearance/clearance.db 'select 1; drop table decisions'",
    ),
    no_match=(
        "sqlite3 ~/.local/state/clearance/clearance.db 'select count(*) from decisions'",
        "sqlite3 -readonly ~/.local/state/clearance/clearance.db 'delete from decisions'",
        "sqlite3 app.db 'DELETE FROM users WHERE id = 3'",
        "sqlite3 ~/.local/state/clearance/clearance.db .schema",
    ),
)
def audit_db(cmd: SimpleCommand, sc: Scope) -> str | None:
    vals = cmd.values()
    if "-readonly" in vals or "--readonly" in vals:
        return None
    ops = [v for v in vals if not v.startswith("-")]
    for i, v in enumerate(ops):
        if "/" not in v and not v.endswith(".db"):
            continue
        why = _owned_db(sc.path(v, cmd), sc)
        if why is None:
            continue
        sql = " ; ".join(ops[i + 1 :]) if cmd.name in ("sqlite3", "sqlite") else ""
        if sql and _read_only_sql(sql):
            return None
        return f"{cmd.name} opens {sc.show(sc.path(v, cmd))} ({why}) for changes"
    return None


_INTERPRETERS = ("python", "python3", "node", "ruby", "perl", "php", "deno", "bun", "osascript", "lua")
_WRITES = lazy(
    r"executescript|\.execute(?:many)?\(\s*[A-Za-z_]|\bopen\([^)]*['\"][wax+]|write(?:_text|_bytes|File|FileSync)?\(|append(?:File|FileSync)?\(|unlink|remove|rmtree|rmSync|"
    r"\brename|\breplace\(|chmod|symlink|truncate|\b(?:DELETE|UPDATE|DROP|INSERT|ALTER|CREATE|VACUUM|ATTACH)\b",
    re.I,
)


def _mentions(text: str, sc: Scope) -> str | None:
    """A clearance-owned path spelled out in interpreter code, in any of its usual spellings."""
    ci = paths.case_insensitive(sc.ctx.home, sc.ctx)
    hay = paths.fold(text) if ci else text
    home = sc.ctx.home
    for own, why, kind in paths.owned_paths(sc.ctx):
        if kind == paths.OWN_CODE:
            continue
        spellings = [own]
        if paths.is_within(own, home) and own != home:
            rel = own[len(home) + 1 :]
            spellings += ["~/" + rel, "/" + rel, "'" + rel, '"' + rel]
        for s in spellings:
            if (paths.fold(s) if ci else s) in hay:
                return why
    return None


@rule(
    id="self.interpreter-write",
    title="Interpreter code that changes clearance's own files",
    why=(
        "A script that opens clearance's audit database, policy or caches and writes, deletes or renames there bypasses the file rules "
        "by going through a library (sqlite3.connect, fs.writeFileSync, shutil). Reading them stays allowed."
    ),
    verdict=HARD_DENY,
    commands=_INTERPRETERS,
    match=(
        "python3 -c \"import sqlite3; sqlite3.connect('/home/ana/.local/state/clearance/clearance.db').execute('delete from decisions')\"",
        "python3 -c \"import os,shutil; shutil.rmtree(os.path.expanduser('~/.config/clearance'))\"",
        "node -e \"require('fs').writeFileSync(require('os').homedir() + '/.cache/clearance/server-policy.toml', '')\"",
    ),
    no_match=(
        "python3 -c \"print(open('/home/ana/.config/clearance/config.toml').read())\"",
        "python3 -c \"import shutil; shutil.copy('/home/ana/.config/clearance/config.toml', '/tmp/policy.toml')\"",
        "python3 -c \"import sqlite3; print(sqlite3.connect('/home/ana/.local/state/clearance/clearance.db').execute('select count(*) from decisions').fetchall())\"",
        "python3 -c \"import sqlite3; sqlite3.connect('app.db').execute('delete from t')\"",
    ),
)
def interpreter_write(cmd: SimpleCommand, sc: Scope) -> str | None:
    text = " ".join(cmd.values()) + "\n" + (cmd.stdin_text or "")
    if not _WRITES.search(text):
        return None
    why = _mentions(text, sc)
    if why is None:
        return None
    return f"{posixpath.basename(cmd.name)} code changes {why}"


# (agent CLI, subcommand) -> verbs that write the agent's settings.  Reading verbs (list, get, show) are not here.
_AGENT_SETTINGS_VERBS: dict[tuple[str, str], frozenset[str]] = {
    ("claude", "config"): frozenset({"set", "add", "remove", "rm", "reset", "unset"}),
    ("claude", "mcp"): frozenset({"add", "add-json", "add-from-claude-desktop", "remove", "rm", "reset-project-choices"}),
    ("gemini", "mcp"): frozenset({"add", "remove", "rm"}),
    ("gemini", "extensions"): frozenset({"install", "uninstall", "update", "link", "enable", "disable", "new"}),
    ("codex", "mcp"): frozenset({"add", "remove", "rm"}),
    ("codex", "config"): frozenset({"set", "unset", "add", "remove"}),
    ("copilot", "config"): frozenset({"set", "unset", "add", "remove"}),
    ("copilot", "mcp"): frozenset({"add", "remove", "rm"}),
    ("cursor-agent", "mcp"): frozenset({"add", "remove", "rm", "enable", "disable", "login"}),
}


# Package names the agents' CLIs run under (npx @anthropic-ai/claude-code …).
_AGENT_ALIASES = {"claude-code": "claude", "gemini-cli": "gemini", "codex-cli": "codex"}


@rule(
    id="self.agent-settings-cli",
    title="An agent's own CLI changing its settings, hooks or MCP servers",
    why=(
        "`claude config set`, `claude mcp add`, `gemini extensions install` and the like write the same settings files a Write "
        "to `.claude/settings.json` would: the hooks that call clearance, the permission mode, the tools the agent gets. Through "
        "the agent's own CLI it is still the agent widening its own permissions. Listing and reading settings stays allowed."
    ),
    verdict=HARD_DENY,
    commands=tuple(sorted({a for a, _ in _AGENT_SETTINGS_VERBS} | set(_AGENT_ALIASES))),
    match=(
        "claude config set -g hooks '{}'",
        "claude mcp add evil -- node /tmp/x.js",
        "gemini extensions install https://github.com/x/y",
        "codex mcp add x -- npx y",
        "claude config remove permissions.deny 'Bash(rm:*)'",
    ),
    no_match=("claude config list", "claude mcp list", "gemini mcp list", "claude -p 'summarise README.md'", "codex exec 'run the tests'"),
)
def agent_settings_cli(cmd: SimpleCommand, sc: Scope) -> str | None:
    ops = [v for v in cmd.values() if not v.startswith("-")]
    if len(ops) < 2:
        return None
    name = posixpath.basename(cmd.name)
    verbs = _AGENT_SETTINGS_VERBS.get((_AGENT_ALIASES.get(name, name), ops[0]))
    if verbs is None or ops[1] not in verbs:
        return None
    return f"{cmd.name} {ops[0]} {ops[1]} changes the agent's own settings (hooks, permissions, MCP servers); only the user does that"
