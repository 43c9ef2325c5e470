"""A program found through the PATH the line itself sets (round 19a, fix20a).

`PATH=$PWD/bin:$PATH lint`, `export PATH=./node_modules/.bin:$PATH; x`, `env PATH=.:/usr/bin x`, `PATH=:$PATH x` (an
empty entry is the current folder): bash looks the bare name up in the folders the line put first, so what runs is
the file of that name there -- a file the agent wrote, or can write without being asked (the project and the temporary
folders) -- and not the system program the name reads as.  The same for the programs a program looks up on PATH by a
name it builds: `git NAME` runs `git-NAME` (when NAME is not one of git's own commands), a `NAME::URL` or an unknown
`NAME://URL` remote runs `git-remote-NAME`, `cargo NAME` runs `cargo-NAME`, `kubectl NAME` runs `kubectl-NAME`.

`found_on_path` answers the commands that run such a file, each with the file as its first word, so that the
engine's script readers (scripts.script_runs) read it as they read `./bin/lint`: a shell or interpreter script is
judged as the same code typed, a file that is not there leaves the system program (nothing is read), a binary is
what `./bin/x` of it is.  Loaded only for a command whose environment holds PATH, or in a shell session an earlier
call put a folder first on the PATH of (shell/persist.py).
"""

from __future__ import annotations

from .. import paths, pathstr
from ..paths import DYN
from .ir import SimpleCommand, Word

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..scope import Scope

# The programs that run `PREFIX + NAME` found on PATH for a subcommand NAME they do not have themselves.
_PLUGIN_PREFIXES = {"git": "git-", "cargo": "cargo-", "kubectl": "kubectl-"}
# git's transports of its own (git-remote-http(s), -ftp(s) and -ext/-fd live in git's exec path, searched first;
# ssh, git and file are built in): any other `NAME://` or `NAME::` remote runs git-remote-NAME from PATH.
_GIT_TRANSPORTS = frozenset({"http", "https", "ftp", "ftps", "ssh", "git", "file", "ext", "fd", "git+ssh", "ssh+git"})
_MAX_FOLDERS = 16


def line_folders(cmd: SimpleCommand, sc: Scope, session: str | None = None) -> tuple[list[str], list[str]]:
    """The folders the command's PATH puts before the PATH the shell had, and those it appends after it, that the agent
    may write to without being asked (the project, the temporary folders), each in their order; an empty entry is the
    command's folder, as in bash.  *session*: the folders an earlier call put first on a persisting shell's PATH
    (":"-joined), which the inherited `$PATH` holds."""
    path = cmd.assigns.get("PATH")
    first: list[str] = []
    after: list[str] = []
    inherited = path is None
    if path is not None:
        had = set((sc.ctx.env.get("PATH") or "").split(":")) - {""}
        for entry in path.split(":"):
            if DYN in entry:
                inherited = True  # `$PATH`: what the shell had begins here
                if entry != DYN:
                    break  # `${X}/bin`: not known
                continue
            if entry not in had:
                (after if inherited else first).append(entry or ".")
    if inherited and session:
        first.extend(session.split(":"))
    return _writable(first, cmd, sc), _writable(after, cmd, sc)


def _writable(entries: list[str], cmd: SimpleCommand, sc: Scope) -> list[str]:
    out: list[str] = []
    cwd = cmd.cwd or sc.ctx.cwd or "/"
    for entry in entries[: _MAX_FOLDERS * 2]:
        if not entry or DYN in entry:
            continue
        folder = pathstr.normpath(entry if entry.startswith("/") else pathstr.join(cwd, entry))
        if folder not in out and (sc.inside_project(folder) or sc.in_temp(folder)):
            out.append(folder)
        if len(out) >= _MAX_FOLDERS:
            break
    return out


