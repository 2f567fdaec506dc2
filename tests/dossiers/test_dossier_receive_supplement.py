"""The complete supplement arrives: the clock resumes, the due instant moves by the working
time spent waiting; time already spent still counts."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import ActionForbidden
from motcua.dossiers.domain.policy import Via
from motcua.dossiers.domain.workflow import Status

from .conftest import DUE, last_event, vn
from .outbox import events_sent


def test_receive_supplement_resumes_and_moves_the_due_instant(processing, people):
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason="Thiếu bản vẽ", at=vn(4, 9)
    )
    services.dossier_receive_supplement(
        dossier=processing,
        actor=people["desk"],
        components=[{"name": "Bản vẽ sơ đồ thửa đất", "form": "original"}],
        at=vn(6, 9),
    )
    processing.refresh_from_db()
    assert processing.status == Status.PROCESSING
    pause = processing.pauses.get()
    assert (pause.started_at, pause.ended_at) == (vn(4, 9), vn(6, 9))
    # Paused Tuesday 09:00 → Thursday 09:00: two working days; Thursday 08:00 + 960 working
    # minutes is Monday 10/3 08:00.
    assert processing.due_at == vn(10, 8)
    assert processing.appointment_at == vn(10, 8)
    added = processing.components.get(supplement=True)
    assert added.name == "Bản vẽ sơ đồ thửa đất"
    event = last_event(processing)
    assert (event.action, event.actor) == ("receive_supplement", people["desk"])
    assert (event.from_status, event.to_status) == (Status.SUPPLEMENT_REQUESTED, Status.PROCESSING)
    assert event.data["due_at_before"] == DUE.isoformat()
    # Receiving the supplement is not one of the changes the applicant is told about.
    assert events_sent(processing) == ["dossier.received", "dossier.supplement_requested"]


def test_pause_outside_office_hours_moves_nothing(processing, people):
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason="Thiếu", at=vn(3, 17, 30)
    )
    services.dossier_receive_supplement(dossier=processing, actor=people["desk"], at=vn(4, 7))
    processing.refresh_from_db()
    assert processing.due_at == DUE


def test_citizen_sends_the_supplement_online(receive, people):
    dossier = receive(applicant_user=people["citizen"], channel=2)
    services.dossier_assign(
        dossier=dossier, actor=people["desk"], assignee=people["specialist"], at=vn(3, 9)
    )
    services.dossier_request_supplement(
        dossier=dossier, actor=people["specialist"], reason="Thiếu", at=vn(3, 10)
    )
    # The citizen's way in is the portal's supplement form (`Via.PORTAL`), never the desk's.
    with pytest.raises(ActionForbidden):
        services.dossier_receive_supplement(dossier=dossier, actor=people["citizen"], at=vn(3, 11))
    services.dossier_receive_supplement(
        dossier=dossier, actor=people["citizen"], at=vn(3, 11), via=Via.PORTAL
    )
    assert dossier.status == Status.PROCESSING
    assert dossier.due_at == vn(6, 9)
