"""What a shell line leaves in a file clearance judges by what it says (rules/gates.content_judged: an agent's own
settings file, VS Code's settings, an env file), judged as a Write of that text is (adversarial round 9d).

A Write's or a heredoc's text is judged where it is written (engine._check_written_scripts).  A copy (`cp`, `mv`,
`install`, `rsync`, `git mv`, `cat SRC >`, `tee F < SRC`, interpreter code), an in-place change (`sed -i`, `perl -pi`,
`jq … > tmp && mv tmp F`, `… | sponge F`) or a download brings text no word of the command holds.  Here the file as
it is after each command of the line is computed where it can be: the source read from the disk (or from what an
earlier command of the line wrote), a simple sed or perl substitution or jq assignment applied to the file on the
disk.  What the command newly turns on is judged (a switch already on before it is not its doing); where the result
cannot be computed (a download, a source out of reach, a program whose output is unknown) a person is asked.

A program clearance does not model that is given an in-place option and such a file (`npx json -I -f opencode.json
-e …`) may rewrite it with text nothing here computes: asked about too (unmodelled_in_place).  A restriction taken out
where the agent's default is to allow (`jq 'del(.permission)'` on opencode.json) is judged on the file before and after
(agentcli.restriction_removed).

Imported only for a line that writes such a file, or that gives a program clearance does not model an in-place option
(engine.analyse_shell): ordinary lines never load it.
"""

from __future__ import annotations

import re

from .model import ASK, TOO_LARGE, Finding
from .paths import DYN
from .rules.gates import content_judged, env_file
from .shell.effects import DELETE, FORMATTED, READ, WRITE

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from .scope import Scope
    from .shell.effects import Effect
    from .shell.ir import SimpleCommand

RULE = "write.settings-unknown-content"
# Programs whose writes leave a file's text as it was (its mode, owner, times, an empty new file).
_NO_TEXT = frozenset({"touch", "mkdir", "chmod", "chown", "chgrp", "chattr", "setfacl", "mkfifo", "mknod", "ln"})
_COPIERS = frozenset({"cp", "mv", "install", "rsync", "ditto", "gio"})
# Programs whose writes include the members of a tree they unpack or copy (shell/trees.py notes each with its name).
_TREE_WRITERS = _COPIERS | {"tar", "bsdtar", "gtar", "unzip", "7z", "7za", "7zz"}
_EDITORS = frozenset({"vim", "vi", "nvim", "view", "ex", "gvim", "vimdiff", "rvim", "emacs", "emacs-nox", "xemacs"})
# How much text one file of the line may hold here (a settings or env file is small; a larger result is unknown).
_MAX_TEXT = 512 * 1024
_UNKNOWN = object()
_JUDGED = "judged where written"


class _Line:
    """The files one line has written so far: path -> text, or None when what it holds is unknown."""

    def __init__(self, sc: Scope) -> None:
        self.sc = sc
        self.written: dict[str, str | None] = {}
        # What a file may hold where it is not computed (interpreter code's one source): judged, then asked about.
        self.candidates: dict[str, str] = {}

    def text(self, path: str) -> str | None:
        """What *path* holds at this point of the line: what the line wrote there, else the disk's text."""
        if path in self.written:
            return self.written[path]
        if path == "/dev/null":
            return ""
        reader = self.sc.ctx.read_file
        if reader is None or DYN in path:
            return None
        got = reader(path)
        return None if got is None or got == TOO_LARGE else got


