"""Code toolchains run by convention: files no command line names, read at both ends.

``pytest`` imports every ``conftest.py`` from the root down to the tests, ``pip install .`` runs
``setup.py``, ``cargo build`` compiles and runs ``build.rs``, ``make`` runs ``$(shell …)`` outside
recipes while it reads the Makefile (even ``make -n``), ``npm publish`` runs ``prepublishOnly``,
``git commit`` runs the hooks, ``NODE_OPTIONS=--require ./x.js`` loads ``x.js`` into every node.

Two ends, one table (``TOOLCHAINS`` for commands, ``role`` for paths):

- ``runs(cmd, sc)``: the files a toolchain command runs, read through ``Context.read_file`` (only
  when such a command is seen), each turned into shell code the engine judges like a typed command
  (rule ``code.convention-run``, capped at ask);
- ``written(path, text)``: the role of a file being written and the shell code it carries
  (rule ``write.convention-code``).

Each file's language decides how its code becomes shell code: shell as it is; Python, JavaScript and
Ruby as an interpreter one-liner (so ``shell.interp.analyse`` reads them, whatever parser backs it);
Rust, Gradle, Make, ``//go:generate`` and ``.pth`` files by a light reading of the few forms that run
commands (literal ``Command::new("x").arg("y")``, ``commandLine 'x', 'y'``, ``$(shell …)``,
``import`` lines).  What those readings cannot follow (a computed command) is what the analysis
cannot see inside any script: not asked about on its own.
"""

from __future__ import annotations

from .. import jsonlite as json
from .. import pathstr
from ..jsonlite import jsonc_to_json as jsonc_to_json
from ..model import NOT_REGULAR, TOO_LARGE, not_regular
from ..paths import DYN, is_within

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..scope import Scope
    from ..shell.ir import SimpleCommand, Word

# Bounds: files read per command, include depth, conftest directories walked.
MAX_FILES = 24


class Run:
    """One file a command runs by convention: its path, language and role (for the reason)."""

    __slots__ = ("path", "lang", "role")

    def __init__(self, path: str, lang: str, role: str) -> None:
        self.path = path
        self.lang = lang
        self.role = role


# -- languages: file text -> shell code the engine judges ---------------------------------------------


# -- the write end: what a file is, by its path --------------------------------------------------------

_SITE_DIRS = ("site-packages", "dist-packages")


def role(path: str) -> tuple[str, str] | None:
    """(language, role) of a file a toolchain runs by convention, or None for an ordinary file."""
    base = path.rsplit("/", 1)[-1]
    parts = path.split("/")
    if base == "conftest.py":
        return "python", "conftest.py is imported by every pytest run over its directory"
    if base == "setup.py":
        return "python", "setup.py runs at every pip install, pip wheel or python -m build of the project"
    if base in ("sitecustomize.py", "usercustomize.py"):
        return "python", f"{base} runs at every start of a Python that has it on its path"
    if base == "__main__.py":
        return "python", "__main__.py runs at python -m of its package"
    if _test_module(base):
        return "python", TEST_MODULE_WRITTEN
    if base == "build.rs":
        return "rust", "build.rs runs at every cargo build, check, test, run and clippy"
    if base.endswith(".pth") and any(d in parts for d in _SITE_DIRS):
        return "pth", f"{base}'s import lines run at every start of that Python"
    if base in ("GNUmakefile", "makefile", "Makefile") or base.endswith(".mk"):
        return "make", f"{base}'s $(shell …) outside recipes runs whenever make reads it, for every target and even make -n"
    if base in ("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"):
        return "gradle", f"{base} runs at every gradle build"
    if base in ("action.yml", "action.yaml") and "/.github/" in path:
        return "action", f"the local action {base} runs in every workflow that uses it"
    if base.endswith(".go"):
        return "go", f"{base}'s //go:generate lines run at go generate"
    if base in _COMPOSE_NAMES:
        return "compose", f"{base}'s services run these commands, with these host folders mounted, at every docker compose up"
    tool = js_config_tool(base)
    if tool is not None:
        return "js", f"{base} is JavaScript that {tool} loads and runs at every run"
    if base.endswith(_MSBUILD_PROJECTS):
        return "msbuild", f"{base}'s Exec tasks run at every dotnet build of the project"
    if base.endswith(".cake"):
        return "csharp", f"{base} is C# that Cake compiles and runs at dotnet cake"
    if base.endswith(".csx"):
        return "csharp", f"{base} is C# that dotnet script compiles and runs"
    if "/.yarn/plugins/" in path and base.endswith(_JS_EXTS):
        return "js", f"{base} is a Yarn plugin every yarn command loads"
    if "/.storybook/" in path and base.split(".", 1)[0] in ("main", "preview") and base.endswith(_JS_EXTS):
        return "js", f"{base} is JavaScript that every storybook run loads"
    if base in _RUNNER_ROLES:
        return _RUNNER_ROLES[base]
    from . import editor_startup

    return editor_startup(path)  # an editor's or a workspace's start-up file (fix16)


# The JavaScript ecosystem's configuration convention (cosmiconfig, lilconfig, c12, each tool's own loader): TOOL reads
# TOOL.config.js / .TOOLrc.js (and the cjs, mjs and TypeScript forms) by importing it, so the file's top level runs
# at every `TOOL`, `npx TOOL`, `npm run` of a script that calls it — eslint, prettier, vite, vitest, jest, next,
# webpack, rollup, playwright, astro, tsup … by the name's shape, not a list of tools.
_JS_EXTS = (".js", ".cjs", ".mjs", ".ts", ".cts", ".mts")


def js_config_tool(base: str) -> str | None:
    """The tool a JavaScript configuration file of this name belongs to (eslint.config.mjs, .eslintrc.cjs), or None."""
    ext = next((e for e in _JS_EXTS if base.endswith(e)), None)
    if ext is None:
        return None
    stem = base[: -len(ext)]
    if stem.endswith(".config"):
        name = stem[: -len(".config")]
    elif stem.startswith(".") and stem.endswith("rc"):
        name = stem[1:-2]
    else:
        return None
    ok = name[:1].isascii() and name[:1].islower() and all(c.isascii() and (c.isalnum() or c in "_-") for c in name)
    return name if ok else None


def _js_configs(cmd: SimpleCommand, sc: Scope) -> list[Run]:
    """The JavaScript configuration files named after *cmd*'s program in the directory it runs in (`eslint .` loads
    eslint.config.js): found in one listing of the directory, read like `node FILE`."""
    lister = sc.ctx.list_dir
    name = cmd.name
    if lister is None or not name[:1].isalpha() or "/" in name:
        return []
    directory = cmd.cwd or sc.ctx.cwd
    names = lister(directory)
    if not names:
        return []
    runs = []
    for n in names:
        if js_config_tool(n) == name:
            runs.append(Run(f"{directory}/{n}", "js", f"{n}, which {name} loads and runs"))
    return runs[:4]


