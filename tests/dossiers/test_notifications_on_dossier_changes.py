"""The applicant hears of every visible change (received, supplement requested, apology,
result ready, refused, stopped): one outbox row per channel, written with the change, with the
dossier's code and appointment in Vietnamese local time; internal steps send nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.notify import lines, status_path
from motcua.notifications.models import Notification

from .conftest import APPLICANT, COMPONENTS, vn
from .outbox import events_sent, outbox


def _walk_to_result(dossier, people, at):
    services.dossier_forward(dossier=dossier, actor=people["specialist"], at=at)
    services.dossier_approve(dossier=dossier, actor=people["head"], at=at)
    services.dossier_sign(dossier=dossier, actor=people["leader"], at=at)
    services.dossier_mark_result_ready(dossier=dossier, actor=people["leader"], at=at)


def test_receive_at_the_counter_notifies_by_email_and_sms(receive):
    dossier = receive()
    sent = outbox(dossier, "dossier.received")
    assert set(sent) == {"email", "sms"}
    email, sms = sent["email"], sent["sms"]
    assert email.recipient == "binh@example.vn"
    assert sms.recipient == "0912345678"
    assert email.subject == f"Hồ sơ {dossier.code} đã được tiếp nhận"
    assert f"Mã hồ sơ: {dossier.code}" in email.body
    assert "Kính gửi Ông/Bà Nguyễn Văn Bình" in email.body
    assert "Thủ tục: Đăng ký biến động quyền sử dụng đất" in email.body
    assert "Thời điểm tiếp nhận: 08:00 ngày 03/03/2025" in email.body
    assert "Hẹn trả kết quả: 08:00 ngày 06/03/2025" in email.body
    assert sms.body.startswith(f"Ho so {dossier.code} da tiep nhan, hen tra 08:00")
    assert (email.status, email.ref_type) == ("pending", "dossier")


def test_appointment_is_in_vietnamese_time_whatever_zone_is_active(receive):
    # 08:00 in Hanoi is 01:00 UTC: an officer's active zone must not leak into the message.
    with timezone.override(dt.UTC):
        dossier = receive()
    assert "08:00 06/03/2025" in outbox(dossier, "dossier.received")["sms"].body


def test_only_the_channels_the_applicant_left(receive):
    email_only = receive(applicant={**APPLICANT, "phone": ""})
    assert set(outbox(email_only, "dossier.received")) == {"email"}
    sms_only = receive(applicant={**APPLICANT, "email": "", "phone": "0912 345 678"})
    sent = outbox(sms_only, "dossier.received")
    assert set(sent) == {"sms"} and sent["sms"].recipient == "0912345678"
    nobody = receive(applicant={"name": "Trần Thị Cúc"})
    assert outbox(nobody) == {}


def test_accepting_an_online_filing_notifies_the_reception(procedure, units, people):
    dossier = services.dossier_submit(
        procedure_version=procedure,
        unit=units["desk"],
        applicant=APPLICANT,
        components=[{"name": c["name"]} for c in COMPONENTS[:2]],
        submitted_by=people["citizen"],
        submitted_at=vn(1, 21),
    )
    # A filing is acknowledged, but it is not yet a reception.
    assert set(outbox(dossier)) == {"dossier.submitted/email", "dossier.submitted/sms"}
    services.dossier_accept(dossier=dossier, actor=people["desk"], at=vn(3, 8))
    sent = outbox(dossier, "dossier.received")
    assert "Hẹn trả kết quả: 08:00 ngày 06/03/2025" in sent["email"].body


def test_supplement_request_lists_each_item(processing, people):
    reason = "- Bản sao chứng thực giấy chứng nhận\n- Sơ đồ thửa đất có xác nhận"
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason=reason, at=vn(4, 9)
    )
    sent = outbox(processing, "dossier.supplement_requested")
    assert "- Bản sao chứng thực giấy chứng nhận\n- Sơ đồ thửa đất có xác nhận" in (
        sent["email"].body
    )
    assert "can bo sung: Ban sao chung thuc giay chung nhan; So do thua dat co xac nhan" in (
        sent["sms"].body
    )


def test_apology_gives_the_missed_and_the_new_appointment(processing, people):
    services.dossier_apologise(
        dossier=processing,
        actor=people["desk"],
        reason="Cần xác minh nguồn gốc đất.",
        new_appointment=vn(11, 16, 30),
        at=vn(5, 16),
    )
    email = outbox(processing, "dossier.apology")["email"]
    assert "chưa thể trả kết quả đúng hẹn 08:00 ngày 06/03/2025" in email.body
    assert "Lý do: Cần xác minh nguồn gốc đất." in email.body
    assert "Hẹn trả kết quả mới: 16:30 ngày 11/03/2025" in email.body


def test_result_ready_says_where_to_collect(processing, people):
    _walk_to_result(processing, people, vn(5, 10))
    sent = outbox(processing, "dossier.result_ready")
    assert sent["email"].subject == f"Hồ sơ {processing.code} đã có kết quả"
    assert "Nhận kết quả: tại Bộ phận Một cửa phường Hiệp Thành" in sent["email"].body


def test_result_by_post(receive, people):
    dossier = receive(result_delivery="post")
    services.dossier_assign(
        dossier=dossier, actor=people["desk"], assignee=people["specialist"], at=vn(3, 9)
    )
    _walk_to_result(dossier, people, vn(5, 10))
    body = outbox(dossier, "dossier.result_ready")["sms"].body
    assert "Nhan ket qua: qua dich vu buu chinh cong ich." in body


def test_refusal_gives_the_reasons(procedure, units, people):
    dossier = services.dossier_submit(
        procedure_version=procedure,
        unit=units["desk"],
        applicant=APPLICANT,
        components=[{"name": c["name"]} for c in COMPONENTS[:2]],
        submitted_by=people["citizen"],
        submitted_at=vn(1, 21),
    )
    services.dossier_refuse(
        dossier=dossier,
        actor=people["desk"],
        reason="Thửa đất thuộc phường Phú Lợi; không thuộc thẩm quyền của phường.",
        at=vn(3, 8),
    )
    sent = outbox(dossier, "dossier.refused")
    assert sent["sms"].body == (
        f"Ho so {dossier.code} khong duoc tiep nhan. Ly do: Thua dat thuoc phuong Phu Loi; "
        "khong thuoc tham quyen cua phuong."
    )
    assert "- Thửa đất thuộc phường Phú Lợi\n- không thuộc thẩm quyền của phường\n" in (
        sent["email"].body
    )


def test_payment_request_tells_the_amount(processing, people):
    services.dossier_request_payment(
        dossier=processing, actor=people["specialist"], amount=75000, note="Lệ phí", at=vn(4, 9)
    )
    sent = outbox(processing, "dossier.payment_requested")
    assert sent["email"].subject == f"Hồ sơ {processing.code}: đề nghị thực hiện nghĩa vụ tài chính"
    assert "thực hiện nghĩa vụ tài chính: 75.000 đồng." in sent["email"].body
    assert "Nội dung: Lệ phí" in sent["email"].body
    assert sent["sms"].body == (
        f"Ho so {processing.code}: de nghi nop 75.000 dong de tiep tuc giai quyet."
    )


def test_every_sms_is_one_plain_message(processing, people, settings):
    settings.MOTCUA_PUBLIC_URL = "https://motcua.example.gov.vn"
    reason = "\n".join(
        f"- Bản sao có chứng thực giấy tờ số {n} của người yêu cầu" for n in range(6)
    )
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason=reason, at=vn(4, 9)
    )
    sms = outbox(processing, "dossier.supplement_requested")["sms"].body
    assert len(sms) <= 160 and sms.isascii()
    assert sms.startswith(f"Ho so {processing.code} can bo sung: Ban sao co chung thuc")
    assert "... https://motcua.example.gov.vn/tra-cuu/?ma=" in sms


def test_stop_gives_the_reason(processing, people):
    services.dossier_stop(
        dossier=processing, actor=people["head"], reason="Đất đang có tranh chấp.", at=vn(4, 10)
    )
    email = outbox(processing, "dossier.stopped")["email"]
    assert f"dừng giải quyết hồ sơ {processing.code}" in email.body
    assert "vì:\n- Đất đang có tranh chấp\n" in email.body


def test_internal_steps_and_withdrawal_send_nothing(processing, people):
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason="Thiếu sơ đồ", at=vn(4, 9)
    )
    services.dossier_receive_supplement(dossier=processing, actor=people["desk"], at=vn(4, 14))
    services.dossier_forward(dossier=processing, actor=people["specialist"], at=vn(4, 15))
    services.dossier_withdraw(
        dossier=processing, actor=people["desk"], reason="Đơn rút hồ sơ", at=vn(4, 16)
    )
    assert events_sent(processing) == ["dossier.received", "dossier.supplement_requested"]


def test_status_link_when_the_public_address_is_set(receive, settings):
    settings.MOTCUA_PUBLIC_URL = "https://motcua.example.gov.vn/"
    dossier = receive()
    sms = outbox(dossier, "dossier.received")["sms"].body
    expected = f"https://motcua.example.gov.vn/tra-cuu/?ma={dossier.code}&khoa={dossier.lookup_key}"
    assert sms.endswith(f" {expected}") and "08:00 06/03/2025" in sms and len(sms) <= 160
    assert status_path(dossier) == expected.removeprefix("https://motcua.example.gov.vn")


def test_no_status_link_without_the_public_address(receive):
    assert "Tra cuu" not in outbox(receive(), "dossier.received")["sms"].body


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Thiếu tờ khai", ["Thiếu tờ khai"]),
        ("- Tờ khai\n- Sơ đồ.\n", ["Tờ khai", "Sơ đồ"]),
        ("1. Tờ khai\n2) Sơ đồ", ["Tờ khai", "Sơ đồ"]),
        ("Tờ khai; Sơ đồ;Bản vẽ", ["Tờ khai", "Sơ đồ;Bản vẽ"]),
        ("  \n ", []),
    ],
)
def test_reason_lines(text, items):
    assert lines(text) == items


def test_one_row_per_channel_per_change(processing):
    assert Notification.objects.filter(ref_id=processing.code).count() == 2
