"""A tool's configuration that stops it checking the certificates of the servers it downloads from, in the tool's own
spelling of the key (pkgconfig.tls_check_off): asked, as npm's strict-ssl already was.  Cases written for the class."""

from __future__ import annotations

import pytest

from clearance.pkgconfig import tls_check_off

from .conftest import decide

OFF = [
    "yarn config set strictSsl false",
    "yarn config set enableStrictSsl false",
    "conda config --set ssl_verify false",
    "mamba config --set ssl_verify no",
    "poetry config certificates.pypi.cert false",
    "composer config -g secure-http false",
    "bundle config set ssl_verify_mode 0",
]
ORDINARY = [
    "conda config --set ssl_verify true",
    "conda config --set channel_priority strict",
    "poetry config virtualenvs.in-project true",
    "yarn config set strictSsl true",
    "composer config -g secure-http true",
    "poetry run pytest",
    "bundle exec rspec",
]


@pytest.mark.parametrize("command", OFF)
def test_off_asked(command: str) -> None:
    assert decide(command).decision in ("ask", "deny")


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary(command: str) -> None:
    assert decide(command).decision == "allow"


@pytest.mark.parametrize(
    ("key", "value", "off"),
    [
        ("strict-ssl", "false", True),
        ("http.sslVerify", "false", True),
        ("insecure-skip-tls-verify", "true", True),
        ("insecure", "false", False),
        ("ssl_verify", "true", False),
        ("registry", "false", False),
    ],
)
def test_key_reading(key: str, value: str, off: bool) -> None:
    assert tls_check_off(key, value) is off


# The same settings given as options of an npm-family command in a spelling of the key npm's own table does not list
# (`npm ci --strictSsl=false`): the rule asks, and its gate (rules/gates.sets_package_config) must not skip it.
OPTION_OFF = [
    "npm ci --strictSsl=false",
    "pnpm install --sslVerify=false",
    "npm install --no-strictSsl",
    "yarn install --insecure-skip-tls-verify=true",
]
OPTION_ORDINARY = [
    "npm test -- --watch=false",
    "npm ci --no-audit",
    "pnpm install --frozen-lockfile",
    "yarn build --verbose=false",
    "npm run lint --silent",
    "npm ci --strictSsl=true",
]


@pytest.mark.parametrize("command", OPTION_OFF)
def test_option_off_asked(command: str) -> None:
    assert decide(command).decision in ("ask", "deny")


@pytest.mark.parametrize("command", OPTION_ORDINARY)
def test_option_ordinary(command: str) -> None:
    assert decide(command).decision == "allow"