def check_results(
    commands: list[SimpleCommand],
    effects: list[Effect],
    positions: list[int],
    sc: Scope,
    findings: list[Finding],
    judge: Callable[[str, str, SimpleCommand, Scope, list[Finding], int], object],
    depth: int,
) -> None:
    """Judge, for each command of the line, the text it leaves in each content-judged file it writes."""
    from .engine import check_deadline, rule_by_id

    line = _Line(sc)
    seen = {f.rule_id for f in findings}
    for at, cmd in enumerate(commands):
        check_deadline(sc)
        mine = [e for e, p in zip(effects, positions, strict=False) if p == at]
        for e in mine:
            if e.kind != WRITE or DYN in e.path or e.note == FORMATTED:
                continue  # a formatter's rewrite (`prettier --write .vscode/settings.json`) keeps what the file says
            judged = content_judged(e.path)
            if cmd.name == "ln":
                # The file now reads as what the link points at (`ln -sf bad.json opencode.json`, adversarial round
                # 10c): that text is judged where clearance can read it. A link into a temporary folder is
                # fs.settings-linked-outside's; one to a file out of reach (a shared checkout beside this one) is left.
                pointed = sc.links.get(e.path)
                after = line.text(pointed) if pointed is not None and DYN not in pointed else None
                before = line.text(e.path)
                line.written[e.path] = after
                if judged and after is not None:
                    _judge_new(e.path, after, before, cmd, sc, findings, seen, judge, depth)
                continue
            before = line.text(e.path)
            got = _result(cmd, e, mine, line)
            if got is None:
                continue  # its text unchanged (chmod, touch), or already judged where it is written (a literal)
            after, why = got
            if after is not None and len(after) > _MAX_TEXT:
                after, why = None, "more text than clearance reads"
            line.written[e.path] = after
            if not judged or why == _JUDGED:
                continue
            if after is None:
                if sc.ctx.read_file is None and cmd.name not in ("curl", "wget"):
                    continue  # no disk here (the team service): what a copy or an edit leaves is not judged, as trees.py
                if e.path in line.candidates and _judge_new(e.path, line.candidates[e.path], before, cmd, sc, findings, seen, judge, depth):
                    continue
                if RULE not in seen and _asks_unknown(e.path, sc):
                    base = e.path.rsplit("/", 1)[-1]
                    msg = f"{cmd.name} fills {base}, which clearance judges by what it says, with text it cannot read ({why})"
                    findings.append(_ask(rule_by_id(RULE), msg + "; a person looks at it", cmd))
                    seen.add(RULE)
                continue
            _judge_new(e.path, after, before, cmd, sc, findings, seen, judge, depth)
            _restriction_removed(e.path, before, after, cmd, findings, seen)


def _restriction_removed(path: str, before: str | None, after: str, cmd: SimpleCommand, findings: list[Finding], seen: set[str]) -> None:
    """A restriction the line takes out of an agent's settings whose default is to allow (`jq 'del(.permission)'`)."""
    from .engine import _finding, rule_by_id
    from .rules.agentcli import restriction_removed

    why = restriction_removed(path, before, after)
    if why and "write.agent-auto-approve" not in seen:
        findings.append(_finding(rule_by_id("write.agent-auto-approve"), f"{cmd.name} leaves {path.rsplit('/', 1)[-1]} so that {why}", cmd.show()))
        seen.add("write.agent-auto-approve")


def unmodelled_in_place(commands: list[SimpleCommand], effects: list[Effect], sc: Scope, findings: list[Finding]) -> None:
    """A program clearance does not model, given a file clearance judges by what it says with an in-place option
    (`npx json -I -f opencode.json -e 'this.permission="allow"'`, round 10c), or an agent's or editor's settings file with
    none: some programs rewrite their operand in place by default (`sd FIND REPLACE FILE`, round 11b), and which do is
    not known for a program clearance does not model. It may rewrite that file with text no word of the line holds and
    no model here computes, so a person is asked, as for a download into it. An env file (.env) without the option is
    left to the credential rules (reading it is what programs given one do)."""
    from .engine import _may_rewrite, rule_by_id
    from .rules.gates import content_judged, unknown

    if RULE in {f.rule_id for f in findings}:
        return
    written = {e.path for e in effects if e.kind == WRITE}
    for cmd in commands:
        if not unknown(cmd):
            continue
        option = any(w.value in ("-i", "-I", "--in-place", "--inplace") for w in cmd.args)
        for w in cmd.args:
            v = w.value.split("=", 1)[1] if w.value.startswith("-") and "=" in w.value else w.value
            if not v or v.startswith("-") or DYN in v:
                continue
            path = sc.path(v, cmd)
            if path not in written and content_judged(path) and (option or (_settings_file(path) and _may_rewrite(cmd, sc))):
                base = path.rsplit("/", 1)[-1]
                given = "an in-place option and " if option else ""
                msg = f"{cmd.name}, a program clearance does not model, is given {given}{base}, which clearance judges by what it says"
                findings.append(_ask(rule_by_id(RULE), msg + ": what it leaves there is not known before it runs; a person looks at it", cmd))
                return


