"""The trust boundary: which destinations are the organisation's own.

Issue 3 (policy layers) fills it from the managed, user and project files; the
analysers only ask the questions below.  Matching is glob-style and
case-insensitive for hosts.  A service is compared by the parts of its URL
(host, port, path segments), never as a text prefix: ``https://tools.acme.com``
does not cover ``tools.acme.com.evil.example`` nor ``tools.acme.com@evil.example``.
"""

from __future__ import annotations

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", "host.docker.internal"})


def _fnmatchcase(name: str, pat: str) -> bool:
    """fnmatch.fnmatchcase; a pattern without wildcards is compared as it is (fnmatch compiles a regular
    expression, and importing it and re costs a cold hook ~5 ms)."""
    if "*" not in pat and "?" not in pat and "[" not in pat:
        return name == pat
    from fnmatch import fnmatchcase

    return fnmatchcase(name, pat)


class Trust:
    __slots__ = ("directories", "git_remotes", "buckets", "domains", "services", "mcp_servers", "trust_origin", "_services")

    def __init__(
        self,
        directories: tuple[str, ...] = (),
        git_remotes: tuple[str, ...] = (),
        buckets: tuple[str, ...] = (),
        domains: tuple[str, ...] = (),
        services: tuple[str, ...] = (),
        trust_origin: bool = True,
        mcp_servers: tuple[str, ...] = (),
    ) -> None:
        self.directories = directories
        self.git_remotes = git_remotes
        self.buckets = buckets
        self.domains = domains
        self.services = services
        self.mcp_servers = mcp_servers
        self.trust_origin = trust_origin
        self._services: list[tuple[str, str, str]] | None = None

    def for_home(self, home: str) -> Trust:
        """The same boundary with '~' in directory globs expanded."""
        if not any(d.startswith("~") for d in self.directories):
            return self
        dirs = tuple(home + d[1:] if d.startswith("~") else d for d in self.directories)
        return Trust(dirs, self.git_remotes, self.buckets, self.domains, self.services, self.trust_origin, self.mcp_servers)

    def host_is_local(self, host: str) -> bool:
        h = host.lower().strip("[]")
        return h in LOCAL_HOSTS or h.startswith("127.") or h.endswith(".localhost") or h == "::1"

    def host_is_trusted(self, host: str) -> bool:
        h = host.lower()
        if self.host_is_local(h):
            return True
        return any(_fnmatchcase(h, d.lower()) or h == d.lower().lstrip("*.") for d in self.domains)

    def url_is_trusted(self, url: str) -> bool:
        host = url_host(url)
        if host and self.host_is_trusted(host):
            return True
        return self.service_is_trusted(url)

    def service_is_trusted(self, url: str) -> bool:
        """Whether *url* is inside one of the ``services`` the policy names (host, port and path prefix)."""
        if not self.services:
            return False
        if self._services is None:
            self._services = [p for p in (parse_service(s) for s in self.services) if p is not None]
        target = split_url(url)
        if target is None:
            return False
        host, port, path = target
        local = self.host_is_local(host)
        for s_host, s_port, s_path in self._services:
            # localhost, 127.0.0.1 and ::1 name the same machine: a service on one is the service on the others.
            same_host = _fnmatchcase(host, s_host) or (local and self.host_is_local(s_host))
            if not same_host or not (s_port == "*" or _fnmatchcase(port, s_port)):
                continue
            if not s_path or s_path == "/":
                return True
            if _unsafe_path(path):
                continue
            base = s_path.rstrip("/")
            if path == base or path.startswith(base + "/"):
                return True
        return False

    def mcp_server_is_trusted(self, tool_name: str) -> bool:
        """Whether the MCP tool ``mcp__<server>__<tool>`` belongs to a server named in ``mcp_servers``."""
        parts = tool_name.split("__", 2)
        if len(parts) != 3 or parts[0] != "mcp" or not parts[1]:
            return False
        server = parts[1].lower()
        return any(_fnmatchcase(server, p.lower()) for p in self.mcp_servers)

    def remote_is_trusted(self, url: str) -> bool:
        norm = normalise_remote(url)
        if self.git_remotes and _unsafe_path(norm.partition("/")[2]):
            # `https://github.com/acme/../evil/x`: the client (curl drops dot segments) or the server's file system
            # (ssh's `host:acme/../evil/x`) reaches another repository than the glob `github.com/acme/*` saw
            # (adversarial round 19a); a percent-encoded dot or slash may be decoded on the way.
            return False
        return any(_fnmatchcase(norm, normalise_remote(p)) for p in self.git_remotes)

    def bucket_is_trusted(self, uri: str) -> bool:
        u = uri.rstrip("/")
        for b in self.buckets:
            pat = b.rstrip("/")
            if _fnmatchcase(u, pat) or _fnmatchcase(u, pat + "/*") or u.startswith(pat + "/"):
                return True
        return False

    def directory_is_trusted(self, path: str) -> bool:
        for d in self.directories:
            pat = d.rstrip("/")
            if _fnmatchcase(path, pat) or _fnmatchcase(path, pat + "/*") or path.startswith(pat + "/"):
                return True
        return False


