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
    import os

    try:  # the import system's own classes, already loaded: importlib.machinery imports importlib and warnings
        from _frozen_importlib import ModuleSpec
        from _frozen_importlib_external import ExtensionFileLoader
    except ImportError:  # pragma: no cover - not CPython
        from importlib.machinery import ExtensionFileLoader, ModuleSpec

    for entry in sys.path:
        folder = os.path.join(entry, package)
        try:
            files = os.listdir(folder)
        except OSError:
            continue
        for fn in files:
            if fn.startswith("_binding") and fn.endswith(".so"):
                path = os.path.join(folder, fn)
                loader = ExtensionFileLoader(name, path)
                spec = ModuleSpec(name, loader, origin=path)
                module = loader.create_module(spec)
                loader.exec_module(module)  # type: ignore[arg-type]
                return module
    raise ImportError(name)


_core: Any = None


def _compile(pattern: Any, flags: int = 0) -> Any:
    """re.compile, importing re when first called (tree-sitter calls it for a query's #match? predicate)."""
    import re

    return re.compile(pattern, flags)


def _int_enum(name: str, members: dict[str, int]) -> type:
    """What the extension builds its LogType (the kinds of a parser's log message) with: an int type with
    the members as attributes.  clearance never sets a parser logger, the only user of the type."""
    cls: type = type(name, (int,), {"__slots__": (), "__module__": "tree_sitter"})
    for k, v in members.items():
        setattr(cls, k, cls(v))
    return cls


def _load_core() -> Any:
    """The extension, without the ~5 ms of importing re and enum in a process that has not yet (the cold hook).

    Its initialisation takes ``re.compile`` (for #match? query predicates) and builds one IntEnum
    (LogType); neither is used to parse.  While it loads, ``re`` and ``enum`` are stand-ins whose
    ``compile`` imports and calls the real one; they leave sys.modules as soon as it has loaded.
    Only in a process with a single thread, where no other code can import either meanwhile.
    """
    import _thread

    shims: dict[str, Any] = {}
    if "re" not in sys.modules and "enum" not in sys.modules and _thread._count() == 0:
        shims["re"] = type(sys)("re")
        shims["re"].compile = _compile
        shims["enum"] = type(sys)("enum")
        shims["enum"].IntEnum = _int_enum
    sys.modules.update(shims)
    try:
        return _load_extension("tree_sitter._binding", "tree_sitter")
    finally:
        for name, module in shims.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def core() -> Any:
    """tree-sitter's C extension (Parser, Language), loaded once and shared by every grammar."""
    global _core
    if _core is None:
        try:
            _core = _load_core()
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
