"""Each event renders Vietnamese text with the dossier code and the appointment, as plain text."""

from datetime import datetime

import pytest

from motcua.notifications.events import EVENTS
from motcua.notifications.models import Notification
from motcua.notifications.sealing import unseal
from motcua.notifications.services import notification_enqueue
from tests.notifications.conftest import VN

pytestmark = pytest.mark.django_db

CODE = "000.00.25.H57-250715-0001"
BASE = {"code": CODE, "applicant_name": "Nguyễn Thị Hoà", "procedure": "Đăng ký khai sinh"}


def _messages(event, context):
    rows = notification_enqueue(
        event=event,
        recipient_email="hoa@example.vn",
        recipient_phone="0912345678",
        context={**BASE, **context},
        ref_type="dossier",
        ref_id=CODE,
    )
    by_channel = {n.channel: n for n in rows}
    return by_channel["email"], by_channel["sms"]


def test_received_gives_code_and_appointment_in_local_time(received_context):
    email, sms = _messages("dossier.received", received_context)
    assert email.subject == f"Hồ sơ {CODE} đã được tiếp nhận"
    assert "Kính gửi Ông/Bà Nguyễn Thị Hoà," in email.body
    assert f"Mã hồ sơ: {CODE}" in email.body
    assert "Thủ tục: Đăng ký khai sinh" in email.body
    assert "Thời điểm tiếp nhận: 09:05 ngày 15/07/2025" in email.body
    assert "Hẹn trả kết quả: 16:30 ngày 17/07/2025" in email.body
    assert "https://motcua.example.gov.vn/tra-cuu/ABC123" in email.body
    assert sms.subject == ""
    assert sms.body == (
        f"Ho so {CODE} da tiep nhan, hen tra 16:30 17/07/2025. "
        "Tra cuu: https://motcua.example.gov.vn/tra-cuu/ABC123"
    )
    assert (email.event, email.ref_type, email.ref_id) == ("dossier.received", "dossier", CODE)


def test_aware_utc_appointment_is_shown_in_vietnam_time():
    from datetime import UTC

    email, sms = _messages(
        "dossier.received", {"appointment": datetime(2025, 7, 17, 9, 30, tzinfo=UTC)}
    )
    assert "Hẹn trả kết quả: 16:30 ngày 17/07/2025" in email.body


def test_supplement_lists_what_is_missing_and_says_the_clock_pauses():
    email, sms = _messages(
        "dossier.supplement_requested",
        {"items": ["Bản sao giấy chứng nhận kết hôn", "Giấy chứng sinh (bản chính)"]},
    )
    assert email.subject == f"Hồ sơ {CODE} cần bổ sung, hoàn thiện"
    assert "- Bản sao giấy chứng nhận kết hôn\n- Giấy chứng sinh (bản chính)" in email.body
    assert "Thời hạn giải quyết tạm dừng" in email.body
    assert "Ban sao giay chung nhan ket hon; Giay chung sinh (ban chinh)" in sms.body


def test_apology_gives_the_missed_and_the_new_appointment():
    email, sms = _messages(
        "dossier.apology",
        {
            "appointment": datetime(2025, 7, 17, 16, 30, tzinfo=VN),
            "new_appointment": datetime(2025, 7, 22, 10, 0, tzinfo=VN),
            "reason": "Cần xác minh thông tin với cơ quan khác",
            "unit": "UBND phường Phú Cường",
        },
    )
    assert email.subject == f"Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {CODE}"
    assert "UBND phường Phú Cường xin lỗi Ông/Bà" in email.body
    assert "đúng hẹn 16:30 ngày 17/07/2025" in email.body
    assert "Lý do: Cần xác minh thông tin với cơ quan khác" in email.body
    assert "Hẹn trả kết quả mới: 10:00 ngày 22/07/2025." in email.body
    assert "10:00 ngay 22/07/2025" in sms.body and CODE in sms.body


def test_result_ready_refused_and_stopped():
    email, sms = _messages("dossier.result_ready", {"delivery": "Bộ phận Một cửa phường"})
    assert email.subject == f"Hồ sơ {CODE} đã có kết quả"
    assert "Nhận kết quả: Bộ phận Một cửa phường" in email.body
    assert sms.body.startswith(f"Ho so {CODE} da co ket qua.")

    email, sms = _messages("dossier.refused", {"reasons": ["Thủ tục không thuộc thẩm quyền"]})
    assert email.subject == f"Hồ sơ {CODE} không được tiếp nhận"
    assert "- Thủ tục không thuộc thẩm quyền" in email.body
    assert sms.body == f"Ho so {CODE} khong duoc tiep nhan. Ly do: Thu tuc khong thuoc tham quyen."

    email, sms = _messages("dossier.stopped", {"reasons": ["Công dân rút hồ sơ"]})
    assert email.subject == f"Hồ sơ {CODE} dừng giải quyết"
    assert "dừng giải quyết hồ sơ" in email.body and "- Công dân rút hồ sơ" in email.body


def test_text_is_not_html_escaped():
    email, _ = _messages(
        "dossier.refused",
        {"applicant_name": "Công ty TNHH Hoà & Bình", "reasons": ['Thiếu "tờ khai" <mẫu 01>']},
    )
    assert "Công ty TNHH Hoà & Bình" in email.body
    assert '- Thiếu "tờ khai" <mẫu 01>' in email.body


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_every_event_has_its_three_templates_and_no_blank_runs(event, received_context):
    context = {
        **received_context,
        "items": ["A"],
        "new_appointment": received_context["appointment"],
        "reason": "R",
        "reasons": ["R"],
    }
    email, sms = _messages(event, context)
    if EVENTS[event].secret:
        # A one-time code: the row keeps it masked, the sender reads the sealed text.
        assert CODE not in email.subject + email.body + sms.body
        assert "••••••" in email.subject and "••••••" in sms.body
        email.subject, email.body = unseal(email.sealed)
        _, sms.body = unseal(sms.sealed)
    else:
        assert not email.sealed and not sms.sealed
    assert CODE in email.subject and CODE in email.body and CODE in sms.body
    assert "\n\n\n" not in email.body
    assert "Đây là thư tự động" in email.body


def test_missing_context_or_unknown_event_is_refused_before_anything_is_written():
    with pytest.raises(ValueError, match="appointment"):
        _messages("dossier.received", {})
    with pytest.raises(ValueError, match="không xác định"):
        _messages("dossier.teleported", {})
    assert Notification.objects.count() == 0


def test_greeting_without_a_name_has_no_dangling_space():
    email, _ = _messages("dossier.result_ready", {"applicant_name": ""})
    assert email.body.startswith("Kính gửi Ông/Bà,\n")
