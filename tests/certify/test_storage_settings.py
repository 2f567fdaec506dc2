"""Pluggable storage: S3-compatible object storage by environment (configuration only, no
network), file system otherwise."""

import os
import subprocess
import sys

PRINT = "import motcua.settings as s, json; print(json.dumps(s.STORAGES['default']))"


def _storage(**env):
    import json

    out = subprocess.run(
        [sys.executable, "-c", PRINT],
        env={**os.environ, "MOTCUA_ENV": "development", **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def test_file_system_by_default():
    assert _storage()["BACKEND"] == "motcua.core.storage.CommitFileSystemStorage"


def test_s3_compatible_by_environment():
    s = _storage(
        MOTCUA_STORAGE="s3",
        MOTCUA_S3_BUCKET="motcua-files",
        MOTCUA_S3_ENDPOINT_URL="https://minio.example.invalid",
    )
    assert s["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s["OPTIONS"]["bucket_name"] == "motcua-files"
    assert s["OPTIONS"]["endpoint_url"] == "https://minio.example.invalid"
    assert s["OPTIONS"]["file_overwrite"] is False
    assert s["OPTIONS"]["default_acl"] == "private"
