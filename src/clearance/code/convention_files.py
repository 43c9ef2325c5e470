"""Reading toolchain files' text for the commands it runs: build scripts, task files, hooks, CI workflows, compose
files, option files (convention.py's readers, loaded when a command's conventional file was read or one is written)."""

from __future__ import annotations

from .. import jsonlite as json
from .. import pathstr
from ..lazyre import lazy
from ..paths import DYN, is_within
from ..shell.interp import quoted_spans, string_fail
from ..shell.ir import shell_quote
from ..shell.programs import CODE_OPTIONS
from .convention import MAX_FILES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from re import Match

    from ..scope import Scope
    from ..shell.ir import SimpleCommand


# The languages of editors' and workspaces' start-up files (code/__init__.EDITOR_STARTUP, code/editor_files).
_EDITOR_LANGS = frozenset({"vim", "nvimlua", "elisp", "helix", "gitpod", "replit", "codesandbox"})
_INTERPRETER = {"python": "python3", "js": "node", "ruby": "ruby", "perl": "perl", "php": "php", "r": "Rscript"}


# Rust: `Command::new("sh")` then `.arg("x")` / `.args(["a", "b"])` / `.args(&["a"])`; `remove_dir_all("p")`.
_RS_COMMAND = lazy(r"Command::new\(\s*\"((?:[^\"\\]|\\.)*)\"\s*\)")


_RS_ARG = lazy(r"\.\s*+(arg|args|current_dir|env|envs|stdin|stdout|stderr)\s*\(\s*&?\s*(\[)?")


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
            # Its string literals (interp.quoted_spans: a pattern for them rescans an open string from every escaped quote).
            spans = quoted_spans(inner, '"')
            strings = [inner[a + 1 : b - 1] for a, b, _ in spans]
            between = [inner[b:a] for b, a in zip([0] + [e for _, e, _ in spans], [a for a, _, _ in spans] + [len(inner)], strict=True)]
            rest = "".join(between).replace(",", "").strip()
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
_GRADLE_CMDLINE = lazy(r"\bcommandLine\b\s*+(?:=\s*+)?(?:[(\[]\s*+)?((?:(?:'[^'\n]*'|\"[^\"\n]*\")\s*+(?:,\s*+)?)+)")


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

    from ..scripts_more import make_assigned, make_vars_dynamic

    assigned = make_assigned(text)

    out: list[str] = []
    # (only a line with `!=` or `$(` adds one: the others are passed over in one comprehension)
    for line in [line for line in text.splitlines() if "$(" in line or "!=" in line]:
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
    for line in text.split("\n"):
        if line.startswith("\t") or "include" not in line:
            continue
        words = line.split()  # `include\tx.mk`, ` include x.mk`: make takes any blanks (round 15b)
        if words and words[0] in ("include", "-include", "sinclude"):
            out.extend(w for w in words[1:] if "$" not in w and "%" not in w and "*" not in w)
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
        j = i + 1  # the continuation lines, read in place (issue 16: a copy of the rest per `commands =` line was quadratic)
        while j < len(lines) and lines[j][:1].isspace() and lines[j].strip():
            body.append(lines[j].strip())
            j += 1
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
    said: dict[str, str] = {}  # each word once as a shell word (a list may repeat one word many times)

    def word(tok: str) -> str:
        w = said.get(tok)
        if w is None:
            w = said[tok] = _cmake_word(tok)
        return w

    for m in _CMAKE_FILE.finditer(text):
        words = [word(t) for t, _ in _cmake_tokens(m.group(2))]
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
        for tok, quoted in _cmake_tokens(m.group(1)):
            if not quoted and tok.isupper() and tok.replace("_", "").isalpha():
                if current:
                    out.append(" ".join(current))
                current = [] if tok == "COMMAND" else None
                continue
            if current is not None:
                current.append(word(tok))
        if current:
            out.append(" ".join(current))
    return out


_CMAKE_FILE = lazy(r"\bfile\s*\(\s*(REMOVE_RECURSE|REMOVE|WRITE|APPEND|RENAME|COPY_FILE|TOUCH|DOWNLOAD)\b([^()]*)\)", 2)  # re.IGNORECASE


_CMAKE_FILE_OPS = {"REMOVE_RECURSE": "rm -rf", "REMOVE": "rm -f", "TOUCH": "touch"}


