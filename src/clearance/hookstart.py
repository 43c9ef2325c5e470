"""What ``hookrun.py`` runs: the hook's process set up without ``site``, its modules from the bundle, one decision.

hookrun.py itself is compiled from source at every start (a script has no ``.pyc``), so it only
puts the package's folder on ``sys.path`` and calls ``run`` here, which is loaded from its
``.pyc``.  ``-S`` skips the ``site`` module (``.pth`` files, sitecustomize: ~3 ms of a ~10 ms
interpreter start, measured with bench/compare.py) and ``-I`` ignores PYTHON* variables and the
user's site-packages, so nothing in the environment changes which code decides.  ``setup`` puts
the interpreter's site-packages (where tree-sitter is) on ``sys.path`` by hand, after the
standard library as ``site`` would; when tree-sitter-bash is not found there, ``site`` runs
after all.  Where ``clearance install`` built the hot path's bundle (bundle.py), the hook's
modules are loaded from it.
"""

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Answer:
    """What the hook process prints and how it exits (adapters/common.py's, kept here: the hook as a thin client of the
    daemon or the team service makes one without importing the adapters, ~1.3 M instructions)."""

    __slots__ = ("exit_code", "stderr", "stdout")

    def __init__(self, stdout: "dict[str, Any] | None", exit_code: int = 0, stderr: str = "") -> None:
        self.stdout = stdout
        self.exit_code = exit_code
        self.stderr = stderr


def _exists(path: str, folder: bool = False) -> bool:
    import posix  # not os: ~1.2 ms to import without site

    try:
        mode = posix.stat(path).st_mode
    except OSError:
        return False
    return not folder or mode & 0o170000 == 0o040000


def setup(script: str) -> None:
    """``sys.path`` for the hook started as ``python -I -S <package>/hookrun.py``."""
    here = script.rpartition("/")[0]  # .../clearance
    root = here.rpartition("/")[0]  # the folder holding the package
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    if here in sys.path:
        sys.path.remove(here)  # before Python 3.11, -I does not keep the script's folder off the path
    paths: list[str] = []
    # Without site, sys.prefix is the base interpreter's, not the virtual environment's (site reads pyvenv.cfg).
    venv = sys.executable.rpartition("/")[0].rpartition("/")[0]
    prefixes = [venv] if venv and _exists(f"{venv}/pyvenv.cfg") else []
    for prefix in (*prefixes, sys.prefix, sys.exec_prefix):
        paths.append(f"{prefix}/lib/{version}/site-packages")
    paths = list(dict.fromkeys(paths))
    # The site-packages after the standard library, where site puts them (a top-level import of the standard library
    # then never lists a site-packages folder, and nothing installed there shadows it); a checkout's src/ first.
    if root in paths and root in sys.path:
        sys.path.remove(root)  # hookrun put an installed package's folder first, to import this module
    elif root not in sys.path:
        sys.path.insert(0, root)
    sys.path += [p for p in paths if p not in sys.path]
    if not any(_exists(f"{p}/tree_sitter_bash", folder=True) for p in sys.path):
        import site

        site.main()  # an unusual layout: let site find the packages


_LOADED: list[str] = []
_BUNDLE: "list[Any]" = []  # the loaded bundle.Bundle


def bundle(script: str) -> None:
    """The hot path's modules from the package's bundle (bundle.py), where one was built.  Called when the hook is
    about to decide in-process; whatever goes wrong with the bundle, the modules are imported as usual."""
    import posix

    if _LOADED:
        return
    _LOADED.append(script)
    here = script.rpartition("/")[0]
    if posix.environ.get(b"CLEARANCE_NO_BUNDLE") or not _exists(f"{here}/__pycache__/hotpath.{sys.implementation.cache_tag}.bundle"):
        return  # (bundle.path's name: bundle.py is not imported where there is none)
    try:
        from .bundle import load

        got = load(here)
    except Exception:
        return  # an unreadable bundle: the usual imports
    if got is not None:
        _BUNDLE.append(got)


