"""Files a script loads from the project, per language, followed transitively with bounded depth and size.

`python3 main.py` imports `helper.py` beside it; `node app.js` runs `./lib/db.js` through `require('./lib/db')`;
`ruby bin/setup.rb` runs `../lib/boot.rb` through `require_relative`; `php index.php` runs `bootstrap.php` through
`require __DIR__ . '/bootstrap.php'`.  Running the script runs them: each is read through the caller's reader (which
reads inside the project or a temp directory, never a dependency directory) and judged like the script.

One table, per language: how a file names another, and how the name becomes a path:

- python: `import a.b`, `from a.b import c` -> a.py or a/__init__.py, a/b.py or a/b/__init__.py and a/b/c.py (c may be a
  submodule) in the main script's directory (sys.path[0]); `from .m import x`, `from .. import m` -> relative to the
  importing module's package;
- js: `require('./x')`, `import … from '../x.mjs'`, `import './x'`, `export … from './x'`, `import('./x')` -> relative to
  the importing file, resolved as node and TypeScript resolve a relative specifier (the file, the file with each
  JavaScript or TypeScript extension, `x.js` written for `x.ts`, then `x/index.*`); bare names are packages;
- ruby: `require_relative 'x'` -> relative to the file; `require './x'`, `load 'x.rb'` -> relative to the working directory;
- php: `include`/`require`(`_once`) of a literal path, `__DIR__ . '/x.php'` or `dirname(__FILE__) . '/x.php'` -> the
  file's directory; a plain relative path -> the working directory, then the including file's directory;
- csharp (Cake's build.cake, dotnet-script's .csx): `#load "x.cake"` -> relative to the file.

A file that cannot be read (missing, outside the project, in node_modules or vendor) is not followed; one larger than
clearance reads is skipped, as a large module imported by a script always was.  Past MAX_FILES modules the reading
stops, and the first existing module it did not follow is named (`Loaded.unread`): code clearance cannot read is asked
about, never taken as harmless.  Shell scripts' `source ./x` is followed
by the shell analysis itself (a `source` command in the script is a script run).
"""

from __future__ import annotations

import posixpath

from ..lazyre import lazy
from ..model import TOO_LARGE, not_regular

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

MAX_FILES = 64  # files followed per script; an existing module past them is asked about (Loaded.unread)
MAX_DEPTH = MAX_FILES  # import chain length: a chain is bounded by the files followed (round 7: a payload nine modules down)
MAX_READS = 640  # candidate paths tried per script (a missing module costs one read per candidate)
# Characters of the modules followed per script: the time their analysis takes stays what 16 files of the largest size
# clearance reads took (context.MAX_SCRIPT_BYTES); many small modules are read, a few large ones fill the budget.
MAX_CHARS = 16 * 64 * 1024
_MAX_TEXT = 200_000  # characters of a file searched for imports

_JS_EXTS = (".js", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".jsx")
# `require('./x')`, `import('./x')`, `from './x'`, `import './x'` (a side-effect import): the quote, then a relative specifier.
_JS_SPEC = lazy(r"""(?:\brequire\s*+\(\s*+|\bimport\s*+\(\s*+|\bfrom\s++|\bimport\s++)(['"`])([^'"`\n]{1,300})\1""")
_RB_SPEC = lazy(r"""\b(require_relative|require|load)\b[ \t]*+\(?[ \t]*+(['"])([^'"\n]{1,300})\2""")
_PHP_SPEC = lazy(
    r"""\b(?:include|require)(?:_once)?\b\s*+\(?\s*+(__DIR__\s*+\.\s*+|dirname\s*+\(\s*+__FILE__\s*+\)\s*+\.\s*+)?(['"])([^'"\n$]{1,300})\2""", 2
)  # re.IGNORECASE: PHP keywords and magic constants are case-insensitive


