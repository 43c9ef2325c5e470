"""Interpreter code that starts processes without end: a loop whose condition never ends it and whose body forks or
spawns, with nothing in the loop that waits for a child or leaves the loop (`perl -e 'fork while 1'`,
`python3 -c 'while True: os.fork()'`, `ruby -e 'loop { fork }'`).  The fork bomb by its structure, in code rather
than in the shell (shell/spawn.py reads the shell's own form).  Pure: text in, a reason or None out.

Python is read by its grammar (ast); the other languages by their tokens, on the code with its comments blanked:
an endless loop (`while 1`, `while (true)`, `for (;;)`, `loop {`, `until 0`, a `while` statement modifier) and a
fork or spawn call, and no `wait`/`waitpid`, `break`/`last`, `return` or `exit` of the loop.
"""

from __future__ import annotations

from ..lazyre import lazy
from ..shell.spawn import MANY_PASSES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# The calls that start a process (or a copy of this one).
_PY_SPAWNERS = frozenset({"fork", "forkpty", "Popen", "spawnl", "spawnlp", "spawnv", "spawnvp", "posix_spawn", "posix_spawnp", "Process"})
_PY_BOUNDS = frozenset({"wait", "waitpid", "wait3", "wait4", "waitid", "communicate", "join", "run", "check_call", "check_output", "call"})

_ENDLESS = lazy(
    r"\bwhile\s*+(?:\(\s*+)?(?:1|true|TRUE|True)\s*\)?|\bfor\s*\(\s*;\s*;\s*\)|\bloop\s*(?:\{|do\b)|\buntil\s*+(?:\(\s*+)?(?:0|false)\s*\)?"
    r"|\b(?:fork|spawn)\b[^;\n]{0,80}?\bwhile\b|\bwhile\s*+(?:\(\s*+)?(?:\$\w+\s*=\s*)?fork\b"
)
_SPAWN = lazy(r"\b(?:fork|pcntl_fork|spawn|spawnSync|Process\.spawn|posix_spawn)\b")
_SPAWN_ASYNC = lazy(r"\b(?:fork|pcntl_fork|spawn|Process\.spawn|posix_spawn)\b")  # not spawnSync: it waits for its child
# Loops over a count written as a number (round 12d: counted loops were read in the shell and Python only): C's `for`
# (JavaScript, Perl, PHP, Java), a range (`1..N` in Perl and Ruby, `N.times`, `A.upto(N)`), Lua's numeric for, an array
# of N made to be iterated (`Array.from({length: N})`, `[...Array(N)]`).
_COUNTED = lazy(
    r"\bfor\s*\(\s*(?:let|var|const|my|int|long|auto)?\s*\$?\w+\s*=\s*(?P<a>\d{1,18})\s*;\s*\$?\w+\s*(?P<le><=?)\s*(?P<n>\d{1,18})\s*;"
    r"|\bfor(?:each)?\s*(?:my\s+\$\w+\s*)?\(\s*(?P<ra>\d{1,18})\s*\.\.\s*(?P<rn>\d{1,18})\s*\)"
    r"|\(\s*(?P<ea>\d{1,18})\s*\.\.(?P<ex>\.?)\s*(?P<en>\d{1,18})\s*\)\s*\.\s*each\b"
    r"|(?<![\w.])(?P<t>\d{1,18})\s*\.\s*times\b|(?<![\w.])(?P<ua>\d{1,18})\s*\.\s*upto\s*\(\s*(?P<un>\d{1,18})\s*\)"
    r"|\bfor\s+\w+\s*=\s*(?P<la>\d{1,18})\s*,\s*(?P<ln>\d{1,18})\s+do\b"
    r"|\bArray\.from\s*\(\s*\{\s*length\s*:\s*(?P<al>\d{1,18})|\.\.\.\s*Array\s*\(\s*(?P<as>\d{1,18})\s*\)"
)


_DO_BLOCK = lazy(r"(?:\bdo|\{)\s*(?:\|[^|\n]*\|)?\s*$")


def _loop_body(text: str, at: int) -> str:
    """The text of the loop whose count ends at *at*: to the end of the statement it heads -- its header's brackets
    closed, its own block or call included, up to a `;` or a line's end outside them (a `do … end` block to the end)."""
    depth = 0
    for i in range(at, len(text)):
        ch = text[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)  # the header's own brackets close here
        elif depth == 0 and ch in ";\n":
            if ch == "\n" and (not text[at:i].strip() or _DO_BLOCK.search(text[at:i])):
                return text[at:]  # `N.times do`, `for i = 1, N do`: the block runs to its `end`
            return text[at:i]
    return text[at:]


