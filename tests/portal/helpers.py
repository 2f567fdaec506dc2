"""Reading what the SMS gateway would have sent: the notification outbox."""

import re

from motcua.notifications.models import Notification


def sms_code(phone: str) -> str:
    """The 6-digit code in the newest one-time-code SMS to `phone`."""
    sms = (
        Notification.objects.filter(event="account.otp", channel="sms", recipient=phone)
        .order_by("-id")
        .first()
    )
    assert sms is not None, f"no code was sent to {phone}"
    return re.search(r"\b(\d{6})\b", sms.body).group(1)


def sms_count(phone: str) -> int:
    return Notification.objects.filter(event="account.otp", recipient=phone).count()
