"""Task runners and build tools that run a project file of their own (just, task, composer, nx, hatch, msbuild, maven,
mage, the loaders of _LOADERS): convention.py's _runner and its helpers, loaded when a command is one of them."""

from __future__ import annotations

from .. import jsonlite as json
from .. import pathstr
from ..jsonlite import jsonc_to_json
from ..lazyre import lazy
from ..model import TOO_LARGE
from ..paths import DYN, is_within
from .convention import _LEFTHOOK_FILES, LINE_TEXT, MAX_FILES, Run, _build_files, _dirs_down, _operands, _pytest
from .convention_files import composer_scripts, just_selected, lefthook_commands, nix_shell_hooks, taskfile_selected

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..scope import Scope
    from ..shell.ir import SimpleCommand


# The tools that evaluate a Ruby DSL file of the project: name -> (file, the subcommands that read it; None: all but
# help and version).
_RUBY_DSL_RUNS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "vagrant": ("Vagrantfile", None),
    "brew": ("Brewfile", ("bundle",)),
    "pod": ("Podfile", ("install", "update", "outdated", "deintegrate")),
    "guard": ("Guardfile", None),
    "fastlane": ("fastlane/Fastfile", None),
    "danger": ("Dangerfile", None),
    "cap": ("Capfile", None),
    "berks": ("Berksfile", None),
}


def _first(directory: str, names: Sequence[str], read: Callable[[str], str | None]) -> str | None:
    for n in names:
        if read(f"{directory}/{n}") is not None:
            return f"{directory}/{n}"
    return None


