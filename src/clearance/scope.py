"""What every check may ask about the place an action runs in."""

from __future__ import annotations

from . import paths
from .paths import DYN
from .trust import DEFAULT_TRUST, Trust

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Context
    from .shell.ir import SimpleCommand, Word


class Scope:
    """The context of one decision plus the trust boundary, with path helpers."""

    __slots__ = ("ctx", "trust", "_cache", "remotes", "deadline", "fetches", "landed")

    def __init__(self, ctx: Context, trust: Trust | None = None) -> None:
        self.ctx = ctx
        self.trust = (trust or DEFAULT_TRUST).for_home(ctx.home)
        self._cache: dict[int, object] = {}
        # git remotes the command itself adds (`git remote add x URL && git push x`): name -> URL.
        self.remotes: dict[str, str] = {}
        # The command line runs `git fetch` or `git pull`: FETCH_HEAD on the disk is not what a later command of it uses.
        self.fetches = False
        # (path, text, command) of archive members and copied files that land where a tool loads them (effects.tree_into):
        # judged as the same file written by Write (engine._check_written_scripts).
        self.landed: list[tuple[str, str, SimpleCommand]] = []
        # time.perf_counter() value past which the engine gives up (engine.DEADLINE_S); none by default.
        self.deadline = float("inf")

    def path(self, value: str, cmd: SimpleCommand | None = None) -> str:
        """Resolve a path word.  Unknown working directory -> a dynamic prefix."""
        if cmd is not None and cmd.remote is not None:
            return "/" + DYN + "remote:" + value
        if self.ctx.platform.startswith(("win32", "cygwin", "msys")):
            value = paths.win32_name(value)
        cwd = self.ctx.cwd if cmd is None else cmd.cwd
        if cwd is None:
            if value.startswith(("/", "~")):
                return paths.resolve(value, "/", self.ctx.home)
            return paths.resolve(value, "/" + DYN, self.ctx.home)
        return paths.resolve(value, cwd, self.ctx.home)

    def word_path(self, word: Word, cmd: SimpleCommand | None = None) -> str:
        value = word.value
        if value.startswith("~") and word.raw[:2] in ("'~", '"~', "\\~"):
            value = "./" + value  # `rm -rf '~'`: a quoted or escaped tilde is a name, never the home directory
        return self.path(value, cmd)

    def inside_project(self, p: str) -> bool:
        return paths.inside_project(p, self.ctx) and not p.startswith("/" + DYN)

    def in_temp(self, p: str) -> bool:
        return paths.in_temp(p, self.ctx)

    def sibling_checkout(self, p: str) -> tuple[str, str] | None:
        """(work tree, why) when *p* lies in another checkout of the project's own repository (a linked worktree, a
        clone with its remote, a task tool's clone of the project: the user's work, like the project), where the hook
        can look; None without a disk.  Git internals (`.git/…`) are never answered for: fs.write-protected judges them."""
        look = self.ctx.sibling_checkout
        if look is None or DYN in p or paths.has_glob(p) or "/.git/" in p + "/" or not p.startswith("/"):
            return None
        return look(p)

    def outside(self, p: str) -> bool:
        """Outside the project, the temp dirs and the trusted directories."""
        if self.inside_project(p) or self.in_temp(p):
            return False
        return not self.trust.directory_is_trusted(p)

    def show(self, p: str) -> str:
        if p.startswith("/" + DYN + "remote:"):
            return p.split("remote:", 1)[1] + " (on a remote host)"
        return paths.display(p, self.ctx)
