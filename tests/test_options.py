"""Commands read the way the programs read them: prefixes of long options, clustered flags, values, `--`, negation.

Each class below had no rule written for it: the cases are spellings the programs
accept for options the rules already know (issue 17, parts 1 and 5).
"""

from __future__ import annotations

import pytest

from clearance.shell.ir import Word
from clearance.shell.options import normalise_words

from .conftest import decide


def _blocked(verdict: str) -> bool:
    return verdict in ("deny", "ask")


# git's parse-options and GNU getopt_long accept any unique prefix of a long option.
ABBREVIATED = [
    "git reset --har",
    "git reset --ha HEAD~3",
    "git push --force-w origin main",
    "git push --mirr backup",
    "git push origin --del main",
    "git clean --forc -d",
    "git checkout --forc main",
    "git switch --discard main",
    "git branch --del --forc feature",
    "git gc --prun=now",
    "git stash drop -q",
    "rm --rec --forc ~",
    "rm --recursive --force ~/",
    "git push --force-if origin main",
]

# Short options cluster: -qf is -q -f.
CLUSTERED = [
    "git checkout -qf main",
    "git branch -Dv x",
    "git branch -vD x",
    "git push -uf origin main",
    "git clean -qfd",
    "git restore -WS .",
]

# Options after operands, values glued or separate, `--` before operands.
PLACED = [
    "git push origin main --force",
    "git -c user.name=x push --force origin main",
    "git --no-pager reset --hard",
    "git -C . reset --hard",
    "git --git-dir=.git --work-tree=. clean -fdx",
    "git push --repo=origin --force",
    "git push -o ci.skip --force origin main",
    "git reset --quiet --hard -- ",
]

# Other repositories reached through options that move git.
ELSEWHERE = [
    "git --work-tree=../other --git-dir=../other/.git commit -am wip",
    "git -C ~/notes commit -m x",
    "git --git-dir ../dotfiles/.git push",
]


@pytest.mark.parametrize("command", ABBREVIATED + CLUSTERED + PLACED + ELSEWHERE)
def test_spellings_the_programs_accept_are_caught(command: str) -> None:
    d = decide(command)
    assert _blocked(d.decision), (command, d.decision, d.rules)


# Benign commands that string matching used to deny (issue 17 part 5), and spellings git refuses.
BENIGN = [
    "rm -f .git/index.lock",
    "rm .git/refs/heads/main.lock",
    "chmod -R u+w .",
    "chmod -R +x scripts",
    "git config alias.lg 'log --oneline --graph'",
    "git config alias.st status",
    "git config core.hooksPath .githooks",
    "git push --force-with-lease origin feat/x",
    "git push --force-with-lease=feat/login origin feat/login",
    "find src -name '*.gen.ts' -delete",
    "find . -name '*.generated.go' -delete",
    "rmdir empty",
    "rmdir -p build/tmp/a",
    "ps --sort size",
    "ps -o pid,user,etime",
    "rails db:rollback",
    "kubectl --context kind-dev delete ns test",
    "kubectl --context=minikube delete pod x",
    "kubectl delete pod x --dry-run=client",
    "terraform apply -auto-approve=false",
    "git -C ../other rm --cached -r src",
    "php artisan migrate:rollback",
    # git refuses an ambiguous abbreviation (force / force-with-lease / force-if-includes / follow-tags).
    "git push --f origin feat/x",
    # the last option wins
    "git push --force --no-force origin feat/x",
    "git commit -m 'rm -rf build; git push --force'",
    "git stash list --stat",
]


@pytest.mark.parametrize("command", BENIGN)
def test_ordinary_work_is_not_denied(command: str) -> None:
    d = decide(command)
    assert d.decision != "deny", (command, d.decision, d.rules)


STILL_DENIED = [
    "git push --force-with-lease origin main",
    "git push --force-with-lease",
    "git push --force-with-lease origin HEAD",
    "git config core.hooksPath /tmp/h",
    "git config alias.x '!rm -rf ~'",
    "chmod -R a-w .",
    "chmod -R 000 ~",
    "find src -name '*.ts' -delete",
    "rm -rf .git",
    "rm -rf .git/hooks",
    "ps auxe",
    "ps eww",
    "RAILS_ENV=production rails db:rollback",
    "git config alias.fp 'push --force'",
    "git -c alias.x='reset --hard' x",
    "kubectl --context prod-eu delete ns x",
    "kubectl -n prod delete --force=true pod x",
    "terraform -chdir=infra apply --auto-approve",
    "git -C ~/other rm -r src",
]


