"""Redaction of secrets before anything reaches the audit store.

API keys, tokens, passwords, private keys, Authorization headers and
credentials in URLs are replaced with ``[REDACTED:<kind>]``.  Applied to every
string in a tool input, recursively.
"""

from __future__ import annotations

from .lazyre import DOTALL, LazyRe, lazy

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable

    from .model import Decision

_PATTERNS: tuple[tuple[str, LazyRe], ...] = (
    ("private-key", lazy(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)", DOTALL)),
    ("authorization", lazy(r"(?i)(authorization\s*[:=]\s*)(?:(?:bearer|basic|token|bot)\s+)?[^\s'\"\\]+")),
    ("aws-access-key", lazy(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\b")),
    ("aws-secret", lazy(r"(?i)(aws_?secret_?access_?key\s*[=:]\s*['\"]?)[A-Za-z0-9/+=]{30,}")),
    ("github-token", lazy(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b")),
    ("gitlab-token", lazy(r"\bglpat-[A-Za-z0-9_-]{20,}\b")),
    ("slack-token", lazy(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b")),
    ("slack-webhook", lazy(r"https://hooks\.slack\.com/services/[A-Za-z0-9/_-]+")),
    ("anthropic-key", lazy(r"\bsk-ant-[A-Za-z0-9_-]{20,}")),
    ("openai-key", lazy(r"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
    ("google-key", lazy(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("stripe-key", lazy(r"\b[rs]k_(?:live|test)_[A-Za-z0-9]{20,}\b")),
    ("npm-token", lazy(r"\bnpm_[A-Za-z0-9]{36}\b")),
    # From the start of a run of token characters, the first `eyJ` there (at the start or after a `-`,
    # where the old `\beyJ` matched) is tried once, its prefix kept (group 1): from every `eyJ` of one
    # run the old pattern rescanned the run ("eyJ-eyJ-…", 100 KB: 15 s in the hook's audit write).
    ("jwt", lazy(r"(?<![A-Za-z0-9_-])(?>((?:[A-Za-z0-9_-]*?-)??)eyJ)[A-Za-z0-9_-]{8,}+\.eyJ[A-Za-z0-9_-]{8,}+\.[A-Za-z0-9_-]{8,}")),
    ("url-credentials", lazy(r"(?<=://)[^/\s:@'\"]++:[^/\s@'\"]++(?=@)")),
    (
        "secret-assignment",
        lazy(
            r"(?i)(\b(?>[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)[A-Z0-9_]*+)\s*+[=:]\s*+['\"]?+)(?!\$|\[REDACTED)[^\s'\"&;]{4,}"
        ),
    ),
    ("password-option", lazy(r"(--password[= ])['\"]?(?!\$|\[REDACTED)[^\s'\"]{4,}")),
    # SQL: ALTER USER x PASSWORD 'p', CREATE USER … IDENTIFIED BY 'p', SET PASSWORD = 'p'
    ("sql-password", lazy(r"(?i)(\b(?:password|identified\s++by)\s*+=?\s*+)(['\"])(?!\[REDACTED)[^'\"]{3,}+\2")),
)
# mysql -pSECRET: only where a MySQL client is named, since -p means "port" or "parents" elsewhere.
_MYSQL = lazy(r"\b(?:mysql|mariadb|mysqldump|mysqladmin)\b")
_MYSQL_PASSWORD = lazy(r"((?<![\w-])-p)['\"]?(?!\$|\[REDACTED)[^\s'\"]{3,}")


# An option and the value after it (`--opt=value`, `--opt value`, `-o value`); a value never starts with `-` (then the
# option is a flag and the next word another option), and is 4 characters or more (shorter is kept, as elsewhere).
# Read by _option_passwords, which decides by the option's name and program.
_OPTION_VALUE = lazy(r"(?<![\w-])(--?+[A-Za-z][A-Za-z0-9_-]*+)(=|[ \t]++)(['\"]?+)((?!-)[^\s'\"]{4,}+)")
# A long option is a password's when a part of its name says so (`--http-password`, `--proxy-passwd`, `--passphrase`,
# openssl's `-passin`) and no part says the value is where the password is, or that the option is a flag.
_PASSWORD_WORDS = frozenset({"password", "passwd", "passphrase", "pass", "passin", "passout"})
_NOT_THE_PASSWORD = frozenset({"file", "stdin", "env", "fd", "command", "cmd", "prompt", "ask", "no", "length", "policy", "min", "max", "hash"})
# openssl's password sources (`-passin env:VAR`): only `pass:` holds the password itself.
_PASSWORD_SOURCES = ("env:", "file:", "fd:", "stdin")
# Short options whose value the program documents as a password (a list: a short option's meaning is the program's
# own; `-p` is a port for ssh and redis-cli, a password for sshpass and mongosh).  A registry `login` subcommand's
# `-p` (docker, podman, buildah, skopeo, helm registry, oras, az) is read by the word `login` instead.
_SHORT_PASSWORD: dict[str, tuple[str, ...]] = {
    "sshpass": ("-p",),
    "redis-cli": ("-a",),
    **dict.fromkeys(("ldapsearch", "ldapadd", "ldapmodify", "ldapdelete", "ldapwhoami", "ldappasswd", "ldapcompare", "ldapmodrdn"), ("-w",)),
    **dict.fromkeys(("sqlcmd", "bcp", "mosquitto_pub", "mosquitto_sub"), ("-P",)),
    **dict.fromkeys(("mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport"), ("-p",)),
}
# Options whose value is `user:password` (`user%password` for smbclient), by program: `-u user:group` is docker's.
_PAIR_PASSWORD: dict[str, tuple[str, ...]] = {
    "curl": ("-u", "--user", "-U", "--proxy-user"),
    **dict.fromkeys(("http", "https", "xh", "xhs"), ("-a", "--auth")),
    "smbclient": ("-U", "--user"),
}
_WORD = lazy(r"\S++")
_SEPARATORS = frozenset({";", "|", "||", "&", "&&", "(", ")", "{", "}"})
_OPTION_TRIGGERS = ("pass", "login", *_SHORT_PASSWORD, *_PAIR_PASSWORD)


# Lower-case substrings without which a pattern cannot match: most inputs need no regex at all.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "private-key": ("private key",),
    "authorization": ("authorization",),
    "aws-access-key": ("akia", "asia", "agpa", "aida", "aroa", "anpa"),
    "aws-secret": ("secret",),
    "github-token": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    "gitlab-token": ("glpat-",),
    "slack-token": ("xox",),
    "slack-webhook": ("hooks.slack.com",),
    "anthropic-key": ("sk-ant-",),
    "openai-key": ("sk-",),
    "google-key": ("aiza",),
    "stripe-key": ("_live_", "_test_"),
    "npm-token": ("npm_",),
    "jwt": ("eyj",),
    "url-credentials": ("://",),
    "secret-assignment": ("pass", "secret", "token", "key", "credential"),
    "password-option": ("--password",),
    "sql-password": ("password", "identified"),
}
# Further lower-case substrings a match also needs: one of each group.  A command with a URL (`://`) or a
# word like `key` rarely holds a credential, and compiling a pattern costs a cold hook ~5 ms (importing re).
_ALSO: dict[str, tuple[tuple[str, ...], ...]] = {
    "url-credentials": (("@",),),
    "aws-secret": (("aws",), ("access",), ("=", ":")),
    "secret-assignment": (("=", ":"),),
    "sql-password": (("'", '"'),),
}


def redact_text(text: str, known: Callable[[str], bool] | None = None) -> str:
    """*text* with its secrets replaced. *known*: whether a text came from the call (what redaction would take out of
    a reason is taken out only when the call, a file read for it or its environment holds it: the reason's own words
    -- "~/.vault-token: Vault token" -- are clearance's, never a secret; redact.shown)."""
    if not text:
        return text
    low = text.lower()
    ascii_only = text.isascii()  # beyond ASCII, (?i) also pairs letters such as "ſ" and "s"
    if "mysql" in low or "mariadb" in low:
        text = _mysql_password(text)
    if "-" in text and any(t in low for t in _OPTION_TRIGGERS):
        text = _option_passwords(text, low)
    for kind, pat in _PATTERNS:
        if not any(t in low for t in _TRIGGERS.get(kind, ("",))):
            continue
        if ascii_only and not all(any(t in low for t in group) for group in _ALSO.get(kind, ())):
            continue
        marker = f"[REDACTED:{kind}]"
        if known is not None:
            text = pat.sub(_only_known(marker, bool(pat.groups), known), text)
        elif pat.groups:
            text = pat.sub(r"\g<1>" + marker, text)
        else:
            text = pat.sub(marker, text)
    return text


def _only_known(marker: str, keeps_prefix: bool, known: Callable[[str], bool]) -> Callable[[re.Match[str]], str]:
    """A replacement that redacts a match only when what it would take out is text the call holds (*known*)."""

    def one(m: re.Match[str]) -> str:
        prefix = m.group(1) if keeps_prefix else ""
        secret = m.group(0)[len(prefix) :].strip("'\"")
        if not known(secret):
            return m.group(0)  # clearance's own words
        return prefix + marker

    return one


def _option_passwords(text: str, low: str, gate: bool = True) -> str:
    """*text* with the values of password options replaced (the class: an option whose value the program takes as a
    password -- by the option's name, the program's own short options, a `login`'s `-p`, an auth option's pair).
    *gate*: skip the word-by-word reading when no program of the tables is named (False: the tests' reference)."""
    by_program = not gate or "login" in low or any(p in low for p in _SHORT_PASSWORD) or any(p in low for p in _PAIR_PASSWORD)
    if not by_program:
        return _OPTION_VALUE.sub(lambda m: _redacted(m, "") if "pass" in m.group(1).lower() else m.group(0), text) if "pass" in low else text
    # The program each word is read by: the first word of its simple command found in a table, or "login" once that
    # word came (a registry login's -p), computed once, left to right; a match looks its word up (bisect).
    starts: list[int] = []
    owner: list[str] = []

    def read_words() -> None:
        program = ""
        for w in _WORD.finditer(text):
            word = w.group()
            if word in _SEPARATORS or word.endswith((";", "|", "&")):
                program = ""
            else:
                base = word.rsplit("/", 1)[-1]
                if not program and (base in _SHORT_PASSWORD or base in _PAIR_PASSWORD):
                    program = base
                elif base == "login" and program not in _SHORT_PASSWORD and program not in _PAIR_PASSWORD:
                    program = "login"
            starts.append(w.start())
            owner.append(program)

    def one(m: re.Match[str]) -> str:
        from bisect import bisect_left

        if not starts:
            read_words()
        i = bisect_left(starts, m.start())
        return _redacted(m, owner[i - 1] if i > 0 else "")

    return _OPTION_VALUE.sub(one, text)


def _redacted(m: re.Match[str], program: str) -> str:
    """One option and its value (_OPTION_VALUE's groups), the password in it replaced; *program* reads it ("login":
    a registry login's words)."""
    name, sep, quote, value = m.group(1), m.group(2), m.group(3), m.group(4)
    if value.startswith(("$", "[REDACTED")):
        return m.group(0)
    secret = ""
    if len(name) > 2 and "pass" in name.lower():
        parts = name.lstrip("-").lower().replace("_", "-").split("-")
        if not _NOT_THE_PASSWORD.intersection(parts) and (parts[-1] in _PASSWORD_WORDS or (sep == "=" and _PASSWORD_WORDS.intersection(parts))):
            if value.startswith(_PASSWORD_SOURCES):
                return m.group(0)
            secret = value[5:] if value.startswith("pass:") else value
    if not secret and program:
        if name in _SHORT_PASSWORD.get(program, ()) or (name == "-p" and program == "login"):
            secret = value
        elif name in _PAIR_PASSWORD.get(program, ()):
            cut = max(value.find(":"), value.find("%"))
            secret = value[cut + 1 :] if cut > 0 else ""
    if len(secret) < 4:
        return m.group(0)
    return f"{name}{sep}{quote}{value[: len(value) - len(secret)]}[REDACTED:password-option]"


def _mysql_password(text: str) -> str:
    if _MYSQL.search(text):
        text = _MYSQL_PASSWORD.sub(lambda m: m.group(1) + "[REDACTED:password-option]", text)
    return text


def cut(text: str, limit: int) -> str:
    """*text* shortened to *limit* characters for a message ("..." at the end), its secrets redacted first: a token
    cut short loses the length its format needs (`ghp_` and 24 of its 36 characters), and the redaction of the reason
    after would no longer know it."""
    if len(text) <= limit:
        return text
    text = redact_text(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def redact(obj: object, depth: int = 0) -> object:
    """A copy of a JSON value with every string redacted."""
    if depth > 20:
        return "[REDACTED:too-deep]"
    if isinstance(obj, str):
        return redact_text(obj)
    if isinstance(obj, dict):
        return {str(k): redact(v, depth + 1) for k, v in obj.items()}
    if isinstance(obj, list):
        return [redact(v, depth + 1) for v in obj]
    return obj


def reason_shown(decision: Decision) -> tuple[str, str]:
    """(reason, way forward) of *decision* redacted, the words clearance wrote kept: a redaction is made where what it
    takes out is in the call, a file read for it or its environment (Decision.inputs); with no inputs known (a
    decision from the daemon or the service, a record), every match is redacted."""
    reason, hint = redact_text(decision.reason), redact_text(decision.hint)
    if (reason == decision.reason and hint == decision.hint) or decision.inputs is None:
        return reason, hint
    texts = decision.inputs()

    def known(secret: str) -> bool:
        return any(secret in t for t in texts)

    return redact_text(decision.reason, known), redact_text(decision.hint, known)


def shown(decision: Decision) -> Decision:
    """*decision* as told to the agent (every adapter's answer, `clearance decide`, the service's /v1/decide): its reason
    and way forward redacted as the audit record's reason is.  They quote what the call names -- a SQL statement, a
    database URL, a path -- and the agent would read back a secret it was never shown (a password in a statement it
    was told to run, a token in a URL from the environment).  A copy when anything was redacted; the decision itself
    (recorded, escalated) is not changed."""
    reason, hint = reason_shown(decision)
    if reason == decision.reason and hint == decision.hint:
        return decision
    copy = object.__new__(type(decision))
    for slot in type(decision).__slots__:
        object.__setattr__(copy, slot, getattr(decision, slot))
    copy.reason, copy.hint = reason, hint
    return copy
