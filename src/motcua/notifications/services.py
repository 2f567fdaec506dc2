"""Writes to the outbox: enqueue inside the caller's transaction, deliver, sweep what is due.

Flow: `notification_enqueue` renders the messages and inserts the rows in the caller's
transaction, then asks for delivery once that transaction commits (a rolled-back change sends
nothing). `notification_deliver` claims a row with one conditional UPDATE (so two workers never
send it twice), sends it through the configured gateway, and marks it sent (with the provider's
acknowledgement) or schedules a retry with capped exponential backoff until the retry horizon
(`MOTCUA_NOTIFY_RETRY_HORIZON_HOURS`, days rather than minutes) ends; then the row is `failed`,
counted on the health page and the outbox, and `notifications_requeue` (command
`motcua notifications requeue`, admin action) gives it a new horizon. `notifications_send_due`
re-picks every row whose time has come: those whose queued task was lost (queue down, worker
crashed), retries when the task backend cannot defer, and rows whose sender died mid-send.

A worker that dies after the gateway accepted a message but before the row is marked sent leaves
it to be sent again when its lease ends; the retry carries the same message id (`motcua-<id>`:
SMTP Message-ID, the SMS provider's RequestId), so a provider that de-duplicates on it delivers
the message once.
"""

import logging
import re
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.template import Context
from django.template.loader import select_template
from django.utils import timezone, translation

from motcua.accounts.language import language_or_default
from motcua.notifications import domain, sealing
from motcua.notifications.events import EVENTS
from motcua.notifications.gateways import email_gateway, sms_gateway
from motcua.notifications.models import Notification
from motcua.notifications.selectors import notifications_failed

logger = logging.getLogger(__name__)

Status = Notification.Status
Channel = Notification.Channel


def _render(template_name: str, context: dict, language: str = "vi") -> str:
    """`<event>/sms.txt` is the Vietnamese text; another language has its own file beside it
    (`sms.en.txt`), used when present, rendered with that language active."""
    # Plain text: no HTML escaping ("Nguyễn Văn A & con" must read as written).
    names = [template_name]
    if language != settings.LANGUAGE_CODE:
        names.insert(0, template_name.removesuffix(".txt") + f".{language}.txt")
    template = select_template(names).template
    with translation.override(language):
        text = template.render(Context({**context, "language": language}, autoescape=False))
    text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return re.sub(r"\n{3,}", "\n\n", text)


def notification_enqueue(
    *,
    event: str,
    recipient_email: str = "",
    recipient_phone: str = "",
    context: dict,
    ref_type: str,
    ref_id: str,
    language: str = "vi",
) -> list[Notification]:
    """Write one outbox row per channel the applicant has, to be sent after the commit.

    Call it inside the transaction that makes the change. Nothing is written when the applicant
    has neither an e-mail address nor a phone number. `language` is the recipient's (their
    account's `language`); Vietnamese when unknown.
    """
    language = language_or_default(language)
    spec = EVENTS.get(event)
    if spec is None:
        raise ValueError(f"Sự kiện thông báo không xác định: {event!r}")
    missing = sorted(spec.required - {k for k, v in context.items() if v not in (None, "")})
    if missing:
        raise ValueError(f"Thiếu dữ liệu cho thông báo {event}: {', '.join(missing)}")

    recipient_email = recipient_email.strip()
    recipient_phone = re.sub(r"[\s.\-]", "", recipient_phone)
    # Secrets (one-time codes) are stored masked; the real text only sealed, for the sender.
    masked = {**context, **{k: sealing.MASK for k in spec.secret if k in context}}
    messages = []
    if recipient_email:
        messages.append(
            (
                Channel.EMAIL,
                recipient_email,
                f"{spec.template_dir}/subject.txt",
                f"{spec.template_dir}/email.txt",
            )
        )
    if recipient_phone:
        messages.append((Channel.SMS, recipient_phone, None, f"{spec.template_dir}/sms.txt"))

    now = timezone.now()
    created = []
    with transaction.atomic():
        for channel, recipient, subject_template, body_template in messages:

            def body_for(ctx, channel=channel, body_template=body_template):
                # SMS: without diacritics, one message where possible (domain.sms_text).
                text = _render(body_template, ctx, language)
                return domain.sms_text(text) if channel == Channel.SMS else text

            subject = _render(subject_template, masked, language) if subject_template else ""
            sealed = ""
            if spec.secret:
                sealed = sealing.seal(
                    subject=(
                        _render(subject_template, context, language)[:255]
                        if subject_template
                        else ""
                    ),
                    body=body_for(context),
                )
            notification = Notification.objects.create(
                channel=channel,
                recipient=recipient,
                event=event,
                subject=subject[:255],
                body=body_for(masked),
                sealed=sealed,
                ref_type=ref_type,
                ref_id=str(ref_id),
                next_attempt_at=now,
                retry_from=now,
            )
            created.append(notification)
            transaction.on_commit(
                lambda pk=notification.pk: _schedule(notification_id=pk), robust=True
            )
    return created


def _schedule(*, notification_id: int, run_after: datetime | None = None) -> None:
    """Queue delivery; a queue that is down only delays it until the next sweep."""
    from django_tasks import default_task_backend

    from motcua.notifications.tasks import deliver

    try:
        if run_after is not None:
            if not default_task_backend.supports_defer:
                return  # the periodic sweep picks the row up when it is due
            deliver.using(run_after=run_after).enqueue(notification_id)
        else:
            deliver.enqueue(notification_id)
    except Exception:
        logger.exception(
            "Không đưa được thông báo %s vào hàng đợi; lần quét định kỳ sẽ gửi.",
            notification_id,
        )


