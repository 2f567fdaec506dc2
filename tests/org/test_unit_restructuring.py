"""The 1 July 2025 restructuring: successors found from a date; history kept."""

import datetime

import pytest

from motcua.org.models import OrgUnit
from motcua.org.selectors import unit_successors_on, units_valid_on
from motcua.org.services import units_load
from tests.factories import SMALL_TREE, small_tree

D = datetime.date


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "day", "expected"),
    [
        ("A", D(2025, 6, 30), ["A"]),  # last day of the old ward: still itself
        ("A", D(2025, 7, 1), ["N"]),  # merged into the new ward
        ("B", D(2026, 1, 15), ["N"]),
        ("S", D(2025, 7, 1), ["M", "N"]),  # split between two new wards
        ("P1", D(2025, 7, 1), ["P2"]),  # province merged
        ("D", D(2025, 7, 1), []),  # district level dissolved, no successor
        ("D", D(2024, 1, 1), ["D"]),
        ("N", D(2025, 7, 1), ["N"]),
        ("N", D(2025, 6, 30), []),  # not yet founded, no predecessor walk backwards
    ],
)
def test_successor_of_a_unit_on_a_date(code, day, expected):
    units = small_tree()
    found = unit_successors_on(unit=units[code], day=day)
    assert sorted(u.code for u in found) == expected


@pytest.mark.django_db
def test_units_valid_on_a_date_show_the_tree_as_it_was():
    small_tree()
    before = set(units_valid_on(day=D(2024, 12, 31)).values_list("code", flat=True))
    after = set(units_valid_on(day=D(2025, 7, 1)).values_list("code", flat=True))
    assert {"A", "B", "S", "D", "P1", "A.MC"} <= before
    assert "N" not in before and "M" not in before
    assert {"N", "M", "P2", "N.TT"} <= after
    assert not ({"A", "B", "S", "D", "P1", "A.MC"} & after)


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    small_tree()
    snapshot = list(OrgUnit.objects.values_list("code", "name", "path", "valid_to"))
    units_load(data=SMALL_TREE)
    assert list(OrgUnit.objects.values_list("code", "name", "path", "valid_to")) == snapshot


@pytest.mark.django_db
def test_unknown_parent_is_refused_and_nothing_is_loaded():
    bad = {"units": [{"code": "X", "name": "Phường X", "kind": "ward", "parent": "KHONG-CO"}]}
    with pytest.raises(ValueError, match="Không tìm thấy đơn vị cấp trên: KHONG-CO"):
        units_load(data=bad)
    assert not OrgUnit.objects.exists()


@pytest.mark.django_db
def test_path_places_bodies_under_their_unit():
    units = small_tree()
    assert units["A.MC"].path == "P1/D/A/A.MC/"
    assert units["N.TT"].path == "P2/N/N.TT/"
