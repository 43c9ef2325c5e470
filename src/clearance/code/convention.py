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
from ..lazyre import lazy
from ..model import TOO_LARGE
from ..paths import DYN, is_within
from ..shell.ir import shell_quote
from ..shell.programs import CODE_OPTIONS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from re import Match

    from ..scope import Scope
    from ..shell.ir import SimpleCommand

# Bounds: files read per command, include depth, conftest directories walked.
MAX_FILES = 24
_INTERPRETER = {"python": "python3", "js": "node", "ruby": "ruby", "perl": "perl", "php": "php", "r": "Rscript"}


class Run:
    """One file a command runs by convention: its path, language and role (for the reason)."""

    __slots__ = ("path", "lang", "role")

    def __init__(self, path: str, lang: str, role: str) -> None:
        self.path = path
        self.lang = lang
        self.role = role


# -- languages: file text -> shell code the engine judges ---------------------------------------------

# Rust: `Command::new("sh")` then `.arg("x")` / `.args(["a", "b"])` / `.args(&["a"])`; `remove_dir_all("p")`.
_RS_COMMAND = lazy(r"Command::new\(\s*\"((?:[^\"\\]|\\.)*)\"\s*\)")
_RS_ARG = lazy(r"\.\s*+(arg|args|current_dir|env|envs|stdin|stdout|stderr)\s*\(\s*&?\s*(\[)?")
_RS_STRING = lazy(r"\"((?:[^\"\\]|\\.)*)\"")
_RS_DELETE = lazy(r"\b(remove_dir_all|remove_file|remove_dir)\s*\(\s*\"((?:[^\"\\]|\\.)*)\"\s*\)")


def _rust_args(text: str, pos: int) -> tuple[list[str], bool]:
    """The literal arguments of the `.arg(…)`/`.args([…])` chain at *pos*; False when one is computed."""
    args: list[str] = []
    literal = True
    for _ in range(64):
        while pos < len(text) and text[pos].isspace():
            pos += 1  # (the pattern starts at the dot: a leading \s* would rescan runs of blanks)
        m = _RS_ARG.compiled.match(text, pos)
        if m is None:
            break
        close = text.find("]" if m.group(2) else ")", m.end())
        if close == -1:
            break
        inner = text[m.end() : close]
        if m.group(1) in ("arg", "args"):
            strings = [s.group(1) for s in _RS_STRING.compiled.finditer(inner)]
            rest = _RS_STRING.compiled.sub("", inner).replace(",", "").strip()
            if rest:
                literal = False
            args.extend(strings)
        pos = close + 1
        if m.group(2):
            pos = text.find(")", pos) + 1 or pos
    return args, literal


_RS_ALIAS = lazy(r"\bCommand\s+as\s+([A-Za-z_][A-Za-z0-9_]*)")


def _rust_unalias(text: str) -> str:
    """`use std::process::Command as Cmd;` then `Cmd::new(…)`: the alias read as `Command`."""
    for alias in {m.group(1) for m in _RS_ALIAS.finditer(text)}:
        needle = alias + "::new("
        out: list[str] = []
        start = 0
        while (i := text.find(needle, start)) != -1:
            whole = i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")
            out.append(text[start:i] + ("Command::new(" if whole else needle))
            start = i + len(needle)
        text = "".join(out) + text[start:]
    return text


def rust_commands(text: str) -> list[str]:
    """Commands a build script runs and paths it deletes, where they are literal (a light reading:
    no macros, no variables, no helper functions; `Command as X` aliases followed)."""
    if " as " in text:
        text = _rust_unalias(text)
    out: list[str] = []
    for m in _RS_COMMAND.finditer(text):
        args, literal = _rust_args(text, m.end())
        if literal:
            out.append(" ".join(shell_quote(a) for a in [m.group(1), *args]))
    for m in _RS_DELETE.finditer(text):
        out.append(("rm -rf " if m.group(1) == "remove_dir_all" else "rm -f ") + shell_quote(m.group(2)))
    return out


# Gradle (Groovy and Kotlin DSL): `commandLine 'a', 'b'`, `commandLine("a", "b")`, `commandLine = [..]`, `"cmd".execute()`.
_GRADLE_CMDLINE = lazy(r"\bcommandLine\b\s*(?:=\s*)?[(\[]?\s*((?:(?:'[^'\n]*'|\"[^\"\n]*\")\s*,?\s*)+)")
_GRADLE_STRING = lazy(r"'([^'\n]*)'|\"([^\"\n]*)\"")
_GRADLE_EXECUTE = lazy(r"(?:'([^'\n]*)'|\"([^\"\n]*)\")\s*\.execute\(\)")


_JVM_PROCESS = lazy(r"\bProcessBuilder\s*+\(\s*+(?:listOf\s*+\(\s*+|arrayOf\s*+\(\s*+|\[\s*+)?((?:(?:'[^'\n]*'|\"[^\"\n]*\")\s*+,?\s*+)+)")
_JVM_EXEC = lazy(r"\bgetRuntime\(\)\s*+\.\s*+exec\(\s*+(?:'([^'\n]*)'|\"([^\"\n]*)\")")


def gradle_commands(text: str) -> list[str]:
    out: list[str] = []
    for m in _GRADLE_CMDLINE.finditer(text):
        words = [s.group(1) if s.group(1) is not None else s.group(2) for s in _GRADLE_STRING.finditer(m.group(1))]
        out.append(" ".join(shell_quote(w) for w in words))
    for m in _GRADLE_EXECUTE.finditer(text):
        out.append(m.group(1) if m.group(1) is not None else m.group(2))
    # The JVM's own process calls, in a Kotlin or Groovy build script: ProcessBuilder("a", "b"), Runtime.getRuntime().exec("cmd").
    for m in _JVM_PROCESS.finditer(text):
        out.append(_words_command(_quoted(m.group(1))))
    for m in _JVM_EXEC.finditer(text):
        out.append(m.group(1) if m.group(1) is not None else m.group(2))
    return out


def go_generate(text: str) -> list[str]:
    """The `//go:generate` directives of a file, as one script: go generate runs them in order, so one may run
    what an earlier one fetched (`curl -o /tmp/x`, then `sh /tmp/x`)."""
    lines = [line[len("//go:generate") :].strip() for line in text.splitlines() if line.startswith("//go:generate ")]
    return ["\n".join(lines)] if lines else []


def pth_imports(text: str) -> str:
    """The lines of a .pth file that Python runs at start-up (site.py execs lines starting with `import`)."""
    return "\n".join(line for line in text.splitlines() if line.startswith(("import ", "import\t")))


