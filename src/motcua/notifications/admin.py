from django.contrib import admin

from motcua.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only: rows change only through delivery."""

    list_display = ["created_at", "channel", "recipient", "event", "ref_id", "status", "attempts"]
    list_filter = ["status", "channel", "event"]
    search_fields = ["recipient", "ref_id"]
    date_hierarchy = "created_at"
    # The sealed text of one-time codes is never shown (it is not an editable field either).
    exclude = ["sealed"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
