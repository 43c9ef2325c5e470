"""Editors' and cloud workspaces' project start-up files (fix16, adversarial round 15a's open class): what each runs
when the project is opened, read by the language it is written in. The table of files and their languages is
code/__init__.EDITOR_STARTUP (data); convention.role gives each its role, and convention_files.shell_code hands the
languages below to editor_code. Loaded only when such a file is written."""

from __future__ import annotations

from .. import jsonlite as json
from ..lazyre import lazy
from ..shell.ir import shell_quote

# Vim script (and Neovim Lua's vim.fn.*): the functions that run a command line or change a file, by name.
_VIM_CALL = lazy(r"\b(system|systemlist|jobstart|termopen|job_start|delete|writefile|rename)\s*+\(")
# A Vim command line that runs its rest in a shell: `!cmd`, `silent !cmd`, `silent! !cmd`, `:terminal cmd`.
_VIM_BANG = lazy(r"^:*+\s*+(?:sil(?:ent)?!?\s++)?(?:!|ter(?:minal)?\s++)(.+)$")
# `autocmd EVENT PATTERN BODY` and `exe[cute] "BODY"`: the body is a command line of its own.
_VIM_AUTOCMD = lazy(r"^:*+\s*+au(?:tocmd)?!?\s++(?:\S+\s++)?\S+\s++\S+\s++(.+)$")
_VIM_EXECUTE = lazy(r"""^:*+\s*+exe(?:cute)?\s++(?:'((?:[^']|'')*)'|"((?:[^"\\]|\\.)*)")""")
# Interpreters Vim hands a line (or a heredoc) to: `lua CODE`, `py3 CODE`, `lua << EOF`.
_VIM_INTERP = lazy(r"^:*+\s*+(lua|py3|python3|pyx|python|py|perl|ruby)\b\s*+(.*)$")
# Neovim Lua: `vim.cmd('…')`, `vim.cmd[[…]]`, `vim.api.nvim_command('…')` hand Vim a command line.
_NVIM_CMD = lazy(r"""\bvim\s*+\.\s*+(?:cmd|api\s*+\.\s*+nvim_command|api\s*+\.\s*+nvim_exec2?)\s*+\(?\s*+(?:\[\[([^\]]*)\]\]|'([^'\n]*)'|"([^"\n]*)")""")
# Emacs Lisp: the forms that run a command line or change a file.
_ELISP_FORM = lazy(
    r"\((shell-command|async-shell-command|shell-command-to-string|call-process|call-process-shell-command|start-process|"
    r"start-process-shell-command|make-process|delete-directory|delete-file|copy-file|rename-file|write-region|process-lines|load-file|load)\b"
)
# Vim's commands that run a script file of Vim script or another language (`source F`, `luafile F`, `py3file F`): the
# code run is the file's, not the start-up file's; each is read as the command line that runs that file.
_VIM_LOAD = lazy(r"^:*+\s*+(so(?:urce)?|luaf(?:ile)?|py3f(?:ile)?|pyf(?:ile)?|pyxf(?:ile)?|rubyf(?:ile)?|perlf(?:ile)?)!?\s++(\S[^|]*)$")
_VIM_LOADERS = {"lua": "lua", "py3": "python3", "py": "python3", "pyx": "python3", "rub": "ruby", "per": "perl"}
# Lua's loaders of another file's code (`dofile('F')`, `loadfile('F')()`) and Neovim's `vim.cmd.source('F')`.
_LUA_LOAD = lazy(r"""\b(dofile|loadfile|vim\s*+\.\s*+cmd\s*+\.\s*+source)\s*+\(\s*+""")
# `exe[cute] EXPR`: the command line Vim builds from the expression's strings and joins.
_VIM_EXE_ANY = lazy(r"^:*+\s*+exe(?:cute)?\s++(.+)$")
_INTERPRETERS = {"lua": "lua -e", "py3": "python3 -c", "python3": "python3 -c", "pyx": "python3 -c", "python": "python3 -c", "py": "python3 -c"}
_INTERPRETERS.update({"perl": "perl -e", "ruby": "ruby -e"})
# .gitpod.yml's task commands (`before`, `init`, `command`), run when a workspace starts.
_GITPOD_LINE = lazy(r"^(\s*+)-?\s*+(?:before|init|command):\s*+(.*)$")


