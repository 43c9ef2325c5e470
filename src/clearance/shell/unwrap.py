"""Unwrapping: what really runs behind ``sudo``, ``env``, ``xargs``, ``bash -c``, ``find -exec`` ...

``expand`` takes the simple commands of a parsed script and returns the list of
commands the rule packs judge: every wrapper is replaced by (or kept beside)
its payload, strings handed to a shell are parsed again, and whatever cannot
be seen through statically is reported as a problem.
"""

from __future__ import annotations

from contextvars import ContextVar

from .. import pathstr
from ..lazyre import DOTALL, lazy
from ..paths import DYN
from .ir import NOT_RUN, SimpleCommand, Word, command_variable
from .options import find_age_bound, find_roots, normalise
from .outputs import literal_output as literal_output
from .outputs import literal_stdin, pipeline_output
from .parse import ParseFailure, TooLarge, parse
from .programs import CLIENTS as SQL_CLIENTS
from .programs import INTERPRETERS, PACKAGE_BINS, UNREAD_CODE, UNREAD_QUIET, git_subcommand_at, interpreter_alias
from .programs import NAMES as EMBEDDED_NAMES
from .programs import SHELLS as SHELLS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .options import Norm

MAX_LEVEL = 8


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
    ("yarn", "node"): frozenset(),  # yarn node ARGS: node, with yarn's environment
    ("mise", "exec"): frozenset(),
    ("mise", "x"): frozenset(),
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
# Launcher scripts a Ruby interpreter may be handed (bin/rails, bin/rake): the tool they start.
_RUBY_LAUNCHERS = frozenset({"rails", "rake", "spring"})
# Another name for an application's rails or rake (GitLab's omnibus wrappers).
_APP_ALIASES = {"gitlab-rails": "rails", "gitlab-rake": "rake"}
_TERMINALS = frozenset(
    {"xterm", "uxterm", "konsole", "alacritty", "kitty", "wezterm", "foot", "urxvt", "rxvt", "terminator", "tilix", "xfce4-terminal", "lxterminal", "st"}
)
# Terminal sharers whose operands or options name what the shared terminal runs (rules/net.py's net.tunnel asks).
_SHARERS = frozenset({"ttyd", "gotty", "upterm", "sshx"})
_SHARER_VALUE_OPTS = frozenset(
    {"-p", "-i", "-U", "-c", "-H", "-u", "-g", "-s", "-w", "-t", "-T", "-P", "-C", "-K", "-A", "-d", "-m", "-I", "-b", "-a"}
    | {"--port", "--interface", "--credential", "--uid", "--gid", "--signal", "--cwd", "--client-option", "--address"}
    | {"--ping-interval", "--ssl-cert", "--ssl-key", "--ssl-ca", "--debug", "--max-clients", "--index", "--base-path", "--config"}
)
_TMUX_VALUE_OPTS = frozenset({"-s", "-n", "-t", "-c", "-e", "-x", "-y", "-F", "-l", "-p", "-w"})
_TMUX_KEY_NAMES = frozenset({"Enter", "C-m", "C-j", "C-c", "Escape", "Tab", "Space", "BSpace", "KPEnter"})
_FD_VALUE_OPTS = frozenset(
    {
        "-e",
        "--extension",
        "-t",
        "--type",
        "-d",
        "--max-depth",
        "--min-depth",
        "-E",
        "--exclude",
        "-S",
        "--size",
        "-j",
        "--threads",
        "--changed-within",
        "--changed-before",
        "-o",
        "--owner",
        "--base-directory",
        "--search-path",
        "-c",
        "--color",
        "--ignore-file",
        "--max-results",
    }
)
# Container engines whose `run` starts a container for a command (_container_run), with docker's options.
_CONTAINER_ENGINES = frozenset({"docker", "podman", "nerdctl", "kubectl", "oc"})
_REMOTE_RUNNERS = frozenset({("docker", "exec"), ("kubectl", "exec"), ("oc", "exec"), ("oc", "rsh"), ("docker-compose", "exec"), ("docker-compose", "run")})
# Runners whose command runs on another machine with no container operand to skip (a Heroku one-off dyno).
_REMOTE_NO_TARGET = {("heroku", "run"): "a Heroku dyno"}
# docker compose's options before its subcommand that take a value.
_COMPOSE_OPTS = frozenset({"-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory", "--ansi", "--parallel", "--progress"})
_GLOBAL_OPTS = {
    "kubectl": frozenset({"-n", "--namespace", "--context", "--kubeconfig", "-s", "--server", "--cluster", "--user", "--as"}),
    "docker": frozenset({"--context", "-c", "-H", "--host", "--config", "-l", "--log-level"}),
    "pnpm": frozenset({"-C", "--dir", "--filter", "-F"}),
}

# Platform CLIs that run a command on the machine they reach (shell/remotecmd.py's table, and aws ssm send-command).
REMOTE_PLATFORMS = frozenset({"fly", "flyctl", "doctl", "heroku", "gh", "fab", "gcloud", "az", "aws", "kamal", "vagrant"})
# ssh_config(5) keys whose value is a command ssh runs locally.
_SSH_LOCAL_COMMANDS = frozenset({"proxycommand", "localcommand", "knownhostscommand"})
_SSH_OPTS = frozenset(["-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p", "-Q", "-R", "-S", "-W", "-w", "-B"])
_XARGS_OPTS = frozenset(
    {
        "-I",
        "-n",
        "-L",
        "-P",
        "-s",
        "-d",
        "-E",
        "-a",
        "--arg-file",
        "--max-args",
        "--max-procs",
        "--max-chars",
        "--delimiter",
    }
)  # --replace[=R], --eof[=E], --max-lines[=N], -i[R], -e[E], -l[N]: values only glued (GNU xargs)
_FD_EXEC = frozenset({"-x", "--exec", "-X", "--exec-batch"})
_WATCH_OPTS = frozenset({"-n", "--interval", "-q", "--equexit"})
_SHELL_OPTS = frozenset({"-o", "-O", "+o", "+O", "--rcfile", "--init-file"})
# A script operand that is the program's own standard input under a file name: `bash /dev/stdin <<< CODE`,
# `source /dev/fd/0`, `python3 /proc/self/fd/0` read their code from stdin, as `bash -s` and `python3 -` do.
# Languages whose code clearance parses (code/python.py, js.py, ruby.py, perl.py, php.py): a reverse shell there is
# followed from the socket to the process (interp.runs-received).
_PARSED_LANGUAGES = frozenset({"python", "js", "ruby", "perl", "php"})
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
        ("archive",): {"exec": "shell"},  # with --remote: git-upload-archive's stand-in, run through the shell
        ("push",): {"receive-pack": "shell"},
        ("difftool",): {"extcmd": "shell"},
        (): {"exec-path": "program-dir"},
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
}
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


# Emacs Lisp calls that run programs or delete files, and its string literals.
_ELISP_CALL = lazy(
    r"\((shell-command|async-shell-command|shell-command-to-string|call-process|start-process|process-lines|delete-directory|delete-file"
    r"|write-file|with-temp-file)\s+([^)]*)"
)
_ELISP_STRING = lazy(r'"((?:[^"\\]|\\.)*)"')
# Pagers whose +CMD argument is one of their commands, run at start.
_PLUS_COMMANDS = frozenset({"less", "more"})
# A module name and import list perl's -M takes as such (`-MFile::Path=rmtree,mkpath`, `-MDevel::Cover=-db,cover_db`).
_PERL_MODULE = lazy(r"[A-Za-z_][\w:]*")
_PERL_IMPORTS = lazy(r"[\w:,.\-/+@%]*")
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


def _fd_names(pattern: str, glob: bool, exts: list[str]) -> list[tuple[str, str]]:
    """fd's pattern and extensions as find name tests: ("-name", glob) where the regex is plain, else ("-regex", it)."""
    out: list[tuple[str, str]] = []
    name = ""
    if pattern and pattern not in (".", "^", ".*", "^.*$", "*"):
        if glob:
            name = pattern
            out.append(("-name", pattern))
        else:
            core = pattern.removeprefix("^").removesuffix("$")
            plain = core.replace("\\.", "")
            if any(c in plain for c in "\\*+?[](){}|"):
                out.append(("-regex", pattern))
            else:
                # An unescaped "." matches any one character, itself included: `fd settings.json` is read as the
                # name it spells, as `fd 'settings\.json'` is.
                core = core.replace("\\.", ".")
                # fd matches anywhere in the name; a plain word is read as the name it spells (fd node_modules),
                # a pattern anchored at one end only as the name's end ('\.pyc$') or start ('^test_').
                start, end = pattern.startswith("^"), pattern.endswith("$")
                name = core if start == end else ("*" + core if end else core + "*")
                out.append(("-name", name))
    if exts:
        if name:
            return out  # both a name and extensions: the name already narrows the selection
        out = [("-name", "*." + e) for e in exts if e]
    return out


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


def _curl_stdin_config(cmd: SimpleCommand) -> list[Word] | None:
    """curl's command line with `-K -` (`--config -`, `-K-`, `--config=-`) replaced by the options its standard input
    holds (curl(1) "-K, --config": a line per option, long names with or without their dashes, the value after a
    blank, `=` or `:`, `#` comments); None when it reads no configuration there or the input is not literal text."""
    argv = cmd.argv
    k, end, kept = None, 0, []
    for j, w in enumerate(argv[1:], 1):
        v = w.value
        nxt = argv[j + 1].value if j + 1 < len(argv) else ""
        if nxt in _STDIN_NAMES:
            nxt = "-"  # -K /dev/stdin
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


