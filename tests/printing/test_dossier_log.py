"""Dossier log (TT 01/2018 Mẫu 06, TT 03/2025 Mẫu 07) as XLSX for a date range."""

import io
from datetime import date, datetime

import openpyxl
import pytest

from motcua.printing import FormDataError, LogPeriod, LogRow, dossier_log_xlsx

from .conftest import CODE, TZ

PERIOD = LogPeriod(
    start=date(2024, 2, 1),
    end=date(2024, 2, 29),
    agency_name="UBND thành phố Thủ Dầu Một",
    unit_name="Bộ phận tiếp nhận và trả kết quả phường Phú Cường",
)


def _rows():
    return [
        LogRow(
            dossier_code=CODE,
            procedure_name="Đăng ký khai sinh",
            applicant_name="Nguyễn Thị Hồng Nhung",
            applicant_address="Số 12 đường Yersin",
            phone="0912 345 678",
            handling_body="Tư pháp - Hộ tịch",
            received_at=datetime(2024, 2, 7, 9, 15, tzinfo=TZ),
            due_at=datetime(2024, 2, 21, 16, 30, tzinfo=TZ),
            transferred_at=datetime(2024, 2, 7, 10, 0, tzinfo=TZ),
            returned_at=datetime(2024, 2, 20, 8, 0, tzinfo=TZ),
            channel="Trực tiếp",
        ),
        LogRow(
            dossier_code="000.00.25.H06-240208-0001",
            procedure_name="Chứng thực bản sao từ bản chính",
            applicant_name="Công ty TNHH Đại Phát",
            received_at=datetime(2024, 2, 8, 14, 0, tzinfo=TZ),
            due_at=datetime(2024, 2, 8, 17, 0, tzinfo=TZ),
            dossier_sets=3,
        ),
    ]


def _sheet(xlsx: bytes):
    return openpyxl.load_workbook(io.BytesIO(xlsx)).active


def _find(ws, value):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == value:
                return cell
    raise AssertionError(f"{value!r} not in sheet")


def test_log_has_title_period_headings_and_one_line_per_dossier():
    ws = _sheet(dossier_log_xlsx(_rows(), PERIOD))

    assert ws["A1"].value == "UBND THÀNH PHỐ THỦ DẦU MỘT"
    _find(ws, "SỔ THEO DÕI HỒ SƠ")
    _find(ws, "Từ ngày 01/02/2024 đến ngày 29/02/2024")
    code = _find(ws, "Mã hồ sơ")
    group = _find(ws, "Trả kết quả cho cá nhân, tổ chức")
    assert ws.cell(group.row + 1, group.column).value == "Ngày trả"
    assert ws.cell(group.row + 1, group.column + 1).value == "Ký nhận"

    first = code.row + 3  # two heading rows, then the (1) (2) ... numbering row
    assert ws.cell(first - 1, 1).value == "(1)"
    assert [ws.cell(first + i, 1).value for i in range(2)] == [1, 2]
    assert ws.cell(first, code.column).value == CODE
    assert ws.cell(first + 1, code.column).value == "000.00.25.H06-240208-0001"
    assert _find(ws, "Tên thủ tục hành chính").column == code.column + 1
    assert ws.cell(first + 1, code.column + 1).value == "Chứng thực bản sao từ bản chính"
    assert _find(ws, "Địa chỉ, số điện thoại")
    assert ws.cell(first, _find(ws, "Địa chỉ, số điện thoại").column).value == (
        "Số 12 đường Yersin, 0912 345 678"
    )
    assert ws.cell(first + 1, _find(ws, "Số lượng hồ sơ (bộ)").column).value == 3


def test_log_dates_are_excel_dates_in_vietnamese_local_time():
    ws = _sheet(dossier_log_xlsx(_rows(), PERIOD))
    received = _find(ws, "Ngày, giờ nhận hồ sơ")
    first = received.row + 3

    cell = ws.cell(first, received.column)
    assert cell.value == datetime(2024, 2, 7, 9, 15)
    assert cell.number_format == "dd/mm/yyyy hh:mm"
    returned = _find(ws, "Ngày trả")
    assert ws.cell(first, returned.column).value == datetime(2024, 2, 20, 8, 0)
    assert ws.cell(first + 1, returned.column).value is None  # not returned yet


def test_2025_log_is_form_07_with_the_reception_channel():
    period = LogPeriod(start=date(2025, 11, 1), end=date(2025, 11, 30))
    ws = _sheet(dossier_log_xlsx(_rows(), period))

    channel = _find(ws, "Hình thức tiếp nhận")
    assert ws.cell(channel.row + 3, channel.column).value == "Trực tiếp"


def test_log_rule_set_can_be_chosen_explicitly():
    period = LogPeriod(start=date(2025, 11, 1), end=date(2025, 11, 30))
    ws = _sheet(dossier_log_xlsx(_rows(), period, rule_set="tt01_2018"))

    with pytest.raises(AssertionError):
        _find(ws, "Hình thức tiếp nhận")


def test_empty_period_gives_headings_only():
    ws = _sheet(dossier_log_xlsx([], PERIOD))

    code = _find(ws, "Mã hồ sơ")
    assert ws.cell(code.row + 3, code.column).value is None


def test_log_row_without_code_is_refused_with_its_line_number():
    bad = _rows()
    bad[1] = LogRow(
        dossier_code="",
        procedure_name="Chứng thực bản sao từ bản chính",
        applicant_name="Công ty TNHH Đại Phát",
        received_at=datetime(2024, 2, 8, 14, 0, tzinfo=TZ),
        due_at=datetime(2024, 2, 8, 17, 0, tzinfo=TZ),
    )
    with pytest.raises(FormDataError, match=r"dòng 2: thiếu Mã hồ sơ \(dossier_code\)"):
        dossier_log_xlsx(bad, PERIOD)


def test_period_ending_before_it_starts_is_refused():
    with pytest.raises(FormDataError, match="ngày kết thúc kỳ trước ngày bắt đầu"):
        dossier_log_xlsx([], LogPeriod(start=date(2024, 2, 29), end=date(2024, 2, 1)))