def _first_file(name: str, folders: list[str], sc: Scope) -> str | None:
    """The first FOLDER/NAME that is there (on the engine's disk, with what the line wrote before it)."""
    read = sc.ctx.read_file
    if read is None or not name or "/" in name or DYN in name:
        return None
    for folder in folders:
        p = folder + "/" + name
        if read(p) is not None:
            return p
    return None


def _running(cmd: SimpleCommand, path: str, name: str, args: list[Word], via: str = "PATH") -> SimpleCommand:
    new = cmd.derive([Word(name, path), *args], via)
    cmd.inner.pop()  # (derive notes the payload on its wrapper: this one is read only)
    return new


def _helper_names(cmd: SimpleCommand) -> list[tuple[str, int]]:
    """(program name, index of the first word it is given) for the helpers *cmd* looks up on PATH by name."""
    prefix = _PLUGIN_PREFIXES.get(cmd.name)
    if prefix is None:
        return []
    values = cmd.values()
    out: list[tuple[str, int]] = []
    if cmd.name == "git":
        from .programs import GIT_BUILTINS, git_subcommand_at

        i = git_subcommand_at(values)
        if i < len(values) and values[i] not in GIT_BUILTINS and DYN not in values[i]:
            out.append((prefix + values[i], i + 1))
        for v in values[i + 1 :]:
            scheme, sep, _ = v.partition("::") if "::" in v else v.partition("://")
            if sep and scheme and DYN not in scheme and "/" not in scheme and scheme.lower() not in _GIT_TRANSPORTS:
                out.append(("git-remote-" + scheme, len(values)))
        return out
    i = next((k for k, v in enumerate(values) if not v.startswith(("-", "+"))), len(values))
    if i < len(values) and DYN not in values[i]:
        out.append((prefix + values[i], i + 1))
    return out


def found_on_path(cmd: SimpleCommand, sc: Scope, session: str | None = None) -> list[SimpleCommand]:
    """The commands that run a file the agent may have written, found through the PATH *cmd* is given: *cmd* itself
    with that file as its first word when its bare name is found there (in a folder appended after the inherited
    PATH only for a name clearance knows no program by), and git's, cargo's and kubectl's helpers found there (given
    the words after their subcommand)."""
    if not cmd.argv or "/" in cmd.argv[0].raw or cmd.remote is not None:
        return []
    out: list[SimpleCommand] = []
    if cmd.name in _RUSTUP_RUNS:
        out += _toolchain_program(cmd, sc)
    first, after = line_folders(cmd, sc, session)
    if not first and not after:
        return out
    name = cmd.name
    own = _first_file(name, first, sc)
    if own is None and after:
        from ..rules.fs import _known_commands

        if name not in _known_commands():
            # `PATH=$PATH:./bin lint`: a name no system program has is found in a folder the line appends.
            own = _first_file(name, after, sc)
    if own is not None:
        out.append(_running(cmd, own, name, cmd.argv[1:]))
    for helper, at in _helper_names(cmd)[:4]:
        found = _first_file(helper, first + after, sc)
        if found is not None:
            out.append(_running(cmd, found, helper, cmd.argv[1 + at :]))
    return out


TOOLCHAIN = "rustup toolchain"  # the via of a toolchain's program (the engine's label)
# rustup's proxies (shell/unwrap.RUSTUP_PROXIES) and rustup itself (`rustup run TOOLCHAIN CMD`).
_RUSTUP_RUNS = frozenset({"cargo", "rustc", "rustdoc", "rustfmt", "cargo-fmt", "cargo-clippy", "clippy-driver", "rust-analyzer", "cargo-miri", "rustup"})


