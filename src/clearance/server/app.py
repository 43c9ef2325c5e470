"""``clearance serve``: the decision API, the admin UI and the audit dashboard (Starlette).

API (bearer token of an agent machine or team):
  POST /v1/hook      a hook event in any supported agent's shape -> that agent's answer
                     (Claude Code ``type: "http"`` hooks post here); ?envelope=1 wraps it
                     as {"stdout", "exit_code", "stderr"} for the local thin client
  POST /v1/decide    a PreToolUse event -> the DESIGN.md decision record
  GET  /v1/policy    the current managed policy (for the local fallback cache)
  GET  /healthz, GET /openapi.json
UI (login, sessions that expire, CSRF on every form): dashboard, sessions, policy with
two-person approval, tokens, users, history.
"""

from __future__ import annotations

import functools
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

import anyio
import anyio.to_thread
from jinja2 import DictLoader, Environment, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.schemas import SchemaGenerator

from .guard import RequestRejected, StoreUnavailable
from .service import ENV_HEADER, HOME_HEADER, UNKNOWN_HOME, Service, ServiceError, served_home, without_home_entries
from .templates import TEMPLATES

T = TypeVar("T")
COOKIE = "clearance_session"
LOGIN_CSRF = "clearance_login_csrf"
OIDC_STATE = "clearance_oidc_state"
HISTORY_PAGE = 200
schemas = SchemaGenerator({"openapi": "3.0.0", "info": {"title": "clearance team service", "version": "1"}})


PAGE = 300  # decisions per dashboard page
STATS_WINDOW = 5000  # decisions the dashboard's cards and charts summarise


WORKERS = 16  # decisions running at once (CLEARANCE_SERVE_WORKERS); more wait for a free worker


def client_address(peer: str, forwarded_for: str, trusted: list[Any]) -> str:
    """The address login limits count: the connecting peer, or -- when the peer is a trusted proxy -- the
    rightmost X-Forwarded-For entry that is not itself a trusted proxy (entries left of it are the client's to forge)."""
    import ipaddress

    def is_trusted(addr: str) -> bool:
        try:
            ip = ipaddress.ip_address(addr.strip().strip("[]"))
        except ValueError:
            return False
        return any(ip in net for net in trusted)

    if not trusted or not is_trusted(peer) or not forwarded_for.strip():
        return peer
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop):
            return hop
    return hops[0] if hops else peer


def forwarded_for(request: Request) -> str:
    """Every X-Forwarded-For field of the request as one list: HTTP reads repeated fields as one, in order, and
    a proxy that adds a line of its own leaves the client's forged line first."""
    return ", ".join(request.headers.getlist("x-forwarded-for"))


def trusted_proxies(text: str) -> list[Any]:
    """CLEARANCE_TRUSTED_PROXIES: comma-separated addresses or networks (10.0.0.0/8, 127.0.0.1)."""
    import ipaddress

    out = []
    for part in text.split(","):
        if part.strip():
            out.append(ipaddress.ip_network(part.strip(), strict=False))
    return out


