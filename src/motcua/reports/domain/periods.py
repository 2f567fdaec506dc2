"""Report periods (year, quarter, month, custom range) and their Vietnamese names. No Django."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


def gettext_noop(text: str) -> str:
    """Marks a text for the translation catalogue (makemessages) without importing Django."""
    return text


def _same(text: str) -> str:
    return text


class PeriodError(ValueError):
    """A period the user typed that cannot be read; the message is Vietnamese."""


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise PeriodError(
                f"Ngày kết thúc {self.last:%d/%m/%Y} trước ngày bắt đầu {self.first:%d/%m/%Y}."
            )

    @property
    def label(self) -> str:
        return self.label_in()

    def label_in(self, gettext=_same) -> str:
        """The period's name; `gettext` translates the words (the reports pass Django's)."""
        f, last = self.first, self.last
        if f == dt.date(f.year, 1, 1) and last == dt.date(f.year, 12, 31):
            return gettext(gettext_noop("Năm %(year)s")) % {"year": f.year}
        if f.day == 1 and f.month in (1, 4, 7, 10) and last == _month_end(f.year, f.month + 2):
            q = (f.month - 1) // 3 + 1
            return gettext(gettext_noop("Quý %(quarter)s/%(year)s")) % {
                "quarter": q,
                "year": f.year,
            }
        if f.day == 1 and last == _month_end(f.year, f.month):
            month = f"{f.month:02d}"
            return gettext(gettext_noop("Tháng %(month)s/%(year)s")) % {
                "month": month,
                "year": f.year,
            }
        return gettext(gettext_noop("Từ %(first)s đến %(last)s")) % {
            "first": f"{f:%d/%m/%Y}",
            "last": f"{last:%d/%m/%Y}",
        }

    @property
    def slug(self) -> str:
        return f"{self.first:%Y%m%d}-{self.last:%Y%m%d}"


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31))


def quarter(y: int, q: int) -> Period:
    if q not in (1, 2, 3, 4):
        raise PeriodError(f"Quý phải từ 1 đến 4 (nhận được {q}).")
    m = 3 * (q - 1) + 1
    return Period(dt.date(y, m, 1), _month_end(y, m + 2))


def month(y: int, m: int) -> Period:
    if not 1 <= m <= 12:
        raise PeriodError(f"Tháng phải từ 1 đến 12 (nhận được {m}).")
    return Period(dt.date(y, m, 1), _month_end(y, m))


def parse_day(text: str, what: str = "ngày") -> dt.date:
    """'2021-01-31' or '31/01/2021'."""
    text = (text or "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise PeriodError(
        f"{what.capitalize()} '{text}' không hợp lệ: nhập theo dạng 2021-01-31 hoặc 31/01/2021."
    )


def parse(text: str) -> Period:
    """'2021', 'Q1/2023' (or '2023-Q1'), '03/2022' (or '2022-03'), '2021-01-01..2021-06-30'."""
    t = (text or "").strip().upper()
    if m := re.fullmatch(r"(\d{4})", t):
        return year(int(m[1]))
    if m := re.fullmatch(r"Q([1-4])[/-](\d{4})", t) or re.fullmatch(r"(\d{4})-Q([1-4])", t):
        a, b = int(m[1]), int(m[2])
        return quarter(b, a) if a <= 4 else quarter(a, b)
    if m := re.fullmatch(r"(\d{1,2})/(\d{4})", t):
        return month(int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", t):
        return month(int(m[1]), int(m[2]))
    if ".." in t:
        a, b = t.split("..", 1)
        return Period(parse_day(a, "ngày bắt đầu"), parse_day(b, "ngày kết thúc"))
    raise PeriodError(
        f"Kỳ báo cáo '{text}' không hợp lệ: dùng 2021, Q1/2023, 03/2022 "
        "hoặc 2021-01-01..2021-06-30."
    )


def quarters_of(y: int) -> list[Period]:
    return [quarter(y, q) for q in (1, 2, 3, 4)]


def months_between(first: dt.date, last: dt.date) -> list[Period]:
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(month(y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
