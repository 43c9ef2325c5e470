"""The names of the programs whose arguments hold another language: the unwrapper's dispatch tables.

shell/unwrap.py looks at every command's name against these; the modules that read the languages
(embedded.py, interp.py, sqlclients.py: ~0.7 ms to import on a cold hook) are imported only when a
command is one of them.  Those modules re-export the tables under their old names.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from .ir import SimpleCommand

# The shells: a command of one of these names runs a script (unwrap.py reads its -c text or its file).
SHELLS = frozenset({"bash", "sh", "zsh", "dash", "ksh", "mksh", "ash", "fish", "busybox", "rbash", "tcsh", "csh"})
AWKS = frozenset({"awk", "gawk", "mawk", "nawk"})
SEDS = frozenset({"sed", "gsed"})
VIMS = frozenset({"vim", "vi", "nvim", "view", "ex", "gvim", "vimdiff", "rvim"})
EMACSES = frozenset({"emacs", "emacs-nox", "xemacs"})
TCLS = frozenset({"tclsh", "wish", "expect", "jimsh"})
POWERSHELLS = frozenset({"pwsh", "powershell", "powershell.exe", "pwsh.exe"})
# PowerShell cmdlets and aliases typed as if the shell were PowerShell (Windows agents).
CMDLETS = frozenset(
    {
        "iex",
        "Invoke-Expression",
        "irm",
        "iwr",
        "Invoke-RestMethod",
        "Invoke-WebRequest",
        "Remove-Item",
        "Start-Process",
        "Set-ExecutionPolicy",
        "New-Item",
        "Set-Content",
        "Add-Content",
    }
)
MAKES = frozenset({"make", "gmake"})
# Languages whose one-liners run a shell command line through a call named like system(): Lisp dialects, Octave,
# S-Lang, GHC's expression mode, gnuplot.  Program -> the options that take the code.
SYSTEM_CALLERS = {
    "guile": ("-c",),
    "clisp": ("-x",),
    "sbcl": ("--eval",),
    "racket": ("-e", "--eval"),
    "octave": ("--eval",),
    "octave-cli": ("--eval",),
    "slsh": ("-e",),
    "ghc": ("-e",),
    "gnuplot": ("-e",),
}
# Languages whose one-liners clearance does not read (no parser, no pattern reading of their own): program -> the
# options (or subcommand word) that take the code. The code is asked about, as Tcl and PowerShell code is; the command
# lines its system()-like calls name are judged too. `nim --eval:CODE` glues its code with a colon; `tcc -run -` reads C
# from its standard input; a program given neither code nor a file reads literal code piped to it.
UNREAD_CODE = {
    # Java's REPL: it takes no code option, only code on its input (`jshell <<< CODE`) or a script file.
    "jshell": (),
    "clojure": ("-e", "--eval"),
    "clj": ("-e", "--eval"),
    "bb": ("-e", "--eval"),
    "elixir": ("-e", "--eval"),
    "erl": ("-eval",),
    "swift": ("-e",),
    "kotlin": ("-e", "-expression"),
    "scala": ("-e",),
    "groovy": ("-e",),
    "raku": ("-e",),
    "perl6": ("-e",),
    "rakudo": ("-e",),
    "crystal": ("eval",),
    "nim": ("--eval",),
    "tcc": ("-run",),
    # The JDK's script runners (Nashorn JavaScript with Java's classes: Runtime.exec, ProcessBuilder, java.net.Socket):
    # -e CODE, or a script piped to them.
    "jrunscript": ("-e",),
    "jjs": ("-e",),
}
# Of those, the programs whose code is read only language-blind (its system()-like calls, socket-and-shell code, hidden
# files named) and not asked about otherwise: an ordinary `jrunscript -e 'print("hi")'` stays allowed, as it was when
# only its quoted arguments were read (tests/test_outside_classes9.py).
UNREAD_QUIET = frozenset({"jrunscript", "jjs"})
# Programs that run a source file of a language clearance does not read (UNREAD_CODE's and their siblings): program ->
# the suffixes of the files it runs. The file's text is read language-blind, as the code of UNREAD_QUIET is -- the
# command lines its system()-like calls name, the hidden files of home it names, socket-and-shell code -- and not asked
# about otherwise (adversarial round 15a: `groovy x.groovy`, `swift x.swift`, `java X.java`, `elixir x.exs` ran unread
# what their `-e` forms had read; an ordinary script stays allowed, as `jrunscript -e 'print(1)'` does).
UNREAD_SOURCES: dict[str, tuple[str, ...]] = {
    "java": (".java",),
    "jshell": (".jsh", ".java"),
    "groovy": (".groovy", ".gvy", ".gy", ".gsh"),
    **dict.fromkeys(("kotlin", "kotlinc", "kotlinc-jvm"), (".kts",)),
    "swift": (".swift",),
    **dict.fromkeys(("scala", "scala-cli", "amm"), (".scala", ".sc")),
    **dict.fromkeys(("clojure", "clj", "bb"), (".clj", ".cljc", ".bb")),
    "elixir": (".exs", ".ex"),
    "escript": (".erl", ".escript"),
    **dict.fromkeys(("raku", "perl6", "rakudo"), (".raku", ".p6", ".pl6", ".rakumod")),
    "crystal": (".cr",),
    "nim": (".nim", ".nims"),
    "zig": (".zig",),
    "dart": (".dart",),
    **dict.fromkeys(("runghc", "runhaskell"), (".hs", ".lhs")),
    "ocaml": (".ml",),
    "v": (".v", ".vsh"),
    "rdmd": (".d",),
    "janet": (".janet",),
    "fennel": (".fnl",),
    "hy": (".hy",),
    "nu": (".nu",),
    **dict.fromkeys(("pwsh", "powershell"), (".ps1", ".psm1")),
    "tcc": (".c",),
}
# TeX engines: with shell escape enabled, \write18{CMD} and \input|"CMD" in the document run CMD.
TEXS = frozenset({"tex", "etex", "pdftex", "xetex", "luatex", "latex", "pdflatex", "xelatex", "lualatex", "amstex", "context"})
# Programs that run code read from a file their command line names, in a language whose typed form the shell analysis
# reads (embedded.py, unwrap_code.py): program -> (how the file is named: "" its first operand, "*" every operand, an
# option taking it, "<" standard input redirected from it; how its text is judged: "stdin" given on standard input,
# "program" as the program operand, "-e"/"-ex" as that option's value, one per line for "-ex"). A file is judged as the
# same code typed (scripts_more.code_file_runs): `tclsh x.tcl`, `awk -f x.awk`, `sed -f x.sed`, `ed f < x.ed`, `gdb -x x`
# ran unread what `tclsh <<< CODE`, `awk 'CODE'`, `sed -e`, `ed <<<` and `gdb -ex` have read (adversarial round 13a).
CODE_FILES: dict[str, tuple[tuple[str, ...], str]] = {
    # dict.fromkeys, not comprehensions: the same table without a function run per group (every cold hook builds it)
    **dict.fromkeys(TCLS, (("", "-f", "<"), "stdin")),
    **dict.fromkeys(AWKS, (("-f", "--file"), "program")),
    **dict.fromkeys(SEDS, (("-f", "--file"), "-e")),
    **dict.fromkeys(("ed", "ex"), (("<",), "stdin")),
    "gdb": (("-x", "--x", "-command", "--command"), "-ex"),
    "m4": (("*", "<"), "stdin"),
    "dc": (("*", "-f", "--file", "<"), "stdin"),
    **dict.fromkeys(SYSTEM_CALLERS, (("", "<"), "stdin")),
}
# Options (and variables) naming a configuration file a program loads whose settings choose programs it runs or files it
# writes, in a format no reader of clearance's judges: npm's npmrc (script-shell, node-options, prefix), wgetrc
# (output_document, use_askpass), screenrc (screen/exec lines), lldb's command files, gpg.conf (exec-path,
# photo-viewer). One in a temporary folder is code from elsewhere the agent may have put there (scripts.script_runs:
# asked, unread); the project's own and the user's are as ordinary as the defaults the program reads anyway.
CONFIG_CODE_FILES: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    **dict.fromkeys(("npm", "pnpm", "npx"), (frozenset({"--userconfig", "--globalconfig"}), ("NPM_CONFIG_USERCONFIG", "NPM_CONFIG_GLOBALCONFIG"))),
    "wget": (frozenset({"--config"}), ("WGETRC",)),
    "screen": (frozenset({"-c"}), ("SCREENRC",)),
    "lldb": (frozenset({"-s", "-S", "--source", "--source-before-file", "-source", "-source-before-file"}), ()),
    **dict.fromkeys(("gpg", "gpg2"), (frozenset({"--options"}), ())),
}
NAMES = AWKS | SEDS | VIMS | TCLS | POWERSHELLS | MAKES | CMDLETS | TEXS | frozenset({"osascript", "script", "parallel", "ed", *SYSTEM_CALLERS, *UNREAD_CODE})

# The POSIX utilities and git: the programs every script, the agent's routine commands and the hook itself (git: gitprobe)
# run by name. A program installed under one of these names into a folder on PATH runs in their place
# (shadows_routine; a tool installed under its own name, `gopls`, `yq`, is ordinary work).
ROUTINE_PROGRAMS = frozenset(
    [
        "git",
        "awk",
        "basename",
        "cat",
        "chmod",
        "chown",
        "cp",
        "cut",
        "date",
        "dirname",
        "du",
        "echo",
        "env",
        "expr",
        "find",
        "grep",
        "head",
        "id",
        "kill",
        "ln",
        "ls",
        "make",
        "mkdir",
        "mv",
        "nice",
        "nohup",
        "od",
        "printf",
        "ps",
        "pwd",
        "readlink",
        "rm",
        "rmdir",
        "sed",
        "sleep",
        "sort",
        "stat",
        "tail",
        "tar",
        "tee",
        "test",
        "touch",
        "tr",
        "true",
        "false",
        "uname",
        "uniq",
        "wc",
        "which",
        "xargs",
        "ssh",
        "sudo",
        "curl",
    ]
)


def shadows_routine(name: str) -> bool:
    """Whether a program called *name* on PATH would run in place of one the hook or routine commands run: a POSIX
    utility, git or a git-* helper git starts, a shell, an interpreter (`python3`, `python3.12`, `node`)."""
    base = name.rstrip("0123456789.") or name
    return name in ROUTINE_PROGRAMS or name.startswith("git-") or name in SHELLS or name in INTERPRETERS or base in INTERPRETERS


# Interpreter name -> language.
INTERPRETERS = {
    "python": "python",
    "python2": "python",
    "python3": "python",
    "pypy": "python",
    "pypy3": "python",
    "node": "js",
    "nodejs": "js",
    "deno": "js",
    "bun": "js",
    "tsx": "js",
    "ts-node": "js",
    "perl": "perl",
    "ruby": "ruby",
    "php": "php",
    "lua": "lua",
    "Rscript": "r",
    "R": "r",
    "julia": "julia",
    # The Python launcher (py -3 -c CODE, py -3.12 script.py): CPython's own options after the version flag.
    "py": "python",
    # Go's interpreter (yaegi -e CODE, yaegi x.go) and Rust's script runner (rust-script -e EXPR, rust-script x.rs):
    # their code is read by patterns (shell/interp.py); `go run`, `cargo run` sources are judged as given to them.
    "yaegi": "go",
    "rust-script": "rust",
}
# Other implementations of a language read under its reference interpreter's name (their one-liner options are the
# same): what runs is the language's code.
IMPLEMENTATIONS = {
    "luajit": "lua",
    "jruby": "ruby",
    "truffleruby": "ruby",
    "jython": "python",
    "graalpy": "python",
    "micropython": "python",
}
_VERSIONED = ("python", "pypy", "lua", "php", "perl", "ruby", "node")


def interpreter_alias(name: str) -> str | None:
    """The interpreter name *name* stands for when it is another spelling of one: a version after the name
    (`lua5.4`, `php8.2`, `python3.11`, `perl5.36.0`, `node20`, `pypy3.10`) or another implementation (`luajit`,
    `jruby`, `graalpy`); None for the interpreter's own name and anything else."""
    if name in INTERPRETERS or name in UNREAD_CODE or name in UNREAD_SOURCES:
        return None  # a program of its own whose name ends in a number (perl6 is Raku, not Perl 6 of perl; fix16)
    if name in IMPLEMENTATIONS:
        return IMPLEMENTATIONS[name]
    base = name.rstrip("0123456789.")
    if base in _VERSIONED and base != name and name[len(base)].isdigit():
        return base
    return None


