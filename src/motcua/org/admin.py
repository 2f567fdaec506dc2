from django.contrib import admin

from motcua.accounts.scoping import UnitScopedAdmin
from motcua.org.models import OrgUnit


@admin.register(OrgUnit)
class OrgUnitAdmin(UnitScopedAdmin):
    list_display = ("code", "name", "kind", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("code", "name")
    filter_horizontal = ("successors",)
    autocomplete_fields = ("parent",)
    unit_field = ""  # the object is itself the unit
