"""Retry policy of the outbox, in plain Python: when to try again, when to give up.

Exponential backoff from one minute, doubled after each failure and capped (an hour by default),
for as long as the retry horizon lasts (three days by default, `MOTCUA_NOTIFY_RETRY_HORIZON_HOURS`):
a gateway down for two hours or over a weekend loses nothing, and a message that still cannot be
sent after the horizon is marked failed, shown on the health page and the outbox, and can be
re-queued by an administrator. `max_attempts` on the row is only a safety bound.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

RETRY_BASE = timedelta(minutes=1)
RETRY_CAP = timedelta(hours=1)
RETRY_HORIZON = timedelta(days=3)
# How long a worker holds a row it is sending; a worker that dies mid-send gives it back then.
SEND_LEASE = timedelta(minutes=5)
# Safety bound on tries in one retry window (the horizon is what normally ends retries).
DEFAULT_MAX_ATTEMPTS = 1000


def retry_delay(attempts: int, *, base: timedelta = RETRY_BASE, cap: timedelta = RETRY_CAP):
    """The wait before the next try after `attempts` failed tries (attempts ≥ 1)."""
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    # Bound the exponent so a large count never overflows timedelta.
    return min(base * (2 ** min(attempts - 1, 30)), cap)


@dataclass(frozen=True)
class AfterFailure:
    give_up: bool
    next_attempt_at: datetime | None


def after_failure(
    *,
    attempts: int,
    max_attempts: int,
    now: datetime,
    retry_from: datetime | None = None,
    horizon: timedelta = RETRY_HORIZON,
    cap: timedelta = RETRY_CAP,
) -> AfterFailure:
    """What follows the `attempts`-th failed try: another try later, or failed for good.

    `retry_from` is when the current retry window began (the message's creation, or its last
    re-queue): the last try is made at `retry_from + horizon`; a failure then is final.
    """
    if attempts >= max_attempts:
        return AfterFailure(give_up=True, next_attempt_at=None)
    next_at = now + retry_delay(attempts, cap=cap)
    if retry_from is not None:
        end = retry_from + horizon
        if now >= end:
            return AfterFailure(give_up=True, next_attempt_at=None)
        next_at = min(next_at, end)
    return AfterFailure(give_up=False, next_attempt_at=next_at)


# --- SMS text -----------------------------------------------------------------------------
# One SMS in the GSM 03.38 7-bit alphabet carries 160 characters; a single character outside
# it (every Vietnamese letter with a diacritic) switches the message to UCS-2 and 70
# characters, so a Vietnamese sentence spans three or four billed messages. Operators and
# public services therefore send SMS "không dấu".
SMS_SEGMENT = 160
_ELLIPSIS = "..."
# The closing "Tra cứu: <link>" (or "Chi tiết:", "Thanh toán:") of a message.
_LINK = re.compile(r"\s(?:([^.:]{1,20}):\s)?(https?://\S+)$")


def sms_fold(text: str) -> str:
    """Vietnamese without diacritics (Đ/đ → D/d, ơ → o...), on one line."""
    text = text.replace("Đ", "D").replace("đ", "d")
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain).strip()


def _cut(text: str, room: int) -> str:
    return text[:room].rsplit(" ", 1)[0].rstrip(" .,;:") + _ELLIPSIS


def sms_text(text: str, *, limit: int = SMS_SEGMENT) -> str:
    """The SMS form of a message: folded by `sms_fold` and kept to one message of `limit`
    characters where possible. The message's own words come first: a closing link loses its
    label ("Tra cuu:"), then is left out when the words alone fit; words too long for one
    message are shortened with "..." before the link (or alone when the link leaves under
    40 characters for them)."""
    text = sms_fold(text)
    if len(text) <= limit:
        return text
    found = _LINK.search(text)
    if not found:
        return _cut(text, limit - len(_ELLIPSIS))
    main, link = text[: found.start()], found.group(2)
    if len(main) + 1 + len(link) <= limit:
        return f"{main} {link}"
    if len(main) <= limit:
        return main
    room = limit - len(link) - 1 - len(_ELLIPSIS)
    if room >= 40:
        return f"{_cut(main, room)} {link}"
    return _cut(main, limit - len(_ELLIPSIS))
