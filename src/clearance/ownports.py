"""The loopback ports clearance's own services answer on, and the names of the programs whose listening port
listens.py reads: what the hook needs on every call where a policy puts a service on loopback (engine.evaluate fills
Scope.own_ports; gates.own_ports asks the name first), without loading the listeners' grammars (listens.py), which
only a listener program's command needs.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

# Every program listens.listen_ports reads (it reads no other name): netcat's, socat, container runtimes' -p, ssh's
# forwards, kubectl/oc port-forward, ollama, the bind servers, flask, php -S, serve, mkdocs, openssl s_server, busybox
# httpd, and the `--port` servers of listens._PORT_SERVERS (tests/test_forged_endpoint.py checks they are all here).
LISTENER_NAMES = frozenset(
    {
        "nc", "ncat", "netcat", "nc.openbsd", "nc.traditional", "socat", "docker", "podman", "nerdctl", "finch", "ssh",
        "autossh", "kubectl", "oc", "ollama", "gunicorn", "hypercorn", "waitress-serve", "daphne", "flask", "php",
        "php-cgi", "serve", "mkdocs", "openssl", "busybox", "http-server", "live-server", "json-server", "uvicorn",
        "vite", "next", "jupyter", "jupyter-lab", "jupyter-notebook", "hugo", "llama-server", "vllm", "litellm", "lms",
        "mlx_lm.server", "webpack-dev-server", "streamlit", "gradio", "websocat", "miniserve", "dufs", "http.server",
        "SimpleHTTPServer",
    }
)  # fmt: skip


def loopback(host: str) -> bool:
    h = host.lower().strip("[]").rstrip(".")
    return h in ("localhost", "::1", "ip6-localhost", "0.0.0.0", "::") or h.startswith("127.") or h.endswith(".localhost")


def _port(text: str) -> int | None:
    t = text.strip()
    if not t.isdigit() or len(t) > 5:
        return None
    n = int(t)
    return n if 0 < n < 65536 else None


_SCHEME_PORTS = {"http": "80", "https": "443", "postgres": "5432", "postgresql": "5432"}


def endpoint_port(url: str) -> int | None:
    """The port of a URL whose host is loopback, else None."""
    from .trust import split_url

    if not isinstance(url, str) or "://" not in url:
        return None
    scheme = url.split("://", 1)[0].lower()
    got = split_url(url, scheme)
    if got is None or not loopback(got[0]):
        return None
    return _port(got[1] or _SCHEME_PORTS.get(scheme, ""))


def own_endpoints(data: Mapping[str, Any], environ: Mapping[str, str] | None) -> tuple[tuple[int, str], ...]:
    """(port, what answers there) for each of clearance's services the policy or the hook's environment puts on loopback:
    the reviewer's base_url, the audit store's url, and CLEARANCE_TEAM_SERVICE: the CLEARANCE_SERVER the hook is a
    client of (set by remote.py when it decides locally because the service did not answer), or the service's own URL
    when `clearance serve` listens on loopback only (server/service.Service.loopback_url)."""
    out: list[tuple[int, str]] = []
    rev = data.get("reviewer") or {}
    base = rev.get("base_url") if isinstance(rev, dict) else None
    if isinstance(base, str) and rev.get("provider") in ("openai", "anthropic"):
        p = endpoint_port(base)
        if p is not None:
            out.append((p, f"clearance's reviewer model ([reviewer] base_url {base})"))
    audit = data.get("audit") or {}
    url = audit.get("url") if isinstance(audit, dict) else None
    if isinstance(url, str):
        p = endpoint_port(url)
        if p is not None:
            out.append((p, "clearance's audit store ([audit] url)"))
    server = environ.get("CLEARANCE_TEAM_SERVICE") if environ is not None else None
    if server:
        p = endpoint_port(server)
        if p is not None:
            out.append((p, f"clearance's team service (CLEARANCE_SERVER {server})"))
    return tuple(out)
