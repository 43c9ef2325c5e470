"""`clearance user`, `clearance token` and `clearance change`: the team service's people, agent tokens and change
requests from the command line, so that provisioning can be scripted.

The commands work on the service's database directly (``--db``, or the audit store's URL), so whoever runs them
already holds the database's credentials.  Every change they make, except the first admin and the
``user add`` an operator needs to get a lone first admin a second person, is a change request that a
second, earlier person approves (``--by`` names who acts; the same rules as in the web UI apply), and
everything is written to the admin history with "(cli)".
"""

from __future__ import annotations

import json
import sys
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any


# What a change's impact says when the trail holds no call to replay (not "0 calls would be decided differently").
NOTHING_TO_REPLAY = (
    "no audited calls to replay yet, so nothing tells what this change would decide differently; "
    "check it with `clearance policy test` (policy tests, docs/policy.md) or wire an agent to the service first"
)


def _service(args: argparse.Namespace, create: bool = False) -> Any:
    """The team service's database.  A SQLite file that is not there is a mistyped --db (or a service never started):
    said so, rather than created empty and listed as "(none)" -- except for the operator's first `user add`."""
    import os

    from .server.service import Service
    from .store import resolve_url

    url = resolve_url(args.db, None, os.environ)
    where = f"clearance {args.cmd} {args.action}"
    if not url.startswith(("postgresql://", "postgres://")) and not create:
        path = url[len("sqlite:///") - 1 :] if url.startswith("sqlite:///") else url
        if not os.path.exists(path):
            print(
                f"{where}: no team database at {path}; give the one `clearance serve --db` uses (--db or CLEARANCE_DB)",
                file=sys.stderr,
            )
            raise SystemExit(1)
    try:
        svc = Service(url)
    except Exception as e:  # PostgreSQL without psycopg, a server that does not answer, a file that is not a database
        print(f"{where}: cannot open the team database: {str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__}", file=sys.stderr)
        raise SystemExit(1) from None
    if not create and not svc.users():
        # `clearance serve` makes its first admin when it starts, so a store with nobody in it is not the team's: most
        # often --db was left out and this is the machine's own audit trail, where "no user 'alice'" or "(none)" misled.
        from .cli import shown_url

        local = "" if args.db or os.environ.get("CLEARANCE_DB") else " (without --db or CLEARANCE_DB this is this machine's own audit trail)"
        print(
            f"{where}: {shown_url(url)} has no people in it, so it is not a team service's database{local}; "
            "give the one `clearance serve --db` uses (--db or CLEARANCE_DB)",
            file=sys.stderr,
        )
        raise SystemExit(1)
    return svc


def _actor(svc: Any, args: argparse.Namespace, roles: tuple[str, ...] = ("admin",)) -> None:
    """--by must name an enabled person with one of *roles*: a typo would otherwise file a change under a name
    nobody holds (the same rule as the web UI, where the proposer is whoever is logged in)."""
    person = next((u for u in svc.users() if u["name"] == args.by), None)
    problem = ""
    if person is None:
        problem = f"no user {args.by!r} (`clearance {args.cmd} list`" + (")" if args.cmd == "user" else " / `clearance user list`)")
    elif person.get("disabled"):
        problem = f"{args.by}'s account is disabled"
    elif person.get("role") not in roles:
        problem = f"{args.by} is {person.get('role')}; only {' and '.join(r + 's' for r in roles)} may do this"
    if problem:
        print(f"clearance {args.cmd} {args.action}: --by {args.by}: {problem}", file=sys.stderr)
        raise SystemExit(1)


def _table(rows: list[dict[str, Any]], cols: list[str]) -> str:
    if not rows:
        return "(none)"
    width = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in cols}
    out = ["  ".join(c.ljust(width[c]) for c in cols)]
    out += ["  ".join(str(r.get(c, "")).ljust(width[c]) for c in cols) for r in rows]
    return "\n".join(out)


def _when(ts: object) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.gmtime(float(ts))) if isinstance(ts, (int, float)) and ts else "never"


def _read_password() -> str:
    return sys.stdin.readline().rstrip("\n")


