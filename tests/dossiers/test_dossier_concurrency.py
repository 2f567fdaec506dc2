"""Two officers acting on the same dossier at once: exactly one succeeds, the other is told;
concurrent intake never gives two dossiers the same code."""

import threading

import pytest
from django.db import connection

from motcua.dossiers import services
from motcua.dossiers.domain.errors import ConcurrentUpdate
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier

from .conftest import APPLICANT, COMPONENTS, vn


def test_stale_copy_is_refused_and_nothing_is_lost(processing, people):
    mine = Dossier.objects.get(pk=processing.pk)
    theirs = Dossier.objects.get(pk=processing.pk)
    services.dossier_forward(dossier=mine, actor=people["specialist"], at=vn(3, 10))
    events = processing.events.count()
    with pytest.raises(ConcurrentUpdate, match="đã được người khác cập nhật"):
        services.dossier_stop(
            dossier=theirs, actor=people["head"], reason="Tranh chấp", at=vn(3, 11)
        )
    fresh = Dossier.objects.get(pk=processing.pk)
    assert fresh.status == Status.PROCESSING
    assert fresh.current_step == 3
    assert fresh.version == mine.version
    assert processing.events.count() == events


def test_expected_version_from_the_form(processing, people):
    seen = processing.version
    services.dossier_assign(
        dossier=processing, actor=people["head"], assignee=people["specialist2"], at=vn(3, 10)
    )
    with pytest.raises(ConcurrentUpdate):
        services.dossier_assign(
            dossier=processing,
            actor=people["head"],
            assignee=people["specialist"],
            at=vn(3, 11),
            expected_version=seen,
        )


def _race(workers):
    """Run the callables at the same instant in threads (own connections); return outcomes."""
    barrier = threading.Barrier(len(workers))
    outcomes = [None] * len(workers)

    def run(i, fn):
        try:
            barrier.wait()
            outcomes[i] = fn()
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test checks
            outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_officers_at_once_exactly_one_succeeds(processing, people):
    def assign(assignee):
        def run():
            d = Dossier.objects.get(pk=processing.pk)
            return services.dossier_assign(
                dossier=d, actor=people["head"], assignee=assignee, at=vn(3, 10)
            )

        return run

    def forward():
        d = Dossier.objects.get(pk=processing.pk)
        return services.dossier_forward(dossier=d, actor=people["specialist"], at=vn(3, 10))

    def stop():
        d = Dossier.objects.get(pk=processing.pk)
        return services.dossier_stop(
            dossier=d, actor=people["head"], reason="Tranh chấp", at=vn(3, 10)
        )

    # Several rounds: the race must never let both through, nor lose an event.
    for _ in range(5):
        before = Dossier.objects.get(pk=processing.pk)
        events = processing.events.count()
        outcomes = _race([assign(people["specialist"]), assign(people["specialist2"])])
        ok = [o for o in outcomes if isinstance(o, Dossier)]
        assert len(ok) == 1, outcomes
        assert sum(isinstance(o, ConcurrentUpdate) for o in outcomes) == 1, outcomes
        after = Dossier.objects.get(pk=processing.pk)
        assert after.version == before.version + 1
        assert after.assignee == ok[0].assignee
        assert processing.events.count() == events + 1

    outcomes = _race([forward, stop])
    assert sum(isinstance(o, Dossier) for o in outcomes) == 1, outcomes
    assert sum(isinstance(o, ConcurrentUpdate) for o in outcomes) == 1, outcomes
    after = Dossier.objects.get(pk=processing.pk)
    assert (after.status, after.current_step) in {
        (Status.PROCESSING, 3),
        (Status.STOPPED, 2),
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_intake_never_duplicates_a_code(procedure, units, people):
    def intake():
        return services.dossier_receive(
            procedure_version=procedure,
            unit=units["desk"],
            applicant=APPLICANT,
            channel=1,
            components=[{"name": c["name"]} for c in COMPONENTS[:2]],
            received_by=people["desk"],
            received_at=vn(3, 8),
        )

    outcomes = _race([intake] * 8)
    assert all(isinstance(o, Dossier) for o in outcomes), outcomes
    codes = sorted(o.code for o in outcomes)
    assert codes == [f"000.00.20.H01-250303-{i:04d}" for i in range(1, 9)]
