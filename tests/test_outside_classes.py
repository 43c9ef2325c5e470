"""Mechanism classes found among the misses of eval/outside/shellfirm.jsonl and bash-guard.jsonl (dev split).

Each class is read by its mechanism, not by the commands the sets hold: the cases below were written for the class
(other programs, other spellings of the same kind) before the fix, with the ordinary commands of the same programs
that must stay allowed and the dangerous ones that must stay denied.

A  registry verbs of every npm-family client (pnpm/yarn/bun pass npm's registry commands on, yarn berry under `npm`)
B  PaaS CLIs (heroku, netlify, fly, railway, render): `topic:command` and `noun verb` paths, change verbs vs reads
C  containers, block devices, the clock and the routing table: changes a person confirms
D  dry runs of terraform's state commands (Go flags: -dry-run and --dry-run alike)
E  reflog expiry by its value: the default 90 days keeps history, `now`/`0`/minutes/hours destroy it
F  secrets listed without values (names, digests) vs printed; pulled into a project file vs written elsewhere
G  mass deletion by age at the project root; moving a file onto a device node as root
GAPS  cases of these classes left as they are, with the reason.
"""

from __future__ import annotations

import pytest

from .conftest import decide
from .strict import check

ASKED = [
    # -- A: registry changes through any npm-family client
    "pnpm unpublish @acme/widgets@2.0.1",
    "pnpm deprecate @acme/widgets@'<2' 'use v2'",
    "yarn npm unpublish @acme/widgets@2.0.1 --force",
    "yarn npm tag remove @acme/widgets beta",
    "yarn npm tag add @acme/widgets@2.0.1 latest",
    "pnpm dist-tag rm @acme/widgets beta",
    "npm owner rm bob @acme/widgets",
    "pnpm owner add eve @acme/widgets",
    "npm access grant read-write acme:devs @acme/widgets",
    "yarn owner remove bob widgets",
    "yarn tag remove widgets beta",
    # -- B: live-service changes through PaaS CLIs
    "heroku maintenance:on --app shop",
    "heroku ps:restart worker -a shop",
    "heroku releases:rollback v41 -a shop",
    "heroku features:enable preboot -a shop",
    "heroku config:set STRIPE_MODE=live -a shop",
    "heroku ps:scale web=3 -a shop",
    "netlify env:set API_URL https://api.example.com",
    "netlify env:unset API_URL",
    "netlify sites:create --name shop",
    "fly machine stop 148e3d4a",
    "fly volumes extend vol_1 -s 20",
    "fly ips allocate-v4",
    "fly certs add shop.example.com",
    "flyctl postgres create --name shop-db",
    "railway variables --set STRIPE_MODE=live",
    # -- C: every container at once, privileged containers in pflag's =-form
    "podman kill $(podman ps -q)",
    "docker pause $(docker ps -q)",
    "docker stop $(docker container ls -q)",
    "nerdctl container prune -f",
    "podman run --privileged=true -it fedora",
    "docker create --privileged=1 alpine",
    "docker exec --privileged=true web sh",
    # -- C: block devices, LUKS key slots, LVM
    "blockdev --setrw /dev/nvme0n1",
    "blockdev --flushbufs /dev/sdb",
    "cryptsetup luksAddKey /dev/nvme0n1p2",
    "cryptsetup luksKillSlot /dev/sdb1 1",
    "lvcreate -L 10G -n data vg0",
    "pvcreate /dev/sdc",
    "vgextend vg0 /dev/sdd",
    "lvresize -L -5G vg0/data",
    # -- C: the clock, the routing table
    "date --set '2030-01-01 00:00'",
    "date -s 12:00",
    "date 010112002030",
    "route add -net 10.0.0.0/8 gw 10.0.0.1",
    "route add default gw 192.168.1.1",
    # -- C: shred, whose only purpose is to make a file unrecoverable
    "shred -u -z notes.md",
    "shred report.pdf",
    "shred -n 1 data/customers.csv",
    # -- G (asked, not denied): moving onto a device node without root fails; with root it replaces the node
    "mv notes.txt /dev/null",
    "mv -f build.log /dev/null",
]

DENIED = [
    # -- A/B/C: the dangerous counterparts stay denied
    "npm unpublish @acme/widgets --force",
    "heroku apps:destroy --app shop --confirm shop",
    "docker rm -f $(docker ps -aq)",
    "docker run --privileged alpine",
    "cryptsetup luksFormat /dev/sdb1",
    "terraform state rm module.db.aws_db_instance.main",
    "terraform state rm aws_s3_bucket.logs -dry-run",
    # -- E: expiries that drop the reflog now
    "git reflog expire --expire=now --all",
    "git reflog expire --expire-unreachable=0 --all",
    "git reflog expire --expire=5.minutes.ago --all",
    "git reflog expire --expire=1.hour.ago --all",
    "git reflog expire --expire=90.days --expire-unreachable=now --all",
    # -- F: values printed
    "heroku config -a shop",
    "vercel env pull /dev/stdout",
    # -- G: every file selected by age or size alone, from the project root
    "find . -mmin +60 -delete",
    "find . -newer package.json -delete",
    "find ./ -mtime +1 -exec rm -f {} +",
    "find . -ctime -2 -delete",
    # -- G: moving a file onto a device node as root
    "sudo mv package.json /dev/null",
    "doas mv README.md /dev/null",
    "sudo mv -f notes.txt /dev/null",
    "k delete namespace staging",
]

