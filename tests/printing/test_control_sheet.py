"""Control sheet (TT 01/2018 Mẫu 05, TT 03/2025 Mẫu 06): every hand-over with its result."""

import pytest

from motcua.printing import render_form

from .conftest import CODE, pdf_text


@pytest.mark.parametrize("rule_set", ["tt01_2018", "tt03_2025"])
def test_control_sheet_lists_handovers_with_giver_receiver_time_and_result(rule_set, control_sheet):
    text = pdf_text(render_form(rule_set=rule_set, form="control_sheet", data=control_sheet))

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert f"Mã hồ sơ: {CODE}" in text
    assert "Cơ quan (bộ phận) giải quyết hồ sơ: Tư pháp - Hộ tịch phường Phú Cường" in text
    assert "Cơ quan phối hợp giải quyết hồ sơ: UBND xã An Tây" in text
    assert "1. Tiếp nhận, chuyển xử lý" in text
    assert "10 giờ 00 phút, ngày 07/02/2024" in text
    assert "08 giờ 05 phút, ngày 22/02/2024" in text
    assert "Phạm Thị Dung" in text and "Lê Văn Cường" in text
    for result in ("Trước hạn", "Đúng hạn", "Quá hạn"):
        assert result in text
    assert "Chờ xác minh" in text


def test_a_step_still_in_progress_has_no_result_yet(control_sheet):
    import dataclasses

    open_step = dataclasses.replace(control_sheet.handovers[-1], result="", note="")
    data = dataclasses.replace(control_sheet, handovers=[*control_sheet.handovers[:2], open_step])
    text = pdf_text(render_form(rule_set="tt01_2018", form="control_sheet", data=data))

    assert "Quá hạn" not in text
    assert "3. Ký kết quả" in text


@pytest.mark.parametrize("rule_set", ["tt01_2018", "tt03_2025"])
def test_printed_at_intake_before_any_hand_over_with_rows_to_fill_in(rule_set, control_sheet):
    import dataclasses

    data = dataclasses.replace(control_sheet, handovers=[], coordinating_bodies=[])
    pdf = render_form(rule_set=rule_set, form="control_sheet", data=data)
    text = pdf_text(pdf)

    assert f"Mã hồ sơ: {CODE}" in text
    assert "Tiếp nhận, chuyển xử lý" not in text
    for n in range(1, 5):
        assert f"{n}." in text
    assert text.count("Giao:") == 4 and text.count("Nhận:") == 4
