"""What an expression in interpreter code is known to be, and the facts a tree walk collects.

A value is a string (with ``paths.DYN`` standing for each part only known at run time, ``~`` for
the home directory), a symbol (a module or one of its members reached through imports and
aliases: ``child_process.execSync``), a list, an object's literal keys, or nothing known.  The
language modules evaluate their trees into values and report what each call does through
``Collector``; the facts are ``shell.interp.CodeFacts``, judged by rules/interp.py.
"""

from __future__ import annotations

from ..paths import DYN
from ..shell.interp import MAX_FACTS, CodeFacts, made_link, shell_quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


def numeric_escape(raw: str) -> str | None:
    """The characters a numeric escape in a string literal spells -- ``\\xHH``, ``\\x{H…}``, ``\\uHHHH``,
    ``\\u{H… H…}`` (Ruby: several code points), octal ``\\NNN`` -- or None when *raw* is not one (Ruby, Perl, PHP)."""
    body = raw[1:]
    try:
        if body[:2] in ("x{", "u{", "o{") and body.endswith("}"):
            base = 8 if body[0] == "o" else 16
            return "".join(chr(int(h, base)) for h in body[2:-1].split())
        if body[:1] in ("x", "u") and len(body) > 1:
            return chr(int(body[1:], 16))
        if body[:1].isdigit() and all(c in "01234567" for c in body):
            return chr(int(body, 8))
    except (ValueError, OverflowError):
        return None
    return None


# A walk stops after this many nodes (a one-liner has a few hundred; a 64 KiB file some tens of thousands).
MAX_NODES = 60_000
# Expressions evaluated per walk: past this every value is unknown (a balanced tree of `+` would
# otherwise be evaluated again from each of its calls), so the calls found ask rather than allow.
MAX_STEPS = 20_000
# A reader gets this long to walk its tree (both passes); past it the patterns read the code and
# the call is asked about (tsload.Slow), as when the parse itself is too slow.
WALK_BUDGET_S = 0.2
# A loop variable over a literal list of at most this many values is judged with each of them.
MAX_ALTERNATIVES = 16
# Values longer than this are cut (a generated string literal is not a path or a command line worth reading whole).
MAX_TEXT = 4096


class Val:
    """What an expression evaluates to, as far as the analysis can tell."""

    __slots__ = ("decoded", "env", "items", "obj", "secret", "sym", "text", "tilde")

    def __init__(
        self,
        text: str | None = None,
        sym: str | None = None,
        items: list[Val] | None = None,
        obj: dict[str, Val] | None = None,
        env: bool = False,
        decoded: bool = False,
        secret: str | None = None,
        tilde: bool = False,
    ) -> None:
        self.text = text  # a string value (DYN for unknown parts), or None
        self.sym = sym  # a module or member path: "fs.rmSync", "child_process", "process.env"
        self.items = items  # an array / list literal
        self.obj = obj  # an object / hash literal with literal keys
        self.env = env  # the whole environment (process.env, ENV, %ENV, getenv())
        self.decoded = decoded  # the result of a decoding call (base64, hex, rot13, zlib)
        self.secret = secret  # the secret environment variable this value holds or is built from (AWS_SECRET_ACCESS_KEY)
        # A string written with a leading `~` that nothing expanded (Node's fs, Ruby's File and FileUtils take it as a
        # folder named ~ where the code runs: round 16); the home folder itself (os.homedir(), Dir.home) is "~" unmarked.
        self.tilde = tilde


UNKNOWN = Val()


def text_of(v: Val) -> str:
    """*v* as part of a larger string: its text, or DYN."""
    return v.text if v.text is not None else DYN


def concat(parts: list[Val]) -> Val:
    """Parts joined into one string; None-text parts become DYN. Unknown when no part is a string; a secret in
    any part is in the whole."""
    secret = next((p.secret for p in parts if p.secret), None)
    if not any(p.text is not None for p in parts):
        return Val(secret=secret) if secret else UNKNOWN
    text = "".join(text_of(p) for p in parts)[:MAX_TEXT]
    return Val(text, secret=secret, tilde=bool(parts) and parts[0].tilde and text.startswith("~"))


