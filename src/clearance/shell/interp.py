"""What an interpreter one-liner (``python -c``, ``node -e``, ``perl -e``, ``ruby -e``) does.

Code is not executed or fully parsed; the analysis looks for the calls that
matter to a permission decision -- deleting files, starting processes, network
access, and dynamic code -- and pulls out literal arguments (paths to delete,
shell commands to run) so that the shell analysis can judge them as if typed.
"""

from __future__ import annotations

import re

from ..lazyre import lazy
from ..paths import DYN

# Interpreter name -> language, and the options that take the code as their argument.
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
    "perl": "perl",
    "ruby": "ruby",
    "php": "php",
    "lua": "lua",
    "Rscript": "r",
}
CODE_OPTIONS = {
    "python": ("-c",),
    "js": ("-e", "--eval", "-p", "--print"),
    "perl": ("-e", "-E"),
    "ruby": ("-e",),
    "php": ("-r",),
    "lua": ("-e",),
    "r": ("-e",),
}

_DELETE = {
    "python": r"(?:shutil\.rmtree|os\.remove|os\.unlink|os\.rmdir|os\.removedirs|\.unlink|\.rmdir|rmtree|send2trash)\s*\(",
    "js": r"(?:\brmSync|\bunlinkSync|\brmdirSync|\bfs\.rm|\bfs\.unlink|\bfs\.rmdir|\bpromises\.rm|\brimraf|\bremoveSync|Deno\.remove)\s*\(",
    "perl": r"(?:\bunlink|\brmtree|\bremove_tree|\brmdir)\b\s*\(?",
    "ruby": r"(?:FileUtils\.rm_rf|FileUtils\.rm_r|FileUtils\.rm|FileUtils\.remove_dir|FileUtils\.remove_entry|File\.delete|File\.unlink|Dir\.rmdir|FileUtils\.rmtree)\b\s*\(?",
    "php": r"(?:\bunlink|\brmdir)\s*\(",
    "lua": r"os\.remove\s*\(",
    "r": r"(?:unlink|file\.remove)\s*\(",
}
_PROCESS = {
    "python": r"(?:os\.system|os\.popen|subprocess\.\w+|os\.exec\w*|os\.spawn\w*|pty\.spawn|commands\.getoutput|\bPopen|check_output|check_call|getstatusoutput)\s*\(",
    "js": r"(?:\bexecSync|\bexecFileSync|\bspawnSync|\bexec|\bexecFile|\bspawn|\bfork|Deno\.run|Deno\.Command|Bun\.spawn|Bun\.spawnSync|\$)\s*[\(`]",
    "perl": r"(?:\bsystem|\bexec|\bqx|`|\bopen\s*\(\s*\w+\s*,\s*['\"][|-])",
    "ruby": r"(?:\bsystem|\bexec|\bspawn|%x|`|IO\.popen|Open3\.\w+|Kernel\.system|Process\.spawn)",
    "php": r"(?:\bsystem|\bexec|\bshell_exec|\bpassthru|\bpopen|\bproc_open|`)",
    "lua": r"(?:os\.execute|io\.popen)\s*\(",
    "r": r"(?:system|system2|shell)\s*\(",
}
_NETWORK = {
    "python": r"(?:\brequests\b|\burllib|http\.client|\bsocket\b|\bhttpx\b|\baiohttp\b|\bftplib\b|\bsmtplib\b|\bparamiko\b|\bwebsocket)",
    "js": r"(?:\bfetch\s*\(|\bhttps?\.(?:request|get)|require\(\s*['\"](?:node:)?(?:https?|net|dgram|tls)['\"]\)|\baxios\b|XMLHttpRequest|WebSocket|\bnet\.connect)",
    "perl": r"(?:LWP|IO::Socket|HTTP::Tiny|Net::|Socket)",
    "ruby": r"(?:Net::HTTP|open-uri|URI\.open|TCPSocket|Socket|Faraday|HTTParty|RestClient)",
    "php": r"(?:curl_|file_get_contents\s*\(\s*['\"]https?:|fsockopen|stream_socket_client)",
    "lua": r"(?:socket\.|http\.request)",
    "r": r"(?:download\.file|url\(|httr|curl::)",
}
_DYNAMIC = {
    "python": r"(?:\bexec\s*\(|\beval\s*\(|__import__\s*\(|\bcompile\s*\(|b64decode|codecs\.decode|marshal\.loads|pickle\.loads|importlib)",
    "js": r"(?:\beval\s*\(|new\s+Function|\bFunction\s*\(|\batob\s*\(|Buffer\.from\([^)]*base64|vm\.run)",
    "perl": r"(?:\beval\b|decode_base64|pack\s*\(\s*['\"][Hu])",
    "ruby": r"(?:\beval\b|instance_eval|Base64|\.unpack|send\s*\()",
    "php": r"(?:\beval\s*\(|base64_decode|assert\s*\(|create_function|preg_replace\s*\(\s*['\"].*e['\"])",
    "lua": r"(?:loadstring|\bload\s*\()",
    "r": r"(?:eval\s*\(|parse\s*\()",
}
_ENV_DUMP = r"(?:os\.environ(?!\s*(?:\.get\s*)?[\[\(]\s*['\"](?:HOME|PATH|USER|PWD)['\"])|process\.env(?!\.(?:HOME|PATH|USER|PWD|NODE_ENV)\b)|%ENV|\bENV\b(?!\[\s*['\"](?:HOME|PATH|USER)['\"])|getenv\s*\(\s*['\"][A-Z_]*(?:KEY|TOKEN|SECRET|PASS))"

