"""Resolving paths against cwd, project root and home, and saying what they are.

Pure functions of strings: nothing here touches the file system, so a
decision does not depend on what happens to exist on the disk.
"""

from __future__ import annotations

from . import pathstr
from .lazyre import lazy

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
    (".claude.json", "coding agent settings (MCP servers, per-project permissions)"),
    (".config/clearance", "clearance's own policy"),
    (".local/state/clearance", "clearance's audit trail"),
    (".config/systemd", "user services (persistence)"),
    (".config/autostart", "autostart entries (persistence)"),
    ("Library/LaunchAgents", "launch agents (persistence)"),
)

# Directory names that, anywhere in a path (the project's and the user's), hold an agent's
# configuration.  Only part of what is in them decides for the agent (agent_config_reason):
# the settings files with permissions, hooks and MCP servers, the directories of hook scripts,
# plugins, extensions and command-policy rules, and any program the agent itself may run (a
# hook or status-line script).  Instructions, sub-agents, commands, skills and notes (Markdown,
# Gemini's command TOML) change no permission; their front matter can, and is judged by content
# (write.agent-auto-approve).
AGENT_SETTINGS_DIRS = frozenset({".claude", ".cursor", ".gemini", ".codex", ".copilot"})
# Per folder: (files that carry permissions, hooks, MCP servers or auto-approval;
#              sub-directories whose files the agent loads as code or policy).
# Sources: each agent's documentation (Claude Code settings/hooks/plugins, Cursor mcp.json,
# hooks.json and cli.json, Gemini CLI settings.json/trustedFolders.json/extensions/policies,
# Codex config.toml and rules/*.rules (execpolicy), Copilot CLI config.json and mcp-config.json).
AGENT_CONFIG: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    ".claude": (
        frozenset({"settings.json", "settings.local.json", "managed-settings.json", ".mcp.json", "mcp.json", ".credentials.json"}),
        # session-env: the files Claude Code sources before every Bash command of a session (CLAUDE_ENV_FILE):
        # a PATH or alias written there changes what every later command runs.
        frozenset({"hooks", "plugins", "shell-snapshots", "session-env", "bin"}),
    ),
    ".cursor": (
        frozenset({"mcp.json", "hooks.json", "cli.json", "cli-config.json", "permissions.json", "settings.json", "environment.json"}),
        frozenset({"hooks", "extensions", "bin"}),
    ),
    ".gemini": (
        frozenset({"settings.json", "trustedfolders.json", "system-defaults.json", "oauth_creds.json", "google_accounts.json"}),
        frozenset({"extensions", "policies", "hooks", "bin"}),
    ),
    ".codex": (
        # hooks.json: where Codex reads its command hooks, clearance's among them (installer.settings_path).
        frozenset({"config.toml", "hooks.json", "auth.json", "requirements.toml", "managed_config.toml"}),
        frozenset({"rules", "hooks", "bin"}),
    ),
    ".copilot": (
        frozenset({"config.json", "mcp-config.json", "settings.json"}),
        frozenset({"hooks", "bin"}),
    ),
    # Editor folders: only the MCP server list (auto-approve settings are judged by content).
    ".vscode": (frozenset({"mcp.json"}), frozenset()),
}
# Files an agent or the harness may execute: a hook or status-line command.
_AGENT_PROGRAM_SUFFIXES = (".sh", ".bash", ".zsh", ".fish", ".py", ".js", ".mjs", ".cjs", ".ts", ".rb", ".pl", ".php", ".ps1", ".bat", ".cmd", ".exe")
AGENT_SETTINGS_FILES = frozenset({".clearance.toml", ".mcp.json"})

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
    # Tools whose login token lies in a file named like any configuration (a list extension, the last resort:
    # _tool_token_reason knows the names tokens usually have, these do not have them).
    (".config/github-copilot", "GitHub Copilot OAuth tokens"),
    (".netlify/config.json", "Netlify token"),
    # Kaggle's API key file is named for the tool, not for the key (a last-resort entry: no shape tells it apart)
    (".kaggle/kaggle.json", "Kaggle API key"),
    # cloudflared's origin certificate holds the account's private key and API token under a certificate's name
    (".cloudflared/cert.pem", "Cloudflare tunnel origin certificate (key and token)"),
    (".config/kaggle/kaggle.json", "Kaggle API key"),
    (".circleci/cli.yml", "CircleCI token"),
    (".twilio-cli/config.json", "Twilio API keys"),
    (".snowsql/config", "Snowflake passwords"),
    (".talos/config", "Talos client keys"),
    (".gemini/oauth_creds.json", "Gemini credentials"),
    (".bash_history", "an input history (the shell's: often holds typed secrets)"),
    (".zsh_history", "an input history (the shell's: often holds typed secrets)"),
    (".local/share/fish/fish_history", "an input history (the shell's: often holds typed secrets)"),
    (".psql_history", "an input history (the database client's: may hold passwords)"),
    (".mysql_history", "an input history (the database client's: may hold passwords)"),
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
    # mail clients' and CLIs' passwords in their own rc files (list extension: the names say nothing of secrets)
    (".msmtprc", "mail (SMTP) password"),
    (".mbsyncrc", "mail (IMAP) password"),
    (".fetchmailrc", "mail password"),
    (".config/tea/config.yml", "Gitea CLI token"),
    (".influxdbv2/configs", "InfluxDB token"),
    (".config/influxdb", "InfluxDB token"),
    (".composer/auth.json", "Composer credentials"),
    (".config/composer/auth.json", "Composer credentials"),
    (".nuget/NuGet/NuGet.Config", "NuGet credentials"),
    # Round 10: package registries' login tokens beside ~/.npmrc (npmAuthToken, BUNDLE_<HOST>: user:token, repo passwords).
    (".yarnrc.yml", "Yarn registry token"),
    (".bundle/config", "Bundler registry credentials"),
    (".config/helm/repositories.yaml", "Helm repository passwords"),
    # Round miss19 (a list extension: files named for their tool, not for what they hold): MySQL's obfuscated login
    # paths, FileZilla's saved sites (passwords in base64), Remmina's connection files, the Bitwarden CLI's vault
    # data, JFrog CLI's access tokens, flyctl's newer config, the Twilio CLI's newer config.
    (".mylogin.cnf", "MySQL login paths (obfuscated passwords)"),
    (".config/filezilla/sitemanager.xml", "FileZilla saved passwords"),
    (".config/filezilla/recentservers.xml", "FileZilla saved passwords"),
    (".local/share/remmina", "Remmina saved connection passwords"),
    (".config/remmina", "Remmina saved connection passwords"),
    (".config/Bitwarden CLI", "Bitwarden CLI vault data"),
    (".jfrog", "JFrog CLI tokens"),
    (".config/jfrog", "JFrog CLI tokens"),
    (".config/flyctl/config.yml", "Fly.io token"),
    (".config/twilio-cli/config.json", "Twilio API keys"),
)
# Not secret although inside ~/.ssh.
SSH_PUBLIC_NAMES = frozenset({"known_hosts", "known_hosts.old", "config", "authorized_keys", "authorized_keys2", "environment", "rc"})
# Not secret although inside ~/.gnupg: settings, the public keyring and the trust database (gpg(1), gpg-agent(1) FILES);
# private keys live in private-keys-v1.d/ and secring.gpg, revocation certificates in openpgp-revocs.d/.
GNUPG_PUBLIC_NAMES = frozenset(
    {"gpg.conf", "gpg-agent.conf", "dirmngr.conf", "scdaemon.conf", "common.conf", "sshcontrol", "pubring.kbx", "pubring.kbx~"}
    | {"pubring.gpg", "pubring.gpg~", "trustdb.gpg", "tofu.db", "trustlist.txt"}
)
# Notes kept next to keys: a document's name or extension is not a key's (keys are named freely, but not like this).
_DOC_NAMES = ("readme", "notes", "license", "changelog")
_DOC_SUFFIXES = (".md", ".txt", ".rst", ".html", ".org", ".adoc")


def _public_in_key_dir(sub: str, rel: str, base: str) -> bool:
    """Whether *rel* (under HOME), inside the key directory *sub* (.ssh or .gnupg), is by its role not a secret:
    public material, settings, notes."""
    if rel == sub:
        return True  # the directory itself (listing it)
    low = base.lower()
    stem = low.rsplit(".", 1)[0]
    if (low.startswith(_DOC_NAMES) or low.endswith(_DOC_SUFFIXES)) and stem not in PRIVATE_KEY_NAMES and not stem.startswith(("id_", "key")):
        return True  # (id_rsa.txt, key.txt: a key saved under a document's name is still a key)
    if sub == ".ssh":
        # authorized_keys.d/*: the public keys allowed to log in (sshd AuthorizedKeysFile).
        return base in SSH_PUBLIC_NAMES or base.endswith(".pub") or rel.startswith(".ssh/authorized_keys.d/")
    return base in GNUPG_PUBLIC_NAMES and rel == sub + "/" + base


# Last resort (a list): a cluster's admin kubeconfigs and PKI, and the system's TLS private keys.
SYSTEM_CREDENTIALS = (
    "/etc/shadow",
    "/etc/gshadow",
    "/etc/sudoers",
    "/etc/ssh/ssh_host_",
    "/etc/kubernetes/admin.conf",
    "/etc/kubernetes/super-admin.conf",
    "/etc/kubernetes/kubelet.conf",
    "/etc/kubernetes/controller-manager.conf",
    "/etc/kubernetes/scheduler.conf",
    "/etc/kubernetes/pki",
    "/etc/ssl/private",
    "/etc/letsencrypt/live",
    "/etc/letsencrypt/archive",
    # Secrets mounted into a container: Docker and Compose secrets, a Kubernetes pod's service-account token.
    "/run/secrets",
    "/var/run/secrets",
    # The network's own keys and passwords: WireGuard private keys, NetworkManager's Wi-Fi and VPN secrets, IPsec and
    # PPP shared secrets; and k3s's admin kubeconfig (a list entry: no name in these says what they hold).
    "/etc/wireguard",
    "/etc/NetworkManager/system-connections",
    "/etc/ipsec.secrets",
    "/etc/ppp/chap-secrets",
    "/etc/ppp/pap-secrets",
    "/etc/rancher/k3s/k3s.yaml",
    # Round miss19: Kerberos service keys, Tailscale's node keys, k3s's join token, and Kerberos ticket caches
    # (FILE:/tmp/krb5cc_UID, the default; a prefix entry: every user's cache)
    "/etc/krb5.keytab",
    "/var/lib/tailscale",
    "/var/lib/rancher/k3s/server/token",
    "/var/lib/rancher/k3s/server/cred",
    "/tmp/krb5cc_",
)


def _system_credentials(home: str) -> tuple[str, ...]:
    """SYSTEM_CREDENTIALS, whoever runs the agent. /root is not among them: root's home is an account's home like
    /home/alice (_OTHER_HOME), whose keys, cloud credentials and histories the home tables name. Calibration: a user
    who is not root cannot read /root at all (`cat ~root/.bashrc` fails harmlessly); an agent running as root reads it
    as its own or another account's home, where only those credential files are secret. So ~root/.ssh/id_rsa and
    /root/.bash_history stay denied as credential reads (what would be harmful if the read worked) and ~root/.bashrc,
    /root/notes.txt are read as /home/alice/.bashrc is."""
    return SYSTEM_CREDENTIALS


# The prefix scope.Scope.path gives a path on another machine or in a running container.
_REMOTE = "/" + DYN + "remote:"


def public_certificate(base: str) -> bool:
    """A PEM file named for a certificate or its chain and not for a key (cert.pem, fullchain1.pem, client-cert.pem,
    ca-certificate.pem): the public half, which every TLS client is shown."""
    words = [w.rstrip("0123456789") for w in base.lower().removesuffix(".pem").replace("_", "-").replace(".", "-").split("-")]
    return any(w in ("cert", "chain", "fullchain", "certificate", "cacert", "crt") for w in words) and not any(
        w in ("key", "private", "priv", "privkey", "secret", "bundle", "combined", "p12") for w in words
    )


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

