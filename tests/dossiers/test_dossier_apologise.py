"""Apology with a new appointment (Mẫu 04): only before the due instant; still late."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import DossierError, TransitionNotAllowed

from .conftest import DUE, last_event, vn
from .outbox import events_sent, outbox

REASON = "Cần xác minh thêm nguồn gốc đất tại Phòng Tài nguyên và Môi trường."


def _walk_to_result(dossier, people, at):
    services.dossier_forward(dossier=dossier, actor=people["specialist"], at=at)
    services.dossier_approve(dossier=dossier, actor=people["head"], at=at)
    services.dossier_sign(dossier=dossier, actor=people["leader"], at=at)
    services.dossier_mark_result_ready(dossier=dossier, actor=people["leader"], at=at)


def test_apologise_before_the_due_instant(processing, people):
    services.dossier_apologise(
        dossier=processing,
        actor=people["desk"],
        reason=REASON,
        new_appointment=vn(11, 16),
        at=vn(5, 16),
    )
    processing.refresh_from_db()
    assert processing.apologised is True
    assert processing.appointment_at == vn(11, 16)
    assert processing.due_at == DUE  # the legal deadline does not move
    event = last_event(processing)
    assert (event.action, event.actor, event.reason) == ("apologise", people["desk"], REASON)
    assert event.data["new_appointment"] == vn(11, 16).isoformat()
    assert event.data["appointment_before"] == DUE.isoformat()
    email = outbox(processing, "dossier.apology")["email"]
    assert email.subject == f"Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {processing.code}"
    assert "đúng hẹn 08:00 ngày 06/03/2025" in email.body
    assert "Hẹn trả kết quả mới: 16:00 ngày 11/03/2025" in email.body

    # Finished on the new appointment: still late against the legal deadline.
    _walk_to_result(processing, people, vn(11, 15))
    assert last_event(processing).data["result"] == "qua_han"


def test_apology_after_the_due_instant_is_refused(processing, people):
    with pytest.raises(TransitionNotAllowed, match="trước thời điểm hết hạn"):
        services.dossier_apologise(
            dossier=processing,
            actor=people["desk"],
            reason=REASON,
            new_appointment=vn(11, 16),
            at=DUE,
        )
    processing.refresh_from_db()
    assert processing.apologised is False
    assert processing.appointment_at == DUE
    assert events_sent(processing) == ["dossier.received"]


def test_new_appointment_must_be_later(processing, people):
    with pytest.raises(DossierError, match="Ngày hẹn mới"):
        services.dossier_apologise(
            dossier=processing,
            actor=people["desk"],
            reason=REASON,
            new_appointment=vn(5, 17),
            at=vn(5, 16),
        )


def test_apology_needs_a_reason(processing, people):
    with pytest.raises(TransitionNotAllowed, match="lý do"):
        services.dossier_apologise(
            dossier=processing, actor=people["desk"], reason="", new_appointment=vn(11, 16),
            at=vn(5, 16),
        )  # fmt: skip
