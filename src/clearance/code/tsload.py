"""tree-sitter grammars for interpreter code, loaded on first use and parsed against the deadline.

Each grammar's C extension is loaded directly (as ``shell/treesitter.py`` does for bash: the
packages' ``__init__`` modules import ``typing`` and ``importlib.resources``), only when a command
carries code in that language.  Parsers are per thread (the daemon decides on several threads).
A parse of a long source runs with a progress callback that stops it at the decision's deadline
(``shell.parse.PARSE_DEADLINE``): tree-sitter's error recovery can be quadratic.
"""

from __future__ import annotations

from _thread import _local

from ..shell.parse import PARSE_DEADLINE, ParseTimeout
from ..shell.treesitter import LOAD_LOCK, _load_extension, core

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Larger sources are left to the pattern reading (a one-liner is far smaller; a project file
# read by scripts.py is at most 64 KiB).
MAX_SOURCE = 65_536
# Sources longer than this are parsed with a progress callback that can stop them; tree-sitter's
# error recovery is quadratic (8 KB of `a+` takes the Perl grammar about a second).
_TIMED_PARSE_MIN = 512
# A grammar gets this long per source (issue 16: a decision within 100 ms; a legitimate 44 KB JavaScript file parses in ~11 ms);
# past it the patterns read the code and the call is asked about.
BUDGET_S = 0.045
_CHUNK = 1 << 16

# language -> (package, function of the extension that returns the grammar)
GRAMMARS = {
    "js": ("tree_sitter_javascript", "language"),
    "ts": ("tree_sitter_typescript", "language_typescript"),
    "ruby": ("tree_sitter_ruby", "language"),
    "php": ("tree_sitter_php", "language_php"),
    "perl": ("tree_sitter_perl", "language"),
}

_languages: dict[str, Any] = {}
_per_thread: Any = _local()


def language(lang: str) -> Any:
    """The tree-sitter Language of *lang*, loaded once; None when its grammar is not installed."""
    got = _languages.get(lang)
    if got is None and lang in GRAMMARS:
        ts = core()  # loaded first: core() takes the same lock
        with LOAD_LOCK:
            return _load_language(lang, ts)
    return got


def _load_language(lang: str, ts: Any) -> Any:
    """language()'s loading, under treesitter.LOAD_LOCK (a grammar loaded twice by two threads would be two modules)."""
    got = _languages.get(lang)
    if got is None:
        package, function = GRAMMARS[lang]
        try:
            ext = _load_extension(package + "._binding", package)
            pointer = getattr(ext, function)()
            if isinstance(pointer, int):
                # tree-sitter-perl 2.0.3 hands out an address rather than a capsule (deprecated, still read).
                import warnings

                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    got = ts.Language(pointer)
            else:
                got = ts.Language(pointer)
        except Exception:
            try:
                import importlib

                got = ts.Language(getattr(importlib.import_module(package), function)())
            except Exception:
                return None
        _languages[lang] = got
    return got


def _parser(lang: str) -> Any:
    parsers = getattr(_per_thread, "parsers", None)
    if parsers is None:
        parsers = _per_thread.parsers = {}
    p = parsers.get(lang)
    if p is None:
        grammar = language(lang)
        if grammar is None:
            return None
        p = parsers[lang] = core().Parser(grammar)
    return p


class Slow(Exception):
    """The parse ran past its own budget (BUDGET_S) before the decision's deadline: the caller
    falls back to the pattern reading and asks."""


def parse(lang: str, source: str) -> Any:
    """The root node of *source*'s tree, or None when the source or its tree is too large or the grammar
    missing.  Raises Slow when parsing takes longer than BUDGET_S, ParseTimeout when it runs past
    the decision's deadline."""
    if len(source) > MAX_SOURCE:
        return None
    p = _parser(lang)
    if p is None:
        return None
    data = source.encode("utf-8", "surrogatepass")
    if len(data) <= _TIMED_PARSE_MIN:
        return _readable(p.parse(data).root_node)
    from time import perf_counter

    deadline = PARSE_DEADLINE.get()
    stop = min(deadline, perf_counter() + BUDGET_S)
    try:
        tree = p.parse(lambda off, _pt: data[off : off + _CHUNK], progress_callback=lambda *_: perf_counter() > stop)
    except ValueError:  # "Parsing failed": the callback cancelled it
        if perf_counter() <= stop:
            raise
        tree = None
    if tree is None:
        p.reset()  # a cancelled parse would otherwise resume on the next call
        if perf_counter() > deadline:
            raise ParseTimeout
        raise Slow
    # Nodes of a tree read through a callback fetch their text through it: the same tree again
    # from the bytes, reusing the first one, gives text straight from memory.
    return _readable(p.parse(data, old_tree=tree).root_node)


def _readable(root: Any) -> Any:
    """*root*, or None when its tree has more nodes than a reader walks (values.MAX_NODES): such code goes to the pattern
    reading, as code over MAX_SOURCE does and as Python's over its own limits (a reader's walk stopped there, and what
    came after was never read: 56 KB of `"a"+` before `fs.rmSync(home)` was allowed; issue 16)."""
    from .values import MAX_NODES

    return root if root.descendant_count <= MAX_NODES else None
