"""Cloud and infrastructure: destroying resources, unattended changes, production contexts."""

from __future__ import annotations

from ..lazyre import IGNORECASE, lazy
from ..model import ASK, SOFT_DENY
from ..paths import DYN
from ..shell.options import modelled, normalise
from .base import rule
from .gates import alias_delete

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..scope import Scope
    from ..shell.ir import SimpleCommand
    from ..shell.options import Norm

_PROD = lazy(r"(?:^|[-_.:/=])(?:prod|production|prd|live)(?:$|[-_.:/0-9])", IGNORECASE)


def is_production(text: str) -> bool:
    return bool(_PROD.search(text))


# Global options that take a value, so that `kubectl --context prod delete …` reads as "delete".
_VALUE_FLAGS = frozenset(
    {
        "--context",
        "-n",
        "--namespace",
        "--cluster",
        "--kubeconfig",
        "--user",
        "-s",
        "--server",
        "--kube-context",
        "--profile",
        "--region",
        "--project",
        "-g",
        "--resource-group",
        "--subscription",
        "--output",
        "-o",
        "--chdir",
    }
)


# Platforms whose CLIs deploy and delete with the developer's credentials.
_PAAS = ("firebase", "supabase", "wrangler", "railway", "render", "pscale", "neonctl", "turso", "amplify")


def _takes_value(name: str, flag: str, first: bool) -> bool:
    """Whether *flag* (a word starting with `-`, no `=` in it) takes the next word as its value: a flag of _VALUE_FLAGS,
    and before the first operand one the CLI's option table (or optables.GLOBAL_VALUES) says takes one."""
    if flag in _VALUE_FLAGS:
        return True
    if not first or "=" in flag:
        return False
    from ..shell.optables import GLOBAL_VALUES

    table = GLOBAL_VALUES.get(name)
    if table is not None:
        return flag in table
    if not modelled(name):
        return False
    from ..shell.options import REQUIRED, spec_for

    spec = spec_for(name)
    if spec is None:
        return False
    if flag.startswith("--"):
        opt = spec.longs.get(flag[2:])
    elif len(flag) == 2:
        opt = spec.shorts.get(flag[1])
    else:
        return False  # a cluster (-qc prod) is not read
    return opt is not None and opt.arg == REQUIRED


def _ops(cmd: SimpleCommand) -> list[str]:
    """The operands of *cmd*: its words without options and the values of those that take one (the listed global
    options, and the program's own valued options where its option table knows them: `docker -H ssh://prod volume rm`
    is `volume rm`)."""
    out: list[str] = []
    skip = False
    for v in cmd.values():
        if skip:
            skip = False
            continue
        if v.startswith("-"):
            skip = _takes_value(cmd.name, v, not out)
            continue
        out.append(v)
    return out


@rule(
    id="cloud.iac-destroy",
    title="Destroying infrastructure or applying changes unattended (terraform, pulumi, cdk, serverless)",
    why="destroy removes every resource of a stack; apply with auto-approve changes real infrastructure without a person reading the plan.",
    verdict=SOFT_DENY,
    alternative=(
        "show what would change first (`terraform plan`, `terraform plan -destroy`, `pulumi preview`, `cdk diff`) and let the"
        " user apply or destroy it themselves"
    ),
    commands=("terraform", "tofu", "terragrunt", "pulumi", "cdk", "serverless", "sls", "sam", "cdktf"),
    match=(
        "terraform destroy",
        "pulumi destroy --yes",
        "terraform apply -auto-approve",
        "pulumi up --yes",
        "cdk destroy --force",
        "terraform state rm aws_instance.web",
        "terraform apply -destroy",
        "serverless remove --stage prod",
        "terraform workspace delete prod",
        "terragrunt run-all destroy",
        "pulumi stack rm prod --yes",
        "terraform -chdir=infra apply --auto-approve",
        "tofu destroy -auto-approve",
    ),
    no_match=(
        "terraform apply -auto-approve=false",
        "terraform plan",
        "terraform init",
        "terraform fmt",
        "pulumi preview",
        "cdk synth",
        "terraform validate",
        "terraform plan -destroy",
        "terraform workspace delete",
    ),
)
def iac_destroy(cmd: SimpleCommand, sc: Scope) -> str | None:
    if cmd.name in ("terraform", "tofu"):
        return _terraform_destroy(cmd)
    vals = cmd.values()
    ops = _ops(cmd)
    if not ops:
        return None
    if cmd.name == "terragrunt" and ops[0] in ("run-all", "run", "--all") and len(ops) > 1:
        ops = ops[1:]
    sub = ops[0]
    if sub in ("plan", "preview", "show", "validate", "diff", "synth"):
        return None  # nothing changes, even with -destroy
    if sub in ("destroy", "remove", "delete") or "-destroy" in vals:
        return f"{cmd.name} {sub} deletes the infrastructure it manages"
    if sub in ("workspace", "stack") and len(ops) > 1 and ops[1] in ("delete", "rm", "remove"):
        return f"{cmd.name} {sub} {ops[1]} deletes a {sub} and the state that tracks its infrastructure"
    if sub == "state" and len(ops) > 1 and ops[1] in ("rm", "push", "replace-provider"):
        return f"{cmd.name} state {ops[1]} edits the state of real infrastructure"
    if sub in ("apply", "up", "deploy", "update", "import", "taint", "force-unlock", "refresh"):
        unattended = any(
            v in ("-auto-approve", "--auto-approve", "--yes", "-y", "--skip-preview", "--force", "--require-approval=never")
            or v.startswith("--require-approval")
            for v in vals
        )
        if unattended or sub in ("taint", "force-unlock"):
            return f"{cmd.name} {sub} changes real infrastructure without a person reviewing the plan"
    return None


# The terraform/tofu commands that act on operands they require, and how many: given fewer, terraform prints the
# command's usage ("Expected a single argument: NAME.") and changes nothing (`terraform workspace delete` deletes no
# workspace; it does not fall back to the current one, as `pulumi stack rm` does).
_TERRAFORM_OPERANDS: dict[tuple[str, ...], int] = {
    ("workspace", "delete"): 1,
    ("state", "rm"): 1,
    ("state", "push"): 1,
    ("state", "replace-provider"): 2,
    ("state", "mv"): 2,
    ("taint",): 1,
    ("untaint",): 1,
    ("import",): 2,
    ("force-unlock",): 1,
}


def _terraform_usage_only(cmd: SimpleCommand) -> bool:
    """terraform or tofu given fewer operands than its command requires: it prints the usage and changes nothing."""
    if cmd.name not in ("terraform", "tofu"):
        return False
    nc = normalise(cmd)
    needed = _TERRAFORM_OPERANDS.get(nc.sub[:2]) or _TERRAFORM_OPERANDS.get(nc.sub[:1])
    return needed is not None and len(nc.words) < needed


def _terraform_destroy(cmd: SimpleCommand) -> str | None:
    """terraform/tofu read with Go's flag rules: -flag and --flag alike, -auto-approve=false turns it off."""
    nc = normalise(cmd)
    if not nc.sub:
        return None
    sub = nc.sub[0]
    tool = cmd.name
    if sub in ("plan", "show", "validate", "fmt", "output", "graph", "providers", "console", "init", "version"):
        return None  # nothing changes, even with -destroy
    if _terraform_usage_only(cmd):
        return None  # the usage is printed: an operand it requires is missing (`terraform workspace delete`)
    if sub == "destroy" or (sub == "apply" and nc.has("destroy")):
        return f"{tool} {sub} deletes the infrastructure it manages"
    if nc.sub[:1] == ("workspace",) and nc.sub[1:2] == ("delete",):
        return f"{tool} workspace delete deletes a workspace and the state that tracks its infrastructure"
    if nc.sub[:1] == ("state",) and nc.sub[1:2] in (("rm",), ("push",), ("replace-provider",)):
        return f"{tool} state {nc.sub[1]} edits the state of real infrastructure"
    if sub in ("taint", "force-unlock"):
        return f"{tool} {sub} changes real infrastructure without a person reviewing the plan"
    if sub in ("apply", "import", "refresh") and nc.has("auto-approve"):
        return f"{tool} {sub} changes real infrastructure without a person reviewing the plan"
    return None


