"""Unwrapping what programs read from sockets and templates: a datastore's protocol typed into nc or telnet, a TLS
client's input, code that opens a socket shell, ERB and m4 templates.  Loaded the first time a command needs one of
these methods (unwrap.Unwrapper.__getattr__)."""

from __future__ import annotations

from ..lazyre import lazy
from .ir import SimpleCommand, Word
from .outputs import literal_stdin
from .unwrap import MAX_INPUT_LINES, Unwrapper


def _erb_code(text: str) -> list[str]:
    """The Ruby of ERB's tags, as re.finditer finds `<%[=-]?(.*?)-?%>` (DOTALL) but in linear time: the pattern scans to
    the end of the text from every `<%` of a tag left open.  Each tag's code ends at the first `%>` (and before a `-`
    just ahead of it); past the last `%>` no tag closes."""
    out: list[str] = []
    pos = 0
    while (start := text.find("<%", pos)) >= 0:
        body = start + 3 if text[start + 2 : start + 3] in ("=", "-") else start + 2
        close = text.find("%>", body)
        if close < 0:
            break
        out.append(text[body : close - 1 if close > body and text[close - 1] == "-" else close])
        pos = close + 2
    return out


_M4_SYSCMD = lazy(r"\b(e?syscmd)\(([^()]*(?:\([^()]*\)[^()]*)*)\)")


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


class Methods(Unwrapper):
    """The methods Unwrapper takes on from here (unwrap.LATER)."""

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
            code = "\n".join(c.strip() for c in _erb_code(text))
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
