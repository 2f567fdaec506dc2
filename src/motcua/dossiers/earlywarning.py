"""Early warning "nguy cơ trễ hạn": learn the norms from closed dossiers, flag running ones,
and measure the rule on the history (`motcua early-warning`). The rule itself is the pure
`domain.earlywarning`; the clock state (working time left) is `domain.clockstate`'s.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.utils import timezone

from motcua.clock.selectors import work_calendar_for
from motcua.clock.services import to_wall_time
from motcua.core import clock as system_clock
from motcua.dossiers.domain import earlywarning as ew
from motcua.dossiers.domain.clockstate import clock_state
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier, DossierEvent, DossierPause, EarlyWarningNorm

RESOLVED = [Status.RESOLVED, Status.RETURNED]


class _Calendars:
    def __init__(self) -> None:
        self._by_unit: dict[int, object] = {}

    def get(self, unit):
        cal = self._by_unit.get(unit.pk)
        if cal is None:
            cal = self._by_unit[unit.pk] = work_calendar_for(unit)
        return cal


def _history(qs) -> Iterator[tuple[Dossier, list[tuple[int, dt.datetime]], list[tuple]]]:
    """Closed (resolved) dossiers with their step entries and pauses, in batches."""
    last = 0
    while True:
        batch = list(
            qs.filter(pk__gt=last).select_related("unit", "procedure_version").order_by("pk")[:2000]
        )
        if not batch:
            return
        last = batch[-1].pk
        ids = [d.pk for d in batch]
        entries: dict[int, list] = defaultdict(list)
        for e in DossierEvent.objects.filter(dossier_id__in=ids, to_step__isnull=False).values(
            "dossier_id", "to_step", "at"
        ):
            entries[e["dossier_id"]].append((e["to_step"], e["at"]))
        pauses: dict[int, list] = defaultdict(list)
        for p in DossierPause.objects.filter(dossier_id__in=ids).values(
            "dossier_id", "started_at", "ended_at"
        ):
            pauses[p["dossier_id"]].append((p["started_at"], p["ended_at"]))
        for d in batch:
            steps = [
                (0, d.clock_start or d.received_at),
                *sorted(entries[d.pk], key=lambda x: x[1]),
            ]
            yield d, steps, pauses[d.pk]


def _walk(qs, calendars: _Calendars):
    """(dossier, late?, samples, checkpoints) for each closed dossier of `qs`."""
    for d, steps, pauses in _history(qs):
        if d.due_at is None or d.finished_at is None:
            continue
        cal = calendars.get(d.unit)
        wall_pauses = [(to_wall_time(a), to_wall_time(b or d.finished_at)) for a, b in pauses]
        finished, due = to_wall_time(d.finished_at), to_wall_time(d.due_at)
        samples, checkpoints = [], []
        for step, at in steps:
            if at is None or at > d.finished_at:
                continue
            key = (d.procedure_version.procedure_id, d.unit_id, step)
            start = to_wall_time(at)
            samples.append(ew.Sample(key, cal.elapsed_seconds(start, finished, wall_pauses)))
            left = cal.elapsed_seconds(start, due) if start < due else 0
            checkpoints.append(ew.Checkpoint(key, left))
        yield d, d.finished_at > d.due_at, samples, checkpoints


def _closed(until: dt.datetime | None = None, since: dt.datetime | None = None):
    qs = Dossier.objects.filter(status__in=RESOLVED, finished_at__isnull=False)
    if until is not None:
        qs = qs.filter(finished_at__lt=until)
    if since is not None:
        qs = qs.filter(finished_at__gte=since)
    return qs


@transaction.atomic
def early_warning_learn(*, until: dt.datetime | None = None, q: float = ew.QUANTILE) -> int:
    """Replace the norms with those learned from dossiers resolved before `until` (all when
    None). Returns the number of norms."""
    calendars = _Calendars()
    samples: list[ew.Sample] = []
    for _d, _late, s, _c in _walk(_closed(until), calendars):
        samples.extend(s)
    norms = ew.learn(samples, q=q)
    EarlyWarningNorm.objects.all().delete()
    now = timezone.now()
    EarlyWarningNorm.objects.bulk_create(
        EarlyWarningNorm(
            procedure_id=p, unit_id=u, step=step, typical_seconds=t, samples=n, learned_at=now
        )
        for (p, u, step), (t, n) in norms.items()
    )
    return len(norms)


def early_warning_evaluate(*, split: dt.datetime, q: float = ew.QUANTILE) -> ew.Evaluation:
    """Learn on the dossiers resolved before `split`, measure on those resolved after it."""
    calendars = _Calendars()
    samples = [s for *_x, ss, _c in _walk(_closed(until=split), calendars) for s in ss]
    norms = ew.learn(samples, q=q)
    tested = ((late, c) for _d, late, _s, c in _walk(_closed(since=split), calendars))
    return ew.evaluate(tested, norms)


def norms_for(keys: Iterable[tuple[int, int, int]]) -> dict[tuple[int, int, int], int]:
    """{(procedure, unit, step): typical seconds} for these keys (one query)."""
    keys = set(keys)
    if not keys:
        return {}
    procs = {k[0] for k in keys}
    rows = EarlyWarningNorm.objects.filter(procedure_id__in=procs).values_list(
        "procedure_id", "unit_id", "step", "typical_seconds"
    )
    return {(p, u, s): t for p, u, s, t in rows if (p, u, s) in keys}


def mark_at_risk(rows: list[Dossier], *, now: dt.datetime, calendar) -> None:
    """Set `at_risk` on each worklist row (one query for the page's norms)."""
    keys = {(d.procedure_version.procedure_id, d.unit_id, d.current_step): d for d in rows}
    norms = norms_for(keys)
    for d in rows:
        typical = norms.get((d.procedure_version.procedure_id, d.unit_id, d.current_step))
        state = clock_state(status=d.status, due_at=d.due_at, now=now, calendar=calendar)
        d.at_risk = ew.at_risk(remaining_seconds=state.remaining_seconds, typical_seconds=typical)


def at_risk_by_unit(*, unit_ids: list[int] | None, now: dt.datetime | None = None):
    """Running, not yet overdue dossiers at risk, by receiving unit: [(unit, [dossiers])]."""
    now = now or system_clock.now()
    qs = Dossier.objects.clock_running().filter(due_at__gte=now)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    rows = list(qs.select_related("unit", "procedure_version").order_by("due_at")[:5000])
    calendars = _Calendars()
    by_unit: dict[int, list[Dossier]] = defaultdict(list)
    units = {}
    norms = norms_for((d.procedure_version.procedure_id, d.unit_id, d.current_step) for d in rows)
    for d in rows:
        typical = norms.get((d.procedure_version.procedure_id, d.unit_id, d.current_step))
        if typical is None:
            continue
        state = clock_state(
            status=d.status, due_at=d.due_at, now=now, calendar=calendars.get(d.unit)
        )
        if ew.at_risk(remaining_seconds=state.remaining_seconds, typical_seconds=typical):
            by_unit[d.unit_id].append(d)
            units[d.unit_id] = d.unit
    return [(units[u], ds) for u, ds in sorted(by_unit.items(), key=lambda x: units[x[0]].name)]
