"""Process spawning without end, read from the syntax tree: the fork-bomb class in its structural forms.

Two shapes exhaust a machine's processes whatever the names in them:

- a loop whose condition never ends it (`while true`, `until false`, `while ((1))`, `for ((;;))`) and whose body
  starts a background job it never waits for (no `wait` in the body's own shell, or one undone by `disown`), with
  nothing in the body that leaves the loop (`break`, `exit`, `return`);
- a loop of many passes (MANY_SPINNERS) whose every pass backgrounds a job that itself never ends and never rests
  (an endless loop with nothing that sleeps, waits, reads or leaves; `yes`): the jobs keep every core busy;
- functions that call one another in a cycle where at least one call starts a new process (a background job or a
  pipeline element: each runs in a forked shell), called at least once (`bomb(){ bomb & }; bomb`,
  `a(){ b & }; b(){ a; }; a`).

Pure functions of the tree: nothing runs.
"""

from __future__ import annotations

from ..lazyre import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Nodes whose commands run in a forked shell: a `wait` inside them does not wait for the loop's jobs.
_FORKED = frozenset({"subshell", "pipeline", "command_substitution", "process_substitution"})
_LEAVE = frozenset({"break", "exit", "return", "exec"})
_TRUE = frozenset({"true", ":", "/bin/true", "/usr/bin/true"})
_FALSE = frozenset({"false", "/bin/false", "/usr/bin/false"})


def _text(node: Any) -> str:
    return node.text.decode("utf-8", "replace") if node.text is not None else ""


def _name(node: Any) -> str:
    """The command name of a `command` node ("" when it has none or it is computed)."""
    for c in node.children:
        if c.type == "command_name":
            return _text(c)
    return ""


def _walk(node: Any) -> list[Any]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(n.children))
    return out


def _constant_truth(node: Any) -> bool | None:
    """Whether a loop condition always succeeds (True), always fails (False), or depends (None)."""
    t = node.type
    if t == "negated_command":
        inner = [c for c in node.children if c.is_named]
        got = _constant_truth(inner[0]) if len(inner) == 1 else None
        return None if got is None else not got
    if t == "command":
        name = _name(node)
        if name in _TRUE:
            return True
        if name in _FALSE:
            return False
        return None
    if t in ("test_command", "compound_statement"):
        # `[[ 1 ]]`, `[ x ]` (a non-empty literal string is true), `((1))` (a non-zero number is true).
        inner = [c for c in node.children if c.is_named]
        if not inner and t == "test_command":
            return False  # `[ ]`: an empty test fails
        if len(inner) != 1:
            return None
        c = inner[0]
        if c.type == "number":
            return _text(c).strip() not in ("0", "00") if t == "compound_statement" else True
        if t == "test_command" and c.type in ("word", "raw_string") and _text(c).strip("'\""):
            return True
        return None
    return None


def _unbounded(loop: Any) -> bool:
    if loop.type == "c_style_for_statement":
        # for ((init; cond; step)): no condition expression between the two `;` is an endless loop.
        semis = [i for i, c in enumerate(loop.children) if c.type == ";"]
        if len(semis) < 2:
            return False
        cond = [c for c in loop.children[semis[0] + 1 : semis[1]] if c.is_named]
        if not cond:
            return True
        return len(cond) == 1 and cond[0].type == "number" and _text(cond[0]).strip() != "0"
    if loop.type == "while_statement":
        keyword = loop.children[0].type if loop.children else ""
        conds = [c for c in loop.children[1:] if c.is_named and c.type != "do_group"]
        if len(conds) != 1:
            return False
        truth = _constant_truth(conds[0])
        return truth is True if keyword == "while" else truth is False
    return False


def _body(loop: Any) -> Any | None:
    return next((c for c in loop.children if c.type == "do_group"), None)


