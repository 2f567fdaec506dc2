"""Test data built through the services, as the system builds it."""

from motcua.org.services import units_load

# A small restructuring: ward A merges into new ward N; ward S splits between N and M;
# the district-level city D is dissolved on 30/6/2025; province P1 merges into P2.
# Agency identifiers: well-formed test values (every receiving unit needs its own).
SMALL_TREE = {
    "units": [
        {
            "code": "P1",
            "agency_code": "000.00.00.T01",
            "name": "Tỉnh Một",
            "kind": "province",
            "parent": None,
            "valid_to": "2025-06-30",
            "successors": ["P2"],
        },
        {
            "code": "P2",
            "agency_code": "000.00.00.T02",
            "name": "Thành phố Hai",
            "kind": "province",
            "parent": None,
        },
        {
            "code": "D",
            "agency_code": "000.00.10.T01",
            "name": "Thành phố Dê",
            "kind": "district",
            "parent": "P1",
            "valid_to": "2025-06-30",
        },
        {
            "code": "A",
            "agency_code": "000.00.11.T01",
            "name": "Phường A",
            "kind": "ward",
            "parent": "D",
            "valid_to": "2025-06-30",
            "successors": ["N"],
        },
        {
            "code": "B",
            "agency_code": "000.00.12.T01",
            "name": "Phường B",
            "kind": "ward",
            "parent": "D",
            "valid_to": "2025-06-30",
            "successors": ["N"],
        },
        {
            "code": "S",
            "agency_code": "000.00.13.T01",
            "name": "Phường S",
            "kind": "ward",
            "parent": "D",
            "valid_to": "2025-06-30",
            "successors": ["N", "M"],
        },
        {
            "code": "N",
            "agency_code": "000.00.14.T02",
            "name": "Phường Mới",
            "kind": "ward",
            "parent": "P2",
            "valid_from": "2025-07-01",
        },
        {
            "code": "M",
            "agency_code": "000.00.15.T02",
            "name": "Phường Mai",
            "kind": "ward",
            "parent": "P2",
            "valid_from": "2025-07-01",
        },
    ],
    "departments": [
        {
            "code": "D.TP",
            "unit": "D",
            "name": "Phòng Tư pháp",
            "kind": "department",
            "valid_to": "2025-06-30",
        },
        {
            "code": "A.MC",
            "unit": "A",
            "name": "Bộ phận Một cửa phường A",
            "kind": "one_stop_desk",
            "valid_to": "2025-06-30",
        },
        {
            "code": "A.TP",
            "unit": "A",
            "name": "Tư pháp - Hộ tịch phường A",
            "kind": "department",
            "valid_to": "2025-06-30",
        },
        {
            "code": "B.MC",
            "unit": "B",
            "name": "Bộ phận Một cửa phường B",
            "kind": "one_stop_desk",
            "valid_to": "2025-06-30",
        },
        {
            "code": "N.TT",
            "unit": "N",
            "name": "Trung tâm Phục vụ hành chính công phường Mới",
            "kind": "public_service_center",
            "valid_from": "2025-07-01",
        },
    ],
}


def small_tree():
    from motcua.org.models import OrgUnit

    units_load(data=SMALL_TREE)
    return {u.code: u for u in OrgUnit.objects.all()}
