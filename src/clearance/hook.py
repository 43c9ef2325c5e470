"""``clearance hook``: one event on stdin, the agent's answer on stdout.

This module is the per-call hot path.  It imports only json, sys and the
engine (which loads tree-sitter's C extensions directly); tests/test_import_budget.py
keeps it that way.  Whatever happens, it prints an answer and exits 0: a
crash would let Claude Code run the tool (a non-blocking hook error).
"""

from __future__ import annotations

import sys

from . import jsonlite as json
from .hookstart import DEADLINE_S as DEADLINE_S
from .hookstart import Answer
from .hookstart import arm_deadline as arm_deadline

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from .daemon_path import Env
    from .model import Decision

MAX_EVENT_BYTES = 8 * 1024 * 1024
# The daemon's acknowledgement (daemon_path.ACK, sent as it accepts): how long the hook waits for it, and how long after a
# daemon that did not acknowledge or answer the hook decides in-process without trying it (the mark's age).
DAEMON_ACK_S = 1.0
DAEMON_BACKOFF_S = 60.0


def _answer(obj: object) -> None:
    sys.stdout.write(json.dumps(obj))
    sys.stdout.write("\n")
    sys.stdout.flush()


class Options:
    __slots__ = ("agent", "shadow", "headless", "db", "audit", "agent_pid", "_unattended")

    def __init__(self, argv: list[str] | None = None) -> None:
        self.agent: str | None = None
        self.shadow = False
        self.headless = False
        self.db: str | None = None
        self.audit = True
        # The process to read the agent's mode from when an answer needs it (unattended.py): the hook's parent when
        # the hook decides itself, the hook's own parent as the daemon sees it; 0: not read.
        self.agent_pid = 0
        self._unattended: str | None = None
        args = list(argv or [])
        i = 0
        while i < len(args):
            a = args[i]
            if a == "--shadow":
                self.shadow = True
            elif a == "--headless":
                self.headless = True
            elif a == "--no-audit":
                self.audit = False
            elif a == "--db" and i + 1 < len(args):
                self.db = args[i + 1]
                i += 1
            elif a.startswith("--db="):
                self.db = a[5:]
            elif a == "--agent" and i + 1 < len(args):
                self.agent = args[i + 1]
                i += 1
            elif a.startswith("--agent="):
                self.agent = a[8:]
            else:
                raise ValueError(f"unknown option {a!r}")
            i += 1

    def unattended(self, environ: object) -> str:
        """How clearance knows nobody watches the agent (unattended.py), read once and only when asked; "" when it does
        not know that, or the user said CLEARANCE_HEADLESS=0."""
        if self._unattended is None:
            self._unattended = ""
            if self.agent_pid > 1 and self.agent in ("codex", "gemini", "copilot") and not _said_watched(environ):
                from .unattended import unattended

                self._unattended = unattended(self.agent, self.agent_pid)
        return self._unattended


def _said_watched(environ: object) -> bool:
    get = getattr(environ, "get", None)
    return get is not None and str(get("CLEARANCE_HEADLESS", "")).lower() in ("0", "false", "no")


def headless_for(opts: Options, environ: object, decision: str) -> bool:
    """Whether nobody watches, for an answer of *decision*.  The environment says so at no cost (audit.is_headless);
    the agent's own process is read (unattended.py: /proc, ~0.1 ms) only for a deny or an ask, the answers headless
    changes (an ask becomes a denial, repeated denials stop the run instead of handing over).  An allow is recorded
    with what the environment says."""
    from .audit import is_headless

    if is_headless(environ, opts.headless):
        return True
    return decision != "allow" and bool(opts.unattended(environ))


_DECISION_EVENTS = {
    "claude": ("PreToolUse",),
    "codex": ("PreToolUse",),
    "gemini": ("BeforeTool",),
    "cursor": ("preToolUse", "beforeShellExecution", "beforeMCPExecution", "beforeReadFile"),
    "copilot": ("preToolUse",),
}


_PROBE_EVENTS = {("claude", "PostToolUse"), ("gemini", "AfterTool"), ("codex", "PostToolUse")}


