"""GET /api/v1/ho-so/: the caller's dossiers, filtered and paginated, in a fixed number of
queries."""

import pytest

from motcua.dossiers import services

from .conftest import LIST_URL, vn


@pytest.fixture
def several(receive, processing, received_now, people, other_ward_dossier):
    """Ward A: processing (received 3/3), postal (5/3), received today; ward B: one (4/3)."""
    postal = receive(at=vn(5, 9), channel=3, postal_receipt_no="BC-1")
    return {
        "processing": processing,
        "postal": postal,
        "today": received_now,
        "other": other_ward_dossier,
    }


def codes(response):
    assert response.status_code == 200, response.json()
    return {row["code"] for row in response.json()["results"]}


def test_desk_sees_its_ward_only(api, people, several):
    r = api(people["desk"]).get(LIST_URL)
    assert codes(r) == {several[k].code for k in ("processing", "postal", "today")}
    assert r.json()["count"] == 3


@pytest.mark.parametrize(
    "query, expected",
    [
        ("status=4", {"processing"}),
        ("status=2", {"postal", "today"}),
        ("channel=3", {"postal"}),
        ("unit=25741", {"processing", "postal", "today"}),
        ("unit=25741.MC", {"processing", "postal", "today"}),
        ("unit=25744", set()),  # another ward: nothing, even when asked for
        ("current_unit=25741.TP", {"processing"}),
        ("procedure=1.000001", {"processing", "postal", "today"}),
        ("procedure=1.000002", set()),
        ("received_from=2025-03-04&received_to=2025-03-05", {"postal"}),
        ("received_to=2025-03-03", {"processing"}),
        ("due_before=2025-03-07T00:00:00%2B07:00", {"processing"}),
        ("overdue=true", {"processing", "postal"}),
        ("overdue=false", {"today"}),
    ],
)
def test_filters(api, people, several, query, expected):
    r = api(people["desk"]).get(f"{LIST_URL}?{query}")
    assert codes(r) == {several[k].code for k in expected}


def test_overdue_flag_and_ordering(api, people, several):
    rows = api(people["desk"]).get(f"{LIST_URL}?ordering=due_at").json()["results"]
    assert [r["code"] for r in rows] == [
        several["processing"].code,
        several["postal"].code,
        several["today"].code,
    ]
    assert [r["overdue"] for r in rows] == [True, True, False]


def test_pagination(api, people, several):
    client = api(people["desk"])
    first = client.get(f"{LIST_URL}?page_size=2").json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None
    r = client.get(f"{LIST_URL}?page=9")
    assert r.status_code == 404
    assert r.json()["detail"] == "Không tìm thấy (hoặc số trang không hợp lệ)."


def test_supervisor_of_the_city_sees_both_wards(api, people, several):
    assert len(codes(api(people["supervisor"]).get(LIST_URL))) == 4


def test_citizen_sees_only_own_filings(api, people, several, procedure, units):
    mine = services.dossier_submit(
        procedure_version=procedure,
        unit=units["desk"],
        applicant={"name": "Công Dân"},
        components=[{"name": "Tờ khai"}, {"name": "Giấy chứng nhận quyền sử dụng đất"}],
        submitted_by=people["citizen"],
    )
    assert codes(api(people["citizen"]).get(LIST_URL)) == {mine.code}
    assert codes(api(people["citizen2"]).get(LIST_URL)) == set()


@pytest.mark.parametrize(
    "query, message",
    [
        ("status=99", "status: “99” không phải là một lựa chọn hợp lệ."),
        ("received_from=3/3/2025", "received_from: Ngày không đúng định dạng YYYY-MM-DD"),
        ("unit=KHONGCO", "unit: Không tìm thấy “KHONGCO”."),
        ("received_from=2025-03-05&received_to=2025-03-04", "received_to: Ngày kết thúc"),
        ("overdue=maybe", "overdue: Cần giá trị true hoặc false."),
    ],
)
def test_bad_filters_are_400_in_vietnamese(api, people, several, query, message):
    r = api(people["desk"]).get(f"{LIST_URL}?{query}")
    assert r.status_code == 400
    assert r.json()["detail"].startswith("Dữ liệu gửi lên không hợp lệ: ")
    assert message in r.json()["detail"]


def test_list_query_count_is_pinned(api, people, receive, django_assert_num_queries):
    for day in (3, 4, 5, 6, 7):
        receive(at=vn(day, 9))
    client = api(people["desk"])
    # Token with its user; groups; scope (unit, parent, nested administrative units) and its
    # unit ids (the read policy's filter); count; the page's rows with procedure, units and
    # assignee joined.
    with django_assert_num_queries(8):
        r = client.get(f"{LIST_URL}?overdue=true&procedure=1.000001")
    assert r.json()["count"] == 5


def test_list_query_count_does_not_grow_with_the_page(
    api, people, receive, django_assert_num_queries
):
    for day in (3, 4, 5, 6, 7, 10, 11, 12):
        receive(at=vn(day, 9))
    client = api(people["desk"])
    with django_assert_num_queries(8):
        r = client.get(f"{LIST_URL}?page_size=8")
    assert len(r.json()["results"]) == 8


def test_list_rows_select_only_the_printed_columns(api, people, receive):
    """The rows query reads the serializer's columns, not the whole dossier, procedure,
    units and assignee (issue 12 §5); what it prints is complete."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    receive(at=vn(3, 9))
    client = api(people["desk"])
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(LIST_URL)
    rows_sql = next(q["sql"] for q in ctx.captured_queries if "applicant_name" in q["sql"])
    for column in ("applicant_id_number", "lookup_key", "password", "agency_code", "path"):
        assert f'."{column}"' not in rows_sql, column
    row = r.json()["results"][0]
    assert row["procedure"]["national_code"] and row["unit"] and row["current_unit"]
    assert row["applicant_name"] and row["status_label"] and row["overdue"] is True
