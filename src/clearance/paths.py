"""Resolving paths against cwd, project root and home, and saying what they are.

Pure functions of strings: nothing here touches the file system, so a
decision does not depend on what happens to exist on the disk.
"""

from __future__ import annotations

import posixpath

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Context

# A placeholder for a part of a word that only the running shell knows
# (a variable, a command substitution, a glob match of unknown extent).
DYN = "\x00"

# Protected everywhere: an agent must never write or delete these.
# Each entry is (path relative to HOME, why it matters).
HOME_PROTECTED: tuple[tuple[str, str], ...] = (
    (".bashrc", "shell start-up file"),
    (".bash_profile", "shell start-up file"),
    (".bash_login", "shell start-up file"),
    (".bash_logout", "shell start-up file"),
    (".profile", "shell start-up file"),
    (".zshrc", "shell start-up file"),
    (".zshenv", "shell start-up file"),
    (".zprofile", "shell start-up file"),
    (".zlogin", "shell start-up file"),
    (".zlogout", "shell start-up file"),
    (".config/fish", "shell start-up file"),
    (".inputrc", "shell start-up file"),
    (".ssh", "SSH keys and trust (~/.ssh)"),
    (".aws", "AWS credentials (~/.aws)"),
    (".config/gcloud", "Google Cloud credentials"),
    (".azure", "Azure credentials"),
    (".kube", "Kubernetes credentials (~/.kube)"),
    (".docker", "Docker credentials (~/.docker)"),
    (".netrc", "network credentials (~/.netrc)"),
    (".git-credentials", "git credentials"),
    (".gitconfig", "global git configuration"),
    (".config/git", "global git configuration"),
    (".gnupg", "GnuPG keys"),
    (".npmrc", "npm credentials"),
    (".pypirc", "PyPI credentials"),
    (".config/gh", "GitHub CLI credentials"),
    (".config/hub", "GitHub credentials"),
    (".claude", "coding agent settings"),
    (".claude.json", "coding agent settings"),
    (".cursor", "coding agent settings"),
    (".gemini", "coding agent settings"),
    (".codex", "coding agent settings"),
    (".copilot", "coding agent settings"),
    (".config/clearance", "clearance's own policy"),
    (".local/state/clearance", "clearance's audit trail"),
    (".config/systemd", "user services (persistence)"),
    (".config/autostart", "autostart entries (persistence)"),
    ("Library/LaunchAgents", "launch agents (persistence)"),
)

# Directory names that, anywhere in a path, hold an agent's or a tool's own
# permission settings.  Writing them lets an agent widen its own permissions.
AGENT_SETTINGS_DIRS = frozenset({".claude", ".cursor", ".gemini", ".codex", ".copilot"})
AGENT_SETTINGS_FILES = frozenset({".clearance.toml", ".mcp.json", ".cursorrules"})

