"""Words computed by commands, read the way the shell computes them (shell/outputs.py, parse.py, unwrap.py).

Issue 17's leftover: a secret read whose file name is produced by another command (`cat $(echo ~/.ssh/id_rsa)`,
`find ~/.aws -type f | xargs cat`, `xargs cat <<< FILE`, a loop over a glob) was allowed, because the word was
only "unknown". The cases below were written before the fix, most for spellings no rule names; each has an
ordinary twin that must stay allowed.
"""

from __future__ import annotations

import pytest

from clearance.paths import DYN
from clearance.shell.parse import parse

from .conftest import decide

DENY, ASK, ALLOW = "deny", "ask", "allow"

# Secret files named by a computed word: the producer's output is known (denied as the literal would be) or is some
# path under a folder that holds secrets (asked).
SECRET_READS: list[tuple[str, str]] = [
    ("cat $(echo ~/.ssh/id_rsa)", DENY),
    ("cat `echo ~/.ssh/id_rsa`", DENY),
    ('cat "$(printf "%s" ~/.aws/credentials)"', DENY),
    ("awk 1 $(echo ~/.aws/credentials)", DENY),
    ("base64 $(realpath ~/.ssh/id_ed25519)", DENY),
    ("cat $(readlink -f ~/.ssh/id_rsa)", DENY),
    ("grep -r . $(dirname ~/.ssh/id_rsa)", DENY),
    ("cat $(ls -d ~/.ssh/*)", DENY),
    ("f=$(echo ~/.ssh/id_rsa); cat $f", DENY),
    ("cat < $(echo ~/.ssh/id_rsa)", DENY),
    ("xargs cat <<< ~/.ssh/id_rsa", DENY),
    ("xargs -I{} cp {} /tmp/k <<< ~/.ssh/id_rsa", DENY),
    ("xargs cat <<EOF\n~/.ssh/id_rsa\nEOF", DENY),
    ("cat $(find ~/.ssh -type f | head -1)", DENY),
    ("find ~/.ssh -name 'id_*' | xargs -I{} cat {}", DENY),
    ("find ~/.ssh -type f -print0 | xargs -0 cat", DENY),
    ("cat $(grep -rl aws_secret ~/.aws)", DENY),
    ("for f in ~/.ssh/id_*; do cat $f; done", DENY),
    ('for f in ~/.ssh/id_rsa ~/.ssh/id_ed25519; do base64 "$f"; done', DENY),
    ("find ~/.aws -name credentials | xargs cat", DENY),  # every path it prints is named credentials
    ("find ~/.aws -type f | xargs cat", ASK),
    # found in the adversarial round after the fix
    ("cat $(echo ~/.ssh/id_rsa | tr a a)", ASK),  # transformed by a command not computed: named from a secret
    ("cat $(locate id_rsa | head -1)", ASK),
    ("xargs -a <(echo ~/.ssh/id_rsa) cat", DENY),
    ("xargs -a <(find ~/.aws -type f) cat", ASK),
    ("echo $(<~/.ssh/id_rsa)", DENY),  # $(< FILE) is $(cat FILE)
    ('echo "$(< ~/.aws/credentials)"', DENY),
    ("cat <(< ~/.ssh/id_rsa)", DENY),
    ("cat $(find ~/.ssh -name 'id_*')", DENY),
    ("rm -rf $(pwd)", DENY),  # the project itself
    ("cd ~ && rm -rf $(pwd)", DENY),
    ("cd /tmp && rm -rf $(pwd)", DENY),
    ("head $(find ~/.docker -type f)", ASK),
    ("for f in $(find ~/.aws -type f); do cat $f; done", ASK),
]

