"""The option model: a command's words read the way the program itself reads them.

Rules used to compare raw words (``"--hard" in args``), which misses what the
programs accept: git's parse-options and GNU getopt_long take any unique prefix
of a long option (``git reset --har``, ``git push --force-w``), short flags
cluster (``git checkout -qf``), values come glued (``--opt=v``, ``-mmsg``) or as
the next word, ``--no-X`` cancels ``--X``, and ``--`` ends the options.

``normalise(cmd)`` turns a SimpleCommand into a ``Norm``: the subcommand path
(``("stash", "drop")``), every option under its canonical name with its value,
the positionals (with where ``--`` was), and what could not be read (unknown
options, ambiguous abbreviations).  Rules ask ``nc.has("force")`` and
``nc.value("context")``, never raw words.

The tables are data in ``optables.py`` (plain strings); each tool's table is
compiled on first use, so importing this module costs nothing.
"""

from __future__ import annotations

from ..paths import DYN
from . import optables

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .ir import SimpleCommand, Word

NONE, REQUIRED, OPTIONAL = 0, 1, 2
NEGATED = "\0negated"
AMBIGUOUS = "\0ambiguous"
_FALSE = frozenset({"false", "0", "no", "off"})


class Opt:
    __slots__ = ("name", "arg")

    def __init__(self, name: str, arg: int) -> None:
        self.name = name
        self.arg = arg


class Spec:
    """One option table: long names, short letters, whether prefixes are accepted, its subcommands."""

    __slots__ = (
        "longs",
        "shorts",
        "abbrev",
        "go",
        "children",
        "raw_children",
        "persistent",
        "pflag",
        "dirs",
        "stop",
        "has_subs",
        "inert",
        "help_words",
        "exact",
    )

    def __init__(self) -> None:
        self.longs: dict[str, Opt] = {}
        self.shorts: dict[str, Opt] = {}
        self.abbrev = False
        self.go = False  # Go's flag package: -name and --name are the same long option, no clusters
        self.pflag = False  # spf13/pflag: boolean flags accept --flag=false
        self.children: dict[str, Spec] = {}
        # Subcommand tables as written, compiled on first use (`git status` need not compile git's 60 tables).
        self.raw_children: dict[str, dict[str, object]] = {}
        self.persistent: Spec | None = None  # options accepted at every level (cobra persistent flags)
        self.dirs: tuple[str, ...] = ()  # canonical names of options that move the working directory
        self.stop = False  # options end at the first positional (no permutation)
        self.has_subs = False  # the first operand is a subcommand
        # Canonical names of this level's options after which the program only prints (help, version) or only
        # tests (a dry run) and changes nothing; honoured when they come before the first operand (POSIXLY_CORRECT).
        self.inert: frozenset[str] = frozenset()
        # git's parse-options: a `-h` or `--help` word no table names prints the usage and exits, at every level.
        self.help_words = False
        # The table lists the program's long options exactly: an abbreviation ambiguous here is refused by it too.
        self.exact = False

    def child(self, name: str) -> Spec | None:
        """The table of subcommand *name* (compiled once, shared by its aliases), or None."""
        got = self.children.get(name)
        if got is None:
            data = self.raw_children.get(name)
            if data is None:
                return None
            got = _build(data, self)
            for alias, d in self.raw_children.items():
                if d is data:
                    self.children[alias] = got
        return got

    def long(self, name: str) -> Opt | str | None:
        """The option *name* names: exact match, else a unique prefix when the program accepts one."""
        opt = self.longs.get(name)
        if opt is not None:
            return opt
        if not self.abbrev or not name:
            return None
        found: Opt | None = None
        for key, o in self.longs.items():
            if key.startswith(name):
                if found is not None and found.name != o.name:
                    return AMBIGUOUS
                found = o
        return found


