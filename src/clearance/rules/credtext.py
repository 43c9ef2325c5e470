"""Which files hold secrets, by name (a project's .env, an agent's MCP server list) and by content (a key, a token).

The first tests of the creds pack's rules on reads, kept out of the pack: their gates (rules/gates.py) ask them of
every file a call reads, and an ordinary read (`cat README.md`, a Read of a source file, the test module pytest
is given) then imports neither the pack (~3.8 M instructions of a cold hook) nor a pattern.
"""

from __future__ import annotations

from .. import paths, pathstr
from ..lazyre import lazy
from ..model import TOO_LARGE
from ..paths import DYN, credential_reason, has_glob
from ..shell.effects import READ

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..scope import Scope
    from ..shell.effects import Effect

# -- credentials recognised by content ---------------------------------------------------------
#
# Path lists never end (every tool has its token file); what a credential file holds has a few
# well-known shapes. The recogniser is linear: bounded character classes, no nested repetition.

_PEM_PRIVATE = lazy(r"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,6}-----")
_PUTTY = lazy(r"PuTTY-User-Key-File-[0-9]: ")
_AGE_KEY = lazy(r"AGE-SECRET-KEY-1[0-9A-Z]{58}")
_KUBE_CONFIG = lazy(r"(?m)^kind: *[\"']?Config[\"']? *$")
_KUBE_SECRET = lazy(r"(?m)^[ \t-]{0,40}(?:client-key-data|token|password|id-token|refresh-token|client-key) *: *[^ \t\r\n]")
_AWS_SECRET_LABEL = lazy(r"(?i)aws_?secret_?access_?key[\"' \t]{0,3}[=:][\"' \t]{0,3}[A-Za-z0-9/+]{40}")
_AWS_ID = lazy(r"(?:AKIA|ASIA)[0-9A-Z]{16}")
_B64_40 = lazy(r"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")
_SERVICE_ACCOUNT = lazy(r"[\"']type[\"'] *: *[\"'](?:service_account|authorized_user)[\"']")
_KEYSTORE = lazy(r"(?i)[\"']ciphertext[\"'] *:")
_DOCKER_AUTH = lazy(r"[\"']auth[\"'] *: *[\"'][A-Za-z0-9+/=]{8,}[\"']")


def _aws_pair(text: str) -> bool:
    if ("ecret" in text or "ECRET" in text) and _AWS_SECRET_LABEL.search(text):
        return True
    if not _AWS_ID.search(text):
        return False
    for m in _B64_40.finditer(text):
        v = m.group(0)
        if any(c.islower() for c in v) and any(c.isupper() for c in v):
            return True
    return False


def _solana_keypair(text: str) -> bool:
    t = text.strip()
    if not (t.startswith("[") and t.endswith("]")) or len(t) > 1000:
        return False
    parts = t[1:-1].split(",")
    return len(parts) == 64 and all(p.strip().isdigit() and int(p) < 256 for p in parts)


def credential_content(text: str) -> str | None:
    """What kind of credential *text* holds (a private key, a kubeconfig with a token, ...), or None.

    Each shape is looked for only when its literal marker is present, so ordinary text costs a few
    substring searches and compiles no pattern.
    """
    text = text[:200_000]
    if ("PRIVATE KEY" in text and _PEM_PRIVATE.search(text)) or ("PuTTY-User-Key-File-" in text and _PUTTY.search(text)):
        return "a private key"
    if "AGE-SECRET-KEY-1" in text and _AGE_KEY.search(text):
        return "an age secret key (SOPS)"
    if "Config" in text and "kind" in text and _KUBE_CONFIG.search(text) and _KUBE_SECRET.search(text):
        return "a kubeconfig with cluster credentials"
    if ("ecret" in text or "ECRET" in text or "AKIA" in text or "ASIA" in text) and _aws_pair(text):
        return "an AWS access key pair"
    if ("service_account" in text or "authorized_user" in text) and ("private_key" in text or "refresh_token" in text) and _SERVICE_ACCOUNT.search(text):
        return "a cloud service-account key"
    if ("iphertext" in text or "IPHERTEXT" in text) and '"kdf"' in text.lower() and _KEYSTORE.search(text):
        return "a wallet keystore"
    if text[:1] in "[ \n\t" and _solana_keypair(text):
        return "a wallet keypair"
    if '"auths"' in text and _DOCKER_AUTH.search(text):
        return "registry credentials"
    return None


