"""Render a one-stop form to PDF: pick the rule set's template, check the data, compile Typst.

Each rule set is a folder under `templates/` with a `forms.json` manifest (form key → template
file, form number and title, data class) and the `.typ` files; the wording is there, not here.
Typst compiles in-process in a few milliseconds, with only the Liberation fonts found by
`fonts.font_dir()`.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import data as d
from .data import FormDataError
from .fonts import font_dir

TEMPLATES = Path(__file__).resolve().parent / "templates"
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DATA_CLASSES = {
    cls.__name__: cls
    for cls in (
        d.ReceiptData,
        d.SupplementData,
        d.RefusalData,
        d.ApologyData,
        d.StopData,
        d.ControlSheetData,
    )
}


class PrintingError(RuntimeError):
    """A template failed to compile: a bug in a template, not in the caller's data."""


# ---- rule sets ----------------------------------------------------------------------------


@functools.cache
def manifest(rule_set: str) -> dict:
    path = TEMPLATES / rule_set / "forms.json"
    if "/" in rule_set or not path.is_file():
        raise FormDataError(
            f"Không có bộ biểu mẫu '{rule_set}'. Các bộ hiện có: {', '.join(rule_sets())}."
        )
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def rule_sets() -> tuple[str, ...]:
    return tuple(sorted(p.parent.name for p in TEMPLATES.glob("*/forms.json")))


def rule_set_for(received_at: datetime | date) -> str:
    """The rule set a dossier received at this instant keeps for life (domain.md §0)."""
    day = _local(received_at).date() if isinstance(received_at, datetime) else received_at
    chosen, chosen_from = None, None
    for key in rule_sets():
        start = date.fromisoformat(manifest(key)["received_from"])
        if start <= day and (chosen_from is None or start > chosen_from):
            chosen, chosen_from = key, start
    if chosen is None:
        raise FormDataError(f"Không có bộ biểu mẫu áp dụng cho hồ sơ nhận ngày {day:%d/%m/%Y}.")
    return chosen


def form_spec(rule_set: str, form: str) -> dict:
    m = manifest(rule_set)
    spec = m["forms"].get(form)
    if spec is None:
        raise FormDataError(
            f"Bộ biểu mẫu {m['name']} không có mẫu '{form}'. "
            f"Các mẫu có: {', '.join(sorted(m['forms']))}."
        )
    return spec


def form_title(rule_set: str, form: str) -> str:
    spec = form_spec(rule_set, form)
    return f"Mẫu số {spec['number']} – {spec['title']} ({manifest(rule_set)['name']})"


# ---- data ---------------------------------------------------------------------------------


def _local(value: datetime) -> datetime:
    # Naive datetimes are taken as Vietnamese local time, as officers type them.
    return value.replace(tzinfo=LOCAL_TZ) if value.tzinfo is None else value.astimezone(LOCAL_TZ)


def _label(f: dataclasses.Field) -> str:
    return f"{f.metadata.get('label', f.name)} ({f.name})"


def _missing(obj, prefix: str = "") -> list[str]:
    out = []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if not f.metadata.get("optional"):
            empty = value is None or (isinstance(value, str | list | tuple) and not value)
            if isinstance(value, str) and not value.strip():
                empty = True
            if empty:
                out.append(prefix + _label(f))
                continue
        if isinstance(value, list):
            for i, item in enumerate(value, 1):
                if dataclasses.is_dataclass(item):
                    out += _missing(item, f"{f.metadata.get('label', f.name)} thứ {i}: ")
                elif isinstance(item, str) and not item.strip():
                    out.append(f"{f.metadata.get('label', f.name)} thứ {i} (để trống)")
    return out


def _type_errors(obj, prefix: str = "") -> list[str]:
    out = []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if value is None:
            continue
        if f.name.endswith("_at") and not isinstance(value, datetime):
            out.append(f"{prefix}{_label(f)} phải là ngày giờ (datetime)")
        if f.name == "issued_on" and not isinstance(value, date):
            out.append(f"{prefix}{_label(f)} phải là ngày (date)")
        if isinstance(value, list):
            for i, item in enumerate(value, 1):
                if dataclasses.is_dataclass(item):
                    out += _type_errors(item, f"{f.metadata.get('label', f.name)} thứ {i}: ")
    return out


