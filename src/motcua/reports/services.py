"""Keep the report's pre-aggregated counts in step with the dossiers.

- `facts_refresh_for(dossier_ids=...)`: the hook the dossier services call at the end of each
  transition, inside their transaction. It recomputes those dossiers' snapshots, and adds to
  the buckets the difference between the new and the old contribution (an UPSERT that adds,
  so concurrent refreshes of different dossiers never lose a count; the snapshot row is locked,
  so two refreshes of the same dossier queue).
- `facts_rebuild()`: recompute everything from the dossiers (`motcua report rebuild-facts`),
  after a bulk import or to repair.

The classification is the clock's (`WorkCalendar.classify_finished`, finished against due in
Vietnamese wall time), the processing time the clock's working seconds from the clock start to
the result, pauses excluded.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import connection, transaction

from motcua.clock.domain.worktime import (
    DUNG_HAN,
    QUA_HAN,
    SUPPLEMENT_REQUESTS_IN_TIME,
    TRUOC_HAN,
    WorkCalendar,
    merge_pauses,
)
from motcua.clock.selectors import work_calendar_for
from motcua.clock.services import to_wall_time
from motcua.dossiers.domain.clockstate import PAUSED, clock_state
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier, DossierPause
from motcua.org.models import OrgUnit
from motcua.reports.bulk import insert_rows
from motcua.reports.domain import facts as F
from motcua.reports.models import DossierFact, DossierFactState

SNAPSHOT_FIELDS = (
    "outcome",
    "received_day",
    "closed_day",
    "due_day",
    "returned_day",
    "result",
    "supplement_count",
    "assisted",
    "apologised",
    "processing_seconds",
)
DOSSIER_VALUES = (
    "id",
    "unit_id",
    "procedure_version__procedure_id",
    "procedure_version__field_id",
    "channel",
    "status",
    "received_at",
    "clock_start",
    "due_at",
    "finished_at",
    "returned_at",
    "supplement_count",
    "assisted_by_id",
    "apologised",
)
STATE_COLUMNS = ("dossier_id", "unit_id", "procedure_id", "field_id", "channel", *SNAPSHOT_FIELDS)
RESOLVED_STATUSES = (Status.RESOLVED, Status.RETURNED)
CLOSED_OUTCOMES = {
    Status.NOT_RECEIVED: F.REFUSED,
    Status.STOPPED: F.STOPPED,
    Status.WITHDRAWN: F.WITHDRAWN,
    Status.RESOLVED: F.RESOLVED,
    Status.RETURNED: F.RESOLVED,
}


# `clock.domain.worktime.repeated_supplements` as SQL over `supplement_count` (checked against
# the function in tests/reports/test_quy_tac_mot_noi_sql.py).
REPEATED_SUPPLEMENTS_SQL = f"supplement_count > {int(SUPPLEMENT_REQUESTS_IN_TIME)}"


class Calendars:
    """The legal calendar of each receiving unit, built once per batch."""

    def __init__(self) -> None:
        self._by_unit: dict[int, WorkCalendar] = {}

    def for_unit(self, unit_id: int) -> WorkCalendar:
        cal = self._by_unit.get(unit_id)
        if cal is None:
            unit = OrgUnit.objects.select_related("parent").get(pk=unit_id)
            cal = self._by_unit[unit_id] = work_calendar_for(unit)
        return cal


def _day(moment: dt.datetime | None) -> dt.date | None:
    return None if moment is None else to_wall_time(moment).date()


def snapshot_of(row: dict, pauses: Iterable[tuple], calendars: Calendars) -> F.Snapshot:
    """The report's view of one dossier (`row`: the `DOSSIER_VALUES` of it)."""
    status = Status(row["status"])
    outcome = CLOSED_OUTCOMES.get(status, F.OPEN)
    finished = row["finished_at"]
    if outcome != F.OPEN and finished is None:  # inconsistent row: count it as still open
        outcome = F.OPEN
    result, seconds = "", None
    if (
        outcome in (F.STOPPED, F.WITHDRAWN)
        and row["due_at"] is not None
        and row["received_at"] is not None
    ):
        cal = calendars.for_unit(row["unit_id"])
        result = cal.classify_finished(to_wall_time(finished), to_wall_time(row["due_at"]))
    if outcome == F.RESOLVED:
        if row["due_at"] is None:
            outcome = F.OPEN
        else:
            cal = calendars.for_unit(row["unit_id"])
            fin, due = to_wall_time(finished), to_wall_time(row["due_at"])
            result = cal.classify_finished(fin, due)
            if row["clock_start"] is not None:
                wall = [(to_wall_time(a), to_wall_time(b or finished)) for a, b in pauses]
                seconds = cal.elapsed_seconds(
                    to_wall_time(row["clock_start"]), fin, merge_pauses(wall)
                )
    due_day = _day(row["due_at"]) if row["received_at"] else None
    if outcome == F.OPEN and row["due_at"] is not None:
        # The clock state's rule: a dossier paused before it was late is not overdue while it
        # waits; its due day is unknown until the pause ends and moves it.
        paused_since = max((a for a, b in pauses if b is None), default=None)
        state = clock_state(
            status=status, due_at=row["due_at"], now=row["due_at"], paused_since=paused_since
        )
        if state.phase == PAUSED and not state.overdue:
            due_day = None
    return F.Snapshot(
        channel=row["channel"],
        outcome=outcome,
        received_day=_day(row["received_at"]),
        closed_day=_day(finished) if outcome != F.OPEN else None,
        due_day=due_day,
        returned_day=_day(row["returned_at"]),
        result=result,
        supplement_count=row["supplement_count"] or 0,
        assisted=row["assisted_by_id"] is not None,
        apologised=bool(row["apologised"]),
        processing_seconds=seconds,
    )


