"""The hook's modules from one file: the code of the hot path, read and run without the import system.

A cold hook is mostly loading code: a ``git status`` loads some 40 of clearance's modules, and
for each the import system (Python code itself) finds the module, stats its source, opens and
checks its ``.pyc`` and builds the module (~0.1-0.3 M instructions apiece before its code runs).
``bundlebuild.py`` writes, at install time, the compiled code of the modules an ordinary call
imports into ``clearance/__pycache__/hotpath.<cache tag>.bundle`` -- beside the ``.pyc`` files,
trusted as they are (the installed package is clearance's own code, paths.clearance_owned) and
checked as they are: a module is used from the bundle only while its source has the size and
modification time it had when compiled (else it is imported as usual, from its source).

``load()`` (hookstart.py, when the hook is about to decide in-process: not when a daemon or the
team service answers) runs the modules every ordinary call imports, in the order their imports completed when the bundle was built, straight from the
file; the others it holds (rule packs, readers some commands need) are served by a finder put
first on ``sys.meta_path``.  Any module it does not hold, or holds stale, is imported as usual.
A module so loaded has the attributes an import gives it (``__spec__``, ``__file__``,
``__path__``, ``__package__``, ``__loader__``); the code is what ``compile`` makes of the
source, as a ``.pyc`` holds, less the run-time import of ``__future__`` (bundlebuild._compile).
"""

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any

FORMAT = 5
# The file: 4 bytes (little-endian) giving the length of a marshalled [header(), eager order, entries, groups,
# streams], then the marshalled code one after another.  A group: name -> the modules every sample of one kind
# imported beyond the eager ones, in order ("command": the calls with a command, which load the parser and the
# unwrapper).  An entry: name -> (source path, st_mtime_ns, st_size, is a package, offset of its code after the
# table, length of its code; 0 for an eager module, whose code is only in its stream).  A stream: "" (the eager
# modules) or a group's name -> (offset, length) of one marshalled list of the code of its modules, in its order:
# one stream shares what the modules share (each identifier is read and interned once, not once per module: ~9 M
# instructions of interning in a ~70 M cold hook were mostly the same names again).  Deferred: module name -> (offset,
# length) of the module's marshalled table of its deferred functions: function name -> (offset, length) of the
# marshalled code of a function the module's code holds only a stub of (bundlebuild._compile); the table is read on
# the first call of one of them, the code on the function's own first call (Bundle.deferred).  One table of all the
# modules' ~460 functions, read at every start, was ~0.5 M instructions of a cold hook (most of them in modules an
# ordinary call never loads, and each deferred function made every start dearer).
Entry = tuple[str, int, int, bool, int, int]


def path(package_dir: str) -> str:
    return f"{package_dir}/__pycache__/hotpath.{sys.implementation.cache_tag}.bundle"


def header() -> list[object]:
    """What the bundle must have been built for: this format, the interpreter's bytecode and optimisation level."""
    from _frozen_importlib_external import MAGIC_NUMBER  # type: ignore[import-not-found]

    return [FORMAT, MAGIC_NUMBER, sys.flags.optimize]


