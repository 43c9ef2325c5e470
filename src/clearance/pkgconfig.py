"""Package managers' configuration files: which settings run code or move where installs come from.

npm, yarn, pip, uv, cargo and bundler read settings from files in the project and the home folder
(`.npmrc`, `.yarnrc.yml`, `pip.conf`, `uv.toml`, `.cargo/config.toml`, `.bundle/config`) and from
`… config set`. A few keys there run a program at the next routine command (`script-shell`,
`yarnPath`, cargo's `runner` and `rustc-wrapper`), send every later install to another index
(`registry`, `index-url`), or switch off a check (`strict-ssl=false`). Pure functions: the text is
given, nothing is read here.
"""

from __future__ import annotations

from . import pathstr
from .lazyre import MULTILINE, lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

# The public indexes the tools use by default.
PUBLIC_INDEXES = frozenset(
    {"registry.npmjs.org", "registry.yarnpkg.com", "pypi.org", "files.pythonhosted.org", "index.crates.io", "github.com", "rubygems.org", "npm.pkg.github.com"}
)
RUNS = "runs"  # the value is a program the tool runs
SOURCE = "source"  # the value is where packages come from
WEAKENS = "weakens"  # the setting switches a safety check off
FILES = "files"  # the value lists files the tool runs or loads first: a concern where one is outside the project

# (tool, key) -> what the key does. Keys compare case-insensitively, '_' and '-' alike (npm reads both).
_KEYS: dict[str, dict[str, str]] = {
    "npm": {
        "script-shell": RUNS,
        "shell": RUNS,
        "git": RUNS,
        "onload-script": RUNS,
        "init-module": RUNS,
        "node-options": RUNS,
        "registry": SOURCE,
        "strict-ssl": WEAKENS,
        "ignore-scripts": WEAKENS,
        "unsafe-perm": WEAKENS,
    },
    "yarn": {
        "yarnpath": RUNS,
        "yarn-path": RUNS,
        "plugins": RUNS,
        # Yarn 1's script-shell (`.yarnrc`, `yarn config set`): every package script runs through it, as npm's does.
        # Yarn 2+ runs scripts in its own shell and has no such key, but loads the environment files it is told to
        # before each `yarn run` (injectEnvironmentFiles): a NODE_OPTIONS there preloads code into every script.
        "script-shell": RUNS,
        "injectenvironmentfiles": FILES,
        "npmregistryserver": SOURCE,
        "registry": SOURCE,
        "enablestrictssl": WEAKENS,
        "strict-ssl": WEAKENS,
        "unsafehttpwhitelist": WEAKENS,
        "enablescripts": WEAKENS,
    },
    "pip": {"index-url": SOURCE, "extra-index-url": SOURCE, "find-links": SOURCE, "trusted-host": WEAKENS},
    "cargo": {
        "runner": RUNS,
        "rustc-wrapper": RUNS,
        "rustc-workspace-wrapper": RUNS,
        "rustc": RUNS,
        "rustdoc": RUNS,
        "linker": RUNS,
        "replace-with": SOURCE,
        "index": SOURCE,
        "registry": SOURCE,
    },
    "bundle": {"bundle_mirror__all": SOURCE, "bundle_ssl_verify_mode": WEAKENS},
}
_KEYS["pnpm"] = _KEYS["npm"]
# Go's settings (`go env -w`, kept in go's env file): GOPROXY is where modules come from; GOSUMDB=off, GOINSECURE,
# GOFLAGS=-insecure and a GONOSUMDB/GONOSUMCHECK/GOPRIVATE pattern covering every host stop go checking what it
# downloads against the checksum database (adversarial round 14b).
_KEYS["go"] = {"goproxy": SOURCE, "gosumdb": WEAKENS, "goinsecure": WEAKENS, "goflags": WEAKENS}
_KEYS["go"].update(dict.fromkeys(("gonosumdb", "gonosumcheck", "goprivate"), WEAKENS))
# The programs go runs for cgo and its tools, kept by `go env -w` for every later build and test (adversarial round
# 15c: `go env -w CC=/tmp/cc`; GOFLAGS' `-toolexec=PROG`/`-exec=PROG` are read in classify).
_KEYS["go"].update(dict.fromkeys(("cc", "cxx", "fc", "ar", "pkg_config", "pkg-config"), RUNS))
# Bun (bunfig.toml, ~/.bunfig.toml): `preload` (top level: before every `bun run`; under [test]: before every `bun test`)
# lists scripts and plugins run first. Files of the project and installed packages are its ordinary use.
_KEYS["bun"] = {"preload": FILES, "registry": SOURCE}
_KEYS["uv"] = {"index-url": SOURCE, "extra-index-url": SOURCE, "find-links": SOURCE, "url": SOURCE, "allow-insecure-host": WEAKENS}
# Values that leave a weakening key at its safe setting (strict-ssl=true, ignore-scripts=true).
_SAFE = {"strict-ssl": "true", "enablestrictssl": "true", "ignore-scripts": "true", "unsafe-perm": "false", "enablescripts": "false"}