Key = tuple[int, dt.date, int, int, int, int]  # grain, start, unit, procedure, field, channel


def _accumulate(
    acc: dict[Key, dict[str, int]], dims: tuple[int, int, int, int], snap: F.Snapshot, sign: int
) -> None:
    for day, counter, amount in F.contribution(snap):
        for grain, start in F.bucket_starts(day):
            acc[(grain, start, *dims)][counter] += sign * amount


def _new_acc() -> dict[Key, dict[str, int]]:
    return defaultdict(lambda: defaultdict(int))


_COLUMNS = ("grain", "start", "unit_id", "procedure_id", "field_id", "channel", *F.COUNTERS)


def _upsert_sql() -> str:
    table = DossierFact._meta.db_table
    qn = connection.ops.quote_name
    cols = ", ".join(qn(c) for c in _COLUMNS)
    marks = ", ".join(["%s"] * len(_COLUMNS))
    adds = ", ".join(f"{qn(c)} = {table}.{qn(c)} + excluded.{qn(c)}" for c in F.COUNTERS)
    return (
        f"INSERT INTO {table} ({cols}) VALUES ({marks}) "
        "ON CONFLICT (grain, start, unit_id, procedure_id, field_id, channel) "
        f"DO UPDATE SET {adds}"
    )


def _flush(acc: dict[Key, dict[str, int]]) -> int:
    """Add the accumulated amounts to the buckets (creating missing ones)."""
    rows = []
    for key, amounts in acc.items():
        values = [amounts.get(c, 0) for c in F.COUNTERS]
        if any(values):
            rows.append((*key, *values))
    if rows and connection.vendor == "postgresql" and len(rows) > 50:
        _flush_copy(rows)
    elif rows:
        with connection.cursor() as cursor:
            cursor.executemany(_upsert_sql(), rows)
    return len(rows)


