"""Where a build's install step puts what it builds, read as the build systems read it.

An install step (`make install`, `cmake --install DIR`, `cmake --build DIR --target install`, `meson install`, `ninja
install`) writes below directories
it is told in one of three ways, and a staging root may lead all of them:

- on its own command line (`make install PREFIX=P SYSCONFDIR=D`, `cmake --install b --prefix P`; outputs_table);
- recorded earlier by the step that configured the build: `./configure --prefix=P --sysconfdir=D` writes them into
  config.status and the Makefile, `cmake -B b -DCMAKE_INSTALL_PREFIX=P` into b/CMakeCache.txt, `meson setup b
  --prefix P` into b/meson-info -- on the same line (Scope.configured, filled by ``record``) or on the disk, from a
  call before (``destinations`` reads those files in the build directory);
- DESTDIR (`make install DESTDIR=S`, the DESTDIR variable for cmake, meson and ninja, `meson install --destdir S`):
  every directory lands below S (`S/usr/bin`), which is how packages are staged -- never the directory itself.

A build directory's default prefix (/usr/local, what a configure run given no --prefix records) is not a recorded
choice: a plain `make install` there is judged as before (its Makefile's recipes, when clearance reads them).
"""

from __future__ import annotations

from ..lazyre import lazy
from ..paths import DYN
from .options import option_value as _last_value

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from ..scope import Scope
    from .ir import SimpleCommand, Word

# The programs whose runs record install directories for a later install step (``record``).
RECORDERS = frozenset({"configure", "cmake", "meson"})
# The programs that run an install step (``destinations``).
INSTALLERS = frozenset({"make", "gmake", "cmake", "meson", "ninja", "samu"})
# What an effect of an install prefix carries as its note (rules/fs._own_prefix_install reads it).
INSTALL_PREFIX = "install prefix"
# The prefix autoconf, CMake and Meson use when none is given.
_DEFAULT_PREFIX = "/usr/local"
# The prefix names among the GNU directory variables (each other one is a directory of its own, `--sysconfdir`).
PREFIX_NAMES = frozenset({"prefix", "exec_prefix"})

# config.status: the options configure was run with, as it records them (`ac_cs_config="'--prefix=/x' 'CC=gcc'"`).
_AC_CS_CONFIG = lazy(r"(?m)^ac_cs_config=(['\"])([^\n]*)\1$")
# A Makefile's own assignment of a directory variable (`prefix = /home/ana/.local`, configure's AC_SUBST output).
_MAKE_DIR_ASSIGN = lazy(r"(?m)^([a-z_]+)[ \t]*+:?=[ \t]*+([^\n$#]*+)$")
# CMakeCache.txt: `CMAKE_INSTALL_PREFIX:PATH=/x` (and GNUInstallDirs' CMAKE_INSTALL_SYSCONFDIR:PATH=…).
_CMAKE_CACHE = lazy(r"(?m)^CMAKE_INSTALL_([A-Z_]+):[A-Z]+=([^\n]*)$")
# cmake_install.cmake, the script `cmake --install` runs: each install rule's destination as CMake generated it
# (`file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/bin" …)`, or the absolute one an `install(… DESTINATION /abs)`
# gave, which no prefix moves), and the scripts of the subdirectories it includes.
_CMAKE_INSTALL_DEST = lazy(r"\bfile\(INSTALL DESTINATION \"([^\"\n]*+)\"")
_CMAKE_INSTALL_INCLUDE = lazy(r"\binclude\(\"([^\"\n]*+)\"\)")
# How many subdirectory scripts are read before the destinations count as unknown.
_MAX_INSTALL_SCRIPTS = 32
# CMakeLists.txt, read where the build is configured on the same line (its cmake_install.cmake not written yet): an
# install() rule's DESTINATION (a path, quoted or not) and the subdirectories add_subdirectory() adds.
_CMAKE_SOURCE_DEST = lazy(r"\bDESTINATION[ \t\n]++(\"[^\"\n]*+\"|[^ \t\n)]++)")
_CMAKE_SOURCE_SUBDIR = lazy(r"\badd_subdirectory\([ \t\n]*+(\"[^\"\n]*+\"|[^ \t\n)]++)")
# meson.build, read where the build is configured on the same line (meson-info not written yet): an install_dir
# keyword's value up to the next comma or parenthesis (a string, get_option('…') / 'sub', join_paths(…), a variable),
# install_emptydir()'s folder, the subdirectories subdir() adds, and the install scripts Meson runs as they are.
_MESON_INSTALL_DIR = lazy(r"\binstall_dir[ \t]*+:[ \t\n]*+([^,\n]*+)")
_MESON_EMPTYDIR = lazy(r"\binstall_emptydir\([ \t\n]*+([^,\n]*+)")
_MESON_SUBDIR = lazy(r"\bsubdir\([ \t\n]*+([^,)\n]*+)")
_MESON_SCRIPT = lazy(r"\badd_install_script\(")
_MESON_OPTION = lazy(r"get_option\('[a-z_]++'\)")
# The key of Scope.configured's entry that holds the source folder a configuring cmake run read (not a directory
# the install writes), and a configuring meson run's.
SOURCE = "\0source"
MESON_SOURCE = "\0meson-source"


