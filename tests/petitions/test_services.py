"""The petition services end to end: intake, each step audited and told to the sender through
the outbox, the answer clock paused while information is awaited, refusals in Vietnamese."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.accounts.roles import Role
from motcua.notifications.models import Notification
from motcua.petitions import services
from motcua.petitions.domain.lifecycle import PetitionError, TransitionNotAllowed
from motcua.petitions.models import Petition, PetitionEvent
from tests.petitions.conftest import MON_0800, SENDER, vn


def events(p):
    return list(PetitionEvent.objects.filter(petition=p).values_list("action", "to_status"))


def outbox(p):
    return list(
        Notification.objects.filter(ref_type="petition", ref_id=p.code, channel="email")
        .order_by("id")
        .values_list("event", flat=True)
    )


def test_full_lifecycle(submit, act):
    p = submit()
    assert p.code == "PA.000.00.20.H01-250303-0001"
    assert len(p.lookup_key) == 8
    assert p.classify_due_at == vn(10, 8)  # 5 working days
    assert p.answer_due_at == vn(24, 8)  # 15 working days

    act(p, "accept", "specialist", at=vn(4, 9))
    act(p, "request_info", "specialist", "Số hồ sơ đã nộp?", at=vn(5, 8))
    p = act(p, "info_received", "citizen", "Hồ sơ 000.00.20.H01-250301-0001", at=vn(7, 8))
    assert p.answer_due_at == vn(26, 8)  # the two paused working days do not count
    p = act(p, "answer", "head", "Thời hạn theo Luật Hộ tịch là trong ngày.", at=vn(10, 9))
    assert p.answered_on_time is True
    assert p.publish_due_at == vn(12, 9)
    p = act(p, "publish", "head", at=vn(11, 8))
    assert "thoi han dang ky khai sinh" in p.search_text
    p = act(p, "disagree", "citizen", "Chưa trả lời đúng câu hỏi", at=vn(12, 8))
    assert p.verdict == "disagree"
    p = act(p, "reopen", "head", "Trả lời lại", at=vn(12, 9))
    assert p.status == "in_scope" and p.verdict == "" and p.search_text == ""
    assert p.answer_due_at == vn(2, 9, month=4)  # a new 15 working days from the reopening
    p = act(p, "answer", "specialist", "Trả lời bổ sung.", at=vn(13, 9))
    p = act(p, "publish", "leader", at=vn(13, 10))
    p = act(p, "agree", "citizen", at=vn(14, 8))
    assert p.status == "agreed"
    assert [a for a, _ in events(p)] == [
        "submit", "accept", "request_info", "info_received", "answer", "publish", "disagree",
        "reopen", "answer", "publish", "agree",
    ]  # fmt: skip
    assert outbox(p) == [
        "petition.received", "petition.info_requested", "petition.answered",
        "petition.answered",
    ]  # fmt: skip
    body = Notification.objects.filter(event="petition.received", channel="email").get().body
    assert p.code in body and p.lookup_key in body


def test_refusal_and_forwarding_are_told_with_their_reason(submit, act):
    p = act(submit(), "refuse", "desk", "Nội dung là khiếu nại, không phải phản ánh.")
    assert p.status == "refused" and p.refusal_reason.startswith("Nội dung là khiếu nại")
    q = act(submit(), "forward", "desk", "Sở Tư pháp tỉnh Bình Dương")
    assert q.forwarded_to == "Sở Tư pháp tỉnh Bình Dương"
    sms = Notification.objects.get(ref_id=q.code, event="petition.forwarded", channel="sms")
    # SMS go without diacritics, in one message where possible (notifications.domain.sms_text).
    assert "So Tu phap" in sms.body and sms.recipient == SENDER["phone"]


@pytest.mark.parametrize(
    "who, action, words",
    [
        ("other_desk", "accept", "không thuộc phạm vi đơn vị"),
        ("citizen2", "accept", "không có quyền"),
        ("specialist", "publish", "Không thể “Công khai trả lời”"),
        ("desk", "forward", "cần ghi rõ"),
    ],
)
def test_refused_actions(submit, act, who, action, words):
    p = submit()
    with pytest.raises(TransitionNotAllowed, match=words):
        act(p, action, who)
    assert events(p) == [("submit", "received")]


def test_anonymous_gets_no_notification_and_no_request_for_information(submit, act):
    p = submit(anonymous=True, user=None)
    assert p.sender_name == "" and p.sender_email == "" and p.sender_user is None
    act(p, "accept", "specialist")
    with pytest.raises(TransitionNotAllowed, match="không có thông tin liên hệ"):
        act(p, "request_info", "specialist", "?")
    act(p, "answer", "specialist", "Ghi nhận.")
    assert outbox(p) == []


@pytest.mark.parametrize(
    "overrides, words",
    [
        ({"sender": {"name": "A"}}, "số điện thoại hoặc thư điện tử"),
        ({"sender": {}, "user": None}, "họ và tên"),
        ({"title": "  "}, "Vui lòng nhập “Tiêu đề”"),
        ({"content": "a\x00b"}, "ký tự NUL"),
        ({"sender": {**SENDER, "email": "khong-hop-le"}}, "thư điện tử không hợp lệ"),
        ({"subject": "khac"}, "về nội dung nào"),
    ],
)
def test_bad_input_is_refused_in_vietnamese(submit, overrides, words):
    with pytest.raises(PetitionError, match=words):
        submit(**overrides)
    assert not Petition.objects.exists()


def test_attachments_are_checked_by_content(submit):
    fake = SimpleUploadedFile("anh.pdf", b"<html>not a pdf</html>", "application/pdf")
    with pytest.raises(PetitionError, match="không phải tệp PDF"):
        submit(attachments=[fake])
    assert not Petition.objects.exists()
    good = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "image/png")
    p = submit(attachments=[good])
    assert p.attachments.get().content_type == "image/png"


def test_officer_intake_from_a_letter(units, people):
    p = services.petition_intake(
        actor=people["desk"],
        unit=units["ward"],
        channel="letter",
        subject="regulation",
        title="Quy định về lệ phí chứng thực",
        content="Lệ phí chứng thực bản sao còn cao.",
        sender={"name": "Lê Văn Tâm", "address": "Thư gửi qua bưu điện", "phone": "0911111111"},
        at=MON_0800,
    )
    assert p.channel == "letter" and p.received_by == people["desk"]
    with pytest.raises(TransitionNotAllowed, match="Chỉ công chức tiếp nhận"):
        services.petition_intake(
            actor=people["citizen"], unit=units["ward"], channel="phone", subject="regulation",
            title="x", content="y", sender={"name": "A", "phone": "0911111111"},
        )  # fmt: skip
    with pytest.raises(TransitionNotAllowed, match="không thuộc phạm vi"):
        services.petition_intake(
            actor=people["other_desk"], unit=units["ward"], channel="phone",
            subject="regulation", title="x", content="y",
            sender={"name": "A", "phone": "0911111111"},
        )  # fmt: skip


def test_codes_are_sequential_per_agency_and_day(submit):
    assert [submit().code[-4:] for _ in range(3)] == ["0001", "0002", "0003"]
    assert submit(at=vn(4, 8)).code.endswith("250304-0001")


def test_late_answer_is_recorded_as_late(submit, act):
    p = act(submit(), "accept", "specialist", at=vn(4, 8))
    p = act(p, "answer", "specialist", "Trả lời muộn.", at=vn(24, 9))
    assert p.answered_on_time is False


def test_api_key_is_stored_as_a_hash(db):
    row, key = services.open311_key_create(name="FixMyStreet")
    assert key not in row.key_hash and len(row.key_hash) == 64 and row.prefix == key[:8]


@pytest.mark.parametrize(
    "action, reason, at, due, on_time",
    [
        # Refusal: 2 working days from Mon 3/3 08:00 → Wed 5/3 08:00.
        ("refuse", "Khiếu nại", vn(5, 8), vn(5, 8), True),
        ("refuse", "Khiếu nại", vn(5, 8, 1), vn(5, 8), False),
        # Forwarding and classification: 5 working days → Mon 10/3 08:00.
        ("forward", "Sở Tư pháp", vn(10, 8), vn(10, 8), True),
        ("accept", "", vn(10, 9), vn(10, 8), False),
    ],
)
def test_each_classification_is_measured_against_its_own_limit(
    submit, act, action, reason, at, due, on_time
):
    p = act(submit(), action, "desk", reason, at=at)
    event = p.events.get(action=action)
    assert event.data["due"] == due.isoformat() and event.data["on_time"] is on_time


def test_request_for_information_is_measured_against_five_working_days(submit, act):
    p = act(submit(), "accept", "specialist", at=vn(4, 8))
    p = act(p, "request_info", "specialist", "?", at=vn(10, 8, 30))
    assert p.events.get(action="request_info").data["on_time"] is False


def test_a_signed_in_sender_account_fills_the_contact_details(submit, make_user):
    citizen = make_user(
        "congdan3", Role.CITIZEN, full_name="Đỗ Văn Ba", phone="0909000111", email="ba@example.vn"
    )
    p = submit(sender={}, user=citizen)
    assert (p.sender_name, p.sender_phone, p.sender_email) == (
        "Đỗ Văn Ba", "0909000111", "ba@example.vn",
    )  # fmt: skip
    # What the sender typed wins over the account.
    q = submit(sender={"phone": "0909000222"}, user=citizen)
    assert (q.sender_phone, q.sender_email) == ("0909000222", "ba@example.vn")
