"""Patterns rewritten to keep a margin under their time bound (issue 16; bench/timing_margins.py measures the margins)
find what they found before.

CI's shared 2-core machine failed cases measured at 80-100% of their bound on an idle one, so each pattern that took over
half of tests/test_regex_bounds.py's 10 ms on some 100 KB shape was rewritten: the same matches by another path (a run
of a character in one step, an alternative that opens with a literal, blanks taken possessively where what follows
cannot be a blank, a shared prefix read once).  Each is compared with the pattern it replaced, kept below, on generated
texts over the characters it names, and on the shape that was slow.
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearance import probe, scripts_more, settingsresult
from clearance.rules import agentcli, net
from clearance.rules import self as self_rules
from clearance.shell import interp

from .test_regex_bounds import LIMIT_MS

# ---------------------------------------------------------------- the patterns as they were

OLD = {
    "net._SPELLED_V4": (
        re.compile(r"(?:^|[.-])(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})(?=[.-]|$)|(?:^|[.-])([0-9a-f]{8})(?=[.-]|$)"),
        net._SPELLED_V4,
        "0123456789abf.-x",
    ),
    "settingsresult._JQ_PATH": (
        re.compile(r'\.(?:[A-Za-z_][\w]*|"[^"\\]*")|\.?\["[^"\\]*"\]|\.?\[\d+\]'),
        settingsresult._JQ_PATH,
        '.[]"\\a_1 ',
    ),
    "agentcli._ANY_ATOMS": (
        re.compile(r"\^*(?:(?:\.|\[(?:\\s\\S|\\S\\s|\\w\\W|\\W\\w|\\d\\D|\\D\\d|\^)\])(?:[*+?]|\{[01],\})?)*+\$?"),
        agentcli._ANY_ATOMS,
        ".^$[]\\sSwWdD*+?{},01",
    ),
    "scripts_more._MAKE_ASSIGNED": (
        re.compile(r"(?m)^[ \t]*(?:(?:export|override|define|private)[ \t]+)*([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(?::{1,3}=|[?+!]?=|$)"),
        scripts_more._MAKE_ASSIGNED,
        "export \t\nA_.-:=?+!x",
    ),
    "self._ENV_ASSIGNMENT": (
        re.compile(r"""(?m)^[ \t]*(?:(?:export|declare\s+-x|set\s+-gx|setenv)[ \t]+)?["']?([A-Za-z_][A-Za-z0-9_]*)["']?[ \t]*[=:]?[ \t]*["']?([^"'\n#;]*)"""),
        self_rules._ENV_ASSIGNMENT,
        "setnv \t\n\"'=:#;A_x",
    ),
    "probe._PLACEHOLDER_WORD": (
        re.compile(r"%5B|%7B|\$\{?[A-Za-z_]{2,}|%s\b|\b(?=[A-Z0-9_]*[G-Z])[A-Z][A-Z0-9_]{3,}\b"),
        probe._PLACEHOLDER_WORD,
        "ACFGZ09_a%5B7s${ -",
    ),
}
WORDS = {
    "scripts_more._MAKE_ASSIGNED": ["export", "override", "define", "private"],
    "self._ENV_ASSIGNMENT": ["export", "declare -x", "set -gx", "setenv"],
    "net._SPELLED_V4": ["169", "254", "a9fea9fe", "ip"],
    "settingsresult._JQ_PATH": ['["a"]', "[12]", ".a"],
    "probe._PLACEHOLDER_WORD": ["API_KEY", "ABCDEF", "DEADBEEF_G", "%5B", "${TOKEN}"],
}


def old_skipper(lang: str) -> str:
    lines, blocks = interp._COMMENTS[lang]
    found = sorted({*lines, *(a.removeprefix("\n") for a, _ in blocks)}, key=len, reverse=True)
    first = "".join(sorted({"\\" + o[0] for o in found}))
    strings = "|".join(q + "(?:[^" + q + "\\\\]++|\\\\[\\s\\S])*+[" + q + "\\\\]?" for q in "'\"`")
    openers = "|".join("".join("\\" + c if not c.isalnum() else c for c in o) for o in found)
    return "(?:[^'\"`" + first + "]++|" + strings + "|(?!" + openers + ")[" + first + "])*+"


