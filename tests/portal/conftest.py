"""Portal test data (see `tests/portal/data.py`). The rate limits live in the default cache,
which outlives a test: it is cleared around each."""

import pytest
from django.core.cache import cache

from tests.portal.data import make_catalogue, make_wards


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def wards(db):
    return make_wards()


@pytest.fixture
def catalogue(wards):
    """Four procedures: two public, one hidden from the portal, one still a draft."""
    return make_catalogue(wards)