def make_parse_time(text: str) -> list[str]:
    """Shell code make runs while it reads a makefile, for every target and even with -n:
    `$(shell …)` outside recipes and `VAR != cmd` assignments."""
    from shlex import quote as shlex_quote

    from ..scripts import make_assigned, make_vars_dynamic

    assigned = make_assigned(text)

    out: list[str] = []
    for line in text.splitlines():
        if line.startswith("\t") or line.lstrip().startswith("#"):
            continue
        head, bang, rest = line.partition("!=")
        if bang and "=" not in head and ":" not in head:
            out.append(rest.strip())
        start = 0
        while (i := line.find("$(shell", start)) != -1:
            depth, j = 0, i + 1
            while j < len(line):
                c = line[j]
                depth += c == "("
                depth -= c == ")"
                if depth == 0:
                    break
                j += 1
            out.append(line[i + len("$(shell") : j].strip())
            start = j + 1
        start = 0
        while (i := line.find("$(file ", start)) != -1:
            # $(file >F,TEXT), $(file >>F,TEXT), $(file <F): GNU make writes or reads F as it expands the function.
            j = line.find(")", i)
            body = line[i + len("$(file ") : j if j != -1 else len(line)].split(",", 1)[0].strip()
            op = ">>" if body.startswith(">>") else body[:1]
            name = body[len(op) :].strip()
            if op in (">", ">>", "<") and name:
                out.append(f"cat {shlex_quote(name)}" if op == "<" else f"true {op} {shlex_quote(name)}")
            start = (j if j != -1 else len(line)) + 1
    return [make_vars_dynamic(c.replace("$$", "\x01"), assigned).replace("\x01", "$") for c in out if c]


def make_includes(text: str) -> list[str]:
    """Literal file names of `include`, `-include` and `sinclude` lines."""
    out: list[str] = []
    for line in text.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("include", "-include", "sinclude"):
            out.extend(w for w in rest.split() if "$" not in w and "%" not in w and "*" not in w)
    return out


_PRECOMMIT_SKIP = frozenset({"pygrep", "fail"})  # an entry that is a regular expression or a message


def precommit_entries(text: str) -> list[str]:
    """The `entry:` of each hook in a pre-commit configuration, except those that are not commands."""
    from ..rules.tools import ENTRY_LINE, workflow_commands

    out: list[str] = []
    for block in text.split("- id:")[1:] if "- id:" in text else [text]:
        lang = ""
        for line in block.splitlines():
            key, _, value = line.strip().lstrip("- ").partition(":")
            if key == "language":
                lang = value.strip().strip("'\"")
        if lang in _PRECOMMIT_SKIP:
            continue
        out.extend(workflow_commands(block, ENTRY_LINE))
    return out


def tox_commands(text: str) -> list[str]:
    """The `commands =` of tox.ini environments (continuation lines indented)."""
    out: list[str] = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        key, eq, value = line.partition("=")
        if not eq or key.strip() not in ("commands", "commands_pre", "commands_post"):
            continue
        body = [value.strip()] if value.strip() else []
        for nxt in lines[i + 1 :]:
            if not nxt[:1].isspace() or not nxt.strip():
                break
            body.append(nxt.strip())
        out.extend(b.replace("{posargs}", "") for b in body if b and not b.startswith("#"))
    return out


def just_recipes(text: str) -> list[str]:
    """The recipe lines of a justfile (indented lines under a recipe head; `@`/`-` prefixes dropped,
    `{{ expressions }}` read as values known at run time)."""
    out: list[str] = []
    for line in text.splitlines():
        if not line[:1].isspace() or not line.strip() or line.strip().startswith("#"):
            continue
        body = line.strip().lstrip("@-").strip()
        while (i := body.find("{{")) != -1 and (j := body.find("}}", i)) != -1:
            body = body[:i] + '"$JUST_VALUE"' + body[j + 2 :]
        out.append(body)
    return out


def taskfile_commands(text: str) -> list[str]:
    """The `cmds:` of a Taskfile (`- cmd` and `- cmd: cmd` items; `- task: x` calls another task)."""
    out: list[str] = []
    inside = -1
    for line in text.splitlines():
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if not stripped or stripped.startswith("#"):
            continue
        if stripped in ("cmds:", "cmds: "):
            inside = indent
            continue
        if inside >= 0 and indent <= inside and not stripped.startswith("- "):
            inside = -1
        key, colon, value = stripped.partition(":")
        if key == "cmd" and colon:
            out.append(value.strip().strip("'\""))
        elif inside >= 0 and stripped.startswith("- "):
            item = stripped[2:].strip()
            k, c, v = item.partition(":")
            if c and k in ("cmd",):
                out.append(v.strip().strip("'\""))
            elif not (c and k.isidentifier() and (not v or v.startswith(" "))):
                out.append(item.strip("'\""))
    return [c for c in out if c]


def composer_scripts(text: str) -> list[str]:
    """Composer's `scripts` (install, update and run-script events): shell commands; `@php`/`@composer`/`@other`
    references and `Class::method` callbacks are not shell."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    scripts = data.get("scripts") if isinstance(data, dict) else None
    out: list[str] = []
    if isinstance(scripts, dict):
        for v in scripts.values():
            for c in [v] if isinstance(v, str) else (v if isinstance(v, list) else []):
                if isinstance(c, str) and not c.startswith("@") and not (" " not in c and "::" in c):
                    out.append(c)
    return out


_QUOTED_ARGS = r"((?:(?:'[^'\n]*'|\"[^\"\n]*\")\s*,\s*)*(?:'[^'\n]*'|\"[^\"\n]*\"))"
# nox: `session.run("rm", "-rf", x)` (and run_always, run_install, `session.run("sh", "-c", "…")`).
_NOX_RUN = lazy(r"\.run(?:_always|_install)?\(\s*" + _QUOTED_ARGS)
# Rake: `sh "cmd"`, `sh("cmd")`, `sh "a", "b"`, `ruby "x"`.
_RAKE_SH = lazy(r"\bsh\b[ (]\s*" + _QUOTED_ARGS)
# CMake: execute_process(COMMAND a b c …) up to the next keyword or the closing parenthesis.
_CMAKE_EXEC = lazy(r"\bexecute_process\s*\(([^()]*)\)", 2)  # re.IGNORECASE
# Meson: run_command('a', 'b', …).
_MESON_RUN = lazy(r"\brun_command\s*\(\s*" + _QUOTED_ARGS)


def _quoted(args: str) -> list[str]:
    return [s.group(1) if s.group(1) is not None else s.group(2) for s in _GRADLE_STRING.finditer(args)]


def _words_command(words: list[str]) -> str:
    return " ".join(shell_quote(w) for w in words)


def nox_commands(text: str) -> list[str]:
    """A noxfile's Python (as a one-liner) and the literal commands of its `session.run(…)` calls."""
    out = [one_liner("python", text)] if text.strip() else []
    out += [_words_command(_quoted(m.group(1))) for m in _NOX_RUN.finditer(text)]
    return out


def rake_commands(text: str) -> list[str]:
    """A Rakefile's Ruby (as a one-liner) and the literal commands of its `sh` calls."""
    out = [one_liner("ruby", text)] if text.strip() else []
    for m in _RAKE_SH.finditer(text):
        words = _quoted(m.group(1))
        out.append(words[0] if len(words) == 1 else _words_command(words))
    return out


