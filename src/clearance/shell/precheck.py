"""A linear syntax pre-check for long shell text, run before tree-sitter.

tree-sitter-bash's error recovery is super-linear on some malformed text (100 KB of ``)`` takes a
minute to parse, ``<`` 20 s, ``(&`` several seconds), and its progress callback fires too rarely
during recovery to stop it in time.  Bash itself rejects all of these at once.  :func:`syntax_error`
reads the text the way bash's reader does -- quotes, escapes, comments, here-documents,
``$(``/``${``/``$((``/backticks and brackets -- in one pass, and names the first error bash would
report: a quote or substitution that never closes, a ``)`` that closes nothing, a redirection
without a word, or control operators that follow each other.

It must never call a valid command invalid (tests/test_precheck.py compares it with ``bash -n``):
whenever the reading is uncertain (a ``case`` pattern's ``)``, ``[[ ]]``, a here-document that
runs to the end) it returns None, "no objection", and tree-sitter decides as before.
"""

from __future__ import annotations

import contextlib
import re

# shell/parse.py runs the pre-check on text longer than its PRECHECK_MIN (1 024 characters): below
# that tree-sitter parses any text in about 10 ms (100 ms takes about 4 000 characters of `a|`,
# `)` or `<<`; bench/worst_case.py, issue 16).

_BLANK = " \t"
_META = " \t\n;&|()<>"  # characters that end an unquoted word

# What a command context expects next.
_START = 0  # a command (after the start, `(`, `;`, `&` or a newline): `;`, `&`, `|` … are errors
_PIPE = 1  # a command after `|`, `||`, `&&`, `|&`: as _START, and `)` or the end are errors too
_OPERATOR_CHARS = frozenset("<>|&;()")  # a line continuation beside one of these: deferred to tree-sitter
_WORD = 2  # the word of a redirection
_ANY = 3  # after a word

# Words after which bash reads `)`, `;;`, `(`, `<` … its own way (case patterns, [[ ]], functions).
_UNFOLLOWED = frozenset({"case", "esac", "[[", "]]"})
# Runs of characters that change nothing but "a word was read", skipped in one step per context.
_PLAIN_CMD = re.compile(r"[^\n;&|()<>'\"\\`$#]+")
_PLAIN_WORD = re.compile(r"[^\s;&|()<>'\"\\`$]+")
_PLAIN_DQ = re.compile(r"[^\n\"\\`$]+")
_PLAIN_BRACE = re.compile(r"[^\n}'\"\\`$<>]+")
_PLAIN_TEST = re.compile(r"[^\n\]'\"\\`$]+")
_PLAIN_ARITH = re.compile(r"[^\n()'\"\\`$]+")
# Reserved words after which the next word is still the first of a command.
_LEADERS = frozenset({"then", "do", "else", "elif", "if", "while", "until", "{", "!", "time"})
_KEYWORD = re.compile(r"(?:^|[ \t])(case|esac|\[\[|\]\])(?=[ \t]|$)")
# Steps of the reading (tokens and quoted pieces) past which the text is too large to analyse.
MAX_STEPS = 10_000
# Syntax-tree nodes tree-sitter makes at least (a word, and each bracket or brace in a longer word, is one):
# past shell.parse.MAX_NODES the text is too large, known before tree-sitter spends ~1 µs a character.
_CONTROL = ("||", "&&", "|&", ";;&", ";;", ";&", "|", ";", "&")
_REDIRECT = ("&>>", "<<<", "<<-", "<<", ">>", "<&", ">&", "<>", ">|", "&>", "<", ">")


def _nested(word: str) -> int:
    """The square brackets and braces in *word*, each a node of its own when the word is longer than one character."""
    return word.count("[") + word.count("]") + word.count("{") + word.count("}")


def _subscripted(word: str) -> bool:
    """`name[…`: a shell variable name right before the word's first `[` (an array element, perhaps assigned)."""
    head, bracket, _ = word.partition("[")
    return bool(bracket) and head.isascii() and head.isidentifier()


class _Unsure(Exception):
    """The text holds something the pre-check does not read exactly as bash: no objection."""


