"""Readings of real-session calls (issue 11, second pass): each class with cases written before the fix, none of
them a case a rule was written for.  Decided through the API with a session's shape; no file is read."""

from __future__ import annotations

from typing import Any

import pytest

from clearance.api import decide_event_full

PROJECT = "/home/ana/webapp"


def decide(tool_input: dict[str, Any] | str, tool: str = "Bash", project: str = PROJECT, env: dict[str, str] | None = None) -> str:
    ti = {"command": tool_input} if isinstance(tool_input, str) else tool_input
    ev = {"hook_event_name": "PreToolUse", "session_id": "s", "cwd": project, "tool_name": tool, "tool_input": ti}
    return decide_event_full(ev, {"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": project, **(env or {})}, local_files=False)[0].decision


# -- sed's a/i/c commands: their text is data, as sed reads it -----------------------------------------------------


@pytest.mark.parametrize(
    "command, expected",
    [
        # GNU's one-line form: the text after `i\` runs to the first newline a backslash does not escape
        ("sed -i '12i\\    result = self.reset(); e = shell(cmd)' app/models.py", "allow"),
        ("sed -i '40a\\        if exec_mode:\\\n            self.execute(w)\\\n        return x' app/run.py", "allow"),
        ("sed -i '/^import/a from os import system' app/x.py", "allow"),
        ("sed '3c\\replaced; s/a/b/e' notes.txt", "allow"),  # `;` and `s///e` inside the text are text
        # the classic form: `a\`, then the text on the next lines
        ("sed -i '1i\\\nw /etc/cron.d/job\\\ne rm -rf ~' README.md", "allow"),
        ("sed -i -e '$a\\' -e 'export PATH=x' .envrc.example", "allow"),
        # after the text ends, sed reads commands again
        ("sed -i '1a\\ text\n1e rm -rf ~' notes.txt", "deny"),
        ("sed -i '2i\\ line\ns/x/y/e' notes.txt", "ask"),
        ("sed -i '5a\\ note\\\nmore\nw /etc/cron.d/job' notes.txt", "deny"),
    ],
)
def test_sed_text_commands_are_data(command: str, expected: str) -> None:
    assert decide(command) == expected


# -- `git checkout PATH` without `--`: a discard, as git reads a word that is no ref -------------------------------


@pytest.mark.parametrize(
    "command, expected",
    [
        ("git checkout setup.cfg", "ask"),
        ("git checkout docs/conf.py", "ask"),
        ("git checkout .eslintrc", "ask"),
        ("cd web && git checkout next.config.mjs", "ask"),
        ("git checkout -q pyproject.toml", "ask"),
        # refs stay switches
        ("git checkout fix/parser", "allow"),
        ("git checkout v2.1.0", "allow"),
        ("git checkout HEAD~3", "allow"),
        ("git checkout origin/feature.x", "allow"),
        ("git checkout -b notes.md", "allow"),
        ("git checkout -", "allow"),
        # a conflicted file's side picked: resolving a merge
        ("git checkout --theirs package.json && git add package.json", "allow"),
        ("git checkout --ours src/db.ts", "allow"),
    ],
)
def test_checkout_of_a_file_shaped_word(command: str, expected: str) -> None:
    assert decide(command) == expected


# -- production deploys of CLIs clearance does not model ------------------------------------------------------------


@pytest.mark.parametrize(
    "command, expected",
    [
        ("npx convex deploy -y", "ask"),
        ("pnpm dlx @acme/cli deploy --prod", "ask"),
        ("bunx supaship release", "ask"),
        ("yarn dlx shuttle-cli publish ./dist", "ask"),
        ("cd api && npx encore-like promote build-42 production", "ask"),
        ("acmectl app deploy-prod", "ask"),
        # rehearsals, help, listings and local work
        ("npx convex deploy --dry-run", "allow"),
        ("acmectl deploy --help", "allow"),
        ("acmectl releases", "allow"),
        ("acmectl release list", "allow"),
        ("npx convex dev --once", "allow"),
        ("npm run deploy:check", "allow"),
    ],
)
def test_unknown_cli_deploys(command: str, expected: str) -> None:
    assert decide(command) == expected


# -- a project's .env printed into the transcript: ask when it holds credentials -----------------------------------

SECRET_ENV = "# local\nPORT=3000\nDATABASE_URL=postgres://app:s3cretpw@localhost:5432/app\nNEXT_PUBLIC_SITE=https://example.org\n"
PLAIN_ENV = "PORT=3000\nDEBUG=true\nNODE_ENV=development\nLOG_LEVEL=info\nNEXT_PUBLIC_API_URL=http://localhost:4000\n"
TOKEN_ENV = "APP_NAME=shop\nCONVEX_DEPLOY=prod:happy-otter-123\nSENDGRID=SG.aaaaBBBBccccDDDD1234.eeeeFFFF5678gggg\n"


def decide_files(command_or_input: str | dict[str, Any], files: dict[str, str], tool: str = "Bash") -> str:
    from .conftest import decide as conftest_decide

    ti = {"command": command_or_input} if isinstance(command_or_input, str) else command_or_input
    return conftest_decide({"tool_name": tool, "tool_input": ti, "files": files}).decision


