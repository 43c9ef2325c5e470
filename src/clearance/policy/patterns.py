"""Permission rules in Claude Code's syntax: parsing and matching.

``Tool`` or ``Tool(argument)``:

- ``Bash(npm run test:*)`` -- a simple command starting with those words; ``Bash(git push origin *)``
  -- ``*`` matches anything; ``Bash(npm test)`` -- exactly that command.  Matched against every
  simple command clearance extracts (after unwrapping sudo, bash -c ...), never the raw text.
- ``Read(path)``, ``Edit(path)``, ``Write(path)`` -- gitignore-style globs: ``~/x`` in home,
  ``//x`` absolute, ``/x`` or ``x`` relative to the project root; ``*`` within a directory,
  ``**`` across directories.  Read rules cover Read, Grep and Glob, and what shell commands read;
  Edit/Write rules cover Write, Edit, MultiEdit, NotebookEdit, and what shell commands write or delete.
- ``WebFetch(domain:example.com)`` -- that host and its subdomains.
- ``mcp__server``, ``mcp__server__tool``, ``mcp__server__*`` -- MCP tools.
- A bare tool name (``WebSearch``, ``Task``, ``Bash``) -- every call of that tool.
"""

from __future__ import annotations

from ..lazyre import DOTALL, lazy
from ..paths import DYN

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

KNOWN_TOOLS = frozenset(
    {
        "Bash",
        "Read",
        "Write",
        "Edit",
        "MultiEdit",
        "NotebookEdit",
        "NotebookRead",
        "Glob",
        "Grep",
        "LS",
        "WebFetch",
        "WebSearch",
        "Task",
        "Agent",
        "TodoWrite",
        "ExitPlanMode",
        "BashOutput",
        "KillShell",
        "Skill",
        "SlashCommand",
    }
)
READ_TOOLS = frozenset({"Read", "Grep", "Glob", "LS", "NotebookRead"})
EDIT_TOOLS = frozenset({"Write", "Edit", "MultiEdit", "NotebookEdit"})
_RULE = lazy(r"^([A-Za-z_][A-Za-z0-9_*\-]*)(?:\((.*)\))?$", DOTALL)


class PatternError(ValueError):
    pass


