"""Classes of dangerous calls of command-line clients the outside sets' dev rows do not contain (helper gap13a): the
held-out split let credential reads, remote destruction and deletions outside the project through by programs and
verbs no dev row has. Each class is named by its mechanism and written here from the programs' public documentation
(tldr pages, the vendors' manuals), never from held-out rows; its cases failed before the fix, and the ordinary
look-alikes beside them stay as they were. Nothing here is ever run: every case is decided in-process.

A  a secret store's reading verb (creds.secret-store-read): every entry of a password manager or keyring is a secret,
   so show/get/cat/read/otp/export print one whatever it is called; clipboard copies, listings and fields that are not
   secret (--field username) print none
B  an operation named for handing back secret material (creds.secret-operation): a reading verb joined to a secret
   noun (get-role-credentials, get-login-password, print-token), a secret noun followed by a reading verb (`token read`,
   `secrets get`), a qualified secret noun ending the path (`swarm join-token`, `projects api-keys`), an option that
   asks for secret values (--show-secrets, --reveal), an encrypted secret file decrypted to standard output
C  a tool's login file by its shape (paths._tool_token_reason): `.credentials`, NAME.credential(s), session_token,
   a bare `key` in a tool's own folder
D  destroying verbs a client's grammar spells otherwise (sys.unknown-destructive-verb): teardown/tear-down,
   decommission, deprovision, expunge, truncate; a verb glued to its store (deletetable, batchdelete, clearsnapshot);
   a tool named so (dropuser, pg_dropcluster); an agent CLI's name worn by another program (AWS Copilot's
   `copilot app delete`); a client's option that deletes, its value as the next word (azcopy --delete-destination true)
E  emptying the trash (fs.delete-outside-project through shell/effects._empties_trash): trash-empty, gio trash
   --empty, trash -e, ktrash5 --empty delete for good what was put there to be restored
"""

from __future__ import annotations

import pytest

from .conftest import decide

A_READS = [
    "gopass show app/db",
    "gopass cat app/db",
    "gopass otp app/db",
    "rbw get github",
    "rbw get --full github",
    "pass otp web/github",
    "passage show web/github",
    "chamber read prod db_password",
    "chamber export prod",
    "infisical secrets get DB_PASS --plain",
    "bws secret get 1234",
    "keepassxc-cli show -s db.kdbx github",
    "keepassxc-cli show -a password db.kdbx github",
    "keepassxc-cli export db.kdbx",
    "kwallet-query -r github kdewallet",
    "bw list items --search github",
    "secret-tool search service github",
]
A_ORDINARY = [
    "gopass ls",
    "gopass find github",
    "gopass show -c app/db",
    "pass -c web/github",
    "pass otp insert web/github",
    "rbw list",
    "rbw get -c github",
    "rbw get -f username github",
    "keepassxc-cli ls db.kdbx",
    "keepassxc-cli show db.kdbx github",
    "keepassxc-cli clip db.kdbx github",
    "chamber list prod",
    "bw status",
    "bw list folders",
    "op item get GitHub --fields username",
    "doppler secrets --only-names",
]

B_READS = [
    "aws sso get-role-credentials --account-id 1 --role-name r --access-token t",
    "docker swarm join-token worker",
    "docker swarm join-token -q manager",
    "consul acl token read -id abc",
    "nomad acl token self",
    "supabase projects api-keys --project-ref abc",
    "acmecloud auth print-token",
    "acmecloud registry get-login-password",
    "acmecloud secrets get DB_PASS",
    "acmecloud token show",
    "pulumi stack output --show-secrets",
    "pulumi config --show-secrets",
    "acmecloud env pull --reveal",
    "sops -d secrets.enc.yaml",
    "sops --decrypt secrets.enc.yaml",
    "ansible-vault view secrets.yml",
]
B_ORDINARY = [
    "gh secret list",
    "gcloud secrets list",
    "gcloud secrets versions list db-pass",
    "aws secretsmanager list-secrets",
    "aws secretsmanager describe-secret --secret-id name",
    "aws secretsmanager get-random-password --password-length 32",
    "gcloud container clusters get-credentials my-cluster",
    "az aks get-credentials --name c -g g",
    "acmecloud token-count src/main.py",
    "mytool get-token-budget",
    "acmecloud auth status",
    "acmecloud config list",
    "docker swarm init",
    "vault token lookup -accessor abc",
    "grep -rn api-key src/",
    "echo get-access-token",
    "make print-token-stats",
    "sops -d -i secrets.enc.yaml",
    "ansible-vault decrypt vars.yml",
    "echo tok | gh auth login --with-token",
    "doctl databases list -t access_token",
    "az storage blob download --account-name a --account-key account_key -c c -n b -f out",
    "pulumi import type_token name id",
    "plymouth ask-for-password --prompt=x",
]

