"""Where a here-document's body is read: bash against the reading clearance judges (tree-sitter's).

bash reads the pending bodies at the next newline *token* of the parser that read the `<<` (read_token calls
gather_here_documents): inside `( )` `{ }` `[[ ]]` `case` `for` `if` that is the construct's first newline; a
newline inside a word -- quotes, backticks, `${ }`, `$(( ))`, `(( ))` -- is no token, so the bodies follow the
word; `$( )` `<( )` `>( )` are read by a parser of their own (parse_comsub, bash 5.2), which sets the pending
bodies aside until its `)`.  tree-sitter's scanner reads some of these elsewhere.  Where the two disagree a
command could hide in what the judgement takes for a body, or a body be judged as commands: both are asked
about (shell/parse.py, _here_documents_as_bash), never allowed or denied on the wrong reading.

Which lines bash takes for commands is asked of bash itself without running anything: a line `fi` is a syntax
error as a command and nothing in a body, so `bash -n` on the text with the line replaced tells.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import decide

BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(BASH is None, reason="bash is not installed")
EXAMPLES = int(os.environ.get("PRECHECK_EXAMPLES", "300")) // 6
DANGER = "rm -rf ~"


def bash_accepts(text: str) -> bool:
    assert BASH is not None
    r = subprocess.run([BASH, "-n", "-c", text], capture_output=True, timeout=30)
    errors = [line for line in r.stderr.decode(errors="replace").splitlines() if "warning:" not in line]
    return r.returncode == 0 and not errors


R = DANGER
# bash reads the `rm` line as a command: never allowed
BASH_COMMANDS = {
    "after ( on the << line": f"cat <<EOF; ( true\nEOF\n)\n{R}\nEOF\n",
    "after { piped": f"cat <<EOF && {{ true\nEOF\n}}\n{R}\nEOF\n",
    "after ( piped": f"cat <<EOF | ( true\nEOF\n)\n{R}\nEOF\n",
    "after [[": f"cat <<EOF; [[ -n x &&\nEOF\n-n y ]]\n{R}\nEOF\n",
    "after case": f"cat <<EOF; case x in\nEOF\nx) ;; esac\n{R}\nEOF\n",
    "after for": f"cat <<EOF; for a in b\nEOF\ndo :; done\n{R}\nEOF\n",
    "after a function's {": f"cat <<EOF; f() {{\nEOF\n:; }}\n{R}\nEOF\n",
    "inside $(": f"cat <<EOF; echo $( true\n{R}\nEOF\n)\nEOF\n",
    "inside $( piped": f"cat <<EOF | $( true\n{R}\nEOF\n)\nEOF\n",
    "inside <(": f"cat <<EOF; cat <( true\n{R}\nEOF\n)\nEOF\n",
    'inside "$(': f'cat <<EOF; echo "$( true\n{R}\nEOF\n)"\nEOF\n',
    "inside backquotes": f"cat <<EOF; echo `true\n{R}\nEOF\n`\nEOF\n",
    "inside $( in a subshell": f"( cat <<EOF | $( true\n{R}\nEOF\n)\nEOF\n)",
}
# bash reads the `rm` line as a here-document's body: never denied for it
BASH_BODIES = {
    "inside (": f"cat <<EOF; ( true\n{R}\nEOF\n)\n",
    "inside [[": f"cat <<EOF; [[ -n x &&\n{R}\nEOF\n-n y ]]\n",
    "after $(": f"cat <<EOF; echo $( true\n)\n{R}\nEOF\n",
    "after a quoted newline": f'cat <<EOF; echo "a\nb"\n{R}\nEOF\n',
    "after backquotes": f"cat <<EOF; echo `a\nb`\n{R}\nEOF\n",
    "after a single-quoted newline, to the end": f"cat <<EOF | echo 'a\nEOF\ntrue\n'\n\tEOF\n{R}",
    "after backquotes, to the end": f"cat <<'EOF' || echo `true\nEOF\nEOF\n`\n\tEOF\n{R}",
    "after a quoted newline holding the delimiter": f'cat <<EOF; echo "a\nEOF\n"\n{R}\nEOF\n',
    "after ${ holding the delimiter": f"cat <<EOF; echo ${{x:-a\nEOF\n}}\n{R}\nEOF\n",
    "after $(( holding the delimiter": f"cat <<EOF; echo $(( 1 +\nEOF\n))\n{R}\nEOF\n",
}


@pytest.mark.parametrize("text", list(BASH_COMMANDS.values()), ids=list(BASH_COMMANDS))
def test_a_command_bash_runs_is_never_taken_for_a_body(text: str) -> None:
    # (`bash -n` does not read inside backquotes: what is there runs when they do)
    assert bash_accepts(text) and ("`" in text or not bash_accepts(text.replace(DANGER, "fi")))
    d = decide(text)
    assert d.decision != "allow", (d.decision, d.rules)


@pytest.mark.parametrize("text", list(BASH_BODIES.values()), ids=list(BASH_BODIES))
def test_a_body_is_never_judged_as_commands(text: str) -> None:
    assert bash_accepts(text) and bash_accepts(text.replace(DANGER, "fi"))
    d = decide(text)
    assert d.decision == "ask", (d.decision, d.rules)


# Ordinary here-documents the check must leave alone.
ORDINARY = [
    "git commit -m \"$(cat <<'EOF'\nFix the parser\n\nCo-authored-by: a <a@example.com>\nEOF\n)\"",
    "cat <<'EOF' > notes.md\n\n# Notes\n\nEOF",
    "cat <<EOF | wc -l\none\ntwo\nEOF",
    "( cat <<EOF\nin a subshell\nEOF\n)",
    'x=$(cat <<EOF\n$HOME\nEOF\n)\necho "$x"',
    "cat <<-EOF\n\tindented\n\tEOF\necho done",
    "python3 - <<'PY'\nprint('hi')\nPY",
    "cat <<A\na\nA\ncat <<B >> f\nb\nB",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_here_documents_stay_allowed(text: str) -> None:
    assert bash_accepts(text)
    d = decide(text)
    assert d.decision == "allow", (d.decision, d.rules)


_CONSTRUCTS = [
    ("( true", ")"),
    ("{ true", "}"),
    ("echo $( true", ")"),
    ('echo "a', '"'),
    ("echo `true", "`"),
    ("[[ -n x &&", "-n y ]]"),
    ("case x in", "x) ;; esac"),
    ("for a in b", "do :; done"),
    ("echo ${x:-a", "}"),
    ("echo $(( 1 +", "2 ))"),
    ("cat <( true", ")"),
    ("if true", "then :; fi"),
    ("echo 'a", "'"),
    ("(( 1 +", "2 ))"),
]
_AROUND = [("", ""), ("( ", "\n)"), ("echo $( ", "\n)"), ("{ ", "\n}"), ("x=`", "\n`")]
_HEADS = ["cat <<EOF; ", "cat <<EOF | ", "cat <<EOF && ", "cat <<-EOF; ", "cat <<'EOF' || "]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    st.sampled_from(_CONSTRUCTS),
    st.sampled_from(_AROUND),
    st.sampled_from(_HEADS),
    st.lists(st.sampled_from(["EOF", "true", "\tEOF"]), min_size=4, max_size=4),
    st.integers(0, 5),
)
def test_each_line_is_judged_the_way_bash_reads_it(construct: tuple[str, str], around: tuple[str, str], head: str, fill: list[str], line: int) -> None:
    """A here-document pending across a newline inside a construct: the line bash runs as a command is never
    allowed when it holds a dangerous command, and the line bash reads as a body is never denied for it."""
    opener, closer = construct
    before, after = around
    lines = [before + head + opener, fill[0], fill[1], closer, fill[2], fill[3]]
    if lines[line] != "true" or not bash_accepts("\n".join(lines) + after):
        return
    poisoned = lines.copy()
    poisoned[line] = "fi"
    # a line inside backquotes is a command when they run, though `bash -n` does not read it
    command = not bash_accepts("\n".join(poisoned) + after) or before == "x=`" or (opener.startswith("echo `") and line in (1, 2))
    lines[line] = DANGER
    text = "\n".join(lines) + after
    d = decide(text)
    if command:
        assert d.decision != "allow", (text, d.decision, d.rules)
    else:
        assert d.decision != "deny", (text, d.decision, d.rules)
