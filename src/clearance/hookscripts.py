"""What an agent's project settings command runs beyond its own words (fix19a): the package script, make target or just
recipe it names (`npm run lint`, `pnpm lint`, `yarn lint`, `make lint`, `just fmt`), whose text the defining file
holds (package.json's "scripts", the Makefile, the justfile), and the local modules a program it runs imports.

Either runs outside any hook as the settings' own program does (paths.settings_run_files, adversarial round 18a): the
programs an entry's text names and the modules are protected as the program is; a change to the entry itself is
judged by comparing its text before and after (rules/fs.settings_script_changed). Imported only where the project has
agents' settings that name a command (paths.settings_run_files reads them).
"""

from __future__ import annotations

from . import jsonlite as json
from . import pathstr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

# package.json's scripts the package managers run under their own verb (`npm test`, `npm start`).
_NPM_VERBS = {"test": "test", "t": "test", "tst": "test", "start": "start", "stop": "stop", "restart": "restart"}
_NPM_RUN = frozenset({"run", "run-script", "rum", "urn"})
# pnpm's and yarn's own commands: any other first word is a script of package.json (`pnpm lint`, `yarn build`).
_PM_BUILTINS = frozenset(
    {"install", "i", "add", "remove", "rm", "uninstall", "un", "update", "up", "upgrade", "exec", "dlx", "create", "init", "link", "unlink"}
    | {"store", "why", "info", "outdated", "audit", "list", "ls", "publish", "pack", "config", "set", "workspace", "workspaces", "import"}
    | {"rebuild", "prune", "dedupe", "env", "bin", "root", "cache", "login", "logout", "version", "patch", "licenses", "node", "plugin"}
    | {"help", "ci", "fetch", "server", "setup", "self-update", "import", "constraints", "npm", "explain", "global", "install-test", "it"}
)
# Options whose value is the next word (a folder or a file chosen), per runner.
_VALUED = {
    "npm": frozenset({"--prefix", "-C", "--workspace", "-w"}),
    "pnpm": frozenset({"--dir", "-C", "--filter", "-F"}),
    "yarn": frozenset({"--cwd"}),
    "bun": frozenset({"--cwd", "-F", "--filter"}),
    "make": frozenset({"-C", "--directory", "-f", "--file", "--makefile", "-j", "--jobs", "-l", "-o", "-W", "-I"}),
    "just": frozenset({"-f", "--justfile", "-d", "--working-directory", "--set", "--shell", "--dotenv-filename", "--dotenv-path"}),
}
_MAKEFILES = ("GNUmakefile", "makefile", "Makefile")
_JUSTFILES = ("justfile", "Justfile", ".justfile", "JUSTFILE")
_SEPARATORS = frozenset({";", "&&", "||", "|", "&"})


def entries(command: str, root: str, read: Callable[[str], str | None]) -> list[tuple[str, str, str]]:
    """(defining file, kind, entry) of each package script, make target or just recipe *command* runs; kind is
    "npm", "make" or "just", entry "" for make's and just's default. A file that is not there names nothing."""
    words = [w.replace('"', "").replace("'", "") for w in command.replace(";", " ; ").replace("&&", " && ").replace("|", " | ").split()[:64]]
    out: list[tuple[str, str, str]] = []
    segment: list[str] = []
    for w in [*words, ";"]:
        if w not in _SEPARATORS:
            segment.append(w)
            continue
        while segment and "=" in segment[0] and "/" not in segment[0].split("=", 1)[0]:
            segment.pop(0)  # VAR=value before the program
        if segment:
            got = _entry(segment, root, read)
            if got is not None:
                out.append(got)
        segment = []
    return out[:16]


def _entry(words: list[str], root: str, read: Callable[[str], str | None]) -> tuple[str, str, str] | None:
    prog = words[0].rpartition("/")[2]
    runner = "make" if prog in ("make", "gmake") else prog
    if runner not in _VALUED:
        return None
    valued = _VALUED[runner]
    folder, named, operands = root, "", []
    i = 1
    while i < len(words):
        w = words[i]
        i += 1
        opt, eq, glued = w.partition("=")
        if w.startswith("-") and (opt in valued or (len(opt) > 2 and opt[:2] in valued and not opt.startswith("--"))):
            value = glued if eq else opt[2:] if len(opt) > 2 and not opt.startswith("--") else words[i] if i < len(words) else ""
            if not eq and not (len(opt) > 2 and not opt.startswith("--")):
                i += 1
            key = opt[:2] if not opt.startswith("--") else opt
            if key in ("--prefix", "-C", "--dir", "--cwd", "--directory", "-d", "--working-directory"):
                folder = value if value.startswith("/") else pathstr.join(folder, value)
            elif key in ("-f", "--file", "--makefile", "--justfile") and runner in ("make", "just"):
                named = value
            continue
        if w.startswith("-") or (runner == "make" and "=" in w):
            continue
        operands.append(w)
    folder = pathstr.normpath(folder)
    if runner in ("npm", "pnpm", "yarn", "bun"):
        name = _package_script(runner, operands)
        return (pathstr.join(folder, "package.json"), "npm", name) if name else None
    names = (named,) if named else _MAKEFILES if runner == "make" else _JUSTFILES
    for n in names:
        f = pathstr.normpath(n if n.startswith("/") else pathstr.join(folder, n))
        if read(f) is not None:
            return (f, runner, operands[0] if operands else "")
    return None


