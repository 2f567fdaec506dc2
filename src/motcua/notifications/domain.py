"""Retry policy of the outbox, in plain Python: when to try again, when to give up.

Exponential backoff from one minute, capped at an hour: 1, 2, 4, 8 minutes for the default five
attempts, so a gateway down for a quarter of an hour loses nothing and a wrong address stops
being retried within the hour.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

RETRY_BASE = timedelta(minutes=1)
RETRY_CAP = timedelta(hours=1)
# How long a worker holds a row it is sending; a worker that dies mid-send gives it back then.
SEND_LEASE = timedelta(minutes=5)


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


def after_failure(*, attempts: int, max_attempts: int, now: datetime) -> AfterFailure:
    """What follows the `attempts`-th failed try: another try later, or failed for good."""
    if attempts >= max_attempts:
        return AfterFailure(give_up=True, next_attempt_at=None)
    return AfterFailure(give_up=False, next_attempt_at=now + retry_delay(attempts))