def staged(dirs: list[tuple[str, str, Word]], env_destdir: str | None) -> list[tuple[str, str]]:
    """(path, raw word) of what the directory variables *dirs* ((lower-case name, value, word) from the command line)
    name, each below DESTDIR when one is given (the last DESTDIR operand, else the environment's *env_destdir*):
    `make install DESTDIR=/tmp/stage PREFIX=/usr` writes /tmp/stage/usr, not /usr; DESTDIR alone, the root itself."""
    destdir = next((v for n, v, _ in reversed(dirs) if n == "destdir"), None)
    raw = next((w.raw for n, _, w in reversed(dirs) if n == "destdir"), "")
    if destdir is None and env_destdir and DYN not in env_destdir:
        destdir, raw = env_destdir, "DESTDIR=" + env_destdir
    rest = [(v, w.raw) for n, v, w in dirs if n != "destdir"]
    if destdir is None:
        return rest
    if not rest:
        return [(destdir, raw)]
    return [(under(destdir, v), f"{raw} {r}") for v, r in rest]


def under(destdir: str, value: str) -> str:
    """DESTDIR's way of joining: `$(DESTDIR)$(prefix)`, the prefix (absolute) glued to the staging root."""
    if not value.startswith("/"):
        return destdir.rstrip("/") + "/" + value
    return destdir.rstrip("/") + value if destdir.rstrip("/") else value


def configure_dirs(args: list[str]) -> dict[str, str]:
    """The install directories a configure script's words give (`--prefix=P`, `--sysconfdir D`, every `--*dir`), by
    the make variable they become (`--exec-prefix` is `exec_prefix`)."""
    out: dict[str, str] = {}
    for i, a in enumerate(args):
        name, eq, value = a.partition("=")
        if not name.startswith("--") or not (name in ("--prefix", "--exec-prefix") or name.endswith("dir")):
            continue
        if not eq:
            if i + 1 >= len(args) or args[i + 1].startswith("-"):
                continue
            value = args[i + 1]
        if value and DYN not in value:
            out[name[2:].replace("-", "_").lower()] = value
    return out


def _cmake_config(cmd: SimpleCommand) -> tuple[str | None, dict[str, str]]:
    """(build directory or None for the working one, install directories) of a configuring cmake run:
    `-DCMAKE_INSTALL_PREFIX=P` (`:PATH=` typed or not, the `-D NAME=V` form), `-B DIR`; nothing for
    `cmake --build`, `--install`, `-E`, `-P`."""
    vals = [w.value for w in cmd.args]
    if any(v in ("--build", "--install", "-E", "-P", "--open") or v.startswith(("--build=", "--install=")) for v in vals):
        return None, {}
    build: str | None = None
    dirs: dict[str, str] = {}
    i = 0
    while i < len(vals):
        v = vals[i]
        if v in ("-D", "-B") and i + 1 < len(vals):
            v = v + vals[i + 1]
            i += 1
        i += 1
        if v.startswith("-B") and len(v) > 2:
            build = v[2:]
        elif v.startswith("-DCMAKE_INSTALL_"):
            name, _, value = v[len("-DCMAKE_INSTALL_") :].partition("=")
            name = name.partition(":")[0].lower()
            if value and DYN not in value:
                dirs[name] = value
    return build, dirs


