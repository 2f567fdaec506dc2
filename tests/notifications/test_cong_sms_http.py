"""The HTTP SMS gateway against a fake brandname-SMS provider on loopback: the request follows the
configured template, the provider's message id is kept, refusals and outages are retried."""

import pytest
from django.db import transaction

from motcua.notifications.gateways import GatewayError, HttpSmsGateway, phone_international
from motcua.notifications.models import Notification
from motcua.notifications.services import notification_enqueue

pytestmark = pytest.mark.django_db(transaction=True)


def _enqueue(context, phone="0912 345 678"):
    with transaction.atomic():
        (n,) = notification_enqueue(
            event="dossier.received",
            recipient_phone=phone,
            context=context,
            ref_type="dossier",
            ref_id=context["code"],
        )
    n.refresh_from_db()
    return n


def test_sms_is_posted_in_the_providers_shape_and_acknowledged(received_context, sms_provider):
    n = _enqueue(received_context)
    assert n.status == "sent"
    (request,) = sms_provider.requests
    assert request["Phone"] == "0912345678"
    assert request["ApiKey"] == "khoa-api"
    assert request["SecretKey"] == "khoa-bi-mat"
    assert request["Brandname"] == "UBND-PHUCUONG"
    assert request["RequestId"] == f"motcua-{n.pk}"
    assert request["Content"] == n.body  # Vietnamese text intact, newlines JSON-escaped
    assert "H57-250715-0001" in request["Content"]
    assert n.provider_ref == "SMS0"


def test_custom_template_with_international_number(received_context, sms_provider, settings):
    settings.MOTCUA_SMS_HTTP_TEMPLATE = (
        '{"to": "$phone84", "text": "$body", "from": "$brandname", "id": "$request_id"}'
    )
    _enqueue(received_context)
    (request,) = sms_provider.requests
    assert request["to"] == "84912345678"
    assert request["from"] == "UBND-PHUCUONG"


@pytest.mark.parametrize(
    ("raw", "expected"), [("0912345678", "84912345678"), ("+84912345678", "84912345678")]
)
def test_phone_international(raw, expected):
    assert phone_international(raw) == expected


def test_quotes_in_the_body_stay_valid_json(sms_provider):
    ack = HttpSmsGateway().send_sms(to="0912345678", body='Hồ sơ "A" \\ xong', message_id="m-1")
    assert ack == "SMS0"
    assert sms_provider.requests[0]["Content"] == 'Hồ sơ "A" \\ xong'


def test_refusal_is_a_gateway_error_and_the_row_is_retried(received_context, sms_provider):
    sms_provider.refuse = True
    n = _enqueue(received_context)
    assert (n.status, n.attempts) == ("pending", 1)
    assert "từ chối" in n.last_error and "104" in n.last_error
    assert n.next_attempt_at is not None


def test_provider_down_is_retried(received_context, sms_provider):
    sms_provider.down = True
    n = _enqueue(received_context)
    assert n.status == "pending"
    assert "HTTP 503" in n.last_error


def test_unreachable_provider_is_retried(received_context, sms_provider, settings):
    sms_provider.close()
    n = _enqueue(received_context)
    assert n.status == "pending"
    assert "Không kết nối được cổng SMS" in n.last_error


def test_missing_url_is_a_clear_error(settings):
    settings.MOTCUA_SMS_HTTP_URL = ""
    with pytest.raises(GatewayError, match="MOTCUA_SMS_HTTP_URL"):
        HttpSmsGateway().send_sms(to="0912345678", body="x", message_id="m")


def test_nothing_secret_in_the_stored_error(received_context, sms_provider):
    sms_provider.refuse = True
    n = _enqueue(received_context)
    stored = Notification.objects.get(pk=n.pk).last_error
    assert "khoa-bi-mat" not in stored and "khoa-api" not in stored