@rule(
    id="cloud.iac-apply",
    title="Applying infrastructure changes",
    why="Even an interactive apply changes real resources; an agent cannot answer the confirmation a person would read.",
    verdict=ASK,
    alternative="run `terraform plan` and show the plan to the user",
    alternatives={
        "pulumi": "run `pulumi preview` and show it to the user",
        "cdk": "run `cdk diff` and show it to the user",
        "cdktf": "run `cdktf diff` and show it to the user",
        "tofu": "run `tofu plan` and show the plan to the user",
        "terragrunt": "run `terragrunt plan` and show the plan to the user",
    },
    commands=("terraform", "tofu", "terragrunt", "pulumi", "cdk", "serverless", "sls", "sam", "cdktf"),
    match=("terraform apply", "pulumi up", "cdk deploy", "sam deploy", "terraform state mv a.b a.c", "terraform untaint aws_instance.foo"),
    no_match=("terraform plan", "terraform apply -auto-approve", "terraform output", "terraform state list", "terraform state show a.b"),
)
def iac_apply(cmd: SimpleCommand, sc: Scope) -> str | None:
    if _terraform_usage_only(cmd):
        return None  # `terraform taint`, `terraform state push`: the usage is printed, nothing changes
    ops = _ops(cmd)
    if ops and ops[0] in ("apply", "up", "deploy", "import") and not iac_destroy(cmd, sc):
        return f"{cmd.name} {ops[0]} changes real infrastructure"
    if ops and (ops[0] in ("untaint", "taint") or ops[:2] in (["state", "mv"], ["state", "replace-provider"], ["state", "push"])) and not iac_destroy(cmd, sc):
        return f"{cmd.name} {' '.join(ops[:2])} changes what the state records of real infrastructure"
    return None


_KUBE_READ_SUBS = frozenset({"status", "history", "can-i", "whoami"})
# kubectl's command groups and their commands: the group alone, or with a word that is none of them, runs nothing
# (oc's groups have more: `oc rollout latest`, `oc set triggers`).
_KUBE_GROUPS = {
    "rollout": frozenset({"history", "pause", "restart", "resume", "status", "undo"}),
    "set": frozenset({"env", "image", "resources", "selector", "serviceaccount", "subject"}),
    "certificate": frozenset({"approve", "deny"}),
    # `auth can-i` and `auth whoami` read; `auth reconcile` creates and updates RBAC roles and bindings (a change).
    "auth": frozenset({"can-i", "reconcile", "whoami"}),
}
_KUBE_READ = frozenset(
    {
        "get",
        "describe",
        "logs",
        "top",
        "explain",
        "api-resources",
        "api-versions",
        "version",
        "cluster-info",
        "config",
        "diff",
        "events",
        "wait",
        "port-forward",
        "completion",
        "kustomize",
        "plugin",
        "help",
    }
)
_KUBE_DELETE = frozenset({"delete", "drain", "replace"})


def _kube_target(vals: list[str]) -> str:
    out = []
    for i, v in enumerate(vals):
        if v in ("-n", "--namespace", "--context", "--cluster", "--kube-context") and i + 1 < len(vals):
            out.append(vals[i + 1])
        elif v.startswith(("--namespace=", "--context=", "--cluster=", "--kube-context=")):
            out.append(v.split("=", 1)[1])
    return " ".join(out)


_LOCAL_CLUSTERS = ("kind-", "minikube", "k3d-", "docker-desktop", "rancher-desktop", "colima", "orbstack", "microk8s")


def _dry_run(cmd: SimpleCommand) -> bool:
    """Whether the command only pretends: its last --dry-run (pflag: the last value wins) is not "none"."""
    if modelled(cmd.name):
        nc = normalise(cmd)
        return nc.has("dry-run") and nc.value("dry-run") not in ("none", "false")
    return any(v in ("--dry-run", "--dry-run=client", "--dry-run=server") for v in cmd.values())


# `helm uninstall --help`: "Aliases: uninstall, del, delete, un" (metamorphic round 12: `helm un` was allowed).
_HELM_UNINSTALL = ("uninstall", "delete", "del", "un")


@rule(
    id="cloud.kube-delete",
    title="Deleting Kubernetes resources or draining nodes",
    why="kubectl delete / helm uninstall remove workloads and, with volumes, their data; --all multiplies the damage.",
    verdict=SOFT_DENY,
    alternative="check with `kubectl delete --dry-run=client`, or scale down (`kubectl scale --replicas=0`) instead of deleting",
    alternatives={
        "helm": "check with `helm uninstall RELEASE --dry-run`, or roll the release back (`helm history RELEASE` lists its revisions) instead of removing it",
        "oc": "check with `oc delete --dry-run=client`, or scale down (`oc scale --replicas=0`) instead of deleting",
    },
    commands=("kubectl", "oc", "helm", "k9s", "kubecolor"),
    match=(
        "kubectl delete deployment api -n production",
        "kubectl delete pvc --all",
        "helm delete web --namespace prod",
        "helm uninstall web",
        "kubectl drain node-1",
        "kubectl delete ns staging",
        "kubectl -n prod delete --force=true pod x",
        "kubectl delete pod api-7d9f8 -n production",
        "kubectl delete pods --all -n dev",
    ),
    no_match=(
        "kubectl --context kind-dev delete ns test",
        "kubectl delete pod x --dry-run=client",
        "kubectl get pods",
        "kubectl logs api-1",
        "helm list",
        "helm template ./chart",
        "kubectl describe pod x",
        "kubectl delete pod api-7d9f8 -n dev",
    ),
)
def kube_delete(cmd: SimpleCommand, sc: Scope) -> str | None:
    ops = _ops(cmd)
    if not ops or _dry_run(cmd):
        return None
    if cmd.name == "helm":
        if ops[0] in _HELM_UNINSTALL or ops[0] == "rollback":
            return f"helm {ops[0]} removes or rolls back a release"
        return None
    nc = normalise(cmd)
    verb = nc.sub[0] if nc.sub else ""
    if nc.has("dry-run") and nc.value("dry-run") != "none":
        return None
    if verb in _KUBE_DELETE:
        context = nc.value("context") or ""
        if context.startswith(_LOCAL_CLUSTERS) and not nc.has("server"):
            return None  # a cluster on this machine (kind, minikube, k3d): cloud.kube-change asks
        target = _kube_target(cmd.values())
        if verb == "delete" and _only_pods(nc) and not (target and is_production(target)):
            return None  # cloud.kube-change asks: a pod is replaced by the controller that made it
        where = f" in {target}" if target else ""
        return f"kubectl {verb} {' '.join(nc.pos[:2])}{where} removes running resources"
    return None


_POD_KINDS = frozenset({"pod", "pods", "po"})


def _only_pods(nc: Norm) -> bool:
    """`kubectl delete pod NAME…` (or pod/NAME, -l SELECTOR) of some pods, not every pod (--all, -A): what a
    deployment's controller replaces, the everyday restart of a workload in development. Whether a pod had no
    controller cannot be seen; a person confirms (cloud.kube-change). With no name kubectl deletes nothing."""
    if not nc.pos or nc.has("all", "all-namespaces", "A"):
        return False
    first = nc.pos[0].lower()
    if first in _POD_KINDS:
        return not any("/" in p for p in nc.pos[1:])
    return all(p.lower().partition("/")[0] in _POD_KINDS and "/" in p for p in nc.pos)


