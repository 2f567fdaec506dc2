"""Calendar administration (Vietnamese): office hours per unit, the override table and a month
view of working and non-working days. For administrators: staff, superusers and the group
`quan_tri`; one with a unit edits only the units in their scope."""

from __future__ import annotations

import datetime as dt
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from motcua.accounts.roles import Role
from motcua.accounts.scoping import scope_is_global, scope_units
from motcua.clock import selectors, services
from motcua.clock.forms import OfficeHoursForm, OverrideForm
from motcua.clock.models import WEEKDAYS, CalendarOverride
from motcua.org.models import OrgUnit

MONTHS = [
    gettext_lazy("Tháng 1"), gettext_lazy("Tháng 2"), gettext_lazy("Tháng 3"),
    gettext_lazy("Tháng 4"), gettext_lazy("Tháng 5"), gettext_lazy("Tháng 6"),
    gettext_lazy("Tháng 7"), gettext_lazy("Tháng 8"), gettext_lazy("Tháng 9"),
    gettext_lazy("Tháng 10"), gettext_lazy("Tháng 11"), gettext_lazy("Tháng 12"),
]  # fmt: skip


def _is_calendar_admin(user) -> bool:
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.is_staff
        or user.groups.filter(name=Role.ADMINISTRATOR.value).exists()
    )


def calendar_admin_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not _is_calendar_admin(request.user):
            raise PermissionDenied("Chỉ quản trị viên được sửa lịch làm việc.")
        return view(request, *args, **kwargs)

    return wrapper


def _may_edit(user, unit) -> bool:
    if user.is_superuser or scope_is_global(user):
        return True
    if unit is None:
        return user.is_staff and user.unit_id is None
    return scope_units(user).filter(pk=unit.pk).exists()


def _editable_units(user):
    if user.is_superuser or scope_is_global(user):
        return OrgUnit.objects.all()
    return scope_units(user)


def _unit_from(request, source) -> OrgUnit | None:
    code = (source.get("don_vi") or "").strip()
    if not code:
        return None
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise Http404("Không có đơn vị này.")
    return unit


def _month_from(request) -> tuple[int, int]:
    text = request.GET.get("thang", "")
    try:
        year, month = (int(x) for x in text.split("-"))
        dt.date(year, month, 1)
        return year, month
    except ValueError:
        today = timezone.localdate(request.now)
        return today.year, today.month


def _calendar_url(unit, year, month) -> str:
    url = reverse("clock:calendar") + f"?thang={year:04d}-{month:02d}"
    return url + (f"&don_vi={unit.code}" if unit else "")


def _hours_text(hours) -> list[tuple[str, str]]:
    rows = []
    for wd, name in WEEKDAYS:
        ivs = hours.get(wd, ())
        text = ", ".join(f"{s // 60:02d}:{s % 60:02d}–{e // 60:02d}:{e % 60:02d}" for s, e in ivs)
        rows.append((name, text or _("Nghỉ")))
    return rows


@calendar_admin_required
def calendar_view(request):
    unit = _unit_from(request, request.GET)
    year, month = _month_from(request)
    cal = selectors.work_calendar_for(unit)
    weeks = selectors.calendar_month(year=year, month=month, unit=unit, cal=cal)
    first = dt.date(year, month, 1)
    prev_month = (first - dt.timedelta(days=1)).replace(day=1)
    next_month = (first + dt.timedelta(days=32)).replace(day=1)
    overrides = selectors.calendar_overrides(unit=unit).order_by("day", "unit_id")
    hours_source = selectors.office_hours_source(unit)
    context = {
        "unit": unit,
        "units": _editable_units(request.user).order_by("path"),
        "weeks": weeks,
        "weekday_names": [name for _wd, name in WEEKDAYS],
        "month_label": _("%(month)s năm %(year)s") % {"month": MONTHS[month - 1], "year": year},
        "month_value": f"{year:04d}-{month:02d}",
        "prev_url": _calendar_url(unit, prev_month.year, prev_month.month),
        "next_url": _calendar_url(unit, next_month.year, next_month.month),
        "overrides": overrides,
        "hours": _hours_text(selectors.office_hours_for(unit)),
        "hours_source": hours_source,
        "form": OverrideForm(initial={"day": first}),
        "can_edit": _may_edit(request.user, unit),
        "working_days": sum(1 for week in weeks for d in week if d.in_month and d.minutes),
    }
    return render(request, "clock/calendar.html", context)


@require_POST
@calendar_admin_required
def override_add(request):
    unit = _unit_from(request, request.POST)
    if not _may_edit(request.user, unit):
        raise PermissionDenied("Bạn không được sửa lịch của đơn vị này.")
    form = OverrideForm(request.POST)
    if form.is_valid():
        day = form.cleaned_data["day"]
        try:
            services.calendar_override_create(
                day=day,
                kind=form.cleaned_data["kind"],
                unit=unit,
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã thêm điều chỉnh ngày %s.") % f"{day:%d/%m/%Y}")
        return redirect(_calendar_url(unit, day.year, day.month))
    messages.error(
        request,
        "Điều chỉnh chưa hợp lệ: "
        + " ".join(str(e) for errors in form.errors.values() for e in errors),
    )
    today = timezone.localdate(request.now)
    return redirect(_calendar_url(unit, today.year, today.month))


@require_POST
@calendar_admin_required
def override_delete(request, pk: int):
    override = get_object_or_404(CalendarOverride.objects.select_related("unit"), pk=pk)
    if not _may_edit(request.user, override.unit):
        raise PermissionDenied("Bạn không được sửa lịch của đơn vị này.")
    day, unit = override.day, override.unit
    services.calendar_override_delete(override=override, actor=request.user)
    messages.success(request, _("Đã xóa điều chỉnh ngày %s.") % f"{day:%d/%m/%Y}")
    back = _unit_from(request, request.POST)
    return redirect(_calendar_url(back if back is not None else unit, day.year, day.month))


@calendar_admin_required
def office_hours_view(request):
    source = request.POST if request.method == "POST" else request.GET
    unit = _unit_from(request, source)
    can_edit = _may_edit(request.user, unit)
    own = selectors.office_hours_source(unit) == unit and unit is not None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Bạn không được sửa giờ làm việc của đơn vị này.")
        form = OfficeHoursForm(request.POST)
        if form.is_valid():
            hours = form.cleaned_data["hours"]
            try:
                services.office_hours_set(unit=unit, hours=hours, actor=request.user)
            except ValidationError as exc:
                form.add_error(None, " ".join(exc.messages))
            else:
                messages.success(request, _("Đã lưu giờ làm việc."))
                today = timezone.localdate(request.now)
                return redirect(_calendar_url(unit, today.year, today.month))
    else:
        form = OfficeHoursForm(
            initial={
                **OfficeHoursForm.initial_from(selectors.office_hours_for(unit)),
                "inherit": unit is not None and not own,
            }
        )
    return render(
        request,
        "clock/office_hours.html",
        {"unit": unit, "form": form, "can_edit": can_edit, "own": own},
    )


@calendar_admin_required
def audit_view(request):
    return render(request, "clock/audit.html", {"entries": selectors.calendar_audit(limit=200)})
