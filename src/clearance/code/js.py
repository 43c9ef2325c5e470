"""JavaScript and TypeScript read through tree-sitter: what a ``node -e`` one-liner or a project
script does, with require/import aliases and values carried through ``const``/``let`` bindings.

Names bound once (``const``, ``let``, ``var``, destructuring, ``import``) keep their value; a name
assigned again keeps none.  Calls are resolved to the module member they reach
(``const {execSync: x} = require('child_process'); x(...)`` is ``child_process.execSync``) and
looked up in the tables below.
"""

from __future__ import annotations

from ..paths import DYN
from .values import UNKNOWN, TreeReader, Val, concat, env_prefix, env_variable, join_path, mode_literal, node_text, secret_of, walk

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..shell.interp import CodeFacts

# Module names as imported -> the name the tables use.
_MODULES = {
    "fs/promises": "fs",
    "fs-extra": "fs",
    "graceful-fs": "fs",
    "child_process": "child_process",
    "cross-spawn": "cross-spawn",
    "https": "http",
    "node-fetch": "fetch",
    "undici": "undici",
}

_DELETE = frozenset(
    {
        "fs.rm",
        "fs.rmSync",
        "fs.unlink",
        "fs.unlinkSync",
        "fs.rmdir",
        "fs.rmdirSync",
        "fs.remove",
        "fs.removeSync",
        "fs.emptyDir",
        "fs.emptyDirSync",
        "rimraf",
        "rimraf.sync",
        "rimraf.rimraf",
        "rimraf.rimrafSync",
        "del",
        "del.deleteAsync",
        "del.deleteSync",
        "Deno.remove",
        "Deno.removeSync",
        "shelljs.rm",
    }
)
# Calls that write (or change) the file named by their first argument.
_WRITE_FIRST = frozenset(
    {
        "fs.writeFile",
        "fs.writeFileSync",
        "fs.appendFile",
        "fs.appendFileSync",
        "fs.createWriteStream",
        "fs.chmod",
        "fs.chmodSync",
        "fs.chown",
        "fs.chownSync",
        "fs.truncate",
        "fs.truncateSync",
        "fs.outputFile",
        "fs.outputFileSync",
        "fs.outputJson",
        "fs.writeJson",
        "fs.writeJsonSync",
        # fs-extra's other writers of the file they name (fix16, round 15a; their Sync forms by _synced)
        "fs.outputJSON",
        "fs.writeJSON",
        "fs.ensureFile",
        "fs.createFile",
        "Deno.writeTextFile",
        "Deno.writeTextFileSync",
        "Deno.writeFile",
        "Deno.writeFileSync",
        "Deno.chmod",
        # Deno's other calls that change or create the file they name (adversarial round 14c: a list extension)
        "Deno.chmodSync",
        "Deno.chown",
        "Deno.chownSync",
        "Deno.truncate",
        "Deno.truncateSync",
        "Deno.create",
        "Deno.createSync",
        "Bun.write",
    }
)
# Calls that write the path named by their second argument (a copy, a link, a move's destination).
_WRITE_SECOND = frozenset(
    {
        "fs.copyFile",
        "fs.copyFileSync",
        "fs.cp",
        "fs.cpSync",
        "fs.copy",
        "fs.copySync",
        "fs.symlink",
        "fs.symlinkSync",
        # fs-extra's ensureSymlink(SRC, DEST), ensureLink(SRC, DEST); shelljs' cp and ln ([OPTIONS,] SRC, DEST)
        "fs.ensureSymlink",
        "fs.ensureLink",
        "fs.createSymlink",
        "fs.createLink",
        "shelljs.cp",
        "shelljs.ln",
        "fs.link",
        "fs.linkSync",
        "Deno.copyFile",
        "Deno.symlink",
        # their synchronous forms, as Node's are listed (round 13a)
        "Deno.copyFileSync",
        "Deno.symlinkSync",
        "Deno.link",
        "Deno.linkSync",
    }
)
# A move: its source is gone and its destination written.
_MOVE = frozenset({"fs.rename", "fs.renameSync", "fs.move", "fs.moveSync", "Deno.rename", "Deno.renameSync", "shelljs.mv"})


def _synced(sym: str) -> str:
    """A synchronous form read as the call it is the form of (`fs.outputJsonSync` is `fs.outputJson`, fs-extra's and
    Deno's naming), where only the other one is listed (fix16)."""
    if sym.endswith("Sync") and sym[:-4] in _CALL_TABLES and sym not in _CALL_TABLES:
        return sym[:-4]
    return sym


