"""Core value types of the decision path: Action, Context, Finding, Decision.

Plain classes with ``__slots__`` rather than dataclasses: this module is on the
per-call hook path, and ``dataclasses`` costs ~16 ms of imports (see
docs/architecture.md).  Type-only imports are guarded so that ``typing`` is
never imported at run time.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

# Verdicts a rule may carry, strongest first.
HARD_DENY = "hard_deny"
SOFT_DENY = "soft_deny"
ASK = "ask"
ALLOW = "allow"
VERDICTS = (HARD_DENY, SOFT_DENY, ASK, ALLOW)
_RANK = {HARD_DENY: 3, SOFT_DENY: 2, ASK: 1, ALLOW: 0}

# Decisions an agent receives.
D_ALLOW = "allow"
D_DENY = "deny"
D_ASK = "ask"

# Action kinds (DESIGN.md section 1).
KINDS = ("shell", "read", "write", "edit", "fetch", "search", "mcp", "agent", "other")


def verdict_rank(verdict: str) -> int:
    return _RANK[verdict]


def verdict_to_decision(verdict: str) -> str:
    if verdict in (HARD_DENY, SOFT_DENY):
        return D_DENY
    if verdict == ASK:
        return D_ASK
    return D_ALLOW


# What Context.read_file returns for a file larger than clearance reads, or one that is no regular file (a FIFO, a
# device: context.ProjectFiles): a script it cannot see into.
TOO_LARGE = "\x00clearance: larger than clearance reads\x00"


class _NotRegular(str):
    """TOO_LARGE's text, for a path that is no regular file (a FIFO, a socket, a device: context.ProjectFiles): every
    reader that compares with TOO_LARGE treats it as a file it cannot see into, and the two places where a large file
    is calibrated as skipped (a module a script imports, a suffixless file taken for a bundle) tell it apart with
    not_regular() and ask instead -- what a FIFO holds is whatever a writer hands it (fix19a)."""

    __slots__ = ()


NOT_REGULAR: str = _NotRegular(TOO_LARGE)


def not_regular(text: object) -> bool:
    """Whether a reader's answer is NOT_REGULAR (no regular file), not a regular file too large to read."""
    return type(text) is _NotRegular


# The code of a file a script loads past what clearance follows (code/localmods.Loaded.unread): unread, so asked about.
UNREAD = "\x00clearance: past what clearance follows\x00"


class Action:
    """One tool call, in agent-neutral form."""

    __slots__ = ("kind", "tool_name", "tool_input")

    def __init__(self, kind: str, tool_name: str, tool_input: dict[str, Any]) -> None:
        self.kind = kind
        self.tool_name = tool_name
        self.tool_input = tool_input

    def __repr__(self) -> str:
        return f"Action({self.kind!r}, {self.tool_name!r})"


