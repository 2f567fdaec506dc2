"""Reads for reports: the on-time report from the pre-aggregated buckets, the same numbers by a
plain GROUP BY over the dossier table (the oracle of the tests and the benchmark), and the
supervision lists.

The report reads two sets of buckets (`domain/facts.py`): the period's own buckets for what
happened in it, and the buckets from the beginning of time to its end for what was still open
then. Each is one query whatever the number of dossiers; units, procedures and fields are
labelled with one more query each.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_
from zoneinfo import ZoneInfo

from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.db.models import F as Col
from django.db.models.functions import TruncDate
from django.db.models.lookups import GreaterThanOrEqual, LessThan
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.catalogue.models import Field, ProcedureVersion
from motcua.clock.domain.worktime import SUPPLEMENT_REQUESTS_IN_TIME
from motcua.core import clock as system_clock
from motcua.dossiers.domain.workflow import CHANNEL_LABELS, Channel, Status
from motcua.dossiers.models import Dossier, DossierEvent, DossierQuerySet, paused_values
from motcua.org.models import OrgUnit
from motcua.org.selectors import unit_administrative, unit_successors_on
from motcua.reports.domain import facts as F
from motcua.reports.domain.ontime import OnTimeCounts
from motcua.reports.domain.periods import Period
from motcua.reports.models import DossierFact

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ORIGIN = dt.date(1990, 1, 1)  # stocks are summed from here
SECONDS_PER_WORKING_DAY = 8 * 3600

GROUPS = {
    "unit": _("Đơn vị"),
    "procedure": _("Thủ tục"),
    "field": _("Lĩnh vực"),
    "channel": _("Kênh nộp"),
}
_DIM_COLUMN = {"procedure": "procedure_id", "field": "field_id", "channel": "channel"}

# Extra counts shown beside the on-time figures (name → Vietnamese header).
EXTRA_LABELS = {
    "received": "Tiếp nhận",
    "received_online": "Trực tuyến",
    "received_postal": "Bưu chính",
    "received_assisted": "Tổ CNS hỗ trợ",
    "received_supplement": "Có yêu cầu bổ sung",
    "supplement_requests": "Số lần yêu cầu bổ sung",
    "received_apologised": "Có thư xin lỗi",
    "refused": "Không tiếp nhận",
    "stopped": _("Dừng xử lý"),
    "withdrawn": "Rút hồ sơ",
    "returned": "Đã trả kết quả",
}


@dataclass
class ReportRow:
    key: object
    label: str
    counts: OnTimeCounts
    extra: dict[str, int]
    code: str = ""  # unit code, procedure code... for drill-down links

    @property
    def received(self) -> int:
        return self.extra.get("received", 0)


@dataclass
class OnTimeReport:
    period: Period
    as_of: dt.date  # the day whose end the "still open" figures describe
    unit: OrgUnit | None
    group_by: str
    rows: list[ReportRow]
    total: ReportRow
    successors_on: dt.date | None = None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        def row(r: ReportRow) -> dict:
            c = r.counts
            return {
                "key": r.code or (str(r.key) if r.key is not None else ""),
                "label": str(r.label),
                **r.extra,
                "resolved": c.resolved,
                "resolved_early": c.resolved_early,
                "resolved_on_time": c.resolved_on_time,
                "resolved_late": c.resolved_late,
                "open": c.open,
                "open_in_time": c.open_in_time,
                "open_overdue": c.open_overdue,
                "seed_rate": _num(c.seed_rate),
                "national_rate": _num(c.national_rate),
                "average_processing_days": _num(c.average_processing_days),
            }

        return {
            "period": {
                "from": self.period.first.isoformat(),
                "to": self.period.last.isoformat(),
                "label": self.period.label,
            },
            "as_of": self.as_of.isoformat(),
            "unit": self.unit.code if self.unit else None,
            "group_by": self.group_by,
            "successors_on": self.successors_on.isoformat() if self.successors_on else None,
            "total": row(self.total),
            "rows": [row(r) for r in self.rows],
        }


def _num(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


# ---- bucket queries ------------------------------------------------------------------------


def _buckets_q(first: dt.date, last: dt.date) -> Q:
    parts = F.decompose(first, last)
    qs = []
    if parts[F.YEAR]:
        qs.append(Q(grain=F.YEAR, start__in=parts[F.YEAR]))
    if parts[F.MONTH]:
        qs.append(Q(grain=F.MONTH, start__in=parts[F.MONTH]))
    for a, b in F.day_runs(parts[F.DAY]):
        qs.append(Q(grain=F.DAY, start__range=(a, b)))
    return reduce(or_, qs) if qs else Q(pk__in=[])


def _sums(q: Q, counters: tuple[str, ...], dims: tuple[str, ...], unit_ids) -> dict:
    qs = DossierFact.objects.filter(q)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    rows = qs.values(*dims).annotate(**{f"s_{c}": Sum(c) for c in counters}).order_by()
    return {tuple(r[d] for d in dims): {c: r[f"s_{c}"] or 0 for c in counters} for r in rows}


def counts_from(sums: dict[str, int]) -> tuple[OnTimeCounts, dict[str, int]]:
    """OnTimeCounts and extra counts from summed counters (flows of the period, stocks to its
    end)."""
    g = defaultdict(int, sums)
    open_total = g["open_in"] - g["open_out"]
    overdue = g["due_in"] - g["due_out"]
    rep_open = g["rep_open_in"] - g["rep_open_out"]
    rep_overdue = g["rep_due_in"] - g["rep_due_out"]
    counts = OnTimeCounts(
        resolved_early=g["resolved_early"],
        resolved_on_time=g["resolved_on_time"],
        resolved_late=g["resolved_late"],
        open_in_time=open_total - overdue,
        open_overdue=overdue,
        resolved_in_time_repeated_supplements=g["resolved_in_time_repeated"],
        open_in_time_repeated_supplements=rep_open - rep_overdue,
        processing_working_days=Decimal(g["processing_seconds"]) / SECONDS_PER_WORKING_DAY,
        processing_timed=g["processing_timed"],
        ended_unresolved=g["ended_unresolved"],
        ended_unresolved_in_time=g["ended_unresolved_in_time"],
        refused=g["refused"],
    )
    return counts, {k: g[k] for k in EXTRA_LABELS}


# ---- units ----------------------------------------------------------------------------------


class _Units:
    """The unit tree loaded once: ids under a unit, the row a unit rolls up to, successors."""

    def __init__(self) -> None:
        fields = ("code", "name", "kind", "path", "parent_id", "valid_from", "valid_to")
        self.by_id = {u.pk: u for u in OrgUnit.objects.only(*fields)}
        self._succ: dict[tuple[int, dt.date], OrgUnit | None] = {}

    def under(self, unit: OrgUnit | None) -> list[int] | None:
        if unit is None:
            return None
        return [pk for pk, u in self.by_id.items() if u.path.startswith(unit.path)]

    def successor(self, unit_id: int, day: dt.date) -> OrgUnit | None:
        """The administrative unit carrying on `unit_id`'s work on `day` (a split unit's
        work goes to its first successor by code); None if dissolved without one."""
        key = (unit_id, day)
        if key not in self._succ:
            unit = self.by_id[unit_id]
            found = unit_successors_on(unit=unit, day=day)
            if not found and not unit.is_administrative:
                # A desk or department without successors of its own: its ward's successor.
                found = unit_successors_on(unit=unit_administrative(unit=unit), day=day)
            self._succ[key] = unit_administrative(unit=found[0]) if found else None
        return self._succ[key]

    def row_unit(self, unit: OrgUnit, top: OrgUnit | None) -> OrgUnit:
        """The child of `top` (or the root) whose subtree holds `unit`; `top` itself for a
        dossier received by `top` directly. Bodies (desks, departments) of an administrative
        unit roll up into it."""
        chain = []
        current = unit
        while current is not None:
            chain.append(current)
            current = self.by_id.get(current.parent_id)
        chain.reverse()  # root first
        if top is None:
            candidates = chain
        else:
            depth = next((i for i, u in enumerate(chain) if u.pk == top.pk), None)
            if depth is None:
                return unit
            candidates = chain[depth + 1 :]
            if not candidates:
                return top
        first = candidates[0]
        if first.kind not in OrgUnit.ADMINISTRATIVE_KINDS:
            return top or first
        return first


def ontime_report(
    *,
    period: Period,
    unit: OrgUnit | None = None,
    group_by: str = "unit",
    successors_on: dt.date | None = None,
    allowed_units: list[int] | None = None,
    today: dt.date | None = None,
) -> OnTimeReport:
    """The on-time report of `period` for `unit`'s subtree (None: everything the caller may
    see, `allowed_units` when given), one row per child unit / procedure / field / channel.

    With `successors_on`, units restructured since are reported under the units that carry on
    their work on that day (`org.selectors.unit_successors_on`).
    """
    if group_by not in GROUPS:
        raise ValueError(f"Không có cách nhóm '{group_by}'.")
    today = today or timezone.localdate()
    as_of = min(period.last, today)
    units = _Units()
    unit_ids = None if successors_on and unit else units.under(unit)
    if allowed_units is not None:
        allowed = set(allowed_units)
        unit_ids = sorted(allowed if unit_ids is None else allowed.intersection(unit_ids))
    dims = ("unit_id",) + ((_DIM_COLUMN[group_by],) if group_by != "unit" else ())
    flows = _sums(_buckets_q(period.first, period.last), F.FLOW_COUNTERS, dims, unit_ids)
    stocks = _sums(_buckets_q(ORIGIN, as_of), F.STOCK_COUNTERS, dims, unit_ids)

    grouped: dict[object, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    row_units: dict[object, OrgUnit] = {}
    for source in (flows, stocks):
        for key, sums in source.items():
            source_unit = units.by_id.get(key[0])
            if source_unit is None:
                continue
            mapped = source_unit
            if successors_on is not None:
                mapped = units.successor(source_unit.pk, successors_on)
                if mapped is None:
                    mapped = source_unit
                if unit is not None and not mapped.path.startswith(unit.path):
                    continue
            if group_by == "unit":
                target = units.row_unit(mapped, unit) if successors_on is None else mapped
                gkey = target.pk
                row_units[gkey] = target
            else:
                gkey = key[1]
            bucket = grouped[gkey]
            for c, v in sums.items():
                bucket[c] += v

    labels = _labels(group_by, grouped.keys(), row_units)
    rows = []
    total_sums: dict[str, int] = defaultdict(int)
    for gkey, sums in grouped.items():
        counts, extra = counts_from(sums)
        if not (counts.resolved or counts.open or any(extra.values())):
            continue
        label, code = labels.get(gkey, (str(gkey), str(gkey)))
        rows.append(ReportRow(gkey, label, counts, extra, code))
        for c, v in sums.items():
            total_sums[c] += v
    rows.sort(key=lambda r: r.code if group_by == "unit" else r.label)
    counts, extra = counts_from(total_sums)
    total = ReportRow(None, _("Tổng cộng"), counts, extra, "")
    notes = []
    if period.last > today:
        notes.append(
            gettext("Kỳ báo cáo chưa kết thúc: số hồ sơ đang xử lý tính đến hết ngày %(day)s.")
            % {"day": f"{as_of:%d/%m/%Y}"}
        )
    return OnTimeReport(period, as_of, unit, group_by, rows, total, successors_on, notes)


def _labels(group_by: str, keys, row_units) -> dict[object, tuple[str, str]]:
    keys = [k for k in keys if k is not None]
    if group_by == "unit":
        return {k: (row_units[k].name, row_units[k].code) for k in keys}
    if group_by == "channel":
        # the channel's name in the reader's language (the labels are in the catalogue)
        return {k: (_(CHANNEL_LABELS.get(Channel(k), str(k))), str(k)) for k in keys}
    if group_by == "field":
        found = {
            pk: (name, code)
            for pk, name, code in Field.objects.filter(pk__in=keys).values_list(
                "pk", "name", "code"
            )
        }
        return {k: found.get(k, (_("(không có lĩnh vực)"), "")) for k in keys}
    # procedure: the newest version's name
    out = {}
    versions = (
        ProcedureVersion.objects.filter(procedure_id__in=keys)
        .order_by("procedure_id", "-version")
        .values_list("procedure_id", "procedure__national_code", "name")
    )
    for pid, code, name in versions:
        out.setdefault(pid, (name, code))
    return out


# ---- the same numbers by a plain GROUP BY over the dossier table ---------------------------


def _instant(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=VN)


_DIRECT_DIM = {
    "unit": "unit_id",
    "procedure": "procedure_version__procedure_id",
    "field": "procedure_version__field_id",
    "channel": "channel",
}


def ontime_counts_direct(
    *,
    period: Period,
    unit_ids: list[int] | None = None,
    dim: str | None = None,
    today: dt.date | None = None,
) -> dict[object, tuple[OnTimeCounts, dict[str, int]]]:
    """Every count of `ontime_report` (but the processing time, which needs the calendar)
    computed straight from `Dossier` with one GROUP BY and conditional counts. Slow on
    millions of rows; kept as the reference the pre-aggregation must agree with."""
    today = today or timezone.localdate()
    as_of = min(period.last, today)
    start, end = _instant(period.first), _instant(period.last + dt.timedelta(days=1))
    stock_end = _instant(as_of + dt.timedelta(days=1))
    resolved = Q(status__in=[Status.RESOLVED, Status.RETURNED], finished_at__isnull=False)
    in_period = Q(finished_at__gte=start, finished_at__lt=end)
    received = Q(received_at__gte=start, received_at__lt=end)
    finished_day = TruncDate("finished_at", tzinfo=VN)
    due_day = TruncDate("due_at", tzinfo=VN)
    # `classify_finished` compares whole seconds: late from the second after the due instant
    # (due instants are whole seconds; a finish 0.4 s after one is still on time).
    late = Q(finished_at__gte=Col("due_at") + dt.timedelta(seconds=1))
    closed_statuses = [Status.RESOLVED, Status.RETURNED, Status.STOPPED, Status.WITHDRAWN]
    open_at_end = (
        Q(received_at__lt=stock_end)
        & ~Q(status=Status.NOT_RECEIVED)
        & (
            Q(finished_at__isnull=True)
            | Q(finished_at__gte=stock_end)
            | ~Q(status__in=closed_statuses)
        )
    )
    # A paused dossier that was not yet late when its pause began is not overdue (clock
    # state's rule, `dossiers.domain.clockstate`); the pre-aggregated facts leave its due day
    # out until the pause ends (`reports.services.snapshot_of`).
    paused_in_time = Q(status__in=paused_values()) & ~DossierQuerySet.overdue_q(stock_end)
    overdue = open_at_end & Q(due_at__lt=stock_end) & ~paused_in_time
    reps = SUPPLEMENT_REQUESTS_IN_TIME
    repeated = Q(supplement_count__gt=reps)
    unresolved = (
        Q(status__in=[Status.STOPPED, Status.WITHDRAWN], received_at__isnull=False) & in_period
    )

    def n(cond: Q):
        return Count("pk", filter=cond)

    qs = Dossier.objects.all()
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    qs = qs.filter(
        Q(received_at__lt=stock_end)
        | Q(finished_at__gte=start, finished_at__lt=end)
        | Q(returned_at__gte=start, returned_at__lt=end)
    )
    early = resolved & in_period & ~late & Q(LessThan(finished_day, due_day))
    on_time = resolved & in_period & ~late & Q(GreaterThanOrEqual(finished_day, due_day))
    dims = (_DIRECT_DIM[dim],) if dim else ()
    aggregates = dict(
        resolved_early=n(early),
        resolved_on_time=n(on_time),
        resolved_late=n(resolved & in_period & late),
        resolved_in_time_repeated=n((early | on_time) & repeated),
        open_total=n(open_at_end),
        open_overdue=n(overdue),
        rep_open=n(open_at_end & repeated),
        rep_overdue=n(overdue & repeated),
        received=n(received),
        received_online=n(received & Q(channel=Channel.ONLINE)),
        received_postal=n(received & Q(channel=Channel.POSTAL)),
        received_assisted=n(received & Q(assisted_by__isnull=False)),
        received_supplement=n(received & Q(supplement_count__gt=0)),
        supplement_requests=Sum(
            Case(
                When(received, then="supplement_count"),
                default=Value(0),
                output_field=IntegerField(),
            )
        ),
        received_apologised=n(received & Q(apologised=True)),
        refused=n(Q(status=Status.NOT_RECEIVED) & in_period),
        ended_unresolved=n(unresolved),
        ended_unresolved_in_time=n(
            unresolved & Q(due_at__isnull=False) & ~late & ~Q(supplement_count__gt=reps)
        ),
        stopped=n(Q(status=Status.STOPPED) & in_period),
        withdrawn=n(Q(status=Status.WITHDRAWN) & in_period),
        returned=n(Q(returned_at__gte=start, returned_at__lt=end)),
    )
    if dims:
        rows = list(qs.values(*dims).annotate(**aggregates).order_by())
    else:
        rows = [qs.aggregate(**aggregates)]
    out = {}
    for r in rows:
        key = r[dims[0]] if dims else None
        counts = OnTimeCounts(
            resolved_early=r["resolved_early"],
            resolved_on_time=r["resolved_on_time"],
            resolved_late=r["resolved_late"],
            open_in_time=r["open_total"] - r["open_overdue"],
            open_overdue=r["open_overdue"],
            resolved_in_time_repeated_supplements=r["resolved_in_time_repeated"],
            open_in_time_repeated_supplements=r["rep_open"] - r["rep_overdue"],
            ended_unresolved=r["ended_unresolved"],
            ended_unresolved_in_time=r["ended_unresolved_in_time"],
            refused=r["refused"],
        )
        extra = {k: r[k] or 0 for k in EXTRA_LABELS}
        out[key] = (counts, extra)
    return out


# ---- supervision lists ---------------------------------------------------------------------

# Events the supervisor audits: the dossier left the normal path, with a reason and an officer.
RETURN_ACTIONS = {
    "refuse": _("Không tiếp nhận (trả lại hồ sơ)"),
    "stop": _("Dừng xử lý"),
    "withdraw": _("Công dân rút hồ sơ"),
    "send_back": _("Trả lại bước trước"),
    "request_supplement": _("Yêu cầu bổ sung"),
    "apologise": _("Xin lỗi, hẹn lại"),
}
RETURNED_DEFAULT = ("refuse", "stop", "withdraw", "send_back")


def returned_events(
    *,
    period: Period,
    unit_ids: list[int] | None = None,
    actions: tuple[str, ...] = RETURNED_DEFAULT,
    query: str = "",
):
    """Every refusal, stop, withdrawal (and internal return) in the period with its reason,
    officer and date, newest first."""
    qs = DossierEvent.objects.filter(
        action__in=list(actions),
        at__gte=_instant(period.first),
        at__lt=_instant(period.last + dt.timedelta(days=1)),
    )
    if unit_ids is not None:
        qs = qs.filter(dossier__unit_id__in=unit_ids)
    query = (query or "").strip()
    if query:
        qs = qs.filter(
            Q(dossier__code__icontains=query)
            | Q(reason__icontains=query)
            | Q(dossier__applicant_name__icontains=query)
        )
    return qs.select_related(
        "dossier", "dossier__unit", "dossier__procedure_version", "actor"
    ).order_by("-at", "-id")


def procedures_not_online(*, unit: OrgUnit | None = None):
    """Published procedure versions with no online service, or not published on the portal."""
    qs = ProcedureVersion.objects.filter(status="published").filter(
        Q(online_level="none") | Q(published_on_portal=False)
    )
    if unit is not None:
        qs = qs.filter(Q(units__isnull=True) | Q(units__path__startswith=unit.path)).distinct()
    return qs.select_related("procedure", "field").order_by("procedure__national_code")


def overdue_now(*, unit_ids: list[int] | None = None, now: dt.datetime | None = None):
    """Overdue dossiers now (the clock state's rule: running and past due, or paused after
    being past due; a dossier waiting for a supplement is not overdue), exact and live."""
    now = now or system_clock.now()
    qs = Dossier.objects.overdue(now)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs


def late_without_apology(*, unit_ids: list[int] | None = None, now: dt.datetime | None = None):
    """Overdue now and no apology was sent before the due instant (Decree 61/2018 art. 19 as
    amended: the agency must apologise and give a new appointment *before* the deadline), for
    the supervisor to follow up."""
    return overdue_now(unit_ids=unit_ids, now=now).filter(apologised=False)


# ---- series: years, quarters, months --------------------------------------------------------


@dataclass
class PeriodRow:
    period: Period
    counts: OnTimeCounts
    extra: dict[str, int]


def fact_years(*, unit_ids: list[int] | None = None) -> list[int]:
    qs = DossierFact.objects.filter(grain=F.YEAR)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return sorted({d.year for d in qs.values_list("start", flat=True).distinct()})


def ontime_series(
    *,
    periods: list[Period],
    unit_ids: list[int] | None = None,
    today: dt.date | None = None,
) -> list[PeriodRow]:
    """Totals for many whole-month periods (years, quarters, months) in two queries: the
    month buckets of the span, and the year buckets before it for the running stocks."""
    if not periods:
        return []
    today = today or timezone.localdate()
    first = min(p.first for p in periods).replace(day=1)
    last = max(p.last for p in periods)
    qs = DossierFact.objects.filter(grain=F.MONTH, start__gte=first, start__lte=last)
    before = DossierFact.objects.filter(grain=F.YEAR, start__lt=first.replace(month=1))
    before_months = DossierFact.objects.filter(
        grain=F.MONTH, start__gte=first.replace(month=1), start__lt=first
    )
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
        before = before.filter(unit_id__in=unit_ids)
        before_months = before_months.filter(unit_id__in=unit_ids)
    monthly = {
        r["start"]: r
        for r in qs.values("start").annotate(**{c: Sum(c) for c in F.COUNTERS}).order_by()
    }
    base = before.aggregate(**{c: Sum(c) for c in F.STOCK_COUNTERS})
    extra_base = before_months.aggregate(**{c: Sum(c) for c in F.STOCK_COUNTERS})
    opening = {c: (base[c] or 0) + (extra_base[c] or 0) for c in F.STOCK_COUNTERS}
    months = sorted(monthly)
    out = []
    for p in periods:
        sums: dict[str, int] = defaultdict(int)
        as_of = min(p.last, today)
        for c in F.STOCK_COUNTERS:
            sums[c] = opening[c]
        for m in months:
            row = monthly[m]
            if p.first <= m <= p.last:
                for c in F.FLOW_COUNTERS:
                    sums[c] += row[c] or 0
            if m <= as_of:
                for c in F.STOCK_COUNTERS:
                    sums[c] += row[c] or 0
        counts, extra = counts_from(sums)
        out.append(PeriodRow(p, counts, extra))
    return out
