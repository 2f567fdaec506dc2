from django.contrib import admin

from motcua.accounts.admin_readonly import NoAddOrChange, ReadOnlyAdmin
from motcua.clock.models import CalendarOverride, CalendarOverrideAudit, OfficeHours


@admin.register(OfficeHours)
class OfficeHoursAdmin(NoAddOrChange, admin.ModelAdmin):
    list_display = ("unit", "weekday", "start", "end")
    list_filter = ("weekday",)
    # Changes go through the audited page /lich-lam-viec/gio-lam-viec/.
    readonly_fields = ("unit", "weekday", "start", "end")


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(ReadOnlyAdmin):
    # Read-only here: adding and deleting go through the audited services on /lich-lam-viec/.
    list_display = ("day", "kind", "unit", "note", "created_by", "created_at")
    list_filter = ("kind",)
    date_hierarchy = "day"


@admin.register(CalendarOverrideAudit)
class CalendarOverrideAuditAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "day", "unit_code", "details")
    list_filter = ("action",)