def validate(data: d.FormData, title: str) -> None:
    """Raise FormDataError naming, in Vietnamese, every missing or inconsistent field."""
    problems = _missing(data)
    if problems:
        raise FormDataError(f"Không in được {title}: thiếu {'; '.join(problems)}.")
    problems = _type_errors(data)
    received, due = getattr(data, "received_at", None), getattr(data, "due_at", None)
    if received and due and not problems and _local(due) < _local(received):
        problems.append("thời gian trả kết quả trước thời gian nhận hồ sơ")
    new_due = getattr(data, "new_due_at", None)
    if new_due and due and not problems and _local(new_due) <= _local(due):
        problems.append("thời gian hẹn lại phải sau thời hạn trả kết quả đã hẹn")
    url = getattr(data, "status_url", "")
    if url and not url.startswith(("https://", "http://")):
        problems.append("địa chỉ tra cứu hồ sơ phải bắt đầu bằng https:// hoặc http://")
    for i, h in enumerate(getattr(data, "handovers", []), 1):
        if h.result and h.result not in d.RESULTS:
            problems.append(
                f"kết quả bước thứ {i} phải là một trong: {', '.join(d.RESULTS)} "
                f"(nhận được '{h.result}')"
            )
    for i, c in enumerate(getattr(data, "components", []), 1):
        if not isinstance(c.copies, int) or c.copies < 1:
            problems.append(f"số lượng của thành phần hồ sơ thứ {i} phải là số nguyên dương")
    if problems:
        raise FormDataError(f"Không in được {title}: {'; '.join(problems)}.")


def to_payload(value):
    """Dataclasses → JSON-ready dicts; datetimes → local {y, mo, d, h, mi}; dates → {y, mo, d}."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_payload(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        v = _local(value)
        return {"y": v.year, "mo": v.month, "d": v.day, "h": v.hour, "mi": v.minute}
    if isinstance(value, date):
        return {"y": value.year, "mo": value.month, "d": value.day}
    if isinstance(value, list | tuple):
        return [to_payload(v) for v in value]
    return value


def qr_svg(text: str) -> str:
    """QR code (error correction M) as a small SVG: one path, a run per row of dark modules."""
    import qrcode

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    qr.add_data(text)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    runs = []
    for y, row in enumerate(matrix):
        x, n = 0, len(row)
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    size = len(matrix)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>'
    )


# ---- compile ------------------------------------------------------------------------------


# typst and qrcode are imported where used so that Django (which imports this app at start-up)
# never depends on the renderer being installed.
@functools.cache
def _fonts():
    import typst

    return typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(font_dir())]
    )


def print_language(language: str | None) -> str:
    """ "vi", or a language with its labels table (`templates/labels.<language>.json`): the
    form is then printed bilingual, the legal Vietnamese text with that language beside it."""
    language = (language or "vi").split("-")[0]
    return language if (TEMPLATES / f"labels.{language}.json").is_file() else "vi"


def render_form(
    *, rule_set: str, form: str, data: d.FormData, format: str = "pdf", language: str = "vi"
) -> bytes:
    """Render `form` ("receipt", "supplement", "refusal", "apology", "stop", "control_sheet")
    of `rule_set` ("tt01_2018", "tt03_2025") with `data`; PDF bytes (or PNG of page 1).
    `language` "en" prints it bilingual (see `print_language`)."""
    spec = form_spec(rule_set, form)
    title = form_title(rule_set, form)
    expected = DATA_CLASSES[spec["data"]]
    if not isinstance(data, expected):
        raise FormDataError(
            f"Không in được {title}: cần dữ liệu {expected.__name__}, "
            f"nhận được {type(data).__name__}."
        )
    validate(data, title)
    inputs = {
        "data": json.dumps(to_payload(data), ensure_ascii=False),
        "title": f"{spec['title']} {getattr(data, 'dossier_code', '')}".strip(),
        "lang": print_language(language),
    }
    if spec.get("qr"):
        inputs["qr"] = qr_svg(getattr(data, spec["qr"]))
    import typst

    compiler = typst.Compiler(
        TEMPLATES / rule_set / spec["template"],
        root=TEMPLATES,
        font_paths=_fonts(),
        ignore_system_fonts=True,
    )
    try:
        out = compiler.compile(format=format, sys_inputs=inputs)
    except typst.TypstError as e:
        raise PrintingError(f"{title}: mẫu {rule_set}/{spec['template']} lỗi: {e}") from e
    return out[0] if isinstance(out, list) else out
