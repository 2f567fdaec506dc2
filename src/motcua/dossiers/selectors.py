"""Reads on dossiers, always through the reader's scope."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.accounts.scoping import scope_is_global, scope_units
from motcua.dossiers.domain.workflow import OPEN_STATES, Status
from motcua.dossiers.models import Dossier, DossierEvent

# Worklist filters: code in the URL, label, and what it selects.
WORKLIST_FILTERS: dict[str, str] = {
    "": "Tất cả",
    "dang-xu-ly": "Đang giải quyết",
    "cho-bo-sung": "Chờ bổ sung",
    "tra-ket-qua": "Chờ trả kết quả",
    "qua-han": "Quá hạn",
    "da-ket-thuc": "Đã kết thúc",
}


def dossier_list_visible(*, user) -> QuerySet[Dossier]:
    """Dossiers `user` may read: received by or now handled in a unit of their scope; a
    citizen's own online filings."""
    qs = Dossier.objects.all()
    if scope_is_global(user):
        return qs
    if not user.is_authenticated:
        return qs.none()
    if Role.CITIZEN in user.roles and user.unit_id is None:
        return qs.filter(applicant_user=user)
    units = scope_units(user).values("pk")
    return qs.filter(Q(unit__in=units) | Q(current_unit__in=units))


def dossier_worklist(
    *, user, filter: str = "", query: str = "", now: dt.datetime | None = None
) -> QuerySet[Dossier]:
    """The worklist page's rows, most urgent first, with what the rows display preloaded."""
    now = now or timezone.now()
    qs = dossier_list_visible(user=user).select_related(
        "procedure_version", "procedure_version__procedure", "current_unit", "assignee"
    )
    open_values = [s.value for s in OPEN_STATES]
    if filter == "dang-xu-ly":
        qs = qs.filter(status__in=open_values)
    elif filter == "cho-bo-sung":
        qs = qs.filter(status=Status.SUPPLEMENT_REQUESTED)
    elif filter == "tra-ket-qua":
        qs = qs.filter(status=Status.RESOLVED)
    elif filter == "qua-han":
        qs = qs.filter(status__in=open_values, due_at__lt=now)
    elif filter == "da-ket-thuc":
        qs = qs.exclude(status__in=[*open_values, Status.NEW, Status.RESOLVED])
    query = (query or "").strip()
    if query:
        qs = qs.filter(
            Q(code__icontains=query)
            | Q(applicant_name__icontains=query)
            | Q(applicant_id_number=query)
        )
    return qs.order_by("due_at", "id")


def dossier_events(*, dossier: Dossier) -> QuerySet[DossierEvent]:
    return dossier.events.select_related("actor", "from_unit", "to_unit", "to_user").order_by(
        "at", "id"
    )