def _program_from_stdin(values: list[str], lang: str) -> bool:
    """Whether an interpreter given only options reads its program from standard input, as each of them does when
    no code and no script is named (`echo CODE | python3 -u`, `perl -Mstrict <<< CODE`, `R --no-save < …`), read
    with the interpreter's own option table where clearance has one."""
    name = pathstr.basename(values[0]) if values else ""
    if lang == "python":
        from .interp import python_invocation

        return python_invocation(values)[0] == "stdin"
    if lang in ("js", "ruby", "perl", "php"):
        if name in ("deno", "bun"):
            return False  # their subcommands (run, eval, test …) name what runs
        from ..code.interpopts import read

        reading = read(values, lang)
        return reading.code is None and reading.file is None
    if lang == "r":
        return name == "R" and not any(v in ("-f", "-e", "CMD") or v.startswith(("--file=", "-e")) for v in values[1:])
    if lang in ("lua", "julia"):
        code, valued = (
            (("-e",), ("-l",))
            if lang == "lua"
            else (("-e", "-E", "--eval", "-P", "--print"), ("-L", "--load", "-p", "--procs", "-t", "--threads", "-J", "--sysimage"))
        )
        i = 1
        while i < len(values) and values[i].startswith("-") and values[i] != "-":
            if values[i] in code:
                return False
            i += 2 if values[i] in valued else 1
        return i >= len(values)
    return False


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
_ESCAPES = ("shell ", ".shell ", ".system ", "system ", "platform shell ", "!")
# Lines of a program's standard input read for commands (_input_as_commands).
MAX_INPUT_LINES = 200
# Raw socket clients whose input goes to the peer as typed, and the ports of a text protocol typed into them
# (_typed_protocol): redis's inline commands.
# Template and macro processors whose input is code (_template_code): ERB's tags (Ruby), m4's syscmd/esyscmd (shell).
_TEMPLATE_CODE = frozenset({"erb", "m4"})
_ERB_TAG = lazy(r"<%[=-]?(.*?)-?%>", DOTALL)
_M4_SYSCMD = lazy(r"\b(e?syscmd)\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
_RAW_SOCKETS = frozenset({"nc", "ncat", "netcat", "telnet", "socat"})
# Datastores' text protocols typed into a raw socket, by port (_typed_protocol): a line is what the store's own client
# sends — redis-cli's command words; memcached's `flush_all`, which libmemcached's memcflush sends.
_REDIS_PORTS = frozenset({"6379", "6380"})
_MEMCACHED_PORTS = frozenset({"11211"})


def _socket_peer(cmd: SimpleCommand) -> tuple[str, str] | None:
    """(host, port) a raw socket client connects to: `nc [opts] HOST PORT`, `telnet HOST PORT`, socat's
    `TCP:HOST:PORT` (TCP4/TCP6/TCP-CONNECT, options after a comma); None when it listens or names no port."""
    values = [w.value for w in cmd.args]
    if cmd.name == "socat":
        for v in values:
            kind, _, rest = v.partition(":")
            if kind.lower() in ("tcp", "tcp4", "tcp6", "tcp-connect") and rest.count(":") == 1:
                host, port = rest.split(":")
                return (host, port.split(",", 1)[0]) if host else None
        return None
    if any(v.startswith("-") and "l" in v.lstrip("-")[:1] for v in values):
        return None  # nc -l: a listener
    operands = [v for v in values if not v.startswith("-")]
    if len(operands) >= 2 and operands[-1].isdigit():
        return operands[-2], operands[-1]
    return None


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


_KNOWN: list[frozenset[str]] = []


def _known_sets() -> tuple[frozenset[str], frozenset[str]]:
    """(programs clearance models, the subset whose commands the rule packs judge), built on first use."""
    if _KNOWN:
        return _KNOWN[0], _KNOWN[1]
    from ..rules import index
    from . import effects, optables, outputs_table

    judged: set[str] = set(index().command_names())
    judged |= effects.DELETERS | effects.WRITERS | SHELLS | set(INTERPRETERS) | set(_SIMPLE_WRAPPERS) | ELEVATING
    judged |= EMBEDDED_NAMES | {"env", "xargs", "eval", "ssh", "find", "watch", "su", "runuser", "source", "."}
    known = (
        judged
        | set(optables.TOOLS)
        | set(optables.ALIASES)
        | {n for n, e in outputs_table.TABLE.items() if not e.get("homonyms")}
        | NON_RUNNERS
        | _INERT_BUILTINS
        | effects.METADATA_ONLY
        | effects.READERS
        | _TERMINALS
    )
    known |= {k[0] for k in _RUNNERS} | {"tmux", "tmate", "entr", "start-stop-daemon", "at", "batch", "trap", "alias", "fd", "fdfind", "autossh"}
    _KNOWN.extend((frozenset(known), frozenset(judged)))
    return _KNOWN[0], _KNOWN[1]


def runs_a_command(cmd: SimpleCommand) -> bool:
    """A wrapper or runner whose operands are a command judged as one of its own (sudo, timeout, flock, uv run, npx)."""
    name = cmd.name
    if name in _SIMPLE_WRAPPERS or name in ELEVATING or name in ("command", "builtin", "exec"):
        return True
    first = next((a.value for a in cmd.args if not a.value.startswith("-")), "")
    return (name, "") in _RUNNERS or (name, first) in _RUNNERS


def known_program(name: str) -> bool:
    """Whether clearance models *name* (it has rules, an option table, or is unwrapped or known to run nothing)."""
    return name in _known_sets()[0] or _versioned_interpreter(name) is not None


def runnable(name: str) -> bool:
    """Whether *name* is a command the rule packs judge (rm, git, kubectl, bash …): worth reading when handed to a program."""
    return pathstr.basename(name) in _known_sets()[1]


# `python -m` modules judged under their full dotted name rather than their package.
_WHOLE_MODULES = frozenset({"http.server", "SimpleHTTPServer", "smtpd", "pyftpdlib", "uploadserver"})


class Expansion:
    __slots__ = ("commands", "problems", "idle_shells")

    def __init__(self) -> None:
        self.commands: list[SimpleCommand] = []
        self.problems: list[tuple[str, str]] = []
        # Interactive shells whose only input is the standard input the agent's tool gave the command line (no pipe,
        # file, here-document or descriptor of the script's feeds them): the messages of shell.interactive-shell,
        # asked only where the agent can type into that input later (engine.analyse_shell).
        self.idle_shells: list[str] = []


# Variables naming a file a shell reads and runs as it starts, input or none: bash's BASH_ENV (a non-interactive
# bash), sh's ENV (an interactive one), zsh's ZDOTDIR (its .zshenv), HOME and XDG_CONFIG_HOME (where every shell and
# fish look for their start-up files); and the history file an interactive shell trims to HISTFILESIZE as it starts.
_STARTUP_VARIABLES = ("BASH_ENV", "ENV", "ZDOTDIR", "HOME", "XDG_CONFIG_HOME", "HISTFILE", "HISTFILESIZE")
# fish's options whose value is a command line it runs (-C/--init-command before the shell reads its input; the long
# form of -c): judged as that line.
_FISH_CODE = ("-C", "--init-command", "--command")


def _startup_file(cmd: SimpleCommand, options: list[Word]) -> bool:
    """Whether the shell is given a start-up file of its own choosing (BASH_ENV=…, --rcfile, --init-file): that file
    runs even when no command reaches its input."""
    return any(k in cmd.assigns for k in _STARTUP_VARIABLES) or any(w.value.startswith(("--rcfile", "--init-file")) for w in options)


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


def _ssh_runs_no_shell(options: list[Word]) -> bool:
    """Whether ssh's options (the words before the host) start no remote shell, or give it no input: -N (no command),
    -W (a forwarded stream), -O (a control command), -s (a subsystem), -n (stdin from /dev/null), -G/-V/-Q (print)."""
    j = 0
    while j < len(options):
        v = options[j].value
        j += 1
        if not v.startswith("-") or v.startswith("--") or len(v) < 2:
            continue
        for k, ch in enumerate(v[1:], 1):
            if ch in "NWOsnGVQ":
                return True
            if "-" + ch in _SSH_OPTS:
                j += 0 if v[k + 1 :] else 1  # the value: the rest of the word or the next word
                break
    return False


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
        # -n10 / -uroot: value glued to a short option that takes one
        if len(a) > 2 and not a.startswith("--") and a[:2] in with_value:
            i += 1
            continue
        # -dmS name: a cluster of flags whose last one takes the next word
        if len(a) > 2 and not a.startswith("--") and "-" + a[-1] in with_value:
            i += 2
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


# What an item of xargs -I or a path of find -exec stands for inside a literal shell script: a variable the script
# does not set, so it is read as a value only known at run time, in the place the text puts it (an argument, or the
# command name, which stays asked about).
_ITEM_VAR = "${__clearance_item}"
_PLAIN_PATH = lazy(r"[A-Za-z0-9_./~+-]+")


_FIND_EXECS = ("-exec", "-execdir", "-ok", "-okdir")
# Words before the program of an -exec that run it unchanged (`-exec env rm {} +`, `-exec nice -n 5 rm`).
_FIND_EXEC_PREFIXES = frozenset({"env", "command", "builtin", "exec", "nice", "nohup", "time", "stdbuf", "ionice", "setsid"})
# -exec programs that remove the file they are given: what they reach is what find selected.
_FIND_REMOVERS = frozenset({"rm", "rmdir", "unlink", "shred", "trash", "trash-put", "gio"})
# Programs that print, copy or send the files find hands them: what they get is what the -name selects (find ~ -name
# '*.pem' -exec cat {} ;  reads ~/**/*.pem, which can match a private key), as for the removers.
_FIND_CONTENT_READERS = frozenset(
    {"cat", "head", "tail", "less", "more", "bat", "batcat", "tac", "nl", "base64", "xxd", "od", "hexdump", "strings", "grep", "egrep", "fgrep"}
    | {"rg", "jq", "yq", "cp", "scp", "rsync", "tar", "zip", "curl", "gpg", "openssl"}
)


def _exec_end(argv: list[Word], k: int) -> int:
    """The index of the word that ends the -exec at *k*: `;`, or `+` right after `{}` (elsewhere `+` is an argument)."""
    end = k + 1
    while end < len(argv) and not (argv[end].value in (";", "\\;") or (argv[end].value == "+" and argv[end - 1].value == "{}")):
        end += 1
    return end


def _narrowing_name(pattern: str) -> bool:
    """A -name pattern that selects some names, not (nearly) every one: `*.log`, `pytest-*`; not `*`, `.*`, `[a-z]*`."""
    core = pattern
    while "[" in core and "]" in core[core.index("[") :]:
        core = core[: core.index("[")] + "*" + core[core.index("]", core.index("[")) + 1 :]
    return DYN not in pattern and "/" not in pattern and core.strip("*?.") != ""


def find_selection(argv: list[Word], start: int) -> tuple[str, bool]:
    """What every file find hands its -exec program is known to be: (a -name pattern it matches, or ""; True when it
    is a directory by `-type d`). Only for an expression with one -exec, no alternative (-o, `,`) and no negation,
    from the tests before that -exec (a test after it does not narrow what it is given)."""
    pattern, dirs, execs = "", False, 0
    i = start
    while i < len(argv):
        v = argv[i].value
        if v in ("-o", "-or", ",", "!", "-not"):
            return "", False
        if v in _FIND_EXECS:
            execs += 1
            if execs > 1:
                return "", False
            i = _exec_end(argv, i) + 1
            continue
        if execs == 0 and v in ("-name", "-iname") and i + 1 < len(argv):
            if not pattern and _narrowing_name(argv[i + 1].value):
                pattern = argv[i + 1].value
            i += 2
            continue
        if execs == 0 and v == "-type" and i + 1 < len(argv):
            dirs = dirs or argv[i + 1].value == "d"
            i += 2
            continue
        i += 1
    return pattern, dirs


def _exec_program(inner: list[Word]) -> str:
    """The program an -exec runs, past the words that run it unchanged."""
    for w in inner:
        name = pathstr.basename(w.value)
        if name not in _FIND_EXEC_PREFIXES and not w.value.startswith("-") and "=" not in w.value and not w.value.isdigit():
            return name
    return ""


def _shell_script_index(inner: list[Word]) -> int:
    """The index of the script word in `sh -c SCRIPT …` (also `bash -ec`, `bash --norc -c`, `sh -o pipefail -c`), or -1."""
    if not inner or basename_command(inner[0]).value not in SHELLS:
        return -1
    i = 1
    while i < len(inner):
        v = inner[i].value
        if v in ("-o", "+o", "-O", "+O"):
            i += 2
            continue
        if v == "--" or not v.startswith(("-", "+")) or DYN in v:
            return -1  # a script file or an operand before any -c
        if not v.startswith("--") and "c" in v[1:]:
            return i + 1 if i + 1 < len(inner) else -1
        i += 1
    return -1


def _folded_command(word: Word) -> Word:
    v = word.value
    if not FOLD_COMMANDS.get() or v.islower() or not v.isascii() or DYN in v:
        return word
    head, _, base = v.rpartition("/")
    low = base.lower()
    if low == base or not known_program(low):
        return word
    return Word((head + "/" if head else "") + low, word.raw, word.subs, word.procsub, word.vars, word.quoted)


def _env_split_string(a: str) -> str | None:
    """The STRING of env's -S/--split-string when *a* carries the option: "" when it is in the next word, None otherwise."""
    if a == "--split-string":
        return ""
    if a.startswith("--split-string="):
        return a.partition("=")[2]
    if a.startswith("-") and not a.startswith("--"):
        for j, ch in enumerate(a[1:], 1):
            if ch == "S":
                return a[j + 1 :]
            if ch in "uC" or not ch.isalnum():  # an option that takes the rest of the word as its own value
                return None
    return None


class Unwrapper:
    def __init__(self, cwd: str | None, home: str, env: dict[str, str], typed_input: bool = True) -> None:
        self.home = home
        self.env = env
        # False: the tool's own standard input is one the agent cannot write to (engine.analyse_shell's typed_input),
        # so a command reading only it reads nothing the agent sends (xargs gets no item).
        self.typed_input = typed_input
        self.out = Expansion()
        self.env_seen: set[tuple[str, str]] = set()

    def reparse(
        self, text: str, parent: SimpleCommand, via: str, bound: dict[str, str] | None = None, inherit_input: bool = False, /, **changes: object
    ) -> None:
        """Judge *text*, code *parent* runs.  With *inherit_input*, the code reads the standard input *parent* reads
        (a shell's -c script), so what reads the tool's own input there still does.  ``given_input=True`` in *changes*:
        *text* is a command line run with the parent's standard input (`bash -c 'psql app' <<< SQL`, `ssh HOST psql app
        <<< SQL`), which each command of it without input of its own reads."""
        given_input = bool(changes.pop("given_input", False))
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
            script = parse(text, cwd if isinstance(cwd, str) else None, self.home, self.env, level, given)
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
        if cmd.argv[0].value in ("mapfile", "readarray"):
            callback = _mapfile_callback(cmd)
            if callback:
                self.reparse(callback + " 0 line", cmd, f"{cmd.argv[0].value} -C")
        if cmd.argv[0].value in ("export", "declare", "typeset", "readonly", "local"):
            self._env_commands(cmd, dict(w.value.split("=", 1) for w in cmd.argv[1:] if "=" in w.value and not w.value.startswith("-")))
        name = cmd.name
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
        if cmd.assigns and name in _ENV_OPTION_TOOLS:
            _env_options(cmd)
        if name == "curl" and (config := _curl_stdin_config(cmd)) is not None:
            # curl -K- / --config - reads more options from standard input (`url = …`, `data = @~/.ssh/id_rsa`,
            # `output = ~/.bashrc`): judged as the command line they make.
            self.command(cmd.derive(config, "curl -K-", stdin_text=None, stdin_from=[]))
            return
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
        if name in _TERMINALS or name in _SHARERS or name in ("tmux", "tmate", "entr", "start-stop-daemon", "at", "batch"):
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
                    self.reparse(w.value.split("=", 1)[1], cmd, "alias")
            return
        if name == "ssh" or name == "autossh":
            self._ssh(cmd)
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
        if name == "lvm" and (k := next((k for k in range(1, len(argv)) if _LVM_COMMAND.fullmatch(argv[k].value)), 0)):
            # lvm [OPTS] lvremove ARGS: lvm(8) runs its command; options before it stay with it (`lvm --test
            # lvremove` is a test run, or refused as "No such command" by an lvm that takes no options there).
            self.out.commands.append(cmd)
            self.command(cmd.derive([argv[k], *argv[1:k], *argv[k + 1 :]], name))
            return
        if name == "rails" and len(argv) > 1 and self._rails(cmd):
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

    def _rails(self, cmd: SimpleCommand) -> bool:
        """rails runner CODE|FILE and rails console/dbconsole fed on stdin: Ruby (or SQL) run inside the application.

        The command itself stays for the rules on the application's own verbs (db.datastore-destroy reads the
        runner's code for ORM deletions); the code is also judged as the Ruby interpreter would run it.
        False when the command runs no code given to it (the caller judges it as any other command).
        """
        argv = cmd.argv
        sub = argv[1].value
        payload: list[Word] | None = None
        if sub in ("runner", "r"):
            k = 2
            while k < len(argv):
                v = argv[k].value
                if v in ("-e", "--environment"):
                    k += 2
                elif v.startswith("-") and v != "-":
                    k += 1
                else:
                    break
            if k < len(argv) and not argv[k].dynamic:
                code = argv[k]
                v = code.value
                if v.endswith(".rb") or ("/" in v and not any(c in v for c in " ()'\";")):
                    payload = [Word("ruby", "ruby"), code, *argv[k + 1 :]]
                else:
                    payload = [Word("ruby", "ruby"), Word("-e", "-e"), code, *argv[k + 1 :]]
        elif sub in ("console", "c") and (cmd.stdin_text is not None or cmd.stdin_from):
            payload = [Word("ruby", "ruby")]
        elif sub in ("dbconsole", "db") and (cmd.stdin_text is not None or cmd.stdin_from):
            # The database's own client (psql, mysql or sqlite3 by config/database.yml) reads the statements.
            payload = [Word("psql", "psql")]
        if payload is None:
            return False
        self.out.commands.append(cmd)
        self.command(cmd.derive(payload, "rails " + sub))
        return True

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
                        self.command(cmd.derive(argv[k + 1 :], name + MAY_RUN_WORDS))
                    break
                if v.startswith("-") or DYN in v:
                    continue
                if seen == 0 and v in _SUBCOMMAND_WORDS:
                    seen = 2  # pyenv init -, tool install x: the tool's own subcommand, not a program it runs
                elif seen < 2 and runnable(v) and " " not in v:
                    self.command(cmd.derive(argv[k:], name + MAY_RUN_WORDS))
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

    def _template_code(self, cmd: SimpleCommand) -> None:
        """A template or macro processor's input holds code it runs: ERB's `<% … %>` and `<%= … %>` are Ruby (`<%=
        `CMD` %>`, `system`), m4's `syscmd(CMD)` and `esyscmd(CMD)` are shell lines. Literal input (a here-document,
        a here-string, echo/printf piped in) and m4's arguments (`-D NAME=syscmd(…)`), judged as that code is."""
        text = self._stdin_code(cmd) or ""
        if cmd.name == "m4":
            text += "\n" + "\n".join(w.value for w in cmd.argv[1:])  # -D NAME=syscmd(…): a macro defined to run it
        if not text:
            return
        if cmd.name == "erb":
            code = "\n".join(m.group(1).strip() for m in _ERB_TAG.finditer(text))
            if code.strip():
                self.command(cmd.derive([Word("ruby", "ruby"), Word("-e", "-e"), Word(code, code)], "erb template", stdin_text=None, stdin_from=[]))
            return
        for m in _M4_SYSCMD.finditer(text):
            line = m.group(2)
            if line.startswith("`") and line.endswith("'"):
                line = line[1:-1]  # m4's quotes
            if line.strip():
                self.reparse(line, cmd, f"m4 {m.group(1)}", stdin_text=None, stdin_from=[])

    def _typed_protocol(self, cmd: SimpleCommand) -> None:
        """A datastore's text protocol typed into a raw socket: `nc HOST 6379 <<< FLUSHALL`, `echo FLUSHALL | socat -
        TCP:HOST:6379`, `telnet HOST 6379`, `nc HOST 11211 <<< flush_all`. Each line of literal input is the command the
        store's own client would send (`redis-cli -h HOST -p PORT FLUSHALL`, `memcflush --servers=HOST:PORT`), judged
        by the datastore rules."""
        text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
        peer = _socket_peer(cmd)
        if not text or peer is None or (peer[1] not in _REDIS_PORTS and peer[1] not in _MEMCACHED_PORTS):
            return
        host, port = peer
        for line in text.splitlines()[:MAX_INPUT_LINES]:
            words = line.split()
            if not words:
                continue
            if port in _REDIS_PORTS:
                argv = [Word("redis-cli", "redis-cli"), Word("-h", "-h"), Word(host, host), Word("-p", "-p"), Word(port, port), *(Word(w, w) for w in words)]
                via = f"{cmd.name} speaking redis to {host}:{port}"
            elif words[0].lower() == "flush_all":
                server = f"--servers={host}:{port}"
                argv = [Word("memcflush", "memcflush"), Word(server, server)]
                via = f"{cmd.name} speaking memcached to {host}:{port}"
            else:
                continue  # get, set, stats: one key or nothing
            self.command(cmd.derive(argv, via, stdin_text=None, stdin_from=[]))

    def _reparse_found(self, cmd: SimpleCommand, text: str, via: str, **changes: object) -> None:
        """Text that may be a command or may be data (a line of a program's input, a string literal of its code),
        judged by the commands it holds: what the shell could not read of it (a parse error, a word only known at run
        time, `$@` meant for the shell the code starts) is no finding, since the text need not be shell at all."""
        before = len(self.out.problems)
        self.reparse(text, cmd, via, **changes)
        self.out.problems[before:] = [p for p in self.out.problems[before:] if not p[0].startswith("shell.")]

    def _as_socket_client(self, cmd: SimpleCommand, peer: tuple[str, str], via: str) -> None:
        """A TLS client (openssl s_client, gnutls-cli) sends its input to the peer and prints what comes back, as nc
        does over TCP: judged as `ncat --ssl HOST PORT` with the same input and output.  Literal text piped in (`echo
        | openssl s_client …`, an HTTP request typed out) is what is sent, nothing of this machine; nor is /dev/null."""
        redirects = [r for r in cmd.redirects if not (r.reads and r.target is not None and r.target.value == "/dev/null")]
        stdin_from, stdin_text = cmd.stdin_from, cmd.stdin_text
        if stdin_from and literal_stdin(stdin_from) is not None:
            stdin_from, stdin_text = [], literal_stdin(stdin_from)
        argv = [Word("ncat", "ncat"), Word("--ssl", "--ssl"), Word(peer[0], peer[0]), Word(peer[1], peer[1])]
        self.command(cmd.derive(argv, via, redirects=redirects, stdin_from=stdin_from, stdin_text=stdin_text))

    @staticmethod
    def _stdin_code(cmd: SimpleCommand) -> str | None:
        """The literal text a program reads on its standard input: a here-document or string, or literal text piped in
        (`echo CODE | tclsh`)."""
        if cmd.stdin_text is not None:
            return cmd.stdin_text
        return literal_stdin(cmd.stdin_from) if cmd.stdin_from else None

    def _socket_shell(self, cmd: SimpleCommand, code: str, known: bool = True) -> None:
        """Code of a language clearance does not read that connects a network socket and starts a shell (a reverse or
        bind shell: embedded.socket_shell); in an argument of a program clearance does not model (*known* False), which
        may be data, a person is asked."""
        from . import embedded

        if embedded.socket_shell(code):
            why = f"{cmd.name} is given code that connects a network socket and starts a shell ({code.strip()[:60]!r})"
            self.out.problems.append(("shell.socket-shell" if known else "shell.embedded-code", why))

    def _system_calls(self, cmd: SimpleCommand, code: str) -> list[str]:
        """The literal command lines *code*'s system()-like calls hand over, each judged as typed one level down, capped at
        ask (MAY_RUN): the code may be data."""
        from . import embedded

        calls = embedded.system_calls(code).shell[:8] if "(" in code or "system" in code else []
        for line in calls:
            self.reparse(line, cmd, cmd.name + MAY_RUN)
        return calls

    def _code_commands(self, cmd: SimpleCommand, code: str) -> None:
        """Code of a language clearance does not read, given to a program it does not model, that holds a command line:
        the literal one a system()-like call hands over (`gimp -b 'import os; os.system("CMD")'`, a plug-in's script),
        judged as typed; and any other string literal that reads as a command line (`janet -e '(os/shell "rm -rf ~")'`,
        `qjs -e 'std.system("…")'`), judged by the commands it holds.  Capped at ask (MAY_RUN): the argument may be data,
        the literal a message.  Each line is judged once."""
        from . import embedded

        calls = self._system_calls(cmd, code)
        if code.lstrip()[:1] in ("'", '"', "`") and code.rstrip()[-1:] == code.lstrip()[:1]:
            return  # the whole argument quoted: read as a command by the caller, not as code holding one
        for lit in embedded.string_literals(code, 16):
            head = lit.split(None, 1)[0] if lit.strip() else ""
            if " " in lit.strip() and runnable(head) and "\n" not in lit and lit not in calls:
                self._reparse_found(cmd, lit, cmd.name + " code" + MAY_RUN)

    def _code_paths(self, cmd: SimpleCommand, code: str) -> None:
        """Code of a language clearance does not read (an argument holding quoted strings, given to a program it does
        not model, or the file calls of the system()-call languages) that names a hidden file of the home or the
        system's configuration may read or write it: judged as `cat` and `tee -a` on it, capped at ask (MAY_RUN)."""
        from . import embedded

        for path in embedded.code_literal_paths(code, self.home):
            word = Word(path, path)
            # one level down, so that MAY_RUN caps what is found at ask (engine._finding)
            self.command(cmd.derive([Word("cat", "cat"), word], cmd.name + MAY_RUN, depth=cmd.depth + 1))
            self.command(cmd.derive([Word("tee", "tee"), Word("-a", "-a"), word], cmd.name + MAY_RUN, depth=cmd.depth + 1))

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

    def _perl_code(self, cmd: SimpleCommand, options: list[str], via: str) -> None:
        """perl's -MTEXT / -mTEXT options: perl puts `use TEXT;` before the program, so text past a module name and
        its import list (`-M'strict;system(…)'`) is code that runs whatever script follows; judged as `perl -e`."""
        for opt in options[:16]:
            if opt[:2] not in ("-M", "-m") or DYN in opt:
                continue
            body = opt[2:].lstrip("-")
            module, _, imports = body.partition("=")
            if _PERL_MODULE.fullmatch(module) and _PERL_IMPORTS.fullmatch(imports):
                continue
            code = f"use {body};"
            self.command(cmd.derive([Word("perl", "perl"), Word("-e", "-e"), Word(code, code)], f"{via}{opt[:2]}"))

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

    def _elisp(self, cmd: SimpleCommand, code: str) -> None:
        """emacs --eval CODE: the shell commands, processes and deletions of Emacs Lisp, when literal."""
        for m in _ELISP_CALL.finditer(code):
            fn, rest = m.group(1), m.group(2)
            strings = [bytes(x, "utf-8").decode("unicode_escape") for x in _ELISP_STRING.findall(rest)]
            literal = rest.lstrip().startswith('"')
            if not literal or not strings:
                self.out.problems.append(
                    ("shell.embedded-code", f"Emacs Lisp {fn} with a value built at run time; clearance cannot see what it runs or deletes")
                )
            elif fn in ("shell-command", "async-shell-command", "shell-command-to-string"):
                self.reparse(strings[0], cmd, f"emacs ({fn})")
            elif fn in ("call-process", "start-process", "process-lines"):
                prog = strings[1] if fn == "start-process" and len(strings) > 2 else strings[0]
                args = strings[strings.index(prog) + 1 :]
                self.command(cmd.derive([Word(prog, prog), *(Word(a, a) for a in args)], f"emacs ({fn})"))
            elif fn == "delete-directory":
                self.command(cmd.derive([Word("rm", "rm"), Word("-rf", "-rf"), Word(strings[0], strings[0])], f"emacs ({fn})"))
            elif fn == "delete-file":
                self.command(cmd.derive([Word("rm", "rm"), Word(strings[0], strings[0])], f"emacs ({fn})"))
            elif fn in ("write-file", "with-temp-file"):
                # the buffer, or what the form inserts, written to the file named
                self.command(cmd.derive([Word("tee", "tee"), Word(strings[0], strings[0])], f"emacs ({fn})"))

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
        if git_program_key(low) and not git_word_value(low, value):
            self.reparse(value.lstrip().lstrip("!"), cmd, f"git {key}")

    def _screen_command(self, cmd: SimpleCommand) -> bool:
        """`screen -X stuff TEXT` types TEXT into a session's shell (`\\n` and `^M` end a line, as tmux send-keys'
        Enter does); `screen -X exec CMD ARGS` runs CMD in the window. True when one was read."""
        vals = [w.value for w in cmd.argv]
        k = next((j for j in range(1, len(vals) - 2) if vals[j] == "-X"), None)
        if k is None or vals[k + 1] not in ("stuff", "exec"):
            return False
        self.out.commands.append(cmd)
        if vals[k + 1] == "stuff":
            self.reparse(vals[k + 2].replace("\\n", "\n").replace("\\r", "\n").replace("^M", "\n"), cmd, "screen -X stuff")
        else:
            self.command(cmd.derive(cmd.argv[k + 2 :], "screen -X exec"))
        return True

    def _launcher(self, cmd: SimpleCommand) -> None:
        """Programs that run a command later or elsewhere: terminals, tmux, entr, start-stop-daemon, at."""
        self.out.commands.append(cmd)
        name = cmd.name
        argv = cmd.argv
        vals = [w.value for w in argv]
        if name in ("at", "batch"):
            if cmd.stdin_text is not None:
                self.reparse(cmd.stdin_text, cmd, f"{name} job", stdin_text=None)
            elif cmd.stdin_from:
                self._stdin_script(cmd)
            return
        if name in _SHARERS:
            # ttyd/gotty [OPTIONS] CMD ARGS, upterm host [--force-command CMD] -- CMD, sshx --shell PROGRAM: what the
            # shared terminal runs (judged as a command, as a terminal's -e is).
            if name in ("ttyd", "gotty"):
                i = _strip_options(argv, 1, _SHARER_VALUE_OPTS)
                if i < len(argv):
                    self.command(cmd.derive(argv[i:], name))
            elif name == "upterm":
                for j, v in enumerate(vals):
                    if v == "--force-command" and j + 1 < len(vals):
                        self.reparse(vals[j + 1], cmd, "upterm --force-command")
                if "--" in vals and vals.index("--") + 1 < len(vals):
                    self.command(cmd.derive(argv[vals.index("--") + 1 :], "upterm host"))
            else:
                for j, v in enumerate(vals):
                    if v == "--shell" and j + 1 < len(vals):
                        self.command(cmd.derive([argv[j + 1]], "sshx --shell"))
            return
        if name in ("tmux", "tmate"):
            top = next((j for j, v in enumerate(vals[1:], 1) if not v.startswith("-") or v == "-c"), 0)
            if top and vals[top] == "-c" and top + 1 < len(vals):
                # tmux -c CMD: the client runs CMD with the default shell, as sh -c, with its own input (no session)
                self.reparse(vals[top + 1], cmd, f"{name} -c", None, True)
                return
            sub = next((v for v in vals[1:] if not v.startswith("-")), "")
            if sub in (
                "new",
                "new-session",
                "new-window",
                "neww",
                "split-window",
                "splitw",
                "respawn-pane",
                "respawn-window",
                "run-shell",
                "run",
                "display-popup",
                "popup",
            ):
                # The shell command is the last operand; options with values come before it.
                j = vals.index(sub) + 1
                while j < len(vals) and vals[j].startswith("-"):
                    j += 2 if vals[j] in _TMUX_VALUE_OPTS else 1
                if j < len(vals):
                    self.reparse(" ".join(vals[j:]), cmd, f"tmux {sub}")
            elif sub in ("send-keys", "send"):
                j = vals.index(sub) + 1
                while j < len(vals) and vals[j].startswith("-"):
                    j += 2 if vals[j] in ("-t", "-N", "-c") else 1
                keys = [v for v in vals[j:] if v not in _TMUX_KEY_NAMES]
                if keys:
                    self.reparse(" ".join(keys), cmd, "tmux send-keys")
            return
        if name == "entr":
            if "-s" in vals:
                k = vals.index("-s")
                if k + 1 < len(vals):
                    self.reparse(vals[k + 1], cmd, "entr -s")
                return
            i = _strip_options(argv, 1, frozenset())
            if i < len(argv):
                self.command(cmd.derive(argv[i:], "entr"))
            return
        if name == "start-stop-daemon":
            exe = None
            for j, v in enumerate(vals):
                if v in ("--exec", "-x", "--startas", "-a") and j + 1 < len(vals):
                    exe = argv[j + 1]
            if exe is not None and ("--start" in vals or "-S" in vals):
                rest = argv[vals.index("--") + 1 :] if "--" in vals else []
                self.command(cmd.derive([exe, *rest], "start-stop-daemon"))
            return
        # Terminal emulators: `xterm -e cmd args`, `gnome-terminal -- cmd`, `kitty cmd`.
        if "--" in vals:
            rest = argv[vals.index("--") + 1 :]
        elif "-e" in vals or "-x" in vals or "--command" in vals:
            k = next(j for j, v in enumerate(vals) if v in ("-e", "-x", "--command"))
            rest = argv[k + 1 :]
        elif name in ("kitty", "wezterm", "foot"):
            i = _strip_options(argv, 1, frozenset({"--title", "-T", "--class", "-o", "--directory", "-d"}))
            rest = argv[i:]
            if rest and rest[0].value == "start":
                rest = rest[1:]
        else:
            rest = []
        if len(rest) == 1 and " " in rest[0].value:
            self.reparse(rest[0].value, cmd, name)
        elif rest:
            self.command(cmd.derive(rest, name))

    def _env(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        i = 1
        assigns = dict(cmd.assigns)
        cwd = cmd.cwd
        while i < len(argv):
            a = argv[i].value
            if a in ("-u", "--unset"):
                if i + 1 < len(argv):
                    assigns.pop(argv[i + 1].value, None)
                i += 2
            elif a.startswith("--unset=") or (a.startswith("-u") and len(a) > 2 and not a.startswith("--")):
                assigns.pop(a.split("=", 1)[1] if a.startswith("--") else a[2:], None)
                i += 1
            elif a in ("-i", "--ignore-environment", "-"):
                assigns = {}  # the program starts with only the VAR=value words that follow
                i += 1
            elif (a in ("-C", "--chdir") and i + 1 < len(argv)) or a.startswith("--chdir=") or (a.startswith("-C") and len(a) > 2):
                glued = a.startswith("--chdir=") or (a.startswith("-C") and len(a) > 2)
                target = a.split("=", 1)[1] if a.startswith("--chdir=") else a[2:] if glued else argv[i + 1].value
                # An absolute folder is known from an unknown one (`env -C /d rm -rf x` in a new container's shell).
                cwd = None if (DYN in target or (cwd is None and not target.startswith("/"))) else pathstr.normpath(pathstr.join(cwd or "/", target))
                i += 1 if glued else 2
            elif (split := _env_split_string(a)) is not None and (split or i + 1 < len(argv)):
                # -S STRING, -SSTRING, -vS STRING, --split-string=STRING: env splits STRING into words and runs them
                # with the words that follow (getopt reads a glued or clustered value the same as a separate one).
                self.out.commands.append(cmd)
                rest = " ".join([split, *(w.value for w in argv[i + 1 :])] if split else [w.value for w in argv[i + 1 :]])
                self.reparse(rest, cmd, "env -S")
                return
            elif a.startswith("-") and a != "-":
                i += 1
            elif "=" in a and not a.startswith("="):
                k, _, v = a.partition("=")
                assigns[k] = v
                i += 1
            else:
                break
        self.out.commands.append(cmd)
        if i < len(argv):
            self.command(cmd.derive(argv[i:], "env", assigns=assigns, cwd=cwd))

    def _xargs(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        i = _strip_options(argv, 1, _XARGS_OPTS)
        replace = None
        for j in range(1, i):
            a = argv[j].value
            if a == "-I" and j + 1 < len(argv):
                replace = argv[j + 1].value
            elif a.startswith("-I") and len(a) > 2:
                replace = a[2:]
            elif a.startswith("-i"):
                replace = a[2:] or "{}"
            elif a == "--replace" or a.startswith("--replace="):
                replace = a.partition("=")[2] or "{}"
        self.out.commands.append(cmd)
        inner = argv[i:] or [Word("echo", "echo")]
        finder = next((c for c in cmd.stdin_from if c.name == "find"), None)
        if finder is not None and basename_command(inner[0]).value in ("rm", "shred", "unlink", "rmdir", "rimraf"):
            # find … | xargs rm is find … -exec rm {} +: judge it with the find expression.
            if replace:
                args = [Word(w.value.replace(replace, "{}"), w.raw, w.subs, w.procsub, w.vars, w.quoted) for w in inner]
            else:
                args = [*inner, Word("{}", "{}")]
            synth = [*finder.argv, Word("-exec", "-exec"), *args, Word("+", "+")]
            self.command(cmd.derive(synth, "xargs"))
            return
        arg_file = next((argv[j + 1] for j in range(1, i - 1) if argv[j].value in ("-a", "--arg-file")), None)
        text: str | None
        if arg_file is not None:
            # xargs -a <(echo FILE) cat: the items are what the process substitution prints.
            text = pipeline_output(arg_file.subs) if arg_file.procsub else None
        elif cmd.stdin_from:
            text = literal_stdin(cmd.stdin_from)
        elif cmd.stdin_text is None and not self.typed_input and _reads_tool_input(cmd):
            # `xargs rm` reading the tool's own input (Claude Code's `< /dev/null`): no item reaches it from the agent
            text = ""
        else:
            text = cmd.stdin_text  # xargs cat <<< FILE, a here-document of names
        items = _xargs_items(text, argv[1:i], bool(replace)) if text is not None and DYN not in text else None
        if items == [] and (replace or any(_no_run_if_empty(w.value) for w in argv[1:i])):
            return  # `printf '' | xargs -r rm -rf /`: no item, and -r (or -I) runs nothing then
        if items is not None and len(items) <= 20 and (items or not replace):
            # GNU xargs without -r runs the command once with no item (`printf '' | xargs rm -rf /` is `rm -rf /`).
            # echo a b | xargs rm: the items are known.
            for it in items or [""]:
                w = Word(it, it)
                if not it:
                    new = list(inner)
                elif replace:
                    new = [Word(x.value.replace(replace, it), x.raw, x.subs, x.procsub, x.vars, x.quoted) if replace in x.value else x for x in inner]
                else:
                    new = [*inner, w]
                self.command(cmd.derive(new, "xargs"))
            return
        # Paths a producer prints (`find ~/.aws -type f | xargs cat`): some path under its root; else unknown.
        if arg_file is not None:
            produced = pipeline_output(arg_file.subs) if arg_file.procsub else None
        else:
            produced = pipeline_output(cmd.stdin_from) if cmd.stdin_from else None
        some = produced if produced is not None and (DYN in produced or "/**/" in produced) else DYN
        item = Word(some, "<items read by xargs>")
        if replace:
            # A literal `sh -c` script gets each item as a value in its text, read like "$1" (_ITEM_VAR); every other
            # word holds the items read (a value only known at run time unless the input was literal).
            si = _shell_script_index(inner)
            new = [
                Word(w.value.replace(replace, _ITEM_VAR if k == si else some), w.raw, w.subs, w.procsub, w.vars, w.quoted) if replace in w.value else w
                for k, w in enumerate(inner)
            ]
        else:
            new = list(inner) + [item]
        self.command(cmd.derive(new, "xargs"))

    def _fish_code(self, cmd: SimpleCommand) -> None:
        """fish -C CMD, --init-command=CMD, --command CMD: lines fish runs, with its own input."""
        vals = [w.value for w in cmd.argv[1:]]
        for j, v in enumerate(vals):
            opt, eq, val = v.partition("=")
            if opt in _FISH_CODE[1:] and eq:
                text = val
            elif v in _FISH_CODE and j + 1 < len(vals):
                text = vals[j + 1]
            elif v.startswith("-C") and len(v) > 2:
                text = v[2:]
            else:
                continue
            self.reparse(text, cmd, f"fish {opt if eq else v[:2] if v.startswith('-C') else v}", None, True)

    def _shell(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        name = cmd.name
        sf = shell_flags(argv)
        i = sf.operands
        code = argv[i] if sf.command and i < len(argv) else None
        reads_stdin = sf.stdin
        self.out.commands.append(cmd)
        if name == "fish":
            self._fish_code(cmd)
        if sf.noexec and name != "busybox":
            return  # `bash -n`, `sh -n -c '…'`: commands are read, never run (a syntax check)
        if sf.command and code is None and name != "busybox":
            return  # `bash -c` with no operand: "option requires an argument", nothing runs
        if name == "busybox" and code is None:
            if i < len(argv):
                self.command(cmd.derive(argv[i:], "busybox"))
            return
        if code is not None:
            # sh -c SCRIPT ARG0 ARG1 …: the words after the script are $0, $1, … inside it. A word only partly known
            # (the path find hands over, `~/Documents/<found>`) is bound as such, as it would be typed in the script.
            given = argv[i + 1 : i + 11]
            bound = {str(k): w.value for k, w in enumerate(given)}
            if len(given) == 2:
                bound["@"] = bound["*"] = given[1].value  # one argument: "$@" is that word
            # Its input is the script's commands' (`bash -c 'psql app' <<< SQL`), but not where xargs started it: GNU
            # xargs reads its input itself and gives the command /dev/null (`echo 'rm -rf /' | xargs bash -c`).
            self.reparse(code.value, cmd, f"{name} -c", bound or None, True, given_input=cmd.via[-1:] != ("xargs",))
            return
        if i < len(argv) and not reads_stdin:
            script = argv[i]
            if script.procsub:
                self._stdin_script(cmd, script.subs)  # bash <(generator): the generator's output is the script
                return
            if script.value not in _STDIN_NAMES:
                if _fd_name(script.value):
                    self.out.problems.append(
                        ("shell.dynamic-code", f"{name} runs a script from {script.value}, a descriptor whose content clearance cannot see")
                    )
                return  # runs a script file: judged as running project code
        # The shell reads its commands from stdin.
        if cmd.stdin_text is not None:
            self.reparse(cmd.stdin_text, cmd, f"{name} <<here-document", stdin_text=None)
        elif cmd.stdin_from:
            self._stdin_script(cmd)
        elif (src := next((r.target for r in cmd.redirects if r.reads and r.target is not None and not r.fd), None)) is not None:
            if src.procsub:
                self._stdin_script(cmd, src.subs)  # bash < <(generator): the generator's output runs
            elif src.dynamic:
                self.out.problems.append(("shell.dynamic-code", f"{name} runs a script whose file is only known at run time ({src.raw})"))
            # sh < script.sh: runs a script file, like `sh script.sh` (read by clearance.scripts)
        elif cmd.container is not None and not cmd.container.mounts:
            return  # `docker run -it ubuntu bash`: a shell in a new container with nothing of the host's, gone with it
        elif not any(w.value in _PRINT_ONLY for w in argv[1:i]):
            # `bash --version`, `zsh --help`: printed and gone (dash and ash refuse the option and exit): no shell starts
            message = f"{name} starts an interactive shell whose commands clearance cannot see"
            if _reads_tool_input(cmd) and not _startup_file(cmd, argv[1:i]):
                self.out.idle_shells.append(message)  # its input is the tool's: see Expansion.idle_shells
            else:
                self.out.problems.append(("shell.interactive-shell", message))

    def _stdin_script(self, cmd: SimpleCommand, sources: list[SimpleCommand] | None = None) -> None:
        """A shell reading its script from a pipe: only literal echo/printf text can be judged."""
        piped = sources is None
        sources = cmd.stdin_from if sources is None else sources
        if _setup_generator(sources) and cmd.name in ("source", "."):
            return  # source <(kubectl completion bash)
        if piped and cmd.name not in ("source", ".") and cat_files(sources):
            # cat a.sh b.sh | sh: runs those files, as `sh a.sh` does (read by clearance.scripts).  A process
            # substitution (`bash <(cat /tmp/x)`) stays unseen code (tests/test_adversarial_round4.py).
            return
        if piped and sources and all(_prints_nothing_fetched(c) for c in sources):
            return  # nc -z host 22 | sh, curl --version | sh: nothing fetched reaches the shell
        text = literal_stdin(sources)
        if text is not None:
            how = "a here-document" if sources[0].name == "cat" else "a pipe"
            self.reparse(text, cmd, f"{cmd.name} reading {how}", stdin_from=[])
            return
        # Remote code and decoded payloads get their own rules (rce.*, obf.*);
        # anything else piped into a shell is still code clearance cannot see.
        self.out.problems.append(
            ("shell.piped-script", f"{cmd.name} runs commands read from the output of {_names(sources)}; clearance cannot see what they are")
        )

    def _ssh(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        i = _strip_options(argv, 1, _SSH_OPTS | {"-M"} if cmd.name == "autossh" else _SSH_OPTS)  # autossh -M PORT
        self.out.commands.append(cmd)
        self._ssh_options(cmd, i)
        if i < len(argv) and argv[i].value == "--":
            i += 1  # `ssh -- HOST`
        if i >= len(argv):
            return
        host = argv[i].value
        rest = argv[i + 1 :]
        if rest and rest[0].value == "--":
            rest = rest[1:]  # `ssh HOST -- CMD`; `ssh HOST --` alone gives no command
        script = ssh_stdin_script(cmd)
        if script is not None:
            # `ssh HOST < deploy.sh`, `ssh HOST 'bash -s' < ci.sh`: the remote shell runs the lines of a file of this
            # machine's. Read where clearance may (scripts.script_runs judges them, engine drops this question).
            self.out.problems.append(("shell.interactive-shell", ssh_script_message(*script)))
            return
        if rest:
            # The remote command reads ssh's standard input (`ssh HOST psql app <<< 'DROP …'`, `… bash -s <<< …`).
            self.reparse(" ".join(w.value for w in rest), cmd, f"ssh {host}", remote=host, cwd=None, given_input=True)
        elif not _ssh_runs_no_shell(argv[1:i]):
            # `ssh HOST <<< 'CMD'`: with no command, ssh starts the user's login shell on HOST, which reads its
            # commands from ssh's standard input (a here-document, a here-string, literal text piped in).
            text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
            if text:
                self.reparse(text, cmd, f"ssh {host} reading its input", remote=host, cwd=None, stdin_text=None, stdin_from=[])
            elif any(r.op == "<" and r.fd in ("", "0") for r in cmd.redirects):
                # `ssh HOST < deploy.sh`: the remote shell runs the file's lines, as `ssh HOST bash -s < deploy.sh` does.
                self.reparse("sh -s", cmd, f"ssh {host} reading its input", remote=host, cwd=None, stdin_text=None, stdin_from=[])

    def _platform_remote(self, cmd: SimpleCommand) -> None:
        """A platform CLI's command run on the machine it reaches (`fly ssh console -C CMD`, `gcloud compute ssh VM
        --command CMD`, `heroku ps:exec -- CMD`: shell/remotecmd.py), judged as `ssh HOST CMD` is."""
        from . import remotecmd

        found = remotecmd.remote_lines([w.value for w in cmd.argv])
        if found is None:
            return
        via, lines = found
        for line in lines[:8]:
            self.reparse(line, cmd, via, remote=f"a machine reached by {via}", cwd=None)

    def _ssh_options(self, cmd: SimpleCommand, end: int) -> None:
        """ssh -o ProxyCommand=CMD (LocalCommand, KnownHostsCommand): commands ssh runs on this machine."""
        argv = cmd.argv
        j = 1
        while j < end:
            v = argv[j].value
            setting = None
            if v.startswith("-") and not v.startswith("--") and len(v) > 1:
                # A cluster read as getopt reads it (`-vo X`, `-voProxyCommand=X`): flags until one that takes a value,
                # which is the rest of the word or the next word.
                for k, ch in enumerate(v[1:], 1):
                    if "-" + ch not in _SSH_OPTS:
                        continue
                    value = v[k + 1 :]
                    if not value and j + 1 < end:
                        value = argv[j + 1].value
                        j += 1
                    if ch == "o":
                        setting = value
                    break
            j += 1
            if setting is None:
                continue
            key, sep, value = setting.strip().partition("=")
            if not sep:
                key, _, value = setting.strip().partition(" ")
            if key.strip().lower() in _SSH_LOCAL_COMMANDS and value.strip().lower() not in ("", "none"):
                self.reparse(value.strip(), cmd, f"ssh -o {key.strip()}")

    def _fd(self, cmd: SimpleCommand) -> None:
        """fd [pattern] [path…] -x/-X cmd args: read as the find command it stands for.

        `fd -e tmp -X rm` is `find . -name '*.tmp' -exec rm {} +`: the same rules judge what it
        deletes (junk, sources, everything under home), with fd's pattern and extensions as names.
        """
        self.out.commands.append(cmd)
        argv = cmd.argv
        k = next(j for j, a in enumerate(argv) if a.value in _FD_EXEC)
        positional: list[str] = []
        exts: list[str] = []
        roots_opt: list[str] = []
        glob = False
        j = 1
        while j < k:
            v = argv[j].value
            if v.startswith("-"):
                name, eq, glued = v.partition("=")
                value = glued if eq else (argv[j + 1].value if j + 1 < k else "")
                if name in ("-e", "--extension"):
                    exts.append(value.lstrip("."))
                elif name in ("--search-path",):
                    roots_opt.append(value)
                elif name in ("-g", "--glob"):
                    glob = True
                elif name.startswith("-e") and not name.startswith("--") and len(name) > 2:
                    exts.append(name[2:].lstrip("."))
                    j += 1
                    continue
                j += 1 if eq or name not in _FD_VALUE_OPTS else 2
                continue
            positional.append(v)
            j += 1
        roots = roots_opt or positional[1:] or ["."]
        inner = argv[k + 1 :]
        if not inner:
            return
        names = _fd_names(positional[0] if positional else "", glob, exts)
        expr: list[Word] = []
        for n, (test, pattern) in enumerate(names):
            expr += ([Word("-o", "-o")] if n else []) + [Word(test, test), Word(pattern, pattern)]
        if len(names) > 1:
            expr = [Word("(", "("), *expr, Word(")", ")")]
        if not any("{" in w.value for w in inner):
            inner = [*inner, Word("{}", "{}")]
        end = "+" if argv[k].value in ("-X", "--exec-batch") else ";"
        synth = [Word("find", "find"), *(Word(r, r) for r in roots[:10]), *expr, Word("-exec", "-exec")]
        synth += [Word(w.value.replace("{/}", "{}").replace("{//}", ".").replace("{.}", "{}").replace("{/.}", "{}"), w.raw) for w in inner]
        self._find(cmd.derive([*synth, Word(end, end)], "fd " + argv[k].value))

    def _find(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        self.out.commands.append(cmd)
        found, start = find_roots(argv[1:])
        roots = [w.value for w in found]
        j = start + 1
        root_desc = roots[0] if len(roots) == 1 else "."
        selected, dirs = find_selection(argv, j)
        values = [w.value for w in argv]
        # An -exec without its terminator makes find fail before it looks at a file ("missing argument"); the command
        # it names is still judged, capped at ask: nothing runs now, a retry with the `;` would run it.
        k = j
        while k < len(argv):
            a = argv[k].value
            if a in _FIND_EXECS:
                # `;` ends the command, `+` only right after a `{}` (elsewhere it is an argument).
                end = _exec_end(argv, k)
                inner = argv[k + 1 : end]
                if inner:
                    # From "/" the placeholder is "/*", not "/<dynamic>" (the mark of a directory known only at run time).
                    base = root_desc.rstrip("/")
                    placeholder = (base + "/" + DYN if base else "/*") if root_desc else DYN
                    program = _exec_program(inner)
                    if selected and base and DYN not in base and (program in _FIND_REMOVERS or program in _FIND_CONTENT_READERS):
                        # find /tmp -name 'pytest-*' -exec rm -rf {} +: what goes is what the name selects under the
                        # root, as with -delete (effects.py), not everything below it.
                        placeholder = base + "/**/" + selected
                    elif not selected and base and DYN not in base and program in _FIND_REMOVERS and find_age_bound(values, j):
                        # find /tmp -type f -mtime +7 -exec rm {} +: the files older than a bound, somewhere below the root.
                        placeholder = base + "/**/" + DYN
                    elif dirs and program in ("chmod", "chgrp", "chown"):
                        placeholder += "/"  # find -type d -exec chmod g+s {} +: each one a directory
                    if any(ch in base for ch in "*?["):
                        # find /usr/* -exec rm {}: a glob root's own matches are found first, then what is under them.
                        placeholder = base
                    # In a literal `sh -c` script the path found is a value in the text (under the root when it is plain).
                    si = _shell_script_index(inner)
                    in_script = base + "/" + _ITEM_VAR if root_desc and base and _PLAIN_PATH.fullmatch(base) else _ITEM_VAR
                    new = [
                        Word(w.value.replace("{}", in_script if k == si else placeholder), w.raw, w.subs, w.procsub, w.vars, w.quoted)
                        for k, w in enumerate(inner)
                    ]
                    # Without its terminator find fails before it looks at a file ("missing argument to -exec"):
                    # the command is judged, capped at ask (NOT_RUN: a retry with the `;` would run it).
                    self.command(cmd.derive(new, "find " + a + (" with no terminator" + NOT_RUN if end >= len(argv) else "")))
                k = end + 1
                continue
            k += 1

    def _interpreter(self, cmd: SimpleCommand, lang: str) -> None:
        from . import interp  # the language modules load only for a command that needs them (programs.py)

        self.out.commands.append(cmd)
        values = [w.value for w in cmd.argv]
        if lang == "python":
            kind, module, rest = interp.python_invocation(values)
            if kind == "module" and module is not None:
                mod = module if module in _WHOLE_MODULES else module.split(".")[0]
                code = python_module_code(module, values[rest:])
                if code is not None:
                    # python -m timeit STMT, -m pdb -c STMT, -m IPython -c CODE: the module runs its arguments as Python.
                    self.command(cmd.derive([cmd.argv[0], Word("-c", "-c"), Word(code, code)], f"{cmd.name} -m {module}"))
                self.command(cmd.derive([Word(mod, mod)] + cmd.argv[rest:], f"{cmd.name} -m"))
                return
        code = interp.code_argument(values, lang)
        if lang in ("js", "ruby", "perl", "php"):
            from ..code.interpopts import local_files, module_urls, read, ruby_un_command

            reading = read(values, lang)
            if lang == "perl" and reading.loads:
                self._perl_code(cmd, [o for o in reading.loads if o[:2] in ("-M", "-m")], f"{cmd.name} ")
            if lang == "ruby" and reading.file is not None and pathstr.basename(reading.file) in _RUBY_LAUNCHERS:
                # ruby bin/rails runner CODE, ruby bin/rake db:drop: the launcher script is the tool it starts.
                tool = pathstr.basename(reading.file)
                self.command(cmd.derive([Word(tool, reading.file), *(Word(v, v) for v in reading.operands)], f"{cmd.name} {reading.file}"))
                return
            if lang == "js" and reading.file is not None and "/" in reading.file:
                from ..rules.agentcli import agent_script

                agent = agent_script(reading.file)
                at = next((k for k in range(1, len(cmd.argv)) if cmd.argv[k].value == reading.file), None)
                if agent is not None and at is not None:
                    # node …/node_modules/@anthropic-ai/claude-code/cli.js ARGS, node -r X $(which claude) ARGS: the
                    # script is the agent's CLI, and node's own options before it are what NODE_OPTIONS would give it
                    # (`-r /tmp/x.js` loads code into the agent, self.agent-extra-code).
                    changes: dict[str, object] = {}
                    if at > 1:
                        given = " ".join(w.value for w in cmd.argv[1:at])
                        before = cmd.assigns.get("NODE_OPTIONS", "")
                        changes["assigns"] = {**cmd.assigns, "NODE_OPTIONS": f"{before} {given}".strip()}
                    self.command(cmd.derive([Word(agent, reading.file), *cmd.argv[at + 1 :]], f"{cmd.name} {agent}", **changes))
                    return
            if lang == "ruby" and (un := ruby_un_command(reading)) is not None:
                # ruby -run -e rm -- -rf DIR: un.rb's file commands are the shell commands they are named after.
                self.command(cmd.derive([Word(w, w) for w in un], f"{cmd.name} -run"))
                return
            if lang == "js":
                self._data_modules(cmd, module_urls(reading))
            for path in local_files(reading, lang):
                # node -r ./setup.js, ruby -r ./x.rb, perl -I. -MLocal: a project file runs first, read like `node x.js`.
                self.command(cmd.derive([cmd.argv[0], Word(path, path)], f"{cmd.name} option"))
        if code is None:
            script = next((w for w in cmd.argv[1:] if not w.value.startswith("-")), None)
            if script is not None and script.procsub:
                # python3 <(generator): the generator's output is the program.
                piped = literal_stdin(script.subs)
                if piped is not None:
                    self._code(cmd, piped, lang)
                else:
                    self.out.problems.append(
                        ("shell.piped-script", f"{cmd.name} runs code read from the output of {_names(script.subs)}; clearance cannot see what it does")
                    )
                return
            if script is not None and (script.value in _STDIN_NAMES or _fd_name(script.value)) and script is cmd.argv[-1]:
                if script.value not in _STDIN_NAMES:
                    self.out.problems.append(
                        ("shell.dynamic-code", f"{cmd.name} runs code from {script.value}, a descriptor whose content clearance cannot see")
                    )
                    return
                values = [*values[:-1], "-"]  # python3 /dev/stdin <<< CODE is python3 - <<< CODE
            if len(values) == 1 or values[-1] == "-" or _program_from_stdin(values, lang):
                # Code from stdin: a here-document we can read, or a pipe.
                piped = literal_stdin(cmd.stdin_from)
                if cmd.stdin_text is not None:
                    self._code(cmd, cmd.stdin_text, lang)
                elif piped is not None:
                    self._code(cmd, piped, lang)  # cat <<'EOF' | python3, echo '...' | node
                elif cmd.stdin_from:
                    self.out.problems.append(
                        ("shell.piped-script", f"{cmd.name} runs code read from the output of {_names(cmd.stdin_from)}; clearance cannot see what it does")
                    )
            return
        self._code(cmd, code, lang)

    def _embedded(self, cmd: SimpleCommand) -> None:
        """awk, sed, vim, Tcl, AppleScript, make, PowerShell, script(1), GNU parallel."""
        from . import embedded  # the language modules load only for a command that needs them (programs.py)

        self.out.commands.append(cmd)
        name = cmd.name
        values = [w.value for w in cmd.argv]
        found = embedded.Found()
        label = name
        moved: str | None = cmd.cwd
        if name in embedded.AWKS:
            program = embedded.awk_program(values)
            if program is not None:
                found = embedded.awk(program)
                if "/inet" in program and embedded.awk_socket_shell(program):
                    self.out.problems.append(("shell.socket-shell", f"{name} opens a network socket and runs what it reads from it as a command"))
        elif name in embedded.SEDS:
            for script in embedded.sed_scripts(values) or ():
                part = embedded.sed(script)
                found.shell += part.shell
                found.opaque += part.opaque
                found.reads += part.reads
                found.writes += part.writes
        elif name in embedded.VIMS or name == "ed":
            # ed's file operand `!CMD` reads the output of CMD, which the shell runs.
            commands = embedded.vim_commands(values) if name != "ed" else [v for v in values[1:] if v.startswith("!")]
            label = f"{name} -c"
            if name in ("ed", "ex") or any(v in ("-e", "-es", "-s", "-Es", "-E") for v in values[1:]):
                # ed, ex and vim -es read their commands from standard input: `!CMD`, `r !CMD`, `w !CMD` lines run CMD.
                text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
                if text is not None:
                    commands += text.splitlines()
                    label = f"{name} commands"
            found = embedded.vim(commands)
            lua = next((values[k + 1] for k in range(1, len(values) - 1) if values[k] == "-l"), None) if name == "nvim" else None
            if lua in _STDIN_NAMES:
                # nvim -l /dev/stdin: Neovim runs its standard input as a Lua script.
                text = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
                if text is not None:
                    self.command(cmd.derive([Word("lua", "lua"), Word("-e", "-e"), Word(text, "-")], "nvim -l"))
            if name in ("ed", "ex") and cmd.stdin_from and literal_stdin(cmd.stdin_from) is None:
                found.opaque.append(f"{name} runs editor commands read from the output of {_names(cmd.stdin_from)}")
        elif name in embedded.TCLS:
            code = embedded.tcl_code(name, values, self._stdin_code(cmd))
            if code is not None:
                found = embedded.tcl(code)
                self._socket_shell(cmd, code)
        elif name in embedded.TEXS:
            found = embedded.tex(values)
            label = f"{name} \\write18"
        elif name in embedded.SYSTEM_CALLERS:
            code = embedded.option_codes(values, embedded.SYSTEM_CALLERS[name])
            label = f"{name} {embedded.SYSTEM_CALLERS[name][0]}"
            if code is None and not any(not v.startswith("-") for v in values[1:]):
                # No code given and no script file: the language reads its program from standard input (`gnuplot <<< …`).
                code = cmd.stdin_text if cmd.stdin_text is not None else literal_stdin(cmd.stdin_from) if cmd.stdin_from else None
                label = f"{name} reading its input"
            if code is not None:
                found = embedded.system_calls(code)
                self._code_paths(cmd, code)
                self._socket_shell(cmd, code)
                escapes = [b for line in code.splitlines()[:MAX_INPUT_LINES] if (b := _shell_escape(line)) is not None]
                if escapes:
                    self.reparse("\n".join(escapes), cmd, f"{label}{MAY_RUN}")  # gnuplot's `!CMD`
        elif name in UNREAD_CODE:
            code = embedded.unread_code(name, values, self._stdin_code(cmd))
            if code is not None:
                found = embedded.system_calls(code)  # the command lines its system()-like calls name are judged
                if name not in UNREAD_QUIET:
                    found.opaque.append(f"{name} code ({code[:60]!r}) is not analysed by clearance")
                label = f"{name} code"
                self._code_paths(cmd, code)
                self._socket_shell(cmd, code)
        elif name == "osascript":
            code = embedded.osascript_code(values)
            if code is None and len(values) == 1:
                code = cmd.stdin_text
            if code is not None:
                found = embedded.applescript(code)
        elif name in embedded.POWERSHELLS:
            found = embedded.powershell(values)
        elif name in embedded.CMDLETS:
            if name == "iex" and (len(values) == 1 or values[1].startswith("-")):
                return  # Elixir's interactive shell (iex, iex -S mix): PowerShell's iex alias takes code, not options
            found.opaque.append(f"{name} is PowerShell, which clearance does not analyse")
        elif name in embedded.MAKES:
            nc = normalise(cmd)
            for d in nc.workdirs():
                # make -C DIR: the recipes run in DIR (each -C relative to the one before).
                moved = None if (DYN in d or moved is None) else pathstr.normpath(pathstr.join(moved, d))
            for makefile_text in nc.values("eval"):
                # make --eval=TEXT: Makefile text read before the Makefile; its recipes run.
                from ..code.convention import make_parse_time

                found.shell += embedded.makefile_recipes(makefile_text) + make_parse_time(makefile_text)  # and its $(shell …), run as it is read
                label = f"{name} --eval"
            for w in nc.words:
                var, eq, shell = w.value.partition("=")
                first = shell.split()[0] if shell.split() else ""
                if eq and var in ("SHELL", "MAKESHELL") and first and pathstr.basename(first) not in SHELLS:
                    # make SHELL=PROG: every recipe runs as `PROG -c RECIPE`.
                    self.reparse(shell, cmd, f"{name} {var}=")
                if eq and var == ".SHELLFLAGS":
                    # make '.SHELLFLAGS=-c "CMD;"': recipes run as `$(SHELL) $(.SHELLFLAGS) RECIPE`, the flags split as
                    # make splits them (quotes and backslashes group): the word after -c is the script, the recipe
                    # only its $0.
                    flags = _split_words(shell)
                    at = next((k for k, f in enumerate(flags) if f.startswith("-") and not f.startswith("--") and "c" in f), None)
                    if at is not None and at + 1 < len(flags):
                        self.reparse(flags[at + 1], cmd, f"{name} .SHELLFLAGS=")
            if embedded.make_reads_stdin(values):
                label = f"{name} -f -"
                if cmd.stdin_text is not None:
                    found.shell = embedded.makefile_recipes(cmd.stdin_text)
                else:
                    source = _names(cmd.stdin_from) if cmd.stdin_from else "stdin"
                    found.opaque.append(f"{name} reads its Makefile from {source}; clearance cannot see the recipes")
        elif name == "script":
            text = embedded.script_command(values)
            if text is not None:
                found.shell.append(text)
                label = "script -c"
            elif not any(a.value in ("-V", "--version", "-h", "--help") for a in cmd.argv[1:]):
                # script's shell reads a terminal script makes and fills from its own standard input
                message = "script starts an interactive shell whose commands clearance cannot see"
                if _reads_tool_input(cmd):
                    self.out.idle_shells.append(message)
                else:
                    self.out.problems.append(("shell.interactive-shell", message))
        elif name == "parallel":
            self._parallel(cmd, values)
            return
        for text in found.shell:
            if moved != cmd.cwd:
                self.reparse(text, cmd, label, cwd=moved)
            else:
                self.reparse(text, cmd, label)
        for reason in found.opaque:
            self.out.problems.append(("shell.embedded-code", reason))
        for path in found.reads:
            self.command(cmd.derive([Word("cat", "cat"), Word(path, path)], f"{name} r"))
        for path in found.writes:
            self.command(cmd.derive([Word("tee", "tee"), Word("-a", "-a"), Word(path, path)], f"{name} w"))

    def _sql_client(self, cmd: SimpleCommand) -> bool:
        """A database client: literal piped text becomes its input, and its own commands run.

        `echo 'DROP TABLE t;' | psql`: the text a literal `echo`/`printf`/`cat <<EOF` pipes in is the
        client's input, read like a here-document.  psql `\\! cmd`, `\\o |cmd`, `\\setenv PAGER cmd`,
        `\\copy … program 'cmd'`, mysql `system cmd`, sqlite3 `.shell cmd`, `.output |cmd`: the client
        runs them, so they are judged as typed; `COPY … PROGRAM 'cmd'` runs on the database server.
        Files it runs as more SQL (`\\i x.sql`, `source x.sql`, `.read x.sql`) are read, and files it
        writes (`\\o out.txt`, `.output x`, `tee x`) written, like `cat` and `tee` would.  True when
        the client was handled here (a client whose text is SQL with client commands).
        """
        if cmd.stdin_text is None and len(cmd.stdin_from) == 1 and not any(r.reads and not r.fd for r in cmd.redirects):
            text = literal_output(cmd.stdin_from[0])
            if text is not None:
                cmd.stdin_text = text
        from .sqlclients import CLIENT_DIALECTS, NOT_SQL, inputs  # the language modules load only for a command that needs them (programs.py)

        if cmd.name not in CLIENT_DIALECTS:
            # The other SQL shells (sqlcmd, cockroach sql, snowsql, trino …) have no client commands read here, but the
            # server's own shell (SQL Server's xp_cmdshell, MySQL's sys_exec) runs whichever client sends it.
            texts = inputs(cmd).texts if cmd.name not in NOT_SQL else []
            if any(t.strip() for t in texts):
                from ..code.sql import read

                for text in texts[:8]:
                    for c in read(text).commands if text.strip() else ():
                        if c.server:
                            self.reparse(c.text, cmd, f"{cmd.name} ({c.how}, on the database server)", remote="the database server", cwd=None)
            return False
        from ..code.sql import read

        self.out.commands.append(cmd)
        given = inputs(cmd)
        for opt, command in given.commands:
            self.reparse(command, cmd, f"{cmd.name} {opt}")
        for path in given.writes:
            self.command(cmd.derive([Word("tee", "tee"), Word(path, path)], f"{cmd.name} writes"))
        for text in given.texts:
            if not text.strip():
                continue
            script = read(text, cmd.name)
            if script.truncated:
                self.out.problems.append(
                    ("shell.embedded-code", f"{cmd.name} is handed more SQL or client commands than clearance reads; a person looks at it")
                )
            if script.dynamic:
                self.out.problems.append(
                    ("shell.embedded-code", f"{cmd.name} runs SQL built at run time ({script.dynamic[0][:60]}); which statement it is cannot be known")
                )
            for c in script.commands:
                if c.server:
                    self.reparse(c.text, cmd, f"{cmd.name} ({c.how}, on the database server)", remote="the database server", cwd=None)
                else:
                    self.reparse(c.text, cmd, f"{cmd.name} {c.how}")
            for path in script.files:
                self.command(cmd.derive([Word("cat", "cat"), Word(path, path)], f"{cmd.name} reads"))
            for path in script.writes:
                self.command(cmd.derive([Word("tee", "tee"), Word(path, path)], f"{cmd.name} writes"))
            for path in script.reads:
                self.command(cmd.derive([Word("cat", "cat"), Word(path, path)], f"{cmd.name} reads"))
        return True

    def _parallel(self, cmd: SimpleCommand, values: list[str]) -> None:
        from . import embedded  # the language modules load only for a command that needs them (programs.py)

        template, lines, unknown = embedded.parallel(values)
        if template and any(v in ("--pipe", "--spreadstdin", "--pipepart", "--pipe-part") for v in values):
            # --pipe: parallel's input goes in blocks to the command's standard input, not into its words
            # (`parallel --pipe sh`: each block is a script sh reads). The command keeps parallel's stdin.
            self.command(cmd.derive([Word(t, t) for t in template], "parallel"))
            return
        for text in lines:
            self.reparse(text, cmd, "parallel")
        if unknown and not template:
            # No command given: each input line is a command (`cat jobs.txt | parallel`), as a shell reading a pipe.
            piped = literal_stdin(cmd.stdin_from) if cmd.stdin_from else cmd.stdin_text
            if piped is not None:
                for text in piped.splitlines()[:20]:
                    self.reparse(text, cmd, "parallel")
            elif cmd.stdin_from or "::::" in values or any(v in ("-a", "--arg-file") for v in values):
                self.out.problems.append(("shell.piped-script", "parallel runs every line it reads as a command; clearance cannot see them"))
        if unknown and template:
            item = Word(DYN, "<items read by parallel>")
            words = [Word(t.replace("{}", DYN), t) for t in template]
            if not any("{}" in t for t in template):
                words.append(item)
            self.command(cmd.derive(words, "parallel"))

    def _data_modules(self, cmd: SimpleCommand, urls: list[str]) -> None:
        """Modules given as `data:` URLs (`node --import 'data:text/javascript,CODE'`, `deno run data:…`): the runtime
        decodes and runs the text, judged as `node -e TEXT`."""
        from ..code.interpopts import data_url_text

        for url in urls:
            text = data_url_text(url)
            if text is not None and DYN not in text:
                self.command(cmd.derive([Word("node", "node"), Word("-e", "-e"), Word(text, url)], f"{cmd.name} data: URL module"))

    def _code(self, cmd: SimpleCommand, code: str, lang: str) -> None:
        from . import interp  # the language modules load only for a command that needs them (programs.py)

        if DYN in code and not code.replace(DYN, "").strip():
            # python3 -c "$(cat y.py)", node -e "$CODE": the whole program is a run-time value, as `bash -c "$X"` is.
            self.out.problems.append(("shell.dynamic-code", f"{cmd.name} runs code built at run time; clearance cannot see what it does"))
        facts = interp.analyse(code, lang)
        for shell_text in facts.shell:
            self.reparse(shell_text, cmd, f"{cmd.name} process call")
        for target, name, symbolic in facts.links:
            # os.symlink(T, N), File.symlink, fs.symlinkSync, symlink(): judged as `ln -s T N` typed here (fs.link-to-protected
            # reads where the link leads), with none of the interpreter's own redirections or input.
            words = [Word("ln", "ln"), *([Word("-s", "-s")] if symbolic else []), Word("--", "--"), Word(target, target), Word(name, name)]
            self.command(cmd.derive(words, f"{cmd.name} link", redirects=[], stdin_from=None, stdin_text=None))
        if lang not in _PARSED_LANGUAGES:
            self._socket_shell(cmd, code)  # Lua, R, Julia: read by patterns only, judged language-blind as well
        from ..code.spawnloop import unbounded_spawn

        endless = unbounded_spawn(code, lang)
        if endless is not None:
            self.out.problems.append(("sys.unbounded-spawn", f"{cmd.name}: {endless}"))
        # The facts themselves are judged by the interpreter rules.
        cmd.code = facts

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
                self.command(cmd.derive(nc.words[1:], f"{name} exec", remote="docker exec target", cwd=None))
                return True
            if nc.sub != ("run",) or not nc.words:
                return False
            image = nc.words[0].value
            given = self._entrypoint(image, nc.value("entrypoint"), nc.words[1:])
            env = {k: v for k, _, v in (e.partition("=") for e in nc.values("env")) if k.isidentifier()}
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
            run = cmd.derive(given, f"{name} run", remote=IN_NEW_CONTAINER, cwd=None, assigns=env)
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
        if key == ("pnpm", "exec") and any(a.value in ("-c", "--shell-mode") for a in argv[start:i]) and i < len(argv):
            # pnpm exec -c / --shell-mode (pnpm -c exec): the command runs through a shell.
            self.reparse(" ".join(a.value for a in argv[i:]), cmd, "pnpm exec --shell-mode")
            return
        if key in (("uv", "tool"),) and i < len(argv) and argv[i].value == "run":
            i = _strip_options(argv, i + 1, frozenset({"--from", "--with"}))
        if key in (("direnv", "exec"), ("asdf", "env")) and i < len(argv):
            i += 1
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
            i += 1  # the container or pod
            i = _strip_options(argv, i, opts)
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


def _prints_nothing_fetched(c: SimpleCommand) -> bool:
    """A network client that hands nothing it fetched to its stdout whatever its configuration says: `nc -z` only
    probes a port (no data either way), `curl --version` / `wget --help` print their own text and exit before any
    transfer.  (`wget URL` and `curl -o f URL` write a file, but a ~/.wgetrc or .curlrc, which HOME=/tmp can
    move, may set the output to stdout: those stay shell.piped-script.)"""
    if c.stdin_from or not c.args:
        return False
    if c.name in ("curl", "wget"):
        return c.args[0].value in ("--version", "--help", "-V", "-h", "--manual", "-M")
    return c.name in ("nc", "ncat", "netcat") and any(v.startswith("-") and not v.startswith("--") and "z" in v[1:] and DYN not in v for v in c.values())


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


def _no_run_if_empty(v: str) -> bool:
    """xargs -r / --no-run-if-empty (alone or in a cluster of flags: -0r, -rt)."""
    return v == "--no-run-if-empty" or (v.startswith("-") and not v.startswith("--") and "r" in v[1:] and all(c in "0prtx" for c in v[1:]))


def _xargs_items(text: str, opts: list[Word], by_line: bool) -> list[str]:
    """How xargs cuts its input into items: at NULs with -0, at the -d delimiter, one a line with -I, else at blanks.

    With -0 or -d the item keeps its blanks: `printf 'rm -rf ~' | xargs -0 sh -c` hands sh the whole line.
    """
    delim: str | None = None
    vals = [w.value for w in opts]
    for k, v in enumerate(vals):
        if v in ("-0", "--null") or (v.startswith("-") and not v.startswith("--") and "0" in v[1:] and v[1:2] not in ("d", "I", "n", "L", "P", "s", "E", "a")):
            delim = "\0"
        elif v in ("-d", "--delimiter") and k + 1 < len(vals):
            delim = vals[k + 1]
        elif v.startswith("--delimiter="):
            delim = v.partition("=")[2]
        elif v.startswith("-d") and len(v) > 2:
            delim = v[2:]
    if delim is not None:
        delim = {"\\n": "\n", "\\t": "\t", "\\0": "\0"}.get(delim, delim)
        parts = text.split(delim) if delim else [text]
        if parts and parts[-1] in ("", "\n"):
            parts = parts[:-1]  # the terminator after the last item
        return [p for p in parts if p]
    return [x for x in text.splitlines() if x] if by_line else text.split()


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
    t = text.replace(DYN, "…")
    return t if len(t) < 60 else t[:57] + "..."


def expand(commands: list[SimpleCommand], cwd: str | None, home: str, env: dict[str, str], typed_input: bool = True) -> Expansion:
    u = Unwrapper(cwd, home, env, typed_input)
    for c in commands:
        u.command(c)
    return u.out
