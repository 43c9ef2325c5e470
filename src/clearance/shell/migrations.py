"""How a schema-migration tool's command line says it empties the database (round 18b).

Migration tools (Alembic, Flask-Migrate, knex, goose, golang-migrate, diesel, sqlx, Ecto, Rails, EF Core, sqitch,
MikroORM, Flyway's and Liquibase's build plugins …) spell the same two operations alike, whatever the tool:

- undoing *every* applied migration, which drops every table the migrations made: a going-down verb (rollback, down,
  revert, downgrade, undo) with a flag saying all (`--all`, `-all`), or any migrating verb (those, and migrate,
  update, goto) given the empty schema as its target -- version 0, `base`, `zero`, sqitch's `@ROOT` -- as an operand
  (`alembic downgrade base`, `goose down-to 0`, `dotnet ef database update 0`) or as the value of a target option
  (`--to 0`, `--target-version 0`, `-target=0`, Rails' `VERSION=0`);
- dropping or resetting the database itself: a wiping verb (drop, reset, wipe, fresh, clean, drop-all) after the
  database's noun (`diesel database reset`, `sqlx database drop`, `dotnet ef database drop`, `mikro-orm schema:fresh`),
  the top-level verb of a tool that only migrates (`goose reset`, `dbmate drop`, `migrate drop`), or a build plugin's
  goal or task named for a migration tool (`mvn flyway:clean`, `mvn liquibase:dropAll`, `gradle flywayClean`).

The words are read as the tools read them: a subcommand path split at `:` (migrate:rollback; mix's at `.`, ecto.rollback)
and at camelCase humps of a build task (flywayClean); an option's value (`alembic -x env=prod downgrade base`) is not
the verb. Nothing here knows one tool's spelling of one case: the verbs and the empty targets are the vocabulary the
tools share (their command references). Help and dry runs say what would happen and are never a wipe.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .ir import SimpleCommand

# Verbs that take the schema down by one step unless told how far.
_DOWN_VERBS = frozenset({"rollback", "down", "revert", "downgrade", "undo"})
# Verbs that move the schema to a target version, up or down.
_TO_VERBS = _DOWN_VERBS | frozenset({"migrate", "update", "goto"})
# The empty schema as a target.
_EMPTY_TARGETS = frozenset({"0", "base", "zero", "@root"})
# Options whose value is the target version.
_TARGET_OPTIONS = frozenset({"to", "target", "targetversion", "version", "step-to", "toversion"})
# Flags that make a going-down verb undo every migration.
_ALL_FLAGS = frozenset({"--all", "-all"})
# Verbs that drop or recreate a database or schema.
_WIPE_VERBS = frozenset({"drop", "reset", "wipe", "fresh", "clean", "dropall", "purge", "nuke"})
# The database's nouns, after which a wiping verb acts on the database.
_STORE_NOUNS = frozenset({"database", "db", "schema"})
# Tools that do nothing but migrate a database: their top-level wiping verb acts on it.
MIGRATION_ONLY = frozenset({"goose", "migrate", "dbmate", "sqitch", "flyway", "liquibase", "yoyo", "atlas", "shmig", "alembic"})
# Words of a subcommand path that put it among migrations or a database (of any other tool).
_CONTEXT_NOUNS = _STORE_NOUNS | frozenset({"migrate", "migration", "migrations", "ecto", "ef"})
# Build tools whose goals and tasks can be a migration plugin's (mvn flyway:clean, gradle flywayClean).
_BUILD_TOOLS = frozenset({"mvn", "mvnw", "./mvnw", "gradle", "gradlew", "./gradlew"})
_PLUGINS = frozenset({"flyway", "liquibase"})
# Verbs that make a new migration, whose operand is its name, not a verb (`migrate create -dir db reset`).
_MAKING_VERBS = frozenset({"create", "new", "add", "generate", "make", "revision"})
# A going-down verb that goes all the way when given no target (sqitch revert: "all changes will be reverted").
_DOWN_ALL_BY_DEFAULT = frozenset({("sqitch", "revert")})
_HELP = frozenset({"-h", "--help", "help", "-help", "--usage"})
_DRY = frozenset({"--dry-run", "--dryrun", "-dry-run", "--sql", "--print-sql", "--plan"})


def _parts(word: str, camel: bool) -> list[str]:
    """A subcommand word's steps: split at `:` (and, for a build task, at camelCase humps), lower-cased."""
    out: list[str] = []
    for piece in word.split(":"):
        if camel and piece[:1].islower() and any(c.isupper() for c in piece):
            cur = ""
            for c in piece:
                if c.isupper() and cur:
                    out.append(cur.lower())
                    cur = c
                else:
                    cur += c
            out.append(cur.lower())
        elif piece:
            out.append(piece.lower())
    return out


