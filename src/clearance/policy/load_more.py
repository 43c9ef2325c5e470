"""Reading and merging policy files (policy/load.py's validation and merge): loaded when a policy layer exists on
disk or a policy text is checked (issue 16: without one, a cold hook deciding a call does not load them)."""

from __future__ import annotations

from .. import jsonlite as json
from .load import FORMAT, LAYERS, LayerFile, empty_policy
from .schema import CHECKS, GRANT_FIELDS, GRANTS, LIST, MANAGED_ONLY, REPOS, REPOSITORY_FIELDS, SCHEMA

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def line_of(text: str, path: list[str]) -> int:
    """Best-effort line number of a dotted key in TOML text (1-based; 0 if not found)."""
    lines = text.splitlines()
    start = 0
    if len(path) > 1:
        header = "[" + ".".join(path[:-1]) + "]"
        for i, line in enumerate(lines):
            if line.strip().replace(" ", "") == header:
                start = i
                break
    key = path[-1]
    for i in range(start, len(lines)):
        s = lines[i].strip()
        if s.startswith((key + " ", key + "=", '"' + key + '"')) or s.startswith(f"[{'.'.join(path)}]"):
            return i + 1
    return start + 1 if start else 0


def validate(data: dict[str, Any], text: str, where: str) -> list[str]:
    """Problems with the file's keys and types, as 'file:line: message'."""
    from .patterns import Pattern, PatternError

    problems: list[str] = []

    def walk(obj: dict[str, Any], spec: dict[str, Any], path: list[str]) -> None:
        for key, value in obj.items():
            p = [*path, key]
            if key not in spec:
                known = ", ".join(sorted(spec))
                problems.append(f"{where}:{line_of(text, p)}: unknown key '{'.'.join(p)}' (known here: {known})")
                continue
            typ, _ = spec[key]
            if isinstance(typ, dict):
                if not isinstance(value, dict):
                    problems.append(f"{where}:{line_of(text, p)}: '{'.'.join(p)}' must be a table")
                else:
                    walk(value, typ, p)
            elif isinstance(typ, tuple):
                if value not in typ:
                    problems.append(f"{where}:{line_of(text, p)}: '{'.'.join(p)}' must be one of {', '.join(map(repr, typ))}, not {value!r}")
            elif typ == GRANTS:
                problems.extend(_grant_problems(value, text, where, p))
            elif typ == REPOS:
                if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                    problems.append(f"{where}:{line_of(text, p)}: 'repositories' must be a list of tables ([[repositories]])")
                    continue
                for index, section in enumerate(value):
                    line = _section_line(text, section, index)
                    if not section.get("remotes") and not section.get("paths"):
                        problems.append(f"{where}:{line}: a [[repositories]] section needs remotes = [...] or paths = [...] naming its repositories")
                    before = len(problems)
                    walk(section, REPOSITORY_FIELDS, ["repositories"])
                    for i in range(before, len(problems)):  # the section's own line, not the first [repositories.x] in the file
                        head, _, rest = problems[i].partition(": ")
                        if head.endswith(":0") or head.rsplit(":", 1)[-1] != str(line):
                            problems[i] = f"{where}:{line}: {rest}"
            elif typ == LIST:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    problems.append(f"{where}:{line_of(text, p)}: '{'.'.join(p)}' must be a list of strings")
                elif p[0] == "rules" or p[:2] == ["repositories", "rules"]:
                    for v in value:
                        try:
                            Pattern(v)
                        except PatternError as e:
                            problems.append(f"{where}:{_line_of_value(text, v) or line_of(text, p)}: {e}")
            elif typ is float:
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    problems.append(f"{where}:{line_of(text, p)}: '{'.'.join(p)}' must be a number")
            elif not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
                want = {"bool": "true or false", "int": "a whole number", "str": "a string"}.get(typ.__name__, typ.__name__)
                got = f", not {_toml(value)}" if isinstance(value, (bool, int, float, str)) else ""
                problems.append(f"{where}:{line_of(text, p)}: '{'.'.join(p)}' must be {want}{got}")
            elif CHECKS.get(".".join(p)) and (problem := CHECKS[".".join(p)](value)):
                problems.append(f"{where}:{line_of(text, p)}: '{'.'.join(p)}' {problem}")

    walk(data, SCHEMA, [])
    return problems


def _section_line(text: str, section: dict[str, Any], index: int = 0) -> int:
    """The line of a [[repositories]] section: where its first remote or path is written, else its own header."""
    for v in [*(section.get("remotes") or []), *(section.get("paths") or [])]:
        if isinstance(v, str) and (n := _line_of_value(text, v)):
            return n
    headers = [i + 1 for i, line in enumerate(text.splitlines()) if line.strip().replace(" ", "") == "[[repositories]]"]
    return headers[index] if index < len(headers) else line_of(text, ["repositories"])


