"""The list's filters: the reader's visible dossiers narrowed by the query's fields."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone

from motcua.dossiers.selectors import dossier_count_visible, dossier_list_visible
from motcua.org.models import OrgUnit

User = get_user_model()

# What the list's serializer reads (`status` and `due_at` also give `overdue`).
LIST_COLUMNS = (
    "code",
    "version",
    "status",
    "channel",
    "applicant_name",
    "received_at",
    "due_at",
    "appointment_at",
    "finished_at",
    "returned_at",
    "procedure_version__name",
    "procedure_version__version",
    "procedure_version__procedure__national_code",
    "unit__code",
    "current_unit__code",
    "assignee__username",
)


def _dossiers_filtered(*, user, now: dt.datetime, ordering: str = "-received_at", **filters):
    """The caller's visible dossiers (the selector's scope) narrowed by the list filters,
    with only the columns `DossierListOutputSerializer` prints (issue 12 §5: the list built
    five whole rows per dossier)."""
    qs = (
        dossier_list_visible(user=user)
        .select_related("procedure_version__procedure", "unit", "current_unit", "assignee")
        .only(*LIST_COLUMNS)
    )
    qs = _narrowed(qs, now=now, **filters).with_overdue(now)
    field = ordering.lstrip("-")
    # Explicit null placement: SQLite and PostgreSQL differ by default.
    order = (
        F(field).desc(nulls_last=True)
        if ordering.startswith("-")
        else F(field).asc(nulls_last=True)
    )
    return qs.order_by(order, "-id")


def _dossiers_counted(*, user, now: dt.datetime, cap: int, ordering: str = "", **filters) -> int:
    """How many dossiers `_dossiers_filtered` lists, up to `cap` + 1 (through the read scope's
    indexed branches, `selectors.dossier_count_visible`)."""
    return dossier_count_visible(
        user=user, cap=cap, narrow=lambda qs: _narrowed(qs, now=now, **filters)
    )


def _narrowed(
    qs,
    *,
    now: dt.datetime,
    status: int | None = None,
    channel: int | None = None,
    unit: OrgUnit | None = None,
    current_unit: OrgUnit | None = None,
    procedure: str | None = None,
    received_from: dt.date | None = None,
    received_to: dt.date | None = None,
    due_before: dt.datetime | None = None,
    overdue: bool | None = None,
):
    """`qs` narrowed by the list filters."""
    if status is not None:
        qs = qs.filter(status=status)
    if channel is not None:
        qs = qs.filter(channel=channel)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if current_unit is not None:
        qs = qs.filter(current_unit=current_unit)
    if procedure:
        qs = qs.filter(procedure_version__procedure__national_code=procedure.strip())
    if received_from is not None:
        qs = qs.filter(received_at__gte=_local_midnight(received_from))
    if received_to is not None:
        qs = qs.filter(received_at__lt=_local_midnight(received_to + dt.timedelta(days=1)))
    if due_before is not None:
        qs = qs.filter(due_at__lt=due_before)
    if overdue is True:
        qs = qs.overdue(now)
    elif overdue is False:
        qs = qs.not_overdue(now)
    return qs


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
