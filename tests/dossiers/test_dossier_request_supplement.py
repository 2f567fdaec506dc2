"""Supplement during processing: the clock pauses from the request until the complete
supplement arrives; a second request is allowed but counts the dossier as late."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import TransitionNotAllowed
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import DossierPause
from motcua.notifications.domain import sms_fold

from .conftest import DUE, last_event, vn
from .outbox import events_sent, outbox

REASON = "Bổ sung bản sao chứng thực giấy chứng nhận."


def _request(dossier, actor, at=None, reason=REASON):
    return services.dossier_request_supplement(
        dossier=dossier, actor=actor, reason=reason, at=at or vn(4, 9)
    )


def test_request_supplement_pauses_the_clock(processing, people):
    _request(processing, people["specialist"])
    processing.refresh_from_db()
    assert processing.status == Status.SUPPLEMENT_REQUESTED
    assert processing.supplement_count == 1
    assert processing.is_late_flag is False
    assert processing.due_at == DUE  # unchanged until the supplement arrives
    pause = processing.pauses.get()
    assert (pause.kind, pause.started_at, pause.ended_at) == ("supplement", vn(4, 9), None)
    assert pause.reason == REASON
    event = last_event(processing)
    assert (event.action, event.actor, event.reason) == (
        "request_supplement",
        people["specialist"],
        REASON,
    )
    assert (event.from_status, event.to_status) == (Status.PROCESSING, Status.SUPPLEMENT_REQUESTED)
    assert event.data == {"supplement_no": 1, "marks_late": False}
    sent = outbox(processing, "dossier.supplement_requested")
    assert f"- {REASON.rstrip('.')}\n" in sent["email"].body
    assert sent["sms"].body.startswith(sms_fold(f"Hồ sơ {processing.code} cần bổ sung: {REASON}"))


def test_request_needs_a_reason_and_changes_nothing(processing, people):
    with pytest.raises(TransitionNotAllowed, match="lý do"):
        _request(processing, people["specialist"], reason="")
    processing.refresh_from_db()
    assert processing.status == Status.PROCESSING
    assert not DossierPause.objects.exists()
    assert events_sent(processing) == ["dossier.received"]


def test_second_request_is_allowed_but_flagged(processing, people):
    _request(processing, people["specialist"])
    services.dossier_receive_supplement(dossier=processing, actor=people["desk"], at=vn(4, 14))
    _request(processing, people["specialist"], at=vn(5, 9), reason="Bổ sung lần hai")
    processing.refresh_from_db()
    assert processing.supplement_count == 2
    assert processing.is_late_flag is True
    assert last_event(processing).data == {"supplement_no": 2, "marks_late": True}
