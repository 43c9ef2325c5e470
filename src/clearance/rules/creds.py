"""Credential access: reading private keys and cloud credentials, printing tokens."""

from __future__ import annotations

import posixpath
import re

from .. import paths
from ..lazyre import lazy
from ..model import SOFT_DENY
from ..shell.effects import READ, Effect
from ..shell.options import normalise
from .base import rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..scope import Scope
    from ..shell.ir import SimpleCommand

# (command, subcommand words...) that print a token or secret.
TOKEN_PRINTERS: tuple[tuple[str, ...], ...] = (
    ("gh", "auth", "token"),
    ("gh", "auth", "status", "--show-token"),
    ("gh", "auth", "status", "-t"),
    ("gcloud", "auth", "print-access-token"),
    ("gcloud", "auth", "print-identity-token"),
    ("gcloud", "auth", "application-default", "print-access-token"),
    ("gcloud", "config", "config-helper"),
    ("az", "account", "get-access-token"),
    ("aws", "configure", "export-credentials"),
    ("aws", "configure", "get", "aws_secret_access_key"),
    ("aws", "configure", "get", "aws_session_token"),
    ("aws", "sts", "get-session-token"),
    ("aws", "ecr", "get-login-password"),
    ("aws", "codeartifact", "get-authorization-token"),
    ("kubectl", "config", "view", "--raw"),
    ("kubectl", "create", "token"),
    ("heroku", "auth:token"),
    ("npm", "token", "list"),
    ("npm", "token", "create"),
    ("vault", "read"),
    ("vault", "kv", "get"),
    ("vault", "token", "create"),
    ("vault", "print", "token"),
    ("op", "read"),
    ("op", "item", "get"),
    ("doppler", "secrets"),
    ("security", "find-generic-password", "-w"),
    ("security", "find-internet-password", "-w"),
    ("security", "dump-keychain"),
    ("gpg", "--export-secret-keys"),
    ("gpg", "--export-secret-subkeys"),
    ("secret-tool", "lookup"),
    ("pass", "show"),
    ("git", "credential", "fill"),
    ("git", "config", "--get", "credential.helper"),
    ("kubectl", "get", "secret", "-o"),
    ("kubectl", "get", "secrets", "-o"),
    ("aws", "secretsmanager", "get-secret-value"),
    ("aws", "ssm", "get-parameter", "--with-decryption"),
    ("aws", "ssm", "get-parameters", "--with-decryption"),
    ("gcloud", "secrets", "versions", "access"),
    ("az", "keyvault", "secret", "show"),
    ("heroku", "config"),
    ("heroku", "config:get"),
    ("railway", "variables"),
    ("bw", "get"),
    ("lpass", "show"),
    ("keyring", "get"),
    ("git", "credential-osxkeychain", "get"),
    ("git", "credential-store", "get"),
    ("git", "credential-manager", "get"),
    ("git", "credential-libsecret", "get"),
    ("vercel", "env", "pull"),
    ("fly", "secrets", "list"),
    ("doppler", "run", "--", "env"),
)
SECRET_VAR = lazy(
    r"(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|CREDENTIAL|PRIVATE|AUTH|SESSION|COOKIE|PAT|DSN)(?:_|$)|^(?:DATABASE_URL|PGPASSWORD|MYSQL_PWD)$", re.I
)
_NOT_SECRET_VAR = frozenset({"KEYBOARD", "SSH_AUTH_SOCK", "GPG_TTY", "PASSWORD_STORE_DIR", "KEYMAP"})
ENV_DUMPERS = frozenset({"env", "printenv", "set", "export", "declare", "compgen"})


def is_secret_var(name: str) -> bool:
    return name not in _NOT_SECRET_VAR and bool(SECRET_VAR.search(name))


