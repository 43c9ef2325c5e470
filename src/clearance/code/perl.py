"""Perl read through tree-sitter: what a ``perl -e`` one-liner or a project script does.

Builtins (``system``, ``exec``, ``unlink``, ``open`` with its mode, ``rename``, string ``eval``),
``qx``/backticks, module calls (``rmtree``, ``remove_tree``, ``LWP``, ``HTTP::Tiny``) and ``%ENV``;
``my $d = …`` bound once keeps its value, and strings are read with their interpolations
(``"$ENV{HOME}/x"`` is ``~/x``).  ``-M`` options arrive as the ``use`` lines perl makes of them
(code/interpopts.py).
"""

from __future__ import annotations

from ..paths import DYN
from .values import UNKNOWN, TreeReader, Val, concat, env_variable, into_folder, mode_literal, node_text, numeric_escape, walk

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..shell.interp import CodeFacts

_CALLS = frozenset({"function_call_expression", "ambiguous_function_call_expression", "func1op_call_expression", "func0op_call_expression"})
_DELETE = frozenset({"unlink", "rmdir", "rmtree", "remove_tree", "File::Path::rmtree", "File::Path::remove_tree", "File::Remove::remove", "remove"})
_RUN = frozenset({"system", "exec", "CORE::system", "CORE::exec", "readpipe"})
_MOVE = frozenset({"rename", "move", "File::Copy::move", "mv"})
_WRITE_LAST = frozenset({"symlink", "link", "copy", "File::Copy::copy", "cp", "chmod", "chown", "utime", "truncate"})
_LWP_SIMPLE = frozenset({"get", "getprint", "getstore", "head", "mirror"})
_NETWORK_MODULES = ("LWP", "HTTP::Tiny", "IO::Socket", "Net::", "Mojo::UserAgent", "HTTP::", "Socket", "WWW::", "Furl", "REST::Client")
_DECODE = frozenset(
    {"decode_base64", "MIME::Base64::decode_base64", "decode_base64url", "pack", "unpack", "uncompress", "Compress::Zlib::uncompress", "memGunzip"}
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "e": "\x1b", "a": "\a"}
# Methods that write the file their first argument names (Archive::Tar's write, Archive::Zip's writeToFileNamed and
# overwriteAs, the save/store of image, spreadsheet and Storable-like modules).
_OBJECT_WRITERS = frozenset({"write", "writeToFileNamed", "overwriteAs", "save", "store", "nstore", "write_file", "spew"})
_WRITE_MODES = (">", ">>", "+<", "+>", "+>>")


