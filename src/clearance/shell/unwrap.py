"""Unwrapping: what really runs behind ``sudo``, ``env``, ``xargs``, ``bash -c``, ``find -exec`` ...

``expand`` takes the simple commands of a parsed script and returns the list of
commands the rule packs judge: every wrapper is replaced by (or kept beside)
its payload, strings handed to a shell are parsed again, and whatever cannot
be seen through statically is reported as a problem.
"""

from __future__ import annotations

from contextvars import ContextVar

from .. import pathstr
from ..lazyre import lazy
from ..paths import DYN
from .ir import SimpleCommand, Word, command_variable
from .options import normalise
from .outputs import literal_output as literal_output
from .outputs import literal_stdin
from .parse import MAX_COMMANDS, ParseFailure, TooLarge, parse
from .programs import CLIENTS as SQL_CLIENTS
from .programs import CONSOLE_PROGRAMS, INTERPRETERS, git_subcommand_at, interpreter_alias
from .programs import NAMES as EMBEDDED_NAMES
from .programs import SHELLS as SHELLS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .options import Norm

MAX_LEVEL = 8
# Code strings one decision reads (each `\`cmd\`` of a Perl one-liner, each eval, each -c): linear work each, yet 50,000
# backticks in 100 KB took 0.6 s (issue 16's 100 ms bound); past this many the rest is not read and the call is asked.
# Each costs up to ~0.1 ms (a parse and the rules of its commands): 1,000 of them (`subprocess.run(["ls", "-la"])` x 3,300
# in `python3 -c`) took 85-120 ms, so 400 (~40 ms), which no real call comes near (issue 16, perf16).
MAX_REPARSES = 400


# Wrappers: name -> (options that take a value, whether the first operand is
# consumed before the command: timeout DURATION, taskset MASK, chrt PRIO).
_SIMPLE_WRAPPERS: dict[str, tuple[frozenset[str], int]] = {
    "nohup": (frozenset(), 0),
    "time": (frozenset({"-o", "-f", "--output", "--format"}), 0),
    "nice": (frozenset({"-n", "--adjustment"}), 0),
    "ionice": (frozenset({"-c", "-n", "--class", "--classdata"}), 0),
    "timeout": (frozenset({"-s", "-k", "--signal", "--kill-after"}), 1),
    "gtimeout": (frozenset({"-s", "-k", "--signal", "--kill-after"}), 1),
    "stdbuf": (frozenset({"-i", "-o", "-e", "--input", "--output", "--error"}), 0),
    "setsid": (frozenset(), 0),
    "chrt": (frozenset(), 1),
    # taskset [-a] [-c] MASK|LIST CMD: -c/--cpu-list says how to read the operand, it takes no value.
    "taskset": (frozenset(), 1),
    "unbuffer": (frozenset(), 0),
    "caffeinate": (frozenset({"-t", "-w"}), 0),
    "exec": (frozenset({"-a"}), 0),
    "builtin": (frozenset(), 0),
    "command": (frozenset(), 0),
    "doas": (frozenset({"-u", "-C"}), 0),
    "sudo": (
        frozenset(
            {
                "-u",
                "-g",
                "-h",
                "-p",
                "-C",
                "-D",
                "-r",
                "-t",
                "-U",
                "-T",
                "--user",
                "--group",
                "--host",
                "--prompt",
                "--chdir",
                "--role",
                "--type",
                "--other-user",
                "--close-from",
                "--command-timeout",
            }
        ),
        0,
    ),
    "chroot": (frozenset({"--userspec", "--groups"}), 1),
    "firejail": (frozenset(), 0),
    "unshare": (frozenset(), 0),
    "proxychains": (frozenset({"-f"}), 0),
    "proxychains4": (frozenset({"-f"}), 0),
    "torsocks": (frozenset(), 0),
    "flock": (frozenset({"-w", "-E", "--timeout", "--conflict-exit-code"}), 1),
    "catchsegv": (frozenset(), 0),
    "strace": (frozenset({"-o", "-e", "-p", "-s", "-u"}), 0),
    "ltrace": (frozenset({"-o", "-e", "-p", "-s", "-u"}), 0),
    "valgrind": (frozenset(), 0),
    "dotenv": (frozenset({"-e", "-c", "-v"}), 0),
    "systemd-run": (
        frozenset(
            {
                "-p",
                "--property",
                "-u",
                "--unit",
                "--slice",
                "-E",
                "--setenv",
                "-M",
                "--machine",
                "-H",
                "--host",
                "--uid",
                "--gid",
                "--nice",
                "--working-directory",
                "--description",
                "--on-calendar",
                "--on-active",
                "--on-boot",
                "--on-startup",
                "--on-unit-active",
                "--on-unit-inactive",
                "--timer-property",
                "-t",
            }
        ),
        0,
    ),
    "run0": (frozenset({"-u", "--user", "-g", "--group", "--setenv", "-D", "--chdir", "--unit", "--property", "--description", "--slice", "--nice"}), 0),
    "pkexec": (frozenset({"--user", "-u"}), 0),
    "dbus-launch": (frozenset({"--config-file"}), 0),
    "dbus-run-session": (frozenset({"--config-file", "--dbus-daemon"}), 0),
    "fakeroot": (frozenset({"-l", "--lib", "--faked", "-s", "-i"}), 0),
    "chronic": (frozenset(), 0),
    # ssh-agent [-a bind] [-E fp] [-t life] command [arg ...]: runs the command with an agent.
    "ssh-agent": (frozenset({"-a", "-E", "-t", "-P", "-O"}), 0),
    "nsenter": (frozenset({"-t", "--target", "-S", "--setuid", "-G", "--setgid", "-w", "--wd", "-r", "--root"}), 0),
    "daemonize": (frozenset({"-c", "-e", "-E", "-o", "-p", "-l", "-u"}), 0),
    "setpriv": (
        frozenset(
            {"--reuid", "--regid", "--groups", "--inh-caps", "--ambient-caps", "--bounding-set", "--securebits", "--selinux-label", "--apparmor-profile"}
        ),
        0,
    ),
    "gnome-terminal": (frozenset({"--title", "--working-directory", "--profile", "--geometry", "--window-with-profile", "-t"}), 0),
    "screen": (frozenset({"-S", "-c", "-e", "-h", "-L", "-Logfile", "-p", "-s", "-T", "-X"}), 0),
}
# Wrapper options that set the payload's working directory (sudo -D, run0 -D, nsenter --wd=, systemd-run --working-directory).
_WRAPPER_DIRS = {
    "sudo": ("-D", "--chdir"),
    "run0": ("-D", "--chdir"),
    "nsenter": ("--wd",),
    "systemd-run": ("--working-directory",),
    "daemonize": ("-c",),
}


def _wrapper_cwd(cmd: SimpleCommand, opts: list[Word], names: tuple[str, ...]) -> str | bool | None:
    """The working directory the wrapper's options give its payload; False when they do not move it."""
    if not names:
        return False
    target: str | None = None
    for j, w in enumerate(opts):
        v = w.value
        for n in names:
            if v == n and j + 1 < len(opts) and n != "--wd":
                target = opts[j + 1].value
            elif v.startswith(n + "="):
                target = v[len(n) + 1 :]
            elif not n.startswith("--") and v.startswith(n) and len(v) > len(n):
                target = v[len(n) :]
    if target is None:
        return False
    if DYN in target or cmd.cwd is None:
        return None
    return pathstr.normpath(pathstr.join(cmd.cwd, target))


# Wrapper options that set a variable in the payload's environment (`systemd-run -E HOME=/tmp/h CMD`, `run0 --setenv`,
# `daemonize -E`), and systemd-run's `-p Environment=NAME=VALUE`: read as `env NAME=VALUE CMD` is (round 11d).
_WRAPPER_ENVS = {
    "systemd-run": ("-E", "--setenv"),
    "run0": ("--setenv",),
    "daemonize": ("-E",),
    "flatpak-spawn": ("--env",),
    "firejail": ("--env",),
}
# Launchers that start their payload with an emptied environment (flatpak-spawn --clear-env, bwrap --clearenv) or a home
# of its own (firejail --private: an empty one; --private=DIR: DIR's): the payload finds nothing under the caller's home
# (an agent, no settings and so no hook), as after `env -i` or `HOME=/tmp/h` (round 11d). Options that clear, options
# that give a home. bwrap's own `--setenv VAR VALUE` / `--unsetenv VAR` take words of their own (unwrap_launch.payload_env).
_WRAPPER_CLEARS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "flatpak-spawn": (("--clear-env",), ()),
    "bwrap": (("--clearenv",), ()),
    "firejail": ((), ("--private",)),
}
# The value a payload's HOME is given where the launcher leaves it none (an emptied environment, an empty home).
NO_HOME = ""


def _launched_env(name: str, opts: list[Word], assigns: dict[str, str], home: str = "") -> dict[str, object]:
    """derive()'s changes for a payload an unmodelled launcher runs: its environment where the launcher sets one."""
    if name not in _WRAPPER_ENVS and name not in _WRAPPER_CLEARS:
        return {}
    from .unwrap_launch import payload_env

    given = payload_env(name, opts, assigns, home)
    return {} if given is None else {"assigns": given}


# bubblewrap's options by the words they take (bwrap(1)); the others take none.
_BWRAP_ARITY = {
    **dict.fromkeys(("--overlay",), 3),
    **dict.fromkeys(
        ("--bind", "--bind-try", "--dev-bind", "--dev-bind-try", "--ro-bind", "--ro-bind-try", "--setenv", "--symlink", "--file")
        + ("--bind-data", "--ro-bind-data", "--chmod", "--bind-fd", "--ro-bind-fd"),
        2,
    ),
    **dict.fromkeys(
        ("--unsetenv", "--chdir", "--dir", "--tmpfs", "--proc", "--dev", "--mqueue", "--uid", "--gid", "--hostname", "--args")
        + ("--seccomp", "--add-seccomp-fd", "--lock-file", "--sync-fd", "--info-fd", "--json-status-fd", "--block-fd")
        + ("--userns-block-fd", "--exec-label", "--file-label", "--remount-ro", "--perms", "--size", "--cap-add", "--cap-drop")
        + ("--userns", "--userns2", "--pidns", "--overlay-src", "--tmp-overlay", "--ro-overlay", "--argv0"),
        1,
    ),
}


# Wrapper options whose value is a command string run by sh -c.
_WRAPPER_SHELL_OPTS = {"flock": ("-c", "--command")}
ELEVATING = frozenset({"sudo", "doas", "su", "pkexec", "run0"})

# Package runners: (tool, subcommand) -> options with values; the payload is the next operand.
_RUNNERS: dict[tuple[str, str], frozenset[str]] = {
    ("npx", ""): frozenset({"-p", "--package", "-c", "--call", "--node-options"}),
    ("pnpx", ""): frozenset({"-p", "--package"}),
    ("bunx", ""): frozenset({"-p", "--package"}),
    ("uvx", ""): frozenset({"--from", "--with", "-p", "--python"}),
    ("npm", "exec"): frozenset({"-p", "--package", "-c", "--call", "-w", "--workspace", "--node-options"}),
    ("npm", "x"): frozenset({"-p", "--package", "-c", "--call", "--node-options"}),
    ("pnpm", "exec"): frozenset({"--filter", "-F", "-C", "--dir"}),
    ("pnpm", "dlx"): frozenset({"--package"}),
    ("yarn", "dlx"): frozenset({"-p", "--package"}),
    ("yarn", "exec"): frozenset(),
    # yarn workspaces foreach [OPTIONS] COMMAND…: the yarn command runs in every workspace (yarn berry's CLI reference).
    ("yarn", "workspaces"): frozenset({"-j", "--jobs", "--include", "--exclude", "--from"}),
    # lerna exec [OPTIONS] [--] CMD [ARGS…]: CMD runs through a shell (execa's shell: true) in every package.
    ("lerna", "exec"): frozenset({"--scope", "--ignore", "--concurrency", "--profile-location", "--loglevel"}),
    ("bun", "x"): frozenset(),
    ("deno", "run"): frozenset({"--config", "-c", "--import-map", "--lock", "--cert", "--location", "--seed", "--v8-flags", "--inspect", "--env-file"}),
    ("uv", "run"): frozenset({"--with", "--python", "-p", "--project", "--directory", "--group", "--extra", "--package", "--env-file", "--from"}),
    ("uv", "tool"): frozenset(),
    ("poetry", "run"): frozenset(),
    ("pipenv", "run"): frozenset(),
    ("pdm", "run"): frozenset(),
    ("hatch", "run"): frozenset(),
    ("rye", "run"): frozenset(),
    ("pipx", "run"): frozenset({"--spec", "--python"}),
    ("bundle", "exec"): frozenset(),
    ("conda", "run"): frozenset({"-n", "--name", "-p", "--prefix"}),
    ("mamba", "run"): frozenset({"-n", "--name", "-p", "--prefix"}),
    ("micromamba", "run"): frozenset({"-n", "--name", "-p", "--prefix", "-r", "--root-prefix"}),
    ("asdf", "env"): frozenset(),  # asdf env TOOL CMD: CMD runs with TOOL's environment
    ("rustup", "run"): frozenset(),  # rustup run [--install] TOOLCHAIN CMD: CMD runs with that toolchain first on PATH
    ("yarn", "node"): frozenset(),  # yarn node ARGS: node, with yarn's environment
    # mise exec|x [OPTIONS] [TOOL@VERSION]... [-- COMMAND...] (rtx: its former name): the tools, then the command.
    **{(m, v): frozenset({"-c", "--command", "-j", "--jobs", "-C", "--cd", "-E", "--env"}) for m in ("mise", "rtx") for v in ("exec", "x")},
    ("asdf", "exec"): frozenset(),
    ("direnv", "exec"): frozenset(),
    # Version managers' exec, secret managers' run, rootless namespaces and Codex's sandbox run their operands as a
    # command (a list extension: the verbs share no shape with other programs' `run`, which runs a script or target).
    ("pyenv", "exec"): frozenset(),
    ("rbenv", "exec"): frozenset(),
    ("nodenv", "exec"): frozenset(),
    ("goenv", "exec"): frozenset(),
    ("jenv", "exec"): frozenset(),
    ("op", "run"): frozenset({"--env-file", "--account", "--config", "--session", "--environment"}),
    ("doppler", "run"): frozenset({"-p", "--project", "-c", "--config", "--token", "--scope", "--name-transformer", "--mount", "--mount-format"}),
    # infisical run [--env=E] -- CMD, aws-vault exec PROFILE -- CMD, chamber exec SERVICE... -- CMD, teller run -- CMD:
    # the other secret managers' runners (creds.SECRET_RUNNERS).
    ("infisical", "run"): frozenset({"--env", "--path", "--projectId", "--token", "--domain", "--tags", "--command", "--project-config-dir"}),
    ("aws-vault", "exec"): frozenset({"-d", "--duration", "--region", "-t", "--mfa-token", "--prompt", "--backend", "--ec2-server"}),
    ("chamber", "exec"): frozenset(),
    ("teller", "run"): frozenset({"-c", "--config"}),
    ("podman", "unshare"): frozenset(),
    ("buildah", "unshare"): frozenset(),
    ("hatch", "env"): frozenset(),
    # codex sandbox linux|macos|windows [--full-auto] [-c K=V] CMD; codex debug seatbelt|landlock …: the platform word first.
    ("codex", "sandbox"): frozenset({"-c", "--config"}),
    ("codex", "debug"): frozenset({"-c", "--config"}),
    ("nix", "run"): frozenset(),
    ("nix-shell", ""): frozenset(),
    ("devbox", "run"): frozenset(),
    ("docker", "exec"): frozenset({"-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--context", "-c", "-H", "--host", "--config"}),
    # docker compose exec/run SERVICE CMD (read as `docker-compose`, see _compose): the command runs in the container.
    ("docker-compose", "exec"): frozenset({"-e", "--env", "-u", "--user", "-w", "--workdir", "--index"}),
    ("docker-compose", "run"): frozenset(
        {"-e", "--env", "-u", "--user", "-w", "--workdir", "--name", "-p", "--publish", "-v", "--volume", "--entrypoint", "-l", "--label", "--env-from-file"}
    ),
    ("heroku", "run"): frozenset({"-a", "--app", "-r", "--remote", "-s", "--size", "-e", "--env", "--type", "-x", "--exit-code"}),
    ("foreman", "run"): frozenset({"-e", "--env", "-d", "--root", "-f", "--procfile"}),
    ("overmind", "run"): frozenset({"-f", "--procfile", "-d", "--root"}),
    ("kubectl", "exec"): frozenset({"-c", "--container", "-n", "--namespace", "--context", "--kubeconfig", "-s", "--server", "--cluster", "--user"}),
    # OpenShift's client: `oc exec POD -- CMD` as kubectl's, `oc rsh POD CMD` the same without `--`.
    ("oc", "exec"): frozenset({"-c", "--container", "-n", "--namespace", "--context", "--kubeconfig", "-s", "--server", "--cluster", "--user"}),
    ("oc", "rsh"): frozenset({"-c", "--container", "-n", "--namespace", "--context", "--kubeconfig", "-s", "--server", "--shell", "--timeout"}),
}
# Another name for an application's rails or rake (GitLab's omnibus wrappers).
_APP_ALIASES = {"gitlab-rails": "rails", "gitlab-rake": "rake"}
# The same program installed under another name: Debian's alternatives name each build of a program by a suffix
# (nc.traditional and nc.openbsd provide nc, vim.basic and vim.tiny vim, awk's mawk.* builds), and netcat's clones
# take netcat's options (-e PROG, -c CMD, -l): cryptcat (netcat with Twofish), netcat6 / nc6, sbd, pwncat (cytopia's,
# "netcat on steroids"). Each is judged as the program it is, so `nc.traditional -e /bin/sh HOST PORT` is netcat's -e.
_VARIANT_SUFFIXES = frozenset({"traditional", "openbsd", "basic", "tiny", "nox", "gtk", "gtk3", "athena", "gnu", "bsd"})
_NETCAT_CLONES = {"cryptcat": "nc", "nc6": "nc", "netcat6": "nc", "sbd": "nc", "pwncat": "nc", "netcat-traditional": "nc", "netcat-openbsd": "nc"}
_NETCAT_CLONES["dbd"] = "nc"  # dbd, sbd's sibling (netcat with encryption, -e PROG): round miss19
# HTTP clients that take HTTPie's command line (`PROG [METHOD] URL [ITEM …]`): curlie and xh's
# https-by-default name. Read as the client whose line they take (metamorphic round 14: `curlie DELETE URL` went through).
_NETCAT_CLONES |= {"curlie": "http", "xhs": "https"}


