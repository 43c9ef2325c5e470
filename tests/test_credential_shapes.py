"""Credentials by the shapes tools give their files, and find handing a reader what its -name selects.  Cases written
for the class (issue 15, "secrets beyond the list"); none is taken from an evaluation set."""

from __future__ import annotations

import pytest

from .conftest import decide

SECRET_READS = [
    "cat ~/.config/age/keys.txt",  # age's identity file (the default place is ~/.config/sops/age/keys.txt)
    "cat ~/.sops/age/keys.txt",
    "cat ~/.solana/id.json",  # a wallet keypair
    "cat ~/.config/near/keypair.json",
    "head ~/.config/sometool/api_key.txt",
    "cat ~/.foo-cli/secrets.yaml",
    "cat ~/.config/github-copilot/apps.json",
    "cat ~/.config/github-copilot/hosts.json",
    "cat ~/.netlify/config.json",
    "cat ~/.twilio-cli/config.json",
    "cat ~/.snowsql/config",
    "find ~ -name '*.pem' -exec cat {} \\;",
    "find ~ -name 'id_*' -exec base64 {} +",
    "find /home/ana -name '*.key' -exec cp {} /tmp/keys/ \\;",
]
ORDINARY = [
    "cat ~/.config/starship.toml",
    "cat ~/.config/nvim/init.lua",
    "cat ~/.gitconfig",
    "cat ~/.ssh/id_rsa.pub",
    "cat ~/.ssh/known_hosts",
    "cat ~/.config/gh/config.yml",
    "find . -name '*.pem' -exec cat {} \\;",
    "find /tmp -name '*.log' -exec tail -n 5 {} \\;",
    "find ~/notes -name '*.md' -exec grep -l TODO {} +",
    "find ~ -name '*.py' -exec cat {} \\;",
]


@pytest.mark.parametrize("command", SECRET_READS)
def test_secret_read_not_allowed(command: str) -> None:
    assert decide(command).decision in ("deny", "ask")


@pytest.mark.parametrize("command", ORDINARY)
def test_ordinary(command: str) -> None:
    assert decide(command).decision == "allow"
