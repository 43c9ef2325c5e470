"""Commands a platform's CLI runs on the machine it reaches: a VM, a dyno, a codespace, a container of a managed service.

`ssh HOST 'rm -rf /srv/data'` is judged as the remote command it is (unwrap._ssh). The platforms' own CLIs take the same
command through an option (`fly ssh console -C CMD`, `gcloud compute ssh VM --command CMD`, `doctl compute ssh D
--ssh-command CMD`, `az vm run-command invoke --scripts CMD`), after `--` (`heroku ps:exec -- CMD`, `fab -H h -- CMD`),
as ssh's own arguments after `--` (`gh codespace ssh -- [ssh options] CMD`, `gcloud compute ssh VM -- CMD`), as the last
operand (`fly machine exec ID CMD`, `kamal app exec CMD`) or in a document's parameters (`aws ssm send-command
--document-name AWS-RunShellScript --parameters commands=[CMD]`). Each is a shell line run on that machine, judged as
`ssh HOST CMD` is. The table is declarative (a list extension per platform); the reading of each form is one.

Imported only when unwrap meets one of the programs (REMOTE_PROGRAMS there).
"""

from __future__ import annotations


class Remote:
    """How a platform subcommand is given the command it runs remotely.  A plain class, not a dataclass: the decorator
    reads the typing module, which a decision on another thread may be importing at that moment (half-initialised)."""

    __slots__ = ("options", "many", "after_dashdash", "last_operand")

    def __init__(self, options: tuple[str, ...] = (), many: bool = False, after_dashdash: str = "", last_operand: bool = False) -> None:
        self.options = options  # options whose value is a shell line (`--command CMD`, `--command=CMD`)
        self.many = many  # every word after the option up to the next option is a line (az's `--scripts A B`)
        self.after_dashdash = after_dashdash  # "line": the words after `--` are a shell line; "ssh": they are ssh's arguments
        self.last_operand = last_operand  # the last word that is no option is the shell line (`fly machine exec ID CMD`)


_FLY_CONSOLE = Remote(options=("-C", "--command"))
_FLY_EXEC = Remote(last_operand=True)
_GCLOUD_SSH = Remote(options=("--command",), after_dashdash="ssh")
_SCRIPTS = Remote(options=("--scripts",), many=True)

# (program, subcommand words…) -> how the remote command is given.
TABLE: dict[tuple[str, ...], Remote] = {
    ("fly", "ssh", "console"): _FLY_CONSOLE,
    ("flyctl", "ssh", "console"): _FLY_CONSOLE,
    ("fly", "machine", "exec"): _FLY_EXEC,
    ("flyctl", "machine", "exec"): _FLY_EXEC,
    ("fly", "machines", "exec"): _FLY_EXEC,
    ("flyctl", "machines", "exec"): _FLY_EXEC,
    ("doctl", "compute", "ssh"): Remote(options=("--ssh-command",)),
    ("heroku", "ps:exec"): Remote(after_dashdash="line"),
    ("gh", "codespace", "ssh"): Remote(after_dashdash="ssh"),
    ("gh", "cs", "ssh"): Remote(after_dashdash="ssh"),
    ("fab",): Remote(after_dashdash="line"),
    ("gcloud", "compute", "ssh"): _GCLOUD_SSH,
    ("gcloud", "beta", "compute", "ssh"): _GCLOUD_SSH,
    ("gcloud", "compute", "tpus", "tpu-vm", "ssh"): _GCLOUD_SSH,
    ("gcloud", "cloud-shell", "ssh"): _GCLOUD_SSH,
    ("gcloud", "alpha", "cloud-shell", "ssh"): _GCLOUD_SSH,
    ("az", "vm", "run-command", "invoke"): _SCRIPTS,
    ("az", "vmss", "run-command", "invoke"): _SCRIPTS,
    ("az", "vm", "run-command", "create"): Remote(options=("--script",)),
    ("az", "container", "exec"): Remote(options=("--exec-command",)),
    ("az", "ssh", "vm"): Remote(after_dashdash="ssh"),
    ("aws", "ecs", "execute-command"): Remote(options=("--command",)),
    ("kamal", "app", "exec"): _FLY_EXEC,
    ("vagrant", "ssh"): Remote(options=("-c", "--command")),
}
PROGRAMS = frozenset(k[0] for k in TABLE)


