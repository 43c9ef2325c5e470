"""Publishing: packages, images and releases leave the organisation for good."""

from __future__ import annotations

from ..model import ASK, SOFT_DENY
from .base import rule

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..scope import Scope
    from ..shell.ir import SimpleCommand

# command -> the subcommands that publish
_PUBLISH = {
    "npm": ("publish",),
    "yarn": ("publish",),
    "pnpm": ("publish",),
    "bun": ("publish",),
    "cargo": ("publish", "yank", "owner"),
    "twine": ("upload", "register"),
    "poetry": ("publish",),
    "flit": ("publish",),
    "hatch": ("publish",),
    "uv": ("publish",),
    "pdm": ("publish",),
    "gem": ("push", "yank", "owner"),
    "docker": ("push",),
    "podman": ("push",),
    "buildah": ("push",),
    "nerdctl": ("push",),
    "skopeo": ("copy",),
    "mvn": ("deploy", "release:perform"),
    # Gradle and its wrapper run the same tasks (round 16: the wrapper's list lacked publishPlugins)
    "gradle": ("publish", "publishToMavenCentral", "publishPlugins"),
    "./gradlew": ("publish", "publishToMavenCentral", "publishPlugins"),
    "gradlew": ("publish", "publishToMavenCentral", "publishPlugins"),
    "vsce": ("publish", "unpublish"),
    "ovsx": ("publish",),
    "dotnet": ("nuget",),
    "nuget": ("push", "delete"),
    "helm": ("push",),
    "goreleaser": ("release",),
    "dart": ("pub",),
    "flutter": ("pub",),
    "swift": ("package-registry",),
    "pod": ("trunk",),
    "mix": ("hex.publish",),
    "gh": ("release",),
    "semantic-release": ("",),
    "lerna": ("publish",),
    "changeset": ("publish",),
    "jsr": ("publish",),
    "deno": ("publish",),
}


# The npm registry's commands that change what it serves, as every npm-family client spells them: pnpm hands the
# commands it does not implement to npm (`pnpm deprecate`, `pnpm owner`), yarn berry puts them under `yarn npm`
# (`yarn npm tag remove`), yarn 1 has its own `owner` and `tag`. Group -> the words after it that only read
# (None: the verb changes the registry whatever follows).
_NPM_FAMILY = frozenset({"npm", "pnpm", "yarn", "bun"})
_REGISTRY_VERBS: dict[str, frozenset[str] | None] = {
    "publish": None,
    "unpublish": None,
    "deprecate": None,
    "undeprecate": None,
    "dist-tag": frozenset({"ls", "list"}),
    "dist-tags": frozenset({"ls", "list"}),
    "tag": frozenset({"ls", "list"}),
    "owner": frozenset({"ls", "list"}),
    "author": frozenset({"ls", "list"}),
    "access": frozenset({"ls", "list", "get", "ls-packages", "ls-collaborators"}),
    "team": frozenset({"ls", "list"}),
    "org": frozenset({"ls", "list"}),
}


def npm_registry_change(cmd: SimpleCommand, ops: list[str]) -> str | None:
    """The registry change an npm-family client's operands name (`pnpm deprecate`, `yarn npm unpublish`, `npm owner
    rm`), None for reads (`dist-tag ls`, `owner ls`, `access list`), help and local work."""
    if cmd.name == "yarn" and ops[:1] == ["npm"]:
        ops = ops[1:]
    if any(v in ("-h", "--help", "--usage") for v in cmd.values()) or "help" in ops[:1]:
        return None  # prints the command's usage
    if not ops or ops[0] not in _REGISTRY_VERBS:
        return None
    reads = _REGISTRY_VERBS[ops[0]]
    if reads is not None and (len(ops) < 2 or ops[1] in reads or ops[1] == "help"):
        return None
    if cmd.name == "bun" and ops[0] != "publish":
        return None  # bun implements no other registry command and hands none on
    return f"{cmd.name} {' '.join(ops[:2] if reads is not None else ops[:1])} changes what the package registry serves"