class Pattern:
    __slots__ = ("text", "tool", "arg", "_re", "_glob", "_re_fold")

    def __init__(self, text: str) -> None:
        m = _RULE.match(text.strip())
        if not m:
            raise PatternError(f"{text!r} is not Tool or Tool(argument)")
        self.text = text.strip()
        self.tool = m.group(1)
        self.arg = m.group(2)
        self._re: re.Pattern[str] | None = None
        self._glob: PathGlob | None = None
        self._re_fold: PathGlob | None = None
        if self.arg is not None and self.arg.strip() == "":
            raise PatternError(f"{text!r} has an empty argument; write just {self.tool} to match every call")
        if self.tool.startswith("mcp__"):
            if self.arg is not None:
                raise PatternError(f"{text!r}: MCP rules take no argument")
        elif "*" in self.tool:
            raise PatternError(f"{text!r}: only MCP tool names may contain *")
        elif self.tool not in KNOWN_TOOLS:
            raise PatternError(f"{text!r}: unknown tool {self.tool!r}; this rule can never match")
        if self.arg is not None:
            if self.tool == "WebFetch":
                if not self.arg.startswith("domain:") or not self.arg[7:]:
                    raise PatternError(f"{text!r}: WebFetch rules take domain:HOST")
            elif self.tool in READ_TOOLS or self.tool in EDIT_TOOLS:
                if any(c in self.arg for c in "[]{}"):
                    raise PatternError(f"{text!r}: only * and ** are supported in path globs")
            elif self.tool == "Bash":
                if self.arg.endswith(":*") and "*" in self.arg[:-2]:
                    raise PatternError(f"{text!r}: use either prefix:* or * wildcards, not both")

    @property
    def kind(self) -> str:
        if self.tool == "Bash":
            return "bash"
        if self.tool in READ_TOOLS:
            return "read"
        if self.tool in EDIT_TOOLS:
            return "edit"
        if self.tool.startswith("mcp__"):
            return "mcp"
        if self.tool == "WebFetch":
            return "fetch"
        return "tool"

    # -- matching --------------------------------------------------------------

    def matches_tool(self, tool_name: str) -> bool:
        """Does this rule cover every call of *tool_name* (no argument given)?"""
        if self.tool.startswith("mcp__"):
            if "*" in self.tool:
                from fnmatch import fnmatchcase

                return fnmatchcase(tool_name, self.tool)
            return tool_name == self.tool or tool_name.startswith(self.tool + "__")
        if self.arg is not None:
            return False
        if self.kind == "read":
            return tool_name in READ_TOOLS
        if self.kind == "edit":
            return tool_name in EDIT_TOOLS
        return tool_name == self.tool or (self.tool in ("Task", "Agent") and tool_name in ("Task", "Agent"))

    def matches_command(self, text: str) -> bool:
        if self.tool != "Bash":
            return False
        if self.arg is None:
            return True
        a = self.arg
        if a.endswith(":*"):
            prefix = a[:-2].rstrip()
            return text == prefix or text.startswith(prefix + " ")
        if "*" in a:
            if self._re is None:
                import re

                self._re = re.compile(command_glob_regex(a), re.S)
            return bool(self._re.match(text))
        return text == a

    def matches_path(self, path: str, project_root: str, home: str, fold: bool = False) -> bool:
        """Does *path* (a resolved, normalised path) match this path glob?  With *fold* (a
        case-insensitive file system: paths.case_insensitive), compared case-folded and
        Unicode-normalised, as the file system compares names: ``Edit(/migrations/**)`` then covers
        ``Migrations/001.sql``.  Time linear in the path for any number of ``*`` and ``**`` (PathGlob)."""
        if self.arg is None:
            return True
        if fold:
            if self._re_fold is None:
                self._re_fold = PathGlob(path_glob_base(_fold(self.arg), _fold(project_root), _fold(home)))
            return self._re_fold.match(_fold(path))
        if self._glob is None:
            self._glob = PathGlob(path_glob_base(self.arg, project_root, home))
        return self._glob.match(path)

    def matches_host(self, host: str) -> bool:
        if self.arg is None:
            return True
        d = self.arg[7:].lower().lstrip("*.")
        h = host.lower()
        return h == d or h.endswith("." + d)


def _fold(s: str) -> str:
    from ..paths import fold

    return fold(s)


def command_glob_regex(glob: str) -> str:
    """`*` as any text, in linear time.

    `^a.*b.*c$` backtracks polynomially (each `.*` retries every split). For `*`-only globs the
    leftmost place of each middle piece is always the best, so each is found once, atomically.
    """
    import re  # here, not at import: a policy without such globs never needs it (~5 ms)

    parts = [re.escape(p) for p in glob.split("*")]
    middle = "".join(f"(?>.*?{m})" for m in parts[1:-1])
    return "^" + parts[0] + middle + ".*" + parts[-1] + "$"


def path_glob_base(glob: str, project_root: str, home: str) -> str:
    """The absolute form of a rule's path glob: ``~/x`` in home, ``//x`` absolute, ``/x`` and ``x`` in the project."""
    if glob.startswith("~/") or glob == "~":
        return home + glob[1:]
    if glob.startswith("//"):
        return glob[1:]
    if glob.startswith("/"):
        return project_root.rstrip("/") + glob
    return project_root.rstrip("/") + "/" + (glob[2:] if glob.startswith("./") else glob)


def path_glob_regex(glob: str, project_root: str, home: str) -> str:
    """The meaning of a path glob as a regular expression: the specification PathGlob implements
    (tests compare the two).  Not used to match: with several ``*`` or ``**`` it backtracks polynomially."""
    import re

    base = path_glob_base(glob, project_root, home)
    out = []
    i = 0
    while i < len(base):
        if base.startswith("/**", i) and (i + 3 == len(base) or base[i + 3] == "/"):
            out.append("(?:/.*)?")
            i += 3
        elif base.startswith("**", i):
            out.append(".*")
            i += 2
        elif base[i] == "*":
            out.append("[^/]*")
            i += 1
        elif base[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(base[i]))
            i += 1
    # A directory pattern also covers what is inside it.
    return "^" + "".join(out) + "(?:/.*)?$"