def create_app(service: Service, secure_cookies: bool = False, workers: int | None = None, proxies: list[Any] | None = None) -> Starlette:
    limit = workers or int(os.environ.get("CLEARANCE_SERVE_WORKERS") or WORKERS)
    trusted = proxies if proxies is not None else trusted_proxies(os.environ.get("CLEARANCE_TRUSTED_PROXIES", ""))

    def client_of(request: Request) -> str:
        peer = request.client.host if request.client else "?"
        return client_address(peer, forwarded_for(request), trusted)

    limiter: list[anyio.CapacityLimiter] = []
    from .offline import Budget

    upload_budget = Budget()  # /v1/offline, per token
    # Index the rules before any worker thread decides (the engine does it on first use, unguarded).
    from ..api import decide_event

    decide_event({"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": "true"}, "cwd": "/"}, {"HOME": "/nonexistent"})

    async def off_loop(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a decision in the bounded worker pool, never on the event loop."""
        if not limiter:
            limiter.append(anyio.CapacityLimiter(limit))
        return await anyio.to_thread.run_sync(functools.partial(fn, *args, **kwargs), limiter=limiter[0])

    env = Environment(loader=DictLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["urlencode"] = lambda v: quote(str(v), safe="")
    env.filters["when"] = lambda ts: time.strftime("%Y-%m-%d %H:%M", time.gmtime(float(ts))) if ts else "never"
    env.filters["brief"] = _brief
    env.filters["urlencode_query"] = lambda d: urlencode({str(k): str(v) for k, v in dict(d).items()})

    def page(name: str, request: Request, status: int = 200, **ctx: Any) -> HTMLResponse:
        ctx.setdefault("user", getattr(request.state, "user", None))
        ctx.setdefault("sso", service.oidc.issuer if service.oidc is not None else "")
        ctx.setdefault("title", name.capitalize())
        html = env.get_template(name).render(**ctx)
        return HTMLResponse(html, status_code=status, headers=_security_headers())

    def current_user(request: Request) -> dict[str, Any] | None:
        user = service.session(request.cookies.get(COOKIE))
        request.state.user = user
        return user

    async def form_checked(request: Request) -> tuple[dict[str, Any], dict[str, str]] | Response:
        user = current_user(request)
        if user is None:
            return RedirectResponse("/login", status_code=303)
        form = await request.form()
        data = {k: str(v) for k, v in form.items()}
        if not hmac.compare_digest(data.get("csrf", ""), user["csrf"]):
            return PlainTextResponse("CSRF check failed", status_code=403)
        return user, data

    async def admin_form(request: Request, what: str) -> tuple[dict[str, Any], dict[str, str]] | Response:
        """A checked form from an admin; anyone else gets 403 ("only admins <what>")."""
        checked = await form_checked(request)
        if isinstance(checked, Response):
            return checked
        if checked[0]["role"] != "admin":
            return PlainTextResponse(f"only admins {what}", status_code=403)
        return checked

    def bearer_text(request: Request) -> str | None:
        auth = request.headers.get("authorization", "")
        return auth[7:].strip() if auth.lower().startswith("bearer ") else None

    def bearer(request: Request) -> str | None:
        return service.token_owner(bearer_text(request))

    # -- API ------------------------------------------------------------------------------

    async def healthz(request: Request) -> JSONResponse:
        """
        responses:
          200:
            description: the service is up and can record decisions; the version of the managed policy it serves
          503:
            description: decisions cannot be recorded in the store now (they are spooled), or not even spooled
        """
        health = await anyio.to_thread.run_sync(service.healthy)
        if health["status"] != "ok":
            return JSONResponse(health, status_code=503)
        try:
            health["policy_version"] = (await anyio.to_thread.run_sync(service.current_policy))[0]
        except StoreUnavailable as e:
            return JSONResponse({"status": "degraded", "store": str(e)}, status_code=503)
        return JSONResponse(health)

    async def api_hook(request: Request) -> Response:
        """
        summary: Decide one hook event (Claude Code, Codex, Gemini CLI, Cursor, Copilot CLI shapes)
        parameters:
          - {name: agent, in: query, required: false, schema: {type: string}}
          - {name: envelope, in: query, required: false, schema: {type: string}}
        requestBody: {content: {application/json: {schema: {type: object}}}}
        responses:
          200: {description: the agent's hook answer}
          401: {description: missing or unknown bearer token}
        """

        def owner_and_policy() -> tuple[str | None, Any, int]:
            who = bearer(request)
            if who is None:
                return None, None, -1
            return who, service.policy(), service.served_version()

        # The store is read and written on its own thread within a budget (server/guard.py), never on the event loop.
        owner, policy, version = await anyio.to_thread.run_sync(owner_and_policy)
        if owner is None:
            # The thin client (envelope) reads a 401 and says why itself.
            if request.query_params.get("envelope"):
                return JSONResponse({"error": "a valid bearer token is required"}, status_code=401)
            # An agent's own http hook (Claude Code type "http") runs the tool on any non-2xx answer, or with
            # onFailure "block" blocks it with only "HTTP 401" to say why (measured, 2.1.332): a missing, revoked,
            # expired or unapproved token gets a valid *ask* in the agent's shape instead, whose reason says which.
            from ..adapters import get
            from ..model import Decision

            try:
                adapter = get(request.query_params.get("agent") or "claude")
            except ValueError as e:
                return JSONResponse({"error": str(e)}, status_code=400)
            token = bearer_text(request)
            if not token:
                # No token at all: "Bearer" with nothing after it is what Claude Code sends when $CLEARANCE_TOKEN is unset
                # where it started (or a managed allowedEnvVars list leaves the name out). The engine does not run.
                why = (
                    "the hook sent the clearance team service no token -- CLEARANCE_TOKEN is not set in the environment the agent "
                    "was started from (Claude Code's http hook fills $CLEARANCE_TOKEN in from it). Get a token from the team "
                    "service's Tokens page, export CLEARANCE_TOKEN before starting the agent, and run `clearance doctor`"
                    if "authorization" in request.headers
                    else "the hook sent the clearance team service no Authorization header: its entry lacks "
                    '"headers": {"Authorization": "Bearer $CLEARANCE_TOKEN"} (`clearance install claude --http URL` writes it; '
                    "CLEARANCE_TOKEN is not set otherwise either). Then run `clearance doctor`"
                )
                answer = adapter.render_answer(Decision("ask", why, ["service.token_missing"], "default"))
                return JSONResponse(answer.stdout) if answer.stdout is not None else Response(status_code=200)
            why = "this machine's clearance token is not valid (revoked, expired or not yet approved); ask an admin of the team service"
            asked = Decision("ask", why, ["service.token_rejected"], "default")
            local = None
            if await anyio.to_thread.run_sync(service.issued_token, token):
                # A token the service issued: a hard denial stays a denial (the served policy, recorded nowhere).
                # A token it never issued gets the plain ask, without the engine.
                try:
                    local = await off_loop(service.rejected_decision, await request.body(), request.query_params.get("agent"), request.headers.get(HOME_HEADER))
                except ValueError:
                    local = None
            from ..rejected import when_token_rejected

            answer = adapter.render_answer(when_token_rejected(local, asked))
            return JSONResponse(answer.stdout) if answer.stdout is not None else Response(status_code=200)
        raw = await request.body()
        # Decide on a worker thread (a slow decision -- a reviewer call -- holds up no other request).
        try:
            decided = await off_loop(
                service.hook_decide, raw, request.query_params.get("agent"), owner, policy, request.headers.get(HOME_HEADER), request.headers.get(ENV_HEADER)
            )
        except ValueError as e:
            return JSONResponse({"error": str(e)}, status_code=400)
        answer = await anyio.to_thread.run_sync(service.hook_record, decided)
        if request.query_params.get("envelope"):
            # policy_version: the thin client copies the served policy again when its cached copy is another version.
            return JSONResponse({"stdout": answer.stdout, "exit_code": answer.exit_code, "stderr": answer.stderr, "policy_version": version})
        if answer.stdout is None:
            return Response(status_code=200)
        return JSONResponse(answer.stdout)

    async def api_offline(request: Request) -> JSONResponse:
        """
        summary: Store decisions this machine made while the service was unreachable (decided offline)
        requestBody: {content: {application/json: {schema: {type: object, properties: {decisions: {type: array, maxItems: 200}}}}}}
        responses:
          200: {description: "{stored, duplicates, refused}"}
          400: {description: not a batch of decisions}
          401: {description: missing or unknown bearer token}
          413: {description: more than 200 decisions or 4 MB}
          429: {description: "the token's upload budget is spent (uploads a minute, decisions an hour); Retry-After says when to send again"}
          503: {description: the store is unavailable; send them again later}
        """
        from . import offline

        owner = await anyio.to_thread.run_sync(bearer, request)
        if owner is None:
            return JSONResponse({"error": "a valid bearer token is required"}, status_code=401)
        too_big = JSONResponse({"error": f"at most {offline.MAX_BODY // 1_000_000} MB per upload; send fewer decisions per request"}, status_code=413)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > offline.MAX_BODY:
            return too_big  # not read at all
        parts: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > offline.MAX_BODY:
                return too_big  # read no further than the bound
            parts.append(chunk)
        body = b"".join(parts)
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return JSONResponse({"error": "not valid JSON"}, status_code=400)
        rows = data.get("decisions") if isinstance(data, dict) else None
        if not isinstance(rows, list):
            return JSONResponse({"error": 'expected {"decisions": [...]}'}, status_code=400)
        if len(rows) > offline.MAX_ROWS:
            return JSONResponse({"error": f"at most {offline.MAX_ROWS} decisions per upload; send them in batches"}, status_code=413)
        wait = upload_budget.charge(owner, len(rows), time.time())
        if wait:
            secs = int(wait) + 1
            why = (
                f"too many uploads from {owner}: at most {offline.REQUESTS_PER_MINUTE} uploads a minute and {offline.ROWS_PER_HOUR} "
                f"decisions per hour per token; nothing of this batch was stored, send it again in {secs} s"
            )
            return JSONResponse({"error": why, "retry_after": secs}, status_code=429, headers={"Retry-After": str(secs)})
        try:
            out = await anyio.to_thread.run_sync(service.store_offline, owner, rows)
        except StoreUnavailable:
            return JSONResponse({"error": "the audit store is unavailable; send them again later"}, status_code=503)
        if out["stored"]:
            await anyio.to_thread.run_sync(service.log, owner, "upload_offline", f"{out['stored']} decisions made while the service was unreachable")
        return JSONResponse(out)

    async def api_decide(request: Request) -> JSONResponse:
        """
        summary: Decide one PreToolUse event; the decision record of DESIGN.md
        requestBody: {content: {application/json: {schema: {type: object}}}}
        responses:
          200: {description: "{id, decision, reason, rules, stage, elapsed_ms}"}
          401: {description: missing or unknown bearer token}
        """
        owner = await anyio.to_thread.run_sync(bearer, request)
        if owner is None:
            return JSONResponse({"error": "a valid bearer token is required"}, status_code=401)
        from ..api import decide_event_full, malformed

        try:
            event = json.loads(await request.body())
        except (ValueError, RecursionError) as e:
            return JSONResponse(malformed("nested too deeply" if isinstance(e, RecursionError) else "not valid JSON").to_record(None))
        if isinstance(event, dict):
            event = {**event, "agent": event.get("agent", "api"), "user_name": owner}
        env = {"HOME": served_home(event.get("home") if isinstance(event, dict) else None, request.headers.get(HOME_HEADER))}
        policy = await anyio.to_thread.run_sync(service.policy)
        if isinstance(event, dict):
            policy = service.policy_for_project(policy, event, env["HOME"])
        if env["HOME"] == UNKNOWN_HOME:
            policy = without_home_entries(policy)
        try:
            d, ctx, policy = await off_loop(decide_event_full, event, env, policy, local_files=False)
        except RecursionError:
            return JSONResponse(malformed("nested too deeply").to_record(None))
        if isinstance(event, dict):
            # Audited like /v1/hook: recorded within the store budget, or spooled and an allow answered as ask.
            d = await anyio.to_thread.run_sync(service.hook_record, (None, (_RecordOnly(), d, event, ctx, policy)))
        return JSONResponse(d.to_record(event.get("id") if isinstance(event, dict) else None))

    async def api_policy(request: Request) -> JSONResponse:
        """
        summary: The managed policy currently served (the hook caches it for when the service is unreachable)
        responses:
          200: {description: "{version, text}"}
          401: {description: missing or unknown bearer token}
        """
        if await anyio.to_thread.run_sync(bearer, request) is None:
            return JSONResponse({"error": "a valid bearer token is required"}, status_code=401)
        version, text = await anyio.to_thread.run_sync(service.current_policy)
        return JSONResponse({"version": version, "text": text})

    async def openapi(request: Request) -> Response:
        return schemas.OpenAPIResponse(request=request)

    # -- login ------------------------------------------------------------------------------

    async def login(request: Request) -> Response:
        if request.method == "GET":
            token = secrets.token_urlsafe(24)
            resp = page("login", request, csrf=token, user=None, title="Log in")
            resp.set_cookie(LOGIN_CSRF, token, httponly=True, samesite="strict", secure=secure_cookies)
            return resp
        form = await request.form()
        data = {k: str(v) for k, v in form.items()}
        if not data.get("csrf") or not hmac.compare_digest(data["csrf"], request.cookies.get(LOGIN_CSRF, "")):
            return PlainTextResponse("CSRF check failed", status_code=403)
        client = client_of(request)
        try:
            result = service.login(data.get("username", ""), data.get("password", ""), client)
        except ServiceError as e:
            return page("login", request, status=429, csrf=data["csrf"], user=None, error=str(e), title="Log in")
        if result is None:
            return page("login", request, status=401, csrf=data["csrf"], user=None, error="wrong user name or password", title="Log in")
        cookie, _ = result
        done = RedirectResponse("/", status_code=303)
        done.set_cookie(COOKIE, cookie, max_age=8 * 3600, httponly=True, samesite="strict", secure=secure_cookies)
        done.delete_cookie(LOGIN_CSRF)
        return done

    async def oidc_start(request: Request) -> Response:
        from .oidc import OidcError

        if service.oidc is None:
            return PlainTextResponse("single sign-on is not configured", status_code=404)
        redirect_uri = service.oidc.redirect_uri or str(request.url_for("oidc_callback"))
        try:
            url = await anyio.to_thread.run_sync(service.oidc_begin, redirect_uri)
        except OidcError as e:
            return page("login", request, status=502, csrf="", user=None, error=str(e), title="Log in")
        resp = RedirectResponse(url, status_code=303)
        # Binds the sign-in to this browser (login CSRF); Lax, because the provider sends the browser back with a top-level GET.
        state = url.split("state=", 1)[1].split("&", 1)[0]
        resp.set_cookie(OIDC_STATE, state, max_age=600, httponly=True, samesite="lax", secure=secure_cookies)
        return resp

    async def oidc_callback(request: Request) -> Response:
        from urllib.parse import unquote

        from .oidc import OidcError

        if service.oidc is None:
            return PlainTextResponse("single sign-on is not configured", status_code=404)
        q = request.query_params
        client = client_of(request)
        state = q.get("state", "")
        if q.get("error"):
            # Anyone can send a person this URL: show an RFC 6749 error code, never free text from the query.
            code = q.get("error", "")
            code = code if len(code) <= 64 and code.replace("_", "").isalpha() and code.isascii() else "an error"
            return page("login", request, status=401, csrf="", user=None, error=f"the identity provider refused: {code}", title="Log in")
        if not state or not hmac.compare_digest(unquote(request.cookies.get(OIDC_STATE, "")), state):
            return page("login", request, status=400, csrf="", user=None, error="this sign-in was not started in this browser; start again", title="Log in")
        try:
            cookie, _ = await anyio.to_thread.run_sync(service.oidc_finish, state, q.get("code", ""), client)
        except (OidcError, ServiceError) as e:
            return page("login", request, status=401, csrf="", user=None, error=str(e), title="Log in")
        # A page, not a redirect: after a cross-site arrival a strict session cookie is only sent on a same-site navigation.
        done = HTMLResponse('<!doctype html><meta http-equiv="refresh" content="0;url=/"><a href="/">Signed in: continue</a>', headers=_security_headers())
        done.set_cookie(COOKIE, cookie, max_age=8 * 3600, httponly=True, samesite="strict", secure=secure_cookies)
        done.delete_cookie(OIDC_STATE)
        return done

    async def logout(request: Request) -> Response:
        checked = await form_checked(request)
        if isinstance(checked, Response):
            return checked
        service.logout(request.cookies.get(COOKIE, ""))
        service.log(checked[0]["user"], "logout")
        resp = RedirectResponse("/login", status_code=303)
        resp.delete_cookie(COOKIE)
        return resp

    # -- pages --------------------------------------------------------------------------------

    async def dashboard(request: Request) -> Response:
        user = current_user(request)
        if user is None:
            return RedirectResponse("/login", status_code=303)
        from ..reports import _bars_svg, _timeline_svg, parse_time, stats

        q = request.query_params
        filters: dict[str, Any] = {"decision": q.get("decision") or None, "rule": q.get("rule") or None, "agent": q.get("agent") or None}
        error = None
        if q.get("since"):
            try:
                filters["since"] = parse_time(q["since"])
            except ValueError as e:
                error = str(e)
        if q.get("user"):
            filters["user_name"] = q["user"]
        # Cards and charts summarise the latest 5,000 matching decisions; the table pages through all of them.
        recent = service.store.query(filters, STATS_WINDOW)
        s = stats(recent)
        charts = _timeline_svg(recent) + _bars_svg([(k, v) for k, v in s["top_rules"]], "#c62828", "rules")
        before = q.get("before", "")
        if before.isdigit():
            rows = service.store.query({**filters, "before_id": int(before)}, PAGE)
        else:
            rows = recent[:PAGE]
        for r in rows:
            r["brief"] = _brief(r["tool_input"])
        older = rows[-1]["id"] if len(rows) == PAGE else None
        paging = {k: v for k, v in q.items() if k != "before" and v}
        return page(
            "dashboard",
            request,
            rows=rows,
            stats=s,
            charts=charts,
            f={**dict(q)},
            error=error,
            title="Dashboard",
            older=older,
            paging=paging,
            window=STATS_WINDOW,
        )

    async def session_page(request: Request) -> Response:
        if current_user(request) is None:
            return RedirectResponse("/login", status_code=303)
        sid = request.path_params["sid"]
        rows = list(reversed(service.store.query({"session_id": sid}, 2000)))
        for r in rows:
            r["brief"] = _brief(r["tool_input"])
        return page("session", request, rows=rows, sid=sid, title=f"Session {sid}")

    async def policy_page(request: Request) -> Response:
        user: Any = current_user(request)
        if user is None:
            return RedirectResponse("/login", status_code=303)
        if request.method == "POST":
            checked = await admin_form(request, "propose changes")
            if isinstance(checked, Response):
                return checked
            user, data = checked
            try:
                cid = service.propose(data.get("text", ""), user["user"], data.get("summary", ""))
            except ServiceError as e:
                version, _ = service.current_policy()
                return page("policy", request, entries=service.entries(), status=400, text=data.get("text", ""), version=version, error=str(e))
            return RedirectResponse(f"/changes/{cid}", status_code=303)
        version, text = service.current_policy()
        return page("policy", request, entries=service.entries(), text=text, version=version)

    async def policy_lint(request: Request) -> Response:
        checked = await form_checked(request)
        if isinstance(checked, Response):
            return checked
        import tomllib

        from ..policy.load import validate
        from ..policy.tools import _rule_checks

        text = checked[1].get("text", "")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            return PlainTextResponse(f"TOML syntax error: {e}")
        from ..policy.breadth import lint

        found = [x.text("policy") for x in lint(data, text, "managed")]
        return PlainTextResponse("\n".join(validate(data, text, "policy") + _rule_checks(data, text, "policy") + found))

    async def policy_trust(request: Request) -> Response:
        checked = await admin_form(request, "propose changes")
        if isinstance(checked, Response):
            return checked
        user, data = checked
        try:
            cid = service.add_trust(data.get("kind", ""), data.get("value", ""), user["user"])
        except ServiceError as e:
            version, text = service.current_policy()
            return page("policy", request, entries=service.entries(), status=400, text=text, version=version, error=str(e))
        return RedirectResponse(f"/changes/{cid}", status_code=303)

    async def policy_quick(request: Request) -> Response:
        """Auto mode on/off and single rules, proposed as changes like everything else."""
        checked = await admin_form(request, "propose changes")
        if isinstance(checked, Response):
            return checked
        user, data = checked
        try:
            if request.path_params["what"] == "auto-mode":
                cid = service.set_auto_mode(data.get("mode", ""), user["user"])
            elif request.path_params["what"] == "remove":
                cid = service.remove_entry(data.get("table", ""), data.get("key", ""), data.get("value", ""), user["user"])
            else:
                cid = service.add_rule(data.get("verdict", ""), data.get("pattern", ""), user["user"])
        except ServiceError as e:
            version, text = service.current_policy()
            return page("policy", request, entries=service.entries(), status=400, text=text, version=version, error=str(e))
        return RedirectResponse(f"/changes/{cid}", status_code=303)

    async def changes_page(request: Request) -> Response:
        if current_user(request) is None:
            return RedirectResponse("/login", status_code=303)
        return page("changes", request, changes=service.changes(), title="Changes")

    async def change_page(request: Request) -> Response:
        if current_user(request) is None:
            return RedirectResponse("/login", status_code=303)
        cid = int(request.path_params["cid"])
        found = [c for c in service.changes() if c["id"] == cid]
        if not found:
            return PlainTextResponse("no such change", status_code=404)
        effect = None
        if found[0]["kind"] == "policy" and found[0]["status"] == "proposed":
            # Replaying the recent audit trail takes a while: off the event loop.
            effect = await anyio.to_thread.run_sync(service.change_impact, cid)
        current, _ = service.current_policy()
        lints = service.change_lints(cid)
        return page("change", request, c=found[0], impact=effect, current=current, lints=lints, title=f"Change {cid}")

    async def change_revert(request: Request) -> Response:
        checked = await admin_form(request, "propose changes")
        if isinstance(checked, Response):
            return checked
        user, _ = checked
        try:
            new = service.propose_revert(int(request.path_params["cid"]), user["user"])
        except ServiceError as e:
            return PlainTextResponse(str(e), status_code=400)
        return RedirectResponse(f"/changes/{new}", status_code=303)

    async def decision_allow(request: Request) -> Response:
        """The team's `clearance allow ID`: a change request adding the narrowest allow rule for one audited call."""
        checked = await admin_form(request, "propose changes")
        if isinstance(checked, Response):
            return checked
        user, _ = checked
        try:
            cid, _ = await anyio.to_thread.run_sync(service.propose_allow, int(request.path_params["did"]), user["user"])
        except ServiceError as e:
            return PlainTextResponse(str(e), status_code=400)
        return RedirectResponse(f"/changes/{cid}", status_code=303)

    async def decision_page(request: Request) -> Response:
        if current_user(request) is None:
            return RedirectResponse("/login", status_code=303)
        d = service.decision(int(request.path_params["did"]))
        if d is None:
            return PlainTextResponse("no such decision", status_code=404)
        d["time"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(d["ts"]))
        return page("decision", request, d=d, tool_input=json.dumps(d["tool_input"], indent=2, ensure_ascii=False), title=f"Decision {d['id']}")

    async def audit_export(request: Request) -> Response:
        """The audit trail as JSON lines (one decision per line, oldest first), for admins and approvers."""
        user = current_user(request)
        if user is None:
            return RedirectResponse("/login", status_code=303)
        if user["role"] not in ("admin", "approver"):
            return PlainTextResponse("only admins and approvers export the audit trail", status_code=403)
        from ..reports import parse_time

        q = request.query_params
        try:
            since = parse_time(q["since"]) if q.get("since") else None
            until = parse_time(q["until"]) if q.get("until") else None
        except ValueError as e:
            return PlainTextResponse(str(e), status_code=400)
        rows = await anyio.to_thread.run_sync(service.export, since, until)
        service.log(user["user"], "export_audit", f"{len(rows)} decisions since={q.get('since', '')} until={q.get('until', '')}")
        body = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
        return Response(body, media_type="application/x-ndjson", headers={"Content-Disposition": 'attachment; filename="clearance-audit.jsonl"'})

    async def change_decide(request: Request) -> Response:
        checked = await form_checked(request)
        if isinstance(checked, Response):
            return checked
        user, data = checked
        cid = int(request.path_params["cid"])
        if request.path_params["verb"] not in ("approve", "reject"):
            return PlainTextResponse("approve or reject", status_code=404)
        try:
            service.decide_change(
                cid, user["user"], user["role"], request.path_params["verb"] == "approve", data.get("comment", ""), override=data.get("override_lint") == "1"
            )
        except ServiceError as e:
            found = [c for c in service.changes() if c["id"] == cid]
            c = found[0] if found else {"id": cid, "summary": "", "diff": "", "status": "?"}
            return page("change", request, status=400, c=c, lints=service.change_lints(cid), error=str(e))
        return RedirectResponse(f"/changes/{cid}", status_code=303)

    async def tokens_page(request: Request) -> Response:
        user = current_user(request)
        if user is None:
            return RedirectResponse("/login", status_code=303)
        new_token = new_name = None
        new_change = 0
        if request.method == "POST":
            checked = await admin_form(request, "create tokens")
            if isinstance(checked, Response):
                return checked
            user, data = checked
            new_name = data.get("name", "").strip() or "unnamed"
            try:
                days = float(data.get("days") or 0)
            except ValueError:
                days = 0.0
            new_change, new_token = service.propose_token(new_name, user["user"], days)
        return page("tokens", request, tokens=service.tokens(), new_token=new_token, new_name=new_name, new_change=new_change, title="Tokens")

    async def token_revoke(request: Request) -> Response:
        checked = await form_checked(request)
        if isinstance(checked, Response):
            return checked
        if checked[0]["role"] != "admin":
            return PlainTextResponse("only admins revoke tokens", status_code=403)
        service.revoke_token(int(request.path_params["tid"]), checked[0]["user"])
        return RedirectResponse("/tokens", status_code=303)

    async def users_page(request: Request) -> Response:
        user = current_user(request)
        if user is None:
            return RedirectResponse("/login", status_code=303)
        error = None
        if request.method == "POST":
            checked = await admin_form(request, "add users")
            if isinstance(checked, Response):
                return checked
            user, data = checked
            try:
                if data.get("action", "add") == "add":
                    cid = service.propose_user(data.get("name", ""), data.get("password", ""), data.get("role", "viewer"), by=user["user"])
                else:
                    cid = service.propose_user_change(
                        data.get("action", ""), data.get("name", ""), user["user"], role=data.get("role", ""), password=data.get("password", "")
                    )
            except ServiceError as e:
                error = str(e)
            else:
                return RedirectResponse(f"/changes/{cid}", status_code=303)
        return page("users", request, users=service.users(), error=error, title="Users", roles=("viewer", "approver", "admin"))

    async def history_page(request: Request) -> Response:
        if current_user(request) is None:
            return RedirectResponse("/login", status_code=303)
        from ..reports import parse_time

        q = request.query_params
        error = None
        since = None
        if q.get("since"):
            try:
                since = parse_time(q["since"])
            except ValueError as e:
                error = str(e)
        before = q.get("before", "")
        rows = service.admin_log(HISTORY_PAGE, q.get("user", ""), q.get("action", ""), since, int(before) if before.isdigit() else None)
        for h in rows:
            h["time"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(h["ts"]))
        older = rows[-1]["id"] if len(rows) == HISTORY_PAGE else None
        paging = {k: v for k, v in q.items() if k != "before" and v}
        return page("history", request, rows=rows, f=dict(q), older=older, paging=paging, error=error, title="History")

    routes = [
        Route("/healthz", healthz),
        Route("/v1/hook", api_hook, methods=["POST"]),
        Route("/v1/decide", api_decide, methods=["POST"]),
        Route("/v1/policy", api_policy),
        Route("/openapi.json", openapi, include_in_schema=False),
        Route("/login", login, methods=["GET", "POST"], include_in_schema=False),
        Route("/logout", logout, methods=["POST"], include_in_schema=False),
        Route("/login/oidc", oidc_start, include_in_schema=False),
        Route("/login/oidc/callback", oidc_callback, name="oidc_callback", include_in_schema=False),
        Route("/", dashboard, include_in_schema=False),
        Route("/sessions/{sid}", session_page, include_in_schema=False),
        Route("/policy", policy_page, methods=["GET", "POST"], include_in_schema=False),
        Route("/v1/offline", api_offline, methods=["POST"]),
        Route("/policy/lint", policy_lint, methods=["POST"], include_in_schema=False),
        Route("/policy/trust", policy_trust, methods=["POST"], include_in_schema=False),
        Route("/policy/{what:str}", policy_quick, methods=["POST"], include_in_schema=False),
        Route("/changes", changes_page, include_in_schema=False),
        Route("/changes/{cid:int}", change_page, include_in_schema=False),
        Route("/changes/{cid:int}/revert", change_revert, methods=["POST"], include_in_schema=False),
        Route("/changes/{cid:int}/{verb:str}", change_decide, methods=["POST"], include_in_schema=False),
        Route("/decisions/{did:int}", decision_page, include_in_schema=False),
        Route("/decisions/{did:int}/allow", decision_allow, methods=["POST"], include_in_schema=False),
        Route("/audit/export", audit_export, include_in_schema=False),
        Route("/tokens", tokens_page, methods=["GET", "POST"], include_in_schema=False),
        Route("/tokens/{tid:int}/revoke", token_revoke, methods=["POST"], include_in_schema=False),
        Route("/users", users_page, methods=["GET", "POST"], include_in_schema=False),
        Route("/history", history_page, include_in_schema=False),
    ]

    async def unavailable(request: Request, exc: Exception) -> Response:
        return PlainTextResponse(f"the team service's database is unavailable; try again shortly ({exc})", status_code=503)

    async def rejected(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/v1/"):
            return JSONResponse({"error": str(exc)}, status_code=400)
        return PlainTextResponse(str(exc), status_code=400)

    return Starlette(routes=routes, exception_handlers={StoreUnavailable: unavailable, RequestRejected: rejected})


class _RecordOnly:
    """An adapter whose answer is the Decision itself (/v1/decide returns the decision record)."""

    @staticmethod
    def render_answer(decision: Any) -> Any:
        return decision


def _security_headers() -> dict[str, str]:
    return {
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    }


def _brief(tool_input: Any) -> str:
    from ..reports import _brief as brief

    return brief(tool_input)