def probe_answer(event: dict[str, object], agent: str, opts: Options, environ: object) -> Answer:
    """PostToolUse: scan the tool's output for text aimed at the agent and warn it."""
    import time

    from .probe import HIT, gather, scan, warning

    t0 = time.perf_counter()
    response = event.get("tool_response", event.get("tool_output", ""))
    text, deeper = gather(response)
    result = scan(text)
    if deeper:
        result.add(HIT, "a part of the output nested deeper than the probe reads (not read)")
    tool = str(event.get("tool_name", "tool"))
    verdict = "hit" if result.hit else ("borderline" if result.borderline else "clean")
    if verdict == "borderline":
        from .reviewer import review_injection

        if review_injection(text, event, environ) is True:
            verdict = "hit"
    if verdict != "hit":
        return Answer(None, 0)
    message = warning(result, tool)
    if opts.audit:
        from .audit import is_headless, record
        from .model import Decision

        d = Decision("warn", message, ["probe.injection"], "probe")
        d.elapsed_ms = (time.perf_counter() - t0) * 1000.0
        record(d, {**event, "tool_input": event.get("tool_input") or {}}, None, None, environ, opts.db, opts.shadow, is_headless(environ, opts.headless))
    if opts.shadow:
        return Answer(None, 0)
    key = "hookSpecificOutput"
    name = "AfterTool" if agent == "gemini" else "PostToolUse"
    return Answer({key: {"hookEventName": name, "additionalContext": message}}, 0)


def run(raw: bytes, opts: Options | None = None, env: dict[str, str] | None = None) -> tuple[dict[str, object] | None, str]:
    """Decide one raw event; returns (answer for stdout or None, message for stderr)."""
    answer = run_answer(raw, opts, env)
    return answer.stdout, answer.stderr