class _Reader(TreeReader):
    __slots__ = ("finds", "modules")

    def __init__(self, depth: int) -> None:
        super().__init__("perl", depth)
        self.modules: set[str] = set()
        # File::Find's callbacks: (first byte, last byte, the tree it walks as a pattern), where $_ and
        # $File::Find::name are each entry of that tree (round 16: `find(sub { unlink $_ }, $ENV{HOME})` was only asked)
        self.finds: list[tuple[int, int, Val]] = []

    def found(self, node: Any, subject: str) -> Val | None:
        """What $_ / $File::Find::name holds at *node*, inside a File::Find callback: each entry of the tree it walks."""
        if subject not in ("$_", "$File::Find::name"):
            return None
        for start, end, tree in self.finds:
            if start <= node.start_byte and node.end_byte <= end:
                return tree
        return None

    def walk_callback(self, node: Any) -> None:
        """find(sub { … }, DIRS) / finddepth(…) / find({ wanted => sub { … } }, DIRS): note the callback's extent."""
        args = self.args(node)
        if len(args) < 2 or args[0].type not in ("anonymous_subroutine_expression", "anonymous_hash_expression"):
            return
        dirs = self.arg_values(args[1:8])
        tree = dirs[0] if len(dirs) == 1 else UNKNOWN
        pattern = Val(tree.text.rstrip("/") + "/**/*") if tree.text is not None and DYN not in tree.text else UNKNOWN
        self.finds.append((args[0].start_byte, args[0].end_byte, pattern))

    def condition(self, node: Any, subject: str) -> tuple[list[str], bool] | None:
        """The tests a deletion at *node* runs under that pick entries by their name (`unlink $_ if /\\.orig$/`,
        `if ($f =~ /\\.bak$/) { unlink $f }`): (name wildcards, every test read), ([], True) for a negated name test (as
        good as all), None when no test encloses it."""
        tests: list[tuple[Any, bool]] = []
        child, parent = node, node.parent
        for _ in range(40):
            if parent is None or parent.type in ("anonymous_subroutine_expression", "subroutine_declaration_statement", "source_file"):
                break
            keyword = next((node_text(c) for c in parent.children if not c.is_named), "")
            if parent.type == "postfix_conditional_expression" and parent.named_children and child == parent.named_children[0]:
                tests.append((parent.named_children[-1], keyword == "if"))
            elif parent.type == "conditional_statement" and parent.named_children and child != parent.named_children[0]:
                blocks = [c for c in parent.named_children if c.type == "block"]
                tests.append((parent.named_children[0], bool(blocks) and child == blocks[0] and keyword == "if"))
            child, parent = parent, parent.parent
        if not tests:
            return None
        picks: list[str] = []
        exact = True
        for test, positive in tests:
            regex, negated = None, False
            if test.type == "match_regexp" and subject == "$_":
                regex = node_text(test)
            elif test.type == "binary_expression" and len(test.named_children) == 2 and node_text(test.named_children[0]) == subject:
                op = next((node_text(c) for c in test.children if not c.is_named), "")
                if op in ("=~", "!~") and test.named_children[1].type == "match_regexp":
                    regex, negated = node_text(test.named_children[1]), op == "!~"
            suffix = _regex_suffix(regex) if regex is not None else None
            if suffix is None:
                exact = False
            elif positive != negated:
                picks = ["*" + suffix] if not picks else [p for p in picks if p.endswith(suffix)] or ["*" + suffix]
        return picks, exact

    def count(self, root: Any) -> None:
        for node in walk(root, self.stop):
            if node.type == "assignment_expression":
                for name in _declared(node.child_by_field_name("left")):
                    self.counts[name] = self.counts.get(name, 0) + (1 if node_text(node.child_by_field_name("operator")) == "=" else 2)
            elif node.type in ("for_statement", "foreach_statement", "cstyle_for_statement"):
                for n in walk(node, self.stop):
                    if n.type == "scalar":
                        self.counts[node_text(n)] = 2

    # --- values
    def interpolated(self, node: Any, level: int = 0) -> Val:
        content = node.child_by_field_name("content")
        if content is None:
            return Val("")
        base = content.start_byte
        raw = content.text or b""
        parts: list[str] = []
        secret = None
        pos = 0
        for child in content.children:
            if not child.is_named:
                continue
            parts.append(raw[pos : child.start_byte - base].decode("utf-8", "replace"))
            if child.type == "escape_sequence":
                text = node_text(child)
                parts.append(_ESCAPES.get(text[1:2], text[1:2]) if len(text) == 2 else numeric_escape(text) or DYN)
            else:
                v = self.value(child, level + 1)
                parts.append(v.text if v.text is not None else DYN)
                secret = secret or v.secret
            pos = child.end_byte - base
        parts.append(raw[pos:].decode("utf-8", "replace"))
        return Val("".join(parts), secret=secret)

    def value(self, node: Any, level: int = 0) -> Val:
        if self.spent(node, level):
            return UNKNOWN
        t = node.type
        if t in ("interpolated_string_literal", "command_string"):
            return self.interpolated(node, level)
        if t == "string_literal":
            content = node.child_by_field_name("content")
            return Val(node_text(content).replace("\\\\", "\\").replace("\\'", "'") if content is not None else "")
        if t == "quoted_word_list":
            content = node.child_by_field_name("content")
            return Val(items=[Val(w) for w in node_text(content).split()[:60]])
        if t in ("scalar", "array"):
            name = node_text(node)
            if name in self.bound:
                return self.bound[name]
            return UNKNOWN
        if t == "hash_element_expression":
            h = node.child_by_field_name("hash")
            key = node.child_by_field_name("key")
            if h is not None and node_text(h) == "$ENV":
                k = self.value(key) if key is not None and key.type != "autoquoted_bareword" else Val(node_text(key))
                return env_variable(k.text)
            return UNKNOWN
        if t == "fileglob_expression":
            content = node.child_by_field_name("content")
            return Val(node_text(content)) if content is not None else UNKNOWN
        if t == "autoquoted_bareword":
            return Val(node_text(node))
        if t == "binary_expression":
            op = node.child_by_field_name("operator")
            if op is not None and node_text(op) == ".":
                return concat([self.value(node.child_by_field_name("left"), level + 1), self.value(node.child_by_field_name("right"), level + 1)])
            return UNKNOWN
        if t in ("parenthesized_expression", "list_expression"):
            items = self.items(node, level)
            return items[0] if len(items) == 1 and t == "parenthesized_expression" else Val(items=items)
        if t == "anonymous_array_expression":
            return Val(items=self.items(node, level))
        if t in _CALLS:
            name = self.name(node)
            args = self.args(node)
            if name == "glob" and args:
                return self.value(args[0], level + 1)
            if name in _DECODE:
                self.c.seen_decode = True
                return Val(decoded=True)
            if name in ("catfile", "File::Spec::catfile", "catdir"):
                from .values import join_path

                return join_path([self.value(a, level + 1) for a in args])
            return UNKNOWN
        if t == "method_call_expression":
            if node_text(node.child_by_field_name("method")) == "my_home":
                return Val("~")
            return UNKNOWN
        return UNKNOWN

    def items(self, node: Any, level: int = 0) -> list[Val]:
        out: list[Val] = []
        if level > 40:
            return [UNKNOWN]
        for c in node.named_children[:60]:
            if c.type in ("list_expression", "parenthesized_expression"):
                out += self.items(c, level + 1)
            elif c.type == "array" and node_text(c) not in self.bound:
                out.append(UNKNOWN)
            else:
                v = self.value(c, level + 1)
                if v.items is not None and c.type in ("array", "quoted_word_list"):
                    out += v.items
                else:
                    out.append(v)
        return out

    def deletion(self, node: Any, subject: str, v: Val, api: str) -> None:
        """A deletion of *v*; one of a wildcard's entries under a test of its name deletes what the test picks."""
        text = v.text
        picked = self.condition(node, subject) if text is not None and text.rpartition("/")[2] == "*" else None
        if picked is None or text is None:
            self.c.delete(v, api)
            return
        patterns, exact = picked
        folder = text[:-1]
        for p in patterns or ([] if exact else ["*"]):
            (self.c.delete if exact else self.c.choose)(Val(folder + p), api)
        if not patterns and exact:
            self.c.delete(v, api)  # `unlink $_ unless /\\.keep$/`: all but a few

    def name(self, node: Any) -> str:
        fn = node.child_by_field_name("function")
        name = node_text(fn) if fn is not None else ""
        for prefix in ("CORE::GLOBAL::", "CORE::", "POSIX::"):
            if name.startswith(prefix) and name[len(prefix) :].isidentifier():
                return name[len(prefix) :]  # POSIX::system, CORE::unlink: the builtin itself
        return name

    def args(self, node: Any) -> list[Any]:
        a = node.child_by_field_name("arguments")
        if a is None:
            fn = node.child_by_field_name("function")
            return [c for c in node.named_children if c != fn and c.type not in ("indirect_object", "comment")][:60]
        if a.type in ("list_expression", "parenthesized_expression"):
            out: list[Any] = []
            for c in a.named_children[:60]:
                out += c.named_children if c.type == "list_expression" else [c]
            return out
        return [a]

    def arg_values(self, args: list[Any]) -> list[Val]:
        out: list[Val] = []
        for a in args:
            v = self.value(a)
            if a.type in ("array", "quoted_word_list", "list_expression") and v.items is not None:
                out += v.items
            elif a.type == "array":
                out.append(Val(items=None))
            else:
                out.append(v)
        return out

    # --- effects
    def call(self, node: Any) -> None:
        name = self.name(node)
        if not name:
            return
        args = self.args(node)
        c = self.c
        if name in _DELETE:
            if name == "remove" and "File::Remove" not in self.modules:
                return
            if not args:
                self.deletion(node, "$_", self.found(node, "$_") or UNKNOWN, name)  # unlink with no argument: $_
            for a in args:
                v = self.value(a)
                if a.type == "array" and v.items is None:
                    c.delete(UNKNOWN, name)
                elif a.type not in ("anonymous_hash_expression",):
                    subject = node_text(a) if a.type == "scalar" else ""
                    self.deletion(node, subject, self.found(node, subject) or v, name)
        elif name in ("find", "finddepth", "File::Find::find", "File::Find::finddepth") and "File::Find" in self.modules:
            self.walk_callback(node)
        elif name in _RUN:
            self.run_call(name, args)
        elif name == "open":
            self.open_call(args)
        elif name == "chdir":
            c.chdir(self.value(args[0]) if args else Val("~"))
        elif name in _MOVE:
            vals = self.arg_values(args)
            c.move(vals[0] if vals else UNKNOWN, vals[1] if len(vals) > 1 else UNKNOWN, name)
        elif name in ("symlink", "link"):
            vals = self.arg_values(args)
            # symlink(OLD, NEW): judged as `ln -s OLD NEW`
            c.link(vals[0] if len(vals) > 1 else UNKNOWN, vals[-1] if vals else UNKNOWN, name, name == "symlink")
        elif name in ("mkfifo", "POSIX::mkfifo"):
            # mkfifo(PATH, MODE): a FIFO where a file was (round 13a; a reader of the path waits on it)
            vals = self.arg_values(args)
            c.write(vals[0] if vals else UNKNOWN, name)
        elif name == "chmod" and len(args) > 1:
            # chmod MODE, LIST: judged as `chmod MODE FILE` by the mode set
            vals = self.arg_values(args)
            literal = mode_literal(args[0], vals[0]) if len(vals) == len(args) else None
            for v in vals[1:16]:
                c.mode_change(v, literal, name)
        elif name in _WRITE_LAST:
            vals = self.arg_values(args)
            # truncate(FILE, LENGTH) names its file first (round 14c: its length was read as the file)
            for v in vals[1:] if name in ("chmod", "chown", "utime") else vals[:1] if name == "truncate" else vals[-1:]:
                c.write(v, name)
            if name in ("copy", "File::Copy::copy", "cp") and len(vals) > 1:
                landed = into_folder(vals[0], vals[-1])  # copy(SRC, DIR): DIR/NAME (round 15a)
                if landed is not None:
                    c.write(landed, name)
        elif name == "sysopen" and len(args) > 2:
            # sysopen(FH, PATH, FLAGS): a write unless FLAGS is read-only (O_RDONLY, 0) -- `1|512`, O_WRONLY|O_TRUNC
            # (adversarial round 14c: only open's mode strings were read)
            flags = (args[2].text.decode("utf-8", "replace") if isinstance(args[2].text, bytes) else str(args[2].text)).strip()
            if flags not in ("0", "O_RDONLY", "Fcntl::O_RDONLY"):
                c.write(self.value(args[1]), name)
        elif name in _LWP_SIMPLE and any(m.startswith("LWP::Simple") for m in self.modules):
            c.network(self.value(args[0]) if args else None, "LWP::Simple::" + name)
        elif name in ("socket", "connect", "IO::Socket::INET::new"):
            c.network(None, name)
        elif name.startswith(_NETWORK_MODULES) and _indirect_new(node):
            c.network(None, name)  # new IO::Socket::INET(PeerAddr, "h:p"): `new CLASS(ARGS)`, the indirect-object constructor
        elif name in ("do", "require") and args and args[0].type not in ("bareword", "package", "block"):
            c.load(self.value(args[0]), name)

    def run_call(self, name: str, args: list[Any]) -> None:
        vals = self.arg_values(args)
        if len(vals) == 1:
            v = vals[0]
            if v.items is not None:
                self.c.argv(v.items, name)
            else:
                self.c.command_line(v, name)
        elif vals:
            self.c.argv(vals, name)
        else:
            self.c.command_line(UNKNOWN, name)

    def open_call(self, args: list[Any]) -> None:
        vals = [self.value(a) for a in args[1:]]
        c = self.c
        if not vals:
            return
        mode = vals[0].text
        if node_text(args[0]) in _STD_HANDLES and mode is not None and mode.lstrip("+<> ").startswith("&"):
            source = mode.lstrip("+<> ")[1:].lstrip("=").strip() or (node_text(args[2]) if len(args) > 2 else "")
            if source not in _STD_HANDLES and source.lstrip("\\*") not in _STD_HANDLES:
                c.stdio = True  # open(STDIN, ">&S"), open(STDOUT, ">&", $sock): a standard stream duplicated from another handle
            return  # open(STDOUT, ">&STDERR"): one standard stream onto another
        if len(vals) == 1:
            # Two-argument open: the mode is part of the string ("|cmd", "cmd|", ">file").
            if mode is None:
                c.ask("opens a file or command whose name is computed at run time (open)")
                return
            s = mode.strip()
            if s.startswith("|"):
                c.command_line(Val(s[1:].strip()), "open")
            elif s.endswith("|"):
                c.command_line(Val(s[:-1].strip()), "open")
            elif s.startswith((">", "+<", "+>")):
                c.write(Val(s.lstrip("+>").strip()), "open")
            else:
                c.read(Val(s.lstrip("<").strip()))
            return
        target = vals[1:]
        m = (mode or "").strip()
        if mode is None:
            c.ask("opens a file or command with a mode computed at run time (open)")
        elif m.startswith(("-|", "|-")):
            if len(target) == 1:
                c.command_line(target[0], "open " + m)
            else:
                c.argv(target, "open " + m)
        elif m.split(":", 1)[0] in _WRITE_MODES:
            c.write(target[0], "open")
        else:
            c.read(target[0])

    def sent(self, arg: Any) -> list[Val]:
        """The values a request's arguments carry (its form fields and content: `{k => $ENV{KEY}}`, "…$ENV{KEY}…")."""
        if arg is None:
            return []
        kinds = ("hash_element_expression", "scalar", "interpolated_string_literal", "string_literal")
        return [self.value(n) for k, n in enumerate(walk(arg, self.stop)) if k < 400 and n.type in kinds][:40]

    def substitution(self, node: Any) -> None:
        """s/…/…/e: the replacement is Perl code (the grammar keeps it as text); /ee evaluates its result again."""
        mods = node.child_by_field_name("modifiers")
        flags = node_text(mods) if mods is not None else ""
        if "e" not in flags:
            return
        if flags.count("e") > 1:
            self.c.dynamic("s///ee")
            return
        replacement = next((ch for ch in node.named_children if ch.type == "replacement"), None)
        code = node_text(replacement)
        inner = read(code, self.depth + 1) if code and self.c.may_nest(code, self.depth) else None
        if inner is None or not inner[1]:
            self.c.ask("runs a substitution's replacement as code that clearance cannot read (s///e)")
            return
        self.c.merge(inner[0])

    def run(self, root: Any) -> CodeFacts:
        self.count(root)
        c = self.c
        for node in walk(root, self.stop):
            t = node.type
            if t == "assignment_expression":
                left = node.child_by_field_name("left")
                if left is not None and left.type == "localization_expression" and left.named_children:
                    left = left.named_children[0]  # local $ENV{X} = …
                if left is not None and left.type == "hash_element_expression" and node_text(left.child_by_field_name("hash")) == "$ENV":
                    key = left.child_by_field_name("key")
                    k = Val(node_text(key)) if key is not None and key.type == "autoquoted_bareword" else self.value(key)
                    c.setenv(k.text or "", self.value(node.child_by_field_name("right")))
                names = _declared(node.child_by_field_name("left"))
                if len(names) == 1 and self.counts.get(names[0], 0) == 1:
                    self.bound[names[0]] = self.value(node.child_by_field_name("right"))
            elif t in ("for_statement", "postfix_for_expression"):
                var = node.child_by_field_name("variable")
                over = node.child_by_field_name("list")
                name = node_text(var) if var is not None and var.type == "scalar" else "$_" if var is None else ""
                if name and over is not None:
                    # for my $x (…), and for (…) / EXPR for … without a variable: the topic $_
                    if over.type in _CALLS and self.name(over) == "glob":
                        pattern_args = self.args(over)
                        self.loop(name, self.value(pattern_args[0]) if pattern_args else UNKNOWN, pattern=True)  # for my $f (glob "…")
                    elif over.type == "fileglob_expression":
                        self.loop(name, self.value(over), pattern=True)
                    else:
                        whole = self.value(over) if over.type != "list_expression" else None
                        items = self.items(over) if whole is None else (whole.items if whole.items is not None else [whole])
                        self.loop(name, Val(items=items))  # for my $x (@list): each of the array's items
            elif t == "function" and node.parent is not None and node.parent.type not in _CALLS and node_text(node) in _TOPIC_DELETES:
                for topic in self.alternatives.get("$_") or [self.found(node, "$_") or self.bound.get("$_", UNKNOWN)]:
                    self.deletion(node, "$_", topic, node_text(node))  # `unlink` alone: unlink $_ (each value of a loop's $_)
            elif t in _CALLS:
                self.each(node, self.call, _IDENTS)
            elif t == "command_string":
                c.command_line(self.interpolated(node), "qx")
            elif t == "require_expression" and node.named_children and node.named_children[-1].type not in ("bareword", "package"):
                c.load(self.value(node.named_children[-1]), "require")  # require "/tmp/x.pl", require $file
            elif t == "use_statement":
                module = node.child_by_field_name("module")
                if module is not None:
                    self.modules.add(node_text(module))
                    if node_text(module).startswith(_NETWORK_MODULES):
                        c.facts.network = True
            elif t == "method_call_expression":
                invocant = node.child_by_field_name("invocant")
                method = node.child_by_field_name("method")
                if invocant is not None and method is not None and node_text(method) == "fdopen" and node_text(invocant) in _STD_HANDLES:
                    c.stdio = True  # STDIN->fdopen($socket, r): the standard stream is now the socket
                if method is not None and node_text(method) in _OBJECT_WRITERS:
                    # Archive::Tar->new->write(P), $zip->writeToFileNamed(P), $img->save(P): a file written through an
                    # object's method, given a literal path (fix14b, round 14a's open item)
                    arg = node.child_by_field_name("arguments")
                    first = arg.named_children[0] if arg is not None and arg.type == "list_expression" and arg.named_children else arg
                    target = self.value(first) if first is not None else None
                    if target is not None and target.text is not None and ("/" in target.text or "." in target.text.lstrip(".")):
                        c.write(target, node_text(method))
                if invocant is not None and invocant.type in ("bareword", "package") and node_text(invocant).startswith(_NETWORK_MODULES):
                    arg = node.child_by_field_name("arguments")
                    url = self.value(arg.named_children[0] if arg is not None and arg.type == "list_expression" and arg.named_children else arg)
                    c.network(url, node_text(invocant), self.sent(arg))
                elif invocant is not None and invocant.type == "method_call_expression":
                    inner = invocant.child_by_field_name("invocant")
                    if inner is not None and inner.type in ("bareword", "package") and node_text(inner).startswith(_NETWORK_MODULES):
                        arg = node.child_by_field_name("arguments")
                        url = self.value(arg.named_children[0] if arg is not None and arg.type == "list_expression" and arg.named_children else arg)
                        c.network(url, node_text(inner), self.sent(arg))
            elif t == "eval_expression":
                body = node.named_children[0] if node.named_children else None
                if body is None:
                    c.dynamic("eval")  # eval with no argument: $_
                elif body.type != "block":
                    v = self.value(body)
                    if v.text is not None and DYN not in v.text and self.c.may_nest(v.text, self.depth):
                        inner = read(v.text, self.depth + 1)
                        if inner is not None and inner[1]:
                            c.merge(inner[0])
                            continue
                    c.dynamic("eval")
            elif t == "substitution_regexp":
                self.substitution(node)
            elif t == "hash" and node_text(node) == "%ENV":
                c.env_dump()
        return c.finish()


