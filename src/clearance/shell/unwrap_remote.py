"""Unwrapping ssh and the remote platforms' CLIs: the command run on the other machine, and what ssh's own options run
here.  Loaded the first time a command needs one of these methods (unwrap.Unwrapper.__getattr__)."""

from __future__ import annotations

from .. import pathstr
from ..paths import DYN
from .ir import SimpleCommand, Word
from .outputs import literal_stdin
from .unwrap import _SSH_OPTS, MAX_INPUT_LINES, Unwrapper, _strip_options, ssh_script_message, ssh_stdin_script

# ssh_config(5) keys whose value is a command ssh runs locally.
_SSH_LOCAL_COMMANDS = frozenset({"proxycommand", "localcommand", "knownhostscommand"})


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


class Methods(Unwrapper):
    """The methods Unwrapper takes on from here (unwrap.LATER)."""

    def _ssh(self, cmd: SimpleCommand) -> None:
        argv = cmd.argv
        i = _strip_options(argv, 1, _SSH_OPTS | {"-M"} if cmd.name == "autossh" else _SSH_OPTS)  # autossh -M PORT
        self.out.commands.append(cmd)
        settings = self._ssh_options(cmd, i)
        self._ssh_settings(cmd, settings)
        if i < len(argv) and argv[i].value == "--":
            i += 1  # `ssh -- HOST`
        if i >= len(argv):
            return
        host = argv[i].value
        rest = argv[i + 1 :]
        if rest and rest[0].value == "--":
            rest = rest[1:]  # `ssh HOST -- CMD`; `ssh HOST --` alone gives no command
        remote = settings.get("remotecommand", "")
        if not rest and remote and remote.lower() != "none":
            rest = [Word(remote, remote)]  # -o RemoteCommand=CMD: the command given as an operand would be
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

    def _ssh_settings(self, cmd: SimpleCommand, settings: dict[str, str]) -> None:
        """ssh -o settings that stand for options of their own, read as those (ssh_config(5)): PKCS11Provider and
        SecurityKeyProvider load a shared object as `-I LIB` does; UserKnownHostsFile is the file ssh appends the keys
        of new hosts to (written as `tee -a FILE` would be: the host name or HostKeyAlias it writes is the caller's)."""
        from .unwrap import _SYSTEM_LIBS

        for key in ("pkcs11provider", "securitykeyprovider"):
            lib = settings.get(key, "")
            if "/" in lib and DYN not in lib and not pathstr.normpath(pathstr.join(cmd.cwd or "/", lib)).startswith(_SYSTEM_LIBS):
                why = f"ssh -o {key} loads {lib}, a shared object from outside the project and the system's libraries"
                self.out.problems.append(("shell.dynamic-code", why + "; clearance cannot see what it does"))
        files = settings.get("userknownhostsfile", "").split()
        if files and files[0].lower() not in ("none", "/dev/null") and DYN not in files[0]:
            written = Word(files[0], files[0])
            self.command(cmd.derive([Word("tee", "tee"), Word("-a", "-a"), written], "ssh -o UserKnownHostsFile", redirects=[], stdin_from=[], stdin_text=None))

    def _ssh_options(self, cmd: SimpleCommand, end: int) -> dict[str, str]:
        """ssh -o ProxyCommand=CMD (LocalCommand, KnownHostsCommand): commands ssh runs on this machine. Returns every
        -o setting by its key in lower case (the first one given wins, as in ssh_config)."""
        argv = cmd.argv
        settings: dict[str, str] = {}
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
            settings.setdefault(key.strip().lower(), value.strip())
            if key.strip().lower() in _SSH_LOCAL_COMMANDS and value.strip().lower() not in ("", "none"):
                self.reparse(value.strip(), cmd, f"ssh -o {key.strip()}")
        return settings

    def _transfer_downloads(self, cmd: SimpleCommand) -> None:
        """The files a file-transfer client's own commands (lftp -c/-e, smbclient -c, ftp/sftp fed on their input)
        write on this machine: `get SRC [-o DST | DST]`, `pget`, `recv`, `mget`, lftp's `mirror SRC [DST]`, each under
        the local folder `lcd` moves to. Each is judged as `tee DST` typed here (what arrives is another machine's):
        a download over the agent's settings or clearance's policy is the write it is."""
        vals = [w.value for w in cmd.argv[1:]]
        script = cmd.stdin_text or (literal_stdin(cmd.stdin_from) if cmd.stdin_from else None) or ""
        for i, v in enumerate(vals):
            if v in ("-c", "-e", "--command") and i + 1 < len(vals):
                script += "\n" + vals[i + 1]
        if not script.strip() or DYN in script:
            return
        local = ""
        for line in script.replace(";", "\n").splitlines()[:MAX_INPUT_LINES]:
            words = line.split()
            if not words:
                continue
            verb, args = words[0].lower(), words[1:]
            if verb == "lcd" and args:
                local = args[0] if args[0].startswith(("/", "~")) else pathstr.join(local, args[0]) if local else args[0]
                continue
            for dst in _downloaded(verb, args):
                path = dst if dst.startswith(("/", "~")) or not local else pathstr.join(local, dst)
                self.command(cmd.derive([Word("tee", "tee"), Word(path, path)], f"{cmd.name} {verb}", redirects=[], stdin_from=[], stdin_text=None))


_GET_VERBS = frozenset({"get", "recv", "pget", "reget", "mget", "get1"})


def _downloaded(verb: str, args: list[str]) -> list[str]:
    """The local paths a client's download command writes (lftp(1) get/pget/mget with -o FILE or -O DIR, mirror SRC
    [DST] unless -R; ftp(1), sftp(1), smbclient(1) `get REMOTE [LOCAL]`): a destination not named is the remote
    file's own name in the local folder."""
    if verb == "mirror":
        if any(a in ("-R", "--reverse") or (a.startswith("-") and not a.startswith("--") and "R" in a) for a in args):
            return []  # an upload (net.file-transfer-upload)
        named = [a for a in args if not a.startswith("-")]
        if not named:
            return []
        into = named[1] if len(named) > 1 else pathstr.basename(named[0].rstrip("/")) or "."
        return [pathstr.join(into, DYN)]
    if verb not in _GET_VERBS:
        return []
    out: list[str] = []
    folder = ""
    ops: list[str] = []
    k = 0
    while k < len(args):
        a = args[k]
        if a == "-o" and k + 1 < len(args):
            out.append(args[k + 1])
            k += 2
            continue
        if a == "-O" and k + 1 < len(args):
            folder = args[k + 1]
            k += 2
            continue
        if not a.startswith("-"):
            ops.append(a)
        k += 1
    if out:
        return out
    if verb in ("get", "recv", "reget", "get1") and len(ops) == 2 and not folder:
        return [ops[1]]  # get REMOTE LOCAL (ftp, sftp, smbclient)
    names = [pathstr.basename(o.rstrip("/")) or DYN for o in ops[:8]]
    return [pathstr.join(folder, n) if folder else n for n in names]
