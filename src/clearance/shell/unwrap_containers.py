"""Unwrapping containers and package runners: docker/podman run and exec, compose services, kubectl exec, npx, uvx,
bun x and the like.  Loaded the first time a command needs one of these methods (unwrap.Unwrapper.__getattr__)."""

from __future__ import annotations

from ..paths import DYN
from .ir import SimpleCommand, Word
from .options import normalise
from .outputs import literal_stdin
from .programs import PACKAGE_BINS
from .unwrap import _RUNNERS, MAY_RUN, Unwrapper, _names, _option_values, _strip_options, runnable

_REMOTE_RUNNERS = frozenset({("docker", "exec"), ("kubectl", "exec"), ("oc", "exec"), ("oc", "rsh"), ("docker-compose", "exec"), ("docker-compose", "run")})


# The input a container's command is given when its runner is not told to keep it open (docker's and podman's
# -i/--interactive, kubectl's -i/--stdin): none, as from /dev/null.
CLOSED_INPUT: dict[str, object] = {"stdin_text": "", "stdin_from": [], "ownstdin": False}


# The runners whose command is given their input only with an option (compose's exec and run, oc rsh and heroku run
# give it by default), by that option's long name (its short one is -i).
_STDIN_BY_OPTION = {("docker", "exec"): "--interactive", ("kubectl", "exec"): "--stdin", ("oc", "exec"): "--stdin"}


def _keeps_input(words: list[Word], long: str) -> bool:
    """-i (alone or in a cluster: `-it`) or *long* among a runner's options."""
    return any(w.value == long or (w.value[:1] == "-" and w.value[1:2] != "-" and "i" in w.value[1:]) for w in words)


# Runners whose command runs on another machine with no container operand to skip (a Heroku one-off dyno).
_REMOTE_NO_TARGET = {("heroku", "run"): "a Heroku dyno"}


# docker compose's options before its subcommand that take a value.
_COMPOSE_OPTS = frozenset({"-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory", "--ansi", "--parallel", "--progress"})


def _bind_mounts(volumes: list[str], mounts: list[str]) -> tuple[tuple[str, str], ...]:
    """The folders a container is given, as (folder in the container, where it lies): `-v HOST:CTR[:OPTS]` where HOST
    is a path, `--mount type=bind,src=HOST,dst=CTR` in any key order; a named volume (`-v NAME:CTR`, `--mount
    src=NAME,dst=CTR`) lies under ir.NAMED_VOLUME: no host folder, yet not the container's own either.  --mount is
    read as docker reads it: comma-separated fields, each maybe double-quoted, keys and the type in any case."""
    from .ir import NAMED_VOLUME

    out: list[tuple[str, str]] = []
    for spec in volumes:
        parts = spec.split(":")
        if len(parts) >= 2 and parts[0].startswith(("/", "~", ".", "$", DYN)) and parts[1].startswith("/"):
            out.append((parts[1], parts[0]))
        elif len(parts) >= 2 and parts[0] and parts[1].startswith("/"):
            out.append((parts[1], NAMED_VOLUME + parts[0]))  # a named volume: it outlives the container (`-v pgdata:/data`)
    for spec in mounts:
        fields_in = (p[1:-1] if len(p) > 1 and p[0] == p[-1] == '"' else p for p in spec.split(","))
        fields = {k.strip().lower(): v for k, _, v in (p.partition("=") for p in fields_in if p)}
        src = fields.get("source") or fields.get("src") or ""
        dst = fields.get("destination") or fields.get("dst") or fields.get("target") or ""
        kind = fields.get("type", "volume").lower()
        if kind == "bind" and src and dst.startswith("/"):
            out.append((dst, src))
        elif kind == "volume" and src and dst.startswith("/"):
            out.append((dst, NAMED_VOLUME + src))
    return tuple(out)


