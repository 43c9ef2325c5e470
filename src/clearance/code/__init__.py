"""Reading code as its language does: interpreter code (Python with ``ast``; JavaScript/TypeScript,
Ruby, Perl and PHP with tree-sitter grammars), SQL handed to database clients, and the files
toolchains run by convention.  Each module turns source text into facts (``shell.interp.CodeFacts``)
that the rules judge; parsers load only when a command carries code in their language."""

from __future__ import annotations

from ..lazyre import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from re import Match


# Commands that run project files by convention (code/convention.py); the engine imports that module only
# for these (and for commands carrying environment assignments: `NODE_OPTIONS=--require …`), so other
# commands never pay for it.  Name -> the words one of which must appear (None: any use of the command).
_TOOLCHAINS: dict[str, frozenset[str] | None] = {
    "pytest": None,
    "py.test": None,
    "tox": None,
    "pip": None,
    "pip3": None,
    "uv": None,
    "pipx": frozenset({"install", "inject", "run"}),  # a local project's build hooks (round 15a)
    # build tools whose own file is in a language clearance does not parse (convention_runners._UNREAD_BUILDS, round 15a)
    "swift": frozenset({"build", "run", "test", "package"}),
    "zig": frozenset({"build"}),
    "nimble": None,
    "ant": None,
    "terraform": frozenset({"plan", "apply", "refresh", "console", "import"}),
    "tofu": frozenset({"plan", "apply", "refresh", "console", "import"}),
    "cdk": frozenset({"synth", "synthesize", "deploy", "diff", "list", "ls", "watch"}),
    "xmake": None,
    "premake5": None,
    "premake4": None,
    "dune": frozenset({"build", "test", "exec", "runtest"}),
    "gem": frozenset({"build"}),
    "lein": None,
    "cargo": None,
    "make": None,
    "gmake": None,
    "pre-commit": None,
    "gradle": None,
    "gradlew": None,
    # linters and builds that run code their configuration names (convention._tool_configs, adversarial round 14a)
    "pylint": None,
    "mypy": None,
    "dmypy": None,
    "bazel": None,
    "bazelisk": None,
    "npm": frozenset({"publish", "pack", "version", "rebuild", "start"}),
    "pnpm": frozenset({"publish", "pack", "version", "rebuild"}),
    "yarn": frozenset({"publish", "pack", "version", "rebuild"}),
    "node": frozenset({".", "./"}),
    "nodejs": frozenset({".", "./"}),
    "go": frozenset({"generate", "test"}),
    "mix": frozenset({"test"}),  # (cargo: all its commands above)
    "sphinx-build": None,
    "sphinx-autobuild": None,
    # (hooks; and the transports, whose core.sshCommand may name an ssh configuration: convention._GIT_TRANSPORTS)
    "git": frozenset({"commit", "push", "merge", "pull", "checkout", "switch", "rebase", "am", "fetch", "ls-remote", "remote", "submodule"}),
    "jupyter": frozenset({"nbconvert", "execute"}),
    "papermill": None,
    "ssh": frozenset({"-F"}),
    "scp": frozenset({"-F"}),
    "sftp": frozenset({"-F"}),
    "curl": frozenset({"-K", "--config"}),
    "docker": frozenset({"compose"}),
    "podman": frozenset({"compose"}),
    "docker-compose": None,
    "podman-compose": None,
    "ipython": None,
    "ipython3": None,
    "just": None,
    "ninja": None,
    "nix-shell": None,
    "lefthook": frozenset({"run"}),
    "task": None,
    "go-task": None,
    "composer": None,
    "direnv": frozenset({"allow", "permit", "grant", "exec", "reload"}),
    "nox": None,
    "rake": None,
    "bundle": None,
    "bundler": None,
    # Ruby DSL files their tool evaluates (convention._RUBY_DSL_RUNS)
    "vagrant": None,
    "brew": frozenset({"bundle"}),
    "pod": frozenset({"install", "update", "outdated", "deintegrate"}),
    "guard": None,
    "fastlane": None,
    "danger": None,
    "cap": None,
    "berks": None,
    "cmake": None,
    "meson": None,
    "hatch": frozenset({"build", "test", "run"}),
    "poetry": frozenset({"build", "install", "sync"}),
    "pdm": frozenset({"build", "install", "sync", "run"}),
    "poe": None,
    "deno": frozenset({"task"}),
    "pixi": frozenset({"run"}),
    "devbox": frozenset({"shell", "run"}),
    "foreman": frozenset({"start"}),
    "honcho": frozenset({"start"}),
    "overmind": frozenset({"start"}),
    "hivemind": None,
    "flit": frozenset({"build", "install", "publish"}),
    # Programs that load a project file and run it (convention._LOADERS), and the build files MSBuild and Maven read
    "invoke": None,
    "inv": None,
    "fab": None,
    "scons": None,
    "gulp": None,
    "grunt": None,
    "jake": None,
    "tilt": frozenset({"up", "ci", "down"}),
    "dotnet": frozenset({"build", "test", "run", "publish", "pack", "msbuild", "watch", "cake", "script", "dotnet-cake"}),
    "dotnet-cake": None,
    "dotnet-script": None,
    "msbuild": None,
    "xbuild": None,
    "mvn": None,
    "mvnw": None,
    "nx": None,
    "sbt": None,
    "mage": None,
    "earthly": None,
}


