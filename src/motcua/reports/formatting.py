"""The on-time report as text: the seed's sentence, then a table in Vietnamese number format.
Shared by the command line, the XLSX and the PDF so that they print the same words."""

from __future__ import annotations

from motcua.core.formatting import vn_number
from motcua.reports.domain.ontime import (
    average_days_text,
    format_decimal,
    format_percent,
    national_sentence,
    seed_sentence,
)
from motcua.reports.selectors import GROUPS, OnTimeReport, ReportRow

# (header, function of a row) — the columns of every rendering of the report.
COLUMNS = (
    ("Tiếp nhận", lambda r: vn_number(r.extra["received"])),
    ("Đã giải quyết", lambda r: vn_number(r.counts.resolved)),
    ("Trước hạn", lambda r: vn_number(r.counts.resolved_early)),
    ("Đúng hạn", lambda r: vn_number(r.counts.resolved_on_time)),
    ("Quá hạn", lambda r: vn_number(r.counts.resolved_late)),
    ("Đang xử lý còn hạn", lambda r: vn_number(r.counts.open_in_time)),
    ("Đang xử lý quá hạn", lambda r: vn_number(r.counts.open_overdue)),
    ("Tỷ lệ đúng hạn", lambda r: format_percent(r.counts.seed_rate)),
    ("Chỉ số 2.1", lambda r: format_percent(r.counts.national_rate)),
    ("TG xử lý TB (ngày)", lambda r: _days(r)),
    ("Bổ sung", lambda r: vn_number(r.extra["received_supplement"])),
    ("Không tiếp nhận", lambda r: vn_number(r.extra["refused"])),
    ("Dừng xử lý", lambda r: vn_number(r.extra["stopped"])),
    ("Rút hồ sơ", lambda r: vn_number(r.extra["withdrawn"])),
    ("Đã trả kết quả", lambda r: vn_number(r.extra["returned"])),
)


def _days(row: ReportRow) -> str:
    days = row.counts.average_processing_days
    return "—" if days is None else format_decimal(days)


def heading(report: OnTimeReport) -> str:
    where = report.unit.name if report.unit else "Toàn hệ thống"
    return f"Tình hình giải quyết hồ sơ — {where} — {report.period.label}"


def sentences(report: OnTimeReport) -> list[str]:
    t = report.total.counts
    return [
        f"{report.period.label}: {seed_sentence(t)}.",
        f"Theo {national_sentence(t)}.",
        f"Thời gian xử lý trung bình: {average_days_text(t)}.",
    ]


def report_text(report: OnTimeReport) -> str:
    lines = [heading(report), "", *sentences(report), *report.notes, ""]
    header = [GROUPS[report.group_by], *(h for h, _ in COLUMNS)]
    body = [[r.label, *(f(r) for _, f in COLUMNS)] for r in [*report.rows, report.total]]
    widths = [max(len(str(row[i])) for row in [header, *body]) for i in range(len(header))]
    widths[0] = min(widths[0], 48)

    def fmt(cells):
        first = str(cells[0])[:48].ljust(widths[0])
        rest = [str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return " | ".join([first, *rest])

    lines.append(fmt(header))
    lines.append("-+-".join("-" * w for w in widths))
    for row in body[:-1]:
        lines.append(fmt(row))
    lines.append("-+-".join("-" * w for w in widths))
    lines.append(fmt(body[-1]))
    return "\n".join(lines) + "\n"
