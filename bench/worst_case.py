#!/usr/bin/env python3
"""The slowest decision clearance makes on large adversarial inputs.

usage: python bench/worst_case.py [--size N] [--top K] [--json]

Times are CPU milliseconds of the deciding thread (the machine may be shared).
Builds inputs up to the engine's limits (commands of 100 000 characters; Write contents, web pages
for the PostToolUse probe and text for the audit redaction of the same size) out of repeated
characters, two-character alternations and the shapes reported in issue 16 (a vim -c argument of
blanks, compact JSON next to `(` and `&`, an expect -c script of newlines, a workflow line of tabs,
a Makefile recipe full of `${`, "password" followed by blanks, a web page of blank lines), the shapes fuzzing found
(code of many lines for an interpreter, build files of many command lines, HTML comments left open, an addressee
repeated; adv16: one call repeated thousands of times, `[[` nested, dense code at the tree parsers' size, tox.ini
`commands =` lines; adv16b: build files of distinct command lines, a chain of `cd`s, a path of thousands of names, a
patch of thousands of files, a transcript of many tool calls, 2,000 distinct commands in one line; adv16c: the code a
line runs through `bash -c` or a here-document, one command of thousands of operands, a mise TOML of sections, an
agent's TOML settings), and reports the slowest decisions. Goal: none over 100 ms.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from clearance.api import decide_event  # noqa: E402
from clearance.probe import scan  # noqa: E402
from clearance.redact import redact_text  # noqa: E402

MAX_COMMAND = 100_000
HOME = "/home/ana"
PROJECT = "/home/ana/webapp"
ENV = {"HOME": HOME, "CLAUDE_PROJECT_DIR": PROJECT, "USER": "ana"}
PAIRS: tuple[str, ...] = (
    "a ",
    "(&",
    "${",
    "\\n",
    " \n",
    "a\n",
    "a=",
    "a:",
    "a/",
    "%4",
    "-a",
    "a.",
    "\t\n",
    "a,",
    "a'",
    '"a',
    "(a",
    "[a",
    "$(",
    "`a",
    "a;",
    "a|",
    "{}",
)
# An open string of escaped quotes, an open ERB tag (issue 16: patterns rescanned them from every quote, every `<%`).
PAIRS += ('"\\', "'\\", "<%")


def units(quick: bool) -> dict[str, str]:
    chars = " \n\t\r$({[<'\"`\\|&;:#=-a0*!%" if quick else "".join(chr(c) for c in range(32, 127)) + "\n\t\r"
    out = {repr(c): c for c in chars}
    out.update({repr(p): p for p in PAIRS})
    return out


def fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[: max(n, 0)]


def event(tool: str, tool_input: dict[str, object]) -> dict[str, object]:
    return {"hook_event_name": "PreToolUse", "tool_name": tool, "tool_input": tool_input, "cwd": PROJECT, "session_id": "bench"}


def commands(size: int, quick: bool) -> dict[str, str]:
    """Shell commands of at most `size` characters."""
    frames = {
        "raw": ("", ""),
        "echo '…'": ("echo '", "'"),
        "rm; vim -c '…x'": ("rm -rf ~/; vim -c '", "x' notes.txt"),
        "rm; expect -c '…'": ("rm -rf ~/; expect -c '", "x'"),
        "awk '…'": ("awk '", "' f"),
        "python -c '…'": ("python3 -c '", "'"),
        "osascript -e '…'": ("osascript -e '", "'"),
        "bash -c '…' &": ("(bash -c '", "') &"),
        "sed -e '…'": ("sed -e '", "' f"),
        "case…esac; …": ("case $1 in a) ;; esac; echo ", ""),
        "[[ … ]] && …": ("[[ -n $x ]] && echo ", ""),
        "case … a) echo …": ("case x in a) echo ", ""),
        "[[ …": ("[[ ", ""),
        "echo <(…": ("echo <(", ""),
        "echo $((…": ("echo $((", ""),
        # string literals left open where a program's code is read (issue 16: each escaped quote rescanned to the end)
        "emacs --eval '(shell-command \"…'": ("emacs --batch --eval '(shell-command \"", "'"),
        "sbcl --eval '(run-program \"…'": ('sbcl --eval \'(sb-ext:run-program "/bin/sh" (list "', "'"),
        "erb <<< '…'": ("erb <<< '", "'"),
    }
    out: dict[str, str] = {}
    for fname, (pre, post) in frames.items():
        for uname, unit in units(quick).items():
            n = size - len(pre) - len(post)
            out[f"{fname} {uname}*"] = pre + fill(unit, n) + post
    # fuzzed shapes (issue 16, scan16): quotes then a closing far away, code of many lines for an interpreter, a heredoc
    lines = {
        'awk \'""…" | getline\'': ("awk '", '"', "\" | getline' f"),
        "python3 -c 'x = 1⏎…'": ("python3 -c '", "x = 1\n", "'"),
        "python3 -c 'open(…).read()⏎…'": ("python3 -c '", 'open("a.txt").read()\n', "'"),
        "python3 - <<EOF x = 1⏎…": ("python3 - <<'EOF'\n", "x = 1\n", "EOF"),
        "node -e 'require(…)⏎…'": ("node -e '", 'require("fs").readFileSync("a");\n', "'"),
        "perl -e 'print 1;⏎…'": ("perl -e '", "print 1;\n", "'"),
        "cat <<EOF $(a)⏎…": ("cat <<EOF > notes.txt\n", "$(a)\n", "EOF"),
        "echo \"'\"'…": ("echo ", "\"'\"'", ""),
        # adv16: one call repeated (each read, deletion, Path(…) and effect judged once per distinct one), code over
        # the Python parser's size (no second compile for the memory-bomb check), embedded commands up to the reparse limit
        "python3 -c 'os.remove(…)⏎…'": ("python3 -c '", 'os.remove("a")\n', "'"),
        "python3 -c 'Path(…)⏎…'": ("python3 -c '", 'Path("a")\n', "'"),
        "python3 -c '1⏎…'": ("python3 -c '", "1\n", "'"),
        "python3 -c 'subprocess.run([…])⏎…'": ("python3 -c '", 'subprocess.run(["ls", "-la"])\n', "'"),
        "perl -e 'unlink(…);⏎…'": ("perl -e '", 'unlink("a");\n', "'"),
    }
    for name, (pre, unit, post) in lines.items():
        out[name] = pre + fill(unit, size - len(pre) - len(post) - len(unit)) + post
    # adv16: `[[` words nested (the precheck re-split the words before each keyword), dense code at the tree parsers' size
    out["echo [[ …a ]] …"] = "echo " + "[[ " * (size // 6 - 2) + "a" + " ]]" * (size // 6 - 2)
    out["node -e '\"a\"+…' 60 KB"] = "node -e '" + fill('"a"+', min(size, 60_000)) + "1'"
    out["php -r '$a+…' 60 KB"] = "php -r '" + fill("$a+", min(size, 60_000)) + "1;'"
    out["node -e 'fs.rmSync(\"aN\");⏎…' + syntax error"] = (
        "node -e '" + "".join(f'fs.rmSync("a{i}");\n' for i in range(size // 18))[: min(size, 60_000)] + "(('"
    )
    # perf16: thousands of different facts in each reader (capped at interp.MAX_FACTS), a tree past values.MAX_NODES
    for prog, unit in (("perl -e", 'unlink("a{}");\n'), ("php -r", 'unlink("a{}");\n'), ("node -e", 'require("child_process").execSync("ls a{}");\n')):
        out[f"{prog} '{unit.format('N').strip()}⏎…'"] = f"{prog} '" + "".join(unit.format(i) for i in range(size // 10))[: min(size, 60_000)] + "'"
    out["node -e '\"a\"+…' 56 KB + fs.rmSync(home)"] = (
        "node -e '" + '"a"+' * min(size // 4, 14_000) + '1;require("fs").rmSync("/home/ana", {recursive: true})\''
    )
    # adv16b: a working directory growing with each command (each resolved from the root again), distinct commands
    out["cd d0; cd d1; …"] = "\n".join(f"cd d{i}" for i in range(size // 8))[:size]
    out["cd d; …; rm -rf *"] = ("cd d; " * (size // 6))[: min(size, 5400)] + "rm -rf *"
    out["mv aN bN ⏎ x2000"] = "\n".join(f"mv a{i} b{i}" for i in range(2000))[:size]
    # adv16c: the code a line's commands run (bash -c, eval, a here-document), one command of thousands of operands
    inner = "; ".join(f"mv a{i} b{i}" for i in range(1990))
    out["bash -c 'mv aN bN; …' x2000"] = ("bash -c '" + inner + "'")[:size]
    out["bash <<EOF mv aN bN ⏎ x2000"] = ("bash <<'EOF'\n" + inner.replace("; ", "\n") + "\nEOF")[:size]
    out["chmod 755 of 9,000 folders"] = ("chmod 755 " + " ".join(f"d{i}/x" for i in range(9000)))[:size]
    out["chmod 755 of 990 folders"] = "chmod 755 " + " ".join(f"d{i}/x" for i in range(990))
    out["cp of 9,000 files"] = ("cp " + " ".join(f"s{i}" for i in range(9000)))[: size - 6] + " /tmp/"
    out["docker run -v x5000"] = ("docker run " + " ".join(f"-v /d{i}:/x{i}" for i in range(5000)))[: size - 4] + " img"
    out["sed -i -e x6000"] = ("sed -i " + " ".join(f"-e s/a{i}/b/" for i in range(6000)))[: size - 2] + " f"
    json_body = fill('{"a":1,"b":[2,3],"c":"d"}', size - 40)
    out["compact JSON with ( and &"] = "curl -d '" + json_body + "' x & (true)"
    out["fork-bomb lookalikes"] = fill("x(){ y|z& };", size)
    # valid commands just under the analysed-size limits (shell.parse MAX_NODES, precheck MAX_STEPS)
    for unit in ("a ", "$a ", "'x' ", "a; ", "a\n", "$(a) ", "a/b ", '"$a" '):
        for n in (1000, 3000, 7000):
            cmd = "echo " + unit * n
            if len(cmd) <= size:
                out[f"valid: echo {unit!r}x{n}"] = cmd
    return out


def writes(size: int, quick: bool) -> dict[str, tuple[str, str]]:
    """Write contents: (path, content)."""
    paths = ("clean.sh", "Makefile", ".github/workflows/ci.yml", "package.json", ".envrc", "notes.txt")
    out: dict[str, tuple[str, str]] = {}
    for path in paths:
        for uname, unit in units(True).items():
            out[f"{path} {uname}*"] = (f"{PROJECT}/{path}", fill(unit, size))
    out["workflow line of tabs"] = (f"{PROJECT}/.github/workflows/ci.yml", "jobs:\n  a:\n    steps:\n" + "\t" * size + "- run: ls\n")
    out["Makefile recipe of ${"] = (f"{PROJECT}/Makefile", "all:\n\t" + fill("${", size) + "\n")
    out["Makefile rule line of :"] = (f"{PROJECT}/Makefile", fill("a:", size) + "\n")
    # string literals left open (issue 16): CMake's execute_process and file(), a build script's .args([…])
    out['CMakeLists.txt execute_process of "\\'] = (f"{PROJECT}/CMakeLists.txt", "execute_process(COMMAND " + fill('"\\', size - 40) + ")\n")
    out['CMakeLists.txt file(REMOVE "\\'] = (f"{PROJECT}/CMakeLists.txt", "file(REMOVE " + fill('"\\', size - 40) + ")\n")
    out['build.rs .args(["\\'] = (f"{PROJECT}/build.rs", 'fn main() { Command::new("sh").args([' + fill('"\\', size - 60) + "]); }\n")
    # build files of many lines (each line a command the toolchain runs: one analysis per distinct line)
    many = {
        "Makefile of echo recipes": ("Makefile", "all:\n", "\techo a\n"),
        "justfile of echo lines": ("justfile", "a:\n", "    echo a\n"),
        "tox.ini of commands": ("tox.ini", "[testenv]\ncommands =\n", "    ls\n"),
        "workflow of run steps": (".github/workflows/ci.yml", "jobs:\n  a:\n    steps:\n", "      - run: ls\n"),
        "CMakeLists.txt of execute_process": ("CMakeLists.txt", "", "execute_process(COMMAND ls)\n"),
        "CMakeLists.txt of COMMAND a": ("CMakeLists.txt", "execute_process(", "COMMAND a "),
        ".pre-commit-config.yaml of hooks": (
            ".pre-commit-config.yaml",
            "repos:\n- repo: local\n  hooks:\n",
            "  - id: a\n    entry: ls\n    language: system\n",
        ),
        ".envrc of exports": (".envrc", "", "export A=/tmp/x\n"),
        "tox.ini of `commands =` lines": ("tox.ini", "[testenv]\n", "commands = ls\n"),
    }
    for name, (path, head, unit) in many.items():
        out[name] = (f"{PROJECT}/{path}", head + unit * ((size - len(head) - 40) // len(unit)) + ("\n)" if "(" in head else ""))
    # adv16b: the same files of distinct lines (each one analysed: 1.3 s for a Makefile of 200 KB), a path of 45,000 names
    distinct = {
        "Makefile of distinct recipes": ("Makefile", "all:\n", "\techo a{i}\n"),
        "justfile of distinct lines": ("justfile", "a:\n", "    echo a{i}\n"),
        "workflow of distinct run steps": (".github/workflows/ci.yml", "jobs:\n  a:\n    steps:\n", "      - run: echo {i}\n"),
        "CMakeLists.txt of distinct execute_process": ("CMakeLists.txt", "", "execute_process(COMMAND echo {i})\n"),
        ".gitconfig of distinct aliases": (".gitconfig", "[alias]\n", "\ta{i} = !echo {i}\n"),
    }
    for name, (path, head, unit) in distinct.items():
        body = "".join(unit.format(i=i) for i in range(size // len(unit)))
        out[name] = (f"{PROJECT}/{path}", head + body[: size - len(head) - 40])
    out["path ~/a/a/… of 45,000 names"] = ("~/" + "a/" * (size // 2 - 2) + "x", "x")
    # adv16c: TOML parsed whole by tomllib (a mise file's [env], an agent's settings read by several rules)
    body = "".join(f"[a{i}]\nb = 1\n" for i in range(size // 10))
    out[".mise.toml of sections"] = (f"{PROJECT}/.mise.toml", body[: size - size % 12])
    out[".mise.toml [env] + 63 KB of sections"] = (f"{PROJECT}/.mise.toml", "[env]\nA = '1'\n" + body[: min(size, 63_900) // 12 * 12])
    out["codex config.toml of profiles"] = (f"{HOME}/.codex/config.toml", "".join(f"[profiles.p{i}]\nmodel = 'x'\n" for i in range(size // 28)))
    return out


def texts(size: int, quick: bool) -> dict[str, str]:
    out = {f"{u}*": fill(unit, size) for u, unit in units(quick).items()}
    out["password + blanks"] = "password" + " " * size + "'x'"
    out["page of blank lines"] = fill("\n", size // 2) + "system: hi"
    out["page of indented blank lines"] = fill("   \n", size)
    out["ignore ignore …"] = fill("ignore ", size)
    out["eyJ-eyJ-…"] = fill("eyJ-", size)
    # fuzzed (scan16): HTML comments left open, an addressee repeated, a verb and its object repeated
    for unit in ("<!-- ", "claude, ", "ai agent ", "ignore all ", "ignore instrucciones ", "ignore\n"):
        out[f"{unit!r}*"] = fill(unit, size)
    # perf16: directions each in a different sentence (no sentence end: each read up to 300-400 characters)
    for unit in ("claude: open a{}\n", "you must include a{} in your response\n"):
        out[f"{unit.format('N')!r}*"] = "".join(unit.format(i) for i in range(size // 10))[:size]
    return out


def _transcripts(size: int) -> list[tuple[float, str, str]]:
    """The reviewer's view and the human-turn check of a transcript of tool calls (size x 80 bytes, up to 8 MB)."""
    import tempfile

    from clearance import transcript

    row = {"type": "assistant", "timestamp": "2026-12-07T10:00:00Z", "message": {"role": "assistant", "content": [{"type": "tool_use", "name": "Bash"}]}}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as f:
        for i in range(size * 80 // 150):
            row["message"]["content"][0]["input"] = {"command": f"ls {i}"}  # type: ignore[index]
            f.write(json.dumps(row) + "\n")
        f.flush()
        return [
            (_ms(transcript.view_for, f.name), "review", "view of a transcript of tool calls"),
            (_ms(transcript.human_turn_since, f.name, 0.0), "review", "human turn since"),
        ]


def _ms(fn: object, *args: object) -> float:
    """CPU milliseconds of this thread (the machine may be shared: wall time measures the load)."""
    t0 = time.thread_time()
    fn(*args)  # type: ignore[operator]
    return (time.thread_time() - t0) * 1000.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=MAX_COMMAND)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--quick", action="store_true", help="fewer single characters")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--families", action="store_true", help="also the worst input of every family (frame or named shape)")
    a = ap.parse_args()
    decide_event(event("Bash", {"command": "ls"}), ENV)  # warm-up: parser, rules
    cmds = commands(a.size, a.quick)
    # Warm: each frame once, short, so that the modules its kind of call loads (the interpreter readers, ~100 ms to
    # compile from source where bytecode is not written) are not counted against its first input.
    for cmd in {c[:40]: c[:200] + c[-40:] for c in cmds.values()}.values():
        decide_event(event("Bash", {"command": cmd}), ENV)
    rows: list[tuple[float, str, str]] = []
    verdicts: dict[str, int] = {}
    for name, cmd in cmds.items():
        t0 = time.thread_time()
        d = decide_event(event("Bash", {"command": cmd}), ENV)
        rows.append(((time.thread_time() - t0) * 1000.0, "Bash", f"{name} -> {d.decision} {','.join(d.rules[:2])}"))
        verdicts[d.rules[0] if d.rules else d.decision] = verdicts.get(d.rules[0] if d.rules else d.decision, 0) + 1
    for name, (path, content) in writes(a.size, a.quick).items():
        t0 = time.thread_time()
        d = decide_event(event("Write", {"file_path": path, "content": content}), ENV)
        rows.append(((time.thread_time() - t0) * 1000.0, "Write", f"{name} -> {d.decision}"))
    # adv16: an MCP call's strings, each read for SQL starts (a string of quotes, words no statement starts with)
    for name, args in {
        "mcp 100 strings of quotes": {"a": ["'" * 1000] * 100, "b": {"c": fill("'", a.size // 2)}},
        "mcp 100 strings of words": {"a": ["".join(f"'select{i}x{j} " for j in range(150)) for i in range(100)]},  # under MAX_INPUT_CHARS
    }.items():
        t0 = time.thread_time()
        d = decide_event(event("mcp__db__query", args), ENV)
        rows.append(((time.thread_time() - t0) * 1000.0, "MCP", f"{name} -> {d.decision}"))
    # adv16b: a Codex patch of thousands of files (each a write judged alone), a transcript of many tool calls (the
    # reviewer's view, the outbound guard's human-turn check)
    files = [{"kind": "write", "path": f"{PROJECT}/a{i}.sh", "content": f"echo {i}"} for i in range(a.size // 15)]
    t0 = time.thread_time()
    d = decide_event(event("ApplyPatch", {"files": files}), ENV)
    rows.append(((time.thread_time() - t0) * 1000.0, "Patch", f"ApplyPatch of {len(files)} scripts -> {d.decision}"))
    rows += _transcripts(a.size)
    tx = texts(a.size, a.quick)
    for text in {t[:40]: t[:200] + t[-40:] for t in tx.values()}.values():
        scan(text)  # warm, as the commands' frames: the patterns a kind of text reaches compile on first use
        redact_text(text)
    for name, text in tx.items():
        rows.append((_ms(scan, text), "probe", name))
        rows.append((_ms(redact_text, text), "redact", name))
    rows.sort(reverse=True)
    by_kind: dict[str, float] = {}
    for ms, kind, _ in rows:
        by_kind[kind] = max(by_kind.get(kind, 0.0), ms)
    over = [r for r in rows if r[0] > 100.0]
    worst_of = families(rows, units(a.quick))
    if a.json:
        print(json.dumps({"inputs": len(rows), "worst_ms": by_kind, "over_100ms": len(over), "slowest": rows[: a.top], "families": worst_of}))
        return 0
    print(f"{len(rows)} adversarial inputs of up to {a.size} characters (CPU ms of the deciding thread, warm, in-process)")
    print("worst per kind: " + ", ".join(f"{k} {v:.1f} ms" for k, v in sorted(by_kind.items())))
    for ms, kind, what in rows[: a.top]:
        print(f"{ms:9.1f}  {kind:6}  {what[:100]}")
    print(f"{len(over)} over 100 ms")
    if a.families:
        print(f"worst input of each of the {len(worst_of)} families (a frame filled with every unit, or a shape fuzzing found), CPU ms:")
        for fam, (ms, what) in sorted(worst_of.items(), key=lambda kv: -kv[1][0]):
            print(f"{ms:9.1f}  {fam[:58]:58}  {what[:60]}")
    return 0


def families(rows: list[tuple[float, str, str]], unit_names: dict[str, str]) -> dict[str, tuple[float, str]]:
    """Each family's slowest input: a frame's rows (`FRAME 'u'*`, one per unit) are one family, a named shape its own."""
    suffixes = sorted((f"{u}*" for u in unit_names), key=len, reverse=True)
    out: dict[str, tuple[float, str]] = {}
    for ms, kind, what in rows:
        name = what.split(" -> ", 1)[0]
        fam = next((name[: -len(sfx)] + "…*" for sfx in suffixes if name.endswith(sfx)), name)
        key = f"{kind} {fam}"
        if key not in out or ms > out[key][0]:
            out[key] = (ms, what)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
