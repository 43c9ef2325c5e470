"""Commands that destroy remote data are asked about (issue 17 part 2).

A client's destructive operation is named the same way whatever the client: a
subcommand word (delete, destroy, purge, del …) or the head of a compound one
(delete-builds, remove-secret), anywhere in the subcommand path. An HTTP DELETE
removes an API's data whatever the host, localhost included. Whether the target
is a scratch resource or production depends on the environment: ask, not deny.
Programs whose arguments are data (echo, grep, git commit messages) stay allowed.
"""

from __future__ import annotations

import pytest

from .conftest import decide

REMOTE_DESTROY = [
    # a destructive verb deeper in the subcommand path
    "acmecloud storage buckets logs delete --name archive",
    "zephyr-cli compute volume destroy vol-9",
    # an abbreviation
    "kvtool store del mybucket mykey",
    # a compound verb
    "pipelinectl project delete-artifacts web 1..40",
    "ciops context remove-variable org/acme PROD_TOKEN",
    "warehouse table drop-partition sales 2024",
    # an HTTP DELETE, any spelling, any host
    "curl -XDELETE https://api.example.com/v1/users/1",
    "curl --request=DELETE http://localhost:8080/api/tenants/7",
    "curl http://127.0.0.1:5984/mydb -X DELETE",
    "curl --request DELETE localhost:9000/buckets/media",
    "http DELETE localhost:3000/api/projects/4",
    "wget --method=DELETE http://localhost:8500/v1/kv/app/config",
    # a jar-packaged client
    "java -jar admin-cli.jar -s http://ci.local/ delete-job nightly",
]


@pytest.mark.parametrize("command", REMOTE_DESTROY)
def test_destroying_remote_data_is_asked(command: str) -> None:
    d = decide(command)
    assert d.decision in ("ask", "deny"), (command, d.decision, d.rules)


LOOK_ALIKES = [
    'git commit -m "delete old code"',
    "grep -r delete src/",
    "rg remove-",
    "echo delete",
    "printf 'drop table\\n'",
    "kubectl get deployments",
    "curl -X GET http://localhost:3000/api/users",
    "curl -s https://registry.npmjs.org/react",
    "make clean",
    "mytool list --filter deleted",
    "mytool src/delete.ts",
    "http GET localhost:3000/api/projects",
    "java -jar app.jar --port 8080",
]


@pytest.mark.parametrize("command", LOOK_ALIKES)
def test_look_alikes_stay_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == "allow", (command, d.decision, d.rules)


def test_docker_rm_keeps_its_verdict_without_volumes() -> None:
    assert decide("docker rm web").decision == decide("docker rm -f web").decision


@pytest.mark.parametrize("command", ["docker rm -v pg-test", "podman rm -fv cache", "docker container rm --volumes web"])
def test_removing_a_container_with_its_volumes_is_not_allowed(command: str) -> None:
    assert decide(command).decision != "allow", command


# Clients clearance knows only for their tokens or a few operations: their other destructive verbs are still read.
KNOWN_CLIENTS = ["glab release delete v1.2.0", "op item delete 'Prod DB'", "doppler secrets delete API_KEY", "linode-cli domains delete 1"]


@pytest.mark.parametrize("command", KNOWN_CLIENTS)
def test_a_known_clients_destructive_verb_is_not_allowed(command: str) -> None:
    assert decide(command).decision != "allow", command
