"""The worklist at /ho-so/: scoped to the reader's units, urgent first, pinned query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from motcua.accounts.services import roles_sync
from motcua.dossiers import services
from motcua.dossiers.selectors import dossier_list_visible, dossier_worklist

from .conftest import vn

URL = "/ho-so/"


def test_url_name():
    assert reverse("dossiers:worklist") == URL


def test_scope(receive, people):
    dossier = receive()
    assert list(dossier_list_visible(user=people["desk"])) == [dossier]
    assert list(dossier_list_visible(user=people["specialist"])) == [dossier]
    assert list(dossier_list_visible(user=people["supervisor"])) == [dossier]
    assert list(dossier_list_visible(user=people["other_desk"])) == []
    assert list(dossier_list_visible(user=people["city_specialist"])) == []
    assert list(dossier_list_visible(user=people["citizen"])) == []


def test_transferred_dossier_is_visible_to_the_receiving_agency(processing, people, units):
    services.dossier_transfer(
        dossier=processing, actor=people["specialist"], to_unit=units["city_tnmt"], at=vn(3, 10)
    )
    assert list(dossier_list_visible(user=people["city_specialist"])) == [processing]


def test_citizen_sees_own_online_filings(receive, people):
    mine = receive(applicant_user=people["citizen"], channel=2)
    receive()
    assert list(dossier_list_visible(user=people["citizen"])) == [mine]


def test_filters(receive, people):
    late = receive(at=vn(3, 8))
    fresh = receive(at=vn(10, 8))
    user = people["desk"]
    assert list(dossier_worklist(user=user, filter="qua-han", now=vn(7, 8))) == [late]
    assert list(dossier_worklist(user=user, filter="dang-xu-ly", now=vn(7, 8))) == [late, fresh]
    assert list(dossier_worklist(user=user, query=fresh.code)) == [fresh]
    assert list(dossier_worklist(user=user, query="074089001234")) == [late, fresh]


def test_page_lists_dossiers_in_scope(client, receive, people, password):
    dossier = receive()
    client.force_login(people["desk"])
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert dossier.code in body
    assert "Được tiếp nhận" in body
    assert "08:00 06/03/2025" in body
    client.force_login(people["other_desk"])
    assert dossier.code not in client.get(URL).content.decode()


def test_page_requires_login(client):
    response = client.get(URL)
    assert response.status_code == 302


def _queries(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_the_rows(client, receive, people):
    for hour in (8, 9):
        d = receive(at=vn(3, hour))
        services.dossier_assign(
            dossier=d, actor=people["desk"], assignee=people["specialist"], at=vn(3, 10)
        )
    few = _queries(client, people["desk"])
    for day in (4, 5, 6):
        for hour in (8, 9, 10, 13):
            d = receive(at=vn(day, hour))
            services.dossier_assign(
                dossier=d, actor=people["desk"], assignee=people["specialist"], at=vn(day, 14)
            )
    many = _queries(client, people["desk"])
    assert many == few
    # Session, user, roles; user's unit and its administrative unit, nested administrative
    # units (scope); count; the page with its related rows joined. Pinned so a change shows.
    assert many == 8


@pytest.fixture
def staff_supervisor(people):
    roles_sync()
    return people["supervisor"]


def test_admin_is_read_only_and_scoped(client, receive, staff_supervisor, people):
    dossier = receive()
    client.force_login(staff_supervisor)
    listing = client.get("/quan-tri/dossiers/dossier/")
    assert listing.status_code == 200
    assert dossier.code in listing.content.decode()
    page = client.get(f"/quan-tri/dossiers/dossier/{dossier.pk}/change/")
    assert page.status_code == 200
    posted = client.post(f"/quan-tri/dossiers/dossier/{dossier.pk}/change/", {})
    assert posted.status_code == 403
    assert client.get("/quan-tri/dossiers/dossier/add/").status_code == 403
    events = client.get("/quan-tri/dossiers/dossierevent/")
    assert events.status_code == 200


def test_detail_page_shows_the_timeline(client, processing, people):
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason="Thiếu bản vẽ", at=vn(3, 10)
    )
    client.force_login(people["specialist"])
    url = reverse("dossiers:detail", args=[processing.code])
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Thiếu bản vẽ" in body
    assert "Yêu cầu bổ sung hồ sơ" in body  # the event's label
    assert "Chuyển xử lý / phân công" in body
    assert "Tờ khai" in body
    # Session, user, roles, scope (3), the dossier, components, pauses, events: pinned.
    assert len(ctx.captured_queries) == 10
    client.force_login(people["other_desk"])
    assert client.get(url).status_code == 404
