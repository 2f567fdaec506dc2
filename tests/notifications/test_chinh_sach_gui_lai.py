"""Retry policy: exponential backoff from one minute, capped, over a horizon of days."""

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


H = timedelta(hours=1)


@pytest.mark.parametrize(
    ("since_start", "attempts", "give_up", "next_in"),
    [
        # Early on: the doubling wait.
        (timedelta(0), 1, False, timedelta(minutes=1)),
        (timedelta(minutes=31), 6, False, timedelta(minutes=32)),
        # Two hours into an outage with a 3-day horizon: still retrying, hourly.
        (2 * H, 8, False, H),
        # The next try would pass the horizon: it is made at the horizon's end...
        (72 * H - timedelta(minutes=20), 75, False, timedelta(minutes=20)),
        # ...and a failure then is final.
        (72 * H, 76, True, None),
        (80 * H, 77, True, None),
    ],
)
def test_after_failure_retries_until_the_horizon(since_start, attempts, give_up, next_in):
    start = NOW - since_start
    decision = after_failure(
        attempts=attempts,
        max_attempts=1000,
        now=NOW,
        retry_from=start,
        horizon=72 * H,
        cap=H,
    )
    assert decision.give_up is give_up
    assert decision.next_attempt_at == (NOW + next_in if next_in is not None else None)


def test_the_cap_is_configurable():
    decision = after_failure(
        attempts=20, max_attempts=1000, now=NOW, retry_from=NOW, cap=timedelta(minutes=10)
    )
    assert decision.next_attempt_at == NOW + timedelta(minutes=10)
