"""The ``clearance`` command line (everything except the hook fast path)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from . import __version__
from .lazyre import lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    import socket

    from .policy import Policy
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


CHECK_LIFT = (
    "The user may allow it when an agent makes this call: its denial names the record to allow (`clearance allow ID`); "
    "`clearance check` records nothing, so `clearance allow --last` would name another call."
)


def _cmd_check(args: argparse.Namespace) -> int:
    from .context import build_context
    from .engine import analyse_shell, evaluate
    from .model import Action
    from .render import explain
    from .scope import Scope
    from .toolkind import kind_of

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
    from .engine import LIFT_ASK, LIFT_DENY

    # The hook's way forward names `clearance allow --last`, which lifts the latest *recorded* decision; check records
    # nothing, so --last would have granted some other call the agent made earlier (found following this output).
    for lift in (LIFT_DENY, LIFT_ASK):
        decision.hint = decision.hint.replace(lift, CHECK_LIFT)
    try:
        analysis = analyse_shell(str(tool_input["command"]), Scope(ctx, policy.trust)) if tool == "Bash" else None
    except Exception as exc:  # the decision above already answered "ask" for this
        print(f"clearance check: the analyser failed ({type(exc).__name__}: {exc}); the decision is {decision.decision}", file=sys.stderr)
        analysis = None
    if args.json:
        rec = decision.to_record(None)
        rec["findings"] = [{"rule": f.rule_id, "verdict": f.verdict, "message": f.message, "command": f.command} for f in decision.findings]
        rec["hint"] = decision.hint
        rec["allow_rules_lost"] = decision.lost
        if analysis is not None:
            rec["commands"] = [{"argv": [w.value.replace("\x00", "…") for w in c.argv], "via": list(c.via), "cwd": c.cwd} for c in analysis.commands]
        print(json.dumps(rec, indent=2))
    else:
        print(explain(action, ctx, decision, analysis))
        for line in decision.lost:
            print(f"allow     {line}")
        if decision.hint:
            print(f"next      {decision.hint}")
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
            print(f"clearance rules: no rule {args.id!r}{_did_you_mean(args.id, list(reg))}", file=sys.stderr)
            return 2
        print(f"{r.id}  [{r.verdict}]\n  {r.title}\n\n  Why: {r.why}\n")
        if r.alternative:
            print(f"  Safer: {r.alternative}\n")
        for program, way in r.alternatives.items():
            print(f"  Safer with {program}: {way}\n")
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


def _policy_impact(args: argparse.Namespace) -> int:
    """`clearance policy impact FILE`: the team service's impact preview, for one machine's trail and layers."""
    from .policy.tools import lint_files
    from .server.impact import impact
    from .teamcli import impact_lines

    path = os.path.abspath(args.file)
    if not os.path.isfile(path):
        print(f"clearance policy impact: no such file: {args.file}", file=sys.stderr)
        return 2
    problems = lint_files([path], default_layer=args.layer)
    var = "CLEARANCE_MANAGED_POLICY" if args.layer == "managed" else "CLEARANCE_USER_POLICY"
    now = dict(os.environ)
    new = {**now, var: path}
    store = _open_store(args, read_only=True)
    try:
        rows = store.query({"shadow": False}, args.limit)
    finally:
        store.close()
    print(f"comparing the {args.layer} layer in force with {path} (the other layers as they are)")
    for p in problems:
        print(f"lint      {p}")
    broken = _layer_would_break(path, new, args.cwd)
    if broken:
        print(f"broken    {path} would not load: the hook would ask for every call (policy.broken) until it is fixed")
    if not rows:
        print("\nimpact    no audited calls to replay yet; check the file with `clearance policy test` (docs/policy.md)")
        return 1 if broken else 0
    policies: dict[tuple[int, str], object] = {}

    def decide(event: dict[str, object], env: dict[str, str]) -> tuple[str, list[str], bool]:
        from .adapters.claude import parse_event
        from .engine import evaluate
        from .policy import load_policy

        try:
            action, ctx = parse_event(event, env)
        except Exception as e:
            return "ask", [f"malformed: {type(e).__name__}"], False
        key = (id(env), ctx.project_root)
        if key not in policies:
            policies[key] = load_policy(ctx.project_root, env)
        d = evaluate(action, ctx, policies[key])  # type: ignore[arg-type]  # no reviewer: a replay asks no model
        return d.decision, list(d.rules), any(f.verdict == "hard_deny" for f in d.findings)

    effect = impact(rows, now, new, decide=decide)
    print("\n".join(impact_lines(effect)[1:]))
    return 1 if broken else 0


def _layer_would_break(path: str, env: dict[str, str], cwd: str | None) -> bool:
    """Whether the proposed file, put in place, is a layer the hook finds but cannot load (every call then asks)."""
    from .policy import load_policy

    layers = load_policy(_project_root(cwd), env).data.get("layers", [])
    return any(x.get("path") == path and x.get("exists") and not x.get("loaded") for x in layers)


def _cmd_policy(args: argparse.Namespace) -> int:
    from .policy import tools

    if not getattr(args, "action", None):
        args.policy_parser.print_help()
        return 2
    root = _project_root(args.cwd)
    if args.action == "show":
        print(tools.show(root, os.environ, as_json=args.json))
        return 0
    if args.action == "schema":
        from .policy.schema import json_schema

        print(json.dumps(json_schema(), indent=2))
        return 0
    if args.action == "lint":
        layer = "managed" if args.managed else "file"
        problems = tools.lint_files(args.files, default_layer=layer) if args.files else tools.lint_effective(root, os.environ)
        for p in problems:
            print(p)
        if not problems:
            print("policy: no problems found")
        return 1 if problems else 0
    if args.action == "impact":
        return _policy_impact(args)
    if args.action == "test":
        if not args.files:
            print("clearance policy test: give a file of cases", file=sys.stderr)
            return 2
        total = 0
        for f in args.files:
            try:
                failures, lines = tools.run_tests(f, root, os.environ)
            except FileNotFoundError:
                print(f"clearance policy test: no such file: {f}", file=sys.stderr)
                return 2
            except (OSError, ValueError) as e:
                print(f"clearance policy test: {e}", file=sys.stderr)
                return 2
            total += failures
            print("\n".join(lines))
        print(f"{'FAILED' if total else 'passed'}: {total} mismatch(es)")
        if total:  # the cases may be right and the policy the wrong one: say which files decided
            from .policy import load_policy

            layers = load_policy(root, os.environ).data.get("layers", [])
            used = ", ".join(f"{x['name']} {'loaded' if x.get('loaded') else 'BROKEN' if x.get('exists') else 'absent'} ({x['path']})" for x in layers)
            print(f"decided with: {used}; set CLEARANCE_MANAGED_POLICY / CLEARANCE_USER_POLICY to test other files")
        return 1 if total else 0
    return 2


def _audit_policy(with_sources: bool = False) -> dict[str, object]:
    from .policy import load_policy

    data = load_policy(_project_root(None), os.environ).data
    audit: dict[str, object] = dict(data.get("audit", {}))
    if with_sources:
        audit["_sources"] = data.get("sources", {})
    return audit


class _NoStore(Exception):
    """A reading command's audit store cannot be opened (message for the user)."""


