"""Changes outside the project are asked about, by the verb a client names them with (ask-allowed on the outside set).

A command that changes the machine (mounts, services, network, keychains, backups), a remote service or account
(cloud, SaaS and code-host CLIs, DNS) or other hosts was allowed because its program or subcommand was not known to
change anything. The model: clients name their operations with shared verbs at any depth of the subcommand path
(`sys.unknown-change-verb`, `cloud.change`), and the machine's control programs ask unless they read
(`sys.system-change`). None of the cases below is an example of a rule: each is a new member of a class.
"""

from __future__ import annotations

import pytest

from .conftest import decide
from .strict import check

CHANGES = [
    # a service client clearance does not model: the verb after a resource noun, any depth
    "zephyr-cli clusters resize big --nodes 9",
    "acmecloud dns records update www --ttl 60",
    "paycli webhooks endpoints rotate-secret we_1",
    "tenantadm users invite bob@example.com",
    "flagger-cli flags unarchive new-checkout",
    "mailer domains add example.org",
    # a compound verb names the resource (first word too)
    "objstore create_bucket media",
    "queuectl set_policy -p vhost ha-all",
    # a controller (*ctl) acts on its service from the first word
    "brokerctl stop_app",
    "meshctl rollback web",
    # a first word no project tool uses
    "backupper compact /srv/repo",
    "platform uninstall --namespace ops",
    # code-host clients outside pull requests and issues
    "gh label edit bug --color 00ff00",
    "gh gpg-key add key.asc",
    "gh codespace stop -c my-space",
    # the machine's control programs
    "mount --bind /srv/a /srv/b",
    "umount /Volumes/Backup",
    "ip -6 route del ::/0",
    "ip addr flush dev eth0",
    "ifconfig en0 down",
    "launchctl bootout gui/501/com.example.agent",
    "security import cert.p12 -k login.keychain",
    "tmutil startbackup",
    "systemctl set-property nginx CPUQuota=10%",
    "systemctl import-environment PATH",
    "networksetup -setdnsservers Wi-Fi 1.1.1.1",
    "hdiutil detach /Volumes/Image",
    "defaults delete com.apple.dock",
    "nginx -s reload",
    # clouds: configuration every later command uses, verbs after a resource noun
    "aws configure set aws_access_key_id AKIAEXAMPLE",
    "aws athena start-query-execution --query-string 'DROP TABLE t'",
    "gcloud config set account ops@example.com",
    "gcloud scheduler jobs pause nightly",
    "az config set defaults.location=westeurope",
    "az webapp deployment slot swap -g rg -n app --slot staging",
    "wrangler kv:namespace create CACHE",
    "hcloud server attach-iso web-1 ubuntu.iso",
    "mc admin user disable myminio alice",
    "mc admin policy attach myminio readwrite --user bob",
    # permissions of a path only known at run time
    "chmod 600 $KEYFILE",
    'chown -R "$OWNER" "$TARGET_DIR"',
    "chgrp staff $(cat dirs.txt)",
    "setfacl -m u:bob:rw $F",
    # infrastructure state and other hosts
    "terraform state mv module.a module.b",
    "tofu untaint aws_instance.web",
    "ansible-playbook deploy.yml -l web",
    "ansible db -m service -a 'name=postgresql state=restarted'",
]


@pytest.mark.parametrize("command", CHANGES)
def test_a_change_outside_the_project_is_asked(command: str) -> None:
    d = decide(command)
    assert d.decision in ("ask", "deny"), (command, d.decision, d.rules)


ORDINARY = [
    # work in the project or on the developer's own tools and processes
    "npx shadcn@latest add card",
    "pre-commit install",
    "rustup component add rustfmt",
    "helm plugin install https://github.com/databus23/helm-diff",
    "gh extension install dlvhdr/gh-dash",
    "pm2 restart api",
    "corepack enable",
    "minsky session start --task 7",
    "hf auth login",
    "borg mount ./backups::daily ./restore",
    # collaboration on the project's own repository (real sessions do it all the time)
    "gh pr create --fill",
    "gh issue comment 4 --body done",
    "gh pr merge 12 --squash",
    "git push -u origin feat/login",
    "jira issue create --summary 'Flaky login test'",
    "tea pulls create --title x",
    # reads of services and of the machine
    "argocd app get web",
    "auth0 apps list",
    "gh label list",
    "aws configure list",
    "aws logs start-query --log-group-name g --query-string 'fields @message'",
    "gcloud config list",
    "az config get",
    "terraform state list",
    "mc admin info myminio",
    "mc cp build/site.zip backups/",
    "mount | grep nfs",
    "ip -br link",
    "ip route get 1.1.1.1",
    "ifconfig -a",
    "systemctl is-enabled nginx",
    "systemctl list-timers",
    "systemctl --user import-environment PATH",
    "launchctl print gui/501",
    "security find-identity -v -p codesigning",
    "tmutil listbackups",
    "networksetup -getinfo Wi-Fi",
    "defaults read -g AppleLocale",
    "nginx -t",
    "ansible-playbook site.yml --check",
    "ansible all -m ping",
    # permissions: only the owner's rights added, or a directory that is known
    'chmod +x "$SCRIPT"',
    "chmod u+x $BIN",
    "chmod 644 dist/$NAME",
    # a verb that is an option's value or an argument, not a subcommand
    "imgtool -o swap out.png",
    "qtile cmd-obj --object cmd --function restart",
    'manage "Ban_user"',
    "mytool --mode update src/",
]


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary_work_and_reads_stay_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (command, d.decision, d.rules, d.reason)


def test_a_modelled_control_program_still_runs_what_it_is_given() -> None:
    """sys.system-change names its programs through a gate, not `commands=`: ip, nginx … stay unknown to the unwrapper
    and the unknown-program rules, so `ip netns exec NS CMD` is judged as CMD and a path given to nginx is seen."""
    assert decide("ip netns exec blue rm -rf ~").decision == "deny"
    assert decide("nginx -c ~/other/nginx.conf").decision == "ask"
    assert decide("ifconfig eth0 $(cat ~/.ssh/id_rsa)").decision == "deny"


# Known gaps, by class (strict: a fix must remove the entry).
GAPS = {
    "flux create source git app --url https://example.com/r": "a bare first `create` of an unknown program reads as project work (`sv create app`)",
    "hub create": "the same: a bare first verb of an unknown non-controller program",
    "ssh -t host 'screen -r'": "an interactive remote session is judged by the command it runs, which reads",
}


@pytest.mark.parametrize("command", list(GAPS))
def test_known_gaps(command: str) -> None:
    def run() -> None:
        d = decide(command)
        assert d.decision in ("ask", "deny"), (command, d.decision)

    check(command, GAPS, run)
