import pytest

from tests.portal import tracking_data as data


@pytest.fixture
def world(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return data.make_world(make_user)