def cmake_commands(text: str) -> list[str]:
    """The `COMMAND` lists of CMake's configure-time `execute_process(…)` (`$ENV{X}` read as `$X`), and its `file(…)`
    operations on files (REMOVE_RECURSE, REMOVE, WRITE, APPEND, RENAME, COPY_FILE, TOUCH, DOWNLOAD) as the shell
    commands that do the same (`rm -rf -- …`, `: > FILE`, `curl -o FILE URL`).  CMake expands no `~`: a word is
    literal text, quoted."""
    out: list[str] = []
    for m in _CMAKE_FILE.finditer(text):
        words = [_cmake_word(t.group(1) if t.group(1) is not None else t.group(2)) for t in _CMAKE_TOKEN.finditer(m.group(2))]
        op = m.group(1).upper()
        if not words:
            continue
        if op in _CMAKE_FILE_OPS:
            out.append(f"{_CMAKE_FILE_OPS[op]} -- {' '.join(words)}")
        elif op in ("WRITE", "APPEND"):
            out.append(f": {'>' if op == 'WRITE' else '>>'} {words[0]}")
        elif op in ("RENAME", "COPY_FILE") and len(words) >= 2:
            out.append(f"{'mv' if op == 'RENAME' else 'cp'} -- {words[0]} {words[1]}")
        elif op == "DOWNLOAD" and len(words) >= 2:
            out.append(f"curl -fsSL -o {words[1]} {words[0]}")
    for m in _CMAKE_EXEC.finditer(text):
        current: list[str] | None = None
        for tok in _CMAKE_TOKEN.finditer(m.group(1)):
            bare = tok.group(2)
            if bare is not None and bare.isupper() and bare.replace("_", "").isalpha():
                if current:
                    out.append(" ".join(current))
                current = [] if bare == "COMMAND" else None
                continue
            if current is not None:
                current.append(_cmake_word(tok.group(1) if tok.group(1) is not None else bare))
        if current:
            out.append(" ".join(current))
    return out


_CMAKE_FILE = lazy(r"\bfile\s*\(\s*(REMOVE_RECURSE|REMOVE|WRITE|APPEND|RENAME|COPY_FILE|TOUCH|DOWNLOAD)\b([^()]*)\)", 2)  # re.IGNORECASE
_CMAKE_FILE_OPS = {"REMOVE_RECURSE": "rm -rf", "REMOVE": "rm -f", "TOUCH": "touch"}
_CMAKE_TOKEN = lazy(r"\"((?:[^\"\\]|\\.)*)\"|([^\s\"]+)")
_CMAKE_ENV = lazy(r"\$ENV\{(\w+)\}")


def _cmake_word(word: str) -> str:
    """One CMake argument as a shell word: literal text quoted, `$ENV{X}` as the variable `"$X"`."""
    parts: list[str] = []
    last = 0
    for m in _CMAKE_ENV.finditer(word):
        if m.start() > last:
            parts.append(shell_quote(word[last : m.start()]))
        parts.append('"${' + m.group(1) + '}"')
        last = m.end()
    if last < len(word) or not parts:
        parts.append(shell_quote(word[last:]))
    return "".join(parts)


def meson_commands(text: str) -> list[str]:
    return [_words_command(_quoted(m.group(1))) for m in _MESON_RUN.finditer(text)]


def one_liner(lang: str, code: str) -> str:
    """A command line that runs *code* the way the interpreter one-liner analysis reads it."""
    name = _INTERPRETER[lang]
    return f"{name} {CODE_OPTIONS[lang][0]} {shell_quote(code)}"


# invoke and Fabric: `c.run("cmd")`, `c.sudo("cmd")`, `c.local("cmd")`, `ctx.run(f"…")` take one shell command string.
_INVOKE_RUN = lazy(r"""\.(?:run|sudo|local)\(\s*+[rfbu]{0,2}(?:'([^'\n]*)'|"([^"\n]*)")""")


def invoke_commands(text: str) -> list[str]:
    """An invoke tasks.py or a Fabric fabfile.py: its Python (as a one-liner) and the literal commands of its
    `c.run(…)` / `c.sudo(…)` / `c.local(…)` calls (invoke hands the string to a shell)."""
    out = [one_liner("python", text)] if text.strip() else []
    for m in _INVOKE_RUN.finditer(text):
        cmd = m.group(1) if m.group(1) is not None else m.group(2)
        if cmd:
            while (i := cmd.find("{")) != -1 and (j := cmd.find("}", i)) != -1:
                cmd = cmd[:i] + '"$INVOKE_VALUE"' + cmd[j + 1 :]  # an f-string's fields: values known at run time
            out.append(cmd)
    return out


# Tiltfile (Starlark): `local('cmd')` / `local(['a', 'b'])` runs as the Tiltfile loads; local_resource's `cmd=` and
# `serve_cmd=` run at tilt up (a resource without deps runs once at start).
_TILT_LOCAL = lazy(r"""\blocal\(\s*+(?:command\s*+=\s*+)?(\[[^\]\n]*\]|'[^'\n]*'|"[^"\n]*")""")
_TILT_CMD = lazy(r"""\b(?:serve_)?cmd\s*+=\s*+(\[[^\]\n]*\]|'[^'\n]*'|"[^"\n]*")""")


def _starlark_command(arg: str) -> str:
    if arg.startswith("["):
        return _words_command(_quoted(arg))
    return arg[1:-1]


def tilt_commands(text: str) -> list[str]:
    """The commands a Tiltfile runs on the host: `local(…)` at load, local_resource's cmd/serve_cmd at tilt up."""
    out = [_starlark_command(m.group(1)) for m in _TILT_LOCAL.finditer(text)]
    out += [_starlark_command(m.group(1)) for m in _TILT_CMD.finditer(text)]
    return [c for c in out if c][:MAX_FILES]