def env_variable(name: str | None) -> Val:
    """The value of environment variable *name*: the home directory, a secret (kept by name), or unknown."""
    if name in ("HOME", "USERPROFILE"):
        return Val("~")
    if name in ("GITHUB_ENV", "GITHUB_PATH"):
        from ..rules.gates import RUNNER_ENV_VARS

        # process.env.GITHUB_ENV, ENV['GITHUB_PATH']: the CI runner's file of variables (of PATH folders) for later steps,
        # the path the shell's `>> "$GITHUB_ENV"` is judged as (engine._runner_env_targets; adversarial round 16g, fix17a)
        return Val(RUNNER_ENV_VARS[name])
    if name and is_secret(name):
        return Val(secret=name)  # only known at run time, like any other variable, but known to be a secret
    return UNKNOWN


def is_secret(name: str) -> bool:
    from ..rules.creds import is_secret_var  # the same reading of variable names as the shell's rules

    return is_secret_var(name)


# Keys of a request's options whose secrets are credentials used as such (a token in a header), not data sent.
_CREDENTIAL_KEYS = frozenset({"headers", "auth", "Authorization", "authorization", "cookies", "agent", "proxy", "cert", "key"})


def secret_of(v: Val | None, depth: int = 0, skip: frozenset[str] = _CREDENTIAL_KEYS) -> str | None:
    """The secret a value carries: its own, or one of its items' or members' (headers and auth left out)."""
    if v is None or depth > 4:
        return None
    if v.secret:
        return v.secret
    for i in (v.items or [])[:40]:
        found = secret_of(i, depth + 1, skip)
        if found:
            return found
    for k, m in list((v.obj or {}).items())[:40]:
        if k not in skip:
            found = secret_of(m, depth + 1, skip)
            if found:
                return found
    return None


def credential_of(v: Val | None, depth: int = 0) -> str | None:
    """The secret a value carries in a credential's place: a member under headers, auth, Authorization, cookies."""
    if v is None or depth > 4:
        return None
    for i in (v.items or [])[:40]:
        found = credential_of(i, depth + 1)
        if found:
            return found
    for k, m in list((v.obj or {}).items())[:40]:
        found = secret_of(m, depth + 1, frozenset()) if k in _CREDENTIAL_KEYS else credential_of(m, depth + 1)
        if found:
            return found
    return None


def join_path(parts: list[Val]) -> Val:
    """path.join / File.join / catfile: parts joined with "/", an absolute part restarting the path."""
    out = ""
    for p in parts:
        t = text_of(p)
        if t.startswith("/") or not out:
            out = t
        else:
            out = out.rstrip("/") + "/" + t
    return Val(out, tilde=bool(parts) and parts[0].tilde and out.startswith("~")) if out else UNKNOWN


def written(text: str) -> Val:
    """A string literal's value: one that starts with `~` is marked as not expanded (Val.tilde)."""
    return Val(text, tilde=text.startswith("~"))


def where(v: Val) -> Val:
    """The file a path value names for a call that does not expand `~`: ./~/… for a literal `~/…` (Val.tilde)."""
    if v.tilde and v.text is not None and v.text.startswith("~"):
        return Val("./" + v.text, secret=v.secret)
    return v


_SYMBOLIC_MODE = frozenset("ugoa+-=rwxXst,")


def mode_literal(node: Any, value: Val) -> str | None:
    """A permission mode as written: the number's own text (`0o777`, `0777`, `511`), or a string's value prefixed
    with `'` (Node's fs.chmod('755'), Ruby's FileUtils.chmod('u+x'): an octal or symbolic string)."""
    if "string" in node.type:
        return None if value.text is None else "'" + value.text
    return node_text(node)


