"""Rule packs, one module each.  ``load()`` imports them all into REGISTRY."""

from __future__ import annotations

from .base import REGISTRY, Rule

PACKS = ("shell", "fs", "git", "cloud", "db", "publish", "net", "creds", "system", "interp", "tools", "convention", "self")
_loaded = False


def load() -> dict[str, Rule]:
    global _loaded
    if not _loaded:
        import importlib

        for name in PACKS:
            importlib.import_module(f"{__name__}.{name}")
        _loaded = True
    return REGISTRY


__all__ = ["REGISTRY", "Rule", "load", "PACKS"]