_SYSTEM_TOP_FOLDED = frozenset(t.casefold() for t in SYSTEM_TOP)

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
        # test runners' output (table extension, from Playwright's documented defaults: outputDir `test-results`,
        # emptied by Playwright at the start of every run; the HTML reporter's `playwright-report`; `blob-report`)
        "test-results",
        "playwright-report",
        "blob-report",
        # other ecosystems' default build trees and caches, each written only by its tool (table extension, round 14
        # ordinary work): CMake's CMakeFiles and CLion's other profiles, Haskell stack's .stack-work and cabal's
        # dist-newstyle, Zig's caches and zig-out, SwiftPM's .build, CocoaPods' Pods (installed from Podfile.lock),
        # Bazel's convenience links, Jekyll's _site and cache, Jupyter's autosave checkpoints, elm-stuff, Nx's and
        # Astro's and Wrangler's caches, Nitro's .output, the Android NDK's .cxx, pixi's and opam's local environments,
        # Sass's cache, the Kotlin daemon's .kotlin
        "CMakeFiles",
        "cmake-build-relwithdebinfo",
        "cmake-build-minsizerel",
        ".stack-work",
        "dist-newstyle",
        ".zig-cache",
        "zig-cache",
        "zig-out",
        ".build",
        "Pods",
        "bazel-bin",
        "bazel-out",
        "bazel-testlogs",
        "_site",
        ".jekyll-cache",
        ".ipynb_checkpoints",
        "elm-stuff",
        ".nx",
        ".astro",
        ".wrangler",
        ".output",
        ".cxx",
        ".pixi",
        "_opam",
        ".sass-cache",
        ".kotlin",
        # coverage.py's data file (next to htmlcov), rewritten by every run
        ".coverage",
    }
)
GENERATED_SUFFIXES = (".egg-info", ".pyc", ".pyo", ".o", ".log", ".tmp", ".tsbuildinfo")
# A folder named by words that each say "output" (`build-output`, `test-output`, `coverage-report`, `dist-ssr`,
# `out-tsc`, `build_debug`): one of them a word for what a build, a test run or a cache writes (_OUTPUT_WORDS), the
# others what kind of output it is (_OUTPUT_KINDS). A word outside both makes it a source folder (`build-scripts`,
# `build-logic`, `cache-service`, `dist-config`).
_OUTPUT_WORDS = frozenset(
    {"build", "builds", "dist", "out", "output", "outputs", "coverage", "cache", "tmp", "temp", "artifacts", "artefacts", "results", "reports"}
)
_OUTPUT_KINDS = frozenset(
    {"report", "result", "debug", "release", "ssr", "electron", "tsc", "test", "tests", "e2e", "unit", "html", "web"}
    | {"server", "client", "prod", "dev", "local", "ci", "cjs", "esm", "min", "log", "logs", "docs", "storybook", "playwright", "jest", "vitest"}
)


def _output_compound(part: str) -> bool:
    """`build-output`, `dist-ssr`, `coverage_report`: a name of two or more words, every one of them an output word or a
    kind of output, at least one an output word (see _OUTPUT_WORDS)."""
    if "-" not in part and "_" not in part:
        return False
    words = part.lower().replace("_", "-").split("-")
    if len(words) < 2 or not all(w in _OUTPUT_WORDS or w in _OUTPUT_KINDS for w in words):
        return False
    return any(w in _OUTPUT_WORDS for w in words)


def expand_home(value: str, home: str, cwd: str | None = None) -> str:
    if value == "~":
        return home
    if value.startswith("~/"):
        return home + value[1:]
    prefix, _, rest = value[1:].partition("/")
    if value.startswith("~") and (prefix in ("+", "-") or prefix.isdigit() or (prefix[:1] in ("+", "-") and prefix[1:].isdigit())):
        # bash's other tilde prefixes: ~+ is $PWD, ~- is $OLDPWD, ~N, ~+N, ~-N entries of the directory stack (dirs).
        # Only ~+ (and ~0, ~+0: the stack's top is $PWD) is known here; the others are some directory (an unknown
        # absolute path, never a user's home).
        base = cwd if prefix in ("+", "0", "+0") and cwd is not None else "/" + DYN
        return base + ("/" + rest if rest else "")
    if value.startswith("~"):
        # ~user: another user's home directory.
        user, _, rest = value[1:].partition("/")
        if user and all(c.isalnum() or c in "._-" for c in user):
            base = "/root" if user == "root" else pathstr.join(pathstr.dirname(home) or "/home", user)
            return base + ("/" + rest if rest else "")
    return value


def resolve(value: str, cwd: str, home: str) -> str:
    """Absolute, normalised form of a path word.  DYN parts are kept."""
    v = expand_home(value, home, cwd)
    if not v.startswith("/"):
        v = pathstr.join(cwd, v)
    # normpath collapses "a/../b"; a leading "//" is kept by POSIX rules, drop it.
    out = pathstr.normpath(v)
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
    return pathstr.dirname(head) or "/"


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
    for t in (*ctx.tmpdirs, darwin_user_temp(path)):
        if t and is_within(path, t) and path != t:
            if ctx.home != t and is_within(ctx.home, t) and is_within(path, ctx.home):
                return False
            return True
    return False


def is_temp_root(path: str, ctx: Context) -> bool:
    """A temp directory itself (/tmp, /var/tmp, $TMPDIR, macOS's per-user one): what is written *into* it (`tar -C
    /tmp`, `unzip -d /var/tmp`) lands inside temp, though the directory is not in_temp."""
    return path in ctx.tmpdirs or (path.startswith(("/var/folders/", "/private/var/folders/")) and darwin_user_temp(path + "/x") == path)


def darwin_user_temp(path: str) -> str:
    """The macOS per-user temp directory a path lies in, by the shape macOS gives it (`/var/folders/XX/NAME/T`, also
    under `/private`: what `$TMPDIR` and `mktemp` answer there), else "".  Known without `$TMPDIR`, which the team
    service and the eval replay do not have; the directory's siblings (`C` caches, `0`) are not temp."""
    if not path.startswith(("/var/folders/", "/private/var/folders/")):
        return ""
    parts = path.split("/")
    i = 3 if parts[1] == "var" else 4  # ['', 'var', 'folders', XX, NAME, 'T', …]
    if len(parts) <= i + 2 or len(parts[i]) != 2 or not parts[i + 1] or parts[i + 1] in (".", "..") or parts[i] in (".", ".."):
        return ""
    if parts[i + 2] != "T":
        return ""
    return "/".join(parts[: i + 3])


def inside_project(path: str, ctx: Context) -> bool:
    return is_within(path, ctx.project_root)


def _leads_to(path: str, ctx: Context, follow: bool = True) -> str | None:
    """Where *path* really leads when a symlink redirects it (ctx.realpath, the I/O edge), else None.

    Without *follow*, a symlink in the last component is not followed: deleting or moving a
    link removes the link, not what it points to.
    """
    rp = ctx.realpath
    if rp is None or not path.startswith("/") or path == "/" or DYN in path or has_glob(path):
        return None
    if follow:
        real = rp(path)
    else:
        head, _, base = path.rpartition("/")
        real = (rp(head) if head else "").rstrip("/") + "/" + base
    return real if real and real != path else None


def protected_reason(path: str, ctx: Context, follow: bool = True) -> str | None:
    """Why writing *path* is never ordinary work, or None.

    Compared the way the file system compares names (case_insensitive): on macOS
    ``.Git/config`` and ``~/.SSH/x`` are the protected files.  A path that a symlink
    leads elsewhere is judged by where it leads, too.
    """
    why = _protected_reason(path, ctx)
    if why is None:
        real = _leads_to(path, ctx, follow)
        if real is not None:
            why = _protected_reason(real, ctx)
            if why is not None:
                why += " (through a symlink to " + display(real, ctx) + ")"
    return why


_PART_REASONS = frozenset(AGENT_CONFIG).union((".git", ".github", "site-packages", "dist-packages"))


def _protected_reason(path: str, ctx: Context) -> str | None:
    path, home, _, ci = _folded(path, ctx)
    if is_within(path, home):
        rel = path[len(home) + 1 :] if path != home else ""
        k = _first_under(rel, HOME_PROTECTED, ci)
        if k >= 0:
            return HOME_PROTECTED[k][1]
    # The session's transcript: clearance's reviewer reads its user turns as what the user said (other sessions'
    # transcripts stay ordinary files outside the project: tools that import or convert sessions write them).
    tp = ctx.transcript_path
    if tp and path == (fold(tp) if ci else tp):
        return "this session's transcript (clearance's reviewer reads its user turns as the user's own words)"
    own = _clearance_owned(path, ctx, False) if not path.startswith("/" + DYN) else None
    if own is not None:
        return own
    if ctx.read_file is not None and ctx.project_root not in ("", "/") and is_within(path, fold(ctx.project_root) if ci else ctx.project_root):
        run = settings_run_reason(path, ctx, ci)
        if run is not None:
            return run
    for real, folder, kind in owned_paths(ctx):
        if kind == AGENT_ALIAS and is_within(path, fold(real) if ci else real):
            rest = path[len(real) + 1 :].split("/") if path != real else []
            if folder == ".git":
                # The project's git directory moved out of a `.git` folder (context._moved_git_dirs): judged as `.git/`.
                git_why = _git_internals_reason(rest)
                return git_why + " (" + display(real, ctx) + " is the project's git directory)" if git_why else None
            alias_why = agent_config_reason(folder, rest)
            if alias_why is not None:
                return alias_why + " (" + display(real, ctx) + " is ~/" + folder + ")"
    parts = path.split("/")
    # Only these names start a reason below: a path of 800 other names is not walked name by name (issue 16, adv16b:
    # each command of a `cd` chain is checked in its ever longer working directory).
    for i, part in enumerate(parts) if not _PART_REASONS.isdisjoint(parts) else ():
        if part in AGENT_CONFIG and "~" not in parts[:i]:
            # (Not below a folder named `~`: `open('~/.claude/settings.json', 'w')` in Python, Node, Ruby or Deno makes
            # `./~/.claude/…`, since only a shell reads `~` as home; no agent starts in a folder named `~`.)
            agent_why = agent_config_reason(part, parts[i + 1 :])
            if agent_why is not None:
                return agent_why
        if part == ".git" and i + 1 < len(parts):
            return _git_internals_reason(parts[i + 1 :])
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


def _git_internals_reason(rest: list[str]) -> str | None:
    """Why writing *rest* inside a repository's git directory is protected (None for the directory itself)."""
    rest = [r for r in rest if r]
    if not rest:
        return None
    nxt = rest[0]
    if nxt in ("hooks", "config", "info") or nxt.endswith("config"):
        return "git internals that run code or redirect pushes (.git/" + nxt + ")"
    return "git internals (.git/)"


# protected_reason's reasons for what decides for an agent or for clearance itself (an agent's settings, hooks and the
# programs they run, clearance's policy and state, git's hooks and config), as against credentials and start-up files.
_SELF_REASONS = ("coding agent", "a program in ", "agent or clearance policy", "clearance's", "git internals that run code")


def self_protected_reason(path: str, ctx: Context) -> str | None:
    """Why writing *path* changes what an agent may do or blinds clearance, or None: the part of protected_reason
    (and clearance_owned) that no program's argument is let near unasked unless the program is known only to read it."""
    why = protected_reason(path, ctx)
    if why is not None and why.startswith(_SELF_REASONS):
        return why
    return clearance_owned(path, ctx) if DYN not in path else None


# The agents' project settings files whose entries are commands the agent itself runs, outside any hook: hooks (Claude
# Code, Codex, Gemini CLI, Cursor, Copilot CLI's `bash`/`powershell`), Claude Code's status line and credential helpers,
# Gemini CLI's tool discovery and call commands. MCP servers are not among them (a project's own server is code the
# agent develops: its tools go through the hook).
SETTINGS_RUN_FILES = (".claude/settings.json", ".claude/settings.local.json", ".codex/hooks.json", ".gemini/settings.json", ".cursor/hooks.json")
_RUN_KEYS = frozenset(
    {"command", "bash", "powershell", "apiKeyHelper", "awsAuthRefresh", "awsCredentialExport", "otelHeadersHelper", "discoveryCommand", "callCommand"}
)
_RUN_KEY_HINTS = ('"command"', '"bash"', '"powershell"', "Helper", "awsAuthRefresh", "awsCredentialExport", "Command")
_SKIPPED_SUBTREES = frozenset({"mcpServers", "servers", "mcp"})
# What runs a file given as its first operand: the shells and interpreters a settings command names.
_FILE_RUNNERS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "fish", "source", ".", "pwsh"}) | frozenset(
    {"python", "python3", "node", "nodejs", "deno", "bun", "ruby", "perl", "php", "tsx", "ts-node", "uv", "npx", "bunx"}
)
_RUN_MEMO: dict[tuple[str, str], tuple[frozenset[str], tuple[str, ...]]] = {}
_RUN_LAST: list[tuple[object, str, frozenset[str], tuple[tuple[str, str, str], ...]] | None] = [None]
# Package managers and runners whose command names an entry of a file that holds its text (hookscripts.entries).
_SCRIPT_RUNNERS = ("npm", "pnpm", "yarn", "bun", "make", "gmake", "just")


