"""The clock state of a dossier has one home (`dossiers.domain.clockstate.clock_state`) and one
SQL twin (`Dossier.objects.overdue`); the worklist, the API, the dashboard and the reports all
count overdue dossiers through them and give the same figures.

Source of the rule: Decree 61/2018/NĐ-CP art. 19 as amended by Decree 107/2021/NĐ-CP (and
Decree 118/2025/NĐ-CP): the time waiting for the citizen's supplement does not count in the
processing time, so a dossier waiting for it is not overdue (issue 13, item 1).
"""

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.clock.domain.worktime import WorkCalendar
from motcua.dossiers import services
from motcua.dossiers.domain.clockstate import (
    FINISHED,
    NOT_STARTED,
    PAUSED,
    RUNNING,
    clock_state,
)
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossier_worklist
from motcua.reports.domain.periods import Period
from motcua.reports.selectors import ontime_counts_direct, ontime_report, overdue_now

from .conftest import DUE, vn

S = Status
T0 = vn(5, 9)  # Wednesday 5/3/2025 09:00, before the due instant (Thursday 6/3 08:00)
T_AFTER = vn(7, 9)  # Friday 7/3 09:00, after it
NOW = vn(31, 9)  # Monday 31/3 09:00


@pytest.mark.parametrize(
    ("status", "due", "now", "paused_since", "phase", "overdue"),
    [
        # Running: overdue strictly after the due instant.
        (S.PROCESSING, DUE, DUE, None, RUNNING, False),
        (S.PROCESSING, DUE, DUE + dt.timedelta(seconds=1), None, RUNNING, True),
        (S.RECEIVED, DUE, NOW, None, RUNNING, True),
        # The probe: supplement requested 5/3, due 6/3, still waiting on 31/3.
        (S.SUPPLEMENT_REQUESTED, DUE, NOW, T0, PAUSED, False),
        (S.PAYMENT_REQUESTED, DUE, NOW, T0, PAUSED, False),
        # Paused at the due instant itself: not yet late; one second after: late already.
        (S.SUPPLEMENT_REQUESTED, DUE, NOW, DUE, PAUSED, False),
        (S.SUPPLEMENT_REQUESTED, DUE, NOW, DUE + dt.timedelta(seconds=1), PAUSED, True),
        (S.SUPPLEMENT_REQUESTED, DUE, NOW, T_AFTER, PAUSED, True),
        # No open pause recorded (inconsistent row): paused, not late.
        (S.PAYMENT_REQUESTED, DUE, NOW, None, PAUSED, False),
        # No running clock.
        (S.NEW, None, NOW, None, NOT_STARTED, False),
        (S.RESOLVED, DUE, NOW, None, FINISHED, False),
        (S.RETURNED, DUE, NOW, None, FINISHED, False),
        (S.STOPPED, DUE, NOW, None, FINISHED, False),
        (S.WITHDRAWN, DUE, NOW, None, FINISHED, False),
        (S.NOT_RECEIVED, None, NOW, None, FINISHED, False),
    ],
)
def test_clock_state_table(status, due, now, paused_since, phase, overdue):
    state = clock_state(status=status, due_at=due, now=now, paused_since=paused_since)
    assert (state.phase, state.overdue) == (phase, overdue)
    assert state.remaining_seconds is None  # no calendar given


@pytest.mark.parametrize(
    ("status", "now", "paused_since", "remaining"),
    [
        # Running Wed 5/3 09:00 → due Thu 08:00: 8.5 h Wed... 2.5+4 = 6.5 h Wed, 0.5 h Thu.
        (S.PROCESSING, T0, None, 7 * 3600),
        # Overdue Fri 7/3 09:00: Thu 7.5 h + Fri 1.5 h = 9 working hours past due.
        (S.PROCESSING, T_AFTER, None, -9 * 3600),
        # Paused: the time left is frozen at the pause's start, whatever `now` is.
        (S.SUPPLEMENT_REQUESTED, NOW, T0, 7 * 3600),
        (S.SUPPLEMENT_REQUESTED, NOW, T_AFTER, -9 * 3600),
    ],
)
def test_remaining_working_time(status, now, paused_since, remaining):
    state = clock_state(
        status=status, due_at=DUE, now=now, paused_since=paused_since, calendar=WorkCalendar()
    )
    assert state.remaining_seconds == remaining