# The options that take the code as their argument.
CODE_OPTIONS = {
    "python": ("-c",),
    "js": ("-e", "--eval", "-p", "--print"),
    "perl": ("-e", "-E"),
    "ruby": ("-e",),
    "php": ("-r",),
    "lua": ("-e",),
    "r": ("-e",),
    "julia": ("-e", "--eval", "-E", "--print"),
    "go": ("-e",),
    "rust": ("-e", "--expr"),
}

# Database clients (sqlclients.py reads where their statements come from).
CLIENTS = frozenset(
    {
        "psql",
        "mysql",
        "mariadb",
        "sqlite3",
        "mongosh",
        "mongo",
        "redis-cli",
        "clickhouse-client",
        "clickhouse-local",
        "clickhouse",
        "cqlsh",
        "sqlcmd",
        "duckdb",
        "cockroach",
        "pgcli",
        "mycli",
        "litecli",
        "usql",
        "bq",
        "snowsql",
        # SQL engines' shells whose -e/--execute/-q carry statements, read as the clients above (issue 15's SQL class)
        "trino",
        "presto",
        "beeline",
        "spark-sql",
        "hive",
        "impala-shell",
        "valkey-cli",
        "keydb-cli",
    }
)

# Client dialects: which client commands the text may hold.
PSQL = "psql"
MYSQL = "mysql"
SQLITE = "sqlite3"
CLICKHOUSE = "clickhouse"
CLIENT_DIALECTS = {
    "psql": PSQL,
    "pgcli": PSQL,
    "usql": PSQL,
    "mysql": MYSQL,
    "mariadb": MYSQL,
    "mycli": MYSQL,
    "sqlite3": SQLITE,
    "litecli": SQLITE,
    "duckdb": SQLITE,
    "clickhouse": CLICKHOUSE,
    "clickhouse-client": CLICKHOUSE,
    "clickhouse-local": CLICKHOUSE,
}


