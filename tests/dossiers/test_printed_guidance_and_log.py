"""The guidance slip for an incomplete intake that was not received (Mẫu 02, no dossier), and
the dossier log (Sổ theo dõi hồ sơ) of the reader's units as XLSX, with a pinned query count."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from motcua.dossiers import services
from motcua.dossiers.models import Dossier

from .conftest import vn
from .printed_forms_support import documents_urls, pdf_text  # noqa: F401 - fixture

GUIDANCE = "dossier_documents:guidance"
LOG = "dossier_documents:log"


def _missing_ids(procedure, *names):
    return [c.pk for c in procedure.components.filter(name__in=names)]


@pytest.mark.parametrize("method", ["get", "post"])
def test_guidance_slip_lists_every_missing_component(client, procedure, people, method):
    client.force_login(people["desk"])
    params = {
        "thu_tuc": procedure.pk,
        "ten": "Lê Thị Ánh Tuyết",
        "dien_thoai": "0987 654 321",
        "thieu": _missing_ids(procedure, "Tờ khai", "Giấy chứng nhận quyền sử dụng đất"),
    }
    response = getattr(client, method)(reverse(GUIDANCE), params)
    assert response.status_code == 200, response.content.decode()[:300]
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Lê Thị Ánh Tuyết" in text
    assert "Đăng ký biến động quyền sử dụng đất" in text
    assert "1. Tờ khai (bản chính, 1 bản)" in text
    assert "2. Giấy chứng nhận quyền sử dụng đất (bản sao chứng thực, 1 bản)" in text
    assert "Mã hồ sơ" not in text  # nothing was received
    assert not Dossier.objects.exists()


def test_guidance_slip_bad_input_gets_a_vietnamese_message(client, procedure, people):
    client.force_login(people["desk"])
    url = reverse(GUIDANCE)
    ids = _missing_ids(procedure, "Tờ khai")
    response = client.get(url, {"thu_tuc": procedure.pk, "ten": " ", "thieu": ids})
    assert response.status_code == 400
    assert "chưa nhập tên người nộp hồ sơ" in response.content.decode()
    response = client.get(url, {"thu_tuc": procedure.pk, "ten": "An"})
    assert "chưa chọn thành phần hồ sơ còn thiếu" in response.content.decode()
    response = client.get(url, {"thu_tuc": procedure.pk, "ten": "An", "thieu": [*ids, 999999]})
    assert "có thành phần không thuộc thủ tục này" in response.content.decode()
    response = client.get(url, {"thu_tuc": "abc", "ten": "An", "thieu": ids})
    assert response.status_code == 400
    assert client.get(url, {"thu_tuc": 999999, "ten": "An", "thieu": ids}).status_code == 404


def test_guidance_slip_of_a_procedure_outside_the_ward_is_404(client, procedure, people):
    client.force_login(people["other_desk"])
    params = {"thu_tuc": procedure.pk, "ten": "An", "thieu": _missing_ids(procedure, "Tờ khai")}
    assert client.get(reverse(GUIDANCE), params).status_code == 404


# --- the dossier log ------------------------------------------------------------------------


def _log(client, user, start, end):
    client.force_login(user)
    return client.get(reverse(LOG), {"tu": start, "den": end})


def _rows(response):
    """Data rows of the log: those whose second column holds a dossier code."""
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content)).active
    return [
        [c.value for c in row]
        for row in ws.iter_rows()
        if isinstance(row[1].value, str) and row[1].value.startswith("000.00.20.H01-")
    ]


@pytest.fixture
def week(receive, people):
    """Three dossiers received on 3, 4 and 5 March; one on 10 March (outside the week)."""
    first = receive(at=vn(3, 8))
    services.dossier_assign(
        dossier=first, actor=people["desk"], assignee=people["specialist"], at=vn(3, 9)
    )
    services.dossier_stop(dossier=first, actor=people["head"], reason="Tranh chấp", at=vn(4, 9))
    return [first, receive(at=vn(4, 10)), receive(at=vn(5, 16)), receive(at=vn(10, 8))]


def test_log_lists_the_period_s_dossiers_oldest_first(client, people, week):
    response = _log(client, people["desk"], "2025-03-03", "2025-03-07")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="so-theo-doi-ho-so-20250303-20250307.xlsx"'
    )
    rows = _rows(response)
    assert [r[1] for r in rows] == [d.code for d in week[:3]]
    first = rows[0]
    assert first[0] == 1
    assert first[2] == "Đăng ký biến động quyền sử dụng đất"
    assert first[4] == "Nguyễn Văn Bình"
    assert first[5] == "12 Yersin, phường Hiệp Thành, 0912345678"
    assert first[6] == "Tư pháp - Hộ tịch"  # the body it was assigned to
    assert first[7].strftime("%d/%m/%Y %H:%M") == "03/03/2025 08:00"  # local wall-clock time
    assert first[8].strftime("%d/%m/%Y %H:%M") == "06/03/2025 08:00"
    assert first[9].strftime("%d/%m/%Y %H:%M") == "03/03/2025 09:00"
    assert first[-1] == "Dừng xử lý"
    assert rows[1][9] is None  # not yet sent to a department


def test_log_of_another_ward_is_empty(client, people, week):
    assert _rows(_log(client, people["other_desk"], "2025-03-03", "2025-03-07")) == []


def test_log_day_boundaries_are_vietnamese_days(client, receive, people):
    # 06:30 on 4/3 in Vietnam is 23:30 on 3/3 in UTC: it belongs to the 4th.
    early = receive(at=vn(4, 6, 30))
    assert _rows(_log(client, people["desk"], "2025-03-03", "2025-03-03")) == []
    assert [r[1] for r in _rows(_log(client, people["desk"], "2025-03-04", "2025-03-04"))] == [
        early.code
    ]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("", "2025-03-07", "Ngày bắt đầu (tu) phải có dạng YYYY-MM-DD"),
        ("2025-03-07", "07/03/2025", "Ngày kết thúc (den) phải có dạng YYYY-MM-DD"),
        ("2025-03-07", "2025-03-03", "ngày kết thúc trước ngày bắt đầu"),
        ("2024-01-01", "2025-03-03", "tối đa 366 ngày"),
    ],
)
def test_log_bad_dates_get_a_vietnamese_message(client, people, start, end, message):
    response = _log(client, people["desk"], start, end)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_log_needs_an_officer(client, people):
    assert client.get(reverse(LOG), {"tu": "2025-03-03", "den": "2025-03-07"}).status_code == 302
    assert _log(client, people["citizen"], "2025-03-03", "2025-03-07").status_code == 404


def test_log_query_count_does_not_grow_with_the_dossiers(
    client, receive, people, django_assert_num_queries
):
    client.force_login(people["desk"])
    url = reverse(LOG)
    params = {"tu": "2025-03-03", "den": "2025-03-07"}
    receive(at=vn(3, 8))
    with django_assert_num_queries(QUERIES):
        assert len(_rows(client.get(url, params))) == 1
    for day in (3, 4, 5):
        d = receive(at=vn(day, 10))
        services.dossier_assign(
            dossier=d, actor=people["desk"], assignee=people["specialist"], at=vn(day, 11)
        )
    with django_assert_num_queries(QUERIES):
        assert len(_rows(client.get(url, params))) == 4


# session, user, user's groups (roles), the user's unit and its parent (the ward: scope and
# header), administrative units below the ward (excluded from scope), the scope's unit ids
# (the read policy's filter, `permissions.read_filter`), the dossiers (with procedure and unit
# joined), their assignment events (with the receiving unit joined).
QUERIES = 9