# A CMake argument: a quoted string, or a bare word (`"(…)"|[^\s"]+`, as re.finditer finds them).  _CMAKE_TOKEN reads a
# string with no escaped quote whole, any other quote alone, and bare words, in one finditer: a run of strings that
# fail at once (`"\<newline>` repeated) costs no Python step each.  Its string alternative stops at the first escaped
# quote, so no text is read twice by it.  A lone quote is then read as re would (interp.string_fail): a string that
# closes past escaped quotes is taken whole; one that fails past a quote of its own has those quotes fail where it
# failed (interp._QUOTED), so only the bare words up to there are read (_CMAKE_BARE) and finditer goes on past them.
_CMAKE_TOKEN = lazy(r"\"(?:[^\"\\]++|\\[^\"\n])*+\"|\"|[^\s\"]++")
_CMAKE_BARE = lazy(r"[^\s\"]++")


def _cmake_tokens(text: str) -> list[tuple[str, bool]]:
    """CMake's arguments in *text*: (the word, or the string's body, and whether it was quoted)."""
    out: list[tuple[str, bool]] = []
    pos = 0
    while True:
        for m in _CMAKE_TOKEN.compiled.finditer(text, pos):
            a, b = m.span()
            if text[a] != '"':
                out.append((m.group(), False))
                continue
            if b - a > 1:
                out.append((text[a + 1 : b - 1], True))
                continue
            end, closed = string_fail(text, a)
            if closed:  # through escaped quotes
                out.append((text[a + 1 : end - 1], True))
                pos = end
                break
            if text.find('"', b, end) < 0:
                continue  # no quote of its own inside the failed body: finditer reads the rest as re would
            last = b
            for w in _CMAKE_BARE.compiled.finditer(text, b):
                if w.start() >= end:
                    break
                out.append((w.group(), False))
                last = w.end()
            pos = max(end, last)
            break
        else:
            return out


_CMAKE_ENV = lazy(r"\$ENV\{(\w+)\}")


def _cmake_word(word: str) -> str:
    """One CMake argument as a shell word: literal text quoted, `$ENV{X}` as the variable `"$X"`."""
    if "$ENV{" not in word:
        return shell_quote(word)  # (most words: no pattern to try)
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


# The file writes of compiled and unread languages' test sources given a literal path (issue 15): Go's os.WriteFile,
# ioutil.WriteFile, os.Create, os.OpenFile with a write flag; Rust's fs::write, File::create, OpenOptions' open after
# write/append; Elixir's File.write, File.touch, File.open with :write/:append.  Each is judged as `: > PATH` is.
_SOURCE_WRITES = lazy(
    r"""\b(?:os\.WriteFile|ioutil\.WriteFile|os\.Create|os\.OpenFile(?=\(\s*+"[^"\n]*+"\s*+,[^)\n]*O_(?:WRONLY|RDWR|CREATE|TRUNC|APPEND))"""
    r"""|fs::write|File::create|File\.write!?|File\.touch!?|File\.open!?(?=\(\s*+"[^"\n]*+"\s*+,\s*+\[[^\]\n]*:(?:write|append)))"""
    r'\(\s*+"([^"\n]++)"'
)
# Elixir's deletions and process calls: File.rm_rf(P), File.rm(P), File.rmdir(P); System.cmd("prog", ["a", "b"]);
# System.shell("line") and Erlang's :os.cmd('line') / :os.cmd(~c"line").
_EX_DELETE = lazy(r"""\bFile\.(rm_rf|rm|rmdir)!?\(\s*+"([^"\n]++)"\s*+\)""")
_EX_CMD = lazy(r"""\bSystem\.cmd\(\s*+"([^"\n]++)"\s*+,\s*+\[((?:\s*+"[^"\n]*+"\s*+,?)*+)\s*+\]""")
_EX_SHELL = lazy(r"""(?:\bSystem\.shell\(\s*+|:os\.cmd\(\s*+(?:~c)?)(?:"([^"\n]++)"|'([^'\n]++)')""")


def _source_literals(text: str) -> list[str]:
    """What any of these sources hands a shell or writes, literally: a shell and its -c given their code as an argument
    list (embedded._ARGV_SHELL), and the file writes of _SOURCE_WRITES."""
    from ..shell.embedded import shell_words, system_calls

    out = system_calls(text).shell if "-" in text and "sh" in text else []
    out += [": > " + shell_words([m.group(1)]) for m in _SOURCE_WRITES.finditer(text)]
    return out


def go_source_commands(text: str) -> list[str]:
    """A Go source `go test` compiles and runs: its literal commands, deletions and writes."""
    return [*go_commands(text), *_source_literals(text)][:MAX_FILES]