def _meson_config(cmd: SimpleCommand) -> tuple[str | None, dict[str, str]]:
    """(build directory, install directories) of `meson setup B --prefix P` (`meson B --prefix=P`, `meson configure
    B -Dprefix=P`)."""
    vals = [w.value for w in cmd.args]
    if vals[:1] and vals[0] in ("install", "compile", "test", "dist", "introspect", "init", "wrap", "subprojects", "rewrite", "devenv"):
        return None, {}
    if vals[:1] and vals[0] in ("setup", "configure"):
        vals = vals[1:]
    build: str | None = None
    dirs: dict[str, str] = {}
    i = 0
    while i < len(vals):
        v = vals[i]
        i += 1
        name, eq, value = v.partition("=")
        if v.startswith("-D"):
            name, eq, value = v[2:].partition("=")
            if not eq and i < len(vals):
                name, eq, value = vals[i].partition("=")
                i += 1
            name = "--" + name
        elif v.startswith("--") and not eq and i < len(vals) and not vals[i].startswith("-") and (name == "--prefix" or name.endswith("dir")):
            value = vals[i]
            i += 1
        elif not v.startswith("-"):
            build = build or v
            continue
        if (name == "--prefix" or name.endswith("dir")) and value and DYN not in value:
            dirs[name[2:].replace("-", "_").lower()] = value
    return build, dirs


def record(cmd: SimpleCommand, sc: Scope) -> None:
    """Note in Scope.configured the install directories a configuring run of this line records for its build
    directory (`./configure --prefix=P`, `cmake -B b -DCMAKE_INSTALL_PREFIX=P`, `meson setup b --prefix P`)."""
    if cmd.cwd is None or cmd.remote is not None:
        return
    if cmd.name == "configure":
        build, dirs = None, configure_dirs([w.value for w in cmd.args])
    elif cmd.name == "cmake":
        build, dirs = _cmake_config(cmd)
    elif cmd.name == "meson":
        build, dirs = _meson_config(cmd)
    else:
        return
    if not dirs or (build is not None and DYN in build):
        return
    where = sc.path(build, cmd) if build else cmd.cwd
    sc.configured[where] = {k: sc.path(v, cmd) if k in PREFIX_NAMES or v.startswith(("/", "~")) else v for k, v in dirs.items()}
    if cmd.name in ("cmake", "meson"):
        source = _cmake_source(cmd) if cmd.name == "cmake" else _meson_source(cmd)
        if source is not None and DYN not in source:
            sc.configured[where][SOURCE if cmd.name == "cmake" else MESON_SOURCE] = sc.path(source, cmd)


def _meson_source(cmd: SimpleCommand) -> str | None:
    """The source folder a configuring meson run reads: `meson setup BUILD SOURCE`'s second folder, else the working
    folder (`meson setup build`, run where meson.build is); None for `meson configure` (the build's recorded one)."""
    vals = [w.value for w in cmd.args]
    if vals[:1] == ["configure"]:
        return None
    if vals[:1] == ["setup"]:
        vals = vals[1:]
    folders: list[str] = []
    skip = False
    for v in vals:
        if skip:
            skip = False
            continue
        if v.startswith("-"):
            # `--prefix P`, `-D name=v`, `--buildtype T`: a long option without `=` takes the next word (meson's
            # options all take a value but the few switches listed)
            skip = "=" not in v and (v == "-D" or (v.startswith("--") and v not in ("--reconfigure", "--wipe", "--fatal-meson-warnings", "--clearcache")))
            continue
        folders.append(v)
    return folders[1] if len(folders) > 1 else "."


def _cmake_source(cmd: SimpleCommand) -> str | None:
    """The source folder a configuring cmake run reads: `-S DIR`, else its path operand (`cmake ..`), else the working
    folder (`cmake -B build`)."""
    vals = [w.value for w in cmd.args]
    got = _last_value(vals, "-S")
    if got is not None:
        return got
    skip = False
    for v in vals:
        if skip:
            skip = False
            continue
        if v in ("-B", "-D", "-G", "-T", "-A", "-C", "-U", "--preset", "--toolchain", "--install-prefix", "--graphviz", "--log-level"):
            skip = True
            continue
        if not v.startswith("-"):
            return v
    return "."


