"""The files a patch writes, read from its text (git apply, git am, patch).

A patch is a write of every file it names: `git apply fix.patch` whose hunks change
`.claude/settings.json` writes the agent's settings as surely as the Write tool would, and the
file it names is judged like any other write (fs.write-protected and the rest).  The text comes
from the patch file (read at the I/O edge through ``Context.read_file``) or from a here-document.
"""

from __future__ import annotations

# More names than this in one patch: the rest are not read (a patch of a whole tree is not a settings change in disguise
# any less, but the first ones already decide; the bound keeps the hook fast on generated patches).
MAX_TARGETS = 500


def _strip(name: str, strip: int) -> str:
    name = name.split("\t", 1)[0].strip()
    if name.startswith('"') and name.endswith('"') and len(name) >= 2:
        name = name[1:-1]
    if strip <= 0:
        return name
    parts = name.split("/")
    return "/".join(parts[strip:]) if len(parts) > strip else ""


def targets(text: str, strip: int = 1) -> list[str]:
    """The paths *text* (a unified or git diff, or an mbox of them) creates, changes, renames or deletes,
    with *strip* leading components removed (git apply's and patch's -p)."""
    out: list[str] = []
    seen: set[str] = set()

    def add(name: str, n: int) -> None:
        p = _strip(name, n)
        if p and p != "/dev/null" and p not in seen and len(out) < MAX_TARGETS:
            seen.add(p)
            out.append(p)

    for line in text.splitlines():
        if line.startswith("diff --git "):
            rest = line[len("diff --git ") :]
            # "a/X b/X": the two names are the same length apart from their prefixes.
            half = rest.find(" b/") if rest.startswith("a/") else -1
            if half > 0:
                add(rest[:half], strip)
                add(rest[half + 1 :], strip)
        elif line.startswith(("+++ ", "--- ")) and not line.startswith(("--- a/dev/null", "+++ b/dev/null")):
            name = line[4:]
            if name.strip() != "/dev/null":
                add(name, strip)
        elif line.startswith(("rename from ", "rename to ", "copy to ")):
            # git's extended headers name the files without a prefix.
            add(line.split(" ", 2)[2], 0)
        elif line.startswith("*** ") and (marker := next((m for m in _ENVELOPE if line.strip().startswith(m)), None)):
            # Codex's apply_patch envelope (`*** Add File: X`, `*** Update File:`, `*** Delete File:`, `*** Move to:`).
            add(line.strip()[len(marker) :].strip(), 0)
    return out


_ENVELOPE = ("*** Add File: ", "*** Update File: ", "*** Delete File: ", "*** Move to: ")


def apply_edits(text: str, tool_input: dict[str, object]) -> str | None:
    """*text* after the Edit (old_string/new_string/replace_all) or MultiEdit (edits: [...]) *tool_input*, applied as the
    tool applies them, each to the result of the one before; None where one does not apply (its old_string is empty or
    not found) or the input is not an edit."""
    listed = tool_input.get("edits")
    if not isinstance(listed, list) and "old_string" not in tool_input:
        return None
    edits: list[object] = list(listed) if isinstance(listed, list) else [tool_input]
    for e in edits:
        if not isinstance(e, dict):
            return None
        old, new = e.get("old_string"), e.get("new_string")
        if not isinstance(old, str) or not isinstance(new, str) or not old or old not in text:
            return None
        text = text.replace(old, new) if e.get("replace_all") is True else text.replace(old, new, 1)
    return text