class Context:
    """Where the call happens: directories, session, mode."""

    __slots__ = (
        "cwd",
        "project_root",
        "home",
        "tmpdirs",
        "session_id",
        "transcript_path",
        "permission_mode",
        "agent",
        "headless",
        "env",
        "read_file",
        "platform",
        "owned",
        "realpath",
        "owns",
        "list_dir",
        "git_changes",
        "processes",
        "dir_state",
        "environ",
        "sibling_checkout",
        "list_tree",
        "read_member",
        "live_stdin",
        "changed_in_session",
        "tmux_pane",
        "shell_dir",
    )

    def __init__(
        self,
        cwd: str,
        project_root: str,
        home: str,
        tmpdirs: tuple[str, ...] = ("/tmp", "/var/tmp"),
        session_id: str = "",
        transcript_path: str = "",
        permission_mode: str = "",
        agent: str = "claude",
        headless: bool = False,
        env: dict[str, str] | None = None,
        read_file: Callable[[str], str | None] | None = None,
        platform: str = "",
        owned: tuple[tuple[str, str, str], ...] | None = None,
        realpath: Callable[[str], str] | None = None,
        owns: Callable[[str], bool] | None = None,
        list_dir: Callable[[str], list[str] | None] | None = None,
        git_changes: Callable[[str, str, str], tuple[str, ...] | None] | None = None,
        processes: Callable[[], tuple[tuple[int, int, str, tuple[str, ...]], ...]] | None = None,
        dir_state: Callable[[str], str] | None = None,
        environ: Mapping[str, str] | None = None,
        sibling_checkout: Callable[[str], tuple[str, str] | None] | None = None,
        list_tree: Callable[[str, str], tuple[tuple[str, ...], str]] | None = None,
        read_member: Callable[[str, str, str], str | None] | None = None,
        live_stdin: bool = False,
        changed_in_session: Callable[[str], bool] | None = None,
        tmux_pane: Callable[[str, str], str | None] | None = None,
        shell_dir: Callable[[str], str | None] | None = None,
    ) -> None:
        self.cwd = cwd
        self.project_root = project_root
        self.home = home
        self.tmpdirs = tmpdirs
        self.session_id = session_id
        self.transcript_path = transcript_path
        self.permission_mode = permission_mode
        self.agent = agent
        self.headless = headless
        # Variables a command may expand that clearance resolves statically.
        self.env = env or {}
        # The command's standard input is a terminal the agent types into later through a tool no hook sees (Codex's
        # write_stdin into an exec_command started with tty): whatever a program reads from it is unseen input.
        self.live_stdin = live_stdin
        # Whether a project file changed since the session's first call (its status-change time is later: written, or
        # brought in by a checkout, a patch, an archive), filled by the hook at the I/O edge; None (tests, the team
        # service): not known, every file counts as changed (the modules test modules import: code/convention).
        self.changed_in_session = changed_in_session
        # The pane a tmux target names on a tmux server: (socket path, target) -> pane id ("%3"), None when unknown
        # (asked of tmux by the hook at the I/O edge, only for text typed into a terminal by name: rules/self.terminal-input;
        # None: not asked).
        self.tmux_pane = tmux_pane
        # The folder one of the agent's persisting shells was left in by an earlier call (provenance ``w``: a path, or
        # "?" when not known), by the shell's key (engine.shell_key); None: no record (tests, the team service).
        self.shell_dir = shell_dir
        # Reads a project file (scripts a command runs); None: no file is read.
        self.read_file = read_file
        # sys.platform of the machine the call runs on ("" when unknown: judged by the paths alone).
        # Decides whether paths compare case-insensitively (paths.case_insensitive).
        self.platform = platform
        # What clearance itself owns (policy, audit trail, keys, caches, socket): (path, why, kind
        # paths.OWN_*).  None: the default layout under home (paths.clearance_paths).
        self.owned = owned
        # Where a path really leads (symlinks resolved), filled by the hook at the I/O edge;
        # None (tests, the team service): paths are judged as written.
        self.realpath = realpath
        # Whether a path is this session's own (it created it: provenance.py), filled by the hook at the I/O
        # edge; None (tests, the team service): nothing is the session's own.
        self.owns = owns
        # The names in a project directory (a migration's later siblings), filled by the hook at the I/O
        # edge like read_file; None: no directory is listed.
        self.list_dir = list_dir
        # What a git command would rewrite in a repository's work tree: (directory, kind, rev) -> absolute
        # paths, None when unknown (gitprobe.py, filled by the hook at the I/O edge; None: not asked).
        self.git_changes = git_changes
        # clearance's own running processes, (pid, process group, name, argv) (procs.py, filled by the hook at the
        # I/O edge; None: not known, a signal to a bare process id is judged as written).
        self.processes = processes
        # What deleting a project directory would lose, looked at on disk by the hook (provenance_disk.dir_state):
        # "own" (untracked, every entry made after the session's first call), "clean" (every file tracked and as
        # committed to the index: git has it), "generated" (untracked, its tool marks it as a cache), "ignored"
        # (untracked, a .gitignore names it), "file" (a regular file), "dirty" (other work in it), "unknown" (cannot
        # be told in bounds).
        # None (the team service, the eval replay): no disk, judged by the path alone.
        self.dir_state = dir_state
        # The environment the agent's commands run in (the hook inherits it from the agent), for `env | grep X`:
        # which variables a pattern selects.  None (the team service, the eval replay): not known.
        self.environ = environ
        # (its work tree, why) when a path outside the project lies in another checkout of the project's own
        # repository (a linked worktree, a clone with its remote, a clone of the project: policy/repos.sibling_checkout),
        # filled by the hook at the I/O edge; None (the team service, the eval replay): no checkout is known to be one.
        self.sibling_checkout = sibling_checkout
        # What unpacking an archive or copying a directory would create: (path, "archive" | "dir") -> (relative paths,
        # why not listed) (treelist.py, filled by the hook at the I/O edge; None: no tree is listed).
        self.list_tree = list_tree
        # The text of one member listed by list_tree: (path, kind, member) -> text (at most 64 KiB), or None.
        self.read_member = read_member


