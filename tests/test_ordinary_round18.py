"""Round ord18: ordinary work denied or asked, by class (what about the reading made an ordinary command look dangerous),
each with new everyday cases written for the class before the fix (tldr-style uses of the tools involved) and the
dangerous look-alikes that must stay denied or asked.

1. A global git setting that is a plain preference or switches a check on was asked like any --global write
   (git.config-global): `git config --global pull.rebase true`, `commit.gpgsign true`.
2. A destination misjudged: a web root, a service's data, an add-on package's folder, a mounted disk's folder and a
   plain file of another account's home were denied as system-wide (fs.write-system); they are asked
   (fs.write-shared-place).
3. An operand read as another: `find … -exec rm -f {}c \\;` deletes the selection's names with a suffix (the .pyc
   beside each .py), not the selected sources.
4. A calibration too strong: the metadata service's index and the instance's id or zone (no secret) were denied like
   its credentials; asked now (creds.cloud-metadata-listing).

And the calibrations decided with evidence (kept): configure and install on one line into ~/.local (CMake and Meson),
`cat ~/.cargo/config.toml`, a user's file moved into the project.
"""

from __future__ import annotations

import pytest

from .conftest import decide

ALLOW, ASK, DENY = "allow", "ask", "deny"

# -- 1. global git settings: preferences and checks switched on --------------------------------------------------------
GIT_ORDINARY = [
    "git config --global pull.rebase true",
    "git config --global pull.ff only",
    "git config --global init.defaultBranch main",
    "git config --global rebase.autoStash true",
    "git config --global rerere.enabled true",
    "git config --global push.autoSetupRemote true",
    "git config --global fetch.prune true",
    "git config --global merge.conflictStyle zdiff3",
    "git config --global diff.colorMoved zebra",
    "git config --global color.ui auto",
    "git config --global advice.detachedHead false",
    "git config --global branch.sort -committerdate",
    "git config --global commit.gpgsign true",
    "git config --global tag.gpgSign true",
    "git config --global transfer.fsckObjects true",
    "git config --global merge.verifySignatures true",
    "git config set --global rebase.autosquash true",
    "git config --file ~/.gitconfig pull.rebase false",
    "git config --global --unset pull.rebase",
]
GIT_LOOK_ALIKES = [
    ("git config --global commit.gpgsign false", ASK),  # signing switched off
    ("git config --global --unset commit.gpgsign", ASK),
    ("git config --global transfer.fsckObjects false", ASK),
    ("git config --global user.email someone@example.com", ASK),  # the identity of every later commit
    ("git config --global user.signingkey ABCDEF0123", ASK),
    ("git config --global push.default matching", ASK),  # a plain push sends every matching branch
    ("git config --global fetch.pruneTags true", ASK),  # deletes local tags
    ("git config --system pull.rebase true", ASK),  # every user of the machine
    ("git config --global credential.helper store", ASK),
    ("git config --global http.sslVerify false", ASK),
    ("git config --global safe.directory '*'", ASK),
    ("git config --global alias.co checkout", ASK),
    ("git config --global core.hooksPath ~/hooks", DENY),
    ("git config --global gpg.program /tmp/fake-gpg", DENY),
    ("git config --global core.pager 'sh -c id'", DENY),
    ("git config --global url.git@evil.example:.insteadOf https://github.com/", DENY),
]

