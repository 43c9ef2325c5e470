"""Cheap first checks of rules, run before their packs are imported.

Twelve rules have no command names (``commands=None``): the engine runs them on every command of every
shell call, and importing their packs (creds, net, system) cost a cold hook ~2 ms on calls none of them
can fire on (``git status``, ``npm test``).  Likewise the rules of other packs about the commonest
commands, git and the node package managers (the creds, net, system and self packs: ~2.5 ms for
``git status``), have gates for them (COMMAND_GATES), and so does self's rule on every read (EFFECT_GATES).  Each gate here is the first test its rule makes, or a test that rule implies, written
with what the decision path has already imported: a gate that says no means the rule's check would
answer None, so the engine skips the rule without importing its pack.  A gate may say yes where the
rule then finds nothing; it never says no where the rule fires (tests/test_literal_prechecks.py runs
both on every example and corpus command).
"""

from __future__ import annotations

from .. import pathstr
from ..lazyre import MULTILINE, lazy
from ..paths import DYN, clearance_key_reason, has_glob, is_home_cache, is_within, protected_reason, resolve, self_protected_reason
from ..shell.effects import READ, WRITE
from ..shell.programs import PLATFORM_SQL_WORDS, SHELLS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from ..model import Action
    from ..scope import Scope
    from ..shell.effects import Effect
    from ..shell.ir import SimpleCommand

INTERPRETER_NAMES = frozenset({"python", "python3", "python2", "node", "nodejs", "perl", "ruby", "php", "lua", "deno", "bun", "Rscript", "pwsh", "powershell"})
# What runs a program given as an argument or on stdin (net: rce.pipe-to-shell, rce.decoded-exec).
_RUNNERS = SHELLS | INTERPRETER_NAMES | frozenset({"eval", "source", ".", "sudo", "xargs"})
_NETCATS = frozenset({"nc", "ncat", "netcat", "socat", "websocat", "rcat", "rustcat", "gs-netcat"})
# Programs that may put a program on a network connection: super-servers (tcpserver, tcpsvd …) and terminal emulators
# shown on another machine's X display (rules/net.py's net.reverse-shell reads them).
_SOCKET_RUNNERS = frozenset(
    {"tcpserver", "tcpsvd", "udpsvd", "s6-tcpserver", "s6-tcpserver4", "s6-tcpserver6", "systemd-socket-activate"}
    | {"xterm", "uxterm", "rxvt", "urxvt", "konsole", "xfce4-terminal", "lxterminal", "terminator", "st", "alacritty", "kitty"}
)
# creds.env-file-pipe: the programs that print a file as it is, and those that keep some of its lines.  The dumpers
# and encoders print every byte in another spelling (`od -c .env` reads as plainly as cat); `date -f FILE` prints
# each line it cannot read as a date in its error ("invalid date 'API_KEY=…'"), so every line of an env file.
ENV_PRINTERS = frozenset(
    {"cat", "tac", "nl", "less", "more", "head", "tail", "bat", "batcat", "view", "sort", "uniq", "column", "tee", "strings"}
    | {"od", "xxd", "hexdump", "base64", "base32", "basenc", "date"}
)
ENV_GREPS = frozenset({"grep", "egrep", "fgrep", "rg"})
# Reversible transforms that pass what they read on in another form (an archive, a compression, an encoding, a byte
# order): a secret piped through them (`gzip -c .env | base64`, `tar -cf - .env | tar -xOf -`) is still printed.
ENV_CODECS = frozenset(
    {"gzip", "gunzip", "zcat", "bzip2", "bunzip2", "bzcat", "xz", "unxz", "xzcat", "zstd", "unzstd", "zstdcat", "lz4", "brotli"}
    | {"tar", "bsdtar", "zip", "unzip", "cpio", "base64", "base32", "basenc", "uuencode", "uudecode", "xxd", "od", "hexdump", "rev", "iconv"}
)

# Rule packs about remote systems: a program only they claim is a client of some service (glab, op, doppler …).
# Database clients (db pack) are not: their arguments are queries (redis-cli DEL key), which the db rules read.
# The one db rule that models a few destructive forms of service clients (vault kv destroy, kafka-topics --delete,
# bq rm) does not make them query clients: their other destructive verbs (vault policy delete) stay unknown.
CLIENT_PACKS = frozenset({"cloud", "gh", "creds", "publish", "net", "db.datastore-destroy"})
# Programs those packs claim whose subcommand words act on local files or the project (a last-resort list).
LOCAL_TOOLS = frozenset(
    {
        "dotnet", "mix", "flutter", "dart", "swift", "gradle", "gradlew", "./gradlew", "mvn", "podman", "nerdctl",
        "docker-compose", "podman-compose", "buildah", "rails", "rake", "artisan", "manage.py", "hatch", "flit",
        "lerna", "changeset", "semantic-release", "goreleaser", "serve", "http-server", "ssh", "scp", "sftp", "rsync",
        "socat", "nc", "ncat", "netcat", "awk", "sed", "cut", "sort", "head", "tail", "less", "more", "printenv",
        "gpg", "openssl", "pwsh", "powershell", "nslookup", "dig", "host", "ping", "ping6", "traceroute",
        # HTTP clients: the method, not a word, says what a request does (net.http-delete)
        "curl", "wget", "wget2", "http", "https", "xh", "httpie", "curlie", "aria2c", "lwp-request", "GET", "fetch", "iwr",
    }
)  # fmt: skip
_DEEP: list[frozenset[str]] = []  # the programs shell/optables models option by option


def unknown(cmd: SimpleCommand) -> bool:
    """A program clearance does not model (no rules, option table or unwrapping)."""
    from ..shell.unwrap import known_program  # loaded by then: the command was unwrapped

    name = cmd.name
    if not name or DYN in name or known_program(name):
        return False
    if cmd.args and name in _FORMATTER_TOOLS:
        from ..shell.effects import FORMATTER_SUBCOMMANDS

        return (name, cmd.args[0].value) not in FORMATTER_SUBCOMMANDS  # `ruff format DIR`: modelled (effects.formatted)
    return True


# Tools of which clearance models only the subcommand that formats (effects.FORMATTER_SUBCOMMANDS): `ruff check --fix`
# stays a program it does not model.
_FORMATTER_TOOLS = frozenset({"ruff", "taplo", "dprint", "biome", "deno", "terraform", "tofu"})


def known_client(name: str) -> bool:
    """A program clearance knows only through rules about remote systems: its destructive verbs are not modelled one by one."""
    from . import index

    # Asked of this name only: a cold hook's first `git …` asks it, and the set of every client took ~0.8 M
    # instructions to build (the index's rules, every command name, the option tables).
    ids = index().by_command.get(name)  # the rules' command names without importing their packs
    # A client's rules are all about remote systems (cloud.delete models their deletions, local and remote).
    if not ids or not all((rid in CLIENT_PACKS or rid.split(".", 1)[0] in CLIENT_PACKS) and rid != "cloud.delete" for rid in ids):
        return False
    from ..shell import effects, optables
    from ..shell.unwrap import NON_RUNNERS

    if not _DEEP:
        _DEEP.append(frozenset(n for t in optables.TOOLS for n in t.split("|")))
    return not (name in _DEEP[0] or name in NON_RUNNERS or name in effects.READERS or name in effects.METADATA_ONLY or name in LOCAL_TOOLS)


def deletions_modelled(name: str) -> bool:
    """A client whose deletions cloud.delete models by its own verbs (linode-cli, hcloud, doctl, the PaaS CLIs): a
    destroying word that model does not know is still read as an unmodelled client's is (sys.unknown-destructive-verb,
    round miss20: `linode-cli obj rb BUCKET` was allowed where `acme rb BUCKET` was asked)."""
    from . import index

    return "cloud.delete" in (index().by_command.get(name) or ())


def claimed_by_self_only(name: str) -> bool:
    """A name only clearance's self-protection rules claim (an agent's CLI: copilot, codex, gemini): what they read is
    the agent's own settings, not the program's other subcommands. Another program may go by the same name (AWS
    Copilot's `copilot app delete`), so its destructive verbs are read as an unknown program's."""
    from . import index

    ids = index().by_command.get(name) or []
    return "self.hookless-agent" in ids and all(rid.startswith("self.") for rid in ids)  # an agent's CLI, not a Python manager


def _basename(name: str) -> str:
    return name.rpartition("/")[2]


def env_file_pipe(cmd: SimpleCommand, sc: Scope) -> bool:
    """A pipe of printers, greps and codecs that starts with a printer or a codec reading no pipe of its own (`cat .env |
    head`, `gzip -c .env | base64`)."""
    stage = cmd
    for _ in range(8):
        name = _basename(stage.name)
        if name not in ENV_GREPS and name not in ENV_PRINTERS and name not in ENV_CODECS:
            return False
        if not stage.stdin_from:
            return False
        nxt = stage.stdin_from[0]
        if nxt.stdin_from or (_basename(nxt.name) not in ENV_PRINTERS and _basename(nxt.name) not in ENV_CODECS):
            stage = nxt
            continue
        return True
    return False


def reverse_shell(cmd: SimpleCommand, sc: Scope) -> bool:
    """A netcat or socat, or a redirection to /dev/tcp or /dev/udp."""
    if cmd.name in _NETCATS or cmd.name in _SOCKET_RUNNERS:
        return True
    return any(r.target is not None and r.target.value.startswith(("/dev/tcp/", "/dev/udp/")) for r in cmd.redirects)


def code_runner(cmd: SimpleCommand, sc: Scope) -> bool:
    """A shell, an interpreter, eval or source: what runs downloaded or decoded code (not sudo or xargs, judged on what they run)."""
    return cmd.name in _RUNNERS and cmd.name not in ("sudo", "xargs")


