"""The files a patch writes, read from its text (git apply, git am, patch).

A patch is a write of every file it names: `git apply fix.patch` whose hunks change
`.claude/settings.json` writes the agent's settings as surely as the Write tool would, and the
file it names is judged like any other write (fs.write-protected and the rest).  The text comes
from the patch file (read at the I/O edge through ``Context.read_file``) or from a here-document.
"""

from __future__ import annotations

# More names than this in one patch are not judged one by one (the bound keeps the hook fast on generated patches): the
# patch is then one whose files are unknown (`over`), asked about where protected files can land, as an apply_patch
# envelope of more files is (adapters/common.MAX_PATCH_FILES). Round 17a: the 501st name was dropped, so 500 harmless
# hunks before `.claude/settings.json` hid it.
MAX_TARGETS = 500


def _unquote(name: str) -> str:
    """A name as git writes one it must quote (`"a/\\163ettings.json"`: C escapes, octal bytes), as git and patch read it."""
    if not (name.startswith('"') and name.endswith('"') and len(name) >= 2):
        return name
    body, out, i = name[1:-1], bytearray(), 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567":
                digits = body[i + 1 : i + 4]
                n = len(digits) - len(digits.lstrip("01234567"))
                out.append(int(digits[:n], 8) & 0xFF)
                i += 1 + n
                continue
            out += _ESCAPES.get(nxt, nxt).encode("utf-8")
            i += 2
            continue
        out += c.encode("utf-8")
        i += 1
    return out.decode("utf-8", "replace")


_ESCAPES = {"a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r"}


def _strip(name: str, strip: int) -> str:
    """*name* with *strip* leading components removed; -1 (patch without -p) the name as written, and its base name
    is added by targets: GNU patch then uses the base name alone (`--- x/.clearance.toml` patches ./.clearance.toml)."""
    name = _unquote(name.split("\t", 1)[0].strip())
    if strip <= 0:
        return name
    parts = name.split("/")
    return "/".join(parts[strip:]) if len(parts) > strip else ""


def _mime_decoded(text: str) -> str:
    """The bodies of an mbox's mails that are sent base64 or quoted-printable (a part of a multipart mail too), decoded
    as `git am` decodes them before it applies them; "" when there is none."""
    import email

    chunks = ("\n" + text).split("\nFrom ")
    # Before the first `From ` line: a mail given without its mbox line; after each, a mail (its first line is the rest
    # of the `From ` line).
    mails = ([chunks[0]] if chunks[0].strip() else []) + [c.partition("\n")[2] for c in chunks[1:65]]
    out: list[str] = []
    for mail in mails:
        try:
            for part in email.message_from_string(mail).walk():
                if str(part.get("Content-Transfer-Encoding", "")).strip().lower() in ("base64", "quoted-printable"):
                    body = part.get_payload(decode=True)
                    if isinstance(body, bytes):
                        out.append(body[: 8 << 20].decode("utf-8", "replace"))
        except Exception:  # a mail the email package cannot read: its text is read as it is
            continue
    return "\n".join(out)


def targets(text: str, strip: int = 1, over: list[str] | None = None) -> list[str]:
    """The paths *text* (a unified or git diff, or an mbox of them) creates, changes, renames or deletes,
    with *strip* leading components removed (git apply's and patch's -p). Past MAX_TARGETS names the reason the rest
    are not listed is added to *over*."""
    out: list[str] = []
    seen: set[str] = set()
    if "ransfer-" in text and "content-transfer-encoding:" in text.lower():
        # git am decodes a mail's base64 or quoted-printable body (`diff --git a/=2Eclaude/…`) before it applies it.
        text = text + "\n" + _mime_decoded(text)

    def add(name: str, n: int) -> None:
        p = _strip(name, n)
        if n < 0 and "/" in p and p != "/dev/null":
            add(p.rstrip("/").rsplit("/", 1)[-1], 0)  # patch without -p: the base name, in the folder it runs in
        if p and p != "/dev/null" and p not in seen:
            if len(out) < MAX_TARGETS:
                seen.add(p)
                out.append(p)
            elif over is not None and not over:
                over.append(f"it names more than {MAX_TARGETS} files, more than clearance judges one by one")

    for raw in text.splitlines():
        # patch reads a patch indented as a whole (pasted into a mail or an issue) as if it were not: the header lines
        # are read after their leading blanks (a context line that looks like one only names one more file).
        line = raw.lstrip(" \t")
        if line.startswith("diff --git "):
            rest = line[len("diff --git ") :]
            # "a/X b/X": the two names are the same length apart from their prefixes; quoted names ("a/x" "b/x") apart.
            if rest.startswith('"'):
                end = rest.find('" ', 1)
                if end > 0:
                    add(rest[: end + 1], strip)
                    add(rest[end + 2 :], strip)
                continue
            half = rest.find(" b/") if rest.startswith("a/") else -1
            if half > 0:
                add(rest[:half], strip)
                add(rest[half + 1 :], strip)
        elif line.startswith(("+++ ", "--- ")) and not line.startswith(("--- a/dev/null", "+++ b/dev/null")):
            name = line[4:]
            if name.strip() != "/dev/null" and not _context_range(line):
                add(name, strip)
        elif line.startswith(("rename from ", "rename to ", "copy to ")):
            # git's extended headers name the files without a prefix.
            add(line.split(" ", 2)[2], 0)
        elif line.startswith("*** ") and (marker := next((m for m in _ENVELOPE if line.strip().startswith(m)), None)):
            # Codex's apply_patch envelope (`*** Add File: X`, `*** Update File:`, `*** Delete File:`, `*** Move to:`).
            add(line.strip()[len(marker) :].strip(), 0)
        elif line.startswith("*** ") and not _context_range(line) and not line.startswith(_ENVELOPE_MARKS):
            # A context diff's first header names the old file, and patch may choose it (the name with fewest parts).
            add(line[4:], strip)
        elif line.startswith("Index: "):
            # The `Index:` line names the file where the diff's own headers do not (a normal or ed diff).
            add(line[7:], strip)
    return out


def links(text: str, strip: int = 1) -> list[tuple[str, str]]:
    """(path, where it leads) for each symbolic link a git diff creates or makes (`new file mode 120000`, `new mode
    120000`): the link's one added line is its target. git apply and patch both create the link."""
    out: list[tuple[str, str]] = []
    name, is_link, in_hunk = "", False, False
    for raw in text.splitlines():
        line = raw.lstrip(" \t")
        if line.startswith("diff --git "):
            name, is_link, in_hunk = "", False, False
        elif line.startswith(("new file mode 120000", "new mode 120000")):
            is_link = True
        elif line.startswith("+++ ") and is_link:
            name = _strip(line[4:], strip)
        elif line.startswith("@@") and is_link:
            in_hunk = True
        elif in_hunk and is_link and raw.startswith("+") and name and len(out) < MAX_TARGETS:
            out.append((name, raw[1:]))
            is_link = in_hunk = False
    return out


def _context_range(line: str) -> bool:
    """A context diff's hunk range (`*** 1,4 ****`, `--- 1,5 ----`, `***************`), which names no file."""
    line = line.rstrip()
    if line.strip("*") == "":
        return True
    head, tail = line[:4], line[-5:]
    if (head, tail) not in (("*** ", " ****"), ("--- ", " ----")):
        return False
    return line[4:-5].replace(",", "").isdigit()


_ENVELOPE = ("*** Add File: ", "*** Update File: ", "*** Delete File: ", "*** Move to: ")
_ENVELOPE_MARKS = ("*** Begin Patch", "*** End Patch", "*** End of File")


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
