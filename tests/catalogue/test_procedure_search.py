"""Accent-insensitive search and pinned query counts for the catalogue's reads."""

import pytest

from motcua.catalogue.selectors import (
    procedure_search,
    procedure_version_get,
    procedures_published,
)
from motcua.catalogue.services import procedure_version_revise


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("dang ky khai sinh", ["1.001193"]),
        ("Đăng ký khai sinh", ["1.001193"]),
        ("KHAI SINH", ["1.001193"]),
        ("chung thuc ban sao", ["2.000815"]),
        ("chứng thực bản sao từ bản chính", ["2.000815"]),
        ("1.001193", ["1.001193"]),
        ("ho tich", ["1.001193"]),  # the field's name
        ("", ["2.000815", "1.001193"]),
        ("khai sinh chung thuc", []),
    ],
)
def test_search_ignores_accents_and_case(birth, copies, query, codes):
    found = [v.national_code for v in procedure_search(query=query)]
    assert sorted(found) == sorted(codes)


def test_search_by_unit(birth, copies, units):
    assert [v.national_code for v in procedure_search(query="", unit=units["b"])] == ["1.001193"]


def test_search_sees_only_the_published_version(birth):
    procedure_version_revise(version=birth, name="Đăng ký khai sinh bản nháp mới")
    assert [v.version for v in procedure_search(query="khai sinh")] == [1]


def test_list_and_search_are_one_query(birth, copies, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = [(v.national_code, v.name, v.field.name) for v in procedures_published()]
    assert len(rows) == 2
    with django_assert_num_queries(1):
        assert len([v.field.name for v in procedure_search(query="khai sinh")]) == 1


def test_detail_lookup_is_a_fixed_number_of_queries(birth, django_assert_num_queries):
    # version + fees + components + steps + units
    with django_assert_num_queries(5):
        v = procedure_version_get(national_code="1.001193")
        _ = [f.amount for f in v.fees.all()], [c.name for c in v.components.all()]
        _ = [s.name for s in v.steps.all()], [u.code for u in v.units.all()], v.field.name