def unknown_with_operand(cmd: SimpleCommand, sc: Scope) -> bool:
    """A program clearance does not model, given at least one argument."""
    return len(cmd.argv) >= 2 and unknown(cmd)


def unknown_or_client_with_operand(cmd: SimpleCommand, sc: Scope) -> bool:
    """A program clearance does not model, or a client of a remote system, given at least one argument."""
    return len(cmd.argv) >= 2 and (unknown(cmd) or known_client(cmd.name))


# The rules on programs clearance does not model (rules/system.py) read them two ways: by the words that can name a
# subcommand (sys.unknown-destructive-verb, -deploy-verb, -change-verb: _subcommand_path, _verb_path) and by the
# arguments that can name a file (sys.unknown-program-path: path_arguments). A program given neither -- `pytest -q
# tests/test_auth.py`, `mytool --verbose` -- reaches none of them, and the system pack is not imported for it.


# A word that can be a step of a subcommand path: letters and digits, `-` and `_` inside, `:` between steps
# (cluster:destroy); not an option, a path, a URL or any other value.
def _bare_word(v: str) -> bool:
    parts = v.split(":") if ":" in v and "/" not in v else [v]
    return all(p.replace("-", "").replace("_", "").isalnum() for p in parts)


# An operand before `--` that can name a subcommand (what the verb rules' subcommand paths are made of).
def subcommand_word(cmd: SimpleCommand) -> bool:
    for w in cmd.args:
        v = w.value
        if v == "--":
            return False
        if not v.startswith("-") and _bare_word(v):
            return True
    return False


# sys.unknown-deploy-verb: an unmodelled program given a word that can name a subcommand.
def unknown_verb(cmd: SimpleCommand, sc: Scope) -> bool:
    return unknown_with_operand(cmd, sc) and subcommand_word(cmd)


# sys.unknown-change-verb: an unmodelled program or a client of a remote system (not one of the machine's control
# programs, which sys.system-change reads) given a word that can name a subcommand, or a long option with a value
# (`--mode=publish`: the operation as an option's value).
def unknown_or_client_verb(cmd: SimpleCommand, sc: Scope) -> bool:
    if cmd.name in SYSTEM_CLIS or not unknown_or_client_with_operand(cmd, sc):
        return False
    return subcommand_word(cmd) or any(w.value.startswith("--") and "=" in w.value for w in cmd.args)


# sys.unknown-destructive-verb: as unknown_or_client_verb, or a long option (whose name may say it deletes:
# --remove-all), or a program whose own name has words (kafka-delete-records).
def unknown_or_client_destroys(cmd: SimpleCommand, sc: Scope) -> bool:
    if not (unknown_or_client_with_operand(cmd, sc) or (len(cmd.argv) >= 2 and (claimed_by_self_only(cmd.name) or deletions_modelled(cmd.name)))):
        return False
    if subcommand_word(cmd) or ("/" not in cmd.name and ("-" in cmd.name or "_" in cmd.name)):
        return True
    if any(_rpc_name(w.value) for w in cmd.args):
        return True  # a remote procedure's package.Service/Method (sys.unknown-destructive-verb's _destructive_method)
    for w in cmd.args:
        if w.value == "--":
            return False
        if w.value.startswith("-") and len(w.value) >= 3:
            return True
    return False


# Words that name a next step of a subcommand path rather than its operand: after them a one-letter `d` was a noun's
# alias (doctl's `compute d list`: d is droplet), not the operation.
_PATH_STEPS = frozenset(
    {"d", "l", "g", "c", "u", "ls", "list", "get", "create", "update", "delete", "del", "rm", "remove", "show", "describe"}
    | {"tag", "untag", "action", "actions", "backups", "snapshots", "kernels", "neighbors", "help", "info", "logs", "status"}
)


def alias_delete(words: list[str]) -> str | None:
    """The one-letter alias of delete in a subcommand path, or None: command-line clients built on Cobra (doctl,
    vultr-cli, civo) alias an operation by its first letter, and the only operation whose initial is `d` is delete
    (destroy): `doctl compute droplet d web-1`, `vultr-cli instance d ID`. It names the operation after a resource
    noun and before its operand; at the head of the path, or before another step (`doctl compute d list`, where d is
    droplet), it is a noun's alias."""
    for i, w in enumerate(words[:4]):
        if w == "d" and i >= 1 and i + 1 < len(words) and words[i + 1].lower() not in _PATH_STEPS:
            return " ".join(words[: i + 1])
    return None


def _rpc_name(v: str) -> bool:
    """`users.v1.Users/DeleteUser` (or a URL ending in one): a proto service, then a method in PascalCase."""
    if "/" not in v or v.startswith("-"):
        return False
    head, _, method = v.rstrip("/").rpartition("/")
    service = head.rpartition("/")[2]
    return "." in service and service.rpartition(".")[2][:1].isupper() and method[:1].isalpha() and any(c.isupper() for c in method[1:])


# creds.read-secret-named: a path with a part of a secret noun in it (the rule reads
# the name's words exactly: paths.secret_named).
_SECRET_PATH_PARTS = ("secret", "pass", "token", "cred", "apikey", "api_key", "api-key", "privatekey", "private_key")


def secret_named_read(e: Effect, sc: Scope) -> bool:
    low = e.path.lower()
    return any(p in low for p in _SECRET_PATH_PARTS)


# (word, path) for each argument of *cmd* that can name a file: a word (or an option's `=value`) that starts with `/`,
# `~` or `.` or holds a `/`, or a bare word that names a protected file where the command runs; not a value known only
# at run time, a URL or a `//pkg:target` (Bazel, Pants).
def path_arguments(cmd: SimpleCommand, sc: Scope) -> Iterator[tuple[str, str]]:
    for w in cmd.args:
        v = w.value
        if v.startswith("-"):
            if "=" not in v:
                continue
            v = v.split("=", 1)[1]
        if v.startswith("//") and DYN not in v and "://" not in v:
            # A build label (`bazel test //pkg:target`, `//...`) is no path; `//home/ana/.ssh/config` is the protected
            # file it names (metamorphic round 12), so only a protected one is given.
            p = sc.path(v[1:], cmd)
            if protected_reason(p, sc.ctx) is not None:
                yield v, p
            continue
        if DYN in v or "://" in v or not (v.startswith(("/", "~", ".")) or "/" in v or sc.protected_bare_word(v, cmd)):
            continue
        yield v, sc.path(v, cmd)


# sys.unknown-program-path: an unmodelled program given a path that is protected or outside the project, or any path
# in another machine or container (the rule's tests but for its exceptions: temp, system-owned, caches).
def unknown_given_a_path(cmd: SimpleCommand, sc: Scope) -> bool:
    if not unknown_with_operand(cmd, sc):
        return False
    return any(cmd.remote is not None or protected_reason(p, sc.ctx) is not None or sc.outside(p) for _, p in path_arguments(cmd, sc))


# sys.system-change: the machine's control programs it models (rules/system.py). The rule names them here, not in
# `commands=`, so that a program only it knows (ip, ifconfig, nginx, ansible …) stays unknown to the unwrapper and to
# the unknown-program rules: `ip netns exec NS CMD` is still read as running CMD, `nginx -c ~/x.conf` as given a path.
# LVM2's programs (lvm(8)); their removals are fs.disk-wipe's.
LVM_PROGRAMS = frozenset(
    {"pvcreate", "pvchange", "pvresize", "pvmove", "pvremove", "pvs", "pvdisplay", "pvscan", "pvck"}
    | {"vgcreate", "vgchange", "vgextend", "vgreduce", "vgrename", "vgmerge", "vgsplit", "vgremove", "vgimport", "vgexport"}
    | {"vgcfgrestore", "vgcfgbackup", "vgs", "vgdisplay", "vgscan", "vgck", "vgconvert", "vgimportclone", "vgmknodes"}
    | {"lvcreate", "lvchange", "lvextend", "lvreduce", "lvresize", "lvrename", "lvconvert", "lvremove", "lvs", "lvdisplay"}
    | {"lvscan", "lvmdiskscan"}
)  # fmt: skip
# Block devices, their encryption and volumes, the clocks and the routing table (rules/system.py _device_change).
DEVICE_CLIS = frozenset({"blockdev", "cryptsetup", "hwclock", "date", "route"}) | LVM_PROGRAMS
SYSTEM_CLIS = frozenset(
    {"systemctl", "launchctl", "security", "tmutil", "diskutil", "hdiutil", "defaults", "caddy", "zpool", "ip", "mount"}
    | {"umount", "ifconfig", "chkconfig", "nginx", "haproxy", "networksetup", "scutil", "ansible-playbook", "ansible", "nsupdate"}
) | DEVICE_CLIS  # fmt: skip


def system_cli(cmd: SimpleCommand, sc: Scope) -> bool:
    """One of the machine's control programs sys.system-change models; `date` only with a word that is not a
    +FORMAT (agents print the date all the time; it sets the clock only through -s/--set or an operand)."""
    if cmd.name == "date":
        return any(not v.startswith("+") for v in cmd.values())
    return cmd.name in SYSTEM_CLIS


# rce.download-then-run (net.downloaded_then_run): the downloaders whose written file a later command may run.
THEN_RUN_FETCHERS = frozenset({"curl", "wget", "aria2c", "http", "xh", "fetch"})


def download_then_run(commands: list[SimpleCommand]) -> bool:
    """A downloader before the last command of the line (what rce.download-then-run needs first)."""
    return any(c.name in THEN_RUN_FETCHERS for c in commands[:-1])


