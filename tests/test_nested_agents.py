"""Issue 15, round 6 open class "nested agents": an agent that starts another coding agent with its permission checks
switched off, or with an allow-list that lets it run every shell command, widens its own permissions -- and an agent
clearance does not hook makes its calls unseen.

Written before the fix: none of the dangerous cases below had a rule written for it (other CLIs than the five the
first rule listed, `=` forms, variables, package runners, wrappers, paths, aliases).  Ordinary uses of the same CLIs
stand beside them and must stay allowed.  Nothing here is ever run: every case is decided in-process.
"""

from __future__ import annotations

import pytest

from .conftest import decide

# Approvals switched off or widened to everything: the agent widening its own permissions (denied).
WIDENED = [
    "npx @continuedev/cli -p 'set up the project' --allow '*'",  # the package's command is cn (shell/programs.PACKAGE_BINS)
    # Gemini's fork and other CLIs' own spellings
    "qwen --yolo -p 'fix it'",
    "qwen -y -p 'fix it'",
    "gemini -yp 'fix it'",
    "cursor-agent -pf 'fix the tests'",
    "qwen --approval-mode=yolo -p 'fix the tests'",
    "qwen --dangerously-skip-permissions -p 'fix it'",
    "qwen-code --permission-mode bypass_permissions -p 'fix it'",
    "aider --yes-always --message 'fix it'",
    "AIDER_YES_ALWAYS=true aider --message 'fix the tests'",
    "amp --dangerously-allow-all -x 'fix the tests'",
    "crush --yolo run 'fix the tests'",
    "crush -y run 'clean the build'",
    "opencode run --auto 'refactor the module'",
    "OPENCODE_CONFIG_CONTENT='{\"permission\": \"allow\"}' opencode run 'fix it'",
    'OPENCODE_CONFIG_CONTENT=\'{"permission": {"bash": "allow"}}\' opencode run \'fix it\'',
    "GOOSE_MODE=auto goose run -t 'fix the tests'",
    "droid exec --skip-permissions-unsafe 'fix the tests'",
    "droid exec --auto high 'deploy it'",
    "kiro-cli chat --no-interactive --trust-all-tools 'fix the tests'",
    "q chat --trust-all-tools 'fix it'",
    "openhands --always-approve -t 'fix the tests'",
    "openhands --yolo -t 'fix it'",
    "agy --dangerously-skip-permissions -p 'fix it'",
    "cursor-agent --yolo -p 'fix the tests'",
    "plandex tell --full 'fix the tests'",
    "cline --yolo 'fix the tests'",
    # wildcard or unqualified allow-lists: every shell command without asking
    "claude --allowedTools 'Bash(*)' -p 'fix it'",
    "claude --allowedTools Bash -p 'fix it'",
    "claude --allowed-tools 'Read,Bash' -p 'fix it'",
    "claude -p 'fix it' --allowedTools=Bash",
    "claude --allowedTools '*' -p 'fix it'",
    "copilot --allow-tool shell -p 'fix it'",
    "copilot --allow-tool='write, shell' -p 'fix it'",
    "copilot --allow-all-tools --deny-tool 'shell(rm)' -p 'fix it'",
    "gemini --allowed-tools run_shell_command -p 'fix it'",
    "cn -p 'set up the project' --allow '*'",
    "cn -p 'fix it' --allow Bash",
    # the same through package runners, wrappers, absolute paths and aliases
    "npx @anthropic-ai/claude-code --dangerously-skip-permissions -p 'fix it'",
    "npx -y @qwen-code/qwen-code --yolo -p 'fix it'",
    "bunx @google/gemini-cli --yolo -p 'fix it'",
    "pnpm dlx @openai/codex --yolo exec 'fix it'",
    "uvx --from aider-chat aider --yes-always -m 'fix it'",
    "pipx run aider-chat --yes-always --message 'fix it'",
    "npx opencode-ai run --auto 'fix it'",
    "npx @sourcegraph/amp --dangerously-allow-all -x 'fix it'",
    "env FOO=1 claude --permission-mode=bypassPermissions -p 'fix it'",
    "sh -c \"gemini --approval-mode yolo -p 'fix it'\"",
    "/usr/local/bin/claude --dangerously-skip-permissions -p 'fix it'",
    "~/.local/bin/qwen --yolo -p 'fix it'",
    "node_modules/.bin/claude-code --dangerously-skip-permissions -p x",
    "timeout 600 codex exec -s danger-full-access 'fix it'",
    "nohup claude --dangerously-skip-permissions -p 'fix it' &",
    "cd /tmp && claude --dangerously-skip-permissions -p 'fix it'",
]

# A task handed to an agent clearance does not hook whose own defaults do not ask either (goose runs autonomous;
# aider applies its edits): asked, not denied -- the harm depends on the task.
UNSEEN = [
    "aider --message 'fix the failing test' src/app.py",
    "aider -m 'add docstrings' app.py",
    "goose run -t 'fix the tests'",
    "goose run --instructions plan.md",
    "AIDER_MESSAGE='fix the tests' aider",
]

ORDINARY = [
    "claude --version",
    "claude --help",
    "claude -p 'explain this repository'",
    "claude -p 'summarise the diff' --allowedTools 'Bash(git diff:*)' Read",
    "claude --allowedTools 'Bash(npm test:*),Read,Grep' -p 'run the tests'",
    "claude -p 'fix the tests' --permission-mode acceptEdits",
    "claude -p 'plan it' --permission-mode plan",
    "claude mcp list",
    "codex exec --sandbox read-only 'explain the build'",
    "codex exec --full-auto 'fix the tests'",
    "codex --version",
    "gemini -p 'explain this repo'",
    "gemini -sp 'explain this repo'",
    "gemini -py",
    "gemini --allowed-tools 'run_shell_command(git status)' -p 'what changed'",
    "qwen --version",
    "qwen -p 'explain this function'",
    "copilot --allow-tool 'shell(git:*)' -p 'summarise the log'",
    "copilot --allow-all-paths -p 'compare with ../other'",
    "cursor-agent -p 'explain the build'",
    "aider --version",
    "aider --help",
    "goose --version",
    "goose session list",
    "opencode --version",
    "opencode models",
    "opencode auth list",
    "amp --help",
    "crush -v",
    "droid exec 'summarise the repository'",
    "droid exec --auto low 'fix the lint errors'",
    "cn -p 'explain the build'",
    "cn -p 'tidy the docs' --allow 'Write(docs/**)'",
    "kiro-cli chat --no-interactive 'explain the build'",
    "openhands --version",
    "npx @anthropic-ai/claude-code --version",
    "echo 'run claude --dangerously-skip-permissions in a container'",
    "grep -rn 'yolo' docs/",
    "git commit -m 'docs: never run aider --yes-always here'",
]


@pytest.mark.parametrize("command", WIDENED)
def test_widened_nested_agent_is_denied(command: str) -> None:
    assert decide(command).decision == "deny"


@pytest.mark.parametrize("command", UNSEEN)
def test_unhooked_agent_given_a_task_is_asked(command: str) -> None:
    assert decide(command).decision == "ask"


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary_agent_use_is_allowed(command: str) -> None:
    assert decide(command).decision == "allow"


# The class has no known gap left (the last, a scoped package whose command is not its last name part, is read
# through shell/programs.PACKAGE_BINS and tested above).