_XML_ENTITIES = (("&quot;", '"'), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&#10;", "\n"), ("&#xA;", "\n"), ("&amp;", "&"))


def _xml_text(value: str) -> str:
    for entity, char in _XML_ENTITIES:
        value = value.replace(entity, char)
    return value


_MSBUILD_EXEC = lazy(r"""<Exec\b[^<>]{0,2000}?\bCommand\s*+=\s*+(?:"([^"]*)"|'([^']*)')""", 2)  # re.IGNORECASE


_MSBUILD_CODE = lazy(r"""<Code\b[^<>]{0,500}>(.{0,200000}?)</Code\s*+>""", 2 | 16)  # re.IGNORECASE | re.DOTALL


def msbuild_commands(text: str) -> list[str]:
    """The `<Exec Command="…"/>` tasks of an MSBuild project file (csproj, Directory.Build.targets): the command runs
    in a shell when its target runs (BeforeTargets/AfterTargets="Build" hook it into every build); `$(Prop)` and
    `@(Item)` are values known at build time.  An inline task's C# (`<UsingTask TaskFactory="RoslynCodeTaskFactory">`'s
    `<Code>`, compiled and run by MSBuild when a target uses the task) is read by csharp_commands."""
    out: list[str] = []
    for m in _MSBUILD_CODE.finditer(text):
        code = m.group(1)
        code = code.replace("<![CDATA[", "").replace("]]>", "") if "<![CDATA[" in code else _xml_text(code)
        out += csharp_commands(code)
    for m in _MSBUILD_EXEC.finditer(text):
        cmd = _xml_text(m.group(1) if m.group(1) is not None else m.group(2))
        for opener in ("$(", "@(", "%("):
            while (i := cmd.find(opener)) != -1 and (j := cmd.find(")", i)) != -1:
                cmd = cmd[:i] + '"$MSBUILD_VALUE"' + cmd[j + 1 :]
        if cmd.strip():
            out.append(cmd)
    return out[:MAX_FILES]


_MAVEN_EXECUTABLE = lazy(r"<executable>([^<]{0,500})</executable>")
_MAVEN_ARGUMENT = lazy(r"<argument>([^<]*)</argument>")


def maven_commands(text: str) -> list[str]:
    """The programs a pom.xml's exec-maven-plugin runs (`<executable>` and its `<arguments>`, or `<commandlineArgs>`):
    bound to a lifecycle phase, they run at every mvn command that reaches it."""
    out: list[str] = []
    for m in _MAVEN_EXECUTABLE.finditer(text):
        exe = _xml_text(m.group(1)).strip()
        if not exe or "${" in exe:
            continue
        end = text.find("</configuration>", m.end())
        start = text.rfind("<configuration>", 0, m.start())
        block = text[start if start != -1 else m.start() : end if end != -1 else m.end()]
        args = [_xml_text(a.group(1)) for a in _MAVEN_ARGUMENT.finditer(block)]
        line = block.find("<commandlineArgs>")
        if line != -1:
            close = block.find("</commandlineArgs>", line)
            out.append(exe + " " + _xml_text(block[line + len("<commandlineArgs>") : close if close != -1 else None]))
            continue
        out.append(_words_command([exe, *args]))
    return out[:MAX_FILES]


# sbt (Scala): `"cmd".!` / `"cmd".!!` (scala.sys.process), `Process("cmd")`, `Process(Seq("a", "b"))`, `Seq("a", "b").!`.
_SBT_BANG = lazy(r"""\"([^\"\n]+)\"\s*+\.\s*+!!?""")
_SBT_PROCESS = lazy(r"""\bProcess\s*+\(\s*+(?:Seq\s*+\(\s*+|List\s*+\(\s*+)?((?:\"[^\"\n]*\"\s*+,?\s*+)+)""")
_SBT_SEQ = lazy(r"""\b(?:Seq|List)\s*+\(\s*+((?:\"[^\"\n]*\"\s*+,?\s*+)+)\)\s*+\.\s*+!!?""")


def sbt_commands(text: str) -> list[str]:
    """The commands a build.sbt runs through scala.sys.process (sbt evaluates the build definition as it loads)."""
    out = [m.group(1) for m in _SBT_BANG.finditer(text)]
    for pattern in (_SBT_PROCESS, _SBT_SEQ):
        for m in pattern.finditer(text):
            words = _quoted(m.group(1))
            out.append(words[0] if len(words) == 1 else _words_command(words))
    return out[:MAX_FILES]


# Go (a magefile): sh.Run/RunV/Output("a", "b"), exec.Command("a", "b"), sh.Rm("p"), os.RemoveAll("p").
_GO_RUN = lazy(
    r"""\b(?:sh\.(?:Run|RunV|Output|OutputWith|RunWith)|exec\.Command(?:Context)?)\(\s*+(?:[A-Za-z_][\w.]*\s*+,\s*+)?((?:\"[^\"\n]*\"\s*+,?\s*+)+)"""
)
_GO_DELETE = lazy(r"""\b(?:sh\.Rm|os\.RemoveAll|os\.Remove)\(\s*+\"([^\"\n]+)\"\s*+\)""")


def go_commands(text: str) -> list[str]:
    """The literal commands and deletions of Go build code (a magefile, which mage compiles and runs)."""
    out = [_words_command(_quoted(m.group(1))) for m in _GO_RUN.finditer(text)]
    out += ["rm -rf " + shell_quote(m.group(1)) for m in _GO_DELETE.finditer(text)]
    return out[:MAX_FILES]


# C# (Cake's build.cake, a dotnet-script .csx, an MSBuild inline task): a string literal, regular or verbatim (@"…").
_CS_STRING = r"""(?:@"((?:[^"]|""){0,4000}+)"|"((?:[^"\\\n]|\\.){0,4000}+)")"""
# Process.Start("prog", "args"), new ProcessStartInfo("prog", "args"), Cake's StartProcess("prog", "args") and
# StartProcess("prog", new ProcessSettings { Arguments = "args" }).
_CS_START = lazy(r"""\b(?:Process\s*+\.\s*+Start|new\s++(?:System\s*+\.\s*+Diagnostics\s*+\.\s*+)?ProcessStartInfo|StartProcess)\s*+\(\s*+""" + _CS_STRING)
_CS_NEXT_STRING = lazy(r"""\A\s*+,\s*+""" + _CS_STRING)
_CS_ARGUMENTS = lazy(r"""\bArguments\s*+=\s*+""" + _CS_STRING)
_CS_FILENAME = lazy(r"""\bFileName\s*+=\s*+""" + _CS_STRING)
# Directory.Delete("p", true), File.Delete("p"), Cake's DeleteDirectory("p", …), DeleteFile("p"), CleanDirectory("p").
_CS_DELETE = lazy(r"""\b(Directory\s*+\.\s*+Delete|File\s*+\.\s*+Delete|DeleteDirectory|DeleteFile|CleanDirectory)\s*+\(\s*+""" + _CS_STRING)


def _cs_string(m: Match[str], first: int) -> str:
    """The value of the C# string literal matched at groups *first* (verbatim) and *first* + 1 (regular)."""
    if m.group(first) is not None:
        return m.group(first).replace('""', '"')
    raw = m.group(first + 1)
    return raw.encode("utf-8", "backslashreplace").decode("unicode_escape") if "\\" in raw else raw


def csharp_commands(text: str) -> list[str]:
    """The literal process starts and deletions of C# a build tool compiles and runs (Cake's build.cake at dotnet cake,
    a .csx at dotnet script, an MSBuild inline task): `Process.Start("prog", "args")`, `new ProcessStartInfo("prog",
    "args")`, `new ProcessStartInfo { FileName = "prog", Arguments = "args" }`, Cake's `StartProcess("prog", "args")` or
    with `new ProcessSettings { Arguments = "args" }`; `Directory.Delete`, `File.Delete` and Cake's `DeleteDirectory`,
    `DeleteFile`, `CleanDirectory` of a literal path. Values computed at run time are not guessed at."""
    out: list[str] = []
    for m in _CS_START.finditer(text):
        prog = _cs_string(m, 1)
        rest = text[m.end() : m.end() + 600]
        nxt = _CS_NEXT_STRING.match(rest)
        args = _cs_string(nxt, 1) if nxt else None
        if args is None:
            close = rest.find(";")
            a = _CS_ARGUMENTS.search(rest[: close if close != -1 else None])
            args = _cs_string(a, 1) if a else ""
        out.append(f"{shell_quote(prog)} {args}".strip())
    for m in _CS_FILENAME.finditer(text):
        window = text[max(0, m.start() - 400) : m.end() + 400]
        a = _CS_ARGUMENTS.search(window)
        out.append(f"{shell_quote(_cs_string(m, 1))} {_cs_string(a, 1) if a else ''}".strip())
    for m in _CS_DELETE.finditer(text):
        path, verb = _cs_string(m, 2), "".join(m.group(1).split())
        # CleanDirectory empties the folder: judged as deleting it (what is in it is what is lost).
        out.append(("rm -f " if verb.startswith("File") or verb == "DeleteFile" else "rm -rf ") + shell_quote(path))
    return out[:MAX_FILES]


def earthly_local_commands(text: str) -> list[str]:
    """The RUN commands of an Earthfile's LOCALLY targets: those run on the host, not in a build container."""
    out: list[str] = []
    local = False
    for line in text.splitlines()[:5000]:
        if line and not line[0].isspace():
            local = False  # a new target
            continue
        s = line.strip()
        if s == "LOCALLY":
            local = True
        elif local and s.startswith("RUN "):
            words = s[4:].strip()
            while words.startswith("--"):
                words = words.split(None, 1)[1] if " " in words else ""
            if words.startswith("["):
                try:
                    argv = json.loads(words)
                except ValueError:
                    continue
                words = _words_command([str(a) for a in argv]) if isinstance(argv, list) else ""
            if words:
                out.append(words)
    return out[:MAX_FILES]


def shell_code(lang: str, text: str) -> list[str]:
    """The shell code a file of language *lang* runs."""
    if lang == "shell":
        return [text]
    if lang in _INTERPRETER:
        return [one_liner(lang, text)] if text.strip() else []
    if lang == "pth":
        code = pth_imports(text)
        return [one_liner("python", code)] if code else []
    reader: Callable[[str], list[str]] | None = {
        "rust": rust_commands,
        "gradle": gradle_commands,
        "go": go_generate,
        "make": make_parse_time,
        "precommit": precommit_entries,
        "tox": tox_commands,
        "just": just_recipes,
        "taskfile": taskfile_commands,
        "composer": composer_scripts,
        "nox": nox_commands,
        "rake": rake_commands,
        "cmake": cmake_commands,
        "meson": meson_commands,
        "invoke": invoke_commands,
        "tilt": tilt_commands,
        "msbuild": msbuild_commands,
        "maven": maven_commands,
        "sbt": sbt_commands,
        "gobuild": go_commands,
        "earthly": earthly_local_commands,
        "csharp": csharp_commands,
    }.get(lang)
    if reader is not None:
        return reader(text)
    if lang == "sshconfig":
        return ssh_config_commands(text)
    if lang == "compose":
        return compose_mounts(text)
    if lang == "curlconfig":
        return curl_config_command(text)
    if lang == "action":
        from ..rules.tools import workflow_commands

        return workflow_commands(text)
    if lang == "notebook":
        return notebook_code(text)
    if lang == "gitconfig":
        return git_config_commands(text)
    return []


def notebook_code(text: str) -> list[str]:
    """What running a Jupyter notebook runs: its code cells as one Python program, their `!CMD` lines and `%%bash` /
    `%%sh` cells as shell (IPython hands them to a shell). Markdown cells and outputs are not code."""
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return []
    cells = data.get("cells") if isinstance(data, dict) else None
    python: list[str] = []
    shell: list[str] = []
    for cell in cells if isinstance(cells, list) else []:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        src = cell.get("source")
        body = "".join(src) if isinstance(src, list) and all(isinstance(x, str) for x in src) else src if isinstance(src, str) else ""
        first, _, rest = body.lstrip().partition("\n")
        if first.strip() in ("%%bash", "%%sh", "%%script bash", "%%script sh", "%%system"):
            shell.append(rest)
            continue
        for line in body.splitlines():
            stripped = line.strip()
            if stripped.startswith("!"):
                shell.append(stripped[1:])
            elif stripped.startswith("%"):
                if stripped.startswith(("%sx ", "%system ")):
                    shell.append(stripped.split(None, 1)[1])
                python.append("")
            else:
                python.append(line)
    out = [one_liner("python", "\n".join(python))] if any(p.strip() for p in python) else []
    return out + ["\n".join(shell)] if shell else out


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
    return _RUNNER_ROLES.get(base)


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
}
_MSBUILD_PROJECTS = (".csproj", ".fsproj", ".vbproj")