def run_answer(raw: bytes, opts: Options | None = None, env: dict[str, str] | None = None) -> Answer:
    from .adapters import detect, get
    from .api import decide_event_full, malformed
    from .daemon_path import environ as process_environ

    opts = opts or Options()
    environ = process_environ() if env is None else env
    if opts.db and environ.get("CLEARANCE_DB") != opts.db:
        # The store this run records into is the one its decisions and its session records follow (paths.session_state_dir):
        # `--db ELSEWHERE` is judged as CLEARANCE_DB=ELSEWHERE is, and notes nothing the user's own hook reads (round 9c).
        environ = {**environ, "CLEARANCE_DB": opts.db}
    event: object = None
    problem = ""
    if len(raw) > MAX_EVENT_BYTES:
        problem = f"the event is {len(raw)} bytes, more than {MAX_EVENT_BYTES}"
    else:
        try:
            event = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as e:  # (RecursionError: nested past the decoder, adv16c)
            problem = f"not valid JSON: {str(e)[:120]}"
    agent = opts.agent or detect(event)
    adapter = get(agent)
    render: Callable[[Decision], Answer] = adapter.render_answer
    if problem:
        bad = malformed(problem)
        from .audit import unanswered

        if headless_for(opts, environ, bad.decision):
            bad = unanswered(bad)  # nobody watches to answer it: denied, as any other ask of a headless run
        answer = render(bad)
        said = "deny" if bad.decision == "deny" or agent not in ("claude", "cursor") else "ask"
        answer.stderr = f"clearance: malformed hook event ({problem}); answered {said}"
        if opts.shadow:
            answer.stdout, answer.exit_code = None, 0
        return answer
    if isinstance(event, dict):
        name = event.get("hook_event_name")
        if isinstance(name, str) and (agent, name) in _PROBE_EVENTS:
            return probe_answer(event, agent, opts, environ)
        if (agent == "cursor" and name in adapter.OUTPUT_EVENTS) or (agent == "copilot" and "toolResult" in event):
            # A tool's output where the agent reads no answer: the probe records a hit (the [probe] switch
            # then denies the next outbound call), and nothing is printed (adversarial round 9c).
            probe_answer(adapter.output_event(event), agent, opts, environ)
            return Answer(None, 0)
        if agent != "copilot" and isinstance(name, str) and name not in _DECISION_EVENTS[agent]:
            return Answer(None, 0)  # not a decision event: answer nothing
    msg = ""
    try:
        canonical = adapter.to_event(event) if isinstance(event, dict) else event
        if isinstance(canonical, dict):
            canonical["agent"] = agent
    except Exception as e:
        canonical = None
        msg = f"clearance: could not read the {agent} event ({type(e).__name__}: {e})"
    if canonical is None:
        decision = malformed(msg or "unreadable event")
        ctx = policy = None
    else:
        decision, ctx, policy = decide_event_full(canonical, environ)
        if policy is not None and isinstance(canonical, dict) and policy.data.get("probe", {}).get("on_hit") == "deny-next-outbound":
            from .probe import outbound_guard  # only with the switch on: an earlier injection hit denies the next outbound call

            decision = outbound_guard(canonical, decision, policy, environ, opts.db) or decision
        if environ.get("CLEARANCE_TEAM_POLICY_MISSING"):
            from .rejected import when_policy_missing  # the team service is down and its policy not here (remote.py)

            decision = when_policy_missing(decision, environ["CLEARANCE_TEAM_POLICY_MISSING"])
    if ctx is not None and ctx.session_id and not opts.shadow:
        from .paths import session_state_dir
        from .provenance import mark_start

        mark_start(session_state_dir(ctx.home, environ), ctx.session_id)  # the session's first call: when it began
    creates = decision.creates if decision.decision == "allow" else []
    if decision.decision == "ask":
        # A persisting shell's folder after a line that was asked: it may run (approved) or not, so it is not known.
        # (The folders put first on its PATH stay noted: they are the union of what it may have.)
        creates = [(k, p if p.startswith("$PATH\t") else p.partition("\t")[0] + "\t?") for k, p in decision.creates if k == "w"]
    if creates and ctx is not None and not opts.shadow and opts.audit:
        # A dry run the agent may start (`clearance hook --no-audit` on a forged event) notes nothing: it made paths
        # the session never created its own (round 9c); one with `--db ELSEWHERE` notes in ELSEWHERE's own records.
        from .paths import session_state_dir
        from .provenance import note

        tool_input = canonical.get("tool_input") if isinstance(canonical, dict) else None
        note(session_state_dir(ctx.home, environ), ctx.session_id, creates, tool_input=tool_input)  # before the call runs
    if decision.rules and decision.rules[0] in ("input.malformed", "engine.internal-error"):
        msg = msg or "clearance: " + decision.reason
    headless = headless_for(opts, environ, decision.decision)  # after the decision: most answers are allows (no /proc)
    if decision.decision == "ask" and not decision.defer and headless:
        from .audit import unanswered

        decision = unanswered(decision)  # nobody watches to answer it: denied, with how a person allows it
    if opts.audit and isinstance(canonical, dict):
        from .audit import record

        decision = record(decision, canonical, ctx, policy, environ, opts.db, opts.shadow, headless)
    answer = render(decision)
    if opts.shadow:
        return Answer(None, 0, msg)  # shadow mode: recorded, but nothing changes the agent's behaviour
    answer.stderr = "\n".join(x for x in (msg, answer.stderr) if x)
    return answer


