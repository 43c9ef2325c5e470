"""Interpreter command lines read the way each interpreter reads its options.

``perl -MFile::Path=rmtree -lne CODE``, ``ruby -I lib -rjson -e CODE``, ``php -d x=y -n -r CODE``,
``node -r dotenv/config -pe CODE``, ``deno eval CODE``, ``tsx -e CODE``: which words are option
values, where the code is, and which options load code from a file (``node -r ./setup.js``,
``perl -I. -MLocal``, ``ruby -r ./x.rb``, ``php -d auto_prepend_file=x.php``).  perl and ruby
cluster single-letter switches (``-lane``, ``-pi.bak``: ``-i`` takes the rest of its word, so
``-pie`` is ``-p -i`` with the extension ``e``); php and node take values glued or as the next word.
"""

from __future__ import annotations


class Reading:
    """What an interpreter's command line says: the code it runs and the files its options load."""

    __slots__ = ("code", "file", "inplace", "loads", "operands")

    def __init__(self) -> None:
        self.code: str | None = None  # the program text given on the command line
        self.file: str | None = None  # the script file it runs instead (None: code, stdin or nothing)
        self.loads: list[str] = []  # files or modules options load before the code (-r, -M, --import)
        self.inplace = False  # perl/ruby -i: the operands are edited in place
        self.operands: list[str] = []  # the words after the code or the script (input files, arguments)


# Single-letter switches, per language: those whose value is the rest of the word or the next word,
# those whose value can only be glued to them, and the ones that carry code.
_PERL_VALUE = frozenset("MmI")
_PERL_GLUED = frozenset("iFDdxC")
_PERL_DIGITS = frozenset("l0")
_RUBY_VALUE = frozenset("rICE")
_RUBY_GLUED = frozenset("iFxWTK")
_RUBY_DIGITS = frozenset("0")
_RUBY_LONG_VALUE = frozenset({"--encoding", "--external-encoding", "--internal-encoding", "--enable", "--disable", "--dump"})
_PHP_VALUE = frozenset(
    {
        "-d",
        "-c",
        "-z",
        "-t",
        "-S",
        "-f",
        "-F",
        "-r",
        "-B",
        "-R",
        "-E",
        "--php-ini",
        "--define",
        "--zend-extension",
        "--file",
        "--run",
        "--process-begin",
        "--process-code",
        "--process-file",
        "--process-end",
    }
)
_PHP_CODE = {"-r": 0, "--run": 0, "-B": 1, "--process-begin": 1, "-R": 2, "--process-code": 2, "-E": 3, "--process-end": 3}
_NODE_VALUE = frozenset(
    {
        "-r",
        "--require",
        "--import",
        "--loader",
        "--experimental-loader",
        "-C",
        "--conditions",
        "--input-type",
        "--title",
        "--env-file",
        "--inspect-port",
        "--redirect-warnings",
        "--icu-data-dir",
        "--openssl-config",
        "--disable-warning",
        "--watch-path",
        "--test-reporter",
        "--test-reporter-destination",
        "--preload",
        "--cwd",
        "--tsconfig-override",
        "--config",
        "-c",
        "--compiler-options",
        "-O",
        "--project",
        "-P",
        "--compiler",
        "--ignore",
        "-I",
        "--ext",
        "--import-map",
        "--location",
        "--cert",
        "--tsconfig",
    }
)
_NODE_LOADS = frozenset({"-r", "--require", "--import", "--loader", "--experimental-loader", "--preload"})
_NODE_CODE = frozenset({"-e", "--eval", "-p", "--print"})


def read(argv: list[str], lang: str) -> Reading:
    """The reading of *argv* (its first word the interpreter) for js, ruby, perl or php."""
    if lang == "perl":
        out = _clustered(argv, _PERL_VALUE, _PERL_GLUED, _PERL_DIGITS, "eE", frozenset(), "Mm")
        if out.code is not None:
            out.code = "".join(_perl_use(v) for v in out.loads if v[1:2] in "Mm") + out.code
        return out
    if lang == "ruby":
        out = _clustered(argv, _RUBY_VALUE, _RUBY_GLUED, _RUBY_DIGITS, "e", _RUBY_LONG_VALUE, "r")
        if out.code is not None:
            out.code = "".join(f"require {v[2:]!r}; " for v in out.loads if v.startswith("-r") and "'" not in v) + out.code
        return out
    if lang == "php":
        return _php(argv)
    return _node(argv)