def _toolchain_program(cmd: SimpleCommand, sc: Scope) -> list[SimpleCommand]:
    """`cargo +./tc build`, `RUSTUP_TOOLCHAIN=./tc cargo test`, `rustup run ./tc cargo build`: rustup runs
    TOOLCHAIN/bin/NAME, read as that file is where it lies in the project (the temporary folder: rules/system.py asks)."""
    from ..rules.system import toolchain_path

    vals = cmd.values()
    ops = [v for v in vals if not v.startswith("-")]
    picked = toolchain_path(cmd, ops, vals)
    if picked is None:
        return []
    folder = sc.path(picked, cmd)
    if not sc.inside_project(folder):
        return []
    if cmd.name == "rustup":
        at = vals.index(ops[1]) + 1 if len(ops) > 1 else len(vals)
        if at >= len(vals) or "/" in vals[at] or DYN in vals[at]:
            return []
        name, args = vals[at], cmd.argv[at + 2 :]
    else:
        name, args = cmd.name, cmd.argv[2:] if vals[:1] and vals[0].startswith("+") else cmd.argv[1:]
    found = _first_file(name, [folder + "/bin"], sc)
    return [_running(cmd, found, name, args, TOOLCHAIN)] if found is not None else []


def inherit(commands: list[SimpleCommand]) -> None:
    """A command's PATH reaches the commands it runs on its behalf (`PATH=./bin:$PATH bash -c lint`: the shell's
    child finds lint there too) unless they are given their own."""
    for c in commands:
        path = c.assigns.get("PATH")
        if path is None:
            continue
        for inner in c.runs()[1:]:
            if "PATH" not in inner.assigns and inner.remote is None:
                inner.assigns = {**inner.assigns, "PATH": path}


# Programs that act by the name they are run under (one binary for many commands): a link to one runs the command its
# name says, as the link's name reads.
_MULTICALL = frozenset({"busybox", "toybox", "coreutils", "uutils", "box"})


def through_link(cmd: SimpleCommand, sc: Scope, session: str | None = None) -> None:
    """Round 20b: a command whose file is a symlink to a program of another name (`ln -s /bin/rm bin/cat`, then
    `./bin/cat F` or `PATH=./bin:$PATH cat F`, on one line or the disk): what runs is that program, which acts by what
    it is and not by the link's name, so the command is judged as that program run by its path (`/bin/rm F`).  Only a
    link into a folder the script readers do not read (outside the project and the temporary folders: the system's
    programs) is followed; a multi-call binary (busybox) acts by the link's name and is left as it reads."""
    if not cmd.argv or cmd.remote is not None or DYN in cmd.argv[0].raw:
        return
    raw = cmd.argv[0].raw.strip("'\"")
    if "/" in raw:
        cwd = cmd.cwd or sc.ctx.cwd or "/"
        home = sc.ctx.home
        at = pathstr.normpath(paths.expand_home(raw, home) if raw.startswith("~") else raw if raw.startswith("/") else pathstr.join(cwd, raw))
        if not (sc.inside_project(at) or sc.in_temp(at) or (home and paths.is_within(at, home))):
            return  # a link in the system's folders (/bin/sh -> dash, /usr/bin/awk -> mawk) is the administrator's
        where = sc.path(raw, cmd)
    else:
        first, _ = line_folders(cmd, sc, session)
        found = next((f + "/" + cmd.name for f in first if sc._link_target(f + "/" + cmd.name) is not None), None)
        if found is None:
            return
        at = where = found
    if where != at and pathstr.basename(where) != pathstr.basename(at):
        target: str | None = where  # (Scope.path reads a path through the links the line made: `./bin/cat` is /bin/rm)
    else:
        target = sc._link_target(at)
    if target is None or DYN in target:
        return
    for _ in range(8):  # a link to a link: the program at the end of the chain
        further = sc._link_target(target)
        if further is None or DYN in further:
            break
        target = further
    name = pathstr.basename(target)
    if not name or _family(name) == _family(cmd.name) or name in _MULTICALL or sc.inside_project(target) or sc.in_temp(target):
        return  # (`.venv/bin/python` -> /usr/bin/python3.11: the same program)
    cmd.argv = [Word(name, target), *cmd.argv[1:]]


def _family(name: str) -> str:
    """A program's name without its version (`python3.11`, `node-18`: python, node)."""
    return name.rstrip("0123456789.-") or name
