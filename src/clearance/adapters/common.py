"""What every adapter shares: the answer type and helpers for tool inputs."""

from __future__ import annotations

from .. import jsonlite as json
from ..hookstart import Answer as Answer  # there: the hook as a client of the daemon or service imports no adapter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..errors import Conflict as Conflict
    from ..errors import PatchTooLarge as PatchTooLarge


# Headless escalation in an agent whose hooks cannot end a run (Codex, Copilot CLI, measured by
# `make e2e`): the call is blocked and the model is told to stop.
END_TURN = " No hook can stop this run, so every further call will be denied too: stop calling tools, end your turn now and tell the user what was blocked."


def _too_large(message: str) -> Exception:
    """errors.PatchTooLarge: an envelope with more files, or files sharing more lines, than clearance judges."""
    from ..errors import PatchTooLarge

    return PatchTooLarge(message)


def __getattr__(name: str) -> object:
    """Conflict and PatchTooLarge, made on first use (errors.py says why)."""
    if name in ("Conflict", "PatchTooLarge"):
        from .. import errors

        return getattr(errors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def first_str(d: dict[str, Any], *keys: str) -> str | None:
    """The value of the first of *keys* that holds a non-empty string; Conflict when another of them holds a different
    one (`file_path` and `path` naming two files: judging the first while the tool writes the second let a write into an
    agent's settings pass as a write of a project file)."""
    found: tuple[str, str] | None = None
    for k in keys:
        v = d.get(k)
        if isinstance(v, str) and v:
            if found is None:
                found = (k, v)
            elif v != found[1]:
                from ..errors import Conflict

                raise Conflict(f"the tool input gives {found[0]!r} and {k!r} different values")
    return found[1] if found is not None else None


def unreadable(out: dict[str, Any], tool: str, why: str) -> dict[str, Any]:
    """*out* (the canonical event built so far: cwd, session) made a malformed call of *tool*: parse_event answers a
    tool input that is not an object with input.malformed (ask; a deny where the agent cannot ask), never a guess."""
    out["tool_name"] = tool or "?"
    out["tool_input"] = f"unreadable tool input: {why}"
    return out


def command_string(value: object) -> str | None:
    """A shell command given as a string or as an argv list (Codex's exec tools)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        if len(value) >= 3 and value[0] in ("bash", "sh", "zsh", "/bin/bash", "/bin/sh") and value[1] in ("-c", "-lc"):
            return str(value[2])
        import shlex

        return " ".join(shlex.quote(v) for v in value)
    return None


def parse_json_object(value: object) -> dict[str, Any] | None:
    """tool input given as an object or as a JSON string (Copilot CLI, some Cursor events)."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):  # (nested deeper than the decoder recurses: unreadable, asked; adv16c)
            return None
        return parsed if isinstance(parsed, dict) else None
    return None


def patch_paths(patch: str) -> list[tuple[str, str]]:
    """(kind, path) of the files an apply_patch envelope adds, updates, deletes or moves."""
    return [(kind, path) for kind, path, _ in patch_files(patch)]


# The most a tool call's input may hold (its strings' characters, and its values), issue 16 (adv16b). Nothing bounded a
# Write's content but the hook's 8 MB event: each rule reading the text capped it its own way, or not at all -- 7 MB of
# Python code took 0.4 s, a notebook cell 1.3 s, an .envrc past the 2 s deadline (denied). A model writes far less in
# one call (an agent's reply is at most tens of thousands of tokens); past this the call is unreadable (asked).
MAX_INPUT_CHARS = 216_000  # rules/tools.MAX_SCRIPT_CHARS (200,000) of content, and room for the rest of the input
MAX_INPUT_VALUES = 50_000


def input_too_large(tool_input: dict[str, Any]) -> str | None:
    """Why *tool_input* holds more than clearance reads (MAX_INPUT_CHARS, MAX_INPUT_VALUES), or None."""
    chars = values = 0
    todo: list[object] = [tool_input]
    while todo:
        v = todo.pop()
        values += 1
        if isinstance(v, str):
            chars += len(v)
        elif isinstance(v, dict):
            chars += sum(len(k) for k in v if isinstance(k, str))
            todo.extend(v.values())
        elif isinstance(v, list):
            todo.extend(v)
        if chars > MAX_INPUT_CHARS:
            return f"its input holds more than {MAX_INPUT_CHARS} characters, more than clearance reads"
        if values > MAX_INPUT_VALUES or len(todo) > MAX_INPUT_VALUES:
            return f"its input holds more than {MAX_INPUT_VALUES} values, more than clearance reads"
    return None


# More files than this in one apply_patch envelope are not judged one by one (issue 16, adv16b: 6,600 added scripts took
# 480 ms, each file a write with its own path checks): the call is unreadable (input.malformed, asked), never cut short.
MAX_PATCH_FILES = 500
# An indented header makes the lines after it count for the files before it as well (below); past this many lines
# counted in all (a multiple of the lines added), the headers nest like no patch does: unreadable too. 5,000 indented
# headers before 5,000 added lines made 25 million copies (quadratic in the patch's length).
_SHARED_LINES = 4


def patch_files(patch: str) -> list[tuple[str, str, str]]:
    """(kind, path, added text) for each file of an apply_patch envelope.

    A header is read wherever a line reads as one once its leading blanks are stripped (a looser parser may take it
    for one), but only an unindented header ends the file before it: to Codex's parser an indented one is a context
    line of that file, so the lines added after it count for the file before it as well (round 9c: ` *** Add File:
    notes.md` inside a script's hunk passed the script's new lines off as the text of notes.md).  Each file's lines are
    one run of the added lines: from its header to the next unindented header.  PatchTooLarge past MAX_PATCH_FILES
    files or _SHARED_LINES times the added lines counted."""
    files: list[tuple[str, str]] = []
    spans: list[list[int]] = []  # [first, end) of each file's run in *added*
    added: list[str] = []
    owners: list[int] = []
    for line in patch.splitlines():
        s = line.lstrip() if line[:1].isspace() else line
        if s.startswith("*** "):
            s = s.strip()
            for marker, kind in (("*** Add File: ", "write"), ("*** Update File: ", "write"), ("*** Delete File: ", "delete"), ("*** Move to: ", "write")):
                if s.startswith(marker):
                    if len(files) >= MAX_PATCH_FILES:
                        raise _too_large(f"the patch names more than {MAX_PATCH_FILES} files, more than clearance judges one by one")
                    if not line[:1].isspace():
                        for i in owners:
                            spans[i][1] = len(added)
                        owners = []
                    owners.append(len(files))
                    files.append((kind, s[len(marker) :].strip()))
                    spans.append([len(added), -1])
                    break
            else:
                if owners and line.startswith("+") and not line.startswith("+++"):
                    added.append(line[1:])
        elif owners and line.startswith("+") and not line.startswith("+++"):
            added.append(line[1:])
    for i in owners:
        spans[i][1] = len(added)
    if sum(b - a for a, b in spans) > _SHARED_LINES * len(added) + 1000:
        raise _too_large("the patch's indented headers make its added lines count for many files at once")
    return [(k, p, "\n".join(added[a:b])) for (k, p), (a, b) in zip(files, spans)]


def join_cwd(cwd: object, directory: str) -> str:
    """A tool's own working directory, resolved against the event's cwd when relative."""
    from .. import pathstr

    if directory.startswith("/") or not isinstance(cwd, str) or not cwd.startswith("/"):
        return directory
    return pathstr.normpath(pathstr.join(cwd, directory))
