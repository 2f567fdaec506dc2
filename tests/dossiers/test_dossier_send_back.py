"""Sending a dossier back to the previous step, with the reason."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import DossierError, TransitionNotAllowed

from .conftest import last_event, vn
from .outbox import events_sent


def test_send_back_to_the_specialist(processing, people, units):
    services.dossier_forward(dossier=processing, actor=people["specialist"], at=vn(4, 10))
    reason = "Chưa kiểm tra hiện trạng thửa đất."
    services.dossier_send_back(
        dossier=processing, actor=people["head"], reason=reason, at=vn(4, 11)
    )
    processing.refresh_from_db()
    assert processing.current_step == 2
    assert processing.assignee == people["specialist"]
    assert processing.current_unit == units["tp"]
    event = last_event(processing)
    assert (event.action, event.from_step, event.to_step) == ("send_back", 3, 2)
    assert event.reason == reason
    assert event.to_user == people["specialist"]
    assert event.step_result == "dung_han"
    assert events_sent(processing) == ["dossier.received"]  # internal: no notification


def test_send_back_needs_a_reason(processing, people):
    services.dossier_forward(dossier=processing, actor=people["specialist"], at=vn(4, 10))
    with pytest.raises(TransitionNotAllowed, match="lý do"):
        services.dossier_send_back(
            dossier=processing, actor=people["head"], reason="", at=vn(4, 11)
        )
    processing.refresh_from_db()
    assert processing.current_step == 3


def test_no_step_before_the_first_handling_step(processing, people):
    with pytest.raises(DossierError, match="bước xử lý đầu tiên"):
        services.dossier_send_back(
            dossier=processing, actor=people["specialist"], reason="Thiếu", at=vn(3, 10)
        )
