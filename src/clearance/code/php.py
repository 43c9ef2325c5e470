"""PHP read through tree-sitter: what a ``php -r`` one-liner or a project script does.

``php -r`` code has no ``<?php`` tag; one is put before it for the grammar.  Functions are named
as called, or through a variable or a callable string bound to their name (``$f = "sys" . "tem";
$f(…)``, ``array_map("unlink", …)``, ``call_user_func("system", …)``); a function name only known
at run time is code chosen at run time.
"""

from __future__ import annotations

from ..paths import DYN
from .values import UNKNOWN, TreeReader, Val, concat, env_variable, mode_literal, node_text, numeric_escape, walk

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..shell.interp import CodeFacts

_TAG = "<?php "
_DELETE = frozenset({"unlink", "rmdir"})
_SHELL = frozenset({"system", "exec", "shell_exec", "passthru", "popen", "proc_open", "pcntl_exec", "expect_popen"})
_WRITE_FIRST = frozenset({"file_put_contents", "touch", "chmod", "chown", "chgrp", "ftruncate", "mkdir", "posix_mkfifo", "posix_mknod"})
_WRITE_SECOND = frozenset({"copy", "symlink", "link", "move_uploaded_file"})
_READ = frozenset({"file_get_contents", "readfile", "file", "fopen", "highlight_file", "show_source", "parse_ini_file"})
_NETWORK = frozenset(
    {
        "curl_init",
        "curl_exec",
        "curl_multi_exec",
        "fsockopen",
        "pfsockopen",
        "stream_socket_client",
        "socket_connect",
        "mail",
        "ftp_connect",
        "get_headers",
        "dns_get_record",
    }
)
_IDENTS = frozenset({"variable_name"})
_SOCKET_MAKERS = frozenset({"fsockopen", "pfsockopen", "stream_socket_client", "socket_create"})
_INCLUDES = frozenset({"include_expression", "include_once_expression", "require_expression", "require_once_expression"})
_EVAL = frozenset({"eval", "assert", "create_function", "include", "require", "include_once", "require_once"})
_CALLABLES = frozenset(
    {"call_user_func", "call_user_func_array", "array_map", "array_walk", "array_filter", "usort", "register_shutdown_function", "forward_static_call"}
    | {"array_walk_recursive", "uasort", "uksort", "array_reduce", "preg_replace_callback", "iterator_apply", "forward_static_call_array"}
)
# Where the callable stands among a function's arguments (first unless listed), and which argument holds the
# values it is called with: array_walk($a, "system") calls system on each item of $a.
_CALLABLE_AT = {"array_walk": 1, "array_walk_recursive": 1, "array_filter": 1, "usort": 1, "uasort": 1, "uksort": 1, "array_reduce": 1}
_CALLABLE_AT |= {"preg_replace_callback": 1, "iterator_apply": 1}
_CALLED_WITH = {"array_walk": 0, "array_walk_recursive": 0, "array_filter": 0, "usort": 0, "uasort": 0, "array_reduce": 0, "array_map": 1}
_CALLED_WITH |= {"preg_replace_callback": 2}
_DECODE = frozenset({"base64_decode", "gzinflate", "gzuncompress", "gzdecode", "str_rot13", "hex2bin", "convert_uudecode", "urldecode", "rawurldecode"})
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "e": "\x1b", "v": "\v", "f": "\f", "$": "$", '"': '"', "\\": "\\"}