# Platform CLIs that hand SQL to a database the platform hosts, by program and subcommand words: the options whose
# value is SQL, the options whose value names a file of SQL, and the operand that is SQL (its index among the words
# after the subcommand; -1 for none).  Each entry from the program's own reference.
PLATFORM_SQL: dict[str, dict[tuple[str, ...], tuple[frozenset[str], frozenset[str], int]]] = {
    "wrangler": {("d1", "execute"): (frozenset({"--command"}), frozenset({"--file"}), -1)},
    "heroku": {("pg:psql",): (frozenset({"-c", "--command"}), frozenset({"-f", "--file"}), -1)},
    "aws": {
        ("rds-data", "execute-statement"): (frozenset({"--sql"}), frozenset(), -1),
        ("rds-data", "batch-execute-statement"): (frozenset({"--sql"}), frozenset(), -1),
        ("redshift-data", "execute-statement"): (frozenset({"--sql"}), frozenset(), -1),
        ("redshift-data", "batch-execute-statement"): (frozenset({"--sqls"}), frozenset(), -1),
        ("athena", "start-query-execution"): (frozenset({"--query-string"}), frozenset(), -1),
    },
    "gcloud": {("spanner", "databases", "execute-sql"): (frozenset({"--sql"}), frozenset(), -1)},
    "az": {
        ("postgres", "flexible-server", "execute"): (frozenset({"-q", "--querytext"}), frozenset({"-f", "--file-path"}), -1),
        ("mysql", "flexible-server", "execute"): (frozenset({"-q", "--querytext"}), frozenset({"-f", "--file-path"}), -1),
    },
    "turso": {("db", "shell"): (frozenset(), frozenset(), 1)},  # turso db shell DB "SQL"
    "dolt": {("sql",): (frozenset({"-q", "--query"}), frozenset({"-f", "--file"}), -1)},
    "supabase": {("db", "query"): (frozenset(), frozenset({"-f", "--file"}), 0)},
    # Snowflake's newer CLI (snowflake-cli, `snow`), SnowSQL's successor: `snow sql -q SQL`, `-f FILE` (round miss19)
    "snow": {("sql",): (frozenset({"-q", "--query"}), frozenset({"-f", "--filename"}), -1)},
}
# The words a platform call must hold for PLATFORM_SQL to read it (rules/gates.py: the db pack's gate for these programs).
PLATFORM_SQL_WORDS: dict[str, frozenset[str]] = {n: frozenset(sub[0] for sub in subs) for n, subs in PLATFORM_SQL.items()}