# Tools that attach to a running process and can change it (a debugger's memory writes and calls, a tracer's injected
# faults, new resource limits, a throttle that stops it), with the options that name the process by id or by name.
# Not command names of any rule: a program a rule names is "known", and what it runs (`gdb --args rm -rf ~`,
# `prlimit --nofile=1 rm -rf ~`) would no longer be judged as an unknown program's arguments.
ATTACHERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "gdb": (("-p", "--pid"), ()),
    "lldb": (("-p", "--attach-pid"), ("-n", "--attach-name")),
    "strace": (("-p", "--attach"), ()),
    "ltrace": (("-p",), ()),
    "prlimit": (("-p", "--pid"), ()),
    "cpulimit": (("-p", "--pid"), ("-e", "--exe", "-P", "--path")),
    "gcore": ((), ()),
    # a running process moved into another control group: that group's limits apply to it from then on (a frozen
    # freezer group stops it, a cpu or memory group throttles or kills it) -- `cgclassify -g freezer:/x PID...`
    "cgclassify": ((), ()),
}
# The attachers whose operands are process ids, and each one's options that take the next word (`-g CONTROLLERS:PATH`).
_PID_OPERANDS: dict[str, frozenset[str]] = {"gcore": frozenset({"-o"}), "cgclassify": frozenset({"-g"})}


def attaches(cmd: SimpleCommand, sc: Scope | None = None) -> bool:
    """A tool that can attach to another process (sys.attach-process, self.attach-clearance: the rule decides whether it does)."""
    return cmd.name.rpartition("/")[2] in ATTACHERS


# gdb's options that take the next word (`gdb -ex 'bt' ./app 1234`): what is left is PROGRAM [CORE | PID].
_GDB_VALUE = frozenset(
    {"-ex", "-iex", "-x", "-ix", "-cd", "-d", "-s", "-e", "-se", "-c", "-core", "-b", "-l", "-tty", "-eval-command", "-command", "-directory"}
)


def attach_targets(cmd: SimpleCommand) -> list[tuple[str, str]] | None:
    """The processes *cmd* attaches to, as (value, raw word): ids, or names after a by-name option; None when it
    attaches to none (it starts a program of its own: `gdb ./app`, `strace make`, `prlimit --nofile=1 cmd`)."""
    name = cmd.name.rpartition("/")[2]
    spec = ATTACHERS.get(name)
    if spec is None:
        return None
    named = spec[0] + spec[1]
    out: list[tuple[str, str]] = []
    operands: list[tuple[str, str]] = []
    args = cmd.args
    i = 0
    while i < len(args):
        v, raw = args[i].value, args[i].raw
        opt, eq, val = v.partition("=")
        if v in ("--", "--args"):
            break  # gdb --args PROGRAM ARGS...: the rest is the program's
        if opt in named:
            if eq:
                out.append((val, raw))
            elif i + 1 < len(args):
                out.append((args[i + 1].value, args[i + 1].raw))
                i += 1
        elif v[:2] in spec[0] and v[2:].isdigit():
            out.append((v[2:], raw))  # -p1234
        elif (name == "gdb" and ("-" + opt.lstrip("-")) in _GDB_VALUE and not eq) or v in _PID_OPERANDS.get(name, ()):
            i += 1  # an option's value (gdb -ex CMD, cgclassify -g CONTROLLERS:PATH)
        elif not v.startswith("-"):
            operands.append((v, raw))
        i += 1
    if name in _PID_OPERANDS:
        out += [o for o in operands if o[0].isdigit() or DYN in o[0]]
    elif name == "gdb" and len(operands) >= 2 and (operands[1][0].isdigit() or DYN in operands[1][0]):
        out.append(operands[1])  # gdb PROGRAM PID
    return out or None


def own_ports(cmd: SimpleCommand, sc: Scope) -> bool:
    """self.forged-endpoint: only where the policy puts one of clearance's services on loopback (Scope.own_ports), and
    only for a program whose listening port listens.py reads (so its grammars load for those commands alone)."""
    if not sc.own_ports:
        return False
    from ..ownports import LISTENER_NAMES

    # (and a server told its port by convention: PORT=N, a package script's forwarded --port, caddy --listen; fix16)
    return cmd.name in LISTENER_NAMES or "PORT" in cmd.assigns or cmd.name in ("npm", "yarn", "pnpm", "bun", "npx", "pnpx", "bunx", "caddy")


def protected_workdir(cmd: SimpleCommand, sc: Scope) -> bool:
    """The command runs in a folder that is protected itself (`cd ~/.claude && …`): self.protected-workdir's first
    test. The project root and the call's usual folders are not (one comparison for almost every command)."""
    cwd = cmd.cwd
    if cwd is None or cwd == sc.ctx.project_root or cmd.remote is not None or DYN in cwd or sc.in_temp(cwd):
        return False
    return self_protected_reason(cwd, sc.ctx) is not None


# creds.secret-operation: a word naming secret material (token, password, secret, credentials, api-key,
# connection-string) among the command's words; the rule then reads where it stands.
_SECRET_PARTS = ("token", "passw", "secret", "credential", "creds", "key", "string", "reveal", "unmask", "decrypt", "sensitive", "plaintext")
# encrypted secret files' tools, which decrypt by a short option (sops -d FILE)
_DECRYPTERS = frozenset({"sops", "ansible-vault"})
_STORE_NAME_PARTS = ("vault", "keychain", "keyring", "secret", "cred", "pass")


def secret_word(cmd: SimpleCommand, sc: Scope) -> bool:
    """A client's word (not a sentence or a path: the rule reads bare words and options) naming secret material; not
    git's or a local tool's (the rule reads clients only: `git commit -m "rotate api key"` never imports creds)."""
    if len(cmd.argv) < 2 or cmd.name == "git" or cmd.name in LOCAL_TOOLS:
        return False
    if cmd.name in _DECRYPTERS or ("-" in cmd.name and any(p in cmd.name for p in _STORE_NAME_PARTS)):
        return True  # sops -d; a credential store's own program (aws-vault export: creds._store_export)
    # The bare words as one text: no part holds the newline that joins them, so a part is found in it exactly where it is
    # in one of the words (one scan per part instead of one per word and part: this runs on every command).
    # A word with a slash is a path or a scoped key: its last part is read (npm's `//registry.npmjs.org/:_authToken`).
    text = "\n".join([v if "/" not in v else v.rsplit("/", 1)[-1] for v in cmd.values() if " " not in v]).lower()
    return any(map(text.__contains__, _SECRET_PARTS))


# fs.device-destroy: a word naming a device node (an operand, or an option's or operand's `=value`).
def names_a_device(cmd: SimpleCommand, sc: Scope) -> bool:
    return any("/dev/" in v for v in cmd.values())


# sys.guard-program-off: a program whose name has a part of a guard's name (the rule reads the words exactly), or a
# word that can be a boot argument switching a protection off.
_GUARD_NAME_PARTS = (
    "aa-", "apparmor", "selinux", "semanage", "fail2ban", "falcon", "sentinel", "santa", "osquery", "wazuh", "ossec",
    "clam", "firewall", "socketfilterfw", "audit", "crowdstrike", "defender", "lulu", "snitch", "tetragon", "cbagent",
    "carbonblack", "cylance", "sophos", "savd", "eset", "bitdefender", "rkhunter", "aide", "tripwire", "umbrella",
    "opendns", "xagt", "ufw", "nftables", "iptables", "syslog", "journald", "wdav",
)  # fmt: skip


_BOOT_SWITCH_PARTS = ("selinux=", "enforcing=", "apparmor=", "audit=", "mitigations=", "sig_enforce", "amfi_get_out", "cs_enforcement")


# Windows' own service, process and event-log tools (sys.guard-program-off reads what they are told to stop or clear).
WINDOWS_GUARD_TOOLS = frozenset({"sc", "sc.exe", "net", "net.exe", "net1", "net1.exe", "taskkill", "taskkill.exe", "wevtutil", "wevtutil.exe"})


def guard_or_boot_switch(cmd: SimpleCommand, sc: Scope) -> bool:
    base = cmd.name.rpartition("/")[2].lower()
    if any(p in base for p in _GUARD_NAME_PARTS) or base in WINDOWS_GUARD_TOOLS:
        return True
    return any(v == "nokaslr" or ("=" in v and any(p in v.lower() for p in _BOOT_SWITCH_PARTS)) for v in cmd.values())


# sys.tls-verify-off: an assignment for the command, an export, or a tool's config/set/env subcommand.
EXPORTERS = frozenset({"export", "declare", "typeset", "env", "setenv"})
CONFIG_WORDS = frozenset({"config", "configure", "set", "set-cluster", "set-context", "settings", "setting", "env", "setenv"})


_TLS_PARTS = ("ssl", "tls", "verif", "insecure", "cert", "check", "reject", "strict", "https", "revoke")


def _tls_word(v: str) -> bool:
    low = v.lower()
    return any(p in low for p in _TLS_PARTS)


def sets_a_setting(cmd: SimpleCommand, sc: Scope) -> bool:
    if any(map(_tls_word, cmd.assigns)):
        return True
    vals = cmd.values()
    return (cmd.name in EXPORTERS or any(v.lower() in CONFIG_WORDS for v in vals)) and any(map(_tls_word, vals))


GATES: dict[str, Callable[[SimpleCommand, Scope], bool]] = {
    "fs.device-destroy": names_a_device,
    "sys.guard-program-off": guard_or_boot_switch,
    "sys.tls-verify-off": sets_a_setting,
    "creds.secret-operation": secret_word,
    "self.protected-workdir": protected_workdir,
    "creds.env-file-pipe": env_file_pipe,
    "net.reverse-shell": reverse_shell,
    "net.socket-send": reverse_shell,
    "rce.pipe-to-shell": code_runner,
    "rce.decoded-exec": code_runner,
    "sys.unknown-destructive-verb": unknown_or_client_destroys,
    "sys.unknown-deploy-verb": unknown_verb,
    "sys.unknown-change-verb": unknown_or_client_verb,
    "sys.unknown-program-path": unknown_given_a_path,
    "sys.system-change": system_cli,
    "sys.attach-process": attaches,
    "self.attach-clearance": attaches,
    "self.forged-endpoint": own_ports,
}


