#!/usr/bin/env python3
"""Measure "the user's own words without a model" (issue 11, item 4) on the recorded sessions; no policy changes.

For every call clearance *asks* about (eval/score_sessions.py's in-process run, both modes), the ask's targets are
re-derived from the call and looked up in the human messages that came before it in its session
(eval/sessions/user_turns.jsonl, built by build_user_turns.py: human-typed text only).  An ask would be *lowered* when
it has at least one target and every target is named.  Targets and "named exactly":

- path (``file_path``/``path``/``notebook_path`` of a file tool; a Bash word holding ``/`` or starting with ``~``/``.``):
  named when the path as written, or as resolved against the call's directory, occurs in a message bounded by
  characters a path cannot hold; or its basename occurs as a whole word and is unambiguous (it has a ``.``, ``-`` or
  ``_`` inside, so it reads as a file's name rather than an English word, and is at least 4 characters);
- branch (the non-flag words after ``git push REMOTE``, ``checkout``, ``switch``, ``merge``, ``rebase``,
  ``branch -D/-d/-m``): named as a whole word (a word is ``[\\w./-]+``);
- host (of a URL, ``user@host``, ``host:path`` of scp/rsync) and bucket (``s3://``/``gs://``): named as a whole word.

usage: python eval/sessions/user_words.py [--split dev|heldout] [--show N]
"""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import shlex
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

_URL = re.compile(r"\b(?:https?|s3|gs|ssh|git)://[^\s'\"]+")
_BRANCH_AFTER = {"checkout", "switch", "merge", "rebase"}
_FILE_VERBS = {"rm", "mv", "cp", "chmod", "chown", "touch", "mkdir", "rmdir", "cat", "ln", "tee", "truncate"}
_OPS = {"&&", "||", ";", "|", ">", ">>", "<", "&"}


def targets(ev: dict[str, object]) -> list[tuple[str, str]]:
    """(kind, value) of what the call acts on."""
    ti = ev.get("tool_input")
    ti = ti if isinstance(ti, dict) else {}
    out: list[tuple[str, str]] = []
    for key in ("file_path", "path", "notebook_path"):
        v = ti.get(key)
        if isinstance(v, str) and v:
            out.append(("path", v))
    url = ti.get("url")
    if isinstance(url, str):
        out.append(("host", urlsplit(url).hostname or url))
    cmd = ti.get("command")
    if not isinstance(cmd, str):
        return out
    for u in _URL.findall(cmd):
        parts = urlsplit(u)
        out.append(("bucket" if parts.scheme in ("s3", "gs") else "host", parts.hostname or ""))
    try:
        words = shlex.split(cmd, comments=False)
    except ValueError:
        words = cmd.split()
    verb = ""
    for i, w in enumerate(words):
        if w in _OPS or i == 0:
            verb = "" if w in _OPS else w
            if w in _OPS:
                continue
        elif not verb:
            verb = w
        if _URL.match(w) or w.startswith("-"):
            continue
        if verb in _FILE_VERBS and w != verb and re.fullmatch(r"[\w.@#+,=~/-]+", w):
            out.append(("path", w))
            continue
        if re.fullmatch(r"[\w.-]+@[\w.-]+(:\S*)?", w):
            out.append(("host", w.split("@", 1)[1].split(":", 1)[0]))
        elif ("/" in w or w.startswith(("~", "."))) and not re.search(r"[|;&<>$`(){}*]", w) and len(w) > 1:
            out.append(("path", w))
        prev = words[i - 1] if i else ""
        if prev in _BRANCH_AFTER and i >= 2 and words[i - 2] == "git":
            out.append(("branch", w))
        if i >= 3 and words[i - 3] == "git" and words[i - 2] == "push":
            out.append(("branch", w.split(":")[-1]))
        if i >= 3 and words[i - 3] == "git" and words[i - 2] == "branch":
            out.append(("branch", w))
    seen: set[tuple[str, str]] = set()
    return [t for t in out if t[1] and not (t in seen or seen.add(t))]  # type: ignore[func-returns-value]


_REASON = [
    re.compile(r" deletes (.+?) and everything in it"),
    re.compile(r" writes (.+?), outside the project"),
    re.compile(r"is given (.+?), outside the project"),
    re.compile(r"discards uncommitted changes to (.+?)$"),
    re.compile(r" runs (\S+), which \S+ wrote"),
    re.compile(r"^\S+ (\S+) \| \S+ prints it into the agent's context"),
    re.compile(r"prints (?!it )(\S+) into the agent's context"),
]