def _grant_problems(value: object, text: str, where: str, p: list[str]) -> list[str]:
    """Problems with [[rules.grant]] entries: each a table with a valid `allow` rule and known, well-typed fields."""
    import datetime

    from .patterns import Pattern, PatternError

    name = ".".join(p)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return [f"{where}:{line_of(text, p)}: '{name}' must be a list of tables ([[rules.grant]])"]
    out: list[str] = []
    types = {"str": str, "int": int, "datetime": datetime.datetime}
    for g in value:
        rule = g.get("allow")
        line = _line_of_value(text, rule) if isinstance(rule, str) else 0
        line = line or line_of(text, p)
        for k, v in g.items():
            if k not in GRANT_FIELDS:
                out.append(f"{where}:{line}: unknown key '{name}.{k}' (known here: {', '.join(GRANT_FIELDS)})")
            elif not isinstance(v, types[GRANT_FIELDS[k][0]]) or isinstance(v, bool):
                want = {"str": "a string", "int": "an integer", "datetime": "a TOML date-time such as 2026-12-06T18:00:00Z"}[GRANT_FIELDS[k][0]]
                out.append(f"{where}:{line}: '{name}.{k}' must be {want}")
        if not isinstance(rule, str):
            out.append(f'{where}:{line}: a [[rules.grant]] needs allow = "<rule>"')
            continue
        try:
            Pattern(rule)
        except PatternError as e:
            out.append(f"{where}:{line}: {e}")
    return out


def grant_expiry(g: dict[str, Any]) -> float | None:
    """A grant's expiry as a Unix time (a date-time without an offset is UTC), or None."""
    import datetime

    exp = g.get("expires")
    if not isinstance(exp, datetime.datetime):
        return None
    if exp.tzinfo is None:
        exp = exp.replace(tzinfo=datetime.UTC)
    return exp.timestamp()


def _line_of_value(text: str, value: str) -> int:
    for i, line in enumerate(text.splitlines()):
        if value in line:
            return i + 1
    return 0


def syntax_error_line(msg: str, text: str) -> int:
    """The line a tomllib error names: "(at line N, column M)", or the last line for "(at end of document)"."""
    if "(at end of document)" in msg:
        return max(len(text.splitlines()), 1)
    if "line " in msg:
        try:
            return int(msg.rsplit("line ", 1)[1].split(",", 1)[0].split(")", 1)[0])
        except ValueError:
            return 0
    return 0


def read_regular(path: str) -> bytes:
    """The bytes of the regular file at *path*; OSError for anything else. Opened without waiting (O_NONBLOCK) and
    checked before it is read: a FIFO or a device put where a policy layer is (`os.mkfifo('.clearance.toml')`) would
    otherwise hold the hook on its read until the agent's timeout lets the call through (adversarial round 13a)."""
    import posix

    fd = posix.open(path, posix.O_RDONLY | posix.O_NONBLOCK | getattr(posix, "O_CLOEXEC", 0))
    try:
        if posix.fstat(fd).st_mode & 0o170000 != 0o100000:
            raise OSError(f"{path} is not a regular file")
        parts = []
        while True:
            chunk = posix.read(fd, 1 << 16)
            if not chunk:
                break
            parts.append(chunk)
        return b"".join(parts)
    finally:
        posix.close(fd)


def read_layer(lf: LayerFile) -> tuple[dict[str, Any] | None, list[str], str]:
    """(data or None when broken, problems, text)."""
    import tomllib

    try:
        raw = read_regular(lf.path)
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, [f"{lf.path}:{line}: not UTF-8 text (byte {raw[e.start]:#04x} at offset {e.start}); a policy file is TOML, which is UTF-8"], ""
    except OSError as e:
        return None, [f"{lf.path}:0: cannot read the file ({e.strerror or e})"], ""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        return None, [f"{lf.path}:{syntax_error_line(msg, text)}: TOML syntax error: {msg}"], text
    problems = validate(data, text, lf.path)
    return (None if problems else data), problems, text