def chmod_mode(literal: str | None) -> str | None:
    """The mode `chmod` would be given for *literal* (mode_literal): octal digits, or a symbolic mode; None when unknown.
    A number with a leading 0 is octal (C, Perl, Ruby, PHP, old JavaScript), 0o/0x/0b as written, other numbers
    decimal; a string of digits is octal."""
    if literal is None or DYN in literal:
        return None
    text = literal.replace("_", "").strip().lower()
    if text.startswith("'"):
        text = text[1:]
        if text.isdigit() and set(text) <= set("01234567") and len(text) <= 5:
            return f"{int(text, 8):o}"
        return text if text and set(text) <= _SYMBOLIC_MODE else None
    try:
        if text[:2] in ("0o", "0x", "0b"):
            n = int(text, 0)
        elif text.startswith("0") and text.isdigit():
            n = int(text, 8)
        elif text.isdigit():
            n = int(text)
        else:
            return None
    except ValueError:
        return None
    return f"{n & 0o7777:o}"


def into_folder(src: Val, dest: Val) -> Val | None:
    """DEST/NAME, where a copy of the file *src* lands when *dest* is a folder (`FileUtils.cp(SRC, DIR)`, Perl's
    `copy(SRC, DIR)`, `shutil.copy2(SRC, DIR)`): None when either is not a literal (adversarial round 15a)."""
    if src.text is None or dest.text is None or DYN in src.text or not src.text.rstrip("/"):
        return None
    return Val(dest.text.rstrip("/") + "/" + src.text.rstrip("/").rpartition("/")[2])


# Programs that read commands from their standard input: wired to a socket, whoever is at the other end runs anything.
_COMMAND_READERS = frozenset(
    {
        "sh",
        "bash",
        "zsh",
        "dash",
        "ksh",
        "ash",
        "mksh",
        "fish",
        "csh",
        "tcsh",
        "busybox",
        "python",
        "perl",
        "ruby",
        "php",
        "node",
        "irb",
        "lua",
        "pwsh",
        "powershell",
        "cmd",
        "cmd.exe",
    }
)


def _program(line: str) -> str:
    """The program a shell line runs (after `cd DIR &&` and NAME=value prefixes), as a bare name: /bin/bash -> bash, python3.12 -> python."""
    words = line.split()
    while words and (words[0] == "cd" or "=" in words[0] or words[0] == "&&"):
        words = words[words.index("&&") + 1 :] if words[0] == "cd" and "&&" in words else words[1:]
    if not words:
        return ""
    name = words[0].strip("'\"").rsplit("/", 1)[-1]
    return name.rstrip("0123456789.") or name


def reads_commands(line: str) -> bool:
    """Whether a shell line starts a program that reads commands (a shell, an interpreter)."""
    return _program(line) in _COMMAND_READERS


def stdin_duplicated(line: str) -> bool:
    """A shell line whose standard input is a duplicated descriptor (`sh -i <&3`, `0<&5`, `<&$fd`): one the code opened."""
    i = line.find("<&")
    while i != -1:
        if i == 0 or line[i - 1] in " \t0":
            rest = line[i + 2 :].lstrip()
            if rest[:1].isdigit() or rest[:1] == DYN:
                return True
        i = line.find("<&", i + 2)
    return False


def remote_shell(f: CodeFacts, stdio: bool) -> bool:
    """A connected socket whose descriptors become the standard streams of a program that reads commands: a reverse shell.
    *stdio*: the reader saw a socket made the code's (or a child's) standard streams (dup2, STDIN reopened, piped)."""
    if not f.network:
        return False
    readers = [t for t in f.shell if reads_commands(t)]
    if stdio and (readers or f.unread_process or any(DYN in _program(t) for t in f.shell)):
        return True  # a program only known at run time may be a shell as well
    return any(stdin_duplicated(t) for t in readers)


def raw_socket(api: str) -> bool:
    """Whether *api* (the name a reader hands Collector.network) makes a raw network socket, a byte stream to or from
    a peer (TCPSocket.new, TCPServer.new, fsockopen, socket_create, stream_socket_server, IO::Socket::INET, socket,
    net.connect, net.createServer), rather than an HTTP request whose response is a document."""
    a = api.lower()
    return "sock" in a or "tcp" in a or "udp" in a or a in ("connect", "net", "dgram", "tls") or a.startswith(("net.", "dgram.", "tls."))