# un.rb (`ruby -run -e NAME -- ARGS`): Ruby's stand-ins for the file utilities, and FileUtils' compound names.
_UN_COMMANDS = {
    "cp": ["cp"],
    "ln": ["ln"],
    "mv": ["mv"],
    "rm": ["rm"],
    "mkdir": ["mkdir"],
    "rmdir": ["rmdir"],
    "install": ["install"],
    "chmod": ["chmod"],
    "touch": ["touch"],
    "rm_rf": ["rm", "-rf"],
    "rm_r": ["rm", "-r"],
    "rm_f": ["rm", "-f"],
    "cp_r": ["cp", "-r"],
    "ln_s": ["ln", "-s"],
    "ln_sf": ["ln", "-sf"],
    "mkdir_p": ["mkdir", "-p"],
}


def ruby_un_command(reading: Reading) -> list[str] | None:
    """The shell command `ruby -run -e NAME ARGS` stands for (``-run`` is ``-r un``), or None.

    ``httpd`` serves a directory over HTTP: read as ``python3 -m http.server`` on the same directory
    and address, which the rules already judge.  Another name un.rb does not have is left to the code reading.
    """
    if "-run" not in reading.loads or reading.code is None:
        return None
    name = reading.code.strip()
    while name.startswith("require "):  # the lines read() put before the code for each -r
        name = name.partition(";")[2].strip()
    args = [a for a in reading.operands if a != "--"]
    if name == "httpd":
        out, root, i = ["python3", "-m", "http.server"], ".", 0
        while i < len(args):
            a = args[i]
            key, eq, val = a.partition("=")
            if key in ("--bind-address", "-b", "--port", "-p"):
                if not eq:
                    i += 1
                    val = args[i] if i < len(args) else ""
                out += ["--bind", val] if key in ("--bind-address", "-b") else [val]
            elif not a.startswith("-"):
                root = a
            i += 1
        return [*out, "--directory", root]
    base = _UN_COMMANDS.get(name)
    return [*base, *args] if base is not None else None


def _clustered(
    argv: list[str], value: frozenset[str], glued: frozenset[str], digits: frozenset[str], code: str, long_value: frozenset[str], loader: str
) -> Reading:
    out = Reading()
    lines: list[str] = []
    i = 1
    while i < len(argv):
        a = argv[i]
        i += 1
        if a == "--":
            if not lines and i < len(argv):
                out.file = argv[i]
                i += 1
            out.operands = argv[i:]
            break
        if not a.startswith("-") or a == "-":
            if not lines:
                out.file = a if a != "-" else None
                out.operands = argv[i:]
            else:
                out.operands = argv[i - 1 :]
            break
        if a.startswith("--"):
            name = a.partition("=")[0]
            if name in long_value and "=" not in a:
                i += 1
            continue
        j = 1
        while j < len(a):
            ch = a[j]
            rest = a[j + 1 :]
            if ch in code:
                if rest:
                    lines.append(rest)
                elif i < len(argv):
                    lines.append(argv[i])
                    i += 1
                else:
                    lines.append("")
                break
            if ch in value:
                v = rest
                if not v and i < len(argv):
                    v = argv[i]
                    i += 1
                if ch in loader or ch == "I":
                    out.loads.append(("-I" if ch == "I" else "-" + ch) + v)
                break
            if ch in glued:
                out.inplace = out.inplace or ch == "i"
                break
            j += 1
            if ch in digits:
                while j < len(a) and (a[j].isdigit() or (ch == "0" and a[j] in "xXabcdefABCDEF")):
                    j += 1
    if lines:
        out.code = "\n".join(lines)
    return out


def _perl_use(option: str) -> str:
    """The line perl puts before the code for -MMod, -MMod=a,b, -M-Mod and -mMod (perlrun)."""
    body = option[2:]
    keyword = "no" if body.startswith("-") else "use"
    module, eq, imports = body.lstrip("-").partition("=")
    module = module.strip()
    if not module or not all(ch.isalnum() or ch in ":_" for ch in module):
        return ""
    if eq:
        return f"{keyword} {module} qw({imports.replace(',', ' ').replace(')', '')}); "
    return f"{keyword} {module}{' ()' if option[1] == 'm' else ''}; "


def _php(argv: list[str]) -> Reading:
    out = Reading()
    parts: list[str | None] = [None, None, None, None]
    i = 1
    while i < len(argv):
        a = argv[i]
        i += 1
        if a == "--":
            break
        if not a.startswith("-") or a == "-":
            if all(p is None for p in parts):
                out.file = a if a != "-" else None
            break
        name, eq, glued = a.partition("=") if a.startswith("--") else (a[:2], "", a[2:])
        if name in _PHP_VALUE:
            v = glued
            if not v and not eq and i < len(argv):
                v = argv[i]
                i += 1
            if name in _PHP_CODE:
                parts[_PHP_CODE[name]] = v
            elif name in ("-f", "--file", "-F", "--process-file"):
                out.file = v
            elif name in ("-d", "--define") and v.partition("=")[0].strip() in ("auto_prepend_file", "auto_append_file"):
                out.loads.append(v.partition("=")[2].strip())
    code = [p for p in parts if p is not None]
    if code:
        out.code = "\n".join(code)
    return out


