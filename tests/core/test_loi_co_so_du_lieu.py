"""The database going away mid-request gives a clear, retryable 503 (JSON on the API), never a
bare 500; the expired Idempotency-Key records are pruned by their command."""

import datetime as dt
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone

from motcua.accounts.roles import Role


@pytest.mark.django_db
def test_page_answers_503_with_retry_after(client, make_user):
    client.force_login(make_user("canbo", Role.ONE_STOP_OFFICER))
    with mock.patch(
        "motcua.core.views.render",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert "tạm gián đoạn kết nối cơ sở dữ liệu" in body
    assert "server closed" not in body  # no internals shown


@pytest.mark.django_db
def test_api_answers_retryable_json(client, make_user):
    client.force_login(make_user("canbo", Role.ONE_STOP_OFFICER))
    with mock.patch(
        "rest_framework.views.APIView.initial", side_effect=OperationalError("terminating")
    ):
        response = client.get("/api/v1/ho-so/")
    assert response.status_code == 503
    assert response.json()["retryable"] is True
    assert response["Retry-After"] == "5"


@pytest.mark.django_db
def test_idempotency_prune_command(make_user, capsys):
    from django.core.management import call_command

    from motcua.core.models import IdempotencyRecord

    user = make_user("canbo", Role.ONE_STOP_OFFICER)
    now = timezone.now()
    old = IdempotencyRecord.objects.create(
        user=user, key="cu", fingerprint="a" * 64, created_at=now - dt.timedelta(hours=25)
    )
    fresh = IdempotencyRecord.objects.create(
        user=user, key="moi", fingerprint="b" * 64, created_at=now - dt.timedelta(hours=1)
    )
    call_command("idempotency-prune")
    assert "Đã xoá 1 khoá" in capsys.readouterr().out
    assert not IdempotencyRecord.objects.filter(pk=old.pk).exists()
    assert IdempotencyRecord.objects.filter(pk=fresh.pk).exists()