def editor_code(lang: str, text: str) -> list[str]:
    """The command lines a project start-up file of language *lang* runs (EDITOR_LANGS)."""
    if lang == "vim":
        return vim_commands(text)
    if lang == "nvimlua":
        out = [f"lua -e {shell_quote(text)}"] if text.strip() else []
        for m in _NVIM_CMD.finditer(text[:200_000]):
            body = m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
            out += vim_commands(body or "")
        return out + _vim_calls(text) + lua_loads(text)
    if lang == "elisp":
        return elisp_commands(text)
    if lang == "helix":
        return _commands_of(_toml(text))
    if lang == "gitpod":
        from ..rules.tools import _workflow_commands

        return _workflow_commands(text, _GITPOD_LINE)
    if lang == "replit":
        data = _toml(text)
        return _strings_under(data, ("run", "onBoot", "build", "compile")) if isinstance(data, dict) else []
    if lang == "codesandbox":
        try:
            data = json.loads(text)
        except ValueError:
            return []
        return _strings_under(data, ("setupTasks", "command")) if isinstance(data, dict) else []
    return []


def _toml(text: str) -> object:
    import tomllib

    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return None


def _commands_of(data: object, depth: int = 0) -> list[str]:
    """Every table's program and arguments (`command = "sh"`, `args = ["-c", "…"]`): Helix's language servers and
    formatters, started when a file of their language is opened."""
    out: list[str] = []
    if depth > 6:
        return out
    if isinstance(data, dict):
        cmd = data.get("command")
        if isinstance(cmd, str) and cmd:
            args = data.get("args")
            words = [cmd, *(a for a in args if isinstance(a, str))] if isinstance(args, list) else [cmd]
            out.append(" ".join(shell_quote(w) for w in words))
        for v in list(data.values())[:256]:
            out += _commands_of(v, depth + 1)
    elif isinstance(data, list):
        for v in data[:256]:
            out += _commands_of(v, depth + 1)
    return out[:256]


def _strings_under(data: object, keys: tuple[str, ...], depth: int = 0, inside: bool = False) -> list[str]:
    """The command strings held under *keys* at any depth: a string, a list of strings, `{"command": …}` items."""
    out: list[str] = []
    if depth > 6:
        return out
    if isinstance(data, str):
        return [data] if inside else []
    if isinstance(data, list):
        for v in data[:256]:
            out += _strings_under(v, keys, depth + 1, inside)
    elif isinstance(data, dict):
        for k, v in list(data.items())[:256]:
            out += _strings_under(v, keys, depth + 1, inside or k in keys)
    return out[:256]


# --- Vim script


def _vim_string(text: str, i: int) -> tuple[str, int] | None:
    """The Vim string literal at *i* ('…' with '' for a quote, "…" with backslash escapes) and the index after it."""
    q = text[i]
    j = i + 1
    out: list[str] = []
    while j < len(text):
        c = text[j]
        if q == "'" and c == "'":
            if text[j + 1 : j + 2] == "'":
                out.append("'")
                j += 2
                continue
            return "".join(out), j + 1
        if q == '"' and c == "\\" and j + 1 < len(text):
            out.append({"n": "\n", "t": "\t"}.get(text[j + 1], text[j + 1]))
            j += 2
            continue
        if q == '"' and c == '"':
            return "".join(out), j + 1
        if c == "\n":
            return None
        out.append(c)
        j += 1
    return None


