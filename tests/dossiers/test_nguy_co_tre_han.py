"""Early warning "nguy cơ trễ hạn" (issue 13, item 8): learned from closed dossiers, shown in
the worklist and to supervisors by unit, measured on the history."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from motcua.dossiers import services
from motcua.dossiers.domain import earlywarning as ew
from motcua.dossiers.earlywarning import (
    at_risk_by_unit,
    early_warning_evaluate,
    early_warning_learn,
    mark_at_risk,
)
from motcua.dossiers.models import Dossier, EarlyWarningNorm

from .conftest import vn


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [([5, 1, 3, 2, 4], 0.75, 4), ([5, 1, 3, 2, 4], 0.5, 3), ([7], 0.75, 7), ([1, 2], 1, 2)],
)
def test_quantile_nearest_rank(values, q, expected):
    assert ew.quantile(values, q) == expected


def test_learn_needs_enough_samples():
    key = (1, 2, 3)
    samples = [ew.Sample(key, s) for s in (100, 200, 300, 400)]
    assert ew.learn(samples) == {}  # 4 < MIN_SAMPLES
    assert ew.learn([*samples, ew.Sample(key, 500)]) == {key: (400, 5)}


@pytest.mark.parametrize(
    ("remaining", "typical", "risk"),
    [
        (3600, 7200, True),  # 1 h left, its steps typically need 2 h
        (7200, 7200, False),  # exactly enough
        (7200, 3600, False),
        (0, 7200, False),  # already due: overdue, not "at risk"
        (-60, 7200, False),
        (3600, None, False),  # nothing learned for this procedure, unit and step
        (None, 7200, False),  # no running clock
    ],
)
def test_at_risk_table(remaining, typical, risk):
    assert ew.at_risk(remaining_seconds=remaining, typical_seconds=typical) is risk


def test_evaluate_counts_late_flagged_ahead_and_false_flags():
    k = (1, 1, 1)
    norms = {k: (10 * 3600, 9)}  # typically 10 working hours to the result
    day = 8 * 3600
    dossiers = [
        (True, [ew.Checkpoint(k, 9 * 3600)]),  # late, flagged with 9 h (≥ 1 day) left
        (True, [ew.Checkpoint(k, 2 * 3600)]),  # late, flagged too late (2 h left)
        (True, [ew.Checkpoint(k, 20 * 3600)]),  # late, never flagged
        (False, [ew.Checkpoint(k, 5 * 3600)]),  # flagged, ended in time: a false flag
        (False, [ew.Checkpoint(k, 30 * 3600)]),  # not flagged, in time
    ]
    e = ew.evaluate(dossiers, norms, ahead_seconds=day)
    assert (e.late, e.late_flagged_ahead, e.flagged, e.false_flags) == (3, 1, 3, 1)
    assert e.recall == pytest.approx(1 / 3) and e.false_rate == pytest.approx(1 / 3)


@pytest.fixture
def history(receive, people):
    """Five dossiers received Monday 3/3/2025 08:00, assigned at 09:00, resolved Thursday
    16:00 (late: due Thursday 08:00), then five the week after resolved in time."""
    desk, cv = people["desk"], people["specialist"]

    def run(received, assigned, finished):
        d = receive(at=received)
        d = services.dossier_assign(dossier=d, actor=desk, assignee=cv, at=assigned)
        services.dossier_forward(dossier=d, actor=cv, at=finished)
        services.dossier_approve(dossier=d, actor=people["head"], at=finished)
        services.dossier_sign(dossier=d, actor=people["leader"], at=finished)
        return services.dossier_mark_result_ready(dossier=d, actor=people["leader"], at=finished)

    late = [run(vn(3, 8), vn(3, 9), vn(6, 16)) for _ in range(5)]
    in_time = [run(vn(10, 8), vn(10, 9), vn(11, 10)) for _ in range(3)]
    late_again = [run(vn(10, 8), vn(10, 9), vn(13, 16)) for _ in range(2)]
    return late, in_time, late_again


def test_learned_norm_flags_a_running_dossier_in_the_worklist(history, receive, people):
    # One norm per step entered: reception (0) and the five steps of the internal process.
    assert early_warning_learn(until=vn(8, 0)) == 6
    assert sorted(EarlyWarningNorm.objects.values_list("step", flat=True)) == [0, 1, 2, 3, 4, 5]
    norm = EarlyWarningNorm.objects.get(step=2)  # appraisal: the step `assign` leads to
    # Monday 09:00 → Thursday 16:00: 6.5 h + 8 h + 8 h + 7 h = 29.5 working hours.
    assert (norm.typical_seconds, norm.samples) == (int(29.5 * 3600), 5)
    d = services.dossier_assign(
        dossier=receive(at=vn(17, 8)), actor=people["desk"], assignee=people["specialist"],
        at=vn(17, 9),
    )  # fmt: skip
    from motcua.clock.domain.worktime import WorkCalendar

    rows = list(Dossier.objects.filter(pk=d.pk).select_related("procedure_version"))
    # Tuesday 18/3 09:00: 15 working hours left before Thursday 08:00 < 29.5 h: at risk.
    mark_at_risk(rows, now=vn(18, 9), calendar=WorkCalendar())
    assert rows[0].at_risk is True
    # Monday 17/3 09:00: 23 h left, still less than 29.5 h; a norm of another step: no flag.
    EarlyWarningNorm.objects.filter(step=2).update(typical_seconds=20 * 3600)
    mark_at_risk(rows, now=vn(17, 9), calendar=WorkCalendar())
    assert rows[0].at_risk is False
    # The supervisor's list by unit (now = Tuesday 18/3 09:00, norm 20 h > 15 h left).
    groups = at_risk_by_unit(unit_ids=None, now=vn(18, 9))
    assert [(u.code, [x.code for x in ds]) for u, ds in groups] == [("25741.MC", [d.code])]


def test_worklist_shows_the_flag(history, receive, people, client):
    early_warning_learn(until=vn(8, 0))
    EarlyWarningNorm.objects.filter(step=2).update(typical_seconds=10**8)  # always at risk
    d = services.dossier_assign(
        dossier=receive(at=dt.datetime.now(tz=vn(3, 8).tzinfo)), actor=people["desk"],
        assignee=people["specialist"],
    )  # fmt: skip
    client.force_login(people["specialist"])
    page = client.get("/ho-so/", {"loc": "can-xu-ly"}).content.decode()
    assert d.code in page
    assert 'data-testid="nguy-co">Nguy cơ trễ hạn</strong>' in page


def test_evaluation_on_the_history(history):
    # Learn on the five late dossiers of the first week; test on the second week: 2 late
    # ones flagged when entering step 2 with 23 h left (≥ 1 day), 3 in-time ones flagged too.
    e = early_warning_evaluate(split=vn(8, 0))
    assert (e.late, e.late_flagged_ahead, e.flagged, e.false_flags) == (2, 2, 5, 3)
    out = StringIO()
    call_command("early-warning", "evaluate", "--split", "2025-03-08", stdout=out)
    assert "Hồ sơ trễ hạn (sau 08/03/2025): 2; được cảnh báo trước ≥ 1 ngày làm việc: 2" in (
        out.getvalue()
    )
    assert "cảnh báo sai (xong đúng hạn): 3 (60,0%)" in out.getvalue()


def test_command_refuses_bad_input(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("early-warning", "evaluate", "--split", "31/3/2025\x00")
    with pytest.raises(CommandError, match="--split"):
        call_command("early-warning", "evaluate")