def _regex_suffix(regex: str) -> str | None:
    """The literal end a name must have for `/\\.orig$/` to match it (".orig"); None for any other regex."""
    if len(regex) < 4 or regex[0] != "/" or regex[-1] != "/" or regex[-2] != "$":
        return None
    out: list[str] = []
    body = regex[1:-2]
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body) and body[i + 1] in ".-_~+":
            out.append(body[i + 1])
            i += 2
            continue
        if ch in ".^$*+?()[]{}|\\/" or not ch.isprintable():
            return None
        out.append(ch)
        i += 1
    return "".join(out) or None


_IDENTS = frozenset({"scalar"})
_TOPIC_DELETES = frozenset({"unlink", "rmdir"})
_STD_HANDLES = frozenset({"STDIN", "STDOUT", "STDERR", "*STDIN", "*STDOUT", "*STDERR", "\\*STDIN", "\\*STDOUT", "\\*STDERR"})


def _indirect_new(node: Any) -> bool:
    """Whether the call *node* (`CLASS(ARGS)`) is the object of `new`: Perl's indirect-object constructor."""
    parent = node.parent
    if parent is None or parent.type != "ambiguous_function_call_expression":
        return False
    fn = parent.child_by_field_name("function")
    return fn is not None and node_text(fn) == "new"


def _declared(left: Any) -> list[str]:
    if left is None:
        return []
    if left.type in ("scalar", "array"):
        return [node_text(left)]
    if left.type == "variable_declaration":
        return [node_text(n) for n in left.named_children if n.type in ("scalar", "array")]
    return []


def read(code: str, depth: int = 0) -> tuple[CodeFacts, bool] | None:
    """(facts, clean) for Perl *code*; None when it was not parsed."""
    from . import tsload

    root = tsload.parse("perl", code)
    if root is None:
        return None
    return _Reader(depth).read(root), not root.has_error