def installed_as(name: str) -> str | None:
    """The program *name* is another installed name of (nc.traditional -> nc, cryptcat -> nc), or None."""
    if name in _NETCAT_CLONES:
        return _NETCAT_CLONES[name]
    base, dot, suffix = name.rpartition(".")
    if dot and base and suffix in _VARIANT_SUFFIXES and known_program(base):
        return _NETCAT_CLONES.get(base, base)
    return None


_TERMINALS = frozenset(
    {"xterm", "uxterm", "konsole", "alacritty", "kitty", "wezterm", "foot", "urxvt", "rxvt", "terminator", "tilix", "xfce4-terminal", "lxterminal", "st"}
)
# Terminal sharers whose operands or options name what the shared terminal runs (rules/net.py's net.tunnel asks).
# Process managers and runners that start the command lines they are given, now or later (unwrap_launch: pm2 start,
# forever start, concurrently, nodemon --exec; fix16, round 15a's `pm2 start 'sleep 60; rm …'`).
_PROCESS_MANAGERS = frozenset({"pm2", "forever", "concurrently", "nodemon"})
_SHARERS = frozenset({"ttyd", "gotty", "upterm", "sshx"})
# Container engines whose `run` starts a container for a command (_container_run), with docker's options.
_CONTAINER_ENGINES = frozenset({"docker", "podman", "nerdctl", "kubectl", "oc"})
_GLOBAL_OPTS = {
    "kubectl": frozenset({"-n", "--namespace", "--context", "--kubeconfig", "-s", "--server", "--cluster", "--user", "--as"}),
    "docker": frozenset({"--context", "-c", "-H", "--host", "--config", "-l", "--log-level"}),
    "pnpm": frozenset({"-C", "--dir", "--filter", "-F"}),
}

# Platform CLIs that run a command on the machine they reach (shell/remotecmd.py's table, and aws ssm send-command).
REMOTE_PLATFORMS = frozenset({"fly", "flyctl", "doctl", "heroku", "gh", "fab", "gcloud", "az", "aws", "kamal", "vagrant"})
_SSH_OPTS = frozenset(["-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p", "-Q", "-R", "-S", "-W", "-w", "-B"])
_FD_EXEC = frozenset({"-x", "--exec", "-X", "--exec-batch"})
_WATCH_OPTS = frozenset({"-n", "--interval", "-q", "--equexit"})
_SHELL_OPTS = frozenset({"-o", "-O", "+o", "+O", "--rcfile", "--init-file"})
_STDIN_NAMES = frozenset({"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0", "/dev/fd/0/", "/proc/thread-self/fd/0"})


# Options whose value is a shell line the tool runs (nix-shell --run), or after which the rest is the command (nix develop -c).
_SHELL_STRING_OPTS: dict[str, tuple[str, ...]] = {"nix-shell": ("--run", "--command")}
_ARGV_OPTS: dict[tuple[str, str], tuple[str, ...]] = {("nix", "develop"): ("-c", "--command"), ("nix", "shell"): ("-c", "--command")}


def _stored_commands(name: str, vals: list[str]) -> list[tuple[str, str]]:
    """Shell commands a tool's own verb stores for a later run: `npm pkg set scripts.X=CMD` (also pnpm, yarn, bun),
    `npm set-script X CMD`, `gh alias set NAME '!CMD'` or `--shell`."""
    out: list[tuple[str, str]] = []
    if name in ("npm", "pnpm", "yarn", "bun") and len(vals) > 3:
        if vals[1] == "pkg" and vals[2] == "set":
            for v in vals[3:]:
                key, sep, body = v.partition("=")
                if sep and key.startswith("scripts.") and body:
                    out.append((body, f"{name} pkg set {key}"))
        elif vals[1] == "set-script" and len(vals) > 3:
            out.append((vals[3], f"{name} set-script {vals[2]}"))
    elif name == "gh" and len(vals) > 4 and vals[1] == "alias" and vals[2] == "set":
        ops = [v for v in vals[3:] if not v.startswith("-")]
        shell = any(v in ("-s", "--shell") for v in vals[3:])
        if len(ops) >= 2 and (shell or ops[1].startswith("!")):
            out.append((ops[1].removeprefix("!"), "gh alias set --shell"))
    return out


stored_commands = _stored_commands  # rules/system.py: the stored script judged as the package.json Write it makes


# Options whose value is a shared object the program loads into itself (each program's manual): an OpenSSL engine given
# by path, a PKCS#11 provider (ssh-keygen -D, ssh -I, ssh-add -s/-e, pkcs11-tool --module), MySQL's client plugin
# directory and authentication plugin, a JVM agent (-agentpath:LIB); and the loader's variables set for the command.
_LIBRARY_OPTIONS: dict[str, tuple[str, ...]] = {
    "openssl": ("-engine",),
    "ssh-keygen": ("-D",),
    "ssh": ("-I",),
    "ssh-add": ("-s", "-e"),
    "pkcs11-tool": ("--module",),
    "mysql": ("--plugin-dir", "--default-auth"),
    "mariadb": ("--plugin-dir", "--default-auth"),
    "java": ("-agentpath:",),
}
_PRELOAD_VARS = ("LD_PRELOAD", "LD_AUDIT", "DYLD_INSERT_LIBRARIES")
# Where installed software keeps its libraries: loading one of these is using the system, not running new code.
_SYSTEM_LIBS = ("/usr/", "/lib/", "/lib64/", "/lib32/", "/opt/homebrew/", "/nix/store/", "/System/", "/Library/")


def _loaded_libraries(name: str, cmd: SimpleCommand) -> list[tuple[str, str]]:
    """(library, how) for each shared object *cmd* loads from outside its working directory and the system's library
    folders: a name without a slash is an engine id or a library the loader finds on its own path."""
    found = [(part, var) for var in _PRELOAD_VARS for part in cmd.assigns.get(var, "").replace(":", " ").split()]
    opts = _LIBRARY_OPTIONS.get(name, ())
    vals = cmd.values()
    for j, v in enumerate(vals):
        for opt in opts:
            if opt.endswith(":") and v.startswith(opt):
                found.append((v[len(opt) :].split("=", 1)[0], f"{name} {opt}"))
            elif v == opt and j + 1 < len(vals):
                found.append((vals[j + 1], f"{name} {opt}"))
            elif opt.startswith("--") and v.startswith(opt + "="):
                found.append((v[len(opt) + 1 :], f"{name} {opt}"))
    out = []
    for lib, via in found:
        if DYN not in lib and "/" not in lib:
            continue
        full = pathstr.normpath(pathstr.join(cmd.cwd or "/", lib)) if DYN not in lib else lib
        if DYN not in lib and (full.startswith(_SYSTEM_LIBS) or (cmd.cwd and (full + "/").startswith(cmd.cwd.rstrip("/") + "/"))):
            continue
        out.append((lib, via))
    return out


# gnutls-cli's options that take a value (gnutls-cli(1)); its operand is the host.
_GNUTLS_VALUES = frozenset(
    {"-p", "--port", "-d", "--debug", "--priority", "--x509cafile", "--x509crlfile", "--x509certfile", "--x509keyfile", "--sni-hostname"}
    | {"--alpn", "--recordsize", "--logfile", "--starttls-proto", "--srpusername", "--srppasswd", "--pskusername", "--pskkey"}
)


def tls_peer(name: str, args: list[str]) -> tuple[str, str] | None:
    """(host, port) a TLS client connects to: `openssl s_client -connect H:P` (or -host/-port, localhost:443 by
    default), `gnutls-cli H -p P`; None for another openssl command or a host given at run time."""
    host, port = "", "443"
    if name == "openssl":
        if not args or args[0] != "s_client":
            return None
        host = "localhost"
        for j, v in enumerate(args[1:-1], 1):
            nxt = args[j + 1]
            if v in ("-connect", "--connect"):
                h, sep, p = nxt.rpartition(":")
                host, port = (h.strip("[]"), p) if sep else (nxt, port)
            elif v == "-host":
                host = nxt
            elif v == "-port":
                port = nxt
    else:
        skip = False
        for j, v in enumerate(args):
            if skip:
                skip = False
            elif v in _GNUTLS_VALUES:
                skip = True
                if v in ("-p", "--port") and j + 1 < len(args):
                    port = args[j + 1]
            elif v.startswith("--port="):
                port = v.split("=", 1)[1]
            elif not v.startswith("-") and not host:
                host = v
    if not host or DYN in host:
        return None
    return host, port


def _fd_name(value: str) -> bool:
    """/dev/fd/N or /proc/self/fd/N: a descriptor the command line opened, whose content clearance does not read."""
    return value.startswith(("/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"))


def socat_programs(cmd: SimpleCommand) -> list[tuple[str, str]]:
    """The programs socat's EXEC: and SYSTEM: addresses run, as (exec|system, command line): the text after the
    colon up to the first comma that is not quoted or escaped (the address options follow: `EXEC:'bash -li',pty`)."""
    out: list[tuple[str, str]] = []
    for w in cmd.argv[1:]:
        head, colon, rest = w.value.partition(":")
        kind = head.lower()
        if not colon or kind not in ("exec", "system"):
            continue
        prog: list[str] = []
        quote = ""
        i = 0
        while i < len(rest):
            ch = rest[i]
            if ch == "\\" and i + 1 < len(rest):
                prog.append(rest[i : i + 2])
                i += 2
                continue
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "'\"":
                quote = ch
            elif ch == ",":
                break
            prog.append(ch)
            i += 1
        out.append((kind, "".join(prog)))
    return out


class ShellFlags:
    """A shell's command line as the shell reads it (bash, sh, zsh, dash, fish: options first, in any order)."""

    __slots__ = ("operands", "command", "stdin", "noexec")

    def __init__(self, operands: int, command: bool, stdin: bool, noexec: bool) -> None:
        self.operands = operands  # index of the first operand: the -c string, or the script file
        self.command = command  # -c: the first operand is the script (`bash -c -x 'cmd'`, `bash -c -- 'cmd'`)
        self.stdin = stdin  # -s: the script comes from stdin
        self.noexec = noexec  # -n / -o noexec, not interactive: commands are read and never run


# A shell's options after which it only prints its version or usage and exits.
_PRINT_ONLY = frozenset({"--version", "--help", "--usage"})


def shell_flags(argv: list[Word]) -> ShellFlags:
    """Read a shell's options: -c takes the first operand (after every option, as bash does) as the script;
    -n (noexec) reads without running, except in an interactive shell (-i), which ignores it."""
    i = 1
    command = stdin = noexec = interactive = False
    while i < len(argv):
        a = argv[i].value
        if a in ("--", "-"):
            i += 1  # bash: `-` is `--`; with no operand after it the script is read from stdin
            break
        if a in _SHELL_OPTS:
            if a in ("-o", "+o") and i + 1 < len(argv) and argv[i + 1].value == "noexec":
                noexec = a == "-o"
            i += 2
            continue
        if a[:1] in "-+" and len(a) > 1 and not a.startswith("--"):
            on = a[0] == "-"
            flags = a[1:]
            if "n" in flags or DYN in flags:
                noexec = on and DYN not in flags  # a flag known only at run time may be +n
            if on:
                command = command or "c" in flags
                stdin = stdin or "s" in flags
                interactive = interactive or "i" in flags
            # `bash -euo pipefail`, `bash -oO pipefail extglob`: every o/O in a group takes the next word as its name
            names = [argv[k].value for k in range(i + 1, min(len(argv), i + 1 + flags.count("o") + flags.count("O")))]
            if "noexec" in names and "o" in flags:
                noexec = on
            i += 1 + flags.count("o") + flags.count("O")
            continue
        if a.startswith("--"):
            i += 1
            continue
        break
    return ShellFlags(i, command, stdin, noexec and not interactive)


# Options of known programs whose value is a command they run, by subcommand (canonical names of shell/optables.py):
# "shell" (run by sh -c), "per-file" (a program run on every file the command reads), "checkpoint" (tar's action).
_OPTION_COMMANDS: dict[str, dict[tuple[str, ...], dict[str, str]]] = {
    "git": {
        ("rebase",): {"exec": "shell"},
        ("clone",): {"upload-pack": "shell"},
        ("fetch",): {"upload-pack": "shell"},
        ("pull",): {"upload-pack": "shell"},
        ("ls-remote",): {"upload-pack": "shell"},
        ("fetch-pack",): {"upload-pack": "shell"},
        ("send-pack",): {"receive-pack": "shell"},
        ("archive",): {"exec": "shell"},  # with --remote: git-upload-archive's stand-in, run through the shell
        ("push",): {"receive-pack": "shell"},
        ("difftool",): {"extcmd": "shell"},
        ("grep",): {"open-files-in-pager": "shell"},  # git grep -O'PAGER': PAGER FILE… through the shell
        ("instaweb",): {"httpd": "shell"},
        ("daemon",): {"access-hook": "shell"},
        (): {"exec-path": "program-dir"},
    },
    # go run|test -exec PROG: the binary runs as `PROG BINARY ARGS`; -toolexec PROG: every toolchain program as `PROG
    # TOOL ARGS`; go vet -vettool=PROG runs PROG (the value is split into words, as the shell would split it).
    "go": {
        ("run",): {"exec": "shell", "toolexec": "shell", "vettool": "shell"},
        ("test",): {"exec": "shell", "toolexec": "shell", "vettool": "shell"},
        **{sub: {"toolexec": "shell", "vettool": "shell"} for sub in (("build",), ("install",), ("vet",), ("list",), ("generate",))},
    },
    "tar": {(): {"to-command": "shell", "use-compress-program": "shell", "info-script": "shell", "rsh-command": "shell", "checkpoint-action": "checkpoint"}},
    "rg": {(): {"pre": "per-file"}},
    "man": {(): {"pager": "shell", "html": "shell"}},
    "npm": {(): {"script-shell": "script-shell"}},
    "pnpm": {(): {"script-shell": "script-shell"}},
    "zip": {},
    "gdb": {},
    "gdb-multiarch": {},
    "hg": {},
    "restic": {},
    "mail": {},
    "emacs": {},
    "emacsclient": {},
    "fzf": {},
    "aria2c": {},
    # Options whose value is a command or code the program runs (_runs_from_options)
    **{n: {} for n in ("check_by_ssh", "gem", "rake", "gcc", "g++", "cc", "c++", "service")},
    **{n: {} for n in ("rpm", "rpmdb", "rpmquery", "rpmspec", "rpmbuild", "rpmverify")},
}
# rake's options whose value is Ruby code it runs (rake --help: -e/--execute, -p/--execute-print, -E/--execute-continue).
_RAKE_CODE = ("-e", "--execute", "-p", "--execute-print", "-E", "--execute-continue")
# The RPM macro language (rpm --eval): %(CMD) is the output of a shell command, %{lua:CODE} runs Lua.
_RPM_SHELL = lazy(r"%\(((?:[^()]|\([^()]*\))*)\)")
_RPM_LUA = lazy(r"%\{lua:((?:[^{}]|\{[^{}]*\})*)\}")
_GDBS = frozenset({"gdb", "gdb-multiarch"})
# Options whose value is a command line the program runs: (program, option names, prefix the value must start with,
# which is dropped).  restic runs --password-command through the shell; GNU mail's --exec runs a mail command, whose
# `!` is the shell escape.
_VALUE_COMMANDS = {
    "restic": (("--password-command",), ""),
    "mail": (("-E", "--exec"), "!"),
    # aria2c's event hooks: the program it runs when a download starts, ends or fails (aria2c(1) "Event Hook")
    "aria2c": (
        ("--on-download-start", "--on-download-pause", "--on-download-stop", "--on-download-complete", "--on-download-error", "--on-bt-download-complete"),
        "",
    ),
}


