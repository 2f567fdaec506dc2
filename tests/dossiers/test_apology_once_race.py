"""Issue 9, hole 5: an apology sent without If-Match was applied twice under races. The
policy gives a new appointment once, and the write is checked against the version read, so
of 20 simultaneous apologies exactly one is applied."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.domain.errors import DossierError
from motcua.dossiers.models import Dossier

from .test_dossier_concurrency import _race


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_hole5_twenty_simultaneous_apologies_apply_once(receive, people):
    d = receive(at=timezone.now())

    def apologise(hours):
        def run():
            fresh = Dossier.objects.get(pk=d.pk)  # each request reads the dossier itself
            return services.dossier_apologise(
                dossier=fresh,
                actor=people["desk"],
                reason="Chờ kết quả liên thông",
                new_appointment=fresh.due_at + dt.timedelta(days=2, hours=hours),
            )

        return run

    outcomes = _race([apologise(i) for i in range(20)])
    applied = [o for o in outcomes if isinstance(o, Dossier)]
    refused = [o for o in outcomes if isinstance(o, DossierError)]
    assert len(applied) == 1 and len(refused) == 19, outcomes
    assert d.events.filter(action="apologise").count() == 1
    fresh = Dossier.objects.get(pk=d.pk)
    assert fresh.apologised and fresh.appointment_at == applied[0].appointment_at
