"""What an interpreter one-liner (``python -c``, ``node -e``, ``perl -e``, ``ruby -e``) does.

Code is not executed or fully parsed; the analysis looks for the calls that
matter to a permission decision -- deleting files, starting processes, network
access, and dynamic code -- and pulls out literal arguments (paths to delete,
shell commands to run) so that the shell analysis can judge them as if typed.
"""

from __future__ import annotations

from ..lazyre import LazyRe, lazy
from ..paths import DYN
from .ir import shell_quote as shell_quote
from .programs import CODE_OPTIONS as CODE_OPTIONS
from .programs import INTERPRETERS as INTERPRETERS

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Any

# Alternatives that all start at a word boundary share one `\b(?:…)`: the engine then tests the
# boundary once per position instead of once per alternative (several times faster on long code).
_DELETE = {
    "python": r"(?:shutil\.rmtree|os\.remove|os\.unlink|os\.rmdir|os\.removedirs|\.unlink|\.rmdir|rmtree|send2trash)\s*\(",
    "js": r"(?:\b(?:rmSync|unlinkSync|rmdirSync|fs\.rm|fs\.unlink|fs\.rmdir|promises\.rm|rimraf|removeSync)|Deno\.remove)\s*\(",
    "perl": r"\b(?:unlink|rmtree|remove_tree|rmdir)\b\s*\(?",
    "ruby": r"(?:FileUtils\.rm_rf|FileUtils\.rm_r|FileUtils\.rm|FileUtils\.remove_dir|FileUtils\.remove_entry|File\.delete|File\.unlink|Dir\.rmdir|FileUtils\.rmtree)\b\s*\(?",
    "php": r"\b(?:unlink|rmdir)\s*\(",
    # Neovim's own deleters too (vim.uv.fs_unlink, vim.fs.rm: .nvim.lua, adversarial round 16g)
    "lua": r"(?:os\.remove|vim\.(?:uv|loop)\.fs_(?:unlink|rmdir)|vim\.fs\.rm)\s*\(",
    "r": r"(?:unlink|file\.remove)\s*\(",
    "julia": r"\b(?:rm|Base\.Filesystem\.rm)\s*\(",
    # Go and Rust: the sources `go run` and `cargo run` build and run (scripts._compiled_sources), read by patterns.
    "go": r"\bos\.(?:RemoveAll|Remove)\s*\(",
    "rust": r"\b(?:remove_dir_all|remove_file|remove_dir)\s*\(",
}
_PROCESS = {
    "python": r"(?:os\.system|os\.popen|subprocess\.\w+|os\.exec\w*|os\.spawn\w*|pty\.spawn|commands\.getoutput|\bPopen|check_output|check_call|getstatusoutput)\s*\(",
    "js": r"(?:\b(?:execSync|execFileSync|spawnSync|exec|execFile|spawn|fork)|Deno\.run|Deno\.Command|Bun\.spawn|Bun\.spawnSync|\$)\s*[\(`]",
    "perl": r"(?:\b(?:system|exec|qx|open\s*\(\s*\w+\s*,\s*['\"][|-])|`)",
    "ruby": r"(?:\b(?:system|exec|spawn)|%x|`|IO\.popen|Open3\.\w+|Kernel\.system|Process\.spawn)",
    "php": r"(?:\b(?:system|exec|shell_exec|passthru|popen|proc_open)|`)",
    "lua": r"(?:os\.execute|io\.popen)\s*\(",
    # (R's pipe(CMD) opens a connection to a shell command; processx and sys run one: round miss19)
    "r": r"(?:\b(?:system|system2|shell|pipe)|processx::run|processx::process\$new|sys::exec_\w+)\s*\(",
    "julia": r"(?:\brun\s*\(|\bpipeline\s*\(|`)",
    "go": r"\b(?:exec\.Command|syscall\.Exec)\s*\(",
    "rust": r"\bCommand::new\s*\(",
}
_NETWORK = {
    "python": r"(?:\b(?:requests\b|urllib|socket\b|httpx\b|aiohttp\b|ftplib\b|smtplib\b|paramiko\b|websocket)|http\.client)",
    "js": r"(?:\b(?:fetch\s*\(|https?\.(?:request|get)|axios\b|net\.connect)|require\(\s*['\"](?:node:)?(?:https?|net|dgram|tls)['\"]\)|XMLHttpRequest|WebSocket)",
    "perl": r"(?:LWP|IO::Socket|HTTP::Tiny|Net::|Socket)",
    "ruby": r"(?:Net::HTTP|open-uri|URI\.open|TCPSocket|Socket|Faraday|HTTParty|RestClient)",
    "php": r"(?:curl_|file_get_contents\s*\(\s*['\"]https?:|fsockopen|stream_socket_client)",
    "lua": r"(?:socket\.|http\.request)",
    "r": r"(?:download\.file|url\(|httr|curl::|socketConnection|make\.socket|socketAccept|serverSocket)",
    "julia": r"(?:\bDownloads\b|\bHTTP\.|\bSockets\b|\bdownload\s*\()",
    "go": r"\b(?:net\.Dial\w*|tls\.Dial|http\.(?:Get|Post|PostForm|Head|NewRequest\w*))\s*\(",
    "rust": r"(?:\breqwest::|\bureq::|TcpStream::connect|UdpSocket::bind)",
}
_DYNAMIC = {
    # Running code built at run time. Decoding alone is not (interp.decoded-exec pairs the two).
    "python": r"(?:\b(?:exec\s*\(|eval\s*\(|compile\s*\()|__import__\s*\(\s*[^'\"\s]|marshal\.loads|pickle\.loads|importlib)",
    "js": r"(?:\b(?:eval\s*\(|Function\s*\()|new\s+Function|vm\.run)",
    "perl": r"(?:\beval\b)",
    "ruby": r"(?:\beval\b|instance_eval|class_eval|send\s*\()",
    "php": r"(?:\beval\s*\(|assert\s*\(|create_function|preg_replace\s*\(\s*['\"].*e['\"])",
    "lua": r"(?:loadstring|\bload\s*\()",
    "r": r"(?:eval\s*\(|parse\s*\()",
    "julia": r"(?:\beval\s*\(|include_string|Meta\.parse)",
    "go": r"(?!)",
    "rust": r"(?!)",
}
_READ = {
    "python": lazy(r"(?:\bopen|read_text|read_bytes|io\.open)\s*\("),
    "js": lazy(r"(?:readFileSync|readFile|createReadStream|Deno\.readTextFile|Bun\.file)\s*\("),
    "ruby": lazy(r"(?:File\.read|IO\.read|File\.open|File\.binread)\s*\(?"),
    # (PHP's gzopen/bzopen take fopen's mode: round 14a)
    "php": lazy(r"(?:file_get_contents|fopen|readfile|gzopen|bzopen)\s*\("),
    "perl": lazy(r"\bopen\s*+(?:\(\s*+)?(?:my\s+)?\$?\w+\s*,\s*['\"]<['\"]\s*,"),
    "lua": lazy(r"\bio\.(?:open|lines)\s*\("),
    # R's readers of a file named by their first argument (base, utils, readr, data.table, yaml); Julia's.
    "r": lazy(
        r"\b(?:readLines|readRDS|readChar|readBin|read\.(?:csv2?|table|delim2?|dcf|fwf)|scan|file\.show|load|sys\.source|source"
        r"|read_(?:file|lines|csv|tsv|delim|yaml|json)|fread)\s*\("
    ),
    "julia": lazy(r"\b(?:read|readlines|readchomp|eachline|readdlm)\s*\("),
    "go": lazy(r"\b(?:os\.ReadFile|os\.Open|ioutil\.ReadFile)\s*\("),
    "rust": lazy(r"\b(?:fs::read_to_string|fs::read|File::open)\s*\("),
}
# Calls that write the file named by their first argument.
_WRITE = {
    "python": lazy(r"(?:\.write_text|\.write_bytes)\s*\(|\bshutil\.(?:copy\w*|move)\s*\("),
    "js": lazy(r"(?:writeFileSync|appendFileSync|writeFile|appendFile|createWriteStream|Deno\.writeTextFile|Bun\.write)\s*\("),
    # (Ruby's Logger.new(PATH) appends to PATH, Zlib::GzipWriter.open(PATH) truncates it: adversarial round 14a)
    "ruby": lazy(r"(?:File\.write|IO\.write|File\.binwrite|Zlib::GzipWriter\.open|Logger\.new)\s*\(?"),
    "php": lazy(r"file_put_contents\s*\("),
    "perl": lazy(r"\bopen\s*+(?:\(\s*+)?(?:my\s+)?\$?\w+\s*,\s*['\"]\+?>>?['\"]\s*,"),
    "julia": lazy(r"\b(?:write|touch|chmod|chown)\s*\("),
    "r": lazy(r"\b(?:file\.create|Sys\.chmod)\s*\("),
    "go": lazy(r"\b(?:os\.(?:WriteFile|Create|OpenFile|Mkdir|MkdirAll|Chmod|Chown|Truncate)|ioutil\.WriteFile)\s*\("),
    "rust": lazy(r"\b(?:fs::write|File::create|create_dir_all|create_dir|set_permissions)\s*\("),
}
# Calls that write the file named by their SECOND argument (a copy's or a move's destination, R's connection).
_WRITE_SECOND = {
    "julia": lazy(r"\b(?:cp|mv|symlink|hardlink)\s*\("),
    "r": lazy(r"\b(?:file\.copy|file\.rename|file\.symlink|file\.link|writeLines|saveRDS|write\.csv|write\.table|writeBin|writeChar)\s*\("),
    "lua": lazy(r"\bos\.rename\s*\("),
    "go": lazy(r"\bos\.(?:Rename|Symlink|Link)\s*\("),
    "rust": lazy(r"\b(?:fs::rename|fs::copy|fs::hard_link|symlink(?:_file|_dir)?)\s*\("),
}
# Calls that move the file named by their FIRST argument away (a rename's source: what was there is gone, as mv's
# source is written by the shell reading). Round 12a: `lua -e 'os.rename(".claude", ".x")'` moved the agent's settings
# folder away unread; Python's, Ruby's and Perl's renames were read.
_MOVE_FIRST = {
    "julia": lazy(r"\bmv\s*\("),
    "r": lazy(r"\bfile\.rename\s*\("),
    "lua": lazy(r"\bos\.rename\s*\("),
    "go": lazy(r"\bos\.Rename\s*\("),
    "rust": lazy(r"\bfs::rename\s*\("),
}
_OPEN_MODE = lazy(r"^\s*,\s*(?:mode\s*=\s*)?[rbf]?['\"]([rwxabt+]+)['\"]")
_PATH_CALL = lazy(r"(?:pathlib\.)?Path\s*\(")
_PATH_WRITE = lazy(r"^\s*\)\s*\.(?:write_text|write_bytes|touch|mkdir|symlink_to)\s*\(")
# The whole environment (not one variable read by name): dict(os.environ), process.env, %ENV, ENV.to_h.
_EXEC = {
    "python": r"\b(?:exec\s*\(|eval\s*\(|compile\s*\()",
    "js": r"\b(?:eval\s*\(|Function\s*\()|new\s+Function\b|vm\.run\w*\s*\(",
    "perl": r"\beval\b",
    "ruby": r"\beval\b|instance_eval|class_eval",
    "php": r"\b(?:eval\s*\(|assert\s*\()|create_function",
}
_DECODE = {
    "python": r"b64decode|b32decode|a85decode|b85decode|codecs\.decode|bytes\.fromhex|unhexlify|zlib\.decompress|marshal\.loads|rot_?13",
    "js": r"\batob\s*\(|Buffer\.from\s*\([^)]*['\"](?:base64|hex)['\"]|fromCharCode",
    "perl": r"decode_base64|pack\s*\(\s*['\"][Hu]|MIME::Base64",
    "ruby": r"Base64|\.unpack1?\s*\(|\[\s*\w+\s*\]\.pack",
    "php": r"base64_decode|gzinflate|gzuncompress|str_rot13|hex2bin",
}
_ENV_DUMP = {
    "python": r"os\.environ(?!\s*(?:\[|\.get\s*\(|\.setdefault|\.pop|\.__getitem__))",
    "js": r"process\.env(?!\s*(?:\.\w|\[))|Deno\.env\.toObject\b",
    "perl": r"%ENV\b",
    "ruby": r"\bENV(?!\s*(?:\[|\.fetch|\.key\?))\b",
    "php": r"\bgetenv\s*\(\s*\)|\$_ENV\b(?!\s*\[)|\$_SERVER\b(?!\s*\[)",
    "go": r"\bos\.Environ\s*\(",
    "rust": r"\benv::vars(?:_os)?\s*\(",
}

