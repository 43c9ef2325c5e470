"""A file produced and run in one command line (shell.written-then-run, engine.analyse_shell).

`base64 -d x > t.sh && bash t.sh`: the file that runs is written by the same command line, from content clearance
cannot read, so what is on the disk when it decides is not what runs.  Kept out of the rule packs: the engine calls it
for every command line of more than one command, and it must not load a pack to say "nothing here".
"""

from __future__ import annotations

from . import paths
from .shell.programs import run_targets as run_targets
from .shell.programs import source_targets as source_targets

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .scope import Scope
    from .shell.effects import Effect
    from .shell.ir import SimpleCommand

_FETCHERS = frozenset({"curl", "wget", "aria2c", "http", "xh", "fetch"})
# Commands that change a file's mode, owner or times, never what it holds: what runs after them is what was there.
_METADATA = frozenset({"chmod", "chown", "chgrp", "touch", "chattr", "setfacl", "xattr"})


def sed_edit_known(c: SimpleCommand, sc: Scope) -> bool:
    """A sed that only substitutes in place (`sed -i 's/OLD/NEW/g' FILE`), whose files read after the edit are known:
    worked out from the disk where the hook reads it (sededit), or, where it reads no file (the team service), as
    unknown as any project file run there, with the text the edit adds judged (engine._check_written_scripts)."""
    from .sededit import edited_texts, plan

    argv = [w.value for w in c.argv]
    if any(paths.DYN in v for v in argv) or plan(argv) is None:
        return False
    if sc.ctx.read_file is None:
        return True
    return edited_texts(argv, lambda f: sc.path(f, c), sc.ctx.read_file) is not None


def written_then_run(commands: list[SimpleCommand], sc: Scope) -> str | None:
    """A file written earlier in the same command line by a command whose output clearance cannot read (a decoder, a
    copy, a generator), then executed: what runs is not on the disk when clearance decides.  A literal `printf … > x.sh`
    is judged as written (engine._check_written_scripts), a download by rce.download-then-run."""
    from .shell.effects import DELETE, WRITE, effects
    from .shell.unwrap import literal_output

    if not any(run_targets(c) or "PATH" in c.assigns for c in commands[1:]):
        return None
    written: dict[str, str] = {}
    for c in commands:
        if written:
            for cand in run_targets(c) + _looked_up(c, sc):
                p = sc.path(cand, c)
                if p in written:
                    return f"{c.name} runs {cand}, which {written[p]} wrote just before from content clearance cannot read"
        if c.name in _FETCHERS or c.name in _METADATA:
            continue
        if literal_output(c) is not None:
            # `echo safe > x.sh` replaces what was written before with text that is read (engine._check_written_scripts)
            for r in c.redirects:
                if r.op in (">", ">|", "&>") and r.target is not None and not r.fd:
                    written.pop(sc.word_path(r.target, c), None)
            continue
        if any(r.op in ("<<", "<<<") and r.body is not None for r in c.redirects):
            continue  # its input is a here-document, which is there to read (a list's `cat > x <<EOF` is attached so)
        if c.name in ("sed", "gsed") and sed_edit_known(c, sc):
            continue  # `sed -i 's/x/y/' t.py`: the edited file is read as it will be (engine._check_scripts)
        for e in effects(c, sc):
            if e.kind == WRITE and paths.DYN not in e.path:
                written[e.path] = c.name
            elif e.kind == DELETE and e.note != "moved away":
                written.pop(e.path, None)  # `rm x.sh`: what was written is gone
    return None


def _looked_up(c: SimpleCommand, sc: Scope) -> list[str]:
    """Where the PATH *c* is given finds its bare name first (round 20b: `cp /bin/rm bin/cat && PATH=./bin:$PATH cat F`
    runs the copy, which the disk does not hold yet; shell/pathlookup.py reads the file found only on the disk)."""
    if "PATH" not in c.assigns or not c.argv or "/" in c.argv[0].raw or paths.DYN in c.name:
        return []
    from .shell.pathlookup import line_folders

    return [f + "/" + c.name for f in line_folders(c, sc)[0]]


# install(1)'s and cp's options that take the next word as their value.
_COPY_VALUED = frozenset({"-m", "--mode", "-o", "--owner", "-g", "--group", "-t", "--target-directory", "-S", "--suffix", "-T"})
# rsync's options that take the next word as their value (a local copy is a copy: fix16, loose15's open item).
_RSYNC_VALUED = frozenset(
    {"-e", "--rsh", "-f", "--filter", "--exclude", "--include", "--exclude-from", "--include-from", "--files-from", "-B", "--block-size"}
    | {"-T", "--temp-dir", "-M", "--remote-option", "--chmod", "--chown", "--usermap", "--groupmap", "--suffix", "--backup-dir"}
    | {"--compare-dest", "--copy-dest", "--link-dest", "--partial-dir", "--log-file", "--out-format", "--timeout", "--bwlimit", "--max-size"}
    | {"--min-size", "--port", "--password-file", "--iconv", "-@", "--modify-window", "--skip-compress", "--rsync-path", "--info", "--debug"}
)


