"""Where a pattern's first match can start, found in linear time by RE2 (issue 16).

CPython's ``re`` tries a pattern at every position its first step admits: on 100 KB of one character a list of a dozen
case-insensitive words costs 10-40 ms however linear the pattern is (about 0.03 us per alternative per position).  RE2
(google-re2, a maintained automaton engine) reads the same text in a fraction of a millisecond, but lacks lookarounds,
back-references and possessive repeats, and its ``\\w``, ``\\s``, ``\\d`` and case folding differ from Python's.  So RE2
never decides a match here: :func:`relax` writes a pattern for RE2 that matches at least wherever the Python pattern can
start a match (a superset: lookarounds and anchors dropped, possessive and atomic read as ordinary repeats and groups,
a back-reference as its group's pattern, every character class exact on ASCII and widened beyond it), and :func:`first_start`
gives the start of its leftmost match.  No Python match can start before it, so ``re`` searches from there and finds
what it finds from the text's start: the same match, the same groups.  Where RE2 finds nothing, there is no match.

Used by :class:`clearance.lazyre.LazyRe` for long texts only (lazyre.LONG): ``re2`` is imported on the first long text,
never on an ordinary call.  Without google-re2 (or for a pattern RE2 does not compile, or a text it cannot encode:
lone surrogates) the search runs in ``re`` alone, as before.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Non-ASCII characters Python's case-insensitive matching pairs with an ASCII letter (tests/test_prefilter.py checks
# the table against re over every code point).
_ASCII_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
# Non-ASCII capitals whose lower case's upper case is another character (ϴ θ Θ, ẞ ß, the Ohm and Angstrom signs), by
# that lower case: re.I pairs them with it (tests/test_prefilter.py finds every such pair over every code point).
_ODD_CAPITALS = {0x3B8: (0x3F4,), 0xDF: (0x1E9E,), 0x3C9: (0x2126,), 0xE5: (0x212B,)}
# Beyond ASCII, what Python's categories can match (checked over every code point too): wider is safe, narrower is not.
_WIDE = {"CATEGORY_DIGIT": r"\p{Nd}", "CATEGORY_WORD": r"\p{L}\p{N}\p{M}", "CATEGORY_SPACE": r"\x{85}\p{Z}"}
_ALL_NON_ASCII = r"\x{80}-\x{10ffff}"
# RE2's largest counted repetition.
_MAX_COUNT = 1000

_UNAVAILABLE = False
_re2: Any = None


def _chars(codes: list[int]) -> str:
    # (ASCII letters and digits as they are: a shorter pattern for RE2 to parse)
    return "".join(chr(c) if c < 128 and chr(c).isalnum() else f"\\x{{{c:x}}}" for c in codes)


class _Untranslated(Exception):
    pass


def _one(op: Any, av: Any, flags: int, state: Any) -> str:
    """One character step (a literal, a class, any character) as an RE2 class: exactly the ASCII characters Python's
    step accepts (each tried by re itself), and beyond ASCII at least every character it can accept."""
    from re import _constants  # type: ignore[attr-defined]

    icase = bool(flags & _constants.SRE_FLAG_IGNORECASE)
    if op is _constants.LITERAL:  # (most steps: read without compiling; tests/test_prefilter.py compares with re's)
        if av >= 128:
            codes = sorted(folds(av) if icase else {av})
        else:
            ch = chr(av)
            codes = sorted({av, ord(ch.lower()), ord(ch.upper())} | {ord(c) for c in _ASCII_FOLDS.get(ch.lower(), "")}) if icase and ch.isalpha() else [av]
        return _chars(codes) if len(codes) == 1 else "[" + _chars(codes) + "]"
    key = (op, repr(av), flags)
    got = _CLASSES.get(key)
    if got is None:
        got = _CLASSES[key] = _class(op, av, flags, state, icase)
    return got


# Character steps already written, by (op, its argument's repr, flags): the same classes recur (\s, \w, [^\n] ...).
_CLASSES: dict[tuple[Any, str, int], str] = {}


def _class(op: Any, av: Any, flags: int, state: Any, icase: bool) -> str:
    from re import _compiler, _constants  # type: ignore[attr-defined]
    from re import _parser as sre  # type: ignore[attr-defined]

    one = _compiler.compile(sre.SubPattern(state, [(op, av)]), flags)
    ascii_ = [c for c in range(128) if one.fullmatch(chr(c))]
    beyond: list[str] = []
    if op is _constants.ANY or op is _constants.NOT_LITERAL:
        beyond.append(_ALL_NON_ASCII)
    elif op is _constants.LITERAL:
        beyond.append(_member_beyond(av, av, icase))
    elif op is _constants.IN:
        if av and av[0][0] is _constants.NEGATE:
            beyond.append(_ALL_NON_ASCII)
        else:
            for mop, mav in av:
                if mop is _constants.LITERAL:
                    beyond.append(_member_beyond(mav, mav, icase))
                elif mop is _constants.RANGE:
                    beyond.append(_member_beyond(mav[0], mav[1], icase))
                elif mop is _constants.CATEGORY:
                    beyond.append(_WIDE.get(str(mav), _ALL_NON_ASCII))
                else:
                    beyond.append(_ALL_NON_ASCII)
    else:
        raise _Untranslated(str(op))
    body = _chars(ascii_) + "".join(beyond)
    return "[" + body + "]" if body else r"[^\x{0}-\x{10ffff}]"


def folds(code: int) -> set[int]:
    """The characters re.I matches a non-ASCII literal with: itself if it has no case; else those whose lower case is
    its lower case (its own upper and lower case, and _ODD_CAPITALS), and re's extra cases (the Greek sigmas...)."""
    import _sre  # type: ignore[import-not-found]
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]

    if not _sre.unicode_iscased(code):
        return {code}
    low = _sre.unicode_tolower(code)
    out = {code, low, *_EXTRA_CASES.get(low, ()), *_ODD_CAPITALS.get(low, ())}
    for c in (chr(code), chr(low)):
        for v in (c.upper(), c.title()):
            if len(v) == 1:
                out.add(ord(v))
    return out


