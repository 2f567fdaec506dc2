from django.contrib import admin

from motcua.clock.models import CalendarOverride, CalendarOverrideAudit, OfficeHours


@admin.register(OfficeHours)
class OfficeHoursAdmin(admin.ModelAdmin):
    list_display = ("unit", "weekday", "start", "end")
    list_filter = ("weekday",)
    # Changes go through the audited page /lich-lam-viec/gio-lam-viec/.
    readonly_fields = ("unit", "weekday", "start", "end")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ("day", "kind", "unit", "note", "created_by", "created_at")
    list_filter = ("kind",)
    date_hierarchy = "day"

    # Read-only here: adding and deleting go through the audited services on /lich-lam-viec/.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CalendarOverrideAudit)
class CalendarOverrideAuditAdmin(admin.ModelAdmin):
    list_display = ("at", "actor", "action", "day", "unit_code", "details")
    list_filter = ("action",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
