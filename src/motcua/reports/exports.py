"""The reports as files: XLSX (openpyxl, Vietnamese headers, formatted) and PDF (Typst with
Liberation Serif, the national header), built from the same rows as the web pages."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from motcua.reports.domain.ontime import format_percent
from motcua.reports.formatting import COLUMNS, REPORT_COLUMNS, heading, sentences
from motcua.reports.selectors import GROUPS, OnTimeReport, ReportRow

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TYPST_DIR = Path(__file__).resolve().parent / "typst"
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE7F3")
PCT = "0.00%"
INT = "#,##0"

QUARTER_HEAD = (
    "Kỳ", "Tiếp nhận", "Đã giải quyết", "Trước hạn, đúng hạn", "Quá hạn", "Tỷ lệ đúng hạn",
    "Đang xử lý còn hạn", "Đang xử lý quá hạn", "Chỉ số 2.1",
)  # fmt: skip


# Numeric cells for XLSX: (header, value of a row, number format), from the report's columns.
def _rate(value):
    return None if value is None else float(value) / 100


def _sheet_cell(column):
    if column.kind == "rate":
        return lambda r: _rate(column.value(r))
    if column.kind == "days":
        return lambda r: None if column.value(r) is None else float(column.value(r))
    return column.value


XLSX_COLUMNS = tuple(
    (
        c.sheet_heading or c.heading,
        _sheet_cell(c),
        {"rate": PCT, "days": "0.00"}.get(c.kind, INT),
    )
    for c in REPORT_COLUMNS
)


def _sheet_header(ws, title: str, lines: list[str], width: int) -> int:
    ws.append([NATIONAL])
    ws.append([MOTTO])
    ws.append([])
    ws.append([title])
    for line in lines:
        ws.append([line])
    ws.append([])
    for row in (1, 2, 4):
        ws.cell(row=row, column=1).font = Font(bold=True, size=12 if row != 4 else 14)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        ws.cell(row=row, column=1).alignment = Alignment(horizontal="center")
    return ws.max_row + 1


def _table(ws, start: int, head, rows, formats) -> None:
    ws.append(list(head))
    for c in range(1, len(head) + 1):
        cell = ws.cell(row=start, column=c)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for values in rows:
        ws.append(list(values))
        r = ws.max_row
        for c, fmt in enumerate(formats, 1):
            cell = ws.cell(row=r, column=c)
            cell.border = BORDER
            if fmt:
                cell.number_format = fmt
    ws.freeze_panes = ws.cell(row=start + 1, column=2)


def ontime_xlsx(*, report: OnTimeReport, by_quarter) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Đúng hạn"
    start = _sheet_header(ws, heading(report), sentences(report), len(XLSX_COLUMNS) + 1)
    rows = [[r.label, *(fn(r) for _, fn, _ in XLSX_COLUMNS)] for r in [*report.rows, report.total]]
    _table(
        ws,
        start,
        [GROUPS[report.group_by], *(h for h, _, _ in XLSX_COLUMNS)],
        rows,
        [None, *(fmt for _, _, fmt in XLSX_COLUMNS)],
    )
    for c in range(1, len(XLSX_COLUMNS) + 1):
        ws.cell(row=ws.max_row, column=c).font = Font(bold=True)
    ws.column_dimensions["A"].width = 42
    for c in range(2, len(XLSX_COLUMNS) + 2):
        ws.column_dimensions[get_column_letter(c)].width = 14
    ws2 = wb.create_sheet("Theo năm, quý")
    start = _sheet_header(ws2, "Tỷ lệ giải quyết đúng hạn theo năm và quý", [], len(QUARTER_HEAD))
    _table(
        ws2,
        start,
        QUARTER_HEAD,
        [
            [
                p.period.label,
                p.extra["received"],
                p.counts.resolved,
                p.counts.resolved_in_time,
                p.counts.resolved_late,
                _rate(p.counts.seed_rate),
                p.counts.open_in_time,
                p.counts.open_overdue,
                _rate(p.counts.national_rate),
            ]
            for p in by_quarter
        ],
        [None, INT, INT, INT, INT, PCT, INT, INT, PCT],
    )
    ws2.column_dimensions["A"].width = 16
    for c in range(2, len(QUARTER_HEAD) + 1):
        ws2.column_dimensions[get_column_letter(c)].width = 16
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def returned_xlsx(*, rows, period, unit) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Hồ sơ trả lại"
    where = unit.name if unit else "Toàn hệ thống"
    head = ("Ngày", "Mã hồ sơ", "Chủ hồ sơ", "Thủ tục", "Đơn vị tiếp nhận", "Loại",
            "Lý do", "Người thực hiện")  # fmt: skip
    start = _sheet_header(
        ws,
        "Danh sách hồ sơ trả lại, không tiếp nhận, dừng xử lý, rút hồ sơ",
        [f"{where} — {period.label}"],
        len(head),
    )
    from motcua.reports.selectors import RETURN_ACTIONS

    data = [
        [
            timezone.localtime(e.at).replace(tzinfo=None),
            e.dossier.code,
            e.dossier.applicant_name,
            e.dossier.procedure_version.name,
            e.dossier.unit.name,
            RETURN_ACTIONS.get(e.action, e.action),
            e.reason,
            str(e.actor) if e.actor else "",
        ]
        for e in rows
    ]
    _table(ws, start, head, data, ["DD/MM/YYYY HH:MM", None, None, None, None, None, None, None])
    for col, width in zip("ABCDEFGH", (17, 24, 24, 50, 36, 26, 60, 24), strict=True):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ---- PDF ----------------------------------------------------------------------------------


@functools.cache
def _fonts():
    import typst

    from motcua.printing.fonts import font_dir

    return typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(font_dir())]
    )


def _row_cells(r: ReportRow) -> list[str]:
    return [r.label, *(fn(r) for _, fn in COLUMNS[:10])]


def ontime_pdf(*, report: OnTimeReport, by_quarter, user=None) -> bytes:
    import typst

    now = timezone.localtime()
    unit = report.unit
    agency = unit.parent.name if unit is not None and unit.parent_id else "Hệ thống Một cửa"
    from motcua.core.formatting import vn_number

    data = {
        "title": "Báo cáo tình hình giải quyết hồ sơ thủ tục hành chính",
        "subtitle": f"{report.period.label} — {unit.name if unit else 'Toàn hệ thống'}",
        "agency": agency,
        "unit": unit.name if unit else "Toàn hệ thống",
        "place_date": f"ngày {now:%d} tháng {now:%m} năm {now:%Y}",
        "sentences": sentences(report),
        "group_label": GROUPS[report.group_by],
        "head": [GROUPS[report.group_by], *(h for h, _ in COLUMNS[:10])],
        "rows": [_row_cells(r) for r in report.rows],
        "total": _row_cells(report.total),
        "quarter_head": list(QUARTER_HEAD),
        "quarter_rows": [
            [
                p.period.label,
                vn_number(p.extra["received"]),
                vn_number(p.counts.resolved),
                vn_number(p.counts.resolved_in_time),
                vn_number(p.counts.resolved_late),
                format_percent(p.counts.seed_rate),
                vn_number(p.counts.open_in_time),
                vn_number(p.counts.open_overdue),
                format_percent(p.counts.national_rate),
            ]
            for p in by_quarter
        ],
        "note": (
            "Tỷ lệ đúng hạn = (trước hạn + đúng hạn) ÷ đã giải quyết trong kỳ. Chỉ số 2.1 "
            "(QĐ 766/QĐ-TTg) tính cả hồ sơ đang xử lý đến hết kỳ; hồ sơ yêu cầu bổ sung quá "
            f"một lần tính là quá hạn. Số liệu lập lúc {now:%H:%M} ngày {now:%d/%m/%Y}."
        ),
        "author": (user.full_name or user.username) if user is not None else "",
    }
    compiler = typst.Compiler(
        TYPST_DIR / "ontime.typ", root=TYPST_DIR, font_paths=_fonts(), ignore_system_fonts=True
    )
    out = compiler.compile(format="pdf", sys_inputs={"data": json.dumps(data, ensure_ascii=False)})
    return out[0] if isinstance(out, list) else out