# Files whose contents are credentials; reading them is credential access.
HOME_CREDENTIALS: tuple[tuple[str, str], ...] = (
    (".ssh", "SSH private keys"),
    (".aws/credentials", "AWS credentials"),
    (".aws/sso/cache", "AWS SSO tokens"),
    (".aws/cli/cache", "AWS session tokens"),
    (".config/gcloud", "Google Cloud credentials"),
    (".azure", "Azure tokens"),
    (".kube/config", "Kubernetes credentials"),
    (".docker/config.json", "Docker registry credentials"),
    (".netrc", "network credentials"),
    (".git-credentials", "git credentials"),
    (".config/hub", "GitHub token"),
    (".config/gh/hosts.yml", "GitHub CLI token"),
    (".npmrc", "npm token"),
    (".pypirc", "PyPI token"),
    (".gem/credentials", "RubyGems token"),
    (".cargo/credentials", "crates.io token"),
    (".cargo/credentials.toml", "crates.io token"),
    (".gnupg", "GnuPG private keys"),
    (".password-store", "password store"),
    (".vault-token", "Vault token"),
    (".terraform.d/credentials.tfrc.json", "Terraform Cloud token"),
    (".claude/.credentials.json", "Claude credentials"),
    (".codex/auth.json", "Codex credentials"),
    (".gemini/oauth_creds.json", "Gemini credentials"),
    (".bash_history", "shell history (often holds secrets)"),
    (".zsh_history", "shell history (often holds secrets)"),
    (".local/share/fish/fish_history", "shell history (often holds secrets)"),
    (".psql_history", "database history"),
    (".mysql_history", "database history"),
    (".pgpass", "PostgreSQL passwords"),
    (".my.cnf", "MySQL credentials"),
    (".m2/settings.xml", "Maven repository credentials"),
    (".gradle/gradle.properties", "Gradle credentials"),
    (".s3cfg", "S3 credentials"),
    (".boto", "cloud storage credentials"),
    (".oci", "Oracle Cloud keys"),
    (".databrickscfg", "Databricks token"),
    (".config/rclone/rclone.conf", "rclone remotes' credentials"),
    (".pulumi/credentials.json", "Pulumi token"),
    (".fly/config.yml", "Fly.io token"),
    (".config/op", "1Password CLI session"),
    (".op", "1Password CLI session"),
    (".local/share/keyrings", "desktop keyring"),
    ("Library/Keychains", "macOS keychain"),
    (".mozilla/firefox", "browser passwords and cookies"),
    (".config/google-chrome", "browser passwords and cookies"),
    (".config/chromium", "browser passwords and cookies"),
    (".config/BraveSoftware", "browser passwords and cookies"),
    ("Library/Application Support/Google/Chrome", "browser passwords and cookies"),
    ("Library/Application Support/Firefox", "browser passwords and cookies"),
    ("Library/Cookies", "browser cookies"),
    (".config/Slack", "Slack session"),
    (".wrangler", "Cloudflare token"),
    (".config/heroku", "Heroku token"),
    (".huggingface/token", "Hugging Face token"),
    (".cache/huggingface/token", "Hugging Face token"),
    # Issue 15: keys and token files beyond the first list (also recognised by content where readable).
    (".kube", "Kubernetes credentials (kubeconfigs)"),
    (".config/sops/age", "SOPS age keys"),
    ("Library/Application Support/sops/age", "SOPS age keys"),
    (".bitcoin/wallet.dat", "Bitcoin wallet"),
    (".bitcoin/wallets", "Bitcoin wallet"),
    ("Library/Application Support/Bitcoin/wallets", "Bitcoin wallet"),
    (".electrum/wallets", "Electrum wallet"),
    (".ethereum/keystore", "Ethereum wallet keys"),
    ("Library/Ethereum/keystore", "Ethereum wallet keys"),
    (".config/solana/id.json", "Solana wallet key"),
    (".config/doctl/config.yaml", "DigitalOcean token"),
    ("Library/Application Support/doctl/config.yaml", "DigitalOcean token"),
    (".config/glab-cli/config.yml", "GitLab CLI token"),
    (".config/hcloud/cli.toml", "Hetzner Cloud token"),
    (".config/linode-cli", "Linode token"),
    (".terraformrc", "Terraform Cloud token"),
    (".config/configstore/firebase-tools.json", "Firebase token"),
    (".config/stripe/config.toml", "Stripe keys"),
    (".config/ngrok/ngrok.yml", "ngrok token"),
    (".ngrok2/ngrok.yml", "ngrok token"),
    ("Library/Application Support/ngrok/ngrok.yml", "ngrok token"),
    (".snowflake/connections.toml", "Snowflake credentials"),
    (".dbt/profiles.yml", "dbt warehouse credentials"),
    (".sentryclirc", "Sentry token"),
    (".config/scw/config.yaml", "Scaleway keys"),
    (".aliyun/config.json", "Alibaba Cloud keys"),
    (".bluemix", "IBM Cloud token"),
    (".local/share/com.vercel.cli/auth.json", "Vercel token"),
    ("Library/Application Support/com.vercel.cli/auth.json", "Vercel token"),
    (".config/netlify/config.json", "Netlify token"),
    (".railway/config.json", "Railway token"),
    (".supabase/access-token", "Supabase token"),
    (".composer/auth.json", "Composer credentials"),
    (".config/composer/auth.json", "Composer credentials"),
    (".nuget/NuGet/NuGet.Config", "NuGet credentials"),
)
# Not secret although inside ~/.ssh.
SSH_PUBLIC_NAMES = frozenset({"known_hosts", "known_hosts.old", "config", "authorized_keys"})
SYSTEM_CREDENTIALS = ("/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/ssh/ssh_host_", "/root")
PRIVATE_KEY_NAMES = frozenset({"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk"})