def _found(p: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


def _texts(alphabet: str, words: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.text(alphabet=alphabet, max_size=6), st.sampled_from(words or [alphabet[:2]]))
    return st.lists(piece, max_size=20).map("".join)


# ---------------------------------------------------------------- the same answers


@pytest.mark.parametrize("name", sorted(OLD))
def test_the_same_matches_as_before(name: str) -> None:
    old, new, alphabet = OLD[name]
    new_re = getattr(new, "compiled", new)

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_texts(alphabet, WORDS.get(name, [])))
    def check(text: str) -> None:
        assert _found(new_re, text) == _found(old, text), text
        assert (new_re.fullmatch(text) is None) == (old.fullmatch(text) is None), text

    check()


_SKIP_ALPHABET = "'\"`\\#=/-*<>[]\nabpodhegincut ;"
_SKIP_WORDS = ["=pod", "=head", "=cut", "=begin", "=end", "#=", "=#", "--[[", "]]", "//", "/*", "*/", "<#", "#>", '""', "''", "``"]


@pytest.mark.parametrize("lang", sorted(interp._COMMENTS))
def test_the_comment_skipper_stops_where_it_stopped(lang: str) -> None:
    """interp._COPIED: where the text strip_comments copies whole ends, from every place (a comment opener, a string)."""
    old = re.compile(old_skipper(lang))
    new = interp._COPIED[lang].compiled

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_texts(_SKIP_ALPHABET, _SKIP_WORDS))
    def check(text: str) -> None:
        for i in range(len(text) + 1):
            a, b = old.match(text, i), new.match(text, i)
            assert a is not None and b is not None and a.end() == b.end(), (text, i)

    check()


# ---------------------------------------------------------------- the shapes that were slow, with a margin

SLOW = {
    "interp._COPIED perl on '='": (lambda t: interp._COPIED["perl"].search(t), "="),
    "interp._COPIED ruby on '='": (lambda t: interp._COPIED["ruby"].search(t), "="),
    "interp._COPIED powershell on '<'": (lambda t: interp._COPIED["powershell"].search(t), "<"),
    "interp._COPIED python on '\"'": (lambda t: interp._COPIED["python"].search(t), '"'),
    "probe._PLACEHOLDER_WORD on 'C'": (lambda t: probe._PLACEHOLDER_WORD.search(t), "C"),
    "probe._caesar_shift on 't'": (lambda t: probe._caesar_shift(t), "t"),
    "agentcli._ANY_ATOMS on '.'": (lambda t: agentcli._ANY_ATOMS.search(t), "."),
    "scripts_more._MAKE_ASSIGNED on export+tabs": (lambda t: scripts_more._MAKE_ASSIGNED.search("export" + t), "\t"),
    "self._ENV_ASSIGNMENT on setenv+tabs": (lambda t: self_rules._ENV_ASSIGNMENT.search("setenv" + t), "\t"),
}


def test_the_slow_shapes_keep_a_margin() -> None:
    """Under half the bound (they took 55-95% of it on an idle machine; now 1-35%), measured again while over it
    (probe._caesar_shift is held to the same 10 ms by tests/test_caesar_scan.py)."""
    slow = []
    for name, (fn, unit) in SLOW.items():
        text = unit * 100_000
        best = float("inf")
        for attempt in range(4):
            if attempt:
                time.sleep(0.05 * attempt)
            t0 = time.process_time()
            fn(text)
            best = min(best, (time.process_time() - t0) * 1000.0)
            if best < LIMIT_MS / 2:
                break
        if best >= LIMIT_MS / 2:
            slow.append(f"{name}: {best:.1f} ms")
    assert not slow, slow


# interp._SIGNAL_CALLS, rewritten to start at `kill` (its one caller asks only whether it matches): the same answer.
_OLD_SIGNAL_CALLS = re.compile(
    r"(?<![\w$.])kill\s*+\(?\s*+(?!0\s*+[,)])['\"\w-]|\bProcess\s*+\.\s*+kill\s*+\(?\s*+(?!0\s*+[,)])[\w:'\"-]"
    r"|\bposix_kill\s*+\(|\bposix(?:\.signal)?\.kill\s*+\("
)


def test_signal_calls_are_found_where_they_were() -> None:
    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_texts("kilposx_.Prces (),0'\"-:$\n\tasignal1", ["kill", "posix_kill(", "posix.signal.kill", "Process . kill", "Process.kill("]))
    def check(text: str) -> None:
        assert (interp._SIGNAL_CALLS.search(text) is None) == (_OLD_SIGNAL_CALLS.search(text) is None), text

    check()
