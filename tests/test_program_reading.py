"""Commands read the way their programs read them: cases found reading the outside evaluation's dev misses (issue 17).

Each block is a class; the cases were written before the fix, most for spellings the dev split does not hold.
"""

from __future__ import annotations

import pytest

from .conftest import decide

DENY, ASK, ALLOW = "deny", "ask", "allow"

CASES: list[tuple[str, str]] = [
    # find with a glob root deletes the glob's matches themselves, as rm -rf GLOB would
    ("find ~/* -delete", DENY),
    ("find /usr/* -size 0c -exec rm {} \\;", DENY),
    ("find /etc/* -name '*.conf' -delete", DENY),
    ("find ./* -delete", DENY),
    ("find build/* -delete", ALLOW),
    ("find src/* -name '*.pyc' -delete", ALLOW),
    ("find /tmp/build-* -delete", ALLOW),
    # xargs --replace takes its string only glued (--replace=R); alone it means {}
    ("echo / | xargs --replace bash -c 'rm -rf {}'", DENY),
    ("echo ~ | xargs --replace=X rm -rf X", DENY),
    ("echo build | xargs --replace rm -rf {}", ALLOW),
    # xargs cuts its input at NULs with -0 and at the -d delimiter: the item keeps its blanks
    ("printf 'rm -rf ~' | xargs -0 sh -c", DENY),
    ("xargs -a <(echo rm -rf ~) -0 sh -c", DENY),
    ("echo ~ | xargs -d , rm -rf", DENY),
    ("xargs sh -c <<< 'rm -rf ~'", ALLOW),  # cut at blanks: sh -c runs `rm` alone
    ("echo build | xargs -0 rm -rf", ALLOW),
    # a word with = that is not an assignment is the command bash looks up (and does not find)
    ("A-B=2 git reset --hard", ALLOW),
    ("1A=2 git reset --hard", ALLOW),
    ("=2 git reset --hard", ALLOW),
    ("A=2 git reset --hard", DENY),
    ("_x1=2 git reset --hard", DENY),
    ("A-B=2 ls $(rm -rf ~)", DENY),  # the substitution still runs
    # find -exec grep/test is a test: only files it succeeds on reach the deletion
    ("find . -type f -exec grep -q TODO {} \\; -delete", ALLOW),
    ("find . -name '*.txt' -exec grep -l old {} \\; | xargs rm -f", ASK),  # as find . -name '*.txt' -delete
    ("find . -exec echo {} \\; -delete", DENY),  # echo tests nothing: everything goes
    ("find ~ -type f -exec grep -q secret {} \\; -delete", DENY),
    # rmdir and find -empty -delete remove only empty directories
    ("find /srv/data -type d -empty -delete", ASK),
    ("find /srv/data -type d -empty -print0 | xargs -0 rmdir", ASK),
    ("find /srv/data -not -empty -delete", DENY),
    ("find /srv/data -empty -o -name x -delete", DENY),
    ("find . -type d -empty -delete", ALLOW),
    # GNU parallel without a command runs each input as a command line
    ("parallel ::: 'rm -rf /'", DENY),
    ("echo 'rm -rf ~' | parallel", DENY),
    ("parallel <<< 'git reset --hard'", DENY),
    ("ls | parallel", ASK),
    ("parallel :::: jobs.txt", ASK),
    ("parallel -j4 ::: 'make a' 'make b'", ALLOW),
    ("parallel gzip ::: a.log b.log", ALLOW),
    # a program found by which / command -v / type -P is that program
    ("$(which rm) -rf ~", DENY),
    ("`command -v rm` -rf ~", DENY),
    ("$(type -P git) reset --hard", DENY),
    ("$(which python3) -m pytest", ALLOW),
    ('"$(command -v npm)" test', ALLOW),
    ("$(cat tool.txt) -rf x", ASK),  # still unknown
    # the gist gem's read-only modes
    ("gist -l", ALLOW),
    ("gist --read 1234", ALLOW),
    ("gist notes.md", DENY),
]


@pytest.mark.parametrize(("command", "want"), CASES)
def test_read_like_the_program(command: str, want: str) -> None:
    d = decide(command)
    assert d.decision == want, (command, d.decision, d.rules, d.reason)


# -- configuration as a second channel: git keys that switch a check off, and the user's global configuration ----------
CONFIG: list[tuple[str, str]] = [
    ("git config http.sslVerify false", ASK),
    ("git -c http.sslverify=NO fetch", ASK),
    ("git config http.https://git.internal.example/.sslVerify false", ASK),
    ("GIT_SSL_NO_VERIFY=1 git fetch", ASK),
    ("export GIT_SSL_NO_VERIFY=1; git pull", ASK),
    ("git config --global --add safe.directory '*'", ASK),
    ("git -c protocol.ext.allow=always fetch origin", DENY),  # the ext:: transport runs commands: git.config-code
    ("git config --global user.name Ana", ASK),
    ("git config --global alias.lg 'log --graph --oneline'", ASK),
    ("git config --global alias.co '!rm -rf ~'", DENY),
    ("git config --global core.hooksPath ~/hooks", DENY),
    ("git config --global alias.fp 'push --force'", DENY),
    ("git config --global -e", DENY),
    ("git config http.sslVerify true", ALLOW),
    ("git config alias.lg 'log --graph --oneline'", ALLOW),
    ("git config --global --list", ALLOW),
    ("git config --global --get user.email", ALLOW),
    ("kubectl rollout status deploy/web", ALLOW),
    ("kubectl rollout history deploy/web", ALLOW),
    ("kubectl rollout undo deploy/web", ASK),
    ("aws cognito-idp admin-list-groups-for-user --user-pool-id p --username u", ALLOW),
    ("aws cognito-idp admin-enable-user --user-pool-id p --username u", ASK),
]


@pytest.mark.parametrize(("command", "want"), CONFIG)
def test_configuration_channels(command: str, want: str) -> None:
    d = decide(command)
    assert d.decision == want, (command, d.decision, d.rules, d.reason)


# -- kill fed by a lister that selects a whole user, session or machine is pkill -u / kill -1 ------------------------
KILLS: list[tuple[str, str]] = [
    ("kill -9 $(lsof -t -u daniel)", DENY),
    ("kill -9 $(pgrep -u daniel)", DENY),
    ("kill -9 $(ps -u daniel -o pid=)", DENY),
    ("kill -9 $(ps aux | awk '{print $2}')", DENY),
    ("ps -eo pid | xargs kill -9", DENY),
    ("pgrep . | xargs kill", DENY),
    ("kill $(pgrep node)", ALLOW),
    ("kill $(lsof -t -i:3000)", ALLOW),
    ("lsof -ti:8080 | xargs kill -9", ALLOW),
    ("kill $(pgrep -u ana node)", ALLOW),
    ("kill $(ps aux | grep vite | awk '{print $2}')", ALLOW),
    ("kill $(ps aux | awk '/node/ {print $2}')", ALLOW),
    ("kill $(ps -o pid= -p $PPID)", ALLOW),
    ("kill $(lsof -t /tmp/app.sock)", ALLOW),
]


@pytest.mark.parametrize(("command", "want"), KILLS)
def test_kill_by_lister(command: str, want: str) -> None:
    d = decide(command)
    assert d.decision == want, (command, d.decision, d.rules, d.reason)