@rule(
    id="cloud.kube-change",
    title="Changing Kubernetes resources, and anything at all against a production context",
    why="apply/patch/scale/exec change live workloads; in a production context or namespace even these need a person.",
    verdict=ASK,
    alternative="preview with `kubectl diff -f FILE` or `kubectl apply --dry-run=server -f FILE`",
    alternatives={
        "helm": "render it first (`helm template RELEASE CHART`) and compare it with what runs (`helm get manifest RELEASE`); the helm-diff plugin shows both at once",
        "oc": "preview with `oc diff -f FILE` or `oc apply --dry-run=server -f FILE`",
    },
    commands=("kubectl", "oc", "helm"),
    match=(
        "kubectl apply -f deploy.yaml",
        "kubectl scale deploy api --replicas=0",
        "helm upgrade web ./chart",
        "kubectl exec -it api -- sh",
        "kubectl rollout restart deploy/api --context prod-eu",
        "kubectl delete pod api-7d9f8 -n dev",
    ),
    no_match=(
        "kubectl get pods",
        "helm lint ./chart",
        "kubectl delete deploy x",
        "kubectl rollout status deploy/web",
        "kubectl auth can-i list pods",
        "kubectl proxy --port=8001",
        "kubectl cp api-7d9f:/tmp/heap.hprof ./heap.hprof",
    ),
)
def kube_change(cmd: SimpleCommand, sc: Scope) -> str | None:
    if _dry_run(cmd):
        return None  # nothing changes
    ops = _ops(cmd)
    if not ops or kube_delete(cmd, sc):
        return None
    if cmd.name == "helm":
        # `helm repo add|update|remove|index` change only this machine's list of chart repositories (or write an
        # index.yaml): what a later install takes from one is judged then.
        if ops[0] in ("install", "upgrade", "push"):
            return f"helm {ops[0]} changes a cluster or chart repository"
        return None
    if ops[0] in _KUBE_READ:
        if ops[0] == "config" and len(ops) > 1 and ops[1] in ("use-context", "set-context", "set-credentials", "delete-context", "set-cluster"):
            if ops[1] == "use-context" and len(ops) > 2 and ops[2].startswith(_LOCAL_CLUSTERS):
                return None  # a cluster on this machine (kind, minikube, k3d, Docker Desktop)
            return f"kubectl config {ops[1]} changes which cluster later commands reach"
        return None
    if ops[0] in ("rollout", "auth", "certificate") and len(ops) > 1 and ops[1] in _KUBE_READ_SUBS:
        return None  # kubectl rollout status/history, auth can-i/whoami: reads
    if cmd.name == "kubectl" and ops[0] in _KUBE_GROUPS and (len(ops) < 2 or ops[1] not in _KUBE_GROUPS[ops[0]]):
        return None  # `kubectl rollout`, `kubectl set`: a group without one of its commands prints its usage (or an error)
    if ops[0] == "cp" and _copies_from_pod(cmd, sc):
        target = _kube_target(cmd.values())
        if not (target and is_production(target)):
            return None  # kubectl cp POD:PATH LOCAL: a read of the cluster, landing in the project or temp
    if ops[0] == "proxy":
        # A proxy to the API server on this machine, as port-forward is: it changes nothing by itself. Listening on
        # another address hands the user's cluster credentials to whoever reaches it.
        nc = normalise(cmd)
        address = nc.value("address") if nc.has("address") else "127.0.0.1"
        if address in ("127.0.0.1", "localhost", "::1") and not any(v.startswith("--accept-hosts") for v in cmd.values()):
            return None
        return f"kubectl proxy serves the cluster's API with your credentials on {address}"
    target = _kube_target(cmd.values())
    if target and is_production(target):
        return f"kubectl {ops[0]} against production ({target})"
    if ops[0] == "delete":
        return "kubectl delete pod deletes running pods: the controller that made one replaces it, one made without a controller is gone"
    return f"kubectl {ops[0]} changes live cluster resources"


def _copies_from_pod(cmd: SimpleCommand, sc: Scope) -> bool:
    """`kubectl cp [NS/]POD:PATH LOCAL`: from a pod into the project or the temp directory (kubectl's copy is not a
    modelled write, so a destination elsewhere stays asked), the pod's path not a secret's place in a pod
    (`/var/run/secrets/…`, a token or key name): copying those out is asked, as `kubectl exec … cat` is."""
    ops: list[str] = []
    vals = cmd.values()
    i = 0
    while i < len(vals):
        v = vals[i]
        if v.startswith("-"):
            i += 2 if (v in _VALUE_FLAGS or v in ("-c", "--container", "--retries")) else 1
            continue
        ops.append(v)
        i += 1
    if len(ops) != 3:
        return False
    src, dest = ops[1], ops[2]
    pod, colon, path = src.partition(":")
    if not colon or not pod or ":" in dest or DYN in src or DYN in dest:
        return False
    low = path.lower()
    if any(w in low for w in ("secret", "token", "credential", ".ssh", "key", ".aws", "kubeconfig", "passw")):
        return False
    from .. import paths

    landing = sc.path(dest, cmd)
    if paths.protected_reason(landing, sc.ctx) or paths.protected_reason(landing.rstrip("/") + "/x", sc.ctx):
        return False  # agent settings, git hooks, start-up files: what lands there is judged by a person
    return sc.inside_project(landing) or sc.in_temp(landing)


# The commands that switch a CLI's *current* target -- the cluster, namespace, daemon, account, project, workspace or
# stack every later call of that CLI reaches without naming one -- as a path of operands after the program, the
# operand that names the new target following it (None: the first operand after the path). A table of each tool's
# selector (its grammar has no structure clearance could read it from); `kubectl config use-context` (cloud.kube-change)
# and `gcloud config set project` (cloud.change) are the same switch and are asked there. Adversarial round 14b.
# `export DOCKER_HOST=…`/`KUBECONFIG=…` is not among them: an export ends with the call's shell (as `export
# LD_PRELOAD=…` alone does), and within the call the allow rules' matching reads it (policy/patterns._TARGET_GROUPS).
_TARGET_SELECTORS: dict[str, tuple[tuple[str, ...], ...]] = {
    "kubectx": ((),),
    "kubens": ((),),
    "kubie": (("ctx",), ("ns",)),
    "docker": (("context", "use"),),
    "podman": (("system", "connection", "default"),),
    "az": (("account", "set"),),
    "terraform": (("workspace", "select"),),
    "tofu": (("workspace", "select"),),
    "terragrunt": (("workspace", "select"),),
    "pulumi": (("stack", "select"),),
    "firebase": (("use",),),
    "gcloud": (("config", "configurations", "activate"),),
    "heroku": (("git:remote",),),
    "oc": (("project",),),
}
# Targets on this machine: a local cluster's context (cloud.kube-change's), Docker's own contexts for the local daemon.
_LOCAL_DAEMONS = frozenset({"default", "desktop-linux", "rootless", "colima", "orbstack"})


def _local_target(value: str) -> bool:
    low = value.lower()
    if low.startswith(("unix://", "npipe://")) or low in ("-", ""):
        return low != "-"
    host = low.split("://", 1)[1] if "://" in low else ""
    host = host.split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    return host in ("localhost", "127.0.0.1", "::1", "[::1]") or low in _LOCAL_DAEMONS or low.startswith(_LOCAL_CLUSTERS)


# Names of a development environment: switching later commands onto one of these points them away from anything that
# matters (`terraform workspace select dev`); a name that also names production is not one.
_DEV_WORDS = frozenset({"dev", "devel", "development", "local", "test", "testing", "sandbox", "scratch", "playground"})


def _development_target(value: str) -> bool:
    low = value.lower()
    if is_production(low):
        return False
    return any(part in _DEV_WORDS for part in low.replace("_", "-").replace("/", "-").replace(".", "-").replace(":", "-").split("-"))