def merge(layers: list[tuple[LayerFile, dict[str, Any] | None, list[str]]], ident: Any = None, home: str = "") -> dict[str, Any]:
    """The layers merged, managed first; *ident* (policy/repos.Identity) picks the managed [[repositories]] sections that apply."""
    pol = empty_policy()
    present = {lf.name: data for lf, data, _ in layers if lf.exists}
    managed = present.get("managed")
    have_managed = "managed" in present
    for lf, data, problems in layers:
        pol["layers"].append({"name": lf.name, "path": lf.path, "exists": lf.exists, "loaded": lf.exists and data is not None})
        if lf.exists and data is None:
            pol["errors"].append({"layer": lf.name, "path": lf.path, "problems": problems})

    # Who may add allow rules and trusted resources.
    if managed is not None:
        pol["allow_user_trust"] = bool(managed.get("allow_user_trust", True))
        pol["allow_project_trust"] = bool(managed.get("allow_project_trust", False))
        for k in MANAGED_ONLY:
            if k in managed:
                pol["sources"][k] = "managed"
    user = present.get("user")
    if not have_managed and user is not None and "allow_project_trust" in user:
        pol["allow_project_trust"] = bool(user["allow_project_trust"])
        pol["sources"]["allow_project_trust"] = "user"
    may_trust = {"managed": True, "user": pol["allow_user_trust"], "project": pol["allow_project_trust"]}

    for name in LAYERS:
        data = present.get(name)
        if data is None:
            continue
        for k in MANAGED_ONLY:
            if k in data and name != "managed" and not (name == "user" and not have_managed and k == "allow_project_trust"):
                who = "only the managed policy sets this"
                if k == "allow_project_trust" and name == "project":
                    who = "a repository cannot trust itself: only the managed policy (or, without one, the user's) sets this"
                pol["ignored"].append([f"{k} = {_toml(data[k])}", name, who])
        mode = data.get("auto_mode")
        if mode == "disabled" and pol["auto_mode"] != "disabled":
            pol["auto_mode"] = "disabled"
            pol["sources"]["auto_mode"] = name
        elif mode == "enabled" and pol["auto_mode"] == "disabled":
            pol["ignored"].append(['auto_mode = "enabled"', name, f"auto mode was disabled by the {pol['sources']['auto_mode']} policy"])
        elif mode == "enabled" and pol["sources"]["auto_mode"] == "default":
            pol["sources"]["auto_mode"] = name
        _merge_trust(pol, name, data.get("trust", {}), may_trust)
        if name == "managed" and ident is not None:
            _merge_repositories(pol, data.get("repositories", []), ident, home, may_trust)
        for verdict, values in data.get("rules", {}).items():
            if verdict == "grant":
                for g in values:
                    entry = [g["allow"], name, grant_expiry(g), str(g.get("session", ""))]
                    if not may_trust[name]:
                        pol["ignored"].append([f"rules.grant: {g['allow']}", name, _why_not(name)])
                    else:
                        pol["rules"]["allow"].append(entry)
                continue
            for v in values:
                if verdict == "allow" and not may_trust[name]:
                    pol["ignored"].append([f"rules.allow: {v}", name, _why_not(name)])
                else:
                    pol["rules"][verdict].append([v, name])
        rev = data.get("reviewer", {})
        for verdict, values in rev.get("rules", {}).items():
            for v in values:
                if verdict == "allow" and not may_trust[name]:
                    pol["ignored"].append([f"reviewer.rules.allow: {v}", name, _why_not(name)])
                else:
                    pol["reviewer_rules"][verdict].append([v, name])
        for key, value in rev.items():
            if key == "rules":
                continue
            if name == "project":
                pol["ignored"].append([f"reviewer.{key}", name, "a repository may not choose the reviewer model or endpoint"])
            elif key not in pol["reviewer"]:
                pol["reviewer"][key] = value
                pol["sources"]["reviewer." + key] = name
        _merge_escalation(pol, name, data.get("escalation", {}), may_trust)
        on_hit = data.get("probe", {}).get("on_hit")
        if on_hit == "deny-next-outbound":  # the stricter setting wins, from any layer
            pol["probe"]["on_hit"] = on_hit
            pol["sources"]["probe.on_hit"] = name
        for key, value in data.get("audit", {}).items():
            if name == "project":
                pol["ignored"].append([f"audit.{key}", name, "a repository may not redirect or switch off the audit trail"])
            elif key not in pol["audit"]:
                pol["audit"][key] = value
                pol["sources"]["audit." + key] = name
    for lf, data, _ in layers:
        if lf.name == "enclosing" and data is not None:
            _merge_enclosing(pol, data)
    return pol


def _merge_enclosing(pol: dict[str, Any], data: dict[str, Any]) -> None:
    """What the policy of a work tree enclosing the project adds: its tightening only (auto mode disabled, deny, ask
    and hard_deny rules, the reviewer's soft and hard denials, the stricter probe), named as the project's. Allow
    rules, grants and trust stay the project's own file's (identify in load.py; adversarial round 14b)."""
    if data.get("auto_mode") == "disabled" and pol["auto_mode"] != "disabled":
        pol["auto_mode"] = "disabled"
        pol["sources"]["auto_mode"] = "project"
    for verdict in ("hard_deny", "deny", "ask"):
        for v in data.get("rules", {}).get(verdict, []):
            if [v, "project"] not in pol["rules"][verdict]:
                pol["rules"][verdict].append([v, "project"])
    for verdict in ("soft_deny", "hard_deny"):
        for v in data.get("reviewer", {}).get("rules", {}).get(verdict, []):
            if [v, "project"] not in pol["reviewer_rules"][verdict]:
                pol["reviewer_rules"][verdict].append([v, "project"])
    if data.get("probe", {}).get("on_hit") == "deny-next-outbound":
        pol["probe"]["on_hit"] = "deny-next-outbound"
        pol["sources"]["probe.on_hit"] = "project"


