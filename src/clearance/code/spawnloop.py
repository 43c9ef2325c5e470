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


def unbounded_spawn(code: str, lang: str) -> str | None:
    """Why *code* (in *lang*) starts processes without end, or None."""
    if "fork" not in code and "spawn" not in code and "Popen" not in code and "Process" not in code:
        return None
    if lang == "python":
        return _python(code)
    from ..shell.interp import strip_comments

    text = strip_comments(code, lang)
    if _ENDLESS.search(text) and _SPAWN.search(text) and not _BOUND.search(text):
        return "the code forks or spawns a process in a loop that never ends and never waits for one"
    return None