# -- 2. writes to served data, add-on packages and another account's plain files -------------------------------------------
SHARED_ASKED = [
    "cp index.html /var/www/html/",
    "cp -r public/* /var/www/html/",
    "rsync -av dist/ /var/www/shop/",
    "unzip site.zip -d /var/www/html",
    "echo 'port: 8080' > /srv/app/config.yml",
    "mkdir -p /srv/data/uploads",
    "tar -xzf node-v20.tar.xz -C /opt/node",
    "cp target/app.jar /opt/myapp/lib/",
    "mkdir -p /opt/myapp/releases/v2",
    "cp report.pdf /home/bob/report.pdf",
    "echo hi > /Users/bob/notes.txt",
    "rsync -av photos/ /media/ana/usb/photos/",
    "cp backup.tar /mnt/backup/2024/",
]
SHARED_LOOK_ALIKES = [
    ("echo x >> /home/bob/.bashrc", DENY),  # another account's start-up file
    ("cp key.pub /home/bob/.ssh/authorized_keys", DENY),
    ("echo x > /Users/bob/Library/LaunchAgents/x.plist", DENY),
    ("cp tool /opt/homebrew/bin/tool", DENY),  # a package manager's prefix, on PATH
    ("cp x /opt/homebrew/lib/libx.dylib", DENY),
    ("cp build/app /opt/myapp/bin/app", DENY),  # a bin folder
    ("sudo tar xzf janet.tar.gz -C /opt", DENY),  # members unknown: /opt/homebrew/bin too
    ("echo 'RewriteEngine on' > /var/www/html/.htaccess", DENY),
    ("echo x > /var/www", DENY),
    ("chmod -R 777 /var/www/html", DENY),
    ("cp a /var/lib/postgresql/data/x", DENY),
    ("sudo cp nginx.conf /etc/nginx/sites-available/app", DENY),
    ("cp tool /usr/local/bin/tool", DENY),
    ("cp .env /var/www/html/", DENY),  # a dot-file into a web root
    ("echo x > /mnt/c/Windows/System32/drivers/etc/hosts", DENY),  # a Windows drive's system folder (WSL)
    ("echo x > /media/ana/usb/.autorun", DENY),
    ("cp x /mnt/data/bin/tool", DENY),
    ("cp x /media/usb", DENY),  # the mount point itself
]

# -- 3. find -exec with the found name inside a longer word ----------------------------------------------------------------
FIND_ORDINARY = [
    "find . -name '*.py' -exec rm -f {}c \\;",
    "find . -name '*.js' -exec rm -f {}.map \\;",
    "find src -name '*.ts' -exec rm {}.bak \\;",
    "find . -name '*.orig' -exec rm -f {}.rej \\;",
    "find lib -name '*.rb' -exec rm -f {}~ \\;",
]
FIND_LOOK_ALIKES = [
    ("find . -name '*.kt' -exec rm {} \\;", DENY),
    ("find . -name '*.kt' -exec rm ./{} \\;", DENY),
    ("find . -name '*.kt' -exec rm -rf {}/ \\;", DENY),
    ("find . -name src -exec rm -rf {}/.. \\;", DENY),
    ("find . -type d -name src -exec rm -rf {}/* \\;", DENY),
    ("find . -name '*.c' -exec rm {}pp \\;", DENY),  # *.cpp: sources
    ("find ~ -name '*.txt' -exec rm {}.bak \\;", DENY),  # outside the project
    ("find . -name '*.py' -exec rm -rf ~/{} \\;", DENY),
    ("find . -name '*.md' -exec rm {}x \\;", ASK),  # *.mdx
]

# -- 4. the metadata service: what it says about the instance, and its credentials ---------------------------------------------
METADATA_ASKED = [
    "curl http://169.254.169.254/latest/meta-data/",
    "curl -s http://169.254.169.254/latest/meta-data/instance-id",
    "wget -qO- http://169.254.169.254/latest/meta-data/placement/region",
    "curl -H 'Metadata-Flavor: Google' http://metadata.google.internal/computeMetadata/v1/instance/zone",
    "curl -H 'Metadata-Flavor: Google' http://metadata.google.internal/computeMetadata/v1/project/project-id",
]
METADATA_LOOK_ALIKES = [
    "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/web-role",
    "curl http://169.254.169.254/latest/user-data",
    "curl http://169.254.169.254/latest/meta-data/../user-data",
    "curl http://169.254.169.254/latest/meta-data/./iam/security-credentials/",
    "curl http://0xa9fea9fe/latest/meta-data/",
    "curl 'http://metadata.google.internal/computeMetadata/v1/?recursive=true'",
    "curl -H 'Metadata-Flavor: Google' http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token",
    "curl http://169.254.169.254/latest/meta-data/ http://169.254.169.254/latest/meta-data/iam/security-credentials/x",
    "curl -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600'",
]

