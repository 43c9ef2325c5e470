"""Writing the hook's bundle (bundle.py) at install time: which modules ordinary calls import, compiled into one file.

Which modules, and in which order, is measured rather than listed: each of SAMPLES is decided
by a fresh ``python -I -S`` process set up as hookrun.py sets up the hook (hookstart.setup) (in a scratch home,
after a first call has built the rule index there), which reports the clearance modules whose
import completed, in that order.  The modules every sample imported are run eagerly at the
hook's start, in the first sample's order (each after the modules it imports); the rest the
samples imported are kept for the finder.  Best effort: where the package folder cannot be
written or a sample fails, there is no bundle and the hook imports as usual.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

from .bundle import Entry, header, path

TYPE_CHECKING = False
if TYPE_CHECKING:
    import ast
    from types import CodeType
    from typing import Any

# Ordinary calls of each tool kind (benign: the calls an agent makes most).
SAMPLES: list[dict[str, object]] = [
    {"tool_name": "Bash", "tool_input": {"command": "git status && npm test -- --watch=false | tee out.log"}},
    {"tool_name": "Bash", "tool_input": {"command": "git status"}},
    {"tool_name": "Bash", "tool_input": {"command": "git checkout -b feat/login"}},  # the git pack (gated off git status)
    {"tool_name": "Bash", "tool_input": {"command": "ls -la src && cat package.json | head -20; mkdir -p build/out"}},
    {"tool_name": "Bash", "tool_input": {"command": "rm -rf build/"}},
    {"tool_name": "Bash", "tool_input": {"command": "python -m pytest -q tests/"}},
    # The split-off halves a line of other shapes loads (cd: parse_builtins; find | xargs: unwrap_find; bash -c:
    # unwrap_launch; python3 FILE: unwrap_code), so that they come from the bundle's finder too.
    {"tool_name": "Bash", "tool_input": {"command": "cd src && find . -name '*.pyc' | xargs rm -f; bash -c 'python3 gen.py'"}},
    {"tool_name": "Read", "tool_input": {"file_path": "README.md"}},
    {"tool_name": "Edit", "tool_input": {"file_path": "app/page.tsx", "old_string": "a", "new_string": "b"}},
    {"tool_name": "Write", "tool_input": {"file_path": "notes/todo.md", "content": "- ship it\n"}},
    {"tool_name": "Grep", "tool_input": {"pattern": "TODO", "path": "."}},
]

# Run in the sample's process: the hook's set-up (hookstart.setup), a recorder of completed imports, one hook call.
RECORDER = r"""
import io, sys
hookrun = sys.argv[1]
sys.path.insert(0, hookrun.rpartition("/")[0].rpartition("/")[0])
from clearance.hookstart import setup
setup(hookrun)
from _frozen_importlib_external import PathFinder
done = []
class Recorder:
    def find_spec(self, name, path=None, target=None):
        if name != "clearance" and not name.startswith("clearance."):
            return None
        spec = PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
            run = spec.loader.exec_module
            def exec_module(module, run=run):
                run(module)
                done.append(module.__name__)
            spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Recorder())
called = set()
package = hookrun.rpartition("/")[0] + "/"
def profile(frame, event, arg):
    if event == "call" and frame.f_code.co_filename.startswith(package):
        code = frame.f_code
        called.add(f"{code.co_filename}:{code.co_firstlineno}:{code.co_name}")