@rule(
    id="cloud.target-switch",
    title="Switching which cluster, daemon, account or workspace later commands reach",
    why=(
        "kubectx, kubens, `docker context use`, `az account set`, `terraform workspace select` and `pulumi stack select` "
        "change what every later unqualified command of that CLI acts on -- and what "
        "the user's allow rules that name no target mean -- as `kubectl config use-context` does. Which target the user "
        "wants depends on their intent: a person confirms. Local clusters and daemons stay allowed."
    ),
    verdict=ASK,
    commands=tuple(_TARGET_SELECTORS),
    match=(
        "kubectx prod",
        "kubens kube-system",
        "docker context use prod",
        "az account set --subscription prod",
        "terraform workspace select prod",
        "pulumi stack select acme/prod",
        "kubie ctx prod",
        "podman system connection default prod",
    ),
    no_match=(
        "kubectx",
        "kubectx -c",
        "kubectx kind-dev",
        "terraform workspace select dev",
        "pulumi stack select acme/dev",
        "docker context ls",
        "docker context use default",
        "terraform workspace list",
        "az account show",
        "terraform workspace show",
        "pulumi stack ls",
    ),
)
def target_switch(cmd: SimpleCommand, sc: Scope) -> str | None:
    ops = _ops(cmd)
    vals = cmd.values()
    for path in _TARGET_SELECTORS.get(cmd.name, ()):
        if tuple(ops[: len(path)]) != path:
            continue
        rest = ops[len(path) :]
        target = rest[0] if rest else ""
        if not target:
            # az account set --subscription NAME / -s NAME; kubectx - (the previous context)
            for i, v in enumerate(vals):
                if v in ("--subscription", "-s", "--name", "-n") and i + 1 < len(vals):
                    target = vals[i + 1]
                elif v.startswith("--subscription="):
                    target = v.split("=", 1)[1]
            if not target and "-" in vals and not path:
                target = "-"
        if not target or _local_target(target) or _development_target(target):
            return None
        what = " ".join((cmd.name, *path))
        return f"{what} {target} switches what every later {cmd.name if path else 'kubectl'} command reaches"
    return None


_AWS_READ = lazy(
    r"^(describe|list|get|head|show|lookup|search|scan|query|batch-get|filter|validate|estimate|simulate|test|preview|check|detect|download|select|wait|help|tail|start-query(?!-)|stop-query(?!-)|presign)"
)
# The verbs of a call that deletes or stops a resource (the operation name starts with one).
_AWS_DESTROY = (
    "delete",
    "terminate",
    "remove",
    "deregister",
    "destroy",
    "purge",
    "disable",
    "detach",
    "revoke",
    "cancel",
    "stop",
    "reset",
    "disassociate",
    "release",
    "deactivate",
    "abort",
    "drop",
    "rb",
    "rm",
)


def _pascal_destroys(word: str) -> bool:
    """An API action in PascalCase or camelCase whose verb destroys (Huawei Cloud's `hcloud ECS DeleteServers`,
    DeleteInstance; an OpenAPI operation id as `netlify api deleteSite` takes it: round miss19)."""
    if not (word[:1].isalpha() and word.isalnum() and any(c.islower() for c in word)):
        return False
    head = word[0] + "".join(c for c in _takewhile_lower(word[1:]))
    if len(head) >= len(word) or not word[len(head)].isupper():
        return False  # one word (`remove`, `deleted`), or the verb not followed by the name of what it acts on
    return head.lower() in ("delete", "destroy", "remove", "terminate", "purge", "drop", "release")


def _takewhile_lower(text: str) -> str:
    out = ""
    for c in text:
        if not c.islower():
            break
        out += c
    return out


def storage_dry_run(name: str, vals: list[str], ops: list[str]) -> bool:
    """Whether a storage client only lists what it would copy: aws --dryrun, gcloud/azcopy/rclone/mc/s3cmd --dry-run,
    gsutil rsync -n, rclone and s3cmd -n (gsutil cp -n is no-clobber, a real copy)."""
    last = None  # the last of --dry-run / --no-dry-run wins (argparse, awscli's boolean pairs)
    for v in vals:
        if v in ("--dryrun", "--dry-run") or v.startswith("--dry-run=true"):
            last = True
        elif v in ("--no-dryrun", "--no-dry-run") or v.startswith("--dry-run=false"):
            last = False
    if last is not None:
        return last
    if name in ("s3cmd", "rclone") or (name == "gsutil" and "rsync" in ops[:1]):
        return any(v.startswith("-") and not v.startswith("--") and "n" in v[1:] for v in vals)
    return False


def _aws_sends_nothing(vals: list[str], ops: list[str]) -> bool:
    """An aws API call that sends no request: --generate-cli-skeleton prints the request's (or a sample response's)
    JSON, and EC2's --dry-run only checks the caller's permission (the last of --dry-run/--no-dry-run wins)."""
    if any(v.startswith("--generate-cli-skeleton") for v in vals):
        return True
    return ops[:1] == ["ec2"] and storage_dry_run("aws", vals, ops)


# The words cloud.delete reads as a deletion in a client's subcommand path (sys.unknown-destructive-verb reads the
# other destroying words of the clients it models: _unmodelled_destroying_word).
DELETE_VERBS = ("delete", "del", "destroy", "remove", "rm", "terminate", "purge", "wipe", "drop", "reset", "down")


@rule(
    id="cloud.delete",
    title="Deleting or terminating cloud resources (aws, gcloud, az, gsutil, doctl, heroku, fly)",
    why="Deleted buckets, tables, instances and databases are usually gone with their data; no coding task should remove them unattended.",
    verdict=SOFT_DENY,
    commands=(
        "aws",
        "gcloud",
        "gsutil",
        "az",
        "doctl",
        "heroku",
        "fly",
        "flyctl",
        "vercel",
        "netlify",
        "linode-cli",
        "hcloud",
        "oci",
        "ibmcloud",
        "s3cmd",
        "rclone",
        "mc",
        *_PAAS,
    ),
    match=(
        "aws s3 rm s3://webapp-uploads --recursive",
        "firebase firestore:delete --all-collections",
        "wrangler r2 bucket delete assets",
        "supabase projects delete abc --linked",
        "pscale database delete shop",
        "turso db destroy app",
        "aws dynamodb delete-table --table-name sessions",
        "gcloud compute instances delete web-1 --quiet",
        "az vm delete -g prod -n web1 --yes",
        "aws ec2 terminate-instances --instance-ids i-1",
        "gsutil rm -r gs://bucket",
        "aws s3 rb s3://b --force",
        "gcloud sql instances delete db",
        "heroku apps:destroy myapp",
        "heroku destroy -a myapp",
        "aws s3 sync . s3://b --delete",
        "rclone purge remote:bucket",
        "mc mirror --remove local/a remote/b",
        "rclone --config ci.conf purge remote:bucket",
        "gsutil -u billing-project rm -r gs://bucket",
        "mc admin user remove myminio ana",
        "az storage container delete-policy --name p",
        "doctl compute droplet d web-1 --force",
        "doctl compute d d web-1",
    ),
    no_match=(
        "aws s3 ls",
        "aws s3 rm s3://prod-assets --recursive --dryrun",
        "rclone sync . remote:bucket -n",
        "aws sts get-caller-identity",
        "aws cognito-idp admin-get-user --user-pool-id p --username u",
        "gcloud compute instances list",
        "az vm list",
        "aws ec2 describe-instances",
        "gsutil ls gs://bucket",
        "supabase db reset",
        "firebase emulators:start",
        "heroku run rails db:migrate -a web",
        "doctl compute d list",
        "doctl compute d get web-1",
    ),
)
def cloud_delete(cmd: SimpleCommand, sc: Scope) -> str | None:
    name = cmd.name
    vals = cmd.values()
    ops = _ops(cmd)
    if not ops:
        return None
    if name in ("aws", "gsutil", "s3cmd", "mc", "rclone") and storage_dry_run(name, vals, ops):
        return None  # lists what it would delete
    if name == "aws" and any(v.startswith("--generate-cli-skeleton") for v in vals):
        return None  # prints the request's JSON skeleton; nothing is sent
    if name in ("aws",):
        if ops[0] == "s3":
            if len(ops) > 1 and ops[1] in ("rm", "rb", "mv"):
                return f"aws s3 {ops[1]} deletes objects or buckets"
            if "--delete" in vals:
                return "aws s3 sync --delete deletes objects missing from the source"
            return None
        op = ops[1] if len(ops) > 1 else ""
        if (op.removeprefix("admin-").startswith(_AWS_DESTROY) or "-delete" in op or "deletion" in op) and not op.startswith(("stop-logging", "cancel-")):
            return f"aws {ops[0]} {op} deletes or stops cloud resources"
        return None
    if name in ("gsutil", "s3cmd", "mc"):
        if ops[0] in ("rm", "rb", "del", "rmdir", "mv"):
            return f"{name} {ops[0]} deletes storage objects or buckets"
        if ops[0] == "rsync" and "-d" in vals:
            return f"{name} rsync -d deletes objects missing from the source"
        if ops[0] == "mirror" and "--remove" in vals:
            return f"{name} mirror --remove deletes objects missing from the source"
        if name != "mc":
            return None
        # mc admin …: bucket, policy, user removals are judged by their verbs below
    if name == "rclone":
        if ops[0] in ("delete", "deletefile", "purge", "rmdir", "rmdirs", "cleanup", "move", "sync"):
            return f"rclone {ops[0]} deletes files at the destination"
        return None
    if name in ("heroku",):
        # A heroku command is `topic:command`, `topic command` or a bare command (`heroku destroy` is apps:destroy);
        # `heroku run …` runs its operands on a dyno, where they are not heroku's.
        path = ops[0].split(":")
        if ":" not in ops[0] and ops[0] not in ("run", "local") and len(ops) > 1:
            path.append(ops[1])
        if any(p in ("destroy", "delete", "remove", "reset", "unset", "rm") for p in path[:3]):
            return f"heroku {' '.join(path)} deletes a resource"
        return None
    if name == "supabase" and ops[:2] == ["db", "reset"] and not ("--linked" in vals or any(v.startswith("--db-url") for v in vals)):
        return None  # resets the local development database
    if name == "gcloud" and ops[0] in ("alpha", "beta", "preview"):
        ops = ops[1:]  # a release track, not a command group: `gcloud alpha firestore indexes composite delete`
        if len(ops) > 4 and ops[3] not in ("delete", "destroy", "remove") and ops[4] in ("delete", "destroy", "remove"):
            ops = ops[:3] + ops[4:]  # four groups deep (firestore indexes composite): the verb is the fifth word
    verbs = DELETE_VERBS
    compound = ("delete-", "destroy-", "remove-", "purge-", "drop-", "terminate-")  # az storage blob delete-batch
    if any(
        o in verbs or o.startswith(compound) or o.endswith(("-delete", ":delete", ":destroy", ":remove", ":disable")) or _pascal_destroys(o) for o in ops[:4]
    ):
        return f"{name} {' '.join(ops[:4])} deletes cloud resources"
    alias = alias_delete(ops)
    if alias:
        return f"{name} {alias} (delete's one-letter alias) deletes cloud resources"
    return None


