from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from motcua.accounts.models import User
from motcua.accounts.scoping import UnitScopedAdmin


@admin.register(User)
class UserAdmin(UnitScopedAdmin, BaseUserAdmin):
    list_display = ("username", "full_name", "unit", "is_active", "is_staff")
    list_filter = ("groups", "is_active", "is_staff")
    search_fields = ("username", "full_name", "email", "phone")
    list_select_related = ("unit",)
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Đơn vị công tác", {"fields": ("full_name", "phone", "unit", "is_demo")}),
    )