class Finding:
    """What one rule found in one action."""

    __slots__ = ("rule_id", "verdict", "message", "category", "command")

    def __init__(self, rule_id: str, verdict: str, message: str, category: str = "", command: str = "") -> None:
        self.rule_id = rule_id
        self.verdict = verdict
        self.message = message
        self.category = category
        self.command = command

    def __repr__(self) -> str:
        return f"Finding({self.rule_id!r}, {self.verdict!r}, {self.message!r})"


class Decision:
    """The answer for one action, in agent-neutral form."""

    __slots__ = ("decision", "reason", "rules", "stage", "elapsed_ms", "findings", "stop", "review", "hint", "lost", "defer", "creates", "redirected", "inputs")

    def __init__(
        self,
        decision: str,
        reason: str,
        rules: list[str],
        stage: str,
        findings: list[Finding] | None = None,
        elapsed_ms: float = 0.0,
    ) -> None:
        self.decision = decision
        self.reason = reason
        self.rules = rules
        self.stage = stage
        self.findings = findings or []
        self.elapsed_ms = elapsed_ms
        # Headless escalation: the agent's run should stop (Claude Code: continue=false).
        self.stop = False
        # Reviewer accounting when a model was consulted: stage, tokens_in, tokens_out, ms.
        self.review: dict[str, Any] | None = None
        # The way forward told with a deny or ask: a safer alternative, and how the user may allow it.
        self.hint = ""
        # Policy allow rules that matched this call but lost (to a hard denial, a deny rule, ...), with why.
        self.lost: list[str] = []
        # Auto mode disabled: clearance would have allowed, so it leaves the call to the agent's own
        # permission system (the adapter answers nothing where the agent has one); recorded as ask.
        self.defer = False
        # What the call would create if its targets do not exist yet ((kind, path), provenance.creations):
        # recorded by the hook when the call is allowed.
        self.creates: list[tuple[str, str]] = []
        # The commands of a shell call that write through a redirect (their c.show()): a Bash allow rule names their
        # words, not where they write, so what such a command raises cannot be lifted by `clearance allow`.
        self.redirected: frozenset[str] = frozenset()
        # The texts the call brought (its input, the files read for it, its environment), read only when its reason
        # is redacted: a reason's words not among them are clearance's own (redact.reason_shown). None: not known.
        self.inputs: Callable[[], list[str]] | None = None

    def to_record(self, id_: object = None) -> dict[str, Any]:
        rec: dict[str, Any] = {}
        if id_ is not None:
            rec["id"] = id_
        rec["decision"] = self.decision
        from .redact import reason_shown  # the record is an answer (`clearance decide`, /v1/decide): as redact.shown

        rec["reason"] = reason_shown(self)[0]
        rec["rules"] = list(self.rules)
        rec["stage"] = self.stage
        rec["elapsed_ms"] = round(self.elapsed_ms, 3)
        return rec

    def __repr__(self) -> str:
        return f"Decision({self.decision!r}, {self.rules!r}, {self.reason!r})"


def combine(findings: list[Finding]) -> Decision:
    """Fold findings into one decision: hard_deny > soft_deny > ask > allow."""
    if not findings:
        return Decision(D_ALLOW, "No risk found: ordinary work inside the trust boundary.", [], "default")
    top = max(findings, key=lambda f: _RANK[f.verdict])
    decision = verdict_to_decision(top.verdict)
    if decision == D_ALLOW:
        rules = [f.rule_id for f in findings]
        return Decision(D_ALLOW, top.message, rules, "analysis", findings)
    # Only the findings that drive the decision are named as its rules.
    driving = [f for f in findings if verdict_to_decision(f.verdict) == decision]
    seen: list[str] = []
    for f in driving:
        if f.rule_id not in seen:
            seen.append(f.rule_id)
    reason = top.message
    if len(seen) > 1:
        reason += f" (and {len(seen) - 1} more finding{'s' if len(seen) > 2 else ''})"
    return Decision(decision, reason, seen, "analysis", findings)