def written(path: str, text: str) -> tuple[str, list[str]] | None:
    """(role, shell code) of a conventional file being written; None for other files."""
    r = role(path)
    if r is None:
        return None
    lang, why = r
    if lang == "invoke" and path.endswith("/tasks.py") and "invoke" not in text:
        return None  # a tasks.py that is not invoke's (Celery's, an app's own module): ordinary code, judged where it runs
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


def _module_file(base: str, dotted: str) -> list[str]:
    rel = dotted.replace(".", "/")
    return [f"{base}/{rel}.py", f"{base}/{rel}/__init__.py"]


def _ini_addopts(text: str) -> list[str]:
    words: list[str] = []
    for line in text.splitlines():
        key, eq, value = line.partition("=")
        if eq and key.strip() == "addopts":
            words.extend(value.strip().strip("'\"[]").replace(",", " ").replace('"', " ").replace("'", " ").split())
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
    for name in _plugins(words)[:8]:
        for p in _module_file(root, name):
            runs.append(Run(p, "python", f"the pytest plugin {name} (-p), which pytest imports at start"))
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
    return runs


def _make(cmd: SimpleCommand, sc: Scope, read: Callable[[str], str | None]) -> list[Run]:
    from ..scripts import makefile_path

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


def _hooks_path(root: str, read: Callable[[str], str | None]) -> str:
    config = read(f"{root}/.git/config")
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
    return f"{root}/.git/hooks"


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
    hooks = _GIT_HOOKS.get(sub)
    if not hooks:
        return runs
    # git's table reads both `--no-verify` and `-n` as the option "verify" (negated / short form).
    if any(o in ("verify", "no-verify") for o, _, _ in norm.opts) and "--verify" not in vals:
        hooks = tuple(h for h in hooks if h not in _NO_VERIFY.get(sub, ()))
    root = sc.ctx.project_root
    directory = sc.path(hooks_dir, cmd).rstrip("/") if hooks_dir and DYN not in hooks_dir else _hooks_path(root, read)
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