def _compile(text: str, spec: Spec | None = None) -> Spec:
    spec = spec or Spec()
    for entry in text.split():
        arg = NONE
        if entry.endswith("=?"):
            arg, entry = OPTIONAL, entry[:-2]
        elif entry.endswith("="):
            arg, entry = REQUIRED, entry[:-1]
        if "|" not in entry:  # most entries name one option: no list and no search for its long name (every cold hook)
            if len(entry) == 1 and not spec.go:
                spec.shorts[entry] = Opt(entry, arg)
            else:
                spec.longs[entry] = Opt(entry, arg)
            continue
        names = entry.split("|")
        opt = Opt(next((n for n in names if len(n) > 1), names[0]), arg)
        for n in names:
            if len(n) == 1 and not spec.go:
                spec.shorts[n] = opt
            else:
                spec.longs[n] = opt
    return spec


def _build(data: dict[str, object], inherit: Spec | None = None) -> Spec:
    spec = Spec()
    spec.abbrev = bool(data.get("abbrev", inherit.abbrev if inherit else False))
    spec.go = bool(data.get("go", inherit.go if inherit else False))
    spec.pflag = bool(data.get("pflag", inherit.pflag if inherit else False))
    spec.stop = bool(data.get("stop", False))
    spec.help_words = bool(data.get("help_words", inherit.help_words if inherit else False))
    spec.exact = bool(data.get("exact", False))
    inert = data.get("inert", "")
    spec.inert = frozenset(inert.split()) if isinstance(inert, str) else frozenset()
    dirs = data.get("dirs")
    spec.dirs = tuple(dirs) if isinstance(dirs, tuple) else ()
    opts = data.get("opts", "")
    _compile(opts if isinstance(opts, str) else "", spec)
    if inherit is not None:
        spec.persistent = inherit.persistent
    persistent = data.get("persistent")
    if isinstance(persistent, str):
        spec.persistent = Spec()
        spec.persistent.abbrev = spec.abbrev
        spec.persistent.go = spec.go
        _compile(persistent, spec.persistent)
        spec.persistent.pflag = spec.pflag
    subs = data.get("subs")
    spec.has_subs = isinstance(subs, dict)
    if isinstance(subs, dict):
        child_abbrev = bool(data.get("sub_abbrev", spec.abbrev))
        for names, sub in subs.items():
            sub_data = dict(sub) if isinstance(sub, dict) else {"opts": sub}
            sub_data.setdefault("abbrev", child_abbrev)
            for n in names.split("|"):
                spec.raw_children[n] = sub_data
    return spec


_SPECS: dict[str, Spec | None] = {}


def spec_for(name: str) -> Spec | None:
    """The compiled table of the program *name*, or None when it is not modelled."""
    if name in _SPECS:
        return _SPECS[name]
    data = optables.TOOLS.get(optables.ALIASES.get(name, name))
    spec = _build(data) if data is not None else None
    _SPECS[name] = spec
    return spec


def modelled(name: str) -> bool:
    return optables.ALIASES.get(name, name) in optables.TOOLS