def config_tool(path: str) -> str | None:
    """The package manager that reads the file at *path*, or None."""
    base = pathstr.basename(path)
    parent = pathstr.basename(pathstr.dirname(path))
    if base in (".npmrc", "npmrc"):
        return "npm"
    if base in (".yarnrc.yml", ".yarnrc.yaml", ".yarnrc"):
        return "yarn"
    if base in ("pip.conf", "pip.ini"):
        return "pip"
    if base == "uv.toml":
        return "uv"
    if base in ("bunfig.toml", ".bunfig.toml"):
        return "bun"
    if base in ("pnpm-workspace.yaml", "pnpm-workspace.yml"):
        return "pnpm"  # pnpm 10 reads its settings there too, in camelCase (scriptShell, nodeOptions)
    if parent == ".cargo" and base in ("config.toml", "config"):
        return "cargo"
    if parent == ".bundle" and base == "config":
        return "bundle"
    return None


def _norm_key(key: str) -> str:
    k = key.strip().strip("\"'").lower().replace("_", "-")
    return k


def _kebab(key: str) -> str:
    """camelCase as the kebab-case npm's keys are written in (`scriptShell` -> `script-shell`)."""
    return "".join("-" + c.lower() if c.isupper() else c for c in key.strip().strip("\"'")).lstrip("-")


def _table_key(tool: str, key: str) -> str:
    """*key* as _KEYS spells it for *tool*."""
    k = _norm_key(key)
    if k not in _KEYS.get(tool, {}) and _kebab(key) in _KEYS.get(tool, {}):
        return _kebab(key)  # pnpm-workspace.yaml's scriptShell, nodeOptions
    if k not in _KEYS.get(tool, {}) and k.replace("-", "") in _KEYS.get(tool, {}):
        return k.replace("-", "")  # YARN_INJECT_ENVIRONMENT_FILES, inject-environment-files: yarn's camelCase key
    if tool == "bundle":
        k = key.strip().lower()
        if k.startswith("bundle_mirror__"):
            k = "bundle_mirror__all"
    elif k.startswith("@") and k.endswith(":registry"):
        k = "registry"  # npm's per-scope registry
    elif k.startswith("//") and k.endswith((":strict-ssl",)):
        k = "strict-ssl"
    return k


def known_key(tool: str, key: str) -> bool:
    """Whether *key* is one classify may say something about for *tool* (whatever its value)."""
    return _table_key(tool, key) in _KEYS.get(tool, {})


def classify(tool: str, key: str, value: str) -> str | None:
    """What setting *key* to *value* does for *tool* (RUNS, SOURCE, WEAKENS), or None when it is ordinary."""
    k = _table_key(tool, key)
    what = _KEYS.get(tool, {}).get(k)
    if what is None:
        return WEAKENS if tls_check_off(key, value) else None
    v = value.strip().strip("\"'").lower()
    if what == FILES:
        return RUNS if any(_outside_project(f) for f in list_items(value)) else None
    if what == WEAKENS and _SAFE.get(k) == v:
        return None
    if k == "node-options" and not any(f in v.split() or v.startswith(f + "=") for f in ("--require", "-r", "--import", "--loader", "--experimental-loader")):
        return None  # --max-old-space-size and the like run nothing
    if what == RUNS and k != "node-options" and _system_program(value):
        return None  # script-shell=bash, git=/usr/bin/git: the program that would run anyway
    if k == "bundle_ssl_verify_mode" and v != "0":
        return None
    if tool == "go" and k == "goflags" and (prog := _go_flag_program(value)) is not None and not _system_program(prog):
        return RUNS  # `go env -w GOFLAGS=-toolexec=/tmp/x`: every later build runs the program given each tool's work
    if tool == "go" and what == WEAKENS and not _go_weakens(k, v):
        return None
    return what