def _flush_copy(rows: list[tuple]) -> None:
    """PostgreSQL, large batches: COPY into a temporary table, then one upsert that adds."""
    table = DossierFact._meta.db_table
    qn = connection.ops.quote_name
    cols = ", ".join(qn(c) for c in _COLUMNS)
    adds = ", ".join(f"{qn(c)} = {table}.{qn(c)} + excluded.{qn(c)}" for c in F.COUNTERS)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS reports_fact_load")
        cursor.execute(
            f"CREATE TEMPORARY TABLE reports_fact_load ON COMMIT DROP AS "
            f"SELECT {cols} FROM {table} WITH NO DATA"
        )
        with cursor.cursor.copy(f"COPY reports_fact_load ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(
            f"INSERT INTO {table} ({cols}) SELECT {cols} FROM reports_fact_load "
            "ON CONFLICT (grain, start, unit_id, procedure_id, field_id, channel) "
            f"DO UPDATE SET {adds}"
        )


def _pauses_for(ids: list[int]) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = defaultdict(list)
    qs = DossierPause.objects.filter(dossier_id__in=ids).values_list(
        "dossier_id", "started_at", "ended_at"
    )
    for dossier_id, start, end in qs:
        out[dossier_id].append((start, end))
    return out


def _state_row(row: dict, snap: F.Snapshot) -> DossierFactState:
    return DossierFactState(
        dossier_id=row["id"],
        unit_id=row["unit_id"],
        procedure_id=row["procedure_version__procedure_id"],
        field_id=row["procedure_version__field_id"] or 0,
        channel=row["channel"],
        **{name: getattr(snap, name) for name in SNAPSHOT_FIELDS},
    )


def _snapshot_from_state(state: DossierFactState) -> F.Snapshot:
    return F.Snapshot(
        channel=state.channel, **{name: getattr(state, name) for name in SNAPSHOT_FIELDS}
    )


def _dims(row: dict) -> tuple[int, int, int, int]:
    return (
        row["unit_id"],
        row["procedure_version__procedure_id"],
        row["procedure_version__field_id"] or 0,
        row["channel"],
    )


def state_values(row: dict, snap: F.Snapshot) -> tuple:
    """The `DossierFactState` row (in `STATE_COLUMNS` order) of a dossier (`row`: its
    `DOSSIER_VALUES`) and its snapshot: what `facts_rebuild` writes, and the demo loader
    writes beside the dossiers it loads in bulk."""
    return (row["id"], *_dims(row), *(getattr(snap, n) for n in SNAPSHOT_FIELDS))


@transaction.atomic(savepoint=False)
def on_dossier_changed(*, dossier, **_: object) -> None:
    """`core.events.DOSSIER_CHANGED` subscriber: keep this dossier's counts in step. Runs in
    the transition's transaction (no savepoint of its own: a failure fails the transition)."""
    facts_refresh_for(dossier_ids=[dossier.pk])


def facts_refresh_for(*, dossier_ids: Iterable[int]) -> int:
    """Bring the report's counts in step with these dossiers' current state.

    Call it at the end of every dossier transition, in the same transaction. Returns the
    number of bucket rows touched."""
    ids = sorted(set(dossier_ids))
    if not ids:
        return 0
    old = {
        s.dossier_id: s
        for s in DossierFactState.objects.select_for_update().filter(dossier_id__in=ids)
    }
    rows = list(Dossier.objects.filter(pk__in=ids).values(*DOSSIER_VALUES))
    pauses = _pauses_for(ids)
    calendars = Calendars()
    acc = _new_acc()
    states = []
    for row in rows:
        snap = snapshot_of(row, pauses.get(row["id"], ()), calendars)
        previous = old.get(row["id"])
        if previous is not None:
            old_dims = (
                previous.unit_id,
                previous.procedure_id,
                previous.field_id,
                previous.channel,
            )
            _accumulate(acc, old_dims, _snapshot_from_state(previous), -1)
        _accumulate(acc, _dims(row), snap, +1)
        states.append(_state_row(row, snap))
    DossierFactState.objects.bulk_create(
        states,
        update_conflicts=True,
        unique_fields=["dossier"],
        update_fields=["unit_id", "procedure_id", "field_id", "channel", *SNAPSHOT_FIELDS],
    )
    return _flush(acc)