class Norm:
    """A command as its program reads it."""

    __slots__ = ("tool", "sub", "opts", "words", "dashdash", "unknown", "ambiguous", "spec", "dirs", "inert")

    def __init__(self, tool: str) -> None:
        self.tool = tool
        self.sub: tuple[str, ...] = ()
        # (canonical name, value or None, level): level 0 for the tool's own options, n for the n-th subcommand's.
        self.opts: list[tuple[str, str | None, int]] = []
        self.words: list[Word] = []
        self.dashdash = -1  # index into words where `--` stood, -1 when it did not
        self.unknown: list[str] = []
        self.ambiguous: list[str] = []
        self.spec: Spec | None = None
        self.dirs: tuple[str, ...] = ()
        # The option (as typed) after which the program only prints or tests, read as the program reads it; "".
        self.inert = ""

    # -- queries ---------------------------------------------------------------------------------
    @property
    def pos(self) -> list[str]:
        """The positional arguments after the subcommand path, as text."""
        return [w.value for w in self.words]

    def after_dashdash(self) -> list[str]:
        return [w.value for w in self.words[self.dashdash :]] if self.dashdash >= 0 else []

    def has(self, *names: str) -> bool:
        """Whether any of *names* is set (its last occurrence not cancelled by --no-NAME or --NAME=false)."""
        return any(self._last(n) not in (None, NEGATED) for n in names)

    def count(self, name: str) -> int:
        """How often *name* was given (git clean -ff), 0 after a cancelling --no-NAME."""
        n = 0
        for o, v, _ in self.opts:
            if o == name:
                n = 0 if v == NEGATED else n + 1
        return n

    def value(self, name: str) -> str | None:
        """The value of *name*, the last one given (as the programs take it); "" for a flag given without one."""
        v = self._last(name)
        return None if v is None or v == NEGATED else v

    def values(self, name: str) -> list[str]:
        out: list[str] = []
        for o, v, _ in self.opts:
            if o == name:
                if v == NEGATED:
                    out = []
                else:
                    out.append(v or "")
        return out

    def values_raw(self, name: str) -> list[str]:
        """Every value given for *name* in order, NEGATED for a cancelling --no-NAME ("" for a flag)."""
        return [v or "" for o, v, _ in self.opts if o == name]

    def level(self, name: str, level: int) -> list[str]:
        """Values of *name* given at one level of the command (0: before the first subcommand)."""
        return [v or "" for o, v, lv in self.opts if o == name and lv == level and v != NEGATED]

    def workdirs(self) -> list[str]:
        """Directories the command moves into (git -C, --git-dir, --work-tree, terraform -chdir, make -C, npm --prefix)."""
        return [v for o, v, _ in self.opts if o in self.dirs and v and v != NEGATED]

    def _last(self, name: str) -> str | None:
        found: str | None = None
        for o, v, _ in self.opts:
            if o == name:
                found = "" if v is None else v
        return found

    def __repr__(self) -> str:
        return f"Norm({self.tool} {' '.join(self.sub)} opts={[(o, v) for o, v, _ in self.opts]} pos={self.pos})"


def _take_long(spec: Spec, body: str, nc: Norm, level: int, rest: list[Word], i: int) -> int:
    """Read one long option (*body* without its dashes) at words[i]; return the next index."""
    name, eq, attached = body.partition("=")
    neg = False
    opt: Opt | str | None = None
    for s in (spec, spec.persistent):
        if s is None:
            continue
        opt = s.long(name)
        if opt is None and name.startswith("no-"):
            opt = s.long(name[3:])
            neg = opt is not None and opt != AMBIGUOUS
        if opt is not None:
            break
    if opt is None:
        nc.unknown.append("--" + body if not spec.go else "-" + body)
        return i + 1
    if opt == AMBIGUOUS:
        nc.ambiguous.append("--" + name)  # the program refuses an ambiguous abbreviation: nothing happens
        return i + 1
    if not isinstance(opt, Opt):
        return i + 1
    if neg:
        nc.opts.append((opt.name, NEGATED, level))
        return i + 1
    if opt.arg == NONE:
        if eq and (spec.pflag or spec.go) and attached.lower() in _FALSE:
            nc.opts.append((opt.name, NEGATED, level))
        else:
            nc.opts.append((opt.name, attached if eq else None, level))
        return i + 1
    if eq:
        nc.opts.append((opt.name, attached, level))
        return i + 1
    if opt.arg == OPTIONAL:
        nc.opts.append((opt.name, None, level))
        return i + 1
    value = rest[i + 1].value if i + 1 < len(rest) else None
    nc.opts.append((opt.name, value, level))
    return i + 2


def _take_short(spec: Spec, body: str, nc: Norm, level: int, rest: list[Word], i: int) -> int:
    """Read a cluster of short options (-qf, -mmsg, -n ns) at words[i]; return the next index."""
    j = 0
    while j < len(body):
        ch = body[j]
        opt = spec.shorts.get(ch)
        if opt is None and spec.persistent is not None:
            opt = spec.persistent.shorts.get(ch)
        if opt is None:
            nc.unknown.append("-" + ch)
            j += 1
            continue
        if opt.arg == NONE:
            nc.opts.append((opt.name, None, level))
            j += 1
            continue
        glued = body[j + 1 :]
        if glued.startswith("=") and spec.pflag:
            glued = glued[1:]
        if glued or opt.arg == OPTIONAL:
            nc.opts.append((opt.name, glued or None, level))
            return i + 1
        value = rest[i + 1].value if i + 1 < len(rest) else None
        nc.opts.append((opt.name, value, level))
        return i + 2
    return i + 1