def _open_store(args: argparse.Namespace, audit: dict[str, object] | None = None, reading: bool = True, read_only: bool = False) -> Store:
    """The audit store.  A reading command never creates one: a mistyped --db is an error, not a new empty file."""
    from .store import default_path, open_store, resolve_url
    from .store.chain import key_file

    audit = _audit_policy() if audit is None else audit
    url = resolve_url(args.db, audit, os.environ)
    from .store import url_problem

    if problem := url_problem(url):
        raise _NoStore(problem)
    if reading and "://" not in url:
        path = url[len("sqlite:///") - 1 :] if url.startswith("sqlite:///") else url
        from .store.spool import spool_path

        if not os.path.exists(path) and not os.path.exists(spool_path(path)):  # hooks may have only spooled so far
            served = _served_note(args)
            if url == default_path(os.environ) and served:
                raise _NoStore(f"no decisions recorded on this machine: {served}")
            if url == default_path(os.environ):
                raise _NoStore(f"no decisions recorded yet ({path} does not exist): the hook may not be installed; run `clearance doctor`")
            raise _NoStore(f"no audit store at {path}: check the path (the default store is {default_path(os.environ)})")
    if "://" not in url:
        problem = _not_a_store(url[len("sqlite:///") - 1 :] if url.startswith("sqlite:///") else url)
        if problem:
            raise _NoStore(problem)
    try:
        return open_store(url, key_file(audit, os.environ), read_only=read_only)
    except FileNotFoundError as e:
        raise _NoStore(str(e)) from e
    except (RuntimeError, ImportError) as e:
        if url.startswith(("postgresql://", "postgres://")) and "psycopg" in str(e):
            raise _NoStore("a PostgreSQL audit store needs psycopg: pip install 'clearance[postgres]'") from e
        raise
    except Exception as e:
        if not url.startswith(("postgresql://", "postgres://")):
            raise
        raise _NoStore(store_down(url, e)) from e


SQLITE_MAGIC = b"SQLite format 3\x00"


def _not_a_store(path: str) -> str:
    """Why the file at *path* cannot be an audit store ("" when it may be one): a --db that names another file (a
    policy, a log, /etc/passwd) would otherwise end in sqlite3's traceback at the first query."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except IsADirectoryError:
        return f"{path} is a directory, not an audit store: give the database file (the default store is a clearance.db file)"
    except OSError:
        return ""  # not there (created on first use) or unreadable: open_store says what it meets
    if head and head != SQLITE_MAGIC:
        return (
            f"{path} is not an audit store (not a SQLite database): check --db / CLEARANCE_DB / the policy's [audit] url "
            "(`clearance doctor` names the store the hook writes)"
        )
    return ""


def shown_url(url: str) -> str:
    """A store URL for the screen and the logs: the password replaced by *** (pure)."""
    scheme, sep, rest = url.partition("://")
    cred, at, host = rest.partition("@")
    if not sep or not at or "/" in cred or ":" not in cred:
        return url
    return f"{scheme}://{cred.partition(':')[0]}:***@{host}"


def store_down(url: str, e: BaseException) -> str:
    """What to say when the PostgreSQL store at *url* cannot be opened (pure)."""
    first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return (
        f"cannot open the audit store at {shown_url(url)} ({first}); start the database or make it reachable from here, "
        "or point --db / CLEARANCE_DB / the policy's [audit] url at the right one"
    )


def served_note(server: str) -> str:
    """Where a team service's client finds its decisions (pure): the local trail holds only what was decided here."""
    return (
        f"this machine's calls are decided and recorded by the team service at {server} (its dashboard lists them; "
        "its admins change its policy); the local audit trail holds only the calls decided here while the service was unreachable, "
        "which the hook sends to the service's trail once it answers again (marked decided offline)"
    )


def _served_note(args: argparse.Namespace) -> str:
    """served_note for a machine whose hook is a client of the team service (CLEARANCE_SERVER), reading its default store."""
    server = os.environ.get("CLEARANCE_SERVER", "").strip()
    return served_note(server) if server and not getattr(args, "db", None) else ""


def _folder(text: str) -> str:
    """A --cwd: a folder that exists (a typo would otherwise judge the call, or read the policy, somewhere else)."""
    if not os.path.exists(text):
        raise argparse.ArgumentTypeError(f"{text}: no such folder")
    if not os.path.isdir(text):
        raise argparse.ArgumentTypeError(f"{text}: not a folder")
    return text


def _record_id(text: str) -> int:
    """A decision's or a change's number: a whole number a store's 64-bit id can be (past that, the store raised
    OverflowError: a traceback, and in the team service an outage)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number)") from None
    if not 0 < n < 2**63:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id: ids are whole numbers from 1")
    return n


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give 1 or more")
    return n


def _port(text: str) -> int:
    n = _positive_int(text)
    if n > 65535:
        raise argparse.ArgumentTypeError(f"{text!r}: a TCP port is 1 to 65535")
    return n


def _filters(args: argparse.Namespace) -> dict[str, object]:
    from .reports import parse_time

    f: dict[str, object] = {"session_id": args.session, "decision": args.decision, "rule": args.rule, "tool_name": args.tool}
    if args.rule and ":" not in args.rule:  # policy rules are named layer:pattern
        from .rules import load

        reg = load()
        if args.rule not in reg and not args.rule.startswith(("policy.", "input.", "engine.", "probe.", "escalation.")):
            print(f"clearance {args.cmd}: no built-in rule {args.rule!r}{_did_you_mean(args.rule, list(reg))}", file=sys.stderr)
    try:
        if args.since:
            f["since"] = parse_time(args.since)
        if args.until:
            f["until"] = parse_time(args.until)
    except ValueError as e:  # a mistyped --since is the user's slip, not a crash: say what is read, exit as argparse does
        print(f"clearance {args.cmd}: {e}", file=sys.stderr)
        raise SystemExit(2) from None
    return f


def _cmd_log(args: argparse.Namespace) -> int:
    if args.verify:
        return _log_verify(args)
    if args.prune:
        return _log_prune(args)
    store = _open_store(args, read_only=True)
    try:
        rows = store.query(_filters(args), args.limit)
        team = not rows and _team_store(store)
    finally:
        store.close()
    rows.reverse()  # oldest first, like a log
    if args.json:
        for r in rows:
            keys = ("id", "time", "session_id", "agent", "tool_name", "decision", "stage", "rules", "reason", "cwd", "tool_input", "elapsed_ms", "shadow")
            print(json.dumps({k: r[k] for k in keys}))
        return 0
    served = _served_note(args)
    if served:
        print(f"clearance log: {served}", file=sys.stderr)
    if not rows:
        print(_empty_hint(args, team) if not served else "no decisions recorded on this machine")
        return 0
    from .render import log_table

    print(log_table(rows))
    return 0


def _team_store(store: Store) -> bool:
    """Whether *store* is a team service's (it has people in it)."""
    try:
        row = store.fetchone("SELECT COUNT(*) FROM users")
    except Exception:
        return False
    return bool(row and int(row[0]))


def _empty_hint(args: argparse.Namespace, team: bool = False) -> str:
    filtered = any(getattr(args, k, None) for k in ("session", "decision", "rule", "tool", "since", "until"))
    if filtered:
        return "no decisions match these filters"
    if team:
        return (
            "no decisions recorded yet in this team store: no agent has called the service yet; wire one (docs/team.md, "
            '"Wire each agent") and see whether its token was used with `clearance token list`'
        )
    return "no decisions recorded yet: the hook may not be installed, or runs with --no-audit; run `clearance doctor`"