def _subcommand(argv: list[str]) -> tuple[tuple[str, ...], int] | None:
    """The table's key the words start with, and the index after it: options (and their values) may come before."""
    name = argv[0]
    if (name,) in TABLE:
        return (name,), 1
    for key in TABLE:
        if key[0] != name:
            continue
        for start in range(1, min(len(argv), 5)):
            if tuple(argv[start : start + len(key) - 1]) == key[1:]:
                before = argv[1:start]
                # only options and the words right after one before the subcommand
                if all(w.startswith("-") or (k > 0 and before[k - 1].startswith("-")) for k, w in enumerate(before)):
                    return key, start + len(key) - 1
    return None


def _ssh_command(words: list[str]) -> str | None:
    """The command in ssh's arguments (`-L 8080:localhost:80 uptime`): the words after its options (ssh's valued
    options as unwrap._ssh reads them)."""
    from .unwrap import _SSH_OPTS

    i = 0
    while i < len(words):
        w = words[i]
        if w == "--":
            i += 1
            break
        if not w.startswith("-") or w == "-":
            break
        i += 2 if w in _SSH_OPTS else 1
    rest = words[i:]
    return " ".join(rest) if rest else None


def _ssm_commands(argv: list[str]) -> list[str]:
    """aws ssm send-command --document-name AWS-RunShellScript --parameters commands=[…]: the shell lines it runs on
    each instance (the shorthand `commands=["a","b"]`, `commands=a`, or JSON `{"commands": [...]}`)."""
    if not any("RunShellScript" in w for w in argv):
        return []
    values = [argv[k + 1] for k, w in enumerate(argv[:-1]) if w == "--parameters"]
    values += [w.partition("=")[2] for w in argv if w.startswith("--parameters=")]
    lines: list[str] = []
    for v in values:
        v = v.strip()
        if v.startswith("{"):
            from .. import jsonlite

            try:
                data = jsonlite.loads(v)
            except ValueError:
                continue
            got = data.get("commands") if isinstance(data, dict) else None
            lines += [c for c in (got if isinstance(got, list) else [got]) if isinstance(c, str)]
            continue
        key, sep, body = v.partition("=")
        if not sep or key.strip() != "commands":
            continue
        body = body.strip()
        if body.startswith("[") and body.endswith("]"):
            body = body[1:-1]
            items = [i.strip() for i in _split_list(body)]
        else:
            items = [body]
        lines += [i[1:-1] if len(i) > 1 and i[0] == i[-1] and i[0] in "\"'" else i for i in items if i]
    return lines


def _split_list(body: str) -> list[str]:
    """The items of a shorthand list (`"a, b","c"`): commas outside quotes separate them."""
    items, cur, quote = [], "", ""
    for ch in body:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == ",":
            items.append(cur)
            cur = ""
            continue
        cur += ch
    items.append(cur)
    return items


def remote_lines(argv: list[str]) -> tuple[str, list[str]] | None:
    """(the platform subcommand, the shell lines it runs on the machine it reaches), or None for a call that runs none
    (`fly ssh console` alone opens a session; what is typed there is the user's)."""
    if argv[:3] == ["aws", "ssm", "send-command"]:
        return "aws ssm send-command", _ssm_commands(argv)
    found = _subcommand(argv)
    if found is None:
        return None
    key, i = found
    spec = TABLE[key]
    words = argv[i:]
    lines: list[str] = []
    cut = words.index("--") if "--" in words else len(words)
    head, tail = words[:cut], words[cut + 1 :]
    k = 0
    while k < len(head):
        w = head[k]
        opt, eq, glued = w.partition("=")
        if opt in spec.options:
            if eq:
                lines.append(glued)
            elif spec.many:
                script: list[str] = []
                while k + 1 < len(head) and not head[k + 1].startswith("-"):
                    k += 1
                    script.append(head[k])
                lines.append("\n".join(s for s in script if not s.startswith("@")))
            elif k + 1 < len(head):
                k += 1
                lines.append(head[k])
        k += 1
    if spec.last_operand:
        operands = [w for w in head if not w.startswith("-")]
        if len(operands) > 0:
            lines.append(operands[-1])
    if tail and spec.after_dashdash == "line":
        lines.append(" ".join(tail))
    elif tail and spec.after_dashdash == "ssh" and (line := _ssh_command(tail)) is not None:
        lines.append(line)
    lines = [ln for ln in lines if ln.strip() and not ln.startswith("@")]  # az's `--scripts @file.sh`: a file
    return " ".join(key), lines
