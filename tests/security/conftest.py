"""Security tests (issue 9) reuse the dossier test data: two wards, their staff, a procedure."""

from tests.dossiers.conftest import (  # noqa: F401
    APPLICANT,
    COMPONENTS,
    people,
    procedure,
    receive,
    units,
)
