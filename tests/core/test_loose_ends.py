"""Loose ends of issue 11: a Vietnamese 403 page, the postal clerk's home cards, the favicon,
component forms shown as words."""

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from tests.dossiers.conftest import people, procedure, receive, units  # noqa: F401

pytestmark = pytest.mark.django_db


def test_postal_clerk_at_the_counter_intake_reads_why_in_vietnamese(client, people):  # noqa: F811
    client.force_login(people["postal"])
    response = client.get(reverse("dossiers:intake"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Không có quyền truy cập" in page
    assert "Chỉ công chức Bộ phận Một cửa được tiếp nhận hồ sơ tại quầy." in page
    assert "Forbidden" not in page


def test_postal_clerk_cards_say_what_they_link_to(client, make_user):
    client.force_login(make_user("buuchinh", Role.POSTAL_CLERK))
    page = client.get("/").content.decode()
    assert "Kết quả chuyển phát qua bưu chính" in page
    assert "?tab=cho-tra-ket-qua" in page and "?tab=cho-bo-sung" in page
    assert "Nhận hồ sơ qua bưu chính" not in page


def test_every_page_has_a_favicon(client):
    page = client.get(reverse("portal:home")).content.decode()
    assert 'rel="icon"' in page and "favicon.svg" in page


def test_component_forms_read_as_words(client, receive, people):  # noqa: F811
    dossier = receive()
    client.force_login(people["desk"])
    page = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    assert "<td>Bản chính</td>" in page
    assert "<td>original</td>" not in page and "<td>certified_copy</td>" not in page


def test_a_citizen_sees_one_navigation_on_the_portal(client, make_user):
    client.force_login(make_user("congdan", Role.CITIZEN))
    page = client.get(reverse("portal:home")).content.decode()
    assert page.count("Đăng xuất") == 1
    assert 'class="main-nav"' not in page and 'class="portal-nav"' in page


def test_an_officer_keeps_the_main_navigation_on_the_portal(client, people):  # noqa: F811
    client.force_login(people["desk"])
    page = client.get(reverse("portal:home")).content.decode()
    assert 'class="main-nav"' in page
    assert page.count("Đăng xuất") == 1  # the site's sign-out, not a second one in the portal


def test_filing_pages_list_each_link_once(client, make_user, units):  # noqa: F811
    drafts, assisted = reverse("portal:drafts"), reverse("portal:assisted")
    client.force_login(make_user("congdan", Role.CITIZEN))
    page = client.get(drafts).content.decode()
    assert page.count(f'href="{drafts}"') == 1  # the portal's menu, no second one
    client.force_login(make_user("congnghe", Role.DIGITAL_TEAM, units["ward"]))
    page = client.get(drafts).content.decode()
    assert page.count(f'href="{drafts}"') == 1 and page.count(f'href="{assisted}"') == 1