def _option_values(vals: list[str], names: tuple[str, ...]) -> list[str]:
    """The values given to the options *names* (``--opt VALUE``, ``--opt=VALUE``, ``-E VALUE``)."""
    out: list[str] = []
    for j, v in enumerate(vals):
        if v == "--":
            break
        if v in names and j + 1 < len(vals):
            out.append(vals[j + 1])
        for n in names:
            if n.startswith("--") and v.startswith(n + "="):
                out.append(v[len(n) + 1 :])
    return out


# git's own options that take their value as the next word (git.c handle_options).


def _value_commands(name: str, cmd: SimpleCommand) -> list[tuple[str, str]]:
    """(command line, how it is run) for each command a program runs from its options, settings or environment:
    Mercurial's `--config alias.X=!CMD` and `--config hooks.NAME=CMD` (a hook not written `python:`), restic's
    --password-command and RESTIC_PASSWORD_COMMAND, GNU mail's `--exec '!CMD'`."""
    vals = cmd.values()
    found: list[tuple[str, str]] = []
    if name == "hg":
        for pair in _option_values(vals, ("--config",)):
            key, eq, value = pair.partition("=")
            low = key.strip().lower()
            value = value.strip()
            if not eq or not value or DYN in value:
                continue
            if low.startswith("alias.") and value.startswith("!"):
                found.append((value[1:], f"hg --config {key}"))
            elif low.startswith("hooks.") and not value.startswith("python:"):
                found.append((value, f"hg --config {key}"))
        return found
    names, prefix = _VALUE_COMMANDS[name]
    values = [(v, opt) for opt in names for v in _option_values(vals, (opt,))]
    if name == "restic" and cmd.assigns.get("RESTIC_PASSWORD_COMMAND"):
        values.append((cmd.assigns["RESTIC_PASSWORD_COMMAND"], "RESTIC_PASSWORD_COMMAND"))
    for value, opt in values:
        if value.startswith(prefix) and DYN not in value:
            found.append((value[len(prefix) :], f"{name} {opt}"))
    return found


# Pagers whose +CMD argument is one of their commands, run at start.
_PLUS_COMMANDS = frozenset({"less", "more"})
# git configuration keys whose value is a shell command git runs (git-config(1)).
_GIT_CONFIG_COMMANDS = frozenset(
    {
        "core.sshcommand",
        "core.pager",
        "core.editor",
        "core.askpass",
        "core.fsmonitor",
        "core.gitproxy",
        "sequence.editor",
        "diff.external",
        "gpg.program",
        "gpg.ssh.program",
        "uploadpack.packobjectshook",
        "sendemail.sendmailcmd",
        "interactive.difffilter",
    }
)
# Per-name git keys whose value is a command: section.NAME.key (git-config(1)).
_GIT_NAMED_COMMANDS = frozenset(
    {
        ("filter", "clean"),
        ("filter", "smudge"),
        ("filter", "process"),
        ("difftool", "cmd"),
        ("mergetool", "cmd"),
        ("merge", "driver"),
        ("diff", "command"),
        ("diff", "textconv"),
        ("remote", "uploadpack"),
        ("remote", "receivepack"),
        ("credential", "helper"),
        ("gpg", "program"),
        ("man", "cmd"),
        ("man", "path"),
        ("browser", "cmd"),
        ("browser", "path"),
        ("submodule", "update"),
    }
)
# Settings of values that are not commands in keys that may hold one (submodule.NAME.update: a command only after "!").
_GIT_WORD_VALUES = {"submodule.update": frozenset({"checkout", "rebase", "merge", "none"})}


def git_program_key(key: str) -> bool:
    """Whether the git configuration *key* holds a command git runs."""
    low = key.lower()
    if low in _GIT_CONFIG_COMMANDS or low == "core.alternaterefscommand":
        return True
    parts = low.split(".")
    if len(parts) == 2 and parts[0] == "pager":
        return True  # pager.CMD: the pager of one git command (or true/false)
    return len(parts) >= 3 and (parts[0], parts[-1]) in _GIT_NAMED_COMMANDS


def git_word_value(key: str, value: str) -> bool:
    """Whether *value* of the program-valued git *key* is one of its words that name no command (`submodule.x.update
    = rebase`, `pager.log = false`)."""
    low, v = key.lower(), value.strip().lower()
    parts = low.split(".")
    if len(parts) == 2 and parts[0] == "pager":
        return v in ("true", "false", "yes", "no", "on", "off", "1", "0", "")
    return v in _GIT_WORD_VALUES.get(parts[0] + "." + parts[-1], frozenset())


# Environment variables git runs as commands (git(1)).
_ENV_COMMANDS = {
    "PAGER": "shell",
    "MANPAGER": "shell",
    "EDITOR": "shell",
    "VISUAL": "shell",
    "SUDO_EDITOR": "shell",
    "SUDO_ASKPASS": "shell",
    "SSH_ASKPASS": "shell",
    "BROWSER": "shell",
    "PROMPT_COMMAND": "shell",
    "LESSOPEN": "lessopen",
    "LESSCLOSE": "lessopen",
    "SYSTEMD_PAGER": "shell",
    "GIT_SSH_COMMAND": "shell",
    "GIT_SSH": "shell",
    "GIT_PAGER": "shell",
    "GIT_EDITOR": "shell",
    "GIT_SEQUENCE_EDITOR": "shell",
    "GIT_EXTERNAL_DIFF": "shell",
    "GIT_ASKPASS": "shell",
    "GIT_PROXY_COMMAND": "shell",
    "GIT_EXEC_PATH": "program-dir",
    # Prompt strings: bash expands them, command substitutions included, when it shows them (PS4 at `set -x`).
    "PS0": "prompt",
    "PS1": "prompt",
    "PS2": "prompt",
    "PS4": "prompt",
}


# Programs that read options from the environment: terraform TF_CLI_ARGS[_<command>], npm/pnpm npm_config_<key>,
# pip PIP_<OPTION>, uv's index variables. They are added to the command as the options they stand for.
# Programs that read command-line options from a variable of their own (make's MAKEFLAGS, less's LESS …).
_OPTION_VARIABLES = {
    "make": ("MFLAGS", "GNUMAKEFLAGS", "MAKEFLAGS"),
    "gmake": ("MFLAGS", "GNUMAKEFLAGS", "MAKEFLAGS"),
    "less": ("LESS",),
    "more": ("MORE",),
    "zip": ("ZIPOPT",),
}
_ENV_OPTION_TOOLS = frozenset({"terraform", "tofu", "npm", "pnpm", "pip", "pip3", "uv", "tar", "gtar", "rsync", *_OPTION_VARIABLES})
_UV_INDEX_VARS = {
    "UV_INDEX_URL": "--index-url",
    "UV_EXTRA_INDEX_URL": "--extra-index-url",
    "UV_DEFAULT_INDEX": "--default-index",
    "UV_INDEX": "--index",
    "UV_FIND_LINKS": "--find-links",
}


_CURL_CONFIG_LINE = lazy(r"([A-Za-z0-9][A-Za-z0-9-]*)(?:\s*[=:]\s*|\s+|$)(.*)")


def _curl_config_value(value: str) -> str:
    """A value of curl's configuration: in double quotes with backslash escapes, or the rest of the line unquoted."""
    if not value.startswith('"'):
        return value.strip()
    out: list[str] = []
    k = 1
    while k < len(value) and value[k] != '"':
        if value[k] == "\\" and k + 1 < len(value):
            k += 1
            out.append({"n": "\n", "t": "\t", "r": "\r"}.get(value[k], value[k]))
        else:
            out.append(value[k])
        k += 1
    return "".join(out)


# The .wgetrc commands (wget(1) "-e command", "Wgetrc Commands" in wget's manual) whose meaning is an option that names a
# file written or read: command name (case, `-` and `_` ignored) -> the long option.
_WGETRC_OPTIONS = {
    "outputdocument": "--output-document",
    "dirprefix": "--directory-prefix",
    "logfile": "--output-file",
    "savecookies": "--save-cookies",
    "postfile": "--post-file",
    "bodyfile": "--body-file",
    "input": "--input-file",
    "loadcookies": "--load-cookies",
}


def _install_directory_changes(cmd: SimpleCommand) -> list[tuple[list[Word], str]]:
    """`install -d` with a mode, an owner or a group, as the chmod and chown of its directories it does (round 18b:
    `install -d -m 777 ~/.ssh` was read as making a directory, where `chmod 777 ~/.ssh` is refused)."""
    from .options import normalise

    nc = normalise(cmd)
    if not nc.has("directory") or not nc.words:
        return []
    out: list[tuple[list[Word], str]] = []
    mode, owner, group = nc.value("mode"), nc.value("owner"), nc.value("group")
    if mode and _mode_opens_or_locks(mode):
        out.append(([Word("chmod", "chmod"), Word(mode, mode), *nc.words], "install -d -m"))
    if owner or group:
        spec = (owner or "") + (":" + group if group else "")
        out.append(([Word("chown", "chown"), Word(spec, spec), *nc.words], "install -d -o/-g"))
    return out


def _mode_opens_or_locks(mode: str) -> bool:
    """A mode that lets others write or takes read, write or entry from the owner (777, 000, o+w, u-x, a=r); the modes
    a directory is made with every day (755, 750, 700, u=rwx,go=rx) are not. One not read here counts."""
    if mode.isdigit() and len(mode) <= 4 and all(c in "01234567" for c in mode):
        digits = mode.zfill(4)
        return digits[3] in "2367" or digits[1] != "7"
    for clause in mode.split(","):
        who = clause[: len(clause) - len(clause.lstrip("ugoa"))]
        rest = clause[len(who) :]
        if not rest or rest[0] not in "+-=":
            return True
        others = not who or "o" in who or "a" in who
        owner = not who or "u" in who or "a" in who
        if others and rest[0] in "+=" and "w" in rest:
            return True
        if owner and (rest[0] == "-" or (rest[0] == "=" and not {"r", "w", "x"} <= set(rest[1:]))):
            return True
    return False


def _wget_commands(argv: list[Word]) -> list[Word] | None:
    """wget's argv with each `-e NAME=VALUE` (`--execute`, glued `-eNAME=VALUE`, `--execute=…`) whose NAME is one of
    _WGETRC_OPTIONS written as that option (`--output-document=VALUE`), so the readers of the option read it; None
    when there is none."""
    out: list[Word] = []
    changed = False
    j = 0
    while j < len(argv):
        w = argv[j]
        v = w.value
        command = None
        if j > 0 and v in ("-e", "--execute") and j + 1 < len(argv):
            command, j = argv[j + 1].value, j + 1
        elif j > 0 and v.startswith("--execute="):
            command = v[len("--execute=") :]
        elif j > 0 and v.startswith("-e") and not v.startswith("--") and len(v) > 2:
            command = v[2:]
        if command is not None:
            name, eq, value = command.partition("=")
            option = _WGETRC_OPTIONS.get(name.strip().lower().replace("_", "").replace("-", ""))
            if eq and option is not None and DYN not in name:
                text = f"{option}={value.strip()}"
                out.append(Word(text, w.raw))
                changed = True
            else:
                out.extend(argv[j - 1 : j + 1] if v in ("-e", "--execute") else [w])
        else:
            out.append(w)
        j += 1
    return out if changed else None


def _curl_stdin_config(cmd: SimpleCommand) -> list[Word] | None:
    """curl's command line with `-K -` (`--config -`, `-K-`, `--config=-`, or a process substitution `-K <(printf …)`)
    replaced by the options its standard input (the substitution's literal output) holds (curl(1) "-K, --config": a
    line per option, long names with or without their dashes, the value after a blank, `=` or `:`, `#` comments); None
    when it reads no configuration there or the input is not literal text."""
    argv = cmd.argv
    k, end, kept = None, 0, []
    fed: Word | None = None  # `-K <(printf …)`: a process substitution's literal output is the configuration
    for j, w in enumerate(argv[1:], 1):
        v = w.value
        nxt = argv[j + 1].value if j + 1 < len(argv) else ""
        if nxt in _STDIN_NAMES:
            nxt = "-"  # -K /dev/stdin
        if j + 1 < len(argv) and argv[j + 1].procsub and (v == "--config" or (v.startswith("-") and not v.startswith("--") and v.endswith("K"))):
            k, end, fed = j, j + 2, argv[j + 1]
            kept = [Word(v[:-1], v[:-1])] if v not in ("--config", "-K") else []
            break
        if v in ("--config=-", *(f"--config={n}" for n in _STDIN_NAMES)) or (v == "--config" and nxt == "-"):
            k, end = j, j + (1 if "=" in v else 2)
            break
        if v.startswith("-") and not v.startswith("--") and "K" in v:
            # a cluster of flags up to -K, whose value is the rest of the word or the next word: -K-, -sK -, -sSK-
            flags, _, rest = v[1:].partition("K")
            if rest == "-" or rest in _STDIN_NAMES or (not rest and nxt == "-"):
                k, end = j, j + (1 if rest else 2)
                kept = [Word("-" + flags, "-" + flags)] if flags else []
                break
    if k is None:
        return None
    if fed is not None:
        text = literal_stdin(fed.subs)
    else:
        text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
    if text is None:
        return None
    words: list[Word] = []
    for line in text.splitlines()[:MAX_INPUT_LINES]:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            name, _, value = line.partition(" ")
            if name.startswith("--") and "=" in name:
                name, _, value = line.partition("=")  # not curl's syntax, but harmless to read
        elif (m := _CURL_CONFIG_LINE.match(line)) is not None:
            name, value = "--" + m.group(1), m.group(2)
        else:
            continue
        words.append(Word(name, name))
        value = _curl_config_value(value.strip())
        if value:
            words.append(Word(value, value))
    return [*argv[:k], *kept, *words, *argv[end:]]