def _runner(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> Sequence[Run | tuple[str, str]]:
    """Task runners and build tools that run a project file of their own: just, task, composer, direnv, nox,
    rake, bundle, cmake, meson, and the Python build front ends (hatch, poetry, pdm)."""
    name = cmd.name
    cwd = cmd.cwd or sc.ctx.cwd
    ops = _operands(vals)
    dir_opts, file_opts = _RUNNER_DIR_OPTIONS.get(name, ()), _RUNNER_FILE_OPTIONS.get(name, ())
    given_file: str | None = None
    if dir_opts or file_opts:
        where = _option_value(vals, dir_opts) if dir_opts else None
        if where is not None:
            if DYN in where:
                return []
            cwd = sc.path(where, cmd)
        given_file = _option_value(vals, file_opts) if file_opts else None
        if given_file is not None and DYN in given_file:
            return []
        ops = _operands(vals, frozenset(dir_opts + file_opts))
    if name == "just":
        given = _option_value(vals, ("-f", "--justfile"))
        if given is not None:
            # just --justfile FILE RECIPE: that file's recipes (the option's value is not a recipe).
            path = sc.path(given, cmd) if DYN not in given else None
            ops = _operands(vals, frozenset({"-f", "--justfile", "-d", "--working-directory", "--set", "--shell", "--dotenv-filename", "--dotenv-path"}))
        else:
            path = _first(cwd, ("justfile", "Justfile", ".justfile"), read) or _first(sc.ctx.project_root, ("justfile", "Justfile", ".justfile"), read)
        if path is None or read(path) is None:
            return []
        text = read(path)
        if text is None or text == TOO_LARGE:
            return [Run(path, "just", "the justfile, whose recipes just runs")]
        return [(f"just runs the justfile recipe {r!r}", c) for r, c in just_selected(text, ops)]
    if name == "ninja":
        return _ninja(cmd, sc, vals)
    if name == "nix-shell":
        return _nix_shell(cmd, sc, vals, read)
    if name in ("task", "go-task"):
        given = _option_value(vals, ("-t", "--taskfile"))
        where = _option_value(vals, ("-d", "--dir"))
        if given is not None or where is not None:
            # task -t FILE NAME, task -d DIR NAME: that Taskfile's tasks (the options' values are not task names).
            ops = _operands(vals, frozenset({"-t", "--taskfile", "-d", "--dir", "-o", "--output", "-c", "--color"}))
        if given is not None:
            path = sc.path(given, cmd) if DYN not in given else None
        else:
            path = _first(sc.path(where, cmd) if where and DYN not in where else cwd, _TASKFILES, read)
        if path is None or read(path) is None:
            return []
        text = read(path)
        if text is None or text == TOO_LARGE:
            return [Run(path, "taskfile", "the Taskfile, whose cmds task runs")]
        wanted = [o for o in ops if "=" not in o] or ["default"]
        return [(f"task runs the Taskfile task {t!r}", c) for t, c in taskfile_selected(text, wanted)]
    if name == "composer":
        return _composer(cwd, ops, read)
    if name == "direnv" and ops[:1] in (["allow"], ["permit"], ["grant"], ["exec"], ["reload"]):
        target = ops[1] if len(ops) > 1 and ops[0] != "reload" else "."
        d = sc.path(target, cmd)
        d = d if not d.endswith(".envrc") else pathstr.dirname(d)
        return [Run(f"{d}/.envrc", "shell", ".envrc, which direnv runs in every shell that enters the directory once allowed")]
    if name == "nox":
        if given_file is not None:
            return [Run(sc.path(given_file, cmd), "nox", "the noxfile, which nox runs")]
        return [Run(f"{cwd}/noxfile.py", "nox", "noxfile.py, which nox runs")]
    if name == "rake":
        path = sc.path(given_file, cmd) if given_file is not None else _first(cwd, ("Rakefile", "rakefile", "Rakefile.rb", "rakefile.rb"), read)
        return [Run(path, "rake", "the Rakefile, which rake evaluates")] if path else []
    if name in _RUBY_DSL_RUNS:
        # The run side of the Ruby DSL files (_RUNNER_ROLES): the tool evaluates its file as Ruby first.
        file, verbs = _RUBY_DSL_RUNS[name]
        ops = [v for v in vals if not v.startswith("-")]
        if verbs and (not ops or ops[0] not in verbs):
            return []
        if not verbs and (not ops or ops[0] in ("version", "help")) and not (name == "vagrant" and not ops):
            return []
        given = next((v.split("=", 1)[1] for v in vals if v.startswith("--file=")), None)
        path = sc.path(given, cmd) if given and DYN not in given else f"{cwd}/{file}"
        lang = "rake" if name == "fastlane" else "ruby"  # fastlane's `sh(…)` runs a shell command, as rake's does
        return [Run(path, lang, f"the {pathstr.basename(path)}, Ruby that {name} evaluates")] if read(path) is not None else []
    if name in ("bundle", "bundler"):
        gemfile = cmd.assigns.get("BUNDLE_GEMFILE")
        path = sc.path(gemfile, cmd) if gemfile and DYN not in gemfile else f"{cwd}/Gemfile"
        return [Run(path, "ruby", "the Gemfile, Ruby that bundle evaluates")]
    if name == "cmake":
        script = _option_value(vals, ("-P",))
        if script is not None and DYN not in script:
            # cmake -P FILE: CMake runs the script (its execute_process and file operations).
            return [Run(sc.path(script, cmd), "cmake", "the CMake script cmake -P runs")]
        if any(v in ("--build", "--install", "-E", "-P", "--help", "--version") for v in vals):
            return []
        source = next((vals[i + 1] for i, v in enumerate(vals) if v == "-S" and i + 1 < len(vals)), None)
        source = source or next((v[2:] for v in vals if v.startswith("-S") and len(v) > 2), None)
        plain = _operands(vals, frozenset({"-B", "-G", "-T", "-A", "-C", "-D", "-U", "-S", "--preset"}))
        d = sc.path(source or (plain[0] if plain else "."), cmd)
        return [Run(f"{d}/CMakeLists.txt", "cmake", "CMakeLists.txt's execute_process, which cmake runs as it configures")]
    if name == "meson" and (not ops or ops[0] in ("setup", "configure")):
        rest = ops[1:] if ops and ops[0] in ("setup", "configure") else ops
        d = sc.path(rest[1], cmd) if len(rest) > 1 else cwd
        return [Run(f"{d}/meson.build", "meson", "meson.build's run_command, which meson runs as it configures")]
    if name == "lefthook" and ops[:1] == ["run"] and len(ops) > 1:
        out: list[tuple[str, str]] = []
        for cfg_name in _LEFTHOOK_FILES:
            text = read(f"{sc.ctx.project_root}/{cfg_name}")
            if text and text != TOO_LARGE:
                out += [(f"lefthook runs {cfg_name}'s {ops[1]} commands", c) for c in lefthook_commands(text, ops[1])]
        return out
    if name in _LOADERS:
        return _loader_files(cmd, sc, vals, read)
    if name == "sbt" and not any(v in ("-h", "--help", "--version", "-V") for v in vals):
        return [Run(f"{cwd}/build.sbt", "sbt", "build.sbt, which sbt evaluates as it loads the build")]
    if name == "mage":
        return _mage(cmd, sc, vals)
    if name == "earthly" and any(v.startswith(("+", "./", "../")) and "+" in v for v in vals):
        target = next(v for v in vals if v.startswith(("+", "./", "../")) and "+" in v)
        d = sc.path(target.split("+", 1)[0], cmd) if not target.startswith("+") else cwd
        return [Run(f"{d.rstrip('/')}/Earthfile", "earthly", "the Earthfile's LOCALLY targets, whose RUN commands earthly runs on the host")]
    if name in ("dotnet-cake", "dotnet-script") or (name == "dotnet" and (ops[:1] in (["cake"], ["script"]) or ops[:3] == ["tool", "run", "dotnet-cake"])):
        return _csharp_script(cmd, sc, ops)
    if name in ("dotnet", "msbuild", "xbuild"):
        return _msbuild(cmd, sc, vals, ops)
    if name in ("mvn", "mvnw") or cmd.argv[0].value.endswith("/mvnw"):
        return _maven(cmd, sc, vals)
    if name == "hatch" and ops[:1] == ["test"]:
        return _pytest(cmd, sc, [], read)
    if name == "hatch" and ops[:1] == ["run"] and len(ops) > 1:
        return _hatch_script(cwd, ops[1], read)
    if name in ("hatch", "poetry", "pdm", "flit") and ops[:1] in (["build"], ["install"], ["sync"], ["publish"]):
        return _build_files(cwd, read, f"{name} {ops[0]}")
    files = _TASK_RUNNERS.get((name, ops[0] if ops else "")) or _TASK_RUNNERS.get((name, "*"))
    if files:
        # A runner of a task table (poe, deno task, pdm run, pixi run, devbox, foreman): the tables' commands, read as
        # they are when the file is written (rules/tools.script_commands); every task counts, not only the one named.
        from ..rules.tools import script_commands

        tasks: list[tuple[str, str]] = []
        if given_file is not None:
            # deno task --config FILE, pixi run --manifest-path FILE: that file's table, read as the file of its kind.
            path = sc.path(given_file, cmd)
            base = pathstr.basename(path)
            kind = base if base in files else files[0]
            cwd, files = pathstr.dirname(path), (kind,)
            if base != kind:
                text = read(path)
                if text and text != TOO_LARGE:
                    if kind.endswith(".jsonc"):
                        kind, text = kind[:-1], jsonc_to_json(text)
                    tasks += [(f"{name} runs a task of {path}", c) for c in script_commands(f"{cwd}/{kind}", text)[:MAX_FILES]]
                return tasks
        for f in files:
            text = read(f"{cwd}/{f}")
            if text and text != TOO_LARGE:
                if f.endswith(".jsonc"):
                    f, text = f[:-1], jsonc_to_json(text)  # deno.jsonc: JSON with comments
                tasks += [(f"{name} runs a task of {f}", c) for c in script_commands(f"{cwd}/{f}", text)[:MAX_FILES]]
        return tasks
    if name == "nx":
        return _nx(sc, read) if ops and ops[0] not in _NX_QUIET else []
    if name in _UNREAD_BUILDS:
        return _unread_build(cmd, sc, vals, ops, read)
    return []


# Build tools whose own file is code of a language clearance does not read, or reads only as a one-liner (adversarial
# round 15a: `swift build` ran Package.swift, `zig build` build.zig, `terraform plan` an `external` data source's program,
# `cdk synth` cdk.json's app command, unread): program -> (the subcommands that load it, None for any; the file names,
# `*.SUFFIX` for every such file of the folder, `=OPTION` for the operand of that option; how it is read -- "blind":
# language-blind, as `jrunscript -e` code is (convention_files.blind_code); "lua": as `lua -e`; "cdkapp": cdk.json's
# app, a shell command line). A list extension of the tools, one reading for the languages clearance does not parse.
_UNREAD_BUILDS: dict[str, tuple[frozenset[str] | None, tuple[str, ...], str]] = {
    "swift": (frozenset({"build", "run", "test", "package"}), ("Package.swift",), "blind"),
    "zig": (frozenset({"build"}), ("build.zig",), "blind"),
    "nimble": (None, ("*.nimble",), "blind"),
    "ant": (None, ("=-f", "=-buildfile", "=-file", "build.xml"), "blind"),
    **dict.fromkeys(("terraform", "tofu"), (frozenset({"plan", "apply", "refresh", "console", "import"}), ("*.tf",), "blind")),
    "cdk": (frozenset({"synth", "synthesize", "deploy", "diff", "list", "ls", "watch"}), ("cdk.json",), "cdkapp"),
    "xmake": (None, ("xmake.lua",), "lua"),
    "premake5": (None, ("premake5.lua",), "lua"),
    "premake4": (None, ("premake4.lua",), "lua"),
    "dune": (frozenset({"build", "test", "exec", "runtest"}), ("dune",), "blind"),
    "gem": (frozenset({"build"}), ("*.gemspec",), "ruby"),
    "lein": (None, ("project.clj",), "blind"),
}


def _unread_build(cmd: SimpleCommand, sc: Scope, vals: list[str], ops: list[str], read: Callable[[str], str | None]) -> list[Run]:
    verbs, names, lang = _UNREAD_BUILDS[cmd.name]
    if (verbs is not None and (not ops or ops[0] not in verbs)) or any(v in ("-h", "--help", "--version", "-version") for v in vals):
        return []
    cwd = cmd.cwd or sc.ctx.cwd
    files: list[str] = []
    for n in names:
        if n.startswith("="):
            given = _option_value(vals, (n[1:],))
            if given and DYN not in given:
                files.append(sc.path(given, cmd))
                break
        elif n.startswith("*"):
            files += [f"{cwd}/{x}" for x in sorted((sc.ctx.list_dir(cwd) if sc.ctx.list_dir is not None else None) or []) if x.endswith(n[1:])][:8]
            files += [sc.path(o, cmd) for o in ops[1:] if o.endswith(n[1:]) and DYN not in o]
        else:
            files.append(f"{cwd}/{n}")
            break
    return [Run(f, lang, f"{pathstr.basename(f)}, which {cmd.name} loads as it runs") for f in dict.fromkeys(files)]


# Programs that load a file of the project and run it at every run (found from the directory they run in upward,
# as each tool looks for it): program -> (file names, first found wins; language; options naming the file; options
# naming the directory to look in).  From each tool's documentation: invoke imports the `tasks` module, Fabric the
# `fabfile`, scons reads SConstruct, gulp (liftoff), grunt and jake load their file before running any task, and Tilt
# executes the Tiltfile at start-up.
_LOADERS: dict[str, tuple[tuple[str, ...], str, tuple[str, ...], tuple[str, ...]]] = {
    **{p: (("tasks.py", "tasks/__init__.py"), "invoke", (), ("-r", "--search-root")) for p in ("invoke", "inv")},
    "fab": (("fabfile.py", "fabfile/__init__.py"), "invoke", ("-f", "--fabfile"), ("-r", "--search-root")),
    "scons": (
        ("SConstruct", "Sconstruct", "sconstruct", "SConstruct.py", "Sconstruct.py", "sconstruct.py"),
        "python",
        ("-f", "--file", "--makefile", "--sconstruct"),
        ("-C", "--directory"),
    ),
    "gulp": (("gulpfile.js", "gulpfile.cjs", "gulpfile.mjs", "gulpfile.ts", "gulpfile.babel.js", "Gulpfile.js"), "js", ("--gulpfile", "-f"), ("--cwd",)),
    "grunt": (("Gruntfile.js", "gruntfile.js", "Gruntfile.cjs", "gruntfile.cjs"), "js", ("--gruntfile",), ("--base",)),
    "jake": (("Jakefile", "Jakefile.js", "jakefile", "jakefile.js"), "js", ("-f", "--jakefile"), ("-C", "--directory")),
    "tilt": (("Tiltfile",), "tilt", ("-f", "--file"), ()),
}


_TILT_VERBS = frozenset({"up", "ci", "down"})


_SCONSCRIPT = lazy(r"""\bSConscript\(\s*+(?:dirs\s*+=\s*+)?['"]([^'"\n]{1,200})['"]""")


def _option_value(vals: list[str], names: tuple[str, ...]) -> str | None:
    """The value of the options *names*, the last one given as the runners' parsers take it: `--opt VALUE`,
    `--opt=VALUE`, `-o VALUE`, `-oVALUE` or `-o=VALUE` (the getopt and OptionParser spellings; round 15b found
    `-C/tmp/x` read as no option; fix19b: the first of two was read, the program reads the last)."""
    from ..shell.options import option_value

    return option_value(vals, *names, short_eq=True)


# The options that choose the folder a runner reads its file in (rake -C, composer -d, poe -C/--root, deno task --cwd,
# pdm -p), and the file itself (rake -f, nox -f, deno task -c): read only in the folder the command ran in, `rake -C
# /tmp/x lint` ran a Rakefile no rule had read (adversarial round 15b).  From each tool's --help.
_RUNNER_DIR_OPTIONS: dict[str, tuple[str, ...]] = {
    "rake": ("-C", "--directory"),
    "composer": ("-d", "--working-dir"),
    "poe": ("-C", "--directory", "--root"),
    "deno": ("--cwd",),
    "pdm": ("-p", "--project"),
}
_RUNNER_FILE_OPTIONS: dict[str, tuple[str, ...]] = {
    "rake": ("-f", "--rakefile"),
    "nox": ("-f", "--noxfile"),
    "deno": ("-c", "--config"),
    "pixi": ("--manifest-path",),
}


def _loader_files(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> list[Run]:
    """The file a program of _LOADERS loads at this run (the one named by its option, or the first of its names found
    from the directory it runs in up to the project root), and for scons the files SConstruct reads with it."""
    name = cmd.name
    names, lang, file_opts, dir_opts = _LOADERS[name]
    if any(v in ("-h", "--help", "-V", "--version") for v in vals):
        return []
    if name == "tilt" and not (vals and vals[0] in _TILT_VERBS):
        return []
    root = sc.ctx.project_root
    given = _option_value(vals, file_opts) if file_opts else None
    directory = _option_value(vals, dir_opts) if dir_opts else None
    start = sc.path(directory, cmd) if directory and DYN not in directory else (cmd.cwd or sc.ctx.cwd)
    if name in ("invoke", "inv", "fab"):
        collection = _option_value(vals, ("-c", "--collection"))
        if collection and all(c.isalnum() or c in "_." for c in collection):
            rel = collection.replace(".", "/")
            names = (rel + ".py", rel + "/__init__.py")
    path: str | None = None
    if given and DYN not in given:
        path = sc.path(given, cmd)
    else:
        for d in reversed(_dirs_down(root, start)) if is_within(start, root) else [start]:
            path = _first(d, names, read)
            if path is not None:
                break
    if path is None or read(path) is None:
        return []
    base = pathstr.basename(path)
    runs = [Run(path, lang, f"{base}, which {name} loads and runs")]
    if name == "scons":
        here = pathstr.dirname(path)
        runs.append(Run(f"{here}/site_scons/site_init.py", "python", "site_scons/site_init.py, which scons runs before SConstruct"))
        text = read(path)
        if text and text != TOO_LARGE:
            for m in list(_SCONSCRIPT.finditer(text))[:8]:
                sub = pathstr.normpath(pathstr.join(here, m.group(1)))
                runs.append(Run(sub if not sub.endswith("/") else sub + "SConscript", "python", f"{m.group(1)}, which SConstruct reads with SConscript()"))
    return runs


def _mage(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[Run]:
    """`mage TARGET`: the magefiles it compiles and runs (Go files with the `mage` build tag in the directory it reads,
    `-d DIR`, or magefiles/ when that exists)."""
    if any(v in ("-h", "-version", "-init", "-clean") for v in vals) or sc.ctx.list_dir is None:
        return []
    given = _option_value(vals, ("-d",))
    cwd = cmd.cwd or sc.ctx.cwd
    directory = sc.path(given, cmd) if given and DYN not in given else cwd
    names = sc.ctx.list_dir(directory) or []
    if not given and "magefiles" in names:
        directory = f"{directory}/magefiles"
        names = sc.ctx.list_dir(directory) or []
    why = "a magefile, Go that mage compiles and runs"
    return [Run(f"{directory}/{n}", "gobuild", f"{n}, {why}") for n in sorted(names) if n.endswith(".go")][:8]


# MSBuild: the subcommands of dotnet that build (and so run the project's Exec targets hooked into the build).
_DOTNET_BUILDS = frozenset({"build", "test", "run", "publish", "pack", "msbuild", "watch"})


_PROJECT_SUFFIXES = (".csproj", ".fsproj", ".vbproj", ".proj", ".props", ".targets")


def _msbuild(cmd: SimpleCommand, sc: Scope, vals: list[str], ops: list[str]) -> list[Run]:
    """`dotnet build|test|run|publish|pack`, `msbuild`: the project files it reads (the one named, or those in the
    directory), and the Directory.Build.props / Directory.Build.targets MSBuild imports from there up to the root."""
    if cmd.name == "dotnet":
        if not ops or ops[0] not in _DOTNET_BUILDS:
            return []
        ops = ops[1:]
    cwd = cmd.cwd or sc.ctx.cwd
    named = [sc.path(o, cmd) for o in ops if DYN not in o and (o.endswith(_PROJECT_SUFFIXES) or o in (".", "..") or o.startswith(("./", "../")))]
    files = [p for p in named if p.endswith(_PROJECT_SUFFIXES)]
    directory = next((p for p in named if not p.endswith(_PROJECT_SUFFIXES)), None) or (pathstr.dirname(files[0]) if files else cwd)
    if not files and sc.ctx.list_dir is not None:
        files = [f"{directory}/{n}" for n in sorted(sc.ctx.list_dir(directory) or []) if n.endswith(_PROJECT_SUFFIXES[:4])][:4]
    root = sc.ctx.project_root
    for d in _dirs_down(root, directory) if is_within(directory, root) else [directory]:
        files += [f"{d}/Directory.Build.props", f"{d}/Directory.Build.targets"]
    return [Run(p, "msbuild", f"{pathstr.basename(p)}'s Exec tasks, which {cmd.name} runs as it builds") for p in files[:MAX_FILES]]


def _csharp_script(cmd: SimpleCommand, sc: Scope, ops: list[str]) -> list[Run]:
    """`dotnet cake [SCRIPT]` (`dotnet tool run dotnet-cake`, `dotnet-cake`): Cake compiles and runs SCRIPT, build.cake
    by default; `dotnet script FILE.csx` (`dotnet-script`): dotnet-script runs FILE."""
    if cmd.name == "dotnet":
        cake = ops[:1] == ["cake"] or ops[:3] == ["tool", "run", "dotnet-cake"]
        ops = ops[3:] if ops[:1] == ["tool"] else ops[1:]
    else:
        cake = cmd.name == "dotnet-cake"
    if cake:
        script = next((o for o in ops if o.endswith(".cake") and DYN not in o), "build.cake")
        return [Run(sc.path(script, cmd), "csharp", f"{pathstr.basename(script)}, C# that Cake compiles and runs")]
    csx = next((o for o in ops if o.endswith(".csx") and DYN not in o), None)
    return [Run(sc.path(csx, cmd), "csharp", f"{pathstr.basename(csx)}, C# that dotnet script compiles and runs")] if csx else []


def _maven(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[Run]:
    """`mvn GOALS`: the programs pom.xml's exec-maven-plugin runs in the lifecycle phases those goals reach."""
    if any(v in ("-h", "--help", "-v", "--version") for v in vals):
        return []
    given = _option_value(vals, ("-f", "--file"))
    pom = sc.path(given, cmd) if given and DYN not in given else f"{cmd.cwd or sc.ctx.cwd}/pom.xml"
    if not pom.endswith(".xml"):
        pom = pom.rstrip("/") + "/pom.xml"
    return [Run(pom, "maven", "the programs pom.xml's exec plugin runs, which mvn runs in the build's phases")]


# Task runners whose tasks are tables of a configuration file (read by rules/tools.script_commands): (program, verb).
_TASK_RUNNERS: dict[tuple[str, str], tuple[str, ...]] = {
    ("poe", "*"): ("pyproject.toml",),
    ("deno", "task"): ("deno.json", "deno.jsonc"),
    ("pdm", "run"): ("pyproject.toml",),
    ("pixi", "run"): ("pixi.toml", "pyproject.toml"),
    ("devbox", "shell"): ("devbox.json",),
    ("devbox", "run"): ("devbox.json",),
    **{(p, "start"): ("Procfile",) for p in ("foreman", "honcho", "overmind")},
    ("hivemind", "*"): ("Procfile",),
}


_NX_DIRS = ("apps", "libs", "packages", "projects")


_NX_QUIET = frozenset({"graph", "list", "show", "report", "reset", "daemon", "init", "migrate", "generate", "g", "add", "help", "login", "logout"})


def _nx(sc: Scope, read: Callable[[str], str | None]) -> list[tuple[str, str]]:
    """`nx run P:T`, `nx T P`, `nx run-many -t T`: the nx:run-commands of the workspace's project.json files (the
    root's and those one level below apps/, libs/, packages/, projects/), read as they are when written."""
    from ..rules.tools import script_commands

    root = sc.ctx.project_root
    files = [f"{root}/project.json"]
    for d in _NX_DIRS:
        names = sc.ctx.list_dir(f"{root}/{d}") if sc.ctx.list_dir is not None else None
        files += [f"{root}/{d}/{n}/project.json" for n in sorted(names or []) if "." not in n][:MAX_FILES]
    out: list[tuple[str, str]] = []
    for f in files[:MAX_FILES]:
        text = read(f)
        if text and text != TOO_LARGE:
            shown = f[len(root) + 1 :]
            out += [(f"nx runs a target of {shown}", c) for c in script_commands(f, text)[:MAX_FILES]]
    return out[: MAX_FILES * 2]


def _hatch_script(cwd: str, name: str, read: Callable[[str], str | None]) -> list[tuple[str, str]]:
    """`hatch run [ENV:]NAME`: the commands of NAME in pyproject's `[tool.hatch.envs.ENV.scripts]` (a string or a list)."""
    text = read(f"{cwd}/pyproject.toml")
    if not text or text == TOO_LARGE or "[tool.hatch" not in text:
        return []
    import tomllib

    try:
        envs = tomllib.loads(text).get("tool", {}).get("hatch", {}).get("envs", {})
    except (tomllib.TOMLDecodeError, AttributeError):
        return []
    env, _, script = name.rpartition(":")
    table = envs.get(env or "default", {}) if isinstance(envs, dict) else {}
    scripts = table.get("scripts", {}) if isinstance(table, dict) else {}
    body = scripts.get(script) if isinstance(scripts, dict) else None
    commands = [body] if isinstance(body, str) else [c for c in body if isinstance(c, str)] if isinstance(body, list) else []
    return [(f"hatch run runs the script {script!r} of pyproject.toml", c) for c in commands[:16]]


_TASKFILES = ("Taskfile.yml", "Taskfile.yaml", "taskfile.yml", "taskfile.yaml", "Taskfile.dist.yml")


_COMPOSER_EVENTS = {
    "install": ("pre-install-cmd", "post-install-cmd", "pre-autoload-dump", "post-autoload-dump"),
    "update": ("pre-update-cmd", "post-update-cmd", "pre-autoload-dump", "post-autoload-dump"),
    "require": ("pre-update-cmd", "post-update-cmd", "pre-autoload-dump", "post-autoload-dump"),
    "remove": ("pre-update-cmd", "post-update-cmd", "pre-autoload-dump", "post-autoload-dump"),
    "dump-autoload": ("pre-autoload-dump", "post-autoload-dump"),
    "create-project": ("post-root-package-install", "post-create-project-cmd"),
}


def _composer(cwd: str, ops: list[str], read: Callable[[str], str | None]) -> list[tuple[str, str]]:
    """composer.json scripts of the events a composer command fires (`run-script X`, `composer X` for a script)."""
    text = read(f"{cwd}/composer.json")
    if not text or text == TOO_LARGE or not ops:
        return []
    try:
        data = json.loads(text)
    except ValueError:
        return []
    scripts = data.get("scripts") if isinstance(data, dict) else None
    if not isinstance(scripts, dict):
        return []
    keys: tuple[str, ...] = _COMPOSER_EVENTS.get(ops[0], ())
    if ops[0] in ("run-script", "run") and len(ops) > 1:
        keys = (ops[1],)
    elif not keys and ops[0] in scripts:
        keys = (ops[0],)
    out: list[tuple[str, str]] = []
    for k in keys:
        v = scripts.get(k)
        for c in composer_scripts(json.dumps({"scripts": {k: v}})) if v is not None else []:
            out.append((f"composer {ops[0]} runs the composer.json script {k!r}", c))
    return out


# ninja's options that take a value (ninja --help): -C DIR, -f FILE, -j N, -k N, -l N, -d MODE, -t TOOL, -w FLAG.
_NINJA_VALUED = frozenset({"-C", "-f", "-j", "-k", "-l", "-d", "-t", "-w"})


def _ninja(cmd: SimpleCommand, sc: Scope, vals: list[str]) -> list[Run]:
    """`ninja [-C DIR] [-f FILE] [TARGETS]`: the rules' commands of its build file (build.ninja in DIR) run through the
    shell (fix19a; fix18a's open `ninja -f <(…)`). A tool (`-t clean`, `-t targets`) or a dry run (`-n`) runs none."""
    if any(v == "-n" or v.startswith("-t") or v == "--version" for v in vals):
        return []
    where = _option_value(vals, ("-C",))
    given = _option_value(vals, ("-f",)) or "build.ninja"
    if (where is not None and DYN in where) or DYN in given:
        return []
    folder = sc.path(where, cmd) if where is not None else (cmd.cwd or sc.ctx.cwd)
    path = given if given.startswith("/") else pathstr.normpath(pathstr.join(folder, given))
    return [Run(path, "ninja", f"the rules' commands of {pathstr.basename(given)}, which ninja runs")]


# nix-shell's options that take a value (nix-shell(1)); --arg and --argstr take two.
_NIX_VALUED = frozenset({"-p", "--packages", "-E", "--expr", "--run", "--command", "-A", "--attr", "-I", "--include", "--keep", "-k", "--option"})
_NIX_TWO = frozenset({"--arg", "--argstr", "--option"})


def _nix_shell(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> Sequence[Run | tuple[str, str]]:
    """`nix-shell [FILE]` (shell.nix, else default.nix), `nix-shell -E EXPR`, `nix-shell <(…)`: the expression's
    `shellHook`, which bash runs as the shell starts (fix19a; fix18a's open class). `-p PKGS` builds a shell of
    packages (no expression of the project's); `--run`/`--command` are read where the line is unwrapped."""
    expr = _option_value(vals, ("-E", "--expr"))
    if expr is not None:
        # The expression is the line's own text: a denial in it stands as typed (convention.LINE_TEXT).
        return [("nix-shell runs the shellHook of the expression -E gives" + LINE_TEXT, h) for h in nix_shell_hooks(expr)]
    if any(v in ("-p", "--packages") for v in vals):
        return []
    ops: list[str] = []
    i = 0
    while i < len(vals):
        v = vals[i]
        i += 1 + (v in _NIX_VALUED) + 2 * (v in _NIX_TWO and v not in _NIX_VALUED)
        if not v.startswith("-"):
            ops.append(v)
    cwd = cmd.cwd or sc.ctx.cwd
    if ops:
        if DYN in ops[0] or ops[0].startswith(("<", "http:", "https:", "channel:", "flake:")):
            return []
        path = sc.path(ops[0], cmd)
        if not path.endswith(".nix") and not path.startswith("/dev/fd/") and read(path + "/default.nix") is not None:
            path += "/default.nix"
        files = [path]
    else:
        files = [f"{cwd}/shell.nix", f"{cwd}/default.nix"]
    for f in files:
        text = read(f)
        if text is None:
            continue
        if text == TOO_LARGE:
            return [Run(f, "nix", f"the shellHook of {pathstr.basename(f)}, which nix-shell runs")]
        return [(f"nix-shell runs the shellHook of {pathstr.basename(f)}", h) for h in nix_shell_hooks(text)]
    return []