def may_run_by_convention(name: str, raw: str, values: list[str], has_assigns: bool) -> bool:
    if has_assigns or raw.endswith(("/gradlew", "/mvnw")):
        return True
    if name.startswith(("python", "pypy")):
        return "-m" in values
    if name not in _TOOLCHAINS:
        return False
    words = _TOOLCHAINS[name]
    if name == "git" and any(v.startswith(("--git-dir", "--template")) or v[:8].lower() in ("include.", "includei", "core.hoo") for v in values[:8]):
        return True  # git --git-dir=DIR, -c include.path=FILE, -c core.hooksPath=DIR: files of programs git runs (convention._git)
    return words is None or any(v in words for v in values)


# File names code/convention.py gives a role to (the write end imports it only for these).
_CONVENTIONAL_NAMES = frozenset(
    {
        "conftest.py",
        "setup.py",
        # start-up and configuration files other tools run code from (convention._RUNNER_ROLES, round 14a)
        ".pdbrc",
        ".pylintrc",
        "pylintrc",
        ".ghci",
        ".bazelrc",
        ".iex.exs",
        ".octaverc",
        "sitecustomize.py",
        "usercustomize.py",
        "__main__.py",
        "build.rs",
        "GNUmakefile",
        "makefile",
        "Makefile",
        "build.gradle",
        "build.gradle.kts",
        "settings.gradle",
        "settings.gradle.kts",
        "action.yml",
        "action.yaml",
        # task runners' and build systems' own files (convention._RUNNER_ROLES)
        "justfile",
        "Justfile",
        ".justfile",
        "Taskfile.yml",
        "Taskfile.yaml",
        "taskfile.yml",
        "taskfile.yaml",
        "Taskfile.dist.yml",
        "composer.json",
        "noxfile.py",
        # package managers' and languages' start-up files (round 10a)
        ".pnpmfile.cjs",
        ".pnpmfile.mjs",
        "pnpmfile.js",
        ".pnp.cjs",
        ".pnp.js",
        ".pnp.loader.mjs",
        "dodo.py",
        ".irbrc",
        ".pryrc",
        ".Rprofile",
        "Rakefile",
        "rakefile",
        "Rakefile.rb",
        "Gemfile",
        "Vagrantfile",
        "Brewfile",
        "Podfile",
        "Guardfile",
        "Fastfile",
        "Dangerfile",
        "Capfile",
        "Berksfile",
        "compose.yaml",
        "compose.yml",
        "docker-compose.yml",
        "docker-compose.yaml",
        "CMakeLists.txt",
        "meson.build",
        "tox.ini",
        "hatch_build.py",
        # the files of programs that load them (convention._LOADERS), MSBuild's and Maven's
        "SConstruct",
        "Sconstruct",
        "sconstruct",
        "SConscript",
        "tasks.py",
        "fabfile.py",
        "gulpfile.js",
        "gulpfile.cjs",
        "gulpfile.mjs",
        "gulpfile.ts",
        "Gruntfile.js",
        "gruntfile.js",
        "Jakefile",
        "Jakefile.js",
        "Tiltfile",
        "Directory.Build.props",
        "Directory.Build.targets",
        "pom.xml",
        "build.sbt",
        "Earthfile",
    }
)