def remote_loop(raw: bool, f: CodeFacts) -> bool:
    """A raw socket, and a process whose command (or program) clearance cannot read: the one input such one-line code
    has besides its literals is what the peer sends, so the process runs the peer's commands, a command loop of a
    remote shell (`while(cmd=c.gets); IO.popen(cmd)`, `shell_exec(socket_read($c))`, `system$_ while<>` on a socket).
    Code whose processes are literal (`system("ls")`) or that talks HTTP is not this."""
    return raw and f.unread_process


def env_prefix(pairs: dict[str, Val] | None) -> str:
    """`NAME=value ` assignments for a process call's own environment (its literal entries), as a shell reads them
    before a command: GIT_SSH_COMMAND, PAGER, LD_PRELOAD… run or change what the command runs."""
    out = []
    for name, v in list((pairs or {}).items())[:40]:
        if name.isascii() and name.replace("_", "a").isalnum() and not name[:1].isdigit() and v.text is not None:
            out.append(f"{name}={shell_quote(v.text)} ")
    return "".join(out)


def argv_line(items: list[Val]) -> str:
    """An argv (program and arguments) as a shell command line, computed items as run-time values."""
    return " ".join(shell_quote(text_of(i)) for i in items)


class Full(Exception):
    """A kind of fact has more than MAX_FACTS different values: the reader stops collecting (Collector._add)."""


