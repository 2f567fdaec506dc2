"""What the sender is told when their petition changes, through the notifications outbox,
written in the same transaction as the change (as `motcua.dossiers.notify` does for dossiers).
"""

from __future__ import annotations

from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from motcua.notifications.events import Event

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REF_TYPE = "petition"
STATUS_PATH = "/phan-anh/tra-cuu/"

PETITION_EVENTS: dict[str, Event] = {
    e.key: e
    for e in [
        # due: the answer's due instant.
        Event("petition.received", "Tiếp nhận phản ánh, kiến nghị", frozenset({"code"})),
        Event(
            "petition.info_requested",
            "Đề nghị bổ sung thông tin phản ánh, kiến nghị",
            frozenset({"code", "reason"}),
        ),
        Event(
            "petition.forwarded",
            "Chuyển phản ánh, kiến nghị đến cơ quan có thẩm quyền",
            frozenset({"code", "reason"}),
        ),
        Event("petition.refused", "Từ chối phản ánh, kiến nghị", frozenset({"code", "reason"})),
        Event("petition.answered", "Trả lời phản ánh, kiến nghị", frozenset({"code", "reason"})),
    ]
}

ACTION_EVENTS = {
    "submit": "petition.received",
    "request_info": "petition.info_requested",
    "forward": "petition.forwarded",
    "refuse": "petition.refused",
    "answer": "petition.answered",
}


def status_path(petition) -> str:
    return f"{STATUS_PATH}?{urlencode({'ma': petition.code, 'khoa': petition.lookup_key})}"


def petition_notify(*, petition, event) -> list:
    """Enqueue the sender's notification for `event` if they are told about it and left a way
    to reach them. Anonymous petitions get nothing."""
    key = ACTION_EVENTS.get(event.action)
    if key is None or not petition.can_be_answered_to:
        return []
    from motcua.notifications.services import notification_enqueue

    base = settings.MOTCUA_PUBLIC_URL.rstrip("/")
    context = {
        "code": petition.code,
        "key": petition.lookup_key,
        "applicant_name": petition.sender_name,
        "unit": petition.unit.name,
        "title": petition.title,
        "reason": event.reason,
        "due": petition.answer_due_at,
        "status_url": f"{base}{status_path(petition)}" if base else "",
    }
    with timezone.override(LOCAL_TZ):
        return notification_enqueue(
            event=key,
            recipient_email=petition.sender_email,
            recipient_phone=petition.sender_phone,
            context=context,
            ref_type=REF_TYPE,
            ref_id=petition.code,
            # the sender's account language (portal); Vietnamese for a petition without one
            language=petition.sender_user.language if petition.sender_user_id else "vi",
        )