def _any_value(words: frozenset[str]) -> Callable[[SimpleCommand, Scope], bool]:
    """A gate that says yes when one of the command's words is one of *words* (the rule compares whole words)."""

    def gate(cmd: SimpleCommand, sc: Scope) -> bool:
        return any(v in words for v in cmd.values())

    return gate


# The words a git command needs for each rule of another pack about git. Each rule reads the subcommand (and its
# own words) as the command's literal words: a subcommand from the option tables (shell/options.py) is one of them.
# creds.print-token, creds.secret-output-unknown: the first word of each git token printer (creds.TOKEN_PRINTERS:
# `git credential fill`, `git config --get credential.helper`, `git credential-store get` …), matched whole.
_GIT_TOKEN_PRINTERS = frozenset({"credential", "config", "credential-osxkeychain", "credential-store", "credential-manager", "credential-libsecret"})
# net.package-source-change: `git config url.X.insteadOf`.
_GIT_SOURCE_CHANGE = frozenset({"config"})
# net.send-code: the subcommands that mail commits.
_GIT_SENDERS = frozenset({"send-email", "imap-send"})
# self.git-settings-change (self.git_rewrites): the subcommands that rewrite the work tree.
_GIT_REWRITERS = frozenset(
    {
        "checkout", "switch", "restore", "reset", "merge", "rebase", "pull", "stash", "cherry-pick", "revert",
        "checkout-index", "read-tree", "bisect", "sparse-checkout",
    }
)  # fmt: skip

# The git pack's own rules (rules/git.py) act on a subcommand of theirs (reset, clean, checkout, push, remote, config,
# clone, branch, reflog, gc …), on settings given for one command (`-c k=v`, `--config-env`, GIT_CONFIG_* variables),
# on another repository (`-C`, `--git-dir`, `--work-tree`, GIT_DIR, GIT_WORK_TREE) or on GIT_SSL_NO_VERIFY.  A git
# command whose first word is one of these subcommands -- so no global option comes before it -- and that is given no
# variable reaches none of them: the commonest git commands of an agent (`git status`, `git diff`, `git add -A`,
# `git commit -m …`) no longer import the pack (~50 KB of code).
_GIT_PLAIN = frozenset(
    {
        "status", "diff", "log", "show", "blame", "add", "commit", "fetch", "rev-parse", "ls-files", "ls-tree", "describe",
        "shortlog", "grep", "cat-file", "show-ref", "rev-list", "merge-base", "help", "version",
    }
)  # fmt: skip
GIT_PACK_RULES = (
    "git.discard-changes", "git.discard-file-changes", "git.history-destroy", "git.force-push", "git.push-untrusted",
    "git.push-other-remote", "git.remote-change", "git.config-code", "git.config-global", "git.config-weakens",
    "git.other-repository", "git.push-target-change", "git.origin-add", "git.branch-force-delete", "git.remote-branch-delete",
    "git.branch-force-move",
    "git.unread-ref-instructions",
)  # fmt: skip


def git_pack_may_act(cmd: SimpleCommand, sc: Scope) -> bool:
    """Not a plain git command (_GIT_PLAIN): a variable, a global option or another subcommand first."""
    return bool(cmd.assigns) or len(cmd.argv) < 2 or cmd.argv[1].value not in _GIT_PLAIN


# npm, pnpm, yarn. net.package-source-change: `config set KEY URL`; creds.print-token: `npm token list|create`;
# sys.package-remove: the removing subcommands (`npm uninstall -g`, `yarn global remove`).
_NODE_PMS = ("npm", "pnpm", "yarn")
_CONFIG = frozenset({"config"})
_NPM_TOKEN = frozenset({"token", "config", "c"})
_REMOVERS = frozenset({"uninstall", "remove", "rm", "un", "r", "unlink"})
# rce.install-from-url: the subcommands that install (the first word that is not an option).
_INSTALLERS = frozenset({"install", "i", "add", "inject", "update", "upgrade"})
# self.agent-reinstall: the subcommands that install or replace a package (one of the first two such words).
_REINSTALLERS = frozenset({"install", "i", "add", "upgrade", "update", "up", "reinstall", "link"})

# publish.package on the npm family: the registry verbs (publish._REGISTRY_VERBS), one of which is the first operand
# (after yarn's `npm`) of every command it fires on.
NPM_REGISTRY_VERBS = frozenset({"publish", "unpublish", "deprecate", "undeprecate", "dist-tag", "dist-tags", "tag", "owner", "author", "access", "team", "org"})


def _operands(cmd: SimpleCommand) -> list[str]:
    return [v for v in cmd.values() if not v.startswith("-")]


def installs(cmd: SimpleCommand, sc: Scope) -> bool:
    """The first word that is not an option installs (rce.install-from-url)."""
    ops = _operands(cmd)
    return bool(ops) and ops[0] in _INSTALLERS


def reinstalls(cmd: SimpleCommand, sc: Scope) -> bool:
    """One of the first two words that are not options installs or replaces (self.agent-reinstall)."""
    return any(v in _REINSTALLERS for v in _operands(cmd)[:2])


_GO_SETTING_WORDS = frozenset({"env", "mod", "work"})


def _go_settings(cmd: SimpleCommand, sc: Scope) -> bool:
    """`go env -w`, `go mod edit`, `go work`, or a GO* variable set for the run (GOSUMDB=off go get) --
    sys.package-config-set."""
    return any(v in _GO_SETTING_WORDS for v in cmd.values()) or any(k.startswith("GO") for k in cmd.assigns)


def sets_package_config(cmd: SimpleCommand, sc: Scope) -> bool:
    """`config set` (and npm's `set`, `c set`: each holds "set"), or an option naming a key of the tool's
    configuration that runs a program or weakens a check (pkgconfig.py) -- sys.package-config-set."""
    vals = cmd.values()
    if "set" in vals or "set-script" in vals:
        return True
    if any(v.startswith(("/", "file:", "link:")) for v in vals):
        return True  # `npm install /tmp/lib`, `yarn add file:/tmp/lib`: a dependency from a folder (round 15c)
    stop = vals.index("--") if "--" in vals else len(vals)  # options end: what follows is the script's, as the rule reads it
    options = [v for v in vals[:stop] if v.startswith("--")]
    if not options:
        return False
    from ..pkgconfig import known_key, tls_check_off

    tool = "npm" if cmd.name == "pnpm" else cmd.name
    for v in options:
        key, eq, value = v[2:].partition("=")
        if known_key(tool, key) or (key.startswith("no-") and known_key(tool, key[3:])):
            return True
        # A key no table lists for the tool, in another spelling of a certificate check (`--strictSsl=false`,
        # `--no-strictSsl`): the rule classifies every `--KEY=VALUE` and `--no-KEY` (pkgconfig.classify).
        if (eq and tls_check_off(key, value)) or (not eq and key.startswith("no-") and tls_check_off(key[3:], "false")):
            return True
    return False


def _poetry_settings(cmd: SimpleCommand, sc: Scope) -> bool:
    """`poetry config`, `poetry env use`, `poetry add`, or what the npm tools' gate passes: a dependency given by its
    folder (`poetry install /tmp/lib`), a setting given as an option (`--strictSsl=false`) -- sys.package-config-set."""
    return any(v in ("config", "use", "add") for v in cmd.values()) or sets_package_config(cmd, sc)


def _sudoers(cmd: SimpleCommand, sc: Scope) -> bool:
    """`tee /etc/sudoers…` (sys.privilege's test for tee)."""
    return any(v.startswith("/etc/sudoers") for v in cmd.values())


# (rule id, command name) -> the gate of that rule for commands of that name (the others import its pack).
# The programs sys.fill-disk follows an endless stream into (rules/system.py _PASS_THROUGH, _HOLDERS and xargs).
FILL_DISK_FOLLOWERS = frozenset(
    {"cat", "pv", "base64", "tr", "gzip", "bzip2", "xz", "tee", "od", "xxd", "hexdump", "cut", "fold", "sort", "tac", "tail", "xargs"}
)
# Sources that never end: what copies them into a file fills the disk unless a size bounds it (sys.fill-disk).
ENDLESS_SOURCES = frozenset({"/dev/zero", "/dev/urandom", "/dev/random"})


def endless_printer(cmd: SimpleCommand) -> bool:
    """A program that prints without end by itself: `yes`, and `seq` counting up to infinity (`seq inf`, `seq 1
    infinity`, `seq 0 0.5 inf`: GNU seq reads its last operand as strtold does, in any case, with a sign) -- round
    miss19: `seq inf > f` was read only when piped into another program."""
    if cmd.name == "yes":
        return True
    if cmd.name != "seq":
        return False
    ops = [v for v in cmd.values() if not v.startswith("-") or v[1:2].isdigit() or v[1:].lower() in ("inf", "infinity")]
    return bool(ops) and ops[-1].lower().lstrip("+") in ("inf", "infinity")


def endless_source(cmd: SimpleCommand, sc: Scope) -> bool:
    """sys.fill-disk's and sys.large-file's first test for the common printers: a source that never ends (an operand,
    or stdin redirected from it) or, for a program that prints without end (`yes`, `seq inf`), an output redirected
    at all."""
    if endless_printer(cmd):
        return any(r.writes for r in cmd.redirects)
    return any(v in ENDLESS_SOURCES for v in cmd.values()) or any(r.target is not None and r.target.value in ENDLESS_SOURCES for r in cmd.redirects)


