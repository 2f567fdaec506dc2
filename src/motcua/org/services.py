"""Writes on the organisation tree."""

import datetime
import json
from pathlib import Path
from typing import Any

from django.db import transaction

from motcua.org.models import OrgUnit


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def units_load(*, data: dict[str, Any]) -> int:
    """Create or update units and bodies from the data-file format (see `demo/data/tdm.json`).

    Idempotent: loading the same data twice changes nothing. Returns the number of rows read.
    """
    rows = list(data.get("units", [])) + list(data.get("departments", []))
    by_code: dict[str, OrgUnit] = {u.code: u for u in OrgUnit.objects.all()}
    pending = list(rows)
    # Parents first: repeat passes until every row's parent exists.
    while pending:
        progressed = False
        rest = []
        for row in pending:
            parent_code = row.get("parent") or row.get("unit")
            if parent_code and parent_code not in by_code:
                rest.append(row)
                continue
            unit = by_code.get(row["code"]) or OrgUnit(code=row["code"])
            fields = {
                "name": row["name"],
                "kind": row["kind"],
                "parent": by_code[parent_code] if parent_code else None,
                "gso_code": row.get("gso_code") or "",
                "agency_code": row.get("agency_code") or "",
                "valid_from": _date(row.get("valid_from")),
                "valid_to": _date(row.get("valid_to")),
            }
            changed = unit.pk is None or any(
                getattr(unit, k) != v for k, v in fields.items() if k != "parent"
            )
            changed = changed or unit.parent_id != (
                fields["parent"].pk if fields["parent"] else None
            )
            if changed:
                for k, v in fields.items():
                    setattr(unit, k, v)
                unit.save()
            by_code[unit.code] = unit
            progressed = True
        if not progressed:
            missing = sorted({r.get("parent") or r.get("unit") for r in rest})
            raise ValueError(f"Không tìm thấy đơn vị cấp trên: {', '.join(missing)}")
        pending = rest
    for row in rows:
        wanted = {by_code[c].pk for c in row.get("successors", [])}
        unit = by_code[row["code"]]
        if set(unit.successors.values_list("pk", flat=True)) != wanted:
            unit.successors.set(wanted)
    return len(rows)


def units_load_file(*, path: Path) -> int:
    return units_load(data=json.loads(Path(path).read_text(encoding="utf-8")))