def _content(path: str, sc: Scope) -> str | None:
    reader = sc.ctx.read_file
    if reader is None or paths.DYN in path or paths.has_glob(path):
        return None
    try:
        text = reader(path)
    except OSError:
        return None
    return None if text == TOO_LARGE else text


def credential_file_content(path: str, sc: Scope) -> str | None:
    """What credential the file at *path* holds, judged by its content when clearance may read it."""
    text = _content(path, sc)
    return credential_content(text) if text else None


# -- by name -----------------------------------------------------------------------------------------------------------

_ENV_TEMPLATES = (".example", ".sample", ".template", ".dist", ".defaults", ".schema")


def env_file_name(path: str) -> bool:
    """`.env`, `.env.local`, `.env.production` (a project's environment file), not its committed templates."""
    base = pathstr.basename(path)
    if paths.has_glob(base):
        # A pattern the shell expands to the environment file among others (`cat .env*`, `head .en?`), or to the
        # family's other names (`cat .env?`: .env1, .envs): a wildcard right after `.env` or `.env.`.
        cut = min((base.find(c) for c in "*?[" if c in base), default=len(base))
        return base[:cut] in (".env", ".env.") or any(paths.glob_name_matches(n, base) for n in (".env", ".env.local", ".env.production"))
    return base == ".env" or (base.startswith(".env.") and not base.lower().endswith(_ENV_TEMPLATES)) or secret_store_name(path)


# Other tools' secret files in .env's KEY=value format: wrangler's .dev.vars (the local values of a Worker's secrets),
# act's .secrets (a workflow's secrets); direnv's .envrc is a script of its own, mostly settings (`use nix`, `layout
# python`), which the tests keep readable (tests/test_adversarial_round3.py, test_outside_classes10.py); and a project's secret stores named for what they hold, in any configuration format (secrets.yaml,
# credentials.json, a Google service-account or OAuth client file, a Firebase Admin SDK key, Terraform's state, which
# keeps every resource's passwords in plain text). Their templates (.example …) and test material are not.
_ENV_FAMILY = frozenset({".dev.vars", ".secrets"})
_SECRET_STORE_STEMS = frozenset({"secrets", "secret", "credentials", "service-account", "service_account", "serviceaccount"})
_SECRET_STORE_PREFIXES = ("client_secret", "service-account-", "service_account_")
_SECRET_STORE_FORMATS = frozenset({"json", "yaml", "yml", "toml", "ini"})
_TEMPLATE_WORDS = frozenset({"example", "sample", "template", "dist", "defaults", "default", "schema", "test", "fixture", "mock", "fake"})


def secret_store_name(path: str) -> bool:
    """A file named as another tool's secret file in .env's format (.dev.vars, .secrets) or a secret store (secrets.yaml,
    credentials.json, client_secret_*.json, *-firebase-adminsdk-*.json, terraform.tfstate), outside test material."""
    base = pathstr.basename(path).lower()
    if base in _ENV_FAMILY:
        return not _under_tests(path)
    parts = base.split(".")
    if len(parts) < 2 or any(p in _TEMPLATE_WORDS for p in parts[1:-1]) or _under_tests(path):
        return False
    stem, ext = parts[0], parts[-1]
    if ext == "tfstate" or (ext == "backup" and parts[-2] == "tfstate"):
        return True
    if ext not in _SECRET_STORE_FORMATS:
        return False
    return stem in _SECRET_STORE_STEMS or stem.startswith(_SECRET_STORE_PREFIXES) or (ext == "json" and "-adminsdk-" in stem)


_TEST_DIRS = frozenset({"test", "tests", "testdata", "test-data", "fixtures", "__fixtures__", "testing", "spec", "examples", "example", "samples", "mocks"})


def _under_tests(path: str) -> bool:
    return any(seg.lower() in _TEST_DIRS for seg in path.split("/")[:-1])