def destinations(cmd: SimpleCommand, sc: Scope) -> list[tuple[str, str, str]] | None:
    """(path, raw, note) of each directory an install step writes into that its command line does not name: those
    configure, cmake or meson recorded for its build directory (on this line, else in the build directory's files),
    each below DESTDIR.  None: *cmd* is no install step, or one whose build directory clearance cannot read (a `ninja
    install` of a build it does not know: its rules are what build.ninja says)."""
    vals = [w.value for w in cmd.args]
    name = cmd.name
    destdir = cmd.assigns.get("DESTDIR") or None
    given: set[str] = set()
    line: dict[str, str] = {}
    build = ""
    if name in ("make", "gmake"):
        targets = [v for v in vals if not v.startswith("-") and "=" not in v]
        if not any(t == "install" or t.startswith("install-") for t in targets):
            return None
        build = _after(vals, "-C", "--directory") or ""
        for v in vals:
            n, eq, value = v.partition("=")
            if eq and not v.startswith("-"):
                given.add(n.lower())
                if n.lower() == "destdir":
                    destdir = value
    elif name == "cmake":
        if _builds_install(vals):
            build = _after(vals, "--build") or ""  # `cmake --build b --target install`: the install step, built
        elif "--install" in vals or any(v.startswith("--install=") for v in vals):
            build = _after(vals, "--install") or ""
        else:
            return None
        prefix = _after(vals, "--prefix")
        if prefix is not None:
            if DYN in prefix:
                return None
            line["prefix"] = sc.path(prefix, cmd)  # `cmake --install b --prefix P`: P for CMAKE_INSTALL_PREFIX
    elif name == "meson":
        if vals[:1] != ["install"]:
            return None
        build = _after(vals, "-C") or ""
        destdir = _after(vals, "--destdir") or destdir
    elif name in ("ninja", "samu"):
        if "install" not in [v for v in vals if not v.startswith("-")]:
            return None
        build = _after(vals, "-C") or ""
    else:
        return None
    if DYN in build or (destdir is not None and DYN in destdir) or cmd.cwd is None:
        return None
    where = sc.path(build, cmd) if build else cmd.cwd
    # configure writes a Makefile in every folder of the build (AC_CONFIG_FILES): `./configure --prefix=P && make -C
    # src install` installs below P too -- the nearest folder the line configured, at or above this one
    above = [w for w in sc.configured if where == w or where.startswith(w.rstrip("/") + "/")]
    dirs = sc.configured[max(above, key=len)] if above else None
    if dirs is None:
        dirs = _on_disk(where, name, sc)
    if dirs is None and not line:
        return None
    dirs = {**(dirs or {}), **line}
    # An install rule with an absolute destination writes there whatever the prefix says (round 17c): the build
    # description's own destinations are judged too, and when it cannot be read the prefix is judged as a directory
    # written, never as the user's own install prefix (rules/fs._own_prefix_install reads the note).
    # Configured by cmake on this line: what it will generate is not on the disk yet (or is an earlier run's, which
    # this one rewrites), but what it is generated from is -- whichever program then runs the install (cmake --install,
    # or the make or ninja it generated for: `cd build && cmake .. && make install` was read as configure's make).
    if above and SOURCE in dirs:
        fixed = _cmake_source_destinations(dirs[SOURCE], sc)
    elif above and MESON_SOURCE in dirs:
        fixed = _meson_source_destinations(dirs[MESON_SOURCE], sc)
    else:
        fixed = _fixed_destinations(where, name, sc)
    own = INSTALL_PREFIX if fixed is not None else ""
    prefixes = [v.rstrip("/") + "/" for k, v in dirs.items() if k in PREFIX_NAMES and v.startswith("/")] or [_DEFAULT_PREFIX + "/"]
    out: list[tuple[str, str, str]] = [
        (under(destdir, d) if destdir else d, f"DESTINATION {d}", "") for d in fixed or () if not any(d.startswith(p) for p in prefixes)
    ]
    for var, value in dirs.items():
        if var in given or var == "destdir" or not value or var in (SOURCE, MESON_SOURCE):
            continue
        if var not in PREFIX_NAMES and not value.startswith("/"):
            continue  # a directory below the prefix (meson's sysconfdir=etc): the prefix's own effect covers it
        path = under(destdir, value) if destdir else value
        out.append((path, f"{var}={value}", own if var in PREFIX_NAMES else ""))
    return out