def git_config_commands(text: str) -> list[str]:
    """The commands a git configuration file makes git run: values of program keys (core.fsmonitor, core.pager,
    core.sshCommand, filter.*.clean …) and `!` aliases, read as git's config syntax reads them."""
    from ..shell.unwrap import git_program_key

    out: list[str] = []
    section = ""
    for raw in text[:100_000].splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            head = line[1 : line.find("]")] if "]" in line else line[1:]
            name, _, subsection = head.partition(" ")
            section = name.lower() + ("." + subsection.strip().strip('"') if subsection.strip() else "")
            continue
        key, eq, value = line.partition("=")
        value = value.strip().strip('"')
        if not eq or not value:
            continue
        full = f"{section}.{key.strip().lower()}"
        if full.startswith("alias.") and value.startswith("!"):
            out.append(value[1:])
        elif git_program_key(full) and value.lower() not in ("true", "false"):
            out.append(value)
    return out[:MAX_FILES]


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


def _tox(cmd: SimpleCommand, sc: Scope, vals: list[str], read: Callable[[str], str | None]) -> list[Run]:
    root = sc.ctx.project_root
    return [Run(f"{root}/tox.ini", "tox", "tox.ini's commands, which tox runs"), *_pytest(cmd, sc, [], read)]


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
        return _go(cmd, sc, vals)
    if name in ("jupyter", "papermill", "ipython", "ipython3"):
        return _notebooks(cmd, sc, vals)
    if name in ("ssh", "scp", "sftp", "curl"):
        return _option_file(cmd, sc, vals)
    if name in ("docker-compose", "podman-compose") or (name in ("docker", "podman") and vals[:1] == ["compose"]):
        return _compose_files(cmd, sc, vals[1:] if name in ("docker", "podman") else vals)
    return [*_runner(cmd, sc, vals, read), *_js_configs(cmd, sc)]


_SSH_COMMAND_KEYS = frozenset({"proxycommand", "localcommand", "knownhostscommand"})


def ssh_config_commands(text: str) -> list[str]:
    """The commands an ssh configuration file makes ssh run locally: ProxyCommand, LocalCommand, KnownHostsCommand
    and `Match exec "CMD"` (ssh_config(5)); `%h`-style tokens stand for words."""
    out: list[str] = []
    for raw in text.splitlines()[:2000]:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.replace("=", " ", 1).partition(" ") if "=" in line.split(" ", 1)[0] else line.partition(" ")
        low = key.strip().lower()
        value = value.strip()
        if low in _SSH_COMMAND_KEYS and value and value.lower() != "none":
            out.append(value.replace("%", "x"))
        elif low == "match":
            words = value.split(None, 2)
            if len(words) >= 2 and words[0].lower() == "exec":
                out.append(value.split(None, 1)[1].strip().strip('"').replace("%", "x"))
    return out[:MAX_FILES]


def curl_config_command(text: str) -> list[str]:
    """A curl command line of the options a `curl -K FILE` config holds (`data = @FILE`, `url = URL`, `-o x`)."""
    words: list[str] = []
    for raw in text.splitlines()[:500]:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=") if "=" in line.split(" ", 1)[0] or " = " in line else line.partition(" ")
        if not sep and ":" in line.split(" ", 1)[0]:
            key, sep, value = line.partition(":")
        key = key.strip()
        value = value.strip().strip('"')
        words.append(key if key.startswith("-") else ("--" + key if len(key) > 1 else "-" + key))
        if value:
            words.append(value)
    return ["curl " + " ".join(shell_quote(w) for w in words)] if words else []


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


def compose_mounts(text: str) -> list[str]:
    """Each service of a compose file as the `docker run` it is (shell/unwrap.py reads the command a container runs):
    the host folders it mounts (`- HOST:CONT[:mode]`, a flow list `['HOST:CONT']`, long-form `type: bind` / `source:` /
    `target:`; named volumes are not host folders), its entrypoint, working_dir, image and command.  A service that
    mounts nothing and names no command adds nothing."""
    out: list[str] = []
    for svc in _compose_services(text)[:MAX_FILES]:
        words = ["docker", "run"]
        for host, inside in svc.mounts:
            words += ["-v", f"{host}:{inside or '/mnt'}"]
        entry = svc.fields.get("entrypoint", [])
        if entry:
            words += ["--entrypoint", entry[0]]
        workdir = svc.fields.get("working_dir", [])
        if workdir and workdir[0].startswith("/"):
            words += ["-w", workdir[0]]
        command = entry[1:] + svc.fields.get("command", [])
        if len(words) == 2 and not command:
            continue
        image = (svc.fields.get("image") or ["service-image"])[0]
        out.append(" ".join(shell_quote(w) for w in [*words, image]) + (" " + " ".join(command) if command else ""))
    return out


class _ComposeService:
    __slots__ = ("fields", "mounts")

    def __init__(self) -> None:
        # key -> its words: a scalar's text (a command string as written, read as a shell line), or a list's items quoted
        self.fields: dict[str, list[str]] = {}
        self.mounts: list[tuple[str, str]] = []  # (host folder, folder in the container)


def _yaml_scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value.split(" #", 1)[0].strip()


def _yaml_flow_list(value: str) -> list[str]:
    """The items of a YAML flow sequence `[a, 'b c', "d"]` (no nesting)."""
    items: list[str] = []
    cur, quote = "", ""
    for c in value.strip()[1:-1]:
        if quote:
            cur += c
            quote = "" if c == quote else quote
        elif c in "'\"":
            cur += c
            quote = c
        elif c == ",":
            items.append(_yaml_scalar(cur))
            cur = ""
        else:
            cur += c
    if cur.strip():
        items.append(_yaml_scalar(cur))
    return items


def _compose_services(text: str) -> list[_ComposeService]:
    """The services of a compose file, read by indentation (the shapes compose files are written in, not all of YAML)."""
    lines = [(len(r) - len(r.lstrip()), r.strip()) for r in text.splitlines()[:5000] if r.strip() and not r.lstrip().startswith("#")]
    services: list[_ComposeService] = []
    i = 0
    while i < len(lines) and lines[i] != (0, "services:"):
        i += 1
    i += 1
    if i >= len(lines) or lines[i][0] == 0:
        return services
    svc_indent = lines[i][0]
    svc: _ComposeService | None = None
    key_indent = -1
    while i < len(lines) and lines[i][0] > 0:
        indent, line = lines[i]
        i += 1
        if indent == svc_indent:
            svc = _ComposeService() if line.endswith(":") else None
            if svc is not None:
                services.append(svc)
            key_indent = -1
            continue
        if svc is None or indent < svc_indent:
            continue
        if key_indent < 0:
            key_indent = indent
        if indent != key_indent or ":" not in line:
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        block: list[tuple[int, str]] = []
        while i < len(lines) and lines[i][0] > key_indent:
            block.append(lines[i])
            i += 1
        items: list[str] | list[dict[str, str]]
        if value.startswith("["):
            items = _yaml_flow_list(value)
        elif value and value not in ("|", ">", "|-", ">-"):
            items = [_yaml_scalar(value)]
        else:
            items = _yaml_block_list(block) if block and block[0][1].startswith("-") else ([" ".join(t for _, t in block)] if block else [])
        if key == "volumes":
            for item in items:
                if isinstance(item, dict):
                    host = item.get("source", "")
                    if item.get("type", "bind") == "bind" and host.startswith(("/", "~", ".", "$")):
                        svc.mounts.append((host, item.get("target", "")))
                elif ":" in item and item.startswith(("/", "~", ".", "$")):
                    host, _, rest = item.partition(":")
                    svc.mounts.append((host, rest.split(":", 1)[0]))
        elif key in ("command", "entrypoint", "image", "working_dir"):
            words = [w for w in items if isinstance(w, str)]
            if key in ("command", "entrypoint") and (value.startswith("[") or len(words) > 1 or (block and block[0][1].startswith("-"))):
                words = [shell_quote(w) for w in words]  # a list: each item one word
            svc.fields[key] = words if key != "entrypoint" or len(words) != 1 else words[0].split()
    return services


