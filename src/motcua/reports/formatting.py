"""The on-time report as text: the seed's sentence, then a table in Vietnamese number format.
Shared by the command line, the XLSX and the PDF so that they print the same words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.core.formatting import vn_number
from motcua.reports.domain.ontime import (
    average_days_text,
    format_decimal,
    format_percent,
    national_sentence,
    seed_sentence,
)
from motcua.reports.selectors import GROUPS, OnTimeReport, ReportRow


@dataclass(frozen=True)
class Column:
    """One column of the on-time report, for every rendering (text, PDF, XLSX).

    `value` is the raw figure of a row (a count, a rate in percent or None, working days or
    None); `kind` says how it is written ("count", "rate", "days"). `sheet_heading` is the
    spreadsheet's longer heading when it differs; `in_text` is False for columns only the
    spreadsheet has."""

    heading: str
    value: Callable[[ReportRow], object]
    kind: str = "count"
    sheet_heading: str = ""
    in_text: bool = True

    def text(self, row: ReportRow) -> str:
        value = self.value(row)
        if self.kind == "rate":
            return format_percent(value)
        if self.kind == "days":
            return "—" if value is None else format_decimal(value)
        return vn_number(value)


# The one list of the report's columns: to add or rename a column, edit it here.
REPORT_COLUMNS = (
    Column(_("Tiếp nhận"), lambda r: r.extra["received"]),
    Column(_("Đã giải quyết"), lambda r: r.counts.resolved),
    Column(_("Trước hạn"), lambda r: r.counts.resolved_early),
    Column(_("Đúng hạn"), lambda r: r.counts.resolved_on_time),
    Column(_("Quá hạn"), lambda r: r.counts.resolved_late),
    Column(_("Đang xử lý còn hạn"), lambda r: r.counts.open_in_time),
    Column(_("Đang xử lý quá hạn"), lambda r: r.counts.open_overdue),
    Column(_("Tỷ lệ đúng hạn"), lambda r: r.counts.seed_rate, "rate"),
    Column(_("Chỉ số 2.1"), lambda r: r.counts.national_rate, "rate", _("Chỉ số 2.1 (QĐ 766)")),
    Column(
        _("TG xử lý TB (ngày)"),
        lambda r: r.counts.average_processing_days,
        "days",
        _("Thời gian xử lý TB (ngày làm việc)"),
    ),
    Column(
        _("Bổ sung"),
        lambda r: r.extra["received_supplement"],
        sheet_heading=_("Có yêu cầu bổ sung"),
    ),
    Column(_("Trực tuyến"), lambda r: r.extra["received_online"], in_text=False),
    Column(_("Bưu chính"), lambda r: r.extra["received_postal"], in_text=False),
    Column(_("Không tiếp nhận"), lambda r: r.extra["refused"]),
    Column(_("Dừng xử lý"), lambda r: r.extra["stopped"]),
    Column(_("Rút hồ sơ"), lambda r: r.extra["withdrawn"]),
    Column(_("Đã trả kết quả"), lambda r: r.extra["returned"]),
)

# (header, function of a row → text) — the columns of the text and PDF renderings.
COLUMNS = tuple((c.heading, c.text) for c in REPORT_COLUMNS if c.in_text)


def heading(report: OnTimeReport) -> str:
    """In the active language (Vietnamese on the command line)."""
    where = report.unit.name if report.unit else gettext("Toàn hệ thống")
    title = gettext("Tình hình giải quyết hồ sơ")
    return f"{title} — {where} — {report.period.label_in(gettext)}"


def sentences(report: OnTimeReport) -> list[str]:
    t = report.total.counts
    return [
        f"{report.period.label_in(gettext)}: {seed_sentence(t, gettext)}.",
        gettext("Theo %(sentence)s.") % {"sentence": national_sentence(t, gettext)},
        gettext("Thời gian xử lý trung bình: %(days)s.") % {"days": average_days_text(t, gettext)},
    ]


def report_text(report: OnTimeReport) -> str:
    lines = [heading(report), "", *sentences(report), *report.notes, ""]
    header = [str(GROUPS[report.group_by]), *(str(h) for h, _f in COLUMNS)]
    body = [[str(r.label), *(f(r) for _h, f in COLUMNS)] for r in [*report.rows, report.total]]
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
