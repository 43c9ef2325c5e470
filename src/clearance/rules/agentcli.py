"""Coding-agent CLIs: the switches that turn a nested agent's own approvals off or widen them to every shell command.

Data and pure functions for the self pack's rules on agents started by the agent (self.agent-bypass,
self.unhooked-agent-task); not a pack.  Each entry is a CLI's documented spelling (its reference, help text or
permissions page), never a guess:

- claude: --dangerously-skip-permissions, --allow-dangerously-skip-permissions, --permission-mode bypassPermissions;
  --allowedTools/--allowed-tools rules `Tool` or `Tool(specifier)`, where `Bash` (or `Bash(*)`) matches every command.
- codex: --dangerously-bypass-approvals-and-sandbox (--yolo), -s/--sandbox danger-full-access (-c keys: self.py).
- gemini: --yolo, -y, --approval-mode yolo; --allowed-tools names run_shell_command (its shell tool).
- qwen (Qwen Code, Gemini CLI's fork): the same, and --dangerously-skip-permissions, --permission-mode bypass_permissions.
- cursor-agent: -f/--force and its alias --yolo ("run all tool calls unless explicitly denied").
- copilot: --allow-all-tools, --allow-all (--yolo), COPILOT_ALLOW_ALL; --allow-tool `shell` (unqualified: every shell
  command).
- aider: --yes-always (older --yes), and AIDER_YES_ALWAYS / AIDER_YES (every option has an AIDER_ variable).
- amp: --dangerously-allow-all.  crush: -y/--yolo.  opencode: --auto; OPENCODE_CONFIG_CONTENT (inline config, highest
  precedence) whose permission is "allow".  goose: GOOSE_MODE=auto.  droid exec: --skip-permissions-unsafe, --auto high.
- kiro-cli / q chat: --trust-all-tools.  openhands: --always-approve (--yolo).  agy (Antigravity CLI):
  --dangerously-skip-permissions.  plandex/pdx: --full (full autonomy, commands run unasked).  cline, qodercli,
  traecli: --yolo.  cn (Continue): --allow `*` or an unqualified `Bash`.
"""

from __future__ import annotations

from .. import pathstr
from ..lazyre import lazy
from ..shell.programs import PACKAGE_BINS

# Other names of the same CLIs: npm/PyPI package names a runner leaves as the command (`npx @qwen-code/qwen-code` runs
# `qwen-code`, `pipx run aider-chat` runs `aider-chat`), and short names.
ALIASES = {
    "claude-code": "claude",
    "gemini-cli": "gemini",
    "codex-cli": "codex",
    "qwen-code": "qwen",
    "aider-chat": "aider",
    "opencode-ai": "opencode",
    "kiro-cli": "kiro",
    "q": "kiro",
    "pdx": "plandex",
}

# The agent CLIs' own commands among the npm packages' (shell/programs.PACKAGE_BINS).
_AGENT_COMMANDS = frozenset({"claude", "gemini", "codex", "qwen", "copilot", "amp", "opencode", "cn"})
# The npm packages the agent CLIs are published as: a script inside one (`node …/node_modules/@anthropic-ai/claude-code/
# cli.js`, `node $(npm root -g)/@google/gemini-cli/dist/index.js`) is that CLI (shell/unwrap.py, as `ruby bin/rails`).
PACKAGES = {pkg: cli for pkg, cli in PACKAGE_BINS.items() if cli in _AGENT_COMMANDS}


def package_cli(script: str) -> str | None:
    """The agent CLI whose package holds the script *script* (a path), or None."""
    if "/" not in script:
        return None
    path = "/" + script
    return next((cli for pkg, cli in PACKAGES.items() if "/" + pkg + "/" in path), None)


def agent_script(script: str) -> str | None:
    """The agent CLI a script node is given runs: a script of its npm package, or the CLI's own launcher in a `bin`
    folder (`~/.npm-global/bin/claude`, `$(which claude)`: a Node script under the command's name)."""
    name = script.rstrip("/").rsplit("/", 1)[-1]
    if "/" in script and name in _AGENT_COMMANDS and script.rstrip("/").rsplit("/", 2)[-2:-1] == ["bin"]:
        return name
    return package_cli(script)