def _claim(*, notification_id: int, now: datetime) -> bool:
    # One UPDATE decides who sends: the row must still be due, pending (or sending with an
    # expired lease) and below its attempt limit. A second worker's UPDATE matches no row.
    claimable = Q(status=Status.PENDING) | Q(status=Status.SENDING)
    return bool(
        Notification.objects.filter(
            claimable,
            pk=notification_id,
            next_attempt_at__lte=now,
            attempts__lt=F("max_attempts"),
        ).update(
            status=Status.SENDING,
            attempts=F("attempts") + 1,
            next_attempt_at=now + domain.SEND_LEASE,
        )
    )


def message_id(notification: Notification) -> str:
    """The id every try of this row carries to the provider (its de-duplication key)."""
    return f"motcua-{notification.pk}"


def _send(notification: Notification) -> str:
    """Hand the message to its gateway; returns the provider's acknowledgement ("" if none).
    A one-time code travels sealed in the row and is opened only here, to be sent."""
    subject, body = notification.subject, notification.body
    if notification.sealed:
        opened = sealing.unseal(notification.sealed)
        if opened is None:
            raise ValueError("Không giải mã được nội dung (khóa bí mật đã thay đổi).")
        subject, body = opened
    if notification.channel == Channel.EMAIL:
        ack = email_gateway().send_email(
            to=notification.recipient,
            subject=subject,
            body=body,
            message_id=message_id(notification),
        )
    elif notification.channel == Channel.SMS:
        ack = sms_gateway().send_sms(
            to=notification.recipient, body=body, message_id=message_id(notification)
        )
    else:
        raise ValueError(f"Kênh không hỗ trợ: {notification.channel}")
    return str(ack or "")[:128]


def retry_policy() -> dict:
    return {
        "horizon": timedelta(hours=settings.MOTCUA_NOTIFY_RETRY_HORIZON_HOURS),
        "cap": timedelta(minutes=settings.MOTCUA_NOTIFY_RETRY_CAP_MINUTES),
    }


def _mine(notification: Notification):
    # This worker's claim only: a row re-claimed after an expired lease has a higher count.
    return Notification.objects.filter(
        pk=notification.pk, status=Status.SENDING, attempts=notification.attempts
    )


def notification_deliver(*, notification_id: int, now: datetime | None = None) -> bool:
    """Send one notification if it is due and nobody else is sending it. True when sent."""
    now = now or timezone.now()
    if not _claim(notification_id=notification_id, now=now):
        return False
    notification = Notification.objects.get(pk=notification_id)
    # The gateway is called outside any transaction: no lock is held during network I/O.
    try:
        ack = _send(notification)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        decision = domain.after_failure(
            attempts=notification.attempts,
            max_attempts=notification.max_attempts,
            now=now,
            retry_from=notification.retry_from or notification.created_at,
            **retry_policy(),
        )
        final = {"sealed": ""} if decision.give_up else {}
        _mine(notification).update(
            status=Status.FAILED if decision.give_up else Status.PENDING,
            next_attempt_at=decision.next_attempt_at,
            last_error=error,
            **final,
        )
        logger.warning(
            "Gửi thông báo %s lần %s không thành công: %s",
            notification_id,
            notification.attempts,
            error,
        )
        if not decision.give_up:
            _schedule(notification_id=notification_id, run_after=decision.next_attempt_at)
        return False
    _mine(notification).update(
        status=Status.SENT,
        sent_at=timezone.now(),
        next_attempt_at=None,
        provider_ref=ack,
        sealed="",
    )
    return True


def notifications_send_due(*, now: datetime | None = None, limit: int = 500) -> int:
    """Deliver every row whose time has come; returns how many were sent."""
    now = now or timezone.now()
    # A row whose sender died on its last allowed try cannot be claimed again: close it.
    Notification.objects.filter(
        status=Status.SENDING, next_attempt_at__lte=now, attempts__gte=F("max_attempts")
    ).update(
        status=Status.FAILED,
        next_attempt_at=None,
        last_error="Tiến trình gửi bị gián đoạn ở lần gửi cuối cùng.",
        sealed="",
    )
    due = (
        Notification.objects.filter(
            status__in=[Status.PENDING, Status.SENDING], next_attempt_at__lte=now
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(notification_deliver(notification_id=pk, now=now) for pk in list(due))


@transaction.atomic
def notifications_requeue(
    *,
    ids: list[int] | None = None,
    event: str = "",
    channel: str = "",
    created_since: datetime | None = None,
    actor: str = "",
    now: datetime | None = None,
) -> list[int]:
    """Give failed messages a new retry window; returns the ids re-queued.

    Only `failed` rows move (a sent one is never sent again); the attempt count restarts, the
    last error stays visible, and delivery is asked for once the transaction commits.
    """
    now = now or timezone.now()
    qs = notifications_failed(ids=ids, event=event, channel=channel, created_since=created_since)
    picked = list(qs.select_for_update().values_list("pk", flat=True))
    if not picked:
        return []
    Notification.objects.filter(pk__in=picked, status=Status.FAILED).update(
        status=Status.PENDING,
        attempts=0,
        retry_from=now,
        next_attempt_at=now,
        requeue_count=F("requeue_count") + 1,
    )
    logger.warning(
        "Đưa lại %s thông báo không gửi được vào hàng đợi (người thực hiện: %s): %s",
        len(picked),
        actor or "không rõ",
        picked,
    )
    for pk in picked:
        transaction.on_commit(lambda pk=pk: _schedule(notification_id=pk), robust=True)
    return picked