def _judge_new(
    path: str,
    after: str,
    before: str | None,
    cmd: SimpleCommand,
    sc: Scope,
    findings: list[Finding],
    seen: set[str],
    judge: Callable[[str, str, SimpleCommand, Scope, list[Finding], int], object],
    depth: int,
) -> bool:
    """The findings a Write of *after* into *path* gets that one of *before* did not (a switch already on is not this
    command's doing), added to *findings*; whether there were any."""
    new: list[Finding] = []
    judge(path, after, cmd, sc, new, depth)
    if not new:
        return False
    old: list[Finding] = []
    if before:
        judge(path, before, cmd, sc, old, depth)
    had = {f.rule_id for f in old}
    got = False
    for f in new:
        if f.rule_id not in had:
            got = True
            if f.rule_id not in seen:
                findings.append(f)
                seen.add(f.rule_id)
    return got


def _ask(r: object, msg: str, cmd: SimpleCommand) -> Finding:
    return Finding(RULE, ASK, msg, getattr(r, "category", "write"), cmd.show())


def _asks_unknown(path: str, sc: Scope) -> bool:
    """Whether unknown text landing in *path* is asked about.  A plain `.env` is an application's own file (secrets
    pulled by a vault tool, `sops -d > .env`): it sets the later sessions' variables only where the `.envrc` beside it
    reads it with `dotenv`."""
    base = path.rsplit("/", 1)[-1]
    if not env_file(path) or not (base == ".env" or base.startswith(".env.")) or base.startswith(".envrc"):
        return True
    reader = sc.ctx.read_file
    envrc = reader(path.rpartition("/")[0] + "/.envrc") if reader is not None else None
    return bool(envrc) and "dotenv" in (envrc or "")


def _result(cmd: SimpleCommand, e: Effect, mine: list[Effect], line: _Line) -> tuple[str | None, str] | None:
    """(the text *e*'s file holds after *cmd*, or None with why it is unknown; _JUDGED for a literal judged where it
    is written), or None where *cmd* leaves its text as it was."""
    name = cmd.name
    if name in _NO_TEXT or e.note.startswith(("chmod", "chown", "mkdir")):
        return None
    if e.note == name and name in _TREE_WRITERS:
        return None  # a member of an unpacked archive or a copied folder: judged where it lands (shell/trees.py)
    if e.note == name and name in _EDITORS:
        # `vim -c '%s/ask/allow/|wq' F`, `emacs --batch F --eval …`: what its commands do to the file is not read here;
        # the editor opened for a person to type in changes what they type.
        if not any(w.value[:1] in ("-", "+") for w in cmd.args):
            return None
        return None, f"{name}'s commands change it"
    if e.note == "redirect":
        return _redirected(cmd, e, line)
    if e.note == "code":
        return _by_code(cmd, e, mine, line)
    if name in ("tee", "sponge"):
        text = _stdin(cmd, line, 0)
        if text is _UNKNOWN:
            return None, f"what {name} reads is not known before it runs"
        assert isinstance(text, str)
        append = any(w.value in ("-a", "--append") for w in cmd.args)
        why = _JUDGED if cmd.stdin_text is not None and name == "tee" else ""  # a heredoc: judged where written
        return ((line.text(e.path) or "") + text if append else text), why
    if name in _COPIERS or (name == "git" and any(d.kind == DELETE and d.note == "moved away" for d in mine)):
        return _copied(e, mine, line)
    if name in ("sed", "gsed"):
        return _sed_in_place(cmd, e, line)
    if name == "perl":
        return _perl_in_place(cmd, e, line)
    if name in ("curl", "wget"):
        return None, "a download"
    return None, f"what {name} writes there"


def _copied(e: Effect, mine: list[Effect], line: _Line) -> tuple[str | None, str]:
    """The text a copy or a move puts at *e*: its one source's (the one of the same name among several)."""
    sources = [d.path for d in mine if (d.kind == READ or (d.kind == DELETE and d.note == "moved away")) and d.path != e.path]
    sources = list(dict.fromkeys(sources))
    if len(sources) > 1:
        base = e.path.rsplit("/", 1)[-1]
        sources = [s for s in sources if s.rsplit("/", 1)[-1] == base]
    if len(sources) != 1 or DYN in sources[0]:
        return None, "its source is not one file clearance can name"
    text = line.text(sources[0])
    if text is None:
        return None, f"{sources[0].rsplit('/', 1)[-1]} is out of clearance's reach"
    return text, ""


