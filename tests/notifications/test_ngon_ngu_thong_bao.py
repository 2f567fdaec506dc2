"""E-mail and SMS in the recipient's language: every event has its English subject, e-mail and
SMS (a missing `.en.txt` falls back to Vietnamese and fails here), the English SMS keeps the
one-segment rules, and a citizen's account language (remembered from the language switch and
from signing in) chooses the language of their dossier's messages."""

import re
from datetime import datetime

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.dossiers import services
from motcua.notifications.domain import SMS_SEGMENT
from motcua.notifications.events import EVENTS
from motcua.notifications.models import Notification
from motcua.notifications.services import notification_enqueue
from tests.dossiers.conftest import people, procedure, receive, units  # noqa: F401
from tests.notifications.conftest import VN
from tests.support.clock import vn

pytestmark = pytest.mark.django_db

CODE = "000.00.25.H57-250715-0001"
# Every key any event reads, with ASCII data, so that any Vietnamese left in an English
# message can only come from the template.
CONTEXT = {
    "code": CODE,
    "applicant_name": "Nguyen Thi Hoa",
    "procedure": "Birth registration",
    "unit": "Phu Cuong ward",
    "status_url": "https://motcua.example.gov.vn/tra-cuu/ABC123",
    "received_at": datetime(2025, 7, 15, 9, 5, tzinfo=VN),
    "submitted_at": datetime(2025, 7, 15, 9, 0, tzinfo=VN),
    "appointment": datetime(2025, 7, 17, 16, 30, tzinfo=VN),
    "new_appointment": datetime(2025, 7, 22, 10, 0, tzinfo=VN),
    "due": datetime(2025, 8, 14, 17, 0, tzinfo=VN),
    "items": ["Marriage certificate copy"],
    "reasons": ["Not in this ward"],
    "reason": "Needs checking",
    "amount": "75.000",
    "note": "Registration fee",
    "delivery": "at the desk",
    "key": "K7Q2",
    "title": "Street lights",
    "minutes": 5,
}
VIETNAMESE = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I
)


def _messages(event, language):
    rows = notification_enqueue(
        event=event,
        recipient_email="hoa@example.vn",
        recipient_phone="0912345678",
        context=CONTEXT,
        ref_type="dossier",
        ref_id=CODE,
        language=language,
    )
    by_channel = {n.channel: n for n in rows}
    return by_channel["email"], by_channel["sms"]


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_each_event_in_english(event):
    email, sms = _messages(event, "en")
    vi_email, vi_sms = _messages(event, "vi")
    for text in (email.subject, email.body, sms.body):
        assert not VIETNAMESE.search(text), f"{event}: Vietnamese left in {text!r}"
    assert "Dear Nguyen Thi Hoa," in email.body
    assert "please do not reply" in email.body
    assert email.subject != vi_email.subject and sms.body != vi_sms.body
    # the same SMS rules: one line, one segment with this context
    assert "\n" not in sms.body and len(sms.body) <= SMS_SEGMENT, sms.body


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_each_event_in_vietnamese_by_default(event):
    email, sms = _messages(event, "vi")
    assert email.body.startswith("Kính gửi Ông/Bà Nguyen Thi Hoa,")
    assert "Dear" not in email.body
    # an unknown language is Vietnamese too
    other, _ = _messages(event, "fr")
    assert other.body == email.body


def test_english_received_message_reads_as_written():
    email, sms = _messages("dossier.received", "en")
    assert email.subject == f"Dossier {CODE} has been received"
    assert "Result appointment: 16:30 on 17/07/2025" in email.body
    assert sms.body == (
        f"Dossier {CODE} received; result due 16:30 17/07/2025. "
        "Track: https://motcua.example.gov.vn/tra-cuu/ABC123"
    )


def test_long_english_sms_is_cut_to_one_segment():
    rows = notification_enqueue(
        event="dossier.supplement_requested",
        recipient_phone="0912345678",
        context={**CONTEXT, "items": ["Bản sao giấy chứng nhận kết hôn có chứng thực"] * 4},
        ref_type="dossier",
        ref_id=CODE,
        language="en",
    )
    (sms,) = rows
    assert len(sms.body) <= SMS_SEGMENT and sms.body.startswith(f"Dossier {CODE} needs: Ban sao")
    assert not VIETNAMESE.search(sms.body)


# --- the citizen's account language ---------------------------------------------------------


@pytest.fixture
def citizen(make_user):
    return make_user("nguoidan", Role.CITIZEN, phone="0912345678")


def test_language_switch_is_remembered_on_the_account(client, citizen):
    assert citizen.language == "vi"
    client.force_login(citizen)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    citizen.refresh_from_db()
    assert citizen.language == "en"
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})  # not a site language
    citizen.refresh_from_db()
    assert citizen.language == "en"
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    citizen.refresh_from_db()
    assert citizen.language == "vi"


def test_signing_in_with_english_chosen_remembers_it(client, citizen, password):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})  # before signing in
    response = client.post(
        reverse("accounts:login"), {"username": "nguoidan", "password": password}
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.language == "en"


@pytest.mark.parametrize("language", ["en", "vi"])
def test_dossier_messages_follow_the_applicants_account(receive, people, citizen, language):  # noqa: F811
    citizen.language = language
    citizen.save(update_fields=["language"])
    dossier = receive()
    dossier.applicant_user = citizen
    dossier.save(update_fields=["applicant_user"])
    services.dossier_assign(
        dossier=dossier, actor=people["desk"], assignee=people["specialist"], at=vn(3, 9)
    )
    services.dossier_request_supplement(
        dossier=dossier, actor=people["specialist"], at=vn(4, 8), reason="Thiếu giấy khai sinh."
    )
    rows = Notification.objects.filter(event="dossier.supplement_requested", ref_id=dossier.code)
    sms = rows.get(channel="sms")
    email = rows.get(channel="email")
    if language == "en":
        assert sms.body.startswith(f"Dossier {dossier.code} needs: Thieu giay khai sinh")
        assert email.subject == f"Dossier {dossier.code}: documents to add or complete"
    else:
        assert sms.body.startswith(f"Ho so {dossier.code} can bo sung: Thieu giay khai sinh")
        assert email.subject == f"Hồ sơ {dossier.code} cần bổ sung, hoàn thiện"


def test_result_delivery_is_written_in_the_applicants_language(receive, people, citizen):  # noqa: F811
    from motcua.dossiers.notify import _context
    from motcua.notifications.services import _render

    citizen.language = "en"
    dossier = receive(result_delivery="post")
    ctx = _context(dossier, dossier.events.first(), "dossier.result_ready")
    body = _render("notifications/dossier_result_ready/email.txt", ctx, "en")
    assert "Collect the result: by public postal service" in body
    body = _render("notifications/dossier_result_ready/email.txt", ctx, "vi")
    assert "Nhận kết quả: qua dịch vụ bưu chính công ích" in body