def _env_options(cmd: SimpleCommand) -> None:
    """Add to *cmd* the options its program reads from the environment (TF_CLI_ARGS_apply='-destroy', PIP_INDEX_URL=…)."""
    name = cmd.name
    argv = cmd.argv
    env = cmd.assigns
    added: list[Word] = []
    if name in ("terraform", "tofu"):
        sub = next((k for k in range(1, len(argv)) if not argv[k].value.startswith("-")), None)
        if sub is None:
            return
        words: list[str] = []
        for var in ("TF_CLI_ARGS", "TF_CLI_ARGS_" + argv[sub].value):
            words += env.get(var, "").split()
        cmd.argv = [*argv[: sub + 1], *(Word(w, w) for w in words), *argv[sub + 1 :]]
        return
    if name in ("tar", "gtar"):
        # GNU tar prepends TAR_OPTIONS to its command line (split as the shell splits words) and takes TAPE as the
        # archive when no -f is given (a -f later on the line wins, as the last -f does).
        words = _split_words(env.get("TAR_OPTIONS", ""))
        if env.get("TAPE"):
            words.insert(0, "--file=" + env["TAPE"])
        if words:
            k = 2 if len(argv) > 1 and argv[1].value[:1] not in ("-", "") and DYN not in argv[1].value else 1  # after `tar cf`
            cmd.argv = [*argv[:k], *(Word(w, "TAR_OPTIONS") for w in words), *argv[k:]]
        return
    if name in _OPTION_VARIABLES:
        # Options the program reads from its variable before its command line: make's MAKEFLAGS (a first word
        # without a dash is single-letter flags), less's LESS and more's MORE (a `+` option's string runs to a `$`
        # or the end), zip's ZIPOPT.
        words = []
        for var in _OPTION_VARIABLES[name]:
            value = env.get(var, "")
            if not value or DYN in value:
                continue
            if name in ("less", "more") and "+" in value:
                head, _, plus = value.partition("+")
                got = [*_split_words(head), "+" + plus.split("$", 1)[0]]
            elif name in ("make", "gmake") and "--eval=" in value:
                # GNU make 4.3 runs the whole `$(shell …)` of MAKEFLAGS='--eval=$(shell CMD ARGS)', blanks and all:
                # the text from --eval= on is read as one word.
                head, _, text = value.partition("--eval=")
                got = [*_split_words(head), "--eval=" + text]
            else:
                got = _split_words(value)
            if name in ("make", "gmake") and got and not got[0].startswith("-") and "=" not in got[0]:
                got[0] = "-" + got[0]
            words += got
        if words:
            cmd.argv = [argv[0], *(Word(w, "environment") for w in words), *argv[1:]]
        return
    if name == "rsync":
        # RSYNC_RSH is rsync's -e: the remote shell it runs.
        if env.get("RSYNC_RSH"):
            cmd.argv = [argv[0], Word("--rsh=" + env["RSYNC_RSH"], "RSYNC_RSH"), *argv[1:]]
        return
    for var, value in env.items():
        low = var.lower()
        if name in ("npm", "pnpm") and low.startswith("npm_config_") and len(low) > 11:
            added.append(Word(f"--{low[11:].replace('_', '-')}={value}", var))
        elif name in ("pip", "pip3") and var.startswith("PIP_") and len(var) > 4:
            added.append(Word(f"--{low[4:].replace('_', '-')}={value}", var))
        elif name == "uv" and var in _UV_INDEX_VARS:
            added.append(Word(f"{_UV_INDEX_VARS[var]}={value}", var))
    if added:
        cmd.argv = [*argv, *added]


def _git_by_another_name(cmd: SimpleCommand) -> SimpleCommand | None:
    """git's commands under another name, as git itself would run them: the dashed program in git's exec path
    (`/usr/lib/git-core/git-push --force`, `git-clean -fdx`: git runs its builtins and scripts by these names),
    `hub CMD` for a command of git's (hub passes them through to git), and `git send-pack`, the plumbing under push
    (same repository and refspec operands, `--force`, `--mirror`, `--all`). None for anything else."""
    from .programs import GIT_BUILTINS

    argv = cmd.argv
    name = cmd.name
    if name.startswith("git-"):
        sub = name[4:]
        if sub not in GIT_BUILTINS and sub not in ("subtree", "filter-branch", "submodule", "bisect", "mergetool", "difftool"):
            return None  # git-lfs, git-crypt, git-filter-repo: programs of their own
        return cmd.derive([Word("git", argv[0].raw), Word(sub, sub), *argv[1:]], name)
    if name == "hub":
        first = next((w.value for w in argv[1:] if not w.value.startswith("-")), "")
        if first not in GIT_BUILTINS:
            return None  # hub's own commands (pull-request, browse, ci-status …) are not git's
        return cmd.derive([Word("git", argv[0].raw), *argv[1:]], "hub")
    from .options import normalise

    nc = normalise(cmd)
    if nc.sub[:1] != ("send-pack",):
        return None
    at = next((k for k in range(1, len(argv)) if argv[k].value == "send-pack"), None)
    if at is None:
        return None
    return cmd.derive([*argv[:at], Word("push", argv[at].raw), *argv[at + 1 :]], "git send-pack")


def _split_words(text: str) -> list[str]:
    """*text* split into words as the shell (and GNU tar's TAR_OPTIONS) splits them: quotes group, blanks separate."""
    if not text:
        return []
    import shlex

    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


# git's trace2 settings whose value is the file its trace is appended to (git-config(1) trace2.*; the same as the
# GIT_TRACE2, GIT_TRACE2_PERF and GIT_TRACE2_EVENT variables).
_GIT_TRACE_TARGETS = {"trace2.normaltarget": "GIT_TRACE2", "trace2.perftarget": "GIT_TRACE2_PERF", "trace2.eventtarget": "GIT_TRACE2_EVENT"}


# git's verbs that take a repository URL among their words (`--remote=URL` of archive too): an `ext::` one is a command.
_GIT_URL_VERBS = frozenset((v,) for v in ("clone", "fetch", "pull", "push", "ls-remote", "fetch-pack", "send-pack", "remote", "submodule", "archive"))
_EXT_SERVICE = {"s": "upload-pack", "S": "git-upload-pack"}


def git_ext_argv(spec: str) -> list[str]:
    """The program and arguments git-remote-ext runs for `ext::SPEC`: words split at spaces, `% ` a space, `%%` a
    percent, `%s`/`%S` the service's name; an argument starting `%G` or `%V` is git's pseudo-request, not passed."""
    out: list[str] = []
    cur: list[str] = []
    i = 0
    started = False
    while i < len(spec):
        c = spec[i]
        if c == "%" and i + 1 < len(spec):
            n = spec[i + 1]
            cur.append(" " if n == " " else "%" if n == "%" else _EXT_SERVICE.get(n, "%" + n))
            started = True
            i += 2
            continue
        if c == " ":
            if started:
                out.append("".join(cur))
            cur, started = [], False
        else:
            cur.append(c)
            started = True
        i += 1
    if started:
        out.append("".join(cur))
    return [a for a in out if not a.startswith(("%G", "%V"))]


def git_config_pairs(cmd: SimpleCommand, nc: Norm | None = None, stored: bool = True) -> list[tuple[str, str]]:
    """Every (key, value) a git command sets: `-c k=v`, GIT_CONFIG_COUNT/KEY_n/VALUE_n, GIT_CONFIG_PARAMETERS, `git config k v`."""
    nc = nc or normalise(cmd)
    pairs: list[tuple[str, str]] = []
    env = cmd.assigns
    for c in nc.level("c", 0) + (nc.values("config") if nc.sub[:1] == ("clone",) else []):
        k, _, v = c.partition("=")
        pairs.append((k, v))
    for c in nc.level("config-env", 0):
        # --config-env=KEY=ENVVAR: the value is the variable's.
        k, _, var = c.partition("=")
        pairs.append((k, env.get(var, DYN)))
    count = env.get("GIT_CONFIG_COUNT", "")
    if count.isdigit():
        for n in range(min(int(count), 50)):
            key = env.get(f"GIT_CONFIG_KEY_{n}", "")
            if key:
                pairs.append((key, env.get(f"GIT_CONFIG_VALUE_{n}", "")))
    for var in ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG"):
        file = env.get(var)
        if file and file != "/dev/null":
            pairs.append(("include.path", file))  # a whole configuration file: as if included
    params = env.get("GIT_CONFIG_PARAMETERS", "")
    if params:
        import shlex

        try:
            items = shlex.split(params)
        except ValueError:
            items = [params]
        for item in items:
            k, _, v = item.partition("=")
            pairs.append((k, v))
    if stored and nc.sub[:1] == ("config",) and not any(nc.has(o) for o in _GIT_CONFIG_READS):
        ops = nc.pos
        if nc.sub[1:2] == ("set",) or len(nc.sub) == 1:
            if len(ops) >= 2:
                pairs.append((ops[0], ops[1]))
    return pairs


_GIT_CONFIG_READS = ("get", "get-all", "get-regexp", "get-urlmatch", "list", "unset", "unset-all", "remove-section", "rename-section", "edit")


# The commands lvm(8) runs as `lvm COMMAND` (lvm2 tools/commands.h: lv*, vg*, pv* and its own few).
_LVM_COMMAND = lazy(r"(?:lv|vg|pv)[a-z]+|fullreport|lastlog|config|dumpconfig|devtypes|formats|segtypes|systemid|tags|version")


# bash builtins (bash(1) SHELL BUILTIN COMMANDS) whose arguments are names, numbers or text and never a command: `:`
# expands its words and does nothing else (`: rm -rf build` is a comment).  Not here: the builtins that run what they
# are given (eval, exec, command, builtin, source, trap, fc, bind, complete/compgen -C, enable -f, mapfile -C) and
# those whose words become what a later `"$@"` or `$x` runs (set --, declare, local, export, readonly, alias, read).
_INERT_BUILTINS = frozenset(
    {":", "umask", "ulimit", "shopt", "times", "caller", "dirs", "unalias", "return", "exit", "break", "continue", "logout", "suspend", "kill"}
)

# Labels in `via` of commands an unknown program may run: MAY_RUN caps their findings at ask.
MAY_RUN = " (may run)"
MAY_RUN_WORDS = " (runs)"
# Programs whose arguments are data (messages, patterns, names to look up), never run.
NON_RUNNERS = frozenset(
    {
        "echo",
        "printf",
        "grep",
        "egrep",
        "fgrep",
        # grep and cat of compressed files (effects.DECOMPRESSING_PRINTERS, effects._GREPS)
        "zgrep",
        "zegrep",
        "zfgrep",
        "bzgrep",
        "xzgrep",
        "zstdgrep",
        "zcat",
        "gzcat",
        "zless",
        "zmore",
        "bzcat",
        "bzless",
        "bzmore",
        "xzcat",
        "xzless",
        "xzmore",
        "lzcat",
        "zstdcat",
        "zstdless",
        "lz4cat",
        "rg",
        "ag",
        "ack",
        "man",
        "which",
        "type",
        "whatis",
        "apropos",
        "info",
        "help",
        "whereis",
        "tldr",
        "cheat",
        "cat",
        "less",
        "more",
        "head",
        "tail",
        "wc",
        "sort",
        "uniq",
        "cut",
        "tr",
        "ls",
        "diff",
        "cmp",
        "comm",
        "jq",
        "yq",
        "file",
        "stat",
        "basename",
        "dirname",
        "realpath",
        "readlink",
        "test",
        "[",
        "[[",
        "true",
        "false",
        "logger",
        "notify-send",
        "say",
        "figlet",
        "cowsay",
        "toilet",
        "column",
        "fmt",
        "fold",
        "nl",
        "od",
        "hexdump",
        "xxd",
        "strings",
        "base64",
        "md5sum",
        "sha256sum",
        "sha1sum",
        "shasum",
        "date",
        "cal",
        "bc",
        "expr",
        "seq",
        "sleep",
        "printenv",
        "id",
        "whoami",
        "hostname",
        "uname",
        "pwd",
        "tput",
        "history",
        "hash",
        "compgen",
        "complete",
        "declare",
        "typeset",
        "local",
        "readonly",
        "export",
        "unset",
        "set",
        "shift",
        "read",
        "mapfile",
        "getopts",
        "let",
        "wait",
        "jobs",
        "fg",
        "bg",
        "disown",
        "cd",
        "pushd",
        "popd",
        "mkdir",
        "touch",
        "zoxide",
        "z",
        "ln",
        "tee",
        "wl-copy",
        "pbcopy",
        "xclip",
        "xsel",
        "gettext",
        "zenity",
        "dialog",
        "whiptail",
        "look",
        "spell",
        "aspell",
        "fzf",
        "bat",
        "tree",
        "pgrep",
        "pidof",
        "lsof",
        "ps",
        "top",
        "htop",
        "du",
        "df",
        "free",
        "uptime",
        "env",
        "command",
        "builtin",
        "exec",
    }
)
# Programs whose string arguments are messages or queries, not programs (git commit -m "rm -rf build").
_DATA_ARGUMENTS = frozenset({"git", "gh", "glab", "hub", "jira", "slack", "curl", "wget", "http", "https", "xh"})
# Command names that are also the usual subcommands of command-line clients (`pyenv init`, `tool install`).
_SUBCOMMAND_WORDS = frozenset(
    {
        "init",
        "install",
        "test",
        "link",
        "kill",
        "touch",
        "mount",
        "service",
        "start",
        "stop",
        "run",
        "exec",
        "open",
        "update",
        "upgrade",
        "clean",
        "build",
        "env",
        "time",
        "info",
        "help",
        "list",
        "status",
        "version",
        "shell",
        "login",
        "logout",
        "watch",
        "sync",
        "config",
        "add",
        "diff",
        "show",
        "top",
        "export",
        "import",
        "format",
        "apply",
        "plan",
        "deploy",
        "serve",
        "w",
        "at",
    }
)
# The verbs of an unmodelled runner after which a command follows (_after_running_verb).
_RUNNING_VERBS = frozenset({"run", "exec"})
_ESCAPES = ("shell ", ".shell ", ".system ", "system ", "platform shell ", "!")
# Lines of a program's standard input read for commands (_input_as_commands).
MAX_INPUT_LINES = 200
# Raw socket clients whose input goes to the peer as typed, and the ports of a text protocol typed into them
# (_typed_protocol): redis's inline commands.
# Template and macro processors whose input is code (_template_code): ERB's tags (Ruby), m4's syscmd/esyscmd (shell).
_TEMPLATE_CODE = frozenset({"erb", "m4"})
_RAW_SOCKETS = frozenset({"nc", "ncat", "netcat", "telnet", "socat"})


def _input_is_data(name: str) -> bool:
    """A program clearance models as writing, deleting, copying or printing files: what it reads on standard input is
    content (`tee notes.md <<< '!…'`, `patch` given a context diff whose changed lines start with `! `)."""
    from . import effects

    return name in effects.WRITERS or name in effects.DELETERS or name in effects.READERS or name in effects.PRINTERS or name in _PATCHERS


_PATCHERS = frozenset({"patch", "gpatch"})


def _shell_escape(text: str) -> str | None:
    """The command of a little language's shell escape: `!cmd` (ed, less, vi), `shell cmd` (gdb), `.shell cmd` (sqlite3)."""
    t = text.lstrip()
    for prefix in _ESCAPES:
        if t.startswith(prefix):
            body = t[len(prefix) :].strip()
            first = body.split(None, 1)[0] if body else ""
            return body if first and runnable(first) else None
    return None


# Names clearance models beyond its tables (_known): the judged ones, then the others.
_JUDGED_MORE = frozenset({"env", "xargs", "eval", "ssh", "find", "watch", "su", "runuser", "source", "."})
_KNOWN_MORE = frozenset({"tmux", "tmate", "entr", "start-stop-daemon", "at", "batch", "trap", "alias", "fd", "fdfind", "autossh", "corepack"})
# name -> (modelled, judged by the rule packs), per name asked (known_program, runnable).
_KNOWN: dict[str, tuple[bool, bool]] = {}


def _known(name: str) -> tuple[bool, bool]:
    """(whether clearance models *name*, whether the rule packs judge its commands), looked up in each table a name may
    be in, once per name. (The union of the tables, built on a first use, was ~0.4 M instructions of a cold hook whose
    line names three programs.)"""
    got = _KNOWN.get(name)
    if got is not None:
        return got
    from ..rules import index
    from . import effects, optables, outputs_table

    judged = (
        name in index().by_command
        or name in effects.DELETERS
        or name in effects.WRITERS
        or name in SHELLS
        or name in INTERPRETERS
        or name in _SIMPLE_WRAPPERS
        or name in ELEVATING
        or name in EMBEDDED_NAMES
        or name in _JUDGED_MORE
    )
    entry = outputs_table.TABLE.get(name)
    known = (
        judged
        or name in optables.TOOLS
        or name in optables.ALIASES
        or (entry is not None and not entry.get("homonyms"))
        or name in NON_RUNNERS
        or name in _INERT_BUILTINS
        or name in effects.METADATA_ONLY
        or name in effects.READERS
        or name in _TERMINALS
        or any(k[0] == name for k in _RUNNERS)
        or name in _KNOWN_MORE
        or name in _PROCESS_MANAGERS
    )
    if len(_KNOWN) >= 4096:
        _KNOWN.clear()
    got = _KNOWN[name] = (bool(known), bool(judged))
    return got