# A value known only at run time (paths.DYN).  In a URL's authority (before the first "/", "?" or "#") after the host
# it is not a port: `'http://localhost:8000' + p` with p = "@evil.example/" sends to evil.example, so run-time text
# anywhere after the last literal "@" leaves the host unknown (kept in it).  A literal "/" after the port closes the
# authority: `'http://localhost:8000/' + p` stays on localhost.
_RUNTIME = "\x00"


def url_host(url: str) -> str:
    """Host part of a URL or of a bare ``host:port/path`` argument; it holds run-time text (``\x00``) when run-time
    text in the authority could change the host (a port or user-info written after it)."""
    rest = url
    if "://" in rest:
        rest = rest.split("://", 1)[1]
    rest = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if "@" in rest:
        rest = rest.rsplit("@", 1)[1]
    unknown = _RUNTIME if _RUNTIME in rest else ""
    if rest.startswith("["):
        host = rest.split("]", 1)[0] + "]"
        return host if _RUNTIME in host else host + unknown
    if rest.count(":") == 1:
        host = rest.rsplit(":", 1)[0]
        return host if _RUNTIME in host else host + unknown
    return rest


DEFAULT_PORTS = {"http": "80", "https": "443", "ws": "80", "wss": "443"}


def split_url(url: str, default_scheme: str = "http") -> tuple[str, str, str] | None:
    """(host, port, path) of a URL as a client sends it: user-info dropped, host lower-cased, the scheme's
    port when none is written (curl and httpie take ``http`` for a bare ``host:port/path``), path without
    query or fragment.  None when there is no host."""
    rest = url.strip()
    scheme = default_scheme
    if "://" in rest:
        scheme, rest = rest.split("://", 1)
        scheme = scheme.lower()
    authority, sep, path = rest.partition("/")
    for c in "?#":
        if c in authority:
            authority, _, _ = authority.partition(c)
            path = ""
            sep = ""
    path = (sep + path).split("?", 1)[0].split("#", 1)[0] or "/"
    if "@" in authority:
        authority = authority.rsplit("@", 1)[1]
    port = ""
    if authority.startswith("["):
        host, _, tail = authority[1:].partition("]")
        host = "[" + host + "]"
        if tail.startswith(":"):
            port = tail[1:]
    elif authority.count(":") == 1:
        host, port = authority.split(":", 1)
    else:
        host = authority
    host = host.lower().rstrip(".")
    if _RUNTIME in port and _RUNTIME not in host:
        host += _RUNTIME  # `'http://localhost:8000' + p`: p may be "@evil.example" (url_host)
    if not host:
        return None
    return host, port or DEFAULT_PORTS.get(scheme, ""), path


def parse_service(entry: str) -> tuple[str, str, str] | None:
    """A ``services`` entry as (host glob, port glob or '*', path prefix): ``localhost:3000`` (any path),
    ``192.168.1.*:8080``, ``devbox.local:*``, ``https://tools.acme.com/hooks/`` (port 443, that path)."""
    e = entry.strip()
    if not e:
        return None
    if "://" in e:
        parts = split_url(e)
        if parts is None:
            return None
        host, port, path = parts
        return host, port or "*", path
    authority, _, path = e.partition("/")
    if authority.count(":") != 1:
        return None  # a bare host: that is what trust.domains is for (lint says so)
    host, port = authority.split(":", 1)
    return host.lower().rstrip("."), port or "*", "/" + path if path else ""


def _unsafe_path(path: str) -> bool:
    """A path that may leave a prefix once the server resolves it: dot segments, plain or percent-encoded, or a run-time value."""
    low = path.lower()
    # "\x00" is paths.DYN, a value known only at run time: it may hold "../".
    return "\x00" in path or "%2e" in low or "%2f" in low or "%5c" in low or "\\" in path or any(seg in (".", "..") for seg in path.split("/"))


def normalise_remote(url: str) -> str:
    """``git@github.com:acme/x.git`` / ``https://github.com/acme/x`` -> ``github.com/acme/x``."""
    u = url.strip()
    if "://" in u:
        u = u.split("://", 1)[1]
        if "@" in u.split("/", 1)[0]:
            u = u.split("@", 1)[1]
    elif "@" in u and ":" in u:
        u = u.split("@", 1)[1].replace(":", "/", 1)
    if u.endswith(".git"):
        u = u[:-4]
    return u.rstrip("/").lower()


DEFAULT_TRUST = Trust()
