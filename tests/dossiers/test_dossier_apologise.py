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


# --- issue 13, item 4: at most one new appointment; the notice; which appointment counts ---


def test_a_second_apology_is_refused(processing, people):
    # Decree 61/2018 art. 19 as amended by Decree 107/2021: the new appointment is given
    # "không quá một lần".
    services.dossier_apologise(
        dossier=processing, actor=people["desk"], reason=REASON, new_appointment=vn(11, 16),
        at=vn(4, 9),
    )  # fmt: skip
    with pytest.raises(DossierError, match="không quá một lần"):
        services.dossier_apologise(
            dossier=processing, actor=people["desk"], reason=REASON,
            new_appointment=vn(14, 16), at=vn(5, 9),
        )  # fmt: skip
    processing.refresh_from_db()
    assert processing.appointment_at == vn(11, 16)
    assert processing.events.filter(action="apologise").count() == 1


def test_notice_setting_requires_a_working_day_before_the_due_instant(processing, people, settings):
    settings.MOTCUA_APOLOGY_NOTICE_WORKING_MINUTES = 480
    # Wednesday 5/3 16:00 → due Thursday 6/3 08:00: 1.5 working hours left, too late.
    with pytest.raises(DossierError, match="chậm nhất 8 giờ làm việc"):
        services.dossier_apologise(
            dossier=processing, actor=people["desk"], reason=REASON,
            new_appointment=vn(11, 16), at=vn(5, 16),
        )  # fmt: skip
    # Wednesday 5/3 08:00: exactly one working day (480 min) left: accepted.
    services.dossier_apologise(
        dossier=processing, actor=people["desk"], reason=REASON, new_appointment=vn(11, 16),
        at=vn(5, 8),
    )  # fmt: skip
    processing.refresh_from_db()
    assert processing.apologised is True


def test_the_legal_due_instant_counts_not_the_new_appointment(processing, people):
    services.dossier_apologise(
        dossier=processing, actor=people["desk"], reason=REASON, new_appointment=vn(11, 16),
        at=vn(5, 9),
    )  # fmt: skip
    # Finished before the new appointment but after the legal due instant: late.
    _walk_to_result(processing, people, vn(7, 9))
    assert last_event(processing).data["result"] == "qua_han"