# Round 18b: a registry's verbs one level down, under the word that names the registry's group of commands (the
# clients' command references): `dotnet nuget delete` unlists a package version, `docker manifest push` and `docker
# buildx imagetools create` write a manifest list to a registry, `mix hex.retire` and `mix hex.owner add` change what
# Hex serves. Group -> the verbs under it that change what the registry serves (the group's other verbs -- list,
# inspect, locals, add source, info -- read or change only this machine). The first level is _PUBLISH's.
_REGISTRY_GROUPS: dict[str, frozenset[str]] = {
    "nuget": frozenset({"push", "delete"}),
    "manifest": frozenset({"push"}),
    "imagetools": frozenset({"create"}),
    "hex": frozenset({"publish", "retire", "unretire", "owner"}),
}
# The group's verbs whose next word may only read (`mix hex.owner list`, `mix hex.user whoami`).
_GROUP_READS = frozenset({"list", "ls", "whoami", "key", "help"})
# The container clients' building verbs, and the options that make a build push what it built (docker build --push,
# buildx build --output type=registry, buildx bake --push).
_IMAGE_CLIENTS = frozenset({"docker", "podman", "buildah", "nerdctl"})
_BUILD_VERBS = frozenset({"build", "bake", "bud", "buildx", "image", "builder"})


def _group_change(cmd: SimpleCommand, vals: list[str]) -> str | None:
    """A registry change one level under a group of a publisher's commands (see _REGISTRY_GROUPS)."""
    steps: list[str] = []
    for v in vals[:4]:
        steps += v.split(".") if cmd.name == "mix" else [v]  # mix's tasks are namespaced with dots (hex.retire)
    for k, group in enumerate(steps[:3]):
        verbs = _REGISTRY_GROUPS.get(group)
        if verbs is None or k + 1 >= len(steps) or steps[k + 1] not in verbs:
            continue
        after = steps[k + 2] if k + 2 < len(steps) else ""
        if after in _GROUP_READS or (steps[k + 1] == "owner" and not after):
            return None
        if group == "manifest" and after and _local_registry(after.partition("docker://")[2] or after):
            return None  # a manifest list pushed to a registry on this machine
        return f"{cmd.name} {group} {steps[k + 1]} changes what the package or image registry serves"
    return None


def _build_pushes(cmd: SimpleCommand, vals: list[str]) -> str | None:
    """A container build told to push what it builds (--push, --output type=registry or push=true)."""
    if cmd.name not in _IMAGE_CLIENTS or not vals or vals[0] not in _BUILD_VERBS:
        return None
    words = cmd.values()
    tags = [words[i + 1] for i, v in enumerate(words[:-1]) if v in ("-t", "--tag")] + [v.partition("=")[2] for v in words if v.startswith("--tag=")]
    if tags and all(_local_registry(t) for t in tags):
        return None  # pushed to a registry on this machine
    for i, v in enumerate(words):
        if v == "--push" or (v.startswith("--push=") and v[7:].lower() not in ("false", "0")):
            return f"{cmd.name} {vals[0]} --push publishes the image it builds"
        if v in ("--output", "-o") or v.startswith(("--output=", "-o=")):
            spec = v.partition("=")[2] if "=" in v and v.startswith("--output=") else (words[i + 1] if i + 1 < len(words) else "")
            if "type=registry" in spec or "push=true" in spec:
                return f"{cmd.name} {vals[0]} --output {spec} publishes the image it builds"
    return None


def _local_registry(image: str) -> bool:
    host = image.split("/", 1)[0] if "/" in image else ""
    return host.split(":")[0] in ("localhost", "127.0.0.1", "[::1]", "host.docker.internal")