def elixir_source_commands(text: str) -> list[str]:
    """An Elixir test file `mix test` loads (ExUnit runs its top level and its tests): its literal deletions, writes,
    commands and shell lines."""
    from ..shell.embedded import shell_words

    out = [{"rm_rf": "rm -rf ", "rm": "rm -f ", "rmdir": "rmdir "}[m.group(1)] + shell_words([m.group(2)]) for m in _EX_DELETE.finditer(text)]
    out += [shell_words([m.group(1), *_quoted(m.group(2))]) for m in _EX_CMD.finditer(text)]
    out += [m.group(1) if m.group(1) is not None else m.group(2) for m in _EX_SHELL.finditer(text)]
    return list(dict.fromkeys([*out, *_source_literals(text)]))[:MAX_FILES]


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
        "rust": lambda t: [*rust_commands(t), *_source_literals(t)],
        "gosrc": go_source_commands,
        "elixirsrc": elixir_source_commands,
        "gradle": gradle_commands,
        "go": go_generate,
        "make": make_parse_time,
        "precommit": precommit_entries,
        "tox": tox_commands,
        "just": just_recipes,
        "ninja": ninja_commands,
        "nix": nix_shell_hooks,
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
    if lang in ("pdbrc", "ghci", "pylintrc", "bazelrc"):
        return startup_code(lang, text)
    if lang in ("elixir", "octave") and text.strip():
        return [f"{'elixir -e' if lang == 'elixir' else 'octave --eval'} {shell_quote(text)}"]
    if lang == "blind":
        return blind_code(text)
    if lang in _EDITOR_LANGS:
        from .editor_files import editor_code

        return editor_code(lang, text)
    if lang == "lua" and text.strip():
        return [f"lua -e {shell_quote(text)}"]
    if lang == "cdkapp":
        try:
            app = json.loads(text).get("app")
        except (ValueError, AttributeError):
            return []
        return [app] if isinstance(app, str) else []
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
    if lang == "doctest":
        code = doctest_code(text)
        return [one_liner("python", code)] if code else []
    if lang == "gitconfig":
        return git_config_commands(text)
    return []


def blind_code(text: str) -> list[str]:
    """Code of a language clearance does not read, read language-blind (adversarial round 15a): as `jrunscript -e` code is
    (its system()-like calls, the hidden files of home it names, socket-and-shell code), and each string literal that is
    a command line of a program the shell knows ("rm -rf ~/.x" handed to ProcessBuilder, `.execute()`, an `<exec>`)."""
    from ..shell.embedded import quoted_literals, string_literals
    from ..shell.programs import INTERPRETERS, ROUTINE_PROGRAMS, SHELLS

    if not text.strip():
        return []
    from ..paths import AGENT_CONFIG

    out = [f"jrunscript -e {shell_quote(text)}"]
    one_quote = [x for q in ('"', "'") for x in string_literals(text, quotes=q) if " " in x.strip() and "\n" not in x]
    for lit in dict.fromkeys([*quoted_literals(text), *one_quote]):
        first = pathstr.basename(lit.split()[0]) if lit.split() else ""
        if first in ROUTINE_PROGRAMS or first in SHELLS or first in INTERPRETERS or first in ("pkill", "killall", "clearance"):
            out.append(lit)
    for lit in string_literals(text):
        # A hidden folder of home joined to the home folder at run time (`NSHomeDirectory() + "/.claude/settings.json"`):
        # judged as the write it may be when it is an agent's settings or clearance's own.
        if lit.startswith("/.") and " " not in lit and DYN not in lit and (lit.split("/")[1] in AGENT_CONFIG or "clearance" in lit):
            out.append(f': >> "$HOME"{shell_quote(lit)}')
    return out


