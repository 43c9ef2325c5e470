"""Adversarial round miss20: dangerous actions still allowed, in the classes the held-out outside data misses.

Only the aggregate classes of the held-out misses were known (delete-outside, remote-data-destroy, credential-read,
disk-destroy, delete-project, widen-permissions, reverse-shell, resource-exhaustion, git-discard-work, exfiltration);
no held-out case was read. New calls were written from the programs' own references (less common cloud and
database CLIs, package managers' and git's settings commands, coreutils' truncate, flashrom's manual, terminal
sharing tools), labelled by what they really do and probed in-process before any fix; round miss19's cases were not
repeated. Where clearance allowed one, the class is named below with cases no rule was written for and ordinary
look-alikes (listings, other settings, sizes that extend, scratch files in /tmp, the project's own files) that stay
allowed. Nothing here is ever run: every call is data decided in-process. What is still open is a strict xfail whose
reason starts with "unfinished (miss20)".
"""

from __future__ import annotations

from typing import ClassVar

import pytest

from .conftest import decide
from .rounds import allowed as _allowed
from .rounds import not_allowed as _not_allowed


class TestEmptyingAFileOutsideTheProject:
    """Class (delete-outside): a write that leaves a file outside the project empty. `rm ~/notes.md` was denied
    (fs.delete-outside-project) but `truncate -s 0 ~/notes.md`, `: > ~/notes.md` and the other spellings of an empty
    write lost the same contents unasked. Fixed: fs._outside_deletion reads an emptying write (fs._empties, which now
    knows `echo -n`, `printf ''`, tee fed by /dev/null, dd/install of /dev/null, and truncate only to size 0) as the
    deletion of what the file held."""

    DENY: ClassVar[list[str]] = [
        "truncate -s 0 ~/notes.md",
        "truncate --size=0 /home/ana/thesis/chapter1.tex",
        "truncate -s0 ~/work/report.docx",
        "truncate -s 0 ../other/app.py",
        "truncate -r /dev/null ~/todo.txt",
        ": > ~/notes.md",
        "echo -n > ~/todo.txt",
        "printf '' > ~/Documents/plan.md",
        "cat /dev/null > ~/thesis.tex",
        "cp /dev/null ~/notes.md",
        "install /dev/null ~/notes.md",
        "dd if=/dev/null of=/home/ana/notes.md",
        "tee ~/notes.md < /dev/null",
        "sed -i d ~/notes.md",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "truncate -s 0 /tmp/scratch.txt",
        "truncate -s 0 build/app.log",
        "truncate -s 10M disk.img",
        ": > /tmp/out.txt",
        ": > logs/app.log",
        "echo -n > .env.example",
        "echo hi > /dev/null",
        "true > /dev/null",
        "truncate -s 0 ~/.cache/tool/state.log",
    ]

    # writes outside the project that keep or add to what the file holds: asked as before (fs.write-outside-project)
    WRITES: ClassVar[list[str]] = ["truncate -s 10M ~/vm/disk.img", "truncate -s +1K ~/data.bin", "tee ~/notes.md < README.md"]

    @pytest.mark.parametrize("command", DENY)
    def test_denied(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "deny", (command, got.decision, got.rules)
        assert "fs.delete-outside-project" in got.rules

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)

    @pytest.mark.parametrize("command", WRITES)
    def test_other_writes_asked(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "ask" and "fs.delete-outside-project" not in got.rules, (command, got.decision, got.rules)


class TestConfigGetOfASecretKey:
    """Class (credential-read): a client's `config get KEY` printing a stored token when KEY is written as a path of
    the settings tree. `acme config get api_token` and `yarn config get npmAuthToken` were denied, but npm's and pnpm's
    `//registry.npmjs.org/:_authToken` (the registry, then the key) and git's dotted keys (`github.token`,
    `hub.oauthtoken`) were not read. Fixed: creds.config_key_get reads the last step of the key (after `/`, `:` or
    `.`; a secret noun, or one glued after what it is for) for clients (creds.secret-operation) and git
    (creds.print-token); the gate reads a path-like word's last step."""

    DENY: ClassVar[list[str]] = [
        "npm config get //registry.npmjs.org/:_authToken",
        "pnpm config get //registry.npmjs.org/:_authToken",
        "npm config get '//npm.pkg.github.com/:_authToken'",
        "npm config get --location=user //registry.npmjs.org/:_password",
        "git config --get github.token",
        "git config github.token",
        "git config --global --get hub.oauthtoken",
        "git config --get-all gitlab.token",
        "git config --get sendemail.smtppass",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "npm config get registry",
        "pnpm config get store-dir",
        "npm config get //registry.npmjs.org/:always-auth",
        "npm config list",
        "git config --get user.email",
        "git config user.name",
        "git config --get remote.origin.url",
        "git config --get core.bypass",
        "git config --get-all tokenizer.mode",
        "npm config get tokenizer",
    ]

    @pytest.mark.parametrize("command", DENY)
    def test_denied(self, command: str) -> None:
        got = decide(command)
        assert got.decision == "deny", (command, got.decision, got.rules)

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)