def _spawns_unwaited(body: Any) -> bool:
    """The loop body starts a background job that no `wait` of the same shell waits for (a `wait` in a subshell
    waits for that subshell's jobs only; `disown` takes a job out of wait's reach), and nothing leaves the loop."""
    jobs: set[int] = set()  # the shells (by node id) that start a background job
    waits: set[int] = set()
    disowned = False
    stack: list[tuple[Any, int]] = [(body, id(body))]
    while stack:
        n, shell = stack.pop()
        t = n.type
        if t == "&":
            jobs.add(shell)
        elif t == "command":
            name = _name(n)
            if name in _LEAVE and shell == id(body):
                return False
            if name == "wait":
                waits.add(shell)
            elif name == "disown":
                disowned = True
            elif name == "kill":
                return False  # the job is stopped again (`x & pid=$!; …; kill $pid`)
        inner = id(n) if t in _FORKED else shell
        stack.extend((c, inner) for c in n.children)
    return bool(jobs) and (disowned or not jobs <= waits)


def _spawning_calls(fn_body: Any, names: set[str]) -> list[tuple[str, bool]]:
    """(callee, starts a process) for each call of a function in *names* inside a function body."""
    out: list[tuple[str, bool]] = []
    stack: list[tuple[Any, bool]] = [(fn_body, False)]
    while stack:
        n, spawned = stack.pop()
        kids = n.children
        for k, c in enumerate(kids):
            bg = spawned or n.type in _FORKED or (k + 1 < len(kids) and kids[k + 1].type == "&")
            if c.type == "command":
                name = _name(c)
                if name in names:
                    out.append((name, bg))
            stack.append((c, bg))
    return out


def _recursive_spawn(root: Any, nodes: list[Any]) -> str | None:
    defs: dict[str, tuple[Any, int]] = {}  # name -> (body, where its definition ends)
    for n in nodes:
        if n.type == "function_definition":
            name = next((_text(c) for c in n.children if c.type == "word"), "")
            body = next((c for c in n.children if c.type in ("compound_statement", "subshell")), None)
            if name and body is not None:
                defs[name] = (body, n.end_byte)
    if not defs:
        return None
    names = set(defs)
    edges = {f: _spawning_calls(body, names) for f, (body, _) in defs.items()}
    # Calls outside every definition, each with where it stands: a function runs only what is defined by then.
    inside: set[int] = {id(x) for body, _ in defs.values() for x in _walk(body)}
    calls = [(_name(n), n.start_byte) for n in nodes if n.type == "command" and id(n) not in inside and _name(n) in names]
    for start, at in calls:
        if defs[start][1] > at:
            continue
        # Does a cycle through *start* hold a spawning call?  Search over (function, spawned-so-far).
        seen: set[tuple[str, bool]] = set()
        todo = [(start, False)]
        while todo:
            f, sp = todo.pop()
            for g, bg in edges.get(f, ()):
                if defs[g][1] > at:
                    continue  # not defined yet when the call runs
                state = (g, sp or bg)
                if g == start and state[1]:
                    return f"the function {start} calls itself again through a background job or a pipe: each call forks more processes, without end"
                if state not in seen:
                    seen.add(state)
                    todo.append(state)
    return None


# Passes of a loop that backgrounds a job it never waits for, past which the jobs left running approach the user's
# process limit (often a few tens of thousands): a bounded loop of that size exhausts the processes as an endless one
# does, and no hook the agent starts afterwards can run (round 12d). Load tests and shard runners start a handful.
MANY_PASSES = 10_000
_SEQ = lazy(r"\$\(\s*seq\s+(?:(-?\d{1,18})\s+)?(?:(-?\d{1,18})\s+)?(-?\d{1,18})\s*\)")
_BRACES = lazy(r"\{(-?\d{1,18})\.\.(-?\d{1,18})(?:\.\.(-?\d{1,18}))?\}")
_C_FOR = lazy(r"\(\(\s*\w+\s*=\s*(-?\d{1,18})\s*;\s*\w+\s*(<=?)\s*(\d{1,18})\s*;")


