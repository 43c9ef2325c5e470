"""Modules the engine may import while deciding do not import ``typing`` or ``dataclasses`` when they load.

The daemon and the team service decide on several threads, and the engine imports its readers on first use. A module
that imports ``typing`` at load time, while another thread's ``@dataclass`` or ``NamedTuple`` looks it up in
``sys.modules``, lets that thread see a half-initialised ``typing`` (AttributeError: partially initialized module
'typing' has no attribute 'ClassVar'), which the engine answers as an internal error: an *ask*, even for `rm -rf ~`.
Found by tests/test_lazy_rules.py's race under load (shell/remotecmd.py's dataclass, sededit.py's NamedTuple).
Annotations only need ``typing`` under ``TYPE_CHECKING``. The server, the integrations and the reviewer's client are
loaded before any decision and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "clearance"
LOADED_FIRST = ("server/", "integrations/", "reviewer/client.py")


def _load_time_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in tree.body:  # module level only: imports inside functions and `if TYPE_CHECKING:` blocks are skipped
        if isinstance(node, ast.Import):
            out.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def test_decision_modules_import_neither_typing_nor_dataclasses_at_load() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith(LOADED_FIRST):
            continue
        found = _load_time_imports(path) & {"typing", "dataclasses"}
        if found:
            offenders.append(f"{rel}: {sorted(found)}")
    assert not offenders, offenders
