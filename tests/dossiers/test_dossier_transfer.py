"""Liên thông: transfer to another agency and back, each hand-over recorded."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import DossierError, OutOfScope

from .conftest import last_event, vn
from .outbox import events_sent


def test_transfer_and_return(processing, people, units):
    services.dossier_transfer(
        dossier=processing,
        actor=people["specialist"],
        to_unit=units["city_tnmt"],
        note="Xác minh nguồn gốc đất",
        at=vn(3, 14),
    )
    processing.refresh_from_db()
    assert processing.current_unit == units["city_tnmt"]
    assert processing.unit == units["desk"]
    event = last_event(processing)
    assert (event.action, event.from_unit, event.to_unit) == (
        "transfer",
        units["tp"],
        units["city_tnmt"],
    )
    assert event.actor == people["specialist"]
    assert event.reason == "Xác minh nguồn gốc đất"

    # While it is away the ward's specialist cannot move it; the city's specialist can.
    with pytest.raises(OutOfScope):
        services.dossier_forward(dossier=processing, actor=people["specialist"], at=vn(4, 8))
    services.dossier_transfer_return(
        dossier=processing, actor=people["city_specialist"], note="Đã xác minh", at=vn(4, 9)
    )
    processing.refresh_from_db()
    assert processing.current_unit == units["tp"]
    event = last_event(processing)
    assert (event.action, event.from_unit, event.to_unit) == (
        "transfer_return",
        units["city_tnmt"],
        units["tp"],
    )
    assert event.actor == people["city_specialist"]
    # Hand-overs between agencies are internal: the applicant is not notified.
    assert events_sent(processing) == ["dossier.received"]
    assert event.step_result in {"truoc_han", "dung_han", "qua_han"}


def test_return_without_transfer(processing, people):
    with pytest.raises(DossierError, match="không được chuyển liên thông"):
        services.dossier_transfer_return(
            dossier=processing, actor=people["specialist"], at=vn(3, 10)
        )


def test_transfer_to_itself(processing, people, units):
    with pytest.raises(DossierError, match="chính đơn vị này"):
        services.dossier_transfer(
            dossier=processing, actor=people["specialist"], to_unit=units["tp"], at=vn(3, 10)
        )


def test_result_cannot_be_ready_while_transferred(processing, people, units):
    services.dossier_transfer(
        dossier=processing, actor=people["specialist"], to_unit=units["city_tnmt"], at=vn(3, 14)
    )
    with pytest.raises(DossierError):
        services.dossier_mark_result_ready(
            dossier=processing, actor=people["city_specialist"], at=vn(4, 9)
        )
