from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from motcua.accounts.models import User
from motcua.accounts.scoping import UnitScopedAdmin
from motcua.org.models import OrgUnit


@admin.register(User)
class UserAdmin(UnitScopedAdmin, BaseUserAdmin):
    list_display = ("username", "full_name", "unit", "is_active", "is_staff")
    list_filter = ("groups", "is_active", "is_staff")
    search_fields = ("username", "full_name", "email", "phone")
    list_select_related = ("unit",)
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Đơn vị công tác", {"fields": ("full_name", "phone", "unit", "is_demo")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # A unit's administrator manages people and roles, never system-wide rights.
        if request.user.is_superuser:
            return ()
        return ("is_superuser", "user_permissions", "last_login", "date_joined")


# The units' admin is scoped by the signed-in user's units, which `accounts` knows and `org`
# must not (org is the lower layer: accounts depends on org, never the reverse).
@admin.register(OrgUnit)
class OrgUnitAdmin(UnitScopedAdmin):
    list_display = ("code", "name", "kind", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("code", "name")
    filter_horizontal = ("successors",)
    autocomplete_fields = ("parent",)
    unit_field = ""  # the object is itself the unit


# Every sign-in form is throttled, the admin's too (issue 9, hole 7).
def _throttled_admin_login() -> None:
    from motcua.accounts.forms import AdminLoginForm

    admin.site.login_form = AdminLoginForm


_throttled_admin_login()