# Options that switch the agent's own approvals off: agent -> option -> the values that do (empty: the option alone).
BYPASS: dict[str, dict[str, tuple[str, ...]]] = {
    "claude": {"--dangerously-skip-permissions": (), "--allow-dangerously-skip-permissions": (), "--permission-mode": ("bypassPermissions",)},
    "codex": {"--dangerously-bypass-approvals-and-sandbox": (), "--yolo": (), "--sandbox": ("danger-full-access",), "-s": ("danger-full-access",)},
    "gemini": {"--yolo": (), "-y": (), "--approval-mode": ("yolo",)},
    "qwen": {
        "--yolo": (),
        "-y": (),
        "--approval-mode": ("yolo",),
        "--dangerously-skip-permissions": (),
        "--permission-mode": ("bypass_permissions",),
    },
    "cursor-agent": {"--force": (), "-f": (), "--yolo": ()},
    "copilot": {"--allow-all-tools": (), "--allow-all": (), "--yolo": ()},
    "aider": {"--yes-always": (), "--yes": ()},
    "amp": {"--dangerously-allow-all": ()},
    "crush": {"--yolo": (), "-y": ()},
    "opencode": {"--auto": ()},
    "droid": {"--skip-permissions-unsafe": (), "--auto": ("high",)},
    "kiro": {"--trust-all-tools": ()},
    "openhands": {"--always-approve": (), "--yolo": ()},
    "agy": {"--dangerously-skip-permissions": ()},
    "plandex": {"--full": ()},
    "cline": {"--yolo": ()},
    "qodercli": {"--yolo": ()},
    "traecli": {"--yolo": ()},
}

# Variables that switch approvals off: agent -> variable -> the values that do (empty: any true-ish value).
ENV_BYPASS: dict[str, dict[str, tuple[str, ...]]] = {
    "aider": {"AIDER_YES_ALWAYS": (), "AIDER_YES": ()},
    "goose": {"GOOSE_MODE": ("auto",)},
    # Copilot CLI's --allow-all as a variable (its documented true-ish values; round 11c, a table extension)
    "copilot": {"COPILOT_ALLOW_ALL": ("1", "true", "yes", "on", "y")},
}
_TRUE = frozenset({"1", "true", "yes", "on"})

_ENV_SWITCH = lazy(r"(?<![\w$])[\"']?(" + "|".join(v for vs in ENV_BYPASS.values() for v in vs) + r")[\"']?\s*[=:]\s*[\"']?([\w.-]{0,40})")


def env_switch(text: str) -> str | None:
    """`NAME=value` in *text* (an env file as its loader reads it, a JSON `"NAME": "value"`) that switches an agent's
    approvals off in every later session started with that environment (ENV_BYPASS), or None."""
    if not any(v in text for vs in ENV_BYPASS.values() for v in vs):
        return None
    wanted = {v: w for vs in ENV_BYPASS.values() for v, w in vs.items()}
    for m in _ENV_SWITCH.finditer(text[:1_000_000]):
        name, value = m.group(1), m.group(2).strip().lower()
        if value in (wanted[name] or _TRUE):
            return f"{name}={m.group(2)}"
    return None


# Allow-list options and the agent's shell tool: the tool named without a specifier (or with `*`) is every command.
ALLOW_LISTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "claude": (("--allowedTools", "--allowed-tools"), ("Bash",)),
    "copilot": (("--allow-tool",), ("shell",)),
    "gemini": (("--allowed-tools",), ("run_shell_command", "ShellTool")),
    "qwen": (("--allowed-tools",), ("run_shell_command", "ShellTool")),
    "cn": (("--allow",), ("Bash",)),
}

# Agents clearance's hook does not oversee whose own defaults do not ask before acting: goose runs autonomous unless
# configured otherwise; aider applies the edits it makes.  agent -> what starts a task run (aider's also AIDER_MESSAGE,
# AIDER_MESSAGE_FILE: the same options as variables).
UNHOOKED_TASKS: dict[str, tuple[str, ...]] = {
    "aider": ("--message", "--msg", "-m", "--message-file", "-f"),
    "goose": ("run",),
}
# GOOSE_MODE values under which goose asks (or only chats) rather than acting on its own.
GOOSE_ASKING = frozenset({"approve", "smart_approve", "chat"})