# The Vercel CLI as it reads its arguments: global options that take a value (so `vercel --token T --prod` has no
# operand), the commands that only read or work locally, the command groups whose `ls`/`inspect` only read; any other
# first operand is the directory `vercel [path]` deploys.
_VERCEL_VALUE_FLAGS = frozenset(
    {"--token", "-t", "--scope", "-S", "--team", "-T", "--cwd", "--local-config", "-A", "--global-config", "-Q"}
    | {"--env", "-e", "--build-env", "-b", "--meta", "-m", "--regions", "--archive", "--target", "--project"}
)
_VERCEL_LOCAL = frozenset({"ls", "list", "whoami", "login", "logout", "inspect", "logs", "link", "pull", "build", "dev", "help", "switch", "init", "telemetry"})
_VERCEL_GROUPS = frozenset(
    {"project", "projects", "teams", "team", "env", "domains", "domain", "dns", "certs", "alias", "aliases", "secrets", "integration", "git", "blob"}
)
_VERCEL_GROUP_READS = frozenset({"ls", "list", "inspect", "pull", "help"})


def _vercel_change(cmd: SimpleCommand) -> str | None:
    ops: list[str] = []
    skip = False
    for v in cmd.values():
        if skip:
            skip = False
            continue
        if v.startswith("-"):
            skip = "=" not in v and (v in _VERCEL_VALUE_FLAGS or v in _VALUE_FLAGS)
            continue
        ops.append(v)
    if not ops:
        return "vercel deploys the project (vercel with no command deploys)"
    first = ops[0]
    if first in _VERCEL_LOCAL:
        return None
    if first in _VERCEL_GROUPS:
        if ops[1:2] and ops[1] in _VERCEL_GROUP_READS:
            return None
        return f"vercel {' '.join(ops[:2])} changes a live project's settings"
    if first in ("deploy", "promote", "rollback", "redeploy", "scale"):
        return f"vercel {first} deploys or changes a live service"
    return f"vercel {first} deploys {first} (a first operand that is not a vercel command is the directory it deploys)"


@rule(
    id="cloud.change",
    title="Creating or changing cloud resources",
    why="Creating instances, changing IAM or deploying costs money and changes production systems; a person should see it.",
    verdict=ASK,
    commands=("aws", "gcloud", "az", "gsutil", "doctl", "heroku", "fly", "flyctl", "vercel", "netlify", "linode-cli", "hcloud", "oci", "mc", *_PAAS),
    match=(
        "gsutil iam ch allUsers:objectViewer gs://b",
        "gsutil acl ch -u AllUsers:R gs://b/x",
        "gsutil retention clear gs://b",
        "gsutil mb gs://new-bucket",
        "gsutil -o GSUtil:default_project_id=p iam set policy.json gs://b",
        "gsutil kms encryption -k projects/p/locations/l/keyRings/r/cryptoKeys/k gs://b",
        "firebase deploy --only hosting",
        "wrangler deploy",
        "supabase db push",
        "aws ec2 run-instances --image-id ami-1",
        "gcloud run deploy api --source .",
        "aws iam attach-role-policy --role-name r --policy-arn x",
        "az group create -n rg -l westeurope",
        "vercel --prod",
        "vercel --token abc123 --prod",
        "vercel ./site",
        "fly deploy",
        "heroku maintenance:on -a web",
        "netlify env:unset API_URL",
        "fly machine stop 148e3d4a",
        "heroku releases:rollback v12",
    ),
    no_match=(
        "vercel ls --token abc123",
        "vercel env pull",
        "heroku maintenance -a web",
        "fly secrets list -a web",
        "netlify sites:list",
        "heroku run rails db:migrate -a web",
        "vercel build",
        "aws s3 ls",
        "gcloud config list",
        "aws sts get-caller-identity",
        "aws cognito-idp admin-list-groups-for-user --user-pool-id p --username u",
        "gcloud auth list",
        "az account show",
        "aws s3 cp s3://b/x .",
        "gsutil iam get gs://b",
        "gsutil acl get gs://b/x",
        "gsutil ls -l gs://b",
        "gsutil kms encryption gs://b",
    ),
)
def cloud_change(cmd: SimpleCommand, sc: Scope) -> str | None:
    if cloud_delete(cmd, sc):
        return None
    ops = _ops(cmd)
    name = cmd.name
    if name == "vercel":
        return _vercel_change(cmd)
    if name in _PAAS or name in _PAAS_TOPICS:
        return _paas_change(name, ops)
    if not ops:
        return None
    if name == "gsutil":
        return _gsutil_change(cmd.values())
    if name == "mc":
        # MinIO's client: `mc admin` manages the server's users, policies and configuration; the rest moves objects
        # (cloud.delete judges removals, net rules uploads).
        verb = _change_after_noun(ops[1:]) if ops[0] == "admin" and len(ops) > 2 else None
        return f"mc admin {verb} changes a storage server's users, policies or configuration" if verb else None
    if name == "aws":
        if ops[:2] in (["configure", "set"], ["configure", "import"]):
            return f"aws configure {ops[1]} changes the credentials or defaults every later aws command uses"
        if ops[0] == "s3" or ops[0] in ("configure", "sts", "help", "sso"):
            return None
        if _aws_sends_nothing(cmd.values(), ops):
            return None
        op = ops[1] if len(ops) > 1 else ""
        if op and not _AWS_READ.match(op.removeprefix("admin-")):
            # Cognito's administrator operations name their verb after `admin-` (admin-get-user, admin-list-…).
            return f"aws {ops[0]} {op} changes cloud resources"
        return None
    if name == "gcloud":
        if ops[0] in ("config", "auth", "projects") and len(ops) > 1:
            # the account, project and defaults every later gcloud command uses; a project's life (create, undelete)
            verb = _change_after_noun(ops) or (ops[1] if ops[1] in ("activate-service-account",) else None)
            if verb and not (ops[0] == "auth" and ops[1] in ("login", "revoke")):
                return f"gcloud {' '.join(ops[:3])} changes {'the defaults or credentials of every later gcloud command' if ops[0] != 'projects' else 'a cloud project'}"
            return None
        if ops[0] in ("config", "auth", "info", "version", "help", "components", "init", "projects"):
            return None
        last = [o for o in ops if o not in ("alpha", "beta")]
        if any(
            _change(o)
            or o
            in (
                "create",
                "deploy",
                "update",
                "set-iam-policy",
                "add-iam-policy-binding",
                "resize",
                "start",
                "stop",
                "set",
                "patch",
                "import",
                "submit",
                "scp",
                "ssh",
            )
            for o in last[1:5]
        ):
            return f"gcloud {' '.join(last[:4])} changes cloud resources"
        return None
    if name == "az":
        if ops[:2] in (["config", "set"], ["config", "unset"]):
            return f"az config {ops[1]} changes the defaults every later az command uses"
        if ops[0] in ("login", "account", "version", "help", "config", "extension", "find", "upgrade"):
            return None
        if any(_change(o) or o in ("create", "update", "set", "start", "stop", "restart", "deploy", "assign", "up", "add", "import") for o in ops[1:5]):
            return f"az {' '.join(ops[:4])} changes cloud resources"
        return None
    if any(_change(o) or o in ("create", "deploy", "update", "scale", "resize", "apply", "set") for o in ops[:4]):
        return f"{name} {' '.join(ops[:3])} changes cloud resources"
    return None


