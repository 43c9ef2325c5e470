"""probe._NET_COMMAND answers as the pattern it replaced: a network program's name after the start or a separator.

The old pattern matched from the separator (`(?:^|[\\s;&|…])` then the list of programs), so every blank of a command
was a place to try the whole list (80 ms per 100 KB of blanks); the new one starts at the name, behind a lookbehind
for the separator, and re skips every character no name starts with.  Only whether it matches is used (is_outbound).
The reference is the current list behind the old prefix, so a program added to the list is checked too.
"""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearance import probe

from .test_near import _eval_texts

# The pattern probe._NET_COMMAND replaced (a DispatchRe of it: the program's name behind a lookbehind for the separator).
PATTERN = (
    r"(?<![^\s;&|(`$'\"/])(?:curl|wget|nc|ncat|netcat|socat|ssh|scp|sftp|rsync|ftp|tftp|telnet|http|https|xh|aria2c|lwp-request|gh|glab|twine|"
    r"iwr|irm|Invoke-WebRequest|Invoke-RestMethod|Send-MailMessage|sendmail|mail|mutt|dig|nslookup|host|rclone|s3cmd|azcopy|"
    r"ping6?|traceroute6?|tracepath|mtr|whois|nmap|drill|resolvectl|lynx|w3m|e?links|"
    r"(?:psql|mysql|mariadb|redis-cli|mongosh|mongo|sqlcmd|clickhouse-client|cqlsh)(?=\s(?:[^;&|]*\s)?(?:-h|--host|-S)\b))\b"
    r"|\bopenssl\s+s_client\b|/dev/(?:tcp|udp)/"
    r"|\b(?:IO::Socket|LWP::|HTTP::Tiny|Net::(?:HTTP|SMTP|FTP|SSH)|open-uri)"
    r"|\bgit\s+(?:push|send-email|fetch|pull|clone|ls-remote|remote\s+add|submodule\s+update)\b"
    r"|\b(?:aws|gsutil|gcloud|az|kubectl|heroku|vercel|netlify|fly|flyctl)\s"
    r"|\b(?:npm|pnpm|yarn|cargo|gem|poetry|uv|hatch|flit)\s+publish\b|\bdocker\s+(?:push|login)\b"
    r"|\b(?:requests|httpx|urllib3?|aiohttp|smtplib|ftplib|imaplib|poplib|telnetlib|xmlrpc)\b|\bhttp\.client\b|\bsocket\.|\bfetch\(|\bXMLHttpRequest\b|https?://"
)
OLD = re.compile(PATTERN, re.I)

_WORDS = sorted(set(re.findall(r"[A-Za-z][\w:.-]*", re.sub(r"\\.", " ", PATTERN))))
_GLUE = [
    " ",
    "",
    "\n",
    "\t",
    ";",
    "&",
    "|",
    "(",
    "`",
    "$",
    "'",
    '"',
    "/",
    "-",
    ".",
    "x",
    "\u00a0",
    "\u017f",
    "\u212a",
    "\u0130",
    "\u0131",
    "://",
    " -h ",
    "(",
    "_",
    "\u00e9",
    "-",
    " -s",
    " --HOST",
    " -S ",
    "\n--host\n",
    "x;",
    " | ",
    "\u2014",
    "\u2003",
    "\x01",
    "\u00e9-",
]


def _same(text: str) -> bool:
    return (probe._NET_COMMAND.search(text) is not None) == (OLD.search(text) is not None)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.sampled_from(_WORDS), st.booleans()), min_size=1, max_size=6), st.sampled_from(_GLUE))
def test_the_same_answer_on_commands_of_its_words(parts: list[tuple[str, str, bool]], end: str) -> None:
    text = "".join(g + (w.upper() if up else w) for g, w, up in parts) + end
    assert _same(text), text


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_the_same_answer_on_any_text(text: str) -> None:
    assert _same(text), text


def test_the_same_answer_on_the_eval_sets() -> None:
    """Counts only (the held-out texts are not looked at one by one)."""
    differ: dict[str, int] = {}
    found = 0
    for where, texts in _eval_texts().items():
        for text in texts:
            for line in text[:200_000].splitlines():
                found += OLD.search(line) is not None
                if not _same(line):
                    differ[where] = differ.get(where, 0) + 1
    assert not differ, differ
    assert found


def test_blanks_are_not_tried() -> None:
    for unit in (" ", "|", ";", "\n", "\t"):
        text = unit * 100_000
        t0 = time.process_time()
        assert probe._NET_COMMAND.search(text) is None
        assert (time.process_time() - t0) * 1000.0 < 10.0, unit


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                *"psqlmongo-hS _;|&\nxé/.\u2014\u2003\u0130\u212a\x01",
                "https",
                "://",
                "uv",
                "publish",
                "git",
                "push",
                "psql",
                "mongosh",
                "redis-cli",
                "curl",
                "-h",
                "--host",
                "lwp-request",
            ]
        ),
        max_size=12,
    )
)
def test_the_same_answer_on_mixed_names_and_options(parts: list[str]) -> None:
    text = "".join(parts)
    assert _same(text), text


def test_a_client_name_repeated_is_read_once() -> None:
    """The pattern read the rest of the command from every database client's name (100 KB of "psql ": 11 s)."""
    for unit, found in (("psql ", False), ("psql -x ", False), ("mongo ;", False), ("redis-cli-", False)):
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        t0 = time.process_time()
        assert (probe._NET_COMMAND.search(text) is not None) is found, unit
        assert (time.process_time() - t0) * 1000.0 < 50.0, unit
    assert probe._NET_COMMAND.search("psql " * 20_000 + "-h db.example") is not None
    assert probe._NET_COMMAND.search("psql " * 20_000 + "; -h db.example") is None


def test_every_shape_is_read_in_linear_time() -> None:
    """100 KB of every repeated character (tests/test_regex_bounds.py's inputs) and of each word of the list repeated with a
    separator: within the bound of a matcher of several patterns (MATCHER_LIMIT_MS), measured again while over it (a shared machine only adds)."""
    from .test_regex_bounds import MATCHER_LIMIT_MS as LIMIT_MS
    from .test_regex_bounds import SIZE, inputs

    shapes = dict(inputs())
    for w in _WORDS:
        for sep in (" ", "", "\n", "-", ".", "\u2014"):
            shapes[f"{w}+{sep!r}"] = ((w + sep) * (SIZE // len(w + sep) + 1))[:SIZE]
    slow = []
    for name, text in shapes.items():
        took = 0.0
        for attempt in range(5):  # again only while over the bound, after a pause (a shared machine only adds)
            if attempt:
                time.sleep(0.05 * attempt)
            t0 = time.process_time()
            probe._NET_COMMAND.search(text)
            took = (time.process_time() - t0) * 1000.0
            if took <= LIMIT_MS:
                break
        if took > LIMIT_MS:
            slow.append(f"{name}: {took:.0f} ms")
    assert not slow, slow
