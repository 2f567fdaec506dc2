"""The notification is written in the change's transaction: a refused transition, a lost race
or a rolled-back caller leaves no outbox row; the row is in the outbox before delivery runs."""

import pytest
from django.db import transaction

from motcua.dossiers import services
from motcua.dossiers.domain.errors import ConcurrentUpdate, DossierIncomplete, TransitionNotAllowed
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier
from motcua.notifications.models import Notification

from .conftest import DUE, vn
from .outbox import events_sent


class Boom(Exception):
    pass


def test_rolled_back_reception_leaves_no_notification(receive):
    with pytest.raises(Boom), transaction.atomic():
        receive()
        assert Notification.objects.filter(event="dossier.received").count() == 2
        raise Boom
    assert not Dossier.objects.exists()
    assert not Notification.objects.exists()


def test_incomplete_intake_sends_nothing(receive):
    with pytest.raises(DossierIncomplete):
        receive(components=[{"name": "Tờ khai"}])
    assert not Notification.objects.exists()


def test_rolled_back_supplement_request_leaves_no_notification(processing, people):
    with pytest.raises(Boom), transaction.atomic():
        services.dossier_request_supplement(
            dossier=processing, actor=people["specialist"], reason="Thiếu", at=vn(4, 9)
        )
        raise Boom
    assert events_sent(processing) == ["dossier.received"]


def test_apology_after_the_due_instant_sends_nothing(processing, people):
    with pytest.raises(TransitionNotAllowed):
        services.dossier_apologise(
            dossier=processing,
            actor=people["desk"],
            reason="Chậm",
            new_appointment=vn(11, 16),
            at=DUE,
        )
    assert events_sent(processing) == ["dossier.received"]


def test_stop_by_a_role_not_allowed_sends_nothing(processing, people):
    with pytest.raises(TransitionNotAllowed):
        services.dossier_stop(dossier=processing, actor=people["desk"], reason="Tranh chấp")
    assert events_sent(processing) == ["dossier.received"]


def test_the_loser_of_a_race_sends_nothing(processing, people):
    seen = processing.version
    services.dossier_stop(
        dossier=processing, actor=people["head"], reason="Tranh chấp", at=vn(4, 10)
    )
    stale = Dossier.objects.get(pk=processing.pk)
    stale.version = seen
    stale.status = Status.PROCESSING  # as another officer's stale page still shows it
    with pytest.raises(ConcurrentUpdate):
        services.dossier_stop(
            dossier=stale,
            actor=people["head"],
            reason="Lần hai",
            at=vn(4, 11),
            expected_version=seen,
        )
    assert events_sent(processing) == ["dossier.received", "dossier.stopped"]


def test_lost_race_on_a_supplement_request_sends_nothing(processing, people):
    seen = processing.version
    services.dossier_forward(dossier=processing, actor=people["specialist"], at=vn(4, 8))
    stale = Dossier.objects.get(pk=processing.pk)
    with pytest.raises(ConcurrentUpdate):
        services.dossier_request_supplement(
            dossier=stale,
            actor=people["head"],
            reason="Thiếu",
            at=vn(4, 9),
            expected_version=seen,
        )
    assert events_sent(processing) == ["dossier.received"]


def test_delivery_waits_for_the_commit(receive, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        dossier = receive()
    # Rows exist (pending) before anything is sent; one delivery is queued per row at commit.
    rows = Notification.objects.filter(ref_id=dossier.code)
    assert {r.status for r in rows} == {"pending"}
    assert len(callbacks) == rows.count() == 2
