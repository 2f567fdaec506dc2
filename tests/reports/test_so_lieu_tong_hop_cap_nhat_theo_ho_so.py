"""The pre-aggregated counts follow each dossier change (`facts_refresh_for`, the hook the
dossier services call) and always equal a full rebuild and a plain GROUP BY."""

import datetime as dt

from motcua.accounts.roles import Role
from motcua.dossiers import services as dossier_services
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier
from motcua.reports import services
from motcua.reports.domain.periods import year
from motcua.reports.models import DossierFact, DossierFactState
from motcua.reports.selectors import ontime_counts_direct, ontime_report
from tests.reports.conftest import vn

TODAY = dt.date(2026, 1, 1)
Y2024 = year(2024)


def _snapshot():
    return sorted(
        (f.grain, f.start, f.unit_id, f.procedure_id, f.channel, f.received, f.resolved_early,
         f.resolved_on_time, f.resolved_late, f.open_in, f.open_out, f.due_in, f.due_out,
         f.stopped, f.withdrawn, f.returned, f.processing_seconds)
        for f in DossierFact.objects.all()
        if any((f.received, f.resolved_early, f.resolved_on_time, f.resolved_late, f.open_in,
                f.open_out, f.due_in, f.due_out, f.stopped, f.withdrawn, f.returned))
    )  # fmt: skip


def _assert_consistent():
    incremental = _snapshot()
    report = ontime_report(period=Y2024, today=TODAY)
    ((direct, extra),) = ontime_counts_direct(period=Y2024, today=TODAY).values()
    assert report.total.counts.resolved == direct.resolved
    assert report.total.counts.open_overdue == direct.open_overdue
    assert report.total.counts.open_in_time == direct.open_in_time
    assert report.total.extra == extra
    services.facts_rebuild()
    assert _snapshot() == incremental
    return report


def test_each_change_replaces_the_old_contribution(tree, make_dossier):
    d = make_dossier(tree["A.MC"], received=vn(2024, 3, 4), due=vn(2024, 3, 7, 17))
    services.facts_refresh_for(dossier_ids=[d.pk])
    report = _assert_consistent()
    assert report.total.counts.open_overdue == 1  # open at the end of 2024

    # a supplement is requested, then the result comes late, then it is handed over
    Dossier.objects.filter(pk=d.pk).update(supplement_count=2)
    services.facts_refresh_for(dossier_ids=[d.pk])
    _assert_consistent()
    Dossier.objects.filter(pk=d.pk).update(status=Status.RESOLVED, finished_at=vn(2024, 3, 8))
    services.facts_refresh_for(dossier_ids=[d.pk])
    report = _assert_consistent()
    assert (report.total.counts.resolved_late, report.total.counts.open) == (1, 0)
    Dossier.objects.filter(pk=d.pk).update(status=Status.RETURNED, returned_at=vn(2024, 3, 9))
    services.facts_refresh_for(dossier_ids=[d.pk])
    report = _assert_consistent()
    assert report.total.extra["returned"] == 1
    assert DossierFactState.objects.get(dossier_id=d.pk).result == "qua_han"

    # refreshing again changes nothing
    before = _snapshot()
    assert services.facts_refresh_for(dossier_ids=[d.pk]) == 0
    assert _snapshot() == before


def test_hook_after_real_dossier_services(tree, procedures, make_user):
    officer = make_user("tn", Role.ONE_STOP_OFFICER, unit=tree["A.MC"])
    dossier = dossier_services.dossier_receive(
        procedure_version=procedures["ks"],
        unit=tree["A.MC"],
        applicant={"name": "Trần Thị B"},
        channel=1,
        components=[],
        received_by=officer,
        received_at=vn(2024, 5, 6, 8),
    )
    services.facts_refresh_for(dossier_ids=[dossier.pk])
    report = ontime_report(period=Y2024, unit=tree["A"], today=dt.date(2024, 5, 7))
    assert (report.total.extra["received"], report.total.counts.open_in_time) == (1, 1)

    dossier_services.dossier_withdraw(
        dossier=dossier, actor=officer, reason="Công dân xin rút hồ sơ.", at=vn(2024, 5, 7, 9)
    )
    services.facts_refresh_for(dossier_ids=[dossier.pk])
    report = ontime_report(period=Y2024, unit=tree["A"], today=dt.date(2024, 5, 8))
    assert (report.total.extra["withdrawn"], report.total.counts.open) == (1, 0)
    _assert_consistent()
