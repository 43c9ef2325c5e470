"""Which local TCP port a command listens on, and which loopback ports clearance's own services answer on.

clearance talks to services it trusts over loopback: a local reviewer model (``[reviewer] base_url`` on 127.0.0.1,
an OpenAI-compatible server that needs no key), the team service (``CLEARANCE_SERVER`` on localhost, whose URL the
hook's local fallback is told as CLEARANCE_TEAM_SERVICE), a local audit store (``[audit] url`` postgresql://localhost).
Nothing authenticates the answerer but the port: a program the agent starts there while the real service is not
running answers for it (a reviewer that clears every soft denial).
``own_endpoints`` (ownports.py, loaded on every call where a policy names such a service) reads those ports from
the effective policy and the hook's environment; ``listen_ports`` reads the
port each listener program binds, by its own option grammar (rule self.forged-endpoint compares the two).

Pure: no I/O. Imported only for a listener program's command where a policy names a loopback endpoint.
"""

from __future__ import annotations

from .ownports import LISTENER_NAMES, _port, endpoint_port, loopback, own_endpoints

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .shell.ir import SimpleCommand

__all__ = ["LISTENER_NAMES", "answers_loopback", "endpoint_port", "listen_ports", "loopback", "own_endpoints"]

# Addresses a listener answers loopback clients on: all interfaces or loopback itself ("" = not given: all).
_ANY = frozenset({"", "*", "0.0.0.0", "::", "[::]", "localhost", "::1", "[::1]", "ip6-localhost", "0"})


def answers_loopback(host: str) -> bool:
    """Whether a listener bound to *host* answers a client connecting to 127.0.0.1 / localhost."""
    return host.lower() in _ANY or loopback(host)


# -- the listener programs' own grammars -------------------------------------------------------------------------


def _opt(vals: list[str], i: int, shorts: tuple[str, ...], longs: tuple[str, ...]) -> tuple[str | None, int]:
    """(value, words taken) when vals[i] is one of the options: `-p N`, `-pN`, `--port N`, `--port=N`; (None, 0) else."""
    v = vals[i]
    for o in longs:
        if v == o:
            return (vals[i + 1] if i + 1 < len(vals) else None), 2
        if v.startswith(o + "="):
            return v[len(o) + 1 :], 1
    for o in shorts:
        if v == o:
            return (vals[i + 1] if i + 1 < len(vals) else None), 2
        if v.startswith(o) and len(v) > len(o) and not v.startswith("--"):
            rest = v[len(o) :]
            return (rest[1:] if rest.startswith("=") else rest), 1
    return None, 0


def _host_port(text: str) -> tuple[str, int | None]:
    """`HOST:PORT`, `[::1]:PORT`, `:PORT`, `PORT`, `tcp://HOST:PORT`, `http://HOST:PORT` -> (host, port)."""
    t = text.strip()
    if "://" in t:
        t = t.split("://", 1)[1].split("/", 1)[0]
    if t.startswith("["):
        host, _, tail = t[1:].partition("]")
        return host, _port(tail[1:]) if tail.startswith(":") else None
    if ":" in t:
        host, _, port = t.rpartition(":")
        return host, _port(port)
    p = _port(t)
    return ("", p) if p is not None else (t, None)


