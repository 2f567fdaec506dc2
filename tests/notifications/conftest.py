"""Notifications run with the immediate task backend, Django's locmem mail and a test URL map."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.notifications.fakes import RecordingGateway

VN = ZoneInfo("Asia/Ho_Chi_Minh")
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _notification_settings(settings):
    settings.TASKS = IMMEDIATE
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MOTCUA_EMAIL_GATEWAY = "motcua.notifications.gateways.DjangoEmailGateway"
    settings.MOTCUA_SMS_GATEWAY = "motcua.notifications.gateways.OutboxSmsGateway"
    settings.ROOT_URLCONF = "tests.notifications.urls"
    RecordingGateway.reset()
    yield
    RecordingGateway.reset()


@pytest.fixture
def recording_gateway(settings):
    path = "tests.notifications.fakes.RecordingGateway"
    settings.MOTCUA_EMAIL_GATEWAY = path
    settings.MOTCUA_SMS_GATEWAY = path
    return RecordingGateway


@pytest.fixture
def failing_gateway(settings):
    path = "motcua.notifications.gateways.FailingGateway"
    settings.MOTCUA_EMAIL_GATEWAY = path
    settings.MOTCUA_SMS_GATEWAY = path


@pytest.fixture
def received_context():
    return {
        "code": "000.00.25.H57-250715-0001",
        "applicant_name": "Nguyễn Thị Hoà",
        "procedure": "Đăng ký khai sinh",
        "unit": "Bộ phận Tiếp nhận và Trả kết quả phường Phú Cường",
        "received_at": datetime(2025, 7, 15, 9, 5, tzinfo=VN),
        "appointment": datetime(2025, 7, 17, 16, 30, tzinfo=VN),
        "status_url": "https://motcua.example.gov.vn/tra-cuu/ABC123",
    }


@pytest.fixture
def sms_provider(settings):
    """The HTTP SMS gateway pointed at a fake provider on loopback."""
    from tests.notifications.fakes import FakeSmsProvider

    provider = FakeSmsProvider()
    settings.MOTCUA_SMS_GATEWAY = "motcua.notifications.gateways.HttpSmsGateway"
    settings.MOTCUA_SMS_HTTP_URL = provider.url
    settings.MOTCUA_SMS_HTTP_API_KEY = "khoa-api"
    settings.MOTCUA_SMS_HTTP_SECRET_KEY = "khoa-bi-mat"
    settings.MOTCUA_SMS_BRANDNAME = "UBND-PHUCUONG"
    settings.MOTCUA_SMS_HTTP_TIMEOUT = 5
    yield provider
    provider.close()
