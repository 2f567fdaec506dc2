"""The portal's small public catalogue (tests/portal/data.py) for document tests."""

import pytest

from tests.portal.data import make_catalogue, make_wards


@pytest.fixture
def wards(db):
    return make_wards()


@pytest.fixture
def catalogue(wards):
    return make_catalogue(wards)
