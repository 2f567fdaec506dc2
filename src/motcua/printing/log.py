"""The dossier log (Sổ theo dõi hồ sơ) as an XLSX workbook.

Column headings and grouping come from the rule set's `log.json`, so a change in the legal
template is a data change. Dates are real Excel dates (Vietnamese local time, dd/mm/yyyy
hh:mm), so the sheet can be sorted and filtered; "Ký nhận" columns stay empty to sign by hand.
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Iterable
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .data import FormDataError, LogPeriod, LogRow
from .render import TEMPLATES, _local, _missing, manifest, rule_set_for

FONT = "Times New Roman"  # Excel substitutes Liberation Serif where Times is absent.
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP_TOP = Alignment(vertical="top", wrap_text=True)
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"


@functools.cache
def log_layout(rule_set: str) -> dict:
    spec = manifest(rule_set)["log"]
    layout = json.loads((TEMPLATES / rule_set / spec["layout"]).read_text(encoding="utf-8"))
    return {**layout, "number": spec["number"], "form_title": spec["title"]}


def _cell_value(row: LogRow, index: int, key: str):
    if key == "index":
        return index
    if key == "address_phone":
        return ", ".join(p for p in (row.applicant_address, row.phone) if p)
    if not key:
        return None
    value = getattr(row, key)
    if isinstance(value, datetime):
        # Excel has no time zones: write the wall-clock time in Vietnam.
        return _local(value).replace(tzinfo=None)
    return value


def dossier_log_xlsx(
    rows: Iterable[LogRow], period: LogPeriod, *, rule_set: str | None = None
) -> bytes:
    """Write the log for `period` with one line per row, in the order given (callers pass the
    dossiers received in the period, oldest first). The rule set defaults to the one in force
    on the period's first day."""
    rule_set = rule_set or rule_set_for(period.start)
    layout = log_layout(rule_set)
    name = f"Mẫu số {layout['number']} – {layout['form_title']} ({manifest(rule_set)['name']})"
    rows = list(rows)
    problems = []
    if period.end < period.start:
        problems.append("ngày kết thúc kỳ trước ngày bắt đầu")
    for i, row in enumerate(rows, 1):
        if not isinstance(row, LogRow):
            problems.append(f"dòng {i}: cần LogRow, nhận được {type(row).__name__}")
            continue
        problems += [f"dòng {i}: thiếu {m}" for m in _missing(row)]
    if problems:
        raise FormDataError(f"Không xuất được {name}: {'; '.join(problems)}.")

    columns = layout["columns"]
    ncols = len(columns)
    last = get_column_letter(ncols)
    wb = Workbook()
    ws = wb.active
    ws.title = layout["sheet"]

    r = 1
    for text, bold in ((period.agency_name, False), (period.unit_name, True)):
        if text:
            ws.cell(r, 1, text.upper()).font = Font(name=FONT, size=12, bold=bold)
            r += 1
    ws.merge_cells(f"A{r}:{last}{r}")
    ws.cell(r, 1, layout["title"]).font = Font(name=FONT, size=14, bold=True)
    ws.cell(r, 1).alignment = Alignment(horizontal="center")
    r += 1
    ws.merge_cells(f"A{r}:{last}{r}")
    ws.cell(
        r,
        1,
        layout["period"].format(start=f"{period.start:%d/%m/%Y}", end=f"{period.end:%d/%m/%Y}"),
    ).font = Font(name=FONT, size=12, italic=True)
    ws.cell(r, 1).alignment = Alignment(horizontal="center")
    r += 2

    # Two header rows: a group heading over its sub-columns; ungrouped columns span both rows.
    head1, head2 = r, r + 1
    bold = Font(name=FONT, size=11, bold=True)
    c = 1
    while c <= ncols:
        col = columns[c - 1]
        group = col.get("group")
        if group:
            span = 1
            while c + span <= ncols and columns[c + span - 1].get("group") == group:
                span += 1
            ws.merge_cells(start_row=head1, start_column=c, end_row=head1, end_column=c + span - 1)
            ws.cell(head1, c, group)
            for k in range(span):
                ws.cell(head2, c + k, columns[c + k - 1]["heading"])
            c += span
        else:
            ws.merge_cells(start_row=head1, start_column=c, end_row=head2, end_column=c)
            ws.cell(head1, c, col["heading"])
            c += 1
    for c, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(c)].width = col.get("width", 14)
        ws.cell(head2 + 1, c, f"({c})")
        for rr in (head1, head2, head2 + 1):
            cell = ws.cell(rr, c)
            cell.font = bold if rr != head2 + 1 else Font(name=FONT, size=10, italic=True)
            cell.alignment = WRAP_CENTER
            cell.border = BOX

    body = Font(name=FONT, size=11)
    first = head2 + 2
    for i, row in enumerate(rows, 1):
        rr = first + i - 1
        for c, col in enumerate(columns, 1):
            cell = ws.cell(rr, c, _cell_value(row, i, col["key"]))
            cell.font = body
            cell.border = BOX
            cell.alignment = WRAP_TOP
            if isinstance(cell.value, datetime):
                cell.number_format = DATETIME_FORMAT

    ws.freeze_panes = ws.cell(first, 3)
    ws.print_title_rows = f"{head1}:{head2 + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