NAMES: tuple[str, ...] = tuple(sorted(set(BYPASS) | set(ENV_BYPASS) | set(ALLOW_LISTS) | set(UNHOOKED_TASKS) | set(ALIASES)))
_PRINTS_ONLY = frozenset({"--help", "-h", "--version"})


def agent_of(name: str) -> str:
    """The CLI a command name starts (`/usr/local/bin/claude-code` -> claude)."""
    base = pathstr.basename(name)
    return ALIASES.get(base, base)


def prints_only(values: list[str]) -> bool:
    """--help or --version: the CLI prints and exits, no agent starts."""
    return any(v in _PRINTS_ONLY for v in values)


def _entries(text: str) -> list[str]:
    """An allow-list value split into its rules: on commas and blanks outside parentheses (`Bash(npm run test:*), Read`)."""
    out: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0 and (ch == "," or ch.isspace()):
            if cur:
                out.append("".join(cur))
                cur = []
            continue
        cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out


def _everything(entry: str, shells: tuple[str, ...]) -> bool:
    """`*`, or the shell tool with no specifier or only a wildcard one (`Bash`, `Bash(*)`, `shell(:*)`), or a glob of
    tool names that takes the shell tool in (Amazon Q's `execute_*`, `*_bash`)."""
    if entry.strip("\"'") == "*":
        return True
    name, paren, spec = entry.partition("(")
    if not paren and ("*" in name or "?" in name):
        from fnmatch import fnmatchcase

        return any(fnmatchcase(s, name) for s in shells)
    return name in shells and (not paren or not spec.rstrip(")").strip(" *:"))


def bypass(agent: str, values: list[str], assigns: dict[str, str]) -> str | None:
    """The option, value or variable that starts AGENT with its approvals off or every shell command allowed, or None."""
    table = BYPASS.get(agent, {})
    if agent == "plandex" and not _plandex_runs(values):
        table = {}
    lists = ALLOW_LISTS.get(agent)
    for i, v in enumerate(values):
        if not v.startswith("-"):
            continue
        opt, eq, val = v.partition("=")
        nxt = val if eq else (values[i + 1] if i + 1 < len(values) else "")
        if len(v) > 2 and v[1] != "-" and v[1:].isalpha():
            hit = _in_cluster(agent, v, table)
            if hit:
                return hit
        wanted = table.get(opt)
        if wanted is not None and (not wanted or nxt in wanted):
            return f"{opt} {nxt}" if wanted else opt
        if lists and opt in lists[0]:
            # The list runs to the next option (claude's is variadic: `--allowedTools Read Bash -p x`).
            words = [val] if eq else []
            for w in values[i + 1 :] if not eq else ():
                if w.startswith("-"):
                    break
                words.append(w)
            for w in words:
                hit = next((e for e in _entries(w) if _everything(e, lists[1])), None)
                if hit is not None:
                    return f"{opt} {hit}"
    for var, wanted in ENV_BYPASS.get(agent, {}).items():
        got = assigns.get(var)
        if got is not None and (got.strip().lower() in wanted if wanted else got.strip().lower() in _TRUE):
            return f"{var}={got}"
    if agent == "opencode" and "OPENCODE_CONFIG_CONTENT" in assigns and _opencode_allows(assigns["OPENCODE_CONFIG_CONTENT"]):
        return "OPENCODE_CONFIG_CONTENT with permission allow"
    return None


# Short options that take a value, per agent: in a cluster (`-yp 'fix it'`) letters after one of these are its value.
_SHORT_VALUES = {"gemini": "pmes", "qwen": "pmes", "crush": "cD"}


def _in_cluster(agent: str, word: str, table: dict[str, tuple[str, ...]]) -> str | None:
    """A switch given inside a cluster of short options (`gemini -yp 'fix it'` is `-y -p 'fix it'`), or None."""
    takes = _SHORT_VALUES.get(agent, "")
    for ch in word[1:]:
        if table.get("-" + ch) == ():
            return f"-{ch} (in {word})"
        if ch in takes:
            return None
    return None


def _plandex_runs(values: list[str]) -> bool:
    """plandex's REPL or a command that works on the plan (tell, continue), where --full sets the autonomy level."""
    ops = [v for v in values if not v.startswith("-")]
    return not ops or ops[0] in ("tell", "t", "continue", "c", "repl")


