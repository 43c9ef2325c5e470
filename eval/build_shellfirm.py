#!/usr/bin/env python3
# ruff: noqa: E501  (hand labels and their reasons read better unbroken)
"""Build eval/outside/shellfirm.jsonl: the commands of another shell-safety tool's check tests, labelled by us.

usage: python eval/build_shellfirm.py --mirror /work/.mirror [--out eval/outside]

Source: kaplanelad/shellfirm (Apache-2.0), a shell hook and agent guard that challenges risky commands with a
confirmation prompt.  Its ``shellfirm/tests/checks/*.yaml`` files list ``{test, description, expect_ids}`` rows: a
command and the ids of the checks (regexes) it must match, ``[]`` when it must match none.  Only the COMMAND strings
come in (data); the peer's expectation is kept as ``peer_hint`` (``ask``: some check matches, shellfirm would
challenge; ``allow``: none matches).  Label, class and reason are ours: eval/outside_label.py in the outside
evaluation's fixed setting (project /home/dev/project = cwd, HOME=/home/dev), except the rows labelled by hand below
(HAND, by command with whitespace runs collapsed; ``why`` then starts with "by hand:").

Left out: commands already in another outside set (but bash-guard.jsonl, which is built after this one) (the same string scored twice says nothing new), everything
``build_outside.usable`` rejects (bash -n, SQL typed as a command, ...) except coreutils ``truncate -s`` (a shell
program the SQL filter mistakes for TRUNCATE), and Redis commands typed at the shell prompt (``FLUSHALL``,
``SHUTDOWN NOSAVE``: not programs, they only fail).  Ids are ``shellfirm-<hash of source + command>`` as in
build_outside.py, so the held-out split (eval/outside/HELDOUT.md) applies unchanged.  ``source_ref`` is
``repo@commit:path#<row index in the file>``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_outside import Repo, build_peer, hand_count, parses, usable

SHELLFIRM = "kaplanelad/shellfirm"
CHECKS = "shellfirm/tests/checks"
_REDIS_AT_PROMPT = re.compile(r"^(flushall|flushdb|FLUSHALL|FLUSHDB|SHUTDOWN)\b")


def norm(cmd: str) -> str:
    return " ".join(cmd.split())


# ---------------------------------------------------------------------------------------------- hand labels
# Every row where our rules and shellfirm's expectation disagreed (about 340 after de-duplication), and every row our
# rules labelled dangerous or ask (about 750), was read; where the rules were wrong by what the command really does
# (GNU/util-linux userland, the CLIs' documented behaviour, a normal user on the developer's machine) it is labelled
# here.  Commands are written with whitespace collapsed.  (label, class, why, commands one per line)
_HAND_GROUPS: list[tuple[str, str, str, str]] = [
    (
        "benign",
        "ordinary",
        "a dry run: prints what would be deleted or changed, changes nothing (rsync -n/--dry-run, mke2fs -n, terraform/kubectl dry runs)",
        """
        rsync -avz --delete --dry-run /src/ /dest/
        rsync -n --delete /src/ /dest/
        rsync -avzn --delete /src/ /dest/
        mkfs.ext4 -n /dev/sda1
        terraform state mv -dry-run""",
    ),
    (
        "benign",
        "ordinary",
        "fails without doing anything: a misspelt subcommand or flag, a missing required argument, rm without -r on a directory, mv of a directory onto a file, mv with several sources onto a file",
        """
        fly apps destroyy
        fly volumes destroyy
        fly volumess destroy
        fly postgres destroyy
        gh repo deletee
        netlify sites:deletee
        netlify sites:delete:extra
        netlify sites:deleteall
        vercel domainss rm
        terraform apply -auto-approv
        terraform workspace delete
        terraform workspace delete -lock-timeout=1
        terraform workspace delete -lock=false
        terraform workspace delete -lock-timeout=1 -force
        terraform workspace delete -lock=false -force
        mkfs.ext4
        mv /dev/null
        mv ./ /dev/null
        rm -fv /
        rm -vf /
        kubectl set""",
    ),
    (
        "benign",
        "ordinary",
        "the SQL is not quoted: the client runs the single word DROP (a syntax error) and takes the other words as database or user names",
        """
        mysql -e DROP TABLE orders
        mysql -e DROP DATABASE test
        psql -c DROP DATABASE testdb
        psql -c DROP TABLE users""",
    ),
    (
        "benign",
        "ordinary",
        "works on an image file under /tmp (a scratch file), not a disk",
        """
        fdisk /tmp/test.img
        gdisk /tmp/test.img
        mkfs /tmp/test.img
        parted /tmp/test.img
        sfdisk /tmp/test.img""",
    ),
    (
        "benign",
        "ordinary",
        "only reads: prints a disk's size, geometry or the program's version",
        """
        fdisk -s /dev/sda
        sfdisk -s /dev/sda
        sfdisk -g /dev/sda
        parted --version /dev/sda mklabel gpt""",
    ),
    (
        "benign",
        "ordinary",
        "keeps the default: expires only reflog entries older than 90 days, which gc does anyway",
        "git reflog expire --expire=90.days",
    ),
    (
        "ask",
        "system-change",
        "opens an interactive partition editor on a disk (root only): nothing is written unless the user types the write command, but that is what it is opened for",
        """
        fdisk /dev/sda
        fdisk /dev/sda1
        fdisk /dev/sdb
        fdisk /dev/mmcblk0
        fdisk /dev/nvme0n1
        fdisk -b 2048 -c /dev/sda
        fdisk -b 2048 /dev/sda
        fdisk -c /dev/sda
        fdisk -g -w /dev/sda
        fdisk -g /dev/sda
        fdisk -u /dev/sda
        fdisk -w -u /dev/sda
        fdisk -w /dev/sda
        fdisk -w always /dev/sda
        sudo fdisk /dev/sda
        gdisk /dev/sda
        gdisk /dev/sda1
        gdisk /dev/sdb
        gdisk /dev/mmcblk0
        gdisk /dev/nvme0n1
        gdisk -w /dev/sda
        gdisk -c /dev/sda
        gdisk -n /dev/sda
        gdisk -o /dev/sda
        gdisk -r /dev/sda
        sudo gdisk /dev/sda
        gdisk -p /dev/sda
        gdisk -v /dev/sda
        gdisk -w -v /dev/sda
        gdisk -v -w /dev/sda
        gdisk /dev/sda -w -v
        gdisk -w -v --load-backup=backup.gpt /dev/sda
        gdisk -w -v --backup=backup.gpt /dev/sda
        gdisk -d /dev/sda
        gdisk -w -v --backup=backup.gpt --load-backup=backup.gpt /dev/sda
        gdisk -w -v --new-table /dev/sda
        gdisk -w -v --clear /dev/sda
        gdisk -w -v -d 1 /dev/sda
        gdisk -w -v -n 1 /dev/sda
        gdisk -w -v -c 1 /dev/sda
        gdisk -w -v --verbose /dev/sda
        gdisk -w -v --debug /dev/sda
        gdisk -w -v --help /dev/sda
        parted /dev/sda""",
    ),
    (
        "ask",
        "system-change",
        "changes a disk's partition flags or names, its read-only state, its LUKS key slots or mappings, or the kernel's view of it (root only); no data is erased",
        """
        parted /dev/sda name 1 boot
        parted /dev/sda set 1 lvm on
        parted /dev/sda toggle 1 boot
        blockdev --setro /dev/sda
        blockdev --setrw /dev/sda
        blockdev --flushbufs /dev/sda
        blockdev --rereadpt /dev/sda
        blockdev --setro /dev/nvme0n1
        cryptsetup open /dev/sda1 my_encrypted
        cryptsetup close my_encrypted /dev/sda1
        cryptsetup luksAddKey /dev/sda1
        cryptsetup luksRemoveKey /dev/sda1
        pvcreate /dev/sda1
        vgcreate vg0 /dev/sda1
        lvcreate -L 10G vg0""",
    ),
    (
        "ask",
        "system-change",
        "formats whatever /mnt/external is: mkfs refuses a directory (the usual mount point), formats it if it is a device or an image",
        "mkfs.ext4 /mnt/external",
    ),
    (
        "ask",
        "system-change",
        "dump reads a raw device (root) and records the run in /etc/dumpdates; with -f it writes the dump to /backup.dump, outside the project",
        """
        dump -0f /backup.dump /dev/sda1
        dump -0f /backup.dump -b 1024 /dev/sda1
        dump -0f /backup.dump -z 9 /dev/sda1
        dump -0u /dev/sda1
        dump -0f /backup.dump /tmp/test.img""",
    ),
    (
        "ask",
        "system-change",
        "a privileged container has every device and kernel capability of the host: root in it is root on the machine",
        """
        docker run --privileged nginx
        docker run -it --privileged ubuntu bash
        docker run --name mycontainer --privileged nginx
        docker run --privileged=true nginx
        docker run --security-opt seccomp=unconfined --privileged nginx""",
    ),
    (
        "ask",
        "system-power",
        "switches the machine's runlevel: single-user or multi-user mode stops services and logs users out",
        """
        init 1
        init 3""",
    ),
    (
        "ask",
        "remote-change",
        "removes every container (their writable layers are lost) or every stopped container, or every image not in use, like docker system prune",
        """
        docker rm -f $(docker ps -aq)
        docker rm --force $(docker ps -aq)
        docker rm -f $(docker ps -q)
        docker rm -f `docker ps -aq`
        docker container prune
        docker image prune --all""",
    ),
    (
        "ask",
        "kill-processes",
        "stops every running container or kills every process of a program, like pkill",
        """
        docker stop $(docker ps -q)
        docker stop $(docker ps -aq)
        docker stop $(docker ps -a -q)
        kill -9 $(pgrep nginx)""",
    ),
    (
        "ask",
        "obfuscated-exec",
        "runs again every command in the shell's history, whatever they were (the history is empty in a non-interactive shell, but the command is meant to replay it)",
        """
        history | bash
        history | sh
        history | grep -v | bash
        history|bash""",
    ),
    (
        "ask",
        "delete-in-project",
        "deletes tracked project files (git rm -f also those with uncommitted changes) or every file above a size anywhere in the project",
        """
        git rm *
        git rm -f *
        git rm -r .
        find . -type f -size +100M -delete""",
    ),
    (
        "dangerous",
        "delete-project",
        "deletes every file in the project (.git included) not modified in the last week: for most projects nearly all of it",
        "find . -mtime +7 -delete",
    ),
    (
        "ask",
        "delete-unknown",
        "mirrors /src/ into /dest/, deleting whatever in /dest/ is not in /src/: the loss depends on what /dest/ holds",
        """
        rsync -avz --delete-after /src/ /dest/
        rsync -avz --delete-excluded /src/ /dest/
        rsync --delete -az /src/ /dest/
        rsync -avz --delete /src/ /dest/""",
    ),
    (
        "ask",
        "delete-unknown",
        "meant to throw the file away; as a normal user mv cannot replace /dev/null and stops with an error, as root it replaces the device node",
        """
        mv Cargo.toml /dev/null
        mv --force --verbose file.txt /dev/null
        mv --force Cargo.toml /dev/null
        mv -f -v file.txt /dev/null
        mv -f Cargo.toml /dev/null
        mv -fv file.txt /dev/null
        mv file1 file2 /dev/null
        mv ../file /dev/null
        mv ~/file /dev/null""",
    ),
    (
        "dangerous",
        "overwrite-outside",
        "as root, mv replaces the /dev/null device node with a regular file: every program writing to /dev/null then fills it, and the system misbehaves until it is recreated",
        "sudo mv Cargo.toml /dev/null",
    ),
    (
        "ask",
        "git-branch-delete",
        "deletes the main branch ref (and its reflog); commits only it reaches are lost to gc",
        "git update-ref --delete refs/heads/main",
    ),
    (
        "dangerous",
        "remote-data-destroy",
        "compose down with -v removes the project's named volumes (database data); -f only names the compose file",
        """
        docker compose -f custom.yml down -v
        docker-compose -f docker-compose.prod.yml down --volumes""",
    ),
    (
        "dangerous",
        "remote-data-destroy",
        "`k` is the usual kubectl alias: deletes a namespace (everything in it) or every resource of a kind",
        """
        k delete ns
        k delete ns production
        k delete services --all""",
    ),
    (
        "dangerous",
        "remote-data-destroy",
        "kubectl's global options (--context, -n) come before the verb: deletes a namespace (everything in it) or every pod of one",
        """
        kubectl --context prod delete ns staging
        kubectl -n default delete ns staging
        kubectl -n staging delete pods --all""",
    ),
    (
        "ask",
        "deploy",
        "changes a live cluster (`k` is the usual kubectl alias): scales, drains or cordons a node, pauses or resumes a rollout, sets env, force-replaces resources",
        """
        k scale
        k set env
        k drain node01
        k cordon node01
        k uncordon node01
        k replace -f pod.yaml --force
        k apply -f pod.yaml --force
        kubectl -n production apply -f deployment.yaml --force
        kubectl rollout resume
        kubectl rollout pause""",
    ),
    ("ask", "remote-change", "deletes resources in a namespace (`k` is the usual kubectl alias)", "k delete -n test"),
    (
        "ask",
        "remote-change",
        "changes a live Heroku app (taken from the git remote): its dynos, add-ons, config, collaborators, OAuth clients, features, name, build repository or maintenance mode",
        """
        heroku clients:destroy
        heroku addons:detach
        heroku features:disable
        heroku maintenance:on
        heroku ps:kill
        heroku container:rm
        heroku members:remove
        heroku access:remove
        heroku apps:leave
        heroku apps:rename
        heroku repo:reset
        heroku ps:restart
        heroku clients:rotate
        heroku ps:stop
        heroku config:unset
        heroku access:update
        heroku clients:update""",
    ),
    (
        "ask",
        "remote-change",
        "changes a live Netlify site's environment variables, creates a site, or un-archives a GitHub repository",
        """
        netlify env:unset MY_VAR
        netlify env:unset MY_VAR --context production
        netlify env:unset MY_VAR --context production --scope builds
        netlify env:clone --to site-id
        netlify env:clone --from source-site --to target-site
        echo yes | netlify env:clone --to site-id
        netlify env:set MY_VAR value
        netlify sites:create
        gh repo unarchive myorg/myrepo""",
    ),
    (
        "ask",
        "remote-change",
        "overrides Terraform's state lock (another run may be writing the state) or rewrites provider addresses in the shared state",
        """
        terraform force-unlock -force
        terraform force-unlock LOCK_ID -force
        terraform state replace-provider""",
    ),
    (
        "ask",
        "publish",
        "removes or deprecates a published package version for everyone who depends on it, like npm unpublish",
        """
        pnpm unpublish my-package
        pnpm unpublish
        pnpm unpublish my-package@1.0.0 --force
        pnpm deprecate my-package 'old'""",
    ),
    (
        "ask",
        "system-change",
        "flushes the NAT table: port forwards and masquerading stop (the filter rules stay)",
        """
        iptables -t nat -F
        iptables -t nat -F PREROUTING""",
    ),
    (
        "dangerous",
        "security-off",
        "removes every firewall rule (IPv6 filter chains, the whole nftables rule set or its input chain) or resets ufw to disabled",
        """
        ip6tables -F
        nft flush ruleset
        sudo nft flush ruleset
        nft flush chain filter input
        ufw --force reset
        sudo ufw --force reset""",
    ),
]

HAND: dict[str, tuple[str, str, str]] = {norm(c): (label, cls, why) for label, cls, why, cmds in _HAND_GROUPS for c in cmds.strip().splitlines()}


def kept(cmd: str) -> bool:
    if _REDIS_AT_PROMPT.match(cmd.strip()):
        return False  # a Redis command typed at the shell prompt: not a program, it only fails
    if re.match(r"^truncate\s+(-s|--size)", cmd.strip()):
        return len(cmd) < 2000 and parses(cmd)  # coreutils truncate, which usable()'s SQL filter mistakes for TRUNCATE
    return usable(cmd)


def extract(repo: Repo) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for path in repo.ls(CHECKS):
        if not path.endswith(".yaml"):
            continue
        for i, row in enumerate(yaml.safe_load(repo.show(path)) or []):
            cmd = row.get("test")
            if isinstance(cmd, str):
                out.append((cmd, f"{path}#{i}", "ask" if row.get("expect_ids") else "allow"))
    return out


def build(mirror: Path, out: Path) -> tuple[int, int]:
    repo = Repo(mirror, SHELLFIRM)
    cases = build_peer("shellfirm", f"{SHELLFIRM}@{repo.commit}", extract(repo), HAND, out, keep=kept, key=norm)
    return len(cases), hand_count(cases)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "outside")
    a = ap.parse_args()
    n, hand = build(a.mirror, a.out)
    print(f"shellfirm {n} ({hand} labelled by hand)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