class TooManySteps(Exception):
    """More than MAX_STEPS tokens, or more syntax nodes than the caller's limit: larger than clearance analyses."""


class _Found(Exception):
    def __init__(self, message: str, redirect: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.redirect = redirect  # a redirection without its word


def syntax_error(text: str, max_nodes: int = 1 << 62) -> str | None:
    """The first syntax error bash reports in *text*, described; None when there is none or the
    pre-check cannot tell.  Raises TooManySteps past MAX_STEPS tokens (about 20 ms of reading) or
    when tree-sitter would make more than *max_nodes* nodes."""
    reader = _Reader(text, max_nodes)
    try:
        reader.run()
    except _Unsure:
        reader.check_counted()
        return None
    except _Found as found:
        if any(e[0] in ("arith", "psub", "case", "test") for e in reader.stack):
            # bash reads `((` that fails as arithmetic again as two subshells, and reads the text
            # of `<(` `>(` in ways the pre-check does not follow (`<((` …); in a case clause, only
            # what follows its `esac` is judged, and in `[[ ]]` what follows its `]]` -- unless
            # the error holds under every reading (_certain)
            problem = _certain(reader, found)
            if problem is None:
                reader.check_counted()
            return problem
        return found.message
    return None


def _certain(reader: _Reader, found: _Found) -> str | None:
    """An error inside `((` `<(` `case` or `[[` that bash reports however it reads them: an opener
    no later character could close, or a redirection without a word in a case clause."""
    s = reader.s
    for kind, where, _ in reader.stack:
        at = int(where)  # type: ignore[call-overload]
        rest = s[at:]
        if kind == "test":
            # its `]]` is the only way out (a `]\<newline>]` too); `#` starts a comment in `[[ ]]`
            # that the pre-check does not follow, so nothing opened inside one is judged
            if "]]" not in rest and "\\\n" not in rest and all(e[0] != "case" for e in reader.stack):
                return reader._unclosed("`[[`", at).message
            return None
        if kind in ("cmd", "psub", "arith") and ")" not in rest:
            # `(` `$(` `<(` `$((` close only at a `)`, whichever way bash reads them
            width = 3 if kind == "arith" and s[at] == "$" else 2 if s[at] in "$<>" or kind == "arith" else 1
            return reader._unclosed(f"`{s[at : at + width]}`", at).message
    if found.redirect and all(e[0] in ("top", "cmd", "case", "dq", "brace") for e in reader.stack):
        # a redirection operator followed by an operator, a newline or the end: in a case clause's
        # body and in its patterns alike, bash wants a word there
        return found.message
    return None


def here_documents(text: str) -> tuple[list[tuple[int, int]] | None, bool]:
    """Where bash reads the here-documents of *text* (shell/parse.py compares tree-sitter's reading with it):
    each body's first line and its delimiter's line (0-based, in the order of the text), or None where the
    reading stops (the pre-check is unsure, bash rejects the text, or it is too large); and whether a body was
    pending across a newline inside a word or a nested construct (see _own_parser), where bash and
    tree-sitter part ways."""
    reader = _Reader(text)
    try:
        reader.run()
    except (_Unsure, _Found, TooManySteps):
        return None, reader.crossed
    spans = sorted((text.count("\n", 0, start), text.count("\n", 0, end)) for start, end in reader.spans)
    return spans, reader.crossed


def node_floor(text: str) -> int:
    """How many syntax nodes tree-sitter makes of *text* at least, as the pre-check counts them (tests)."""
    reader = _Reader(text)
    with contextlib.suppress(_Unsure, _Found, TooManySteps):
        reader.run()
    return reader.nodes


class _Reader:
    __slots__ = ("s", "n", "i", "heredocs", "outer", "spans", "crossed", "stack", "steps", "nodes", "max_nodes", "for_header")

    def __init__(self, text: str, max_nodes: int = 1 << 62) -> None:
        self.s = text
        self.n = len(text)
        self.i = 0
        # (delimiter, strip tabs, depth of the stack at its `<<`) awaiting the next newline token of this
        # parser: see _own_parser
        self.heredocs: list[tuple[str, bool, int]] = []
        # the here-documents of the parsers around each open `$(` `<(` `>(`, innermost last
        self.outer: list[list[tuple[str, bool, int]]] = []
        self.spans: list[tuple[int, int]] = []  # each body read: where it starts, where its delimiter's line starts
        self.crossed = False  # a body pending across a newline inside a word or a nested construct
        # [kind, opened at, what a command context expects / an arithmetic context's depth];
        # kinds: "top", "cmd" (`(` `$(`), "psub" (`<(` `>(`), "dq" (double quotes), "brace" (`${`), "arith" (`((` `$((`)
        self.stack: list[list[object]] = [["top", 0, _START]]
        self.steps = 0
        self.nodes = 0  # a lower bound of tree-sitter's node count (see node_floor)
        self.max_nodes = max_nodes
        # where the header of an arithmetic for may open: just after a command's first word `for` and its blanks
        self.for_header = -1

    def check_counted(self) -> None:
        """No objection to the text -- unless the nodes counted before the reading stopped (text read as
        bash reads it) are already past the limit: one long word can hold them all (`a`a`a…` in a case
        clause, which ends in an unclosed backtick left to tree-sitter). Raises TooManySteps then."""
        if self.nodes > self.max_nodes:
            raise TooManySteps

    def _where(self, at: int) -> str:
        line = self.s.count("\n", 0, at) + 1
        col = at - (self.s.rfind("\n", 0, at) + 1) + 1
        return f"line {line}, column {col}"

    def _unclosed(self, what: str, at: int) -> _Found:
        return _Found(f"the {what} opened at {self._where(at)} is never closed")

    def _unexpected(self, token: str, at: int, redirect: bool = False) -> _Found:
        shown = "newline" if token == "\n" else (token or "end of the command")
        redirect = redirect or self.stack[-1][2] == _WORD  # where a redirection wants its word
        return _Found(f"bash rejects {shown!r} at {self._where(at)}", redirect)

    # The contexts are kept on an explicit stack (a deep nesting must not exhaust Python's).
    def run(self) -> None:
        s, n = self.s, self.n
        stack = self.stack
        while True:
            self.steps += 1
            if self.steps > MAX_STEPS or self.nodes > self.max_nodes:
                raise TooManySteps
            top = stack[-1]
            kind = top[0]
            i = self.i
            if i >= n:
                if kind == "top":
                    if top[2] == _WORD:
                        raise self._unexpected("\n", n)
                    if top[2] == _PIPE:
                        raise self._unexpected("", n)
                    return
                if self.heredocs or any(self.outer):
                    raise _Unsure
                at = int(top[1])  # type: ignore[call-overload]
                opener = s[at : at + 3] if kind == "arith" else s[at : at + 2]
                opener = opener.rstrip(" \t\n") if opener[:1] in "$<>" else opener[:1]
                raise self._unclosed(f"`{opener}`", at)
            c = s[i]
            if kind == "dq":
                self._in_dq(stack, c)
            elif kind == "brace":
                self._in_brace(stack, c)
            elif kind == "arith":
                self._in_arith(stack, c)
            elif kind == "test":
                self._in_test(stack, c)
            else:
                self._in_cmd(stack, c)

    # --- pieces shared by every context -------------------------------------------------------------
    def _single(self, at: int) -> None:
        """A '...' string starting at *at*; self.i after its closing quote."""
        end = self.s.find("'", at + 1)
        if end < 0:
            raise self._unclosed("single quote", at)
        if self.heredocs and "\n" in self.s[at:end]:
            self.crossed = True
        self.nodes += 1  # a raw_string
        self.i = end + 1

    def _ansi_c(self, at: int) -> None:
        """A $'...' string starting at *at* (backslash escapes)."""
        s, n = self.s, self.n
        j = at + 2
        while j < n:
            c = s[j]
            if c == "\\":
                j += 2
            elif c == "'":
                if self.heredocs and "\n" in s[at:j]:
                    self.crossed = True
                self.i = j + 1
                return
            else:
                j += 1
        raise self._unclosed("`$'` string", at)

    def _backtick(self, at: int) -> None:
        """A `...` substitution: bash ends it at the next unescaped backtick, quotes or not."""
        s, n = self.s, self.n
        j = at + 1
        while j < n:
            c = s[j]
            if c == "\\":
                j += 2
            elif c == "`":
                if "<<" in s[at:j]:
                    raise _Unsure  # a here-document inside (read when the substitution runs)
                if self.heredocs and "\n" in s[at:j]:
                    self.crossed = True
                self.nodes += 1  # a command_substitution
                self.i = j + 1
                return
            else:
                j += 1
        raise self._unclosed("backtick", at)

    def _dollar(self, stack: list[list[object]], at: int, quoted: bool = False) -> bool:
        """A substitution starting with `$` at *at*: pushed or skipped; False when `$` is literal
        (in double quotes, *quoted*, `$'` and `$"` are a `$` and a quote)."""
        s = self.s
        nxt = s[at + 1] if at + 1 < self.n else ""
        if nxt.isalpha() or nxt == "_" or nxt in "${('\"?!@*-#0123456789":
            self.nodes += 1  # an expansion, substitution or string (a lone `$` is a word's letter)
        if nxt == "(":
            if s.startswith("((", at + 1):
                stack.append(["arith", at, 2])
                self.i = at + 3
            else:
                stack.append(["cmd", at, _START])
                self._own_parser()
                self.i = at + 2
            return True
        if nxt and nxt in "$?!@*-#0123456789":
            self.i = at + 2  # a special parameter: `$${` is `$$` and a `{`
            return True
        if nxt == "[":
            raise _Unsure  # the old $[ ] arithmetic
        if nxt == "{":
            stack.append(["brace", at, 0])
            self.i = at + 2
            return True
        if quoted:
            return False
        if nxt == "'":
            self._ansi_c(at)
            return True
        if nxt == '"':
            stack.append(["dq", at, 0])
            self.i = at + 2
            return True
        return False

    # --- contexts -----------------------------------------------------------------------------------
    def _in_dq(self, stack: list[list[object]], c: str) -> None:
        i = self.i
        if c == "\n" and self.heredocs:
            self.crossed = True  # a newline inside a word: the bodies follow the word
        if c == '"':
            stack.pop()
            self.i = i + 1
        elif c == "\\":
            self.i = i + 2
        elif c == "`":
            self._backtick(i)
        elif c == "$" and self._dollar(stack, i, True):
            pass
        else:
            m = _PLAIN_DQ.match(self.s, i)
            self.i = m.end() if m else i + 1

    def _in_brace(self, stack: list[list[object]], c: str) -> None:
        i = self.i
        if c == "\n" and self.heredocs:
            self.crossed = True
        if c == "}":
            stack.pop()
            self.i = i + 1
        else:
            if c in "<>" and self.s.startswith("(", i + 1):
                raise _Unsure  # bash 5.2 reads `<(` inside `${...}` as a command, here-documents included
            if c == "'" and any(e[0] == "dq" for e in stack):
                raise _Unsure  # `'` inside "${...}" depends on the shell's mode
            self._quoted_or_plain(stack, c, _PLAIN_BRACE)

    def _in_arith(self, stack: list[list[object]], c: str) -> None:
        i = self.i
        if c == "\n" and self.heredocs:
            self.crossed = True
        top = stack[-1]
        if c == "(":
            top[2] = int(top[2]) + 1  # type: ignore[call-overload]
            self.i = i + 1
        elif c == ")":
            top[2] = int(top[2]) - 1  # type: ignore[call-overload]
            self.i = i + 1
            if top[2] == 1 and not self.s.startswith(")", i + 1):
                raise _Unsure  # not `))`: bash reads the text again as nested `( (`
            if top[2] == 0:
                stack.pop()
                self._after_word(stack)
        else:
            self._quoted_or_plain(stack, c, _PLAIN_ARITH)

    def _in_test(self, stack: list[list[object]], c: str) -> None:
        """Inside `[[ ]]`: its `<` `(` `|` `&&` are its own; quotes and substitutions as anywhere.
        It ends at a `]]` word."""
        i, s = self.i, self.s
        if c == "\n" and self.heredocs:
            self.i = i + 1  # a newline token of the grammar: the bodies follow it
            self._bodies()
            return
        if c == "]":
            end = i + 2
            if s.startswith("]]", i) and s[i - 1] in " \t\n" and (end >= self.n or s[end] in _META):
                stack.pop()
                self._after_word(stack)
                self.i = end
            else:
                self.i = i + 1
        else:
            self._quoted_or_plain(stack, c, _PLAIN_TEST)

    def _quoted_or_plain(self, stack: list[list[object]], c: str, plain: re.Pattern[str]) -> None:
        """What every nested context reads alike: an escape, quotes, a command substitution in backticks, `$…`,
        and else a run of the context's plain characters (*plain*)."""
        i = self.i
        if c == "\\":
            self.i = i + 2
        elif c == "'":
            self._single(i)
        elif c == '"':
            stack.append(["dq", i, 0])
            self.i = i + 1
        elif c == "`":
            self._backtick(i)
        elif c == "$" and self._dollar(stack, i):
            pass
        else:
            m = plain.match(self.s, i)
            self.i = m.end() if m else i + 1

    def _after_word(self, stack: list[list[object]]) -> None:
        top = stack[-1]
        if top[0] in ("cmd", "top", "psub"):
            top[2] = _ANY
        elif top[0] == "case":
            # `(b|c)`: a pattern, after which a command starts (or a subshell in a clause: errors
            # inside a case clause are never reported, so reading a command start is safe)
            top[2] = _START

    def _in_cmd(self, stack: list[list[object]], c: str) -> None:
        s, i = self.s, self.i
        top = stack[-1]
        expect = top[2]
        m = _PLAIN_CMD.match(s, i)
        if m:
            run = m.group()
            k = _KEYWORD.search(run)
            # Whether the words before the keyword are all leaders, read on from the last keyword's start (a keyword
            # starts a word: no word spans it), not from the run's start each time (issue 16: `[[ ` x 5000 took ~1 s).
            read, leaders = 0, True
            while k:
                leaders = leaders and all(w in _LEADERS for w in run[read : k.start(1)].split())
                read = k.start(1)
                if expect in (_START, _PIPE) and leaders:
                    # the first word of a command (after `then`, `do`, `!` … at most)
                    self._keyword(stack, k.group(1), i + k.start(1), i + k.end(1), True)
                    return
                k = _KEYWORD.search(run, k.end(1))  # an argument: an ordinary word
            if not run.isspace():
                words = run.split()
                if "[" in run and any(w.count("[") > w.count("]") and _subscripted(w) for w in words):
                    raise _Unsure  # `name[` left open: perhaps an array assignment read to its `]` (see _word)
                if expect in (_START, _PIPE) and words[-1] == "for" and all(w in _LEADERS for w in words[:-1]) and run[-1] in " \t":
                    self.for_header = m.end()  # `for ((init; test; step))`: an arithmetic header may follow
                top[2] = _ANY
                # a word, and a node per square bracket or brace inside a longer word: tree-sitter reads
                # `a{b}`, `{}` and `}}}` as a concatenation of one word per brace and per run between them
                self.nodes += sum(1 + (_nested(w) if len(w) > 1 else 0) for w in run.split())
            self.i = m.end()
            return
        if c == "\\" and s.startswith("\n", i + 1):
            if (i > 0 and s[i - 1] in _OPERATOR_CHARS) or s[i + 2 : i + 3] in _OPERATOR_CHARS:
                # bash removes the pair before it reads operators: `<\<newline><a` is the here-document `<<a`.
                raise _Unsure
            self.i = i + 2  # a line continuation
            return
        if c == "\n":
            if expect == _WORD:
                raise self._unexpected("\n", i)
            self.i = i + 1
            if self.heredocs:
                self._bodies()
            if expect != _PIPE:
                top[2] = _START
            return
        if c == "#" and i > 0 and s[i - 1] in "{}[]":
            raise _Unsure  # bash reads on in the word; tree-sitter starts a comment after a brace token (`{}#{ a; }`)
        if c == "#" and (i == 0 or s[i - 1] in _META):
            end = s.find("\n", i)
            self.i = self.n if end < 0 else end
            return
        if c == ")" and top[0] == "case":
            top[2] = _START  # the end of a pattern
            self.i = i + 1
            return
        if c == ")":
            if expect in (_WORD, _PIPE):
                raise self._unexpected(")", i)
            if top[0] == "top":
                raise self._unexpected(")", i)
            stack.pop()
            if top[0] == "psub" or s[int(top[1])] == "$":  # type: ignore[call-overload]
                self._parser_done()
            self.i = i + 1
            self._after_word(stack)
            return
        if c == "(":
            if i > 0 and s[i - 1] in "@!+*?=":
                raise _Unsure  # an extended glob or an array: not a subshell
            if expect == _WORD:
                raise self._unexpected("(", i)
            if (expect in (_START, _PIPE) or i == self.for_header) and s.startswith("((", i):
                stack.append(["arith", i, 2])
                self.i = i + 2
                return
            top[2] = _ANY  # what the group leaves behind in this context
            stack.append(["cmd", i, _START])
            self.i = i + 1
            return
        if c in "<>" and s.startswith("(", i + 1):  # <(...) >(...): a word
            if expect == _ANY and i > 0 and s[i - 1] not in _META:
                raise _Unsure  # glued to a word before it
            top[2] = _ANY
            stack.append(["psub", i, _START])
            self._own_parser()
            self.i = i + 2
            return
        if c in "<>&":
            for op in _REDIRECT:
                if s.startswith(op, i):
                    if expect == _WORD:
                        raise self._unexpected(op, i)
                    self.i = i + len(op)
                    if op in ("<<", "<<-"):
                        self._heredoc_word(op == "<<-")
                        top[2] = _ANY
                    else:
                        top[2] = _WORD
                    return
        if c in ";&|":
            for op in _CONTROL:
                if s.startswith(op, i):
                    if top[0] == "case" and op in (";;", ";&", ";;&"):
                        top[2] = _START  # the end of a clause
                        self.i = i + len(op)
                        return
                    if expect != _ANY:
                        raise self._unexpected(op, i)
                    top[2] = _START if op in (";", "&") else _PIPE
                    if op.startswith(";;") or op == ";&":
                        raise _Unsure  # only in a case clause, which the pre-check does not follow
                    self.i = i + len(op)
                    return
        self._word(stack)

    def _keyword(self, stack: list[list[object]], word: str, start: int, end: int, first: bool) -> None:
        """`case` opens a case context, `esac` closes it, both as the first word of a command; anything
        else about them (and `[[ ]]`, whose `<` `(` `|` are its own) is left to tree-sitter."""
        top = stack[-1]
        # a reserved word is one only when a blank or a metacharacter ends it (`[[#`, `case+` are ordinary words)
        glued = end < self.n and self.s[end] not in " \t\n|&;()<>"
        if not first or top[2] not in (_START, _PIPE) or glued or word not in ("case", "esac", "[["):
            raise _Unsure
        if word == "[[":
            self.nodes += 1
            top[2] = _ANY
            stack.append(["test", start, 0])
        elif word == "case":
            self.nodes += 1
            top[2] = _ANY
            stack.append(["case", start, _ANY])
        elif top[0] == "case":
            stack.pop()
            self._after_word(stack)
        else:
            raise _Unsure
        self.i = end

    def _word(self, stack: list[list[object]]) -> None:
        """An unquoted word from self.i; pushes a context when it opens one (then the word goes on
        after that context closes, in the next round)."""
        s, n = self.s, self.n
        top = stack[-1]
        start = i = self.i
        while i < n:
            m = _PLAIN_WORD.match(s, i)
            if m:
                self.nodes += _nested(m.group())  # after a quote, escape or `$`: the word is longer than one character
                i = m.end()
                continue
            c = s[i]
            if c in _META:
                break
            if c == "\\":
                i += 2
                continue
            if c == "'":
                self._single(i)
                i = self.i
                continue
            if c == '"':
                top[2] = _ANY
                self.nodes += 1  # a string
                stack.append(["dq", i, 0])
                self.i = i + 1
                return
            if c == "`":
                self._backtick(i)
                i = self.i
                continue
            if c == "$":
                if self._dollar(stack, i):
                    if stack[-1] is not top:
                        top[2] = _ANY
                        return
                    i = self.i
                    continue
            i += 1
        if s[start:i] in _UNFOLLOWED:
            raise _Unsure
        word = s[start:i]
        if "[" in word and word.count("[") > word.count("]") and _subscripted(word):
            # `name[…` left open at a blank may be an array assignment: bash reads on to the matching `]` as one
            # word, blanks and metacharacters included (`foo[ ( a ]=1`, `esac[[ -n x && ( a ) ]]`); tree-sitter decides.
            raise _Unsure
        top[2] = _ANY
        self.i = i

    def _heredoc_word(self, strip: bool) -> None:
        """The delimiter after `<<`: recorded for the next newline."""
        s, n = self.s, self.n
        i = self.i
        while i < n and s[i] in _BLANK:
            i += 1
        if s.startswith(("<(", ">("), i):
            raise _Unsure  # a process substitution as the delimiter
        if i >= n or s[i] in "\n;&|()<>":
            raise self._unexpected(s[i] if i < n else "\n", i, True)
        out: list[str] = []
        while i < n and s[i] not in _META:
            c = s[i]
            if c == "\\":
                out.append(s[i + 1 : i + 2])
                i += 2
            elif c == "'":
                end = s.find("'", i + 1)
                if end < 0:
                    raise self._unclosed("single quote", i)
                out.append(s[i + 1 : end])
                i = end + 1
            elif c == '"':
                end = s.find('"', i + 1)
                if end < 0 or "\\" in s[i:end] or "$" in s[i:end] or "`" in s[i:end]:
                    raise _Unsure
                out.append(s[i + 1 : end])
                i = end + 1
            elif c in "$`":
                raise _Unsure  # a delimiter with a substitution in it
            else:
                out.append(c)
                i += 1
        self.heredocs.append(("".join(out), strip, len(self.stack)))
        self.i = i

    # Where bash reads a here-document's body: at the next newline *token* of the parser that read its
    # `<<` (read_token gathers the pending bodies when it returns a newline).  A newline inside a word --
    # quotes, backticks, `${ }`, `$(( ))`, `(( ))`, a continuation -- is no token: the bodies wait for the
    # first one after the word.  The newlines of the grammar's own constructs -- `( )`, `{ }`, `[[ ]]`,
    # `case`, `if`, `for` … -- are, and the bodies follow the first of them, inside the construct.  A
    # `$( )` `<( )` `>( )` is read by a parser of its own (parse_comsub, bash 5.2), which sets the pending
    # here-documents aside and restores them at its `)`: its newlines read only its own bodies, and the
    # outer ones follow the first newline after the `)`.
    def _own_parser(self) -> None:
        """A `$(` `<(` `>(` opens: a parser of its own, whose newlines read only its own here-documents."""
        if self.heredocs:
            self.crossed = True
        self.outer.append(self.heredocs)
        self.heredocs = []

    def _parser_done(self) -> None:
        """Its `)`: the here-documents set aside are pending again."""
        if self.heredocs:
            raise _Unsure  # a body never read inside: bash warns, and where it reads it is not followed
        self.heredocs = self.outer.pop()

    def _bodies(self) -> None:
        """The bodies of the pending here-documents, from self.i (just after a newline)."""
        s, n = self.s, self.n
        i = self.i
        for delim, strip, depth in self.heredocs:
            if depth != len(self.stack):
                self.crossed = True  # its `<<` outside the construct whose newline reads it
            first = i
            while True:
                if i >= n:
                    raise _Unsure  # delimited by the end: bash warns, and what follows is unclear
                at = i
                end = s.find("\n", i)
                line = s[i:] if end < 0 else s[i:end]
                i = n if end < 0 else end + 1
                if strip:
                    line = line.lstrip("\t")
                if line == delim:
                    self.spans.append((first, at))
                    break
                if line.rstrip("\\") != line:
                    raise _Unsure  # a continuation inside an unquoted body
        self.heredocs = []
        self.i = i
