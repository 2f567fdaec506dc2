"""Backup and restore of one installation: the database and the uploaded files, with a manifest
of SHA-256 hashes so a restore refuses a damaged or incomplete backup before touching anything.

Layout of a backup directory:

    manifest.json   {"format": 1, "created_at", "database": {"vendor", "file", "sha256"},
                     "files": {"<path under MEDIA_ROOT>": "<sha256>", ...}}
    database.dump   PostgreSQL: `pg_dump --format=custom`
    database.sqlite3  SQLite: a consistent copy through sqlite's online backup API
    media/…         the uploaded files

PostgreSQL point-in-time recovery (WAL archiving) is described in the README; this dump is the
nightly base for a small office and the portable copy for a move.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go on; `str()` is a Vietnamese message for the operator."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env(db: dict) -> tuple[list[str], dict]:
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(argv: list[str], env: dict) -> None:
    result = subprocess.run(argv, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise BackupError(f"Lệnh {argv[0]} lỗi: {result.stderr.strip()[-500:]}")


def backup_create(*, target: Path, using: str = "default") -> dict:
    """Write a backup into `target` (a new or empty directory); returns the manifest."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"Thư mục {target} đã có dữ liệu; chọn một thư mục mới.")
    target.mkdir(parents=True, exist_ok=True)
    db = settings.DATABASES[using]
    vendor = connections[using].vendor
    if vendor == "postgresql":
        dump = target / "database.dump"
        args, env = _pg_env(db)
        _run(
            ["pg_dump", "--format=custom", "--no-owner", *args, "--file", str(dump), db["NAME"]],
            env,
        )
    elif vendor == "sqlite":
        dump = target / "database.sqlite3"
        conn = connections[using]
        conn.ensure_connection()
        out = sqlite3.connect(dump)
        try:
            conn.connection.backup(out)
        finally:
            out.close()
    else:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {vendor}.")

    files = {}
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        for path in sorted(p for p in media.rglob("*") if p.is_file()):
            rel = path.relative_to(media).as_posix()
            if rel.startswith(".suc-khoe-"):
                continue
            dest = target / "media" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
            files[rel] = sha256_file(dest)
    manifest = {
        "format": FORMAT,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "database": {"vendor": vendor, "file": dump.name, "sha256": sha256_file(dump)},
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def backup_verify(*, source: Path) -> dict:
    """Check every hash of a backup; returns the manifest or raises BackupError."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"Không đọc được {MANIFEST} trong {source}.") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError("Bản sao lưu có định dạng không hỗ trợ.")
    problems = []
    db = manifest["database"]
    dump = source / db["file"]
    if not dump.is_file() or sha256_file(dump) != db["sha256"]:
        problems.append(db["file"])
    for rel, digest in manifest["files"].items():
        path = source / "media" / rel
        if not path.is_file() or sha256_file(path) != digest:
            problems.append(f"media/{rel}")
    if problems:
        shown = ", ".join(problems[:10])
        raise BackupError(f"Bản sao lưu bị hỏng hoặc thiếu {len(problems)} tệp: {shown}.")
    return manifest


def backup_restore(*, source: Path, using: str = "default") -> dict:
    """Replace the database and the uploaded files with a verified backup."""
    source = Path(source)
    manifest = backup_verify(source=source)
    db = settings.DATABASES[using]
    vendor = connections[using].vendor
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"Bản sao lưu của {manifest['database']['vendor']} không khôi phục được vào {vendor}."
        )
    dump = source / manifest["database"]["file"]
    if vendor == "postgresql":
        connections[using].close()
        args, env = _pg_env(db)
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                "--dbname",
                db["NAME"],
                str(dump),
            ],
            env,
        )
    else:
        conn = connections[using]
        conn.ensure_connection()
        src = sqlite3.connect(dump)
        try:
            src.backup(conn.connection)
        finally:
            src.close()
        conn.close()

    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    for rel, digest in manifest["files"].items():
        dest = media / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".khoi-phuc")
        shutil.copy2(source / "media" / rel, tmp)
        if sha256_file(tmp) != digest:
            tmp.unlink()
            raise BackupError(f"Sao chép media/{rel} không khớp mã băm.")
        os.replace(tmp, dest)
    connection.close()
    return manifest