def _segment_regex(seg: str) -> str:
    """One path segment's glob (``*`` and ``?``, no ``/``) as a linear regular expression: the text
    between two ``*`` is found at its leftmost place, atomically (as fnmatch does), which is always
    the best place when every ``*`` matches the same characters."""
    import re

    pieces = ["".join("[^/]" if c == "?" else re.escape(c) for c in piece) for piece in seg.split("*")]
    if len(pieces) == 1:
        return pieces[0] + r"\Z"
    middle = "".join(f"(?>[^/]*?{m})" for m in pieces[1:-1] if m)
    return pieces[0] + middle + "[^/]*" + pieces[-1] + r"\Z"


# NFA operations for globs with ``**`` inside a segment (``a**b``): one character at a time.
_LIT, _ONE, _STAR, _ANY, _OPT = range(5)


class PathGlob:
    """A rule's path glob compiled for matching in time linear in the path (path_glob_regex is its meaning).

    The usual shape -- ``**`` as whole segments, ``*`` and ``?`` inside segments -- is matched segment by
    segment: the set of glob segments reachable after each path segment (``**`` stays or moves on), each
    segment by a linear regular expression.  A ``**`` inside a segment crosses ``/``; such globs run on a
    character-level NFA (the set of glob positions alive after each character).  Either way the time is
    bounded by the path's length times the glob's, and the glob's by the policy's size."""

    __slots__ = ("text", "_segs", "_prefix", "_ops", "_dfa")

    def __init__(self, base: str) -> None:
        self.text = base
        self._segs: list[re.Pattern[str] | None] | None = None
        self._ops: list[tuple[int, str]] = []
        self._dfa: dict[tuple[frozenset[int], str], frozenset[int]] = {}
        # The literal directory part every match starts with (a quick refusal for most paths).
        cut = min((i for i in (base.find("*"), base.find("?")) if i != -1), default=-1)
        self._prefix = base if cut == -1 else base[: max(base.rfind("/", 0, cut), 0)]
        parts = base.split("/")
        if base.startswith("/") and not any("**" in g and g != "**" for g in parts):
            import re

            # None stands for a ``**`` segment (never the first: it follows a "/").
            self._segs = [None if g == "**" and k > 0 else re.compile(_segment_regex(g), re.S) for k, g in enumerate(parts)]
            return
        i = 0
        while i < len(base):
            if base.startswith("/**", i) and (i + 3 == len(base) or base[i + 3] == "/"):
                self._ops += [(_OPT, ""), (_ANY, "")]
                i += 3
            elif base.startswith("**", i):
                self._ops.append((_ANY, ""))
                i += 2
            elif base[i] == "*":
                self._ops.append((_STAR, ""))
                i += 1
            elif base[i] == "?":
                self._ops.append((_ONE, ""))
                i += 1
            else:
                self._ops.append((_LIT, base[i]))
                i += 1
        self._ops += [(_OPT, ""), (_ANY, "")]  # a directory pattern also covers what is inside it

    def match(self, path: str) -> bool:
        if not path.startswith(self._prefix):
            return False
        if self._segs is not None:
            return self._match_segments(path)
        return self._match_chars(path)

    def _match_segments(self, path: str) -> bool:
        segs = self._segs
        assert segs is not None
        n = len(segs)

        def close(states: set[int]) -> set[int]:
            todo = list(states)
            while todo:
                i = todo.pop()
                if i < n and segs[i] is None and i + 1 not in states:
                    states.add(i + 1)
                    todo.append(i + 1)
            return states

        states = close({0})
        for name in path.split("/"):
            if n in states:
                return True  # the glob named a directory above the path (a trailing ``/...``)
            nxt: set[int] = set()
            for i in states:
                if i == n:
                    continue
                r = segs[i]
                if r is None:
                    nxt.add(i)
                elif r.match(name):
                    nxt.add(i + 1)
            if not nxt:
                return False
            states = close(nxt)
        return n in states

    def _close(self, states: set[int]) -> set[int]:
        ops, n = self._ops, len(self._ops)
        todo = list(states)
        while todo:
            i = todo.pop()
            if i >= n:
                continue
            op = ops[i][0]
            j = i + 2 if op == _OPT else i + 1 if op in (_STAR, _ANY) else -1
            if j != -1 and j not in states:
                states.add(j)
                todo.append(j)
        return states

    def _match_chars(self, path: str) -> bool:
        # The sets met are remembered per character (a DFA built as the text needs it, at most 4 096 steps kept).
        dfa = self._dfa
        states = frozenset(self._close({0}))
        for ch in path:
            got = dfa.get((states, ch))
            if got is None:
                if len(dfa) > 4096:
                    dfa.clear()
                got = dfa[(states, ch)] = self._step(states, ch)
            if not got:
                return False
            states = got
        return len(self._ops) in states

    def _step(self, states: frozenset[int], ch: str) -> frozenset[int]:
        ops, n = self._ops, len(self._ops)
        nxt: set[int] = set()
        for i in states:
            if i >= n:
                continue
            op, c = ops[i]
            if op == _LIT:
                if ch == c:
                    nxt.add(i + 1)
            elif op == _ONE:
                if ch != "/":
                    nxt.add(i + 1)
            elif op == _STAR:
                if ch != "/":
                    nxt.add(i)
            elif op == _ANY:
                nxt.add(i)
            elif ch == "/":  # _OPT: "/" then anything
                nxt.add(i + 1)
        return frozenset(self._close(nxt)) if nxt else frozenset()