# gsutil's settings commands, each `gsutil NAME ch|set|… TARGET` to change and `get`/`list` to read (gsutil help):
# who may read a bucket (acl, defacl, iam, the public-access switches), how long data is kept (retention, lifecycle,
# versioning), and the bucket's other settings. Objects themselves are cloud.delete's (rm, rb) and the net rules' (cp).
_GSUTIL_SETTINGS = frozenset(
    {"acl", "defacl", "iam", "label", "lifecycle", "retention", "versioning", "web", "cors", "logging", "notification"}
    | {"kms", "bucketpolicyonly", "ubla", "pap", "requesterpays", "autoclass", "rpo", "defstorageclass", "hmac"}
)  # fmt: skip
_GSUTIL_READS = frozenset({"get", "list", "ls", "help", "serviceaccount"})


def _gsutil_change(values: list[str]) -> str | None:
    """`gsutil iam ch allUsers:objectViewer gs://b`, `acl set public-read`, `retention clear`: a setting of a bucket
    or object changed (ask: granting the world read, dropping a retention lock); `mb` and `setmeta` change resources.
    gsutil's own options come before its command (`-o SECTION:KEY=V`, `-h HEADER`, `-i ACCOUNT`, `-u PROJECT` take a
    value); `gsutil kms encryption gs://b` only shows the key unless `-k KEY` or `-d` changes it."""
    i = 0
    while i < len(values) and values[i].startswith("-"):
        i += 2 if values[i] in ("-o", "-h", "-i", "-u") else 1
    rest = values[i:]
    ops = [v for v in rest if not v.startswith("-")]
    if not ops:
        return None
    if ops[0] in ("mb", "setmeta"):
        return f"gsutil {ops[0]} changes cloud resources"
    if ops[0] not in _GSUTIL_SETTINGS or len(ops) < 2 or ops[1] in _GSUTIL_READS:
        return None
    if ops[:2] == ["kms", "encryption"] and not any(v == "-d" or v.startswith("-k") for v in rest):
        return None
    return f"gsutil {ops[0]} {ops[1]} changes a bucket's or object's settings (who may read it, how long it is kept)"


# Verbs of the shared model (rules/system.py) that change a cloud resource, and three of the clouds' own (az sql db copy,
# az disk revoke-access, mc admin user disable: destructive verbs cloud.delete leaves to this rule).
_CLOUD_VERBS = frozenset({"copy", "revoke", "disable"})


# PaaS CLIs whose commands are `topic:command` (heroku maintenance:on, netlify env:unset) or `noun verb` (fly
# machine stop, railway variables --set); fly and netlify deploy with no command at all.
_PAAS_TOPICS = frozenset({"heroku", "netlify", "fly", "flyctl"})
_PAAS_DEPLOYS = frozenset({"deploy", "publish", "up", "push", "launch", "promote", "rollback", "redeploy", "release"})
# Words that switch a feature of the live service (heroku maintenance:on, features:enable).
_PAAS_SWITCHES = frozenset({"on", "off", "enable", "disable", "leave", "join"})
# Topics whose commands work in the project (netlify functions:create scaffolds a function, functions:serve runs it here).
_PAAS_LOCAL_TOPICS = frozenset({"functions", "completion", "plugins", "recipes"})
# Verbs PaaS CLIs use for their resources beyond the shared change verbs (fly ips allocate-v4 / release).
_PAAS_VERBS = frozenset({"release", "allocate", "extend", "clone", "provision", "deprovision", "fork", "destroy", "kill"})
# First words that run something elsewhere or work here: a one-off dyno's own command, the local runner, the git
# remote, opening the dashboard.
_PAAS_NOT_CHANGES = frozenset({"run", "local", "git", "open", "login", "logout", "link", "unlink", "dev", "build", "init", "help", "console", "ssh", "proxy"})


def _paas_change(name: str, ops: list[str]) -> str | None:
    """What a PaaS CLI's command changes on the live service, read by its path: deploys, a change verb after a
    resource noun (`machine stop`, `env:unset`, `releases:rollback`), a switch (`maintenance:on`), a bare change verb
    (`fly scale`, `heroku restart`); reads (list, info, logs, status, show …) and local work are None."""
    if not ops:
        return f"{name} deploys the project (with no command it deploys)" if name in ("netlify", "fly", "flyctl") else None
    from .system import read_word

    if ":" in ops[0]:
        # `topic:command`: the topic is a noun (ps, env, pg, even a verb-like one), the command says what is done
        # (`heroku ps:stop`, `netlify env:unset`, `heroku pg:backups:capture`); a topic alone lists it.
        topic, *cmds = [p for p in ops[0].lower().split(":") if p] or [""]
        if topic in _PAAS_NOT_CHANGES or topic in _PAAS_LOCAL_TOPICS or topic in _PAAS_DEPLOYS:
            return f"{name} {ops[0]} deploys a live service" if topic in _PAAS_DEPLOYS else None
        for c in (cmds + [o.lower() for o in ops[1:3]])[:3]:  # `wrangler kv:namespace create`
            if read_word(c) or c == "help":
                return None
            if _paas_verb(c):
                return f"{name} {ops[0]} changes a live service"
        return None
    path = [o.lower() for o in ops[:3]]
    if path[0] in _PAAS_NOT_CHANGES or path[0] in _PAAS_LOCAL_TOPICS:
        return None
    if path[0] in _PAAS_DEPLOYS or path[:2] in (["db", "push"], ["deploy-request", "deploy"]) or path[0].startswith("deploy"):
        return f"{name} {' '.join(ops[:2])} deploys or changes a live service"
    for i, o in enumerate(path):
        if read_word(o) or o == "help":
            return None
        if _paas_verb(o) and (i > 0 or (_change(o) and name in _PAAS_TOPICS)):  # `supabase stop` stops the local stack
            return f"{name} {' '.join(ops[: i + 1])} changes a live service"
    return None