def _builds_install(vals: list[str]) -> bool:
    """`cmake --build B --target install` (`-t install`, `--target=install`, `--target all install`)."""
    if "--build" not in vals and not any(v.startswith("--build=") for v in vals):
        return False
    targets = False
    for v in vals:
        if v == "--":
            return False
        if v in ("--target", "-t"):
            targets = True
        elif v.startswith("--target="):
            targets = False
            if "install" in v[len("--target=") :].split(","):
                return True
        elif v.startswith("-"):
            targets = False
        elif targets and v == "install":
            return True
    return False


def option_value(vals: list[str], *names: str) -> str | None:
    """The value of the last of the options *names* in *vals* (``_after``)."""
    return _after(vals, *names)


def configured_by(cmd: SimpleCommand) -> tuple[str | None, dict[str, str]]:
    """(build directory or None, install directories as typed) a configuring cmake or meson run records."""
    return _cmake_config(cmd) if cmd.name == "cmake" else _meson_config(cmd) if cmd.name == "meson" else (None, {})


def _after(vals: list[str], *names: str) -> str | None:
    """The value of the last of the options *names* (`-C DIR`, `-CDIR`, `--directory=DIR`): options.option_value."""
    return _last_value(vals, *names)


def _build_reader(where: str, sc: Scope) -> Callable[[str], str | None] | None:
    """How the files of the build directory *where* are read: a file past what clearance reads is None (nothing known
    from it).  None: no disk, or a build directory neither in the project nor in the temporary folder."""
    from ..model import TOO_LARGE

    disk = sc.ctx.read_file
    if disk is None or DYN in where or not (sc.inside_project(where) or sc.in_temp(where)):
        return None

    def reader(path: str) -> str | None:
        text = disk(path)
        return None if text == TOO_LARGE else text

    return reader


def _on_disk(where: str, name: str, sc: Scope) -> dict[str, str] | None:
    """The install directories the build directory *where* records on the disk: config.status's configure options,
    else the Makefile's own directory assignments (make); CMakeCache.txt (cmake, ninja); meson-info (meson, ninja).
    The default prefix is no recorded choice (left out).  None: nothing readable (a file past what clearance reads
    included; for ninja, no build of CMake or Meson there); {} for one read that records nothing but the defaults."""
    reader = _build_reader(where, sc)
    if reader is None:
        return None
    if name in ("make", "gmake") and reader(where + "/CMakeCache.txt") is not None:
        name = "cmake"  # a Makefile CMake generated: its install step installs below CMAKE_INSTALL_PREFIX
    if name in ("make", "gmake"):
        # make reads the Makefile, whatever config.status says configure was given: both are read, and the Makefile's
        # own assignments are added (a config.status naming ~/.local beside a Makefile saying prefix = /usr installs
        # into /usr: round 17c)
        status: dict[str, str] | None = None
        text = reader(where + "/config.status")
        if text is not None and (m := _AC_CS_CONFIG.search(text)):
            import shlex

            try:
                words = shlex.split(m.group(2))
            except ValueError:
                words = []
            status = {k: sc.path(v) if k in PREFIX_NAMES or v.startswith(("/", "~")) else v for k, v in configure_dirs(words).items()}
        text = reader(where + "/Makefile")
        if text is None:
            return status
        from .outputs_table import TABLE

        names = str(TABLE["make"].get("assign_dirs", "")).split()
        pairs = ((m.group(1), m.group(2).rstrip(" \t")) for m in _MAKE_DIR_ASSIGN.finditer(text))
        found = _without_default({k: v for k, v in pairs if k in names and k != "destdir" and v.startswith("/")})
        if status is None:
            return found
        return {**status, **{k: v for k, v in found.items() if status.get(k) != v}} if found else status
    found = {}
    text = reader(where + "/CMakeCache.txt") if name in ("cmake", "ninja", "samu") else None
    if text is not None:
        found = {m.group(1).lower(): m.group(2) for m in _CMAKE_CACHE.finditer(text) if m.group(2).startswith("/")}
        return _without_default(found)
    text = reader(where + "/meson-info/intro-buildoptions.json") if name in ("meson", "ninja", "samu") else None
    if text is not None:
        import json

        try:
            options = json.loads(text)
        except ValueError:
            return None
        if not isinstance(options, list):
            return None
        for o in options:
            if isinstance(o, dict) and o.get("section") == "directory" and isinstance(o.get("value"), str) and isinstance(o.get("name"), str):
                found[o["name"].lower()] = o["value"]
        return _without_default(found)
    return None


