"""Mẫu 01: receipt and appointment, given at reception (a dossier is never received without it)."""

import dataclasses

import pytest

from motcua.printing import render_form

from .conftest import CODE, URL, pdf_pages, pdf_text

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize("rule_set", ["tt01_2018", "tt03_2025"])
def test_receipt_prints_header_code_appointment_and_components(rule_set, receipt):
    pdf = render_form(rule_set=rule_set, form="receipt", data=receipt)

    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert NATIONAL in text
    assert "UBND THÀNH PHỐ THỦ DẦU MỘT" in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert f"Mã hồ sơ: {CODE}" in text
    assert "Thủ Dầu Một, ngày 07 tháng 02 năm 2024" in text
    assert "Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 07/02/2024" in text
    assert "Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 21/02/2024" in text
    assert "Tờ khai đăng ký khai sinh Bản chính 01" in text
    assert "Giấy chứng nhận kết hôn của cha, mẹ Bản sao chứng thực 02" in text
    assert "Nguyễn Thị Hồng Nhung" in text
    assert "Mã tra cứu: K7QM2X" in text


def test_receipt_prints_the_status_url_that_the_qr_code_encodes(receipt):
    pdf = render_form(rule_set="tt01_2018", form="receipt", data=receipt)

    # The URL may wrap at a line end; the QR code (vector paths) encodes the same string.
    assert URL in pdf_text(pdf).replace(" ", "")
    assert "Quét mã để tra cứu" in pdf_text(pdf)


def test_receipt_has_two_copies_one_for_the_applicant_one_kept(receipt):
    pdf = render_form(rule_set="tt01_2018", form="receipt", data=receipt)

    assert pdf_pages(pdf) == 2
    text = pdf_text(pdf)
    assert "(Liên: Giao khách hàng)" in text and "(Liên: Lưu)" in text


def test_receipt_converts_utc_instants_to_vietnamese_local_time(receipt):
    from datetime import UTC, datetime

    data = dataclasses.replace(
        receipt,
        received_at=datetime(2024, 2, 7, 2, 15, tzinfo=UTC),
        due_at=datetime(2024, 2, 21, 9, 30, tzinfo=UTC),
    )
    text = pdf_text(render_form(rule_set="tt01_2018", form="receipt", data=data))

    assert "09 giờ 15 phút, ngày 07/02/2024" in text
    assert "16 giờ 30 phút, ngày 21/02/2024" in text


def test_blank_optional_fields_print_as_dotted_lines_to_fill_by_hand(receipt):
    data = dataclasses.replace(receipt, email="", log_book="", log_number="")
    text = pdf_text(render_form(rule_set="tt01_2018", form="receipt", data=data))

    assert "Email: …………………" in text
    assert "Quyển số: …………………" in text


def test_2025_receipt_names_the_one_stop_section(receipt):
    text = pdf_text(render_form(rule_set="tt03_2025", form="receipt", data=receipt))

    assert "được lưu tại Bộ phận Một cửa" in text


def _copies(pdf: bytes) -> list[str]:
    import io

    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("rule_set", ["tt01_2018", "tt03_2025"])
@pytest.mark.parametrize("n", [4, 8, 24])
def test_each_copy_with_its_notes_on_one_page(rule_set, receipt, n):
    from motcua.printing.data import Component

    long = "Giấy tờ tùy thân của người yêu cầu (hộ chiếu, Căn cước); xuất trình hoặc khai thác"
    items = [Component(name=f"{long} {i}", form="Bản chính", copies=1) for i in range(n)]
    pdf = render_form(
        rule_set=rule_set,
        form="receipt",
        data=dataclasses.replace(receipt, components=items, fees="Miễn lệ phí"),
    )
    pages = _copies(pdf)
    assert len(pages) == 2  # one page per copy (liên), however many components
    for page, lien in zip(pages, ("Giao khách hàng", "Lưu"), strict=True):
        assert f"Liên: {lien}" in page
        assert "Ghi chú" in page and "NGƯỜI TIẾP NHẬN HỒ SƠ" in page
        assert f"{long} {n - 1}" in " ".join(page.split())