def endless_stream(cmd: SimpleCommand, sc: Scope) -> bool:
    """sys.fill-disk's first test for the filters, holders and xargs it follows an endless stream into: the command or
    a stage of the pipeline before it reads or makes a stream that never ends (`yes`, `seq inf`, /dev/zero)."""
    if endless_source(cmd, sc):
        return True
    for s in cmd.stdin_from:
        if endless_printer(s) or endless_source(s, sc):
            return True
        if s.name == "dd" and any(v.startswith("if=") and v[3:] in ENDLESS_SOURCES for v in s.values()):
            return True
    return False


def dumps_environment(cmd: SimpleCommand) -> bool:
    """The command prints every variable with its value: `env`, `printenv`, `export -p`, `declare -x`, a bare `set`
    (not `env VAR=v CMD`, `printenv NAME`, `set -e`, nor compgen's names; not `--help` or `--version`, after which
    env, printenv and bash's builtins print their usage or version and exit).  creds.print-environment's first test."""
    vals = cmd.values()
    if cmd.name in ("env", "printenv", "export", "declare", "typeset"):
        return all(v.startswith("-") for v in vals) and not any(v in ("--help", "--version") for v in vals)
    return cmd.name == "set" and not vals


# A word made by a command substitution (creds.read-computed-from-secret reads no other).
def computed_word(cmd: SimpleCommand, sc: Scope) -> bool:
    return any(w.subs for w in cmd.args)


# The command reads another's output (the creds.grep-environment rules: what it reads is the environment printed).
# net.exfil-secrets' first test for git: a repository URL among its words (net._git_url_secret reads no other).
def names_a_url(cmd: SimpleCommand, sc: Scope) -> bool:
    return any("://" in v for v in cmd.values())


# creds.print-stored-values: the programs whose output is a store's values, and those that hand what they read on to
# their output, whole or in part (a pager, a sort, a grep, a JSON or YAML query: `terraform output -json | jq .`
# prints what `terraform output -json` prints, fix20b).  The rule runs on such a consumer only when a store's printer
# feeds it through them (``fed_by_store``).
STORE_PRINTERS = frozenset({"terraform", "tofu", "docker", "podman", "docker-compose", "podman-compose", "systemctl", "tmux"})
HANDS_ON = (
    (ENV_PRINTERS - {"date"})  # (date reads no standard input)
    | ENV_CODECS
    | ENV_GREPS
    | frozenset(
        {"tr", "fold", "fmt", "pr", "expand", "unexpand", "paste", "most", "iconv", "jq", "gojq", "jaq", "yq", "gron", "fx", "jless", "dasel", "json_pp"}
    )
)


def fed_by_store(cmd: SimpleCommand, sc: Scope) -> bool:
    """*cmd* reads, through programs that hand on what they read, what a store's printer prints."""
    todo, seen = list(cmd.stdin_from), 0
    while todo and seen < 16:
        c = todo.pop()
        seen += 1
        name = pathstr.basename(c.name)
        if name in STORE_PRINTERS:
            return True
        if name in HANDS_ON:
            todo.extend(c.stdin_from)
    return False


COMMAND_GATES: dict[tuple[str, str], Callable[[SimpleCommand, Scope], bool]] = {
    ("net.exfil-secrets", "git"): names_a_url,
    **{("creds.print-environment", n): lambda cmd, sc: dumps_environment(cmd) for n in ("env", "printenv", "export", "declare", "typeset", "set")},
    ("sys.fill-disk", "yes"): endless_source,
    ("sys.fill-disk", "seq"): endless_source,
    **{("sys.fill-disk", n): endless_stream for n in FILL_DISK_FOLLOWERS},
    ("sys.large-file", "head"): endless_source,
    **{(rid, "git"): git_pack_may_act for rid in GIT_PACK_RULES},
    ("creds.print-token", "git"): _any_value(_GIT_TOKEN_PRINTERS),
    ("creds.secret-output-unknown", "git"): _any_value(_GIT_TOKEN_PRINTERS),
    ("net.package-source-change", "git"): _any_value(_GIT_SOURCE_CHANGE),
    ("net.send-code", "git"): _any_value(_GIT_SENDERS),
    ("self.git-settings-change", "git"): _any_value(_GIT_REWRITERS),
    ("self.widen-project-git", "git"): _any_value(frozenset({"init"})),
    ("creds.stage-secret", "git"): _any_value(frozenset({"add", "stage"})),
    ("creds.push-secret", "git"): _any_value(frozenset({"add", "stage"})),
    ("creds.print-token", "npm"): _any_value(_NPM_TOKEN),
    **{("net.package-source-change", n): _any_value(_CONFIG) for n in _NODE_PMS},
    ("net.package-source-change", "go"): _any_value(frozenset({"env"})),
    ("sys.package-config-set", "go"): _go_settings,
    ("net.package-source-change", "gem"): _any_value(frozenset({"sources"})),
    **{("net.package-source-change", n): _any_value(frozenset({"config"})) for n in ("conda", "mamba", "micromamba", "bundle", "composer")},
    **{("rce.install-from-url", n): installs for n in _NODE_PMS},
    **{("rce.install-lookalike", n): _any_value(frozenset({"install", "i", "add"})) for n in (*_NODE_PMS, "bun", "pip", "pip3", "uv", "pipx", "poetry")},
    **{("sys.package-remove", n): _any_value(_REMOVERS) for n in _NODE_PMS},
    **{("sys.package-config-set", n): sets_package_config for n in _NODE_PMS},
    **{("sys.package-config-set", n): _any_value(frozenset({"config"})) for n in ("conda", "mamba", "micromamba", "bundle", "composer")},
    ("sys.package-config-set", "poetry"): _poetry_settings,
    **{("self.agent-reinstall", n): reinstalls for n in _NODE_PMS},
    **{("self.agent-reinstall", n): _any_value(frozenset({"install"})) for n in ("cargo", "go")},
    **{("publish.package", n): _any_value(NPM_REGISTRY_VERBS) for n in (*_NODE_PMS, "bun")},
    **{("publish.access-narrowed", n): _any_value(NPM_REGISTRY_VERBS) for n in _NODE_PMS},
    # creds.print-stored-values: the subcommands that print a store's values (output, show, state pull,
    # show-environment; compose config is read only with the project's files, which a gate's corpus has not)
    **{("creds.print-stored-values", n): _any_value(frozenset({"output", "show", "pull"})) for n in ("terraform", "tofu")},
    **{("creds.print-stored-values", n): _any_value(frozenset({"show-environment", "showenv"})) for n in ("systemctl", "tmux")},
    **{("creds.print-stored-values", n): fed_by_store for n in HANDS_ON},
    ("sys.privilege", "tee"): _sudoers,
    # A platform CLI's SQL verb (shell/sqlclients.PLATFORM_SQL): the db pack for `aws rds-data …`, not for `aws s3 ls`.
    **{("db.destructive-sql", n): _any_value(words) for n, words in PLATFORM_SQL_WORDS.items()},
}


# The commands that print the environment's variables (creds' rules on them; typeset is declare's other name).
ENV_DUMPERS = frozenset({"env", "printenv", "set", "export", "declare", "typeset", "compgen"})


# creds.print-environment-piped's and creds.grep-environment(-service)'s first test: the command reads what a dumper of
# the environment prints.
def reads_the_environment(cmd: SimpleCommand, sc: Scope) -> bool:
    return any(c.name in ENV_DUMPERS for c in cmd.stdin_from)


# creds.print-secret-var's first test: `echo`/`printf` given a variable's value, `printenv` given a name.
def prints_a_variable(cmd: SimpleCommand, sc: Scope) -> bool:
    if cmd.name == "printenv":
        return any(not v.startswith("-") for v in cmd.values())
    return any(w.vars for w in cmd.args)


# interp.print-secret-var's first test: a word names the environment (environ, getenv, process.env, ENV[, ENVIRON).
def names_the_environment(cmd: SimpleCommand, sc: Scope) -> bool:
    return any("env" in v or "ENV" in v or "Env" in v for v in cmd.values())


# rule id -> its gate for every command name it is about (rules whose first test does not depend on the name).
NAME_GATES: dict[str, Callable[[SimpleCommand, Scope], bool]] = {
    "creds.read-computed-from-secret": computed_word,
    "creds.grep-environment": reads_the_environment,
    "creds.grep-environment-service": reads_the_environment,
    "creds.print-secret-var": prints_a_variable,
    "creds.print-environment-piped": reads_the_environment,
    "interp.print-secret-var": names_the_environment,
}


def clearance_key_read(e: Effect, sc: Scope) -> bool:
    """A read of one of clearance's keys: self.read-keys's whole test (paths.clearance_key_reason).  Every read
    is an effect this rule looks at; its gate keeps the self pack (~1.2 ms) out of a cold hook's ordinary reads."""
    return e.kind == READ and clearance_key_reason(e.path, sc.ctx) is not None


def protected_argument(e: Effect, sc: Scope) -> bool:
    """A path an agent's settings, clearance's policy or git's hooks lie at, given as an argument (read as a read) to a
    program clearance knows but does not know only to read it: self.protected-argument's whole test but the
    programs' tables (the inputs outputs_table names)."""
    if e.kind != READ or e.note or e.cmd is None:
        return False
    from ..shell.outputs_table import READ_ONLY
    from ..shell.programs import CLIENTS as SQL_CLIENTS
    from ..shell.unwrap import known_program, runs_a_command  # loaded by then: the command was unwrapped

    name = e.cmd.name
    if name in READ_ONLY or name in _WHOLLY_READ or name in SHELLS or name in INTERPRETER_NAMES or name in SQL_CLIENTS or not known_program(name):
        return False  # unknown programs are sys.unknown-program-path's; a database client's files are the db and self rules'
    if runs_a_command(e.cmd):
        return False  # `uv run python x.py F`, `stdbuf -oL cat F`: the command it runs is judged itself
    return self_protected_reason(e.path, sc.ctx) is not None