def _fixed_destinations(where: str, name: str, sc: Scope) -> list[str] | None:
    """The absolute destinations a CMake or Meson build's install rules name, which no prefix moves: cmake_install.cmake
    (and the subdirectory scripts it includes) for CMake, meson-info/intro-installed.json for Meson.  [] for a make
    build of configure (its recipes are read as the Makefile's) and for rules all below the prefix; None when the
    build's install description cannot be read (no disk, past what clearance reads, a destination of a variable)."""
    reader = _build_reader(where, sc)
    if reader is None:
        return None
    cmake = name == "cmake" or (name in ("make", "gmake", "ninja", "samu") and reader(where + "/CMakeCache.txt") is not None)
    if cmake:
        found: list[str] = []
        todo, seen = [where + "/cmake_install.cmake"], set()
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            seen.add(path)
            if len(seen) > _MAX_INSTALL_SCRIPTS:
                return None
            text = reader(path)
            if text is None:
                return None
            for m in _CMAKE_INSTALL_DEST.finditer(text):
                dest = m.group(1)
                if dest.startswith("${CMAKE_INSTALL_PREFIX}") and "$" not in dest[len("${CMAKE_INSTALL_PREFIX}") :]:
                    continue  # below the prefix: the prefix's own effect covers it
                if "$" in dest or not dest.startswith("/"):
                    return None  # a variable's value, or a path CMake resolves otherwise: not known here
                found.append(dest)
            todo.extend(m.group(1) for m in _CMAKE_INSTALL_INCLUDE.finditer(text) if m.group(1).endswith("/cmake_install.cmake"))
        return found
    meson = name == "meson" or (name in ("ninja", "samu") and reader(where + "/meson-info/intro-buildoptions.json") is not None)
    if meson:
        text = reader(where + "/meson-info/intro-installed.json")
        if text is None:
            return None
        import json

        try:
            installed = json.loads(text)
        except ValueError:
            return None
        if not isinstance(installed, dict) or not all(isinstance(v, str) and v.startswith("/") for v in installed.values()):
            return None
        return sorted(set(installed.values()))
    if name in ("ninja", "samu"):
        return None  # a ninja build neither CMake's nor Meson's on the disk: its install rules are what build.ninja says
    return []


def _cmake_source_destinations(source: str, sc: Scope) -> list[str] | None:
    """The absolute destinations the install() rules of a CMake project's CMakeLists.txt files name (those of the
    folders add_subdirectory adds, too), for a build configured on the same line as its install (fix19b: `cmake -B b
    -DCMAKE_INSTALL_PREFIX=~/.local && cmake --build b && cmake --install b` was asked where `./configure
    --prefix=~/.local && make && make install` was allowed). A destination below the prefix (relative, or
    ${CMAKE_INSTALL_…}) is the prefix's; None when a file cannot be read or a destination is another variable's."""
    return _source_destinations(source, sc, "CMakeLists.txt", _cmake_file)


def _cmake_file(text: str) -> tuple[list[str], list[str]] | None:
    """One CMakeLists.txt's absolute install destinations and the folders it adds, or None (a variable's value)."""
    found: list[str] = []
    for m in _CMAKE_SOURCE_DEST.finditer(text):
        dest = m.group(1).strip('"')
        if dest.startswith("${CMAKE_INSTALL_") and "$" not in dest[dest.find("}") + 1 :]:
            continue  # GNUInstallDirs' directories, below the prefix
        if "$" in dest:
            return None  # another variable's value: not known here
        if dest.startswith("/"):
            found.append(dest)
    subs = [m.group(1).strip('"') for m in _CMAKE_SOURCE_SUBDIR.finditer(text)]
    return None if any("$" in sub for sub in subs) else (found, subs)


def _meson_source_destinations(source: str, sc: Scope) -> list[str] | None:
    """The absolute destinations the install rules of a Meson project's meson.build files name (those of the folders
    subdir() adds, too), for a build configured on the same line as its install (fix20b, as fix19b read CMakeLists.txt:
    `meson setup b --prefix ~/.local && meson install -C b` was asked). A destination below the prefix -- a relative
    string, a directory option (`get_option('datadir') / 'app'`, join_paths of one) -- is the prefix's; None when a file
    cannot be read, a destination is a variable's value or a list, or the project runs an install script."""
    return _source_destinations(source, sc, "meson.build", _meson_file)