def _is_option(v: str) -> bool:
    return len(v) > 1 and v[0] == "-" and DYN not in v[:2]


def parse_words(spec: Spec, words: list[Word], nc: Norm) -> None:
    """Read *words* with *spec*, descending into subcommands; fills *nc*."""
    level = 0
    i = 0
    ended = False
    stop = spec.stop
    while i < len(words):
        w = words[i]
        v = w.value
        if not ended and v == "--":
            ended = True
            nc.dashdash = len(nc.words)
            i += 1
            continue
        if not ended and not (stop and nc.words) and _is_option(v):
            known, unknown, ambiguous = len(nc.opts), len(nc.unknown), len(nc.ambiguous)
            if spec.go:
                i = _take_long(spec, v.lstrip("-"), nc, level, words, i)
            elif v.startswith("--"):
                i = _take_long(spec, v[2:], nc, level, words, i)
            else:
                i = _take_short(spec, v[1:], nc, level, words, i)
            if not nc.inert and (
                # getopt stops at the first operand under POSIXLY_CORRECT: only an option before it counts
                (not nc.words and any(o in spec.inert and val != NEGATED for o, val, _ in nc.opts[known:]))
                # an ambiguous abbreviation (`chmod --re`: --recursive or --reference?) is refused: the program stops
                or (spec.exact and not nc.words and len(nc.ambiguous) > ambiguous)
                # parse-options reads options after operands too, and ignores POSIXLY_CORRECT
                or (spec.help_words and v in ("-h", "--help") and len(nc.unknown) > unknown)
            ):
                nc.inert = v
            continue
        nxt = spec.child(v) if not nc.words and not ended else None
        if nxt is not None:
            # The next level: `git stash drop`, `docker compose down`, `kubectl rollout undo`.
            spec = nxt
            nc.sub += (v,)
            level += 1
            stop = spec.stop
            if spec.dirs:
                nc.dirs += spec.dirs
            i += 1
            continue
        if spec.has_subs and not nc.words and not nc.sub:
            # A tool with subcommands whose first operand is none of them (an alias, a plugin).
            nc.sub += (v,)
            level += 1
            spec = _leaf(spec)
            i += 1
            continue
        nc.words.append(w)
        i += 1
    nc.spec = spec


def _leaf(parent: Spec) -> Spec:
    s = Spec()
    s.persistent = parent.persistent
    s.pflag = parent.pflag
    s.go = parent.go
    return s


# The command last normalised and its reading, rebound as one tuple (safe when threads share the module).
_CACHE: tuple[object, int, Norm | None] = (None, -1, None)


def normalise(cmd: SimpleCommand) -> Norm:
    """The command *cmd* as its program reads it (cached for the command last asked about)."""
    global _CACHE
    last, n, nc = _CACHE
    if last is cmd and n == len(cmd.argv) and nc is not None and nc.tool == cmd.name:
        return nc
    nc = normalise_words(cmd.name, cmd.argv[1:])
    _CACHE = (cmd, len(cmd.argv), nc)
    return nc


def inert_option(cmd: SimpleCommand) -> str:
    """The option after which *cmd*'s program only prints (its help, its version) or only tests (a dry run), read
    as the program reads its options (a value taken by an option, ``--``, operands before it), or ""."""
    return normalise(cmd).inert if modelled(cmd.name) else ""


def normalise_words(name: str, words: list[Word]) -> Norm:
    nc = Norm(name)
    spec = spec_for(name)
    if spec is None:
        spec = Spec()  # not modelled: every -x is an unknown option, nothing takes a value
    nc.dirs = spec.dirs
    parse_words(spec, words, nc)
    return nc


