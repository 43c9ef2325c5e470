"""Exceptions raised only on a decision's rare paths, kept out of the modules the hook loads for every call.

Each class Python makes costs a cold hook about 0.17 M instructions (bench/callgrind_hook.py: thirteen one-line
exception classes are 2.2 M, 8 % of the bare interpreter), and these are raised far more rarely than the modules that
raise them are loaded: a malformed event, a decision past its deadline, a tool input whose fields disagree, a patch too
large to judge, an audit store that cannot be opened or locked. Their modules import them where they raise or catch
them, and name them through a module ``__getattr__`` for code that imports them from there.
"""

from __future__ import annotations

from .shell.limits import ParseFailure


class DecisionTimeout(Exception):
    """The decision ran past its deadline (raised between commands, rules and effects: engine.check_deadline)."""


class RunawayLine(ParseFailure):
    """tree-sitter read a command on past a newline where bash ends it (at byte *at*: shell/parse.py reads it again)."""

    def __init__(self, at: int) -> None:
        super().__init__("clearance cannot read the command the way bash does (a command runs on past the end of its line)")
        self.at = at


class MalformedEvent(ValueError):
    """A hook event clearance cannot read as a tool call (adapters/claude.py)."""


class Conflict(ValueError):
    """One field given under two of the names an adapter accepts for it, with different values: which one the agent's
    tool reads is its own schema's business, so clearance judges neither (adversarial round 9c; common.first_str)."""


class PatchTooLarge(ValueError):
    """A patch that names more files than clearance judges one by one (adapters/common.patch_files)."""


class StoreUrlError(ValueError):
    """A store URL with a scheme clearance does not open (the message says what to write)."""


class NotReady(Exception):
    """The store has session counters that were never copied to its sessions folder: record through the store."""


class LockBusy(OSError):
    """The spool's lock stayed held for spool.LOCK_WAIT_S."""


class KeyError_(Exception):
    """The audit key file is missing (when it may not be created) or unusable."""