def _run_values(value: object, key: str = "", depth: int = 0) -> list[str]:
    if depth > 12:
        return []
    if isinstance(value, dict):
        out: list[str] = []
        for k, v in value.items():
            if k not in _SKIPPED_SUBTREES:
                out += _run_values(v, str(k), depth + 1)
        return out
    if isinstance(value, list):
        return [s for v in value[:256] for s in _run_values(v, key, depth + 1)]
    return [value] if isinstance(value, str) and key in _RUN_KEYS else []


def _command_files(command: str, root: str, home: str) -> list[str]:
    """The files a settings command line runs: its first word when that is a path, or the first operand of a shell or an
    interpreter (`bash scripts/format.sh`, `python3 "$CLAUDE_PROJECT_DIR/tools/status.py"`, `uv run x.py`)."""
    for var in ("${CLAUDE_PROJECT_DIR}", "$CLAUDE_PROJECT_DIR", "${GEMINI_PROJECT_DIR}", "$GEMINI_PROJECT_DIR", "${CURSOR_PROJECT_DIR}", "$CURSOR_PROJECT_DIR"):
        command = command.replace(var, root)
    words = [w.replace('"', "").replace("'", "") for w in command.replace(";", " ; ").replace("&&", " && ").replace("|", " | ").split()[:64]]
    out: list[str] = []
    start = True
    runner = False
    for w in words:
        if w in (";", "&&", "||", "|", "&"):
            start, runner = True, False
            continue
        if start:
            start = False
            if "=" in w and "/" not in w.split("=", 1)[0]:
                start = True  # VAR=value before the program
                continue
            if "/" in w:
                out.append(w)
            elif w.rpartition("/")[2] in _FILE_RUNNERS:
                runner = True
            continue
        if runner and w in ("-m", "-c", "-e", "--eval", "-p", "--print"):
            runner = False  # a module or code on the line, no file (`python3 -m black .`, `node -e CODE`)
        elif runner and not w.startswith("-") and ("/" in w or "." in w):
            out.append(w)  # (a bare word is a subcommand or a program: `uv run x.py`, `npx tsx tools/x.ts`)
            runner = False
    paths = []
    for w in out:
        if w.startswith("~/"):
            w = pathstr.join(home, w[2:])
        elif w.startswith("$HOME/"):
            w = pathstr.join(home, w[6:])
        if DYN in w or "$" in w or w.endswith("/") or w.rpartition("/")[2] in ("", ".", ".."):
            continue  # a folder (`prettier --write .`) is what the program works on, not the program
        p = pathstr.normpath(w if w.startswith("/") else pathstr.join(root, w))
        if p != root and not is_within(root, p):
            paths.append(p)
    return paths


def settings_run_files(ctx: Context) -> frozenset[str]:
    """The project files the agents' project settings run as commands outside any hook (SETTINGS_RUN_FILES): the
    programs their commands name, the programs the package scripts, make targets and just recipes they run name, and
    the local modules each of those programs imports (fix19a: they run with it)."""
    return _settings_run(ctx)[0]


def settings_run_scripts(ctx: Context) -> tuple[tuple[str, str, str], ...]:
    """(defining file, kind, entry) of each package script, make target or just recipe the agents' project settings
    run (`npm run lint` in a hook: package.json's "lint"): its text runs outside any hook (hookscripts.entries)."""
    return _settings_run(ctx)[1]


def _settings_run(ctx: Context) -> tuple[frozenset[str], tuple[tuple[str, str, str], ...]]:
    root = ctx.project_root
    reader = ctx.read_file
    if reader is None:
        return frozenset(), ()
    last = _RUN_LAST[0]
    if last is not None and last[0] is reader and last[1] == root:
        return last[2], last[3]  # one decision asks for every path it judges: the reader (one per decision) keys it
    found: set[str] = set()
    commands: list[str] = []
    lister = ctx.list_dir
    top = lister(root) if lister is not None else None
    # Only the agents' folders the project holds are read (most projects have none: one listing, no reads); a project
    # that cannot be listed has none to read (tests/test_code_convention: an ordinary command reads no file).
    present = frozenset(top or ())
    names = [n for n in SETTINGS_RUN_FILES if n.split("/", 1)[0] in present]
    if ".github" in present and lister is not None:
        listed = lister(pathstr.join(root, ".github/hooks"))
        names += [".github/hooks/" + n for n in sorted(listed or [])[:16] if n.endswith(".json")]  # Copilot CLI's hook files
    for name in names:
        text = reader(pathstr.join(root, name))
        if not text or "\x00" in text[:64] or not any(h in text for h in _RUN_KEY_HINTS):
            continue
        got = _RUN_MEMO.get((root, text))
        if got is None:
            from .jsonc import loads_jsonc

            try:
                data = loads_jsonc(text)
            except (ValueError, RecursionError):
                data = None
            values = _run_values(data)[:256]
            runs = tuple(c for c in values if any(r in c for r in _SCRIPT_RUNNERS))
            got = (frozenset(f for c in values for f in _command_files(c, root, ctx.home)), runs)
            if len(_RUN_MEMO) > 16:
                _RUN_MEMO.clear()
            _RUN_MEMO[(root, text)] = got
        found |= got[0]
        commands += got[1]
    scripts: list[tuple[str, str, str]] = []
    if found or commands:
        # What runs beyond the settings' own words is read from the disk for each decision (it changes between them).
        from .hookscripts import entries, entry_commands, imported_modules
        from .model import TOO_LARGE

        for c in commands[:16]:
            for f, kind, name in entries(c, root, reader):
                if not is_within(f, root) or (f, kind, name) in scripts:
                    continue
                scripts.append((f, kind, name))
                text = reader(f)
                if text and text != TOO_LARGE:
                    found |= {p for line in entry_commands(kind, text, name)[:32] for p in _command_files(line, root, ctx.home)}
        for program in sorted(found)[:16]:
            found |= {m for m in imported_modules(program, root, reader, ctx.list_dir)[:32] if is_within(m, root)}
    result = frozenset(found)
    _RUN_LAST[0] = (reader, root, result, tuple(scripts))
    return result, tuple(scripts)


def settings_run_reason(path: str, ctx: Context, ci: bool = False) -> str | None:
    """Why writing *path* changes a program the agent's settings run outside any check, or None (adversarial round 18a:
    a project's `scripts/format.sh` named by a PostToolUse hook, or `tools/status.py` by the status line, rewritten with
    text clearance never read -- `base64 -d p > scripts/format.sh` -- ran at the next tool call with no command to judge)."""
    root = fold(ctx.project_root) if ci else ctx.project_root
    for f in settings_run_files(ctx):
        f = fold(f) if ci else f
        if path == f:
            return "a program the agent's project settings run as a hook, status line or helper (its text runs outside any check)"
        if path != root and is_within(f, path):
            # A folder holding it, moved, replaced or deleted (`mv /tmp/evil scripts`): the program is replaced with it.
            return "a folder holding a program the agent's project settings run as a hook, status line or helper (" + display(f, ctx) + ")"
    return None


def agent_config_reason(folder: str, rest: list[str]) -> str | None:
    """Why writing *rest* inside an agent's *folder* (``.claude`` …) changes what the agent may do, or None.

    Names are compared lower-case (the callers fold paths on case-insensitive file systems;
    the table holds lower-case names)."""
    files, dirs = AGENT_CONFIG[folder]
    agent = folder in AGENT_SETTINGS_DIRS
    rest = [r for r in rest if r]
    if not rest:
        # The folder itself: deleting, moving or replacing it replaces its settings.
        return "coding agent settings (" + folder + "/ holds the agent's permissions and hooks)" if agent else None
    name = rest[-1]
    low = name.lower()
    if DYN in "/".join(rest) or (agent and any(has_glob(r) for r in rest)):
        return "coding agent settings (a path in " + folder + "/ only known at run time)" if agent else None
    if len(rest) == 1 and low in files:
        return "coding agent settings (" + folder + "/" + name + ": permissions, hooks or MCP servers)"
    if not agent:
        return None
    if rest[0].lower() in dirs:
        return "coding agent settings (" + folder + "/" + rest[0] + "/ holds code or policy the agent loads)"
    if low.endswith(_AGENT_PROGRAM_SUFFIXES):
        return "a program in " + folder + "/ (hook and status-line commands run it outside any check)"
    return None


def credential_reason(path: str, ctx: Context) -> str | None:
    """Why reading *path* is credential access, or None (compared as the file system compares names;
    a symlink is judged by where it leads, too)."""
    why = _credential_reason(path, ctx)
    if why is None:
        real = _leads_to(path, ctx)
        if real is not None:
            why = _credential_reason(real, ctx)
            if why is not None:
                why += " (through a symlink to " + display(real, ctx) + ")"
    return why


# The process ids whose memory holds the agent's own secrets: the reading process itself (it inherits the agent's
# environment, its keys included) and a thread of it.
_SELF_PROCS = frozenset({"self", "thread-self"})


def process_memory_pid(path: str) -> str | None:
    """The process whose memory *path* is (`/proc/PID/mem`, `/proc/PID/task/TID/mem`), or None."""
    parts = path.split("/")
    if len(parts) == 4 and parts[:2] == ["", "proc"] and parts[3] == "mem":
        return parts[2]
    if len(parts) == 6 and parts[:2] == ["", "proc"] and parts[3] == "task" and parts[5] == "mem":
        return parts[2]
    return None


def _process_memory(path: str, ctx: Context) -> str | None:
    """Why reading another process's memory through /proc is reading secrets, or None: it is the memory of the reading
    process itself (which holds the agent's environment, keys included), of a process only known at run time ($$,
    $PPID, a loop's variable: the agent's own shell or the agent), or of one of clearance's running processes (its keys,
    its environment's secrets). Another process named by its id is asked (sys.process-memory): the same access as
    attaching a debugger to it (ptrace's access check)."""
    pid = process_memory_pid(path)
    if pid is None:
        return None
    if pid in _SELF_PROCS or DYN in pid or has_glob(pid):
        return "a process's memory (the environment it inherited from the agent, tokens and keys)"
    if pid.isdigit() and ctx.processes is not None:
        for proc in ctx.processes():
            if str(proc[0]) == pid:
                return "clearance's own process memory (its keys, its environment's secrets)"
    return None


def _credential_reason(path: str, ctx: Context) -> str | None:
    path, home, root, ci = _folded(path, ctx)
    base = pathstr.basename(path)
    if path.startswith("/proc/") and base == "environ":
        return "a process's environment (tokens and keys)"
    if path.startswith("/proc/") and base == "mem":
        mem = _process_memory(path, ctx)
        if mem is not None:
            return mem
    own = clearance_secret(path, ctx)
    if own is not None:
        return own
    if is_within(path, home):
        found = _home_credential(path[len(home) + 1 :] if path != home else "", path, ci)
        if found is not None:
            return found or None
    else:
        # Another account's home (/home/alice, /root, a service's /var/lib/NAME): the same files hold its secrets.
        other = _OTHER_HOME.match(path)
        if other is not None:
            found = _home_credential(path[other.end() :], path, ci)
            if found is not None:
                return found or None
    # A credential dot-file or dot-folder wherever it lies (a project's .boto, .pypirc, .aws/credentials, a
    # container's /srv/app/.ssh/id_rsa): the tools that write them write the same names wherever HOME points.
    parts = path.split("/")
    for i in range(len(parts) - 1, 0, -1):
        if parts[i].startswith(".") and (i == len(parts) - 1 or parts[i] not in _DOT_SEGMENTS_NOT_SECRET):
            rel = "/".join(parts[i:])
            k = _first_under(rel, HOME_CREDENTIALS, ci)
            if k >= 0 and HOME_CREDENTIALS[k][0].startswith(".") and not (rel in _PROJECT_CONFIG_NAMES and is_within(path, root)):
                found = _home_credential(rel, path, ci)
                if found:
                    return found
    system = _system_credentials(home)
    # certbot's cert.pem, chain.pem, fullchain.pem beside privkey.pem: the public half, what every TLS client is shown
    # (not in a folder for private material, /etc/ssl/private, where any file is a key)
    public_cert = base.endswith(".pem") and public_certificate(base) and "/private/" not in path
    # on another machine or in a container (`ssh prod cat /etc/shadow`, `docker exec api cat /run/secrets/db`), its
    # system secrets are where they are here
    there = path[len(_REMOTE) :] if path.startswith(_REMOTE) else path
    for p in system if there.startswith(system) and not public_cert else ():  # each match starts with its entry
        if there == p or there.startswith(p if p.endswith("_") else p + "/") or (there.startswith(p) and p.endswith("_")):
            return "system secrets (" + p + ")"
    if base in PRIVATE_KEY_NAMES:
        # Inside the project an id_rsa is the project's own key, judged like its server.key (only its printing), and
        # in its test material a fixture, as tests/fixtures/server.key is.
        if not is_within(path, root):
            return "an SSH private key"
        return None if _in_fixtures(path[len(root) :], ci) else PROJECT_KEY + " (" + base + ")"
    if base.endswith((".pem", ".key", ".p12", ".pfx")) and not is_within(path, root) and not public_cert:
        return "a private key or certificate bundle outside the project"
    if is_within(path, root) and _project_key_file(path[len(root) :], ci):
        return PROJECT_KEY + " (" + base + ")"
    return None