def command_text(values: list[str]) -> str:
    return " ".join(v.replace(DYN, "$?") for v in values)


# -- options in Bash rules (issue 15 part 7) -------------------------------------------------
#
# Kept apart from Pattern's own matching: these functions give allow rules their narrower meaning.


def normalise_options(values: list[str]) -> list[str]:
    """``--opt=value`` written as ``--opt value``, as the programs read it (words after ``--`` are left alone)."""
    out: list[str] = []
    operands = False
    for v in values:
        if not operands and v.startswith("--") and "=" in v and len(v) > 2:
            name, _, val = v.partition("=")
            out += [name, val]
            continue
        if v == "--":
            operands = True
        out.append(v)
    return out


def rule_words(p: Pattern) -> tuple[list[str], bool]:
    """The literal words a Bash rule names, normalised, and whether it names the whole command.

    ``Bash(kubectl --context=dev apply:*)`` names ``kubectl --context dev apply`` and what follows is
    free; ``Bash(git push origin *)`` names ``git push origin``; ``Bash(npm test)`` names all of it.
    """
    a = (p.arg or "").strip()
    if a.endswith(":*"):
        return normalise_options(a[:-2].split()), False
    words = a.split()
    if "*" in a:
        literal: list[str] = []
        for w in words:
            if "*" in w:
                break
            literal.append(w)
        return normalise_options(literal), False
    return normalise_options(words), True


def pinned_options(p: Pattern) -> list[tuple[str, str]]:
    """Options a Bash rule gives a value (``--context dev``, ``-n staging``)."""
    words, _ = rule_words(p)
    pins: list[tuple[str, str]] = []
    for i in range(1, len(words) - 1):
        w, nxt = words[i], words[i + 1]
        if w.startswith("-") and w not in ("-", "--") and not nxt.startswith("-"):
            pins.append((w, nxt))
    return pins


def pins_hold(p: Pattern, values: list[str], assigned: tuple[str, ...] = ()) -> bool:
    """Every occurrence of an option the rule pins carries the rule's value, and nothing else re-chooses what it chose.

    Programs read a repeated single-valued option differently (kubectl, git and most CLIs take the
    last one), so ``kubectl --context dev apply ... --context=prod`` is not what
    ``Bash(kubectl --context dev apply:*)`` allowed. The option is read as its program reads it
    (``--namespace prod`` and ``-nprod`` are ``-n prod``; git's unique prefixes), and an option or
    variable of the same group (``--server``, ``--kubeconfig``, ``KUBECONFIG=…`` beside ``--context``;
    *assigned*: the names of the variables set for the command) chooses the target the rule pinned.
    """
    pins = pinned_options(p)
    if not pins:
        return True
    words = normalise_options(values)
    for opt, val in pins:
        for i in range(1, len(words)):
            if words[i] == "--":
                break
            if abbreviates(words[i], opt) and (i + 1 >= len(words) or words[i + 1] != val):
                return False
        if _redefined(opt, val, words, assigned):
            return False
    return _targets_hold(p, values, assigned)


# Options that name a file or folder of settings the program reads besides its command line (npm's `--userconfig`,
# cargo's `--config FILE`, `--config-file`): what a pinned name means may be set there.
_SETTINGS_FILE_OPTIONS = ("config", "userconfig", "globalconfig", "config-file", "configfile", "config-dir", "settings")

