"""The ``clearance`` command line (everything except the hook fast path)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from . import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .store import Store


def _cmd_hook(args: argparse.Namespace) -> int:
    from .hook import main as hook_main

    argv = ["--agent", args.agent] if args.agent else []
    if args.shadow:
        argv.append("--shadow")
    if args.headless:
        argv.append("--headless")
    if args.no_audit:
        argv.append("--no-audit")
    if args.db:
        argv += ["--db", args.db]
    return hook_main(argv)


def _cmd_decide(args: argparse.Namespace) -> int:
    rows: list[tuple[dict[str, object], dict[str, object]]] = []
    out = sys.stdout
    stores: dict[str, Store] = {}  # --stateful: one connection per store for the whole batch
    try:
        _decide_lines(args, rows, stores)
    finally:
        for store in stores.values():
            store.close()
    if args.table:
        from .render import decision_table

        out.write(decision_table(rows))
    out.flush()
    return 0


def _decide_lines(args: argparse.Namespace, rows: list[tuple[dict[str, object], dict[str, object]]], stores: dict[str, Store]) -> None:
    from .api import decide_event_full, malformed

    out = sys.stdout
    for lineno, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        event: object = None
        try:
            event = json.loads(line)
        except ValueError as e:
            d = malformed(f"line {lineno} is not valid JSON: {str(e)[:100]}")
            rec = d.to_record(None)
            print(f"clearance decide: line {lineno}: not valid JSON", file=sys.stderr)
        else:
            d, ctx, policy = decide_event_full(event)
            if args.stateful and isinstance(event, dict):
                from .audit import is_headless, record

                d = record(d, event, ctx, policy, os.environ, args.db, False, is_headless(os.environ, args.headless), stores)
            rec = d.to_record(event.get("id") if isinstance(event, dict) else None)
        if args.table:
            rows.append((event if isinstance(event, dict) else {}, rec))
        else:
            out.write(json.dumps(rec) + "\n")


def _cmd_check(args: argparse.Namespace) -> int:
    from .context import build_context
    from .engine import analyse_shell, evaluate
    from .model import Action
    from .render import explain
    from .scope import Scope
    from .tools import kind_of

    cwd = os.path.abspath(args.cwd) if args.cwd else os.getcwd()
    ctx = build_context(cwd)
    tool = args.tool
    words = list(args.command)
    if words and words[0] == "--":
        words = words[1:]
    if not words:
        print("clearance check: give the command after --, e.g. clearance check -- rm -rf build", file=sys.stderr)
        return 2
    if tool == "Bash":
        text = words[0] if len(words) == 1 else " ".join(words)
        tool_input: dict[str, object] = {"command": text}
    elif tool in ("WebFetch",):
        tool_input = {"url": words[0], "prompt": "read"}
    elif tool in ("Write", "Edit", "Read", "MultiEdit"):
        tool_input = {"file_path": words[0], "content": " ".join(words[1:]), "old_string": "", "new_string": ""}
    else:
        try:
            parsed = json.loads(" ".join(words))
        except ValueError:
            print(f"clearance check: for --tool {tool}, give the tool input as JSON", file=sys.stderr)
            return 2
        tool_input = parsed if isinstance(parsed, dict) else {"value": parsed}
    from .policy import load_policy

    policy = load_policy(ctx.project_root, os.environ)  # the effective policy, as the hook would use it
    action = Action(kind_of(tool), tool, tool_input)
    decision = evaluate(action, ctx, policy)
    try:
        analysis = analyse_shell(str(tool_input["command"]), Scope(ctx, policy.trust)) if tool == "Bash" else None
    except Exception as exc:  # the decision above already answered "ask" for this
        print(f"clearance check: the analyser failed ({type(exc).__name__}: {exc}); the decision is {decision.decision}", file=sys.stderr)
        analysis = None
    if args.json:
        rec = decision.to_record(None)
        rec["findings"] = [{"rule": f.rule_id, "verdict": f.verdict, "message": f.message, "command": f.command} for f in decision.findings]
        if analysis is not None:
            rec["commands"] = [{"argv": [w.value.replace("\x00", "$?") for w in c.argv], "via": list(c.via), "cwd": c.cwd} for c in analysis.commands]
        print(json.dumps(rec, indent=2))
    else:
        print(explain(action, ctx, decision, analysis))
        from .reviewer import would_review

        why = would_review(decision)
        if why:
            print(f"reviewer  this decision would go to the reviewer model if one were configured: {why}")
    return {"allow": 0, "ask": 1, "deny": 3}[decision.decision] if args.exit_code else 0


def _cmd_rules(args: argparse.Namespace) -> int:
    from .rules import load

    reg = load()
    if args.id:
        r = reg.get(args.id)
        if r is None:
            print(f"clearance rules: no rule {args.id!r}", file=sys.stderr)
            return 2
        print(f"{r.id}  [{r.verdict}]\n  {r.title}\n\n  Why: {r.why}\n")
        print("  Must match:")
        for m in r.match:
            print(f"    {m if isinstance(m, str) else json.dumps(m)}")
        if r.no_match:
            print("  Must not match:")
            for m in r.no_match:
                print(f"    {m if isinstance(m, str) else json.dumps(m)}")
        return 0
    if args.json:
        print(json.dumps([{"id": r.id, "title": r.title, "verdict": r.verdict, "why": r.why} for r in reg.values()], indent=2))
        return 0
    if args.markdown:
        from .render import rules_markdown

        sys.stdout.write(rules_markdown(list(reg.values())))
        return 0
    for r in sorted(reg.values(), key=lambda r: r.id):
        print(f"{r.id:32s} {r.verdict:9s} {r.title}")
    return 0


def _project_root(cwd: str | None) -> str:
    from .context import build_context

    return build_context(os.path.abspath(cwd) if cwd else os.getcwd()).project_root


def _cmd_policy(args: argparse.Namespace) -> int:
    from .policy import tools

    root = _project_root(args.cwd)
    if args.action == "show":
        print(tools.show(root, os.environ, as_json=args.json))
        return 0
    if args.action == "schema":
        from .policy.schema import json_schema

        print(json.dumps(json_schema(), indent=2))
        return 0
    if args.action == "lint":
        problems = tools.lint_files(args.files) if args.files else tools.lint_effective(root, os.environ)
        for p in problems:
            print(p)
        if not problems:
            print("policy: no problems found")
        return 1 if problems else 0
    if args.action == "test":
        if not args.files:
            print("clearance policy test: give a file of cases", file=sys.stderr)
            return 2
        total = 0
        for f in args.files:
            try:
                failures, lines = tools.run_tests(f, root, os.environ)
            except (OSError, ValueError) as e:
                print(f"clearance policy test: {e}", file=sys.stderr)
                return 2
            total += failures
            print("\n".join(lines))
        print(f"{'FAILED' if total else 'passed'}: {total} mismatch(es)")
        return 1 if total else 0
    return 2


def _audit_policy(with_sources: bool = False) -> dict[str, object]:
    from .policy import load_policy

    data = load_policy(_project_root(None), os.environ).data
    audit: dict[str, object] = dict(data.get("audit", {}))
    if with_sources:
        audit["_sources"] = data.get("sources", {})
    return audit


def _open_store(args: argparse.Namespace, audit: dict[str, object] | None = None) -> Store:
    from .store import open_store, resolve_url
    from .store.chain import key_file

    audit = _audit_policy() if audit is None else audit
    return open_store(resolve_url(args.db, audit, os.environ), key_file(audit, os.environ))


def _filters(args: argparse.Namespace) -> dict[str, object]:
    from .reports import parse_time

    f: dict[str, object] = {"session_id": args.session, "decision": args.decision, "rule": args.rule, "tool_name": args.tool}
    if args.since:
        f["since"] = parse_time(args.since)
    if args.until:
        f["until"] = parse_time(args.until)
    return f


def _cmd_log(args: argparse.Namespace) -> int:
    if args.verify:
        return _log_verify(args)
    if args.prune:
        return _log_prune(args)
    store = _open_store(args)
    try:
        rows = store.query(_filters(args), args.limit)
    finally:
        store.close()
    rows.reverse()  # oldest first, like a log
    for r in rows:
        if args.json:
            out = {
                k: r[k]
                for k in ("time", "session_id", "agent", "tool_name", "decision", "stage", "rules", "reason", "cwd", "tool_input", "elapsed_ms", "shadow")
            }
            print(json.dumps(out))
        else:
            from .render import describe_input

            what = describe_input(str(r["tool_name"]), r["tool_input"]).replace("\n", " ")
            shadow = " (shadow)" if r["shadow"] else ""
            print(f"{r['time']}  {r['session_id'][:12]:12s}  {r['decision']:5s}{shadow}  {r['tool_name']:10s}  {what[:70]:70s}  {', '.join(r['rules'])}")
    return 0


def _log_verify(args: argparse.Namespace) -> int:
    """Check the audit trail's hash chain; exit 1 at a break, 2 when it cannot be checked."""
    from .store.chain import KeyError_

    store = _open_store(args)
    try:
        res = store.verify()
    except KeyError_ as e:
        print(f"clearance log --verify: {e}: the chain cannot be checked without the key that wrote it", file=sys.stderr)
        return 2
    finally:
        store.close()
    if args.json:
        print(json.dumps(res))
    else:
        head = res["head"]
        parts = [f"{res['checked']} decision(s) checked"]
        if res["before_chain"]:
            parts.append(f"{res['before_chain']} recorded before the chain began (schema migration) are not covered")
        if res["pruned"]:
            parts.append(f"{res['pruned']} pruned under {res['anchors']} anchor(s)")
        if res["ok"]:
            print("audit chain intact: " + "; ".join(parts))
        else:
            first = res["first_break"]
            print(f"audit chain BROKEN: {first['problem']}")
            print(f"{res['broken']} broken link(s); " + "; ".join(parts))
        if head:
            print(f"head: decision {head['id']} chain {head['chain']} (keep a copy elsewhere: deleting the newest rows is only seen against it)")
    return 0 if res["ok"] else 1