# Where agents keep the MCP servers they start, with each server's env and headers (its tokens): Cline's
# cline_mcp_settings.json and Roo's / Kilo's mcp_settings.json under the editor's globalStorage, Claude Desktop's
# claude_desktop_config.json, Windsurf's mcp_config.json, Cursor's and VS Code's mcp.json, Copilot CLI's
# mcp-config.json, a project's .mcp.json, Claude Code's ~/.claude.json (its user-scope servers).
_MCP_CONFIG_NAMES = frozenset(
    {"cline_mcp_settings.json", "mcp_settings.json", "claude_desktop_config.json", "mcp_config.json", "mcp.json", "mcp-config.json", ".mcp.json"}
)


def mcp_config_name(path: str, sc: Scope) -> bool:
    """Whether *path* is named like a file that configures an agent's MCP servers (~/.claude.json: only at home)."""
    base = pathstr.basename(path)
    return base.lower() in _MCP_CONFIG_NAMES or (base == ".claude.json" and pathstr.dirname(path) == sc.ctx.home)


# -- the gates of the creds pack's rules on reads (rules/gates.py EFFECT_GATES): each rule's first tests -----------------


# A tool's configuration in its own home folder, by the generic names a CLI or an agent gives it (nanobot's
# ~/.nanobot/config.json, ~/.config/NAME/settings.yaml), in a format of keys and values: where many keep the API keys
# of the providers they call beside their other settings (creds.read-tool-config).
_TOOL_CONFIG_STEMS = frozenset({"config", "settings", "configuration"})
_TOOL_CONFIG_EXTENSIONS = frozenset({"json", "jsonc", "json5", "toml", "yaml", "yml", "ini"})


def tool_config_name(path: str, sc: Scope) -> bool:
    """Whether *path* is a configuration file in one tool's own folder under the user's home (paths.in_tool_folder)."""
    home = sc.ctx.home
    if not home or DYN in path or has_glob(path) or not paths.is_within(path, home) or path == home:
        return False
    base = pathstr.basename(path).lower()
    stem, dot, ext = base.rpartition(".")
    if not dot or stem not in _TOOL_CONFIG_STEMS or ext not in _TOOL_CONFIG_EXTENSIONS:
        return False
    return paths.in_tool_folder(path[len(home.rstrip("/")) + 1 :].split("/"), False)


def names_tool_config(e: Effect, sc: Scope) -> bool:
    """creds.read-tool-config: a read (not a listing) of a tool's configuration in its home folder."""
    if e.kind != READ or e.names_only:
        return False  # a recursive read of a file so named reads it (`grep -r KEY F`)
    return tool_config_name(e.path, sc)


def _kubeconfig_set(sc: Scope) -> bool:
    return bool(sc.ctx.env and sc.ctx.env.get("KUBECONFIG"))


def may_read_secret_file(e: Effect, sc: Scope) -> bool:
    """creds.read-secret-file: a path that is a credential's by its name (paths.credential_reason, or one of
    $KUBECONFIG's), or one whose reach is wider than its name (a tree, a computed part, a glob)."""
    return e.kind == READ and (e.recursive or DYN in e.path or has_glob(e.path) or _kubeconfig_set(sc) or credential_reason(e.path, sc.ctx) is not None)


def reads_computed_name(e: Effect, sc: Scope) -> bool:
    """creds.read-unknown-in-secrets: a read (not a listing) of a name known only when the command runs."""
    return e.kind == READ and not e.names_only and DYN in e.path


def lists_names(e: Effect, sc: Scope) -> bool:
    """creds.list-secret-names: a listing of names."""
    return e.kind == READ and e.names_only


def may_hold_credential(e: Effect, sc: Scope) -> bool:
    """creds.credential-content: a file the decision may read whose text holds a credential (credtext, the rule's test
    but for the names creds.read-secret-file answers for)."""
    if e.kind != READ or e.recursive or sc.ctx.read_file is None:
        return False
    return credential_file_content(e.path, sc) is not None


def names_env_file(e: Effect, sc: Scope) -> bool:
    """creds.read-env-file: a read (not a listing) of a project's environment file by its name; a recursive one too
    (`grep -r KEY .env*`: recursion into a file reads the file)."""
    if e.kind != READ or e.names_only:
        return False
    return env_file_name(e.path)


def names_mcp_config(e: Effect, sc: Scope) -> bool:
    """creds.read-mcp-config: a read (not a listing) of an agent's MCP server list by its name."""
    if e.kind != READ or e.names_only:
        return False  # a recursive read of a file so named reads it (`grep -r KEY F`)
    return mcp_config_name(e.path, sc)
