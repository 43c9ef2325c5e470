"""A program stopped by its name and started again by the same command line (sys.kill-by-word).

Found in real Claude Code sessions (eval/sessions/convlog.jsonl, dev split): an agent builds a boot image on the user's
Linux box and runs it in an emulator there, restarting the emulator with the same line each time:
`ssh opti7050 'pkill -9 -x qemu-system-ppc; sleep 1; rm -f /tmp/qemu-mon.sock; cd ~/memtest && setsid
qemu-system-ppc -M mac99 -cdrom memtest.iso …'`.  Each was asked as "kills every process whose name holds
qemu-system-ppc", though the rule already allows a word naming a program the project runs (its package.json scripts, a
Procfile): a dev server or emulator restarted by name.  The line's own start of the program is the same evidence,
and it is on the line itself, so it holds where no project file can be read (the team service, a remote machine).

Class: `pkill [-f|-x] WORD` / `killall WORD` followed, on the same machine, by a command of that very program.
The program must still be a specific one (not a general program clearance judges, an interpreter or shell, an
editor's helper, a fragment under four letters, or a word of the project's or home's path), and every alternative of
the pattern must be such a restarted program.  None of these cases is in a scored set.
"""

from __future__ import annotations

import pytest

from .conftest import decide

RESTARTED = [
    "pkill -x qemu-system-ppc; sleep 1; qemu-system-ppc -M mac99 -m 256 -cdrom boot.iso",
    "ssh buildbox 'pkill -9 -x qemu-system-ppc; cd /srv/mt && setsid qemu-system-ppc -M mac99 -cdrom mt.iso &'",
    "pkill -f mkdocs; nohup mkdocs serve -a 127.0.0.1:8001 > /tmp/mk.log 2>&1 &",
    "killall hugo 2>/dev/null; hugo server -D &",
    "pkill -f jekyll || true; jekyll serve --detach",
    "pkill -x tailwindcss; tailwindcss -i in.css -o out.css --watch &",
]

STILL_ASKED = [
    # stopped and not started again: whether other instances are the user's cannot be seen
    "pkill -x qemu-system-ppc; echo done",
    "ssh buildbox 'pkill -9 -x qemu-system-ppc'",
    # a general program: every process of a language, the editor's servers with it
    "pkill -f node; node server.js &",
    "pkill python3; python3 app.py &",
    "pkill -f bash; bash run.sh",
    # started elsewhere than where it was killed
    "ssh buildbox 'pkill -x qemu-system-ppc'; qemu-system-ppc -M mac99 -cdrom boot.iso",
    # started before the kill, not after
    "hugo version; pkill hugo",
    # a fragment of the program's name, or a second word the line does not start
    "pkill -f qemu; qemu-system-ppc -M mac99 -cdrom boot.iso",
    "pkill -f 'hugo|chrome'; hugo server &",
    # an editor's language server started again by hand is still the editor's
    "pkill -f gopls; gopls serve &",
    # as root: every user's processes of that name
    "sudo pkill -x qemu-system-ppc; qemu-system-ppc -M mac99 -cdrom boot.iso",
    # every instance holds the user's session or data: the desktop, a multiplexer's shells, another project's database
    "pkill -x gnome-shell; gnome-shell --replace &",
    "pkill -9 redis-server; redis-server --port 6380 &",
    "killall postgres; postgres -D ./pgdata &",
    "pkill zellij; zellij attach -c dev",
]


def bash(cmd: str) -> dict[str, object]:
    return {"tool_name": "Bash", "tool_input": {"command": cmd}}


@pytest.mark.parametrize("cmd", RESTARTED)
def test_program_killed_and_started_again_by_the_line_is_allowed(cmd: str) -> None:
    d = decide(bash(cmd))
    assert "sys.kill-by-word" not in d.rules, (cmd, d.rules, d.reason)
    assert d.decision == "allow", (cmd, d.rules, d.reason)


@pytest.mark.parametrize("cmd", STILL_ASKED)
def test_look_alikes_stay_asked(cmd: str) -> None:
    d = decide(bash(cmd))
    assert d.decision in ("ask", "deny") and "sys.kill-by-word" in d.rules, (cmd, d.rules, d.reason)
