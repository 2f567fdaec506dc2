"""Mẫu 02 (supplement guidance), 03 (refusal), 04 (apology) and, from 2025, 05 (stop)."""

import pytest

from motcua.printing import FormDataError, render_form

from .conftest import CODE, CODE_2025, pdf_text

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize("rule_set", ["tt01_2018", "tt03_2025"])
def test_supplement_guidance_lists_every_missing_item_once(rule_set, supplement):
    text = pdf_text(render_form(rule_set=rule_set, form="supplement", data=supplement))

    assert NATIONAL in text
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "1. Giấy chứng sinh (bản chính)" in text
    assert "2. Giấy chứng nhận kết hôn của cha, mẹ (bản sao chứng thực)" in text
    assert "Lý do: Hồ sơ chưa đủ thành phần theo Điều 16 Luật Hộ tịch." in text
    assert "số điện thoại 0274 3822 123 để được hướng dẫn" in text
    assert "NGƯỜI HƯỚNG DẪN" in text


@pytest.mark.parametrize("rule_set", ["tt01_2018", "tt03_2025"])
def test_refusal_states_the_legal_basis_and_reasons(rule_set, refusal):
    text = pdf_text(render_form(rule_set=rule_set, form="refusal", data=refusal))

    assert NATIONAL in text
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Căn cứ quy định tại Luật Hộ tịch năm 2014 và Nghị định số 123/2015/NĐ-CP" in text
    assert "1. Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường." in text
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text


def test_2018_apology_gives_the_reason_and_the_new_appointment(apology):
    text = pdf_text(render_form(rule_set="tt01_2018", form="apology", data=apology))

    assert NATIONAL in text
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "Kính gửi: Nguyễn Thị Hồng Nhung" in text
    assert f"mã hồ sơ {CODE}" in text
    assert "16 giờ 30 phút, ngày 21/02/2024" in text  # the missed appointment
    assert "cần xác minh nơi sinh với Ủy ban nhân dân xã An Tây." in text
    assert "hẹn lại thời gian trả kết quả vào 10 giờ 00 phút, ngày 26/02/2024" in text
    assert "CHỦ TỊCH" in text and "Lê Văn Cường" in text


def test_2025_apology_asks_for_an_extension(apology):
    text = pdf_text(render_form(rule_set="tt03_2025", form="apology", data=apology))

    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text
    assert "đề nghị gia hạn thời gian giải quyết" in text
    assert "10 giờ 00 phút, ngày 26/02/2024" in text


def test_2025_stop_notice_names_the_dossier_and_reasons(stop):
    text = pdf_text(render_form(rule_set="tt03_2025", form="stop", data=stop))

    assert NATIONAL in text
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert "Thành phố Hồ Chí Minh, ngày 10 tháng 11 năm 2025" in text
    assert f"mã hồ sơ {CODE_2025}" in text
    assert "Căn cứ Nghị định số 118/2025/NĐ-CP" in text
    assert "1. Người yêu cầu có văn bản đề nghị dừng giải quyết hồ sơ." in text


def test_2018_rules_have_no_stop_notice(stop):
    with pytest.raises(FormDataError, match="Thông tư 01/2018/TT-VPCP không có mẫu 'stop'"):
        render_form(rule_set="tt01_2018", form="stop", data=stop)