_SPELLED: dict[str, frozenset[str]] = {}


def spelled_out(name: str, args: list[Word]) -> list[Word]:
    """*args* with each abbreviated long option of *name* written in full (`--output-d` -> `--output-dir`,
    `--incl=inplace` -> `--include=inplace`), for readers that look for options by their full names: a prefix that
    stands for one option of the program's list (optables.LONG_OPTIONS) is that option, as getopt_long reads it.
    Words after `--`, exact names and ambiguous prefixes are left as they are."""
    long_options = optables.LONG_OPTIONS
    if name not in long_options:
        return args
    from .ir import Word

    if name not in _SPELLED:
        _SPELLED[name] = frozenset(long_options[name].split())
    known = _SPELLED[name]
    out: list[Word] = []
    for k, w in enumerate(args):
        v = w.value
        if v == "--":
            return out + args[k:]
        head, eq, value = v.partition("=")
        if v.startswith("--") and len(head) > 3 and head[2:] not in known:
            hits = [o for o in known if o.startswith(head[2:])]
            if len(hits) == 1:
                w = Word("--" + hits[0] + eq + value, w.raw, w.subs, w.procsub, w.vars, w.quoted)
        out.append(w)
    return out


def find_roots(args: list[Word]) -> tuple[list[Word], int]:
    """(starting points, index of the expression) of find's arguments.

    GNU findutils reads -H, -L, -P, -D DEBUGOPTS and -O[LEVEL] before the starting
    points (`find -L ~ -delete` deletes under ~); the expression begins at the first
    word that starts with "-" or is "(", "!" or ")".
    """
    i = 0
    while i < len(args):
        v = args[i].value
        if v in ("-H", "-L", "-P") or (v.startswith("-O") and v[2:].isdigit()):
            i += 1
        elif v == "-D":
            i += 2
        else:
            break
    roots: list[Word] = []
    while i < len(args) and not (args[i].value.startswith("-") or args[i].value in ("(", "!", ")")):
        roots.append(args[i])
        i += 1
    return roots, i


# find's tests of a file's age (modification, access, change time, or against a reference file's).
FIND_AGE_TESTS = frozenset({"-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-used", "-newer", "-anewer", "-cnewer"})
_FIND_ACTIONS = frozenset({"-delete", "-exec", "-execdir", "-ok", "-okdir", "-print", "-print0", "-printf", "-ls", "-fprint", "-fprint0", "-fls"})


def find_age_bound(values: list[str], start: int) -> bool:
    """Whether every file find's expression (from *start*) reaches its first action through is bounded by age
    (`find /tmp -type f -mtime +7 -delete`, `-newermt 2024-01-01`): one chain of tests, no alternative (-o, `,`),
    negation or group, holding an age test before the action.  Those files are some of the tree, not all of it:
    the ones older (or newer) than a bound -- what a temp directory's cleaner (systemd-tmpfiles, tmpreaper) removes."""
    aged = False
    i = start
    while i < len(values):
        v = values[i]
        if v in ("-o", "-or", ",", "!", "-not", "(", ")"):
            return False
        if v in _FIND_ACTIONS:
            return aged
        if v in FIND_AGE_TESTS or v.startswith("-newer"):
            aged = aged or i + 1 < len(values)
            i += 2
            continue
        i += 1
    return aged  # no action: what find prints (`find /tmp -mtime +7 | xargs rm`)


def find_roots_only(values: list[str], start: int) -> bool:
    """Whether find's expression (from *start*) sets `-maxdepth 0`: find then tests and acts on its starting points
    alone, never on what is below them (GNU findutils: -maxdepth is a global option wherever it stands, and the last
    one given counts).  `find notes.txt -maxdepth 0 -delete` is `rm notes.txt`; `-delete` removes a directory only
    when it is empty."""
    depth = ""
    for i in range(start, len(values) - 1):
        if values[i] == "-maxdepth":
            depth = values[i + 1]
    return depth == "0"


