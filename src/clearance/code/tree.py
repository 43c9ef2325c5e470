"""Which tree-sitter reader reads which language, and how its facts meet the pattern reading.

``shell.interp.analyse`` calls ``facts`` for the languages here.  A tree without syntax errors
gives the facts alone; a tree with errors (tree-sitter recovers around them) gives its facts
together with those the patterns find, so that text the grammar could not place is still read.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..shell.interp import CodeFacts

LANGUAGES = frozenset({"js", "ruby", "perl", "php"})


def facts(code: str, lang: str) -> tuple[CodeFacts, bool] | None:
    """(facts, clean) from the language's tree, or None when it was not parsed (too large, no grammar)."""
    if lang == "js":
        from . import js

        return js.read(code)
    if lang == "ruby":
        from . import ruby

        return ruby.read(code)
    if lang == "perl":
        from . import perl

        return perl.read(code)
    if lang == "php":
        from . import php

        return php.read(code)
    return None


def union(tree: CodeFacts, patterns: CodeFacts) -> CodeFacts:
    """The tree's facts with everything the patterns found added (a tree with syntax errors)."""
    # Membership in the tree's own lists as they were (a set each: issue 16, thousands of facts on both sides took
    # seconds as list scans); the patterns' facts keep their order and their repeats.
    had = set(tree.deletes)
    tree.deletes += [p for p in patterns.deletes if p not in had or p is None]
    had = set(tree.reads)
    tree.reads += [p for p in patterns.reads if p not in had]
    had = set(tree.writes)
    tree.writes += [p for p in patterns.writes if p not in had]
    had_links = set(tree.links)
    tree.links += [k for k in patterns.links if k not in had_links]
    had = set(tree.moved)
    tree.moved += [p for p in patterns.moved if p not in had]
    had = set(tree.shell)
    tree.shell += [s for s in patterns.shell if s not in had]
    tree.process |= patterns.process
    tree.unread_process |= patterns.unread_process
    tree.network |= patterns.network
    tree.dynamic |= patterns.dynamic
    tree.env_dump |= patterns.env_dump
    tree.decoded_exec |= patterns.decoded_exec
    return tree