class Collector:
    """Fills a CodeFacts from what the walk finds; one method per kind of effect."""

    __slots__ = ("chdirs", "distinct", "environ", "facts", "nested", "raw", "seen_decode", "stdio")

    def __init__(self, lang: str) -> None:
        self.facts = CodeFacts(lang)
        self.facts.parsed = True
        self.seen_decode = False
        self.nested = 0
        self.chdirs: list[str | None] = []  # process.chdir, Dir.chdir, chdir: where the commands run
        self.environ: list[str] = []  # NAME=value assignments the commands inherit (process.env.X =, putenv)
        self.stdio = False  # a socket made the standard streams of the code or of a child (STDIN reopened, piped)
        self.raw = False  # the code makes a raw network socket (values.raw_socket)
        self.distinct: dict[str, set[object]] = {}  # the different values of each kind of fact collected so far

    def _add(self, kind: str, value: object) -> None:
        """Note a fact of *kind* (a CodeFacts list); the reading stops (Full) at its (MAX_FACTS+1)-th different value,
        which interp.cap_facts cuts off and asks about (issue 16: thousands of different deletions read and judged one
        by one took ~0.3 s)."""
        getattr(self.facts, kind).append(value)
        seen = self.distinct.get(kind)
        if seen is None:
            seen = self.distinct[kind] = set()
        seen.add(value)
        if len(seen) > MAX_FACTS:
            raise Full

    def chdir(self, v: Val) -> None:
        """The code moves to *v*: the commands it runs start there (wherever the call stands, as for Python)."""
        self.chdirs.append(v.text if v.text is not None and not v.text.startswith(DYN) else None)

    def setenv(self, name: str, v: Val) -> None:
        """The code sets environment variable *name*: the commands it runs inherit it."""
        if name.isascii() and name.replace("_", "a").isalnum() and not name[0].isdigit() and len(self.environ) < 40:
            self.environ.append(f"{name}={shell_quote(text_of(v))}")

    def may_nest(self, text: str, depth: int) -> bool:
        """Whether literal code handed to eval (``eval('1 + 1')``) is read as code of its own: up
        to three levels deep, 16 pieces, 4 KB each; beyond that it counts as code built at run time."""
        self.nested += 1
        return depth < 3 and self.nested <= 16 and len(text) <= 4096

    def ask(self, reason: str) -> None:
        if reason not in self.facts.opaque and len(self.facts.opaque) < 20:
            self.facts.opaque.append(reason)

    def load(self, v: Val, api: str) -> None:
        """Code loaded from a file (`require "/tmp/x.pl"`, `include "/tmp/x.php"`, `require("/tmp/x.js")`): a file named
        at run time, or by an absolute path (outside the project, where no reader follows it), is code clearance does
        not read, asked about as `runpy.run_path(F)` and Ruby's `load F` are; a module name or a path relative to the
        project is the program's own business."""
        if v.text is None or DYN in v.text:
            self.ask(f"loads code from a file named at run time ({api})")
        elif "://" in v.text:
            self.ask(f"loads and runs code from {v.text} ({api})")  # PHP's include of a URL (allow_url_include)
        elif v.text.startswith("/"):
            self.ask(f"loads code from {v.text}, which clearance does not read ({api})")

    def delete(self, v: Val, api: str) -> None:
        if v.items is not None:
            for i in v.items[:40]:
                self.delete(i, api)
            return
        v = where(v)
        if v.text is None or v.text.startswith(DYN):
            self._add("deletes", None)  # a path whose start is only known at run time may be anywhere
            self.ask(f"deletes a path computed at run time ({api})")
        else:
            self._add("deletes", v.text)

    def choose(self, v: Val, api: str) -> None:
        """Some of a wildcard's entries, picked by a test the reader does not evaluate (interp.opaque asks where
        deleting all of them would not be allowed)."""
        v = where(v)
        if v.text is None or v.text.startswith(DYN):
            self.delete(v, api)
        else:
            self._add("chosen_deletes", v.text)

    def write(self, v: Val, api: str) -> None:
        v = where(v)
        if v.text is None:
            self.ask(f"writes a file whose path is computed at run time ({api})")
        else:
            self._add("writes", v.text)

    def mode_change(self, target: Val, literal: str | None, api: str, recursive: bool = False) -> None:
        """A permission change of *target* to the mode written as *literal* (mode_literal): judged as `chmod MODE
        TARGET` typed, by the mode it sets (round 16: a home folder opened to every user was only a write); a mode or
        path only known at run time is a write of the path."""
        mode = chmod_mode(literal)
        if target.items is not None:
            for i in target.items[:40]:
                self.mode_change(i, literal, api, recursive)
            return
        target = where(target)
        t = target.text
        if mode is None or t is None or DYN in t or not t.strip():
            self.write(target, api)
            return
        named = "~" + ("/" + shell_quote(t[2:]) if t[2:] else "") if t in ("~", "~/") or t.startswith("~/") else shell_quote(t)
        self._add("shell", f"chmod {'-R ' if recursive else ''}{shell_quote(mode)} -- {named}")

    def move(self, src: Val, dst: Val, api: str) -> None:
        """A rename of *src* to *dst*: both names are written, and *src* noted as moved (CodeFacts.moved)."""
        self.write(src, api)
        self.write(dst, api)
        src = where(src)
        if src.text is not None:
            self._add("moved", src.text)

    def link(self, target: Val, name: Val, api: str, symbolic: bool = True) -> None:
        """A link named *name* made to *target*: the name is written, and the link judged as `ln -s` makes it."""
        self.write(name, api)
        made_link(self.facts, target.text, name.text, symbolic)

    def read(self, v: Val) -> None:
        v = where(v)
        if v.text is not None:
            self._add("reads", v.text)

    def command_line(self, v: Val, api: str, env: str = "") -> None:
        """A process started from a command line a shell reads (*env*: assignments of its own environment)."""
        self.facts.process = True
        if v.items is not None:
            self.argv(v.items, api, env)
        elif v.text is None or v.text.strip() == DYN:
            self.facts.unread_process = True
            self.ask(f"starts a process whose command is computed at run time ({api})")
        else:
            # A command line's own environment holds for every command in it (each line is read on its own).
            self._add("shell", f"export {env.strip()}; {v.text}" if env else v.text)

    def argv(self, items: list[Val], api: str, env: str = "") -> None:
        """A process started from a program and its arguments (no shell)."""
        self.facts.process = True
        if not items or items[0].text is None or items[0].text == DYN:
            self.facts.unread_process = True
            self.ask(f"starts a program whose name is computed at run time ({api})")
            return
        self._add("shell", env + argv_line(items[:60]))

    def network(self, v: Val | None, api: str, body: list[Val] | None = None) -> None:
        """A request to *v* (its address) carrying *body* (the data it sends)."""
        self.facts.network = True
        self.raw = self.raw or raw_socket(api)
        url = address_of(v, api) if v is not None else None
        if url is not None:
            self._add("urls", url)
        for part in [v, *(body or [])]:
            if part is not None and part.env:
                self.facts.env_dump = True  # the whole environment as a request's data (curl_setopt($c, CURLOPT_POSTFIELDS, getenv()))
            name = secret_of(part)
            if name and len(self.facts.secrets) < 20:
                self.facts.secrets.append((name, url))
            name = credential_of(part)
            if name and len(self.facts.credentials) < 20:
                self.facts.credentials.append((name, url))

    def dynamic(self, api: str) -> None:
        self.facts.dynamic = True
        self.ask(f"runs code built at run time ({api})")

    def env_dump(self) -> None:
        self.facts.env_dump = True

    def merge(self, inner: CodeFacts) -> None:
        """The facts of code this code evaluates from a literal (``eval('…')``), as its own."""
        f = self.facts
        f.deletes += inner.deletes
        f.reads += inner.reads
        f.writes += inner.writes
        f.links += inner.links
        f.process |= inner.process
        f.unread_process |= inner.unread_process
        f.shell += inner.shell
        f.network |= inner.network
        f.dynamic |= inner.dynamic
        f.env_dump |= inner.env_dump
        f.urls += inner.urls
        f.secrets += inner.secrets
        f.credentials += inner.credentials
        f.runs_received |= inner.runs_received
        for r in inner.opaque:
            self.ask(r)

    def finish(self) -> CodeFacts:
        f = self.facts
        f.decoded_exec = f.dynamic and self.seen_decode
        if remote_shell(f, self.stdio) or remote_loop(self.raw, f):
            f.runs_received = True
        if self.environ:
            # GIT_SSH_COMMAND=… git fetch is judged as typed; the assignments prefix every command the code runs.
            f.shell = [" ".join(self.environ) + " " + t for t in f.shell]
        if self.chdirs:
            targets = set(self.chdirs)
            if len(targets) != 1 or None in targets:
                self.ask("changes to a working directory only known at run time")
            else:
                at = next(iter(targets)) or ""
                where = shell_quote(at)
                f.shell = [t if t.startswith("cd ") else f"cd {where} && {t}" for t in f.shell]
                f.links = [(t if t.startswith(("/", "~")) else at + "/" + t, n if n.startswith(("/", "~")) else at + "/" + n, sym) for t, n, sym in f.links]
        return f


