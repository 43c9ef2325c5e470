"""Sign-in through the organisation's OpenID Connect provider: authorization code flow with PKCE.

The ID token is verified with joserfc (signature against the provider's published keys, issuer,
audience, expiry, nonce); the provider's group claim maps to a role.  Endpoints come from the
provider's discovery document.  HTTP calls use the standard library with a timeout and run off the
event loop (app.py).  Nothing here touches the store: service.py keeps the pending logins and the
accounts.

Configuration, from the environment of ``clearance serve``:

    CLEARANCE_OIDC_ISSUER         https://login.acme.dev/realms/eng  (enables OIDC)
    CLEARANCE_OIDC_CLIENT_ID      clearance
    CLEARANCE_OIDC_CLIENT_SECRET  the client secret (confidential client); empty for a public client
    CLEARANCE_OIDC_ROLES          group=role pairs, first match wins: "platform-admins=admin,security=approver,engineering=viewer"
    CLEARANCE_OIDC_GROUPS_CLAIM   the claim holding the groups (default "groups")
    CLEARANCE_OIDC_REDIRECT_URI   this service's callback URL as the provider knows it (default: derived from the request)
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
import urllib.parse
import urllib.request

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

ROLES = ("admin", "approver", "viewer")
HTTP_TIMEOUT_S = 10.0
DISCOVERY_TTL_S = 3600.0
PENDING_TTL_S = 600.0


class OidcError(Exception):
    """A sign-in that cannot complete; the message is safe to show."""


class OidcConfig:
    __slots__ = ("issuer", "client_id", "client_secret", "roles", "groups_claim", "redirect_uri", "_discovery", "_jwks")

    def __init__(
        self,
        issuer: str,
        client_id: str,
        client_secret: str = "",
        roles: list[tuple[str, str]] | None = None,
        groups_claim: str = "groups",
        redirect_uri: str = "",
    ) -> None:
        self.issuer = issuer.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.roles = roles or []
        self.groups_claim = groups_claim
        self.redirect_uri = redirect_uri
        self._discovery: tuple[float, dict[str, Any]] | None = None
        self._jwks: dict[str, Any] | None = None

    @classmethod
    def from_env(cls, env: Any) -> OidcConfig | None:
        issuer = env.get("CLEARANCE_OIDC_ISSUER", "").strip()
        if not issuer:
            return None
        for name, url in (("CLEARANCE_OIDC_ISSUER", issuer), ("CLEARANCE_OIDC_REDIRECT_URI", env.get("CLEARANCE_OIDC_REDIRECT_URI", "").strip())):
            if url and not url.lower().startswith(("https://", "http://")):
                # before, `idp.example` started the service and every sign-in failed with "unknown url type"
                raise OidcError(f"{name} must be a URL with its scheme (https://{url}), not {url!r}")
        client_id = env.get("CLEARANCE_OIDC_CLIENT_ID", "").strip()
        if not client_id:
            raise OidcError("CLEARANCE_OIDC_ISSUER is set but CLEARANCE_OIDC_CLIENT_ID is not")
        return cls(
            issuer,
            client_id,
            env.get("CLEARANCE_OIDC_CLIENT_SECRET", ""),
            parse_roles(env.get("CLEARANCE_OIDC_ROLES", "")),
            env.get("CLEARANCE_OIDC_GROUPS_CLAIM", "groups") or "groups",
            env.get("CLEARANCE_OIDC_REDIRECT_URI", ""),
        )

    # -- the provider's metadata -----------------------------------------------------------

    def discovery(self) -> dict[str, Any]:
        now = time.monotonic()
        if self._discovery is None or now - self._discovery[0] > DISCOVERY_TTL_S:
            doc = _get_json(self.issuer + "/.well-known/openid-configuration")
            if str(doc.get("issuer", "")).rstrip("/") != self.issuer:
                raise OidcError(f"the provider's discovery document names issuer {doc.get('issuer')!r}, not {self.issuer!r}")
            for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
                if not isinstance(doc.get(key), str):
                    raise OidcError(f"the provider's discovery document has no {key}")
            self._discovery = (now, doc)
            self._jwks = None
        return self._discovery[1]

    def jwks(self, refresh: bool = False) -> dict[str, Any]:
        if self._jwks is None or refresh:
            self._jwks = _get_json(self.discovery()["jwks_uri"])
        return self._jwks


def parse_roles(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for part in text.split(","):
        group, eq, role = part.strip().rpartition("=")
        if not part.strip():
            continue
        if not eq or role not in ROLES or not group:
            raise OidcError(f"CLEARANCE_OIDC_ROLES: {part.strip()!r} is not group=role with a role of {', '.join(ROLES)}")
        out.append((group, role))
    return out


def _get_json(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> dict[str, Any]:
    req = urllib.request.Request(url, data=data, headers={"Accept": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT_S) as r:
            body = json.loads(r.read(1 << 20))
    except urllib.error.HTTPError as e:
        detail = e.read(500).decode("utf-8", "replace")
        raise OidcError(f"the identity provider answered HTTP {e.code} at {url}: {detail}") from None
    except (OSError, ValueError) as e:
        raise OidcError(f"the identity provider at {url} cannot be reached or answered nonsense ({e})") from None
    if not isinstance(body, dict):
        raise OidcError(f"the identity provider answered nonsense at {url}")
    return body


def pkce_pair() -> tuple[str, str]:
    """(verifier, S256 challenge), RFC 7636."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def authorization_url(cfg: OidcConfig, redirect_uri: str, state: str, nonce: str, challenge: str) -> str:
    query = {
        "response_type": "code",
        "client_id": cfg.client_id,
        "redirect_uri": redirect_uri,
        "scope": "openid profile email",
        "state": state,
        "nonce": nonce,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    endpoint = str(cfg.discovery()["authorization_endpoint"])
    return endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode(query)


def exchange(cfg: OidcConfig, code: str, redirect_uri: str, verifier: str, nonce: str) -> dict[str, Any]:
    """The verified claims of the ID token the provider gives for *code*."""
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri, "code_verifier": verifier, "client_id": cfg.client_id}
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if cfg.client_secret:
        basic = base64.b64encode(f"{urllib.parse.quote(cfg.client_id)}:{urllib.parse.quote(cfg.client_secret)}".encode()).decode()
        headers["Authorization"] = f"Basic {basic}"
    tokens = _get_json(cfg.discovery()["token_endpoint"], urllib.parse.urlencode(form).encode(), headers)
    id_token = tokens.get("id_token")
    if not isinstance(id_token, str):
        raise OidcError("the identity provider returned no ID token")
    return verify_id_token(cfg, id_token, nonce)


