"""Configuration: every environment variable is read once, in settings.py, and the README's
configuration table lists exactly those; no module reads os.environ or settings with a fallback;
`check --deploy` is clean with the documented production variables."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "motcua"
SECRET = "k3J9-vQ2rT8zLm5Xw1Pb7Nc4Hd6Fg0Sa-Yu2Ie9Ro3Tp8Wq5Er1Ty7Ui4Op6As"


def settings_env_names() -> set[str]:
    tree = ast.parse((SRC / "settings.py").read_text())
    names = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id.startswith("_env")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(node.args[0].value)
    return names


def readme_table_names() -> set[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Cấu hình / Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", section, flags=re.M))


def test_settings_reads_env_only_through_its_helpers():
    tree = ast.parse((SRC / "settings.py").read_text())
    direct = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "environ"
    ]
    # The one read is inside _env itself.
    assert len(direct) == 1, direct


def test_readme_table_matches_settings():
    in_settings = settings_env_names()
    in_readme = readme_table_names()
    assert len(in_settings) > 30
    assert in_settings - in_readme == set(), "read by settings.py, missing from the README"
    assert in_readme - in_settings == set(), "in the README, never read by settings.py"


def test_no_module_reads_the_environment_or_settings_with_a_fallback():
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "settings.py" or "migrations" in path.parts:
            continue
        text = path.read_text()
        for pattern in (
            r"os\.environ\[",
            r"os\.environ\.get",
            r"os\.getenv",
            r"getattr\(settings,",
        ):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(SRC)}: {pattern}")
    # cli.py and wsgi.py only set DJANGO_SETTINGS_MODULE with setdefault.
    assert offenders == []


def _run(args, env_overrides):
    dropped = {"MOTCUA_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE"} | settings_env_names()
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-m", "motcua", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


PRODUCTION = {
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "motcua.example.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://motcua.example.gov.vn",
    "DATABASE_URL": "postgres://motcua@127.0.0.1:5432/motcua",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    # The province's own gateway integration (a class path; the check does not import it).
    "MOTCUA_PAYMENT_GATEWAY": "tinh_thanh_toan.gateway.PaymentPlatformGateway",
}


def test_check_deploy_is_clean_with_the_documented_production_variables():
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("name", "value"),
    [("EMAIL_PORT", "hai mươi lăm"), ("EMAIL_USE_TLS", "có lẽ"), ("SECURE_HSTS_SECONDS", "1 năm")],
)
def test_bad_values_stop_the_start_with_a_vietnamese_message(name, value):
    result = _run(["check"], {**PRODUCTION, name: value})
    assert result.returncode != 0
    assert name in result.stderr and "Biến môi trường" in result.stderr


def test_nul_byte_in_a_value_is_refused(monkeypatch):
    # The OS refuses NUL bytes in a real environment; a mapping stands in for it here.
    import importlib

    from django.core.exceptions import ImproperlyConfigured

    import motcua.settings as settings_module

    monkeypatch.setattr(os, "environ", {**os.environ, "LOG_LEVEL": "IN\x00FO"})
    with pytest.raises(ImproperlyConfigured, match="LOG_LEVEL chứa ký tự NUL"):
        importlib.reload(settings_module)
    monkeypatch.undo()
    importlib.reload(settings_module)


def test_production_cache_is_shared_and_sqlite_uses_wal(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND']); "
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0])"
    )
    env = {k: v for k, v in os.environ.items() if k not in settings_env_names()}
    env.update({"MOTCUA_ENV": "production", "SECRET_KEY": SECRET, "REDIS_URL": "redis://x:6379/0"})
    env["DJANGO_SETTINGS_MODULE"] = "motcua.settings"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'wal.sqlite3'}"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.stdout.split() == ["django.core.cache.backends.redis.RedisCache", "wal"], out.stderr


@pytest.mark.django_db
def test_api_docs_inline_script_carries_the_csp_nonce(client):
    response = client.get("/api/docs/")
    csp = response["Content-Security-Policy"]
    nonce = re.search(r"script-src 'self' 'nonce-([^']+)'", csp).group(1)
    html = response.content.decode()
    assert f'<script nonce="{nonce}">' in html
    assert f'<style nonce="{nonce}">' in html
    assert "<script>" not in html
