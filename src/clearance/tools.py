"""The file effects of the non-shell tools; their kinds (toolkind.py), re-exported."""

from __future__ import annotations

from .lazyre import lazy
from .shell.effects import DELETE, READ, WRITE, Effect
from .toolkind import KIND_OF as KIND_OF
from .toolkind import kind_of as kind_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .model import Action
    from .scope import Scope


def _path_field(action: Action) -> str | None:
    ti = action.tool_input
    for key in ("file_path", "notebook_path", "path"):
        v = ti.get(key)
        if isinstance(v, str) and v:
            return v
    return None


# MCP servers that work on the local filesystem (the reference "filesystem" server and
# its look-alikes): their tools are judged by the paths they touch, like Read and Write.
_LETTERS = lazy(r"[a-z]+")
_CAMEL = lazy(r"([a-z0-9])([A-Z])")
_FS_SERVERS = frozenset({"filesystem", "fs", "files", "file", "file_system", "local_files", "desktop_commander", "desktop-commander"})
_FS_READ = frozenset({"read", "list", "search", "get", "tree", "find", "stat", "info", "view", "open"})
_FS_DELETE = frozenset({"delete", "remove", "rm", "unlink", "trash"})
_FS_WRITE = frozenset({"write", "edit", "create", "move", "rename", "copy", "append", "replace", "patch", "set", "save", "mkdir"})


def filesystem_server(tool_name: str) -> bool:
    parts = tool_name.split("__", 2)
    return len(parts) == 3 and parts[1].lower() in _FS_SERVERS


_TEXT_KEYS = ("content", "contents", "text", "data", "file_text", "fileText", "new_content", "newContent", "body")
_NEW_KEYS = ("new_string", "newText", "new_text", "new_str", "replacement", "repl", "newString")
_OLD_KEYS = ("old_string", "oldText", "old_text", "old_str", "regex", "needle", "search", "oldString")
# Verbs of a tool's name that change the file it names, beyond the filesystem servers' own (Serena's insert_after_symbol).
_EDITS_FILE = _FS_WRITE | frozenset({"insert", "update", "put", "overwrite", "reformat", "format"})

# Words of an input key that say it names a file (Serena's `relative_path`, JetBrains' `pathInProject`, `filePath`, `uri`).
_PATH_KEY_WORDS = frozenset(
    {"path", "paths", "file", "files", "filepath", "filename", "filenames", "filepaths", "uri", "uris", "dir", "directory", "folder"}
    | {"source", "destination", "dest", "target"}  # a move's or copy's ends (move_file {source, destination})
)
# Keys that say the call acts on another machine's or a forge's files (GitHub's `create_or_update_file {owner, repo,
# path}`, a bucket's key, an SSH server's host): its relative paths are not this machine's.
_REMOTE_KEYS = frozenset({"owner", "repo", "repository", "repo_name", "reponame", "project_id", "projectid", "bucket", "host", "hostname", "remote", "server"})


def _key_words(key: str) -> set[str]:
    return set(_LETTERS.findall(_CAMEL.sub(r"\1_\2", key).lower()))


def _remote_call(action: Action) -> bool:
    return any(k.lower().replace("-", "_") in _REMOTE_KEYS for k in action.tool_input)


def _file_url_path(v: str) -> str | None:
    """The local path of a `file:///…` (or `file://localhost/…`) URL, None for anything else."""
    if v[:7].lower() != "file://":
        return None
    from urllib.parse import unquote

    host, slash, path = v[7:].partition("/")
    if host.lower() not in ("", "localhost") or not slash:
        return None
    return unquote("/" + path.split("?", 1)[0].split("#", 1)[0])


