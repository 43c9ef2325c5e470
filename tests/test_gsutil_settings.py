"""gsutil's settings commands (round 9b's single finding `gsutil iam ch allUsers:…`, generalised to the class): a bucket's
or object's access, retention and other settings changed through `gsutil NAME ch|set|clear|…` were allowed, where the
same change through gcloud, aws or az is asked (cloud.change). Every dangerous case here was answered allow on 9b225f1.
Nothing is run: each case is decided in-process."""

from __future__ import annotations

import pytest

from .conftest import decide

CHANGES = [
    "gsutil iam ch allUsers:objectViewer gs://b",
    "gsutil iam ch allAuthenticatedUsers:objectViewer gs://reports",
    "gsutil acl ch -u AllUsers:R gs://b/x",
    "gsutil -m acl set -R public-read gs://site",
    "gsutil defacl set public-read gs://b",
    "gsutil retention clear gs://audit-logs",
    "gsutil versioning set off gs://backups",
    "gsutil lifecycle set delete-after-1-day.json gs://backups",
    "gsutil pap set unspecified gs://b",
    "gsutil -o GSUtil:default_project_id=p iam set policy.json gs://b",
    "gsutil kms encryption -d gs://b",
    "gsutil mb -l eu gs://new-bucket",
]
READS = [
    "gsutil iam get gs://b",
    "gsutil acl get gs://b/x",
    "gsutil ls -l gs://b",
    "gsutil du -s gs://b",
    "gsutil versioning get gs://backups",
    "gsutil kms encryption gs://b",
    "gsutil -m ls -r gs://b/logs",
    "gsutil hmac list",
]


@pytest.mark.parametrize("command", CHANGES)
def test_settings_changes_are_asked(command: str) -> None:
    d = decide(command)
    assert d.decision == "ask", d.reason


@pytest.mark.parametrize("command", READS)
def test_reads_stay_allowed(command: str) -> None:
    assert decide(command).decision == "allow"
