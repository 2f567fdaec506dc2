"""The public status page: code + lookup key (or the applicant's ID number) shows status, steps
and the pending request; a wrong key or an unknown code shows the same "not found" and nothing
of the dossier; lookups are rate-limited per IP."""

import pytest

from motcua.accounts.ratelimit import LIMITS
from tests.portal import tracking_data as data

pytestmark = pytest.mark.django_db

URL = "/cong-dan/tra-cuu/"
NOT_FOUND = "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu"


@pytest.fixture
def world(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return data.make_world(make_user)


def test_code_and_lookup_key_show_status_steps_and_the_supplement_asked_for(
    client, world, django_assert_num_queries
):
    d = data.supplement_requested(world)
    # dossier; its events with their units
    with django_assert_num_queries(2):
        response = client.get(URL, {"ma": d.code, "khoa": d.lookup_key.lower()})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Yêu cầu bổ sung" in text
    assert "Bản sao giấy khai sinh" in text and "Sơ đồ vị trí thửa đất" in text
    assert "Tiếp nhận hồ sơ" in text and "Tư pháp - Hộ tịch" in text
    assert d.appointment_at is not None
    # no officer's name, no applicant's contact details
    for private in ("Chuyenvien", "Motcua", "0987654321", "lan@example.vn", "Bạch Đằng"):
        assert private not in text


def test_the_applicant_id_number_works_as_the_key(client, world):
    d = data.payment_requested(world)
    text = client.get(URL, {"ma": d.code, "khoa": data.APPLICANT["id_number"]}).content.decode()
    assert "Yêu cầu thực hiện nghĩa vụ tài chính" in text
    assert "50.000" in text


def test_wrong_key_and_unknown_code_reveal_nothing_and_look_the_same(client, world):
    d = data.supplement_requested(world)
    wrong = client.get(URL, {"ma": d.code, "khoa": "SAIMA123"})
    unknown = client.get(URL, {"ma": "000.00.20.H01-250303-9999", "khoa": d.lookup_key})
    assert wrong.status_code == unknown.status_code == 404
    for response in (wrong, unknown):
        text = response.content.decode()
        assert NOT_FOUND in text
        for secret in (
            "Yêu cầu bổ sung",
            "Bản sao giấy khai sinh",
            "Đăng ký biến động",
            "Tiếp nhận",
        ):
            assert secret not in text
    # the main content is identical apart from what the visitor typed
    assert _main(wrong).replace("SAIMA123", "").replace(d.code, "") == (
        _main(unknown).replace(d.lookup_key, "").replace("000.00.20.H01-250303-9999", "")
    )


def _main(response) -> str:
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def test_empty_form_asks_for_both_fields(client, world):
    text = client.get(URL, {"ma": "", "khoa": ""}).content.decode()
    assert "Vui lòng nhập mã hồ sơ." in text
    assert "Vui lòng nhập mã tra cứu hoặc số định danh cá nhân." in text


def test_lookups_are_rate_limited_per_ip(client, world):
    d = data.filed(world)
    limit, _window = LIMITS["track:ip"]
    for i in range(limit):
        assert client.get(URL, {"ma": d.code, "khoa": f"DOAN{i:04d}"}).status_code == 404
    blocked = client.get(URL, {"ma": d.code, "khoa": d.lookup_key})
    assert blocked.status_code == 429
    text = blocked.content.decode()
    assert "Bạn đã thử quá nhiều lần" in text
    assert "Đang xử lý" not in text
    # another address is not blocked
    other = client.get(URL, {"ma": d.code, "khoa": d.lookup_key}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_the_receipt_qr_link_lands_on_the_tracking_page(client, world):
    d = data.filed(world)
    response = client.get("/tra-cuu/", {"ma": d.code, "khoa": d.lookup_key}, follow=True)
    assert response.redirect_chain[-1][0].startswith(URL + "?")
    assert "Đang xử lý" in response.content.decode()
