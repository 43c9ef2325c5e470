"""Reading parameter expansions, assignments and for loops: the walker's methods for `${VAR:-x}`, `${VAR#pat}`, `X=$(…)`,
`for f in …`, and what an argument's value is made of.  Loaded the first time a line needs one of these methods
(parse._Walker.__getattr__)."""

from __future__ import annotations

from .. import pathstr
from ..paths import DYN, has_glob
from .ir import CHANNEL_VARIABLES, ENV_SHOWN, LINE_SET, SimpleCommand, Word, carried, command_variable
from .limits import ParseFailure
from .parse import _IDENT_REST, _IDENT_START, _subscript_with_code, _text, _Walker, parse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


_KEEP_WHEN_SET = frozenset({":?", "?", ":-", "-", ":=", "="})


# Operators of ${NAME OP word} whose value follows from whether NAME is set (and not null, with the colon).
_ALT_OPS = frozenset({":+", "+", ":-", "-", ":=", "="})


_UNSET = "\0unset"


# The defaults `${TMPDIR:-…}` gives that are the temp directory too (see _expansion).
_TEMP_DEFAULTS = frozenset({"/tmp", "/var/tmp", "/private/tmp"})


_DEFAULT_OPS = frozenset({":-", "-", ":=", "=", ":+", "+"})


def _text_refs(text: str) -> tuple[list[str], bool, bool]:
    """The variables *text* names (``$x``, ``${x…}``), whether it names a positional parameter (``$1``, ``$@``,
    ``${#}``) and whether it holds an expansion clearance cannot follow (``${!x}``: the variable whose name x holds).

    Single-quoted text and ``\\$`` expand nothing (`awk '{print $1}'`), except in text holding a here-document,
    whose body reads a quote as a character: there every ``$`` counts."""
    names: list[str] = []
    positional = indirect = False
    quotes = "<<" not in text
    i, n = 0, len(text)
    dq = False
    while i < n:
        ch = text[i]
        if ch == "\\" and quotes:
            i += 2
            continue
        if ch == "'" and quotes and not dq:
            end = text.find("'", i + 1)
            i = n if end < 0 else end + 1
            continue
        if ch == '"':
            dq = not dq
        if ch != "$":
            i += 1
            continue
        i += 1
        if i < n and text[i] == "{":
            i += 1
            if i < n and text[i] == "!":
                indirect = True
            while i < n and text[i] in "#!":
                i += 1
        if i < n and text[i] in _IDENT_START:
            j = i + 1
            while j < n and text[j] in _IDENT_REST:
                j += 1
            names.append(text[i:j])
            i = j
        elif i < n and text[i] in "0123456789@*#":
            positional = True
    return names, positional, indirect