def address_of(v: Val, api: str) -> str | None:
    """The address of a request given as *v*: a URL string, or the parts of an options object -- ``{url}`` or
    ``{baseURL}`` (axios, got), ``{protocol, hostname | host, port}`` (Node's http.request, https.get, net.connect).
    A part known only at run time makes the host DYN (an address only known at run time); an object naming no
    address, or a string that is not a URL, gives None (the address is unknown)."""
    if v.obj is None:
        return v.text if v.text is not None and "://" in v.text else None
    parts = v.obj
    for key in ("url", "baseURL", "baseUrl", "href"):
        part = parts.get(key)
        if part is not None:
            if part.text is not None and "://" in part.text:
                return part.text
            return None if part.text is not None and DYN not in part.text else f"http://{DYN}/"
    host = parts.get("hostname") or parts.get("host")
    if host is None:
        return None
    if host.text is None or DYN in host.text or not host.text:
        return f"http://{DYN}/"
    proto = parts.get("protocol")
    scheme = proto.text.rstrip(":") if proto is not None and proto.text and DYN not in proto.text else ("https" if "https" in api or "tls" in api else "http")
    port = parts.get("port")
    at = f":{port.text}" if port is not None and port.text and port.text.isdigit() else ""
    return f"{scheme}://{host.text}{at}/"


