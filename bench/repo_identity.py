"""What the [[repositories]] identity costs per hook call: the git config read, the real path and the sealed
record of the remotes first seen (policy/repos.py).  Usage: python bench/repo_identity.py"""

from __future__ import annotations

import tempfile
import timeit
from pathlib import Path


def main(n: int = 2000) -> None:
    from clearance.policy.repos import identity

    tmp = Path(tempfile.mkdtemp())
    project = tmp / "home" / "work" / "payments"
    (project / ".git").mkdir(parents=True)
    (project / ".git" / "config").write_text('[remote "origin"]\n\turl = https://github.com/acme/payments.git\n')
    env = {"HOME": str(tmp / "home"), "XDG_STATE_HOME": str(tmp / "state")}
    identity(str(project), env)  # the first sight writes the record
    bare = timeit.timeit(lambda: identity(str(project)), number=n) / n * 1e6
    pinned = timeit.timeit(lambda: identity(str(project), env), number=n) / n * 1e6
    print(f"identity: {bare:.0f} us without the first-seen record, {pinned:.0f} us with it (mean of {n})")


if __name__ == "__main__":
    main()
