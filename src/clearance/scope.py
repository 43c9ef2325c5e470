"""What every check may ask about the place an action runs in."""

from __future__ import annotations

from . import paths
from .paths import DYN
from .trust import DEFAULT_TRUST, Trust

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Context
    from .shell.ir import SimpleCommand, Word


# The prefix of a path a command in a new container has as its own (Scope.path): no file of the host.
CONTAINERS_OWN = "/" + DYN + "container:"

# Programs whose operand is the link itself, not what it points at (without a trailing slash).
_ON_THE_LINK = frozenset({"rm", "unlink", "mv", "ln", "readlink"})


def _has_dotdot(value: str) -> bool:
    """A `..` component in a path word."""
    return value == ".." or value.startswith("../") or value.endswith("/..") or "/../" in value


class Scope:
    """The context of one decision plus the trust boundary, with path helpers."""

    __slots__ = (
        "ctx",
        "trust",
        "_cache",
        "remotes",
        "remotes_dropped",
        "deadline",
        "fetches",
        "landed",
        "links",
        "copies",
        "pushes",
        "scripts_read",
        "own_ports",
        "forwarded",
        "written_commands",
        "downloaded",
        "configured",
        "writers",
        "tracing",
        "alone",
        "remade",
    )

    def __init__(self, ctx: Context, trust: Trust | None = None) -> None:
        self.ctx = ctx
        self.trust = (trust or DEFAULT_TRUST).for_home(ctx.home)
        self._cache: dict[int, object] = {}
        # git remotes the command itself adds (`git remote add x URL && git push x`): name -> URL.
        self.remotes: dict[str, str] = {}
        # git remotes the command line removes or renames away (`git remote remove origin && git remote add origin URL`).
        self.remotes_dropped: set[str] = set()
        # The command line runs `git fetch` or `git pull`: FETCH_HEAD on the disk is not what a later command of it uses.
        self.fetches = False
        # The command line runs `git push` (what a `git add` before it stages leaves with it: creds.push-secret).
        self.pushes = False
        # (path, text, command) of archive members and copied files that land where a tool loads them (effects.tree_into):
        # judged as the same file written by Write (engine._check_written_scripts).
        self.landed: list[tuple[str, str, SimpleCommand]] = []
        # time.perf_counter() value past which the engine gives up (engine.DEADLINE_S); none by default.
        self.deadline = float("inf")
        # Links the command line itself makes (`ln -s ~ /tmp/h && rm -rf /tmp/h/`): link path -> what it points at, both
        # absolute. The disk cannot show them when the hook decides; paths the later commands name are read through them.
        self.links: dict[str, str] = {}
        # Copies the command line itself makes (`cp .env /tmp/k && cat /tmp/k`): copy path -> the file copied, both
        # absolute. A later read of the copy reads what the original holds (engine.analyse_shell adds that read).
        self.copies: dict[str, str] = {}
        # (label, text) of the project scripts this decision has read (engine._check_scripts): each is judged once.
        self.scripts_read: set[tuple[str, str]] = set()
        # (port, what answers there) of clearance's own services on loopback: the reviewer model, the audit store, the
        # team service (listens.own_endpoints, filled by engine.evaluate from the policy); a listener there is forged.
        self.own_ports: tuple[tuple[int, str], ...] = ()
        # Commands of the shell code this decision's written files hold, analysed so far (rules/tools.MAX_SCRIPT_COMMANDS).
        self.written_commands = 0
        # Local ports the command line forwards to another machine (`ssh -L 5432:db.prod:5432 …`, `kubectl port-forward`,
        # socat): a database client's localhost there is that machine (rules/db.dev_database).
        self.forwarded: set[int] = set()
        # Files a downloader of this command line writes (`curl -o F URL`, `wget -O F URL`), absolute: what a later
        # command of the line loads from them came from the network (rules/interp.opaque's unpickled files, round 16f).
        self.downloaded: set[str] = set()
        # Install directories a configuring command of this line records for its build directory (`./configure
        # --prefix=P`, `cmake -B b -DCMAKE_INSTALL_PREFIX=P`): build directory -> {variable: value}; a later install
        # step of the line writes there (shell/installdest.py).
        self.configured: dict[str, dict[str, str]] = {}
        # The commands of this line that wrote each file, absolute path -> commands in order (`cat ~/.ssh/id_rsa > /tmp/k`,
        # `tee`, `dd of=`, `tar czf`; a truncating redirection starts the list again): what a later command of the line
        # reads there is what they wrote, so a secret they read is in it (creds.sensitive_file, fix19a).
        self.writers: dict[str, list[SimpleCommand]] = {}
        # Files creds.sensitive_file is following through their writers now (a command that reads what it writes).
        self.tracing: set[str] = set()
        # id() of the effects being judged that are one file written by the only command of the line that does more
        # than the inert ones (provenance.alone_in_call): nothing before it on the line can have made its path a link.
        self.alone: frozenset[int] = frozenset()
        # id() of the effects being judged that remove a path an earlier command of the same line creates, where the disk
        # was not looked at (sameline.made_then_removed): only a file that was there already would be lost.
        self.remade: frozenset[int] = frozenset()

    def path(self, value: str, cmd: SimpleCommand | None = None) -> str:
        """Resolve a path word.  Unknown working directory -> a dynamic prefix."""
        if cmd is not None and cmd.remote is not None:
            if cmd.container is not None:
                return self._in_container(value, cmd)
            return "/" + DYN + "remote:" + self._on_remote(value, cmd)
        if self.ctx.platform.startswith(("win32", "cygwin", "msys")):
            value = paths.win32_name(value)
        cwd = self.ctx.cwd if cmd is None else cmd.cwd
        if cwd is None:
            if value.startswith(("/", "~")) and not value.startswith(("~+", "~0")):
                got = paths.resolve(value, "/", self.ctx.home)
            else:
                got = paths.resolve(value, "/" + DYN, self.ctx.home)
        else:
            base = cwd if not self.links else self._through(cwd, True)
            got = paths.resolve(value, base, self.ctx.home)
            if (self.links or self.ctx.realpath is not None) and (_has_dotdot(value) or _has_dotdot(base)):
                got = self._physical(paths.expand_home(value, self.ctx.home, base), base)
        if got.startswith("/") and paths.case_insensitive(got, self.ctx):
            got = paths.role_spelling(got, self.ctx)
        if self.links:
            # Removing or renaming the link itself (`rm /tmp/h`, no trailing slash) leaves what it points at alone.
            own = cmd is not None and cmd.name in _ON_THE_LINK and not value.endswith("/")
            got = self._through(got, not own)
        return got

    def _on_remote(self, value: str, cmd: SimpleCommand) -> str:
        """A relative path of a command on another machine, resolved against the folder the remote line itself moved
        to with `cd /abs` (`ssh host 'cd /tmp && rm -rf build'`: /tmp/build); as typed where that folder is not known
        (no `cd`, a variable the remote line did not set).  The parse reads `cd ~/tmp`, `cd $HOME/tmp` and a bare
        `cd` with this machine's home; on that machine they are its own home, so the path is given below `~`
        (`ssh host 'cd $HOME/tmp && rm -rf janet'`: ~/tmp/janet, which the rules read as that machine's home;
        ordinary round 15b: was taken as a bare name and denied)."""
        from . import pathstr

        cwd = cmd.cwd
        if not cwd or not cwd.startswith("/") or DYN in cwd or DYN in value or value.startswith(("/", "~", "$")):
            return value
        home = self.ctx.home.rstrip("/")
        if home and (cwd == home or cwd.startswith(home + "/")):
            there = pathstr.normpath("~" + cwd[len(home) :] + "/" + value)
            return there if there == "~" or there.startswith("~/") else value
        return pathstr.normpath(pathstr.join(cwd, value))

    def _in_container(self, value: str, cmd: SimpleCommand) -> str:
        """A path of a command in a new container (`docker run -v ~/data:/d alpine rm -rf /d`): under a host folder
        bound into it, that folder's path on the host; elsewhere the container's own file, which lives and goes with
        it (a dynamic path no rule reads as the host's).  `~` there is the container's home (root's, by default)."""
        where = cmd.container
        assert where is not None
        # The container's shell may have moved (`sh -c 'cd /d && rm -rf *'`: parse._follow_cd knows an absolute folder).
        here = cmd.cwd if cmd.cwd is not None and cmd.cwd.startswith("/") and DYN not in cmd.cwd else where.workdir
        inside = paths.resolve(value, here if here.startswith("/") else "/", "/root")
        for dst, src in where.mounts:
            dst = paths.resolve(dst, "/", "/root")
            if paths.is_within(inside, dst):
                return self.path(src + inside[len(dst) :] if dst != "/" else src + inside)
        return CONTAINERS_OWN + inside

    def _physical(self, value: str, cwd: str) -> str:
        """*value* resolved as the kernel resolves it: a `..` right after a symlink (this line's own, or one on the disk)
        goes up from the link's target, not from the folder holding the link: with `docs` a link to ~/Documents,
        `docs/../.bashrc` is ~/.bashrc (normpath would say the project's). Elsewhere `..` stays lexical: above a plain
        folder both readings name the same file, and the logical spelling keeps home and the project as written."""
        from . import pathstr

        # A working directory `cd -P` left spelled with its `..` (parse._follow_cd) is walked the same way.
        full = value if value.startswith("/") else cwd.rstrip("/") + "/" + value
        cur = ""
        for part in full.split("/")[:256]:
            if part in ("", "."):
                continue
            if part == "..":
                target = self._link_target(cur) if cur else None
                cur = pathstr.dirname(target or cur)
                if cur == "/":
                    cur = ""
                continue
            cur += "/" + part
        return cur or "/"

    def _link_target(self, p: str) -> str | None:
        """Where *p* leads when *p* itself is a symlink (this line's links, then the disk's), spelled under home and the
        project as they are written when it lies there; None when it is no link."""
        from . import pathstr

        if self.links:
            t = self._through(p, True)
            if t != p:
                return t
        rp = self.ctx.realpath
        if rp is None or DYN in p or paths.has_glob(p):
            return None
        real = rp(p)
        head, base = pathstr.split(p)
        if not real or real == rp(head).rstrip("/") + "/" + base:
            return None
        for root in (self.ctx.project_root, self.ctx.home):
            r = rp(root) if root else ""
            if r and r != root and (real == r or real.startswith(r + "/")):
                return root + real[len(r) :]
        return real

    def _through(self, p: str, whole: bool) -> str:
        """*p* read through the links this command line made: a path under a link is a path under its target; the
        link's own path only when *whole* (a write, a read or a `cd` through it, not its removal)."""
        for link in sorted(self.links, key=len, reverse=True):
            if p.startswith(link + "/") or (whole and p == link):
                return self.links[link] + p[len(link) :]
        return p

    def follow(self, p: str) -> str:
        """An absolute path read through the links this command line made (itself when it made none)."""
        return self._through(p, True) if self.links else p

    def remember_copy(self, copy: str, original: str) -> None:
        """`cp ORIGINAL COPY`, `mv ORIGINAL COPY` in this command line (both already absolute)."""
        if DYN not in copy and DYN not in original and copy != original and len(self.copies) < 64:
            self.copies[copy] = self.copies.get(original, original)

    def remember_writes(self, cmd: SimpleCommand, written: list[str]) -> None:
        """*cmd* of this line wrote the files *written* (absolute): a truncating redirection (`> F`) replaces what F held,
        and a copy made before no longer holds the original's text."""
        for p in written:
            if DYN in p or (p not in self.writers and len(self.writers) >= 64):
                continue
            if any(r.op in (">", ">|", "&>") and not r.fd and r.target is not None and self.word_path(r.target, cmd) == p for r in cmd.redirects):
                self.writers[p] = [cmd]
                self.copies.pop(p, None)
            elif cmd not in self.writers.setdefault(p, []) and len(self.writers[p]) < 8:
                self.writers[p].append(cmd)

    def remember_link(self, link: str, target: str) -> None:
        """`ln -s TARGET LINK` in this command line (both already absolute)."""
        if DYN not in link and DYN not in target and link != target and len(self.links) < 64:
            self.links[link] = target

    def word_path(self, word: Word, cmd: SimpleCommand | None = None) -> str:
        value = word.value
        if value.startswith("~") and word.raw[:2] in ("'~", '"~', "\\~"):
            value = "./" + value  # `rm -rf '~'`: a quoted or escaped tilde is a name, never the home directory
        return self.path(value, cmd)

    def protected_bare_word(self, v: str, cmd: SimpleCommand) -> bool:
        """A bare file name given where the line moved into a folder an agent's settings, clearance's policy or git's
        hooks lie in (`cd ~/.claude && dos2unix settings.json`): a path argument like any other for the rules on what
        programs are given (self.protected-argument, sys.unknown-program-path), though it holds no `/`."""
        if not v or DYN in v or "=" in v or v.startswith("-") or cmd.cwd is None or cmd.cwd == self.ctx.project_root:
            return False
        return paths.self_protected_reason(self.path(v, cmd), self.ctx) is not None

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
