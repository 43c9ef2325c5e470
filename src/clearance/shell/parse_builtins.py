"""Reading the builtins that change the shell the rest of the line runs in: exec's descriptors, declare/export/readonly,
lookup tables, cd and pushd, virtual environments activated.  Loaded the first time a line needs one of these methods
(parse._Walker.__getattr__)."""

from __future__ import annotations

from .. import pathstr
from ..paths import DYN, resolve
from .ir import Redirect, SimpleCommand, Word
from .parse import _Walker


def _dotdot(value: str) -> bool:
    """A `..` component in a path."""
    return value == ".." or value.startswith("../") or value.endswith("/..") or "/../" in value


def _physical_cd(cmd: SimpleCommand, physical: bool = False) -> bool:
    """`cd -P` (the last of -L and -P given wins, `-LP` included): the physical walk through links; *physical* is the
    shell's default (`set -P`)."""
    for a in cmd.args:
        v = a.value
        if v == "--" or not v.startswith("-") or v == "-" or v.startswith("--"):
            break
        for ch in v[1:]:
            if ch in "LP":
                physical = ch == "P"
    return physical


class Methods(_Walker):
    """The methods _Walker takes on from here (parse.LATER)."""

    def _exec_descriptors(self, redirects: list[Redirect]) -> list[Redirect]:
        """`exec` with redirections only: it sets this shell's descriptors. Note what 3 and up now name; a descriptor
        closed or opened again unused (`exec 3>/dev/tcp/h/p; exec 3>&-`) drops the redirect that opened it, which sent
        nothing. Returns the redirects that open a descriptor anew."""
        opening = []
        for r in redirects:
            fd = r.fd
            if not (fd.isdigit() and int(fd) >= 3):
                continue
            if self.st.cond:
                # In a branch or loop: it may or may not happen; what fd names is no longer known for sure.
                self.st.fds.pop(fd, None)
                self.st.fd_openers.pop(fd, None)
                continue
            earlier = self.st.fd_openers.pop(fd, None)
            if earlier is not None:
                earlier[0].redirects = [x for x in earlier[0].redirects if x is not earlier[1]]
            if r.op in (">&-", "<&-"):
                self.st.fds[fd] = None
            elif r.op in (">&", "<&") and r.target is not None and r.target.value.isdigit() and r.target.value in self.st.fds:
                self.st.fds[fd] = self.st.fds[r.target.value]
                self.st.fd_openers.pop(r.target.value, None)  # the copy keeps what it opened
            elif r.op in (">", ">>", ">|", "<", "<>") and r.target is not None and DYN not in r.target.value:
                self.st.fds[fd] = r
                opening.append(r)
            else:
                self.st.fds.pop(fd, None)
        return opening

    def _use_descriptors(self, redirects: list[Redirect]) -> list[Redirect] | None:
        """A command's redirections with `>&N` / `<&N` for a descriptor `exec` opened here replaced by the file it
        names (`exec 3>/dev/tcp/h/p; env >&3` is `env > /dev/tcp/h/p`); None when one names a closed descriptor."""
        out = []
        for r in redirects:
            socket = self.st.fds.get(DYN)
            if socket is not None and r.target is not None and r.target.value == DYN and r.op in (">", "<", ">&", "<&"):
                # `>&$REPLY` after zsh's ztcp (_zsh_tcp): the socket it opened
                out.append(Redirect("<" if r.op in ("<", "<&") else ">", socket.target, fd=r.fd))
                continue
            if r.op in (">&", "<&") and r.target is not None:
                n = r.target.value
                if n in self.st.fds:
                    opened = self.st.fds[n]
                    if opened is None:
                        return None
                    self.st.fd_openers.pop(n, None)  # used: what it opened stays judged on the exec as well
                    out.append(Redirect("<" if r.op == "<&" else opened.op if opened.op not in ("<", "<>") else ">", opened.target, fd=r.fd))
                    continue
                if not n.isdigit() and n != "-":
                    self.st.fd_openers.clear()  # `>&$fd`: a use clearance cannot follow
            out.append(r)
        return out

    def _assigning_builtin(self, name: str, words: list[Word], redirects: list[Redirect]) -> None:
        """Builtins that set variables from literal text: `printf -v NAME FORMAT ARGS…` and `read [-r] NAME… <<< TEXT`
        (words split on blanks, the last name taking the rest)."""
        from .outputs import literal_stdin

        vals = [w.value for w in words]
        if any(DYN in v for v in vals):
            return
        if name == "printf":
            if len(vals) >= 3 and vals[0] == "-v" and vals[1].isidentifier():
                out = literal_stdin([SimpleCommand([Word("printf", "printf"), *words[2:]])])
                if out is not None and vals[1] not in self.st.readonly:
                    self.st.vars[vals[1]] = out
                    self.st.unset.discard(vals[1])
            return
        text = next((r.body for r in redirects if r.op == "<<<" and r.body is not None), None)
        names: list[str] = []
        j = 0
        while j < len(vals):
            v = vals[j]
            if v in ("-r", "-s", "-e"):
                j += 1
                continue
            if v.startswith("-"):
                return  # -a, -d, -n, -u …: not modelled
            names.append(v)
            j += 1
        if text is None or DYN in text or not names or not all(n.isidentifier() for n in names):
            return
        line = text.split("\n", 1)[0]
        parts = line.split(None, len(names) - 1)
        for k, n in enumerate(names):
            if n not in self.st.readonly:
                self.st.vars[n] = parts[k].strip() if k < len(parts) else ""
                self.st.unset.discard(n)

    def _lookup_table(self, name: str, vals: list[str], words: list[Word]) -> None:
        """`hash -p PATH NAME…` makes each NAME run PATH, `hash -r` forgets them; `enable -n NAME` turns the builtin
        NAME off (so a hashed or on-disk NAME runs instead), `enable NAME` on again."""
        if name == "hash":
            if "-r" in vals:
                self.st.hashed.clear()
            for j, v in enumerate(vals):
                if v == "-p" and j + 2 < len(vals):
                    for other in vals[j + 2 :]:
                        self.st.hashed[other] = words[j + 1]
                    return
            return
        off = any(v.startswith("-") and "n" in v for v in vals)
        for v in vals:
            if not v.startswith("-"):
                (self.st.disabled.add if off else self.st.disabled.discard)(v)

    def _follow_wrapped_cd(self, cmd: SimpleCommand) -> None:
        """`builtin cd DIR` and `command cd DIR` change this shell's folder as `cd DIR` does; `eval` text holding a cd
        (the words it joins, read again by unwrap, which does not follow a folder) leaves it unknown."""
        if cmd.name == "eval":
            text = " ".join(a.value for a in cmd.args)
            for sep in ";&|()\n\t{}`$":
                text = text.replace(sep, " ")
            if any(t in ("cd", "pushd", "popd") for t in text.split()):
                self.st.cwd = None
            return
        args = cmd.args
        while args and args[0].value.startswith("-") and args[0].value not in ("-", "--"):
            args = args[1:]  # `command -p cd`
        if args and args[0].value == "--":
            args = args[1:]
        if args and args[0].value in ("builtin", "command"):
            self.st.cwd = None  # `builtin command cd …`: not followed further
        elif args and args[0].value in ("cd", "pushd", "popd"):
            self._follow_cd(SimpleCommand(list(args), cwd=cmd.cwd, text=cmd.text))

    def _follow_cd(self, cmd: SimpleCommand) -> None:
        if cmd.name == "popd" or (cmd.name == "pushd" and not [a for a in cmd.args if a.value != "--"]):
            # popd goes back to the folder the last pushd left, known if this line's pushd noted it; `pushd` alone swaps
            # the two on top (`popd +N`, `pushd +N`: rotated, not followed).
            if any(a.value.startswith(("+", "-")) and a.value not in ("--", "-n") for a in cmd.args) or not self.st.dirs:
                self.st.cwd = None
            elif cmd.name == "popd":
                if not any(a.value == "-n" for a in cmd.args):
                    self.st.cwd = self.st.dirs.pop()
                else:
                    self.st.dirs.pop()
            else:
                self.st.cwd, self.st.dirs[-1] = self.st.dirs[-1], self.st.cwd
            return
        if cmd.name == "pushd":
            if any(a.value.startswith("+") or (a.value.startswith("-") and a.value[1:2].isdigit()) for a in cmd.args):
                self.st.cwd = None
                return
            if any(a.value == "-n" for a in cmd.args):
                return  # only the stack changes
            self.st.dirs.append(self.st.cwd)
        args = [a.value for a in cmd.args if not a.value.startswith("-") or a.value == "-"]
        if not args:
            self.st.cwd = self.st.home
            return
        target = args[0]
        if (target == "~" or target.startswith("~/")) and self.st.home.startswith("/"):
            target = self.st.home + target[1:]  # `cd ~` is `cd` (in a new container too: its home, not the host's)
        if target == "-" or DYN in target or (self.st.cwd is None and not target.startswith("/")):
            self.st.cwd = None
            return
        if self.st.cwd is None:
            # An absolute folder is known wherever the shell was (a new container's shell, a folder named at run time):
            # `docker run -v ~/data:/d alpine sh -c 'cd /d && rm -rf *'` deletes in /d.
            self.st.cwd = target if _dotdot(target) and _physical_cd(cmd, self.st.physical) else resolve(target, "/", self.st.home)
            return
        here = resolve(target, self.st.cwd, self.st.home)
        if (_dotdot(target) and _physical_cd(cmd, self.st.physical)) or (_dotdot(self.st.cwd) and not target.startswith(("/", "~"))):
            # `cd -P d/..` resolves d's link before going up (bash's physical walk): the folder is kept as spelled, and
            # the paths under it are read as the kernel reads a `..` after a link (Scope._physical). A relative cd from
            # there stays spelled after it.
            if target == "~" or target.startswith("~/"):
                here = self.st.home + target[1:]
            elif target.startswith("/"):
                here = target
            elif not target.startswith("~"):
                here = self.st.cwd.rstrip("/") + "/" + target
        landed = self._cdpath(cmd, target, here)
        # A folder longer than the kernel accepts a path to (context.PATH_MAX) is only reached one relative step at a
        # time, if at all: where the line runs is taken as unknown. Followed, `cd d0; cd d1; …` 2,000 times made every
        # later command's paths thousands of names long (issue 16, adv16b: quadratic, 1.4 s).
        self.st.cwd = landed if landed is None or len(landed) <= 4096 else None

    def _activate(self, script: str) -> None:
        """`source ENV/bin/activate` exports VIRTUAL_ENV=ENV and puts ENV/bin first on PATH: later pip installs go there."""
        head, _, base = script.rpartition("/")
        if not base.startswith("activate") or not head.endswith("bin"):
            return
        env = pathstr.dirname(head)
        if DYN in env or (self.st.cwd is None and not env.startswith(("/", "~"))):
            self.st.exported["VIRTUAL_ENV"] = DYN
            return
        self.st.exported["VIRTUAL_ENV"] = resolve(env or ".", self.st.cwd or "/", self.st.home)

    def _shopt(self, cmd: SimpleCommand) -> None:
        """`shopt -s cdable_vars` on, `shopt -u cdable_vars` off (other options: nothing followed here)."""
        vals = cmd.values()
        flags = "".join(v[1:] for v in vals if v.startswith("-") and v != "--")
        if "o" in flags or "cdable_vars" not in vals:
            return  # `shopt -o` names `set -o` options; -p / -q only print or test
        if "s" in flags:
            self.st.cdable = True
        elif "u" in flags:
            self.st.cdable = False

    def _cdpath(self, cmd: SimpleCommand, target: str, here: str) -> str | None:
        """Where `cd TARGET` lands when CDPATH is set: bash tries each entry before the working directory.

        A target that starts with `/`, `.` or `..` is not searched. Otherwise the first entry that is not the working
        directory is followed (`CDPATH=~ cd .ssh` is `cd ~/.ssh`), and a problem is raised: which entry holds the
        directory is only known on disk, so the words after it may run somewhere else.
        """
        st = self.st
        first = target.split("/", 1)[0]
        if target.startswith(("/", "~")) or first in (".", ".."):
            return here
        if st.cdable and target.isidentifier():
            # bash's cdable_vars: `cd NAME` with no folder NAME where it looks goes to $NAME's folder (adversarial round
            # 20a: `shopt -s cdable_vars; c=~/.config/clearance; cd c && rm -f config.toml`). Which one is only known on
            # disk: the variable's folder is followed when it is known (the worse reading), and asked about either way.
            value = st.vars.get(target, st.exported.get(target, st.env.get(target)))
            if not value:
                return here  # no such variable: cd fails where there is no folder of the name
            if DYN in value:
                st.script.problems.append(("shell.cdpath", f"cd {target} with cdable_vars set goes to the folder ${target} names, known only at run time"))
                return None
            landed = resolve(value, st.cwd or "/", st.home)
            st.script.problems.append(("shell.cdpath", f"cd {target} with cdable_vars set may land in {landed} (${target}) rather than {here}"))
            return landed
        cdpath = cmd.assigns.get("CDPATH")
        if cdpath is None:
            cdpath = st.vars.get("CDPATH", st.exported.get("CDPATH", st.env.get("CDPATH")))
        if not cdpath:
            return here
        if DYN in cdpath:
            st.script.problems.append(("shell.cdpath", f"cd {target} searches CDPATH, which is only known at run time"))
            return None
        cwd = st.cwd or ""
        for entry in cdpath.split(":"):
            base = resolve(entry, cwd, st.home) if entry not in ("", ".") else cwd
            if base != cwd:
                landed = resolve(target, base, st.home)
                st.script.problems.append(("shell.cdpath", f"cd {target} searches CDPATH={cdpath}: it may land in {landed} rather than {here}"))
                return landed
        return here