class Methods(Unwrapper):
    """The methods Unwrapper takes on from here (unwrap.LATER)."""

    def _compose(self, cmd: SimpleCommand) -> bool:
        """docker compose [OPTS] exec|run [OPTS] SERVICE CMD: CMD runs in the service's container (as docker exec)."""
        argv = cmd.argv
        i = _strip_options(argv, 2, _COMPOSE_OPTS)
        if i >= len(argv) or argv[i].value not in ("exec", "run"):
            return False
        self.out.commands.append(cmd)  # docker compose's own rules (down -v, rm) still see the command
        self._runner(
            SimpleCommand(
                [Word("docker-compose", argv[0].raw), *argv[i:]],
                cmd.assigns,
                cmd.redirects,
                cmd.stdin_from,
                cmd.stdin_text,
                cmd.cwd,
                cmd.via,
                cmd.elevated,
                cmd.remote,
                cmd.depth,
                cmd.text,
            )
        )
        return True

    def _container_run(self, cmd: SimpleCommand) -> bool:
        """`docker run [OPTS] IMAGE [ARGS]` (podman's, nerdctl's, `container run`), `kubectl run NAME --image=IMAGE
        [--command] -- ARGS`, and podman's and nerdctl's `exec`: the command the container runs, judged as that command
        (a database client's statements, a cloud CLI's deletion, a push: the container's network is the host's).

        ARGS run as the image's entrypoint is given them: the program --entrypoint names; else ARGS themselves when
        their first word is a program clearance judges (`postgres psql …`: the official images' entrypoints run a
        command given them); else the program the image is named after (`amazon/aws-cli s3 rb …` is `aws s3 rb …`,
        `hashicorp/terraform destroy`): an image built around one CLI has it as its entrypoint.  A new container's
        files are its own (IN_NEW_CONTAINER), except where a host folder is bound into it.  False when no command is
        given (the image's own), or for any other subcommand."""
        from .ir import IN_NEW_CONTAINER, NAMED_VOLUME, Container
        from .options import normalise_words

        name = cmd.name
        if name in ("kubectl", "oc"):
            nc = normalise(cmd)
            if nc.sub != ("run",) or nc.dashdash < 0 or not nc.value("image"):
                return False
            image = nc.value("image") or ""
            rest = nc.words[nc.dashdash :]
            given = rest if nc.has("command") else self._entrypoint(image, None, rest)
            env = {k: v for k, _, v in (e.partition("=") for e in nc.values("env")) if k.isidentifier()}
            where = Container("/", ())
        else:
            words = list(cmd.args)
            at = next((k for k, w in enumerate(words) if not w.value.startswith("-")), -1)
            if at >= 0 and words[at].value == "container":
                del words[at]  # docker container run: docker run
            nc = normalise_words("docker", words)
            if nc.sub == ("exec",) and name != "docker" and len(nc.words) > 1:
                # podman exec / nerdctl exec CONTAINER CMD: as docker exec (a running container's files)
                self.out.commands.append(cmd)
                closed = {} if nc.has("interactive") else CLOSED_INPUT
                self.command(cmd.derive(nc.words[1:], f"{name} exec", remote="docker exec target", cwd=None, **closed))
                return True
            if nc.sub not in (("run",), ("create",)) or not nc.words:
                return False
            # `docker create IMAGE CMD`: a container made to run CMD whenever it is started (`docker start -a
            # $(docker create …)`), judged as `docker run` is: the command is the reason the container exists.
            image = nc.words[0].value
            given = self._entrypoint(image, nc.value("entrypoint"), nc.words[1:])
            env = {k: v for k, _, v in (e.partition("=") for e in nc.values("env")) if k.isidentifier()}
            home = _user_home(nc.value("user"))
            if home and "HOME" not in env:
                env["HOME"] = home  # docker sets HOME to the user's home (unwrap._home_for: where `cd` lands)
            mounts = _bind_mounts(nc.values("volume"), nc.values("mount"))
            # What outlives the container under it, matched after the folders named: another container's volumes
            # (--volumes-from: where they lie is not known here, so every path may be one), and podman's --rootfs, whose
            # operand is a host folder the container runs in as its root (`podman run --rootfs / rm -rf /home/ana`).
            kept = [("/", NAMED_VOLUME + "from:" + v) for v in nc.values("volumes-from")]
            if nc.has("rootfs"):
                kept.append(("/", image.rsplit(":", 1)[0] if image.endswith((":O", ":idmap")) else image))
            where = Container(nc.value("workdir") or "/", mounts + tuple(kept))
        self.out.commands.append(cmd)  # the engine's own rules (a host folder mounted, --privileged) see the command
        if given:
            # The container's environment is its image's and what -e/--env gives it, not the caller's.
            # Without -i (kubectl's --stdin) the container's input is closed: what the line pipes or a terminal types
            # never reaches the command (`docker run img bash` reads nothing, round 13).
            closed = {} if nc.has("stdin" if name in ("kubectl", "oc") else "interactive") else CLOSED_INPUT
            run = cmd.derive(given, f"{name} run", remote=IN_NEW_CONTAINER, cwd=None, assigns=env, **closed)
            run.container = where
            self.command(run)
        elif nc.has("interactive") and (text := cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None):
            # `docker run -i -v ~/data:/d alpine <<< 'rm -rf /d'`: the image's own command (a shell, for the base images)
            # reads the input it is given, as an unknown program's input lines are read (capped at ask: it may be data).
            via = f"{name} run {image} reading its input{MAY_RUN}"
            self._reparse_found(cmd, text, via, remote=IN_NEW_CONTAINER, container=where, cwd=None, stdin_text=None, stdin_from=[], assigns=env)
        return True

    @staticmethod
    def _entrypoint(image: str, entrypoint: str | None, rest: list[Word]) -> list[Word]:
        """The command a new container of *image* runs given *rest* (see _container_run); [] for the image's own."""
        if entrypoint:
            return [Word(entrypoint, entrypoint), *rest]
        if not rest:
            return []
        if not rest[0].value.startswith("-") and runnable(rest[0].value):
            return rest
        # Arguments for the image's entrypoint, options first included (`alpine/git -C /d push --force`, `amazon/aws-cli
        # --profile prod s3 rb …`): the program the image is named after.
        base = image.rsplit("/", 1)[-1].split("@", 1)[0].split(":", 1)[0]
        for program in (base, base.removesuffix("-cli")):
            if program and runnable(program):
                return [Word(program, image), *rest]
        return []

    def _runner(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        name = cmd.name
        if name in ("npx", "pnpx", "bunx", "uvx"):
            opts = _RUNNERS[(name, "")]
            start = 1
            key = (name, "")
        else:
            key = (name, argv[1].value)
            opts = _RUNNERS[key]
            start = 2
        self.out.commands.append(cmd)
        for j in range(start, len(argv)):
            if key[0] in ("npx", "npm") and argv[j].value.startswith("--call="):
                self.reparse(argv[j].value.partition("=")[2], cmd, f"{name} --call")  # the `=` form of -c
                return
            if argv[j].value in ("-c", "--call") and key[0] in ("npx", "npm") and j + 1 < len(argv):
                self.reparse(argv[j + 1].value, cmd, f"{name} -c")
                return
        i = _strip_options(argv, start, opts)
        if key == ("yarn", "node"):
            self.command(cmd.derive([Word("node", argv[1].raw), *argv[2:]], "yarn node"))
            return
        if key in (("pnpm", "exec"), ("pnpm", "dlx")) and any(a.value in ("-c", "--shell-mode") for a in argv[start:i]) and i < len(argv):
            # pnpm exec|dlx -c / --shell-mode (pnpm -c exec): the command runs through a shell.
            self.reparse(" ".join(a.value for a in argv[i:]), cmd, f"pnpm {key[1]} --shell-mode")
            return
        if key == ("yarn", "exec") and i < len(argv):
            # yarn exec SCRIPT ARGS…: SCRIPT is shell text (yarn 1 runs `SCRIPT 'ARG'…` through the shell, yarn 2+
            # through its portable shell): `yarn exec 'rm -rf ~'` runs rm.
            from .interp import shell_quote

            self.reparse(" ".join([argv[i].value, *(shell_quote(a.value) for a in argv[i + 1 :])]), cmd, "yarn exec")
            return
        if key == ("yarn", "workspaces"):
            # yarn workspaces foreach [OPTIONS] COMMAND…: `yarn COMMAND…` in every workspace.
            if i < len(argv) and argv[i].value == "foreach":
                k = _strip_options(argv, i + 1, opts)
                if k < len(argv):
                    self.command(cmd.derive([argv[0], *argv[k:]], "yarn workspaces foreach"))
            return
        if key == ("lerna", "exec"):
            # lerna exec [--] CMD ARGS…: the words joined are one command line for the shell, in every package.
            if i < len(argv):
                self.reparse(" ".join(a.value for a in argv[i:]), cmd, "lerna exec")
            return
        if key in (("uv", "tool"),) and i < len(argv) and argv[i].value == "run":
            i = _strip_options(argv, i + 1, frozenset({"--from", "--with"}))
        if key in (("direnv", "exec"), ("asdf", "env")) and i < len(argv):
            i += 1
        if key[0] in ("mise", "rtx"):
            # -c/--command STRING runs through the shell; else the words after `--`, or after the TOOL@VERSION specs.
            for k in range(start, i):
                v = argv[k].value
                if v in ("-c", "--command") and k + 1 < len(argv):
                    self.reparse(argv[k + 1].value, cmd, f"{name} {key[1]} -c")
                    return
                if v.startswith("--command="):
                    self.reparse(v.partition("=")[2], cmd, f"{name} {key[1]} --command")
                    return
            if any(argv[k].value == "--" for k in range(start, i)):
                pass  # `mise exec -- CMD`: _strip_options stopped after it
            elif "--" in (w.value for w in argv[i:]):
                i = next(k for k in range(i, len(argv)) if argv[k].value == "--") + 1
            else:
                while i < len(argv) and "@" in argv[i].value and not argv[i].value.startswith("@"):
                    i += 1
        if key == ("rustup", "run") and i < len(argv):
            i = _strip_options(argv, i + 1, opts)  # the toolchain (after `--install`), then the command
        if key == ("aws-vault", "exec") and i < len(argv):
            i = _strip_options(argv, i + 1, opts)  # the profile, then `--` or more options
        if key == ("chamber", "exec"):
            # chamber exec SERVICE... -- CMD: the services run up to `--`
            i = next((k + 1 for k in range(i, len(argv)) if argv[k].value == "--"), len(argv))
        if key in (("codex", "sandbox"), ("codex", "debug")) and i < len(argv):
            i = _strip_options(argv, i + 1, opts)  # the platform word, then the sandbox's options
        if key == ("hatch", "env"):
            if i >= len(argv) or argv[i].value != "run":
                return  # hatch env create|show|remove …: no command
            i = _strip_options(argv, i + 1, frozenset({"-e", "--env", "-i", "--include", "-x", "--exclude"}))
        if i >= len(argv):
            return
        pkg = argv[i].value
        if key in (("deno", "run"), ("bun", "run")):
            if pkg[:5].lower() == "data:":
                self._data_modules(cmd, [pkg])  # deno run 'data:application/typescript,CODE'
                return
            if pkg == "-":
                # deno run - / bun run -: the program is the standard input.
                text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from)
                if text is not None:
                    self.command(cmd.derive([Word("node", "node"), Word("-e", "-e"), Word(text, "-")], f"{name} run -"))
                elif cmd.stdin_from:
                    self.out.problems.append(
                        ("shell.piped-script", f"{name} runs code read from the output of {_names(cmd.stdin_from)}; clearance cannot see what it does")
                    )
                return
        # npx pkg@1.2.3 / @scope/pkg@latest -> pkg name
        bare = pkg
        for prefix in ("npm:", "jsr:", "pypi:"):
            if bare.startswith(prefix):
                bare = bare[len(prefix) :]  # deno run npm:rimraf
        named = bare[:1] + bare[1:].split("@")[0]  # @scope/pkg@1.2 -> @scope/pkg
        if named in PACKAGE_BINS:
            bare = PACKAGE_BINS[named]  # the package's own command (`npx @continuedev/cli` runs cn)
        elif bare.startswith("@"):
            scope, _, rest = bare[1:].partition("/")
            bare = rest.split("@")[0] if rest else scope
        else:
            bare = bare.split("@")[0]
        changes: dict[str, object] = {}
        if key[0] in ("npx", "npm") and (node_options := _option_values([w.value for w in argv[start:i]], ("--node-options",))):
            # npx --node-options='--require X' PKG: npm runs the package's program with them as NODE_OPTIONS.
            before = cmd.assigns.get("NODE_OPTIONS", "")
            changes["assigns"] = {**cmd.assigns, "NODE_OPTIONS": " ".join([before, *node_options]).strip()}
        if key in _REMOTE_NO_TARGET:
            changes["remote"] = _REMOTE_NO_TARGET[key]
            changes["cwd"] = None
        if key in _REMOTE_RUNNERS:
            changes["remote"] = f"{key[0]} {key[1]} target"
            changes["cwd"] = None
            given_at = i
            i += 1  # the container or pod
            i = _strip_options(argv, i, opts)
            if key in _STDIN_BY_OPTION and not _keeps_input(argv[start:given_at] + argv[given_at + 1 : i], _STDIN_BY_OPTION[key]):
                changes.update(CLOSED_INPUT)  # `docker exec web bash`: without -i the command's input is closed
            if i >= len(argv):
                return
            bare = argv[i].value
            pkg = bare
        if key in _REMOTE_NO_TARGET and any(c in pkg for c in " ;|&"):
            # heroku run 'rm -rf ~': the dyno runs the words as a shell line.
            self.reparse(" ".join(w.value for w in argv[i:]), cmd, f"{name} {key[1]}", **changes)
            return
        new_argv = [Word(bare, pkg)] + argv[i + 1 :]
        self.command(cmd.derive(new_argv, f"{name} {key[1]}".strip(), **changes))


def _user_home(user: str | None) -> str | None:
    """The home of the user `docker run -u USER[:GROUP]` runs as: root's /root, a named user's /home/NAME (useradd's
    default, and the official images' own users: node's /home/node); None for a numeric id other than 0 (only the
    image's /etc/passwd tells) or no user (the image's, root in the base images: unwrap._home_for)."""
    name = (user or "").split(":", 1)[0]
    if not name or DYN in name:
        return None
    if name in ("0", "root"):
        return "/root"
    if name.isdigit() or not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
        return None
    return "/home/" + name