# Quoted strings with backslash escapes ('…', "…", `…`), found by quoted_spans in one pass left to right rather than by
# `Q((?:[^Q\\]|\\.)*)Q` tried at every quote: on a string left open, the pattern rescans to the end of the text from
# each escaped quote inside it, quadratic on `"\"\"\…` (issue 16).  From an opening quote the body is read possessively
# (`\\.`: any character but a newline, as `.` reads it); the string closes where the body stops on its quote (group 1),
# and otherwise fails where the body stops.  A quote of the same kind inside a failed body is an escaped one, and its own
# body is read in the same steps to the same place: it fails too, so none of them is tried again.
_QUOTED = {(q, one_line): lazy(q + r"(?:[^\\" + ("\n" if one_line else "") + q + r"]++|\\.)*+(" + q + ")?") for q in "'\"`" for one_line in (False, True)}


def string_end(text: str, i: int, one_line: bool = False) -> int:
    """Where the string literal opening at text[i] (a quote) ends, past its closing quote, as re.match finds
    `Q(?:[^Q\\]|\\.)*Q` there (no newline inside when *one_line*); -1 when it does not close."""
    end, closed = string_fail(text, i, one_line)
    return end if closed else -1


def string_fail(text: str, i: int, one_line: bool = False) -> tuple[int, bool]:
    """(where the string opening at text[i] ends -- past its closing quote, or where its body stops when it does not
    close --, whether it closes)."""
    m = _QUOTED[text[i], one_line].compiled.match(text, i)
    assert m is not None  # the pattern matches at every quote of its kind
    return m.end(), m.group(1) is not None


# Ruby's %q{…}/%Q(…)/%(…) literals, read beside the quoted strings (rules.self._blank_literals).
PERCENT_LITERAL = lazy(r"%[qQ]?(?:\{[^{}]*+\}|\([^()]*+\))")


def _all_quoted(quotes: str, one_line: bool, other: LazyRe | None = None) -> str:
    """`Q(?:…)*+(Q)?|…|OTHER`: each quote's alternative of _QUOTED (group k+1 for the k-th quote), then *other* (no flags)."""
    return "|".join([_QUOTED[q, one_line].pattern for q in quotes] + ([f"(?:{other.pattern})"] if other is not None else []))