def _node(argv: list[str]) -> Reading:
    out = Reading()
    i = 1
    name = argv[0].rsplit("/", 1)[-1] if argv else ""
    deno = name == "deno"
    if deno:
        if len(argv) > 2 and argv[1] == "run":
            # deno run [OPTIONS] FILE: its permission flags are glued (--allow-read=x); the first operand is the script.
            out.file = next((a for a in argv[2:] if not a.startswith("-")), None)
            return out
        if len(argv) < 2 or argv[1] != "eval":
            return out  # the other subcommands: not code on the command line
        i = 2
    while i < len(argv):
        a = argv[i]
        i += 1
        if a == "--":
            break
        if not a.startswith("-") or a == "-":
            if deno:
                out.code = a
            elif out.code is None:
                out.file = a if a != "-" else None
            break
        opt, eq, glued = a.partition("=")
        if opt in _NODE_CODE:
            if eq:
                out.code = glued
            elif opt in ("-p", "--print") and (i >= len(argv) or (argv[i].startswith("-") and argv[i] != "-")):
                continue  # deno eval -p CODE: a flag
            elif i < len(argv):
                out.code = argv[i]
                i += 1
            else:
                out.code = ""
            if not deno:
                break
            continue
        if not opt.startswith("--") and len(opt) > 2 and opt[-1] in "ep" and all(c in "pie" for c in opt[1:]):
            # -pe CODE: node's short flags cluster.
            if i < len(argv):
                out.code = argv[i]
                i += 1
            break
        if opt in _NODE_VALUE:
            v = glued
            if not eq and i < len(argv):
                v = argv[i]
                i += 1
            if opt in _NODE_LOADS:
                out.loads.append(v)
    return out


def data_url_text(url: str) -> str | None:
    """The text a `data:` URL carries (`data:text/javascript,CODE`, percent-escaped or `;base64`), or None for
    anything else. Node (--import, --loader, NODE_OPTIONS) and Deno (`deno run data:…`) load it as a module."""
    if url[:5].lower() != "data:" or "," not in url:
        return None
    head, _, body = url[5:].partition(",")
    if head.lower().endswith(";base64"):
        import base64
        import binascii

        try:
            return base64.b64decode(body + "=" * (-len(body) % 4)).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            return None
    from urllib.parse import unquote

    return unquote(body)


def module_urls(reading: Reading) -> list[str]:
    """The `data:` URLs a JavaScript runtime's command line loads as modules: node's --import/--loader/-r values,
    deno's script operand."""
    urls = [v for v in reading.loads if v[:5].lower() == "data:"]
    if reading.file is not None and reading.file[:5].lower() == "data:":
        urls.append(reading.file)
    return urls


def local_files(reading: Reading, lang: str) -> list[str]:
    """Files of the project that options load before the code: ``node -r ./x.js``,
    ``ruby -r ./x.rb``, ``ruby -I. -rlib`` (lib.rb in each -I directory), ``perl -I. -MLocal`` (Local.pm in each -I
    directory), ``php -d auto_prepend_file=x.php``."""
    files: list[str] = []
    dirs = [v[2:] for v in reading.loads if v.startswith("-I")]
    for v in reading.loads:
        if lang == "perl":
            if not v.startswith(("-M", "-m")):
                continue
            module = v[2:].lstrip("-").split("=", 1)[0].split(" ", 1)[0]
            if module and dirs:
                rel = module.replace("::", "/") + ".pm"
                files += [d.rstrip("/") + "/" + rel for d in dirs if d]
            continue
        if lang == "ruby":
            if not v.startswith("-r"):
                continue  # -I DIR: a directory on the load path, not a file
            v = v[2:]
            if v.startswith((".", "/")):
                files.append(v if v.endswith(".rb") else v + ".rb")
            elif v and dirs and all(c.isalnum() or c in "_-/" for c in v):
                # ruby -I. -rlib: lib.rb in each -I directory (a gem of that name otherwise).
                rel = v if v.endswith(".rb") else v + ".rb"
                files += [d.rstrip("/") + "/" + rel for d in dirs if d]
            continue
        if v.startswith((".", "/")):
            files.append(v)
    return files