def _go_flag_program(value: str) -> str | None:
    """The program a GOFLAGS value has go run around its tools or test binaries (`-toolexec=P`, `-exec=P`), or None."""
    for f in value.strip().strip("\"'").split():
        name, eq, prog = f.lstrip("-").partition("=")
        if eq and name in ("toolexec", "exec") and prog:
            return prog
    return None


def _go_weakens(key: str, value: str) -> bool:
    """Whether go's setting *key*=*value* (lower-cased) turns a download check off for every module or host."""
    if key == "gosumdb":
        return value == "off"
    if key == "goflags":
        return any(f in ("-insecure", "--insecure") or f.startswith("-insecure=") for f in value.split())
    if key == "goinsecure":
        return bool(value)
    # GONOSUMDB, GONOSUMCHECK, GOPRIVATE: module path patterns; one whose first element is no host name covers them all
    return any(p and "." not in p.split("/", 1)[0] for p in value.split(","))


# A key that turns TLS certificate checking on or off, in any tool's own spelling (strict-ssl, strictSsl,
# enableStrictSsl, ssl_verify, sslVerify, verify_ssl, tls-verify), or one that turns it off when set (insecure,
# skip-tls-verify, insecure-skip-tls-verify).
# composer's secure-http; poetry's certificates.NAME.cert (false: no check)
_TLS_ON = (
    "strictssl",
    "sslverify",
    "sslverifymode",
    "verifyssl",
    "tlsverify",
    "verifytls",
    "sslcheck",
    "checkssl",
    "verifycert",
    "certverify",
    "securehttp",
    "cert",
)
_TLS_OFF = ("insecure", "skiptlsverify", "skipsslverify", "nosslverify", "noverifyssl", "disablessl")
_FALSE = frozenset({"false", "0", "no", "off", "none", "disable", "disabled"})
_TRUE = frozenset({"true", "1", "yes", "on", "enable", "enabled"})


def tls_check_off(key: str, value: str) -> bool:
    """Whether setting *key* to *value* stops a tool checking the certificates of the servers it downloads from."""
    k = key.lower().replace("-", "").replace("_", "").replace(".", "")
    v = value.strip().strip("\"'").lower()
    if any(k.endswith(t) for t in _TLS_OFF):
        return v in _TRUE
    return any(k.endswith(t) for t in _TLS_ON) and v in _FALSE


_SYSTEM_DIRS = ("/bin/", "/usr/bin/", "/usr/local/bin/", "/opt/homebrew/bin/", "/usr/sbin/", "/sbin/")
_PLAIN_PROGRAMS = frozenset(
    {"sh", "bash", "zsh", "dash", "ksh", "fish", "pwsh", "powershell", "cmd", "cmd.exe", "node", "git"}
    | {"cc", "gcc", "clang", "ld", "lld", "mold", "rustc", "rustdoc", "sccache"}
)


# Programs whose arguments can be the code they run (`runner = "sh -c '…'"`, `script-shell = node -e …`).
_CODE_TAKERS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "fish", "pwsh", "powershell", "cmd", "cmd.exe", "node"})


def _system_program(value: str) -> bool:
    """A bare program name looked up on PATH among the usual ones, or a program in a system directory — given no
    arguments when it is a shell or an interpreter, whose arguments can be the code it runs."""
    word, _, rest = value.strip().strip("\"'").partition(" ")
    if rest.strip() and word.rsplit("/", 1)[-1].lower() in _CODE_TAKERS:
        return False
    if "/" not in word:
        return word.lower() in _PLAIN_PROGRAMS
    return word.startswith(_SYSTEM_DIRS) and ".." not in word


