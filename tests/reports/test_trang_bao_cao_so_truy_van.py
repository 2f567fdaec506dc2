"""Report pages: readers only, scope applied, a pinned number of queries however many dossiers
the period holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.accounts.roles import Role
from motcua.dossiers.domain.workflow import Status
from motcua.reports import services
from tests.reports.conftest import vn

PAGES = ["/bao-cao/", "/bao-cao/tra-lai/", "/bao-cao/thu-tuc/", "/bao-cao/chi-so-766/",
         "/bao-cao/bang-dieu-khien/"]  # fmt: skip


def _fill(tree, make_dossier, n):
    for i in range(n):
        d = make_dossier(tree["A.MC"], received=vn(2024, 3, 4), due=vn(2024, 3, 7, 17),
                         finished=vn(2024, 3, 6), status=Status.STOPPED)  # fmt: skip
        d.events.create(action="stop", at=vn(2024, 3, 6), reason=f"Lý do {i}", from_status=4,
                        to_status=8)  # fmt: skip
    services.facts_rebuild()


@pytest.mark.parametrize("url", PAGES)
def test_query_count_does_not_grow(client, tree, make_dossier, make_user, url):
    client.force_login(make_user("gs", Role.SUPERVISOR, unit=tree["D"]))
    _fill(tree, make_dossier, 2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, {"nam": 2024}).status_code == 200
    _fill(tree, make_dossier, 30)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, {"nam": 2024})
    assert response.status_code == 200
    assert len(many) == len(few), [q["sql"][:120] for q in many]


@pytest.mark.parametrize("url, expected", [("/bao-cao/", 15), ("/bao-cao/tra-lai/", 9)])
def test_pinned_queries(client, tree, make_dossier, make_user, django_assert_num_queries, url,
                        expected):  # fmt: skip
    client.force_login(make_user("gs", Role.SUPERVISOR, unit=tree["D"]))
    _fill(tree, make_dossier, 5)
    client.get(url, {"nam": 2024})
    with django_assert_num_queries(expected):
        client.get(url, {"nam": 2024})


def test_supervisor_sees_only_their_subtree(client, tree, make_dossier, make_user):
    _fill(tree, make_dossier, 3)
    client.force_login(make_user("gs_p2", Role.SUPERVISOR, unit=tree["P2"]))
    page = client.get("/bao-cao/tra-lai/", {"nam": 2024}).content.decode()
    assert "Lý do 0" not in page
    page = client.get("/bao-cao/", {"nam": 2024, "don_vi": "D"}).content.decode()
    assert "Không có đơn vị mã “D” trong phạm vi của bạn." in page
    client.force_login(make_user("gs_d", Role.SUPERVISOR, unit=tree["D"]))
    assert "Lý do 0" in client.get("/bao-cao/tra-lai/", {"nam": 2024}).content.decode()


def test_bad_period_shows_a_message(client, tree, make_user):
    client.force_login(make_user("gs", Role.SUPERVISOR, unit=tree["D"]))
    page = client.get("/bao-cao/", {"nam": 2024, "quy": 7}).content.decode()
    assert "Quý phải từ 1 đến 4 (nhận được 7)." in page
    page = client.get("/bao-cao/", {"tu": "2024-05-01", "den": "2024-01-01"}).content.decode()
    assert "trước ngày bắt đầu" in page


def test_officers_and_anonymous_are_refused(client, tree, make_user):
    assert client.get("/bao-cao/").status_code == 302
    client.force_login(make_user("tn", Role.ONE_STOP_OFFICER, unit=tree["A.MC"]))
    assert client.get("/bao-cao/").status_code == 403


def test_without_a_year_the_latest_year_with_dossiers_is_shown(
    client, tree, make_dossier, make_user
):
    # Dossiers only in 2022: a supervisor opening the report (no year given) sees 2022, not an
    # empty current year; the year picker's values are plain years ("2022", never "2.022").
    from tests.reports.conftest import vn

    make_dossier(
        tree["A"], received=vn(2022, 3, 1), due=vn(2022, 3, 4), finished=vn(2022, 3, 2), status=9
    )
    services.facts_rebuild()
    client.force_login(make_user("gs", Role.SUPERVISOR, unit=tree["D"]))
    page = client.get("/bao-cao/").content.decode()
    assert "Năm 2022" in page
    assert '<option value="2022" selected>2022</option>' in page