_JS_EXTS = (".js", ".cjs", ".mjs", ".ts", ".cts", ".mts")


def _js_config_shape(base: str) -> bool:
    """TOOL.config.js or .TOOLrc.js (any JavaScript or TypeScript suffix): convention.js_config_tool reads it exactly."""
    return base.endswith(_JS_EXTS) and (".config." in base or (base.startswith(".") and "rc." in base))


def has_js_config(name: str, names: list[str] | None) -> bool:
    """Whether a directory listing holds NAME.config.* or .NAMErc.*, JavaScript the program NAME loads at start."""
    if not names or not name[:1].isalpha():
        return False
    heads = (name + ".config.", "." + name + "rc.")
    return any(n.startswith(heads) and n.endswith(_JS_EXTS) for n in names)


# Source files in the languages whose code clearance reads as an interpreter one-liner: whatever imports them later (a
# test runner, a server, the application itself) runs their top level (adversarial round 14a).
SOURCE_SUFFIXES = (".py", ".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".jsx", ".tsx", ".rb", ".php")


# What a module's code must spell for the analysis to find it disabling or blinding clearance (engine.disables_clearance):
# a name of clearance, an agent or its settings folder, the home folder however it is reached, a path above the project
# or from the root. A module naming none of them is not analysed when written (most edits of an application's code:
# their cost stays that of any other file). Code that builds such a name at run time is what the analysis does not
# follow anyway (only what it reads counts in a module).
_DISABLE_ANCHORS = (
    # the programs that pick processes by a word, which may be the hook's (rules/self.signal-hook-word)
    "pkill",
    "killall",
    "pgrep",
    "pidof",
    "clearance",
    "claude",
    "codex",
    "gemini",
    "copilot",
    "cursor",
    "hookrun",
    "~",
    "home",
    "HOME",
    "Home",
    "environ",
    "getenv",
    "process.env",
    "ENV[",
    "$_SERVER",
    "'..'",
    '".."',
    "'../'",
    '"../"',
    "../.",
    "../..",
    "'/'",
    '"/"',
    "`/`",
    "'/",
    '"/',
    "`/",
    ".git",
    ".ssh",
    ".config",
    ".local",
    ".cache",
    ".bash",
    ".zsh",
    ".profile",
    "rc'",
    'rc"',
    "USERPROFILE",
    "APPDATA",
    ":\\",
)


# The interpreters a `#!` line names, as the suffix of the module the file is to clearance's readers: a script without a
# suffix (`scripts/deploy`, `bin/dev`, an environment's console script `.venv/bin/pytest`, `node_modules/.bin/jest`) is
# that language's code, run by its name (adversarial round 15a: only shell scripts were read by their `#!` line).
_SHEBANG_SUFFIXES = {"python": ".py", "pypy": ".py", "node": ".js", "nodejs": ".js", "ruby": ".rb", "php": ".php"}
_SHEBANG_SUFFIXES.update(dict.fromkeys(("deno", "bun", "tsx", "ts-node"), ".ts"))


def shebang_suffix(text: str) -> str:
    """The source suffix of the language a `#!` first line runs (`#!/usr/bin/env python3`, `#!/opt/venv/bin/python3.12`,
    `#!/usr/bin/env -S deno run -A`), or ""."""
    if not text.startswith("#!"):
        return ""
    words = text[2 : text.find("\n") if "\n" in text else 256].split()
    i = 0
    if words and words[0].rsplit("/", 1)[-1] == "env":
        i = 1
        while i < len(words) and (words[i].startswith("-") or "=" in words[i]):
            i += 2 if words[i] in ("-u", "--unset", "-C", "--chdir") else 1
    if i >= len(words):
        return ""
    name = words[i].rsplit("/", 1)[-1].rstrip("0123456789.")
    return _SHEBANG_SUFFIXES.get(name, "")


def notebook_module(path: str, text: str) -> tuple[str, str]:
    """A Jupyter notebook written at *path* as the Python module its code cells make (adversarial round 14c: cells run by
    `jupyter execute`, papermill, `pytest --nbmake`, an editor's Run All, were not judged when written): (path + ".py",
    the cells' code); an IPython `!cmd` line is the shell command it runs, a `%magic` line is left out. A text that is
    no notebook's JSON (NotebookEdit's one cell) is that cell's code. Other paths are returned as they are."""
    if not path.endswith(".ipynb"):
        if text.startswith("#!") and not path.endswith(SOURCE_SUFFIXES) and "." not in path.rpartition("/")[2].lstrip("."):
            # a script named without a suffix: the module its `#!` line's language makes of it (shebang_suffix)
            return path + shebang_suffix(text), text
        return path, text
    import json

    sources: list[str] = []
    try:
        cells = json.loads(text).get("cells")
    except (ValueError, AttributeError):
        cells = None
    if isinstance(cells, list):
        for c in cells:
            if isinstance(c, dict) and c.get("cell_type") == "code":
                src = c.get("source")
                sources.append("".join(x for x in src if isinstance(x, str)) if isinstance(src, list) else src if isinstance(src, str) else "")
    else:
        sources = [text]
    lines: list[str] = []
    for line in "\n".join(sources).split("\n"):
        stripped = line.lstrip()
        if stripped.startswith("!"):
            lines.append(line[: len(line) - len(stripped)] + "__import__('os').system(" + repr(stripped[1:]) + ")")
        elif not stripped.startswith("%"):
            lines.append(line)
    return path + ".py", "\n".join(lines)


def source_might_disable(path: str, text: str, ports: tuple[str, ...] = ()) -> bool:
    """Whether a module written at *path* may hold code that disables clearance: a source file in a language clearance
    reads (SOURCE_SUFFIXES) that spells one of _DISABLE_ANCHORS (code/convention.SOURCE_WRITTEN) -- in its text, or in
    its string literals as the language reads them (literals_joined) -- or one of *ports*, the loopback ports of
    clearance's own services in the policy (a listener there answers for them: self.forged-endpoint, round 15a)."""
    if not path.endswith(SOURCE_SUFFIXES):
        return False
    if any(a in text for a in _DISABLE_ANCHORS) or any(p in text for p in ports):
        return True
    joined = literals_joined(text, path.endswith(".php"))
    return any(a in joined for a in _DISABLE_ANCHORS)


# What the languages make of a string literal that the text does not spell (adversarial round 14c): the analysis reads
# `"." "./.con" "fig"` (adjacent literals), `".." + "/.cla" + "ude"`, `"a" . "b"` (PHP), `${"."}` and `#{"."}`
# (interpolated literals), a backslash before a newline, and the escapes `\x2e`, `\u002e`, `\u{2e}`, `\U0000002e`,
# `\056`, `\N{TILDE}` as the strings they make, so a module spelling its target that way was analysed when typed as a
# one-liner and not when written. The view below drops quotes, joiners and blanks and decodes escapes: a superset of the
# joined literals (it only decides whether the analysis runs; the analysis decides).
_ESCAPE = lazy(r"\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{1,3})|N\{([A-Za-z0-9 -]{1,60})\})")
_JOINERS = str.maketrans("", "", " \t\n\r\f\v\"'`+{}$\\")
_ESCAPE_HEADS = ("\\x", "\\u", "\\U", "\\N{", "\\0", "\\1", "\\2", "\\3", "\\4", "\\5", "\\6", "\\7")
_PHP_DOTS = ('".', "'.", '" .', "' .")
_PHP_DOT = lazy(r"""(["'])\s*+\.\s*+(["'])""")


def _unescape(m: Match[str]) -> str:
    hexa = m.group(1) or m.group(2) or m.group(3) or m.group(4)
    if hexa:
        return chr(min(int(hexa, 16), 0x10FFFF))
    if m.group(5):
        return chr(int(m.group(5), 8))
    import unicodedata

    try:
        return unicodedata.lookup(m.group(6))
    except KeyError:
        return ""


def literals_joined(text: str, php: bool = False) -> str:
    """*text* with its string literals joined and their escapes decoded, over-approximately (PHP's `.` joins too).
    Only a text with an escape that makes a character, or PHP's join, compiles a pattern: an ordinary edit's hook
    imports no `re` for it."""
    view = text
    if "\\" in text and any(e in text for e in _ESCAPE_HEADS):
        view = _ESCAPE.sub(_unescape, view)
    if php and any(d in view for d in _PHP_DOTS):
        view = _PHP_DOT.sub("", view)
    return view.translate(_JOINERS)


# Editors' and cloud workspaces' project start-up files (fix16, adversarial round 15a's open class): a file the tool
# reads and runs when the project is opened, by its path's tail, with the language it is read as
# (code/editor_files.editor_code) and its role. Data: each tool names its own file.
EDITOR_STARTUP: dict[str, tuple[str, str]] = {
    ".nvim.lua": ("nvimlua", ".nvim.lua is Lua that Neovim runs at every start in this directory (its 'exrc' option)"),
    ".nvimrc": ("vim", ".nvimrc is Vim script that Neovim runs at every start in this directory (its 'exrc' option)"),
    ".exrc": ("vim", ".exrc is Vim script that Vim and Neovim run at every start in this directory (their 'exrc' option)"),
    ".vimrc": ("vim", "a .vimrc is Vim script that Vim runs at every start in its directory (its 'exrc' option)"),
    ".gvimrc": ("vim", "a .gvimrc is Vim script that gVim runs at every start in its directory (its 'exrc' option)"),
    ".lvimrc": ("vim", ".lvimrc is Vim script the localvimrc plugin runs whenever a file below it is opened"),
    ".dir-locals.el": ("elisp", ".dir-locals.el's eval entries are Emacs Lisp that Emacs runs whenever a file below it is opened"),
    ".dir-locals-2.el": ("elisp", ".dir-locals-2.el's eval entries are Emacs Lisp that Emacs runs whenever a file below it is opened"),
    ".helix/languages.toml": ("helix", "the language servers and formatters .helix/languages.toml names are started by Helix when a file of theirs is opened"),
    ".gitpod.yml": ("gitpod", ".gitpod.yml's task commands run at every start of a Gitpod workspace of the project"),
    ".replit": ("replit", ".replit's run and onBoot commands run when a Replit workspace of the project boots or runs"),
    ".codesandbox/tasks.json": ("codesandbox", ".codesandbox/tasks.json's setup tasks and tasks run when a CodeSandbox devbox of the project starts"),
}


def editor_startup(path: str) -> tuple[str, str] | None:
    """(language, role) of an editor's or workspace's project start-up file (EDITOR_STARTUP), or None."""
    head, _, base = path.rpartition("/")
    return EDITOR_STARTUP.get(base) or EDITOR_STARTUP.get(head.rpartition("/")[2] + "/" + base)


def may_be_conventional(path: str) -> bool:
    base = path.rsplit("/", 1)[-1]
    return (
        base in _CONVENTIONAL_NAMES
        or editor_startup(path) is not None
        or base.endswith((".pth", ".mk", ".go", ".csproj", ".fsproj", ".vbproj", ".cake", ".csx"))
        or _js_config_shape(base)
        or (base.endswith(".py") and (base.startswith("test_") or base.endswith("_test.py")))  # test modules pytest runs
        or "/.yarn/plugins/" in path  # Yarn's plugins, loaded by every yarn command
        or ("/.storybook/" in path and base.startswith(("main.", "preview.")))  # storybook's own configuration
    )