# The whole pattern quoted_spans reads for each reading its callers use (another reading takes the loop alone).
_ALL_SPANS: dict[tuple[str, bool, LazyRe | None], LazyRe] = {
    ("'\"`", False, None): lazy(_all_quoted("'\"`", False)),
    ("'\"", True, PERCENT_LITERAL): lazy(_all_quoted("'\"", True, PERCENT_LITERAL)),
}


def quoted_spans(text: str, quotes: str = "'\"`", one_line: bool = False, other: LazyRe | None = None) -> list[tuple[int, int, str]]:
    """The matches re.finditer finds of `Q((?:[^Q\\]|\\.)*)Q|…|OTHER`, one alternative per quote Q of *quotes* (no
    newline inside when *one_line*) and *other*, a pattern that never matches at one of the quotes nor matches empty:
    (start, end, the quote or "" for *other*).  Linear in the text: a string left open is read once (see _QUOTED), the
    next quote of each kind and the next match of *other* are looked for once each and kept until passed."""
    if len(quotes) == 1 and other is None:
        # One kind: where a string fails, nothing before its failure point can match, and finditer goes on from there.
        return [(m.start(), m.end(), quotes) for m in _QUOTED[quotes, one_line].compiled.finditer(text) if m.group(1) is not None]
    n = len(text)
    out: list[tuple[int, int, str]] = []
    dead = dict.fromkeys(quotes, 0)  # a quote before this opens a string known to fail
    nxt = {q: text.find(q) for q in quotes}
    rx = other.compiled if other is not None else None
    pending = rx.search(text) if rx is not None else None
    pos = 0
    whole = _ALL_SPANS.get((quotes, one_line, other))
    while True:
        if whole is not None and all(d <= pos for d in dead.values()):
            # No quote ahead is known to fail: the pattern itself, in one finditer, until a string fails (its body is
            # read once; the quotes of its kind before where it stopped are then passed by the loop below).
            for m in whole.compiled.finditer(text, pos):
                a, b = m.span()
                q = text[a]
                if q in quotes:  # (*other* never matches at a quote)
                    if m.group(quotes.index(q) + 1) is None:
                        dead[q] = b
                        pos = a + 1
                        if b > pos:  # (a body read past the quote: finditer would go on from where it stopped)
                            break
                        continue
                    out.append((a, b, q))
                else:
                    out.append((a, b, ""))
                pos = b
            else:
                return out
        start, kind, second = n, "", n  # the first quote to open a string, and the first of another kind after it
        for q in quotes:
            k = nxt[q]
            if k < 0:
                continue
            at = dead[q] if dead[q] > pos else pos
            if k < at:
                k = nxt[q] = text.find(q, at)
                if k < 0:
                    continue
            if k < start:
                start, kind, second = k, q, start
            elif k < second:
                second = k
        if pending is not None and pending.start() < pos and rx is not None:
            pending = rx.search(text, pos)
        if pending is not None and pending.start() < start and rx is not None:
            # the matches of *other* before that quote, in one finditer (finditer goes on where a match ends, as the
            # search from `pos` would): a run of them costs no look for the quotes each
            out.append((pending.start(), pending.end(), ""))
            pos = pending.end()
            if pos < start:
                for pending in rx.finditer(text, pos):
                    a, b = pending.span()
                    if b > start:  # (at the quote or past it: looked at again below)
                        break
                    out.append((a, b, ""))
                    pos = b
                else:
                    pending = None
            continue
        if not kind:
            return out
        rx_kind = _QUOTED[kind, one_line].compiled
        one = rx_kind.match(text, start)
        assert one is not None  # the pattern matches at every quote of its kind
        if one.group(1) is None:
            dead[kind] = one.end()
            pos = start + 1
            continue
        out.append((start, one.end(), kind))
        pos = one.end()
        # The strings of this kind that follow before any other quote or match of *other* (`second`), in one finditer:
        # each one found is the one the loop would take next (a run of `""` costs no Python step per quote kind).
        if pending is not None and pending.start() < second:
            second = pending.start()
        if pos < second:
            for m in rx_kind.finditer(text, pos):
                a = m.start()
                if a >= second:
                    break
                if m.group(1) is None:
                    dead[kind] = m.end()
                    pos = a + 1
                    break
                out.append((a, m.end(), kind))
                pos = m.end()


# Compiled on first use, and kept at module level where tests/test_regex_bounds.py finds them.
_BY_LANG = {
    lang: (lazy(_DELETE[lang]), lazy(_PROCESS[lang]), lazy(_NETWORK[lang]), lazy(_DYNAMIC[lang]), lazy(_ENV_DUMP.get(lang, r"(?!)"))) for lang in _DELETE
}
_EXEC_DECODE = {lang: (lazy(_EXEC[lang]), lazy(_DECODE[lang])) for lang in _EXEC}
_BACKSLASH = lazy(r"\\(.)")


def made_link(facts: CodeFacts, target: str | None, name: str | None, symbolic: bool) -> None:
    """Note a link the code makes to *target* (a path known, or partly known, before the run) named *name*."""
    if target is not None and target.strip() and not target.startswith(DYN) and len(facts.links) < 16:
        facts.links.append((target, name if name is not None else DYN, symbolic))


def made_dir(path: str) -> str:
    """How CodeFacts.writes holds a directory the code makes (os.makedirs, Path.mkdir): with a trailing `/`, which
    no file write can name; effects.py judges it as `mkdir` does."""
    return path.rstrip("/") + "/"


class CodeFacts:
    __slots__ = (
        "language",
        "deletes",
        "chosen_deletes",
        "reads",
        "writes",
        "process",
        "unread_process",
        "shell",
        "inherited",
        "network",
        "dynamic",
        "env_dump",
        "decoded_exec",
        "urls",
        "opaque",
        "parsed",
        "runs_received",
        "secrets",
        "credentials",
        "sends",
        "trees",
        "links",
        "moved",
        "source",
        "unpickled",
    )

    def __init__(self, language: str) -> None:
        self.language = language
        # The program text itself, as the command gave it (`python3 -c TEXT`): a word that is code, not a file it names.
        self.source = ""
        self.deletes: list[str | None] = []  # literal paths; None where the path is computed
        self.chosen_deletes: list[str] = []  # wildcards of which a condition picks the files deleted
        self.reads: list[str] = []  # literal paths of files the code opens
        self.writes: list[str] = []  # literal paths of files the code writes; a directory it makes ends in "/"
        # Trees the code copies or unpacks: (destination, source folder or archive or None, "dir" | "archive"); what
        # lands is judged as cp -r and tar x land it (trees.tree_into).
        self.trees: list[tuple[str, str | None, str]] = []
        # Links the code makes: (where the link leads, the link's own name (DYN where unknown), symbolic or hard); each
        # is judged as `ln -s TARGET NAME` (or `ln`) typed where the code runs (unwrap._code), so the target is judged too.
        self.links: list[tuple[str, str, bool]] = []
        # The old names of what the code moves (a rename's source; also in ``writes``): where it lands keeps what was
        # there, which provenance notes as a move's destination (provenance_moves.moved_in), not as a file it made.
        self.moved: list[str] = []
        # Files the code unpickles (pickle.load(open(P, 'rb'))): loading one runs the code it names, judged by where it
        # lies (interp.opaque: the project's own data is the project's code; elsewhere it is asked about).
        self.unpickled: list[str] = []
        self.process = False
        self.unread_process = False  # a process call whose command could not be read
        self.shell: list[str] = []  # literal shell commands passed to process calls
        # The positions in ``shell`` of calls whose child reads the interpreter's own standard input (os.system, a
        # subprocess call given no stdin= or input=): set only where a reader knows the call (Python's).
        self.inherited: set[int] = set()
        self.network = False
        self.dynamic = False
        self.env_dump = False
        self.decoded_exec = False  # runs code it decodes first (base64, hex, rot13, zlib)
        self.urls: list[str] = []  # literal URLs (or hosts) the code contacts
        self.opaque: list[str] = []  # reasons to ask: a dangerous API reached with arguments the analysis cannot resolve
        self.parsed = False  # True when a parser (ast, tree-sitter) produced these facts, False for the pattern fallback
        self.runs_received = False  # runs as a command or as code what a network peer sent (a remote shell)
        # Secret environment variables placed in a request's address or body: (variable, where it goes, None when unknown).
        self.secrets: list[tuple[str, str | None]] = []
        # Secret environment variables in a request's headers, auth or cookies (a credential used): the same shape.
        self.credentials: list[tuple[str, str | None]] = []
        # The network use may carry data from this machine, or was not all read: anything but GET/HEAD requests of
        # literal URLs with nothing else passed (what `curl URL` does). Only the Python reader knows otherwise.
        self.sends = True


