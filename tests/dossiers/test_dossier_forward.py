"""Assignment and hand-overs through the internal process; each records the step's result."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import DossierError, OutOfScope, TransitionNotAllowed
from motcua.dossiers.domain.workflow import Status

from .conftest import last_event, vn


def test_assign_hands_the_dossier_to_the_department(receive, people, units):
    dossier = receive()
    services.dossier_assign(
        dossier=dossier, actor=people["desk"], assignee=people["specialist"], at=vn(3, 9)
    )
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    assert dossier.current_step == 2
    assert dossier.current_unit == units["tp"]
    assert dossier.assignee == people["specialist"]
    event = last_event(dossier)
    assert (event.from_step, event.to_step) == (1, 2)
    assert (event.from_unit, event.to_unit) == (units["desk"], units["tp"])
    assert event.to_user == people["specialist"]
    # Reception step: 2 working hours from 08:00, handed over at 09:00 the same day.
    assert event.step_result == "dung_han"


def test_late_handover_is_recorded_late(receive, people):
    dossier = receive()
    services.dossier_assign(
        dossier=dossier, actor=people["desk"], assignee=people["specialist"], at=vn(3, 13, 30)
    )
    assert last_event(dossier).step_result == "qua_han"


def test_department_head_reassigns(processing, people):
    services.dossier_assign(
        dossier=processing, actor=people["head"], assignee=people["specialist2"], at=vn(3, 10)
    )
    processing.refresh_from_db()
    assert processing.assignee == people["specialist2"]
    assert processing.current_step == 2


def test_walk_through_every_step(processing, people, units):
    # Appraisal: 720 working minutes from Monday 09:00, due Tuesday 14:30.
    services.dossier_forward(dossier=processing, actor=people["specialist"], at=vn(3, 16))
    assert processing.current_step == 3
    assert last_event(processing).step_result == "truoc_han"
    services.dossier_approve(dossier=processing, actor=people["head"], at=vn(4, 15))
    assert processing.current_step == 4
    services.dossier_sign(dossier=processing, actor=people["leader"], at=vn(5, 9))
    assert processing.current_step == 5
    services.dossier_mark_result_ready(dossier=processing, actor=people["leader"], at=vn(5, 10))
    processing.refresh_from_db()
    assert processing.status == Status.RESOLVED
    assert processing.finished_at == vn(5, 10)
    assert processing.current_unit == units["desk"]
    assert last_event(processing).data["result"] == "truoc_han"
    actions = list(processing.events.values_list("action", flat=True))
    assert actions == ["receive", "assign", "forward", "approve", "sign", "mark_result_ready"]


def test_step_belongs_to_its_role(processing, people):
    # Step 2 is the specialist's: the department head approves only at step 3.
    with pytest.raises(DossierError, match="Thẩm định hồ sơ"):
        services.dossier_approve(dossier=processing, actor=people["head"], at=vn(3, 10))
    with pytest.raises(TransitionNotAllowed):
        services.dossier_sign(dossier=processing, actor=people["specialist"], at=vn(3, 10))
    processing.refresh_from_db()
    assert processing.current_step == 2


def test_result_not_ready_before_the_last_step(processing, people):
    with pytest.raises(DossierError, match="chưa qua hết các bước"):
        services.dossier_mark_result_ready(
            dossier=processing, actor=people["specialist"], at=vn(3, 10)
        )


def test_other_ward_cannot_touch_the_dossier(processing, people):
    with pytest.raises(OutOfScope, match="không thuộc phạm vi"):
        services.dossier_assign(dossier=processing, actor=people["other_desk"], at=vn(3, 10))


def test_supervisor_reads_but_never_acts(processing, people):
    with pytest.raises(TransitionNotAllowed):
        services.dossier_forward(dossier=processing, actor=people["supervisor"], at=vn(3, 10))


def test_assignee_must_be_in_scope(receive, people):
    dossier = receive()
    with pytest.raises(OutOfScope):
        services.dossier_assign(
            dossier=dossier, actor=people["desk"], assignee=people["city_specialist"], at=vn(3, 9)
        )