# A file named for the secret it holds (vault_pass.txt, aws-secret.txt, github-token, db_password.json, .api_key):
# a word of its name is a secret noun and its extension is a data file's (or none), not source or documentation
# (creds.read-secret-named asks: the name says what the file is for, not that it holds one). /etc/passwd is public.
_SECRET_NAME_WORDS = frozenset(
    {"secret", "secrets", "password", "passwords", "pass", "token", "tokens", "credential", "credentials"}
    | {"creds", "apikey", "apikeys", "privatekey"}
)  # fmt: skip
_DATA_EXTENSIONS = frozenset({"", "txt", "json", "yml", "yaml", "toml", "ini", "conf", "cfg", "env", "properties", "key", "dat", "b64"})
# Trees whose files are examples, tests or documentation rather than someone's secrets.
_NOT_SECRET_SEGMENTS = frozenset(
    {"test", "tests", "fixtures", "spec", "specs", "examples", "example", "docs", "doc", "node_modules", "vendor", "site-packages", "dist-packages"}
)
# Folders named for what they keep (~/secrets/db.env, ~/.credentials/prod.json).
_SECRET_FOLDERS = frozenset({"secret", "secrets", "credentials", "creds", "passwords", "tokens"})


def secret_named(path: str) -> bool:
    if path.startswith(("/usr/", "/tmp/", "/var/", "/private/", "/opt/homebrew/", "/lib", "/proc/", "/sys/", "/run/", "/nix/", "/snap/")):
        # packages' and the system's own state (Debian's /var/lib/pam/password is pam-auth-update's record), temp
        return False
    parts = path.lower().split("/")
    if any(p in _NOT_SECRET_SEGMENTS for p in parts[:-1]):
        return False
    if any(_secret_folder(p) for p in parts[1:-1]):
        return True
    base = parts[-1].lstrip(".")
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    if ext not in _DATA_EXTENSIONS:
        return False
    words = stem.replace("-", "_").replace(".", "_").split("_")
    if any(w in _SECRET_NAME_WORDS for w in words) or (len(words) > 1 and any(words[i] + words[i + 1] in _SECRET_NAME_WORDS for i in range(len(words) - 1))):
        return True
    # the secret noun glued after what it is for (~/.smbcredentials, awscreds.json): the last word ends in it
    last = words[-1]
    return any(last.endswith(n) and len(last) > len(n) + 1 and last[: -len(n)] not in _NOT_REAL for n in _GLUED_SECRET_ENDINGS)


# Secret nouns a name may end in with what they are for glued before them (smbcredentials, dbcreds).
_GLUED_SECRET_ENDINGS = ("credentials", "credential", "creds")
# What says a secret's name is not a real one (test-credentials, fake_secrets, nocreds).
_NOT_REAL = frozenset({"test", "tests", "fake", "dummy", "example", "examples", "sample", "samples", "mock", "no", "demo"})


def _secret_folder(part: str) -> bool:
    """A folder named for what it keeps: `secrets`, `.credentials`, or such a noun ending a compound name
    (`.near-credentials`, `api_tokens`, `prod-secrets`)."""
    name = part.lstrip(".")
    if name in _SECRET_FOLDERS:
        return True
    head, _, last = name.replace("_", "-").rpartition("-")
    return bool(head) and last in _SECRET_FOLDERS and head.rpartition("-")[2] not in _NOT_REAL


# The reason given for a private key inside the project (creds.read-secret-file judges only its printing: a project
# copies and archives its own keys as ordinary work; sending one away is judged wherever it goes).
PROJECT_KEY = "a private key in the project"
# How every reason for a program's input history begins (the shells', the database clients', the REPLs', an agent's
# prompt history): creds.read-history asks before one is read unless its text is known to hold a secret.
HISTORY = "an input history"


def _home_credential(rel: str, path: str, ci: bool) -> str | None:
    """Why *rel* (relative to some account's home) is a credential: the reason, "" when it is public material
    inside a credential folder (a decided no), None when the tables do not know it."""
    base = pathstr.basename(path)
    k = _first_under(rel, HOME_CREDENTIALS, ci)
    if k >= 0:
        sub, why = HOME_CREDENTIALS[k]
        if sub in (".ssh", ".gnupg") and _public_in_key_dir(sub, rel, base):
            # Listing the directory or reading public material is fine,
            # but a glob over it reaches the private keys too.
            if not has_glob(path) and not is_dynamic(path):
                return ""
        return why
    return _tool_token_reason(rel, ci) or _tool_key_folder(rel, ci) or _browser_store(rel, ci) or _history_file(rel, ci)


# A program's history of what was typed into it, by the name the programs give it (round miss19): the shells', the
# REPLs' and the database clients' (`.python_history`, `.node_repl_history`, `.rediscli_history` -- redis AUTH
# passwords --, `.sqlite_history`, `.irb_history`, `.Rhistory`, zsh's `.histfile`/`.zhistory`, mongosh's
# `mongosh_repl_history`, atuin's and IPython's history databases). Passwords and tokens typed or pasted at a prompt
# stay in them; the table above named a few.
_HISTORY_NAMES = frozenset({"histfile", "zhistory", "history", "lesshst", "history.db", "history.sqlite", "repl_history.jl"})


def _history_file(rel: str, ci: bool) -> str | None:
    parts = rel.split("/")
    if not parts[0].startswith(".") and parts[0] not in ("Library", "AppData"):
        return None  # a file the user keeps in the home folder's visible folders (~/notes/history.txt) is their own
    name = parts[-1].lower().lstrip(".")  # the shape is read whatever the case (R's .Rhistory)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if name in _HISTORY_NAMES or stem.endswith(("_history", "-history")) or stem in ("history", "rhistory"):
        return f"{HISTORY} ({rel}: often holds typed passwords and tokens)"
    return None


# The files a browser engine keeps an application's saved passwords, cookies and their key in, named by the engine
# whatever the application (round 18b): Gecko's (Firefox, Thunderbird, LibreWolf, Waterfox, SeaMonkey: logins.json with
# key4.db, the older key3.db/signons.sqlite, cookies.sqlite) and Chromium's (Chrome, Edge, Vivaldi, Opera, Brave and
# Electron applications: "Login Data", "Cookies", "Web Data", and "Local State", which holds the key their values are
# encrypted with). The table above named a few browsers' folders; any other profile was read freely.
_BROWSER_STORES = frozenset(
    {"logins.json", "key4.db", "key3.db", "signons.sqlite", "cookies.sqlite", "login data", "login data for account", "cookies", "web data", "local state"}
)


def _browser_store(rel: str, ci: bool) -> str | None:
    """A browser engine's credential store in an application's profile under the home folder (two folders deep at
    least: ~/.thunderbird/PROFILE/logins.json, ~/.config/vivaldi/Default/Login Data), or None."""
    parts = rel.split("/")
    if len(parts) < 3 or not parts[0].startswith((".", "Library", "snap", "AppData")):
        return None
    if parts[-1].lower() not in _BROWSER_STORES:
        return None
    return f"saved passwords, cookies or their key of a browser engine's profile ({'/'.join(parts[:-1])})"


# The folder a tool keeps its private keys in, named so (Teleport's ~/.tsh/keys/PROXY/USER, a wallet's or an agent's
# ~/.NAME/keys/, ~/.config/NAME/private/): what is in it is key material, whatever the files are called; certificates and
# public halves beside them are not.
_KEY_FOLDERS = frozenset({"keys", "private", "private-keys", "private_keys"})


def _tool_key_folder(rel: str, ci: bool) -> str | None:
    parts = [p.lower() if ci else p for p in rel.split("/") if p]
    if len(parts) < 3 or not parts[0].startswith("."):
        return None
    at = 2 if parts[0] == ".config" else 3 if parts[:2] == [".local", "share"] else 1
    if parts[0] in _DOT_SEGMENTS_NOT_SECRET or len(parts) <= at + 1 or parts[at] not in _KEY_FOLDERS:
        return None
    if parts[-1].endswith((".pub", ".crt", ".cer", "-cert.pem", ".cert")) or parts[-1] in ("known_hosts", "README", "README.md"):
        return None
    return "a tool's private key folder (" + "/".join(parts[: at + 1]) + ")"


# Homes of other accounts: /home/NAME, /Users/NAME, /root, and a service account's /var/lib/NAME.
_OTHER_HOME = lazy(r"^(?:/home/[^/]+|/Users/[^/]+|/root|/var/lib/[^/]+)/", 0)
# Dot-folders that are not an account's home-style layout: a credential name under them means nothing.
_DOT_SEGMENTS_NOT_SECRET = frozenset({".git", ".cache", ".venv", ".tox", ".mypy_cache", ".pytest_cache", ".next", ".nuxt"})
# Credential names a project commits as its own configuration (a project's .npmrc names registries; a token in
# it is read by content where clearance may read the file).
_PROJECT_CONFIG_NAMES = frozenset({".npmrc", ".yarnrc.yml", ".bundle/config"})
# Directories of a project whose files are test material, not the project's own secrets.
_FIXTURE_DIRS = frozenset({"test", "tests", "testdata", "test-data", "fixtures", "__fixtures__", "testing", "spec", "examples", "example", "samples", "mocks"})


def _in_fixtures(rel: str, ci: bool) -> bool:
    """A project path (relative to its root) in the project's test material: a folder on the way is a test folder."""
    segs = [s.lower() if ci else s for s in rel.split("/") if s]
    return any(s.lower() in _FIXTURE_DIRS for s in segs[:-1])


def _project_key_file(rel: str, ci: bool) -> bool:
    """A private key inside the project, by its name (``certs/server.key``, ``tls/privkey.pem``, ``app.p12``), outside its
    test material (``tests/fixtures/server.key`` is a fixture): a key by name is a key wherever it is."""
    segs = [s.lower() if ci else s for s in rel.split("/") if s]
    if not segs or _in_fixtures(rel, ci):
        return False
    base = segs[-1].lower()
    if base.endswith((".key", ".p12", ".pfx")):
        return not base.endswith((".pub.key", ".public.key"))
    return base.endswith(".pem") and ("key" in base or "private" in base) and "pub" not in base


# The names command-line tools give the file that holds their login (a token or key), in the tool's own folder
# in home: ~/.config/TOOL/NAME, ~/.local/share/TOOL/NAME, ~/.TOOL/NAME.  HOME_CREDENTIALS names the known tools;
# this covers the ones it does not know by the shape every such tool shares.
_TOOL_TOKEN_NAMES = frozenset(
    {"auth.json", "credentials", "credentials.json", "token", "token.json", "tokens.json", "access-token", "access_token", ".credentials.json"}
    # sbt's and Ivy's ~/.ivy2/.credentials, a session token kept as a file, a tool's bare key (atuin's key)
    | {".credentials", "session_token", "session-token", "key"}
)
# Extensions that say the file is a login, whatever its stem (tccli's default.credential, NAME.credentials).
_CREDENTIAL_EXTENSIONS = frozenset({"credential", "credentials"})


# The same names in any configuration format (pypoetry's auth.toml, a CLI's credentials.yaml).
_TOOL_TOKEN_STEMS = frozenset(
    {"auth", "credentials", "token", "tokens", "access-token", "access_token", "oauth", "oauth_token", "oauth_creds"}
    # key material by the names key tools give it: age's keys.txt, a wallet's id.json or keypair.json, api keys
    | {"keys", "keypair", "id", "wallet", "secret", "secrets", "apikey", "api_key", "api-key", "private_key", "private-key"}
    # GitHub's CLIs keep their OAuth token in hosts.yml / hosts.json (gh, copilot)
    | {"hosts"}
)
_CONFIG_EXTENSIONS = frozenset({"json", "toml", "yaml", "yml", "ini", "cfg", "conf", "txt"})