# Task runners' and build systems' own files: (language, role).
_RUNNER_ROLES: dict[str, tuple[str, str]] = {
    **{n: ("just", f"{n}'s recipes run at just") for n in ("justfile", "Justfile", ".justfile")},
    **{n: ("taskfile", f"{n}'s cmds run at task") for n in ("Taskfile.yml", "Taskfile.yaml", "taskfile.yml", "taskfile.yaml", "Taskfile.dist.yml")},
    "composer.json": ("composer", "composer.json's scripts run at composer install, update and run-script"),
    "noxfile.py": ("nox", "noxfile.py runs at every nox"),
    **{n: ("rake", f"{n} runs at every rake") for n in ("Rakefile", "rakefile", "Rakefile.rb")},
    "Gemfile": ("ruby", "the Gemfile is Ruby that every bundle command evaluates"),
    # Ruby DSL files their tool evaluates as Ruby (a list: the names share no shape that other files lack).
    **{
        n: ("ruby", f"the {n} is Ruby that {tool} evaluates")
        for n, tool in (
            ("Vagrantfile", "every vagrant command"),
            ("Brewfile", "brew bundle"),
            ("Podfile", "pod install"),
            ("Guardfile", "guard"),
            ("Fastfile", "every fastlane lane"),
            ("Dangerfile", "danger"),
            ("Capfile", "every cap command"),
            ("Berksfile", "every berks command"),
        )
    },
    "CMakeLists.txt": ("cmake", "CMakeLists.txt's execute_process runs at every cmake configure"),
    "meson.build": ("meson", "meson.build's run_command runs at meson setup"),
    "tox.ini": ("tox", "tox.ini's commands run at tox"),
    "hatch_build.py": ("python", "hatch_build.py runs at every build of the project (pip install, hatch build)"),
    # The files of _LOADERS, MSBuild's and Maven's (the run end: _loader_files, _msbuild, _maven)
    **{n: ("python", f"{n} is Python that every scons run executes") for n in ("SConstruct", "Sconstruct", "sconstruct", "SConscript")},
    "tasks.py": ("invoke", "tasks.py is the task module invoke imports at every invoke or inv run"),
    "fabfile.py": ("invoke", "fabfile.py is the module Fabric imports at every fab run"),
    **{n: ("js", f"{n} is JavaScript that every {n[:4].lower()} run loads") for n in ("gulpfile.js", "gulpfile.cjs", "gulpfile.mjs", "gulpfile.ts")},
    **{n: ("js", f"{n} is JavaScript that every grunt run loads") for n in ("Gruntfile.js", "gruntfile.js")},
    **{n: ("js", f"{n} is JavaScript that every jake run loads") for n in ("Jakefile", "Jakefile.js")},
    "Tiltfile": ("tilt", "the Tiltfile's local() commands run at every tilt up"),
    **{n: ("msbuild", f"{n}'s Exec tasks run at every build of the projects below it") for n in ("Directory.Build.props", "Directory.Build.targets")},
    "pom.xml": ("maven", "the programs pom.xml's exec plugin names run at every mvn build"),
    "build.sbt": ("sbt", "build.sbt's process calls run as sbt loads the build"),
    "Earthfile": ("earthly", "the Earthfile's LOCALLY targets run their RUN commands on the host at earthly"),
    # Files a package manager or a language's own start loads from the project (adversarial round 10a; a list extension:
    # each tool names its own): pnpm's install hooks, Yarn's Plug'n'Play runtime, doit's task module, the start-up
    # files irb, pry and R read from the directory they start in (R's at every Rscript, too).
    **{n: ("js", f"{n} is JavaScript pnpm loads at every pnpm install") for n in (".pnpmfile.cjs", ".pnpmfile.mjs", "pnpmfile.js")},
    **{n: ("js", f"{n} is Yarn's Plug'n'Play runtime, loaded by every yarn run and yarn node") for n in (".pnp.cjs", ".pnp.js", ".pnp.loader.mjs")},
    "dodo.py": ("python", "dodo.py is the module doit imports at every doit run"),
    **{n: ("ruby", f"{n} is Ruby that {n[1:-2]} runs at every start in this directory") for n in (".irbrc", ".pryrc")},
    ".Rprofile": ("r", ".Rprofile is R that every R and Rscript started in this directory runs first"),
    # Start-up and configuration files whose code other tools run (adversarial round 14a; a list extension: each tool
    # names its own): pdb runs a .pdbrc line that is no pdb command as Python, GHCi a `:!` line in the shell, pylint its
    # init-hook, bazel its --run_under program before every test.
    ".pdbrc": ("pdbrc", ".pdbrc is read by pdb at every start in this directory; a line that is no pdb command runs as Python"),
    ".ghci": ("ghci", ".ghci is read by every ghci started in this directory; its :! lines run in the shell"),
    **{n: ("pylintrc", f"{n}'s init-hook is Python that every pylint run executes first") for n in (".pylintrc", "pylintrc")},
    ".bazelrc": ("bazelrc", ".bazelrc's --run_under program runs before every test and binary bazel runs"),
    # Start-up files of interpreters clearance does not parse (fix14b, round 14a's open item): judged as the one-liner
    # of that interpreter (`elixir -e TEXT`, `octave --eval TEXT`), whose file and command words are read.
    ".iex.exs": ("elixir", ".iex.exs is Elixir that every iex started in this directory runs first"),
    ".octaverc": ("octave", ".octaverc is Octave code that every octave started in this directory runs first"),
}
_MSBUILD_PROJECTS = (".csproj", ".fsproj", ".vbproj")


def written(path: str, text: str) -> tuple[str, list[str]] | None:
    """(role, shell code) of a conventional file being written; None for other files."""
    r = role(path)
    if r is None:
        from . import SOURCE_SUFFIXES

        if not path.endswith(SOURCE_SUFFIXES):
            return None
        r = (_SOURCE_LANGS.get(path[path.rfind(".") :], "js"), SOURCE_WRITTEN)
    lang, why = r
    if lang == "invoke" and path.endswith("/tasks.py") and "invoke" not in text:
        lang, why = "python", SOURCE_WRITTEN  # a tasks.py that is not invoke's (Celery's, an app's own module): a module
    if lang == "go" and ("//go:build mage" in text or "// +build mage" in text):
        lang, why = "gobuild", f"{path.rsplit('/', 1)[-1]} is a magefile, Go that mage compiles and runs"
    elif lang == "go" and "//go:generate" not in text:
        return None
    code = shell_code(lang, text)
    if lang == "make" and not path.endswith(("Makefile", "makefile")):
        from ..shell.embedded import makefile_recipes

        code += makefile_recipes(text)  # an included makefile's recipes (Makefiles' own: write.dangerous-script)
    return (why, code) if code else None


# -- the run end: which files a command runs ----------------------------------------------------------


def _operands(vals: list[str], takes_value: frozenset[str] = frozenset()) -> list[str]:
    out: list[str] = []
    skip = False
    for v in vals:
        if skip:
            skip = False
            continue
        if v in takes_value:
            skip = True
            continue
        if not v.startswith("-"):
            out.append(v)
    return out


_PYTEST_VALUE_OPTIONS = frozenset(
    {"-p", "-k", "-m", "-c", "-o", "--rootdir", "--confcutdir", "--basetemp", "-W", "--deselect", "--ignore", "--junitxml", "--maxfail", "-n", "--tb"}
)
_TEST_DIRS = ("tests", "test", "testing", "src")


# The role of a test module pytest collects: only what would be *denied* when typed counts in one (engine._check_scripts),
# since tests exercise dangerous-looking code on temporary paths every day; a file too large to read is skipped.
TEST_MODULE = "a test module pytest collects and runs"
TEST_MODULE_WRITTEN = "a test module runs at every pytest over its directory"
# A source file another language's test runner compiles and runs (`go test`, `cargo test`, `mix test`): read as a test
# module is -- only a hard denial counts, one too large to read is skipped (issue 15, round 14a's open class).
TEST_SOURCE = "a test source its language's test runner compiles and runs"
# A project module a test module imports (_test_imports): as a module no command line names (SOURCE_WRITTEN), only
# what disables or blinds clearance counts (engine.disables_clearance), and only a hard denial of it.
IMPORTED_MODULE = "a module a test module imports"
_TEST_ROLES = (TEST_MODULE, TEST_SOURCE)
# Any other module in a language clearance reads: no command line names the importer that runs it later (jest, rspec,
# uvicorn app:app, celery -A, python -c 'import app', a test module's import), so it is judged as a test module is when
# written -- only a hard denial counts (adversarial round 14a).
SOURCE_WRITTEN = "a module whatever imports it runs (a test runner, a server, the application)"
_SOURCE_LANGS = {".py": "python", ".rb": "ruby", ".php": "php"}


def _test_module(name: str) -> bool:
    """pytest's default python_files: test_*.py and *_test.py."""
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


def _dirs_down(root: str, target: str) -> list[str]:
    """root, then each directory from root down to *target* (inclusive)."""
    out = [root]
    if not is_within(target, root) or target == root:
        return out
    cur = root
    for part in target[len(root) + 1 :].split("/")[:12]:
        cur = cur + "/" + part
        out.append(cur)
    return out


MAX_DIRS = 64  # directories listed per command


def _walk(sc: Scope, top: str, limit: int = MAX_DIRS) -> list[tuple[str, list[str]]]:
    """(directory, names) for *top* and the directories below it, breadth first, at most *limit* listings;
    hidden, dependency and build directories are not entered (pytest and go skip them too)."""
    from ..paths import GENERATED_DIRS

    lister = sc.ctx.list_dir
    if lister is None:
        return []
    out: list[tuple[str, list[str]]] = []
    pending = [top]
    calls = 0
    while pending and calls < limit:
        d = pending.pop(0)
        names = lister(d)
        calls += 1
        if names is None:
            continue
        out.append((d, names))
        for n in sorted(names):
            if "." in n or n.startswith(("__", ".")) or n in GENERATED_DIRS or n in ("venv", "env", "testdata", "vendor"):
                continue  # a file, or a directory the tools do not look into
            pending.append(f"{d}/{n}")
    return out


def _pythonpath_given(cmd: SimpleCommand, words: list[str]) -> list[str]:
    """The folders a pytest command line puts on sys.path: `-o pythonpath=A B` (`--override-ini`), PYTHONPATH assigned."""
    out: list[str] = []
    for i, w in enumerate(words):
        if w in ("-o", "--override-ini"):
            value = words[i + 1] if i + 1 < len(words) else ""
        else:
            value = w[2:] if w.startswith("-o") else w.partition("=")[2] if w.startswith("--override-ini=") else ""
        key, eq, paths = value.partition("=")
        if eq and key.strip() == "pythonpath":
            out.extend(paths.split())
    out.extend(x for x in dict(cmd.assigns).get("PYTHONPATH", "").split(":") if x)
    return out


def _module_file(base: str, dotted: str) -> list[str]:
    rel = dotted.replace(".", "/")
    return [f"{base}/{rel}.py", f"{base}/{rel}/__init__.py"]


def _ini_addopts(text: str) -> list[str]:
    """The words of an ini file's `addopts`, and its `pythonpath` as the `-o pythonpath=…` that sets it."""
    words: list[str] = []
    for line in text.splitlines():
        key, eq, value = line.partition("=")
        if eq and key.strip() in ("addopts", "pythonpath"):
            got = value.strip().strip("'\"[]").replace(",", " ").replace('"', " ").replace("'", " ").split()
            words.extend(got if key.strip() == "addopts" else ["-o", "pythonpath=" + " ".join(got)])
    return words


