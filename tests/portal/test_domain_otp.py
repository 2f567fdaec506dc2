"""One-time code rules: when a code may be checked, when another may be sent (pure)."""

from datetime import datetime, timedelta

import pytest

from motcua.portal.domain import otp
from motcua.portal.domain.otp import CodeState

T0 = datetime(2025, 7, 1, 9, 0)
EXPIRES = T0 + otp.TTL


@pytest.mark.parametrize(
    ("now", "attempts", "used", "expected"),
    [
        (T0, 0, False, CodeState.CHECKABLE),
        (T0 + timedelta(minutes=4, seconds=59), 4, False, CodeState.CHECKABLE),
        (T0 + timedelta(minutes=5), 0, False, CodeState.EXPIRED),  # exactly 5 minutes: over
        (T0 + timedelta(hours=1), 0, False, CodeState.EXPIRED),
        (T0, 5, False, CodeState.EXHAUSTED),
        (T0 + timedelta(hours=1), 5, False, CodeState.EXHAUSTED),
        (T0, 0, True, CodeState.USED),
    ],
)
def test_code_state(now, attempts, used, expected):
    assert otp.code_state(now=now, expires_at=EXPIRES, attempts=attempts, used=used) is expected


def test_codes_are_six_digits_and_vary():
    codes = {otp.code_generate() for _ in range(50)}
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert len(codes) > 40


def _at(*seconds):
    return [T0 + timedelta(seconds=s) for s in seconds]


@pytest.mark.parametrize(
    ("sent", "now", "allowed", "wait"),
    [
        ([], T0, True, 0),
        (_at(0), T0 + timedelta(seconds=59), False, 1),
        (_at(0), T0 + timedelta(seconds=30), False, 30),
        (_at(0), T0 + timedelta(seconds=60), True, 0),
        # five codes in the hour: the sixth waits until the first leaves the window
        (_at(0, 600, 1200, 1800, 2400), T0 + timedelta(seconds=3000), False, 600),
        (_at(0, 600, 1200, 1800, 2400), T0 + timedelta(seconds=3600), True, 0),
        # codes older than the window do not count
        (_at(-7200, -7100, -7000, -6900, -6800), T0, True, 0),
    ],
)
def test_send_decision(sent, now, allowed, wait):
    decision = otp.send_decision(now=now, sent_at=sent)
    assert decision.allowed is allowed
    assert decision.wait_seconds == wait


def test_the_minute_runs_per_purpose_the_hourly_cap_per_phone():
    # a reset code right after the registration code: allowed
    other = otp.send_decision(
        now=T0 + timedelta(seconds=5), sent_at=_at(0), last_same_purpose=T0 - timedelta(hours=2)
    )
    assert other.allowed
    same = otp.send_decision(now=T0 + timedelta(seconds=5), sent_at=_at(0), last_same_purpose=T0)
    assert not same.allowed and same.wait_seconds == 55
    capped = otp.send_decision(
        now=T0 + timedelta(seconds=100),
        sent_at=_at(0, 10, 20, 30, 40),
        last_same_purpose=T0 - timedelta(hours=2),
    )
    assert not capped.allowed and capped.wait_seconds == 3500


def test_send_refusal_messages_are_vietnamese():
    assert otp.send_decision(now=T0 + timedelta(seconds=10), sent_at=_at(0)).message == (
        "Vui lòng chờ 50 giây rồi yêu cầu gửi lại mã."
    )
    many = otp.send_decision(now=T0 + timedelta(seconds=2500), sent_at=_at(0, 1, 2, 3, 2400))
    assert many.message == (
        "Đã gửi quá nhiều mã tới số điện thoại này. Vui lòng thử lại sau 19 phút."
    )
