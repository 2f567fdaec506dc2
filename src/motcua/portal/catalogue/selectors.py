"""Reads of the portal's public catalogue pages: procedures, their fields and units.

Public pages only ever see versions that are published *and* marked for the portal.
"""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from motcua.catalogue.domain import search_key
from motcua.catalogue.models import Component, Field, ProcedureVersion
from motcua.catalogue.selectors import procedure_search
from motcua.org.models import OrgUnit

ONLINE_LEVELS = (ProcedureVersion.OnlineLevel.FULL, ProcedureVersion.OnlineLevel.PARTIAL)


def _public(qs: QuerySet[ProcedureVersion]) -> QuerySet[ProcedureVersion]:
    return qs.filter(status=ProcedureVersion.Status.PUBLISHED, published_on_portal=True)


def portal_units() -> list[OrgUnit]:
    """Units valid today that run at least one public procedure, by name (one query)."""
    today = timezone.localdate()
    return list(
        OrgUnit.objects.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=today),
            Q(valid_to__isnull=True) | Q(valid_to__gte=today),
            procedure_versions__status=ProcedureVersion.Status.PUBLISHED,
            procedure_versions__published_on_portal=True,
        )
        .distinct()
        .order_by("name")
    )


def portal_fields() -> list[Field]:
    """Fields with at least one public procedure (one query)."""
    return list(
        Field.objects.filter(
            versions__status=ProcedureVersion.Status.PUBLISHED,
            versions__published_on_portal=True,
        )
        .distinct()
        .order_by("name")
    )


def portal_procedure_search(
    *,
    query: str,
    field_code: str = "",
    unit_id: int | None = None,
    units: list[OrgUnit] | None = None,
) -> QuerySet[ProcedureVersion]:
    """Public procedures matching every word of `query` in their code, name, field, agency or
    the name of a unit that runs them; optionally only one field (by code) or one unit.

    Accent- and case-insensitive ("chung thuc ban sao" finds "Chứng thực bản sao…"): text
    matching reuses `catalogue.selectors.procedure_search`'s folded `search_text`; unit names
    are folded here, in Python, from `units` (pass `portal_units()` to avoid a second query).
    """
    words = search_key(query).split()
    if units is None:
        units = portal_units() if words else []
    folded_units = [(u.pk, search_key(u.name)) for u in units]
    qs = _public(procedure_search(query=""))
    matched_units = False
    for word in words:
        unit_ids = [pk for pk, name in folded_units if word in name]
        condition = Q(search_text__contains=word)
        if unit_ids:
            condition |= Q(units__in=unit_ids)
            matched_units = True
        qs = qs.filter(condition)
    if field_code:
        qs = qs.filter(field__code=field_code)
    if unit_id:
        qs = qs.filter(units=unit_id)
    # Joins through units can repeat a version; only then pay for DISTINCT.
    return qs.distinct() if matched_units else qs


def portal_procedure_get(*, national_code: str) -> ProcedureVersion:
    """The public version of one procedure with everything its page shows (five queries).
    Raises ProcedureVersion.DoesNotExist for unknown, unpublished or portal-hidden ones."""
    return (
        _public(ProcedureVersion.objects.filter(procedure__national_code=national_code))
        .select_related("procedure", "field")
        .prefetch_related(
            "fees",
            "components",
            "steps",
            Prefetch("units", queryset=OrgUnit.objects.order_by("name")),
        )
        .get()
    )


def portal_component_template(*, national_code: str, component_id: int) -> Component:
    """A component of a public procedure that has a template file; DoesNotExist otherwise."""
    return (
        Component.objects.filter(
            pk=component_id,
            version__procedure__national_code=national_code,
            version__status=ProcedureVersion.Status.PUBLISHED,
            version__published_on_portal=True,
        )
        .exclude(template_file="")
        .get()
    )