def token_printer(cmd: SimpleCommand) -> str | None:
    words = [cmd.name] + cmd.values()
    for pattern in TOKEN_PRINTERS:
        if words[0] != pattern[0]:
            continue
        rest = words[1:]
        need = list(pattern[1:])
        # every word of the pattern must appear, in order
        pos = 0
        ok = True
        for n in need:
            try:
                pos = rest.index(n, pos) + 1
            except ValueError:
                if n.startswith("-") and any(r.startswith(n + "=") for r in rest):
                    continue
                if len(n) == 2 and n[0] == "-":
                    # combined short flags: security find-generic-password -wa github
                    j = next((k for k in range(pos, len(rest)) if rest[k][:1] == "-" and rest[k][1:2] != "-" and n[1] in rest[k][1:]), -1)
                    if j != -1:
                        pos = j + 1
                        continue
                ok = False
                break
        if ok:
            return " ".join(pattern)
    return None


def sensitive_file(path: str, sc: Scope) -> str | None:
    """Why the contents of *path* are secret (credentials, .env files), or None."""
    why = paths.credential_reason(path, sc.ctx)
    if why:
        return why
    base = posixpath.basename(path)
    if base == ".env" or (base.startswith(".env.") and not base.endswith((".example", ".sample", ".template", ".dist"))):
        return "environment file with secrets (" + base + ")"
    return None


def reads_secrets(cmd: SimpleCommand, sc: Scope) -> str | None:
    """Does running *cmd* produce secret output (for exfiltration checks)?"""
    from ..shell.effects import effects

    if cmd.name in ENV_DUMPERS and not any(not v.startswith("-") for v in cmd.values()):
        return "the whole environment (" + cmd.name + ")"
    if cmd.name == "printenv" and any(is_secret_var(v) for v in cmd.values()):
        return "a secret environment variable"
    tp = token_printer(cmd)
    if tp:
        return "a token (" + tp + ")"
    for w in cmd.args:
        if any(is_secret_var(v) for v in w.vars):
            return "a secret environment variable"
    for e in effects(cmd, sc):
        if e.kind == READ:
            why = sensitive_file(e.path, sc) or (paths.holds_credentials(e.path, sc.ctx) if e.recursive else None)
            if why:
                return why
    if cmd.name in ("tar", "zip", "7z", "cpio", "gzip", "base64", "xxd", "cat"):
        for w in cmd.args:
            p = sc.path(w.value, cmd)
            if p == sc.ctx.home or p in (sc.ctx.home + "/.ssh", sc.ctx.home + "/.aws", sc.ctx.home + "/.gnupg"):
                return "files of your home directory"
    return None


@rule(
    id="creds.read-secret-file",
    title="Reading private keys, cloud credentials, tokens or shell history",
    why="The contents land in the agent's context and transcript, from where a prompt injection can send them anywhere.",
    verdict=SOFT_DENY,
    scope="effect",
    match=(
        "cat ~/.ssh/id_ed25519",
        "less ~/.aws/credentials",
        "cat ~/.config/hub",
        "cat ~/.git-credentials",
        "head ~/.gnupg/private-keys-v1.d/*",
        "cat /root/.bash_history",
        {"tool_name": "Read", "tool_input": {"file_path": "/home/ana/.ssh/id_ed25519"}},
        {"tool_name": "Read", "tool_input": {"file_path": "/home/ana/.netrc"}},
        "grep -r token ~/.config/gcloud",
        {"tool_name": "Grep", "tool_input": {"pattern": "BEGIN", "path": "/home/ana/.ssh"}},
    ),
    no_match=(
        "cat ~/.ssh/id_ed25519.pub",
        "ls ~/.ssh",
        "cat ~/.ssh/config",
        "cat package.json",
        "ssh -i ~/.ssh/id_ed25519 host uptime",
        {"tool_name": "Read", "tool_input": {"file_path": "/home/ana/webapp/.env.local"}},
        {"tool_name": "Read", "tool_input": {"file_path": "/usr/share/doc/git/README.md"}},
    ),
)
def read_secret_file(e: Effect, sc: Scope) -> str | None:
    if e.kind != READ:
        return None
    why = paths.credential_reason(e.path, sc.ctx)
    if why is None and e.recursive:
        why = paths.holds_credentials(e.path, sc.ctx)
    if why is None and (paths.has_glob(e.path) or paths.DYN in e.path):
        why = paths.credential_reason(paths.static_prefix(e.path) + "/x", sc.ctx) if paths.static_prefix(e.path) != sc.ctx.home else None
    if why is None:
        return None
    who = f"{e.cmd.name} reads" if e.cmd is not None else "reads"
    return f"{who} {sc.show(e.path)}: {why}"