def facts_rebuild(
    *,
    batch_size: int = 20_000,
    progress: Callable[[int, int], None] | None = None,
    dossier_filter: dict | None = None,
) -> int:
    """Recompute all counts from the dossiers (or add those matching `dossier_filter`, which
    must not have been counted yet — the demo loader's new dossiers). Returns dossiers counted.
    """
    qs = Dossier.objects.all()
    with transaction.atomic():
        if dossier_filter is None:
            DossierFact.objects.all().delete()
            DossierFactState.objects.all().delete()
        else:
            qs = qs.filter(**dossier_filter)
        total = qs.count()
        done, last_id = 0, 0
        calendars = Calendars()
        while True:
            rows = list(
                qs.filter(pk__gt=last_id).order_by("pk").values(*DOSSIER_VALUES)[:batch_size]
            )
            if not rows:
                break
            last_id = rows[-1]["id"]
            ids = [r["id"] for r in rows]
            pauses = _pauses_for(ids)
            acc = _new_acc()
            states = []
            for row in rows:
                snap = snapshot_of(row, pauses.get(row["id"], ()), calendars)
                _accumulate(acc, _dims(row), snap, +1)
                states.append(state_values(row, snap))
            insert_rows(DossierFactState, STATE_COLUMNS, states)
            _flush(acc)
            done += len(rows)
            if progress:
                progress(done, total)
    return done


