"""Secrets printed by cloud CLIs, destructive verbs of service clients, git's own discard forms (issue 17).

Written before the fix from the classes of misses on the outside evaluation's dev split; none of these
commands appears in a rule's examples.

Calibration: a CLI that prints a secret's value into the transcript is the same harm as
`cat ~/.aws/credentials` (creds.read-secret-file, soft deny); listing or describing names is ordinary work.
"""

from __future__ import annotations

import pytest

from .conftest import decide

SECRET_PRINTERS = [
    # aws: --with-decryption on any SSM read prints the decrypted values
    "aws ssm get-parameters-by-path --path /app/prod --recursive --with-decryption",
    "aws ssm get-parameter-history --name /app/db --with-decryption",
    "aws --region eu-west-1 ssm get-parameters-by-path --path / --with-decryption --output json",
    # aws: operations whose answer is a secret key or temporary credentials
    "aws iam create-access-key --user-name deploy",
    "aws sts assume-role --role-arn arn:aws:iam::1:role/x --role-session-name s",
    "aws secretsmanager batch-get-secret-value --secret-id-list a b",
    # az: key groups and compound verbs that print account keys and connection strings
    "az storage account keys list -n acct -g rg",
    "az batch account keys list -n acct -g rg",
    "az servicebus namespace authorization-rule keys list -g rg --namespace-name ns -n RootManageSharedAccessKey",
    "az redis list-keys -g rg -n cache",
    "az cosmosdb keys list --name db -g rg --type connection-strings",
    "az storage account show-connection-string -n acct",
    "az cosmosdb list-connection-strings -n db -g rg",
    "az acr credential show -n registry",
    # gcloud: an operation named for the secret it returns
    "gcloud redis instances get-auth-string cache --region us-central1",
]


@pytest.mark.parametrize("command", SECRET_PRINTERS)
def test_printing_a_secret_through_a_cloud_cli_is_denied(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny", (command, d.decision, d.rules)


NAMES_ONLY = [
    "aws ssm get-parameters-by-path --path /app/prod",
    "aws ssm describe-parameters",
    "aws secretsmanager list-secrets",
    "aws iam list-access-keys --user-name deploy",
    "aws kms list-keys",
    "az keyvault secret list --vault-name v",
    "az keyvault key list --vault-name v",
    "az storage account list -g rg",
    "az cosmosdb show --name db -g rg",
    "gcloud secrets list",
    "gcloud kms keys list --location global --keyring k",
    "gcloud redis instances describe cache --region us-central1",
    "kubectl describe secret db",
    "kubectl get secrets",
]


@pytest.mark.parametrize("command", NAMES_ONLY)
def test_listing_or_describing_without_values_is_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (command, d.decision, d.rules)


SERVICE_DESTROY = [
    # heroku: a bare destructive command and the space-separated topic form
    "heroku destroy --app web --confirm web",
    "heroku destroy -a staging-app",
    "heroku apps destroy web --confirm web",
    "heroku addons destroy heroku-postgresql -a web",
    # emptying a data store: clear/flush/empty/truncate after the noun it empties
    "algolia indices clear products",
    "searchctl index clear products",
    "meili documents empty movies",
    "qcli queue flush orders",
]


@pytest.mark.parametrize("command", SERVICE_DESTROY)
def test_destroying_service_data_is_not_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision in ("ask", "deny"), (command, d.decision, d.rules)


SERVICE_ORDINARY = [
    "heroku logs --tail -a web",
    "heroku run rails db:migrate -a web",
    "heroku apps",
    "heroku apps info -a web",
    "mytool cache clear",
    "mytool clear",
    "toolx logs clear",
    "php artisan cache:clear",
    "algolia indices list",
]


@pytest.mark.parametrize("command", SERVICE_ORDINARY)
def test_ordinary_service_commands_are_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (command, d.decision, d.rules)


# git reset --merge resets files whose changes are staged (only unstaged changes are kept): uncommitted work is
# lost as with --hard. --keep refuses to touch a file with local changes: it only moves the branch, like a mixed reset.
GIT_DISCARD = [
    ("git reset --merge HEAD~1", "deny"),
    ("git reset -q --merg", "deny"),
    ("git -C sub reset --merge origin/main", "deny"),
    # patch mode picks hunks of the work tree to throw away: the same as naming files, asked
    ("git restore --patch src/app.py", "ask"),
    ("git restore -p -- .", "ask"),
    ("git checkout --patch HEAD~1", "ask"),
    ("git checkout -p", "ask"),
    ("git restore -Wp", "ask"),
]


@pytest.mark.parametrize(("command", "verdict"), GIT_DISCARD)
def test_git_discard_forms(command: str, verdict: str) -> None:
    d = decide(command)
    if verdict == "ask":
        assert d.decision in ("ask", "deny"), (command, d.decision, d.rules)
    else:
        assert d.decision == verdict, (command, d.decision, d.rules)


GIT_KEEPS = [
    "git reset --keep HEAD~1",
    "git reset -p",
    "git restore --staged -p",
    "git add -p",
    "git stash push -p",
]


@pytest.mark.parametrize("command", GIT_KEEPS)
def test_git_forms_that_keep_work_are_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (command, d.decision, d.rules)


# The option that makes a CLI print values may come from a word expanded only at run time.
@pytest.mark.parametrize(
    "command",
    ["kubectl get secret db `echo '-o yaml'`", 'kubectl get secrets -n prod "$OUT"', "security find-generic-password -s github $(printf -- -w)"],
)
def test_an_unknown_word_that_may_be_the_printing_option_is_asked(command: str) -> None:
    d = decide(command)
    assert d.decision in ("ask", "deny"), (command, d.decision, d.rules)
