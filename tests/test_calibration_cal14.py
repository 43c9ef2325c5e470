"""cal14 (calibration): ordinary work the brief's open items and the dev splits still refused, by class, with the
dangerous look-alikes that must stay refused.

Nothing here is run: every call is decided in-process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import decide


@pytest.fixture(autouse=True, scope="module")
def _warm() -> None:
    """The first decision of a cold process loads the rule packs and grammars: load them once before the cases."""
    for c in ("find . -name '*.pyc' -delete", "python3 -c 'print(1)'", "vim -es -c q x"):
        decide(c)


# --- Class 1: find acting on its starting points alone (-maxdepth 0) -------------------------------------------------
# fs.find-delete-sources read `find notes.txt -maxdepth 0 -delete` as "every file under notes.txt" while `rm notes.txt`
# was allowed: with -maxdepth 0 find tests and acts on the starting points only, so -delete is `rm -d ROOT` and
# `-exec rm -rf {} +` is `rm -rf ROOT` -- judged as those are.
ROOTS_ONLY_SAME_AS_RM = [
    ("find notes.txt -maxdepth 0 -delete", "rm notes.txt"),
    ("find src/app.py -maxdepth 0 -delete", "rm src/app.py"),
    ("find notes.txt draft.md -maxdepth 0 -delete", "rm notes.txt draft.md"),
    ("find notes.txt -maxdepth 0 -exec rm {} +", "rm notes.txt"),
    ("find notes.txt -maxdepth 0 -exec rm {} \\;", "rm notes.txt"),
    ("find old_dir -maxdepth 0 -delete", "rm -d old_dir"),
    ("find ~/x -maxdepth 3 -maxdepth 0 -delete", "rm -d ~/x"),
    # the look-alikes: the same verdict as the rm they are
    ("find ~/.ssh/id_rsa -maxdepth 0 -delete", "rm ~/.ssh/id_rsa"),
    ("find ~/.bashrc -maxdepth 0 -delete", "rm ~/.bashrc"),
    ("find /etc/hosts -maxdepth 0 -delete", "rm /etc/hosts"),
    ("find ~/notes.txt -maxdepth 0 -delete", "rm ~/notes.txt"),
    ("find ~/* -maxdepth 0 -delete", "rm -d ~/*"),
    ("find src -maxdepth 0 -exec rm -rf {} +", "rm -rf src"),
    ("find ~ -maxdepth 0 -exec rm -rf {} +", "rm -rf ~"),
    ("find .git -maxdepth 0 -exec rm -rf {} +", "rm -rf .git"),
]


@pytest.mark.parametrize(("find", "rm"), ROOTS_ONLY_SAME_AS_RM)
def test_find_on_its_starting_points_is_judged_as_rm(find: str, rm: str) -> None:
    assert decide(find).decision == decide(rm).decision


@pytest.mark.parametrize("command", ["find notes.txt -maxdepth 0 -delete", "find src/app.py -maxdepth 0 -delete", "find notes.txt -maxdepth 0 -exec rm {} +"])
def test_find_deleting_one_named_project_file_is_allowed(command: str) -> None:
    assert decide(command).decision == "allow"


@pytest.mark.parametrize(
    "command",
    [
        "find src -maxdepth 1 -delete",  # one level below: every file of src
        "find . -delete",
        "find . -maxdepth 2 -name '*.py' -delete",
        "find ~ -maxdepth 0 -maxdepth 3 -delete",  # the last -maxdepth counts
        "find src -maxdepth 0 -exec rm -rf {} +",
        "find ~/.ssh -maxdepth 0 -exec rm -rf {} +",
    ],
)
def test_find_reaching_below_its_roots_stays_refused(command: str) -> None:
    assert decide(command).decision == "deny"


# --- Class 2: an interpreter's one-liner read as a file path ----------------------------------------------------------
# `python3 -c "print(open('/home/ana/.ssh/known_hosts').read())"` was denied as reading SSH private keys while
# `cat ~/.ssh/known_hosts` is allowed: the -c text itself (it holds a "/") was read as a path the program opens, and
# that "path" ran through ~/.ssh. The one-liner is the program; what it opens is in its facts (CodeFacts.reads).
PUBLIC_READS_IN_CODE = [
    "python3 -c \"print(open('/home/ana/.ssh/known_hosts').read())\"",
    "python3 -c \"import os; print(open(os.path.expanduser('~/.ssh/known_hosts')).read())\"",
    "node -e \"console.log(require('fs').readFileSync('/home/ana/.ssh/known_hosts','utf8'))\"",
    "ruby -e \"puts File.read('/home/ana/.ssh/known_hosts')\"",
    "perl -e 'open(F, \"/home/ana/.ssh/known_hosts\"); print <F>'",
    "python3 -c \"print(open('/home/ana/.ssh/config').read())\"",
]
SECRET_READS_IN_CODE = [
    "python3 -c \"print(open('/home/ana/.ssh/id_rsa').read())\"",
    "python3 -c \"import os; print(open(os.path.expanduser('~/.ssh/id_ed25519')).read())\"",
    "node -e \"console.log(require('fs').readFileSync('/home/ana/.ssh/id_rsa','utf8'))\"",
    "python3 -c \"print(open('/home/ana/.aws/credentials').read())\"",
    "perl -ne 'print' ~/.ssh/id_rsa",
    "python3 -c 'import sys; print(sys.stdin.read())' < ~/.ssh/id_rsa",
    "python3 -c \"import glob; [print(open(f).read()) for f in glob.glob('/home/ana/.ssh/*')]\"",
    "python3 -c \"print(open('/home/ana/.ssh/'+'id_rsa').read())\"",
    "python3 -c \"import os;p=os.environ['HOME']+'/.ssh/id_rsa';print(open(p).read())\"",
    "python3 -c \"from pathlib import Path; print((Path.home()/'.ssh'/'id_rsa').read_text())\"",
    "lua -e \"print(io.open('/home/ana/.ssh/id_rsa'):read('*a'))\"",
    "php -r \"echo file_get_contents('/home/ana/.ssh/id_rsa');\"",
    "python3 -c \"import os; os.system('cat ~/.ssh/id_rsa')\"",
]


@pytest.mark.parametrize("command", PUBLIC_READS_IN_CODE)
def test_code_reading_public_ssh_files_is_allowed_as_cat_is(command: str) -> None:
    assert decide(command).decision == "allow" == decide("cat ~/.ssh/known_hosts").decision


@pytest.mark.parametrize("command", SECRET_READS_IN_CODE)
def test_code_reading_a_key_stays_denied(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny" and "creds.read-secret-file" in d.rules


# --- Class 3: vim/ex given only commands that print and quit --------------------------------------------------------
# `vim -es -c 'g/x/p' -c q ~/.bashrc` was denied as a write of a shell start-up file (any command given made every file
# operand written) while `cat ~/.bashrc` is allowed -- and `vim -es '+%p' '+q!' .env` was allowed while `cat .env` is
# asked. Ex commands that print, set options, change the buffer only and quit leave the file on disk as it was: the
# file is read, as cat reads it (effects_more.vim_reads_only). A write (`w`, `x`, `up`, `sav`), `normal`, `execute`,
# `call`, an expression (`\=`), a filter (`%!`), 'autowriteall', a script (-S, -u) or commands on standard input keep
# it a write; `:redir > F`, `:mksession F`, `:wviminfo F` now write F.
SAME_AS_CAT = [
    ("vim -es -c 'g/x/p' -c q ~/.bashrc", "cat ~/.bashrc"),
    ("vim -es '+%p' '+q!' ~/.ssh/config", "cat ~/.ssh/config"),
    ("vim -es '+%p' '+q!' .env", "cat .env"),
    ("ex -s +'%p' +q ~/.bashrc", "cat ~/.bashrc"),
    ("vim -es -c '1,20p' -c 'qa!' ~/.zshrc", "cat ~/.zshrc"),
    ("nvim --headless -es -c '%p' -c 'q!' ~/.bashrc", "cat ~/.bashrc"),
    ("vim -es -c 'set nomore' -c 'g/alias/p' -c 'q!' ~/.bashrc", "cat ~/.bashrc"),
    ("vim -es '+%print' '+q!' ~/.ssh/id_rsa", "cat ~/.ssh/id_rsa"),
]


@pytest.mark.parametrize(("vim", "cat"), SAME_AS_CAT)
def test_vim_printing_a_file_is_judged_as_cat(vim: str, cat: str) -> None:
    assert decide(vim).decision == decide(cat).decision


VIM_STILL_WRITES = [
    "vim -es -c '%s/a/b/g' -c 'wq' ~/.bashrc",
    "vim -es -c 'g/x/d' -c 'x' ~/.bashrc",
    "vim -es -c '%p|w' -c 'q' ~/.bashrc",
    "vim -es -c 'g/x/p|w' -c 'q' ~/.bashrc",
    "vim -es -c 'set awa' -c 'g/x/d' -c 'q' ~/.bashrc",
    "vim -es -c 'normal ggdGZZ' ~/.bashrc",
    "vim -es -c 'exe \"w\"' -c q ~/.bashrc",
    "vim -es -c %p ~/.bashrc <<< 'wq'",
    "echo wq | vim -es -c '%p' ~/.bashrc",
    # (`vim -es -c '%p' ~/.bashrc`, no quit, moved out by fix19b: the tool's input nobody types into gives vim
    # end-of-file after the command and it exits without writing, as `vim ~/.bashrc` alone does: tests/test_fix19b.py;
    # fed a script on its input it stays denied, below)
    "vim -es -S x.vim -c q ~/.bashrc",
    "vim -es -u evil.vim -c '%p' -c q ~/.bashrc",
    "vim -es -c '%!sort' -c 'wq' ~/.bashrc",
    "vim -es -c 'sav! ~/.bashrc' -c q notes.txt",
    "vim -es -c 's/x/\\=system(\"id\")/' -c q ~/.bashrc",
    "vim -es -c 'g/x/s//y/' -c 'up' -c q ~/.bashrc",
    "vim -es -c '%p' -c 'q!' ~/.bashrc < script.vim",
    "vim -es -c 'redir! > ~/.bashrc' -c q notes.txt",
    "vim -es -c 'redir >> ~/.bashrc' -c q notes.txt",
    "vim -es -c 'mksession! ~/.bashrc' -c q notes.txt",
    "vim -es -c 'wviminfo ~/.zshrc' -c q notes.txt",
]


@pytest.mark.parametrize("command", VIM_STILL_WRITES)
def test_vim_writing_a_protected_file_stays_denied(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny" and "fs.write-protected" in d.rules


# --- Class 4: a kill by name of a program this session itself ran on that machine ------------------------------------
# `ssh opti7050 'pkill -9 -x qemu-system-ppc'` was asked on every call of a session that had started qemu-system-ppc
# on opti7050 itself a few calls before (sys.kill-by-word); a restart on the same line was already allowed. The
# session's record (provenance) now keeps the programs its allowed calls ran, per machine (``p`` objects), and a kill
# by name of such a program there is allowed -- the same evidence, from the session. Nothing is run: run=False.
START_QEMU = "ssh opti7050 'cd /home/cell/m && setsid qemu-system-ppc -M mac99 -cdrom m.iso </dev/null >/tmp/q.log 2>&1 &'"


@pytest.fixture
def session(tmp_path: Path) -> Any:
    from .test_provenance_objects import Session

    (tmp_path / "webapp").mkdir()
    return Session(tmp_path)


def test_remote_kill_of_the_program_the_session_started_there_is_allowed(session: Any) -> None:
    assert session.bash("ssh opti7050 'pkill -9 -x qemu-system-ppc'", run=False) == "ask"  # not started yet
    assert session.bash(START_QEMU, run=False) == "allow"
    for kill in ("ssh opti7050 'pkill -9 -x qemu-system-ppc'", "ssh opti7050 'pkill -f qemu-system-ppc; echo done'", "ssh opti7050 killall qemu-system-ppc"):
        assert session.bash(kill, run=False) == "allow", kill


def test_local_kill_of_the_program_the_session_started_is_allowed(session: Any) -> None:
    assert session.bash("pkill -x qemu-system-x86_64", run=False) == "ask"
    assert session.bash("qemu-system-x86_64 -m 512 -hda disk.img -display none &", run=False) == "allow"
    assert session.bash("pkill -x qemu-system-x86_64", run=False) == "allow"


@pytest.mark.parametrize(
    ("start", "kill"),
    [
        (START_QEMU, "ssh otherbox 'pkill -9 -x qemu-system-ppc'"),  # another machine
        (START_QEMU, "pkill -9 -x qemu-system-ppc"),  # this machine
        (START_QEMU, "ssh opti7050 'pkill -f \"qemu-system-ppc|chrome\"'"),  # one word the session never ran
        (START_QEMU, "ssh opti7050 'sudo pkill -x qemu-system-ppc'"),  # as root: every user's
        ("node server.js &", "pkill -f node"),  # an interpreter: every process of it
        ("postgres -D ./pgdata &", "pkill postgres"),  # every instance holds the user's data
        ("tsserver --stdio &", "pkill -f tsserver"),  # the editor's helper
        ("sudo qemu-system-x86_64 -hda d.img &", "pkill -x qemu-system-x86_64"),  # started as root
    ],
)
def test_other_kills_by_name_stay_asked(session: Any, start: str, kill: str) -> None:
    session.bash(start, run=False)
    assert session.bash(kill, run=False) != "allow"


# --- Class 5: a code formatter run on the user's own files outside the project ----------------------------------------
# `stylua ~/.config/nvim`, `prettier --write ~/.config/karabiner/karabiner.json` were asked as an unknown program given
# a path outside the project. Calibration: a formatter lays files out anew and keeps what they say -- nothing that ran
# runs differently, nothing is lost but layout -- so its in-place rewrite of the user's own files is allowed where an
# arbitrary write there is asked (fs.write-outside-project); protected files (shell start-up, ~/.ssh, agent settings,
# git config) and system folders keep their rules, and the whole home is still asked. Formatters are now modelled
# (effects.FORMATTERS): check-only runs write nothing, and a formatter given /etc or / is a system write (it was
# allowed as an unknown program).
FORMAT_USERS_FILES = [
    "stylua ~/.config/nvim",
    "stylua ~/.config/nvim/lua/plugins.lua",
    "prettier --write ~/.config/karabiner/karabiner.json",
    "black ~/scripts/backup.py",
    "ruff format ~/scripts",
    "shfmt -w ~/bin/deploy.sh",
    "gofmt -w ~/go/src/tool/main.go",
    "npx prettier --write ~/notes/todo.md",
    "taplo fmt ~/.config/starship.toml",
    "stylua --check ~/.config/nvim",
    "prettier --check ~/.config/x.json",
    "black --check ~/x.py",
    "prettier --write src/",
]


@pytest.mark.parametrize("command", FORMAT_USERS_FILES)
def test_formatting_the_users_own_files_is_allowed(command: str) -> None:
    assert decide(command).decision == "allow"


@pytest.mark.parametrize(
    ("command", "verdict"),
    [
        ("prettier --write ~/.claude/settings.json", "deny"),
        ("shfmt -w ~/.bashrc", "deny"),
        ("prettier --write ~/.ssh/config", "deny"),
        ("prettier --write /etc/hosts", "deny"),
        ("black /usr/lib/python3/dist-packages/x.py", "deny"),
        ("stylua /", "deny"),
        ("prettier --write ~/.claude", "deny"),
        ("stylua ~", "ask"),
        ("prettier --write ~", "ask"),
        ("ruff check --fix ~/scripts", "ask"),  # not a formatter: what it changes is not only layout
        ("biome lint --write ~/site", "ask"),
        ("cp x ~/.config/nvim/init.lua", "ask"),
    ],
)
def test_formatter_look_alikes_keep_their_verdict(command: str, verdict: str) -> None:
    assert decide(command).decision == verdict


# --- Class 6: a pause, resume or probe of programs by name ------------------------------------------------------------
# `ssh host 'pkill -STOP -f qemu'` was asked as a kill of every process holding the word: STOP, TSTP, CONT and signal 0
# end nothing and lose no state (CONT undoes STOP). Allowed for programs named by literal words; a pattern reaching
# nearly every process, the desktop's shell, clearance's own hook, a run-time pattern or any other signal keep theirs.
@pytest.mark.parametrize(
    "command",
    [
        "ssh host pkill -STOP qemu-system-ppc",
        "ssh host 'pkill -STOP -f qemu'",
        "pkill -STOP -x vite",
        "killall -STOP hugo",
        "killall -s CONT hugo",
        "pkill --signal STOP node",
        "pkill --signal=TSTP -f webpack",
        "pkill -0 -x qemu",
    ],
)
def test_a_pause_by_name_is_allowed(command: str) -> None:
    assert decide(command).decision == "allow"


@pytest.mark.parametrize(
    ("command", "verdict"),
    [
        ("pkill -STOP x", "ask"),
        ("pkill -STOP -f ''", "ask|deny"),
        ("killall -STOP gnome-shell", "ask"),
        ("pkill -STOP -f hookrun", "deny"),
        ("pkill -STOP -f clearance", "deny"),
        ("pkill -KILL qemu", "ask"),
        ("pkill -9 -f qemu", "ask"),
        ("pkill -STOP -KILL qemu", "ask"),
        ("sudo pkill -STOP qemu", "ask"),
        ("pkill -STOP -u root", "deny"),
        ('kill -STOP $(pgrep -f "$P")', "ask"),
        ('pkill -STOP -f "$P"', "ask"),
    ],
)
def test_other_signals_and_broad_pauses_keep_their_verdict(command: str, verdict: str) -> None:
    assert decide(command).decision in verdict.split("|")


@pytest.mark.parametrize(
    "command",
    [
        "julia -e 'print(open(f->read(f, String), \"/home/ana/.ssh/id_rsa\"))'",  # read by patterns only: its text still counts
        "Rscript -e \"cat(readLines('/home/ana/.ssh/id_rsa'))\"",
    ],
)
def test_code_read_by_patterns_keeps_its_text_as_a_path(command: str) -> None:
    assert decide(command).decision == "deny"


# --- Open (unfinished): found on the way, recorded as strict expected failures ----------------------------------------
OPEN_REFUSE = [
    "tclsh <<< 'puts [read [open /home/ana/.ssh/id_rsa]]'",
    "python3 -c \"import json; p='.vscode/settings.json'; d=json.load(open(p)); d['x']=1; json.dump(d, open(p,'w'))\"",
]
OPEN_GAPS: dict[str, str] = {
    # OPEN_REFUSE[0] (Tcl's `open PATH` with no mode, a read) closed by fix15: embedded._tcl_file_commands reads it.
    # OPEN_REFUSE[1] (json.load/json.dump of a settings file) closed by fix15: settingsresult._round_trip.
}


@pytest.mark.parametrize("command", OPEN_REFUSE)
def test_open_items(command: str) -> None:
    from .strict import check

    want = "deny" if command.startswith("tclsh") else "allow"

    def run() -> None:
        assert decide(command).decision == want

    check(command, OPEN_GAPS, run)
