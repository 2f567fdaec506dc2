"""Per-unit scoping: an officer sees and acts on their own unit's objects only.

- Superusers, and administrators or supervisors without a unit, see everything.
- Supervisors with a unit see that unit's whole subtree (a city's supervisor sees its wards).
- Everyone else with a unit sees their administrative unit (ward, city) and the bodies inside
  it (departments, one-stop desks), but not the administrative units below it.
"""

from django.contrib import admin
from django.db.models import Q, QuerySet

from motcua.accounts.roles import Role
from motcua.org.models import OrgUnit
from motcua.org.selectors import unit_administrative


def scope_is_global(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.unit_id is None and bool(user.roles & {Role.ADMINISTRATOR, Role.SUPERVISOR})


def scope_units(user) -> QuerySet[OrgUnit]:
    """The units whose objects `user` may see."""
    if scope_is_global(user):
        return OrgUnit.objects.all()
    if not user.is_authenticated or user.unit_id is None:
        return OrgUnit.objects.none()
    home = unit_administrative(unit=user.unit)
    if Role.SUPERVISOR in user.roles:
        return OrgUnit.objects.filter(path__startswith=home.path)
    # The administrative unit itself and the non-administrative bodies directly under it
    # (or under those bodies), stopping at the next administrative level.
    below = OrgUnit.objects.filter(path__startswith=home.path).exclude(pk=home.pk)
    nested_admin = below.filter(kind__in=OrgUnit.ADMINISTRATIVE_KINDS)
    q = Q(pk=home.pk) | Q(path__startswith=home.path)
    for path in nested_admin.values_list("path", flat=True):
        q &= ~Q(path__startswith=path)
    return OrgUnit.objects.filter(q)


def scope_filter(queryset: QuerySet, user, unit_field: str) -> QuerySet:
    """Restrict `queryset` to objects whose `unit_field` lies in the user's scope.

    `unit_field` is the lookup path to an OrgUnit ("" when the model is OrgUnit itself).
    """
    if scope_is_global(user):
        return queryset
    units = scope_units(user)
    lookup = f"{unit_field}__in" if unit_field else "pk__in"
    return queryset.filter(**{lookup: units.values("pk")})


class UnitScopedAdmin(admin.ModelAdmin):
    """ModelAdmin whose lists, pages and choices stop at the user's unit."""

    unit_field = "unit"

    def get_queryset(self, request):
        return scope_filter(super().get_queryset(request), request.user, self.unit_field)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is OrgUnit and not scope_is_global(request.user):
            kwargs["queryset"] = scope_units(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is OrgUnit and not scope_is_global(request.user):
            kwargs["queryset"] = scope_units(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