def _plugins(words: list[str]) -> list[str]:
    out = []
    for i, w in enumerate(words):
        name = words[i + 1] if w == "-p" and i + 1 < len(words) else (w[2:] if w.startswith("-p") and len(w) > 2 and w[2] != "-" else None)
        if name and not name.startswith("no:") and all(c.isalnum() or c in "._" for c in name):
            out.append(name)
    return out


def _pytest(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> list[Run]:
    root = sc.ctx.project_root
    cwd = cmd.cwd or sc.ctx.cwd
    targets = [sc.path(v.split("::", 1)[0], cmd) for v in _operands(vals, _PYTEST_VALUE_OPTIONS)]
    dirs: list[str] = []
    for t in targets or [cwd]:
        d = t if not t.endswith(".py") else pathstr.dirname(t)
        dirs.extend(_dirs_down(root, d))
        if not is_within(d, root):
            dirs.append(d)  # `pytest /tmp/x`: the conftest.py beside the tests it collects there (adversarial rounds 15a, 15b)
    if not targets:
        dirs.extend(f"{root}/{t}" for t in _TEST_DIRS)
    # Below the test paths, the directories pytest collects from (listed, so only existing files are read).
    modules: list[str] = [t for t in targets if pathstr.basename(t).startswith("test_") and t.endswith(".py")]
    for t in targets or [cwd]:
        if not t.endswith(".py"):
            walked = _walk(sc, t)
            dirs.extend(d for d, names in walked[1:] if "conftest.py" in names)
            # The test modules it collects: pytest imports each (its module-level code runs), then runs its tests.
            modules.extend(f"{d}/{n}" for d, names in walked for n in sorted(names) if _test_module(n))
    runs: list[Run] = []
    seen: set[str] = set()
    for d in dirs:
        if d not in seen and len(seen) < MAX_FILES:
            seen.add(d)
            runs.append(Run(f"{d}/conftest.py", "python", "conftest.py, which pytest imports before the tests"))
    words = list(vals)
    configs = [f"{root}/{ini}" for ini in ("pytest.ini", "pyproject.toml", "setup.cfg", "tox.ini")]
    # `-c FILE` / `--config-file FILE` names the configuration pytest reads instead.
    for i, v in enumerate(vals):
        if v in ("-c", "--config-file") and i + 1 < len(vals):
            configs.insert(0, sc.path(vals[i + 1], cmd))
        elif v.startswith("--config-file="):
            configs.insert(0, sc.path(v.split("=", 1)[1], cmd))
    for ini in configs:
        text = read(ini)
        if text and text != TOO_LARGE:
            words.extend(_ini_addopts(text))
    # Where `-p NAME` is looked for besides the project: a temporary folder put on sys.path for this run (`-o
    # pythonpath=/tmp`, `PYTHONPATH=/tmp pytest`; adversarial round 15a), read as the project's own plugin is.
    extra = [p for p in _pythonpath_given(cmd, words) if DYN not in p and sc.in_temp(sc.path(p, cmd).rstrip("/") + "/_")][:4]
    for name in _plugins(words)[:8]:
        for base in (root, *(sc.path(p, cmd) for p in extra)):
            for p in _module_file(base, name):
                runs.append(Run(p, "python", f"the pytest plugin {name} (-p), which pytest imports at start"))
    globs = [w.split("=", 1)[1] for w in words if w.startswith("--doctest-glob=")]
    globs += [words[i + 1] for i, w in enumerate(words[:-1]) if w == "--doctest-glob"]
    if globs:
        # pytest --doctest-glob='*.md': the `>>>` lines of every matching text file below the test paths run as Python
        # (round 14c, seen and not fixed then); read as test modules are (only a hard denial counts)
        from fnmatch import fnmatch

        for t in [t for t in targets if not t.endswith(".py")] or [cwd]:
            runs.extend(Run(f"{d}/{n}", "doctest", TEST_SOURCE) for d, names in _walk(sc, t) for n in sorted(names) if any(fnmatch(n, g) for g in globs[:8]))
    if "--nbmake" in words:
        # pytest --nbmake: the nbmake plugin executes every notebook collected -- one named on the line is run as
        # `jupyter execute` runs it; those found below the test paths are read as test modules are (issue 15, round 14c).
        named = [t for t in targets if t.endswith(".ipynb")]
        runs.extend(Run(t, "notebook", f"the code cells of {pathstr.basename(t)}, which pytest --nbmake executes") for t in named)
        for t in [t for t in targets if not t.endswith((".ipynb", ".py"))] or ([] if named else [cwd]):
            runs.extend(Run(f"{d}/{n}", "notebook", TEST_SOURCE) for d, names in _walk(sc, t) for n in sorted(names) if n.endswith(".ipynb"))
    # `pytest_plugins = [...]` in a conftest names modules pytest imports with it.
    conftests = list(runs[: len(seen)])
    runs.extend(Run(m, "python", TEST_MODULE) for m in dict.fromkeys(modules))
    for r in conftests:
        text = read(r.path)
        if text and text != TOO_LARGE and "pytest_plugins" in text:
            for name in conftest_plugins(text)[:8]:
                for base in dict.fromkeys((pathstr.dirname(r.path), root)):
                    for p in _module_file(base, name):
                        runs.append(Run(p, "python", f"the pytest plugin {name} (pytest_plugins in a conftest.py), which pytest imports with it"))
    return runs


def conftest_plugins(text: str) -> list[str]:
    """The module names a conftest's `pytest_plugins = "x"` / `["x", "y"]` / `("x",)` assignment lists."""
    import ast

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return []
    out: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytest_plugins" for t in node.targets):
            values = node.value.elts if isinstance(node.value, (ast.List, ast.Tuple)) else [node.value]
            out.extend(v.value for v in values if isinstance(v, ast.Constant) and isinstance(v.value, str) and all(c.isalnum() or c in "._" for c in v.value))
    return out


def _project_dir(cmd: SimpleCommand, sc: Scope, operand: str) -> str | None:
    """The directory a pip/uv/build operand names when it is a local project (`.`, `./pkg`, `-e .`)."""
    if DYN in operand or "://" in operand or operand.startswith(("git+", "-")):
        return None
    if operand.endswith("]") and "[" in operand:
        operand = operand[: operand.index("[")]  # extras: `.[dev]`, `./pkg[test]`
    # pip reads an operand as a path when it has a separator or starts with a dot (`libs/core`, `.`).
    if operand in (".", "..") or operand.startswith(("./", "../", "/")) or ("/" in operand and "@" not in operand):
        p = sc.path(operand, cmd)
        return p if not p.endswith((".whl", ".tar.gz", ".zip", ".txt")) else None
    return None


def _build_files(directory: str, read: Callable[[str], str | None], tool: str) -> list[Run]:
    runs = [Run(f"{directory}/setup.py", "python", f"setup.py, which {tool} runs to build the project")]
    text = read(f"{directory}/pyproject.toml")
    if text and text != TOO_LARGE and ("[tool.hatch.build" in text or "[tool.poetry.build" in text or "build-script" in text):
        runs.extend(_build_hooks(directory, text, tool))
    if text and text != TOO_LARGE and "backend-path" in text:
        import tomllib

        try:
            system = tomllib.loads(text).get("build-system", {})
        except (tomllib.TOMLDecodeError, AttributeError):
            return runs
        backend = system.get("build-backend")
        where = system.get("backend-path")
        if isinstance(backend, str) and isinstance(where, list):
            module = backend.split(":", 1)[0]
            for d in where[:4]:
                if isinstance(d, str):
                    for p in _module_file(pathstr.normpath(pathstr.join(directory, d)), module):
                        runs.append(Run(p, "python", f"the in-tree build backend {module}, which {tool} runs to build the project"))
    return runs


def _build_hooks(directory: str, text: str, tool: str) -> list[Run]:
    """In-tree hooks the project's build backend runs: hatchling's custom build hook (`hatch_build.py` or its
    `path`), Poetry's `[tool.poetry.build] script` (and the older `build = "x.py"`), PDM's `build-script`."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return []
    tool_table = data.get("tool") if isinstance(data.get("tool"), dict) else {}
    found: list[str] = []

    def get(*keys: str) -> object:
        cur: object = tool_table
        for k in keys:
            cur = cur.get(k) if isinstance(cur, dict) else None
        return cur

    for hooks in (get("hatch", "build", "hooks"), get("hatch", "build", "targets", "wheel", "hooks"), get("hatch", "build", "targets", "sdist", "hooks")):
        custom = hooks.get("custom") if isinstance(hooks, dict) else None
        if isinstance(custom, dict):
            path = custom.get("path", "hatch_build.py")
            if isinstance(path, str):
                found.append(path)
    build = get("poetry", "build")
    script = build.get("script") if isinstance(build, dict) else build
    if isinstance(script, str):
        found.append(script)
    pdm = get("pdm", "build", "setup-script") or get("pdm", "build", "build-script")
    if isinstance(pdm, str):
        found.append(pdm)
    out = []
    for f in dict.fromkeys(found):
        if DYN not in f and f.endswith(".py"):
            out.append(Run(pathstr.normpath(pathstr.join(directory, f)), "python", f"{f}, the build hook {tool} runs to build the project"))
    return out


def _from_option(vals: list[str], option: str = "--from") -> list[str]:
    """The value of `--from X` / `--from=X` (uv tool's, uvx's) or pipx's `--spec X`: the package a tool is built from."""
    out = [vals[i + 1] for i, v in enumerate(vals[:-1]) if v == option]
    return out + [v.split("=", 1)[1] for v in vals if v.startswith(option + "=")]


def _pip(cmd: SimpleCommand, sc: Scope, ops: list[str], read: Callable[[str], str | None], tool: str) -> list[Run]:
    """`pip install .`, `pip install -e ./pkg`, `pip wheel .`, `uv pip install -e .`."""
    if not ops or ops[0] not in ("install", "wheel", "download"):
        return []
    runs: list[Run] = []
    for v in [*ops[1:], *_requirement_projects(cmd, sc, read)]:
        d = _project_dir(cmd, sc, v)
        if d is not None:
            runs.extend(_build_files(d, read, f"{tool} {ops[0]}"))
    return runs


def _requirement_projects(cmd: SimpleCommand, sc: Scope, read: Callable[[str], str | None]) -> list[str]:
    """Local projects named inside the requirement files of `-r FILE` (`-e .`, `./pkg`), nested `-r` followed."""
    vals = cmd.values()
    pending = [vals[i + 1] for i, v in enumerate(vals) if v in ("-r", "--requirement") and i + 1 < len(vals)]
    pending += [v.split("=", 1)[1] for v in vals if v.startswith("--requirement=")]
    out: list[str] = []
    seen: set[str] = set()
    while pending and len(seen) < 8:
        path = sc.path(pending.pop(0), cmd)
        if path in seen:
            continue
        seen.add(path)
        text = read(path)
        if not text or text == TOO_LARGE:
            continue
        for line in text.splitlines()[:2000]:
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            if words[0] in ("-e", "--editable") and len(words) > 1:
                out.append(words[1])
            elif words[0] in ("-r", "--requirement") and len(words) > 1:
                pending.append(pathstr.join(pathstr.dirname(path), words[1]))
            elif words[0].startswith((".", "/")):
                out.append(words[0])
    return out


def _cargo(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> list[Run]:
    ops = _operands(vals, frozenset({"--manifest-path", "-p", "--package", "--bin", "--target", "--features", "-F", "-j", "--profile"}))
    if not ops or ops[0] not in ("build", "b", "test", "t", "run", "r", "check", "c", "clippy", "bench", "doc", "d", "install", "rustc", "fix"):
        return []
    directory = cmd.cwd or sc.ctx.cwd
    for i, v in enumerate(vals):
        if v == "--manifest-path" and i + 1 < len(vals):
            directory = pathstr.dirname(sc.path(vals[i + 1], cmd))
        elif v.startswith("--manifest-path="):
            directory = pathstr.dirname(sc.path(v.split("=", 1)[1], cmd))
    packages = [directory]
    manifest = read(f"{directory}/Cargo.toml")
    scripts: dict[str, str] = {}
    if manifest and manifest != TOO_LARGE:
        import tomllib

        try:
            data = tomllib.loads(manifest)
        except tomllib.TOMLDecodeError:
            data = {}
        members = data.get("workspace", {}).get("members", []) if isinstance(data.get("workspace"), dict) else []
        packages += [pathstr.normpath(f"{directory}/{m}") for m in members if isinstance(m, str) and "*" not in m][:MAX_FILES]
        # `members = ["crates/*"]`: the directories the glob matches, listed (a trailing `*` only).
        for m in members[:8]:
            if isinstance(m, str) and m.endswith("/*") and "*" not in m[:-2] and sc.ctx.list_dir is not None:
                parent = pathstr.normpath(f"{directory}/{m[:-2]}")
                names = sc.ctx.list_dir(parent) or []
                packages += [f"{parent}/{n}" for n in sorted(names) if not n.startswith(".") and "." not in n][:MAX_FILES]
        build = data.get("package", {}).get("build") if isinstance(data.get("package"), dict) else None
        if isinstance(build, str):
            scripts[directory] = build
    runs = []
    for p in packages:
        runs.append(Run(pathstr.normpath(f"{p}/{scripts.get(p, 'build.rs')}"), "rust", "the build script, which cargo compiles and runs before building"))
    if ops[0] in ("test", "t", "bench"):
        runs.extend(_cargo_tests(cmd, sc, packages))
    return runs


def _make(cmd: SimpleCommand, sc: Scope, read: Callable[[str], str | None]) -> list[Run]:
    from ..scripts_more import makefile_path

    found = makefile_path(cmd, sc)
    if found is None:
        return []
    path, text = found
    runs = [Run(path, "make", f"{pathstr.basename(path)}'s $(shell …) outside recipes, which make runs as it reads the file (even with -n)")]
    pending = [(pathstr.dirname(path), text)]
    seen = {path}
    while pending and len(seen) < 8:
        directory, t = pending.pop()
        if t == TOO_LARGE:
            continue
        for inc in make_includes(t):
            p = pathstr.normpath(pathstr.join(directory, inc))
            if p in seen:
                continue
            seen.add(p)
            runs.append(Run(p, "make", f"the included makefile {inc}, which make reads (and runs its $(shell …)) for every target"))
            body = read(p)
            if body:
                pending.append((directory, body))
    return runs


_NPM_LIFECYCLE = {
    "publish": ("prepublishOnly", "prepack", "prepare", "postpack", "publish", "postpublish"),
    "pack": ("prepack", "prepare", "postpack"),
    "version": ("preversion", "version", "postversion"),
    "rebuild": ("preinstall", "install", "postinstall", "prepare"),
}


def _package_json(directory: str, read: Callable[[str], str | None]) -> dict[str, object] | None:
    text = read(f"{directory}/package.json")
    if not text or text == TOO_LARGE:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _node_main(directory: str, read: Callable[[str], str | None], why: str) -> list[Run]:
    data = _package_json(directory, read)
    main = data.get("main") if data is not None else None
    if not isinstance(main, str) or DYN in main:
        main = "index.js"
    p = pathstr.normpath(pathstr.join(directory, main))
    return [Run(p if p.endswith((".js", ".cjs", ".mjs")) else p + ".js", "js", why)]


def _npm(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> list[tuple[str, str]]:
    """Lifecycle scripts npm/yarn/pnpm run around publish, pack and version (install and run-script: scripts.py)."""
    ops = _operands(vals)
    if not ops:
        return []
    directory = cmd.cwd or sc.ctx.cwd
    keys = _NPM_LIFECYCLE.get(ops[0])
    if keys is None:
        return []
    data = _package_json(directory, read)
    scripts = data.get("scripts") if data is not None else None
    if not isinstance(scripts, dict):
        return []
    return [(f"{cmd.name} {ops[0]} runs the package.json script {k!r}", v) for k in keys if isinstance(v := scripts.get(k), str)]


_GIT_HOOKS = {
    "commit": ("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit"),
    "push": ("pre-push",),
    "merge": ("pre-merge-commit", "post-merge"),
    "pull": ("post-merge",),
    "checkout": ("post-checkout",),
    "switch": ("post-checkout",),
    "rebase": ("pre-rebase", "post-rewrite"),
    "am": ("applypatch-msg", "pre-applypatch", "post-applypatch"),
}
_NO_VERIFY = {"commit": ("pre-commit", "commit-msg"), "push": ("pre-push",), "merge": ("pre-merge-commit",)}


# The git commands that reach a remote, over ssh where its URL says so (the repository's core.sshCommand is run).
_GIT_TRANSPORTS = frozenset({"push", "fetch", "pull", "ls-remote", "remote", "submodule"})


def _ssh_config_of_repository(cmd: SimpleCommand, sc: Scope, norm: object, read: Callable[[str], str | None], sub: str) -> list[Run]:
    """The ssh configuration file the repository's `core.sshCommand 'ssh -F FILE'` names: ssh reads it when git reaches
    the remote, and its ProxyCommand (or LocalCommand, `Match exec`) runs and decides where the push goes. The setting
    was judged when made, the file only as it was then: a file written afterwards is read here, at the push."""
    _, git_dir = _git_dir_of(cmd, sc, norm, read)
    text = read(git_dir.rstrip("/") + "/config")
    if not text or "sshcommand" not in text.lower():
        return []
    out: list[Run] = []
    section = ""
    for raw in text[:100_000].split("\n"):
        line = raw.strip(" \t\r")
        if line.startswith("["):
            section = line[1:].split("]", 1)[0].strip().lower()
            continue
        key, eq, value = line.partition("=")
        if not eq or section != "core" or key.strip(" \t").lower() != "sshcommand":
            continue
        words = value.strip(" \t").strip('"').split()
        for i, w in enumerate(words[:-1]):
            if w == "-F" and DYN not in words[i + 1]:
                f = words[i + 1].strip("'\"")
                out.append(Run(sc.path(f, cmd), "sshconfig", f"the ssh configuration {f} core.sshCommand names, which ssh reads at git {sub}"))
    return out[:4]


def _git_dir_of(cmd: SimpleCommand, sc: Scope, norm: object, read: Callable[[str], str | None]) -> tuple[str, str]:
    """(work tree, git directory) of the repository a git command acts in: the nearest folder from where it runs (its
    directory, `-C DIR`) up to the project's root (or within a temp folder) that holds a `.git` folder or a `.git` file naming one (`gitdir:`, a
    worktree's or submodule's; a worktree's hooks are its common directory's). A repository inside the project runs its
    own hooks, not the project's (adversarial round 13c: `git init --template=T sub`, then `git -C sub commit` ran
    sub/.git/hooks/pre-commit unread). The project's own when none is found below it."""
    root = sc.ctx.project_root
    directory = sc.path(".", cmd)
    for o, v, level in getattr(norm, "opts", ()):
        if o == "C" and level == 0 and v and DYN not in v:
            directory = sc.path(v if v.startswith(("/", "~")) else pathstr.join(directory, v), cmd)
    d = directory.rstrip("/") or "/"
    for _ in range(32):
        if not (d.startswith(root + "/") or (d != "/" and sc.in_temp(d))):
            break
        if read(f"{d}/.git/config") is not None or read(f"{d}/.git/HEAD") is not None:
            return d, f"{d}/.git"
        link = read(f"{d}/.git")
        if link is not None and link != TOO_LARGE and link.startswith("gitdir:"):
            g = link[len("gitdir:") :].strip().splitlines()[0] if link[len("gitdir:") :].strip() else ""
            if g and DYN not in g:
                g = pathstr.normpath(g if g.startswith("/") else pathstr.join(d, g))
                common = read(f"{g}/commondir")
                if common and common != TOO_LARGE and common.strip():
                    c = common.strip().splitlines()[0]
                    g = pathstr.normpath(c if c.startswith("/") else pathstr.join(g, c))
                return d, g
        d = pathstr.dirname(d)
    return root, f"{root}/.git"


def _hooks_path(root: str, read: Callable[[str], str | None], git_dir: str = "") -> str:
    git_dir = git_dir or f"{root}/.git"
    config = read(f"{git_dir}/config")
    if config and config != TOO_LARGE:
        section = ""
        for line in config.splitlines():
            s = line.strip()
            if s.startswith("["):
                section = s.strip("[]").strip().lower()
            elif section == "core":
                key, eq, value = s.partition("=")
                if eq and key.strip().lower() == "hookspath":
                    v = value.strip().strip('"')
                    if v and DYN not in v and not v.startswith("~"):
                        return pathstr.normpath(pathstr.join(root, v))
    return f"{git_dir}/hooks"


def _git(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> list[Run]:
    from ..shell.options import normalise

    norm = normalise(cmd)
    sub = norm.sub[0] if norm.sub else ""
    runs: list[Run] = []
    git_dir = _explicit_git_dir(cmd, vals)
    if git_dir is not None and pathstr.basename(git_dir.rstrip("/")) != ".git":
        # git --git-dir=DIR, GIT_DIR=DIR: git reads DIR/config and runs the programs it names (core.fsmonitor at every
        # status, core.pager, aliases …). A directory the agent wrote is not the repository's own protected .git.
        d = sc.path(git_dir, cmd).rstrip("/")
        runs.append(Run(f"{d}/config", "gitconfig", f"the programs {pathstr.basename(d)}/config names, which git runs with that git directory"))
    # Configuration files git is pointed at (GIT_CONFIG_GLOBAL=FILE, GIT_CONFIG_SYSTEM, `-c include.path=FILE`,
    # `-c includeIf.COND.path=FILE`): git reads them as its own and runs the programs they name.
    named = [cmd.assigns[k] for k in ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG") if cmd.assigns.get(k)]
    hooks_dir: str | None = None
    template = cmd.assigns.get("GIT_TEMPLATE_DIR") or ""
    for o, v, _level in norm.opts:
        if o in ("c", "config") and v and "=" in v:
            key, _, value = v.partition("=")
            low = key.lower()
            if low == "include.path" or (low.startswith("includeif.") and low.endswith(".path")):
                named.append(value)
            elif low == "core.hookspath":
                hooks_dir = value
            elif low == "init.templatedir":
                template = value
        elif o == "template" and v:
            template = v
    for f in named[:4]:
        if f and DYN not in f and f != "/dev/null":
            runs.append(Run(sc.path(f, cmd), "gitconfig", f"the programs {f} names, which git reads as its configuration"))
    if sub in ("clone", "init") and template and DYN not in template:
        # git clone --template=DIR: DIR/hooks are copied into the new repository, and clone's checkout runs post-checkout.
        runs.append(
            Run(
                sc.path(template, cmd).rstrip("/") + "/hooks/post-checkout",
                "githook",
                f"the template hook {template}/hooks/post-checkout, which git {sub} installs and runs",
            )
        )
    if sub == "clone" and hooks_dir and DYN not in hooks_dir:
        runs.append(
            Run(sc.path(hooks_dir, cmd).rstrip("/") + "/post-checkout", "githook", f"the hook {hooks_dir}/post-checkout, which git clone runs at its checkout")
        )
    if sub in _GIT_TRANSPORTS:
        runs += _ssh_config_of_repository(cmd, sc, norm, read, sub)
    hooks = _GIT_HOOKS.get(sub)
    if not hooks:
        return runs
    # git's table reads both `--no-verify` and `-n` as the option "verify" (negated / short form).
    if any(o in ("verify", "no-verify") for o, _, _ in norm.opts) and "--verify" not in vals:
        hooks = tuple(h for h in hooks if h not in _NO_VERIFY.get(sub, ()))
    root, git_dir = _git_dir_of(cmd, sc, norm, read)
    directory = sc.path(hooks_dir, cmd).rstrip("/") if hooks_dir and DYN not in hooks_dir else _hooks_path(root, read, git_dir)
    for h in hooks:
        runs.append(Run(f"{directory}/{h}", "githook", f"the git hook {h}, which git {sub} runs"))
        if directory.endswith("/_"):  # husky 9: .husky/_/<hook> runs .husky/<hook>
            runs.append(Run(f"{directory[:-2]}/{h}", "githook", f"the husky hook {h}, which git {sub} runs"))
    return runs


def _explicit_git_dir(cmd: SimpleCommand, vals: list[str]) -> str | None:
    """The git directory a command names: `--git-dir=DIR` / `--git-dir DIR` before the subcommand, or GIT_DIR=DIR."""
    skip = False
    for i, v in enumerate(vals):  # the words after `git`
        if skip:
            skip = False
            continue
        if v in ("-c", "-C", "--work-tree", "--namespace", "--exec-path", "--config-env", "--super-prefix"):
            skip = True
            continue
        if not v.startswith("-"):
            break
        if v.startswith("--git-dir="):
            return v.split("=", 1)[1] or None
        if v == "--git-dir" and i + 1 < len(vals):
            return vals[i + 1]
    return cmd.assigns.get("GIT_DIR") or None


def _node_options(value: str, cmd: SimpleCommand, sc: Scope) -> list[Run]:
    words = value.split()
    runs = []
    for i, w in enumerate(words):
        name, eq, arg = w.partition("=")
        if name in ("--require", "-r", "--import", "--loader", "--experimental-loader"):
            target = arg if eq else (words[i + 1] if i + 1 < len(words) else "")
            if target.startswith(("./", "../", "/")):
                runs.append(Run(sc.path(target, cmd), "js", f"{target}, which NODE_OPTIONS={name} loads into every node process"))
    return runs


def _rubyopt(value: str, cmd: SimpleCommand, sc: Scope) -> list[Run]:
    runs = []
    for w in value.split():
        if w.startswith("-r") and w[2:].startswith(("./", "../", "/")):
            p = w[2:] if w.endswith(".rb") else w[2:] + ".rb"
            runs.append(Run(sc.path(p, cmd), "ruby", f"{w[2:]}, which RUBYOPT=-r loads into every ruby process"))
    return runs


def _environment(cmd: SimpleCommand, sc: Scope) -> list[Run]:
    """Files the environment makes every matching process load: NODE_OPTIONS, RUBYOPT, BASH_ENV, PYTHONSTARTUP."""
    a = cmd.assigns
    runs: list[Run] = []
    if "NODE_OPTIONS" in a:
        runs += _node_options(a["NODE_OPTIONS"], cmd, sc)
    if "RUBYOPT" in a:
        runs += _rubyopt(a["RUBYOPT"], cmd, sc)
    v = a.get("BASH_ENV")  # (sh's ENV is read by interactive shells only, and ENV=production is common)
    if v and DYN not in v:
        runs.append(Run(sc.path(v, cmd), "shell", f"{v}, which BASH_ENV makes every non-interactive bash run first"))
    v = a.get("ZDOTDIR")  # zsh sources $ZDOTDIR/.zshenv at every start, scripts and `zsh -c` included
    if v and DYN not in v:
        runs.append(Run(sc.path(v, cmd).rstrip("/") + "/.zshenv", "shell", f"{v}/.zshenv, which ZDOTDIR makes every zsh run first"))
    v = a.get("PYTHONPATH")  # site imports sitecustomize and usercustomize from the path at every Python start
    if v and DYN not in v:
        for d in [d for d in v.split(":") if d][:4]:
            for n in ("sitecustomize.py", "usercustomize.py"):
                runs.append(Run(sc.path(d, cmd) + "/" + n, "python", f"{n} in PYTHONPATH={d}, which every Python started here imports at start"))
    v = a.get("PYTHONSTARTUP")
    if v and DYN not in v and cmd.name.startswith("python") and not _operands(cmd.values()):
        runs.append(Run(sc.path(v, cmd), "python", f"{v}, which PYTHONSTARTUP runs in an interactive python"))
    return runs


def _python_module(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> Sequence[Run | tuple[str, str]]:
    """`python -m X`: pytest, pip and build are toolchains; other modules found in the working directory."""
    if "-m" not in vals:
        return []
    i = vals.index("-m")
    if i + 1 >= len(vals):
        return []
    module, rest = vals[i + 1], vals[i + 2 :]
    if module in ("pytest", "py.test"):
        return _pytest(cmd, sc, rest, read)
    if module == "pip":
        return _pip(cmd, sc, _operands(rest), read, "pip")
    if module == "doctest":
        # python -m doctest README.md x.txt: the `>>>` lines of each file (a .py file: its docstrings' -- the module,
        # imported) are run as Python (round 14c, seen and not fixed then)
        files = [sc.path(o, cmd) for o in _operands(rest, frozenset({"-o", "--option"})) if DYN not in o]
        why = "the examples of {}, which python -m doctest runs"
        return [Run(f, "python" if f.endswith(".py") else "doctest", why.format(pathstr.basename(f))) for f in files[:MAX_FILES]]
    if module == "build":
        ops = _operands(rest, frozenset({"-o", "--outdir", "-C", "--config-setting"}))
        d = sc.path(ops[0], cmd) if ops else (cmd.cwd or sc.ctx.cwd)
        return _build_files(d, read, "python -m build")
    if not all(c.isalnum() or c in "._" for c in module):
        return []
    cwd = cmd.cwd or sc.ctx.cwd
    rel = module.replace(".", "/")
    why = f"the project's module {module}, which python -m runs"
    # Importing a.b.c runs a/__init__.py and a/b/__init__.py first (and a/b/c/__init__.py for a package).
    parts = module.split(".")
    inits = []
    for i in range(1, len(parts) + 1):
        pkg = "/".join(parts[:i])
        inits.append(Run(f"{cwd}/{pkg}/__init__.py", "python", f"{pkg}/__init__.py, which python -m {module} imports first"))
    return [*inits[:8], Run(f"{cwd}/{rel}/__main__.py", "python", why), Run(f"{cwd}/{rel}.py", "python", why)]


def _gradle(cmd: SimpleCommand, sc: Scope) -> list[Run]:
    d = cmd.cwd or sc.ctx.cwd
    why = "the build script, which gradle runs at every build"
    runs = [Run(f"{d}/{n}", "gradle", why) for n in ("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts")]
    # gradle --init-script FILE (-I FILE): a script gradle runs before the build's own.
    vals = cmd.values()
    for i, v in enumerate(vals[:-1]):
        if v in ("-I", "--init-script") and DYN not in vals[i + 1]:
            runs.append(Run(sc.path(vals[i + 1], cmd), "gradle", f"the init script {vals[i + 1]}, which gradle runs before the build"))
    for v in vals:
        if v.startswith("--init-script=") and DYN not in v:
            runs.append(Run(sc.path(v.split("=", 1)[1], cmd), "gradle", "the init script, which gradle runs before the build"))
    return runs[:8]


def _go(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[Run]:
    """`go generate FILE.go`, `go generate [./dir | ./dir/... | ./...]`: the .go files of those packages."""
    ops = _operands(vals, frozenset({"-run", "-skip"}))
    if not ops or ops[0] != "generate":
        return []
    cwd = cmd.cwd or sc.ctx.cwd
    runs: list[Run] = []
    for v in ops[1:] or ["."]:
        if v.endswith(".go"):
            runs.append(Run(sc.path(v, cmd), "go", f"{v}'s //go:generate lines, which go generate runs"))
            continue
        if not v.startswith((".", "/")) or DYN in v:
            continue  # an import path: a module elsewhere
        recursive = v.endswith("/...") or v == "..."
        top = sc.path(v[:-4] if v.endswith("/...") else ("." if v == "..." else v), cmd) if v != "." else cwd
        for d, names in _walk(sc, top, MAX_DIRS if recursive else 1):
            runs.extend(Run(f"{d}/{n}", "go", f"{n}'s //go:generate lines, which go generate runs") for n in sorted(names) if n.endswith(".go"))
    return runs[:MAX_FILES]


def _go_test(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[Run]:
    """`go test [./dir | ./dir/... | ./... | FILE_test.go]`: go compiles the packages with their _test.go files and runs
    the test binary -- every init() and TestMain of the package's files, test files first (issue 15)."""
    ops = _operands(vals, frozenset({"-run", "-skip", "-bench", "-count", "-timeout", "-tags", "-p", "-parallel", "-cpu", "-o", "-exec", "-coverprofile"}))
    if not ops or ops[0] != "test":
        return []
    cwd = cmd.cwd or sc.ctx.cwd
    tests: list[Run] = []
    others: list[Run] = []
    for v in [o for o in ops[1:] if not o.startswith("-")] or ["."]:
        if v.endswith(".go"):
            tests.append(Run(sc.path(v, cmd), "gosrc", TEST_SOURCE))
            continue
        if not v.startswith((".", "/")) or DYN in v:
            continue  # an import path: a module elsewhere
        recursive = v.endswith("/...") or v == "..."
        top = sc.path(v[:-4] if v.endswith("/...") else ("." if v == "..." else v), cmd) if v != "." else cwd
        for d, names in _walk(sc, top, MAX_DIRS if recursive else 1):
            for n in sorted(names):
                if n.endswith(".go"):
                    (tests if n.endswith("_test.go") else others).append(Run(f"{d}/{n}", "gosrc", TEST_SOURCE))
    return [*tests, *others][:MAX_FILES]


def _cargo_tests(cmd: SimpleCommand, sc: Scope, packages: list[str]) -> list[Run]:
    """`cargo test`: the crate's tests/ (each an integration test binary), then its src/ (unit tests in #[cfg(test)]
    modules, and whatever a test calls) -- compiled and run (issue 15)."""
    tests: list[Run] = []
    others: list[Run] = []
    for p in packages[:8]:
        for sub, out in (("tests", tests), ("benches", tests), ("src", others)):
            for d, names in _walk(sc, f"{p}/{sub}", 16):
                out.extend(Run(f"{d}/{n}", "rust", TEST_SOURCE) for n in sorted(names) if n.endswith(".rs"))
    return [*tests, *others][:MAX_FILES]


def _mix_test(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[Run]:
    """`mix test [FILE | DIR]`: ExUnit loads test/test_helper.exs and each *_test.exs file, running their top level and
    their tests (issue 15)."""
    ops = _operands(vals, frozenset({"--only", "--exclude", "--include", "--seed", "--max-failures", "--formatter", "--partitions"}))
    if not ops or ops[0] != "test":
        return []
    root = cmd.cwd or sc.ctx.cwd
    targets = [sc.path(o.split(":", 1)[0], cmd) for o in ops[1:] if not o.startswith("-") and DYN not in o]
    runs = [Run(f"{root}/test/test_helper.exs", "elixirsrc", TEST_SOURCE)]
    runs.extend(Run(t, "elixirsrc", TEST_SOURCE) for t in targets if t.endswith(".exs"))
    for t in [t for t in targets if not t.endswith(".exs")] or [f"{root}/test"]:
        for d, names in _walk(sc, t, 16):
            runs.extend(Run(f"{d}/{n}", "elixirsrc", TEST_SOURCE) for n in sorted(names) if n.endswith("_test.exs"))
    return runs[:MAX_FILES]


def _tox(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> list[Run]:
    root = sc.ctx.project_root
    ini = f"{root}/tox.ini"
    # tox -c FILE|DIR (--conf, --root): the configuration tox reads instead (adversarial round 15b).
    for i, v in enumerate(vals):
        given = vals[i + 1] if v in ("-c", "--conf", "--root") and i + 1 < len(vals) else v.partition("=")[2] if v.startswith(("--conf=", "--root=")) else ""
        if given and DYN not in given:
            path = sc.path(given, cmd)
            ini = path if path.endswith((".ini", ".toml", ".cfg")) else f"{path}/tox.ini"
            break
    return [Run(ini, "tox", "tox.ini's commands, which tox runs"), *_pytest(cmd, sc, [], read)]


def _runs(cmd: SimpleCommand, sc: Scope, read: Callable[[str], str | None]) -> Sequence[Run | tuple[str, str]]:
    """The table: command -> the files it runs by convention."""
    name = cmd.name
    vals = cmd.values()
    if name in ("pytest", "py.test"):
        return _pytest(cmd, sc, vals, read)
    if name == "tox":
        return _tox(cmd, sc, vals, read)
    if name in ("pip", "pip3"):
        return _pip(cmd, sc, _operands(vals, frozenset({"-r", "-c", "-i", "--index-url", "-t", "--target", "-w", "--wheel-dir"})), read, name)
    if name == "uv":
        ops = _operands(vals, frozenset({"-r", "-p", "--python", "--index-url", "-i"}))
        if ops[:1] == ["pip"]:
            return _pip(cmd, sc, ops[1:], read, "uv pip")
        if ops[:1] in (["build"], ["sync"]):
            return _build_files(cmd.cwd or sc.ctx.cwd, read, f"uv {ops[0]}")
        if ops[:2] in (["tool", "install"], ["tool", "run"]):
            # `uv tool install .`, `uv tool install ./pkg`: the local project is built as pip builds it (round 15a)
            return _pip(cmd, sc, ["install", *ops[2:], *_from_option(vals)], read, "uv tool")
        return []
    if name == "pipx":
        # `pipx install .`, `pipx inject VENV ./pkg`, `pipx run --spec ./pkg x`: the local project is built (round 15a)
        ops = _operands(vals, frozenset({"--python", "--spec", "--suffix", "--index-url", "--pip-args"}))
        if ops[:1] in (["install"], ["inject"], ["run"]):
            return _pip(cmd, sc, ["install", *ops[1:], *_from_option(vals, "--spec")], read, "pipx")
        return []
    if name.startswith("python") or name in ("pypy", "pypy3"):
        return _python_module(cmd, sc, vals, read)
    if name == "cargo":
        return _cargo(cmd, sc, vals, read)
    if name in ("make", "gmake"):
        return _make(cmd, sc, read)
    if name in ("npm", "pnpm", "yarn"):
        ops = _operands(vals)
        if name == "npm" and ops in (["start"],):
            data = _package_json(cmd.cwd or sc.ctx.cwd, read)
            scripts = data.get("scripts") if data is not None else None
            if not (isinstance(scripts, dict) and "start" in scripts):
                return [Run(f"{cmd.cwd or sc.ctx.cwd}/server.js", "js", "server.js, which npm start runs when package.json has no start script")]
        return _npm(cmd, sc, vals, read)
    if name in ("node", "nodejs"):
        ops = _operands(vals)
        if ops and ops[0] in (".", "./"):
            return _node_main(cmd.cwd or sc.ctx.cwd, read, "package.json's main, which node . runs")
        return []
    if name == "pre-commit":
        ops = _operands(vals)
        if ops[:1] in (["run"], []) or ops[:1] == ["try-repo"]:
            return [Run(f"{sc.ctx.project_root}/.pre-commit-config.yaml", "precommit", "a hook in .pre-commit-config.yaml, which pre-commit runs")]
        return []
    if name == "git":
        return _git(cmd, sc, vals, read)
    if name in ("gradle", "gradlew") or cmd.argv[0].value.endswith("/gradlew"):
        return _gradle(cmd, sc)
    if name == "go":
        return _go(cmd, sc, vals) or _go_test(cmd, sc, vals)
    if name == "mix":
        return _mix_test(cmd, sc, vals)
    if name in ("sphinx-build", "sphinx-autobuild"):
        # sphinx-build SOURCEDIR OUTDIR: Sphinx executes SOURCEDIR/conf.py (-c DIR: that folder's) before it builds
        # (round 14c, seen and not fixed then)
        ops = _operands(vals, frozenset({"-b", "-M", "-d", "-j", "-D", "-A", "-t", "-w", "-C", "--builder", "--jobs", "--doctree-dir"}))
        conf_dir = _option_value(vals, ("-c", "--conf-dir"))
        where = conf_dir or (ops[0] if ops else None)
        if where is None or DYN in where:
            return []
        return [Run(f"{sc.path(where, cmd)}/conf.py", "python", "conf.py, which sphinx-build executes before it builds")]
    if name in ("jupyter", "papermill", "ipython", "ipython3"):
        return _notebooks(cmd, sc, vals)
    if name in ("ssh", "scp", "sftp", "curl"):
        return _option_file(cmd, sc, vals)
    if name in ("docker-compose", "podman-compose") or (name in ("docker", "podman") and vals[:1] == ["compose"]):
        return _compose_files(cmd, sc, vals[1:] if name in ("docker", "podman") else vals)
    if name in ("pylint", "mypy", "dmypy", "bazel", "bazelisk"):
        return _tool_configs(cmd, sc, read)
    return [*_runner(cmd, sc, vals, read), *_js_configs(cmd, sc)]


def _option_value(vals: list[str], names: tuple[str, ...]) -> str | None:
    from .convention_runners import _option_value as value

    return value(vals, names)


def _tool_configs(cmd: SimpleCommand, sc: Scope, read: Callable[[str], str | None]) -> list[Run]:
    """Code a linter or build runs from its configuration (adversarial round 14a): pylint's init-hook (pylintrc,
    .pylintrc, pyproject.toml, setup.cfg), the plugins mypy imports (a module or a file path, in mypy.ini, .mypy.ini,
    setup.cfg, pyproject.toml), bazel's --run_under (.bazelrc)."""
    root = sc.ctx.project_root
    cwd = cmd.cwd or sc.ctx.cwd
    where = list(dict.fromkeys([cwd, root]))
    if cmd.name.startswith("bazel"):
        return [Run(f"{root}/.bazelrc", "bazelrc", ".bazelrc's --run_under program, which bazel runs before every test")]
    if cmd.name == "pylint":
        names = ("pylintrc", ".pylintrc", "pyproject.toml", "setup.cfg", "tox.ini")
        return [Run(f"{d}/{n}", "pylintrc", f"the init-hook in {n}, which pylint runs first") for d in where for n in names]
    runs: list[Run] = []
    for d in where:
        for n in ("mypy.ini", ".mypy.ini", "pyproject.toml", "setup.cfg"):
            text = read(f"{d}/{n}")
            if not text or text == TOO_LARGE or "plugins" not in text:
                continue
            for plugin in _mypy_plugins(text)[:8]:
                if plugin.endswith(".py") or "/" in plugin:
                    files = [pathstr.normpath(pathstr.join(d, plugin))]
                else:
                    files = _module_file(root, plugin.split(":", 1)[0])
                runs.extend(Run(f, "python", f"the mypy plugin {plugin} (plugins in {n}), which mypy imports at start") for f in files)
    return runs


def _mypy_plugins(text: str) -> list[str]:
    """The entries of a `plugins = a, b.py` line (INI) or `plugins = ["a", "b.py"]` (TOML)."""
    out: list[str] = []
    for line in text.splitlines():
        key, eq, value = line.partition("=")
        if eq and key.strip() == "plugins":
            out.extend(w for w in value.replace("[", " ").replace("]", " ").replace('"', " ").replace("'", " ").replace(",", " ").split() if DYN not in w)
    return out


def _option_file(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[Run]:
    """`ssh -F FILE`, `curl -K FILE`: a file the program reads its options from, judged as those options."""
    opts = ("-F",) if cmd.name in ("ssh", "scp", "sftp") else ("-K", "--config")
    for i, v in enumerate(vals[:-1]):
        if v in opts and DYN not in vals[i + 1] and vals[i + 1] not in ("-", "/dev/null"):
            f = vals[i + 1]
            lang = "sshconfig" if cmd.name != "curl" else "curlconfig"
            return [Run(sc.path(f, cmd), lang, f"the options in {f}, which {cmd.name} {v} reads as its own")]
    return []


_COMPOSE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
_COMPOSE_VERBS = frozenset({"up", "run", "create", "start", "restart", "watch"})


def _compose_files(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[Run]:
    """`docker compose up|run|create|start`: the compose files' services, each judged as the `docker run` it is (its
    command, with the host folders it mounts), from `-f FILE` or the default names in the directory it runs in."""
    files: list[str] = []
    verb = ""
    skip = False
    for i, v in enumerate(vals):
        if skip:
            skip = False
            continue
        if v in ("-f", "--file") and i + 1 < len(vals):
            files.append(vals[i + 1])
            skip = True
        elif v.startswith("--file="):
            files.append(v.split("=", 1)[1])
        elif v in ("-p", "--project-name", "--project-directory", "--env-file", "--profile", "--ansi", "--parallel"):
            skip = True
        elif not v.startswith("-"):
            verb = v
            break
    if verb not in _COMPOSE_VERBS:
        return []
    cwd = cmd.cwd or sc.ctx.cwd
    paths = [sc.path(f, cmd) for f in files if DYN not in f] or [f"{cwd}/{n}" for n in _COMPOSE_NAMES]
    return [Run(p, "compose", f"the services of {pathstr.basename(p)} (their commands, and the host folders they mount)") for p in paths[:4]]


def _notebooks(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[Run]:
    """`jupyter nbconvert --execute NB`, `jupyter execute NB`, `papermill NB OUT`, `ipython NB`: the notebook's cells run."""
    ops = _operands(vals, frozenset({"--to", "--output", "--output-dir", "-p", "--parameters", "-k", "--kernel", "--ExecutePreprocessor.timeout"}))
    if cmd.name == "jupyter":
        if not ops or not (ops[0] == "execute" or (ops[0] == "nbconvert" and any(v == "--execute" or v.startswith("--execute") for v in vals))):
            return []
        ops = ops[1:]
    elif cmd.name == "papermill":
        ops = ops[:1]  # papermill IN OUT: OUT is written, IN runs
    notebooks = [o for o in ops if o.endswith(".ipynb")][:MAX_FILES]
    return [Run(sc.path(o, cmd), "notebook", f"the code cells of {pathstr.basename(o)}, which {cmd.name} executes") for o in notebooks]


# The names under which a program opens its own standard input as a file.
_STDIN_FILES = frozenset({"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0", "/proc/thread-self/fd/0"})


# The mark of a label whose code the command line itself gives (a process substitution's literal output): the agent's
# own text, judged as the same code typed (engine._check_scripts_in), not capped as a project file's is.
LINE_TEXT = " (given on the command line)"


def runs(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """(label, shell code) for each file *cmd* runs by convention, read through ``Context.read_file``.

    A file too large to read comes back as ``model.TOO_LARGE``."""
    reader = sc.ctx.read_file
    if reader is None or cmd.remote is not None or cmd.cwd is None:
        return []
    stdin: list[str | None] = []
    fds: dict[str, Word] = {}
    if any(w.procsub for w in cmd.argv):
        from ..shell.outputs import fd_named

        cmd, fds = fd_named(cmd)

    fed: list[str] = []

    def read(path: str) -> str | None:
        if path in fds:
            # `just --justfile <(printf …)`, `task -t <(…)`, `cmake -P <(…)`: bash gives the program /dev/fd/N, whose text
            # is the substitution's output -- read when the line writes it literally, as the line's own text (LINE_TEXT).
            from ..shell.outputs import literal_stdin

            fed.append(path)
            got = literal_stdin(fds[path].subs)
            # A substitution whose output is not literal (`just --justfile <(cat /tmp/j)`, `ninja -f <(base64 -d p)`)
            # is a pipe read when it runs: a file clearance cannot see into, asked (fix19a; it was read as no file).
            return got if got is not None else NOT_REGULAR
        if path in _STDIN_FILES:
            # just --justfile /dev/stdin, cmake -P /dev/stdin: the file is the command's standard input, read when it
            # is written on the line (a here-string, a here-document, `echo …|`).
            if not stdin:
                from ..shell.outputs import literal_stdin

                stdin.append(cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from))
            return stdin[0]
        if DYN in path or not (is_within(path, sc.ctx.project_root) or sc.in_temp(path)):
            return None
        return reader(path)

    out: list[tuple[str, str]] = []
    items: list[Run | tuple[str, str]] = [*_runs(cmd, sc, read), *(_environment(cmd, sc) if cmd.assigns else [])]
    tests: list[tuple[str, str]] = []  # (path, text) of the Python test modules read, whose imports are followed
    for item in items[:MAX_FILES]:
        if isinstance(item, tuple):
            out.append((item[0] + LINE_TEXT, item[1]) if fed else item)
            continue
        text = read(item.path)
        if text is None:
            continue
        label = f"{cmd.name} runs {item.role}" + (LINE_TEXT if item.path in fds else "")
        if item.role in _TEST_ROLES:
            if text == TOO_LARGE:
                continue
            label = f"{cmd.name} runs {pathstr.basename(item.path)}, {item.role}"
            if item.role == TEST_MODULE:
                tests.append((item.path, text))
        if text == TOO_LARGE:
            if item.lang not in _LARGE_IS_ORDINARY or not_regular(text):
                out.append((label, TOO_LARGE))  # (a FIFO is never a large generated file: fix19a)
            continue
        lang = item.lang
        if lang == "githook":
            lang = "shell" if not text.startswith("#!") or "sh" in text.split("\n", 1)[0] else _shebang_lang(text)
            if lang == "shell" and "lefthook" in text:
                # lefthook's installed shim: the commands are in lefthook.yml under the hook's name.
                hook = item.path.rsplit("/", 1)[-1]
                for cfg_name in _LEFTHOOK_FILES:
                    cfg = read(f"{sc.ctx.project_root}/{cfg_name}")
                    if cfg and cfg != TOO_LARGE:
                        out.extend((f"{cmd.name} runs {cfg_name}'s {hook} commands (through the lefthook hook)", c) for c in lefthook_commands(cfg, hook))
                continue
            if lang == "shell" and "pre-commit" in text and "hook-impl" in text:
                # pre-commit's installed shim: the hooks are in the configuration it names (`--config=FILE`).
                cfg_name = _shim_config(text)
                cfg = read(pathstr.normpath(pathstr.join(sc.ctx.project_root, cfg_name)))
                if cfg and cfg != TOO_LARGE:
                    out.extend((f"{cmd.name} runs a hook in {cfg_name} (through {item.path.rsplit('/', 1)[-1]})", c) for c in precommit_entries(cfg))
                continue
        for code in shell_code(lang, text):
            out.append((label, code))
        if item.role not in _TEST_ROLES and lang in _FOLLOWED:
            # The project files it loads in turn (gulpfile.js → require('./tasks/x'), tasks.py → import helpers).
            out.extend(_loaded(cmd, sc, item.path, _FOLLOWED[lang], text, label))
    if tests:
        out.extend(_test_imports(cmd, sc, tests))
    return out


# The project modules pytest's test modules import, followed together for one decision (issue 15, round 14a): at most
# IMPORTS_READ modules read and IMPORT_CANDIDATES candidate paths tried, breadth first from the test modules, and of those
# only a module changed since the session began (Context.changed_in_session: written, or brought in by a checkout, a
# patch, an archive) whose text may disable clearance (code.source_might_disable, a substring search) is analysed.
# Following every import and analysing each passed the decision deadline on projects whose tests import a
# library-sized package; a module older than the session is the user's, and its analysis would add nothing the agent did.
IMPORTS_READ = 64
IMPORT_CANDIDATES = 640
IMPORTS_ANALYSED = 16
IMPORTED_CHARS = 128 * 1024  # characters of imported modules analysed per decision (the analysis is what costs)


def _test_imports(cmd: SimpleCommand, sc: Scope, tests: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(label, one-liner) of each project module the test modules import, transitively, that changed in the session
    and may disable clearance; labelled as a test module is (only a hard denial counts, engine._TEST_MODULE). pytest
    imports a test module with its rootdir's folders on sys.path: the module's own folder, the project's root (`python
    -m pytest`, `pythonpath = .`) and its src/ (an installed src layout)."""
    from ..paths import is_generated
    from . import source_might_disable
    from .convention_files import one_liner
    from .localmods import _python

    root = sc.ctx.project_root
    reader = sc.ctx.read_file
    changed = sc.ctx.changed_in_session
    if reader is None:
        return []
    bases = [root, f"{root}/src"]
    seen = {p for p, _ in tests}
    pending = list(tests)
    out: list[tuple[str, str]] = []
    reads = followed = chars = 0
    while pending and followed < IMPORTS_READ and reads < IMPORT_CANDIDATES:
        p, t = pending.pop(0)
        specs: list[list[str]] = []
        for base in dict.fromkeys([pathstr.dirname(p), *bases]):
            specs += _python(p, t[:200_000], base)
        for cands in specs:
            if followed >= IMPORTS_READ or reads >= IMPORT_CANDIDATES:
                break
            if any(c in seen for c in cands):
                continue
            for c in cands:
                if DYN in c or not is_within(c, root) or is_generated(c, root):
                    continue
                reads += 1
                got = reader(c)
                if got is None:
                    continue
                seen.add(c)
                followed += 1
                if got == TOO_LARGE:
                    break
                pending.append((c, got))
                if len(out) < IMPORTS_ANALYSED and chars + len(got) <= IMPORTED_CHARS and (changed is None or changed(c)) and source_might_disable(c, got):
                    chars += len(got)
                    shown = c[len(root) + 1 :] if c.startswith(root + "/") else c
                    out.append((f"{cmd.name} runs {shown}, {IMPORTED_MODULE}", one_liner("python", got)))
                break
    return out


# Build files that are large as a matter of course (a multi-module pom.xml, a generated project file) and run code only
# through the constructs their reader looks for: one too large to read is not asked about on its size alone.
# (and a pyproject.toml pylint reads; a build.ninja a generator wrote is often larger than clearance reads)
_LARGE_IS_ORDINARY = frozenset({"maven", "msbuild", "pylintrc", "bazelrc", "ninja"})
# The languages whose local imports are followed (code/localmods.py), for the files a command runs by convention.
_FOLLOWED = {"python": "python", "js": "js", "ruby": "ruby", "php": "php", "invoke": "python", "nox": "python", "rake": "ruby", "csharp": "csharp"}


_LEFTHOOK_FILES = ("lefthook.yml", "lefthook.yaml", ".lefthook.yml", ".lefthook.yaml", "lefthook-local.yml")


def _shebang_lang(text: str) -> str:
    first = text.split("\n", 1)[0]
    for key, lang in (("python", "python"), ("node", "js"), ("ruby", "ruby"), ("perl", "perl")):
        if key in first:
            return lang
    return "none"


# -- CI: what else runs in a workflow -------------------------------------------------------------------


# -- on first use: the readers of files' text (convention_files.py) and the task runners (convention_runners.py), which
# most toolchain commands never reach (a cold hook deciding `pytest` or `git commit` does not load them, issue 16).


def shell_code(lang: str, text: str) -> list[str]:
    from .convention_files import shell_code

    return shell_code(lang, text)


def make_includes(text: str) -> list[str]:
    from .convention_files import make_includes

    return make_includes(text)


def precommit_entries(text: str) -> list[str]:
    from .convention_files import precommit_entries

    return precommit_entries(text)


def lefthook_commands(text: str, hook: str) -> list[str]:
    from .convention_files import lefthook_commands

    return lefthook_commands(text, hook)


def _shim_config(text: str) -> str:
    from .convention_files import _shim_config

    return _shim_config(text)


def _loaded(cmd: SimpleCommand, sc: Scope, path: str, lang: str, text: str, label: str) -> list[tuple[str, str]]:
    from .convention_files import _loaded

    return _loaded(cmd, sc, path, lang, text, label)


def _runner(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> Sequence[Run | tuple[str, str]]:
    from .convention_runners import _runner

    return _runner(cmd, sc, vals, read)