def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    return tuple(x.compiled for x in _BY_LANG[lang])


def _unquote(literal: str) -> str:
    return _BACKSLASH.sub(r"\1", literal[1:-1])


# Expressions that mean "the user's home directory" in the interpreters clearance reads.
_HOME_EXPR = lazy(
    r"^(?:os\.path\.expanduser\(\s*['\"]~['\"]\s*\)|(?:pathlib\.)?Path\.home\(\)|os\.environ\[\s*['\"]HOME['\"]\s*\]|os\.getenv\(\s*['\"]HOME['\"]\s*\)"
    r"|(?:require\(\s*['\"](?:node:)?os['\"]\s*\)|os)\.homedir\(\)|process\.env\.HOME|Dir\.home|ENV\[\s*['\"]HOME['\"]\s*\]|\$ENV\{\s*HOME\s*\}"
    r"|os\.Getenv\(\s*\"HOME\"\s*\)|(?:std::)?env::var\(\s*\"HOME\"\s*\)"
    # Neovim's Lua (.nvim.lua, `lua` lines of .exrc: adversarial round 16g): vim.env.HOME, vim.uv.os_homedir(), expand('~')
    r"|vim\.env\.HOME|vim\.(?:uv|loop)\.os_homedir\(\s*\)|vim\.fn\.expand\(\s*['\"]~['\"]\s*\))"
)
_EXPANDUSER = lazy(r"^(?:os\.path\.expanduser|vim\.fn\.expand)\(\s*['\"](~[^'\"]*)['\"]\s*\)")
_JOIN = lazy(r"^(?:os\.path\.join|path\.join|File\.join|filepath\.Join)\(\s*")


def _home_argument(rest: str) -> str | None:
    """'~', '~/sub' or '~/<unknown>' when the argument is built from the home directory."""
    m = _EXPANDUSER.match(rest)
    if m:
        return m.group(1)
    if _HOME_EXPR.match(rest):
        return "~"
    j = _JOIN.match(rest)
    if j and (_HOME_EXPR.match(rest[j.end() :]) or _EXPANDUSER.match(rest[j.end() :])):
        return "~/" + DYN
    return None


# The characters after a call's name its arguments are read from (_argv_call's are the most).
_WINDOW = 600


def _path_written(code: str, pos: int) -> str | None:
    """Path(<string>).write_text(…) and the like at *pos* (after `Path(`): the path written."""
    rest = code[pos : pos + 400]
    stripped = rest.lstrip()
    value, used = _expression(stripped)
    if value is not None and _PATH_WRITE.match(code[pos + used + (len(rest) - len(stripped)) :][:80]):
        return value
    return None


def _first_argument(code: str, pos: int) -> tuple[str | None, list[str]]:
    """The first argument of a call starting at *pos* (after the name/paren).

    Returns (string, list-items): a string -- literal, or built by concatenation and
    formatting with ``DYN`` standing for each part only known at run time -- or the
    items of a list literal such as ``['rm', '-rf', path]`` (computed items as ``DYN``).
    """
    rest = code[pos : pos + 400].lstrip(" (")
    for wrapper in ("glob(", "glob ", "Dir.glob(", "Path(", "pathlib.Path(", "path.resolve("):
        if rest.startswith(wrapper):
            return _first_argument(rest, len(wrapper))
    if rest[:1] == "[":
        return None, _list_items(rest)
    value, _ = _expression(rest)
    return value, []


def _list_items(rest: str) -> list[str]:
    items: list[str] = []
    i = 1
    while i < len(rest) and len(items) < 40:
        while i < len(rest) and rest[i] in " ,\n":
            i += 1
        if i >= len(rest) or rest[i] == "]":
            break
        value, used = _expression(rest[i:])
        items.append(value if value is not None else DYN)
        if used == 0:
            # Skip an element we cannot read: up to the next comma at this level.
            depth = 0
            j = i
            while j < len(rest):
                c = rest[j]
                if c in "([{":
                    depth += 1
                elif c in ")]}":
                    if depth == 0:
                        break
                    depth -= 1
                elif c == "," and depth == 0:
                    break
                j += 1
            used = max(j - i, 1)
        i += used
    return items


_FORMAT_FIELD = lazy(r"\{[^{}]*\}")
_PRINTF_FIELD = lazy(r"%[-#0 +]*\d*(?:\.\d+)?[sdifr]")
_TEMPLATE_FIELD = lazy(r"\$\{[^{}]*\}")


def _fill(template: str, field: LazyRe) -> str:
    return field.sub(lambda m: _home_argument(m.group(0)[1:-1].lstrip("{")) or DYN, template)


def _expression(rest: str) -> tuple[str | None, int]:
    """A string expression at the start of *rest*: its value and the characters read.

    Literals, f-strings, template literals, ``+``/``.`` concatenation, ``%`` and
    ``.format()`` are followed; any other part becomes ``DYN``. (None, 0) when the
    expression does not start with a string or a home-directory expression.
    """
    home = _home_argument(rest)
    if home is not None:
        home_end = _HOME_END.match(rest)
        used = home_end.end() if home_end else len(rest)
        # os.getenv('HOME') .. '/.claude/settings.json', os.homedir() + '/.x': the home folder joined with more (it was
        # read as the home folder itself: adversarial round 16g)
        return _joined(home, rest, used) if home_end else (home, used)
    prefix = rest[:1] in "fFrRbB" and rest[1:2] in ("'", '"')
    body = rest[1:] if prefix else rest
    if body[:1] not in ("'", '"', "`"):
        return None, 0
    end = string_end(body, 0)
    if end < 0:
        return None, 0
    value = _unquote(body[:end])
    if prefix and rest[0] in "fF":
        value = _fill(value, _FORMAT_FIELD)
    elif body[0] == "`":
        value = _fill(value, _TEMPLATE_FIELD)
    used = end + (1 if prefix else 0)
    tail = rest[used:]
    stripped = tail.lstrip()
    gap = len(tail) - len(stripped)
    if stripped.startswith((".split(", ".strip(", ".encode(", ".rstrip(", ".lstrip(")):
        return value, used
    if stripped.startswith(".format("):
        return _fill(value, _FORMAT_FIELD), used + gap + len(".format(")
    if stripped.startswith("%"):
        return _PRINTF_FIELD.sub(DYN, value) if "%" in value else value + DYN, used + gap + 1
    return _joined(value, rest, used)


