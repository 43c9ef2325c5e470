"""Reading code as its language does: interpreter code (Python with ``ast``; JavaScript/TypeScript,
Ruby, Perl and PHP with tree-sitter grammars), SQL handed to database clients, and the files
toolchains run by convention.  Each module turns source text into facts (``shell.interp.CodeFacts``)
that the rules judge; parsers load only when a command carries code in their language."""

# Commands that run project files by convention (code/convention.py); the engine imports that module only
# for these, for interpreters (`python -m MOD`) and for commands carrying environment assignments
# (`NODE_OPTIONS=--require …`), so other commands never pay for it.
TOOLCHAINS = frozenset(
    {
        "pytest",
        "py.test",
        "tox",
        "pip",
        "pip3",
        "uv",
        "cargo",
        "make",
        "gmake",
        "npm",
        "pnpm",
        "yarn",
        "node",
        "nodejs",
        "pre-commit",
        "git",
        "gradle",
        "gradlew",
        "go",
    }
)


def may_run_by_convention(name: str, raw: str, has_assigns: bool) -> bool:
    return name in TOOLCHAINS or name.startswith(("python", "pypy")) or raw.endswith("/gradlew") or has_assigns


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
    }
)


def may_be_conventional(path: str) -> bool:
    base = path.rsplit("/", 1)[-1]
    return base in _CONVENTIONAL_NAMES or base.endswith((".pth", ".mk", ".go"))