@pytest.fixture
def world(receive, processing, people):
    """Eight dossiers of the ward: three overdue by the rule, five not."""
    desk, cv = people["desk"], people["specialist"]

    def assigned():
        d = receive()
        return services.dossier_assign(dossier=d, actor=desk, assignee=cv, at=vn(3, 9))

    waiting = services.dossier_request_supplement(
        dossier=assigned(), actor=cv, reason="Thiếu bản vẽ", at=T0
    )
    waiting_late = services.dossier_request_supplement(
        dossier=assigned(), actor=cv, reason="Thiếu bản vẽ", at=T_AFTER
    )
    paying = services.dossier_request_payment(dossier=assigned(), actor=cv, at=T0)
    resumed = services.dossier_request_supplement(
        dossier=assigned(), actor=cv, reason="Thiếu bản vẽ", at=T0
    )
    resumed = services.dossier_receive_supplement(dossier=resumed, actor=desk, at=vn(24, 9))
    stopped = services.dossier_stop(dossier=assigned(), actor=cv, reason="Không đủ điều kiện")
    fresh = receive(at=timezone.now())
    return {
        "processing": processing,  # running, due 6/3: overdue
        "waiting": waiting,  # paused before due: not overdue
        "waiting_late": waiting_late,  # paused after due: overdue
        "paying": paying,  # paused before due: not overdue
        "resumed": resumed,  # running again, due moved to 25/3: overdue
        "stopped": stopped,
        "fresh": fresh,  # due ahead
    }


EXPECTED = {"processing", "waiting_late", "resumed"}


def test_queryset_twin_agrees_with_the_pure_function_row_by_row(world):
    now = timezone.now()
    by_sql = set(Dossier.objects.overdue(now).values_list("pk", flat=True))
    for name, d in world.items():
        d.refresh_from_db()
        pause = d.pauses.filter(ended_at__isnull=True).first()
        state = clock_state(
            status=d.status,
            due_at=d.due_at,
            now=now,
            paused_since=pause.started_at if pause else None,
        )
        assert state.overdue is (d.pk in by_sql), name
        assert d.is_overdue(now) is state.overdue, name
    assert {n for n, d in world.items() if d.pk in by_sql} == EXPECTED
    not_overdue = set(Dossier.objects.not_overdue(now).values_list("pk", flat=True))
    assert not_overdue == {d.pk for n, d in world.items() if n not in EXPECTED}


def test_the_four_places_give_the_same_overdue_count(world, people):
    supervisor = people["supervisor"]
    codes = {world[n].code for n in EXPECTED}
    # 1. The worklist's "Quá hạn" tab.
    rows = dossier_worklist(user=supervisor, tab="qua-han")
    assert {d.code for d in rows} == codes
    # 2. The API: the overdue filter, and the flag on each row.
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=supervisor)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    body = client.get("/api/v1/ho-so/?overdue=true&page_size=50").json()
    assert body["count"] == len(codes)
    assert {r["code"] for r in body["results"]} == codes
    everything = client.get("/api/v1/ho-so/?page_size=50").json()["results"]
    assert {r["code"] for r in everything if r["overdue"]} == codes
    body = client.get("/api/v1/ho-so/?overdue=false&page_size=50").json()
    assert body["count"] == len(world) - len(codes)
    # 3. The dashboard's "Quá hạn hiện nay".
    assert {d.code for d in overdue_now()} == codes
    # 4. The reports: still open and overdue at the end of today, from the pre-aggregated
    # buckets and from the direct GROUP BY reference.
    today = timezone.localdate()
    period = Period(dt.date(2025, 1, 1), today)
    assert ontime_report(period=period, today=today).total.counts.open_overdue == len(codes)
    (counts, _extra) = ontime_counts_direct(period=period, today=today)[None]
    assert counts.open_overdue == len(codes)


def test_worklist_row_says_paused_not_late(world, people):
    from motcua.dossiers.selectors import clock_state as row_clock

    d = world["waiting"]
    pause = d.pauses.get(ended_at__isnull=True)
    shown = row_clock(d, now=NOW, calendar=WorkCalendar(), open_pause=pause)
    assert shown.kind == "tam-dung"
    assert shown.text == "Tạm dừng, còn 7 giờ làm việc"
    late = world["waiting_late"]
    pause = late.pauses.get(ended_at__isnull=True)
    shown = row_clock(late, now=NOW, calendar=WorkCalendar(), open_pause=pause)
    assert (shown.kind, shown.text) == ("qua-han", "Tạm dừng, đã quá hạn 1 ngày 1 giờ")


def test_supervisor_sees_late_dossiers_without_an_apology(world, people, receive, client):
    """Issue 13 item 4: a dossier that became late without an apology sent before its due
    instant is flagged for the supervisor; an apologised one is late too but not flagged."""
    from motcua.reports.selectors import late_without_apology

    desk, cv = people["desk"], people["specialist"]
    apologised = services.dossier_assign(dossier=receive(), actor=desk, assignee=cv, at=vn(3, 9))
    services.dossier_apologise(
        dossier=apologised, actor=cv, reason="Cần xác minh thêm", new_appointment=vn(12, 16),
        at=vn(5, 9),
    )  # fmt: skip
    assert Dossier.objects.overdue(timezone.now()).filter(pk=apologised.pk).exists()
    flagged = {d.code for d in late_without_apology()}
    assert flagged == {world[n].code for n in EXPECTED}
    client.force_login(people["supervisor"])
    page = client.get("/bao-cao/bang-dieu-khien/").content.decode()
    assert '<span data-testid="kpi-unapologised">3</span>' in page
    for name in EXPECTED:
        assert world[name].code in page