def copied_text(c: SimpleCommand, sc: Scope) -> tuple[list[str], str] | None:
    """([destination], text) of `cp SRC DST`, `mv SRC DST`, `install [-m MODE] SRC DST`, `rsync [OPTIONS] SRC DST` (a
    local copy; DST a folder: DST/NAME) and of
    `cat SRC` (its output, no destination), where SRC is one file the hook reads (the project, a temporary folder): the
    destination gets that text, judged as a Write of it is (adversarial round 15a: `cp /tmp/c.py conftest.py` put code
    clearance asks about when written where pytest runs it, unjudged). None for anything else."""
    vals = [w.value for w in c.args]
    if any(paths.DYN in v for v in vals):
        return None
    ops: list[str] = []
    i = 0
    while i < len(vals):
        v = vals[i]
        if (v in _COPY_VALUED and c.name == "install") or (c.name == "rsync" and v in _RSYNC_VALUED):
            i += 2
            continue
        if c.name == "rsync" and v[:1] == "-":
            i += 1
            continue  # rsync's own options (-T, --files-from, … are valued: _RSYNC_VALUED)
        if v == "-t" or v.startswith(("--target-directory", "-T")):
            return None  # a target folder given by option: several sources, left to the tree readers
        if not v.startswith("-") or v == "-":
            ops.append(v)
        i += 1
    if c.name == "cat":
        if len(ops) != 1:
            return None
        src = sc.path(ops[0], c)
        dest: list[str] = []
    else:
        if len(ops) != 2 or (c.name == "rsync" and any(":" in o.split("/", 1)[0] for o in ops)):
            return None  # (rsync HOST:PATH: another machine's file)
        src, dst = sc.path(ops[0], c), sc.path(ops[1], c)
        lister = sc.ctx.list_dir
        if lister is not None and lister(dst) is not None:
            dst = dst.rstrip("/") + "/" + src.rstrip("/").rpartition("/")[2]
        dest = [dst]
    reader = sc.ctx.read_file
    if reader is None or not (paths.is_within(src, sc.ctx.project_root) or paths.freely_written(src, sc.ctx)):
        return None
    from .model import TOO_LARGE

    text = reader(src)
    if text is None or text == TOO_LARGE or "\x00" in text[:8192]:
        return None
    return dest, text


# Commands that, between a file's creation and its removal on one line, do no more than their effects say (read,
# write, list, wait): none of them puts data that was elsewhere at the created path (a move would; `mv` has a
# deletion of its source and is refused by that).
_PLAIN_BETWEEN = frozenset(
    {"mkdir", "cd", "pushd", "popd", "echo", "printf", "true", ":", "pwd", "ls", "test", "[", "touch", "cat", "tee", "cp"}
    | {"head", "tail", "wc", "grep", "stat", "file", "diff", "cmp", "sort", "sleep", "date", "du", "df", "chmod"}
    | {"md5sum", "sha256sum", "sha1sum", "realpath", "readlink", "basename", "dirname", "id", "whoami", "uname"}
)
# Removers that unlink the name they are given (a link itself, never what it points at) and leave nothing behind.
_UNLINKERS = frozenset({"rm", "rmdir", "unlink"})


def made_then_removed(effs: list[Effect], commands: list[SimpleCommand], positions: list[int], sc: Scope) -> dict[int, bool]:
    """For the effects of one command line (by index): the removals (rm, rmdir, unlink) of a path an earlier command
    of the same line creates (`touch ~/x && rm ~/x`, `mkdir ~/play && … && rm -r ~/play`), with only plain commands
    (``_PLAIN_BETWEEN``: no move, no link, no program of unknown effects) between the two.  The value says whether the
    path is known to be absent now (the local hook's look at the disk, ``owns("n<TAB>…")``): then what goes is only
    what the line made, and the creating write (by its index, True) leaves nothing behind either; False where the disk
    cannot be asked (the team service): the path may have held the user's file already. A path the disk shows is
    there is left out: what goes is the user's."""
    from .shell.effects import DELETE, TREE, WRITE

    if len(positions) != len(effs):
        return {}
    owns = sc.ctx.owns
    made: dict[str, tuple[int, int]] = {}  # path -> (index of the command that creates it, of its effect)
    out: dict[int, bool] = {}
    for n, e in enumerate(effs):
        c, at = e.cmd, positions[n]
        if c is None or c.remote is not None or paths.DYN in e.path or paths.has_glob(e.path):
            continue
        if e.kind == DELETE and c.name in _UNLINKERS and not c.via and e.note != "moved away" and e.path in made:
            since, first = made[e.path]
            between = range(since + 1, at)
            if all(commands[k].name in _PLAIN_BETWEEN and not commands[k].via for k in between) and not any(
                positions[m] in between and (x.kind in (DELETE, TREE) or (x.cmd is not None and x.cmd.name in ("ln", "mv"))) for m, x in enumerate(effs)
            ):
                if owns is None:
                    out[n] = False
                elif owns("n\t" + e.path):
                    out[n] = out[first] = True  # the creation too: a file that was not there and is gone when the line ends
            continue
        if e.kind == WRITE and not e.recursive and e.note not in ("chmod", "chown", "chgrp") and c.name not in ("ln", "mv"):
            if not any(positions[m] == at and x.kind in (DELETE, TREE) for m, x in enumerate(effs)):
                made.setdefault(e.path, (at, n))
    return out
