"""Files that decide what an agent may do or how it is started, known by what they configure (issue 15, round 10d's
editor classes): an editor's or another agent's settings read as data -- the hooks it runs for its agents, the
environment and program of what it starts, its agents' approval switches -- whether written by the Write or Edit tool
or left by a shell line (settingsresult.py computes the text a copy, `sed -i` or `jq … > t && mv` leaves).

Round 10d's cases were written against VS Code's `chat.hookFilesLocations`, the Claude Code extension's and Zed's launch
settings and two agents' switches; these are further cases of each class no rule was written for (each answered *allow*
before the fix), with the ordinary settings beside them that stay allowed. Keys are the products' documented ones:
code.visualstudio.com/docs/agent-customization/hooks (chat.hookFilesLocations, chat.useHooks), Zed's agent_servers
(command, args, env, default_mode), github.com/aws/amazon-q-developer-cli docs/agent-format.md and built-in-tools.md
(allowedTools globs, toolsSettings.execute_bash.allowedCommands, mcpServers). Nothing here is run.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from .conftest import decide

P = "/home/ana/webapp"
H = "/home/ana"
V = P + "/.vscode/settings.json"
Z = P + "/.zed/settings.json"


def _write(path: str, content: str) -> dict[str, Any]:
    return {"tool_name": "Write", "tool_input": {"file_path": path, "content": content}}


def _on_disk(command: str, files: dict[str, str]) -> dict[str, Any]:
    return {"tool_name": "Bash", "tool_input": {"command": command}, "files": files}


def _edit(path: str, old: str, new: str, before: str) -> dict[str, Any]:
    return {"tool_name": "Edit", "tool_input": {"file_path": path, "old_string": old, "new_string": new}, "files": {path: before}}


def _key(example: Any) -> str:
    return example if isinstance(example, str) else repr(example)


def _ids(cases: list[Any]) -> list[str]:
    return [_key(c)[:90] for c in cases]


_HOOKS_ON = '{\n  "editor.tabSize": 2,\n  "chat.useHooks": true,\n  "chat.hookFilesLocations": {".github/hooks": true}\n}\n'


class TestHooksSwitchedOffInSettings:
    """Class: a setting that stops an editor running the hooks of its agents -- a hook location mapped to false, hooks
    switched off as a whole -- in any file the editor reads its settings from, however the file gets the text."""

    DENIED: ClassVar[list[Any]] = [
        _write(V, '{"chat.useHooks": false}'),
        _write(H + "/.config/Code/User/settings.json", '{"chat.hookFilesLocations": {"~/.claude/settings.json": false}}'),
        _write(H + "/.config/Cursor/User/settings.json", '{"chat.hookFilesLocations": {".claude/settings.local.json": false}}'),
        _write(P + "/app.code-workspace", '{"folders": [{"path": "."}], "settings": {"chat.useHooks": false}}'),
        _edit(V, '".github/hooks": true', '".github/hooks": false', _HOOKS_ON),
        _edit(V, '"chat.useHooks": true', '"chat.useHooks": false', _HOOKS_ON),
        _on_disk('sed -i \'s/"chat.useHooks": true/"chat.useHooks": false/\' .vscode/settings.json', {V: _HOOKS_ON}),
        _on_disk(
            'jq \'."chat.hookFilesLocations".".github/hooks" = false\' .vscode/settings.json > t.json && mv t.json .vscode/settings.json',
            {V: _HOOKS_ON},
        ),
    ]
    ALLOWED: ClassVar[list[Any]] = [
        _write(V, '{"chat.useHooks": true}'),
        _write(V, '{"chat.hookFilesLocations": {"tools/hooks": true, ".github/hooks": true}}'),
        _write(V, '{"files.exclude": {"**/.github/hooks": false}, "files.watcherExclude": {".claude": true}}'),
        _edit(V, '"editor.tabSize": 2', '"editor.tabSize": 4', _HOOKS_ON),
        _on_disk('sed -i \'s/"editor.tabSize": 2/"editor.tabSize": 4/\' .vscode/settings.json', {V: _HOOKS_ON}),
    ]

    @pytest.mark.parametrize("example", DENIED, ids=_ids(DENIED))
    def test_denied(self, example: Any) -> None:
        assert decide(example).decision == "deny"

    @pytest.mark.parametrize("example", ALLOWED, ids=_ids(ALLOWED))
    def test_allowed(self, example: Any) -> None:
        assert decide(example).decision == "allow"


class TestWhatAnEditorStartsAndItsEnvironment:
    """Class: the environment and the program of a process an editor or an agent starts, given by its settings (the
    Claude Code extension's environmentVariables and claudeProcessWrapper, Zed's agent_servers, an Amazon Q agent's MCP
    servers): a hookless or clearance variable, code or a program from a temporary folder, an agent started with its
    hooks or approvals off are denied; a wrapper, a preload or a settings folder elsewhere is asked about."""

    DENIED: ClassVar[list[Any]] = [
        _write(H + "/.config/zed/settings.json", '{"agent_servers": {"claude": {"env": {"LD_PRELOAD": "/tmp/x.so"}}}}'),
        _write(Z, '{"agent_servers": {"claude": {"env": {"CLEARANCE_USER_POLICY": "/tmp/p.toml"}}}}'),
        _write(H + "/.jetbrains/acp.json", '{"agent_servers": {"claude-acp": {"command": "npx", "args": ["-y", "x"], "env": {"CLAUDE_CODE_SIMPLE": "1"}}}}'),
        _write(H + "/.jetbrains/acp.json", '{"agent_servers": {"mine": {"command": "/dev/shm/agent", "args": ["acp"]}}}'),
        _write(Z, '{"agent_servers": {"mine": {"command": "/tmp/agent", "args": ["--acp"]}}}'),
        _write(Z, '{"agent_servers": {"mine": {"command": "npx", "args": ["@anthropic-ai/claude-code", "--dangerously-skip-permissions"]}}}'),
        _write(Z, '{"agent_servers": {"mine": {"command": "gemini", "args": ["--experimental-acp", "--yolo"]}}}'),
        _write(V, '{"claudeCode.environmentVariables": [{"name": "PATH", "value": "/tmp/bin:/usr/bin:/bin"}]}'),
        _write(V, '{"claudeCode.environmentVariables": [{"name": "BASH_ENV", "value": "/var/tmp/env.sh"}]}'),
        _write(V, '{"claudeCode.environmentVariables": [{"name": "CLAUDE_CONFIG_DIR", "value": "/tmp/cc"}]}'),
        _write(V, '{"claudeCode.environmentVariables": [{"name": "CLAUDE_CODE_SIMPLE", "value": true}]}'),
        _on_disk("cp /home/ana/webapp/config/vscode.json .vscode/settings.json", {P + "/config/vscode.json": '{"chat.useHooks": false}', V: "{}"}),
        _write(P + "/.amazonq/cli-agents/dev.json", '{"mcpServers": {"x": {"command": "/tmp/srv", "args": []}}}'),
        _write(
            P + "/.amazonq/cli-agents/dev.json", '{"mcpServers": {"x": {"command": "node", "args": ["s.js"], "env": {"NODE_OPTIONS": "--require /tmp/h.js"}}}}'
        ),
        _on_disk(
            "jq '.agent_servers.claude.env.CLAUDE_CODE_SIMPLE = \"1\"' .zed/settings.json > z.json && mv z.json .zed/settings.json",
            {Z: '{"agent_servers": {"claude": {"env": {}}}}'},
        ),
    ]
    ASKED: ClassVar[list[Any]] = [
        _write(V, '{"claudeCode.claudeProcessWrapper": "./scripts/claude-wrapper.sh"}'),
        _write(V, '{"claudeCode.environmentVariables": [{"name": "NODE_OPTIONS", "value": "--require ./tools/trace.js"}]}'),
        _write(Z, '{"agent_servers": {"claude": {"env": {"CLAUDE_CONFIG_DIR": "/home/ana/alt-claude"}}}}'),
        _on_disk("curl -so .zed/settings.json https://example.com/zed.json", {}),
    ]
    ALLOWED: ClassVar[list[Any]] = [
        _write(V, '{"claudeCode.environmentVariables": [{"name": "NODE_OPTIONS", "value": "--max-old-space-size=8192"}]}'),
        _write(V, '{"claudeCode.environmentVariables": [{"name": "CLAUDE_CODE_USE_BEDROCK", "value": "1"}, {"name": "AWS_REGION", "value": "eu-west-1"}]}'),
        _write(Z, '{"agent_servers": {"claude": {"env": {"ANTHROPIC_BASE_URL": "https://llm.example.com"}}}}'),
        _write(Z, '{"context_servers": {"github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": {"GITHUB_TOKEN": "x"}}}}'),
        _write(Z, '{"agent_servers": {"mine": {"command": "node", "args": ["/home/ana/agent/index.js", "--acp"], "env": {}}}}'),
        _write(V, '{"rust-analyzer.server.extraEnv": {"RUSTFLAGS": "-C target-cpu=native"}, "go.toolsEnvVars": {"GOFLAGS": "-mod=mod"}}'),
        _write(V, '{"python.defaultInterpreterPath": ".venv/bin/python", "git.path": "/usr/bin/git"}'),
        _write(V, '{"terminal.integrated.env.linux": {"FOO": "1"}}'),
        _write(P + "/.amazonq/cli-agents/dev.json", '{"mcpServers": {"git": {"command": "git-mcp", "args": [], "env": {"GIT_CONFIG_GLOBAL": "/dev/null"}}}}'),
    ]

    @pytest.mark.parametrize("example", DENIED, ids=_ids(DENIED))
    def test_denied(self, example: Any) -> None:
        assert decide(example).decision == "deny"

    @pytest.mark.parametrize("example", ASKED, ids=_ids(ASKED))
    def test_asked(self, example: Any) -> None:
        assert decide(example).decision == "ask"

    @pytest.mark.parametrize("example", ALLOWED, ids=_ids(ALLOWED))
    def test_allowed(self, example: Any) -> None:
        assert decide(example).decision == "allow"


class TestOtherAgentsApprovalSwitches:
    """Class: an agent's approval switch in its own settings, for the agents the table did not name: Gemini Code Assist's
    yolo switch in any VS Code fork's settings, Zed's external agent started in bypassPermissions mode, an Amazon Q or
    Kiro agent trusting its shell tool through a glob or every command through a regular expression."""

    DENIED: ClassVar[list[Any]] = [
        _write(H + "/.config/Cursor/User/settings.json", '{"geminicodeassist.agentYoloMode": true}'),
        _write(Z, '{"agent_servers": {"claude": {"default_mode": "bypassPermissions"}}}'),
        _write(P + "/.amazonq/cli-agents/ops.json", '{"allowedTools": ["execute_*"]}'),
        _write(P + "/.amazonq/cli-agents/dev.json", '{"allowedTools": ["fs_read", "*_bash"]}'),
        _write(P + "/.amazonq/cli-agents/dev.json", '{"toolsSettings": {"execute_bash": {"allowedCommands": [".*"]}}}'),
        _write(P + "/.kiro/agents/dev.json", '{"tools": ["shell", "read"], "allowedTools": ["shell"]}'),
        _on_disk(
            'sed -i \'s/"fs_read"]/"fs_read", "execute_bash"]/\' .amazonq/cli-agents/dev.json',
            {P + "/.amazonq/cli-agents/dev.json": '{"allowedTools": ["fs_read"]}'},
        ),
    ]
    ALLOWED: ClassVar[list[Any]] = [
        _write(V, '{"geminicodeassist.agentYoloMode": false, "geminicodeassist.enable": true}'),
        _write(Z, '{"agent_servers": {"claude": {"default_mode": "acceptEdits"}}}'),
        _write(P + "/.amazonq/cli-agents/dev.json", '{"allowedTools": ["fs_*", "@git/git_status"]}'),
        _write(P + "/.amazonq/cli-agents/dev.json", '{"toolsSettings": {"execute_bash": {"allowedCommands": ["git status", "git fetch"]}}}'),
        _write(P + "/.kiro/agents/dev.json", '{"tools": ["shell", "read"], "allowedTools": ["read"]}'),
        _write(P + "/.amazonq/rules/style.json", '{"allowedTools": ["execute_bash"]}'),
    ]

    @pytest.mark.parametrize("example", DENIED, ids=_ids(DENIED))
    def test_denied(self, example: Any) -> None:
        assert decide(example).decision == "deny"

    @pytest.mark.parametrize("example", ALLOWED, ids=_ids(ALLOWED))
    def test_allowed(self, example: Any) -> None:
        assert decide(example).decision == "allow"


_OPENCODE_ASKS = '{"$schema": "https://opencode.ai/config.json", "permission": {"bash": "ask", "edit": "ask"}, "model": "a/b"}'
OC = P + "/opencode.json"


class TestRestrictionRemovedWhereTheDefaultAllows:
    """Class: an agent whose shell tool runs unasked where its settings say nothing (opencode: `permission` defaults to
    allow). Taking the restriction out -- `del(.permission)`, a Write or Edit without it -- is the same widening as
    writing `allow`; judged on the file before and after. Other changes, and a new file without a restriction, stay
    allowed (the agent's own default, not this change's doing)."""

    DENIED: ClassVar[list[Any]] = [
        _on_disk("jq 'del(.permission.bash)' opencode.json > t.json && mv t.json opencode.json", {OC: _OPENCODE_ASKS}),
        _on_disk("jq 'del(.permission)' opencode.json | sponge opencode.json", {OC: _OPENCODE_ASKS}),
        _on_disk("cp opencode.base.json opencode.json", {OC: _OPENCODE_ASKS, P + "/opencode.base.json": '{"model": "x/y"}'}),
        {"tool_name": "Write", "tool_input": {"file_path": OC, "content": '{"model": "x/y"}'}, "files": {OC: _OPENCODE_ASKS}},
        _edit(OC, '"bash": "ask", ', "", _OPENCODE_ASKS),
    ]
    ALLOWED: ClassVar[list[Any]] = [
        _on_disk("jq 'del(.permission.edit)' opencode.json > t.json && mv t.json opencode.json", {OC: _OPENCODE_ASKS}),
        _on_disk("jq '.model = \"x/y\"' opencode.json > t.json && mv t.json opencode.json", {OC: _OPENCODE_ASKS}),
        _write(OC, '{"model": "x/y"}'),
        {"tool_name": "Write", "tool_input": {"file_path": OC, "content": '{"model": "x/y"}'}, "files": {OC: '{"model": "a/b"}'}},
        _edit(OC, '"model": "a/b"', '"model": "x/y"', _OPENCODE_ASKS),
    ]

    @pytest.mark.parametrize("example", DENIED, ids=_ids(DENIED))
    def test_denied(self, example: Any) -> None:
        assert decide(example).decision == "deny"

    @pytest.mark.parametrize("example", ALLOWED, ids=_ids(ALLOWED))
    def test_allowed(self, example: Any) -> None:
        assert decide(example).decision == "allow"


class TestUnmodelledProgramEditsSettingsInPlace:
    """Class: a program clearance does not model, given an in-place option and a file judged by what it says (an agent's
    or editor's settings, an env file): what it leaves there is not known before it runs, so a person is asked, as for
    a download into it. Known programs are judged as they are modelled; the same tools reading the file are allowed."""

    ASKED: ClassVar[list[Any]] = [
        _on_disk("json -I -f .vscode/settings.json -e 'this[\"chat.useHooks\"]=false'", {V: _HOOKS_ON}),
        _on_disk("npx json -I -f .zed/settings.json -e 'this.agent_servers={}'", {Z: "{}"}),
        _on_disk("jsonlint -i .amazonq/cli-agents/dev.json", {P + "/.amazonq/cli-agents/dev.json": "{}"}),
        _on_disk("npx json --in-place -f .envrc -e x", {P + "/.envrc": "export A=1\n"}),
    ]
    ALLOWED: ClassVar[list[Any]] = [
        _on_disk("npx json -f opencode.json permission", {OC: _OPENCODE_ASKS}),
        _on_disk("json -I -f package.json -e 'this.version=\"1.2.0\"'", {P + "/package.json": "{}"}),
        _on_disk("grep -i hooks .vscode/settings.json", {V: _HOOKS_ON}),
    ]

    @pytest.mark.parametrize("example", ASKED, ids=_ids(ASKED))
    def test_asked(self, example: Any) -> None:
        assert decide(example).decision == "ask"

    @pytest.mark.parametrize("example", ALLOWED, ids=_ids(ALLOWED))
    def test_allowed(self, example: Any) -> None:
        assert decide(example).decision == "allow"


def test_a_project_kept_in_a_temporary_folder_is_the_projects() -> None:
    """A program or preload inside the project is not "from a temporary folder" when the project itself lies under /tmp."""
    env = {"HOME": H, "CLAUDE_PROJECT_DIR": "/tmp/proj", "USER": "ana"}
    example = _write("/tmp/proj/.vscode/settings.json", '{"python.defaultInterpreterPath": "/tmp/proj/.venv/bin/python"}')
    assert decide(example, cwd="/tmp/proj", env=env).decision == "allow"
    example = _write("/tmp/proj/.vscode/settings.json", '{"claudeCode.claudeProcessWrapper": "/tmp/other/w.sh"}')
    assert decide(example, cwd="/tmp/proj", env=env).decision == "deny"