# npm packages whose command is not the package's last name part (its package.json `bin`): what `npx PKG`, `pnpm dlx
# PKG`, `bunx PKG` run.  A list extension of facts from each package's manifest; other packages run their last part.
PACKAGE_BINS = {
    "@continuedev/cli": "cn",
    "@anthropic-ai/claude-code": "claude",
    "@google/gemini-cli": "gemini",
    "@openai/codex": "codex",
    "@github/copilot": "copilot",
    "@qwen-code/qwen-code": "qwen",
    "@sourcegraph/amp": "amp",
    "opencode-ai": "opencode",
    "typescript": "tsc",
    "@angular/cli": "ng",
    "@nestjs/cli": "nest",
    "@vue/cli": "vue",
    "firebase-tools": "firebase",
    "aws-cdk": "cdk",
    "@aws-amplify/cli": "amplify",
    "netlify-cli": "netlify",
    "@railway/cli": "railway",
    "npm-check-updates": "ncu",
    "@biomejs/biome": "biome",
}


# git's built-in commands (`git --list-cmds=builtins`, git 2.39; internal helpers, and whatchanged, pickaxe and
# pack-redundant, which later versions drop, left out): git runs them before it looks for an alias of the same name.
_GIT_BUILTIN_NAMES = (
    "add am annotate apply archive blame branch bugreport bundle cat-file check-attr check-ignore check-mailmap"
    " check-ref-format checkout checkout-index cherry cherry-pick clean clone column commit commit-graph commit-tree"
    " config count-objects credential credential-cache credential-store describe diagnose diff diff-files diff-index"
    " diff-tree difftool fast-export fast-import fetch fetch-pack fmt-merge-msg for-each-ref for-each-repo format-patch"
    " fsck fsck-objects gc get-tar-commit-id grep hash-object help hook index-pack init init-db interpret-trailers log"
    " ls-files ls-remote ls-tree mailinfo mailsplit maintenance merge merge-base merge-file merge-index merge-ours"
    " merge-recursive merge-recursive-ours merge-recursive-theirs merge-subtree merge-tree mktag mktree"
    " multi-pack-index mv name-rev notes pack-objects pack-refs patch-id prune prune-packed pull push range-diff"
    " read-tree rebase receive-pack reflog remote remote-ext remote-fd repack replace rerere reset restore rev-list"
    " rev-parse revert rm send-pack shortlog show show-branch show-index show-ref sparse-checkout stage stash status"
    " stripspace switch symbolic-ref tag unpack-file unpack-objects update-index update-ref update-server-info"
    " upload-archive upload-pack var verify-commit verify-pack verify-tag version worktree write-tree"
)
GIT_BUILTINS = frozenset(_GIT_BUILTIN_NAMES.split())