def reason_targets(reason: str) -> list[tuple[str, str]]:
    """The path an ask's reason names (the rules' reasons say what they are about), if any."""
    for rx in _REASON:
        m = rx.search(reason)
        if m:
            return [("path", m.group(1))]
    return []


def ask_targets(ev: dict[str, object], reason: str) -> tuple[str, list[tuple[str, str]]]:
    """(where from, targets): the path the reason names; when the ask has further findings, also every target
    re-derived from the call (so that each finding's target must be named).  A reason naming no target gives none:
    the words of the command around it (a ``cd DIR`` before ``vercel --prod``) are not what the ask is about."""
    got = reason_targets(reason)
    if not got or "more finding" not in reason:
        return "reason", got  # no target in the reason (a deploy, sudo, a parse error): nothing a user could name
    return "reason+call", got + [t for t in targets(ev) if t not in got]


def _word(needle: str, text: str, chars: str = r"\w./~-") -> bool:
    return re.search(rf"(?<![{chars}]){re.escape(needle)}(?![{chars}]|\.\w)", text) is not None


def named(kind: str, value: str, ev: dict[str, object], text: str) -> bool:
    if kind != "path":
        return _word(value, text)
    home = str(ev.get("home") or "")
    forms = {value.rstrip("/")}
    for base in (str(ev.get("cwd") or ""), str(ev.get("project_dir") or ev.get("cwd") or "")):
        forms.add(posixpath.normpath(posixpath.join(base, value)))
    for f in list(forms):
        if home and f.startswith("~/"):
            forms.add(home + f[1:])
        if home and f.startswith(home + "/"):
            forms.add("~" + f[len(home) :])
    if any(f and _word(f, text) for f in forms):
        return True
    base = posixpath.basename(value.rstrip("/"))
    return len(base) >= 4 and re.search(r"\w[._-]\w", base) is not None and _word(base, text)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "heldout"])
    ap.add_argument("--show", type=int, default=10)
    a = ap.parse_args()
    from score_sessions import decide_all, load  # type: ignore[import-not-found]

    turns: dict[str, list[dict[str, object]]] = {}
    for line in (HERE / "user_turns.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        turns[r["session_id"]] = r["turns"]
    cases = [c for c in load([str(HERE / "public.jsonl")]) if c.get("split") == a.split]
    order: dict[str, int] = {}
    index = []
    for c in cases:  # call order within the session (public.jsonl keeps sessions whole and in order)
        sid = str(c["session_id"])
        index.append(order.get(sid, 0))
        order[sid] = order.get(sid, 0) + 1
    with_turns = sum(1 for c in cases if turns.get(str(c["session_id"])))
    print(f"split {a.split}: {len(cases)} calls, {with_turns} in sessions with human turns")
    for mode in ("bare", "provenance"):
        recs = decide_all(cases, mode == "provenance")
        stats = {"allow": [0, 0, 0, 0, 0], "block": [0, 0, 0, 0, 0]}  # asks, human turns, targets, some named, lowered
        lowered: list[tuple[dict[str, object], dict[str, object], list[tuple[str, str]]]] = []
        for c, r, n in zip(cases, recs, index, strict=True):
            if r["decision"] != "ask":
                continue
            s = stats[str(c["label"])]
            s[0] += 1
            msgs = [str(t["text"]) for t in turns.get(str(c["session_id"]), []) if int(str(t["before"])) <= n]
            if not msgs:
                continue
            s[1] += 1
            _src, ts = ask_targets(c, str(r["reason"]))
            if not ts:
                continue
            s[2] += 1
            text = "\n".join(msgs)
            hits = [named(k, v, c, text) for k, v in ts]
            s[3] += any(hits)
            if all(hits):
                s[4] += 1
                lowered.append((c, r, ts))
        print(f"\n[{mode}]")
        for label, (asks, ht, tg, some, lw) in stats.items():
            print(
                f"  label {label:5}: {asks} asked, {ht} with earlier human turns, {tg} with a target, "
                f"{some} with some target named, {lw} with every target named (would be lowered)"
            )
        if a.split == "dev":
            for c, r, ts in lowered[: a.show]:
                ti = json.dumps(c["tool_input"], ensure_ascii=False)[:140]
                print(f"    {c['label']} {c['id']} {r['rules']} {ti}\n      targets {ts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