# Servers whose port is `--port N` / `-p N` (and whose address `--host H` / `-H`/`-h`/`-b`/`--bind`), with the port
# they take when none is given (None: no default worth comparing). Read from each program's documented options.
_PORT_SERVERS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], int | None]] = {
    # name: (port shorts, port longs, host options, default port)
    "http-server": (("-p",), ("--port",), ("-a",), 8080),
    "live-server": ((), ("--port",), ("--host",), 8080),
    "json-server": (("-p",), ("--port",), ("-H", "--host"), 3000),
    "uvicorn": ((), ("--port",), ("--host",), 8000),
    "hypercorn": ((), (), (), 8000),
    "vite": ((), ("--port",), ("--host",), 5173),
    "next": (("-p",), ("--port",), ("-H", "--hostname"), 3000),
    "jupyter": ((), ("--port", "--ServerApp.port", "--NotebookApp.port"), ("--ip",), 8888),
    "jupyter-lab": ((), ("--port", "--ServerApp.port"), ("--ip",), 8888),
    "jupyter-notebook": ((), ("--port", "--NotebookApp.port"), ("--ip",), 8888),
    "hugo": (("-p",), ("--port",), ("--bind",), 1313),
    "llama-server": ((), ("--port",), ("--host",), 8080),
    "vllm": ((), ("--port",), ("--host",), 8000),
    "litellm": ((), ("--port",), ("--host",), 4000),
    "lms": ((), ("--port",), (), 1234),
    "mlx_lm.server": ((), ("--port",), ("--host",), 8080),
    "webpack-dev-server": ((), ("--port",), ("--host",), 8080),
    "streamlit": ((), ("--server.port",), ("--server.address",), 8501),
    "gradio": ((), (), (), None),
    "websocat": (("-s",), ("--server",), (), None),
    "miniserve": (("-p",), ("--port",), ("-i", "--interfaces"), 8080),
    "dufs": (("-p",), ("--port",), ("-b", "--bind"), 5000),
    "http.server": ((), (), ("-b", "--bind"), 8000),
    "SimpleHTTPServer": ((), (), (), 8000),
}
# Their subcommand that serves (the others only build or print): `next dev`, `hugo server`, `vllm serve`, `lms server start`.
_SERVE_VERB = {"next": ("dev", "start"), "hugo": ("server", "serve"), "vllm": ("serve",), "jupyter": ("lab", "notebook", "server"), "lms": ("server",)}
_NC = frozenset({"nc", "ncat", "netcat", "nc.openbsd", "nc.traditional"})
# netcat options that take a value (openbsd, traditional, ncat).
_NC_VALUED = frozenset("sipqwxXTIOMVe") | {"c"}
_NC_LONG_VALUED = frozenset(
    {"--source", "--wait", "--exec", "--sh-exec", "--lua-exec", "--proxy", "--proxy-type", "--max-conns", "--allow", "--deny", "--output"}
)
_CONTAINERS = frozenset({"docker", "podman", "nerdctl", "finch"})
_SSH = frozenset({"ssh", "autossh"})


def listen_ports(cmd: SimpleCommand) -> list[tuple[int, str]]:
    """(port, bind address or "") of each local TCP port *cmd* listens on, read by its program's grammar."""
    if cmd.remote is not None:
        return []  # a command on another host (or in a new container) listens there
    conventional = _conventional_ports(cmd)
    if cmd.name not in LISTENER_NAMES:
        return conventional  # a program not read here: only what the conventions of every server say
    return conventional + _own_grammar(cmd)


def _conventional_ports(cmd: SimpleCommand) -> list[tuple[int, str]]:
    """The ports a program is told to listen on by the conventions servers share rather than its own grammar (fix16,
    round 15a's open listeners): the PORT variable (twelve-factor apps, Express, Next.js, Create React App, Heroku's
    and every PaaS's convention); a package script's forwarded `--port N`/`-p N` (`npm run dev -- --port N`, `yarn dev
    --port N`: the dev server's option); caddy's `--listen [HOST]:N`."""
    out: list[tuple[int, str]] = []
    port = cmd.assigns.get("PORT", "")
    if port.isdigit():
        out.append((int(port), ""))
    name, vals = cmd.name, cmd.values()
    forwarded: list[str] = []
    if name == "npm" and "--" in vals:
        forwarded = vals[vals.index("--") + 1 :]
    elif name in ("yarn", "pnpm", "bun", "npx", "pnpx", "bunx") and vals:
        forwarded = vals[1:]
    elif name == "caddy":
        for i, v in enumerate(vals):
            given = vals[i + 1] if v == "--listen" and i + 1 < len(vals) else v[9:] if v.startswith("--listen=") else ""
            tail = given.rpartition(":")[2]
            if tail.isdigit():
                out.append((int(tail), given.rpartition(":")[0]))
    for i, v in enumerate(forwarded):
        given = forwarded[i + 1] if v in ("--port", "-p") and i + 1 < len(forwarded) else v[7:] if v.startswith("--port=") else ""
        if given.isdigit():
            out.append((int(given), ""))
    return out