def _log_prune(args: argparse.Namespace) -> int:
    from .store.chain import retention

    audit = _audit_policy(with_sources=True)
    sources = audit.pop("_sources", {})
    days, mb = retention(audit)
    for name, given in (("retention_days", args.retention_days), ("max_mb", args.max_mb)):
        if given is None:
            continue
        if given < 0:
            print("clearance log --prune: --retention-days and --max-mb must be 0 (no limit) or more", file=sys.stderr)
            return 2
        current = days if name == "retention_days" else mb
        # The managed policy's retention is what the organisation keeps: a command line may keep more, never less.
        if isinstance(sources, dict) and sources.get(f"audit.{name}") == "managed" and given > 0 and (current == 0 or given < current):
            flag = "--" + name.replace("_", "-")
            print(f"clearance log --prune: the managed policy keeps [audit] {name} = {current:g}; {flag} {given:g} would delete more", file=sys.stderr)
            return 2
        if name == "retention_days":
            days = given
        else:
            mb = given
    store = _open_store(args, audit)
    try:
        res = store.prune(days, mb, vacuum=True)
    finally:
        store.close()
    if args.json:
        print(json.dumps(res))
    else:
        limits = f"older than {days:g} day(s)" if days else "no age limit"
        limits += f", beyond {mb:g} MB" if mb else ""
        size = f"; file {res['bytes_before'] / 1e6:.1f} MB -> {res['bytes_after'] / 1e6:.1f} MB" if "bytes_before" in res else ""
        print(f"pruned {res['pruned']} decision(s) ({limits}){size}")
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    from .reports import stats, stats_text

    store = _open_store(args)
    try:
        rows = store.query(_filters(args), 10_000_000)
    finally:
        store.close()
    s = stats(rows)
    print(json.dumps(s, indent=2) if args.json else stats_text(s))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .reports import report_html

    store = _open_store(args)
    try:
        rows = store.query(_filters(args), 10_000_000)
    finally:
        store.close()
    page = report_html(rows)
    with open(args.html, "w", encoding="utf-8") as f:
        f.write(page)
    print(f"wrote {args.html} ({len(rows)} decisions)")
    return 0


