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
    from types import CodeType

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
real_out = sys.stdout
sys.stdin = io.TextIOWrapper(io.BytesIO(sys.argv[2].encode()))
sys.stdout = io.StringIO()
from clearance.hook import main
main([])
answer = sys.stdout.getvalue()
real_out.write(answer.strip() + "\n" + " ".join(done) + "\n")
real_out.flush()
"""


def _record(hookrun: str, env: dict[str, str], event: dict[str, object]) -> list[str] | None:
    """The clearance modules one hook call imports, in the order their imports completed; None when it fails."""
    raw = json.dumps({"session_id": "bundle", "cwd": env["CLAUDE_PROJECT_DIR"], "hook_event_name": "PreToolUse", **event})
    try:
        p = subprocess.run([sys.executable, "-I", "-S", "-c", RECORDER, hookrun, raw], capture_output=True, text=True, env=env, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = p.stdout.splitlines()
    if p.returncode != 0 or len(lines) < 2 or "permissionDecision" not in lines[-2]:
        return None
    return lines[-1].split()


def measure(package_dir: str) -> tuple[list[str], list[str], dict[str, list[str]]] | None:
    """(modules to run eagerly, in order; every module the samples imported; groups), or None.  The group "command":
    the modules beyond the eager ones that every sample with a command imported (run when a call has one)."""
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
        for event in SAMPLES:
            got = _record(hookrun, env, event)
            if got is None:
                return None
            runs.append(got)
    everywhere = set(runs[0]).intersection(*map(set, runs[1:]))
    eager = [m for m in runs[0] if m in everywhere]
    every = list(dict.fromkeys(m for run in runs for m in run))
    commands = [run for event, run in zip(SAMPLES, runs) if "command" in event["tool_input"]]  # type: ignore[operator]
    in_all = set(commands[0]).intersection(*map(set, commands[1:])) - everywhere if commands else set()
    groups = {"command": [m for m in commands[0] if m in in_all]} if commands else {}
    return eager, every, groups


def _compile(text: bytes, source: str) -> CodeType:
    """*text* compiled as its .pyc is, less the run-time import of ``__future__``: a ``from __future__ import …``
    statement is a compiler directive and, at run time, an import of that module from the standard library (~0.5 M
    instructions of a cold hook, its first import from there).  The bundle compiles the module with the same features
    and without the statement; the module then lacks only the names (``annotations``) bound to ``__future__``'s feature
    objects, which nothing reads."""
    import __future__

    import ast

    tree = ast.parse(text, source)
    flags = 0
    kept: list[ast.stmt] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                flags |= getattr(__future__, alias.name).compiler_flag
            continue
        kept.append(node)
    if not flags:
        return compile(text, source, "exec", dont_inherit=True)
    tree.body = kept
    code: CodeType = compile(tree, source, "exec", flags=flags, dont_inherit=True)
    return code


def _compiled(package_dir: str, name: str) -> tuple[str, int, int, bool, CodeType] | None:
    """(source path, st_mtime_ns, st_size, is a package, code) of module *name*, or None."""
    rel = name.split(".")[1:]
    base = os.path.join(package_dir, *rel)
    source, is_package = (os.path.join(base, "__init__.py"), True) if os.path.isdir(base) else (base + ".py", False)
    try:
        with open(source, "rb") as f:
            st = os.fstat(f.fileno())
            text = f.read()
        code = _compile(text, source)
    except (OSError, SyntaxError, ValueError):
        return None
    return (source, st.st_mtime_ns, st.st_size, is_package, code)


def build(package_dir: str | None = None) -> str | None:
    """Write the bundle of *package_dir* (default: this package); its path, or None where none was written."""
    package_dir = package_dir or os.path.dirname(os.path.abspath(__file__))
    target = path(package_dir)
    if not os.access(package_dir, os.W_OK):
        return None
    measured = measure(package_dir)
    if measured is None:
        return None
    eager, every, groups = measured
    import marshal

    compiled = {name: got for name in every if (got := _compiled(package_dir, name)) is not None}
    eager = [m for m in eager if m in compiled]
    groups = {k: [m for m in v if m in compiled] for k, v in groups.items()}
    modules: dict[str, Entry] = {}
    blobs: list[bytes] = []
    offset = 0
    for name, (source, mtime, size, is_package, code) in compiled.items():
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
    table = marshal.dumps([header(), eager, modules, groups, streams])
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