def empties_database(cmd: SimpleCommand, limit: int = 4) -> str | None:
    """What the command line says it does to the database when it undoes every migration or drops/resets the database
    (see the module's docstring), else None."""
    vals = cmd.values()
    if any(v in _HELP or v in _DRY or v.startswith("--dry-run=") for v in vals):
        return None
    name = cmd.name if cmd.name.startswith("./") else cmd.name.rpartition("/")[2]
    build = name in _BUILD_TOOLS
    words: list[str] = []  # the subcommand path, split into steps
    targets: list[str] = []  # the values of target options, and NAME=VALUE assignments of one
    every = False
    i = 0
    while i < len(vals):
        v = vals[i]
        i += 1
        if v == "--":
            break
        if v.startswith("-"):
            key, eq, value = v.lstrip("-").partition("=")
            if key.lower().replace("-", "").replace("_", "") in _TARGET_OPTIONS:
                if eq:
                    targets.append(value)
                elif i < len(vals):
                    targets.append(vals[i])  # --to 0: the option's value, not an operand
                    i += 1
            every = every or v in _ALL_FLAGS
            continue
        key, eq, value = v.partition("=")
        if eq:
            if key.lower().replace("_", "") in _TARGET_OPTIONS:
                targets.append(value)  # rake db:migrate VERSION=0
            continue  # another task argument (alembic's -x env=prod is skipped with it)
        step = v.replace(".", ":") if name == "mix" else v  # mix's tasks are namespaced with dots (ecto.rollback)
        if len(words) < limit and all(p.replace("-", "").replace("_", "").isalnum() for p in step.split(":") if p):
            words += _parts(step, build)
    return _judge(name, build, words[: limit + 1], targets, every)


def _empty(target: str) -> bool:
    return target.lower() in _EMPTY_TARGETS or (target.isdigit() and not target.strip("0"))


def _judge(name: str, build: bool, words: list[str], targets: list[str], every: bool) -> str | None:
    if build:
        # a build tool: only a migration plugin's goal or task (flyway:clean, flywayClean, liquibase:dropAll)
        for k, w in enumerate(words[:-1]):
            if w in _PLUGINS:
                nxt = "".join(words[k + 1 : k + 3]) if words[k + 1] == "drop" else words[k + 1]
                if nxt in _WIPE_VERBS:
                    return f"{name} {w}:{nxt} drops every object in the database"
        return None
    if name not in MIGRATION_ONLY and not any(w in _CONTEXT_NOUNS for w in words):
        return None  # not a migration or a database the words name (`mytool update 0`)
    for k, w in enumerate(words):
        verb = w.replace("-", "").replace("_", "")
        if verb in _WIPE_VERBS:
            before = words[k - 1] if k else ""
            if before in _STORE_NOUNS or (name in MIGRATION_ONLY and not any(b in _MAKING_VERBS for b in words[:k])):
                # diesel database reset; goose reset, and goose DRIVER DBSTRING reset (the driver's name before it);
                # not the name of a new migration (`migrate create -dir db reset`)
                return f"{name} {' '.join(words[: k + 1])} empties the database (drops it, or every object in it)"
        head, sep, tail = w.partition("-")
        if sep and head in _TO_VERBS and tail == "to":
            # goose down-to 0, liquibase-like rollback-to VERSION: the operand after it is the target
            if any(_empty(t) for t in words[k + 1 : k + 2] + targets):
                return f"{name} {w} the empty schema undoes every migration, dropping the tables they made"
            continue
        if w in _DOWN_VERBS and every:
            return f"{name} {' '.join(words[: k + 1])} --all undoes every migration, dropping the tables they made"
        if w in _TO_VERBS:
            empty = next((t for t in words[k + 1 : k + 2] + targets if _empty(t)), None)
            if empty is not None:
                return f"{name} {' '.join(words[: k + 1])} to {empty} undoes every migration, dropping the tables they made"
    if words and (name, words[0]) in _DOWN_ALL_BY_DEFAULT and len(words) == 1 and not targets:
        return f"{name} {words[0]} with no target undoes every change deployed"
    return None
