"""SMS texts: Vietnamese without diacritics, one 160-character message where possible
(GSM 03.38 7-bit; a single accented letter would switch the message to 70-character UCS-2)."""

import pytest

from motcua.notifications.domain import SMS_SEGMENT, sms_fold, sms_text

LINK = "https://motcua.example.gov.vn/tra-cuu/?ma=000.57.47.H29-261201-0001&khoa=AB12CD"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hồ sơ đã được tiếp nhận", "Ho so da duoc tiep nhan"),
        ("ĐĂNG KÝ KHAI SINH", "DANG KY KHAI SINH"),
        ("Phường Thủ Dầu Một\n  Ngày 01/12", "Phuong Thu Dau Mot Ngay 01/12"),
        ("ưu ơn ăn âm ê ô", "uu on an am e o"),
        ("plain ascii 123", "plain ascii 123"),
    ],
)
def test_fold(text, folded):
    assert sms_fold(text) == folded


def test_short_text_is_kept_whole():
    assert sms_text("Hồ sơ X đã có kết quả.") == "Ho so X da co ket qua."


def test_long_text_is_cut_to_one_message_keeping_the_link():
    text = "Hồ sơ cần bổ sung: " + "; ".join(["Bản sao có chứng thực giấy tờ"] * 8)
    sms = sms_text(f"{text}. Chi tiết: {LINK}")
    assert len(sms) <= SMS_SEGMENT and sms.isascii()
    assert sms.startswith("Ho so can bo sung: Ban sao co chung thuc giay to;")
    assert sms.endswith(f"... {LINK}") and "Chi tiet" not in sms


def test_long_text_without_link_is_cut_on_a_word():
    sms = sms_text("Lý do: " + "không thuộc thẩm quyền " * 12)
    assert len(sms) <= SMS_SEGMENT and sms.endswith("...")
    assert sms[: -len("...")].split()[-1] in {"khong", "thuoc", "tham", "quyen"}


def test_the_words_keep_the_link_without_its_label_when_that_fits():
    words = "Hồ sơ 000.57.47.H29-261201-0001 đã được tiếp nhận, hẹn trả 17:00 03/12/2026."
    sms = sms_text(f"{words} Tra cứu: {LINK}")
    assert sms == f"{sms_fold(words)} {LINK}"


def test_the_words_come_before_a_link_that_leaves_no_room():
    words = "Hồ sơ đã được tiếp nhận. Hẹn trả kết quả: 17:00 ngày 03/12/2026."
    long_link = "https://example.vn/" + "a" * 150
    assert sms_text(f"{words} Tra cứu: {long_link}") == sms_fold(words)