def _own_grammar(cmd: SimpleCommand) -> list[tuple[int, str]]:
    name, vals = cmd.name, cmd.values()
    if name in _NC:
        return _netcat(name, vals)
    if name == "socat":
        return _socat(vals)
    if name in _CONTAINERS:
        return _published(vals)
    if name in _SSH:
        return _ssh(vals)
    if name in ("kubectl", "oc"):
        return _port_forward(vals)
    if name == "ollama":
        return _ollama(cmd, vals)
    if name in ("gunicorn", "hypercorn", "waitress-serve", "daphne"):
        return _bind_servers(name, vals)
    if name == "flask":
        return _flask(cmd, vals)
    if name in ("php", "php-cgi"):
        return _php(vals)
    if name == "serve":
        return _vercel_serve(vals)
    if name in ("mkdocs",):
        return _addr_option(vals, ("-a",), ("--dev-addr",), 8000, "serve")
    if name == "openssl":
        return _openssl(vals)
    if name == "busybox" and vals[:1] == ["httpd"]:
        return _addr_option(vals[1:], ("-p",), (), 80, None)
    if name in _PORT_SERVERS:
        return _port_server(name, vals)
    return []


def _netcat(name: str, vals: list[str]) -> list[tuple[int, str]]:
    listen, port, host, operands = False, None, "", []
    i = 0
    while i < len(vals):
        v = vals[i]
        if v in ("--listen",):
            listen = True
        elif v == "--udp":
            return []
        elif v.startswith("--"):
            if v in _NC_LONG_VALUED:
                if v == "--source" and i + 1 < len(vals):
                    host = vals[i + 1]
                i += 1
        elif v.startswith("-") and len(v) > 1:
            j = 1
            while j < len(v):
                c = v[j]
                if c == "l":
                    listen = True
                elif c == "u":
                    return []  # UDP: no HTTP client reaches it
                elif c in _NC_VALUED:
                    val = v[j + 1 :] or (vals[i + 1] if i + 1 < len(vals) else "")
                    if not v[j + 1 :]:
                        i += 1
                    if c == "p":
                        port = _port(val)
                        if port is None:
                            return []  # `-p "$PORT"`: only known at run time
                    elif c == "s":
                        host = val
                    break
                j += 1
        else:
            operands.append(v)
        i += 1
    if not listen:
        return []
    # openbsd: `nc -l [HOST] PORT`; ncat: `ncat -l [HOST] [PORT]` (31337 by default)
    for o in reversed(operands):
        p = _port(o)
        if p is not None and port is None:
            port = p
        elif p is None and not host:
            host = o
    if port is None and name == "ncat":
        port = 31337
    return [(port, host)] if port is not None else []


def _socat(vals: list[str]) -> list[tuple[int, str]]:
    out = []
    for v in vals:
        kind, _, rest = v.partition(":")
        if kind.upper() in ("TCP-LISTEN", "TCP4-LISTEN", "TCP6-LISTEN", "TCP-L", "TCP4-L", "TCP6-L", "OPENSSL-LISTEN", "SSL-L", "SSL-LISTEN"):
            port_text, _, opts = rest.partition(",")
            p = _port(port_text)
            host = next((o.split("=", 1)[1] for o in opts.split(",") if o.lower().startswith(("bind=", "so-bindtodevice="))), "")
            if p is not None:
                out.append((p, host.split(":", 1)[0] if host.count(":") == 1 else host))
    return out


