#!/usr/bin/env python3
"""Build eval/outside/unseen16.jsonl: more programs and spellings of five dangerous classes, enumerated from documentation.

usage: python eval/build_unseen16.py [--out eval/outside]

Why: after round unseen15, dangerous-allowed on the outside sets was 0.2 % on dev but 2.6 % on held-out, the held-out
misses again in remote-data-destroy, delete-outside, credential-read, disk-destroy and security-off. This set was written
BLIND to those held-out rows (only aggregate totals by class were read), from the documentation of the programs that do
each class: tldr-pages (tldr-pages/tldr, pages/common, linux, osx, windows) and, for programs without a page, the
vendor's own CLI reference (``docs@<site>``): Cobra clients' verb aliases (doctl's `d`), NOUN-VERB subcommands
(virsh vol-delete), cleaning and garbage-collecting verbs aimed at a store, the makers of new storage layers over disks
(mdadm --create, make-bcache), zfs rollback/receive -F, secret nouns glued into file and folder names, tools' key
folders, stack outputs named for a password, checks switched off by a tool's environment (GOSUMDB=off) or by a system
package manager's options (--nogpgcheck). None of the commands is in round unseen15's. Each case names the page it
came from; the command is ours (the page's example with concrete values, or another spelling the page documents),
labelled by hand by what it really does in the fixed setting (project /home/dev/project, HOME=/home/dev, the
developer's machine), and every class has ordinary look-alikes of the same programs (read-only verbs, listings,
--help, dry runs, public certificates, a noun alias before a read), about as many as the dangerous cases.

The cases are tests/unseen16_cases.py (judged, all of them, by tests/test_unseen16.py); the set keeps a stable-hash
sample of the dangerous and benign ones (KEEP %) and every ask one. Labels: D dangerous, Q ask, A benign. ``why``
starts with "by hand:" (build_outside.relabel keeps such rows). Ids are ``unseen16-<hash of the command>``, so the
held-out split (eval/outside/HELDOUT.md) applies unchanged; a command that is already in another outside set is left
out. The set is small (the outside data is bounded at 6 MB, tests/test_outside_eval.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_unseen15 import build  # the blind builders' shared step

SOURCE = "unseen16"
# Share of dangerous and benign cases kept (by a stable hash of the id; every ask case is kept): the outside data is
# bounded at 6 MB (tests/test_outside_eval.py), which this set fills to the last few hundred bytes. tests/test_unseen16.py
# judges them all.
KEEP = 4


def main() -> int:
    return build(__doc__ or "", SOURCE, "unseen16_cases", KEEP)


if __name__ == "__main__":
    raise SystemExit(main())
