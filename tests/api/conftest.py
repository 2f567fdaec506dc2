# ruff: noqa: F811 - fixtures imported from tests/dossiers are used as arguments here
"""API test data: the dossier tests' ward, people and procedure, and API clients per user.

`api(user)` is a DRF client authenticated with the user's token (`Authorization: Token ...`),
the way an external system calls the API.
"""

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.dossiers.conftest import (  # noqa: F401 - fixtures reused as they are
    APPLICANT,
    COMPONENTS,
    people,
    procedure,
    processing,
    receive,
    units,
    vn,
)

LIST_URL = "/api/v1/ho-so/"


def detail_url(code: str) -> str:
    return f"/api/v1/ho-so/{code}/"


def action_url(code: str, action: str) -> str:
    return f"/api/v1/ho-so/{code}/{action}/"


def intake_body(**overrides):
    body = {
        "procedure": "1.000001",
        "channel": 1,
        "applicant": dict(APPLICANT),
        "components": [{"name": c["name"]} for c in COMPONENTS[:2]],
    }
    body.update(overrides)
    return body


@pytest.fixture
def api(db):
    """`api(user)`: a client sending the user's token; `api()`: an anonymous client."""

    def _client(user=None):
        client = APIClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return _client


@pytest.fixture
def received_now(receive):
    """A dossier received now at the ward's desk (its due instant lies ahead)."""
    return receive(at=timezone.now())


@pytest.fixture
def other_ward_dossier(units, people):
    """A dossier of the other ward (Phú Lợi), received by its own desk."""
    from motcua.catalogue.models import Field
    from motcua.catalogue.services import procedure_create
    from motcua.dossiers import services

    version = procedure_create(
        national_code="1.000002",
        field=Field.objects.get_or_create(code="HT", name="Hộ tịch")[0],
        name="Đăng ký khai sinh",
        level="commune",
        time_unit="working_days",
        time_value=1,
        components=[{"name": "Tờ khai đăng ký khai sinh", "form": "original"}],
        steps=[{"name": "Giải quyết", "role": "mot_cua", "allotted_minutes": 480}],
        units=[units["other"]],
        publish=True,
    )
    return services.dossier_receive(
        procedure_version=version,
        unit=units["other_desk"],
        applicant={"name": "Trần Thị Lan"},
        channel=1,
        components=[{"name": "Tờ khai đăng ký khai sinh"}],
        received_by=people["other_desk"],
        received_at=vn(4, 10),
    )
