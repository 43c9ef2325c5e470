"""Interpreter code that takes the machine's memory on purpose: a value built to tens of GiB by repeating a literal
(`"x" * 10**12`, `'A' x 2**34`, `"a".repeat(1e11)`, `str_repeat("A", 1e10)`, `Buffer.alloc(2**40)`), or a value
grown without end in a loop whose condition never ends it (`while True: x.append(" " * 10**8)`, `loop { s << s }`,
`while(1) $a[] = str_repeat(…)`), with nothing in the loop that leaves it.  Either runs until the kernel's OOM
killer picks a process -- often not this one (the editor, the database, the agent itself).  The memory bomb by its
structure, as code/spawnloop.py reads the fork bomb.  Pure: text in, a reason or None out.

Python is read by its grammar (ast); the other languages by their tokens, on the code with its comments blanked.
A size is a literal the reader can compute (`10**12`, `2**34`, `1e11`, `1 << 40`, digits); 4 GiB or more counts.
"""

from __future__ import annotations

from ..lazyre import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

HUGE = 1 << 32  # bytes (or items) a one-line value of which takes a developer machine's free memory

# A literal size: digits, 1e11, 10**12, 2**34, 1 << 40 (a space or parentheses around it allowed).
_SIZE = r"\(?\s*(?:\d+\s*(?:\*\*|<<)\s*\d+|\d+(?:\.\d+)?[eE]\d+|\d{10,})\s*\)?"
_REPEAT = lazy(
    r"(?:[\"'\])]\s*(?:x|\*)\s*(?P<a>" + _SIZE + r"))"  # "A" x 2**34, "a" * 10**12, [0] * 10**10
    r"|(?:\.repeat\(\s*(?P<b>" + _SIZE + r"))"  # "a".repeat(1e11)
    r"|(?:str_repeat\([^,]{1,40},\s*(?P<c>" + _SIZE + r"))"  # str_repeat("A", 1e10)
    r"|(?:(?:Buffer\.(?:alloc|allocUnsafe)|new\s+(?:Array|ArrayBuffer|Uint8Array))\(\s*(?P<d>" + _SIZE + r"))"
)
# Python's allocating calls and a literal repeated a product of literal times (read from the tree where the code is
# short enough to parse).
_PY_ALLOC = lazy(r"\b(?:bytearray|bytes|zeros|ones|empty)\(\s*(?P<a>" + _SIZE + r")")
_PY_PRODUCT = lazy(
    r"[\]\"')]\s*\*\s*\(\s*(?P<a>\d{1,20}(?:\s*\*\s*\d{1,20}){1,8})\s*\)"  # [0] * (65536*65536)
    r"|\(\s*(?P<b>\d{1,20}(?:\s*\*\s*\d{1,20}){1,8})\s*\)\s*\*\s*[\[\"'(]"  # (65536*65536) * [0]
)
_ENDLESS = lazy(r"\bwhile\s*+(?:\(\s*+)?(?:1|true|TRUE|True)\s*\)?|\bfor\s*\(\s*;\s*;\s*\)|\bloop\s*(?:\{|do\b)|\buntil\s*+(?:\(\s*+)?(?:0|false)\s*\)?")
_GROW = lazy(
    r"\.(?:append|push|extend|concat)\s*+\(|<<\s*+[\w\"'$@]|\.=|\+=|\*=|\$\w++\[\]\s*+=|\bpush\s*+\(?+\s*+@"
    r"|\b(\w++)\s*+=\s*+\1\b\s*+[+.\w\"'$]"  # s = s s "x" (awk), s = s + s, $s = $s . $s: a value made of itself
)
_LEAVE = lazy(r"\b(?:break|last|return|exit|die|raise|throw|sleep|shift|pop|clear|splice|wait)\b")


def _size(text: str) -> int:
    t = text.strip().strip("()").strip()
    try:
        if "*" in t and "**" not in t:  # a product of literals (_PY_PRODUCT)
            got = 1
            for p in t.split("*"):
                got *= int(p)
            return got
        if "**" in t:
            base, exp = (int(p) for p in t.split("**"))
            return base**exp if exp < 200 else HUGE
        if "<<" in t:
            base, shift = (int(p) for p in t.split("<<"))
            return base << shift if shift < 200 else HUGE
        return int(float(t)) if len(t) < 40 else HUGE
    except (ValueError, OverflowError):
        return 0


