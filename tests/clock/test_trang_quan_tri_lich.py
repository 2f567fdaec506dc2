"""The calendar administration pages, through Django's test client."""

import datetime as dt

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.clock.models import CalendarOverride, CalendarOverrideAudit, OfficeHours
from tests.factories import small_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user):
    user = make_user("quantri", Role.ADMINISTRATOR)
    client.force_login(user)
    client.user = user
    return client


def test_month_view_marks_tet_and_worked_saturday(admin_client):
    html = admin_client.get(reverse("clock:calendar"), {"thang": "2024-02"}).content.decode()
    assert 'data-date="2024-02-12" data-status="non_working"' in html
    assert 'data-date="2024-02-15" data-status="working"' in html
    assert 'data-date="2024-02-17" data-status="weekend"' in html
    assert "Tháng 2 năm 2024" in html
    may = admin_client.get(reverse("clock:calendar"), {"thang": "2024-05"}).content.decode()
    assert 'data-date="2024-05-04" data-status="extra_working"' in may
    # February 2024: 21 weekdays, five of them in the Tết break.
    assert 'data-testid="so-ngay-lam-viec">16<' in html


def test_officer_without_admin_role_is_refused(client, make_user):
    client.force_login(make_user("motcua1", Role.ONE_STOP_OFFICER))
    assert client.get(reverse("clock:calendar")).status_code == 403
    response = client.post(reverse("clock:override_add"), {"day": "2024-03-06", "kind": "holiday"})
    assert response.status_code == 403
    assert not CalendarOverride.objects.filter(day=dt.date(2024, 3, 6)).exists()


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("clock:calendar"))
    assert response.status_code == 302
    assert "dang-nhap" in response["Location"]


def test_add_and_delete_override_for_a_unit(admin_client):
    small_tree()
    response = admin_client.post(
        reverse("clock:override_add"),
        {"don_vi": "N", "day": "2025-07-02", "kind": "holiday", "note": "Bầu cử"},
    )
    assert response.status_code == 302
    override = CalendarOverride.objects.get(day=dt.date(2025, 7, 2))
    assert override.unit.code == "N" and override.created_by == admin_client.user
    page = admin_client.get(response["Location"]).content.decode()
    assert 'data-date="2025-07-02" data-status="non_working"' in page
    assert "Bầu cử" in page
    admin_client.post(reverse("clock:override_delete", args=[override.pk]), {"don_vi": "N"})
    assert not CalendarOverride.objects.filter(pk=override.pk).exists()
    actions = list(
        CalendarOverrideAudit.objects.filter(unit_code="N").values_list("action", flat=True)
    )
    assert sorted(actions) == ["create", "delete"]


def test_duplicate_override_shows_a_message(admin_client):
    admin_client.post(reverse("clock:override_add"), {"day": "2024-03-06", "kind": "holiday"})
    response = admin_client.post(
        reverse("clock:override_add"), {"day": "2024-03-06", "kind": "holiday"}, follow=True
    )
    assert "đã có điều chỉnh" in response.content.decode().lower()


def test_office_hours_form_saves_saturday_morning(admin_client):
    small_tree()
    data = {"don_vi": "N.TT"}
    for wd in range(5):
        data |= {
            f"d{wd}_sang_tu": "07:30",
            f"d{wd}_sang_den": "11:30",
            f"d{wd}_chieu_tu": "13:00",
            f"d{wd}_chieu_den": "17:00",
        }
    data |= {"d5_sang_tu": "07:30", "d5_sang_den": "11:30"}
    response = admin_client.post(reverse("clock:office_hours"), data)
    assert response.status_code == 302
    assert OfficeHours.objects.filter(unit__code="N.TT", weekday=5).count() == 1


def test_office_hours_form_rejects_half_an_interval(admin_client):
    response = admin_client.post(reverse("clock:office_hours"), {"d0_sang_tu": "07:30"})
    assert response.status_code == 200
    assert "cần cả giờ bắt đầu và giờ kết thúc" in response.content.decode()
    assert not OfficeHours.objects.exists()


def test_unit_administrator_cannot_edit_another_unit(client, make_user):
    units = small_tree()
    user = make_user("quantri_n", Role.ADMINISTRATOR, unit=units["N"])
    client.force_login(user)
    assert (
        client.post(
            reverse("clock:override_add"), {"don_vi": "M", "day": "2025-07-02", "kind": "holiday"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("clock:override_add"), {"day": "2025-07-02", "kind": "holiday"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("clock:override_add"), {"don_vi": "N", "day": "2025-07-02", "kind": "holiday"}
        ).status_code
        == 302
    )


def test_audit_page_lists_changes(admin_client):
    admin_client.post(
        reverse("clock:override_add"), {"day": "2024-03-06", "kind": "holiday", "note": "Bão"}
    )
    html = admin_client.get(reverse("clock:audit")).content.decode()
    assert "Thêm điều chỉnh" in html and "Bão" in html


def test_the_prefilled_day_is_an_iso_date_its_own_input_accepts(admin_client):
    html = admin_client.get(reverse("clock:calendar"), {"thang": "2026-12"}).content.decode()
    assert 'type="date" name="day" value="2026-12-01"' in html
    # in English too: the date input's value never follows the language's format
    admin_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = admin_client.get(reverse("clock:calendar"), {"thang": "2026-12"}).content.decode()
    assert 'value="2026-12-01"' in html
