"""Demo catalogue: 45 real procedures of Thủ Dầu Một's wards and city, before and after 1/7/2025.

Civil status, certification, household businesses, construction, land, social protection.
Read from `data/procedures.json` through the ordinary importer, in two versions per procedure:

- version 1, superseded on 1/7/2025: as published before the reorganisation, ward-level
  procedures linked to the wards and city-level ones to the district-level city that existed
  on 30/6/2025 (the historical dossiers of `--profile tdm` use these);
- version 2, applicable from 1/7/2025, linked to the wards valid on that day. Under two-level
  local government every district-level procedure of this file moved to the commune (ward):
  `POST_2025_LEVEL` cites the decree that moved each field. Steps run at the ward's public
  service centre, its departments and its People's Committee.

Unit codes are resolved from the organisation data by kind and validity (`kind:ward`,
`kind:district` in the file), so the file works with whatever unit codes the organisation data
uses. Running it twice changes nothing.
"""

import datetime
import json
from copy import deepcopy
from pathlib import Path

from django.db.models import Q

from motcua.catalogue.services import UNIT_KIND_PREFIX, ImportResult, catalogue_import
from motcua.org.models import OrgUnit

DATA_FILE = Path(__file__).resolve().parent / "data" / "procedures.json"

REORGANISED_ON = datetime.date(2025, 7, 1)

# Field → the decree that gives its former district-level procedures to the commune level from
# 1/7/2025 (decrees on dividing authority between the two levels of local government). The
# decree numbers are cited from memory of the published texts (check each article before
# relying on it in production).
POST_2025_LEVEL: dict[str, str] = {
    "HT": "Nghị định số 120/2025/NĐ-CP (phân định thẩm quyền lĩnh vực tư pháp)",
    "CT": "Nghị định số 120/2025/NĐ-CP (phân định thẩm quyền lĩnh vực tư pháp)",
    "HKD": "Nghị định số 168/2025/NĐ-CP (đăng ký doanh nghiệp, hộ kinh doanh)",
    "XD": "Nghị định số 140/2025/NĐ-CP (phân định thẩm quyền lĩnh vực xây dựng)",
    "DD": "Nghị định số 151/2025/NĐ-CP (phân định thẩm quyền lĩnh vực đất đai)",
    "BTXH": "Nghị định số 136/2025/NĐ-CP (phân định thẩm quyền lĩnh vực nội vụ, xã hội)",
    "GN": "Nghị định số 136/2025/NĐ-CP (phân định thẩm quyền lĩnh vực nội vụ, xã hội)",
}
WARD_AGENCY = "Ủy ban nhân dân cấp xã (phường)"
WARD_DESK = "Trung tâm Phục vụ hành chính công phường"
WARD_LEADER = "Chủ tịch/Phó Chủ tịch UBND phường"


def _codes(kind: str, day: datetime.date) -> list[str]:
    valid = (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )
    return sorted(OrgUnit.objects.filter(valid, kind=kind).values_list("code", flat=True))


def _units(row: dict, day: datetime.date) -> list[str]:
    out: list[str] = []
    for item in row.get("units", []):
        if item.startswith(UNIT_KIND_PREFIX):
            out += _codes(item[len(UNIT_KIND_PREFIX) :], day)
        else:
            out.append(item)
    return out


def _after_reorganisation(row: dict) -> dict:
    """Version 2 of a procedure: at the commune (ward) level from 1/7/2025."""
    new = deepcopy(row)
    new["version"] = 2
    new["status"] = "published"
    new["published_at"] = f"{REORGANISED_ON.isoformat()}T00:00:00+07:00"
    new["units"] = _codes("ward", REORGANISED_ON)
    if row["level"] != "commune":
        new["level"] = "commune"
        new["agency"] = WARD_AGENCY
        new["legal_basis"] = f"{row['legal_basis']}; {POST_2025_LEVEL[row['field']]}"
    for step in new["steps"]:
        if step["role"] == "mot_cua":
            step["unit_kind"] = "public_service_center"
            step["performer"] = WARD_DESK
        elif step["role"] == "lanh_dao_ky":
            step["unit_kind"] = "ward"
            step["performer"] = WARD_LEADER
    return new


def catalogue_data() -> dict:
    """The importer's input: every procedure of the file in its two versions."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    before = REORGANISED_ON - datetime.timedelta(days=1)
    rows = []
    for row in data["procedures"]:
        old = deepcopy(row)
        old["version"] = 1
        old["status"] = "superseded"
        old["units"] = _units(row, before)
        rows.append(old)
        rows.append(_after_reorganisation(row))
    data["procedures"] = rows
    return data


def load() -> ImportResult:
    return catalogue_import(data=catalogue_data())
