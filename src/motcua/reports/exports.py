"""The reports as files: XLSX (openpyxl, Vietnamese headers, formatted) and PDF (Typst with
Liberation Serif, the national header), built from the same rows as the web pages."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from motcua.reports.domain.ontime import format_percent
from motcua.reports.formatting import COLUMNS, REPORT_COLUMNS, heading, sentences
from motcua.reports.selectors import GROUPS, OnTimeReport, ReportRow

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TYPST_DIR = Path(__file__).resolve().parent / "typst"
NATIONAL = gettext_noop("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
MOTTO = gettext_noop("Độc lập - Tự do - Hạnh phúc")

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE7F3")
PCT = "0.00%"
INT = "#,##0"

# Marked for the catalogue; translated when a sheet or PDF is written.
QUARTER_HEAD = (
    gettext_noop("Kỳ"), gettext_noop("Tiếp nhận"), gettext_noop("Đã giải quyết"),
    gettext_noop("Trước hạn, đúng hạn"), gettext_noop("Quá hạn"), gettext_noop("Tỷ lệ đúng hạn"),
    gettext_noop("Đang xử lý còn hạn"), gettext_noop("Đang xử lý quá hạn"),
    gettext_noop("Chỉ số 2.1"),
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


def _with_english(text: str) -> str:
    """The national header stays Vietnamese; in English its rendering follows in brackets."""
    other = _(text)
    return text if other == text else f"{text} ({other})"


def _sheet_header(ws, title: str, lines: list[str], width: int) -> int:
    ws.append([_with_english(NATIONAL)])
    ws.append([_with_english(MOTTO)])
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
    ws.append([str(h) for h in head])
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
    ws.title = _("Đúng hạn")
    start = _sheet_header(ws, heading(report), sentences(report), len(XLSX_COLUMNS) + 1)
    rows = [
        [str(r.label), *(fn(r) for _h, fn, _fmt in XLSX_COLUMNS)]
        for r in [*report.rows, report.total]
    ]
    _table(
        ws,
        start,
        [GROUPS[report.group_by], *(h for h, _fn, _fmt in XLSX_COLUMNS)],
        rows,
        [None, *(fmt for _, _, fmt in XLSX_COLUMNS)],
    )
    for c in range(1, len(XLSX_COLUMNS) + 1):
        ws.cell(row=ws.max_row, column=c).font = Font(bold=True)
    ws.column_dimensions["A"].width = 42
    for c in range(2, len(XLSX_COLUMNS) + 2):
        ws.column_dimensions[get_column_letter(c)].width = 14
    ws2 = wb.create_sheet(_("Theo năm, quý"))
    start = _sheet_header(
        ws2, _("Tỷ lệ giải quyết đúng hạn theo năm và quý"), [], len(QUARTER_HEAD)
    )
    _table(
        ws2,
        start,
        [_(h) for h in QUARTER_HEAD],
        [
            [
                p.period.label_in(_),
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
    ws.title = _("Hồ sơ trả lại")
    where = unit.name if unit else _("Toàn hệ thống")
    head = (_("Ngày"), _("Mã hồ sơ"), _("Chủ hồ sơ"), _("Thủ tục"), _("Đơn vị tiếp nhận"),
            _("Loại"), _("Lý do"), _("Người thực hiện"))  # fmt: skip
    start = _sheet_header(
        ws,
        _("Danh sách hồ sơ trả lại, không tiếp nhận, dừng xử lý, rút hồ sơ"),
        [f"{where} — {period.label_in(_)}"],
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
            str(RETURN_ACTIONS.get(e.action, e.action)),
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
    return [str(r.label), *(fn(r) for _h, fn in COLUMNS[:10])]


def ontime_pdf(*, report: OnTimeReport, by_quarter, user=None) -> bytes:
    import typst

    now = timezone.localtime()
    unit = report.unit
    agency = unit.parent.name if unit is not None and unit.parent_id else _("Hệ thống Một cửa")
    everywhere = _("Toàn hệ thống")
    from motcua.core.formatting import vn_number

    data = {
        "title": _("Báo cáo tình hình giải quyết hồ sơ thủ tục hành chính"),
        "subtitle": f"{report.period.label_in(_)} — {unit.name if unit else everywhere}",
        "agency": agency,
        "unit": unit.name if unit else everywhere,
        "place_date": _("ngày %(d)s tháng %(m)s năm %(y)s")
        % {"d": f"{now:%d}", "m": f"{now:%m}", "y": f"{now:%Y}"},
        "sentences": sentences(report),
        "group_label": str(GROUPS[report.group_by]),
        "head": [str(GROUPS[report.group_by]), *(str(h) for h, _fn in COLUMNS[:10])],
        "rows": [_row_cells(r) for r in report.rows],
        "total": _row_cells(report.total),
        "quarter_head": [_(h) for h in QUARTER_HEAD],
        "quarter_rows": [
            [
                p.period.label_in(_),
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
        "note": _(
            "Tỷ lệ đúng hạn = (trước hạn + đúng hạn) ÷ đã giải quyết trong kỳ. Chỉ số 2.1 "
            "(QĐ 766/QĐ-TTg) tính cả hồ sơ đang xử lý đến hết kỳ; hồ sơ yêu cầu bổ sung quá "
            "một lần tính là quá hạn. Số liệu lập lúc %(time)s ngày %(day)s."
        )
        % {"time": f"{now:%H:%M}", "day": f"{now:%d/%m/%Y}"},
        "author": (user.full_name or user.username) if user is not None else "",
        "labels": {
            "page": _("Trang"),
            # the national header stays Vietnamese; another language adds its rendering
            "national": "" if _(NATIONAL) == NATIONAL else f"{_(NATIONAL)} — {_(MOTTO)}",
            "by_group": _("Kết quả giải quyết theo %(group)s")
            % {"group": str(GROUPS[report.group_by]).lower()},
            "by_quarter": _("Tỷ lệ giải quyết đúng hạn theo năm và quý"),
            "author": _("Người lập báo cáo"),
            "sign": _("(Ký, ghi rõ họ tên)"),
        },
    }
    compiler = typst.Compiler(
        TYPST_DIR / "ontime.typ", root=TYPST_DIR, font_paths=_fonts(), ignore_system_fonts=True
    )
    out = compiler.compile(format="pdf", sys_inputs={"data": json.dumps(data, ensure_ascii=False)})
    return out[0] if isinstance(out, list) else out