# Interpreter calls that copy or move a file as it is (Python, Node, Ruby), and calls that write text code computes.
_COPY_CALLS = ("shutil.copy", "shutil.move", "copyFileSync", "copyFile(", "os.rename", "os.replace", "renameSync", "FileUtils.cp", "FileUtils.mv")
_TEXT_WRITES = ("write", "dump", "print", "replace(", "sub(", "format", "+", "%", "`", "f'", 'f"')


def _by_code(cmd: SimpleCommand, e: Effect, mine: list[Effect], line: _Line) -> tuple[str | None, str]:
    """Interpreter code writing the file: `shutil.copy(SRC, F)` and its likes leave SRC's text there; other code
    (`Path(F).write_text(Path(SRC).read_text().replace(…))`) leaves text clearance does not compute -- its one source
    is still judged (line.candidates), and a person asked where that says nothing."""
    sources = list(dict.fromkeys(d.path for d in mine if d.kind == READ and d.note == "code" and d.path != e.path))
    if not sources and any(d.kind == READ and d.note == "code" and d.path == e.path for d in mine):
        # json.load then json.dump of the same file: what it holds after is what it held with the code's literal
        # changes (cal13/cal14: `d['editor.tabSize'] = 2` in .vscode/settings.json was asked as unknown text)
        got = _round_trip(cmd, line.text(e.path))
        if got is not None:
            return got, ""
    text = line.text(sources[0]) if len(sources) == 1 else None
    code = " ".join(cmd.values())
    if text is not None and any(c in code for c in _COPY_CALLS) and not any(w in code for w in _TEXT_WRITES):
        return text, ""
    if text is not None:
        line.candidates[e.path] = text
    elif env_file(e.path) and code:
        # An env file (the CI runner's $GITHUB_ENV opened as os.environ['GITHUB_ENV'], a .envrc): the code's string
        # literals, one a line, are what it may add there (`write('CLEARANCE_HEADLESS=0\\n')`): judged, then asked about
        from .shell.embedded import string_literals

        lines = [lit.replace("\\n", "\n").strip() for lit in string_literals(code)]
        line.candidates[e.path] = "\n".join(x for x in lines if x) + "\n"
    return None, "interpreter code writes it"


def _round_trip(cmd: SimpleCommand, before: str | None) -> str | None:
    """The JSON text a Python one-liner leaves in the file it loads and dumps back (`d = json.load(open(p));
    d['k'] = V; json.dump(d, open(p, 'w'))`): the file's object (empty where it cannot be read: what it held before is
    not this command's doing) with each literal key set to its literal value, `d['a']['b'] = V` and `d.update({...})`
    included. None where the code does anything else to the object (a computed key or value, a delete, a pop, a
    method the reading does not know), or dumps something other than the name it changes."""
    import ast
    import json

    vals = cmd.values()
    if not cmd.name.startswith("python") or "-c" not in vals or vals.index("-c") + 1 >= len(vals):
        return None
    try:
        tree = ast.parse(vals[vals.index("-c") + 1])
        data = json.loads(before) if before else {}
    except (SyntaxError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    dumped: set[str] = set()
    changed: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Delete, ast.AugAssign, ast.AnnAssign)):
            return None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("dump", "dumps") and node.args and isinstance(node.func.value, ast.Name) and node.func.value.id == "json":
                if not isinstance(node.args[0], ast.Name):
                    return None
                dumped.add(node.args[0].id)
            elif node.func.attr == "update" and isinstance(node.func.value, ast.Name) and len(node.args) == 1:
                try:
                    more = ast.literal_eval(node.args[0])
                except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                    return None
                if not isinstance(more, dict):
                    return None
                data.update(more)
                changed.add(node.func.value.id)
            elif node.func.attr in ("pop", "popitem", "clear", "setdefault", "append", "extend", "insert", "remove", "__setitem__"):
                return None
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if not isinstance(target, ast.Subscript):
                    continue
                keys: list[object] = []
                t: ast.expr = target
                while isinstance(t, ast.Subscript):
                    try:
                        keys.insert(0, ast.literal_eval(t.slice))
                    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                        return None
                    t = t.value
                try:
                    value = ast.literal_eval(node.value)
                except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                    return None
                if not isinstance(t, ast.Name) or not all(isinstance(k, str) for k in keys):
                    return None
                here = data
                for k in keys[:-1]:
                    nxt = here.get(k) if isinstance(here, dict) else None
                    if not isinstance(nxt, dict):
                        nxt = {}
                        here[str(k)] = nxt
                    here = nxt
                here[str(keys[-1])] = value
                changed.add(t.id)
    if len(dumped) != 1 or dumped != changed:
        return None  # nothing dumped, or a name dumped other than the object the code changes
    return json.dumps(data, indent=2)