# `import a.b, c as d` and `from a.b import (x, y)` / `from .x import y` / `from .. import z`, at a line's start.
_PY_IMPORT = lazy(
    r"(?m)^[ \t]*+import[ \t]++([A-Za-z_][\w.]{0,200}+(?:[ \t]++as[ \t]++\w++)?+(?:[ \t]*+,[ \t]*+[A-Za-z_][\w.]{0,200}+(?:[ \t]++as[ \t]++\w++)?+){0,64}+)"
)
_PY_FROM = lazy(r"(?m)^[ \t]*+from[ \t]++(\.{0,8}+)([A-Za-z_][\w.]{0,200}+)?+[ \t]++import[ \t]++(\([^)]{0,4000}+\)|[^\n#;]{0,2000}+)")


def _py_module(root: str, dotted: str) -> list[list[str]]:
    """The files Python runs for `import dotted` under *root*: each package's __init__.py on the way, then the module."""
    parts = [p for p in dotted.split(".") if p]
    out = []
    for k in range(1, len(parts) + 1):
        d = "/".join([root, *parts[:k]])
        out.append([f"{d}.py", f"{d}/__init__.py"])
    return out


def _python(path: str, text: str, base: str) -> list[list[str]]:
    """`import a.b` -> a.py or a/__init__.py, then a/b.py or a/b/__init__.py (from the main script's directory,
    sys.path[0]); `from a import x` -> also a/x.py (x may be a submodule); `from .m import x` and `from .. import m`
    -> relative to the importing module's package."""
    out: list[list[str]] = []
    for m in _PY_IMPORT.finditer(text):
        for item in m.group(1).split(","):
            name = item.split()[0] if item.split() else ""
            out += _py_module(base, name)
    for m in _PY_FROM.finditer(text):
        dots, module, names = m.group(1), m.group(2) or "", m.group(3).strip("() \t\r\n")
        if dots:
            root = posixpath.dirname(path)
            for _ in range(len(dots) - 1):
                root = posixpath.dirname(root)
            where = "/".join([root, *[p for p in module.split(".") if p]])
            out += [[f"{where}.py", f"{where}/__init__.py"]] if module else []
        else:
            where = "/".join([base, *module.split(".")])
            out += _py_module(base, module)
        for item in names.replace("\n", " ").split(",")[:64]:
            name = item.split()[0] if item.split() else ""
            if name.isidentifier() and (dots or module):
                out.append([f"{where}/{name}.py", f"{where}/{name}/__init__.py"])
    return out


def _js(path: str, text: str, aliases: list[tuple[str, str | None, list[str]]]) -> list[list[str]]:
    here = posixpath.dirname(path)
    out: list[list[str]] = []
    for m in _JS_SPEC.finditer(text):
        spec = m.group(2).split("?", 1)[0]
        if spec.startswith(("./", "../", "/")):
            targets = [posixpath.normpath(posixpath.join(here, spec))]
        else:
            # A bare name: a package, unless tsconfig's `paths` maps it into the project (`@/lib/x` -> src/lib/x).
            targets = [t for prefix, suffix, subs in aliases if spec.startswith(prefix) for t in _alias(spec, prefix, suffix, subs)]
        for p in targets[:4]:
            cands = _js_candidates(p)
            if cands:
                out.append(cands)
    return out


def _alias(spec: str, prefix: str, suffix: str | None, subs: list[str]) -> list[str]:
    """The paths a `paths` entry maps *spec* to: `prefix*suffix` patterns replace the star, an exact pattern (no star,
    stored with suffix None) only matches itself."""
    if suffix is None:
        return subs if spec == prefix else []
    if len(spec) < len(prefix) + len(suffix):
        return []
    middle = spec[len(prefix) : len(spec) - len(suffix)]
    return [t.replace("*", middle, 1) for t in subs]


def _js_candidates(p: str) -> list[str]:
    """The files node or TypeScript tries for a path without (or with) its extension."""
    ext = posixpath.splitext(p)[1]
    if ext and ext not in _JS_EXTS:
        return []  # `import './App.css'`, `require('./data.json')`: not code
    if not ext:
        return [p + e for e in _JS_EXTS] + [f"{p}/index{e}" for e in _JS_EXTS]
    stem = p[: -len(ext)]
    typescript = {".js": ".ts", ".mjs": ".mts", ".cjs": ".cts", ".jsx": ".tsx"}.get(ext)
    return [p, stem + typescript] if typescript else [p]  # TypeScript's `./x.js` names x.ts


