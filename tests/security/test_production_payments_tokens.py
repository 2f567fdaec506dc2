"""Hole 6 of issue 9: production refuses the sandbox payment gateway unless explicitly allowed;
the sandbox page answers only the payer or someone who may read the dossier; demo accounts'
API tokens (and sessions) are ignored under production settings."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from rest_framework.authtoken.models import Token

from motcua.accounts.roles import Role
from motcua.payments import gateways
from tests.portal import tracking_data as data

pytestmark = pytest.mark.django_db

SECRET = "k3J9-vQ2rT8zLm5Xw1Pb7Nc4Hd6Fg0Sa-Yu2Ie9Ro3Tp8Wq5Er1Ty7Ui4Op6As"
SANDBOX = "motcua.payments.gateways.SandboxGateway"


def _check(**env_overrides):
    dropped = {"MOTCUA_ENV", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "MOTCUA_PAYMENT_GATEWAY"}
    env = {
        k: v for k, v in os.environ.items() if k not in dropped and k != "MOTCUA_PAYMENT_SANDBOX"
    }
    env.update({"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "motcua.example.vn", **env_overrides})
    return subprocess.run(
        [sys.executable, "-m", "motcua", "check", "--deploy", "--fail-level", "ERROR"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize(
    "env, starts, says",
    [
        ({}, False, "MOTCUA_PAYMENT_GATEWAY"),
        ({"MOTCUA_PAYMENT_GATEWAY": SANDBOX}, False, "MOTCUA_PAYMENT_SANDBOX=1"),
        ({"MOTCUA_PAYMENT_GATEWAY": SANDBOX, "MOTCUA_PAYMENT_SANDBOX": "1"}, True, ""),
    ],
)
def test_production_start_refuses_the_sandbox_unless_allowed(env, starts, says):
    result = _check(**env)
    assert (result.returncode == 0) is starts, result.stderr
    assert says in result.stderr


@pytest.mark.parametrize(
    "development, gateway, allowed, problem",
    [
        (True, "", False, False),
        (False, "", False, True),
        (False, SANDBOX, False, True),
        (False, SANDBOX, True, False),
        (False, "vendor.gateways.VnPay", False, False),
    ],
)
def test_gateway_rule(settings, development, gateway, allowed, problem):
    settings.DEVELOPMENT = development
    settings.MOTCUA_PAYMENT_GATEWAY = gateway
    settings.MOTCUA_PAYMENT_SANDBOX_ALLOWED = allowed
    assert (gateways.gateway_problem() is not None) is problem
    if problem:
        with pytest.raises(ImproperlyConfigured):
            gateways.gateway_path()


@pytest.fixture
def world(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return data.make_world(make_user)


def test_holding_the_reference_is_not_enough_to_approve(client, world, make_user):
    due = data.payment_requested(world)
    client.force_login(world["citizen"])
    sandbox = client.post(f"/cong-dan/ho-so/{due.code}/thanh-toan/")["Location"]
    client.logout()
    assert client.get(sandbox).status_code == 404  # anonymous
    assert client.post(sandbox, {"ket_qua": "paid"}).status_code == 404
    client.force_login(world["citizen2"])  # another citizen with the reference
    assert client.post(sandbox, {"ket_qua": "paid"}).status_code == 404
    client.force_login(make_user("khac", Role.ONE_STOP_OFFICER))  # officer out of scope
    assert client.post(sandbox, {"ket_qua": "paid"}).status_code == 404
    client.force_login(world["citizen"])  # the payer
    assert client.post(sandbox, {"ket_qua": "paid"}).status_code == 302


def test_demo_tokens_and_sessions_are_ignored_in_production(client, make_user, settings):
    demo = make_user("motcua_demo", Role.ONE_STOP_OFFICER, is_demo=True)
    real = make_user("motcua_that", Role.ONE_STOP_OFFICER)
    demo_key = Token.objects.create(user=demo).key
    real_key = Token.objects.create(user=real).key

    def api(key):
        return client.get("/api/v1/ho-so/", HTTP_AUTHORIZATION=f"Token {key}")

    assert api(demo_key).status_code == 200  # development
    settings.DEVELOPMENT = False
    response = api(demo_key)
    assert response.status_code == 401
    assert "Xác thực không thành công" in response.json()["detail"]
    assert api(real_key).status_code == 200
    client.force_login(demo)  # a session opened before the switch ends too
    assert client.get("/api/v1/ho-so/").status_code in {401, 403}
    assert "_auth_user_id" not in client.session or client.get("/ho-so/").status_code == 302
