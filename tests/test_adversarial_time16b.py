r"""Issue 16, adversarial round adv16b (time): families of inputs within the engine's limits that made one decision take
far over 100 ms, each with its verdict and a generous CPU bound (the machine is shared; the bounds are 5-10x the
measured times after the fix, and far below the times before).

- Written files of many distinct command lines (Makefile recipes, justfile, workflow `run:` steps, package.json
  scripts, git aliases, CMake's execute_process, the Edit/MultiEdit/Gemini replace of one): each distinct line was
  analysed alone, ~0.1 ms each -- 1.3 s for a 200 KB Makefile, a justfile past the engine's 2 s deadline (denied).
  Now at most rules/tools.MAX_SCRIPT_COMMANDS commands of one call are analysed; past them the call is asked.
- A Codex apply_patch of thousands of files (each a write judged alone: 480 ms for 6,600) and indented headers that
  made every added line count for every file before them (quadratic): adapters/common.MAX_PATCH_FILES, asked past it.
- A path of thousands of names (`~/a/a/…`, 90 KB): provenance walked it up one slice per slash (0.5 s).
- A session record of many moves (`x` entries): every path asked about was compared with each (40,000 moves x 3,000
  paths: ~30 s); now a set lookup per ancestor and one bisection.
- `cd d0; cd d1; …` (a working directory growing with each command): each command's folder resolved from the root
  again (one lstat per name), and checked at its full length: a 5 KB line of 900 `cd d;` ran past the 2 s deadline.
- An agent's settings.json of 200 KB: five rules each converted its JSONC again (160 ms); an env file naming 8,000
  folders: each resolved through its links (150 ms), now at most 1,000 and the file asked.
- No limit on a tool input but the hook's 8 MB event: 7 MB of Python written took 0.4 s (allowed), a notebook cell 1.3 s,
  an .envrc the deadline; adapters/common.MAX_INPUT_CHARS (216,000) and MAX_INPUT_VALUES (50,000): past them, asked.
- `kill N` repeated: each read the whole process table again (/proc: ~8 ms of wall time each; 500 past the deadline).
- The reviewer's transcript view and the outbound guard's human-turn check parsed every row of up to 20 MB from the
  start (1.5 s, 320 ms); they read the last transcript.MAX_BYTES, parsing only rows that can give an entry kept.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from clearance import provenance, transcript
from clearance.adapters import codex
from clearance.adapters.common import MAX_PATCH_FILES, PatchTooLarge, patch_files
from clearance.api import decide_event
from clearance.paths import is_within
from clearance.rules.tools import MAX_SCRIPT_COMMANDS
from clearance.shell.parse import MAX_LINE_COMMANDS

from .conftest import ENV, PROJECT, decide

SIZE = 190_000  # under rules/tools.MAX_SCRIPT_CHARS (200,000): a longer file is asked by its length


def _cpu(fn: object, *args: object) -> tuple[float, object]:
    t0 = time.thread_time()
    out = fn(*args)  # type: ignore[operator]
    return time.thread_time() - t0, out


def _lines(fmt: str, size: int = SIZE) -> str:
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


# ---------------------------------------------------------------- written files of many distinct command lines

BUILD_FILES = {
    "Makefile recipes": ("Makefile", "all:\n", "\techo a{i}\n"),
    "justfile recipes": ("justfile", "a:\n", "    echo a{i}\n"),
    "workflow run steps": (".github/workflows/ci.yml", "jobs:\n  a:\n    steps:\n", "      - run: echo {i}\n"),
    "package.json scripts": ("package.json", '{"scripts": {', '"a{i}": "echo {i}", '),
    "CMake execute_process": ("CMakeLists.txt", "", "execute_process(COMMAND echo {i})\n"),
    "lefthook run lines": ("lefthook.yml", "pre-commit:\n  commands:\n", "    a{i}:\n      run: echo {i}\n"),
}


def _build_file(path: str, head: str, unit: str, size: int = SIZE) -> str:
    body = _lines(unit, size - len(head) - 4)
    return head + (body.rstrip(", ") + '"x": "y"}}' if path == "package.json" else body)


def test_a_build_file_of_thousands_of_distinct_command_lines_is_asked_in_time() -> None:
    decide(_write("Makefile", "all:\n\techo a\n"))
    for name, (path, head, unit) in BUILD_FILES.items():
        secs, d = _cpu(decide, _write(path, _build_file(path, head, unit)))
        assert secs < 0.6, name  # was 0.3-1.5 s (a justfile past the 2 s deadline under load: denied)
        assert d.decision == "ask", (name, d.rules)  # type: ignore[attr-defined]
        assert "distinct command lines" in d.reason  # type: ignore[attr-defined]


def test_an_edit_or_multiedit_of_thousands_of_recipe_lines_is_asked_in_time() -> None:
    text = _lines("\techo a{i}\n", SIZE // 2)
    edits = [{"old_string": f"o{i}", "new_string": f"\trm -f a{i}\n"} for i in range(5000)]
    for call in (
        {"tool_name": "Edit", "tool_input": {"file_path": f"{PROJECT}/Makefile", "old_string": "x", "new_string": text}},
        {"tool_name": "MultiEdit", "tool_input": {"file_path": f"{PROJECT}/Makefile", "edits": edits}},
    ):
        secs, d = _cpu(decide, call)
        assert secs < 0.6  # was 0.4-0.5 s
        assert d.decision == "ask"  # type: ignore[attr-defined]


def test_a_dangerous_recipe_within_the_budget_is_still_judged_and_ordinary_files_still_allowed() -> None:
    ordinary = "all:\n" + "".join(f"\techo step {i}\n" for i in range(MAX_SCRIPT_COMMANDS // 2))
    assert decide(_write("Makefile", ordinary)).decision == "allow"
    assert decide(_write("Makefile", ordinary + "\trm -rf ~/\n")).decision == "ask"
    assert "fs.delete-critical" in decide(_write("Makefile", "clean:\n\trm -rf ~/\n")).reason
    # the same line repeated is one analysis: a long file of it stays allowed
    assert decide(_write("Makefile", "all:\n" + "\techo a\n" * 20_000)).decision == "allow"
    pkg = {"scripts": {f"s{i}": f"node build.js --part {i}" for i in range(100)}}
    assert decide(_write("package.json", json.dumps(pkg))).decision == "allow"


def test_one_budget_for_the_whole_call() -> None:
    """The files of an ApplyPatch share the budget: none alone is over it (the last one analysed may pass it)."""
    half = "".join(f"+echo {i}\n" for i in range(MAX_SCRIPT_COMMANDS // 2 + 10))
    patch = f"*** Begin Patch\n*** Add File: a.sh\n{half}*** Add File: b.sh\n{half}*** Add File: c.sh\n{half}*** End Patch\n"
    raw = {"session_id": "c", "turn_id": "t", "hook_event_name": "PreToolUse", "cwd": PROJECT, "tool_name": "apply_patch", "tool_input": {"input": patch}}
    d = decide_event(codex.to_event(raw), ENV)
    assert d.decision == "ask" and "distinct command lines" in d.reason
    one = f"*** Begin Patch\n*** Add File: a.sh\n{half}*** End Patch\n"
    assert decide_event(codex.to_event(dict(raw, tool_input={"input": one})), ENV).decision == "allow"


# ---------------------------------------------------------------- apply_patch of thousands of files


def _codex_patch(patch: str) -> dict[str, object]:
    raw = {"session_id": "c", "turn_id": "t", "hook_event_name": "PreToolUse", "cwd": PROJECT, "tool_name": "apply_patch", "tool_input": {"input": patch}}
    return codex.to_event(raw)


def test_a_patch_of_thousands_of_files_is_asked_in_time() -> None:
    for body in ("".join(f"*** Add File: a{i}.sh\n+echo {i}\n" for i in range(6000)), "".join(f"*** Add File: d/a{i}.txt\n+x\n" for i in range(6000))):
        t0 = time.thread_time()
        d = decide_event(_codex_patch(f"*** Begin Patch\n{body}*** End Patch\n"), ENV)
        assert time.thread_time() - t0 < 0.2  # was 0.3-0.5 s
        assert d.decision == "ask" and d.rules == ["input.malformed"], d.rules
    files = [{"kind": "write", "path": f"{PROJECT}/a{i}.txt", "content": "x"} for i in range(MAX_PATCH_FILES + 1)]
    d = decide({"tool_name": "ApplyPatch", "tool_input": {"files": files}})
    assert d.decision == "ask" and d.rules == ["input.malformed"]
    ok = "".join(f"*** Add File: src/m{i}.py\n+x = {i}\n" for i in range(40))
    assert decide_event(_codex_patch(f"*** Begin Patch\n{ok}*** End Patch\n"), ENV).decision == "allow"


def old_patch_files(patch: str) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, list[str]]] = []
    owners: list[int] = []
    for line in patch.splitlines():
        s = line.strip()
        for marker, kind in (("*** Add File: ", "write"), ("*** Update File: ", "write"), ("*** Delete File: ", "delete"), ("*** Move to: ", "write")):
            if s.startswith(marker):
                out.append((kind, s[len(marker) :].strip(), []))
                owners = [*owners, len(out) - 1] if line[:1].isspace() else [len(out) - 1]
                break
        else:
            if owners and line.startswith("+") and not line.startswith("+++"):
                for i in owners:
                    out[i][2].append(line[1:])
    return [(k, p, "\n".join(lines)) for k, p, lines in out]


def test_patch_files_reads_as_before() -> None:
    import random

    rng = random.Random(16)
    pieces = [
        "*** Add File: a\n",
        " *** Add File: b\n",
        "*** Update File: c\n",
        "\t*** Delete File: d\n",
        "*** Move to: e\n",
        "+x\n",
        "+++ y\n",
        "-z\n",
        "@@\n",
        " ctx\n",
        "+\n",
    ]
    for _ in range(2000):
        patch = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        assert patch_files(patch) == old_patch_files(patch), patch


def test_indented_headers_counting_lines_for_many_files_are_refused_in_time() -> None:
    patch = "*** Begin Patch\n*** Add File: x.sh\n" + " *** Add File: y\n" * 400 + "+echo a\n" * 20_000 + "*** End Patch\n"
    t0 = time.thread_time()
    try:
        patch_files(patch)
        raise AssertionError("read")
    except PatchTooLarge:
        pass
    assert time.thread_time() - t0 < 0.2  # old_patch_files: ~1 s (8 million copies)
    assert decide_event(_codex_patch(patch), ENV).decision == "ask"
    # round 9c's case stays: an indented header's lines count for the file before it
    sneaky = "*** Begin Patch\n*** Add File: run.sh\n+#!/bin/sh\n *** Add File: notes.md\n+rm -rf ~/\n*** End Patch\n"
    assert decide_event(_codex_patch(sneaky), ENV).decision != "allow"


# ---------------------------------------------------------------- provenance: long paths, many moves


def test_a_path_of_thousands_of_names_is_asked_about_in_time() -> None:
    for path in ("~/" + "a/" * 45_000 + "x", f"{PROJECT}/" + "a/" * 45_000 + "x"):
        secs, d = _cpu(decide, {"tool_name": "Write", "tool_input": {"file_path": path, "content": "x"}})
        assert secs < 0.3  # was 0.5 s (provenance walked it up one slice per slash)
        assert d.decision != "deny" or path.startswith("~")  # type: ignore[attr-defined]
    pv = provenance.parse("d\t/tmp/t\n")
    assert pv.owns("/tmp/t/a/b") and not pv.owns("/tmp/t/" + "a/" * 3000)


def test_a_record_of_many_moves_is_read_once() -> None:
    rec = "d\t/tmp/t\n" + "".join(f"x\t/tmp/t/m{i}\n" for i in range(40_000))
    pv = provenance.parse(rec)
    t0 = time.thread_time()
    owned = [pv.owns(f"/tmp/t/a{i}") for i in range(3000)]
    assert time.thread_time() - t0 < 0.3  # was ~10 ms per path (~30 s)
    assert all(owned)
    assert not pv.owns("/tmp/t/m17") and not pv.owns("/tmp/t/m17/x") and not pv.owns("/tmp/t")


def test_moves_are_found_as_before() -> None:
    import random

    rng = random.Random(7)
    names = ["a", "b", "ab", "a.b", "", "c-d"]

    def some_path() -> str:
        p = "/" + "/".join(rng.choice(names) for _ in range(rng.randrange(0, 5)))
        return p + "/" if rng.random() < 0.1 else p

    for _ in range(2000):
        foreign = [some_path() for _ in range(rng.randrange(1, 6))]
        pv = provenance.Provenance(foreign=foreign)
        for _ in range(10):
            path = some_path()
            assert pv._holds_foreign(path) == any(is_within(path, f) or is_within(f, path) for f in foreign), (foreign, path)


# ---------------------------------------------------------------- a working directory growing with each command


def test_a_chain_of_cds_decides_in_time() -> None:
    decide("cd a; ls")
    for cmd in ("".join(f"cd d{i}\n" for i in range(2000)), "cd d; " * 900 + "rm -rf *"):
        secs, d = _cpu(decide, cmd)
        assert secs < 0.8, cmd[:20]  # was 1.4 s and the 2 s deadline (denied); ~0.2 s now
        assert d.decision != "allow" or "rm" not in cmd  # type: ignore[attr-defined]
    # Past parse.MAX_LINE_COMMANDS (adv16c) the line is asked unread; within it, still judged whole
    assert decide("cd d; " * 900 + "rm -rf ~/x").decision == "ask"
    assert decide("cd d; " * (MAX_LINE_COMMANDS - 10) + "rm -rf ~/x").decision == "deny"
    assert decide("cd src; cd lib; rm -rf *").decision == decide("cd src/lib && rm -rf *").decision


# ---------------------------------------------------------------- a tool input larger than is read


def test_a_tool_input_past_the_input_limit_is_asked_without_reading_it() -> None:
    from clearance.adapters.common import MAX_INPUT_CHARS, MAX_INPUT_VALUES

    big = _lines("os.remove('a{i}')\n", 7_000_000)
    for call in (
        _write("x.py", big),  # was 0.42 s, allowed
        {"tool_name": "NotebookEdit", "tool_input": {"notebook_path": f"{PROJECT}/nb.ipynb", "new_source": big, "cell_id": "a"}},  # was 1.3 s
        _write(".envrc", _lines("export A{i}=/tmp/{i}\n", 7_000_000)),  # was past the 2 s deadline: denied
        {"tool_name": "Glob", "tool_input": {"pattern": _lines("{{a{i},b}}/", 7_000_000)}},  # was 0.5 s
        {"tool_name": "mcp__db__query", "tool_input": {"rows": list(range(MAX_INPUT_VALUES + 1))}},
        {"tool_name": "Edit", "tool_input": {"file_path": f"{PROJECT}/x.py", "old_string": "a", "new_string": "b" * (MAX_INPUT_CHARS + 1)}},
    ):
        secs, d = _cpu(decide, call)
        assert secs < 0.2  # the sizes are counted, nothing is read
        assert d.decision == "ask" and d.rules == ["input.malformed"], d.rules  # type: ignore[attr-defined]
    assert decide(_write("notes.txt", "word " * 39_000)).decision == "allow"
    assert decide(_write("data.json", json.dumps(list(range(30_000))))).decision == "allow"


# ---------------------------------------------------------------- agent settings and env files


def test_an_agent_settings_file_of_200_kb_is_read_once() -> None:
    body = ", ".join(f'"a{i}": "echo {i}"' for i in range(9000))
    call = {"tool_name": "Write", "tool_input": {"file_path": f"{PROJECT}/.claude/settings.json", "content": "{" + body + "}"}}
    decide({"tool_name": "Write", "tool_input": {"file_path": f"{PROJECT}/.claude/settings.json", "content": "{}"}})
    secs, d = _cpu(decide, call)
    assert secs < 0.5  # was ~0.16 s: its JSONC conversion done five times, by five rules
    assert d.decision == "deny"  # type: ignore[attr-defined]


def test_an_env_file_naming_thousands_of_folders_is_asked_in_time() -> None:
    for content in (_lines("export A{i}=/tmp/x{i}\n"), _lines("https://x{i}.example.com/ ")):
        for name in (".envrc", ".mise.toml"):
            secs, d = _cpu(decide, _write(name, content))
            assert secs < 0.5, name  # was ~0.1-0.15 s: each folder resolved through its links
            assert d.decision == "ask" and "self.environment-into-own-files" in d.rules, (name, d.rules)  # type: ignore[attr-defined]
    few = "".join(f"export DATA_{i}=/tmp/webapp-data-{i}\n" for i in range(50))
    assert decide(_write(".envrc", few)).decision == "allow"
    assert decide(_write(".envrc", few + "export UV_PROJECT_ENVIRONMENT=$HOME/.claude\n")).decision == "ask"


# ---------------------------------------------------------------- the process table, read once per decision


def test_a_line_of_many_kills_reads_the_process_table_once() -> None:
    from clearance.context import build_context

    ctx = build_context(PROJECT, ENV)
    assert ctx.processes is not None and ctx.processes() is ctx.processes()  # one read per decision
    decide("kill 4242")
    t0 = time.perf_counter()
    d = decide("\n".join(f"kill {i}" for i in range(3000, 3000 + MAX_LINE_COMMANDS)))
    # wall time: each `kill N` read /proc again (~8 ms each: 500 of them ran past the 2 s deadline, denied); a line of
    # more than parse.MAX_LINE_COMMANDS commands is asked unread since adv16c (500 kills: asked)
    assert time.perf_counter() - t0 < 1.5
    assert d.decision == decide("kill 3000; kill 3001").decision
    assert decide("kill 1; " + "; ".join(f"kill {i}" for i in range(3000, 3000 + MAX_LINE_COMMANDS - 10))).decision == "deny"


# ---------------------------------------------------------------- transcripts

TS = "2026-12-07T10:00:00.000Z"


def _jsonl(tmp_path: Path, name: str, rows: list[dict[str, object]]) -> str:
    p = tmp_path / name
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(p)


def _tool(cmd: str) -> dict[str, object]:
    return {
        "type": "assistant",
        "timestamp": TS,
        "message": {"role": "assistant", "content": [{"type": "tool_use", "name": "Bash", "input": {"command": cmd}}]},
    }


def _user(text: str, ts: str = TS) -> dict[str, object]:
    return {"type": "user", "timestamp": ts, "message": {"role": "user", "content": text}}


def test_a_transcript_of_many_tool_calls_is_viewed_in_time(tmp_path: Path) -> None:
    rows = [_user("deploy the docs, not prod")] + [_tool(f"ls {i}") for i in range(40_000)] + [_user("go on")]
    path = _jsonl(tmp_path, "t.jsonl", rows)
    secs, got = _cpu(transcript.view_for, path)
    assert secs < 0.4  # was ~0.4 s (~0.9 s at 20 MB, 1.5 s for 2 KB inputs)
    view, _entries = got  # type: ignore[misc]
    assert "deploy the docs, not prod" in view and "go on" in view and "ls 39999" in view and "[earlier messages omitted]" in view
    secs, spoke = _cpu(transcript.human_turn_since, path, 0.0)
    assert secs < 0.3 and spoke is True  # was ~0.3 s


def test_the_view_is_the_newest_part_of_a_transcript_over_the_limit(tmp_path: Path) -> None:
    big = _tool("x" * 1000)
    n = transcript.MAX_BYTES // len(json.dumps(big)) + 10
    path = _jsonl(tmp_path, "t.jsonl", [_user("first")] + [big] * n + [_user("stop touching prod", "2026-12-07T11:00:00.000Z")])
    view, _ = transcript.view_for(path)
    assert "stop touching prod" in view  # the start was read before: the latest words went unseen past 20 MB
    assert transcript.human_turn_since(path, 1796641000.0)


def test_the_view_is_as_before_on_varied_transcripts(tmp_path: Path) -> None:
    """The old reader (every row parsed) on generated transcripts: same view for several budgets."""
    import random

    rng = random.Random(3)
    for trial in range(60):
        rows: list[dict[str, object]] = []
        for _ in range(rng.randrange(0, 300)):
            k = rng.random()
            if k < 0.3:
                rows.append(_user("w " * rng.randrange(1, 400)))
            elif k < 0.4:
                rows.append({"type": "user", "timestamp": TS, "isMeta": True, "message": {"role": "user", "content": "meta"}})
            elif k < 0.55:
                rows.append(
                    {"type": "user", "timestamp": TS, "toolUseResult": {}, "message": {"role": "user", "content": [{"type": "tool_result", "content": "r"}]}}
                )
            elif k < 0.6:
                rows.append({"type": "attachment", "attachment": {"type": "queued_command", "commandMode": "prompt", "prompt": "q " * rng.randrange(1, 50)}})
            else:
                rows.append(_tool("c" * rng.randrange(1, 3000)))
        path = _jsonl(tmp_path, f"t{trial}.jsonl", rows)
        for budget in (300, 1000, 6000):
            assert transcript.render(transcript.trim(transcript.read_view(path, budget_tokens=budget), budget)) == _old_view(path, budget), (trial, budget)


def _old_view(path: str, budget: int) -> str:
    entries: list[transcript.Entry] = []
    with open(path, encoding="utf-8", errors="replace") as f:
        data = f.read()
    for line in data.split("\n"):
        if line.strip():
            row = json.loads(line)
            entries += transcript._row_entries(row) if isinstance(row, dict) else []
    return transcript.render(transcript.trim(entries, budget))


# The two strict xfails adv16b left (a mise TOML of thousands of sections, a line of 2,000 distinct commands) are fixed
# in adv16c: tests/test_adversarial_time16c.py.