@pytest.mark.parametrize(
    "command, text, expected",
    [
        ("cat .env.development", SECRET_ENV, "ask"),  # a password inside a URL
        ("tail -n 3 .env.development", SECRET_ENV, "ask"),
        ("bat .env.development", TOKEN_ENV, "ask"),  # a token's shape under a name that says nothing
        ("less .env.development", PLAIN_ENV, "allow"),  # settings only
        ("cat .env.development | sort", PLAIN_ENV, "allow"),
        ("cat .env.development | grep -i database", SECRET_ENV, "ask"),  # the line kept holds the password
        ("cat .env.development | grep PORT", SECRET_ENV, "allow"),  # only PORT=3000 is printed
        ("grep -E 'PORT|SITE' .env.development", SECRET_ENV, "allow"),
        ("grep -v PORT .env.development", SECRET_ENV, "ask"),  # every other line
        ("cat .env.development | wc -l", SECRET_ENV, "allow"),  # a count, no value
        ("cp .env.development .env.development.bak", SECRET_ENV, "allow"),  # not printed
    ],
)
def test_env_file_judged_by_content(command: str, text: str, expected: str) -> None:
    assert decide_files(command, {"/home/ana/webapp/.env.development": text}) == expected


@pytest.mark.parametrize(
    "text, expected",
    [(SECRET_ENV, "ask"), (TOKEN_ENV, "ask"), (PLAIN_ENV, "allow")],
)
def test_env_file_read_tool_judged_by_content(text: str, expected: str) -> None:
    assert decide_files({"file_path": "/home/ana/webapp/.env.staging"}, {"/home/ana/webapp/.env.staging": text}, tool="Read") == expected


@pytest.mark.parametrize(
    "command, expected",
    [
        # no file to read (the team service): by name
        ("cat .env.staging", "ask"),
        ("head -5 apps/api/.env", "ask"),
        ("sh -c 'cat ../.env.test 2>/dev/null || true'", "ask"),
        ("cat .env.staging | head -3", "ask"),
        ("grep -i token .env", "ask"),
        ("grep NODE_ENV .env", "allow"),
        ("cat .env | grep -i port", "allow"),
        ("cat .env.sample .env.template .env.dist", "allow"),
        ("dotenv -e .env.staging -- npm test", "allow"),
        ("cat .env.staging > /tmp/env-copy", "allow"),
    ],
)
def test_env_file_judged_by_name_without_a_disk(command: str, expected: str) -> None:
    assert decide(command) == expected


# -- env | grep SERVICE: which variables the pattern selects --------------------------------------------------------


@pytest.mark.parametrize(
    "command, expected",
    [
        # no environment to look at (the team service): a service whose CLI keeps its token in the environment
        ("env | grep -i netlify", "ask"),
        ("printenv | grep -E 'SUPABASE|NEXT_PUBLIC'", "ask"),
        ("env | sort | grep -i railway", "ask"),
        ("env | grep -i java", "allow"),
        ("env | grep -E '^LC_'", "allow"),
        ("env | grep -v PATH", "ask"),  # every variable but PATH: judged as `env` (creds.print-environment-piped, round 14b)
        ("env | grep -i token", "deny"),  # a secret word: creds.grep-environment, as before
    ],
)
def test_env_grep_without_the_environment(command: str, expected: str) -> None:
    assert decide(command) == expected


def test_env_grep_reads_the_real_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """Where the hook runs, os.environ is the agent's: the pattern is judged by the variables it selects."""
    import os

    from clearance.api import decide_event

    def run(command: str) -> str:
        ev = {"hook_event_name": "PreToolUse", "session_id": "s", "cwd": str(tmp_path), "tool_name": "Bash", "tool_input": {"command": command}}
        return decide_event(ev).decision

    for k in [k for k in os.environ if "NETLIFY" in k.upper() or "ACME" in k.upper()]:
        monkeypatch.delenv(k)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert run("env | grep -i netlify") == "allow"  # nothing selected
    monkeypatch.setenv("NETLIFY_SITE_NAME", "shop")
    assert run("env | grep -i netlify") == "allow"  # a name, no secret
    monkeypatch.setenv("NETLIFY_AUTH_TOKEN", "nfp_" + "a1B2" * 8)
    assert run("env | grep -i netlify") == "ask"
    monkeypatch.setenv("ACME_DB", "postgres://u:pw@db.internal/app")  # a service the list does not know, a secret value
    assert run("env | grep -i acme") == "ask"


@pytest.mark.parametrize(
    "command, expected",
    [
        ("git checkout Makefile", "ask"),  # a file of the work tree, no file shape: where the hook can look
        ("git checkout LICENSE", "ask"),
        ("git checkout docs", "ask"),  # a directory: every change under it
        ("cd api && git checkout Dockerfile", "ask"),
        ("git checkout feature-x", "allow"),  # nothing of that name on disk: a branch
        ("git checkout main", "allow"),  # a shared branch name is taken for the branch
    ],
)
def test_checkout_of_a_word_that_names_a_file_on_disk(command: str, expected: str) -> None:
    files = {
        "/home/ana/webapp/Makefile": "all:\n",
        "/home/ana/webapp/LICENSE": "MIT\n",
        "/home/ana/webapp/docs/index.md": "# x\n",
        "/home/ana/webapp/api/Dockerfile": "FROM x\n",
        "/home/ana/webapp/main": "a file named like the branch\n",
    }
    assert decide_files(command, files) == expected