@rule(
    id="publish.package",
    title="Publishing a package, image or release",
    why="A published artefact is public and permanent for practical purposes; releases are a decision for a person.",
    verdict=SOFT_DENY,
    alternative="build and check it locally (`python -m build`, `npm pack`, `cargo package`) and let the user publish it",
    alternatives={
        **dict.fromkeys(
            ("npm", "yarn", "pnpm", "bun"), "build and check the package locally (`npm pack`, `npm publish --dry-run`) and let the user publish it"
        ),
        **dict.fromkeys(
            ("twine", "poetry", "flit", "hatch", "uv"),
            "build and check the package locally (`python -m build`, `twine check dist/*`) and let the user publish it",
        ),
        "cargo": "check it with `cargo publish --dry-run` (or `cargo package`) and let the user publish it",
        "docker": "build and run the image locally (`docker build -t NAME .`, `docker run --rm NAME`) and let the user push it",
        "podman": "build and run the image locally (`podman build -t NAME .`, `podman run --rm NAME`) and let the user push it",
        "gh": "create the release as a draft (`gh release create TAG --draft`) and let the user publish it",
        "gem": "build and check the gem locally (`gem build NAME.gemspec`) and let the user push it",
    },
    commands=tuple(_PUBLISH),
    match=(
        "cargo publish",
        "npm publish --access public",
        "twine upload dist/*",
        "docker push acme/web:latest",
        "gh release create v9.9.9 --repo someone/else --generate-notes",
        "python -m twine upload dist/*",
        "poetry publish --build",
        "yarn npm publish",
        "pnpm deprecate @acme/ui@1 'use 2'",
        "yarn npm tag remove @acme/ui beta",
        "npm owner add bob @acme/ui",
        "dotnet nuget delete Acme.Core 1.0.0 --non-interactive",
        "docker buildx build --push -t acme/web:1 .",
        "mix hex.retire acme 1.0.0 security",
    ),
    no_match=(
        "npm run build",
        "cargo build --release",
        "docker build -t web .",
        "gh release list",
        "gh release view v1",
        "gh pr create --title x --body y",
        "npm pack",
        "npm publish --dry-run",
        "npm dist-tag ls @acme/ui",
        "pnpm owner ls @acme/ui",
        "yarn npm info @acme/ui",
        "docker push localhost:5000/web",
        "gh release create v1 --draft",
        "gh release create v9.9.9 --generate-notes",  # the project's own: publish.own-release
        "gh release upload v1 dist/app.tgz --repo ana/webapp",
        "dotnet nuget locals all --clear",
        "docker manifest inspect acme/web:1",
        "mix hex.owner list acme",
        "docker buildx build --load -t web .",
    ),
)
def publish_package(cmd: SimpleCommand, sc: Scope) -> str | None:
    subs = _PUBLISH.get(cmd.name, ())
    every = cmd.values()
    if any(v in ("--dry-run", "--dryrun", "--dry_run") or v.startswith("--dry-run=") for v in every) and cmd.name not in ("docker", "podman"):
        return None  # rehearses the release, publishes nothing
    vals = [v for v in every if not v.startswith("-")]
    if cmd.name in ("docker", "podman", "nerdctl") and vals[:1] == ["push"] and len(vals) > 1 and _local_registry(vals[1]):
        return None  # a registry on this machine
    if subs == ("",):
        return f"{cmd.name} publishes a release"
    if not vals:
        return None
    if owner_change(cmd, vals) in ("narrows", "reads"):
        return None  # removing a maintainer or a team's access is asked (publish.access-narrowed); a listing reads
    found = _group_change(cmd, vals) or _build_pushes(cmd, vals)
    if found:
        return found
    first = vals[0]
    if cmd.name in _NPM_FAMILY:
        return npm_registry_change(cmd, vals)
    if cmd.name == "gh":
        if first == "release" and len(vals) > 1 and vals[1] == "create" and "--draft" in every:
            return None  # a draft is visible only to the repository's collaborators
        if first == "release" and len(vals) > 1 and vals[1] in ("create", "upload", "edit") and _own_repository(cmd, sc):
            return None  # a release of the project's own repository: asked (publish.own-release)
        if first == "release" and len(vals) > 1 and vals[1] in ("create", "upload", "edit", "delete"):
            return f"gh release {vals[1]} publishes or changes a release"
        return None
    if cmd.name == "dotnet" and first == "nuget":
        return None  # its registry verbs are _REGISTRY_GROUPS'; the others (locals, list, add source) stay here
    if cmd.name in ("dart", "flutter") and first == "pub":
        return f"{cmd.name} pub publish publishes the package" if vals[1:2] == ["publish"] else None
    if first in subs:
        return f"{cmd.name} {first} publishes outside the organisation"
    return None


# Who may publish a package, changed by a registry client's owner and access commands (each client's reference: npm
# owner/access/team/org, yarn 1's owner, cargo owner --add/--remove/--list, gem owner -a/-r, mix hex.owner
# add/remove/transfer): widening it -- another account may then publish under the package's name at once -- stays
# publish.package (deny); narrowing it (an owner removed, a team's access revoked, a member removed) takes no code
# anywhere and an owner who remains undoes it, so it is asked (publish.access-narrowed, fix19b; ord18 found it denied);
# a listing only reads. A team destroyed (`npm team destroy`) loses its members and grants for good: it stays denied.
_NPM_NARROWING = {
    "owner": frozenset({"rm", "remove"}),
    "access": frozenset({"revoke"}),
    "team": frozenset({"rm", "remove"}),
    "org": frozenset({"rm", "remove"}),
}
_NPM_WIDENING = {"owner": frozenset({"add"}), "access": frozenset({"grant"}), "team": frozenset({"add", "create"}), "org": frozenset({"set"})}