def _package_script(runner: str, operands: list[str]) -> str | None:
    if not operands:
        return None
    verb = operands[0]
    if verb in _NPM_RUN:
        return operands[1] if len(operands) > 1 else None
    if runner == "npm":
        return _NPM_VERBS.get(verb)
    if runner == "bun":
        return None  # `bun x.ts` runs a file, `bun test` its own test runner: only `bun run NAME` names a script
    return None if verb in _PM_BUILTINS or "/" in verb or verb.endswith((".js", ".ts", ".mjs", ".cjs")) else verb


def entry_text(kind: str, text: str, name: str) -> str | None:
    """The text of the entry *name* in a defining file's *text* (what runs when it is run; "" where the file has none),
    or None where the file cannot be read as its format."""
    if kind == "npm":
        try:
            data = json.loads(text)
        except ValueError:
            return None
        scripts = data.get("scripts") if isinstance(data, dict) else None
        if not isinstance(scripts, dict):
            return ""
        # npm runs preNAME and postNAME around NAME.
        return "\n".join(str(scripts.get(k, "")) for k in ("pre" + name, name, "post" + name)).strip("\n")
    rules = _make_rules(text) if kind == "make" else _just_recipes(text)
    if not name:
        return rules[0][1] if rules else ""
    return "\n".join(body for names, body in rules if name in names.split())


def entry_commands(kind: str, text: str, name: str) -> list[str]:
    """The command lines of the entry (a script's text, a recipe's lines without make's and just's line prefixes)."""
    got = entry_text(kind, text, name)
    if not got:
        return []
    if kind == "npm":
        return [s for s in got.split("\n") if s]
    return [line.strip().lstrip("@-+").strip() for line in got.split("\n")[1:] if line.strip() and not line.strip().startswith("#")]


def _make_rules(text: str) -> list[tuple[str, str]]:
    """(targets, the rule's text: its header line and its recipe) of each explicit rule of a Makefile, in order; special
    targets (`.PHONY`) and pattern rules aside."""
    out: list[tuple[str, str]] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines) and len(out) < 512:
        line = lines[i]
        i += 1
        if not line or line[0] in "\t #" or ":" not in line:
            continue
        head, _, rest = line.partition(":")
        if rest.startswith("=") or "=" in head or "%" in head or "$" in head:
            continue  # a variable (`X := y`, `X = a:b`) or a pattern rule
        body = [line]
        while i < len(lines) and (lines[i].startswith("\t") or not lines[i].strip()):
            body.append(lines[i])
            i += 1
        targets = " ".join(t for t in head.split() if not t.startswith("."))
        if targets:
            out.append((targets, "\n".join(body).rstrip()))
    return out


def _just_recipes(text: str) -> list[tuple[str, str]]:
    """(name and aliases, the recipe's text: header and body) of each recipe of a justfile, in order."""
    out: list[tuple[str, str]] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines) and len(out) < 512:
        line = lines[i]
        i += 1
        if not line or line[0] in " \t#[" or ":" not in line or ":=" in line:
            continue
        first = line.split(":", 1)[0].split()
        if not first or first[0] in ("set", "alias", "export", "import", "mod"):
            continue
        body = [line]
        while i < len(lines) and (lines[i][:1] in (" ", "\t") or not lines[i].strip()):
            body.append(lines[i])
            i += 1
        out.append((first[0].lstrip("@"), "\n".join(body).rstrip()))
    return out


# The languages whose local imports code/localmods follows, by a program's suffix.
_LANGS = {".py": "python", ".js": "js", ".mjs": "js", ".cjs": "js", ".ts": "js", ".mts": "js", ".cts": "js", ".rb": "ruby", ".php": "php"}


def imported_modules(program: str, root: str, read: Callable[[str], str | None], listdir: Callable[[str], list[str] | None] | None) -> list[str]:
    """The project modules *program* loads (its local imports, followed to code/localmods' bounds), and the one past
    them it does not follow: they run with it."""
    base = program.rpartition("/")[2]
    lang = _LANGS.get(base[base.rfind(".") :]) if "." in base else None
    if lang is None:
        return []
    text = read(program)
    if not text:
        return []
    from .code.localmods import loaded

    got = loaded(lang, program, text, root, read, listdir)
    return [p for p, _ in got] + ([got.unread] if got.unread is not None else [])
