"""Where a command moves what existed before (provenance.creations' ``x`` entries): imported only for a command
that moves something, so the hook's ordinary calls do not load this code (bench/callgrind_hook.py)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Context
    from .shell.effects import Effect


def moved_in(effs: list[Effect], ctx: Context | None) -> list[tuple[str, str]]:
    """``("x", DEST)`` for each place a command moves what existed before into (`mv SRC DEST`, `git mv`, `rsync
    --remove-source-files`, `rclone move`: a delete noted as a move, and the same command's writes). What lands there
    keeps its history: a directory the session made does not make it the session's own (``Provenance.foreign``),
    nor a folder named like build output regenerable (``paths.generated_here``), unless every source moved was the
    session's own already or build output itself."""
    from .shell.effects import DELETE, WRITE, Effect

    moving = [e for e in effs if e.kind == DELETE and e.note.startswith("moved") and e.cmd is not None]
    for e in effs:
        # Code's moves (shutil.move, os.rename, Path.rename, fs.renameSync …: CodeFacts.moved): the write of the old
        # name is the move's source, the code's other writes where it may land.
        old = getattr(e.cmd.code, "moved", None) if e.cmd is not None else None
        if old and e.kind == WRITE and e.note == "code" and e.raw in old:
            moving.append(Effect(DELETE, e.path, e.raw, True, e.cmd, "moved away"))
    if not moving:
        return []
    from .paths import is_generated

    owns = ctx.owns if ctx is not None else None
    root = ctx.project_root if ctx is not None else ""
    out: list[tuple[str, str]] = []
    for cmd in {id(e.cmd): e.cmd for e in moving}.values():
        sources = [e.path for e in moving if e.cmd is cmd]
        if all(p.startswith("/") and ((owns is not None and owns(p)) or (root and is_generated(p, root))) for p in sources):
            continue  # the session's own data, or build output, moved: what lands is no more than it was
        for e in effs:
            if e.kind == WRITE and e.cmd is cmd and e.path.startswith("/") and e.path not in sources and ("x", e.path) not in out:
                out.append(("x", e.path))
    return out
