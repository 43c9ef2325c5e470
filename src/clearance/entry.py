"""Console entry point.  ``clearance hook`` skips the CLI machinery entirely."""

from __future__ import annotations

import sys


def main() -> int:
    if len(sys.argv) >= 2 and sys.argv[1] == "hook" and "-h" not in sys.argv and "--help" not in sys.argv:
        from .hook import arm_deadline
        from .hook import main as hook_main

        arm_deadline()
        return hook_main(sys.argv[2:])
    from .cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