def _counted(text: str) -> int:
    """The most passes of a loop over a written count in *text* whose statement starts a process (0 when none)."""
    most = 0
    for m in _COUNTED.finditer(text):
        if not _SPAWN_ASYNC.search(_loop_body(text, m.end())):
            continue
        g = m.groupdict()
        if g["n"] is not None:
            n = int(g["n"]) - int(g["a"]) + (1 if g["le"] == "<=" else 0)
        elif g["rn"] is not None:
            n = int(g["rn"]) - int(g["ra"]) + 1
        elif g["en"] is not None:
            n = int(g["en"]) - int(g["ea"]) + (0 if g["ex"] else 1)
        elif g["ua"] is not None:
            n = int(g["un"]) - int(g["ua"]) + 1
        elif g["ln"] is not None:
            n = int(g["ln"]) - int(g["la"]) + 1
        else:
            n = int(g["t"] or g["al"] or g["as"] or 0)
        most = max(most, n)
    return most


_BOUND = lazy(r"\b(?:wait|waitpid|waitall|pcntl_wait|pcntl_waitpid|Process\.wait|break|last|return)\b")


def _python(code: str) -> str | None:
    import ast  # the grammar only where Python code forks or spawns at all

    def endless(test: Any) -> bool:
        return isinstance(test, ast.Constant) and bool(test.value)

    def called(func: Any) -> str:
        if isinstance(func, ast.Attribute):
            return str(func.attr)
        return str(func.id) if isinstance(func, ast.Name) else ""

    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None

    def many(it: Any) -> bool:
        """`range(N)` / `range(A, N[, S])` of literal numbers with MANY_PASSES passes or more (round 12d)."""
        if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range" and 1 <= len(it.args) <= 3):
            return False
        nums = [a.value for a in it.args if isinstance(a, ast.Constant) and type(a.value) is int]
        if len(nums) != len(it.args):
            return False
        r = range(*nums) if nums[-1:] != [0] or len(nums) < 3 else range(0)
        return len(r) >= MANY_PASSES

    for node in ast.walk(tree):
        counted = (isinstance(node, ast.For) and many(node.iter)) or (
            isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)) and any(many(g.iter) for g in node.generators)
        )
        if not counted and (not isinstance(node, ast.While) or not endless(node.test)):
            continue
        spawns = False
        bounded = False
        for inner in ast.walk(node):
            if isinstance(inner, (ast.Break, ast.Return)):
                bounded = True
            elif isinstance(inner, ast.Call):
                name = called(inner.func)
                spawns = spawns or name in _PY_SPAWNERS
                bounded = bounded or name in _PY_BOUNDS
        if spawns and not bounded:
            if counted:
                return (
                    f"the code starts a process on each of {MANY_PASSES} or more passes of a loop and never waits for one: "
                    "the processes left running reach the user's limit"
                )
            return "the code starts a process on every pass of a loop that never ends and never waits for one"
    return None


# A fork written as a statement of its own, whatever the language: `fork`, `fork()`, `os.fork()`, `Process.fork`,
# `pcntl_fork()`. Each one run by every process alive doubles them (round miss19: `perl -e 'fork;fork;…'` twenty times
# is a million processes, and no loop is written).
_BARE_FORK = lazy(r"^\s*(?:os\.|Process\.|POSIX::)?(?:fork|pcntl_fork)\s*(?:\(\s*\))?\s*$")
# Forks in a row that leave as many processes as MANY_PASSES background jobs do: 2**14 = 16,384.
MANY_FORKS = next(n for n in range(1, 64) if 2**n >= MANY_PASSES)


def _forks_in_a_row(text: str) -> int:
    """The longest run of consecutive statements that are a bare fork (statements split at `;` and line ends)."""
    best = run = 0
    for stmt in text.replace("\n", ";").split(";"):
        if not stmt.strip():
            continue
        if _BARE_FORK.match(stmt):
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best


def unbounded_spawn(code: str, lang: str) -> str | None:
    """Why *code* (in *lang*) starts processes without end, or None."""
    if "fork" not in code and "spawn" not in code and "Popen" not in code and "Process" not in code:
        return None
    if "fork" in code and len(code) <= 65536:
        from ..shell.interp import strip_comments

        forks = _forks_in_a_row(code if lang == "python" else strip_comments(code, lang))
        if forks >= MANY_FORKS:
            return f"the code forks {forks} times in a row: every process forks again at each, 2**{forks} processes reach the user's limit"
    if lang == "python":
        return _python(code)
    from ..shell.interp import strip_comments

    text = strip_comments(code, lang)
    if _ENDLESS.search(text) and _SPAWN.search(text) and not _BOUND.search(text):
        return "the code forks or spawns a process in a loop that never ends and never waits for one"
    if _SPAWN_ASYNC.search(text) and not _BOUND.search(text) and _counted(text) >= MANY_PASSES:
        return (
            f"the code starts a process on each of {MANY_PASSES} or more passes of a loop and never waits for one: "
            "the processes left running reach the user's limit"
        )
    return None
