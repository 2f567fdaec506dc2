"""One-time codes (OTP): when a code may still be checked, and when a new one may be sent.

The numbers are the portal's policy: a code lives 5 minutes, allows 5 wrong tries, a new code
needs 60 seconds since the previous one and at most 5 codes go to one phone in an hour.
"""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

CODE_LENGTH = 6
TTL = timedelta(minutes=5)
MAX_ATTEMPTS = 5
RESEND_COOLDOWN = timedelta(seconds=60)
SEND_WINDOW = timedelta(hours=1)
MAX_SENDS_PER_WINDOW = 5


class CodeState(StrEnum):
    CHECKABLE = "checkable"
    EXPIRED = "expired"
    EXHAUSTED = "exhausted"  # too many wrong tries
    USED = "used"


MESSAGES = {
    CodeState.EXPIRED: "Mã xác thực đã hết hạn. Vui lòng yêu cầu gửi lại mã mới.",
    CodeState.EXHAUSTED: "Đã nhập sai quá số lần cho phép. Vui lòng yêu cầu gửi lại mã mới.",
    CodeState.USED: "Mã xác thực này đã được sử dụng. Vui lòng yêu cầu gửi lại mã mới.",
}
WRONG_CODE = "Mã xác thực không đúng. Còn {left} lần thử."
NO_CODE = "Chưa có mã xác thực nào đang chờ. Vui lòng yêu cầu gửi mã."


def code_generate() -> str:
    """Six random digits from the system's CSPRNG, leading zeros kept ('004821')."""
    return f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"


def code_state(
    *,
    now: datetime,
    expires_at: datetime,
    attempts: int,
    used: bool,
    max_attempts: int = MAX_ATTEMPTS,
) -> CodeState:
    """Whether a stored code may be compared with what the user typed."""
    if used:
        return CodeState.USED
    if attempts >= max_attempts:
        return CodeState.EXHAUSTED
    if now >= expires_at:
        return CodeState.EXPIRED
    return CodeState.CHECKABLE


@dataclass(frozen=True)
class SendDecision:
    allowed: bool
    wait_seconds: int = 0

    @property
    def message(self) -> str:
        if self.allowed:
            return ""
        if self.wait_seconds <= 120:
            return f"Vui lòng chờ {self.wait_seconds} giây rồi yêu cầu gửi lại mã."
        minutes = -(-self.wait_seconds // 60)
        return f"Đã gửi quá nhiều mã tới số điện thoại này. Vui lòng thử lại sau {minutes} phút."


def send_decision(
    *, now: datetime, sent_at: list[datetime], last_same_purpose: datetime | None = None
) -> SendDecision:
    """May a new code be sent now, given when the earlier codes to this phone were sent?

    The hourly cap counts every code to the phone; the one-minute wait runs from the last code
    for the same purpose when given (a reset right after registering is not held up).
    """
    recent = sorted(t for t in sent_at if now - t < SEND_WINDOW)
    waits = []
    last = last_same_purpose if last_same_purpose is not None else (recent[-1] if recent else None)
    if last is not None and now - last < RESEND_COOLDOWN:
        waits.append(RESEND_COOLDOWN - (now - last))
    if len(recent) >= MAX_SENDS_PER_WINDOW:
        # The window frees up when the oldest send that still counts leaves it.
        waits.append(SEND_WINDOW - (now - recent[-MAX_SENDS_PER_WINDOW]))
    if not waits:
        return SendDecision(allowed=True)
    return SendDecision(
        allowed=False, wait_seconds=max(1, int(-(-max(waits).total_seconds() // 1)))
    )