def _python(code: str) -> str | None:
    import _ast as ast  # the node classes and the parser flag, not ast.py (code/python.py does the same)

    from .python import syntax_tree

    tree = syntax_tree(code)  # the tree code/python.py read the same code from
    if tree is None:
        return None

    def walk(root: Any) -> list[Any]:
        out: list[Any] = []
        todo: list[Any] = [root]
        while todo and len(out) < 20000:
            n = todo.pop()
            out.append(n)
            for name in getattr(n, "_fields", ()):
                v = getattr(n, name, None)
                if isinstance(v, list):
                    todo.extend(x for x in v if isinstance(x, ast.AST))
                elif isinstance(v, ast.AST):
                    todo.append(v)
        return out

    def number(n: Any, depth: int = 0) -> int:
        if depth > 8:
            return 0
        if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)) and not isinstance(n.value, bool):
            return int(n.value) if abs(n.value) < 1e30 else HUGE
        if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Pow, ast.Mult, ast.LShift)):
            a, b = number(n.left, depth + 1), number(n.right, depth + 1)
            if isinstance(n.op, ast.Pow):
                return a**b if a and b < 200 and a < 1 << 20 else (HUGE if a > 1 and b >= 200 else 0)
            if isinstance(n.op, ast.LShift):
                return a << b if b < 200 else HUGE
            return a * b
        return 0

    def sized(n: Any) -> bool:
        return isinstance(n, (ast.Constant, ast.List, ast.Tuple)) and not (isinstance(n, ast.Constant) and isinstance(n.value, (int, float)))

    for node in walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            for lit, count in ((node.left, node.right), (node.right, node.left)):
                if sized(lit) and number(count) >= HUGE:
                    return "the code builds a value of at least 4 GiB by repeating a literal"
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if name in ("bytearray", "bytes", "zeros", "ones", "empty") and node.args and number(node.args[0]) >= HUGE:
                return f"the code allocates {name}() of at least 4 GiB"
        if isinstance(node, ast.While) and isinstance(node.test, ast.Constant) and bool(node.test.value):
            inner = [n for stmt in node.body for n in walk(stmt)]
            if any(isinstance(n, (ast.Break, ast.Return, ast.Raise)) for n in inner):
                continue
            grows = any(
                (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in ("append", "extend", "insert"))
                or (isinstance(n, ast.AugAssign) and isinstance(n.op, (ast.Add, ast.Mult)))
                for n in inner
            )
            if grows:
                return "the code grows a value in a loop that never ends"
    return None


def _has_digit(code: str) -> bool:
    """Whether a character of *code* is a digit (str.isdigit: Unicode's too), by a scan in C for each ASCII digit."""
    if code.isascii():
        return any(d in code for d in "0123456789")
    return any(map(str.isdigit, code))


def memory_bomb(code: str, lang: str) -> str | None:
    """Why *code* (in *lang*) takes the machine's memory on purpose, or None."""
    if lang == "python":
        if "**" not in code and "<<" not in code and "e" not in code and "while" not in code and not _has_digit(code):
            return None
        from .python import MAX_CHARS

        if len(code) <= MAX_CHARS:
            return _python(code)
        # Longer code is read by its tokens, as code/python.py leaves it to the pattern reading (issue 16: compiling 100 KB
        # of `1` lines takes ~100 ms), the allocating calls besides.
    from ..shell.interp import strip_comments

    text = strip_comments(code, lang)
    for rx in (_REPEAT, _PY_ALLOC, _PY_PRODUCT) if lang == "python" else (_REPEAT,):
        for m in rx.finditer(text):
            got = next(g for g in m.groups() if g is not None)
            if _size(got) >= HUGE:
                return "the code builds a value of at least 4 GiB by repeating a literal"
    if _ENDLESS.search(text) and _GROW.search(text) and not _LEAVE.search(text):
        return "the code grows a value in a loop that never ends"
    return None
