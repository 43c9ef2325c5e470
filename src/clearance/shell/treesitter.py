"""Loading tree-sitter-bash with as little start-up cost as possible.

The packages' ``__init__`` modules import ``typing`` and ``importlib.resources``
(about 20 ms together, measured in ../shared/research/python-stack.md).  The hook
only needs the two C extensions, so they are loaded directly; if the private
module layout ever changes, the normal import is used instead.
"""

from __future__ import annotations

import sys
from _thread import _local, allocate_lock

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
    """The stand-in's re.compile: the real one, imported on first call (tree-sitter calls it for a Query's #match?)."""
    _drop_stand_ins()  # called while the extension loads: the real re (which imports the real enum) must load
    import re

    return re.compile(pattern, flags)


_STAND_INS: dict[str, Any] = {}


def _drop_stand_ins() -> None:
    """The stand-ins out of ``sys.modules`` (each only where it is still the stand-in)."""
    for name, module in list(_STAND_INS.items()):
        if sys.modules.get(name) is module:
            del sys.modules[name]
    _STAND_INS.clear()


def _int_enum(name: str, members: dict[str, int]) -> type:
    """The stand-in's IntEnum(name, members), which the extension calls once to build LogType (the kinds of a
    parser's log message): an int type with the members as attributes.  clearance never sets a parser logger,
    the only user of the type."""
    cls: type = type(name, (int,), {"__slots__": (), "__module__": "tree_sitter"})
    for k, v in members.items():
        setattr(cls, k, cls(v))
    return cls


def _load_core() -> Any:
    """The extension, without importing re and enum in a process that has not yet (the cold hook).

    Why: tree-sitter 0.26's module initialisation takes ``re.compile`` and calls ``enum.IntEnum`` once;
    importing the two (with functools, collections, operator …) costs more than the rest of loading the
    parser: 7.7 ms of CPU against 2.2 ms with the stand-ins, in a fresh ``python -I -S`` (5.8 ms for
    ``import re, enum`` alone) -- a fifth of a cold hook.  Every Bash call parses, so deferring the parser
    does not help; a cold hook that needs no regular expression imports neither module
    (tests/test_import_budget.py).

    How: while the extension initialises, ``sys.modules`` holds two plain module objects named ``re`` and
    ``enum``, with only what the extension takes: ``compile`` (``_compile``: the real ``re.compile``,
    imported on first call, the stand-ins dropped first -- the patterns it builds are real ones) and
    ``IntEnum`` (``_int_enum``).

    Why it is safe:
    - Nothing else sees them.  They are put in place only when neither real module is loaded (so no other
      code holds the real one) and no thread other than this one was started (``_thread._count()``: the
      daemon and the service have threads, and import re anyway); during the initialisation only the
      extension's C code and the stand-ins' own functions run (the hook's deadline is SIGALRM with its
      default action, no Python handler); they leave ``sys.modules`` in ``finally`` (or at the first
      ``compile``), each only if it is still the stand-in, and the next ``import re`` loads the real module.
    - What the extension keeps behaves as the real thing where clearance could reach it: ``compile`` is
      the real ``re.compile`` behind one call; LogType's members are ints with the real names and values
      (it is not an ``enum.Enum``; only a parser logger, which clearance never sets, receives them).
    - A version of the extension that takes anything else (another name, another call) fails to
      initialise with an AttributeError or TypeError, and ``core()`` then imports the package as usual,
      with the real modules: slower, never different (tests/test_import_budget.py runs both).
    """
    import _thread

    if "re" not in sys.modules and "enum" not in sys.modules and _thread._count() == 0:
        _STAND_INS["re"] = type(sys)("re", "clearance's stand-in while tree-sitter loads (shell/treesitter.py)")
        _STAND_INS["re"].compile = _compile
        _STAND_INS["enum"] = type(sys)("enum", "clearance's stand-in while tree-sitter loads (shell/treesitter.py)")
        _STAND_INS["enum"].IntEnum = _int_enum
        sys.modules.update(_STAND_INS)
    try:
        return _load_extension("tree_sitter._binding", "tree_sitter")
    finally:
        _drop_stand_ins()


# One loading at a time: two threads loading the extension each get a module of their own, and a Language made by one
# is not a Language to the other's Parser ("argument 1 must be tree_sitter.Language, not tree_sitter.Language"): an
# internal error, an ask even for `rm -rf ~` (tests/test_lazy_rules.py's race, under load).
LOAD_LOCK = allocate_lock()


def core() -> Any:
    """tree-sitter's C extension (Parser, Language), loaded once and shared by every grammar."""
    global _core
    if _core is None:
        with LOAD_LOCK:
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
            ts = core()
            with LOAD_LOCK:
                if _language is None:
                    try:
                        bash = _load_extension("tree_sitter_bash._binding", "tree_sitter_bash")
                        _parser_class, _language = ts.Parser, ts.Language(bash.language())
                    except Exception:  # pragma: no cover - depends on the installed wheel layout
                        import tree_sitter
                        import tree_sitter_bash

                        _parser_class, _language = tree_sitter.Parser, tree_sitter.Language(tree_sitter_bash.language())
        p = _per_thread.parser = _parser_class(_language)
    return p