# The package managers corepack runs by name (`corepack yarn@4 …`; pnpx and yarnpkg are their other commands).
_COREPACK_MANAGERS = frozenset({"npm", "npx", "pnpm", "pnpx", "yarn", "yarnpkg"})
# The programs rustup installs as proxies of the selected toolchain's tools, which take a first word `+TOOLCHAIN`.
RUSTUP_PROXIES = frozenset(
    {"cargo", "rustc", "rustdoc", "rustfmt", "cargo-fmt", "cargo-clippy", "clippy-driver", "rust-gdb", "rust-lldb", "rust-gdbgui"}
    | {"rust-analyzer", "cargo-miri", "rls"}
)


def _toolchain_selector(word: str) -> bool:
    """`+stable`, `+nightly-2024-05-01`, `+1.79.0-x86_64-unknown-linux-gnu`: a toolchain's name after the `+`."""
    body = word[1:]
    return word.startswith("+") and bool(body) and DYN not in word and all(c.isalnum() or c in "-._" for c in body)


def runs_a_command(cmd: SimpleCommand) -> bool:
    """A wrapper or runner whose operands are a command judged as one of its own (sudo, timeout, flock, uv run, npx)."""
    name = cmd.name
    if name in _SIMPLE_WRAPPERS or name in ELEVATING or name in ("command", "builtin", "exec"):
        return True
    first = next((a.value for a in cmd.args if not a.value.startswith("-")), "")
    return (name, "") in _RUNNERS or (name, first) in _RUNNERS


def known_program(name: str) -> bool:
    """Whether clearance models *name* (it has rules, an option table, or is unwrapped or known to run nothing)."""
    return _known(name)[0] or _versioned_interpreter(name) is not None


# The system's trees of configuration, state, devices and kernel files: a file there named like a program (/etc/passwd,
# /etc/crontab, /etc/shells) is the system's data, not the program (`emacs /etc/crontab` opens a file).  Programs are
# kept in bin folders; /etc/alternatives holds links to programs (/etc/alternatives/editor).
_SYSTEM_DATA_TREES = ("/etc/", "/proc/", "/sys/", "/dev/", "/var/", "/usr/share/", "/usr/include/", "/private/etc/", "/private/var/")


# Folders inside the data trees where anyone may put a program (the temporary folders), so a word there may be run.
_SYSTEM_TEMP_TREES = ("/var/tmp/", "/dev/shm/", "/var/folders/", "/private/var/tmp/", "/private/var/folders/")


def _system_data_file(word: str) -> bool:
    """Whether *word* names a file of the system's data trees, outside any bin folder (never a program to run).

    A temporary folder of those trees holds whatever was put there (/var/tmp/rm, /dev/shm/python3), and a process's
    view of the file system under /proc (/proc/self/root/usr/sbin/mkfs, /proc/1/cwd/x, /proc/self/exe) is the file
    it leads to, so neither is data by its place (round 17c)."""
    if word.startswith("/proc/"):
        pid, _, rest = word[6:].partition("/")
        if rest.startswith("root/"):
            return _system_data_file(rest[4:])  # /proc/PID/root/etc/passwd is /etc/passwd
        if pid and (rest.startswith(("cwd/", "exe", "fd/", "map_files/")) or not rest):
            return False
    if word.startswith(_SYSTEM_TEMP_TREES):
        return False
    return (
        word.startswith(_SYSTEM_DATA_TREES) and "/bin/" not in word and "/sbin/" not in word and not word.startswith("/etc/alternatives/") and ".." not in word
    )


def runnable(name: str) -> bool:
    """Whether *name* is a command the rule packs judge (rm, git, kubectl, bash …): worth reading when handed to a program."""
    return _known(pathstr.basename(name))[1]


class Expansion:
    __slots__ = ("commands", "problems", "idle_shells")

    def __init__(self) -> None:
        self.commands: list[SimpleCommand] = []
        self.problems: list[tuple[str, str]] = []
        # Interactive shells whose only input is the standard input the agent's tool gave the command line (no pipe,
        # file, here-document or descriptor of the script's feeds them): the messages of shell.interactive-shell,
        # asked only where the agent can type into that input later (engine.analyse_shell).
        self.idle_shells: list[str] = []


def _home_for(parent: SimpleCommand, home: str) -> str:
    """The home folder of the code *parent* runs: in a container started for it (`docker run … sh -c 'cd && …'`), the
    container's (HOME given with -e, else root's /root, where the images' default user lives), not the host's."""
    if parent.container is None:
        return home
    given = parent.assigns.get("HOME", "")
    return given if given.startswith("/") else "/root"


def _reads_tool_input(cmd: SimpleCommand) -> bool:
    """Whether *cmd* reads nothing but the standard input the agent's tool gave the whole command line."""
    if not cmd.ownstdin or cmd.stdin_from or cmd.stdin_text is not None or cmd.elevated:
        return False
    return not any(r.fd == "0" or (not r.fd and r.op.startswith("<")) for r in cmd.redirects)


def _mapfile_callback(cmd: SimpleCommand) -> str | None:
    """The code `mapfile -C CALLBACK` evaluates (with an index and a line appended) every -c lines, when it runs: its
    options read as getopt reads them (an option mapfile does not have is a usage error: nothing runs), and without
    -c only every 5000 lines, which a here-string or here-document shorter than that never reaches."""
    vals = cmd.values()
    callback, quantum = None, False
    j = 0
    while j < len(vals):
        v = vals[j]
        if v == "--" or not v.startswith("-") or v == "-":
            break
        for k, ch in enumerate(v[1:], 1):
            if ch not in "dnOsuCct":
                return None  # usage error
            if ch in "dnOsuCc":
                value = v[k + 1 :] or (vals[j + 1] if j + 1 < len(vals) else "")
                if not v[k + 1 :]:
                    j += 1
                if ch == "C":
                    callback = value
                elif ch == "c":
                    quantum = True
                break
        j += 1
    if not callback:
        return None
    if not quantum and cmd.stdin_text is not None and cmd.stdin_text.count("\n") < 5000:
        return None
    return callback


# Programs that are a Python module's command line (`ipython` is `python -m IPython`).
_PYTHON_CODE_PROGRAMS = {"ipython": "IPython", "ipython3": "IPython"}
# pdb's own commands (Python's pdb documentation): a -c line that starts with none of them runs as a Python statement.
_PDB_COMMANDS = frozenset(
    [
        "h",
        "help",
        "w",
        "where",
        "bt",
        "d",
        "down",
        "u",
        "up",
        "b",
        "break",
        "tbreak",
        "cl",
        "clear",
        "disable",
        "enable",
        "ignore",
        "condition",
        "commands",
        "s",
        "step",
        "n",
        "next",
        "unt",
        "until",
        "r",
        "return",
        "c",
        "cont",
        "continue",
        "j",
        "jump",
        "l",
        "list",
        "ll",
        "longlist",
        "a",
        "args",
        "p",
        "pp",
        "whatis",
        "source",
        "display",
        "undisplay",
        "interact",
        "alias",
        "unalias",
        "q",
        "quit",
        "exit",
        "retval",
        "rv",
        "debug",
        "restart",
        "run",
    ]
)


def _valued(args: list[str], short: str, long: str) -> tuple[list[str], list[str]]:
    """(the values of option *short* / *long*, the operands): `-s X`, `-sX`, `--setup X`, `--setup=X`; other options
    are skipped with the value the option table of the module gives them (timeit's -n, -r, -u take one)."""
    values: list[str] = []
    operands: list[str] = []
    j = 0
    while j < len(args):
        a = args[j]
        j += 1
        if a == "--":
            operands += args[j:]
            break
        if a in (short, long) and j < len(args):
            values.append(args[j])
            j += 1
        elif a.startswith(long + "="):
            values.append(a[len(long) + 1 :])
        elif a.startswith(short) and len(a) > 2 and not a.startswith("--"):
            values.append(a[2:])
        elif a in ("-n", "-r", "-u", "--number", "--repeat", "--unit", "-m"):
            j += 1
        elif not a.startswith("-") or a == "-":
            operands.append(a)
    return values, operands


def python_module_code(module: str, args: list[str]) -> str | None:
    """The Python a module run with `python -m MODULE ARGS` executes from its arguments: timeit's setup (-s) and
    statements, pdb's -c lines that are not debugger commands (pdb runs them as statements; `!STMT` always), IPython's
    -c code. None for any other module, or when the arguments hold no code."""
    if module == "timeit":
        setup, statements = _valued(args, "-s", "--setup")
        code = "\n".join(setup + statements)
    elif module == "pdb":
        commands, _ = _valued(args, "-c", "--command")
        lines = [c[1:] if c.startswith("!") else c for c in commands if c.startswith("!") or (c.split() or [""])[0] not in _PDB_COMMANDS]
        code = "\n".join(lines)
    elif module == "IPython":
        given, _ = _valued(args, "-c", "--command")
        code = "\n".join(given)
    else:
        return None
    return code if code.strip() else None


def ssh_stdin_script(cmd: SimpleCommand) -> tuple[str, str] | None:
    """The host, and the file of this machine whose lines ssh's remote shell runs: `ssh HOST < FILE` (the login shell reads its input)
    or `ssh HOST SHELL [-s -e -x …] < FILE` (a shell given no script and no -c reads it), FILE a word known before the
    line runs; None otherwise (a remote command that is not a bare shell reads the file as its own input)."""
    if cmd.name not in ("ssh", "autossh") or cmd.stdin_text is not None or cmd.stdin_from:
        return None
    # The shell opens the redirections in order: the last one of standard input is what ssh reads (`< a.sh < b.sh`
    # sends b.sh), and a descriptor copied or opened both ways there (`<&3`, `<>`) is not a file known here.
    last = next((r for r in reversed(cmd.redirects) if r.fd in ("", "0") and r.op.startswith("<")), None)
    src = last.target if last is not None and last.op == "<" else None
    if src is None or src.procsub or src.dynamic or DYN in src.value or src.value in _STDIN_NAMES or src.value == "/dev/null":
        return None
    argv = cmd.argv
    i = _strip_options(argv, 1, _SSH_OPTS | {"-M"} if cmd.name == "autossh" else _SSH_OPTS)
    from .unwrap_remote import _ssh_runs_no_shell

    if _ssh_runs_no_shell(argv[1:i]):
        return None
    if i < len(argv) and argv[i].value == "--":
        i += 1
    if i >= len(argv):
        return None
    rest = [w.value for w in argv[i + 1 :]]
    if rest and rest[0] == "--":
        rest = rest[1:]
    words = " ".join(rest).split()
    if words:
        if words[0].rsplit("/", 1)[-1] not in SHELLS:
            return None
        if any(not w.startswith("-") or (not w.startswith("--") and "c" in w[1:]) for w in words[1:]):
            return None  # a script operand or -c: the shell runs that, and reads the file as its input
    return argv[i].value, src.value


def ssh_script_message(host: str, script: str) -> str:
    """shell.interactive-shell's question for `ssh HOST < FILE` where FILE cannot be read (engine drops it where it can)."""
    return f"ssh {host}'s remote shell runs the lines of {script}, which clearance cannot read here"


def _strip_options(argv: list[Word], i: int, with_value: frozenset[str]) -> int:
    """Skip options starting at argv[i]; return the index of the first operand."""
    while i < len(argv):
        a = argv[i].value
        if a == "--":
            return i + 1
        if not a.startswith("-") or a == "-":
            return i
        if a in with_value:
            i += 2
            continue
        if a.startswith("--") and "=" in a:
            i += 1
            continue
        if len(a) > 2 and not a.startswith("--"):
            # A cluster read as getopt reads it: the first letter that takes a value takes the rest of the word
            # (-n10, -uroot, exec's -caNAME) or, when it ends the word, the next one (-dmS name).
            at = next((k for k in range(1, len(a)) if "-" + a[k] in with_value), None)
            i += 1 if at is None or at < len(a) - 1 else 2
            continue
        i += 1
    return min(i, len(argv))  # an option that wants a value it never got (xargs -ra) ends the words


# Set while a call from a case-insensitive file system is expanded (engine.analyse_shell): there `Git`, `RM` and
# `CLEARANCE` find the same programs as `git`, `rm` and `clearance`, so a known program is judged whatever its case.
FOLD_COMMANDS: ContextVar[bool] = ContextVar("clearance_fold_commands", default=False)


def basename_command(word: Word) -> Word:
    word = _folded_command(word)
    v = word.value
    if v[:1] == "=" and (v[1:2].isalpha() or v[1:2] in ("_", ".", "/")) and "=" not in v[1:] and DYN not in v:
        # zsh's `=NAME` (its EQUALS option, on by default) is the path of the program NAME: `=rm -rf ~` runs /bin/rm
        # (adversarial round 10d). In bash a command named "=rm" is not found; reading it as rm is the safe side.
        v = v[1:]
        word = Word(v, word.raw, word.subs, word.procsub, word.vars, word.quoted)
    if "\\" in v:
        # `\\rm` runs a command literally named "\rm"; judge it by what it spells.
        v = v.replace("\\", "")
        word = Word(v, word.raw, word.subs, word.procsub, word.vars, word.quoted)
    if "/" in v and DYN not in v:
        base = pathstr.basename(v)
        if base:
            return Word(base, word.raw, word.subs, word.procsub, word.vars, word.quoted)
    return word


def _folded_command(word: Word) -> Word:
    v = word.value
    if not FOLD_COMMANDS.get() or v.islower() or not v.isascii() or DYN in v:
        return word
    head, _, base = v.rpartition("/")
    low = base.lower()
    if low == base or not known_program(low):
        return word
    return Word((head + "/" if head else "") + low, word.raw, word.subs, word.procsub, word.vars, word.quoted)


# Unwrapper's methods for less usual commands, by the module that holds them (imported the first time one is asked for:
# Unwrapper.__getattr__), so that a cold hook deciding an ordinary call does not load their code (issue 16).
LATER = {
    "_screen_command": "unwrap_launch",
    "_launcher": "unwrap_launch",
    "_process_manager": "unwrap_launch",
    "_env": "unwrap_launch",
    "_fish_code": "unwrap_launch",
    "_shell": "unwrap_launch",
    "_stdin_script": "unwrap_launch",
    "_xargs": "unwrap_find",
    "_fd": "unwrap_find",
    "_find": "unwrap_find",
    "_ssh": "unwrap_remote",
    "_platform_remote": "unwrap_remote",
    "_ssh_options": "unwrap_remote",
    "_ssh_settings": "unwrap_remote",
    "_transfer_downloads": "unwrap_remote",
    "_compose": "unwrap_containers",
    "_container_run": "unwrap_containers",
    "_entrypoint": "unwrap_containers",
    "_runner": "unwrap_containers",
    "_rails": "unwrap_code",
    "_code_commands": "unwrap_code",
    "_code_paths": "unwrap_code",
    "_system_calls": "unwrap_code",
    "_perl_code": "unwrap_code",
    "_elisp": "unwrap_code",
    "_interpreter": "unwrap_code",
    "_embedded": "unwrap_code",
    "_program_files": "unwrap_code",
    "_sql_client": "unwrap_code",
    "_parallel": "unwrap_code",
    "_data_modules": "unwrap_code",
    "_code": "unwrap_code",
    "_template_code": "unwrap_sockets",
    "_typed_protocol": "unwrap_sockets",
    "_as_socket_client": "unwrap_sockets",
    "_stdin_code": "unwrap_sockets",
    "_socket_shell": "unwrap_sockets",
}


