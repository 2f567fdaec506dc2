"""Backup and restore round trip on SQLite (the PostgreSQL one is marked `postgres`): every dossier
row, event and uploaded file comes back identical on a fresh machine; a damaged backup is refused
before anything is touched; a missing uploaded file gives a clear 404, not a server error."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

SNAPSHOT = """
import hashlib, json
from motcua.dossiers.models import Dossier, DossierComponent, DossierEvent
dossiers = [{k: str(v) for k, v in d.items()} for d in Dossier.objects.order_by("pk").values()]
events = [{k: str(v) for k, v in e.items()} for e in DossierEvent.objects.order_by("pk").values()]
files = {c.file.name: hashlib.sha256(c.file.read()).hexdigest()
         for c in DossierComponent.objects.exclude(file="").order_by("pk")}
print("SNAPSHOT" + json.dumps({"dossiers": dossiers, "events": events, "files": files}))
"""

ATTACH = """
from django.core.files.base import ContentFile
from motcua.dossiers.models import Dossier, DossierComponent
for i, d in enumerate(Dossier.objects.order_by("pk")[:6]):
    c = DossierComponent.objects.create(dossier=d, name="Tờ khai")
    c.file.save(f"to-khai-{i}.pdf", ContentFile(b"%PDF-1.4 ban so hoa " + bytes([i]) * 500))
"""


def _env(db: Path, media: Path, database_url: str | None = None) -> dict:
    from tests.core.test_cau_hinh import settings_env_names

    env = {k: v for k, v in os.environ.items() if k not in settings_env_names()}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(
        {
            "MOTCUA_ENV": "development",
            "DATABASE_URL": database_url or f"sqlite:///{db}",
            "MEDIA_ROOT": str(media),
        }
    )
    return env


def _motcua(env, *args, check=True):
    result = subprocess.run(
        [sys.executable, "-m", "motcua", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    if check:
        assert result.returncode == 0, result.stderr[-2000:]
    return result


def _snapshot(env) -> dict:
    out = _motcua(env, "shell", "-c", SNAPSHOT).stdout
    return json.loads(out.split("SNAPSHOT", 1)[1])


def _round_trip(tmp_path, env_a, env_b):
    _motcua(env_a, "migrate", "-v0")
    _motcua(env_a, "demo-data", "--quiet", "--profile", "tdm", "--dossiers", "10")
    _motcua(env_a, "shell", "-c", ATTACH)
    before = _snapshot(env_a)
    # The six attached here, and any the demo's dossiers in flight carry (electronic results).
    assert len(before["dossiers"]) >= 10 and len(before["files"]) >= 6

    backup = tmp_path / "sao-luu"
    _motcua(env_a, "backup", str(backup))
    manifest = json.loads((backup / "manifest.json").read_text())
    # Every component file with its hash (and the demo's result files besides).
    assert before["files"].items() <= manifest["files"].items()
    assert "sao-luu" not in json.dumps(manifest)  # relative paths only

    # A fresh machine: empty media, a database with nothing in it.
    refused = _motcua(env_b, "restore", str(backup), check=False)
    assert refused.returncode != 0 and "--yes" in refused.stderr
    _motcua(env_b, "restore", str(backup), "--yes")
    after = _snapshot(env_b)
    assert after == before
    return backup


def test_sqlite_round_trip_and_damaged_backup(tmp_path):
    env_a = _env(tmp_path / "a.sqlite3", tmp_path / "media-a")
    env_b = _env(tmp_path / "b.sqlite3", tmp_path / "media-b")
    backup = _round_trip(tmp_path, env_a, env_b)

    assert "nguyên vẹn" in _motcua(env_a, "backup", "--verify", str(backup)).stdout
    victim = next((backup / "media").rglob("*.pdf"))
    victim.write_bytes(b"hong")
    env_c = _env(tmp_path / "c.sqlite3", tmp_path / "media-c")
    result = _motcua(env_c, "restore", str(backup), "--yes", check=False)
    assert result.returncode != 0
    assert "bị hỏng hoặc thiếu 1 tệp" in result.stderr
    assert not (tmp_path / "media-c").exists()  # nothing touched

    again = _motcua(env_a, "backup", str(backup), check=False)
    assert again.returncode != 0 and "đã có dữ liệu" in again.stderr


@pytest.mark.postgres
def test_postgresql_round_trip(tmp_path, settings):
    import psycopg

    params = settings.DATABASES["default"]
    host, port, user = params["HOST"] or "127.0.0.1", params["PORT"] or 5432, params["USER"]
    base = f"postgres://{user}@{host}:{port}"
    names = ["motcua_ops_backup_a", "motcua_ops_backup_b"]

    def admin(sql_statements):
        with psycopg.connect(
            host=host,
            port=port,
            user=user,
            password=params["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            for sql in sql_statements:
                conn.execute(sql)

    admin([f"DROP DATABASE IF EXISTS {n} WITH (FORCE)" for n in names])
    admin([f"CREATE DATABASE {n}" for n in names])
    try:
        env_a = _env(None, tmp_path / "media-a", f"{base}/{names[0]}")
        env_b = _env(None, tmp_path / "media-b", f"{base}/{names[1]}")
        _round_trip(tmp_path, env_a, env_b)
    finally:
        admin([f"DROP DATABASE IF EXISTS {n} WITH (FORCE)" for n in names])


@pytest.mark.django_db
def test_missing_uploaded_file_is_a_clear_404(client, make_user, settings, tmp_path):
    from motcua.accounts.roles import Role
    from motcua.documents.models import CitizenDocument

    settings.MEDIA_ROOT = tmp_path / "media"
    citizen = make_user("congdan", Role.CITIZEN)
    doc = CitizenDocument(owner=citizen, name="CCCD", kind=CitizenDocument.Kind.values[0])
    doc.file.save("cccd.pdf", ContentFile(b"%PDF-1.4 x"), save=False)
    doc.save()
    Path(doc.file.path).unlink()  # the disk lost it

    client.force_login(citizen)
    from django.urls import reverse

    response = client.get(reverse("portal:document", args=[doc.pk]))
    assert response.status_code == 404
    assert "Tệp này không còn trên máy chủ" in response.content.decode()