def _via_daemon(raw: bytes, argv: list[str], env: Env | None = None) -> tuple[Answer | None, str]:
    """Ask a running ``clearance daemon`` -> (its answer, ""), or (None, why not) to decide in-process.

    Only a daemon the user enabled (its key file exists, ours, mode 0600) and that proves it holds
    the key (HMAC over the nonce sent and its reply) is believed; the socket must be ours too.
    Nothing secret is sent (daemon_path.forwarded_env).  "why not" is empty when there simply is
    no daemon; otherwise it is one line for stderr.
    """
    import posix  # os costs ~1.2 ms to import under -I -S; this path needs only these calls

    from .daemon_path import ACK, PROTOCOL, environ, forwarded_env, key_path, mac, socket_path

    env = environ() if env is None else env
    if env.get("CLEARANCE_NO_DAEMON"):
        return None, ""
    path = socket_path(env)
    try:
        st = posix.stat(path)
    except OSError:
        return None, ""  # no daemon
    uid = posix.getuid()
    skip = "; decided in-process"
    if st.st_uid != uid:
        return None, f"clearance: the daemon socket {path} belongs to uid {st.st_uid}, not you{skip}"
    kpath = key_path(env)
    try:
        fd = posix.open(kpath, posix.O_RDONLY | getattr(posix, "O_NOFOLLOW", 0))
        try:
            kst = posix.fstat(fd)
            key = posix.read(fd, 4096).strip()
        finally:
            posix.close(fd)
    except OSError:
        return None, f"clearance: a daemon socket is at {path} but the daemon is not enabled (no key at {kpath}; `clearance daemon` makes one){skip}"
    if kst.st_uid != uid or kst.st_mode & 0o077 or len(key) < 32:
        return None, f"clearance: the daemon key {kpath} is not yours alone (owner, mode 0600) or too short{skip}"
    import _socket

    from .daemon_path import state_dir

    stalled = state_dir(env) + "/daemon.stalled"
    try:
        since = posix.stat(stalled).st_mtime
    except OSError:
        since = 0.0
    if since:
        from time import time

        if 0 <= time() - since < DAEMON_BACKOFF_S:
            return None, f"clearance: the daemon on {path} stalled within the last minute ({stalled}); not tried again until then{skip}"
    nonce = posix.urandom(16).hex()
    text = raw.decode("utf-8", "surrogateescape")
    payload = json.dumps({"nonce": nonce, "protocol": PROTOCOL, "argv": argv, "env": forwarded_env(env), "raw": text}).encode()
    try:
        timeout = float(env.get("CLEARANCE_DAEMON_TIMEOUT") or 10.0)
    except ValueError:
        timeout = 10.0
    s = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    acknowledged = False
    try:
        # Until the daemon acknowledges (one byte as it accepts, before its pool decides), a short wait: a daemon that
        # is stopped (the socket's backlog still accepts) or whose accepting thread hangs costs DAEMON_ACK_S, not the
        # whole timeout; one that acknowledged and decides (a reviewer call, a busy pool) is waited for.
        s.settimeout(min(timeout, DAEMON_ACK_S))
        try:
            s.connect(path)
        except (ConnectionRefusedError, FileNotFoundError):
            return None, ""  # a stale socket: the daemon is gone
        peer = getattr(_socket, "SO_PEERCRED", None)
        if peer is not None:
            cred = s.getsockopt(_socket.SOL_SOCKET, peer, 12)
            peer_uid = int.from_bytes(cred[4:8], sys.byteorder)
            if peer_uid != uid:
                return None, f"clearance: the process on {path} runs as uid {peer_uid}, not you{skip}"
        s.sendall(payload)
        s.shutdown(_socket.SHUT_WR)
        first = s.recv(65536)  # the acknowledgement (a daemon of an earlier version sends its reply without one)
        acknowledged = True
        s.settimeout(timeout)
        chunks = [first[1:] if first[:1] == ACK else first]
        while first:
            chunk = s.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    except OSError as e:
        if isinstance(e, TimeoutError):
            _mark_stalled(stalled)
            what, waited = ("answer", timeout) if acknowledged else ("acknowledge the connection", min(timeout, DAEMON_ACK_S))
            return None, f"clearance: the daemon on {path} did not {what} within {waited:g} s (not tried again for a minute: {stalled}){skip}"
        return None, f"clearance: the daemon on {path} did not answer ({type(e).__name__}: {e}){skip}"
    finally:
        s.close()
    if since:
        try:
            posix.unlink(stalled)  # it answers again
        except OSError:  # (not contextlib: the hook's path imports only what it needs)
            since = 0.0
    data = b"".join(chunks)
    proof, _, body = data.partition(b"\n")
    from _operator import _compare_digest

    if not body or not _compare_digest(proof, mac(key, nonce.encode() + body).encode()):
        return None, f"clearance: the listener on {path} could not prove it is your clearance daemon (wrong or missing key){skip}"
    try:
        reply = json.loads(body.decode("utf-8"))
    except ValueError:
        reply = None
    if not isinstance(reply, dict) or "exit_code" not in reply:
        why = reply.get("error") if isinstance(reply, dict) else "unreadable reply"
        return None, f"clearance: the daemon failed ({why}){skip}"
    if reply.get("protocol") != PROTOCOL:  # an older daemon still running after an upgrade decides as the old version did
        theirs = reply.get("protocol", 1)
        return None, f"clearance: the daemon on {path} runs another clearance version (protocol {theirs}, this hook {PROTOCOL}): restart it{skip}"
    return Answer(reply.get("stdout"), int(reply["exit_code"]), str(reply.get("stderr") or "")), ""