def owner_change(cmd: SimpleCommand, vals: list[str]) -> str | None:
    """ "narrows", "widens" or "reads" for a command that changes or lists who may publish a package, else None."""
    name = cmd.name
    every = cmd.values()
    if name in _NPM_FAMILY and name != "bun":  # (bun implements no owner or access command)
        ops = vals[1:] if name == "yarn" and vals[:1] == ["npm"] else vals
        if len(ops) < 2 or ops[0] not in _NPM_NARROWING:
            return None
        if ops[1] in _NPM_NARROWING[ops[0]]:
            return "narrows"
        return "widens" if ops[1] in _NPM_WIDENING[ops[0]] else None
    if name in ("cargo", "gem") and vals[:1] == ["owner"]:
        if any(v.startswith("--add") or (v.startswith("-a") and not v.startswith("--")) for v in every):
            return "widens"
        if any(v.startswith("--remove") or (v.startswith("-r") and not v.startswith("--")) for v in every):
            return "narrows"
        return "reads"  # cargo owner --list, gem owner GEM: the owners listed
    if name == "mix":
        steps = [p for v in vals[:3] for p in v.split(".")]
        if steps[:2] == ["hex", "owner"] and len(steps) > 2:
            return "narrows" if steps[2] == "remove" else "reads" if steps[2] in _GROUP_READS else "widens"
    return None


@rule(
    id="publish.access-narrowed",
    title="Removing who may publish a package",
    why=(
        "`npm owner rm`, `npm access revoke`, `cargo owner --remove`, `gem owner -r`, `mix hex.owner remove` take a "
        "maintainer's or a team's right to publish away: nothing is published and an owner who remains can give it "
        "back, but an account removing itself, or the last maintainer but one, may lock the package; whether that is "
        "wanted is the user's to say. Giving the right to another account stays publish.package (deny): that account "
        "may publish under the package's name at once."
    ),
    verdict=ASK,
    commands=("npm", "pnpm", "yarn", "cargo", "gem", "mix"),
    match=(
        "npm owner rm alice mypkg",
        "npm access revoke @myorg:devs mypkg",
        "yarn owner remove bob pkg",
        "cargo owner --remove bob mycrate",
        "gem owner mygem -r bob@example.com",
        "mix hex.owner remove acme bob",
    ),
    no_match=("npm owner ls mypkg", "npm owner add bob mypkg", "cargo owner --list mycrate", "gem owner mygem", "npm access list packages"),
)
def access_narrowed(cmd: SimpleCommand, sc: Scope) -> str | None:
    vals = [v for v in cmd.values() if not v.startswith("-")]
    if owner_change(cmd, vals) != "narrows":
        return None
    return f"{cmd.name} {' '.join(vals[:2])} removes who may publish the package"


def _own_repository(cmd: SimpleCommand, sc: Scope) -> bool:
    """Whether gh's release command is for the project's own repository: no -R/--repo and no GH_REPO, run in the
    project (gh takes the working directory's repository), or a repository named OWNER/NAME (or HOST/OWNER/NAME) that is one of the
    project's git remotes or, where its git configuration cannot be read, whose NAME is the project folder's name (a
    checkout is named after its repository). gh releases only where the user's token may write; a release puts notes
    and files on the repository's page, as a pushed tag does (allowed), and is undone by `gh release delete`. Publishing
    to a package registry is another matter (npm, PyPI, crates: permanent), and so is deleting a release (asked by
    gh.destructive, denied here). Round 12 ordinary: `gh release create v0.1.0 --repo OWNER/PROJECT` was denied."""
    from ..pathstr import basename, join
    from .credtext import _content

    if "GH_REPO" in cmd.assigns:
        return False
    words = cmd.values()
    named = ""
    for i, v in enumerate(words):
        if v in ("-R", "--repo"):
            named = words[i + 1] if i + 1 < len(words) else ""
            if not named:
                return False
        elif v.startswith("--repo="):
            named = v[len("--repo=") :]
        elif v.startswith("-R") and len(v) > 2:
            named = v[2:]
    root = sc.ctx.project_root
    if not root:
        return False
    if not named:
        # the repository of the folder gh runs in: the project's, where that folder is in the project
        cwd = cmd.cwd
        return cmd.remote is None and cwd is not None and (cwd == root or cwd.startswith(root.rstrip("/") + "/"))
    parts = [p for p in named.strip("/").split("/") if p]
    if len(parts) not in (2, 3) or any(not p.replace("-", "").replace("_", "").replace(".", "").isalnum() for p in parts):
        return False
    slug = "/".join(parts[-2:]).lower()
    text = _content(join(root, ".git/config"), sc)
    if text is not None:
        from ..policy.repos import canonical_remote, remote_urls

        for url in remote_urls(text):
            remote = canonical_remote(url).lower().removesuffix(".git")
            if remote.endswith("/" + slug) and (len(parts) == 2 or remote.startswith(parts[0].lower() + "/")):
                return True
        return False
    return basename(root.rstrip("/")).lower() == parts[-1].lower()


