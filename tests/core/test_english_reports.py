"""English for the reports, the Decision 766 indicators and the dashboard: after the language
switch, no Vietnamese word is left on these pages but the data (unit, procedure, field and
people's names, typed reasons) — a label that is not wrapped for translation, or has no entry in
the catalogue, fails here. The exports (XLSX, PDF) speak the reader's language too, and every
notification template has its English sibling (the messages are checked in
tests/notifications/test_ngon_ngu_thong_bao.py, the printed forms' labels in
tests/printing/test_in_song_ngu.py)."""

import io
import re
from pathlib import Path

import pytest

import motcua
from motcua.accounts.roles import Role
from motcua.catalogue.models import Field, ProcedureVersion
from motcua.dossiers.domain.workflow import Status
from motcua.org.models import OrgUnit
from motcua.reports import services
from tests.reports.conftest import make_dossier, procedures, tree, vn  # noqa: F401

VIETNAMESE = re.compile(
    r"\S*[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]\S*", re.I
)
LEGAL_NUMBER = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ]")
PAGES = ["/bao-cao/", "/bao-cao/tra-lai/", "/bao-cao/thu-tuc/", "/bao-cao/chi-so-766/",
         "/bao-cao/bang-dieu-khien/"]  # fmt: skip
REASON = "Lý do dừng"


@pytest.fixture
def reader(client, tree, make_dossier, make_user):  # noqa: F811
    """A supervisor of the district reading in English, with dossiers of every kind in 2024."""
    for status, finished in [(Status.RETURNED, vn(2024, 3, 6)), (Status.PROCESSING, None)]:
        make_dossier(tree["A.MC"], received=vn(2024, 3, 4), due=vn(2024, 3, 7, 17),
                     finished=finished, status=status, channel=2)  # fmt: skip
    stopped = make_dossier(tree["A.MC"], received=vn(2024, 3, 4), due=vn(2024, 3, 7, 17),
                           finished=vn(2024, 3, 8), status=Status.STOPPED)  # fmt: skip
    stopped.events.create(action="stop", at=vn(2024, 3, 8), reason=REASON, from_status=4,
                          to_status=8)  # fmt: skip
    services.facts_rebuild()
    client.force_login(make_user("gs", Role.SUPERVISOR, unit=tree["D"], full_name="Giám sát"))
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def _data() -> list[str]:
    """Vietnamese that is data, not interface: names as stored, typed reasons."""
    names = [*OrgUnit.objects.values_list("name", flat=True)]
    names += ProcedureVersion.objects.values_list("name", flat=True)
    names += Field.objects.values_list("name", flat=True)
    names += ["Nguyễn Văn A", "Giám sát", REASON, "Tiếng Việt"]  # applicant, reader, switch
    return sorted(set(names), key=len, reverse=True)


def _left_in_vietnamese(text: str) -> list[str]:
    text = " ".join(text.split())
    for name in _data():
        text = text.replace(name, " ")
    # a legal document's number (Nghị định 61/2018/NĐ-CP) is a name, not a label
    return sorted({w for w in VIETNAMESE.findall(text) if not LEGAL_NUMBER.search(w)})


@pytest.mark.parametrize("url", PAGES)
def test_report_page_has_no_vietnamese_left(reader, url):
    response = reader.get(url, {"nam": 2024})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="en"' in html
    body = html.split("<main", 1)[-1].split("</main>", 1)[0]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    # attributes a reader hears (aria-label, title) count; markup does not
    heard = " ".join(re.findall(r'(?:aria-label|title)="([^"]*)"', body))
    text = re.sub(r"<[^>]+>", " ", body) + " " + heard
    left = _left_in_vietnamese(text)
    assert left == [], f"{url}: {left}"


def test_on_time_page_reads_in_english(reader):
    page = reader.get("/bao-cao/", {"nam": 2024}).content.decode()
    for phrase in ["On-time rate by year and quarter", "Year 2024", "Q1/2024", "Total",
                   "dossiers resolved on time, a rate of", "Download Excel (XLSX)"]:  # fmt: skip
        assert phrase in page, phrase


def test_766_page_reads_in_english(reader):
    page = reader.get("/bao-cao/chi-so-766/", {"nam": 2024}).content.decode()
    for phrase in ["Share of dossiers handled early or on time", "Publicity and transparency",
                   "Not recorded by the system yet:", "No data yet", "Total score:"]:  # fmt: skip
        assert phrase in page, phrase


def test_xlsx_export_in_english(reader):
    from openpyxl import load_workbook

    response = reader.get("/bao-cao/dung-han.xlsx", {"nam": 2024})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    cells = [str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row if c]
    text = " ".join(cells)
    assert book.sheetnames == ["On time", "By year and quarter"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (Socialist Republic of Viet Nam)" in text
    for phrase in ["On-time rate", "Indicator 2.1 (Decision 766)", "Year 2024", "Total"]:
        assert phrase in text, phrase
    national = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}
    rest = " ".join(c for c in cells if not any(n in c for n in national))
    assert _left_in_vietnamese(rest) == []


def test_pdf_export_in_english(reader):
    from pypdf import PdfReader

    response = reader.get("/bao-cao/dung-han.pdf", {"nam": 2024})
    assert response.status_code == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for phrase in ["Socialist Republic of Viet Nam", "Results by unit", "PREPARED BY",
                   "On-time rate by year and quarter", "Page 1"]:  # fmt: skip
        assert phrase in text, phrase


def test_returned_xlsx_in_english(reader):
    from openpyxl import load_workbook

    response = reader.get("/bao-cao/tra-lai.xlsx", {"nam": 2024, "loai": "stop"})
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = [[c for c in row if c] for row in ws.iter_rows(values_only=True)]
    assert ws.title == "Returned dossiers"
    assert ["Date", "Dossier code", "Dossier holder", "Procedure", "Receiving unit", "Type",
            "Reason", "Performed by"] in rows  # fmt: skip
    assert any("Stop processing" in str(c) for row in rows for c in row)


def test_vietnamese_stays_the_default(client, tree, make_user):  # noqa: F811
    client.force_login(make_user("gs", Role.SUPERVISOR, unit=tree["D"]))
    page = client.get("/bao-cao/chi-so-766/", {"nam": 2024}).content.decode()
    assert "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn" in page and "Total score" not in page


def test_every_notification_template_has_its_english():
    root = Path(motcua.__file__).resolve().parent
    missing = [
        str(p.relative_to(root))
        for p in root.glob("*/templates/notifications/*/*.txt")
        if not p.name.endswith(".en.txt") and not p.with_suffix(".en.txt").is_file()
    ]
    assert len(list(root.glob("*/templates/notifications/*/sms.txt"))) >= 14
    assert missing == []