# -- git pathspecs -------------------------------------------------------------------------------------------
# Short magic signatures (gitglossary "pathspec"): `:/` top, `:!` and `:^` exclude.
_PATHSPEC_SHORT = {"/": "top", "!": "exclude", "^": "exclude"}
EVERYTHING = "."


def pathspec(v: str, literal: bool = False) -> tuple[str, frozenset[str]]:
    """A git pathspec's pattern and its magic words: `:/src` -> ("src", {top}), `:(top,glob)**` -> ("**", {top, glob}),
    `:!x` / `:^x` / `:(exclude)x` -> ("x", {exclude}). With --literal-pathspecs nothing is magic."""
    if literal or not v.startswith(":"):
        return v, frozenset()
    if v.startswith(":("):
        end = v.find(")")
        if end < 0:
            return v, frozenset()  # git refuses an unclosed magic: nothing happens
        words = {w.split(":", 1)[0].strip().lower() for w in v[2:end].split(",") if w.strip()}
        return v[end + 1 :], frozenset("exclude" if w == "exclude" else w for w in words)
    i = 1
    magic: set[str] = set()
    while i < len(v) and v[i] in _PATHSPEC_SHORT:
        magic.add(_PATHSPEC_SHORT[v[i]])
        i += 1
    if i < len(v) and v[i] == ":":
        i += 1
    return v[i:], frozenset(magic)


def _whole_tree(pattern: str, magic: frozenset[str]) -> bool:
    """Whether a pathspec's pattern matches every path below where it applies ("", ".", "*", "**", "./")."""
    p = pattern
    while p.startswith("./"):
        p = p[2:]
    p = p.rstrip("/")
    if p in ("", "."):
        return True
    if "literal" in magic:
        return False
    # Without glob magic git's `*` also matches "/", so `*` alone is every path; with it, `**` is.
    return set(p) <= {"*", "/"}


def git_pathspecs(values: list[str], literal: bool = False) -> list[tuple[str, bool]]:
    """What git pathspecs name, as (path, from_top): the pattern with its magic read, "." for the whole tree.

    `:/` and `:(top)` anchor at the top of the work tree rather than the current directory; excluded
    patterns do not widen what is affected, and a list of only exclusions is the whole tree less them.
    """
    out: list[tuple[str, bool]] = []
    excluded = False
    for v in values:
        if DYN in v[:2]:
            out.append((v, False))
            continue
        pattern, magic = pathspec(v, literal)
        if "exclude" in magic:
            excluded = True
            continue
        top = "top" in magic
        out.append((EVERYTHING if _whole_tree(pattern, magic) else pattern, top))
    if excluded and not out:
        out.append((EVERYTHING, False))
    return out


def option_value(vals: list[str], *names: str, short_eq: bool = False) -> str | None:
    """The value of the LAST of the options *names* among the words *vals*, as getopt, argparse and the other parsers
    take a repeated option (the last one wins): `--opt VALUE`, `--opt=VALUE`, `-o VALUE`, `-oVALUE` (with *short_eq*,
    `-o=VALUE` is VALUE, as argparse and OptionParser read it). A value is not read as an option again, and options
    end at `--`. The one reader of a named option's value for the rules that read words without a table (fix19b:
    three helpers took the first, the last or either)."""
    got: str | None = None
    i = 0
    while i < len(vals):
        v = vals[i]
        i += 1
        if v == "--":
            break
        for n in names:
            if v == n:
                if i < len(vals):
                    got = vals[i]
                    i += 1
                break
            if n.startswith("--"):
                if v.startswith(n + "="):
                    got = v[len(n) + 1 :]
                    break
            elif len(n) == 2 and n[0] == "-" and v.startswith(n) and len(v) > 2 and not v.startswith("--"):
                got = v[2:].removeprefix("=") if short_eq else v[2:]
                break
    return got


def _help_unset(word: str) -> bool:
    """Whether *word* gives the help flag a value or negates it (``--help=false``, ``-h=0``, ``-vh=f``, yargs'
    ``--no-help``): pflag and yargs let the last value win, so ``helm uninstall prod --help --help=false`` runs the
    uninstall.  A line holding one is not read as a help request (its rules judge it)."""
    if not word.startswith("-") or word == "--":
        return False
    if word.startswith("--"):
        return word == "--no-help" or word.startswith(("--help=", "--no-help="))
    return "help=" in word or "h=" in word