def _log_verify(args: argparse.Namespace) -> int:
    """Check the audit trail's hash chain; exit 1 at a break, 2 when it cannot be checked."""
    from .errors import KeyError_

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
    team = _team_policy(args) if _names_team_store(args) else None
    if team is not None:
        # A team service's store keeps what the team's approved policy says (the service prunes by it once a day),
        # not what the policy of the machine the admin runs this on says: before, `--prune --db team.db` pruned by
        # the local 365 days whatever the team had approved, and refused nothing the team's policy keeps.
        audit = dict(team[1].data.get("audit", {}))
        sources = {f"audit.{k}": "managed" for k in audit}
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
            whose = f"the team policy (version {team[0]})" if team is not None else "the managed policy"
            print(f"clearance log --prune: {whose} keeps [audit] {name} = {current:g}; {flag} {given:g} would delete more", file=sys.stderr)
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
        limits += f", the team policy's (version {team[0]})" if team is not None and args.retention_days is None and args.max_mb is None else ""
        size = f"; file {res['bytes_before'] / 1e6:.1f} MB -> {res['bytes_after'] / 1e6:.1f} MB" if "bytes_before" in res else ""
        print(f"pruned {res['pruned']} decision(s) ({limits}){size}")
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    from .reports import stats, stats_text

    store = _open_store(args, read_only=True)
    try:
        rows = store.query(_filters(args), 10_000_000)
        team = not rows and _team_store(store)
    finally:
        store.close()
    if not rows and not args.json:
        print(_empty_hint(args, team))
        return 0
    s = stats(rows)
    print(json.dumps(s, indent=2) if args.json else stats_text(s))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .reports import report_html

    store = _open_store(args, read_only=True)
    try:
        rows = store.query(_filters(args), 10_000_000)
    finally:
        store.close()
    page = report_html(rows)
    try:
        with open(args.html, "w", encoding="utf-8") as f:
            f.write(page)
    except OSError as e:
        print(f"clearance report: cannot write {args.html}: {e.strerror or e}", file=sys.stderr)
        return 1
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
            mode = "shadow" if args.shadow else ("enforce" if args.enforce else None)
            path, diff = install(args.agent, args.scope, home, project, dry_run=args.dry_run, http=getattr(args, "http", None), mode=mode)
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
    else:
        sys.stdout.write(diff)
        verb = "would change" if args.dry_run else ("installed in" if args.cmd == "install" else "removed from")
        note = ""
        # An entry of clearance's own replaced (--shadow to --enforce and back, a stale or older entry): said as such,
        # not as a fresh install "in a new file" (the file came from the first install).
        replaced = args.cmd == "install" and any(ln.startswith("-") and not ln.startswith("---") and "clearance" in ln for ln in diff.splitlines())
        if replaced and not args.dry_run:
            mode = "shadow" if getattr(args, "shadow", False) else ("enforce" if getattr(args, "enforce", False) else "")
            how = {
                "shadow": f": shadow mode now, decisions are recorded and nothing is blocked (`clearance install {args.agent} --enforce` switches it on)",
                "enforce": ": enforcing now (it only recorded before)",
            }.get(mode, ": its entry replaced by this version's")
            print(f"\nclearance updated in {path}{how}")
        elif not args.dry_run and args.cmd == "install":
            backup = f"{path}.clearance.bak"
            fresh = os.path.exists(backup) and os.path.getsize(backup) == 0  # install marks a file it created with an empty backup
            scope = " --scope project" if args.scope == "project" else ""
            note = f" (a new file: `clearance uninstall {args.agent}{scope}` removes it)" if fresh else f" (backup: {backup})"
        if not (replaced and not args.dry_run):
            print(f"\nclearance {verb} {path}{note}")
    if args.cmd == "install" and getattr(args, "http", None) and not os.environ.get("CLEARANCE_TOKEN", "").strip():
        # Claude Code would send "Bearer" with nothing after it: the service asks about every call (service.token_missing).
        print(
            "\n✗ CLEARANCE_TOKEN is not set here: Claude Code sends it from the environment it starts in, and without it the "
            "service decides nothing and asks about every call (a headless run is blocked). Ask an admin of the team service for a token (Tokens page, "
            "or `clearance token propose NAME --by ADMIN`; it works once a second person approves it), export CLEARANCE_TOKEN "
            "before starting Claude Code, then run `clearance doctor`"
        )
    if args.cmd == "install" and args.agent == "codex" and not args.dry_run:
        # Codex runs a hook only once it is trusted (per hook content): trust clearance's own, through Codex.
        from .installer import codex_executable, codex_trust_lines, unhooked_tool_lines

        trusted, lines = codex_trust_lines(args.scope, home, project, dict(os.environ), fix=True)
        print("\n".join(lines + unhooked_tool_lines(args.agent, home, project)))
        return 0 if trusted or codex_executable(dict(os.environ)) is None else 1
    return 0


def _cmd_doctor(args: argparse.Namespace) -> int:
    from .installer import doctor

    home, project = _home_project(args)
    ok, lines = doctor(home, project, dict(os.environ))
    print("\n".join(lines))
    return 0 if ok else 1


def _no_first_admin(password: str, state: str) -> str:
    """Why `clearance serve` will not start without a first admin (pure)."""
    name = os.environ.get("CLEARANCE_ADMIN_USER", "admin")
    said = "is not set" if not password else "is too short or a default"
    return (
        f"refusing to start: {state} and CLEARANCE_ADMIN_PASSWORD {said}; set "
        f"CLEARANCE_ADMIN_USER (now {name!r}) and CLEARANCE_ADMIN_PASSWORD (10+ characters, not a default) for the first admin"
    )


def _cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn  # noqa: F401

        from .server.app import create_app  # noqa: F401
        from .server.service import WEAK_SECRETS
    except ImportError as e:
        print(f"clearance serve needs the server extra: pip install 'clearance[server]' ({e})", file=sys.stderr)
        return 2
    from .store import resolve_url

    url = resolve_url(args.db, None, os.environ)
    from .store import url_problem

    if wrong := url_problem(url):
        print(f"clearance serve: {wrong}", file=sys.stderr)
        return 2
    if "://" not in url:
        path = url[len("sqlite:///") - 1 :] if url.startswith("sqlite:///") else url
        problem = _not_a_store(path)
        if problem:
            where = "give the team's database with --db or CLEARANCE_DB (a SQLite path, made on the first start, or postgresql://…)"
            print(f"clearance serve: {problem.split(':')[0]}: {where}", file=sys.stderr)
            return 2
        password = os.environ.get("CLEARANCE_ADMIN_PASSWORD", "")
        if not os.path.exists(path) and (password.lower() in WEAK_SECRETS or len(password) < 10):
            # Refused before the file (and its folders) is made: a start that cannot go on leaves nothing behind.
            print(f"clearance serve: {_no_first_admin(password, 'there is no database at ' + path + ' yet')}", file=sys.stderr)
            return 2
    # Listen first: a port already taken (another `clearance serve`, a previous start still running) is one line and
    # exit 2 before anything is announced, opened or created (before, "clearance serve: http://…" and "created the
    # first admin" came first, then uvicorn's "[Errno 98] … address already in use" and exit 3).
    sock = _listen(args.host, args.port)
    if isinstance(sock, str):
        print(f"clearance serve: {sock}", file=sys.stderr)
        return 2
    try:
        return _serve_on(sock, args, url)
    finally:
        sock.close()