# The package managers whose `run NAME` (and shorthands) run a script of package.json (scripts.py).
NODE_RUNNERS = frozenset({"npm", "pnpm", "yarn", "bun"})


def may_run_a_script(name: str, raw: str, values: Sequence[str] = ()) -> bool:
    """The dispatch of scripts.script_runs on a command's name (*raw*: its first word as typed, *values*: the words
    after it): a shell or `source`, a database client, a program given by its path, make, a node package manager, an
    interpreter, git given a subcommand it does not have (an alias in the repository's configuration), an editor (its
    script files) or ssh (`ssh HOST < deploy.sh`: the remote shell runs the file's lines) may run a project file; no
    other command does, and the engine does not import scripts.py for it."""
    from ..paths import DYN

    return (
        name in SHELLS
        or name in ("source", ".")
        or name in CLIENT_DIALECTS
        or ("/" in raw and DYN not in raw)
        or name in ("make", "gmake")
        or name in NODE_RUNNERS
        or name in INTERPRETERS
        or (name == "git" and git_may_run_an_alias(values))
        or name in VIMS
        or name in EMACSES
        or name in ("ssh", "autossh")
        or name in ("cowsay", "cowthink")  # scripts.FILE_RUNNERS: a cow file is Perl
        or name in CODE_FILES
        or name in UNREAD_SOURCES
        or name in CONFIG_CODE_FILES
        or (name in ("tmux", "tmate") and any(v in ("source-file", "source", "-f") for v in values[:8]))  # its commands' file
        or (name in ("go", "cargo") and "run" in values[:4])  # the sources it builds (scripts_more.compiled_sources)
        or name == "systemd-tmpfiles"  # the file operations its configuration lists (scripts._tmpfiles_lines)
        or (name == "autoload" and any("/" in v for v in values))  # zsh: a function's body from a file (scripts)
        or (name == "find" and ("-L" in values or "-follow" in values))  # links followed out of the tree (scripts)
        or (name in ("chown", "chgrp") and any(v[:1] == "-" and v[1:2] != "-" and "L" in v for v in values))
        or (name == "rsync" and ("--keep-dirlinks" in values or any(v[:1] == "-" and v[1:2] != "-" and "K" in v for v in values)))
    )