# The program's variables that choose the folder or file its settings are read from (PROG_HOME, PROG_CONFIG…), the
# variable forms of _SETTINGS_FILE_OPTIONS: `CARGO_HOME=/tmp/h cargo publish --registry internal` read internal's index
# from /tmp/h/config.toml (adversarial round 14c).
_SETTINGS_HOME_VARIABLES = frozenset({"HOME", "CONFIG", "CONFIG_FILE", "CONFIG_DIR", "CONFIG_HOME", "USERCONFIG", "GLOBALCONFIG", "SETTINGS"})


def _redefined(opt: str, val: str, words: list[str], assigned: tuple[str, ...]) -> bool:
    """Whether the command itself re-defines what the pinned `opt val` names (adversarial round 14b).

    A rule pinning a destination by name (`--registry internal`) cleared it as the user's configuration defines it; the
    same command line may define it again: a variable whose name holds the pinned name as a part
    (`CARGO_REGISTRIES_INTERNAL_INDEX=…`), a dotted setting holding it as a part (`--config registries.internal.index=…`),
    a scoped form of the pinned option that wins over it (npm's `--@org:registry=…` for a scoped package), or a file of
    settings given by option (`--config FILE`, `--userconfig FILE`). Each makes the rule not apply; the call is decided
    as without it."""
    name = opt.lstrip("-")
    bare = bool(val) and all(ch.isalnum() or ch in "-_" for ch in val)
    prog = words[0].rsplit("/", 1)[-1].upper().replace("-", "_") if words else ""
    token = val.upper().replace("-", "_")
    for a in assigned:
        parts = a.lstrip("?").upper().split("_")
        if bare and prog and parts[0] == prog and token in parts[1:]:
            return True  # the program's own variable naming the pinned name: CARGO_REGISTRIES_INTERNAL_INDEX
        if prog and parts[0] == prog and "_".join(parts[1:]) in _SETTINGS_HOME_VARIABLES:
            return True  # the program's own variable choosing its settings (round 14c): CARGO_HOME=/tmp/h, its config.toml
    for i in range(1, len(words)):
        w = words[i]
        if w == "--":
            break
        if w[:1] == "-" and w != opt:
            key = w.lstrip("-")
            if key.endswith(":" + name) or key in _SETTINGS_FILE_OPTIONS:
                return True
        elif bare and "=" in w:
            parts = w.partition("=")[0].split(".")
            if len(parts) > 1 and val in parts:
                return True  # a dotted setting naming it: registries.internal.index=…
    return False