_STRING = lazy(r"""'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`""")
_COMPILED: dict[str, tuple[re.Pattern[str], ...]] = {}


class CodeFacts:
    __slots__ = ("language", "deletes", "process", "shell", "network", "dynamic", "env_dump")

    def __init__(self, language: str) -> None:
        self.language = language
        self.deletes: list[str | None] = []  # literal paths; None where the path is computed
        self.process = False
        self.shell: list[str] = []  # literal shell commands passed to process calls
        self.network = False
        self.dynamic = False
        self.env_dump = False


def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    pats = _COMPILED.get(lang)
    if pats is None:
        pats = (
            re.compile(_DELETE[lang]),
            re.compile(_PROCESS[lang]),
            re.compile(_NETWORK[lang]),
            re.compile(_DYNAMIC[lang]),
            re.compile(_ENV_DUMP),
        )
        _COMPILED[lang] = pats
    return pats


def _unquote(m: re.Match[str]) -> str:
    s = m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
    return re.sub(r"\\(.)", r"\1", s or "")


# Expressions that mean "the user's home directory" in the interpreters clearance reads.
_HOME_EXPR = lazy(
    r"^(?:os\.path\.expanduser\(\s*['\"]~['\"]\s*\)|(?:pathlib\.)?Path\.home\(\)|os\.environ\[\s*['\"]HOME['\"]\s*\]|os\.getenv\(\s*['\"]HOME['\"]\s*\)"
    r"|(?:require\(\s*['\"](?:node:)?os['\"]\s*\)|os)\.homedir\(\)|process\.env\.HOME|Dir\.home|ENV\[\s*['\"]HOME['\"]\s*\]|\$ENV\{\s*HOME\s*\})"
)
_EXPANDUSER = lazy(r"^os\.path\.expanduser\(\s*['\"](~[^'\"]*)['\"]\s*\)")
_JOIN = lazy(r"^(?:os\.path\.join|path\.join|File\.join)\(\s*")


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


def _first_argument(code: str, pos: int) -> tuple[str | None, list[str]]:
    """The literal first argument of a call starting at *pos* (after the name/paren).

    Returns (string, list-items): a plain string literal, or the string items of a
    list literal such as ``['rm', '-rf', '/x']``.
    """
    rest = code[pos : pos + 400].lstrip(" (")
    for wrapper in ("glob(", "glob ", "Dir.glob(", "Path(", "pathlib.Path(", "path.resolve("):
        if rest.startswith(wrapper):
            return _first_argument(rest, len(wrapper))
    home = _home_argument(rest)
    if home is not None:
        return home, []
    if rest[:1] in ("'", '"', "`"):
        m = _STRING.match(rest)
        if m:
            return _unquote(m), []
    if rest[:1] == "[":
        end = rest.find("]")
        if end != -1:
            items = [_unquote(m) for m in _STRING.finditer(rest[:end])]
            return None, items
    # Template literals and f-strings: f'...'.
    if rest[:1] in "fFrR" and rest[1:2] in ("'", '"'):
        m = _STRING.match(rest[1:])
        if m:
            return _unquote(m), []
    return None, []


def analyse(code: str, lang: str) -> CodeFacts:
    facts = CodeFacts(lang)
    p_del, p_proc, p_net, p_dyn, p_env = _patterns(lang)
    for m in p_del.finditer(code):
        path, _ = _first_argument(code, m.end())
        facts.deletes.append(path)
    for m in p_proc.finditer(code):
        facts.process = True
        text = m.group(0)
        if text.endswith("`") or text in ("`",):
            end = code.find("`", m.end())
            if end != -1:
                facts.shell.append(code[m.end() : end])
            continue
        s, items = _first_argument(code, m.end())
        if s is not None:
            facts.shell.append(s)
        elif items:
            facts.shell.append(" ".join(shell_quote(i) for i in items))
    facts.network = bool(p_net.search(code))
    facts.dynamic = bool(p_dyn.search(code))
    facts.env_dump = bool(re.search(p_env.pattern, code)) and lang in ("python", "js", "perl", "ruby")
    return facts


def shell_quote(s: str) -> str:
    if s and all(c.isalnum() or c in "-_./~=:@%+," for c in s):
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def code_argument(argv: list[str], lang: str) -> str | None:
    """The code string of a one-liner, or None when the interpreter runs a file or stdin."""
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
            if len(o) == 2 and a.startswith("-") and not a.startswith("--") and a.endswith(o[1]) and len(a) > 2:
                return argv[i + 1] if i + 1 < len(argv) else ""
        if not a.startswith("-"):
            return None
        if lang == "python" and a in ("-m", "-W", "-X", "-Q"):
            if a == "-m":
                return None
            i += 2
            continue
        i += 1
    return None
