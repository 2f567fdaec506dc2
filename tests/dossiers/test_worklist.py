"""The worklists at /ho-so/: a tab per task and role, scoped to the reader's units, filters,
sorting, pagination, the remaining working time, and a pinned query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from motcua.accounts.services import roles_sync
from motcua.dossiers import services
from motcua.dossiers.selectors import (
    dossier_list_visible,
    dossier_worklist,
    working_time_text,
    worklist_tabs,
)
from tests.support.clock import clock_at

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


def test_transferred_dossier_is_in_the_receiving_agency_s_list(processing, people, units):
    services.dossier_transfer(
        dossier=processing, actor=people["specialist"], to_unit=units["city_tnmt"], at=vn(3, 10)
    )
    assert list(dossier_list_visible(user=people["city_specialist"])) == [processing]
    city = people["city_specialist"]
    assert list(dossier_worklist(user=city, tab="can-xu-ly")) == [processing]


def test_citizen_sees_own_online_filings(receive, people):
    mine = receive(applicant_user=people["citizen"], channel=2)
    receive()
    assert list(dossier_list_visible(user=people["citizen"])) == [mine]


@pytest.mark.parametrize(
    ("who", "tabs"),
    [
        (
            "desk",
            [
                "cho-tiep-nhan",
                "can-xu-ly",
                "cho-tra-ket-qua",
                "cho-bo-sung",
                "sap-den-han",
                "qua-han",
                "tat-ca",
            ],
        ),
        ("specialist", ["can-xu-ly", "cho-bo-sung", "sap-den-han", "qua-han", "tat-ca"]),
        ("head", ["cho-duyet", "cho-bo-sung", "sap-den-han", "qua-han", "tat-ca"]),
        ("leader", ["cho-ky", "sap-den-han", "qua-han", "tat-ca"]),
        ("postal", ["cho-tra-ket-qua", "cho-bo-sung", "sap-den-han", "qua-han", "tat-ca"]),
        ("supervisor", ["sap-den-han", "qua-han", "tat-ca"]),
    ],
)
def test_tabs_follow_the_roles(people, who, tabs):
    assert [t.key for t in worklist_tabs(user=people[who])] == tabs


def _keys(user, tab, **kw):
    return [d.code for d in dossier_worklist(user=user, tab=tab, **kw)]


def test_a_dossier_moves_from_list_to_list(receive, people, units):
    p = people
    d = receive(result_delivery="post")  # the post carries the result: the postal clerk's too
    assert _keys(p["desk"], "can-xu-ly") == [d.code]
    assert _keys(p["specialist"], "can-xu-ly") == []
    services.dossier_assign(dossier=d, actor=p["desk"], assignee=p["specialist"], at=vn(3, 9))
    assert _keys(p["desk"], "can-xu-ly") == []
    assert _keys(p["specialist"], "can-xu-ly") == [d.code]
    assert _keys(p["specialist2"], "can-xu-ly") == []  # given to a colleague
    services.dossier_request_supplement(
        dossier=d, actor=p["specialist"], reason="Thiếu bản vẽ", at=vn(3, 10)
    )
    for who in ("desk", "specialist", "head"):
        assert _keys(p[who], "cho-bo-sung") == [d.code]
    services.dossier_receive_supplement(dossier=d, actor=p["desk"], at=vn(3, 14))
    services.dossier_forward(dossier=d, actor=p["specialist"], assignee=p["head"], at=vn(3, 15))
    assert _keys(p["specialist"], "can-xu-ly") == []
    assert _keys(p["head"], "cho-duyet") == [d.code]
    services.dossier_approve(dossier=d, actor=p["head"], assignee=p["leader"], at=vn(3, 16))
    assert _keys(p["head"], "cho-duyet") == []
    assert _keys(p["leader"], "cho-ky") == [d.code]
    services.dossier_sign(dossier=d, actor=p["leader"], at=vn(4, 8))
    assert _keys(p["leader"], "cho-ky") == []
    # Signed: the department sends the result to the desk.
    assert _keys(p["specialist"], "can-xu-ly") == [d.code]
    services.dossier_mark_result_ready(dossier=d, actor=p["specialist"], at=vn(4, 9))
    assert _keys(p["desk"], "cho-tra-ket-qua") == [d.code]
    assert _keys(p["postal"], "cho-tra-ket-qua") == [d.code]
    assert _keys(p["other_desk"], "cho-tra-ket-qua") == []


def test_online_filings_wait_for_the_desk(procedure, units, people):
    filed = services.dossier_submit(
        procedure_version=procedure,
        unit=units["desk"],
        applicant={"name": "Trần Thị Lan"},
        components=[{"name": "Tờ khai"}, {"name": "Giấy chứng nhận quyền sử dụng đất"}],
        submitted_by=people["citizen"],
        submitted_at=vn(3, 8),
    )
    assert _keys(people["desk"], "cho-tiep-nhan") == [filed.code]
    assert _keys(people["other_desk"], "cho-tiep-nhan") == []


def test_near_due_and_overdue(receive, people):
    late = receive(at=vn(3, 8))  # due Thu 6/3 08:00
    fresh = receive(at=vn(10, 8))
    desk = people["desk"]
    assert _keys(desk, "qua-han", now=vn(7, 8)) == [late.code]
    # Wednesday 08:00: 480 working minutes (1 day) left → near due; the fresh one is not.
    assert _keys(desk, "sap-den-han", now=vn(5, 8)) == [late.code]
    assert _keys(desk, "sap-den-han", now=vn(4, 8)) == []
    assert _keys(desk, "qua-han", now=vn(5, 8)) == []
    assert fresh.code in _keys(desk, "tat-ca")


def test_a_paused_dossier_is_not_overdue(processing, people):
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason="Thiếu", at=vn(3, 10)
    )
    assert _keys(people["desk"], "qua-han", now=vn(20, 8)) == []


def test_filters_and_sort(receive, people, procedure):
    a = receive(at=vn(3, 8))
    b = receive(at=vn(4, 8), channel=3, postal_receipt_no="BC-1")
    desk = people["desk"]
    assert _keys(desk, "tat-ca", channel=3) == [b.code]
    assert _keys(desk, "tat-ca", procedure="1.000001") == [a.code, b.code]
    assert _keys(desk, "tat-ca", procedure="9.999999") == []
    assert _keys(desk, "tat-ca", query=b.code) == [b.code]
    assert _keys(desk, "tat-ca", query="074089001234") == [a.code, b.code]
    assert _keys(desk, "tat-ca", query="nguyễn văn") == [a.code, b.code]
    assert _keys(desk, "tat-ca", sort="han-giam") == [b.code, a.code]
    assert _keys(desk, "tat-ca", sort="nhan-moi") == [b.code, a.code]
    assert _keys(desk, "tat-ca", sort="nhan") == [a.code, b.code]


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "0 phút"), (45, "45 phút"), (60, "1 giờ"), (480, "1 ngày"), (600, "1 ngày 2 giờ"),
     (1005, "2 ngày"), (1020, "2 ngày 1 giờ"), (135, "2 giờ 15 phút")],
)  # fmt: skip
def test_working_time_text(minutes, text):
    assert working_time_text(minutes) == text


def _get(client, user, now, **params):
    client.force_login(user)
    with clock_at(now):
        return client.get(URL, params)


def test_page_shows_due_and_remaining_working_time(client, receive, people):
    d = receive()  # due Thu 6/3 08:00
    body = _get(client, people["desk"], vn(4, 9), tab="tat-ca").content.decode()
    assert d.code in body and "08:00 06/03/2025" in body
    # Tue 09:00 → Thu 08:00: Tue 390 + Wed 480 + Thu 30 = 900 min = 1 day 7 h 30.
    assert "Còn 1 ngày 7 giờ làm việc" in body
    late = _get(client, people["desk"], vn(6, 11), tab="qua-han").content.decode()
    assert "Quá hạn 3 giờ làm việc" in late
    client.force_login(people["other_desk"])
    assert d.code not in client.get(URL, {"tab": "tat-ca"}).content.decode()


def test_paused_dossier_shows_the_frozen_time(client, processing, people):
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason="Thiếu", at=vn(5, 8)
    )
    body = _get(client, people["desk"], vn(20, 8), tab="cho-bo-sung").content.decode()
    assert "Tạm dừng, còn 1 ngày làm việc" in body


def test_unknown_tab_falls_back_to_the_first(client, people):
    body = _get(client, people["leader"], vn(3, 8), tab="khong-co").content.decode()
    assert 'data-testid="tab-cho-ky" aria-current="page"' in body.replace("\n", " ") or (
        'aria-current="page" data-testid="tab-cho-ky"' in body
    )


def test_htmx_returns_the_table_only(client, receive, people):
    receive()
    client.force_login(people["desk"])
    body = client.get(URL, {"tab": "tat-ca"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in body and 'data-testid="dossier-row"' in body


def test_page_requires_login(client):
    assert client.get(URL).status_code == 302


def test_pagination_by_50(client, receive, people):
    for i in range(51):
        receive(at=vn(3, 8) + i * (vn(3, 9) - vn(3, 8)) / 60)
    first = _get(client, people["desk"], vn(3, 12), tab="tat-ca").content.decode()
    assert first.count('data-testid="dossier-row"') == 50
    assert "Trang 1/2" in first
    second = _get(client, people["desk"], vn(3, 12), tab="tat-ca", trang=2).content.decode()
    assert second.count('data-testid="dossier-row"') == 1


def _queries(client, user, tab):
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, {"tab": tab})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_query_count_is_the_same_for_2_and_50_rows(client, receive, people):
    def make(n, day):
        for i in range(n):
            d = receive(at=vn(day, 8) + i * (vn(3, 9) - vn(3, 8)) / 30)
            services.dossier_assign(
                dossier=d, actor=people["desk"], assignee=people["specialist"], at=vn(day, 14)
            )
        # One paused, so the page also loads the open pauses.
        services.dossier_request_supplement(
            dossier=d, actor=people["specialist"], reason="Thiếu", at=vn(day, 15)
        )

    make(2, 3)
    _queries(client, people["specialist"], "tat-ca")  # the first request builds the calendar
    few = {tab: _queries(client, people["specialist"], tab) for tab in ("can-xu-ly", "tat-ca")}
    make(48, 4)
    many = {tab: _queries(client, people["specialist"], tab) for tab in ("can-xu-ly", "tat-ca")}
    assert many == few
    # Session, user, roles (3); the user's unit and the calendar's version (2: the calendar
    # itself is built by the first request and reused while the calendar is unchanged);
    # scope: nested administrative units and the scope's ids (2); count; the page with its
    # related rows joined; on "tất cả", the open pauses of the paused rows (1 query for the
    # whole page); the early-warning norms of the page's procedures (1, issue 13).
    assert few == {"can-xu-ly": 11, "tat-ca": 12}


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


def test_count_stops_at_the_cap(client, receive, people, monkeypatch):
    from motcua.dossiers import selectors

    for hour in (8, 9, 10, 11):
        receive(at=vn(3, hour))
    monkeypatch.setattr(selectors, "WORKLIST_COUNT_CAP", 3)
    body = _get(client, people["desk"], vn(3, 12), tab="tat-ca").content.decode()
    assert "Tất cả: hơn 3 hồ sơ" in body
    assert body.count('data-testid="dossier-row"') == 4
    monkeypatch.setattr(selectors, "WORKLIST_COUNT_CAP", 4)
    body = _get(client, people["desk"], vn(3, 12), tab="tat-ca").content.decode()
    assert "Tất cả: 4 hồ sơ" in body


def test_row_cells_as_the_template_printed_them(client, receive, people):
    """The row's values are computed in the view (`worklist_cells`): the detail link, the
    local due instant in `<time>`, the translated channel and status, the procedure's code."""
    d = receive()  # due Thu 6/3 08:00 (UTC+7)
    body = _get(client, people["desk"], vn(4, 9), tab="tat-ca").content.decode()
    url = reverse("dossiers:detail", args=[d.code])
    assert f'<td><a href="{url}">{d.code}</a><br><small>Trực tiếp</small></td>' in body
    assert '<time datetime="2025-03-06T08:00:00+07:00">08:00 06/03/2025</time>' in body
    assert f"<td>{d.get_status_display()}</td>" in body
    national_code = d.procedure_version.procedure.national_code
    assert f"{d.procedure_version.name} <small>({national_code})</small>" in body