def _tool_token_reason(rel: str, ci: bool) -> str | None:
    parts = rel.split("/")
    name = parts[-1].lower() if ci else parts[-1]
    stem, dot, ext = name.rpartition(".")
    if (
        name not in _TOOL_TOKEN_NAMES
        and not (dot and stem in _TOOL_TOKEN_STEMS and ext in _CONFIG_EXTENSIONS)
        and not (dot and stem and ext in _CREDENTIAL_EXTENSIONS)
    ):
        return None
    if not in_tool_folder(parts, ci):
        return None
    return "a tool's login token (" + "/".join(parts[:-1]) + "/" + parts[-1] + ")"


def in_tool_folder(parts: list[str], ci: bool) -> bool:
    """Whether a path relative to home (split on "/") is a file of one tool's own folder: ~/.NAME/F, ~/.NAME/SUB/F
    (not in shared caches), ~/.config/NAME/F, ~/.local/share/NAME/F."""
    first = parts[0].lower() if ci else parts[0]
    return (
        (first == ".config" and len(parts) == 3)
        or (first == ".local" and len(parts) == 4 and parts[1] == "share")
        or (first.startswith(".") and first not in (".config", ".local") and len(parts) == 2)
        # one level deeper in a tool's own dot-folder (~/.sops/age/keys.txt), not in shared caches
        or (first.startswith(".") and first not in (".config", ".local", ".cache", ".npm", ".cargo", ".rustup") and len(parts) == 3)
    )


# Names files inside a credential directory may have, for judging what a glob can match there
# (~/.ssh/*, ~/.config/gcloud/*.json, ~/.password-store/**/*.gpg, a keychain, a browser profile).
_SECRET_FILE_SHAPES = PRIVATE_KEY_NAMES | frozenset(
    {"x", "credentials", "config", "token", "private-keys-v1.d", "Login Data", "Cookies"}
    | {"x.json", "x.pem", "x.key", "x.gpg", "x.asc", "x.db", "x.sqlite", "x.yml", "x.yaml", "x.toml", "x.conf", "x.cfg", "x.ini"}
    | {"x.p12", "x.pfx", "x.kbx", "x.keychain-db", "x.keychain", "x.dat", "x.env"}
)
# Key files recognised by name wherever they are (outside the project).
_KEY_FILE_SHAPES = PRIVATE_KEY_NAMES | frozenset({"x.pem", "x.key", "x.p12", "x.pfx"})
# Brace alternatives a glob is expanded into before it is judged widened instead (glob_credential).
_BRACE_LIMIT = 64
_BRACE_BUDGET = 1_000_000
# More "{" than this and a pattern is judged as its directory part followed by ** (no shell brace-expands it usefully).
_BRACE_GROUPS = 256


def _expand_braces(pattern: str, limit: int = _BRACE_LIMIT) -> tuple[list[str], bool]:
    """``*.{ts,tsx}`` -> ``*.ts``, ``*.tsx`` (as a glob library or the shell expands them), and whether
    that is all of them: past *limit* alternatives the expansion stops and says so (the caller then
    judges a widened pattern instead, never a part of the alternatives alone)."""
    if pattern.count("{") > _BRACE_GROUPS:
        return [], False
    out: list[str] = []
    stack = [pattern]
    # Characters the expansion may build: ``{a,b}`` written 20 000 times would otherwise build that many
    # copies of the pattern before the first alternative came out.
    budget = _BRACE_BUDGET
    while stack:
        p = stack.pop()
        i = p.find("{")
        j = p.find("}", i + 1)
        if i == -1 or j == -1 or "," not in p[i:j]:
            if len(out) >= limit:
                return out, False
            out.append(p)
            continue
        alts = p[i + 1 : j].split(",")
        budget -= len(alts) * len(p)
        if len(alts) > limit or budget < 0:
            return out, False
        # Pushed in reverse: popped, and so listed, in the order the shell lists them.
        stack.extend(p[:i] + alt + p[j + 1 :] for alt in reversed(alts))
    return out, True


def _widen_braces(pattern: str) -> str:
    """A pattern that matches at least what every expansion of *pattern*'s braces matches: each
    ``{…}`` becomes ``*`` (judged with dot-files matched), or, when one holds a ``/`` (or there are more
    than _BRACE_GROUPS of them), everything from its segment on becomes ``**``."""
    if pattern.count("{") > _BRACE_GROUPS:
        head = pattern[: pattern.find("{")]
        return head[: head.rfind("/") + 1] + "**"
    out: list[str] = []
    i, n = 0, len(pattern)
    while True:
        k = pattern.find("{", i)
        if k == -1:
            out.append(pattern[i:])
            return "".join(out)
        if k > i:
            out.append(pattern[i:k])
        depth, j = 0, k
        while True:  # the group's end: its matching "}", or the end of the pattern
            a, b = pattern.find("{", j), pattern.find("}", j)
            if b == -1:
                j = n
                break
            if a != -1 and a < b:
                depth, j = depth + 1, a + 1
            else:
                depth, j = depth - 1, b + 1
                if depth == 0:
                    break
        if "/" in pattern[k:j]:
            head = "".join(out)
            return head[: head.rfind("/") + 1] + "**"
        if not (out and out[-1].endswith("*")):
            out.append("*")  # ``{a,b}{c,d}`` is ``*``, not ``**`` (a whole ``**`` segment crosses directories)
        i = j


def glob_name_matches(name: str, pat: str) -> bool:
    """Whether the shell's glob *pat* (one path segment) matches the file name *name*."""
    return _seg_match(name, pat, False)


def _seg_match(name: str, pat: str, dotglob: bool) -> bool:
    """fnmatch on one name (linear: CPython's fnmatch translates each ``*`` into an atomic group),
    with the shell's rule that ``*`` does not match a leading dot unless *dotglob*."""
    if name.startswith(".") and not pat.startswith(".") and not dotglob:
        return False  # the shell's * does not match a leading dot
    if not has_glob(pat):
        return name == pat
    import fnmatch

    return fnmatch.fnmatchcase(name, pat)