def _joined(value: str, rest: str, used: int) -> tuple[str, int]:
    """*value* (read from rest[:used]) with what `+`, `.` or `..` concatenates to it."""
    tail = rest[used:]
    stripped = tail.lstrip()
    gap = len(tail) - len(stripped)
    if stripped.startswith(("+", ". ", ".$", "..")) and not stripped.startswith(("+=", "++")):
        op = 2 if stripped.startswith("..") else 1
        nxt = stripped[op:].lstrip()
        more, n = _expression(nxt)
        if more is None:
            return value + DYN, used + gap + op
        return value + more, used + gap + op + (len(stripped[op:]) - len(nxt)) + n
    return value, used


# The end of a home-directory expression: its closing parenthesis or bracket.
_HOME_END = lazy(r"^[\w$]*+(?:\.[\w$]++)*+(?:\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\})?(?:\([^()]*\))?")


# `name = <string expression>` (Python, JS const/let/var, Ruby, Perl my $x, PHP $x): a literal held in a variable.
_ASSIGN = lazy(r"(?<![\w.$=!<>+\-*/%&|^:])(\$?[A-Za-z_]\w*)\s*(=(?![=~>])|[-+*/%&|^.]=)\s*")
_NAME = lazy(r"(?<![\w.$'\"])(\$?[A-Za-z_]\w*)(?![\w'\"])")
_PATH_VALUE = ("Path(", "pathlib.Path(")