def _published(vals: list[str]) -> list[tuple[int, str]]:
    """`docker run -p [IP:]HOST:CONTAINER[/proto]` / `--publish`: the host port (a bare CONTAINER port gets a random one)."""
    if not any(v in ("run", "create", "container") for v in vals[:3]):
        return []
    out = []
    i = 0
    while i < len(vals):
        val, took = _opt(vals, i, ("-p",), ("--publish",))
        if took:
            i += took
            if val:
                spec = val.split("/", 1)[0]
                parts = spec.rsplit(":", 2) if not spec.startswith("[") else [spec.split("]", 1)[0] + "]", *spec.split("]:", 1)[1].split(":")]
                if len(parts) >= 2:
                    host = parts[0] if len(parts) == 3 else ""
                    hp = parts[-2]
                    p = _port(hp.split("-", 1)[0])
                    if p is not None:
                        out.append((p, host))
            continue
        i += 1
    return out


def _forward_spec(spec: str) -> tuple[int, str] | None:
    """ssh's `[bind:]port:host:hostport` or `[bind:]port` (for -D): the local port and bind address."""
    if spec.startswith("/"):
        return None  # a Unix socket
    parts = spec.split(":") if not spec.startswith("[") else [spec.split("]", 1)[0].lstrip("["), *spec.split("]:", 1)[-1].split(":")]
    if len(parts) in (1, 3):  # -D port / -L port:host:hostport
        p = _port(parts[0])
        return (p, "localhost") if p is not None else None
    if len(parts) in (2, 4):
        p = _port(parts[1])
        return (p, parts[0]) if p is not None else None
    return None


# ssh's options that take a value (the rest of the word or the next one); the others are flags that may be clustered
# before one (`-fNL 11434:localhost:80`).
_SSH_VALUED = frozenset("BbcDEeFIiJLlmOoPpQRSWw")


