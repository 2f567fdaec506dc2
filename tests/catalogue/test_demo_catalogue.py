"""The demo catalogue loads through the importer in its pre- and post-1/7/2025 versions, links
units by kind and validity, and is idempotent."""

import json

import pytest

from motcua.catalogue.models import ProcedureVersion
from motcua.catalogue.services import catalogue_export
from motcua.demo import catalogue as demo
from motcua.demo.units import load as load_units

NEW_WARDS = ["79.25747", "79.25750", "79.25760", "79.25768", "79.25771"]


@pytest.fixture
def org(db):
    load_units()


def test_demo_catalogue_loads_and_running_it_twice_changes_nothing(org):
    first = demo.load()
    assert first.created >= 80  # two versions of each of the 40+ procedures
    snapshot = catalogue_export()
    second = demo.load()
    assert (second.created, second.unchanged) == (0, first.created)
    assert catalogue_export() == snapshot


def test_before_1_7_2025_the_procedures_ran_in_the_old_wards_and_the_city(org):
    demo.load()
    birth = ProcedureVersion.objects.get(procedure__national_code="1.001193", version=1)
    assert birth.status == "superseded"
    codes = sorted(u.code for u in birth.units.all())
    assert len(codes) == 14 and all(c.startswith("257") for c in codes)
    household = ProcedureVersion.objects.get(procedure__national_code="1.001612", version=1)
    assert household.level == "district"
    assert [u.code for u in household.units.all()] == ["718"]


@pytest.mark.parametrize(("code", "old_level"), [("1.001193", "commune"), ("1.001612", "district")])
def test_from_1_7_2025_every_procedure_runs_in_the_five_new_wards(org, code, old_level):
    demo.load()
    version = ProcedureVersion.objects.get(procedure__national_code=code, status="published")
    assert version.version == 2
    assert version.level == "commune"
    assert sorted(u.code for u in version.units.all()) == NEW_WARDS
    steps = list(version.steps.order_by("order"))
    assert steps[0].unit_kind == steps[-1].unit_kind == "public_service_center"
    assert all(s.unit_kind != "district" for s in steps)
    if old_level == "district":
        assert "Nghị định số 168/2025/NĐ-CP" in version.legal_basis
        assert version.agency == "Ủy ban nhân dân cấp xã (phường)"


def test_no_published_procedure_is_linked_to_a_dissolved_unit(org):
    demo.load()
    published = ProcedureVersion.objects.filter(status="published")
    assert published.count() == ProcedureVersion.objects.filter(version=1).count()
    assert not published.filter(units__valid_to__isnull=False).exists()


def test_demo_file_covers_the_required_fields_with_real_codes():
    data = json.loads(demo.DATA_FILE.read_text(encoding="utf-8"))
    codes = {p["national_code"] for p in data["procedures"]}
    assert {"1.001193", "1.000894", "1.000656", "2.000815", "2.000884", "1.001612"} <= codes
    fields = {p["field"] for p in data["procedures"]}
    assert fields >= {"HT", "CT", "HKD", "XD", "DD", "BTXH"}
    assert fields <= set(demo.POST_2025_LEVEL)
    assert {p["level"] for p in data["procedures"]} == {"commune", "district"}