def _member_beyond(lo: int, hi: int, icase: bool) -> str:
    """The non-ASCII characters a literal or range lo..hi can match: its own, and under case folding the literal's
    :func:`folds`, every non-ASCII one for a range, those _ASCII_FOLDS pairs with ASCII letters."""
    if hi >= 128 and icase and lo == hi:
        return _chars(sorted(c for c in folds(lo) if c >= 128))
    if hi >= 128:
        return _ALL_NON_ASCII if icase else _chars([max(lo, 128)]) + ("-" + _chars([hi]) if hi > max(lo, 128) else "")
    if not icase:
        return ""
    return "".join(_ASCII_FOLDS.get(chr(c).lower(), "") for c in range(lo, hi + 1) if chr(c).isalpha())


def _at(code: Any, bounds: bool | None, flags: int, tail: bool) -> str:
    """An anchor as RE2 reads it at least where Python's holds: ``^`` and ``$`` as they are under re.M, else ``^`` as the
    text's start and ``$`` as its end or a last newline where nothing follows it (elsewhere as any line's end); ``\\A``
    and ``\\Z`` as they are; a word boundary only where *bounds* (on ASCII text RE2's ``\\w`` is Python's; beyond it
    Python's boundaries fall elsewhere, so there it is dropped)."""
    from re import _constants  # type: ignore[attr-defined]

    if bounds is None:  # a group read again by a back-reference: the same text, elsewhere
        return ""
    multiline = bool(flags & _constants.SRE_FLAG_MULTILINE)
    if code is _constants.AT_BEGINNING_LINE or (code is _constants.AT_BEGINNING and multiline):
        return "(?m:^)"
    if code is _constants.AT_BEGINNING:
        return r"\A"
    if code is _constants.AT_END and not multiline and tail:
        return r"\n?\z"  # the text's end, or a last newline (read: nothing of the pattern follows)
    if code in (_constants.AT_END, _constants.AT_END_LINE):
        return "(?m:$)"
    if code is _constants.AT_BEGINNING_STRING:
        return r"\A"
    if code is _constants.AT_END_STRING:
        return r"\z"
    if bounds and code is _constants.AT_BOUNDARY:
        return r"\b"
    if bounds and code is _constants.AT_NON_BOUNDARY:
        return r"\B"
    return ""


