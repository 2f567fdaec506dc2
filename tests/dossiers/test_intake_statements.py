"""Counter intake's statements are pinned (issue 12 §5: fewer statements per intake).

One intake at the desk, through `dossier_create` as the page and the API call it, after a
first one (the unit's calendar is then built): the code in one upsert, no savepoint of the
nested service or of subscribers that write nothing; everything it must write still
written in the same transaction (dossier, components, audit event, notifications, report).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers import services
from motcua.dossiers.models import DossierEvent
from motcua.notifications.models import Notification
from motcua.reports.models import DossierFactState
from tests.support.clock import vn
from tests.support.world import APPLICANT, COMPONENTS

pytestmark = pytest.mark.django_db


def _intake(people, procedure, at):
    return services.dossier_create(
        actor=people["desk"],
        procedure_version=procedure,
        applicant=APPLICANT,
        components=[{"name": c["name"]} for c in COMPONENTS[:2]],
        at=at,
    )


def test_one_intake_statements_and_rows(people, procedure):
    first = _intake(people, procedure, vn(3, 8))
    with CaptureQueriesContext(connection) as ctx:
        dossier = _intake(people, procedure, vn(3, 9))
    statements = [q["sql"] for q in ctx.captured_queries]
    savepoints = [s for s in statements if s.startswith(("SAVEPOINT", "RELEASE"))]
    # Outer transaction (1 savepoint pair in the test's transaction) and the notifications'.
    assert len(savepoints) == 4, savepoints
    # 24 before the components' digitisation was skipped when none came with a file and the
    # scope check when the unit is the officer's own (35 before that; issue 12: 56 when it
    # was measured first).
    assert len(statements) == 21, "\n".join(statements)
    assert dossier.code.endswith("-0002") and first.code.endswith("-0001")
    assert dossier.version == 2 and dossier.status == 2
    assert dossier.components.count() == 2
    assert DossierEvent.objects.filter(dossier=dossier, action="receive").count() == 1
    assert DossierFactState.objects.filter(dossier_id=dossier.pk).exists()
    assert Notification.objects.filter(ref_id=dossier.code).exists()
    assert not any("dossiers_dossiercomponent" in s and s.startswith("SELECT") for s in statements)