_READ = frozenset({"fs.readFile", "fs.readFileSync", "fs.createReadStream", "Deno.readTextFile", "Deno.readTextFileSync", "Deno.readFile", "Bun.file"})
_SHELL = frozenset({"child_process.exec", "child_process.execSync", "execa.execaCommand", "execa.execaCommandSync", "execa.command", "shelljs.exec"})
_ARGV = frozenset(
    {
        "child_process.execFile",
        "child_process.execFileSync",
        "child_process.spawn",
        "child_process.spawnSync",
        "cross-spawn",
        "cross-spawn.sync",
        "execa",
        "execa.execa",
        "execa.execaSync",
        "execa.sync",
    }
)
_CALL_TABLES = _DELETE | _WRITE_FIRST | _WRITE_SECOND | _MOVE | _READ | _SHELL | _ARGV
_NETWORK = frozenset(
    {
        "fetch",
        "http.request",
        "http.get",
        "http2.connect",
        "axios",
        "axios.get",
        "axios.post",
        "axios.put",
        "axios.patch",
        "axios.delete",
        "axios.request",
        "axios.head",
        "net.connect",
        "net.createConnection",
        "tls.connect",
        "dgram.createSocket",
        "WebSocket",
        "XMLHttpRequest",
        "EventSource",
        "undici.request",
        "undici.fetch",
        "got",
        "got.get",
        "got.post",
        "superagent",
        "Deno.connect",
        "Bun.connect",
        "navigator.sendBeacon",
    }
)
_TESTS = frozenset({"startsWith", "endsWith", "includes", "indexOf", "lastIndexOf", "localeCompare", "test", "match", "search", "charCodeAt", "codePointAt"})
_ENCODERS = frozenset({"JSON.stringify", "encodeURIComponent", "encodeURI", "btoa", "escape", "Buffer.from", "querystring.stringify", "URLSearchParams"})
_ITERATORS = frozenset({"forEach", "map", "filter", "some", "every", "flatMap", "find"})
_IDENTS = frozenset({"identifier", "shorthand_property_identifier"})
_SOCKETS = frozenset({"net.connect", "net.createConnection", "net.Socket", "tls.connect", "tls.TLSSocket"})
_SOCKET = "net.Socket()"
_CHILD = "child_process.ChildProcess()"
_EVAL = frozenset(
    {
        "eval",
        "Function",
        "vm.runInThisContext",
        "vm.runInNewContext",
        "vm.runInContext",
        "vm.Script",
        "vm.compileFunction",
        "vm.SourceTextModule",
        "setTimeout",
        "setInterval",
    }
)
_DECODE = frozenset(
    {
        "atob",
        "String.fromCharCode",
        "zlib.inflateSync",
        "zlib.gunzipSync",
        "zlib.unzipSync",
        "zlib.brotliDecompressSync",
        "zlib.inflateRawSync",
        "decodeURIComponent",
        "unescape",
    }
)
# Methods whose name alone says what they do, whatever object they are called on
# (`require(m).execSync(x)` with a module name the analysis could not read).
_BY_METHOD = {
    "execSync": "child_process.execSync",
    "execFileSync": "child_process.execFileSync",
    "spawnSync": "child_process.spawnSync",
    "rmSync": "fs.rmSync",
    "unlinkSync": "fs.unlinkSync",
    "rmdirSync": "fs.rmdirSync",
    "writeFileSync": "fs.writeFileSync",
}
_BARE = {
    "exec": "child_process.exec",
    "execSync": "child_process.execSync",
    "spawn": "child_process.spawn",
    "spawnSync": "child_process.spawnSync",
    "execFile": "child_process.execFile",
    "execFileSync": "child_process.execFileSync",
    "rm": "shelljs.rm",
    "rimraf": "rimraf",
}
# Modules whose only use is the network: loading one is using it (as the pattern reading had it).
_NETWORK_MODULES = frozenset({"http", "http2", "net", "dgram", "tls", "undici", "axios", "fetch", "ws", "got", "superagent", "request"})
_GLOBALS = frozenset(
    {
        "require",
        "process",
        "Deno",
        "Bun",
        "fetch",
        "eval",
        "Function",
        "atob",
        "Buffer",
        "String",
        "WebSocket",
        "XMLHttpRequest",
        "EventSource",
        "setTimeout",
        "setInterval",
        "navigator",
        "$",
        "Object",
        "Reflect",
        "JSON",
        "decodeURIComponent",
        "unescape",
        "encodeURIComponent",
        "encodeURI",
        "escape",
        "btoa",
        "URLSearchParams",
        "globalThis",
        "global",
        "window",
        "self",
    }
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "b": "\b", "f": "\f", "v": "\v"}
_HOME_VARS = frozenset({"HOME", "USERPROFILE"})


def _module(name: str) -> str:
    if name.startswith("node:"):
        name = name[5:]
    return _MODULES.get(name, name)


def _canon(sym: str) -> str:
    # fs.promises.rm, require('fs/promises').rm, fsExtra.remove: one name each.
    for root in ("globalThis.", "global.", "window.", "self."):
        if sym.startswith(root):
            sym = sym[len(root) :]
            break
    if sym.startswith("fs.promises."):
        return "fs." + sym[len("fs.promises.") :]
    if sym.startswith(("zx.$", "bun.$", "Bun.$")):
        return "$"
    if sym.endswith(".default"):
        return sym[: -len(".default")]
    return sym