def _mark_stalled(path: str) -> None:
    """Note that the daemon stalled now (the mark's modification time), so the next minute's calls do not wait for it."""
    import posix

    try:
        fd = posix.open(path, posix.O_WRONLY | posix.O_CREAT | getattr(posix, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return  # no state folder to note it in: the next call waits again
    try:
        posix.utime(fd)
    except (OSError, NotImplementedError, TypeError):
        pass
    finally:
        posix.close(fd)


def unattended_run(agent: str, env: Env) -> bool:
    """Whether the agent that runs this hook runs with nobody watching, by its own command line (unattended.py);
    never against an explicit CLEARANCE_HEADLESS=0."""
    if _said_watched(env):
        return False
    from .unattended import unattended

    return bool(unattended(agent))


def main(argv: list[str] | None = None, prepare: Callable[[bytes], None] | None = None) -> int:
    """*prepare*: called with the event's bytes before deciding in-process (not when the daemon or the team service
    answers)."""
    argv = list(argv or [])
    try:
        opts = Options(argv)
    except ValueError as e:
        sys.stderr.write(f"clearance hook: {e}\n")
        opts = Options()
        argv = []
    try:
        if sys.stdin.isatty():  # a person typed `clearance hook`: say what it waits for (an agent always pipes the event)
            sys.stderr.write(
                "clearance hook: reading one hook event as JSON on stdin (the agent sends it); end with Ctrl-D. To try a command: `clearance check -- CMD`\n"
            )
        raw = sys.stdin.buffer.read(MAX_EVENT_BYTES + 1)
        answer = None
        from .daemon_path import environ

        if environ().get("CLEARANCE_SERVER"):
            from .remote import via_server

            # The team service cannot read this machine's processes: it is told before it decides (remote.py).
            if not opts.headless and opts.agent in ("codex", "gemini", "copilot") and unattended_run(opts.agent, environ()):
                opts.headless = True  # nobody watches (`codex exec`, `gemini -p`, `copilot -p`)
            answer = via_server(raw, opts)
        else:
            import posix

            # Read after the decision, only for a deny or an ask (headless_for); the daemon reads it from its peer.
            opts.agent_pid = posix.getppid()
        note = ""
        if answer is None:
            answer, note = _via_daemon(raw, argv)
        if answer is None:
            if prepare is not None:
                prepare(raw)
            answer = run_answer(raw, opts)
            if note:
                answer.stderr = "\n".join(x for x in (note, answer.stderr) if x)
    except Exception as e:
        # Exit 2 blocks in every supported agent; the JSON asks where JSON is read.
        sys.stderr.write(f"clearance: internal error {type(e).__name__}: {e}; blocking this call\n")
        _answer(
            {
                "hookSpecificOutput": {
                    "hookEventName": "PreToolUse",
                    "permissionDecision": "ask",
                    "permissionDecisionReason": f"clearance failed ({type(e).__name__}); asking instead of guessing",
                }
            }
        )
        return 2 if opts.agent not in (None, "claude") else 0
    if answer.stderr:
        sys.stderr.write(answer.stderr + "\n")
    if answer.stdout is not None:
        _answer(answer.stdout)
    audit = sys.modules.get("clearance.audit")
    if audit is not None:
        audit.fold_pending()  # after the answer: a spool past its size joins the store (store/spool.py)
    return answer.exit_code
