"""Retry policy: exponential backoff from one minute, capped, bounded by max_attempts."""

from datetime import UTC, datetime, timedelta

import pytest

from motcua.notifications.domain import after_failure, retry_delay

NOW = datetime(2025, 7, 15, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("attempts", "minutes"),
    [(1, 1), (2, 2), (3, 4), (4, 8), (5, 16), (6, 32), (7, 60), (50, 60), (10_000, 60)],
)
def test_retry_delay_doubles_then_caps_at_an_hour(attempts, minutes):
    assert retry_delay(attempts) == timedelta(minutes=minutes)


def test_retry_delay_needs_a_failed_attempt():
    with pytest.raises(ValueError):
        retry_delay(0)


@pytest.mark.parametrize(
    ("attempts", "max_attempts", "give_up", "wait"),
    [
        (1, 5, False, timedelta(minutes=1)),
        (4, 5, False, timedelta(minutes=8)),
        (5, 5, True, None),
        (6, 5, True, None),
        (1, 1, True, None),
    ],
)
def test_after_failure_retries_until_max_attempts(attempts, max_attempts, give_up, wait):
    decision = after_failure(attempts=attempts, max_attempts=max_attempts, now=NOW)
    assert decision.give_up is give_up
    assert decision.next_attempt_at == (NOW + wait if wait else None)