class Bundle:
    """Finder and loader of the modules in one bundle (importlib's protocol: find_spec, create_module, exec_module)."""

    def __init__(
        self,
        file: str,
        modules: dict[str, Entry],
        code: memoryview,
        groups: dict[str, list[str]] | None = None,
        streams: dict[str, tuple[int, int]] | None = None,
        deferred: dict[str, tuple[int, int]] | None = None,
    ) -> None:
        from _frozen_importlib import ModuleSpec  # type: ignore[import-not-found]

        self.file = file
        self.modules = modules
        self.code = code
        self.groups = groups or {}
        self.streams = streams or {}
        self.later = deferred or {}
        self._tables: dict[str, dict[str, tuple[int, int]]] = {}  # module name -> its table of deferred functions, once read
        # The code of the modules of the stream being preloaded, until each runs: a package's __init__ completes
        # its import after the submodules it imports, so a stream may hold a submodule before its package, whose
        # import (preload) then finds the package -- and whatever else it imports first -- here.
        self._pending: dict[str, Any] = {}
        self._spec_class: Any = ModuleSpec

    def _current(self, name: str) -> Entry | None:
        """The entry for *name* while its source is the one compiled, else None."""
        entry = self.modules.get(name)
        if entry is None:
            return None
        import posix

        try:
            st = posix.stat(entry[0])
        except OSError:
            return None
        return entry if st.st_mtime_ns == entry[1] and st.st_size == entry[2] else None

    def _spec(self, name: str, entry: Entry) -> "Any":
        spec = self._spec_class(name, self, origin=entry[0], is_package=entry[3])
        spec.has_location = True
        spec.cached = self.file
        if entry[3]:
            spec.submodule_search_locations = [entry[0].rpartition("/")[0]]
        return spec

    def find_spec(self, name: str, path: object = None, target: object = None) -> "Any":
        entry = self._current(name)
        if entry is None:
            return None  # not held, or stale
        code = self._pending.pop(name, None)  # a module of the stream being preloaded that another imports first
        if code is None:
            if not entry[5]:
                return None  # a module only in a stream whose preload stopped: imported from its source
            from marshal import loads

            try:
                code = loads(self.code[entry[4] : entry[4] + entry[5]])
            except (ValueError, EOFError, TypeError):
                return None  # unreadable: imported from its source
        spec = self._spec(name, entry)
        spec.loader_state = code
        return spec

    def create_module(self, spec: object) -> None:
        return None  # the default module

    def exec_module(self, module: "ModuleType") -> None:
        """Run the module's code as the eager ones run (hookstart.run): the cyclic collector off meanwhile and the
        module's objects frozen after.  A rule pack or reader the decision imports makes thousands of objects, each
        walked by collection after collection while it loads and again in the older generations (~1 M instructions
        of a cold hook that loads three packs); the bundle serves only the hook's one-decision process."""
        import gc

        code: Any = getattr(module.__spec__, "loader_state", None)  # find_spec read it
        if module.__name__ in self.later:
            module.__dict__["__deferred__"] = self.deferred
        collecting = gc.isenabled()
        gc.disable()
        try:
            exec(code, module.__dict__)
        finally:
            if collecting:
                gc.freeze()
                gc.enable()

    def _stream(self, key: str, order: list[str]) -> "list[Any] | None":
        """The code of the modules of *order*, from stream *key* (one list, in that order); None where unreadable."""
        from marshal import loads

        where = self.streams.get(key)
        try:
            codes = loads(self.code[where[0] : where[0] + where[1]]) if isinstance(where, tuple) else None
        except (ValueError, EOFError, TypeError):
            return None
        return codes if isinstance(codes, list) and len(codes) == len(order) else None

    def preload(self, order: list[str], key: str = "") -> int:
        """Run the modules of *order* (stream *key*) not imported yet, as an import would; the number run from the bundle.

        A module whose code cannot be read or raises is taken out again, as the import system does, and
        the preload stops there: that module, and the rest, are imported as usual when the call needs them
        (any exception is then the import's own, where it would have been raised without the bundle)."""
        codes = self._stream(key, order)
        if codes is None:
            return 0  # unreadable: the modules are imported as usual
        self._pending = dict(zip(order, codes))
        try:
            return self._preload(order, codes)
        finally:
            self._pending = {}

    def _preload(self, order: list[str], codes: "list[Any]") -> int:
        modules = sys.modules
        module_type = type(sys)
        done = 0
        for name, code in zip(order, codes):
            if name in modules:
                continue
            parent, _, child = name.rpartition(".")
            if parent and parent not in modules:
                # A package whose __init__ imports this module runs first, as it did at the build (both from _pending).
                __import__(parent)
                if name in modules:
                    continue
            self._pending.pop(name, None)
            entry = self._current(name)
            if entry is None:
                continue  # stale or gone: a module importing it imports it as usual
            spec = self._spec(name, entry)
            module = module_type(name)
            attrs = module.__dict__  # what importlib's _init_module_attrs sets
            attrs["__spec__"] = spec
            attrs["__loader__"] = self
            attrs["__file__"] = entry[0]
            attrs["__cached__"] = self.file
            if entry[3]:
                attrs["__path__"] = spec.submodule_search_locations
                attrs["__package__"] = name
            else:
                attrs["__package__"] = parent
            if name in self.later:
                attrs["__deferred__"] = self.deferred
            modules[name] = module
            try:
                exec(code, module.__dict__)
            except Exception:
                modules.pop(name, None)
                return done
            if parent:
                setattr(modules[parent], child, modules[name])
            done += 1
        return done

    def deferred(self, name: str) -> "Any":
        """The function *name* of the calling module (``f``, or ``Class.f`` for a method) with its real code in place of
        its stub (its first call: the stub calls what this returns with its arguments)."""
        from marshal import loads

        module = sys._getframe(1).f_globals
        first, _, method = name.partition(".")
        function = module[first].__dict__[method] if method else module[first]
        owner = module["__name__"]
        table = self._tables.get(owner)
        if table is None:
            at = self.later[owner]
            table = self._tables[owner] = loads(self.code[at[0] : at[0] + at[1]])
        where = table[name]
        function.__code__ = loads(self.code[where[0] : where[0] + where[1]])
        return function

    def preload_group(self, name: str) -> int:
        """``preload`` the modules of group *name* (none for a group the bundle does not have)."""
        order = self.groups.get(name)
        return self.preload(order, name) if isinstance(order, list) and name else 0


def load(package_dir: str) -> Bundle | None:
    """Put the bundle of *package_dir* in front of the import system and run its eager modules; None without one."""
    from marshal import loads

    file = path(package_dir)
    try:
        with open(file, "rb") as f:
            data = f.read()
    except OSError:
        return None
    view = memoryview(data)
    size = int.from_bytes(view[:4], "little")
    try:
        head, order, modules, groups, streams, deferred = loads(view[4 : 4 + size])
    except (ValueError, EOFError, TypeError):
        return None
    if head != header() or not isinstance(order, list) or not isinstance(modules, dict) or not isinstance(groups, dict) or not isinstance(streams, dict):
        return None
    bundle = Bundle(file, modules, view[4 + size :], groups, streams, deferred if isinstance(deferred, dict) else {})
    sys.meta_path.insert(0, bundle)
    bundle.preload(order)
    return bundle
