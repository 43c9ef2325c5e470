"""Ordinary work round 17: classes of ordinary calls that were denied or asked on outside material (eval/outside,
dev split; and commands written for this round in the style of tldr-pages), each with dangerous look-alikes that must
stay asked or denied.

1. *Asking a CLI for its usage* (cloud.delete, cloud.kube-delete, cloud.iac-destroy, gh.destructive, db.orm-reset,
   cloud.docker-destroy, publish.package, sys.unknown-destructive-verb: denied or asked).  `gcloud projects delete
   --help`, `az group delete -h`, `kubectl delete --help`, `terraform destroy -help`, `aws rds delete-db-instance
   help`, `gh help repo delete` print the usage and exit: the CLIs' parsers read options interspersed with operands
   up to `--` (cobra/pflag, clap, argparse, knack, gcloud's calliope, oclif, commander, terraform's mitchellh/cli),
   and awscli takes `help` alone after the operation.  The conventions are data (optables.HELP_CONVENTIONS), read by
   options.help_request, which the engine checks next to the option tables' inert options.  Stay refused: a help
   flag after `--` or after an option that may take it as its value (`helm uninstall web --description --help`,
   `kubectl delete ns prod -n --help`), after a verb that hands its words to another program (`heroku run rake
   db:drop --help`, `kubectl exec web -- rm -rf /data --help`), aws's `help` with other words after the operation,
   a container's command (`docker run ... alpine rm -rf /host/etc --help`), `-h` where it is another option (dropdb's
   --host) or of a tool clearance does not know (`mytool delete prod-db -h`).

2. *An aws API call that sends no request* (cloud.change asked): `--generate-cli-skeleton` prints the request's JSON,
   EC2's `--dry-run` only checks the caller's permission.  `--dry-run --no-dry-run` (the last wins) is a real call:
   denied, as the call itself is (it was asked: storage_dry_run took any --dry-run).

3. *A system file named like a program, handed to a program clearance does not model* (sys.privilege,
   sys.persistence: denied).  `emacs /etc/passwd`, `gedit /etc/passwd`, `namei -l /etc/passwd` were read as the
   exec-wrapper convention (`setarch x86_64 passwd`): the word's basename is a program the rules judge.  A file of the
   system's data trees (/etc, /var, /proc, /sys, /dev, /usr/share) outside a bin folder is data, never the program
   (unwrap._system_data_file); /etc/crontab handed to an unknown editor is still asked (sys.unknown-program-path), and
   a program path in a bin folder or /etc/alternatives is still read as the command it runs.

4. *The project's modes set anew* (fs.delete-critical: hard denied).  `chmod -R 755 .`, `chmod -R u+rwX,go+rX .`,
   `chmod -R 644 *`, `chmod -R go-w .` change no data, and the owner keeps the right to read and write every file (git
   keeps the executable bits): judged as the same chmod of a folder of the project is (allowed).  Stay denied: the
   whole project made writable by every user (777, o+w), the owner's own access taken away (a-w, =r, 000, 500), the
   setuid/setgid bits, another owner (chown -R, a decision of round 10), home, its parents and the root.

5. *Pruning docker's regenerable objects* (cloud.docker-destroy: denied).  `docker system prune` without --volumes is
   `container prune` (asked by cloud.docker-every-container) with unused networks, dangling images and the build
   cache; `docker image prune -a` deletes images a pull or a build gives back.  Both now asked (the outside sets' own
   labels for them are ask: dcg, shellfirm, dippy, tldr).  Volumes stay denied (--volumes, --volumes=true, volume
   prune, compose down -v), and so does `docker rmi -f $(docker images -q)` (images in use by containers too).

Calls are only ever decided here (in-process), never run.
"""

from __future__ import annotations

import pytest

from .conftest import decide