def _vim_value(text: str, i: int, depth: int = 0) -> tuple[list[str] | str | None, int]:
    """One argument at *i*: a string, `expand('…')`, `$HOME`, their `.`/`..` joins, a list `[…]` or Lua table `{…}`
    of them; None for anything computed otherwise. Returns the index after the argument."""
    n = len(text)
    parts: list[str] = []
    known = True
    while i < n and depth < 8:
        while i < n and text[i] in " \t":
            i += 1
        if i >= n:
            break
        c = text[i]
        if c in "'\"":
            s = _vim_string(text, i)
            if s is None:
                return None, n
            parts.append(s[0])
            i = s[1]
        elif c in "[{":
            close = "]" if c == "[" else "}"
            items: list[str] = []
            i += 1
            while i < n and text[i] != close:
                v, i = _vim_value(text, i, depth + 1)
                items.append(v if isinstance(v, str) else "\x00")
                while i < n and text[i] in " \t\n,":
                    i += 1
                if i < n and text[i] not in close + "'\"[{$" and not text[i].isalnum():
                    i += 1
            return (items if "\x00" not in items else None), i + 1
        elif text.startswith(("expand(", "vim.fn.expand("), i):
            i = text.index("(", i) + 1
            v, i = _vim_value(text, i, depth + 1)
            while i < n and text[i] in " \t":
                i += 1
            i += 1 if i < n and text[i] == ")" else 0
            if isinstance(v, str):
                parts.append(v)
            else:
                known = False
        elif text.startswith("vim.env.", i) and i + 8 < n and (text[i + 8].isalpha() or text[i + 8] == "_"):
            # Neovim's vim.env.NAME: the variable, as `$NAME` is
            j = i + 8
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            parts.append("$" + text[i + 8 : j])
            i = j
        elif text.startswith(("vim.uv.os_homedir()", "vim.loop.os_homedir()", "os.getenv('HOME')", 'os.getenv("HOME")'), i):
            parts.append("$HOME")
            i = text.index(")", i) + 1
        elif c == "$" and i + 1 < n and (text[i + 1].isalpha() or text[i + 1] == "_"):
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            parts.append("$" + text[i + 1 : j])
            i = j
        else:
            j = i
            while j < n and (text[j].isalnum() or text[j] in "_.:#"):
                j += 1
            known = False
            i = max(j, i + 1) if j > i else i
            if j == i:
                break
        while i < n and text[i] in " \t":
            i += 1
        if text.startswith("..", i):
            i += 2
        elif i < n and text[i] == ".":
            i += 1
        else:
            break
    return ("".join(parts) if known and parts else None), i


def _word(path: str) -> str:
    """A path as a shell word, its `~/` and `$HOME` left for the shell to expand."""
    for head in ("~/", "$HOME/", "$HOME"):
        if path.startswith(head):
            return ('"$HOME"/' if head.startswith("$") else "~/") + shell_quote(path[len(head) :].lstrip("/")) if path[len(head) :] else "~"
    return shell_quote(path) if path != "~" else "~"


def _vim_calls(text: str) -> list[str]:
    """What Vim's functions named in *text* do, as command lines: system('x') runs x, delete(P, 'rf') is rm -rf P."""
    out: list[str] = []
    for m in _VIM_CALL.finditer(text[:200_000]):
        name = m.group(1)
        args: list[list[str] | str | None] = []
        i = m.end()
        for _ in range(3):
            v, i = _vim_value(text, i)
            args.append(v)
            while i < len(text) and text[i] in " \t":
                i += 1
            if i >= len(text) or text[i] != ",":
                break
            i += 1
        first = args[0]
        if name in ("system", "systemlist", "jobstart", "termopen", "job_start"):
            if isinstance(first, str):
                out.append(first)
            elif isinstance(first, list) and first:
                out.append(" ".join(_word(w) for w in first))  # its $HOME and ~ left for the shell to expand
        elif name == "delete" and isinstance(first, str):
            flag = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
            out.append(f"{'rm -rf' if 'rf' in flag else 'rmdir' if flag == 'd' else 'rm -f'} -- {_word(first)}")
        elif name == "writefile" and len(args) > 1 and isinstance(args[1], str):
            out.append(f": > {_word(args[1])}")
        elif name == "rename" and isinstance(first, str) and len(args) > 1 and isinstance(args[1], str):
            out.append(f"mv -- {_word(first)} {_word(args[1])}")
    return out[:256]