# Programs whose every path argument effects.py reads as what it is (a write, a deletion, or a read): cp's source,
# find's roots, git's pathspecs, an editor's files, an awk or sed program's files.
_WHOLLY_READ = frozenset(
    {
        "cp", "mv", "install", "ln", "link", "rm", "rmdir", "unlink", "shred", "chmod", "chown", "chgrp", "chattr", "setfacl",
        "touch", "mkdir", "truncate", "tee", "dd", "sed", "awk", "gawk", "mawk", "nawk", "find", "git", "patch", "xargs",
        "uniq", "yq", "openssl", "xxd", "unzip", "clearance", "ed", "ex", "vi", "vim", "nvim", "view", "nano", "pico", "emacs",
        "micro", "kak", "hx", "sponge", "joe", "mg", "gzip", "gunzip", "bzip2", "bunzip2", "xz", "unxz", "pigz", "unpigz",
        "objcopy", "strip", "scp", "rclone", "gsutil", "sudo", "doas", "env", "nohup", "nice", "timeout", "watch",
    }
)  # fmt: skip


# The convention pack's effect rules on state others rely on (rules/convention.py), by file name: their gates keep the
# pack out of a cold hook's ordinary writes and deletions.
LOCK_FILES = frozenset(
    {
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "bun.lock",
        "poetry.lock",
        "uv.lock",
        "Pipfile.lock",
        "pdm.lock",
        "Cargo.lock",
        "Gemfile.lock",
        "composer.lock",
        "go.sum",
        "mix.lock",
        "pubspec.lock",
        "Podfile.lock",
        "packages.lock.json",
        "flake.lock",
    }
)
MIGRATION_DIRS = frozenset({"migrations", "migrate", "versions", "migration", "db_migrations"})


def names_terraform_state(e: Effect, sc: Scope) -> bool:
    """A path holding ".tfstate": state.terraform-state's first test (a name ending in .tfstate or .tfstate.backup)."""
    return ".tfstate" in e.path


def names_lock_file(e: Effect, sc: Scope) -> bool:
    """A write of a dependency lock file by its name: state.lock-file-edit's first test."""
    return e.kind == WRITE and e.path.rpartition("/")[2] in LOCK_FILES


def in_migrations_dir(e: Effect, sc: Scope) -> bool:
    """A path with a migrations directory (MIGRATION_DIRS) in it: what convention._migration needs first."""
    p = "/" + e.path
    return any(f"/{d}/" in p for d in MIGRATION_DIRS)


# rule id -> the gate of that effect rule (the others' packs are imported for every effect of their kinds).
def writes_a_git_dir(e: Effect, sc: Scope) -> bool:
    """A write whose path holds a `.git` component: self.widen-project's first test (the `.git` it would create)."""
    return "/.git" in e.path


# Programs whose writes change who may use a file, empty it or wipe it: the fs rules read those writes by the program
# (fs._locks_out_owner, fs.glob_delete_sources), whatever the path.
_FS_WRITE_PROGRAMS = frozenset({"chmod", "chown", "chgrp", "chattr", "setfacl", "truncate", "shred"})
_PERMISSION_NOTES = ("chmod", "chown", "chgrp", "setfacl")


def fs_may_act(e: Effect, sc: Scope) -> bool:
    """The gate of every fs rule on writes: no for a write whose fs rules all answer None by their first tests -- a
    plain write (no permission change: fs._destructive, fs.permission_unknown; not by chmod/chown/chattr/setfacl:
    fs._locks_out_owner; not truncate or shred: fs.glob_delete_sources) of a known path (no run-time value:
    fs.write_unknown_place; no glob: fs._whole) inside the project (fs._outside_write is None inside it) that
    paths.protected_reason, following links as fs.write_protected does, finds nothing at, and not in a cache of home
    (fs.write_code_cache).  Yes for every other effect (deletions, trees): the pack is loaded for them.  So `tee out.log`,
    `echo x > build/y`, `cp a b` or `sed -i` inside the project no longer load the fs pack (~100 KB of code)."""
    if e.kind != WRITE:
        return True
    last = _FS_LAST[0]  # the same effect is asked about once per rule, eleven times in a row
    if last[0] is e:
        return last[1]
    p = e.path
    got = (
        (e.note or "").startswith(_PERMISSION_NOTES)
        or (e.cmd is not None and e.cmd.name in _FS_WRITE_PROGRAMS)
        or DYN in p
        or has_glob(p)
        or not sc.inside_project(p)
        or protected_reason(p, sc.ctx, True) is not None
        or is_home_cache(p, sc.ctx)
    )
    _FS_LAST[0] = (e, got)  # one tuple, replaced whole: a thread reads its own effect's answer or none
    return got


_FS_LAST: list[tuple[object, bool]] = [(None, True)]


# The fs pack's rules on writes (rules/fs.py: each also reads deletions, for which the gate says yes).
FS_WRITE_RULES = (
    "fs.delete-critical", "fs.write-protected", "fs.delete-outside-project", "fs.delete-outside-recoverable",
    "fs.write-installed-code", "fs.write-outside-project", "fs.write-unknown-place", "fs.write-system",
    "fs.write-shared-place", "fs.write-code-cache", "fs.glob-delete-sources", "fs.permission-unknown-target", "fs.delete-remote-named",
)  # fmt: skip


# The creds pack's rules on reads, gated by their first tests (credtext.py: imported when a read is first asked about).
def _credtext(name: str) -> Callable[[Effect, Scope], bool]:
    def gate(e: Effect, sc: Scope) -> bool:
        if e.kind != READ:
            return False
        from . import credtext

        return bool(getattr(credtext, name)(e, sc))

    return gate


def process_memory_read(e: Effect, sc: Scope) -> bool:
    """creds.read-process-memory: a read of a path in /proc that ends in `mem` (paths.process_memory_pid decides)."""
    return e.kind == READ and e.path.startswith("/proc/") and e.path.endswith("/mem")


def settings_run_script_written(e: Effect, sc: Scope) -> bool:
    """fs.write-settings-run-script-shell: a shell write of a file that defines an entry the agents' project settings
    run (paths.settings_run_scripts, read once per decision with the settings' programs)."""
    if e.kind != WRITE or e.cmd is None or sc.ctx.read_file is None:
        return False
    from ..paths import settings_run_scripts

    return DYN not in e.path and any(f == e.path for f, _, _ in settings_run_scripts(sc.ctx))


EFFECT_GATES: dict[str, Callable[[Effect, Scope], bool]] = {
    "creds.read-process-memory": process_memory_read,
    "fs.write-settings-run-script-shell": settings_run_script_written,
    **dict.fromkeys(FS_WRITE_RULES, fs_may_act),
    "creds.read-secret-file": _credtext("may_read_secret_file"),
    "creds.read-history": _credtext("may_read_secret_file"),  # a history is a credential's path by its name first
    "creds.read-secret-named": secret_named_read,
    "creds.read-unknown-in-secrets": _credtext("reads_computed_name"),
    "creds.list-secret-names": _credtext("lists_names"),
    "creds.credential-content": _credtext("may_hold_credential"),
    "creds.read-env-file": _credtext("names_env_file"),
    "creds.read-tool-config": _credtext("names_tool_config"),
    "creds.tool-config-secrets": _credtext("names_tool_config"),
    "creds.read-mcp-config": _credtext("names_mcp_config"),
    "self.read-keys": clearance_key_read,
    "self.widen-project": writes_a_git_dir,
    "self.protected-argument": protected_argument,
    "state.terraform-state": names_terraform_state,
    "state.lock-file-edit": names_lock_file,
    "state.applied-migration": in_migrations_dir,
}


# Files whose variables later shells and the agents they start inherit (self.hook-environment-file, …).
_ENV_FILES = frozenset({".envrc", ".env", "mise.toml", ".mise.toml", "mise.local.toml", ".mise.local.toml", ".pam_environment", "environment"})


# mise's configuration files, each with an [env] table it sets in every shell it activates (mise.jdx.dev, "Configuration":
# mise.toml and .mise.toml, their .local and per-environment `mise.$MISE_ENV.toml` forms, mise/config.toml,
# .mise/config.toml, .config/mise/config.toml and the .toml files of .config/mise/conf.d; the user's are the same names
# under ~/.config/mise). Adversarial round 11a: only mise.toml's four spellings were read.
_MISE_TOML = lazy(r"\.?mise(?:\.[\w-]{1,64}){0,2}\.toml")
_MISE_DIRS = ("/mise", "/.mise", "/.config/mise")


def _mise_config(head: str, base: str) -> bool:
    if not base.endswith(".toml"):
        return False  # every written file's name comes here: no pattern for the rest (the cold hook loads no `re`)
    if base.lstrip(".").startswith("mise.") and _MISE_TOML.fullmatch(base):
        return True
    if base in ("config.toml", "config.local.toml") and head.endswith(_MISE_DIRS):
        return True
    return base.endswith(".toml") and head.endswith("/mise/conf.d")


# A CI runner's file of variables for the job's later steps: GitHub Actions appends `NAME=VALUE` lines written to
# $GITHUB_ENV (its `_runner_file_commands/set_env_<id>`) to the environment of every later step, an agent's step and
# the hook it runs included (adversarial round 16g: `echo CLEARANCE_HEADLESS=0 >> "$GITHUB_ENV"` was allowed, and a
# later step's asks were no longer denials). A shell line naming it by the variable is judged as this path
# (engine._check_written_scripts).
# The path is the runner's own, under its temporary folder ($RUNNER_TEMP), so interpreter code that opens
# os.environ['GITHUB_ENV'] (code/python._env_value, code/values.py: fix17a) writes it as one file of the temporary folder
# whose text is judged as an env file's (settingsresult), not as a system location.
# $GITHUB_PATH (its `add_path_<id>`) likewise: each line is a folder the runner puts first on PATH for every later step
# (env_views reads it as that PATH set in an env file: a temporary folder there is asked, as in an .envrc).
RUNNER_ENV_VARS = {
    "GITHUB_ENV": "/tmp/_runner_file_commands/set_env_(GITHUB_ENV)",
    "GITHUB_PATH": "/tmp/_runner_file_commands/add_path_(GITHUB_PATH)",
}