def _opencode_allows(text: str) -> bool:
    """An inline opencode config whose permission is "allow" for everything, for `*` or for bash."""
    import json

    try:
        cfg = json.loads(text)
    except ValueError:
        return False
    perm = cfg.get("permission") if isinstance(cfg, dict) else None
    if perm == "allow":
        return True
    if not isinstance(perm, dict):
        return False
    for key in ("*", "bash"):
        rule = perm.get(key)
        if rule == "allow" or (isinstance(rule, dict) and rule.get("*") == "allow"):
            return True
    return False


def unhooked_task(agent: str, values: list[str], assigns: dict[str, str]) -> str | None:
    """What makes this a task run of an agent clearance does not oversee and that does not ask on its own, or None."""
    starts = UNHOOKED_TASKS.get(agent)
    if not starts or prints_only(values):
        return None
    if agent == "goose":
        ops = [v for v in values if not v.startswith("-")]
        if not ops or ops[0] != "run" or assigns.get("GOOSE_MODE", "").strip().lower() in GOOSE_ASKING:
            return None
        return "goose run"
    hit = next((v.partition("=")[0] for v in values if v.partition("=")[0] in starts), None)
    if hit is None and agent == "aider":
        hit = next((var for var in ("AIDER_MESSAGE", "AIDER_MESSAGE_FILE") if assigns.get(var)), None)
    return f"{agent} {hit}" if hit else None


# -- the same switches written into an agent's settings ------------------------------------------------------------

# Where each agent reads its own permissions, by the file's last one to three path parts (any folder above: the project,
# the agent's project folder, ~/.config/AGENT): opencode.json (project root, .opencode/, ~/.config/opencode/), crush's
# .crush.json / crush.json, Qwen Code's and Gemini CLI's settings.json, Claude Code's settings, Codex's config.toml,
# amp's settings.json (~/.config/amp), goose's config.yaml (~/.config/goose), aider's .aider.conf.yml, cursor-agent's
# cli.json, Copilot CLI's config.json. Each agent's documented settings file, never a guess.
SETTINGS_FILES: dict[str, str] = {
    "opencode.json": "opencode",
    "opencode.jsonc": "opencode",
    ".crush.json": "crush",
    "crush.json": "crush",
    ".qwen/settings.json": "qwen",
    ".gemini/settings.json": "gemini",
    ".claude/settings.json": "claude",
    ".claude/settings.local.json": "claude",
    ".codex/config.toml": "codex",
    ".config/amp/settings.json": "amp",
    ".config/goose/config.yaml": "goose",
    ".aider.conf.yml": "aider",
    ".cursor/cli.json": "cursor-agent",
    ".copilot/config.json": "copilot",
    # VS Code and its forks: the settings its agent extensions read (Copilot Chat's terminal allow-list, Roo Code's and
    # Kilo Code's allowedCommands), in a project, a workspace file (*.code-workspace: by suffix) or the user's folder.
    ".vscode/settings.json": "vscode",
    "Code/User/settings.json": "vscode",
    "Code - Insiders/User/settings.json": "vscode",
    "VSCodium/User/settings.json": "vscode",
    "Cursor/User/settings.json": "vscode",
    "Windsurf/User/settings.json": "vscode",
    # Zed: its agent's switches (agent.always_allow_tool_actions) and the external agents it starts (agent_servers:
    # command, args, env, default_mode), in a project's .zed/settings.json or the user's ~/.config/zed/settings.json.
    ".zed/settings.json": "zed",
    "zed/settings.json": "zed",
    # JetBrains IDEs' AI Assistant: the ACP agents it starts (agent_servers: command, args, env), ~/.jetbrains/acp.json.
    ".jetbrains/acp.json": "jetbrains",
}

# Agents whose settings are one file per agent in a folder (any name ending .json): Amazon Q Developer CLI's custom
# agents (.amazonq/cli-agents/ in a project, ~/.aws/amazonq/cli-agents/ for the user) and Kiro CLI's (.kiro/agents/),
# the same format (allowedTools, toolsSettings, hooks, mcpServers: github.com/aws/amazon-q-developer-cli docs/agent-format.md).
SETTINGS_FOLDERS: dict[str, str] = {
    ".amazonq/cli-agents": "amazonq",
    "amazonq/cli-agents": "amazonq",
    ".kiro/agents": "kiro",
}