def _unescape(raw: str) -> str:
    if "\\" not in raw:
        return raw
    out: list[str] = []
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == "\\" and i + 1 < len(raw):
            n = raw[i + 1]
            if n == "x" and i + 3 < len(raw) + 0:
                try:
                    out.append(chr(int(raw[i + 2 : i + 4], 16)))
                    i += 4
                    continue
                except ValueError:
                    pass
            if n == "u" and raw[i + 2 : i + 3] != "{":
                try:
                    out.append(chr(int(raw[i + 2 : i + 6], 16)))
                    i += 6
                    continue
                except ValueError:
                    pass
            out.append(_ESCAPES.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


class _Reader(TreeReader):
    __slots__ = ()

    def __init__(self, depth: int) -> None:
        super().__init__("js", depth)

    # --- bindings
    def count(self, root: Any) -> None:
        counts = self.counts
        for node in walk(root, self.stop):
            t = node.type
            if t == "variable_declarator":
                for name in _pattern_names(node.child_by_field_name("name")):
                    counts[name] = counts.get(name, 0) + (1 if node.child_by_field_name("value") is not None else 2)
            elif t in ("assignment_expression", "augmented_assignment_expression"):
                left = node.child_by_field_name("left")
                if left is not None and left.type == "identifier":
                    counts[node_text(left)] = 2
            elif t == "update_expression":
                arg = node.child_by_field_name("argument")
                if arg is not None and arg.type == "identifier":
                    counts[node_text(arg)] = 2
            elif t in ("import_specifier", "namespace_import", "import_clause"):
                if t == "import_specifier":
                    idents = [node.child_by_field_name("alias") or node.child_by_field_name("name")]
                else:
                    idents = [x for x in node.named_children if x.type == "identifier"]
                for ident in idents:
                    if ident is not None:
                        counts[node_text(ident)] = counts.get(node_text(ident), 0) + 1
            elif t in ("formal_parameters", "catch_clause", "for_in_statement"):
                for name in _pattern_names(node):
                    counts[name] = 2

    def bind_pattern(self, pattern: Any, value: Val) -> None:
        if pattern is None:
            return
        if pattern.type == "identifier":
            name = node_text(pattern)
            if self.counts.get(name, 0) == 1:
                self.bound[name] = value
            return
        if pattern.type == "object_pattern":
            for child in pattern.named_children:
                if child.type == "shorthand_property_identifier_pattern":
                    self.bind_pattern_name(node_text(child), self.member(value, node_text(child)))
                elif child.type == "pair_pattern":
                    key = child.child_by_field_name("key")
                    self.bind_pattern(child.child_by_field_name("value"), self.member(value, _key(key)))
                elif child.type == "object_assignment_pattern":
                    # {execSync = null}: the default applies only when the member is missing
                    self.bind_pattern(child.child_by_field_name("left"), value)
            return
        if pattern.type == "assignment_pattern":
            # {execSync: run = null} = cp: run is cp.execSync (its default only when that is missing)
            self.bind_pattern(pattern.child_by_field_name("left"), value)

    def bind_pattern_name(self, name: str, value: Val) -> None:
        if self.counts.get(name, 0) == 1:
            self.bound[name] = value

    def imports(self, node: Any) -> None:
        source = node.child_by_field_name("source")
        if source is None:
            return
        mod = _module(self.string(source).text or "")
        clause = next((c for c in node.named_children if c.type == "import_clause"), None)
        if clause is None or not mod:
            return
        for part in clause.named_children:
            if part.type == "identifier":
                self.bind_pattern_name(node_text(part), Val(sym=mod))
            elif part.type == "namespace_import":
                ident = next((c for c in part.named_children if c.type == "identifier"), None)
                if ident is not None:
                    self.bind_pattern_name(node_text(ident), Val(sym=mod))
            elif part.type == "named_imports":
                for spec in part.named_children:
                    if spec.type != "import_specifier":
                        continue
                    name = spec.child_by_field_name("name")
                    alias = spec.child_by_field_name("alias") or name
                    self.bind_pattern_name(node_text(alias), Val(sym=_canon(mod + "." + node_text(name))))

    # --- values
    def member(self, obj: Val, prop: str) -> Val:
        if obj.env:
            return env_variable(prop)
        if obj.obj is not None:
            return obj.obj.get(prop, UNKNOWN)
        if obj.sym is not None:
            sym = _canon(obj.sym + "." + prop)
            if sym in ("process.env", "Bun.env", "import.meta.env"):
                return Val(sym=sym, env=True)
            return Val(sym=sym)
        if obj.text is not None and prop in ("length",):
            return UNKNOWN
        return UNKNOWN

    def string(self, node: Any, level: int = 0) -> Val:
        parts: list[str] = []
        secret = None
        for child in node.children:
            t = child.type
            if t == "string_fragment":
                parts.append(node_text(child))
            elif t == "escape_sequence":
                parts.append(_unescape(node_text(child)))
            elif t == "template_substitution":
                inner = child.named_children[0] if child.named_children else None
                v = self.value(inner, level + 1) if inner is not None else UNKNOWN
                parts.append(v.text if v.text is not None else DYN)
                secret = secret or v.secret
        text = "".join(parts)
        return Val(text, secret=secret, tilde=text.startswith("~") and bool(node.children) and node_text(node)[1:2] == "~")

    def value(self, node: Any, level: int = 0) -> Val:
        if self.spent(node, level):
            return UNKNOWN
        t = node.type
        if t in ("string", "template_string"):
            return self.string(node, level)
        if t == "number":
            # An integer literal is the text JavaScript makes of it (`const PORT = 0x2cae` is "11438"): a port or a
            # name's part held in a constant is read where it is used (round 12d, listen12). Other numbers stay unknown.
            digits = node_text(node).replace("_", "").lower()
            try:
                return Val(str(int(digits, 0))) if not digits.startswith("0") or digits[1:2] in ("x", "o", "b", "") else UNKNOWN
            except ValueError:
                return UNKNOWN
        if t == "identifier":
            name = node_text(node)
            if name in self.bound:
                return self.bound[name]
            if name in self.counts:
                return UNKNOWN
            if name == "__dirname":
                return Val(".")
            return Val(sym=name) if name in _GLOBALS else UNKNOWN
        if t == "type_assertion":
            return self.value(node.named_children[-1], level + 1) if node.named_children else UNKNOWN  # <string>x is x
        if t in ("parenthesized_expression", "await_expression", "as_expression", "non_null_expression", "satisfies_expression"):
            inner = node.named_children[0] if node.named_children else None
            return self.value(inner, level + 1)
        if t == "member_expression":
            obj = self.value(node.child_by_field_name("object"), level + 1)
            return self.member(obj, node_text(node.child_by_field_name("property")))
        if t == "subscript_expression":
            index = node.child_by_field_name("index")
            key = self.value(index, level + 1)
            if key.text is not None and DYN not in key.text:
                return self.member(self.value(node.child_by_field_name("object"), level + 1), key.text)
            return UNKNOWN
        if t == "binary_expression":
            op = node.child_by_field_name("operator")
            if op is not None and node_text(op) == "+":
                return concat([self.value(node.child_by_field_name("left"), level + 1), self.value(node.child_by_field_name("right"), level + 1)])
            return UNKNOWN
        if t == "array":
            return Val(items=[UNKNOWN if c.type == "spread_element" else self.value(c, level + 1) for c in node.named_children[:60]])
        if t == "object":
            keys: dict[str, Val] = {}
            for c in node.named_children[:60]:
                if c.type == "pair":
                    keys[_key(c.child_by_field_name("key"))] = self.value(c.child_by_field_name("value"), level + 1)
                elif c.type == "shorthand_property_identifier":
                    keys[node_text(c)] = self.bound.get(node_text(c), UNKNOWN)
            return Val(obj=keys)
        if t == "true":
            return Val("true")
        if t in ("call_expression", "new_expression"):
            return self.call_value(node, level)
        return UNKNOWN

    def callee(self, node: Any, level: int = 0) -> tuple[Val, Any]:
        fn = node.child_by_field_name("function") or node.child_by_field_name("constructor")
        return self.value(fn, level + 1), fn

    def args(self, node: Any) -> list[Any]:
        args = node.child_by_field_name("arguments")
        if args is None:
            return []
        if args.type == "template_string":
            return [args]
        return [a for a in args.named_children if a.type != "comment"][:60]

    def call_value(self, node: Any, level: int) -> Val:
        fn, fn_node = self.callee(node, level)
        sym = fn.sym
        args = self.args(node)
        if sym in ("require", "import") or (fn_node is not None and fn_node.type == "import"):
            name = self.value(args[0], level + 1) if args else UNKNOWN
            if name.text is None or DYN in name.text:
                return UNKNOWN
            return Val(sym=_module(name.text))
        if sym is None:
            method = node_text(fn_node.child_by_field_name("property")) if fn_node is not None and fn_node.type == "member_expression" else ""
            if method and method not in _TESTS:
                held = self.value(_object_of(fn_node), level + 1)
                if held.secret:
                    return Val(secret=held.secret)  # key.toString(), params.toString(), key.trim(): still the secret
            if fn_node is not None and fn_node.type == "member_expression" and node_text(fn_node.child_by_field_name("property")) == "join":
                # ['rm', '-rf', dir].join(' '): the items joined (Ruby's and PHP's readers evaluate join too)
                items = self.value(_object_of(fn_node), level + 1).items
                sep = self.value(args[0], level + 1).text if args else ","
                if items is not None and sep is not None:
                    return concat([p for i, x in enumerate(items) for p in ((Val(sep), x) if i else (x,))]) if items else Val("")
            return UNKNOWN
        if sym in ("Deno.env.get", "Bun.env.get") and args:
            return env_variable(self.value(args[0], level + 1).text)
        if sym in ("os.homedir", "process.cwd"):
            return Val("~" if sym == "os.homedir" else ".")
        if sym == "os.tmpdir":
            return Val("/tmp")
        if sym in ("path.join", "path.resolve", "path.normalize", "path.posix.join", "URL", "String"):
            return join_path([self.value(a, level + 1) for a in args])
        if sym in _ENCODERS and args:
            inner = secret_of(self.value(args[0], level + 1))
            if inner:
                return Val(secret=inner)  # JSON.stringify({k: process.env.KEY}), encodeURIComponent(...): still the secret
        if sym in _SOCKETS:
            return Val(sym=_SOCKET)  # net.connect(...), new net.Socket(): a socket (piped to a child's streams: a reverse shell)
        if sym in _ARGV or sym in _SHELL or sym == "child_process.fork":
            return Val(sym=_CHILD)  # the child process: its .stdin/.stdout/.stderr streams
        if sym in _DECODE or (sym == "Buffer.from" and len(args) > 1 and self.value(args[1], level + 1).text in ("base64", "hex", "base64url")):
            self.c.seen_decode = True
            return Val(decoded=True)
        if sym.endswith((".toString", ".trim", ".trimEnd", ".trimStart")):
            obj = self.value(_object_of(fn_node), level + 1) if fn_node is not None else UNKNOWN
            return Val(obj.text) if obj.text is not None else Val(decoded=obj.decoded)
        return UNKNOWN

    # --- effects
    def call(self, node: Any) -> None:
        fn, fn_node = self.callee(node)
        sym = fn.sym
        args = self.args(node)
        if sym is not None and sym.endswith(".pipe") and args:
            # socket.pipe(child.stdin), child.stdout.pipe(socket): the socket is the child's standard streams.
            ends = (self.value(_object_of(fn_node)).sym or "", self.value(args[0]).sym or "")
            if any(e == _SOCKET for e in ends) and any(e.startswith(_CHILD + ".std") for e in ends):
                self.c.stdio = True
        # f.call(this, a…), f.apply(this, [a…]), Reflect.apply(f, this, [a…]): the call of f.
        if sym == "Reflect.apply" and args:
            inner = self.value(args[0])
            if inner.sym is not None:
                sym, args = inner.sym, self._spread(args[2:3])
        elif fn_node is not None and fn_node.type == "member_expression" and sym is not None and sym.endswith((".call", ".apply")):
            inner = self.value(_object_of(fn_node))
            if inner.sym is not None:
                args = args[1:] if sym.endswith(".call") else self._spread(args[1:2])
                sym = inner.sym
        if fn_node is not None and fn_node.type == "member_expression" and args and node_text(fn_node.child_by_field_name("property")) == "listen":
            self.listener(args[0], args[1] if len(args) > 1 else None)  # server.listen(N[, host]), app.listen(N)
        elif sym in ("Bun.serve", "Deno.serve") and args and args[0].type == "object":
            given = {_key(p.child_by_field_name("key")): p.child_by_field_name("value") for p in args[0].named_children[:60] if p.type == "pair"}
            if "port" in given:
                self.listener(given["port"], given.get("hostname"))
        if sym is None and fn_node is not None and fn_node.type == "member_expression":
            sym = _BY_METHOD.get(node_text(fn_node.child_by_field_name("property")))
        if sym is None and fn_node is not None and fn_node.type == "identifier" and node_text(fn_node) not in self.counts:
            # A global nobody declared: shelljs/global, zx and REPL-style scripts define exec, rm, spawn…
            sym = _BARE.get(node_text(fn_node))
        if sym is None:
            return
        sym = _synced(_canon(sym))
        if sym.startswith("shelljs.") and args and (self.value(args[0]).text or "").startswith("-"):
            args = args[1:]  # shelljs.cp('-R', SRC, DEST): its options come first, as a shell command's do
        first = self.value(args[0]) if args else UNKNOWN
        c = self.c
        if sym in ("require", "import") or (fn_node is not None and fn_node.type == "import"):
            if args and (first.text is None or DYN in first.text):
                c.ask("loads a module whose name is computed at run time")
            elif first.text is not None and first.text.startswith("/"):
                c.load(first, sym)  # require("/tmp/x.js"): a file outside the project
            elif first.text is not None and _module(first.text) in _NETWORK_MODULES:
                c.network(None, _module(first.text) if _module(first.text) in ("net", "dgram", "tls") else "require")  # raw sockets (values.raw_socket)
            return
        if sym in _DELETE:
            if sym == "shelljs.rm":
                for a in args:
                    v = self.value(a)
                    if not (v.text or "").startswith("-"):
                        c.delete(v, sym)
                return
            c.delete(first, sym)
        elif sym in _WRITE_FIRST and sym.rpartition(".")[2] in ("chmod", "chmodSync", "lchmod", "lchmodSync") and len(args) > 1:
            c.mode_change(first, mode_literal(args[1], self.value(args[1])), sym)  # fs.chmodSync(P, 0o777): by the mode set
        elif sym in _WRITE_FIRST:
            c.write(first, sym)
        elif sym in _WRITE_SECOND:
            dest = self.value(args[1]) if len(args) > 1 else UNKNOWN
            if "ink" in sym:
                c.link(first, dest, sym, "ymlink" in sym)  # fs.symlinkSync(TARGET, PATH): judged as `ln -s TARGET PATH`
            else:
                c.write(dest, sym)
            if "opy" in sym or sym.endswith((".cp", ".cpSync")):
                c.read(first)  # the file copied is read (a credential copied into the project is read by the code)
            opts = self.value(args[2]) if len(args) > 2 else UNKNOWN
            recursive = opts.obj is not None and opts.obj.get("recursive", UNKNOWN).text not in (None, "false")
            if first.text is not None and dest.text is not None and (sym in ("fs.copy", "fs.copySync") or (sym in ("fs.cp", "fs.cpSync") and recursive)):
                # fs.cpSync(SRC, DEST, {recursive: true}), fs-extra's copy: what SRC holds lands in DEST itself, as `cp -rT`.
                c.facts.trees.append((dest.text, first.text, "dir"))
        elif sym in _MOVE:
            c.move(first, self.value(args[1]) if len(args) > 1 else UNKNOWN, sym)
        elif sym in ("fs.open", "fs.openSync", "Deno.open", "Deno.openSync"):
            mode = self.value(args[1]) if len(args) > 1 else UNKNOWN
            if mode.obj is not None or (mode.text and any(ch in mode.text for ch in "wa+")):
                c.write(first, sym)
            else:
                c.read(first)
        elif sym in _READ:
            c.read(first)
        elif sym in _SHELL:
            opts = self.value(args[1]) if len(args) > 1 else UNKNOWN
            c.command_line(first, sym, env_prefix(opts.obj.get("env", UNKNOWN).obj if opts.obj is not None else None))
        elif sym in _ARGV:
            self.argv_call(sym, args, first)
        elif sym == "child_process.fork":
            c.argv([Val("node"), first, *(self.value(args[1]).items or [] if len(args) > 1 else [])], sym)
        elif sym in ("Bun.spawn", "Bun.spawnSync"):
            if first.obj is not None:
                first = first.obj.get("cmd", UNKNOWN)
            c.argv(first.items or [], sym) if first.items is not None else c.command_line(UNKNOWN, sym)
        elif sym == "Deno.Command":
            opts = self.value(args[1]) if len(args) > 1 else Val(obj={})
            extra = (opts.obj or {}).get("args", Val(items=[])) if opts.obj is not None else UNKNOWN
            c.argv([first, *(extra.items if extra.items is not None else [UNKNOWN])], sym)
        elif sym == "Deno.run":
            cmd = first.obj.get("cmd", UNKNOWN) if first.obj is not None else UNKNOWN
            c.argv(cmd.items or [], sym) if cmd.items is not None else c.command_line(UNKNOWN, sym)
        elif sym == "$":
            c.command_line(first, "$`…`")
        elif sym in _NETWORK:
            c.network(first, sym, [self.value(a) for a in args[1:3]])
        elif sym in _EVAL:
            self.evaluate(sym, args, first)
        elif sym == "process.chdir":
            c.chdir(first)
        elif sym in ("process.binding", "process.dlopen", "module.constructor._load"):
            c.ask(f"reaches Node's internals ({sym})")
        elif sym == "JSON.stringify" or sym.startswith("Object."):
            if first.env:
                c.env_dump()
        elif sym == "Deno.env.toObject":
            c.env_dump()  # Deno's whole environment as an object

    def listener(self, port: Any, host: Any) -> None:
        """A server started on a literal TCP port (`http.createServer(h).listen(11434)`, `app.listen(PORT, '127.0.0.1')`,
        `Bun.serve({port: N})`): judged as `nc -l HOST N`, a listener on that port (rule self.forged-endpoint). A port
        known only at run time, or a path (a Unix socket), is none."""
        text = node_text(port) if port.type == "number" else self.value(port).text
        if text is None or not text.isdigit() or not 0 < int(text) < 65536:
            return
        where = self.value(host).text if host is not None and host.type in ("string", "template_string") else None
        where = where if where and DYN not in where and where.replace(".", "").replace(":", "").replace("-", "").isalnum() else ""
        self.c.facts.shell.append(f"nc -l {where + ' ' if where else ''}{int(text)}")

    def callback_loop(self, node: Any) -> None:
        """[...].forEach(p => …), .map, .filter…: the callback's first parameter is each element of the array."""
        fn = node.child_by_field_name("function")
        if fn is None or fn.type != "member_expression" or node_text(fn.child_by_field_name("property")) not in _ITERATORS:
            return
        args = self.args(node)
        cb = args[0] if args else None
        if cb is None or cb.type not in ("arrow_function", "function_expression", "function"):
            return
        param = cb.child_by_field_name("parameter")
        if param is None:
            params = cb.child_by_field_name("parameters")
            param = next((c for c in params.named_children if c.type in ("identifier", "required_parameter")), None) if params is not None else None
            if param is not None and param.type == "required_parameter":
                param = param.child_by_field_name("pattern")
        if param is not None and param.type == "identifier":
            self.loop(node_text(param), self.value(_object_of(fn)))

    def _spread(self, args: list[Any]) -> list[Any]:
        """The argument nodes of an array literal handed on as arguments (``apply``'s second argument)."""
        if args and args[0].type == "array":
            return [a for a in args[0].named_children if a.type != "comment"][:60]
        return []

    def argv_call(self, sym: str, args: list[Any], first: Val) -> None:
        rest = [self.value(a) for a in args[1:3]]
        items: list[Val] = []
        opts: Val | None = None
        for v in rest:
            if v.items is not None and not items:
                items = v.items
            elif v.obj is not None:
                opts = v
        shell = opts is not None and opts.obj is not None and "shell" in opts.obj and opts.obj["shell"].text not in ("false",)
        env = env_prefix(opts.obj.get("env", UNKNOWN).obj if opts is not None and opts.obj is not None else None)
        stdio = opts.obj.get("stdio") if opts is not None and opts.obj is not None else None
        if stdio is not None and any(i.sym == _SOCKET for i in stdio.items or []):
            self.c.stdio = True  # spawn('sh', {stdio: [socket, socket, socket]})
        if shell or (len(args) == 1 and first.items is None and sym.startswith("execa.")):
            # {shell: true}: the program and its arguments are joined into one line a shell reads.
            line = concat([first, *[Val(" "), *[p for i in items for p in (i, Val(" "))]]]) if items else first
            self.c.command_line(Val(line.text.rstrip(" ")) if line.text is not None else UNKNOWN, sym, env)
            return
        self.c.argv([first, *items], sym, env)

    def evaluate(self, sym: str, args: list[Any], first: Val) -> None:
        if sym in ("setTimeout", "setInterval") and (not args or args[0].type not in ("string", "template_string", "identifier")):
            return  # a function, not code in a string
        if sym in ("setTimeout", "setInterval") and first.text is None:
            return
        if first.text is not None and DYN not in first.text and sym != "Function" and self.c.may_nest(first.text, self.depth):
            # eval('1 + 1'): literal code, read like the rest.
            from . import js

            inner = js.facts_of(first.text, self.depth + 1)
            if inner is not None:
                self.c.merge(inner)
                return
        if (
            sym == "Function"
            and args
            and self.c.may_nest(self.value(args[-1]).text or "", self.depth)
            and all(self.value(a).text is not None and DYN not in (self.value(a).text or "") for a in args)
        ):
            from . import js

            inner = js.facts_of(self.value(args[-1]).text or "", self.depth + 1)
            if inner is not None:
                self.c.merge(inner)
                return
        self.c.dynamic(sym)

    def env_use(self, node: Any) -> None:
        """process.env (or a name bound to it) used as a whole: passed, spread, serialised -- not
        where its parent only reads a member of it, binds it, or tests it (marked in ``safe``)."""
        if (node.start_byte, node.end_byte) not in self.safe:
            self.c.env_dump()

    def mark_safe(self, node: Any) -> None:
        """Children of *node* in positions where process.env is not handed on whole."""
        t = node.type
        child = None
        if t in ("member_expression", "subscript_expression"):
            child = node.child_by_field_name("object")
        elif t == "variable_declarator":
            child = node.child_by_field_name("value")
        elif t == "assignment_expression":
            child = node.child_by_field_name("left")
        elif t in ("binary_expression", "unary_expression", "expression_statement"):
            for c in node.named_children:
                self.safe.add((c.start_byte, c.end_byte))
            return
        if child is not None:
            self.safe.add((child.start_byte, child.end_byte))

    def run(self, root: Any) -> CodeFacts:
        self.count(root)
        for node in walk(root, self.stop):
            t = node.type
            if t in _MARKS:
                self.mark_safe(node)
            if t == "variable_declarator":
                value = node.child_by_field_name("value")
                if value is not None:
                    self.bind_pattern(node.child_by_field_name("name"), self.value(value))
            elif t == "import_statement":
                self.imports(node)
                source = node.child_by_field_name("source")
                if source is not None and _module(self.string(source).text or "") in _NETWORK_MODULES:
                    self.c.network(None, "import")
            elif t == "for_in_statement":
                left = node.child_by_field_name("left")
                if left is not None and left.type == "identifier" and any(ch.type == "of" for ch in node.children):
                    self.loop(node_text(left), self.value(node.child_by_field_name("right")))  # for (const p of [...])
            elif t in ("call_expression", "new_expression"):
                self.callback_loop(node)
                self.each(node, self.call, _IDENTS)
            elif t == "assignment_expression":
                left = node.child_by_field_name("left")
                if left is not None and left.type in ("member_expression", "subscript_expression"):
                    target = self.value(left.child_by_field_name("object"))
                    key = left.child_by_field_name("property") or left.child_by_field_name("index")
                    if target.env and key is not None:
                        name = node_text(key) if left.type == "member_expression" else (self.value(key).text or "")
                        self.c.setenv(name, self.value(node.child_by_field_name("right")))
            if t == "member_expression":
                if node_text(node.child_by_field_name("property")) == "env" and self.value(node).env:
                    self.env_use(node)
            elif t == "identifier":
                v = self.bound.get(node_text(node))
                if v is not None and v.env:
                    self.env_use(node)
            elif t == "spread_element":
                inner = node.named_children[0] if node.named_children else None
                if inner is not None and self.value(inner).env:
                    self.c.env_dump()
        self.picked_processes(root)
        return self.c.finish()

    def picked_processes(self, root: Any) -> None:
        """process.kill of ids the code reads from the process table (a listing of /proc, pgrep or ps run from it):
        `pkill -f PATTERN` written in JavaScript, judged as code/python.py judges Python's (round 12d)."""
        if "kill" not in node_text(root):
            return
        signals = scans = False
        strings: list[str] = []
        for node in walk(root, self.stop):
            if node.type == "call_expression":
                fn, _ = self.callee(node)
                sym = _canon(fn.sym) if fn.sym else ""
                args = self.args(node)
                if sym == "process.kill":
                    signals = signals or len(args) < 2 or self.value(args[1]).text != "0"
                elif sym.startswith("fs.") and ("readdir" in sym or "opendir" in sym) and args:
                    scans = scans or (self.value(args[0]).text or "").rstrip("/") == "/proc"
            elif node.type == "string_fragment":
                strings.append(node_text(node))
        shell = self.c.facts.shell
        if not signals or not (scans or any(line.split(" ", 1)[0] in ("pgrep", "pidof", "ps") for line in shell)):
            return
        shell.append('pkill -STOP -f "$PATTERN"')
        for w in list(dict.fromkeys(w for w in strings if 2 < len(w) <= 200 and "\n" not in w and not w.startswith("-")))[:8]:
            shell.append("pkill -STOP -f '" + w.replace("'", "'\\''") + "'")


_MARKS = frozenset(
    {
        "member_expression",
        "subscript_expression",
        "variable_declarator",
        "assignment_expression",
        "binary_expression",
        "unary_expression",
        "expression_statement",
    }
)


def _object_of(member: Any) -> Any:
    return member.child_by_field_name("object") if member is not None and member.type == "member_expression" else None


def _key(node: Any) -> str:
    if node is None:
        return ""
    text = node_text(node)
    if node.type == "string" and len(text) >= 2:
        return text[1:-1]
    return text


def _pattern_names(node: Any, level: int = 0) -> list[str]:
    """The names a binding pattern binds: ``x``, ``{a, b: c, ...d}``, ``[x, y = 1]``, parameters."""
    if node is None or level > 20:
        return []
    t = node.type
    if t in ("identifier", "shorthand_property_identifier_pattern"):
        return [node_text(node)]
    if t == "pair_pattern":
        return _pattern_names(node.child_by_field_name("value"), level + 1)
    if t in ("assignment_pattern", "object_assignment_pattern"):
        return _pattern_names(node.child_by_field_name("left"), level + 1)
    out: list[str] = []
    if t in (
        "object_pattern",
        "array_pattern",
        "rest_pattern",
        "formal_parameters",
        "required_parameter",
        "optional_parameter",
        "catch_clause",
        "for_in_statement",
    ):
        for c in node.named_children[:60]:
            if t == "for_in_statement" and c != node.child_by_field_name("left"):
                continue
            if t == "catch_clause" and c.type == "statement_block":
                continue
            out += _pattern_names(c, level + 1)
    return out


def facts_of(code: str, depth: int = 0) -> CodeFacts | None:
    """The facts of JavaScript (or TypeScript) *code* read without syntax errors, else None."""
    got = read(code, depth)
    return got[0] if got is not None and got[1] else None


def read(code: str, depth: int = 0) -> tuple[CodeFacts, bool] | None:
    """(facts, clean) for JavaScript or TypeScript *code*: clean when a grammar read it without
    errors (the TypeScript grammar is tried when the JavaScript one fails).  None when not parsed."""
    from . import tsload

    root = tsload.parse("js", code)
    if root is None:
        return None
    if root.has_error and len(code) <= 16_384:
        alt = tsload.parse("ts", code)
        if alt is not None and not alt.has_error:
            root = alt
    return _Reader(depth).read(root), not root.has_error