def _redirected(cmd: SimpleCommand, e: Effect, line: _Line) -> tuple[str | None, str] | None:
    from .shell.outputs import literal_output

    append = any(r.op in (">>", "&>>") for r in cmd.redirects if r.target is not None and line.sc.path(r.target.value, cmd) == e.path)
    out = _output(cmd, line, 0)
    if out is _UNKNOWN:
        return None, f"the output of {cmd.name}"
    assert isinstance(out, str)
    # A literal `echo … >`, a heredoc: judged where written (engine._check_written_scripts), kept for a later copy.
    why = _JUDGED if literal_output(cmd) is not None else ""
    return ((line.text(e.path) or "") + out if append else out), why


def _stdin(cmd: SimpleCommand, line: _Line, depth: int) -> object:
    """What *cmd* reads on its standard input, or _UNKNOWN."""
    if cmd.stdin_text is not None:
        return cmd.stdin_text
    for r in cmd.redirects:
        if r.op == "<" and r.fd in ("", "0") and r.target is not None:
            text = line.text(line.sc.path(r.target.value, cmd)) if DYN not in r.target.value else None
            return _UNKNOWN if text is None else text
    if cmd.stdin_from:
        return _output(cmd.stdin_from[-1], line, depth + 1)
    return _UNKNOWN


def _output(cmd: SimpleCommand, line: _Line, depth: int) -> object:
    """What *cmd* writes to its standard output where it is known: a literal, `cat FILES`, a jq assignment; else _UNKNOWN."""
    if depth > 4:
        return _UNKNOWN
    from .shell.outputs import literal_output

    got = literal_output(cmd)
    if got is not None:
        return got
    if cmd.name in ("", ":", "true", "false"):
        return ""  # `: > F`, `> F`: an empty file
    args = [w.value for w in cmd.args]
    if cmd.name == "cat" and not any(a.startswith("-") and a != "-" for a in args):
        parts: list[str] = []
        for a in args or ["-"]:
            text: object = _stdin(cmd, line, depth) if a == "-" else (line.text(line.sc.path(a, cmd)) if DYN not in a else None)
            if not isinstance(text, str):
                return _UNKNOWN
            parts.append(text)
        return "".join(parts)
    if cmd.name == "jq":
        return _jq(cmd, args, line, depth)
    return _UNKNOWN


# -- jq: assignments of literal values -------------------------------------------------------------------------------

_JQ_FORMAT = frozenset({"-r", "-c", "-S", "-M", "-C", "-e", "--raw-output", "--compact-output", "--sort-keys", "--tab", "--monochrome-output"})
# A step of a path: `.name`, `."name"`, `["name"]`, `[0]`, the bracketed forms also after a dot (`.["editor.tabSize"]`,
# the form a key with dots in it is written in).
# (a bracket once for both of its forms: each `[` of a long path was tried twice)
_JQ_PATH = re.compile(r'\.(?:[A-Za-z_][\w]*|"[^"\\]*+")|\.?\[(?:"[^"\\]*+"|\d++)\]')


def _jq(cmd: SimpleCommand, args: list[str], line: _Line, depth: int) -> object:
    """`jq FILTER [FILE]` where FILTER is `.`, or `PATH = VALUE`, `PATH |= VALUE`, `del(PATH)` joined by `|`, VALUE a
    JSON literal or an `--arg`/`--argjson` variable; else _UNKNOWN."""
    from . import jsonlite as json

    variables: dict[str, object] = {}
    ops: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--arg", "--argjson") and i + 2 < len(args):
            try:
                variables[args[i + 1]] = args[i + 2] if a == "--arg" else json.loads(args[i + 2])
            except ValueError:
                return _UNKNOWN
            i += 3
            continue
        if a == "--indent" and i + 1 < len(args):
            i += 2
            continue
        if a.startswith("-") and a != "-":
            if a not in _JQ_FORMAT:
                return _UNKNOWN
        else:
            ops.append(a)
        i += 1
    if not ops or DYN in ops[0]:
        return _UNKNOWN
    source: object
    if len(ops) == 1:
        source = _stdin(cmd, line, depth)
    elif len(ops) == 2:
        source = line.text(line.sc.path(ops[1], cmd)) if DYN not in ops[1] else None
    else:
        return _UNKNOWN
    if not isinstance(source, str):
        return _UNKNOWN
    try:
        data = json.loads(source)
    except ValueError:
        return _UNKNOWN
    for step in _split_pipe(ops[0]):
        got = _jq_step(step.strip(), data, variables)
        if got is _UNKNOWN:
            return _UNKNOWN
        data = got
    return json.dumps(data) + "\n"


