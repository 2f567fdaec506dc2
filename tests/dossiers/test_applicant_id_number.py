"""The applicant's ID number is checked by its shape (dossiers/domain/applicant.py): "abc" is
refused with a Vietnamese explanation, real shapes pass."""

import pytest

from motcua.dossiers.domain.applicant import id_number_error
from motcua.dossiers.domain.errors import DossierError

from .conftest import APPLICANT


@pytest.mark.parametrize(
    ("kind", "value", "ok"),
    [
        ("person", "", True),
        ("person", "074190001234", True),  # CCCD, 12 digits
        ("person", "280912345", True),  # old CMND, 9 digits
        ("person", "C1234567", True),  # Vietnamese passport
        ("person", "c1234567", True),
        ("person", "abc", False),
        ("person", "07419000123", False),  # 11 digits
        ("person", "0741900012345", False),  # 13 digits
        ("person", "ABCDEFGH", False),  # no digit
        ("person", "0741\x0090001", False),
        ("organisation", "0101234567", True),  # tax code
        ("organisation", "0101234567-001", True),  # branch
        ("organisation", "abc", False),
        ("organisation", "074190001234", False),
    ],
)
def test_id_number_shapes(kind, value, ok):
    assert (id_number_error(kind=kind, value=value) is None) is ok


def test_intake_refuses_abc(receive):
    with pytest.raises(DossierError, match="Số giấy tờ “abc” không đúng"):
        receive(applicant={**APPLICANT, "id_number": "abc"})