def verify_id_token(cfg: OidcConfig, id_token: str, nonce: str) -> dict[str, Any]:
    from joserfc import jwt
    from joserfc.errors import JoseError
    from joserfc.jwk import KeySet

    algorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]
    token = None
    for refresh in (False, True):  # keys rotate: one refetch when the token's key is not known yet
        try:
            token = jwt.decode(id_token, KeySet.import_key_set(cfg.jwks(refresh)), algorithms=algorithms)  # type: ignore[arg-type]
            break
        except JoseError as e:
            if refresh:
                raise OidcError(f"the ID token's signature does not verify ({type(e).__name__})") from None
        except ValueError as e:
            raise OidcError(f"the ID token cannot be read ({e})") from None
    assert token is not None
    # The issuer exactly as the provider publishes it (discovery() checked it against the configuration up to a
    # trailing slash, which some providers keep in their tokens: "https://tenant.auth0.com/").
    issuer = str(cfg.discovery().get("issuer") or cfg.issuer)
    registry = jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": cfg.client_id},
        exp={"essential": True},
        sub={"essential": True},
        nonce={"essential": True, "value": nonce},
    )
    try:
        registry.validate(token.claims)
    except JoseError as e:
        raise OidcError(f"the ID token is not for this service or no longer valid ({type(e).__name__}: {e})") from None
    azp = token.claims.get("azp")
    if azp is not None and azp != cfg.client_id:  # OpenID Connect Core 3.1.3.7: issued to another client
        raise OidcError("the ID token was issued to another client of the identity provider")
    return dict(token.claims)


def role_for(cfg: OidcConfig, claims: dict[str, Any]) -> str | None:
    """The role the first mapped group gives, or None when no group is mapped (no sign-in)."""
    groups = claims.get(cfg.groups_claim, [])
    if isinstance(groups, str):
        groups = [groups]
    if not isinstance(groups, list):
        return None
    have = {str(g) for g in groups}
    for group, role in cfg.roles:
        if group == "*" or group in have:
            return role
    return None


def user_name(claims: dict[str, Any]) -> str:
    for key in ("preferred_username", "email", "sub"):
        v = claims.get(key)
        if isinstance(v, str) and v.strip():
            return v.strip()[:120]
    raise OidcError("the ID token names nobody")