def local_paths(action: Action) -> list[tuple[str, str]]:
    """(key, path) for each file an MCP call names on this machine: an absolute or home path under any key, a
    `file://` URL, and a path relative to the project under a key that names a file (`relative_path`,
    `pathInProject`, `filePath`), unless the call names a repository, bucket or host it acts on (adversarial round
    10a: Serena's and JetBrains' write tools, trusted, wrote `.claude/settings.json` by its project path)."""
    remote = _remote_call(action)
    out: list[tuple[str, str]] = []
    for key, top in list(action.tool_input.items())[:64]:
        values = [top] if isinstance(top, str) else [x for x in top[:64] if isinstance(x, str)] if isinstance(top, list) else []
        named = not remote and bool(_key_words(str(key)) & _PATH_KEY_WORDS)
        for v in values:
            if not v or len(v) > 4096 or "\n" in v or v.startswith("//"):
                continue
            url = _file_url_path(v)
            if url is not None:
                out.append((key, url))
            elif v.startswith(("/", "~")) or (named and ":" not in v and not v.startswith("-") and v.strip() == v):
                out.append((key, v))
    return out


def mcp_file_twin(action: Action) -> Action | None:
    """The built-in Write or Edit call an MCP server's write or edit of a local file is (`write_file {path, content}`,
    `edit_file {path, edits: [{oldText, newText}]}`, `edit_block {file_path, old_string, new_string}`, Serena's
    `create_text_file {relative_path, content}`, JetBrains' `replace_file_text_by_path {pathInProject, text}`), so that
    what the text says is judged as it is for Write and Edit (env files, conventional code, auto-approval keys …), not
    only where it lands; None for other calls."""
    from .model import Action

    verbs = mcp_words(action.tool_name)
    if not verbs & (_FS_WRITE if filesystem_server(action.tool_name) else _EDITS_FILE) or verbs & _FS_DELETE:
        return None
    ti = action.tool_input
    if filesystem_server(action.tool_name):
        path = next((v for k, v in _fs_path_args(action) if isinstance(ti.get(k), str) and not _source_key(k)), None)
    else:
        path = next((p for k, p in local_paths(action) if isinstance(ti.get(k), str)), None)
    if path is None:
        return None
    text = next((v for k in _TEXT_KEYS if isinstance(v := ti.get(k), str)), None)
    new = next((v for k in _NEW_KEYS if isinstance(v := ti.get(k), str)), None)
    if text is not None and new is None:
        return Action("write", "Write", {"file_path": path, "content": text})
    edits = ti.get("edits")
    if isinstance(edits, list):
        pairs = [
            {"old_string": str(e.get("oldText") or e.get("old_string") or e.get("old") or ""), "new_string": nv}
            for e in edits[:64]
            if isinstance(e, dict) and isinstance(nv := e.get("newText") or e.get("new_string") or e.get("new"), str)
        ]
        return Action("edit", "MultiEdit", {"file_path": path, "edits": pairs}) if pairs else None
    if isinstance(new, str):
        old = next((v for k in _OLD_KEYS if isinstance(v := ti.get(k), str)), "")
        return Action("edit", "Edit", {"file_path": path, "old_string": old, "new_string": new})
    return None


# Words of a filesystem server's input key that name the ends of a move, copy or link beyond _PATH_KEY_WORDS: `{src, dst}`,
# `{from, to}` (adversarial round 11a: `move_file {from, to}`, `copy_file {src, dst}` and `write_file {filePath}` were read
# by a fixed list of key names, and a protected file named under another key was allowed).
_FS_END_WORDS = frozenset({"src", "dst", "from", "to"})
# The words of the key that names what a move or rename takes away (`source`, `src`, `from`, `oldPath`).
_SOURCE_WORDS = frozenset({"source", "src", "from", "old"})


def _fs_path_args(action: Action) -> list[tuple[str, str]]:
    """(key, value) for each file a filesystem server's call names: every key whose words say it names a file or an end
    of a move or copy (`path`, `filePath`, `old_path`, `sourcePath`, `src`, `to`, `paths`), one string or a list (a
    file:// URL as its path) -- never the text it writes (`content`, `newText`) nor a command or a setting's value."""
    out: list[tuple[str, str]] = []
    for key, top in list(action.tool_input.items())[:64]:
        k = str(key)
        if k in _TEXT_KEYS or k in _NEW_KEYS or k in _OLD_KEYS:
            continue
        values = [top] if isinstance(top, str) else [x for x in top[:64] if isinstance(x, str)] if isinstance(top, list) else []
        if not _key_words(k) & (_PATH_KEY_WORDS | _FS_END_WORDS):
            continue  # a command, a pattern, a setting's value: not a file the call writes
        for v in values:
            if v and len(v) <= 4096 and "\n" not in v:
                out.append((k, _file_url_path(v) or v))
    return out