def _string_spans(code: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b, _ in quoted_spans(code)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    from _bisect import bisect_right

    i = bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def propagate_literals(code: str) -> str:
    """*code* with each variable that only ever holds one string expression replaced by it.

    ``p = '.claude/settings.json'; open(p, 'w')`` reads as ``open('.claude/settings.json', 'w')``,
    as literal shell variables are propagated before rules see a command.  A name assigned
    twice with different values, or changed in place (``p += ...``), keeps its name.
    """
    if "=" not in code or len(code) > 20_000:
        return code
    spans = _string_spans(code)
    bound: dict[str, str | None] = {}
    for n, m in enumerate(_ASSIGN.finditer(code)):
        if n >= 200:
            return code  # generated code: its names are not followed
        if _inside(m.start(), spans):
            continue
        name, op = m.group(1), m.group(2)
        rest = code[m.end() : m.end() + 400]
        source = None
        if op == "=":
            wrap = next((w for w in _PATH_VALUE if rest.startswith(w)), "")
            value, used = _expression(rest[len(wrap) :].lstrip())
            if value is not None and used and DYN not in value:
                end = len(wrap) + (len(rest[len(wrap) :]) - len(rest[len(wrap) :].lstrip())) + used
                if wrap:
                    close = rest[end:].lstrip()
                    source = rest[:end] + ")" if close.startswith(")") else None
                else:
                    source = rest[:end].rstrip()
        if name in bound and bound[name] != source:
            source = None
        bound[name] = source
    names = {k: v for k, v in bound.items() if v}
    if not names:
        return code
    out: list[str] = []
    last = 0
    for a, b in [*spans, (len(code), len(code))]:
        out.append(_substitute(code[last:a], names))
        out.append(code[a:b])
        last = b
    return "".join(out)


def _substitute(seg: str, names: dict[str, str]) -> str:
    """Uses of *names* in a stretch of code outside string literals (not the assignments themselves)."""

    def one(m: re.Match[str]) -> str:
        if m.group(1) not in names or _ASSIGN.compiled.match(seg, m.start()):
            return m.group(0)
        return names[m.group(1)]

    return _NAME.sub(one, seg)


# Languages read through a parser (code/tree.py); the patterns below remain the fallback.
_TREE_LANGUAGES = frozenset({"js", "ruby", "perl", "php"})


def analyse(code: str, lang: str) -> CodeFacts:
    """What *code* in *lang* does: from its syntax tree where a parser reads it (Python's own, a tree-sitter grammar), else from patterns."""
    if lang == "python":
        from ..code import python  # imports ast: only when there is Python code to read

        parsed = python.analyse(code)
        if parsed is not None:
            return parsed  # (capped by code/python.py: at most MAX_FACTS of each kind)
    facts = _analyse(code, lang)
    if lang != "js" and "kill" in code:
        _picked_processes(code, lang, facts)
    if "kill" in code:
        _literal_signals(code, facts)
    cap_facts(facts)
    return facts


# Different facts of one kind (deletions, writes, reads, commands, links, trees, URLs) the rules judge one by one: the
# Python reader's limit (code/python.py, 256 of each), here for every other reader (tree-sitter, patterns).
MAX_FACTS = 256


def cap_facts(f: CodeFacts) -> None:
    """At most MAX_FACTS different facts of each kind: a list is cut where its (MAX_FACTS+1)-th different value first
    appears, and the code is asked about (a reason in ``opaque``: interp.opaque asks).  The rules still judge what is
    kept, so a deletion of home among the first is denied as before; what comes after is not read, so it is asked about
    and never allowed unread (issue 16: 3,000 different `fs.rmSync("aN")` took ~0.3 s of rules)."""
    over: list[str] = []
    for what in ("deletes", "writes", "reads", "shell", "links", "trees", "moved", "urls", "chosen_deletes"):
        xs = getattr(f, what)
        if len(xs) <= MAX_FACTS:
            continue
        seen: set[object] = set()
        for i, x in enumerate(xs):
            if x not in seen:
                if len(seen) == MAX_FACTS:
                    setattr(f, what, xs[:i])
                    over.append(_KIND_NAMES[what])
                    if what == "shell":
                        f.inherited = {j for j in f.inherited if j < i}
                    break
                seen.add(x)
    if over:
        f.opaque.append(f"makes more than {MAX_FACTS} different {' and '.join(over)}; clearance judged the first {MAX_FACTS} of each")


_KIND_NAMES = {
    "deletes": "deletions",
    "writes": "writes",
    "reads": "reads",
    "shell": "commands",
    "links": "links",
    "trees": "copied trees",
    "moved": "moves",
    "urls": "addresses",
    "chosen_deletes": "chosen deletions",
}


def _analyse(code: str, lang: str) -> CodeFacts:
    if lang in _TREE_LANGUAGES:
        from ..code import tree
        from ..code.tsload import Slow

        try:
            got = tree.facts(code, lang)
        except Slow:
            facts = analyse_patterns(code, lang)
            facts.opaque.append("is too complex to parse within clearance's time budget")
            return facts
        if got is not None:
            facts, clean = got
            return facts if clean else tree.union(facts, analyse_patterns(code, lang))
    return analyse_patterns(code, lang)


# A signal sent to a process by id, per language (signal 0 only asks whether it is there): Perl's kill, Ruby's
# Process.kill, PHP's posix_kill, Lua's posix.kill / posix.signal.kill.  The branches that end in `kill` start with it and
# look behind for what precedes it: the search then skips to each `kill` (a literal prefix) instead of trying four
# branches at every character (100 KB of `posix_kill ` took 10 ms, the bound, in a loaded CI run).
_SIGNAL_CALLS = lazy(
    r"kill(?:(?<![\w$.]kill)\s*+\(?\s*+(?!0\s*+[,)])['\"\w-]|(?<=\bposix_kill)\s*+\(|(?<=\bposix\.kill)\s*+\(|(?<=\bposix\.signal\.kill)\s*+\()"
    r"|\bProcess\s*+\.\s*+kill\s*+\(?\s*+(?!0\s*+[,)])[\w:'\"-]"
)
# The process table read from the code: a listing of /proc (glob, Dir[…], opendir, scandir, readdir), or the programs
# that print process ids run from it (what the reader put in facts.shell).
_PROC_LISTING = lazy(r"['\"]/proc/?(?:\[0-9\]\*|\*)?['\"]|['\"]/proc/\[")


def _literals(text: str) -> list[str]:
    """The quoted strings of *text* and the regular expressions matched with `=~ /…/`, read left to right in one pass
    (a string ends at its quote or its line; a backslash escapes the next character)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'" or (c == "/" and text[max(0, i - 4) : i].rstrip().rstrip("m").rstrip().endswith("=~")):
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            if j < n and text[j] == c:
                out.append(text[i + 1 : j])
            i = j + 1
            continue
        i += 1
    return out


# A signal sent to a literal process id, in each language's spelling: (pid, signal) or (signal, pid) groups.
_PID_FIRST = lazy(
    r"\b(?:process|Deno)\s*+\.\s*+kill\s*+\(\s*+(-?\d{1,9})\b(?:\s*+,\s*+['\"]?(?:SIG)?(\w{1,12})['\"]?)?"
    r"|\bposix_kill\s*+\(\s*+(-?\d{1,9})\b(?:\s*+,\s*+(?:SIG)?(\w{1,12}))?"
)
_SIGNAL_FIRST = lazy(r"(?<![\w$.])(?:Process\s*+\.\s*+)?kill\s*+\(?\s*+[:'\"]?-?(?:SIG)?(\w{1,12})['\"]?\s*+(?:,|=>)\s*+(-?\d{1,9})\b")


def _literal_signals(code: str, facts: CodeFacts) -> None:
    """A signal the code sends to a literal process id is `kill -SIG -- PID` (code/python.py reads os.kill so):
    `process.kill(4242, 'SIGSTOP')` in JavaScript, Deno.kill, Ruby's `Process.kill(:STOP, 4242)`, Perl's `kill STOP =>
    4242`, PHP's `posix_kill(4242, 19)` -- judged as typed, so a pause of clearance's own process is self.signal-clearance
    (adversarial round 15e: Python's os.kill was denied, the same call in the other languages allowed)."""
    for m in _PID_FIRST.finditer(code[:200_000]):
        pid, sig = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if sig != "0":
            facts.shell.append(f"kill -{sig or 'TERM'} -- {pid}")
    for m in _SIGNAL_FIRST.finditer(code[:200_000]):
        if m.group(1) != "0":
            facts.shell.append(f"kill -{m.group(1)} -- {m.group(2)}")


def _picked_processes(code: str, lang: str, facts: CodeFacts) -> None:
    """A signal sent to ids the code reads from the process table (a listing of /proc, pgrep or ps run from it):
    `pkill -f PATTERN` written in Perl, Ruby, PHP or Lua, judged as code/python.py and code/js.py judge Python's and
    JavaScript's (round 12d) -- each string or regular expression of the code a pattern, and one unknown besides."""
    text = strip_comments(code, lang)
    if not _SIGNAL_CALLS.search(text):
        return
    if not (_PROC_LISTING.search(text) or any(line.split(" ", 1)[0] in ("pgrep", "pidof", "ps") for line in facts.shell)):
        return
    for line in list(facts.shell):
        tool, _, rest = line.partition(" ")
        if tool in ("pgrep", "pidof"):
            facts.shell.append(("pkill -STOP " if tool == "pgrep" else "killall -STOP ") + rest)  # `pgrep -f X` feeding the signal
    facts.shell.append('pkill -STOP -f "$PATTERN"')
    found = _literals(text)
    for w in list(dict.fromkeys(w for w in found if 2 < len(w) <= 200 and not w.startswith(("-", "/proc")) and "$" not in w))[:8]:
        facts.shell.append("pkill -STOP -f '" + w.replace("'", "'\\''") + "'")


# Comment syntax per language: (line comment starts, block comment (open, close) pairs, line-start blocks such as
# POD and =begin).  A line comment starts only outside a string; in Perl and Ruby only after a blank or at a line's
# start (`s#a#b#`, `%q#x#` use # as a delimiter).
_COMMENTS: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    "python": (("#",), ()),
    "r": (("#",), ()),
    "julia": (("#",), (("#=", "=#"),)),
    "ruby": (("#",), (("\n=begin", "\n=end"),)),
    "perl": (("#",), (("\n=pod", "\n=cut"), ("\n=head", "\n=cut"))),
    "lua": (("--",), (("--[[", "]]"),)),
    "js": (("//",), (("/*", "*/"),)),
    "php": (("//", "#"), (("/*", "*/"),)),
    "powershell": (("#",), (("<#", "#>"),)),
    "go": (("//",), (("/*", "*/"),)),
    "rust": (("//",), (("/*", "*/"),)),
}
_DELIMITER_HASH = frozenset({"perl", "ruby"})


def _openers(lang: str) -> str:
    """The pattern of the next place a string or a comment may start in *lang* (quotes, and each comment opener)."""
    lines, blocks = _COMMENTS[lang]
    found = sorted({*lines, *(a.removeprefix("\n") for a, _ in blocks)}, key=len, reverse=True)
    return "['\"`]|" + "|".join("".join("\\" + c if not c.isalnum() else c for c in o) for o in found)


_COMMENT_STARTS = {lang: lazy(_openers(lang)) for lang in _COMMENTS}


def _skipper(lang: str) -> str:
    """The pattern of the text strip_comments copies whole from a place on: characters that open neither a string nor a
    comment, and strings read to their end (as strip_comments reads them: a backslash takes the next character, a string
    left open runs to the end of the text); it stops where a comment opener (of _openers) starts."""
    lines, blocks = _COMMENTS[lang]
    found = sorted({*lines, *(a.removeprefix("\n") for a, _ in blocks)}, key=len, reverse=True)
    first = "".join(sorted({"\\" + o[0] for o in found}))
    # (a run of empty strings, `""""`, a pair at a time: what the string's own alternative reads, ~5x faster; each
    # alternative opens with a literal character, which re skips in one test where it is not the next character)
    strings = "|".join(f"{q}{q}(?:{q}{q})*+" for q in "'\"`") + "|"
    strings += "|".join(q + "(?:[^" + q + "\\\\]++|\\\\[\\s\\S])*+[" + q + "\\\\]?" for q in "'\"`")
    # A run of an opener's first character in one step where no opener is that character alone and none goes on
    # with it (Perl's `=` of `=pod`, PowerShell's `<` of `<#`): the run up to the one before the rest of an opener
    # (`==*(?!pod|head)` gives back the last `=` of `==pod`), where a character at a time took ~0.1 us each.
    # Otherwise one character that starts no opener there (`-` of Lua's `--` before another character), written as
    # the character first: re skips such an alternative in one test (a lookahead first is entered at every character).
    runs = []
    for c in sorted({o[0] for o in found}):
        rests = [o[1:] for o in found if o[0] == c]
        if all(r and r[0] != c for r in rests):
            runs.append(_escaped(c) * 2 + "*(?!" + "|".join(_escaped(r) for r in rests) + ")")
        elif all(rests):
            runs.append(_escaped(c) + "(?!" + "|".join(_escaped(r) for r in rests) + ")")
    return "(?:[^'\"`" + first + "]++|" + strings + "".join("|" + r for r in runs) + ")*+"


def _escaped(text: str) -> str:
    return "".join("\\" + c if not c.isalnum() else c for c in text)


_COPIED = {lang: lazy(_skipper(lang)) for lang in _COMMENTS}


def strip_comments(code: str, lang: str) -> str:
    """*code* without its comments (replaced by a blank): text the interpreter never runs.  Strings are skipped over
    ('…', "…", `…` with backslash escapes), so a `#` or `//` inside one stays.  The text between the places a string or
    comment may start is copied whole (a scan by pattern, not by character: 100 KiB in a few milliseconds)."""
    spec = _COMMENTS.get(lang)
    if spec is None or len(code) > 100_000:
        return code
    lines, blocks = spec
    text = "\n" + code
    out: list[str] = []
    copied = 0  # the text before this is in out
    i, n = 0, len(text)
    finder = _COMMENT_STARTS[lang].compiled
    skip = _COPIED[lang].compiled
    while True:
        i = skip.match(text, i).end()  # type: ignore[union-attr]  # (it matches empty)
        if i >= n:
            break
        m = finder.match(text, i)  # the comment opener that stopped it
        assert m is not None
        j = i
        tok = m.group(0)
        done = False
        for a, b in blocks:
            opener = a.lstrip("\n") if a.startswith("\n") else a
            if tok == opener or text.startswith(opener, j):
                if a.startswith("\n") and text[j - 1 : j] != "\n":
                    continue  # POD and =begin only at a line's start
                stop = text.find(b, j + len(opener))
                out.append(text[copied:j] + " ")
                i = copied = n if stop < 0 else stop + len(b)
                done = True
                break
        if not done:
            for a in lines:
                if text.startswith(a, j) and (lang not in _DELIMITER_HASH or text[j - 1 : j] in (" ", "\t", "\n", ";")):
                    stop = text.find("\n", j)
                    out.append(text[copied:j] + " ")
                    i = copied = n if stop < 0 else stop
                    done = True
                    break
        if not done:
            i = j + len(tok)
    out.append(text[copied:])
    return "".join(out)[1:]


def blank_long_strings(code: str) -> str:
    """Lua's long strings ([[…]], level 0) with their inside blanked: text, not calls.  A scan, not a pattern (a
    lazy `.*?` between brackets is quadratic on a run of `[`)."""
    out: list[str] = []
    i = 0
    while True:
        a = code.find("[[", i)
        if a < 0:
            break
        b = code.find("]]", a + 2)
        if b < 0:
            break
        out.append(code[i : a + 2] + " " * (b - a - 2))
        i = b
    out.append(code[i:])
    return "".join(out)


# From this length on, analyse_patterns looks for each pattern's required words before running it (as probe.scan does):
# a dozen patterns with no literal to start from each try every position of 100 KB of code (~40 ms together).
_LITERAL_PRECHECK_MIN = 4096


def _may(rx: Any, folded: str | None) -> bool:
    """False only when *rx* (a pattern or a lazy one) cannot match the code whose reqlit.fold() is *folded* (None: not
    known, it may)."""
    if folded is None:
        return True
    from ..reqlit import may_match

    return may_match(rx.pattern, rx.flags, folded)


def analyse_patterns(code: str, lang: str) -> CodeFacts:
    """The pattern reading: calls found by regular expressions, their first arguments read as literals."""
    facts = CodeFacts(lang)
    p_del, p_proc, p_net, p_dyn, p_env = _patterns(lang)
    # Comments never run; nor does a Lua long string ([[…]]) that nothing loads.
    code = strip_comments(code, lang)
    if lang == "lua" and not p_dyn.search(code):
        code = blank_long_strings(code)
    code = propagate_literals(code)
    # Long code: a pattern runs only where the words every match of it holds are present (reqlit, as probe.scan does).
    folded = None
    if len(code) >= _LITERAL_PRECHECK_MIN:
        from ..reqlit import fold

        folded = fold(code)
    # Each call's arguments are read from a window of the code after its name: a window read before is not read again
    # (generated code repeats one call thousands of times; every match still counts, as the rules' fact limits need).
    seen: dict[tuple[object, str], Any] = {}

    def at(read: Any, pos: int) -> Any:
        key = (read, code[pos : pos + _WINDOW])
        got = seen.get(key, seen)
        if got is seen:
            got = seen[key] = read(key[1], 0)
        return got

    # A list past MAX_FACTS different values is cut there by cap_facts: reading on for it changes nothing (go and Rust
    # drop some deletions afterwards, so theirs are read whole).
    full = _full if lang not in _LITERAL_ONLY else _never_full
    for m in p_del.finditer(code) if _may(p_del, folded) else ():
        path, _ = at(_first_argument, m.end())
        facts.deletes.append(path)
        if full(facts.deletes):
            break
    read_rx = _READ.get(lang)
    if read_rx is not None:
        for m in read_rx.finditer(code) if _may(read_rx, folded) else ():
            path, _ = at(_first_argument, m.end())
            if not path:
                continue
            if lang in ("python", "ruby", "php", "lua") and at(_opens_for_writing, m.end()):
                facts.writes.append(path)
            else:
                facts.reads.append(path)
            if full(facts.reads) and (lang not in ("python", "ruby", "php", "lua") or full(facts.writes)):
                break
    write_rx = _WRITE.get(lang)
    if write_rx is not None:
        for m in write_rx.finditer(code) if _may(write_rx, folded) else ():
            if m.group(0).startswith((".write_text", ".write_bytes")):
                continue  # Path(x).write_text(...): handled below with its path
            if lang == "python" and m.group(0).startswith("shutil."):
                # shutil.copy(src, dst) / move(src, dst): the destination is written.
                dst = at(_second_argument, m.end())
                if dst:
                    facts.writes.append(dst)
                continue
            path, _ = at(_first_argument, m.end())
            if path:
                facts.writes.append(path)
                if full(facts.writes):
                    break
    second_rx = _WRITE_SECOND.get(lang)
    if second_rx is not None:
        for m in second_rx.finditer(code) if _may(second_rx, folded) else ():
            dst = at(_second_argument, m.end())
            if dst:
                facts.writes.append(dst)
            if "link" in m.group(0):
                # symlink(TARGET, LINK), file.symlink(from, to), hardlink(…): the link leads to the first argument.
                made_link(facts, at(_first_argument, m.end())[0], dst, "sym" in m.group(0))
    move_rx = _MOVE_FIRST.get(lang)
    if move_rx is not None:
        for m in move_rx.finditer(code) if _may(move_rx, folded) else ():
            src, _ = at(_first_argument, m.end())
            if src:
                facts.writes.append(src)
                facts.moved.append(src)
    if lang == "python":
        for m in _PATH_CALL.finditer(code) if _may(_PATH_CALL, folded) else ():
            value = at(_path_written, m.end())
            if value is not None:
                facts.writes.append(value)
    for m in p_proc.finditer(code) if _may(p_proc, folded) else ():
        facts.process = True
        text = m.group(0)
        if text.endswith("`") or text in ("`",):
            end = code.find("`", m.end())
            if end != -1:
                facts.shell.append(code[m.end() : end])
            continue
        s, items = at(_first_argument, m.end())
        argv = at(_argv_call, m.end()) if s is not None else None
        if lang == "rust" and s is not None and argv is None:
            argv = _builder_argv(code, m.end(), s)  # Command::new("rm").arg("-rf").args([...])
        if argv is not None:
            # spawnSync('rm', ['-rf', dir]), system("rm", "-rf", x), execvp('rm', ['rm', ...]): an argv, not a command line.
            facts.shell.append(" ".join(shell_quote(i) for i in argv))
        elif s is not None:
            facts.shell.append(s)
        elif items:
            facts.shell.append(" ".join(shell_quote(i) for i in items))
        else:
            facts.unread_process = True
        if full(facts.shell):
            break
    if lang in _LITERAL_ONLY:
        # A program's sources (go run, cargo run) compute most of their paths and commands: judged for what they
        # name literally, as a typed one-liner is, and not asked about for what they compute.
        facts.deletes = [p for p in facts.deletes if p is not None and p.strip(DYN)]
        facts.unread_process = False
        facts.process = bool(facts.shell)
    facts.network = _may(p_net, folded) and bool(p_net.search(code))
    facts.dynamic = _may(p_dyn, folded) and bool(p_dyn.search(code))
    facts.env_dump = _may(p_env, folded) and bool(p_env.search(code))
    if facts.dynamic and lang in _EXEC_DECODE:
        p_exec, p_decode = _EXEC_DECODE[lang]
        facts.decoded_exec = _may(p_exec, folded) and bool(p_exec.search(code)) and _may(p_decode, folded) and bool(p_decode.search(code))
    return facts


# The languages read as a whole program's sources rather than one-liners (go run, cargo run: scripts_more.compiled_sources).
_LITERAL_ONLY = frozenset({"go", "rust"})


def _full(xs: list[Any]) -> bool:
    """Whether *xs* holds more than MAX_FACTS different values (looked at every 64 facts past MAX_FACTS)."""
    n = len(xs)
    return n > MAX_FACTS and not n & 63 and len(set(xs)) > MAX_FACTS


def _never_full(xs: list[Any]) -> bool:
    return False


_KWARG = lazy(r"^[A-Za-z_]\w*\s*=(?!=)")
# A Rust process builder's arguments, chained after Command::new(PROGRAM): `.arg(X)`, `.args([X, Y])`, `.args(&[X])`.
_BUILDER_ARG = lazy(r"\A\s*+\.\s*+(arg|args)\s*+\(\s*+&?")


def _builder_argv(code: str, pos: int, program: str) -> list[str] | None:
    """The argv a Rust `Command::new(PROGRAM)` builds from the `.arg`/`.args` calls chained after it (a computed one
    as DYN); None when none is chained (the program alone)."""
    rest = code[pos : pos + 1200]
    end = _skip_argument(rest, 0)
    rest = rest[end + 1 :]
    argv = [program]
    while len(argv) < 40:
        m = _BUILDER_ARG.match(rest)
        if m is None:
            break
        rest = rest[m.end() :]
        if m.group(1) == "args" and rest[:1] == "[":
            argv.extend(_list_items(rest))
        else:
            value, _ = _expression(rest)
            argv.append(value if value is not None else DYN)
        rest = rest[_skip_argument(rest, 0) + 1 :]
    return argv if len(argv) > 1 else None


def _argv_call(code: str, pos: int) -> list[str] | None:
    """The argv of a process call written as a program and its arguments, or None for a single command line."""
    rest = code[pos : pos + 600].lstrip(" (")
    first, used = _expression(rest)
    if first is None or not used:
        return None
    i = used
    args: list[str] = []
    while i < len(rest) and len(args) < 40:
        while i < len(rest) and rest[i] in " \t\n":
            i += 1
        if i >= len(rest) or rest[i] != ",":
            break
        i += 1
        while i < len(rest) and rest[i] in " \t\n":
            i += 1
        if i >= len(rest) or rest[i] == ")":
            break
        if rest[i] == "[":
            args.extend(_list_items(rest[i:]))
            i = _skip_argument(rest, i)
            continue
        if rest[i] == "{" or _KWARG.match(rest[i:]):
            i = _skip_argument(rest, i)  # options: {stdio: 'inherit'}, shell=True
            continue
        value, n = _expression(rest[i:])
        args.append(value if value is not None else DYN)
        i = i + n if n else _skip_argument(rest, i)
    if not args:
        return None
    if args[0] == first or _basename(args[0]) == _basename(first):
        return args  # execvp('rm', ['rm', '-rf', x]): the list repeats the program
    return [first, *args]


def _basename(p: str) -> str:
    return p.rsplit("/", 1)[-1]


def _skip_argument(text: str, i: int) -> int:
    """The index of the comma or closing parenthesis that ends the argument starting at *i*."""
    depth = 0
    quote = ""
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "'\"`":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return i
            depth -= 1
        elif c == "," and depth == 0:
            return i
        i += 1
    return i


def _opens_for_writing(code: str, pos: int) -> bool:
    """open(path, "w") and the like: the mode after the first argument writes."""
    rest = code[pos : pos + 400].lstrip(" (")
    _, used = _expression(rest)
    if not used:
        # a computed path: skip to the first comma at this level
        depth = 0
        used = len(rest)
        for i, c in enumerate(rest):
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    used = i
                    break
                depth -= 1
            elif c == "," and depth == 0:
                used = i
                break
    m = _OPEN_MODE.match(rest[used:])
    return bool(m and any(c in m.group(1) for c in "wax+"))


def _second_argument(code: str, pos: int) -> str | None:
    rest = code[pos : pos + 400].lstrip(" (")
    _, used = _expression(rest)
    if not used:
        return None
    tail = rest[used:].lstrip()
    if not tail.startswith(","):
        return None
    value, _ = _expression(tail[1:].lstrip())
    return value


# CPython's options that take a value, glued or as the next word (Python/getopt.c: "bBc:dEhiIm:OPqRsStuvVW:xX:?";
# Q: is Python 2's); every other letter is a flag.
_PY_VALUED = frozenset("cmWXQ")
_PY_LONG_VALUED = frozenset({"--check-hash-based-pycs"})


def python_invocation(argv: list[str]) -> tuple[str, str | None, int]:
    """What a python command line runs, read with CPython's option table.

    ("code", text) for ``-c`` (also clustered: ``-Bc``, ``-OOc``, glued: ``-cprint(1)``),
    ("module", name) for ``-m``, ("file", path) for a script, ("stdin", None) for ``-`` or no
    script.  ``-W arg``, ``-X opt`` and ``--check-hash-based-pycs mode`` take their value from the
    next word when it is not glued.  An option CPython does not know is read as a flag: a newer
    interpreter's option never hides the code after it.  The third item is the index of the first
    word after the code, module or script (the program's own arguments).
    """
    i = 1
    while i < len(argv):
        a = argv[i]
        if a == "-":
            return "stdin", None, i + 1
        if a == "--":
            return ("file", argv[i + 1], i + 2) if i + 1 < len(argv) else ("stdin", None, i + 1)
        if a.startswith("--"):
            i += 2 if a in _PY_LONG_VALUED else 1
            continue
        if not a.startswith("-"):
            return "file", a, i + 1
        step = 1
        for j in range(1, len(a)):
            ch = a[j]
            if ch in _PY_VALUED:
                glued = a[j + 1 :]
                value = glued if glued else (argv[i + 1] if i + 1 < len(argv) else None)
                step = 1 if glued else 2
                if ch == "c":
                    return "code", value if value is not None else "", i + step
                if ch == "m":
                    return ("module", value, i + step) if value else ("stdin", None, i + step)
                break
        i += step
    return "stdin", None, i


def code_argument(argv: list[str], lang: str) -> str | None:
    """The code string of a one-liner, or None when the interpreter runs a file or stdin."""
    if lang == "python":
        kind, value, _ = python_invocation(argv)
        return value if kind == "code" else None
    if lang in _TREE_LANGUAGES:
        # Read with the interpreter's own option table (code/interpopts.py).
        from ..code.interpopts import read

        return read(argv, lang).code
    opts = CODE_OPTIONS.get(lang, ())
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in opts:
            return argv[i + 1] if i + 1 < len(argv) else ""
        for o in opts:
            # Combined short flags: perl -ne 'code', python -Bc 'code', node --eval=code
            if o.startswith("--") and a.startswith(o + "="):
                return a[len(o) + 1 :]
            if len(o) == 2 and a.startswith(o) and len(a) > 2 and not a.startswith("--"):
                return a[2:]  # the value glued to the option (Rscript -e'code')
            if len(o) == 2 and a.startswith("-") and not a.startswith("--") and a.endswith(o[1]) and len(a) > 2:
                return argv[i + 1] if i + 1 < len(argv) else ""
        if not a.startswith("-"):
            return None
        i += 1
    return None