@pytest.mark.parametrize("command", STILL_DENIED)
def test_the_dangerous_neighbours_stay_blocked(command: str) -> None:
    d = decide(command)
    assert _blocked(d.decision), (command, d.decision, d.rules)


def _norm(name: str, *words: str) -> object:
    return normalise_words(name, [Word(w, w) for w in words])


def test_normaliser_reads_git_like_git() -> None:
    nc = normalise_words("git", [Word(w, w) for w in ["-C", "x", "push", "-uf", "--force-w=main:abc", "origin", "--", "main"]])
    assert nc.sub == ("push",)
    assert nc.has("force") and nc.has("set-upstream")
    assert nc.value("force-with-lease") == "main:abc"
    assert nc.pos == ["origin", "main"] and nc.after_dashdash() == ["main"]
    assert nc.workdirs() == ["x"]


def test_ambiguous_and_unknown_options_are_recorded_not_guessed() -> None:
    nc = normalise_words("git", [Word(w, w) for w in ["push", "--f", "--frobnicate", "origin"]])
    assert nc.ambiguous == ["--f"] and nc.unknown == ["--frobnicate"]
    assert not nc.has("force") and nc.pos == ["origin"]


def test_cobra_tools_take_no_prefixes_and_read_false() -> None:
    nc = normalise_words("kubectl", [Word(w, w) for w in ["--context", "kind-dev", "delete", "--forc", "--force=false", "ns", "x"]])
    assert nc.sub == ("delete",) and nc.value("context") == "kind-dev"
    assert nc.unknown == ["--forc"] and not nc.has("force")
    assert nc.pos == ["ns", "x"]


def test_go_flag_tools_take_single_dash_long_options() -> None:
    nc = normalise_words("terraform", [Word(w, w) for w in ["-chdir=infra", "destroy", "-auto-approve", "-target", "a.b"]])
    assert nc.sub == ("destroy",) and nc.has("auto-approve") and nc.value("target") == "a.b"
    assert nc.workdirs() == ["infra"]


def test_negation_and_last_value_win() -> None:
    nc = normalise_words("git", [Word(w, w) for w in ["push", "--force", "--no-force", "--repo", "a", "--repo=b"]])
    assert not nc.has("force") and nc.value("repo") == "b" and nc.values("repo") == ["a", "b"]


def test_every_option_table_compiles_without_conflicts() -> None:
    from clearance.shell import optables
    from clearance.shell.options import Spec, spec_for

    def walk(spec: Spec, where: str) -> int:
        n = len(spec.longs) + len(spec.shorts)
        for ch, opt in spec.shorts.items():
            assert len(ch) == 1, where
            assert opt.name, where
        for child_name in list(spec.raw_children):  # compiled on first use: compile each here
            child = spec.child(child_name)
            assert child is not None, where
            n += walk(child, f"{where} {child_name}")
        return n

    for tool in list(optables.TOOLS) + list(optables.ALIASES):
        name = tool.split("|")[0]
        spec = spec_for(name)
        assert spec is not None, tool
        assert walk(spec, name) > 0 or spec.persistent is not None, tool


# find reads -H, -L, -P, -D X and -O LEVEL before its starting points.
FIND_LEADING = ["find -L ~ -delete", "find -P / -delete", "find -H ~ -exec rm -rf {} +", "find -O3 ~ -delete", "find -D tree ~ -delete"]


@pytest.mark.parametrize("command", FIND_LEADING)
def test_find_starting_points_after_its_leading_options(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny" and "fs.delete-critical" in d.rules, (command, d.decision, d.rules)


def test_find_with_leading_options_in_temp_is_ordinary() -> None:
    d = decide("find -L /tmp/build-cache -name '*.o' -delete")
    assert d.decision == "allow", d.rules
