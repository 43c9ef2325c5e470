"""Ruby read through tree-sitter: what a ``ruby -e`` one-liner or a project script does.

Calls are named by their receiver and method (``FileUtils.rm_rf``, ``Open3.capture2``, a bare
``system``); names assigned once keep their value (``d = Dir.home; FileUtils.rm_rf(d)``), strings
are read with their interpolations (``"#{Dir.home}/x"`` is ``~/x``), ``send``/``public_send`` with a
literal symbol is the call it names, and with a computed one is code chosen at run time.
"""

from __future__ import annotations

from ..lazyre import lazy
from ..paths import DYN
from .values import UNKNOWN, TreeReader, Val, concat, env_prefix, env_variable, into_folder, join_path, mode_literal, node_text, numeric_escape, walk

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..shell.interp import CodeFacts

_FILEUTILS_DELETE = frozenset(
    {"rm_rf", "rm_r", "rm", "rm_f", "remove_dir", "remove_entry", "remove_entry_secure", "rmtree", "remove", "remove_file", "rmdir", "safe_unlink"}
)
_DELETE = frozenset(
    {f"FileUtils.{m}" for m in _FILEUTILS_DELETE}
    | {"File.delete", "File.unlink", "Dir.rmdir", "Dir.delete", "Dir.unlink", "Pathname.rmtree", "Pathname.delete", "Pathname.unlink", "Pathname.rmdir"}
)
_WRITE_FIRST = frozenset({"File.write", "IO.write", "File.binwrite", "IO.binwrite", "Pathname.write", "Pathname.binwrite", "File.truncate", "File.mkfifo"})
# Openers that write the file a literal first argument names (adversarial round 14a: Logger.new appends, GzipWriter and
# CSV-less archive writers truncate); given an IO object instead they open no file.
_WRITE_FIRST_PATH = frozenset({"Logger.new", "Zlib::GzipWriter.open", "Zlib::GzipWriter.new", "ActiveSupport::Logger.new"})
_WRITE_SECOND = frozenset(
    {
        "FileUtils.cp",
        "FileUtils.copy",
        "FileUtils.cp_r",
        "FileUtils.install",
        "FileUtils.ln",
        "FileUtils.ln_s",
        "FileUtils.ln_sf",
        "File.symlink",
        "File.link",
        "FileUtils.copy_file",
        "FileUtils.chmod",
        "FileUtils.chmod_R",
        "File.chmod",
        "FileUtils.chown",
        "FileUtils.chown_R",
        "File.chown",
    }
)
_LINKS = frozenset({"FileUtils.ln", "FileUtils.ln_s", "FileUtils.ln_sf", "File.symlink", "File.link"})
_MOVE = frozenset({"FileUtils.mv", "FileUtils.move", "File.rename"})
_READ = frozenset({"File.read", "IO.read", "File.readlines", "IO.readlines", "File.binread", "File.foreach", "IO.foreach", "Pathname.read"})
_OPEN = frozenset({"File.open", "File.new", "open", "Kernel.open", "IO.open", "Pathname.open"})
# system/exec/spawn: one string is a command line a shell reads; several words are an argv.
_RUN = frozenset(
    {
        "system",
        "exec",
        "spawn",
        "Kernel.system",
        "Kernel.exec",
        "Kernel.spawn",
        "Process.spawn",
        "Process.exec",
        "IO.popen",
        "Open3.popen3",
        "Open3.popen2",
        "Open3.popen2e",
        "Open3.capture2",
        "Open3.capture2e",
        "Open3.capture3",
        "Open3.pipeline",
        "Open3.pipeline_r",
        "Open3.pipeline_w",
        "Open3.pipeline_rw",
        "PTY.spawn",
        "Kernel.`",
    }
)
_KERNEL_RUN = frozenset({"`", "system", "exec", "spawn"})
_NETWORK_RECEIVERS = (
    "Net::HTTP",
    "Net::FTP",
    "Net::SMTP",
    "TCPSocket",
    "TCPServer",
    "UDPSocket",
    "UNIXSocket",
    "UNIXServer",
    "Socket",
    "Faraday",
    "HTTParty",
    "RestClient",
    "HTTP",
    "Excon",
    "Typhoeus",
    "URI",
    "WebSocket",
)
_EVAL = frozenset(
    {
        "eval",
        "Kernel.eval",
        "instance_eval",
        "class_eval",
        "module_eval",
        "binding.eval",
        "instance_exec",
        "class_exec",
        "RubyVM::InstructionSequence.compile",
        "load",
        "Kernel.load",
    }
)
# A method object (`method(:system)`, `instance_method(:system).bind(o)`), its sym prefixed by _METHOD_REF: the calls
# that make one, keep it, and invoke it (`m.call(x)`, `m.(x)`, `m[x]`, `m.yield(x)`, `m === x`).
_METHOD_REF = "&"
_METHOD_OBJECTS = frozenset({"method", "public_method", "instance_method", "public_instance_method", "singleton_method"})
_METHOD_KEEPS = frozenset({"bind", "to_proc", "unbind", "curry", "owner_method"})
_METHOD_CALLS = frozenset({"call", "", "()", "yield", "===", "bind_call"})
_SEND = frozenset({"send", "public_send", "__send__", "const_get"})
_DECODE = frozenset(
    {
        "Base64.decode64",
        "Base64.strict_decode64",
        "Base64.urlsafe_decode64",
        "Zlib.inflate",
        "Zlib::Inflate.inflate",
        "Zlib.gunzip",
        "unpack",
        "unpack1",
        "pack",
    }
)
_ENV_SAFE = frozenset({"[]", "fetch", "key?", "has_key?", "include?", "member?", "[]=", "store", "delete"})
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "e": "\x1b", "s": " "}