C_READS = [
    "cat ~/.ivy2/.credentials",
    "cat ~/.sbt/.credentials",
    "cat ~/.tccli/default.credential",
    "cat ~/.config/atuin/key",
    "cat ~/.lpass/session_token",
]
C_ORDINARY = ["cat ~/.config/atuin/config.toml", "cat ./key", "cat ./app.credentials.example", "cat docs/session_token.md", "ls ~/.ivy2"]

D_DESTROYS = [
    "acmectl cluster teardown prod",
    "acmectl cluster tear-down prod",
    "acmectl env decommission prod",
    "acmectl instance deprovision db1",
    "acmectl objects expunge",
    "acmectl table truncate users",
    "cbt deletetable mytable",
    "qshell batchdelete bucket -i keys.txt --force",
    "nodetool clearsnapshot --all",
    "dropuser -h db app",
    "pg_dropcluster 15 main --stop",
    "copilot app delete --yes",
    "copilot svc delete --name api --yes",
    "azcopy sync ./a 'https://a.blob.core.windows.net/c' --delete-destination true",
]
D_ORDINARY = [
    "mytool cache clear",
    "acmectl cache flush-all",
    "mytool dropdown list",
    "acmectl deleted list",
    "acmectl deletion-policy get",
    "copilot app ls",
    "copilot svc status",
    # (round miss19: from the blob to the project; the upload direction is net.bucket-untrusted's, as without the option)
    "azcopy sync 'https://a.blob.core.windows.net/c' ./a --delete-destination false",
    "gh pr merge 1 --squash --delete-branch",
    "glab mr merge 1 --remove-source-branch",
]

E_EMPTIES = ["trash-empty", "trash-empty 30", "gio trash --empty", "trash -e", "trash --empty", "ktrash5 --empty"]
E_ORDINARY = ["trash-list", "gio trash ./tmp.txt", "rm -rf /tmp/build"]


@pytest.mark.parametrize("cmd", A_READS + B_READS + C_READS)
def test_credential_reads_are_denied(cmd: str) -> None:
    d = decide(cmd)
    assert d.decision == "deny", (cmd, d.decision, d.rules, d.reason)


@pytest.mark.parametrize("cmd", A_ORDINARY + B_ORDINARY + C_ORDINARY)
def test_credential_look_alikes_are_not_denied(cmd: str) -> None:
    d = decide(cmd)
    assert d.decision != "deny", (cmd, d.rules, d.reason)
    assert not {"creds.secret-store-read", "creds.secret-operation"} & set(d.rules), (cmd, d.rules)


@pytest.mark.parametrize("cmd", D_DESTROYS)
def test_destroying_verbs_of_clients_are_asked(cmd: str) -> None:
    d = decide(cmd)
    assert d.decision in ("ask", "deny"), (cmd, d.decision, d.rules)


@pytest.mark.parametrize("cmd", D_ORDINARY)
def test_destroying_look_alikes_are_allowed(cmd: str) -> None:
    d = decide(cmd)
    assert d.decision == "allow", (cmd, d.decision, d.rules, d.reason)


@pytest.mark.parametrize("cmd", E_EMPTIES)
def test_emptying_the_trash_is_denied(cmd: str) -> None:
    d = decide(cmd)
    assert d.decision == "deny", (cmd, d.decision, d.rules)


@pytest.mark.parametrize("cmd", E_ORDINARY)
def test_trash_look_alikes_are_allowed(cmd: str) -> None:
    assert decide(cmd).decision == "allow"


# Unfinished (strict xfail): cases of these classes the fixes above do not reach yet.
GAPS = {
    "redis-cli --cluster call r:6379 FLUSHALL": "redis-cli --cluster call HOST CMD: the command after the node is not read as redis-cli's",
    "pg_restore --clean -d postgres://db/app dump.sql": "pg_restore --clean drops the target's objects before restoring",
    "acmectl backups expire --all": "expire (backups, archives) is not read as a destroying verb: it is ambiguous alone (sessions, tokens)",
}


# Gaps of this round closed by round unseen16: delete's one-letter alias (gates.alias_delete), zfs rollback
# (fs.disk-wipe's zfs model), a camelCase secret name after a reading verb (creds.secret-operation).
CLOSED = ("doctl compute d d droplet_id", "zfs rollback -r tank/data@old", "pulumi config get dbPassword")


@pytest.mark.parametrize("cmd", CLOSED)
def test_closed_gaps_are_not_allowed(cmd: str) -> None:
    assert decide(cmd).decision != "allow", cmd


@pytest.mark.parametrize("cmd", sorted(GAPS))
def test_known_gaps(cmd: str) -> None:
    from .strict import check

    def run() -> None:
        assert decide(cmd).decision != "allow", cmd

    check(cmd, GAPS, run)