def _listen(host: str, port: int) -> socket.socket | str:
    """A socket bound to *host*:*port* for the service, or why it cannot be (one line naming the address)."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as e:
        return f"cannot listen on --host {host!r}: not an address or a name this machine can resolve ({getattr(e, 'strerror', None) or e})"
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a restart is not refused for TIME_WAIT
        sock.bind(address)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            return (
                f"port {port} on {host} is already in use (another `clearance serve`, or another program, listens there); "
                f"stop it or choose another --port. Nothing was started."
            )
        if e.errno == errno.EACCES:
            return f"not allowed to listen on port {port} on {host} (ports below 1024 need privileges); choose another --port"
        if e.errno == errno.EADDRNOTAVAIL:
            return f"{host} is not an address of this machine; give --host one of its addresses (127.0.0.1, or 0.0.0.0 for all)"
        return f"cannot listen on {host}:{port}: {e.strerror or e}"
    sock.set_inheritable(True)
    return sock


def _serve_on(sock: socket.socket, args: argparse.Namespace, url: str) -> int:
    """`clearance serve` once its socket is bound: open the store, the first admin, single sign-on, then serve on *sock*."""
    import uvicorn

    from .server.app import create_app
    from .server.oidc import OidcConfig, OidcError
    from .server.service import WEAK_SECRETS, Service, ServiceError

    try:
        service = Service(url)
    except Exception as e:
        if not url.startswith(("postgresql://", "postgres://")):
            if type(e).__module__ == "sqlite3":
                print(f"clearance serve: cannot open the team database {url}: {e}", file=sys.stderr)
                return 2
            raise
        print(f"clearance serve: {store_down(url, e)}", file=sys.stderr)
        return 2
    try:
        service.oidc = OidcConfig.from_env(os.environ)
    except OidcError as e:
        print(f"clearance serve: {e}", file=sys.stderr)
        return 2
    if service.oidc is not None:
        print(f"clearance serve: single sign-on through {service.oidc.issuer}", file=sys.stderr)
        if not service.oidc.roles:
            print(
                "clearance serve: CLEARANCE_OIDC_ROLES is not set, so no group maps to a role and nobody can sign in through the "
                "provider; set group=role pairs (platform-admins=admin,security=approver,*=viewer)",
                file=sys.stderr,
            )
    if not service.users():
        name = os.environ.get("CLEARANCE_ADMIN_USER", "admin")
        password = os.environ.get("CLEARANCE_ADMIN_PASSWORD", "")
        if password.lower() in WEAK_SECRETS or len(password) < 10:
            print(f"clearance serve: {_no_first_admin(password, 'the database has no one in it yet')}", file=sys.stderr)
            return 2
        try:
            created = service.bootstrap_admin(name, password)  # idempotent: processes starting together create one
        except ServiceError as e:
            print(f"clearance serve: {e}", file=sys.stderr)
            return 2
        if created:
            print(f"clearance serve: created the first admin {name!r}", file=sys.stderr)
    app = create_app(service, secure_cookies=args.secure_cookies)
    from .ownports import loopback

    if loopback(args.host) and args.host not in ("0.0.0.0", "::"):
        service.loopback_url = f"http://{args.host}:{args.port}"
    print(f"clearance serve: http://{args.host}:{args.port} (audit store: {shown_url(url)})", file=sys.stderr)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    server.run(sockets=[sock])
    return 0


def _cmd_user(args: argparse.Namespace) -> int:
    from .teamcli import cmd_user

    if args.action != "list" and not args.name:
        print(f"clearance user {args.action}: which user?", file=sys.stderr)
        return 2
    if args.action == "add" and args.role is None:
        args.role = "viewer"
    return cmd_user(args)


def _cmd_token(args: argparse.Namespace) -> int:
    from .teamcli import cmd_token

    return cmd_token(args)


def _cmd_change(args: argparse.Namespace) -> int:
    from .teamcli import cmd_change

    return cmd_change(args)


def _cmd_daemon(args: argparse.Namespace) -> int:
    from .daemon import serve

    return serve(args.socket)


def _did_you_mean(word: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(close)}?" if close else ""


def _find_row(args: argparse.Namespace, one_session: bool = False, read_only: bool = False) -> tuple[dict[str, object] | None, str]:
    """The audited decision named by ID or --last (the latest deny or ask clearance itself gave): (row, problem).

    *one_session* (allow): --last is refused when the latest denials of several sessions are close together
    (allow.rivals_of_last): the one the person read may not be the latest."""
    store = _open_store(args, read_only=read_only)
    try:
        if getattr(args, "last", False) or args.id is None:
            # A call left to the agent's own permission system (auto mode disabled: recorded ask, found harmless)
            # is no denial to explain or allow: --last means the latest call clearance itself stopped.
            rows = [r for r in store.query({}, 500) if r["decision"] in ("deny", "ask") and not (r["decision"] == "ask" and r.get("raw_decision") == "allow")]
            if not rows:
                served = _served_note(args)
                if served:
                    return None, f"no denied or asked decision is recorded on this machine: {served}"
                return None, "no denied or asked decision is recorded yet (`clearance log` lists what is)"
            rivals = _rivals(rows, args) if one_session else []
            if rivals:
                return None, "the latest denials come from several agent sessions; name the one you mean:\n" + "\n".join(rivals)
            return rows[0], ""
        try:
            wanted = _record_id(str(args.id).lstrip("#"))
        except argparse.ArgumentTypeError:
            return None, f"{args.id!r} is not a decision id: give the number `clearance log` shows in its first column, or --last"
        rows = store.query({"before_id": wanted + 1}, 1)
    finally:
        store.close()
    if not rows or rows[0]["id"] != wanted:
        return None, f"no decision {wanted} in the audit trail (`clearance log` lists the recorded ones)"
    return rows[0], ""


def _rivals(rows: list[dict[str, object]], args: argparse.Namespace | None = None) -> list[str]:
    """One line per session for allow.rivals_of_last's rows: the command to run, when, which session, what.

    Each row is tried as `clearance allow` would write it (a dry run): one no rule can lift (a hard denial, the agent's
    own `clearance allow`) is listed as such, with that session's latest decision that can be allowed, never as a command
    that is then refused."""
    from .allow import AllowError, allow_row, rivals_of_last
    from .render import describe_input, shown

    layer = "project" if args is not None and getattr(args, "project", False) else "user"
    session = bool(getattr(args, "session", False))
    lines = []
    for r in rivals_of_last(rows):  # type: ignore[arg-type]
        what = describe_input(str(r["tool_name"]), r["tool_input"])
        what = what if len(what) <= 200 else what[:199] + "…"
        when = f"{str(r['time']).replace('T', ' ').rstrip('Z')}  session {r['session_id'] or '-'}: {what}"
        try:
            allow_row(r, layer, session, None, "", os.environ, dry_run=True)
        except (AllowError, ValueError) as e:
            why = str(e).split(": ", 1)[-1] if str(e).startswith("decision ") else str(e)
            why = why if len(why) <= 160 else why[:159] + "…"
            later = _latest_allowable(args, r).strip() if args is not None else ""
            lines.append(shown(f"  (decision {r['id']} cannot be allowed: {why})   # {when}"))
            if later:
                lines.append(shown(f"    {later}"))
            continue
        lines.append(shown(f"  clearance allow {r['id']}   # {when}"))
    return lines


# Marks the decision path adds after the rules (no rule of the registry): what `clearance explain` says of each.
_STAGE_MARKS = {
    "headless.unanswered": (
        "a question in a run nobody watches (CI, claude -p, codex exec or review, gemini -p, copilot -p or --headless, an agent"
        " with no terminal): denied instead of asked"
    ),
    "escalation.handover": "repeated denials in the session: handed to a person as a question",
    "escalation.stop": "repeated denials in a run nobody watches: the run was asked to stop",
    "audit.unrecorded": "the audit store could not record it: a person confirms instead of an unrecorded allow",
}


def _cmd_explain(args: argparse.Namespace) -> int:
    from .allow import liftable_text, replay_row
    from .render import describe_input
    from .rules import load

    row, problem = _find_row(args, read_only=True)
    if row is None:
        print(f"clearance explain: {problem}", file=sys.stderr)
        return 2
    reg = load()
    if args.json:
        print(json.dumps(row, indent=2, default=str))
        return 0
    rules = row["rules"] if isinstance(row["rules"], list) else []
    out = [
        f"decision  {row['id']}: {str(row['decision']).upper()}{' (shadow mode: not enforced)' if row['shadow'] else ''}, stage {row['stage']}",
        f"time      {row['time']}",
        f"session   {row['session_id'] or '-'}   agent {row['agent'] or '-'}",
        f"cwd       {row['cwd']}",
        f"tool      {row['tool_name']}",
        f"input     {describe_input(str(row['tool_name']), row['tool_input'])}",
        f"reason    {row['reason']}",
    ]
    for rid in rules:
        r = reg.get(str(rid))
        if r is None:
            team_rule = "a rule of the team policy: the service's Policy page, `clearance change list`"
            where = team_rule if row.get("user_name") else "a policy rule: `clearance policy show`"
            out.append(f"rule      {rid}" + (f"  ({where})" if ":" in str(rid) else f"  ({_STAGE_MARKS[str(rid)]})" if str(rid) in _STAGE_MARKS else ""))
            continue
        out.append(f"rule      {r.id} [{r.verdict}]: {r.title}")
        out.append(f"          why: {r.why}")
        way = r.safer(describe_input(str(row["tool_name"]), row["tool_input"]))
        if way:
            out.append(f"          safer: {way}")
    from .allow import served_by, team_decided, team_refusal

    team = _team_policy(args) if served_by(row) else None
    try:
        if served_by(row) and team is None:
            raise ValueError("the team policy cannot be read from this store")
        action, ctx, policy, now = replay_row(row, os.environ, team[1] if team else None)
    except Exception as e:  # an unreadable old row: show what is recorded
        out.append(f"now       cannot decide it again ({type(e).__name__}: {e})")
    else:
        which = f"the team policy (version {team[0]})" if team else "the current policy"
        out.append(f"now       {now.decision.upper()} with {which}: {now.reason}")
        for line in now.lost:
            out.append(f"          allow rule {line}")
        if now.rules and team:
            out.append(f"          rules {', '.join(now.rules)}")
        team_row = team_decided(row, os.environ)
        out.append(f"allow     {liftable_text(now, policy, row, action, ctx)}" if not team_row else f"allow     no: {team_refusal(row)}")
    from .render import shown

    print("\n".join(shown(line) for line in out))
    return 0


def _names_team_store(args: argparse.Namespace) -> bool:
    """Whether --db names a team service's store (one with people in it)."""
    if not getattr(args, "db", None):
        return False
    try:
        store = _open_store(args)
    except _NoStore:
        return False
    try:
        return _team_store(store)
    finally:
        store.close()