def _ssh(vals: list[str]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    specs: list[tuple[str, str]] = []  # (option letter, value)
    i = 0
    dest_local = False
    while i < len(vals):
        v = vals[i]
        if v.startswith("-") and len(v) > 1 and not v.startswith("--"):
            for j in range(1, len(v)):
                if v[j] in _SSH_VALUED:
                    val = v[j + 1 :]
                    if not val and i + 1 < len(vals):
                        i += 1
                        val = vals[i]
                    specs.append((v[j], val))
                    break
        elif not v.startswith("-") and v.split("@")[-1] in ("localhost", "127.0.0.1", "::1"):
            dest_local = True
        i += 1
    for letter, val in specs:
        if letter in "LD":
            got = _forward_spec(val)
        elif letter == "R":
            # -R opens the port on the destination's side: this machine only when the destination is itself.
            got = _forward_spec(val) if dest_local else None
        elif letter == "o":
            key, _, rest = val.replace("=", " ", 1).partition(" ")
            got = _forward_spec(rest.strip().split()[0]) if key.lower() in ("localforward", "dynamicforward") and rest.strip() else None
        else:
            got = None
        if got is not None:
            out.append(got)
    return out


def _port_forward(vals: list[str]) -> list[tuple[int, str]]:
    if "port-forward" not in vals:
        return []
    rest = vals[vals.index("port-forward") + 1 :]
    address = "localhost"
    out = []
    i = 0
    while i < len(rest):
        val, took = _opt(rest, i, (), ("--address",))
        if took:
            address = (val or "localhost").split(",")[0]
            i += took
            continue
        v = rest[i]
        if not v.startswith("-") and (v[:1].isdigit() or v.startswith(":")):
            p = _port(v.split(":", 1)[0])
            if p is not None:
                out.append((p, address))
        i += 1
    return [(p, address) for p, _ in out]


def _ollama(cmd: SimpleCommand, vals: list[str]) -> list[tuple[int, str]]:
    if vals[:1] != ["serve"]:
        return []
    raw = cmd.assigns.get("OLLAMA_HOST", "127.0.0.1:11434") or "127.0.0.1:11434"
    host, port = _host_port(raw)
    return [(port if port is not None else 11434, host)]


def _bind_servers(name: str, vals: list[str]) -> list[tuple[int, str]]:
    out = []
    i = 0
    while i < len(vals):
        val, took = _opt(vals, i, ("-b",), ("--bind", "--listen", "--port"))
        if took:
            i += took
            if val and not val.startswith("unix:"):
                host, p = _host_port(val)
                if p is not None:
                    out.append((p, host))
            continue
        i += 1
    if not out and name in ("gunicorn", "hypercorn"):
        out.append((8000, "127.0.0.1"))
    return out


def _flask(cmd: SimpleCommand, vals: list[str]) -> list[tuple[int, str]]:
    if "run" not in vals:
        return []
    got = _addr_option(vals, ("-p",), ("--port",), None, None)
    host = next((vals[i + 1] for i, v in enumerate(vals[:-1]) if v in ("-h", "--host")), "")
    if got:
        return [(got[0][0], host)]
    p = _port(cmd.assigns.get("FLASK_RUN_PORT", "5000"))
    return [(p, host)] if p is not None else []


def _php(vals: list[str]) -> list[tuple[int, str]]:
    for i, v in enumerate(vals):
        spec = vals[i + 1] if v == "-S" and i + 1 < len(vals) else v[2:] if v.startswith("-S") and len(v) > 2 else None
        if spec:
            host, p = _host_port(spec)
            return [(p, host)] if p is not None else []
    return []


def _vercel_serve(vals: list[str]) -> list[tuple[int, str]]:
    got = _addr_option(vals, ("-l", "-p"), ("--listen", "--port"), 3000, None)
    return got


def _openssl(vals: list[str]) -> list[tuple[int, str]]:
    if vals[:1] != ["s_server"]:
        return []
    return _addr_option(vals[1:], ("-accept", "-port"), (), 4433, None)


def _addr_option(vals: list[str], shorts: tuple[str, ...], longs: tuple[str, ...], default: int | None, verb: str | None) -> list[tuple[int, str]]:
    """A server whose address option is `PORT` or `HOST:PORT`; *default* when none is given (after *verb*, if named)."""
    if verb is not None and verb not in vals:
        return []
    i = 0
    while i < len(vals):
        if vals[i] in shorts or vals[i] in longs or any(vals[i].startswith(o + "=") for o in longs):
            val, took = _opt(vals, i, shorts, longs)
        else:
            val, took = None, 0
        if took:
            host, p = _host_port(val or "")
            return [(p, host)] if p is not None else []  # an address only known at run time is none to compare
        i += 1
    return [(default, "")] if default is not None else []


def _port_server(name: str, vals: list[str]) -> list[tuple[int, str]]:
    shorts, longs, hosts, default = _PORT_SERVERS[name]
    verbs = _SERVE_VERB.get(name)
    if verbs is not None and not any(v in verbs for v in vals[:2]):
        return []
    if any(v in ("--help", "-h", "--version", "-V") for v in vals[:1]):
        return []
    port: int | None = None
    host = ""
    i = 0
    positional: list[str] = []
    while i < len(vals):
        val, took = _opt(vals, i, shorts, longs) if (shorts or longs) else (None, 0)
        if took:
            port = _port(val) if val is not None else None
            if port is None:
                return []  # a port only known at run time (`--port "$PORT"`) is none to compare
            i += took
            continue
        hv, htook = _opt(vals, i, (), hosts) if hosts else (None, 0)
        if not htook and vals[i] in hosts:
            hv, htook = (vals[i + 1] if i + 1 < len(vals) else None), 2
        if htook:
            host = hv or ""
            i += htook
            continue
        if not vals[i].startswith("-"):
            positional.append(vals[i])
        i += 1
    if port is None and name in ("http.server", "SimpleHTTPServer", "websocat"):
        port = next((p for p in (_port(v) for v in positional) if p is not None), None)
    if port is None and name in ("hypercorn",):
        return _bind_servers(name, vals)
    if port is None:
        port = default
    return [(port, host)] if port is not None else []
