"""The demo's history cannot drift from the lifecycle: every derived field of the dossiers it
writes in bulk is what the services' own rules give when recomputed from the stored row —
code, clock start and due instant (`dossiers.deadlines`), supplement count and the Decision
766 late flag, every audited event an allowed transition of the workflow table, the apology
rule, and the report's snapshot (`reports.services.snapshot_of`, the clock's classification).
The seed figures themselves are checked in tests/reports/test_du_lieu_mau_thu_dau_mot.py."""

import datetime as dt
import io
from collections import Counter, defaultdict
from types import SimpleNamespace

import pytest

from motcua.clock.domain import startpolicy
from motcua.clock.domain.worktime import classify_finished, repeated_supplements
from motcua.clock.services import to_wall_time
from motcua.demo import catalogue, people, units
from motcua.demo.history import live, load_profile
from motcua.dossiers import deadlines
from motcua.dossiers.domain.codes import dossier_code_parse
from motcua.dossiers.domain.errors import TransitionNotAllowed
from motcua.dossiers.domain.workflow import FINAL_STATES, Action, Status, transition_check
from motcua.dossiers.models import Dossier, DossierCodeSequence, DossierEvent, DossierPause
from motcua.dossiers.services import agency_code_for
from motcua.reports import services as facts
from motcua.reports.models import DossierFactState

N = 4000


@pytest.fixture
def history(db):
    units.load()
    people.load()
    catalogue.load()
    assert load_profile("tdm", dossiers=N, years="2022", stdout=io.StringIO(), progress=False)
    return list(Dossier.objects.select_related("unit__parent", "procedure_version").order_by("pk"))


def _by_dossier(rows):
    out = defaultdict(list)
    for row in rows:
        out[row.dossier_id].append(row)
    return out


def test_history_rows_are_what_the_services_rules_give(history):
    assert len(history) == N
    events = _by_dossier(
        DossierEvent.objects.prefetch_related("actor__groups").order_by("at", "pk")
    )
    pauses = _by_dossier(DossierPause.objects.order_by("started_at"))
    states = {s.dossier_id: s for s in DossierFactState.objects.all()}
    sequences = {(s.agency_code, s.day): s.last for s in DossierCodeSequence.objects.all()}
    calendars = facts.Calendars()
    seen = Counter()
    agencies = {}
    for d in history:
        # the code: the receiving unit's agency, the day, a sequence the table has passed
        agency, day, seq = dossier_code_parse(d.code)
        if d.unit_id not in agencies:
            agencies[d.unit_id] = agency_code_for(d.unit)
        assert agency == agencies[d.unit_id]
        assert seq <= sequences[(agency, day)]
        closed = [(p.started_at, p.ended_at) for p in pauses[d.pk]]
        # supplement count and the national late flag, as `_pause_open` keeps them
        requests = [e for e in events[d.pk] if e.action == Action.REQUEST_SUPPLEMENT]
        assert d.supplement_count == len(requests) == len(closed)
        assert d.is_late_flag == repeated_supplements(d.supplement_count)
        if d.received_at is not None:
            assert day == to_wall_time(d.received_at).date()
            # clock start and due: the services' deadline with the stored pauses
            start = startpolicy.clock_start_instant(
                policy=d.procedure_version.clock_start_policy,
                channel=d.channel,
                received_at=d.received_at,
                submitted_at=d.received_at,
                postmarked_at=d.received_at,
            )
            deadline = deadlines.deadline(
                received_at=start,
                duration_minutes=d.duration_minutes,
                procedure_version=d.procedure_version,
                unit=d.unit,
                pauses=closed,
            )
            assert (d.clock_start, d.due_at) == (deadline.start, deadline.due)
            assert d.duration_minutes == d.procedure_version.legal_minutes
        # every audited event is a transition the workflow table allows, chained
        state = Status.NEW if d.status == Status.NOT_RECEIVED else Status.PROCESSING
        for e in events[d.pk]:
            roles = {g.name for g in e.actor.groups.all()}
            decision = transition_check(
                state=state,
                action=e.action,
                roles=roles,
                reason=e.reason,
                now=e.at,
                due_at=d.due_at,
                supplement_count=e.data.get("supplement_no", 1) - 1,
            )
            assert (e.from_status, e.to_status) == (decision.from_state, decision.to_state)
            if e.action == Action.REQUEST_SUPPLEMENT:
                assert e.data["marks_late"] == decision.marks_late
            state = decision.to_state
            seen[e.action] += 1
        assert d.status in FINAL_STATES or d.status == Status.RESOLVED
        assert (d.returned_at is not None) == (d.status == Status.RETURNED)
        # the apology: before the due instant, once, a later appointment
        apologies = [e for e in events[d.pk] if e.action == Action.APOLOGISE]
        assert d.apologised == bool(apologies)
        if apologies:
            (a,) = apologies
            assert a.at < d.due_at < d.appointment_at
            assert dt.datetime.fromisoformat(a.data["new_appointment"]) == d.appointment_at
        # the report's snapshot: recomputed from the stored row, and the clock's class
        values = {
            "id": d.pk,
            "unit_id": d.unit_id,
            "procedure_version__procedure_id": d.procedure_version.procedure_id,
            "procedure_version__field_id": d.procedure_version.field_id,
            **{name: getattr(d, name) for name in facts.DOSSIER_VALUES[4:]},
        }
        snap = facts.snapshot_of(values, closed, calendars)
        assert facts.state_values(values, snap) == tuple(
            getattr(states[d.pk], c) for c in facts.STATE_COLUMNS
        )
        if d.status in (Status.RESOLVED, Status.RETURNED):
            result = classify_finished(to_wall_time(d.finished_at), to_wall_time(d.due_at))
            assert states[d.pk].result == result
            seen[result] += 1
    # the sample covers every story the generator tells
    for kind in (
        Action.REFUSE,
        Action.REQUEST_SUPPLEMENT,
        Action.RECEIVE_SUPPLEMENT,
        Action.TRANSFER,
        Action.TRANSFER_RETURN,
        Action.APOLOGISE,
        Action.STOP,
        Action.WITHDRAW,
        "truoc_han",
        "dung_han",
        "qua_han",
    ):
        assert seen[kind], kind
    assert any(d.is_late_flag for d in history)


def _draft(**kw):
    at = dt.datetime(2022, 3, 1, 8, 0)
    base = {
        "outcome": "resolved",
        "submitted": at,
        "start": at,
        "due": at + dt.timedelta(days=3),
        "finished": at + dt.timedelta(days=2),
        "returned": None,
        "pauses": [],
        "transfer_to": None,
        "apology_at": None,
        "appointment": None,
        "unit": object(),
    }
    return SimpleNamespace(**(base | kw))


def test_a_story_the_workflow_forbids_fails_the_load():
    reason = {Action.STOP: "Dừng", Action.APOLOGISE: "Xin lỗi"}.get
    life = live(_draft(outcome="stopped"), lambda a: reason(a, ""))
    assert life.status == Status.STOPPED and life.events[0][0] == Action.STOP
    # an apology after the due instant: the services refuse it, so does the demo
    late = _draft(
        apology_at=dt.datetime(2022, 3, 5, 9, 0),
        appointment=dt.datetime(2022, 3, 9),
        finished=dt.datetime(2022, 3, 7, 9, 0),
    )
    with pytest.raises(TransitionNotAllowed, match="trước thời điểm hết hạn"):
        live(late, lambda a: reason(a, ""))
    # a stop without a reason, as the services require one
    with pytest.raises(TransitionNotAllowed, match="lý do"):
        live(_draft(outcome="stopped"), lambda a: "")