class Unwrapper:
    def __init__(self, cwd: str | None, home: str, env: dict[str, str], typed_input: bool = True) -> None:
        self.home = home
        self.env = env
        # False: the tool's own standard input is one the agent cannot write to (engine.analyse_shell's typed_input),
        # so a command reading only it reads nothing the agent sends (xargs gets no item).
        self.typed_input = typed_input
        self.out = Expansion()
        self.env_seen: set[tuple[str, str]] = set()
        self.reparsed = 0
        # Commands one piece of code run by a command may hold (parse max_commands): the line's own limit for the tool
        # call's line, whose `bash -c`, eval and here-documents are part of it (engine.analyse_shell, adv16c).
        self.max_commands = MAX_COMMANDS
        # Aliases the line defines (`alias cat=rm`): a later command of that name may run the alias's text (round 20b).
        self.aliases: dict[str, str] = {}

    def __getattr__(self, name: str) -> Any:
        """A method of LATER: its module is imported and all its methods become Unwrapper's (methods of a holder class
        there, verbatim); any other missing attribute is an AttributeError as usual."""
        module = LATER.get(name)
        if module is None:
            raise AttributeError(name)
        holder = __import__(module, globals(), None, ("Methods",), 1).Methods
        for key, value in vars(holder).items():
            if key in LATER:
                setattr(Unwrapper, key, value)
        return getattr(self, name)

    def reparse(
        self, text: str, parent: SimpleCommand, via: str, bound: dict[str, str] | None = None, inherit_input: bool = False, /, **changes: object
    ) -> None:
        """Judge *text*, code *parent* runs.  With *inherit_input*, the code reads the standard input *parent* reads
        (a shell's -c script), so what reads the tool's own input there still does.  ``given_input=True`` in *changes*:
        *text* is a command line run with the parent's standard input (`bash -c 'psql app' <<< SQL`, `ssh HOST psql app
        <<< SQL`), which each command of it without input of its own reads."""
        given_input = bool(changes.pop("given_input", False))
        self.reparsed += 1
        if self.reparsed > MAX_REPARSES:
            if self.reparsed == MAX_REPARSES + 1:
                why = f"more than {MAX_REPARSES} pieces of code run by commands (the last through {via}): the rest is not read"
                self.out.problems.append(("shell.too-many-embedded", why))
            return
        level = parent.depth + 1
        if level > MAX_LEVEL:
            self.out.problems.append(("shell.too-deep", f"commands nested {level} levels deep through {via} cannot be analysed"))
            return
        if DYN in text:
            self.out.problems.append(("shell.dynamic-code", f"{via} runs code built at run time ({_show(text)}); clearance cannot see what it does"))
            text = text.replace(DYN, "${__clearance_dynamic}")
        cwd = changes.get("cwd", parent.cwd)
        # A shell, eval or callback started here sees the environment this command has (`X=rm bash -c '"$X" -rf /'`);
        # one on another machine does not.
        inherited = (
            {k: v for k, v in parent.assigns.items() if DYN not in v and k.isidentifier()}
            if parent.remote is None and changes.get("remote") is None and parent.assigns
            else None
        )
        try:
            given = {**(inherited or {}), **(bound or {})} or None  # the positional words bound last (`sh -c CODE ARG0 ARG1`)
            script = parse(text, cwd if isinstance(cwd, str) else None, _home_for(parent, self.home), self.env, level, given, max_commands=self.max_commands)
        except ParseFailure as e:
            self.out.problems.append(("shell.parse-error", f"{via}: {e}"))
            return
        self.out.problems.extend(script.problems)
        tool_input = inherit_input and _reads_tool_input(parent)
        for c in script.commands:
            c.via = parent.via + (via,) + c.via
            c.depth = level
            c.ownstdin = c.ownstdin and tool_input
            c.elevated = c.elevated or parent.elevated
            if parent.remote is not None:
                c.remote = parent.remote
                c.container = parent.container
            if inherited:
                # ... and its programs run with it: `LD_PRELOAD=x.so bash -c 'make'` is `LD_PRELOAD=x.so make` (round 9c:
                # the variables were dropped at the shell, so a preload or GIT_CONFIG_GLOBAL given to `bash -c` went unread).
                c.assigns = {**inherited, **c.assigns}
            for k, v in changes.items():
                if k == "cwd" and (v is None or isinstance(v, str)):
                    continue  # the parse began there and followed the line's own `cd`s (`ssh host 'cd /tmp && rm -rf b'`)
                setattr(c, k, v)
            if given_input and c.stdin_text is None and not c.stdin_from and not any(r.op.startswith("<") and r.fd in ("", "0") for r in c.redirects):
                c.stdin_text, c.stdin_from = parent.stdin_text, parent.stdin_from
            parent.inner.append(c)
            self.command(c)

    def command(self, cmd: SimpleCommand) -> None:
        if len(self.out.commands) > 2000:
            raise TooLarge("too many commands to analyse")
        if cmd.assigns:
            self._env_commands(cmd, cmd.assigns)
        if not cmd.argv:
            return
        if _redirect_fails(cmd):
            # `git restore f > .`: bash opens every redirection before it runs the command; one that writes into a
            # directory fails ("Is a directory") and the command never runs (its substitutions already ran, judged apart).
            return
        cmd.argv[0] = basename_command(cmd.argv[0])
        alias = interpreter_alias(cmd.argv[0].value)
        if alias is not None:
            # lua5.4, php8.2, luajit, jruby: the interpreter under another name runs the same language's code.
            first = cmd.argv[0]
            cmd.argv[0] = Word(alias, first.raw, first.subs, first.procsub, first.vars, first.quoted)
        if cmd.argv[0].value in RUSTUP_PROXIES and len(cmd.argv) > 1 and _toolchain_selector(cmd.argv[1].value):
            # `cargo +nightly install …`: rustup's proxy takes a first word `+TOOLCHAIN` as the toolchain to run and
            # hands the rest to the tool, which reads them as `cargo install …` (rustup's book, "Toolchain override
            # shorthand"). A selector with a path or unknown to the shell is kept: then the tool's words are not known.
            cmd.argv = [cmd.argv[0], *cmd.argv[2:]]
        if cmd.argv[0].value in ("mapfile", "readarray"):
            callback = _mapfile_callback(cmd)
            if callback:
                self.reparse(callback + " 0 line", cmd, f"{cmd.argv[0].value} -C")
        if cmd.argv[0].value in ("export", "declare", "typeset", "readonly", "local"):
            self._env_commands(cmd, dict(w.value.split("=", 1) for w in cmd.argv[1:] if "=" in w.value and not w.value.startswith("-")))
        name = cmd.name
        cmd.untyped = not self.typed_input and _reads_tool_input(cmd)
        if self.aliases and name in self.aliases and cmd.argv[0].raw == name and f"alias {name}" not in cmd.via:
            # `shopt -s expand_aliases` (or an agent's shell that expands them), `alias cat=rm`, then on a later line
            # `cat F`: bash runs `rm F` (round 20b). Judged as the alias's text with the command's words too.
            self.reparse(" ".join([self.aliases[name], *(w.raw for w in cmd.argv[1:])]), cmd, f"alias {name}")
        if DYN in name:
            self.out.commands.append(cmd)
            self.out.problems.append(
                ("shell.dynamic-command", f"the command name {cmd.argv[0].raw!r} is only known at run time; clearance cannot tell what would run")
            )
            return
        if "=" in name and not cmd.via:
            # `A-B=2 git reset --hard`: not a valid assignment, so bash looks the whole word up as a command and
            # fails; nothing after it runs (substitutions in its words run, and are judged, as commands of their own).
            return
        if name.startswith("git-") or name == "hub" or (name == "git" and "send-pack" in cmd.values()):
            named = _git_by_another_name(cmd)
            if named is not None:
                self.command(named)
                return
        if name == "corepack" and len(cmd.argv) > 1 and cmd.argv[1].value.partition("@")[0] in _COREPACK_MANAGERS:
            # `corepack pnpm@8.15.0 install`: corepack fetches that package manager and runs it with the rest of the words.
            self.out.commands.append(cmd)
            self.command(cmd.derive([Word(cmd.argv[1].value.partition("@")[0], cmd.argv[1].raw), *cmd.argv[2:]], "corepack"))
            return
        if cmd.assigns and name in _ENV_OPTION_TOOLS:
            _env_options(cmd)
        if name == "wget" and (given := _wget_commands(cmd.argv)) is not None:
            # wget -e 'output_document = FILE': a .wgetrc command is the option of the same meaning.
            cmd.argv = given
        if name == "curl" and (config := _curl_stdin_config(cmd)) is not None:
            # curl -K- / --config - reads more options from standard input (`url = …`, `data = @~/.ssh/id_rsa`,
            # `output = ~/.bashrc`): judged as the command line they make.
            self.command(cmd.derive(config, "curl -K-", stdin_text=None, stdin_from=[]))
            return
        if name == "install" and len(cmd.argv) > 2:
            for given, label in _install_directory_changes(cmd):
                # install -d -m MODE DIR…: the mode (and -o/-g the owner) is set on each directory even where it exists
                # (coreutils' make_dir_parents without preserve_existing, unlike mkdir -p): judged as chmod/chown of it
                self.command(cmd.derive(given, label))
        argv = cmd.argv
        if name in _SIMPLE_WRAPPERS:
            if name == "command" and any(a.value in ("-v", "-V") for a in argv[1:2]):
                self.out.commands.append(cmd)
                return
            if name == "screen" and self._screen_command(cmd):
                return
            opts, skip = _SIMPLE_WRAPPERS[name]
            shell_opts = _WRAPPER_SHELL_OPTS.get(name, ())
            for j in range(1, len(argv) - 1):
                if argv[j].value in shell_opts:
                    # flock FILE -c CMD: the wrapper runs CMD through sh -c.
                    self.out.commands.append(cmd)
                    self.reparse(argv[j + 1].value, cmd, f"{name} {argv[j].value}")
                    return
            i = _strip_options(argv, 1, opts) + skip
            if name == "sudo" and i >= len(argv):
                self.out.commands.append(cmd)
                if any(a.value in ("-i", "-s", "--login", "--shell") for a in argv[1:]):
                    self.out.problems.append(("sys.sudo-shell", "sudo opens a root shell whose commands clearance cannot see"))
                return
            if i < len(argv):
                elevated = cmd.elevated or name in ELEVATING
                self.out.commands.append(cmd)  # the wrapper itself is judged too (sudo, flock ...)
                moved = _wrapper_cwd(cmd, argv[1:i], _WRAPPER_DIRS.get(name, ()))
                changes: dict[str, object] = {"elevated": elevated}
                if moved is not False:
                    changes["cwd"] = moved
                changes.update(_launched_env(name, argv[1:i], cmd.assigns, _home_for(cmd, self.home)))
                if name == "sudo":
                    # sudo [opts] VAR=value … CMD: the assignments are the command's environment.
                    assigns = dict(cmd.assigns)
                    while i < len(argv) - 1 and "=" in argv[i].value and argv[i].value.split("=", 1)[0].isidentifier():
                        var, _, value = argv[i].value.partition("=")
                        assigns[var] = value
                        i += 1
                    changes["assigns"] = assigns
                self.command(cmd.derive(argv[i:], name, **changes))
                return
            self.out.commands.append(cmd)
            return
        if name == "env":
            self._env(cmd)
            return
        if name in _TERMINALS or name in _SHARERS or name in ("tmux", "tmate", "entr", "start-stop-daemon", "at", "batch") or name in _PROCESS_MANAGERS:
            self._launcher(cmd)
            return
        if name == "su" or name == "runuser":
            for j, a in enumerate(argv):
                if a.value in ("-c", "--command") and j + 1 < len(argv):
                    self.out.commands.append(cmd)
                    self.reparse(argv[j + 1].value, cmd, name + " -c", elevated=True)
                    return
            self.out.commands.append(cmd)
            self.out.problems.append(("sys.sudo-shell", f"{name} opens a shell as another user whose commands clearance cannot see"))
            return
        if name == "sg" and len(argv) > 2:
            # sg [-] GROUP [-c] COMMAND (shadow-utils sg(1)): COMMAND runs through /bin/sh -c with GROUP as the group.
            k = 2 if argv[1].value == "-" else 1
            rest = argv[k + 1 :]
            if rest and rest[0].value == "-c":
                rest = rest[1:2]
            if rest:
                self.out.commands.append(cmd)
                self.reparse(" ".join(w.value for w in rest), cmd, "sg")
                return
        if name == "xargs":
            self._xargs(cmd)
            return
        if name == "watch":
            i = _strip_options(argv, 1, _WATCH_OPTS)
            if i < len(argv):
                self.out.commands.append(cmd)
                if any(a.value in ("-x", "--exec") for a in argv[1:i]):
                    self.command(cmd.derive(argv[i:], "watch"))
                else:
                    self.reparse(" ".join(w.value for w in argv[i:]), cmd, "watch")
            else:
                self.out.commands.append(cmd)
            return
        if name in SHELLS:
            self._shell(cmd)
            return
        if name == "eval":
            self.out.commands.append(cmd)
            if argv[1:] and all(w.value == DYN and _setup_generator(w.subs) for w in argv[1:]):
                return  # eval "$(pyenv init -)": shell set-up printed by a known tool
            self.reparse(" ".join(w.value for w in argv[1:]), cmd, "eval")
            return
        if name == "trap":
            # trap 'handler' SIGNAL: the handler runs later, in this shell.
            self.out.commands.append(cmd)
            handlers = [w for w in argv[1:] if not w.value.startswith("-")][:1]
            if handlers and len(argv) > 2 and handlers[0].value not in ("", "-"):
                self.reparse(handlers[0].value, cmd, "trap", cmd.bound)
            return
        if name in ("source", ".") and len(argv) > 1 and argv[1].procsub:
            # source <(generator): the generator's output is run as a script.
            self.out.commands.append(cmd)
            self._stdin_script(cmd, argv[1].subs)
            return
        if name in ("source", ".") and len(argv) > 1 and (argv[1].value in _STDIN_NAMES or _fd_name(argv[1].value)):
            # source /dev/stdin <<< CODE: this shell runs what its standard input holds.
            self.out.commands.append(cmd)
            if argv[1].value not in _STDIN_NAMES:
                self.out.problems.append(("shell.dynamic-code", f"{name} runs a script from {argv[1].value}, a descriptor whose content clearance cannot see"))
            elif cmd.stdin_text is not None:
                self.reparse(cmd.stdin_text, cmd, f"{name} <<here-document", stdin_text=None)
            elif cmd.stdin_from:
                self._stdin_script(cmd)
            return
        if name in _LIBRARY_OPTIONS or (cmd.assigns and any(v in cmd.assigns for v in _PRELOAD_VARS)):
            for lib, via in _loaded_libraries(name, cmd):
                why = f"{via} loads {_show(lib)}, a shared object from outside the project and the system's libraries"
                self.out.problems.append(("shell.dynamic-code", why + "; clearance cannot see what it does"))
        if name == "enable" and any(a.value.startswith("-") and "f" in a.value[1:] for a in argv[1:]):
            # enable -f LIB NAME: bash loads a shared object into itself as a builtin.
            self.out.commands.append(cmd)
            self.out.problems.append(("shell.dynamic-code", "enable -f loads a shared object into the shell as a builtin; clearance cannot see what it does"))
            return
        for text, via in _stored_commands(name, [w.value for w in argv]):
            # npm pkg set scripts.test=CMD, npm set-script, gh alias set --shell: the tool keeps CMD and runs it at
            # a later `npm test` / `gh NAME` (possibly on the same line, before the file is on disk): judge it now.
            self.reparse(text, cmd, via)
        if name in _SHELL_STRING_OPTS or (name, argv[1].value if len(argv) > 1 else "") in _ARGV_OPTS:
            # nix-shell --run CMD (a shell line), nix develop -c CMD ARGS (a command): run in the environment the tool builds.
            line_opts = _SHELL_STRING_OPTS.get(name, ())
            argv_opts = _ARGV_OPTS.get((name, argv[1].value if len(argv) > 1 else ""), ())
            for j, a in enumerate(argv[1:-1], 1):
                if a.value in line_opts:
                    self.out.commands.append(cmd)
                    self.reparse(argv[j + 1].value, cmd, f"{name} {a.value}")
                    return
                if a.value in argv_opts:
                    self.out.commands.append(cmd)
                    self.command(cmd.derive(argv[j + 1 :], f"{name} {argv[1].value} {a.value}"))
                    return
        if name == "alias":
            # An alias runs its text later under another name: judge the text now.
            self.out.commands.append(cmd)
            for w in argv[1:]:
                if "=" in w.value:
                    alias_name, _, text = w.value.partition("=")
                    self.reparse(text, cmd, "alias")
                    if DYN not in w.value and len(self.aliases) < 64:
                        self.aliases[alias_name] = text
            return
        if name == "ssh" or name == "autossh":
            self._ssh(cmd)
            return
        if name == "bwrap":
            # bubblewrap: its options take zero to three words; the first word that is no option is the command,
            # run with the environment its options leave (--clearenv, --setenv VAR VALUE, --unsetenv VAR).
            self.out.commands.append(cmd)
            k = 1
            while k < len(argv) and argv[k].value.startswith("--") and argv[k].value != "--":
                k += 1 + _BWRAP_ARITY.get(argv[k].value, 0)
            k += k < len(argv) and argv[k].value == "--"
            if k < len(argv):
                self.command(cmd.derive(argv[k:], name, **_launched_env(name, argv[1:k], cmd.assigns)))
            return
        if name in REMOTE_PLATFORMS and len(argv) > 1:
            self._platform_remote(cmd)  # and on: the platform's own rules judge the call itself
        if name in ("scp", "sftp"):
            self._ssh_options(cmd, len(argv))  # scp/sftp -o ProxyCommand=CMD: run here, like ssh's
        if name == "rsync":
            # rsync -e/--rsh CMD (or RSYNC_RSH, added as --rsh by _env_options): the program rsync runs on this machine
            # to reach the other one, as `CMD HOST rsync --server …`.
            vals = [w.value for w in argv[1:]]
            for j, v in enumerate(vals):
                rsh = vals[j + 1] if v in ("-e", "--rsh") and j + 1 < len(vals) else v.split("=", 1)[1] if v.startswith("--rsh=") else None
                if rsh is None and v.startswith("-") and not v.startswith("--") and "e" in v[1:]:
                    k = v.index("e", 1)
                    rsh = v[k + 1 :] or (vals[j + 1] if j + 1 < len(vals) else None)  # -avze CMD, -eCMD
                if rsh:
                    self.reparse(rsh, cmd, "rsync -e")
        if name in _FILE_CLIENTS:
            self._transfer_downloads(cmd)  # and on: the upload and delete rules read the same script
        if name == "find":
            self._find(cmd)
            return
        if name in ("openssl", "gnutls-cli"):
            peer = tls_peer(name, [w.value for w in argv[1:]])
            if peer is not None:
                self._as_socket_client(cmd, peer, f"{name} {argv[1].value if name == 'openssl' else ''}".rstrip())
        if name == "socat":
            # socat ADDR ADDR: an EXEC:/SYSTEM: address runs a program with the other address (a socket) as its input
            # and output: judged as that program fed by the network (`bash` there is a reverse or bind shell).
            for how, prog in socat_programs(cmd):
                self.reparse(prog, cmd, "socat " + how, stdin_from=[cmd])
        if name in EMBEDDED_NAMES:
            self._embedded(cmd)
            return
        if name in ("bun", "deno") and len(argv) > 1 and (name, argv[1].value) in _RUNNERS:
            self._runner(cmd)  # bun x pkg, deno run npm:pkg: a package, not a script
            return
        if name in ("fd", "fdfind") and any(a.value in _FD_EXEC or a.value.startswith(("--exec=", "--exec-batch=")) for a in argv[1:]):
            for k, a in enumerate(argv):
                if a.value.startswith(("--exec=", "--exec-batch=")):
                    # --exec=CMD ARGS: the glued value is the command word.
                    opt, _, value = a.value.partition("=")
                    cmd.argv = argv = [*argv[:k], Word(opt, opt), Word(value, a.raw), *argv[k + 1 :]]
                    break
            self._fd(cmd)
            return
        if name in _APP_ALIASES:
            # gitlab-rails, gitlab-rake: the application's own rails and rake under another name.
            self.out.commands.append(cmd)
            self.command(cmd.derive([Word(_APP_ALIASES[name], argv[0].raw), *argv[1:]], name))
            return
        real = installed_as(name) if "." in name or name in _NETCAT_CLONES else None
        if name == "curlie" and any(a.value.startswith("-") for a in argv[1:]):
            real = "curl"  # curlie passes curl's options on to curl (`curlie -d @F URL`)
        if real is not None:
            # nc.traditional, vim.tiny, cryptcat: the program they are, under its own name.
            self.out.commands.append(cmd)
            self.command(cmd.derive([Word(real, argv[0].raw), *argv[1:]], name))
            return
        if name == "lvm" and (k := next((k for k in range(1, len(argv)) if _LVM_COMMAND.fullmatch(argv[k].value)), 0)):
            # lvm [OPTS] lvremove ARGS: lvm(8) runs its command; options before it stay with it (`lvm --test
            # lvremove` is a test run, or refused as "No such command" by an lvm that takes no options there).
            self.out.commands.append(cmd)
            self.command(cmd.derive([argv[k], *argv[1:k], *argv[k + 1 :]], name))
            return
        if name == "rails" and len(argv) > 1 and self._rails(cmd):
            return
        if (cmd.stdin_text is not None or cmd.stdin_from) and name in CONSOLE_PROGRAMS:
            from .terminal import fed_console

            reader = fed_console(cmd)
            if reader is not None:
                # `echo CODE | python3 manage.py shell`, `php artisan tinker <<< CODE`: the console's input is code of
                # its language, judged as that interpreter reads its input (rails console: Methods._rails).
                self.out.commands.append(cmd)
                self.command(cmd.derive([Word(reader, reader)], f"{name} console"))
                return
        lang = INTERPRETERS.get(name) or _versioned_interpreter(name)
        if lang is not None:
            self._interpreter(cmd, lang)
            return
        if name in _PYTHON_CODE_PROGRAMS and (code := python_module_code(_PYTHON_CODE_PROGRAMS[name], [w.value for w in argv[1:]])) is not None:
            # ipython -c CODE: Python (its `!CMD` lines are shell commands, read by the Python reader's IPython escapes or
            # left opaque); the program's own rules still see the command.
            self.command(cmd.derive([Word("python3", "python3"), Word("-c", "-c"), Word(code, code)], f"{name} -c"))
        if name in _GLOBAL_OPTS and len(argv) > 2 and argv[1].value.startswith("-"):
            # kubectl -n prod exec pod -- cmd: global options before the subcommand.
            k = _strip_options(argv, 1, _GLOBAL_OPTS[name])
            if k < len(argv) and (name, argv[k].value) in _RUNNERS:
                argv = cmd.argv = [argv[0], argv[k], *argv[1:k], *argv[k + 1 :]]
        if name in ("docker", "podman") and len(argv) > 2 and argv[1].value == "compose" and self._compose(cmd):
            return
        if name in _CONTAINER_ENGINES and len(argv) > 2 and self._container_run(cmd):
            return
        if name in ("npx", "pnpx", "bunx", "uvx") or (len(argv) > 1 and (name, argv[1].value) in _RUNNERS):
            self._runner(cmd)
            return
        if name in _TEMPLATE_CODE:
            self._template_code(cmd)  # and on: the program's own reading
        if name in SQL_CLIENTS or name == "prisma":
            if self._sql_client(cmd):
                return
        self.out.commands.append(cmd)
        if name in _OPTION_COMMANDS or name in _PLUS_COMMANDS or (name == "git" and (len(argv) > 1 or cmd.assigns)):
            self._option_commands(cmd)
        if name in _GDBS:
            # gdb's -ex commands are read above; after --args come the program it debugs and its arguments.
            k = next((k for k, w in enumerate(argv) if w.value == "--args"), -1)
            if 0 < k < len(argv) - 1:
                self.command(cmd.derive(argv[k + 1 :], f"{name} --args"))
            self._input_as_commands(cmd, True)  # and its commands from standard input (`echo 'shell CMD' | gdb`)
        elif name not in NON_RUNNERS and name not in _INERT_BUILTINS:
            known = known_program(name)
            if len(argv) > 1:
                self._arguments_as_commands(cmd, known)
            self._input_as_commands(cmd, known)
            if name in _RAW_SOCKETS:
                self._typed_protocol(cmd)

    def _arguments_as_commands(self, cmd: SimpleCommand, known: bool) -> None:
        """What a program may run from its arguments.

        For a program clearance does not model, a word that names a command clearance
        judges, followed by its arguments, is the exec-wrapper convention
        (`setarch x86_64 rm -rf ~`, `prlimit … CMD`, `ssh-agent CMD`): it is judged as typed.
        A quoted string that parses as such a command (`hyperfine 'rm -rf ~'`, `sg grp -c '…'`)
        may also be data, so what it finds is capped at ask (MAY_RUN).  Shell escapes of
        little languages (`!cmd`, `shell cmd`, `.shell cmd`, `.system cmd`) are read for
        every program that is not known to treat its arguments as data.
        """
        argv = cmd.argv
        name = cmd.name
        if not known:
            seen = 0  # operands before the command word: at most one (setarch ARCH CMD, chpst -u USER CMD)
            for k in range(1, len(argv)):
                v = argv[k].value
                if v == "--":
                    if k + 1 < len(argv) and runnable(argv[k + 1].value):
                        # PROG [anything] -- CMD ARGS: what follows `--` is the command (watchexec, bwrap).
                        self.command(cmd.derive(argv[k + 1 :], name + MAY_RUN_WORDS, **_launched_env(name, argv[1:k], cmd.assigns)))
                    break
                if v.startswith("-") or DYN in v:
                    continue
                if seen == 0 and v in _RUNNING_VERBS:
                    # TOOL run|exec [ONE OPERAND] CMD ARGS (round 18b): a runner's verb, then at most one operand (a
                    # version, an image, a container), then a program it runs -- `toolbox run CMD`, `volta run CMD`,
                    # `nvm exec 20 CMD`, `apptainer exec img.sif CMD`, `ddev exec CMD`: judged as typed, as the
                    # exec-wrapper convention above (a tool's own script named like a program is judged as that program).
                    self._after_running_verb(cmd, k + 1)
                    break
                if seen == 0 and v in _SUBCOMMAND_WORDS:
                    seen = 2  # pyenv init -, tool install x: the tool's own subcommand, not a program it runs
                elif seen < 2 and runnable(v) and " " not in v and not _system_data_file(v):
                    self.command(cmd.derive(argv[k:], name + MAY_RUN_WORDS, **_launched_env(name, argv[1:k], cmd.assigns)))
                    break
                seen += 1
        if name in _DATA_ARGUMENTS:
            return  # git commit -m "rm -rf build": a message
        for w in argv[1:]:
            text = w.value
            if not known and text.startswith("--") and "=" in text:
                text = text.split("=", 1)[1]  # --exec=CMD: the option's value is the string handed over
            elif not known and text.startswith("-") and len(text) > 2 and " " in text and not text.startswith("--"):
                text = text[2:]  # -cCMD: a command glued to a short option
            if not known and ('"' in text or "'" in text or "`" in text):
                self._code_paths(cmd, text)
                self._socket_shell(cmd, text, known=False)
                self._code_commands(cmd, text)
            if " " not in text.strip() and not text.startswith("!"):
                continue
            body = _shell_escape(text)
            if body is None and not known:
                head = text.split(None, 1)[0] if text.strip() else ""
                body = text if head and runnable(head) else None
            if body is not None:
                self.reparse(body, cmd, name + MAY_RUN)

    def _after_running_verb(self, cmd: SimpleCommand, start: int) -> None:
        """The command after an unmodelled runner's `run`/`exec` verb and at most one operand (_arguments_as_commands)."""
        argv = cmd.argv
        operands = 0
        for k in range(start, len(argv)):
            v = argv[k].value
            if v == "--":
                if k + 1 < len(argv) and runnable(argv[k + 1].value):
                    # TOOL run [anything] -- CMD ARGS: what follows `--` is the command, as for any unmodelled program
                    self.command(cmd.derive(argv[k + 1 :], cmd.name + MAY_RUN_WORDS, **_launched_env(cmd.name, argv[1:k], cmd.assigns)))
                return
            if v.startswith("-") or DYN in v:
                continue
            if operands <= 1 and runnable(v) and " " not in v and not _system_data_file(v) and v not in _SUBCOMMAND_WORDS:
                self.command(cmd.derive(argv[k:], cmd.name + MAY_RUN_WORDS, **_launched_env(cmd.name, argv[1:k], cmd.assigns)))
                return
            operands += 1

    def _input_as_commands(self, cmd: SimpleCommand, known: bool) -> None:
        """What a program may run from its standard input, read as its arguments are (_arguments_as_commands).

        The little languages whose shell escapes are read in arguments (`!cmd` of sftp, ftp, lftp, dc and gnuplot,
        `shell cmd` of gdb, `platform shell cmd` of lldb) read the same lines from standard input; and a program
        clearance does not model may run a line of it as a command (`mytool <<< 'rm -rf ~'`). Literal text only (a
        here-document, a here-string, echo/printf piped in); capped at ask (MAY_RUN): a line may also be data. Programs
        that write, send or print their input (tee, dd, a mail or chat client, git's messages) are left alone.
        """
        name = cmd.name
        if name in _DATA_ARGUMENTS or (known and _input_is_data(name)):
            return
        text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
        if not text:
            return
        bodies: list[str] = []
        for line in text.splitlines()[:MAX_INPUT_LINES]:
            body = _shell_escape(line)
            if body is None and not known:
                head = line.split(None, 1)[0] if line.strip() else ""
                body = line if head and " " in line.strip() and runnable(head) else None
            if body is not None:
                bodies.append(body)
        if bodies:
            self._reparse_found(cmd, "\n".join(bodies), f"{name} reading its input{MAY_RUN}", stdin_text=None, stdin_from=[])
        if not known and ('"' in text or "'" in text or "`" in text):
            # Code on the input of a runner clearance does not read (`echo 'await $`CMD`' | zx`), read as the same
            # code given as an argument is (`zx --eval …`): the command lines its string literals hold, capped at ask.
            from . import embedded

            self._system_calls(cmd, text)
            for lit in embedded.called_literals(text):
                head = lit.split(None, 1)[0] if lit.strip() else ""
                if " " in lit.strip() and runnable(head) and "\n" not in lit:
                    self._reparse_found(cmd, lit, f"{name} code on its input{MAY_RUN}", stdin_text=None, stdin_from=[])

    def _reparse_found(self, cmd: SimpleCommand, text: str, via: str, **changes: object) -> None:
        """Text that may be a command or may be data (a line of a program's input, a string literal of its code),
        judged by the commands it holds: what the shell could not read of it (a parse error, a word only known at run
        time, `$@` meant for the shell the code starts) is no finding, since the text need not be shell at all."""
        before = len(self.out.problems)
        self.reparse(text, cmd, via, **changes)
        self.out.problems[before:] = [p for p in self.out.problems[before:] if not p[0].startswith("shell.")]

    def _env_commands(self, cmd: SimpleCommand, assigns: dict[str, str]) -> None:
        """Environment variables programs run as commands (GIT_SSH_COMMAND, PAGER, EDITOR, LESSOPEN …), set for *cmd* or exported."""
        for var, body in assigns.items():
            if var.startswith("BASH_FUNC_") and body.lstrip().startswith("()") and (var, body) not in self.env_seen:
                # env 'BASH_FUNC_f%%=() { CMD; }' bash -c f: bash imports the function from its environment.
                self.env_seen.add((var, body))
                self.reparse(body.lstrip()[2:], cmd, f"{var.removesuffix('%%')} (a function bash imports)")
        bash_env = assigns.get("BASH_ENV")
        if bash_env and DYN in bash_env and ("BASH_ENV", bash_env) not in self.env_seen:
            # BASH_ENV=<(generator) bash -c …: every non-interactive bash runs that file first; its name (a process
            # substitution, a substitution) and so what it holds are known only at run time.
            self.env_seen.add(("BASH_ENV", bash_env))
            self.out.problems.append(("shell.dynamic-code", "BASH_ENV names a file only known at run time, which every non-interactive bash runs first"))
        perl_env = ("PERL5OPT", f"{assigns.get('PERL5OPT')}\0{assigns.get('PERL5DB')}")
        if ("PERL5OPT" in assigns or "PERL5DB" in assigns) and perl_env not in self.env_seen:
            # PERL5OPT=-M'strict;CODE': perl pastes each -M into its program as `use TEXT;` (perlrun); PERL5DB is
            # the code `perl -d` runs as its debugger.
            self.env_seen.add(perl_env)
            words = [w if w.startswith("-") else "-" + w for w in (assigns.get("PERL5OPT") or "").split()]
            self._perl_code(cmd, words, "PERL5OPT=")
            if (code := assigns.get("PERL5DB")) and DYN not in code:
                self.command(cmd.derive([Word("perl", "perl"), Word("-e", "-e"), Word(code, code)], "PERL5DB="))
        node_options = assigns.get("NODE_OPTIONS", "")
        if "data:" in node_options.lower() and ("NODE_OPTIONS", node_options) not in self.env_seen:
            # NODE_OPTIONS='--import=data:text/javascript,CODE': every node process started loads the module.
            self.env_seen.add(("NODE_OPTIONS", node_options))
            from ..code.interpopts import module_urls, read

            self._data_modules(cmd, module_urls(read(["node", *_split_words(node_options), "-e", ""], "js")))
        for var, command in assigns.items():
            how = _ENV_COMMANDS.get(var) or ("shell" if command_variable(var) else "")
            if not how or not command or DYN in command or (var, command) in self.env_seen:
                continue
            self.env_seen.add((var, command))  # a wrapper's payload carries the same variables
            if how == "lessopen":
                command = command.lstrip("|").replace("%s", "file")
                how = "shell"
            self._run_value(cmd, command, how, f"{var}=")

    def _option_commands(self, cmd: SimpleCommand) -> None:
        """Commands a known program certainly runs from its options, configuration or environment.

        `git rebase --exec CMD`, `git -c core.pager=CMD`, `GIT_SSH_COMMAND=CMD git fetch`,
        `tar --to-command=CMD`, `rg --pre PROG`, `less '+!CMD'`: the program runs them, so they
        are judged as typed (no cap at ask, unlike a string an unknown program may treat as data).
        """
        name = cmd.name
        if name in _PLUS_COMMANDS:
            # less/more +CMD: a command of the pager run at start; `+!cmd` is its shell escape.
            for w in cmd.argv[1:]:
                if w.value.startswith("+") and (body := _shell_escape(w.value[1:])) is not None:
                    self.reparse(body, cmd, f"{name} +!")
            return
        if name in ("emacs", "emacsclient"):
            vals = cmd.values()
            for j, v in enumerate(vals):
                code = (
                    vals[j + 1]
                    if v in ("--eval", "-eval", "--execute", "-e") and j + 1 < len(vals)
                    else v.split("=", 1)[1]
                    if v.startswith("--eval=")
                    else None
                )
                if code is not None:
                    self._elisp(cmd, code)
            return
        if name in ("gdb", "gdb-multiarch"):
            from . import embedded  # the language modules load only for a command that needs them (programs.py)

            found = embedded.gdb(embedded.gdb_commands([w.value for w in cmd.argv]))
            for text in found.shell:
                self.reparse(text, cmd, f"{name} -ex")
            for path in found.writes:
                self.command(cmd.derive([Word("tee", "tee"), Word(path, path)], f"{name} dump"))
            return
        if name in ("hg", "restic", "mail", "aria2c"):
            for value, via in _value_commands(name, cmd):
                self.reparse(value, cmd, via)
            return
        if name in ("check_by_ssh", "gem", "rake", "gcc", "g++", "cc", "c++", "service") or name.startswith("rpm"):
            self._runs_from_options(cmd)
            return
        if name == "fzf":
            # fzf --bind 'KEY:execute(CMD)', --preview CMD, FZF_DEFAULT_COMMAND: command lines fzf runs through $SHELL -c.
            from . import embedded

            vals = cmd.values()
            for spec in _option_values(vals, ("--bind",)):
                for text in embedded.fzf_bind_commands(spec):
                    self.reparse(text, cmd, "fzf --bind")
            for text in _option_values(vals, ("--preview",)):
                self.reparse(text, cmd, "fzf --preview")
            if cmd.assigns.get("FZF_DEFAULT_COMMAND"):
                self.reparse(cmd.assigns["FZF_DEFAULT_COMMAND"], cmd, "FZF_DEFAULT_COMMAND")
            return
        if name == "zip":
            vals = cmd.values()
            for j, v in enumerate(vals):
                if v in ("-TT", "--unzip-command") and j + 1 < len(vals):
                    self.reparse(vals[j + 1], cmd, f"zip {v}")
                elif v.startswith("--unzip-command="):
                    self.reparse(v.split("=", 1)[1], cmd, "zip --unzip-command")
            return
        nc = normalise(cmd)
        if name in ("npm", "pnpm"):
            shell = cmd.assigns.get("npm_config_script_shell") or cmd.assigns.get("NPM_CONFIG_SCRIPT_SHELL") or ""
            if nc.sub[:1] == ("config",) and nc.pos[:2] in (["set", "script-shell"], ["set", "shell"]) and len(nc.pos) > 2:
                shell = nc.pos[2]
            if shell:
                self._run_value(cmd, shell, "script-shell", f"{name} script-shell")
        if name == "git":
            for key, value in git_config_pairs(cmd, nc):
                self._git_config(cmd, key, value)
            self._git_ext_urls(cmd, nc)
        table = _OPTION_COMMANDS.get(name, {})
        for sub in {nc.sub[:1], ()}:
            for opt, how in table.get(sub, {}).items():
                for value in nc.values(opt):
                    self._run_value(cmd, value, how, f"{name} {' '.join(sub + ('--' + opt,))}", nc)
        if name == "git" and nc.sub in (("submodule", "foreach"), ("bisect", "run")) and nc.words:
            if nc.sub[0] == "submodule":
                self.reparse(" ".join(nc.pos), cmd, "git submodule foreach")  # run by the shell in each submodule
            else:
                self.command(cmd.derive(list(nc.words), "git bisect run"))

    def _git_ext_urls(self, cmd: SimpleCommand, nc: Norm) -> None:
        """A repository URL of git's `ext::` transport names the command git runs to reach it (git-remote-ext):
        `git ls-remote 'ext::sh -c rm% -rf% ~/x'` runs `sh -c 'rm -rf ~/x'` wherever the transport is allowed
        (GIT_ALLOW_PROTOCOL=ext, protocol.ext.allow, or the user's own configuration), and a remote stored with such
        a URL runs it at every later fetch or push. Judged as typed, whoever allows the transport (adversarial round
        19a: `GIT_ALLOW_PROTOCOL=ext git ls-remote 'ext::sh -c …'` was allowed and ran)."""
        values = [w.value for w in cmd.argv[1:]] if nc.sub[:1] in _GIT_URL_VERBS else []
        values += [v for _, v in git_config_pairs(cmd, nc)]
        for value in values:
            url = value.split("=", 1)[1] if value.startswith("--") and "=" in value else value
            if url.startswith("ext::") and DYN not in url:
                argv = git_ext_argv(url[len("ext::") :])
                if argv:
                    self.command(cmd.derive([Word(a, a) for a in argv], "git ext::"))

    def _run_value(self, cmd: SimpleCommand, value: str, how: str, via: str, nc: Norm | None = None) -> None:
        if not value or value == DYN:
            return
        if how == "shell":
            self.reparse(value, cmd, via)
        elif how == "prompt":
            self.reparse(': "' + value.replace("\\", "\\\\").replace('"', '\\"') + '"', cmd, via)
        elif how == "script-shell":
            # npm --script-shell=PROG: every package script runs as `PROG -c SCRIPT` (spawned, not through a shell).
            if pathstr.basename(value) not in SHELLS:
                self.out.problems.append(("shell.dynamic-code", f"{via} runs every script through {value}, a program clearance cannot see into"))
        elif how == "program-dir":
            # git --exec-path=DIR / GIT_EXEC_PATH: git runs its helpers (git-remote-https, git-foo) from DIR.
            if not value.rstrip("/").endswith("git-core"):
                self.out.problems.append(("shell.dynamic-code", f"{via} makes git run its helper programs from {value}, which clearance cannot see into"))
        elif how == "checkpoint":
            # tar --checkpoint-action=exec=CMD (also sleep=, echo=, dot, ttyout=)
            if value.startswith("exec="):
                self.reparse(value[5:], cmd, via)
        elif how == "per-file" and nc is not None:
            # PROG FILE for every file searched (rg --pre): the program meets every file under the roots.
            ops = nc.pos if (nc.has("regexp") or nc.has("file")) else nc.pos[1:]
            for root in (ops or ["."])[:10]:
                base = root.rstrip("/")
                self.reparse(f"{value} {(base + '/*') if base else '/*'}", cmd, via)

    def _git_alias_call(self, cmd: SimpleCommand, alias: str, value: str) -> None:
        """`git -c alias.p='push --force' p origin main`: git runs the alias's words in place of its name (a git
        command, not a shell one): the command judged as git runs it."""
        import shlex

        try:
            words = shlex.split(value)
        except ValueError:
            return
        from .programs import GIT_BUILTINS

        if not words or words[0].lower() == alias or alias in GIT_BUILTINS:
            return  # git refuses an alias that expands to itself, and never lets one hide its own command
        vals = [w.value for w in cmd.argv]
        i = git_subcommand_at(vals, 1)
        if i < len(vals) and vals[i].lower() == alias:
            new = [*cmd.argv[:i], *(Word(t, t) for t in words), *cmd.argv[i + 1 :]]
            self.command(cmd.derive(new, f"git alias.{alias}"))

    def _git_config(self, cmd: SimpleCommand, key: str, value: str) -> None:
        """A git setting whose value is a command git runs (core.pager, alias.x=!cmd, credential.helper=!cmd)."""
        low = key.lower()
        if DYN in value or not value:
            return
        if low.startswith("alias."):
            if value.lstrip().startswith("!"):
                self.reparse(value.lstrip()[1:], cmd, f"git {key}")
            else:
                self._git_alias_call(cmd, low[len("alias.") :], value)
            return
        if low == "credential.helper":
            if value.lstrip().startswith("!"):
                self.reparse(value.lstrip()[1:], cmd, f"git {key}")
            return
        if low == "core.fsmonitor" and value.lower() in ("true", "false", "yes", "no", "on", "off", "1", "0"):
            return
        if low in _GIT_TRACE_TARGETS:
            # trace2.eventTarget=/abs/path: git appends its trace to that file, as it does under the variable of the
            # same meaning (GIT_TRACE2_EVENT=/abs/path, outputs_table's env_abs: a number or `true` is a descriptor).
            if value.startswith("/"):
                from .interp import shell_quote

                self.reparse(f"{_GIT_TRACE_TARGETS[low]}={shell_quote(value)} git version", cmd, f"git {key}")
            return
        if git_program_key(low) and not git_word_value(low, value):
            self.reparse(value.lstrip().lstrip("!"), cmd, f"git {key}")

    def _runs_from_options(self, cmd: SimpleCommand) -> None:
        """What a program runs from an option or operand that names a command or code (GTFOBins' shell functions):
        check_by_ssh hands -o to ssh (`-o "ProxyCommand CMD"`), `gem open -e CMD` opens the gem with the editor CMD,
        rake -e/-p/-E run Ruby code, gcc's `-wrapper PROG,ARG…` runs every compiler pass through PROG, `service NAME`
        runs /etc/init.d/NAME (a NAME with a slash reaches any program), `rpm --eval` expands %(CMD) through the shell
        and %{lua:CODE} in Lua."""
        name = cmd.name
        vals = cmd.values()
        if name == "check_by_ssh":
            self._ssh_options(cmd, len(cmd.argv))
        elif name == "gem":
            if "open" in vals[:1]:
                for value in _option_values(vals, ("-e", "--editor")):
                    if DYN not in value:
                        self.reparse(value + " GEM_DIR", cmd, "gem open -e")
        elif name == "rake":
            for code in _option_values(vals, _RAKE_CODE):
                self.command(cmd.derive([Word("ruby", "ruby"), Word("-e", "-e"), Word(code, code)], "rake -e"))
        elif name in ("gcc", "g++", "cc", "c++"):
            for value in _option_values(vals, ("-wrapper",)):
                words = [x for x in value.split(",") if x]
                if words:
                    self.command(cmd.derive([Word(x, x) for x in words], f"{name} -wrapper"))
        elif name == "service":
            operands = [w for w in cmd.args if not w.value.startswith("-")]
            if operands and "/" in operands[0].value and DYN not in operands[0].value:
                script = pathstr.normpath("/etc/init.d/" + operands[0].value)
                rest = cmd.args[cmd.args.index(operands[0]) + 1 :]
                self.command(cmd.derive([Word(script, operands[0].raw), *rest], "service"))
        else:
            for expr in _option_values(vals, ("--eval", "-E")):
                for m in _RPM_SHELL.finditer(expr):
                    self.reparse(m.group(1), cmd, f"{name} --eval %(…)")
                for m in _RPM_LUA.finditer(expr):
                    code = m.group(1)
                    self.command(cmd.derive([Word("lua", "lua"), Word("-e", "-e"), Word(code, code)], f"{name} --eval %{{lua:…}}"))