class _Reader(TreeReader):
    __slots__ = ()

    def __init__(self, depth: int) -> None:
        super().__init__("php", depth)

    def count(self, root: Any) -> None:
        for node in walk(root, self.stop):
            if node.type in ("assignment_expression", "augmented_assignment_expression", "reference_assignment_expression"):
                left = node.child_by_field_name("left")
                if left is not None and left.type == "variable_name":
                    name = node_text(left)
                    self.counts[name] = self.counts.get(name, 0) + (1 if node.type == "assignment_expression" else 2)
            elif node.type in ("foreach_statement", "formal_parameters", "global_declaration", "anonymous_function_use_clause"):
                # foreach: only the variables after `as` change each time round (not those the list or the body read)
                part = node.named_children[1] if node.type == "foreach_statement" and len(node.named_children) > 1 else node
                for n in walk(part, self.stop):
                    if n.type == "variable_name":
                        self.counts[node_text(n)] = 2

    # --- values
    def string(self, node: Any, level: int = 0) -> Val:
        parts: list[str] = []
        secret = None
        single = node.type == "string" and node_text(node)[:1] == "'"
        for child in node.children:
            t = child.type
            if t == "string_content" or t == "string_value":
                text = node_text(child)
                parts.append(text.replace("\\\\", "\\").replace("\\'", "'") if single else text)
            elif t == "escape_sequence":
                raw = node_text(child)
                parts.append(_ESCAPES.get(raw[1:2], raw) if len(raw) == 2 else numeric_escape(raw) or DYN)
            elif child.is_named and t not in ("heredoc_start", "heredoc_end", "nowdoc_string"):
                v = self.value(child, level + 1)
                parts.append(v.text if v.text is not None else DYN)
                secret = secret or v.secret
        return Val("".join(parts), secret=secret)

    def value(self, node: Any, level: int = 0) -> Val:
        if self.spent(node, level):
            return UNKNOWN
        t = node.type
        if t in ("encapsed_string", "string", "shell_command_expression"):
            return self.string(node, level)
        if t in ("heredoc", "nowdoc"):
            body = next((c for c in node.named_children if c.type in ("heredoc_body", "nowdoc_body")), None)
            return self.string(body, level) if body is not None else UNKNOWN
        if t == "variable_name":
            return self.bound.get(node_text(node), UNKNOWN)
        if t == "binary_expression":
            op = node.child_by_field_name("operator")
            if op is not None and node_text(op) == ".":
                return concat([self.value(node.child_by_field_name("left"), level + 1), self.value(node.child_by_field_name("right"), level + 1)])
            return UNKNOWN
        if t == "parenthesized_expression":
            return self.value(node.named_children[0] if node.named_children else None, level + 1)
        if t == "array_creation_expression":
            items: list[Val] = []
            obj: dict[str, Val] = {}
            for el in node.named_children[:60]:
                kids = el.named_children
                if len(kids) == 2:
                    k = Val(node_text(kids[0])) if kids[0].type == "integer" else self.value(kids[0], level + 1)
                    if k.text is not None:
                        obj[k.text] = self.value(kids[1], level + 1)
                elif kids:
                    items.append(self.value(kids[0], level + 1))
            return Val(items=items, obj=obj or None)
        if t == "subscript_expression":
            base = node.named_children[0] if node.named_children else None
            if base is not None and node_text(base) in ("$_ENV", "$_SERVER") and len(node.named_children) > 1:
                k = self.value(node.named_children[1], level + 1)
                return env_variable(k.text)
            return UNKNOWN
        if t == "name" and node_text(node) in ("__DIR__",):
            return Val(".")
        if t == "object_creation_expression":
            # new ReflectionFunction("system"): the function, invoked later by ->invoke(…) / ->invokeArgs([…]) (round 16)
            name_node = next((ch for ch in node.named_children if ch.type in ("name", "qualified_name")), None)
            listed = next((ch for ch in node.named_children if ch.type == "arguments"), None)
            args = [a.named_children[-1] if a.type == "argument" and a.named_children else a for a in listed.named_children[:8]] if listed is not None else []
            if name_node is not None and node_text(name_node).lstrip("\\").lower() == "reflectionfunction" and args:
                fn = self.value(args[0], level + 1).text
                return Val(sym=_REFLECTED + (fn.lstrip("\\").lower() if fn is not None and DYN not in fn else DYN))
            return UNKNOWN
        if t == "function_call_expression":
            name = self.name(node, level)
            args = self.args(node)
            if name == "getenv" and args:
                k = self.value(args[0], level + 1)
                return env_variable(k.text)
            if name == "getenv":
                return Val(env=True)
            if name in _DECODE:
                self.c.seen_decode = True
                return Val(decoded=True)
            if name in ("glob", "realpath", "trim", "strval", "escapeshellcmd") and args:
                return self.value(args[0], level + 1)
            if name in _SOCKET_MAKERS:
                return Val(sym="socket")  # handed to proc_open as a descriptor, it is the child's standard stream
            if name in ("sys_get_temp_dir",):
                return Val("/tmp")
            if name in ("getcwd",):
                return Val(".")
            if name in ("implode", "join") and len(args) == 2:
                sep, arr = self.value(args[0], level + 1), self.value(args[1], level + 1)
                if sep.text is not None and arr.items is not None:
                    return concat([p for i, x in enumerate(arr.items) for p in ((sep, x) if i else (x,))]) if arr.items else Val("")
            return UNKNOWN
        return UNKNOWN

    def name(self, node: Any, level: int = 0) -> str | None:
        """The function a call reaches: its name, or the string a variable holds; None when computed."""
        fn = node.child_by_field_name("function")
        if fn is None:
            return None
        if fn.type in ("name", "qualified_name"):
            return node_text(fn).lstrip("\\").lower()
        v = self.value(fn, level + 1)
        if v.text is not None and DYN not in v.text:
            return v.text.lstrip("\\").lower()
        return None

    def args(self, node: Any) -> list[Any]:
        a = node.child_by_field_name("arguments")
        if a is None:
            return []
        out = []
        for arg in a.named_children[:60]:
            out.append(arg.named_children[-1] if arg.type == "argument" and arg.named_children else arg)
        return out

    # --- effects
    def call(self, node: Any) -> None:
        name = self.name(node)
        args = self.args(node)
        if name is None:
            self.c.dynamic("a function whose name is computed at run time")
            return
        self.effect(name, [self.value(a) for a in args[:8]], args)

    def effect(self, name: str, vals: list[Val], args: list[Any]) -> None:
        c = self.c
        first = vals[0] if vals else UNKNOWN
        if name in _DELETE:
            c.delete(first, name)
        elif name in _SHELL:
            spec = vals[1] if name == "proc_open" and len(vals) > 1 else None
            if spec is not None and any(v.sym == "socket" for v in [*(spec.items or []), *(spec.obj or {}).values()]):
                c.stdio = True  # proc_open($cmd, [0 => $sock, 1 => $sock, 2 => $sock], …)
            if name == "proc_open" and first.items is not None:
                c.argv(first.items, name)
            elif name == "pcntl_exec":
                # pcntl_exec($path, $args): a program and its arguments, no shell
                extra = vals[1].items if len(vals) > 1 and vals[1].items is not None else ([] if len(vals) < 2 else [UNKNOWN])
                c.argv([first, *extra], name)
            else:
                c.command_line(first, name)
        elif name == "chmod" and len(args) > 1 and len(vals) > 1:
            c.mode_change(first, mode_literal(args[1], vals[1]), name)  # chmod($p, 0777): judged by the mode set
        elif name in _WRITE_FIRST:
            if name != "mkdir":
                c.write(first, name)
        elif name in ("symlink", "link"):
            # symlink($target, $link): judged as `ln -s TARGET LINK`
            c.link(first if len(vals) > 1 else UNKNOWN, vals[1] if len(vals) > 1 else UNKNOWN, name, name == "symlink")
        elif name in _WRITE_SECOND:
            c.write(vals[1] if len(vals) > 1 else UNKNOWN, name)
        elif name == "chdir":
            c.chdir(first)
        elif name == "putenv" and first.text is not None and "=" in first.text:
            k, _, v = first.text.partition("=")
            c.setenv(k, Val(v))
        elif name == "rename":
            c.move(first, vals[1] if len(vals) > 1 else UNKNOWN, name)
        elif name in ("fopen", "gzopen", "bzopen"):  # gzopen/bzopen take fopen's mode (round 14a)
            mode = vals[1].text if len(vals) > 1 else "r"
            if first.text is not None and "://" in first.text:
                c.network(first, name)
            elif mode is None or any(ch in mode for ch in "waxc+"):
                c.write(first, name)
            else:
                c.read(first)
        elif name in _READ:
            if first.text is not None and "://" in first.text:
                c.network(first, name)
            elif first.text is None and name == "file_get_contents" and args and args[0].type not in ("encapsed_string", "string"):
                c.read(first)
            else:
                c.read(first)
        elif name in _NETWORK or name.startswith(("curl_", "socket_")):
            c.network(first, name, vals[1:])
        elif name in _EVAL:
            if name.startswith(("include", "require")):
                c.load(first, name)
                return
            if first.text is not None and DYN not in first.text and name == "eval" and self.c.may_nest(first.text, self.depth):
                inner = read(first.text, self.depth + 1)
                if inner is not None and inner[1]:
                    c.merge(inner[0])
                    return
            c.dynamic(name)
        elif name == "preg_replace" and first.text is not None and first.text[-4:].rstrip("imsxuADSUXJ").endswith("e"):
            c.dynamic("preg_replace with /e")  # the replacement runs as PHP code (PHP < 7)
        elif name in _CALLABLES and vals:
            at = _CALLABLE_AT.get(name, 0)
            cb = vals[at] if len(vals) > at else UNKNOWN
            target = cb.text
            if target is None or DYN in target:
                if len(args) > at and args[at].type not in ("anonymous_function", "arrow_function", "anonymous_function_creation_expression"):
                    c.dynamic(f"{name} with a callable computed at run time")
                return
            if name in _CALLED_WITH:
                data = vals[_CALLED_WITH[name]] if len(vals) > _CALLED_WITH[name] else UNKNOWN
                if data.items is not None:
                    for item in data.items[:40]:
                        self.effect(target.lower(), [item], [])
                else:
                    self.effect(target.lower(), [data], [])
            elif name in ("call_user_func_array", "forward_static_call_array"):
                rest = vals[1:]
                self.effect(target.lower(), rest[0].items if rest and rest[0].items is not None else [UNKNOWN], [])
            else:
                self.effect(target.lower(), vals[at + 1 :], [])
        elif name in ("http_build_query", "json_encode", "serialize", "var_export", "print_r", "var_dump", "implode") and first.env:
            c.env_dump()

    def run(self, root: Any) -> CodeFacts:
        self.count(root)
        c = self.c
        for node in walk(root, self.stop):
            t = node.type
            if t == "assignment_expression":
                left = node.child_by_field_name("left")
                if left is not None and left.type == "variable_name" and self.counts.get(node_text(left), 0) == 1:
                    self.bound[node_text(left)] = self.value(node.child_by_field_name("right"))
            elif t == "foreach_statement" and len(node.named_children) >= 2:
                over, var = node.named_children[0], node.named_children[1]
                if var.type == "pair" and var.named_children:
                    var = var.named_children[-1]  # foreach ($a as $k => $v): $v
                if var.type == "variable_name":
                    globbed = over.type == "function_call_expression" and self.name(over) == "glob"
                    self.loop(node_text(var), self.value(over), pattern=globbed)  # glob()'s value is its pattern
            elif t == "function_call_expression":
                self.each(node, self.call, _IDENTS)
            elif t == "shell_command_expression":
                c.command_line(self.string(node), "`…`")
            elif t in _INCLUDES and node.named_children:
                # include/require are language constructs, not calls: `include "/tmp/x.php";`, `require_once $argv[1];`
                c.load(self.value(node.named_children[-1]), t.removesuffix("_expression"))
            elif t == "subscript_expression" and node.named_children:
                base = node.named_children[0]
                self.safe.add((base.start_byte, base.end_byte))  # $_ENV["X"]: one variable
            elif t == "variable_name" and node_text(node) in ("$_ENV", "$_SERVER"):
                if (node.start_byte, node.end_byte) not in self.safe:
                    c.env_dump()
            elif t in ("member_call_expression", "scoped_call_expression", "object_creation_expression"):
                name_node = node.child_by_field_name("name") or next((ch for ch in node.named_children if ch.type in ("name", "qualified_name")), None)
                text = node_text(name_node)
                reflected = (
                    self.value(node.child_by_field_name("object")).sym or "" if t == "member_call_expression" and text in ("invoke", "invokeArgs") else ""
                )
                if reflected.startswith(_REFLECTED):
                    # (new ReflectionFunction("system"))->invoke(CMD), ->invokeArgs([CMD]): a call of that function
                    fn = reflected[len(_REFLECTED) :]
                    args = self.args(node)
                    if DYN in fn:
                        c.dynamic("a function reached by reflection whose name is computed at run time")
                    elif text == "invoke":
                        self.effect(fn, [self.value(a) for a in args[:8]], args)
                    else:
                        listed = self.value(args[0]) if args else UNKNOWN
                        if listed.items is None:
                            c.dynamic(f"{fn} reached by reflection with arguments computed at run time")
                        else:
                            self.effect(fn, listed.items[:8], [])
                elif node.type == "object_creation_expression" and any(k in text for k in ("Client", "Http", "Socket", "Curl")):
                    c.network(None, text)
                elif node.type == "member_call_expression" and text in _OBJECT_WRITERS:
                    # $zip->open(P, ZipArchive::CREATE), $phar->compress(…), $img->writeImage(P), $doc->save(P): a file
                    # written through an object's method, given a literal path (fix14b, round 14a's open item). An
                    # open() writes only with a creating flag.
                    args = self.args(node)
                    first = self.value(args[0]) if args else None
                    flags = " ".join(node_text(a) for a in args[1:])
                    if first is not None and first.text is not None and ("/" in first.text or "." in first.text.lstrip(".")):
                        if text != "open" or any(f in flags for f in ("CREATE", "OVERWRITE", "EXCL")):
                            c.write(first, text)
                elif text in ("request", "get", "post", "send", "sendRequest") and node.type != "object_creation_expression":
                    obj = node_text(node.child_by_field_name("object") or node.child_by_field_name("scope"))
                    if any(k in obj.lower() for k in ("client", "http", "guzzle")):
                        args = self.args(node)
                        c.network(self.value(args[0]) if args else None, text)
        return c.finish()


_REFLECTED = "reflection:"  # the sym of a ReflectionFunction made on a named function: "reflection:system"
# Methods of an object that write the file their first argument names: ZipArchive's open (with CREATE or OVERWRITE),
# DOMDocument's and SimpleXMLElement's save/asXML, Imagick's writeImage, PharData's and others' save.
_OBJECT_WRITERS = frozenset({"open", "save", "saveXML", "asXML", "saveHTMLFile", "writeImage", "writeImages", "saveAs", "extractTo"})


def read(code: str, depth: int = 0) -> tuple[CodeFacts, bool] | None:
    """(facts, clean) for PHP *code* (with or without its ``<?php`` tag); None when it was not parsed."""
    from . import tsload

    text = code if code.lstrip().startswith("<?") else _TAG + code
    root = tsload.parse("php", text)
    if root is None:
        return None
    return _Reader(depth).read(root), not root.has_error
