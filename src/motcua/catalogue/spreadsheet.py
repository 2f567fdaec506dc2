"""The catalogue as an XLSX workbook: one sheet per table, row 1 holds the column keys.

Sheets: `linh_vuc` (fields), `thu_tuc` (one row per procedure version; `units` is a
comma-separated list of unit codes or `kind:<kind>`), `phi_le_phi`, `thanh_phan`,
`quy_trinh` (children, joined to their version by `national_code` + `version`, listed in
order). Reading gives the same dict as the JSON file, so one importer checks both.
"""

import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from motcua.catalogue.services import (
    COMPONENT_FIELDS,
    FEE_FIELDS,
    FORMAT,
    STEP_FIELDS,
    VERSION_FIELDS,
)

# The version's attributes as the services carry them (VERSION_FIELDS), the units after the
# agency; the spreadsheet has no clock-start policy column (the importer gives the default).
_VERSION_COLUMNS = [f for f in VERSION_FIELDS if f != "clock_start_policy"]
_UNITS_AT = _VERSION_COLUMNS.index("agency") + 1
PROCEDURE_COLUMNS = (
    "national_code",
    "version",
    "status",
    "published_at",
    *_VERSION_COLUMNS[:_UNITS_AT],
    "units",
    *_VERSION_COLUMNS[_UNITS_AT:],
)
CHILD_SHEETS = {
    "phi_le_phi": ("fees", FEE_FIELDS),
    "thanh_phan": ("components", COMPONENT_FIELDS),
    "quy_trinh": ("steps", STEP_FIELDS),
}
BOOLEAN_COLUMNS = {"eligible_full_online", "postal_excluded", "published_on_portal", "required"}
TRUE = {"true", "1", "có", "co", "x", "yes"}
FALSE = {"false", "0", "không", "khong", "", "no"}


def xlsx_write(*, data: dict[str, Any], path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "linh_vuc"
    ws.append(["code", "name"])
    for f in data["fields"]:
        ws.append([f["code"], f["name"]])
    ws = wb.create_sheet("thu_tuc")
    ws.append(list(PROCEDURE_COLUMNS))
    for p in data["procedures"]:
        ws.append(
            [",".join(p[c]) if c == "units" else p[c] for c in PROCEDURE_COLUMNS],
        )
    for sheet, (key, fields) in CHILD_SHEETS.items():
        ws = wb.create_sheet(sheet)
        ws.append(["national_code", "version", *fields])
        for p in data["procedures"]:
            for child in p[key]:
                ws.append([p["national_code"], p["version"], *(child[f] for f in fields)])
    for ws in wb.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
    wb.save(path)


def _cell(column: str, value: Any) -> Any:
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if column in BOOLEAN_COLUMNS and not isinstance(value, bool):
        text = str(value if value is not None else "").strip().lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False if value is not None else None
        return value  # left for the importer to reject with its row number
    if isinstance(value, float) and value.is_integer() and column != "time_value":
        return int(value)
    if value is None:
        return None
    return value


def _rows(ws) -> list[tuple[int, dict[str, Any]]]:
    rows = ws.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    out = []
    for n, values in enumerate(rows, start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        item = {}
        for column, value in zip(header, values, strict=False):
            if column:
                converted = _cell(column, value)
                if converted is not None:
                    item[column] = converted
        out.append((n, item))
    return out


def xlsx_read(*, path: Path) -> dict[str, Any]:
    """Read a workbook into the JSON import format, keeping sheet row numbers for errors."""
    wb = load_workbook(path, read_only=True, data_only=True)
    sheets = set(wb.sheetnames)
    data: dict[str, Any] = {"format": FORMAT, "fields": [], "procedures": [], "_rows": {}}
    data["_field_rows"] = {}
    if "linh_vuc" in sheets:
        for i, (n, row) in enumerate(_rows(wb["linh_vuc"]), start=1):
            row["code"] = str(row.get("code", ""))
            data["fields"].append(row)
            data["_field_rows"][i] = f"{n} (trang linh_vuc)"
    index: dict[tuple[str, Any], dict[str, Any]] = {}
    if "thu_tuc" in sheets:
        for i, (n, row) in enumerate(_rows(wb["thu_tuc"]), start=1):
            for key in ("national_code", "field"):
                if key in row:
                    row[key] = str(row[key])
            units = row.get("units", "")
            row["units"] = [u.strip() for u in str(units).split(",") if u.strip()]
            for key in CHILD_SHEETS.values():
                row[key[0]] = []
            data["procedures"].append(row)
            data["_rows"][i] = f"{n} (trang thu_tuc)"
            index[(row.get("national_code"), row.get("version"))] = row
    orphans = []
    for sheet, (key, _fields) in CHILD_SHEETS.items():
        if sheet not in sheets:
            continue
        for n, row in _rows(wb[sheet]):
            code = str(row.pop("national_code", ""))
            parent = index.get((code, row.pop("version", None)))
            if parent is None:
                orphans.append(
                    [
                        f"{n} (trang {sheet})",
                        f"Không có thủ tục {code} tương ứng trong trang thu_tuc.",
                    ]
                )
                continue
            parent[key].append(row)
    if orphans:
        data["_errors"] = orphans
    wb.close()
    return data