def ts_aliases(path: str, read: Callable[[str], str | None]) -> list[tuple[str, str | None, list[str]]]:
    """tsconfig.json's `compilerOptions.paths` nearest above *path* (TypeScript runners - tsx, ts-node with
    tsconfig-paths, bundlers - resolve them): (prefix, suffix, absolute targets with `*`), relative to `baseUrl`."""
    from .convention import jsonc_to_json

    d = posixpath.dirname(path)
    for _ in range(8):
        text = read(f"{d}/tsconfig.json")
        if text is not None and text != TOO_LARGE:
            from .. import jsonlite as json

            try:
                options = json.loads(jsonc_to_json(text)).get("compilerOptions", {})
            except (ValueError, AttributeError):
                return []
            paths = options.get("paths") if isinstance(options, dict) else None
            base = options.get("baseUrl", ".") if isinstance(options, dict) else "."
            if not isinstance(paths, dict) or not isinstance(base, str):
                return []
            root = posixpath.normpath(posixpath.join(d, base))
            out: list[tuple[str, str | None, list[str]]] = []
            for pattern, targets in list(paths.items())[:32]:
                if not isinstance(pattern, str) or not isinstance(targets, list) or pattern.count("*") > 1:
                    continue
                prefix, star, suffix = pattern.partition("*")
                subs = [posixpath.normpath(posixpath.join(root, t)) for t in targets[:4] if isinstance(t, str) and t.count("*") == len(star)]
                if subs and prefix:
                    out.append((prefix, suffix if star else None, subs))
            return out
        if d in ("", "/"):
            break
        d = posixpath.dirname(d)
    return []


_RB_LOAD_PATH = lazy(
    r"""(?:\$LOAD_PATH|\$:)\s*+(?:\.\s*+(?:unshift|push|prepend|concat)|<<)\s*+\(?\s*+"""
    r"""(?:File\.(?:join|expand_path)\s*+\(\s*+)?(__dir__\s*+,\s*+)?['"]([^'"\n]{1,200})['"]\s*+(,\s*+(?:__dir__|__FILE__))?"""
)


def _ruby(path: str, text: str, cwd: str, load_dirs: list[str]) -> list[list[str]]:
    here = posixpath.dirname(path)
    dirs = list(load_dirs)
    for m in _RB_LOAD_PATH.finditer(text):
        # $LOAD_PATH.unshift 'lib', File.join(__dir__, 'lib'), File.expand_path('../lib', __FILE__) / ('lib', __dir__).
        name, anchor = m.group(2), m.group(3) or ""
        if m.group(1) or "__dir__" in anchor:
            dirs.append(posixpath.normpath(posixpath.join(here, name)))
        elif "__FILE__" in anchor:
            dirs.append(posixpath.normpath(posixpath.join(path, name)))  # expand_path('../lib', __FILE__): from the file's own name
        else:
            dirs.append(posixpath.normpath(posixpath.join(cwd, name)))
    out: list[list[str]] = []
    for m in _RB_SPEC.finditer(text):
        verb, name = m.group(1), m.group(3)
        if verb == "require_relative":
            base = here
        elif verb == "require" and not name.startswith(("./", "../", "/")):
            if dirs and all(c.isalnum() or c in "_-/." for c in name):
                # a file on a load path the command line (-I) or the script ($LOAD_PATH) names, else a gem
                rel = name if name.endswith(".rb") else name + ".rb"
                out.append([posixpath.normpath(f"{d}/{rel}") for d in dict.fromkeys(dirs)][:4])
            continue
        else:
            base = cwd
        p = posixpath.normpath(posixpath.join(base, name))
        out.append([p] if p.endswith(".rb") or verb == "load" else [p + ".rb", p])
    return out


