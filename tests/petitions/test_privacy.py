"""Personal data masked before an answer is published, as a table."""

import pytest

from motcua.petitions.domain.privacy import redact

ROWS = [
    ("Gọi tôi số 0912 345 678 nhé", [], "Gọi tôi số *** nhé"),
    ("SĐT +84 912.345.678.", [], "SĐT ***."),
    ("CCCD 074089001234 cấp 2021", [], "CCCD *** cấp 2021"),
    ("Thư: mai.tran@example.vn, cảm ơn", [], "Thư: ***, cảm ơn"),
    ("Tôi là Trần Thị Mai, ở phường", ["Trần Thị Mai"], "Tôi là ***, ở phường"),
    ("tôi là trần thị mai", ["Trần Thị Mai"], "tôi là ***"),
    # Kept: dates, short numbers, legal references, article numbers.
    ("Luật Hộ tịch 2014, Điều 16; Nghị định 123/2015/NĐ-CP", [], None),
    ("Hạn 15 ngày làm việc, lệ phí 2.000 đồng", [], None),
    ("Mã hồ sơ 000.00.20.H01-250303-0001", [], None),
]


@pytest.mark.parametrize("text, names, expected", ROWS)
def test_redact(text, names, expected):
    assert redact(text, names=names) == (text if expected is None else expected)


def test_public_page_masks_personal_data_written_in_the_text(client, submit, act):
    p = submit(content="Tôi là Trần Thị Mai, số 0987654321, hỏi về khai sinh.")
    act(p, "accept", "specialist")
    act(p, "answer", "specialist", "Kính gửi bà Trần Thị Mai: chỉ cần giấy chứng sinh.")
    act(p, "publish", "head")
    html = client.get(f"/phan-anh/cong-khai/{p.code}/").content.decode()
    assert "hỏi về khai sinh" in html and "chỉ cần giấy chứng sinh" in html
    assert "Trần Thị Mai" not in html and "0987654321" not in html
    # Nor can the public search find a petition by its sender's phone number.
    assert p.code not in client.get("/phan-anh/", {"q": "0987654321"}).content.decode()


def test_publisher_may_word_the_public_question(client, submit, act):
    p = submit(content="Nội dung riêng tư dài dòng.")
    act(p, "accept", "specialist")
    act(p, "answer", "specialist", "Trả lời.")
    act(p, "publish", "head", "Hỏi về thủ tục khai sinh cho trẻ sinh tại nhà.")
    html = client.get(f"/phan-anh/cong-khai/{p.code}/").content.decode()
    assert "trẻ sinh tại nhà" in html and "riêng tư" not in html