def prepare(script: str, raw: bytes) -> None:
    """Before deciding in-process: the bundle, and for a call with a command (``"command"`` in the event: a hint,
    nothing more -- a wrong guess only loads modules early or late) the parser's and unwrapper's modules from it
    too, with the collector off and their objects frozen, as the eager ones (``run``)."""
    import gc

    bundle(script)
    if not _BUNDLE or b'"command"' not in raw:
        return
    collecting = gc.isenabled()
    gc.disable()
    try:
        _BUNDLE[0].preload_group("command")
        gc.freeze()
    except Exception:
        return  # the modules are imported as usual where the call needs them
    finally:
        if collecting:
            gc.enable()


# The agents give the hook 30 seconds (installer.py) and, when it runs longer, go on as if no hook had answered.
DEADLINE_S = 25


def arm_deadline() -> None:
    """Have the kernel end this process before the agent's timeout does.

    Killed by SIGALRM, the process exits non-zero and the installed command's ``|| exit 2``
    blocks the call; a decision that takes too long (an input built to be slow, a hanging
    listener on the daemon socket) is then a block, never the agent's timeout, which allows.
    ``CLEARANCE_HOOK_DEADLINE`` may only shorten it.  Only the hook process arms it (entry.py,
    hookrun.py through ``run``, first), never a process that imports hook.main (tests, the daemon).
    """
    try:
        import _signal  # type: ignore[import-not-found]  # not signal: it imports enum

        from .daemon_path import environ

        asked = str(environ().get("CLEARANCE_HOOK_DEADLINE") or "")
        # An ignored or blocked SIGALRM is inherited across exec: a hook started by an agent that was itself started
        # with `trap '' ALRM` (a nested Codex: Rust's spawn resets the mask and SIGPIPE, not other dispositions) would
        # never be ended by its alarm (adversarial round 18a). The default action, unblocked, is what ends it.
        _signal.signal(_signal.SIGALRM, _signal.SIG_DFL)
        _signal.pthread_sigmask(_signal.SIG_UNBLOCK, (_signal.SIGALRM,))
        _signal.alarm(min(DEADLINE_S, max(1, int(asked))) if asked.isdigit() else DEADLINE_S)
    except (ImportError, AttributeError, OSError):
        pass  # no alarm on this platform


def run(script: str) -> None:
    """``hookrun.py hook [OPTIONS]``: decide the event on stdin, answer, and end the process.

    The cyclic garbage collector is off while the modules load: their tens of thousands of new objects set off
    collection after collection, each walking all of them (~5 M instructions of a ~70 M cold hook, measured with
    callgrind).  Once loaded they are frozen (collections no longer walk them) and the collector is back on for
    the decision itself, so an input that makes much cyclic garbage cannot grow the process unchecked -- every 10,000
    new objects rather than 700 (ordinary decisions then end before the first collection, ~1.1 M instructions of the
    cold hook; garbage stays bounded by what 10,000 objects hold)."""
    import gc

    gc.disable()
    setup(script)
    if sys.argv[1:2] != ["hook"]:
        sys.stderr.write("usage: python -I -S hookrun.py hook [OPTIONS]\n")
        sys.exit(2)
    arm_deadline()  # before anything that takes time, loading the modules included
    from .daemon_path import environ, socket_path

    env = environ()
    if not env.get("CLEARANCE_SERVER") and (env.get("CLEARANCE_NO_DAEMON") or not _exists(socket_path(env))):
        bundle(script)  # no daemon or service to ask: the call is decided here, the hook's own modules come from it too
    from .hook import main

    gc.freeze()
    gc.set_threshold(10_000)  # a collection per 10,000 new objects instead of 700: an ordinary decision needs none
    gc.enable()
    code = main(sys.argv[2:], prepare=lambda raw: prepare(script, raw))
    # The answer is written: end the process without the interpreter's clean-up (freeing every module and
    # the parser: a few ms of CPU, bench/compare.py's "cpu" column).  Everything the hook writes is closed
    # by then (the spool by os.close, other files in `with` blocks, the store by close()); no thread runs.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # the agent closed the pipe: nothing more to say
    import posix

    posix._exit(code)