def progress_bar(label: str, stream=None) -> Callable[[int, int], None]:
    """A one-line text progress bar on stderr: `label [#####.....] 52% 41.600/80.000`."""
    stream = stream or sys.stderr

    def show(done: int, total: int) -> None:
        width = 30
        frac = done / total if total else 1
        bar = "#" * int(width * frac) + "." * (width - int(width * frac))
        counts = f"{done:,}/{total:,}".replace(",", ".")
        stream.write(f"\r{label} [{bar}] {int(frac * 100):3d}% {counts}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


def _fact_parts() -> list[tuple[str, str, dict[str, str]]]:
    """`domain.facts.contribution` as SQL over `DossierFactState`: (day expression, condition,
    {counter: amount expression}) for each day a dossier adds to. Every part adds at least one
    non-zero counter, so no all-zero bucket is created (as `_flush` skips them)."""
    repeated = REPEATED_SUPPLEMENTS_SQL
    rep = f"({repeated})::int"
    closing = f"outcome IN ('{F.RESOLVED}', '{F.STOPPED}', '{F.WITHDRAWN}')"
    resolved = f"outcome = '{F.RESOLVED}'"
    counted = f"outcome <> '{F.REFUSED}' AND received_day IS NOT NULL"
    unresolved = f"outcome IN ('{F.STOPPED}', '{F.WITHDRAWN}') AND received_day IS NOT NULL"
    return [
        ("closed_day", f"outcome = '{F.REFUSED}'", {"refused": "1"}),
        (
            "received_day",
            counted,
            {
                "received": "1",
                "received_online": "(channel = 2)::int",
                "received_postal": "(channel = 3)::int",
                "received_assisted": "assisted::int",
                "received_supplement": "(supplement_count > 0)::int",
                "supplement_requests": "supplement_count",
                "received_apologised": "apologised::int",
                "open_in": "1",
                "rep_open_in": rep,
            },
        ),
        (
            "closed_day",
            closing,
            {
                "resolved_early": f"({resolved} AND result = '{TRUOC_HAN}')::int",
                "resolved_on_time": f"({resolved} AND result = '{DUNG_HAN}')::int",
                "resolved_late": (
                    f"({resolved} AND result NOT IN ('{TRUOC_HAN}', '{DUNG_HAN}'))::int"
                ),
                "resolved_in_time_repeated": (
                    f"({resolved} AND {repeated} AND result <> '{QUA_HAN}')::int"
                ),
                "processing_seconds": (
                    f"CASE WHEN {resolved} THEN COALESCE(processing_seconds, 0) ELSE 0 END"
                ),
                "processing_timed": f"({resolved} AND processing_seconds IS NOT NULL)::int",
                "ended_unresolved": f"({unresolved})::int",
                "ended_unresolved_in_time": (
                    f"({unresolved} AND result IN ('{TRUOC_HAN}', '{DUNG_HAN}') "
                    f"AND NOT ({repeated}))::int"
                ),
                "stopped": f"(outcome = '{F.STOPPED}')::int",
                "withdrawn": f"(outcome = '{F.WITHDRAWN}')::int",
                "open_out": "(received_day IS NOT NULL)::int",
                "rep_open_out": f"(received_day IS NOT NULL AND {repeated})::int",
            },
        ),
        (
            "returned_day",
            f"outcome <> '{F.REFUSED}' AND returned_day IS NOT NULL",
            {"returned": "1"},
        ),
        ("due_day", f"{counted} AND due_day IS NOT NULL", {"due_in": "1", "rep_due_in": rep}),
        (
            "GREATEST(due_day, closed_day)",
            f"{counted} AND due_day IS NOT NULL AND {closing}",
            {"due_out": "1", "rep_due_out": rep},
        ),
    ]


def facts_add_from_states(*, first_dossier_id: int) -> int:
    """PostgreSQL, bulk loads: add to the buckets the contributions of the dossiers from
    `first_dossier_id` on, whose `DossierFactState` rows were written by the loader (not yet
    counted), with set-based SQL instead of per-dossier Python — the same arithmetic as
    `domain.facts.contribution` (tests compare the buckets with `facts_rebuild`'s).
    Returns the number of bucket rows inserted or updated."""
    if connection.vendor != "postgresql":
        raise NotImplementedError("facts_add_from_states: PostgreSQL only")
    table = DossierFact._meta.db_table
    state = DossierFactState._meta.db_table
    dims = "unit_id, procedure_id, field_id, channel"
    selects = []
    for day, where, amounts in _fact_parts():
        values = ", ".join(f"{amounts.get(c, '0')}::bigint AS {c}" for c in F.COUNTERS)
        selects.append(
            f"SELECT {day} AS day, {dims}, {values} FROM {state} "
            f"WHERE dossier_id >= %(first)s AND {where}"
        )
    sums = ", ".join(f"SUM({c})::bigint AS {c}" for c in F.COUNTERS)
    cols = ", ".join(("grain", "start", *dims.split(", "), *F.COUNTERS))
    adds = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in F.COUNTERS)
    conflict = (
        f"ON CONFLICT (grain, start, unit_id, procedure_id, field_id, channel) DO UPDATE SET {adds}"
    )
    touched = 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")  # one hash aggregate, not a disk sort
        cursor.execute("DROP TABLE IF EXISTS reports_fact_day")
        cursor.execute(
            "CREATE TEMPORARY TABLE reports_fact_day ON COMMIT DROP AS "
            f"SELECT day, {dims}, {sums} FROM ({' UNION ALL '.join(selects)}) AS parts "
            f"GROUP BY day, {dims}",
            {"first": first_dossier_id},
        )
        for grain, start in (
            (F.DAY, "day"),
            (F.MONTH, "date_trunc('month', day)::date"),
            (F.YEAR, "date_trunc('year', day)::date"),
        ):
            cursor.execute(
                f"INSERT INTO {table} ({cols}) SELECT {grain}, {start}, {dims}, {sums} "
                f"FROM reports_fact_day GROUP BY 1, 2, {dims} {conflict}"
            )
            touched += cursor.rowcount
        cursor.execute("DROP TABLE reports_fact_day")
    return touched