def help_request(cmd: SimpleCommand) -> bool:
    """Whether *cmd* only asks its CLI for its usage (``gcloud projects delete --help``, ``gh help repo delete``,
    ``aws rds delete-db-instance help``), read with the CLI's convention (optables.HELP_CONVENTIONS): the CLI prints
    its usage and exits, whatever the rest of the line names.  A help flag after a verb that hands words to another
    program, right after an option that may take it as its value, or after ``--`` is not the CLI's."""
    name = cmd.name
    argv = cmd.argv
    if any(_help_unset(w.value) for w in argv[1:]):
        return False
    if name == "aws":
        # awscli: `aws help`, `aws SERVICE help`, `aws SERVICE OPERATION help` -- the word alone after the command
        words = [w.value for w in argv[1:]]
        return 1 <= len(words) <= 3 and words[-1] == "help" and not any(v.startswith("-") for v in words)
    conv = optables.HELP_CONVENTIONS.get(name)
    if conv is None or len(argv) < 2:
        return False
    flags, help_word = conv
    if help_word and argv[1].value == "help":
        return True
    own = optables.HELP_OWN_COMMANDS.get(name)
    if modelled(name):
        nc = normalise(cmd)
        if any(s in optables.HELP_PASS_THROUGH for s in nc.sub):
            return False
        if own is not None and nc.sub and nc.sub[0] not in own:
            return False  # a plugin's name: the plugin gets the flag
        return any(o == "help" and v != NEGATED for o, v, _ in nc.opts) or any(u in flags for u in nc.unknown)
    if own is not None:
        first = next((w.value for w in argv[1:] if not w.value.startswith("-")), None)
        if first is not None and first not in own:
            return False  # a plugin's name, or an option's value read as one: judged as the command it runs
    paths = optables.HELP_PASS_THROUGH_PATHS.get(name)
    switches = optables.HELP_SWITCHES.get(name, frozenset())
    clusters = name not in optables.HELP_NO_CLUSTERS
    path: tuple[str, ...] = ()
    prev = ""
    for w in argv[1:]:
        v = w.value
        if v == "--":
            return False
        if not v.startswith("-"):
            path += (v,)
            if path in paths if paths is not None else (v in optables.HELP_PASS_THROUGH and not _operand_position(path[:-1])):
                return False  # a verb that hands the words after it on: the help flag is the other program's
        if v in flags or (clusters and _cluster_asks_help(v, flags, switches)):
            # an option before it that may take a value (`--description --help`) takes it, under pflag and commander;
            # a switch does not (`--yes --help`)
            return not (prev.startswith("-") and "=" not in prev and prev not in switches)
        prev = v
    return False


def _cluster_asks_help(word: str, flags: frozenset[str], switches: frozenset[str]) -> bool:
    """Whether a cluster of one-letter options (`-yh`) holds the help flag, read as pflag, getopt, clap, argparse and
    commander read one: letter by letter, each a switch until one that may take a value, which takes the rest of the
    word as that value (`gh api -fh`: h is -f's value) -- so the help letter counts only after switches alone."""
    if len(word) < 3 or word[0] != "-" or word[1] == "-" or "=" in word:
        return False
    for letter in word[1:]:
        option = "-" + letter
        if option in flags:
            return True
        if option not in switches:
            return False  # an option that may take the rest as its value, or one clearance does not know
    return False


def _operand_position(before: tuple[str, ...]) -> bool:
    """Whether a word after the command words *before* is an operand rather than a verb: a destroying verb (delete,
    rm, destroy …) takes operands, not subcommands, so `glab repo delete x --help` names a repository `x`, not a
    verb handing its words on."""
    if not before:
        return False
    from ..rules.system import destructive_word

    return any(destructive_word(part) for b in before for part in b.split(":"))  # heroku's apps:destroy
