"""SQL a platform CLI hands to a database the platform hosts (shell/sqlclients.PLATFORM_SQL): read as the SQL
clients' statements are, by the same rules.  Cases written for the class; none is taken from an evaluation set."""

from __future__ import annotations

import pytest

from .conftest import decide

DESTROYS = [
    "wrangler d1 execute prod-db --remote --command 'DROP TABLE users'",
    "npx wrangler d1 execute shop --remote --command='DELETE FROM orders'",
    "aws rds-data execute-statement --resource-arn a --secret-arn b --database app --sql 'DELETE FROM users'",
    "aws redshift-data execute-statement --cluster-identifier c --sql 'DROP TABLE events'",
    "aws athena start-query-execution --query-string 'DROP TABLE logs'",
    "gcloud spanner databases execute-sql db --instance i --sql='DELETE FROM Singers WHERE true'",
    "az postgres flexible-server execute -n srv -u admin -d app -q 'TRUNCATE orders'",
    "az mysql flexible-server execute -n srv -u admin --querytext 'DROP DATABASE shop'",
    "turso db shell prod 'DROP TABLE users'",
    "dolt sql -q 'DROP TABLE t'",
    "heroku pg:psql -c 'DROP TABLE users' -a app",
]
ORDINARY = [
    "wrangler d1 execute prod-db --local --command 'SELECT 1'",
    "wrangler d1 list",
    "aws rds describe-db-instances",
    "aws s3 ls",
    "gcloud spanner databases list --instance i",
    "turso db shell prod 'select 1'",
    "turso db list",
    "dolt sql -q 'SELECT * FROM t LIMIT 5'",
    "heroku pg:info -a app",
    "az postgres flexible-server list",
]


@pytest.mark.parametrize("command", DESTROYS)
def test_destroys(command: str) -> None:
    d = decide(command)
    assert d.decision == "deny", d.reason


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary(command: str) -> None:
    assert decide(command).decision == "allow"
