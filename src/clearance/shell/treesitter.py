"""Loading tree-sitter-bash with as little start-up cost as possible.

The packages' ``__init__`` modules import ``typing`` and ``importlib.resources``
(about 20 ms together, measured in ../shared/research/python-stack.md).  The hook
only needs the two C extensions, so they are loaded directly; if the private
module layout ever changes, the normal import is used instead.
"""

from __future__ import annotations

import sys
from _thread import _local

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# A tree-sitter Parser must not be used by two threads at once (the daemon and the
# service decide on several threads): each thread gets its own, the Language is shared.
_per_thread: Any = _local()
_language: Any = None
_parser_class: Any = None


def _load_extension(name: str, package: str) -> Any:
    import importlib.machinery as machinery
    import os

    for entry in sys.path:
        folder = os.path.join(entry, package)
        try:
            files = os.listdir(folder)
        except OSError:
            continue
        for fn in files:
            if fn.startswith("_binding") and fn.endswith(".so"):
                path = os.path.join(folder, fn)
                loader = machinery.ExtensionFileLoader(name, path)
                spec = machinery.ModuleSpec(name, loader, origin=path)
                module = loader.create_module(spec)
                loader.exec_module(module)  # type: ignore[arg-type]
                return module
    raise ImportError(name)


_core: Any = None


def core() -> Any:
    """tree-sitter's C extension (Parser, Language), loaded once and shared by every grammar."""
    global _core
    if _core is None:
        try:
            _core = _load_extension("tree_sitter._binding", "tree_sitter")
        except Exception:  # pragma: no cover - depends on the installed wheel layout
            import tree_sitter

            _core = tree_sitter
    return _core


def parser() -> Any:
    """This thread's bash parser, created on first use."""
    p = getattr(_per_thread, "parser", None)
    if p is None:
        global _language, _parser_class
        if _language is None:
            try:
                bash = _load_extension("tree_sitter_bash._binding", "tree_sitter_bash")
                _parser_class, _language = core().Parser, core().Language(bash.language())
            except Exception:  # pragma: no cover - depends on the installed wheel layout
                import tree_sitter
                import tree_sitter_bash

                _parser_class, _language = tree_sitter.Parser, tree_sitter.Language(tree_sitter_bash.language())
        p = _per_thread.parser = _parser_class(_language)
    return p