def _emit(items: Any, flags: int, state: Any, loose: bool, groups: dict[int, tuple[str, int]], bounds: bool | None, tail: bool = False) -> str:
    """*groups*: each capturing group's RE2 text and flags, for a back-reference to it further on.  *bounds*: for ASCII
    text, where RE2's word boundaries are Python's; None: no anchors at all.  *tail*: nothing of the pattern follows
    these items, so a lookahead among the last of them may be read as text (only where a match starts counts)."""
    from re import _compiler, _constants  # type: ignore[attr-defined]

    out = []
    last = len(items) - 1
    for i, (op, av) in enumerate(items):
        at_tail = tail and i == last
        if op in (_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY):
            out.append(_one(op, av, flags, state))
        elif op is _constants.AT:
            out.append(_at(av, bounds, flags, at_tail))
        elif op is _constants.ASSERT and at_tail and av[0] == 1:
            # a lookahead nothing follows: what it reads is there after the match, so read it as text
            out.append("(?:" + _emit(av[1].data, flags, state, loose, {}, bounds) + ")")
        elif op is _constants.ASSERT or op is _constants.ASSERT_NOT:
            continue  # takes no character: without it the pattern matches at least where it did
        elif op is _constants.BRANCH:
            out.append("(?:" + "|".join(_emit(b.data, flags, state, loose, groups, bounds, at_tail) for b in av[1]) + ")")
        elif op is _constants.SUBPATTERN:
            group, add, remove, sub = av
            inner = _compiler._combine_flags(flags, add, remove)
            text = _emit(sub.data, inner, state, loose, groups, bounds, at_tail)
            if group is not None:  # what a back-reference matches: the group's text, without its anchors
                groups[group] = (_emit(sub.data, inner, state, loose, {}, None), inner)
            out.append("(?:" + text + ")")
        elif op is _constants.ATOMIC_GROUP:
            out.append("(?:" + _emit(av.data, flags, state, loose, groups, bounds, at_tail) + ")")
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            lo = min(lo, 1 if loose else _MAX_COUNT)  # loose: RE2 refuses nested counts whose product is over its limit
            count = f"{{{lo},}}" if loose or hi is _constants.MAXREPEAT or hi > _MAX_COUNT else f"{{{lo},{hi}}}"
            out.append("(?:" + _emit(sub.data, flags, state, loose, groups, bounds) + ")" + count)
        elif op is _constants.GROUPREF:
            # The text the group took, which its own relaxed pattern matches (under the same case folding).
            text, inner = groups.get(av, ("", -1))
            same = inner >= 0 and (inner ^ flags) & _constants.SRE_FLAG_IGNORECASE == 0
            out.append("(?:" + text + ")" if same else r"(?s:.*)")
        elif op is _constants.GROUPREF_EXISTS:
            _group, yes, no = av
            out.append(
                "(?:" + _emit(yes.data, flags, state, loose, groups, bounds) + "|" + (_emit(no.data, flags, state, loose, groups, bounds) if no else "") + ")"
            )
        else:
            raise _Untranslated(str(op))
    return "".join(out)


def relax(pattern: str, flags: int, loose: bool = False, bounds: bool = False) -> str | None:
    """RE2's text of a pattern that matches at every position where *pattern* (Python's) can start a match, or None.
    *loose*: every counted repeat as an open one (``{2,64}`` as ``{1,}``), for RE2's limit on nested counts.  *bounds*:
    for ASCII text only, with its word boundaries (``\\b``, ``\\B``)."""
    from re import _parser as sre  # type: ignore[attr-defined]

    try:
        parsed = sre.parse(pattern, flags)
        return _emit(parsed.data, parsed.state.flags, parsed.state, loose, {}, bounds, True)
    except (_Untranslated, RecursionError):
        return None


def compile_relaxed(pattern: str, flags: int, bounds: bool = False) -> Any:
    """The RE2 pattern of :func:`relax`, compiled; None without google-re2 or where RE2 refuses it."""
    global _UNAVAILABLE, _re2
    if _UNAVAILABLE:
        return None
    if _re2 is None:
        try:
            import re2  # type: ignore[import-not-found, import-untyped, unused-ignore]  # google-re2 (no type stubs)
        except ImportError:
            _UNAVAILABLE = True
            return None
        _re2 = re2
    options = _re2.Options()
    options.log_errors = False
    options.max_mem = 64 << 20
    # loose: RE2 writes out a counted repeat as that many copies (x{0,200} nested in y{0,64}: 100 ms to compile and over
    # its limits), and only where a match starts counts here, so every count is read as an open repeat
    text = relax(pattern, flags, True, bounds)
    if text is None:
        return None
    try:
        return _re2.compile(text, options)
    except Exception:  # RE2's error type (too large a program)
        return None


def first_start(relaxed: Any, text: str, pos: int = 0) -> int | None:
    """Where the leftmost match of *relaxed* starts in *text* at or after *pos*: -1 where there is none, None where RE2
    cannot read the text (a lone surrogate has no UTF-8)."""
    try:
        m = relaxed.search(text, pos)
    except UnicodeEncodeError:
        return None
    return -1 if m is None else m.start()
