"""The supervision workspace (read-only): on-time report, returned dossiers, procedures outside
the portal, Decision 766 indicators, the leaders' dashboard, and their XLSX/PDF exports.

Every page accepts GET only (a write is refused with 405) and shows only the reader's scope.
"""

from __future__ import annotations

import datetime as dt
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from motcua.accounts.roles import Role
from motcua.accounts.scoping import scope_is_global, scope_units
from motcua.dossiers.earlywarning import at_risk_by_unit
from motcua.org.models import OrgUnit
from motcua.reports import charts, exports
from motcua.reports.domain import periods as P
from motcua.reports.domain.indicators import evaluate, input_label
from motcua.reports.formatting import COLUMNS, heading, sentences
from motcua.reports.indicator_inputs import InputContext, indicator_inputs
from motcua.reports.selectors import (
    GROUPS,
    RETURN_ACTIONS,
    RETURNED_DEFAULT,
    fact_years,
    late_without_apology,
    ontime_report,
    ontime_series,
    overdue_now,
    procedures_not_online,
    returned_events,
)

READER_ROLES = {Role.SUPERVISOR, Role.ADMINISTRATOR, Role.SIGNING_LEADER, Role.DEPARTMENT_HEAD}
PAGE_SIZE = 50


def report_reader(view):
    """Signed in, with a supervising or leading role; GET/HEAD only."""

    @require_safe
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if not (user.is_superuser or user.roles & READER_ROLES):
            raise PermissionDenied("Chỉ lãnh đạo và người giám sát xem được báo cáo.")
        return view(request, *args, **kwargs)

    return wrapped


class Filters:
    """Period and unit from the query string; bad input gives a message, not an error."""

    def __init__(self, request) -> None:
        g = request.GET
        self.errors: list[str] = []
        self.user = request.user
        today = timezone.localdate(request.now)
        self.today = today
        self.scope = (
            None
            if scope_is_global(request.user)
            else list(scope_units(request.user).values_list("pk", flat=True))
        )
        self.units = self._unit_choices()
        self.unit = self._unit(g.get("don_vi", ""))
        self.period = self._period(g)
        self.group_by = g.get("nhom", "unit") if g.get("nhom", "unit") in GROUPS else "unit"
        self.successors = g.get("ke_thua") == "1"

    def _unit_choices(self):
        qs = OrgUnit.objects.filter(kind__in=OrgUnit.ADMINISTRATIVE_KINDS).order_by("path")
        if self.scope is not None:
            qs = qs.filter(pk__in=self.scope)
        return list(qs.only("code", "name", "path", "kind"))

    def _unit(self, code: str):
        if code:
            for u in self.units:
                if u.code == code:
                    return u
            self.errors.append(f"Không có đơn vị mã “{code}” trong phạm vi của bạn.")
        if self.scope is not None and self.units:
            return self.units[0]  # the reader's own unit (the top of their scope)
        return None

    def _period(self, g) -> P.Period:
        try:
            if g.get("tu") or g.get("den"):
                return P.Period(
                    P.parse_day(g.get("tu", ""), "ngày bắt đầu"),
                    P.parse_day(g.get("den", ""), "ngày kết thúc"),
                )
            y = int(g.get("nam") or self._default_year())
            if not 1990 <= y <= 2100:
                raise P.PeriodError(f"Năm {y} không hợp lệ.")
            if g.get("thang"):
                return P.month(y, int(g["thang"]))
            if g.get("quy"):
                return P.quarter(y, int(g["quy"]))
            return P.year(y)
        except (P.PeriodError, ValueError) as exc:
            msg = str(exc) if isinstance(exc, P.PeriodError) else "Năm, quý, tháng phải là số."
            self.errors.append(msg)
            return P.year(self.today.year)

    def _default_year(self) -> int:
        """The current year, or the latest year with dossiers when this one has none yet
        (a new year's first days, or a demo of past years)."""
        years = [y for y in fact_years(unit_ids=self.unit_ids) if y <= self.today.year]
        if not years or self.today.year in years:
            return self.today.year
        return years[-1]

    @property
    def unit_ids(self):
        if self.unit is None:
            return self.scope
        ids = [u.pk for u in OrgUnit.objects.filter(path__startswith=self.unit.path).only("pk")]
        return ids if self.scope is None else sorted(set(ids) & set(self.scope))

    def query(self, **override) -> str:
        from urllib.parse import urlencode

        params = {
            "tu": f"{self.period.first:%Y-%m-%d}",
            "den": f"{self.period.last:%Y-%m-%d}",
            "don_vi": self.unit.code if self.unit else "",
            "nhom": self.group_by,
        }
        if self.successors:
            params["ke_thua"] = "1"
        params.update(override)
        return urlencode({k: v for k, v in params.items() if v})

    def report(self):
        return ontime_report(
            period=self.period,
            unit=self.unit,
            group_by=self.group_by,
            successors_on=self.today if self.successors else None,
            allowed_units=self.scope,
            today=self.today,
        )


def _context(f: Filters, **extra):
    years = list(range(2020, f.today.year + 1))
    return {
        "f": f,
        "years": years,
        "groups": GROUPS,
        "errors": f.errors,
        "query": f.query(),
        **extra,
    }