def cmd_user(args: argparse.Namespace) -> int:
    from .server.service import ServiceError

    svc = _service(args, create=args.action == "add" and not args.by)
    try:
        if args.action == "list":
            users = svc.users()
            if args.json:
                print(json.dumps(users, default=str))
            else:
                rows = [{**u, "state": "disabled" if u.get("disabled") else "active"} for u in users]
                print(_table(rows, ["name", "role", "state", "created_by"]))
            return 0
        if args.action == "add":
            if args.by:
                _actor(svc, args)
                cid = svc.propose_user(args.name, _read_password(), args.role, args.by)
                print(f"change {cid}: add {args.name} ({args.role}) -- waits for a second person: clearance change approve {cid} --by NAME --comment TEXT")
                return 0
            svc.add_second_person(args.name, _read_password(), args.role)
            print(f"added {args.name} ({args.role})")
            return 0
        if not args.by:
            print(f"clearance user {args.action}: say who proposes it with --by NAME (an admin)", file=sys.stderr)
            return 2
        _actor(svc, args)
        password = _read_password() if args.action == "password" else ""
        cid = svc.propose_user_change(args.action, args.name, args.by, role=args.role or "", password=password)
        print(f"change {cid}: {args.action} {args.name} -- waits for a second person: clearance change approve {cid} --by NAME --comment TEXT")
        return 0
    except ServiceError as e:
        print(f"clearance user {args.action}: {e}", file=sys.stderr)
        return 1


def cmd_token(args: argparse.Namespace) -> int:
    from .server.service import ServiceError

    svc = _service(args)
    try:
        if args.action == "list":
            tokens = svc.tokens()
            if args.json:
                print(json.dumps(tokens, default=str))
            else:
                rows = [{**t, "expires": _when(t["expires"]) if t["expires"] else "", "last_used": _when(t["last_used"])} for t in tokens]
                print(_table(rows, ["id", "name", "state", "created_by", "expires", "last_used"]))
            return 0
        if not args.by:
            print(f"clearance token {args.action}: say who acts with --by NAME", file=sys.stderr)
            return 2
        _actor(svc, args)
        if args.action == "propose":
            cid, token = svc.propose_token(args.name, args.by, args.days or 0)
            if args.json:
                print(json.dumps({"change": cid, "token": token}))
            else:
                print(token)
                print(f"change {cid}: the token works once a second person approves: clearance change approve {cid} --by NAME --comment TEXT", file=sys.stderr)
            return 0
        if args.action == "revoke":
            ids = [t["id"] for t in svc.tokens()]
            if not args.name.isdigit() or int(args.name) not in ids:
                print(f"clearance token revoke: no token #{args.name}", file=sys.stderr)
                return 1
            svc.revoke_token(int(args.name), f"{args.by} (cli)")
            print(f"revoked token #{args.name}")
            return 0
    except ServiceError as e:
        print(f"clearance token {args.action}: {e}", file=sys.stderr)
        return 1
    return 2


def cmd_change(args: argparse.Namespace) -> int:
    from .server.service import ServiceError

    svc = _service(args)
    try:
        if args.action == "list":
            changes = [c for c in svc.changes() if args.all or c["status"] == "proposed"]
            if args.json:
                print(json.dumps(changes, default=str))
            else:
                rows = [{**c, "proposed": _when(c["proposed"])} for c in changes]
                print(_table(rows, ["id", "kind", "status", "proposed_by", "proposed", "summary"]))
            return 0
        if args.action == "show":
            return _show_change(svc, args)
        if args.action == "propose":
            return _propose_policy(svc, args)
        if args.id is None or not args.by:
            print(f"clearance change {args.action}: give the change's number and --by NAME", file=sys.stderr)
            return 2
        _actor(svc, args, ("admin", "approver"))
        role = next((u["role"] for u in svc.users() if u["name"] == args.by), "")
        svc.decide_change(
            args.id, args.by, role, args.action == "approve", f"{args.comment or ''} (cli)" if args.comment else "", override=bool(args.override_lint)
        )
        print(f"change {args.id} {'approved' if args.action == 'approve' else 'rejected'} by {args.by}")
        return 0
    except ServiceError as e:
        print(f"clearance change {args.action}: {e}", file=sys.stderr)
        return 1


