"""On-time arithmetic for a period: the seed's rate and Decision 766's indicator 2.1.

Input is plain counts (or per-dossier classifications already computed by the legal clock,
`motcua.clock.domain.worktime`); output is exact `Decimal` percentages rounded ROUND_HALF_UP to
two decimals, and the sentence the seed article prints:
"đã giải quyết 25.925/25.969 hồ sơ đúng hạn, đạt tỷ lệ 99,83%".

Two named metrics, because officers quote both and they differ:
- `seed_rate` — the seed article's and Decree 61/2018 periodic reporting's: dossiers resolved
  early or on time ÷ dossiers resolved in the period (stopped, withdrawn and refused dossiers
  are on neither side). The seed table (2021: 25.925/25.969 = 99,83%) is this metric.
- `rate_766` (= `national_rate`) — Decision 766/QĐ-TTg indicator 2.1 as the national portal
  computes it: dossiers *ended* in the period early or on time, plus dossiers still open and in
  time, ÷ dossiers ended plus still open. "Ended" counts, besides results, the dossiers refused
  at reception (status 3: never received, so never late), stopped (status 8) and withdrawn
  after reception (status 7 with a receipt), each compared with its legal due instant (not an
  apology's new appointment: the apology does not make a dossier on time). Supplement time is
  excluded by the clock; more than one supplement request counts late (`repeated_supplements`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal

from motcua.clock.domain.worktime import (
    CON_HAN,
    DUNG_HAN,
    QUA_HAN,
    SAP_DEN_HAN,
    TRUOC_HAN,
    repeated_supplements,
)
from motcua.core.formatting import vn_number

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def quantize(value: Decimal) -> Decimal:
    """Two decimals, half up: 99,835 → 99,84 (never banker's rounding)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def percent(numerator: int | Decimal, denominator: int | Decimal) -> Decimal | None:
    """numerator ÷ denominator × 100 to two decimals; None when there is nothing to divide."""
    if denominator == 0:
        return None
    return quantize(Decimal(numerator) * HUNDRED / Decimal(denominator))


def format_decimal(value: Decimal) -> str:
    """Vietnamese format, whole numbers without decimals: 99,83 · 100 · 1.234,5."""
    value = quantize(value)
    if value == value.to_integral_value():
        return vn_number(value)
    return vn_number(value, 2)


def format_percent(value: Decimal | None) -> str:
    """'99,83%', '100%'; '—' when the rate does not exist (nothing in the denominator)."""
    if value is None:
        return "—"
    return f"{format_decimal(value)}%"


@dataclass(frozen=True)
class DossierTiming:
    """One dossier as the period's end sees it.

    `result` is the clock's classification: trước hạn / đúng hạn / quá hạn for a resolved
    dossier, còn hạn / sắp đến hạn / quá hạn for one still open at the end of the period.
    """

    result: str
    resolved: bool
    supplement_requests: int = 0
    working_days: Decimal | None = None  # processing time of a resolved dossier

    def __post_init__(self) -> None:
        allowed = (
            (TRUOC_HAN, DUNG_HAN, QUA_HAN) if self.resolved else (CON_HAN, SAP_DEN_HAN, QUA_HAN)
        )
        if self.result not in allowed:
            state = "đã giải quyết" if self.resolved else "đang xử lý"
            raise ValueError(f"Kết quả '{self.result}' không hợp lệ cho hồ sơ {state}.")
        if self.supplement_requests < 0:
            raise ValueError("Số lần yêu cầu bổ sung không được âm.")


@dataclass(frozen=True)
class OnTimeCounts:
    """Counts for one unit (or procedure, field, channel...) and period.

    The two `*_repeated_supplements` counts are subsets: dossiers that the clock finds in time
    (resolved early/on time, or open and in time) but that had more than one supplement
    request, so Decision 766 counts them late.
    """

    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    open_in_time: int = 0
    open_overdue: int = 0
    resolved_in_time_repeated_supplements: int = 0
    open_in_time_repeated_supplements: int = 0
    processing_working_days: Decimal = Decimal(0)  # summed over `processing_timed` dossiers
    processing_timed: int = 0
    # Decision 766's other ended dossiers: stopped or withdrawn after reception, those of them
    # ended in time (by the due instant, at most one supplement request), refused at reception.
    ended_unresolved: int = 0
    ended_unresolved_in_time: int = 0
    refused: int = 0

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) < 0:
                raise ValueError(f"{f.name} không được âm.")
        if self.resolved_in_time_repeated_supplements > self.resolved_in_time:
            raise ValueError(
                "Số hồ sơ bổ sung nhiều lần vượt số hồ sơ đã giải quyết trước hạn, đúng hạn."
            )
        if self.open_in_time_repeated_supplements > self.open_in_time:
            raise ValueError("Số hồ sơ bổ sung nhiều lần vượt số hồ sơ đang xử lý trong hạn.")
        if self.ended_unresolved_in_time > self.ended_unresolved:
            raise ValueError("Số hồ sơ dừng/rút trong hạn vượt số hồ sơ dừng/rút.")
        if self.processing_timed > self.resolved:
            raise ValueError("Số hồ sơ có thời gian xử lý vượt số hồ sơ đã giải quyết.")

    def __add__(self, other: OnTimeCounts) -> OnTimeCounts:
        """Roll-up: a parent unit's counts are the sum of its children's."""
        return OnTimeCounts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @property
    def resolved_in_time(self) -> int:
        return self.resolved_early + self.resolved_on_time

    @property
    def resolved(self) -> int:
        return self.resolved_in_time + self.resolved_late

    @property
    def open(self) -> int:
        return self.open_in_time + self.open_overdue

    @property
    def seed_denominator(self) -> int:
        """What the seed rate divides by: the dossiers resolved in the period (đã giải quyết)."""
        return self.resolved

    @property
    def seed_rate(self) -> Decimal | None:
        """(trước hạn + đúng hạn) ÷ `seed_denominator`; None when it is zero."""
        return percent(self.resolved_in_time, self.seed_denominator)

    @property
    def national_numerator(self) -> int:
        """Decision 766 indicator 2.1's numerator (see the module docstring)."""
        return (
            self.resolved_in_time
            - self.resolved_in_time_repeated_supplements
            + self.ended_unresolved_in_time
            + self.refused
            + self.open_in_time
            - self.open_in_time_repeated_supplements
        )

    @property
    def national_denominator(self) -> int:
        """Ended in the period (resolved, stopped or withdrawn after reception, refused) plus
        still open at its end."""
        return self.resolved + self.ended_unresolved + self.refused + self.open

    @property
    def rate_766(self) -> Decimal | None:
        """Decision 766 indicator 2.1; None when nothing ended or was open."""
        return percent(self.national_numerator, self.national_denominator)

    national_rate = rate_766

    @property
    def average_processing_days(self) -> Decimal | None:
        """Mean working days from receipt to result over the timed resolved dossiers."""
        if self.processing_timed == 0:
            return None
        return quantize(self.processing_working_days / self.processing_timed)