HELP_ALLOWED = [
    # written for this round (none of these is an outside case)
    "gcloud compute instances delete --help",
    "gcloud compute instances delete vm1 --help",
    "gcloud projects delete --help",
    "gcloud help projects delete",
    "gcloud sql instances delete -h",
    "az group delete --help",
    "az vm delete -h",
    "aws s3 rb help",
    "aws iam delete-user help",
    "aws ec2 terminate-instances help",
    "aws rds delete-db-instance help",
    "kubectl delete --help",
    "kubectl delete -h",
    "kubectl drain --help",
    "helm uninstall --help",
    "terraform destroy -help",
    "terraform destroy --help",
    "tofu destroy -h",
    "pulumi destroy --help",
    "pulumi stack rm --help",
    "heroku apps:destroy --help",
    "heroku help apps:destroy",
    "doctl compute droplet delete -h",
    "fly apps destroy --help",
    "vercel remove --help",
    "netlify sites:delete --help",
    "firebase projects:delete --help",
    "firebase help projects:delete",
    "hcloud server delete --help",
    "linode-cli linodes delete --help",
    "gh repo delete --help",
    "gh help repo delete",
    "glab repo delete --help",
    "cargo yank --help",
    "docker system prune --help",
    "docker volume rm --help",
    "rclone purge --help",
    "dropdb --help",
    "restic forget --help",
    "borg delete --help",
    "openstack server delete --help",
]

HELP_LOOK_ALIKES_REFUSED = [
    "gcloud compute instances delete vm1 --quiet",
    "gcloud compute instances delete vm1 --description --help",
    "gcloud compute instances delete vm1 -- --help",
    "helm uninstall web --description --help",
    "kubectl delete ns prod -n --help",
    "kubectl exec web -- rm -rf /data --help",
    "kubectl exec web -it -- sh -c 'rm -rf /data' --help",
    "heroku run rake db:drop --help",
    "heroku run 'rake db:drop' --help -a app",
    "docker run --rm -v /:/host alpine rm -rf /host/etc --help",
    "docker run --privileged alpine sh --help",
    "aws rds delete-db-instance --db-instance-identifier prod help",
    "aws rds delete-db-instance help --db-instance-identifier prod",
    # (`gh api -X DELETE repos/o/r --help` moved out by fix19b: gh api parses its flags with cobra -- only `extension
    # exec` disables that among gh's commands, cli/cli source -- so it prints the usage: tests/test_fix19b.py)
    "gh help; gh repo delete o/r --yes",
    "restic forget --prune --keep-last 1 -- --help",
    "dropdb -h db.example.com shop",
    "dropdb -U --help shop",
    "mytool delete prod-db -h",
    "fly ssh console -C 'rm -rf /data' --help",
    "az vm run-command invoke -g rg -n vm --command-id RunShellScript --scripts 'rm -rf /' --help",
    "gsutil rm -r gs://bucket --help",
    "terraform destroy -auto-approve",
]

AWS_NO_REQUEST_ALLOWED = [
    "aws rds delete-db-instance --generate-cli-skeleton",
    "aws ec2 run-instances --generate-cli-skeleton input",
    "aws dynamodb delete-table --table-name t --generate-cli-skeleton",
    "aws ec2 run-instances --dry-run --image-id ami-1 --instance-type t2.micro",
    "aws ec2 terminate-instances --dry-run --instance-ids i-1",
    "aws ec2 modify-instance-attribute --instance-id i-1 --dry-run --instance-type m5.large",
]

AWS_REAL_CALLS = [
    ("aws ec2 terminate-instances --instance-ids i-1 --dry-run --no-dry-run", "deny"),
    ("aws ec2 terminate-instances --instance-ids i-1", "deny"),
    ("aws ec2 run-instances --image-id ami-1 --instance-type t2.micro", "ask"),
    ("aws ec2 run-instances --dry-run --no-dry-run --image-id ami-1", "ask"),
    ("aws rds modify-db-instance --db-instance-identifier d --apply-immediately", "ask"),
]


@pytest.mark.parametrize("command", HELP_ALLOWED)
def test_asking_a_cli_for_its_usage_is_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (d.rules, d.reason)


@pytest.mark.parametrize("command", HELP_LOOK_ALIKES_REFUSED)
def test_help_look_alikes_stay_refused(command: str) -> None:
    assert decide(command).decision != "allow"


@pytest.mark.parametrize("command", AWS_NO_REQUEST_ALLOWED)
def test_an_aws_call_that_sends_no_request_is_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (d.rules, d.reason)


