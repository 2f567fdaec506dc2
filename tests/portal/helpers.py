"""Reading what the SMS gateway would have sent: the notification outbox.

The outbox row shows the code masked; the real text is sealed for the sender only, so tests
read it the way the sender does (`sealing.unseal`).
"""

import re

from motcua.notifications.models import Notification
from motcua.notifications.sealing import unseal


def sms_code(phone: str) -> str:
    """The 6-digit code in the newest one-time-code SMS to `phone`."""
    sms = (
        Notification.objects.filter(event="account.otp", channel="sms", recipient=phone)
        .order_by("-id")
        .first()
    )
    assert sms is not None, f"no code was sent to {phone}"
    assert not re.search(r"\b\d{6}\b", sms.body), "the code is stored in clear"
    _, body = unseal(sms.sealed)
    return re.search(r"\b(\d{6})\b", body).group(1)


def sms_count(phone: str) -> int:
    return Notification.objects.filter(event="account.otp", recipient=phone).count()