# Each agent's shell tool as its settings name it (a permission or allow-list entry): the CLI options' names
# (ALLOW_LISTS) and opencode's, crush's and amp's.
SHELL_TOOLS: dict[str, tuple[str, ...]] = {
    **{agent: shells for agent, (_, shells) in ALLOW_LISTS.items()},
    "opencode": ("bash",),
    "crush": ("bash",),
    "amp": ("Bash",),
    # Amazon Q's and Kiro's shell tool (execute_bash; Kiro also names it shell): an allowedTools entry is a glob.
    "amazonq": ("execute_bash",),
    "kiro": ("execute_bash", "shell"),
}


def _key(k: str) -> str:
    """A settings key as compared: its last dotted part (`amp.dangerouslyAllowAll`), lower case, without _ and -."""
    return k.rsplit(".", 1)[-1].lower().replace("_", "").replace("-", "")


# Keys whose true value switches an agent's approvals off (the CLI switches of BYPASS, spelled as settings keys).
_SWITCH_KEYS = frozenset(
    {"yolo", "yolomode", "dangerouslyallowall", "dangerouslyskippermissions", "allowdangerouslyskippermissions", "skippermissionsunsafe"}
    | {"trustalltools", "allowalltools", "allowall", "yesalways", "alwaysallowtoolactions", "autoapprove", "alwaysapprove"}
)
# Keys naming an approval mode, and the modes that ask nothing (BYPASS's and ENV_BYPASS's values, Codex's policy).
_MODE_KEYS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("approvalmode", "defaultapprovalmode"), frozenset({"yolo"})),
    **dict.fromkeys(("permissionmode", "defaultmode", "defaultpermissionmode"), frozenset({"bypasspermissions"})),
    "goosemode": frozenset({"auto"}),
    "approvalpolicy": frozenset({"never"}),
    "sandboxmode": frozenset({"dangerfullaccess"}),
}
# Allow-lists of tools run without asking (crush's allowed_tools, Gemini/Qwen's tools.allowed, amp's commands.allowlist).
_ALLOW_KEYS = frozenset({"allowed", "allowedtools", "allow", "alwaysallow", "allowlist", "trustedtools", "autoapprovetools"})
# Allow-lists of commands run without asking (VS Code extensions: Roo Code's and Kilo Code's `allowedCommands`, Copilot
# Chat's `terminal.allowList` as {"/regex/": true}): an entry matching every command allows the shell everything.
_COMMAND_ALLOW_KEYS = frozenset(
    {"allowedcommands", "allowlist", "commandallowlist", "autoapprovecommands", "trustedcommands", "alwaysallowcommands", "autoapprove"}
)
# Entries that match every command: a glob or a regular expression (in VS Code's /…/ form or bare) of anything.
_EVERY_COMMAND = frozenset({"*", "**", ".*", "/.*/", "^.*$", "/^.*$/", ".+", "/.+/", "/^.+$/", "^.+$", "/.*/i"})
# A /regex/ body that finds a match in any command line (RegExp.test): anchors at the start, and any number of atoms that
# match any character (`.`, `[\s\S]` and its kin), each once or under a quantifier; an empty group matches nothing. The
# entry is read by its shape, never compiled: the agent wrote it.
# (a run of `.` in one step: one atom a time took ~65 ns a character)
_ANY_ATOMS = lazy(r"\^*(?:(?:\.++|\[(?:\\s\\S|\\S\\s|\\w\\W|\\W\\w|\\d\\D|\\D\\d|\^)\])(?:[*+?]|\{[01],\})?)*+\$?")
_EMPTY_GROUP = lazy(r"\((?:\?:)?\)")


def matches_every_command(entry: str) -> bool:
    """An allow-list entry that matches every command, however it is spelled (adversarial round 11a: `/./`, `/^/`,
    `/(?:)/`, `/[\\s\\S]*/` and an empty prefix were allowed where `/.*/` and `*` were denied): one of the usual
    spellings, an empty entry (Roo's and Kilo's entries are prefixes: "" begins every command), or a `/regex/` made only
    of start anchors, empty groups and any-character atoms (VS Code tests its entries with RegExp.test)."""
    e = entry.strip()
    if e in _EVERY_COMMAND or e == "":
        return True
    if len(e) < 2 or not e.startswith("/") or len(e) > 512:
        return False
    body, slash, _flags = e[1:].rpartition("/")
    if not slash:
        return False
    return _ANY_ATOMS.fullmatch(_EMPTY_GROUP.sub("", body)) is not None


