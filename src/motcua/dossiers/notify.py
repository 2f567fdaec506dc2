"""What the applicant is told when their dossier changes, written to the outbox in the same
transaction as the change.

`dossier_notify` runs right after each audit event is recorded (`on_dossier_changed`, subscribed
to `core.events.DOSSIER_CHANGED` by `DossiersConfig.ready()`):
the action of the event picks the notification (`ACTION_EVENTS`); actions the citizen need not
hear about (hand-overs inside the agency, approval, signature...) send nothing. Because the row
is written inside the service's transaction, a refused or rolled-back transition leaves no
notification, and a committed one always leaves its outbox row (see `motcua.notifications`).

Instants are rendered in Vietnamese local time whatever time zone is active (an officer may
have switched theirs): the templates' `date` filter converts to the active zone, so rendering
runs under `Asia/Ho_Chi_Minh`.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from motcua.dossiers.domain.workflow import Action
from motcua.dossiers.models import Dossier, DossierEvent

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REF_TYPE = "dossier"

# The citizen's tracking page (implemented by the portal): one place for the path and its query.
STATUS_PATH = "/tra-cuu/"

# Audit action → notification event (motcua.notifications.events.EVENTS).
ACTION_EVENTS: dict[str, str] = {
    # An online filing: acknowledgement that it arrived (not yet received by the desk).
    "submit": "dossier.submitted",
    # Counter/postal intake, and the desk accepting an online filing.
    Action.RECEIVE.value: "dossier.received",
    Action.REQUEST_SUPPLEMENT.value: "dossier.supplement_requested",
    Action.REQUEST_PAYMENT.value: "dossier.payment_requested",
    Action.APOLOGISE.value: "dossier.apology",
    Action.MARK_RESULT_READY.value: "dossier.result_ready",
    Action.REFUSE.value: "dossier.refused",
    Action.STOP.value: "dossier.stopped",
}

# Lazy: the message is rendered in the recipient's language (notification_enqueue).
DELIVERY_TEXT = {
    Dossier.ResultDelivery.POST: gettext_lazy("qua dịch vụ bưu chính công ích"),
    Dossier.ResultDelivery.ELECTRONIC: gettext_lazy("bản điện tử trên Cổng Dịch vụ công"),
}


def status_path(dossier: Dossier) -> str:
    """The tracking page of this dossier, as a path: `/tra-cuu/?ma=<code>&khoa=<lookup key>`."""
    from urllib.parse import urlencode

    return f"{STATUS_PATH}?{urlencode({'ma': dossier.code, 'khoa': dossier.lookup_key})}"


def status_url(dossier: Dossier) -> str:
    """Absolute tracking URL for messages sent outside a request, when the site's public
    address is configured (`MOTCUA_PUBLIC_URL`, e.g. https://motcua.example.gov.vn); else ""."""
    base = settings.MOTCUA_PUBLIC_URL.rstrip("/")
    return f"{base}{status_path(dossier)}" if base else ""


def lines(text: str) -> list[str]:
    """A reason typed as several lines (or "- " bullets, or "; "-separated) → its items,
    without bullets or final full stops (the templates punctuate)."""
    parts = re.split(r"\n|;\s+", text or "")
    items = [
        re.sub(r"^\s*(?:[-•*+]|\d+[.)])\s*", "", p).strip().rstrip(".;").strip() for p in parts
    ]
    return [i for i in items if i]


def _instant(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _context(dossier: Dossier, event: DossierEvent, key: str) -> dict:
    unit = dossier.unit
    ctx: dict = {
        "code": dossier.code,
        "applicant_name": dossier.applicant_name,
        "procedure": dossier.procedure_version.name,
        "unit": unit.name,
        "status_url": status_url(dossier),
    }
    if key == "dossier.submitted":
        ctx.update(submitted_at=event.at)
    elif key == "dossier.received":
        ctx.update(appointment=dossier.appointment_at, received_at=dossier.received_at)
    elif key == "dossier.supplement_requested":
        ctx.update(items=lines(event.reason) or [event.reason])
    elif key == "dossier.payment_requested":
        amount = (event.data or {}).get("amount")
        # Vietnamese grouping (75.000), never the active locale's: the text is Vietnamese.
        ctx.update(amount=f"{int(amount):,}".replace(",", ".") if amount else "", note=event.reason)
    elif key == "dossier.apology":
        ctx.update(
            appointment=_instant(event.data.get("appointment_before")) or dossier.due_at,
            new_appointment=dossier.appointment_at,
            reason=event.reason,
        )
    elif key == "dossier.result_ready":
        delivery = DELIVERY_TEXT.get(dossier.result_delivery) or format_lazy(
            gettext_lazy("tại {unit}"), unit=unit.name
        )
        ctx.update(delivery=delivery)
    elif key in ("dossier.refused", "dossier.stopped"):
        ctx.update(reasons=lines(event.reason) or [event.reason])
    return ctx


def applicant_language(user) -> str:
    """The language of the citizen's account (chosen on the portal); Vietnamese without one."""
    return user.language if user is not None else "vi"


def dossier_notify(*, dossier: Dossier, event: DossierEvent) -> list:
    """Enqueue the applicant's notification for `event`, if its action is one they are told
    about and they left an e-mail address or phone number. Call inside the change's
    transaction (services do, through `_event`)."""
    key = ACTION_EVENTS.get(event.action)
    if key is None or not (dossier.applicant_email or dossier.applicant_phone):
        return []
    from motcua.notifications.services import notification_enqueue

    with timezone.override(LOCAL_TZ):
        return notification_enqueue(
            event=key,
            recipient_email=dossier.applicant_email,
            recipient_phone=dossier.applicant_phone,
            context=_context(dossier, event, key),
            ref_type=REF_TYPE,
            ref_id=dossier.code,
            language=applicant_language(
                dossier.applicant_user if dossier.applicant_user_id else None
            ),
        )


def on_dossier_changed(*, dossier: Dossier, event: DossierEvent, **_: object) -> None:
    """`core.events.DOSSIER_CHANGED` subscriber: the applicant's notification, if any."""
    dossier_notify(dossier=dossier, event=event)