# Options that choose what a command acts on -- the cluster, the daemon, the account, the namespace -- by program, with
# the variables that choose the same. A rule that pins one of a group chose that target: another option of the group
# the rule does not pin to the same value, or one of the variables set for the command, chooses another (adversarial
# round 12b: `kubectl --context dev apply … --server https://prod:6443`, `KUBECONFIG=prod.yaml kubectl --context dev …`,
# `kubectl -n staging delete pod web -A`). Canonical names of clearance's option tables (shell/optables.py) for the
# programs it models; raw option names (`--opt`, `-x`) for the others.
_TARGET_GROUPS: dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]] = {
    "kubectl": (
        (
            frozenset(
                [
                    "context",
                    "cluster",
                    "server",
                    "kubeconfig",
                    "user",
                    "token",
                    "as",
                    "as-group",
                    "as-uid",
                    "username",
                    "password",
                    "client-certificate",
                    "client-key",
                    "certificate-authority",
                    "tls-server-name",
                    "insecure-skip-tls-verify",
                ]
            ),
            frozenset({"KUBECONFIG"}),
        ),
        (frozenset({"namespace", "all-namespaces"}), frozenset()),
    ),
    "docker": (
        (
            frozenset(["context", "host", "url", "connection", "config", "identity", "remote", "tlscacert", "tlscert", "tlskey"]),
            frozenset({"DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "DOCKER_CERT_PATH", "CONTAINER_HOST", "CONTAINER_CONNECTION"}),
        ),
    ),
    "helm": (
        (
            frozenset(
                [
                    "--kube-context",
                    "--kubeconfig",
                    "--kube-apiserver",
                    "--kube-token",
                    "--kube-as-user",
                    "--kube-as-group",
                    "--kube-ca-file",
                    "--kube-insecure-skip-tls-verify",
                    "--kube-tls-server-name",
                ]
            ),
            frozenset({"KUBECONFIG", "HELM_KUBECONTEXT", "HELM_KUBEAPISERVER", "HELM_KUBETOKEN", "HELM_KUBEASUSER", "HELM_KUBECAFILE"}),
        ),
        (frozenset({"-n", "--namespace", "-A", "--all-namespaces"}), frozenset({"HELM_NAMESPACE"})),
    ),
    "aws": (
        (
            frozenset({"--profile", "--endpoint-url"}),
            frozenset(
                {"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE"}
                | {"AWS_SHARED_CREDENTIALS_FILE", "AWS_ENDPOINT_URL", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"}
            ),
        ),
        (frozenset({"--region"}), frozenset({"AWS_REGION", "AWS_DEFAULT_REGION"})),
    ),
    # gcloud's --flags-file=FILE gives any of its flags (--project, --account among them) from a YAML file: a member of
    # every group (adversarial round 12c; a list extension).
    "gcloud": (
        (frozenset({"--project", "--configuration", "--flags-file"}), frozenset({"CLOUDSDK_CORE_PROJECT", "CLOUDSDK_ACTIVE_CONFIG_NAME", "CLOUDSDK_CONFIG"})),
        (
            frozenset({"--account", "--impersonate-service-account", "--access-token-file", "--configuration", "--flags-file"}),
            frozenset({"CLOUDSDK_CORE_ACCOUNT", "CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT", "CLOUDSDK_AUTH_ACCESS_TOKEN_FILE", "CLOUDSDK_CONFIG"}),
        ),
    ),
    "az": (
        (frozenset({"--subscription"}), frozenset({"AZURE_SUBSCRIPTION_ID", "AZURE_CONFIG_DIR"})),
        (frozenset({"-g", "--resource-group"}), frozenset({"AZURE_DEFAULTS_GROUP", "AZURE_CONFIG_DIR"})),
    ),
    # terraform: `-chdir=envs/dev` pins a configuration, but which state it destroys is chosen besides by the workspace
    # (TF_WORKSPACE, which no option overrides), the data folder holding the selected workspace and backend
    # (TF_DATA_DIR), `-state`/`-backend-config`, and options read from TF_CLI_ARGS or TF_CLI_ARGS_<subcommand>
    # ("NAME*": every variable NAME begins). Adversarial round 13d.
    "terraform": ((frozenset({"chdir", "state", "state-out", "backend-config"}), frozenset({"TF_WORKSPACE", "TF_DATA_DIR", "TF_CLI_ARGS*"})),),
}
# The variables of _TARGET_GROUPS that name the file or folder a pinned option's value is looked up in (a kubeconfig's
# contexts, gcloud's configurations, AWS's profiles): set, they change what `--context dev` means whatever the option
# says. The others name the target itself, and the option given on the command line wins over them.
_LOOKUP_VARIABLES = frozenset(
    {"KUBECONFIG", "CLOUDSDK_CONFIG", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "DOCKER_CONFIG", "AZURE_CONFIG_DIR"}
    # terraform's: no option on the command line overrides them (they are read whatever -chdir says).
    | {"TF_WORKSPACE", "TF_DATA_DIR", "TF_CLI_ARGS*"}
)


def _named(name: str, variables: frozenset[str]) -> bool:
    """Whether *name* is one of *variables* ("NAME*" there: any name NAME begins, TF_CLI_ARGS_destroy)."""
    return name in variables or any(v[-1] == "*" and name.startswith(v[:-1]) for v in variables)


_TARGET_ALIASES = {"oc": "kubectl", "kubecolor": "kubectl", "podman": "docker", "nerdctl": "docker"}


def abbreviates(word: str, option: str) -> bool:
    """Whether *word* may be read as the long option *option*: the option itself, or a proper prefix of it of at least
    one letter (`--reg` for `--registry`, `--sub` for `--subscription`). getopt_long, Python's argparse (the AWS and
    Azure CLIs, twine, gcloud) and npm's nopt take any unambiguous prefix of a long option as the option (adversarial
    round 14b: `--subs prod` re-chose what `Bash(az --subscription dev group delete:*)` pinned). Read that way even
    where a program would refuse the prefix: a rule then does not apply, and the call is decided as without it."""
    return word == option or (option[:2] == "--" and len(word) > 2 and word[:2] == "--" and option.startswith(word))


def _spelled(word: str, names: frozenset[str]) -> list[str]:
    """The options of *names* that *word* may be read as (see `abbreviates`)."""
    if word in names:
        return [word]
    return [n for n in names if abbreviates(word, n)] if word[:2] == "--" and len(word) > 2 else []


def _raw_options(words: list[str], names: frozenset[str]) -> list[tuple[str, str]]:
    """(option, value) for each option of *names* among *words*, as getopt-style programs read them: `--opt=v`, `--opt v`,
    `-xv`, `-x v`, `-x=v` (words after `--` are operands)."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w == "--":
            break
        if w.startswith("--") and "=" in w:
            name, _, val = w.partition("=")
            out += [(n, val) for n in _spelled(name, names)]
        elif _spelled(w, names):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            takes = not nxt.startswith("-") and nxt != ""
            out += [(n, nxt if takes else "") for n in _spelled(w, names)]
            i += 1 if takes else 0
        elif len(w) > 2 and w[0] == "-" and w[1] != "-" and w[:2] in names:
            out.append((w[:2], w[2:].removeprefix("=")))
        i += 1
    return out


def _targets_hold(p: Pattern, values: list[str], assigned: tuple[str, ...]) -> bool:
    """No option or variable of a pinned option's group chooses another target than the rule (see _TARGET_GROUPS)."""
    if not values:
        return True
    prog = values[0].rsplit("/", 1)[-1]
    prog = _TARGET_ALIASES.get(prog, prog)
    groups = _TARGET_GROUPS.get(prog)
    if groups is None:
        return True
    literal, _ = rule_words(p)
    from ..shell import options

    if options.modelled(prog):
        from ..shell.ir import Word

        rule_nc = options.normalise_words(prog, [Word(w, w) for w in literal[1:]])
        cmd_nc = options.normalise_words(prog, [Word(w, w) for w in values[1:]])
        pinned = {o: v for o, v, _ in rule_nc.opts if v}
        given = [(o, "" if v is None else v) for o, v, _ in cmd_nc.opts]
    else:
        every = frozenset(n for names, _ in groups for n in names)
        pinned = {o: v for o, v in _raw_options(literal[1:], every) if v}
        given = _raw_options(values[1:], every)
    for names, variables in groups:
        if not any(o in names for o in pinned):
            continue
        if any(_named(a, variables) for a in assigned):
            return False
        # "?NAME": assigned earlier without export, where the agent's shell may export it; "?*": a sourced file may
        # have set and exported anything (round 12c). Only a variable that says where the pinned name is looked up
        # (a config file or folder) re-chooses the target then: one naming the target itself yields to the option.
        lookup = variables & _LOOKUP_VARIABLES
        if lookup and any(a[:1] == "?" and (a[1:] == "*" or _named(a[1:], lookup)) for a in assigned):
            return False
        for o, v in given:
            if o in names and pinned.get(o) != v:
                return False
    return True


_NORMALISED: dict[str, Pattern] = {}


def _normalised_rule(p: Pattern) -> Pattern:
    got = _NORMALISED.get(p.text)
    if got is None:
        a = (p.arg or "").strip()
        if a.endswith(":*"):
            arg = " ".join(normalise_options(a[:-2].split())) + ":*"
        else:
            arg = " ".join(normalise_options(a.split()))
        got = Pattern(f"Bash({arg})")
        _NORMALISED[p.text] = got
    return got


def allow_matches(p: Pattern, values: list[str], assigned: tuple[str, ...] = ()) -> bool:
    """Does the allow rule *p* cover the simple command *values*?

    Both sides are read with options normalised (``--opt=value`` is ``--opt value``), and an
    option the rule gives a value must not appear with another value anywhere in the command.
    """
    if p.tool != "Bash":
        return False
    if p.arg is None:
        return True
    if not pins_hold(p, values, assigned):
        return False
    return _normalised_rule(p).matches_command(command_text(normalise_options(values)))


def deny_texts(values: list[str]) -> list[str]:
    """Extra readings of a command for deny and ask rules: with options normalised."""
    norm = normalise_options(values)
    return [command_text(norm)] if norm != values else []
