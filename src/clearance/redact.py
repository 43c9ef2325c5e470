"""Redaction of secrets before anything reaches the audit store.

API keys, tokens, passwords, private keys, Authorization headers and
credentials in URLs are replaced with ``[REDACTED:<kind>]``.  Applied to every
string in a tool input, recursively.
"""

from __future__ import annotations

from .lazyre import DOTALL, LazyRe, lazy

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


def redact_text(text: str) -> str:
    if not text:
        return text
    low = text.lower()
    ascii_only = text.isascii()  # beyond ASCII, (?i) also pairs letters such as "ſ" and "s"
    if "mysql" in low or "mariadb" in low:
        text = _mysql_password(text)
    for kind, pat in _PATTERNS:
        if not any(t in low for t in _TRIGGERS.get(kind, ("",))):
            continue
        if ascii_only and not all(any(t in low for t in group) for group in _ALSO.get(kind, ())):
            continue
        marker = f"[REDACTED:{kind}]"
        if pat.groups:
            text = pat.sub(r"\g<1>" + marker, text)
        else:
            text = pat.sub(marker, text)
    return text


def _mysql_password(text: str) -> str:
    if _MYSQL.search(text):
        text = _MYSQL_PASSWORD.sub(lambda m: m.group(1) + "[REDACTED:password-option]", text)
    return text


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