def _source_key(key: str) -> bool:
    return bool(_key_words(key) & _SOURCE_WORDS)


def _mcp_file_effects(action: Action, sc: Scope) -> list[Effect]:
    verbs = mcp_words(action.tool_name)
    found = _fs_path_args(action)
    out: list[Effect] = []
    for key, v in found:
        if verbs & _FS_DELETE or (verbs & {"move", "rename"} and _source_key(key)):
            kind = DELETE
        elif verbs & _FS_WRITE:
            kind = WRITE
        elif verbs & _FS_READ:
            kind = READ
        else:
            kind = WRITE  # an unknown operation on a path: judged as the stronger one
        recursive = bool(verbs & {"list", "search", "tree", "find", "directory"}) and kind == READ
        out.append(Effect(kind, sc.path(v), v, recursive=recursive, note=action.tool_name))
    return out


def _mcp_named_files(action: Action, sc: Scope) -> list[Effect]:
    """A local file an argument of another server's tool names by an absolute or home path (a download's `output`, a
    browser's screenshot `filename`, an export's `out`, a `read_file` `path`): the server opens it. Which of its
    arguments a tool writes is its own business, so the call is judged only where the path matters whatever it is
    used for: a credential is read (any tool may send what it opens), a protected file -- an agent's settings, a shell
    start-up file, clearance's own -- is written unless every word of the tool's name reads. Other paths stay the
    server's (adversarial round 9a: `download_file {output: ~/.claude/settings.json}` was allowed)."""
    from .paths import DYN, clearance_owned, credential_reason, protected_reason

    verbs = mcp_words(action.tool_name)
    reads = bool(verbs & _FS_READ) and not verbs & (_FS_WRITE | _FS_DELETE)
    out: list[Effect] = []
    for _key, v in local_paths(action):
        path = sc.path(v)
        if DYN in path:
            continue
        if credential_reason(path, sc.ctx) is not None:
            out.append(Effect(READ, path, v, note=action.tool_name))
        if not reads and (protected_reason(path, sc.ctx) is not None or clearance_owned(path, sc.ctx) is not None):
            out.append(Effect(WRITE, path, v, note=action.tool_name))
    return out


def _local_sql_files(action: Action, sc: Scope) -> list[Effect]:
    """The files SQL sent to a local engine's MCP server writes and reads (a SQLite or DuckDB server runs on this
    machine: `COPY … TO 'F'`, `EXPORT DATABASE 'D'`, `VACUUM INTO 'F'`, `writefile('F', …)`), judged as sqlite3's and
    duckdb's own are (adversarial round 9a)."""
    parts = action.tool_name.split("__", 2)
    server = parts[1].lower() if len(parts) == 3 else ""
    if "sqlite" not in server and "duckdb" not in server:
        return []
    from .code.sql import read
    from .rules.db import _strings

    out: list[Effect] = []
    for text in _strings(action.tool_input)[:16]:
        for piece in (text,):  # the whole argument, as sqlite3 -c and duckdb -c read it (EXPORT is no statement sql_pieces knows)
            script = read(piece, "sqlite3")
            out.extend(Effect(WRITE, sc.path(w), w, note=action.tool_name) for w in script.writes[:64])
            out.extend(Effect(READ, sc.path(r), r, note=action.tool_name) for r in script.reads[:64])
    return out


def mcp_words(tool_name: str) -> set[str]:
    """The words of an MCP tool's own name (`browser_take_screenshot` -> browser, take, screenshot; camelCase split)."""
    parts = tool_name.split("__", 2)
    tool = parts[2] if len(parts) == 3 else tool_name
    return set(_LETTERS.findall(_CAMEL.sub(r"\1_\2", tool).lower()))