def _split_pipe(f: str) -> list[str]:
    """*f* split at its top-level `|` (not `|=`, not inside strings or brackets)."""
    out, depth, quoted, start, i = [], 0, False, 0, 0
    while i < len(f):
        ch = f[i]
        if quoted:
            if ch == "\\":
                i += 1
            elif ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "|" and depth == 0 and f[i + 1 : i + 2] != "=":
            out.append(f[start:i])
            start = i + 1
        i += 1
    out.append(f[start:])
    return out


def _jq_keys(path: str) -> list[str | int] | None:
    if path == ".":
        return []
    keys: list[str | int] = []
    pos = 0
    for m in _JQ_PATH.finditer(path):
        if m.start() != pos:
            return None
        t = m.group(0).removeprefix(".") if m.group(0).startswith(".[") else m.group(0)
        if t.startswith("[") and t[1:2].isdigit():
            keys.append(int(t[1:-1]))
        else:
            keys.append(t.lstrip(".[").rstrip("]").strip('"'))
        pos = m.end()
    return keys if pos == len(path) and keys else None


def _jq_step(step: str, data: object, variables: dict[str, object]) -> object:
    from . import jsonlite as json

    if step == ".":
        return data
    if step.startswith("del(") and step.endswith(")"):
        keys = _jq_keys(step[4:-1].strip())
        if not keys:
            return _UNKNOWN
        node = _walk(data, keys[:-1], create=False)
        if isinstance(node, dict) and isinstance(keys[-1], str):
            node.pop(keys[-1], None)
        elif node is _UNKNOWN:
            return _UNKNOWN
        return data
    eq = step.find("=")
    if eq < 1 or step[eq + 1 : eq + 2] == "=":
        return _UNKNOWN  # no assignment, or a comparison (`==`)
    keys = _jq_keys(step[:eq].removesuffix("|").strip())
    raw = step[eq + 1 :].strip()
    if keys is None or not raw:
        return _UNKNOWN
    if raw.startswith("$"):
        if raw[1:] not in variables:
            return _UNKNOWN
        value = variables[raw[1:]]
    else:
        try:
            value = json.loads(raw)
        except ValueError:
            return _UNKNOWN
    if not keys:
        return value
    node = _walk(data, keys[:-1], create=True)
    last = keys[-1]
    if isinstance(node, dict) and isinstance(last, str):
        node[last] = value
        return data
    if isinstance(node, list) and isinstance(last, int) and last < len(node):
        node[last] = value
        return data
    return _UNKNOWN


def _walk(data: object, keys: list[str | int], create: bool) -> object:
    node = data
    for k in keys:
        if isinstance(node, dict) and isinstance(k, str):
            if k not in node or node[k] is None:
                if not create:
                    return _UNKNOWN
                node[k] = {}
            node = node[k]
        elif isinstance(node, list) and isinstance(k, int) and k < len(node):
            node = node[k]
        else:
            return _UNKNOWN
    return node


# -- sed -i and perl -pi: substitutions and deletions applied to the file on the disk (sededit.py) --------------------------


def _sed_in_place(cmd: SimpleCommand, e: Effect, line: _Line) -> tuple[str | None, str] | None:
    from .engine import _sed_scripts_read
    from .sededit import apply
    from .sededit import program as sed_program
    from .shell.embedded import _letters, sed_scripts

    argv = _sed_scripts_read(cmd, line.sc)  # `-f x.sed` read where it can be
    flags = "".join(_letters(a[1:]) for a in argv[1:] if a[:1] == "-" and a[1:2].isalpha())
    if not any(a.startswith("--in-place") for a in argv[1:]) and "i" not in flags:
        return None, "what sed writes there"
    ere = "E" in flags or "r" in flags or "--regexp-extended" in argv
    scripts = sed_scripts(argv)
    before = line.text(e.path)
    if before is None and not _there(e.path, line):
        return None  # sed -i on a file that is not there changes nothing ("can't read"); no disk to read, nothing judged
    long = {a.split("=", 1)[0] for a in argv[1:] if a.startswith("--")} - {"--in-place", "--regexp-extended", "--expression", "--posix"}
    if not scripts or before is None or long or set(flags) & set("nsz"):
        return None, "a sed script clearance does not apply" if before is not None else "sed changes a file clearance cannot read"
    program = sed_program("\n".join(scripts), ere)
    after = apply(before, program) if program is not None else None
    if after is None:
        return None, "a sed script clearance does not apply"
    return after, ""