def _yaml_block_list(block: list[tuple[int, str]]) -> list[str] | list[dict[str, str]]:
    """The items of a YAML block sequence: scalars, or one-level mappings (`- type: bind` and the keys below it)."""
    scalars: list[str] = []
    maps: list[dict[str, str]] = []
    item_indent = block[0][0]
    for indent, line in block:
        if indent == item_indent and line.startswith("-"):
            body = line[1:].strip()
            head, colon, rest = body.partition(":")
            if colon and head.isidentifier() and (not rest or rest.startswith(" ")):
                maps.append({head: _yaml_scalar(rest)})
            else:
                scalars.append(_yaml_scalar(body))
        elif indent > item_indent and maps and ":" in line:
            head, _, rest = line.partition(":")
            maps[-1][head.strip()] = _yaml_scalar(rest)
    return maps if maps and not scalars else scalars


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
        for i, v in enumerate(vals):
            if v in ("-f", "--noxfile") and i + 1 < len(vals):
                return [Run(sc.path(vals[i + 1], cmd), "nox", "the noxfile, which nox runs")]
        return [Run(f"{cwd}/noxfile.py", "nox", "noxfile.py, which nox runs")]
    if name == "rake":
        path = _first(cwd, ("Rakefile", "rakefile", "Rakefile.rb", "rakefile.rb"), read)
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
        for f in files:
            text = read(f"{cwd}/{f}")
            if text and text != TOO_LARGE:
                if f.endswith(".jsonc"):
                    f, text = f[:-1], jsonc_to_json(text)  # deno.jsonc: JSON with comments
                tasks += [(f"{name} runs a task of {f}", c) for c in script_commands(f"{cwd}/{f}", text)[:MAX_FILES]]
        return tasks
    if name == "nx":
        return _nx(sc, read) if ops and ops[0] not in _NX_QUIET else []
    return []


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
    for i, v in enumerate(vals):
        if v in names and i + 1 < len(vals):
            return vals[i + 1]
        for n in names:
            if n.startswith("--") and v.startswith(n + "="):
                return v[len(n) + 1 :]
    return None


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


def taskfile_selected(text: str, wanted: list[str]) -> list[tuple[str, str]]:
    """(task, command) for the tasks `task NAME…` runs: their `cmds:`, and the tasks they name in `deps:` or
    `- task: x` items.  A Taskfile whose `tasks:` cannot be found is read whole."""
    lines = text.splitlines()
    blocks: dict[str, list[str]] = {}
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "tasks:"), None)
    if start is None:
        return [("?", c) for c in taskfile_commands(text)]
    child = -1
    current: str | None = None
    for line in lines[start + 1 :]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if indent == 0:
            break
        if child < 0:
            child = indent
        if indent == child:
            current = line.strip().split(":", 1)[0].strip("'\"")
            blocks[current] = []
            rest = line.split(":", 1)[1].strip() if ":" in line else ""
            if rest:  # `build: go build ./...` (a task given as one command)
                blocks[current].append("    cmds:\n      - " + rest)
        elif current is not None:
            blocks[current].append(line)
    out: list[tuple[str, str]] = []
    names = list(wanted)
    seen: set[str] = set()
    while names and len(seen) < 32:
        n = names.pop(0)
        if n in seen or n not in blocks:
            continue
        seen.add(n)
        body = "\n".join(blocks[n])
        for raw in blocks[n]:
            s = raw.strip()
            if s.startswith("deps:"):
                names.extend(d.strip().strip("'\"") for d in s[5:].strip().strip("[]").split(",") if d.strip())
            elif s.startswith("- task:"):
                names.append(s[7:].strip().strip("'\""))
        out.extend((n, c) for c in taskfile_commands(body))
    return out


def just_selected(text: str, wanted: list[str]) -> list[tuple[str, str]]:
    """(recipe, line) for the recipes `just` runs: those named (or the first), and the recipes they depend on."""
    recipes: dict[str, tuple[list[str], list[str]]] = {}
    order: list[str] = []
    current: str | None = None
    for line in text.splitlines():
        if line[:1].isspace():
            if current is not None and line.strip() and not line.strip().startswith("#"):
                recipes[current][1].extend(just_recipes(line))
            continue
        current = None
        head, colon, deps = line.partition(":")
        if not colon or deps.startswith("=") or head.startswith(("#", "set ", "export ", "alias ", "import ", "mod ")):
            continue
        words = head.lstrip("@").split()
        if not words or not all(c.isalnum() or c in "_-" for c in words[0]):
            continue
        current = words[0]
        order.append(current)
        recipes[current] = ([d.split("(")[0] for d in deps.split() if d.replace("-", "").replace("_", "").isalnum()], [])
    names = [w for w in wanted if w in recipes] or order[:1]
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    while names and len(seen) < 32:
        n = names.pop(0)
        if n in seen or n not in recipes:
            continue
        seen.add(n)
        needs, body = recipes[n]
        names.extend(needs)
        out.extend((n, b) for b in body)
    return out


# The names under which a program opens its own standard input as a file.
_STDIN_FILES = frozenset({"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0", "/proc/thread-self/fd/0"})


def runs(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str]]:
    """(label, shell code) for each file *cmd* runs by convention, read through ``Context.read_file``.

    A file too large to read comes back as ``model.TOO_LARGE``."""
    reader = sc.ctx.read_file
    if reader is None or cmd.remote is not None or cmd.cwd is None:
        return []
    stdin: list[str | None] = []

    def read(path: str) -> str | None:
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
    for item in items[:MAX_FILES]:
        if isinstance(item, tuple):
            out.append(item)
            continue
        text = read(item.path)
        if text is None:
            continue
        label = f"{cmd.name} runs {item.role}"
        if item.role == TEST_MODULE:
            if text == TOO_LARGE:
                continue
            label = f"{cmd.name} runs {pathstr.basename(item.path)}, {TEST_MODULE}"
        if text == TOO_LARGE:
            if item.lang not in _LARGE_IS_ORDINARY:
                out.append((label, TOO_LARGE))
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
        if item.role != TEST_MODULE and lang in _FOLLOWED:
            # The project files it loads in turn (gulpfile.js → require('./tasks/x'), tasks.py → import helpers).
            out.extend(_loaded(cmd, sc, item.path, _FOLLOWED[lang], text, label))
    return out