def _paas_verb(word: str) -> bool:
    """A change verb, or one PaaS CLIs use for their resources (`ips allocate-v4`, `ips release`, `volumes extend`,
    `env:clone`, `maintenance:on`)."""
    return _change(word) or word in _PAAS_SWITCHES or word.partition("-")[0] in _PAAS_VERBS


def _change(word: str) -> bool:
    from .system import change_word

    if word.lower() in _CLOUD_VERBS or word.lower().partition("-")[0] in _CLOUD_VERBS:
        return True
    return change_word(word) is not None


def _change_after_noun(ops: list[str]) -> str | None:
    """The change verb after a resource noun (`deployments rollback`, `secret put`, `config set`), unless a read comes first."""
    from .system import read_word

    for i, o in enumerate(ops[:3]):
        if read_word(o) or o == "help":
            return None
        if i > 0 and _change(o):
            return " ".join(ops[: i + 1])
    return None


# The management commands' documented aliases (docker's and podman's reference: "Aliases: docker container rm, docker
# container remove, docker rm"), read as the short form the rule names (metamorphic round 12: `docker container
# remove -fv` was allowed where `docker rm -fv` is refused).
_DOCKER_ALIASES = {
    ("container", "rm"): ["rm"],
    ("container", "remove"): ["rm"],
    ("image", "rm"): ["rmi"],
    ("image", "remove"): ["rmi"],
    ("volume", "remove"): ["volume", "rm"],
    ("stack", "remove"): ["stack", "rm"],
}


def _docker_canonical(ops: list[str]) -> list[str]:
    short = _DOCKER_ALIASES.get((ops[0], ops[1])) if len(ops) > 1 else None
    return [*short, *ops[2:]] if short else ops


@rule(
    id="cloud.docker-destroy",
    title="Removing all containers, volumes or images",
    why="Volumes hold databases and caches; removing every container or pruning volumes loses data the developer did not ask to lose.",
    verdict=SOFT_DENY,
    alternative="remove only what you created: `docker image prune -f` for dangling images, `docker compose down` without -v to keep volumes, or `docker rm NAME`",
    commands=("docker", "podman", "nerdctl", "docker-compose", "podman-compose"),
    match=(
        "docker-compose down --volumes",
        "docker compose rm -fsv",
        "podman system reset -f",
        "docker rm -f $(docker ps -aq)",
        "docker system prune -a --volumes",
        "docker volume rm pgdata",
        "docker volume prune -f",
        "docker compose down -v",
        "docker rmi -f $(docker images -q)",
        "docker compose down --volumes=true",
        "docker rm -fv web-1",
        "podman rm -af",
        "docker service rm api",
        "podman machine rm -f",
        "podman pod rm -fa",
        "docker swarm leave --force",
        "docker node rm -f worker-2",
    ),
    no_match=(
        "docker compose build",
        "docker compose down --volumes=false",
        "docker compose ps",
        "docker run --rm -p 8080:80 webapp:dev",
        "docker compose down",
        "docker rm web-1",
        "docker stop $(docker ps -q --filter name=test-)",
        "docker rm -f $(docker ps -aq --filter name=test-)",
        "podman rm -f web-1",
        "docker service ls",
        "podman machine stop",
        "podman pod rm -f web",
        "podman kube down pod.yaml",
        "docker swarm leave",
        "docker node rm worker-2",
        "docker node ls",
    ),
)
def docker_destroy(cmd: SimpleCommand, sc: Scope) -> str | None:
    args = cmd.args
    vals = cmd.values()
    ops = _ops(cmd)
    if not ops:
        return None
    if cmd.name.endswith("-compose"):
        ops = ["compose", *ops]
    flags = "".join(v[1:] for v in vals if v.startswith("-") and not v.startswith("--"))
    if ops[0] == "compose":
        # Read as docker reads it: --volumes=true, -v=true, --volumes=false (pflag), global options before the verb.
        from ..shell.ir import Word
        from ..shell.options import normalise_words

        nc = normalise_words("docker", [Word("compose", "compose"), *args]) if cmd.name.endswith("-compose") else normalise(cmd)
        if nc.sub[:2] == ("compose", "rm") and nc.has("volumes"):
            return "docker compose rm -v deletes the services' anonymous volumes"
        if nc.sub[:2] == ("compose", "down") and nc.has("volumes"):
            return "docker compose down -v deletes the project's volumes"
        return None
    ops = _docker_canonical(ops)
    if ops[:2] == ["system", "reset"]:
        return f"{cmd.name} system reset deletes every container, image and volume"
    holder = _holder_destroyed(cmd.name, ops, vals, flags)
    if holder:
        return holder
    if (ops[0] == "rm" or ops[:2] == ["container", "rm"]) and ("v" in flags or "--volumes" in vals):
        return f"{cmd.name} rm -v deletes the container's anonymous volumes with it"
    if ops[:2] == ["image", "prune"]:
        return None  # images no container uses, pulled or built again on demand: cloud.docker-every-container's ask
    if ops[0] in ("rm", "rmi") or ops[:2] in (["container", "rm"], ["image", "rm"], ["container", "prune"]):
        subs = [c for w in args for c in w.subs]
        filtered = bool(subs) and all(any(v in ("--filter", "-f") or v.startswith("--filter=") for v in c.values()) for c in subs)
        if (subs and not filtered) or "--all" in vals or "a" in flags:  # -a alone or in a cluster (podman rm -af)
            return f"docker {ops[0]} removes every container or image"
        return None
    if ops[0] == "system" and "prune" in ops and _prunes_volumes(cmd):
        return "docker system prune removes containers, networks and images and volumes"
    if ops[0] == "volume" and len(ops) > 1 and ops[1] in ("rm", "prune", "remove"):
        return f"docker volume {ops[1]} deletes volume data"
    if ops[0] in ("compose", "stack") and "down" in ops and ("v" in flags or "--volumes" in vals):
        return "docker compose down -v deletes the project's volumes"
    if ops[0] == "stack" and ops[1:2] in (["rm"], ["remove"]):
        return "docker stack rm removes a running stack"
    if ops[0] in ("service", "secret", "config") and ops[1:2] in (["rm"], ["remove"]):
        # a swarm's running service (its tasks stop everywhere), a swarm secret or config (a secret's value cannot be
        # read back)
        return f"{cmd.name} {ops[0]} rm removes a swarm {ops[0]}"
    forced = "--force" in vals or "f" in flags or any(v.startswith("--force=") and v[8:].lower() not in ("false", "0") for v in vals)
    if ops[:2] == ["swarm", "leave"] and forced:
        # docker swarm leave(1): --force makes a manager leave; the last manager leaving takes the swarm's state (every
        # service, secret and config) with it, and any other breaks the managers' quorum (fix19b)
        return f"{cmd.name} swarm leave --force takes a manager out of the swarm (the last one's leaving erases every service, secret and config)"
    if ops[:2] in (["node", "rm"], ["node", "remove"]) and forced:
        # without --force docker refuses to remove a node that is up: forced, its running tasks are cut off
        return f"{cmd.name} node rm --force removes a live node from the swarm, with the tasks running on it"
    return None