def _team_policy(args: argparse.Namespace) -> tuple[int, Policy] | None:
    """(version, Policy) of the team service's current approved policy in the store --db names; None when unreadable."""
    from .policy import Policy as _Policy
    from .policy.load import from_managed_text

    try:
        store = _open_store(args)
    except _NoStore:
        return None
    try:
        row = store.fetchone("SELECT id, text FROM policy_versions WHERE status = 'approved' AND kind = 'policy' ORDER BY id DESC LIMIT 1")
        version, text = (int(row[0]), str(row[1])) if row else (0, "")
        return version, _Policy(from_managed_text(text))
    except Exception:
        return None
    finally:
        store.close()


def _cmd_allow(args: argparse.Namespace) -> int:
    from .allow import AllowError, allow_row

    try:
        row, problem = _find_row(args, one_session=True)
        if row is None:
            print(f"clearance allow: {problem}", file=sys.stderr)
            return 2
        layer = "project" if args.project else "user"
        lines = allow_row(row, layer, args.session, args.for_, args.reason or "", os.environ, dry_run=args.dry_run)
    except AllowError as e:
        hint = _latest_allowable(args, row) if row is not None and (getattr(args, "last", False) or args.id is None) else ""
        print(f"clearance allow: {e}{hint}", file=sys.stderr)
        return 1
    from .render import shown

    print("\n".join(shown(line) for line in lines))  # the rule names the agent's command: shown literally
    return 0


def _latest_allowable(args: argparse.Namespace, refused: dict[str, object], look: int = 20) -> str:
    """When --last names a call no allow rule can lift, a pointer to the latest earlier deny or ask of the same session
    that one can (checked by a dry run), or "".  Only a pointer: the person names it, --last never silently moves on.

    Found following a developer's way from a denial: the agent, denied three times, ran `clearance allow --last` itself
    (denied, a hard denial); the person's own `clearance allow --last` then named the agent's attempt and was refused,
    with no word of the denial they had read."""
    from .allow import AllowError, allow_row
    from .render import describe_input

    store = _open_store(args)
    try:
        rows = [r for r in store.query({"before_id": int(str(refused["id"]))}, 200) if r["decision"] in ("deny", "ask")]
    finally:
        store.close()
    same = [r for r in rows if r.get("session_id") == refused.get("session_id") and not (r["decision"] == "ask" and r.get("raw_decision") == "allow")]
    layer = "project" if args.project else "user"
    for r in same[:look]:
        try:
            allow_row(r, layer, args.session, args.for_, "", os.environ, dry_run=True)
        except (AllowError, ValueError):
            continue
        what = describe_input(str(r["tool_name"]), r["tool_input"])
        what = what if len(what) <= 120 else what[:119] + "…"
        return f"\nThe latest decision of that session you can allow is {r['id']} ({r['decision']}: {what}): `clearance allow {r['id']}`"
    return ""


# argparse's message for a mistyped subcommand or choice (read for did-you-mean).
_INVALID_CHOICE = lazy(r"invalid choice: '([^']*+)' \(choose from (.*)\)")


class _Parser(argparse.ArgumentParser):
    """argparse with did-you-mean for mistyped subcommands and choices."""

    def error(self, message: str) -> None:  # type: ignore[override]
        m = _INVALID_CHOICE.search(message)
        if m:
            choices = [c.strip().strip("'") for c in m.group(2).split(",")]
            meant = _OTHER_NAMES.get(m.group(1).lower())
            if meant and meant[0] in choices:
                message += f"; `clearance {meant[0]}` {meant[1]}"
            else:
                message += _did_you_mean(m.group(1), choices)
        super().error(message)