def deadline() -> float:
    """When a walk that starts now must stop (WALK_BUDGET_S from now)."""
    from time import perf_counter

    return perf_counter() + WALK_BUDGET_S


class TreeReader:
    """What every language's reader keeps while it walks one program: the facts it collects, the names bound once
    and their values, how often each name is assigned, the step and time budgets, and the nodes already judged."""

    __slots__ = ("alternatives", "bound", "c", "counts", "depth", "safe", "steps", "stop")

    def __init__(self, lang: str, depth: int) -> None:
        self.c = Collector(lang)
        self.bound: dict[str, Val] = {}
        self.counts: dict[str, int] = {}
        self.depth = depth
        self.steps = 0
        self.stop = deadline()
        self.safe: set[tuple[int, int]] = set()
        self.alternatives: dict[str, list[Val]] = {}  # loop variables over a literal list of several values

    def run(self, root: Any) -> CodeFacts:
        raise NotImplementedError

    def read(self, root: Any) -> CodeFacts:
        """The facts of the tree under *root*: all of them, or those collected until a kind of fact passed MAX_FACTS
        different values (Full): the reading stops there, and interp.cap_facts asks about what was not read."""
        try:
            return self.run(root)
        except Full:
            return self.c.finish()

    def loop(self, name: str, over: Val, pattern: bool = False) -> None:
        """A loop variable (for-of, .each, foreach, for my $x): over a literal list it is its one value, or each of several
        (the calls that use it are judged once per value, see ``each``); over a glob (*pattern*) it is the pattern, a
        name for each file it matches (as Python's reader binds `for f in glob.glob(p)`)."""
        if not name:
            return
        if pattern:
            if over.text is not None:
                self.bound[name] = Val(over.text)
            return
        if over.items is None:
            return
        distinct = list({(v.text, v.sym): v for v in over.items[:60]}.values())
        if len(distinct) == 1:
            self.bound[name] = distinct[0]
        elif 1 < len(distinct) <= MAX_ALTERNATIVES:
            self.alternatives[name] = distinct

    def each(self, node: Any, judge: Any, names: frozenset[str]) -> None:
        """*judge*(node) once, or once for each value of a loop variable the node uses (an identifier of a type in *names*)."""
        if self.alternatives:
            for k, n in enumerate(walk(node, self.stop)):
                if k > 2_000:
                    break  # a call spanning this much code: judged once, its loop variable unknown (asked)
                if n.type in names and node_text(n) in self.alternatives:
                    name = node_text(n)
                    saved = self.bound.get(name)
                    try:
                        for v in self.alternatives[name]:
                            self.bound[name] = v
                            judge(node)
                    finally:
                        if saved is None:
                            self.bound.pop(name, None)
                        else:
                            self.bound[name] = saved
                    return
        judge(node)

    def spent(self, node: Any, level: int) -> bool:
        """One more step of evaluation; True when there is nothing to evaluate or the budget is spent (the value is unknown)."""
        self.steps += 1
        return node is None or level > 40 or self.steps > MAX_STEPS


def walk(root: Any, stop: float = float("inf")) -> Iterator[Any]:
    """Every node of the tree in document order (pre-order), at most MAX_NODES of them; raises
    tsload.Slow when the clock passes *stop* (checked every 1024 nodes)."""
    from time import perf_counter

    stack = [root]
    n = 0
    while stack and n < MAX_NODES:
        node = stack.pop()
        n += 1
        if not n & 1023 and perf_counter() > stop:
            from .tsload import Slow

            raise Slow
        yield node
        children = node.children
        if children:
            stack.extend(reversed(children))


def node_text(node: Any) -> str:
    return node.text.decode("utf-8", "replace") if node is not None and node.text is not None else ""
