"""Reads on the procedure catalogue."""

from django.db.models import Prefetch, QuerySet

from motcua.catalogue.domain import search_key
from motcua.catalogue.models import ProcedureVersion
from motcua.org.models import OrgUnit


def procedures_published() -> QuerySet[ProcedureVersion]:
    """The versions that apply today, one per procedure, with their field (one query)."""
    return (
        ProcedureVersion.objects.filter(status=ProcedureVersion.Status.PUBLISHED)
        .select_related("procedure", "field")
        .order_by("field__name", "name", "procedure__national_code")
    )


def procedure_search(*, query: str, unit: OrgUnit | None = None) -> QuerySet[ProcedureVersion]:
    """Published procedures whose code, name, field or agency contain every word of `query`.

    Accent-, case- and spelling-variant-insensitive on every database: both sides go through
    `domain.search_key` ("dang ki khai sinh" finds "Đăng ký khai sinh"). With `unit`, only the
    procedures that unit runs.
    """
    qs = procedures_published()
    for word in search_key(query).split():
        qs = qs.filter(search_text__contains=word)
    if unit is not None:
        qs = qs.filter(units=unit)
    return qs


def procedure_version_get(*, national_code: str, version: int | None = None) -> ProcedureVersion:
    """One version with everything its detail page shows (fixed number of queries).

    Without `version`: the published one, else the newest. Raises DoesNotExist.
    """
    qs = ProcedureVersion.objects.filter(procedure__national_code=national_code).select_related(
        "procedure", "field"
    )
    qs = qs.prefetch_related(
        "fees",
        "components",
        "steps",
        Prefetch("units", queryset=OrgUnit.objects.order_by("code")),
    )
    if version is not None:
        return qs.get(version=version)
    found = qs.filter(status=ProcedureVersion.Status.PUBLISHED).first()
    if found is None:
        found = qs.order_by("-version").first()
    if found is None:
        raise ProcedureVersion.DoesNotExist(national_code)
    return found


def procedure_history(*, version: ProcedureVersion) -> QuerySet[ProcedureVersion]:
    """Every version of the same procedure, newest first."""
    return ProcedureVersion.objects.filter(procedure_id=version.procedure_id).order_by("-version")