# The words people try first for a command clearance names otherwise ("status" is closest in spelling to "stats",
# which is not what someone checking their installation wants).
_OTHER_NAMES = {
    "status": ("doctor", "checks the installation, the policy and the audit store"),
    "health": ("doctor", "checks the installation, the policy and the audit store"),
    "verify": ("doctor", "checks the installation, the policy and the audit store"),
    "setup": ("install", "wires the hook into an agent"),
    "remove": ("uninstall", "removes the hook from an agent"),
    "logs": ("log", "lists the audited decisions"),
    "history": ("log", "lists the audited decisions"),
    "why": ("explain", "shows one decision in full (`clearance log` lists their ids)"),
    "approve": ("allow", "allows a denied or asked call (`clearance change approve` approves a team change)"),
    "config": ("policy", "shows (`policy show`) and checks (`policy lint`) the layered policy"),
}


_RAW = argparse.RawDescriptionHelpFormatter


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="clearance",
        description="An auto mode for AI coding agents: allow, deny or ask for every tool call.",
        epilog="""first steps:
  clearance install claude            wire the hook into Claude Code (or codex, gemini, cursor, copilot)
  clearance doctor                    check that it works
  clearance check -- git push -f      what clearance would say about a command, and why
  clearance log                       what it decided; `clearance explain ID` for one decision
  clearance allow --last              allow what it last denied (run by you, never by the agent)

`clearance COMMAND --help` shows each command's options and examples.""",
        formatter_class=_RAW,
    )
    p.add_argument("--version", action="version", version=f"clearance {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True, metavar="COMMAND", parser_class=_Parser)

    def cmd(name: str, help: str, description: str, examples: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=description, epilog="examples:\n" + examples, formatter_class=_RAW)

    h = cmd(
        "hook",
        "read one hook event on stdin and print the agent's answer",
        "The per-call entry point the agents run (installed by `clearance install`). Reads one hook event as JSON on stdin and "
        "prints the answer in that agent's protocol. Never crashes: a malformed event is answered 'ask'.",
        """  echo '{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"rm -rf ~"},"cwd":"/tmp"}' | clearance hook
  clearance hook --agent codex --shadow < event.json""",
    )
    h.add_argument("--agent", choices=["claude", "codex", "gemini", "cursor", "copilot"], help="agent protocol (default: detected from the event)")
    h.add_argument("--shadow", action="store_true", help="decide and record, but answer nothing (measure before switching on)")
    h.add_argument("--headless", action="store_true", help="no person is watching: repeated denials stop the run instead of asking")
    h.add_argument("--db", help="audit store: a SQLite path or postgresql://... (default: policy [audit] url, else $XDG_STATE_HOME/clearance/clearance.db)")
    h.add_argument("--no-audit", action="store_true", help="do not record (no escalation either)")
    h.set_defaults(fn=_cmd_hook)

    d = cmd(
        "decide",
        "decide JSONL hook events from stdin, one JSON decision per line",
        "Batch mode: one hook event per input line, one decision per output line ({id, decision, reason, rules, stage, elapsed_ms}).",
        """  clearance decide --table < examples/sample-actions.jsonl
  clearance decide < events.jsonl > decisions.jsonl""",
    )
    d.add_argument("--table", action="store_true", help="print a readable table instead of JSONL")
    d.add_argument("--stateful", action="store_true", help="record each decision and apply session escalation, as the hook does")
    d.add_argument("--headless", action="store_true", help="with --stateful: treat sessions as headless")
    d.add_argument("--db", help="with --stateful: the audit store")
    d.set_defaults(fn=_cmd_decide)

    c = cmd(
        "check",
        "explain the decision for one command or tool call",
        "Decide one command (or tool call) with the effective policy and show how: the simple commands found and through which "
        "wrappers, the paths resolved, the rules that fired, the allow rules that matched but lost, and the way forward.",
        """  clearance check -- 'git push --force origin main'
  clearance check --cwd ~/webapp -- 'cd ~ && rm -rf build'
  clearance check --tool Write -- /home/me/.bashrc
  clearance check --tool WebFetch -- https://pastebin.com/x
  clearance check --exit-code -- make deploy     # exit 0 allow, 1 ask, 3 deny""",
    )
    c.add_argument("--cwd", type=_folder, help="working directory of the call (default: here)")
    c.add_argument("--tool", default="Bash", help="tool name (Bash, Write, Read, WebFetch, mcp__x__y ...)")
    c.add_argument("--json", action="store_true", help="machine-readable output")
    c.add_argument("--exit-code", action="store_true", help="exit 0 allow, 1 ask, 3 deny")
    c.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command (or the path / URL / JSON input)")
    c.set_defaults(fn=_cmd_check)

    ex = cmd(
        "explain",
        "show one audited decision in full: input, reason, rules, and whether you may allow it",
        "Everything about one recorded decision: what was called, where, what clearance said and which rules decided, each rule's "
        "rationale and safer alternative, what it would decide now, and whether (and how) you may allow it.",
        """  clearance log                 # the first column is the decision id
  clearance explain 42
  clearance explain --last      # the latest deny or ask""",
    )
    ex.add_argument("id", nargs="?", help="the decision id (first column of `clearance log`)")
    ex.add_argument("--last", action="store_true", help="the latest denied or asked decision")
    ex.add_argument("--db", help="audit store (default: policy [audit] url, else $XDG_STATE_HOME/clearance/clearance.db)")
    ex.add_argument("--json", action="store_true", help="the recorded row as JSON")
    ex.set_defaults(fn=_cmd_explain)

    al = cmd(
        "allow",
        "allow a denied or asked call from now on (writes the narrowest rule into your policy)",
        "Turn an audited deny/ask into the narrowest allow rule that lets exactly that call through (an exact Bash(...) rule for "
        "the command that was denied, Edit(//path), WebFetch(domain:host), the MCP tool), check it by deciding the call again, and "
        "append it to your policy file as a [[rules.grant]] recording who allowed it, from which decision, why and until when. "
        "Refuses hard denials, calls clearance cannot see through, and layers the managed policy does not let loosen. "
        "Only you run this: clearance denies it to the agent.",
        """  clearance allow --last                      # the latest deny or ask, in ~/.config/clearance/config.toml
  clearance allow 42 --for 8h                 # until 8 hours from now
  clearance allow 42 --session                # only in the agent session that made the call (24 h)
  clearance allow 42 --project                # in .clearance.toml, when the managed policy lets the project loosen
  clearance allow --last --dry-run            # show the rule, write nothing""",
    )
    al.add_argument("id", nargs="?", help="the decision id (first column of `clearance log`); default: --last")
    al.add_argument("--last", action="store_true", help="the latest denied or asked decision")
    where = al.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", help="your user policy file (the default)")
    where.add_argument("--project", action="store_true", help="the project's .clearance.toml (only where the managed policy allows project trust)")
    where.add_argument("--session", action="store_true", help="your user file, counting only in the session that made the call (expires in 24 h unless --for)")
    al.add_argument("--for", dest="for_", metavar="DURATION", help="expire after this long: 30m, 8h, 2d, 1w (default: never; --session: 24h)")
    al.add_argument("--reason", help="why you allow it (recorded in the rule)")
    al.add_argument("--dry-run", action="store_true", help="print the rule and the file, change nothing")
    al.add_argument("--db", help="audit store (default: policy [audit] url, else $XDG_STATE_HOME/clearance/clearance.db)")
    al.set_defaults(fn=_cmd_allow)

    for name, text, desc, examples in (
        (
            "install",
            "wire the hook into an agent's settings (merge, backup, idempotent)",
            "Merge clearance's hook into the agent's settings file: a backup is kept next to it, the diff is printed, running it "
            "twice changes nothing, and an entry whose program no longer exists (a moved checkout) is replaced.",
            """  clearance install claude
  clearance install claude --shadow            # record decisions, block nothing (measure first)
  clearance install claude --enforce           # switch a shadow install on
  clearance install codex --scope project --dry-run""",
        ),
        (
            "uninstall",
            "remove the hook from an agent's settings",
            "Remove exactly what `clearance install` added; when nothing else changed, the file comes back byte for byte.",
            """  clearance uninstall claude
  clearance uninstall cursor --scope project --dry-run""",
        ),
    ):
        ip = cmd(name, text, desc, examples)
        ip.add_argument("agent", choices=["claude", "codex", "gemini", "cursor", "copilot"])
        ip.add_argument("--scope", choices=["user", "project"], default="user")
        ip.add_argument("--dry-run", action="store_true", help="print the diff, change nothing")
        ip.add_argument("--cwd", type=_folder, help="project directory for --scope project (default: here)")
        if name == "install":
            ip.add_argument(
                "--http",
                nargs="?",
                const="http://127.0.0.1:8765",
                metavar="URL",
                help="Claude Code only: an http hook posting to `clearance serve` at URL (default http://127.0.0.1:8765); see docs/protocols.md",
            )
            mode = ip.add_mutually_exclusive_group()
            mode.add_argument("--shadow", action="store_true", help="record decisions but block nothing (replaces an enforcing install)")
            mode.add_argument("--enforce", action="store_true", help="answer the agent (replaces a shadow install)")
        ip.set_defaults(fn=_cmd_install, shadow=False, enforce=False)

    dr = cmd(
        "doctor",
        "check each agent's installation, the policy and the audit store",
        "Check every agent's settings for clearance's hook (stale, shadow or enforcing), run a self-test per protocol, lint the "
        "policy and open the audit store. Exits 1 when something is wrong or no agent has the hook installed.",
        "  clearance doctor\n  clearance doctor --cwd ~/webapp",
    )
    dr.add_argument("--cwd", type=_folder, help="project directory (default: here)")
    dr.set_defaults(fn=_cmd_doctor)

    pol = cmd(
        "policy",
        "the layered policy: show, lint, test, schema",
        "Policy layers: managed (/etc/clearance/managed.toml), user (~/.config/clearance/config.toml), project (.clearance.toml). "
        "Any layer may tighten; only what the managed policy permits may loosen. See docs/policy.md.",
        "  clearance policy show\n  clearance policy lint\n  clearance policy test cases.toml\n  clearance policy schema > clearance.schema.json",
    )
    pol.set_defaults(fn=_cmd_policy, action=None, policy_parser=pol, files=[], cwd=None, json=False)
    psub = pol.add_subparsers(dest="action", metavar="SUBCOMMAND", parser_class=_Parser)
    for name, text, desc, examples in (
        (
            "show",
            "the effective policy, each value with the layer that set it",
            "Each layer's file and state, every value with the layer that set it, grants with their expiry, and what was ignored and why.",
            "  clearance policy show\n  clearance policy show --cwd ~/webapp --json",
        ),
        (
            "lint",
            "check the layers (or given files): syntax, keys, types, dead and shadowed rules",
            "Report file:line problems: TOML syntax, unknown keys, wrong types, rules that cannot match, duplicates and rules shadowed "
            "by a stronger one, allow rules a built-in hard denial always beats, expired grants, and entries a layer may not set; and, with a "
            "stable id each, entries that trust or allow everything (PL101, PL102) or can never match (PL201, PL202): errors in the managed "
            "layer (--managed judges the given files as one), warnings elsewhere. Exit 1 on any problem.",
            "  clearance policy lint\n  clearance policy lint ~/.config/clearance/config.toml\n  clearance policy lint --managed org.toml",
        ),
        (
            "test",
            "run a file of expected decisions (for CI)",
            "Run a TOML ([[case]]), YAML or JSON list of cases with `command` (or `tool` + `file_path`/`url`/`input`) and "
            "`expect = allow|deny|ask`; exit 1 on any mismatch. The cases are decided with the effective policy here (the "
            "managed, user and project files `clearance policy show` lists); point CLEARANCE_MANAGED_POLICY and "
            "CLEARANCE_USER_POLICY at other files to test those.",
            "  clearance policy test tests/policy-cases.toml\n"
            "  CLEARANCE_MANAGED_POLICY=examples/policies/managed.toml CLEARANCE_USER_POLICY=examples/policies/user.toml \\\n"
            "    clearance policy test examples/policies/cases.toml",
        ),
        (
            "impact",
            "what a new policy file would decide differently over this machine's audit trail",
            "Decide the latest audited calls (--limit, default 500) twice: with the effective policy and with FILE in place of "
            "the managed layer (--layer user: the user layer), and list every call whose decision would change, the counts "
            "before and after, and the rules that would fire more or less. Before deploying a managed policy or editing your own; "
            "a team service's change shows the same (`clearance change show ID`). Reads the machine's disk as the hook does; "
            "the reviewer model is not asked. Exits 1 when FILE would not load (the hook would then ask for every call).",
            "  clearance policy impact new-managed.toml\n  clearance policy impact ~/new-config.toml --layer user --limit 2000",
        ),
        (
            "schema",
            "print the JSON Schema of the policy file",
            "The JSON Schema for editors (e.g. Even Better TOML's $schema support).",
            "  clearance policy schema > clearance.schema.json",
        ),
    ):
        sp = psub.add_parser(name, help=text, description=desc, epilog="examples:\n" + examples, formatter_class=_RAW)
        if name == "impact":
            sp.add_argument("file", help="the policy file to compare with the one in force")
            sp.add_argument("--layer", choices=["managed", "user"], default="managed", help="which layer FILE would replace (default: managed)")
            sp.add_argument("--limit", type=_positive_int, default=500, help="how many of the latest audited calls to replay (default 500)")
            sp.add_argument("--db", help="audit store (default: policy [audit] url, else $XDG_STATE_HOME/clearance/clearance.db)")
        if name in ("lint", "test"):
            sp.add_argument(
                "files", nargs="*" if name == "lint" else "+", help="policy files (default: the effective layers)" if name == "lint" else "case files"
            )
        sp.add_argument("--cwd", type=_folder, help="project directory (default: here)")
        if name == "lint":
            sp.add_argument("--managed", action="store_true", help="judge the given files as the managed layer (PL1xx/PL2xx are errors)")
        if name == "show":
            sp.add_argument("--json", action="store_true", help="machine-readable")

    lg = cmd(
        "log",
        "the audit trail as a table, oldest first",
        "Recorded decisions with their id, time, decision, tool, input and reason (`--json`: one object per line). "
        "`clearance explain ID` shows one in full; `clearance allow ID` allows it from now on.",
        """  clearance log
  clearance log --decision deny --since 2h
  clearance log --rule git.force-push --json
  clearance log --verify                       # check the hash chain""",
    )
    _add_filters(lg)
    lg.add_argument("--limit", type=_positive_int, default=200, help="the newest N decisions (default 200)")
    lg.add_argument("--json", action="store_true", help="one JSON object per line")
    lg.add_argument("--verify", action="store_true", help="check the hash chain over the records; exit 1 at the first broken or missing row")
    lg.add_argument("--prune", action="store_true", help="delete records past the policy's [audit] retention now (and compact the file)")
    lg.add_argument("--retention-days", type=float, help="with --prune: keep this many days (0: no age limit)")
    lg.add_argument("--max-mb", type=float, help="with --prune: keep the SQLite store under this size (0: no size limit)")
    lg.set_defaults(fn=_cmd_log)

    st = cmd(
        "stats",
        "decisions by kind, top rules, prompts saved, denials per session",
        "A summary of the audit trail.",
        "  clearance stats\n  clearance stats --since 7d --json",
    )
    _add_filters(st)
    st.add_argument("--json", action="store_true")
    st.set_defaults(fn=_cmd_stats)

    rp = cmd(
        "report", "a self-contained HTML page with charts", "The audit trail as one HTML file with charts.", "  clearance report --html report.html --since 7d"
    )
    _add_filters(rp)
    rp.add_argument("--html", required=True, help="output file")
    rp.set_defaults(fn=_cmd_report)

    rl = cmd(
        "replay",
        "what clearance would have done in recorded Claude Code sessions",
        "Run recorded Claude Code transcripts through clearance: what it would have allowed, asked and denied, and where it agrees with your own rejections.",
        "  clearance replay ~/.claude/projects",
    )
    rl.add_argument("paths", nargs="+", help="transcript .jsonl files or folders (e.g. ~/.claude/projects)")
    rl.add_argument("--json", action="store_true")
    rl.set_defaults(fn=_cmd_replay)

    sv = cmd(
        "serve",
        "the team service: decision API, admin UI, audit dashboard",
        "The team service (docs/team.md). Needs the server extra: pip install 'clearance[server]'.",
        "  CLEARANCE_ADMIN_PASSWORD=... clearance serve --db postgresql://audit.internal/clearance",
    )
    sv.add_argument("--db", help="postgresql://... (teams) or a SQLite path (default: the audit store)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=_port, default=8765)
    sv.add_argument("--secure-cookies", action="store_true", help="mark cookies Secure (behind HTTPS)")
    sv.set_defaults(fn=_cmd_serve)

    us = cmd(
        "user",
        "the team service's people: list, add, or propose a change (passwords on stdin)",
        "The team service's people (docs/team.md). `list` shows them; `add` without --by adds at once (the operator's way to give a lone "
        "first admin a second person); with --by, and every other action, makes a change request a second, earlier person approves "
        "(`clearance change approve`). Passwords are read from stdin.",
        "  clearance user list --db postgresql://audit.internal/clearance\n"
        "  echo 'long password' | clearance user add ana --role approver\n"
        "  echo 'long password' | clearance user add dan --role viewer --by alice\n"
        "  clearance user role dan --role approver --by alice\n"
        "  clearance user disable dan --by alice",
    )
    us.add_argument("action", choices=["list", "add", "role", "disable", "enable", "password", "remove"])
    us.add_argument("name", nargs="?", default="")
    us.add_argument("--role", choices=["admin", "approver", "viewer"])
    us.add_argument("--by", help="who proposes the change (an admin); makes `add` a change request too")
    us.add_argument("--json", action="store_true")
    us.add_argument("--db")
    us.set_defaults(fn=_cmd_user)

    tk = cmd(
        "token",
        "the team service's agent tokens: list, propose (printed once), revoke",
        "Agent tokens of the team service. A proposed token is printed once and works after a second person approves the change; "
        "revoking takes effect at the next call.",
        "  clearance token list\n  clearance token propose ci-runners --days 90 --by alice\n  clearance token revoke 7 --by alice",
    )
    tk.add_argument("action", choices=["list", "propose", "revoke"])
    tk.add_argument("name", nargs="?", default="", help="the token's name (propose) or number (revoke)")
    tk.add_argument("--days", type=float, help="expires after this many days")
    tk.add_argument("--by", help="who acts")
    tk.add_argument("--json", action="store_true")
    tk.add_argument("--db")
    tk.set_defaults(fn=_cmd_token)

    ch = cmd(
        "change",
        "the team service's change requests: list, show, propose, approve, reject",
        "Change requests of the team service (policy, people, tokens). Approving needs a different person who already had an account when "
        "the change was proposed, was not created by the proposer, and a comment.",
        "  clearance change list\n  clearance change show 12                # the diff, and for a policy change what it would decide differently\n"
        "  clearance change approve 12 --by bob --comment 'checked with the platform team'\n  clearance change reject 13 --by bob\n"
        "  clearance change propose --policy org.toml --by alice --comment 'trust the dev buckets'\n"
        "  clearance change propose --allow 431 --by alice       # allow exactly what decision 431 denied",
    )
    ch.add_argument("action", choices=["list", "show", "propose", "approve", "reject"])
    ch.add_argument("id", nargs="?", type=_record_id)
    ch.add_argument("--policy", metavar="FILE", help="propose: the managed policy to serve (TOML), checked as `clearance policy lint` checks it")
    ch.add_argument(
        "--allow",
        metavar="ID",
        type=_record_id,
        help="propose: the current policy plus the narrowest allow rule for this audited deny or ask (the team's `allow ID`)",
    )
    ch.add_argument("--by", help="who decides")
    ch.add_argument("--comment", help="what you checked (required to approve)")
    ch.add_argument("--all", action="store_true", help="list decided changes too")
    ch.add_argument(
        "--override-lint", action="store_true", help="approve a policy change although lint finds errors (PL1xx/PL2xx) in it; recorded in the admin log"
    )
    ch.add_argument("--json", action="store_true")
    ch.add_argument("--db")
    ch.set_defaults(fn=_cmd_change)

    dm = cmd(
        "daemon",
        "keep the engine warm on a Unix socket; enables it for the hook (key: $XDG_STATE_HOME/clearance/daemon.key, see docs/protocols.md)",
        "Keep the engine warm on a Unix socket so each hook call skips start-up (docs/protocols.md).",
        "  clearance daemon &",
    )
    dm.add_argument("--socket", help="socket path (default: $XDG_RUNTIME_DIR/clearance/daemon.sock, else ~/.cache/clearance/daemon.sock)")
    dm.set_defaults(fn=_cmd_daemon)

    r = cmd(
        "rules",
        "list the built-in rules, or explain one",
        "The built-in rules: id, verdict and title; with an ID, its rationale, safer alternative and examples.",
        "  clearance rules\n  clearance rules git.force-push\n  clearance rules --markdown > docs/rules.md",
    )
    r.add_argument("id", nargs="?")
    r.add_argument("--json", action="store_true")
    r.add_argument("--markdown", action="store_true", help="the rule reference page (docs/rules.md)")
    r.set_defaults(fn=_cmd_rules)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    if not (sys.argv[1:] if argv is None else argv):
        # `clearance` alone is how a new user starts: the commands and first steps, not "arguments are required: COMMAND".
        parser.print_help()
        return 2
    args = parser.parse_args(argv)
    try:
        rc: int = args.fn(args)
    except BrokenPipeError:
        return 0
    except _NoStore as e:
        print(f"clearance {args.cmd}: {e}", file=sys.stderr)
        return 2
    except Exception as e:
        # A store that opens but cannot be read (a damaged SQLite file, one locked for longer than the busy timeout):
        # one line naming the store, not sqlite3's traceback.
        if type(e).__module__ != "sqlite3":
            raise
        print(f"clearance {args.cmd}: the audit store cannot be read: {e} (check --db / CLEARANCE_DB; `clearance doctor` names the store)", file=sys.stderr)
        return 2
    return rc