def _year_quarter_rows(f: Filters):
    years = fact_years(unit_ids=f.unit_ids) or [f.today.year]
    periods = []
    for y in years:
        periods.append(P.year(y))
        periods.extend(P.quarters_of(y))
    return ontime_series(periods=periods, unit_ids=f.unit_ids, today=f.today)


@report_reader
def index(request):
    f = Filters(request)
    report = f.report()
    return render(
        request,
        "reports/index.html",
        _context(
            f,
            report=report,
            columns=[h for h, _ in COLUMNS],
            cells=[(r, [fn(r) for _, fn in COLUMNS]) for r in report.rows],
            total_cells=[fn(report.total) for _, fn in COLUMNS],
            heading=heading(report),
            sentences=sentences(report),
            by_quarter=_year_quarter_rows(f),
        ),
    )


def _returned(f: Filters, request):
    actions = [a for a in request.GET.getlist("loai") if a in RETURN_ACTIONS] or list(
        RETURNED_DEFAULT
    )
    q = request.GET.get("q", "").strip()
    rows = returned_events(period=f.period, unit_ids=f.unit_ids, actions=tuple(actions), query=q)
    return actions, q, rows


@report_reader
def returned(request):
    f = Filters(request)
    actions, q, rows = _returned(f, request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("trang"))
    from urllib.parse import urlencode

    filter_query = f.query() + "&" + urlencode([("loai", a) for a in actions] + [("q", q)])
    return render(
        request,
        "reports/returned.html",
        _context(
            f,
            page=page,
            actions=RETURN_ACTIONS,
            chosen=actions,
            q=q,
            filter_query=filter_query,
        ),
    )


@report_reader
def returned_xlsx(request):
    f = Filters(request)
    _actions, _q, rows = _returned(f, request)
    data = exports.returned_xlsx(rows=rows[:100_000], period=f.period, unit=f.unit)
    return _download(data, f"ho-so-tra-lai-{f.period.slug}.xlsx", exports.XLSX)


@report_reader
def procedures(request):
    f = Filters(request)
    rows = procedures_not_online(unit=f.unit)
    report = f.report()
    from motcua.feedback.selectors import satisfaction_summary
    from motcua.payments.selectors import payments_summary

    period = {"first": f.period.first, "last": f.period.last, "unit_ids": f.unit_ids}
    return render(
        request,
        "reports/procedures.html",
        _context(
            f,
            rows=rows,
            total=report.total,
            ratings=satisfaction_summary(**period),
            payments=payments_summary(**period),
        ),
    )


@report_reader
def indicators(request):
    f = Filters(request)
    report = f.report()
    ctx = InputContext(period=f.period, unit_ids=f.unit_ids, report=report)
    evaluation = evaluate(indicator_inputs(ctx))
    lost = [
        (r, ctx.links.get(r.indicator.code, []), [input_label(m) for m in r.missing])
        for r in evaluation.results
        if r.missing or (r.points_lost or 0) > 0
    ]
    return render(
        request,
        "reports/indicators.html",
        _context(f, evaluation=evaluation, report=report, lost=lost),
    )


@report_reader
def dashboard(request):
    f = Filters(request)
    report = f.report()
    first_month = dt.date(f.period.last.year - 1, f.period.last.month, 1)
    months = P.months_between(max(first_month, dt.date(1990, 1, 1)), f.period.last)
    trend = ontime_series(periods=months, unit_ids=f.unit_ids, today=f.today)
    by_channel = ontime_report(
        period=f.period, unit=f.unit, group_by="channel", allowed_units=f.scope, today=f.today
    )
    ranked = sorted(
        (r for r in report.rows if r.counts.resolved),
        key=lambda r: (r.counts.seed_rate or 0, r.counts.resolved),
    )
    overdue = overdue_now(unit_ids=f.unit_ids).select_related("unit", "procedure_version")
    unapologised = late_without_apology(unit_ids=f.unit_ids).select_related(
        "unit", "procedure_version"
    )
    return render(
        request,
        "reports/dashboard.html",
        _context(
            f,
            report=report,
            trend_svg=charts.trend_svg(trend),
            channel_svg=charts.channel_svg(by_channel.rows),
            ranked_svg=charts.ranking_svg(ranked[:15]),
            overdue_count=overdue.count(),
            overdue_rows=overdue.order_by("due_at")[:10],
            at_risk=at_risk_by_unit(unit_ids=f.unit_ids),
            unapologised_count=unapologised.count(),
            unapologised_rows=unapologised.order_by("due_at")[:10],
        ),
    )


def _download(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@report_reader
def export_xlsx(request):
    f = Filters(request)
    report = f.report()
    data = exports.ontime_xlsx(report=report, by_quarter=_year_quarter_rows(f))
    return _download(data, f"bao-cao-dung-han-{report.period.slug}.xlsx", exports.XLSX)


@report_reader
def export_pdf(request):
    f = Filters(request)
    report = f.report()
    data = exports.ontime_pdf(report=report, by_quarter=_year_quarter_rows(f), user=request.user)
    return _download(data, f"bao-cao-dung-han-{report.period.slug}.pdf", "application/pdf")