def settings(tool: str, text: str) -> list[tuple[str, str]]:
    """(key, value) of every flat setting in *text*: `key=value` (npmrc, ini), `key: value` (yarnrc), `key = "value"` (TOML)."""
    out: list[tuple[str, str]] = []
    opened = ""  # a YAML key given no value on its line: the list items below are its values
    lines = text.splitlines()[:2000]
    for n, raw in enumerate(lines):
        line = raw.strip()
        if not line or line[0] in "#;[":
            continue
        if tool in ("bun", "cargo", "uv") and line.endswith("[") and "=" in line:
            # a TOML array over several lines (`preload = [` / `"./a.ts",` / `]`): its items, up to the closing bracket
            end = next((m for m in range(n + 1, min(len(lines), n + 200)) if lines[m].strip().startswith("]")), n)
            line = line + " ".join(x.strip() for x in lines[n + 1 : end + 1])
        if tool in ("yarn", "pnpm") and line.startswith("- "):
            line = line[2:]  # a list item: `- path: .yarn/plugins/x.cjs` under plugins
            if line.startswith("path:"):
                out.append(("plugins", line[5:].strip()))
            elif opened and known_key(tool, opened):
                out.append((opened, line.strip()))  # `injectEnvironmentFiles:` / `  - /tmp/x.env`: an item of that key
            continue
        opened = line[:-1].strip() if line.endswith(":") and raw[:1] not in " \t" else ""
        eq = line.find("=")
        colon = line.find(":") if tool in ("yarn", "bundle", "pnpm") else -1
        if tool in ("yarn", "bundle", "pnpm") and colon > 0 and (eq < 0 or colon < eq):
            key, value = line[:colon], line[colon + 1 :]
        elif eq > 0:
            key, value = line[:eq], line[eq + 1 :]
        elif tool == "yarn" and len(line.split(None, 1)) == 2:
            key, value = line.split(None, 1)  # Yarn 1's .yarnrc: `script-shell "/bin/zsh"`, a key and its value
        else:
            continue
        out.append((key.strip(), value.strip()))
    return out


def risky_settings(path: str, text: str, host_ok: Callable[[str], bool]) -> list[str]:
    """Sentences for each setting in *text* (written to *path*) that runs a program, trusts an untrusted index or weakens a check."""
    tool = config_tool(path)
    if tool is None:
        return []
    out: list[str] = []
    for key, value in settings(tool, text):
        msg = describe(tool, key, value, host_ok)
        if msg:
            out.append(msg)
    return out


def describe(tool: str, key: str, value: str, host_ok: Callable[[str], bool]) -> str | None:
    """One sentence for a risky setting, or None."""
    what = classify(tool, key, value)
    v = value.strip().strip("\"'")
    if what == RUNS and _KEYS.get(tool, {}).get(_table_key(tool, key)) == FILES:
        return f"{key} = {v} makes {tool} run or load a file outside the project before its next routine command"
    if what == RUNS:
        return f"{key} = {v} makes {tool} run that program at its next routine command"
    if what == SOURCE:
        host = _host(v)
        if not host or host in PUBLIC_INDEXES or host_ok(host):
            return None  # a name of a source defined elsewhere (cargo vendor's replace-with), or a trusted index
        return f"{key} = {v} makes {tool} install packages from {host or v}, which is not a trusted registry"
    if what == WEAKENS:
        return f"{key} = {v} switches off a check {tool} makes on what it installs"
    return None


def list_items(value: str) -> list[str]:
    """The items of a TOML/JSON array or a YAML flow list (`["./a.ts", "/tmp/b.ts"]`), or the one value given."""
    v = value.strip()
    if v.startswith("["):
        v = v[1:].rsplit("]", 1)[0]
        return [x.strip().strip("\"'") for x in v.split(",") if x.strip().strip("\"'")]
    v = v.strip("\"'")
    return [v] if v else []


def _outside_project(item: str) -> bool:
    """A file named by an absolute path, the home folder, a variable or `..`: not the project's own file nor an
    installed package (`./setup.ts`, `@happy-dom/global-registrator`, `bun-plugin-svelte`)."""
    return item.startswith(("/", "~", "$", "file:")) or ".." in item.split("/") or (len(item) > 2 and item[1] == ":" and item[2] in "\\/")


def _host(value: str) -> str:
    v = value.strip().strip("\"'")
    if "://" in v:
        v = v.split("://", 1)[1]
    elif v.startswith("//"):
        v = v[2:]
    else:
        return ""  # a name (cargo's replace-with = "vendored"), not an address
    host = v.split("/", 1)[0].rsplit("@", 1)[-1]
    return host.split(":", 1)[0].lower()


