"""Dossier test data, built through the services.

A ward (agency code 000.00.20.H01) with its one-stop desk, justice section and leader; a
district-level agency that takes part of the work by transfer (liên thông); a second ward
whose desk must not touch the first ward's dossiers. A 3-working-day procedure whose internal
process is: reception (desk, 2h) → appraisal (specialist, 1.5 days) → approval (department
head, 0.5 day) → signature (leader, 0.5 day) → return (desk, 2h) = 1,440 working minutes.

Times are in March 2025 (no holidays): Monday 3/3/2025 08:00 is received, due Thursday 6/3
08:00 (3 × 480 working minutes: Mon 450 + Tue 480 + Wed 480 + Thu 30).
"""

import pytest

from motcua.dossiers import services
from tests.support.clock import VN, vn  # noqa: F401 - imported from here by the tests
from tests.support.world import (  # noqa: F401 - the same world, imported from here too
    AGENCY,
    APPLICANT,
    COMPONENTS,
    STEPS,
    dossier_receive,
    people_build,
    procedure_build,
    units_build,
)

MON_0800 = vn(3, 8)
DUE = vn(6, 8)


@pytest.fixture
def units(db):
    return units_build()


@pytest.fixture
def people(units, make_user):
    return people_build(units, make_user)


@pytest.fixture
def procedure(units):
    return procedure_build(units)


@pytest.fixture
def receive(procedure, units, people):
    """`receive(at=..., **overrides)`: a complete dossier received at the ward's desk."""

    def _receive(at=MON_0800, **kw):
        return dossier_receive(procedure=procedure, units=units, people=people, at=at, **kw)

    return _receive


@pytest.fixture
def processing(receive, people, units):
    """A dossier received Monday 08:00 and assigned at 09:00 to the specialist (step 2)."""
    dossier = receive()
    return services.dossier_assign(
        dossier=dossier, actor=people["desk"], assignee=people["specialist"], at=vn(3, 9)
    )


def last_event(dossier):
    return dossier.events.order_by("-at", "-id").first()