def doctest_code(text: str) -> str:
    """The Python a doctest run executes from a text file: each `>>> ` line and its `... ` continuations, in order."""
    out: list[str] = []
    for line in text.splitlines()[:20_000]:
        stripped = line.lstrip()
        if stripped.startswith(">>> ") or stripped == ">>>" or (stripped.startswith("... ") and out):
            out.append(stripped[4:])
    return "\n".join(out)


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
        for spec in svc.ports:
            words += ["-p", spec]  # a host port the service publishes: it listens there (listens._published)
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
    __slots__ = ("fields", "mounts", "ports")

    def __init__(self) -> None:
        # key -> its words: a scalar's text (a command string as written, read as a shell line), or a list's items quoted
        self.fields: dict[str, list[str]] = {}
        self.mounts: list[tuple[str, str]] = []  # (host folder, folder in the container)
        # `ports:` as `docker run -p` specs ([HOST_IP:]HOST_PORT:CONTAINER_PORT): round 15a, a compose file's published
        # port on clearance's own loopback port was not read (self.forged-endpoint)
        self.ports: list[str] = []


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
        # (YAML lets a key's sequence sit at the key's own indentation: `ports:` then `- '80:80'` below it, aligned)
        while i < len(lines) and (lines[i][0] > key_indent or (not value and lines[i][0] == key_indent and lines[i][1][:1] == "-")):
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
        elif key == "ports":
            for item in items:
                spec = _compose_port(item)
                if spec:
                    svc.ports.append(spec)
        elif key in ("command", "entrypoint", "image", "working_dir"):
            words = [w for w in items if isinstance(w, str)]
            if key in ("command", "entrypoint") and (value.startswith("[") or len(words) > 1 or (block and block[0][1].startswith("-"))):
                words = [shell_quote(w) for w in words]  # a list: each item one word
            svc.fields[key] = words if key != "entrypoint" or len(words) != 1 else words[0].split()
    return services


def _compose_port(item: str | dict[str, str]) -> str:
    """A `ports:` item as the `-p` spec docker run takes: the short form as it is (`"127.0.0.1:11434:80"`,
    `11434:80/tcp`), the long form's `published` (and `host_ip`) with its `target`; "" for a container port alone
    (a random host port) or what cannot be read."""
    if isinstance(item, str):
        return item if ":" in item and DYN not in item else ""
    published, target = item.get("published", "").strip("'\""), item.get("target", "").strip("'\"")
    if not published or not target:
        return ""
    host = item.get("host_ip", "").strip("'\"")
    return f"{host}:{published}:{target}" if host else f"{published}:{target}"


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


# pdb's own commands (a .pdbrc line starting with one is no Python).
_PDB_COMMANDS = frozenset(
    [
        "alias",
        "unalias",
        "b",
        "break",
        "tbreak",
        "cl",
        "clear",
        "c",
        "cont",
        "continue",
        "s",
        "step",
        "n",
        "next",
        "r",
        "return",
        "j",
        "jump",
        "l",
        "list",
        "ll",
        "longlist",
        "a",
        "args",
        "p",
        "pp",
        "w",
        "where",
        "bt",
        "u",
        "up",
        "d",
        "down",
        "h",
        "help",
        "disable",
        "enable",
        "ignore",
        "condition",
        "commands",
        "end",
        "display",
        "undisplay",
        "interact",
        "whatis",
        "source",
        "retval",
        "rv",
        "run",
        "restart",
        "q",
        "quit",
        "exit",
        "debug",
        "until",
        "unt",
        "exceptions",
    ]
)


def startup_code(lang: str, text: str) -> list[str]:
    """The code a start-up or configuration file runs (adversarial round 14a): a .pdbrc's Python (its `!` lines and
    every line that is no pdb command), a .ghci's `:!` shell lines, a pylintrc's init-hook (Python), a .bazelrc's
    --run_under programs (shell)."""
    lines = text.splitlines()[:4096]
    if lang == "pdbrc":
        code = [ln.strip()[1:] if ln.strip().startswith("!") else ln.strip() for ln in lines]
        code = [c for c in code if c and not c.startswith("#") and c.split()[0].split(";")[0] not in _PDB_COMMANDS]
        return [one_liner("python", "\n".join(code))] if code else []
    if lang == "ghci":
        return [ln.strip()[2:].strip() for ln in lines if ln.strip().startswith(":!") and ln.strip()[2:].strip()]
    out: list[str] = []
    for ln in lines:
        if lang == "pylintrc":
            key, eq, value = ln.partition("=")
            if eq and key.strip() in ("init-hook", "init_hook"):
                value = value.strip()
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                    value = value[1:-1].replace("\\'", "'").replace('\\"', '"')
                if value:
                    out.append(one_liner("python", value))
        else:
            i = ln.find("--run_under")
            if i != -1:
                value = ln[i + len("--run_under") :].lstrip("= ").strip()
                if value[:1] in ("'", '"') and value[0] in value[1:]:
                    value = value[1 : value.index(value[0], 1)]
                else:
                    value = value.split(None, 1)[0] if value.split() else ""
                if value and not value.startswith("//"):  # a bazel target (//tools:x) is built, not a host program
                    out.append(value)
    return out


# ninja's declarations that are no variable binding (ninja_syntax: rule, build, default, pool, include, subninja).
_NINJA_DECLS = ("rule ", "build ", "default ", "pool ", "include ", "subninja ")