_CS_LOAD = lazy(r'(?m)^[ \t]*+#load[ \t]++"([^"\n]{1,300})"')


def _csharp(path: str, text: str) -> list[list[str]]:
    here = posixpath.dirname(path)
    return [[posixpath.normpath(posixpath.join(here, m.group(1)))] for m in _CS_LOAD.finditer(text) if not m.group(1).startswith(("nuget:", "http"))]


def _php(path: str, text: str, cwd: str) -> list[list[str]]:
    here = posixpath.dirname(path)
    out: list[list[str]] = []
    for m in _PHP_SPEC.finditer(text):
        name = m.group(3)
        if m.group(1):
            out.append([posixpath.normpath(here + "/" + name.lstrip("/"))])
        elif name.startswith("/"):
            out.append([posixpath.normpath(name)])
        else:  # include_path ('.' is the working directory), then the including script's own directory
            out.append(list(dict.fromkeys([posixpath.normpath(posixpath.join(cwd, name)), posixpath.normpath(posixpath.join(here, name))])))
    return out


class Loaded(list[tuple[str, str]]):
    """(path, text) of each file followed, and `unread`: the first existing module past the bound, not followed."""

    unread: str | None = None


def loaded(
    lang: str,
    path: str,
    text: str,
    cwd: str,
    read: Callable[[str], str | None],
    listdir: Callable[[str], list[str] | None] | None = None,
    load_dirs: list[str] | None = None,
) -> Loaded:
    """(path, text) of each project file the script at *path* (text *text*) loads, breadth first, itself excluded.
    With *listdir*, a candidate whose directory listing lacks its name is not read (one listing per directory).
    Past MAX_FILES files, MAX_CHARS characters or MAX_DEPTH modules down, the first module found and not followed is `unread`."""
    out = Loaded()
    if lang not in ("python", "js", "ruby", "php", "csharp") or text == TOO_LARGE:
        return out
    listings: dict[str, frozenset[str] | None] = {}
    aliases = ts_aliases(path, read) if lang == "js" else []

    def absent(c: str) -> bool:
        if listdir is None:
            return False
        d, _, name = c.rpartition("/")
        if d not in listings:
            names = listdir(d) if len(listings) < 64 else None
            listings[d] = frozenset(names) if names is not None else None
        known = listings[d]
        return known is not None and name not in known

    base = posixpath.dirname(path)
    seen = {path}
    pending = [(path, text, 0)]
    reads = chars = 0
    while pending and out.unread is None and reads < MAX_READS:
        p, t, depth = pending.pop(0)
        # At the bound the files a module imports are still looked for, to name one that is there and not read.
        full = len(out) >= MAX_FILES or depth >= MAX_DEPTH or chars >= MAX_CHARS
        t = t[:_MAX_TEXT]
        if lang == "python":
            specs = _python(p, t, base)
        elif lang == "js":
            specs = _js(p, t, aliases)
        elif lang == "ruby":
            specs = _ruby(p, t, cwd, load_dirs or [])
        elif lang == "csharp":
            specs = _csharp(p, t)
        else:
            specs = _php(p, t, cwd)
        for cands in specs:
            if any(c in seen for c in cands):
                continue
            for c in cands:
                if reads >= MAX_READS:
                    break
                if absent(c):
                    continue
                reads += 1
                got = read(c)
                if got is None:
                    continue
                seen.add(c)
                if not_regular(got):
                    # A FIFO, socket or device where a module is imported: what it holds is whatever a writer hands
                    # it when the script runs -- unread, never a large vendored module skipped (fix19a).
                    out.unread = c
                elif full and got != TOO_LARGE:
                    out.unread = c
                elif got != TOO_LARGE:
                    out.append((c, got))
                    pending.append((c, got, depth + 1))
                    chars += len(got)
                break
            if out.unread is not None:
                break
            full = full or len(out) >= MAX_FILES or chars >= MAX_CHARS
    return out
