"""Reading code as its language does: interpreter code (Python with ``ast``; JavaScript/TypeScript,
Ruby, Perl and PHP with tree-sitter grammars), SQL handed to database clients, and the files
toolchains run by convention.  Each module turns source text into facts (``shell.interp.CodeFacts``)
that the rules judge; parsers load only when a command carries code in their language."""

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
    "cargo": None,
    "make": None,
    "gmake": None,
    "pre-commit": None,
    "gradle": None,
    "gradlew": None,
    "npm": frozenset({"publish", "pack", "version", "rebuild", "start"}),
    "pnpm": frozenset({"publish", "pack", "version", "rebuild"}),
    "yarn": frozenset({"publish", "pack", "version", "rebuild"}),
    "node": frozenset({".", "./"}),
    "nodejs": frozenset({".", "./"}),
    "go": frozenset({"generate"}),
    "git": frozenset({"commit", "push", "merge", "pull", "checkout", "switch", "rebase", "am"}),
    "jupyter": frozenset({"nbconvert", "execute"}),
    "papermill": None,
    "ipython": None,
    "ipython3": None,
    "just": None,
    "lefthook": frozenset({"run"}),
    "task": None,
    "go-task": None,
    "composer": None,
    "direnv": frozenset({"allow", "permit", "grant", "exec", "reload"}),
    "nox": None,
    "rake": None,
    "bundle": None,
    "bundler": None,
    "cmake": None,
    "meson": None,
    "hatch": frozenset({"build", "test", "run"}),
    "poetry": frozenset({"build", "install", "sync"}),
    "pdm": frozenset({"build", "install", "sync"}),
    "flit": frozenset({"build", "install", "publish"}),
}


def may_run_by_convention(name: str, raw: str, values: list[str], has_assigns: bool) -> bool:
    if has_assigns or raw.endswith("/gradlew"):
        return True
    if name.startswith(("python", "pypy")):
        return "-m" in values
    if name not in _TOOLCHAINS:
        return False
    words = _TOOLCHAINS[name]
    if name == "git" and any(v.startswith("--git-dir") for v in values[:6]):
        return True  # git --git-dir=DIR: DIR/config names programs git runs (convention._git)
    return words is None or any(v in words for v in values)


# File names code/convention.py gives a role to (the write end imports it only for these).
_CONVENTIONAL_NAMES = frozenset(
    {
        "conftest.py",
        "setup.py",
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
        "Rakefile",
        "rakefile",
        "Rakefile.rb",
        "Gemfile",
        "CMakeLists.txt",
        "meson.build",
        "tox.ini",
        "hatch_build.py",
    }
)


def may_be_conventional(path: str) -> bool:
    base = path.rsplit("/", 1)[-1]
    return (
        base in _CONVENTIONAL_NAMES
        or base.endswith((".pth", ".mk", ".go"))
        or (base.endswith(".py") and (base.startswith("test_") or base.endswith("_test.py")))  # test modules pytest runs
    )