@rule(
    id="creds.print-token",
    title="Printing access tokens or secrets from a CLI",
    why="A printed token ends up in the transcript and in the model provider's logs; an injected agent uses this to steal sessions.",
    verdict=SOFT_DENY,
    commands=(*sorted({p[0] for p in TOKEN_PRINTERS}), "ps"),
    match=(
        "gcloud auth print-access-token",
        "az account get-access-token",
        "gh auth token",
        "aws configure export-credentials",
        "kubectl config view --raw",
        "vault kv get secret/prod/db",
        "ps auxe",
        "bw get password github",
    ),
    no_match=("gh auth status", "ps aux", "ps -ef", "gcloud auth list", "aws sts get-caller-identity", "kubectl config view", "az account show"),
)
def print_token(cmd: SimpleCommand, sc: Scope) -> str | None:
    if cmd.name == "ps" and any("e" in v and v.isalpha() for v in normalise(cmd).pos):
        return "ps e prints the environment of every process, secrets included, into the agent's context"
    tp = token_printer(cmd)
    if tp:
        return f"{tp} prints a secret into the agent's context"
    return None


@rule(
    id="creds.print-secret-var",
    title="Printing secret environment variables",
    why="echo $AWS_SECRET_ACCESS_KEY or printenv GITHUB_TOKEN copies the secret into the transcript.",
    verdict=SOFT_DENY,
    commands=("echo", "printf", "printenv"),
    match=("echo $AWS_SECRET_ACCESS_KEY", "printenv GITHUB_TOKEN", "printf '%s' \"$OPENAI_API_KEY\""),
    no_match=("echo $HOME", "printenv PATH", "echo hello"),
)
def print_secret_var(cmd: SimpleCommand, sc: Scope) -> str | None:
    if cmd.name == "printenv":
        names = [v for v in cmd.values() if is_secret_var(v)]
    else:
        names = [n for w in cmd.args for n in w.vars if is_secret_var(n)]
    if not names or cmd.piped:
        return None
    if any(r.writes and r.target is not None and sc.inside_project(sc.path(r.target.value, cmd)) for r in cmd.redirects):
        return None  # writing a .env inside the project
    return f"{cmd.name} prints ${names[0]}, a secret, into the agent's context"


@rule(
    id="creds.grep-environment",
    title="Filtering the environment for secrets",
    why="env | grep -i token prints exactly the secrets of the environment into the agent's context.",
    verdict=SOFT_DENY,
    commands=("grep", "egrep", "rg", "awk", "sed", "cut", "head", "tail", "sort", "less", "more"),
    match=("env | grep -i token", "printenv | grep -E 'KEY|SECRET'", "set | grep PASSWORD", "env | grep AWS"),
    no_match=("env | grep -i node", "cat log.txt | grep token", "printenv PATH"),
)
def grep_environment(cmd: SimpleCommand, sc: Scope) -> str | None:
    if not any(c.name in ENV_DUMPERS and not [v for v in c.values() if not v.startswith("-")] for c in cmd.stdin_from):
        return None
    words = " ".join(cmd.values()).lower()
    for hint in (
        "key",
        "token",
        "secret",
        "pass",
        "cred",
        "auth",
        "session",
        "cookie",
        "private",
        "aws",
        "github",
        "gh_",
        "openai",
        "anthropic",
        "stripe",
        "slack",
        "database",
        "azure",
        "gcp",
        "api",
        "pwd",
        "dsn",
    ):
        if hint in words:
            return f"{cmd.name} picks secrets ({hint}) out of the environment"
    return None