sys.setprofile(profile)
real_out = sys.stdout
sys.stdin = io.TextIOWrapper(io.BytesIO(sys.argv[2].encode()))
sys.stdout = io.StringIO()
from clearance.hook import main
main([])
sys.setprofile(None)
answer = sys.stdout.getvalue()
real_out.write(answer.strip() + "\n" + " ".join(done) + "\n" + "\t".join(sorted(called)) + "\n")
real_out.flush()
"""


def _record(hookrun: str, env: dict[str, str], event: dict[str, object]) -> tuple[list[str], set[str]] | None:
    """The clearance modules one hook call imports, in the order their imports completed, and the functions it called
    (``source:first line:name``); None when it fails."""
    raw = json.dumps({"session_id": "bundle", "cwd": env["CLAUDE_PROJECT_DIR"], "hook_event_name": "PreToolUse", **event})
    try:
        p = subprocess.run([sys.executable, "-I", "-S", "-c", RECORDER, hookrun, raw], capture_output=True, text=True, env=env, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = p.stdout.splitlines()
    if p.returncode != 0 or len(lines) < 3 or "permissionDecision" not in lines[-3]:
        return None
    return lines[-2].split(), set(lines[-1].split("\t"))


def measure(package_dir: str) -> tuple[list[str], list[str], dict[str, list[str]], set[str]] | None:
    """(modules to run eagerly, in order; every module the samples imported; groups; the functions any sample called),
    or None.  The group "command": the modules beyond the eager ones that every sample with a command imported (run
    when a call has one)."""
    hookrun = os.path.join(package_dir, "hookrun.py")
    with tempfile.TemporaryDirectory(prefix="clearance-bundle-") as scratch:
        home = os.path.join(scratch, "home")
        project = os.path.join(home, "project")
        os.makedirs(project)
        env = {
            "HOME": home,
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "CLAUDE_PROJECT_DIR": project,
            "CLEARANCE_DB": os.path.join(scratch, "audit.db"),
            "CLEARANCE_MANAGED_POLICY": os.path.join(scratch, "managed.toml"),
            "CLEARANCE_DAEMON_SOCKET": os.path.join(scratch, "d.sock"),
            "CLEARANCE_NO_DAEMON": "1",
            "XDG_STATE_HOME": os.path.join(scratch, "state"),
            "XDG_CACHE_HOME": os.path.join(scratch, "cache"),
            "XDG_CONFIG_HOME": os.path.join(scratch, "config"),
        }
        if _record(hookrun, env, SAMPLES[0]) is None:  # the first call builds the rule index (imports every pack)
            return None
        runs = []
        called: set[str] = set()
        for event in SAMPLES:
            got = _record(hookrun, env, event)
            if got is None:
                return None
            runs.append(got[0])
            called |= got[1]
    everywhere = set(runs[0]).intersection(*map(set, runs[1:]))
    eager = [m for m in runs[0] if m in everywhere]
    every = list(dict.fromkeys(m for run in runs for m in run))
    commands = [run for event, run in zip(SAMPLES, runs) if "command" in event["tool_input"]]  # type: ignore[operator]
    in_all = set(commands[0]).intersection(*map(set, commands[1:])) - everywhere if commands else set()
    groups = {"command": [m for m in commands[0] if m in in_all]} if commands else {}
    return eager, every, groups, called


def _strip_docstrings(tree: ast.Module) -> None:
    """Drop the docstring of *tree* and of every class and function in it.  Nothing on the hot path reads ``__doc__``,
    and a docstring is a string the bundle would unmarshal at every start: about a tenth of the hot path's marshalled
    code, much of it non-ASCII prose whose decoding costs more per byte than code does (~1.5 M instructions of a cold
    hook, measured with bench/callgrind_hook.py).  A body that was only its docstring gets ``pass``."""
    import ast

    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            first = body[0] if body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                node.body = body[1:] or [ast.copy_location(ast.Pass(), first)]


# A function none of the samples called is deferred when its code is at least this long (marshalled): shorter, and
# the stub that stands for it (a call forwarding its arguments) saves too little.  1000 while every start read one
# table of all the deferred functions (a stub then cost its entry there too); with each module's table read on first
# use (bundle.py), bench/callgrind_hook.py's read / pipe calls measured 55.41 / 68.44 M instructions at 1000,
# 55.22 / 68.19 at 700, 55.05 / 67.93 at 500, 55.00 / 67.83 at 250, 55.03 / 67.94 at 0.
DEFER_MIN = 250


def _deferrable(tree: ast.Module, called: set[tuple[int, str]]) -> dict[str, ast.FunctionDef]:
    """The functions of *tree* to defer, by qualified name: the module-level functions and the methods of module-level
    classes that no sample called (*called*: first line, name), undecorated (as their classes are), plain (not async,
    not ``__new__``, ``__init_subclass__`` or ``__class_getitem__``, which Python wraps), each function and class bound
    by its ``def`` or ``class`` alone (no other binding of the name anywhere in the module, no ``global`` naming it): the
    stub finds the function by that name in the module's globals (and the class's namespace)."""
    import ast

    bound: dict[str, int] = {}
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [(a.asname or a.name).partition(".")[0] for a in node.names]
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names = [node.id]
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            names = list(node.names) * 2  # never deferred
        elif isinstance(node, ast.arg):
            names = [node.arg]
        for name in names:
            bound[name] = bound.get(name, 0) + 1
    found: dict[str, ast.FunctionDef] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.decorator_list and bound.get(node.name) == 1:
            if (node.lineno, node.name) not in called and node.name != "__getattr__":
                found[node.name] = node
        elif isinstance(node, ast.ClassDef) and not node.decorator_list and not node.keywords and bound.get(node.name) == 1:
            names = [n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
            for method in node.body:
                if (
                    isinstance(method, ast.FunctionDef)
                    and not method.decorator_list
                    and names.count(method.name) == 1
                    and method.name not in ("__new__", "__init_subclass__", "__class_getitem__")
                    and (method.lineno, method.name) not in called
                ):
                    found[f"{node.name}.{method.name}"] = method
    return found


def _reads_its_caller(code: CodeType) -> bool:
    """Whether *code* (or code it holds) looks at the frames that called it (``sys._getframe(1)``): on its first call
    through a stub, its caller would be the stub."""
    if {"_getframe", "f_back", "currentframe", "stack"} & set(code.co_names):
        return True
    return any(_reads_its_caller(c) for c in code.co_consts if isinstance(c, type(code)))


def _stub(node: ast.FunctionDef, qualname: str) -> None:
    """Make *node*'s body ``return __deferred__("QUALNAME")(ARGS)``: on its first call the function gets its real code
    (Bundle.deferred) and is called again with the same arguments."""
    import ast

    a = node.args
    pos: list[ast.expr] = [ast.Name(arg.arg, ast.Load()) for arg in (*a.posonlyargs, *a.args)]
    if a.vararg is not None:
        pos.append(ast.Starred(ast.Name(a.vararg.arg, ast.Load()), ast.Load()))
    kws = [ast.keyword(arg.arg, ast.Name(arg.arg, ast.Load())) for arg in a.kwonlyargs]
    if a.kwarg is not None:
        kws.append(ast.keyword(None, ast.Name(a.kwarg.arg, ast.Load())))
    fetch = ast.Call(ast.Name("__deferred__", ast.Load()), [ast.Constant(qualname)], [])
    node.body = [ast.Return(ast.Call(fetch, pos, kws))]
    for child in ast.walk(node):
        ast.copy_location(child, node)


def _fold_frozensets(tree: ast.Module) -> None:
    """``frozenset({"a", "b", …})`` and ``frozenset(("a", …))`` of constants as one constant, where the module binds no
    name ``frozenset``: marshal then builds the frozenset as it reads the code, where the call built a set from a
    constant and then the frozenset from the set (each element hashed in twice more: the hot path's program and option
    tables hold thousands)."""
    import ast

    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "frozenset" and not isinstance(node.ctx, ast.Load):
            return
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == "frozenset":
            return
        if isinstance(node, ast.arg) and node.arg == "frozenset":
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any((a.asname or a.name) == "frozenset" for a in node.names):
            return

    class Fold(ast.NodeTransformer):
        def visit_Call(self, node: ast.Call) -> ast.AST:
            self.generic_visit(node)
            if not (isinstance(node.func, ast.Name) and node.func.id == "frozenset" and len(node.args) == 1 and not node.keywords):
                return node
            arg = node.args[0]
            if isinstance(arg, (ast.Set, ast.Tuple, ast.List)):
                items = arg.elts
                if all(isinstance(e, ast.Constant) and isinstance(e.value, (str, int, bytes)) and not isinstance(e.value, bool) for e in items):
                    value: Any = frozenset(e.value for e in items if isinstance(e, ast.Constant))  # a constant compile() takes
                    return ast.copy_location(ast.Constant(value), node)
            return node

    Fold().visit(tree)


def _compile(text: bytes, source: str, called: set[tuple[int, str]] | None = None) -> tuple[CodeType, dict[str, CodeType]]:
    """*text* compiled as its .pyc is, less its docstrings (_strip_docstrings) and the run-time import of
    ``__future__``, and the code of the module-level functions no sample called (*called*: their first line and name;
    None: defer none) apart: (the module's code, name -> a deferred function's code).

    ``from __future__ import …`` is a compiler directive and, at run time, an import of that module from the standard
    library (~0.5 M instructions of a cold hook, its first import from there).  The bundle compiles the module with the
    same features and without the statement; the module then lacks only the names (``annotations``) bound to
    ``__future__``'s feature objects, which nothing reads.

    A deferred function is a stub in the module's code (_stub): the bundle unmarshals its real code only when it is
    first called.  Most of a hot module's code is for commands and tools an ordinary call does not have (~0.4 MB of
    the ~1.3 MB a ``git status`` loads, measured by which functions bundlebuild's samples call)."""
    import __future__

    import ast
    import copy

    tree = ast.parse(text, source)
    _strip_docstrings(tree)
    _fold_frozensets(tree)
    flags = 0
    kept: list[ast.stmt] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                flags |= getattr(__future__, alias.name).compiler_flag
            continue
        kept.append(node)
    tree.body = kept
    full: CodeType = compile(tree, source, "exec", flags=flags, dont_inherit=True)
    if called is None:
        return full, {}
    import marshal

    code_type = type(full)
    real: dict[str, CodeType] = {}
    for c in full.co_consts:
        if isinstance(c, code_type):
            real[f"{c.co_firstlineno}:{c.co_name}"] = c
            for m in c.co_consts:  # a class body's methods
                if isinstance(m, code_type):
                    real[f"{c.co_firstlineno}:{c.co_name}.{m.co_firstlineno}:{m.co_name}"] = m
    deferred: dict[str, CodeType] = {}
    stubbed = copy.deepcopy(tree)
    classes = {n.name: n.lineno for n in stubbed.body if isinstance(n, ast.ClassDef)}
    for qualname, node in _deferrable(stubbed, called).items():
        owner, _, name = qualname.rpartition(".")
        key = f"{classes[owner]}:{owner}.{node.lineno}:{name}" if owner else f"{node.lineno}:{name}"
        code = real.get(key)
        if code is None or code.co_freevars or _reads_its_caller(code) or len(marshal.dumps(code)) < DEFER_MIN:
            continue  # (a method using super() or __class__ has a cell the stub lacks)
        _stub(node, qualname)
        deferred[qualname] = code
    if not deferred:
        return full, {}
    module: CodeType = compile(stubbed, source, "exec", flags=flags, dont_inherit=True)
    return module, deferred


