"""The petition report as XLSX (openpyxl) and PDF (Typst, Liberation Serif), from the same
rows as the page (`selectors.petition_report`)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext_noop
from openpyxl import Workbook
from openpyxl.styles import Font

from motcua.core.formatting import vn_number
from motcua.reports.domain.ontime import format_percent
from motcua.reports.exports import XLSX, _fonts

TYPST = Path(__file__).resolve().parent / "typst"
# Vietnamese in the files; the page translates them (marked for the catalogue).
GROUP_LABELS = {
    "unit": gettext_noop("Đơn vị"),
    "month": gettext_noop("Tháng"),
    "half_year": gettext_noop("Kỳ sáu tháng"),
    "subject": gettext_noop("Nội dung liên quan"),
    "channel": gettext_noop("Kênh tiếp nhận"),
    "kind": gettext_noop("Loại"),
}
TITLE = "Báo cáo tình hình tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính"
HEAD = (
    "Tiếp nhận", "Đã trả lời", "Trả lời đúng hạn", "Tỷ lệ đúng hạn", "Đã chuyển",
    "Từ chối", "Đang xử lý", "Đồng ý", "Không đồng ý", "TG trả lời TB (ngày làm việc)",
)  # fmt: skip


def aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def _values(s) -> list:
    avg = s.average_answer_days
    return [
        s.received, s.answered, s.answered_on_time, s.on_time_rate, s.forwarded, s.refused,
        s.open, s.agreed, s.disagreed, None if avg is None else round(avg, 2),
    ]  # fmt: skip


def _pct(v):
    from decimal import Decimal

    return format_percent(None if v is None else Decimal(str(v * 100)))


def _text(s) -> list[str]:
    v = _values(s)
    return [
        *(vn_number(x) for x in v[:3]), _pct(v[3]), *(vn_number(x) for x in v[4:9]),
        "—" if v[9] is None else vn_number(v[9], 2),
    ]  # fmt: skip


def render(fmt: str, *, rows, start: dt.date, end: dt.date, by: str) -> tuple[bytes, str]:
    subtitle = f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y} — theo {GROUP_LABELS[by].lower()}"
    if fmt == "xlsx":
        wb = Workbook()
        ws = wb.active
        ws.title = "Phản ánh, kiến nghị"
        ws.append([TITLE])
        ws.append([subtitle])
        ws.append([GROUP_LABELS[by], *HEAD])
        for cell in ws[3]:
            cell.font = Font(bold=True)
        for label, s in rows.items():
            ws.append([label, *_values(s)])
            ws.cell(ws.max_row, 5).number_format = "0.00%"
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue(), XLSX
    import typst

    data = {
        "title": TITLE,
        "subtitle": subtitle,
        "head": [GROUP_LABELS[by], *HEAD],
        "rows": [[label, *_text(s)] for label, s in rows.items()],
        "note": (
            "Thời hạn trả lời: 15 ngày làm việc, không tính thời gian chờ bổ sung thông tin "
            "(Nghị định 20/2008/NĐ-CP, sửa đổi bởi Nghị định 92/2017/NĐ-CP; Cổng Dịch vụ công "
            "quốc gia). Báo cáo định kỳ sáu tháng."
        ),
    }
    compiler = typst.Compiler(
        TYPST / "report.typ", root=TYPST, font_paths=_fonts(), ignore_system_fonts=True
    )
    out = compiler.compile(format="pdf", sys_inputs={"data": json.dumps(data, ensure_ascii=False)})
    return (out[0] if isinstance(out, list) else out), "application/pdf"
