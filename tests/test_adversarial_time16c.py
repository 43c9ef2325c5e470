r"""Issue 16, adversarial round adv16c (time): families of inputs within the engine's limits that made one decision take
over 100 ms, each with its verdict and a generous CPU bound (the machine is shared: bounds several times the measured
times after the fix, and below the times before).

- One shell line of up to parse.MAX_COMMANDS (2,000) commands, each analysed alone (its rules, its effects resolved on
  the file system: 0.1-0.6 ms each, whether distinct or the same command repeated): `mv aN bN` x 2,000 took 0.3-0.6 s,
  `curl -o aN URL` or `sed -i` x 2,000 up to the engine's deadline (denied). The tool call's own line now holds at most
  parse.MAX_LINE_COMMANDS (200) commands; past them the parser stops and the line is asked (shell.parse-error), never
  allowed unread. Scripts read from disk keep MAX_COMMANDS (a system's long scripts reach ~1,000 commands).
- The same limit for the code a line's commands run (`bash -c`, `eval`, a here-document for a shell, `ssh HOST CODE`):
  each was parsed with the full MAX_COMMANDS, 2,000 `mv` in one `bash -c` 0.65-0.72 s. The unwrapper parses them with
  the line's limit and the line is asked when its commands, unwrapped, pass it.
- One command of thousands of operands, each a path resolved or a mount judged alone (~0.05-0.15 ms each): `cp`/`ln`/
  `git rm` of 9,000 files 0.4-0.9 s, `docker run` with 5,000 `-v` 0.7 s, `sed -i` with 6,000 `-e` 0.7 s. At most
  parse.MAX_LINE_WORDS (1,000) words in the line's commands; past them asked. And `chmod 755` of N folders read its
  words once per effect (quadratic: 2,000 folders 0.9 s, 4,000 the deadline): effects_more.chmod_parts keeps its answer.
- An agent's settings file read by three rules each parsing it again (agentcli._parsed): a codex config.toml of 190 KB
  170 ms; the last text's data is kept.
- A mise TOML file parsed whole by tomllib (twice: two rules) for its [env] table: 190 KB of sections 0.2 s. A file that
  cannot spell an `env` key is not parsed; one that may and is longer than self.MAX_TOML_ENV_CHARS is asked
  (self.environment-into-own-files); the call parses it once.
"""

from __future__ import annotations

import time

from clearance.rules.self import MAX_TOML_ENV_CHARS
from clearance.shell.parse import MAX_LINE_COMMANDS

from .conftest import PROJECT, decide


def _cpu(fn: object, *args: object) -> tuple[float, object]:
    t0 = time.thread_time()
    out = fn(*args)  # type: ignore[operator]
    return time.thread_time() - t0, out


def _lines(fmt: str, size: int) -> str:
    out: list[str] = []
    n = i = 0
    while n < size:
        s = fmt.format(i=i)
        out.append(s)
        n += len(s)
        i += 1
    return "".join(out)


def _write(path: str, content: str) -> dict[str, object]:
    return {"tool_name": "Write", "tool_input": {"file_path": f"{PROJECT}/{path}", "content": content}}


# ---------------------------------------------------------------- a line of thousands of commands

LINES = {
    "mv": "mv a{i} b{i}",
    "curl -o": "curl -o a{i} https://example.com/x{i}",
    "sed -i": "sed -i s/a{i}/b/ f{i}.txt",
    "cp -r": "cp -r src{i} /tmp/d{i}",
    "docker run": "docker run --rm -v $PWD/d{i}:/x img{i} make",
    "psql -c": "psql -c 'DELETE FROM t{i} WHERE id=1'",
}


def test_a_line_of_two_thousand_commands_is_asked_in_time() -> None:
    decide("mv a b")
    for name, unit in LINES.items():
        for cmd in ("\n".join(unit.format(i=i) for i in range(2000)), "; ".join([unit.format(i=0)] * 2000)):
            secs, d = _cpu(decide, cmd)
            assert secs < 0.1, name  # was 0.3-0.8 s (curl, sed: the 2 s deadline under load, denied)
            assert d.decision == "ask" and d.rules == ["shell.parse-error"], (name, d.rules)  # type: ignore[attr-defined]
            assert "more than" in d.reason  # type: ignore[attr-defined]  (commands, or syntax nodes first)


def test_a_line_within_the_command_limit_is_still_judged_whole_in_time() -> None:
    decide("mv a b")
    for name, unit in LINES.items():
        secs, d = _cpu(decide, "\n".join(unit.format(i=i) for i in range(MAX_LINE_COMMANDS)))
        assert secs < 0.5, name  # ~0.03-0.12 s
        assert d.decision != "deny" or name == "psql -c", (name, d.rules)  # type: ignore[attr-defined]
    ordinary = "\n".join(f"mv build/a{i}.o out/" for i in range(MAX_LINE_COMMANDS - 1))
    assert decide(ordinary).decision == "allow"
    assert decide(ordinary + "\nrm -rf ~/").decision == "deny"  # the last command of the budget is read
    d = decide(ordinary + "\nrm -rf ~/\nls\nls")
    assert d.decision == "ask" and f"more than {MAX_LINE_COMMANDS} commands" in d.reason  # one past it: never allowed