# Files a routine command reads to choose the programs it runs or loads (rules/fs.py toolchain_in_temp, adversarial
# round 10a): basename -> (the tool, the spelling that names such a program there). Here, not in the fs pack: the write
# gate (rules/gates.py writes_package_config) looks the names up without importing the pack.
_JVM_AGENT = r"-(?:javaagent|agentpath):|-Xbootclasspath/[ap]:"
_PYTEST_PATHS = r"^[ \t]*+(?:pythonpath|testpaths)[ \t]*+=[^\n]*?(?<=[\s\[\"',=])"
TOOLCHAIN_FILES: dict[str, tuple[str, str]] = {
    "rust-toolchain.toml": ("rustup", r"\bpath\s*=\s*[\"']"),
    "rust-toolchain": ("rustup", r"^[ \t]*+"),
    ".tool-versions": ("asdf", r"\spath:"),
    **dict.fromkeys(("mise.toml", ".mise.toml", "mise.local.toml", ".mise.local.toml"), ("mise", r"[\"']path:")),
    "gradle-wrapper.properties": ("the Gradle wrapper", r"Url\s*[=:]\s*file\\?:/{0,2}"),
    "maven-wrapper.properties": ("the Maven wrapper", r"Url\s*[=:]\s*file\\?:/{0,2}"),
    "gradle.properties": ("Gradle", _JVM_AGENT),
    "jvm.config": ("Maven", _JVM_AGENT),
    "maven.config": ("Maven", _JVM_AGENT),
    ".sbtopts": ("sbt", _JVM_AGENT),
    ".jvmopts": ("sbt", _JVM_AGENT),
    ".bazelrc": ("Bazel", r"javabase=['\"]?"),
    ".yarnrc": ("yarn", r"\byarn-path\s+[\"']?"),
    # pytest's ini options in each file it reads them from: a `pythonpath` entry is put on sys.path before plugins
    # (`-p NAME`) and conftest files are imported, a `testpaths` entry is collected -- its conftest.py and test modules
    # run (adversarial round 15a: `pythonpath = /tmp` with `addopts = -p plug` ran /tmp/plug.py at every `pytest`).
    **dict.fromkeys(("pytest.ini", ".pytest.ini", "setup.cfg", "tox.ini"), ("pytest", _PYTEST_PATHS)),
    # A dependency's source folder named in a manifest is code the next build, test or install compiles and runs
    # (adversarial round 15c: go.mod's `replace X => /tmp/lib`, go.work's `use /tmp/m`, Cargo's `path = "/tmp/…"`
    # (also under [patch]), package.json's `file:`/`link:`/`portal:`, a requirements file's `-e /tmp/…` or
    # `--find-links /tmp/…`, Gemfile's `path:`, composer's path repository, uv's `path` source): a table extension of
    # the manifests, each with the spelling of a local source; `../lib`, `./packages/x` stay the project's choice.
    "pyproject.toml": ("pytest or the package manager", _PYTEST_PATHS + r"|\bpath\s*=\s*[\"']|[\"'@]\s*file://"),
    "go.mod": ("go", r"=>[ \t]*+"),
    "go.work": ("go", r"^[ \t]*+(?:use[ \t(]+)?|=>[ \t]*+"),
    "Cargo.toml": ("cargo", r"\bpath\s*=\s*[\"']"),
    "package.json": ("the package manager", r"[\"'](?:[\w@./-]+@)?(?:file|link|portal):(?://)?"),
    **dict.fromkeys(
        ("requirements.txt", "requirements-dev.txt", "dev-requirements.txt", "requirements-test.txt", "constraints.txt"),
        ("pip", r"^[ \t]*+(?:(?:-e|--editable|-f|--find-links|-r|--requirement|-c|--constraint)[ \t=]++)?(?:[\w.\[\],-]+[ \t]*+@[ \t]*+)?(?:file:(?://)?)?"),
    ),
    "Gemfile": ("bundler", r"(?:\bpath:|:path\s*=>)\s*[\"']"),
    "composer.json": ("composer", r"\"url\"\s*:\s*\""),
}
# A folder under the temporary directory: anyone's to write, the agent's with no question asked, so what the tool runs
# from there is whatever the agent put there.
_TEMP_ROOT = r"(?:/tmp|/var/tmp|/dev/shm|/private/tmp|/private/var/folders)(?=[/\s\"',;]|$)"
TOOLCHAIN_TEMP = {base: lazy("(?:" + prefix + ")" + _TEMP_ROOT, MULTILINE) for base, (_tool, prefix) in TOOLCHAIN_FILES.items()}