# One-way digests: what is piped into them does not come out (`h=$(echo -n "$pw" | sha256sum | cut -c1-64)`).
_DIGESTS = frozenset({"md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "b2sum", "b3sum", "shasum", "cksum", "md5", "sha256", "sha512"})


def _digest_tail(node: Any) -> str | None:
    """For a value that is one `$( … | DIGEST | … )`, the text of the pipeline from the digest on (what the value is
    made of: the digest's output and what the later commands add), else None."""
    if node.type != "command_substitution":
        return None
    inner = [k for k in node.children if k.is_named]
    if len(inner) != 1 or inner[0].type != "pipeline":
        return None
    elements = [k for k in inner[0].children if k.is_named]
    for i in range(len(elements) - 1, 0, -1):
        e = elements[i]
        if e.type != "command":
            continue
        name = e.child_by_field_name("name")
        words = [_text(k) for k in e.children if k.is_named]
        if name is not None and (_text(name) in _DIGESTS or words[:2] == ["openssl", "dgst"]):
            return " ".join(_text(k) for k in elements[i:])
    return None


_LOOP_ITEMS = 4


def _trim(value: str, pattern: str, op: str) -> str:
    """`${V%PAT}` (shortest suffix), `${V%%PAT}` (longest), `${V#PAT}` (shortest prefix), `${V##PAT}` (longest) with a
    glob PAT of `*` and `?`, as bash removes them."""
    import fnmatch

    n = len(value)
    if op.startswith("%"):
        cuts = range(n, -1, -1) if op == "%" else range(0, n + 1)
        for i in cuts:
            if fnmatch.fnmatchcase(value[i:], pattern):
                return value[:i]
    else:
        cuts = range(0, n + 1) if op == "#" else range(n, -1, -1)
        for i in cuts:
            if fnmatch.fnmatchcase(value[:i], pattern):
                return value[i:]
    return value


def _loop_value(items: list[str]) -> str:
    """What a loop variable stands for in the body: the one item, or some path under the items' common directory."""
    if len(items) == 1:
        return items[0]
    if any(DYN in i for i in items):
        return DYN
    common = pathstr.commonpath(items) if all(i.startswith("/") for i in items) or not any(i.startswith("/") for i in items) else ""
    if not common or common in (".", "/") or common in items:
        return DYN
    return common + "/" + DYN


def _descendants(node: Any) -> list[Any]:
    out = []
    stack = [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(n.children)
    return out


class Methods(_Walker):
    """The methods _Walker takes on from here (parse.LATER)."""

    def words_sources(self, words: list[Word]) -> tuple[str, ...]:
        """The environment variables the text of *words* names, each variable this script assigned standing for its
        own sources (the same reading as record_sources)."""
        found: list[str] = []
        for w in words:
            found.extend(w.vars)
            names, positional, _indirect = _text_refs(w.raw)
            for n in names:
                found.extend(self.st.sources.get(n, (n,)))
            if positional:
                found.extend(self.arg_sources if self.arg_sources is not None else self.outer_refs() if self.st.level == 0 else (DYN,))
        return tuple(dict.fromkeys(found))

    def _read_from_pipe(self, cond: Any, pipe_src: list[SimpleCommand]) -> None:
        """`pgrep -f x | while read p; do kill $p; done`: the names the loop's `read` sets hold what the pipe's commands
        print (Word.origin), as a loop over `$(pgrep -f x)` does."""
        piped = Word(DYN, "$(" + " | ".join(c.text or c.name for c in pipe_src) + ")", list(pipe_src))
        for c in _descendants(cond):
            if c.type != "command" or not c.children or _text(c.children[0]) != "read":
                continue
            for a in c.children[1:]:
                name = _text(a)
                if a.type == "word" and name.isidentifier():
                    self.st.origins[name] = (piped,)

    def subscript_code(self, value: str) -> None:
        """A word that spells an array element whose subscript runs a command: `'a[$(rm -rf ~)]'`.

        Bash evaluates a subscript as arithmetic wherever it takes the word as a variable name (`test -v`,
        `[[ -v ]]`, `read`, `printf -v`, `declare`, a nameref) or meets a variable holding it in arithmetic
        (`i='a[$(cmd)]'; (( i ))`, `$((i))`, `let i`, `[[ $i -eq 1 ]]`): the substitution in it runs, quoted or not.
        The subscript is judged as the command it runs, wherever such a word appears.
        """
        inner = _subscript_with_code(value)
        if inner is not None:
            self.evaluated_later(inner, "an array subscript bash evaluates")

    def evaluated_later(self, text: str, why: str) -> None:
        """Text bash expands as a double-quoted string later (a subscript, a prompt string): its substitutions are judged as typed."""
        st = self.st
        if DYN in text:
            st.script.problems.append(("shell.dynamic-code", f"{why} holds code built at run time; clearance cannot see what it does"))
            text = text.replace(DYN, "${__clearance_dynamic}")
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        try:
            inner = parse(f': "{quoted}"', st.cwd, st.home, st.env, st.level + 1, dict(st.vars))
        except ParseFailure as e:
            st.script.problems.append(("shell.parse-error", f"{why}: {e}"))
            return
        st.script.problems.extend(inner.problems)
        for c in inner.commands:
            if c.argv and c.argv[0].value == ":" and not c.assigns:
                continue
            c.via = (why, *c.via)
            st.script.commands.append(c)

    def _var(self, name: str) -> str:
        st = self.st
        name = st.namerefs.get(name, name)  # declare -n REF=NAME: $REF reads NAME
        if name in st.origins:
            st.reading.extend(st.origins[name])  # Parser.word: what the word is made of
        if name in st.vars:
            return st.vars[name]
        if name == "HOME":
            return st.home
        if name == "PWD":
            return st.cwd if st.cwd is not None else DYN
        if name in st.env:
            return st.env[name]
        return DYN

    def _var_state(self, name: str) -> str | None:
        """A variable's value when it is known to be set, "\0unset" when it is known not to be, None when unknown."""
        st = self.st
        if name not in st.vars and st.exported.get(name) == "":
            return _UNSET  # `unset x` (an empty export without an assignment is only written by unset)
        if name in st.vars or name in ("HOME", "PWD") or name in st.env:
            value = self._var(name)
            return None if DYN in value else value
        return None

    def _alternative(self, node: Any) -> str | None:
        """${NAME:+word}, ${NAME-word}, ...: the value of the expansion when NAME's state is known and the word is
        literal text (no expansion, quote or pattern in it), else None (the caller keeps its general reading)."""
        kids = node.children
        if len(kids) < 4 or kids[1].type != "variable_name" or kids[2].type not in _ALT_OPS or kids[-1].type != "}":
            return None
        name, op = _text(kids[1]), kids[2].type
        state = self._var_state(name)
        if state is None:
            return None
        word = "".join(_text(c) for c in kids[3:-1])
        if any(ch in word for ch in "$`\\\"'*?[{}") or "\n" in word:
            return None
        null = state == _UNSET or (op.startswith(":") and state == "")
        if op in (":+", "+"):
            return "" if null else word
        if not null:
            return state  # ${NAME-word}, ${NAME:=word}: the variable's own value
        if op in (":=", "="):
            self.st.vars[name] = word
        return word

    def _expansion(self, node: Any, depth: int, subs: list[SimpleCommand], vars_: list[str], flags: dict[str, bool]) -> str:
        # ${NAME}, ${NAME:-default}, ${NAME:=x}, ${#NAME}, ${NAME/x/y} ...
        if self._backquoted_operand(node):
            return DYN
        kids = node.children
        if len(kids) == 5 and kids[1].type == "variable_name" and kids[2].type in ("%", "%%", "#", "##") and kids[3].type in ("regex", "word"):
            value, pattern = self._var(_text(kids[1])), _text(kids[3])
            if DYN not in value and not any(ch in pattern for ch in "$`'\"\\[") and pattern:
                vars_.append(_text(kids[1]))
                return _trim(value, pattern, kids[2].type)
        if len(kids) >= 4 and kids[1].type == "variable_name" and kids[2].type in _DEFAULT_OPS and kids[-1].type == "}":
            picked = self._default_expansion(_text(kids[1]), kids[2].type, kids[3:-1], depth, subs, vars_, flags)
            if picked is not None:
                return picked
        alt = self._alternative(node)
        if alt is not None:
            vars_.append(_text(node.children[1]))
            return alt
        if (
            len(kids) == 5
            and kids[2].type == ":-"
            and _text(kids[1]) == "TMPDIR"
            and kids[3].type == "word"
            and _text(kids[3]).rstrip("/") in _TEMP_DEFAULTS
            and self._var_state("TMPDIR") is None
        ):
            # ${TMPDIR:-/tmp} where TMPDIR is not known (the team service, the eval replay): set and not empty it
            # names the temp directory (POSIX's definition of the variable), else the default does. Either way the
            # temp directory; mktemp (outputs.py) reads it the same way.
            vars_.append("TMPDIR")
            return _text(kids[3]).rstrip("/")
        if len(kids) == 4 and kids[1].type == "#" and kids[2].type == "variable_name" and kids[3].type == "}":
            # ${#NAME}: the length of NAME's value, a number; the value itself is not in the word.
            value = self._var(_text(kids[2]))
            return DYN if DYN in value else str(len(value))
        name = ""
        plain = True
        for c in node.children:
            if c.type == "variable_name":
                name = _text(c)
            elif c.type in ("${", "}"):
                continue
            elif name and plain and c.type in _KEEP_WHEN_SET and c.type == node.children[2].type:
                # ${HOME:?}, ${HOME:-x}: the variable's own value whenever it is set and known.
                known = self._var(name)
                if DYN not in known and known:
                    vars_.extend(self.st.sources.get(name, (name,)))
                    return known
                plain = False
            else:
                plain = False
                for cc in _descendants(c):
                    if cc.type in ("command_substitution", "process_substitution"):
                        subs.extend(self.substitution(cc, depth + 1))
        if name:
            if name in self.st.origins:
                self.st.reading.extend(self.st.origins[name])  # ${T/x/y}, ${T:0:8}: still made of T's text
            if any(c.type in (":=", "=", "!") for c in node.children):
                # ${X:=$Y} assigns X; ${!X} is the variable whose name X holds: X stands for itself.
                self._set_opaque(name)
            if any(c.type == "!" for c in node.children) and not any(c.type in ("*", "@") for c in node.children[2:]):
                # ${!X} (bash's indirect expansion) is the value of the variable whose name X holds: where X is known,
                # the word reads that variable as `$NAME` would (`x=CLEARANCE_TOKEN; echo ${!x}`, round 14b). ${!X*}
                # and ${!X@} list names only.
                target = self._var(name)
                if DYN not in target and target.isidentifier():
                    vars_.extend(self.st.sources.get(target, (target,)))
            vars_.extend(self.st.sources.get(name, (name,)))
            if name in self.st.namerefs:
                ref = self.st.namerefs[name]  # ${r} of `declare -n r=NAME`: NAME's value
                vars_.extend(self.st.sources.get(ref, (ref,)))
            if self.st.opaque is None or name in self.st.opaque:
                vars_.append(LINE_SET)
        if name and plain:
            return self._var(name)
        kids = [c.type for c in node.children]
        if name and "@" in kids and kids[kids.index("@") + 1 : kids.index("@") + 2] == ["P"]:
            # ${x@P}: x's value is expanded as a prompt string, command substitutions included.
            self.evaluated_later(self._var(name), f"${{{name}@P}}")
        return DYN

    def _quoted_compound(self, node: Any, depth: int) -> None:
        """`declare -a 'a=($(cmd))'`, `local -a a='(…)'`, `declare -A 'm=([k]=$(cmd))'`: with -a or -A, bash re-reads a
        quoted compound assignment and expands its elements (bash 5.2 warns "quoted compound array assignment
        deprecated", and runs them). The quoted text is judged as the expansion it gets."""
        for c in node.children[1:]:
            if c.type == "variable_assignment" and len(c.children) >= 3 and c.children[-1].type in ("string", "raw_string"):
                value = self.word(c.children[-1], depth + 1).value
            elif c.type in ("string", "raw_string", "concatenation"):
                value = self.word(c, depth + 1).value.partition("=")[2]
            else:
                continue
            if value.startswith("(") and value.endswith(")") and ("$" in value or "`" in value):
                self.evaluated_later(value[1:-1], "a quoted compound array assignment")

    def _backquoted_operand(self, node: Any) -> bool:
        """A backquoted command in the operand of ``${…}`` (`${x:-`cmd`}`, `${x/a/`cmd`}`): tree-sitter-bash reads the
        operand as a plain word, bash runs the command when it expands the operand. Each one is judged as typed (as
        `$(cmd)` there is); the expansion's value is then only known at run time."""
        stack = list(node.children)
        while stack:
            n = stack.pop()
            if n.type in ("command_substitution", "process_substitution"):
                continue  # read by substitution(); a backquote inside it is its own text
            if n.type in ("word", "regex") and "`" in _text(n).replace("\\`", ""):
                break
            stack.extend(n.children)
        else:
            return False
        # The operand is every piece after the operator (a `$VAR` inside the backquotes splits it into several).
        kids = node.children
        op = next((k for k, c in enumerate(kids) if k > 0 and not c.is_named and c.type not in ("${", "}")), None)
        if op is None or kids[-1].type != "}":
            return False
        raw: bytes = node.text
        self.evaluated_later(
            raw[kids[op].end_byte - node.start_byte : kids[-1].start_byte - node.start_byte].decode("utf-8", "replace"), "a backquoted command in ${…}"
        )
        return True

    def _default_expansion(
        self, name: str, op: str, operand: list[Any], depth: int, subs: list[SimpleCommand], vars_: list[str], flags: dict[str, bool]
    ) -> str | None:
        """`${NAME:-WORD}`, `${NAME-WORD}`, `${NAME:=WORD}`, `${NAME=WORD}`, `${NAME:+WORD}`, `${NAME+WORD}` when whether
        NAME is set (and empty) is known here: the value or WORD, as bash picks (None when it is not known)."""
        target = self.st.namerefs.get(name, name)
        if target in self.st.unset:
            is_set, value = False, ""
        elif target in self.st.vars and DYN not in self.st.vars[target]:
            is_set, value = True, self.st.vars[target]
        else:
            return None
        vars_.append(name)
        colon = op.startswith(":")
        present = is_set and (bool(value) or not colon)
        if op.endswith("+"):
            use_word = present
        else:
            use_word = not present
        if not use_word:
            return value if not op.endswith("+") else ""
        word = "".join(self._eval(c, depth + 1, subs, vars_, flags) for c in operand)
        if op.endswith("="):
            self.st.vars[target] = word
            self.st.unset.discard(target)
            # what it is made of: `: ${TOKEN:=$GITHUB_TOKEN}` makes TOKEN a copy of the token (record_sources)
            self.record_sources(target, "".join(_text(c) for c in operand))
        return word

    def _for(self, node: Any, depth: int) -> None:
        var = ""
        items: list[str] | None = []
        fed: list[Word] = []  # what items that are a command's output hold (`for p in $(pgrep -f x)`): Word.origin
        for c in node.children:
            if c.type == "variable_name":
                var = _text(c)
                self.st.vars[var] = DYN
                self._set_opaque(var)
            elif c.type in ("do_group", "compound_statement"):
                if var and items and 1 < len(items) <= _LOOP_ITEMS and not any(DYN in i for i in items):
                    # `for d in build /etc; do rm -rf $d; done`: a few literal items, the body once for each.
                    for item in items:
                        self.st.vars[var] = item
                        self.walk(c, depth + 1, None)
                    continue
                if var:
                    # `for f in ~/.ssh/id_*; do cat $f; done`: one item (a glob stands for its matches), or
                    # some path under the items' common directory.
                    self.st.vars[var] = _loop_value(items) if items else DYN
                    if fed:
                        self.st.origins[var] = tuple(dict.fromkeys(fed))
                self.walk(c, depth + 1, None)
            elif c.is_named:
                if c.type in ("word", "string", "concatenation", "raw_string", "expansion", "simple_expansion", "command_substitution"):
                    w = self.word(c, depth + 1)
                    if items is not None:
                        items.append(w.value)
                    fed.extend(carried(w))
                    if not w.quoted and not w.subs and DYN not in w.value and has_glob(w.value):
                        # `for p in /proc/[0-9]*`: the names a glob expands to are what `ls -d GLOB` prints (Word.origin:
                        # a kill given them is given the listing, as `for p in $(ls -d /proc/[0-9]*)` is)
                        listing = SimpleCommand([Word("ls", "ls"), Word("-d", "-d"), Word(w.value, w.raw)], text="ls -d " + w.raw)
                        fed.append(Word(DYN, "$(ls -d " + w.raw + ")", [listing]))
                else:
                    items = None
                    self.walk(c, depth + 1, None)

    def assignment(self, node: Any, depth: int) -> tuple[str, str]:
        name = ""
        value = ""
        fed: tuple[Word, ...] = ()
        for c in node.children:
            if c.type == "variable_name" and not name:
                name = _text(c)
            elif c.type == "subscript":
                name = DYN
                # a[$(cmd)]=1: the subscript's substitutions run.
                for cc in _descendants(c):
                    if cc.type in ("command_substitution", "process_substitution"):
                        self.substitution(cc, depth + 1)
            elif c.type not in ("=", "+="):
                vw = self.word(c, depth + 1, unsplit=True)
                value = vw.value
                fed = carried(vw)
        name = self.st.namerefs.get(name, name)
        if name in self.st.cased and DYN not in value:
            value = value.lower() if self.st.cased[name] == "l" else value.upper()
        if name in CHANNEL_VARIABLES and self.st.cond and not value:
            # Emptied where it may not run: the value set before may still be the one the program sees.
            value = self.st.vars.get(name, "")
        if name in self.st.readonly:
            return name, self.st.vars.get(name, value)  # bash refuses: the value stays
        if name == "PATH":
            self.st.hashed.clear()  # bash empties its hash table when PATH is assigned
        if name and name != DYN:
            # A variable the shell was given in its environment keeps the export attribute (until unset): assigning it
            # changes what every later command is given, as `export NAME=value` does (adversarial round 12c:
            # `KUBECONFIG=…; kubectl --context dev …`). So does every assignment after `set -a` (allexport).
            inherited = name in self.st.env and name not in self.st.unset
            self.st.unset.discard(name)
            appended = "+=" in _text(node)[: len(name) + 2]
            self.st.vars[name] = value if not appended else DYN
            if fed:
                # `P=$(pgrep -f x)`, `T=$(gh auth token)`: what the command prints is the value (P=$Q keeps Q's, and
                # H="token $T" T's); appended text adds to it.
                self.st.origins[name] = (*self.st.origins.get(name, ()), *fed) if appended else fed
            elif not appended:
                self.st.origins.pop(name, None)
            if name in self.st.export_names or self.st.allexport or inherited:
                self.st.exported[name] = self.st.vars[name]
                self.st.unsure.discard(name)
            elif name not in ENV_SHOWN and name.isupper():
                self.st.unsure.add(name)  # the agent's shell may have been given NAME (exported): clearance is not shown
            value_nodes = [c for c in node.children if c.type not in ("variable_name", "=", "+=")]
            digest = _digest_tail(value_nodes[0]) if len(value_nodes) == 1 else None
            self.record_sources(name, digest if digest is not None else _text(node)[len(name) + 1 :], appended)
            if command_variable(name):
                # EDITOR=…; export GIT_SSH_COMMAND=…: a command later programs run, judged where it is set.
                self.st.script.commands.append(SimpleCommand([Word(":", ":")], assigns={name: value}, cwd=self.st.cwd, text=_text(node)))
        if name == "IFS":
            self.st.script.problems.append(("shell.ifs-change", "the command changes IFS, so its words do not split the way they read"))
        return name, value

    def record_sources(self, name: str, text: str, appended: bool = False) -> None:
        """Remember which environment variables the value assigned to *name* comes from (st.sources).

        Its text names variables (each stands for its own sources when this script assigned it) or positional
        parameters: at the top level those hold what the script's own commands pass to its functions, so they
        stand for every variable the script names and never assigns. Nested scripts (bash -c, a script file)
        get theirs from outside, and ``${!x}`` names a variable only known when it runs: such a value is
        recorded as nothing, so the name keeps standing for itself.
        """
        st = self.st
        names, positional, indirect = _text_refs(text)
        args: tuple[str, ...] = ()
        if positional:
            # In a body read for a call: what the call's words name; else (the top level) every variable the script
            # names and never assigns; a nested script's parameters come from outside (not followed).
            args = self.arg_sources if self.arg_sources is not None else self.outer_refs() if st.level == 0 else (DYN,)
        opaque = st.opaque
        if indirect or opaque is None or DYN in args or any(n in opaque for n in names) or any(n in opaque for n in args):
            st.sources.pop(name, None)
            if opaque is not None and any(n in opaque for n in names):
                opaque.add(name)  # `read P; X=$P`: X holds run-time text the line read, as P does
            return
        found: list[str] = []
        if appended:
            found.extend(st.sources.get(name, (name,)))
        for n in names:
            found.extend(st.sources.get(n, (n,)))
        found.extend(args)
        st.sources[name] = tuple(dict.fromkeys(found))

    def outer_refs(self) -> tuple[str, ...]:
        """Every variable the whole script names but never assigns (what its function arguments may carry)."""
        st = self.st
        if st.outer_refs is None:
            text = st.source.decode("utf-8", "replace")
            names = _text_refs(text)[0]
            st.outer_refs = tuple(n for n in dict.fromkeys(names) if (n + "=") not in text and (n + "+=") not in text)
        return st.outer_refs