def _load_line(command: str, path: str) -> str:
    """The command line that runs the file a Vim loading command names: `source F` is `vim -S F` (a .lua file `lua F`),
    `luafile F` is `lua F`, `py3file F` is `python3 F` …"""
    word = _word(path)
    if command.startswith("so"):
        return f"lua {word}" if path.endswith(".lua") else f"vim -S {word}"
    return f"{_VIM_LOADERS.get(command[:3], 'lua')} {word}"


def lua_loads(text: str) -> list[str]:
    """The files Lua code loads and runs (`dofile('F')`, `loadfile('F')`, Neovim's `vim.cmd.source('F')`), each as the
    command line that runs it (`lua F`, `vim -S F`); a path built at run time is not followed."""
    out: list[str] = []
    for m in _LUA_LOAD.finditer(text[:200_000]):
        v, _ = _vim_value(text, m.end())
        if isinstance(v, str) and v:
            out.append(_load_line("so" if m.group(1).endswith("source") else "luafile", v))
    return out[:64]


def vim_commands(text: str) -> list[str]:
    """The command lines a Vim script runs (.exrc, .nvimrc, .vimrc, .lvimrc read at start under 'exrc'): `!cmd` and
    `:terminal cmd` lines, autocmd and execute bodies, `lua`/`py3` lines and heredocs (as that interpreter's one-liner),
    and the functions that run a command or change a file (system, jobstart, delete, writefile, rename)."""
    out: list[str] = []
    lines = text.splitlines()[:20_000]
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if not line or line.startswith('"'):
            continue
        for _ in range(3):
            m = _VIM_AUTOCMD.match(line)
            if m is not None:
                line = m.group(1).strip()
                continue
            m = _VIM_EXECUTE.match(line)
            e = _VIM_EXE_ANY.match(line)
            built = _vim_value(e.group(1), 0)[0] if e is not None else None
            if m is None and not isinstance(built, str):
                break
            # `exe '!' . 'rm -rf ~/x'`: the command line its strings and joins build (one string alone as before)
            line = (built if isinstance(built, str) else m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)).strip()  # type: ignore[union-attr]
        m = _VIM_LOAD.match(line)
        if m:
            out.append(_load_line(m.group(1), m.group(2).strip()))
            continue
        m = _VIM_BANG.match(line)
        if m:
            out.append(m.group(1).strip())
            continue
        m = _VIM_INTERP.match(line)
        if m:
            body = m.group(2).strip()
            if body.startswith("<<"):
                end = body[2:].strip().removeprefix("trim").strip() or "."
                block: list[str] = []
                while i < len(lines) and lines[i].strip() != end:
                    block.append(lines[i])
                    i += 1
                i += 1
                body = "\n".join(block)
            if body.startswith("="):
                body = body[1:]
            if body.strip():
                out.append(f"{_INTERPRETERS[m.group(1)]} {shell_quote(body)}")
                if m.group(1) == "lua":
                    out += lua_loads(body)
            continue
        out += _vim_calls(line)
    return out[:256]


# --- Emacs Lisp


