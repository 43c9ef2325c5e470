"""Reading shell functions: definitions, calls (each body read with the call's words) and the bodies no call reached.
Loaded the first time a line needs one of these methods (parse._Walker.__getattr__)."""

from __future__ import annotations

from .ir import Word
from .parse import _text, _Walker

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


_POSITIONAL = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "#", "@", "*")


# How often one function's body is read with the words of a call; past that it is read once with unknown words.
_CALLS_READ = 8


# Words that can call a function or change what a name runs without naming it literally in the line.
_DYNAMIC_CALLERS = frozenset(
    {
        b"eval",
        b"source",
        b".",
        b"trap",
        b"alias",
        b"enable",
        b"shopt",
        b"declare",
        b"typeset",
        b"compgen",
        b"complete",
        b"bind",
        b"exec",
        b"command_not_found_handle",
    }
)


# Functions bash or zsh call by themselves, without a call in the text.
_IMPLICIT_FUNCTIONS = frozenset({"command_not_found_handle", "command_not_found_handler", "chpwd", "precmd", "preexec", "periodic", "zshexit", "zshaddhistory"})


class Methods(_Walker):
    """The methods _Walker takes on from here (parse.LATER)."""

    def _outside_definitions(self) -> bytes:
        data: bytes = self.st.source or b""
        out, at = [], 0
        for a, b in sorted(self.def_spans):
            if a >= at:
                out.append(data[at:a])
                at = b
        out.append(data[at:])
        return b" ".join(out)

    def plain_line(self) -> bool:
        """No construct that can change what a name runs or call a function by a name computed at run time: no
        expansion or substitution, eval, source, trap, alias, enable, shopt, declare/typeset (-f, -F) or compgen."""
        if self._plain is None:
            rest = self._outside_definitions()
            words = set(rest.replace(b";", b" ").replace(b"&", b" ").replace(b"|", b" ").replace(b"(", b" ").split())
            self._plain = b"$" not in rest and b"`" not in rest and not words & _DYNAMIC_CALLERS
        # A function named false, true, : or exit (defined so far) changes what those do.
        return self._plain and not any(n in self.functions for n in ("false", "true", ":", "exit", "["))

    def uncallable(self, name: str) -> bool:
        """A function no call in the line can reach: its name appears nowhere outside the definitions, the line calls
        nothing by a computed name, and bash or zsh do not call it by themselves (command_not_found_handle, chpwd …)."""
        if name in _IMPLICIT_FUNCTIONS or name.startswith("TRAP"):
            return False
        return self.plain_line() and name.encode() not in self._outside_definitions()

    def define(self, node: Any) -> None:
        name_node = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name_node is None or body is None:
            for c in node.children:
                if c.is_named:
                    self.walk(c, 1, None)
            return
        name = _text(name_node)
        self.def_spans.append((node.start_byte, node.end_byte))
        if name in self.functions and self.calls.get(name, 0) == 0 and name not in self.generic:
            self._plain = None
            self.read_body(name, None, 1)  # redefined before any call: the first body is read as never called
        self.functions[name] = (body, self.st.cwd)
        self.calls[name] = 0
        self.generic.discard(name)

    def call(self, name: str, args: list[Word] | None, depth: int) -> None:
        """Read the body of function *name* for a call with *args* (None: words only known at run time)."""
        n = self.calls.get(name, 0)
        if name in self.active or n >= _CALLS_READ:
            if name not in self.generic:
                self.read_body(name, None, depth)
            return
        self.calls[name] = n + 1
        self.read_body(name, args, depth)

    def read_body(self, name: str, args: list[Word] | None, depth: int) -> None:
        body, cwd = self.functions[name]
        st = self.st
        saved = {k: st.vars[k] for k in _POSITIONAL if k in st.vars}
        for k in _POSITIONAL:
            st.vars.pop(k, None)
        if args is None:
            self.generic.add(name)
            saved_cwd = st.cwd
            st.cwd = cwd
        else:
            for n in range(9):
                st.vars[str(n + 1)] = args[n].value if n < len(args) else ""
            st.vars["#"] = str(len(args))
            if len(args) == 1:
                # One argument: "$@" and "$*" are "$1" (a wrapper's `builtin cd "$@"` moves the shell where `cd DIR` does).
                st.vars["@"] = st.vars["*"] = args[0].value
        saved_sources = self.arg_sources
        self.arg_sources = None if args is None else self.words_sources(args)
        self.active.add(name)
        st.locals.append({})  # what the body declares local is the caller's again after it returns
        try:
            self.walk(body, depth + 1, None)
        finally:
            for k, old in st.locals.pop().items():
                if old is None:
                    st.vars.pop(k, None)
                else:
                    st.vars[k] = old
            self.arg_sources = saved_sources
            self.active.discard(name)
            for k in _POSITIONAL:
                st.vars.pop(k, None)
            st.vars.update(saved)
            if args is None:
                st.cwd = saved_cwd
