"""The syntax tree of a plain command line, built without tree-sitter.

Most shell calls an agent makes are plain: words of letters, digits and a few punctuation marks,
joined by ``&&``, ``||``, ``|`` and ``;`` (``git status``, ``npm test -- --watch=false | tee
out.log``).  Loading tree-sitter's two C extensions costs a cold hook ~7 M instructions (a tenth of
it, measured with bench/callgrind_hook.py); for such a line, ``tree`` builds here the very tree
tree-sitter-bash builds -- the same node types, byte ranges, fields and nesting (``list`` nodes
nest to the left, a ``pipeline`` is flat, ``;`` is a child of ``program``) -- with the node
attributes shell/parse.py reads, and parse.py walks it as it walks tree-sitter's.

Anything else is not plain and goes to tree-sitter: a quote, ``$``, a backslash, a bracket, a
brace, a parenthesis, ``<``/``>``, a lone ``&``, ``#``, ``!``, a newline, a character outside
ASCII, an empty statement, a first word that is not a simple name (a reserved word, a declaration
builtin, an assignment).  tests/test_plain_tree.py compares both trees, node by node, on every
command of the corpora and on generated lines; parse.py reparses with tree-sitter when walking
this tree fails in any way.
"""

from __future__ import annotations

# Characters of a word in argument position, and of a command name (tree-sitter reads `a%b` or `+x` at the start
# of a command as something else).
_ARG = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-:@%+,=~^*?")
_NAME = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-")
# First words bash or tree-sitter-bash read as syntax, not as a command's name.
RESERVED = frozenset(
    {
        "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do", "done", "in",
        "function", "time", "coproc", "declare", "typeset", "export", "readonly", "local", "unset", "unsetenv",
    }
)  # fmt: skip
_OPS = ("&&", "||", "|", ";")
MAX_PLAIN = 4096  # longer lines go to tree-sitter (its own limits apply there)


class Node:
    """A node with the attributes of a tree-sitter ``Node`` that shell/parse.py reads."""

    __slots__ = ("type", "is_named", "start_byte", "end_byte", "children", "fields", "parent", "_source", "_count")

    is_missing = False
    has_error = False

    def __init__(self, type: str, named: bool, start: int, end: int, source: bytes, children: list[Node] | None = None) -> None:
        self.type = type
        self.is_named = named
        self.start_byte = start
        self.end_byte = end
        self.children: list[Node] = children or []
        self.fields: list[str | None] = [None] * len(self.children)
        self.parent: Node | None = None
        self._source = source
        self._count = 0
        for c in self.children:
            c.parent = self

    @property
    def text(self) -> bytes:
        return self._source[self.start_byte : self.end_byte]

    @property
    def child_count(self) -> int:
        return len(self.children)

    @property
    def named_children(self) -> list[Node]:
        return [c for c in self.children if c.is_named]

    @property
    def start_point(self) -> tuple[int, int]:
        return (0, self.start_byte)  # one line

    @property
    def end_point(self) -> tuple[int, int]:
        return (0, self.end_byte)

    @property
    def descendant_count(self) -> int:
        if not self._count:
            self._count = 1 + sum(c.descendant_count for c in self.children)
        return self._count

    def _sibling(self, step: int) -> Node | None:
        if self.parent is None:
            return None
        siblings = self.parent.children
        for i, c in enumerate(siblings):
            if c is self:
                j = i + step
                return siblings[j] if 0 <= j < len(siblings) else None
        return None

    @property
    def prev_sibling(self) -> Node | None:
        return self._sibling(-1)

    @property
    def next_sibling(self) -> Node | None:
        return self._sibling(1)

    def child_by_field_name(self, name: str) -> Node | None:
        for c, f in zip(self.children, self.fields):
            if f == name:
                return c
        return None

    def children_by_field_name(self, name: str) -> list[Node]:
        return [c for c, f in zip(self.children, self.fields) if f == name]

    def field_name_for_child(self, i: int) -> str | None:
        return self.fields[i]


class Tree:
    __slots__ = ("root_node",)

    def __init__(self, root: Node) -> None:
        self.root_node = root