def _cmd_replay(args: argparse.Namespace) -> int:
    from .replay import replay, summary_json, summary_text

    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        print(f"clearance replay: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    r = replay(args.paths)
    print(json.dumps(summary_json(r), indent=2) if args.json else summary_text(r))
    return 0


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="audit store (default: policy [audit] url, else $XDG_STATE_HOME/clearance/clearance.db)")
    p.add_argument("--session", help="only this session id")
    p.add_argument("--decision", choices=["allow", "deny", "ask"])
    p.add_argument("--rule", help="only decisions naming this rule id")
    p.add_argument("--tool", help="only this tool name")
    p.add_argument("--since", help="from this time: 2h, 3d, 2026-11-25, 2026-11-25T10:00:00Z")
    p.add_argument("--until", help="up to this time")


def _home_project(args: argparse.Namespace) -> tuple[str, str]:
    home = os.environ.get("HOME") or os.path.expanduser("~")
    return home, _project_root(getattr(args, "cwd", None))


def _cmd_install(args: argparse.Namespace) -> int:
    from .installer import InstallError, install, uninstall

    home, project = _home_project(args)
    try:
        if args.cmd == "install":
            path, diff = install(args.agent, args.scope, home, project, dry_run=args.dry_run, http=getattr(args, "http", None))
            if not args.dry_run:
                from .installer import compile_package

                compile_package()  # bytecode now, so that no hook call pays for compiling
        else:
            path, diff = uninstall(args.agent, args.scope, home, project, dry_run=args.dry_run)
    except InstallError as e:
        print(f"clearance {args.cmd}: {e}", file=sys.stderr)
        return 1
    if not diff:
        state = "already installed in" if args.cmd == "install" else "not installed in"
        print(f"clearance is {state} {path}; nothing to do")
        return 0
    sys.stdout.write(diff)
    verb = "would change" if args.dry_run else ("installed in" if args.cmd == "install" else "removed from")
    print(f"\nclearance {verb} {path}" + ("" if args.dry_run or args.cmd != "install" else f" (backup: {path}.clearance.bak)"))
    return 0


