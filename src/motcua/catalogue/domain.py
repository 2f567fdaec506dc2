"""Pure rules of the procedure catalogue: legal time in minutes, the step-time check, and the
accent-insensitive text folding used for search. No Django import, so they are easy to test."""

import unicodedata
from decimal import Decimal

# One working day is 8 working hours (domain.md §4); a same-day procedure counts as one day.
MINUTES_PER_WORKING_DAY = 480

WORKING_DAYS = "working_days"
WORKING_HOURS = "working_hours"
SAME_DAY = "same_day"


def legal_minutes(time_unit: str, time_value: Decimal | int | float | None) -> int:
    """The legal processing time in working minutes."""
    if time_unit == SAME_DAY:
        return MINUTES_PER_WORKING_DAY
    value = Decimal(str(time_value or 0))
    if time_unit == WORKING_DAYS:
        return int(value * MINUTES_PER_WORKING_DAY)
    if time_unit == WORKING_HOURS:
        return int(value * 60)
    raise ValueError(f"Đơn vị thời gian không hợp lệ: {time_unit!r}")


def minutes_text(minutes: int) -> str:
    """480 → '480 phút (1 ngày làm việc)'; 1560 → '… (3,25 ngày …)'; 90 → '… (1,5 giờ …)'."""
    if minutes >= MINUTES_PER_WORKING_DAY:
        amount, unit = Decimal(minutes) / MINUTES_PER_WORKING_DAY, "ngày"
    else:
        amount, unit = Decimal(minutes) / 60, "giờ"
    text = f"{amount.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{minutes} phút ({text} {unit} làm việc)"


def steps_time_error(legal: int, step_minutes: list[int]) -> str | None:
    """None when the internal process's steps use exactly the legal time, else the reason."""
    total = sum(step_minutes)
    if not step_minutes:
        return "Quy trình nội bộ phải có ít nhất một bước."
    if total != legal:
        return (
            f"Tổng thời gian các bước của quy trình nội bộ là {minutes_text(total)}, "
            f"phải bằng đúng thời hạn giải quyết theo quy định là {minutes_text(legal)}."
        )
    return None


def fold(text: str) -> str:
    """Lowercase, strip Vietnamese diacritics (đ → d) and collapse spaces.

    'Đăng ký KHAI SINH' → 'dang ky khai sinh'. Stored in `search_text` so that the same
    plain LIKE query works on SQLite and PostgreSQL without unaccent or collations.
    """
    text = (text or "").lower().replace("đ", "d").replace("Đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


# Spellings a search must not tell apart: "kí"/"ký", "lí lịch"/"lý lịch", "qui"/"quy", "Mĩ"/"Mỹ"
# are both accepted in Vietnamese (the i/y rule has never been settled: Quyết định
# 240/QĐ-BGDĐT 1984 and Quyết định 1989/QĐ-BGDĐT 2018 on textbook spelling differ), and "dd"
# is what a Telex keyboard leaves when it misses "đ".
_VARIANTS = (("dd", "d"), ("y", "i"))


def search_key(text: str) -> str:
    """`fold`, then the spelling variants made equal: the form stored in `search_text` and
    the form a query's words take ("dang ki khai sinh" and "Đăng ký" meet as "dang ki")."""
    text = fold(text)
    for variant, same in _VARIANTS:
        text = text.replace(variant, same)
    return text