SYSTEM_TOP = frozenset(
    {
        "/bin",
        "/boot",
        "/dev",
        "/etc",
        "/home",
        "/lib",
        "/lib32",
        "/lib64",
        "/libx32",
        "/opt",
        "/proc",
        "/root",
        "/run",
        "/sbin",
        "/srv",
        "/sys",
        "/usr",
        "/var",
        "/Users",
        "/System",
        "/Library",
        "/Applications",
        "/Volumes",
        "/private",
        "/snap",
        "/mnt",
        "/media",
    }
)

# Directory names that hold generated output, caches or dependencies:
# deleting them is ordinary work inside a project.
GENERATED_DIRS = frozenset(
    {
        "node_modules",
        "vendor",
        "dist",
        "build",
        "out",
        ".next",
        ".nuxt",
        ".svelte-kit",
        ".turbo",
        ".parcel-cache",
        ".cache",
        "coverage",
        ".nyc_output",
        "target",
        "__pycache__",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".tox",
        ".nox",
        ".venv",
        "venv",
        ".gradle",
        "obj",
        "tmp",
        "temp",
        ".tmp",
        "logs",
        ".eggs",
        "htmlcov",
        ".angular",
        ".expo",
        "storybook-static",
        ".vercel",
        ".serverless",
        ".dart_tool",
        "DerivedData",
        ".hypothesis",
        ".benchmarks",
        "site",
        "_build",
        ".docusaurus",
        ".vite",
        ".webpack",
        ".eslintcache",
        ".terraform",
        "bin-debug",
        "cmake-build-debug",
        "cmake-build-release",
    }
)
GENERATED_SUFFIXES = (".egg-info", ".pyc", ".pyo", ".o", ".log", ".tmp", ".tsbuildinfo")


def expand_home(value: str, home: str) -> str:
    if value == "~":
        return home
    if value.startswith("~/"):
        return home + value[1:]
    if value.startswith("~"):
        # ~user: another user's home directory.
        user, _, rest = value[1:].partition("/")
        if user and all(c.isalnum() or c in "._-" for c in user):
            base = "/root" if user == "root" else posixpath.join(posixpath.dirname(home) or "/home", user)
            return base + ("/" + rest if rest else "")
    return value


def resolve(value: str, cwd: str, home: str) -> str:
    """Absolute, normalised form of a path word.  DYN parts are kept."""
    v = expand_home(value, home)
    if not v.startswith("/"):
        v = posixpath.join(cwd, v)
    # normpath collapses "a/../b"; a leading "//" is kept by POSIX rules, drop it.
    out = posixpath.normpath(v)
    if out.startswith("//"):
        out = "/" + out.lstrip("/")
    return out


def static_prefix(path: str) -> str:
    """The longest directory prefix of *path* that holds no dynamic or glob part."""
    cut = len(path)
    for ch in (DYN, "*", "?", "["):
        i = path.find(ch)
        if i != -1 and i < cut:
            cut = i
    if cut == len(path):
        return path
    head = path[:cut]
    if head.endswith("/"):
        return head.rstrip("/") or "/"
    return posixpath.dirname(head) or "/"


def is_within(path: str, root: str) -> bool:
    if root == "/":
        return True
    return path == root or path.startswith(root + "/")


def is_dynamic(path: str) -> bool:
    return DYN in path


def has_glob(path: str) -> bool:
    return any(c in path for c in "*?[")


def in_temp(path: str, ctx: Context) -> bool:
    """Inside a temp directory (not the directory itself).

    A home directory that lives inside a temp directory (sandboxes, tests) stays home.
    """
    for t in ctx.tmpdirs:
        if is_within(path, t) and path != t:
            if ctx.home != t and is_within(ctx.home, t) and is_within(path, ctx.home):
                return False
            return True
    return False


def inside_project(path: str, ctx: Context) -> bool:
    return is_within(path, ctx.project_root)


