"""Masking personal data in outbox rows shown to officers (issue 9, hole 1).

Officers may need to know that a message went out and what it was about, never the numbers
that let someone act for the applicant: phone numbers, e-mail addresses, one-time codes and
lookup keys (the `?key=`/`khoa=` part of tracking links) are replaced by a mask. Pure functions,
tested from a table in tests/notifications/test_outbox_secrets.py.
"""

import re

MASK = "••••"

_EMAIL = re.compile(r"\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")
_PHONE = re.compile(r"(?<![\d+])(?:\+?84[\s.]?|0)\d(?:[\s.]?\d){8}(?!\d)")
_QUERY = re.compile(r"(https?://\S+?)\?\S*")
_DIGITS = re.compile(r"(?<![\d/.-])\d{6,}(?![\d/.-])")


def mask_recipient(recipient: str) -> str:
    recipient = recipient or ""
    if "@" in recipient:
        local, _, domain = recipient.partition("@")
        return f"{local[:1]}{MASK}@{domain}"
    digits = re.sub(r"\D", "", recipient)
    if len(digits) >= 7:
        return f"{digits[:3]}{MASK}{digits[-3:]}"
    return MASK


def mask_text(text: str) -> str:
    """`text` with e-mails, phone numbers, link parameters and long digit runs masked."""
    text = _QUERY.sub(lambda m: f"{m.group(1)}?{MASK}", text or "")
    text = _EMAIL.sub(lambda m: f"{m.group(1)}{MASK}@{m.group(2)}", text)
    text = _PHONE.sub(lambda m: mask_recipient(m.group(0)), text)
    return _DIGITS.sub(MASK, text)
