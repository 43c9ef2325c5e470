"""Interpreter code that starts processes without end (code/spawnloop.py, sys.unbounded-spawn): the fork bomb's
structure in Python, Perl, Ruby, JavaScript and PHP.  Cases written for the class; none is taken from an evaluation set."""

from __future__ import annotations

import pytest

from .conftest import decide

ENDLESS = [
    "perl -e 'fork while 1'",
    "perl -e 'fork() while fork()'",
    "perl -e 'while (1) { fork; }'",
    "perl -e '1 while fork'",
    "python3 -c 'import os\nwhile True: os.fork()'",
    "python3 -c \"while 1: __import__('os').fork()\"",
    'python3 -c \'import subprocess\nwhile True:\n    subprocess.Popen(["sleep", "100"])\'',
    "python3 -c 'import multiprocessing as m\nwhile True: m.Process(target=print).start()'",
    "ruby -e 'loop { fork }'",
    "ruby -e 'loop do fork { sleep } end'",
    "ruby -e 'while true do Process.spawn(\"sleep 9\") end'",
    "node -e 'while(1) require(\"child_process\").fork(__filename)'",
    'node -e \'for(;;){ require("child_process").spawn("sleep", ["9"]) }\'',
    "php -r 'while(true) pcntl_fork();'",
]
BOUNDED = [
    "python3 -c 'import os\nfor i in range(4): os.fork()'",
    "python3 -c 'import subprocess\nwhile True:\n    p = subprocess.Popen([\"make\"])\n    p.wait()'",
    "python3 -c 'import subprocess\nwhile True:\n    subprocess.run([\"make\"])\n    break'",
    "python3 -c 'while True:\n    line = input()\n    if not line: break'",
    "perl -e 'for (1..4) { fork or exit }'",
    "perl -e 'while (1) { my $p = fork; waitpid($p, 0); }'",
    "ruby -e '3.times { fork { puts 1 } }; Process.waitall'",
    'node -e \'require("child_process").fork("worker.js")\'',
    "node -e 'while(true){ const r = next(); if (!r) break; }'",
]


@pytest.mark.parametrize("command", ENDLESS)
def test_endless_spawn_denied(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny", d.reason


@pytest.mark.parametrize("command", BOUNDED)
def test_bounded_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", d.reason
