"""Legal working hours as a setting, apart from a desk's reception (office) hours.

`MOTCUA_LEGAL_HOURS`, e.g. "07:30-11:30,13:00-17:00": the daily working intervals that count
in legal deadlines, Monday to Friday, whatever hours a desk keeps for reception (an early
opening, a lunch-time desk or a Saturday morning receive dossiers but never shorten a deadline).
Empty (the default): each unit's own weekday office hours count, Saturday and Sunday excluded
(`clock.selectors.legal_hours`).

Source: Decision 188/1999/QĐ-TTg (40-hour week, Monday–Friday) and Labour Code 2019 art. 105
(8 hours a day); the daily times are set by each province's People's Committee (07:30–11:30,
13:00–17:00 is common, not national law).
"""

from __future__ import annotations

import re

_INTERVAL = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")


class LegalHoursError(ValueError):
    pass


def parse_legal_hours(text: str) -> tuple[tuple[int, int], ...]:
    """Intervals in minutes after midnight, sorted, non-overlapping; () for an empty text."""
    text = (text or "").strip()
    if "\x00" in text:
        raise LegalHoursError("MOTCUA_LEGAL_HOURS chứa ký tự không hợp lệ (ký tự NUL).")
    if not text:
        return ()
    out = []
    for part in text.split(","):
        m = _INTERVAL.match(part.strip())
        if not m:
            raise LegalHoursError(
                f"MOTCUA_LEGAL_HOURS: khoảng giờ “{part.strip()}” không hợp lệ "
                "(ví dụ đúng: 07:30-11:30,13:00-17:00)."
            )
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
            raise LegalHoursError(f"MOTCUA_LEGAL_HOURS: giờ không hợp lệ trong “{part.strip()}”.")
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if start >= end:
            raise LegalHoursError(
                f"MOTCUA_LEGAL_HOURS: giờ bắt đầu phải trước giờ kết thúc (“{part.strip()}”)."
            )
        out.append((start, end))
    out.sort()
    for (_a, b), (c, _d) in zip(out, out[1:], strict=False):
        if c < b:
            raise LegalHoursError("MOTCUA_LEGAL_HOURS: các khoảng giờ chồng lên nhau.")
    return tuple(out)
