"""Lines appended to a shell start-up file that only set the user's shell up (fs.write-protected, ordinary round 20).

`echo 'alias ll="ls -la"' >> ~/.bashrc`, `echo 'export PATH="$HOME/.local/bin:$PATH"' >> ~/.zshrc`: what installers
and users ask an agent to add. fs.write-protected denies writes to start-up files because they run at every shell's
start (persistence); an append whose every line is one of a closed set of shapes -- an alias of a plain command, a
variable that loads no code and names no program (PATH only gains a bin folder of home's or of the system's), a shell
option -- runs nothing new by itself, and is asked (fs.write-outside-project) instead: the user reads the line. Anything
else (a substitution, a `source`, a function, a variable that loads code, a PATH entry in the temporary or project
folder, a truncating `>`) stays denied. Loaded only when a start-up file is written.
"""

from __future__ import annotations

from . import paths, pathstr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .scope import Scope
    from .shell.effects import Effect

# Variables that load code into later programs, change where the shell or a tool finds its settings, send traffic
# elsewhere, or are clearance's or the agents' own: never set by this path (prefixes end with "_").
_LOADING_VARS = frozenset(
    {"BASH_ENV", "ENV", "ZDOTDIR", "PROMPT_COMMAND", "PS0", "PS1", "PS2", "PS3", "PS4", "IFS", "SHELL", "HOME", "TMPDIR", "CDPATH"}
    | {"PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "NODE_OPTIONS", "NODE_PATH", "RUBYOPT", "RUBYLIB", "PERL5OPT", "PERL5LIB", "PERLLIB"}
    | {"JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH", "HISTFILE", "MAIL", "MAILPATH", "FPATH", "MANPATH", "INPUTRC"}
    | {"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy", "no_proxy", "SUDO_ASKPASS"}
    | {"SSH_ASKPASS", "GIT_ASKPASS", "KUBECONFIG", "DOCKER_HOST", "DOCKER_CONFIG", "BROWSER", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL"}
)
_LOADING_PREFIXES = ("LD_", "DYLD_", "CLEARANCE_", "CLAUDE_", "GIT_", "SSH_", "XDG_", "NPM_CONFIG_", "npm_config_", "BASH_FUNC_", "AWS_", "GOOGLE_")
# Commands whose alias, under another name, would turn a typed word into a deletion, a change of rights, a signal or
# authority (an alias that keeps its own command, `alias rm='rm -i'`, adds options only).
_DESTRUCTIVE_BODIES = frozenset(
    {"rm", "rmdir", "shred", "dd", "mkfs", "mv", "cp", "chmod", "chown", "truncate", "sudo", "su", "doas", "eval", "exec", "source", "."}
    | {"kill", "pkill", "killall", "crontab", "systemctl", "clearance", "claude", "codex", "unset", "export", "tee", "ln", "install"}
)
# Programs that run what their arguments say or reach the network: an alias to one alone (`alias python=python3`)
# passes the user's own words on; with words of its own (`alias ls='bash /tmp/x'`) it runs something else.
_RUNNER_BODIES = frozenset(
    {"curl", "wget", "nc", "ncat", "socat", "ssh", "scp", "rsync", "sh", "bash", "zsh", "fish", "python", "python3", "node", "perl", "ruby"}
    | {"find", "xargs", "env", "nohup", "watch", "deno", "bun", "php", "lua", "osascript"}
)
# Names whose alias would stand in for a command of authority whatever it runs.
_GUARDED_NAMES = frozenset(
    {"sudo", "su", "doas", "ssh", "scp", "gpg", "passwd", "clearance", "claude", "codex", "git", "cd", "alias", "unalias", "builtin", "command"}
)
_OPTION_WORDS = frozenset({"set", "setopt", "unsetopt", "shopt", "bindkey"})
# Folders of the system's own that hold installed programs: only an administrator writes there.
_SYSTEM_BIN_TOPS = ("/usr/", "/opt/", "/snap/", "/bin", "/sbin", "/nix/")
_BIN_NAMES = frozenset({"bin", "sbin", "shims"})


def harmless_append(e: Effect, sc: Scope) -> bool:
    """Whether *e* (a write of a shell start-up file) appends literal text whose every line sets the shell up only."""
    from .shell.outputs import literal_output

    c = e.cmd
    if c is None or c.remote is not None or c.via:
        return False
    appended = False
    for r in c.redirects:
        if r.target is None or not r.writes or r.fd not in ("", "1") or sc.word_path(r.target, c) != e.path:
            continue
        if r.op != ">>":
            return False  # `>`, `&>`: the file's old text goes
        appended = True
    if not appended and c.name == "tee":
        appended = any(v in ("-a", "--append") for v in c.values())
    if not appended:
        return False
    text = literal_output(c)
    return text is not None and paths.DYN not in text and harmless_lines(text, sc)


def harmless_lines(text: str, sc: Scope) -> bool:
    lines = text.splitlines()
    if not lines or len(lines) > 24:
        return False
    import shlex

    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if any(ch in line for ch in "`;&|<>(){}\\") and not _braced_vars_only(line):
            return False
        try:
            words = shlex.split(line)
        except ValueError:
            return False
        if not words:
            return False
        head = words[0]
        if head in _OPTION_WORDS:
            if not all(w.lstrip("-+").replace("_", "").replace("-", "").isalnum() for w in words[1:]):
                return False
            continue
        if head == "alias":
            alias, _, body = words[1].partition("=") if len(words) == 2 else ("", "", "")
            if not body or not _alias_ok(alias, body):
                return False
            continue
        if head == "export":
            words = words[1:]
        if len(words) != 1 or "=" not in words[0]:
            return False
        name, _, value = words[0].partition("=")
        if not _assignment_ok(name, value, sc):
            return False
    return True


def _braced_vars_only(line: str) -> bool:
    """`${HOME}`, `${PATH}`: braces of a variable, no other mark of the list above."""
    rest = line.replace("${HOME}", "").replace("${PATH}", "")
    return not any(ch in rest for ch in "`;&|<>(){}\\")


def _identifier(name: str) -> bool:
    return bool(name) and not name[0].isdigit() and name.replace("_", "").isalnum() and name.isascii()


def _alias_ok(name: str, body: str) -> bool:
    if not name or not name.replace("-", "").replace("_", "").replace(".", "").isalnum() or "$" in body:
        return False
    first = body.split()[0] if body.split() else ""
    if not first:
        return False
    if name in _GUARDED_NAMES:
        return False  # `alias sudo='sudo -E /tmp/x'`: what the user runs with authority is no longer what they type
    if first == name:
        # `alias ls='ls --color=auto'`, `alias rm='rm -i'`: the same command with options only
        return all(w.startswith("-") and "/" not in w for w in body.split()[1:])
    if first in _DESTRUCTIVE_BODIES or "/" in first:
        return False
    return first not in _RUNNER_BODIES or len(body.split()) == 1


def _assignment_ok(name: str, value: str, sc: Scope) -> bool:
    if not _identifier(name) or name in _LOADING_VARS or name.startswith(_LOADING_PREFIXES):
        return False
    if name == "PATH":
        return _path_ok(value, sc)
    plain = value.replace("${HOME}", "").replace("$HOME", "").replace("${" + name + "}", "").replace("$" + name, "")
    if "$" in plain:
        return False
    if name in ("EDITOR", "VISUAL", "PAGER", "MANPAGER", "GIT_EDITOR"):
        return "/" not in (value.split()[0] if value.split() else "/")  # a program found on PATH, not a file of someone's
    return True


def _path_ok(value: str, sc: Scope) -> bool:
    """PATH keeps its old value and gains only bin folders of home (outside the project and the temporary folders) or
    of the system's program folders."""
    parts = value.split(":")
    if not any(p in ("$PATH", "${PATH}") for p in parts):
        return False
    home = sc.ctx.home
    for p in parts:
        if p in ("$PATH", "${PATH}"):
            continue
        p = p.replace("${HOME}", home).replace("$HOME", home)
        if "$" in p or not p:
            return False
        where = pathstr.normpath(paths.expand_home(p, home))
        if not where.startswith("/") or pathstr.basename(where) not in _BIN_NAMES:
            return False
        if paths.is_within(where, home):
            if sc.inside_project(where) or sc.in_temp(where) or where == home:
                return False
            continue
        if not where.startswith(_SYSTEM_BIN_TOPS) or sc.in_temp(where):
            return False
    return True