def _there(path: str, line: _Line) -> bool:
    """Whether *path* is on the disk, or written earlier on the line, though its text cannot be read (too large, a
    file out of reach): a folder that cannot be listed (no disk here, the team service) says no."""
    if path in line.written:
        return True
    lister = line.sc.ctx.list_dir
    folder, _, base = path.rpartition("/")
    names = lister(folder or "/") if lister is not None else None
    return names is not None and base in names


def _perl_in_place(cmd: SimpleCommand, e: Effect, line: _Line) -> tuple[str | None, str] | None:
    """`perl -pi -e 's/X/Y/g' F`: each `s///` of the -e code applied line by line (Perl's expressions read as Python's)."""
    from .sededit import Command, Sub, apply, compiled, repeats, until

    argv = [w.value for w in cmd.argv]
    codes: list[str] = []
    printing = in_place = False
    i = 1
    files: list[str] = []
    while i < len(argv):
        a = argv[i]
        if a.startswith("-") and len(a) > 1 and not a.startswith("--"):
            j = 1
            while j < len(a):
                ch = a[j]
                if ch == "i":
                    in_place = True
                    break  # the rest is the backup suffix
                if ch in "eE":
                    rest = a[j + 1 :]
                    if rest:
                        codes.append(rest)
                    elif i + 1 < len(argv):
                        i += 1
                        codes.append(argv[i])
                    break
                if ch == "p":
                    printing = True
                elif ch not in "wl":
                    return None, "a perl program clearance does not apply"
                j += 1
        else:
            files.append(a)
        i += 1
    if not in_place:
        return None, "what perl writes there"
    before = line.text(e.path)
    if before is None and not _there(e.path, line):
        return None
    if not printing or not codes or before is None:
        return None, "a perl program clearance does not apply" if before is not None else "perl changes a file clearance cannot read"
    program: list[Command] = []
    for code in "\n".join(codes).replace(";", "\n").split("\n"):
        code = code.strip()
        if not code:
            continue
        # s/X/Y/flags with one delimiter (not a bracket pair); its replacement only literal text, $&, $1, $2.
        delim = code[1:2]
        j = until(code, 2, delim) if code[:1] == "s" and delim and not delim.isalnum() and delim not in " ({[<" else -1
        k = until(code, j + 1, delim) if j >= 0 else -1
        flags = code[k + 1 :] if k >= 0 else "x"
        r = code[j + 1 : k]
        if set(flags) - set("gi") or "@" in r or "$" in r.replace("$&", "").replace("$1", "").replace("$2", ""):
            return None, "a perl program clearance does not apply"
        pat = compiled(code[2:j], "i" in flags)
        if pat is None:
            return None, "a perl program clearance does not apply"
        rep: list[str | int] = []
        i = 0
        while i < len(r):
            if r[i] == "$" and r[i + 1 : i + 2] in ("&", "1", "2"):
                rep.append(0 if r[i + 1] == "&" else int(r[i + 1]))
                i += 2
            elif r[i] == "\\" and i + 1 < len(r):
                rep.append("\n" if r[i + 1] == "n" else "\t" if r[i + 1] == "t" else r[i + 1])
                i += 2
            else:
                rep.append(r[i])
                i += 1
        if any(isinstance(x, int) and x > pat.groups for x in rep):
            return None, "a perl program clearance does not apply"
        program.append((None, "s", Sub(pat, rep, 0 if "g" in flags else 1, repeats(pat.pattern))))
    after = apply(before, program)
    if after is None:
        return None, "a perl program clearance does not apply"
    return after, ""


def _settings_file(path: str) -> bool:
    """An agent's or editor's settings file (gates.content_judged without the env files)."""
    from .rules.gates import env_file

    return not env_file(path)
