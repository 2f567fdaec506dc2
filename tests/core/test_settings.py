"""Production is the default and refuses to start without its secrets."""

import os
import subprocess
import sys

SECRET = "k3J9-vQ2rT8zLm5Xw1Pb7Nc4Hd6Fg0Sa-Yu2Ie9Ro3Tp8Wq5Er1Ty7Ui4Op6As"


def _check(env_overrides):
    dropped = {"MOTCUA_ENV", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-m", "motcua", "check", "--deploy", "--fail-level", "ERROR"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_production_without_secret_key_refuses_to_start():
    result = _check({})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_with_secret_key_starts_with_debug_off():
    # Production also names its payment gateway (tests/security/test_production_payments_tokens).
    result = _check(
        {
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "motcua.example.vn",
            "MOTCUA_PAYMENT_GATEWAY": "motcua.payments.gateways.SandboxGateway",
            "MOTCUA_PAYMENT_SANDBOX": "1",
        }
    )
    assert result.returncode == 0, result.stderr
    code = "from django.conf import settings; print(settings.DEBUG, settings.LANGUAGE_CODE)"
    env = {k: v for k, v in os.environ.items() if k != "MOTCUA_ENV"}
    env.update({"SECRET_KEY": SECRET, "DJANGO_SETTINGS_MODULE": "motcua.settings"})
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.stdout.split() == ["False", "vi"], out.stderr


def test_unknown_environment_name_is_refused():
    result = _check({"MOTCUA_ENV": "staging"})
    assert result.returncode != 0
    assert "MOTCUA_ENV" in result.stderr