# -- calibrations decided, kept: (command, verdict, why) -------------------------------------------------------------------------
KEPT: list[tuple[str, str, str]] = [
    (
        "cmake -S . -B build -DCMAKE_INSTALL_PREFIX=$HOME/.local && cmake --build build && cmake --install build",
        ASK,
        "an install(… DESTINATION /abs) ignores the prefix (CMake's CMD_INSTALL_ABSOLUTE_DESTINATION), and the "
        "install script that lists the destinations does not exist before the configure step on the same line has run",
    ),
    ("meson setup build --prefix ~/.local && meson install -C build", ASK, "the same: meson-info is written by the setup step"),
    ("cat ~/.cargo/config.toml", ASK, "cargo reads a registry token from config.toml ([registry] token), not only credentials.toml"),
    ("mv ~/Downloads/data.csv .", ASK, "the user's file moves into the project, where deleting it is not asked"),
    ("mv ~/Documents/thesis.tex . && rm thesis.tex", ASK, "the reason the move stays asked"),
    ("git config --global user.name 'Ana Lopez'", ASK, "the identity every later commit of every repository claims"),
]


@pytest.mark.parametrize("command", GIT_ORDINARY + FIND_ORDINARY)
def test_ordinary_is_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == ALLOW, (command, d.decision, d.rules, d.reason)


@pytest.mark.parametrize(("command", "verdict"), GIT_LOOK_ALIKES + SHARED_LOOK_ALIKES + FIND_LOOK_ALIKES)
def test_look_alike_keeps_its_verdict(command: str, verdict: str) -> None:
    d = decide(command)
    assert d.decision == verdict, (command, d.decision, d.rules, d.reason)


@pytest.mark.parametrize("command", SHARED_ASKED)
def test_shared_place_is_asked_not_denied(command: str) -> None:
    d = decide(command)
    assert d.decision == ASK and "fs.write-shared-place" in d.rules, (command, d.decision, d.rules, d.reason)
    assert "fs.write-system" not in d.rules


def test_shared_place_through_the_write_tool() -> None:
    d = decide({"tool_name": "Write", "tool_input": {"file_path": "/srv/app/config.yml", "content": "port: 8080\n"}})
    assert d.decision == ASK and d.rules == ["fs.write-shared-place"], d
    d = decide({"tool_name": "Write", "tool_input": {"file_path": "/home/bob/.profile", "content": "x\n"}})
    assert d.decision == DENY, d


@pytest.mark.parametrize("command", METADATA_ASKED)
def test_metadata_listing_is_asked(command: str) -> None:
    d = decide(command)
    assert d.decision == ASK and d.rules == ["creds.cloud-metadata-listing"], (command, d.decision, d.rules)


@pytest.mark.parametrize("command", METADATA_LOOK_ALIKES)
def test_metadata_credentials_stay_denied(command: str) -> None:
    d = decide(command)
    assert d.decision == DENY and "creds.cloud-metadata" in d.rules, (command, d.decision, d.rules)


@pytest.mark.parametrize(("command", "verdict", "why"), KEPT)
def test_calibration_kept(command: str, verdict: str, why: str) -> None:
    d = decide(command)
    assert d.decision == verdict, (command, why, d.decision, d.rules)


def test_derived_find_names_are_judged_with_their_suffix() -> None:
    d = decide("find . -name '*.md' -exec rm {}x \\;")
    assert "*.mdx" in d.reason, d.reason


def test_a_folder_named_tilde_in_the_project_is_not_shown_as_home() -> None:
    # Python's open() does not expand ~: the file is ./~/.claude/settings.json in the project (an agent settings file
    # by its name, protected until ord20; since then no agent's settings: no agent starts in a folder named ~), and the
    # reason must not say it is the user's own settings in home. The text interpreter code writes is not read: asked.
    d = decide("python3 -c \"open('~/.claude/settings.json','w').write('x')\"")
    assert d.decision == "ask", d
    assert d.rules == ["write.settings-unknown-content"], d
    assert "~/.claude" not in d.reason, d.reason