def test_a_script_read_from_disk_keeps_the_larger_limit() -> None:
    """The cap is the tool call's own line: a project script of 1,000 commands is still read and judged."""
    script = "#!/bin/sh\n" + "".join(f"mkdir -p build/d{i}\n" for i in range(1000))
    d = decide({"tool_name": "Bash", "tool_input": {"command": "sh ./setup.sh"}, "files": {f"{PROJECT}/setup.sh": script}})
    assert d.decision == "allow", d.rules
    d = decide({"tool_name": "Bash", "tool_input": {"command": "sh ./setup.sh"}, "files": {f"{PROJECT}/setup.sh": script + "rm -rf ~/\n"}})
    assert d.decision == "ask" and "fs.delete-critical" in d.reason, d.rules  # (as before: a project script's command)


# ---------------------------------------------------------------- a mise TOML file of thousands of sections


def test_a_mise_file_of_thousands_of_sections_decides_in_time() -> None:
    decide(_write(".mise.toml", "[env]\nA = '1'\n"))
    for unit in ("[a{i}]\nb = 1\n", "a{i}.b.c = 1\n", "[tasks.t{i}]\ndescription = 'x'\n", "t{i} = {{ version = '1' }}\n"):
        secs, d = _cpu(decide, _write(".mise.toml", _lines(unit, 190_000)))
        assert secs < 0.1, unit  # was 0.15-0.25 s
        assert d.decision == "allow", (unit, d.rules)  # type: ignore[attr-defined]


def test_a_long_mise_file_that_may_set_variables_is_asked_and_a_short_one_still_read() -> None:
    pad = _lines("[a{i}]\nb = 1\n", MAX_TOML_ENV_CHARS)
    for content in ("[env]\nA = '1'\n" + pad, pad + "[env]\nNODE_ENV = 'dev'\n", pad + '["\\u0065nv"]\nA = "1"\n', "env.A = '1'\n" + pad):
        secs, d = _cpu(decide, _write(".mise.toml", content))
        assert secs < 0.1  # was 0.1-0.25 s
        assert d.decision == "ask" and d.rules == ["self.environment-into-own-files"], d.rules  # type: ignore[attr-defined]
        assert "more than clearance reads" in d.reason  # type: ignore[attr-defined]
    # under the limit the [env] table is decoded as before: an escaped key, a quoted name
    short = _lines("[a{i}]\nb = 1\n", MAX_TOML_ENV_CHARS - 200)
    for env in ('["\\u0065nv"]\nCLEARANCE_DB = "/tmp/x"\n', '[env]\n"CLEARANCE_\\u0044B" = "/tmp/x"\n', "env.CLEARANCE_DB = '/tmp/x'\n"):
        secs, d = _cpu(decide, _write("mise.toml", env + short))
        assert secs < 0.25
        assert d.decision == "deny", (env, d.rules)  # type: ignore[attr-defined]
    ordinary = "[tools]\nnode = '20'\n[env]\nNODE_ENV = 'development'\n_.path = ['./bin']\n[tasks.build]\nrun = 'npm run build'\n"
    assert decide(_write(".mise.toml", ordinary)).decision == "allow"


def test_a_long_mise_file_is_read_without_parsing_where_nothing_asks_for_it() -> None:
    """A shell line that writes the file, `mise trust` of it: no rule asks for a file too long to parse, so its text is
    read with the decoded spellings made plain (self._toml_unparsed: every table's keys, more than [env] says)."""
    pad = _lines("[a{i}]\nb = 1\n", 90_000)
    for env, verdict in (
        ('[env]\n"CLEARANCE_\\u0044B" = "/tmp/x"\n', "deny"),
        ('[env]\n"LD_PRE\\u004cOAD" = "/tmp/x.so"\n', "ask"),
        ("env.CLEARANCE_DB = '/tmp/x'\n", "deny"),
    ):
        secs, d = _cpu(decide, "cat > .mise.toml <<'EOF'\n" + env + pad + "EOF")
        assert secs < 0.2  # was 0.1-0.4 s (tomllib, several times)
        assert d.decision == verdict, (env, d.rules)  # type: ignore[attr-defined]
    assert decide("cat > .mise.toml <<'EOF'\n[env]\nNODE_ENV = 'dev'\n" + pad + "EOF").decision == "allow"


# ---------------------------------------------------------------- code run by the line's commands


def test_the_code_a_line_runs_shares_the_line_limit() -> None:
    inner = "; ".join(f"mv a{i} b{i}" for i in range(1990))
    decide("bash -c 'ls'")
    for cmd in ("bash -c '" + inner + "'", "bash <<'EOF'\n" + inner.replace("; ", "\n") + "\nEOF", 'eval "' + inner + '"', "ssh h '" + inner + "'"):
        secs, d = _cpu(decide, cmd)
        assert secs < 0.15, cmd[:12]  # was 0.35-0.72 s
        assert d.decision == "ask" and "shell.parse-error" in d.rules, (cmd[:12], d.rules)  # type: ignore[attr-defined]
    few = "; ".join(f"mv a{i} b{i}" for i in range(50))
    assert decide("bash -c '" + few + "'").decision == "allow"
    assert decide("bash -c '" + few + "; rm -rf ~/'").decision == "deny"