def _yolo_key(k: str) -> bool:
    """A key whose last word is the yolo switch (`yolo`, `yoloMode`, Gemini Code Assist's `agentYoloMode`), not one
    that switches it off (Gemini CLI's `disableYoloMode`)."""
    return k.endswith(("yolo", "yolomode")) and not k.startswith(("disable", "no", "block", "prevent"))


_FOLDED: tuple[object, dict[str, str], dict[str, str]] = (None, {}, {})


def _folded_tables() -> tuple[dict[str, str], dict[str, str]]:
    """SETTINGS_FILES and SETTINGS_FOLDERS by their keys case-folded (built on first use, again if either is replaced)."""
    global _FOLDED
    if _FOLDED[0] is not (SETTINGS_FILES, SETTINGS_FOLDERS):
        key = (SETTINGS_FILES, SETTINGS_FOLDERS)
        _FOLDED = (key, {k.casefold(): v for k, v in SETTINGS_FILES.items()}, {k.casefold(): v for k, v in SETTINGS_FOLDERS.items()})
    return _FOLDED[1], _FOLDED[2]


def settings_agent(path: str) -> str | None:
    """The agent whose own permissions the settings file *path* holds, or None. Compared case-folded: on a file system
    that compares names without case (macOS, Windows, a Windows drive in WSL) `.Zed/SETTINGS.json` is Zed's file, and
    elsewhere a file so named holds no setting of an ordinary project's (it is judged by what it says)."""
    files, folders = _folded_tables()
    parts = path.replace("\\", "/").casefold().rsplit("/", 3)
    if parts[-1].endswith(".code-workspace"):
        return "vscode"  # a workspace file: its "settings" are the folder's .vscode/settings.json
    if parts[-1].endswith(".json") and len(parts) >= 3:
        folder = "/".join(parts[-3:-1])
        hit = folders.get(folder) or folders.get(parts[-2])
        if hit is not None:
            return hit
    return next((files[k] for k in ("/".join(parts[-n:]) for n in (3, 2, 1)) if k in files), None)


def parsed_settings(path: str, text: str) -> object:
    """A settings file's text as data (_parsed)."""
    return _parsed(path, text)


# The last settings text _parsed read and its data: the rules on an agent's settings each ask for the same Write's text
# (a codex config.toml of 190 KB was parsed by tomllib three times, 170 ms; issue 16, adv16c). The data is read, never
# changed, by its callers.
_LAST_PARSED: tuple[str, str, object] = ("", "", None)


def _parsed(path: str, text: str) -> object:
    """The settings as data: JSON (JSONC's comment lines left out; an edit's fragment as an object's members), TOML, or
    YAML's `key: value` lines; None when none reads."""
    global _LAST_PARSED
    last = _LAST_PARSED
    if last[0] == path and (last[1] is text or (len(text) > 4096 and last[1] == text)):
        return last[2]
    data = _parsed_now(path, text)
    _LAST_PARSED = (path, text, data)
    return data


def _parsed_now(path: str, text: str) -> object:
    if path.endswith(".toml"):
        import tomllib

        try:
            return tomllib.loads(text)
        except ValueError:
            return None
    if path.endswith((".yaml", ".yml")):
        pairs = [line.split(":", 1) for line in text.splitlines()[:2000] if ":" in line and not line.lstrip().startswith("#")]
        return {k.strip(): v.split("#", 1)[0].strip().strip("'\"") for k, v in pairs}
    from .. import jsonlite as json

    plain = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    for candidate in (text, plain, "{" + plain.strip().strip(",") + "}"):
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    # read as VS Code reads its settings (recovering from a missing comma or a stray token): a syntax error does not
    # hide the members an editor or agent still applies (round 11d)
    from ..jsonc import loads_jsonc

    return loads_jsonc(text)


