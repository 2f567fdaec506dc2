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
def received_now(receive):  # noqa: F811 - the imported fixture
    """A dossier received now at the ward's desk (its due instant lies ahead)."""
    return receive(at=timezone.now())
