"""`/` leads a visitor who is not signed in to the citizens' portal: procedure search, tracking,
the catalogue, and a way in for officers; signed-in users keep their role's home page."""

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_visitor_lands_on_the_portal(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    page = client.get(response["Location"]).content.decode()
    assert 'role="search"' in page and "Tìm thủ tục" in page
    assert f'href="{reverse("portal:track")}">Tra cứu hồ sơ</a>' in page
    assert f'href="{reverse("portal:procedures")}"' in page
    assert f'href="{reverse("accounts:login")}">Cán bộ, công chức đăng nhập</a>' in page


def test_officer_keeps_the_role_home(client, make_user):
    client.force_login(make_user("motcua", Role.ONE_STOP_OFFICER))
    response = client.get("/")
    assert response.status_code == 200 and "Xin chào" in response.content.decode()


def test_tracking_example_has_the_shape_of_a_real_code(client):
    page = client.get(reverse("portal:track")).content.decode()
    assert "ví dụ 000.57.47.H29-261201-0001" in page
