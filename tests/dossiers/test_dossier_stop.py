"""Dừng xử lý: with the reason and the officer, for supervisors to audit."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import TransitionNotAllowed
from motcua.dossiers.domain.workflow import Status
from motcua.notifications.domain import sms_fold

from .conftest import last_event, vn
from .outbox import events_sent, outbox

REASON = "Đất đang có tranh chấp, Tòa án đã thụ lý."


def test_stop_with_reason(processing, people):
    services.dossier_stop(dossier=processing, actor=people["head"], reason=REASON, at=vn(4, 10))
    processing.refresh_from_db()
    assert processing.status == Status.STOPPED
    assert processing.finished_at == vn(4, 10)
    event = last_event(processing)
    assert (event.action, event.actor, event.reason) == ("stop", people["head"], REASON)
    assert (event.from_status, event.to_status) == (Status.PROCESSING, Status.STOPPED)
    sent = outbox(processing, "dossier.stopped")
    assert sent["sms"].body == sms_fold(f"Hồ sơ {processing.code} dừng giải quyết. Lý do: {REASON}")


def test_stop_while_waiting_for_a_supplement_closes_the_pause(processing, people):
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason="Thiếu", at=vn(4, 9)
    )
    services.dossier_stop(dossier=processing, actor=people["head"], reason=REASON, at=vn(5, 9))
    assert processing.pauses.get().ended_at == vn(5, 9)


def test_stop_needs_a_reason(processing, people):
    with pytest.raises(TransitionNotAllowed, match="lý do"):
        services.dossier_stop(dossier=processing, actor=people["head"], reason="", at=vn(4, 10))
    processing.refresh_from_db()
    assert processing.status == Status.PROCESSING
    assert events_sent(processing) == ["dossier.received"]


def test_desk_cannot_stop(processing, people):
    with pytest.raises(TransitionNotAllowed, match="không có quyền"):
        services.dossier_stop(dossier=processing, actor=people["desk"], reason=REASON)


def test_stopped_dossier_is_final(processing, people):
    services.dossier_stop(dossier=processing, actor=people["head"], reason=REASON, at=vn(4, 10))
    with pytest.raises(TransitionNotAllowed, match="Dừng xử lý"):
        services.dossier_forward(dossier=processing, actor=people["specialist"], at=vn(4, 11))