def _passes(loop: Any) -> int | None:
    """How many passes a loop over a literal count makes: `for i in $(seq [A [S]] N)`, `for i in {A..N[..S]}`,
    `for ((i=A; i<N; i++))` (None when the count is not written as a number)."""
    if loop.type == "for_statement":
        total = 0
        for c in loop.children:
            t = _text(c) if c.type in ("command_substitution", "brace_expression") else ""
            m = _SEQ.fullmatch(t)
            if m:
                # seq LAST, seq FIRST LAST, seq FIRST STEP LAST
                first = int(m.group(1)) if m.group(1) else 1
                step = int(m.group(2)) if m.group(2) else 1
                total += max(0, (int(m.group(3)) - first) // step + 1) if step > 0 else 0
                continue
            m = _BRACES.fullmatch(t)
            if m:
                a, b, step = int(m.group(1)), int(m.group(2)), abs(int(m.group(3) or 1)) or 1
                total += abs(b - a) // step + 1
        return total or None
    if loop.type == "c_style_for_statement":
        m = _C_FOR.search(_text(loop))
        if m:
            return max(0, int(m.group(3)) - int(m.group(1)) + (1 if m.group(2) == "<=" else 0))
    return None


def _args(node: Any) -> list[str]:
    """The words after a `command` node's name, as written (quotes kept: a quoted word is no number anyway)."""
    return [_text(c) for c in node.children if c.type != "command_name" and c.type not in ("file_redirect", "herestring_redirect")]


def _items(node: Any) -> int | None:
    """How many lines a command writes when its count is written as a number: `seq [A [S]] N`, `printf/echo {A..N}`."""
    name = _name(node)
    words = _args(node)
    if name == "seq":
        nums = [w for w in words if not w.startswith("-") or w[1:].isdigit()]
        if not nums or len(nums) > 3 or not all(w.lstrip("-").isdigit() and len(w) <= 18 for w in nums):
            return None
        first = int(nums[0]) if len(nums) > 1 else 1
        step = int(nums[1]) if len(nums) == 3 else 1
        return max(0, (int(nums[-1]) - first) // step + 1) if step > 0 else None
    if name in ("printf", "echo"):
        total = 0
        for w in words:
            m = _BRACES.fullmatch(w)
            if m:
                a, b, step = int(m.group(1)), int(m.group(2)), abs(int(m.group(3) or 1)) or 1
                total += abs(b - a) // step + 1
        return total or None
    return None


def _xargs_jobs(node: Any) -> tuple[int, int, bool] | None:
    """xargs's (most commands at once, items per command, whether an item is a line) where -P and -n/-L/-I are
    written as numbers (0 at once: as many as it can start), or None."""
    words = _args(node)
    procs: int | None = None
    per: int | None = None
    lines = False
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        opt, eq, val = w.partition("=")
        if w in ("-P", "-n", "-L") or (w.startswith("--") and not eq and opt in ("--max-procs", "--max-args", "--max-lines")):
            opt, val = w, nxt
        elif w[:2] in ("-P", "-n", "-L") and not w.startswith("--"):
            opt, val = w[:2], w[2:]
        elif w == "-I" or w.startswith(("-I", "-i", "--replace")):
            per, lines = 1, True  # one input line per command
            continue
        if not val.isdigit():
            continue
        if opt in ("-P", "--max-procs"):
            procs = int(val)
        elif opt in ("-n", "-L", "--max-args", "--max-lines"):
            per, lines = max(1, int(val)), opt in ("-L", "--max-lines")
    if procs is None or per is None:
        return None
    return procs, per, lines


def _xargs_flood(nodes: list[Any]) -> str | None:
    """`seq 100000 | xargs -P 0 -n1 CMD`: xargs starts one command per item, as many at once as -P allows (0: no
    bound), over a count written as a number -- the counted loop of background jobs, spelled with xargs (round 12d)."""
    for n in nodes:
        if n.type != "pipeline":
            continue
        parts = [c for c in n.children if c.is_named]
        for k in range(1, len(parts)):
            if parts[k].type != "command" or parts[k - 1].type != "command" or _base(_name(parts[k])) != "xargs":
                continue
            items = _items(parts[k - 1])
            jobs = _xargs_jobs(parts[k])
            if items is None or jobs is None:
                continue
            procs, per, lines = jobs
            if lines and _name(parts[k - 1]) == "echo":
                items = 1  # echo writes its words on one line
            commands = -(-items // per)
            at_once = commands if procs == 0 else min(procs, commands)
            if at_once >= MANY_PASSES:
                return (
                    f"xargs starts {at_once} commands at once (-P {procs}) over the {items} lines {_name(parts[k - 1])} writes: the "
                    "processes running reach the user's limit, and nothing the agent starts afterwards -- clearance's hook "
                    "included -- can run"
                )
            if at_once >= MANY_SPINNERS and _xargs_job_spins(parts[k]):
                return (
                    f"xargs starts {at_once} commands at once (-P {procs}), each a job that never ends and never rests: {at_once} "
                    "processes keep every core busy, and the machine stays unusable until they are killed"
                )
    return None


# xargs's options that take the next word as their value (GNU and BSD spellings).
_XARGS_VALUED = frozenset({"-P", "-n", "-L", "-I", "-d", "-s", "-E", "-a", "-J", "-R", "-S"})
_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "busybox"})


def _xargs_job_spins(node: Any) -> bool:
    """Whether the command xargs starts for each item never ends and never rests, read as the loop's background job is
    (_spins): `xargs -P 0 -I{} sh -c 'while :; do :; done'` (a shell's -c code, parsed), `xargs -P0 -n1 yes`."""
    words = _args(node)
    k = 0
    while k < len(words) and words[k].startswith("-"):
        k += 2 if words[k] in _XARGS_VALUED else 1
    job = words[k:]
    if not job:
        return False
    if _base(job[0]) in _BUSY_FOREVER:
        return True
    if _base(job[0]) not in _SHELLS or "-c" not in job[1:] or job.index("-c", 1) + 1 >= len(job):
        return False
    code = job[job.index("-c", 1) + 1]
    if len(code) >= 2 and code[0] == code[-1] and code[0] in "'\"":
        code = code[1:-1]
    if "$" in code or "`" in code or len(code) > 4096:
        return False  # built at run time, or too long to read here
    from .treesitter import parser

    return _spins(parser().parse(code.encode()).root_node)


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


# Passes of a loop that backgrounds, on each, a job that itself never ends and never rests: past a developer machine's
# cores (8 to 32), every job more is a core's worth of load; a few hundred make the machine unusable until they are
# killed, long before the process limit.  A stress test of `$(nproc)` or 8 jobs stays below.
MANY_SPINNERS = 64
# Commands inside an endless loop that make it rest or end: the loop then waits most of the time, or leaves.
_RESTS = frozenset({"sleep", "wait", "read", "inotifywait", "timeout", "break", "exit", "return", "exec", "kill"})
_BUSY_FOREVER = frozenset({"yes"})


def _spins(job: Any) -> bool:
    """The job never ends and never rests: an endless loop (`while true`, `until false`, `for ((;;))`) with nothing in it
    that sleeps, waits, reads or leaves, or a program that writes without end (`yes`)."""
    for n in _walk(job):
        if n.type == "command" and _base(_name(n)) in _BUSY_FOREVER:
            return True
        if n.type in ("while_statement", "c_style_for_statement") and _unbounded(n):
            body = _body(n)
            if body is not None and not any(c.type == "command" and _base(_name(c)) in _RESTS for c in _walk(body)):
                return True
    return False


def _spinning_jobs(body: Any) -> bool:
    """Whether the loop body backgrounds a job that spins (`(while :; do :; done) &`, `yes > /dev/null &`)."""
    for n in _walk(body):
        kids = n.children
        for k in range(len(kids) - 1):
            if kids[k + 1].type == "&" and _spins(kids[k]):
                return True
    return False


def unbounded_spawn(root: Any) -> str | None:
    """Why the script starts processes without end, or enough of them to exhaust the machine's (a message), or None."""
    nodes = _walk(root)
    for n in nodes:
        if n.type in ("while_statement", "c_style_for_statement") and _unbounded(n):
            body = _body(n)
            if body is not None and _spawns_unwaited(body):
                return "an endless loop starts a background job on every pass and never waits for it: processes pile up until the machine runs out"
        if n.type in ("for_statement", "c_style_for_statement"):
            count = _passes(n)
            body = _body(n)
            if count is not None and count >= MANY_PASSES and body is not None and _spawns_unwaited(body):
                return (
                    f"a loop of {count} passes starts a background job on each and never waits for them: the processes left running "
                    "reach the user's limit, and nothing the agent starts afterwards -- clearance's hook included -- can run"
                )
            if count is not None and count >= MANY_SPINNERS and body is not None and _spawns_unwaited(body) and _spinning_jobs(body):
                return (
                    f"a loop of {count} passes starts on each a background job that never ends and never rests: {count} processes "
                    "keep every core busy, and the machine stays unusable until they are killed"
                )
    return _xargs_flood(nodes) or _recursive_spawn(root, nodes)


# Round miss19 (resource exhaustion): an endless loop that writes more on every pass fills the disk as `yes > f` does,
# whatever the command that writes. What grows: an appending redirection (`>>`, `&>>`) or `tee -a` onto a file, a new
# temporary file (`mktemp`), and the loop's own output redirected into a file (`done > log`: the file stays open and
# takes every pass's output). Not growing: output thrown away (/dev/null, the terminal, a descriptor) and a file
# overwritten on every pass (`> status.json`). A loop that rests or leaves (_RESTS) is a poller or waits for a
# condition: not this.
_APPENDS = frozenset({">>", "&>>"})
_TRUNCATES = frozenset({">", "&>", ">|"})
_NOT_A_FILE = ("/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/fd/")
_NEW_FILE_EACH_CALL = frozenset({"mktemp", "tempfile"})


def _redirect_file(redirect: Any, ops: frozenset[str]) -> str | None:
    """The file a `file_redirect` node writes with one of *ops* (its destination's text), or None."""
    op = next((c.type for c in redirect.children if not c.is_named), "")
    if op not in ops:
        return None
    dest = [c for c in redirect.children if c.is_named and c.type != "file_descriptor"]
    if not dest:
        return None
    target = _text(dest[-1]).strip("'\"")
    if not target or target.isdigit() or target == "-" or target.startswith(_NOT_A_FILE):
        return None
    return target


def _grows(body: Any) -> str | None:
    """What in the loop body writes more on every pass (a message), or None."""
    for n in _walk(body):
        if n.type == "file_redirect":
            target = _redirect_file(n, _APPENDS)
            if target is not None:
                return f"appends to {target}"
        elif n.type == "command":
            name = _base(_name(n))
            if name in _NEW_FILE_EACH_CALL and "-u" not in _args(n) and "--dry-run" not in _args(n):
                return f"creates a new file with {name}"
            if name == "tee" and any(a in ("-a", "--append") for a in _args(n)):
                files = [a for a in _args(n) if not a.startswith("-") and not a.startswith(_NOT_A_FILE)]
                if files:
                    return f"appends to {files[0]} with tee -a"
    return None


def endless_write(root: Any) -> str | None:
    """Why the script writes to the disk without end (a message), or None: an endless loop (`while true`, `until
    false`, `for ((;;))`) with nothing that rests or leaves, which appends on every pass or whose output goes to a file."""
    for n in _walk(root):
        if n.type not in ("while_statement", "c_style_for_statement") or not _unbounded(n):
            continue
        body = _body(n)
        if body is None or any(c.type == "command" and _base(_name(c)) in _RESTS for c in _walk(body)):
            continue
        grows = _grows(body)
        if grows is None and n.parent is not None and n.parent.type == "redirected_statement":
            for r in n.parent.children:
                if r.type == "file_redirect":
                    target = _redirect_file(r, _APPENDS | _TRUNCATES)
                    if target is not None:
                        grows = f"sends its output into {target}"
                        break
        if grows is not None:
            return f"an endless loop that never rests or leaves {grows} on every pass, without end: the disk fills"
    return None