def _elisp_strings(text: str, i: int, limit: int) -> list[str | None]:
    """The arguments of the form starting at *i*, up to its closing parenthesis: a string literal's text, `t` or
    `nil` as themselves, a quoted list's strings joined as one argv (its words quoted), None for anything else."""
    out: list[str | None] = []
    n = min(len(text), i + limit)
    depth = 0
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            buf: list[str] = []
            while j < n and text[j] != '"':
                if text[j] == "\\" and j + 1 < n:
                    j += 1
                buf.append(text[j])
                j += 1
            if depth == 0:
                out.append("".join(buf))
            elif out and isinstance(out[-1], list):
                out[-1].append("".join(buf))  # type: ignore[union-attr]
            i = j + 1
            continue
        if c == "(":
            if depth == 0:
                quoted = text[i - 1 : i] == "'"
                if quoted or text.startswith("(list ", i):
                    out.append([])  # type: ignore[arg-type]
                elif text.startswith("(expand-file-name ", i):
                    inner = _elisp_strings(text, i + len("(expand-file-name "), limit)
                    out.append(inner[0] if inner and isinstance(inner[0], str) else None)
                    k, d2 = i + 1, 1
                    while k < n and d2:
                        d2 += {"(": 1, ")": -1}.get(text[k], 0)
                        k += 1
                    i = k
                    continue
                else:
                    out.append(None)
            depth += 1
        elif c == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and not c.isspace() and c != "'":
            j = i
            while j < n and not text[j].isspace() and text[j] not in "()":
                j += 1
            tok = text[i:j]
            out.append(tok if tok in ("t", "nil") or tok.startswith(":") else None)
            i = j
            continue
        i += 1
    return [(" ".join(shell_quote(w) for w in x) if x else None) if isinstance(x, list) else x for x in out]  # type: ignore[misc]


def elisp_commands(text: str) -> list[str]:
    """The command lines Emacs Lisp runs (.dir-locals.el's `eval` entries): shell-command's string, call-process's and
    start-process's program and arguments, make-process's :command, and the file functions as rm, cp, mv, `: >`."""
    out: list[str] = []
    for m in _ELISP_FORM.finditer(text[:200_000]):
        name = m.group(1)
        args = _elisp_strings(text, m.end(), 20_000)
        words = [a for a in args if a not in ("t", "nil")]
        first = words[0] if words else None
        if name in ("shell-command", "async-shell-command", "shell-command-to-string", "call-process-shell-command", "start-process-shell-command"):
            cmd = args[2] if name == "start-process-shell-command" and len(args) > 2 else first
            if isinstance(cmd, str):
                out.append(cmd)
        elif name in ("call-process", "process-lines"):
            rest = [a for a in args[4:] if isinstance(a, str)] if name == "call-process" else [a for a in args[1:] if isinstance(a, str)]
            program = args[0] if args else None
            if isinstance(program, str):
                out.append(" ".join(shell_quote(w) for w in [program, *rest]))
        elif name == "start-process" and len(args) > 2:
            program = args[2]
            if isinstance(program, str):
                out.append(" ".join(shell_quote(w) for w in [program, *(a for a in args[3:] if isinstance(a, str))]))
        elif name == "make-process":
            k = next((j for j, a in enumerate(args) if a == ":command"), None)
            if k is not None and k + 1 < len(args) and isinstance(args[k + 1], str):
                out.append(str(args[k + 1]))
        elif name == "delete-directory" and isinstance(first, str):
            out.append(f"{'rm -rf' if len(args) > 1 and args[1] == 't' else 'rmdir'} -- {_word(first)}")
        elif name == "delete-file" and isinstance(first, str):
            out.append(f"rm -f -- {_word(first)}")
        elif name in ("copy-file", "rename-file") and len(words) > 1 and isinstance(first, str) and isinstance(words[1], str):
            out.append(f"{'cp' if name == 'copy-file' else 'mv'} -- {_word(first)} {_word(words[1])}")
        elif name == "write-region" and len(args) > 2 and isinstance(args[2], str):
            out.append(f": > {_word(args[2])}")
        elif name in ("load-file", "load") and isinstance(first, str):
            out.append(f"emacs --batch -l {_word(first)}")  # another file's Emacs Lisp, run as `emacs -l F` runs it
    return out[:256]