def _tokens(data: bytes) -> list[tuple[str, int, int]] | None:
    """(word or operator, start, end) of a plain line, or None."""
    out: list[tuple[str, int, int]] = []
    text = data.decode("ascii")  # the caller checked: ASCII only
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == " " or c == "\t":
            i += 1
            continue
        if c in "&|;":
            op = text[i : i + 2]
            if op not in ("&&", "||"):
                op = c
                if op == "&":
                    return None  # in the background, or `&>`: not plain
            out.append((op, i, i + len(op)))
            i += len(op)
            continue
        if c not in _ARG:
            return None
        j = i
        while j < n and text[j] in _ARG:
            j += 1
        if j < n and text[j] not in " \t&|;":
            return None
        out.append(("w", i, j))
        i = j
    return out


def tree(data: bytes) -> Tree | None:
    """tree-sitter-bash's tree of *data* when it is a plain command line, else None."""
    if not data or len(data) > MAX_PLAIN or not data.isascii() or data[:1] in b" \t" or data[-1:] in b" \t":
        return None  # blanks around the line: tree-sitter's ranges for the program differ
    toks = _tokens(data)
    if not toks or toks[0][0] != "w":
        return None
    # Statements between `;`, each an and-or list of pipelines of commands.
    statements: list[list[list[list[tuple[str, int, int]]]]] = [[[[]]]]
    seps: list[tuple[str, int, int]] = []
    pipes: list[tuple[str, int, int]] = []
    prev = ";"
    for tok in toks:
        kind = tok[0]
        if kind != "w" and prev != "w":
            return None  # an operator after an operator or at the start: an empty statement
        if kind == "w":
            statements[-1][-1][-1].append(tok)
        elif kind == "|":
            pipes.append(tok)
            statements[-1][-1].append([])
        elif kind in ("&&", "||"):
            seps.append(tok)
            statements[-1].append([[]])
        else:
            seps.append(tok)
            statements.append([[[]]])
        prev = kind
    if prev in ("&&", "||", "|"):
        return None  # a line ending in an operator continues on the next: not plain
    trailing = prev == ";"
    if trailing:
        statements.pop()
    for statement in statements:
        for pipeline in statement:
            for command in pipeline:
                if not command:
                    return None
                name = data[command[0][1] : command[0][2]].decode("ascii")
                if name in RESERVED or not all(ch in _NAME for ch in name) or _number(name.encode()):
                    return None
    return _build(data, statements, seps, pipes)


def _number(word: bytes) -> bool:
    """tree-sitter-bash reads a word of digits (``-?(0x)?[0-9]+``) as a ``number`` node."""
    digits = word[1:] if word[:1] == b"-" else word
    digits = digits[2:] if digits[:2] == b"0x" else digits
    return digits.isdigit()


def _command(data: bytes, words: list[tuple[str, int, int]]) -> Node:
    first = words[0]
    name = Node("command_name", True, first[1], first[2], data, [Node("word", True, first[1], first[2], data)])
    args = [Node("number" if _number(data[w[1] : w[2]]) else "word", True, w[1], w[2], data) for w in words[1:]]
    node = Node("command", True, first[1], words[-1][2], data, [name, *args])
    node.fields = ["name", *(["argument"] * len(args))]
    return node


def _build(data: bytes, statements: list[list[list[list[tuple[str, int, int]]]]], seps: list[tuple[str, int, int]], pipes: list[tuple[str, int, int]]) -> Tree:
    ops = iter(seps)
    bars = iter(pipes)
    children: list[Node] = []
    for statement in statements:
        parts: list[Node] = []
        for pipeline in statement:
            commands = [_command(data, c) for c in pipeline]
            if len(commands) == 1:
                parts.append(commands[0])
                continue
            kids: list[Node] = []
            for k, c in enumerate(commands):
                if k:
                    bar = next(bars)
                    kids.append(Node("|", False, bar[1], bar[2], data))
                kids.append(c)
            parts.append(Node("pipeline", True, commands[0].start_byte, commands[-1].end_byte, data, kids))
        node = parts[0]
        for part in parts[1:]:
            op = next(ops)
            node = Node("list", True, node.start_byte, part.end_byte, data, [node, Node(op[0], False, op[1], op[2], data), part])
        children.append(node)
        semi = next(ops, None)
        if semi is not None:
            children.append(Node(";", False, semi[1], semi[2], data))
    return Tree(Node("program", True, children[0].start_byte if children else 0, children[-1].end_byte, data, children))