# ---------------------------------------------------------------- one command of thousands of operands

OPERANDS = {
    "chmod": "chmod 755 {}",
    "cp": "cp {} /tmp/",
    "ln": "ln -s {} dir/",
    "git rm": "git rm {}",
    "tar": "tar czf a.tgz {}",
    "kubectl": "kubectl delete pod {}",
}


def test_a_command_of_thousands_of_operands_is_asked_in_time() -> None:
    from clearance.shell.parse import MAX_LINE_WORDS

    decide("cp a /tmp/")
    decide("chmod 755 " + " ".join(f"d{i}/x" for i in range(50)))
    for name, fmt in OPERANDS.items():
        secs, d = _cpu(decide, fmt.format(" ".join(f"d{i}/x" for i in range(9000))))
        assert secs < 0.4, name  # was 0.1-1.4 s (chmod: the deadline, denied); ~0.05 s now (0.3 s once under the full suite's load)
        assert d.decision == "ask" and d.rules == ["shell.parse-error"], (name, d.rules)  # type: ignore[attr-defined]
    for many in ("docker run " + " ".join(f"-v /d{i}:/x{i}" for i in range(5000)) + " img", "sed -i " + " ".join(f"-e s/a{i}/b/" for i in range(6000)) + " f"):
        secs, d = _cpu(decide, many)
        assert secs < 0.4 and d.decision == "ask", many[:10]  # type: ignore[attr-defined]  (was 0.67 s, allowed)
    # within the limit: judged operand by operand, in time
    secs, d = _cpu(decide, "chmod 755 " + " ".join(f"d{i}/x" for i in range(MAX_LINE_WORDS - 10)))
    assert secs < 0.5 and d.decision == "allow"  # type: ignore[attr-defined]  (~0.05 s; was 0.25 s for 1,000, quadratic)
    assert decide("chmod 755 " + " ".join(f"d{i}/x" for i in range(MAX_LINE_WORDS - 10)) + " ~").decision != "allow"
    assert decide("git add " + " ".join(f"src/m{i}.py" for i in range(300))).decision == "allow"


def test_chmod_parts_is_read_once_per_command_and_stays_exact() -> None:
    from clearance.shell.effects import chmod_parts
    from clearance.shell.parse import parse

    a, b = parse("chmod -R 700 x y; chmod u-w z", PROJECT, "/home/ana").commands
    first = chmod_parts(a)
    assert first[0] == "700" and [w.value for w in first[1]] == ["x", "y"] and first[2]
    first[1].clear()  # a caller's list is its own
    assert [w.value for w in chmod_parts(a)[1]] == ["x", "y"]
    assert chmod_parts(b)[0] == "u-w" and chmod_parts(a)[0] == "700"


# ---------------------------------------------------------------- an agent's settings read by several rules


def test_a_large_agent_settings_file_is_parsed_once() -> None:
    content = _lines("[profiles.p{i}]\nmodel = 'x'\n", 190_000)
    call = {"tool_name": "Write", "tool_input": {"file_path": "/home/ana/.codex/config.toml", "content": content}}
    decide({"tool_name": "Write", "tool_input": {"file_path": "/home/ana/.codex/config.toml", "content": "model = 'x'\n"}})
    secs, d = _cpu(decide, call)
    assert secs < 0.25  # was 0.17 s (three tomllib parses), ~0.06 s now
    assert d.decision == "deny"  # type: ignore[attr-defined]  (the agent's own settings, as before)


# ---------------------------------------------------------------- an event nested past the JSON decoder


def test_an_event_nested_past_the_json_decoder_is_asked_not_raised() -> None:
    """The hook's event and Copilot's toolArgs (a JSON string) nested 100,000 deep: json raised RecursionError (not a
    ValueError), out of hook.run_answer and copilot.to_event; now the event is malformed (asked, as the HTTP path did)."""
    import json

    from clearance.adapters import copilot
    from clearance.hook import run_answer

    deep = "[" * 100_000 + "]" * 100_000
    raw = '{"hook_event_name":"PreToolUse","tool_name":"Bash","cwd":"' + PROJECT + '","session_id":"s","tool_input":{"command":"ls","x":' + deep + "}}"
    answer = run_answer(raw.encode(), env={"HOME": "/home/ana", "CLAUDE_PROJECT_DIR": PROJECT})
    assert isinstance(answer.stdout, dict)
    assert answer.stdout["hookSpecificOutput"]["permissionDecision"] == "ask"  # type: ignore[index]
    ev = copilot.to_event({"sessionId": "p", "cwd": PROJECT, "toolName": "bash", "toolArgs": '{"command":"ls","x":' + deep + "}"})
    assert decide(ev).decision == "ask"
    ok = copilot.to_event({"sessionId": "p", "cwd": PROJECT, "toolName": "bash", "toolArgs": json.dumps({"command": "ls"})})
    assert decide(ok).decision == "allow"