def _compiled(package_dir: str, name: str, called: set[str] | None = None) -> tuple[str, int, int, bool, CodeType, dict[str, CodeType]] | None:
    """(source path, st_mtime_ns, st_size, is a package, code, deferred functions' code) of module *name*, or None."""
    rel = name.split(".")[1:]
    base = os.path.join(package_dir, *rel)
    source, is_package = (os.path.join(base, "__init__.py"), True) if os.path.isdir(base) else (base + ".py", False)
    try:
        with open(source, "rb") as f:
            st = os.fstat(f.fileno())
            text = f.read()
        mine = None
        if called is not None:
            prefix = source + ":"
            mine = set()
            for key in called:
                if key.startswith(prefix):
                    line, _, fname = key[len(prefix) :].partition(":")
                    mine.add((int(line), fname))
        code, deferred = _compile(text, source, mine)
    except (OSError, SyntaxError, ValueError):
        return None
    return (source, st.st_mtime_ns, st.st_size, is_package, code, deferred)


def build(package_dir: str | None = None) -> str | None:
    """Write the bundle of *package_dir* (default: this package); its path, or None where none was written."""
    package_dir = package_dir or os.path.dirname(os.path.abspath(__file__))
    target = path(package_dir)
    if not os.access(package_dir, os.W_OK):
        return None
    measured = measure(package_dir)
    if measured is None:
        return None
    eager, every, groups, called = measured
    import marshal

    compiled = {name: got for name in every if (got := _compiled(package_dir, name, called)) is not None}
    eager = [m for m in eager if m in compiled]
    groups = {k: [m for m in v if m in compiled] for k, v in groups.items()}
    modules: dict[str, Entry] = {}
    blobs: list[bytes] = []
    offset = 0
    deferred: dict[str, tuple[int, int]] = {}
    for name, (source, mtime, size, is_package, code, later) in compiled.items():
        if later:
            functions: dict[str, tuple[int, int]] = {}
            for fname, fcode in later.items():
                blob = marshal.dumps(fcode)
                functions[fname] = (offset, len(blob))
                blobs.append(blob)
                offset += len(blob)
            blob = marshal.dumps(functions)  # read on the first call of one of them (Bundle.deferred)
            deferred[name] = (offset, len(blob))
            blobs.append(blob)
            offset += len(blob)
        if name in eager:
            modules[name] = (source, mtime, size, is_package, 0, 0)  # only in the eager stream
            continue
        blob = marshal.dumps(code)
        modules[name] = (source, mtime, size, is_package, offset, len(blob))
        blobs.append(blob)
        offset += len(blob)
    streams: dict[str, tuple[int, int]] = {}
    for key, order in (("", eager), *groups.items()):
        # One list: a string or constant the modules share is written once, and read and interned once.
        blob = marshal.dumps([compiled[m][4] for m in order])
        streams[key] = (offset, len(blob))
        blobs.append(blob)
        offset += len(blob)
    table = marshal.dumps([header(), eager, modules, groups, streams, deferred])
    data = len(table).to_bytes(4, "little") + table + b"".join(blobs)
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".hotpath-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except OSError:
        return None
    return target


def main(argv: list[str] | None = None) -> int:
    """``python -m clearance.bundlebuild [PACKAGE_DIR]``: write the bundle, print where."""
    args = sys.argv[1:] if argv is None else argv
    got = build(args[0] if args else None)
    print(got or "no bundle written (package folder not writable, or a sample call failed)")
    return 0 if got else 1


if __name__ == "__main__":
    sys.exit(main())