ORDINARY: list[str] = [
    "cat $(echo README.md)",
    "wc -l $(find src -name '*.py')",
    "xargs cat <<< README.md",
    "cat $(ls | head -1)",
    "rm $(echo build/out.o)",
    "vim $(grep -rl TODO src)",
    'cat "$(git rev-parse --show-toplevel)/README.md"',
    "find ~/.config/nvim -type f | xargs cat",
    "cat ~/.aws/config",
    "for f in a.txt b.txt; do cat $f; done",
    "for d in build dist; do rm -rf $d; done",
    "for i in 1 2 3; do echo $i; done",
    'cd "$(dirname "$0")"',
    "$(echo ls) -la",
    "find . -name '*.pyc' | xargs rm -f",
    "rm -rf $(find . -name __pycache__)",
    "for f in $(git diff --name-only); do npx eslint $f; done",
    "kill $(lsof -t -i:3000)",
    'echo "$(< README.md)"',
    "rm -rf $(pwd)/build",
    "docker run --rm -v $(pwd):/app -w /app node:20 npm test",
    "rm -rf $(mktemp -d)",
    "tmp=$(mktemp -d); cp a.txt $tmp; rm -rf $tmp",
    'rm -rf "$(mktemp -d -t ci.XXXX)"',
    "f=$(mktemp); echo x > $f; cat $f; rm $f",
    "v=$(<VERSION); git tag v$v",
    "cat $(echo README.md | tr a a)",
    "cat $(ls -t logs/*.log | head -1)",
]


@pytest.mark.parametrize(("command", "want"), SECRET_READS)
def test_secret_read_through_a_computed_word(command: str, want: str) -> None:
    d = decide(command)
    assert d.decision == want, (command, d.decision, d.rules, d.reason)


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary_computed_words_are_allowed(command: str) -> None:
    d = decide(command)
    assert d.decision == ALLOW, (command, d.decision, d.rules, d.reason)


def _words(line: str) -> list[str]:
    script = parse(line, "/p", "/h")
    return [w.value.replace(DYN, "?") for w in script.commands[-1].argv]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("cat $(echo a.txt)", ["cat", "a.txt"]),
        ('cat "$(echo a b)"', ["cat", "a b"]),  # quoted: one word
        ("cat $(echo a b)", ["cat", "?"]),  # unquoted: split into words, left unknown
        ("cat $(find /srv -name x)", ["cat", "/srv/**/x"]),  # every path it prints is named x
        # an age bound selects some paths at any depth below the root, not every one
        ("cat $(find -L /srv -type f -mtime 1 | sort | head -n 1)", ["cat", "/srv/**/?"]),
        ("cat $(find /srv -name x -o -name y)", ["cat", "/srv/?"]),
        ("cat $(find /srv -printf '%f')", ["cat", "?"]),  # printf: not paths under the root
        ("cat $(dirname /a/b/c)", ["cat", "/a/b"]),
        ("cat $(basename /a/b/c.txt)", ["cat", "c.txt"]),
        ("cat $(readlink x)", ["cat", "?"]),  # without -f: the link's text, not a path we know
        ("cat $(cd /x; ls)", ["cat", "?"]),  # two commands write
        ("cat $(echo x > f)", ["cat", "?"]),  # the output goes to a file
        ("cat $(head -1 list.txt)", ["cat", "?"]),  # a filter reading its own file
        ("cat $(grep -l secret /etc/app)", ["cat", "/etc/app/?"]),
        ("cat $(cd /w && pwd)", ["cat", "?"]),  # two commands
        ("cat $(pwd)/x", ["cat", "/p/x"]),
        ("cat $(mktemp)", ["cat", "/tmp/tmp.XXXXXXXXXX"]),
        ("cat $(mktemp -p /var/tmp job.XXX)", ["cat", "/var/tmp/job.XXX"]),
        ("cat $(mktemp job.XXX)", ["cat", "/p/job.XXX"]),
        ("cat $(printf '%s/.ssh/%s' /h id_rsa)", ["cat", "/h/.ssh/id_rsa"]),
        ("cat $(printf '%d' 1)", ["cat", "?"]),
        ("cat $(printf -- -w)", ["cat", "-w"]),  # `--` ends printf's options: the format is -w
        ("cat $(printf -v x %s y)", ["cat", "?"]),  # into a variable: nothing printed
    ],
)
def test_what_a_substitution_prints(line: str, words: list[str]) -> None:
    assert _words(line) == words