def _propose_policy(svc: Any, args: argparse.Namespace) -> int:
    """A managed policy from a file, proposed as the web page's editor proposes it (validated; a second person approves)."""
    allow_id = getattr(args, "allow", None)
    if allow_id is not None and args.by and not args.policy:
        _actor(svc, args)
        cid, rules = svc.propose_allow(allow_id, args.by)
        print(
            f"change {cid}: allow {', '.join(rules)} in the team policy (decision {allow_id}) -- see what it would change: clearance change show {cid};"
            f" a second person approves: clearance change approve {cid} --by NAME --comment TEXT"
        )
        return 0
    if not args.policy or not args.by:
        print(
            "clearance change propose: give the policy file and who proposes it: --policy FILE --by NAME (or --allow ID --by NAME: allow exactly"
            " what an audited decision denied)",
            file=sys.stderr,
        )
        return 2
    _actor(svc, args)
    try:
        with open(args.policy, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        print(f"clearance change propose: cannot read {args.policy}: {e}", file=sys.stderr)
        return 1
    cid = svc.propose(text, args.by, args.comment or "")
    for x in svc.change_lints(cid):  # proposed all the same; approving needs --override-lint when one is an error
        print(f"{args.policy}:{x['line']}: {x['id']} {x['severity']}: {x['message']} -- {x['why']}", file=sys.stderr)
    print(
        f"change {cid}: the policy in {args.policy} -- see what it would change: clearance change show {cid}; a second person approves: "
        f"clearance change approve {cid} --by NAME --comment TEXT"
    )
    return 0


def impact_lines(effect: dict[str, Any] | None) -> list[str]:
    """The impact preview for a person at a terminal (pure): counts before and after, each call decided differently."""
    from .reports import _brief

    lines: list[str] = []
    if effect is not None and effect.get("busy"):
        lines += ["", "impact    being worked out for another request; run this again in a few seconds"]
    elif effect is not None and not effect.get("replayed"):
        lines += ["", f"impact    {NOTHING_TO_REPLAY}"]
    elif effect is not None:
        since = f" (since {_when(effect['since'])})" if effect.get("since") else ""
        counts = " · ".join(f"{k} {effect['before'].get(k, 0)} → {effect['after'].get(k, 0)}" for k in ("allow", "ask", "deny"))
        changed = effect["changed"]
        lines += ["", f"impact    replayed the latest {effect['replayed']} audited calls{since} with the current and the proposed policy: {counts}"]
        lines.append(
            f"          {len(changed)} call{'' if len(changed) == 1 else 's'} would be decided differently"
            + ("" if effect.get("complete", True) else " (not every recorded call was replayed)")
        )
        for x in changed[:200]:
            lines.append(f"  #{x.get('id')}  {x['tool_name']}  {_brief(x['tool_input'])}   {x['before']} → {x['after']}   {', '.join(x.get('rules') or [])}")
        more = " ".join(f"{r} +{n}" for r, n in effect.get("rules_gained", {}).items())
        less = " ".join(f"{r} -{n}" for r, n in effect.get("rules_lost", {}).items())
        if more or less:
            lines.append(f"          rules that would fire more: {more or '-'}; less: {less or '-'}")
    if effect is not None and effect.get("not_replayed"):
        secs = ", ".join(f"[{k}]" for k in effect["not_replayed"])
        lines.append(f"          not replayed: {secs} -- a replay decides each call alone and cannot show these; read them in the diff")
    return lines


def change_text_lines(change: dict[str, Any], effect: dict[str, Any] | None, lints: list[dict[str, Any]] | None = None) -> list[str]:
    """A change request for a person at a terminal (pure): what, who, status, the diff, and the impact preview."""

    lines = [f"change {change['id']}: {change['kind']}, proposed by {change['proposed_by']} at {_when(change['proposed'])}"]
    if change.get("summary"):
        lines.append(f"summary   {change['summary']}")
    status = str(change["status"])
    if change.get("decided_by"):
        status += f" by {change['decided_by']} at {_when(change.get('decided'))}"
        if change.get("comment"):
            status += f": {change['comment']}"
    lines.append(f"status    {status}")
    if change.get("diff"):
        lines += ["", *str(change["diff"]).rstrip("\n").splitlines()]
    if lints:
        lines += ["", f"lint      {len(lints)} finding{'' if len(lints) == 1 else 's'} in the proposed policy:"]
        lines += [f"  policy:{x['line']}: {x['id']} {x['severity']}: {x['message']} -- {x['why']}" for x in lints]
    lines += impact_lines(effect)
    if change["status"] == "proposed":
        override = " --override-lint" if any(x["severity"] == "error" for x in lints or []) else ""
        lines += [
            "",
            f"approve   clearance change approve {change['id']} --by NAME --comment TEXT{override}"
            f"   (reject: clearance change reject {change['id']} --by NAME)",
        ]
        if override:
            lines.append("          lint found errors: approving needs --override-lint, and the override is recorded in the admin log")
    return lines


def _show_change(svc: Any, args: argparse.Namespace) -> int:
    found = [c for c in svc.changes() if c["id"] == args.id] if args.id is not None else []
    if not found:
        print(f"clearance change show: no change {args.id} (`clearance change list --all`)", file=sys.stderr)
        return 1
    change = found[0]
    effect = svc.change_impact(change["id"]) if change["kind"] == "policy" and change["status"] == "proposed" else None
    lints = svc.change_lints(change["id"])
    if args.json:
        print(json.dumps({**change, "impact": effect, "lint": lints}, default=str))
        return 0
    print("\n".join(change_text_lines(change, effect, lints)))
    return 0