@rule(
    id="publish.own-release",
    title="A release of the project's own GitHub repository",
    why=(
        "`gh release create|upload|edit` for the repository the project is a checkout of puts notes and files on its "
        "public page and commonly starts the repository's release workflows (the ones that publish packages and "
        "images). That is the project's ordinary release work when the user asked for it, and an outward-facing act "
        "when they did not: a person confirms. Another repository's release stays denied (publish.package); a draft, "
        "visible to collaborators only, is allowed."
    ),
    verdict=ASK,
    alternative="create it as a draft (`gh release create TAG --draft`) and let the user publish it",
    commands=("gh",),
    match=(
        "gh release create v9.9.9 --generate-notes",
        "gh release upload v1 dist/app.tgz --repo ana/webapp",
        "cd src && gh release edit v1.2.0 --notes x",
    ),
    no_match=(
        "gh release create v1 --draft",
        "gh release list",
        "gh release view v1",
        "gh release create v1 --repo someone/else",
    ),
)
def own_release(cmd: SimpleCommand, sc: Scope) -> str | None:
    vals = cmd.values()
    ops = [v for v in vals if not v.startswith("-")]
    if ops[:1] != ["release"] or len(ops) < 2 or ops[1] not in ("create", "upload", "edit"):
        return None
    if ops[1] == "create" and "--draft" in vals:
        return None
    if not _own_repository(cmd, sc):
        return None
    return f"gh release {ops[1]} publishes a release of the project's own repository (and may start its release workflows)"


# Gradle's options whose value is the next word (a task excluded with -x is not run).
_GRADLE_VALUED = frozenset(
    {"-x", "--exclude-task", "-p", "--project-dir", "-b", "--build-file", "-c", "--settings-file", "-I", "--init-script"}
    | {"-g", "--gradle-user-home", "--tests", "--console", "--warning-mode", "--max-workers", "-D", "-P", "--priority"}
)  # fmt: skip
_UPLOAD_WORDS = frozenset({"publish", "upload", "deliver", "distribute", "submit", "promote"})


def _camel_words(task: str) -> list[str]:
    """The words of a camelCase task name, lower-cased: publishReleaseBundle -> publish, release, bundle."""
    out: list[str] = []
    cur = ""
    for ch in task:
        if ch.isupper() and cur:
            out.append(cur)
            cur = ""
        cur += ch.lower()
    return out + ([cur] if cur else [])


@rule(
    id="publish.build-task-upload",
    title="A build task that sends what was built to a store, a tester group or a service",
    why=(
        "Gradle plugins name their upload tasks with a publishing verb in the task's camelCase name: Gradle Play "
        "Publisher's publishReleaseBundle and publishApps send the app to Google Play, Firebase's "
        "appDistributionUploadRelease to testers, uploadCrashlyticsSymbolFileRelease symbols to Crashlytics. The build "
        "leaves the machine for a service, which a person may well want: asked, as other uploads to a store are. The "
        "registry tasks publish.package names (publish, publishToMavenCentral, publishPlugins) are denied there; "
        "publishToMavenLocal and every *ToMavenLocal task fill this machine's own repository."
    ),
    verdict=ASK,
    commands=("gradle", "gradlew", "./gradlew"),
    match=(
        "./gradlew publishReleaseBundle",
        "gradle :app:publishBundle --track internal",
        "./gradlew appDistributionUploadRelease",
        "./gradlew clean promoteReleaseArtifact",
    ),
    no_match=(
        "./gradlew publishToMavenLocal",
        "./gradlew :lib:publishAllPublicationsToMavenLocal",
        "./gradlew assembleRelease bundleRelease",
        "./gradlew build -x publishReleaseBundle",
        "./gradlew publish",
        "./gradlew generatePomFileForMavenPublication",
    ),
)
def build_task_upload(cmd: SimpleCommand, sc: Scope) -> str | None:
    if cmd.name.rsplit("/", 1)[-1] not in ("gradle", "gradlew"):
        return None
    registry = _PUBLISH.get("gradle", ())
    skip = False
    for w in cmd.args:
        v = w.value
        if skip:
            skip = False
            continue
        if v in _GRADLE_VALUED:
            skip = True
            continue
        if v.startswith("-") or "=" in v or not v:
            continue
        task = v.rsplit(":", 1)[-1]
        words = _camel_words(task)
        if task in registry or (words[-1:] == ["local"] and "to" in words):
            continue  # a registry's (publish.package) or this machine's Maven repository
        if any(x in _UPLOAD_WORDS for x in words):
            return f"{cmd.name} {v} sends what was built to a store or a service"
    return None
