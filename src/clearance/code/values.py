"""What an expression in interpreter code is known to be, and the facts a tree walk collects.

A value is a string (with ``paths.DYN`` standing for each part only known at run time, ``~`` for
the home directory), a symbol (a module or one of its members reached through imports and
aliases: ``child_process.execSync``), a list, an object's literal keys, or nothing known.  The
language modules evaluate their trees into values and report what each call does through
``Collector``; the facts are ``shell.interp.CodeFacts``, judged by rules/interp.py.
"""

from __future__ import annotations

from ..paths import DYN
from ..shell.interp import CodeFacts, shell_quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

# A walk stops after this many nodes (a one-liner has a few hundred; a 64 KiB file some tens of thousands).
MAX_NODES = 60_000
# Values longer than this are cut (a generated string literal is not a path or a command line worth reading whole).
MAX_TEXT = 4096


class Val:
    """What an expression evaluates to, as far as the analysis can tell."""

    __slots__ = ("decoded", "env", "items", "obj", "sym", "text")

    def __init__(
        self,
        text: str | None = None,
        sym: str | None = None,
        items: list[Val] | None = None,
        obj: dict[str, Val] | None = None,
        env: bool = False,
        decoded: bool = False,
    ) -> None:
        self.text = text  # a string value (DYN for unknown parts), or None
        self.sym = sym  # a module or member path: "fs.rmSync", "child_process", "process.env"
        self.items = items  # an array / list literal
        self.obj = obj  # an object / hash literal with literal keys
        self.env = env  # the whole environment (process.env, ENV, %ENV, getenv())
        self.decoded = decoded  # the result of a decoding call (base64, hex, rot13, zlib)


UNKNOWN = Val()


def text_of(v: Val) -> str:
    """*v* as part of a larger string: its text, or DYN."""
    return v.text if v.text is not None else DYN


def concat(parts: list[Val]) -> Val:
    """Parts joined into one string; None-text parts become DYN. Unknown when no part is a string."""
    if not any(p.text is not None for p in parts):
        return UNKNOWN
    return Val("".join(text_of(p) for p in parts)[:MAX_TEXT])


def join_path(parts: list[Val]) -> Val:
    """path.join / File.join / catfile: parts joined with "/", an absolute part restarting the path."""
    out = ""
    for p in parts:
        t = text_of(p)
        if t.startswith("/") or not out:
            out = t
        else:
            out = out.rstrip("/") + "/" + t
    return Val(out) if out else UNKNOWN


def argv_line(items: list[Val]) -> str:
    """An argv (program and arguments) as a shell command line, computed items as run-time values."""
    return " ".join(shell_quote(text_of(i)) for i in items)


class Collector:
    """Fills a CodeFacts from what the walk finds; one method per kind of effect."""

    __slots__ = ("facts", "seen_decode")

    def __init__(self, lang: str) -> None:
        self.facts = CodeFacts(lang)
        self.facts.parsed = True
        self.seen_decode = False

    def ask(self, reason: str) -> None:
        if reason not in self.facts.opaque and len(self.facts.opaque) < 20:
            self.facts.opaque.append(reason)

    def delete(self, v: Val, api: str) -> None:
        if v.items is not None:
            for i in v.items[:40]:
                self.delete(i, api)
            return
        if v.text is None:
            self.facts.deletes.append(None)
            self.ask(f"deletes a path computed at run time ({api})")
        else:
            self.facts.deletes.append(v.text)

    def write(self, v: Val, api: str) -> None:
        if v.text is None:
            self.ask(f"writes a file whose path is computed at run time ({api})")
        else:
            self.facts.writes.append(v.text)

    def read(self, v: Val) -> None:
        if v.text is not None:
            self.facts.reads.append(v.text)

    def command_line(self, v: Val, api: str) -> None:
        """A process started from a command line a shell reads."""
        self.facts.process = True
        if v.items is not None:
            self.argv(v.items, api)
        elif v.text is None or v.text.strip() == DYN:
            self.facts.unread_process = True
            self.ask(f"starts a process whose command is computed at run time ({api})")
        else:
            self.facts.shell.append(v.text)

    def argv(self, items: list[Val], api: str) -> None:
        """A process started from a program and its arguments (no shell)."""
        self.facts.process = True
        if not items or items[0].text is None or items[0].text == DYN:
            self.facts.unread_process = True
            self.ask(f"starts a program whose name is computed at run time ({api})")
            return
        self.facts.shell.append(argv_line(items[:60]))

    def network(self, v: Val | None, api: str) -> None:
        self.facts.network = True
        if v is not None and v.text is not None and "://" in v.text:
            self.facts.urls.append(v.text)

    def dynamic(self, api: str) -> None:
        self.facts.dynamic = True
        self.ask(f"runs code built at run time ({api})")

    def env_dump(self) -> None:
        self.facts.env_dump = True

    def merge(self, inner: CodeFacts) -> None:
        """The facts of code this code evaluates from a literal (``eval('…')``), as its own."""
        f = self.facts
        f.deletes += inner.deletes
        f.reads += inner.reads
        f.writes += inner.writes
        f.process |= inner.process
        f.unread_process |= inner.unread_process
        f.shell += inner.shell
        f.network |= inner.network
        f.dynamic |= inner.dynamic
        f.env_dump |= inner.env_dump
        f.urls += inner.urls
        for r in inner.opaque:
            self.ask(r)

    def finish(self) -> CodeFacts:
        f = self.facts
        f.decoded_exec = f.dynamic and self.seen_decode
        return f


def walk(root: Any) -> Iterator[Any]:
    """Every node of the tree in document order (pre-order), at most MAX_NODES of them."""
    stack = [root]
    n = 0
    while stack and n < MAX_NODES:
        node = stack.pop()
        n += 1
        yield node
        children = node.children
        if children:
            stack.extend(reversed(children))


def node_text(node: Any) -> str:
    return node.text.decode("utf-8", "replace") if node is not None and node.text is not None else ""