def _toml(value: object) -> str:
    """A value as it is written in the policy file (true, "enabled"), for messages that quote it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    return str(value)


def _merge_trust(pol: dict[str, Any], name: str, trust: dict[str, Any], may_trust: dict[str, bool]) -> None:
    for key, values in trust.items():
        for v in values:
            if may_trust[name]:
                pol["trust"][key].append([v, name])
            else:
                pol["ignored"].append([f"trust.{key}: {v}", name, _why_not(name)])


def _merge_repositories(pol: dict[str, Any], sections: list[dict[str, Any]], ident: Any, home: str, may_trust: dict[str, bool]) -> None:
    """The managed policy's [[repositories]] sections that name this project: their auto mode, trust and rules.

    What tightens (auto mode disabled, ask and deny rules) applies when any sign names the project; what loosens
    (auto mode enabled, trust, allow rules) only when every sign does (repos.section_matches).  Among the sections,
    "disabled" wins over "enabled" whatever their order, as between layers."""
    from .repos import section_matches, section_name, why_not_loosened

    modes: dict[str, str] = {}
    for i, section in enumerate(sections):
        if not section_matches(section, ident, home):
            continue
        label = section_name(section, i)
        loosen = section_matches(section, ident, home, loosen=True)
        pol["repositories"].append(label)
        where = f"managed (repository {label})"
        mode = section.get("auto_mode")
        if mode == "disabled" or (mode == "enabled" and loosen):
            modes.setdefault(mode, label)
        elif mode == "enabled":
            pol["ignored"].append(['auto_mode = "enabled"', where, why_not_loosened(ident, section)])
        if loosen:
            _merge_trust(pol, "managed", section.get("trust", {}), may_trust)
        else:
            for key, values in section.get("trust", {}).items():
                pol["ignored"].extend([f"trust.{key}: {v}", where, why_not_loosened(ident, section)] for v in values)
        for verdict, values in section.get("rules", {}).items():
            for v in values:
                if verdict == "allow" and not loosen:
                    pol["ignored"].append([f"rules.allow: {v}", where, why_not_loosened(ident, section)])
                else:
                    pol["rules"][verdict].append([v, "managed"])
    for mode in ("disabled", "enabled"):
        if mode in modes:
            pol["auto_mode"] = mode
            pol["sources"]["auto_mode"] = f"managed (repository {modes[mode]})"
            break


ESCALATION_MINIMUM = 2


def _merge_escalation(pol: dict[str, Any], name: str, values: dict[str, Any], may_trust: dict[str, bool]) -> None:
    """Escalation limits: set by the managed policy, or by the user's when the managed one allows loosening.

    A lower limit hands soft denials to a person sooner (deny becomes ask), so it loosens: a
    repository may not set either limit, the user layer only where the managed policy lets the
    user loosen (``allow_user_trust``) and did not set the key itself, and no layer below
    ``ESCALATION_MINIMUM`` (0 would make every denial a question).
    """
    for key, value in values.items():
        where = "escalation." + key
        if name == "project":
            pol["ignored"].append(
                [f"{where} = {value}", name, "a repository may not change when auto mode hands over (a lower limit turns denials into questions)"]
            )
            continue
        if name == "user" and not may_trust["user"]:
            pol["ignored"].append([f"{where} = {value}", name, "the managed policy sets allow_user_trust = false"])
            continue
        source = pol["sources"].get(where)
        if source is not None:
            pol["ignored"].append([f"{where} = {value}", name, f"the {source} policy sets it"])
            continue
        if value < ESCALATION_MINIMUM:
            pol["ignored"].append([f"{where} = {value}", name, f"raised to the minimum, {ESCALATION_MINIMUM}"])
            value = ESCALATION_MINIMUM
        pol["escalation"][key] = value
        pol["sources"][where] = name


def _why_not(layer: str) -> str:
    if layer == "project":
        return "the project layer may not add allow rules or trusted resources unless the managed (or user) policy sets allow_project_trust = true"
    return "the managed policy sets allow_user_trust = false"


def cache_key(files: list[LayerFile], ident: Any) -> str:
    return json.dumps([FORMAT, [(lf.name, lf.path, lf.stamp) for lf in files], ident.key() if ident else ""])