def _grants(agent: str, key: str, value: object) -> str | None:
    """What the setting KEY: VALUE grants, when it starts AGENT with its approvals off or its shell tool allowed everything."""
    k = _key(key)
    shells = SHELL_TOOLS.get(agent, ())
    if (k in _SWITCH_KEYS or _yolo_key(k)) and (value is True or (isinstance(value, str) and value.lower() in _TRUE)):
        return f"{key}: {value}"
    modes = _MODE_KEYS.get(k)
    if modes is not None and isinstance(value, str) and value.lower().replace("_", "").replace("-", "") in modes:
        return f"{key}: {value}"
    if k in _ALLOW_KEYS and isinstance(value, list):
        hit = next((e for e in value if isinstance(e, str) and _everything(e, shells)), None)
        if hit is not None:
            return f"{key}: {hit}"
    if k in _COMMAND_ALLOW_KEYS:
        # A list of commands, or {"pattern": true | {"approve": true}} (adversarial round 10a).
        entries = (
            [e for e in value if isinstance(e, str)]
            if isinstance(value, list)
            else [p for p, v in value.items() if v is True or (isinstance(v, dict) and v.get("approve") is True)]
            if isinstance(value, dict)
            else []
        )
        hit = next((e for e in entries[:512] if matches_every_command(e)), None)
        if hit is not None:
            return f"{key}: {hit}"
    if k in ("permission", "permissions"):
        # opencode: "permission": "allow", or {"*": "allow"} / {"bash": "allow"} / {"bash": {"*": "allow"}}.
        if value == "allow":
            return f"{key}: allow"
        if isinstance(value, dict):
            for tool in ("*", *shells):
                got = value.get(tool)
                if got == "allow" or (isinstance(got, dict) and got.get("*") == "allow"):
                    return f"{key}: {tool}: allow"
    return None


def settings_widen(path: str, text: str) -> str | None:
    """The setting in *text* (written to an agent's settings file *path*) that switches that agent's approvals off or
    allows its shell tool every command, or None."""
    agent = settings_agent(path)
    if agent is None or not text:
        return None
    todo: list[tuple[object, int]] = [(_parsed(path, text[:200_000]), 0)]
    seen = 0
    while todo and seen < 4096:
        node, depth = todo.pop()
        seen += 1
        if isinstance(node, dict):
            for k, v in list(node.items())[:512]:
                hit = _grants(agent, str(k), v)
                if hit is not None:
                    return f"`{hit}` starts {agent} with its approvals off (every command run unasked), as its own command-line switch does"
                if depth < 8:
                    todo.append((v, depth + 1))
        elif isinstance(node, list) and depth < 8:
            todo.extend((v, depth + 1) for v in node[:512])
    return None


# -- a restriction removed where the agent's default is to allow ----------------------------------------------------

# The agents whose shell tool runs unasked where their settings say nothing of it: opencode (`permission` defaults to
# "allow" for bash; opencode.ai/docs/permissions). Taking `permission` out of its settings, or its `bash` entry, is the
# same widening as writing `allow` there (adversarial round 10c: `jq 'del(.permission)' … && mv`).
_DEFAULT_ALLOW = frozenset({"opencode"})


def _shell_permission(agent: str, data: object) -> str | None:
    """What the settings *data* make of the agent's shell tool ("allow", "ask", "deny"), its default where they are
    silent; None where the text does not read as settings."""
    if not isinstance(data, dict):
        return None
    perm = data.get("permission")
    if isinstance(perm, str):
        return perm
    if isinstance(perm, dict):
        for tool in (*SHELL_TOOLS.get(agent, ()), "*"):
            got = perm.get(tool)
            if isinstance(got, dict):
                got = got.get("*")
            if isinstance(got, str):
                return got
    return "allow"


def restriction_removed(path: str, before: str | None, after: str) -> str | None:
    """Why changing the settings file *path* from *before* to *after* lets the agent's shell tool run unasked where it
    asked or was denied before -- a restriction removed whose default is allow -- or None."""
    agent = settings_agent(path)
    if agent not in _DEFAULT_ALLOW or not before or not after:
        return None
    was, now = _shell_permission(agent, _parsed(path, before[:200_000])), _shell_permission(agent, _parsed(path, after[:200_000]))
    if was in ("ask", "deny") and now == "allow":
        return f"its shell tool, which {was}ed before, runs every command unasked: {agent} allows what its settings do not restrict"
    return None