def _file_url_reads(action: Action, sc: Scope) -> list[Effect]:
    """A file:// URL handed to any MCP tool (a browser's navigate, a fetch server) is a read of that file: a browser
    opens it and returns its text or a screenshot of it."""
    out: list[Effect] = []
    values: list[object] = list(action.tool_input.values())[:64]
    for top in list(values):
        if isinstance(top, list):
            values.extend(x for x in top[:64] if isinstance(x, str))
    for v in values:
        path = _file_url_path(v) if isinstance(v, str) else None
        if isinstance(v, str) and path is not None:
            out.append(Effect(READ, sc.path(path), v, note=action.tool_name))
    return out


def _grep_names_only(action: Action) -> bool:
    """Claude Code's Grep in files_with_matches or count mode answers with file names (and counts), not lines."""
    return action.tool_name == "Grep" and action.tool_input.get("output_mode") in ("files_with_matches", "count")


def _grep_query(action: Action) -> str | None:
    """The regular expression a names-only Grep looks for in the files (creds.list-secret-names judges it)."""
    pattern = action.tool_input.get("pattern")
    return pattern if _grep_names_only(action) and isinstance(pattern, str) else None


def action_effects(action: Action, sc: Scope) -> list[Effect]:
    """Which paths a file tool writes or reads."""
    p = _path_field(action)
    kind = action.kind
    out: list[Effect] = []
    if kind == "mcp":
        out = _mcp_file_effects(action, sc) if filesystem_server(action.tool_name) else _mcp_named_files(action, sc)
        return out + _file_url_reads(action, sc) + _local_sql_files(action, sc)
    if action.tool_name == "ApplyPatch":
        files = action.tool_input.get("files")
        for f in files if isinstance(files, list) else []:
            if isinstance(f, dict) and isinstance(f.get("path"), str):
                k = DELETE if f.get("kind") == "delete" else WRITE
                out.append(Effect(k, sc.path(f["path"]), f["path"], note="apply_patch"))
        return out
    if kind in ("write", "edit") and p is not None:
        out.append(Effect(WRITE, sc.path(p), p, note=action.tool_name))
    elif kind == "read" and p is not None:
        out.append(Effect(READ, sc.path(p), p, note=action.tool_name))
    elif kind == "search":
        base = p or "."
        pattern = action.tool_input.get("pattern")
        glob = action.tool_input.get("glob")
        if action.tool_name == "LS":
            # LS lists the names in a directory, like `ls`: it reads no file's contents.
            out.append(Effect(READ, sc.path(base), base, note=action.tool_name))
        elif action.tool_name == "Glob" and isinstance(pattern, str) and pattern:
            # Glob returns the paths its pattern matches (names, no contents; an adapter whose tool reads the files
            # it matches says so, and one whose tool takes several patterns lists them): judged by what each can match.
            names = not action.tool_input.get("read_contents")
            listed = action.tool_input.get("patterns")
            each = [x for x in listed[:64] if isinstance(x, str) and x] if isinstance(listed, list) else [pattern]
            for pat in each or [pattern]:
                full = pat if pat.startswith(("/", "~")) else base.rstrip("/") + "/" + pat
                out.append(Effect(READ, sc.path(full), full, note=action.tool_name, names_only=names))
        elif action.tool_name == "Grep" and isinstance(glob, str) and glob and not glob.startswith(("!", "/", "~")):
            # Grep reads only the files its glob selects (a name pattern matches at any depth).
            full = base.rstrip("/") + ("/" if "/" in glob else "/**/") + glob
            out.append(Effect(READ, sc.path(full), full, note=action.tool_name, names_only=_grep_names_only(action), query=_grep_query(action)))
        else:
            out.append(Effect(READ, sc.path(base), base, recursive=True, names_only=_grep_names_only(action), query=_grep_query(action)))
        if action.tool_name == "Grep" and isinstance(glob, str) and glob.startswith(("/", "~")):
            out.append(Effect(READ, sc.path(glob), glob))
    return out