def env_file(path: str) -> bool:
    """A file whose variables later shells and the agents they start inherit."""
    head, _, base = path.rpartition("/")
    return (
        base in _ENV_FILES
        or base.startswith((".env.", ".envrc."))
        or (base.endswith(".conf") and head.endswith("/environment.d"))
        or _mise_config(head, base)
        or (base.startswith(("set_env_", "add_path_")) and head.endswith("/_runner_file_commands"))
    )


# The agents' own settings files clearance reads for what they say: agentcli.SETTINGS_FILES' keys (tests/test_adversarial_round9d
# checks they agree), here without importing that pack for every `> config.json`.
_CONTENT_SETTINGS_PATHS = (
    *("opencode.json", "opencode.jsonc", ".crush.json", "crush.json", ".qwen/settings.json", ".gemini/settings.json"),
    *(".claude/settings.json", ".claude/settings.local.json", ".codex/config.toml", ".config/amp/settings.json"),
    *(".config/goose/config.yaml", ".aider.conf.yml", ".cursor/cli.json", ".copilot/config.json", ".vscode/settings.json"),
    # VS Code's and its forks' user settings (its agent extensions' auto-approve lists, adversarial round 10a)
    *(f"{editor}/User/settings.json" for editor in ("Code", "Code - Insiders", "VSCodium", "Cursor", "Windsurf")),
    # Zed's, project and user: its agent's switches and the external agents it starts (agent_servers)
    *(".zed/settings.json", "zed/settings.json"),
    ".jetbrains/acp.json",  # the ACP agents JetBrains IDEs start
)
# Folders whose every .json file is one agent's settings (agentcli.SETTINGS_FOLDERS: Amazon Q's and Kiro's custom agents).
_CONTENT_SETTINGS_FOLDER_PATHS = (".amazonq/cli-agents", "amazonq/cli-agents", ".kiro/agents")
_CONTENT_SETTINGS_NAMES = frozenset(
    {"opencode.json", "opencode.jsonc", ".crush.json", "crush.json", "settings.json", "settings.local.json", "config.toml"}
    | {"config.yaml", ".aider.conf.yml", "cli.json", "config.json", "acp.json"}
)  # the paths' last parts


# The folders those files are in (agentcli.SETTINGS_FILES' folders, VS Code's): made a link, they move the files too.
_CONTENT_SETTINGS_FOLDERS = frozenset({".qwen", ".gemini", ".claude", ".codex", ".cursor", ".copilot", ".vscode", "amp", "goose", ".zed", "zed"})
_CONTENT_SETTINGS_FOLDERS |= {p.rpartition("/")[2] for p in _CONTENT_SETTINGS_FOLDER_PATHS}


# The same names case-folded: a file system that compares names without case (macOS, Windows) opens `.Zed/SETTINGS.json`
# for `.zed/settings.json`, and elsewhere a file so spelled is judged by what it says, which an ordinary one passes.
_CONTENT_SETTINGS_PATHS_FOLDED = tuple(p.casefold() for p in _CONTENT_SETTINGS_PATHS)
_CONTENT_SETTINGS_FOLDER_PATHS_FOLDED = tuple(p.casefold() for p in _CONTENT_SETTINGS_FOLDER_PATHS)


def content_judged_folder(path: str) -> bool:
    """A folder holding a file content_judged reads (`.qwen`, `.vscode`, `~/.config/amp`), its name case-folded."""
    head, _, base = path.casefold().rpartition("/")
    return base in _CONTENT_SETTINGS_FOLDERS and (base.startswith(".") or head.endswith("/.config"))


def content_judged(path: str) -> bool:
    """A file clearance judges by what it says rather than by its name: an agent's own settings file
    (agentcli.SETTINGS_FILES), VS Code's workspace settings, an env file later shells load.  What a shell line leaves
    in one (a copy, an in-place change, a download) is judged as a Write of it is (settingsresult.py).  Names are
    compared case-folded (_CONTENT_SETTINGS_PATHS_FOLDED)."""
    low = path.casefold()
    head, _, base = low.rpartition("/")
    if base in _CONTENT_SETTINGS_NAMES and any(low == p or low.endswith("/" + p) for p in _CONTENT_SETTINGS_PATHS_FOLDED):
        return True
    if base.endswith(".json") and any(head == p or head.endswith("/" + p) for p in _CONTENT_SETTINGS_FOLDER_PATHS_FOLDED):
        return True
    return base.endswith(".code-workspace") or env_file(path)


def terminal_env_file(path: str, text: str) -> bool:
    """A JSON settings file whose written text sets the environment later sessions start with: an editor's terminals
    (terminal.integrated.env.*, a terminal profile's env), a devbox shell (devbox.json `env`), a dev container
    (`remoteEnv`, `containerEnv`) -- an agent CLI started there inherits it."""
    head, _, base = path.rpartition("/")
    if base.endswith(".code-workspace") or (base == "settings.json" and head.endswith("/.vscode")):
        return "terminal.integrated.env." in text or ("terminal.integrated.profiles." in text and '"env"' in text)
    if base == "devbox.json":
        return '"env"' in text
    if base in ("devcontainer.json", ".devcontainer.json") or head.endswith("/.devcontainer"):
        return "remoteEnv" in text or "containerEnv" in text
    return False


# A line of an env file that loads another file into the same environment: bash's `source F` / `. F`, direnv's
# `source_env F`, `source_env_if_exists F`, `dotenv F`, `dotenv_if_exists F` (group 1 the verb, 3 the file); mise's
# `_.file = "F"` / `_.source = "F"` (group 5 the file).
ENV_SOURCE = lazy(
    r"^[ \t]*+(?:(source|\.|source_env|source_env_if_exists|dotenv|dotenv_if_exists)[ \t]++(['\"]?)([^\s'\";&|]{1,4000})\2"
    r"|_\.(?:file|source)[ \t]*+=[ \t]*+(['\"])([^'\"\n]{1,4000})\4)",
    MULTILINE,
)
# How many folders up from a written file an `.envrc` that loads it is looked for (direnv reads the nearest one, and
# `source_up` the ones above it).
_ENVRC_UP = 8
_NIX_HOOK = lazy(r"\b(?:shellHook|enterShell)[ \t]*+=[ \t\n]*+")


def nix_hooks(path: str, text: str) -> list[str]:
    """The shell code of a nix file's `shellHook` (mkShell; flake.nix devShells) and devenv's `enterShell`: run by
    `nix-shell`, `nix develop` and direnv's `use nix`/`use flake` in every later shell of the project, as `.envrc` is."""
    if not path.endswith(".nix") or ("shellHook" not in text and "enterShell" not in text):
        return []
    out: list[str] = []
    for m in list(_NIX_HOOK.finditer(text[:200_000]))[:16]:
        i = m.end()
        if text.startswith("''", i):
            # An indented string: up to the next two quotes that are not an escape (three quotes, or two before $ or \).
            j = i + 2
            while (j := text.find("''", j)) != -1 and text[j + 2 : j + 3] in ("'", "$", "\\"):
                j += 3
            out.append(text[i + 2 : j if j != -1 else len(text)])
        elif text.startswith('"', i):
            j = i + 1
            while j < len(text) and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i + 1 : j].replace('\\"', '"'))
    return out


def envrc_loading(path: str, sc: Scope) -> str | None:
    """The env file a write of the project file *path* amounts to, where an `.envrc` on the disk (in its folder or one
    above, up to the project root) loads it: `source F`, `. F`, `source_env F` make it that `.envrc`'s own code (the
    `.envrc`'s path), `dotenv F` an env file of its own (`.env` beside that `.envrc`); None where none loads it."""
    reader, lister = sc.ctx.read_file, sc.ctx.list_dir
    root = sc.ctx.project_root
    if reader is None or lister is None or not root or DYN in path or not is_within(path, root) or env_file(path):
        return None
    folder = path.rpartition("/")[0]
    for _ in range(_ENVRC_UP):
        # Listed first (a listing per folder, kept for the decision): a folder without an .envrc costs no read.
        text = reader(folder + "/.envrc") if ".envrc" in (lister(folder) or ()) else None
        if text and not text.startswith("\x00"):
            for m in list(ENV_SOURCE.finditer(text[:200_000]))[:64]:
                name = m.group(3) or m.group(5) or ""
                if name and "$" not in name.replace("${PWD}", "").replace("$PWD", ""):
                    where = resolve(name.replace("${PWD}", folder).replace("$PWD", folder), folder, sc.ctx.home)
                    if where == path:
                        return folder + ("/.env" if (m.group(1) or "").startswith("dotenv") else "/.envrc")
        if folder == root or not is_within(folder, root):
            break
        folder = folder.rpartition("/")[0]
    return None


