"""``python -I -S /path/to/clearance/hookrun.py hook ARGS``: the hook without ``site``'s start-up cost.

``clearance install`` writes this command (see installer.hook_command).  ``-S`` skips the
``site`` module (``.pth`` files, sitecustomize: ~3 ms of a ~10 ms interpreter start, measured
with bench/compare.py) and ``-I`` ignores PYTHON* variables and the user's site-packages, so
nothing in the environment changes which code decides.  The folder holding this package and
the interpreter's site-packages (where tree-sitter is) go on ``sys.path`` by hand; when
tree-sitter-bash is not found there, ``site`` runs after all.
"""

import sys


def _exists(path: str, folder: bool = False) -> bool:
    import posix  # not os: ~1.2 ms to import without site

    try:
        mode = posix.stat(path).st_mode
    except OSError:
        return False
    return not folder or mode & 0o170000 == 0o040000


def _setup() -> None:
    here = __file__.rpartition("/")[0]  # .../clearance
    root = here.rpartition("/")[0]  # the folder holding the package
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    if here in sys.path:
        sys.path.remove(here)  # before Python 3.11, -I does not keep the script's folder off the path
    paths = [root]
    # Without site, sys.prefix is the base interpreter's, not the virtual environment's (site reads pyvenv.cfg).
    venv = sys.executable.rpartition("/")[0].rpartition("/")[0]
    prefixes = [venv] if venv and _exists(f"{venv}/pyvenv.cfg") else []
    for prefix in (*prefixes, sys.prefix, sys.exec_prefix):
        paths.append(f"{prefix}/lib/{version}/site-packages")
    sys.path[:0] = [p for p in dict.fromkeys(paths) if p not in sys.path]
    if not any(_exists(f"{p}/tree_sitter_bash", folder=True) for p in sys.path):
        import site

        site.main()  # an unusual layout: let site find the packages


if __name__ == "__main__":
    _setup()
    if sys.argv[1:2] != ["hook"]:
        sys.stderr.write("usage: python -I -S hookrun.py hook [OPTIONS]\n")
        sys.exit(2)
    from clearance.hook import arm_deadline, main

    arm_deadline()
    code = main(sys.argv[2:])
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