def _holder_destroyed(name: str, ops: list[str], vals: list[str], flags: str) -> str | None:
    """What holds the containers, removed with them (round 18b, from podman's command reference): `machine rm` deletes
    the virtual machine's disk image, where every container, image and volume of a macOS or Windows engine lives
    (`--save-image` keeps it), `machine reset` every machine; `pod rm --all` removes every pod with its containers, as
    `rm --all` does; `kube down --force` (`play kube --down --force`) tears down the volumes of the pods' claims, as
    `compose down -v` does. One named pod, a machine's start/stop/list, and a kube teardown that keeps the volumes
    are ordinary."""
    group, verb = (ops + ["", ""])[:2]
    if group == "machine" and verb in ("rm", "remove", "reset") and (verb == "reset" or "--save-image" not in vals):
        return f"{name} machine {verb} deletes the virtual machine's disk, with every container, image and volume in it"
    if group == "pod" and verb in ("rm", "remove") and ("--all" in vals or "a" in flags):
        return f"{name} pod rm --all removes every pod and its containers"
    if "kube" in ops[:2] and ("down" in ops[:2] or "--down" in vals) and "--force" in vals:
        return f"{name} kube down --force deletes the volumes of the pods' claims"
    return None


def _prunes_volumes(cmd: SimpleCommand) -> bool:
    """`docker system prune --volumes` (read as docker reads it: --volumes=true, an option value not taken for it)."""
    if cmd.name.endswith("-compose"):
        return False
    nc = normalise(cmd)
    return nc.has("volumes") or any(u.startswith("--volumes") for u in nc.unknown)


def normalise_as_docker(cmd: SimpleCommand) -> Norm:
    """A container run read with docker's table: podman's and nerdctl's (their run/create/exec options are docker's),
    and `docker container run`, read as `docker run`."""
    from ..shell.options import normalise_words

    words = list(cmd.args)
    at = next((i for i, w in enumerate(words) if w.value == "container"), -1)
    if at >= 0 and at + 1 < len(words) and words[at + 1].value in ("run", "create", "exec"):
        del words[at]
    return normalise_words("docker", words)


@rule(
    id="cloud.docker-every-container",
    title="Stopping every running container, or pruning every stopped one or every unused image",
    why=(
        "`docker stop $(docker ps -q)` stops every container on the machine, the developer's databases and other "
        "projects' services among them; `container prune` (and `system prune`, which runs it) deletes every stopped "
        "container with its writable layer; `image prune -a` deletes every image no container uses, which takes a "
        "pull or a build to have again. Whether that was wanted depends on what else runs there, so a person "
        "confirms; one named container, or a set selected with --filter, is ordinary work. Volumes are "
        "cloud.docker-destroy's."
    ),
    verdict=ASK,
    alternative="stop the containers this task started by name (`docker stop web-1`) or select them with `--filter`",
    commands=("docker", "podman", "nerdctl"),
    match=(
        "docker stop $(docker ps -q)",
        "podman kill $(podman ps -aq)",
        "docker container prune -f",
        "docker pause $(docker container ls -q)",
        "docker system prune -f",
        "docker system prune -af",
        "docker image prune -a -f",
    ),
    no_match=(
        "docker stop web-1",
        "docker stop $(docker ps -q --filter name=test-)",
        "docker image prune -f",
        "docker container ls",
        "docker image prune -a --filter until=24h",
        "docker system prune --help",
    ),
)
def docker_every_container(cmd: SimpleCommand, sc: Scope) -> str | None:
    ops = _ops(cmd)
    filtered = any(v == "--filter" or v.startswith("--filter=") for v in cmd.values())
    if ops[:2] == ["system", "prune"] and not filtered and not _prunes_volumes(cmd):
        return f"{cmd.name} system prune deletes every stopped container, unused networks and images"
    if ops[:2] == ["image", "prune"] and not filtered:
        nc = normalise(cmd)
        if nc.has("all") or any(u in ("-a", "--all") for u in nc.unknown):
            return f"{cmd.name} image prune -a deletes every image no container uses"
    if ops[:2] == ["pod", "prune"] and not filtered:
        return f"{cmd.name} pod prune deletes every stopped pod with its containers"
    if ops[:1] == ["container"]:
        ops = ops[1:]
        if ops[:1] == ["prune"] and not any(v == "--filter" or v.startswith("--filter=") for v in cmd.values()):
            return f"{cmd.name} container prune deletes every stopped container"
    if not ops or ops[0] not in ("stop", "kill", "pause", "restart"):
        return None
    subs = [c for w in cmd.args for c in w.subs]
    listing = [c for c in subs if c.name == cmd.name and _ops(c)[:1] in (["ps"], ["container"])]
    if listing and not any(any(v in ("--filter", "-f") or v.startswith("--filter=") for v in c.values()) for c in listing):
        return f"{cmd.name} {ops[0]} acts on every container `{cmd.name} ps` lists"
    return None


def _mount_source(spec: str) -> str:
    """The host folder of a `--mount` spec (`type=bind,src=/home/ana,dst=/h` in any order, `source=`), "" for a
    volume or tmpfs mount (--mount's default type is volume: a name, not a host path)."""
    fields = dict(part.partition("=")[::2] for part in spec.split(",") if part)
    if fields.get("type", "volume").lower() != "bind":
        return ""
    return fields.get("source") or fields.get("src") or ""


@rule(
    id="cloud.docker-host-escape",
    title="Containers with the host's root, devices or Docker socket",
    why="--privileged, mounting / or the Docker socket give the container full control of the host, bypassing every other rule.",
    verdict=SOFT_DENY,
    commands=("docker", "podman", "nerdctl"),
    match=(
        "docker run --privileged -it ubuntu",
        "docker run -v /:/host alpine",
        "docker run -v /var/run/docker.sock:/var/run/docker.sock x",
        "docker run --pid=host alpine",
        "podman run --privileged=true -it fedora",
        "docker container run --privileged=1 alpine",
        "docker run --mount type=bind,src=/home/ana,dst=/h alpine",
    ),
    no_match=(
        "docker run --rm -p 8080:80 webapp:dev",
        "docker run -v $(pwd):/app node:20 npm test",
        "docker run --privileged=false alpine true",
        "docker run --mount type=volume,src=pgdata,dst=/var/lib/postgresql/data postgres",
    ),
)
def docker_host_escape(cmd: SimpleCommand, sc: Scope) -> str | None:
    vals = cmd.values()
    ops = _ops(cmd)
    if not ops or (ops[0] not in ("run", "create", "exec") and ops[:2] != ["container", "run"]):
        return None
    # Read as docker reads its options (pflag): `--privileged=true` is --privileged, `--privileged=false` is not,
    # `--cap-add ALL` is --cap-add=ALL, `--pid host` is --pid=host.
    nc = normalise(cmd) if cmd.name == "docker" and ops[0] != "container" else normalise_as_docker(cmd)
    if nc.has("privileged"):
        return f"{cmd.name} --privileged gives the container control of the host"
    for opt, bad in (("cap-add", ("all", "sys_admin", "cap_sys_admin")), ("pid", ("host",)), ("userns", ("host",))):
        hit = next((v for v in nc.values(opt) if v.lower() in bad), None)
        if hit is not None:
            return f"{cmd.name} --{opt}={hit} gives the container control of the host"
    for i, v in enumerate(vals):
        if v in ("--privileged", "--pid=host", "--userns=host", "--cap-add=ALL", "--cap-add=SYS_ADMIN"):
            return f"docker {v} gives the container control of the host"
        if (v in ("-v", "--volume", "--mount") and i + 1 < len(vals)) or (v.startswith(("--volume=", "--mount=", "-v")) and len(v) > 2):
            spec = vals[i + 1] if v in ("-v", "--volume", "--mount") else v.split("=", 1)[-1] if "=" in v else v[2:]
            src = spec.split(":", 1)[0] if "=" not in spec.split(":", 1)[0] else _mount_source(spec)
            if src in ("/", "/etc", "/root", "/var/run/docker.sock", "/run/docker.sock", "/var/run") or "docker.sock" in src or "source=/," in src + ",":
                return f"docker mounts {src} from the host"
            if src.startswith(("/", "~", "$HOME")):
                p = sc.path(src.replace("$HOME", "~", 1))
                from .. import paths

                why = paths.holds_credentials(p, sc.ctx) or paths.protected_reason(p, sc.ctx)
                if p == sc.ctx.home or why:
                    return f"docker mounts {src} from the host into the container ({why or 'your home directory'})"
    return None
