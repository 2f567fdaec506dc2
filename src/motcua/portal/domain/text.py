"""How the portal words phone numbers, processing times and fees for citizens."""

from datetime import time
from decimal import Decimal

from motcua.accounts.phone import looks_like_phone, phone_normalize  # noqa: F401 (portal words)

WORKING_DAYS = "working_days"
WORKING_HOURS = "working_hours"
SAME_DAY = "same_day"
MINUTES_PER_WORKING_DAY = 480


def _amount(value: Decimal) -> str:
    """2 → '02', 10 → '10', 1.5 → '1,5' (whole numbers below ten take a leading zero, as in
    the published catalogue: '05 ngày làm việc')."""
    value = Decimal(str(value)).quantize(Decimal("0.01"))
    if value == value.to_integral_value():
        return f"{int(value):02d}"
    return f"{value.normalize():f}".replace(".", ",")


def time_words(time_unit: str, time_value, cutoff: time | None = None) -> str:
    """'05 ngày làm việc', '04 giờ làm việc', 'Trong ngày (nộp trước 15:00)'."""
    if time_unit == SAME_DAY:
        if cutoff is not None:
            return f"Trong ngày (nộp trước {cutoff:%H:%M})"
        return "Trong ngày"
    unit = {WORKING_DAYS: "ngày làm việc", WORKING_HOURS: "giờ làm việc"}[time_unit]
    return f"{_amount(time_value)} {unit}"


def minutes_words(minutes: int) -> str:
    """A step's allotted working time: 120 → '02 giờ làm việc', 720 → '1,5 ngày làm việc'."""
    if minutes >= MINUTES_PER_WORKING_DAY:
        return time_words(WORKING_DAYS, Decimal(minutes) / MINUTES_PER_WORKING_DAY)
    if minutes % 60 == 0:
        return time_words(WORKING_HOURS, minutes // 60)
    return f"{minutes} phút làm việc"


def money_words(amount: int) -> str:
    """50000 → '50.000 đồng'; 0 → 'Miễn phí'."""
    if not amount:
        return "Miễn phí"
    groups = f"{int(amount):,}".replace(",", ".")
    return f"{groups} đồng"