# Build files that are large as a matter of course (a multi-module pom.xml, a generated project file) and run code only
# through the constructs their reader looks for: one too large to read is not asked about on its size alone.
_LARGE_IS_ORDINARY = frozenset({"maven", "msbuild"})
# The languages whose local imports are followed (code/localmods.py), for the files a command runs by convention.
_FOLLOWED = {"python": "python", "js": "js", "ruby": "ruby", "php": "php", "invoke": "python", "nox": "python", "rake": "ruby", "csharp": "csharp"}


def _loaded(cmd: SimpleCommand, sc: Scope, path: str, lang: str, text: str, label: str) -> list[tuple[str, str]]:
    from ..paths import is_generated
    from .localmods import loaded

    root = sc.ctx.project_root
    reader = sc.ctx.read_file

    def read(p: str) -> str | None:
        if reader is None or DYN in p or not (is_within(p, root) or sc.in_temp(p)) or is_generated(p, root):
            return None
        return reader(p)

    out: list[tuple[str, str]] = []
    got = loaded(lang, path, text, cmd.cwd or sc.ctx.cwd, read, sc.ctx.list_dir)
    for p, t in got:
        shown = p[len(root) + 1 :] if p.startswith(root + "/") else p
        codes = csharp_commands(t) if lang == "csharp" else [one_liner(lang, t)]  # C# is read for what it runs, not run as a one-liner
        out.extend((f"{label}, which loads {shown}", code) for code in codes)
    if got.unread is not None:
        from ..model import UNREAD

        shown = got.unread[len(root) + 1 :] if got.unread.startswith(root + "/") else got.unread
        out.append((f"{label}, which loads {shown} past the {len(got)} modules clearance reads", UNREAD))
    return out


def _shim_config(text: str) -> str:
    """The configuration pre-commit's installed hook passes (`ARGS=(hook-impl --config=FILE …)`), relative to the
    repository; .pre-commit-config.yaml when it names none."""
    i = text.find("--config=")
    if i != -1:
        value = text[i + len("--config=") :].split(None, 1)[0].strip("'\")")
        if value and DYN not in value and "$" not in value and not value.startswith(("/", "~")):
            return value
    return ".pre-commit-config.yaml"


_LEFTHOOK_FILES = ("lefthook.yml", "lefthook.yaml", ".lefthook.yml", ".lefthook.yaml", "lefthook-local.yml")


def lefthook_commands(text: str, hook: str) -> list[str]:
    """The `run:` commands of one hook's block in a lefthook configuration (`pre-commit:` at the top level)."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            inside = line.split(":", 1)[0].strip().strip("'\"") == hook
            continue
        s = line.strip().lstrip("- ")
        if inside and s.startswith("run:"):
            v = s[4:].strip()
            if v not in ("|", ">", "|-", ">-"):
                out.append(v.strip("'\""))
    return out


def _shebang_lang(text: str) -> str:
    first = text.split("\n", 1)[0]
    for key, lang in (("python", "python"), ("node", "js"), ("ruby", "ruby"), ("perl", "perl")):
        if key in first:
            return lang
    return "none"


# -- CI: what else runs in a workflow -------------------------------------------------------------------

# Event fields a stranger writes (an issue, a comment, a fork's branch name or commit message): expanded into
# a `run:` script by `${{ }}` before the shell starts, they are code.  From GitHub's security hardening
# guide's list of untrusted input; `*` stands for an array index.
_UNTRUSTED_CONTEXTS = (
    "github.event.issue.title",
    "github.event.issue.body",
    "github.event.pull_request.title",
    "github.event.pull_request.body",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.head.label",
    "github.event.pull_request.head.repo.default_branch",
    "github.event.comment.body",
    "github.event.review.body",
    "github.event.review_comment.body",
    "github.event.discussion.title",
    "github.event.discussion.body",
    "github.event.head_commit.message",
    "github.event.head_commit.author.email",
    "github.event.head_commit.author.name",
    "github.event.commits",
    "github.event.pages",
    "github.event.workflow_run.head_branch",
    "github.event.workflow_run.head_commit.message",
    "github.event.workflow_run.head_commit.author",
    "github.event.workflow_run.pull_requests",
    "github.head_ref",
)
# Triggers that run with the base repository's secrets and write token while a fork's pull request is the subject.
_PRIVILEGED_TRIGGERS = ("pull_request_target", "workflow_run")
# Where a checkout or fetch takes a pull request's head rather than the base branch.
_PR_HEAD = ("pull_request.head.", "github.head_ref", "refs/pull/", "workflow_run.head_", "gh pr checkout", "origin pull/")


def _expressions(text: str) -> list[str]:
    """The `${{ … }}` expressions of *text*, spaces removed."""
    out: list[str] = []
    start = 0
    while (i := text.find("${{", start)) != -1:
        j = text.find("}}", i + 3)
        if j == -1:
            break
        out.append("".join(text[i + 3 : j].split()))
        start = j + 2
    return out


def _untrusted(expr: str) -> str | None:
    for c in _UNTRUSTED_CONTEXTS:
        at = expr.find(c)
        while at != -1:
            end = at + len(c)
            if (at == 0 or not (expr[at - 1].isalnum() or expr[at - 1] in "._")) and (end == len(expr) or not (expr[end].isalnum() or expr[end] == "_")):
                return c
            at = expr.find(c, at + 1)
    return None


def _triggers(text: str) -> str:
    """The text of a workflow's top-level `on:` key (its line and the indented lines under it)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(("on:", '"on":', "'on':", "true:")):
            block = [line]
            for nxt in lines[i + 1 :]:
                if nxt and not nxt[0].isspace() and not nxt.startswith("#"):
                    break
                block.append(nxt)
            return "\n".join(block)
    return ""


def workflow_untrusted(path: str, text: str) -> str | None:
    """Why a GitHub workflow or local action runs a stranger's text or code with the repository's
    privileges, or None: `${{ untrusted }}` expanded into a `run:` script, or a pull_request_target /
    workflow_run workflow that checks out the pull request's head."""
    from ..rules.tools import workflow_commands

    base = path.rsplit("/", 1)[-1]
    for body in workflow_commands(text):
        for expr in _expressions(body):
            c = _untrusted(expr)
            if c is not None:
                return (
                    f"{base} expands ${{{{ {c} }}}} into a run: script: whoever writes that text (an issue, a comment, a branch name)"
                    " runs shell code in the workflow; pass it through env: and quote the variable"
                )
    triggers = _triggers(text)
    trigger = next((t for t in _PRIVILEGED_TRIGGERS if t in triggers), None)
    if trigger is None:
        return None
    for line in text.splitlines():
        s = line.strip().lstrip("- ")
        if s.startswith(("ref:", "run:", "repository:")) or "gh pr checkout" in s or "origin pull/" in s:
            if any(h in s for h in _PR_HEAD):
                return (
                    f"{base} runs on {trigger}, with the repository's secrets and write token, and checks out the pull request's"
                    " own code: a fork's author runs code with those privileges"
                )
    return None
