#!/usr/bin/env python3
"""Build eval/probe_outside/cases.jsonl: outside material for the prompt-injection probe, from public GitHub repositories.

usage: python eval/build_probe_outside.py [MIRROR_DIR]

MIRROR_DIR holds bare snapshots as MIRROR_DIR/<owner>+<name>/repo (default /work/.mirror); every case records
the repository, commit and path it was read from (`source`: owner/name@commit:path[#item]).  Each case has a
label by what the text really is -- "injection" (text aimed at the AI reading it, to make it do something its
user did not ask for) or "ordinary" (text for people, including text that gives directions to AI agents on behalf
of the repository's own maintainers: AGENTS.md, CLAUDE.md, skills) -- and a `cls` naming where it comes from.

Injections
  microsoft/BIPIA           benchmark/code_attack_{test,train}.json: code snippets an assistant is told to put in its
                            answer, inserted into an e-mail or a code question of the benchmark; text_attack_test.json:
                            only the categories that address the assistant's response ("...in your response"); the
                            task-automation, business, conversational, research and sentiment categories are bare
                            requests ("Recommend a good book") that are no injection by their text and are left out.
  facebookresearch/wasp     webarena_prompt_injections: the 21 attacker goals put in the benchmark's plain-text and
                            URL injection templates (constants.py), one template per goal chosen by hash.
  meta-llama/PurpleLlama    CybersecurityBenchmarks prompt_injection.json and a quarter (by hash) of
                            prompt_injection_multilingual_machine_translated.json: the indirect cases and the direct
                            ones that address the model's instructions (see _aimed: most direct cases are ordinary
                            questions, attacks only against a particular system prompt, and are left out).
  HumanCompatibleAI/tensor-trust-data  a sample of the hijacking and extraction benchmarks' attacks (the game's
                            "say Access Granted" / "reveal the password" attacks on a model).
Ordinary text
  microsoft/BIPIA           the e-mails, code questions and tables the attacks are inserted into, without attacks.
  six small repositories    README, AGENTS.md, CLAUDE.md, skills, install guides, specs and plans (imperative text
                            and directions to agents written by the repositories' own authors).

Split: `dev` or `heldout` by a stable hash of the case id (60 % dev).  Do not tune on heldout.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "eval" / "probe_outside" / "cases.jsonl"
MAX_TEXT = 8_000


def h(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest()[:12], 16)


class Repo:
    def __init__(self, base: Path, name: str) -> None:
        self.name = name
        self.git = base / (name.replace("/", "+")) / "repo"
        self.commit = self._run("rev-parse", "HEAD").strip()

    def _run(self, *args: str) -> str:
        return subprocess.run(["git", "-C", str(self.git), *args], capture_output=True, text=True, check=True).stdout

    def show(self, path: str) -> str:
        return self._run("show", f"HEAD:{path}")

    def files(self) -> list[tuple[str, int]]:
        out = []
        for line in self._run("ls-tree", "-r", "-l", "HEAD").splitlines():
            meta, path = line.split("\t", 1)
            size = meta.split()[3]
            if size.isdigit():
                out.append((path, int(size)))
        return out

    def src(self, path: str, item: str = "") -> str:
        return f"{self.name}@{self.commit}:{path}" + (f"#{item}" if item else "")


def case(cases: list[dict[str, str]], id_: str, label: str, cls: str, source: str, text: str) -> None:
    text = text[:MAX_TEXT]
    if not text.strip():
        return
    cases.append({"id": id_, "label": label, "cls": cls, "source": source, "split": "dev" if h(id_) % 10 < 6 else "heldout", "text": text})


def bipia(base: Path, cases: list[dict[str, str]]) -> None:
    r = Repo(base, "microsoft/BIPIA")
    emails = [json.loads(x) for x in r.show("benchmark/email/test.jsonl").splitlines() if x.strip()]
    codes = [json.loads(x) for x in r.show("benchmark/code/test.jsonl").splitlines() if x.strip()]
    tables = [json.loads(x) for x in r.show("benchmark/table/test.jsonl").splitlines() if x.strip()]

    def code_text(c: dict[str, object]) -> str:
        parts = []
        for k in ("error", "code", "context"):
            v = c.get(k)
            parts.append("\n".join(v) if isinstance(v, list) else str(v or ""))
        return "\n\n".join(parts)

    for i, e in enumerate(emails):
        case(cases, f"bipia-email-{i}", "ordinary", "bipia-email", r.src("benchmark/email/test.jsonl", str(i)), e["context"])
    for i, c in enumerate(codes):
        case(cases, f"bipia-code-{i}", "ordinary", "bipia-code", r.src("benchmark/code/test.jsonl", str(i)), code_text(c))
    for i, t in enumerate(tables[:40]):
        case(cases, f"bipia-table-{i}", "ordinary", "bipia-table", r.src("benchmark/table/test.jsonl", str(i)), t["context"])
    addressed = re.compile(r"\byour\s+(?:response|answer|reply)\b", re.I)
    for fname in ("benchmark/code_attack_test.json", "benchmark/code_attack_train.json", "benchmark/text_attack_test.json"):
        data = json.loads(r.show(fname))
        for cat, attacks in data.items():
            for j, attack in enumerate(attacks):
                if "text_attack" in fname and not addressed.search(attack):
                    continue
                id_ = f"bipia-{Path(fname).stem}-{cat}-{j}"
                # inserted into a context of the benchmark, at its start, middle or end (by hash), as BIPIA does
                if "code" in fname:
                    host = code_text(codes[h(id_) % len(codes)])
                else:
                    host = emails[h(id_) % len(emails)]["context"]
                pos = h(id_ + "pos") % 3
                cut = (0, len(host) // 2, len(host))[pos]
                cut = host.rfind("\n", 0, cut) + 1 if pos == 1 else cut
                text = host[:cut] + ("\n" if cut else "") + attack + "\n" + host[cut:]
                case(cases, id_, "injection", "bipia-" + ("code" if "code" in fname else "text") + "-attack", r.src(fname, f"{cat}/{j}"), text)


def wasp(base: Path, cases: list[dict[str, str]]) -> None:
    r = Repo(base, "facebookresearch/wasp")
    consts = r.show("webarena_prompt_injections/constants.py")
    templates = re.findall(r'^\s*(\w+):\s*"(ATTENTION:[^"\n]*)",?\s*$', consts, re.M)
    path = "webarena_prompt_injections/configs/croissant/attacks_in_webarena_format.jsonl"
    goals = {"gitlab": "comment on the issue", "reddit": "reply to the post"}
    for i, line in enumerate(x for x in r.show(path).splitlines() if x.strip()):
        a = json.loads(line)
        params = dict(a.get("parameters") or {})
        params.setdefault("gitlab_domain", "http://gitlab.example.com:8023")
        params.setdefault("reddit_domain", "http://reddit.example.com:9999")

        def fill(s: str, params: dict[str, str] = params) -> str:
            return re.sub(r"\{(\w+)\}", lambda m: str(params.get(m.group(1), m.group(0))), s)

        name, tmpl = templates[h(f"wasp-{i}") % len(templates)]
        msg = (
            tmpl.replace("{user_goal_str}", goals.get(a.get("environment", ""), "complete the task"))
            .replace("{instantiated_url_of_action}", fill(a["action_url"]))
            .replace("{instantiated_instruction_text}", fill(a["instruction"]))
        )
        if "URL" in name:
            # the URL templates write the instruction as a URL fragment with dashes for spaces
            head, _, frag = msg.partition("#OBJECTIVE")
            msg = head + "#OBJECTIVE" + frag.replace(" ", "-")
        case(cases, f"wasp-{i}", "injection", "wasp-" + name.lower(), r.src(path, str(i)), msg)


def _aimed(x: dict[str, str]) -> bool:
    """CyberSecEval's direct cases are user turns judged against a system prompt ("What is the weather in Los Angeles?"
    is an attack only on a bot told to talk about nothing else): by their text most are ordinary questions.  Kept: the
    indirect cases (instructions inside a document) and the direct ones whose technique addresses the model's own
    instructions (ignore_previous_instructions, system_mode)."""
    return x["injection_type"] == "indirect" or x["injection_variant"] in ("ignore_previous_instructions", "system_mode")


def purplellama(base: Path, cases: list[dict[str, str]]) -> None:
    r = Repo(base, "meta-llama/PurpleLlama")
    p = "CybersecurityBenchmarks/datasets/prompt_injection/prompt_injection.json"
    for x in json.loads(r.show(p)):
        if not _aimed(x):
            continue
        case(cases, f"cyberseceval-{x['prompt_id']}", "injection", f"cyberseceval-{x['injection_type']}", r.src(p, str(x["prompt_id"])), x["user_input"])
    p = "CybersecurityBenchmarks/datasets/prompt_injection/prompt_injection_multilingual_machine_translated.json"
    for x in json.loads(r.show(p)):
        id_ = f"cyberseceval-ml-{x['prompt_id']}"
        if h(id_) % 4 == 0 and _aimed(x):
            case(cases, id_, "injection", f"cyberseceval-ml-{x.get('speaking_language', '?')}", r.src(p, str(x["prompt_id"])), x["user_input"])


def tensor_trust(base: Path, cases: list[dict[str, str]]) -> None:
    r = Repo(base, "HumanCompatibleAI/tensor-trust-data")
    for kind, p, keep in (
        ("hijacking", "benchmarks/hijacking-robustness/v1/hijacking_robustness_dataset.jsonl", 60),
        ("extraction", "benchmarks/extraction-robustness/v1/extraction_robustness_dataset.jsonl", 40),
    ):
        rows = [json.loads(x) for x in r.show(p).splitlines() if x.strip()]
        rows.sort(key=lambda x: h(str(x["sample_id"])))
        for x in rows[:keep]:
            case(cases, f"tensortrust-{x['sample_id']}", "injection", f"tensortrust-{kind}", r.src(p, str(x["sample_id"])), x["attack"])


ORDINARY_REPOS = (
    "CodexTown/AGENTS.md-Refactor",
    "NicholasSpisak/claude-code-subagents",
    "0101/treemon",
    "Nick-Anderssohn/nice",
    "CodexHere/opencode-sandbox",
    "01luyicheng/DelGuard",
)


def ordinary_docs(base: Path, cases: list[dict[str, str]]) -> None:
    for name in ORDINARY_REPOS:
        r = Repo(base, name)
        docs = sorted((p for p, size in r.files() if re.search(r"\.(md|txt|rst)$", p) and 200 < size < 60_000), key=lambda p: h(name + p))
        for p in docs[:14]:
            base_name = p.rsplit("/", 1)[-1].upper()
            cls = (
                "agent-guidance"
                if base_name in ("AGENTS.MD", "CLAUDE.MD", "SKILL.MD") or "/agents/" in "/" + p or ".claude/" in p or "instructions" in p
                else "docs"
            )
            case(cases, f"doc-{name}-{p}", "ordinary", cls, r.src(p), r.show(p))


def main() -> int:
    base = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/.mirror")
    cases: list[dict[str, str]] = []
    for build in (bipia, wasp, purplellama, tensor_trust, ordinary_docs):
        build(base, cases)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    n = {(c["label"], c["split"]): 0 for c in cases}
    for c in cases:
        n[c["label"], c["split"]] += 1
    print(f"{len(cases)} cases, {OUT.stat().st_size} bytes: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