# Tools whose output is shell set-up for the current shell (completions, version managers,
# agents): `eval "$(pyenv init -)"`, `source <(kubectl completion zsh)`.
_SETUP_GENERATORS = frozenset(
    {
        ("pyenv", "init"),
        ("pyenv", "virtualenv-init"),
        ("rbenv", "init"),
        ("nodenv", "init"),
        ("goenv", "init"),
        ("jenv", "init"),
        ("starship", "init"),
        ("zoxide", "init"),
        ("direnv", "hook"),
        ("fnm", "env"),
        ("mise", "activate"),
        ("rtx", "activate"),
        ("atuin", "init"),
        ("brew", "shellenv"),
        ("ssh-agent", "-s"),
        ("ssh-agent", "-c"),
        ("ssh-agent", ""),
        ("opam", "env"),
        ("luarocks", "path"),
        ("dircolors", ""),
        ("dircolors", "-b"),
        ("minikube", "docker-env"),
        ("conda", "shell.bash"),
        ("conda", "shell.zsh"),
        ("thefuck", "--alias"),
        ("keychain", "--eval"),
    }
)


def cat_files(sources: list[SimpleCommand]) -> list[Word]:
    """The files of a plain `cat FILE…` that is all a pipe holds (no option, no stdin, no text of its own), or []."""
    if len(sources) != 1 or sources[0].name != "cat" or sources[0].stdin_from or sources[0].stdin_text is not None:
        return []
    ops = sources[0].argv[1:]
    if not ops or sources[0].redirects:
        return []
    for w in ops:
        v = w.value
        if v.startswith(("-", "/dev/", "/proc/")) or w.dynamic or DYN in v or w.procsub or not v.strip():
            return []  # an option, a device, a socket (/dev/tcp/…), a descriptor or stdin: not a file to read
    return ops


