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
from ..shell.treesitter import _load_extension, core

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Larger sources are left to the pattern reading (a one-liner is far smaller; a project file
# read by scripts.py is at most 64 KiB).
MAX_SOURCE = 65_536
_TIMED_PARSE_MIN = 4096
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
        package, function = GRAMMARS[lang]
        try:
            ext = _load_extension(package + "._binding", package)
            got = core().Language(getattr(ext, function)())
        except Exception:
            try:
                import importlib

                got = core().Language(getattr(importlib.import_module(package), function)())
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


def parse(lang: str, source: str) -> Any:
    """The root node of *source*'s tree, or None when the source is too large or the grammar
    missing.  Raises ParseTimeout when parsing runs past the decision's deadline."""
    if len(source) > MAX_SOURCE:
        return None
    p = _parser(lang)
    if p is None:
        return None
    data = source.encode("utf-8", "surrogatepass")
    deadline = PARSE_DEADLINE.get()
    if deadline == float("inf") or len(data) <= _TIMED_PARSE_MIN:
        return p.parse(data).root_node
    from time import perf_counter

    try:
        tree = p.parse(lambda off, _pt: data[off : off + _CHUNK], progress_callback=lambda *_: perf_counter() > deadline)
    except ValueError:  # "Parsing failed": the callback cancelled it
        if perf_counter() <= deadline:
            raise
        tree = None
    if tree is None:
        p.reset()
        raise ParseTimeout
    return p.parse(data, old_tree=tree).root_node