# Pathname's methods that delete the path they are called on (and take no argument).
_PATH_DELETERS = frozenset({"rmtree", "delete", "unlink", "rmdir"})
_ITERATORS = frozenset({"each", "each_entry", "map", "collect", "select", "filter", "reject", "each_with_index", "flat_map"})
_IDENTS = frozenset({"identifier"})
_SOCKET_MAKERS = frozenset({"TCPSocket.new", "TCPSocket.open", "Socket.tcp", "Socket.new", "UNIXSocket.new", "OpenSSL::SSL::SSLSocket.new"})
_PRINTF = lazy(r"%[-+ 0#]*\d*(?:\.\d+)?[sdifxXoeEgGcbp]")


class _Reader(TreeReader):
    __slots__ = ()

    def __init__(self, depth: int) -> None:
        super().__init__("ruby", depth)

    def count(self, root: Any) -> None:
        for node in walk(root, self.stop):
            if node.type in ("assignment", "operator_assignment"):
                left = node.child_by_field_name("left")
                if left is not None and left.type == "identifier":
                    name = node_text(left)
                    self.counts[name] = self.counts.get(name, 0) + (1 if node.type == "assignment" else 2)
            elif node.type in ("block_parameters", "method_parameters", "lambda_parameters", "for"):
                for n in walk(node, self.stop):
                    if n.type == "identifier":
                        self.counts[node_text(n)] = 2

    # --- values
    def string(self, node: Any, level: int = 0) -> Val:
        parts: list[str] = []
        secret = None
        single = node_text(node)[:1] == "'"
        for child in node.children:
            t = child.type
            if t == "string_content":
                text = node_text(child)
                parts.append(text.replace("\\\\", "\\").replace("\\'", "'") if single else text)
            elif t == "escape_sequence":
                raw = node_text(child)
                parts.append(_ESCAPES.get(raw[1:2], raw[1:2]) if len(raw) == 2 else numeric_escape(raw) or DYN)
            elif t == "interpolation":
                inner = child.named_children[-1] if child.named_children else None
                v = self.value(inner, level + 1) if inner is not None else UNKNOWN
                parts.append(v.text if v.text is not None else DYN)
                secret = secret or v.secret
        text = "".join(parts)
        # (a `~` the literal itself starts with: Ruby's File and FileUtils do not expand it, File.expand_path does)
        return Val(text, secret=secret, tilde=node.type == "string" and text.startswith("~") and node_text(node)[1:2] == "~")

    def value(self, node: Any, level: int = 0) -> Val:
        if self.spent(node, level):
            return UNKNOWN
        t = node.type
        if t in ("string", "subshell"):
            return self.string(node, level)
        if t == "simple_symbol":
            return Val(node_text(node)[1:])
        if t == "splat_argument" and node.named_children:
            return self.value(node.named_children[0], level + 1)  # File.unlink(*Dir.glob(p)): the files p names
        if t in ("string_array", "symbol_array"):
            return Val(items=[Val(node_text(c)) for c in node.named_children[:60]])
        if t == "identifier":
            name = node_text(node)
            if name in self.bound:
                return self.bound[name]
            if name == "__dir__":
                return Val(".")
            return UNKNOWN
        if t == "constant":
            name = node_text(node)
            if name in self.bound:
                return self.bound[name]
            return Val(sym=name, env=name == "ENV")
        if t == "scope_resolution":
            return Val(sym=node_text(node).lstrip(":"))
        if t in ("parenthesized_statements", "begin_block"):
            inner = node.named_children[-1] if node.named_children else None
            return self.value(inner, level + 1)
        if t == "binary":
            op = node.child_by_field_name("operator")
            if op is not None and node_text(op) == "+":
                return concat([self.value(node.child_by_field_name("left"), level + 1), self.value(node.child_by_field_name("right"), level + 1)])
            return UNKNOWN
        if t == "element_reference":
            obj = self.value(node.child_by_field_name("object"), level + 1)
            index = [c for c in node.named_children[1:]]
            if obj.env and index:
                key = self.value(index[0], level + 1)
                return env_variable(key.text)
            if index and node_text(node.child_by_field_name("object")) == "Dir":
                # Dir["p"]: the files p matches, named by the pattern -- read as Dir.glob's (a `~` is home: round 16f)
                pattern = self.value(index[0], level + 1)
                return Val(pattern.text, secret=pattern.secret) if pattern.tilde else pattern
            return UNKNOWN
        if t == "array":
            return Val(items=[UNKNOWN if c.type == "splat_argument" else self.value(c, level + 1) for c in node.named_children[:60]])
        if t == "hash":
            keys: dict[str, Val] = {}
            for c in node.named_children[:60]:
                if c.type == "pair":
                    k = self.value(c.child_by_field_name("key"), level + 1)
                    name = k.text if k.text is not None else node_text(c.child_by_field_name("key")).rstrip(":")
                    keys[name] = self.value(c.child_by_field_name("value"), level + 1)
            return Val(obj=keys)
        if t == "hash_key_symbol":
            return Val(node_text(node))
        if t == "call":
            return self.call_value(node, level)
        return UNKNOWN

    def name_of(self, node: Any, level: int = 0) -> tuple[str | None, Val]:
        """The call's name (``FileUtils.rm_rf``, ``system``) and its receiver's value."""
        method = node.child_by_field_name("method")
        receiver = node.child_by_field_name("receiver")
        m = node_text(method) if method is not None else ""
        if receiver is None:
            if m in _FILEUTILS_DELETE - {"rm", "remove", "rmdir"}:
                return "FileUtils." + m, UNKNOWN  # include FileUtils; rm_rf x
            return m, UNKNOWN
        r = self.value(receiver, level + 1)
        if r.sym is not None:
            return r.sym + "." + m, r
        if (receiver.type == "call" and node_text(receiver.child_by_field_name("method")) in ("new", "Pathname")) or (
            receiver.type == "call" and receiver.child_by_field_name("receiver") is None and node_text(receiver.child_by_field_name("method")) == "Pathname"
        ):
            return "Pathname." + m, r
        return m, r

    def args(self, node: Any) -> list[Any]:
        args = node.child_by_field_name("arguments")
        if args is None:
            return []
        return [a for a in args.named_children if a.type not in ("comment", "block_argument")][:60]

    def call_value(self, node: Any, level: int) -> Val:
        name, recv = self.name_of(node, level)
        args = self.args(node)
        method = name.rsplit(".", 1)[-1] if name else ""
        if method in _METHOD_OBJECTS and args:
            # method(:system), Kernel.instance_method(:system): a method object, invoked later by .call / .() / [].
            target = self.value(args[0], level + 1).text
            if target is not None and DYN not in target and target.isascii():
                owner = recv.sym if recv.sym and not recv.sym.startswith(_METHOD_REF) else ""
                return Val(sym=_METHOD_REF + (owner + "." if owner else "") + target.lstrip(":"))
        if recv.sym and recv.sym.startswith(_METHOD_REF) and method in _METHOD_KEEPS:
            return recv  # .bind(obj), .to_proc, .unbind, .curry: the same method
        vals = (
            [self.value(a, level + 1) for a in args[:8]]
            if name in ("File.join", "File.expand_path", "Pathname.new", "Pathname", "URI", "URI.parse", "String")
            else []
        )
        if name in ("Dir.glob", "Dir.[]") and args:
            pattern = self.value(args[0], level + 1)  # the files a pattern matches, named by the pattern (as PHP's glob())
            return Val(pattern.text, secret=pattern.secret) if pattern.tilde else pattern  # (read as home: not assumed unexpanded)
        if name in _SOCKET_MAKERS:
            return Val(sym="socket")  # a connected socket: as a child's in:/out:/err: or $stdin reopened, its standard stream
        if name in ("sprintf", "format", "Kernel.sprintf", "Kernel.format") and args:
            fmt = self.value(args[0], level + 1)
            if fmt.text is not None:
                return Val(_PRINTF.compiled.sub(DYN, fmt.text.replace("%%", "\x01")).replace("\x01", "%"))  # the fields are run-time values
        if name in ("Dir.home", "Etc.getpwuid.dir", "Gem.user_home"):
            return Val("~")
        if name in ("Dir.pwd", "Dir.getwd"):
            return Val(".")
        if name in ("Dir.tmpdir", "Dir.mktmpdir"):
            return Val("/tmp/" + DYN)
        if name == "File.join":
            return join_path(vals)
        if name == "File.expand_path":
            if vals and vals[0].text is not None and vals[0].text.startswith("~"):
                return Val(vals[0].text, secret=vals[0].secret)  # the home folder's path: expanded
            got = join_path(list(reversed(vals))) if len(vals) > 1 else (vals[0] if vals else UNKNOWN)
            # a `~` the folder argument starts with is expanded too (File.expand_path('.ssh', '~'): round 16f)
            return Val(got.text, secret=got.secret) if got.tilde else got
        if method == "expand_path" and recv.text is not None:
            return Val(recv.text, secret=recv.secret)  # Pathname#expand_path: a `~` it starts with is home (round 16f)
        if name in ("Pathname.new", "Pathname", "URI", "URI.parse", "String"):
            return vals[0] if vals else UNKNOWN
        if name in ("ENV.fetch",) and args:
            return env_variable(self.value(args[0], level + 1).text)
        method = name.rsplit(".", 1)[-1] if name else ""
        if name in _DECODE or method in ("decode64", "strict_decode64", "unpack", "unpack1", "inflate"):
            self.c.seen_decode = True
            return Val(decoded=True)
        if method in ("to_s", "strip", "chomp", "to_str", "freeze", "dup") and recv is not UNKNOWN:
            return Val(recv.text) if recv.text is not None else Val(decoded=recv.decoded)
        if method in ("to_s", "strip", "chomp", "freeze", "dup"):
            receiver = node.child_by_field_name("receiver")
            r = self.value(receiver, level + 1)
            return Val(r.text) if r.text is not None else Val(decoded=r.decoded)
        if name == "join" or method == "join":
            receiver = node.child_by_field_name("receiver")
            r = self.value(receiver, level + 1)
            sep = self.value(args[0], level + 1).text if args else ""
            if r.items is not None and sep is not None:
                return concat([p for i, x in enumerate(r.items) for p in ((Val(sep), x) if i else (x,))]) if r.items else Val("")
        if name in ("to_h", "to_a", "to_hash", "inspect") or (recv.env and method in ("to_h", "to_a", "to_hash", "inspect", "dup", "clone", "map", "select")):
            return Val(env=True) if recv.env else UNKNOWN
        return UNKNOWN

    # --- effects
    def call(self, node: Any) -> None:
        name, recv = self.name_of(node)
        if not name:
            return
        self.effect(node, name, recv, self.args(node))

    def effect(self, node: Any, name: str, recv: Val, args: list[Any]) -> None:
        """What a call of *name* on *recv* with *args* does (*node*: the call, or the `m[…]` invoking a method object)."""
        c = self.c
        method = name.rsplit(".", 1)[-1]
        if method in _METHOD_OBJECTS:
            # Making a method object calls nothing: its invocation is read where it is called; one named at run time
            # (`method(params[:m])`) may be any method, as `send(x)` may.
            target = self.value(args[0]).text if args else None
            if target is None or DYN in target:
                c.dynamic(name)
            return
        if recv.sym and recv.sym.startswith(_METHOD_REF):
            if method not in _METHOD_CALLS:
                return
            name = recv.sym[len(_METHOD_REF) :]  # Kernel.method(:system).call(CMD) is Kernel.system(CMD)
            recv = UNKNOWN
            method = name.rsplit(".", 1)[-1]
        if method in _SEND and args:
            first = self.value(args[0])
            if first.text is None or DYN in first.text:
                c.dynamic(name)
                return
            name = (name.rsplit(".", 1)[0] + "." if "." in name else "") + first.text
            if not (recv.sym or "") and "." not in name:
                name = first.text
            args = args[1:]
            method = first.text
            if method in _KERNEL_RUN and name not in _RUN:
                # send reaches Kernel's private methods on any object (Kernel is in every object's ancestry):
                # Object.send(:`, CMD), "".send(:system, CMD), self.__send__(:exec, CMD) are Kernel's.
                name = "Kernel." + method
        first = self.value(args[0]) if args else UNKNOWN
        if method == name and method in _PATH_DELETERS and not args and recv.text is not None and recv.sym is None:
            c.delete(recv, "Pathname." + method)  # c.rmtree on a path a loop binds (Pathname(d).children.each { |c| … })
        elif name in _DELETE:
            for a in args:
                if a.type in ("pair", "hash"):
                    continue  # FileUtils.rm_rf(x, secure: true)
                c.delete(self.value(a), name)
            if name.startswith("Pathname."):
                receiver = node.child_by_field_name("receiver")
                inner = self.args(receiver) if receiver is not None and receiver.type == "call" else []
                c.delete(self.value(inner[0]) if inner else UNKNOWN, name)
        elif name in _WRITE_FIRST:
            c.write(first, name)
        elif name in _WRITE_FIRST_PATH and first.text is not None:
            c.write(first, name)  # Logger.new(PATH) appends to PATH; Logger.new(STDOUT) is no file
        elif name in ("File.chmod", "FileUtils.chmod", "FileUtils.chmod_R", "File.lchmod") and len([a for a in args if a.type not in ("pair", "hash")]) > 1:
            # File.chmod(0777, *files), FileUtils.chmod('u+x', list): judged as `chmod MODE FILE` by the mode set
            given = [a for a in args if a.type not in ("pair", "hash")]
            literal = mode_literal(given[0], self.value(given[0]))
            for a in given[1:16]:
                c.mode_change(self.value(a), literal, name, name.endswith("_R"))
        elif name in _WRITE_SECOND:
            given = [a for a in args if a.type not in ("pair", "hash")]  # FileUtils.ln_s(a, b, force: true)
            dest = self.value(given[-1]) if len(given) > 1 else UNKNOWN
            if name in _LINKS:
                # File.symlink(OLD, NEW), FileUtils.ln_s(SRC, DEST): judged as `ln -s SRC DEST` (each of a list of sources)
                for source in (first.items or [first])[:16] if len(given) > 1 else [UNKNOWN]:
                    c.link(source, dest, name, name not in ("File.link", "FileUtils.ln"))
            else:
                c.write(dest, name)
                if name in ("FileUtils.cp", "FileUtils.copy", "FileUtils.install", "FileUtils.cp_r") and len(given) > 1:
                    landed = into_folder(first, dest)  # FileUtils.cp(SRC, DIR): DIR/NAME (round 15a)
                    if landed is not None:
                        c.write(landed, name)
        elif name in _MOVE:
            c.move(first, self.value(args[1]) if len(args) > 1 else UNKNOWN, name)
        elif name in _OPEN:
            if first.text is not None and first.text.startswith("|"):
                c.command_line(Val(first.text[1:]), name)  # open("|cmd"): a pipe to a command
                return
            if first.text is not None and "://" in first.text:
                c.network(first, name)  # open-uri
                return
            mode = self.value(args[1]) if len(args) > 1 else Val("r")
            if mode.text is None or any(ch in mode.text for ch in "wa+"):
                c.write(first, name)
            else:
                c.read(first)
        elif name in _READ:
            c.read(first)
        elif name in _RUN:
            self.run_call(name, args)
        elif name == "Dir.chdir":
            c.chdir(first if args else Val("~"))
        elif name in ("require", "Kernel.require") and args and first.text is not None and first.text.startswith("/"):
            c.load(first, name)  # require "/tmp/x.rb": a file outside the project (a name or computed path is Ruby's own)
        elif name.startswith(_NETWORK_RECEIVERS) and name not in ("URI.parse", "URI.join", "URI.encode_www_form", "URI.decode_www_form"):
            url = next((v for v in (self.value(a) for a in args[:2]) if v.text is not None and "://" in v.text), None)
            c.network(url or first, name, [self.value(a.child_by_field_name("value") if a.type == "pair" else a) for a in args[:6]])
        elif name in _EVAL or method in ("instance_eval", "class_eval", "module_eval"):
            if not args:
                return  # instance_eval { block }: code, not a string
            if first.text is not None and DYN not in first.text and method == "eval" and self.c.may_nest(first.text, self.depth):
                nested = read(first.text, self.depth + 1)
                if nested is not None and nested[1]:
                    c.merge(nested[0])
                    return
            c.dynamic(name)
        if method == "reopen" and args and first.sym == "socket":
            receiver = node.child_by_field_name("receiver")
            if receiver is not None and node_text(receiver) in ("STDIN", "STDOUT", "STDERR", "$stdin", "$stdout", "$stderr"):
                c.stdio = True  # $stdin.reopen(socket)
        if recv.env and method not in _ENV_SAFE:
            c.env_dump()

    def block_loop(self, node: Any) -> None:
        """list.each { |x| … } (each, map, select…), Dir.glob(p).each / Dir[p].each, Pathname(d).children.each: the
        block's first parameter is each element, or each file the pattern matches; `.each(&:rmtree)` calls the method
        the symbol names on each (round 16: Pathname(Dir.home).children.each(&:rmtree) was allowed)."""
        block = node.child_by_field_name("block")
        method = node_text(node.child_by_field_name("method"))
        receiver = node.child_by_field_name("receiver")
        if method == "each_child" and receiver is not None:
            # Pathname(d).each_child { |c| … }: each entry of d, as a path
            base = self.value(receiver)
            receiver_name = self.name_of(node)[0] or ""
            entries = Val(base.text.rstrip("/") + "/*") if receiver_name.startswith("Pathname.") and base.text is not None else None
        else:
            entries = self.entries(receiver) if receiver is not None else None
        if block is None and method in _ITERATORS and receiver is not None:
            self.symbol_block(node, entries if entries is not None else self.globbed(receiver))
            return
        if block is None or (method not in _ITERATORS and entries is None):
            return
        params = block.child_by_field_name("parameters")
        first = next((c for c in params.named_children if c.type == "identifier"), None) if params is not None else None
        if first is None or receiver is None:
            return
        if entries is not None:
            self.loop(node_text(first), entries, pattern=True)
            return
        globbed = self.globbed(receiver)
        if globbed is not None:
            self.loop(node_text(first), globbed, pattern=True)
        else:
            self.loop(node_text(first), self.value(receiver))

    def globbed(self, receiver: Any) -> Val | None:
        """The pattern of Dir.glob(p) / Dir[p] / Pathname(d).children (d/*), whose files a loop over it takes."""
        if receiver.type == "call" and self.name_of(receiver)[0] in ("Dir.glob", "Dir.[]"):
            inner = self.args(receiver)
            return self.value(inner[0]) if inner else UNKNOWN
        if receiver.type == "element_reference" and node_text(receiver.child_by_field_name("object")) == "Dir":
            index = receiver.named_children[1:]
            return self.value(index[0]) if index else UNKNOWN
        return self.entries(receiver)

    def entries(self, receiver: Any) -> Val | None:
        """Pathname(d).children / .entries: the entries of d, as paths (d/*)."""
        if receiver.type != "call" or node_text(receiver.child_by_field_name("method")) not in ("children", "entries"):
            return None
        name = self.name_of(receiver)[0] or ""
        inner = receiver.child_by_field_name("receiver")
        if not name.startswith("Pathname.") or inner is None:
            return None
        base = self.value(inner)
        return Val(base.text.rstrip("/") + "/*") if base.text is not None else UNKNOWN

    def symbol_block(self, node: Any, over: Val | None) -> None:
        """list.each(&:rmtree): the method the symbol names, called on each element (a deletion of each path)."""
        args = node.child_by_field_name("arguments")
        for a in args.named_children if args is not None else []:
            if a.type != "block_argument" or not a.named_children or a.named_children[0].type != "simple_symbol":
                continue
            method = node_text(a.named_children[0])[1:]
            if method in _PATH_DELETERS:
                self.c.delete(over if over is not None else UNKNOWN, "Pathname." + method)

    def run_call(self, name: str, args: list[Any]) -> None:
        for a in args:
            for pair in [a] if a.type == "pair" else a.named_children if a.type == "hash" else []:
                if pair.type == "pair" and self.value(pair.child_by_field_name("value")).sym == "socket":
                    self.c.stdio = True  # exec("/bin/sh", in: s, out: s, err: s): the child's streams are the socket
        words = [a for a in args if a.type not in ("pair", "hash")]
        vals = [self.value(a) for a in words]
        env = env_prefix(self.value(args[0]).obj) if args and args[0].type == "hash" else ""
        if vals and vals[0].obj is not None:
            env = env_prefix(vals[0].obj)
            vals = vals[1:]  # system({"VAR" => "x"}, "cmd"): the environment first, part of the command
        if any(a.type == "splat_argument" for a in words):
            self.c.command_line(UNKNOWN, name)
            return
        if len(vals) == 1:
            v = vals[0]
            if v.items is not None:
                self.c.argv(v.items, name, env)  # IO.popen(["rm", "-rf", x])
            else:
                self.c.command_line(v, name, env)
        elif vals:
            self.c.argv(vals, name, env)
        else:
            self.c.command_line(UNKNOWN, name)

    def env_use(self, node: Any) -> None:
        """ENV used as a whole -- not where its parent reads one variable (``ENV["X"]``), calls a
        method on it (judged with the method), or binds it (marked in ``safe``)."""
        if (node.start_byte, node.end_byte) not in self.safe:
            self.c.env_dump()

    def run(self, root: Any) -> CodeFacts:
        self.count(root)
        for node in walk(root, self.stop):
            t = node.type
            field = _MARKS.get(t)
            if field is not None:
                child = node.child_by_field_name(field)
                if child is not None:
                    self.safe.add((child.start_byte, child.end_byte))
            if t == "for":
                pattern = node.child_by_field_name("pattern")
                source = node.child_by_field_name("value")
                if pattern is not None and pattern.type == "identifier" and source is not None and source.named_children:
                    self.loop(node_text(pattern), self.value(source.named_children[0]))  # for x in [...]
            if t == "assignment":
                left = node.child_by_field_name("left")
                if (
                    left is not None
                    and left.type == "element_reference"
                    and node_text(left.child_by_field_name("object")) == "ENV"
                    and len(left.named_children) > 1
                ):
                    # ENV["X"] = v: the commands the code runs inherit it
                    self.c.setenv(self.value(left.named_children[1]).text or "", self.value(node.child_by_field_name("right")))
                if left is not None and left.type in ("identifier", "constant") and self.counts.get(node_text(left), 1) == 1:
                    self.bound[node_text(left)] = self.value(node.child_by_field_name("right"))
            elif t == "call":
                self.block_loop(node)
                self.each(node, self.call, _IDENTS)
            elif t == "element_reference" and node.named_children:
                target = self.value(node.named_children[0])
                if target.sym and target.sym.startswith(_METHOD_REF):
                    self.effect(node, target.sym[len(_METHOD_REF) :], UNKNOWN, node.named_children[1:61])  # m[CMD]: m.call(CMD)
            elif t == "subshell":
                self.c.command_line(self.string(node), "`…`")
            elif t == "constant" and node_text(node) == "ENV":
                self.env_use(node)
        return self.c.finish()


_MARKS = {"element_reference": "object", "call": "receiver", "assignment": "right"}


def read(code: str, depth: int = 0) -> tuple[CodeFacts, bool] | None:
    """(facts, clean) for Ruby *code*; None when it was not parsed."""
    from . import tsload

    root = tsload.parse("ruby", code)
    if root is None:
        return None
    return _Reader(depth).read(root), not root.has_error
