"""Every write on a petition: intake (online, officer, API, Open311), the lifecycle's
transitions, and Open311 API keys.

Each service is keyword-only and runs in one transaction that asks the lifecycle table whether
the action is possible now and the policy whether this actor may take it, writes the petition
with `UPDATE ... WHERE version = <seen>`, records a `PetitionEvent` and, for what the sender is
told, their notification in the outbox. `at` (default now) lets tests replay a history.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from motcua.accounts.scoping import scope_is_global, scope_units
from motcua.catalogue.domain import fold
from motcua.clock import services as clock
from motcua.clock.selectors import work_calendar_for
from motcua.core import clock as system_clock
from motcua.dossiers.domain.codes import dossier_code_format, lookup_key_generate
from motcua.dossiers.domain.errors import DossierError
from motcua.dossiers.uploads import validate_upload
from motcua.org.selectors import unit_administrative
from motcua.petitions import notify
from motcua.petitions.domain import deadlines, policy
from motcua.petitions.domain.lifecycle import (
    Action,
    PetitionError,
    Status,
    TransitionNotAllowed,
    transition_check,
)
from motcua.petitions.models import (
    Open311ApiKey,
    Petition,
    PetitionAttachment,
    PetitionCodeSequence,
    PetitionEvent,
    PetitionPause,
    api_key_hash,
)

SUBMIT = "submit"
OFFICER_CHANNELS = frozenset(
    {
        Petition.Channel.LETTER,
        Petition.Channel.PHONE,
        Petition.Channel.HOTLINE,
        Petition.Channel.SURVEY,
    }
)
MAX_CONTENT = 10_000


class ConcurrentUpdate(PetitionError):
    def __init__(self, code: str):
        super().__init__(
            f"Phản ánh, kiến nghị {code} vừa được người khác cập nhật. Vui lòng tải lại trang."
        )


# --- helpers -------------------------------------------------------------------------------


def time_limits() -> dict[str, deadlines.TimeLimit]:
    return deadlines.time_limits(settings.MOTCUA_PETITION_TIME_LIMITS)


def _due(unit, step: str, start: dt.datetime, pauses=()) -> dt.datetime:
    cal = work_calendar_for(unit)
    wall = deadlines.due(
        cal,
        limit=time_limits()[step],
        start=clock.to_wall_time(start),
        pauses=[(clock.to_wall_time(a), clock.to_wall_time(b)) for a, b in pauses],
    )
    return clock.from_wall_time(wall)


def in_unit(actor, petition_unit_id: int) -> bool:
    if actor is None or not actor.is_authenticated:
        return False
    if scope_is_global(actor):
        return True
    return scope_units(actor).filter(pk=petition_unit_id).exists()


def is_sender(actor, petition: Petition) -> bool:
    return bool(
        actor is not None
        and actor.is_authenticated
        and petition.sender_user_id
        and petition.sender_user_id == actor.pk
    )


def _roles(actor) -> set[str]:
    if actor is None or not actor.is_authenticated:
        return set()
    return {str(r) for r in actor.roles}


def _clean(value: Any, label: str, *, required: bool = False, max_length: int = 500) -> str:
    text = str(value or "").strip()
    if "\x00" in text:
        raise PetitionError(f"“{label}” chứa ký tự không hợp lệ (ký tự NUL). Vui lòng nhập lại.")
    if required and not text:
        raise PetitionError(f"Vui lòng nhập “{label}”.")
    if len(text) > max_length:
        raise PetitionError(f"“{label}” dài quá {max_length} ký tự.")
    return text


def _code(unit, day: dt.date) -> str:
    admin = unit_administrative(unit=unit)
    agency = "PA." + (admin.agency_code or admin.code).replace("-", ".")
    PetitionCodeSequence.objects.bulk_create(
        [PetitionCodeSequence(agency_code=agency, day=day, last=0)], ignore_conflicts=True
    )
    seq = PetitionCodeSequence.objects.select_for_update().get(agency_code=agency, day=day)
    try:
        code = dossier_code_format(agency_code=agency, day=day, sequence=seq.last + 1)
    except DossierError as e:
        raise PetitionError(str(e)) from None
    PetitionCodeSequence.objects.filter(pk=seq.pk).update(last=F("last") + 1)
    return code


def _event(petition, action, actor, at, from_status, reason="", **data) -> PetitionEvent:
    event = PetitionEvent.objects.create(
        petition=petition,
        action=str(action),
        actor=actor if actor is not None and actor.is_authenticated else None,
        at=at,
        from_status=str(from_status or ""),
        to_status=petition.status,
        reason=reason,
        data=data,
    )
    notify.petition_notify(petition=petition, event=event)
    return event


def _save(petition: Petition, **changes: Any) -> None:
    updated = Petition.objects.filter(pk=petition.pk, version=petition.version).update(
        version=F("version") + 1, updated_at=timezone.now(), **changes
    )
    if updated != 1:
        raise ConcurrentUpdate(petition.code)
    for name, value in changes.items():
        setattr(petition, name, value)
    petition.version += 1


# --- intake --------------------------------------------------------------------------------


def _sender(sender: Mapping[str, Any] | None, *, anonymous: bool) -> dict[str, str]:
    sender = dict(sender or {})
    out = {
        "sender_name": _clean(sender.get("name"), "Họ và tên", max_length=255),
        "sender_phone": _clean(sender.get("phone"), "Số điện thoại", max_length=20),
        "sender_email": _clean(sender.get("email"), "Thư điện tử", max_length=254),
        "sender_address": _clean(sender.get("address"), "Địa chỉ"),
    }
    if out["sender_email"]:
        try:
            EmailValidator()(out["sender_email"])
        except ValidationError:
            raise PetitionError("Địa chỉ thư điện tử không hợp lệ.") from None
    if anonymous:
        return dict.fromkeys(out, "")
    if not out["sender_name"]:
        raise PetitionError(
            "Vui lòng nhập họ và tên người gửi (hoặc chọn gửi ẩn danh: khi đó sẽ không nhận "
            "được trả lời)."
        )
    if not (out["sender_phone"] or out["sender_email"]):
        raise PetitionError(
            "Vui lòng nhập số điện thoại hoặc thư điện tử để nhận trả lời (hoặc chọn gửi ẩn "
            "danh: khi đó sẽ không nhận được trả lời)."
        )
    return out


@transaction.atomic
def petition_submit(
    *,
    unit,
    subject: str,
    title: str,
    content: str,
    channel: str = Petition.Channel.ONLINE,
    kind: str = Petition.Kind.FEEDBACK,
    sender: Mapping[str, Any] | None = None,
    anonymous: bool = False,
    user=None,
    actor=None,
    procedure=None,
    dossier=None,
    regulation: str = "",
    attachments: Iterable = (),
    location: Mapping[str, Any] | None = None,
    open311_key=None,
    at: dt.datetime | None = None,
) -> Petition:
    """A petition received online, through the API or Open311 (`actor` None or the signed-in
    sender), or recorded by an officer (use `petition_intake`). Returns it in RECEIVED with
    its code, lookup key and due instants."""
    at = at or system_clock.now()
    channel = Petition.Channel(channel)
    if subject not in Petition.Subject.values:
        raise PetitionError("Vui lòng chọn phản ánh, kiến nghị về nội dung nào.")
    if kind not in Petition.Kind.values:
        raise PetitionError("Loại phản ánh, kiến nghị không hợp lệ.")
    if dossier is not None and subject != Petition.Subject.DOSSIER:
        subject = Petition.Subject.DOSSIER
    title = _clean(title, "Tiêu đề", required=True, max_length=255)
    content = _clean(content, "Nội dung", required=True, max_length=MAX_CONTENT)
    regulation = _clean(regulation, "Văn bản quy định liên quan")
    if user is not None and user.is_authenticated and not anonymous:
        # A signed-in sender's account fills in what they left empty.
        account = {
            "name": getattr(user, "full_name", "") or user.get_full_name(),
            "phone": getattr(user, "phone", ""),
            "email": user.email,
        }
        sender = {**account, **{k: v for k, v in dict(sender or {}).items() if v}}
    people = _sender(sender, anonymous=anonymous)
    files = list(attachments)
    for f in files:
        try:
            validate_upload(f)
        except DossierError as e:
            raise PetitionError(str(e)) from None
    loc = dict(location or {})
    petition = Petition(
        code=_code(unit, clock.to_wall_time(at).date()),
        lookup_key=lookup_key_generate(),
        kind=kind,
        subject=subject,
        title=title,
        content=content,
        procedure=procedure,
        dossier=dossier,
        regulation=regulation,
        channel=channel,
        anonymous=anonymous,
        sender_user=user
        if (user is not None and user.is_authenticated and not anonymous)
        else None,
        received_by=actor if channel in OFFICER_CHANNELS else None,
        latitude=loc.get("lat"),
        longitude=loc.get("long"),
        address_string=_clean(loc.get("address_string"), "Địa điểm"),
        media_url=_clean(loc.get("media_url"), "Đường dẫn ảnh", max_length=1000),
        open311_key=open311_key,
        unit=unit,
        status=Status.RECEIVED,
        received_at=at,
        classify_due_at=_due(unit, "classify", at),
        answer_due_at=_due(unit, "answer", at),
        **people,
    )
    petition.save()
    for f in files:
        PetitionAttachment.objects.create(
            petition=petition,
            file=f,
            name=str(getattr(f, "name", ""))[:255],
            content_type=validate_upload(f).content_type,
        )
    _event(petition, SUBMIT, actor or user, at, "", channel=str(channel))
    return petition


@transaction.atomic
def petition_intake(*, actor, unit, channel: str, **fields) -> Petition:
    """An officer records a petition received by letter, phone, hotline or survey form."""
    if channel not in OFFICER_CHANNELS:
        raise PetitionError(
            "Kênh tiếp nhận phải là văn bản, điện thoại, đường dây nóng hoặc phiếu khảo sát."
        )
    verdict = policy.may_intake(roles=_roles(actor), in_unit=in_unit(actor, unit.pk))
    if not verdict:
        raise TransitionNotAllowed(verdict.reason)
    return petition_submit(unit=unit, channel=channel, actor=actor, **fields)


# --- lifecycle -----------------------------------------------------------------------------


def _pauses(petition: Petition, until: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
    return [(p.started_at, p.ended_at or until) for p in petition.pauses.all()]


@transaction.atomic
def petition_transition(
    *,
    petition: Petition,
    action: str,
    actor=None,
    reason: str = "",
    sender_proved: bool = False,
    at: dt.datetime | None = None,
) -> Petition:
    """Take `action` on the petition (see `domain/lifecycle.py`), or raise `PetitionError`.

    `sender_proved`: the caller checked the code and lookup key (a sender not signed in).
    """
    at = at or system_clock.now()
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    reason = _clean(reason, "Nội dung", max_length=MAX_CONTENT)
    decision = transition_check(state=petition.status, action=action, reason=reason)
    verdict = policy.may_act(
        action=decision.action,
        roles=_roles(actor),
        in_unit=in_unit(actor, petition.unit_id),
        is_sender=sender_proved or is_sender(actor, petition),
        anonymous=not petition.can_be_answered_to,
    )
    if not verdict:
        raise TransitionNotAllowed(verdict.reason)
    a = decision.action
    changes: dict[str, Any] = {"status": decision.to_state}
    if a in (Action.ACCEPT, Action.FORWARD, Action.REFUSE):
        changes["classified_at"] = at
    if a is Action.FORWARD:
        changes["forwarded_to"] = reason[:500]
    if a is Action.REFUSE:
        changes["refusal_reason"] = reason
    if decision.pauses_clock:
        PetitionPause.objects.create(petition=petition, started_at=at, reason=reason)
    if decision.resumes_clock:
        PetitionPause.objects.filter(petition=petition, ended_at__isnull=True).update(ended_at=at)
        changes["answer_due_at"] = _due(
            petition.unit, "answer", petition.received_at, _pauses(petition, at)
        )
    if decision.restarts_clock:
        changes.update(
            answer_due_at=_due(petition.unit, "answer", at),
            answered_at=None,
            published_at=None,
            publish_due_at=None,
            verdict="",
            verdict_at=None,
            answered_on_time=None,
        )
    if a is Action.ANSWER:
        changes.update(
            answer=reason,
            answered_at=at,
            answered_by=actor if actor is not None and actor.is_authenticated else None,
            publish_due_at=_due(petition.unit, "publish", at),
            answered_on_time=petition.answer_due_at is None or at <= petition.answer_due_at,
        )
    if a is Action.PUBLISH:
        # The optional text of "publish" is the public wording of the question.
        petition.public_question = reason
        changes.update(
            published_at=at,
            public_question=reason,
            search_text=fold(
                f"{petition.code} {petition.public_title} {petition.public_content} "
                f"{petition.public_answer}"
            ),
        )
    if a in (Action.AGREE, Action.DISAGREE):
        changes.update(verdict=str(a), verdict_at=at)
    if a is Action.REOPEN:
        changes["search_text"] = ""
    from_status = petition.status
    timing = _timing(petition, a, at)
    _save(petition, **changes)
    _event(petition, a, actor, at, from_status, reason, **timing)
    return petition


# The time limit each action is measured against (data/time_limits.toml), and from when.
ACTION_LIMITS = {
    Action.ACCEPT: "classify",
    Action.FORWARD: "forward",
    Action.REFUSE: "refuse",
    Action.REQUEST_INFO: "request_info",
    Action.ANSWER: "answer",
    Action.PUBLISH: "publish",
}


def _timing(petition: Petition, action: Action, at: dt.datetime) -> dict:
    """{"due": ISO instant, "on_time": bool} of the action against its legal limit, recorded in
    the audit event (the answer's due instant already accounts for pauses and reopening)."""
    step = ACTION_LIMITS.get(action)
    if step is None:
        return {}
    if step == "answer":
        due = petition.answer_due_at
    elif step == "publish":
        due = petition.publish_due_at
    else:
        due = _due(petition.unit, step, petition.received_at)
    if due is None:
        return {}
    return {"limit": step, "due": due.isoformat(), "on_time": at <= due}


# --- Open311 API keys ----------------------------------------------------------------------


@transaction.atomic
def open311_key_create(*, name: str) -> tuple[Open311ApiKey, str]:
    """Issue an Open311 `api_key`: returns the row and the key in clear, to show once (only its
    SHA-256 is stored)."""
    name = _clean(name, "Tên ứng dụng", required=True, max_length=200)
    key = secrets.token_urlsafe(32)
    row = Open311ApiKey.objects.create(name=name, prefix=key[:8], key_hash=api_key_hash(key))
    return row, key