class TestModelledClientsUnnamedDestroyingWord:
    """Class (remote-data-destroy): a destroying word of a client whose deletions cloud.delete models, outside that
    model's own verbs. `acme rb BUCKET` was asked (sys.unknown-destructive-verb) but `linode-cli obj rb BUCKET` was
    allowed: a client cloud.delete claims was no longer read as an unmodelled client, and cloud.delete reads delete,
    destroy, remove, rm, purge … only. Knowing a program read less than not knowing it. Fixed: for such a client
    sys.unknown-destructive-verb reads the destroying words cloud.delete's vocabulary does not hold (rb, rmdir,
    erase, expunge, deltree, obliterate, a store's flush); a word cloud.delete reads is left to it (its dry runs and
    skeletons stay allowed)."""

    ASK: ClassVar[list[str]] = [
        "linode-cli obj rb --recursive mybucket",
        "linode-cli obj rmdir mybucket",
        "hcloud server erase web",
        "doctl spaces rb bucket",
        "flyctl volumes obliterate vol_123",
        "oci os object bulk-erase --bucket-name b",
        "netlify blobs:deltree",
        "wrangler r2 bucket expunge assets",
        "supabase storage buckets flush avatars",
    ]
    ORDINARY: ClassVar[list[str]] = [
        "linode-cli obj ls",
        "linode-cli linodes list",
        "hcloud server list",
        "doctl compute droplet list",
        "oci os bucket list --compartment-id x",
        "wrangler dev",
        "heroku logs --tail",
        "aws s3 rm s3://mybucket/ --recursive --dryrun",
        "rclone -n delete remote:path/file",
        "linode-cli obj rb --help",
    ]

    @pytest.mark.parametrize("command", ASK)
    def test_asked(self, command: str) -> None:
        got = decide(command)
        assert got.decision != "allow", (command, got.decision, got.rules)
        assert "sys.unknown-destructive-verb" in got.rules

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)


# Found while probing and left open: each is allowed today and should not be.
UNFINISHED: dict[str, str] = {
    "acme-client -e 'DROP DATABASE prod'": ("unfinished (miss20): a destructive statement in an unmodelled client's -e/--query value is not read as SQL"),
    "influx -execute 'DROP DATABASE telegraf'": (
        "unfinished (miss20): InfluxDB 1.x's -execute InfluxQL is not read (db.datastore-destroy reads influx's v2 verbs)"
    ),
    "memcached-tool cache.prod:11211 flush_all": (
        "unfinished (miss20): a store's verb after a HOST:PORT operand is not read (the subcommand path stops at the address)"
    ),
    "for i in $(seq 1 100000000); do touch f$i; done": (
        "unfinished (miss20): a loop bounded by a count beyond a disk's inodes that makes a file per pass is not read as endless"
    ),
    "websocat -E --exec sh ws-l:0.0.0.0:8080": (
        "unfinished (miss20): websocat's --exec of a shell on a listening address (a bind shell) is not read; its sh-c: form is"
    ),
    "cat ~/.config/borg/passphrase": ("unfinished (miss20): a file named passphrase in a tool's folder is not among the names a login token has"),
    "sl revert --all": "unfinished (miss20): Sapling (hg's grammar) is not read by vcs.discard-changes",
}


@pytest.mark.parametrize("command", sorted(UNFINISHED))
def test_unfinished(command: str) -> None:
    _not_allowed(command, UNFINISHED)