@pytest.mark.parametrize(("command", "expected"), AWS_REAL_CALLS)
def test_aws_real_calls_keep_their_verdict(command: str, expected: str) -> None:
    assert decide(command).decision == expected


SYSTEM_FILES_ALLOWED = [
    "emacs /etc/passwd",  # sh-guard's case; the rest written for this round
    "gedit /etc/passwd",
    "subl /etc/passwd",
    "xdg-open /etc/passwd",
    "open /etc/passwd",
    "namei -l /etc/passwd",
    "highlight /etc/passwd",
    "pygmentize /usr/share/dict/passwd",
]

SYSTEM_FILE_LOOK_ALIKES = [
    ("emacs /etc/crontab", "ask"),
    ("micro /etc/crontab", "ask"),
    ("setarch x86_64 /usr/bin/passwd root", "deny"),
    ("chpst -u nobody /sbin/passwd", "deny"),
    ("mytool /usr/local/bin/rm -rf ~", "deny"),
    ("mytool /etc/alternatives/rm -rf ~", "deny"),
    ("setarch x86_64 passwd root", "deny"),
    ("emacs /etc/shadow", "deny"),
]


@pytest.mark.parametrize("command", SYSTEM_FILES_ALLOWED)
def test_a_system_file_named_like_a_program_is_data(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (d.rules, d.reason)


@pytest.mark.parametrize(("command", "expected"), SYSTEM_FILE_LOOK_ALIKES)
def test_programs_in_bin_folders_are_still_read_as_run(command: str, expected: str) -> None:
    assert decide(command).decision == expected


PROJECT_MODES_ALLOWED = [
    "chmod -R 755 .",
    "chmod -R 0755 .",
    "chmod -R 644 *",
    "chmod -R u+rwX,go+rX .",
    "chmod -R u=rwX,go=rX .",
    "chmod -R go-w .",
    "chmod -R +x .",
    "chmod -R 700 *",
]

PROJECT_MODES_DENIED = [
    "chmod -R 777 .",
    "chmod -R a+w .",
    "chmod -R o+w *",
    "chmod -R a-w .",
    "chmod -R =r .",
    "chmod -R u-w .",
    "chmod -R 000 .",
    "chmod -R 500 .",
    "chmod -R 2775 .",
    "chmod -R u+s .",
    "chown -R nobody .",
    "chown -R user:group *",
    "sudo chown -R root:root .",
    "chmod -R 755 ~",
    "chmod -R 755 ..",
    "chmod -R 755 /",
]


@pytest.mark.parametrize("command", PROJECT_MODES_ALLOWED)
def test_setting_the_projects_modes_is_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (d.rules, d.reason)


@pytest.mark.parametrize("command", PROJECT_MODES_DENIED)
def test_opening_or_locking_the_project_stays_denied(command: str) -> None:
    assert decide(command).decision == "deny"


DOCKER_PRUNES_ASKED = [
    "docker system prune",
    "docker system prune -f",
    "docker system prune -af",
    "docker system prune --volumes=false -f",
    "podman system prune -f",
    "docker image prune -a -f",
    "docker image prune --all",
]

DOCKER_PRUNES_KEPT = [
    ("docker system prune -a --volumes", "deny"),
    ("docker system prune --volumes=true", "deny"),
    ("podman system prune -af --volumes", "deny"),
    ("docker -c prod system prune -a --volumes -f", "deny"),
    ("docker volume prune -f", "deny"),
    ("docker rmi -f $(docker images -q)", "deny"),
    ("docker compose down -v", "deny"),
    ("docker image prune -f", "allow"),
    ("docker image prune -a --filter until=24h", "allow"),
    ("docker container prune -f", "ask"),
]


@pytest.mark.parametrize("command", DOCKER_PRUNES_ASKED)
def test_pruning_regenerable_docker_objects_is_asked(command: str) -> None:
    d = decide(command)
    assert d.decision == "ask", (d.rules, d.reason)


@pytest.mark.parametrize(("command", "expected"), DOCKER_PRUNES_KEPT)
def test_docker_volumes_stay_denied(command: str, expected: str) -> None:
    assert decide(command).decision == expected
