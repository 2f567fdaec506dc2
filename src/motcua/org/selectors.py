"""Reads on the organisation tree."""

import datetime

from django.db.models import QuerySet

from motcua.org.models import OrgUnit


def units_valid_on(*, day: datetime.date) -> QuerySet[OrgUnit]:
    from django.db.models import Q

    return OrgUnit.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=day),
        Q(valid_to__isnull=True) | Q(valid_to__gte=day),
    )


def unit_administrative(*, unit: OrgUnit) -> OrgUnit:
    """The administrative unit (ward, city, province) a body belongs to."""
    while not unit.is_administrative and unit.parent_id is not None:
        unit = unit.parent
    return unit


def unit_successors_on(*, unit: OrgUnit, day: datetime.date) -> list[OrgUnit]:
    """The units that carry on `unit`'s work on `day`.

    A unit still valid on `day` is its own successor. Otherwise follow the successor links
    (a ward merged into a new ward; a ward split into two) until units valid on `day` are
    reached. Returns [] when the chain ends without one (dissolved with no successor).
    """
    seen: set[int] = set()
    frontier = [unit]
    found: list[OrgUnit] = []
    while frontier:
        current = frontier.pop(0)
        if current.pk in seen:
            continue
        seen.add(current.pk)
        if current.is_valid_on(day):
            found.append(current)
            continue
        if current.valid_to is not None and day > current.valid_to:
            frontier.extend(current.successors.order_by("code"))
    return found