def protected_reason(path: str, ctx: Context) -> str | None:
    """Why writing *path* is never ordinary work, or None."""
    home = ctx.home
    if is_within(path, home):
        rel = path[len(home) + 1 :] if path != home else ""
        for sub, why in HOME_PROTECTED:
            if rel == sub or rel.startswith(sub + "/"):
                return why
    parts = path.split("/")
    for i, part in enumerate(parts):
        if part in AGENT_SETTINGS_DIRS:
            return "coding agent settings (an agent must not widen its own permissions)"
        if part == ".git" and i + 1 < len(parts):
            nxt = parts[i + 1]
            if nxt in ("hooks", "config", "info") or nxt.endswith("config"):
                return "git internals that run code or redirect pushes (.git/" + nxt + ")"
            return "git internals (.git/)"
        if part == ".github" and i + 1 < len(parts) and parts[i + 1] in ("hooks", "copilot"):
            return "coding agent hooks and settings (.github/" + parts[i + 1] + ")"
        if part in ("site-packages", "dist-packages") and (parts[-1].endswith(".pth") or parts[-1] in ("sitecustomize.py", "usercustomize.py")):
            return "Python start-up code (" + parts[-1] + " runs at every interpreter start)"
    if parts[-1] in AGENT_SETTINGS_FILES:
        return "agent or clearance policy file (" + parts[-1] + ")"
    if path.startswith("/etc/sudoers") or path.startswith("/etc/cron") or path.startswith("/etc/systemd"):
        return "system privilege or persistence configuration"
    if path.startswith("/etc/profile") or path in ("/etc/bash.bashrc", "/etc/zshrc", "/etc/environment"):
        return "system-wide shell start-up file"
    return None


def credential_reason(path: str, ctx: Context) -> str | None:
    """Why reading *path* is credential access, or None."""
    home = ctx.home
    base = posixpath.basename(path)
    if path.startswith("/proc/") and base == "environ":
        return "a process's environment (tokens and keys)"
    if is_within(path, home):
        rel = path[len(home) + 1 :] if path != home else ""
        for sub, why in HOME_CREDENTIALS:
            if rel == sub or rel.startswith(sub + "/"):
                if sub == ".ssh":
                    if rel == ".ssh" or base in SSH_PUBLIC_NAMES or base.endswith(".pub"):
                        # Listing the directory or reading public material is fine,
                        # but a glob over it reaches the private keys too.
                        if not has_glob(path) and not is_dynamic(path):
                            return None
                return why
    for p in SYSTEM_CREDENTIALS:
        if path == p or path.startswith(p if p.endswith("_") else p + "/") or (path.startswith(p) and p.endswith("_")):
            return "system secrets (" + p + ")"
    if base in PRIVATE_KEY_NAMES:
        return "an SSH private key"
    if base.endswith((".pem", ".key", ".p12", ".pfx")) and not inside_project(path, ctx):
        return "a private key or certificate bundle outside the project"
    return None


def holds_credentials(directory: str, ctx: Context) -> str | None:
    """Why a recursive read of *directory* reaches credentials, or None."""
    for sub, why in HOME_CREDENTIALS:
        if is_within(ctx.home + "/" + sub, directory):
            return why + " (inside " + display(directory, ctx) + ")"
    if directory in ("/", "/etc", "/root") or is_within(directory, "/root"):
        return "system secrets"
    return None


def is_critical(path: str, ctx: Context) -> bool:
    """The root, a top-level system directory, home, or an ancestor of home or the project."""
    if path == "/" or path in SYSTEM_TOP:
        return True
    return any(is_within(anchor, path) for anchor in (ctx.home, ctx.project_root))


# Per-user caches under home: regenerable, so deleting them is housekeeping, not data loss.
HOME_CACHES = (".cache", "Library/Caches", ".npm", ".cargo/registry/cache", ".gradle/caches", ".m2/repository", ".pnpm-store", ".yarn/cache")


def is_home_cache(path: str, ctx: Context) -> bool:
    if not is_within(path, ctx.home) or path == ctx.home:
        return False
    rel = path[len(ctx.home) + 1 :]
    return any(rel == c or rel.startswith(c + "/") for c in HOME_CACHES)


def is_generated(path: str, root: str = "") -> bool:
    """Build output, cache or dependency directory (anywhere in the path below *root*).

    Only the part below the project root counts: a project that lives in ~/tmp/app or
    /srv/build/app is not itself "generated".
    """
    if root and is_within(path, root):
        path = path[len(root) :]
    for part in path.split("/"):
        if part in GENERATED_DIRS:
            return True
        if part.endswith(GENERATED_SUFFIXES):
            return True
    return False


def display(path: str, ctx: Context) -> str:
    """Short form of a resolved path for messages."""
    p = path.replace(DYN, "…")
    if is_within(p, ctx.project_root) and ctx.project_root != "/" and p != ctx.project_root:
        rel = p[len(ctx.project_root) + 1 :]
        return rel or "."
    if is_within(p, ctx.home):
        return "~" + p[len(ctx.home) :]
    return p