def tally(dossiers: Iterable[DossierTiming]) -> OnTimeCounts:
    """Count classified dossiers into `OnTimeCounts`."""
    c = dict.fromkeys((f.name for f in fields(OnTimeCounts)), 0)
    c["processing_working_days"] = Decimal(0)
    for d in dossiers:
        repeated = repeated_supplements(d.supplement_requests)
        if d.resolved:
            key = {TRUOC_HAN: "resolved_early", DUNG_HAN: "resolved_on_time"}.get(
                d.result, "resolved_late"
            )
            c[key] += 1
            if repeated and d.result != QUA_HAN:
                c["resolved_in_time_repeated_supplements"] += 1
            if d.working_days is not None:
                c["processing_working_days"] += Decimal(d.working_days)
                c["processing_timed"] += 1
        elif d.result == QUA_HAN:
            c["open_overdue"] += 1
        else:
            c["open_in_time"] += 1
            if repeated:
                c["open_in_time_repeated_supplements"] += 1
    return OnTimeCounts(**c)


def gettext_noop(text: str) -> str:
    """Marks a text for the translation catalogue (makemessages) without importing Django."""
    return text


def _same(text: str) -> str:
    return text


def seed_sentence(counts: OnTimeCounts, gettext=_same) -> str:
    """The seed article's sentence: 'đã giải quyết 25.925/25.969 hồ sơ đúng hạn, đạt tỷ lệ
    99,83%'. 'Đúng hạn' there means early or on time. `gettext` translates the words."""
    if counts.seed_denominator == 0:
        return gettext(gettext_noop("chưa giải quyết hồ sơ nào trong kỳ"))
    return gettext(
        gettext_noop("đã giải quyết %(in_time)s/%(resolved)s hồ sơ đúng hạn, đạt tỷ lệ %(rate)s")
    ) % {
        "in_time": vn_number(counts.resolved_in_time),
        "resolved": vn_number(counts.seed_denominator),
        "rate": format_percent(counts.seed_rate),
    }


def national_sentence(counts: OnTimeCounts, gettext=_same) -> str:
    """Indicator 2.1 in words, for the report beside the seed sentence."""
    if counts.national_denominator == 0:
        return gettext(
            gettext_noop("chỉ số 2.1: không có hồ sơ đã giải quyết hoặc đang xử lý trong kỳ")
        )
    return gettext(
        gettext_noop(
            "chỉ số 2.1 (QĐ 766): %(numerator)s/%(denominator)s hồ sơ trước hạn, đúng hạn hoặc "
            "đang trong hạn, đạt tỷ lệ %(rate)s"
        )
    ) % {
        "numerator": vn_number(counts.national_numerator),
        "denominator": vn_number(counts.national_denominator),
        "rate": format_percent(counts.national_rate),
    }


def average_days_text(counts: OnTimeCounts, gettext=_same) -> str:
    """'4,25 ngày làm việc'; '—' when no resolved dossier has a measured processing time."""
    days = counts.average_processing_days
    if days is None:
        return "—"
    return gettext(gettext_noop("%(days)s ngày làm việc")) % {"days": format_decimal(days)}