class _Node:
    """A trie of the credential paths' segments: every target is one walk from the root."""

    __slots__ = ("children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        # (index in the targets' order, why, open-ended, ~/.ssh itself)
        self.ends: list[tuple[int, str, bool, bool]] = []


_TRIES: dict[tuple[str, bool], tuple[_Node, list[str]]] = {}


def _credential_trie(home: str, ci: bool) -> tuple[_Node, list[str]]:
    key = (home, ci)
    got = _TRIES.get(key)
    if got is not None:
        return got
    targets: list[tuple[str, str, bool]] = [(home + "/" + (fold(sub) if ci else sub), why, True) for sub, why in HOME_CREDENTIALS]
    targets += [(p.rstrip("_"), "system secrets (" + p + ")", True) for p in _system_credentials(home)]
    root = _Node()
    for k, (t, why, open_ended) in enumerate(targets):
        node = root
        for s in t.split("/"):
            if s:
                node = node.children.setdefault(s, _Node())
        node.ends.append((k, why, open_ended, t.endswith("/.ssh")))
    if len(_TRIES) > 8:
        _TRIES.clear()
    got = _TRIES[key] = (root, [t for t, _, _ in targets])
    return got


_SHAPE_CACHE: dict[str, bool] = {}


def _names_a_secret_shape(seg: str) -> bool:
    """Can the segment pattern *seg* match a name secret files have (dot-files included)?"""
    got = _SHAPE_CACHE.get(seg)
    if got is None:
        if len(_SHAPE_CACHE) > 4096:
            _SHAPE_CACHE.clear()
        got = _SHAPE_CACHE[seg] = any(_seg_match(name, seg, True) for name in _SECRET_FILE_SHAPES)
    return got


def _reaches_credential(segs: list[str], root: _Node, dotglob: bool, recursive: bool) -> str | None:
    """The first credential path (in the targets' order) the segment pattern *segs* can match, or a
    file below it for open-ended targets; with *recursive*, matching an ancestor is enough.

    One walk of the trie with the set of pattern positions reachable at each node (an NFA over
    segments: ``**`` stays or moves on, any other segment must match the node's name), so the time
    is the trie's size times the pattern's length, whatever the pattern holds.  Below a target's
    known segments names are unknown: the rest of the pattern must be ``**`` or segments that can
    match a name secret files have (_SECRET_FILE_SHAPES)."""
    n = len(segs)
    star = [s == "**" for s in segs]
    literal = [not has_glob(s) for s in segs]
    tails: dict[tuple[bool, int], bool] = {}

    def tail(i: int, open_ended: bool) -> bool:
        """segs[i:] can match names below an open-ended target (``**`` or a secret file's name shape each),
        or, for a closed one, is only ``**``.  Asked at the targets' ends only, and remembered."""
        got = tails.get((open_ended, i))
        if got is None:
            got = True
            for k in range(i, n):
                if not (star[k] or (open_ended and _names_a_secret_shape(segs[k]))):
                    got = False
                    break
            tails[(open_ended, i)] = got
        return got

    pub_only = n > 0 and segs[-1].endswith(".pub")

    def close(states: set[int]) -> frozenset[int]:
        todo = sorted(states)
        out = set(states)
        while todo:
            i = todo.pop()
            if i < n and star[i] and i + 1 not in out:
                out.add(i + 1)
                todo.append(i + 1)
        return frozenset(out)

    memo: dict[tuple[str, int], bool] = {}

    def step(states: frozenset[int], name: str) -> frozenset[int]:
        nxt: set[int] = set()
        for i in states:
            if i >= n:
                continue
            if star[i]:
                if dotglob or not name.startswith("."):
                    nxt.add(i)
                continue
            key = (name, i)
            ok = memo.get(key)
            if ok is None:
                ok = memo[key] = _seg_match(name, segs[i], dotglob)
            if ok:
                nxt.add(i + 1)
        return close(nxt) if nxt else frozenset()

    best: tuple[int, str] | None = None
    # Depth-first over the trie; a node is entered only while some pattern position is alive there.
    work: list[tuple[_Node, frozenset[int], bool]] = [(root, close({0}), False)]
    while work:
        node, states, through = work.pop()
        through = through or (recursive and n in states)
        for k, why, open_ended, ssh in node.ends:
            if best is not None and best[0] <= k:
                continue
            if ssh and pub_only:
                continue  # public keys only
            if through or any(tail(i, open_ended) for i in states):
                best = (k, why)
        alive = [i for i in states if i < n]
        if not through and all(literal[i] for i in alive):
            # Only literal segments alive: only the children they name can be entered.
            kids = [(name, node.children[name]) for name in {segs[i] for i in alive} if name in node.children]
        else:
            kids = list(node.children.items())
        for name, child in kids:
            nxt = step(states, name)
            if nxt or through:
                work.append((child, nxt, through))
    return best[1] if best is not None else None


def glob_credential(pattern: str, ctx: Context, dotglob: bool = False, recursive: bool = False) -> str | None:
    """Why a glob (an absolute, resolved pattern: ``/home/ana/**/.claude/settings*.json``) can match a
    credential file, or None.  Judged by what the pattern can match, segment by segment: its literal
    parts against the credential paths (HOME_CREDENTIALS, system secrets, key files anywhere), its
    wildcards inside a credential directory against the names secret files have.

    Bounded: the credential paths are one trie walked once per brace alternative, and a pattern with
    more alternatives than are expanded is judged widened (every ``{…}`` a wildcard), never in part."""
    if DYN in pattern:
        return None
    folded, home, root, ci = _folded(pattern, ctx)
    alts, complete = _expand_braces(folded)
    if not complete:
        alts, dotglob = [_widen_braces(folded)], True
    trie, _ = _credential_trie(home, ci)
    for alt in alts:
        segs = [s for s in alt.split("/") if s]
        why = _reaches_credential(segs, trie, dotglob, recursive)
        if why is not None:
            return why + " (the pattern " + display(folded, ctx) + " can match it)"
        last = segs[-1] if segs else ""
        # A key file by its name anywhere (``**/*.pem``, ``~/id_*``); a bare ``*`` names no kind of file.
        if not is_within(alt, root) and last.strip("*?") and any(_seg_match(n, last, dotglob) for n in _KEY_FILE_SHAPES):
            return "a private key or certificate bundle (the pattern " + display(folded, ctx) + " can match one)"
    return None


def glob_names_secret(pattern: str, ctx: Context, dotglob: bool = False) -> str | None:
    """Why a names-only listing with *pattern* targets secret files, or None.

    A listing reads no contents, so what matters is what it looks for: a pattern that names a secret -- a literal
    segment of a credential path (``.aws``, ``gcloud``, ``.ssh``, ``credentials``) or a key file's name
    (``*.pem``, ``id_*``) -- targets one; a pattern that reaches a credential folder only through its wildcards
    (``**/*.json``, ``**/*``) lists ordinary files' names and, in passing, a few others."""
    why = glob_credential(pattern, ctx, dotglob=dotglob)
    if why is None:
        return None
    folded, home, _root, ci = _folded(pattern, ctx)
    home_segs = set(home.split("/"))
    secret_segs = {fold(seg) if ci else seg for sub, _ in HOME_CREDENTIALS for seg in sub.split("/")}
    secret_segs |= {seg for p in _system_credentials(home) for seg in p.rstrip("_").split("/") if seg}
    alts, complete = _expand_braces(folded)
    if not complete:
        return why  # judged widened: which alternative names a secret is not known
    for alt in alts:
        segs = [x for x in alt.split("/") if x]
        if any(x in secret_segs and x not in home_segs for x in segs if not has_glob(x)):
            return why
        last = segs[-1] if segs else ""
        if last.strip("*?") and any(_seg_match(n, last, dotglob) for n in _KEY_FILE_SHAPES):
            return why
    return None


def holds_credentials(directory: str, ctx: Context) -> str | None:
    """Why a recursive read of *directory* reaches credentials, or None."""
    d, home, _, ci = _folded(directory, ctx)
    for sub, why in HOME_CREDENTIALS:
        if is_within(home + "/" + (fold(sub) if ci else sub), d):
            return why + " (inside " + display(directory, ctx) + ")"
    for own, _, kind in owned_paths(ctx):
        if kind == OWN_STATE and is_within(fold(own) if ci else own, d) and d != "/":
            return "clearance's keys (inside " + display(directory, ctx) + ")"
    if directory in ("/", "/etc") or (is_within(directory, "/root") and not is_within(home, "/root")):
        return "system secrets"
    return None


def is_critical(path: str, ctx: Context) -> bool:
    """The root, a top-level system directory, home, or an ancestor of home or the project.

    Compared as the file system compares names (``rm -rf /users/ana`` on macOS deletes home)."""
    p, home, root, ci = _folded(path, ctx)
    if p == "/" or (p in _SYSTEM_TOP_FOLDED if ci else p in SYSTEM_TOP):
        return True
    return any(is_within(anchor, p) for anchor in (home, root))


# Top-level folders of a machine that hold its system, its packages' state or its settings: a deletion anywhere in
# them stays fs.delete-outside-project's, on another machine as on this one (rules/fs.py, sys.sudo).
REMOTE_SYSTEM_TOP = frozenset(
    {"bin", "boot", "dev", "etc", "lib", "lib32", "lib64", "libx32", "proc", "sbin", "sys", "usr", "var", "root", "run", "snap"}
    | {"System", "Library", "Applications", "private", "Volumes", "nix", "efi", "lost+found"}
)


# Per-user caches under home: regenerable, so deleting them is housekeeping, not data loss.
HOME_CACHES = (".cache", "Library/Caches", ".npm", ".cargo/registry/cache", ".gradle/caches", ".m2/repository", ".pnpm-store", ".yarn/cache")


def is_home_cache(path: str, ctx: Context) -> bool:
    """Inside a per-user cache: deleting it is housekeeping.  Writing into it is not always
    (code_in_cache: parts of caches are programs other tools run)."""
    path, home, _, ci = _folded(path, ctx)
    if not is_within(path, home) or path == home:
        return False
    rel = path[len(home) + 1 :]
    return _first_under(rel, HOME_CACHES, ci) >= 0


def freely_written(path: str, ctx: Context) -> bool:
    """Outside the project, a place the agent writes data into without being asked: a temporary folder or a home cache
    (is_home_cache). A script there is read when a command runs it, as one in the project is (adversarial round 18a:
    `base64 -d p.b64 > ~/.cache/notes/x` was allowed as data in a cache, then `bash ~/.cache/notes/x` ran unread)."""
    return in_temp(path, ctx) or is_home_cache(path, ctx)


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
        if _output_compound(part):
            return True
    return False


def generated_here(path: str, ctx: Context) -> bool:
    """is_generated for a path this session may have filled: build output or a cache by its name, unless a move of
    this session put data that existed before at, in or above it (provenance's ``m`` question: `mv src build/`
    then `rm -rf build`, adversarial round 13b)."""
    if not is_generated(path, ctx.project_root):
        return False
    owns = ctx.owns
    if owns is None:
        return True
    if has_glob(path):  # `rm -rf node_modules/*`: what the pattern can reach lies below its fixed part
        path = "/".join(part for part in path.split("/")[: next(i for i, part in enumerate(path.split("/")) if has_glob(part))]) or "/"
    return not owns("m\t" + path)


def display(path: str, ctx: Context) -> str:
    """Short form of a resolved path for messages."""
    p = path.replace(DYN, "…")
    if is_within(p, ctx.project_root) and ctx.project_root != "/" and p != ctx.project_root:
        rel = p[len(ctx.project_root) + 1 :]
        # A folder named `~` in the project (`open('~/x', 'w')` in Python writes ./~/x): never shown as home.
        return ("./" + rel if rel.startswith("~") else rel) or "."
    if is_within(p, ctx.home):
        return "~" + p[len(ctx.home) :]
    return p


# -- how the file system compares names ---------------------------------------

_CI_PLATFORMS = ("darwin", "win32", "cygwin", "msys")


def case_insensitive(path: str, ctx: Context) -> bool:
    """Does the file system holding *path* compare names case-insensitively?

    macOS (APFS and HFS+ by default) and Windows do, and so does a Windows drive
    mounted in WSL (``/mnt/c``).  Decided from the Context, never from the disk,
    so the engine stays pure: ``ctx.platform`` (sys.platform of the agent's
    machine, or ``CLEARANCE_PLATFORM``), or a macOS-shaped path or home (``/Users/x``).
    """
    plat = ctx.platform
    if plat.startswith(_CI_PLATFORMS):
        return True
    if path.startswith("/mnt/") and len(path) >= 6 and path[5].isalpha() and (len(path) == 6 or path[6] == "/"):
        return True  # WSL: a Windows drive
    # A macOS-shaped home: the platform of a client the team service decides for is not its own.
    return ctx.home.startswith("/Users/") or path.startswith(("/Users/", "/Volumes/"))


def fold(s: str) -> str:
    """A name as a case-insensitive, normalisation-insensitive file system compares it."""
    if not s.isascii():
        import unicodedata

        s = unicodedata.normalize("NFC", s)
    return s.casefold()


def win32_name(path: str) -> str:
    """*path* as Windows opens it: `\\` separates like `/`, each name loses its trailing dots and spaces, and the
    `::$DATA` stream suffix names the file itself (`settings.json.`, `settings.json::$DATA` are `settings.json`)."""
    if "\\" not in path and not any(part.endswith((" ", ".")) for part in path.split("/")) and "::$" not in path.upper():
        return path
    path = path.replace("\\", "/")
    if path.upper().endswith("::$DATA"):
        path = path[: -len("::$DATA")]
    return "/".join(p if p in (".", "..") else (p.rstrip(" .") or p) for p in path.split("/"))


# The names rules give a role to (a makefile, a manifest, a start-up file), folded -> as the rules spell them: built once,
# on a case-insensitive file system only, from the rules' own tables (role_spelling).
_SPELLINGS: dict[str, str] = {}


def _role_spellings() -> dict[str, str]:
    if not _SPELLINGS:
        from .code import _CONVENTIONAL_NAMES
        from .pkgconfig import TOOLCHAIN_FILES
        from .rules.tools import _HOOK_CONFIGS, _MAKEFILES, _SHELL_NAMES

        names = set(_CONVENTIONAL_NAMES) | set(TOOLCHAIN_FILES) | set(_MAKEFILES) | set(_SHELL_NAMES) | set(_HOOK_CONFIGS)
        names |= {"package.json", "tasks.json", "devcontainer.json", "SKILL.md", "Dockerfile", "Containerfile", "CMakeLists.txt"}
        for name in sorted(names):
            _SPELLINGS.setdefault(fold(name), name)
    return _SPELLINGS


# Windows' short (8.3) names: `CLAUDE~1` for `.claude`, `SETTIN~1.JSO` for `settings.json`, `GIT~1` for `.git`.
_SHORT_NAME = lazy(r"^([^~./\\]{1,6})~[1-9][0-9]{0,5}(?:\.([^./\\]{1,3}))?$")
_SHORT_OF: dict[tuple[str, str], str] = {}


def _short_key(name: str) -> tuple[str, str] | None:
    """(base, extension) of the short name Windows makes for *name*, folded, or None when *name* is its own short name:
    leading dots and blanks go, the base keeps its first six characters and the extension its first three."""
    stem = name.lstrip(". ").replace(" ", "")
    base, dot, ext = stem.rpartition(".") if "." in stem else (stem, "", "")
    if not dot:
        base, ext = stem, ""
    base = base.replace(".", "")
    if name == stem and len(base) <= 8 and len(ext) <= 3 and name.upper() == name:
        return None
    return fold(base[:6]), fold(ext[:3])


def _short_names() -> dict[tuple[str, str], str]:
    """The short names of the names clearance protects or gives a role to -> the long name (the first, sorted)."""
    if not _SHORT_OF:
        names = set(_role_spellings().values()) | set(AGENT_CONFIG) | AGENT_SETTINGS_DIRS | AGENT_SETTINGS_FILES
        for _, (files, dirs) in AGENT_CONFIG.items():
            names |= files | dirs
        for table in (HOME_PROTECTED, HOME_CREDENTIALS):
            for rel, _why in table:
                names.update(rel.split("/"))
        names |= {".git", ".github", ".config", ".local", ".cache", "clearance", "state", "hooks", ".env", ".envrc", ".husky"}
        for name in sorted(names):
            key = _short_key(name)
            if key is not None:
                _SHORT_OF.setdefault(key, name)
    return _SHORT_OF


def _long_name(part: str) -> str | None:
    """The name a Windows short name may stand for among the names clearance protects or gives a role to."""
    m = _SHORT_NAME.match(part)
    if m is None:
        return None
    return _short_names().get((fold(m.group(1)), fold(m.group(2) or "")))


def role_spelling(path: str, ctx: Context) -> str:
    """*path* with each name below the project (or home) spelled as the rules spell it, where the file system compares
    names case-insensitively: there `MAKEFILE`, `Package.JSON`, `.Husky/pre-commit`, `.ENV` are the files make, npm, git
    and every loader open as `Makefile`, `package.json`, `.husky/pre-commit`, `.env` (adversarial round 15e: the rules'
    name tables compared them exactly, so a recipe, a script or a secret file in another case was allowed). A name the
    rules' tables hold takes their spelling; a dot-name takes lower case (tools name their dot-files in lower case);
    the project root and home keep the spelling the context gives them. Elsewhere, and on other file systems, *path*."""
    if not path.startswith("/") or not case_insensitive(path, ctx):
        return path
    folded = fold(path)
    for root in (ctx.project_root, ctx.home):
        if root and root != "/" and (folded == fold(root) or folded.startswith(fold(root) + "/")) and len(folded) == len(path):
            head, rest = root, path[len(root) :]
            break
    else:
        return path
    spell = _role_spellings()
    windows = ctx.platform.startswith(("win32", "cygwin", "msys"))
    parts = rest.split("/")
    for i, part in enumerate(parts):
        if not part or part in (".", ".."):
            continue
        f = fold(part)
        got = spell.get(f) or (f if part[0] == "." and part.isascii() else part)
        if windows and "~" in part:
            # A short name opens the file it stands for (on a volume that makes them: C: by default): judged as that
            # file where it may stand for a name clearance protects or gives a role to (round 15e: ~/CLAUDE~1/
            # settings.json was allowed as an ordinary folder of home). Read conservatively: ~2 and on alike.
            got = _long_name(part) or got
        parts[i] = got
    return head + "/".join(parts)


def _folded(path: str, ctx: Context) -> tuple[str, str, str, bool]:
    """(path, home, project root) in the form the file system compares them, and whether folded."""
    if case_insensitive(path, ctx):
        return fold(path), fold(ctx.home), fold(ctx.project_root), True
    return path, ctx.home, ctx.project_root, False


def _under(rel: str, sub: str, ci: bool) -> bool:
    """*rel* (relative to home, already folded when *ci*) is the home subtree *sub* or inside it."""
    if ci:
        sub = fold(sub)
    return rel == sub or rel.startswith(sub + "/")


# Per table of home subtrees (and folded or not): the table itself, its entries' indexes by their first component, and
# the entries that have none (an empty or absolute name, held by every path or by none: always tried).
_SUBTREE_INDEX: dict[tuple[int, bool], tuple[object, dict[str, tuple[int, ...]], tuple[int, ...]]] = {}


def _first_under(rel: str, subs: tuple[str, ...] | tuple[tuple[str, str], ...], ci: bool) -> int:
    """The index of the first home subtree in *subs* (names, or (name, why) pairs) that is *rel* or holds it, or -1:
    what ``next(k for k, sub in enumerate(subs) if _under(rel, sub, ci))`` finds, trying only the entries whose first
    component is *rel*'s (a path under ``a/b`` starts with ``a/``)."""
    got = _SUBTREE_INDEX.get((id(subs), ci))
    if got is None or got[0] is not subs:
        by_first: dict[str, list[int]] = {}
        always: list[int] = []
        for k, entry in enumerate(subs):
            sub = entry if isinstance(entry, str) else entry[0]
            sub = fold(sub) if ci else sub
            if not sub or sub.startswith("/"):
                always.append(k)
            else:
                by_first.setdefault(sub.partition("/")[0], []).append(k)
        got = (subs, {f: tuple(sorted([*ks, *always])) for f, ks in by_first.items()}, tuple(always))
        if len(_SUBTREE_INDEX) > 64:
            _SUBTREE_INDEX.clear()
        _SUBTREE_INDEX[(id(subs), ci)] = got
    for k in got[1].get(rel.partition("/")[0], got[2]):
        entry = subs[k]
        if _under(rel, entry if isinstance(entry, str) else entry[0], ci):
            return k
    return -1


# -- what clearance itself owns ------------------------------------------------

# Kinds of clearance-owned paths.  Deleting an ancestor of a POLICY, STATE, DB or CODE
# path destroys it too; caches and the socket are re-derived, so only writes into them count.
OWN_POLICY = "policy"
OWN_STATE = "state"
OWN_DB = "db"
OWN_CACHE = "cache"
OWN_SOCKET = "socket"
OWN_CODE = "code"
OWN_KEY = "key"
# Not clearance's: the real location of an agent's settings folder reached through a symlink from home (why: the folder's
# name, ".claude"); writes below it are judged as writes below that folder (agent_config_reason).
AGENT_ALIAS = "agent-alias"
_GUARD_ANCESTORS = frozenset({OWN_POLICY, OWN_STATE, OWN_DB, OWN_CODE, OWN_KEY})

if TYPE_CHECKING:
    from collections.abc import Mapping

    Owned = tuple[tuple[str, str, str], ...]


def config_dir(home: str, env: Mapping[str, str]) -> str:
    return pathstr.join(env.get("XDG_CONFIG_HOME") or pathstr.join(home, ".config"), "clearance")


def state_dir(home: str, env: Mapping[str, str]) -> str:
    """Where the audit trail and clearance's keys live ($XDG_STATE_HOME/clearance)."""
    return pathstr.join(env.get("XDG_STATE_HOME") or pathstr.join(home, ".local", "state"), "clearance")


def session_state_dir(home: str, env: Mapping[str, str]) -> str:
    """Where the sessions' records (provenance.py) live for runs that record into the audit store *env* names: clearance's
    state directory, or for a store named by CLEARANCE_DB (a hook run with `--db STORE` sets it) a folder of that store's
    own. The record follows the store: a run that records elsewhere (a dry run the agent starts, `clearance hook --db
    /tmp/x.db`) never writes the records the user's hook reads (adversarial round 9c)."""
    base = state_dir(home, env)
    store = env.get("CLEARANCE_DB") or ""
    if not store:
        return base
    from .daemon_path import _sha256  # the built-in SHA-256: hashlib loads OpenSSL

    return base + "/stores/" + str(_sha256()(store.encode()).hexdigest())[:16]


def cache_dir(home: str, env: Mapping[str, str]) -> str:
    return pathstr.join(env.get("XDG_CACHE_HOME") or pathstr.join(home, ".cache"), "clearance")


def clearance_paths(home: str, env: Mapping[str, str] | None = None, package_dir: str = "", venv: str = "") -> Owned:
    """Everything that decides for clearance or records what it decided: (path, why, kind).

    The same computations the loaders use (policy/load.py, store, daemon_path.py,
    remote.py, the cache keys), plus the default layout under home whatever the
    XDG variables say, so that an agent cannot reach it by another spelling.
    """
    env = env if env is not None else {}
    out: list[tuple[str, str, str]] = []

    def add(p: str | None, why: str, kind: str) -> None:
        if p and p.startswith("/"):
            q = pathstr.normpath(p)
            q = "/" + q.lstrip("/")
            if q != "/" and (q, why, kind) not in out:
                out.append((q, why, kind))

    defaults = {"HOME": home}
    for e in (env, defaults):
        add(config_dir(home, e), "clearance's own policy", OWN_POLICY)
        add(state_dir(home, e), "clearance's audit trail and keys", OWN_STATE)
        add(cache_dir(home, e), "clearance's caches and daemon socket", OWN_CACHE)
    add(env.get("CLEARANCE_USER_POLICY"), "clearance's user policy", OWN_POLICY)
    add(env.get("CLEARANCE_MANAGED_POLICY"), "the managed (organisation) policy", OWN_POLICY)
    add("/etc/clearance", "the managed (organisation) policy", OWN_POLICY)
    for p, why, kind in store_paths(env.get("CLEARANCE_DB") or ""):
        add(p, why, kind)
    # The audit chain's key, wherever $CLEARANCE_AUDIT_KEY_FILE puts it (store/chain.py key_file).
    add(env.get("CLEARANCE_AUDIT_KEY_FILE"), "the key of clearance's audit hash chain", OWN_KEY)
    sock = env.get("CLEARANCE_DAEMON_SOCKET")
    if sock:
        add(sock, "clearance's daemon socket (whoever answers there decides)", OWN_SOCKET)
    if env.get("XDG_RUNTIME_DIR"):
        add(pathstr.join(env["XDG_RUNTIME_DIR"], "clearance"), "clearance's daemon socket (whoever answers there decides)", OWN_SOCKET)
    # Where pipx and `uv tool` put clearance's virtualenv, whichever copy this process runs from.
    for tool_venv in (".local/share/pipx/venvs/clearance", ".local/pipx/venvs/clearance", ".local/share/uv/tools/clearance"):
        add(pathstr.join(home, tool_venv), "the virtualenv pipx or uv installed clearance in (its interpreter is the hook)", OWN_CODE)
    if package_dir:
        add(package_dir, "clearance's own code", OWN_CODE)
    if venv:
        add(venv, "the virtualenv clearance runs from (its interpreter and console script are the hook)", OWN_CODE)
    # An agent's settings folder moved by its own variable (CLAUDE_CONFIG_DIR, CODEX_HOME, COPILOT_HOME, where the
    # installer put clearance's hook: installer.py) is that agent's folder, judged as ~/.claude is (adversarial round
    # 15a: with CODEX_HOME=/tmp/cx, `rm -rf /tmp/cx` or a Write of /tmp/cx/hooks.json was allowed).
    for var, folder in AGENT_HOME_VARIABLES:
        value = env.get(var)
        if value and value.startswith("/") and pathstr.normpath(value) not in ("/", home):
            out.append((pathstr.normpath(value), folder, AGENT_ALIAS))
    return tuple(out)


# The variables that move an agent's settings folder (its hooks, clearance's among them) -> the folder they stand for.
AGENT_HOME_VARIABLES = (("CLAUDE_CONFIG_DIR", ".claude"), ("CODEX_HOME", ".codex"), ("COPILOT_HOME", ".copilot"), ("CURSOR_CONFIG_DIR", ".cursor"))


def store_paths(url: str) -> list[tuple[str, str, str]]:
    """The files of a SQLite audit store at *url* (as store/__init__.py reads it): the database, its journals,
    the hooks' spool and the session counters (store/spool.py); none for PostgreSQL or a relative path."""
    db = url[len("sqlite:///") - 1 :] if url.startswith("sqlite:///") else url
    if not db.startswith("/"):
        return []
    db = "/" + pathstr.normpath(db).lstrip("/")
    return [(db + suffix, "clearance's audit trail", OWN_DB) for suffix in ("", "-wal", "-shm", "-journal", "-spool", "-sessions")]


def with_audit_store(ctx: Context, url: object) -> None:
    """Add the store a policy's ``[audit] url`` names to what clearance owns for this call (the context is
    built before the policy is read; only the user and managed layers may set the url: policy/load.py)."""
    extra = store_paths(url) if isinstance(url, str) else []
    have = owned_paths(ctx)
    extra = [e for e in extra if e not in have]
    if extra:
        ctx.owned = (*have, *extra)


# The thin client's copy of the team's managed policy (remote.cache_path, policy/load.SERVED_COPY's name in the cache).
SERVED_COPY_NAME = "server-policy.toml"


def with_served_copy(ctx: Context) -> None:
    """For a machine that is a client of the team service (the service deciding for it, or its hook deciding locally
    while the service is unreachable): the copy of the team's managed policy in each of clearance's cache folders is
    the managed layer during the next outage, and unlike the other caches it cannot be derived again until the
    service answers -- deleting it (or a folder above it: `rm -rf ~/.cache`) drops the team's policy for the outage.
    It is then clearance's policy, guarded as one."""
    have = owned_paths(ctx)
    extra = [
        (own + "/" + SERVED_COPY_NAME, "the team's managed policy as last served (the managed layer while the team service is unreachable)", OWN_POLICY)
        for own, _, kind in have
        if kind == OWN_CACHE
    ]
    extra = [e for e in extra if e not in have]
    if extra:
        ctx.owned = (*have, *extra)


# The agents' hook command runs a program named clearance: one in a bin directory is the hook.
_HOOK_NAMES = frozenset({"clearance", "clearance.exe", "clearance.cmd", "clearance.bat", "clearance.ps1"})
_BIN_DIRS = frozenset({"bin", "sbin", ".bin", "scripts"})


_DEFAULT_OWNED: dict[str, Owned] = {}


def owned_paths(ctx: Context) -> Owned:
    if ctx.owned is not None:
        return ctx.owned
    got = _DEFAULT_OWNED.get(ctx.home)
    if got is None:
        got = _DEFAULT_OWNED[ctx.home] = clearance_paths(ctx.home)
    return got


# Below a project or home: the protected names a search by name can reach besides the agents' folders.
_SEARCHABLE = (".github/hooks", ".github/copilot", ".git", ".git/config", ".git/hooks")


def protected_below(root: str, ctx: Context) -> list[str]:
    """The protected files and folders a search under *root* may select by name (`find ROOT -name settings.json -delete`):
    each agent's settings folder with the files and folders in it that carry permissions or hooks, clearance's project
    policy, git's config and hooks -- in the project and in home when they lie below *root* -- and clearance's own paths."""
    rels: list[str] = list(_SEARCHABLE) + sorted(AGENT_SETTINGS_FILES)
    for folder, (files, dirs) in AGENT_CONFIG.items():
        rels.append(folder)
        rels += [folder + "/" + f for f in sorted(files | dirs)]
    root = root.rstrip("/") or "/"
    # Where such folders are: the project and home (a `find dist -name '*.json'` reaches no settings).
    bases = [b for b in (ctx.project_root, ctx.home) if b and is_within(b, root)]
    got = [pathstr.join(b, r) for b in bases for r in rels]
    got += [own for own, _, kind in owned_paths(ctx) if kind != AGENT_ALIAS and own != root and is_within(own, root)]
    return got


def clearance_owned(path: str, ctx: Context, deleting: bool = False) -> str | None:
    """Why writing (or, with *deleting*, deleting) *path* changes what decides for clearance, or None.

    The one place every write, delete, rename, link and permission change is
    checked against: the policy files, the audit trail, the keys, the caches, the
    daemon socket and clearance's installed code.
    """
    if path.startswith("/" + DYN):
        return None
    why = _clearance_owned(path, ctx, deleting)
    if why is None:
        real = _leads_to(path, ctx, follow=not deleting)
        if real is not None:
            why = _clearance_owned(real, ctx, deleting)
    return why


def _project_bin(head: str, ctx: Context, ci: bool) -> bool:
    """The project's own top-level bin/ or scripts/ (not a virtualenv's bin/, which sits one level deeper): the installed
    hook names clearance by its absolute path (installer.hook_command), so a program there is not what the hook runs;
    clearance's real installation, wherever it lies, stays owned (owned_paths)."""
    root = ctx.project_root
    if not root or root == "/" or root == ctx.home:
        return False
    parent = head.rpartition("/")[0]
    if parent == (fold(root) if ci else root):
        return True
    # Deeper in the project (tools/bin/, packages/x/bin/): an installer's bin/ -- a virtualenv's (one of the usual
    # names, or a folder a pyvenv.cfg marks), node_modules/.bin, any installed tools' folder (is_generated) -- may hold
    # an installed clearance and stays protected; any other is the project's own.
    if not is_within(parent, fold(root) if ci else root) or parent.rpartition("/")[2] in _VENV_NAMES or ctx.read_file is None:
        return False
    if is_generated(head, fold(root) if ci else root):
        return False
    return ctx.read_file(parent + "/pyvenv.cfg") is None


_VENV_NAMES = frozenset({".venv", "venv", "env", ".env", "virtualenv", ".virtualenv", ".tox", ".nox", "site-packages"})


def _clearance_owned(path: str, ctx: Context, deleting: bool) -> str | None:
    ci = case_insensitive(path, ctx)
    p = fold(path) if ci else path
    head, _, base = p.rpartition("/")
    if base.casefold() in _HOOK_NAMES and head.rpartition("/")[2].casefold() in _BIN_DIRS and not _project_bin(head, ctx, ci):
        return "a program named clearance in a bin directory (agents' hook commands run it)"
    for own, why, kind in owned_paths(ctx):
        if kind == AGENT_ALIAS:
            continue
        o = fold(own) if ci else own
        if is_within(p, o):
            return why
        if deleting and kind in _GUARD_ANCESTORS and p != "/" and is_within(o, p):
            return why + " (inside " + display(path, ctx) + ")"
    if not deleting and has_glob(p):
        return _glob_reaches_owned(p, ctx, ci)
    return None


def _glob_reaches_owned(pattern: str, ctx: Context, ci: bool) -> str | None:
    """A write through a path with glob characters that spells clearance's name in part (`~/.config/clearanc?/config.toml`,
    `~/.cache/[c]learance/x`, `~/.local/state/clear*/clearance.db`): its leading segments match an owned path's one by
    one, and each segment matched through a glob holds some literal letter of the name (a bare `*` aims at no directory
    in particular: `~/.cache/*/notes.txt`).  Deletions keep their own rules (a cache's parent may be cleaned)."""
    import fnmatch

    segs = pattern.strip("/").split("/")
    for own, why, kind in owned_paths(ctx):
        if kind == AGENT_ALIAS:
            continue
        o = (fold(own) if ci else own).strip("/").split("/")
        if len(segs) < len(o) or not all(fnmatch.fnmatchcase(a, b) for a, b in zip(o, segs, strict=False)):
            continue
        if all(a == b or any(ch.isalnum() for ch in b) for a, b in zip(o, segs, strict=False)):
            return why + " (matched by a glob)"
    return None


def clearance_secret(path: str, ctx: Context) -> str | None:
    """Why reading *path* reads clearance's keys: any file in its state directory but the audit database."""
    ci = case_insensitive(path, ctx)
    p = fold(path) if ci else path
    for own, _, kind in owned_paths(ctx):
        if kind == OWN_KEY and is_within(p, fold(own) if ci else own):
            return "clearance's audit key (it signs the audit trail)"
        if kind != OWN_STATE:
            continue
        o = fold(own) if ci else own
        if p == o:
            return "clearance's keys (a glob over its state directory)" if has_glob(path) or is_dynamic(path) else None
        if is_within(p, o):
            if pathstr.basename(p).startswith("clearance.db") and not has_glob(p) and not is_dynamic(p):
                return None  # the audit database: `clearance log` reads it
            return "clearance's keys (they sign its caches and audit trail)"
    return None


def clearance_key_reason(path: str, ctx: Context) -> str | None:
    """Why reading *path* reads clearance's keys, by its name or by where a symlink to it leads."""
    why = clearance_secret(path, ctx)
    if why is None:
        real = _leads_to(path, ctx)
        if real is not None:
            why = clearance_secret(real, ctx)
    return why


# -- caches that hold code ------------------------------------------------------

# Subtrees of the home caches whose files other tools run: package managers' downloads and
# shims, hook environments, virtualenvs, jars, compiled objects.  A package manager installs
# from its cache without fetching again, so a file planted there is code at the next install.
CODE_CACHES = (
    ".cache/node/corepack",
    ".cache/pre-commit",
    ".cache/pypoetry/virtualenvs",
    ".cache/pipx",
    ".cache/uv",
    ".cache/node-gyp",
    ".cache/go-build",
    ".cache/bazel",
    ".cache/deno",
    ".cache/ms-playwright",
    ".cache/puppeteer",
    ".cache/Cypress",
    ".cache/JetBrains",
    ".npm/_npx",
    ".npm/_cacache",
    ".cache/pip",
    ".cache/yarn",
    ".cache/pnpm",
    ".cache/composer",
    ".cache/ccache",
    ".cache/sccache",
    "Library/Caches/pip",
    "Library/Caches/Yarn",
    "Library/Caches/pnpm",
    "Library/Caches/ccache",
    "Library/Caches/node/corepack",
    "Library/Caches/pypoetry/virtualenvs",
    "Library/Caches/pipx",
    "Library/Caches/pre-commit",
    "Library/Caches/deno",
    "Library/Caches/ms-playwright",
    "Library/Caches/Cypress",
    ".m2/repository",
    ".gradle/caches",
    ".cargo/registry",
    ".pnpm-store",
    ".yarn/cache",
    # adversarial round 15e (a list extension): caches whose files are programs by place rather than by name --
    # zig's package cache (each dependency's build.zig runs at `zig build`), renv's package cache (R code linked into
    # every project's library), cabal's source tarballs, act's action checkouts (action.yml steps), selenium's drivers,
    # powerlevel10k's gitstatusd, electron's and prisma's downloaded binaries, Neovim's compiled Lua, dein's plugins
    ".cache/zig",
    ".cache/R/renv",
    ".cache/cabal",
    ".cache/act",
    ".cache/selenium",
    ".cache/gitstatus",
    ".cache/electron",
    ".cache/prisma",
    ".cache/nvim/luac",
    ".cache/dein",
    ".cache/mix",
    "Library/Caches/zig",
    "Library/Caches/org.R-project.R/R/renv",
)
# A path component that, anywhere in a cache, holds code something runs.
# (completions/, functions/: the shells' completion scripts and autoloaded functions, zsh's fpath -- adversarial round 10a.)
CODE_DIRS = frozenset(
    {"bin", ".bin", "sbin", "lib", "libexec", "site-packages", "dist-packages", "node_modules", "hooks", "plugins", "extensions", "shims"}
    | {"completions", "functions"}
    # editors' plugin layouts (vim/Neovim plugin managers: plugin/, autoload/, ftplugin/; Emacs' native code), Erlang's ebin/,
    # R's and Python's libs/ (round 15e)
    | {"plugin", "autoload", "ftplugin", "eln-cache", "ebin", "libs"}
)
# Files that are programs whatever directory they are in.
CODE_SUFFIXES = (
    ".py",
    ".pyc",
    ".pth",
    ".js",
    ".cjs",
    ".mjs",
    ".ts",
    ".mts",
    ".cts",
    ".node",
    ".wasm",
    ".sh",
    ".bash",
    ".zsh",
    ".fish",
    ".ps1",
    ".bat",
    ".cmd",
    ".rb",
    ".pl",
    ".pm",
    ".php",
    ".lua",
    ".jar",
    ".war",
    ".class",
    ".so",
    ".dylib",
    ".dll",
    ".exe",
    ".a",
    ".o",
    ".whl",
    ".egg",
    ".tgz",
    ".crate",
    # round 15e: the start-up and module files of other shells and editors (nushell's `use ~/.cache/starship/init.nu`,
    # xonsh, elvish, PowerShell modules, Vim script, Emacs Lisp source, byte code and native code, compiled Lua), and
    # compiled Erlang/Elixir modules and Python extension modules
    ".nu",
    ".xsh",
    ".elv",
    ".psm1",
    ".psd1",
    ".vim",
    ".el",
    ".elc",
    ".eln",
    ".luac",
    ".zig",
    ".beam",
    ".ez",
    ".pyd",
    ".pyo",
)
# Files that are code in a cache though no one calls them programs (adversarial round 10a): serialised Python objects
# (loading a pickle runs what it names: black's cache.pickle, jedi's and joblib's caches), zsh's compiled scripts, and
# zsh's completion dump (sourced by compinit at every interactive start, often kept in ~/.cache/zsh). Not source files:
# deleting them is housekeeping (rules/fs._SOURCE_SUFFIXES does not take them).
CACHE_CODE_SUFFIXES = (".pkl", ".pickle", ".joblib", ".zwc")
CODE_NAMES = ("zcompdump", ".zcompdump")


# Where version managers and package managers keep installed tools and the sources other builds
# compile: a file written there changes a program other tasks run (not caches: nothing re-derives them).
INSTALLED_CODE = (
    ".local/share/pipx",
    ".local/share/uv",
    ".local/pipx",
    ".local/lib",
    ".local/share/mise",
    ".local/share/pnpm",
    "go/pkg/mod",
    ".cargo/registry",
    ".cargo/git",
    ".rustup",
    ".nvm",
    ".pyenv",
    ".rbenv",
    ".asdf",
    ".volta",
    ".bun/install",
    ".deno",
    ".sdkman",
    ".npm-global",
    "Library/Python",
)
# Directories on a user's PATH: a program written there under another command's name runs instead of it.
HOME_BIN_DIRS = ("bin", ".local/bin", ".cargo/bin", "go/bin", ".bun/bin", ".deno/bin", ".volta/bin", ".npm-global/bin")


def installed_code(path: str, ctx: Context) -> str | None:
    """Why *path* is code of an installed tool or a dependency other builds compile, or None."""
    p, home, _, ci = _folded(path, ctx)
    if not is_within(p, home) or p == home:
        return None
    rel = p[len(home) + 1 :]
    k = _first_under(rel, INSTALLED_CODE, ci)
    if k >= 0:
        return "~/" + INSTALLED_CODE[k] + " holds installed tools and dependencies other tasks run"
    return None


def home_bin_program(path: str, ctx: Context) -> str | None:
    """The command name a file written into a bin directory on the user's PATH would answer to, or None."""
    p, home, _, ci = _folded(path, ctx)
    if not is_within(p, home):
        return None
    head, _, name = p[len(home) + 1 :].rpartition("/")
    return name if name and any(head == (fold(b) if ci else b) for b in HOME_BIN_DIRS) else None


# Top-level folders of programs and system settings: a $TMPDIR there is no temporary folder.
_PROGRAM_TOPS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/opt", "/boot", "/snap", "/System", "/Library", "/Applications")


def fit_temp_dir(tmp: str, home: str) -> bool:
    """*tmp* ($TMPDIR) may be treated as a temporary folder: writes in it are scratch work (in_temp).

    $TMPDIR comes from the environment the agent gives the hook, which a later session takes from an env file the agent
    may write (`.envrc`, `.env`, mise.toml, an editor's terminal settings). A value that is, or holds, a folder on PATH,
    installed tools' code, a code-bearing cache, an agent's settings or a protected start-up file would make writes there
    temporary (adversarial round 11a: with TMPDIR=~/.local/bin, `cp x ~/.local/bin/git` was allowed), and so would a
    folder of programs or system settings, another user's home, or an ancestor of home; such a value is not a temporary
    folder, and its paths are judged as what they are."""
    if tmp == "/" or not tmp.startswith("/") or is_within(home, tmp):
        return False
    if not is_within(tmp, home):
        return not any(is_within(tmp, top) for top in (*_PROGRAM_TOPS, "/home", "/Users", "/root"))
    rel = tmp[len(home) + 1 :]
    held = (
        *HOME_BIN_DIRS,
        *INSTALLED_CODE,
        *CODE_CACHES,
        *(p for p, _ in HOME_PROTECTED),
        *AGENT_SETTINGS_DIRS,
        ".cache/clearance",
    )
    return not any(is_within(rel, h) or is_within(h, rel) for h in held)


def code_in_cache(path: str, ctx: Context) -> str | None:
    """Why *path*, inside a home cache, is code another tool runs, or None."""
    p, home, _, ci = _folded(path, ctx)
    if not is_within(p, home) or p == home:
        return None
    rel = p[len(home) + 1 :]
    k = _first_under(rel, CODE_CACHES, ci)
    if k >= 0:
        return "~/" + CODE_CACHES[k] + " holds code other tools run"
    parts = rel.split("/")
    for part in parts[:-1]:
        if part in CODE_DIRS:
            return "a " + part + "/ directory in a cache holds code other tools run"
    base = parts[-1]
    if base.endswith(CODE_SUFFIXES + CACHE_CODE_SUFFIXES) or base in CODE_DIRS or base.startswith(CODE_NAMES):
        return "a program file (" + base + ") that a tool may load from its cache"
    return None