# git's options before the subcommand that take the next word as their value (git(1)).
GIT_VALUE_OPTIONS = frozenset({"-c", "-C", "--git-dir", "--work-tree", "--namespace", "--config-env", "--super-prefix", "--list-cmds", "--attr-source"})


def git_subcommand_at(words: Sequence[str], start: int = 0) -> int:
    """The index in *words* of git's subcommand, the first word from *start* on that is neither one of git's own
    options nor the value of one (len(words) where there is none)."""
    i = start
    while i < len(words) and words[i].startswith("-"):
        i += 2 if words[i] in GIT_VALUE_OPTIONS else 1
    return i


def git_may_run_an_alias(values: Sequence[str]) -> bool:
    """`git [OPTIONS] NAME …` (*values*: the words after `git`) where NAME is not one of git's own commands (an alias
    may stand there; scripts._git_alias reads it)."""
    i = git_subcommand_at(values)
    return i < len(values) and values[i] not in GIT_BUILTINS


# The programs that open a console or REPL of a known language (shell/terminal.CONSOLE_LANGUAGES): fed code on their
# input, it is judged as that language (unwrap's test before terminal.fed_console; tests/test_open_classes14.py checks
# the two agree). python and php count where they run a launcher (`python3 manage.py shell`, `php artisan tinker`).
CONSOLE_PROGRAMS = frozenset(
    {"manage.py", "django-admin", "django-admin.py", "flask", "scrapy", "jupyter", "artisan", "bundle", "lein", "bb"}
    | {"irb", "pry", "ipython", "ipython3", "bpython", "ptpython", "psysh", "jshell", "python", "python3", "php"}
)


# Toolchains that compile and run a source file named on their command line, in a language clearance does not read:
# program -> (the subcommand before the file or "", the file's suffix).
SOURCE_RUNNERS = {"go": ("run", ".go"), "java": ("", ".java"), "swift": ("", ".swift"), "rust-script": ("", ".rs"), "scala": ("", ".scala")}


def source_targets(c: SimpleCommand) -> list[str]:
    """The source files a toolchain compiles and runs: `go run x.go`, `java X.java` (single-file launch), `swift x.swift`."""
    from ..paths import DYN

    entry = SOURCE_RUNNERS.get(c.name)
    if entry is None:
        return []
    vals = c.values()
    if entry[0] and (len(vals) < 1 or entry[0] not in vals[:2]):
        return []
    return [v for v in vals if v.endswith(entry[1]) and not v.startswith("-") and DYN not in v][:8]


def run_targets(c: SimpleCommand, shell_only: bool = False) -> list[str]:
    """The file a command executes: `./x`, `bash x`, `python3 x`, `source x`; with *shell_only*, those a shell reads
    (executed by name, given to a shell or `source`), not an interpreter of another language.  Here, not in
    sameline.py: the engine asks it of every line of more than one command before importing that module."""
    from ..paths import DYN

    out = []
    raw = c.argv[0].raw if c.argv else ""
    if "/" in raw:
        out.append(raw.strip("'\""))
    if not shell_only:
        out.extend(source_targets(c))
    if c.name in SHELLS or (c.name in INTERPRETERS and not shell_only) or c.name in ("source", "."):
        ops = [v for v in c.values() if not v.startswith("-")]
        out.extend(ops[:1])
        if not ops:
            from .unwrap import cat_files

            out.extend(w.value for w in cat_files(c.stdin_from))  # cat t.sh | sh runs t.sh
    if c.name in ("ssh", "autossh"):
        from .unwrap import ssh_stdin_script

        got = ssh_stdin_script(c)
        if got is not None:
            out.append(got[1])  # `ssh HOST < deploy.sh`: the remote shell runs the lines of deploy.sh
    return [t for t in out if DYN not in t]
