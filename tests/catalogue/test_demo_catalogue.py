"""The demo catalogue loads through the importer, links units by kind, and is idempotent."""

import json

from motcua.catalogue import demo
from motcua.catalogue.models import ProcedureVersion
from motcua.catalogue.services import catalogue_export


def test_demo_catalogue_loads_and_running_it_twice_changes_nothing(units):
    first = demo.load()
    assert first.created >= 40
    snapshot = catalogue_export()
    second = demo.load()
    assert (second.created, second.unchanged) == (0, first.created)
    assert catalogue_export() == snapshot


def test_demo_procedures_are_linked_by_level(units):
    demo.load()
    birth = ProcedureVersion.objects.get(procedure__national_code="1.001193")
    assert sorted(u.code for u in birth.units.all()) == ["25741", "25744"]
    household = ProcedureVersion.objects.get(procedure__national_code="1.001612")
    assert [u.code for u in household.units.all()] == ["718"]


def test_demo_file_covers_the_required_fields_with_real_codes():
    data = json.loads(demo.DATA_FILE.read_text(encoding="utf-8"))
    codes = {p["national_code"] for p in data["procedures"]}
    assert {"1.001193", "1.000894", "1.000656", "2.000815", "2.000884", "1.001612"} <= codes
    assert {p["field"] for p in data["procedures"]} >= {"HT", "CT", "HKD", "XD", "DD", "BTXH"}
    assert {p["level"] for p in data["procedures"]} == {"commune", "district"}
