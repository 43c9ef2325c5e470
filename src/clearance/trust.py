"""The trust boundary: which destinations are the organisation's own.

Issue 3 (policy layers) fills it from the managed, user and project files; the
analysers only ask the questions below.  Matching is glob-style and
case-insensitive for hosts.
"""

from __future__ import annotations

import fnmatch

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", "host.docker.internal"})


class Trust:
    __slots__ = ("directories", "git_remotes", "buckets", "domains", "services", "trust_origin")

    def __init__(
        self,
        directories: tuple[str, ...] = (),
        git_remotes: tuple[str, ...] = (),
        buckets: tuple[str, ...] = (),
        domains: tuple[str, ...] = (),
        services: tuple[str, ...] = (),
        trust_origin: bool = True,
    ) -> None:
        self.directories = directories
        self.git_remotes = git_remotes
        self.buckets = buckets
        self.domains = domains
        self.services = services
        self.trust_origin = trust_origin

    def for_home(self, home: str) -> Trust:
        """The same boundary with '~' in directory globs expanded."""
        if not any(d.startswith("~") for d in self.directories):
            return self
        dirs = tuple(home + d[1:] if d.startswith("~") else d for d in self.directories)
        return Trust(dirs, self.git_remotes, self.buckets, self.domains, self.services, self.trust_origin)

    def host_is_local(self, host: str) -> bool:
        h = host.lower().strip("[]")
        return h in LOCAL_HOSTS or h.startswith("127.") or h.endswith(".localhost") or h == "::1"

    def host_is_trusted(self, host: str) -> bool:
        h = host.lower()
        if self.host_is_local(h):
            return True
        return any(fnmatch.fnmatchcase(h, d.lower()) or h == d.lower().lstrip("*.") for d in self.domains)

    def url_is_trusted(self, url: str) -> bool:
        host = url_host(url)
        if host and self.host_is_trusted(host):
            return True
        bare = url.split("://", 1)[-1]
        return any(bare.startswith(s.split("://", 1)[-1].rstrip("*")) for s in self.services)

    def remote_is_trusted(self, url: str) -> bool:
        norm = normalise_remote(url)
        return any(fnmatch.fnmatchcase(norm, normalise_remote(p)) for p in self.git_remotes)

    def bucket_is_trusted(self, uri: str) -> bool:
        u = uri.rstrip("/")
        for b in self.buckets:
            pat = b.rstrip("/")
            if fnmatch.fnmatchcase(u, pat) or fnmatch.fnmatchcase(u, pat + "/*") or u.startswith(pat + "/"):
                return True
        return False

    def directory_is_trusted(self, path: str) -> bool:
        for d in self.directories:
            pat = d.rstrip("/")
            if fnmatch.fnmatchcase(path, pat) or fnmatch.fnmatchcase(path, pat + "/*") or path.startswith(pat + "/"):
                return True
        return False


def url_host(url: str) -> str:
    """Host part of a URL or of a bare ``host:port/path`` argument."""
    rest = url
    if "://" in rest:
        rest = rest.split("://", 1)[1]
    rest = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if "@" in rest:
        rest = rest.rsplit("@", 1)[1]
    if rest.startswith("["):
        return rest.split("]", 1)[0] + "]"
    return rest.rsplit(":", 1)[0] if rest.count(":") == 1 else rest


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
