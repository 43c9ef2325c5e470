"""Quick refusals before a regular expression (substrings a pattern needs) never change an answer.

An ordinary call compiles no pattern (importing re costs a cold hook ~5 ms), so code that runs on many
calls first looks for the literals a match must hold.  redact_text runs a pattern only when the text
holds its trigger words (_TRIGGERS) and one of each of its further groups (_ALSO); the reference here
runs every pattern on every text.  The rules' prechecks are compared with their patterns alone.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clearance import redact
from clearance.redact import _MYSQL, _MYSQL_PASSWORD, _PATTERNS, redact_text


def reference(text: str) -> str:
    if not text:
        return text
    if _MYSQL.search(text):
        text = _MYSQL_PASSWORD.sub(lambda m: m.group(1) + "[REDACTED:password-option]", text)
    for kind, pat in _PATTERNS:
        marker = f"[REDACTED:{kind}]"
        text = pat.sub(r"\g<1>" + marker if pat.groups else marker, text)
    return text


# fmt: off
FRAGMENTS = [
    "https://", "user:pw@", "@", "://", "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "access", "aws", "=", ":", " = ", "'", '"',
    "password", "PASSWORD", "identified by", "SECRET", "TOKEN", "api_key", "Key", "credentials", "--password=", "-p", "mysql ",
    "ghp_" + "a" * 36, "AKIA" + "B" * 16, "eyJ" + "a" * 10 + ".eyJ" + "b" * 10 + "." + "c" * 10, "sk-" + "x" * 24, "npm_" + "n" * 36,
    "Authorization: Bearer abc", "-----BEGIN RSA PRIVATE KEY-----", "xoxb-1234567890", "glpat-" + "g" * 20, "hooks.slack.com/services/a/b",
    "sk_live_" + "s" * 24, "AIza" + "z" * 35, "hunter22", " ", "\n", "x", "$VAR", "[REDACTED", "abcd",
]
# fmt: on


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_triggers_never_skip_a_match(parts: list[str]) -> None:
    text = "".join(parts)
    assert redact_text(text) == reference(text)


def test_every_pattern_has_its_trigger_words_and_groups_in_one_example() -> None:
    examples = {
        "url-credentials": "git clone https://bob:s3cret@git.example/r",
        "aws-secret": "export AWS_SECRET_ACCESS_KEY=" + "A" * 40,
        "secret-assignment": "API_TOKEN=abcdef123",
        "sql-password": "ALTER USER bob PASSWORD 'hunter2'",
    }
    for kind, text in examples.items():
        assert f"[REDACTED:{kind}]" in redact_text(text), kind
        assert redact_text(text) == reference(text)
    assert set(redact._ALSO) <= {k for k, _ in _PATTERNS}


TOKEN_FRAGMENTS = [
    "AKIA",
    "ASIA",
    "ABCDEFGHIJKLMNOP",
    "ghp_",
    "gh",
    "github_pat_",
    "xoxb-",
    "sk-",
    "sk-proj-",
    "AIza",
    "eyJ",
    ".eyJ",
    ".",
    "glpat-",
    "-----BEGIN RSA PRIVATE KEY-----",
    "npm_",
    "SG.",
    "a" * 12,
    "Z" * 20,
    "0123456789",
    "_",
    "-",
    " ",
    "=",
    "/",
    "%41",
]
WRITE_FRAGMENTS = [
    "os.",
    "open(",
    "'w'",
    '"a"',
    ".execute(",
    "executemany(",
    " x",
    "Write",
    "_text(",
    "FileSync(",
    "append",
    "unLink",
    "REMOVE",
    "rmtree",
    "rmSync",
    "re",
    "name",
    "replace(",
    "chmod",
    "symlink",
    "truncate",
    "delete",
    "UPDATE",
    "drop",
    "Insert",
    "alter",
    "create",
    "vacuum",
    "ATTACH",
    "print(",
    " ",
    "\n",
    "(",
    ")",
    "ſ",
    "K",
    "ı",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKEN_FRAGMENTS), max_size=10))
def test_token_marks_never_skip_a_token(parts: list[str]) -> None:
    from clearance.rules.net import _TOKEN, _token_in

    text = "".join(parts)
    assert _token_in(text) == (_TOKEN.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WRITE_FRAGMENTS), max_size=8))
def test_write_words_never_skip_a_write(parts: list[str]) -> None:
    from clearance.rules.self import _WRITE_WORDS, _WRITES

    text = "".join(parts)
    if _WRITES.search(text) is not None and text.isascii():
        assert any(w in text.lower() for w in _WRITE_WORDS), text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZ09+/_-=.: %\n\u00e9\u00df", max_size=90))
def test_base64_precheck_passes_whenever_a_run_exists(text: str) -> None:
    from clearance.rules.creds import _B64_RUN, _NOT_B64

    if _B64_RUN.search(text) is not None:
        assert len(text) >= 24 and max(map(len, text.translate(_NOT_B64).split()), default=0) >= 24
