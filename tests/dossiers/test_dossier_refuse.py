"""Online filing (status 1), then reception or refusal with reasons (Mẫu 03)."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain.errors import DossierError, TransitionNotAllowed
from motcua.dossiers.domain.workflow import Status
from motcua.notifications.domain import sms_fold

from .conftest import APPLICANT, COMPONENTS, last_event, vn
from .outbox import events_sent, outbox


@pytest.fixture
def submitted(procedure, units, people):
    return services.dossier_submit(
        procedure_version=procedure,
        unit=units["desk"],
        applicant=APPLICANT,
        components=[{"name": c["name"]} for c in COMPONENTS[:2]],
        submitted_by=people["citizen"],
        submitted_at=vn(1, 21),  # Saturday evening
    )


def test_online_filing_waits_as_new(submitted, people):
    assert submitted.status == Status.NEW
    assert submitted.channel == 2
    assert submitted.applicant_user == people["citizen"]
    assert submitted.received_at is None and submitted.due_at is None


def test_filing_by_the_digital_team_records_who_helped(procedure, units, people):
    filing = dict(
        procedure_version=procedure,
        unit=units["desk"],
        applicant=APPLICANT,
        components=[{"name": c["name"]} for c in COMPONENTS[:2]],
        submitted_by=people["digital"],
        submitted_at=vn(3, 8),
    )
    # Issue 9, hole 4: not without the citizen's account, nor without their recorded consent.
    with pytest.raises(DossierError, match="tài khoản của công dân"):
        services.dossier_submit(**filing)
    with pytest.raises(DossierError, match="sự đồng ý của công dân"):
        services.dossier_submit(**filing, applicant_user=people["citizen"])
    consent = {"consent": {"citizen": "congdan", "note": "Đồng ý", "at": "2025-03-03T08:00"}}
    dossier = services.dossier_submit(**filing, applicant_user=people["citizen"], data=consent)
    assert dossier.assisted_by == people["digital"]
    assert dossier.applicant_user == people["citizen"]
    assert dossier.events.get().data == consent


def test_only_citizens_and_digital_team_file_online(procedure, units, people):
    with pytest.raises(DossierError):
        services.dossier_submit(
            procedure_version=procedure,
            unit=units["desk"],
            applicant=APPLICANT,
            components=[],
            submitted_by=people["specialist"],
        )


def test_refuse_with_reasons(submitted, people):
    reason = "Thửa đất thuộc địa bàn phường Phú Lợi, không thuộc thẩm quyền."
    services.dossier_refuse(dossier=submitted, actor=people["desk"], reason=reason, at=vn(3, 8))
    submitted.refresh_from_db()
    assert submitted.status == Status.NOT_RECEIVED
    assert submitted.finished_at == vn(3, 8)
    event = last_event(submitted)
    assert (event.action, event.actor, event.reason) == ("refuse", people["desk"], reason)
    assert (event.from_status, event.to_status) == (Status.NEW, Status.NOT_RECEIVED)
    sent = outbox(submitted, "dossier.refused")
    assert sent["sms"].body == sms_fold(
        f"Hồ sơ {submitted.code} không được tiếp nhận. Lý do: Thửa đất thuộc địa bàn phường "
        "Phú Lợi, không thuộc thẩm quyền."
    )
    # The online filer was told of the submission, then of the refusal.
    assert events_sent(submitted) == ["dossier.submitted", "dossier.refused"]


def test_refuse_without_reason_changes_nothing(submitted, people):
    with pytest.raises(TransitionNotAllowed, match="lý do"):
        services.dossier_refuse(dossier=submitted, actor=people["desk"], reason=" ", at=vn(3, 8))
    submitted.refresh_from_db()
    assert submitted.status == Status.NEW
    assert submitted.version == 1
    assert submitted.events.count() == 1
    assert events_sent(submitted) == ["dossier.submitted"]  # nothing more after the refusal


def test_refused_dossier_cannot_be_received(submitted, people):
    services.dossier_refuse(dossier=submitted, actor=people["desk"], reason="Sai", at=vn(3, 8))
    with pytest.raises(TransitionNotAllowed, match="Không được tiếp nhận"):
        services.dossier_accept(dossier=submitted, actor=people["desk"], at=vn(3, 9))


def test_accept_online_filing_starts_the_clock_at_reception(submitted, people):
    services.dossier_accept(dossier=submitted, actor=people["desk"], at=vn(3, 8))
    submitted.refresh_from_db()
    assert submitted.status == Status.RECEIVED
    assert submitted.received_by == people["desk"]
    assert submitted.due_at == vn(6, 8)


def test_filing_is_audited(submitted, people):
    event = submitted.events.get()
    assert (event.action, event.actor, event.to_status) == ("submit", people["citizen"], 1)
