"""tests/support/world.py walks a dossier to each status through the real services: the
audit trail says how it got there (no row written behind the services' back)."""

import pytest

from motcua.dossiers.domain.workflow import Status
from tests.support.clock import vn
from tests.support.world import dossier_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "status, actions",
    [
        (Status.RECEIVED, ["receive"]),
        (Status.PROCESSING, ["receive", "assign"]),
        (Status.SUPPLEMENT_REQUESTED, ["receive", "assign", "request_supplement"]),
        (Status.PAYMENT_REQUESTED, ["receive", "assign", "request_payment"]),
        (Status.STOPPED, ["receive", "assign", "stop"]),
        (Status.WITHDRAWN, ["receive", "assign", "withdraw"]),
        (
            Status.RESOLVED,
            ["receive", "assign", "forward", "approve", "sign", "mark_result_ready"],
        ),
        (
            Status.RETURNED,
            [
                "receive",
                "assign",
                "forward",
                "approve",
                "sign",
                "mark_result_ready",
                "return_result",
            ],
        ),
    ],
)
def test_dossier_in_each_status(procedure, units, people, status, actions):
    dossier = dossier_in(status, procedure=procedure, units=units, people=people)
    assert dossier.status == status
    trail = list(dossier.events.order_by("at", "id").values_list("action", "to_status"))
    assert [a for a, _ in trail] == actions
    assert trail[-1][1] == status


def test_no_walk_to_a_status_it_does_not_know(procedure, units, people):
    with pytest.raises(ValueError, match="no walk"):
        dossier_in(Status.NOT_RECEIVED, procedure=procedure, units=units, people=people)


def test_vn_is_vietnamese_wall_time():
    assert vn(3, 8).isoformat() == "2025-03-03T08:00:00+07:00"
    assert vn(1, 7, 30, month=12, year=2026).isoformat() == "2026-12-01T07:30:00+07:00"