# -- applications that run the code or tasks they are given ------------------------------------------------
RUNNERS: list[tuple[str, str]] = [
    ("gitlab-rails runner 'Project.destroy_all'", DENY),
    ("bundle exec rails r 'User.delete_all'", DENY),
    ("rails c <<< 'User.delete_all'", DENY),
    ("echo 'Order.destroy_all' | bin/rails console", DENY),
    ('rails runner "system(%q(rm -rf ~))"', DENY),
    ('rails runner "FileUtils.rm_rf(Dir.home)"', DENY),
    ('echo "FileUtils.rm_rf(Dir.home)" | rails c', DENY),
    ('bundle exec rails dbconsole <<< "DROP TABLE users;"', DENY),
    ("gitlab-rake db:drop", DENY),
    ("mix ecto.drop", ASK),  # the development database: db.orm-reset-dev (round 14)
    ("gitlab-rake gitlab:backup:restore", ASK),
    ("rake data:wipe", ASK),
    ("bundle exec rake search:index:delete", ASK),
    ("php artisan media:purge", ASK),
    ("python manage.py delete_stale_sessions", ASK),
    # found in the adversarial round: SQL through the ORM's connection, other consoles, runners that run their arguments
    ('bin/rails runner "ActiveRecord::Base.connection.execute(%q(DROP TABLE users))"', DENY),
    ("echo 'ActiveRecord::Base.connection.exec_query(\"DELETE FROM users\")' | rails c", DENY),
    ("echo 'User.objects.all().delete()' | python manage.py shell", DENY),
    ("mix run -e 'Repo.delete_all(User)'", DENY),
    ("php artisan tinker --execute='User::truncate();'", DENY),
    ("foreman run rails runner 'User.delete_all'", DENY),
    ("heroku run rails runner 'User.delete_all' -a app", DENY),
    ("heroku run 'rm -rf ~' -a app", DENY),
    ("docker compose exec web rails runner 'User.delete_all'", DENY),
    ("docker compose run --rm web bundle exec rake db:drop", DENY),
    ("docker compose -f dev.yml exec -T db psql -c 'DROP TABLE users'", ASK),  # a development database on this machine: db.destructive-sql-dev (round 15)
    ("overmind run rake db:reset", ASK),  # db.orm-reset-dev
    ("ruby bin/rails runner 'User.delete_all'", DENY),  # the launcher script is the tool
    ("bundle exec ruby bin/rake db:drop", ASK),  # db.orm-reset-dev
    ("rake db:drop:all", ASK),  # Rails' per-database variants: the development databases (db.orm-reset-dev)
    ("rake db:drop:_unsafe", DENY),  # the unchecked variant
    ("rails db:drop:_unsafe", DENY),
    ("rails db:reset:primary", ASK),  # db.orm-reset-dev
    ("RAILS_ENV=production rails db:reset:primary", DENY),
    ("bundle exec rails credentials:show", DENY),  # prints the decrypted credentials
    ("EDITOR=cat rails credentials:edit", DENY),  # the editor prints the decrypted file
]
RUNNERS_ORDINARY = [
    "rails runner 'puts User.count'",
    "rails runner script/report.rb",
    "gitlab-rails runner 'puts Gitlab::VERSION'",
    "rails dbconsole <<< 'select 1'",
    "rails c",
    "rails s",
    "rails db:rollback",
    "rails db:migrate",
    "rake tmp:clear",
    "rake assets:clobber",
    "rake cache:reset",
    "rake spec",
    "rake -T",
    "mix test",
    "gitlab-rake gitlab:check",
    "python manage.py runserver",
    "rails runner 'ActiveRecord::Base.connection.execute(%q(SELECT 1))'",
    "mix run -e 'IO.puts 1'",
    "docker compose run --rm web npm test",
    "docker compose up -d",
    "foreman run npm test",
    "ruby bin/rails server",
    "EDITOR=vim rails credentials:edit",
    "rails db:rollback:primary",
    "rails db:migrate:status",
]


@pytest.mark.parametrize(("command", "want"), RUNNERS)
def test_application_runners(command: str, want: str) -> None:
    d = decide(command)
    assert d.decision == want, (command, d.decision, d.rules, d.reason)


@pytest.mark.parametrize("command", RUNNERS_ORDINARY)
def test_application_runners_ordinary(command: str) -> None:
    d = decide(command)
    assert d.decision == ALLOW, (command, d.decision, d.rules, d.reason)