def ninja_commands(text: str) -> list[str]:
    """The `command = …` of each rule of a ninja build file (fix18a's open class): the shell commands ninja runs through
    `/bin/sh -c`, with `$$`, `$ ` and `$:` unescaped, the file's top-level variables expanded, and every other
    variable (`$in`, `$out`, a build's own binding) read as a word known when it runs -- never as nothing."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n")[:20000]:
        if lines and lines[-1].endswith("$") and not lines[-1].endswith("$$"):
            lines[-1] = lines[-1][:-1] + raw.lstrip()  # `$` at the end of a line continues it
        else:
            lines.append(raw)
    binds: dict[str, str] = {}
    out: list[str] = []
    in_rule = False
    for line in lines:
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if not line[:1].isspace():
            in_rule = line.startswith("rule ")
            key, eq, value = line.partition("=")
            if eq and not line.startswith(_NINJA_DECLS) and key.strip().replace("_", "").replace(".", "").replace("-", "").isalnum():
                binds[key.strip()] = _ninja_expand(value.strip(), binds)
            continue
        key, eq, value = s.partition("=")
        if in_rule and eq and key.strip() == "command" and len(out) < MAX_FILES:
            out.append(_ninja_expand(value.strip(), binds))
    return out


def _ninja_expand(value: str, binds: dict[str, str]) -> str:
    out: list[str] = []
    i, n = 0, len(value)
    while i < n:
        ch = value[i]
        if ch != "$" or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        nxt = value[i + 1]
        if nxt in "$ :":
            out.append(nxt)
            i += 2
            continue
        if nxt == "{":
            end = value.find("}", i + 2)
            name, i = (value[i + 2 : end], end + 1) if end != -1 else (value[i + 2 :], n)
        else:
            j = i + 1
            while j < n and (value[j].isalnum() or value[j] in "_-"):
                j += 1
            name, i = value[i + 1 : j], max(j, i + 1)
        out.append(binds.get(name, "ninja-" + (name or "value")))
    return "".join(out)


def nix_shell_hooks(text: str) -> list[str]:
    """The literal text of each `shellHook = "…";` / `shellHook = ''…'';` of a nix expression (what nix-shell runs in
    bash when the shell starts): `"…"` with its backslash escapes, `''…''` with its indentation removed; an
    interpolation `${…}` is a store path or a value known when it runs, read as such."""
    out: list[str] = []
    at = 0
    while len(out) < MAX_FILES:
        k = text.find("shellHook", at)
        if k == -1:
            break
        at = k + 9
        j = at
        while j < len(text) and text[j] in " \t\r\n":
            j += 1
        if j >= len(text) or text[j] != "=":
            continue
        j += 1
        while j < len(text) and text[j] in " \t\r\n":
            j += 1
        if text.startswith("''", j):
            body, at = _nix_indented(text, j + 2)
        elif text.startswith('"', j):
            body, at = _nix_quoted(text, j + 1)
        else:
            continue
        out.append(body)
    return out


def _nix_interpolation(text: str, i: int) -> int:
    """The index just past the `}` closing the interpolation `${` that opens at *i*."""
    depth, j = 0, i
    while j < len(text):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return j


_NIX_VALUE = "/nix/store/nix-value"


def _nix_quoted(text: str, i: int) -> tuple[str, int]:
    out: list[str] = []
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "r": "\r"}.get(text[i + 1], text[i + 1]))
            i += 2
        elif ch == '"':
            return "".join(out), i + 1
        elif text.startswith("${", i):
            out.append(_NIX_VALUE)
            i = _nix_interpolation(text, i + 1)
        else:
            out.append(ch)
            i += 1
    return "".join(out), i


def _nix_indented(text: str, i: int) -> tuple[str, int]:
    out: list[str] = []
    while i < len(text):
        if text.startswith("'''", i):
            out.append("''")  # ''' is two quotes
            i += 3
        elif text.startswith("''$", i) or text.startswith("''\\", i):
            out.append(text[i + 2 : i + 4] if text[i + 2] == "\\" else "$")
            i += 4 if text[i + 2] == "\\" else 3
        elif text.startswith("''", i):
            i += 2
            break
        elif text.startswith("${", i):
            out.append(_NIX_VALUE)
            i = _nix_interpolation(text, i + 1)
        else:
            out.append(text[i])
            i += 1
    lines = "".join(out).split("\n")
    indent = min((len(s) - len(s.lstrip(" ")) for s in lines if s.strip()), default=0)
    return "\n".join(s[indent:] for s in lines).strip("\n"), i