def _cmd_doctor(args: argparse.Namespace) -> int:
    from .installer import doctor

    home, project = _home_project(args)
    ok, lines = doctor(home, project, dict(os.environ))
    print("\n".join(lines))
    return 0 if ok else 1


def _cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .server.app import create_app
        from .server.service import WEAK_SECRETS, Service, ServiceError
    except ImportError as e:
        print(f"clearance serve needs the server extra: pip install 'clearance[server]' ({e})", file=sys.stderr)
        return 2
    from .store import resolve_url

    url = resolve_url(args.db, None, os.environ)
    service = Service(url)
    if not service.users():
        name = os.environ.get("CLEARANCE_ADMIN_USER", "admin")
        password = os.environ.get("CLEARANCE_ADMIN_PASSWORD", "")
        if password.lower() in WEAK_SECRETS or len(password) < 10:
            print("clearance serve: refusing to start: set CLEARANCE_ADMIN_PASSWORD (10+ characters, not a default) for the first admin", file=sys.stderr)
            return 2
        try:
            created = service.bootstrap_admin(name, password)  # idempotent: processes starting together create one
        except ServiceError as e:
            print(f"clearance serve: {e}", file=sys.stderr)
            return 2
        if created:
            print(f"clearance serve: created the first admin {name!r}", file=sys.stderr)
    app = create_app(service, secure_cookies=args.secure_cookies)
    print(f"clearance serve: http://{args.host}:{args.port} (audit store: {url})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def _cmd_user(args: argparse.Namespace) -> int:
    from .server.service import Service, ServiceError
    from .store import resolve_url

    password = sys.stdin.readline().rstrip("\n")
    try:
        Service(resolve_url(args.db, None, os.environ)).add_user(args.name, password, args.role, by="cli")
    except ServiceError as e:
        print(f"clearance user: {e}", file=sys.stderr)
        return 1
    print(f"added {args.name} ({args.role})")
    return 0


def _cmd_daemon(args: argparse.Namespace) -> int:
    from .daemon import serve

    return serve(args.socket)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="clearance", description="An auto mode for AI coding agents: allow, deny or ask for every tool call.")
    p.add_argument("--version", action="version", version=f"clearance {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True)

    h = sub.add_parser("hook", help="read one hook event on stdin and print the agent's answer")
    h.add_argument("--agent", choices=["claude", "codex", "gemini", "cursor", "copilot"], help="agent protocol (default: detected from the event)")
    h.add_argument("--shadow", action="store_true", help="decide and record, but answer nothing (measure before switching on)")
    h.add_argument("--headless", action="store_true", help="no person is watching: repeated denials stop the run instead of asking")
    h.add_argument("--db", help="audit store: a SQLite path or postgresql://... (default: policy [audit] url, else $XDG_STATE_HOME/clearance/clearance.db)")
    h.add_argument("--no-audit", action="store_true", help="do not record (no escalation either)")
    h.set_defaults(fn=_cmd_hook)

    d = sub.add_parser("decide", help="decide JSONL hook events from stdin, one JSON decision per line")
    d.add_argument("--table", action="store_true", help="print a readable table instead of JSONL")
    d.add_argument("--stateful", action="store_true", help="record each decision and apply session escalation, as the hook does")
    d.add_argument("--headless", action="store_true", help="with --stateful: treat sessions as headless")
    d.add_argument("--db", help="with --stateful: the audit store")
    d.set_defaults(fn=_cmd_decide)

    c = sub.add_parser("check", help="explain the decision for one command or tool call")
    c.add_argument("--cwd", help="working directory of the call (default: here)")
    c.add_argument("--tool", default="Bash", help="tool name (Bash, Write, Read, WebFetch, mcp__x__y ...)")
    c.add_argument("--json", action="store_true", help="machine-readable output")
    c.add_argument("--exit-code", action="store_true", help="exit 0 allow, 1 ask, 3 deny")
    c.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command (or the path / URL / JSON input)")
    c.set_defaults(fn=_cmd_check)

    for name, text in (
        ("install", "wire the hook into an agent's settings (merge, backup, idempotent)"),
        ("uninstall", "remove the hook from an agent's settings"),
    ):
        ip = sub.add_parser(name, help=text)
        ip.add_argument("agent", choices=["claude", "codex", "gemini", "cursor", "copilot"])
        ip.add_argument("--scope", choices=["user", "project"], default="user")
        ip.add_argument("--dry-run", action="store_true", help="print the diff, change nothing")
        ip.add_argument("--cwd", help="project directory for --scope project (default: here)")
        if name == "install":
            ip.add_argument(
                "--http",
                nargs="?",
                const="http://127.0.0.1:8765",
                metavar="URL",
                help="Claude Code only: an http hook posting to `clearance serve` at URL (default http://127.0.0.1:8765); see docs/protocols.md",
            )
        ip.set_defaults(fn=_cmd_install)

    dr = sub.add_parser("doctor", help="check each agent's installation, the policy and the audit store")
    dr.add_argument("--cwd", help="project directory (default: here)")
    dr.set_defaults(fn=_cmd_doctor)

    pol = sub.add_parser("policy", help="the layered policy: show, lint, test, schema")
    pol.add_argument("action", choices=["show", "lint", "test", "schema"])
    pol.add_argument("files", nargs="*", help="lint: policy files (default: the effective layers); test: case files")
    pol.add_argument("--cwd", help="project directory (default: here)")
    pol.add_argument("--json", action="store_true", help="show: machine-readable")
    pol.set_defaults(fn=_cmd_policy)

    lg = sub.add_parser("log", help="the audit trail, oldest first")
    _add_filters(lg)
    lg.add_argument("--limit", type=int, default=200)
    lg.add_argument("--json", action="store_true", help="one JSON object per line")
    lg.add_argument("--verify", action="store_true", help="check the hash chain over the records; exit 1 at the first broken or missing row")
    lg.add_argument("--prune", action="store_true", help="delete records past the policy's [audit] retention now (and compact the file)")
    lg.add_argument("--retention-days", type=float, help="with --prune: keep this many days (0: no age limit)")
    lg.add_argument("--max-mb", type=float, help="with --prune: keep the SQLite store under this size (0: no size limit)")
    lg.set_defaults(fn=_cmd_log)

    st = sub.add_parser("stats", help="decisions by kind, top rules, prompts saved, denials per session")
    _add_filters(st)
    st.add_argument("--json", action="store_true")
    st.set_defaults(fn=_cmd_stats)

    rp = sub.add_parser("report", help="a self-contained HTML page with charts")
    _add_filters(rp)
    rp.add_argument("--html", required=True, help="output file")
    rp.set_defaults(fn=_cmd_report)

    rl = sub.add_parser("replay", help="what clearance would have done in recorded Claude Code sessions")
    rl.add_argument("paths", nargs="+", help="transcript .jsonl files or folders (e.g. ~/.claude/projects)")
    rl.add_argument("--json", action="store_true")
    rl.set_defaults(fn=_cmd_replay)

    sv = sub.add_parser("serve", help="the team service: decision API, admin UI, audit dashboard")
    sv.add_argument("--db", help="postgresql://... (teams) or a SQLite path (default: the audit store)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8765)
    sv.add_argument("--secure-cookies", action="store_true", help="mark cookies Secure (behind HTTPS)")
    sv.set_defaults(fn=_cmd_serve)

    us = sub.add_parser("user", help="add a person to the team service (password on stdin)")
    us.add_argument("action", choices=["add"])
    us.add_argument("name")
    us.add_argument("--role", choices=["admin", "approver", "viewer"], default="viewer")
    us.add_argument("--db")
    us.set_defaults(fn=_cmd_user)

    dm = sub.add_parser(
        "daemon", help="keep the engine warm on a Unix socket; enables it for the hook (key: $XDG_STATE_HOME/clearance/daemon.key, see docs/protocols.md)"
    )
    dm.add_argument("--socket", help="socket path (default: $XDG_RUNTIME_DIR/clearance/daemon.sock)")
    dm.set_defaults(fn=_cmd_daemon)

    r = sub.add_parser("rules", help="list the built-in rules, or explain one")
    r.add_argument("id", nargs="?")
    r.add_argument("--json", action="store_true")
    r.add_argument("--markdown", action="store_true", help="the rule reference page (docs/rules.md)")
    r.set_defaults(fn=_cmd_rules)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        rc: int = args.fn(args)
    except BrokenPipeError:
        return 0
    return rc
