"""A rule changed in its one home changes every face of it (README, "Where each rule lives").

Does a payment request pause the clock? The one home is the `pauses_clock` flag of
`TRANSITIONS[Action.REQUEST_PAYMENT]` in `dossiers/domain/workflow.py`. Flipping it (here with
monkeypatch, as a newcomer would edit that one line) changes together: the service (a pause
row is opened or not), the clock state, the querysets and the on-time report."""

import dataclasses
import datetime as dt

import pytest

from motcua.dossiers import services
from motcua.dossiers.domain import clockstate, workflow
from motcua.dossiers.domain.workflow import Action, Status
from motcua.dossiers.models import Dossier, DossierPause
from motcua.reports import services as report_services
from motcua.reports.domain.periods import month
from motcua.reports.selectors import ontime_counts_direct, ontime_report, overdue_now

from .conftest import vn

LATER = vn(10, 8)  # Monday 10/3, past the due instant (Thursday 6/3 08:00)


@pytest.mark.parametrize("pauses", [True, False], ids=["as-today", "flag-flipped"])
def test_the_payment_pause_flag_moves_every_face_together(processing, people, monkeypatch, pauses):
    if not pauses:
        row = workflow.TRANSITIONS[Action.REQUEST_PAYMENT]
        assert row.pauses_clock  # today's rule, flipped for this test only
        flipped = dataclasses.replace(row, pauses_clock=False)
        monkeypatch.setitem(workflow.TRANSITIONS, Action.REQUEST_PAYMENT, flipped)

    d = services.dossier_request_payment(
        dossier=processing, actor=people["specialist"], amount=50000, at=vn(4, 10)
    )
    assert d.status == Status.PAYMENT_REQUESTED

    # the table
    assert (Status.PAYMENT_REQUESTED in workflow.paused_states()) is pauses
    assert (Status.PAYMENT_REQUESTED in workflow.running_states()) is not pauses
    # the service: a pause row, or none
    assert DossierPause.objects.filter(dossier=d, kind=DossierPause.Kind.PAYMENT).exists() is pauses
    # the clock state
    assert clockstate.phase_of(d.status) == (clockstate.PAUSED if pauses else clockstate.RUNNING)
    d = Dossier.objects.get(pk=d.pk)
    assert d.is_overdue(LATER) is not pauses
    # the querysets (the SQL twin of the clock state)
    assert Dossier.objects.clock_paused().filter(pk=d.pk).exists() is pauses
    assert Dossier.objects.clock_running().filter(pk=d.pk).exists() is not pauses
    assert Dossier.objects.overdue(LATER).filter(pk=d.pk).exists() is not pauses
    assert overdue_now(now=LATER).filter(pk=d.pk).exists() is not pauses
    # the reports: the direct GROUP BY and the pre-aggregated facts
    period, today = month(2025, 3), dt.date(2025, 3, 10)
    ((direct, _extra),) = ontime_counts_direct(period=period, today=today).values()
    report_services.facts_rebuild()
    counts = ontime_report(period=period, today=today).total.counts
    expected = (1, 0) if pauses else (0, 1)  # (open in time, open overdue)
    assert (direct.open_in_time, direct.open_overdue) == expected
    assert (counts.open_in_time, counts.open_overdue) == expected

    # and the payment received resumes the clock (or had nothing to resume)
    d = services.dossier_payment_received(dossier=d, actor=people["desk"], at=vn(5, 10))
    assert d.status == Status.PROCESSING
    assert not DossierPause.objects.filter(dossier=d, ended_at__isnull=True).exists()
    # a pause of a working day moved the due instant by a working day
    assert d.due_at == (vn(7, 8) if pauses else vn(6, 8))