# CI configurations, read as YAML, whose `env:` / `variables:` / `environment:` keys give every job (and the agent step
# and hook a job runs) its variables: GitHub workflows, GitLab CI, CircleCI, Azure Pipelines, Buildkite, Bitbucket,
# Drone, Woodpecker, Travis, AppVeyor, Codemagic, Cloud Build.
_CI_FILES = frozenset(
    {".gitlab-ci.yml", "azure-pipelines.yml", "azure-pipelines.yaml", "bitbucket-pipelines.yml", ".drone.yml", ".woodpecker.yml"}
    | {".travis.yml", "appveyor.yml", ".appveyor.yml", "codemagic.yaml", "cloudbuild.yaml", "cloudbuild.yml"}
)  # fmt: skip
_CI_FOLDERS = ("/.github/workflows", "/.circleci", "/.buildkite", "/.woodpecker", "/.gitlab/ci", "/.azure-pipelines", "/.pipelines")
# Where a CI configuration's variables are read as an env file's lines (rules/self._env_var_match reads env files).
CI_ENV_VIEW = "/tmp/_runner_file_commands/set_env_(CI configuration)"


def ci_config(path: str) -> bool:
    """A CI configuration file clearance reads the variables of (its name, or a YAML file in a CI folder)."""
    head, _, base = path.rpartition("/")
    return base in _CI_FILES or (base.endswith((".yml", ".yaml")) and head.endswith(_CI_FOLDERS))


_CI_ENV_KEYS = frozenset({"env", "variables", "environment", "global_env", "secrets_env"})


def ci_variables(text: str) -> str:
    """The variables a CI configuration's text sets for its jobs, as an env file's `NAME=VALUE` lines: every
    `env:` / `variables:` / `environment:` mapping at any depth (a workflow's, a job's, a step's; GitLab's `{value: …}`
    entries), and their `NAME=VALUE` lists (Drone, Travis, Cloud Build). Text YAML does not read sets nothing here."""
    if not any(k + ":" in text for k in _CI_ENV_KEYS):
        return ""
    import yaml

    try:
        data = yaml.safe_load(text[:200_000])
    except (yaml.YAMLError, ValueError, RecursionError):
        return ""
    out: list[str] = []
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack and len(out) < 2000:
        node, depth = stack.pop()
        if depth > 40:
            continue
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(k, str) and k.lower() in _CI_ENV_KEYS:
                    if isinstance(v, dict):
                        for name, value in v.items():
                            if isinstance(value, dict):
                                value = value.get("value", "")
                            out.append(f"{name}={'' if value is None else value}")
                    elif isinstance(v, list):
                        out += [x for x in v if isinstance(x, str) and "=" in x]
                    elif isinstance(v, str) and "=" in v:
                        out.append(v)
                stack.append((v, depth + 1))
        elif isinstance(node, list):
            stack.extend((x, depth + 1) for x in node)
    return "\n".join(out) + "\n" if out else ""


def env_views(path: str, text: str, sc: Scope) -> list[tuple[str, str]]:
    """(env file, text) that writing *text* to *path* amounts to: an env file itself; a nix file's shellHook, an `.envrc`
    of its folder; a file an `.envrc` on the disk loads, that `.envrc` (or the `.env` it reads); a CI configuration's
    variables for its jobs (ci_variables), the CI runner's env file."""
    head, _, base = path.rpartition("/")
    if base.startswith("add_path_") and head.endswith("/_runner_file_commands"):
        # The runner's file of PATH folders: each line is put first on PATH, as `PATH=LINE:$PATH` in its env file.
        lines = [line.strip() for line in text.splitlines()[:64] if line.strip()]
        quoted = [line.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$") for line in lines]
        return [(head + "/set_env_(GITHUB_PATH)", "".join(f'PATH="{q}:$PATH"\n' for q in quoted))] if lines else []
    if env_file(path):
        return [(path, text)]
    if ci_config(path):
        found = ci_variables(text)
        return [(CI_ENV_VIEW, found)] if found else []
    hooks = nix_hooks(path, text)
    if hooks:
        folder = path.rpartition("/")[0]
        return [(folder + "/.envrc", h) for h in hooks]
    loaded = envrc_loading(path, sc)
    return [(loaded, text)] if loaded else []


EDITOR_SETTINGS = ("/.vscode/settings.json", ".code-workspace", "/.zed/settings.json", "/User/settings.json")


def writes_a_session_file(action: Action, sc: Scope) -> bool:
    """A write or edit of a file self's rules on written files read: an env file or an editor's terminal settings
    (self.hook-environment-file, self.hook-locations-file, self.loader-environment-file: rules/self._env_var_match finds
    nothing elsewhere) or a
    .gitmodules (self.submodule-into-settings: submodule_into_protected).  Each rule's first test, on the files the
    rule reads (rules/tools._written_files: the tools pack is loaded for every write, its rules are not gated)."""
    from .tools import _written_files

    edit = action.tool_name in ("Edit", "MultiEdit")
    return any(
        terminal_env_file(path, text)
        or path.rpartition("/")[2] == ".gitmodules"
        or env_views(sc.path(path), text, sc)
        # An edit of an editor's settings or a CI configuration is read as the file after it (rules/self._env_write_finding).
        or (edit and (path.endswith(("/.vscode/settings.json", ".code-workspace")) or ci_config(sc.path(path))))
        # The program an editor's terminals or git start (rules/self.editor_program).
        or (path.endswith(EDITOR_SETTINGS) and ("terminal" in text or "git.path" in text))
        # A JSON settings file spelled with `\u` escapes (`"\u0074erminal..."`): its reader decodes them
        # (rules/self.json_as_read), so the words above are looked for there (adversarial round 11d).
        or ("\\u" in text and path.endswith((*EDITOR_SETTINGS, "/devbox.json", "devcontainer.json")))
        for path, text in _written_files(action)
    )


# creds.write-credential-outside: a Write, Edit, MultiEdit or ApplyPatch of a file outside the project and temp (the
# rule's first test of each file it writes; what the file holds is its second). An ordinary edit of the project's own
# files no longer imports the creds pack.
def writes_outside_project(action: Action, sc: Scope) -> bool:
    ti = action.tool_input
    files = ti.get("files")
    named = [f.get("path") for f in files if isinstance(f, dict)] if isinstance(files, list) else [ti.get("file_path") or ti.get("path")]
    for path in named:
        if not isinstance(path, str):
            continue  # the rule reads only the files named by a string
        p = sc.path(path)
        if not (sc.inside_project(p) or sc.in_temp(p)):
            return True
    return False


# The fs and convention packs' rules on written files (write.package-config, write.git-config-code,
# write.convention-code, write.ci-untrusted-input), each gated by its first test of a file's name: an edit of the
# project's source no longer imports the two packs (~4.3 M instructions). _written_files is the tools pack's, loaded by
# then: its rules on writes have no gate.
def _written(action: Action) -> list[tuple[str, str]]:
    from .tools import _written_files

    return _written_files(action)


def writes_package_config(action: Action, sc: Scope) -> bool:
    from ..pkgconfig import TOOLCHAIN_FILES, config_tool

    return any(text and (config_tool(sc.path(path)) is not None or pathstr.basename(path) in TOOLCHAIN_FILES) for path, text in _written(action))


def writes_git_config(action: Action, sc: Scope) -> bool:
    for path, _ in _written(action):
        base = sc.path(path).rpartition("/")[2].lower()
        if base in (".git", "config", ".lfsconfig") or "gitconfig" in base:
            return True
    return False


def writes_conventional_file(action: Action, sc: Scope) -> bool:
    from ..code import may_be_conventional, notebook_module, source_might_disable

    ports = tuple(str(port) for port, _ in sc.own_ports)
    return any(
        text and DYN not in path and (may_be_conventional(path) or source_might_disable(*notebook_module(path, text), ports)) for path, text in _written(action)
    )


def workflow_file(path: str) -> bool:
    """A GitHub workflow, or a local action (what write.ci-untrusted-input reads)."""
    base = path.rsplit("/", 1)[-1]
    return base.endswith((".yml", ".yaml")) and ("/.github/workflows/" in path or (base in ("action.yml", "action.yaml") and "/.github/" in path))


def writes_workflow(action: Action, sc: Scope) -> bool:
    return any(workflow_file(path) for path, _ in _written(action))


def writes_agent_settings(action: Action, sc: Scope) -> bool:
    """A write or edit of an agent's or editor's settings file (content_judged: agentcli.SETTINGS_FILES and
    SETTINGS_FOLDERS, a VS Code workspace), the only files self.agent-launch-settings and its sibling read."""
    from .tools import _SETTINGS_SUFFIXES

    return any(path.casefold().endswith(_SETTINGS_SUFFIXES) and content_judged(sc.path(path)) for path, _ in _written(action))


def writes_settings_run_script(action: Action, sc: Scope) -> bool:
    """fs.write-settings-run-script: a write of a file that defines an entry the agents' project settings run."""
    if sc.ctx.read_file is None:
        return False
    from ..paths import settings_run_scripts

    defined = {f for f, _, _ in settings_run_scripts(sc.ctx)}
    return bool(defined) and any(sc.path(path) in defined for path, _ in _written(action))


# rule id -> the gate of that action rule: its pack (self: ~3 M instructions of a cold Edit) is imported when it says yes.
ACTION_GATES: dict[str, Callable[[Action, Scope], bool]] = {
    "fs.write-settings-run-script": writes_settings_run_script,
    "creds.write-credential-outside": writes_outside_project,
    "write.package-config": writes_package_config,
    "write.git-config-code": writes_git_config,
    "write.convention-code": writes_conventional_file,
    "write.ci-untrusted-input": writes_workflow,
    "self.hook-environment-file": writes_a_session_file,
    "self.hook-locations-file": writes_a_session_file,
    "self.submodule-into-settings": writes_a_session_file,
    "self.loader-environment-file": writes_a_session_file,  # hook_loaders: the same env files and terminal settings
    "self.environment-into-own-files": writes_a_session_file,  # own_paths_in_environment: env files and terminal settings
    "self.sourced-environment-file": writes_a_session_file,  # sourced_environment: env files only
    "self.agent-launch-settings": writes_agent_settings,
    "self.agent-launch-settings-code": writes_agent_settings,
}
