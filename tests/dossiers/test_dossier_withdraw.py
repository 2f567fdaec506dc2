"""The citizen withdraws the dossier, online or in writing at the counter."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import OutOfScope, TransitionNotAllowed
from motcua.dossiers.domain.workflow import Status

from .conftest import last_event, vn
from .outbox import events_sent


def test_citizen_withdraws_own_dossier(receive, people):
    dossier = receive(applicant_user=people["citizen"], channel=2)
    services.dossier_withdraw(
        dossier=dossier, actor=people["citizen"], reason="Không còn nhu cầu", at=vn(3, 10)
    )
    dossier.refresh_from_db()
    assert dossier.status == Status.WITHDRAWN
    assert dossier.finished_at == vn(3, 10)
    event = last_event(dossier)
    assert (event.action, event.actor, event.reason) == (
        "withdraw",
        people["citizen"],
        "Không còn nhu cầu",
    )
    # The applicant asked for it: nothing is sent (only the reception was notified).
    assert events_sent(dossier) == ["dossier.received"]


def test_desk_records_a_written_withdrawal(processing, people):
    services.dossier_withdraw(
        dossier=processing, actor=people["desk"], reason="Đơn xin rút hồ sơ", at=vn(4, 10)
    )
    assert processing.status == Status.WITHDRAWN


def test_another_citizen_cannot_withdraw(receive, people):
    dossier = receive(applicant_user=people["citizen"], channel=2)
    with pytest.raises(OutOfScope):
        services.dossier_withdraw(dossier=dossier, actor=people["citizen2"], reason="x")


def test_withdrawal_needs_a_reason(processing, people):
    with pytest.raises(TransitionNotAllowed, match="lý do"):
        services.dossier_withdraw(dossier=processing, actor=people["desk"], reason="")


def test_no_withdrawal_after_the_result(processing, people):
    for fn, who in [
        (services.dossier_forward, "specialist"),
        (services.dossier_approve, "head"),
        (services.dossier_sign, "leader"),
        (services.dossier_mark_result_ready, "leader"),
    ]:
        fn(dossier=processing, actor=people[who], at=vn(4, 10))
    with pytest.raises(TransitionNotAllowed, match="Đã xử lý xong"):
        services.dossier_withdraw(dossier=processing, actor=people["desk"], reason="Rút")
