"""Redaction of secrets before anything reaches the audit store.

API keys, tokens, passwords, private keys, Authorization headers and
credentials in URLs are replaced with ``[REDACTED:<kind>]``.  Applied to every
string in a tool input, recursively.
"""

from __future__ import annotations

import re

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("private-key", re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)", re.S)),
    ("authorization", re.compile(r"(?i)(authorization\s*[:=]\s*)(?:(?:bearer|basic|token|bot)\s+)?[^\s'\"\\]+")),
    ("aws-access-key", re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\b")),
    ("aws-secret", re.compile(r"(?i)(aws_?secret_?access_?key\s*[=:]\s*['\"]?)[A-Za-z0-9/+=]{30,}")),
    ("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b")),
    ("gitlab-token", re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}\b")),
    ("slack-token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b")),
    ("slack-webhook", re.compile(r"https://hooks\.slack\.com/services/[A-Za-z0-9/_-]+")),
    ("anthropic-key", re.compile(r"\bsk-ant-[A-Za-z0-9_-]{20,}")),
    ("openai-key", re.compile(r"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
    ("google-key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("stripe-key", re.compile(r"\b[rs]k_(?:live|test)_[A-Za-z0-9]{20,}\b")),
    ("npm-token", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b")),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")),
    ("url-credentials", re.compile(r"(?<=://)[^/\s:@'\"]+:[^/\s@'\"]+(?=@)")),
    (
        "secret-assignment",
        re.compile(
            r"(?i)(\b[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)[A-Z0-9_]*\s*[=:]\s*['\"]?)(?!\$|\[REDACTED)[^\s'\"&;]{4,}"
        ),
    ),
    ("password-option", re.compile(r"(--password[= ])['\"]?(?!\$|\[REDACTED)[^\s'\"]{4,}")),
)
# mysql -pSECRET: only where a MySQL client is named, since -p means "port" or "parents" elsewhere.
_MYSQL = re.compile(r"\b(?:mysql|mariadb|mysqldump|mysqladmin)\b")
_MYSQL_PASSWORD = re.compile(r"((?<![\w-])-p)['\"]?(?!\$|\[REDACTED)[^\s'\"]{3,}")


def redact_text(text: str) -> str:
    if not text:
        return text
    if _MYSQL.search(text):
        text = _MYSQL_PASSWORD.sub(lambda m: m.group(1) + "[REDACTED:password-option]", text)
    for kind, pat in _PATTERNS:
        marker = f"[REDACTED:{kind}]"
        if pat.groups:
            text = pat.sub(r"\g<1>" + marker, text)
        else:
            text = pat.sub(marker, text)
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
