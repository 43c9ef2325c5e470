"""Instructions of one cold ``clearance hook``, counted by callgrind, against the bare interpreter (issue 16).

    python bench/callgrind_hook.py [--src DIR] [--keep DIR] [--agent codex] [CALL ...]

Wall times of a ~30 ms process are noise on a loaded shared machine; callgrind's instruction count
is the same from run to run within a few tenths of a per cent.  The package under ``--src`` (default:
this checkout's ``src``) is copied to a scratch folder, byte-compiled and given its hot-path bundle
(bundlebuild.py) as ``clearance install`` does, and each call is decided by ``python -I -S
hookrun.py hook`` in a fresh process (no daemon, a scratch state folder whose rule index two calls
before have built), once under ``valgrind --tool=callgrind``.  The floor is ``python -I -S -c pass``
of the same interpreter; the goal is a ratio of at most 2.5.  ``--keep`` leaves the callgrind output
files there (``callgrind_annotate --inclusive=yes FILE``) for finding where the instructions go.
``--agent codex`` runs each call as ``clearance hook --agent codex`` from a shell under ``codex exec`` (a bash whose
argv is Codex's), where whether a person watches is read from the agent's process (unattended.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Benign calls of each kind an agent makes most (kept fixed: figures are compared across versions).
CALLS: dict[str, dict[str, object]] = {
    "git": {"tool_name": "Bash", "tool_input": {"command": "git status"}},
    "pipe": {"tool_name": "Bash", "tool_input": {"command": "git status && npm test -- --watch=false | tee out.log"}},
    "rm": {"tool_name": "Bash", "tool_input": {"command": "rm -rf ~/projects"}},
    "read": {"tool_name": "Read", "tool_input": {"file_path": "/home/ana/webapp/README.md"}},
    "edit": {
        "tool_name": "Edit",
        "tool_input": {"file_path": "/home/ana/webapp/app/page.tsx", "old_string": "a", "new_string": "b"},
    },
    # More of the same kinds (h-perf3), so that the figure is not fitted to the five above.
    "ls": {"tool_name": "Bash", "tool_input": {"command": "ls -la src"}},
    "pytest": {"tool_name": "Bash", "tool_input": {"command": "pytest -q tests/test_auth.py"}},
    "write": {
        "tool_name": "Write",
        "tool_input": {
            "file_path": "/home/ana/webapp/app/api/health/route.ts",
            "content": "export function GET() {\n  return Response.json({ ok: true });\n}\n",
        },
    },
    "grep": {"tool_name": "Grep", "tool_input": {"pattern": "useSession", "path": "/home/ana/webapp/app", "output_mode": "files_with_matches"}},
}
GOAL = 2.5


def _callgrind(cmd: list[str], data: bytes, env: dict[str, str], out: str, agent: str = "") -> tuple[int, bytes]:
    full = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd]
    p = subprocess.run(_under(agent, full), input=data, capture_output=True, env=env)
    m = re.search(rb"Collected : (\d+)", p.stderr)
    if m is None:
        raise SystemExit(f"callgrind failed: {p.stderr[-400:]!r}")
    return int(m.group(1)), p.stdout


# A shell whose argv the agent's own parser reads as its unattended mode (`; true`: bash does not exec the command).
_AGENT_ARGV = {"codex": ("/usr/local/bin/codex", "exec"), "gemini": ("/usr/local/bin/gemini", "-p"), "copilot": ("/usr/bin/copilot", "-p")}


def _under(agent: str, cmd: list[str]) -> list[str]:
    if not agent:
        return cmd
    import shlex

    argv0, mode = _AGENT_ARGV[agent]
    line = f"{shlex.join(cmd)}; true"
    # bash -c LINE exec go: `-c LINE` is a (value-taking) option to Codex's parser, `exec` its subcommand
    return ["/bin/bash", "-c", f"exec -a {argv0} /bin/bash -c {shlex.quote(line)} {mode} go"]


def prepare(src: str, scratch: str, python: str) -> str:
    """A byte-compiled copy of *src* with its bundle; the copy's src folder."""
    copy = os.path.join(scratch, "src")
    shutil.copytree(os.path.join(src, "clearance"), os.path.join(copy, "clearance"), ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    subprocess.run([python, "-m", "compileall", "-q", copy], check=True, env=env)
    build = f"import sys; sys.path[:0] = [{copy!r}]; from clearance.bundlebuild import main; sys.exit(main())"
    subprocess.run([python, "-I", "-S", "-c", build], check=True, env=env, capture_output=True)
    return copy


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("calls", nargs="*", help=f"of {', '.join(CALLS)} (default: all)")
    ap.add_argument("--src", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src"))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--keep", help="a folder for the callgrind output files")
    ap.add_argument("--agent", choices=sorted(_AGENT_ARGV), default="", help="run the hook as this agent's, under its unattended mode")
    args = ap.parse_args(argv)
    names = args.calls or list(CALLS)
    if set(names) - set(CALLS):
        ap.error(f"unknown call: {', '.join(sorted(set(names) - set(CALLS)))}")
    with tempfile.TemporaryDirectory(prefix="clearance-cg-") as scratch:
        copy = prepare(args.src, scratch, args.python)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "CLEARANCE_", "XDG_"))}
        env.update(
            HOME="/home/ana",
            CLAUDE_PROJECT_DIR="/home/ana/webapp",
            CLEARANCE_MANAGED_POLICY=f"{scratch}/managed.toml",
            CLEARANCE_DB=f"{scratch}/audit.db",
            XDG_STATE_HOME=f"{scratch}/state",
            XDG_CACHE_HOME=f"{scratch}/cache",
            XDG_CONFIG_HOME=f"{scratch}/config",
            CLEARANCE_DAEMON_SOCKET=f"{scratch}/run/d.sock",
            CLEARANCE_NO_DAEMON="1",
        )
        keep = args.keep or scratch
        os.makedirs(keep, exist_ok=True)
        floor, _ = _callgrind([args.python, "-I", "-S", "-c", "pass"], b"", env, f"{keep}/floor.cg")
        print(f"{'floor':6} {floor / 1e6:7.2f} M")
        hook = [args.python, "-I", "-S", f"{copy}/clearance/hookrun.py", "hook", *(["--agent", args.agent] if args.agent else [])]
        worst = 0.0
        timed_out: list[str] = []
        for name in names:
            event = {"session_id": "cg", "cwd": "/home/ana/webapp", "hook_event_name": "PreToolUse", **CALLS[name]}
            data = json.dumps(event).encode()
            for _ in range(2):  # the rule index and the state folder, as after the first calls of a session
                subprocess.run(_under(args.agent, hook), input=data, capture_output=True, env=env)
            n, out = _callgrind(hook, data, env, f"{keep}/{name}.cg", args.agent)
            decision = re.search(rb'"permissionDecision": ?"(\w+)"', out)
            ratio = n / floor
            worst = max(worst, ratio)
            # Under callgrind the process runs ~50x slower: the engine's 2 s decision deadline (engine.DEADLINE_S) could
            # fire and turn the verdict into its deny, which would make the count that of a cut-short decision.
            late = b"could not finish analysing" in out
            if late:
                timed_out.append(name)
            verdict = decision.group(1).decode() if decision else repr(out[:80])
            print(f"{name:6} {n / 1e6:7.2f} M  {ratio:4.3f}x  {verdict}{'  (DEADLINE FIRED: not comparable)' if late else ''}")
        print(f"worst {worst:.2f}x (goal <= {GOAL}x)")
        if timed_out:
            print(f"the decision deadline fired under callgrind for: {', '.join(timed_out)}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
