"""The supervisor in a real browser: the on-time table by year and quarter and by ward, the
returned-dossier list, XLSX and PDF downloads (contents read back), and no way to change
anything. Data: a generated Thủ Dầu Một profile of 1,500 dossiers over 2021–2022 (the full
seed profile is checked from the command line in test_du_lieu_mau_thu_dau_mot.py)."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from motcua.core.formatting import vn_number
from motcua.demo.history import load_profile
from motcua.dossiers.models import DossierEvent
from motcua.org.models import OrgUnit
from motcua.reports.domain.ontime import seed_sentence
from motcua.reports.domain.periods import year
from motcua.reports.selectors import ontime_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def data(transactional_db):
    call_command("demo-data", "--quiet", stdout=io.StringIO())
    load_profile("tdm", dossiers=1500, years="2021-2022", stdout=io.StringIO(), progress=False)
    return ontime_report(period=year(2021), unit=OrgUnit.objects.get(code="718"))


def test_supervisor_reads_the_tables_and_the_returned_list(page, login, data):
    login(page, "giamsat")
    # The demo supervisor reads the whole system (history included): pick the dissolved city.
    page.goto("/bao-cao/?nam=2021&don_vi=718")
    expected = seed_sentence(data.total.counts)
    assert expected in page.get_by_test_id("seed-sentence").inner_text()
    by_quarter = page.get_by_test_id("by-quarter")
    year_row = by_quarter.get_by_role("row").filter(has_text="Năm 2021")
    assert vn_number(data.total.counts.resolved) in year_row.inner_text()
    assert by_quarter.get_by_role("row").filter(has_text="Quý 4/2021").count() == 1
    table = page.get_by_test_id("report-table")
    ward = next(r for r in data.rows if r.code == "25747")
    row = table.get_by_role("row").filter(has_text="Phường Phú Cường")
    assert vn_number(ward.counts.resolved) in row.inner_text()
    # drill down into the ward
    row.get_by_role("link", name="Phường Phú Cường").click()
    page.wait_for_url("**don_vi=25747**")
    assert "Phường Phú Cường" in page.get_by_role("heading", level=1).inner_text()

    page.goto("/bao-cao/?nam=2021&don_vi=718")
    page.get_by_role("navigation", name="Báo cáo").get_by_role("link", name="Hồ sơ trả lại").click()
    returned = page.get_by_test_id("returned-table")
    event = (
        DossierEvent.objects.filter(action__in=["refuse", "stop", "withdraw"], at__year=2021)
        .select_related("dossier", "actor")
        .order_by("-at", "-id")
        .first()
    )
    assert event is not None
    line = returned.get_by_role("row").filter(has_text=event.dossier.code)
    assert event.reason in line.inner_text() and str(event.actor) in line.inner_text()
    # filter to stops only
    page.goto("/bao-cao/tra-lai/?nam=2021&don_vi=718&loai=stop")
    texts = page.get_by_test_id("returned-table").inner_text()
    assert "Dừng xử lý" in texts and "Công dân rút hồ sơ" not in texts


def test_supervisor_downloads_xlsx_and_pdf(page, login, data):
    login(page, "giamsat")
    page.goto("/bao-cao/?nam=2021")
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải Excel (XLSX)").click()
    wb = load_workbook(io.BytesIO(open(info.value.path(), "rb").read()))
    ws = wb["Đúng hạn"]
    assert ws["A1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    cells = [[c.value for c in r] for r in ws.iter_rows()]
    total = next(r for r in cells if r[0] == "Tổng cộng")
    header = next(r for r in cells if r[0] == "Đơn vị")
    assert total[header.index("Đã giải quyết")] == data.total.counts.resolved
    assert total[header.index("Quá hạn")] == data.total.counts.resolved_late

    with page.expect_download() as info:
        page.get_by_role("link", name="Tải PDF (in cho cuộc họp)").click()
    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(open(info.value.path(), "rb").read())).pages
    )
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert seed_sentence(data.total.counts) in " ".join(text.split())


def test_supervisor_cannot_change_anything(page, login, data):
    login(page, "giamsat")
    page.goto("/bao-cao/?nam=2021")
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    for url in ("/bao-cao/", "/bao-cao/tra-lai/", "/bao-cao/dung-han.xlsx",
                "/bao-cao/chi-so-766/", "/bao-cao/bang-dieu-khien/"):  # fmt: skip
        # with a valid CSRF token, so the refusal is the view's own (GET only)
        response = page.request.post(
            url, form={"nam": "2021"}, headers={"X-CSRFToken": token, "Referer": page.url}
        )
        assert response.status == 405, url
    page.goto("/bao-cao/bang-dieu-khien/?nam=2021")
    assert page.locator("svg.chart").count() == 3
    # the only forms that post are the header's sign-out and language switch
    posting = page.locator("main form[method=post]")
    assert posting.count() == 0
    # an officer without a reading role is refused
    page.get_by_role("button", name="Đăng xuất").click()
    login(page, "motcua")
    assert page.goto("/bao-cao/").status == 403