def _meson_file(text: str) -> tuple[list[str], list[str]] | None:
    """One meson.build's absolute install destinations and the folders it adds, or None (an install script, a value
    not known here)."""
    if _MESON_SCRIPT.search(text):
        return None  # a script meson install runs: what it writes is its own
    found: list[str] = []
    for m in (*_MESON_INSTALL_DIR.finditer(text), *_MESON_EMPTYDIR.finditer(text)):
        dest = _meson_dir(m.group(1))
        if dest is None:
            return None
        if dest.startswith("/"):
            found.append(dest)
    subs: list[str] = []
    for m in _MESON_SUBDIR.finditer(text):
        sub = _meson_string(m.group(1).strip())
        if sub is None:
            return None
        subs.append(sub)
    return found, subs


def _source_destinations(source: str, sc: Scope, build_file: str, read_one: Callable[[str], tuple[list[str], list[str]] | None]) -> list[str] | None:
    """The absolute install destinations a build system's files name, from *source*'s *build_file* and those of the
    folders each adds (bounded by _MAX_INSTALL_SCRIPTS); None when a file cannot be read, *read_one* cannot tell, or a
    folder added is absolute or climbs out with `..`."""
    reader = _build_reader(source, sc)
    if reader is None:
        return None
    found: list[str] = []
    todo, seen = [source.rstrip("/")], set()
    while todo:
        folder = todo.pop()
        if folder in seen:
            continue
        seen.add(folder)
        if len(seen) > _MAX_INSTALL_SCRIPTS:
            return None
        text = reader(folder + "/" + build_file)
        read = None if text is None else read_one(text)
        if read is None:
            return None
        dests, subs = read
        found.extend(dests)
        for sub in subs:
            if sub.startswith("/") or ".." in sub.split("/"):
                return None
            todo.append(folder + "/" + sub)
    return found


def _meson_string(expr: str) -> str | None:
    """The text of a Meson string literal ('…', no format or concatenation), else None."""
    if len(expr) >= 2 and expr[0] == expr[-1] == "'" and "'" not in expr[1:-1]:
        return expr[1:-1]
    return None


def _meson_dir(expr: str) -> str | None:
    """Where an install_dir expression (cut at its first comma) points: an absolute path, "" for below the prefix (a
    relative string, a directory option, either joined with `/` to a relative string without `..`, join_paths led by
    one, `false` for nothing installed), None when not known here (a variable, a list, `+`, a string with @…@)."""
    expr = expr.strip()
    while expr.endswith(")") and expr.count("(") < expr.count(")"):
        expr = expr[:-1].rstrip()  # the call's own closing parenthesis
    if expr.startswith("join_paths("):
        expr = expr[len("join_paths(") :].strip()  # its first part decides where it lands (the rest was cut at the comma)
        while expr.endswith(")") and expr.count("(") < expr.count(")"):
            expr = expr[:-1].rstrip()
    if expr == "false":
        return ""
    head, _, rest = expr.partition("/") if expr.startswith("get_option(") else ("", "", "")
    if expr.startswith("'"):
        end = expr.find("'", 1)
        if end < 0:
            return None
        head, rest = expr[: end + 1], expr[end + 1 :].strip()
        if rest and not rest.startswith("/"):
            return None
        rest = rest[1:]
    base = _meson_string(head.strip()) if head.startswith("'") else ("" if _MESON_OPTION.fullmatch(head.strip()) else None)
    if base is None or "@" in base:
        return None
    if rest.strip():
        tail = _meson_string(rest.strip())
        if tail is None or tail.startswith("/") or ".." in tail.split("/") or "@" in tail:
            return None  # `/` with an absolute right side is that side; `..` climbs out of the prefix
    return base if base.startswith("/") else ""


def _without_default(found: dict[str, str]) -> dict[str, str]:
    """*found* without the default prefix (/usr/local): an install there is judged as a plain `make install` is."""
    return {k: v for k, v in found.items() if not (k in PREFIX_NAMES and v.rstrip("/") == _DEFAULT_PREFIX)}
