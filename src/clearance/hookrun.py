"""``python -I -S /path/to/clearance/hookrun.py hook ARGS``: the hook without ``site``'s start-up cost.

``clearance install`` writes this command (see installer.hook_command).  A script is compiled
at every start, so this one only puts the package's folder on ``sys.path``: hookstart.py (from
its ``.pyc``) sets up the rest and decides.
"""

import sys

if __name__ == "__main__":
    sys.path.insert(0, __file__.rpartition("/")[0].rpartition("/")[0])  # the folder holding the package
    from clearance.hookstart import run

    run(__file__)