def _redirect_fails(cmd: SimpleCommand) -> bool:
    """Whether the first file the command's redirections write is a directory by its spelling (`.`, `..`, `/`, `dir/`).

    Only the first: a file an earlier redirection truncated (`> notes.txt > .`) stays truncated."""
    first = next((r for r in cmd.redirects if r.writes and r.target is not None), None)
    if first is None or first.target is None or first.target.dynamic or DYN in first.target.value:
        return False
    v = first.target.value
    return v.endswith("/") or pathstr.basename(v) in (".", "..")


def _setup_generator(cmds: list[SimpleCommand]) -> bool:
    if len(cmds) != 1 or cmds[0].inner or cmds[0].stdin_from:
        return False
    c = cmds[0]
    vals = c.values()
    if any(DYN in v for v in vals):
        return False
    if any(v in ("completion", "completions") for v in vals[:2]):
        return True
    return (c.name, vals[0] if vals else "") in _SETUP_GENERATORS


def _versioned_interpreter(name: str) -> str | None:
    if name.startswith("python") and name[6:].replace(".", "").isdigit():
        return "python"
    if name.startswith(("perl5", "ruby3", "ruby2", "node1", "node2")) and name[4:].replace(".", "").isdigit():
        return INTERPRETERS.get(name.rstrip("0123456789."), None)
    return None


def _names(cmds: list[SimpleCommand]) -> str:
    names: list[str] = []
    for c in cmds:
        if c.name and c.name not in names:
            names.append(c.name.replace(DYN, "…"))
    return ", ".join(names[:4]) or "a pipe"


def _show(text: str) -> str:
    from ..redact import cut

    return cut(text.replace(DYN, "…"), 59)


def expand(
    commands: list[SimpleCommand], cwd: str | None, home: str, env: dict[str, str], typed_input: bool = True, max_commands: int = MAX_COMMANDS
) -> Expansion:
    u = Unwrapper(cwd, home, env, typed_input)
    u.max_commands = max_commands
    for c in commands:
        u.command(c)
    return u.out


# The file-transfer clients whose own command scripts download files here (unwrap_remote._transfer_downloads).
_FILE_CLIENTS = frozenset({"lftp", "smbclient", "ftp", "sftp", "tnftp", "ncftp"})