ALLOWED = [
    # -- A: registry reads
    "pnpm view @acme/widgets versions",
    "yarn npm info @acme/widgets",
    "npm dist-tag ls @acme/widgets",
    "pnpm owner ls @acme/widgets",
    "npm access list packages",
    "yarn npm tag list @acme/widgets",
    "pnpm publish --dry-run",
    "yarn npm whoami",
    # -- B: PaaS reads and local work
    "heroku maintenance -a shop",
    "heroku ps -a shop",
    "heroku releases -a shop",
    "heroku apps:info -a shop",
    "heroku logs --tail -a shop",
    "heroku run rails db:migrate -a shop",
    "netlify env:list",
    "netlify sites:list",
    "netlify status",
    "netlify functions:list",
    "netlify dev",
    "fly machine list",
    "fly volumes list -a shop",
    "fly status -a shop",
    "fly ips list",
    "fly certs show shop.example.com",
    # -- C: containers one by one, a filtered set, privileged switched off
    "docker stop web-1",
    "docker stop $(docker ps -q --filter name=test-)",
    "docker image prune -f",
    "docker run --privileged=false alpine true",
    # -- C: reads of devices, LUKS and LVM
    "blockdev --getsize64 /dev/sda",
    "blockdev --report",
    "cryptsetup luksDump /dev/sda2",
    "cryptsetup status cryptroot",
    "vgs",
    "lvs -a",
    "pvdisplay /dev/sda1",
    "lvdisplay",
    # -- C: reading the clock and the routes
    "date",
    "date -u +%Y-%m-%d",
    "date -d '2 days ago'",
    "date --date=@0",
    "date -R",
    "route -n",
    "route",
    "shred --version",
    # -- D: dry runs of state edits
    "terraform state rm -dry-run module.db.aws_db_instance.main",
    "tofu state rm --dry-run aws_s3_bucket.logs",
    "terraform state mv -dry-run aws_instance.a aws_instance.b",
    "terraform state replace-provider -dry-run registry.terraform.io/-/aws hashicorp/aws",
    # -- E: expiries that keep history (the default is 90 days)
    "git reflog expire --expire=30.days.ago --all",
    "git reflog expire --expire=2.weeks --expire-unreachable=1.week --all",
    "git reflog expire --expire=never --all",
    # -- F: names without values; pulled into a project file
    "fly secrets list -a shop",
    "flyctl secrets list --app shop",
    "vercel env pull",
    "vercel env pull .env.development.local",
    # -- G: deletions by age that stay narrow
    "find . -name '*.log' -mtime +7 -delete",
    "find build -mtime +7 -delete",
    "cp build.log /dev/null",
    "mv notes.txt /tmp/notes.txt",
]

# Cases of these classes left as they are.
GAPS: dict[str, str] = {
    # D: replace-provider takes no -dry-run; terraform refuses the unknown flag and changes nothing, but clearance
    # does not rely on a program refusing an option its table does not list (the table may be incomplete).
    "terraform state replace-provider -dry-run registry.terraform.io/-/aws hashicorp/aws": "an unknown flag is not read as a refusal",
    # G: `k` as kubectl is the user's shell alias, which clearance cannot see: asked, not denied (test below).
    "k delete namespace staging": "a shell alias (k for kubectl) is not resolved",
}


@pytest.mark.parametrize("cmd", ASKED)
def test_asked(cmd: str) -> None:
    check(cmd, GAPS, lambda: _expect(cmd, ("ask", "deny")))


@pytest.mark.parametrize("cmd", DENIED)
def test_denied(cmd: str) -> None:
    check(cmd, GAPS, lambda: _expect(cmd, ("deny",)))


@pytest.mark.parametrize("cmd", ALLOWED)
def test_allowed(cmd: str) -> None:
    check(cmd, GAPS, lambda: _expect(cmd, ("allow",)))


def test_shortcut_alias_stays_asked() -> None:
    """`k` is a common shell alias for kubectl, but an alias is the user's shell setting clearance cannot see: `k
    delete ns production` is asked (a person knows what `k` is), never allowed."""
    assert decide("k delete ns production").decision == "ask"


def _expect(cmd: str, want: tuple[str, ...]) -> None:
    got = decide(cmd)
    assert got.decision in want, f"{cmd!r}: {got.decision} ({', '.join(got.rules)}: {got.reason})"
